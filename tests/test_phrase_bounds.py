"""The shared phrase bounds: where a phrase read from a word ends, and an "in a ... <noun>" phrase's modifier."""

from __future__ import annotations

from newsevents.parsing.article import Article
from newsevents.parsing.mentions import view
from newsevents.parsing.phrase_bounds import modifier_before, phrase_end
from newsevents.parsing.tokens import tokenize


def _phrase(text: str, opening_word: str, *, settings: frozenset[str] = frozenset(), reach: int = 12) -> str:
    article = Article(text)
    seen = view(article, article.sentences[0])
    opening = next(t.index for t in seen.tokens if t.text == opening_word) + 1
    stops, new_clause = {",", "."}, {"was", "then"}
    end = phrase_end(
        seen.tokens, seen.spans, opening, stops=stops, new_clause=new_clause, settings=settings, reach=reach
    )
    return " ".join(t.text for t in seen.tokens[opening:end])


def test_a_phrase_ends_before_a_stop_a_place_a_time_or_a_new_clause() -> None:
    """What follows "for" is read up to where the sentence goes on to say where, when or what else."""
    assert "painting the fence" == _phrase("He was praised for painting the fence in Leeds.", "for")
    assert "painting the fence" == _phrase("He was praised for painting the fence, she said.", "for")
    assert "painting the fence" == _phrase("He was praised for painting the fence on Tuesday.", "for")
    assert "painting the fence" == _phrase("He was praised for painting the fence and was paid.", "for")
    assert "painting the fence and the gate" == _phrase(
        "He was praised for painting the fence and the gate.", "for"
    )
    assert "painting the fence" == _phrase(
        "He was praised for painting the fence in public.", "for", settings=frozenset({"public"})
    )


def test_a_phrase_drops_its_trailing_function_words_and_keeps_its_reach() -> None:
    """A phrase does not end on "the" or "of"; it is at most ``reach`` words."""
    assert "painting" == _phrase("He was praised for painting the, she said.", "for")
    assert "one two" == _phrase("He was praised for one two three four.", "for", reach=2)


def test_the_modifier_of_an_in_a_noun_phrase_passes_names_and_skipped_words() -> None:
    """ "in the Lake County winter storm": "winter"; a capitalised-only modifier names nothing."""
    tokens = tokenize("Roads closed in the Lake County winter storm on Monday.")
    found = modifier_before(tokens, 0, {"storm"}, set())
    assert found is not None
    assert "winter" == " ".join(t.text for t in tokens[found[0] : found[1]])
    tokens = tokenize("In a separate flood case, roads closed.")
    found = modifier_before(tokens, 5, {"case"}, {"separate"})
    assert found is not None
    assert "flood" == " ".join(t.text for t in tokens[found[0] : found[1]])
    assert modifier_before(tokenize("Roads closed in the Lake County storm."), 0, {"storm"}, set()) is None
    assert modifier_before(tokenize("Roads closed in the night."), 0, {"storm"}, set()) is None


def test_where_a_phrase_opens_past_quotes_hedges_counts_and_times() -> None:
    """ "over a March 2019 brawl": "brawl"; "for allegedly stealing", "on two counts of speeding", a quote."""
    from newsevents.parsing.phrase_bounds import phrase_opening

    def opening(text: str, word: str) -> str:
        article = Article(text)
        seen = view(article, article.sentences[0])
        at = next(t.index for t in seen.tokens if t.text == word) + 1
        return seen.tokens[phrase_opening(seen.tokens, seen.spans, at, {"allegedly"})].text

    assert "brawl" == opening("He was fined over a March 2019 brawl.", "over")
    assert "stealing" == opening("He was fined for allegedly stealing a bike.", "for")
    assert "speeding" == opening("He was fined on two counts of speeding.", "on")
    assert "insulting" == opening('He was fined for "insulting" a guard.', "for")
    assert "a" == opening("He was fined for a brawl.", "for")


def test_a_phrase_that_may_give_a_length_of_time_ends_before_its_reason() -> None:
    """ "banned for five years for speeding": the first "for" goes on with the term, the second ends it."""
    from newsevents.parsing.phrase_bounds import term_phrase_end

    def phrase(text: str, verb: str) -> str:
        article = Article(text)
        seen = view(article, article.sentences[0])
        begin = next(t.index for t in seen.tokens if t.text == verb) + 1
        return " ".join(t.text for t in seen.tokens[begin : term_phrase_end(seen.tokens, seen.spans, begin)])

    assert "for five years" == phrase("She was banned for five years for speeding.", "banned")
    assert "for life" == phrase("She was banned for life after a crash.", "banned")
    assert "for a total of six months" == phrase(
        "He was suspended for a total of six months over it.", "suspended"
    )
    assert "from the league" == phrase("He was banned from the league, the board said.", "banned")
    assert "from the league" == phrase("He was banned from the league on charges of doping.", "banned")
    assert "from racing" == phrase("He was banned from racing.", "banned")
