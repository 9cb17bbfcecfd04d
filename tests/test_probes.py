"""Tests for benchmarks/probes.py on a tiny fake pool written here (no ../shared needed)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsevents_probes", ROOT / "benchmarks" / "probes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


probes = _load()

#: Words of the sample article that must never reach an output.
SECRET = "Zorblat"
ARTICLES = {
    "pool-test-calls": (
        "2016-03-01",
        "date 2016-03-01\nLeaders talk\n\n"
        "Mr. Putin spoke with Netanyahu by phone on Monday, EVENTHERE. "
        "Ramos said in a phone interview. Kerry told reporters in a phone interview.\n\n"
        "The U.S. Army said 3 drones hit a depot. Officials phoned 12 farmers.",
    ),
    "pool-test-requests": (
        None,
        "Headline\n\nThey called for the release of Ali Salem. Free trade is good. "
        "Activists urged Iran to free the journalists. The Free Syrian Army fought on. "
        "The company plans to release its new phone. Amnesty was granted.",
    ),
    "pool-test-sample": (
        "2016-04-02",
        f"date 2016-04-02\nSample\n\n{SECRET} Quux phoned Blorf. {SECRET} was sentenced to 3 years in prison.",
    ),
}
SAMPLE = "pool-test-sample"


class PhoneCall:
    """Stands in for a parsed event: the probes only read the class name and the evidence."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.evidence = SimpleNamespace(start=start, end=end, text=text[start:end], rule="test.rule")


def _fake_parse(text: str, *, published: Any = None, source: str | None = None) -> list[Any]:
    """A PhoneCall for each sentence holding EVENTHERE; the sample's text must never come here."""
    assert SECRET not in text
    found = []
    for start, end in probes.sentences(text):
        if "EVENTHERE" in text[start:end]:
            found.append(PhoneCall(text, start, end))
    return found


@pytest.fixture
def pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake pool folder (articles.jsonl, sample.tsv) that NEWSEVENTS_POOL points at."""
    folder = tmp_path / "pool"
    folder.mkdir()
    lines = [
        json.dumps({"id": article, "source": {}, "published": published, "text": text})
        for article, (published, text) in ARTICLES.items()
    ]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "sample.tsv").write_text(f"id\tfamily\thalf\n{SAMPLE}\tphone\tblind\n", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_POOL", str(folder))
    return folder


@pytest.fixture
def fake_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probes.newsevents, "parse", _fake_parse)


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in probes.sentences(text)]


def test_sentences_respect_abbreviations() -> None:
    """Sentences end at . ! ? before a capital, quote or digit, not after Mr., U.S., Jan. or an initial."""
    text = (
        'date 2016-01-02\nHeadline\n\nMr. Smith went to the U.S. State Department on Jan. 5. He left! "Why?" '
        "she asked. 3 men came. John F. Kennedy spoke. it ends. here"
    )
    assert [
        "date 2016-01-02",
        "Headline",
        "Mr. Smith went to the U.S. State Department on Jan. 5.",
        "He left!",
        '"Why?" she asked.',
        "3 men came.",
        "John F. Kennedy spoke. it ends. here",
    ] == _sentences(text)


def _keys(sentence: str, types: tuple[str, ...] = probes.TYPES) -> list[str]:
    text = f"Headline\n\n{sentence}"
    start = text.index(sentence)
    end = start + len(sentence)
    return [probes.group_key(text, start, end, hit) for hit in probes.triggers(text, start, end, types)]


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("Officials said Putin phoned Netanyahu on Monday.", ["said Cap phone Cap on"]),
        ("He phoned the Kremlin.", ["he phone the Cap"]),
        ("Putin and Erdogan held a phone call with aides.", ["held a phone call with aides"]),
        ("They spoke in a telephone call on 12 March.", ["in a telephone call on N"]),
        ("Officials rang Obama.", ["Cap ring Cap"]),
        (
            "Smith was sentenced to 10 years in prison on Friday.",
            ["Cap was sentence to N", "to N years in prison on Cap"],
        ),
        ("Five were jailed for five years.", ["N were jail for N"]),
        ("He got a five-year sentence.", ["a N sentence"]),
        ("A 10-year sentence.", ["a N sentence"]),
        ("Three jets bombed 2,000 homes in Idlib.", ["N jet bombed N", "N jets bomb N homes"]),
        ("Russian air strikes hit Aleppo.", ["Cap airstrike hit Cap"]),
    ],
)
def test_group_key_shapes_words_and_lemmatises(sentence: str, keys: list[str]) -> None:
    """Two words either side of the trigger's lemma; capitalised words are Cap and numbers N."""
    assert keys == _keys(sentence)


def test_group_key_width() -> None:
    """--context sets the words either side (0: the lemma alone)."""
    text = "Putin phoned Netanyahu on Monday."
    (hit,) = probes.triggers(text, 0, len(text))
    assert "Cap phone Cap" == probes.group_key(text, 0, len(text), hit, 1)
    assert "phone" == probes.group_key(text, 0, len(text), hit, 0)


@pytest.mark.parametrize(
    ("sentence", "lemmas"),
    [
        ("They called for the release of Ali Salem.", ["release"]),
        ("They demanded the release of three detainees.", ["release"]),
        ("The release of the new budget was delayed.", []),
        ("Activists urged Iran to free the journalists.", ["free"]),
        ("Rebels freed Ali Salem last week.", ["free"]),
        ("Hostages were freed on Sunday.", ["free"]),
        ("Free trade is good.", []),
        ("They offer free access to the app.", []),
        ("The Free Syrian Army fought on.", []),
        ("The company plans to release its new phone.", []),
        ("Iran agreed to release Ali Salem.", ["release"]),
        ("He asked Obama to pardon Salem and to commute his term.", ["pardon", "commute"]),
        ("An amnesty and clemency plea.", ["amnesty", "clemency"]),
    ],
)
def test_request_triggers(sentence: str, lemmas: list[str]) -> None:
    """free/freed/"release of"/"to release" count only within 3 words of a name or a detainee noun."""
    text = f"Headline\n\n{sentence}"
    start = text.index(sentence)
    hits = probes.triggers(text, start, start + len(sentence), ("PardonRequest",))
    assert lemmas == [hit.lemma for hit in hits]


def test_recall_groups_missed_sentences(pool: Path, fake_parse: None) -> None:
    """Sentences with an event of the type are left out; the rest are grouped, largest first."""
    groups = probes.recall_groups(types=("PhoneCall", "Airstrike"), examples=1)
    phone = {group.key: group for group in groups["PhoneCall"]}
    assert 2 == phone["in a phone interview"].count
    assert ["in a phone interview"] == [g.key for g in groups["PhoneCall"] if g.count == 2]
    assert 1 == len(phone["in a phone interview"].examples)
    assert "Cap phone N farmers" in phone
    assert not any("EVENTHERE" in sentence for g in groups["PhoneCall"] for _, sentence in g.examples)
    assert ["said N drone hit a"] == [g.key for g in groups["Airstrike"]]
    assert not any(
        SECRET in g.key or SAMPLE == article for g in groups["PhoneCall"] for article, _ in g.examples
    )


def test_recall_command_never_prints_the_sample(
    pool: Path, fake_parse: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The recall report names the groups and examples of non-sample articles only."""
    assert 0 == probes.main(["recall", "--examples", "5"])
    out = capsys.readouterr().out
    assert "in a phone interview" in out
    assert "«phone» interview" in out
    assert "free the journalists" in out
    assert "Free trade" not in out
    assert SECRET not in out
    assert SAMPLE not in out
    assert "== Sentencing: 0 trigger hits" in out


def test_alarms_and_dump_leave_out_the_sample(
    pool: Path, fake_parse: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """alarms lists each event with its rule and article, then counts; dump writes parse input."""
    assert 0 == probes.main(["alarms"])
    out = capsys.readouterr().out
    assert "PhoneCall\ttest.rule\tpool-test-calls\tMr. Putin spoke with Netanyahu" in out
    assert "1  test.rule" in out
    assert SECRET not in out
    assert SAMPLE not in out
    dump = tmp_path / "dump.jsonl"
    assert 0 == probes.main(["dump", str(dump)])
    records = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert ["pool-test-calls", "pool-test-requests"] == [record["id"] for record in records]
    assert {"id", "text", "published"} == set(records[0])
    assert None is records[1]["published"]
    assert SECRET not in dump.read_text(encoding="utf-8")


def test_dump_refuses_a_path_inside_the_project(pool: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = ROOT / "benchmarks" / "pool-dump-test.jsonl"
    assert 2 == probes.main(["dump", str(target)])
    assert not target.exists()
    assert "inside the project" in capsys.readouterr().err


def _event(
    source: str, start: int, *, type_: str = "PhoneCall", rule: str = "r.one", **extra: Any
) -> dict[str, Any]:
    text = "x" * 10
    event = {"type": type_, "id": f"{type_}-{start}", "date": None, "source": source}
    event["evidence"] = {"text": text, "start": start, "end": start + len(text), "rule": rule}
    event.update(extra)
    return event


def test_shift_gained_lost_changed() -> None:
    """Identity is source, type and evidence span; other differences make a change."""
    same = _event("a", 0)
    before = [same, _event("a", 20), _event("b", 0, date="2016-01-01"), _event("c", 5, type_="Sentencing")]
    after = [
        same,
        _event("b", 0, date="2016-01-02"),
        _event("c", 5, type_="Airstrike"),
        _event("d", 0, rule="r.two"),
    ]
    result = probes.shift(before, after)
    assert [("d", "PhoneCall", 0, 10), ("c", "Airstrike", 5, 15)] == sorted(
        map(probes.identity, result.gained), reverse=True
    )
    assert [("a", "PhoneCall", 20, 30), ("c", "Sentencing", 5, 15)] == sorted(
        map(probes.identity, result.lost)
    )
    assert [("2016-01-01", "2016-01-02")] == [(old["date"], new["date"]) for old, new in result.changed]


def test_shift_pairs_events_that_share_an_identity() -> None:
    """Two defendants in one sentence share an identity: equal ones pair first, the rest as changed."""
    a, b = _event("s", 0, defendant="A"), _event("s", 0, defendant="B")
    result = probes.shift([a, b], [b, _event("s", 0, defendant="C"), _event("s", 0, defendant="D")])
    assert [("A", "C")] == [(old["defendant"], new["defendant"]) for old, new in result.changed]
    assert ["D"] == [event["defendant"] for event in result.gained]
    assert [] == result.lost


def _write(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(event) + "\n" for event in events), encoding="utf-8")
    return path


def test_shift_command_reports(pool: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _write(tmp_path / "before.jsonl", [_event("a", 0), _event("a", 20, rule="r.old")])
    after = _write(tmp_path / "after.jsonl", [_event("a", 0, rule="r.new"), _event("b", 0)])
    assert 0 == probes.main(["shift", str(before), str(after)])
    out = capsys.readouterr().out
    assert "gained 1, lost 1, changed 1" in out
    assert "+ PhoneCall\tr.one\tb\txxxxxxxxxx" in out
    assert "- PhoneCall\tr.old\ta\txxxxxxxxxx" in out
    assert "~ PhoneCall\tr.new\ta\txxxxxxxxxx" in out
    assert "evidence.rule" in out


def test_shift_refuses_a_dump_with_a_sample_id(
    pool: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _write(tmp_path / "before.jsonl", [_event("a", 0)])
    after = _write(tmp_path / "after.jsonl", [_event("a", 0), _event(SAMPLE, 0, evidence_note=SECRET)])
    assert 2 == probes.main(["shift", str(before), str(after)])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert "sample.tsv" in captured.err
    assert SECRET not in captured.err


def test_missing_pool_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSEVENTS_POOL", str(tmp_path / "nowhere"))
    assert 2 == probes.main(["alarms"])
    assert "NEWSEVENTS_POOL" in capsys.readouterr().err


def test_real_parse_runs_on_the_fake_pool(pool: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the real parser, every probe runs and the sample article is never parsed or printed."""
    assert 0 == probes.main(["recall"])
    assert 0 == probes.main(["alarms"])
    out = capsys.readouterr().out
    assert SECRET not in out
    assert SAMPLE not in out
