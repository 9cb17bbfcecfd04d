"""
Dates an event takes from the words around it, when no time is attached to its own words.

- `time_spans`: the ``TIME`` spans of a sentence;
- `later_date`: a time stated later in the event's clause ("A fire broke out in the market
  and killed two people on Saturday"), not one of a report or of another event;
- `also_day`: "X also happened": the one day the sentences just before said things also happened on;
- `compatible`: whether two partial dates may be one day ("2021-06" and "2021-06-08");
- `clause_date`: the date of a clause ("asked Y on Monday to ..."), of the sentence's opening
  ("Shortly after his arrest in 2013, X ..."), or of the statement it is made in ("X said on
  Monday, urging ..."); `own_statement`, `talked_on`: when a statement's day is the clause's.

This module names no event type.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.model import PartialDate
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.blocking import clause_opening
from newsevents.parsing.clauses import attached_date, recency_date, reporting_day, sentence_times
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.patterns import Span
from newsevents.parsing.phrases import sentence_spans
from newsevents.parsing.tokens import Token

__all__ = [
    "TALKS",
    "also_day",
    "clause_date",
    "compatible",
    "later_date",
    "own_statement",
    "talked_on",
    "time_spans",
]

#: Words just before a time that make it the time of a report or of another span ("said on Monday").
_NOT_OWN = frozenset({"said", "says", "since", "until", "told"})


def time_spans(seen: SentenceView) -> list[Span]:
    """The ``TIME`` spans of a sentence, in the order of their starts."""
    spans = seen.spans_for(frozenset({"TIME"})).values()
    return [span for found in spans for span in found if span.kind == "TIME"]


def later_date(
    article: Article, sentence: Sentence, tokens: Sequence[Token], start: int, stop: int
) -> PartialDate | None:
    """
    The date of the first time expression from token ``start`` to before ``stop`` ("... killed
    two people on Saturday"), unless "said", "told", "since" or "until" shortly precede it or it
    is a possessive ("today's statement").
    """
    if stop <= start:
        return None
    first, last = tokens[start].start, tokens[stop - 1].end
    for span in sentence_times(article, sentence):
        if first <= span.start and span.end <= last and span.date is not None:
            before = article.text[max(sentence.start, span.start - 12) : span.start].lower().split()
            possessive = article.text[span.end : span.end + 2] in ("'s", "’s")  # "today's communique"
            if not _NOT_OWN & set(before) and not possessive:
                return span.date
    return None


def also_day(article: Article, sentence: Sentence, tokens: Sequence[Token], at: int) -> PartialDate | None:
    """
    "Protests were also held on Sunday. ... Police also reported arrests": when "also" opens the
    clause of token ``at``, the day of the last of the three sentences before that says "also"
    and names exactly one day.
    """
    if not any(token.lower == "also" for token in tokens[clause_opening(tokens, at) : at]):
        return None
    for other in reversed(article.all_sentences[max(0, sentence.index - 3) : sentence.index]):
        if " also " in f" {other.text.lower()} ":
            days = {s.date for s in sentence_times(article, other) if s.date is not None and s.date.day}
            if len(days) == 1:
                return days.pop()
    return None


def compatible(first: PartialDate | None, second: PartialDate | None) -> bool:
    """Whether two dates may be the same day: either is unknown, or one is a prefix of the other."""
    a, b = (first.isoformat() if first else ""), (second.isoformat() if second else "")
    return a.startswith(b) or b.startswith(a)


#: Tokens that end the clause of a match after it: what follows dates something else.
_CLAUSE_AFTER = frozenset(
    {",", ";", ":", "but", "which", "who", "after", "since", "when", "before", "—", "–"}
)

#: Nouns of a conversation a weekday's possessive dates ("Thursday's phone call").
TALKS = ("call", "conversation", "talks", "meeting")


def clause_date(
    article: Article, sentence: Sentence, anchor: int, end: int, *, opening: bool = True
) -> PartialDate | None:
    """
    The date of the words from token ``anchor`` to before ``end``: the day of the statement a
    participle after a comma continues ("X said on Monday, urging Y to ..."), else a time in
    their own clause ("asked Y on Monday to ..."), else (with ``opening``) a time opening the
    sentence ("Shortly after his arrest in 2013, X sought ..."), else the day of the
    sentence's statement when the article ties that day to a conversation ("Thursday's phone
    call") or the statement is the speaker's own ("..., it said on Monday").

    Examples:
        >>> import datetime
        >>> from newsevents.parsing.article import Article
        >>> text = "Ana Silva asked Hans Weber on Monday to sign."
        >>> article = Article(text, published=datetime.date(2024, 5, 9))
        >>> str(clause_date(article, article.sentences[0], 2, 4))
        '2024-05-06'
    """
    seen = view(article, sentence)
    tokens = seen.tokens
    if anchor > 0 and tokens[anchor - 1].text == "," and tokens[anchor].lower.endswith("ing"):
        day = reporting_day(article, sentence)
        if day is not None:
            return day
    first = clause_opening(tokens, anchor)
    stop = end
    while stop < len(tokens) and tokens[stop].lower not in _CLAUSE_AFTER:
        stop += 1
    start_char, end_char = seen.char_range(first, max(stop, first + 1))
    date = attached_date(article, sentence, start_char, end_char, reach=0)
    if date is not None or not opening:
        return date
    first_comma = next((i for i in range(first) if tokens[i].text == ","), None)
    if first_comma is not None and first > 0:
        begin, last = seen.char_range(0, first_comma)
        date = attached_date(article, sentence, begin, last, reach=0) or recency_date(article, begin, last)
        if date is not None:
            return date
    day = reporting_day(article, sentence)
    if day is not None and (talked_on(article, day) or own_statement(tokens, end)):
        return day
    return None


def own_statement(tokens: Sequence[Token], end: int) -> bool:
    """Whether the first ", it/they/he/she" after token ``end`` goes on "said" ("..., it said on Monday")."""
    for position in range(end, len(tokens) - 2):
        if tokens[position].text == "," and tokens[position + 1].lower in ("it", "they", "he", "she"):
            return tokens[position + 2].lower in ("said", "says", "added")
    return False


def talked_on(article: Article, day: PartialDate) -> bool:
    """
    Whether the article ties ``day`` to a conversation: a time of that day just before "'s"
    and a noun of `TALKS` ("Thursday's phone call", "Monday's talks"); read once per day.
    """
    days: dict[PartialDate, bool] = article.__dict__.setdefault("_talk_days", {})
    if day not in days:
        days[day] = _talk_on(article, day)
    return days[day]


def _talk_on(article: Article, day: PartialDate) -> bool:
    for sentence in article.sentences_with(TALKS):
        seen = view(article, sentence)
        tokens = seen.tokens
        for position, token in enumerate(tokens[:-1]):
            if token.lower != "'s":
                continue
            following = [t.lower for t in tokens[position + 1 : position + 3]]
            if not any(word in TALKS for word in following):
                continue
            for begin in range(max(0, position - 3), position):
                for span in sentence_spans(seen).get(begin, ()):
                    if (
                        span.kind == "TIME"
                        and span.end == position
                        and getattr(span.value, "date", None) == day
                    ):
                        return True
    return False
