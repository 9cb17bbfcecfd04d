"""
The PhoneCall recogniser: "X spoke by phone with Y", "X phoned Y", "a phone call between X and Y".

A cheap pass finds the sentences with "phone", "call" or "rang"; only those are read
closely. A trigger counts when the clause before it has no modal or negation cue
("will speak by phone", "did not call") and the sentence is not about a press
interview or a conference call; "call for/on/upon" is an appeal, never a call.

Mentions of one call are merged: a definite mention ("the call", "Thursday's phone
call") joins the call the article already reported, and mentions with the same
participants join unless their dates differ ("earlier this month" and "Thursday"
are two calls). The initiator is set only when the text says who called
("X phoned Y", "a call from X", "initiated by X").

Rules (the ``evidence.rule`` of each event): ``phonecall.spoke_by_phone``,
``phonecall.phoned``, ``phonecall.called`` ("X called Y on Tuesday"), ``phonecall.call_between``,
``phonecall.call_with``, ``phonecall.call_from``, ``phonecall.in_a_call``, ``phonecall.the_call``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

import attrs

from newsevents.events import PhoneCall
from newsevents.model import Actor, ActorKind, PartialDate
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import Cast, Mention, country_code, title_groups
from newsevents.parsing.article import Article, Sentence, evidence_for, table, words
from newsevents.parsing.clauses import (
    actor_mentions,
    attached_date,
    clause_end,
    clause_start,
    cues,
    distinct,
    people_referred,
    sentence_times,
    subject_of,
)

__all__ = ["find_phone_calls", "phone_calls"]

_KEYWORDS = ("phon", "call", "rang", "dial")
#: The lookahead on the first letters skips most positions (~2x faster).
_CONFIRM = re.compile(r"(?=[pcrd])(?:phon|\bcall|\brang\b|\bdiall?ed\b)", re.IGNORECASE)
_SPOKE = re.compile(
    r"\b(?:spoke|spoken|speak|speaks|speaking|talked|talk|talks|talking|chatted|conferred|told|tells"
    r"|assured|warned|urged|thanked|congratulated|discussed|agreed|exchanged|consulted|conversed)\b"
    r"(?:[^.;:!?]|(?<=[A-Z])\.){0,80}?\b(?:by|on the|over the|via|in a) (?:tele)?phone\b",
    re.IGNORECASE,
)
_PHONED_WORDS = ("phoned", "rang", "called up", "dial")
_PHONED = re.compile(
    r"\b(?:phoned|telephoned|rang|called up|rang up|diall?ed)\b(?! out| off| in\b| down\b| back\b)",
    re.IGNORECASE,
)
_NOUN = re.compile(
    r"\b(?:(?:tele)?phon(?:e|ic)[ -](?:call|conversation|chat|conference|talk)s?|calls?)\b", re.IGNORECASE
)
_NOT_A_CALL_AFTER = re.compile(
    r"\s+(?:for|on|upon|to prayer|to arms|centres?|centers?|signs?|it|them|him|her|the)\b", re.IGNORECASE
)
_DEFINITE = re.compile(r"(?:\b(?:the|this|that|their|his|her)|['’]s)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|their|his|her|one|another|several|two|three|many)|['’]s|calls|phone)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ROLE_OBJECT = re.compile(
    r"\b(?:his|her|their)\s+((?:[\w-]+\s+){0,2}?)(?:successor|predecessor|counterpart)\b", re.IGNORECASE
)


@cache
def _exclude() -> re.Pattern[str]:
    phrases = sorted(words("phonecall_excludes.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in phrases) + r")\b", re.IGNORECASE)


_INITIATED = re.compile(
    r"\b(?:initiated|placed|made|requested) by\b|\bat the (?:request|initiative|invitation) of\b",
    re.IGNORECASE,
)
# "at Hollande's request": the possessor asked for the call
_AT_REQUEST = re.compile(
    r"\bat\s+(?:the\s+)?(\S+?)['’]s?\s+(?:request|initiative|invitation)\b", re.IGNORECASE
)
# "X made a phone call to Y", "X placed a call to Y": X called
_RETURNED_BEFORE = re.compile(r"\breturned\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?$")
_MADE_BEFORE = re.compile(r"\b(?:made|placed|put in|put through)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?$")
_INITIATED_WORDS = (
    "initiated by", "placed by", "made by", "requested by", "at the request", "at the initiative",
    "at the invitation",
)  # fmt: skip
_SIDE = re.compile(r"\s+the\s+([A-Z][\w.-]*)\s+side\b")
_FROM = re.compile(r"\b(?:call|calls) from\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
_AFTER_PLANNED = re.compile(
    r"\b(?:is|are|was|were|has been|had been)\s+(?:\w+\s+)?(?:scheduled|planned|expected|due|set)\b"
    r"|\b(?:scheduled|planned) (?:for|with)\b|\bnext (?:week|month|year)\b|\bwill (?:take place|be held)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\bto (?!be\b|take place\b|have\b|happen\b|occur\b)[a-z]+\b")
_CALLED = re.compile(r"\bcalled\b(?! (?:for|on|upon|off|in|out|it|him|her|them)\b)")
# What may follow "X called Y" when it is a call: an end of clause, "and" + a verb, a purpose,
# a time ("on Tuesday", not "on his claims"); "called Y a liar", "called Y and Z liars" are no calls.
_CALL_FOLLOW = re.compile(
    r"\s*(?:[.,;:]|\band\s+[a-z]|\bto (?:discuss|congratulate|express|offer|thank|ask|urge|tell|wish|convey"
    r"|inform|brief|apologi[sz]e|talk|say|seek|press|reassure|condole)\b|\bon\s+(?:[A-Z][a-z]+day|January"
    r"|February|March|April|May|June|July|August|September|October|November|December|the (?:tele)?phone\b"
    r"|\d|the eve|the sidelines)|\b(?:last|late|early|earlier|this|yesterday"
    r"|today|tonight|from|after|before|shortly|overnight|twice|again|several|repeatedly|as soon as|when"
    r"|immediately|hours|minutes|within|during|following|amid|ahead)\b)"
)
_NAME_LIST = re.compile(r",\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,|\s+and\s+[A-Z])")
_AGAIN = re.compile(r"\b(?:and|then)\s+again\s+(?=on\b|last\b|in\b|late\b|early\b)", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their|its)\s+[^,.;:]{1,60}?,")
_PARTICIPLE = re.compile(r"[A-Za-z]+ing\b")
_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|reported|according)\b", re.IGNORECASE)
_OPENING_PHRASE = re.compile(r"(?:In|During|Over|Via)\s+(?:\w+\s+){0,3}", re.IGNORECASE)
_AFTER_COMMA_END = re.compile(r",|\bthat\b|\bwho\b|\bwhich\b")
_AFTER_WITH = re.compile(r"\s+with\b", re.IGNORECASE)
_AFTER_FROM = re.compile(r"\s+from\b", re.IGNORECASE)
_AFTER_TO = re.compile(r"\s+to\b", re.IGNORECASE)
#: A real sentence has a few trigger words at most; more are not read (keeps pathological text linear).
_MAX_TRIGGERS = 8
_BLOCKING_CUES = frozenset({"modal", "negation", "refusal"})


@attrs.define
class _Mention:
    participants: list[Actor]
    initiator: Actor | None
    date: PartialDate | None
    sentence: Sentence
    rule: str
    definite: bool


# --------------------------------------------------------------------------- actors in windows


def _role_object(cast: Cast, article: Article, start: int, end: int, known: list[Actor]) -> Actor | None:
    """ "his successor", "his Iranian counterpart": the most mentioned other person (of that country)."""
    found = None
    for match in re.finditer(_ROLE_OBJECT, article.text[start:end]):
        found = match
        break
    if found is None:
        return None
    code = country_code(found.group(1).strip()) if found.group(1).strip() else None
    names = {actor.name for actor in known}
    for person in cast.salient_people():
        if person.name in names:
            continue
        if code is not None and person.country not in (code, None):
            continue
        return person
    # "his Russian counterpart", named nowhere: the state (Clarification 4)
    return Actor.state(code) if code is not None and found.group().lower().endswith("counterpart") else None


# --------------------------------------------------------------------------- triggers


def _blocked(article: Article, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the trigger is not a reported call: modal, negated, planned, an interview."""
    before = article.text[clause_start(sentence, start) : start]
    if cues(before) & _BLOCKING_CUES:
        return True
    planned = _AFTER_PLANNED.search(article.text, end, min(sentence.end, end + 120))
    # "agreed in a call to meet next week": what the purpose clause plans is not the call
    if planned is not None and _PURPOSE.search(article.text, end, planned.start()) is None:
        return True
    window = article.text[max(sentence.start, start - 60) : min(sentence.end, end + 60)]
    return _exclude().search(window) is not None


def _future(date: PartialDate | None, published: datetime.date | None) -> bool:
    if date is None or published is None:
        return False
    return (
        date > PartialDate.from_date(published)
        and date.isoformat() != PartialDate.from_date(published).isoformat()[: len(date.isoformat())]
    )


def _initiator(cast: Cast, sentence: Sentence, participants: list[Actor]) -> Actor | None:
    article = cast.article
    said = sentence.text
    lowered = said.lower()
    for pattern, words_ in ((_INITIATED, _INITIATED_WORDS), (_FROM, ("call from", "calls from"))):
        if not any(word in lowered for word in words_):
            continue  # a cheap test before the pattern
        found = pattern.search(article.text, sentence.start, sentence.end)
        if found is not None:
            side = _SIDE.match(article.text, found.end())
            if side is not None:  # "initiated by the American side"
                code = country_code(side.group(1))
                return Actor.state(code) if code is not None else None
            after = actor_mentions(cast, sentence, found.end(), min(sentence.end, found.end() + 80))
            if after and _object_gap(article.text[found.end() : after[0].start]):
                return after[0].actor
            return None
    asked = "request" in lowered or "initiative" in lowered or "invitation" in lowered
    found = _AT_REQUEST.search(article.text, sentence.start, sentence.end) if asked else None
    if found is not None:
        owner = actor_mentions(cast, sentence, found.start(1), found.end())
        if owner and owner[0].start == found.start(1):
            return owner[0].actor
        capital = _capital_states().get(found.group(1).rstrip("'’"))
        if capital is not None:
            return Actor.state(capital)  # "at Washington's request"
    return None


@cache
def _capital_states() -> dict[str, str]:
    """Capitals that stand for their state ("at Washington's request"), from ``capitals.tsv``."""
    return {row[1]: row[0] for row in table("capitals.tsv") if len(row) >= 2}


def _read_sentence(cast: Cast, sentence: Sentence) -> Iterator[_Mention]:
    seen_spans: list[tuple[int, int]] = []
    for reader in (_spoke, _phoned, _called, _nouns):
        for mention in reader(cast, sentence, seen_spans):
            # people and states talk on the phone; a newspaper or an agency on the line is an interview
            mention.participants = [
                actor for actor in mention.participants if actor.kind is not ActorKind.ORGANIZATION
            ]
            yield mention
            again = _again(cast, sentence, mention)
            if again is not None:
                yield again


def _again(cast: Cast, sentence: Sentence, mention: _Mention) -> _Mention | None:
    """ "X spoke with Y by phone on Saturday and again on Monday": a second call, on the second day."""
    if mention.date is None or len(mention.participants) < 2 or "again" not in sentence.text:
        return None
    found = _AGAIN.search(cast.article.text, sentence.start, sentence.end)
    if found is None:
        return None
    for span in sentence_times(cast.article, sentence):
        after_again = found.end() <= span.start <= found.end() + 3
        if after_again and span.date is not None and span.date != mention.date:
            return attrs.evolve(mention, date=span.date)
    return None


def _spoke(cast: Cast, sentence: Sentence, seen_spans: list[tuple[int, int]]) -> Iterator[_Mention]:
    """ "X spoke by phone with Y", "X spoke to Y on the telephone"."""
    if "phone" not in sentence.text.lower():
        return  # a cheap test before the pattern
    article = cast.article
    text = article.text
    for found in islice(_SPOKE.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        start, end = found.start(), found.end()
        seen_spans.append((start, end))
        if _blocked(article, sentence, start, end):
            continue
        subject = _subject(cast, sentence, start)
        opening = text[sentence.start : start].strip(' "“') == ""
        if not subject and opening and _PARTICIPLE.match(found.group()):
            # "Speaking by telephone on Monday, X and Y discussed ...": the actors follow the comma
            subject = distinct(_after_opening(cast, sentence, end))[:2]
        stop = max(clause_end(sentence, end), end)
        # "discussed Syria with X": what is discussed is a topic; the other party follows "with"
        topical = found.group().split()[0].lower() in ("discussed", "agreed")
        with_at = text.find(" with ", start, stop) if topical else start
        found_objects = actor_mentions(cast, sentence, with_at, stop) if with_at >= 0 else []
        objects = [
            mention.actor
            for mention in found_objects
            if not _topic(text, start, mention) and _party(text, mention)
        ]
        named = bool(objects)
        if not objects and not topical:
            objects = people_referred(cast, article, start, stop, subject, last=False)
        # "X and Y spoke by phone with Z": all three; "the two men spoke by phone": the two
        participants = distinct(subject + objects[:1] if named or len(subject) < 2 else subject)
        if len(participants) < 2:
            role = _role_object(cast, article, start, stop, participants)
            participants = distinct([*participants, role] if role is not None else participants)
        initiator = _initiator(cast, sentence, participants)
        yield _Mention(
            participants, initiator, attached_date(article, sentence, start, end), sentence,
            "phonecall.spoke_by_phone", definite=False,
        )  # fmt: skip


def _phoned(cast: Cast, sentence: Sentence, _seen: list[tuple[int, int]]) -> Iterator[_Mention]:
    """ "X phoned Y": X is the initiator; coordinated callers make one call each."""
    lowered = sentence.text.lower()
    if not any(word in lowered for word in _PHONED_WORDS):
        return  # a cheap test before the pattern
    article = cast.article
    text = article.text
    for found in islice(_PHONED.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        start, end = found.start(), found.end()
        if _blocked(article, sentence, start, end):
            continue
        subject = _subject(cast, sentence, start)
        stop = clause_end(sentence, end)
        objects = [
            mention.actor for mention in actor_mentions(cast, sentence, end, stop) if _party(text, mention)
        ]
        if not objects or not subject:
            continue
        for caller in subject:
            participants = distinct([caller, objects[0]])
            yield _Mention(
                participants, caller, attached_date(article, sentence, start, end), sentence,
                "phonecall.phoned", definite=False,
            )  # fmt: skip


def _called(cast: Cast, sentence: Sentence, _seen: list[tuple[int, int]]) -> Iterator[_Mention]:
    """
    "X called Y on Tuesday", "X called Y to congratulate him": a call, when nothing follows Y
    but a time, an end of clause or a purpose ("called Y a liar", "called Y's plan absurd" are not).
    """
    if "called" not in sentence.text:
        return  # a cheap test before the pattern
    article = cast.article
    text = article.text
    for found in islice(_CALLED.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        start, end = found.start(), found.end()
        if _blocked(article, sentence, start, end):
            continue
        objects = [
            mention
            for mention in actor_mentions(cast, sentence, end, min(sentence.end, end + 60))
            if mention.actor.kind is ActorKind.PERSON
        ]
        if (
            not objects
            or not _only_titles(text[end : objects[0].start])
            or objects[0].text.endswith(("'s", "’s"))
        ):
            continue
        follow = objects[0].end
        apposition = _APPOSITION.match(text, follow, sentence.end)
        if apposition is not None:
            follow = apposition.end()  # "called X, the front-runner, dangerous": what follows X's apposition
        if _CALL_FOLLOW.match(text, follow, sentence.end) is None and follow < sentence.end:
            continue
        if _NAME_LIST.match(text, follow, sentence.end) is not None:
            continue  # "called Cruz, Rubio and Kasich liars": a list of names, then what they were called
        subject = _subject(cast, sentence, start)
        for caller in subject:
            participants = distinct([caller, objects[0].actor])
            if len(participants) == 2:
                yield _Mention(
                    participants, caller, attached_date(article, sentence, start, end), sentence,
                    "phonecall.called", definite=False,
                )  # fmt: skip


def _call_to(cast: Cast, sentence: Sentence, end: int) -> re.Match[str] | None:
    """ "placed a call to Tsai": "to" followed directly by a person or state is the other party."""
    found = _AFTER_TO.match(cast.article.text, end)
    if found is None:
        return None
    after = actor_mentions(cast, sentence, found.end(), min(sentence.end, found.end() + 60))
    text = cast.article.text
    return found if after and _object_gap(text[found.end() : after[0].start]) else None


def _in_a_call(cast: Cast, sentence: Sentence, start: int, end: int) -> list[Actor]:
    """ "X asked Y ... during a phone call": the first two actors of the clause before the call."""
    article = cast.article
    text = article.text
    left = clause_start(sentence, start)
    people = [
        mention.actor
        for mention in actor_mentions(cast, sentence, left, start)
        if not _governed(text, sentence, mention)  # "raised the case of X during a call": X is no party
    ]
    people += people_referred(cast, article, left, start, people, last=False)
    participants = distinct(people)[:2]
    if len(participants) < 2 and _OPENING_PHRASE.fullmatch(text, sentence.start, start):
        # "In a phone call on Tuesday, Putin told Erdogan ...": the actors follow the comma
        participants = distinct(_after_opening(cast, sentence, end))[:2]
    if len(participants) < 2:
        # "X and Y discussed A, B and C during a phone call": the people before, across commas
        persons = [
            mention.actor
            for mention in actor_mentions(cast, sentence, sentence.start, start)
            if mention.actor.kind is ActorKind.PERSON
        ]
        if len(distinct(persons)) >= 2 and not _REPORTED_BEFORE.search(text, sentence.start, start):
            participants = distinct(persons)[:2]
    if len(participants) == 1:
        role = _role_object(cast, article, left, start, participants)
        if role is not None:
            participants = distinct([*participants, role])
    return participants


def _after_opening(cast: Cast, sentence: Sentence, end: int) -> list[Actor]:
    """The actors of the main clause after an opening phrase ("In a phone call on Tuesday, X told Y")."""
    text = cast.article.text
    comma = text.find(", ", end, sentence.end)
    if comma < 0:
        return []
    reach = min(sentence.end, comma + 140)
    stop = _AFTER_COMMA_END.search(text, comma + 2, reach)
    limit = stop.start() if stop is not None else reach
    return [mention.actor for mention in actor_mentions(cast, sentence, comma, limit)]


def _topic(text: str, start: int, mention: Mention) -> bool:
    """Whether a mention after a call verb is what was discussed ("spoke by phone about Syria")."""
    window = text[max(start, mention.start - 60) : mention.start]
    for word in reversed(window.split()):
        lowered = word.lower()
        if word[:1].isupper() or lowered in _SKIPPED_BEFORE_OBJECT:
            continue
        return lowered in _TOPIC_WORDS
    return False


_SKIPPED_BEFORE_OBJECT = frozenset({"the", "his", "her", "their", "its", "a", "an", "former", "new"})
_TOPIC_WORDS = frozenset(
    {"about", "on", "over", "in", "regarding", "concerning", "of", "for", "at", "from", "near", "into",
     "against"}
)  # fmt: skip


def _party(text: str, mention: Mention) -> bool:
    """
    Whether a mention can be a party to a call: not a possessor ("Netanyahu's envoy" is the
    envoy), except a state before an office it stands for ("Russia's foreign minister").
    """
    if not mention.text.endswith(("'s", "’s")) and text[mention.end : mention.end + 1] not in ("'", "’"):
        return True
    if mention.actor.kind is not ActorKind.COUNTRY:
        return False
    office = 0
    for word in text[mention.end : mention.end + 60].lstrip("'’s ").split()[:4]:
        if word.lower().strip(",.") not in _lower_title_words() and word.lower() not in _MODIFIERS:
            break
        office += 1
    # "Tanzania's new president, John Magufuli": the person named in apposition is the party
    return office > 0 and not _named_after(text, mention)


_MODIFIERS = frozenset({"new", "former", "top", "chief", "deputy", "acting", "foreign", "prime"})


def _named_after(text: str, mention: Mention) -> bool:
    """Whether a name follows the possessive's office in apposition ("Tanzania's president, John X")."""
    window = text[mention.end : mention.end + 80]
    comma = window.find(", ")
    return comma >= 0 and window[comma + 2 : comma + 3].isupper()


def _subject(cast: Cast, sentence: Sentence, start: int) -> list[Actor]:
    """
    The subject before a call word, never a name inside a prepositional phrase: in "Kerry
    raised the case of reporter Jason Rezaian in a phone call with Zarif" it is Kerry.
    """
    subject = subject_of(cast, cast.article, sentence, start)
    if not subject:
        return subject
    text = cast.article.text
    mentions = actor_mentions(cast, sentence, sentence.start, start)
    last = {mention.actor.name: mention for mention in mentions}  # each actor's last mention
    governed = {
        name
        for name, mention in last.items()
        if _governed(text, sentence, mention) and not _PRONOUN_AFTER.search(text, mention.end, start)
    }
    if not any(actor.name in governed for actor in subject):
        return subject
    kept = [actor for actor in subject if actor.name not in governed]
    if kept:
        return kept
    free = [mention.actor for mention in mentions if mention.actor.name not in governed]
    return free[-1:]


_PRONOUN_AFTER = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
_OFFICE_NOUNS = frozenset(
    {"government", "leader", "minister", "head", "chief", "office", "ministry", "people"}
)
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "week", "month", "year", "morning", "afternoon", "evening", "night", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)  # fmt: skip


def _governed(text: str, sentence: Sentence, mention: Mention) -> bool:
    """Whether a mention is the object of a preposition ("the case of jailed reporter X")."""
    window = text[max(sentence.start, mention.start - 60) : mention.start]
    if window[-1:] != " ":
        return False
    words = window.split()
    # the preposition is one of the four words before the mention; what lies between has no
    # punctuation and no time ("On Tuesday the premier" is no prepositional phrase)
    for back in range(1, min(4, len(words)) + 1):
        word = words[-back]
        if word in _PREPOSITIONS:
            # "the foreign ministers of South Korea": an office of the state, which acts
            if word == "of" and len(words) > back and words[-back - 1].lower().rstrip("s") in _OFFICE_WORDS():
                return False
            between = words[len(words) - back + 1 :]
            return not any(part.lower().strip(".") in _TIME_WORDS or part[:1].isdigit() for part in between)
        if not _PLAIN_WORD.fullmatch(word):
            return False
    return False


@cache
def _OFFICE_WORDS() -> frozenset[str]:  # noqa: N802 (a cached constant)
    return _lower_title_words() | _OFFICE_NOUNS


_PLAIN_WORD = re.compile(r"[\w'’.-]+")
_PREPOSITIONS = frozenset(
    {"of", "for", "with", "to", "from", "about", "against", "on", "at", "in", "by", "over", "under", "into",
     "regarding"}
)  # fmt: skip


def _object_gap(gap: str) -> bool:
    """Whether only determiners, titles and capitalised words come before a call's other party."""
    for word in gap.split():
        if word[:1].isupper() or word.lower() in _lower_title_words() or word.lower() in _DETERMINERS:
            continue
        return False
    return True


_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "then", "new", "former", "outgoing"})


def _only_titles(gap: str) -> bool:
    """Whether the words between a verb and a name are only a country and titles ("Russian leader")."""
    for word in gap.split():
        if word[:1].isupper() or word.lower() in _lower_title_words():
            continue
        return False
    return True


@cache
def _lower_title_words() -> frozenset[str]:
    return frozenset(word.lower() for row in table("titles.tsv") for word in row[0].split()) | {"leader"}


def _nouns(cast: Cast, sentence: Sentence, seen_spans: list[tuple[int, int]]) -> Iterator[_Mention]:
    """ "a phone call between X and Y", "a call from X", "X asked Y ... during a phone call", "the call"."""
    article = cast.article
    text = article.text
    for found in islice(_NOUN.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        start, end = found.start(), found.end()
        if any(a <= start < b for a, b in seen_spans):
            continue
        word = found.group().lower()
        bare = not ("phone" in word or "conversation" in word or "chat" in word)
        before = text[max(sentence.start, start - 40) : start]
        if bare and (
            _NOT_A_CALL_AFTER.match(text, end) is not None or _ARTICLE_BEFORE.search(before) is None
        ):
            continue
        if _blocked(article, sentence, start, end):
            continue
        definite = _DEFINITE.search(before) is not None
        stop = clause_end(sentence, end)
        participants: list[Actor] = []
        rule = "phonecall.in_a_call"
        between = _BETWEEN.match(text, end + 1) if end < sentence.end else None
        with_ = _AFTER_WITH.match(text, end) or _call_to(cast, sentence, end)
        from_ = _AFTER_FROM.match(text, end)
        if between is not None:
            window_end = min(sentence.end, between.end() + 160)
            people = [mention.actor for mention in actor_mentions(cast, sentence, between.end(), window_end)]
            persons = [actor for actor in people if actor.kind is ActorKind.PERSON]
            participants = distinct(persons if len(distinct(persons)) >= 2 else people)[:2]
            rule = "phonecall.call_between"
        elif with_ is not None or from_ is not None:
            # the other party follows "with" or "from" directly ("from a man claiming to be X" is no party)
            party_from = with_.end() if with_ is not None else from_.end() if from_ is not None else end
            other = [
                mention.actor
                for mention in actor_mentions(cast, sentence, end, stop)
                if _object_gap(text[party_from : mention.start]) and _party(text, mention)
            ][:1]
            subject = _subject(cast, sentence, start)
            if not subject and _OPENING_PHRASE.fullmatch(text, sentence.start, start):
                # "In a phone conversation with X on Monday, Y said ...": Y follows the comma
                subject = _after_opening(cast, sentence, end)[:1]
            participants = distinct(subject[:1] + other[:1])
            rule = "phonecall.call_with" if with_ is not None else "phonecall.call_from"
        else:
            participants = _in_a_call(cast, sentence, start, end)
            if definite and len(participants) < 2:
                rule = "phonecall.the_call"
        initiator = _initiator(cast, sentence, participants)
        if from_ is not None and participants:
            # "X returned a call from Y": X called Y back
            initiator = participants[0] if _RETURNED_BEFORE.search(before) else participants[-1]
        elif with_ is not None and participants and _MADE_BEFORE.search(before) is not None:
            initiator = participants[0]  # "X made a phone call to Y"
        yield _Mention(
            participants, initiator, attached_date(article, sentence, start, end), sentence, rule,
            definite=definite,
        )  # fmt: skip


# --------------------------------------------------------------------------- merging


def _compatible(first: PartialDate | None, second: PartialDate | None) -> bool:
    return first is None or second is None or first == second


def _lede_participants(cast: Cast) -> list[Actor]:
    """
    The first two people of the article's lede (its first body sentence naming two), when
    both hold an office ("Prime Minister", "President"): "the call" of a story about two
    leaders is theirs; in other stories an unintroduced "the call" is left alone.
    """
    for sentence in cast.article.sentences[:3]:
        if sentence.headline:
            continue
        people = distinct(
            [mention.actor for mention in cast.mentions(sentence) if mention.actor.kind is ActorKind.PERSON]
        )
        if len(people) >= 2:
            leaders = people[:2]
            return leaders if all(_holds_office(person) for person in leaders) else []
    return []


def _holds_office(person: Actor) -> bool:
    return person.title is not None and title_groups(person.title) in _OFFICES


#: Title groups (``data/titles.tsv``) of people whose calls make news as such.
_OFFICES = frozenset(
    {"president", "president-elect", "vice-president", "premier", "chancellor", "monarch", "foreign-minister",
     "minister", "governor", "senator", "mayor", "diplomat", "military", "official"}
)  # fmt: skip


@attrs.define
class _Call:
    participants: list[Actor]
    initiator: Actor | None
    date: PartialDate | None
    sentence: Sentence
    rule: str


def _continues(call: _Call, mention: _Mention) -> bool:
    """
    Whether a dated mention in the next sentence dates an undated call just reported ("Kerry
    called Zarif as soon as he heard. The two spoke five times by phone on Tuesday.").
    """
    return (
        call.date is None
        and not mention.definite
        and call.rule != "phonecall.the_call"
        and mention.sentence.index - call.sentence.index == 1
        and _AGAIN_WORD.search(mention.sentence.text) is None
    )


_AGAIN_WORD = re.compile(r"\bagain\b", re.IGNORECASE)


def _merge(cast: Cast, mentions: list[_Mention]) -> list[_Call]:
    """One call per real-world call; calls are found by their participants, not by a scan of all."""
    calls: list[_Call] = []
    by_participants: dict[frozenset[str], list[_Call]] = {}
    published = cast.article.published
    for mention in mentions:
        if _future(mention.date, published):
            continue
        if mention.definite and len(mention.participants) < 2:
            target = next((call for call in calls if _compatible(call.date, mention.date)), None)
            if target is None:
                participants = _lede_participants(cast)
                if len(participants) < 2:
                    continue
                if mention.initiator is not None and mention.initiator.name not in {
                    actor.name for actor in participants
                }:
                    continue
                call = _Call(participants, mention.initiator, mention.date, mention.sentence, mention.rule)
                calls.append(call)
                by_participants.setdefault(frozenset(actor.name for actor in participants), []).append(call)
                continue
            target.date = target.date or mention.date
            target.initiator = target.initiator or mention.initiator
            continue
        if len(mention.participants) < 2:
            continue
        target = None
        key = frozenset(actor.name for actor in mention.participants)
        for call in by_participants.get(key, ()):  # the earlier calls between the same actors
            if (
                call.date == mention.date
                or (mention.date is None and not mention.definite)
                or _continues(call, mention)
                or (mention.definite and _compatible(call.date, mention.date))
            ):
                target = call
                break
        if target is None:
            call = _Call(
                mention.participants, mention.initiator, mention.date, mention.sentence, mention.rule
            )
            calls.append(call)
            by_participants.setdefault(key, []).append(call)
        else:
            target.date = target.date or mention.date
            target.initiator = target.initiator or mention.initiator
    return calls


@register_recogniser(PhoneCall)
def find_phone_calls(article: Article) -> Iterator[PhoneCall]:
    """
    Yield the phone calls an article reports, one per call.

    Args:
        article: The article.
    """
    yield from phone_calls(article)


def phone_calls(article: Article) -> tuple[PhoneCall, ...]:
    """
    Return the phone calls an article reports, found once per article (other recognisers ask
    too: a request made "during Thursday's call" takes the call's day).

    Args:
        article: The article.
    """
    cached = article.__dict__.get("_phone_calls")
    if isinstance(cached, tuple):
        return cached
    found = tuple(_find(article))
    article.__dict__["_phone_calls"] = found
    return found


def _find(article: Article) -> Iterator[PhoneCall]:
    sentences = article.sentences_with(_KEYWORDS, confirm=_CONFIRM)
    if not sentences:
        return
    cast = Cast.for_article(article)
    mentions = [mention for sentence in sentences for mention in _read_sentence(cast, sentence)]
    for call in _merge(cast, mentions):
        names = {actor.name for actor in call.participants}
        initiator = call.initiator
        if initiator is not None and initiator.kind is ActorKind.COUNTRY and initiator.name not in names:
            # "the call was initiated by the United States": its participant called
            ours = [actor for actor in call.participants if actor.country == initiator.country]
            initiator = ours[0] if len(ours) == 1 else None
        initiator = initiator if initiator is not None and initiator.name in names else None
        yield PhoneCall(
            participants=tuple(call.participants),
            initiator=initiator,
            date=call.date,
            evidence=evidence_for(call.sentence, call.rule),
            source=article.source,
        )
