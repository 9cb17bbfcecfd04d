"""Tests for newsevents.dates: time expressions resolved against the publication date."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import PartialDate
from newsevents import dates as dates_module
from newsevents.dates import TimeExpression, find, resolve

DEC26 = datetime.date(2019, 12, 26)  # a Thursday, the seed's publication date


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # weekdays: the latest such day on or before publication
        ("Thursday", DEC26, "2019-12-26"),
        ("on Thursday", DEC26, "2019-12-26"),
        ("Wednesday", DEC26, "2019-12-25"),
        ("on Friday", DEC26, "2019-12-20"),
        ("on Monday night", DEC26, "2019-12-23"),
        ("Wednesday's", DEC26, "2019-12-25"),
        ("last Thursday", DEC26, "2019-12-19"),
        ("next Thursday", DEC26, "2020-01-02"),
        ("Saturday", datetime.date(2016, 5, 25), "2016-05-21"),
        # spans give the month (or the year when they straddle months)
        ("last week", DEC26, "2019-12"),
        ("last week", datetime.date(2016, 3, 7), "2016"),
        ("earlier this month", DEC26, "2019-12"),
        ("Earlier this month", datetime.date(2015, 5, 19), "2015-05"),
        ("this month", DEC26, "2019-12"),
        ("last month", DEC26, "2019-11"),
        ("Last month", datetime.date(2015, 5, 30), "2015-04"),
        ("last month", datetime.date(2016, 1, 5), "2015-12"),
        ("next month", DEC26, "2020-01"),
        ("this week", datetime.date(2016, 11, 10), "2016-11"),
        ("over the past two days", datetime.date(2016, 1, 24), "2016-01"),
        ("in the past 48 hours", datetime.date(2016, 1, 24), "2016-01"),
        ("a week ago", datetime.date(2015, 6, 4), "2015-05"),
        ("this year", DEC26, "2019"),
        ("last year", DEC26, "2018"),
        ("overnight", DEC26, "2019-12"),
        ("overnight", datetime.date(2017, 3, 1), "2017"),  # the night of Feb. 28
        ("last weekend", datetime.date(2019, 5, 6), "2019-05"),
        ("over the weekend", datetime.date(2019, 6, 1), "2019-05"),  # a Saturday: last week's
        ("last weekend", datetime.date(2019, 6, 2), "2019-05"),  # a Sunday: the one before
        ("the day before yesterday", DEC26, "2019-12-24"),
        ("in mid-March", datetime.date(2019, 5, 16), "2019-03"),
        ("on Sept 11", datetime.date(2019, 5, 16), "2019-09-11"),
        ("Dec 25, 2018", DEC26, "2018-12-25"),
        ("in April of 2013", DEC26, "2013-04"),
        ("the end of April of 2013", None, "2013-04"),
        # two days joined by "and": the span of both
        ("late last night and early today", datetime.date(2016, 7, 1), "2016"),
        ("last night and early today", DEC26, "2019-12"),
        ("last Thursday and Friday", DEC26, "2019-12"),
        ("Monday and Tuesday", datetime.date(2016, 3, 2), "2016"),  # 29 February and 1 March
        ("Sunday or Monday", datetime.date(2016, 3, 9), "2016-03"),
        # month names: nearest occurrence, at month precision
        ("in October", DEC26, "2019-10"),
        ("last June", datetime.date(2016, 3, 30), "2015-06"),
        ("next June", datetime.date(2016, 3, 30), "2016-06"),
        ("in March", datetime.date(2016, 3, 30), "2016-03"),
        ("in July", datetime.date(2019, 1, 15), "2018-07"),  # six months either way: the past
        ("January 22", DEC26, "2020-01-22"),
        ("on March 2", DEC26, "2020-03-02"),
        ("Feb. 14", DEC26, "2020-02-14"),
        ("Dec. 1", DEC26, "2019-12-01"),
        # explicit dates
        ("March 2, 2016", DEC26, "2016-03-02"),
        ("2 March 2016", DEC26, "2016-03-02"),
        ("March 2016", DEC26, "2016-03"),
        ("in August 2013", DEC26, "2013-08"),
        ("in September, 2014", DEC26, "2014-09"),
        ("2016", DEC26, "2016"),
        ("in 2014", DEC26, "2014"),
        ("2016-03-02", DEC26, "2016-03-02"),
        # days
        ("yesterday", DEC26, "2019-12-25"),
        ("today", DEC26, "2019-12-26"),
        ("three days ago", DEC26, "2019-12-23"),
    ],
)
def test_resolve(phrase: str, published: datetime.date, expected: str) -> None:
    """Each phrase resolves to the documented date at the text's precision."""
    assert PartialDate.parse(expected) == resolve(phrase, published)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("March 2, 2016", "2016-03-02"),
        ("2 March 2016", "2016-03-02"),
        ("March 2016", "2016-03"),
        ("2016", "2016"),
        ("in 2014", "2014"),
        ("Thursday", None),
        ("in October", None),
        ("January 22", None),
        ("last week", None),
        ("yesterday", None),
    ],
)
def test_without_publication_date_only_explicit_dates_resolve(phrase: str, expected: str | None) -> None:
    """With no publication date, relative phrases give None and explicit ones their date."""
    assert (None if expected is None else PartialDate.parse(expected)) == resolve(phrase, None)


@pytest.mark.parametrize(
    "phrase", ["", "faces up to 10 years", "May said", "the march was long", "sunday", "in Octobers", 2019]
)
def test_non_dates_give_none(phrase: object) -> None:
    """Text that is not a time expression (or not a string) resolves to None."""
    assert resolve(phrase, DEC26) is None  # type: ignore[arg-type]


def test_direction() -> None:
    """A tie goes to the past by default; direction chooses the future, or forces the past."""
    jan15 = datetime.date(2019, 1, 15)
    assert PartialDate(2018, 7) == resolve("in July", jan15)
    assert PartialDate(2019, 7) == resolve("in July", jan15, direction="future")
    assert PartialDate(2019, 2) == resolve("in February", jan15)
    assert PartialDate(2018, 2) == resolve("in February", jan15, direction="past")
    assert PartialDate(2019, 12, 20) == resolve("December 20", DEC26, direction="past")
    assert PartialDate(2019, 1, 22) == resolve("January 22", DEC26, direction="past")


def test_future_marker_breaks_ties() -> None:
    """'will' before a month in the same sentence sends a tie to the future."""
    jan15 = datetime.date(2019, 1, 15)
    [expression] = find("The court will rule in July.")
    assert expression.future
    assert PartialDate(2019, 7) == expression.resolve(jan15)
    [expression] = find("The court ruled in July.")
    assert not expression.future
    assert PartialDate(2018, 7) == expression.resolve(jan15)


def test_find_offsets_and_kinds() -> None:
    """find returns each expression with exact offsets and its kind."""
    text = "She was sentenced in October, his office said Thursday; the vote is on March 2, 2020."
    found = find(text)
    assert ["in October", "Thursday", "March 2, 2020"] == [e.text for e in found]
    assert ["month", "weekday", "date"] == [e.kind for e in found]
    for expression in found:
        assert expression.text == text[expression.start : expression.end]


def test_find_needs_capitals_and_a_lead_for_bare_months() -> None:
    """Lower-case month or weekday words and a bare 'May' are not dates."""
    assert [] == find("Theresa May said the march would go ahead on sunday.")
    assert ["in May"] == [e.text for e in find("It happened in May.")]


def test_leap_day_and_impossible_dates() -> None:
    """February 29 resolves only in leap years; impossible days resolve to None."""
    assert PartialDate(2016, 2, 29) == resolve("February 29", datetime.date(2016, 3, 1))
    assert resolve("February 30", DEC26) is None
    assert resolve("February 29, 2019", DEC26) is None


def test_time_expression_resolve_rejects_foreign_text() -> None:
    """A TimeExpression built by hand around text that is not an expression resolves to None."""
    assert TimeExpression("whenever", 0, 8, "day").resolve(DEC26) is None


@given(st.text(max_size=200), st.dates(min_value=datetime.date(1, 1, 1)))
def test_never_raises(text: str, published: datetime.date) -> None:
    """Any text and any publication date give a PartialDate or None, never an exception."""
    result = resolve(text, published)
    assert result is None or isinstance(result, PartialDate)
    for expression in find(text):
        assert expression.text == text[expression.start : expression.end]
        expression.resolve(published)


@given(st.dates(min_value=datetime.date(2, 1, 1), max_value=datetime.date(9998, 12, 31)))
def test_weekday_is_on_or_before_publication(published: datetime.date) -> None:
    """Every weekday resolves to a day in the week ending on the publication date."""
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        day = resolve(f"on {name}", published)
        assert day is not None
        value = day.to_date()
        assert value is not None
        assert 0 <= (published - value).days < 7
        assert name == value.strftime("%A")


@given(
    st.dates(min_value=datetime.date(2, 1, 1), max_value=datetime.date(9998, 12, 31)),
    st.integers(1, 12),
)
def test_month_is_nearest_and_month_precise(published: datetime.date, month: int) -> None:
    """A bare month resolves at month precision, within six months of publication."""
    name = datetime.date(2000, month, 1).strftime("%B")
    day = resolve(f"in {name}", published)
    assert day is not None
    assert "month" == day.precision
    assert day.month == month
    distance = (day.year * 12 + month) - (published.year * 12 + published.month)
    assert -6 <= distance <= 5


_DATE_WORDS = (
    "in", "on", "at", "the", "of", "last", "next", "this", "past", "early", "late", "earlier", "later", "mid-",
    "since", "until", "till", "by", "during", "from", "through", "before", "after", "over", "within", "ago",
    "a", "an", "one", "two", "three", "ten", "several", "few", "couple", "2", "14", "2016", "2016-03-02",
    "March", "Jan.", "Sept", "Dec", "Monday", "Thursday", "night", "morning", "week", "weekend", "month",
    "year", "day", "days", "hours", "today", "tonight", "yesterday", "tomorrow", "overnight", "he", "had",
    "government", "said", ",",
)  # fmt: skip


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=12))
def test_fast_path_finds_what_the_full_pattern_finds(tokens: list[str]) -> None:
    """The lower-cased pattern with its first-letter lookahead finds exactly what the full pattern finds."""
    text = " ".join(tokens)
    fast = [(e.text, e.start, e.kind) for e in find(text)]
    slow = [
        (m.group(), m.start(), m.lastgroup)
        for m in dates_module._mixed_case_pattern().finditer(text)
        if m.lastgroup is not None and dates_module._capitalised(m, text)
    ]
    assert [(t, s) for t, s, _ in fast] == [(t, s) for t, s, _ in slow]


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=12), st.dates(min_value=datetime.date(1900, 1, 1)))
def test_resolving_from_lower_case_gives_the_dates_of_the_text_as_written(tokens: list[str], day: datetime.date) -> None:
    """An expression resolved from its lower case (the fast path) gets the date the full pattern gives it."""
    for expression in find(" ".join(tokens)):
        written = dates_module._mixed_case_pattern().fullmatch(expression.text)
        assert written is not None
        for direction in ("nearest", "past", "future"):
            expected = dates_module._resolve_match(written, day, direction)
            assert expected == expression.resolve(day, direction=direction)


def test_linear_on_adversarial_input() -> None:
    """Long runs of near-matches are scanned without catastrophic backtracking."""
    text = "in " * 3000 + "March 2, " * 3000 + "last " * 3000 + "over the past " * 3000
    assert isinstance(find(text), list)


def test_a_day_resolves_only_where_its_month_has_it() -> None:
    """29 February only in leap years; "Feb. 30" and "April 31" are no dates."""
    leap, common = datetime.date(2016, 3, 10), datetime.date(2015, 3, 10)
    assert PartialDate(2016, 2, 29) == resolve("Feb. 29", leap)
    assert PartialDate(2016, 2, 29) == resolve("Feb. 29", common)  # the nearest year that has one
    assert resolve("Feb. 30, 2016", leap) is None
    assert resolve("April 31, 2016", leap) is None
    assert PartialDate(2016, 3, 7) == resolve("Monday", leap)  # English names, whatever the locale
