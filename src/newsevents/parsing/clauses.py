"""
Clause-level helpers shared by the recognisers: clause bounds, cues, attached dates.

- `clause_start` / `clause_end`: where the clause around a trigger starts and ends
  (commas, semicolons, "that", reporting verbs), so actors and cues are read from
  the clause that states the event, not from a neighbouring one.
- `cues`: the cue kinds (``"modal"``, ``"negation"``, ``"report"``) whose words occur
  in a stretch of text, from ``data/cues.tsv``: a trigger after "will", "would",
  "plans to" or "did not" states no event.
- `attached_date`: the date of the time expression attached to a trigger, skipping
  the day of a reporting clause ("his office said Thursday"), per the corpus
  conventions (Clarifications 1, 11 and 12).
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from functools import cache

from newsevents import dates
from newsevents.model import Actor, PartialDate
from newsevents.parsing.actors import Cast, Mention
from newsevents.parsing.article import Article, Sentence, TimeSpan, table, time_expressions, words
from newsevents.parsing.patterns import Span
from newsevents.parsing.tokens import Token

__all__ = [
    "actor_mentions",
    "age_date",
    "attached_date",
    "clause_end",
    "clause_start",
    "cues",
    "dates_another_event",
    "distinct",
    "media_names",
    "opening_date",
    "people_referred",
    "recency_date",
    "reporting_day",
    "sentence_expressions",
    "sentence_times",
    "since_date",
    "subject_of",
]

_WORD = re.compile(r"[\w'’]+")
#: How far (in characters) a clause may reach from its trigger: real clauses are shorter,
#: and the bound keeps every recogniser linear on pathological text.
_REACH = 400
_BOUNDARIES = (", ", "; ", ": ", " that ", " — ", " -- ", " – ", ",” ", ",” ", '," ', ".” ", "?” ")
_REPORTING = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|added|confirmed)(?: on)?\s*$", re.IGNORECASE
)


@cache
def _cue_table() -> dict[tuple[str, ...], str]:
    return {tuple(row[0].lower().split()): row[1] for row in table("cues.tsv") if len(row) >= 2}


@cache
def _cue_pattern() -> re.Pattern[str]:
    """
    One pass over a text finds its cue words: the phrases of ``cues.tsv`` as whole words, and
    the clitics "n't" and "'ll" at the end of a word ("didn't", "we'll").
    """
    phrases = sorted((" ".join(key) for key in _cue_table() if key[0][:1].isalpha()), key=len, reverse=True)
    words_ = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)
    return re.compile(
        r"(?<![\w'’])(?:" + words_ + r")(?![\w'’])|(?<=\w)(?:n['’]t|['’]ll)(?![\w'’])", re.IGNORECASE
    )


def cues(text: str) -> set[str]:
    """
    Return the kinds of cue words found in a text ("modal", "negation", "report").

    A capitalised word after the first is a name, not a cue ("Theresa May", "Will Smith").

    Args:
        text: A stretch of a sentence, typically from the clause start to the trigger.
    """
    found: set[str] = set()
    table_ = _cue_table()
    first = _FIRST_WORD.search(text)
    opening = first.start() if first is not None else 0
    for match in _cue_pattern().finditer(text):
        written = match.group()
        if written[:1].isupper() and match.start() != opening:
            continue
        key = tuple(written.lower().replace("’", "'").split())
        kind = table_.get(key)
        if kind is not None:
            found.add(kind)
    return found


_FIRST_WORD = re.compile(r"[\w'’]")


def clause_start(sentence: Sentence, position: int) -> int:
    """
    Return the offset where the clause containing ``position`` starts.

    Args:
        sentence: The sentence.
        position: An offset inside the sentence (article offsets).
    """
    relative = position - sentence.start
    floor = max(0, relative - _REACH)
    best = floor
    for boundary in _BOUNDARIES:
        found = sentence.text.rfind(boundary, floor, relative)
        if found >= 0:
            best = max(best, found + len(boundary))
    return sentence.start + best


def clause_end(sentence: Sentence, position: int) -> int:
    """
    Return the offset where the clause containing ``position`` ends.

    Args:
        sentence: The sentence.
        position: An offset inside the sentence (article offsets).
    """
    relative = position - sentence.start
    best = min(len(sentence.text), relative + _REACH)
    for boundary in (*_BOUNDARIES, " and ", " but ", " while ", " after ", " before "):
        found = sentence.text.find(boundary, relative, best)
        if found >= 0:
            best = min(best, found)
    return sentence.start + best


def sentence_times(article: Article, sentence: Sentence) -> list[TimeSpan]:
    """
    Return the time expressions of a sentence with article offsets, resolved.

    Args:
        article: The article (for the publication date).
        sentence: The sentence.
    """
    key = ("_times", sentence.start)
    cache_ = article.__dict__.setdefault("_time_cache", {})
    if key in cache_:
        found: list[TimeSpan] = cache_[key]
        return found
    found = [
        TimeSpan(span.text, span.start + sentence.start, span.end + sentence.start, span.date)
        for span in time_expressions(sentence.text, article.published)
    ]
    cache_[key] = found
    return found


def _is_reporting(article: Article, sentence: Sentence, span: TimeSpan) -> bool:
    before = article.text[max(sentence.start, span.start - 25) : span.start]
    return _REPORTING.search(before) is not None


# "since his arrest in 2012", "who was sentenced on Monday": a time of another event; a tie
# ("shortly after the verdict in 2013") is not matched and dates the event (Clarification 11)
_OTHER_EVENT_BEFORE = re.compile(
    r"(?:\b(?:since|until)\s+(?:(?:his|her|their|the|its)\s+(?:[\w-]+\s+){0,3})?"
    r"|\bwho\s+(?:was|were|had been|has been|is|are)\s+(?:[\w-]+\s+){0,2})"
    r"(?:(?:in|on|at|last|late|early)\s+)?$",
    re.IGNORECASE,
)


def dates_another_event(article: Article, sentence: Sentence, span: TimeSpan) -> bool:
    """
    Whether a time expression dates another event than the one reported: "since his arrest in
    2012", "who was sentenced on Monday", "jailed in October" (Clarification 11).

    Args:
        article: The article.
        sentence: The sentence holding the expression.
        span: The expression.
    """
    if span.text[:6].lower() in ("since ", "until "):
        return True  # "their first call since September": a span's start, not the event's day
    before = article.text[max(sentence.start, span.start - 40) : span.start]
    return _OTHER_EVENT_BEFORE.search(before) is not None


def reporting_day(article: Article, sentence: Sentence) -> PartialDate | None:
    """
    Return the day of the sentence's reporting clause ("said on Monday"), or None.

    Args:
        article: The article.
        sentence: The sentence.
    """
    for span in sentence_times(article, sentence):
        if _is_reporting(article, sentence, span):
            return span.date
    return None


#: A complement clause opening between a time and the trigger: the time is the telling clause's.
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)


def attached_date(
    article: Article, sentence: Sentence, start: int, end: int, *, reach: int = 90
) -> PartialDate | None:
    """
    Return the date of the time expression attached to the trigger ``[start, end)``, or None.

    The nearest expression within ``reach`` characters, in the same sentence, that
    is not the day of a reporting clause ("said Thursday", "complained today that ...");
    None when there is none or it does not resolve.

    Args:
        article: The article.
        sentence: The sentence holding the trigger.
        start: Offset of the trigger.
        end: Offset just past the trigger.
        reach: How far from the trigger an expression may be.
    """
    best: tuple[int, TimeSpan] | None = None
    for span in sentence_times(article, sentence):
        if _is_reporting(article, sentence, span) or dates_another_event(article, sentence, span):
            continue
        if span.end <= start and _THAT.search(article.text, span.end, start) is not None:
            continue  # "X complained today that jets bombed ...": the day of the statement
        distance = start - span.end if span.end <= start else max(0, span.start - end)
        if distance > reach:
            continue
        if best is None or distance < best[0]:
            best = (distance, span)
    if best is not None:
        return best[1].date
    return _recency(article, sentence, start, end, reach)


@cache
def _recency_table() -> tuple[tuple[str, int], ...]:
    return tuple((row[0], int(row[1])) for row in table("recency.tsv") if len(row) >= 2)


def _recency(article: Article, sentence: Sentence, start: int, end: int, reach: int) -> PartialDate | None:
    return recency_date(article, max(sentence.start, start - reach), min(sentence.end, end + reach))


def recency_date(article: Article, start: int, end: int) -> PartialDate | None:
    """
    Date a vague recency phrase in ``article.text[start:end]`` ("in recent weeks", "earlier in the day").

    The phrase spans the days before publication (``data/recency.tsv``); the date is
    the day for "earlier in the day", else the month, or else the year, that span lies in.

    Args:
        article: The article (for the publication date).
        start: Start of the stretch to search.
        end: End of the stretch.
    """
    published = article.published
    if published is None:
        return None
    lowered = article.text[start:end].lower()
    for phrase, days in _recency_table():
        if phrase in lowered:
            if days == 0:
                return PartialDate.from_date(published)
            first = published - datetime.timedelta(days=days)
            if (first.year, first.month) == (published.year, published.month):
                return PartialDate(published.year, published.month)
            if first.year == published.year:
                return PartialDate(published.year)
            return None
    return None


# --------------------------------------------------------------------------- actors in clauses

# "X and Y", "X and Prime Minister Y": a coordinated subject
# "X and Y", "X and Pakistani army chief General Y": a coordinated subject
_COORDINATION = re.compile(
    r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|army|military|opposition|foreign|defen[cs]e"
    r"|prime|chief|minister|president|leader|secretary|top|deputy|former|senior|interior)\s+){0,5}|\s*,\s*"
)
_LIST_COMMA = re.compile(r"\s*,\s*")
_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)


_PLURAL = re.compile(
    r"\b(?:the two(?: (?:men|women|leaders|sides|presidents|ministers|officials))?|both (?:men|leaders))\b",
    re.IGNORECASE,
)


def media_names() -> frozenset[str]:
    """The names of news organisations (``data/media.txt``): their staff are not parties to events."""
    return words("media.txt")


def actor_mentions(cast: Cast, sentence: Sentence, start: int, end: int) -> list[Mention]:
    """Actor mentions (people, states by name, seats of government) inside ``[start, end)``."""
    mentions = cast.mentions(sentence)
    first = bisect_left(mentions, start, key=lambda mention: mention.start)
    out: list[Mention] = []
    for mention in mentions[first:]:
        if mention.start >= end:
            break
        if mention.end <= end and mention.how != "demonym":
            out.append(mention)
    return out


def people_referred(
    cast: Cast, article: Article, start: int, end: int, exclude: list[Actor], *, last: bool
) -> list[Actor]:
    """People that pronouns or "the two men" in ``[start, end)`` refer to."""
    text = article.text
    plural = None
    for found in _PLURAL.finditer(text, start, end):
        plural = found
        if not last:
            break
    if plural is not None:
        return cast.people_before(plural.start(), count=2)
    pronoun = None
    for found in _PRONOUN.finditer(text, start, end):
        pronoun = found
        if not last:
            break
    if pronoun is not None:
        return cast.people_before(pronoun.start(), count=1, exclude=tuple(exclude), pronoun=pronoun.group())
    return []


def subject_of(cast: Cast, article: Article, sentence: Sentence, before: int) -> list[Actor]:
    """The actor(s) of the clause before a verb: the nearest, with a coordinated partner ("X and Y")."""
    text = article.text
    end = before
    floor = max(sentence.start, before - _REACH)
    while end > floor:
        start = clause_start(sentence, end)
        segment = text[start:end].strip().lower()
        if segment.startswith(("which", "who", "whom", "whose", "where")):
            end = start - 2
            continue
        found = actor_mentions(cast, sentence, start, end)
        pronouns = people_referred(cast, article, start, end, [], last=True)
        if found:
            nearest = found[-1]
            chosen = [nearest.actor]
            if len(found) >= 2 and _COORDINATION.fullmatch(text, found[-2].end, nearest.start):
                chosen.insert(0, found[-2].actor)
                if len(found) == 2 and start > sentence.start:
                    # "Britain, France and Germany": the list goes on before the clause's comma
                    chosen[:0] = _listed_before(cast, sentence, found[0].start)
            plural = _PLURAL.search(text, nearest.end, end)
            if pronouns and plural is not None:
                return pronouns
            return chosen
        if pronouns:
            return pronouns
        if start <= sentence.start:
            break
        end = start - 2 if start > sentence.start else sentence.start
    return []


def _listed_before(cast: Cast, sentence: Sentence, start: int) -> list[Actor]:
    """The actors listed with commas before ``start`` ("Britain, France and ..."), at most three."""
    text = cast.article.text
    before = actor_mentions(cast, sentence, max(sentence.start, start - 120), start)
    out: list[Actor] = []
    for mention in reversed(before[-3:]):
        if not _LIST_COMMA.fullmatch(text, mention.end, start):
            break
        out.insert(0, mention.actor)
        start = mention.start
    return out


def distinct(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out: list[Actor] = []
    for actor in actors:
        if actor.name not in seen and actor.name not in media_names():
            seen.add(actor.name)
            out.append(actor)
    return out


def sentence_expressions(article: Article, sentence: Sentence) -> list[dates.TimeExpression]:
    """
    The time expressions of a sentence as `newsevents.dates` finds them (offsets within the
    sentence, unresolved: call ``resolve``), found once per article and sentence.

    `sentence_times` gives the same expressions resolved, with article offsets.

    Args:
        article: The article.
        sentence: One of its sentences.
    """
    cache_: dict[int, list[dates.TimeExpression]] = article.__dict__.setdefault("_newsevents_times", {})
    found = cache_.get(sentence.start)
    if found is None:
        found = cache_[sentence.start] = dates.find(sentence.text)
    return found


# --------------------------------------------------------------------------- token-level dates
# Read on a sentence's tokens and its mention layer's ``TIME`` and ``COUNT`` spans (by first
# token), for constructions whose time is not the one nearest the trigger.

#: Words between an opening time and its event that make the time another's ("On Friday, the ministry said").
_TELLING = frozenset({"said", "says", "reported", "told", "announced", "according", ";"})


def _resolved(span: Span, published: datetime.date | None) -> PartialDate | None:
    """A ``TIME`` span's date, never one after the publication day (a misread year)."""
    date = getattr(span.value, "date", None)
    if span.kind != "TIME" or not isinstance(date, PartialDate):
        return None
    if published is not None and date.isoformat() > published.isoformat()[: len(date.isoformat())]:
        return None
    return date


def since_date(
    tokens: Sequence[Token],
    times: Sequence[Span],
    start: int,
    end: int,
    stop: int,
    *,
    published: datetime.date | None = None,
) -> PartialDate | None:
    """
    The stated start of an ongoing event at tokens ``[start, end)``: "since March 26" after it
    (before token ``stop``), or "Since 2014, ..." opening the sentence before it.

    Args:
        tokens: The sentence's tokens.
        times: Its ``TIME`` spans.
        start: The event's first token.
        end: Just past its last token.
        stop: Where the words about the event end.
        published: The publication day (no start after it).
    """
    for span in times:
        first = span.start + (tokens[span.start].lower == "since")
        opens = span.start == 0 or (span.start == 1 and tokens[0].lower == "since")
        after = end <= span.start < stop
        if first > 0 and tokens[first - 1].lower == "since" and (after or (opens and first < start)):
            date = _resolved(span, published)
            if date is None and isinstance(getattr(span.value, "date", None), PartialDate):
                # a start lies before publication: "since Sept. 30" in an April story is last September's
                date = past_date(span.value.date, span.value.text, published)
                date = date if _resolved_before(date, published) else None
            if date is not None:
                return date
    return None


def _resolved_before(date: PartialDate, published: datetime.date | None) -> bool:
    """Whether a date lies on or before the publication day (at the date's precision)."""
    return published is None or date.isoformat() <= published.isoformat()[: len(date.isoformat())]


def opening_date(
    tokens: Sequence[Token], times: Sequence[Span], start: int, published: datetime.date | None = None
) -> PartialDate | None:
    """
    "On Friday, 40 fighters were killed in ...": the time that opens the sentence, before a
    comma, dates the event at token ``start`` unless a reporting verb stands between.

    Args:
        tokens: The sentence's tokens.
        times: Its ``TIME`` spans.
        start: The event's first token.
        published: The publication day.
    """
    for span in times:
        if span.start > 1 or span.end >= start or tokens[span.end].text != ",":
            continue
        if not {token.lower for token in tokens[span.end : start]} & _TELLING:
            return _resolved(span, published)
    return None


def age_date(
    tokens: Sequence[Token], counts: Sequence[Span], at: int, published: datetime.date | None
) -> PartialDate | None:
    """
    "Five months of air strikes": the month (or year) the event began, counted back from the
    publication day, when "N months|years of" ends just before token ``at``.

    Args:
        tokens: The sentence's tokens.
        counts: Its ``COUNT`` spans.
        at: The first token of the event's noun phrase (after "of").
        published: The publication day (without it, no date).
    """
    if published is None or at < 3 or tokens[at - 1].lower != "of":
        return None
    unit = tokens[at - 2].lower
    for span in counts:
        value = getattr(span.value, "value", None)
        if span.end != at - 2 or not isinstance(value, int) or value > 100:
            continue
        if unit in ("months", "month"):
            months = published.year * 12 + published.month - 1 - value
            return PartialDate(months // 12, months % 12 + 1)
        if unit in ("years", "year"):
            return PartialDate(published.year - value)
    return None


def past_date(date: PartialDate, text: str, published: datetime.date | None) -> PartialDate:
    """
    The date of a time expression (``text``) for an event that lies before publication: a date
    the nearest reading put after the story is read again looking back ("In April" in a January
    story is the April before, as the annotation conventions place a month without a year).
    """
    parts = [part for part in (date.year, date.month, date.day) if part is not None]
    if published is None or parts <= [published.year, published.month, published.day][: len(parts)]:
        return date
    found = dates.resolve(text, published, direction="past")
    return found if isinstance(found, PartialDate) else date


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def possessive_days(article: Article, nouns: Collection[str]) -> set[PartialDate]:
    """
    The days a weekday's possessive gives one of ``nouns`` in the article ("Tuesday's verdict",
    "Friday's ruling"): the day the thing the noun names took place.
    """
    found: set[PartialDate] = set()
    for sentence in article.sentences_with(tuple(nouns)):
        text = sentence.text
        for span in sentence_times(article, sentence):
            rest = text[span.end - sentence.start :]
            head = rest[2:].split(maxsplit=1)[:1] if rest[:2] in ("'s", "’s") else []
            if span.date is not None and span.text.lower() in _WEEKDAYS and head and head[0].lower() in nouns:
                found.add(span.date)
    return found
