"""
Hostile inputs for the codecs, each read, written and round-tripped in a bounded worker (issue #8).

Usage::

    python benchmarks/hostile_inputs.py                    # every case, 10 s per case, seed 8
    python benchmarks/hostile_inputs.py --mutations 2000 --seed 3 --timeout 20
    python benchmarks/hostile_inputs.py --only xml-doctype  # the cases whose name starts so

Generates hostile input for `from_newsml`, `from_json`, `from_dict` and the writers:

* XML: billion laughs, quadratic blow-up, external entities (XXE, parameter entities,
  external DTD), a DOCTYPE in every encoding (UTF-8 with and without BOM, UTF-16/32 with
  and without BOM, UTF-7, EBCDIC, Latin-1, after a long UTF-16 comment), 10 MiB of
  elements, attributes, namespace declarations or text nodes, deep nesting, oversize
  input, markup inside every text value, repeated elements, bad guids, huge integers,
  digits outside ASCII, control characters, bad UTF-8, and bad writer options or codes;
* JSON: every field of every registered type with every wrong JSON type, huge integers
  and strings, digits outside ASCII, unknown keys, an empty id, deep nesting, invalid
  UTF-8, lone surrogates;
* seeded random mutations (no hypothesis) of valid XML and JSON documents: byte edits,
  and edits of the XML tree (elements moved, copied, dropped or nested, values replaced).

Each case runs in a worker process limited to 2 GiB of address space, under a timer.
Outcomes:

* ``ok``: accepted, and the events survive to_newsml/from_newsml and to_json/from_json;
* ``clean``: refused with the newsevents error the API documents (`DecodeError` when
  reading, `EncodeError` when writing), with a message under 1,000 characters;
* ``LEAK``: any other exception (or a worker that died);
* ``HANG``: over the time bound;
* ``MEMORY``: the worker's peak resident memory went over a budget (``--budget``, 256 MiB;
  a case over 1 MiB runs in a fresh worker, so its peak is its own);
* ``DATA LOST``: accepted, but a round trip changes the events, or a document that
  must read as known events reads otherwise;
* ``ACCEPTED``: accepted though it must be refused (a DOCTYPE, markup inside a value...);
* ``LONG MESSAGE``: a clean refusal whose message grows with the input.

Every class in capitals is a failure: the script lists each one and exits with 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import multiprocessing
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import attrs
import orjson
from lxml import etree

import newsevents as ne
from newsevents._fields import OptionalOf, TupleOf, ValueOf, describe

WHEN = datetime.datetime(2019, 12, 26, 18, 0, tzinfo=datetime.UTC)
MIB = 1024 * 1024
PROBLEMS = ("LEAK", "HANG", "MEMORY", "DATA LOST", "ACCEPTED", "LONG MESSAGE")
MAX_MESSAGE = 1000


@attrs.frozen
class Case:
    """One hostile input: ``kind`` says which API it goes through, ``expect`` what must happen."""

    name: str
    kind: str  # "xml", "json", "dict" or "write"
    payload: Any
    #: "any" (a clean refusal or a lossless acceptance), "refuse", or "base" (reads as the base events)
    expect: str = "any"
    options: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------- valid material


def base_events() -> list[ne.Event]:
    """One event of each shipped type, every field filled."""
    netanyahu = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
    putin = ne.Actor.person("Vladimir Putin", title="President", country="RU")
    issachar = ne.Actor.person("Naama Issachar", country="IL")
    sentence = "Israel has conducted hundreds of airstrikes in Syria."
    evidence = ne.Evidence(sentence, 3184, 3184 + len(sentence), rule="airstrike.campaign")
    return [
        ne.PhoneCall(
            date=ne.PartialDate(2019, 12, 26),
            location=ne.Place("Moscow", country="RU"),
            participants=(netanyahu, putin),
            initiator=netanyahu,
            topics=("Iran", "Syria"),
            source="seed",
        ),
        ne.PardonRequest(
            date=ne.PartialDate(2019, 12),
            requester=netanyahu,
            addressee=putin,
            beneficiary=issachar,
            offence="drug charges",
            source="seed",
        ),
        ne.Sentencing(
            date=ne.PartialDate(2019, 10),
            location=ne.Place(None, country="RU"),
            defendant=issachar,
            penalty=ne.Penalty.PRISON,
            term_months=90,
            offence="drug charges (cannabis in luggage)",
            court=ne.Actor.organization("Khimki court", country="RU"),
            source="seed",
        ),
        ne.Airstrike(
            attacker=ne.Actor.state("IL"),
            location=ne.Place("Syria", country="SY"),
            targets=("Hezbollah weapon shipments", "Iranian military installations"),
            killed=ne.Count(12, ne.CountQualifier.AT_LEAST),
            strikes=ne.Count(100, ne.CountQualifier.ORDER),
            evidence=evidence,
            source="seed",
        ),
    ]


def base_xml() -> bytes:
    return ne.to_newsml(base_events(), version_created=WHEN)


def base_json() -> bytes:
    return ne.to_json(base_events()).encode()


# --------------------------------------------------------------------------- XML cases

DOCTYPE_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]><lolz>&lol9;</lolz>"
)
DOCTYPE_PLAIN = '<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
G2_OPEN = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
G2_CLOSE = b"</itemSet></newsMessage>"


def _fill(unit: bytes, size: int = 10 * MIB - 200) -> bytes:
    return G2_OPEN + unit * (size // len(unit)) + G2_CLOSE


def xml_entities() -> Iterator[Case]:
    yield Case("xml-entity-billion-laughs", "xml", DOCTYPE_BOMB.encode(), "refuse")
    big = "a" * 100_000
    yield Case(
        "xml-entity-quadratic",
        "xml",
        f'<!DOCTYPE x [<!ENTITY a "{big}">]><x>{"&a;" * 100}</x>'.encode(),
        "refuse",
    )
    for name, target in [
        ("file", "file:///etc/passwd"),
        ("http", "http://127.0.0.1:9/x"),
        ("relative", "x.dtd"),
    ]:
        yield Case(
            f"xml-entity-xxe-{name}",
            "xml",
            f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{target}">]><x>&e;</x>'.encode(),
            "refuse",
        )
        yield Case(
            f"xml-entity-parameter-{name}",
            "xml",
            f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{target}"> %p;]><x/>'.encode(),
            "refuse",
        )
        yield Case(
            f"xml-entity-external-dtd-{name}", "xml", f'<!DOCTYPE x SYSTEM "{target}"><x/>'.encode(), "refuse"
        )
    yield Case(
        "xml-entity-xinclude",
        "xml",
        base_xml().replace(
            b"<itemSet>",
            b'<itemSet><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>',
            1,
        ),
        "base",
    )
    yield Case("xml-entity-undeclared", "xml", base_xml().replace(b">seed<", b">&nbsp;<", 1), "refuse")


def xml_encodings() -> Iterator[Case]:
    for codec in (
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
    ):
        yield Case(f"xml-doctype-{codec}", "xml", DOCTYPE_PLAIN.encode(codec), "refuse")
        yield Case(f"xml-doctype-bomb-{codec}", "xml", DOCTYPE_BOMB.encode(codec), "refuse")
        yield Case(f"xml-encoding-valid-{codec}", "xml", base_xml().decode().encode(codec), "base")
    long_comment = "<!--" + "a" * 2_000_000 + "-->\n" + DOCTYPE_PLAIN
    for codec in ("utf-16", "utf-32"):
        yield Case(f"xml-doctype-after-long-comment-{codec}", "xml", long_comment.encode(codec), "refuse")
    in_decl = DOCTYPE_PLAIN.replace("<!-- a comment -->", "<!--" + "a" * 3_000_000 + "-->")
    for codec in ("utf-16-le", "utf-16-be"):
        yield Case(f"xml-doctype-after-long-comment-{codec}-no-bom", "xml", in_decl.encode(codec), "refuse")
    utf7 = b'<?xml version="1.0" encoding="UTF-7"?>\n'
    utf7 += b"+ADw-!DOCTYPE x +AFs-+ADw-!ENTITY a +ACI-b+ACI-+AD4-+AF0-+AD4-"
    yield Case("xml-doctype-utf-7", "xml", utf7 + b"+ADw-x+AD4-+ACY-a+ADs-+ADw-/x+AD4-", "refuse")
    yield Case(
        "xml-doctype-ebcdic",
        "xml",
        DOCTYPE_PLAIN.replace("1.0", '1.0" encoding="cp037').encode("cp037"),
        "refuse",
    )
    latin = DOCTYPE_PLAIN.replace('"1.0"', '"1.0" encoding="ISO-8859-1"').replace("a comment", "\xe9")
    yield Case("xml-doctype-latin-1", "xml", latin.encode("latin-1"), "refuse")
    for name, head in [
        ("ucs4-2143", b"\x00\x00<\x00"),
        ("ucs4-3412", b"\x00<\x00\x00"),
        ("bom-2143", b"\x00\x00\xff\xfe"),
        ("bom-3412", b"\xfe\xff\x00\x00"),
    ]:
        yield Case(f"xml-encoding-{name}", "xml", head + DOCTYPE_PLAIN.encode("utf-16-le"), "refuse")
    yield Case(
        "xml-encoding-utf16-declared-in-utf8", "xml", base_xml().replace(b"UTF-8", b"UTF-16", 1), "refuse"
    )
    yield Case("xml-encoding-unknown", "xml", base_xml().replace(b"UTF-8", b"x-no-such", 1), "refuse")
    yield Case("xml-encoding-declared-latin-1", "xml", base_xml().replace(b"UTF-8", b"ISO-8859-1", 1))
    yield Case("xml-encoding-bad-utf-8", "xml", base_xml().replace(b">seed<", b">se\xc3\x28ed<", 1), "refuse")
    yield Case(
        "xml-encoding-overlong-utf-8", "xml", base_xml().replace(b">seed<", b">\xc0\xbcseed<", 1), "refuse"
    )
    yield Case(
        "xml-encoding-utf-8-surrogate", "xml", base_xml().replace(b">seed<", b">\xed\xa0\x80<", 1), "refuse"
    )
    yield Case("xml-encoding-bad-utf-16", "xml", "<x>\ud800</x>".encode("utf-16", "surrogatepass"), "refuse")
    yield Case("xml-prolog-garbage", "xml", b"garbage<newsMessage/>", "refuse")
    yield Case("xml-prolog-double-bom", "xml", b"\xef\xbb\xbf\xef\xbb\xbf<!DOCTYPE x><x/>", "refuse")
    yield Case("xml-prolog-lowercase-doctype", "xml", b"<!doctype x><x/>", "refuse")
    yield Case("xml-prolog-cdata", "xml", b"<![CDATA[x]]><x/>", "refuse")


def xml_sizes() -> Iterator[Case]:
    yield Case("xml-size-empty-elements", "xml", _fill(b"<x/>"), "refuse")
    yield Case("xml-size-attributes", "xml", _fill(b'<x a="" b="" c="" d="" e="" f="" g="" h=""/>'), "refuse")
    yield Case(
        "xml-size-one-element-many-attributes",
        "xml",
        b"<x" + b"".join(b' a%d=""' % i for i in range(400_000)) + b"/>",
    )
    yield Case("xml-size-namespace-declarations", "xml", _fill(b'<x xmlns:a="u"/>'), "refuse")
    yield Case("xml-size-text-nodes", "xml", _fill(b"<x/>a"), "refuse")
    yield Case("xml-size-comments", "xml", _fill(b"<!---->"))
    yield Case("xml-size-one-huge-text", "xml", _fill(b"a" * 1_000_000, 9 * MIB))
    yield Case("xml-size-over-max-bytes", "xml", b" " * (10 * MIB + 1), "refuse")
    yield Case("xml-size-huge-name", "xml", b"<" + b"n" * 60_000 + b"/>", "refuse")
    yield Case("xml-size-huge-attribute-value", "xml", b'<x a="' + b"v" * 9 * MIB + b'"/>', "refuse")
    for depth in (101, 255, 257, 100_000, 2 * MIB):
        yield Case(f"xml-depth-{depth}", "xml", b"<a>" * depth + b"</a>" * depth, "refuse")
    yield Case("xml-depth-unclosed", "xml", b"<a>" * 2 * MIB, "refuse")


#: Each: (name, old, new) applied to the base document; the result must be refused.
XML_DAMAGES: list[tuple[str, bytes, bytes]] = [
    ("markup-in-participant-name", b"<name>Naama Issachar</name>", b"<name>Naama<b>x</b> Issachar</name>"),
    ("markup-in-participant-title", b"<definition>Prime Minister<", b"<definition>Prime<b/> Minister<"),
    ("markup-in-location-name", b"<name>Moscow<", b"<name>Mos<b>c</b>ow<"),
    ("markup-in-date", b"<start>2019-10<", b"<start>2019<b/>-10<"),
    ("markup-in-string-field", b">drug charges<", b">drug<b>x</b> charges<"),
    ("markup-in-int-field", b"<nev:term_months>90<", b"<nev:term_months>9<b/>0<"),
    ("markup-in-enum-field", b">prison<", b">pri<b/>son<"),
    ("markup-in-evidence", b"in Syria.</nev:evidence>", b"in Syria.<b/></nev:evidence>"),
    ("markup-in-list-item", b"<nev:item>Iran<", b"<nev:item>Ir<b/>an<"),
    ("text-in-a-list", b"<nev:topics><nev:item>", b"<nev:topics>lost<nev:item>"),
    ("second-dates", b"</dates>", b"</dates><dates><start>2018</start></dates>"),
    ("second-start", b"<start>2019-10</start>", b"<start>2019-10</start><start>2018</start>"),
    (
        "second-concept-id",
        b'<type qcode="cpnat:event"/>',
        b'<conceptId qcode="nevt:x"/><type qcode="cpnat:event"/>',
    ),
    (
        "second-event-class",
        b"<eventDetails>",
        b'<related rel="nevtrel:eventClass" qcode="nevtype:Airstrike"/><eventDetails>',
    ),
    ("second-participant-name", b"</name><related", b"</name><name>Other</name><related"),
    ("second-location-name", b"<name>Moscow</name>", b"<name>Moscow</name><name>Kyiv</name>"),
    ("second-field", b"<nev:term_months>90</nev:term_months>", b"<nev:term_months>90</nev:term_months>" * 2),
    (
        "second-location",
        b'<location type="cpnat:geoArea" qcode="iso3166-1a2:RU"/>',
        b'<location type="cpnat:geoArea" qcode="iso3166-1a2:RU"/>' * 2,
    ),
    ("guid-disagrees", b'guid="urn:newsevents:event:Sentencing-', b'guid="urn:newsevents:event:Other-'),
    ("guid-missing", b' guid="urn:newsevents:event:Sentencing-', b' data-x="'),
    ("concept-id-empty", b'qcode="nevt:Sentencing-', b'qcode="nevt:" data-x="'),
    ("concept-id-bad", b'qcode="nevt:Sentencing-', b'qcode="nevt:has space'),
    ("huge-int-field", b">90<", b">" + b"9" * 5000 + b"<"),
    ("huge-negative-int-field", b">90<", b">-" + b"9" * 100_000 + b"<"),
    ("huge-int-attribute", b'start="3184"', b'start="' + b"9" * 5000 + b'"'),
    ("huge-count", b">100<", b">" + b"1" * 4301 + b"<"),
    ("count-over-max", b">100<", b">9007199254740992<"),
    ("count-negative", b">100<", b">-1<"),
    ("count-bad-qualifier", b'qualifier="order"', b'qualifier="lots"'),
    ("arabic-digits-date", b"<start>2019-10<", "<start>٢٠١٩-١٠<".encode()),
    ("fullwidth-digits-date", b"<start>2019-10<", "<start>２０１９-10<".encode()),
    ("arabic-digits-int", b">90<", ">٩٠<".encode()),
    ("nko-digits-int-attribute", b'start="3184"', 'start="߃߁߈߄"'.encode()),
    ("control-char-ref", b">seed<", b">se&#1;ed<"),
    ("control-char-raw", b">seed<", b">se\x1bed<"),
    ("nul-raw", b">seed<", b">se\x00ed<"),
    ("fffe-char-ref", b">seed<", b">&#xFFFE;<"),
    ("surrogate-char-ref", b">seed<", b">&#xD800;<"),
    ("unknown-type", b"nevtype:Sentencing", b"nevtype:" + b"N" * 5_000_000),
    ("unknown-field", b"<nev:offence>", b"<nev:" + b"f" * 40_000 + b"/><nev:offence>"),
    ("unknown-role", b"nevtrole:defendant", b"nevtrole:judge"),
    ("huge-country", b'qcode="iso3166-1a2:IL"', b'qcode="iso3166-1a2:' + b"Q" * 5_000_000 + b'"'),
    ("bad-bool-like", b">prison<", b">" + b"p" * 5_000_000 + b"<"),
]


def xml_damages() -> Iterator[Case]:
    document = base_xml()
    for name, old, new in XML_DAMAGES:
        if old not in document:
            continue
        yield Case(f"xml-value-{name}", "xml", document.replace(old, new, 1), "refuse")


def xml_writes() -> Iterator[Case]:
    for option, values in {
        "provider": ["a\x00b", "a\x1bb", "a\ufffeb", "a\ud800b", "nprov:\x00", "", "a\nb"],
        "language": ["e\x00n", "en\ud800", "٢", "x" * 5_000_000, "en\n"],
        "version": [0, -1, 10**5000, "1", True],
        "version_created": ["2019", datetime.datetime(2019, 1, 1)],
    }.items():
        for index, value in enumerate(values):
            yield Case(f"write-option-{option}-{index}", "write", {"options": {option: value}}, "refuse")
    odd = datetime.timezone(datetime.timedelta(seconds=30))
    yield Case(
        "write-option-offset-seconds",
        "write",
        {"options": {"version_created": datetime.datetime(2019, 1, 1, tzinfo=odd)}},
        "refuse",
    )
    for field, value in [
        ("label", "a\x00b"),
        ("label", "a\ud800"),
        ("definition", "a\x1bb"),
        ("definition", "\ufffe"),
        ("media_topics", ("medtop:\x00",)),
        ("media_topics", ("medtop:\ud800",)),
        ("media_topics", ("not a qcode",)),
        ("media_topics", ("medtop:1 2",)),
        ("media_topics", "medtop:1"),
    ]:
        yield Case(f"write-codes-{field}-{value!r:.12}", "write", {"codes": {field: value}}, "refuse")
    for field, value in [("text", "a\x00b"), ("headline", "a\ud800"), ("dateline", "\x1b")]:
        yield Case(f"write-article-{field}", "write", {"article": {field: value}}, "refuse")
    yield Case("write-article-valid", "write", {"article": {"text": "A text \u2028 with odd \r\n lines."}})
    yield Case("write-option-nbsp-provider", "write", {"options": {"provider": "nprov:\u00a0x"}})
    yield Case("write-option-long-provider", "write", {"options": {"provider": "x" * 5_000_000}})
    yield Case("write-codes-long-topic", "write", {"codes": {"media_topics": ("medtop:" + "1" * 5_000_000,)}})
    yield Case("write-codes-nbsp-topic", "write", {"codes": {"media_topics": ("medtop:1\u00a02",)}})
    yield Case("write-codes-long-label", "write", {"codes": {"label": "l" * 5_000_000}})
    yield Case("write-json-not-an-event", "write", {"to_json": "not an event"}, "refuse")
    yield Case("write-json-unregistered", "write", {"to_json": "unregistered"}, "refuse")
    yield Case("write-newsml-nothing", "write", {"events": []}, "refuse")


# --------------------------------------------------------------------------- JSON cases

WRONG = {
    "null": None,
    "true": True,
    "int": 1,
    "float": 1.5,
    "string": "s",
    "array": [],
    "object": {},
    "huge-int": 10**5000,
    "big-int": 2**64,
    "long-string": "x" * 5_000_000,
    "arabic-digits": "٢٠١٩",
    "fullwidth-digits": "２０１９-10",
    "lone-surrogate": "a\ud800",
    "nul": "a\x00",
    "nested": [[[[[]]]]],
}


def json_types() -> Iterator[Case]:
    valid = {type(event).__name__: ne.to_dict(event) for event in base_events()}
    for name, cls in sorted(ne.registry.types().items()):
        data = valid.get(name, ne.to_dict(cls()) if name == "ForeignEvent" else None)
        if data is None:
            continue
        for spec in describe(cls):
            for label, value in WRONG.items():
                changed = {**data, spec.name: value}
                yield Case(f"dict-{name}-{spec.name}-{label}", "dict", changed)
                yield Case(f"json-{name}-{spec.name}-{label}", "json", json_text(changed))
            base = spec.type.item if isinstance(spec.type, OptionalOf) else spec.type
            if isinstance(base, ValueOf | TupleOf) and isinstance(data.get(spec.name), dict | list):
                for label, value in WRONG.items():
                    inner = _inside(data[spec.name], value)
                    yield Case(f"dict-{name}-{spec.name}-inner-{label}", "dict", {**data, spec.name: inner})
        yield Case(f"dict-{name}-unknown-key", "dict", {**data, "weapon": "drone"})
        yield Case(f"dict-{name}-huge-unknown-key", "dict", {**data, "k" * 5_000_000: 1})
        yield Case(f"dict-{name}-non-string-key", "dict", {**data, 7: 1})
        yield Case(f"dict-{name}-empty-id", "dict", {**data, "id": ""}, "refuse")
        yield Case(f"json-{name}-empty-id", "json", json_text({**data, "id": ""}), "refuse")
        yield Case(
            f"json-{name}-lenient-empty-id",
            "json",
            json_text({**data, "id": ""}),
            "refuse",
            {"strict": False},
        )
        yield Case(
            f"json-{name}-lenient-unknown-key",
            "json",
            json_text({**data, "w": 1}),
            "any",
            {"strict": False},
        )


def json_text(value: Any) -> bytes:
    """JSON text of anything JSON can spell, huge integers and lone surrogates (escaped) included."""
    try:
        return orjson.dumps(value)
    except TypeError:
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)  # here only: the workers keep Python's limit
        try:
            return json.dumps(value).encode()
        finally:
            sys.set_int_max_str_digits(limit)


def _inside(value: Any, bad: Any) -> Any:
    """``value`` with its first leaf (or first item) replaced by ``bad``."""
    if isinstance(value, dict) and value:
        key = next(iter(value))
        return {**value, key: bad}
    if isinstance(value, list):
        return [bad, *value[1:]]
    return bad


def json_documents() -> Iterator[Case]:
    document = base_json()
    yield Case("json-valid", "json", document, "base")
    yield Case(
        "json-huge-int-text",
        "json",
        document.replace(b'"term_months":90', b'"term_months":' + b"9" * 5000, 1),
    )
    yield Case("json-deep-arrays", "json", b"[" * 100_000 + b"]" * 100_000, "refuse")
    yield Case("json-deep-objects", "json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "refuse")
    deep_actor = b'{"type":"Airstrike","attacker":' + b'{"name":' * 5000 + b'"x"' + b"}" * 5000 + b"}"
    yield Case("json-deep-in-a-field", "json", deep_actor, "refuse")
    yield Case("json-invalid-utf-8", "json", document.replace(b'"seed"', b'"se\xc3\x28ed"', 1), "refuse")
    yield Case("json-lone-surrogate-escaped", "json", document.replace(b'"seed"', b'"\\ud800"', 1), "refuse")
    yield Case("json-surrogate-bytes", "json", document.replace(b'"seed"', b'"\xed\xa0\x80"', 1), "refuse")
    yield Case("json-nul-escaped", "json", document.replace(b'"seed"', b'"\\u0000"', 1), "refuse")
    yield Case("json-fffe-raw", "json", document.replace(b'"seed"', '"\ufffe"'.encode(), 1), "refuse")
    yield Case("json-bom", "json", b"\xef\xbb\xbf" + document)
    yield Case("json-huge-array", "json", b"[" + b"1," * 2_000_000 + b"1]", "refuse")
    yield Case("json-duplicate-keys", "json", b'{"type":"Airstrike","targets":["a"],"targets":["b"]}')
    yield Case("json-nan", "json", b'{"type":"Airstrike","killed":NaN}', "refuse")
    yield Case("json-not-text", "json", 12, "refuse")
    yield Case("dict-not-a-dict", "dict", ["Airstrike"], "refuse")
    yield Case("dict-surrogate-type", "dict", {"type": "Air\ud800strike"}, "refuse")
    yield Case("dict-str-subclass", "dict", {"type": "Airstrike", "targets": [_Str("a")]}, "refuse")
    yield Case("dict-int-subclass", "dict", {"type": "Airstrike", "killed": _Int(3)}, "refuse")
    yield Case(
        "dict-bool-for-int",
        "dict",
        {
            "type": "Sentencing",
            "defendant": {"name": "A", "kind": "person"},
            "penalty": "fine",
            "term_months": True,
        },
        "refuse",
    )


class _Str(str):
    __slots__ = ()


class _Int(int):
    __slots__ = ()


# --------------------------------------------------------------------------- seeded mutations

TOKENS = [
    b"<",
    b">",
    b"&",
    b'"',
    b"'",
    b"<x/>",
    b"</",
    b"]]>",
    b"<!--",
    b"-->",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"9" * 30,
    "٢".encode(),
    "２".encode(),
    b"nev:",
    b"nevt:",
    b"-",
    b" ",
    b"\n",
    b'"id":""',
    b"null",
    b"[]",
    b"{}",
    b"1e999",
    b"-0",
    b"\\",
    b"\\u",
    b"\\ud800",
]


def mutate(document: bytes, rng: random.Random) -> bytes:
    """One to four random edits: delete, duplicate or move a slice, insert a token, flip a byte."""
    data = bytearray(document)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        at = rng.randrange(len(data))
        span = rng.randint(1, 64)
        action = rng.randrange(5)
        if action == 0:
            del data[at : at + span]
        elif action == 1:
            data[at:at] = data[at : at + span]
        elif action == 2:
            data[at:at] = rng.choice(TOKENS)
        elif action == 3:
            data[at] = rng.randrange(256)
        else:
            piece = bytes(data[at : at + span])
            del data[at : at + span]
            where = rng.randrange(len(data) + 1)
            data[where:where] = piece
    return bytes(data)


VALUES = [
    "",
    " ",
    "٢٠١٩",
    "２０１９-10",
    "9" * 30,
    "9" * 5000,
    "-0",
    "0" * 5000 + "7",
    "nevt:",
    "nevtype:Airstrike",
    "nevtrole:initiator",
    "iso3166-1a2:ZZ",
    "x" * 100_000,
    "\u2028",
    "\ufeff",
    "true",
    "order",
]


def restructure(document: bytes, rng: random.Random) -> bytes:
    """One to three edits of a well-formed document's tree: move, copy, drop, re-value, nest."""
    root = etree.fromstring(document)
    nodes = [node for node in root.iter() if node is not root]
    for _ in range(rng.randint(1, 3)):
        node = rng.choice(nodes)
        parent = node.getparent()
        action = rng.randrange(6)
        if parent is None:
            continue
        if action == 0:
            parent.remove(node)
            nodes = [n for n in root.iter() if n is not root]
        elif action == 1:
            copy = etree.fromstring(etree.tostring(node))
            parent.insert(parent.index(node) + rng.randint(0, 1), copy)
            nodes = [n for n in root.iter() if n is not root]
        elif action == 2:
            node.text = rng.choice(VALUES)
        elif action == 3 and node.attrib:
            node.set(rng.choice(list(node.attrib)), rng.choice(VALUES))
        elif action == 4:
            etree.SubElement(node, node.tag if rng.random() < 0.5 else "b").text = rng.choice(VALUES)
            nodes = [n for n in root.iter() if n is not root]
        else:
            target = rng.choice(nodes)
            if target is not node and node not in target.iterancestors():
                parent.remove(node)
                target.append(node)
                nodes = [n for n in root.iter() if n is not root]
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def mutations(count: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    xml, pretty, json_ = (
        base_xml(),
        ne.to_newsml(base_events(), version_created=WHEN, pretty=True),
        base_json(),
    )
    indented = ne.to_json(base_events(), indent=True).encode()
    sources = [("xml", xml), ("xml", pretty), ("json", json_), ("json", indented)]
    for index in range(count):
        kind, document = sources[index % len(sources)]
        yield Case(f"{kind}-mutation-{seed}-{index}", kind, mutate(document, rng))
    for index in range(count):
        yield Case(f"xml-restructure-{seed}-{index}", "xml", restructure(xml, rng))


# --------------------------------------------------------------------------- running one case


def _events_of(result: Any) -> list[ne.Event]:
    return result if isinstance(result, list) else [result]


def _round_trips(events: list[ne.Event]) -> str | None:
    """None when the events survive both codecs, else what changed."""
    if not events:
        return None
    back = ne.from_newsml(ne.to_newsml(events, version_created=WHEN))
    if back != events:
        return "to_newsml/from_newsml changed the events"
    if _events_of(ne.from_json(ne.to_json(events))) != events:
        return "to_json/from_json changed the events"
    return None


def _write(payload: dict[str, Any]) -> bytes:
    """A write case: options, a user type's codes, or an article."""
    events: list[ne.Event] = base_events()
    article: Any = None
    if "codes" in payload:

        @attrs.frozen(kw_only=True)
        class HostileCoded(ne.Event):
            pass

        fields = {"label": "coded", "definition": "A test type.", **payload["codes"]}
        HostileCoded.codes = ne.Codes(**fields)  # type: ignore[misc]
        ne.registry.unregister("HostileCoded")
        ne.register(HostileCoded)
        events = [*events, HostileCoded()]
    if "article" in payload:
        article = _Article(**payload["article"])
    if "to_json" in payload:

        @attrs.frozen(kw_only=True)
        class Unregistered(ne.Event):
            pass

        odd = Unregistered() if payload["to_json"] == "unregistered" else payload["to_json"]
        ne.to_json([*events, odd])
    events = payload.get("events", events)
    options = {"version_created": WHEN, **payload.get("options", {})}
    return ne.to_newsml(events, article=article, **options)


@attrs.frozen
class _Article:
    text: str = "Some text."
    headline: str | None = None
    dateline: str | None = None
    published: datetime.date | None = None
    source: str | None = None


def run_case(case: Case) -> tuple[str, str]:
    """Run one case here; return (outcome, detail)."""
    expected_error: type[Exception] = ne.EncodeError if case.kind == "write" else ne.DecodeError
    try:
        if case.kind == "xml":
            events = ne.from_newsml(case.payload, **case.options)
        elif case.kind == "json":
            events = _events_of(ne.from_json(case.payload, **case.options))
        elif case.kind == "dict":
            events = [ne.from_dict(case.payload, **case.options)]
        else:
            document = _write(case.payload)
            # What was written must be well-formed, and read back (however large it is).
            events = ne.from_newsml(document, max_bytes=len(document), max_elements=None)
    except expected_error as error:
        message = str(error)
        if len(message) > MAX_MESSAGE:
            return "LONG MESSAGE", f"{len(message):,} characters: {message[:120]}…"
        return "clean", f"{type(error).__name__}: {message[:120]}"
    except BaseException as error:  # noqa: BLE001 (the whole point: anything else is a leak)
        return "LEAK", f"{type(error).__name__}: {str(error)[:200]}"
    if case.expect == "refuse":
        return "ACCEPTED", f"read {len(events)} event(s)"
    if case.expect == "base" and events != base_events():
        return "DATA LOST", "did not read as the base events"
    try:
        lost = _round_trips(events)
    except BaseException as error:  # noqa: BLE001
        return "LEAK", f"round trip: {type(error).__name__}: {str(error)[:200]}"
    if lost is not None:
        return "DATA LOST", lost
    return "ok", f"{len(events)} event(s)"


# --------------------------------------------------------------------------- workers


def _serve(connection: Connection, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    sys.setrecursionlimit(10_000)
    while True:
        case = connection.recv()
        if case is None:
            return
        outcome, detail = run_case(case)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux
        connection.send((outcome, detail, peak))


def _size(payload: Any) -> int:
    if isinstance(payload, bytes | str):
        return len(payload)
    if isinstance(payload, dict):
        return sum(_size(key) + _size(value) for key, value in payload.items())
    if isinstance(payload, list | tuple):
        return sum(_size(item) for item in payload)
    return 0


class Worker:
    """A process that runs cases one at a time; killed and replaced when a case hangs or kills it."""

    def __init__(self, memory: int) -> None:
        self.memory = memory
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, self.memory), daemon=True)
        self.process.start()
        child.close()

    def run(self, case: Case, timeout: float, budget: int) -> tuple[str, str, float, int]:
        """Run ``case``: (outcome, detail, seconds, the worker's peak memory in MiB)."""
        if _size(case.payload) > MIB:
            self._restart()  # a fresh worker, so that the peak is this case's
        started = time.monotonic()
        try:
            self.connection.send(case)
            if not self.connection.poll(timeout):
                self._restart()
                return "HANG", f"over {timeout:g} s", time.monotonic() - started, 0
            outcome, detail, peak = self.connection.recv()
        except (EOFError, OSError) as error:
            code = self.process.exitcode
            self._restart()
            died = f"the worker died ({type(error).__name__}, exit code {code})"
            return "LEAK", died, time.monotonic() - started, 0
        if peak > budget:
            self._restart()  # so the next case is measured from a fresh worker
            if outcome not in PROBLEMS:
                outcome, detail = "MEMORY", f"peak {peak} MiB (budget {budget} MiB); {detail}"
        return outcome, detail, time.monotonic() - started, peak

    def _restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()
        self._start()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


# --------------------------------------------------------------------------- main

GENERATORS: list[Callable[[], Iterator[Case]]] = [
    xml_entities,
    xml_encodings,
    xml_sizes,
    xml_damages,
    xml_writes,
    json_types,
    json_documents,
]


def cases(mutation_count: int, seed: int) -> Iterator[Case]:
    for generator in GENERATORS:
        yield from generator()
    yield from mutations(mutation_count, seed)


def main(argv: list[str] | None = None) -> int:
    """Run every case and print the counts; exit 1 when any case leaks, hangs or loses data."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case (default 10)")
    parser.add_argument("--mutations", type=int, default=1000, help="random mutations of valid documents")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--memory", type=int, default=2048, help="MiB of address space per worker")
    parser.add_argument("--budget", type=int, default=256, help="MiB of peak resident memory per case")
    parser.add_argument("--only", default=None, help="run only the cases whose name starts with this")
    parser.add_argument("--verbose", action="store_true", help="print every case")
    args = parser.parse_args(argv)
    worker = Worker(args.memory * MIB)
    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    problems: list[tuple[str, str, str]] = []
    slowest: tuple[float, str] = (0.0, "")
    largest: tuple[int, str] = (0, "")
    started = time.monotonic()
    try:
        for case in cases(args.mutations, args.seed):
            if args.only and not case.name.startswith(args.only):
                continue
            outcome, detail, seconds, peak = worker.run(case, args.timeout, args.budget)
            largest = max(largest, (peak, case.name))
            counts[outcome] += 1
            by_kind[case.kind, outcome] += 1
            slowest = max(slowest, (seconds, case.name))
            if outcome in PROBLEMS:
                problems.append((outcome, case.name, detail))
            if args.verbose:
                print(f"{outcome:<12} {seconds:6.2f}s {case.name}: {detail}", flush=True)
    finally:
        worker.close()
    total = sum(counts.values())
    print(
        f"newsevents {ne.__version__}: {total:,} cases in {time.monotonic() - started:.0f} s "
        f"(seed {args.seed}, {args.mutations:,} mutations, {args.timeout:g} s per case); "
        f"slowest {slowest[0]:.2f} s ({slowest[1]}); "
        f"largest worker peak {largest[0]} MiB ({largest[1]})"
    )
    kinds = sorted({kind for kind, _ in by_kind})
    outcomes = ["ok", "clean", *PROBLEMS]
    print(f"{'outcome':<14}" + "".join(f"{kind:>8}" for kind in kinds) + f"{'total':>8}")
    for outcome in outcomes:
        cells = "".join(f"{by_kind[kind, outcome]:8,}" for kind in kinds)
        print(f"{outcome:<14}{cells}{counts[outcome]:8,}")
    for outcome, name, detail in problems:
        print(f"{outcome}: {name}: {detail}")
    print("no leaks, hangs or losses" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
