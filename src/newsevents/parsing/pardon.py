"""
The PardonRequest recogniser, on the pattern engine.

Its constructions are data (``data/pardon/patterns.toml``): "X asked Y to pardon Z", "X
called on Y to release Z", "X called for Z's release", "X sought clemency from Y", "a
plea for clemency to Y", "calls for clemency from X", "Y rejected his petition for
clemency". The engine reads them, blocks modal or negated requests ("will ask", "did
not ask"), drops matches near a bail hearing or an amnesty for migrants or taxes
(``excludes.txt``) and merges mentions of one request (same requester, beneficiary
and addressee, compatible dates). This module reads the slots a pattern leaves to
the text around it:

- the requester: the actor captured as ``agent``, else the subject right before the
  match (a name, "human rights groups", "the family of X", "X's lawyers", "his wife"),
  or "from X" after a request noun;
- the addressee: each actor captured as ``addressee`` (one request per authority), "from
  Y" or "to Y" after the relief asked for, else the state the text says holds the
  beneficiary ("jailed in Egypt", "a Saudi court");
- the beneficiary: the person or people the request frees, who must be people (a
  release of funds, a report or an animal is none): a name, a pronoun, a possessive
  ("his release"), a description ("political prisoners", "the jailed blogger"), the
  person a kin requester speaks for, or the requester (``self``: "X asked for mercy").

Subjects, descriptions and pronouns are read by the shared `newsevents.parsing.phrases`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from newsevents.events import PardonRequest
from newsevents.model import Actor, ActorKind, PartialDate
from newsevents.parsing import register_recogniser
from newsevents.parsing.custody import held_for, held_state
from newsevents.parsing.engine import Found, Spec, recogniser
from newsevents.parsing.nearby_dates import clause_date
from newsevents.parsing.object_phrases import (
    actor_after,
    named_object,
    object_end,
    people_object,
    possessor,
    salient_near,
)
from newsevents.parsing.patterns import word_list
from newsevents.parsing.phrases import (
    MAKING,
    POSSESSIVES,
    actor_of,
    referent,
    sentence_subject,
    subject_at,
    subject_before,
)

__all__ = ["SPEC", "find_pardon_requests"]


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "pardon", name)


# --------------------------------------------------------------------------- requester


def _requester(found: Found) -> tuple[Actor | None, Actor | None]:
    """The requester, and the person they speak for when they are kin or counsel ("the family of X")."""
    captured = found.actors("agent", "requester")
    if captured:
        return captured[0], None
    tokens = found.view.tokens
    if found.option("requester") == "from":
        at = next(
            (
                i
                for i in range(found.match.start, min(len(tokens), found.match.end + 1))
                if tokens[i].lower == "from"
            ),
            None,
        )
        if at is not None:
            return subject_at(found, at + 1)
    position = found.match.anchor - 1
    if found.entry.name in ("plea_to", "clemency_petition", "petition_asking", "plea_for"):
        while position >= 0 and tokens[position].lower in MAKING:
            position -= 1
        # "Lucas' lawyers described him ... in a petition asking": the sentence's subject
        if position >= 1 and tokens[position].lower == "in":
            return sentence_subject(found, position)
    return subject_before(found, position)


# --------------------------------------------------------------------------- beneficiary


def _beneficiary(
    found: Found, requester: Actor | None, speaks_for: Actor | None, addressees: list[Actor | None]
) -> tuple[Actor | None, bool]:
    """The beneficiary, and whether the text states one at all (else it may be the requester)."""
    tokens = found.view.tokens
    exclude = tuple(
        actor for actor in (requester, *addressees) if actor is not None and actor.kind is ActorKind.PERSON
    )
    for span in found.spans("beneficiary"):
        actor = actor_of(span)
        if actor is not None and actor.kind is ActorKind.PERSON:
            return actor, True
    if found.option("between"):
        # "pressed for access and for detainees to be released": the words between the last "for" and "to"
        last = max(
            i for i in range(found.match.anchor, found.match.end) if tokens[i].lower in ("for", "that")
        )
        to = next((i for i in range(last + 1, found.match.end) if tokens[i].lower in ("to", "be")), last + 1)
        if to > last + 1:
            return people_object(found, last + 1, to, speaks_for=speaks_for, exclude=exclude), True
    if found.option("possessive"):
        # the words between "for" and the release: "his", "his son's", "the sailors'"
        release = next(
            (
                i
                for i in range(found.match.anchor + 1, found.match.end)
                if tokens[i].lower in _words("release")
            ),
            found.match.end,
        )
        words = tokens[found.match.anchor + 1 : release]
        if words and words[0].lower == "for":
            words = words[1:]
        return possessor(found, words, speaks_for=speaks_for, exclude=exclude), True
    if found.option("object"):
        start = found.match.end
        end = object_end(tokens, start)
        if end > start:
            return people_object(found, start, end, speaks_for=speaks_for, exclude=exclude), True
    return None, False


# --------------------------------------------------------------------------- addressee


def _addressees(found: Found, requester: Actor | None) -> list[Actor]:
    """The authorities asked, each once: captured, or "from Y" / "to Y" after the relief asked for."""
    out: list[Actor] = []
    spans = found.spans("addressee")
    captured: list[Actor] = []
    for span in spans:
        values = span.value if isinstance(span.value, list) else [span.value]

        if any(actor.kind is ActorKind.ORGANIZATION for actor in values if isinstance(actor, Actor)):
            values = values[:1]  # "the Board of Pardons and Paroles" is one board
        captured += [actor for actor in values if isinstance(actor, Actor)]
        tokens = found.view.tokens
        if tokens[span.start].lower in ("him", "her") and span.end == span.start + 1:
            exclude = (requester,) if requester is not None else ()
            people = referent(
                found, tokens[span.start].start, exclude=exclude, pronoun=tokens[span.start].lower, asked=True
            )
            captured = people[:1]
    if not captured and found.entry.name.startswith(("ask_", "demanded")):
        captured = named_object(found, found.match.anchor + 1, min(found.match.end, found.match.anchor + 4))
    for actor in captured:
        if actor not in out and (requester is None or actor.name != requester.name):
            out.append(actor)
    if out:
        return out
    titled = ("from",) if found.entry.name == "seek_relief" else ()
    after = actor_after(found, found.match.end - 1, ("from", "to"), titled=titled)
    return [after] if after is not None else out


# --------------------------------------------------------------------------- events


def _date(found: Found) -> PartialDate | None:
    """
    The request's date: a time in its own clause ("asked X on Monday to ..."), else a time
    opening the sentence ("Shortly after sentencing in 2013, X sought ..."), else the day of
    the statement it was made in ("X said on Monday, urging Y to ...").
    """
    if found.option("undated"):
        return None  # "her request was rejected on Tuesday": the day of the decision
    for span in found.spans("time"):
        date = getattr(span.value, "date", None)
        if isinstance(date, PartialDate):
            return date
    opening = found.option("requester") != "from"
    return clause_date(found.article, found.sentence, found.match.anchor, found.match.end, opening=opening)


def _granted(found: Found) -> Iterator[PardonRequest]:
    """ "Y pardoned Z at X's request", "Z was freed at the request of X": X asked Y (or Z's jailers)."""
    requester = found.actors("requester")[0]
    tokens = found.view.tokens
    anchor = found.match.anchor
    at = next(i for i in range(found.match.end - 1, anchor, -1) if tokens[i].lower == "at")
    addressee: Actor | None = None
    if tokens[anchor - 1].lower in ("was", "were", "been", "be", "is", "are") if anchor else False:
        beneficiary = subject_before(found, anchor - 1)[0]
    else:
        addressee = subject_before(found, anchor - 1)[0]
        beneficiary = (
            people_object(found, anchor + 1, at, speaks_for=None, exclude=(requester,))
            if at > anchor + 1
            else None
        )
    if (
        beneficiary is None
        or beneficiary.kind not in (ActorKind.PERSON, ActorKind.GROUP)
        or beneficiary == requester
    ):
        return
    if addressee is None:
        addressee = held_state(found.article, beneficiary, {code for code in (requester.country,) if code})
    yield PardonRequest(
        requester=requester,
        addressee=addressee,
        beneficiary=beneficiary,
        date=None,  # a time in the clause dates the pardon, not the request
        offence=_offence(found, beneficiary),
        evidence=found.evidence(),
        source=found.article.source,
    )


def _offence(found: Found, beneficiary: Actor) -> str | None:
    return held_for(found.article, found.sentence, beneficiary, not_offences=_words("relief"))


def build(found: Found) -> Iterator[PardonRequest]:
    """The requests one match states: one per authority asked."""
    if found.option("granted"):
        yield from _granted(found)
        return
    requester, speaks_for = _requester(found)
    if requester is None:
        return
    addressees: list[Actor | None] = list(_addressees(found, requester))
    if found.option("decider") and not found.actors("requester"):
        addressees = list(found.actors("addressee")[:1])
        pronoun = next(
            (t for t in found.view.tokens[found.match.start : found.match.end] if t.lower in POSSESSIVES),
            None,
        )
        deciders = tuple(actor for actor in addressees if actor is not None)
        people = referent(found, pronoun.start, exclude=deciders, pronoun=pronoun.lower) if pronoun else []
        if not people:
            return
        requester = people[0]
    beneficiary, stated = _beneficiary(found, requester, speaks_for, addressees)
    if beneficiary is None and not stated and speaks_for is None:
        # "X called for clemency again": the request X made before
        again = next(
            (e for e in reversed(found.earlier) if isinstance(e, PardonRequest) and e.requester == requester),
            None,
        )
        if again is not None:
            beneficiary = again.beneficiary
            addressees = addressees or [again.addressee]
    if beneficiary is None and not stated:
        beneficiary = speaks_for
        if beneficiary is None and found.option("self") and requester.kind is ActorKind.PERSON:
            beneficiary = requester
        if beneficiary is None:
            beneficiary = _salient(found, requester, addressees)
    if beneficiary is None:
        return
    if beneficiary.kind is not ActorKind.PERSON and beneficiary.kind is not ActorKind.GROUP:
        return
    if not addressees:
        addressees = [held_state(found.article, beneficiary, {code for code in (requester.country,) if code})]
    date = _date(found)
    offence = _offence(found, beneficiary)
    for addressee in addressees:
        if addressee is not None and addressee.name == beneficiary.name:
            continue
        yield PardonRequest(
            requester=requester,
            addressee=addressee,
            beneficiary=beneficiary,
            date=date,
            offence=offence,
            evidence=found.evidence(),
            source=found.article.source,
        )


def _salient(found: Found, requester: Actor, addressees: list[Actor | None]) -> Actor | None:
    """ "Calls for clemency" with no one named: the person the paragraph is about."""
    if found.option("requester") != "from":
        return None
    return salient_near(found, {requester.name} | {actor.name for actor in addressees if actor is not None})


SPEC = Spec(PardonRequest, "pardon", build, blocking=frozenset({"modal", "negation"}), excludes="excludes")
find_pardon_requests = register_recogniser(PardonRequest)(recogniser(SPEC))
