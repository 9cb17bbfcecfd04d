"""
The Airstrike recogniser: attacks from the air (warplanes, helicopters, drones).

Rules (each event's ``evidence.rule`` names the one that created it):

- ``airstrike.noun``: "air strikes", "airstrikes", "air raids", "drone strike", "bombing
  raids", "American strikes" (a demonym before "strikes").
- ``airstrike.aircraft``: an aircraft with an attack verb in the same clause ("American
  warplanes on Saturday struck", "Russian jets have been bombing", "fighter jets to bomb").

Later mentions refer back: "the raid hit a square in the town of X on Monday" and "the
strikes at a training facility in X" name the place (and day) of the strike reported
before, when that one gave only a country or "a town in ..." (corpus Clarification 5).
One report naming several places ("east of Damascus, north of Homs, and in Deraa")
gives one event per place. A mention with no attack verb and no place of its own
("criticized previous Israeli airstrikes") is the campaign already reported.

Not strikes: artillery shelling, car and suicide bombs, rockets and missile launches,
"simulated attack passes", labour or hunger strikes, and planned, proposed, threatened,
denied or hypothetical strikes (words in ``data/aerial_triggers.tsv`` of kind ``block``,
and the shared modal and negation cues).

Slots: the attacker is the state of a demonym or country named with the strike
("Russian warplanes" is Russia; Clarification 4), the subject that "launched air
strikes" (a coalition as the text names it), or the state of the struck country for
"government forces"; the location is a `Place` with the place's name and, when known,
its country; ``killed`` the first toll stated ("at least 63 people ... have died");
``strikes`` the number of strikes ("hundreds of airstrikes" is ``Count(100, ORDER)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

import attrs

from newsevents import dates
from newsevents.events import Airstrike
from newsevents.model import Actor, ActorKind, Count, PartialDate, Place
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import Cast, country_code, country_of, is_demonym
from newsevents.parsing.article import Article, Sentence, evidence_for, table, words
from newsevents.parsing.clauses import clause_end, clause_start, cues, sentence_expressions
from newsevents.parsing.gazetteer import place_country
from newsevents.parsing.numbers import find_counts

__all__ = ["find_airstrikes", "place_country", "sentence_times"]


# --------------------------------------------------------------------------- lexicon


@cache
def _lexicon() -> dict[str, tuple[str, ...]]:
    by_kind: dict[str, list[str]] = {}
    for row in table("aerial_triggers.tsv"):
        if len(row) >= 2:
            by_kind.setdefault(row[1], []).append(row[0])
    return {kind: tuple(sorted(found, key=len, reverse=True)) for kind, found in by_kind.items()}


@cache
def _words_re(kind: str) -> re.Pattern[str]:
    phrases = _lexicon().get(kind, ())
    body = "|".join(re.escape(phrase).replace(r"\ ", r"[\s-]+") for phrase in phrases)
    # a lookahead on the first letters skips most positions before trying the alternation (2x faster),
    # on the first two when every phrase starts with two letters (the second class is a cheap test too)
    first = re.escape("".join(sorted({phrase[0].lower() for phrase in phrases if phrase})))
    lookahead = f"[{first}]"
    if phrases and all(len(phrase) > 1 and phrase[1].isalpha() for phrase in phrases):
        lookahead += "[" + re.escape("".join(sorted({phrase[1].lower() for phrase in phrases}))) + "]"
    return re.compile(rf"(?<![\w-])(?={lookahead})(?:{body})(?![\w-])", re.IGNORECASE)


#: Bounds that keep the work linear in the text on adversarial input: no news sentence
#: reports more strikes than this, and no article more mentions.
_MAX_PER_SENTENCE = 8
_MAX_TRIGGERS = 24
_MAX_MENTIONS = 200
#: The cheap trigger pass: lower-case keywords found with str.find, then a confirming pattern.
_KEYWORDS = (
    "strike",
    "raid",
    "warplane",
    "jet",
    "bomb",
    "aircraft",
    "drone",
    "helicopter",
    "gunship",
    "air force",
)


@cache
def _confirm() -> re.Pattern[str]:
    parts = [_words_re(kind).pattern for kind in ("noun", "aircraft", "anaphor")]
    # every alternative starts a word: testing that once, first, spares trying each one inside
    # words (the same matches, about 1.7x faster)
    return re.compile(
        r"(?<!\w)(?:"
        + "|".join(parts)
        + r"|(?-i:\b[A-Z][\w.]*)\s+(?:strikes|raids|strike\s+(?:on|against|killed|hit))\b"
        + r"|\bstrikes?\s+by\s+(?:the\s+)?(?-i:[A-Z]))",
        re.IGNORECASE,
    )


#: Moved to the shared layer; still importable from here for the modules that import them.
sentence_times = sentence_expressions


_DEMONYM_STRIKES = re.compile(
    r"\b(?P<who>[A-Z][\w.]*)\s+(?:(?:strikes|raids)\b|(?:military\s+)?strikes?(?=\s+(?:on|against)"
    r"\s+(?:an?|the|two|three|several)\s)|strikes?(?=\s+(?:killed|hit|destroyed|targeted)\b))"
)
_STRIKE_BY = re.compile(
    r"\b(?:strikes?|raids?)\s+by\s+(?:the\s+)?(?P<who>[A-Z][\w.-]*)\s+(?:military\s+)?"
    r"(?:aircraft|warplanes|war\s+planes|jets|fighter\s+jets|drones?|helicopters|air\s+force|bombers)\b"
)
#: Words of labour disputes: a "French strike on the railways" is a walkout.
_LABOUR = re.compile(r"\b(?:workers|unions?|walkouts?|pay|pensions?|wages?|staff|employees)\b", re.IGNORECASE)
# A capitalised name of up to four words ("Deir al-Zor"), stopping at a possessive ("Syria's").
_NAME_TOKEN = r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*"
_CAP = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:al|el|ad|ar|as|ash|an)-)?{_NAME_TOKEN}){{0,3}}(?:['’]s\b)?")
_LOCATIVE = re.compile(
    r"\b(?:in|on|at|near|around|into|across|over|outside|of|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.-]*['’]s\s+)?(?:[a-z-]+\s+){0,2}$"
)
#: "the town of X": X is a place even when it looks like a person's name.
_SETTLEMENT = re.compile(
    r"\b(?:town|village|city|province|district|region|capital|camp|area|neighbourhood|neighborhood|suburb"
    r"|port|governorate|towns|villages|cities|provinces|districts|areas|camps|neighbourhoods|neighborhoods"
    r"|suburbs)\s+of\s+$"
)
_HELD_ADJECTIVE = re.compile(r"-(?:held|controlled|led|backed|run|occupied|allied|dominated)$", re.IGNORECASE)
_WEAK = re.compile(
    r"\ban?\s+(?:[a-z-]+\s+){0,2}(?:town|village|city|camp|area|district|province|region|facility|base)s?\s+"
    r"(?:in|of)\s+(?:[\w'’-]+\s+){0,3}$|\bareas\s+(?:[a-z]+\s+)?$",
)
_KILLED_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:killed|dead|died|have\s+died|lost\s+their\s+lives)\b", re.IGNORECASE
)
_OTHER_ATTACK = re.compile(
    r"\b(?:bomb|bombs|bombing|blast|explosion|shooting|gunmen|gunman|suicide|shelling|rocket|rockets|"
    r"separately|clashes|ambush)\b",
    re.IGNORECASE,
)
_PREFILTER_WORDS = re.compile(r"\b(?:strikes?|raids?|airstrikes?)\b", re.IGNORECASE)
_KILL_WORD = re.compile(r"kill|dead|died|death|lives", re.IGNORECASE)
_KILLED_BEFORE = re.compile(
    r"\b(?:killing|killed|kills|kill|death\s+toll\s+(?:\w+\s+){0,3}?(?:to|of|at))\s+$", re.IGNORECASE
)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:days?|hours?|weeks?|months?|years?|times|percent|%|km|miles)\b", re.IGNORECASE
)
_GOVERNMENT = re.compile(
    r"\b(?:government|regime|state)\s+(?:forces|troops|aircraft|warplanes|jets)\b", re.IGNORECASE
)
_LED = re.compile(r"(?P<who>\b[\w.’'-]+-led\s+(?:[a-z]+\s+)?coalition)\s+(?:[a-z]+\s+){0,2}$")
_LED_AIRCRAFT = re.compile(
    r"(?<![\w-])(?P<who>[A-Z][\w.’'-]*-led)\s+(?:warplanes|jets|aircraft|fighter\s+jets|air\s+strikes|airstrikes|raids)\b"
)
_BY = re.compile(
    r"\s*(?:(?:believed|thought|said|suspected|likely|reported)\s+to\s+(?:be|have\s+been)\s+)?"
    r"(?:(?:carried\s+out|launched|conducted|flown|mounted)\s+)?by\s+(?P<who>(?:[^,.;]|\.(?=[\w-])){1,60})",
    re.IGNORECASE,
)
#: "The U.S. military said its aircraft had carried out the strike": the speaker owns the aircraft.
_SAID_ITS = re.compile(
    r"(?P<who>\b[A-Z][\w.]*(?:\s+(?:military|army|air\s+force|armed\s+forces|defen[cs]e\s+ministry))?)\s+"
    r"(?:said|says|confirmed|acknowledged|admitted)\s+(?:that\s+)?(?:its|their)\s+(?:own\s+)?$",
)
_SUBJECT_VERB = re.compile(
    r"\b(?:has|have|had)?\s*(?:launched|conducted|carried\s+out|stepped\s+up|begun|began|mounted)\s+"
    r"(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)
_STATE_AIRCRAFT = re.compile(
    r"^(?:(?:an?|the)\s+)?(?P<who>[A-Z][\w.]*)\s+(?:military\s+|army\s+|air\s+force\s+)?"
    r"(?:aircraft|warplanes|war\s+planes|jets|fighter\s+jets|drones|helicopters|bombers|air\s+force)\b",
    re.IGNORECASE,
)
#: Aircraft models: "F-16", "MiG-29", "Su-24", "MQ-9".
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d{1,3}[A-Za-z]?s?")
#: A name followed by one of these names a group, not a place: "members of the Haqqani network".
_GROUP_AFTER = re.compile(
    r"\s+(?:network|group|movement|militia|militias|militants|fighters|party|faction|brigades?|organi[sz]ation"
    r"|front|rebels|insurgents|forces|leaders?|commanders?|members|supporters|loyalists)\b"
)
_GROUP_HEAD = re.compile(r"\b(?:coalition|alliance|forces|army|military|air\s+force|navy)\s*$", re.IGNORECASE)
_TARGETING = re.compile(r"\btargeting\s+(?P<what>[^,.;]{3,120})", re.IGNORECASE)
_SPECIFIC_GAP = re.compile(r"^(?:'s|’s)?[\s,]*(?:in\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z]+\s+){0,5}$")


# --------------------------------------------------------------------------- mentions


@attrs.define
class _Mention:
    sentence: Sentence
    rule: str
    start: int
    end: int
    kind: str  # "main" (an attack verb or a new noun), "noun", "anaphor"
    attacker: Actor | None
    places: list[tuple[str, bool]]  # (name, weak)
    region: str | None  # the country the window names ("in Syria's Idlib province"), for places without one
    date: PartialDate | None
    killed: Count | None
    strikes: Count | None
    targets: tuple[str, ...]


def _blocked(article: Article, sentence: Sentence, start: int) -> bool:
    """Whether the words before a trigger make the strike planned, denied or hypothetical."""
    begin = clause_start(sentence, start)
    if cues(article.text[begin:start]) & {"modal", "negation"}:
        return True
    reach = max(sentence.start, start - 80)
    return _words_re("block").search(article.text, reach, start) is not None


#: A relative clause that goes on to say where the strike hit: "..., which hit targets in A and B".
_STRUCK_AFTER = re.compile(r"\s+(?:hit|struck|targeted|destroyed|pounded)\b", re.IGNORECASE)


def _window_end(article: Article, sentence: Sentence, end: int) -> int:
    """Where the stretch naming the struck place ends: the next clause, aim or purpose."""
    stop = sentence.end
    cut = _words_re("cut").search(article.text, end, stop)
    if cut is not None and _STRUCK_AFTER.match(article.text, cut.end()) is None:
        stop = cut.start()
    said = re.compile(r",\s+(?:the\s+)?[A-Z][^,]{0,60}?\s+(?:said|says|reported)\b").search(
        article.text, end, stop
    )
    return said.start() if said is not None else stop


def _places_in(article: Article, cast: Cast, start: int, end: int) -> list[tuple[str, bool, int, int]]:
    """Places named in ``text[start:end]``: (name, weak, start, end)."""
    text = article.text
    nonnames = words("capitalised_nonnames.txt")
    found: list[tuple[str, bool, int, int]] = []
    listed = False  # whether the last name taken opens a list of settlements ("the towns of A, B and C")
    for match in _CAP.finditer(text, start, end):
        name = match.group()
        possessive = name.endswith(("'s", "’s"))
        name = name[:-2] if possessive else name
        if not name or is_demonym(name.split()[0]) or name.split()[0] in nonnames:
            continue
        if _HELD_ADJECTIVE.search(name):
            continue  # "the Houthi-held city of Dhamar": the adjective names no place
        if _GROUP_AFTER.match(text, match.start() + len(name)) and country_code(name) is None:
            continue  # "members of the Haqqani network"
        if possessive and country_code(name) is not None:
            continue  # "Syria's northwestern Idlib province": the country contains the place
        before = text[max(start - 40, 0, match.start() - 60) : match.start()]
        code = country_code(name)
        weak_place = _WEAK.search(before) is not None
        if (
            listed
            and found
            and code is None
            and not possessive
            and _LIST_GAP.match(text[found[-1][3] : match.start()]) is not None
        ):
            found.append((name, found[-1][1], match.start(), match.start() + len(name)))
            continue
        listed = _SETTLEMENT.search(before) is not None and before.rstrip().endswith("s of")
        if code is not None:
            found.append((name, True, match.start(), match.start() + len(name)))
        elif place_country(name) is not None:
            found.append((name, weak_place, match.start(), match.start() + len(name)))
        elif (
            _LOCATIVE.search(before)
            and not possessive
            and (cast.person(name) is None or _SETTLEMENT.search(before) is not None)
        ):
            if any(part in words("org_words.txt") for part in name.split()):
                continue
            found.append((name, weak_place, match.start(), match.start() + len(name)))
    return found


def _coordinated(article: Article, places: list[tuple[str, bool, int, int]]) -> list[tuple[str, bool]]:
    """The first place, and those listed with it ("east of Damascus, north of Homs, and Deraa")."""
    if not places:
        return []
    chosen = [places[0]]
    for place in places[1:]:
        gap = article.text[chosen[-1][3] : place[2]]
        if _LIST_GAP.match(gap) and " near " not in f" {gap} ":
            chosen.append(place)
        else:
            break
    if len(chosen) == 1 and country_code(chosen[0][0]) is not None:
        # "in Syria, in the northwestern Idlib province": the most specific place
        strong = [p for p in places[1:] if country_code(p[0]) is None]
        if strong and _SPECIFIC_GAP.match(article.text[chosen[0][3] : strong[0][2]]):
            chosen = [strong[0]]
    return [(name, weak) for name, weak, _, _ in chosen]


def _state(word: str) -> Actor | None:
    code = country_code(word)
    if code is None and not word.endswith(".") and "." in word:
        code = country_code(word + ".")  # "U.S" after stripping the stop of "U.S."
    return Actor.state(code) if code is not None else None


def _named_before(before: list[str]) -> Actor | None:
    """
    The state (or coalition) named in the words just before a trigger, across modifiers:
    "Russian warplanes", "a US air strike", "previous Israeli airstrikes", "Iraqi F-16 jets".
    """
    for index in range(len(before) - 1, max(len(before) - 5, -1), -1):
        word = before[index]
        state = _state(word.strip(",.;:“”\"'"))
        if state is not None:
            if index >= 2 and before[index - 1] == "and":
                first = _state(before[index - 2].strip(",.;:“”\"'"))
                if first is not None:
                    return first  # "Syrian and Russian warplanes": the first named
            return state
        if word.lower() == "coalition" and index == len(before) - 1:
            return Actor.group("coalition")  # "Coalition aircraft destroyed ...": the text's name for it
        if word.lower() not in _lexicon().get("modifier", ()) and not _DESIGNATION.fullmatch(word):
            break
    return None


def _attacker(
    article: Article, sentence: Sentence, start: int, end: int, places: list[tuple[str, bool]]
) -> Actor | None:
    text = article.text
    # "Russian warplanes", "a US air strike", "previous Israeli airstrikes"
    before_text = text[max(sentence.start, start - 40) : start]
    led = _LED.search(before_text)
    if led is not None:
        return Actor.group(led.group("who"))
    led_aircraft = _LED_AIRCRAFT.search(text, max(sentence.start, start - 30), end)
    if led_aircraft is not None:
        return Actor.group(f"{led_aircraft.group('who')} coalition")
    named_before = _named_before(before_text.split())
    if named_before is not None:
        return named_before
    after = text[end : min(sentence.end, end + 90)]
    # "air strikes by the coalition", "strikes carried out by government forces"; not "a hospital run by MSF"
    by = _BY.match(after)
    if by is not None:
        who = by.group("who")
        led = _LED.search(who + " ")
        if led is not None or re.search(r"-led\s+(?:[a-z]+\s+)?coalition", who):
            named = re.search(r"[\w.’'-]+-led\s+(?:[a-z]+\s+)?coalition", who)
            if named is not None:
                return Actor.group(named.group())
        if _GOVERNMENT.search(who) and places:
            code = country_code(places[0][0]) or place_country(places[0][0])
            if code is None:
                code = country_of(sentence.text)
            return Actor.state(code) if code is not None else None
        code = country_of(who)
        if code is not None:
            return Actor.state(code)
    believed = re.match(r"\s+believed\s+to\s+be\s+(\w+)", after) or re.search(
        r"\s+believed\s+to\s+be\s+(\w+)", text[start:end]
    )
    if believed is not None:
        state = _state(believed.group(1))
        if state is not None:
            return state
    # "Israel has conducted hundreds of airstrikes", "An Arab military coalition has launched air strikes"
    head = text[clause_start(sentence, start) : start]
    said_its = _SAID_ITS.search(before_text)
    if said_its is not None:
        state = _state(said_its.group("who").split()[0])
        if state is not None:
            return state
    # "Israeli aircraft killed five militants in an air strike": the state that flies the aircraft
    flown = _STATE_AIRCRAFT.search(head)
    if flown is not None:
        state = _state(flown.group("who"))
        if state is not None:
            return state
    verb = _SUBJECT_VERB.search(head)
    if verb is not None:
        subject = head[: verb.start()].strip(" ,")
        # "The U.S. military said it conducted an airstrike": "it" is the speaker
        subject = re.sub(r"\s+(?:said|says|announced|confirmed)\s+(?:that\s+)?(?:it|they)$", "", subject)
        subject = re.sub(r"^(?:an?|the)\s+", "", subject, flags=re.IGNORECASE)
        state = _state(subject)
        if state is not None:
            return state
        if _GROUP_HEAD.search(subject) and 0 < len(subject) <= 60:
            code = country_of(subject)
            if code is not None and len(subject.split()) <= 2:
                return Actor.state(code)
            return Actor.group(subject)
    return None


def _killed(article: Article, sentence: Sentence) -> Count | None:
    """The toll a sentence states, read once per sentence (several mentions share it)."""
    cache_: dict[int, Count | None] = article.__dict__.setdefault("_newsevents_tolls", {})
    if sentence.start not in cache_:
        cache_[sentence.start] = _read_killed(article, sentence)
    return cache_[sentence.start]


def _read_killed(article: Article, sentence: Sentence) -> Count | None:
    text = article.text
    if _KILL_WORD.search(sentence.text) is None:
        return None
    for found in find_counts(sentence.text):
        absolute = sentence.start + found.end
        after = text[absolute : sentence.end]
        if _NOT_PEOPLE.match(after) or (found.count.value >= 1900 and found.count.exact):
            continue
        before = text[max(sentence.start, sentence.start + found.start - 30) : sentence.start + found.start]
        if _KILLED_BEFORE.search(before) or _KILLED_AFTER.match(after):
            lead = after[:40].lower()
            if "wounded" in lead.split("killed")[0] or "injured" in lead.split("killed")[0]:
                continue
            return found.count
    return None


def _strikes(article: Article, sentence: Sentence, start: int) -> Count | None:
    before = article.text[max(sentence.start, start - 30) : start]
    for found in find_counts(before):
        tail = before[found.end :]
        if re.fullmatch(r"\s+(?:of\s+)?(?:\w+\s+)?", tail):
            return found.count
    return None


_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|reported|announced|added)\s+(?:on\s+)?(?=\w+$)")


def _date(article: Article, sentence: Sentence, start: int, end: int) -> PartialDate | None:
    text = article.text
    begin = clause_start(sentence, start)
    stop = max(clause_end(sentence, end), _window_end(article, sentence, end))
    best: tuple[int, dates.TimeExpression] | None = None
    for expression in sentence_times(article, sentence):
        e_start = sentence.start + expression.start
        e_end = sentence.start + expression.end
        if e_start < begin or e_end > stop:
            continue
        if re.search(
            r"\b(?:said|says|told|reported|announced|added)\s+(?:on\s+)?$",
            text[max(0, e_start - 14) : e_start],
        ):
            continue
        distance = start - e_end if e_end <= start else e_start - end
        if best is None or distance < best[0]:
            best = (distance, expression)
    if best is None and re.match(r"\s*and\s", text[begin:start]):
        # "... bombarded towns on Sunday, and warplanes struck Douma": the coordinated clause's day
        before = [
            e
            for e in sentence_times(article, sentence)
            if sentence.start + e.end <= begin and e.kind in ("weekday", "day", "date")
        ]
        if before and not _REPORTED_BEFORE.search(text, max(0, sentence.start + before[-1].start - 14)):
            best = (0, before[-1])
    return None if best is None else best[1].resolve(article.published, direction="past")


def _targets(article: Article, sentence: Sentence, end: int) -> tuple[str, ...]:
    found = _TARGETING.search(article.text, end, sentence.end)
    if found is None:
        return ()
    parts = re.split(r"\s+and\s+", found.group("what").strip())
    return tuple(part.strip() for part in parts if part.strip())


def _region(article: Article, start: int, end: int) -> str | None:
    """The first country named (or implied by a known place) in ``text[start:end]``."""
    for match in _CAP.finditer(article.text, start, end):
        name = match.group().removesuffix("'s").removesuffix("’s")
        if is_demonym(name.split()[0]):
            continue
        code = country_code(name) or place_country(name)
        if code is not None:
            return code
    return None


def _mention(
    article: Article, cast: Cast, sentence: Sentence, start: int, end: int, *, rule: str, kind: str
) -> _Mention:
    window_end = _window_end(article, sentence, end)
    places = _coordinated(article, _places_in(article, cast, end, window_end))
    region = _region(article, end, window_end)
    return _Mention(
        sentence=sentence,
        rule=rule,
        start=start,
        end=end,
        kind=kind,
        attacker=_attacker(article, sentence, start, end, places),
        places=places,
        region=region,
        date=_date(article, sentence, start, end),
        killed=_killed(article, sentence),
        strikes=_strikes(article, sentence, start),
        targets=_targets(article, sentence, end),
    )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t-":
        position += 1
    return position


def _civil(article: Article, sentence: Sentence, aircraft: re.Match[str], verb: re.Match[str]) -> bool:
    """
    Whether "jet hit", "helicopter struck" may be a crash or an airliner rather than a strike:
    an aircraft word that also names civil aircraft, with a verb that also means a collision,
    and no military word or state before it.
    """
    lexicon = _lexicon()
    before = article.text[max(sentence.start, aircraft.start() - 40) : aircraft.start()]
    if any(word.lower() in lexicon.get("civil_modifier", ()) for word in before.split()[-2:]):
        return True  # "a delivery drone hit a tree", "suicide bombers attacked", "a passenger jet"
    if aircraft.group().lower() not in lexicon.get("civil", ()):
        return False
    if verb.group().lower() not in lexicon.get("ambiguous_verb", ()):
        return False
    if _words_re("military").search(before):
        return False
    return not any(_state(word.strip(",.;:“”\"'")) is not None for word in before.split()[-3:])


def _mentions(article: Article, cast: Cast, sentence: Sentence) -> Iterator[_Mention]:
    text = article.text
    taken: list[tuple[int, int]] = []
    for noun in islice(_words_re("noun").finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        taken.append((noun.start(), noun.end()))
        if _blocked(article, sentence, noun.start()) or _words_re("not_after").match(
            text, _skip_space(text, noun.end())
        ):
            continue
        before = text[max(sentence.start, noun.start() - 6) : noun.start()].lower()
        kind = "anaphor" if re.search(r"\bthe\s+$", before) else "noun"
        verb_before = _SUBJECT_VERB.search(text[clause_start(sentence, noun.start()) : noun.start()])
        if verb_before is not None and kind == "noun":
            kind = "main"
        yield _mention(article, cast, sentence, noun.start(), noun.end(), rule="airstrike.noun", kind=kind)
    # aircraft with an attack verb in the same clause
    for aircraft in islice(_words_re("aircraft").finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        if any(a <= aircraft.start() < b for a, b in taken):
            continue
        stop = min(clause_end(sentence, aircraft.end()), aircraft.end() + 60)
        verb = _words_re("verb").search(text, aircraft.end(), max(stop, aircraft.end()))
        if verb is None or any(a <= verb.start() < b for a, b in taken):
            continue
        taken.append((aircraft.start(), verb.end()))
        if _blocked(article, sentence, aircraft.start()) or _civil(article, sentence, aircraft, verb):
            continue
        gap = re.sub(r"\bbelieved\s+to\s+be\s+\w+", "", text[aircraft.end() : verb.start()])
        if cues(gap) & {"modal", "negation"}:
            continue  # "its jets would strike again", "the jets did not hit"
        if re.search(
            r"\b(?:the|these|those)\s+$", text[max(sentence.start, aircraft.start() - 8) : aircraft.start()]
        ):
            kind = "anaphor"
        else:
            kind = "main"
        yield _mention(
            article, cast, sentence, aircraft.start(), verb.end(), rule="airstrike.aircraft", kind=kind
        )
    for found in islice(_STRIKE_BY.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        # "A strike by Israeli aircraft on a house in Gaza"
        if any(a <= found.start() < b for a, b in taken) or _state(found.group("who")) is None:
            continue
        taken.append((found.start(), found.end()))
        if _blocked(article, sentence, found.start()):
            continue
        mention = _mention(
            article, cast, sentence, found.start(), found.end(), rule="airstrike.noun", kind="noun"
        )
        mention.attacker = mention.attacker or _state(found.group("who"))
        yield mention
    for found in islice(_DEMONYM_STRIKES.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        if any(a <= found.start() < b for a, b in taken) or _state(found.group("who")) is None:
            continue
        if _LABOUR.search(sentence.text):
            continue
        if _blocked(article, sentence, found.start()):
            continue
        mention = _mention(
            article, cast, sentence, found.start(), found.end(), rule="airstrike.noun", kind="noun"
        )
        if mention.attacker is None:
            mention.attacker = _state(found.group("who"))  # "An Israeli strike on a house"
        yield mention
    for anaphor in islice(_words_re("anaphor").finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
        if any(a <= anaphor.start() < b or a < anaphor.end() <= b for a, b in taken):
            continue
        yield _mention(
            article, cast, sentence, anaphor.start(), anaphor.end(), rule="airstrike.anaphor", kind="anaphor"
        )


# --------------------------------------------------------------------------- events


@attrs.define
class _Strike:
    mention: _Mention
    attacker: Actor | None
    place: str | None
    weak: bool
    date: PartialDate | None
    killed: Count | None
    strikes: Count | None
    targets: tuple[str, ...]
    region: str | None


def _level(name: str, weak: bool) -> int:
    """How vague a place is: 2 a country, 1 "a town in ...", 0 a named place."""
    if country_code(name) is not None:
        return 2
    return 1 if weak else 0


def _compatible(first: PartialDate | None, second: PartialDate | None) -> bool:
    if first is None or second is None:
        return True
    a, b = first.isoformat(), second.isoformat()
    return a.startswith(b) or b.startswith(a)


def _same_side(first: Actor | None, second: Actor | None) -> bool:
    return first is None or second is None or first.name == second.name


def _new(mention: _Mention, place: str | None, weak: bool) -> _Strike:
    return _Strike(
        mention,
        mention.attacker,
        place,
        weak,
        mention.date,
        mention.killed,
        mention.strikes,
        mention.targets,
        mention.region,
    )


def _fill(strike: _Strike, mention: _Mention, *, date: bool = True) -> None:
    strike.attacker = strike.attacker or mention.attacker
    if date:
        strike.date = strike.date or mention.date
    strike.killed = strike.killed or mention.killed
    strike.strikes = strike.strikes or mention.strikes
    strike.targets = strike.targets or mention.targets
    strike.region = strike.region or mention.region


def _inside(strikes: list[_Strike], mention: _Mention, name: str) -> _Strike | None:
    """An earlier strike placed inside the country ``name`` names, on the same side, or None."""
    code = country_code(name)
    if code is None or mention.date is not None or mention.killed is not None:
        return None
    for strike in reversed(strikes):
        if strike.place is None or country_code(strike.place) is not None:
            continue
        if (place_country(strike.place) or strike.region) == code and _same_side(
            strike.attacker, mention.attacker
        ):
            return strike
    return None


def _merge(mentions: list[_Mention]) -> list[_Strike]:
    strikes: list[_Strike] = []
    for mention in mentions:
        if mention.kind == "anaphor":
            if not strikes:
                continue
            last = strikes[-1]
            if not _compatible(last.date, mention.date):
                continue
            if mention.places and len(mention.places) == 1:
                name, weak = mention.places[0]
                if last.place is None or _level(name, weak) < _level(last.place, last.weak):
                    last.place, last.weak = name, weak
            elif len(mention.places) > 1 and all(
                last.place is None
                or (name != last.place and _level(name, weak) <= _level(last.place, last.weak))
                for name, weak in mention.places
            ):
                # "the strikes, which hit targets in Khan Younis and Rafah": one strike per place
                _fill(last, mention)
                (last.place, last.weak), rest = mention.places[0], mention.places[1:]
                last.mention = mention
                for name, weak in rest:
                    strikes.append(_new(mention, name, weak))
                    strikes[-1].attacker, strikes[-1].date = last.attacker, last.date
                continue
            _fill(last, mention)
            continue
        if not mention.places:
            home = next(
                (
                    s
                    for s in reversed(strikes)
                    if _same_side(s.attacker, mention.attacker) and _compatible(s.date, mention.date)
                ),
                None,
            )
            if home is not None and (
                mention.kind != "main" or home.attacker is None or mention.attacker is None
            ):
                own_time = mention.kind == "main" and mention.sentence.index != home.mention.sentence.index
                _fill(home, mention, date=not own_time)
                continue
            strikes.append(_new(mention, None, False))
            continue
        several = len(mention.places) > 1
        for name, weak in mention.places:
            same = next((s for s in strikes if s.place == name), None)
            if same is not None and _compatible(same.date, mention.date):
                _fill(same, mention)
                continue
            open_ = next(
                (
                    s
                    for s in reversed(strikes)
                    if s.place is None
                    and _same_side(s.attacker, mention.attacker)
                    and _compatible(s.date, mention.date)
                ),
                None,
            )
            if open_ is not None and len(mention.places) == 1 and mention.kind != "main":
                open_.place, open_.weak = name, weak
                _fill(open_, mention)
                continue
            inside = _inside(strikes, mention, name) if mention.kind == "noun" and not several else None
            if inside is not None:
                # "Washington rarely comments on drone strikes in Pakistan" after a strike in North
                # Waziristan: the country of a strike already placed, not a new strike
                _fill(inside, mention)
                continue
            strikes.append(_new(mention, name, weak))
            if several:
                strikes[-1].killed = None  # "hit A, B and C, killing at least 18": the toll of all three
    return strikes


def _follow_up(article: Article, cast: Cast, strike: _Strike) -> None:
    """
    Place a strike that killed someone from the next sentence ("X had been killed ... in
    the port city of Mukalla last month"), with that sentence's date.
    """
    sentence = strike.mention.sentence
    if not re.search(r"\b(?:death|killed|died|dead)\b", sentence.text, re.IGNORECASE):
        return
    following = [s for s in article.sentences if s.index == sentence.index + 1]
    if not following:
        return
    nxt = following[0]
    killed = re.search(r"\b(?:killed|died)\b", nxt.text)
    if killed is None or _OTHER_ATTACK.search(nxt.text) or _PREFILTER_WORDS.search(nxt.text):
        return  # another attack, or a strike of its own (read by its own mention)
    absolute = nxt.start + killed.end()
    places = [p for p in _places_in(article, cast, absolute, nxt.end) if not p[1]]
    if not places:
        return
    strike.place, strike.weak = places[0][0], False
    if strike.date is None:
        for expression in sentence_times(article, nxt):
            if nxt.start + expression.start >= absolute:
                strike.date = expression.resolve(article.published, direction="past")
                break


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_SOURCE = re.compile(r"\b(?:said|says|according\s+to|reported|claimed|told)\b", re.IGNORECASE)
#: A sentence that speaks of the strike just reported.
_SAME_STRIKE = re.compile(
    r"\b(?:the|that|this)\s+(?:air\s+)?(?:raid|strike|airstrike|attack|bombing|bombardment)\b", re.IGNORECASE
)
#: Another source's toll: "Civil defence workers put the death toll at 25".
_OTHER_TOLL = re.compile(
    r"\b(?:put|puts|putting|placed|places|gave|gives|estimated|estimates)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:death\s+)?toll\s+(?:at|as)\s+",
    re.IGNORECASE,
)


def _conflicting_toll(article: Article, strike: _Strike) -> bool:
    """
    Whether one of the next two sentences gives another toll for the strike ("Civil defence
    workers put the death toll at 25", "The Taliban said 45 civilians had died in the raid"):
    then the toll is in dispute (Clarification 6).
    """
    killed = strike.killed
    if killed is None:
        return False
    index = strike.mention.sentence.index
    text = article.text
    for other in article.sentences:
        if other.index <= index:
            continue
        if other.index > index + 2:
            break
        found = _OTHER_TOLL.search(text, other.start, other.end)
        if found is not None:
            counts = find_counts(text[found.end() : other.end])
            if counts and counts[0].start == 0 and counts[0].count.value != killed.value:
                return True
        elif _SAME_STRIKE.search(other.text) and _SOURCE.search(other.text):
            # a higher toll from a source ("The Taliban said 45 civilians had died in the raid");
            # a lower one may be a part ("the strike killed three children")
            toll = _killed(article, other)
            if toll is not None and toll.value > killed.value:
                return True
    return False


def _also_day(article: Article, mention: _Mention) -> PartialDate | None:
    """
    The day a strike reported with "also" shares with the events the text last said
    "also" happened on ("Other fronts were also active on Sunday. ... The Observatory also
    reported air strikes ..."): the chained "also" ties them (Clarification 11).
    """
    sentence = mention.sentence
    if not _ALSO.search(article.text, clause_start(sentence, mention.start), mention.start):
        return None
    earlier = [s for s in article.sentences if s.index < sentence.index][-3:]
    for other in reversed(earlier):
        if not _ALSO.search(other.text):
            continue
        days = [e for e in sentence_times(article, other) if e.kind in ("weekday", "day")]
        if len(days) == 1:
            return days[0].resolve(article.published, direction="past")
    return None


def _main_place(article: Article, cast: Cast, exclude: str | None) -> str | None:
    counts: dict[str, int] = {}
    for sentence in article.sentences:
        for match in _CAP.finditer(article.text, sentence.start, sentence.end):
            name = match.group().removesuffix("'s").removesuffix("’s")
            code = country_code(name) if not is_demonym(name) else None
            if code is None and place_country(name) is None:
                continue
            if (code or place_country(name)) == exclude and code is not None:
                continue
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] >= 3 else None


@register_recogniser(Airstrike)
def find_airstrikes(article: Article) -> Iterator[Airstrike]:
    """
    Find the air strikes an article reports: one per strike (or campaign) and named place.

    Args:
        article: The article.

    Yields:
        `Airstrike` events with attacker, location, date, toll, strike count and evidence.
    """
    sentences = article.sentences_with(_KEYWORDS, confirm=_confirm())
    if not sentences:
        return
    cast = Cast.for_article(article)
    mentions: list[_Mention] = []
    for sentence in sentences:
        mentions.extend(islice(_mentions(article, cast, sentence), _MAX_PER_SENTENCE))
        if len(mentions) >= _MAX_MENTIONS:
            break
    if not any(m.kind != "anaphor" for m in mentions):
        return
    for strike in _merge(mentions):
        if _conflicting_toll(article, strike):
            strike.killed = None
        if strike.date is None:
            strike.date = _also_day(article, strike.mention)
        if strike.place is None:
            _follow_up(article, cast, strike)
        if strike.place is None and strike.mention.kind == "main":
            home = strike.attacker.country if strike.attacker is not None else None
            strike.place = _main_place(article, cast, home)
        location = None
        if strike.place is not None:
            country = country_code(strike.place) or place_country(strike.place) or strike.region
            location = Place(strike.place, country=country)
        attacker = strike.attacker
        if attacker is not None and attacker.kind is not ActorKind.COUNTRY and not attacker.name.strip():
            attacker = None
        yield Airstrike(
            attacker=attacker,
            location=location,
            date=strike.date,
            killed=strike.killed,
            strikes=strike.strikes,
            targets=strike.targets,
            evidence=evidence_for(strike.mention.sentence, strike.mention.rule),
            source=article.source,
        )
