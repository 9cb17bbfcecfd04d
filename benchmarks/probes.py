"""
Probes of `newsevents.parse` on the unannotated pool, for the engineers improving the parser.

Usage::

    python benchmarks/probes.py recall [--type T] [--groups N] [--examples K] [--context W]
    python benchmarks/probes.py alarms [--type T] [--width C]
    python benchmarks/probes.py dump /tmp/pool.jsonl
    python benchmarks/probes.py shift /tmp/before.jsonl /tmp/after.jsonl

- ``recall``: sentences with a trigger word of a type in which `parse` found no event of
  that type, grouped by the trigger's lemma and two words either side (capitalised words
  written ``Cap``, numbers ``N``), largest groups first: the constructions the rules miss.
- ``alarms``: every event `parse` finds, one line each (type, rule, article id, evidence),
  then counts per type and rule: skim for false alarms.
- ``dump``: the pool as ``newsevents parse --from jsonl`` input, to a path outside the project.
- ``shift``: events gained, lost and changed between two ``newsevents parse --from jsonl``
  outputs (before and after a rule change).

The pool folder is ``$NEWSEVENTS_POOL``, by default ``../shared/corpus/pool`` next to the
project root. Every id listed in its ``sample.tsv`` (the evaluation sample, both halves) is
left out of everything: its text is never parsed, printed or written, and ``shift`` refuses a
dump that names one. See docs/probes.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import newsevents

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PhoneCall", "PardonRequest", "Sentencing", "Airstrike")
#: Exit code of a refusal (a sample id in a dump, an output inside the project).
REFUSED = 2


# --------------------------------------------------------------------------- pool


def pool_dir() -> Path:
    """The pool folder: ``$NEWSEVENTS_POOL``, else ``../shared/corpus/pool`` beside the project."""
    env = os.environ.get("NEWSEVENTS_POOL")
    return Path(env) if env else ROOT.parent / "shared" / "corpus" / "pool"


def sample_ids(pool: Path | None = None) -> frozenset[str]:
    """Every id of the pool's ``sample.tsv`` (both halves): never read, printed or computed on."""
    path = (pool or pool_dir()) / "sample.tsv"
    ids: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            first = line.rstrip("\n").split("\t", 1)[0].strip()
            if first and not (number == 0 and first == "id"):
                ids.add(first)
    return frozenset(ids)


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: str | None


def articles(pool: Path | None = None) -> Iterator[Article]:
    """The pool's articles, in file order, without the sample's."""
    pool = pool or pool_dir()
    excluded = sample_ids(pool)
    with (pool / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if record["id"] in excluded:
                continue
            yield Article(record["id"], record["text"], record.get("published"))


def parsed(pool: Path | None = None) -> Iterator[tuple[Article, list[Any]]]:
    """Each non-sample article with the events `parse` finds in it (each article parsed once)."""
    for article in articles(pool):
        published = date.fromisoformat(article.published) if article.published else None
        yield article, newsevents.parse(article.text, published=published, source=article.id)


def trim(text: str, width: int = 200) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


# --------------------------------------------------------------------------- sentences

#: Words that end with a period without ending the sentence (compared lower-case, without the period).
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "maj", "capt", "cpt", "sgt",
        "adm", "cmdr", "gov", "sen", "rep", "rev", "pres", "supt", "insp", "hon", "messrs", "mt", "ft",
        "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.a.e", "d.c", "n.y", "l.a", "a.m", "p.m", "e.g", "i.e",
        "inc", "corp", "co", "ltd", "plc", "no", "nos", "vs", "v", "etc", "approx", "dept", "est", "fig",
    }
)  # fmt: skip
#: A candidate sentence end: . ! or ? (with closing quotes or brackets), space, then a capital,
#: an opening quote or a digit.
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"'“‘(0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: lines split on . ! ? as the module says."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _END.finditer(line):
            if line[match.start()] == "." and _is_abbreviation(line[start : match.start()]):
                continue
            end = match.end() - (len(match.group()) - len(match.group().rstrip()))
            _add(spans, line, offset, start, end)
            start = match.end()
        _add(spans, line, offset, start, len(line))
        offset += len(line) + 1
    return spans


def _is_abbreviation(before: str) -> bool:
    tail = before[-20:].split()
    if not tail:
        return False
    word = tail[-1].lstrip("\"'“‘(").lower()
    # A single letter is an initial ("John F. Kennedy"); U.S.-style words carry inner periods.
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _add(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + len(piece.rstrip())))


# --------------------------------------------------------------------------- triggers


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"\w+(?:[’'.:/-]\w+|,\d+)*")
#: Capitalised words that are not names: lower-cased in keys so a sentence start is not ``Cap``.
FUNCTION_WORDS = _set(
    """a an the this that these those he she it they we i you his her its their our my
    in on at by for from to of with as after before during when while if but and or so
    there here what who which why how where mr mrs ms"""
)
_DAYS_MONTHS = _set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december"""
)
#: Nouns for detained people: "free", "freed", "release of", "to release" count next to one.
DETAINEE_NOUNS = _set(
    """prisoner prisoners detainee detainees hostage hostages journalist journalists activist activists
    captive captives inmate inmates dissident dissidents blogger bloggers reporter reporters
    abductee abductees"""
)

#: Per type, each trigger's lemma (what keys show) and pattern, in priority order: where two could
#: match at one place, the first listed wins, so the longer forms come first.
TRIGGERS: dict[str, tuple[tuple[str, str], ...]] = {
    "PhoneCall": (
        ("telephone call", r"tele-?phone[- ]calls?"),
        ("phone call", r"phone[- ]calls?"),
        ("telephone", r"telephone[ds]?"),
        ("phone", r"phone[ds]?"),
        ("ring", r"rang"),
    ),
    "PardonRequest": (
        ("pardon", r"pardon(?:s|ed|ing)?"),
        ("clemency", r"clemency"),
        ("amnesty", r"amnesty"),
        ("commute", r"commut(?:e|es|ed|ing)"),
        ("commutation", r"commutations?"),
    ),
    "Sentencing": (
        ("sentence", r"sentenc(?:e|es|ed|ing)"),
        ("jail", r"jailed"),
        ("prison term", r"prison terms?"),
        ("years in prison", r"years? in prison"),
    ),
    "Airstrike": (
        ("airstrike", r"air[- ]?strikes?"),
        ("air raid", r"air[- ]?raids?"),
        ("warplane", r"warplanes?"),
        ("aircraft", r"aircraft"),
        ("drone", r"drones?"),
        ("helicopter", r"helicopters?"),
        ("bombing", r"bombings?"),
        ("bomb", r"bombed"),
        ("jet", r"jets"),
    ),
}
#: One pattern of every trigger: group ``t<i>`` is the i-th of ``_LEMMAS``, ``(type, lemma)``.
#: (One scan for all types, with the first letters checked ahead, is several times faster than one per
#: type or per trigger.)
_LEMMAS = tuple((type_, lemma) for type_, pairs in TRIGGERS.items() for lemma, _ in pairs)
_FIRST = "".join(sorted({pattern[0] for pairs in TRIGGERS.values() for _, pattern in pairs}))
_TRIGGER = re.compile(
    rf"\b(?=[{_FIRST}])(?:"
    + "|".join(
        f"(?P<t{i}>{pattern})"
        for i, pattern in enumerate(pattern for pairs in TRIGGERS.values() for _, pattern in pairs)
    )
    + r")\b",
    re.IGNORECASE,
)
#: PardonRequest triggers that count only within ``NEAR`` words of a name or a detainee noun:
#: "free", "freed", "freeing", and "release" in "release of" or "to release".
_RELEASE = re.compile(r"\b(?:free|freed|freeing|release)\b", re.IGNORECASE)
NEAR = 3


@dataclass(frozen=True)
class Hit:
    """A trigger word in a sentence: its type, lemma and span in the article text."""

    type: str
    lemma: str
    start: int
    end: int


def _tokens(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their spans (plus ``base``), outer quotes, periods and hyphens stripped."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().strip("'’.-")
        if word:
            out.append((word, base + match.start(), base + match.end()))
    return out


def _is_name(word: str, first: bool) -> bool:
    """A capitalised word that can be (part of) a person's name: not the sentence's first word,
    not an all-capitals abbreviation, a function word, a day or a month."""
    return (
        not first
        and len(word) > 1
        and word[0].isupper()
        and any(c.islower() for c in word[1:])
        and word.lower() not in FUNCTION_WORDS
        and word.lower() not in _DAYS_MONTHS
    )


def triggers(text: str, start: int, end: int, types: Sequence[str] = TYPES) -> list[Hit]:
    """The trigger words of ``types`` in the sentence ``text[start:end]``, in text order."""
    hits: list[Hit] = []
    for match in _TRIGGER.finditer(text, start, end):
        type_, lemma = _LEMMAS[int(str(match.lastgroup)[1:])]
        if type_ in types:
            hits.append(Hit(type_, lemma, match.start(), match.end()))
    if "PardonRequest" in types and _RELEASE.search(text, start, end):
        hits.extend(_release_hits(text, start, end))
    hits.sort(key=lambda hit: (hit.start, hit.type))
    return hits


def _release_hits(text: str, start: int, end: int) -> list[Hit]:
    """free / freed / "release of" / "to release" within ``NEAR`` words of a name or a detainee noun.

    A capitalised "Free" inside a sentence is part of a name ("Free Syrian Army"), not a trigger.
    """
    words = _tokens(text[start:end], start)
    hits: list[Hit] = []
    for index, (word, word_start, word_end) in enumerate(words):
        lower = word.lower()
        if not _RELEASE.fullmatch(word) or (index and not word.islower()):
            continue
        if lower == "release":
            after = words[index + 1][0].lower() if index + 1 < len(words) else ""
            before = words[index - 1][0].lower() if index else ""
            if after != "of" and before != "to":
                continue
        near = [*words[max(0, index - NEAR) : index], *words[index + 1 : index + 1 + NEAR]]
        if any(
            other.lower() in DETAINEE_NOUNS or _is_name(other, first=other_start == words[0][1])
            for other, other_start, _ in near
        ):
            lemma = "free" if lower.startswith("free") else "release"
            hits.append(Hit("PardonRequest", lemma, word_start, word_end))
    return hits


_NUMBER = re.compile(r"\d[\d,.:/]*(?:s|st|nd|rd|th)?|\d+-\w+", re.IGNORECASE)
NUMBER_WORDS = _set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions dozen dozens"""
)


def _shape(word: str) -> str:
    """A context word as keys show it: ``N`` for a number, ``Cap`` for a capitalised word, else lower case."""
    if _NUMBER.fullmatch(word) or word.lower().split("-")[0] in NUMBER_WORDS:
        return "N"
    if word[0].isupper() and word.lower() not in FUNCTION_WORDS:
        return "Cap"
    return word.lower()


def group_key(text: str, start: int, end: int, hit: Hit, width: int = 2) -> str:
    """``width`` words either side of the trigger, shaped (``Cap``, ``N``), around its lemma."""
    before = _tokens(text[start : hit.start])[-width:] if width else []
    after = _tokens(text[hit.end : end])[:width] if width else []
    return " ".join([*(_shape(w) for w, _, _ in before), hit.lemma, *(_shape(w) for w, _, _ in after)])


# --------------------------------------------------------------------------- recall


@dataclass
class Group:
    """Missed trigger hits that share a key: their count and the first few (article id, excerpt)."""

    type: str
    key: str
    count: int
    examples: list[tuple[str, str]]


@dataclass
class Recall:
    """The recall probe's result: per type, its groups (largest first) and its hits per lemma."""

    groups: dict[str, list[Group]]
    lemmas: dict[str, Counter[str]]
    sentences: Counter[str]


def excerpt(text: str, start: int, end: int, hit: Hit, width: int = 200) -> str:
    """The sentence on one line with the trigger in «», cut to about ``width`` characters around it."""
    before = " ".join(text[start : hit.start].split())
    after = " ".join(text[hit.end : end].split())
    word = f"«{text[hit.start : hit.end]}»"
    room = max(width - len(word), 20)
    left = min(len(before), max(room // 3, room - len(after)))
    right = room - left
    if left < len(before):
        before = "…" + before[len(before) - left + 1 :]
    if right < len(after):
        after = after[: right - 1] + "…"
    space = " " if text[start : hit.start][-1:].isspace() else ""
    tail = " " if text[hit.end : end][:1].isspace() else ""
    return f"{before}{space}{word}{tail}{after}".strip()


def recall(
    pool: Path | None = None, types: Sequence[str] = TYPES, examples: int = 3, context: int = 2
) -> Recall:
    """Trigger words in sentences where `parse` found no event of the trigger's type, grouped.

    A hit counts once per sentence and key, and a sentence repeated word for word in one article
    (a list of related headlines) once. A sentence has an event of a type when the evidence of one
    overlaps it.
    """
    found: dict[tuple[str, str], Group] = {}
    lemmas: dict[str, Counter[str]] = {type_: Counter() for type_ in types}
    missed: Counter[str] = Counter()
    for article, events in parsed(pool):
        text = article.text
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for event in events:
            spans[type(event).__name__].append((event.evidence.start, event.evidence.end))
        read: set[str] = set()
        for start, end in sentences(text):
            sentence = " ".join(text[start:end].split())
            if sentence in read:
                continue
            read.add(sentence)
            seen: set[tuple[str, str]] = set()
            for hit in triggers(text, start, end, types):
                if any(a < end and start < b for a, b in spans[hit.type]):
                    continue
                ident = (hit.type, group_key(text, start, end, hit, context))
                if ident in seen:
                    continue
                if not any(type_ == hit.type for type_, _ in seen):
                    missed[hit.type] += 1
                seen.add(ident)
                lemmas[hit.type][hit.lemma] += 1
                group = found.setdefault(ident, Group(hit.type, ident[1], 0, []))
                group.count += 1
                if len(group.examples) < examples:
                    group.examples.append((article.id, excerpt(text, start, end, hit)))
    groups: dict[str, list[Group]] = {type_: [] for type_ in types}
    for group in found.values():
        groups[group.type].append(group)
    for listed in groups.values():
        listed.sort(key=lambda g: (-g.count, g.key))
    return Recall(groups, lemmas, missed)


def recall_groups(
    pool: Path | None = None, types: Sequence[str] = TYPES, examples: int = 3, context: int = 2
) -> dict[str, list[Group]]:
    """Per type, the groups of missed trigger hits, largest first (ties by key)."""
    return recall(pool, types, examples, context).groups


def cmd_recall(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    types = [args.type] if args.type else list(TYPES)
    result = recall(types=types, examples=args.examples, context=args.context)
    for type_ in types:
        groups = result.groups[type_]
        hits = sum(g.count for g in groups)
        print(
            f"== {type_}: {hits} trigger hits in {result.sentences[type_]} sentences with no "
            f"{type_} event; {len(groups)} groups (showing {min(len(groups), args.groups)})"
        )
        print("   by lemma: " + ", ".join(f"{lemma} {n}" for lemma, n in result.lemmas[type_].most_common()))
        for group in groups[: args.groups]:
            print(f"{group.count:5d}  {group.key}")
            for article_id, sentence in group.examples:
                print(f"         [{article_id}] {sentence}")
        print()
    print(f"probes: recall took {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- alarms


def cmd_alarms(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    lines: list[tuple[int, str, str]] = []
    for article, events in parsed():
        for event in events:
            type_ = type(event).__name__
            if args.type and type_ != args.type:
                continue
            rule = event.evidence.rule or "-"
            line = f"{type_}\t{rule}\t{article.id}\t{trim(event.evidence.text, args.width)}"
            lines.append((_type_order(type_), rule, line))
    # By type and rule, so that one rule's events are read together; articles in pool order.
    lines.sort(key=lambda item: item[:2])
    for _, _, line in lines:
        print(line)
    print()
    _print_counts("events", Counter((line.split("\t", 1)[0], rule) for _, rule, line in lines))
    print(f"probes: alarms took {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return 0


def _type_order(type_: str) -> int:
    return TYPES.index(type_) if type_ in TYPES else len(TYPES)


def _print_counts(title: str, counts: Counter[tuple[str, str]]) -> None:
    by_type: Counter[str] = Counter()
    for (type_, _), n in counts.items():
        by_type[type_] += n
    print(f"{title}: {sum(counts.values())}")
    for type_ in sorted(by_type, key=lambda t: (_type_order(t), t)):
        print(f"  {type_}: {by_type[type_]}")
        for (t, rule), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            if t == type_:
                print(f"    {n:5d}  {rule}")


# --------------------------------------------------------------------------- dump


def cmd_dump(args: argparse.Namespace) -> int:
    out = Path(args.out).resolve()
    if out.is_relative_to(ROOT):
        print(
            f"probes: refusing to write pool texts inside the project ({out}); use e.g. /tmp", file=sys.stderr
        )
        return REFUSED
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for article in articles():
            record = {"id": article.id, "text": article.text, "published": article.published}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"probes: {count} articles written to {out} (sample ids left out)", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- shift


class RefusedError(Exception):
    """A dump that must not be read (it names a sample id)."""


Identity = tuple[str, str, int, int]


def read_events(path: Path, excluded: frozenset[str]) -> list[dict[str, Any]]:
    """The events of a ``newsevents parse --from jsonl`` output; refuses one naming a sample id."""
    events: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            event = json.loads(line)
            if event.get("source") in excluded:
                raise RefusedError(
                    f"{path}:{number}: an event of a sample.tsv article; "
                    "dump the pool with `probes.py dump` (which leaves the sample out)"
                )
            events.append(event)
    return events


def identity(event: dict[str, Any]) -> Identity:
    """An event is identified by its source, type and evidence span."""
    evidence = event.get("evidence") or {}
    return (
        str(event.get("source")),
        str(event.get("type")),
        evidence.get("start", -1),
        evidence.get("end", -1),
    )


@dataclass
class Shift:
    gained: list[dict[str, Any]]
    lost: list[dict[str, Any]]
    changed: list[tuple[dict[str, Any], dict[str, Any]]]


def shift(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> Shift:
    """Events gained, lost and changed (same identity, other fields) from ``before`` to ``after``.

    Several events may share an identity (two defendants in one sentence): equal events pair
    first, then the rest pair in order as changed, and what is left is gained or lost.
    """
    olds: dict[Identity, list[dict[str, Any]]] = defaultdict(list)
    news: dict[Identity, list[dict[str, Any]]] = defaultdict(list)
    for event in before:
        olds[identity(event)].append(event)
    for event in after:
        news[identity(event)].append(event)
    result = Shift([], [], [])
    for ident in sorted(olds.keys() | news.keys()):
        old = list(olds.get(ident, []))
        new = []
        for event in news.get(ident, []):
            if event in old:
                old.remove(event)
            else:
                new.append(event)
        pairs = min(len(old), len(new))
        result.changed.extend(zip(old[:pairs], new[:pairs], strict=True))
        result.lost.extend(old[pairs:])
        result.gained.extend(new[pairs:])
    return result


def _rule(event: dict[str, Any]) -> str:
    return str((event.get("evidence") or {}).get("rule") or "-")


def _line(event: dict[str, Any], width: int) -> str:
    evidence = (event.get("evidence") or {}).get("text") or ""
    return f"{event.get('type')}\t{_rule(event)}\t{event.get('source')}\t{trim(evidence, width)}"


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
    if keys != ["id"] and "id" in keys:
        keys.remove("id")
    if "evidence" in keys and _rule(old) != _rule(new):
        keys[keys.index("evidence")] = "evidence.rule"
    return keys


def cmd_shift(args: argparse.Namespace) -> int:
    excluded = sample_ids()
    try:
        before = read_events(Path(args.before), excluded)
        after = read_events(Path(args.after), excluded)
    except RefusedError as error:
        print(f"probes: refused: {error}", file=sys.stderr)
        return REFUSED
    result = shift(before, after)
    print(f"before {len(before)} events, after {len(after)} events")
    print(f"gained {len(result.gained)}, lost {len(result.lost)}, changed {len(result.changed)}")
    print()
    for title, events in (
        ("gained", result.gained),
        ("lost", result.lost),
        ("changed", [new for _, new in result.changed]),
    ):
        _print_counts(title, Counter((str(e.get("type")), _rule(e)) for e in events))
    for title, events in (("gained", result.gained), ("lost", result.lost)):
        print(f"\n== {title} ({len(events)})")
        for event in events:
            print(("+ " if title == "gained" else "- ") + _line(event, args.width))
    print(f"\n== changed ({len(result.changed)})")
    for old, new in result.changed:
        print(f"~ {_line(new, args.width)}")
        for key in _differences(old, new):
            part, _, sub = key.partition(".")
            was = (old.get(part) or {}).get(sub) if sub else old.get(part)
            now = (new.get(part) or {}).get(sub) if sub else new.get(part)
            print(f"      {key}: {trim(json.dumps(was, ensure_ascii=False), 100)}")
            print(f"      {' ' * len(key)}→ {trim(json.dumps(now, ensure_ascii=False), 100)}")
    return 0


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="probes.py",
        description="Probes of newsevents.parse on the unannotated pool (sample.tsv ids left out).",
        epilog="The pool is $NEWSEVENTS_POOL, default ../shared/corpus/pool. See docs/probes.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    recall_ = commands.add_parser(
        "recall", help="trigger sentences in which parse found no event of the type"
    )
    recall_.add_argument("--type", choices=TYPES, help="one event type (default: all four)")
    recall_.add_argument("--groups", type=int, default=25, help="groups shown per type (default 25)")
    recall_.add_argument("--examples", type=int, default=3, help="example sentences per group (default 3)")
    recall_.add_argument(
        "--context", type=int, default=2, help="words either side of the trigger in a key (default 2)"
    )
    recall_.set_defaults(run=cmd_recall)

    alarms = commands.add_parser("alarms", help="every event parse finds, one line each, then counts")
    alarms.add_argument("--type", choices=TYPES, help="one event type (default: all four)")
    alarms.add_argument("--width", type=int, default=200, help="evidence characters shown (default 200)")
    alarms.set_defaults(run=cmd_alarms)

    dump = commands.add_parser("dump", help="the non-sample pool as `newsevents parse --from jsonl` input")
    dump.add_argument(
        "out", metavar="OUT.jsonl", help="output path, outside the project (e.g. /tmp/pool.jsonl)"
    )
    dump.set_defaults(run=cmd_dump)

    shift_ = commands.add_parser("shift", help="events gained, lost and changed between two parse outputs")
    shift_.add_argument("before", metavar="BEFORE.jsonl")
    shift_.add_argument("after", metavar="AFTER.jsonl")
    shift_.add_argument("--width", type=int, default=160, help="evidence characters shown (default 160)")
    shift_.set_defaults(run=cmd_shift)

    args = parser.parse_args(argv)
    pool = pool_dir()
    if not (pool / "sample.tsv").is_file() or not (pool / "articles.jsonl").is_file():
        print(
            f"probes: no pool at {pool} (articles.jsonl and sample.tsv); set NEWSEVENTS_POOL", file=sys.stderr
        )
        return REFUSED
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `| head` closed stdout
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
