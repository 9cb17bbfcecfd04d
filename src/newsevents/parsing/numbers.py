"""
Numbers, counts and prison terms as English news text writes them.

Three finders, each returning matches with exact character offsets into the text:

- `find_numbers`: ``"seven"``, ``"twenty-five"``, ``"a dozen"``, ``"1,000"``,
  ``"seven and a half"``, ``"2.5 million"``;
- `find_counts`: numbers with what the text says about their precision, as a
  `newsevents.Count`: ``"at least 12"`` is ``Count(12, AT_LEAST)``, ``"about 150"`` is
  ``Count(150, ABOUT)``, ``"hundreds of"`` is ``Count(100, ORDER)``;
- `find_terms`: lengths of time as sentences give them, in months: ``"seven and a half
  years"`` is 90, ``"18 months"`` is 18, ``"a year and a half"`` is 18, ``"three-year"`` is 36.

The word lists live in ``parsing/data/number_words.tsv`` and ``parsing/data/count_qualifiers.tsv``.
Every pattern here is a bounded alternation without nested ambiguous repetition, so
each finder runs in time linear in the length of its input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache

import attrs

from newsevents._package_data import read_text
from newsevents.model import MAX_INT, Count, CountQualifier
from newsevents.parsing.patterns import Span
from newsevents.parsing.tokens import Token

__all__ = [
    "CountMatch",
    "NumberMatch",
    "TermMatch",
    "bound_before",
    "find_counts",
    "find_numbers",
    "find_terms",
    "parse_count",
    "parse_number",
    "range_before",
    "term_months",
    "terms_within",
    "token_terms",
    "whole_months",
]


@attrs.frozen
class NumberMatch:
    """
    A number found in text.

    Args:
        text: The number as written (``"seven and a half"``).
        start: Offset of its first character.
        end: Offset just past its last character.
        value: Its value; an `int` when whole, else a `float` (7.5).
    """

    text: str
    start: int
    end: int
    value: int | float


@attrs.frozen
class CountMatch:
    """
    A count found in text: a number with its qualifier (``"at least 12"``).

    Args:
        text: The count as written, qualifier included.
        start: Offset of its first character.
        end: Offset just past its last character.
        count: The count.
    """

    text: str
    start: int
    end: int
    count: Count


@attrs.frozen
class TermMatch:
    """
    A length of time found in text (``"seven and a half years"``, ``"three-year"``).

    Args:
        text: The length as written.
        start: Offset of its first character.
        end: Offset just past its last character.
        months: The length in whole months, or None when it is not a whole number of
            months ("six weeks", "30 days").
        unit: ``"year"``, ``"month"``, ``"week"`` or ``"day"``.
    """

    text: str
    start: int
    end: int
    months: int | None
    unit: str


# --------------------------------------------------------------------------- lexicon


@attrs.frozen
class _Lexicon:
    units: dict[str, int]
    scales: dict[str, int]
    orders: dict[str, int]
    qualifiers: dict[str, CountQualifier]


def _rows(name: str) -> list[list[str]]:
    text = read_text(f"parsing/data/{name}")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _lexicon() -> _Lexicon:
    units: dict[str, int] = {}
    scales: dict[str, int] = {}
    orders: dict[str, int] = {}
    for word, value, kind in _rows("number_words.tsv"):
        {"unit": units, "scale": scales, "order": orders}[kind][word] = int(value)
    qualifiers = {phrase: CountQualifier(value) for phrase, value in _rows("count_qualifiers.tsv")}
    return _Lexicon(units, scales, orders, qualifiers)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


# "1,000", "2.5", and the wire style's "12 1/2", "12½", "6 ½", "7-1/4" and "36-1/2"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+(?:\.\d+|\s1/2(?![\d/])|-[13]/[24](?![\d/])| ?½)?"
# "and a half", also hyphenated: "seven-and-a-half years", "a two-and-a-half-year term"
_HALF = r"(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)(?:half|quarter))"


@cache
def _number_pattern() -> str:
    lex = _lexicon()
    word = rf"(?:{_alternation([*lex.units, *lex.scales])})\b"
    # "a dozen", "an eighteen-month", "one hundred and five", "twenty-five", "seven and a half".
    # At most eight words, so that a failed match costs bounded backtracking (linear time).
    lead = rf"(?:an?\s+(?=(?:{_alternation(lex.scales)})\b))?"
    words = rf"{lead}{word}(?:(?:\s+and\s+|\s+|-)(?!a[\s-]+half){word}){{0,7}}"
    big = _alternation(name for name, value in lex.scales.items() if value >= 1000)
    digits = rf"(?<![\w.,/])(?:{_DIGITS})(?![\w/])(?:\s+(?:{big})\b)?"
    return rf"(?:{digits}|\b{words}){_HALF}?"


@cache
def _number_re() -> re.Pattern[str]:
    return re.compile(_number_pattern(), re.IGNORECASE)


def _value(text: str) -> int | float | None:
    """The value of one number as `_number_re` matches it, or None."""
    lex = _lexicon()
    lowered = text.lower().replace("-and-a-", " and a ").replace(" ½", "½").replace("½", " 1/2")
    fraction = 0.0
    for tail, part in ((" a half", 0.5), (" a quarter", 0.25)):
        if lowered.endswith(tail):
            lowered = re.sub(r"\s+and\s+a\s+\w+$", "", lowered)
            fraction = part
            break
    if lowered.endswith(" 1/2"):  # "12 1/2"
        lowered = lowered[:-4].rstrip()
        fraction = 0.5
    elif lowered[-4:] in ("-1/2", "-1/4", "-3/4") and lowered[:1].isdigit():  # "7-1/4"
        fraction = int(lowered[-3]) / int(lowered[-1])
        lowered = lowered[:-4]
    if lowered[:1].isdigit():
        figure, *scale = lowered.split()
        number: float = float(figure.replace(",", "")) * (lex.scales[scale[0]] if scale else 1)
    else:
        total = 0
        current = 0
        tokens = [token for token in re.split(r"[\s-]+", lowered) if token not in ("and", "")]
        for index, token in enumerate(tokens):
            if token in ("a", "an"):
                if index != 0:
                    return None
                current = 1
            elif token in lex.units:
                current += lex.units[token]
            elif token in ("hundred", "dozen", "score"):
                current = max(current, 1) * lex.scales[token]
            elif token in lex.scales:
                total += max(current, 1) * lex.scales[token]
                current = 0
            else:
                return None
        number = float(total + current)
    number += fraction
    if number > MAX_INT:
        return None
    return int(number) if number == int(number) else number


def find_numbers(text: str) -> list[NumberMatch]:
    """
    Find the numbers in ``text``, written in digits or in words.

    Args:
        text: Any text.

    Returns:
        The numbers in order, each with its offsets and value.

    Examples:
        >>> [m.value for m in find_numbers("seven and a half years, 1,000 lashes, twenty-five men")]
        [7.5, 1000, 25]
    """
    found = []
    for match in _number_re().finditer(text):
        value = _value(match.group())
        if value is not None:
            found.append(NumberMatch(match.group(), match.start(), match.end(), value))
    return found


def parse_number(text: str) -> int | float | None:
    """
    Return the value of ``text`` when it is exactly one number, else None.

    Examples:
        >>> parse_number("a dozen"), parse_number("seven and a half"), parse_number("many")
        (12, 7.5, None)
    """
    stripped = text.strip()
    match = _number_re().fullmatch(stripped)
    return None if match is None else _value(stripped)


# --------------------------------------------------------------------------- counts


@cache
def _count_pattern() -> str:
    lex = _lexicon()
    qualifier = rf"(?:(?P<qualifier>{_alternation(lex.qualifiers)})\s+)?"
    order = rf"(?P<order>(?:(?:tens|hundreds)\s+of\s+)?(?:{_alternation(lex.orders)}))\b"
    opening = _opening([*lex.qualifiers, *lex.orders, *lex.units, *lex.scales, "tens", "hundreds", "a"])
    return rf"\b{opening}{qualifier}(?:{order}|(?P<number>{_number_pattern()}))"


def _opening(words: list[str]) -> str:
    """
    A look-ahead at the first character an expression may open with: a digit, or the first
    letter of one of ``words`` (every word an alternative of it may open with), or nothing when
    a word is empty. It changes no match: the expression tries its long alternations only at a
    word that may open one, instead of at every word boundary (about twice as fast).
    """
    if not all(words):
        return ""
    return "(?=[\\d" + "".join(re.escape(first) for first in sorted({word[0] for word in words})) + "])"


@cache
def _count_re() -> re.Pattern[str]:
    return re.compile(_count_pattern(), re.IGNORECASE)


#: What `_lower_case` leaves out of an expression before looking for capitals: group names
#: and escapes (``\b``, ``\s``, ``\d``, ``\w`` are no letters of the text).
_NOT_TEXT = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\.")


@cache
def _lower_case(pattern: str) -> re.Pattern[str] | None:
    """
    A case-blind expression compiled case-sensitive, to run over ASCII text lowered (about three
    times faster: the engine compares no case variants), or None when the expression holds a
    capital letter (it would then match nothing in lowered text). Over ASCII text, whose lower
    case keeps every offset, the two find the same matches at the same offsets: every letter
    the expression names is lower case, so a case-blind comparison of an ASCII character with
    it is a comparison of the character's lower case.
    """
    bare = _NOT_TEXT.sub("", pattern)
    return re.compile(pattern) if bare == bare.lower() else None


def _finditer(
    pattern: str, case_blind: Callable[[], re.Pattern[str]], text: str
) -> Iterator[re.Match[str]]:
    """
    The matches of a case-blind expression (``pattern``, compiled by ``case_blind``) in ``text``:
    over ASCII text, those of its case-sensitive form in the lowered text (so read the groups
    with `_group`). The case-blind form is compiled only for a text that needs it.
    """
    fast = _lower_case(pattern) if text.isascii() else None
    return case_blind().finditer(text) if fast is None else fast.finditer(text.lower())


def _group(text: str, match: re.Match[str], name: str) -> str | None:
    """A group of a `_finditer` match as ``text`` writes it (the match may be of its lower case)."""
    start, end = match.span(name)
    return None if start < 0 else text[start:end]


def _order_value(text: str) -> int:
    lex = _lexicon()
    words = text.lower().split()
    value = lex.orders[words[-1]]
    if len(words) == 3:  # "tens of thousands", "hundreds of thousands"
        value *= lex.orders.get(words[0], 10)
    return value


_AGE = re.compile(r"[\s-]+(?:year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)


@cache
def _count_words() -> tuple[str, ...] | None:
    """The number and order words (every count holds one, or a digit); None unless all ASCII lower case."""
    lex = _lexicon()
    every = sorted({*lex.units, *lex.scales, *lex.orders})
    return tuple(every) if all(word.isascii() and word == word.lower() for word in every) else None


def _may_hold_count(text: str) -> bool:
    """
    Whether `_count_re` may match in ``text``: False only for an ASCII text with no digit
    and none of the number or order words in it, in any case. Every count holds a digit
    (`_DIGITS`), an order word or a number word; in ASCII text the case-blind expression
    matches a word only where the lower-cased text holds it. Most sentences hold no
    number: this look costs a tenth of running the expression over them.
    """
    known = _count_words()
    if known is None or not text.isascii():
        return True
    if any(digit in text for digit in "0123456789"):
        return True
    lowered = text.lower()
    return any(word in lowered for word in known)


def find_counts(text: str) -> list[CountMatch]:
    """
    Find counts in ``text``: numbers with their qualifiers, and orders of magnitude.

    ``"at least 12"`` is ``Count(12, AT_LEAST)``, ``"more than 40"`` ``Count(40, MORE_THAN)``,
    ``"up to 5"`` ``Count(5, AT_MOST)``, ``"about 150"`` ``Count(150, ABOUT)``, ``"hundreds"``
    ``Count(100, ORDER)`` (dozens 12, scores 20, thousands 1000), a bare number is exact.
    Numbers that are not whole (7.5) are not counts and are skipped.

    Args:
        text: Any text.

    Returns:
        The counts in order, each with its offsets.
    """
    lex = _lexicon()
    found: list[CountMatch] = []
    if not _may_hold_count(text):
        return found
    for match in _finditer(_count_pattern(), _count_re, text):
        order = _group(text, match, "order")
        if order is not None:
            value: int | float | None = _order_value(order)
            qualifier = CountQualifier.ORDER
        else:
            value = _value(text[match.start("number") : match.end("number")])
            word = _group(text, match, "qualifier")
            qualifier = CountQualifier.EXACT if word is None else lex.qualifiers[_squash(word)]
        if value is None or isinstance(value, float):
            continue
        if _AGE.match(text, match.end()):
            continue  # "a 19-year-old", "19 years old": an age, not a count
        start, end = match.span()
        found.append(CountMatch(text[start:end], start, end, Count(value, qualifier)))
    return found


def parse_count(text: str) -> Count | None:
    """
    Return the count ``text`` states when it is exactly one count, else None.

    Examples:
        >>> parse_count("at least 12")
        Count(value=12, qualifier=<CountQualifier.AT_LEAST: 'at_least'>)
    """
    stripped = text.strip()
    found = find_counts(stripped)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        return None
    return found[0].count


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------- terms

_UNIT_MONTHS = {"decade": 120, "year": 12, "month": 1}
#: The units of a term: `_term_re` matches only where one of them does (in any case).
_UNITS = "decade|year|month|week|day"
_UNIT = re.compile(_UNITS, re.IGNORECASE)


@cache
def _term_re() -> re.Pattern[str]:
    return re.compile(_term_pattern(), re.IGNORECASE)


@cache
def _term_pattern() -> str:
    number = _number_pattern()
    amount = rf"(?P<amount>{number}|an?|half\s+an?)"
    unit = rf"(?P<unit>{_UNITS})s?\b"
    # "a year and a half", "two years and six months"
    rest = (
        r"(?:(?P<half>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)"
        rf"|,?\s+and\s+(?P<amount2>{number}|a|one)(?:\s+|-)(?P<unit2>month|week|day)s?\b)?"
    )
    opening = _opening([*_lexicon().units, *_lexicon().scales, "a", "half"])
    return rf"\b{opening}{amount}(?:\s+|-){unit}{rest}(?![\s-]+old\b)"


def _amount(text: str) -> float | None:
    lowered = _squash(text)
    if lowered in ("a", "an", "one"):
        return 1.0
    if lowered.startswith("half"):
        return 0.5
    value = _value(text)
    return None if value is None else float(value)


def find_terms(text: str) -> list[TermMatch]:
    """
    Find lengths of time in ``text`` and give them in months.

    Ages ("a 50-year-old man", "50 years old") are not terms.

    Args:
        text: Any text.

    Returns:
        The terms in order, each with its offsets, whole months (or None) and unit.

    Examples:
        >>> [m.months for m in find_terms("seven and a half years; 18 months; a three-year term")]
        [90, 18, 36]
    """
    found: list[TermMatch] = []
    if _UNIT.search(text) is None:
        return found  # most sentences: no unit of time, so no term (a cheap look first)
    for match in _finditer(_term_pattern(), _term_re, text):
        amount = _amount(text[match.start("amount") : match.end("amount")])
        if amount is None:
            continue
        unit = text[match.start("unit") : match.end("unit")].lower()
        months: float | None = None
        if unit in _UNIT_MONTHS:
            months = amount * _UNIT_MONTHS[unit]
            if match.start("half") >= 0:
                months += 0.5 * _UNIT_MONTHS[unit]
            second_amount = _group(text, match, "amount2")
            if second_amount is not None:
                extra = _amount(second_amount)
                second = text[match.start("unit2") : match.end("unit2")].lower()
                months = None if extra is None or second not in _UNIT_MONTHS else months + extra
        whole = None if months is None or months != int(months) or months > MAX_INT else int(months)
        start, end = match.span()
        found.append(TermMatch(text[start:end], start, end, whole, unit))
    return found


def term_months(text: str) -> int | None:
    """
    Return the first length of time in ``text`` in whole months, or None.

    Examples:
        >>> term_months("seven and a half years"), term_months("a year and a half"), term_months("life")
        (90, 18, None)
    """
    found = find_terms(text)
    return found[0].months if found else None


def token_terms(text: str, tokens: Sequence[Token]) -> list[tuple[int, int, TermMatch]]:
    """
    The lengths of time in ``text`` as token positions: (first token, token after, term); a
    term that does not start and end on token edges is left out.

    Args:
        text: The text the tokens were read from (`newsevents.parsing.tokens.tokenize`).
        tokens: Its tokens.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> text = "she trained for five years in Rome"
        >>> [(first, end, term.months) for first, end, term in token_terms(text, tokenize(text))]
        [(3, 5, 60)]
    """
    starts = {token.start: token.index for token in tokens}
    ends = {token.end: token.index + 1 for token in tokens}
    found = find_terms(text)
    return [(starts[t.start], ends[t.end], t) for t in found if t.start in starts and t.end in ends]


_DATE_WORDS = frozenset({"in", "on", "since", "of", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                         "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june",
                         "july", "august", "september", "october", "november", "december"})  # fmt: skip


def range_before(words: Sequence[str], at: int, term: TermMatch) -> bool:
    """
    Whether the number before the length of time at ``at`` (its first word) opens a range:
    "15 to 25 years" does, "in 2018 to 25 years" (a date) and "30 to 20 years" do not.

    Args:
        words: Lower-cased words.
        at: The position of the term's first word.
        term: The term.

    Examples:
        >>> from newsevents.parsing.numbers import find_terms
        >>> [term] = find_terms("25 years")
        >>> range_before("it lasted 15 to 25 years".split(), 4, term)
        True
        >>> range_before("in 2018 to 25 years".split(), 3, term)
        False
    """
    if at < 2 or words[at - 1] not in ("to", "and", "or", "-", "–"):
        return False
    low = parse_number(words[at - 2])
    if low is None or (isinstance(low, float) and not low.is_integer()):
        return False
    if at >= 3 and words[at - 3].rstrip(".") in _DATE_WORDS:
        return False
    amount = find_numbers(term.text)
    return not amount or low < amount[0].value


_BOUNDS = frozenset({("less", "than"), ("more", "than"), ("up", "to"), ("at", "least")})


def bound_before(words: Sequence[str], at: int) -> str | None:
    """
    The bound the two words before position ``at`` set on the number there ("less than", "more
    than", "up to", "at least"), or None.

    Examples:
        >>> bound_before("she trained for up to five years".split(), 5)
        'up to'
        >>> bound_before("she trained for five years".split(), 3) is None
        True
    """
    before = tuple(words[max(0, at - 2) : at])
    return " ".join(before) if before in _BOUNDS else None


def whole_months(term: TermMatch) -> int | None:
    """
    A term's whole months, "a year and a day" counted as its year (12): the day adds no month.

    Examples:
        >>> [whole_months(term) for term in find_terms("a year and a day, two years")]
        [12, 24]
    """
    if term.months is None and term.text.endswith(("day", "days")) and " and " in term.text:
        return term_months(term.text.rsplit(" and ", 1)[0])
    return term.months


def terms_within(
    spans: Mapping[int, Sequence[Span]], begin: int, end: int
) -> list[tuple[int, int, TermMatch]]:
    """
    The mention layer's lengths of time (``TERM`` spans) inside tokens ``[begin, end)``, as
    `token_terms` gives them but counted from ``begin``: (first token, token after, term).

    Examples:
        >>> [term] = find_terms("five years")
        >>> terms_within({3: [Span("TERM", 3, 5, term)]}, 2, 6)
        [(1, 3, TermMatch(text='five years', start=0, end=10, months=60, unit='year'))]
    """
    return [
        (span.start - begin, span.end - begin, span.value)
        for at in range(begin, end)
        for span in spans.get(at, ())
        if span.kind == "TERM" and span.end <= end
    ]
