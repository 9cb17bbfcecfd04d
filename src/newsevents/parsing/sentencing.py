"""
The Sentencing recogniser: a court's sentence of a defendant, as news text reports it.

Rules (each event's ``evidence.rule`` names the one that fired):

- ``sentencing.sentenced``: "X was sentenced to 12 years in prison", "a court sentenced X
  to ...", "sentencing them to three years", "sentenced to death", "to life".
- ``sentencing.jailed``: "X was jailed for five years", "jailed for life".
- ``sentencing.handed``: "X was handed a 20-year sentence", "drew a two month jail
  sentence", "given life", "received the death penalty".
- ``sentencing.fined``: "X and Y were fined 30,000 pounds each".
- ``sentencing.serve``: "must serve three years probation".

The penalty is the most restrictive component (death > life > prison > suspended >
other > community > fine; corpus Clarification 3), read from the words in
``data/penalties.tsv``; ``term_months`` is the custodial term only ("seven and a half
years" is 90), None for ranges ("15 to 25 years") and for "25 years to life" (life).
Several defendants give one event each, and an unnamed remainder ("19 others") one
more (Clarification 9). Not sentencings: possible, requested, future or upheld sentences
("faces up to 10 years", "will be sentenced", "prosecutors had called for", words in
``data/sentencing_blocks.txt``), executions, convictions without a penalty.

The court's country is the country named with the court ("An Egyptian court", "a U.S.
judge"), else where the defendant is held ("held in Russia"), else a country named
nearby, else the dateline's, else the article's most mentioned country. The date is the
time expression attached to the sentencing (not a reporting clause's day, not a time
marked as before it: "arrested in 2013 and later sentenced"); a sentencing without one
takes the day the article's first sentencing report gives ("were sentenced today"),
when it follows it directly (Clarification 11).
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import islice

import attrs

from newsevents import dates
from newsevents.events import Penalty, Sentencing
from newsevents.model import Actor, ActorKind, PartialDate, Place
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import Cast, Mention, country_of
from newsevents.parsing.airstrike import place_country, sentence_times
from newsevents.parsing.article import Article, Sentence, evidence_for, table, words
from newsevents.parsing.numbers import find_numbers, find_terms, parse_number

__all__ = ["find_sentencings", "read_penalty"]

# --------------------------------------------------------------------------- lexicon

_ORDER = (
    Penalty.DEATH,
    Penalty.LIFE,
    Penalty.PRISON,
    Penalty.SUSPENDED,
    Penalty.OTHER,
    Penalty.COMMUNITY,
    Penalty.FINE,
)


@cache
def _penalty_words() -> dict[str, tuple[str, ...]]:
    by_kind: dict[str, list[str]] = {}
    for row in table("penalties.tsv"):
        if len(row) >= 2:
            by_kind.setdefault(row[1], []).append(row[0])
    return {kind: tuple(phrases) for kind, phrases in by_kind.items()}


@cache
def _phrase_re(kind: str) -> re.Pattern[str]:
    phrases = sorted(_penalty_words().get(kind, ()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


@cache
def _blocks_re() -> re.Pattern[str]:
    phrases = sorted(words("sentencing_blocks.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


# --------------------------------------------------------------------------- penalties


@attrs.frozen
class PenaltyReading:
    """
    What a stretch of text says the sentence was.

    Args:
        penalty: The most restrictive component, or None when the text names none.
        term_months: The custodial term in months, or None.
    """

    penalty: Penalty | None
    term_months: int | None


_PRISON_WORD = re.compile(r"\b(?:prison|jail|imprisonment|hard labou?r|behind bars)\b", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\d+|[a-z]+)(?:\s+(?:to|and|or)\s+|\s*[-–]\s*)$", re.IGNORECASE)
_TO_LIFE = re.compile(r"^\s+to\s+life\b", re.IGNORECASE)
_DATE_WORD = re.compile(
    r"^(?:in|on|since|of|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
    r"|april|june|july|august|september|october|november|december)\.?$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(r"^[\s,]*(?:(?:of|on|in|to|'s|’s)\s+)?(?:[a-z-]+\s+){0,2}", re.IGNORECASE)


_SUSPENSION_BEFORE = re.compile(
    r"\b(?:suspended|probation|banned|disqualified|conditional\s+discharge)\s+(?:for\s+)?$", re.IGNORECASE
)


def _is_range(before: str, term: str) -> bool:
    """
    Whether the number just before a term starts a range ("15 to 25 years"), rather than
    ending a date ("sentenced in 2018 to eight years", "on Jan. 5 to six years").
    """
    if not _RANGE_BEFORE.search(before):
        return False
    tokens = before.split()
    if len(tokens) < 2:
        return False
    first = parse_number(tokens[-2])
    if first is None or (isinstance(first, float) and not first.is_integer()):
        return False
    if len(tokens) >= 3 and _DATE_WORD.match(tokens[-3].strip(",")):
        return False  # "in 2018 to", "Jan. 5 to": a date, not the low end of a range
    amount = find_numbers(term)
    return not amount or first < amount[0].value


def read_penalty(text: str) -> PenaltyReading:
    """
    Read the penalty and custodial term from the words after a sentencing verb.

    Args:
        text: The penalty phrase ("to seven and a half years in prison", "to five years on
            probation and fined $25,000", "a 20-year sentence").

    Returns:
        The most restrictive component and the prison term in months.

    Examples:
        >>> read_penalty("to seven and a half years in prison")
        PenaltyReading(penalty=<Penalty.PRISON: 'prison'>, term_months=90)
    """
    components: set[Penalty] = set()
    term: int | None = None
    custodial_term = False
    for found in find_terms(text):
        after = text[found.end : found.end + 40]
        if found.unit not in ("decade", "year", "month"):
            if not custodial_term and re.match(
                r"[\s-]*(?:jail|prison|custodial|detention)\b", after, re.IGNORECASE
            ):
                custodial_term = True  # "a 16-week jail sentence": prison, but no whole months
                components.add(Penalty.PRISON)
            continue
        if _SUSPENSION_BEFORE.search(text, max(0, found.start - 30), found.start):
            continue  # "suspended for 12 months", "probation for two years": not the custodial term
        follow = _FOLLOW.match(after)
        near = after[: follow.end() + 25] if follow is not None else after[:30]
        if _TO_LIFE.match(after):
            components.add(Penalty.LIFE)
            continue
        noncustodial = _phrase_re("noncustodial").search(near)
        custodial = _phrase_re("custodial").search(near)
        if (
            noncustodial is not None
            and noncustodial.group().lower() != "suspended"
            and (custodial is None or noncustodial.start() < custodial.start())
        ):
            continue  # "three years probation", "18 months in drug rehabilitation"
        before = text[max(0, found.start - 14) : found.start]
        if custodial_term:
            continue  # the first custodial term is the sentence; later ones are suspensions etc.
        custodial_term = True
        components.add(Penalty.PRISON)
        # "15 to 25 years", "between seven and 10 years": a range has no one term
        term = None if _is_range(before, found.text) else found.months
    for kind, component in (
        ("death", Penalty.DEATH),
        ("life", Penalty.LIFE),
        ("suspended", Penalty.SUSPENDED),
        ("other", Penalty.OTHER),
        ("community", Penalty.COMMUNITY),
        ("fine", Penalty.FINE),
    ):
        if _phrase_re(kind).search(text):
            components.add(component)
    if not custodial_term and re.search(r"\btime served\b", text, re.IGNORECASE):
        components.add(Penalty.PRISON)
    if (
        not custodial_term
        and not components & {Penalty.SUSPENDED, Penalty.COMMUNITY, Penalty.OTHER, Penalty.FINE}
        and _PRISON_WORD.search(text)
    ):
        components.add(Penalty.PRISON)  # "jailed", "in prison" with no term
    if Penalty.PRISON in components and Penalty.SUSPENDED in components:
        components.discard(Penalty.PRISON)  # a suspended prison term
    penalty = next((p for p in _ORDER if p in components), None)
    if penalty not in (Penalty.PRISON, Penalty.SUSPENDED):
        term = None
    return PenaltyReading(penalty, term)


# --------------------------------------------------------------------------- triggers

_TRIGGER = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<sentenced>sentenced|sentencing|condemned(?=\s+to\s))"
    r"|(?P<jailed>jailed|imprisoned)"
    r"|(?P<handed>handed|gave|given|received|drew|got|gets|receives)"
    r"|(?P<fined>fined)"
    r"|(?P<ordered>ordered(?=\s+(?:\S+\s+){0,5}?to\s+pay\s+(?:a\s+)?(?:\S+\s+)?fines?\b))"
    r"|(?P<serve>(?:must|ordered\s+to)\s+(?:also\s+)?serve)"
    r"|(?P<ordered_serve>ordered(?=\s+(?:\S+\s+){1,4}?to\s+(?:also\s+)?serve\b))"
    r")\b",
    re.IGNORECASE,
)
#: Bounds that keep the work linear in the text on adversarial input: no news sentence
#: reports more sentences passed than this, and no article has more sentences about them.
_MAX_PER_SENTENCE = 8
_MAX_TRIGGERS = 24
_MAX_SENTENCES = 200
#: The cheap trigger pass: lower-case keywords found with str.find, then a confirming pattern.
_KEYWORDS = ("sentenc", "jailed", "imprisoned", "fined", "serve", "condemned", "handed", "gave",
             "given", "drew", "received", "got ", "gets ", "ordered")  # fmt: skip
_CONFIRM = re.compile(
    # every alternative starts a word, with one of these first two letters: testing that once, first,
    # skips most positions (over 2x faster than no test); keep it in step with the alternatives
    r"(?<!\w)(?=[cdefghijlmorst][aehimnorux])"
    r"(?:(?<![\w-])(?:sentenced|sentencing|jailed|imprisoned|fined|(?:must|ordered\s+to)\s+(?:also\s+)?serve"
    r"|condemned\s+to)\b"
    r"|\b(?:handed|gave|given|drew|received|gets|got)\s+(?:\S+\s+){0,5}?"
    r"(?:life|death|sentences?|terms?|years?|months?|probation|community\s+service)\b"
    r"|\b(?:reduced|cut|increased|raised|extended|lengthened|shortened|changed)\s+[^.]{0,60}?\bsentence"
    r"|\b(?:sentences?|terms?)\s+(?:was\s+|were\s+)?(?:reduced|cut|increased|extended|shortened)\s+"
    r"(?:on\s+appeal\s+)?(?:from|to)\b"
    r"|\bordered\s+(?:\S+\s+){0,5}?to\s+pay\s+(?:a\s+)?(?:\S+\s+)?fines?\b"
    r"|\bordered\s+(?:\S+\s+){1,4}?to\s+(?:also\s+)?serve\b)",
    re.IGNORECASE,
)
#: An appellate court's new term: "reduced Bob Jones's sentence to eight years".
_APPEAL = re.compile(
    r"\b(?:reduced|cut|increased|raised|extended|lengthened|shortened|changed)\s+"
    r"(?:(?P<whose>(?:[\w.'’-]+\s+){0,5}?[A-Z][\w.-]*(?:'s|’s)|his|her|their)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:sentences?|terms?)"
    r"|the\s+(?:[a-z-]+\s+){0,2}?(?:sentences?|terms?)\s+of\s+(?P<of>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*))"
    r"\s+(?:from\s+[^.;]{1,40}?\s+)?to\b"
)
#: The same, said of the defendant: "had his sentence reduced to five years", "Jones's term was cut to".
_APPEAL_OWN = re.compile(
    r"(?:\b(?:had|has\s+had|have\s+had)\s+(?P<pronoun>his|her|their)"
    r"|(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)))\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:sentences?|terms?)\s+(?:was\s+|were\s+)?"
    r"(?:reduced|cut|increased|raised|extended|lengthened|shortened)\s+(?:on\s+appeal\s+)?"
    r"(?:from\s+[^.;]{1,40}?\s+)?to\b"
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|is|are|be|being|got|get|gets|later|also|earlier|then|subsequently|previously|"
    r"already|once|each|both|all|eventually)\s+$",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s(?:for|over|after|because|who|which|when|while|following|on\s+charges|as)\s"
    r"|,\s(?:a|an|the|which|who|saying|but|according)\s|;|\s[—–]\s|\s--\s",
    re.IGNORECASE,
)
_SENTENCE_NOUN = re.compile(
    r"\b(?:sentence|sentences|term|terms|life|death|years?\s+in\s+(?:prison|jail)|probation"
    r"|community\s+service)\b",
    re.IGNORECASE,
)
_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
_OTHERS = re.compile(
    r"\b(?:and|with)\s+(?P<group>(?:\d+|[a-z]+(?:-[a-z]+)?)\s+other(?:s|\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:[a-z]+s|men|women|people|police)))\b",
    re.IGNORECASE,
)
_AUX_TAIL = re.compile(
    r"(?:\s*\b(?:was|were|been|has|have|had|is|are|be|being|got|get|gets|later|also|earlier|then|"
    r"subsequently|eventually|already|not|just|each|all|both)\b)+\s*$",
    re.IGNORECASE,
)
_SUBJECT_CUT = re.compile(
    r"\b(?:after|before|when|because|since|although|though|while|as|that|where|until)\s|;\s|:\s",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r",\s(?:who|which|whose|whom)\b[^,]*,", re.IGNORECASE)
_NP_START = re.compile(
    r"(?:^|,\s|\b(?:month|week|year|day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s)",
    re.IGNORECASE,
)


@attrs.frozen
class _Mention:
    sentence: Sentence
    rule: str
    start: int
    end: int
    defendants: tuple[Actor, ...]
    reading: PenaltyReading
    date: PartialDate | None
    also: bool


def _blocked(article: Article, sentence: Sentence, start: int) -> bool:
    """Whether the clause before the trigger marks the sentence as possible, requested or future."""
    text = article.text
    begin = max(sentence.start, start - 60)
    for mark in (", but ", "; ", ". "):
        found = text.rfind(mark, begin, start)
        if found >= 0:
            begin = found + len(mark)
    return _blocks_re().search(text, begin, start) is not None


def _penalty_span(article: Article, sentence: Sentence, end: int) -> tuple[int, int]:
    """The stretch after the trigger that states the penalty: up to the offence or a new clause."""
    text = article.text
    stop = min(sentence.end, end + 220)
    cut = _CUT.search(text, end + 1, stop)
    # "jailed for life", "jailed for five years": the first "for" belongs to the penalty
    while (
        cut is not None
        and text[cut.start() : cut.end()].strip().lower() == "for"
        and _penalty_follows(text, cut.end())
    ):
        cut = _CUT.search(text, cut.end(), stop)
    return end, cut.start() if cut is not None else stop


def _penalty_follows(text: str, position: int) -> bool:
    head = text[position : position + 40]
    if re.match(r"(?:life|a\s+decade)\b", head, re.IGNORECASE):
        return True
    terms = find_terms(head)
    return bool(terms) and terms[0].start == 0


def _people_in(cast: Cast, sentence: Sentence, start: int, end: int) -> list[Actor]:
    return [
        m.actor
        for m in cast.mentions(sentence)
        if start <= m.start and m.end <= end and m.actor.kind is ActorKind.PERSON
    ]


def _strip_relatives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` outside ", who ... ," relative clauses."""
    parts = []
    position = start
    for found in _RELATIVE.finditer(text, start, end):
        parts.append((position, found.start()))
        position = found.end()
    parts.append((position, end))
    return parts


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near)\s+$")


def _people_mentions(cast: Cast, article: Article, sentence: Sentence) -> list[Mention]:
    """The people a sentence mentions, less names after "in"/"at" (places: "a court in Kuala Lumpur")."""
    text = article.text
    return [
        m
        for m in cast.mentions(sentence)
        if m.actor.kind is ActorKind.PERSON and not _PLACE_BEFORE.search(text, max(0, m.start - 6), m.start)
    ]


def _pronoun_referent(cast: Cast, article: Article, sentence: Sentence, at: int) -> Actor | None:
    """
    He/she as a subject: the last person named before it in the sentence, else the first
    person of the previous sentence, else the last person named.
    """
    same = [m.actor for m in _people_mentions(cast, article, sentence) if m.end <= at]
    if same:
        return same[-1]
    index = article.sentences.index(sentence) if sentence in article.sentences else -1
    if index > 0:
        previous = article.sentences[index - 1]
        people = [m.actor for m in _people_mentions(cast, article, previous)]
        if people:
            return people[0]
    return cast.last_person(sentence.start)


def _group(text: str) -> Actor | None:
    cleaned = text.strip(" ,.;:-\"'“”")
    cleaned = re.sub(r"^(?:and|then|but|also|later)\s+", "", cleaned, flags=re.IGNORECASE)
    if not cleaned or len(cleaned) > 80 or not re.search(r"[A-Za-z]", cleaned):
        return None
    if cleaned.lower() in _PRONOUNS or cleaned.lower() in ("it", "this", "that", "who", "which"):
        return None
    return Actor.group(cleaned)


def _defendants(
    cast: Cast, article: Article, sentence: Sentence, start: int, end: int, *, passive: bool
) -> list[Actor]:
    """The people sentenced: the subject before a passive verb, or the object after an active one."""
    text = article.text
    if passive:
        span_start, span_end = sentence.start, start
        aux = _AUX_TAIL.search(text, sentence.start, start)
        if aux is not None:
            span_end = aux.start()
        for found in _SUBJECT_CUT.finditer(text, sentence.start, span_end):
            span_start = found.end()
        tail = text[span_start:span_end].split()
        if (
            tail
            and tail[-1].lower().strip(",") in _PRONOUNS
            and not _people_in(cast, sentence, span_end - len(tail[-1]) - 1, span_end)
        ):
            referent = _pronoun_referent(cast, article, sentence, span_end)
            return [referent] if referent is not None else []
    elif (
        text[start:end].lower() in ("handed", "gave")
        and (down := _HANDED_DOWN.match(text, end, min(sentence.end, end + 120))) is not None
    ):
        # "handed down death sentences to 13 members of a drug syndicate on Tuesday"
        span_start = down.end()
        stop = _DOWN_OBJECT_END.search(text, span_start, min(sentence.end, span_start + 120))
        span_end = stop.start() if stop is not None else min(sentence.end, span_start + 120)
    else:
        object_end = _OBJECT_END_HANDED if text[start:end].lower() in _GIVE_VERBS else _OBJECT_END
        to = object_end.search(text, end, min(sentence.end, end + 120))
        span_start, span_end = end, to.start() if to is not None else end
    actors: list[Actor] = []
    for part_start, part_end in _strip_relatives(text, span_start, span_end):
        actors.extend(_people_in(cast, sentence, part_start, part_end))
    words_ = text[span_start:span_end].split()
    last = words_[-1].lower().strip(",") if words_ else ""
    if not passive and last in ("him", "her") and not actors:
        referent = _pronoun_referent(cast, article, sentence, start)
        return [referent] if referent is not None else []
    if not passive and last == "them":
        # "convicted Morsi and 19 others ..., sentencing them to": the objects named before
        actors = _people_in(cast, sentence, sentence.start, start)
        others = _OTHERS.search(text, sentence.start, start)
        remainder = [Actor.group(others.group("group"))] if others is not None else []
        named = actors[:1] + [a for a in actors[1:] if _joined(text, actors[0], a, sentence)]
        return _unique(named + remainder)
    if actors:
        actors = actors[:1] + [a for a in actors[1:] if _joined(text, actors[0], a, sentence)]
        others = _OTHERS.search(text, span_start, span_end)
        if others is not None:
            actors.append(Actor.group(others.group("group")))
        return _unique(actors)
    # an unnamed defendant: the noun phrase ("four men", "a visiting American student")
    phrase_start = span_start
    if passive:
        for found in _NP_START.finditer(text, span_start, span_end):
            phrase_start = found.end()
        phrase = text[phrase_start:span_end]
        phrase = re.sub(
            r"\b(?:has|have|had)\s+$|\b(?:was|were|been|is|are)\s+$", "", phrase.strip() + " "
        ).strip()
        phrase = re.sub(r"\s+(?:has|have|had|was|were|been|later|also|earlier|then)$", "", phrase)
    else:
        phrase = text[span_start:span_end]
    group = _group(phrase)
    return [group] if group is not None else []


def _joined(text: str, first: Actor, other: Actor, sentence: Sentence) -> bool:
    """Whether two people are coordinated subjects ("A and B", "including A and B")."""
    body = text[sentence.start : sentence.end]
    a = body.find(first.name.split()[-1])
    b = body.find(other.name.split()[-1])
    if a < 0 or b < 0:
        return False
    between = body[min(a, b) : max(a, b)]
    return bool(re.search(r"\band\b|,", between)) and len(between) < 80


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            out.append(actor)
    return out


# --------------------------------------------------------------------------- dates

_REPORTING = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|added|confirmed|according\s+to\s+\w+)(?:\s+on)?\s*$",
    re.IGNORECASE,
)
_BEFORE_CUT = re.compile(
    r"\band\s+(?:was|were|is|has|had|later)\b|,\s+and\b|;|\b(?:after|before|since|who|which|when)\b",
    re.IGNORECASE,
)
_LATER = re.compile(r"\b(?:later|earlier|previously|subsequently|eventually|then)\s+$", re.IGNORECASE)


def _event_date(article: Article, sentence: Sentence, start: int, end: int, stop: int) -> PartialDate | None:
    """The date of the time expression attached to the trigger ``[start, end)``, or None."""
    text = article.text
    begin = sentence.start
    for found in _BEFORE_CUT.finditer(text, sentence.start, start):
        begin = found.end()
    if _LATER.search(text, max(sentence.start, start - 20), start):
        begin = start  # "was later sentenced": no time before the verb dates it
    best: tuple[int, dates.TimeExpression] | None = None
    for expression in sentence_times(article, sentence):
        e_start = sentence.start + expression.start
        e_end = sentence.start + expression.end
        if _REPORTING.search(text, max(sentence.start, e_start - 30), e_start):
            continue
        if e_start >= begin and e_end <= start:
            distance = start - e_end
        elif e_start >= end and e_end <= stop:
            distance = e_start - end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, expression)
    if best is None:
        return None
    return best[1].resolve(article.published, direction="past")


_EARLIER = re.compile(r"\b(?:earlier|previously|had|later)\b", re.IGNORECASE)
_COURT_DAY = re.compile(
    r"\bcourt\b[^.;]{0,30}?\b(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday)\b"
)


def _in_lede(article: Article, sentence: Sentence) -> bool:
    """Whether a sentence opens the article (its first three body sentences) and is not background."""
    body = [s.index for s in article.sentences if not s.headline]
    return bool(body) and sentence.index - body[0] < 3 and not _EARLIER.search(sentence.text)


def _court_day(article: Article) -> PartialDate | None:
    """
    The day the court sat, when the article gives exactly one ("set free by the court on
    Tuesday", "at the court on Friday"): it dates the article's main sentencing.
    """
    days: set[PartialDate] = set()
    for sentence in article.sentences:
        for found in _COURT_DAY.finditer(sentence.text):
            for expression in dates.find(found.group()):
                resolved = expression.resolve(article.published)
                if resolved is not None:
                    days.add(resolved)
    return days.pop() if len(days) == 1 else None


# --------------------------------------------------------------------------- court country

#: The lookahead on the first letters skips most positions (~1.5x faster).
_COURT = re.compile(r"(?=[cjt])\b(?:court|courts|judge|tribunal|jury)\b", re.IGNORECASE)
_COURT_IN = re.compile(r"(?:\s+[a-z-]+){0,5}?\s+in\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_HELD = re.compile(
    r"\b(?:held|detained|detention|imprisoned|jailed|prison|custody|court|courts|tried)\s+in\s+"
    r"(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})",
)


def _place_code(phrase: str) -> str | None:
    code = country_of(phrase)
    if code is not None:
        return code
    tokens = [
        token.removesuffix("'s").removesuffix("’s").rstrip(".'’-")  # "London's Hatton Garden"
        for token in re.findall(r"[A-Z][\w'’.-]*", phrase)
    ]
    for size in (3, 2, 1):
        for index in range(len(tokens) - size + 1):
            found = place_country(" ".join(tokens[index : index + size]))
            if found is not None:
                return found
    return None


def _court_in(text: str, start: int, end: int) -> str | None:
    """The country of a court named in ``text[start:end]`` ("An Afghan court", "a U.S. judge")."""
    for found in _COURT.finditer(text, start, end):
        before = text[max(start, found.start() - 40) : found.start()]
        for mark in (". ", ", ", "; "):
            cut = before.rfind(mark)
            if cut >= 0:
                before = before[cut + len(mark) :]
        if "international" in before.lower():
            return None
        code = _place_code(before)
        if code is not None:
            return code
        after = _COURT_IN.match(text[found.end() : found.end() + 70])
        if after is not None:
            code = _place_code(after.group(1))
            if code is not None:
                return code
    return None


_COURT_KEYWORDS = ("court", "judge", "tribunal", "jury")


def _courts(article: Article) -> dict[int, str]:
    """The country of the court each sentence names, by sentence start (read once per article)."""
    cached = article.__dict__.get("_newsevents_courts")
    if isinstance(cached, dict):
        return cached
    courts: dict[int, str] = {}
    # the keyword pass (str.find) finds the few sentences naming a court, the pattern confirms them
    for sentence in article.sentences_with(_COURT_KEYWORDS, confirm=_COURT):
        code = _court_in(article.text, sentence.start, sentence.end)
        if code is not None:
            courts[sentence.start] = code
    article.__dict__["_newsevents_courts"] = courts
    return courts


@attrs.define
class _Places:
    """What `_court_country` needs of the whole article, computed once (not once per event)."""

    body: list[Sentence]
    body_starts: list[int]
    court_starts: list[int]
    held: str | None


def _places(article: Article, cast: Cast) -> _Places:
    cached = article.__dict__.get("_newsevents_sentencing_places")
    if isinstance(cached, _Places):
        return cached
    text = article.text
    body = [s for s in article.sentences if not s.headline]
    held: str | None = None
    for other in body:
        for found in _HELD.finditer(text, other.start, other.end):
            held = _place_code(found.group("place"))
            if held is not None:
                break
        if held is not None:
            break
    places = _Places(body, [s.start for s in body], sorted(_courts(article)), held)
    article.__dict__["_newsevents_sentencing_places"] = places
    return places


def _court_country(article: Article, cast: Cast, sentence: Sentence) -> str | None:
    text = article.text
    code = _court_in(text, sentence.start, sentence.end)
    if code is not None:
        return code
    places = _places(article, cast)
    courts = _courts(article)
    # the nearest court named before the sentence, else the first named after it
    before_court = bisect_right(places.court_starts, sentence.start - 1) - 1
    while before_court >= 0:
        start = places.court_starts[before_court]
        position = bisect_right(places.body_starts, start) - 1
        if (
            position >= 0
            and places.body[position].start == start
            and places.body[position].end <= sentence.start
        ):
            return courts[start]
        before_court -= 1
    after = [courts[start] for start in places.court_starts if start >= sentence.end]
    if after:
        return after[0]
    if places.held is not None:
        return places.held
    count_before = bisect_right(places.body_starts, sentence.start) - 1
    while count_before >= 0 and places.body[count_before].end > sentence.start:
        count_before -= 1
    before = places.body[max(0, count_before - 2) : count_before + 1]
    for other in [sentence, *reversed(before)]:
        if other.paragraph != sentence.paragraph and other is not sentence:
            continue
        for mention in reversed(cast.mentions(other)):
            if mention.actor.kind is ActorKind.COUNTRY and mention.actor.country is not None:
                return mention.actor.country
        code = _place_code(other.text)
        if code is not None:
            return code
    for other in reversed(before):
        code = _place_code(other.text)
        if code is not None:
            return code
    dateline = article.dateline
    if dateline is not None:
        code = _place_code(dateline.text.title()) or _place_code(dateline.place)
        if code is not None:
            return code
    return _main_country(article, cast)


def _main_country(article: Article, cast: Cast) -> str | None:
    """The state the article names most (computed once per article)."""
    if "_newsevents_main_country" in article.__dict__:
        cached: str | None = article.__dict__["_newsevents_main_country"]
        return cached
    counts: dict[str, int] = {}
    for sentence in article.sentences:
        for mention in cast.mentions(sentence):
            if mention.actor.kind is ActorKind.COUNTRY and mention.actor.country is not None:
                counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
    main = max(counts, key=lambda code: counts[code]) if counts else None
    article.__dict__["_newsevents_main_country"] = main
    return main


# --------------------------------------------------------------------------- mentions


_LIFE_OBJECT = re.compile(r"^(?:\s+(?:him|her|them|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*))?\s+life\b")
_OWN_VERBS = frozenset({"drew", "received", "got", "gets", "receives"})
#: A prison term suspended later in the sentence: "..., but suspended the term because he confessed".
_SUSPENDED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:but|and|then)\s+(?:was\s+|were\s+)?suspended\s+(?:the|his|her|their|it|them)\b",
    re.IGNORECASE,
)
_GIVE_VERBS = frozenset({"handed", "gave", "given"})
#: "handed down death sentences to", "handed down a 10-year sentence to": the defendants follow "to".
_HANDED_DOWN = re.compile(
    r"\s+(?:down\s+)?(?:[\w,$-]+\s+){0,6}?(?:sentences?|terms?)(?:\s+of\s+(?:[\w-]+\s+){1,5}?)?\s+to\s+(?!life\b|death\b)"
)
_DOWN_OBJECT_END = re.compile(
    r"\s(?:on|for|in|at|after|over|last|this|earlier|who|which|because)\s|[,;]|\s[—–-]+\s", re.IGNORECASE
)
_OBJECT_END = re.compile(r"\s(?:to|for)\s")
_OBJECT_END_HANDED = re.compile(r"\s(?:a|an|the|life)\b")
_OBJECT_HANDED = re.compile(r"\s+(?:him|her|them|(?:[A-Z][\w.'’-]*\s+){1,4}(?:a|an|the|life)\b)")
_AFTER_PASSIVE = re.compile(r"\s+(?:to|in|on|by|at|for|last|this|earlier|today|yesterday)\b", re.IGNORECASE)
_FOR_TERM = re.compile(r"\bfor\s+(?:life|\w+[\s-]+(?:years?|months?))", re.IGNORECASE)
#: A bare term after "got"/"received": "got 10 years for the robbery".
_BARE_TERM = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:years?|months?)\b(?!\s+(?:of|ago|old|later|earlier|before|after))"
)
_HANDED_OBJECT = re.compile(
    r"\s+(?:a|an|the|life|death|probation|community\s+service|sentences|prison\s+terms|jail\s+terms|\w+[\s-]+(?:years?|months?|hours\s+of\s+community))",
    re.IGNORECASE,
)


def _voice(kind: str, trigger: re.Match[str], text: str, window: str, *, passive: bool) -> bool | None:
    """
    Whether the defendant is the subject (True) or the object (False) of a trigger, or
    None when the trigger states no sentence ("after sentencing", "jailed in lieu of bond").
    """
    end = trigger.end()
    word = trigger.group().lower()
    if kind == "sentenced":
        if word == "sentencing":
            # "sentencing them to": active; "shortly after sentencing": the noun
            return False if re.match(r"\s+(?:him|her|them|[A-Z])", text[end : end + 8]) else None
        return passive or _AFTER_PASSIVE.match(text[end : end + 12]) is not None
    if kind == "jailed":
        for_follows = re.match(r"\s+for\s", text[end : end + 5]) is not None
        if not (for_follows or passive or re.search(r"\sfor\s", text[end : end + 60])):
            return None
        if not (_penalty_follows(text, end + 5) or _FOR_TERM.search(window)):
            return None
        return passive or for_follows
    if kind == "handed":
        head = text[end : end + 60]
        subject = passive or word in _OWN_VERBS  # "X drew a two month jail sentence"
        if _SENTENCE_NOUN.search(head) is None and not (
            word in _OWN_VERBS and _BARE_TERM.match(head) and _JUSTICE.search(window + " " + head)
        ):
            return None  # "got 10 years for the robbery, a court heard" needs the court in view
        if subject:
            return True if _HANDED_OBJECT.match(head) else None
        if word in ("handed", "gave") and _HANDED_DOWN.match(text, end, end + 120):
            return False  # "a court handed (down) death sentences to 13 people"
        # "the judge handed Peter Brown a 10-year sentence"
        return False if word in _GIVE_VERBS and _OBJECT_HANDED.match(head) else None
    if kind == "fined":
        if not passive or _non_court_fine(text, trigger.start(), end, window):
            return None
        return True
    if kind == "ordered_serve":
        return None if passive else False  # "Judge Carter ordered Derek Lyle to serve 18 months"
    if kind == "ordered":
        # "X was ordered to pay a fine"; "a court ordered X to pay a fine" (a court's order only:
        # regulators and governments order fines too)
        if _COURT.search(window) is None and _COURT.search(text, max(0, trigger.start() - 80), end) is None:
            return None
        return passive or (None if re.match(r"\s+to\s", text[end : end + 5]) else False)
    if re.match(r"\s+(?:a\s+minimum|the\s+minimum|at\s+least|a\s+minimum\s+term)\b", text[end : end + 24]):
        return None  # "must serve a minimum of 28 years": the tariff of a life sentence, not a sentence
    return True  # "must serve"


_FINED_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?(?P<who>[^,.;]{2,60})", re.IGNORECASE)
_JUSTICE = re.compile(
    r"\b(?:court|courts|judge|judges|magistrates?|tribunal|jury|convicted|guilty|sentenced|sentencing"
    r"|prosecutors?|trial|verdict|defendants?)\b",
    re.IGNORECASE,
)


def _non_court_fine(text: str, start: int, end: int, window: str) -> bool:
    """
    Whether a fine is a body's penalty rather than a court's ("fined 50,000 pounds by the
    Football Association", "fined by the regulator"): one imposed "by" something that is no
    court, or with no word of justice within the 300 characters before it.
    """
    by = _FINED_BY.search(window)
    if by is not None and _JUSTICE.search(by.group("who")) is None:
        return True
    return _JUSTICE.search(text, max(0, start - 300), min(len(text), end + 200)) is None


_APPEAL_VERBS = ("reduced", "cut", "increased", "raised", "extended", "lengthened", "shortened", "changed")


def _appeals(article: Article, cast: Cast, sentence: Sentence) -> Iterator[_Mention]:
    """An appellate court's new or reduced term (Clarification 8)."""
    text = article.text
    lowered = sentence.text.lower()
    if not any(verb in lowered for verb in _APPEAL_VERBS):
        return  # the cheap check first: most sentences name no change of sentence
    for found in (
        *_APPEAL.finditer(text, sentence.start, sentence.end),
        *_APPEAL_OWN.finditer(text, sentence.start, sentence.end),
    ):
        if _blocked(article, sentence, found.start()):
            continue
        groups = found.groupdict()
        whose = groups.get("name") or groups.get("whose") or groups.get("pronoun") or ""
        if not whose:
            whose = (groups.get("of") or "") + "'s"
        if whose.lower() in ("his", "her", "their"):
            defendant = _pronoun_referent(cast, article, sentence, found.start())
        else:
            defendant = _owner(cast, whose[:-2])
        if defendant is None:
            continue
        span_start, span_end = _penalty_span(article, sentence, found.end())
        reading = read_penalty(text[span_start:span_end])
        if reading.penalty is None:
            continue
        date = _event_date(article, sentence, found.start(), found.end(), span_end)
        yield _Mention(
            sentence, "sentencing.appeal", found.start(), found.end(), (defendant,), reading, date, False
        )


def _owner(cast: Cast, phrase: str) -> Actor:
    """
    The person a possessive names, without the words describing them ("jailed Kremlin critic
    Boris Lebedev" is Boris Lebedev): the longest tail of capitalised words the article knows as a person.
    """
    tokens = phrase.split()
    while tokens and not tokens[0][:1].isupper():
        tokens = tokens[1:]
    for first in range(len(tokens)):
        person = cast.person(" ".join(tokens[first:]))
        if person is not None:
            return person.actor
    return Actor.person(" ".join(tokens[-2:]) if len(tokens) > 2 else " ".join(tokens))


def _mentions(article: Article, cast: Cast, sentence: Sentence) -> Iterator[_Mention]:
    text = article.text
    yield from _appeals(article, cast, sentence)
    for trigger in islice(_TRIGGER.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        kind = trigger.lastgroup or ""
        start, end = trigger.start(), trigger.end()
        if _blocked(article, sentence, start):
            continue
        span_start, span_end = _penalty_span(article, sentence, end)
        window = text[span_start:span_end]
        before = text[max(sentence.start, start - 30) : start]
        voice = _voice(kind, trigger, text, window, passive=_PASSIVE.search(before) is not None)
        if voice is None:
            continue
        reading = read_penalty(window)
        if kind == "handed" and _LIFE_OBJECT.search(window):
            reading = PenaltyReading(Penalty.LIFE, None)  # "given life"
        if kind == "ordered":
            reading = PenaltyReading(Penalty.FINE, None)  # the order is to pay a fine, nothing more
        if kind == "fined" and reading.penalty is None:
            reading = PenaltyReading(Penalty.FINE, None)
        if reading.penalty is Penalty.PRISON and _SUSPENDED_AFTER.match(text, span_end, sentence.end):
            reading = PenaltyReading(Penalty.SUSPENDED, reading.term_months)
        defendants = _defendants(cast, article, sentence, start, end, passive=voice)
        if not defendants:
            continue
        date = _event_date(article, sentence, start, end, span_end)
        also = re.search(r"\balso\b", before) is not None
        yield _Mention(sentence, f"sentencing.{kind}", start, end, tuple(defendants), reading, date, also)


@attrs.define
class _Event:
    mention: _Mention
    defendant: Actor
    date: PartialDate | None


def _same(first: Actor, second: Actor) -> bool:
    a, b = first.name.split(), second.name.split()
    return bool(a and b) and (a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a))


class _ByName:
    """
    Events by the words of their defendant's name: the events `_same` can match share a
    word, so a look-up reads only those, in the order they were found.
    """

    def __init__(self) -> None:
        self._events: list[_Event] = []
        self._by_word: dict[str, list[int]] = {}

    def add(self, event: _Event) -> None:
        for word in set(event.defendant.name.split()):
            self._by_word.setdefault(word, []).append(len(self._events))
        self._events.append(event)

    def first(self, defendant: Actor, *, reading: object = None) -> _Event | None:
        """The first event whose defendant is the same person (and, given, whose reading is this one)."""
        candidates = sorted({i for word in set(defendant.name.split()) for i in self._by_word.get(word, ())})
        for index in candidates:
            event = self._events[index]
            if _same(event.defendant, defendant) and (reading is None or event.mention.reading == reading):
                return event
        return None


@register_recogniser(Sentencing)
def find_sentencings(article: Article) -> Iterator[Sentencing]:
    """
    Find the sentencings an article reports, one per defendant and sentence.

    Args:
        article: The article.

    Yields:
        `Sentencing` events with defendant, penalty, term, date, court country and evidence.
    """
    sentences = article.sentences_with(_KEYWORDS, confirm=_CONFIRM)
    if not sentences:
        return
    cast = Cast.for_article(article)
    events: list[_Event] = []
    by_name = _ByName()
    mentions_seen = 0
    undated_lede: PartialDate | None = None
    lede_index: int | None = None
    for sentence in sentences:
        mentions_seen += 1
        if mentions_seen > _MAX_SENTENCES:
            break
        for mention in islice(_mentions(article, cast, sentence), _MAX_PER_SENTENCE):
            if lede_index is None:
                lede_index = sentence.index
                if mention.date is not None and mention.date.precision == "day":
                    undated_lede = mention.date
            for defendant in mention.defendants:
                match = by_name.first(defendant)
                component = (
                    match is not None
                    and mention.reading.penalty is Penalty.FINE
                    and match.mention.sentence.index == sentence.index
                )  # "jailed for six years and ordered to pay a fine": one sentence, its fine a component
                if mention.reading.penalty is None or (match is not None and mention.also) or component:
                    if match is not None and match.date is None:
                        match.date = mention.date
                    continue
                duplicate = by_name.first(defendant, reading=mention.reading)
                if duplicate is not None:
                    if duplicate.date is None:
                        duplicate.date = mention.date
                    continue
                date = mention.date
                if (
                    date is None
                    and undated_lede is not None
                    and lede_index is not None
                    and 0 < sentence.index - lede_index <= 3
                    and not _LATER.search(article.text, sentence.start, sentence.start + 12)
                    and not re.search(r"\b(?:earlier|previously|had)\b", sentence.text, re.IGNORECASE)
                ):
                    date = undated_lede
                events.append(_Event(mention, defendant, date))
                by_name.add(events[-1])
    if events and events[0].date is None and _in_lede(article, events[0].mention.sentence):
        # the article's news: the day the court sat dates it ("set free by the court on Tuesday")
        events[0].date = _court_day(article)
    countries: list[tuple[Actor, str | None]] = []
    for event in events:
        mention = event.mention
        penalty = mention.reading.penalty
        if penalty is None:
            continue
        country = _courts(article).get(mention.sentence.start)  # a court named with it
        if country is None:
            # a defendant sentenced again in the article: the same country's courts, unless one is named
            country = next((c for actor, c in countries if _same(actor, event.defendant) and c), None)
        if country is None:
            country = _court_country(article, cast, mention.sentence)
        countries.append((event.defendant, country))
        yield Sentencing(
            defendant=event.defendant,
            penalty=penalty,
            term_months=mention.reading.term_months,
            date=event.date,
            location=Place(country=country) if country is not None else None,
            evidence=evidence_for(mention.sentence, mention.rule),
            source=article.source,
        )


_ = (datetime, Mention)
