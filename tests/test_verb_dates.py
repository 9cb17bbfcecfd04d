"""The shared dates of what a sentence tells: a verb's own time, the day an article gives a noun, its opening."""

from __future__ import annotations

import datetime

from newsevents.model import PartialDate
from newsevents.parsing.article import Article
from newsevents.parsing.mentions import view
from newsevents.parsing.verb_dates import opens_article, single_day, verb_date

PUBLISHED = datetime.date(2020, 3, 12)  # a Thursday


def _verb_date(text: str, verb: str) -> PartialDate | None:
    article = Article(text, published=PUBLISHED)
    seen = view(article, article.sentences[0])
    at = next(token.index for token in seen.tokens if token.text == verb)
    start = at - 1 if seen.tokens[at - 1].lower in ("was", "were") else at
    return verb_date(seen, start, at, len(seen.tokens))


def test_a_verb_takes_the_time_of_its_clause_not_a_reporting_day() -> None:
    """The time after the verb dates it; "said on Monday" is the report's day."""
    assert PartialDate(2019, 5) == _verb_date(
        "The bridge was opened in May 2019, officials said on Monday.", "opened"
    )
    assert _verb_date("The bridge was opened, officials said on Monday.", "opened") is None


def test_a_relative_clause_time_is_not_the_main_verbs() -> None:
    """ "X, who was elected in 2018, resigned on Tuesday": Tuesday dates "resigned"."""
    found = _verb_date("The mayor, who was elected in 2018, resigned on Tuesday.", "resigned")
    assert PartialDate(2020, 3, 10) == found


def test_a_future_looking_reading_is_turned_back() -> None:
    """ "In April" in a March story tells of the April before."""
    assert PartialDate(2019, 4) == _verb_date("In April the factory was closed.", "closed")


def test_the_day_an_article_gives_a_noun_must_be_one() -> None:
    """One day after the noun (or a weekday's possessive on it) dates it; two days give none."""
    one = Article("The board met on Tuesday. Its members left.", published=PUBLISHED)
    assert PartialDate(2020, 3, 10) == single_day(one, ("board",), ("vote",))
    possessive = Article("Tuesday's vote surprised many. The board had met.", published=PUBLISHED)
    assert PartialDate(2020, 3, 10) == single_day(possessive, ("board",), ("vote",))
    two = Article("The board met on Tuesday. The board met again on Wednesday.", published=PUBLISHED)
    assert single_day(two, ("board",), ("vote",)) is None


def test_the_opening_sentences_are_the_news_unless_background() -> None:
    """The first three body sentences open the article; "had", "earlier" mark background."""
    article = Article("Rain fell. It had rained before. Floods came. Roads shut.")
    assert [True, False, True, False] == [opens_article(article, s) for s in article.sentences]


def test_the_lede_day_goes_on_for_three_sentences_that_tell_nothing_earlier_or_later() -> None:
    """ "A storm hit Lyon on Monday. Roofs were torn off.": Monday; not "had rained", "later", or four on."""
    from newsevents.parsing.verb_dates import lede_day

    article = Article(
        "A storm hit Lyon. Roofs were torn off. It had rained. Trees later fell. Cars were hit."
    )
    monday = PartialDate(2020, 3, 9)
    dated = [lede_day(sentence, (0, monday)) for sentence in article.sentences]
    assert [None, monday, None, None, None] == dated  # the last is four sentences on
    assert monday == lede_day(article.sentences[4], (1, monday))
    assert lede_day(article.sentences[1], (0, None)) is None
    assert lede_day(article.sentences[1], None) is None
