"""
Mentions of one occurrence completing each other, field by field.

- `fill`: an event with the empty fields another mention has taken from it;
- `evidence_start`, `sentence_index`: where a mention is in the article;
- `same_or_unknown`: two actors that may be one ("the ministry" unnamed, or the same name);
- `different_states`: two states that are not one (the talks of two states are two).

This module names no event type; `newsevents.parsing.merge` merges by identity for every type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from newsevents.model import Actor, ActorKind, Event
from newsevents.parsing.article import Article

__all__ = ["different_states", "evidence_start", "fill", "same_or_unknown", "sentence_index"]

E = TypeVar("E", bound=Event)


def fill(kept: E, other: E, names: Iterable[str], *, replace: Iterable[str] = ()) -> E:
    """
    ``kept`` with each field of ``names`` it lacks (None or empty) taken from ``other``, and each
    field of ``replace`` that ``other`` has set taken from it (a later mention that places a
    meeting gives its place); a changed event gets a new id.

    Example: a meeting with no date, filled from ``other`` dated 2021-06-08 by ``names=("date",)``,
    is dated 2021-06-08.
    """
    changes: dict[str, Any] = {
        n: getattr(other, n) for n in names if getattr(kept, n) in (None, ()) and getattr(other, n)
    }
    for name in replace:
        if getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    return attrs.evolve(kept, **changes, id="") if changes else kept


def evidence_start(event: Event) -> int:
    """Where the event's evidence starts in the text, or -1 when it has none."""
    return event.evidence.start if event.evidence is not None else -1


def sentence_index(article: Article, event: Event) -> int | None:
    """The index of the sentence holding the event's evidence, or None."""
    found = article.sentence_at(event.evidence.start) if event.evidence is not None else None
    return None if found is None else found.index


def same_or_unknown(first: Actor | None, second: Actor | None) -> bool:
    """Whether two actors may be one: either is unknown, or both have the same name."""
    return first is None or second is None or first.name == second.name


def different_states(first: object, second: object) -> bool:
    """Whether two values are both states (`Actor` of kind country) and not the same state."""
    if not isinstance(first, Actor) or not isinstance(second, Actor):
        return False
    return first.kind is second.kind is ActorKind.COUNTRY and first.country != second.country
