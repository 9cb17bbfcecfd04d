"""
The JSON codec's one generated fast path: a decoder and an encoder per class, written from `describe`.

cattrs' own generated hooks (`cattrs.gen.make_dict_structure_fn` and
``make_dict_unstructure_fn``) decode and encode every event correctly, and the codec uses
them, with detailed validation, to say where a refused document is wrong. On valid input
they decode at about 2.5 times the time of pydantic's strict mode and encode at 1.1 to 1.4
times (``benchmarks/bench_json.py``): one generic hook call per field and per optional
value, and a key set and a keyword dict per object. The code written here brings decoding
to about 1.4 to 1.5 times pydantic and encoding to 0.55 to 0.95 times, the codec's targets
(``docs/performance.md``).

A decoder written here only reads the JSON shape: it checks that objects are objects
and arrays are arrays (never coercing: ``"ab"`` is not ``["a", "b"]``), refuses unknown
keys, maps enum values to members, ISO dates to their parts (by `PartialDate`'s own
pattern) and counts to `Count`. It states no rule of the model: every value is then built
the way attrs' ``__init__`` builds it, with the model's own check (`newsevents._fields.check`,
the classes' ``__attrs_post_init__``): its lines, compiled from the field declarations
(`newsevents._fields.check_lines`), are written inline on the values read, then the slots
are set and the classes' ``_invariant`` methods run. The only lines left out are those
that a value is of its class where the decoder has just built it from that class (an
`Actor` read into an actor field, an enum member from the enum). An event type with
anything more in its ``__init__`` (validators, converters, ``__attrs_pre_init__``, an
``__init__`` of its own) is built by calling its constructor.

A decoder refuses by raising any exception and never says why: the codec then decodes
the same input through cattrs' detailed hooks, which raise the precise error and path.
While the converter's hook for a value type is the generated one, its code is written
inline into the decoders of the classes that hold it; a hook registered in its place is
called instead.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from types import MemberDescriptorType
from typing import Any

import attrs
import cattrs

from newsevents._fields import (
    VALUE_TYPES,
    EnumOf,
    FieldSpec,
    FieldType,
    OptionalOf,
    Scalar,
    TupleOf,
    ValueOf,
    check,
    check_lines,
    describe,
    explain,
    invariants,
    rules_of,
)
from newsevents.identity import HEX_DIGITS, DerivedId, derived_prefix
from newsevents.model import ISO_DATE, Count, CountQualifier, Event, PartialDate

__all__ = [
    "Refused",
    "event_unstructure",
    "install",
    "install_encoders",
    "needs_constructor",
    "unstructure_count",
]


class Refused(Exception):  # noqa: N818 (a signal inside the codec, never seen by users)
    """The fast pass refuses the input; the detailed pass finds out why."""


_MISSING = object()
_COUNT_KEYS = frozenset(("value", "qualifier"))


def _setter(cls: type, name: str) -> Any:
    """The slot descriptor's ``__set__`` for ``name``, or None for a dict-based class."""
    for klass in cls.__mro__:
        found = vars(klass).get(name)
        if found is not None:
            return found.__set__ if isinstance(found, MemberDescriptorType) else None
    return None


def needs_constructor(cls: type) -> bool:
    """Whether building ``cls`` does more than setting its fields and running its post-init."""
    if hasattr(cls, "__attrs_pre_init__"):
        return True
    code = getattr(getattr(cls, "__init__", None), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return True  # an __init__ of its own
    for klass in cls.__mro__:
        if "__attrs_cached_hash__" in vars(klass).get("__slots__", ()):
            return True
    return any(
        f.validator is not None or f.converter is not None or _setter(cls, f.name) is None
        for f in attrs.fields(cls)
    )


# --------------------------------------------------------------------------- source generation


class _Source:
    """The lines and namespace of one generated function."""

    def __init__(self, *, forbid_extra_keys: bool) -> None:
        self.lines: list[str] = []
        self.ns: dict[str, Any] = {
            "_R": Refused,
            "_M": _MISSING,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_iso": ISO_DATE.fullmatch,
            "_str": str,
        }
        self.forbid_extra_keys = forbid_extra_keys
        self._count = 0

    def bind(self, value: Any, hint: str = "g") -> str:
        """Put ``value`` in the namespace and return its name."""
        self._count += 1
        name = f"_{hint}{self._count}"
        self.ns[name] = value
        return name

    def fresh(self, hint: str) -> str:
        """Return a new local name."""
        self._count += 1
        return f"{hint}{self._count}"

    def add(self, indent: int, line: str) -> None:
        """Append one line."""
        self.lines.append("    " * indent + line)

    def compile(self, name: str, what: str) -> Any:
        """Execute the source and return the function called ``name``."""
        exec(compile("\n".join(self.lines), f"<newsevents generated {what}>", "exec"), self.ns)
        return self.ns[name]


#: Marks a generated value decoder: (class, forbid_extra_keys).
_GENERATED = "_newsevents_generated"


def _inline(src: _Source, cls: type, hook: Callable[[type], Any]) -> bool:
    """Whether the converter's hook for ``cls`` is our generated one, so its code may be written inline."""
    return getattr(hook(cls), _GENERATED, None) == (cls, src.forbid_extra_keys)


def _emit(
    src: _Source, ftype: FieldType, var: str, dst: str, *, indent: int, hook: Callable[[type], Any]
) -> bool:
    """
    Emit lines that read JSON value ``var`` into the field value ``dst``.

    Returns whether ``dst`` is then built from its class (a value type built here, an enum
    member, a tuple of them, or None for an optional field): its class rules hold.
    """
    built = True
    if isinstance(ftype, OptionalOf):
        src.add(indent, f"if {var} is None:")
        src.add(indent + 1, f"{dst} = None")
        src.add(indent, "else:")
        return _emit(src, ftype.item, var, dst, indent=indent + 1, hook=hook)
    if isinstance(ftype, TupleOf):
        src.add(indent, f"if type({var}) is not list: raise _R")
        item = ftype.item
        x = src.fresh("x")
        if isinstance(item, Scalar):
            src.add(indent, f"{dst} = tuple({var})")  # the constructor checks each item's type
            built = False
        elif isinstance(item, EnumOf):
            members = src.bind({m.value: m for m in item.type}, "e")
            src.add(indent, f"for {x} in {var}:")
            src.add(indent + 1, f"if type({x}) is not str: raise _R")
            src.add(indent, f"{dst} = tuple([{members}[{x}] for {x} in {var}])")
        else:
            assert isinstance(item, ValueOf)
            items, one = src.fresh("items"), src.fresh("one")
            src.add(indent, f"{items} = []")
            src.add(indent, f"for {x} in {var}:")
            built = _emit(src, item, x, one, indent=indent + 1, hook=hook)
            src.add(indent + 1, f"{items}.append({one})")
            src.add(indent, f"{dst} = tuple({items})")
    elif isinstance(ftype, Scalar):
        src.add(indent, f"{dst} = {var}")  # the constructor checks the type
        built = False
    elif isinstance(ftype, EnumOf):
        members = src.bind({m.value: m for m in ftype.type}, "e")
        src.add(indent, f"if type({var}) is not str: raise _R")
        src.add(indent, f"{dst} = {members}[{var}]")
    elif ftype.type is PartialDate and hook(PartialDate) is structure_partial_date:
        _emit_date(src, var, dst, indent=indent)
    elif ftype.type is Count and hook(Count) is structure_count:
        _emit_count(src, var, dst, indent=indent)
    elif _inline(src, ftype.type, hook):
        _emit_object(src, ftype.type, var, dst, indent=indent, hook=hook)
    else:
        # A cattrs structure hook: (value, type); what it returns is checked.
        src.add(indent, f"{dst} = {src.bind(hook(ftype.type), 'h')}({var}, {src.bind(ftype.type, 'T')})")
        built = False
    return built


def _emit_date(src: _Source, var: str, dst: str, *, indent: int) -> None:
    """The ISO form's parts, by the model's pattern (as `PartialDate.parse` reads it), then built."""
    found, prefix = src.fresh("m"), src.fresh("d") + "_"
    src.add(indent, f"if type({var}) is not str: raise _R")
    src.add(indent, f"{found} = _iso({var})")
    src.add(indent, f"if {found} is None: raise _R")
    src.add(indent, f"{prefix}year, {prefix}month, {prefix}day = {found}.groups()")
    src.add(indent, f"{prefix}year = int({prefix}year)")
    src.add(indent, f"{prefix}month = {prefix}month and int({prefix}month)")
    src.add(indent, f"{prefix}day = {prefix}day and int({prefix}day)")
    _emit_build(src, PartialDate, describe(PartialDate), prefix=prefix, dst=dst, indent=indent)


def _emit_count(src: _Source, var: str, dst: str, *, indent: int) -> None:
    """An integer, or ``{"value", "qualifier"}`` (as `structure_count` reads it), then built."""
    prefix, name = src.fresh("c") + "_", src.fresh("q")
    qualifiers = src.bind(_QUALIFIERS, "qualifiers")
    src.add(indent, f"if type({var}) is int:")
    src.add(indent + 1, f"{prefix}value, {prefix}qualifier = {var}, {src.bind(_EXACT, 'exact')}")
    src.add(indent, f"elif type({var}) is dict and {var}.keys() == {src.bind(_COUNT_KEYS, 'ckeys')}:")
    src.add(indent + 1, f"{name} = {var}['qualifier']")
    src.add(indent + 1, f"if type({name}) is not str: raise _R")
    src.add(indent + 1, f"{prefix}value, {prefix}qualifier = {var}['value'], {qualifiers}[{name}]")
    src.add(indent, "else:")
    src.add(indent + 1, "raise _R")
    _emit_build(src, Count, describe(Count), prefix=prefix, dst=dst, indent=indent, built={"qualifier"})


def _emit_fields(
    src: _Source,
    specs: tuple[FieldSpec, ...],
    hook: Callable[[type], Any],
    *,
    obj: str,
    prefix: str,
    indent: int,
) -> set[str]:
    """
    Emit the reading of every field of the JSON object ``obj`` into ``<prefix><name>``.

    Returns the fields whose values are built from their classes (see `_emit`).
    """
    v = src.fresh("v")
    built = set()
    for spec in specs:
        local = f"{prefix}{spec.name}"
        if isinstance(spec.type, Scalar) or (
            isinstance(spec.type, OptionalOf) and isinstance(spec.type.item, Scalar) and spec.default is None
        ):
            # The value as it is: the constructor's check takes care of its type.
            if spec.required:
                src.add(indent, f"{local} = {obj}[{spec.name!r}]")
            elif spec.default is None:
                src.add(indent, f"{local} = {obj}.get({spec.name!r})")  # absent and null are one
            else:
                src.add(indent, f"{local} = {obj}.get({spec.name!r}, {src.bind(spec.default, 'd')})")
            continue
        if spec.required:
            src.add(indent, f"{v} = {obj}[{spec.name!r}]")
            made = _emit(src, spec.type, v, local, indent=indent, hook=hook)
        elif spec.default is None and isinstance(spec.type, OptionalOf):
            src.add(indent, f"{v} = {obj}.get({spec.name!r})")  # absent and null are one
            made = _emit(src, spec.type, v, local, indent=indent, hook=hook)
        else:
            src.add(indent, f"{v} = {obj}.get({spec.name!r}, _M)")
            src.add(indent, f"if {v} is _M:")
            src.add(indent + 1, f"{local} = {src.bind(spec.default, 'd')}")
            src.add(indent, "else:")
            made = _emit(src, spec.type, v, local, indent=indent + 1, hook=hook) and _valid_default(spec)
        if made:
            built.add(spec.name)
    return built


def _valid_default(spec: FieldSpec) -> bool:
    """Whether a field's default satisfies its rules (else it is checked like any value read)."""
    try:
        explain(spec.default, rules_of(spec), "$")
    except Exception:  # noqa: BLE001 (a bad default is left for the check to refuse)
        return False
    return True


def _emit_build(
    src: _Source,
    cls: type,
    specs: tuple[FieldSpec, ...],
    *,
    prefix: str,
    dst: str,
    indent: int,
    built: Iterable[str] = (),
) -> None:
    """
    Emit the building of ``dst`` from the locals ``<prefix><field>``, as attrs' ``__init__`` would.

    A model class (its ``__attrs_post_init__`` is `newsevents._fields.check`) has its
    check written inline on the locals, then its slots set and its `invariants` run; any
    other class runs its own post-init; a class whose ``__init__`` does more is built by it.
    The rules that a value is of its class are left out for the ``built`` fields, whose values
    were just built from their classes.
    """
    klass = src.bind(cls, "cls")
    if needs_constructor(cls):
        arguments = ", ".join(f"{spec.alias}={prefix}{spec.name}" for spec in specs)
        src.add(indent, f"{dst} = {klass}({arguments})")
        return
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is check:
        values = {spec.name: f"{prefix}{spec.name}" for spec in specs}
        src.lines.extend(check_lines(cls, values, src.ns, indent=indent, built=built))
    src.add(indent, f"{dst} = _new({klass})")
    for spec in specs:
        setter = _setter(cls, spec.name)
        src.add(indent, f"{src.bind(setter, 's')}({dst}, {prefix}{spec.name})")
    if post_init is check:
        for invariant in invariants(cls):
            src.add(indent, f"{src.bind(invariant, 'inv')}({dst})")
    elif post_init is not None:
        src.add(indent, f"{src.bind(post_init, 'post')}({dst})")


def _emit_object(
    src: _Source, cls: type, var: str, dst: str, *, indent: int, hook: Callable[[type], Any]
) -> None:
    """Emit the decoding of a value type from the JSON object ``var`` into ``dst``."""
    specs = describe(cls)
    prefix = src.fresh("p") + "_"
    src.add(indent, f"if type({var}) is not dict: raise _R")
    if src.forbid_extra_keys:
        keys = src.bind(frozenset(spec.name for spec in specs), "keys")
        src.add(indent, f"if not {var}.keys() <= {keys}: raise _R")
    built = _emit_fields(src, specs, hook, obj=var, prefix=prefix, indent=indent)
    _emit_build(src, cls, specs, prefix=prefix, dst=dst, indent=indent, built=built)


def value_structure(
    cls: type, hook: Callable[[type], Any], *, forbid_extra_keys: bool
) -> Callable[[Any, Any], Any]:
    """
    Generate the decoder of a value type read from a JSON object (`Actor`, `Place`, `Evidence`).

    Its code is also written inline into the decoders of the classes that hold the type,
    for as long as it is the converter's hook for the type.
    """
    src = _Source(forbid_extra_keys=forbid_extra_keys)
    src.add(0, "def structure(o, _=None):")
    _emit_object(src, cls, "o", "self", indent=1, hook=hook)
    src.add(1, "return self")
    decode = src.compile("structure", cls.__qualname__)
    setattr(decode, _GENERATED, (cls, forbid_extra_keys))
    return typing.cast("Callable[[Any, Any], Any]", decode)


def event_structure(
    cls: type[Event], hook: Callable[[type], Any], *, forbid_extra_keys: bool
) -> Callable[[Any, Any], Event]:
    """
    Generate the decoder of one event type (its JSON object, ``"type"`` included).

    An absent ``id`` is derived; ``"id": ""`` is refused, as the JSON Schema refuses it.
    A read id of the derived form is marked derived, as `newsevents.model.adopt_derived_id` marks it.
    """
    src = _Source(forbid_extra_keys=forbid_extra_keys)
    specs = describe(cls)
    fields = tuple(spec for spec in specs if spec.name != "id")
    src.add(0, "def structure(o, _=None):")
    if forbid_extra_keys:
        keys = src.bind(frozenset(["type", *(spec.name for spec in specs)]), "keys")
        src.add(1, f"if not o.keys() <= {keys}: raise _R")
    src.add(1, "f_id = o.get('id', _M)")
    src.add(1, "if f_id is _M: f_id = ''")
    src.add(1, "elif type(f_id) is not str or f_id == '': raise _R")
    built = _emit_fields(src, fields, hook, obj="o", prefix="f_", indent=1)
    _emit_build(src, cls, specs, prefix="f_", dst="self", indent=1, built=built)
    # A read id of the derived form counts as derived (as `adopt_derived_id` marks it).
    prefix = derived_prefix(cls)
    hex_digits = src.bind(HEX_DIGITS.issuperset, "hex")
    size, start = len(prefix) + 16, len(prefix)
    src.add(1, f"if len(f_id) == {size} and f_id.startswith({prefix!r}) and {hex_digits}(f_id[{start}:]):")
    src.add(
        2, f"{src.bind(_setter(cls, 'id') or _set_id, 's')}(self, {src.bind(DerivedId, 'derived')}(f_id))"
    )
    src.add(1, "return self")
    return typing.cast("Callable[[Any, Any], Event]", src.compile("structure", cls.__qualname__))


def _set_id(event: Event, value: str) -> None:
    object.__setattr__(event, "id", value)


# --------------------------------------------------------------------------- dates and counts

_COUNT_NEW = object.__new__
_COUNT_VALUE = _setter(Count, "value")
_COUNT_QUALIFIER = _setter(Count, "qualifier")
_COUNT_CHECK = Count.__attrs_post_init__
_EXACT = CountQualifier.EXACT
_QUALIFIERS = {q.value: q for q in CountQualifier}


def structure_partial_date(value: Any, _: Any = None) -> PartialDate:
    """Decode an ISO date string through `PartialDate.parse`."""
    if type(value) is not str:
        raise Refused
    return PartialDate.parse(value)


def structure_count(value: Any, _: Any = None) -> Count:
    """Decode a count: an integer, or a ``{"value", "qualifier"}`` object (built as ``__init__`` would)."""
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


# --------------------------------------------------------------------------- installation


def _is_event_type(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Event) and cls is not Event


def _is_object_value_type(cls: Any) -> bool:
    return cls in VALUE_TYPES and cls not in (PartialDate, Count)


def install(converter: cattrs.Converter, *, forbid_extra_keys: bool) -> None:
    """
    Register the generated decoders in ``converter``.

    Args:
        converter: The converter to extend.
        forbid_extra_keys: Refuse keys a class does not have.
    """
    hook = converter.get_structure_hook

    def events(cls: Any) -> Any:
        return event_structure(cls, hook, forbid_extra_keys=forbid_extra_keys)

    def values(cls: Any) -> Any:
        return value_structure(cls, hook, forbid_extra_keys=forbid_extra_keys)

    converter.register_structure_hook_factory(_is_event_type, events)
    converter.register_structure_hook_factory(_is_object_value_type, values)
    converter.register_structure_hook(PartialDate, structure_partial_date)
    converter.register_structure_hook(Count, structure_count)


# --------------------------------------------------------------------------- encoders


def _value_expr(src: _Source, ftype: FieldType, var: str, hook: Callable[[type], Any]) -> str:
    """An expression for the JSON value of ``var`` (a simple name), of field type ``ftype`` (not optional)."""
    if isinstance(ftype, Scalar):
        return var
    if isinstance(ftype, EnumOf):
        return f"{var}._value_"
    if isinstance(ftype, TupleOf):
        if isinstance(ftype.item, Scalar):
            return f"list({var})"
        item = src.fresh("y")
        return f"[{_value_expr(src, ftype.item, item, hook)} for {item} in {var}]"
    assert isinstance(ftype, ValueOf)
    encode = hook(ftype.type)
    if getattr(encode, _GENERATED, None) is ftype.type:
        # Our own encoder for the value type: its dict display, written inline.
        return _display(src, describe(ftype.type), var, hook)
    return f"{src.bind(encode, 'h')}({var})"


def _display(src: _Source, specs: tuple[FieldSpec, ...], obj: str, hook: Callable[[type], Any]) -> str:
    """
    The dict display of the fields of ``obj`` (a simple name), fields in order.

    A field whose value is read more than once is first put in a local of the function.
    """
    items = []
    for spec in specs:
        ftype = spec.type
        value = f"{obj}.{spec.name}"
        base = ftype.item if isinstance(ftype, OptionalOf) else ftype
        if isinstance(base, Scalar):
            expr = value
        elif isinstance(base, EnumOf | TupleOf) and not isinstance(ftype, OptionalOf):
            expr = _value_expr(src, base, value, hook)  # reads the value once
        else:
            local = src.fresh("a")
            src.add(1, f"{local} = {value}")
            expr = _value_expr(src, base, local, hook)
            if isinstance(ftype, OptionalOf):
                expr = f"None if {local} is None else {expr}"
        items.append(f"{spec.name!r}: {expr}")
    return "{" + ", ".join(items) + "}"


def _encoder(
    cls: type, hook: Callable[[type], Any], specs: tuple[FieldSpec, ...], *, tag: str | None = None
) -> Any:
    """
    Generate the encoder of an attrs class: one dict display, fields in order.

    While the converter's encoder of a value type is the generated one, its dict display is
    written inline into the encoders of the classes that hold it.

    Args:
        cls: The class.
        hook: The converter's unstructure hook for a field's class.
        specs: The fields.
        tag: When given, the dict starts with ``"type": tag``.
    """
    src = _Source(forbid_extra_keys=False)
    src.add(0, "def unstructure(e):")
    display = _display(src, specs, "e", hook)
    if tag is not None:
        display = "{" + f"'type': {tag!r}, " + display[1:]
    if issubclass(cls, Event):
        # A derived id is a str subclass: the JSON-ready dict holds a str.
        display = display.replace("'id': e.id", "'id': _str(e.id)", 1)
    src.add(1, f"return {display}")
    encode = src.compile("unstructure", f"{cls.__qualname__} encoder")
    encode.__dict__[_GENERATED] = cls
    return encode


def event_unstructure(cls: type[Event], hook: Callable[[type], Any], *, tag: str) -> Any:
    """Generate the encoder of an event type: ``"type": tag`` first, then its fields."""
    return _encoder(cls, hook, describe(cls), tag=tag)


def unstructure_count(count: Count) -> int | dict[str, Any]:
    """An exact count is its value; any other ``{"value": ..., "qualifier": ...}``."""
    if count.qualifier is _EXACT:
        return count.value
    return {"value": count.value, "qualifier": count.qualifier._value_}


def install_encoders(converter: cattrs.Converter) -> None:
    """Register the generated encoders of the value types in ``converter`` (events: `event_unstructure`)."""
    hook = converter.get_unstructure_hook

    def values(cls: Any) -> Any:
        return _encoder(cls, hook, describe(cls))

    converter.register_unstructure_hook_factory(_is_object_value_type, values)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook(Count, unstructure_count)
