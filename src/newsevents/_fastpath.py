"""
The JSON codec's fast path: structure and unstructure hooks generated once per class.

`install` registers hook factories in a cattrs converter. For each event type the factory
writes the Python source of one decoder and one encoder from `newsevents._fields.describe`,
and for each value type (`Actor`, `Place`, `Evidence`) from its attrs fields, so a
user-registered event type gets the fast path with no code of its own, and a hook a user
registers for a value type is the one the generated code calls.

A generated decoder checks each JSON type inline (``type(v) is str``, never coercing) and
applies the rules the model's constructors apply, without calling them:

* event fields: what `newsevents._fields.check_event` checks (text, integer ranges,
  ``min_items``, ``minimum``), then the id pattern (a given id, ``""`` included, must
  match it; only an absent id is derived);
* value-type fields: the model's attrs validators (the shared text and country
  validators inline, any other validator called as is), then the class's own
  ``__attrs_post_init__``, exactly as attrs' ``__init__`` would run them.

The object is then made with ``object.__new__`` and its slots set directly. An event
type with anything more (its own validators, converters, ``__attrs_post_init__`` or
``__attrs_pre_init__``) is built by calling its constructor instead, so nothing it checks
is skipped. While the converter's hook for a value type is the generated one, its code
is written inline into the decoders of the classes that hold it; a hook registered in
its place is called instead.

Text: with ``check_text=False`` the decoders do not look for characters XML cannot carry;
the codec uses them only for JSON text it has proved free of such characters.

A decoder refuses by raising any exception; it never says why. The codec then runs its
checked second pass, which builds the same value through the constructors and raises
the precise error with its JSON path.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

import attrs
import cattrs

from newsevents._fields import (
    VALUE_TYPES,
    EnumOf,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    ValueOf,
    describe,
    field_type,
)
from newsevents.model import (
    _ID,
    MAX_INT,
    Count,
    CountQualifier,
    EnumValidator,
    Event,
    PartialDate,
    _country,
    _optional_text,
    _text,
    carriable,
    country_codes,
)

__all__ = ["Refused", "install", "value_field_type"]


class Refused(Exception):  # noqa: N818 (a signal inside the codec, never seen by users)
    """The fast pass refuses the input; the checked pass finds out why."""


_MISSING = object()
_COUNT_KEYS = frozenset(("value", "qualifier"))
_QUALIFIERS = {q.value: q for q in CountQualifier}


# --------------------------------------------------------------------------- field types


_VALUE_FIELD_TYPES: dict[tuple[type, str], FieldType] = {}


def value_field_type(cls: type, name: str) -> FieldType:
    """The `FieldType` of one attrs field of a value type (`Actor`, `Place`, `Evidence`)."""
    key = (cls, name)
    found = _VALUE_FIELD_TYPES.get(key)
    if found is None:
        found = _VALUE_FIELD_TYPES[key] = field_type(
            typing.get_type_hints(cls)[name], f"{cls.__name__}.{name}"
        )
    return found


@attrs.frozen
class _Rules:
    """What a field's value must satisfy beyond its JSON type."""

    nonblank: bool = False
    country: bool = False
    low: int | None = None
    high: int | None = None
    min_items: int = 0


def _setter(cls: type, name: str) -> Any:
    """The slot descriptor's ``__set__`` for ``name``, or None for a dict-based class."""
    for klass in cls.__mro__:
        found = vars(klass).get(name)
        if found is not None:
            return found.__set__ if isinstance(found, MemberDescriptorType) else None
    return None


# --------------------------------------------------------------------------- source generation


class _Source:
    """The lines and namespace of one generated function."""

    def __init__(self, *, check_text: bool, forbid_extra_keys: bool) -> None:
        self.lines: list[str] = []
        self.ns: dict[str, Any] = {
            "_R": Refused,
            "_M": _MISSING,
            "_ok": carriable,
            "_C": country_codes(),
            "_new": object.__new__,
            "_set": object.__setattr__,
        }
        self.check_text = check_text
        self.forbid_extra_keys = forbid_extra_keys
        self._count = 0

    def bind(self, value: Any, hint: str = "g") -> str:
        """Put ``value`` in the namespace and return its name."""
        return "_" + self.fresh(hint, value)

    def fresh(self, hint: str, value: Any = _MISSING) -> str:
        """Return a new local name (or, with ``value``, bind it in the namespace as ``_`` + name)."""
        self._count += 1
        name = f"{hint}{self._count}"
        if value is not _MISSING:
            self.ns["_" + name] = value
        return name

    def add(self, indent: int, line: str) -> None:
        """Append one line."""
        self.lines.append("    " * indent + line)

    def compile(self, name: str) -> Any:
        """Execute the source and return the function called ``name``."""
        exec(compile("\n".join(self.lines), f"<newsevents generated {name}>", "exec"), self.ns)
        return self.ns[name]


def _scalar_test(src: _Source, ftype: Scalar, var: str, rules: _Rules) -> str:
    """A condition that is true when ``var`` is NOT acceptable."""
    if ftype.type is str:
        parts = [f"type({var}) is not str"]
        if rules.nonblank:
            parts.append(f"not {var}.strip()")
        if rules.country:
            parts.append(f"{var} not in _C")
        elif src.check_text:
            parts.append(f"not _ok({var})")
        return " or ".join(parts)
    if ftype.type is int:
        test = f"type({var}) is not int"
        if rules.low is not None:
            test += f" or {var} < {rules.low}"
        if rules.high is not None:
            test += f" or {var} > {rules.high}"
        return test
    return f"type({var}) is not bool"


#: Marks a generated value decoder: (class, forbid_extra_keys, check_text).
_GENERATED = "_newsevents_generated"


def _inline(src: _Source, cls: type, hook: Callable[[type], Any]) -> bool:
    """Whether the converter's hook for ``cls`` is our generated one, so its code may be written inline."""
    return getattr(hook(cls), _GENERATED, None) == (cls, src.forbid_extra_keys, src.check_text)


def _emit(
    src: _Source,
    ftype: FieldType,
    var: str,
    dst: str,
    *,
    indent: int,
    rules: _Rules,
    hook: Callable[[type], Any],
) -> None:
    """Emit lines that check JSON value ``var`` and store the field value in ``dst``."""
    if isinstance(ftype, OptionalOf):
        src.add(indent, f"if {var} is None:")
        src.add(indent + 1, f"{dst} = None")
        src.add(indent, "else:")
        _emit(src, ftype.item, var, dst, indent=indent + 1, rules=rules, hook=hook)
    elif isinstance(ftype, TupleOf):
        src.add(indent, f"if type({var}) is not list: raise _R")
        if rules.min_items:
            src.add(indent, f"if len({var}) < {rules.min_items}: raise _R")
        item = ftype.item
        x = src.fresh("x")
        if isinstance(item, ValueOf) and _inline(src, item.type, hook):
            items, one = src.fresh("items"), src.fresh("one")
            src.add(indent, f"{items} = []")
            src.add(indent, f"for {x} in {var}:")
            _emit_object(src, item.type, x, one, indent=indent + 1, hook=hook)
            src.add(indent + 1, f"{items}.append({one})")
            src.add(indent, f"{dst} = tuple({items})")
        elif isinstance(item, ValueOf):
            call = f"{src.bind(hook(item.type), 'h')}({x}, {src.bind(item.type, 'T')})"
            src.add(indent, f"{dst} = tuple([{call} for {x} in {var}])")
        elif isinstance(item, EnumOf):
            members = src.bind({m.value: m for m in item.type}, "e")
            src.add(indent, f"for {x} in {var}:")
            src.add(indent + 1, f"if type({x}) is not str: raise _R")
            src.add(indent, f"{dst} = tuple([{members}[{x}] for {x} in {var}])")
        else:
            assert isinstance(item, Scalar)
            src.add(indent, f"for {x} in {var}:")
            src.add(indent + 1, f"if {_scalar_test(src, item, x, rules)}: raise _R")
            src.add(indent, f"{dst} = tuple({var})")
    elif isinstance(ftype, Scalar):
        src.add(indent, f"if {_scalar_test(src, ftype, var, rules)}: raise _R")
        src.add(indent, f"{dst} = {var}")
    elif isinstance(ftype, EnumOf):
        members = src.bind({m.value: m for m in ftype.type}, "e")
        src.add(indent, f"if type({var}) is not str: raise _R")
        src.add(indent, f"{dst} = {members}[{var}]")
    elif _inline(src, ftype.type, hook):
        _emit_object(src, ftype.type, var, dst, indent=indent, hook=hook)
    else:
        # A cattrs structure hook: (value, type).
        src.add(indent, f"{dst} = {src.bind(hook(ftype.type), 'h')}({var}, {src.bind(ftype.type, 'T')})")


def _emit_new(src: _Source, cls: type, fields: list[tuple[str, str]], dst: str, indent: int) -> None:
    """Emit lines that make ``dst`` an instance of ``cls``, skipping __init__: ``(name, local)`` pairs."""
    src.add(indent, f"{dst} = _new({src.bind(cls, 'cls')})")
    for name, local in fields:
        setter = _setter(cls, name)
        if setter is None:
            src.add(indent, f"_set({dst}, {name!r}, {local})")
        else:
            src.add(indent, f"{src.bind(setter, 's')}({dst}, {local})")


def _emit_fields(
    src: _Source,
    fields: list[tuple[str, FieldType, Any, _Rules]],
    hook: Callable[[type], Any],
    *,
    obj: str,
    prefix: str,
    indent: int,
) -> None:
    """
    Emit the reading of every field of the JSON object ``obj`` into ``<prefix><name>``.

    Each field is ``(name, type, default or _MISSING, rules)``.
    """
    v = src.fresh("v")
    for name, ftype, default, rules in fields:
        local = f"{prefix}{name}"
        if default is _MISSING:
            src.add(indent, f"{v} = {obj}[{name!r}]")
            _emit(src, ftype, v, local, indent=indent, rules=rules, hook=hook)
        elif default is None and isinstance(ftype, OptionalOf):
            # Absent and null mean the same here.
            src.add(indent, f"{v} = {obj}.get({name!r})")
            _emit(src, ftype, v, local, indent=indent, rules=rules, hook=hook)
        else:
            src.add(indent, f"{v} = {obj}.get({name!r}, _M)")
            src.add(indent, f"if {v} is _M:")
            src.add(indent + 1, f"{local} = {src.bind(default, 'd')}")
            src.add(indent, "else:")
            _emit(src, ftype, v, local, indent=indent + 1, rules=rules, hook=hook)


# --------------------------------------------------------------------------- event types


def _needs_constructor(cls: type) -> bool:
    """Whether ``cls`` does more than `Event` does when built, so its constructor must build it."""
    if getattr(cls, "__attrs_post_init__", None) is not Event.__attrs_post_init__:
        return True
    if hasattr(cls, "__attrs_pre_init__"):
        return True
    code = getattr(vars(cls).get("__init__") or getattr(cls, "__init__", None), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return True  # an __init__ of its own
    for klass in cls.__mro__:
        if "__attrs_cached_hash__" in vars(klass).get("__slots__", ()):
            return True
    return any(f.validator is not None or f.converter is not None for f in attrs.fields(cls))


def _event_rules(ftype: FieldType, min_items: int, minimum: int | None) -> _Rules | None:
    """The rules `check_event` applies to one field, or None when the fast path cannot apply them."""
    base = ftype.item if isinstance(ftype, OptionalOf) else ftype
    if min_items and not isinstance(ftype, TupleOf):
        return None
    if minimum is not None and base != Scalar(int):
        return None
    low = -MAX_INT if minimum is None else max(-MAX_INT, minimum)
    return _Rules(low=low, high=MAX_INT, min_items=min_items)


def _default_passes(default: Any, ftype: FieldType, rules: _Rules) -> bool:
    """Whether a field's default satisfies the checks a decoded value must (then it may be used)."""
    from newsevents._fields import _check  # noqa: PLC0415 (the model's own rule walker)

    try:
        _check(default, ftype, "default")
    except Exception:  # noqa: BLE001 (a bad default is left for the constructor to refuse)
        return False
    if rules.min_items and len(default) < rules.min_items:
        return False
    low = rules.low
    return not (low is not None and type(default) is int and default < low)


def event_structure(
    cls: type[Event], hook: Callable[[type], Any], *, forbid_extra_keys: bool, check_text: bool
) -> Callable[[Any, Any], Event]:
    """Generate the decoder of one event type (its JSON object, ``"type"`` included)."""
    src = _Source(check_text=check_text, forbid_extra_keys=forbid_extra_keys)
    specs = describe(cls)
    keys = src.bind(frozenset(["type", *(spec.name for spec in specs)]), "keys")
    fields = []
    trusted = not _needs_constructor(cls)
    id_default: Any = _MISSING
    for spec in specs:
        if spec.name == "id":
            # Read below: a given id must match the pattern; only an absent one is derived.
            id_default = _MISSING if spec.required else spec.default
            continue
        rules = _event_rules(spec.type, spec.min_items, spec.minimum)
        if rules is None:
            trusted = False
            rules = _Rules()
        default = _MISSING if spec.required else spec.default
        if default is not _MISSING and trusted and not _default_passes(default, spec.type, rules):
            default = _MISSING
        fields.append((spec.name, spec.type, default, rules))
    src.add(0, "def structure(o, _=None):")
    if forbid_extra_keys:
        src.add(1, f"if not o.keys() <= {keys}: raise _R")
    # The id: "" is the model's "derive it", which JSON spells by leaving the key out; a
    # given id must match the pattern. A default that is neither is left to the constructor.
    if (
        id_default is not _MISSING
        and id_default != ""
        and not (type(id_default) is str and _ID.fullmatch(id_default))
    ):
        id_default = _MISSING
    src.add(1, "f_id = o.get('id', _M)")
    src.add(1, "if f_id is _M:")
    src.add(2, "raise _R" if id_default is _MISSING else f"f_id = {src.bind(id_default, 'd')}")
    src.add(1, f"elif type(f_id) is not str or {src.bind(_ID.fullmatch, 'idok')}(f_id) is None: raise _R")
    _emit_fields(src, fields, hook, obj="o", prefix="f_", indent=1)
    if trusted:
        from newsevents.identity import derive_id  # noqa: PLC0415 (identity imports the codec)

        _emit_new(src, cls, [(spec.name, f"f_{spec.name}") for spec in specs], "self", 1)
        src.add(1, "if f_id == '':")
        set_id = src.bind(_setter(cls, "id") or _set_id, "s")
        src.add(2, f"{set_id}(self, {src.bind(derive_id, 'derive')}(self))")
        src.add(1, "return self")
    else:
        arguments = ", ".join(f"{field.alias}=f_{field.name}" for field in attrs.fields(cls))
        src.add(1, f"return {src.bind(cls, 'cls')}({arguments})")
    return typing.cast("Callable[[Any, Any], Event]", src.compile("structure"))


def _set_id(event: Event, value: str) -> None:
    object.__setattr__(event, "id", value)


# --------------------------------------------------------------------------- value types


def _value_rules(validator: Any) -> _Rules | None:
    """The rules of a model validator written inline, or None when it must be called as is."""
    if validator is _text or validator is _optional_text:
        return _Rules(nonblank=True)
    if validator is _country:
        return _Rules(country=True)
    return None


def _emit_object(
    src: _Source, cls: type, var: str, dst: str, *, indent: int, hook: Callable[[type], Any]
) -> None:
    """Emit the decoding of a value type from the JSON object ``var`` into ``dst`` (`value_structure`)."""
    fields = []
    called = []
    for field in attrs.fields(cls):
        ftype = value_field_type(cls, field.name)
        validator = field.validator
        rules = _value_rules(validator)
        if rules is None:
            rules = _Rules()
            satisfied = validator is None or (
                isinstance(validator, EnumValidator)
                and isinstance(ftype, EnumOf)
                and ftype.type is validator.enum_type
            )
            if not satisfied:
                called.append(field)
        if field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name}: converters are not supported")
        default: Any = _MISSING
        if field.default is not attrs.NOTHING:
            default = field.default
            if validator is not None:
                try:
                    validator(None, field, default)
                except Exception:  # noqa: BLE001 (then the key is required on the fast path)
                    default = _MISSING
        fields.append((field.name, ftype, default, rules))
    prefix = src.fresh("p") + "_"
    src.add(indent, f"if type({var}) is not dict: raise _R")
    if src.forbid_extra_keys:
        keys = src.bind(frozenset(f.name for f in attrs.fields(cls)), "keys")
        src.add(indent, f"if not {var}.keys() <= {keys}: raise _R")
    _emit_fields(src, fields, hook, obj=var, prefix=prefix, indent=indent)
    _emit_new(src, cls, [(f.name, prefix + f.name) for f in attrs.fields(cls)], dst, indent)
    for field in called:
        validator = src.bind(field.validator, "v")
        src.add(indent, f"{validator}({dst}, {src.bind(field, 'a')}, {prefix}{field.name})")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        src.add(indent, f"{src.bind(post_init, 'post')}({dst})")


def value_structure(
    cls: type, hook: Callable[[type], Any], *, forbid_extra_keys: bool, check_text: bool
) -> Callable[[Any, Any], Any]:
    """
    Generate the decoder of a value type read from a JSON object (`Actor`, `Place`, `Evidence`).

    Its code is also written inline into the decoders of the classes that hold the type,
    for as long as it is the converter's hook for the type.
    """
    src = _Source(check_text=check_text, forbid_extra_keys=forbid_extra_keys)
    src.add(0, "def structure(o, _=None):")
    _emit_object(src, cls, "o", "self", indent=1, hook=hook)
    src.add(1, "return self")
    decode = src.compile("structure")
    setattr(decode, _GENERATED, (cls, forbid_extra_keys, check_text))
    return typing.cast("Callable[[Any, Any], Any]", decode)


_DATES: dict[str, PartialDate] = {}


def structure_partial_date(value: Any, _: Any = None) -> PartialDate:
    """Decode an ISO date string through `PartialDate.parse`, remembering recent dates."""
    if type(value) is not str:
        raise Refused
    found = _DATES.get(value)
    if found is None:
        found = PartialDate.parse(value)
        if len(_DATES) >= 4096:
            _DATES.clear()
        _DATES[value] = found
    return found


_COUNT_NEW = object.__new__
_COUNT_VALUE = _setter(Count, "value") or (lambda c, v: object.__setattr__(c, "value", v))
_COUNT_QUALIFIER = _setter(Count, "qualifier") or (lambda c, v: object.__setattr__(c, "qualifier", v))
_COUNT_CHECK = Count.__attrs_post_init__
_EXACT = CountQualifier.EXACT


def structure_count(value: Any, _: Any = None) -> Count:
    """Decode a count: an integer, or a ``{"value", "qualifier"}`` object; `Count`'s own check runs."""
    if type(value) is int:
        qualifier = _EXACT
    elif type(value) is dict and value.keys() == _COUNT_KEYS:
        name = value["qualifier"]
        if type(name) is not str:
            raise Refused
        qualifier = _QUALIFIERS[name]
        value = value["value"]
    else:
        raise Refused
    count = _COUNT_NEW(Count)
    _COUNT_VALUE(count, value)
    _COUNT_QUALIFIER(count, qualifier)
    _COUNT_CHECK(count)
    return count


# --------------------------------------------------------------------------- encoders


def unstructure(
    cls: type, hook: Callable[[type], Any], specs: list[tuple[str, FieldType]], *, tag: str | None = None
) -> Any:
    """
    Generate the encoder of an attrs class: one dict display, fields in order.

    Args:
        cls: The class.
        hook: The converter's unstructure hook for a field's class.
        specs: The fields' names and types.
        tag: When given, the dict starts with ``"type": tag``.
    """
    src = _Source(check_text=False, forbid_extra_keys=False)
    src.add(0, "def unstructure(e):")
    items = [] if tag is None else [f"'type': {tag!r}"]
    for index, (name, ftype) in enumerate(specs):
        base = ftype.item if isinstance(ftype, OptionalOf) else ftype
        if isinstance(base, Scalar):
            items.append(f"{name!r}: e.{name}")
            continue
        var = f"a{index}"
        src.add(1, f"{var} = e.{name}")
        if isinstance(base, TupleOf):
            item = base.item
            if isinstance(item, Scalar):
                expr = f"list({var})"
            elif isinstance(item, EnumOf):
                expr = f"[y.value for y in {var}]"
            else:
                assert isinstance(item, ValueOf)
                expr = f"[{src.bind(hook(item.type), 'h')}(y) for y in {var}]"
        elif isinstance(base, EnumOf):
            expr = f"{var}.value"
        else:
            assert isinstance(base, ValueOf)
            expr = f"{src.bind(hook(base.type), 'h')}({var})"
        if isinstance(ftype, OptionalOf):
            expr = f"None if {var} is None else {expr}"
        items.append(f"{name!r}: {expr}")
    src.add(1, "return {" + ", ".join(items) + "}")
    return src.compile("unstructure")


# --------------------------------------------------------------------------- installation


def event_unstructure(cls: type[Event], hook: Callable[[type], Any], *, tag: str | None = None) -> Any:
    """Generate the encoder of an event type, from `describe`; with ``tag``, the ``"type"`` key first."""
    return unstructure(cls, hook, [(s.name, s.type) for s in describe(cls)], tag=tag)


def _is_event_type(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Event) and cls is not Event


def _is_object_value_type(cls: Any) -> bool:
    return cls in VALUE_TYPES and cls not in (PartialDate, Count)


def _unstructure_count(count: Count) -> int | dict[str, Any]:
    if count.qualifier is _EXACT:
        return count.value
    return {"value": count.value, "qualifier": count.qualifier.value}


def install(converter: cattrs.Converter, *, forbid_extra_keys: bool, check_text: bool) -> None:
    """
    Register the generated hooks in ``converter``.

    Args:
        converter: The converter to extend.
        forbid_extra_keys: Refuse keys a class does not have.
        check_text: Refuse strings with characters XML cannot carry (False only for
            JSON text already proved free of them).
    """
    structure_hook = converter.get_structure_hook
    unstructure_hook = converter.get_unstructure_hook

    def events(cls: Any) -> Any:
        return event_structure(
            cls, structure_hook, forbid_extra_keys=forbid_extra_keys, check_text=check_text
        )

    def values(cls: Any) -> Any:
        return value_structure(
            cls, structure_hook, forbid_extra_keys=forbid_extra_keys, check_text=check_text
        )

    def event_encoder(cls: Any) -> Any:
        return event_unstructure(cls, unstructure_hook)

    def value_encoder(cls: Any) -> Any:
        return unstructure(
            cls, unstructure_hook, [(f.name, value_field_type(cls, f.name)) for f in attrs.fields(cls)]
        )

    converter.register_structure_hook_factory(_is_event_type, events)
    converter.register_structure_hook_factory(_is_object_value_type, values)
    converter.register_structure_hook(PartialDate, structure_partial_date)
    converter.register_structure_hook(Count, structure_count)
    converter.register_unstructure_hook_factory(_is_event_type, event_encoder)
    converter.register_unstructure_hook_factory(_is_object_value_type, value_encoder)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook(Count, _unstructure_count)
    converter.register_unstructure_hook(enum.Enum, _enum_value)


def _enum_value(member: enum.Enum) -> Any:
    return member.value
