"""
How one event type maps onto NewsML-G2, derived once from `newsevents._fields.describe`.

No event type is named here: every decision is made from the field types, so a
user-defined event type gets its mapping from the same rules.

* ``id`` -> ``conceptId`` and the item ``guid``; ``date`` -> ``eventDetails/dates/start``;
  ``location`` -> ``eventDetails/location`` (when they have the base field types).
* Every field holding actors (``Actor``, ``Actor | None``, ``tuple[Actor, ...]`` and
  ``tuple[Actor, ...] | None``) -> ``participant`` elements whose ``role`` names the field.
* Every other field -> an element of our namespace, named after the field, after the
  standard children of ``eventDetails``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from lxml import etree

from newsevents._fields import EnumOf, FieldType, OptionalOf, Scalar, TupleOf, ValueOf, describe
from newsevents.errors import DecodeError, EncodeError, NewsEventsError
from newsevents.model import (
    Actor,
    ActorKind,
    Count,
    CountQualifier,
    Event,
    Evidence,
    PartialDate,
    Place,
)
from newsevents.newsml._schemes import EXT

__all__ = ["Located", "Plan", "plan_of"]

Encoder = Callable[[etree._Element, Any], None]
Decoder = Callable[[etree._Element], Any]

ITEM = EXT("item")


class Located(Exception):  # noqa: N818 (an internal signal, never seen by users)
    """A decoding problem at an element; the reader turns it into a located `DecodeError`."""

    def __init__(self, message: str, element: etree._Element) -> None:
        super().__init__(message)
        self.message = message
        self.element = element


@attrs.frozen
class ActorField:
    """A field holding actors, written as participants with the role ``nevtrole:<name>``."""

    name: str
    many: bool
    optional: bool


@attrs.frozen
class ExtField:
    """A field written as an element of our namespace."""

    name: str
    tag: str
    ftype: FieldType
    encode: Encoder
    decode: Decoder


@attrs.frozen
class Plan:
    """The mapping of one event type."""

    cls: type[Event]
    name: str
    type_qcode: str
    date: bool
    location: bool
    actor_lists: tuple[ActorField, ...]
    actor_singles: tuple[ActorField, ...]
    actors: dict[str, ActorField]
    ext: tuple[ExtField, ...]
    ext_by_tag: dict[str, ExtField]
    required: frozenset[str]
    defaults: dict[str, Any]


# --------------------------------------------------------------------------- text values

_TRUE = {"true": True, "1": True, "false": False, "0": False}


def _text(element: etree._Element) -> str:
    text = element.text
    return "" if text is None else text


def _int(text: str, element: etree._Element) -> int:
    body = text[1:] if text[:1] == "-" else text
    if not body or not body.isascii() or not body.isdigit():
        raise Located(f"expected an integer, got {text!r}", element)
    return int(text)


# --------------------------------------------------------------------------- encoders


def _enc_str(element: etree._Element, value: str) -> None:
    if value:
        element.text = value


def _enc_int(element: etree._Element, value: int) -> None:
    element.text = str(value)


def _enc_bool(element: etree._Element, value: bool) -> None:
    element.text = "true" if value else "false"


def _enc_enum(element: etree._Element, value: Any) -> None:
    if value.value:
        element.text = value.value


def _enc_date(element: etree._Element, value: PartialDate) -> None:
    element.text = value.isoformat()


def _enc_count(element: etree._Element, value: Count) -> None:
    element.text = str(value.value)
    if value.qualifier is not CountQualifier.EXACT:
        element.set("qualifier", value.qualifier.value)


def _enc_evidence(element: etree._Element, value: Evidence) -> None:
    element.set("start", str(value.start))
    element.set("end", str(value.end))
    if value.rule is not None:
        element.set("rule", value.rule)
    if value.text:
        element.text = value.text


def _enc_place(element: etree._Element, value: Place) -> None:
    if value.country is not None:
        element.set("country", value.country)
    if value.name is not None:
        element.text = value.name


def _enc_actor(element: etree._Element, value: Actor) -> None:
    element.set("kind", value.kind.value)
    if value.title is not None:
        element.set("title", value.title)
    if value.country is not None:
        element.set("country", value.country)
    element.text = value.name


# --------------------------------------------------------------------------- decoders


def _dec_str(element: etree._Element) -> str:
    return _text(element)


def _dec_int(element: etree._Element) -> int:
    return _int(_text(element), element)


def _dec_bool(element: etree._Element) -> bool:
    text = _text(element)
    if text not in _TRUE:
        raise Located(f"expected true or false, got {text!r}", element)
    return _TRUE[text]


def _dec_enum(enum_type: Any) -> Decoder:
    def decode(element: etree._Element) -> Any:
        text = _text(element)
        try:
            return enum_type(text)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            raise Located(f"expected one of {allowed}, got {text!r}", element) from None

    return decode


def _dec_date(element: etree._Element) -> PartialDate:
    return PartialDate.parse(_text(element))


def _dec_count(element: etree._Element) -> Count:
    qualifier = element.get("qualifier")
    value = _int(_text(element), element)
    if qualifier is None:
        return Count(value)
    try:
        return Count(value, CountQualifier(qualifier))
    except ValueError:
        raise Located(f"unknown count qualifier {qualifier!r}", element) from None


def _required_attr(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise Located(f"missing attribute {name!r}", element)
    return value


def _dec_evidence(element: etree._Element) -> Evidence:
    start = _int(_required_attr(element, "start"), element)
    end = _int(_required_attr(element, "end"), element)
    return Evidence(_text(element), start, end, rule=element.get("rule"))


def _dec_place(element: etree._Element) -> Place:
    return Place(element.text, country=element.get("country"))


def _dec_actor(element: etree._Element) -> Actor:
    kind = _required_attr(element, "kind")
    try:
        actor_kind = ActorKind(kind)
    except ValueError:
        raise Located(f"unknown actor kind {kind!r}", element) from None
    return Actor(_text(element), actor_kind, title=element.get("title"), country=element.get("country"))


_VALUE_CODECS: dict[type, tuple[Encoder, Decoder]] = {
    PartialDate: (_enc_date, _dec_date),
    Count: (_enc_count, _dec_count),
    Evidence: (_enc_evidence, _dec_evidence),
    Place: (_enc_place, _dec_place),
    Actor: (_enc_actor, _dec_actor),
}


def _codec(ftype: FieldType) -> tuple[Encoder, Decoder]:
    if isinstance(ftype, OptionalOf):
        # None is written as no element at all, so only values reach the codec.
        return _codec(ftype.item)
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            return _enc_str, _dec_str
        if ftype.type is bool:
            return _enc_bool, _dec_bool
        return _enc_int, _dec_int
    if isinstance(ftype, EnumOf):
        return _enc_enum, _dec_enum(ftype.type)
    if isinstance(ftype, TupleOf):
        enc_item, dec_item = _codec(ftype.item)

        def encode(element: etree._Element, value: tuple[Any, ...]) -> None:
            sub = etree.SubElement
            for item in value:
                enc_item(sub(element, ITEM), item)

        def decode(element: etree._Element) -> tuple[Any, ...]:
            items = []
            for child in element:
                if child.tag != ITEM:
                    raise Located(f"unexpected element {child.tag!r} in a list", child)
                items.append(dec_item(child))
            return tuple(items)

        return encode, decode
    if isinstance(ftype, ValueOf):
        return _VALUE_CODECS[ftype.type]
    raise TypeError(ftype)  # pragma: no cover (describe admits no other kind)


# --------------------------------------------------------------------------- plans

_DATE = OptionalOf(ValueOf(PartialDate))
_PLACE = OptionalOf(ValueOf(Place))
_PLANS: dict[type[Event], Plan] = {}


def _actor_field(name: str, ftype: FieldType) -> ActorField | None:
    optional = isinstance(ftype, OptionalOf)
    inner = ftype.item if isinstance(ftype, OptionalOf) else ftype
    many = isinstance(inner, TupleOf)
    if many:
        inner = inner.item  # type: ignore[union-attr]
    if isinstance(inner, ValueOf) and inner.type is Actor:
        return ActorField(name, many, optional)
    return None


def plan_of(cls: type[Event], name: str) -> Plan:
    """
    Return the mapping of ``cls``, registered as ``name``, building it on first use.

    Raises:
        EncodeError: When a field name cannot be an XML element name.
    """
    plan = _PLANS.get(cls)
    if plan is not None and plan.name == name:
        return plan
    specs = describe(cls)
    date = location = False
    lists: list[ActorField] = []
    singles: list[ActorField] = []
    ext: list[ExtField] = []
    for spec in specs:
        if spec.name == "id":
            continue
        if spec.name == "date" and spec.type == _DATE:
            date = True
            continue
        if spec.name == "location" and spec.type == _PLACE:
            location = True
            continue
        actor = _actor_field(spec.name, spec.type)
        if actor is not None:
            (lists if actor.many else singles).append(actor)
            if not (actor.many and actor.optional):
                continue
            # tuple[Actor, ...] | None also gets an element, written only for (), to tell it from None.
        try:
            tag = etree.QName(EXT(spec.name)).text
        except ValueError:
            raise EncodeError(
                f"field name {spec.name!r} of {cls.__name__} cannot be an XML element name",
                path=f"$.{spec.name}",
            ) from None
        encode, decode = _codec(spec.type)
        ext.append(ExtField(spec.name, tag, spec.type, encode, decode))
    plan = Plan(
        cls=cls,
        name=name,
        type_qcode=f"nevtype:{name}",
        date=date,
        location=location,
        actor_lists=tuple(lists),
        actor_singles=tuple(singles),
        actors={a.name: a for a in (*lists, *singles)},
        ext=tuple(ext),
        ext_by_tag={e.tag: e for e in ext},
        required=frozenset(s.name for s in specs if s.required),
        defaults={s.name: s.default for s in specs if not s.required},
    )
    _PLANS[cls] = plan
    return plan


def located(error: NewsEventsError | Located, element: etree._Element) -> DecodeError:
    """Turn a problem found at ``element`` into a `DecodeError` with its element path and line."""
    from newsevents.newsml._safe import element_path, line_of  # noqa: PLC0415 (tiny module, no cycle)

    if isinstance(error, Located):
        target = error.element
        return DecodeError(error.message, path=element_path(target), line=line_of(target))
    where = element_path(element)
    inner = error.path
    if inner and inner not in ("$", "$."):
        where = f"{where} ({inner})"
    cls = type(error) if isinstance(error, DecodeError) else DecodeError
    return cls(error.message, path=where, line=line_of(element))
