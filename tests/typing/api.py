"""
How the public API looks to a type checker: CI runs ``mypy --strict tests/typing``.

Not a test module (pytest does not collect it): each line must type-check, and the
``reveal``-free assignments pin the types users get back.
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import strategies as st

import newsevents as ne
from newsevents import dates, strategies
from newsevents.newsml import from_newsml, to_newsml, validate


@ne.register
@attrs.frozen(kw_only=True)
class Rally(ne.Event):
    """A user-defined type."""

    crowd: ne.Count | None = None


netanyahu: ne.Actor = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
putin: ne.Actor = ne.Actor.person("Vladimir Putin", country="RU")
call: ne.PhoneCall = ne.PhoneCall(participants=(netanyahu, putin), date=ne.PartialDate.parse("2019-12-26"))
rally: Rally = Rally(crowd=ne.Count(100, ne.CountQualifier.ORDER))

text: str = ne.to_json([call, rally])
decoded: ne.Event | list[ne.Event] = ne.from_json(text)
one: dict[str, object] = ne.to_dict(call)
back: ne.Event = ne.from_dict(one)
schema: dict[str, object] = ne.json_schema()

document: bytes = to_newsml([call])
events: list[ne.Event] = from_newsml(document)
validate(document)

found: list[ne.Event] = ne.parse(
    "Putin spoke by phone with Netanyahu.", published=datetime.date(2019, 12, 26)
)
resolved: ne.PartialDate | None = dates.resolve("in October", datetime.date(2019, 12, 26))

drawn: st.SearchStrategy[ne.Event] = strategies.events(types=[Rally, "PhoneCall"])
error: ValueError = ne.ValidationError("bad", path="$.x")

# from_json narrows on `many`.
many: list[ne.Event] = ne.from_json(text, many=True)
single: ne.Event = ne.from_json(ne.to_json(call), many=False)
either: ne.Event | list[ne.Event] = ne.from_json(text, many=None)

# A derived id is a str, and evolve gives an event of the same type.
ident: str = call.id
moved: ne.PhoneCall = attrs.evolve(call, source="another")
