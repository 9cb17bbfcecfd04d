"""The shared phrase lists: indexed by first word, found in a run of words, openers with gaps."""

from __future__ import annotations

from newsevents.parsing.phrase_lists import after_opener, by_first_word, first_phrase


def test_phrases_are_indexed_by_first_word_in_order() -> None:
    """Phrases sharing a first word keep the order they were given in."""
    index = by_first_word([("on", "the", "way"), ("on", "time"), ("late",)])
    assert {"on": (("on", "the", "way"), ("on", "time")), "late": (("late",),)} == index


def test_the_first_phrase_is_the_earliest_whole_one() -> None:
    """A phrase counts only when all its words follow; the earliest start wins."""
    index = by_first_word([("on", "time"), ("ran", "late")])
    assert 2 == first_phrase(["the", "train", "ran", "late", "but", "on", "time"], index)
    assert 6 == first_phrase(["the", "train", "ran", "on", "to", "arrive", "on", "time"], index)
    assert first_phrase(["the", "train", "ran", "on"], index) is None
    assert first_phrase([], index) is None


def test_an_opener_allows_a_few_words_in_its_gap_but_no_barrier() -> None:
    """ "accused ~3 of" opens "accused the mayor of"; a barrier word or a longer gap does not."""
    openers = [("accused", "~3", "of"), ("charged", "with")]
    assert 5 == after_opener(["they", "accused", "the", "mayor", "of", "bribery"], openers, {";"})
    assert 4 == after_opener(["she", "was", "charged", "with", "arson"], openers, set())
    assert after_opener(["police", "charged", "him", "with", "theft"], openers, set()) is None
    assert after_opener(["accused", ";", "of", "course"], openers, {";"}) is None
    assert after_opener(["accused", "the", "very", "old", "mayor", "of"], openers, set()) is None


def test_a_tables_phrases_by_kind_and_word_sets_by_key() -> None:
    """Rows of one cell are left out; phrases are lower-cased word tuples in the table's order."""
    from newsevents.parsing.phrase_lists import phrases_by_kind, sets_by_key

    rows = [("On Foot", "walk"), ("by bike", "ride"), ("on the way", "walk"), ("alone",)]
    assert {"walk": [("on", "foot"), ("on", "the", "way")], "ride": [("by", "bike")]} == phrases_by_kind(rows)
    assert {"council": frozenset({"city", "town"})} == sets_by_key([("council", "city,town"), ("lone",)])


def test_words_in_a_sentence_or_the_one_before() -> None:
    """ "The orchestra played. It bowed. Rain fell.": the second is near "orchestra", the third is not."""
    from newsevents.parsing.article import Article
    from newsevents.parsing.phrase_lists import near_words

    article = Article("The orchestra played. It bowed. Rain fell.")
    assert [True, True, False] == [near_words(article, s, {"orchestra"}) for s in article.sentences]
