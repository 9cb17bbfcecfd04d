"""
The field declarations of the model: the one statement of every rule a value must satisfy.

Every attrs class of the model (the value types `Actor`, `Place`, `PartialDate`, `Count`,
`Evidence`, and every event type, user-defined ones included) is described here from its
attrs fields: the field's type and its metadata. Everything else is derived from that
description: the constructors' checks (`check`, compiled once per class), the JSON
codec's decoder and JSON Schema, the NewsML-G2 mapping, the table columns, the
hypothesis strategies and the canonical form of event ids. This module imports nothing
from the rest of newsevents but the errors and the text helpers.

The field types a model class may use:

* ``str``, ``int``, ``bool``;
* a `enum.Enum` whose values are strings;
* the value types (`Actor`, `Place`, `PartialDate`, `Count`, `Evidence`);
* ``tuple[T, ...]`` of any of those;
* ``T | None`` of any of those.

What each type requires, whatever the field: a ``str`` holds only characters XML 1.0 and
UTF-8 can carry; an ``int`` (never a ``bool``) lies in ``-MAX_INT..MAX_INT``; an enum
field holds a member, a value-type field an instance, a tuple field a ``tuple``.

The constraints a field's metadata may add (``attrs.field(metadata={"minimum": 0})``):

``min_items``
    The fewest items of a tuple.
``minimum``, ``maximum``
    The bounds of an integer (within ``-MAX_INT..MAX_INT``).
``blank``
    False: a string must not be empty or white space only.
``country``
    True: a string is an ISO 3166-1 alpha-2 code of `country_codes`.
``in_id``
    False: the field is left out of the canonical form an event's id is derived from
    (`newsevents.identity`).

They apply to the field's value, to the item of an optional field and to each item of a
tuple (``min_items`` to the tuple itself). A rule that ties fields together (a day needs a
month, evidence offsets span its text) is a class's own ``_invariant`` method, which the
check runs once the fields pass (every class's in the MRO that defines one, bases first).
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterable
from functools import cache
from types import NoneType, UnionType
from typing import Any

import attrs

from newsevents._package_data import read_text
from newsevents._text import first_illegal_char, quote
from newsevents.errors import RegistrationError, ValidationError

__all__ = [
    "MAX_INT",
    "METADATA",
    "VALUE_TYPES",
    "EnumOf",
    "FieldSpec",
    "FieldType",
    "OptionalOf",
    "Scalar",
    "TupleOf",
    "ValueOf",
    "carriable",
    "check",
    "check_int",
    "check_lines",
    "check_text",
    "compiled_check",
    "country_codes",
    "describe",
    "field_type",
    "invariants",
    "rules_of",
    "value_type",
]

#: The largest integer the model accepts (counts, offsets): exact in every JSON reader.
MAX_INT = 2**53 - 1

#: The metadata keys a field may declare, with what they hold.
METADATA: dict[str, type] = {
    "min_items": int,
    "minimum": int,
    "maximum": int,
    "blank": bool,
    "country": bool,
    "in_id": bool,
}

#: The attrs classes a field may hold as a value (filled in by `value_type`).
VALUE_TYPES: list[type] = []


def value_type(cls: type) -> type:
    """Declare an attrs class of the model a value type that fields may hold (a class decorator)."""
    VALUE_TYPES.append(cls)
    return cls


@cache
def country_codes() -> dict[str, str]:
    """
    Return the ISO 3166-1 alpha-2 codes the model accepts, mapped to short English names.

    The table ships as ``newsevents/data/countries.tsv``.
    """
    table: dict[str, str] = {}
    rows = read_text("data/countries.tsv")
    for line in rows.splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            code, name, *_ = line.split("\t")
            table[code] = name
    return table


# --------------------------------------------------------------------------- field types


@attrs.frozen
class Scalar:
    """``str``, ``int`` or ``bool``."""

    type: type


@attrs.frozen
class EnumOf:
    """A string-valued enum."""

    type: type[enum.Enum]


@attrs.frozen
class ValueOf:
    """One of `VALUE_TYPES`."""

    type: type


@attrs.frozen
class TupleOf:
    """``tuple[item, ...]``."""

    item: FieldType


@attrs.frozen
class OptionalOf:
    """``item | None``."""

    item: FieldType


FieldType = Scalar | EnumOf | ValueOf | TupleOf | OptionalOf


def field_type(hint: Any, where: str) -> FieldType:
    """
    The `FieldType` of a type annotation.

    Raises:
        RegistrationError: For a type the model does not support, naming ``where``.
    """
    origin = typing.get_origin(hint)
    if origin in (UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not NoneType]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            inner = field_type(args[0], where)
            if isinstance(inner, OptionalOf):
                raise RegistrationError(f"nested optional type {hint!r}", path=where)
            return OptionalOf(inner)
        raise RegistrationError(f"unsupported union {hint!r}: only 'T | None' is allowed", path=where)
    if origin is tuple:
        items = typing.get_args(hint)
        if len(items) == 2 and items[1] is Ellipsis:
            inner = field_type(items[0], where + "[]")
            if isinstance(inner, OptionalOf | TupleOf):
                raise RegistrationError(f"unsupported tuple item type {items[0]!r}", path=where)
            return TupleOf(inner)
        raise RegistrationError(f"unsupported tuple {hint!r}: use tuple[T, ...]", path=where)
    if hint in (str, int, bool):
        return Scalar(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if not all(isinstance(m.value, str) for m in hint):
            raise RegistrationError(f"enum {hint.__name__} must have string values", path=where)
        return EnumOf(hint)
    if hint in VALUE_TYPES:
        return ValueOf(hint)
    raise RegistrationError(
        f"unsupported field type {hint!r}: use str, int, bool, a string enum, "
        "Actor, Place, PartialDate, Count, Evidence, tuple[T, ...] or T | None",
        path=where,
    )


def _scalar(ftype: FieldType) -> Scalar | None:
    """The scalar a field's constraints apply to (through optionals and tuples), or None."""
    while isinstance(ftype, OptionalOf | TupleOf):
        ftype = ftype.item
    return ftype if isinstance(ftype, Scalar) else None


@attrs.frozen
class FieldSpec:
    """One attrs field of a model class: its name, what it holds, and its declared constraints."""

    name: str
    type: FieldType
    required: bool
    default: Any = None
    #: The constructor's keyword for the field (attrs' alias: the name without leading underscores).
    alias: str = ""
    #: The fewest items a tuple field holds (``attrs.field(metadata={"min_items": 2})``).
    min_items: int = 0
    #: The smallest value an int field holds (``metadata={"minimum": 0}``), or None.
    minimum: int | None = None
    #: The largest value an int field holds, or None.
    maximum: int | None = None
    #: Whether a string may be empty or blank.
    blank: bool = True
    #: Whether a string is an ISO 3166-1 alpha-2 country code.
    country: bool = False
    #: Whether the field takes part in the canonical form of an event's id.
    in_id: bool = True

    @property
    def low(self) -> int:
        """The smallest integer the field accepts."""
        return -MAX_INT if self.minimum is None else max(-MAX_INT, self.minimum)

    @property
    def high(self) -> int:
        """The largest integer the field accepts."""
        return MAX_INT if self.maximum is None else min(MAX_INT, self.maximum)


_DESCRIBED: dict[type, tuple[FieldSpec, ...]] = {}


def describe(cls: type) -> tuple[FieldSpec, ...]:
    """
    Describe every attrs field of a model class (an event type: base fields first).

    Raises:
        RegistrationError: When ``cls`` is not an attrs class, a field has an unsupported
            type, unknown metadata, a factory default or is not an ``__init__`` argument.
    """
    described = _DESCRIBED.get(cls)
    if described is None:
        described = _DESCRIBED[cls] = _describe(cls)
    return described


def _describe(cls: type) -> tuple[FieldSpec, ...]:
    if not attrs.has(cls):
        raise RegistrationError(f"{cls!r} is not an attrs class")
    try:
        if any(isinstance(field.type, str) for field in attrs.fields(cls)):
            # cattrs reads attrs' field.type; resolve string annotations once, here.
            attrs.resolve_types(cls)
        hints = {field.name: field.type for field in attrs.fields(cls)}
    except NameError as error:
        raise RegistrationError(f"cannot resolve the field types of {cls.__name__}: {error}") from None
    specs = []
    for field in attrs.fields(cls):
        where = f"$.{field.name}"
        if not field.init:
            raise RegistrationError(f"field {field.name} must be an __init__ argument", path=where)
        ftype = field_type(hints[field.name], f"{cls.__name__}.{field.name}")
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            raise RegistrationError(
                f"field {field.name}: use a plain immutable default, not a factory", path=where
            )
        metadata = dict(field.metadata)
        unknown = set(metadata) - set(METADATA)
        if unknown:
            raise RegistrationError(
                f"unknown metadata {sorted(unknown)}; supported: {sorted(METADATA)}", path=where
            )
        for key, value in metadata.items():
            if type(value) is not METADATA[key]:
                raise RegistrationError(
                    f"metadata {key!r} must be {METADATA[key].__name__}, got {quote(value)}", path=where
                )
        scalar = _scalar(ftype)
        if ("minimum" in metadata or "maximum" in metadata) and scalar != Scalar(int):
            raise RegistrationError("minimum and maximum apply to integer fields", path=where)
        if ("blank" in metadata or "country" in metadata) and scalar != Scalar(str):
            raise RegistrationError("blank and country apply to string fields", path=where)
        tuple_type = ftype.item if isinstance(ftype, OptionalOf) else ftype
        if "min_items" in metadata and not isinstance(tuple_type, TupleOf):
            raise RegistrationError("min_items applies to tuple fields", path=where)
        required = default is attrs.NOTHING
        specs.append(
            FieldSpec(
                field.name,
                ftype,
                required,
                None if required else default,
                alias=field.alias or field.name,
                **metadata,
            )
        )
    return tuple(specs)


# --------------------------------------------------------------------------- rules


@attrs.frozen
class Rule:
    """
    One rule a value must satisfy: a Python condition on ``{v}`` and the message when it fails.

    The condition is written inline into each class's compiled check and evaluated on
    its own to say which rule a refused value breaks; ``names`` are the globals it uses.
    """

    test: str
    message: Callable[[Any], str]
    names: tuple[tuple[str, Any], ...] = ()
    #: Whether the rule is a value's class (``tuple``, a value type, an enum), which a value
    #: built from that class satisfies by construction.
    of_class: bool = False


@attrs.frozen
class Node:
    """The rules of one field type: its own, and its items' for a tuple."""

    rules: tuple[Rule, ...]
    items: Node | None = None
    optional: bool = False


def _type_name(value: object) -> str:
    return type(value).__name__


def _illegal(value: str) -> str:
    bad = first_illegal_char(value)
    assert bad is not None
    return f"character U+{ord(value[bad]):04X} at index {bad} cannot be carried by XML or UTF-8"


_IS_STR = Rule("type({v}) is str", lambda v: f"expected a string, got {_type_name(v)}")
_IS_INT = Rule("type({v}) is int", lambda v: f"expected an integer, got {_type_name(v)}")
_IS_BOOL = Rule("type({v}) is bool", lambda v: f"expected a boolean, got {_type_name(v)}")
_IS_TUPLE = Rule("type({v}) is tuple", lambda v: f"expected a tuple, got {_type_name(v)}", of_class=True)
_NONBLANK = Rule("{v} and not {v}.isspace()", lambda _: "must not be empty or blank")
# Printable text (no controls, surrogates or noncharacters) is answered at once.
_CARRIABLE = Rule("({v}.isprintable() or _carriable({v}))", _illegal)


def _country_rule() -> Rule:
    return Rule(
        "{v} in _countries",
        lambda v: f"unknown ISO 3166-1 alpha-2 country code {quote(v)}",
        (("_countries", frozenset(country_codes())),),
    )


def _range_rule(low: int, high: int) -> Rule:
    return Rule(f"{low} <= {{v}} <= {high}", lambda v: f"{quote(v)} is outside {low}..{high}")


def _min_items_rule(count: int) -> Rule:
    return Rule(f"len({{v}}) >= {count}", lambda v: f"needs at least {count} items, got {len(v)}")


def _is_rule(cls: type) -> Rule:
    name = f"_t{id(cls)}"
    return Rule(
        f"type({{v}}) is {name}",
        lambda v: f"expected {cls.__name__}, got {_type_name(v)}",
        ((name, cls),),
        of_class=True,
    )


def _node(ftype: FieldType, spec: FieldSpec) -> Node:
    if isinstance(ftype, OptionalOf):
        return attrs.evolve(_node(ftype.item, spec), optional=True)
    if isinstance(ftype, TupleOf):
        rules = [_IS_TUPLE] + ([_min_items_rule(spec.min_items)] if spec.min_items else [])
        return Node(tuple(rules), _node(ftype.item, spec))
    if isinstance(ftype, Scalar):
        if ftype.type is str:
            rules = [_IS_STR] + ([] if spec.blank else [_NONBLANK])
            # A country code is ASCII: being one is being carriable.
            return Node((*rules, _country_rule() if spec.country else _CARRIABLE))
        if ftype.type is int:
            return Node((_IS_INT, _range_rule(spec.low, spec.high)))
        return Node((_IS_BOOL,))
    return Node((_is_rule(ftype.type),))


def rules_of(spec: FieldSpec) -> Node:
    """The rules a field's value must satisfy, from its type and its declared constraints."""
    return _node(spec.type, spec)


_GLOBALS: dict[str, Any] = {"_carriable": lambda text: first_illegal_char(text) is None}
_TESTS: dict[str, Callable[[Any], bool]] = {}


def _passes(rule: Rule, value: Any) -> bool:
    test = _TESTS.get(rule.test)
    if test is None:
        namespace = {**_GLOBALS, **dict(rule.names)}
        test = _TESTS[rule.test] = eval(f"lambda v: bool({rule.test.format(v='v')})", namespace)
    return test(value)


def explain(value: Any, node: Node, path: str) -> None:
    """Raise `ValidationError` at ``path`` for the first rule of ``node`` that ``value`` breaks."""
    if node.optional and value is None:
        return
    for rule in node.rules:
        if not _passes(rule, value):
            raise ValidationError(rule.message(value), path=path)
    if node.items is not None:
        for index, item in enumerate(value):
            explain(item, node.items, f"{path}[{index}]")


def _condition(node: Node, var: str, names: dict[str, Any]) -> str:
    """A Python condition true when ``var`` satisfies the rules of ``node`` itself (not its items')."""
    parts = []
    for rule in node.rules:
        names.update(rule.names)
        parts.append(f"({rule.test.format(v=var)})")
    return " and ".join(parts)


def _statements(
    node: Node, var: str, fail: str, names: dict[str, Any], *, indent: int, depth: int = 0
) -> list[str]:
    """Lines that run ``fail`` unless ``var`` satisfies every rule of ``node`` (`explain`'s quick form)."""
    inner = indent + 1 if node.optional else indent
    pad = "    " * inner
    lines = []
    if node.rules:
        lines.append(f"{pad}if not ({_condition(node, var, names)}): {fail}")
    if node.items is not None:
        item = f"x{depth}"
        checks = _statements(node.items, item, fail, names, indent=inner + 1, depth=depth + 1)
        if checks:
            lines.append(f"{pad}for {item} in {var}:")
            lines.extend(checks)
    if node.optional and lines:
        lines.insert(0, f"{'    ' * indent}if {var} is not None:")
    return lines


def _fail(cls: type, index: int, value: Any) -> None:
    spec = describe(cls)[index]
    explain(value, rules_of(spec), f"$.{spec.name}")
    raise ValidationError("refused", path=f"$.{spec.name}")  # pragma: no cover (explain raises)


def _without_class_rules(node: Node) -> Node:
    items = None if node.items is None else _without_class_rules(node.items)
    return attrs.evolve(node, rules=tuple(rule for rule in node.rules if not rule.of_class), items=items)


def check_lines(
    cls: type, values: dict[str, str], names: dict[str, Any], *, indent: int, built: Iterable[str] = ()
) -> list[str]:
    """
    Python lines that check the fields of ``cls`` (all but those with rules of their own), on failure raising.

    Args:
        cls: A model class.
        values: For each field name, the expression (a local name, or ``self.<name>``) its value is read by.
        names: The namespace the lines run in: the globals they use are put there.
        indent: The indentation level of the lines.
        built: Fields whose value (and items) the caller has just built from their classes:
            the rules that a value is of its class are left out for them, the others kept.

    The lines are the quick form of `explain`: each field's rules as inline conditions,
    `explain` (through ``_fail``) only when one fails. The class's `invariants` are not
    called here.
    """
    klass = f"_cls{id(cls)}"
    names.update(_GLOBALS)
    names["_fail"] = _fail
    names[klass] = cls
    pad = "    " * indent
    lines = []
    for index, spec in enumerate(describe(cls)):
        if spec.name in _OWN_RULES:
            continue
        var = values[spec.name]
        if not var.isidentifier():
            lines.append(f"{pad}v = {var}")
            var = "v"
        node = _without_class_rules(rules_of(spec)) if spec.name in built else rules_of(spec)
        lines.extend(_statements(node, var, f"_fail({klass}, {index}, {var})", names, indent=indent))
    return lines


def invariants(cls: type) -> list[Callable[[Any], None]]:
    """The ``_invariant`` methods ``cls`` and its bases define, base classes first: each runs."""
    return [vars(klass)["_invariant"] for klass in reversed(cls.__mro__) if "_invariant" in vars(klass)]


def _compile(cls: type) -> Callable[[Any], None]:
    """Write the check of one class: `check_lines` on its attributes, then its `invariants`."""
    names: dict[str, Any] = {}
    lines = ["def check(self):"]
    lines.extend(
        check_lines(cls, {spec.name: f"self.{spec.name}" for spec in describe(cls)}, names, indent=1)
    )
    for index, invariant in enumerate(invariants(cls)):
        names[f"_invariant{index}"] = invariant
        lines.append(f"    _invariant{index}(self)")
    lines.append("    return None")
    source = "\n".join(lines)
    exec(compile(source, f"<newsevents check {cls.__module__}.{cls.__qualname__}>", "exec"), names)
    return typing.cast("Callable[[Any], None]", names["check"])


_CHECKS: dict[type, Callable[[Any], None]] = {}
#: Fields whose rules are their class's own: an event's id (derived or matched to a pattern).
_OWN_RULES = frozenset(("id",))


def compiled_check(cls: type) -> Callable[[Any], None]:
    """The check of ``cls``, compiled on first use: what `check` calls for its instances."""
    compiled = _CHECKS.get(cls)
    if compiled is None:
        compiled = _CHECKS[cls] = _compile(cls)
    return compiled


def check(instance: Any) -> None:
    """
    Check every field of a model instance against its declaration; the constructors call this.

    The check is compiled once per class from `describe`: each field's rules as one
    inline condition, and on failure `explain`, which names the rule broken; then the
    ``_invariant`` method each class of its MRO defines, base classes first. The model's
    classes use it as their ``__attrs_post_init__``.

    Raises:
        ValidationError: Naming the first field that is wrong (``$.participants[1]``).
    """
    compiled = _CHECKS.get(type(instance))
    if compiled is None:
        compiled = compiled_check(type(instance))
    compiled(instance)


# --------------------------------------------------------------------------- checks for other strings


def _one(spec: FieldSpec, value: Any, name: str) -> None:
    node = rules_of(spec)
    if not all(_passes(rule, value) for rule in node.rules):
        explain(value, node, f"$.{name}")


_TEXT = FieldSpec("text", Scalar(str), True)
_NONBLANK_TEXT = FieldSpec("text", Scalar(str), True, blank=False)


def check_text(value: object, name: str, *, allow_empty: bool = True) -> None:
    """
    Raise `ValidationError` unless ``value`` is a string every codec can carry: a model ``str``.

    Args:
        value: The value to check.
        name: The name for the error path.
        allow_empty: Whether ``""`` (and blank text) is acceptable.
    """
    _one(_TEXT if allow_empty else _NONBLANK_TEXT, value, name)


def check_int(value: object, name: str, *, low: int = 0, high: int = MAX_INT) -> None:
    """Raise `ValidationError` unless ``value`` is an int (not a bool) in ``[low, high]``."""
    _one(FieldSpec("int", Scalar(int), True, minimum=low, maximum=high), value, name)


def carriable(text: str) -> bool:
    """
    Whether every character of ``text`` can be carried by XML 1.0 and UTF-8.

    Printable text (no controls, surrogates or noncharacters) is answered at once;
    anything else is searched character by character.
    """
    return text.isprintable() or first_illegal_char(text) is None
