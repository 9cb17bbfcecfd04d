"""Tests for newsevents.parsing.article: date line, headline, dateline and sentence offsets."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from newsevents.parsing.article import Article, evidence_for, table, words

CORPUS_STYLE = (
    "date 2016-03-02\n"
    "FORMER BROKER SENTENCED FOR TRADING\n"
    "\n"
    "NEW YORK, March 2 - A former broker was sentenced by the U.S. District Court today.\n"
    "\n"
    "Daniel J. Silverman, who pleaded guilty, was fined. Mr. Smith spoke to the U.S. Attorney. "
    "He left early.\n"
)


def test_corpus_date_line_gives_the_publication_date() -> None:
    """A first line ``date YYYY-MM-DD`` is the publication date and not part of the body."""
    article = Article(CORPUS_STYLE)
    assert datetime.date(2016, 3, 2) == article.published
    assert "date" not in article.text[article.body_start : article.body_start + 4]


def test_seed_date_at_the_start_of_the_first_line(seed_text: str) -> None:
    """The seed's ``" date 2019-12-26 "`` before the lede is read, and the lede is a sentence."""
    article = Article(seed_text)
    assert datetime.date(2019, 12, 26) == article.published
    assert article.headline is None
    assert article.sentences[0].text.startswith("Prime Minister Benjamin Netanyahu asked")


def test_given_published_date_wins_over_the_date_line() -> None:
    """An explicit ``published`` overrides the text's date line."""
    article = Article(CORPUS_STYLE, published=datetime.date(2000, 1, 1))
    assert datetime.date(2000, 1, 1) == article.published


def test_windows_line_endings() -> None:
    """CRLF line endings give the same date, headline and sentences as LF."""
    article = Article("date 2019-12-26\r\nHeadline here\r\n\r\nNetanyahu spoke. He left.\r\n")
    assert datetime.date(2019, 12, 26) == article.published
    assert article.headline is not None
    assert "Headline here" == article.headline.text
    assert ["Netanyahu spoke.", "He left."] == [s.text for s in article.sentences if not s.headline]


def test_impossible_date_line_gives_no_date() -> None:
    """A date line with an impossible date (month 13) leaves the publication date unknown."""
    assert Article("date 2019-13-45\nHeadline\n\nBody text.").published is None


def test_headline_and_dateline_are_set_apart() -> None:
    """The one-line first block is the headline; "NEW YORK, March 2 -" is the dateline."""
    article = Article(CORPUS_STYLE)
    assert article.headline is not None
    assert "FORMER BROKER SENTENCED FOR TRADING" == article.headline.text
    assert article.dateline is not None
    assert "New York" == article.dateline.place
    assert article.sentences[1].text.startswith("A former broker")


def test_abbreviations_initials_and_acronyms_do_not_split_sentences() -> None:
    """ "Daniel J. Silverman", "Mr. Smith" and "the U.S. Attorney" stay inside their sentences."""
    texts = [sentence.text for sentence in Article(CORPUS_STYLE).sentences]
    assert "Daniel J. Silverman, who pleaded guilty, was fined." in texts
    assert "Mr. Smith spoke to the U.S. Attorney." in texts
    assert "He left early." in texts


def test_sentence_at_maps_offsets_to_sentences() -> None:
    """`Article.sentence_at` returns the sentence holding an offset, None between sentences."""
    article = Article(CORPUS_STYLE)
    target = article.sentences[-1]
    assert target == article.sentence_at(target.start + 1)
    assert article.sentence_at(len(article.text) + 10) is None


def test_sentences_with_finds_keywords_case_insensitively() -> None:
    """The cheap trigger pass returns the sentences holding a keyword, headline excluded by default."""
    article = Article(CORPUS_STYLE)
    found = article.sentences_with(("sentenced",))
    assert ["A former broker was sentenced by the U.S. District Court today."] == [s.text for s in found]


def test_evidence_for_copies_the_sentence_with_its_rule() -> None:
    """Evidence built from a sentence has its exact text, offsets and rule name."""
    article = Article(CORPUS_STYLE)
    sentence = article.sentences[2]
    evidence = evidence_for(sentence, "test.rule")
    assert article.text[evidence.start : evidence.end] == evidence.text
    assert "test.rule" == evidence.rule


def test_lexicon_files_load() -> None:
    """The data files load as word sets and tables."""
    assert "Mr" in words("abbreviations.txt")
    assert any(row[:2] == ("RU", "Russian") for row in table("country_aliases.tsv"))


def test_control_characters_make_a_sentence_uncarriable() -> None:
    """A sentence with a control character is kept in all_sentences but not offered as evidence."""
    article = Article("He phoned \x00her. She called back.")
    assert 2 == len(article.all_sentences)
    assert ["She called back."] == [sentence.text for sentence in article.sentences]


@given(st.text(max_size=400))
def test_sentences_have_exact_offsets(text: str) -> None:
    """For any text, every sentence is the exact slice of the text at its offsets, in order."""
    article = Article(text)
    previous_end = 0
    for sentence in article.all_sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.text.strip() == sentence.text or sentence.headline
        previous_end = sentence.end


@given(
    st.lists(st.sampled_from(["Mr.", "U.S.", "A.", "call", "\n\n", " ", "Putin", ".", "date 2019-01-01\n"]))
)
def test_sentence_splitting_never_fails_on_tricky_tokens(parts: list[str]) -> None:
    """Abbreviations, initials, blank lines and date lines in any order give well-formed sentences."""
    text = " ".join(parts)
    for sentence in Article(text).all_sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text


_OLD_BOUNDARY = r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+\s+"


@given(
    st.text(alphabet=st.sampled_from([".", "!", "?", "…", '"', "”", ")", " ", "\n", "a", "B"]), max_size=60),
    st.integers(0, 4),
)
def test_the_sentence_boundary_expression_matches_where_its_first_form_did(text: str, start: int) -> None:
    """
    `_BOUNDARY` opens with its character set (so the search skips to a mark at C speed); its
    matches are those of the first form, whose look-behind came first, from any position.
    """
    import re

    from newsevents.parsing.article import _BOUNDARY

    old = re.compile(_OLD_BOUNDARY)
    assert [m.span() for m in old.finditer(text, start)] == [
        m.span() for m in _BOUNDARY.finditer(text, start)
    ]
