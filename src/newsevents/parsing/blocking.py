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
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from newsevents.parsing.article import table
from newsevents.parsing.tokens import Token

__all__ = ["clause_opening", "cues_after", "cues_before"]

#: Tokens that open a new clause: what comes before them is another clause.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", "--", '"', "“", "”", "that", "which", "who", "but"})


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
    for position in range(opening, at):
        token = tokens[position]
        if token.is_title and position != opening:
            continue  # a name: "Theresa May"
        if token.lower.endswith("'ll"):
            found.add("modal")
            continue
        for phrase, kind in by_first.get(token.lower, ()):  # longest first
            size = len(phrase)
            if size <= at - position and all(
                tokens[position + n].lower == word for n, word in enumerate(phrase[1:], 1)
            ):
                found.add(kind)
                break
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
