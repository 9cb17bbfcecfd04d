"""Tests for newsevents.parse and the recogniser registry (phone calls and pardon requests)."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents
from newsevents import Actor, Event, NewsEventsError, PardonRequest, PartialDate, PhoneCall, register
from newsevents.parsing import Article, recognisers, register_recogniser, unregister_recogniser
from newsevents.parsing.article import evidence_for
from newsevents.parsing.clauses import cues
from newsevents.registry import unregister

DEC26 = datetime.date(2019, 12, 26)


def _of(events: list[Event], kind: type[Event]) -> list[Event]:
    return [event for event in events if isinstance(event, kind)]


def _names(actors: tuple[Actor, ...]) -> set[str]:
    return {actor.name for actor in actors}


# --------------------------------------------------------------------------- the seed


def test_seed_phone_calls(seed_text: str) -> None:
    """The seed reports two calls: Thursday's (initiated by Netanyahu) and one earlier this month."""
    calls = _of(newsevents.parse(seed_text), PhoneCall)
    assert 2 == len(calls)
    thursday, earlier = calls
    assert isinstance(thursday, PhoneCall)
    assert isinstance(earlier, PhoneCall)
    assert {"Benjamin Netanyahu", "Vladimir Putin"} == _names(thursday.participants)
    assert thursday.initiator is not None
    assert "Benjamin Netanyahu" == thursday.initiator.name
    assert PartialDate(2019, 12, 26) == thursday.date
    assert {"Benjamin Netanyahu", "Vladimir Putin"} == _names(earlier.participants)
    assert earlier.initiator is None
    assert PartialDate(2019, 12) == earlier.date


def test_seed_pardon_requests(seed_text: str) -> None:
    """Netanyahu asked Putin to pardon Naama Issachar twice: on Thursday and earlier this month."""
    requests = _of(newsevents.parse(seed_text), PardonRequest)
    found = {
        (r.requester.name, r.addressee.name if r.addressee else None, r.beneficiary.name, str(r.date))
        for r in requests
        if isinstance(r, PardonRequest)
    }
    assert ("Benjamin Netanyahu", "Vladimir Putin", "Naama Issachar", "2019-12-26") in found
    assert ("Benjamin Netanyahu", "Vladimir Putin", "Naama Issachar", "2019-12") in found


def test_every_event_names_its_rule_and_exact_evidence(seed_text: str) -> None:
    """Each event's evidence is the exact source text at its offsets and names the rule that found it."""
    events = newsevents.parse(seed_text, source="seed")
    assert events
    for event in events:
        assert event.evidence is not None
        assert seed_text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.evidence.rule
        assert "." in event.evidence.rule
        assert "seed" == event.source


def test_published_argument_overrides_the_date_line(seed_text: str) -> None:
    """With another publication date, "earlier this month" moves with it."""
    events = newsevents.parse(seed_text, published=datetime.date(2020, 3, 5))
    calls = _of(events, PhoneCall)
    assert PartialDate(2020, 3) in {call.date for call in calls}


def test_parse_is_deterministic(seed_text: str) -> None:
    """Parsing the same text twice gives equal events with equal ids."""
    first = newsevents.parse(seed_text)
    assert first == newsevents.parse(seed_text)
    assert [e.id for e in first] == [e.id for e in newsevents.parse(seed_text)]


# --------------------------------------------------------------------------- phone calls


@pytest.mark.parametrize(
    ("text", "participants", "initiator"),
    [
        ("President Obama spoke by phone today with King Salman of Saudi Arabia.", {"Obama", "Salman"}, None),
        (
            "Prime Minister Sheikh Hasina met John Kerry. Kerry spoke to Hasina on the telephone later.",
            {"John Kerry", "Hasina"},
            None,
        ),
        (
            "After a phone call between Vladimir Putin and Barack Obama, the Kremlin spoke.",
            {"Vladimir Putin", "Barack Obama"},
            None,
        ),
        (
            "German Chancellor Angela Merkel phoned Emmanuel Macron on Monday.",
            {"Angela Merkel", "Emmanuel Macron"},
            "Angela Merkel",
        ),
        (
            "President Donald Trump called President Vladimir Putin on Tuesday to congratulate him.",
            {"Donald Trump", "Vladimir Putin"},
            "Donald Trump",
        ),
        (
            "French President Emmanuel Macron held a phone call with German Chancellor Angela Merkel.",
            {"Emmanuel Macron", "Angela Merkel"},
            None,
        ),
        (
            "President Joe Biden and Prime Minister Benjamin Netanyahu spoke by telephone on Sunday.",
            {"Joe Biden", "Benjamin Netanyahu"},
            None,
        ),
        (
            "In a phone call on Tuesday, Russian President Vladimir Putin told Tayyip Erdogan to stop.",
            {"Vladimir Putin", "Tayyip Erdogan"},
            None,
        ),
        (
            "President Barack Obama and President Vladimir Putin discussed Syria by phone on Friday.",
            {"Barack Obama", "Vladimir Putin"},
            None,
        ),
        (
            "President Donald Trump placed a call to President Tsai Ing-wen on Friday.",
            {"Donald Trump", "Tsai Ing-wen"},
            "Donald Trump",  # the text says who placed the call
        ),
        (
            "Turkish President Tayyip Erdogan and U.S. President Donald Trump discussed Syria, bilateral ties "
            "and a summit in Sochi during a phone call on Friday.",
            {"Tayyip Erdogan", "Donald Trump"},
            None,
        ),
        (
            "Prime Minister Narendra Modi on Friday held a telephonic conversation with President Vladimir Putin.",
            {"Narendra Modi", "Vladimir Putin"},
            None,
        ),
        (
            "Prime Minister Shri Narendra Modi today received telephone calls from President Moon Jae-in, "
            "congratulating him on his victory in the General Elections.",
            {"Narendra Modi", "Moon Jae-in"},
            "Moon Jae-in",
        ),
        (
            "Bill Clinton said he took a call from Donald Trump after the election.",
            {"Bill Clinton", "Donald Trump"},
            "Donald Trump",
        ),
    ],
)
def test_phone_call_phrasings(text: str, participants: set[str], initiator: str | None) -> None:
    """Common phrasings of a reported call give one call with its participants and initiator."""
    calls = _of(newsevents.parse(text, published=DEC26), PhoneCall)
    assert 1 == len(calls)
    call = calls[0]
    assert isinstance(call, PhoneCall)
    assert participants == _names(call.participants)
    assert initiator == (call.initiator.name if call.initiator else None)


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Theresa May called for calm after the vote.",
        "The minister called on Iran to free the sailors quickly.",
        "Officials held a conference call with reporters on Tuesday.",
        "Merkel told Reuters by phone that talks would continue.",
        "President Obama will speak by phone with King Salman next week.",
        "Putin did not speak by phone with Erdogan, the Kremlin said.",
        "Kerry would talk to Zarif by phone in the coming days.",
        "Turkish President Tayyip Erdogan told Reuters by phone that talks would go on.",
        "During his visit, President Barack Obama told President Vladimir Putin that the phone lines were down.",
        "The men used cell phones to film the attack.",
        "Mr Obama had called Mr Trump unqualified.",
        "The call to prayer rang out over the square.",
        "President Donald Trump called President Vladimir Putin a killer.",
        "Prime Minister Benjamin Netanyahu called Naama Issachar's sentence absurd.",
        "A phone call between President Donald Trump and President Xi Jinping is planned for next week.",
        "Secretary of State Mike Pompeo declined to say whether he had spoken to Vladimir Putin by phone.",
    ],
)
def test_phone_call_distractors(text: str) -> None:
    """Appeals, conference calls, interviews, planned or negated calls and devices are not calls."""
    assert [] == _of(newsevents.parse(text, published=DEC26), PhoneCall)


def test_an_unintroduced_call_in_a_crime_story_is_not_a_call_between_its_people() -> None:
    """ "The call" with no call reported before it names the lede's two people only when they hold office."""
    text = (
        "date 2019-05-02\nHeadline\n\n"
        "John Smith shot Mary Jones at her home on Friday. The call, which was recorded, lasted a minute."
    )
    assert [] == _of(newsevents.parse(text), PhoneCall)


def test_repeated_mentions_are_one_call_and_different_dates_are_two() -> None:
    """Mentions of the same call merge; a call on another date is a second event."""
    text = (
        "date 2016-01-14\nHeadline\n\n"
        "John Kerry spoke by phone with Mohammad Javad Zarif. "
        "The two men spoke at least five times by phone. "
        "Kerry spoke with Zarif by phone again last month."
    )
    calls = _of(newsevents.parse(text), PhoneCall)
    assert [None, PartialDate(2015, 12)] == [call.date for call in calls]


# --------------------------------------------------------------------------- pardon requests


@pytest.mark.parametrize(
    ("text", "requester", "addressee"),
    [
        ("US President Barack Obama pressed Iran to release all American detainees.", "Barack Obama", "Iran"),
        ("The United Nations called for Raif Badawi to be pardoned by Saudi Arabia.", "United Nations", None),
        (
            "His lawyer, David Coombs, sought clemency for Chelsea Manning from the Army.",
            "David Coombs",
            "Army",
        ),
        (
            "The family of Ahmed Mansoor appealed to President Abdel Fattah al-Sisi for a pardon.",
            "The family of Ahmed Mansoor",
            "Abdel Fattah al-Sisi",
        ),
        (
            "Washington has repeatedly asked Russia to free Paul Whelan, a former Marine.",
            "United States",
            "Russia",
        ),
        ("Naama Issachar sought a pardon from President Vladimir Putin.", "Naama Issachar", "Vladimir Putin"),
        (
            "Lawyers for Richard Glossip filed a clemency petition with Governor Mary Fallin.",
            "Lawyers for Richard Glossip",
            "Mary Fallin",
        ),
        (
            "Governor Mary Fallin denied the clemency request of Richard Glossip on Tuesday.",
            "Richard Glossip",
            "Mary Fallin",
        ),
    ],
)
def test_pardon_request_phrasings(text: str, requester: str, addressee: str | None) -> None:
    """Requests to release, pardon or grant clemency name who asked and whom."""
    requests = _of(newsevents.parse(text, published=DEC26), PardonRequest)
    assert 1 == len(requests)
    request = requests[0]
    assert isinstance(request, PardonRequest)
    assert requester == request.requester.name
    if addressee is not None:
        assert request.addressee is not None
        assert addressee == request.addressee.name


@pytest.mark.parametrize(
    "text",
    [
        "President Obama pardoned 78 people on Monday.",
        "The governor granted clemency to John Smith last year.",
        "The board will ask the governor to pardon John Smith.",
        "The company called for the release of its annual report.",
        "Lawyers asked the court for a stay of execution for John Smith.",
        "She urged the government to release funds for the hospital.",
        "Paul Manafort asked to be released on bail.",
        "The charity made a release of funds to the hospital.",
        "John Smith was released from prison on Friday.",
    ],
)
def test_pardon_distractors(text: str) -> None:
    """Granted pardons, planned requests, releases of things and stays of execution are not requests."""
    assert [] == _of(newsevents.parse(text, published=DEC26), PardonRequest)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Amnesty International on Monday urged Egypt to release the jailed journalists.", "2016-02-15"),
        (
            "Amnesty International urged Egypt to release the jailed journalists, it said on Monday.",
            "2016-02-15",
        ),
        (
            "Amnesty International urged Egypt to release the jailed journalists, a lawyer said on Monday.",
            None,
        ),
        ("In January, Amnesty International urged Egypt to release the jailed journalists.", "2016-01"),
    ],
)
def test_pardon_request_dates(text: str, date: str | None) -> None:
    """A request is dated by its own time expression or, when it is the statement itself, the statement's day."""
    requests = _of(newsevents.parse(text, published=datetime.date(2016, 2, 17)), PardonRequest)
    assert [date] == [None if r.date is None else str(r.date) for r in requests]


def test_pardon_requests_in_a_wire_story() -> None:
    """Titled speakers of organisations, "urging him to grant X a pardon" and a repeated request."""
    text = (
        "date 2015-01-15\nHeadline\n\n"
        "National Press Club President Myron Belkind appealed Thursday to Egyptian President "
        "Abdel Fattah el-Sisi to free three Al Jazeera journalists imprisoned in Egypt. "
        "Representatives Thomas Massie and James McGovern sent a letter to President Joe Biden, "
        "urging him to grant Julian Assange a full pardon. "
        "Myron Belkind called for clemency again in the evening."
    )
    requests = _of(newsevents.parse(text), PardonRequest)
    found = [
        (r.requester.name, r.addressee.name if r.addressee else None, r.beneficiary.name, str(r.date))
        for r in requests
        if isinstance(r, PardonRequest)
    ]
    assert [
        ("Myron Belkind", "Abdel Fattah el-Sisi", "three Al Jazeera journalists", "2015-01-15"),
        ("Thomas Massie", "Joe Biden", "Julian Assange", "None"),
    ] == found


def test_a_decision_on_someones_request_names_the_requester() -> None:
    """ "The panel decided to reject Troy Davis' request for clemency": Davis asked, for himself."""
    text = (
        "date 2011-09-21\nHeadline\n\nAccording to Steve Hayes, spokesman for the Board of Pardons and Paroles, "
        "the panel decided to reject Troy Davis' request for clemency after hearing hours of testimony."
    )
    requests = [r for r in _of(newsevents.parse(text), PardonRequest) if isinstance(r, PardonRequest)]
    assert [("Troy Davis", "Troy Davis")] == [(r.requester.name, r.beneficiary.name) for r in requests]


def test_an_unnamed_authority_is_the_state_holding_the_prisoner() -> None:
    """A call to release someone, with no authority named, is addressed to the state holding them."""
    text = (
        "date 2015-05-30\nHeadline\n\n"
        "Mohammed Soltan, a US citizen, was jailed in Egypt in 2013. The US embassy and US officials "
        "followed the case in the US press. A website calling for the release of Mohammed Soltan said "
        "he was innocent."
    )
    requests = [r for r in _of(newsevents.parse(text), PardonRequest) if isinstance(r, PardonRequest)]
    assert ["Egypt"] == [r.addressee.name for r in requests if r.addressee is not None]


# --------------------------------------------------------------------------- registry


@register
@attrs.frozen(kw_only=True)
class Greeting(Event):
    """A test event type: two people waved."""

    people: tuple[Actor, ...] = ()


def _greetings(article: Article) -> Iterator[Greeting]:
    for sentence in article.sentences_with(("waved",)):
        yield Greeting(evidence=evidence_for(sentence, "test.waved"))  # no source: parse sets it


def test_a_registered_recogniser_runs_in_parse() -> None:
    """A user's recogniser, registered for a user's type, is run by parse (which sets the source)."""
    register_recogniser(Greeting)(_greetings)
    try:
        assert _greetings in recognisers()["Greeting"]
        events = newsevents.parse("The two leaders waved in Helsinki.", source="s1")
        assert ["test.waved"] == [e.evidence.rule for e in _of(events, Greeting) if e.evidence]
        assert ["s1"] == [e.source for e in _of(events, Greeting)]
    finally:
        unregister_recogniser(_greetings)
    assert [] == _of(newsevents.parse("The two leaders waved in Helsinki."), Greeting)


def test_registering_for_an_unknown_type_fails() -> None:
    """Registering a recogniser for a type that is not registered raises RegistrationError."""
    with pytest.raises(newsevents.errors.RegistrationError, match="Nope"):
        register_recogniser("Nope")


def test_a_failing_recogniser_does_not_break_parse(seed_text: str) -> None:
    """A recogniser that raises is logged and skipped; the others' events are returned."""

    def broken(article: Article) -> list[Event]:
        raise RuntimeError("boom")

    register_recogniser(PhoneCall)(broken)
    try:
        assert _of(newsevents.parse(seed_text), PhoneCall)
    finally:
        unregister_recogniser(broken)


def test_unregister_type_cleanup() -> None:
    """The test type can be removed from the registry again (keeps other tests' registries clean)."""
    unregister("Greeting")
    assert "Greeting" not in newsevents.registry.types()
    register(Greeting)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("bad", [b"bytes", None, 12])
def test_parse_rejects_non_text(bad: object) -> None:
    """parse needs a str: anything else raises a NewsEventsError naming the type."""
    with pytest.raises(NewsEventsError, match=type(bad).__name__):
        newsevents.parse(bad)  # type: ignore[arg-type]


def test_parse_rejects_a_bad_published_date() -> None:
    """``published`` must be a date."""
    with pytest.raises(NewsEventsError, match="published"):
        newsevents.parse("text", published="2019-12-26")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\ud800 phone call \udfff",
        "phone " * 5000,
        "asked to pardon " * 2000,
        "Mr. " * 5000,
        "U.S. " * 5000,
        "\n\n" * 5000,
        "The call" * 3000,
        "A" * 50000,
        "date 9999-99-99\n",
        "Putin and Obama spoke by phone. " * 300,
    ],
)
def test_adversarial_inputs_return(text: str) -> None:
    """Pathological texts return a list; events, if any, have exact evidence."""
    for event in newsevents.parse(text):
        assert event.evidence is not None
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


@settings(max_examples=50)
@given(
    st.lists(
        st.sampled_from(
            [
                "Netanyahu",
                "asked",
                "Putin",
                "to pardon",
                "Issachar",
                "spoke by phone with",
                "the call",
                "called for",
                "President",
                "Vladimir",
                "will",
                "not",
                ",",
                ".",
                "\n\n",
                "Russian",
                "earlier this month",
                "on Thursday",
                "released",
                "urged",
                "Iran",
                "a phone call between",
                "and",
                "\x00",
                "the premier",
            ]
        ),
        max_size=40,
    ),
    st.one_of(st.none(), st.dates()),
)
def test_any_news_like_text_parses_with_exact_evidence(
    words: list[str], published: datetime.date | None
) -> None:
    """Random news-like word salad never raises and every event's evidence is exact and JSON-encodable."""
    text = " ".join(words)
    events = newsevents.parse(text, published=published)
    for event in events:
        assert event.evidence is not None
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    json.loads(newsevents.to_json(events))


@given(st.text(max_size=500))
def test_any_text_parses(text: str) -> None:
    """Any string gives a list of events and never an exception."""
    assert isinstance(newsevents.parse(text), list)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Putin will speak by phone", {"modal"}),
        ("They didn't call", {"negation"}),
        ("Kerry won’t call", {"negation"}),
        ("We'll call", {"modal"}),
        ("He plans to call", {"modal"}),
        ("Theresa May spoke", set()),
        ("the unsaid thing", set()),
        ("Netanyahu's office said", {"report"}),
        ("refused to take the call", {"refusal"}),
    ],
)
def test_cues_are_whole_words_and_capitalised_words_are_names(text: str, kinds: set[str]) -> None:
    """Cue words count as whole words (and clitics); a capitalised word after the first is a name."""
    assert kinds == cues(text)


def test_parse_imports_a_shipped_recogniser_only_for_a_text_with_its_trigger_words() -> None:
    """A text with no word of a type's trigger list does not load that type's recogniser; recognisers() loads all."""
    code = (
        "import sys, newsevents\n"
        "from newsevents import parsing\n"
        "newsevents.parse('Ana Silva phoned Hans Weber on Tuesday.')\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in parsing._imported if m in sys.modules))\n"
        "parsing.recognisers()\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in parsing._imported if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ["['phonecall']", "['airstrike', 'pardon', 'phonecall', 'sentencing']"] == run.stdout.split("\n")[:2]


def test_the_shipped_modules_read_the_trigger_lists_parse_checks() -> None:
    """Each shipped module's spec reads the folder's ``triggers`` list that parse looks for before importing it."""
    from newsevents.parsing import _SHIPPED
    from newsevents.parsing.engine import specs

    recognisers()
    shipped = {spec.folder: spec for spec in specs().values() if spec.package == "newsevents.parsing"}
    for module, folder in _SHIPPED:
        assert folder in shipped, module
        assert "triggers" == shipped[folder].triggers
        assert shipped[folder].build.__module__ == module
