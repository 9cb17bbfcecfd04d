"""The shared noun-phrase reading (`newsevents.parsing.phrases`): written once, for any event type."""

from __future__ import annotations

import re
from pathlib import Path

import newsevents
from newsevents import registry
from newsevents.model import ActorKind
from newsevents.parsing.article import Article
from newsevents.parsing.engine import Found, Spec
from newsevents.parsing.mentions import view
from newsevents.parsing.patterns import Match
from newsevents.parsing.phrases import noun_phrase_actor, subject_before

PHRASES = Path(newsevents.__file__).parent / "parsing" / "phrases.py"


def test_the_module_names_no_event_type() -> None:
    """Like the engine, the phrase layer is written once: it names no event type."""
    source = PHRASES.read_text(encoding="utf-8").lower()
    for name in {name.lower() for name in registry.types()} | {
        "phonecall",
        "pardon",
        "sentencing",
        "airstrike",
    }:
        assert re.search(rf"\b{name}\b", source) is None, name


def _found(text: str, anchor_word: str) -> Found:
    article = Article(text)
    sentence = article.sentences[0]
    seen = view(article, sentence)
    anchor = next(token.index for token in seen.tokens if token.lower == anchor_word)
    match = Match(None, None, anchor, anchor + 1, {}, anchor)  # type: ignore[arg-type]
    return Found(article, sentence, seen, match, Spec(newsevents.PhoneCall, "none", lambda found: ()))


def test_kin_described_before_a_verb_speak_for_the_person_named() -> None:
    """ "The sister of poet Lena Fox wrote ...": a person described by kinship, who speaks for Fox."""
    found = _found("The sister of poet Lena Fox wrote to the governor.", "wrote")
    actor, speaks_for = subject_before(found, found.match.anchor - 1)
    assert actor is not None
    assert actor.kind is ActorKind.PERSON
    assert actor.name == "The sister of poet Lena Fox"
    assert speaks_for is not None
    assert speaks_for.name == "Lena Fox"


def test_a_plural_description_is_a_group() -> None:
    """ "Church groups": a group, as the text names it."""
    found = _found("Church groups wrote to the governor.", "wrote")
    actor, speaks_for = noun_phrase_actor(found, 0, 2)
    assert actor is not None
    assert actor.kind is ActorKind.GROUP
    assert actor.name == "Church groups"
    assert speaks_for is None
