"""
Which of the places a sentence names a phrase is about, and the place an article is mostly about.

The gazetteer finds a sentence's places (`newsevents.parsing.gazetteer.sentence_places`);
these readers say how the words around them use them: introduced by a cue ("in X", "hit
X"), listed ("A, B and C"), holding the next one ("Syria's Idlib province"), a source ("the
Observatory reported"), or only the area of an unnamed place ("a town in Idlib province").
This module names no event type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache

from newsevents.model import Actor, PartialDate, Place
from newsevents.parsing import gazetteer
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.clauses import sentence_times
from newsevents.parsing.gazetteer import sentence_places
from newsevents.parsing.mentions import view
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.state_words import home_state, is_country
from newsevents.parsing.tokens import Token

__all__ = [
    "article_main_place",
    "by_name",
    "holds_next",
    "introduced",
    "listed_before",
    "lists_places",
    "majority_country",
    "modifies_noun",
    "place_of_death_next",
    "places_of",
    "reported_by",
    "story_place",
    "within_unnamed",
]

#: Words before a name that make it a place for every caller.
_LOCATIVES = frozenset({"in", "on", "near", "outside", "around"})


@cache
def _lexicon(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", name)


def places_of(
    article: Article, sentence: Sentence, *, cues: frozenset[str], between: frozenset[str] = frozenset()
) -> list[Span]:
    """
    The places of a sentence (`gazetteer.sentence_places`, and the names listed after one:
    `gazetteer.listed_places`), never in a person, group or time unless a cue word makes it
    a place ("near Tell Umar"). Read once per article, sentence and words.

    Args:
        article: The article.
        sentence: One of its sentences.
        cues: The caller's words before a name that make it a place ("hit", "at"), beside
            "in", "on", "near", "outside" and "around".
        between: Words that may stand between a cue and the name ("in nearby X").
    """
    cache_: dict[tuple[int, frozenset[str], frozenset[str]], list[Span]]
    cache_ = article.__dict__.setdefault("_places_of", {})
    key = (sentence.start, cues, between)
    if key not in cache_:
        seen = view(article, sentence)
        actors = [
            span
            for spans in seen.spans_for(frozenset({"ACTOR", "TIME"})).values()
            for span in spans
            if span.kind in ("PERSON", "ORG", "GROUP", "TIME")
        ]
        locatives = cues | _LOCATIVES
        misread = gazetteer.misread_places(seen.tokens, actors, cues=locatives, text=article.text)
        taken = {index for span in actors if span not in misread for index in range(span.start, span.end)}
        places = sentence_places(seen.tokens, taken=taken, locatives=locatives, between=between)
        listed = gazetteer.listed_places(seen.tokens, places, taken=taken)  # "at A, B and C": B and C too
        cache_[key] = sorted(places + listed, key=lambda span: span.start) if listed else places
    return cache_[key]


def introduced(tokens: Sequence[Token], start: int, floor: int, cues: Collection[str]) -> bool:
    """
    Whether a cue word comes shortly before token ``start`` (at most five tokens, not before
    ``floor``), with no comma, "and", "by" or number between: "in the village of X" with the
    cue "in"; "the capital, X" goes on past its comma.
    """
    for position in range(start - 1, max(floor, start - 6) - 1, -1):
        word = tokens[position].lower
        if word in cues:
            return True
        apposition = word == "," and tokens[position - 1].lower in _lexicon("settlement_nouns")
        if (word in (",", ";", "by", "and") and not apposition) or tokens[position].shape == "d":
            return False
    return False


def modifies_noun(tokens: Sequence[Token], span: Span, stops: Collection[str] = ()) -> bool:
    """
    "Iran's oilfields", "an Aleppo hospital": a place before a possessive, or between an
    article and a lower-case noun that is no settlement, region or feature noun, says whose
    or where a thing named after it is; the phrase names that thing ("the Aleppo province"
    is still a place, and so is "the Aleppo" before a word of ``stops``, "and" or "or").
    """
    following = tokens[span.end] if span.end < len(tokens) else None
    if following is None:
        return False
    if following.lower in ("'s", "’s"):
        return True
    places = _lexicon("settlement_nouns") | _lexicon("region_nouns") | _lexicon("feature_nouns")
    article = span.start > 0 and tokens[span.start - 1].lower in ("a", "an", "the")
    ends = places | {"and", "or"} | set(stops)
    return article and following.shape == "x" and following.lower not in ends


def reported_by(tokens: Sequence[Token], span: Span) -> bool:
    """ "..., the Observatory reported": a name before a reporting verb is who tells, not a place."""
    named = span.start > 0 and tokens[span.start - 1].lower in ("the", ",")  # not "a man west of X said"
    return named and span.end < len(tokens) and tokens[span.end].lower in ("said", "says", "reported", "told")


def holds_next(tokens: Sequence[Token], span: Span, spans: Sequence[Span]) -> bool:
    """ "Syria's Idlib province": the country holding the place after it; "U.S.-led": no place."""
    after = tokens[span.end].lower if span.end < len(tokens) else ""
    return after.startswith("-") or (after == "'s" and any(s.start > span.end for s in spans))


def listed_before(tokens: Sequence[Token], before: Sequence[Span], spans: Sequence[Span]) -> list[Span]:
    """
    Of the places named before a word (``before``), the last; but "depots at A and B provinces
    in central Yemen": the places listed before the country that holds them.
    """
    if not before:
        return []
    last = before[-1]
    country = last.value.country
    inner = [s for s in before[:-1] if not is_country(s.value) and s.value.country in (None, country)]
    if not is_country(last.value) or not inner:
        return [last]
    chosen = [inner[-1]]
    for span in spans:
        if chosen[-1].end <= span.start and span.end <= last.start:
            gap = tokens[chosen[-1].end : span.start]
            if not gap or not all(t.lower in (",", "and") for t in gap):
                break
            chosen.append(span)
    return chosen


def within_unnamed(tokens: Sequence[Token], start: int) -> bool:
    """ "a town in Idlib province": the place at ``start`` holds an unnamed one a later sentence may name."""
    window = [token.lower for token in tokens[max(0, start - 6) : start]]
    settlements = _lexicon("settlement_nouns")
    for position, word in enumerate(window[:-1]):
        if word in ("a", "an") and any(w in settlements for w in window[position + 1 :]):
            return "in" in window[position:] or window[-1] in ("of", "'s")
    return False


def by_name(place: Place, spans: Sequence[Span]) -> Place:
    """The place by its name ("Hajjah province" is Hajjah), in the country the sentence names (``spans``)."""
    words = (place.name or "").split()
    if len(words) > 1 and words[-1].lower() in _lexicon("region_nouns"):
        place = Place(" ".join(words[:-1]), country=place.country)
    countries = [s.value.country for s in spans if is_country(s.value)]
    return place if place.country is not None or not countries else Place(place.name, country=countries[0])


def lists_places(gap: Sequence[Token], words: Collection[str] = ()) -> bool:
    """
    Whether the tokens between two places make them a list: "A, B and C", "east of A, north of
    B, and in C", "the oil-producing C". ``words``: the words a gap may hold (",", "and",
    "the", "of", ...), beside settlement and region nouns and hyphenated adjectives.
    """
    if not gap or gap[0].lower not in (",", "and") or len(gap) > 8:
        return False
    allowed = frozenset(words) | _lexicon("settlement_nouns") | _lexicon("region_nouns")
    listed = (t.lower in allowed or (t.shape == "x" and "-" in t.text) for t in gap)  # "the oil-producing X"
    return all(listed) and not any(t.lower == "near" for t in gap)  # not ", drawing on intelligence from X"


def majority_country(places: Iterable[Place | None], leave_out: str | None = None) -> Place | None:
    """
    The country most of ``places`` are in (not ``leave_out``), when at least two are and no
    other country has half as many: "Aleppo, Homs, Idlib, Paris" give Syria.
    """
    counts = Counter(p.country for p in places if p is not None and p.country not in (None, leave_out))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] * 2 >= ranked[0][1]):
        return None  # none, or no clear majority
    code = ranked[0][0]
    return Place(Actor.state(code).name, country=code) if code is not None else None


def article_main_place(article: Article, home: str | None = None) -> Place | None:
    """
    The place an article names three times or more, the most named (not a place of the
    country ``home``), read once per article and ``home``.
    """
    cache_: dict[str | None, Place | None] = article.__dict__.setdefault("_main_place", {})
    if home not in cache_:
        counts: dict[str | None, list[Place]] = {}
        for sentence in article.sentences:
            for span in gazetteer.known_places(view(article, sentence).tokens):
                if home is None or span.value.country != home:
                    counts.setdefault(span.value.name, []).append(span.value)
        best = max(counts.values(), key=len, default=[])
        cache_[home] = best[0] if len(best) >= 3 else None
    return cache_[home]


def place_of_death_next(
    article: Article,
    sentence: Sentence,
    *,
    places: Callable[[Sentence], list[Span]],
    cues: Collection[str],
    refuse: Collection[str] = (),
) -> tuple[Place | None, PartialDate | None]:
    """
    "... the death of their commander in a raid. He was killed in the town of X last month.":
    the place (not a country) and the time the next sentence gives a death the sentence told,
    unless that sentence holds a word of ``refuse`` (it reports another event itself).

    Args:
        article: The article.
        sentence: The sentence that tells of a death ("death", "killed", "died", "dead").
        places: The caller's places of a sentence (`places_of` with its cue words).
        cues: The words that introduce a place after "killed" ("in", "near").
        refuse: Words that make the next sentence another event's.
    """
    following = article.all_sentences[sentence.index + 1 : sentence.index + 2]
    if not following or not view(article, sentence).words & {"death", "killed", "died", "dead"}:
        return None, None
    seen = view(article, following[0])
    tokens = seen.tokens
    if seen.words & set(refuse):
        return None, None
    killed = next((i for i, token in enumerate(tokens) if token.lower in ("killed", "died")), None)
    spans = places(following[0]) if killed is not None else []
    after = [s for s in spans if s.start > (killed or 0) and introduced(tokens, s.start, killed or 0, cues)]
    after = [s for s in after if not is_country(s.value)]
    if not after:
        return None, None
    start = tokens[killed or 0].start
    dates = [t.date for t in sentence_times(article, following[0]) if t.start >= start and t.date is not None]
    return by_name(after[0].value, spans), (dates[0] if dates else None)


def story_place(
    article: Article, placed: Iterable[Place | None], actor: Actor | None = None, *, country: bool = False
) -> Place | None:
    """
    Where an event the text does not place happened: the country most of the story's
    ``placed`` events are in when the article's most named place (`article_main_place`) is
    elsewhere, else that place; never a place of the ``actor``'s own state (`home_state`:
    "U.S.-led strikes" are not in the United States). With ``country`` (a campaign), the
    country of that place, not a city.
    """
    home = home_state(actor)
    main = article_main_place(article, home)
    majority = majority_country(placed, home)
    if majority is not None and (main is None or main.country != majority.country):
        main = majority  # the country the story's events are in, not a place it names more
    if country and main is not None and main.country:
        return Place(Actor.state(main.country).name, country=main.country)
    return main
