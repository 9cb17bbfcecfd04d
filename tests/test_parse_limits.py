"""
The parser on hostile text: bounded work, failures that cost one sentence, a size guard.

Speed and scaling are benchmark figures (``benchmarks/bench_hostile.py``), never timed here:
these tests pin *what* the parser returns on the same catalogue at a small size, so a
change that makes a pattern skip work it should do shows up as changed events.
Regenerate the known results after an intended parser change with
``NEWSEVENTS_REGENERATE=1 python -m pytest tests/test_parse_limits.py``.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from tests.hostile_texts import CATALOGUE, build, names

import newsevents
from newsevents import Event, LimitError, PhoneCall
from newsevents.parsing import (
    CONTEXT,
    WINDOW,
    Article,
    parse_report,
    register_recogniser,
    unregister_recogniser,
)
from newsevents.parsing.article import MAX_SENTENCE, evidence_for

KNOWN = Path(__file__).parent / "golden" / "hostile-events.json"
SIZE = 3_000


def _summary(events: list[Event]) -> list[list[object]]:
    return [
        [type(e).__name__, e.evidence.start, e.evidence.end, e.evidence.rule]
        for e in events
        if e.evidence is not None
    ]


def _known() -> dict[str, list[list[object]]]:
    if os.environ.get("NEWSEVENTS_REGENERATE"):
        found = {name: _summary(newsevents.parse(build(name, SIZE))) for name in CATALOGUE}
        KNOWN.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    loaded: dict[str, list[list[object]]] = json.loads(KNOWN.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_hostile_catalogue_gives_known_events(name: str) -> None:
    """Each hostile text gives the events recorded for it, with exact evidence, and no failure."""
    text = build(name, SIZE)
    report = parse_report(text)
    assert [] == report.failures
    for event in report.events:
        assert event.evidence is not None
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert _known()[name] == _summary(report.events)


def test_a_run_of_marks_is_one_sentence_boundary() -> None:
    """Ten thousand full stops (or ellipses) end one sentence: the next starts after the run."""
    for mark in ".…!?":
        article = Article("He said" + mark * 10_000 + " Then he left.")
        assert "Then he left." == article.sentences[-1].text
        assert all(len(s.text) <= MAX_SENTENCE for s in article.sentences)


def test_no_sentence_is_longer_than_the_bound() -> None:
    """A text with no sentence boundary is cut into sentences of at most MAX_SENTENCE characters."""
    text = "word " * 5_000
    article = Article(text)
    assert all(len(s.text) <= MAX_SENTENCE for s in article.sentences)
    assert text.strip() == " ".join(s.text for s in article.sentences)


def test_capitalised_for_chain_reads_without_recursion() -> None:
    """'Lawyers for A for B for C ...' (thousands of names) no longer exhausts the stack."""
    people = names()
    chain = " for ".join(next(people) for _ in range(1_500))
    text = f"Lawyers for {chain} said on Monday. Ann Lee asked the governor to pardon Bob Stone."
    report = parse_report(text)
    assert [] == report.failures
    assert any(type(e).__name__ == "PardonRequest" for e in report.events)


def test_max_chars_refuses_longer_texts() -> None:
    """max_chars is a guard for services: longer text is refused with a LimitError naming both sizes."""
    assert newsevents.parse("short", max_chars=5) == []
    with pytest.raises(LimitError, match="6 characters, more than max_chars=5"):
        newsevents.parse("longer", max_chars=5)
    with pytest.raises(newsevents.NewsEventsError, match="max_chars"):
        newsevents.parse("text", max_chars=-1)


# --------------------------------------------------------------------------- windows


def _long_text() -> str:
    people = names()
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < 2 * (WINDOW + CONTEXT):
        paragraphs.append(
            f"{next(people)} spoke by phone with {next(people)} on Wednesday, officials said. "
            "Markets were calm and the talks went on."
        )
    return "date 2020-03-12\nLeaders talk\n\n" + "\n\n".join(paragraphs)


def test_long_text_is_read_in_windows_with_exact_offsets() -> None:
    """A text longer than a window gives the events of every window, at the text's own offsets."""
    text = _long_text()
    assert len(text) > 2 * (WINDOW + CONTEXT)
    calls = newsevents.parse(text)
    paragraphs = text.count("spoke by phone")
    assert paragraphs == len(calls)  # one distinct call per paragraph, in every window
    assert all(isinstance(call, PhoneCall) for call in calls)
    for event in calls:
        assert event.evidence is not None
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    # every window knows the publication date from the date line
    assert {"2020-03-11"} == {str(call.date) for call in calls}


def test_the_same_call_in_two_windows_is_one_event() -> None:
    """A call told again in the next window's context is the event of the window that told it first."""
    text = _long_text()
    start = text.index("\n\n", WINDOW - 500) + 2
    repeated = text[start : text.index("\n\n", start)]
    doubled = (
        text[: text.index("\n\n", WINDOW + 200)]
        + "\n\n"
        + repeated
        + text[text.index("\n\n", WINDOW + 200) :]
    )
    assert len(newsevents.parse(text)) == len(newsevents.parse(doubled))


def test_windows_never_repeat_an_event_of_the_context() -> None:
    """Events found in a window's context belong to the window before: none is reported twice."""
    text = _long_text()
    spans = [(type(e).__name__, e.evidence.start) for e in newsevents.parse(text) if e.evidence]
    assert len(spans) == len(set(spans))


# --------------------------------------------------------------------------- failures


def test_user_recogniser_keeps_what_it_yielded_before_failing(caplog: pytest.LogCaptureFixture) -> None:
    """A user's recogniser that raises keeps its earlier events; the failure is a warning and a report."""
    text = "Ann Lee spoke by phone with Bob Stone. Then it broke."

    def flaky(article: Article) -> Iterator[Event]:
        sentence = article.sentences[0]
        yield PhoneCall(
            participants=(newsevents.Actor.person("Ann Lee"), newsevents.Actor.person("Bob Stone")),
            evidence=evidence_for(sentence, "test.flaky"),
        )
        raise RuntimeError("broken on purpose")

    register_recogniser(PhoneCall)(flaky)
    try:
        with caplog.at_level(logging.WARNING, logger="newsevents.parsing"):
            report = parse_report(text)
    finally:
        unregister_recogniser(flaky)
    assert any(e.evidence is not None and e.evidence.rule == "test.flaky" for e in report.events)
    [failure] = [f for f in report.failures if f.recogniser.endswith("flaky")]
    assert "PhoneCall" == failure.type
    assert (0, len(text)) == (failure.start, failure.end)
    assert "RuntimeError: broken on purpose" == failure.error
    assert "flaky" in caplog.text
    assert f"characters 0-{len(text)}" in caplog.text


def test_shipped_recogniser_loses_only_the_sentence_it_fails_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shipped recogniser that raises on one sentence still finds the calls of every other sentence."""
    from newsevents.parsing import engine

    real = engine.match_all

    def fragile(entries: object, tokens: object, spans: object) -> object:
        if any(token.text == "Zebra" for token in tokens):  # type: ignore[attr-defined]
            raise RecursionError("maximum recursion depth exceeded")
        return real(entries, tokens, spans)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "match_all", fragile)
    text = (
        "Ann Lee spoke by phone with Bob Stone on Monday.\n\n"
        "Zebra Jones spoke by phone with Carl Vance.\n\n"
        "Dora Wu spoke by phone with Eve Sand on Tuesday."
    )
    report = parse_report(text, published=datetime.date(2020, 3, 12))
    calls = [e for e in report.events if isinstance(e, PhoneCall)]
    assert {"Ann Lee", "Dora Wu"} == {c.participants[0].name for c in calls}
    [failure] = report.failures
    start = text.index("Zebra")
    assert (start, text.index(".", start) + 1) == (failure.start, failure.end)
    assert failure.recogniser.startswith("newsevents.parsing.phonecall")
    assert failure.where.endswith("fragile")


def test_report_failures_are_plain_values() -> None:
    """A failure is a frozen value: comparable and safe to pass between processes."""
    report = parse_report("Nothing happens here.")
    assert [] == report.failures
    assert attrs.has(type(report))
