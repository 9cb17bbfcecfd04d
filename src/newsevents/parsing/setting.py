"""
Where a passage is set: the country of the states and places an article names around a sentence.

`Setting.of` reads an article once: the states it names and how often (the countries its
places are read in first: "Norfolk" in a story that names Britain). `Setting.country` gives
the country a sentence is set in: the states, else the places, of its passage (the sentence
and the two before it: in its own paragraph the last named, then across a paragraph break
the first named), else the dateline's place, else the state the article names most, else
the first place it names. `Setting.held_in` finds "<word> in <place>" ("detained in Iran").

Places come from `newsevents.parsing.gazetteer` when the ``places`` extra is installed
(`country_of`, `places_in`); without it only the states the article names are read (by the
actor layer's own table). This module names no event type.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache, cached_property

from newsevents.model import Actor, ActorKind
from newsevents.parsing import gazetteer
from newsevents.parsing.actors import Cast, country_code
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.mentions import view
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.roles import apposed_name
from newsevents.parsing.tokens import Token

__all__ = ["Setting", "country_of", "places_in"]


@cache
def _gazetteer() -> bool:
    """Whether the gazetteer's data (the ``places`` extra) is installed."""
    try:
        gazetteer.country_code("France")
    except ImportError:
        return False
    return True


def country_of(name: str, *, prefer: Collection[str] | Callable[[], Collection[str]] = ()) -> str | None:
    """
    The ISO code of a state ("Egyptian", "the U.S.") or, with the gazetteer, of a place ("Lyon"),
    read in the ``prefer`` countries first (given, or made on demand).
    """
    code = country_code(name)
    if code is None and _gazetteer():
        code = gazetteer.country_code(name) or gazetteer.country_of_place(
            name, prefer=prefer() if callable(prefer) else prefer
        )
    return code


def places_in(tokens: Sequence[Token], *, prefer: Collection[str] = ()) -> list[Span]:
    """The gazetteer's place spans (`newsevents.parsing.gazetteer.place_spans`); none without its data."""
    return gazetteer.place_spans(tokens, prefer=prefer) if _gazetteer() else []


class Setting:
    """
    The countries an article names, read once per article.

    Args:
        article: The article.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self._held: dict[frozenset[str], str | None] = {}
        self._named: dict[tuple[int, bool], str | None] = {}
        self._first: str | None = None
        self._first_read = False

    @cached_property
    def counts(self) -> dict[str, int]:
        """The states the article names, and how often (read on first use: it reads every sentence)."""
        cast = Cast.for_article(self.article)
        counts: dict[str, int] = {}
        for sentence in self.article.sentences:
            for mention in cast.mentions(sentence):
                if mention.actor.kind is ActorKind.COUNTRY and mention.actor.country is not None:
                    counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
        return counts

    @classmethod
    def of(cls, article: Article) -> Setting:
        """The article's setting (read on first use, then kept on the article)."""
        found = article.__dict__.get("_setting")
        if not isinstance(found, Setting):
            found = article.__dict__["_setting"] = cls(article)
        return found

    def named(self, sentence: Sentence, *, last: bool = False) -> str | None:
        """The country of a state (else of a place) a sentence names: the last or the first (read once)."""
        key = (sentence.start, last)
        if key not in self._named:
            self._named[key] = self._read_named(sentence, last=last)
        return self._named[key]

    def _first_named(self) -> str | None:
        """The first country any sentence of the article names (read once: the fallback of every event)."""
        if not self._first_read:
            self._first_read = True
            self._first = next(filter(None, (self.named(s) for s in self.article.sentences)), None)
        return self._first

    def _read_named(self, sentence: Sentence, *, last: bool) -> str | None:
        seen = view(self.article, sentence)
        found = [
            (span.start, span.value.country)
            for spans in seen.spans.values()
            for span in spans
            if span.kind == "STATE" and isinstance(span.value, Actor) and span.value.country
        ]
        found = found or [
            (place.start, str(place.value.country))  # a state named outranks a place's guess
            for place in places_in(seen.tokens, prefer=self.counts)
            if place.value.country
        ]
        return (max(found) if last else min(found))[1] if found else None

    def held_in(self, words: Collection[str]) -> str | None:
        """The country of the first "<word> in <Place>" of the article's body ("detained in Iran")."""
        key = frozenset(words)
        if key not in self._held:
            self._held[key] = next(
                filter(
                    None,
                    (self._in(sentence, key) for sentence in self.article.sentences if not sentence.headline),
                ),
                None,
            )
        return self._held[key]

    def _in(self, sentence: Sentence, words: frozenset[str]) -> str | None:
        tokens = view(self.article, sentence).tokens
        for at in range(len(tokens) - 2):
            if tokens[at].lower in words and tokens[at + 1].lower == "in" and tokens[at + 2].is_title:
                for span in places_in(tokens[at + 2 : at + 6], prefer=self.counts):
                    if span.start == 0 and span.value.country:
                        return str(span.value.country)
        return None

    def _named_except(self, sentence: Sentence, leave_out: Collection[str], *, last: bool) -> str | None:
        """`named`, passing over the countries of ``leave_out`` and a state inside a place's name."""
        seen = view(self.article, sentence)
        places = [span for spans in seen.spans.values() for span in spans if span.kind == "PLACE"]
        found = [  # not "Jersey" in "New Jersey"
            (span.start, span.value.country)
            for spans in seen.spans.values()
            for span in spans
            if span.kind == "STATE"
            and isinstance(span.value, Actor)
            and span.value.country
            and span.value.country not in leave_out
            and not any(p.start < span.start and span.end <= p.end for p in places)
        ]
        found = found or [
            (place.start, str(place.value.country))
            for place in places_in(seen.tokens, prefer=self.counts)
            if place.value.country and str(place.value.country) not in leave_out
        ]
        return (max(found) if last else min(found))[1] if found else None

    def asides(self, sentence: Sentence) -> frozenset[str]:
        """
        The states a sentence names only as someone's nationality ("an American citizen", "a
        Chinese businessman"), as a name in apposition ("his son, Adam,") or as a word of a longer
        place's name ("Jersey" in "New Jersey"), not also as a place ("a British man jailed in
        Britain"): what `country` may leave out.
        """
        seen = view(self.article, sentence)
        people = word_list("newsevents.parsing", "lexicon", "people")
        aside: set[str] = set()
        where: set[str] = set()
        places = [span for spans in seen.spans.values() for span in spans if span.kind == "PLACE"]
        for spans in seen.spans.values():
            for span in spans:
                if span.kind == "STATE" and isinstance(span.value, Actor) and span.value.country:
                    word = seen.tokens[span.end].lower if span.end < len(seen.tokens) else ""
                    inside = any(p.start < span.start and span.end <= p.end for p in places)
                    person = word in people or word.rstrip("s") in people
                    (aside if person or inside else where).add(span.value.country)
                elif span.kind == "PLACE" and span.value.country and span.start > 1:
                    named = apposed_name(seen, span.start - 2, span.end + 1) is not None
                    (aside if named else where).add(str(span.value.country))
        return frozenset(aside - where)

    def country(self, sentence: Sentence, *, leave_out: Collection[str] | None = None) -> str | None:
        """
        The country a sentence is set in (see the module's docstring), or None. With ``leave_out``
        (even empty) the states it holds are passed over in the passage ("an American citizen
        jailed ...": not where), and so is a state inside a place's name ("New Jersey").
        """
        sentences = self.article.all_sentences
        passage = [
            s for s in reversed(sentences[max(0, sentence.index - 2) : sentence.index + 1]) if not s.headline
        ]
        for other in passage:
            if other.paragraph == sentence.paragraph and (
                code := self._named_except(other, leave_out, last=True)
                if leave_out is not None
                else self.named(other, last=True)
            ):
                return code
        for other in passage:
            if code := (
                self.named(other) if leave_out is None else self._named_except(other, leave_out, last=False)
            ):
                return code
        dateline = self.article.dateline
        if dateline is not None and (code := country_of(dateline.place, prefer=lambda: self.counts)):
            return code
        if self.counts:
            return max(self.counts, key=lambda code: self.counts[code])
        first = self._first_named()
        return None if leave_out is not None and first in leave_out else first
