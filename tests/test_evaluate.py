"""Tests for benchmarks/evaluate.py: matching, slot scoring and the dev-corpus targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsevents_evaluate", ROOT / "benchmarks" / "evaluate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


evaluate = _load()


def _person(name: str) -> dict[str, Any]:
    return {"name": name, "kind": "person", "title": None, "country": None}


def _state(code: str, name: str) -> dict[str, Any]:
    return {"name": name, "kind": "country", "title": None, "country": code}


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Benjamin Netanyahu", _person("Netanyahu"), True),
        ("Prime Minister Benjamin Netanyahu", _person("Benjamin Netanyahu"), True),
        ("King Salman", _person("Salman"), True),
        ("Vladimir Putin", _person("Benjamin Netanyahu"), False),
        ("Russia", _state("RU", "Russia"), True),
        ("Russia", {"name": "Russian warplanes", "kind": "group", "title": None, "country": None}, True),
        ("United States", _state("US", "United States"), True),
        ("Russia", _person("Russia"), False),
        ("Vladimir Putin", _state("RU", "Russia"), False),
        (None, None, True),
        (None, _person("X"), False),
        ("southern Gaza strip", "Gaza", True),
    ],
)
def test_names_match(gold: str | None, predicted: Any, expected: bool) -> None:
    """Names match by words or last word after titles; states by ISO code; persons never match states."""
    assert expected == evaluate.names_match(gold, predicted)


def _as_prediction(event: dict[str, Any], text: str) -> dict[str, Any]:
    """A gold event written the way the library's JSON writes it (an oracle prediction)."""
    out: dict[str, Any] = {"type": event["type"], "date": event["date"]}
    start = text.find(event["evidence"])
    out["evidence"] = {
        "text": event["evidence"],
        "start": start,
        "end": start + len(event["evidence"]),
        "rule": "o",
    }

    def actor(name: str | None) -> dict[str, Any] | None:
        if name is None:
            return None
        code = evaluate.state_code(name)
        return _state(code, name) if code else {"name": name, "kind": "group", "title": None, "country": None}

    kind = event["type"]
    if kind == "PhoneCall":
        out["participants"] = [actor(name) for name in event["participants"]]
        out["initiator"] = actor(event["initiator"])
    elif kind == "PardonRequest":
        out.update(requester=actor(event["requester"]), addressee=actor(event["addressee"]))
        out["beneficiary"] = actor(event["beneficiary"])
    elif kind == "Sentencing":
        out.update(
            defendant=actor(event["defendant"]), penalty=event["penalty"], term_months=event["term_months"]
        )
        out["location"] = (
            {"name": None, "country": event["court_country"]} if event["court_country"] else None
        )
    elif kind == "Airstrike":
        out.update(attacker=actor(event["attacker"]), killed=event["killed"])
        out["location"] = {"name": event["location"], "country": None}
    return out


def test_an_oracle_scores_perfectly(corpus: Path) -> None:
    """Predicting exactly the non-optional gold events gives F1 1 and every slot right."""
    records = {record["id"]: record for record in evaluate.read_gold(corpus)}

    def oracle(text: str, article: str) -> list[dict[str, Any]]:
        events = records[article]["events"]
        return [_as_prediction(event, text) for event in events if not event["optional"]]

    report = evaluate.evaluate(corpus, predict=oracle)
    assert (1.0, 1.0, 1.0) == report.scores()
    assert 1.0 == report.all_slots_right
    assert all(report.exact_articles.values())


def test_optional_gold_counts_neither_way(tmp_path: Path) -> None:
    """An optional gold event is neither a miss when absent nor a hit when predicted."""
    text = "A said B. X was sentenced to life."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "id": "a",
        "published": None,
        "events": [
            {"type": "Sentencing", "date": None, "evidence": "X was sentenced to life.", "optional": True,
             "defendant": "X", "penalty": "life", "term_months": None, "court_country": None, "offence": None},
        ],
    }  # fmt: skip
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    empty = evaluate.evaluate(tmp_path, predict=lambda text, article: [])
    assert (0, 0, 0) == (empty.true_positives["Sentencing"], empty.false_positives["Sentencing"],
                         empty.false_negatives["Sentencing"])  # fmt: skip
    found = evaluate.evaluate(tmp_path, predict=lambda t, a: [_as_prediction(gold["events"][0], t)])
    assert 0 == found.false_positives["Sentencing"] + found.true_positives["Sentencing"]


def test_false_alarms_and_wrong_slots_are_reported(tmp_path: Path) -> None:
    """An extra prediction is a false alarm; a matched event with a wrong date fails that slot."""
    text = "Putin spoke by phone with Obama on Monday."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    event = {"type": "PhoneCall", "date": "2016-02-15", "evidence": text, "optional": False,
             "participants": ["Vladimir Putin", "Barack Obama"], "initiator": None}  # fmt: skip
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "a", "published": None, "events": [event]}) + "\n")
    wrong = dict(_as_prediction(event, text), date=None)
    extra = {"type": "Airstrike", "date": None, "evidence": None, "attacker": None, "killed": None,
             "location": {"name": "Aleppo", "country": None}}  # fmt: skip
    report = evaluate.evaluate(tmp_path, predict=lambda t, a: [wrong, extra])
    assert 1 == report.true_positives["PhoneCall"]
    assert 1 == report.false_positives["Airstrike"]
    assert 0.0 == report.slot_accuracy("date")
    text_report = evaluate.format_report(report)
    assert "false alarms (1)" in text_report
    assert "wrong slots (1)" in text_report


def test_main_prints_a_report(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python benchmarks/evaluate.py FOLDER` prints the scores; a folder without gold is refused."""
    seed = evaluate.read_gold(corpus)[0]
    (tmp_path / "gold.jsonl").write_text(json.dumps(seed) + "\n", encoding="utf-8")
    (tmp_path / f"{seed['id']}.txt").write_text((corpus / f"{seed['id']}.txt").read_text("utf-8"), "utf-8")
    assert 0 == evaluate.main([str(tmp_path)])
    assert "overall" in capsys.readouterr().out
    assert 2 == evaluate.main([str(ROOT)])


@pytest.fixture(scope="module")
def dev_report(corpus: Path) -> Any:
    """The library's report on the dev corpus, computed once for this module."""
    return evaluate.evaluate(corpus)


def test_dev_corpus_targets(dev_report: Any) -> None:
    """On the dev corpus: the seed is exact, every type F1 >= 0.85, overall >= 0.9, every slot >= 0.9."""
    report = dev_report
    assert report.exact_articles["seed-netanyahu-putin-2019-12-26"]
    for kind in evaluate.TYPES:
        assert report.scores(kind)[2] >= 0.85, kind
    assert report.scores()[2] >= 0.9
    for slot in sorted(report.slot_total):
        assert report.slot_accuracy(slot) >= 0.9, slot


def test_phone_calls_and_pardon_requests_on_the_dev_corpus(dev_report: Any) -> None:
    """Phone calls and pardon requests are found with no false alarm and F1 >= 0.95 on the dev corpus."""
    report = dev_report
    for kind in ("PhoneCall", "PardonRequest"):
        assert 0 == report.false_positives[kind]
        assert report.scores(kind)[2] >= 0.95
