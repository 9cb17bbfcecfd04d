"""
Time expressions in English news text, resolved against the publication date.

`resolve` turns one phrase into a `newsevents.PartialDate` at the precision the text
supports, and never finer: ``"in October"`` is ``2019-10``, never a made-up day.
`find` locates the time expressions in a sentence, with exact offsets, for the
recognisers. Both use only the standard library (no ``dateparser``, which invents days).

The rules (``published`` is the article's publication date):

- Explicit dates resolve at their own precision, with or without ``published``:
  ``"March 2, 2016"`` and ``"2 March 2016"`` are days, ``"March 2016"`` and ``"March of 2016"`` a month,
  ``"in 2016"`` a year, ``"2016-03-02"`` a day.
- A month or month-day without a year is its nearest occurrence to ``published``;
  a tie (six months either way) goes to the past unless the text marks the future
  (``direction="future"``, or a "will"/"next"/"coming" before it). ``"last June"`` is the
  latest June before the publication month, ``"next June"`` the first after it.
- A weekday is the latest such day on or before ``published`` (``"on Thursday"`` in
  a Thursday story is that day); ``"last Thursday"`` is strictly before, ``"next
  Thursday"`` strictly after. ``"Thursday night"`` and ``"Thursday's"`` are the day.
- ``"today"``, ``"tonight"``, ``"this morning"`` are ``published``; ``"yesterday"`` and
  ``"last night"`` the day before; ``"the day before yesterday"`` and ``"N days ago"`` that
  many days before.
- Spans give the month when they lie in one month, else the year when they lie in
  one year, else nothing: ``"last week"`` (the Monday-to-Sunday week before
  ``published``'s), ``"this week"``, ``"earlier this month"``, ``"this month"``,
  ``"last month"``, ``"next month"``, ``"over the past two days"``, ``"a week ago"``,
  ``"overnight"`` (the day before ``published`` and ``published``), ``"last weekend"``,
  ``"over the weekend"`` (the latest Saturday and Sunday before ``published``);
  ``"this year"``, ``"last year"`` and ``"next year"`` give the year.
- Two days joined by "and" or "or" (``"last night and early today"``, ``"Thursday and
  Friday"``) are one expression, the span of both days.
- With ``published`` None, only explicit dates with a year resolve.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Literal

import attrs

from newsevents.model import PartialDate

__all__ = ["Direction", "TimeExpression", "find", "resolve"]

#: How to break a tie, or which way to look, for a month or month-day without a year.
Direction = Literal["nearest", "past", "future"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
# English names, whatever the process's locale (calendar.day_name follows LC_TIME).
_WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None, "couple": None,
}  # fmt: skip

# Full month names, or three/four-letter abbreviations with a full stop.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
# "Sept 11", "Dec 25": an abbreviation without its stop, only right before a day number
_MONTH_BARE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?=\s\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_COUNT = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple(?: of)?)"
_PART = r"(?:morning|afternoon|evening|night)"

_PATTERN_SOURCE = (
    "|".join(
        (
            rf"(?P<iso>\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)",
            # "March 2, 2016", "Feb. 14", "January 22nd 2020"
            rf"(?P<md>\b(?P<md_month>{_MONTH}|{_MONTH_BARE})\s(?P<md_day>{_DAY})\b"
            rf"(?:,?\s(?P<md_year>{_YEAR})\b)?)",
            # "2 March 2016", "14 Feb."
            rf"(?P<dm>\b(?P<dm_day>{_DAY})\s(?:of\s)?(?P<dm_month>{_MONTH})(?:,?\s(?P<dm_year>{_YEAR})\b)?)",
            # "March 2016", "September, 2014", "August of 2014"
            rf"(?P<my>\b(?P<my_month>{_MONTH}),?\s(?:of\s)?(?P<my_year>{_YEAR})\b)",
            # "in October", "last June", "earlier in March"
            rf"(?P<mo>\b(?P<mo_lead>(?:earlier\s|later\s|early\s|late\s)?in|since|until|till|by|during|of|"
            rf"from|through|last|next|this|early|late|mid-?|before|after)(?:\s|(?<=mid-))(?P<mo_month>{_MONTH})"
            rf"(?![\w-])(?!,?\s(?:{_YEAR}|{_DAY}|of\s{_YEAR})\b))",
            # "in 2016", "since 2012"
            rf"(?P<yr>\b(?:(?:in|since|until|by|during|of|from|through|early|late|before|after)\s|mid-\s?)"
            rf"(?P<yr_year>{_YEAR})\b(?![-/.,]?\d))",
            # "last Thursday", "on Monday night", "Wednesday's"
            rf"(?P<wd>\b(?:(?P<wd_lead>last|next|this|past)\s)?(?P<wd_day>{_WEEKDAY})\b"
            rf"(?:\s(?:{_PART})\b)?)",
            r"(?P<today>\b(?:today|tonight|this\s(?:morning|afternoon|evening))\b)",
            r"(?P<daybefore>\bthe\sday\sbefore\syesterday\b)",
            r"(?P<yesterday>\b(?:yesterday|last\snight)\b)",
            # the night before publication: its two days, at their common precision
            r"(?P<overnight>\bovernight\b)",
            # "last weekend", "over the weekend", "this past weekend"
            r"(?P<weekend>\b(?P<weekend_lead>last|over\sthe|this\spast|at\sthe|on\sthe)\sweekend\b)",
            r"(?P<tomorrow>\btomorrow\b)",
            # "earlier this month", "last week", "later this year", "earlier in the month"
            r"(?P<rel>\b(?:(?:earlier|later|early|late)\s(?:this|in\sthe)|this|last|next|the\scoming)"
            r"\s(?P<rel_unit>week|month|year)\b)",
            # "over the past two days", "in the last 48 hours"
            rf"(?P<span>\b(?:over|in|during|within)\sthe\s(?:past|last)\s(?:(?P<span_n>{_COUNT})\s)?"
            r"(?P<span_unit>hour|day|week)s?\b)",
            # "three days ago", "a week ago"
            rf"(?P<ago>\b(?P<ago_n>{_COUNT})\s(?P<ago_unit>day|week|month|year)s?\sago\b)",
        )
    )
)


@cache
def _mixed_case_pattern() -> re.Pattern[str]:
    """The branches over text as written (IGNORECASE): only for text whose lower case moves offsets."""
    return re.compile(_PATTERN_SOURCE, re.IGNORECASE)

# The same pattern over lower-cased text (faster than IGNORECASE), behind a cheap anchor check.
# Every branch starts a word: checking that once per position first is about 3x faster.
# The first letters of every word a branch can start with (digits, months, weekdays, leads such as
# "in", "last", "the", "over", counts such as "a", "two", "several") skip the words that start no date
# ("he", "said", "to", "was", "government") before the sixteen branches are tried: about a third
# faster than testing the first letter alone. Keep this list in step with the branches above.
_FIRST_WORDS = (
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|ear|lat|in|si|unt"
    r"|til|by|du|of|fr|thr|las|nex|thi|mid|bef|aft|pas|tod|ton|the|yes|ove|at|on|tom|wit|an?|one|two"
    r"|fou|fiv|six|sev|eig|nin|ten|few|cou"
)
_LOWER_PATTERN = re.compile(
    r"(?<![\w])(?=" + _FIRST_WORDS + r")(?:" + _PATTERN_SOURCE.lower().replace("(?p<", "(?P<") + ")"
)
_ANCHOR = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|tonight|week|month|year|ago|night|morning"
    r"|afternoon|evening|tomorrow|hour"
)

# Month and weekday names must be capitalised ("may", "march" and "sun" are words).
_CAPITALISED = re.compile(rf"{_MONTH}|{_WEEKDAY}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
#: How far back (in characters, within the sentence) a future marker counts.
_FUTURE_WINDOW = 120
_FUTURE = re.compile(r"\b(?:will|'ll|next|coming|upcoming|scheduled|due\sto)\b", re.IGNORECASE)


@attrs.frozen
class TimeExpression:
    """
    A time expression found in text, not yet resolved.

    Args:
        text: The expression as written ("on Thursday" is found as "Thursday").
        start: Offset of its first character in the searched text.
        end: Offset just past its last character.
        kind: What form it has: ``"date"`` (explicit, with a year or a day), ``"month"``,
            ``"weekday"``, ``"day"`` (today, yesterday, N days ago), ``"span"`` (last week,
            this month, the past two days), ``"year"``.
        future: Whether the text before it in the same sentence marks the future
            ("will", "next", "coming"), which breaks ties towards the future.
    """

    text: str
    start: int
    end: int
    kind: str
    future: bool = False

    def resolve(
        self, published: datetime.date | None, *, direction: Direction | None = None
    ) -> PartialDate | None:
        """
        Resolve this expression against the publication date.

        Args:
            published: The publication date, or None (then only explicit dates resolve).
            direction: Overrides how a month or month-day without a year is placed;
                by default ``"future"`` when `future` is set, else ``"nearest"``.

        Returns:
            The date at the expression's precision, or None.
        """
        if direction is None:
            direction = "future" if self.future else "nearest"
        return _resolve_text(self.text, published, direction)


def find(text: str) -> list[TimeExpression]:
    """
    Find the time expressions in ``text``, in order, with exact offsets.

    Month names and weekdays count only when capitalised; a bare month needs a
    leading word ("in October", "last June") so that "May said" is not a date.

    Args:
        text: Any text, typically one sentence.

    Returns:
        The expressions, in order of appearance; `TimeExpression.resolve` dates them.

    Examples:
        >>> [e.text for e in find("She was sentenced in October, his office said Thursday.")]
        ['in October', 'Thursday']
    """
    found: list[TimeExpression] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved offsets (rare scripts): the slow path
        lowered, pattern = text, _mixed_case_pattern()
    elif _ANCHOR.search(lowered) is None:
        return found  # no digit, month, weekday or time word: nothing to find
    else:
        pattern = _LOWER_PATTERN
    for match in pattern.finditer(lowered):
        kind = match.lastgroup
        if kind is None or not _capitalised(match, text):
            continue
        window = max(match.start() - _FUTURE_WINDOW, 0)
        sentence_start = max(text.rfind(". ", window, match.start()), window)
        future = _FUTURE.search(text, sentence_start, match.start()) is not None
        expression = TimeExpression(
            text[match.start() : match.end()], match.start(), match.end(), _KINDS[kind], future
        )
        if found and _pair(found[-1], expression, text):
            # "last night and early today", "last Thursday and Friday": one span of both days
            first = found.pop()
            expression = TimeExpression(
                text[first.start : expression.end], first.start, expression.end, "span", first.future
            )
        found.append(expression)
    return found


#: What joins two days into one span: "last night and early today", "Thursday and Friday".
_JOIN = re.compile(r"\s(?:and|or)\s(?:(?:early|late)\s)?(?:on\s)?", re.IGNORECASE)
_ONE_DAY = frozenset({"day", "weekday"})


def _pair(first: TimeExpression, second: TimeExpression, text: str) -> bool:
    """Whether two expressions found in a row are two days joined by "and" / "or"."""
    return (
        first.kind in _ONE_DAY
        and second.kind in _ONE_DAY
        and _JOIN.fullmatch(text, first.end, second.start) is not None
    )


def resolve(
    phrase: str, published: datetime.date | None, *, direction: Direction = "nearest"
) -> PartialDate | None:
    """
    Resolve a time expression against the publication date, at the text's precision.

    Args:
        phrase: One time expression, with or without a leading "on"/"in"
            ("on Thursday", "earlier this month", "March 2, 2016", "2016").
        published: The publication date, or None.
        direction: For a month or month-day without a year: ``"nearest"`` (the
            default; ties go to the past), ``"past"`` (latest on or before ``published``)
            or ``"future"`` (ties go to the future; "next" in the phrase also does this).

    Returns:
        The date, or None when the phrase is not a time expression this module reads
        or cannot be resolved from the text and ``published`` alone.

    Examples:
        >>> import datetime
        >>> str(resolve("in October", datetime.date(2019, 12, 26)))
        '2019-10'
    """
    if type(phrase) is not str:
        return None
    stripped = phrase.strip()
    if re.fullmatch(_YEAR, stripped):
        return PartialDate(int(stripped))
    expressions = find(stripped)
    if not expressions:
        return None
    first = expressions[0]
    if direction == "nearest" and first.future:
        direction = "future"
    return _resolve_text(first.text, published, direction)


def _resolve_text(text: str, published: datetime.date | None, direction: Direction) -> PartialDate | None:
    """One expression's date; two joined days ("Thursday and Friday") give the span of both."""
    found = _fullmatch(text)
    if found is not None:
        return _resolve_match(found, published, direction)
    joined = _JOIN.search(text)
    if joined is None:
        return None
    first, second = _fullmatch(text[: joined.start()]), _fullmatch(text[joined.end() :])
    if first is None or second is None:
        return None
    days = [_resolve_match(first, published, direction), _resolve_match(second, published, direction)]
    if any(day is None or day.day is None for day in days):
        return None
    ends = sorted(datetime.date(d.year, d.month or 1, d.day or 1) for d in days if d is not None)
    if ends[0] == ends[1]:
        return PartialDate.from_date(ends[0])
    return _span(ends[0], ends[1])


# --------------------------------------------------------------------------- resolution

_KINDS = {
    "iso": "date",
    "md": "date",
    "dm": "date",
    "my": "date",
    "mo": "month",
    "yr": "year",
    "wd": "weekday",
    "today": "day",
    "yesterday": "day",
    "daybefore": "day",
    "overnight": "span",
    "weekend": "span",
    "tomorrow": "day",
    "rel": "span",
    "span": "span",
    "ago": "span",
}


def _fullmatch(text: str) -> re.Match[str] | None:
    """One expression's match, read from its lower case (every reading of the groups ignores case)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return _mixed_case_pattern().fullmatch(text)
    return _LOWER_PATTERN.fullmatch(lowered)


def _capitalised(match: re.Match[str], text: str) -> bool:
    for group in ("md_month", "dm_month", "my_month", "mo_month", "wd_day"):
        if match.group(group) is not None:
            value = text[match.start(group) : match.end(group)]
            if _CAPITALISED.fullmatch(value) is None:
                return False
    return True


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").capitalize()]


def _day(value: str) -> int:
    return int(re.sub(r"\D", "", value))


def _span(first: datetime.date, last: datetime.date) -> PartialDate | None:
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    if first.year == last.year:
        return PartialDate(first.year)
    return None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _count(text: str | None) -> int | None:
    if text is None:
        return None
    lowered = text.lower()
    if lowered.isdigit():
        return int(lowered)
    return _SMALL.get(lowered.split()[0])


def _valid_day(year: int, month: int, day: int) -> bool:
    """Whether the month of that year has the day (29 February only in leap years)."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _safe(year: int, month: int, day: int | None = None) -> PartialDate | None:
    if not 1 <= year <= 9999:
        return None
    if day is not None and not _valid_day(year, month, day):
        return None
    return PartialDate(year, month, day)


def _place_month(month: int, published: datetime.date, lead: str, direction: Direction) -> PartialDate | None:
    here = published.year * 12 + published.month - 1
    candidates = [year * 12 + month - 1 for year in (published.year - 1, published.year, published.year + 1)]
    if lead == "last":
        chosen = max(c for c in candidates if c < here)
    elif lead == "next":
        chosen = min(c for c in candidates if c > here)
    elif lead == "this":
        chosen = published.year * 12 + month - 1
    elif direction == "past":
        chosen = max(c for c in candidates if c <= here)
    else:
        chosen = min(candidates, key=lambda c: (abs(c - here), (c < here) == (direction == "future")))
    return _safe(chosen // 12, chosen % 12 + 1)


def _place_day(month: int, day: int, published: datetime.date, direction: Direction) -> PartialDate | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        if 1 <= year <= 9999 and _valid_day(year, month, day):
            candidates.append(datetime.date(year, month, day))
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= published]
        chosen = max(past) if past else None
    else:
        future = direction == "future"
        chosen = min(candidates, key=lambda c: (abs((c - published).days), (c < published) == future))
    return None if chosen is None else PartialDate.from_date(chosen)


def _resolve_match(
    match: re.Match[str], published: datetime.date | None, direction: Direction
) -> PartialDate | None:
    kind = match.lastgroup
    try:
        return _resolve_kind(kind, match, published, direction)
    except (OverflowError, ValueError):  # dates beyond year 1..9999
        return None


def _resolve_kind(
    kind: str | None, match: re.Match[str], published: datetime.date | None, direction: Direction
) -> PartialDate | None:
    group = match.group
    if kind == "iso":
        year, month, day = (int(part) for part in group("iso").split("-"))
        return _safe(year, month, day)
    if kind in ("md", "dm"):
        month = _month_number(group(f"{kind}_month"))
        day = _day(group(f"{kind}_day"))
        year_text = group(f"{kind}_year")
        if year_text is not None:
            return _safe(int(year_text), month, day)
        if published is None:
            return None
        return _place_day(month, day, published, direction)
    if kind == "my":
        return _safe(int(group("my_year")), _month_number(group("my_month")))
    if kind == "yr":
        return PartialDate(int(group("yr_year")))
    if published is None:
        return None
    if kind == "mo":
        lead = group("mo_lead").lower()
        return _place_month(_month_number(group("mo_month")), published, lead, direction)
    if kind == "wd":
        return _weekday(group("wd_day"), (group("wd_lead") or "").lower(), published)
    if kind == "today":
        return PartialDate.from_date(published)
    if kind == "yesterday":
        return PartialDate.from_date(published - datetime.timedelta(days=1))
    if kind == "daybefore":
        return PartialDate.from_date(published - datetime.timedelta(days=2))
    if kind == "overnight":
        return _span(published - datetime.timedelta(days=1), published)
    if kind == "weekend":
        back = (published.weekday() - 6) % 7  # days since the latest Sunday
        if back == 0 and group("weekend_lead").lower() == "last":
            back = 7  # "last weekend" in a Sunday story is the one before
        if published.weekday() == 5:  # a Saturday story: the weekend under way is not over
            back = 6
        sunday = published - datetime.timedelta(days=back)
        return _span(sunday - datetime.timedelta(days=1), sunday)
    if kind == "tomorrow":
        return PartialDate.from_date(published + datetime.timedelta(days=1))
    if kind == "rel":
        return _relative(group("rel").lower(), group("rel_unit").lower(), published)
    if kind == "span":
        count = _count(group("span_n")) if group("span_n") else 1
        if count is None:
            return None
        unit = group("span_unit").lower()
        days = {"hour": count / 24, "day": count, "week": 7 * count}[unit]
        first = published - datetime.timedelta(days=max(int(days + 0.999), 1) if unit != "hour" else days)
        return _span(first, published)
    if kind == "ago":
        count = _count(group("ago_n"))
        if count is None:
            return None
        unit = group("ago_unit").lower()
        if unit == "day":
            return PartialDate.from_date(published - datetime.timedelta(days=count))
        if unit == "week":
            then = published - datetime.timedelta(days=7 * count)
            return _span(then, then)
        if unit == "month":
            year, month = _shift_month(published.year, published.month, -count)
            return _safe(year, month)
        return PartialDate(published.year - count) if published.year > count else None
    return None


def _weekday(name: str, lead: str, published: datetime.date) -> PartialDate:
    target = _WEEKDAYS[name.capitalize()]
    back = (published.weekday() - target) % 7
    if lead in ("last", "past") and back == 0:
        back = 7
    if lead == "next":
        ahead = (target - published.weekday()) % 7 or 7
        return PartialDate.from_date(published + datetime.timedelta(days=ahead))
    return PartialDate.from_date(published - datetime.timedelta(days=back))


def _relative(phrase: str, unit: str, published: datetime.date) -> PartialDate | None:
    step = -1 if phrase.startswith("last") else 1 if phrase.startswith(("next", "the coming")) else 0
    if unit == "year":
        return PartialDate(published.year + step)
    if unit == "month":
        year, month = _shift_month(published.year, published.month, step)
        return _safe(year, month)
    monday = published - datetime.timedelta(days=published.weekday())
    if step == 0:
        return _span(monday, published)
    first = monday + datetime.timedelta(days=7 * step)
    return _span(first, first + datetime.timedelta(days=6))
