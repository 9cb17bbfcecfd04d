"""
Institutions a sentence names with a place, and their country: "a Moscow court" is in Russia,
"the Seoul High Court" in South Korea, "the police in Lagos" in Nigeria; "an international
tribunal" is in none.

- `institution`: the first institution a sentence names, and its country;
- `institution_countries`: the country of the institution each sentence of an article names;
- `nearest_country`: the country for a sentence that names none: the nearest one named, else
  where someone is held, else where the passage is set.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.mentions import view
from newsevents.parsing.roles import text_of
from newsevents.parsing.setting import Setting, country_of
from newsevents.parsing.tokens import Token

__all__ = ["institution", "institution_countries", "nearest_country"]

_BEFORE_NAME = (",", ";", "by", "in", "of", "to")


def institution(
    tokens: Sequence[Token],
    nouns: Collection[str],
    *,
    named: Collection[str],
    qualified: Mapping[str, Collection[str]],
    prefer: Callable[[], Collection[str]] = tuple,
) -> tuple[str | None, str | None]:
    """
    The first institution a sentence names by one of ``nouns``, as (name, country), or (None, None).

    The name is given only for a capitalised noun of ``named`` and the capitalised words
    before it ("the Lagos State Police" is "Lagos State Police"; "of" and a capitalised word
    may follow: "Bank of England"). The country is a place's among the (up to four) words
    before the noun ("a Moscow police unit"), else one after "in" ("police in Lagos"); ""
    when "international" comes before the noun; None when neither names one. A noun of
    ``qualified`` counts only after one of its words ("a military commission", not "the
    election commission"). An institution that gives neither a name nor a country is passed over.

    Args:
        tokens: The sentence's tokens.
        nouns: Lower-case nouns of the institution ("police", "ministry").
        named: Lower-case nouns whose capitalised use is the institution's name.
        qualified: The nouns that name the institution only after certain lower-case words.
        prefer: The countries that win an ambiguous place name (`setting.country_of`).

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> institution(tokenize("a Moscow police unit detained him"), {"police"}, named=(), qualified={})
        (None, 'RU')
    """
    for at, token in enumerate(tokens):
        if token.lower not in nouns or (
            token.lower in qualified and (at == 0 or tokens[at - 1].lower not in qualified[token.lower])
        ):
            continue
        begin = at
        while begin > 0 and at - begin < 4 and tokens[begin - 1].lower not in _BEFORE_NAME:
            begin -= 1
        name = None
        if token.is_title and at and token.lower in named:
            first = at
            while first > begin and (tokens[first - 1].is_title or tokens[first - 1].shape == "X."):
                first -= 1
            first += tokens[first].lower in ("a", "an", "the")
            last = at + 1
            if last + 1 < len(tokens) and tokens[last].lower == "of" and tokens[last + 1].is_title:
                last += 2  # "Court of Appeals"
            name = text_of(tokens, first, last)
        if "international" in [t.lower for t in tokens[begin:at]]:
            return name, ""
        for first in range(begin, at):
            if not tokens[first].is_title:
                continue  # a place's name is capitalised (no phrase is written out for the others)
            for size in (3, 2, 1):
                phrase = text_of(tokens, first, min(at, first + size)).removesuffix("'s")
                if code := country_of(phrase, prefer=prefer):
                    return name, code
        if at + 2 < len(tokens) and tokens[at + 1].lower == "in" and tokens[at + 2].is_title:
            stop = at + 2
            while stop < len(tokens) and stop < at + 5 and tokens[stop].is_title:
                stop += 1
            phrase = text_of(tokens, at + 2, stop)
            if code := country_of(phrase, prefer=prefer):
                return name, code
        if name is not None:
            return name, None
    return None, None


def institution_countries(
    article: Article,
    stems: Sequence[str],
    nouns: Collection[str],
    *,
    named: Collection[str],
    qualified: Mapping[str, Collection[str]],
) -> dict[int, str]:
    """
    The country of the institution (`institution`) each sentence holding one of ``stems``
    names, by sentence index ("" for an international one), ambiguous places read in the
    states the article names most; read once per article and nouns.

    Examples:
        >>> article = Article("A Moscow police unit came. Nothing else happened.")
        >>> institution_countries(article, ("police",), {"police"}, named=(), qualified={})
        {0: 'RU'}
    """
    kept: dict[tuple[object, ...], dict[int, str]] = article.__dict__.setdefault("_institution_countries", {})
    key = (
        tuple(stems),
        frozenset(nouns),
        frozenset(named),
        tuple((k, frozenset(v)) for k, v in qualified.items()),
    )
    found = kept.get(key)
    if found is None:
        setting = Setting.of(article)
        found = kept[key] = {
            sentence.index: code
            for sentence in article.sentences_with(tuple(stems))
            if (
                code := institution(
                    view(article, sentence).tokens,
                    nouns,
                    named=named,
                    qualified=qualified,
                    prefer=lambda: setting.counts,
                )[1]
            )
            is not None
        }
    return found


def nearest_country(
    article: Article, sentence: Sentence, countries: Mapping[int, str], held: Collection[str]
) -> str | None:
    """
    The country for a sentence that names no institution: that of the nearest one named before
    it (else after it) in ``countries`` (by sentence index, `institution_countries`; "" is
    none), else where the article says someone is held ("detained in Peru", by a word of
    ``held``: `Setting.held_in`), else where the passage is set (`Setting.country`).

    Examples:
        >>> article = Article("A Lima court heard the case. The hearing ended.")
        >>> nearest_country(article, article.sentences[1], {0: "PE"}, {"held"})
        'PE'
    """
    before = [index for index in countries if index < sentence.index]
    after = [index for index in countries if index > sentence.index]
    if before or after:
        return countries[max(before) if before else min(after)] or None
    setting = Setting.of(article)
    return setting.held_in(held) or setting.country(sentence, leave_out=setting.asides(sentence))
