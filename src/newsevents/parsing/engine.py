"""
The pattern engine: one way of turning an event type's pattern files into a recogniser.

An event type describes itself with a `Spec`: its class, the data folder of its
patterns (``data/<folder>/patterns.toml`` and word lists, see
`newsevents.parsing.patterns`), the word list whose words make a sentence worth
reading (``triggers``), the cue kinds that block it, and a ``build`` function that
turns one match into an event (or None). `recogniser` makes the recogniser `parse`
runs; the engine does the rest, for every type alike:

1. the sentences holding a trigger word (one cheap pass over the lowered text);
2. their tokens and the mention layer's spans (`newsevents.parsing.mentions`);
3. every match of every pattern, the first and longest where they overlap;
4. the blocking layer (`newsevents.parsing.blocking`) on the clause before each match;
5. ``build``, with a `Found` that gives the match's roles as actors, dates and counts;
6. one merge step (`newsevents.parsing.merge`) keyed by the class's ``identity``; an
   entry marked ``definite = true`` ("the call") refers back to an event already reported.

This module names no event type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import attrs

from newsevents.model import Actor, Event, Evidence, PartialDate
from newsevents.parsing.actors import Cast
from newsevents.parsing.article import Article, Sentence, evidence_for
from newsevents.parsing.blocking import cues_after, cues_before
from newsevents.parsing.clauses import attached_date
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.merge import merge
from newsevents.parsing.patterns import (
    Entry,
    Match,
    Span,
    load_entries,
    match_all,
    may_match_any,
    may_match_text,
    word_list,
)
from newsevents.parsing.roles import opening_pronoun

__all__ = ["Found", "Spec", "find", "recogniser", "specs"]

#: Every spec a recogniser was made for, by folder: what the pattern-file tests check.
_specs: dict[str, Spec] = {}


@attrs.frozen
class Spec:
    """
    What the engine needs to know of an event type.

    Args:
        event_type: The event class.
        folder: The data folder of its patterns (``data/<folder>/``); also the first part
            of its rules' names (``<folder>.<entry>``).
        build: Turns a match into its events (none to drop it; several for "X and Y phoned Z").
        package: The package that holds ``data/<folder>/`` (a user's own, for a user's type).
        triggers: The word list (in the folder) whose words select the sentences to read.
        blocking: The cue kinds that block a match (see `newsevents.parsing.blocking`).
        excludes: A word list (in the folder) of phrases that, within a few tokens of a
            match, show it is not an event of this type ("conference call", "interview").
        apart: ``(kept, mention) -> bool``: two mentions of the same identity that are
            nevertheless two occurrences (passed to `newsevents.parsing.merge.merge`).
        follow: A word list (in the folder) whose words make a sentence worth reading for
            the entries marked ``continues = true`` only: a further event told without the
            type's trigger word, right after one ("X phoned Y. He also spoke with Z").
    """

    event_type: type[Event]
    folder: str
    build: Callable[[Found], Iterable[Event]]
    package: str = "newsevents.parsing"
    triggers: str = "triggers"
    blocking: frozenset[str] = frozenset({"modal", "negation"})
    excludes: str | None = None
    apart: Callable[[Event, Event], bool] | None = None
    follow: str | None = None


@attrs.define
class Found:
    """
    One match, with what a ``build`` function needs to make an event of it.

    Attributes:
        article: The article.
        sentence: The sentence matched.
        view: The sentence's tokens and spans.
        match: The match (its entry, pattern, tokens and roles).
        spec: The event type's spec.
        earlier: The events of this type found before in the article, in text order (what a
            definite mention such as "the call" refers back to).
    """

    article: Article
    sentence: Sentence
    view: SentenceView
    match: Match
    spec: Spec
    earlier: list[Event] = attrs.field(factory=list)

    @property
    def entry(self) -> Entry:
        """The pattern file entry that matched."""
        return self.match.entry

    @property
    def cast(self) -> Cast:
        """The article's actors."""
        return self.view.cast

    def option(self, key: str, default: Any = None) -> Any:
        """An option of the matched entry (a key of its TOML table)."""
        return self.match.entry.options.get(key, default)

    def spans(self, role: str) -> tuple[Span, ...]:
        """The spans captured as ``role``."""
        return self.match.roles.get(role, ())

    def actors(self, *roles: str, subjects: bool = False) -> list[Actor]:
        """
        The actors captured under these roles, in order, each once. With ``subjects``, a
        "he" or "she" before any named person of the sentence is the subject of the sentence
        before (`newsevents.parsing.roles.opening_pronoun`), not the last person named.
        """
        out: list[Actor] = []
        for role in roles:
            for span in self.spans(role):
                values = (subjects and opening_pronoun(self.view, span)) or (
                    span.value if isinstance(span.value, list) else [span.value]
                )
                for actor in values:
                    if isinstance(actor, Actor) and actor not in out:
                        out.append(actor)
        return out

    def date(self, role: str = "time") -> PartialDate | None:
        """The date of the time captured as ``role``, else of the time expression attached to the match."""
        for span in self.spans(role):
            resolved = getattr(span.value, "date", None)
            if isinstance(resolved, PartialDate):
                return resolved
        start, end = self.view.char_range(self.match.start, self.match.end)
        return attached_date(self.article, self.sentence, start, end)

    def follows(self, within: int = 2) -> Event | None:
        """
        The last event found before this match whose evidence ends at most ``within``
        sentences before the matched one, or None: what a continuation ("He also
        spoke with Z", "In a separate call, ...") goes on from.
        """
        if not self.earlier:
            return None
        last = self.earlier[-1]
        evidence = last.evidence
        if evidence is None or evidence.end > self.view.char_range(self.match.start, self.match.end)[0]:
            return None
        told = self.article.sentence_at(max(evidence.end - 1, evidence.start))
        if told is None or self.sentence.index - told.index > within:
            return None
        return last

    @property
    def chars(self) -> tuple[int, int]:
        """The match's character offsets in the article."""
        return self.view.char_range(self.match.start, self.match.end)

    def around(self, file: str, *, sentence: Sentence | None = None) -> list[Match]:
        """
        The matches of another of the type's pattern files in this sentence (or another one):
        what the type reads around an event ("initiated by X", "at X's request").
        """
        target = sentence or self.sentence
        seen = self.view if target is self.sentence else view(self.article, target)
        return match_all(entries(self.spec, file), seen.tokens, seen.spans)

    def evidence(self) -> Evidence:
        """The evidence: the sentence, with the rule ``<folder>.<entry>``."""
        return evidence_for(self.sentence, f"{self.spec.folder}.{self.match.entry.name}")


@cache
def _entries(package: str, folder: str, file: str = "patterns") -> tuple[Entry, ...]:
    return load_entries(package, folder, file)


def entries(spec: Spec, file: str = "patterns") -> tuple[Entry, ...]:
    """The compiled entries of one of a spec's pattern files (read once)."""
    return _entries(spec.package, spec.folder, file)


def _candidates(article: Article, spec: Spec) -> list[Sentence]:
    words = word_list(spec.package, spec.folder, spec.triggers)
    return article.sentences_with(tuple(sorted(words)))


def find(article: Article, spec: Spec) -> list[Event]:
    """
    Every event of a spec's type in an article, merged.

    Args:
        article: The article.
        spec: The event type's spec.
    """
    found: list[Event] = []
    definite: list[bool] = []
    rules = entries(spec)
    candidates = _candidates(article, spec)
    following: dict[int, Sentence] = {}
    if spec.follow is not None:
        following = {
            s.index: s
            for s in article.sentences_with(tuple(sorted(word_list(spec.package, spec.folder, spec.follow))))
        }
        for sentence in candidates:
            following.pop(sentence.index, None)
        candidates = sorted([*candidates, *following.values()], key=lambda sentence: sentence.index)
    for sentence in candidates:
        read = _continuing(rules) if sentence.index in following else rules
        for event, refers_back in _sentence_events(article, sentence, spec, read, found):
            found.append(event)
            definite.append(refers_back)
    return merge(zip(found, definite, strict=True), apart=spec.apart)


def _sentence_events(
    article: Article, sentence: Sentence, spec: Spec, rules: tuple[Entry, ...], earlier: list[Event]
) -> Iterator[tuple[Event, bool]]:
    """The events of one sentence, each with whether its entry is a definite (back-referring) mention."""
    if not may_match_text(rules, article.text[sentence.start : sentence.end]):
        return  # no pattern can match (by the words the text holds): not even tokenized
    seen = view(article, sentence)
    needed = _needed_words(rules)
    if needed is not None and needed.isdisjoint(seen.words):
        return  # no pattern can match: the mention layer is not even built
    if not _may_match_any(rules, seen.words):
        return  # every pattern lacks one of the words it needs: the mention layer is not built either
    excluded = _phrases(spec)
    for match in match_all(rules, seen.tokens, seen.spans_for(_kinds_of(rules))):
        cues = cues_before(seen.tokens, match.anchor) | cues_after(seen.tokens, match.end)
        if not match.entry.options.get("unblocked", False) and cues & spec.blocking:
            continue
        if excluded and _near(seen, match, excluded):
            continue
        refers_back = bool(match.entry.options.get("definite", False))
        for event in spec.build(Found(article, sentence, seen, match, spec, earlier)):
            yield event, refers_back


#: Per tuple of entries, by its id: the tuple and its entries marked ``continues`` (kept like `_KINDS`).
_CONTINUING: dict[int, tuple[tuple[Entry, ...], tuple[Entry, ...]]] = {}


def _continuing(rules: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The entries marked ``continues = true``: all a sentence found by a `Spec.follow` word is read for."""
    known = _CONTINUING.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    subset = tuple(entry for entry in rules if entry.options.get("continues", False))
    _CONTINUING[id(rules)] = (rules, subset)
    return subset


def _may_match_any(rules: tuple[Entry, ...], words: frozenset[str]) -> bool:
    """Whether some pattern of the entries may match a sentence of these words (all it needs are there)."""
    return may_match_any(rules, words)


#: Per tuple of entries, by its id: the tuple itself (kept, so that its id is never reused
#: for another while the entry stands; two threads reading a folder at once may each make
#: a tuple) and what was computed for it.
_KINDS: dict[int, tuple[tuple[Entry, ...], frozenset[str]]] = {}
_NEEDED: dict[int, tuple[tuple[Entry, ...], frozenset[str] | None]] = {}


def _needed_words(rules: tuple[Entry, ...]) -> frozenset[str] | None:
    """
    Words one of which a sentence must hold for any of the entries to match (each pattern's
    first required word set, together), or None when some pattern requires no word at all.
    """
    known = _NEEDED.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    patterns = [pattern for entry in rules for pattern in entry.patterns]
    needed = None
    if all(pattern.required for pattern in patterns):
        needed = frozenset().union(*(pattern.required[0] for pattern in patterns))
    _NEEDED[id(rules)] = (rules, needed)
    return needed


def _kinds_of(rules: tuple[Entry, ...]) -> frozenset[str]:
    """Every span kind the entries capture: what the mention layer must compute for them (once)."""
    known = _KINDS.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    found = frozenset().union(*(p.kinds for entry in rules for p in entry.patterns)) | {"TIME"}
    _KINDS[id(rules)] = (rules, found)
    return found


#: How many tokens around a match an excluding phrase is looked for.
_EXCLUDE_REACH = 8


def _phrases(spec: Spec) -> frozenset[tuple[str, ...]]:
    if spec.excludes is None:
        return frozenset()
    return _phrase_set(spec.package, spec.folder, spec.excludes)


@cache
def _phrase_set(package: str, folder: str, name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in word_list(package, folder, name))


def _near(seen: SentenceView, match: Match, phrases: frozenset[tuple[str, ...]]) -> bool:
    tokens = seen.tokens
    lower = [
        token.lower for token in tokens[max(0, match.start - _EXCLUDE_REACH) : match.end + _EXCLUDE_REACH]
    ]
    by_first = _by_first_word(phrases)
    for first, word in enumerate(lower):
        for phrase in by_first.get(word, ()):  # only the phrases that open with this word
            if tuple(lower[first : first + len(phrase)]) == phrase:
                return True
    return False


@cache
def _by_first_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Excluding phrases by their first word (an empty phrase matches nowhere, so is left out)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        if phrase:
            found.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(listed) for word, listed in found.items()}


def recogniser(spec: Spec) -> Callable[[Article], Iterator[Event]]:
    """
    The recogniser of a spec: register it with `newsevents.parsing.register_recogniser`.

    Args:
        spec: The event type's spec.
    """

    _specs[f"{spec.package}:{spec.folder}"] = spec

    def recognise(article: Article) -> Iterator[Event]:
        yield from find(article, spec)

    recognise.__name__ = recognise.__qualname__ = f"find_{spec.folder}"
    recognise.__module__ = getattr(spec.build, "__module__", __name__)
    return recognise


def specs() -> Mapping[str, Spec]:
    """The specs of every recogniser made by `recogniser`, by ``package:folder``."""
    return dict(_specs)


def expectations(spec: Spec) -> Mapping[str, tuple[str, Mapping[str, Any]]]:
    """Each entry's example and expected fields, by entry name (for the tests of pattern files)."""
    return {entry.name: (entry.example, entry.expect) for entry in entries(spec)}
