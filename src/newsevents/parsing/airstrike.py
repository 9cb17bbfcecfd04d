"""
The Airstrike recogniser, on the pattern engine.

Its constructions are data (``data/airstrike/patterns.toml``): "air strikes", "a drone
strike", "Russian warplanes struck", "a strike by Israeli aircraft", "an Israeli strike on",
"X launched strikes", and "the raid" referring back. The engine reads them, blocks
modal, negated and denied strikes and merges mentions of one strike (same place, compatible
dates: ``Airstrike.identity``); this module says what a match makes:

- the attacker: the state captured, else the state, "X-led coalition" or coalition named
  before the trigger across modifiers ("a suspected U.S. drone strike"), after it ("strikes
  by the coalition", "jets believed to be Russian"), or as the subject of "launched" or
  "said its aircraft";
- the places struck, from the gazetteer (`newsevents.parsing.gazetteer`) and "the town of
  X": one event per listed place ("hit A, B and C"), whose shared toll is none's own;
- the toll (``data/airstrike/toll.toml``), the number of strikes ("hundreds of air
  strikes"), the targets in the article's words ("targeting a hospital", "struck a
  market"), and the date the engine attaches;
- a later sentence about "the raid" places (and dates) the strike reported before, and a
  mention with no place of its own is the strike already reported.

Not strikes: shelling, car and suicide bombs, missiles, walkouts, civil aircraft, and
planned, proposed, threatened, simulated or denied strikes (``block.txt``, ``excludes.txt``
and the shared cues).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import attrs

from newsevents.events import Airstrike
from newsevents.model import Actor, ActorKind, Count, PartialDate, Place, country_name
from newsevents.parsing import register_recogniser
from newsevents.parsing.article import Article, Sentence, words
from newsevents.parsing.blocking import clause_opening, cues_before
from newsevents.parsing.clauses import sentence_expressions
from newsevents.parsing.clauses import sentence_times as _times
from newsevents.parsing.engine import Found, Spec, find, recogniser
from newsevents.parsing.mentions import view
from newsevents.parsing import gazetteer
from newsevents.parsing.actors import country_code as _alias_code
from newsevents.parsing.actors import is_demonym
from newsevents.parsing.gazetteer import place_country
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token

__all__ = ["SPEC", "find_airstrikes", "place_country", "sentence_times"]

#: Kept importable from here for the modules that still import them (both live in the shared layer).
sentence_times = sentence_expressions


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "airstrike", name)


@cache
def _gazetteer() -> bool:
    """Whether the gazetteer's data is installed (the ``places`` extra)."""
    try:
        gazetteer.country_code("France")
    except ImportError:
        return False
    return True


def country_code(name: str) -> str | None:
    """The code of a country name or demonym: the gazetteer's, else the parser's alias table."""
    return gazetteer.country_code(name) if _gazetteer() else _alias_code(name)


def place_spans(tokens: Sequence[Token]) -> list[Span]:
    """
    The places of a sentence: the gazetteer's; without the ``places`` extra, the countries
    and the places of the parser's older table (``place_countries.tsv``), as capitalised runs.
    """
    if _gazetteer():
        return gazetteer.place_spans(tokens)
    out: list[Span] = []
    position = 0
    while position < len(tokens):
        for size in (4, 3, 2, 1):
            run = tokens[position : position + size]
            if len(run) < size or not all(token.is_title for token in run):
                continue
            name = " ".join(token.text for token in run)
            code = None if is_demonym(name) else _alias_code(name)
            if code is not None:
                out.append(Span("PLACE", position, position + size, Place(country_name(code), country=code)))
            elif place_country(name) is not None:
                out.append(Span("PLACE", position, position + size, Place(name, country=place_country(name))))
            else:
                continue
            position += size - 1
            break
        position += 1
    return out


#: How many tokens after a match the struck place, the attacker or the target may be read.
_REACH = 30
_LED = "-led"


# --------------------------------------------------------------------------- blocking


def _blocked(found: Found) -> bool:
    """Planned, proposed, denied or simulated; "air raid shelters"; a crash or an airliner."""
    tokens, match = found.view.tokens, found.match
    anchor = match.anchor
    opening = clause_opening(tokens, anchor)
    block = _words("block")
    before = [token.lower for token in tokens[opening:anchor]]
    if any(word in block for word in before) or any(f"{a} {b}" in block for a, b in zip(before, before[1:])):
        return True
    if any(token.lower in ("denied", "denies", "deny", "denying") for token in tokens[:anchor]):
        return True  # "X denied that its jets had bombed ...": the denial reaches into the clause it governs
    if match.end < len(tokens) and tokens[match.end].lower in _words("not_after"):
        return True
    if found.entry.name == "aircraft":
        aircraft = tokens[anchor]
        if aircraft.is_title and anchor > 0 and tokens[anchor - 1].is_title:
            return True  # "the New York Jets", "Hughes Aircraft": a name
        if tokens[match.end - 2].lower in ("a", "an", "the", "in", "of"):
            return True  # "a warplane taking part in a bombing campaign": a noun, not the aircraft's act
        hedged = any(token.lower in ("believed", "thought", "suspected") for token in tokens[anchor : match.end])
        if not hedged and cues_before(tokens, match.end - 1) & {"modal", "negation"}:
            return True  # "its jets would strike again"
        return _civil(tokens, anchor)
    if found.entry.name == "launched_strikes" and tokens[match.end - 1].lower in _words("strike_noun"):
        # "fighters launched a strike at the border": a strike from the air needs a state or an aircraft
        clause = {token.lower for token in tokens[opening : match.end + 6]}
        return not (clause & (_words("aircraft") | {"air", "aerial"})) and _attacker(found, ()) is None
    return False


def _civil(tokens: Sequence[Token], anchor: int) -> bool:
    """ "The helicopter struck a power line": an aircraft with no military word or state before it that hit something."""
    verb_words = {"hit", "struck", "strike", "crashed"}
    after = {token.lower for token in tokens[anchor + 1 : anchor + 6]}
    if not after & verb_words or tokens[anchor].lower not in {"jet", "jets", "helicopter", "helicopters", "aircraft", "planes"}:
        return False
    before = tokens[max(0, anchor - 4) : anchor]
    military = {"military", "fighter", "war", "coalition", "government", "army", "regime", "enemy", "combat", "navy"}
    return not any(token.lower in military or _state_of(token) is not None for token in before)


# --------------------------------------------------------------------------- attacker


def _state_of(token: Token) -> Actor | None:
    if not token.is_title:
        return None
    code = country_code(token.text)
    return Actor.state(code) if code is not None else None


def _led(tokens: Sequence[Token], at: int) -> Actor | None:
    """ "Saudi-led", "U.S.-led" ending at token ``at``: the coalition so named."""
    token = tokens[at]
    if token.lower.endswith(_LED) and len(token.lower) > len(_LED):
        return Actor.group(f"{token.text} coalition")
    if token.lower == "led" and at >= 2 and tokens[at - 1].text == "-":
        return Actor.group(f"{tokens[at - 2].text}-led coalition")
    return None


def _named_before(tokens: Sequence[Token], at: int) -> Actor | None:
    """The state or coalition named just before token ``at``, across modifiers ("a suspected U.S. drone")."""
    coalition = False
    position = at - 1
    floor = max(-1, at - 7)
    while position > floor:
        token = tokens[position]
        led = _led(tokens, position)
        if led is not None:
            return led
        state = _state_of(token)
        if state is not None:
            if position >= 2 and tokens[position - 1].lower == "and":
                first = _state_of(tokens[position - 2])
                if first is not None:
                    return first  # "Syrian and Russian warplanes": the first named
            return state
        if token.lower == "'s" and position > 0:
            owner = _state_of(tokens[position - 1]) or _led(tokens, position - 1)
            return owner
        if token.lower == "coalition":
            coalition = True
        elif not (
            token.lower in _words("modifiers")
            or token.shape == "d"
            or (token.is_title and len(token.text) <= 3 and position + 1 < at and tokens[position + 1].text == "-")
        ):
            break
        position -= 1
    return Actor.group("coalition") if coalition else None


def _named_after(found: Found, places: Sequence[Place]) -> Actor | None:
    """ "strikes by the U.S.-led coalition", "by government forces", "jets believed to be Russian"."""
    tokens, end = found.view.tokens, found.match.end
    if found.entry.name == "aircraft":
        end = found.match.anchor + 1  # "warplanes believed to be Russian bombed"
    stop = min(len(tokens), end + 10)
    for position in range(end, stop):
        word = tokens[position].lower
        if word in (";", "said", "killing"):
            return None
        if word in ("by", "from") or word in ("believed", "thought", "suspected"):
            for after in range(position + 1, min(len(tokens), position + 7)):
                token = tokens[after]
                led = _led(tokens, after) or (_led(tokens, after + 2) if after + 2 < len(tokens) else None)
                if led is not None:
                    return led
                if token.lower in ("government", "regime") and after + 1 < len(tokens):
                    code = places[0].country if places else None
                    return Actor.state(code) if code is not None else None
                state = _state_of(token)
                if state is not None:
                    return state
                if token.lower == "coalition":
                    return Actor.group("coalition")
                if token.lower in (",", ";", "in", "on", "near"):
                    break
            if word in ("by", "from"):
                return None
    return None


def _subject(found: Found) -> Actor | None:
    """ "Israel has launched strikes", "Iraq said its warplanes struck": the state whose strike it is."""
    tokens, anchor = found.view.tokens, found.match.anchor
    opening = max(0, clause_opening(tokens, anchor) - 1) if anchor else 0
    start = 0 if opening <= 1 else opening
    prefix = tokens[start:anchor]
    words_ = [token.lower for token in prefix]
    launch = _words("launch")
    owns = any(word in ("its", "their") for word in words_[-3:])
    if not owns and not any(token.lower in launch for token in tokens[start : found.match.end]):
        return None
    for position in range(start, anchor):
        led = _led(tokens, position)
        if led is not None:
            return led
        state = _state_of(tokens[position])
        if state is not None and not (position + 1 < len(tokens) and tokens[position + 1].lower == "'s"):
            return state
        if tokens[position].lower == "coalition":
            return Actor.group("coalition")
    return None


def _attacker(found: Found, places: Sequence[Place]) -> Actor | None:
    for actor in found.actors("attacker"):
        if actor.kind is ActorKind.COUNTRY:
            return actor
    tokens, match = found.view.tokens, found.match
    before = _named_before(tokens, match.anchor)
    if before is None and found.entry.name in ("noun", "launched_strikes") and match.anchor > 1:
        before = _named_before(tokens, match.anchor - 1) if tokens[match.anchor - 1].lower == "drone" else None
    return before or _named_after(found, places) or _subject(found)


# --------------------------------------------------------------------------- places


def _article_places(found: Found, sentence: Sentence | None = None) -> list[Span]:
    """The sentence's places: the gazetteer's, and "the town of X" for places too small for it."""
    target = sentence or found.sentence
    cache_: dict[int, list[Span]] = found.article.__dict__.setdefault("_airstrike_places", {})
    if target.start not in cache_:
        seen = found.view if target is found.sentence else view(found.article, target)
        taken = {
            index
            for spans in seen.spans_for(frozenset({"ACTOR", "TIME"})).values()
            for span in spans
            if span.kind in ("PERSON", "ORG", "GROUP", "TIME")
            for index in range(span.start, span.end)
        }
        cache_[target.start] = _read_places(seen.tokens, taken)
    return cache_[target.start]


def _read_places(tokens: Sequence[Token], taken: set[int]) -> list[Span]:
    spans = place_spans(tokens)
    covered = {index for span in spans for index in range(span.start, span.end)}
    settlements = _words("settlement")
    nonnames = words("capitalised_nonnames.txt")
    for position, token in enumerate(tokens[:-2]):
        small = (token.lower in settlements and tokens[position + 1].lower == "of") or token.lower == "including"
        near = token.lower in ("near", "outside", "in", "on", "around") and position + 1 not in covered | taken
        if not (small or near):
            continue
        first = position + 2 if small and token.lower != "including" else position + 1
        if tokens[first].lower == "the":
            first += 1
        last = first
        while last < len(tokens) and last - first < 4 and (_name_part(tokens[last]) or (last > first and tokens[last].lower in ("al", "el"))):
            last += 1
        if last == first or first in covered or tokens[first].text in nonnames or (not small and first in taken):
            continue
        if not small and country_code(" ".join(t.text for t in tokens[first:last])) is not None:
            continue  # "in Syrian territory": a demonym
        if not small and last < len(tokens) and tokens[last].lower in _words("region_noun") | {"'s"}:
            continue  # "in the Lower Shabelle region" is read below; "in Syria's": a possessive
        if tokens[last - 1].lower in ("al", "el"):
            last -= 1
        for begin, end in _name_list(tokens, first, last, covered):
            name = " ".join(token.text for token in tokens[begin:end]).replace(" - ", "-")
            spans.append(Span("PLACE", begin, end, Place(name)))
            covered.update(range(begin, end))
    for position, token in enumerate(tokens[:-2]):
        # "in the Lower Shabelle region": a name the kind of place after it makes a place
        if token.lower not in ("in", "the") or position + 1 in covered:
            continue
        last = first = position + 1
        while last < len(tokens) and last - first < 3 and _name_part(tokens[last]) and last not in covered:
            last += 1
        if last > first and last < len(tokens) and tokens[last].lower in _words("region_noun"):
            spans.append(Span("PLACE", first, last, Place(" ".join(t.text for t in tokens[first:last]))))
            covered.update(range(first, last + 1))
    for span in list(spans):
        # "Yemen's Shabwa province", "Iran's offshore Nowruz field": a place the country holds
        if span.end + 1 >= len(tokens) or tokens[span.end].lower != "'s" or not _is_country(span.value):
            continue
        first = span.end + 1
        while first < len(tokens) and first - span.end <= 3 and tokens[first].shape == "x":
            first += 1
        if first in covered or first >= len(tokens) or not _name_part(tokens[first]):
            continue
        last = first
        while last < len(tokens) and last - first < 3 and _name_part(tokens[last]):
            last += 1
        spans.append(Span("PLACE", first, last, Place(" ".join(t.text for t in tokens[first:last]), country=span.value.country)))
        covered.update(range(first, last))
    return sorted(spans, key=lambda span: span.start)


def _name_list(tokens: Sequence[Token], first: int, last: int, covered: set[int]) -> Iterator[tuple[int, int]]:
    """A name, and the names listed after it ("the villages of A, B and C")."""
    yield first, last
    position = last
    while position < len(tokens) and tokens[position].lower in (",", "and"):
        begin = position + 1
        if begin < len(tokens) and tokens[begin].lower == "and":
            begin += 1
        end = begin
        while end < len(tokens) and end - begin < 4 and _name_part(tokens[end]):
            end += 1
        if end == begin or begin in covered:
            return
        yield begin, end
        position = end


def _name_part(token: Token) -> bool:
    if token.is_title and token.shape != "X.":
        return not token.lower.endswith(("-held", "-controlled", "-backed", "-led", "-run", "-occupied"))
    head = token.lower.split("-")[0]
    return "-" in token.lower and head in ("al", "el", "ad", "ar", "as", "ash", "an", "ez", "ed", "ul")


def _is_country(place: Place) -> bool:
    return place.name is not None and country_code(place.name) is not None


def _introduced(tokens: Sequence[Token], start: int, floor: int) -> bool:
    """Whether a locative, an attack verb or "targeting" comes shortly before token ``start``."""
    cues = _words("locative") | _words("attack") | {"targeting", "against"}
    for position in range(start - 1, max(floor, start - 6) - 1, -1):
        word = tokens[position].lower
        if word in cues:
            return True
        if word in (",", ";", "by", "and") or tokens[position].shape == "d":
            return False
    return False


def _window_end(tokens: Sequence[Token], end: int) -> int:
    stop = min(len(tokens), end + _REACH)
    for position in range(end, stop):
        word = tokens[position].lower
        if word in (";", "said", "says", "according", "aimed", "while", "who", "whose", "because", "after"):
            return position
        if word in ("which", "that") and not (
            position + 1 < len(tokens) and tokens[position + 1].lower in _words("attack")
        ):
            return position
    return stop


def _places(found: Found) -> list[Place]:
    """The places struck: the first after the match, those listed with it, else the nearest before."""
    tokens, match = found.view.tokens, found.match
    spans = _article_places(found)
    stop = _window_end(tokens, match.end)
    after = [s for s in spans if match.end <= s.start < stop and _introduced(tokens, s.start, match.end)]
    after = [s for s in after if not _container(tokens, s, spans)]
    if not after:
        opening = clause_opening(tokens, match.anchor)
        before = [
            s for s in spans
            if s.end <= match.anchor and _introduced(tokens, s.start, 0) and not _container(tokens, s, spans)
        ]  # fmt: skip
        before = [s for s in before if s.start >= opening]
        return [_placed(before[-1].value, spans)] if before else []
    chosen = [after[0]]
    including = next((i for i in range(after[0].end, stop) if tokens[i].lower == "including"), None)
    if including is not None:
        listed = [s for s in spans if s.start == including + 1 or (s.start > including and s.start < stop)]
        if listed and listed[0].start == including + 1:
            after = chosen = [listed[0]]  # "villages north of X, including A, B and C": the places struck
    for span in spans:
        if span.start <= chosen[-1].start or span.start >= stop:
            continue
        gap = tokens[chosen[-1].end : span.start]
        if _listed(gap):
            chosen.append(span)
        elif len(chosen) == 1 and _is_country(chosen[0].value) and not _is_country(span.value) and len(gap) <= 6 and not any(t.lower in ("and", "near", "from", "to") for t in gap):
            chosen = [span]  # "in Syria, in the northwestern Idlib province": the more specific place
        else:
            break
    weak: set[tuple[int, str | None]] = found.article.__dict__.setdefault("_airstrike_weak", set())
    for span in chosen:
        if _weak(tokens, span.start):
            weak.add((found.sentence.start, _placed(span.value, spans).name))
    return [_placed(span.value, spans) for span in chosen]


def _weak(tokens: Sequence[Token], start: int) -> bool:
    """ "a town in Idlib province": the place holds the one struck, which a later sentence may name."""
    window = [token.lower for token in tokens[max(0, start - 6) : start]]
    for position in range(len(window) - 1):
        if window[position] in ("a", "an") and any(w in _words("settlement") for w in window[position + 1 :]):
            return window[-1] in ("in", "of", "'s") or window[-2:-1] == ["in"] or "in" in window[position:]
    return False


def _container(tokens: Sequence[Token], span: Span, spans: Sequence[Span]) -> bool:
    """
    "Syria's Idlib province", "Yemen's Hajjah": the country that contains the place after it;
    "U.S.-led": no place struck.
    """
    after = tokens[span.end].lower if span.end < len(tokens) else ""
    if after == "-" or after.startswith("-"):
        return True
    return after == "'s" and any(s.start > span.end for s in spans)


def _placed(place: Place, spans: Sequence[Span]) -> Place:
    words_ = (place.name or "").split()
    if len(words_) > 1 and words_[-1].lower() in _words("region_noun"):
        place = Place(" ".join(words_[:-1]), country=place.country)  # "Hajjah province" is Hajjah
    if place.country is not None:
        return place
    countries = [s.value.country for s in spans if _is_country(s.value)]
    return Place(place.name, country=countries[0]) if countries else place


def _listed(gap: Sequence[Token]) -> bool:
    """ "A, B and C", "east of A, north of B, and in C": a list of places."""
    if not gap or gap[0].lower not in (",", "and") or len(gap) > 8:
        return False
    return all(token.lower in (",", "and") or (token.shape == "x" and token.lower != "near") for token in gap)


# --------------------------------------------------------------------------- toll, count, targets


def _killed(found: Found) -> Count | None:
    for match in found.around("toll"):
        for span in match.roles.get("killed", ()):
            end = span.end
            tokens = found.view.tokens
            if end < len(tokens) and tokens[end].lower in ("days", "hours", "weeks", "months", "years", "percent", "%"):
                continue
            count = span.value
            if isinstance(count, Count) and not (count.value >= 1900 and count.qualifier.value == "exact"):
                return count
    return None


def _strikes(found: Found) -> Count | None:
    """ "two air strikes", "hundreds of airstrikes": a count right before the trigger."""
    tokens = found.view.tokens
    spans = found.view.spans_for(frozenset({"COUNT"}))
    for start in range(max(0, found.match.start - 4), found.match.start):
        for span in spans.get(start, ()):
            gap = [t.lower for t in tokens[span.end : found.match.start]]
            if span.kind == "COUNT" and len(gap) <= 2 and all(w in ("of", "air", "drone", "bombing") or _state_of(t) for w, t in zip(gap, tokens[span.end : found.match.start], strict=True)):
                return span.value if isinstance(span.value, Count) else None
    return None


def _phrase(tokens: Sequence[Token], start: int, spans: Sequence[Span], times: frozenset[int]) -> tuple[str, ...]:
    """The words naming a target from token ``start``, split at its list's commas and "and"."""
    places = {index for span in spans for index in range(span.start, span.end)}
    if start >= len(tokens) or start in places or tokens[start].shape in ("d", ".") or tokens[start].lower in _words("stop"):
        return ()
    end = start
    while end < len(tokens) and end - start < 10:
        token = tokens[end]
        if token.lower in _words("stop") or token.text in (";", ".", ":", "(", '"', "—", "–", "-") or end in times:
            break
        if token.text == "," and not (end + 1 < len(tokens) and tokens[end + 1].shape == "x" and tokens[end + 1].lower not in _words("stop")):
            break
        end += 1
    if any(index in places for index in range(start, end)):
        return ()  # "the capital of Raqqa": the place, not a target
    parts: list[list[Token]] = [[]]
    for token in tokens[start:end]:
        if token.lower in (",", "and"):
            parts.append([])
        else:
            parts[-1].append(token)
    return tuple(" ".join(t.text for t in part) for part in parts if part)


def _targets(found: Found) -> tuple[str, ...]:
    tokens, match = found.view.tokens, found.match
    spans = _article_places(found)
    stop = _window_end(tokens, match.end)
    times = frozenset(
        index
        for found_spans in found.view.spans_for(frozenset({"TIME"})).values()
        for span in found_spans
        if span.kind == "TIME"
        for index in range(span.start, span.end)
    )
    for position in range(match.end, stop):
        if tokens[position].lower in _words("target_cue"):
            return _phrase(tokens, position + 1, spans, times)
        if tokens[position].lower in ("directed", "aimed") and position + 1 < stop and tokens[position + 1].lower == "at":
            return _phrase(tokens, position + 2, spans, times)
    last = tokens[match.end - 1].lower
    if found.entry.name == "aircraft" and last not in ("killed", "killing", "kills"):
        after = match.end
        while after < len(tokens) and (tokens[after].lower in _words("strike_noun") or tokens[after].shape == "d"):
            after += 1  # "warplanes launched two bombing raids on X"
        if after > match.end:
            on = after < len(tokens) and tokens[after].lower in ("on", "against")
            return _phrase(tokens, after + 1, spans, times) if on else ()
        return _phrase(tokens, match.end, spans, times)
    if match.end < len(tokens) and tokens[match.end].lower in ("on", "against", "at"):
        return _phrase(tokens, match.end + 1, spans, times)
    verb = match.end + (1 if match.end < len(tokens) and tokens[match.end].lower in ("also", "have", "has", "had") else 0)
    if verb < len(tokens) and tokens[verb].lower in _words("attack") - {"killed", "killing", "kills"}:
        return _phrase(tokens, verb + 1, spans, times)  # "the raid hit a square"
    return ()


# --------------------------------------------------------------------------- events


def build(found: Found) -> Iterator[Airstrike]:
    """The strikes one match states: one per place struck."""
    if _blocked(found):
        return
    places = _places(found)
    attacker = _attacker(found, places)
    if attacker is not None and attacker.kind is ActorKind.COUNTRY:
        places = [p for p in places if not (_is_country(p) and p.country == attacker.country)]
    date = _date(found)
    if not places:
        places, later = _follow_up(found)
        date = date or later
    killed = _killed(found)
    if killed is not None and _disputed(found, killed):
        killed = None
        found.article.__dict__.setdefault("_airstrike_disputed", set()).add(found.sentence.start)
    common = {
        "attacker": attacker,
        "date": date,
        "strikes": _strikes(found),
        "targets": _targets(found),
        "evidence": found.evidence(),
        "source": found.article.source,
    }
    if not places:
        yield Airstrike(location=None, killed=killed, **common)  # type: ignore[arg-type]
        return
    for place in places:
        yield Airstrike(location=place, killed=killed if len(places) == 1 else None, **common)  # type: ignore[arg-type]


def _follow_up(found: Found) -> tuple[list[Place], PartialDate | None]:
    """
    "... the death of their commander in an air strike. He was killed in the town of X last
    month.": the next sentence places a strike that killed someone, when it reports no strike of its own.
    """
    if not any(token.lower in ("death", "killed", "died", "dead") for token in found.view.tokens):
        return [], None
    following = [s for s in found.article.sentences if s.index == found.sentence.index + 1]
    if not following:
        return [], None
    seen = view(found.article, following[0])
    tokens = seen.tokens
    if seen.words & (_words("triggers") | {"bomb", "bombing", "shelling", "suicide", "gunmen", "explosion"}):
        return [], None
    killed = next((i for i, token in enumerate(tokens) if token.lower in ("killed", "died")), None)
    if killed is None:
        return [], None
    spans = _article_places(found, following[0])
    after = [s for s in spans if s.start > killed and _introduced(tokens, s.start, killed) and not _is_country(s.value)]
    if not after:
        return [], None
    start = tokens[killed].start
    dates = [t.date for t in _times(found.article, following[0]) if t.start >= start and t.date is not None]
    return [_placed(after[0].value, spans)], (dates[0] if dates else None)


def _disputed(found: Found, killed: Count) -> bool:
    """
    Another, higher toll for the strike in the next two sentences ("The rebels put the death
    toll at 33"): the toll is in dispute, and none is given (a lower one may be a part of it).
    """
    later = [s for s in found.article.sentences if 0 < s.index - found.sentence.index <= 2]
    for sentence in later:
        text = sentence.text.lower()
        if "toll" not in text and not any(f"the {noun}" in text for noun in ("raid", "strike", "attack", "bombing")):
            continue
        for match in found.around("toll", sentence=sentence):
            for span in match.roles.get("killed", ()):
                if isinstance(span.value, Count) and span.value.value > killed.value:
                    return True
    return False


def _date(found: Found) -> PartialDate | None:
    """The strike's date: the time attached to it, not one that names another event ("Wednesday's attack")."""
    date = found.date()
    if date is not None:
        tokens = found.view.tokens
        spans = [
            span
            for at in found.view.spans_for(frozenset({"TIME"})).values()
            for span in at
            if span.kind == "TIME" and getattr(span.value, "date", None) == date
        ]
        if spans and all(
            span.end + 1 < len(tokens)
            and tokens[span.end].lower == "'s"
            and tokens[span.end + 1].lower not in _words("one_word") | {"strike", "strikes", "raid", "raids"}
            for span in spans
        ):
            date = None
    return date or _later_date(found) or _also_day(found)


def _later_date(found: Found) -> PartialDate | None:
    """ "An air strike on a hospital in the city of X killed 22 people on Saturday": a time later in the strike's clause."""
    tokens, match = found.view.tokens, found.match
    stop = _window_end(tokens, match.end)
    if stop >= len(tokens) or tokens[stop].lower not in ("said", "says"):
        stop = min(stop, len(tokens))
    start, end = tokens[match.end].start if match.end < len(tokens) else 0, tokens[stop - 1].end if stop > match.end else 0
    for span in _times(found.article, found.sentence):
        if start <= span.start and span.end <= end and span.date is not None:
            before = found.article.text[max(found.sentence.start, span.start - 12) : span.start].lower()
            if not any(word in before.split() for word in ("said", "says", "since", "until", "told")):
                return span.date
    return None


def _also_day(found: Found) -> PartialDate | None:
    """
    "Other fronts were also active on Sunday. ... The monitor also reported air strikes": a
    strike reported with "also" shares the day the text last said things also happened on.
    """
    tokens, anchor = found.view.tokens, found.match.anchor
    if not any(token.lower == "also" for token in tokens[clause_opening(tokens, anchor) : anchor]):
        return None
    earlier = [s for s in found.article.sentences if 0 < found.sentence.index - s.index <= 3]
    for sentence in reversed(earlier):
        if " also " not in f" {sentence.text.lower()} ":
            continue
        days = {span.date for span in _times(found.article, sentence) if span.date is not None and span.date.day}
        if len(days) == 1:
            return days.pop()
    return None


def _compatible(first: PartialDate | None, second: PartialDate | None) -> bool:
    if first is None or second is None:
        return True
    a, b = first.isoformat(), second.isoformat()
    return a.startswith(b) or b.startswith(a)


def _flown(event: Airstrike) -> bool:
    """Whether the sentence of a mention names the aircraft ("Israeli warplanes launched strikes")."""
    text = event.evidence.text.lower().split() if event.evidence is not None else []
    return any(word.strip(",.;") in _words("aircraft") for word in text)


def _sentence_of(article: Article, event: Airstrike) -> int | None:
    if event.evidence is None:
        return None
    return next((s.index for s in article.sentences if s.start <= event.evidence.start < s.end), None)


def _fill(
    kept: Airstrike, other: Airstrike, *, place: bool = False, toll: bool = True, date: bool = True
) -> Airstrike:
    """``kept`` with what it lacks taken from ``other`` (and its place, when ``other`` names a more precise one)."""
    changes: dict[str, object] = {}
    names = [n for n in ("attacker", "date", "killed", "strikes", "targets") if (toll or n != "killed") and (date or n != "date")]
    for name in names:
        if getattr(kept, name) in (None, ()) and getattr(other, name) not in (None, ()):
            changes[name] = getattr(other, name)
    if place and other.location is not None:
        changes["location"] = other.location
    return attrs.evolve(kept, **changes, id="") if changes else kept


def _vague(place: Place | None, weak: set[tuple[int, str | None]], event: Airstrike) -> bool:
    if place is None or _is_country(place):
        return True
    return event.evidence is not None and (event.evidence.start, place.name) in weak


def _same_side(first: Actor | None, second: Actor | None) -> bool:
    return first is None or second is None or first.name == second.name


def settle(article: Article, events: Iterable[Airstrike]) -> list[Airstrike]:
    """
    Later mentions refer back: "the raid" places (or completes) the strike reported before; a
    mention with no place of its own, or only the country of a strike placed before, is that strike.
    """
    weak: set[tuple[int, str | None]] = article.__dict__.get("_airstrike_weak", set())
    out: list[Airstrike] = []
    pending = list(events)
    for number, event in enumerate(pending):
        rule = event.evidence.rule if event.evidence is not None else ""
        if rule == "airstrike.the_strike":
            if not out or not _compatible(out[-1].date, event.date):
                continue
            siblings = [e for e in pending[number + 1 :] if e.evidence == event.evidence and e.location is not None]
            last = out[-1]
            if event.location is not None and (_vague(last.location, weak, last) or siblings) and (
                last.location is None or event.location.name != last.location.name
            ):
                # "the strikes, which hit targets in A and B": the strike reported before, in A and in B
                out[-1] = _fill(last, event, place=True)
                for sibling in siblings:
                    out.append(attrs.evolve(_fill(last, sibling, place=True), killed=None, id=""))
                    pending.remove(sibling)
            else:
                disputed = article.__dict__.get("_airstrike_disputed", set())
                out[-1] = _fill(last, event, toll=last.evidence is None or last.evidence.start not in disputed)
            continue
        home = next(
            (
                i for i in range(len(out) - 1, -1, -1)
                if _same_side(out[i].attacker, event.attacker) and _compatible(out[i].date, event.date)
                and (
                    event.location is None
                    or (_is_country(event.location) and not _vague(out[i].location, weak, out[i])
                        and out[i].location is not None and out[i].location.country == event.location.country
                        and event.date is None and event.killed is None)
                )
            ),
            None,
        )  # fmt: skip
        main = rule == "airstrike.aircraft" or (rule == "airstrike.launched_strikes" and _flown(event))
        if home is not None and main and event.attacker is not None and out[home].attacker is not None:
            home = None  # "Israeli warplanes launched strikes in response": a strike of its own
        if home is not None:
            same_sentence = _sentence_of(article, out[home]) == _sentence_of(article, event)
            out[home] = _fill(out[home], event, date=same_sentence)  # a later sentence's time is its own
            continue
        same = next(
            (
                i for i in range(len(out) - 1, -1, -1)
                if event.location is not None and out[i].location is not None
                and out[i].location.name == event.location.name and _compatible(out[i].date, event.date)
                and _same_side(out[i].attacker, event.attacker)
            ),
            None,
        )  # fmt: skip
        if same is not None:
            out[same] = _fill(out[same], event)
            continue
        open_ = next(
            (
                i for i in range(len(out) - 1, -1, -1)
                if out[i].location is None and _same_side(out[i].attacker, event.attacker)
                and _compatible(out[i].date, event.date)
            ),
            None,
        )  # fmt: skip
        noun = rule in ("airstrike.noun", "airstrike.state_strike", "airstrike.strike_by_aircraft")
        single = sum(1 for e in pending if e.evidence == event.evidence) == 1
        if open_ is not None and noun and single:
            # "... killed in an American drone strike. ... in a drone strike in a province of X": that strike, placed
            out[open_] = _fill(out[open_], event, place=True)
            continue
        out.append(event)
    return out


SPEC = Spec(
    Airstrike, "airstrike", build, blocking=frozenset({"modal", "negation", "refusal"}), excludes="excludes"
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
    for event in settle(article, [event for event in find(article, SPEC) if isinstance(event, Airstrike)]):
        if event.location is None:
            home = event.attacker.country if event.attacker is not None else None
            main = _main_place(article, home)
            if main is not None:
                event = attrs.evolve(event, location=main, id="")
        yield event


def _main_place(article: Article, home: str | None) -> Place | None:
    """
    The place the article is about (named three times or more; not the attacker's own
    country): where a strike it reports without a place of its own happened.
    """
    cache_: dict[str | None, Place | None] = article.__dict__.setdefault("_airstrike_main", {})
    if home in cache_:
        return cache_[home]
    counts: dict[str | None, int] = {}
    first: dict[str | None, Place] = {}
    for sentence in article.sentences:
        for span in place_spans(view(article, sentence).tokens):
            place = span.value
            if not isinstance(place, Place) or (_is_country(place) and place.country == home):
                continue
            counts[place.name] = counts.get(place.name, 0) + 1
            first.setdefault(place.name, place)
    best = max(counts, key=lambda name: counts[name], default=None)
    cache_[home] = first[best] if best is not None and counts[best] >= 3 else None
    return cache_[home]
