"""
Score `newsevents.parse` against a folder of articles with ``gold.jsonl``.

Usage::

    python benchmarks/evaluate.py ../shared/corpus/dev

The folder holds ``<id>.txt`` files and ``gold.jsonl`` in the format of the dev
corpus README; scoring follows that README's Scoring section:

- Predictions are read through the library's JSON (`newsevents.to_json`).
- Per article and type, a prediction matches a gold event when its key actor
  matches (PhoneCall: at least two participants; PardonRequest: beneficiary;
  Sentencing: defendant; Airstrike: location) or its evidence overlaps the gold
  evidence; best pairs first, each event used once. Optional gold events count
  neither way; an unmatched prediction is a false alarm.
- Names match, after titles are dropped, when one's words contain the other's or
  their last words agree. States match by ISO code, names and demonyms alike; a
  person never matches a state.
- Scored slots on matched events: date, participants, initiator, requester,
  addressee, penalty, term_months, court_country, attacker, location, killed.

It prints precision, recall and F1 per type and overall, per-slot accuracy on
matched events, the share of matched events with every slot right, per-article
exactness, and the lists of misses, false alarms and wrong slots.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

import newsevents
from newsevents.parsing.actors import country_code, title_groups

TYPES = ("PhoneCall", "PardonRequest", "Sentencing", "Airstrike")
SLOTS: dict[str, tuple[str, ...]] = {
    "PhoneCall": ("date", "participants", "initiator"),
    "PardonRequest": ("date", "requester", "addressee"),
    "Sentencing": ("date", "penalty", "term_months", "court_country"),
    "Airstrike": ("date", "attacker", "location", "killed"),
}
#: Words that, after a demonym, still name the state ("Russian warplanes" is Russia).
_STATE_NOUNS = frozenset(
    {
        "warplanes", "jets", "planes", "aircraft", "forces", "military", "government", "army",
        "air", "force", "troops", "officials", "authorities", "drones", "drone", "navy", "helicopters",
        "fighter", "bombers", "coalition", "-led",
    }
)  # fmt: skip
Predict = Callable[[str, str], list[dict[str, Any]]]


# --------------------------------------------------------------------------- names


def _words(name: str) -> list[str]:
    text = name.replace("’", "'")
    out: list[str] = []
    for raw in text.replace(",", " ").split():
        word = raw.strip("\"'()[]")
        if word.endswith("'s"):
            word = word[:-2]
        elif word.endswith("'"):
            word = word[:-1]
        word = word.rstrip(".")
        if word and title_groups(word) is None and word.lower() not in ("the", "former"):
            out.append(word.lower())
    return out or [raw.lower() for raw in text.split()]


def state_code(name: str | None, kind: str | None = None) -> str | None:
    """The ISO code of a name that denotes a state ("Russia", "U.S.", "Russian warplanes"), else None."""
    if name is None or kind == "person":
        return None
    whole = country_code(name)
    if whole is not None:
        return whole
    parts = name.split()
    if len(parts) >= 2 and all(part.lower() in _STATE_NOUNS for part in parts[1:]):
        return country_code(parts[0])
    return None


def names_match(gold: str | None, predicted: dict[str, Any] | str | None) -> bool:
    """
    Whether a predicted actor (a JSON object, or a place name) matches a gold name.

    None matches only None. States match by ISO code; a person never matches a state;
    other names match when one's words contain the other's or their last words agree.
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if isinstance(predicted, dict):
        name = predicted.get("name")
        kind = predicted.get("kind")
        predicted_code = predicted.get("country") if kind == "country" else state_code(name, kind)
    else:
        name, kind, predicted_code = predicted, None, state_code(predicted)
    if not isinstance(name, str):
        return False
    gold_code = state_code(gold)
    if gold_code is not None or predicted_code is not None:
        if kind == "person":
            return False
        return gold_code == predicted_code
    gold_words, predicted_words = _words(gold), _words(name)
    if set(gold_words) <= set(predicted_words) or set(predicted_words) <= set(gold_words):
        return True
    return gold_words[-1] == predicted_words[-1]


def _all_match(gold: Sequence[str], predicted: Sequence[dict[str, Any]]) -> int:
    """How many gold names find distinct predicted actors (greedy)."""
    used: set[int] = set()
    count = 0
    for name in gold:
        for index, actor in enumerate(predicted):
            if index not in used and names_match(name, actor):
                used.add(index)
                count += 1
                break
    return count


# --------------------------------------------------------------------------- slots


def _count_value(value: Any) -> int | None:
    if isinstance(value, dict):
        inner = value.get("value")
        return inner if isinstance(inner, int) else None
    return value if isinstance(value, int) else None


def slot_right(slot: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether one scored slot of a matched pair is right."""
    if slot == "date":
        return gold.get("date") == predicted.get("date")
    if slot == "participants":
        wanted = gold.get("participants") or []
        got = predicted.get("participants") or []
        return len(wanted) == len(got) and _all_match(wanted, got) == len(wanted)
    if slot in ("initiator", "requester", "addressee", "attacker"):
        return names_match(gold.get(slot), predicted.get(slot))
    if slot in ("penalty", "term_months"):
        return gold.get(slot) == predicted.get(slot)
    if slot == "court_country":
        location = predicted.get("location") or {}
        court = predicted.get("court") or {}
        return gold.get(slot) == (location.get("country") or court.get("country"))
    if slot == "location":
        location = predicted.get("location") or {}
        return names_match(gold.get("location"), location.get("name"))
    if slot == "killed":
        return gold.get("killed") == _count_value(predicted.get("killed"))
    raise ValueError(f"unknown slot {slot!r}")


def key_match(kind: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether the key actor of a pair matches (two participants, beneficiary, defendant, location)."""
    if kind == "PhoneCall":
        return _all_match(gold.get("participants") or [], predicted.get("participants") or []) >= 2
    if kind == "PardonRequest":
        return names_match(gold.get("beneficiary"), predicted.get("beneficiary"))
    if kind == "Sentencing":
        return names_match(gold.get("defendant"), predicted.get("defendant"))
    if kind == "Airstrike":
        location = predicted.get("location") or {}
        return location.get("name") is not None and names_match(gold.get("location"), location.get("name"))
    return False


def _gold_span(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else (-1, -1)


def _overlaps(span: tuple[int, int], predicted: dict[str, Any]) -> bool:
    evidence = predicted.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or span[0] < 0:
        return False
    return start < span[1] and span[0] < end


# --------------------------------------------------------------------------- report


@dataclass
class Pair:
    """A matched gold and predicted event."""

    article: str
    kind: str
    gold: dict[str, Any]
    predicted: dict[str, Any]
    wrong: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What one evaluation run found."""

    true_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    false_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    false_negatives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    slot_right: dict[str, int] = field(default_factory=dict)
    slot_total: dict[str, int] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    false_alarms: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    exact_articles: dict[str, bool] = field(default_factory=dict)

    def scores(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or overall (micro-averaged) for None."""
        kinds = TYPES if kind is None else (kind,)
        tp = sum(self.true_positives[k] for k in kinds)
        fp = sum(self.false_positives[k] for k in kinds)
        fn = sum(self.false_negatives[k] for k in kinds)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def slot_accuracy(self, slot: str) -> float:
        """The share of matched events (that have the slot) with the slot right."""
        total = self.slot_total.get(slot, 0)
        return self.slot_right.get(slot, 0) / total if total else 1.0

    @property
    def all_slots_right(self) -> float:
        """The share of matched events with every scored slot right."""
        return sum(not pair.wrong for pair in self.pairs) / len(self.pairs) if self.pairs else 1.0


def _match(
    article: str, text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]], report: Report
) -> bool:
    exact = True
    for kind in TYPES:
        golds = [event for event in gold if event.get("type") == kind]
        preds = [event for event in predicted if event.get("type") == kind]
        spans = [_gold_span(text, event.get("evidence", "")) for event in golds]
        candidates: list[tuple[tuple[int, int, int, int], int, int]] = []
        for g, event in enumerate(golds):
            for p, guess in enumerate(preds):
                key = key_match(kind, event, guess)
                overlap = _overlaps(spans[g], guess)
                if key or overlap:
                    right = sum(slot_right(slot, event, guess) for slot in SLOTS[kind])
                    score = (int(key) + int(overlap), right, int(not event.get("optional")), -p)
                    candidates.append((score, g, p))
        candidates.sort(reverse=True)
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for _score, g, p in candidates:
            if g in used_gold or p in used_pred:
                continue
            used_gold.add(g)
            used_pred.add(p)
            if golds[g].get("optional"):
                continue
            report.true_positives[kind] += 1
            wrong = [slot for slot in SLOTS[kind] if not slot_right(slot, golds[g], preds[p])]
            for slot in SLOTS[kind]:
                report.slot_total[slot] = report.slot_total.get(slot, 0) + 1
                report.slot_right[slot] = report.slot_right.get(slot, 0) + (slot not in wrong)
            report.pairs.append(Pair(article, kind, golds[g], preds[p], wrong))
            exact = exact and not wrong
        for g, event in enumerate(golds):
            if g not in used_gold and not event.get("optional"):
                report.false_negatives[kind] += 1
                report.misses.append((article, event))
                exact = False
        for p, guess in enumerate(preds):
            if p not in used_pred:
                report.false_positives[kind] += 1
                report.false_alarms.append((article, guess))
                exact = False
    return exact


def predict_with_library(text: str, article_id: str) -> list[dict[str, Any]]:
    """Parse an article with `newsevents.parse` and read the events back through `to_json`."""
    events = newsevents.parse(text, source=article_id)
    decoded: list[dict[str, Any]] = orjson.loads(newsevents.to_json(events))
    return decoded


def read_gold(folder: Path) -> list[dict[str, Any]]:
    """The records of ``gold.jsonl`` in a folder."""
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(folder: Path | str, *, predict: Predict = predict_with_library) -> Report:
    """
    Score a predictor on every article of a folder with ``gold.jsonl``.

    Args:
        folder: The corpus folder.
        predict: ``(text, article_id) -> list of events as JSON objects``; by default
            `newsevents.parse` read back through `newsevents.to_json`.
    """
    folder = Path(folder)
    report = Report()
    for record in read_gold(folder):
        article = record["id"]
        text = (folder / f"{article}.txt").read_text(encoding="utf-8")
        predicted = [event for event in predict(text, article) if event.get("type") in TYPES]
        report.exact_articles[article] = _match(article, text, record["events"], predicted, report)
    return report


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(event: dict[str, Any]) -> str:
    kind = event.get("type", "?")
    slots = {slot: event.get(slot) for slot in SLOTS.get(kind, ())}
    for name in ("beneficiary", "defendant", "participants"):
        if name in event:
            slots[name] = event[name]
    return json.dumps(_names(slots), ensure_ascii=False)


def _names(value: Any) -> Any:
    if isinstance(value, dict):
        if "name" in value and "kind" in value:
            return value["name"]
        if "name" in value and set(value) <= {"name", "country"}:
            return value["name"] or value.get("country")
        if "value" in value and "qualifier" in value:
            return value["value"]
        return {key: _names(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_names(inner) for inner in value]
    return value


def format_report(report: Report, *, details: bool = True) -> str:
    """The report as text: scores, slot accuracy, exact articles and (with details) the lists."""
    lines = ["type            precision  recall     F1   tp  fp  fn"]
    for kind in (*TYPES, None):
        precision, recall, f1 = report.scores(kind)
        kinds: Iterable[str] = TYPES if kind is None else (kind,)
        tp = sum(report.true_positives[k] for k in kinds)
        fp = sum(report.false_positives[k] for k in (TYPES if kind is None else (kind,)))
        fn = sum(report.false_negatives[k] for k in (TYPES if kind is None else (kind,)))
        label = kind or "overall"
        lines.append(f"{label:<15} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp:4d} {fp:3d} {fn:3d}")
    lines.append("")
    lines.append("slot accuracy on matched events")
    slots = sorted({slot for names in SLOTS.values() for slot in names})
    for slot in slots:
        total = report.slot_total.get(slot, 0)
        right = report.slot_right.get(slot, 0)
        lines.append(f"  {slot:<15} {report.slot_accuracy(slot):6.3f}  ({right}/{total})")
    lines.append(f"  {'all slots right':<15} {report.all_slots_right:6.3f}  ({len(report.pairs)} matched)")
    exact = sum(report.exact_articles.values())
    lines.append(f"articles exact: {exact}/{len(report.exact_articles)}")
    for article, ok in report.exact_articles.items():
        if article.startswith("seed"):
            lines.append(f"  {article}: {'exact' if ok else 'NOT exact'}")
    if details:
        lines.append("")
        lines.append(f"misses ({len(report.misses)})")
        for article, event in report.misses:
            lines.append(f"  {article} {event['type']} {_describe(event)}")
            lines.append(f"      {_short(event.get('evidence', ''))}")
        lines.append(f"false alarms ({len(report.false_alarms)})")
        for article, event in report.false_alarms:
            evidence = event.get("evidence") or {}
            lines.append(f"  {article} {event['type']} [{evidence.get('rule')}] {_describe(event)}")
            lines.append(f"      {_short(evidence.get('text', ''))}")
        wrong = [pair for pair in report.pairs if pair.wrong]
        lines.append(f"wrong slots ({len(wrong)})")
        for pair in wrong:
            rule = (pair.predicted.get("evidence") or {}).get("rule")
            lines.append(f"  {pair.article} {pair.kind} [{rule}] {', '.join(pair.wrong)}")
            lines.append(f"      gold {_describe(pair.gold)}")
            lines.append(f"      got  {_describe(pair.predicted)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate the folder named on the command line and print the report."""
    args = list(sys.argv[1:] if argv is None else argv)
    quiet = "--quiet" in args
    args = [arg for arg in args if arg != "--quiet"]
    if len(args) != 1:
        print("usage: python benchmarks/evaluate.py [--quiet] CORPUS_FOLDER", file=sys.stderr)
        return 2
    folder = Path(args[0])
    if not (folder / "gold.jsonl").is_file():
        print(f"{folder}: no gold.jsonl here", file=sys.stderr)
        return 2
    print(format_report(evaluate(folder), details=not quiet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
