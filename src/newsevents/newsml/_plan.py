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
from newsevents._text import quote
from newsevents.errors import DecodeError, EncodeError, NewsEventsError
from newsevents.model import (
    MAX_INT,
    Actor,
    ActorKind,
    Count,
    CountQualifier,
    Event,
    Evidence,
    PartialDate,
    Place,
)
from newsevents.newsml._markup import attr, text
from newsevents.newsml._safe import element_path, line_of, local_name
from newsevents.newsml._schemes import EXT

__all__ = ["Located", "Plan", "plan_of"]

Writer = Callable[[str, Any], str]
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
    write: Writer
    decode: Decoder
    #: The qualified name the writer uses: ``nev:<name>``.
    qname: str


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
    #: What the reader gives a field of these when nothing is written for it: None when the
    #: field is optional (None is written as nothing), else its default.
    absent: dict[str, Any]


# --------------------------------------------------------------------------- text values

_TRUE = {"true": True, "1": True, "false": False, "0": False}


def text_of(element: etree._Element) -> str:
    """
    The text of an element holding a value: refused when it holds markup.

    lxml's ``.text`` stops at the first child element, so ``<name>Ann<b>x</b></name>``
    would silently read as "Ann".
    """
    if len(element):
        child = element[0]
        raise Located(f"unexpected element {quote(local_name(child.tag))} inside a text value", child)
    text = element.text
    return "" if text is None else text


_text = text_of
#: The most digits of an integer the model can hold (MAX_INT, 2**53 - 1, has 16).
_MAX_DIGITS = len(str(MAX_INT))


def _int(text: str, element: etree._Element) -> int:
    body = text[1:] if text[:1] == "-" else text
    if not body or not body.isascii() or not body.isdigit():
        raise Located(f"expected an integer, got {quote(text)}", element)
    digits = body.lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        # Out of every field's range; and int() refuses over 4,300 digits with a bare ValueError.
        raise Located(f"integer {quote(text)} is outside -{MAX_INT}..{MAX_INT}", element)
    value = int(digits)  # leading zeros count towards int()'s limit too
    return -value if body is not text else value


# --------------------------------------------------------------------------- writers
# Each writer returns the markup of one element: ``tag`` is its qualified name ("nev:killed").


def _element(tag: str, attributes: str, content: str) -> str:
    if content:
        return f"<{tag}{attributes}>{content}</{tag}>"
    return f"<{tag}{attributes}/>"


def _w_str(tag: str, value: str) -> str:
    return _element(tag, "", text(value))


def _w_int(tag: str, value: int) -> str:
    return f"<{tag}>{value}</{tag}>"


def _w_bool(tag: str, value: bool) -> str:
    return f"<{tag}>{'true' if value else 'false'}</{tag}>"


def _w_enum(tag: str, value: Any) -> str:
    return _element(tag, "", text(value.value))


def _w_date(tag: str, value: PartialDate) -> str:
    return f"<{tag}>{value.isoformat()}</{tag}>"


def _w_count(tag: str, value: Count) -> str:
    if value.qualifier is CountQualifier.EXACT:
        return f"<{tag}>{value.value}</{tag}>"
    return f'<{tag} qualifier="{value.qualifier.value}">{value.value}</{tag}>'


def _w_evidence(tag: str, value: Evidence) -> str:
    rule = "" if value.rule is None else f' rule="{attr(value.rule)}"'
    return _element(tag, f' start="{value.start}" end="{value.end}"{rule}', text(value.text))


def _w_place(tag: str, value: Place) -> str:
    country = "" if value.country is None else f' country="{value.country}"'
    return _element(tag, country, "" if value.name is None else text(value.name))


def _w_actor(tag: str, value: Actor) -> str:
    extra = "" if value.title is None else f' title="{attr(value.title)}"'
    if value.country is not None:
        extra += f' country="{value.country}"'
    return f'<{tag} kind="{value.kind.value}"{extra}>{text(value.name)}</{tag}>'


# --------------------------------------------------------------------------- decoders


def _dec_str(element: etree._Element) -> str:
    return _text(element)


def _dec_int(element: etree._Element) -> int:
    return _int(_text(element), element)


def _dec_bool(element: etree._Element) -> bool:
    text = _text(element)
    if text not in _TRUE:
        raise Located(f"expected true or false, got {quote(text)}", element)
    return _TRUE[text]


def _dec_enum(enum_type: Any) -> Decoder:
    def decode(element: etree._Element) -> Any:
        text = _text(element)
        try:
            return enum_type(text)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            raise Located(f"expected one of {allowed}, got {quote(text)}", element) from None

    return decode


_CACHE_MAX = 4096


def _dec_date(element: etree._Element) -> PartialDate:
    return PartialDate.parse(_text(element))


_QUALIFIERS = {q.value: q for q in CountQualifier}


def _dec_count(element: etree._Element) -> Count:
    name = element.get("qualifier")
    qualifier = CountQualifier.EXACT if name is None else _QUALIFIERS.get(name)
    if qualifier is None:
        raise Located(f"unknown count qualifier {quote(name)}", element)
    return Count(_int(_text(element), element), qualifier)


def _required_attr(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise Located(f"missing attribute {name!r}", element)
    return value


_EVIDENCE: dict[tuple[str | None, ...], Evidence] = {}


def _dec_evidence(element: etree._Element) -> Evidence:
    # Events of one article often share a sentence; the same markup gives the same (immutable) value.
    key = (_text(element), element.get("start"), element.get("end"), element.get("rule"))
    evidence = _EVIDENCE.get(key)
    if evidence is None:
        start = _int(_required_attr(element, "start"), element)
        end = _int(_required_attr(element, "end"), element)
        evidence = Evidence(key[0], start, end, rule=key[3])
        if len(_EVIDENCE) >= _CACHE_MAX:
            _EVIDENCE.clear()
        _EVIDENCE[key] = evidence
    return evidence


def _dec_place(element: etree._Element) -> Place:
    _text(element)  # no markup inside
    return Place(element.text, country=element.get("country"))


def _dec_actor(element: etree._Element) -> Actor:
    kind = _required_attr(element, "kind")
    try:
        actor_kind = ActorKind(kind)
    except ValueError:
        raise Located(f"unknown actor kind {quote(kind)}", element) from None
    return Actor(_text(element), actor_kind, title=element.get("title"), country=element.get("country"))


_VALUE_CODECS: dict[type, tuple[Writer, Decoder]] = {
    PartialDate: (_w_date, _dec_date),
    Count: (_w_count, _dec_count),
    Evidence: (_w_evidence, _dec_evidence),
    Place: (_w_place, _dec_place),
    Actor: (_w_actor, _dec_actor),
}


def _codec(ftype: FieldType) -> tuple[Writer, Decoder]:
    if isinstance(ftype, OptionalOf):
        # None is written as no element at all, so only values reach the codec.
        return _codec(ftype.item)
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            return _w_str, _dec_str
        if ftype.type is bool:
            return _w_bool, _dec_bool
        return _w_int, _dec_int
    if isinstance(ftype, EnumOf):
        return _w_enum, _dec_enum(ftype.type)
    if isinstance(ftype, TupleOf):
        write_item, dec_item = _codec(ftype.item)

        def write(tag: str, value: tuple[Any, ...]) -> str:
            return _element(tag, "", "".join([write_item("nev:item", item) for item in value]))

        def decode(element: etree._Element) -> tuple[Any, ...]:
            if element.text is not None and not element.text.isspace():
                raise Located(f"unexpected text {quote(element.text)} in a list", element)
            items = []
            for child in element:
                if child.tag != ITEM:
                    raise Located(f"unexpected element {quote(local_name(child.tag))} in a list", child)
                tail = child.tail
                if tail is not None and not tail.isspace():
                    raise Located(f"unexpected text {quote(tail)} in a list", element)
                items.append(dec_item(child))
            return tuple(items)

        return write, decode
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
        write, decode = _codec(spec.type)
        ext.append(ExtField(spec.name, tag, spec.type, write, decode, f"nev:{spec.name}"))
    defaults = {s.name: s.default for s in specs if not s.required}
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
        defaults=defaults,
        absent={
            **{e.name: None if isinstance(e.ftype, OptionalOf) else defaults.get(e.name) for e in ext},
            **{a.name: None if a.optional else defaults.get(a.name) for a in singles},
            **({"location": None} if location else {}),
        },
    )
    _PLANS[cls] = plan
    return plan


def located(error: NewsEventsError | Located, element: etree._Element) -> DecodeError:
    """Turn a problem found at ``element`` into a `DecodeError` with its element path and line."""
    if isinstance(error, Located):
        target = error.element
        return DecodeError(error.message, path=element_path(target), line=line_of(target))
    where = element_path(element)
    inner = error.path
    if inner and inner not in ("$", "$."):
        where = f"{where} ({inner})"
    cls = type(error) if isinstance(error, DecodeError) else DecodeError
    return cls(error.message, path=where, line=line_of(element))
