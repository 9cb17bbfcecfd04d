"""
Who is who in an article: person names, titles, states and their coreference.

`country_code` maps a country's name, alias or demonym to its ISO 3166-1 alpha-2 code
("Russian", "U.S.", "South Korea's" give ``RU``, ``US``, ``KR``). `Cast.for_article`
reads an article once and returns the cast of people it names, with their titles and
countries, so that later mentions resolve to the full name: "Benjamin Netanyahu" ...
"Netanyahu" ... "the premier"; "Vladimir Putin" ... "the Russian leader". States are
actors with their short name (Clarification 4: "Russian warplanes" is Russia).

The lexicon lives in ``newsevents/parsing/data/``: ``titles.tsv``, ``anaphors.tsv``,
``country_aliases.tsv``, ``metonyms.tsv``, ``org_words.txt``, ``capitalised_nonnames.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache

import attrs

from newsevents._package_data import read_text
from newsevents.model import Actor, ActorKind, country_codes
from newsevents.parsing.article import Article, Sentence, table, words

__all__ = ["Cast", "Mention", "Person", "country_code", "country_of", "is_demonym", "title_groups"]


# --------------------------------------------------------------------------- lexicon


def _fold(text: str) -> str:
    return text.replace("’", "'")


@cache
def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in country_codes().items():
        names[name] = code
    rows = read_text("data/countries.tsv")
    for line in rows.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2] and not line.startswith("#"):
            names.setdefault(cells[2], cells[0])
    for row in table("country_aliases.tsv"):
        if len(row) >= 2:
            names[row[1]] = row[0]
    return names


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(row[1] for row in table("country_aliases.tsv") if len(row) >= 3 and row[2] == "demonym")


def is_demonym(word: str) -> bool:
    """
    Whether a word is a country's demonym ("Russian", "Israelis") rather than its name.

    Args:
        word: The word as written.
    """
    return _fold(word.strip()) in _demonyms()


@cache
def _country_prefixes() -> dict[str, tuple[tuple[str, str], ...]]:
    """Aliases by first word, longest first, for scanning token sequences."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for alias, code in _countries().items():
        by_first.setdefault(alias.split()[0], []).append((alias, code))
    return {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0]))) for first, entries in by_first.items()
    }


@lru_cache(maxsize=8192)
def country_code(word: str) -> str | None:
    """
    Return the ISO 3166-1 alpha-2 code of a country name, alias or demonym, or None.

    A trailing possessive is ignored and a leading "the" too: "Russia", "Russian",
    "the U.S.", "South Korea's" and "Saudi Arabian" all resolve.

    Args:
        word: The name as written.
    """
    text = _fold(word.strip())
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    found = _countries().get(text)
    if found is None and text[-1:] in ".,;:":
        found = _countries().get(text[:-1])
    return found


def country_of(text: str) -> str | None:
    """
    Return the country code a phrase names first ("Russian warplanes" gives ``RU``), or None.

    Args:
        text: A phrase such as "Russian warplanes" or "jets believed to be Russian".
    """
    for token in _tokens(text):
        if not _may_open_country(token.group()):
            continue  # most words: one dictionary test
        found = _country_at(text, token)
        if found is not None:
            return found[1]
    return None


@cache
def _titles() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1] if len(row) > 1 else "") for row in table("titles.tsv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _titles_by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for title, group in _titles():
        out.setdefault(title.split()[0], []).append((title, group))
    return {first: tuple(rows) for first, rows in out.items()}


@cache
def _titles_by_last() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for title, group in _titles():
        out.setdefault(title.split()[-1].lower(), []).append((title, group))
    return {last: tuple(rows) for last, rows in out.items()}


@cache
def _title_words() -> frozenset[str]:
    """Every word of every title ("Secretary", "of", "State"), to drop from names."""
    return frozenset(word for title, _ in _titles() for word in title.split())


@cache
def _title_lookup() -> dict[str, str]:
    return {title.lower(): group for title, group in _titles()}


def title_groups(title: str) -> str | None:
    """
    Return the group of a title ("Prime Minister" is in ``"premier"``), or None.

    Args:
        title: A title as written.
    """
    return _title_lookup().get(title.lower())


@cache
def _metonyms() -> dict[str, str]:
    return {row[1]: row[0] for row in table("metonyms.tsv") if len(row) >= 2}


@cache
def _metonym_first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in _metonyms())


@cache
def _role_pattern() -> re.Pattern[str]:
    nouns = sorted(_anaphors(), key=len, reverse=True)
    alternatives = "|".join(re.escape(noun) for noun in nouns)
    return re.compile(r"\bthe\s+(?:([A-Z][\w.'’-]*)\s+)?(" + alternatives + r")(?![\w-])", re.IGNORECASE)


@cache
def _anaphors() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split(",")) for row in table("anaphors.tsv") if len(row) >= 2}


#: Lower-case role nouns after a modifier run ("WikiLeaks founder"): ``modifier_heads.txt``.
_MODIFIER_HEADS = words("modifier_heads.txt")
#: Place names of more than one word (``place_countries.tsv``): never people.
_KNOWN_PLACES = frozenset(row[0] for row in table("place_countries.tsv") if row and " " in row[0])
#: The first words of the titles ("Prime" of "Prime Minister").
_TITLE_FIRSTS = frozenset(_titles_by_first())


# --------------------------------------------------------------------------- values


@attrs.frozen
class Person:
    """
    A person the article names: the most complete name, title and country.

    Args:
        name: The most complete form of the name ("Benjamin Netanyahu").
        title: The first title the article gives ("Prime Minister"), or None.
        group: The title's group ("premier"), for role anaphors.
        country: The person's country code when the article gives it ("Russian President").
    """

    name: str
    title: str | None = None
    group: str | None = None
    country: str | None = None

    @property
    def actor(self) -> Actor:
        """The person as an `Actor` (built once: actors are immutable)."""
        return _person_actor(self.name, self.title, self.country)

    @property
    def tokens(self) -> tuple[str, ...]:
        """The words of the name."""
        return _split_name(self.name)


@lru_cache(maxsize=4096)
def _organization(name: str) -> Actor:
    """`Actor.organization`, built once per name (actors are immutable; each run of a name asks again)."""
    return Actor.organization(name)


@lru_cache(maxsize=4096)
def _person_actor(name: str, title: str | None, country: str | None) -> Actor:
    return Actor.person(name, title=title, country=country)


@lru_cache(maxsize=4096)
def _split_name(name: str) -> tuple[str, ...]:
    return tuple(name.split())


@cache
def _state(code: str) -> Actor:
    return Actor.state(code)


@attrs.frozen
class Mention:
    """
    A mention of an actor in the text.

    Args:
        start: Offset of the mention's first character in the article.
        end: Offset just past it.
        text: The text as written.
        actor: The actor it refers to.
        how: How it was resolved: ``"name"``, ``"surname"``, ``"role"`` (the premier),
            ``"state"`` (a country's name), ``"demonym"`` ("Russian": the state, or an adjective),
            ``"metonym"`` (the Kremlin) or ``"organization"`` (a capitalised name with an
            organisation word: "Reporters Without Borders").
    """

    start: int
    end: int
    text: str
    actor: Actor
    how: str


# --------------------------------------------------------------------------- scanning

_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_CONNECTORS = frozenset(
    {"of", "for", "bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "la", "le"}
)
#: How many sentences back a pronoun or "the two men" may look for its people.
_LOOKBACK = 12
_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers"})


def _tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(text, start, len(text) if end is None else end)


def _clean(token: str) -> str:
    if "'" not in token and "’" not in token and "." not in token:
        return token
    token = _fold(token)
    if token.endswith("'s"):
        token = token[:-2]
    elif token.endswith("s'"):
        token = token[:-1]
    if len(token) == 2 and token[0].isupper() and token[1] == ".":
        return token  # an initial keeps its stop: "David E. Coombs"
    return token.rstrip(".") if not _looks_acronym(token) else token


def _looks_acronym(token: str) -> bool:
    return token.count(".") >= 2 and len(token) <= 6


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _may_open_country(word: str) -> bool:
    """Whether a country alias can start at this word: the first test of `_country_at`, cheap."""
    word = _fold(word)
    first = word.split("'")[0] if word.endswith("'s") else word
    prefixes = _country_prefixes()
    return first in prefixes or first.rstrip(".") in prefixes


def _country_at(text: str, token: re.Match[str]) -> tuple[int, str] | None:
    """A country alias starting at the token: (end offset, code), longest first."""
    word = _fold(token.group())
    first = word.split("'")[0] if word.endswith("'s") else word
    candidates = _country_prefixes().get(first) or _country_prefixes().get(first.rstrip("."))
    if not candidates:
        return None
    folded = _fold(text[token.start() : token.start() + 40])
    for alias, code in candidates:
        if folded.startswith(alias):
            after = token.start() + len(alias)
            rest = folded[len(alias) :]
            if rest[:1].isalnum() and not rest.startswith("s "):
                continue
            if rest.startswith("'s"):
                after += 2
            return after, code
    return None


# A run of capitalised words, joined by single spaces and perhaps one lower-case connector
# ("Secretary of State John Kerry", "Salman bin Abdulaziz"). Each repetition must consume a
# space and a capital, so the match is linear.
_RUN_WORD = r"(?:[^\W\d_a-z]|(?:al|el|ad|an|as|ash|at|az)-(?=[A-Z]))[\w'’.\-]*"
_RUN_NEXT = r"(?: (?:(?:of|for|bin|bint|ibn|al|el|de|da|di|du|van|von|der|la|le) )?" + _RUN_WORD + ")"
# The first word, written so that the regex engine can skip ahead to a capital (or "al-"), then look
# back one character: the same matches as r"(?<![\w'’.\-])" + _RUN_WORD, at half the scanning cost.
_NOT_AFTER_WORD = r"(?<![\w'’.\-].)"
_FIRST_CAPITAL = r"[A-ZÀ-ÖØ-Þ]" + _NOT_AFTER_WORD
_FIRST_WIDE = r"[^\x00-\xff](?<=[^\W\d_a-z])" + _NOT_AFTER_WORD  # a capital beyond Latin-1
_FIRST_AL = (
    r"a" + _NOT_AFTER_WORD + r"(?:l|d|n|s|sh|t|z)-(?=[A-Z])|e" + _NOT_AFTER_WORD + r"l-(?=[A-Z])"
)  # fmt: skip


@cache
def _run_pattern(two: bool, hyphen: bool, wide: bool) -> re.Pattern[str]:
    """
    A run of capitalised words (two or more when ``two``), without the first-word branches a
    text cannot use: "al-"/"el-" only when it holds a hyphen (``hyphen``), a capital beyond
    Latin-1 only when it is not ASCII (``wide``). Compiled when first needed (a short text
    needs one or two of the eight).
    """
    branches = [_FIRST_CAPITAL]
    branches += [_FIRST_WIDE] if wide else []
    branches += [_FIRST_AL] if hyphen else []
    first = "(?:" + "|".join(branches) + r")[\w'’.\-]*"
    return re.compile(first + _RUN_NEXT + ("+" if two else "*"))


def _runs_in(text: str, start: int, end: int, *, two: bool = False) -> Iterator[re.Match[str]]:
    """
    The runs of capitalised words in ``text[start:end]`` (of two words or more when ``two``).

    "al-"/"el-" can open a run only where the span holds a hyphen, and a capital beyond
    Latin-1 only where it is not ASCII: without those branches the engine no longer stops
    at every "a", "e" and curly quote, which was about a third of the scanning time.
    """
    span = text[start:end]
    return _run_pattern(two, "-" in span, not span.isascii()).finditer(text, start, end)


_NAME_WORD = re.compile(
    r"(?:(?:al|el|ad|an|as|ash|at|az)-)?[A-Z][a-z'’\-]+(?:-[A-Z][a-z]+)*|[A-Z]\.?|[A-Z][a-z]*[A-Z][a-z]+"
    r"|II|III|IV|VI|VII|VIII",  # regnal numbers: "King Mohammed VI", "King Abdullah II"
    re.UNICODE,
)


#: Words before a run that make it a place: "in Tel Aviv", "struck Khan Sheikhoun", "the town of X".
_PLACE_WORDS = frozenset(
    {"in", "near", "outside", "around", "into", "across", "toward", "towards", "struck", "bombed", "shelled",
     "pounded", "captured", "recaptured", "besieged"}
)  # fmt: skip
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "villages", "province", "district", "region", "area", "suburb",
     "neighbourhood", "neighborhood", "governorate", "capital", "outskirts", "countryside"}
)  # fmt: skip


@cache
def _trailing_nonnames() -> frozenset[str]:
    """Days and months that end no name ("Speaking Tuesday"), except months that are names ("Theresa May")."""
    return frozenset(
        {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
         "March", "September", "October", "November", "December"}
    )  # fmt: skip


#: Title groups that also occur inside names ("Hassan Sheikh Mohamud") or only describe.
_NOT_INNER = frozenset({"modifier", "cleric", "profession", "honorific"})


def _inner_title(tokens: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]] | None:
    """A capitalised title inside a run, with name words after it: (title, the name's tokens)."""
    by_first = _titles_by_first()
    for position in range(1, len(tokens) - 1):
        if tokens[position][2] not in by_first:
            continue  # the common case: a cheap test first
        following = " ".join(token[2] for token in tokens[position:])
        for candidate, group in by_first[tokens[position][2]]:
            size = len(candidate.split())
            if (
                group not in _NOT_INNER
                and candidate[:1].isupper()
                and following.startswith(candidate + " ")
                and len(tokens) - position > size
                and tokens[position + size][2] not in _CONNECTORS
            ):
                return candidate, tokens[position + size :]
    return None


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {
    "Mr": "m", "Mr.": "m", "Sir": "m", "Lord": "m", "King": "m", "Prince": "m", "Crown Prince": "m",
    "Emir": "m", "Sultan": "m", "Pope": "m", "Congressman": "m", "Businessman": "m", "Actor": "m",
    "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f", "Dame": "f", "Lady": "f", "Queen": "f",
    "First Lady": "f", "Chairwoman": "f", "Spokeswoman": "f", "Congresswoman": "f", "Businesswoman": "f",
    "Actress": "f",
}  # fmt: skip
_HONORIFICS = (("Mr ", "m"), ("Mr. ", "m"), ("Mrs ", "f"), ("Mrs. ", "f"), ("Ms ", "f"), ("Ms. ", "f"))
_SAID_VERBS = ("said", "says", "added", "insisted", "stressed", "warned")


@attrs.define
class _Run:
    start: int
    end: int
    tokens: list[tuple[int, int, str]]


#: A word as a surname is counted: letters, with inner apostrophes and hyphens.
_SURNAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WORD_JOINS = re.compile(r"['’-]")


def _word_counts(text: str) -> Counter[str]:
    """How often each word occurs, a joined word ("al-Assad's") counting for its parts too."""
    counts: Counter[str] = Counter()
    for word in _SURNAME_WORD.findall(text):
        counts[word] += 1
        if _WORD_JOINS.search(word):
            counts.update(part for part in _WORD_JOINS.split(word) if part)
    return counts


class Cast:
    """
    The people and states an article mentions, with coreference.

    Build it with `Cast.for_article` (cached on the article). Then `mentions` lists the
    actor mentions of a sentence, `resolve` turns a phrase into an actor, `person`
    finds a person by any form of the name.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self._people: list[Person] = []
        self._by_token: dict[str, list[int]] = {}
        self._first_seen: list[int] = []
        self._mentions: dict[int, list[Mention]] = {}
        self._orgs: dict[int, tuple[int, Actor]] = {}
        self._org_starts: list[int] = []  # in text order: sentences are read in order
        self._by_last: dict[str, list[int]] = {}
        self._salient: list[Actor] | None = None
        self._state_counts: dict[str, int] | None = None
        self._seen_runs: set[str] = set()
        self._places: set[str] = set()  # runs the text uses as places ("struck Khan Sheikhoun")
        self._org_names: set[str] = set()  # organisations are recorded at every mention
        self._starts: list[int] | None = None
        self._built = 0  # how many of the article's sentences have been read
        self._ahead: dict[str, bool] = {}  # words unknown so far: a person named in full later?

    @classmethod
    def for_article(cls, article: Article) -> Cast:
        """
        Return the cast of an article, building it on first use.

        Args:
            article: The article.
        """
        cached = article.__dict__.get("_cast")
        if isinstance(cached, Cast):
            return cached
        cast = cls(article)
        article.__dict__["_cast"] = cast
        return cast

    # ----------------------------------------------------------------- building

    def _runs(self, sentence: Sentence, pattern: re.Pattern[str] | None = None) -> Iterator[_Run]:
        """Runs of capitalised tokens (with connectors such as "of", "bin") in a sentence."""
        text = self.article.text
        if pattern is None:
            found_runs = _runs_in(text, sentence.start, sentence.end)
        else:
            found_runs = pattern.finditer(text, sentence.start, sentence.end)
        for found in found_runs:
            tokens: list[tuple[int, int, str]] = []
            position = found.start()
            for word in found.group().split(" "):
                tokens.append((position, position + len(word), word))
                position += len(word) + 1
            yield _Run(found.start(), found.end(), tokens)

    @property
    def people(self) -> list[Person]:
        """Every person the article names, in the order they are introduced."""
        self._read_until(None)
        return self._people

    def _read_until(self, sentence: Sentence | None) -> None:
        """Read names from the sentences up to and including ``sentence`` (None: all of them)."""
        sentences = self.article.sentences
        if self._built >= len(sentences):
            return
        nonnames = words("capitalised_nonnames.txt")
        orgs = words("org_words.txt")
        while self._built < len(sentences):
            current = sentences[self._built]
            if sentence is not None and current.start > sentence.start:
                return
            self._built += 1
            # one capitalised word alone is never a new name: read runs of two or more
            for found in _runs_in(self.article.text, current.start, current.end, two=True):
                written = found.group()
                if written in self._seen_runs and written not in self._org_names:
                    continue  # the same words again ("Ms Love"): nothing new to learn
                self._seen_runs.add(written)
                tokens: list[tuple[int, int, str]] = []
                position = found.start()
                for part in written.split(" "):
                    tokens.append((position, position + len(part), part))
                    position += len(part) + 1
                self._read_run(_Run(found.start(), found.end(), tokens), current, nonnames, orgs)

    def _title_before(self, start: int, floor: int) -> tuple[str | None, str | None]:
        """A title in apposition before a name: "Missouri's governor, Jay Nixon" / "his counterpart, X"."""
        text = self.article.text
        window = text[max(floor, start - 60) : start]
        if not window.endswith(", ") and not window.endswith(" "):
            return None, None
        stripped = window.rstrip(", ")
        lowered = stripped.lower()
        last_word = lowered.rsplit(None, 1)[-1] if lowered.split() else ""
        for title, _group in _titles_by_last().get(last_word, ()):
            if lowered.endswith(title.lower()) and (
                len(lowered) == len(title) or not lowered[-len(title) - 1].isalpha()
            ):
                before = stripped[: -len(title)].rstrip()
                country = None
                last = before.split()[-1] if before.split() else ""
                if last:
                    country = country_code(last)
                return title, country
        return None, None

    def _read_run(  # noqa: PLR0915 (one pass over the run, step by step)
        self, run: _Run, sentence: Sentence, nonnames: frozenset[str], orgs: frozenset[str]
    ) -> None:
        tokens = list(run.tokens)
        text = self.article.text
        title: str | None = None
        country: str | None = None
        # "Lawyers for Chelsea Manning": unless the run names an organisation, each "for" parts
        # the run; the parts (which hold no "for") are read one after another, never nested
        if " for " in text[run.start : run.end] and not any(_clean(token[2]) in orgs for token in tokens):
            part: list[tuple[int, int, str]] = []
            for token in [*tokens, (run.end, run.end, "for")]:
                if token[2] != "for":
                    part.append(token)
                    continue
                if len(part) > 1:
                    self._read_run(_Run(part[0][0], part[-1][1], part), sentence, nonnames, orgs)
                part = []
            return
        # leading sentence openers and other non-name words; a trailing day ("Speaking Tuesday")
        while tokens:
            lead = _clean(tokens[0][2])
            if lead not in nonnames or self._known_token(lead):
                break
            tokens.pop(0)
        trailing = _trailing_nonnames()
        while tokens and (tokens[-1][2] in _CONNECTORS or tokens[-1][2] in trailing):
            tokens.pop()
        whole = list(tokens)
        if whole and country_code(text[whole[0][0] : whole[-1][1]]) is not None:
            return  # a country's name ("United Arab Emirates"): the mentions read it as a state
        tokens = self._after_modifiers(tokens, nonnames)
        # a leading country ("Russian President", "Saudi Arabia's King") and titles
        prefixes = _country_prefixes()
        changed = True
        while tokens and changed:
            changed = False
            first = tokens[0]
            lead = _fold(first[2])
            maybe_country = lead in prefixes or lead.split("'")[0] in prefixes or lead.rstrip(".") in prefixes
            match = _TOKEN.match(text, first[0]) if maybe_country else None
            if match is not None:
                found = _country_at(text, match)
                if found is not None and len(tokens) > 1:
                    end, lead_code = found
                    rest = [token for token in tokens if token[0] >= end]
                    if rest and rest[0][2] not in _CONNECTORS:
                        country = country or lead_code
                        tokens = rest
                        changed = True
                        continue
            candidates = _titles_by_first().get(tokens[0][2], ())
            words_ = " ".join(token[2] for token in tokens) if candidates else ""
            for candidate, _group in candidates:
                if words_.startswith(candidate + " ") and len(tokens) > len(candidate.split()):
                    title = title or candidate
                    tokens = tokens[len(candidate.split()) :]
                    changed = True
                    break
        if not tokens:
            return
        modifier = title is not None and title_groups(title) == "modifier"  # "Former New York Governor X"
        if (title is None or modifier) and orgs.isdisjoint([_clean(token[2]) for token in tokens]):
            # "New York Governor Andrew Cuomo", "Outgoing President X": the name follows an inner title
            inner = _inner_title(tokens)
            if inner is not None:
                title, tokens = inner
        # "Salman of Saudi Arabia": the name stops at "of"
        for position, token in enumerate(tokens):
            if token[2] == "of":
                place = text[token[1] : run.end].strip()
                code = country_code(place)
                if code is not None:
                    country = country or code
                tokens = tokens[:position]
                break
        while tokens and tokens[-1][2] in _CONNECTORS:
            tokens.pop()
        if not tokens:
            return
        names = [_clean(token[2]) for token in tokens]
        has_org = not orgs.isdisjoint(names)
        if has_org and title is None:
            # "National Press Club President Myron Belkind": an organisation, then a titled name
            for position in range(1, len(tokens) - 1):
                following = " ".join(token[2] for token in tokens[position:])
                titled = [
                    candidate
                    for candidate, _group in _titles_by_first().get(tokens[position][2], ())
                    if following.startswith(candidate + " ")
                    and len(tokens) - position > len(candidate.split())
                    and candidate[:1].isupper()
                ]
                if titled and orgs.isdisjoint(names[position:]):
                    part = tokens[position:]
                    self._read_run(_Run(part[0][0], part[-1][1], part), sentence, nonnames, orgs)
                    whole = tokens[:position]
                    names = names[:position]
                    has_org = not orgs.isdisjoint(names)
                    break
        if has_org or " ".join(names) in words("media.txt"):
            start, end = whole[0][0], whole[-1][1]
            name = text[start:end]
            if name.endswith(("'s", "’s")):
                name, end = name[:-2], end - 2
            if start not in self._orgs:
                self._org_starts.append(start)
            self._orgs[start] = (end, _organization(name))
            self._org_names.add(text[run.start : run.end])
            return
        if title_groups(" ".join(names)) is not None:
            return
        if len(names) == 1 and country_code(names[0]) is not None:
            return
        if country_code(" ".join(names)) is not None:
            return
        for name in names:
            if name in _CONNECTORS:
                continue
            if not _NAME_WORD.fullmatch(name):
                return
            if "-" in name:
                if any(country_code(part) is not None for part in name.split("-")):
                    return
            elif country_code(name) is not None:
                return
        if title is None:
            apposition, apposition_country = self._title_before(tokens[0][0], sentence.start)
            title = apposition
            country = country or apposition_country
        if len(names) == 1 and title is None:
            return  # a single capitalised word is a name only after a title or when known
        if names[0] in nonnames:
            return
        if any(_fold(token[2]).endswith(("'s", "s'")) for token in tokens[:-1]):
            return  # "Missouri's Democratic" is no name
        if title is None and self._not_a_person(tokens, sentence):
            return
        name = " ".join(names)
        self._add(Person(name, title=title, group=title_groups(title) if title else None, country=country))

    def _after_modifiers(
        self, tokens: list[tuple[int, int, str]], nonnames: frozenset[str]
    ) -> list[tuple[int, int, str]]:
        """
        The run from a state or a non-name word inside it, with at least two words after it:
        "Detained American Kevin Garratt" reads from "American", "Fellow Republican Ted Cruz"
        from "Ted". A leading title or state is left to the caller ("President of France").
        """
        if len(tokens) < 3 or tokens[0][2] in _TITLE_FIRSTS:
            return tokens
        prefixes = _country_prefixes()
        middle = [token[2] for token in tokens[1:-2]]
        if nonnames.isdisjoint(middle) and not any(
            word in prefixes or word.split("'")[0].split("’")[0] in prefixes or word.rstrip(".") in prefixes
            for word in middle
        ):
            return tokens  # the common case: nothing inside the run to start after
        text = self.article.text
        first = _TOKEN.match(text, tokens[0][0])
        if first is None or _country_at(text, first) is not None:
            return tokens
        for position in range(1, len(tokens) - 2):
            word = tokens[position][2]
            if (
                word in nonnames
                and not self._known_token(word)
                and tokens[position + 1][2] not in _CONNECTORS
            ):
                return self._after_modifiers(tokens[position + 1 :], nonnames)
            lead = _fold(word)
            if lead in prefixes or lead.split("'")[0] in prefixes or lead.rstrip(".") in prefixes:
                match = _TOKEN.match(text, tokens[position][0])
                found = _country_at(text, match) if match is not None else None
                if found is not None:
                    return tokens[position:]
        return tokens

    def _not_a_person(self, tokens: list[tuple[int, int, str]], sentence: Sentence) -> bool:
        """
        Whether a run is a place or a modifier by its context: "struck Khan Sheikhoun", "in Tel
        Aviv", a known place, or words before a lower-case role noun ("WikiLeaks founder X",
        "Black Lives Matter activists"). A title inside the run keeps it a name ("in President X's").
        """
        text = self.article.text
        start = tokens[0][0]
        end = tokens[-1][1]
        written = text[start:end]
        if written in self._places or written in _KNOWN_PLACES:
            return True
        titles = _TITLE_FIRSTS
        for token in tokens:
            if token[2] in titles:
                return False
        after = text[end : min(sentence.end, end + 24)]
        if after[:1] == " " and after[1:2].islower():
            following = after[1:].split(" ", 1)[0].rstrip(".,;:")
            if following in _MODIFIER_HEADS:
                return True
        if after[:1] in ("'", "’"):
            return False  # "at Hollande's request": a possessor
        before = text[max(sentence.start, start - 30) : start]
        if before[-1:] != " ":
            return False
        last = before.rsplit(None, 2)
        if (last and last[-1] in _PLACE_WORDS) or (
            len(last) >= 2 and last[-1] == "of" and last[-2].lower() in _PLACE_NOUNS
        ):
            self._places.add(written)
            return True
        return False

    def _named_later(self, word: str, after: int) -> bool:
        """
        Whether a capitalised word unknown so far is the surname of a person the article names
        in full after ``after`` ("Weber said he had phoned X. ... Hans Weber, the party leader"):
        the names are then read up to that sentence. Only where the word follows another
        capitalised word later, and never a state, a seat of government, an organisation word
        or a sentence opener (a person named "Jordan" does not make the country a person).
        """
        found = self._ahead.get(word)
        if found is not None:
            return found
        found = False
        prefixes = _country_prefixes()
        if (
            _NAME_WORD.fullmatch(word)
            and word not in words("capitalised_nonnames.txt")
            and word not in words("org_words.txt")
            and word not in prefixes
            and word not in _metonym_first_words()
        ):
            text = self.article.text
            at = text.find(" " + word, after)
            while at >= 0 and not found:
                end = at + 1 + len(word)
                previous = text[max(after, at - 40) : at].rsplit(None, 1)
                if previous and previous[-1][:1].isupper() and not text[end : end + 1].isalnum():
                    self._read_until(self.article.sentence_at(at))
                    found = word in self._by_token
                at = text.find(" " + word, end)
        self._ahead[word] = found
        return found

    def _known_token(self, token: str) -> bool:
        return token in self._by_token

    def _add(self, person: Person) -> None:
        tokens = person.tokens
        # the same person seen before, perhaps with a shorter or longer name
        for index in self._by_last.get(tokens[-1], ()):
            known = self._people[index]
            if known.tokens[-1] == tokens[-1] and (
                set(known.tokens) <= set(tokens) or set(tokens) <= set(known.tokens)
            ):
                longer = person.name if len(tokens) > len(known.tokens) else known.name
                self._people[index] = Person(
                    longer,
                    title=known.title or person.title,
                    group=known.group or person.group,
                    country=known.country or person.country,
                )
                if len(tokens) > len(known.tokens):
                    for token in tokens:
                        self._by_token.setdefault(token, []).append(index)
                return
        index = len(self._people)
        self._people.append(person)
        self._by_last.setdefault(tokens[-1], []).append(index)
        for token in tokens:
            self._by_token.setdefault(token, []).append(index)

    # ----------------------------------------------------------------- lookups

    def person(self, name: str) -> Person | None:
        """
        Return the person a name refers to: a full name, a surname or a given name.

        A surname shared by several people resolves to the first one introduced; None
        when nobody in the article carries the name.

        Args:
            name: The name as written ("Netanyahu", "Benjamin Netanyahu", "Ms Love").
        """
        self._read_until(None)
        return self._person(name)

    def by_role(self, noun: str, country: str | None = None) -> Person | None:
        """
        Return the one person a role noun refers to ("premier", "leader"), optionally of a country.

        Args:
            noun: The role noun ("premier", "Russian leader" without the adjective).
            country: The country code of an adjective ("the Russian leader"), or None.
        """
        self._read_until(None)
        return self._by_role(noun, country)

    def _person(self, name: str) -> Person | None:
        """`person` over the names read so far."""
        parts = [_clean(part) for part in _fold(name).split()]
        title_words = _title_words()
        parts = [part for part in parts if part not in title_words and part not in _CONNECTORS] or parts
        if not parts:
            return None
        candidates = self._by_token.get(parts[-1], [])
        best: Person | None = None
        for index in candidates:
            person = self._people[index]
            if set(parts) <= set(person.tokens):
                if person.tokens[-1] == parts[-1]:
                    return person  # the first person introduced with that surname
                if best is None:
                    best = person
        return best

    def _by_role(self, noun: str, country: str | None = None) -> Person | None:
        """`by_role` over the names read so far."""
        groups = _anaphors().get(noun.lower())
        if not groups:
            return None
        found = [
            person
            for person in self._people
            if person.group in groups and (country is None or person.country in (country, None))
        ]
        if country is not None:
            exact = [person for person in found if person.country == country]
            found = exact or found
        return found[0] if len(found) == 1 else (found[0] if found and country is not None else None)

    def mentions(self, sentence: Sentence) -> list[Mention]:
        """
        Return the actor mentions of a sentence, in order: people (by name, surname, role
        or pronoun), states (names, demonyms) and seats of government ("the Kremlin").

        Args:
            sentence: A sentence of this article.
        """
        cached = self._mentions.get(sentence.start)
        if cached is not None:
            return cached
        self._read_until(sentence)
        found = self._scan(sentence)
        self._mentions[sentence.start] = found
        return found

    def _scan(self, sentence: Sentence) -> list[Mention]:
        text = self.article.text
        out: list[Mention] = []
        metonyms = _metonyms()
        org_words = words("org_words.txt")
        prefixes = _country_prefixes()
        metonym_starts = _metonym_first_words()
        for found in _runs_in(text, sentence.start, sentence.end):
            word = found.group()
            if " " not in word:
                # one capitalised word ("The", "He", "Putin"): read it only if it can name someone
                cleaned = _clean(word)
                if not (
                    cleaned in self._by_token
                    or cleaned in prefixes
                    or cleaned.split("'")[0] in prefixes
                    or cleaned in metonym_starts
                    or cleaned in org_words
                    or self._named_later(cleaned, sentence.end)
                ):
                    continue
            tokens: list[tuple[int, int, str]] = []
            position = found.start()
            for part in word.split(" "):
                tokens.append((position, position + len(part), part))
                position += len(part) + 1
            out.extend(self._mentions_in_run(_Run(found.start(), found.end(), tokens), metonyms))
        first = bisect_left(self._org_starts, sentence.start)
        for start in self._org_starts[first:]:
            if start >= sentence.end:
                break
            end, actor = self._orgs[start]
            out.append(Mention(start, end, text[start:end], actor, "organization"))
        # role anaphors: "the premier", "the Russian leader"
        for found in _role_pattern().finditer(text, sentence.start, sentence.end):
            adjective, noun = found.group(1), found.group(2).lower()
            code = country_code(adjective) if adjective else None
            if adjective and code is None:
                continue  # "the new leader": an adjective we cannot read
            person = self._by_role(noun, code)
            if person is not None:
                out.append(Mention(found.start(), found.end(), found.group(), person.actor, "role"))
        out.sort(key=lambda mention: (mention.start, -mention.end))
        for index, mention in enumerate(out[:-1]):
            following = out[index + 1]
            if (
                mention.how == "state"
                and following.actor.kind is ActorKind.PERSON
                and text[mention.end : following.start] == " "
            ):
                out[index] = attrs.evolve(mention, how="demonym")
        kept: list[Mention] = []
        for mention in out:
            if kept and mention.start < kept[-1].end:
                continue
            kept.append(mention)
        return kept

    def _mentions_in_run(self, run: _Run, metonyms: dict[str, str]) -> Iterator[Mention]:
        text = self.article.text
        tokens = run.tokens
        cleaned = [_clean(token[2]) for token in tokens]
        known = [word in self._by_token or self._named_later(word, run.end) for word in cleaned]
        metonym_starts = _metonym_first_words()
        position = 0
        while position < len(tokens):
            start = tokens[position][0]
            if cleaned[position] in _CONNECTORS:
                position += 1
                continue
            # a known person: the longest stretch of tokens naming them, ending on a known name
            best: tuple[int, Person] | None = None
            if any(known[position : position + 5]):
                for stop in range(min(len(tokens), position + 5), position, -1):
                    if not known[stop - 1]:
                        continue
                    person = self._person(" ".join(cleaned[position:stop]))
                    if person is not None:
                        best = (stop, person)
                        break
            if best is not None:
                stop, person = best
                how = "name" if stop - position > 1 else "surname"
                last = tokens[stop - 1][1]
                yield Mention(start, last, text[start:last], person.actor, how)
                position = stop
                continue
            # the run's token is the word `_TOKEN` reads there: look it up before matching
            match = _TOKEN.match(text, start) if _may_open_country(tokens[position][2]) else None
            found = _country_at(text, match) if match is not None else None
            if found is not None:
                country_end, code = found
                written = text[start:country_end]
                how = "demonym" if is_demonym(written) else "state"
                yield Mention(start, country_end, written, _state(code), how)
                while position < len(tokens) and tokens[position][0] < country_end:
                    position += 1
                continue
            if cleaned[position] in metonym_starts:
                name = next((name for name in metonyms if text.startswith(name, start)), None)
                if name is not None:
                    stop_at = start + len(name)
                    yield Mention(start, stop_at, name, _state(metonyms[name]), "metonym")
                    while position < len(tokens) and tokens[position][0] < stop_at:
                        position += 1
                    continue
            if len(tokens) == 1 and cleaned[0] in words("org_words.txt"):
                # a lone organisation word names one: "the Army", "Congress"
                word = cleaned[0]
                yield Mention(start, start + len(word), word, _organization(word), "organization")
            position += 1

    def resolve(self, phrase: str, *, at: int | None = None) -> Actor | None:
        """
        Return the actor a phrase refers to, or None when it cannot be told.

        Names resolve to the most complete form the article gives; role nouns ("the
        premier", "the Russian leader") to the one person holding such a title; country
        names and demonyms to the state; pronouns ("he", "she") to the last person named
        before ``at``.

        Args:
            phrase: The phrase as written.
            at: The offset of the phrase in the article (needed for pronouns).
        """
        words_ = _fold(phrase.strip()).split()
        if not words_:
            return None
        # names introduced up to the phrase (all of them when its place is not given)
        self._read_until(self.article.sentence_at(at) if at is not None else None)
        lowered = [word.lower() for word in words_]
        if len(words_) == 1 and lowered[0] in _PRONOUNS:
            return None if at is None else self.last_person(at)
        if lowered[0] == "the" and len(words_) >= 2:
            code = country_code(words_[1]) if len(words_) >= 3 else None
            noun = " ".join(lowered[2:] if code is not None else lowered[1:])
            person = self._by_role(noun, code)
            if person is not None:
                return person.actor
        person = self._person(phrase)
        if person is not None:
            return person.actor
        code = country_code(phrase)
        if code is not None:
            return Actor.state(code)
        for row in table("metonyms.tsv"):
            if len(row) >= 2 and phrase.strip().removeprefix("the ").strip() == row[1]:
                return Actor.state(row[0])
        return None

    def people_before(
        self, before: int, *, count: int = 2, exclude: tuple[Actor, ...] = (), pronoun: str | None = None
    ) -> list[Actor]:
        """
        Return up to ``count`` distinct people mentioned last before an offset, latest first.

        Used for pronouns ("he" is the last person named, other than those in ``exclude``)
        and plural references ("the two leaders" are the last two people named).

        Args:
            before: An offset into the article.
            count: How many people to return at most.
            exclude: People not to return (the other participants of the same clause).
            pronoun: The pronoun referring ("her"): people the article shows to be of the
                other gender ("Mr Poroshenko", "Poroshenko said he") are skipped.
        """
        found: list[Actor] = []
        names = {actor.name for actor in exclude}
        wanted = _PRONOUN_GENDER.get(pronoun.lower()) if pronoun else None
        sentences = self.article.sentences
        last = bisect_right(self._sentence_starts(), before)
        for sentence in reversed(sentences[max(0, last - _LOOKBACK) : last]):
            for mention in reversed(self.mentions(sentence)):
                actor = mention.actor
                if mention.end > before or actor.kind is not ActorKind.PERSON or actor.name in names:
                    continue
                names.add(actor.name)
                if wanted is not None and self.gender_of(actor) not in (wanted, None):
                    continue  # "her" is not a man the text calls "he"
                found.append(actor)
                if len(found) >= count:
                    return found
        return found

    def genders(self) -> dict[str, str]:
        """
        Return the gender (``"m"``, ``"f"``) of the people the text shows it for, by name.

        Only what the text says counts (see `gender_of`).
        """
        found: dict[str, str] = {}
        for person in self.people:
            gender = self.gender_of(person.actor)
            if gender is not None:
                found[person.name] = gender
        return found

    def gender_of(self, actor: Actor) -> str | None:
        """
        Return a person's gender (``"m"``, ``"f"``) when the text shows it, else None.

        Only what the text says counts: a gendered title ("Queen", "King"), an honorific with
        the surname ("Mr Obama", "Ms Love"), or a pronoun right after the surname and a
        reporting verb ("Poroshenko said he would ..."); both genders shown is None.

        Args:
            actor: A person of this article.
        """
        cache: dict[str, str | None] = self.__dict__.setdefault("_gender_cache", {})
        if actor.name in cache:
            return cache[actor.name]
        shown: set[str] = set()
        if actor.title is not None and actor.title in _TITLE_GENDER:
            shown.add(_TITLE_GENDER[actor.title])
        text = self.article.text
        surname = actor.name.split()[-1]
        for honorific, gender in _HONORIFICS:
            if text.find(honorific + surname) >= 0:
                shown.add(gender)
        for verb in _SAID_VERBS:
            if text.find(f"{surname} {verb} he ") >= 0 or text.find(f"{surname} {verb} that he ") >= 0:
                shown.add("m")
            if text.find(f"{surname} {verb} she ") >= 0 or text.find(f"{surname} {verb} that she ") >= 0:
                shown.add("f")
        found = next(iter(shown)) if len(shown) == 1 else None
        cache[actor.name] = found
        return found

    def sentences_before(self, at: int, *, count: int) -> list[Sentence]:
        """
        Return the (carriable) sentence holding an offset and up to ``count`` - 1 sentences before it.

        Args:
            at: An offset into the article.
            count: How many sentences at most.
        """
        last = bisect_right(self._sentence_starts(), at)
        return list(self.article.sentences[max(0, last - count) : last])

    def _sentence_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [sentence.start for sentence in self.article.sentences]
        return self._starts

    def state_counts(self) -> dict[str, int]:
        """
        Return how often the article names each state (by name or demonym), by ISO code.

        One pass over the capitalised words of the carriable sentences, computed once.
        """
        if self._state_counts is None:
            counts: dict[str, int] = {}
            text = self.article.text
            prefixes = _country_prefixes()
            for sentence in self.article.sentences:
                for found in _runs_in(text, sentence.start, sentence.end):
                    position = found.start()
                    for word in found.group().split(" "):
                        lead = _fold(word)
                        if lead in prefixes or lead.split("'")[0] in prefixes or lead.rstrip(".") in prefixes:
                            match = _TOKEN.match(text, position)
                            country = _country_at(text, match) if match is not None else None
                            if country is not None:
                                counts[country[1]] = counts.get(country[1], 0) + 1
                        position += len(word) + 1
            self._state_counts = counts
        return dict(self._state_counts)

    def salient_people(self) -> list[Actor]:
        """Return the article's people, most often mentioned first (ties: first named first)."""
        if self._salient is None:
            self._salient = self._rank_people()
        return list(self._salient)

    def _rank_people(self) -> list[Actor]:
        # how often each surname occurs: a cheap measure of how central a person is
        people = self.people
        # one pass over the text's words, not one pass over the text per person
        words = _word_counts(self.article.text)
        counts = [words[person.tokens[-1]] for person in people]
        order = sorted(range(len(people)), key=lambda index: -counts[index])
        return [people[index].actor for index in order]

    def last_person(self, before: int) -> Actor | None:
        """
        Return the last person mentioned before an offset (in this or earlier sentences), or None.

        Args:
            before: An offset into the article.
        """
        for sentence in reversed(self.article.sentences):
            if sentence.start >= before:
                continue
            people = [
                mention
                for mention in self.mentions(sentence)
                if mention.actor.kind is ActorKind.PERSON and mention.end <= before
            ]
            if people:
                return people[-1].actor
        return None
