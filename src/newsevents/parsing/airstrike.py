"""
The Airstrike recogniser, on the pattern engine.

Its constructions are data (``data/airstrike/patterns.toml``): "air strikes", "a drone
strike", "Russian warplanes struck", "a strike by Israeli aircraft", "an Israeli strike on
X", "X launched strikes", "backed by X's air power", and "the raid" referring back. The
engine reads them, blocks modal, negated and refused strikes and merges the mentions of one
strike (the same place, compatible dates: ``Airstrike.identity``); this module says what a
match makes:

- the attacker: the state captured, else the state, "X-led coalition" or coalition named
  before the trigger across modifiers ("a suspected U.S. drone strike"), after it ("strikes
  by the coalition", "jets believed to be Russian"), or as the subject of "launched" or
  "said its aircraft";
- the places struck (`newsevents.parsing.gazetteer.sentence_places`): one event per listed
  place ("hit A, B and C"), whose shared toll is none's own; a strike stated with no place
  takes the one the next sentence gives its victims, else the article's main place;
- the toll (``data/airstrike/toll.toml``; none when a later sentence gives a higher one),
  the number of strikes ("hundreds of air strikes"), the targets in the article's words
  ("targeting a hospital", "struck a market"), and the date attached to the match;
- "the raid" in a later sentence places the strike reported before when that one gave only a
  country or "a town in ...", and completes it otherwise; a mention with no place of its
  own is the strike already reported, unless it names its own aircraft and attacker.

Not strikes: shelling, car and suicide bombs, missiles, walkouts, civil aircraft, and
planned, proposed, threatened, simulated or denied strikes (``block.txt``, ``excludes.txt``
and the shared cues).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise

import attrs

from newsevents.events import Airstrike
from newsevents.model import Actor, ActorKind, Count, Event, PartialDate, Place
from newsevents.parsing import register_recogniser, state_words
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.blocking import clause_opening, cues_before
from newsevents.parsing.clauses import age_date, opening_date, sentence_expressions, since_date
from newsevents.parsing.engine import Found, Spec, find, recogniser
from newsevents.parsing.event_fields import (
    different_states,
    evidence_start,
    fill,
    same_or_unknown,
    sentence_index,
)
from newsevents.parsing.gazetteer import place_country
from newsevents.parsing.listed_nouns import enemy_after_support, listed_nouns
from newsevents.parsing.mentions import view
from newsevents.parsing.merge import own_time
from newsevents.parsing.nearby_dates import also_day, compatible, later_date, time_spans
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.place_phrases import (
    by_name,
    holds_next,
    introduced,
    listed_before,
    lists_places,
    modifies_noun,
    place_of_death_next,
    places_of,
    reported_by,
    story_place,
    within_unnamed,
)
from newsevents.parsing.state_words import (
    and_allies,
    blamed_state,
    is_country,
    led_coalition,
    state_before,
    state_of,
    state_subject,
)
from newsevents.parsing.tokens import Token

__all__ = ["SPEC", "find_airstrikes", "place_country", "sentence_times"]

#: Kept importable from here for the modules that still import them (both live in the shared layer now).
sentence_times = sentence_expressions
#: How many tokens after a match the place, the attacker or the target may be read.
_REACH = 30
_KILL = frozenset({"killed", "killing", "kills"})
#: How many strikes reported before a mention may be what it refers back to (keeps merging linear).
_LOOK_BACK = 40
#: Words right before a trigger that tell a campaign's start ("began air strikes on March 26"): note 9.
_BEGAN = frozenset({"began", "begun", "begin", "begins", "started", "start", "starts"})


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "airstrike", name)


# --------------------------------------------------------------------------- blocking


def _blocked(found: Found) -> bool:
    """Planned, proposed, denied or simulated; "air raid shelters"; a crash, an airliner, a team."""
    tokens, match, anchor = found.view.tokens, found.match, found.match.anchor
    opening = clause_opening(tokens, anchor)
    before = [token.lower for token in tokens[opening:anchor]]
    block = _words("block")
    if any(word in block for word in before) or any(f"{a} {b}" in block for a, b in pairwise(before)):
        return True
    if any(token.lower in ("denied", "denies", "deny", "denying") for token in tokens[:anchor]):
        return True  # "X denied that its jets had bombed ...": the denial governs the clause after it
    if match.end < len(tokens) and tokens[match.end].lower in _words("not_after"):
        return True
    if found.entry.name == "aircraft":
        if tokens[anchor].is_title and anchor > 0 and tokens[anchor - 1].is_title:
            return True  # "the New York Jets", "Hughes Aircraft": a name
        if tokens[match.end - 2].lower in ("a", "an", "the", "in", "of"):
            return True  # "a warplane taking part in a bombing campaign": a noun, not the act
        hedged = any(
            token.lower in ("believed", "thought", "suspected") for token in tokens[anchor : match.end]
        )
        if not hedged and cues_before(tokens, match.end - 1) & {"modal", "negation"}:
            return True  # "its jets would strike again"
        return _civil(tokens, anchor)
    if found.entry.name == "launched_strikes" and tokens[match.end - 1].lower in _words("strike_noun"):
        # "fighters launched a strike at the border": from the air only with a state or an aircraft
        clause = {token.lower for token in tokens[opening : match.end + 6]}
        return not clause & (_words("aircraft") | {"air", "aerial"}) and _attacker(found, ()) is None
    return False


def _civil(tokens: Sequence[Token], anchor: int) -> bool:
    """ "The helicopter struck a power line": a civil aircraft word, no military word or state before it."""
    after = {token.lower for token in tokens[anchor + 1 : anchor + 6]}
    if not after & {"hit", "struck", "crashed"} or tokens[anchor].lower not in _words("civil"):
        return False
    military = _words("military")
    return not any(t.lower in military or state_of(t) for t in tokens[max(0, anchor - 4) : anchor])


# --------------------------------------------------------------------------- attacker


def _named_after(found: Found, places: Sequence[Place]) -> Actor | None:
    """ "strikes by the U.S.-led coalition", "from Russian planes", "jets believed to be Russian"."""
    tokens = found.view.tokens
    end = found.match.anchor + 1 if found.entry.name == "aircraft" else found.match.end
    for position in range(end, min(len(tokens), end + 10)):
        word = tokens[position].lower
        if word in (";", "said", "killing"):
            return None
        if word not in ("by", "from", "believed", "thought", "suspected"):
            continue
        for after in range(position + 1, min(len(tokens), position + 7)):
            token = tokens[after]
            if token.lower in ("government", "regime"):
                code = places[0].country if places else None
                return Actor.state(code) if code is not None else None
            found_ = led_coalition(tokens, after) or led_coalition(tokens, after + 2) or state_of(token)
            found_ = and_allies(tokens, after, found_)  # "strikes by X and its allies"
            if found_ is not None or token.lower == "coalition":
                return found_ or Actor.group("coalition")
            if token.lower in (",", ";", "in", "on", "near"):
                break
        if word in ("by", "from"):
            return None
    return None


def _subject(found: Found) -> Actor | None:
    """ "Israel has launched strikes", "Iraq said its warplanes struck": the state whose strike it is."""
    tokens, match = found.view.tokens, found.match
    return state_subject(tokens, match.anchor, match.end, _words("launch"), "launch")


def _in_match(found: Found) -> Actor | None:
    """The state (or "X-led" coalition) the ``state`` option names: in the match, or just before it."""
    tokens, match = found.view.tokens, found.match
    if found.option("state") == "before":
        at = match.start - 1 - (match.start > 1 and tokens[match.start - 1].lower == "military")
        return (led_coalition(tokens, at) or state_of(tokens[at])) if at >= 0 else None
    found_ = (led_coalition(tokens, at) or state_of(tokens[at]) for at in range(match.start, match.end))
    return next((actor for actor in found_ if actor is not None), None)


def _attacker(found: Found, places: Sequence[Place]) -> Actor | None:
    if found.option("state") or found.entry.name == "strike_by_aircraft":
        within = _in_match(found)
        if within is not None:
            return within
    tokens, anchor = found.view.tokens, found.match.anchor
    before = state_before(tokens, anchor, _words("modifiers"))
    if before is None and anchor > 1 and tokens[anchor - 1].lower == "drone":
        before = state_before(tokens, anchor - 1, _words("modifiers"))
    return before or _named_after(found, places) or _subject(found)


def _blamed(article: Article, home: str | None) -> Actor | None:
    """Note 15: "Y blamed the government for the air strikes": the side the text's source names."""
    nouns = (_words("strike_noun") - {"attack", "attacks"}) | {"airstrike", "airstrikes"}  # not any attack
    sentences = (s for s in article.sentences if "blam" in s.text.lower())
    return next(filter(None, (blamed_state(view(article, s).tokens, nouns, home) for s in sentences)), None)


# --------------------------------------------------------------------------- places


def _sentence_places(found: Found, sentence: Sentence | None = None) -> list[Span]:
    """The places of a sentence (`place_phrases.places_of`), with this type's cue words."""
    cues, between = _words("place_cue"), _words("between")
    return places_of(found.article, sentence or found.sentence, cues=cues, between=between)


def _introduced(tokens: Sequence[Token], start: int, floor: int) -> bool:
    """Whether a locative, an attack verb or "against" comes shortly before token ``start``."""
    return introduced(tokens, start, floor, _words("locative") | _words("attack") | {"targeting", "against"})


def _window_end(tokens: Sequence[Token], end: int) -> int:
    """Where the words about the strike end: a reporting verb, a purpose, another clause."""
    for position in range(end, min(len(tokens), end + _REACH)):
        word = tokens[position].lower
        if word in _words("cut"):
            return position
        following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
        if word in ("which", "that") and following not in _words("attack"):
            return position  # "..., which hit targets in A and B" goes on about the strike
    return min(len(tokens), end + _REACH)


def _places(found: Found) -> list[Place]:
    """The places struck: the first after the match and those listed with it, else the nearest before."""
    tokens, match = found.view.tokens, found.match
    spans = [s for s in _sentence_places(found) if not reported_by(tokens, s)]
    stop = _window_end(tokens, match.end)
    after = [
        s for s in spans
        if match.end <= s.start < stop and _introduced(tokens, s.start, match.end - 1)
        and not holds_next(tokens, s, spans)
    ]  # fmt: skip
    if not after:
        opening = clause_opening(tokens, match.anchor)
        before = [
            s for s in spans
            if opening <= s.start and s.end <= match.anchor and _introduced(tokens, s.start, 0)
            and not holds_next(tokens, s, spans)
        ]  # fmt: skip
        return [by_name(span.value, spans) for span in listed_before(tokens, before, spans)]
    chosen = [after[0]]
    including = next((i for i in range(after[0].end, stop) if tokens[i].lower == "including"), None)
    listed = [s for s in spans if including is not None and s.start == including + 1]
    chosen = listed or chosen  # "villages north of X, including A, B and C": the places struck
    for span in spans:
        if span.start <= chosen[-1].start or span.start >= stop:
            continue
        gap = tokens[chosen[-1].end : span.start]
        if lists_places(gap, _words("list_gap") | _words("locative")):
            chosen.append(span)
        elif (
            len(chosen) == 1
            and is_country(chosen[0].value)
            and not is_country(span.value)
            and span.value.country in (None, chosen[0].value.country)
            and len(gap) <= 6
        ):
            if any(t.lower in ("and", "near", "from", "to") for t in gap):
                break
            chosen = [span]  # "in Syria, in the northwestern Idlib province": the more specific place
        else:
            break
    weak: set[tuple[int, str | None]] = found.article.__dict__.setdefault("_airstrike_weak", set())
    places = [by_name(span.value, spans) for span in chosen]
    weak.update(
        (found.sentence.start, p.name)
        for s, p in zip(chosen, places, strict=True)
        if within_unnamed(tokens, s.start)
    )
    return places


def _death_next(found: Found) -> tuple[Place | None, PartialDate | None]:
    """The place and time the next sentence gives a death this one tells, unless it tells an attack."""
    cues = _words("locative") | _words("attack") | {"targeting", "against"}
    refuse = _words("triggers") | _words("other_attacks")
    read = lambda sentence: _sentence_places(found, sentence)  # noqa: E731
    return place_of_death_next(found.article, found.sentence, places=read, cues=cues, refuse=refuse)


# --------------------------------------------------------------------------- toll, count, date, targets


def _killed(found: Found, sentence: Sentence | None = None) -> list[Count]:
    """The tolls a sentence states (``toll.toml``), first first."""
    tokens = found.view.tokens if sentence is None else view(found.article, sentence).tokens
    out: list[Count] = []
    for match in found.around("toll", sentence=sentence):
        for span in match.roles.get("killed", ()):
            unit = tokens[span.end].lower if span.end < len(tokens) else ""
            count = span.value
            war = any(t.lower in _words("war") for t in tokens[max(0, match.start - 4) : match.start])
            if (
                isinstance(count, Count)
                and not war  # "the war that has killed more than 250,000": the war's toll
                and unit not in _words("not_people")
                and not (count.value >= 1900 and count.exact)
            ):
                out.append(count)
    return out


def _disputed(found: Found, killed: Count) -> bool:
    """
    A higher toll in the next two sentences about the strike ("The rebels put the death toll at
    33"): the toll is in dispute and none is given (a lower one may be a part of it).
    """
    for sentence in found.article.all_sentences[found.sentence.index + 1 : found.sentence.index + 3]:
        text = sentence.text.lower()
        about = "toll" in text or any(
            f"the {noun}" in text for noun in ("raid", "strike", "attack", "bombing")
        )
        if about and any(count.value > killed.value for count in _killed(found, sentence)):
            return True
    return False


def _strikes(found: Found) -> Count | None:
    """ "two air strikes", "hundreds of airstrikes": a count right before the trigger."""
    tokens, match = found.view.tokens, found.match
    first = match.end - 1 if found.entry.name == "launched_strikes" else match.start
    while first > match.start and tokens[first - 1].lower in ("air", "aerial", "drone", "bombing"):
        first -= 1  # "conducted four air strikes": the count before the strike's noun
    spans = found.view.spans_for(frozenset({"COUNT"}))
    for start in range(max(0, first - 4), first):
        for span in spans.get(start, ()):
            gap = tokens[span.end : first]
            if (
                span.kind == "COUNT"
                and len(gap) <= 2
                and all(t.lower in ("of", "air") or state_of(t) for t in gap)
            ):
                return span.value if isinstance(span.value, Count) else None
    return None


def _date(found: Found) -> PartialDate | None:
    """The time attached to the strike, not one naming another event ("Wednesday's attack")."""
    date, tokens = found.date(), found.view.tokens
    own = _words("one_word") | {"strike", "strikes", "raid", "raids"}
    times = [
        span for spans in found.view.spans_for(frozenset({"TIME"})).values() for span in spans
        if span.kind == "TIME" and date is not None and getattr(span.value, "date", None) == date
    ]  # fmt: skip
    if times and all(
        s.end + 1 < len(tokens) and tokens[s.end].lower == "'s" and tokens[s.end + 1].lower not in own
        for s in times
    ):
        date = None
    opening = opening_date(tokens, time_spans(found.view), found.match.start, found.article.published)
    return date or _age(found) or _later_date(found) or _since(found) or opening or _also_day(found)


def _age(found: Found) -> PartialDate | None:
    """ "Five months of Russian air strikes": the month (or year) the campaign began."""
    tokens, at = found.view.tokens, found.match.start
    while at > 0 and (tokens[at - 1].lower in _words("modifiers") or state_of(tokens[at - 1])):
        at -= 1  # "of Russian air strikes", "of the coalition's strikes"
    counts = [s for spans in found.view.spans_for(frozenset({"COUNT"})).values() for s in spans]
    return age_date(tokens, [s for s in counts if s.kind == "COUNT"], at, found.article.published)


def _since(found: Found) -> PartialDate | None:
    """ "air raids against them since March 26", "Since 2014, forces backed by air strikes": the start."""
    tokens, match, published = found.view.tokens, found.match, found.article.published
    stop = _window_end(tokens, match.end)
    date = since_date(tokens, time_spans(found.view), match.start, match.end, stop, published=published)
    at = match.start
    while at > 0 and tokens[at - 1].lower in _words("modifiers") | {"intense", "heavy", "repeated"}:
        at -= 1
    if date is not None or at < 3 or tokens[at - 1].lower != "by":
        return date
    # "N civilians killed since April 22 by government air strikes": the toll's start is the strikes'
    by = at - 1 - (tokens[at - 2].text == ",")
    spans = [span for span in time_spans(found.view) if span.end == by]
    first = spans[0].start if spans else by
    return since_date(tokens, spans, first, first, first + 1, published=published) if spans else None


def _later_date(found: Found) -> PartialDate | None:
    """ "An air strike on a hospital in the city of X killed 22 people on Saturday": a time later on."""
    tokens, end = found.view.tokens, found.match.end
    return later_date(found.article, found.sentence, tokens, end, _window_end(tokens, end))


def _also_day(found: Found) -> PartialDate | None:
    """ "The monitor also reported air strikes": the day the text last said things also happened on."""
    return also_day(found.article, found.sentence, found.view.tokens, found.match.anchor)


def _phrase(found: Found, start: int) -> tuple[str, ...]:
    """The words naming a target from token ``start`` on (`listed_nouns`), never a place ("struck Aleppo")."""
    tokens, stops = found.view.tokens, _words("stop")
    if start < len(tokens) and tokens[start].lower == "by":
        return ()  # "barrels dropped by the army": the agent, not a target
    spans = [span for span in _sentence_places(found) if not modifies_noun(tokens, span, stops)]
    places = {i for span in spans for i in range(span.start, span.end)}  # "an Aleppo hospital" is a thing
    times = {i for span in time_spans(found.view) for i in range(span.start, span.end)}
    found_ = listed_nouns(tokens, start, stops=stops, ends=times, refuse=places)
    return tuple(phrase.replace(" 's ", "'s ").replace(" \u2019s ", "\u2019s ") for phrase in found_)


def _targets(found: Found) -> tuple[str, ...]:
    """ "targeting a hospital", "jets bombed a market", "a raid on a wedding", "directed at rebel groups"."""
    tokens, match = found.view.tokens, found.match
    before = _tokens_before(found, 2)
    if len(before) == 2 and before[1] == "under" and before[0] in ("came", "come", "comes", "coming"):
        return _phrase(found, clause_opening(tokens, match.start))  # "depots at A came under air attack"
    for position in range(match.end, _window_end(tokens, match.end)):
        if tokens[position].lower in _words("target_cue"):
            return _phrase(found, position + 1)
        if tokens[position].lower in ("directed", "aimed") and tokens[position + 1].lower == "at":
            return _phrase(found, position + 2)
    after = match.end
    if found.entry.name == "aircraft" and tokens[after - 1].lower not in _KILL:
        while after < len(tokens) and (
            tokens[after].lower in _words("strike_noun") or tokens[after].shape == "d"
        ):
            after += 1  # "warplanes launched two bombing raids on X"
        if after == match.end:
            return _phrase(found, after)
    if after < len(tokens) and tokens[after].lower in ("on", "against", "at"):
        return _phrase(found, after + 1)
    if found.entry.name == "aircraft":
        return ()
    for position in range(after, _window_end(tokens, after)):
        word = tokens[position].lower
        if word in _KILL:
            break
        if word in _words("attack") and tokens[position - 1].lower != "to":
            return _phrase(found, position + 1)  # "the raid hit a square", "strikes, ..., hit villages"
    return ()


def _enemy(found: Found) -> tuple[str, ...]:
    """Note 27: "troops backed by air strikes drove the militants out of X": support targets the enemy."""
    tokens, match, support, cues = found.view.tokens, found.match, _words("support"), _words("enemy_cue")
    at = enemy_after_support(tokens, match.start, match.end, support=support, cues=cues)
    return _phrase(found, at) if at is not None else ()


# --------------------------------------------------------------------------- events


def _owner(found: Found) -> Actor | None:
    """ "Russia stepped up its bombing": the state (or coalition) "its" stands for (``owned`` entries)."""
    tokens, match = found.view.tokens, found.match
    at = next((i for i in range(match.start, match.end) if tokens[i].lower in ("its", "their")), None)
    return state_subject(tokens, at + 1, match.end, ()) if at is not None else None


def _unowned(found: Found) -> bool:
    """ "The group called off its bombing": no state owns it (a "bombing campaign" stays one, as a noun)."""
    last = found.view.tokens[found.match.end - 1].lower
    return bool(found.option("owned")) and last not in ("campaign", "raids") and _owner(found) is None


def build(found: Found) -> Iterator[Airstrike]:
    """The strikes one match states: one per place struck."""
    if _blocked(found) or (found.option("state") and _in_match(found) is None) or _unowned(found):
        return  # "Monday strikes", "a French strike" on the railways (a walkout: excludes.txt)
    places = _places(found)
    attacker = _attacker(found, places) or (_owner(found) if found.option("owned") else None)
    if found.entry.name != "aircraft":  # note 15: "U.S.-led air strikes" (not "Saudi-led warplanes")
        attacker = state_words.leader_unless_named(attacker, found.article.text)
    if attacker is not None and attacker.kind is ActorKind.COUNTRY:
        places = [p for p in places if not (is_country(p) and p.country == attacker.country)]
    date = _date(found)
    if not places:  # "... killed in an air strike. He died in the town of X": the next sentence's place
        later_place, later = _death_next(found)
        places, date = [later_place] if later_place else [], date or later
    tolls = _killed(found)
    before = _tokens_before(found, 2)
    shared = before[-1:] == ["and"] and before[0] in _words("fighting")  # "in battles and air strikes"
    killed = tolls[0] if tolls and len(places) <= 1 and not shared else None
    if killed is not None and _disputed(found, killed):
        killed = None
        found.article.__dict__.setdefault("_airstrike_disputed", set()).add(found.sentence.start)
    if (
        "campaign" in _tokens_before(found, 3)
        or found.view.tokens[found.match.end - 1].lower == "campaign"
        or _BEGAN & {t.lower for t in found.view.tokens[max(0, found.match.start - 2) : found.match.end]}
        or (date is not None and date in (_since(found), _age(found)))
    ):
        # "a campaign of air strikes", "its air campaign", "began air strikes", strikes "since March
        # 26", "four months of air strikes": not the strike told before it (notes 9, 10, 23)
        found.article.__dict__.setdefault("_airstrike_campaigns", set()).add(found.sentence.start)
    near = {t.lower for t in found.view.tokens[max(0, found.match.start - 3) : found.match.end]}
    if _words("another") & near:  # "a separate air strike", "carried out a similar raid": its own (settle)
        found.article.__dict__.setdefault("_airstrike_another", set()).add(found.sentence.start)
    if {"government", "regime"} & set(_tokens_before(found, 2)):  # "government air strikes": no story side
        found.article.__dict__.setdefault("_airstrike_own", set()).add(found.sentence.start)
    if any(word in ("the", "these", "those") for word in _tokens_before(found, 3)):
        found.article.__dict__.setdefault("_airstrike_definite", set()).add(found.sentence.start)
    where: list[Place | None] = list(places) or [None]
    for place in where:
        yield Airstrike(
            attacker=attacker,
            location=place,
            date=date,
            killed=killed,
            strikes=_strikes(found),
            targets=_targets(found) or _enemy(found),
            evidence=found.evidence(),
            source=found.article.source,
        )


def _tokens_before(found: Found, count: int) -> list[str]:
    """The lower-case words of the ``count`` tokens before the match."""
    return [token.lower for token in found.view.tokens[max(0, found.match.start - count) : found.match.start]]


def _fill(kept: Airstrike, other: Airstrike, *, place: bool = False, skip: tuple[str, ...] = ()) -> Airstrike:
    """``kept`` with what it lacks taken from ``other`` (and ``other``'s place when ``place``)."""
    names = [n for n in ("attacker", "date", "killed", "strikes", "targets") if n not in skip]
    return fill(kept, other, names, replace=("location",) if place else ())


def _flown(event: Airstrike) -> bool:
    """Whether a mention's sentence names the aircraft ("Israeli warplanes launched strikes")."""
    text = event.evidence.text.lower().split() if event.evidence is not None else []
    return any(word.strip(",.;") in _words("aircraft") for word in text)


def _vague(article: Article, event: Airstrike) -> bool:
    """No place, a country, or "a town in ..." (a later sentence may name the place)."""
    weak: set[tuple[int, str | None]] = article.__dict__.get("_airstrike_weak", set())
    start = evidence_start(event)
    return event.location is None or is_country(event.location) or (start, event.location.name) in weak


def _refers_to(article: Article, kept: Airstrike, event: Airstrike, test: str) -> bool:
    """Whether ``event`` mentions the strike ``kept`` (``test``: how; see `settle`)."""
    if not same_or_unknown(kept.attacker, event.attacker) or not compatible(kept.date, event.date):
        return False
    if _apart(kept, event) or (test == "same" and _own_time(article, kept, event)):
        return False  # "hit X. ... a strike on X in 2014": a dated mention is not the undated one told before
    campaigns: set[int] = article.__dict__.get("_airstrike_campaigns", set())
    town = kept.location is not None and not is_country(kept.location)
    kept_campaign, campaign = evidence_start(kept) in campaigns, evidence_start(event) in campaigns
    if test != "same" and town and campaign and not kept_campaign:
        return False  # "a campaign of air strikes" is not the strike on one town told before it (note 10)
    if campaign != kept_campaign and _specific(event if kept_campaign else kept):
        return False  # a campaign and a dated, deadly or counted strike of it are two (note 10)
    place, there = event.location, kept.location
    if test == "home":
        if place is None:
            return not _own_time(article, kept, event)
        inside = there is not None and there.country == place.country
        return is_country(place) and inside and not _vague(article, kept) and not (event.date or event.killed)
    if test == "same":
        return place is not None and there is not None and there.name == place.name
    return there is None  # "open": a strike not placed yet


def _own_time(article: Article, kept: Airstrike, event: Airstrike) -> bool:
    """
    A mention dated in its own words is another strike than an undated one told before, unless
    it refers back ("the strikes on Monday") or continues it in the next sentence (`merge.own_time`).
    """
    definite: set[int] = article.__dict__.get("_airstrike_definite", set())
    return own_time(kept, event, definite=evidence_start(event) in definite)


def _specific(event: Airstrike) -> bool:
    """Whether a mention tells strikes of one time: a toll, a day of its own, or a number of strikes."""
    day = event.date is not None and event.date.day is not None
    return event.killed is not None or day or event.strikes is not None


def _earlier(article: Article, out: list[Airstrike], event: Airstrike, test: str) -> int | None:
    floor = max(-1, len(out) - 1 - _LOOK_BACK)
    return next((i for i in range(len(out) - 1, floor, -1) if _refers_to(article, out[i], event, test)), None)


def _the_strike(article: Article, out: list[Airstrike], event: Airstrike, siblings: list[Airstrike]) -> None:
    """ "The raid hit a square in the town of X": the strike reported before, placed (in each place)."""
    last = out[-1]
    if event.location is not None and (_vague(article, last) or siblings) and last.location != event.location:
        out[-1] = _fill(last, event, place=True)
        out.extend(attrs.evolve(_fill(last, other, place=True), killed=None, id="") for other in siblings)
        return
    disputed: set[int] = article.__dict__.get("_airstrike_disputed", set())
    start = evidence_start(last)
    out[-1] = _fill(last, event, skip=("killed",) if start in disputed else ())


def settle(article: Article, events: list[Airstrike]) -> list[Airstrike]:
    """
    Later mentions refer back: "the raid" places (or completes) the strike reported before; a
    mention with no place of its own, or only the country of a strike placed before, is that
    strike (unless it names its own aircraft and attacker); a strike named twice is one; a
    placed mention places an earlier unplaced one.
    """
    out: list[Airstrike] = []
    done: set[int] = set()
    campaigns: set[int] = article.__dict__.get("_airstrike_campaigns", set())
    another: set[int] = article.__dict__.get("_airstrike_another", set())
    mentions = Counter(event.evidence for event in events)  # the events one sentence's match made
    for number, event in enumerate(events):
        if number in done:
            continue
        rule = event.evidence.rule if event.evidence is not None else ""
        if rule == "airstrike.the_strike":
            if out and compatible(out[-1].date, event.date):
                later = []
                for following in range(number + 1, len(events)):
                    if events[following].evidence != event.evidence:
                        break
                    later.append(following)
                done.update(later)
                _the_strike(article, out, event, [events[i] for i in later if events[i].location])
            continue
        if event.evidence is not None and event.evidence.start in another:
            out.append(event)
            continue
        found = _earlier(article, out, event, "home")
        main = rule == "airstrike.aircraft" or (rule == "airstrike.launched_strikes" and _flown(event))
        main = main or (event.evidence is not None and event.evidence.start in campaigns)
        if found is not None and not (main and event.attacker and out[found].attacker):
            same = sentence_index(article, out[found]) == sentence_index(article, event)
            out[found] = _fill(out[found], event, skip=() if same else ("date",))  # a later time is its own
            continue
        found = _earlier(article, out, event, "same")
        if found is not None:
            out[found] = _fill(out[found], event)
            continue
        noun = rule in ("airstrike.noun", "airstrike.state_strike", "airstrike.strike_by_aircraft")
        alone = mentions[event.evidence] == 1
        found = _earlier(article, out, event, "open") if noun and alone else None
        if found is not None:
            out[found] = _fill(out[found], event, place=True)  # "killed in a US drone strike. ... one in X"
            continue
        out.append(event)
    return out


def _apart(kept: Event, mention: Event) -> bool:
    """
    Two strikes though their places agree: two states' strikes ("the US leads a campaign ...
    Russia's"), or two tolls stated for them ("one killed four ... another killed nine").
    """
    if different_states(getattr(kept, "attacker", None), getattr(mention, "attacker", None)):
        return True
    tolls = getattr(kept, "killed", None), getattr(mention, "killed", None)
    return None not in tolls and tolls[0] != tolls[1]


SPEC = Spec(
    Airstrike,
    "airstrike",
    build,
    blocking=frozenset({"modal", "negation", "refusal"}),
    excludes="excludes",
    apart=_apart,
)
_find = recogniser(SPEC)


@register_recogniser(Airstrike)
def find_airstrikes(article: Article) -> Iterator[Airstrike]:
    """
    Find the air strikes an article reports: one per strike (or campaign) and place struck.

    Args:
        article: The article.

    Yields:
        `Airstrike` events with attacker, location, date, toll, strike count, targets and evidence.
    """
    events = settle(article, [e for e in find(article, SPEC) if isinstance(e, Airstrike)])
    sides = Counter(event.attacker for event in events if event.attacker is not None)
    if len(sides) > 1:
        del sides[Actor.group("coalition")]  # "Saudi-led coalition jets ... Coalition jets": one side
    ranked = sides.most_common(2)  # note 8: the side the story names, or names at least twice as often
    side = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) else None
    definite: set[int] = article.__dict__.get("_airstrike_definite", set())
    own: set[int] = article.__dict__.get("_airstrike_own", set())
    campaigns: set[int] = article.__dict__.get("_airstrike_campaigns", set())
    for event in events:
        if event.location is None:
            campaign = evidence_start(event) in campaigns  # note 24: a campaign is in a country
            main = story_place(article, (e.location for e in events), event.attacker, country=campaign)
            event = attrs.evolve(event, location=main, id="") if main is not None else event  # noqa: PLW2901
        start = evidence_start(event)
        flown = event.evidence is not None and event.evidence.rule == "airstrike.aircraft"
        story = side is not None and start not in own and (start in definite or not flown)
        if event.attacker is None and start in own and event.location is not None and event.location.country:
            # "government air strikes on A": the state A is in strikes its own territory
            event = attrs.evolve(event, attacker=Actor.state(event.location.country), id="")  # noqa: PLW2901
        if event.attacker is None and story:
            # note 8: "Coalition jets bombed X. ... Y came under air attack": the one attacker the story
            # names; not "Warplanes also hit Z" (aircraft with no article) nor "government air strikes"
            event = attrs.evolve(event, attacker=side, id="")  # noqa: PLW2901
        if event.attacker is None and not sides and start not in own:
            blamed = _blamed(article, event.location.country if event.location is not None else None)
            event = attrs.evolve(event, attacker=blamed, id="") if blamed is not None else event  # noqa: PLW2901
        yield event
