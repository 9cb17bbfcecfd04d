"""
The short noun phrases a sentence lists from a word on: "struck a market, a school and a
clinic" gives "a market", "a school" and "a clinic" read from "a".

This module names no event type; `newsevents.parsing.phrases.listed_items` reads longer
lists of topics.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsevents.parsing.tokens import Token

__all__ = ["after_cue", "enemy_after_support", "listed_nouns"]


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


def after_cue(
    tokens: Sequence[Token],
    start: int,
    cues: Collection[str],
    *,
    stops: Collection[str] = (),
    reach: int = 30,
) -> int | None:
    """
    The token after the first word or two-word phrase of ``cues`` from token ``start`` on.

    The search ends after ``reach`` tokens and at a word of ``stops`` (a reporting verb, a
    semicolon). "troops drove the militants out" with the cue "drove" gives the index of "the";
    "fought back against" with "fought back" gives that of "against".
    """
    for position in range(start, min(len(tokens), start + reach)):
        word = tokens[position].lower
        if word in stops:
            return None
        following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
        if f"{word} {following}" in cues:
            return position + 2
        if word in cues:
            return position + 1
    return None


def enemy_after_support(
    tokens: Sequence[Token], start: int, end: int, *, support: Collection[str], cues: Collection[str]
) -> int | None:
    """
    Where the enemy of a supported ground force is named, when the words ``start`` to ``end``
    (an attack from the air) back that force: the token after the first of ``cues`` that
    follows them, before a semicolon or a reporting verb.

    The support is a word of ``support`` among the seven tokens before and the two after
    ("troops backed by air strikes", "air support", "strikes in support of"). "fighting
    between A, backed by air strikes, and B": after "between", "and" names the enemy too.

    Example: "Troops backed by air strikes drove the militants out", with the cue "drove",
    gives the index of "the".
    """
    if not support or not set(support) & {t.lower for t in tokens[max(0, start - 7) : end + 2]}:
        return None
    between = "between" in (t.lower for t in tokens[max(0, start - 12) : start])
    cues = set(cues) | ({"and"} if between else set())
    return after_cue(tokens, end, cues, stops={";", "said", "says", "according"})
