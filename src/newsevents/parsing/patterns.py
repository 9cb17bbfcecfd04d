"""
Token patterns as data: the language of the ``parsing/data/<type>/patterns.toml`` files and its matcher.

A pattern file is TOML. Each table is one entry: a construction with its patterns::

    [spoke_by_phone]
    construction = "X spoke by phone with Y"
    example = "Ann Lee spoke by phone with Bob Stone on Monday."
    expect = { participants = ["Ann Lee", "Bob Stone"] }
    patterns = ["<agent:ACTORS> ~2 @speak ( by | over | on ) the? @phone with <partner:ACTORS>"]

``construction`` names what the entry covers and ``example`` is a sentence written for the
project, which a test parses to check ``expect`` (the fields the event must have).
Other keys are the event type's own (its recogniser reads them).

A pattern is a sequence of elements separated by spaces. Each matches tokens of a
sentence (`newsevents.parsing.tokens`) or spans of the mention layer:

==================  ==========================================================
``word``            a token whose lower-case text is ``word`` (``'s``, ``,`` too)
``a|b|@c``          any of these words or classes
``@class``          a token in a word list: ``data/<type>/<class>.txt``, else
                    ``data/lexicon/<class>.txt`` (one lower-case word a line)
``#Xx``             a token of this shape (``Xx`` capitalised, ``X`` capitals,
                    ``x`` lower case, ``d`` number, ``.`` mark)
``<role:KIND>``     a span of the mention layer of this kind (``ACTOR``,
                    ``ACTORS`` a coordinated list, ``PERSON``, ``STATE``,
                    ``GROUP``, ``TIME``, ``COUNT``, ``TERM``, ``PLACE``,
                    ``NAME`` any capitalised name), captured as
                    ``role``; ``<KIND>`` matches without capturing
``~N``              up to N tokens within the clause (fewest first), never
                    passing over the start of a person; ``~~N`` may
``( a b | c )``     a group: either sequence (``)?`` closes an optional group)
``X?``              any element (or group) may be optional
==================  ==========================================================

The role ``agent`` is the subject of the construction: it is never captured right after a
preposition ("the case of X", "talks with X").

No regular expression appears in a pattern file: a token is a word, not text. The
matcher is written once and knows no event type; `newsevents.parsing.engine` runs it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from newsevents._disk_cache import load_or_build, stat_line
from newsevents._package_data import ROOT, data_stats
from newsevents.parsing.tokens import Token

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["Entry", "Match", "PatternError", "Span", "compile_pattern", "load_entries", "match_all"]

#: The kinds of span a pattern may capture; the mention layer provides them.
KINDS = frozenset(
    {"ACTOR", "ACTORS", "PERSON", "STATE", "GROUP", "ORG", "TIME", "COUNT", "TERM", "PLACE", "PLACES", "NAME"}
)
#: Tokens a skip (``~N``) never crosses: they end a clause.
_CLAUSE_END = frozenset({";", ":", "—", "–", "(", ")", '"', "“", "”"})


class PatternError(ValueError):
    """A pattern file or pattern that cannot be read; the message names the file and entry."""


@attrs.frozen
class Span:
    """
    A span of the mention layer over a sentence's tokens.

    Args:
        kind: Its kind (``ACTOR``, ``TIME``, ...).
        start: Index of its first token.
        end: Index just past its last token.
        value: What it denotes: an `Actor`, a list of actors, a `PartialDate`, a `Count`, a `Place`.
    """

    kind: str
    start: int
    end: int
    value: Any


# --------------------------------------------------------------------------- elements


@attrs.frozen
class _Words:
    words: frozenset[str]
    classes: tuple[str, ...]
    optional: bool = False


@attrs.frozen
class _Shape:
    shape: str
    optional: bool = False


@attrs.frozen
class _Capture:
    role: str | None
    kind: str
    optional: bool = False


@attrs.frozen
class _Skip:
    most: int
    over_people: bool = False


@attrs.frozen
class _Group:
    choices: tuple[tuple[Any, ...], ...]
    optional: bool = False


Element = _Words | _Shape | _Capture | _Skip | _Group


@attrs.frozen
class Pattern:
    """
    A compiled pattern: its elements, and what lets the matcher skip it cheaply.

    Attributes:
        source: The pattern as written.
        elements: Its elements.
        required: For each word element every match needs, the words it accepts: a
            sentence lacking all of one set's words cannot match.
    """

    source: str
    elements: tuple[Element, ...]
    required: tuple[frozenset[str], ...] = ()
    #: The words a match's first token may be, when its first elements are words (else None).
    first: frozenset[str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        found = _first_words(self.elements)
        object.__setattr__(self, "first", None if found is None else found[0])

    def may_match(self, words: frozenset[str]) -> bool:
        """Whether a sentence holding these (lower-case) words may match at all."""
        for needed in self.required:  # noqa: SIM110 (no generator: this runs per pattern and sentence)
            if needed.isdisjoint(words):
                return False
        return True

    @property
    def kinds(self) -> frozenset[str]:
        """The span kinds the pattern captures (what the mention layer must provide for it)."""
        return _kinds(self.elements)

    def starts(self, tokens: Sequence[Token], spans: Mapping[int, Sequence[Span]]) -> Iterable[int]:
        """The token positions a match may start at (all of them, unless the first element says)."""
        first = self.elements[0]
        if isinstance(first, _Words) and not first.optional:
            return [i for i, token in enumerate(tokens) if token.lower in first.words]
        if isinstance(first, _Capture) and not first.optional:
            kinds = _ACTOR_KINDS if first.kind == "ACTOR" else frozenset({first.kind})
            return [at for at in sorted(spans) if any(span.kind in kinds for span in spans[at])]
        if self.first is not None:
            # optional words or groups first ("( @be @adverb? )? sentenced"): a match that takes
            # any token takes one of these first
            words = self.first
            return [i for i, token in enumerate(tokens) if token.lower in words]
        return range(len(tokens))


    def starts_in(
        self, tokens: Sequence[Token], spans: Mapping[int, Sequence[Span]], positions: Mapping[str, list[int]]
    ) -> Iterable[int]:
        """`starts`, with each word's token positions given (``positions``, made once per sentence)."""
        first = self.elements[0]
        if isinstance(first, _Words) and not first.optional:
            words = first.words
        elif isinstance(first, _Capture) or self.first is None:
            return self.starts(tokens, spans)
        else:
            words = self.first
        if len(words) < len(positions):
            found = [positions[word] for word in words if word in positions]
        else:
            found = [ats for word, ats in positions.items() if word in words]
        if len(found) == 1:
            return found[0]
        return sorted(at for ats in found for at in ats)


def _first_words(elements: Sequence[Element]) -> tuple[frozenset[str], bool] | None:
    """
    The words the first token of any non-empty match of the elements is one of, and whether
    they may match no token at all; None when a span, shape or skip may come first.
    """
    found: set[str] = set()
    for element in elements:
        if isinstance(element, _Words):
            found |= element.words
            if not element.optional:
                return frozenset(found), False
        elif isinstance(element, _Group):
            empty = element.optional
            for choice in element.choices:
                inner = _first_words(choice)
                if inner is None:
                    return None
                found |= inner[0]
                empty = empty or inner[1]
            if not empty:
                return frozenset(found), False
        else:
            return None
    return frozenset(found), True


def _kinds(elements: Sequence[Element]) -> frozenset[str]:
    found: set[str] = set()
    for element in elements:
        if isinstance(element, _Capture):
            found.add(element.kind)
        elif isinstance(element, _Group):
            for choice in element.choices:
                found |= _kinds(choice)
    return frozenset(found)


def compile_pattern(source: str, classes: Callable[[str], frozenset[str]]) -> Pattern:
    """
    Compile one pattern string.

    Args:
        source: The pattern, in the language of the module docstring.
        classes: Gives the word list of a class name (raises `PatternError` when unknown).

    Raises:
        PatternError: When the pattern cannot be read.
    """
    items = source.split()
    elements, position = _sequence(items, 0, classes, source)
    if position != len(items):
        raise PatternError(f"unbalanced ')' in pattern {source!r}")
    if not elements:
        raise PatternError("empty pattern")
    required = tuple(e.words for e in elements if isinstance(e, _Words) and not e.optional)
    return Pattern(source, tuple(elements), required)


def _sequence(
    items: list[str], position: int, classes: Callable[[str], frozenset[str]], source: str
) -> tuple[list[Element], int]:
    out: list[Element] = []
    while position < len(items):
        item = items[position]
        if item in (")", ")?", "|"):
            return out, position
        if item == "(":
            choices: list[tuple[Element, ...]] = []
            position += 1
            while True:
                inner, position = _sequence(items, position, classes, source)
                choices.append(tuple(inner))
                if position >= len(items):
                    raise PatternError(f"unclosed '(' in pattern {source!r}")
                if items[position] == "|":
                    position += 1
                    continue
                optional = items[position] == ")?"
                position += 1
                break
            out.append(_Group(tuple(choices), optional))
            continue
        out.append(_element(item, classes, source))
        position += 1
    return out, position


def _element(item: str, classes: Callable[[str], frozenset[str]], source: str) -> Element:
    optional = item.endswith("?") and len(item) > 1
    body = item[:-1] if optional else item
    if body.startswith("~"):
        over = body.startswith("~~")
        digits = body[2:] if over else body[1:]
        if optional or not digits.isdigit():
            raise PatternError(f"a skip is ~N or ~~N with N a number, got {item!r} in {source!r}")
        return _Skip(int(digits), over)
    if body.startswith("<") and body.endswith(">"):
        role, _, kind = body[1:-1].rpartition(":")
        if kind not in KINDS:
            raise PatternError(
                f"unknown span kind {kind!r} in {source!r} (known: {', '.join(sorted(KINDS))})"
            )
        return _Capture(role or None, kind, optional)
    if body.startswith("#"):
        if body[1:] not in ("Xx", "X", "x", "d", ".", "X."):
            raise PatternError(f"unknown shape {body!r} in {source!r}")
        return _Shape(body[1:], optional)
    literal: set[str] = set()
    named: list[str] = []
    for choice in body.split("|"):
        if not choice:
            raise PatternError(f"empty alternative in {item!r} of {source!r}")
        if choice.startswith("@"):
            named.append(choice[1:])
            literal |= classes(choice[1:])
        else:
            if choice != choice.lower():
                raise PatternError(f"words in patterns are lower case: {choice!r} in {source!r}")
            literal.add(choice)
    return _Words(frozenset(literal), tuple(named), optional)


# --------------------------------------------------------------------------- entries


@attrs.frozen
class Entry:
    """
    One entry of a pattern file: a construction, its example and its compiled patterns.

    Args:
        name: The entry's name (its TOML table); events it finds have the rule ``<type>.<name>``.
        construction: What it covers, in words.
        example: A sentence written for the project that it must find.
        expect: The fields the event found in the example must have.
        patterns: Its compiled patterns.
        options: Every other key of the entry, for the event type's recogniser.
    """

    name: str
    construction: str
    example: str
    expect: Mapping[str, Any]
    patterns: tuple[Pattern, ...]
    options: Mapping[str, Any]


def load_entries(package: str, folder: str, file: str = "patterns") -> tuple[Entry, ...]:
    """
    Read and compile ``<package>/data/<folder>/<file>.toml``.

    The compiled entries are kept in the on-disk cache (`newsevents._disk_cache`), keyed by
    the files of the pattern folder and of the word-list folders, and by this module: a
    new process reads them back instead of parsing TOML and compiling again.

    Args:
        package: The package holding the ``data`` folder (``"newsevents.parsing"``, or a
            user's), or the absolute path of a directory that holds the pattern folders.
        folder: The pattern folder (one per event type).
        file: The pattern file's name without ``.toml``: ``patterns`` finds events; a type
            may keep other files for what it reads around a match (who initiated a call).

    Raises:
        PatternError: When the file or a pattern cannot be read, naming the entry.
    """
    base = _data(package)
    if not isinstance(base, Path):  # a package read through a zip or another loader: no key to cache by
        return _compile_entries(package, folder, file)
    key = [package, folder, file, stat_line(__file__), *data_stats()]  # the parser's own lexicon too
    if package != "newsevents.parsing":  # a user's folders
        folders = [where for where in (base / folder, base / "lexicon") if where.is_dir()]
        key += [stat_line(path) for where in folders for path in sorted(where.iterdir())]
    try:
        plain = load_or_build(
            "patterns", key, lambda: [_entry_plain(e) for e in _compile_entries(package, folder, file)]
        )
        return tuple(_entry_from_plain(item) for item in plain)
    except (TypeError, ValueError, IndexError):  # a cache file of another layout: compile here
        return _compile_entries(package, folder, file)


def _compile_entries(package: str, folder: str, file: str) -> tuple[Entry, ...]:
    import tomllib  # noqa: PLC0415 (only a process whose pattern cache is cold parses TOML)

    base = _data(package).joinpath(folder)
    where = f"{package}:data/{folder}/{file}.toml"
    try:
        document = tomllib.loads(base.joinpath(f"{file}.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PatternError(f"{where}: {error}") from None

    def classes(name: str) -> frozenset[str]:
        return word_list(package, folder, name)

    entries: list[Entry] = []
    for name, table in document.items():
        if not isinstance(table, dict):
            raise PatternError(f"{where}: {name!r} is not a table")
        missing = [key for key in ("construction", "example", "patterns") if key not in table]
        if missing:
            raise PatternError(f"{where} [{name}]: missing {', '.join(missing)}")
        try:
            patterns = tuple(compile_pattern(source, classes) for source in table["patterns"])
        except PatternError as error:
            raise PatternError(f"{where} [{name}]: {error}") from None
        options = {
            k: v for k, v in table.items() if k not in ("construction", "example", "expect", "patterns")
        }
        entries.append(
            Entry(name, table["construction"], table["example"], table.get("expect", {}), patterns, options)
        )
    return tuple(entries)


# The plain form of compiled entries (tuples, strings, numbers, frozensets, dicts), which the
# on-disk cache holds; each element is a tuple whose first item says which class it is.


def _element_plain(element: Element) -> tuple[Any, ...]:
    if isinstance(element, _Words):
        return ("w", element.words, element.classes, element.optional)
    if isinstance(element, _Shape):
        return ("s", element.shape, element.optional)
    if isinstance(element, _Capture):
        return ("c", element.role, element.kind, element.optional)
    if isinstance(element, _Skip):
        return ("k", element.most, element.over_people)
    choices = tuple(tuple(_element_plain(e) for e in choice) for choice in element.choices)
    return ("g", choices, element.optional)


def _element_from_plain(plain: tuple[Any, ...]) -> Element:
    tag = plain[0]
    if tag == "w":
        return _Words(plain[1], plain[2], plain[3])
    if tag == "s":
        return _Shape(plain[1], plain[2])
    if tag == "c":
        return _Capture(plain[1], plain[2], plain[3])
    if tag == "k":
        return _Skip(plain[1], plain[2])
    if tag == "g":
        return _Group(tuple(tuple(_element_from_plain(e) for e in choice) for choice in plain[1]), plain[2])
    raise ValueError(f"unknown element {tag!r} in the pattern cache")


def _entry_plain(entry: Entry) -> tuple[Any, ...]:
    patterns = tuple(
        (pattern.source, tuple(_element_plain(e) for e in pattern.elements), pattern.required)
        for pattern in entry.patterns
    )
    return (entry.name, entry.construction, entry.example, dict(entry.expect), patterns, dict(entry.options))


def _entry_from_plain(plain: tuple[Any, ...]) -> Entry:
    name, construction, example, expect, patterns, options = plain
    compiled = tuple(
        Pattern(source, tuple(_element_from_plain(e) for e in elements), required)
        for source, elements, required in patterns
    )
    return Entry(name, construction, example, expect, compiled, options)


def _data(package: str) -> Traversable:
    """Where a package's pattern folders are: its ``data`` folder, or the directory named by a path."""
    if package == "newsevents.parsing":
        return ROOT / "parsing" / "data"
    if os.path.isabs(package):
        return Path(package)
    from importlib import resources  # noqa: PLC0415 (only a user's pattern package pays for the import)

    return resources.files(package).joinpath("data")


@cache
def word_list(package: str, folder: str, name: str) -> frozenset[str]:
    """
    A word list of a pattern folder (``<folder>/<name>.txt``), else of the package's
    ``lexicon`` folder, else of the parser's own lexicon (``data/lexicon/``).
    """
    for path in (
        _data(package).joinpath(folder, f"{name}.txt"),
        _data(package).joinpath("lexicon", f"{name}.txt"),
        _data("newsevents.parsing").joinpath("lexicon", f"{name}.txt"),
    ):
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            return frozenset(
                line.strip().lower().replace("’", "'")
                for line in lines
                if line.strip() and not line.startswith("#")
            )
    raise PatternError(f"no word list @{name} in data/{folder}/ or data/lexicon/ of {package}")


# --------------------------------------------------------------------------- matching


@attrs.frozen
class Match:
    """
    A pattern matched in a sentence.

    Args:
        entry: The entry whose pattern matched.
        pattern: The pattern.
        start: Index of the first token matched.
        end: Index just past the last.
        roles: The captured spans by role, in order.
        anchor: Index of the first token matched by a word (not a span): the trigger, before
            which the blocking cues of its clause are read.
    """

    entry: Entry
    pattern: Pattern
    start: int
    end: int
    roles: Mapping[str, tuple[Span, ...]]
    anchor: int


def match_all(
    entries: Sequence[Entry], tokens: Sequence[Token], spans: Mapping[int, Sequence[Span]]
) -> list[Match]:
    """
    Every match of every entry's patterns in one sentence, keeping the first and longest.

    Matches are returned in token order; where two overlap, the one that starts first wins,
    then the longer one, then the entry and pattern declared first.

    Args:
        entries: The entries to run.
        tokens: The sentence's tokens.
        spans: The mention layer's spans of the sentence, by start token (longest first).
    """
    found: list[tuple[int, int, int, int, Match]] = []
    sentence = _Sentence(tokens, spans)
    positions: dict[str, list[int]] = {}  # each word's token positions: where word-first patterns start
    for at, token in enumerate(tokens):
        positions.setdefault(token.lower, []).append(at)
    needs = _needs(entries)
    have = needs.met(positions)
    masks = iter(needs.masks)
    for rank, entry in enumerate(entries):
        for number, pattern in enumerate(entry.patterns):
            mask = next(masks)
            if mask & have != mask:
                continue  # `pattern.may_match` is False: a required word set has no word here
            for start in pattern.starts_in(tokens, spans, positions):
                for end, roles, anchor in sentence.run(pattern.elements, 0, start, {}, None):
                    if end > start:
                        match = Match(entry, pattern, start, end, roles, start if anchor is None else anchor)
                        found.append((start, -end, rank, number, match))
                        break
    found.sort(key=lambda item: item[:4])
    out: list[Match] = []
    covered_until = -1
    for start, negative_end, _rank, _number, match in found:
        if start < covered_until:
            continue
        out.append(match)
        covered_until = -negative_end
    return out


#: A run of letters (the letters of the tokenizer's words).
_LETTERS = re.compile(r"[^\W\d_]+")


class _Needs:
    """
    The required word sets (`Pattern.required`) of a sequence of entries' patterns as bits, one
    per distinct set: a sentence's words give the bits of the sets they meet (`met`), and a
    pattern may match (`Pattern.may_match`) exactly when its mask's bits are all among them.
    """

    __slots__ = ("always", "bits", "letters", "masks", "substrings")

    def __init__(self, entries: Sequence[Entry]) -> None:
        ids: dict[frozenset[str], int] = {}
        masks: list[int] = []
        for entry in entries:
            for pattern in entry.patterns:
                mask = 0
                for words in pattern.required:
                    mask |= 1 << ids.setdefault(words, len(ids))
                masks.append(mask)
        bits: dict[str, int] = {}
        for words, bit in ids.items():
            for word in words:
                bits[word] = bits.get(word, 0) | 1 << bit
        self.bits = bits
        #: One mask per pattern, in the order of the entries and their patterns.
        self.masks = tuple(masks)
        #: For `met_in_text`: the bits of the ASCII words of letters only (found as runs of
        #: letters), the other ASCII words with their bits (found as substrings), and the bits
        #: of the words that are not ASCII, taken as met.
        self.letters = {word: bit for word, bit in bits.items() if word.isascii() and word.isalpha()}
        self.substrings = tuple(
            (word, bit) for word, bit in bits.items() if word.isascii() and not word.isalpha()
        )
        always = 0
        for word, bit in bits.items():
            if not word.isascii():
                always |= bit
        self.always = always

    def met(self, words: Iterable[str]) -> int:
        """The bits of the sets that hold one of ``words``."""
        have = 0
        bits = self.bits
        for word in words:
            have |= bits.get(word, 0)
        return have

    def met_in_text(self, lowered: str) -> int:
        """
        The bits `met` could give for the tokens of a text, or more, read without tokenizing
        (``lowered``: the text lower-cased, ``’`` written ``'``). A token of letters only is a
        whole run of letters (once "do" is cut from "n't"), and any other token is a substring;
        lower-casing is per character (but for the Greek final sigma, which no ASCII word holds),
        so no bit `met` gives is left out.
        """
        have = self.always
        letters = self.letters
        runs = _LETTERS.findall(lowered.replace("n't", " n't") if "n't" in lowered else lowered)
        for run in set(runs):
            have |= letters.get(run, 0)
        for word, bit in self.substrings:
            if word in lowered:
                have |= bit
        return have

    def any_may_match(self, words: Iterable[str]) -> bool:
        """Whether some pattern may match a sentence of these words (`Pattern.may_match`)."""
        have = self.met(words)
        return any(mask & have == mask for mask in self.masks)


#: Per tuple of entries, by its id: the tuple itself (kept, so that its id is never reused for
#: another while the entry stands) and its `_Needs`.
_NEEDS: dict[int, tuple[Sequence[Entry], _Needs]] = {}


def _needs(entries: Sequence[Entry]) -> _Needs:
    """The `_Needs` of a sequence of entries (made once for a tuple)."""
    if not isinstance(entries, tuple):
        return _Needs(entries)
    known = _NEEDS.get(id(entries))
    if known is not None and known[0] is entries:
        return known[1]
    made = _Needs(entries)
    _NEEDS[id(entries)] = (entries, made)
    return made


def may_match_any(entries: Sequence[Entry], words: Iterable[str]) -> bool:
    """Whether a pattern of the entries may match a sentence of these (lower-case, distinct) words."""
    return _needs(entries).any_may_match(words)


def may_match_text(entries: Sequence[Entry], text: str) -> bool:
    """
    Whether a pattern of the entries may match the tokens of ``text``, judged without making
    them: False only where `may_match_any` of the tokens' words is False too (a cheap filter
    before tokenizing; True is no promise).
    """
    lowered = text.lower()
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    needs = _needs(entries)
    have = needs.met_in_text(lowered)
    return any(mask & have == mask for mask in needs.masks)


_State = tuple[int, dict[str, tuple[Span, ...]], int | None]


@attrs.frozen
class _Sentence:
    """What the matcher reads: one sentence's tokens and spans."""

    tokens: Sequence[Token]
    spans: Mapping[int, Sequence[Span]]

    def run(
        self,
        elements: tuple[Element, ...],
        position: int,
        at: int,
        roles: dict[str, tuple[Span, ...]],
        anchor: int | None,
    ) -> Iterator[_State]:
        """Every way the elements from ``position`` on match from token ``at``: (end, roles, anchor)."""
        if position == len(elements):
            yield at, roles, anchor
            return
        element = elements[position]
        rest = position + 1
        if type(element) is _Words:  # the commonest element first
            if at < len(self.tokens) and self.tokens[at].lower in element.words:
                yield from self.run(elements, rest, at + 1, roles, at if anchor is None else anchor)
            if element.optional:
                yield from self.run(elements, rest, at, roles, anchor)
        elif isinstance(element, _Skip):
            yield from self._skip(element, elements, rest, at, roles=roles, anchor=anchor)
        elif isinstance(element, _Group):
            for choice in element.choices:
                for end, inner, inner_anchor in self.run(choice, 0, at, roles, anchor):
                    yield from self.run(elements, rest, end, inner, inner_anchor)
            if element.optional:
                yield from self.run(elements, rest, at, roles, anchor)
        elif isinstance(element, _Capture):
            yield from self._capture(element, elements, rest, at, roles=roles, anchor=anchor)
        else:
            if at < len(self.tokens) and _token_matches(element, self.tokens[at]):
                yield from self.run(elements, rest, at + 1, roles, at if anchor is None else anchor)
            if element.optional:
                yield from self.run(elements, rest, at, roles, anchor)

    def _skip(
        self,
        element: _Skip,
        elements: tuple[Element, ...],
        rest: int,
        at: int,
        *,
        roles: dict[str, tuple[Span, ...]],
        anchor: int | None,
    ) -> Iterator[_State]:
        for skip in range(element.most + 1):
            if skip:
                last = at + skip - 1
                if last >= len(self.tokens) or self.tokens[last].text in _CLAUSE_END:
                    return  # a skip stays in its clause
                if not element.over_people and _opens_actor(self.tokens, self.spans, last):
                    return  # ... and ~N never passes over a person (~~N may)
            yield from self.run(elements, rest, at + skip, roles, anchor)

    def _capture(
        self,
        element: _Capture,
        elements: tuple[Element, ...],
        rest: int,
        at: int,
        *,
        roles: dict[str, tuple[Span, ...]],
        anchor: int | None,
    ) -> Iterator[_State]:
        tokens = self.tokens
        following = elements[rest] if rest < len(elements) else None
        possessive_next = isinstance(following, _Words) and "'s" in following.words
        if element.role == "agent" and _governed(tokens, at):
            candidates: Sequence[Span] = ()  # "the case of jailed reporter X", "talks with X": no agent
        else:
            candidates = self.spans.get(at, ())
        for span in candidates:
            if not (span.kind == element.kind or (element.kind == "ACTOR" and span.kind in _ACTOR_KINDS)):
                continue
            if span.end < len(tokens) and tokens[span.end].lower == "'s" and not possessive_next:
                continue  # "X's envoy" is not X
            captured = roles
            if element.role is not None:
                captured = {**roles, element.role: (*roles.get(element.role, ()), span)}
            yield from self.run(elements, rest, span.end, captured, anchor)
        if element.optional:
            yield from self.run(elements, rest, at, roles, anchor)


_ACTOR_KINDS = frozenset({"PERSON", "STATE", "GROUP", "ORG"})
#: Words before a mention that make it the object of a preposition, never an ``agent``.
_PREPOSITIONS = frozenset({"of", "for", "about", "with", "against", "on", "to", "from", "by", "at", "over"})


def _governed(tokens: Sequence[Token], at: int) -> bool:
    """Whether the words before token ``at`` make it a preposition's object ("of jailed reporter X")."""
    for back in range(at - 1, max(-1, at - 4), -1):
        word = tokens[back]
        if word.lower in _PREPOSITIONS:
            return True
        if not word.is_word or word.is_title or word.lower in _SUBJECT_OPENERS:
            return False
    return False


#: Words after which a mention may well be a subject, however close a preposition is before them.
_SUBJECT_OPENERS = frozenset({"and", "but", "said", "says", "told", "that", "who", "which", "when", "while"})


#: Pronouns that are also possessive determiners: before a lower-case word they name no one
#: the clause is about ("expressed her condolences to X").
_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def _opens_actor(tokens: Sequence[Token], spans: Mapping[int, Sequence[Span]], at: int) -> bool:
    """Whether a person's mention starts at token ``at`` (states and organisations are often topics)."""
    if tokens[at].lower in _POSSESSIVES and at + 1 < len(tokens) and tokens[at + 1].shape == "x":
        return False
    return any(span.kind == "PERSON" for span in spans.get(at, ()))


def _token_matches(element: _Words | _Shape, token: Token) -> bool:
    if isinstance(element, _Shape):
        return token.shape == element.shape
    return token.lower in element.words
