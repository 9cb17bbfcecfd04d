"""The registry: user-defined event types get every codec and strategy with no code of their own."""

from __future__ import annotations

import enum
import json
import os
import subprocess
import sys
import textwrap

import attrs
import jsonschema
import pytest
from hypothesis import given

import newsevents as ne
from newsevents import registry
from newsevents.errors import RegistrationError
from newsevents.strategies import events


class Verdict(enum.StrEnum):
    GUILTY = "guilty"
    ACQUITTED = "acquitted"


@ne.register
@attrs.frozen(kw_only=True)
class CourtVerdict(ne.Event):
    """A verdict, defined by a test: the extension path users take."""

    codes = ne.Codes(label="verdict", definition="A court's verdict.", cameo="—", media_topics=("medtop:20000121",))

    defendant: ne.Actor
    verdict: Verdict
    charges: tuple[str, ...] = attrs.field(default=(), metadata={"min_items": 0})
    jurors: int | None = attrs.field(default=None, metadata={"minimum": 1})
    unanimous: bool = False
    witnesses: tuple[ne.Actor, ...] = ()
    counts: tuple[ne.Count, ...] = ()
    hearing: ne.PartialDate | None = None


def test_registered_types_are_listed_by_name():
    """types() maps names to classes and includes user types."""
    names = registry.types()
    assert {"PhoneCall", "PardonRequest", "Sentencing", "Airstrike", "CourtVerdict"} <= set(names)
    assert CourtVerdict is names["CourtVerdict"]
    with pytest.raises(TypeError):
        names["X"] = CourtVerdict  # read-only view


@given(events(types=[CourtVerdict]))
def test_user_type_round_trips_through_json(event):
    """A user type gets exact JSON round trips from registration alone."""
    assert event == ne.from_json(ne.to_json(event))


@given(events(types=["CourtVerdict"]))
def test_user_type_is_in_the_json_schema(event):
    """The generated JSON Schema covers user types, constraints included."""
    schema = ne.json_schema()
    jsonschema.Draft202012Validator(schema).validate(json.loads(ne.to_json(event)))
    assert 1 == schema["$defs"]["CourtVerdict"]["properties"]["jurors"]["anyOf"][0]["minimum"]


def test_user_type_metadata_constraints_are_enforced():
    """Field metadata constraints hold at construction and decoding."""
    defendant = ne.Actor.person("X")
    with pytest.raises(ne.ValidationError, match=r"\$\.jurors"):
        CourtVerdict(defendant=defendant, verdict=Verdict.GUILTY, jurors=0)
    with pytest.raises(ne.DecodeError, match=r"\$\.verdict"):
        ne.from_dict({"type": "CourtVerdict", "defendant": {"name": "X", "kind": "person"}, "verdict": "maybe"})


def test_duplicate_name_is_refused():
    """A second class with a registered name is a RegistrationError; the same class is idempotent."""
    assert CourtVerdict is ne.register(CourtVerdict)

    @attrs.frozen(kw_only=True)
    class PhoneCall(ne.Event):
        pass

    with pytest.raises(RegistrationError, match="already registered"):
        ne.register(PhoneCall)


@pytest.mark.parametrize(
    "annotation",
    [dict[str, str], list[str], float, tuple[str, int], "str | int", tuple[str | None, ...]],
)
def test_unsupported_field_types_are_refused(annotation):
    """Fields the codecs cannot carry are refused at registration, naming the field."""
    if annotation == "str | int":
        annotation = str | int
    cls = attrs.make_class("Odd", {"odd": attrs.field(type=annotation)}, bases=(ne.Event,), frozen=True, kw_only=True)
    with pytest.raises(RegistrationError, match="odd"):
        ne.register(cls)


def test_non_events_are_refused():
    """Only attrs subclasses of Event can be registered."""
    with pytest.raises(RegistrationError):
        ne.register(int)  # type: ignore[type-var]
    with pytest.raises(RegistrationError):
        ne.register(ne.Event)


def test_plugins_register_through_entry_points(tmp_path):
    """An installed plugin's entry point in newsevents.event_types is loaded on first use."""
    package = tmp_path / "plugin_pkg"
    package.mkdir()
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            import attrs
            import newsevents as ne

            @attrs.frozen(kw_only=True)
            class Protest(ne.Event):
                crowd: ne.Count | None = None
            """
        )
    )
    dist = tmp_path / "plugin_pkg-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: plugin-pkg\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newsevents.event_types]\nprotest = plugin_pkg:Protest\n")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import newsevents as ne;"
        "e = ne.from_json('{\"type\": \"Protest\", \"crowd\": {\"value\": 100, \"qualifier\": \"order\"}}');"
        "print(type(e).__name__, e.crowd.value)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert "Protest 100" == result.stdout.strip()


def _plugin_folder(root, name):
    dist = root / f"{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[newsevents.event_types]\n{name} = {name}_module:Kind\n")


def test_entry_points_are_cached_until_a_distribution_is_installed(tmp_path, monkeypatch):
    """The plugin list is read from the on-disk cache, and scanned again once a sys.path folder changes."""
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert [] == registry.entry_points(group="newsevents.event_types")
    assert 1 == len(list((tmp_path / "cache").glob("plugins-*.marshal")))
    _plugin_folder(site, "first")  # "installed": the folder's modification time changes
    found = registry.entry_points(group="newsevents.event_types")
    assert [("first", "first_module:Kind")] == [(point.name, point.value) for point in found]


def test_a_cached_plugin_list_spares_importlib_metadata(tmp_path):
    """A process that finds the plugin list in the cache does not import importlib.metadata."""
    site = tmp_path / "site"
    site.mkdir()
    _plugin_folder(site, "second")
    (site / "second_module.py").write_text("KIND = 'loaded'\nclass Kind:\n    pass\n")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from newsevents import registry;"
        "points = registry.entry_points(group='newsevents.event_types');"
        "print([p.name for p in points], points[0].load().__name__, 'importlib.metadata' in sys.modules)"
    )
    env = {**os.environ, "NEWSEVENTS_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    assert "['second'] Kind True" == runs[0].stdout.strip()  # the first process scans
    assert "['second'] Kind False" == runs[1].stdout.strip()  # the second reads the cache
