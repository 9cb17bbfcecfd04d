"""
Whom the words after a verb or before a noun name, when they are people.

- `object_end`: where the noun phrase after a verb ends ("free Ana Silva from prison": "Ana Silva");
- `people_object`: the people a phrase names: a name, a pronoun ("free him"), someone's sentence
  ("commute his sentence"), kin ("release her son"), a description ("the jailed teacher", "an
  American woman held in Cairo", "two aid workers");
- `possessor`: whose a noun is ("his release", "the sailors' release", "Ana Silva's release");
- `named_object`: an actor the mention layer does not give after a verb ("urged Moscow", "urged the
  Kremlin", "asked the Russian leader", a surname named in full elsewhere);
- `actor_after`: the actor named after "from" or "to" ("sought help from the governor");
- `near_person`, `salient_near`: the person the passage is about.

Word lists are in ``data/lexicon/`` (kin, people and office nouns). This module names no event type.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from newsevents.model import Actor, ActorKind
from newsevents.parsing.actors import country_code
from newsevents.parsing.custody import Custody
from newsevents.parsing.engine import Found
from newsevents.parsing.patterns import word_list
from newsevents.parsing.phrases import (
    DETERMINERS,
    HELD,
    PHRASE_END,
    POSSESSIVES,
    actor_of,
    definite_person,
    is_person_noun,
    plural_antecedent,
    referent,
    seats,
    spans_at,
    text_of,
)
from newsevents.parsing.tokens import Token

__all__ = [
    "actor_after",
    "named_object",
    "near_person",
    "object_end",
    "people_object",
    "possessor",
    "salient_near",
]


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", name)


#: Marks that end the noun phrase after a verb.
_MARKS = frozenset({",", ".", ";", ":", '"', "“", "”", "(", ")", "—", "–"})

#: Nouns after a possessive that say whose sentence it is ("commute his sentence").
_SENTENCE = frozenset({"sentence", "sentences", "death", "life", "prison", "jail"})


def object_end(tokens: Sequence[Token], start: int, *, reach: int = 8) -> int:
    """
    Where the noun phrase from token ``start`` ends: at most ``reach`` words, before a word of
    `phrases.PHRASE_END` ("from", "who", "and", ...) or a mark.

    Examples:
        >>> from newsevents.parsing.tokens import tokenize
        >>> tokens = tokenize("They urged the board to free Ana Silva from prison.")
        >>> " ".join(token.text for token in tokens[6 : object_end(tokens, 6)])
        'Ana Silva'
    """
    end = start
    while (
        end < len(tokens)
        and end - start < reach
        and tokens[end].lower not in PHRASE_END
        and tokens[end].text not in _MARKS
    ):
        end += 1
    return end


def possessor(
    found: Found, words: Sequence[Token], *, speaks_for: Actor | None, exclude: tuple[Actor, ...]
) -> Actor | None:
    """
    Whose a noun is, from the ``words`` before it: a person named first ("Ana Silva's"), the
    person a singular possessive means ("his", other than ``exclude``), ``speaks_for`` for
    someone's kin ("his son's"), a group for a people noun ("the sailors'"); else None.
    """
    if not words:
        return None
    for span in spans_at(found, words[0].index, "PERSON"):
        return actor_of(span)
    lowered = [token.lower for token in words]
    if lowered[0] in POSSESSIVES:
        if len(words) >= 3 and words[2].lower in ("'s", "'") and words[1].lower in _words("kin"):
            return speaks_for  # "his son's release": the son the speaker speaks for
        if len(words) >= 2 and words[1].lower in ("'s", "'"):
            return speaks_for
        people = referent(found, words[0].start, exclude=exclude, pronoun=lowered[0])
        if lowered[0] == "their":
            return None
        return people[0] if people else None
    at = next((i for i, token in enumerate(words) if token.lower in ("'s", "'")), None)
    if at:
        start = 1 if lowered[0] in DETERMINERS else 0
        phrase = words[start:at]
        if phrase and is_person_noun(phrase[-1].lower):
            return Actor.group(" ".join(token.text for token in phrase))
    return None


def people_object(
    found: Found, start: int, end: int, *, speaks_for: Actor | None, exclude: tuple[Actor, ...]
) -> Actor | None:
    """
    Whom tokens ``start`` to ``end`` name, if people: a name; "him", "her" (``speaks_for``, else
    the person meant, preferably not of ``exclude``); "them" (the last people noun); "his
    sentence" (the person meant, not of ``exclude`` after its first, else ``speaks_for``); "her son"
    or "the sentence" (``speaks_for``); a people noun ("the jailed teacher": the one so described;
    "an American woman": the person the passage is about; else the description as a group).
    """
    tokens = found.view.tokens
    words = list(tokens[start:end])
    lowered = [token.lower for token in words]
    for at in range(start, end):
        for span in spans_at(found, at, "PERSON"):
            if tokens[at].lower in ("him", "her"):
                break
            if any(not (t.is_title or t.lower in DETERMINERS or t.is_word) for t in tokens[start:at]):
                break
            return actor_of(span)
    first = lowered[0]
    if first == "her" and len(words) >= 2 and words[1].is_word and lowered[1] not in PHRASE_END:
        first = "her-possessive"
    if first in ("him", "her") and speaks_for is not None:
        return speaks_for
    if first in ("him", "her"):
        people = referent(found, words[0].start, exclude=exclude, pronoun=first)
        people = people or referent(found, words[0].start, pronoun=first)
        return people[0] if people else None
    if first == "them":
        return plural_antecedent(found, words[0].start)
    if first in POSSESSIVES or first == "her-possessive":
        first = lowered[0]
        if len(words) >= 2 and lowered[1] in _SENTENCE:
            people = referent(found, words[0].start, exclude=exclude[1:] if exclude else (), pronoun=first)
            return people[0] if people else speaks_for
        if len(words) >= 2 and (lowered[1] in _words("kin") or lowered[1] == "client"):
            return speaks_for
        return None
    if first == "the" and len(words) >= 2 and lowered[1] in ("sentence", "sentences", "death", "life"):
        return speaks_for
    cut = next(
        (i for i, word in enumerate(lowered) if word in HELD and i > 1 and is_person_noun(lowered[i - 1])),
        len(words),
    )
    words, lowered, end = words[:cut], lowered[:cut], start + cut
    if not is_person_noun(lowered[-1]):
        return None
    if first in ("a", "an") and not lowered[-1].endswith("s"):
        # "an Israeli-American woman imprisoned in Moscow": the person the paragraph names
        named = near_person(found, exclude)
        if named is not None:
            return named
    if first == "the" and len(words) <= 4 and not lowered[-1].endswith("s"):
        described = definite_person(found, lowered[-1], words[0].start, exclude)
        if described is not None:
            return described
    return Actor.group(text_of(found, start, end))


def near_person(found: Found, exclude: tuple[Actor, ...]) -> Actor | None:
    """
    The person an indefinite description means ("an American woman imprisoned in Moscow"): the one
    the article names most, other than ``exclude``, among those named near it or later said to be held.
    """
    skip = {actor.name for actor in exclude}
    index = found.sentence.index
    article = found.article
    near = {
        mention.actor.name
        for sentence in article.all_sentences[max(0, index - 2) : index + 3]
        if sentence.carriable
        for mention in found.cast.mentions(sentence)
    } | {name for number, name in Custody.of(article).held_people() if number > index}
    return next((p for p in found.cast.salient_people() if p.name in near and p.name not in skip), None)


def salient_near(found: Found, skip: Collection[str]) -> Actor | None:
    """
    The person the passage is about: of those named in the match's sentence or the three before it,
    the one the article names most, passing over the names of ``skip``.
    """
    near = {
        mention.actor.name
        for sentence in found.cast.sentences_before(found.sentence.start, count=3)
        for mention in found.cast.mentions(sentence)
    } | {mention.actor.name for mention in found.cast.mentions(found.sentence)}
    for person in found.cast.salient_people():
        if person.name not in skip and person.name in near:
            return person
    return None


def named_object(found: Found, start: int, stop: int) -> list[Actor]:
    """
    An actor the mention layer does not give, named by the first capitalised word of tokens
    ``start`` to ``stop``: a state or a seat of government ("urged Moscow", "the Kremlin"), the
    one person an office names ("the Russian leader"), or a surname the article names in full
    elsewhere ("urged Kerry"); none before "'s" ("Chavez's heirs").
    """
    tokens = found.view.tokens
    offices = _words("office_nouns")
    for position in range(start, stop):
        token = tokens[position]
        if token.shape != "Xx":
            continue
        following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
        if following == "'s":
            return []  # "Chavez's political heirs": whose heirs the text does not say as a state
        if following in offices:
            holder = found.cast.resolve(f"the {token.text} {following}", at=token.start)
            if holder is not None and holder.kind is ActorKind.PERSON:
                return [holder]
        code = seats().get(token.text) or country_code(token.text)
        if code is not None:
            return [Actor.state(code)]
        named = found.cast.person(token.text)
        return [named.actor] if named is not None and following not in offices else []
    return []


def actor_after(
    found: Found, start: int, words: Collection[str], *, titled: Collection[str] = (), reach: int = 11
) -> Actor | None:
    """
    The actor named right after the first of ``words`` ("from", "to") from token ``start`` on,
    before a comma or the sentence's end and within ``reach`` tokens, "the" passed: a person, a
    state or an organisation the mention layer gives ("sought help from the governor"), else,
    after a word of ``titled``, the capitalised words that follow as an organisation ("from the
    Review Board").
    """
    tokens = found.view.tokens
    stop = len(tokens)
    for position in range(start, min(stop, start + reach)):
        word = tokens[position].lower
        if word in (",", ";", "."):
            break
        if word in words and position + 1 < stop:
            at = position + 1
            if tokens[at].lower == "the":
                at += 1
            named = [actor_of(span) for span in spans_at(found, at, "PERSON", "STATE", "ORG")]
            if named and named[0] is not None:
                return named[0]
            if word in titled and at < stop and tokens[at].is_title:
                end = at
                while end < stop and tokens[end].is_title:
                    end += 1
                return Actor.organization(text_of(found, at, end))
    return None
