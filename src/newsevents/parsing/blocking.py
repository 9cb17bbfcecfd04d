"""
One blocking layer for every event type: cue words that say an event did not (yet) happen.

Cues after a match count too: "a call between X and Y is planned for next week"
(``data/cues_after.tsv``, read up to the end of the clause).

A match is blocked when the clause that states it, from the clause's start up to the
match, holds a cue of a kind the event type refuses: ``modal`` (future, planned,
hypothetical: "will", "plans to", "if"), ``negation`` ("not", "never", "n't"),
``refusal`` ("denied", "refused") or ``report``. The cue words are data
(``data/cues.tsv``, one phrase and its kind a line); a capitalised word after the first
of the clause is a name, not a cue ("Theresa May", "Will Smith").

A cue reaches only the trigger of its own predicate: not past a subordinating conjunction
("refused to talk while jets bombed the town"), nor past a preposition of a circumstance that
follows the cue's object ("declined to confirm the death of X in a drone strike", "had no
access to the town amid air strikes"): what that names is given. A ``perception`` cue ("could
hear") blocks nothing: what was heard happened.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from newsevents.parsing.article import table
from newsevents.parsing.tokens import Token

__all__ = ["clause_opening", "clause_words", "cues_after", "cues_before", "predicate_opening"]

#: Tokens that open a new clause: what comes before them is another clause.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", "--", '"', "“", "”", "that", "which", "who", "but"})


#: Conjunctions that open a clause of its own inside a sentence: a cue before one does not reach
#: past it ("they refused to talk while the jets kept bombing").
_SUBORDINATORS = frozenset({"while", "whereas", "because", "although", "though"})

#: Prepositions of a circumstance: after a cue's object ("the death of X in a strike", "no
#: access to the town amid air strikes"), what they introduce is taken as given, not negated,
#: refused or planned.
_PRESUPPOSING = frozenset({"in", "from", "amid", "during", "after", "following", "despite", "since"})

#: Words that open a noun phrase: the object of a cue's verb.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "any", "some", "no"})


@cache
def _cues() -> dict[tuple[str, ...], str]:
    return {
        tuple(row[0].lower().replace("’", "'").split()): row[1] for row in table("cues.tsv") if len(row) >= 2
    }


#: How far back a clause is read for cues: a clause of news runs to a few dozen tokens, and
#: a bound keeps a sentence of many matches and no commas linear in its length.
REACH = 60


def clause_opening(tokens: Sequence[Token], at: int) -> int:
    """The index of the first token of the clause that holds token ``at`` (at most `REACH` back)."""
    position = at
    limit = max(0, at - REACH)
    while position > limit and tokens[position - 1].lower not in _CLAUSE_OPENERS:
        position -= 1
    return position


def cues_before(tokens: Sequence[Token], at: int) -> set[str]:
    """
    The kinds of cue in the clause before token ``at`` (from the clause's opening to ``at``).

    Args:
        tokens: The sentence's tokens.
        at: The first token of the match.
    """
    by_first = _cues_by_first()
    opening = clause_opening(tokens, at)
    found: set[str] = set()
    object_at: int | None = None  # where a noun phrase after the last cue opens ("the death")
    for position in range(opening, at):
        token = tokens[position]
        if token.lower in _SUBORDINATORS or (
            token.lower in _PRESUPPOSING and object_at is not None and object_at < position - 1
        ):
            found.clear()  # "refused to talk while X bombed", "declined to confirm a death in a strike"
            object_at = None
            continue
        if token.lower in _DETERMINERS and found and object_at is None:
            object_at = position
        if token.is_title and position != opening:
            continue  # a name: "Theresa May"
        if token.lower.endswith("'ll"):
            found.add("modal")
            object_at = None
            continue
        for phrase, kind in by_first.get(token.lower, ()):  # longest first
            size = len(phrase)
            if size <= at - position and all(
                tokens[position + n].lower == word for n, word in enumerate(phrase[1:], 1)
            ):
                found.add(kind)
                object_at = None
                break
    found.discard("perception")
    return found


@cache
def _cues_by_first() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The cue phrases by their first word, longest first (a token starts few of them)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, kind in _cues().items():
        by_first.setdefault(phrase[0], []).append((phrase, kind))
    return {word: tuple(sorted(found, key=lambda item: -len(item[0]))) for word, found in by_first.items()}


@cache
def _after() -> dict[tuple[str, ...], str]:
    rows = table("cues_after.tsv")
    return {tuple(row[0].lower().replace("’", "'").split()): row[1] for row in rows if len(row) >= 2}


def cues_after(tokens: Sequence[Token], end: int, *, reach: int = 8) -> set[str]:
    """
    The kinds of cue right after a match, up to the end of its clause: "a call ... is planned for
    next week", "talks scheduled for Friday" (``data/cues_after.tsv``).

    Args:
        tokens: The sentence's tokens.
        end: The index just past the match.
        reach: How many tokens after the match are read.
    """
    table_ = _after()
    found: set[str] = set()
    stop = min(len(tokens), end + reach)
    for position in range(end, stop):
        word = tokens[position].lower
        if word in _CLAUSE_OPENERS or word == "to":
            break  # "agreed in a call to meet next week": what the purpose clause plans is not the call
        for size in (3, 2):
            kind = table_.get(tuple(t.lower for t in tokens[position : position + size]))
            if kind is not None:
                found.add(kind)
    return found


def spaced_dash(tokens: Sequence[Token], start: int) -> int | None:
    """
    The index of the first hyphen written as a dash (spaces on both sides: "jailed for life -
    it would have been longer") from token ``start``, or None: it ends a clause as "—" does.
    """
    for at in range(max(1, start), len(tokens) - 1):
        token = tokens[at]
        if token.text == "-" and tokens[at - 1].end < token.start < token.end < tokens[at + 1].start:
            return at
    return None


def predicate_opening(tokens: Sequence[Token], at: int, finite: Collection[str]) -> int:
    """
    Where the predicate holding token ``at`` opens when it is one of several: after the last
    "and", ";" or ":" before ``at`` that a word of ``finite`` follows ("pleaded guilty and was
    fined": "was"), else 0.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> predicate_opening(tokenize("She sang and was cheered loudly"), 4, {"was"})
        3
    """
    return next(
        (
            position + 1
            for position in range(at - 1, -1, -1)
            if tokens[position].lower in ("and", ";", ":") and tokens[position + 1].lower in finite
        ),
        0,
    )


def clause_words(
    tokens: Sequence[Token], at: int, stop: int, floor: int = 0, *, reach: int = 12
) -> list[str]:
    """
    The lower-case words of the clause before a verb phrase, for looking up cue phrases: from
    the last ";", ":" or ", but" among the ``reach`` tokens before ``at`` (not before ``floor``)
    to ``stop``, with names (capitalised words after the first) and a relative clause that a
    comma closes before ``at`` ("Ann, who hoped to win, was") left as "".

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("Rain fell, but Ann, who hoped to win, was beaten")
        >>> clause_words(tokens, 11, 12)
        ['ann', ',', '', '', '', '', ',', 'was']
    """
    begin = max(floor, at - reach)
    for position in range(at - 1, begin - 1, -1):
        if tokens[position].lower in (";", ":") or (
            tokens[position].lower == "but" and position and tokens[position - 1].lower == ","
        ):
            begin = position + 1
            break
    words = [t.lower if not t.is_title or n == begin else "" for n, t in enumerate(tokens[begin:stop], begin)]
    close = next((n for n in range(at - 1, begin, -1) if tokens[n].text == ","), None)
    relative = next((n for n in range(begin, close or begin) if tokens[n].lower in ("who", "whose")), None)
    if close is not None and relative is not None:
        words[relative - begin : close - begin] = [""] * (close - relative)  # "X, who wanted ..., was jailed"
    return words
