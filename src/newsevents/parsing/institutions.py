"""
Institutions a sentence names with a place, and their country: "a Moscow court" is in Russia,
"the Seoul High Court" in South Korea, "the police in Lagos" in Nigeria; "an international
tribunal" is in none.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from newsevents.parsing.roles import text_of
from newsevents.parsing.setting import country_of
from newsevents.parsing.tokens import Token

__all__ = ["institution"]

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
            for size in (3, 2, 1):
                phrase = text_of(tokens, first, min(at, first + size)).removesuffix("'s")
                if tokens[first].is_title and (code := country_of(phrase, prefer=prefer)):
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
