"""The command line: every command, its exit codes, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.seed_events import SEED, seed_events

import newsevents as ne
from newsevents.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_and_help(capsys):
    """--version prints the version; --help works on every command; no command is a usage error."""
    code, out, _ = run(capsys, "--version")
    assert (0, f"newsevents {ne.__version__}") == (code, out.strip())
    for command in ("parse", "convert", "validate", "schema", "types"):
        code, out, _ = run(capsys, command, "--help")
        assert 0 == code
        assert "usage: newsevents" in out
    assert 2 == run(capsys)[0]
    assert 2 == run(capsys, "parse")[0]
    assert 2 == run(capsys, "frobnicate")[0]


def test_types_lists_codes(capsys):
    """types lists each registered type with its ACE, CAMEO, PLOVER and IPTC codes."""
    code, out, _ = run(capsys, "types")
    assert 0 == code
    assert "PhoneCall (phone call)" in out
    assert "Contact:Phone-Write" in out
    code, out, _ = run(capsys, "types", "--json")
    rows = {row["type"]: row for row in json.loads(out)}
    assert ["medtop:20000134"] == rows["Sentencing"]["media_topics"]


def test_schema_prints_the_json_schema(capsys):
    """schema prints json_schema() as JSON."""
    code, out, _ = run(capsys, "schema")
    assert (0, ne.json_schema()) == (code, json.loads(out))


def test_validate_json(tmp_path, capsys):
    """validate accepts good JSON and names file, line and path for bad JSON Lines."""
    good = tmp_path / "good.json"
    good.write_text(ne.to_json(seed_events()))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "Airstrike"}\n{"type": "Airstrike", "targets": "ab"}\n')
    code, out, err = run(capsys, "validate", str(good), str(bad))
    assert 1 == code
    assert f"{good}: valid" in out
    assert "bad.jsonl" in err
    assert "line 2" in err
    assert "$.targets" in err
    assert 1 == len(err.strip().splitlines())


def test_parse_text_file(capsys):
    """parse writes JSON Lines; the file stem is each event's source."""
    code, out, _ = run(capsys, "parse", str(SEED))
    assert 0 == code
    events = [ne.from_json(line) for line in out.splitlines()]
    assert all(event.source == SEED.stem for event in events)


def test_parse_missing_file_is_one_line(capsys):
    """A missing file is reported in one line with exit code 1, no traceback."""
    code, _, err = run(capsys, "parse", "no-such-file.txt")
    assert 1 == code
    assert "no-such-file.txt" in err
    assert "Traceback" not in err


def test_parse_rejects_bad_published_date(capsys):
    """An invalid --published is a usage error."""
    assert 2 == run(capsys, "parse", str(SEED), "--published", "2019-13-01")[0]


def batch(tmp_path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "a", "text": text, "published": "2019-12-26"}),
        "not json",
        json.dumps({"id": "b", "published": "2019-12-26"}),
        json.dumps({"id": "c", "text": text, "published": "26/12/2019"}),
        "",
        json.dumps({"id": "d", "text": "Nothing happened.", "published": None}),
        json.dumps({"id": "e", "text": text}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_batch_reports_bad_records_and_goes_on(tmp_path, capsys):
    """Bad records are reported with line and id; the rest are parsed; the exit code says some failed."""
    code, out, err = run(capsys, "parse", "--from", "jsonl", str(batch(tmp_path)))
    assert 1 == code
    assert "batch.jsonl:2: not JSON" in err
    assert "batch.jsonl:3 (id 'b'): missing or non-string 'text'" in err
    assert "batch.jsonl:4 (id 'c'): invalid 'published' date" in err
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert set(sources) <= {"a", "e"}
    assert sources == sorted(sources)
    assert "6 in" in err
    assert "3 failed" in err


def test_batch_jobs_keep_order(tmp_path, capsys):
    """--jobs 2 gives exactly the single-process output, in input order."""
    path = batch(tmp_path)
    _, single, _ = run(capsys, "parse", "--from", "jsonl", str(path))
    _, double, _ = run(capsys, "parse", "--from", "jsonl", "--jobs", "2", str(path))
    assert single == double


def test_convert_json_round_trip(tmp_path, capsys):
    """convert reads a JSON array or JSON Lines and writes JSON or JSON Lines."""
    source = tmp_path / "events.json"
    source.write_text(ne.to_json(seed_events()))
    code, out, _ = run(capsys, "convert", "--to", "jsonl", str(source))
    assert 0 == code
    lines = tmp_path / "events.jsonl"
    lines.write_text(out)
    code, out, _ = run(capsys, "convert", "--to", "json", str(lines))
    assert (0, seed_events()) == (code, ne.from_json(out))


@pytest.mark.parametrize("document", ["{", '{"type": "Nope"}', ""])
def test_convert_bad_json_is_exit_1(tmp_path, capsys, document):
    """Malformed or unknown input is one line on stderr and exit code 1."""
    source = tmp_path / "bad.json"
    source.write_text(document)
    code, _, err = run(capsys, "convert", "--to", "json", str(source))
    assert 1 == code
    assert 1 == len(err.strip().splitlines())


def test_python_dash_m():
    """python -m newsevents is the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("newsevents ")


def test_parse_to_newsml_carries_the_article(tmp_path, capsys):
    """parse --to newsml of one file writes the article form, valid against the official schema."""
    from newsevents.newsml import from_newsml, validate

    code, out, _ = run(capsys, "parse", str(SEED), "--to", "newsml")
    assert 0 == code
    document = out.encode()
    validate(document)
    assert b"<newsItem" in document
    _, lines, _ = run(capsys, "parse", str(SEED))
    assert [ne.from_json(line) for line in lines.splitlines()] == from_newsml(document)


def test_convert_between_json_and_newsml(tmp_path, capsys):
    """convert --to newsml then --to json gives the events back; validate accepts the XML."""
    source = tmp_path / "events.json"
    source.write_text(ne.to_json(seed_events()))
    code, xml, _ = run(capsys, "convert", "--to", "newsml", str(source))
    assert 0 == code
    target = tmp_path / "events.xml"
    target.write_text(xml)
    assert 0 == run(capsys, "validate", str(target))[0]
    code, out, _ = run(capsys, "convert", "--to", "json", str(target))
    assert (0, seed_events()) == (code, ne.from_json(out))


def test_validate_reports_invalid_newsml_with_line(tmp_path, capsys):
    """An XML file the schema refuses is one line naming the file and line; exit code 1."""
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">\n<oops/>\n</newsMessage>\n')
    code, _, err = run(capsys, "validate", str(bad))
    assert 1 == code
    assert "bad.xml" in err
    assert "line" in err
    assert 1 == len(err.strip().splitlines())
