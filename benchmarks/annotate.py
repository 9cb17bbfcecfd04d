"""
Tools for annotating the pool sample: show articles, check drafts, write gold with offsets.

Annotators read the pool's articles and write *drafts* outside the project, one JSON
object per article, with each event's evidence quoted verbatim (see
``docs/annotation.md``). This script turns drafts into the committed form, in which no
sentence of a pool article appears: the evidence becomes ``evidence_span`` (character
offsets into the article text) and ``evidence_sha1`` (SHA-1 of that span, UTF-8).

Usage::

    python benchmarks/annotate.py show ID [ID ...]            # print articles to annotate
    python benchmarks/annotate.py show --list FILE            # the ids listed in FILE
    python benchmarks/annotate.py check DRAFT.jsonl [...]     # report every problem in drafts
    python benchmarks/annotate.py finalize OUT.jsonl DRAFT.jsonl [...]
    python benchmarks/annotate.py diff tune|blind A.jsonl B.jsonl  # disagreements, for adjudication

The pool is read from ``../shared/corpus/pool`` (next to the project root) unless
``NEWSEVENTS_POOL`` names another folder. Nothing here imports ``newsevents``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POOL = Path(os.environ.get("NEWSEVENTS_POOL", ROOT.parent / "shared" / "corpus" / "pool"))

TYPES = ("PhoneCall", "PardonRequest", "Sentencing", "Airstrike")
#: The fields of each type after the common ones, in the order the gold files write them.
FIELDS: dict[str, tuple[str, ...]] = {
    "PhoneCall": ("participants", "initiator"),
    "PardonRequest": ("requester", "addressee", "beneficiary"),
    "Sentencing": ("defendant", "penalty", "term_months", "court_country", "offence"),
    "Airstrike": ("attacker", "location", "targets", "killed"),
}
PENALTIES = ("prison", "death", "life", "fine", "suspended", "community", "other")
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", re.ASCII)
_COUNTRY = re.compile(r"[A-Z]{2}", re.ASCII)


def load_pool(folder: Path = POOL) -> dict[str, dict[str, Any]]:
    """Every pool article by id."""
    articles: dict[str, dict[str, Any]] = {}
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles[record["id"]] = record
    return articles


def load_sample(folder: Path = POOL) -> dict[str, tuple[str, str]]:
    """The sample's ids with their (family, half)."""
    rows = (folder / "sample.tsv").read_text(encoding="utf-8").splitlines()[1:]
    sample: dict[str, tuple[str, str]] = {}
    for row in rows:
        article, family, half = row.split("\t")
        sample[article] = (family, half)
    return sample


def sha1(text: str) -> str:
    """The SHA-1 of a text in UTF-8, as hex."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- show


def show(ids: Iterable[str], articles: dict[str, dict[str, Any]]) -> str:
    """The articles as an annotator reads them: id, publication day and weekday, text."""
    out: list[str] = []
    for article in ids:
        record = articles[article]
        published = record["published"]
        weekday = dt.date.fromisoformat(published).strftime("%A") if published else "-"
        out.append(f"===== {article}")
        out.append(f"published: {published} ({weekday})")
        out.append("-----")
        out.append(record["text"])
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- check


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value and bool(value)


def _check_date(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return f"date {value!r} is not a calendar date"
    return None


def _phrase_problem(field: str, value: Any, text: str) -> str | None:
    if not _is_name(value):
        return f"{field} {value!r} must be a non-empty trimmed string"
    if value.lower() not in text.lower():
        return f"{field} {value!r} is not a phrase of the article (copy its own words)"
    return None


def event_problems(event: dict[str, Any], text: str) -> list[str]:
    """Everything wrong with one draft event, as messages."""
    kind = event.get("type")
    if kind not in TYPES:
        return [f"type {kind!r} is not one of {', '.join(TYPES)}"]
    problems: list[str] = []
    allowed = {"type", "date", "evidence", "evidence_occurrence", "optional", "note", *FIELDS[kind]}
    problems += [f"unknown key {key!r}" for key in event if key not in allowed]
    problems += [
        f"missing key {key!r}" for key in ("date", "evidence", "optional", *FIELDS[kind]) if key not in event
    ]
    if problems:
        return problems
    if (problem := _check_date(event["date"])) is not None:
        problems.append(problem)
    evidence = event["evidence"]
    occurrence = event.get("evidence_occurrence", 1)
    if not isinstance(evidence, str) or not evidence.strip():
        problems.append("evidence must be a non-empty string")
    elif text.count(evidence) == 0:
        problems.append(f"evidence is not an exact substring of the text: {evidence[:80]!r}")
    elif not isinstance(occurrence, int) or not 1 <= occurrence <= text.count(evidence):
        problems.append(
            f"evidence_occurrence {occurrence!r} but the evidence occurs {text.count(evidence)} times"
        )
    if not isinstance(event["optional"], bool):
        problems.append("optional must be true or false")
    for field in ("initiator", "requester", "addressee", "attacker", "location"):
        if field in event and event[field] is not None and not _is_name(event[field]):
            problems.append(f"{field} must be a name or null")
    for field in ("beneficiary", "defendant"):
        if field in event and not _is_name(event[field]):
            problems.append(f"{field} must be a name")
    if kind == "PhoneCall":
        participants = event["participants"]
        if (
            not isinstance(participants, list)
            or len(participants) < 2
            or not all(map(_is_name, participants))
        ):
            problems.append("participants must be a list of two or more names")
    if kind == "Sentencing":
        if event["penalty"] not in PENALTIES:
            problems.append(f"penalty {event['penalty']!r} is not one of {', '.join(PENALTIES)}")
        term = event["term_months"]
        if term is not None and (not isinstance(term, int) or isinstance(term, bool) or term < 0):
            problems.append("term_months must be a non-negative integer or null")
        country = event["court_country"]
        if country is not None and (not isinstance(country, str) or not _COUNTRY.fullmatch(country)):
            problems.append("court_country must be an ISO 3166-1 alpha-2 code or null")
        if event["offence"] is not None and (problem := _phrase_problem("offence", event["offence"], text)):
            problems.append(problem)
    if kind == "Airstrike":
        targets = event["targets"]
        if not isinstance(targets, list):
            problems.append("targets must be a list")
        else:
            problems += [p for target in targets if (p := _phrase_problem("target", target, text))]
        killed = event["killed"]
        if killed is not None and (not isinstance(killed, int) or isinstance(killed, bool) or killed < 0):
            problems.append("killed must be a non-negative integer or null")
    return problems


def read_drafts(paths: Sequence[Path]) -> Iterator[tuple[str, int, dict[str, Any] | None, str | None]]:
    """(file, line, record or None, JSON error or None) for every non-blank draft line."""
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield str(path), number, None, f"not JSON: {error}"
                continue
            if not isinstance(record, dict):
                yield str(path), number, None, "not a JSON object"
                continue
            yield str(path), number, record, None


def check(paths: Sequence[Path], articles: dict[str, dict[str, Any]], sample: dict[str, Any]) -> list[str]:
    """Every problem in the drafts, as ``file:line: message`` lines; empty when they are clean."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path, number, record, error in read_drafts(paths):
        where = f"{path}:{number}"
        if record is None:
            problems.append(f"{where}: {error}")
            continue
        article = record.get("id")
        if article not in sample:
            problems.append(f"{where}: id {article!r} is not in the sample")
            continue
        if article in seen:
            problems.append(f"{where}: {article} already annotated at {seen[article]}")
        seen[article] = where
        problems += [f"{where}: unknown key {key!r}" for key in record if key not in ("id", "events", "note")]
        events = record.get("events")
        if not isinstance(events, list):
            problems.append(f"{where}: events must be a list (empty when the article has none)")
            continue
        text = articles[article]["text"]
        for index, event in enumerate(events):
            if not isinstance(event, dict):
                problems.append(f"{where}: event {index} is not an object")
                continue
            problems += [
                f"{where}: event {index} ({event.get('type')}): {p}" for p in event_problems(event, text)
            ]
    return problems


# --------------------------------------------------------------------------- finalize


def finalize_record(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """A checked draft record in the committed form: offsets and a hash instead of evidence text."""
    text = article["text"]
    events: list[dict[str, Any]] = []
    for event in record["events"]:
        start = -1
        for _ in range(event.get("evidence_occurrence", 1)):
            start = text.index(event["evidence"], start + 1)
        end = start + len(event["evidence"])
        out: dict[str, Any] = {
            "type": event["type"],
            "date": event["date"],
            "evidence_span": [start, end],
            "evidence_sha1": sha1(text[start:end]),
            "optional": event["optional"],
        }
        for field in FIELDS[event["type"]]:
            out[field] = event[field]
        events.append(out)
    return {
        "id": article["id"],
        "source": article["source"],
        "published": article["published"],
        "events": events,
    }


def finalize(
    paths: Sequence[Path], articles: dict[str, dict[str, Any]], sample: dict[str, Any]
) -> list[dict[str, Any]]:
    """The committed records of checked drafts, in the order of the sample."""
    order = {article: index for index, article in enumerate(sample)}
    records = [finalize_record(r, articles[r["id"]]) for _p, _n, r, _e in read_drafts(paths) if r]
    return sorted(records, key=lambda record: order[record["id"]])


# --------------------------------------------------------------------------- diff


def _key_words(event: dict[str, Any]) -> set[str]:
    kind = event["type"]
    if kind == "PhoneCall":
        values = event["participants"]
    else:
        key = {"PardonRequest": "beneficiary", "Sentencing": "defendant", "Airstrike": "location"}[kind]
        values = [event[key]] if event[key] else []
    return {word.lower().strip(".,'’") for value in values for word in value.split()}


def _affinity(first: dict[str, Any], second: dict[str, Any]) -> int:
    (a_start, a_end), (b_start, b_end) = first["evidence_span"], second["evidence_span"]
    overlap = a_start < b_end and b_start < a_end
    shared = len(_key_words(first) & _key_words(second))
    needed = 2 if first["type"] == "PhoneCall" else 1
    return 2 * overlap + (shared >= needed)


def pair_events(
    first: list[dict[str, Any]], second: list[dict[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of events of the same type that overlap in evidence or agree on the key slot, best first."""
    candidates = sorted(
        (
            (_affinity(a, b), -i, -j, i, j)
            for i, a in enumerate(first)
            for j, b in enumerate(second)
            if a["type"] == b["type"] and _affinity(a, b) > 0
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    used_first: set[int] = set()
    used_second: set[int] = set()
    for *_rank, i, j in candidates:
        if i not in used_first and j not in used_second:
            pairs.append((i, j))
            used_first.add(i)
            used_second.add(j)
    return (
        sorted(pairs),
        [i for i in range(len(first)) if i not in used_first],
        [j for j in range(len(second)) if j not in used_second],
    )


def _fields(event: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in event.items() if key not in ("evidence_span", "evidence_sha1")}


def diff(
    half: str, first: Path, second: Path, articles: dict[str, dict[str, Any]], sample: dict[str, Any]
) -> str:
    """Every disagreement between two committed passes on one half of the sample, with evidence text."""
    read = {
        name: {
            r["id"]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        }
        for name, path in (("A", first), ("B", second))
    }
    out: list[str] = []
    for article, (family, article_half) in sample.items():
        if article_half != half:
            continue
        text = articles[article]["text"]
        a_events = read["A"].get(article, {}).get("events", [])
        b_events = read["B"].get(article, {}).get("events", [])
        pairs, only_a, only_b = pair_events(a_events, b_events)
        lines: list[str] = []
        for i, j in pairs:
            a, b = _fields(a_events[i]), _fields(b_events[j])
            differing = [key for key in a if a[key] != b.get(key)]
            same_span = a_events[i]["evidence_span"] == b_events[j]["evidence_span"]
            if not differing and same_span:
                continue
            lines.append(f"[{a['type']}] A#{i} ~ B#{j}")
            lines.append(f"    evidence A: {_quote(text, a_events[i])}")
            if not same_span:
                lines.append(f"    evidence B: {_quote(text, b_events[j])}")
            lines += [f"    {key}: A {json.dumps(a[key])} | B {json.dumps(b.get(key))}" for key in differing]
        for name, events, indexes in (("A", a_events, only_a), ("B", b_events, only_b)):
            for index in indexes:
                event = events[index]
                lines.append(f"[{event['type']}] only {name}#{index}: {json.dumps(_fields(event))}")
                lines.append(f"    evidence: {_quote(text, event)}")
        if lines:
            out.append(f"===== {article} ({family}, {len(a_events)} A / {len(b_events)} B events)")
            out += lines
    return "\n".join(out)


def _quote(text: str, event: dict[str, Any]) -> str:
    start, end = event["evidence_span"]
    return text[start:end]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one of the subcommands (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("show", "check", "finalize", "diff"):
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    articles = load_pool()
    sample = load_sample()
    if command == "show":
        ids = Path(rest[1]).read_text(encoding="utf-8").split() if rest[:1] == ["--list"] else rest
        unknown = [article for article in ids if article not in articles]
        if unknown:
            print(f"unknown ids: {', '.join(unknown)}", file=sys.stderr)
            return 2
        print(show(ids, articles))
        return 0
    if command == "diff":
        print(diff(rest[0], Path(rest[1]), Path(rest[2]), articles, sample))
        return 0
    if command == "check":
        problems = check([Path(p) for p in rest], articles, sample)
        print("\n".join(problems) if problems else "clean")
        return 1 if problems else 0
    out, drafts = Path(rest[0]), [Path(p) for p in rest[1:]]
    problems = check(drafts, articles, sample)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    records = finalize(drafts, articles, sample)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{out}: {len(records)} articles, {sum(len(r['events']) for r in records)} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
