"""
Score extracted events against gold: the dev corpus, the pool's gold halves, or two gold passes.

Usage::

    python benchmarks/evaluate.py ../shared/corpus/dev             # the parser on the dev corpus
    python benchmarks/evaluate.py --pool tune                      # the parser on the pool's tune half
    python benchmarks/evaluate.py --pool blind                     # aggregate figures only; logged
    python benchmarks/evaluate.py --pool train                     # 96 more pool articles, for rules
    python benchmarks/evaluate.py --gold A.jsonl --against B.jsonl [--half tune|blind|all]
    python benchmarks/evaluate.py --pool tune --predictions events.jsonl   # saved predictions

Options: ``--json`` prints the figures as one JSON object, ``--quiet`` leaves out the lists of
misses, false alarms and wrong slots. See ``docs/evaluation.md``.

The scorer is self-contained so that a parser change can never change how the parser is
scored: the names of states and the titles it drops are a frozen copy in
``benchmarks/scoring/`` and nothing is imported from the parser's package. ``newsevents``
itself is used only by the default predictor (`newsevents.parse`, read back through
`newsevents.to_json`). Scoring follows the dev corpus README ("Scoring"):

- Per article and type, a prediction matches a gold event when its key actor matches
  (PhoneCall: at least two participants; PardonRequest: beneficiary; Sentencing: defendant;
  Airstrike: location) or its evidence span overlaps the gold evidence span; best pairs first,
  each event used once. Optional events count neither way; an unmatched prediction is a false
  alarm.
- Names match, after titles are dropped, when one's words contain the other's or their last
  words agree. States match by ISO code, names and demonyms alike ("Russian warplanes" is
  Russia, "U.S." the United States); a person never matches a state.
- Scored slots on matched events: date, participants, initiator, requester, addressee, penalty,
  term_months, court_country, offence, attacker, location, targets, killed. Offence and targets
  are right when both are empty or when they share a content word.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The frozen tables of the scorer (never the parser's).
SCORING = HERE / "scoring"
#: Where the pool's adjudicated gold lives: ``pool-tune.jsonl`` and ``pool-blind.jsonl``.
GOLD_DIR = ROOT / "tests" / "corpus"
#: The ids of the train set: 96 pool articles outside ``sample.tsv``, annotated like its halves.
TRAIN_SAMPLE = GOLD_DIR / "pool-train-sample.tsv"
#: One line per scoring of the parser on the blind half.
BLIND_LOG = HERE / "blind-log.tsv"
BLIND_LOG_HEADER = (
    "date",
    "commit",
    "P",
    "R",
    "F1",
    "F1_90",
    "PhoneCall",
    "PardonRequest",
    "Sentencing",
    "Airstrike",
    "all_slots",
    "slots",
)
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20191226
BOOTSTRAP_LEVEL = 0.9

TYPES = ("PhoneCall", "PardonRequest", "Sentencing", "Airstrike")
SLOTS: dict[str, tuple[str, ...]] = {
    "PhoneCall": ("date", "participants", "initiator"),
    "PardonRequest": ("date", "requester", "addressee"),
    "Sentencing": ("date", "penalty", "term_months", "court_country", "offence"),
    "Airstrike": ("date", "attacker", "location", "targets", "killed"),
}
ALL_SLOTS = tuple(sorted({slot for names in SLOTS.values() for slot in names}))
#: Words that, after a demonym, still name the state ("Russian warplanes" is Russia).
_STATE_NOUNS = frozenset(
    {
        "warplanes", "jets", "planes", "aircraft", "forces", "military", "government", "army",
        "air", "force", "troops", "officials", "authorities", "drones", "drone", "navy", "helicopters",
        "fighter", "bombers", "coalition", "-led",
    }
)  # fmt: skip

#: Words that say nothing of what an offence or a target is: never shared content.
_STOPWORDS = frozenset(
    {
        "the", "and", "for", "with", "from", "into", "onto", "over", "under", "near", "about", "after",
        "before", "during", "against", "among", "that", "this", "these", "those", "who", "whom",
        "whose", "which", "what", "when", "where", "while", "than", "then", "also", "not", "nor", "but",
        "his", "her", "hers", "him", "its", "their", "them", "they", "our", "your", "was", "were",
        "are", "has", "have", "had", "been", "being", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "several", "many", "some", "all", "any", "more", "most",
        "other", "others", "such", "own", "alleged", "allegedly", "charge", "charges", "charged",
        "count", "counts", "offence", "offences", "offense", "offenses", "crime", "crimes", "role",
        "roles", "part", "target", "targets", "targeted", "area", "areas", "site", "sites", "position",
        "positions",
    }
)  # fmt: skip
Predict = Callable[[str, str], list[dict[str, Any]]]


class ScoringError(Exception):
    """A problem with the inputs that stops scoring (a missing file, a stale hash): one line."""


# --------------------------------------------------------------------------- tables


def _table_lines(name: str) -> list[str]:
    lines = (SCORING / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@cache
def _states() -> dict[str, str]:
    """Every name, alias and demonym of ``scoring/states.tsv`` with its ISO code."""
    names: dict[str, str] = {}
    for line in _table_lines("states.tsv"):
        code, name = line.split("\t")[:2]
        names[name.strip()] = code.strip()
    return names


def _title_key(word: str) -> str:
    return word.lower().rstrip(".")


@cache
def _titles() -> tuple[tuple[str, ...], ...]:
    """The titles of ``scoring/titles.txt`` as word tuples, longest first."""
    titles = {tuple(_title_key(word) for word in line.split()) for line in _table_lines("titles.txt")}
    return tuple(sorted(titles, key=lambda title: (-len(title), title)))


def country_code(name: str) -> str | None:
    """
    The ISO code of a state's name, alias or demonym ("Russia", "the U.S.", "Syrian"), else None.

    A leading "the", a trailing possessive and a trailing punctuation mark are ignored.
    """
    text = name.strip().replace("’", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    found = _states().get(text)
    if found is None and text[-1:] in (".", ",", ";", ":"):
        found = _states().get(text[:-1])
    return found


# --------------------------------------------------------------------------- names


def _words(name: str) -> list[str]:
    """The lower-cased words of a name, without "the" and without titles that precede a word."""
    text = name.replace("’", "'")
    words: list[str] = []
    for raw in text.replace(",", " ").split():
        word = raw.strip("\"'()[]")
        if word.endswith("'s"):
            word = word[:-2]
        elif word.endswith("'"):
            word = word[:-1]
        word = word.rstrip(".")
        if word:
            words.append(word.lower())
    out: list[str] = []
    index = 0
    while index < len(words):
        length = _title_at(words, index)
        if length and index + length < len(words):
            index += length
            continue
        if words[index] != "the":
            out.append(words[index])
        index += 1
    return out or [raw.lower() for raw in text.split()]


def _title_at(words: Sequence[str], index: int) -> int:
    """The length in words of the longest title at ``words[index]``, or 0."""
    for title in _titles():
        if tuple(_title_key(word) for word in words[index : index + len(title)]) == title:
            return len(title)
    return 0


def state_code(name: str | None, kind: str | None = None) -> str | None:
    """The ISO code of a name that denotes a state ("Russia", "U.S.", "Russian warplanes"), else None."""
    if name is None or kind == "person" or not name.strip():
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
    Whether a predicted actor (a JSON object, or a name) matches a gold name.

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
    if not isinstance(name, str) or not name.strip():
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


def _all_match(gold: Sequence[str], predicted: Sequence[dict[str, Any] | str]) -> int:
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


def content_words(value: str | Sequence[str] | None, *, stopwords: bool = True) -> set[str]:
    """The lower-cased alphabetic words of 3+ letters of a phrase or phrases, stopwords left out."""
    phrases = [value] if isinstance(value, str) else list(value or [])
    found = {word for phrase in phrases for word in re.findall(r"[^\W\d_]+", phrase.lower())}
    return {word for word in found if len(word) >= 3 and not (stopwords and word in _STOPWORDS)}


def phrases_agree(gold: str | Sequence[str] | None, predicted: str | Sequence[str] | None) -> bool:
    """
    Whether an offence or a target list is right: both empty, or a content word in common.

    When one side has only stopwords ("four targets"), every word of 3+ letters counts.
    """
    gold_empty = not gold or (isinstance(gold, str) and not gold.strip())
    predicted_empty = not predicted or (isinstance(predicted, str) and not predicted.strip())
    if gold_empty or predicted_empty:
        return gold_empty and predicted_empty
    gold_words, predicted_words = content_words(gold), content_words(predicted)
    if not gold_words or not predicted_words:
        gold_words = content_words(gold, stopwords=False)
        predicted_words = content_words(predicted, stopwords=False)
    return bool(gold_words & predicted_words)


# --------------------------------------------------------------------------- events


def _count_value(value: Any) -> int | None:
    if isinstance(value, dict):
        inner = value.get("value")
        return inner if isinstance(inner, int) else None
    return value if isinstance(value, int) else None


def prediction_view(event: dict[str, Any]) -> dict[str, Any]:
    """
    A library event (its JSON object) in the shape the scorer compares.

    Actors stay JSON objects (their ``kind`` matters); ``location`` is the place's name,
    ``court_country`` the place's country else the court's, ``killed`` the count's value.
    """
    location = event.get("location") or {}
    court = event.get("court") or {}
    evidence = event.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    view = {key: event.get(key) for key in ("type", "date", "penalty", "term_months", "offence")}
    for key in ("initiator", "requester", "addressee", "beneficiary", "defendant", "attacker"):
        view[key] = event.get(key)
    targets = event.get("targets") or []
    view.update(
        participants=event.get("participants") or [],
        location=location.get("name"),
        court_country=location.get("country") or court.get("country"),
        killed=_count_value(event.get("killed")),
        targets=[target for target in targets if isinstance(target, str)],
        span=(start, end) if isinstance(start, int) and isinstance(end, int) else None,
        text=evidence.get("text") or "",
        rule=evidence.get("rule"),
        optional=False,
    )
    return view


def sha1(text: str) -> str:
    """The SHA-1 of a text in UTF-8, as hex (as ``annotate.py`` writes ``evidence_sha1``)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def gold_view(event: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """
    A gold event with its evidence as a span: from ``evidence`` text (dev) or ``evidence_span``
    with ``evidence_sha1`` (pool), whose hash must match the article's text.
    """
    view = dict(event)
    view["optional"] = bool(event.get("optional"))
    view["rule"] = None
    if "evidence_span" in event:
        span = event["evidence_span"]
        if (
            not isinstance(span, list)
            or len(span) != 2
            or not all(isinstance(offset, int) for offset in span)
            or not 0 <= span[0] < span[1] <= len(text)
        ):
            raise ScoringError(f"{where}: evidence_span {span!r} is not a span of the article text")
        start, end = span
        if sha1(text[start:end]) != event.get("evidence_sha1"):
            raise ScoringError(
                f"{where}: evidence_sha1 does not match the article text at [{start}, {end}]"
                " (the gold is stale or the pool text changed)"
            )
        view["span"] = (start, end)
        view["text"] = text[start:end]
    else:
        evidence = event.get("evidence") or ""
        start = text.find(evidence) if evidence else -1
        view["span"] = (start, start + len(evidence)) if start >= 0 else None
        view["text"] = evidence
    view.setdefault("participants", [])
    view.setdefault("targets", [])
    return view


def slot_right(slot: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether one scored slot of a matched pair (a gold view and a prediction view) is right."""
    if slot in ("date", "penalty", "term_months", "court_country", "killed"):
        return gold.get(slot) == predicted.get(slot)
    if slot == "participants":
        wanted = gold.get("participants") or []
        got = predicted.get("participants") or []
        return len(wanted) == len(got) and _all_match(wanted, got) == len(wanted)
    if slot in ("initiator", "requester", "addressee", "attacker", "location"):
        return names_match(gold.get(slot), predicted.get(slot))
    if slot in ("offence", "targets"):
        return phrases_agree(gold.get(slot), predicted.get(slot))
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
        return predicted.get("location") is not None and names_match(
            gold.get("location"), predicted["location"]
        )
    return False


def spans_overlap(first: tuple[int, int] | None, second: tuple[int, int] | None) -> bool:
    """Whether two evidence spans share a character."""
    if first is None or second is None:
        return False
    return first[0] < second[1] and second[0] < first[1]


# --------------------------------------------------------------------------- report


@dataclass
class Article:
    """One scored article: its text, its gold events (as views) and, in the pool, its family."""

    id: str
    text: str
    gold: list[dict[str, Any]]
    family: str | None = None
    published: str | None = None


@dataclass
class Pair:
    """A matched gold and predicted event."""

    article: str
    kind: str
    gold: dict[str, Any]
    predicted: dict[str, Any]
    wrong: list[str] = field(default_factory=list)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Report:
    """What one evaluation run found."""

    label: str = ""
    blind: bool = False
    true_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    false_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    false_negatives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    slot_right: dict[str, int] = field(default_factory=dict)
    slot_total: dict[str, int] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    false_alarms: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    exact_articles: dict[str, bool] = field(default_factory=dict)
    #: Per article and type: [tp, fp, fn], for the bootstrap and the families.
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    families: dict[str, str] = field(default_factory=dict)

    def totals(self, kind: str | None = None) -> tuple[int, int, int]:
        """True positives, false positives and false negatives of one type, or of all."""
        kinds = TYPES if kind is None else (kind,)
        return (
            sum(self.true_positives[k] for k in kinds),
            sum(self.false_positives[k] for k in kinds),
            sum(self.false_negatives[k] for k in kinds),
        )

    def scores(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or overall (micro-averaged) for None."""
        return _prf(*self.totals(kind))

    def slot_accuracy(self, slot: str) -> float:
        """The share of matched events (that have the slot) with the slot right."""
        total = self.slot_total.get(slot, 0)
        return self.slot_right.get(slot, 0) / total if total else 1.0

    @property
    def all_slots_right(self) -> float:
        """The share of matched events with every scored slot right."""
        return sum(not pair.wrong for pair in self.pairs) / len(self.pairs) if self.pairs else 1.0

    def family_totals(self) -> dict[str, tuple[int, int, int]]:
        """tp, fp, fn over all types per family (pool only), families in sorted order."""
        out: dict[str, list[int]] = {}
        for article, family in self.families.items():
            row = out.setdefault(family, [0, 0, 0])
            for counts in self.counts.get(article, {}).values():
                for index in range(3):
                    row[index] += counts[index]
        return {family: (row[0], row[1], row[2]) for family, row in sorted(out.items())}


def _match(
    article: str,
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    report: Report,
) -> bool:
    """Pair one article's events type by type, count them into the report; whether it is exact."""
    exact = True
    counts = report.counts.setdefault(article, {kind: [0, 0, 0] for kind in TYPES})
    for kind in TYPES:
        golds = [event for event in gold if event.get("type") == kind]
        preds = [event for event in predicted if event.get("type") == kind]
        candidates: list[tuple[tuple[int, int, int, int], int, int]] = []
        for g, event in enumerate(golds):
            for p, guess in enumerate(preds):
                key = key_match(kind, event, guess)
                overlap = spans_overlap(event.get("span"), guess.get("span"))
                if key or overlap:
                    right = sum(slot_right(slot, event, guess) for slot in SLOTS[kind])
                    firm = int(not event.get("optional")) + int(not guess.get("optional"))
                    candidates.append(((int(key) + int(overlap), right, firm, -p), g, p))
        candidates.sort(reverse=True)
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for _score, g, p in candidates:
            if g in used_gold or p in used_pred:
                continue
            used_gold.add(g)
            used_pred.add(p)
            if golds[g].get("optional") or preds[p].get("optional"):
                continue
            report.true_positives[kind] += 1
            counts[kind][0] += 1
            wrong = [slot for slot in SLOTS[kind] if not slot_right(slot, golds[g], preds[p])]
            for slot in SLOTS[kind]:
                report.slot_total[slot] = report.slot_total.get(slot, 0) + 1
                report.slot_right[slot] = report.slot_right.get(slot, 0) + (slot not in wrong)
            report.pairs.append(Pair(article, kind, golds[g], preds[p], wrong))
            exact = exact and not wrong
        for g, event in enumerate(golds):
            if g not in used_gold and not event.get("optional"):
                report.false_negatives[kind] += 1
                counts[kind][2] += 1
                report.misses.append((article, event))
                exact = False
        for p, guess in enumerate(preds):
            if p not in used_pred and not guess.get("optional"):
                report.false_positives[kind] += 1
                counts[kind][1] += 1
                report.false_alarms.append((article, guess))
                exact = False
    return exact


def score(
    articles: Iterable[Article],
    predictions: Callable[[Article], list[dict[str, Any]]],
    *,
    label: str = "",
    blind: bool = False,
) -> Report:
    """
    Score predictions (views, see `prediction_view` and `gold_view`) for every article.

    Args:
        articles: The gold articles.
        predictions: The predicted event views of an article.
        label: What was scored, for the report's first line.
        blind: Whether the report may show only aggregate figures.
    """
    report = Report(label=label, blind=blind)
    for article in articles:
        predicted = [view for view in predictions(article) if view.get("type") in TYPES]
        report.exact_articles[article.id] = _match(article.id, article.gold, predicted, report)
        if article.family is not None:
            report.families[article.id] = article.family
    return report


# --------------------------------------------------------------------------- intervals


def bootstrap(
    report: Report,
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    level: float = BOOTSTRAP_LEVEL,
) -> dict[str, tuple[float, float]]:
    """
    Percentile bootstrap intervals of F1, overall (key ``"overall"``) and per type.

    Articles are resampled with replacement (the article is the unit the gold was sampled
    by), ``resamples`` times from a fixed seed, so a run is reproducible.
    """
    keys = (*TYPES, "overall")
    articles = list(report.counts)
    if not articles:
        return dict.fromkeys(keys, (1.0, 1.0))
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {key: [] for key in keys}
    for _ in range(resamples):
        totals = {kind: [0, 0, 0] for kind in TYPES}
        for _pick in articles:
            counts = report.counts[articles[rng.randrange(len(articles))]]
            for kind in TYPES:
                for index in range(3):
                    totals[kind][index] += counts[kind][index]
        for kind in TYPES:
            samples[kind].append(_prf(*totals[kind])[2])
        overall = [sum(totals[kind][index] for kind in TYPES) for index in range(3)]
        samples["overall"].append(_prf(*overall)[2])
    low = max(0, math.floor((1 - level) / 2 * resamples))
    high = min(resamples - 1, math.ceil((1 + level) / 2 * resamples) - 1)
    out: dict[str, tuple[float, float]] = {}
    for key in keys:
        values = sorted(samples[key])
        out[key] = (values[low], values[high])
    return out


# --------------------------------------------------------------------------- inputs


def predict_with_library(text: str, article_id: str, published: str | None = None) -> list[dict[str, Any]]:
    """Parse an article with `newsevents.parse` and read the events back through `to_json`."""
    import orjson

    import newsevents  # the only use of the library: the predictor under test

    day = dt.date.fromisoformat(published) if published else None
    events = newsevents.parse(text, published=day, source=article_id)
    decoded: list[dict[str, Any]] = orjson.loads(newsevents.to_json(events))
    return decoded


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    out: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ScoringError(f"{path}:{number}: not JSON ({error})") from None
        if not isinstance(record, dict):
            raise ScoringError(f"{path}:{number}: not a JSON object")
        out.append((number, record))
    return out


def read_gold(folder: Path) -> list[dict[str, Any]]:
    """The records of ``gold.jsonl`` in a folder."""
    return [record for _number, record in _read_jsonl(folder / "gold.jsonl")]


def load_dev(folder: Path | str) -> list[Article]:
    """The articles of a dev-layout folder: ``<id>.txt`` and ``gold.jsonl`` with evidence text."""
    folder = Path(folder)
    articles: list[Article] = []
    for record in read_gold(folder):
        article = record["id"]
        path = folder / f"{article}.txt"
        if not path.is_file():
            raise ScoringError(f"{path}: missing (named in gold.jsonl)")
        text = path.read_text(encoding="utf-8")
        gold = [gold_view(event, text, f"{article} event {i}") for i, event in enumerate(record["events"])]
        articles.append(Article(article, text, gold, published=record.get("published")))
    return articles


def pool_dir() -> Path:
    """The pool folder: ``NEWSEVENTS_POOL``, else ``../shared/corpus/pool`` next to the project."""
    return Path(os.environ.get("NEWSEVENTS_POOL", ROOT.parent / "shared" / "corpus" / "pool"))


def load_sample(folder: Path) -> dict[str, tuple[str, str]]:
    """The pool sample's ids with their (family, half), from ``sample.tsv``."""
    return read_sample(folder / "sample.tsv")


def read_sample(path: Path) -> dict[str, tuple[str, str]]:
    """The ids of a sample file (``id``, ``family``, ``half`` columns) with their (family, half)."""
    if not path.is_file():
        raise ScoringError(f"{path}: not found (set NEWSEVENTS_POOL to the pool folder)")
    sample: dict[str, tuple[str, str]] = {}
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        if row.strip():
            article, family, half = row.split("\t")[:3]
            sample[article] = (family, half)
    return sample


def load_texts(folder: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The pool records (``id``, ``text``, ``published``) of the given ids, from ``articles.jsonl``."""
    path = folder / "articles.jsonl"
    if not path.is_file():
        raise ScoringError(f"{path}: not found (set NEWSEVENTS_POOL to the pool folder)")
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record
    return found


def load_pool_gold(
    path: Path, half: str, folder: Path | None = None, sample: dict[str, tuple[str, str]] | None = None
) -> list[Article]:
    """
    The articles of a pool gold file (offsets and hashes) that are in the half asked for.

    Every ``evidence_sha1`` is checked against the pool text. On the blind half messages
    name lines of the gold file, never an article.

    Args:
        path: The gold file (``annotate.py finalize`` form).
        half: ``tune``, ``blind``, ``train`` or ``all``.
        folder: The pool folder; `pool_dir` by default.
        sample: The sample the half is of; the pool's ``sample.tsv`` by default (the train
            set's ids are in `TRAIN_SAMPLE`).
    """
    if not path.is_file():
        raise ScoringError(f"{path}: no such gold file (not written yet?)")
    folder = pool_dir() if folder is None else folder
    sample = load_sample(folder) if sample is None else sample
    records = _read_jsonl(path)
    wanted = [(n, r) for n, r in records if r.get("id") in sample and half in ("all", sample[r["id"]][1])]
    outside = len(records) - len(wanted)
    if outside:
        print(
            f"note: {outside} records of {path.name} are not in the {half} half: not scored", file=sys.stderr
        )
    texts = load_texts(folder, {record["id"] for _n, record in wanted})
    blind = half not in ("tune", "train")
    articles: list[Article] = []
    for number, record in wanted:
        article = record["id"]
        where = f"{path.name} line {number}" if blind else f"{path.name}: {article}"
        if article not in texts:
            raise ScoringError(f"{where}: article not in the pool's articles.jsonl")
        text = texts[article]["text"]
        events = record.get("events")
        if not isinstance(events, list):
            raise ScoringError(f"{where}: events must be a list")
        gold = [gold_view(event, text, f"{where} event {i}") for i, event in enumerate(events)]
        family = sample[article][0]
        articles.append(
            Article(article, text, gold, family=family, published=texts[article].get("published"))
        )
    missing = sum(1 for _family, h in sample.values() if half in ("all", h)) - len(articles)
    if missing > 0:
        print(f"note: {missing} articles of the {half} half have no record in {path.name}", file=sys.stderr)
    return articles


def read_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Saved predictions (``newsevents parse --from jsonl`` output) by article id (``source``)."""
    if not path.is_file():
        raise ScoringError(f"{path}: no such predictions file")
    by_article: dict[str, list[dict[str, Any]]] = {}
    for number, event in _read_jsonl(path):
        source = event.get("source")
        if not isinstance(source, str):
            raise ScoringError(f"{path}:{number}: an event without a source (the article id)")
        by_article.setdefault(source, []).append(event)
    return by_article


def evaluate(folder: Path | str, *, predict: Predict = predict_with_library) -> Report:
    """
    Score a predictor on every article of a dev-layout folder with ``gold.jsonl``.

    Args:
        folder: The corpus folder.
        predict: ``(text, article_id) -> list of events as JSON objects``; by default
            `newsevents.parse` read back through `newsevents.to_json`.
    """
    articles = load_dev(folder)
    return score(
        articles,
        lambda article: [prediction_view(event) for event in predict(article.text, article.id)],
        label=f"dev corpus {folder} ({len(articles)} articles)",
    )


# --------------------------------------------------------------------------- output


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _names(value: Any) -> Any:
    if isinstance(value, dict):
        if "name" in value and "kind" in value:
            return value["name"]
        return {key: _names(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_names(inner) for inner in value]
    return value


#: The key actor of each type, shown beside the scored slots.
_KEYS = {
    "PhoneCall": "participants",
    "PardonRequest": "beneficiary",
    "Sentencing": "defendant",
    "Airstrike": "location",
}


def _describe(event: dict[str, Any]) -> str:
    kind = event.get("type", "?")
    slots = {slot: event.get(slot) for slot in SLOTS.get(kind, ())}
    if kind in _KEYS:
        slots[_KEYS[kind]] = event.get(_KEYS[kind])
    return json.dumps(_names(slots), ensure_ascii=False)


def _interval(bounds: tuple[float, float]) -> str:
    return f"{bounds[0]:.3f}-{bounds[1]:.3f}"


def report_figures(report: Report, intervals: dict[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """The aggregate figures of a report as JSON-ready values (nothing that names an article)."""
    intervals = bootstrap(report) if intervals is None else intervals

    def row(kind: str | None) -> dict[str, Any]:
        tp, fp, fn = report.totals(kind)
        precision, recall, f1 = _prf(tp, fp, fn)
        bounds = intervals[kind or "overall"]
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "f1_90": [bounds[0], bounds[1]],
        }

    figures: dict[str, Any] = {
        "scored": report.label,
        "blind": report.blind,
        "articles": len(report.counts),
        "overall": row(None),
        "types": {kind: row(kind) for kind in TYPES},
        "slots": {
            slot: {
                "accuracy": report.slot_accuracy(slot),
                "right": report.slot_right.get(slot, 0),
                "total": report.slot_total.get(slot, 0),
            }
            for slot in ALL_SLOTS
        },
        "all_slots_right": report.all_slots_right,
        "matched": len(report.pairs),
        "exact_articles": sum(report.exact_articles.values()),
        "bootstrap": {"resamples": BOOTSTRAP_RESAMPLES, "seed": BOOTSTRAP_SEED, "level": BOOTSTRAP_LEVEL},
    }
    if report.families:
        figures["families"] = {}
        for family, (tp, fp, fn) in report.family_totals().items():
            precision, recall, f1 = _prf(tp, fp, fn)
            figures["families"][family] = {
                "articles": sum(1 for f in report.families.values() if f == family),
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
    return figures


def report_details(report: Report) -> dict[str, Any]:
    """Misses, false alarms and wrong slots, with article ids and evidence (never for the blind half)."""
    if report.blind:
        raise ValueError("the blind half shows aggregate figures only")
    return {
        "misses": [
            {"article": article, "type": event["type"], "event": _names(_public(event))}
            for article, event in report.misses
        ],
        "false_alarms": [
            {
                "article": article,
                "type": event["type"],
                "rule": event.get("rule"),
                "event": _names(_public(event)),
            }
            for article, event in report.false_alarms
        ],
        "wrong_slots": [
            {
                "article": pair.article,
                "type": pair.kind,
                "rule": pair.predicted.get("rule"),
                "wrong": pair.wrong,
                "gold": _names(_public(pair.gold)),
                "predicted": _names(_public(pair.predicted)),
            }
            for pair in report.pairs
            if pair.wrong
        ],
    }


def _public(view: dict[str, Any]) -> dict[str, Any]:
    hidden = ("span", "evidence_span", "evidence_sha1", "rule", "optional")
    return {key: value for key, value in view.items() if key not in hidden}


def format_report(
    report: Report, *, details: bool = True, intervals: dict[str, tuple[float, float]] | None = None
) -> str:
    """The report as text: scores with intervals, slot accuracy, families and (with details) the lists."""
    figures = report_figures(report, intervals)
    lines = [f"scored: {report.label}"] if report.label else []
    if report.blind:
        lines.append("blind: aggregate figures only (no article, sentence or slot detail)")
    lines.append(f"type            precision  recall     F1   tp  fp  fn   F1 {BOOTSTRAP_LEVEL:.0%} interval")
    for kind in (*TYPES, None):
        row = figures["overall"] if kind is None else figures["types"][kind]
        label = kind or "overall"
        lines.append(
            f"{label:<15} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f}"
            f" {row['tp']:4d} {row['fp']:3d} {row['fn']:3d}   {_interval(tuple(row['f1_90']))}"
        )
    lines.append("")
    lines.append("slot accuracy on matched events")
    for slot, row in figures["slots"].items():
        lines.append(f"  {slot:<15} {row['accuracy']:6.3f}  ({row['right']}/{row['total']})")
    lines.append(f"  {'all slots right':<15} {report.all_slots_right:6.3f}  ({len(report.pairs)} matched)")
    if "families" in figures:
        lines.append("")
        lines.append("family         articles  precision  recall     F1   tp  fp  fn")
        for family, row in figures["families"].items():
            lines.append(
                f"{family:<15} {row['articles']:7d} {row['precision']:10.3f} {row['recall']:7.3f}"
                f" {row['f1']:6.3f} {row['tp']:4d} {row['fp']:3d} {row['fn']:3d}"
            )
    lines.append("")
    lines.append(f"articles exact: {figures['exact_articles']}/{figures['articles']}")
    if report.blind:
        return "\n".join(lines)
    for article, ok in report.exact_articles.items():
        if article.startswith("seed"):
            lines.append(f"  {article}: {'exact' if ok else 'NOT exact'}")
    if details:
        lines.append("")
        lines.append(f"misses ({len(report.misses)})")
        for article, event in report.misses:
            lines.append(f"  {article} {event['type']} {_describe(event)}")
            lines.append(f"      {_short(event.get('text', ''))}")
        lines.append(f"false alarms ({len(report.false_alarms)})")
        for article, event in report.false_alarms:
            lines.append(f"  {article} {event['type']} [{event.get('rule')}] {_describe(event)}")
            lines.append(f"      {_short(event.get('text', ''))}")
        wrong = [pair for pair in report.pairs if pair.wrong]
        lines.append(f"wrong slots ({len(wrong)})")
        for pair in wrong:
            lines.append(
                f"  {pair.article} {pair.kind} [{pair.predicted.get('rule')}] {', '.join(pair.wrong)}"
            )
            lines.append(f"      gold {_describe(pair.gold)}")
            lines.append(f"      got  {_describe(pair.predicted)}")
            lines.append(f"      {_short(pair.gold.get('text', ''))}")
    return "\n".join(lines)


def report_json(
    report: Report, *, details: bool = True, intervals: dict[str, tuple[float, float]] | None = None
) -> str:
    """The report as one JSON object; details only when asked for and never for the blind half."""
    figures = report_figures(report, intervals)
    if details and not report.blind:
        figures["details"] = report_details(report)
    return json.dumps(figures, ensure_ascii=False)


# --------------------------------------------------------------------------- blind log


def _commit() -> str:
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        except OSError:
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    head = git("rev-parse", "--short", "HEAD")
    if head is None:
        return "unknown"
    # the log itself is not a change to what is measured
    changed = git("status", "--porcelain", "--", ".", ":(exclude)benchmarks/blind-log.tsv")
    return head + ("+dirty" if changed else "")


def blind_log_row(report: Report, intervals: dict[str, tuple[float, float]]) -> list[str]:
    """The cells of one blind-log line (see `BLIND_LOG_HEADER`)."""
    precision, recall, f1 = report.scores()
    slots = ",".join(f"{slot}={report.slot_accuracy(slot):.3f}" for slot in ALL_SLOTS)
    return [
        dt.datetime.now(dt.UTC).date().isoformat(),
        _commit(),
        f"{precision:.3f}",
        f"{recall:.3f}",
        f"{f1:.3f}",
        _interval(intervals["overall"]),
        *(f"{report.scores(kind)[2]:.3f}" for kind in TYPES),
        f"{report.all_slots_right:.3f}",
        slots,
    ]


def append_blind_log(
    report: Report, intervals: dict[str, tuple[float, float]], path: Path | None = None
) -> Path:
    """Append one line for a blind scoring of the parser, creating the log with its header."""
    path = BLIND_LOG if path is None else path
    new = not path.is_file() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8") as log:
        if new:
            log.write("\t".join(BLIND_LOG_HEADER) + "\n")
        log.write("\t".join(blind_log_row(report, intervals)) + "\n")
    return path


# --------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/evaluate.py",
        description="Score events against gold: a dev-layout folder, the pool's gold, or two gold passes.",
    )
    parser.add_argument("folder", nargs="?", help="a folder with <id>.txt files and gold.jsonl (dev layout)")
    parser.add_argument(
        "--pool",
        choices=("tune", "blind", "train"),
        help="the pool gold tests/corpus/pool-HALF.jsonl (train: more pool articles, outside the sample)",
    )
    parser.add_argument("--gold", type=Path, help="agreement mode: the reference gold file of the pool")
    parser.add_argument("--against", type=Path, help="agreement mode: the gold file whose events are scored")
    parser.add_argument(
        "--half",
        choices=("tune", "blind", "all", "train"),
        default="tune",
        help="agreement mode: which half (tune), or the train set",
    )
    parser.add_argument("--predictions", type=Path, help="saved predictions (newsevents parse --from jsonl)")
    parser.add_argument(
        "--gold-file",
        type=Path,
        help="with --pool: score against this gold file (an annotation pass), not the adjudicated half",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--quiet", action="store_true", help="leave out misses, false alarms and wrong slots")
    return parser


def _run(args: argparse.Namespace) -> tuple[Report, bool]:
    """Score what the arguments ask for; the report and whether it goes to the blind log."""
    saved = read_predictions(args.predictions) if args.predictions else None

    def predictions_of(article: Article) -> list[dict[str, Any]]:
        if saved is not None:
            events = saved.get(article.id, [])
        else:
            events = predict_with_library(article.text, article.id, article.published)
        return [prediction_view(event) for event in events]

    if args.gold is not None:
        folder = pool_dir()
        sample = read_sample(TRAIN_SAMPLE) if args.half == "train" else None
        articles = load_pool_gold(args.gold, args.half, folder, sample)
        against = {article.id: article for article in load_pool_gold(args.against, args.half, folder, sample)}
        blind = args.half not in ("tune", "train")
        label = f"{args.against.name} against {args.gold.name}, {args.half} half ({len(articles)} articles)"
        report = score(
            articles,
            lambda article: against[article.id].gold if article.id in against else [],
            label=label,
            blind=blind,
        )
        return report, False
    if args.pool is not None:
        path = args.gold_file or GOLD_DIR / f"pool-{args.pool}.jsonl"
        if not path.is_file():
            raise ScoringError(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} does not exist yet"
            )
        sample = read_sample(TRAIN_SAMPLE) if args.pool == "train" else None
        articles = load_pool_gold(path, args.pool, pool_dir(), sample)
        what = f"predictions {args.predictions.name}" if saved is not None else "newsevents.parse"
        against = f" against {path.name}" if args.gold_file is not None else ""
        label = f"{what} on the pool's {args.pool} half{against} ({len(articles)} articles)"
        blind = args.pool == "blind"
        logged = blind and saved is None and args.gold_file is None
        return score(articles, predictions_of, label=label, blind=blind), logged
    folder = Path(args.folder)
    if not (folder / "gold.jsonl").is_file():
        raise ScoringError(f"{folder}: no gold.jsonl here")
    articles = load_dev(folder)
    what = f"predictions {args.predictions.name}" if saved is not None else "newsevents.parse"
    return score(articles, predictions_of, label=f"{what} on {folder} ({len(articles)} articles)"), False


def main(argv: Sequence[str] | None = None) -> int:
    """Score what the command line asks for and print the report; 2 on bad input."""
    parser = _parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    modes = sum((args.folder is not None, args.pool is not None, args.gold is not None))
    if modes != 1:
        print(
            "evaluate.py: give one of CORPUS_FOLDER, --pool tune|blind, --gold G --against P", file=sys.stderr
        )
        return 2
    if (args.gold is None) != (args.against is None):
        print("evaluate.py: --gold and --against go together", file=sys.stderr)
        return 2
    if args.gold is not None and args.predictions is not None:
        print("evaluate.py: --predictions does not apply to agreement mode", file=sys.stderr)
        return 2
    try:
        report, log = _run(args)
    except ScoringError as error:
        print(f"evaluate.py: {error}", file=sys.stderr)
        return 2
    intervals = bootstrap(report)
    details = not args.quiet
    if args.json:
        print(report_json(report, details=details, intervals=intervals))
    else:
        print(format_report(report, details=details, intervals=intervals))
    if log:
        path = append_blind_log(report, intervals)
        print(f"logged to {path.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
