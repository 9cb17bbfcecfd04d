"""
`ForeignEvent`: an event read from NewsML-G2 (or ninjs) that newsevents did not write.

It lives with the model, registered by `newsevents.events`, so that its JSON
can be read without loading the NewsML-G2 codec; `newsevents.newsml` re-exports it.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from newsevents.model import Actor, Codes, Event

__all__ = ["ForeignEvent"]


@attrs.frozen(kw_only=True)
class ForeignEvent(Event):
    """
    An event concept from NewsML-G2 written by others, with what newsevents can read of it.

    `newsevents.from_newsml` returns one for each event concept (a ``concept`` or
    ``event`` with ``eventDetails``) that is not one of ours. Texts are whitespace-collapsed,
    as XML written for people is indented; the date is cut to the day; a participant's
    ``definition`` is read as its title. It is an ordinary registered type, so it has JSON
    and NewsML-G2 like any other.

    Args:
        name: The concept's first ``name``, or "" when it has none.
        definition: Its first ``definition``, as plain text, or None.
        concept: Its ``conceptId`` QCode (``"event:1234567"``) or URI, or None.
        participants: Its ``participant`` s that have a name.
    """

    codes: ClassVar[Codes] = Codes(
        label="event",
        definition="An event read from NewsML-G2 written by another system.",
    )

    name: str = ""
    definition: str | None = None
    concept: str | None = None
    participants: tuple[Actor, ...] = ()
