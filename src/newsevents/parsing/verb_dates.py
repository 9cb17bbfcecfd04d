"""
The dates of what a sentence tells, read around its verb and across the article.

- `verb_date`: the time expression attached to a verb, in its clause, not a reporting clause's day;
- `single_day`: the one day the article gives to a noun ("the board on Tuesday", "Tuesday's vote");
- `opens_article`: whether a sentence is the article's news (its opening), not background;
- `lede_day`: the day of the story's first mention, for the sentences that go on telling it.
"""

from __future__ import annotations

from collections.abc import Collection

from newsevents.model import PartialDate
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.clauses import past_date, possessive_days
from newsevents.parsing.mentions import SentenceView, view

__all__ = ["LATER", "lede_day", "opens_article", "single_day", "verb_date"]

_REPORTING = frozenset({"said", "says", "told", "announced", "reported", "added", "confirmed", "according"})
#: Words that place what follows after (or before) the story's main event.
LATER = frozenset({"later", "earlier", "previously", "subsequently", "eventually", "then"})
_BEFORE_CUT = frozenset({";", "after", "before", "since", "who", "which", "when"})


def verb_date(seen: SentenceView, start: int, verb: int, stop: int) -> PartialDate | None:
    """
    The date of the time expression attached to a verb: in its clause, nearest first, not a reporting day.

    The clause opens after the last "after", "who", "when", ";" or clause-joining "and" before
    the verb phrase (after a relative clause's commas: "X, who was elected in 2018, resigned in
    May" is May), at the verb itself when "later" or "earlier" comes just before it. A time
    before the verb phrase counts by its distance to ``start``, one after by its distance to
    ``verb``; one a reporting word precedes ("said on Monday") does not count. A date the
    nearest reading puts after publication is read looking back (`clauses.past_date`).

    Args:
        seen: The sentence.
        start: The first token of the verb phrase ("was" of "was elected").
        verb: The verb's token.
        stop: Where the clause ends: no time from here on counts.

    Examples:
        >>> import datetime
        >>> text = "She was elected mayor in 2019, he said on Monday."
        >>> article = Article(text, published=datetime.date(2020, 3, 12))
        >>> seen = view(article, article.sentences[0])
        >>> str(verb_date(seen, 1, 2, len(seen.tokens)))
        '2019'
    """
    tokens = seen.tokens
    begin = 0
    for at in range(start):
        word = tokens[at].lower
        nxt = tokens[at + 1].lower if at + 1 < len(tokens) else ""
        if word in _BEFORE_CUT or (
            word == "and"
            and (nxt in ("was", "were", "is", "has", "had", "later") or tokens[at - 1].text == ",")
        ):
            begin = at + 1
    if begin and tokens[begin - 1].lower in ("who", "which"):  # "X, who was elected in 2018, resigned"
        commas = [at for at in range(begin, start) if tokens[at].text == ","]
        begin = commas[-1] + 1 if commas else begin
    if any(token.lower in LATER for token in tokens[max(0, start - 2) : verb]):
        begin = verb
    best: tuple[int, PartialDate] | None = None
    for at in range(begin, stop):
        for span in seen.spans.get(at, ()):
            if span.kind != "TIME" or span.value.date is None:
                continue
            before = [t.lower for t in tokens[max(0, at - 3) : at]]
            if any(word in _REPORTING for word in before):
                continue
            if span.end <= start:
                distance = start - span.end
            elif at > verb:
                distance = at - verb
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, past_date(span.value.date, span.value.text, seen.article.published))
    return best[1] if best is not None else None


_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
)


def single_day(article: Article, nouns: Collection[str], possessed: Collection[str]) -> PartialDate | None:
    """
    The day the article gives to a noun, when it gives exactly one: a time naming a day
    ("Tuesday", "yesterday") up to six words after one of ``nouns`` as written ("the board on
    Tuesday"), or a weekday's possessive on one of ``possessed`` ("Tuesday's vote").

    Args:
        article: The article.
        nouns: The nouns, written as the text writes them ("board", "boards").
        possessed: The lower-case nouns a weekday's possessive may name.

    Examples:
        >>> import datetime
        >>> article = Article("The board met on Tuesday. It voted.", published=datetime.date(2020, 3, 12))
        >>> str(single_day(article, ("board",), ("vote",)))
        '2020-03-10'
    """
    days: set[PartialDate] = set()
    for sentence in article.sentences_with(tuple(nouns)):
        seen = view(article, sentence)
        tokens = seen.tokens
        for at, token in enumerate(tokens):
            if token.text not in nouns:
                continue
            for after in range(at + 1, min(len(tokens), at + 7)):
                for span in seen.spans.get(after, ()):
                    words = span.value.text.lower().split() if span.kind == "TIME" else []
                    if words and words[-1] in _DAYS and span.value.date is not None:
                        days.add(span.value.date)
    days |= possessive_days(article, possessed)
    return days.pop() if len(days) == 1 else None


def opens_article(article: Article, sentence: Sentence) -> bool:
    """
    Whether a sentence opens the article (its first three body sentences) and is not
    background ("earlier", "previously", "had", "later").

    Examples:
        >>> article = Article("Rain fell. It had rained before. Floods came.")
        >>> [opens_article(article, s) for s in article.sentences]
        [True, False, True]
    """
    body = [s.index for s in article.sentences if not s.headline]
    words = {word.lower() for word in sentence.text.split()}
    return (
        bool(body)
        and sentence.index - body[0] < 3
        and words.isdisjoint({"earlier", "previously", "had", "later"})
    )


def lede_day(sentence: Sentence, lede: tuple[int, PartialDate | None] | None) -> PartialDate | None:
    """
    The day of the story's first mention (``lede``: its sentence index and its day, if it gave
    one) for a sentence up to three after it that tells of nothing before or after it (no word
    of `LATER`, no "had"): "A storm hit Lyon on Monday. Roofs were torn off." dates the roofs'
    damage; else None.

    Examples:
        >>> article = Article("Roofs were torn off. Trees fell.")
        >>> str(lede_day(article.sentences[1], (0, PartialDate(2020, 3, 9))))
        '2020-03-09'
    """
    if lede is None or lede[1] is None or not 0 < sentence.index - lede[0] <= 3:
        return None
    words = {word.lower() for word in sentence.text.split()}
    return lede[1] if words.isdisjoint(LATER | {"had"}) else None
