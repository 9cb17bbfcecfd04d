"""
Roles around a verb, read once for every event type: who did it and to whom.

Given a sentence's view (`newsevents.parsing.mentions`) and the position of a verb phrase,
`subject` reads back to its subject and `object_between` forward to its object, across
what news text puts between them: auxiliaries and adverbs (``data/lexicon/be.txt``,
``adverb.txt``), appositions, relative clauses, dashes, coordinated predicates, pronouns
and descriptions. A participant the text does not name is the group as the text describes
it (`described`: "four men", "13 members of a gang"); "X and 19 others" gives X and the
rest (`remainder`).

This module names no event type.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from newsevents.model import Actor, ActorKind
from newsevents.parsing.article import table
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token

__all__ = [
    "DETERMINERS",
    "actors_ending",
    "aged_person",
    "apposed_name",
    "companions",
    "described",
    "described_after",
    "including_group",
    "joined_predicate",
    "object_before",
    "object_between",
    "object_pronoun",
    "opening_participle_subject",
    "opening_pronoun",
    "people_after",
    "person_apposed_to",
    "person_before",
    "person_for",
    "relative_head",
    "remainder",
    "span_actors",
    "span_people",
    "subject",
    "subject_past_brackets",
    "text_of",
    "untimed",
    "verb_subject",
    "with_remainder",
]

_JOINERS = ("but", "and", "then")
_OBJECT_OPENERS = ("the", "his", "her", "their", "it", "them")


def _lexicon(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", name)


@cache
def _title_words() -> frozenset[str]:
    """The last words of people's titles (``data/titles.tsv``): "the retired general" is a person."""
    return frozenset(row[0].lower().split()[-1] for row in table("titles.tsv") if row and row[0].strip())


def actors_ending(seen: SentenceView, end: int) -> Span | None:
    """The longest list of actors ending just before token ``end``."""
    best: Span | None = None
    for start in range(max(0, end - 12), end):
        for span in seen.spans.get(start, ()):
            if span.kind == "ACTORS" and span.end == end and (best is None or span.start < best.start):
                best = span
    return best


_PEOPLE_WORDS = frozenset({"men", "women", "people", "police", "children"})


def remainder(tokens: Sequence[Token], at: int, stop: int) -> tuple[Actor, int] | None:
    """A group of "and 19 others", "and eight other former officials" from token ``at``, and its end."""
    if at >= stop or tokens[at].lower not in ("and", "with"):
        return None
    for other in range(at + 1, min(stop, at + 6)):
        if tokens[other].lower == "others":
            return Actor.group(text_of(tokens, at + 1, other + 1)), other + 1
        if tokens[other].lower == "other":
            for noun in range(other + 1, min(stop, other + 5)):
                word = tokens[noun].lower
                if word in _PEOPLE_WORDS or (word.endswith("s") and word.isalpha() and len(word) > 3):
                    return Actor.group(text_of(tokens, at + 1, noun + 1)), noun + 1
            return None
    return None


def text_of(tokens: Sequence[Token], start: int, end: int) -> str:
    """The text of tokens ``[start, end)`` as written (spaces where the text has them)."""
    return "".join(
        token.text if n == start or tokens[n - 1].end == token.start else " " + token.text
        for n, token in enumerate(tokens[start:end], start)
    )


DETERMINERS = frozenset({"a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                         "ten", "several", "dozens", "hundreds", "more", "some", "all", "both", "another",
                         "one", "each", "his", "her", "their"})  # fmt: skip
_NOT_PARTICIPANTS = frozenset({"it", "this", "that", "who", "which", "they", "court", "judge", "he", "she"})


def described(tokens: Sequence[Token], start: int, end: int) -> Actor | None:
    """A participant without a name, as the text describes it ("A Texas man", "13 members of a gang")."""
    while start < end and tokens[start].lower in ("and", "then", "but", "also", "later", ","):
        start += 1
    for at in range(start + 1, end):  # "A man who stabbed a teenager ...": the man
        if tokens[at].lower in ("who", "whose", "which", "that"):
            end = at
            break
    if not 0 < end - start <= 14:
        return None
    first = tokens[start]
    if first.lower in _NOT_PARTICIPANTS or tokens[end - 1].lower in _NOT_PARTICIPANTS:
        return None
    if not (first.lower in DETERMINERS or first.shape == "d" or first.is_title):
        return None
    if any(token.shape == "." and token.text not in ("-", "'s") for token in tokens[start:end]):
        return None
    return Actor.group(text_of(tokens, start, end))


_BACK = _lexicon("be") | _lexicon("adverb") | {"has", "have", "had", "who", "must"}
#: Words before the noun a relative clause is about: "sold to a dealer who was jailed".
_PREPOSITIONS = frozenset({"by", "from", "against", "with", "to", "of", "for", "at", "on", "in"})
_NP_BOUNDARY = frozenset({",", ";", ":", "after", "before", "when", "because", "since", "although",
                          "though", "while", "as", "where", "until", "said", "says", "—", "–"})  # fmt: skip


def _person_ending(seen: SentenceView, end: int) -> Span | None:
    """People ending just before token ``end``, or before an age there ("X, 45,")."""
    tokens = seen.tokens
    aged = end > 2 and tokens[end - 1].shape == "d" and tokens[end - 2].text == ","
    for at in (end, end - 2) if aged else (end,):
        span = actors_ending(seen, at)
        if (
            span is None and at > 0 and tokens[at - 1].is_title
        ):  # a surname the cast missed at a sentence start
            start = at - 1
            while start > 0 and at - start < 3 and tokens[start - 1].is_title:
                start -= 1
            person = seen.cast.person(text_of(tokens, start, at))
            span = Span("PERSON", start, at, person.actor) if person is not None else None
        if span is not None and any(a.kind is ActorKind.PERSON for a in span_actors(span)):
            return span
    return None


def _apposed(seen: SentenceView, close: int) -> Span | list[Actor] | None:
    """
    The subject before an apposition or relative clause that ends at token ``close``: "X, 45, a
    broker, was", "X, who was jailed in 2018, had", "five of them -- including A and B -- were".
    """
    tokens = seen.tokens
    if tokens[close].text == "-" and tokens[close - 1].text == "-":
        close -= 1  # "--"
    if close + 1 < len(tokens) and tokens[close + 1].lower in ("who", "which"):
        return _person_ending(seen, close)  # "X, who was sentenced in 2018, ..."
    for back in range(close - 1, max(0, close - 32), -1):
        if tokens[back].text == "," and tokens[back + 1].lower in ("who", "whom", "which"):
            return _person_ending(seen, back)
        if tokens[back].text == tokens[close].text != "," or (tokens[back].text, tokens[close].text) == (
            "(",
            ")",
        ):
            inner = [
                s
                for at in range(back + 1, close)
                for s in seen.spans.get(at, ())
                if s.kind == "ACTORS" and s.end <= close
            ]
            people = [a for s in inner for a in span_actors(s) if a.kind is ActorKind.PERSON]
            return list(dict.fromkeys(people)) or None
        if tokens[back].text == ",":
            span = _person_ending(seen, back)
            if span is not None:
                return span
    return _person_ending(seen, close)  # "A third officer, Ann Lee, received"


def subject(seen: SentenceView, at: int, *, possessors: bool = True) -> list[Actor]:
    """
    The subject of the verb phrase that starts at token ``at``: named people (with an unnamed
    remainder), a pronoun's person, or a group as the text describes it.

    It reads back past auxiliaries and adverbs ("has since been"), a time ("today"),
    appositions ("X, 45, a banker,"), relative clauses ("X, who ...,"), dashes ("five of them
    -- including A and B --"), to the first subject of coordinated predicates ("X was arrested
    in May and later ..."); "an aide to X" is the aide; a pronoun opening a sentence is the
    first person of the sentence before; "the singer" is the article's most mentioned person.
    With ``possessors=False`` a possessor opening coordinated predicates is not their subject
    ("X's killer, Y, admitted ... and was jailed" gives Y).
    """
    tokens = seen.tokens
    end = at
    relative = False  # "a businessman who was jailed": the subject is the noun before "who"
    while end > 0:
        relative = relative or tokens[end - 1].lower == "who"
        if tokens[end - 1].lower in _BACK:
            end -= 1
            continue
        time = [
            s
            for at in range(max(0, end - 4), end)
            for s in seen.spans.get(at, ())
            if s.kind == "TIME" and s.end == end
        ]
        if not time:
            break
        end = time[0].start  # "X, 63, today was sentenced"
    span = actors_ending(seen, end)
    if span is None and end > 1 and tokens[end - 1].text in (",", "-", "—", "–", ")"):
        apposed = _apposed(seen, end - 1)
        if isinstance(apposed, list):
            return apposed
        span = apposed
    tie = (
        next(
            (
                at
                for at in range(span.start - 1, max(0, span.start - 4), -1)
                if tokens[at].lower in ("to", "of", "for", "with")
            ),
            None,
        )
        if span is not None
        else None
    )
    if (
        span is not None
        and tie is not None
        and all(t.is_title or t.lower == "former" for t in tokens[tie + 1 : span.start])
    ):
        start = tie  # "a former aide to X was jailed", "the son of former leader X": the aide, the son
        while start > 0 and tokens[start - 1].lower not in _NP_BOUNDARY:
            start -= 1
        group = described(tokens, start, end)
        if group is not None and tokens[start].lower in DETERMINERS:
            return [group]
    if span is not None:
        return _pronoun(seen, span) or with_remainder(seen, span, end)
    if end > 0 and tokens[end - 1].lower in ("and", "but"):  # "X was arrested in 2012 and later sentenced"
        for position in range(end):
            for first in seen.spans.get(position, ()):
                if first.kind == "ACTORS" and any(a.kind is ActorKind.PERSON for a in span_actors(first)):
                    if not possessors and first.end < end and tokens[first.end].lower == "'s":
                        continue
                    return _pronoun(seen, first) or with_remainder(seen, first, end)
    for back in range(end - 1, max(-1, end - 8), -1):  # "X and 19 others were jailed"
        rest = remainder(tokens, back, end)
        if rest is not None and rest[1] == end and (named := actors_ending(seen, back)) is not None:
            return with_remainder(seen, named, end)
    start = end
    boundary = _NP_BOUNDARY | _PREPOSITIONS if relative else _NP_BOUNDARY
    while start > 0 and tokens[start - 1].lower not in boundary:
        start -= 1
    group = described(tokens, start, end)
    if (
        group is not None
        and end - start == 2
        and tokens[start].lower == "the"
        and not tokens[start + 1].lower.endswith("s")
    ):
        salient = seen.cast.salient_people()  # "The singer must serve 15 days": the article's person
        if salient:
            return salient[:1]
    return [group] if group is not None else []


def _pronoun(seen: SentenceView, span: Span) -> list[Actor]:
    """
    "She was sentenced" opening a sentence: the first person of the sentence before (its
    subject), which tells more than the last person named; [] when not a pronoun.
    """
    if span.end - span.start != 1 or seen.tokens[span.start].lower not in ("he", "she"):
        return []
    if any(s.kind == "PERSON" for at in range(span.start) for s in seen.spans.get(at, ())):
        return []
    first = _first_person_before(seen)
    return [first] if first is not None else []


def opening_pronoun(seen: SentenceView, span: Span) -> list[Actor]:
    """
    The person a "he" or "she" before any named person of its sentence stands for: the first
    person of the sentence before, its subject ("X phoned Y. He also spoke with Z": X, not
    the last person named); [] when the span is no such pronoun.
    """
    return _pronoun(seen, span)


def _first_person_before(seen: SentenceView) -> Actor | None:
    """The first person the sentence before this one names, or None."""
    index = seen.sentence.index
    if index == 0:
        return None
    before = view(seen.article, seen.article.all_sentences[index - 1])
    for at in sorted(before.spans):
        for span in before.spans[at]:
            if span.kind == "PERSON" and isinstance(span.value, Actor):
                return span.value
    return None


def with_remainder(seen: SentenceView, span: Span, stop: int) -> list[Actor]:
    """The people (or else actors) of a span, and an unnamed remainder after it ("X and 19 others")."""
    actors = list(span.value if isinstance(span.value, list) else [span.value])
    people = [actor for actor in actors if isinstance(actor, Actor) and actor.kind is not ActorKind.COUNTRY]
    if any(actor.kind is ActorKind.PERSON for actor in people):  # "the head of Acme Bank, Ann Lee, jailed"
        people = [actor for actor in people if actor.kind is not ActorKind.ORGANIZATION]
    rest = remainder(seen.tokens, span.end, max(stop, span.end + 10))
    return people + ([rest[0]] if rest is not None else [])


_OBJECT_STOP = frozenset({"on", "for", "in", "at", "after", "over", "last", "this", "earlier", "who",
                          "which", "because", ",", ";", "—", "–", ".", "to"})  # fmt: skip
_NOT_OBJECT = frozenset({"in", "on", "at", "by", "last", "this", "earlier", "today", "yesterday", "along",
                         "early", "late", "for", "after", "him", "her"})  # fmt: skip


def object_between(seen: SentenceView, start: int, end: int, *, verb: int) -> list[Actor] | None:
    """
    The object of the verb at token ``verb``, in tokens ``[start, end)`` (up to its
    preposition): a pronoun's person, "them" (the people named before, with a remainder),
    named people, or a group as the text describes it; None when the words are no object.
    """
    tokens = seen.tokens
    if start >= end or tokens[start].lower in _NOT_OBJECT - {"him", "her"}:
        return None
    if any(span.kind == "TIME" for span in seen.spans.get(start, ())):
        return None
    if tokens[start].lower == "him" or (tokens[start].lower == "her" and start + 1 == end):
        return object_pronoun(seen, start, verb=verb)
    if tokens[start].lower == "them":  # "convicted X and 19 others ..., fining them": the people named before
        for at in range(verb):
            for span in seen.spans.get(at, ()):
                if span.kind == "ACTORS" and any(a.kind is ActorKind.PERSON for a in span_actors(span)):
                    return with_remainder(seen, span, verb)
        return []
    for at in range(start, end):  # "sentenced activist Ivan Petrov to"
        for span in seen.spans.get(at, ()):
            if (
                span.kind == "ACTORS"
                and span.end <= end
                and any(a.kind is ActorKind.PERSON for a in span_actors(span))
            ):
                return with_remainder(seen, span, end)
    group = described(tokens, start, end)
    return [group] if group is not None else None


def object_pronoun(seen: SentenceView, at: int, *, verb: int) -> list[Actor]:
    """ "Judge X fined him": the last person named before token ``at``, other than the verb's subject."""
    token, end = seen.tokens[at], verb
    while end > 0 and seen.tokens[end - 1].lower in _BACK | {"on", "today", "yesterday"}:
        end -= 1
    named = actors_ending(seen, end)
    subject = span_actors(named) if named is not None else []
    return seen.cast.people_before(token.start, count=1, exclude=tuple(subject), pronoun=token.lower)[:1]


def span_actors(span: Span) -> list[Actor]:
    """The actors a span stands for (one, or a list's)."""
    return [a for a in (span.value if isinstance(span.value, list) else [span.value]) if isinstance(a, Actor)]


def described_after(seen: SentenceView, at: int, stop: frozenset[str] = frozenset()) -> list[Actor]:
    """
    "... to 13 members of a gang on Tuesday": the group the text describes from token ``at``
    (up to a preposition or clause mark, or a word of ``stop``: "... two bankers drew criticism").
    """
    tokens = seen.tokens
    end, stops = at, _OBJECT_STOP | stop
    while end < min(len(tokens), at + 12) and tokens[end].lower not in stops:
        end += 1
    group = described(tokens, at, end)
    return [group] if group is not None else []


_ALONG = frozenset({"along", "together"})
_COMPANION_STOP = frozenset({";", ":", "who", "which", "while", "but", "after", "because", "."})


def companions(seen: SentenceView, start: int, stop: int) -> Actor | None:
    """
    A counted group named with the people before token ``start``, as the text describes it:
    "X and more than 100 supporters of Y" (an "and" at ``start``), or "X ... along with 19
    other defendants" ("along with", "together with" before ``stop``, in the same clause).
    A length of time or an amount is no group ("along with two years of probation").
    """
    tokens = seen.tokens
    stop = min(stop, len(tokens))
    first = None
    if start < stop and tokens[start].lower == "and":
        first = start + 1
    else:
        for at in range(start, stop - 1):
            if tokens[at].lower in _COMPANION_STOP:
                return None
            if tokens[at].lower in _ALONG and tokens[at + 1].lower == "with":
                first = at + 2
                break
    if first is None or first >= stop:
        return None
    counted = [
        span.kind
        for at in range(first, min(stop, first + 3))
        for span in seen.spans.get(at, ())
        if span.kind in ("COUNT", "TERM")
    ]
    if "COUNT" not in counted or "TERM" in counted:
        return None
    group = described_after(seen, first)
    if not group or not any(
        (word.isalpha() and word.islower() and len(word) > 3 and word.endswith("s")) or word in _PEOPLE_WORDS
        for word in group[0].name.split()
    ):
        return None
    return group[0]


def opening_participle_subject(seen: SentenceView, at: int, end: int) -> list[Actor] | None:
    """
    The subject of a participle that opens the sentence, the verb phrase in tokens ``[at, end)``:
    "(Originally) sentenced in 2010 to life, X escaped" gives X, the main clause's subject (a
    pronoun's person too); None when the sentence does not open with the participle.
    """
    tokens = seen.tokens
    if at > 1 or (at == 1 and tokens[0].lower not in _lexicon("adverb")):
        return None
    for comma in range(end, min(len(tokens) - 1, end + 30)):
        if tokens[comma].lower in (";", ":"):
            return []
        if tokens[comma].text != ",":
            continue
        for span in seen.spans.get(comma + 1, ()):
            if span.kind == "ACTORS" and any(a.kind is ActorKind.PERSON for a in span_actors(span)):
                return with_remainder(seen, span, len(tokens))
    return []


def including_group(seen: SentenceView, at: int) -> Actor | None:
    """
    The group whose members an apposition names before the verb phrase at token ``at``: "Six
    activists, including A and B, were fined" gives "Six activists" (the unnamed rest of them);
    None without an "including" apposition right before the verb.
    """
    tokens = seen.tokens
    end = at
    while end > 0 and tokens[end - 1].lower in _BACK:
        end -= 1
    if end < 3 or tokens[end - 1].text not in (",", "-", "—", "–", ")"):
        return None
    close = end - 1 - (tokens[end - 1].text == "-" and tokens[end - 2].text == "-")
    mark = "(" if tokens[close].text == ")" else tokens[close].text
    for back in range(close - 1, max(0, close - 32), -1):
        if tokens[back].text != mark:
            continue
        if tokens[back + 1].lower != "including":
            return None
        open_at = back - (mark == "-" and back > 0 and tokens[back - 1].text == "-")
        start = open_at
        bounds = _NP_BOUNDARY | _PREPOSITIONS
        while start > 0 and open_at - start < 8 and tokens[start - 1].lower not in bounds:
            start -= 1
        if start == open_at or not (tokens[start].lower in DETERMINERS or tokens[start].shape == "d"):
            return None  # a counted or determined group, not a name ("Ann Lee, including ...")
        return described(tokens, start, open_at)
    return None


def relative_head(seen: SentenceView, at: int) -> Actor | None:
    """
    The group a sentence opens with when a long relative clause stands between it and the verb
    phrase at token ``at``: "A man who police said ran a scheme was jailed" gives "A man"
    (`subject` stops at the reporting verb inside the clause); None when the sentence does not
    open with a determiner and a noun before "who".
    """
    tokens = seen.tokens
    who = next((n for n in range(1, min(at, 8)) if tokens[n].lower == "who"), None)
    if who is None or tokens[0].lower not in DETERMINERS or any(t.text in (";", ":") for t in tokens[who:at]):
        return None
    return described(tokens, 0, who)


def aged_person(seen: SentenceView) -> Actor | None:
    """
    The first person a sentence introduces with an age ("Ann Lee, 36, pleaded ...", "ordered Ann
    Lee, a 36-year-old teacher, to pay"): in news, the one an indefinite description in the
    sentence before ("A Texas woman was jailed ...") was about.
    """
    tokens = seen.tokens
    for at in sorted(seen.spans):
        for span in seen.spans[at]:
            end = span.end
            if span.kind != "PERSON" or not isinstance(span.value, Actor) or end + 3 >= len(tokens):
                continue
            following = tokens[end : end + 5]
            if following[0].text == "," and (
                (following[1].shape == "d" and following[2].text == ",")
                or (
                    following[1].lower in ("a", "an")
                    and following[2].shape == "d"
                    and any(t.lower in ("year-old", "years-old") for t in following[3:])
                )
            ):
                return span.value
    return None


def person_apposed_to(seen: SentenceView, group: Actor) -> Actor | None:
    """
    The person a described group stands in apposition to: "the fate of Ann Lee, a teacher who was
    jailed in May" gives Ann Lee for "a teacher"; None when no person's name and a comma precede it.
    """
    tokens, first = seen.tokens, group.name.split()[0]
    for at in range(2, len(tokens)):
        if (
            tokens[at - 1].text == ","
            and tokens[at].text == first
            and group.name in (text_of(tokens, at, stop) for stop in range(at + 1, min(len(tokens), at + 16)))
        ):
            span = _person_ending(seen, at - 1)
            people = [a for a in span_actors(span) if a.kind is ActorKind.PERSON] if span is not None else []
            return people[0] if len(people) == 1 else None
    return None


def apposed_name(seen: SentenceView, start: int, end: int) -> Actor | None:
    """
    The person a description names in apposition in tokens ``[start, end)``: "his son, Adam,"
    gives the article's Adam (the most complete name it gives), though the bare name was read
    as a place; None when the words are not "<lower-case words>, <Name>,".
    """
    tokens = seen.tokens
    commas = [at for at in range(start, end) if tokens[at].text == ","]
    if len(commas) != 2 or commas[1] != end - 1 or commas[0] == start or commas[1] - commas[0] > 4:
        return None
    if not all(t.shape == "x" for t in tokens[start : commas[0]]):
        return None
    name = tokens[commas[0] + 1 : commas[1]]
    if not name or not all(t.is_title for t in name):
        return None
    person = seen.cast.person(text_of(tokens, commas[0] + 1, commas[1]))
    return person.actor if person is not None else None


def person_for(seen: SentenceView, actor: Actor, after: SentenceView | None) -> Actor:
    """
    The person a singular description stands for, else the actor itself: the name it stands in
    apposition to ("the fate of Ann Lee, a teacher who was jailed"), else the person the next
    sentence (``after``) introduces with an age ("A Texas man was jailed ... Ann Lee, 36,
    pleaded ..."); a definite one ("the retired general") is the article's most mentioned person.
    """
    words = actor.name.lower().split()
    if actor.kind is not ActorKind.GROUP or words[0] not in ("a", "an", "the"):
        return actor
    if words[0] == "the":  # "the retired four-star general": the article's person, as "the singer" is
        nouns = _lexicon("people") | _title_words()
        singular = len(words) <= 5 and words[-1] in nouns and not words[-1].endswith("s")
        return (seen.cast.salient_people()[:1] or [actor])[0] if singular else actor
    return person_apposed_to(seen, actor) or (aged_person(after) if after is not None else None) or actor


def subject_past_brackets(seen: SentenceView, at: int, found: list[Actor]) -> list[Actor]:
    """
    The subject ``found`` before the verb phrase at token ``at``, read again before a bracket
    that closes right before it when it gave no one or only a group: "Ann Lee (ANN-lee) was".
    """
    tokens = seen.tokens
    close = next((n for n in range(at - 1, max(0, at - 3) - 1, -1) if tokens[n].text == ")"), None)
    if close is None or (found and found[0].kind is not ActorKind.GROUP):
        return found
    paren = next((n for n in range(close - 1, max(0, close - 8), -1) if tokens[n].text == "("), None)
    return subject(seen, paren, possessors=False) if paren else found


def untimed(seen: SentenceView, actor: Actor) -> Actor:
    """
    A described group without the time expression that opened its sentence ("Last year five men
    were jailed": "five men"; "In January 25 people": "25 people"); the actor itself when it
    opens with none.
    """
    if actor.kind is not ActorKind.GROUP:
        return actor
    for spans in seen.spans.values():
        for span in spans:
            if span.kind != "TIME":
                continue
            end, tokens = span.end, seen.tokens
            if tokens[end - 1].shape == "d" and end < len(tokens) and tokens[end].shape == "x":
                end -= 1  # "In January 25 people were jailed": the 25 counts the people
            for first in range(max(0, span.start - 1), span.start + 1):
                prefix = text_of(tokens, first, end)
                rest = actor.name[len(prefix) :].lstrip(", ")
                if actor.name.startswith(prefix + " ") and rest:
                    return Actor.group(rest)
    return actor


def person_before(seen: SentenceView) -> list[Actor]:
    """
    The person the sentence before is about (its first person, not a judge): "Ann Lee was in
    court to be sentenced for theft. A judge imposed five years." gives Ann Lee; [] when none.
    """
    first = _first_person_before(seen)
    if first is None:
        return []
    title = (first.title or "").lower()
    return [] if "judge" in title or "justice" in title else [first]


def people_after(seen: SentenceView, at: int, *, reach: int = 4) -> list[Actor] | None:
    """
    The people named a few words after token ``at``, only lower-case words (not "of" or "to")
    between: "against former mayor Ann Lee and 19 others" gives Ann Lee and "19 others"
    (`with_remainder`); None when no person is named within ``reach`` tokens.
    """
    tokens = seen.tokens
    for first in range(at, min(len(tokens), at + reach)):
        for span in seen.spans.get(first, ()):
            if (
                span.kind == "ACTORS"
                and any(a.kind is ActorKind.PERSON for a in span_actors(span))
                and all(t.shape == "x" and t.lower not in ("of", "to") for t in tokens[at:first])
            ):
                return with_remainder(seen, span, len(tokens))
    return None


def verb_subject(
    seen: SentenceView, start: int, end: int, verbs: frozenset[str] = frozenset()
) -> list[Actor]:
    """
    Who the verb phrase in tokens ``[start, end)`` is about, read before it: the subject of an
    opening participle ("Elected in 2010, Ann Lee ..."), else the subject (or the head of a long
    relative clause) with the unnamed rest of an "including" group ("Six nurses, including Ann
    Lee, were honoured"), read past brackets and an opening time, a singular description
    standing for the person it names (`person_for`, the next sentence included); a group
    holding one of ``verbs`` is a clause misread, not a subject.
    """
    opening = opening_participle_subject(seen, start, end)
    if opening is not None:
        return opening
    named = subject(seen, start, possessors=False) or [a for a in [relative_head(seen, start)] if a]
    group = including_group(seen, start) if named else None
    if group is not None:
        return [*named, group]
    sentences, index = seen.article.all_sentences, seen.sentence.index + 1
    after = view(seen.article, sentences[index]) if index < len(sentences) else None
    return [
        person_for(seen, untimed(seen, actor), after)
        for actor in subject_past_brackets(seen, start, named)
        if actor.kind is not ActorKind.GROUP or verbs.isdisjoint(actor.name.lower().split())
    ]


def span_people(seen: SentenceView, span: Span, end: int) -> list[Actor]:
    """
    The people a captured span names, with an unnamed remainder ("Ann Lee and 19 others") and
    the counted companions within 30 tokens of ``end`` ("Ann Lee and more than 100 supporters",
    "along with two aides"); a span that names no person gives way to the first that does
    before ``end`` ("former Acme Corp finance chief Ann Lee"); [] for states alone.
    """
    if not any(a.kind is ActorKind.PERSON for a in span_actors(span)):
        later = [
            s
            for at in range(span.end, end)
            for s in seen.spans.get(at, ())
            if s.kind == "ACTORS" and any(a.kind is ActorKind.PERSON for a in span_actors(s))
        ]
        span = later[0] if later else span
    named = with_remainder(seen, span, len(seen.tokens))
    if named and all(actor.kind is not ActorKind.GROUP for actor in named):
        group = companions(seen, span.end, end + 30)
        named += [group] if group is not None else []
    return named


def object_before(seen: SentenceView, start: int, end: int, *, verb: int) -> list[Actor] | None:
    """
    The object of the verb at token ``verb`` in tokens ``[start, end)`` (`object_between`),
    else a name in apposition there ("praised his son, Adam, for": `apposed_name`); None when
    the words are neither.
    """
    found = object_between(seen, start, end, verb=verb)
    if found is None and (apposed := apposed_name(seen, start, end)) is not None:
        return [apposed]
    return found


def joined_predicate(tokens: Sequence[Token], at: int, verb: str, *, reach: int = 20) -> bool:
    """
    Whether, within ``reach`` tokens from ``at``, "but", "and" or "then" joins a predicate that
    opens with ``verb`` (past "was" or "were") and a determiner or pronoun: "the council
    approved the plan, but shelved it" for "shelved".

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> joined_predicate(tokenize("It approved the plan, but shelved it"), 0, "shelved")
        True
    """
    words = [t.lower for t in tokens[at : at + reach]]
    for position, word in enumerate(words[:-1]):
        if word in _JOINERS:
            rest = [w for w in words[position + 1 : position + 4] if w not in ("was", "were")]
            if rest[:1] == [verb] and len(rest) > 1 and rest[1] in _OBJECT_OPENERS:
                return True
    return False
