"""The pattern engine: tokens, the pattern language, the mention layer, blocking, merging, pattern files."""

from __future__ import annotations

import datetime
import itertools
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsevents
from newsevents import Actor, PartialDate, PhoneCall, registry
from newsevents.model import Evidence
from newsevents.parsing import recognisers
from newsevents.parsing.article import Article
from newsevents.parsing.blocking import cues_after, cues_before
from newsevents.parsing.engine import Spec, entries, expectations, specs
from newsevents.parsing.mentions import view
from newsevents.parsing.merge import merge
from newsevents.parsing.patterns import Entry as PatternEntry
from newsevents.parsing.patterns import PatternError, Span, compile_pattern, match_all
from newsevents.parsing.tokens import tokenize

PARSING = Path(newsevents.__file__).parent / "parsing"
PUBLISHED = datetime.date(2020, 3, 12)  # a Thursday
#: The modules written once for every type: none may name an event type.
SHARED = ("engine.py", "patterns.py", "mentions.py", "merge.py", "blocking.py", "tokens.py", "gazetteer.py")
SHARED += ("roles.py", "setting.py")  # the roles around a verb, where a passage is set
SHARED += ("phrases.py", "clauses.py", "numbers.py", "actors.py")  # phrases, clauses, numbers, actors
SHARED += ("phrase_lists.py", "verb_dates.py", "phrase_bounds.py", "institutions.py")  # phrases, verb dates, bodies
SHARED += ("state_words.py", "place_phrases.py")  # states named by a word, how a sentence uses its places
SHARED += ("nearby_dates.py", "event_fields.py", "listed_nouns.py")  # dates around, fields, noun lists
SHARED += ("custody.py", "object_phrases.py")  # where people are held and for what, whom a verb names


def _words(*names: str) -> frozenset[str]:
    return frozenset(names)


def _classes(name: str) -> frozenset[str]:
    lists = {"phone": _words("phone", "telephone"), "speak": _words("spoke", "talked")}
    if name not in lists:
        raise PatternError(f"no word list @{name}")
    return lists[name]


# --------------------------------------------------------------------------- tokens


@given(st.text(max_size=200))
def test_tokens_keep_exact_offsets(text: str) -> None:
    """Every token is exactly the text at its offsets, in order, without overlaps."""
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert [token.index for token in tokens] == list(range(len(tokens)))


def test_tokens_split_possessives_and_keep_abbreviations() -> None:
    """ "Putin's" is two tokens, "didn't" too; "Mr." and "U.S." keep their stops."""
    tokens = [t.text for t in tokenize("Mr. Smith said U.S. envoys didn't meet Putin's aide at 10:30.")]
    assert ["Mr.", "Smith", "said", "U.S.", "envoys", "did", "n't", "meet", "Putin", "'s", "aide"] == tokens[
        :11
    ]
    assert "10:30" in tokens


# --------------------------------------------------------------------------- the pattern language


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<agent:NOBODY> spoke", "unknown span kind"),
        ("#Zz spoke", "unknown shape"),
        ("Spoke by phone", "lower case"),
        ("spoke|| by", "empty alternative"),
        ("( spoke by", "unclosed"),
        ("spoke ) by", "unbalanced"),
        ("spoke ~x phone", "a skip is"),
        ("@nosuchlist", "no word list"),
    ],
)
def test_bad_patterns_are_refused_with_a_reason(source: str, message: str) -> None:
    """A pattern the language cannot read is a PatternError saying why."""
    with pytest.raises(PatternError, match=message):
        compile_pattern(source, _classes)


def _match(source: str, text: str) -> list[tuple[int, int, dict[str, list[str]]]]:
    article = Article(text, published=PUBLISHED)
    seen = view(article, article.sentences[0])
    pattern = compile_pattern(source, _classes)

    entry = PatternEntry("test", "a test", "A test.", {}, (pattern,), {})
    found = match_all([entry], seen.tokens, seen.spans)
    out = []
    for match in found:
        roles = {
            role: [getattr(span.value, "name", None) or str(span.value) for span in spans]
            for role, spans in match.roles.items()
        }
        out.append((match.start, match.end, roles))
    return out


def test_roles_are_captured_from_the_mention_layer() -> None:
    """<role:KIND> captures a span of the mention layer; optional words and groups may be absent."""
    text = "Ann Lee spoke by telephone with Bob Stone."
    [(start, end, roles)] = _match(
        "<agent:PERSON> @speak ( by | over ) the? @phone with <partner:PERSON>", text
    )
    assert (0, 8) == (start, end)
    assert {"agent": ["Ann Lee"], "partner": ["Bob Stone"]} == roles


def test_a_pattern_opening_with_optional_words_is_tried_only_where_one_of_its_first_words_is() -> None:
    """
    A pattern whose first elements are optional words or groups starts a match only at a
    token one of them (or the first required word) accepts: every match is still found.
    """
    pattern = compile_pattern("( a | the )? ( by | over )? @phone call", _classes)
    assert frozenset({"a", "the", "by", "over", "phone", "telephone"}) == pattern.first
    assert compile_pattern("( a | <PERSON> ) call", _classes).first is None  # a span may come first
    assert compile_pattern("~2 call", _classes).first is None
    text = "They held a phone call, then a telephone call and one more phone call."
    article = Article(text, published=PUBLISHED)
    seen = view(article, article.sentences[0])
    assert [2, 3, 7, 8, 13] == list(pattern.starts(seen.tokens, seen.spans))
    assert [(2, 5, {}), (7, 10, {}), (13, 15, {})] == _match("( a | the )? ( by | over )? @phone call", text)


def test_a_skip_never_passes_over_a_person_but_a_double_skip_may() -> None:
    """~N stops at a person's name (the subject is the nearest one); ~~N goes on."""
    text = "Carl Dunn said Ann Lee spoke by phone."
    [(start, _end, roles)] = _match("<agent:PERSON> ~4 @speak by @phone", text)
    assert ["Ann Lee"] == roles["agent"]
    assert 3 == start
    matches = _match("<agent:PERSON> ~~6 @speak by @phone", text)
    assert ["Carl Dunn"] == matches[0][2]["agent"]


def test_an_agent_is_never_the_object_of_a_preposition() -> None:
    """ "the case of jailed reporter X": X is no agent."""
    text = "Kerry raised the case of jailed reporter Jason Rezaian by phone."
    assert all(
        roles.get("agent") != ["Jason Rezaian"]
        for _s, _e, roles in _match("<agent:PERSON> ~2 by @phone", text)
    )


def test_a_possessive_actor_is_not_the_actor() -> None:
    """ "X's envoy" is not X, unless the pattern itself reads the possessive."""
    text = "Ann Lee spoke by phone with Bob Stone's envoy."
    assert [] == _match("<agent:PERSON> @speak by @phone with <partner:PERSON>", text)
    assert _match("<agent:PERSON> @speak by @phone with <partner:PERSON> 's envoy", text)


# --------------------------------------------------------------------------- the mention layer


def test_the_mention_layer_joins_titles_states_and_lists() -> None:
    """A state's adjective and title words belong to the name; "A and B" is one list."""
    text = "Afghan President Ashraf Ghani and Pakistani army chief General Raheel Sharif met."
    article = Article(text)
    seen = view(article, article.sentences[0])
    lists = [span for found in seen.spans.values() for span in found if span.kind == "ACTORS"]
    widest = max(lists, key=lambda span: span.end - span.start)
    assert ["Ashraf Ghani", "Raheel Sharif"] == [actor.name for actor in widest.value]
    assert 0 == widest.start


def test_officials_described_by_office_are_their_states() -> None:
    """ "The foreign ministers of France and Britain" are France and the United Kingdom (Clarification 4)."""
    text = "The foreign ministers of France and Britain phoned Ana Silva on Monday."
    article = Article(text)
    seen = view(article, article.sentences[0])
    [span] = [s for s in seen.spans.get(0, ()) if s.kind == "ACTORS"]
    assert ["FR", "GB"] == [actor.country for actor in span.value]


@pytest.mark.parametrize(
    ("text", "office", "code"),
    [
        (
            "Ana Silva spoke by telephone with the U.S. secretary of state on Tuesday.",
            "the U.S. secretary of state",
            "US",
        ),
        (
            "Ana Silva spoke by phone on Monday with the Egyptian foreign minister.",
            "the Egyptian foreign minister",
            "EG",
        ),
        ("The Saudi king spoke by phone with Ana Silva on Monday.", "The Saudi king", "SA"),
        ("Ana Silva phoned the Jordanian prime minister.", "the Jordanian prime minister", "JO"),
    ],
)
def test_the_state_adjective_and_an_office_is_the_state(text: str, office: str, code: str) -> None:
    """ "the Egyptian foreign minister", no name: one span, the state (Clarification 4)."""
    article = Article(text)
    seen = view(article, article.sentences[0])
    states = [s for found in seen.spans.values() for s in found if s.kind == "STATE"]
    written = {
        " ".join(token.text for token in seen.tokens[s.start : s.end]): s.value.country for s in states
    }
    assert code == written.get(office), written


def test_offices_of_two_states_are_a_list_and_a_former_office_is_no_state() -> None:
    """ "The German chancellor and the French president" are two states; "the Syrian opposition leader" no state's office."""
    text = "The German chancellor and the French president spoke by phone on Monday."
    calls = [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PhoneCall)]
    assert [["DE", "FR"]] == [sorted(a.country or "" for a in call.participants) for call in calls]
    article = Article("The Syrian opposition leader phoned Ana Silva.")
    seen = view(article, article.sentences[0])
    assert all(s.end - s.start == 1 for found in seen.spans.values() for s in found if s.kind == "STATE")


def test_an_office_holder_the_article_names_is_that_person() -> None:
    """ "the Saudi king" is King X when the article names him; else Saudi Arabia."""
    text = (
        "Saudi Arabia's King Salim Omar met Ana Silva last year. "
        "The Saudi king spoke by phone with Ana Silva on Monday."
    )
    calls = [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PhoneCall)]
    assert [["Ana Silva", "Salim Omar"]] == [sorted(a.name for a in call.participants) for call in calls]


def test_a_requester_described_by_office_is_the_state() -> None:
    """ "The French president asked the Iranian president to release X": France asks Iran."""
    text = "The French president asked the Iranian president to release Hans Weber."
    [request] = [
        e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, newsevents.PardonRequest)
    ]
    assert request.requester is not None
    assert request.addressee is not None
    assert ("FR", "IR") == (request.requester.country, request.addressee.country)


def test_a_surname_told_before_the_full_name_is_a_party_to_the_call() -> None:
    """ "Weber said he had phoned X ... Hans Weber, the party leader": a call of Hans Weber."""
    text = "Weber said he had phoned Ana Silva on Monday. Hans Weber, the party leader, declined to say more."
    calls = [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PhoneCall)]
    assert [["Ana Silva", "Hans Weber"]] == [sorted(a.name for a in call.participants) for call in calls]


def test_pronouns_and_the_two_leaders_refer_back() -> None:
    """ "He" is the last person named; "the two leaders" the last two."""
    text = "Ana Silva met Hans Weber on Monday. The two leaders spoke by phone on Tuesday. He left."
    calls = [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PhoneCall)]
    assert [["Ana Silva", "Hans Weber"]] == [sorted(a.name for a in call.participants) for call in calls]


# --------------------------------------------------------------------------- blocking


def test_cues_before_the_trigger_and_after_the_match_block() -> None:
    """ "will speak", "had not spoken", "a call ... is planned for next week" state no call."""
    for text in (
        "Ana Silva will speak by phone with Hans Weber.",
        "Ana Silva had not spoken by phone with Hans Weber.",
        "A phone call between Ana Silva and Hans Weber is planned for next week.",
    ):
        assert [] == [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PhoneCall)], (
            text
        )


def test_a_purpose_clause_does_not_block_the_call() -> None:
    """ "agreed in a phone call to meet next week": the meeting is planned, the call happened."""
    tokens = tokenize("They agreed in a phone call to meet next week.")
    assert set() == cues_after(tokens, 6)
    assert "modal" in cues_before(tokenize("They will speak by phone."), 2)


# --------------------------------------------------------------------------- merging


def _call(a: str, b: str, date: PartialDate | None, start: int, *, initiator: str | None = None) -> PhoneCall:
    text = "x" * 10
    return PhoneCall(
        participants=(Actor.person(a), Actor.person(b)),
        initiator=Actor.person(initiator) if initiator else None,
        date=date,
        evidence=Evidence(text, start, start + 10),
    )


def test_merge_by_declared_identity_and_compatible_dates() -> None:
    """Same participants: an undated mention joins; another date is another call; fields are absorbed."""
    thursday, earlier = PartialDate(2019, 12, 26), PartialDate(2019, 12)
    first = _call("A", "B", thursday, 0)
    same = _call("B", "A", None, 50, initiator="A")
    other_day = _call("A", "B", earlier, 100)
    merged = merge([first, same, other_day])
    assert 2 == len(merged)
    assert merged[0].initiator == Actor.person("A")
    assert merged[1].date == earlier


def test_a_definite_mention_dates_an_undated_call_and_a_new_dated_one_does_not() -> None:
    """ "The call" (definite) refers back; "a call earlier this month" (indefinite, dated) is another."""
    undated = _call("A", "B", None, 0)
    indefinite = _call("A", "B", PartialDate(2019, 12), 500)
    definite = _call("A", "B", PartialDate(2019, 12, 26), 900)
    merged = merge([(undated, False), (indefinite, False), (definite, True)])
    assert [PartialDate(2019, 12, 26), PartialDate(2019, 12)] == [event.date for event in merged]


def test_merge_is_keyed_not_pairwise() -> None:
    """Thousands of distinct calls merge in one pass (a keyed look-up per event)."""
    calls = [_call(f"P{i}", f"Q{i}", None, i * 20) for i in range(5000)]
    assert 5000 == len(merge(calls))


# --------------------------------------------------------------------------- the pattern files


def _spec_files() -> list[tuple[str, Spec]]:
    recognisers()  # load the shipped recognisers
    # the shipped pattern files (a docs page or a test may have made specs of its own)
    return sorted((key, spec) for key, spec in specs().items() if spec.package == "newsevents.parsing")


def test_every_entry_finds_its_own_example() -> None:
    """Each pattern-file entry's example, written for the project, gives an event with the expected fields."""
    checked = 0
    for _key, spec in _spec_files():
        definite = {entry.name for entry in entries(spec) if entry.options.get("definite")}
        for name, (example, expect) in expectations(spec).items():
            events = [
                e for e in newsevents.parse(example, published=PUBLISHED) if isinstance(e, spec.event_type)
            ]
            assert events, f"{spec.folder}.{name}: nothing found in its example {example!r}"
            # a definite mention ("the call") joins the event its example reports first
            rules = {e.evidence.rule for e in events if e.evidence is not None}
            assert name in definite or f"{spec.folder}.{name}" in rules, (
                f"{spec.folder}.{name}: found by another"
            )
            for field, wanted in expect.items():
                got = getattr(events[0], field)
                names = sorted(a.name for a in got) if isinstance(got, tuple) else getattr(got, "name", got)
                expected = sorted(wanted) if isinstance(wanted, list) else wanted
                assert expected == names, f"{spec.folder}.{name}.{field}"
            checked += 1
    assert checked >= 10


def test_every_entry_names_its_construction_and_has_an_example() -> None:
    """Reviewable data: every entry says what it covers and gives an example sentence."""
    for _key, spec in _spec_files():
        folder = resources.files(spec.package).joinpath("data", spec.folder)
        for path in folder.iterdir():
            if not path.name.endswith(".toml"):
                continue
            for name, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
                assert table.get("construction"), f"{path.name} [{name}] names no construction"
                assert str(table.get("example", "")).endswith((".", '"')), (
                    f"{path.name} [{name}] has no example"
                )


_REGEX = re.compile(r"\\[bdswBDSW]|\[\^|\(\?|[{}\[\]^$+*]")


def test_pattern_files_hold_no_regular_expression() -> None:
    """Patterns are token constraints: no regular expression syntax in any pattern file."""
    for path in PARSING.joinpath("data").rglob("*.toml"):
        for name, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
            for source in table.get("patterns", []):
                assert _REGEX.search(source) is None, f"{path.name} [{name}]: {source!r}"


def test_the_shared_layer_names_no_event_type() -> None:
    """The engine and its shared layer are written once: no module of it names an event type."""
    names = {name.lower() for name in registry.types()} | {"phonecall", "pardon", "sentencing", "airstrike"}
    for module in SHARED:
        source = PARSING.joinpath(module).read_text(encoding="utf-8").lower()
        for name in names:
            assert re.search(rf"\b{name}\b", source) is None, f"{module} names {name!r}"


def test_a_span_is_a_plain_value() -> None:
    """Spans compare by value (the matcher and the tests rely on it)."""
    assert Span("TIME", 1, 2, None) == Span("TIME", 1, 2, None)


def test_counts_and_terms_are_spans_computed_only_when_asked() -> None:
    """COUNT and TERM spans exist for patterns that capture them, and cost nothing to the others."""
    article = Article("Air strikes killed at least 63 people, and he was jailed for seven and a half years.")
    seen = view(article, article.sentences[0])
    without = seen.spans_for(frozenset({"ACTORS"}))
    assert not any(span.kind in ("COUNT", "TERM") for found in without.values() for span in found)
    spans = [span for found in seen.spans_for(frozenset({"COUNT", "TERM"})).values() for span in found]
    [count] = [span for span in spans if span.kind == "COUNT"]
    [term] = [span for span in spans if span.kind == "TERM"]
    assert 63 == count.value.value
    assert 90 == term.value.months


def test_a_clause_is_read_for_cues_a_bounded_way_back() -> None:
    """Cues are read back to the clause's opening but at most REACH tokens: a comma-less run stays linear."""
    from newsevents.parsing.blocking import REACH
    from newsevents.parsing.tokens import tokenize

    near = tokenize("Ana Silva will " + "very " * 10 + "call Hans Weber.")
    far = tokenize("Ana Silva will " + "very " * (REACH + 5) + "call Hans Weber.")
    assert "modal" in cues_before(near, [t.lower for t in near].index("call"))
    assert set() == cues_before(far, [t.lower for t in far].index("call"))


def test_where_a_passage_is_set_reads_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The setting's fallback (the article's first country) is read once, not once per event: event-dense text stays linear."""
    from newsevents.parsing.setting import Setting

    text = " ".join(f"Ana Silva{n} was sentenced to {n} years in prison." for n in range(2, 40))
    setting = Setting(Article(text))
    reads: list[int] = []
    original = Setting._read_named

    def counting(self: Setting, sentence: object, *, last: bool) -> str | None:
        reads.append(1)
        return original(self, sentence, last=last)  # type: ignore[arg-type]

    monkeypatch.setattr(Setting, "_read_named", counting)
    for sentence in setting.article.sentences:
        assert setting.country(sentence) is None  # no state named anywhere
    assert len(reads) <= 2 * len(setting.article.sentences)


def test_what_is_cached_for_entries_is_never_another_tuple_s() -> None:
    """The per-entries caches are keyed by id: an id reused by another tuple (a folder read
    twice by two threads, the first tuple freed) must not get the first tuple's answers."""
    from newsevents.parsing import engine
    from newsevents.parsing.phonecall import SPEC

    rules = engine.entries(SPEC)
    twin = (*rules,)  # equal, but another object
    assert twin is not rules
    engine._KINDS[id(twin)] = ((), frozenset({"NOTHING"}))
    engine._NEEDED[id(twin)] = ((), frozenset({"nothing"}))
    assert "NOTHING" not in engine._kinds_of(twin)
    assert engine._needed_words(twin) != frozenset({"nothing"})
    assert engine._kinds_of(twin) == engine._kinds_of(rules)


def test_compiled_pattern_files_come_back_from_the_cache_as_compiled(tmp_path, monkeypatch) -> None:
    """A pattern folder read from the on-disk cache is the compiled one; an edited file is read again."""
    from newsevents.parsing.patterns import load_entries, word_list

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data" / "protest"
    folder.mkdir(parents=True)
    (folder / "crowd.txt").write_text("crowds\nprotesters\n", encoding="utf-8")
    source = (
        '[marched]\nconstruction = "X marched"\nexample = "Crowds marched."\n'
        'patterns = ["<agent:ACTORS>? ~2 @crowd ( marched | rallied )? #Xx? <place:PLACE>"]\nwindow = 3\n'
    )
    (folder / "patterns.toml").write_text(source, encoding="utf-8")
    first = load_entries(str(tmp_path / "data"), "protest")
    again = load_entries(str(tmp_path / "data"), "protest")  # from the cache file the first call wrote
    assert 1 == len(list((tmp_path / "cache").glob("patterns-*.marshal")))
    assert first == again
    assert {"window": 3} == dict(again[0].options)
    (folder / "crowd.txt").write_text("crowds\nprotesters\nmarchers\n", encoding="utf-8")
    word_list.cache_clear()  # as in a new process
    edited = load_entries(str(tmp_path / "data"), "protest")
    assert "marchers" in next(e for e in edited[0].patterns[0].elements if hasattr(e, "words")).words


_TOKEN_PIECES = st.sampled_from(
    ["a", "B", " ", "\n", ".", "'", "’", "s", "t", "n", "1", ",", "Mr", "U.S.", "\u00a0", "é", "Gen"]
)


@given(st.lists(_TOKEN_PIECES, max_size=30).map("".join), st.integers(0, 5), st.integers(0, 9))
def test_tokens_of_a_stretch_keep_the_articles_offsets(text: str, start: int, offset: int) -> None:
    """
    Tokens of ``text[start:]`` with an ``offset`` are the tokens of the stretch alone, each
    shifted by ``start + offset``: offsets are counted from the whitespace between tokens.
    """
    shift = min(start, len(text)) + offset
    alone = [(t.text, t.start + shift, t.end + shift, t.lower, t.shape) for t in tokenize(text[start:])]
    tokens = tokenize(text, start, offset=offset)
    assert alone == [(t.text, t.start, t.end, t.lower, t.shape) for t in tokens]


def _every_word_set(rules: tuple[PatternEntry, ...]) -> list[str]:
    return sorted({word for entry in rules for p in entry.patterns for words in p.required for word in words})


@given(st.data())
def test_the_bits_of_required_words_say_what_may_match_says(data: st.DataObject) -> None:
    """
    `match_all` and the engine skip a pattern by the bits of its required word sets
    (`patterns._Needs`): for any words, the patterns the bits let through are exactly those
    `Pattern.may_match` lets through, for every shipped type's patterns.
    """
    from newsevents.parsing import patterns

    recognisers()
    for spec in specs().values():
        rules = entries(spec)
        every = _every_word_set(rules)
        words = frozenset(data.draw(st.lists(st.sampled_from([*every, "zzz"]), max_size=6)))
        needs = patterns._needs(rules)
        have = needs.met(words)
        flat = [p for entry in rules for p in entry.patterns]
        assert [p.may_match(words) for p in flat] == [mask & have == mask for mask in needs.masks]
        assert patterns.may_match_any(rules, words) == any(p.may_match(words) for p in flat)


def test_a_pattern_starts_where_its_word_positions_say() -> None:
    """`Pattern.starts_in` (with each word's positions) gives the positions `Pattern.starts` gives."""
    text = "They held a phone call, then a telephone call and Ann Lee made one more phone call by phone."
    article = Article(text, published=PUBLISHED)
    seen = view(article, article.sentences[0])
    positions: dict[str, list[int]] = {}
    for at, token in enumerate(seen.tokens):
        positions.setdefault(token.lower, []).append(at)
    for source in ("( a | the )? ( by | over )? @phone call", "call", "@phone call", "<PERSON> made", "~2 call"):
        pattern = compile_pattern(source, _classes)
        assert list(pattern.starts(seen.tokens, seen.spans)) == list(
            pattern.starts_in(seen.tokens, seen.spans, positions)
        )


def _near_by_every_size(lower: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """What `engine._near` answered before it indexed the phrases by their first word."""
    longest = max(len(phrase) for phrase in phrases)
    return any(
        tuple(lower[first : first + size]) in phrases
        for first in range(len(lower))
        for size in range(1, min(longest, len(lower) - first) + 1)
    )


@given(st.data())
def test_an_excluding_phrase_is_found_near_a_match_as_by_every_size(data: st.DataObject) -> None:
    """`engine._near` looks only at the phrases opening with each word: it finds what every size did."""
    from types import SimpleNamespace

    from newsevents.parsing import engine

    recognisers()
    for spec in specs().values():
        phrases = engine._phrases(spec)
        if not phrases:
            continue
        vocabulary = sorted({word for phrase in phrases for word in phrase} | {"the", "call"})
        lower = data.draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=20))
        tokens = tokenize(" ".join(lower))
        start = data.draw(st.integers(0, len(tokens) - 1))
        match = SimpleNamespace(start=start, end=data.draw(st.integers(start + 1, len(tokens))))
        window = [t.lower for t in tokens[max(0, match.start - 8) : match.end + 8]]
        assert engine._near(SimpleNamespace(tokens=tokens), match, phrases) == _near_by_every_size(window, phrases)


def _needs_of(*words: str) -> object:
    """A `_Needs` of one pattern per word, each requiring that word (bit i for word i)."""
    from types import SimpleNamespace

    from newsevents.parsing.patterns import _Needs

    patterns = [SimpleNamespace(required=(frozenset({word}),)) for word in words]
    return _Needs([SimpleNamespace(patterns=patterns)])  # type: ignore[list-item]


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def test_the_text_filter_finds_every_word_the_tokens_hold() -> None:
    # "do" is cut from "n't", "putin" from "'s"; "mr." keeps its stop; "al-assad" is one token
    words = ("do", "n't", "putin", "'s", "mr.", "al-assad", "u.s.", "3", "rd", "é", ",")
    needs = _needs_of(*words)
    text = "Mr. Putin’s aides don't deny the 3rd U.S. call with al-Assad, é."
    tokens = {token.lower for token in tokenize(text)}
    assert set(words) <= tokens
    assert needs.met_in_text(_lowered(text)) == needs.met(tokens) == (1 << len(words)) - 1  # type: ignore[attr-defined]


@given(st.text(alphabet="aDoNnt’'s.-,3 ΣσİKé\u212a", max_size=40))
def test_the_text_filter_never_drops_a_pattern_the_tokens_allow(text: str) -> None:
    from newsevents.parsing.patterns import _needs

    recognisers()  # the shipped types' specs
    assert len(specs()) >= 4
    for spec in specs().values():
        needs = _needs(entries(spec))
        words = {token.lower for token in tokenize(text)}
        met = needs.met(words)
        assert needs.met_in_text(_lowered(text)) & met == met


def test_a_sentence_with_an_event_passes_the_text_filter() -> None:
    from newsevents.parsing.patterns import may_match_text

    text = "date 2020-01-10\nRussian President Vladimir Putin phoned Turkish President Recep Tayyip Erdogan on Thursday."
    assert [type(event).__name__ for event in newsevents.parse(text)] == ["PhoneCall"]
    sentence = text.split("\n", 1)[1]
    assert any(may_match_text(entries(spec), sentence) for spec in specs().values())
