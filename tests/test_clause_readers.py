"""The shared readers of a verb's clause: who it is about, and the words before it (`roles`, `blocking`).

Every sentence here was written for the project.
"""

from __future__ import annotations

from newsevents.model import Actor
from newsevents.parsing.article import Article
from newsevents.parsing.blocking import clause_words, predicate_opening
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.patterns import Span
from newsevents.parsing.roles import joined_predicate, object_before, people_after, span_people, verb_subject
from newsevents.parsing.tokens import tokenize


def _seen(text: str, index: int = 0) -> SentenceView:
    article = Article(text)
    return view(article, article.sentences[index])


def _at(seen: SentenceView, word: str) -> int:
    return next(token.index for token in seen.tokens if token.text == word)


def test_the_people_a_few_words_after_a_word() -> None:
    """ "against former mayor X and 19 others": X and the rest; none past "of" or too far on."""
    seen = _seen("Charges were filed against former mayor Hans Weber and 19 others on Monday.")
    assert ["Hans Weber", "19 others"] == [a.name for a in people_after(seen, _at(seen, "against") + 1) or []]
    assert people_after(seen, _at(seen, "were")) is None  # five words on: out of reach
    seen = _seen("Charges were filed against the lawyer of Hans Weber on Monday.")
    assert people_after(seen, _at(seen, "against") + 1) is None


def test_who_a_verb_phrase_is_about() -> None:
    """The subject with the rest of an "including" group, an opening participle's, a description's person."""
    seen = _seen("Six nurses, including Ann Lee, were honoured in Lyon.")
    at = _at(seen, "were")
    assert [Actor.person("Ann Lee"), Actor.group("Six nurses")] == verb_subject(seen, at, at + 2)
    seen = _seen("Ann Lee was honoured in Lyon. Praised for her work, Maria Costa was honoured too.", 1)
    assert ["Maria Costa"] == [a.name for a in verb_subject(seen, 0, 1)]
    seen = _seen("A Texas man was honoured on Friday. Hans Weber, 52, said he was pleased.")
    at = _at(seen, "was")
    assert ["Hans Weber"] == [a.name for a in verb_subject(seen, at, at + 2)]
    seen = _seen("Last year five nurses were honoured.")
    at = _at(seen, "were")
    assert [Actor.group("five nurses")] == verb_subject(seen, at, at + 2)


def test_the_words_of_the_clause_before_a_verb() -> None:
    """From the last "; " or ", but", names and a comma-closed relative clause left out."""
    tokens = tokenize("Rain fell, but Ann, who hoped to win, was beaten")
    assert ["ann", ",", "", "", "", "", ",", "was"] == clause_words(tokens, 11, 12)
    tokens = tokenize("Fans hoped Hans Weber would win; he was beaten")
    assert ["he"] == clause_words(tokens, 8, 8)
    tokens = tokenize("Fans said Hans Weber tried hard and was beaten")
    assert ["fans", "said", "", "", "tried"] == clause_words(tokens, 7, 5)
    assert ["and"] == clause_words(tokens, 7, 7, predicate_opening(tokens, 7, {"was"}) - 1)


def test_where_one_of_several_predicates_opens() -> None:
    """ "sang and was cheered": the predicate opens at "was"; a lone predicate at the sentence's start."""
    assert 3 == predicate_opening(tokenize("She sang and was cheered loudly"), 4, {"was"})
    assert 3 == predicate_opening(tokenize("She sang; was cheered"), 4, {"was"})
    assert 0 == predicate_opening(tokenize("She sang and danced"), 3, {"was"})


def _actors_span(seen: SentenceView, first: int) -> Span:
    return next(s for s in seen.spans.get(first, ()) if s.kind == "ACTORS")


def test_the_people_a_captured_span_names() -> None:
    """With their counted companions; a span naming no person gives way to the person named after it."""
    seen = _seen("The board praised Ann Lee and more than 100 volunteers for their work.")
    named = span_people(seen, _actors_span(seen, 3), 5)
    assert ["Ann Lee", "more than 100 volunteers"] == [a.name for a in named]
    seen = _seen("The board thanked Acme Corp finance chief Ann Lee for the gift.")
    assert ["Ann Lee"] == [a.name for a in span_people(seen, _actors_span(seen, 3), 9)]


def test_the_object_before_a_preposition() -> None:
    """ "praised his son, Adam Costa, for": the son named; "the volunteers" as written; no words, none."""
    seen = _seen("The mayor praised his son, Adam Costa, for the work.")
    assert [Actor.person("Adam Costa")] == object_before(seen, 3, 9, verb=2)
    seen = _seen("The mayor praised the volunteers for the work.")
    assert [Actor.group("the volunteers")] == object_before(seen, 3, 5, verb=2)
    assert object_before(seen, 3, 3, verb=2) is None


def test_a_predicate_joined_after_a_word() -> None:
    """ "approved the plan, but shelved it": joined; "shelved" with no object after it is not."""
    assert joined_predicate(tokenize("It approved the plan, but shelved it"), 0, "shelved")
    assert joined_predicate(tokenize("It approved the plan and was shelved the next day"), 2, "shelved")
    assert not joined_predicate(tokenize("It approved the plan, but shelved."), 0, "shelved")
    assert not joined_predicate(tokenize("It approved the plan, but shelved it"), 6, "shelved")
