"""
The short noun phrases a sentence lists from a word on: "struck a market, a school and a
clinic" gives "a market", "a school" and "a clinic" read from "a".

This module names no event type; `newsevents.parsing.phrases.listed_items` reads longer
lists of topics.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsevents.parsing.tokens import Token

__all__ = ["listed_nouns"]


def listed_nouns(
    tokens: Sequence[Token],
    start: int,
    *,
    stops: Collection[str],
    ends: Collection[int] = (),
    refuse: Collection[int] = (),
) -> tuple[str, ...]:
    """
    The words from token ``start`` to a stop, split at the list's commas and "and", each part as written.

    The phrase ends after ten tokens, at a word of ``stops`` ("on", "killing"), at a token of
    ``ends`` (a time), at a mark other than a comma before a lower-case word, and at a comma
    before a stop word. There is none when it is empty, opens with a number, or holds a
    token of ``refuse`` (a place, when the caller wants things, not places).

    Args:
        tokens: The sentence's tokens.
        start: The first token of the phrase.
        stops: Lower-case words that end the phrase.
        ends: Indexes of tokens that end the phrase.
        refuse: Indexes of tokens that the phrase may not hold.

    Example: "hit a market and a school on Monday" from "a", with the stop "on", gives
    ("a market", "a school").
    """
    end = start
    while end < len(tokens) and end - start < 10 and end not in ends and tokens[end].lower not in stops:
        token, following = tokens[end], tokens[end + 1] if end + 1 < len(tokens) else None
        if token.shape == "." and not (token.text == "," and following and following.shape == "x"):
            break  # a mark ends it; a comma before a lower-case word goes on with a list
        if token.text == "," and following is not None and following.lower in stops:
            break
        end += 1
    if end == start or tokens[start].shape == "d" or any(i in refuse for i in range(start, end)):
        return ()
    parts: list[list[str]] = [[]]
    for token in tokens[start:end]:
        parts.append([]) if token.lower in (",", "and") else parts[-1].append(token.text)
    return tuple(" ".join(part) for part in parts if part)
