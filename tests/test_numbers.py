"""Tests for newsevents.parsing.numbers: number words, counts and terms in months."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import Count, CountQualifier
from newsevents.parsing.numbers import (
    find_counts,
    find_numbers,
    find_terms,
    parse_count,
    parse_number,
    range_before,
    term_months,
    token_terms,
)
from newsevents.parsing.tokens import tokenize

Q = CountQualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seven", 7),
        ("Seven", 7),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a dozen", 12),
        ("one hundred and five", 105),
        ("two thousand", 2000),
        ("seven and a half", 7.5),
        ("1,000", 1000),
        ("25,000", 25000),
        ("3", 3),
        ("2.5 million", 2_500_000),
        ("3 and a half", 3.5),
        ("many", None),
        ("", None),
        ("seven dwarfs", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    """Whole-string numbers in words or digits have their value; anything else is None."""
    assert expected == parse_number(text)


def test_find_numbers_offsets() -> None:
    """Numbers are found in running text with exact offsets."""
    text = "He got seven and a half years, 1,000 lashes and a $25,000 fine with twenty-five others."
    found = find_numbers(text)
    assert [7.5, 1000, 25000, 25] == [m.value for m in found]
    for match in found:
        assert match.text == text[match.start : match.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 12", Count(12, Q.AT_LEAST)),
        ("At least 63", Count(63, Q.AT_LEAST)),
        ("more than 40", Count(40, Q.MORE_THAN)),
        ("over 100", Count(100, Q.MORE_THAN)),
        ("fewer than 5", Count(5, Q.FEWER_THAN)),
        ("up to 10", Count(10, Q.AT_MOST)),
        ("about 150", Count(150, Q.ABOUT)),
        ("around 20", Count(20, Q.ABOUT)),
        ("nearly 300", Count(300, Q.ABOUT)),
        ("some forty", Count(40, Q.ABOUT)),
        ("hundreds", Count(100, Q.ORDER)),
        ("dozens", Count(12, Q.ORDER)),
        ("scores", Count(20, Q.ORDER)),
        ("thousands", Count(1000, Q.ORDER)),
        ("tens of thousands", Count(10000, Q.ORDER)),
        ("49", Count(49)),
        ("eleven", Count(11)),
        ("1,688", Count(1688)),
        ("seven and a half", None),
        ("at least", None),
        ("people", None),
    ],
)
def test_parse_count(text: str, expected: Count | None) -> None:
    """Counts carry the text's qualifier; orders of magnitude are ORDER; fractions are not counts."""
    assert expected == parse_count(text)


def test_find_counts_in_sentences() -> None:
    """Counts are found in running text with their qualifier and exact offsets."""
    text = "At least 63 people died in hundreds of airstrikes, killing scores, about 150 fighters."
    found = find_counts(text)
    assert [Count(63, Q.AT_LEAST), Count(100, Q.ORDER), Count(20, Q.ORDER), Count(150, Q.ABOUT)] == [
        m.count for m in found
    ]
    for match in found:
        assert match.text == text[match.start : match.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seven and a half years", 90),
        ("18 months", 18),
        ("a year and a half", 18),
        ("three-year", 36),
        ("one-year jail terms", 12),
        ("a year in prison", 12),
        ("10 months", 10),
        ("two years and six months", 30),
        ("15 years of hard labor", 180),
        ("a 20-year sentence", 240),
        ("half a year", 6),
        ("1.5 years", 18),
        ("six weeks", None),
        ("30 days", None),
        ("life", None),
        ("a 50-year-old man", None),
        ("aged 50 years old", None),
        ("two-and-a-half years", 30),
        ("a three-and-a-half-year term", 42),
        ("a year-and-a-half", 18),
        ("12 1/2 years", 150),
        ("7½ years", 90),
        ("a decade in prison", 120),
        ("two decades", 240),
    ],
)
def test_term_months(text: str, expected: int | None) -> None:
    """Lengths of time are whole months; weeks, days, life and ages are None."""
    assert expected == term_months(text)


def test_ages_are_not_counts() -> None:
    """'a 19-year-old' and '19 years old' are ages: no count; a fraction's digits are no count either."""
    assert [3] == [m.count.value for m in find_counts("killing a 19-year-old and 3 others")]
    assert [] == find_counts("he was 19 years old")
    assert [] == find_counts("cut by 1/2")


def test_find_terms_units_and_offsets() -> None:
    """Each term keeps its unit and exact offsets; ages are not terms."""
    text = "The 50-year-old got 3 years in prison and six weeks of community service."
    found = find_terms(text)
    assert [("3 years", 36, "year"), ("six weeks", None, "week")] == [
        (m.text, m.months, m.unit) for m in found
    ]
    for match in found:
        assert match.text == text[match.start : match.end]


@given(st.integers(0, 10**12))
def test_digits_round_trip(value: int) -> None:
    """Any whole number written with or without thousands separators parses back."""
    assert value == parse_number(str(value))
    assert value == parse_number(f"{value:,}")
    assert Count(value) == parse_count(f"{value:,}")


@given(st.integers(1, 99))
def test_words_round_trip(value: int) -> None:
    """Numbers 1 to 99 written in words parse back, with or without the hyphen."""
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if value < 10:
        word = units[value - 1]
    elif value < 20:
        word = teens[value - 10]
    else:
        word = tens[value // 10 - 2] + ("" if value % 10 == 0 else "-" + units[value % 10 - 1])
    assert value == parse_number(word)
    assert value == parse_number(word.replace("-", " "))
    assert value * 12 == term_months(f"{word} years")


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    """Any text is scanned without an exception, and every match spans its own text."""
    for match in [*find_numbers(text), *find_counts(text), *find_terms(text)]:
        assert match.text == text[match.start : match.end]
    parse_number(text)
    parse_count(text)
    term_months(text)


def test_linear_on_adversarial_input() -> None:
    """Long runs of near-matches are scanned without catastrophic backtracking."""
    text = "seven and " * 3000 + "at least " * 3000 + "1,000," * 3000 + "twenty-" * 3000
    assert isinstance(find_terms(text), list)
    assert isinstance(find_counts(text), list)


def test_terms_are_given_as_token_positions() -> None:
    """A length of time is placed on the tokens it covers ("two-year" is one token)."""
    text = "The lease ran for three years, then a two-year extension."
    tokens = tokenize(text)
    found = [(first, end, term.months) for first, end, term in token_terms(text, tokens)]
    assert [(4, 6, 36), (9, 10, 24)] == found


def test_a_number_before_a_term_opens_a_range_unless_it_is_a_date() -> None:
    """ "between 10 and 12 years" is a range; "in 2019 to 12 years" and "20 to 12 years" are not."""
    [term] = find_terms("12 years")
    assert range_before(["it", "took", "between", "10", "and", "12", "years"], 5, term)
    assert range_before(["five", "to", "12", "years"], 2, term)
    assert not range_before(["in", "2019", "to", "12", "years"], 3, term)
    assert not range_before(["from", "20", "to", "12", "years"], 3, term)
    assert not range_before(["about", "12", "years"], 1, term)


#: Pieces of news text with counts and terms, in every case, for the screens below.
_PIECES = st.sampled_from(
    [" ", "-", ",", ".", "one", "ONE", "Phone", "hundreds", "Dozen", "sixty", "Five", "at least", "some",
     "year", "YEARS", "Month", "weekday", "decade", "old", "7", "1,000", "½", "and a half", "ſeven",
     "\u212aill", "٣", "people", "killed", "term", "jailed", "a", "an", "of", "tens"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_cheap_looks_before_counts_and_terms_never_skip_one(text: str) -> None:
    """
    `find_counts` and `find_terms` skip their expressions on text a cheap look finds no
    count or term in (no digit or number word; no unit of time): that look must never skip
    a text the expression matches in (the texts here mix cases, and "ſ", "K" and "٣", which
    case-blind or Unicode matching reads as "s", "k" and a digit).
    """
    from newsevents.parsing import numbers

    if not numbers._may_hold_count(text):
        assert numbers._count_re().search(text) is None
    if numbers._UNIT.search(text) is None:
        assert numbers._term_re().search(text) is None


def test_counts_and_terms_are_found_in_any_case_past_the_cheap_looks() -> None:
    """A count or term in capitals, or in words alone, passes the looks and is found."""
    counts = find_counts("SIXTY-FIVE people, hundreds of others and about 1,000 more")
    assert [65, 100, 1000] == [match.count.value for match in counts]
    assert [90, 18] == [match.months for match in find_terms("SEVEN AND A HALF YEARS, then Eighteen Months")]
    assert [] == find_counts("The Prime Minister spoke to reporters.")
    assert [] == find_terms("The Prime Minister spoke to reporters.")


def test_the_bound_before_a_number_and_a_terms_whole_months() -> None:
    """ "up to five years" is bounded; "a year and a day" is its year's 12 months."""
    from newsevents.parsing.numbers import bound_before, whole_months

    words = ["she", "trained", "for", "at", "least", "five", "years", "and", "up", "to", "six"]
    assert "at least" == bound_before(words, 5)
    assert "up to" == bound_before(words, 10)
    assert bound_before(words, 3) is None
    assert bound_before(words, 0) is None
    assert [12, 18, None] == [
        whole_months(t) for t in find_terms("a year and a day, a year and a half, 3 days")
    ]


def test_the_terms_inside_a_token_range() -> None:
    """TERM spans inside the range, counted from its first token; one running past its end is left out."""
    from newsevents.parsing.article import Article
    from newsevents.parsing.mentions import view
    from newsevents.parsing.numbers import terms_within

    article = Article("She trained for five years in Rome and then for three months.")
    spans = view(article, article.sentences[0]).spans
    assert [(2, 4, 60), (9, 11, 3)] == [(a, b, t.months) for a, b, t in terms_within(spans, 1, 13)]
    assert [(0, 2, 60)] == [(a, b, t.months) for a, b, t in terms_within(spans, 3, 11)]


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_lower_case_expressions_find_what_the_case_blind_ones_find(text: str) -> None:
    """
    Over ASCII text, counts and terms are read by the case-sensitive form of their expressions
    in the lowered text (`numbers._finditer`): the same matches at the same offsets as the
    case-blind expressions over the text as written, whose groups `_group` gives as written.
    """
    from newsevents.parsing import numbers

    for pattern, case_blind in (
        (numbers._count_pattern(), numbers._count_re),
        (numbers._term_pattern(), numbers._term_re),
    ):
        assert numbers._lower_case(pattern) is not None  # the fast form is used
        fast = list(numbers._finditer(pattern, case_blind, text))
        full = list(case_blind().finditer(text))
        assert [m.span() for m in full] == [m.span() for m in fast]
        for mine, theirs in zip(fast, full, strict=True):
            assert [numbers._group(text, mine, name) for name in theirs.groupdict()] == list(
                theirs.groupdict().values()
            )


def test_an_expression_with_a_capital_is_never_run_lowered() -> None:
    """A capital letter outside group names and escapes keeps the case-blind expression."""
    from newsevents.parsing import numbers

    assert numbers._lower_case(r"(?P<x>\bten\s+Years)") is None
    assert numbers._lower_case(r"(?P<Unit>\bten\s+years)\b\S") is not None


def _without_opening(pattern: str) -> str:
    from newsevents.parsing import numbers

    lex = numbers._lexicon()
    for words in (
        [*lex.qualifiers, *lex.orders, *lex.units, *lex.scales, "tens", "hundreds", "a"],
        [*lex.units, *lex.scales, "a", "half"],
    ):
        opening = numbers._opening(words)
        if opening and opening in pattern:
            return pattern.replace(opening, "", 1)
    raise AssertionError("no opening look-ahead in the expression")


def _same_matches(text: str) -> None:
    import re

    from newsevents.parsing import numbers

    for pattern in (numbers._count_pattern(), numbers._term_pattern()):
        for flags in (re.IGNORECASE, 0):
            looked = re.compile(pattern, flags)
            plain = re.compile(_without_opening(pattern), flags)
            for given_text in (text, text.lower()):
                found = [(m.span(), m.groupdict()) for m in looked.finditer(given_text)]
                assert found == [(m.span(), m.groupdict()) for m in plain.finditer(given_text)]


def test_the_opening_look_ahead_keeps_every_count_and_term_of_every_word() -> None:
    """The look-ahead before the count and term expressions drops no match a lexicon word opens."""
    from newsevents.parsing import numbers

    lex = numbers._lexicon()
    for word in (*lex.qualifiers, *lex.orders, *lex.units, *lex.scales):
        for written in (word, word.upper(), word.title()):
            _same_matches(f"x {written} 5 people, {written} years; an {written} hundred-month term.")


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_opening_look_ahead_changes_no_match(text: str) -> None:
    _same_matches(text)
