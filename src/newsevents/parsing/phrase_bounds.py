"""
Where a phrase in a sentence starts and ends, read from its words.

- `phrase_opening`: where a noun phrase named after a word starts, past a quotation mark,
  a hedge, a count ("two counts of") and a time ("a March 2019 storm": "storm");
- `term_phrase_end`: where a phrase after a verb that may give a length of time ends ("banned
  for five years for speeding": before the second "for");
- `phrase_end`: where a noun phrase read from a word ends ("for driving a car in London
  on Monday": "driving a car");
- `modifier_before`: the common words an "in a ... <noun>" phrase puts before its noun ("in
  a winter storm": "winter").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from newsevents.parsing.numbers import parse_number
from newsevents.parsing.patterns import Span
from newsevents.parsing.tokens import Token

__all__ = ["TRAILING", "modifier_before", "phrase_end", "phrase_opening", "term_phrase_end"]

#: Function words a phrase does not end on.
TRAILING = frozenset({"in", "on", "of", "the", "a", "an", "and", "his", "her", "their", "for", "with", "to"})


def phrase_end(
    tokens: Sequence[Token],
    spans: Mapping[int, Sequence[Span]],
    opening: int,
    *,
    stops: Collection[str],
    new_clause: Collection[str],
    settings: Collection[str] = (),
    reach: int = 12,
) -> int:
    """
    Where the phrase read from ``opening`` ends: at most ``reach`` words, before a word of
    ``stops``, a time expression, an "and" that opens a new clause (the end of the sentence
    or a word of ``new_clause`` after it), or "in"/"on" before a number, a capitalised word or
    a word of ``settings``; function words at its end (`TRAILING`) are left out.

    Args:
        tokens: The sentence's tokens.
        spans: The mention layer's spans by start token (``TIME`` ones end the phrase).
        opening: The phrase's first token.
        stops: Lower-case words that end the phrase.
        new_clause: Lower-case words that, after "and", open another clause.
        settings: Lower-case words that, after "in" or "on", say where rather than what.
        reach: The most words read.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("She was fined for driving a car in London and was banned.")
        >>> end = phrase_end(tokens, {}, 4, stops={","}, new_clause={"was"})
        >>> " ".join(token.text for token in tokens[4:end])
        'driving a car'
    """
    end = opening
    while end < min(len(tokens), opening + reach):
        token = tokens[end]
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if token.lower in stops or any(s.kind == "TIME" for s in spans.get(end, ())):
            break
        if token.lower == "and" and (following is None or following.lower in new_clause):
            break
        if (
            token.lower in ("in", "on")
            and following is not None
            and (following.shape == "d" or following.is_title or following.lower in settings)
        ):
            break
        end += 1
    while end > opening and tokens[end - 1].lower in TRAILING:
        end -= 1
    return end


def modifier_before(
    tokens: Sequence[Token], start: int, heads: Collection[str], skipped: Collection[str]
) -> tuple[int, int] | None:
    """
    The first "in a/an/the/another ... <head>" from ``start`` on (from the sentence's opening
    when it opens with "In") whose words before the head are lower-case once names and the
    ``skipped`` words after the article are passed: their token range, or None.

    Args:
        tokens: The sentence's tokens.
        start: Where to look from (at most 40 tokens on).
        heads: The lower-case head nouns ("storm").
        skipped: Lower-case words that qualify the head without naming its kind ("separate").

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("Roads closed in the Lake County winter storm on Monday.")
        >>> first, end = modifier_before(tokens, 0, {"storm"}, set())
        >>> tokens[first].text, end - first
        ('winter', 1)
    """
    for at in range(0 if tokens[0].lower == "in" else start, min(len(tokens) - 2, start + 40)):
        if tokens[at].lower != "in" or tokens[at + 1].lower not in ("a", "the", "an", "another"):
            continue
        end = next((n for n in range(at + 2, min(len(tokens), at + 9)) if tokens[n].lower in heads), at)
        first = at + 2
        while first < end and (tokens[first].is_title or tokens[first].lower in skipped):
            first += 1  # the names of what it concerns, "a separate storm"
        if first < end and all(t.shape == "x" for t in tokens[first:end]):
            return first, end
    return None


def phrase_opening(
    tokens: Sequence[Token],
    spans: Mapping[int, Sequence[Span]],
    opening: int,
    hedges: Collection[str] = (),
    counted: Collection[str] = ("counts", "charges"),
) -> int:
    """
    Where the phrase named from token ``opening`` starts: past an opening quotation mark, a
    word of ``hedges`` ("allegedly"), a number of ``counted`` things ("two counts of", "three
    charges of") and an article with a time after it ("a March 2019 storm": "storm").

    Args:
        tokens: The sentence's tokens.
        spans: The mention layer's spans by start token (``TIME`` ones are passed over).
        opening: The token after the word that names the phrase.
        hedges: Lower-case words that qualify the phrase without being part of it.
        counted: Lower-case plural nouns of "<number> <noun> of" before the phrase.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("She was fined on two counts of speeding.")
        >>> tokens[phrase_opening(tokens, {}, 4)].text
        'speeding'
    """
    opening += opening < len(tokens) and tokens[opening].text in ('"', "“")
    opening += opening < len(tokens) and tokens[opening].lower in hedges
    if [t.lower for t in tokens[opening + 1 : opening + 3]] in ([noun, "of"] for noun in counted):
        opening += 3 * (tokens[opening].shape == "d" or parse_number(tokens[opening].lower) is not None)
    dated = [s for s in spans.get(opening + 1, ()) if s.kind == "TIME"] if opening < len(tokens) else []
    if dated and tokens[opening].lower in ("a", "an", "the") and dated[0].end < len(tokens):
        opening = dated[0].end
    return opening


#: Words that end a phrase read after a verb: what it was for ("for fraud") or a new clause follows.
_CUT = frozenset({"for", "over", "after", "because", "who", "which", "when", "while", "following", "as",
                  ";", "—", "–", "--"})  # fmt: skip
#: After "for a", the words that go on with a length of time ("for a total of 35 years"), not a
#: purpose ("for a robbery").
_FOR_A_TERM = frozenset({"total", "minimum", "maximum", "term", "period", "further", "combined", "year",
                         "decade"})  # fmt: skip
_CUT_AFTER_COMMA = frozenset({"a", "an", "the", "which", "who", "saying", "but", "according", "to"})


def term_phrase_end(
    tokens: Sequence[Token], spans: Mapping[int, Sequence[Span]], begin: int, *, reach: int = 40
) -> int:
    """
    Where the phrase after a verb, from token ``begin``, ends when it may give a length of time:
    before a word that opens a reason or a new clause ("for", "over", "after", "who", ";"),
    "on charges", a comma before an article, a relative or a person's name, or the sentence's
    last full stop; a "for" that goes on with a length of time ("for five years", "for life",
    "for a total of", "for at least") does not end it. At most ``reach`` tokens.

    Args:
        tokens: The sentence's tokens.
        spans: The mention layer's spans by start token (``TERM`` and ``PERSON`` ones are read).
        begin: The phrase's first token.
        reach: The most tokens read.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("She was banned for life for speeding.")
        >>> term_phrase_end(tokens, {}, 3)
        5
    """
    stop = min(len(tokens), begin + reach)
    for at in range(begin, stop):
        word = tokens[at].lower
        follows = tokens[at + 1].lower if at + 1 < len(tokens) else ""
        if word == "for" and (
            follows == "life"
            or (follows == "a" and at + 2 < len(tokens) and tokens[at + 2].lower in _FOR_A_TERM)
            or (follows == "at" and any(s.kind == "TERM" for s in spans.get(at + 3, ())))  # "for at least"
            or any(s.kind == "TERM" for s in spans.get(at + 1, ()))
        ):
            continue  # "banned for life", "for five years", "for a total of": the phrase goes on
        if (
            word in _CUT
            or (word == "on" and follows == "charges")
            or (word == "," and follows in _CUT_AFTER_COMMA)
            or (word == "," and any(s.kind == "PERSON" for s in spans.get(at + 1, ())))  # ", X escaped"
        ):
            return at
        if word == "." and at == len(tokens) - 1:
            return at
    return stop
