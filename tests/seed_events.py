"""The seed article's gold events, built by hand (shared by the JSON and NewsML-G2 tests)."""

from __future__ import annotations

from pathlib import Path

import newsevents as ne

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-netanyahu-putin-2019-12-26.txt"
SOURCE = "seed-netanyahu-putin-2019-12-26"


def _evidence(text: str, sentence: str, rule: str | None = None) -> ne.Evidence:
    start = text.index(sentence)
    return ne.Evidence(sentence, start, start + len(sentence), rule=rule)


def seed_events() -> list[ne.Event]:
    """The seed's non-optional gold events, with evidence offsets into the seed text."""
    text = SEED.read_text(encoding="utf-8")
    netanyahu = ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")
    putin = ne.Actor.person("Vladimir Putin", title="President", country="RU")
    issachar = ne.Actor.person("Naama Issachar", country="IL")
    later_call = (
        "Netanyahu also asked Putin to pardon Issachar during a phone call earlier this month."
    )
    return [
        ne.PhoneCall(
            date=ne.PartialDate(2019, 12, 26),
            participants=(netanyahu, putin),
            initiator=netanyahu,
            topics=("Iran", "Syria"),
            evidence=_evidence(
                text,
                "The call, which the Kremlin said was initiated by Netanyahu, came as members of the "
                "premier’s party were voting in a high-stakes leadership primary on whether to keep him "
                "as the head of the Likud faction.",
            ),
            source=SOURCE,
        ),
        ne.PhoneCall(
            date=ne.PartialDate(2019, 12),
            participants=(netanyahu, putin),
            evidence=_evidence(text, later_call),
            source=SOURCE,
        ),
        ne.PardonRequest(
            date=ne.PartialDate(2019, 12, 26),
            requester=netanyahu,
            addressee=putin,
            beneficiary=issachar,
            offence="drug charges",
            evidence=_evidence(
                text,
                "Prime Minister Benjamin Netanyahu asked Russian President Vladimir Putin to pardon an "
                "Israeli-American woman imprisoned in Moscow on drug charges, his office said Thursday.",
            ),
            source=SOURCE,
        ),
        ne.PardonRequest(
            date=ne.PartialDate(2019, 12),
            requester=netanyahu,
            addressee=putin,
            beneficiary=issachar,
            evidence=_evidence(text, later_call),
            source=SOURCE,
        ),
        ne.Sentencing(
            date=ne.PartialDate(2019, 10),
            defendant=issachar,
            penalty=ne.Penalty.PRISON,
            term_months=90,
            offence="drug charges (cannabis in luggage)",
            location=ne.Place(None, country="RU"),
            evidence=_evidence(text, "She was sentenced in October to seven and a half years in prison."),
            source=SOURCE,
        ),
        ne.Airstrike(
            attacker=ne.Actor.state("IL"),
            location=ne.Place("Syria", country="SY"),
            targets=("Hezbollah weapon shipments", "Iranian military installations"),
            strikes=ne.Count(100, ne.CountQualifier.ORDER),
            evidence=_evidence(
                text,
                "Israel has conducted hundreds of airstrikes in Syria targeting Hezbollah weapon shipments "
                "and Iranian military installations.",
            ),
            source=SOURCE,
        ),
    ]
