"""
The PardonRequest recogniser on the pattern engine: constructions, blocking cues and merging it relies on.

Every sentence here was written for the project.
"""

from __future__ import annotations

import datetime

import pytest

import newsevents
from newsevents import ActorKind, PardonRequest

PUBLISHED = datetime.date(2016, 3, 10)


def _requests(text: str) -> list[PardonRequest]:
    return [e for e in newsevents.parse(text, published=PUBLISHED) if isinstance(e, PardonRequest)]


def _slots(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (r.requester.name, r.addressee.name if r.addressee else None, r.beneficiary.name)
        for r in _requests(text)
    ]


def test_a_seat_of_government_is_its_state() -> None:
    """ "called on Moscow", "urged the Kremlin": the state is asked."""
    assert [("Ana Silva", "Russia", "Hans Weber")] == _slots(
        "Foreign Minister Ana Silva called on Moscow to free the engineer Hans Weber."
    )


def test_one_request_per_authority_asked() -> None:
    """ "urged Egypt and Jordan to release X": two authorities, two requests (Clarification 7)."""
    found = _slots("The press union urged Egypt and Jordan to release the reporter Omar Haddad.")
    assert [
        ("The press union", "Egypt", "Omar Haddad"),
        ("The press union", "Jordan", "Omar Haddad"),
    ] == found


def test_an_office_named_by_a_demonym_is_its_holder() -> None:
    """ "asked the Turkish president": the one president of Turkey the article names."""
    text = (
        "Turkish President Kemal Aydin met the Greek envoy Nikos Pappas on Monday. "
        "Pappas asked the Turkish president to pardon the fisherman Yannis Kostas."
    )
    assert [("Nikos Pappas", "Kemal Aydin", "Yannis Kostas")] == _slots(text)


def test_kin_speak_for_the_person_they_are_kin_to() -> None:
    """ "The brother of X asked Y to pardon him": the requester is the brother, the beneficiary X."""
    found = _requests("The brother of jailed poet Lena Fox asked Governor Mia Holt to pardon her.")
    assert 1 == len(found)
    assert found[0].requester.name == "The brother of jailed poet Lena Fox"
    assert found[0].requester.kind is ActorKind.PERSON
    assert found[0].beneficiary.name == "Lena Fox"


def test_a_pronoun_never_frees_the_office_holder_named_before() -> None:
    """ "her husband asked the king to pardon her": no "her" among the leaders named before means no request."""
    text = (
        "President Tomas Varga opened the summit on Monday. "
        "An aid worker is held in the capital, and her husband asked the king to pardon her."
    )
    assert all(r.beneficiary.name != "Tomas Varga" for r in _requests(text))


@pytest.mark.parametrize(
    "text",
    [
        # a release of animals, papers or money is no request to free a person
        "Animal rights activists called for the zoo to release its dolphins into the sea.",
        "Campaigners called on the ministry to release the full inquiry report.",
        "The mayor urged the council to release emergency funds for the flood victims.",
        # an amnesty for migrants or for taxes is a policy, not a pardon
        "The senator called for an amnesty for undocumented immigrants.",
        "Business leaders asked the government for a tax amnesty.",
        # bail is a court's matter
        "Defence lawyers asked the judge to release their client on bail.",
        # planned and denied requests
        "The family will ask Governor Mia Holt to pardon Carl Dorsey.",
        "The embassy did not ask Ruritania to free Carl Dorsey.",
    ],
)
def test_no_request(text: str) -> None:
    """Releases of things, policy amnesties, bail, plans and denials are no pardon requests."""
    assert [] == _requests(text)


def test_a_request_repeated_in_the_article_is_one_request() -> None:
    """ "X called for clemency again": the same request, merged with the first report of it."""
    text = (
        "The writers' union urged Governor Mia Holt on Monday to pardon the poet Lena Fox. "
        "The writers' union called for clemency again later that day."
    )
    assert [("The writers' union", "Mia Holt", "Lena Fox")] == _slots(text)


def test_a_request_made_in_a_statement_takes_its_day() -> None:
    """ "..., it said on Tuesday": the request is the statement (Clarification 12)."""
    found = _requests("The press union urged Egypt to release the reporter Omar Haddad, it said on Tuesday.")
    assert ["2016-03-08"] == [str(r.date) for r in found]


def test_a_decision_does_not_date_the_request() -> None:
    """ "..., but the board denied the request on Tuesday": the day is the decision's."""
    found = _requests(
        "Lawyers for Carl Dorsey filed a petition asking the parole board to commute his sentence, "
        "but the board denied the request on Tuesday."
    )
    assert [None] == [r.date for r in found]


def test_the_held_state_stands_in_for_an_unnamed_authority() -> None:
    """A call to free someone the article says is jailed in a state is addressed to that state."""
    text = (
        "The blogger Omar Haddad was jailed in Egypt in 2014. "
        "Rights groups have called for Omar Haddad's release."
    )
    assert [("Rights groups", "Egypt", "Omar Haddad")] == _slots(text)


def test_a_relative_clause_between_subject_and_verb() -> None:
    """ "X, who was arrested in Belarus in May, asked for mercy": X asks, for himself, of Belarus."""
    found = _slots("The engineer Paul Dane, who was arrested in Belarus in May, asked for mercy on Friday.")
    assert [("Paul Dane", "Belarus", "Paul Dane")] == found


def test_a_pardon_at_someones_request_is_their_request() -> None:
    """ "Z was freed at the request of X": X asked for it (of the state holding Z); the day is the release's."""
    text = "Omar Haddad was freed on Friday at the request of Senator Aida Kern. He had been jailed in Egypt."
    found = _requests(text)
    assert [("Aida Kern", "Egypt", "Omar Haddad")] == _slots(text)
    assert [None] == [r.date for r in found]


def test_a_statement_released_at_someones_request_is_no_request() -> None:
    """What is released must be people."""
    assert [] == _requests("The ministry released a statement at the request of Senator Aida Kern.")


@pytest.mark.parametrize(
    ("text", "offence"),
    [
        ("The union urged Egypt to free the reporter Omar Haddad, who was jailed for spying.", "spying"),
        (
            "The blogger Omar Haddad was convicted of insulting the king. Rights groups urged Egypt to free him.",
            "insulting the king",
        ),
        ("The union urged Egypt to free the reporter Omar Haddad, jailed for five years in 2014.", None),
        ("The jailed blogger Omar Haddad appealed for clemency to Egypt.", None),
    ],
)
def test_the_offence_is_what_the_text_says_they_are_held_for(text: str, offence: str | None) -> None:
    """ "jailed for spying", "convicted of X": the offence in the text's words; a term is none."""
    assert [offence] == [r.offence for r in _requests(text)]


@pytest.mark.parametrize(
    ("text", "beneficiary"),
    [
        (
            "The union is pressing for better food in the camps and for the jailed reporters to be released.",
            "the jailed reporters",
        ),
        ("The opposition called for the elections to be freed from fraud.", None),
    ],
)
def test_called_for_people_to_be_released(text: str, beneficiary: str | None) -> None:
    """ "pressed for A and for Z to be released": Z, if people (not elections)."""
    assert ([] if beneficiary is None else [beneficiary]) == [r.beneficiary.name for r in _requests(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The rebels are seeking guarantees including an end to the siege and the release of detainees.", 1),
        ("The studio is seeking funds including the release of its new film.", 0),
    ],
)
def test_a_release_among_the_steps_sought(text: str, found: int) -> None:
    """ "seeking steps including the release of Z": a request, if Z are people."""
    assert found == len(_requests(text))
