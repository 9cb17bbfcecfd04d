"""
Dates an event takes from the words around it, when no time is attached to its own words.

- `time_spans`: the ``TIME`` spans of a sentence;
- `later_date`: a time stated later in the event's clause ("A fire broke out in the market
  and killed two people on Saturday"), not one of a report or of another event;
- `also_day`: "X also happened": the one day the sentences just before said things also happened on;
- `compatible`: whether two partial dates may be one day ("2021-06" and "2021-06-08").

This module names no event type.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.model import PartialDate
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.blocking import clause_opening
from newsevents.parsing.clauses import sentence_times
from newsevents.parsing.mentions import SentenceView
from newsevents.parsing.patterns import Span
from newsevents.parsing.tokens import Token

__all__ = ["also_day", "compatible", "later_date", "time_spans"]

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
