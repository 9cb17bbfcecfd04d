"""
The Sentencing recogniser, on the pattern engine.

Its constructions are data (``data/sentencing/patterns.toml``): "X was sentenced to N
years", "a court sentenced X to ...", "X was jailed for N years", "X was handed a 10-year
sentence", "X was fined", "ordered X to serve", "an appeals court cut X's sentence to". The
engine finds them and blocks modal or negated ones; this module says what a match makes:

- the defendants: the ``defendant`` captured, else the subject before a passive ("Five
  activists were jailed") or the object after the verb ("sentenced four men to"); one
  event per named person, and one more for an unnamed remainder ("X and 19 others");
- the penalty, the most restrictive component (death > life > prison > suspended > other >
  community > fine) named after the verb (``data/sentencing/penalties.tsv``), and the
  custodial term from the mention layer's lengths of time (None for a range or "to life");
- the offence: the words after "for" that end the penalty, or after "convicted of";
- the court ("a Moscow court") and its country: from the court's name, else a court named
  nearby in the article, else where the defendant is held, else the states and places
  the passage names (`newsevents.parsing.setting`), else the dateline's;
- the date: the time expression attached to the verb, not a reporting clause's day.

Not sentencings: possible, requested, future or upheld sentences ("faces up to 10 years",
"prosecutors sought", the words of ``data/sentencing/blocks.txt`` in the clause before).
Mentions of one defendant's sentence merge (the first keeps what later ones add).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from functools import cache

import attrs

from newsevents.events import Penalty, Sentencing
from newsevents.model import Actor, ActorKind, PartialDate, Place
from newsevents.parsing import register_recogniser
from newsevents.parsing.article import Article, Sentence, evidence_for, table
from newsevents.parsing.blocking import (
    clause_opening,
    clause_words,
    cues_after,
    cues_before,
    predicate_opening,
    spaced_dash,
)
from newsevents.parsing.engine import Found, Spec, find, recogniser
from newsevents.parsing.institutions import institution, institution_countries, nearest_country
from newsevents.parsing.mentions import view
from newsevents.parsing.merge import same_name
from newsevents.parsing.numbers import (
    TermMatch,
    bound_before,
    range_before,
    terms_within,
    token_terms,
    whole_months,
)
from newsevents.parsing.patterns import word_list
from newsevents.parsing.phrase_bounds import modifier_before, phrase_end, phrase_opening, term_phrase_end
from newsevents.parsing.phrase_lists import (
    after_opener,
    by_first_word,
    first_phrase,
    near_words,
    phrases_by_kind,
    sets_by_key,
)
from newsevents.parsing.roles import (
    described_after,
    joined_predicate,
    object_before,
    object_pronoun,
    people_after,
    person_before,
    span_people,
    text_of,
    verb_subject,
)
from newsevents.parsing.setting import Setting
from newsevents.parsing.tokens import Token, tokenize
from newsevents.parsing.verb_dates import lede_day, opens_article, single_day, verb_date

__all__ = ["SPEC", "PenaltyReading", "find_sentencings", "read_penalty"]

_FOLDER = "sentencing"
_ORDER = (
    Penalty.DEATH,
    Penalty.LIFE,
    Penalty.PRISON,
    Penalty.SUSPENDED,
    Penalty.OTHER,
    Penalty.COMMUNITY,
    Penalty.FINE,
)


def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", _FOLDER, name)


@cache
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``penalties.tsv`` by kind, as word tuples."""
    by_kind = phrases_by_kind(table(f"{_FOLDER}/penalties.tsv"))
    by_kind["prison"] = [p for p in by_kind.get("custodial", []) if p != ("sentence",)]  # "jailed"
    return {kind: tuple(found) for kind, found in by_kind.items()}


@cache
def _blocks_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    return by_first_word(tuple(phrase.split()) for phrase in _words("blocks"))


@cache
def _phrases_by_first(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a kind by their first word: one pass over the words finds them all."""
    return by_first_word(_phrases().get(kind, ()))


def _first(words: Sequence[str], kind: str) -> int | None:
    """Where the first phrase of a kind starts in ``words``, or None."""
    return first_phrase(words, _phrases_by_first(kind))


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


_SUSPENSION = frozenset({"suspended", "probation", "banned", "disqualified", "discharge"})
_CUSTODY = frozenset({"jail", "prison", "custodial", "detention"})


def _reading(words: Sequence[str], terms: Sequence[tuple[int, int, TermMatch]]) -> PenaltyReading:
    """The penalty a stretch of words states, its lengths of time given as (first, end, term)."""
    components: set[Penalty] = set()
    term: int | None = None
    custodial = False
    for start, end, found in terms:
        after = [word for word in words[end : end + 6] if word != "-"]
        if found.unit not in ("decade", "year", "month"):
            if not custodial and after[:1] and after[0] in _CUSTODY:
                custodial = True  # "a 16-week jail sentence": prison, no whole months
                components.add(Penalty.PRISON)
            continue
        before = words[max(0, start - 2) : start]
        if any(word in _SUSPENSION for word in before) and before[-1:] != ["suspended"]:
            continue  # "suspended for 12 months": not the custodial term ("a suspended two-year term" is)
        if after[:2] == ["to", "life"] or bound_before(words, start) == "at least":
            components.add(Penalty.LIFE)  # "25 years to life"; "jailed for at least 15 years": a minimum term
            continue
        near = after[:5]
        other, prison = _first(near, "noncustodial"), _first(near, "custodial")
        if other is not None and near[other] != "suspended" and (prison is None or other < prison):
            continue  # "three years probation", "18 months in drug rehabilitation"
        if custodial:
            continue  # the first custodial term is the sentence
        custodial = True
        components.add(Penalty.PRISON)
        bound = bound_before(words, start) is not None or range_before(words, start, found)
        term = None if bound else whole_months(found)  # "less than a year": no term; "a year and a day": 12
    for kind in ("death", "life", "suspended", "other", "community", "fine"):
        if _first(words, kind) is not None:
            components.add(Penalty(kind))
    if (
        not custodial
        and _first(words, "prison") is not None
        and (
            "served" in words
            or not components & {Penalty.SUSPENDED, Penalty.COMMUNITY, Penalty.OTHER, Penalty.FINE}
        )
    ):
        components.add(Penalty.PRISON)  # "time served", "jailed", "in prison" with no term
    if Penalty.SUSPENDED in components:
        components.discard(Penalty.PRISON)  # a suspended prison term
    penalty = next((p for p in _ORDER if p in components), None)
    return PenaltyReading(penalty, term if penalty in (Penalty.PRISON, Penalty.SUSPENDED) else None)


def read_penalty(text: str) -> PenaltyReading:
    """
    Read the penalty and custodial term from the words after a sentencing verb.

    Args:
        text: The penalty phrase ("to seven and a half years in prison", "a 20-year sentence").

    Examples:
        >>> read_penalty("to seven and a half years in prison")
        PenaltyReading(penalty=<Penalty.PRISON: 'prison'>, term_months=90)
    """
    tokens = tokenize(text)
    return _reading([token.lower for token in tokens], token_terms(text, tokens))


# --------------------------------------------------------------------------- a match's parts


def _read(found: Found, begin: int, end: int) -> PenaltyReading:
    words = [token.lower for token in found.view.tokens[begin:end]]
    return _reading(words, terms_within(found.view.spans, begin, end))


def _blocked(found: Found) -> bool:
    """
    Whether the clause before the verb says the sentence is possible, requested, future or upheld
    (``data/sentencing/blocks.txt``), or the shared layer's modal or negation cues do. A
    predicate after "and was" is a clause of its own: "pleaded no contest and was sentenced".
    """
    tokens, start = found.view.tokens, found.match.start
    if tokens[start].lower == "be":
        return True  # "asked that X be sentenced", "will be jailed": no sentence passed yet
    predicate = predicate_opening(tokens, start, _words("be") | {"has", "have", "had"})
    opening = max(predicate, clause_opening(tokens, start))
    dash = spaced_dash(tokens, found.match.end)  # " - it would have been longer": another clause
    cues = cues_before(tokens[opening:], start - opening) | cues_after(tokens[:dash], found.match.end)
    if cues & {"modal", "negation"} and not found.option("passed"):
        return True  # unless the entry tells a sentence passed: "to protest the sentence handed to X"
    words = clause_words(tokens, start, _verb(found), predicate)  # names and "X, who wanted ...," left out
    if tokens[start].lower in ("was", "were"):
        words = ["" if word == "when" else word for word in words]  # "when X was jailed for ...": it happened
    return first_phrase(words, _blocks_by_first()) is not None


#: The verbs of the patterns: where a match's penalty and object are read from.
_VERBS = _words("verbs")


def _verbs(found: Found) -> frozenset[str]:
    """The verbs of the list, and the entry's own (``verb = "sentence"``: "the decision to sentence X to")."""
    own = found.option("verb")
    return _VERBS | {own} if own else _VERBS


def _verb(found: Found) -> int:
    """The index of the match's verb (its first word when it has none of the list)."""
    verbs = _verbs(found)
    for at in range(found.match.start, found.match.end):
        if found.view.tokens[at].lower in verbs:
            return at
    return found.match.anchor


def _defendants(found: Found) -> list[Actor]:
    """Who was sentenced: the ``defendant`` captured, else the verb's object, else its subject."""
    seen, captured = found.view, found.spans("defendant")
    pronoun = seen.tokens[captured[0].start].lower if captured else ""
    if pronoun == "her" and seen.tokens[captured[0].end].lower not in ("to", ","):
        captured = ()  # "sentenced her attacker to": the attacker
    elif pronoun in ("him", "her"):
        return object_pronoun(seen, captured[0].start, verb=found.match.start)
    if captured and captured[0].start > 0 and seen.tokens[captured[0].start - 1].lower == "by":
        return verb_subject(seen, found.match.start, found.match.end, _VERBS)  # "sentenced by Judge Y to"
    if captured:  # "sentenced former Acme Corp finance chief Ann Lee to", "X and 100 supporters"
        named = span_people(seen, captured[0], found.match.end)
        if named:
            return named  # else a state ("sentenced in Russia to"): the subject is the defendant
    if found.option("object") == "before":
        return person_before(seen)  # "... to be sentenced for theft. A judge imposed five years."
    if found.option("object") == "after":
        people = people_after(seen, found.match.end)  # "against deposed president X": a few words on
        return people if people is not None else described_after(seen, found.match.end, _VERBS)
    last, verb = found.match.end - 1, _verb(found)
    verbs = _verbs(found)
    if seen.tokens[last].lower in ("to", "for") and last > verb + 1 and seen.tokens[verb].lower in verbs:
        got = object_before(seen, verb + 1, last, verb=found.match.start)  # "sentenced his son, Adam, to"
        if got is not None:
            return got
    return verb_subject(seen, found.match.start, found.match.end, _VERBS)  # "Six men, including X, were"


# --------------------------------------------------------------------------- dates, offence, court

_OFFENCE_STOP = frozenset({",", ";", ":", ".", "—", "–", "--", "(", ")", '"', "after", "when", "because",
                           "while", "who", "which", "but", "by", "last", "earlier", "since", "before",
                           "during",
                           "until", "at", "following", "as", "between", "from"})  # fmt: skip
#: After "and", these start a new clause, not more of the crime ("... fraud and was jailed").
_NEW_CLAUSE = frozenset(
    {"was", "were", "is", "has", "had", "later", "then", "also", "he", "she", "they", "the", "other"}
)
_HELD_IN = frozenset({"absentia", "prison", "jail"})  # "in absentia", "in prison": not the crime


@cache
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in _words("offence_openers"))


def _opening(tokens: Sequence[Token]) -> int | None:
    """The first token after an offence opener ("convicted ... of", "pleaded guilty to") in a sentence."""
    return after_opener([token.lower for token in tokens], _openers(), _VERBS | {";", "."})


def _offence(found: Found, cut: int) -> str | None:
    """The crime in the text's words: after the "for" that ends the penalty, else after "convicted of"."""
    tokens, spans = found.view.tokens, found.view.spans
    opening = cut + 1 if cut < len(tokens) and tokens[cut].lower in ("for", "over") else _opening(tokens)
    acts = tokens[cut + 1].lower if cut + 1 < len(tokens) and tokens[cut].lower == "after" else ""
    if opening is None and acts.endswith("ing") and acts not in _words("after_not_offence"):
        opening = cut + 1  # "given a suspended term after throwing a chair at a driver"
    if opening is None and (case := _case(tokens, found.match.start)) is not None:
        return case
    if opening is None:
        index = found.sentence.index
        if index == 0 or not (_pronoun_subject(found) or found.option("object") == "before"):
            return None
        before = view(found.article, found.article.all_sentences[index - 1])
        tokens, spans, opening = before.tokens, before.spans, _opening(before.tokens)
        if opening is None:
            return None
    opening = phrase_opening(tokens, spans, opening, _words("offence_hedges"))  # "allegedly", "a 2012 riot"
    end = phrase_end(
        tokens, spans, opening, stops=_OFFENCE_STOP, new_clause=_NEW_CLAUSE | _VERBS, settings=_HELD_IN
    )
    if end == opening or (end - opening == 1 and tokens[opening].lower in ("a", "life", "his", "her", "the")):
        return None
    return text_of(tokens, opening, end)


def _case(tokens: Sequence[Token], start: int) -> str | None:
    """The crime a case (trial) is named by: "in a bribery case", "In the Ann Lee fraud trial, she was"."""
    found = modifier_before(tokens, start, ("case", "trial"), _words("case_modifiers"))
    return text_of(tokens, *found) if found is not None else None


def _pronoun_subject(found: Found) -> bool:
    """Whether the sentence tells of someone named before it ("She was sentenced to ...")."""
    tokens = found.view.tokens
    return bool(tokens) and tokens[0].lower in ("he", "she", "they")


_NAMED = ("court", "courts", "tribunal", "commission")


@cache
def _qualifiers() -> dict[str, frozenset[str]]:
    """The court nouns that name a court only after certain words (``court_qualifiers.tsv``)."""
    return sets_by_key(table(f"{_FOLDER}/court_qualifiers.tsv"))


def _court(
    tokens: Sequence[Token], prefer: Callable[[], Collection[str]] = tuple
) -> tuple[str | None, str | None]:
    """
    The court a sentence names and its country, or (None, None); the country is "" for an
    international court. The name is a capitalised court's ("the Seoul High Court", "Court
    of Appeals"); "a Moscow court" names none, but places the court in Russia.
    """
    return institution(tokens, _words("court"), named=_NAMED, qualified=_qualifiers(), prefer=prefer)


@cache
def _held_words() -> frozenset[str]:
    return frozenset(
        {"held", "detained", "detention", "imprisoned", "jailed", "prison", "custody", "tried", "sentenced"}
    ) | _words("court")


def _court_country(article: Article, sentence: Sentence) -> str | None:
    """
    The court's country for a sentencing told in a sentence that names no court: the nearest
    court named before (else after), where someone is held or tried, else where the passage is set.
    """
    stems = ("court", "judge", "tribunal", "jury", "magistrat", "commission")
    courts = institution_countries(article, stems, _words("court"), named=_NAMED, qualified=_qualifiers())
    return nearest_country(article, sentence, courts, _held_words())


# --------------------------------------------------------------------------- building


@attrs.frozen
class _Mention:
    """One match read: its defendants and what it says (a penalty-less one only dates an earlier event)."""

    sentence: Sentence
    rule: str
    defendants: tuple[Actor, ...]
    reading: PenaltyReading
    date: PartialDate | None
    offence: str | None
    court: str | None
    court_country: str | None
    also: bool


def _gapped_from(found: Found) -> _Mention | None:
    """
    The sentencing read last in the match's sentence, which a gapped clause continues ("X was
    jailed for five years and Y for three"), or None when the sentence has none before the match.
    """
    mentions: list[_Mention] = found.article.__dict__.get("_sentencing_mentions", [])
    last = mentions[-1] if mentions else None
    return last if last is not None and last.sentence.index == found.sentence.index else None


def build(found: Found) -> Iterator[Sentencing]:
    """Read one match; the events are made once the article is read (see `find_sentencings`)."""
    if _blocked(found):
        return
    gapped = _gapped_from(found) if found.option("gapped") else None
    if found.option("gapped") and gapped is None:
        return  # "... and Y for three years" with no sentencing read before it in the sentence
    tokens = found.view.tokens
    if found.option("justice") and not near_words(found.article, found.sentence, _words("justice")):
        return
    if any(t.lower in ("that", "which", "whether") for t in tokens[found.match.start : found.match.end]):
        return  # "received assurances that the death penalty ...": another clause's words
    if found.option("fine"):
        by = [t.lower for t in tokens[found.match.end : found.match.end + 8]]
        if "by" in by and _words("justice").isdisjoint(by[by.index("by") :]):
            return  # "fined by the regulator": no court's sentence
    read_from = found.option("read_from", "verb")
    passive = tokens[found.match.start].lower in _words("be")
    begin = found.match.end if read_from == "end" else _verb(found) + 1
    end = found.match.end  # the penalty ends before the offence or a new clause:
    cut = term_phrase_end(tokens, found.view.spans, max(begin, end - (tokens[end - 1].lower == "for")))
    if read_from == "noun":  # "the six-month jail sentence handed down to X": the words before the verb
        begin = clause_opening(tokens, found.match.start)
        while passive and begin > max(0, found.match.start - 20) and tokens[begin - 1].lower in ",-—–":
            begin = clause_opening(tokens, begin - 1)  # "the sentence, nine years, was handed down to X"
        cut = found.match.start + 1
    follows = [t.lower for t in tokens[found.match.end : found.match.end + 3]]
    if found.entry.name == "serve" and follows[:2] in (["a", "minimum"], ["the", "minimum"], ["at", "least"]):
        return  # "must serve a minimum of 28 years": a life sentence's tariff
    reading = _read(found, begin, cut)
    if reading.penalty is None and begin < len(tokens) and tokens[begin].lower == "life":
        reading = PenaltyReading(Penalty.LIFE, None)  # "was given life", "got life"
    if found.option("fine"):
        reading = PenaltyReading(Penalty.FINE, None)
    elif reading.penalty is Penalty.PRISON and joined_predicate(tokens, cut, "suspended"):
        reading = PenaltyReading(Penalty.SUSPENDED, reading.term_months)
    offence = _offence(found, cut)
    if found.option("bare") and not _words("held_after").isdisjoint(t.lower for t in tokens[end : end + 6]):
        return  # "was jailed in May pending trial": held, not sentenced
    if (
        reading.penalty is None
        and found.option("verb_penalty")
        and (found.option("bare") or (offence and passive and tokens[cut].lower == "for"))
    ):
        reading = PenaltyReading(Penalty(found.option("verb_penalty")), None)  # "jailed in Peru for fraud"
    defendants = _defendants(found)
    if not defendants or (found.option("bare") and any(a.kind is not ActorKind.PERSON for a in defendants)):
        return  # a bare "was jailed in May" is read only of people the article names
    if "total" in [t.lower for t in tokens[begin:cut]] and any(a.kind is ActorKind.GROUP for a in defendants):
        reading = PenaltyReading(reading.penalty, None)  # "25 people were jailed for a total of 35 years"
    setting = Setting.of(found.article)
    court, country = _court(tokens, lambda: setting.counts)
    record = _Mention(
        found.sentence,
        f"{_FOLDER}.{found.entry.name}",
        tuple(defendants),
        reading,
        verb_date(found.view, found.match.start, _verb(found), cut) or (gapped.date if gapped else None),
        offence or (gapped.offence if gapped else None),
        court,
        country,
        "also" in [t.lower for t in tokens[max(0, found.match.start - 3) : _verb(found)]],
    )
    found.article.__dict__.setdefault("_sentencing_mentions", []).append(record)
    yield from ()


#: How many earlier sentencings a mention is compared with (one article reports a few dozen at most).
_LOOK_BACK = 64

SPEC = Spec(Sentencing, _FOLDER, build, blocking=frozenset())  # blocked in `build`: see `_blocked`
recogniser(SPEC)  # registers the spec: the engine's tests run every entry's example


@attrs.define
class _Event:
    mention: _Mention
    defendant: Actor
    date: PartialDate | None


_UPHELD = f"{_FOLDER}.upheld_death"


def _agree(event: _Event, mention: _Mention) -> bool:
    """Whether two readings can be one sentence: the same penalty, and the same term where both give one."""
    mine, theirs = event.mention.reading, mention.reading
    if (event.mention.rule == _UPHELD) is not (mention.rule == _UPHELD):
        return False  # a court confirming a sentence passed before: two events (note 17)
    return mine.penalty is theirs.penalty and (
        mine.term_months == theirs.term_months or None in (mine.term_months, theirs.term_months)
    )


@register_recogniser(Sentencing)
def find_sentencings(article: Article) -> Iterator[Sentencing]:
    """
    Find the sentencings an article reports, one per defendant and sentence.

    Args:
        article: The article.

    Yields:
        `Sentencing` events with defendant, penalty, term, offence, court, date, court country and evidence.
    """
    article.__dict__["_sentencing_mentions"] = []
    find(article, SPEC)
    mentions: list[_Mention] = article.__dict__.pop("_sentencing_mentions", [])
    events: list[_Event] = []
    shared: dict[int, str | None] = {}  # the crime of a mention's defendants, by the mention's id
    lede: tuple[int, PartialDate | None] | None = None
    for mention in mentions:
        if lede is None:
            lede = (
                mention.sentence.index,
                mention.date if mention.date and mention.date.precision == "day" else None,
            )
        for defendant in mention.defendants:
            recent = events[-_LOOK_BACK:]  # a bounded look back keeps event-dense text linear
            match = next((e for e in recent if same_name(e.defendant, defendant)), None)
            same_sentence = match is not None and match.mention.sentence.index == mention.sentence.index
            if (
                mention.reading.penalty is None
                or (match is not None and mention.also)
                or (same_sentence and mention.reading.penalty is Penalty.FINE)
            ):
                if match is not None and match.date is None:
                    match.date = mention.date
                retold = not (mention.also or mention.reading.penalty)  # "X was sentenced after ..."
                if match is not None and retold and not match.mention.offence:
                    match.mention = attrs.evolve(match.mention, offence=mention.offence)
                continue
            duplicate = next(
                (e for e in recent if same_name(e.defendant, defendant) and _agree(e, mention)), None
            )
            if duplicate is not None:  # one sentence told twice: the first mention keeps what the later adds
                kept = duplicate.mention
                shared[id(mention)] = shared.get(id(mention)) or kept.offence  # for the rest named with X
                duplicate.date = duplicate.date or mention.date
                duplicate.mention = attrs.evolve(
                    kept,
                    reading=PenaltyReading(
                        kept.reading.penalty, kept.reading.term_months or mention.reading.term_months
                    ),
                    offence=kept.offence or mention.offence,
                )
                continue
            date = mention.date if mention.date is not None else lede_day(mention.sentence, lede)
            events.append(_Event(mention, defendant, date))
    if events and events[0].date is None and opens_article(article, events[0].mention.sentence):
        events[0].date = single_day(article, ("court", "courts"), _words("ruling"))  # the day the court sat
    countries: list[tuple[Actor, str | None]] = []
    for n, event in enumerate(events):
        mention = event.mention
        country = mention.court_country
        if country is None:
            country = next(
                (c for actor, c in countries[-_LOOK_BACK:] if same_name(actor, event.defendant) and c), None
            )
        if country is None:
            country = _court_country(article, mention.sentence)
        countries.append((event.defendant, country))
        offence = mention.offence or shared.get(id(mention)) or next(  # "had initially sentenced X"
            (e.mention.offence for e in events[max(0, n - _LOOK_BACK) : n] if e.mention.offence
             and same_name(e.defendant, event.defendant) and e.mention.reading == mention.reading),
            None,
        )  # fmt: skip
        shared[id(mention)] = offence  # "X and 100 others": the others' crime is X's
        assert mention.reading.penalty is not None
        yield Sentencing(
            defendant=event.defendant,
            penalty=mention.reading.penalty,
            term_months=mention.reading.term_months,
            offence=offence,
            court=Actor.organization(mention.court) if mention.court else None,
            date=event.date,
            location=Place(country=country) if country else None,
            evidence=evidence_for(mention.sentence, mention.rule),
            source=article.source,
        )
