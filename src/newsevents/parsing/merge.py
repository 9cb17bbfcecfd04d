"""
One merge step for every event type: mentions of one real-world occurrence become one event.

An event class declares what identifies an occurrence in its ``identity`` class attribute:
the names of the fields that must agree (``("participants",)``: the same people took part;
``("beneficiary",)``: the same person is to benefit). Two events of one type are the same
occurrence when those fields agree (actors by kind and name, tuples as sets) and their
dates agree (see `merge`). The first mention in the text is kept, with what later
mentions add (a date, an initiator, any field it lacks).

Events are grouped by type and identity in one pass, so merging costs time in proportion
to the number of events. A class without ``identity`` is never merged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from newsevents.model import Actor, Event

__all__ = ["continues", "identity_of", "merge", "own_time", "same_name"]


def _key(value: Any) -> Any:
    if isinstance(value, Actor):
        return (value.kind.value, value.name.casefold())
    if isinstance(value, tuple):
        return frozenset(_key(item) for item in value)
    return value


def identity_of(event: Event) -> tuple[Any, ...] | None:
    """The event's identity key, or None when its class declares none."""
    fields: Sequence[str] = getattr(type(event), "identity", ())
    if not fields:
        return None
    return (type(event), *(_key(getattr(event, name)) for name in fields))


def _empty(value: Any) -> bool:
    return value is None or value == ()


def _absorb(kept: Event, other: Event) -> Event:
    """``kept`` with every field it lacks taken from ``other`` (evidence and id stay kept's)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(kept)):
        if field.name in ("id", "evidence", "source"):
            continue
        mine, theirs = getattr(kept, field.name), getattr(other, field.name)
        if _empty(mine) and not _empty(theirs):
            changes[field.name] = theirs
    return attrs.evolve(kept, **changes, id="") if changes else kept


def merge(
    events: Iterable[Event | tuple[Event, bool]], *, apart: Callable[[Event, Event], bool] | None = None
) -> list[Event]:
    """
    Merge mentions of the same occurrence, keeping text order.

    A mention joins an earlier event of the same identity when their dates are equal or it
    has none. A *definite* mention ("the call", "Thursday's phone call": it refers back)
    also joins an earlier event whose date is unknown, and dates it. A mention with a date
    of its own that is not definite ("a call earlier this month") is another occurrence
    than an undated one reported before.

    Args:
        events: Events in text order (by evidence), or (event, definite) pairs.
        apart: ``(kept, mention) -> bool``, when given: True keeps a mention of the same
            identity apart from an event (two sides' strikes on one place are two).

    Returns:
        One event per occurrence, in the order of their first mention.
    """
    out: list[Event] = []
    groups: dict[tuple[Any, ...], list[int]] = {}
    for item in events:
        event, definite = item if isinstance(item, tuple) else (item, False)
        key = identity_of(event)
        if key is None:
            out.append(event)
            continue
        target = next(
            (
                i for i in groups.get(key, ())
                if _joins(out[i], event, definite=definite) and not (apart and apart(out[i], event))
            ),
            None,
        )  # fmt: skip
        if target is None:
            groups.setdefault(key, []).append(len(out))
            out.append(event)
        else:
            out[target] = _absorb(out[target], event)
    return out


def _joins(kept: Event, mention: Event, *, definite: bool) -> bool:
    if mention.date is None or kept.date == mention.date:
        return True
    return kept.date is None and not own_time(kept, mention, definite=definite)


def own_time(kept: Event, mention: Event, *, definite: bool) -> bool:
    """
    Whether a later mention dated in its own words is another occurrence than an undated one
    reported before ("a strike hit X. ... A strike in 2014 also hit X"): it is, unless it refers
    back (``definite``: "the strike on Monday") or continues it in the next sentence (`continues`).
    """
    if mention.date is None or kept.date is not None:
        return False
    return not definite and not continues(kept, mention)


#: How many characters may separate two sentences that follow each other.
_ADJACENT = 3


def continues(kept: Event, mention: Event) -> bool:
    """
    A dated mention in the very next sentence continues an undated report of the same
    occurrence ("X called Y as soon as he heard. The two spoke by phone on Tuesday."),
    unless it says it happened again.
    """
    first, second = kept.evidence, mention.evidence
    if first is None or second is None:
        return False
    return 0 <= second.start - first.end <= _ADJACENT and "again" not in second.text.lower().split()


def same_name(first: Actor, second: Actor) -> bool:
    """
    Whether two actors' names may name one person: the same last word, or the words of one
    within the other ("Lee" and "Ann Lee"); two names of several words whose different first
    words are both capitalised are two people ("John Smith" and his son "Adam Smith").

    Examples:
        >>> same_name(Actor.person("Ann Lee"), Actor.person("Lee"))
        True
        >>> same_name(Actor.person("John Smith"), Actor.person("Adam Smith"))
        False
    """
    a, b = first.name.split(), second.name.split()
    if len(a) > 1 and len(b) > 1 and a[0] != b[0] and a[0].istitle() and b[0].istitle():
        return set(a) <= set(b) or set(b) <= set(a)
    return bool(a and b) and (a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a))
