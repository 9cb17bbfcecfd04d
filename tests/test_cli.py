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
    assert 2 == len(err.strip().splitlines())  # the bad record, then the summary
    assert "2 files in, 1 valid, 1 failed" in err


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
    assert "6 records in" in err
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
    assert 2 == len(err.strip().splitlines())  # the error, then the summary
    assert "0 events out, 1 failed" in err


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
    bad.write_text(
        '<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">\n<oops/>\n</newsMessage>\n'
    )
    code, _, err = run(capsys, "validate", str(bad))
    assert 1 == code
    assert "bad.xml" in err
    assert "line" in err
    assert 2 == len(err.strip().splitlines())  # the error, then the summary


# --------------------------------------------------------------------------- every batch alike (#8, #10)


def _jsonl_with_bad_lines(tmp_path: Path, good: int, bad_every: int) -> tuple[Path, list[int]]:
    events = seed_events()
    lines: list[str] = []
    bad_lines: list[int] = []
    for index in range(good):
        if index % bad_every == bad_every - 1:
            lines.append('{"type": "Airstrike", "targets": "ab"}')
            bad_lines.append(len(lines))
        lines.append(ne.to_json(events[index % len(events)]))
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path, bad_lines


def test_convert_jsonl_reports_every_bad_line_and_writes_every_good_one(tmp_path, capsys):
    """1,000 good lines and 10 bad: 10 errors with their lines, 1,000 events out in order, exit 1."""
    path, bad_lines = _jsonl_with_bad_lines(tmp_path, 1000, 100)
    code, out, err = run(capsys, "convert", "--to", "jsonl", str(path))
    assert 1 == code
    assert 1000 == len(out.splitlines())
    events = seed_events()
    assert [events[i % len(events)] for i in range(1000)] == [ne.from_json(line) for line in out.splitlines()]
    for line in bad_lines:
        assert f"line {line})" in err
    assert "1,010 records in, 1,000 events out, 10 failed" in err


def test_validate_jsonl_reports_every_bad_line(tmp_path, capsys):
    """validate names each bad record of a JSON Lines file, not only the first."""
    path, bad_lines = _jsonl_with_bad_lines(tmp_path, 100, 10)
    code, _, err = run(capsys, "validate", str(path))
    assert 1 == code
    assert len(bad_lines) == err.count("$.targets")
    assert "1 file in, 0 valid, 1 failed" in err


def test_parse_several_files_to_json_is_one_array(tmp_path, capsys):
    """parse a.txt b.txt --to json prints one JSON array holding the events of both."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SEED.read_text(encoding="utf-8"))
    second.write_text("date 2020-01-02\nTalks\n\nAnn Lee spoke by phone with Bob Stone on Wednesday.\n")
    code, out, err = run(capsys, "parse", str(first), str(second), "--to", "json")
    assert 0 == code
    events = ne.from_json(out)
    assert {"a", "b"} == {event.source for event in events}
    assert "2 files in" in err


def test_parse_several_files_to_newsml_is_one_message(tmp_path, capsys):
    """Several files --to newsml give one newsMessage that the schema accepts."""
    from newsevents.newsml import from_newsml, validate

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SEED.read_text(encoding="utf-8"))
    second.write_text("date 2020-01-02\nTalks\n\nAnn Lee spoke by phone with Bob Stone on Wednesday.\n")
    code, out, _ = run(capsys, "parse", str(first), str(second), "--to", "newsml")
    assert 0 == code
    assert 1 == out.count("<newsMessage")
    validate(out.encode())
    assert {"a", "b"} == {event.source for event in from_newsml(out.encode())}


def test_parse_jobs_for_text_files_gives_the_same_output(tmp_path, capsys):
    """--jobs is honoured for text files, and keeps input order."""
    files = []
    for index in range(3):
        path = tmp_path / f"a{index}.txt"
        path.write_text(SEED.read_text(encoding="utf-8"))
        files.append(str(path))
    _, single, _ = run(capsys, "parse", *files)
    code, double, _ = run(capsys, "parse", "--jobs", "2", *files)
    assert (0, single) == (code, double)


def test_parse_max_chars_refuses_only_the_long_record(tmp_path, capsys):
    """--max-chars refuses a longer article with a clear line; the others are parsed."""
    short, long_ = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(SEED.read_text(encoding="utf-8"))
    long_.write_text("word " * 2000)
    code, out, err = run(capsys, "parse", "--max-chars", "5000", str(long_), str(short))
    assert 1 == code
    assert "long.txt (id 'long'): the text has 10,000 characters, more than max_chars=5,000" in err
    assert out
    assert "2 files in" in err
    assert "1 failed" in err


def test_recogniser_failures_are_counted_in_the_summary(capsys):
    """A recogniser that fails is reported and counted; the exit code says something failed."""
    from newsevents.parsing import register_recogniser, unregister_recogniser

    def broken(article):
        raise RuntimeError("no")

    register_recogniser(ne.PhoneCall)(broken)
    try:
        code, out, err = run(capsys, "parse", str(SEED))
    finally:
        unregister_recogniser(broken)
    assert 1 == code
    assert out  # the other recognisers' events are written
    assert "1 recogniser failures" in err
    assert "RuntimeError: no" in err


def test_output_to_a_full_disk_is_one_line_and_a_summary():
    """Writing to /dev/full: one clear line, the summary, exit 1, no traceback."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "newsevents", "parse", str(SEED)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            text=True,
        )
    assert 1 == done.returncode
    assert "cannot write the output: No space left on device" in done.stderr
    assert "1 file in" in done.stderr
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr


def test_closed_stdout_is_one_line():
    """With stdout closed: one clear line and exit 1, no traceback."""
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m newsevents parse "{SEED}" >&-'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 1 == done.returncode
    assert "Traceback" not in done.stderr
    assert "newsevents:" in done.stderr


def test_a_dead_worker_is_one_line_and_a_summary(tmp_path, capsys, monkeypatch):
    """A worker process that dies stops the batch with one line and the summary of what was written."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def dying(*args, **kwargs):
        yield from ()
        raise BrokenProcessPool("killed")

    monkeypatch.setattr(ProcessPoolExecutor, "map", dying)
    code, _, err = run(capsys, "parse", "--from", "jsonl", "--jobs", "2", str(batch(tmp_path)))
    assert 1 == code
    assert "a worker process died" in err
    assert "written before the error" in err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_convert_reads_newsml_with_a_bom_or_in_utf16(tmp_path, capsys, encoding):
    """NewsML-G2 with a BOM or in UTF-16 is read as XML, not taken for JSON."""
    document = ne.to_newsml(seed_events()).decode("utf-8")
    document = document.replace('encoding="UTF-8"', f'encoding="{"UTF-16" if "16" in encoding else "UTF-8"}"')
    source = tmp_path / "events.xml"
    source.write_bytes(document.encode(encoding))
    code, out, err = run(capsys, "convert", "--to", "json", str(source))
    assert 0 == code, err
    assert seed_events() == ne.from_json(out)


def test_broken_pretty_json_is_reported_at_its_line(tmp_path, capsys):
    """A syntax error on line 56 of a pretty-printed JSON document is reported at line 56."""
    text = json.dumps(json.loads(ne.to_json(seed_events())), indent=2)
    lines = text.splitlines()
    lines[55] = lines[55] + " oops"
    source = tmp_path / "events.json"
    source.write_text("\n".join(lines))
    code, _, err = run(capsys, "convert", "--to", "json", str(source))
    assert 1 == code
    assert "line 56" in err


def test_non_utf8_json_is_named_clearly(tmp_path, capsys):
    """convert and validate say 'not UTF-8' with the byte, as parse does."""
    source = tmp_path / "events.json"
    source.write_bytes(b'{"type": "\xff"}')
    for command in (("convert", "--to", "json"), ("validate",)):
        code, _, err = run(capsys, *command, str(source))
        assert 1 == code
        assert "not UTF-8 (byte 10)" in err
        assert "surrogate" not in err


def test_validate_a_directory_names_it_once(tmp_path, capsys):
    """validate DIR says what is wrong, naming the path once."""
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert 1 == code
    first = err.splitlines()[0]
    assert 1 == first.count(str(tmp_path))
    assert "is a directory" in first


def test_newsml_output_is_reproducible(monkeypatch, capsys):
    """SOURCE_DATE_EPOCH (or --created) fixes the NewsML-G2 timestamps; the output ends with a newline."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")
    _, first, _ = run(capsys, "parse", str(SEED), "--to", "newsml")
    _, second, _ = run(capsys, "parse", str(SEED), "--to", "newsml")
    assert first == second
    assert "2020-01-01T00:00:00" in first
    assert first.endswith("\n")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    _, third, _ = run(capsys, "parse", str(SEED), "--to", "newsml", "--created", "2021-02-03T04:05:06Z")
    assert "2021-02-03T04:05:06" in third


def test_every_command_has_a_description(capsys):
    """--help of every command says what it does, beyond the usage line."""
    for command in ("parse", "convert", "validate", "schema", "types"):
        _, out, _ = run(capsys, command, "--help")
        _usage, _, rest = out.partition("\n\n")
        assert rest.split("\n\n")[0].strip(), command
        assert not rest.lstrip().startswith(("positional", "options")), command


def test_types_says_which_types_parse_finds(capsys):
    """types shows each type's definition and whether parse finds it (ForeignEvent is read only)."""
    _, out, _ = run(capsys, "types")
    foreign = out.split("ForeignEvent", 1)[1].split("\n\n")[0]
    assert "none (read from documents only)" in foreign
    assert "PhoneCall (phone call): A telephone conversation" in out


# --------------------------------------------------------------------------- tables and ninjs (#12)


def test_parse_to_csv_has_the_union_header_first(tmp_path, capsys):
    """--to csv writes the header of every registered type's columns, then one row per event."""
    import csv
    import io

    from newsevents import table

    code, out, _ = run(capsys, "parse", str(SEED), "--to", "csv")
    assert 0 == code
    rows = list(csv.reader(io.StringIO(out)))
    assert table.column_names() == rows[0]
    assert len(ne.parse(SEED.read_text(encoding="utf-8"))) == len(rows) - 1
    code, out, _ = run(capsys, "parse", str(SEED), "--to", "csv", "--types", "PhoneCall")
    assert 1 == code  # the seed has events of other types: each is refused, the calls are written
    assert table.column_names(["PhoneCall"]) == next(csv.reader(io.StringIO(out)))


def test_parse_to_parquet_needs_an_output_file(tmp_path, capsys):
    """Parquet is refused on stdout with a clear message, and written with --output."""
    import pandas as pd

    code, _, err = run(capsys, "parse", str(SEED), "--to", "parquet")
    assert 2 == code
    assert "--to parquet needs --output FILE" in err
    target = tmp_path / "events.parquet"
    code, _, err = run(capsys, "parse", str(SEED), "--to", "parquet", "--output", str(target))
    assert 0 == code, err
    frame = pd.read_parquet(target)
    assert sorted(e.id for e in ne.parse(SEED.read_text(encoding="utf-8"), source=SEED.stem)) == sorted(
        frame["id"]
    )


def test_ninjs_out_and_back_through_the_command_line(tmp_path, capsys):
    """--to ninjs writes a valid document; validate and convert read it with --from ninjs."""
    source = tmp_path / "events.json"
    source.write_text(ne.to_json(seed_events()))
    code, out, _ = run(capsys, "convert", "--to", "ninjs", str(source))
    assert 0 == code
    document = tmp_path / "events.ninjs.json"
    document.write_text(out)
    code, out, err = run(capsys, "validate", "--from", "ninjs", str(document))
    assert (0, f"{document}: valid") == (code, out.strip()), err
    code, out, _ = run(capsys, "convert", "--from", "ninjs", "--to", "json", str(document))
    assert (0, seed_events()) == (code, ne.from_json(out))


def test_output_option_writes_a_file(tmp_path, capsys):
    """--output FILE writes the document there and nothing to stdout."""
    target = tmp_path / "events.jsonl"
    code, out, _ = run(capsys, "parse", str(SEED), "--output", str(target))
    assert (0, "") == (code, out)
    assert target.read_text().count("\n") == len(ne.parse(SEED.read_text(encoding="utf-8")))


def test_a_huge_id_gives_a_short_message(tmp_path, capsys):
    """A bad record's id is quoted in at most about 80 characters, however long it is."""
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "x" * 200_000, "text": 5}) + "\n")
    code, _, err = run(capsys, "parse", "--from", "jsonl", str(path))
    assert 1 == code
    assert len(err.splitlines()[0]) < 300
    assert "200,000 characters" in err
