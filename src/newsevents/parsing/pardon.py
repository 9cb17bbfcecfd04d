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
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache

from newsevents.events import PardonRequest
from newsevents.model import Actor, ActorKind, PartialDate
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import country_code, title_groups
from newsevents.parsing.article import Sentence, table
from newsevents.parsing.blocking import clause_opening
from newsevents.parsing.clauses import attached_date, recency_date, reporting_day, subject_of
from newsevents.parsing.engine import Found, Spec, recogniser
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token

__all__ = ["SPEC", "find_pardon_requests"]


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "pardon", name)


#: Words between a subject and its verb ("X has repeatedly asked"), and before a noun phrase's head.
_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "also", "repeatedly", "again", "previously", "already",
     "recently", "reportedly", "been", "once", "long", "publicly", "formally", "earlier", "later", "then",
     "personally", "separately", "jointly", "today", "yesterday"}
)  # fmt: skip
#: Words that end the noun phrase of a beneficiary ("release X from prison", "X, who ...").
_PHRASE_END = frozenset(
    {"from", "in", "on", "at", "as", "after", "before", "who", "which", "that", "and", "but", "to", "by",
     "for", "with", "while", "during", "immediately", "unconditionally", "safely", "soon", "now", "said",
     "says", "early", "because", "since", "or", "under", "without", "if", "amid", "over", "whose"}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "all", "its", "their", "his", "her", "some", "one", "another"})
_POSSESSIVES = frozenset({"his", "her", "their"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
_PREPOSITIONS = frozenset({"to", "with", "from", "by", "against", "at", "in", "on", "about", "of", "for"})
#: Verbs a request noun follows: its maker is their subject ("X filed a petition").
_MAKING = frozenset(
    {"filed", "files", "file", "submitted", "submits", "submit", "made", "makes", "sent", "sends", "lodged",
     "renewed", "issued", "wrote", "signed", "launched", "delivered", "presented", "a", "an", "the", "new",
     "his", "her", "their", "formal", "fresh", "second", "final", "written", "has", "have", "had"}
)  # fmt: skip
#: Verbs of being held: "jailed in Egypt", "held in Iran".
_HELD = frozenset(
    {"held", "jailed", "imprisoned", "detained", "arrested", "sentenced", "convicted", "prison", "jail",
     "custody", "abducted", "kidnapped", "captured", "seized"}
)  # fmt: skip
#: Nouns after a state's adjective that say the state holds someone ("a Saudi court", "Iranian authorities").
_HOLDERS = frozenset(
    {"court", "courts", "prison", "prisons", "jail", "authorities", "judge", "judiciary", "supreme"}
)


# --------------------------------------------------------------------------- tokens and spans

#: The span kinds the recogniser reads around a match (counts and terms are never needed).
_KINDS = frozenset({"PERSON", "STATE", "ORG", "GROUP", "ACTORS", "TIME"})


def _spans(seen: SentenceView) -> Mapping[int, Sequence[Span]]:
    return seen.spans_for(_KINDS)


def _spans_at(found: Found, at: int, *kinds: str) -> list[Span]:
    return [span for span in _spans(found.view).get(at, ()) if not kinds or span.kind in kinds]


def _span_ending(found: Found, end: int) -> Span | None:
    """The longest actor span (person, state, organisation) that ends just before token ``end``."""
    best: Span | None = None
    for start in range(max(0, end - 8), end):
        for span in _spans(found.view).get(start, ()):
            actor = span.end == end and span.kind in ("PERSON", "STATE", "ORG", "GROUP")
            if actor and (best is None or span.start < best.start):
                best = span
    return best


def _text(found: Found, start: int, end: int) -> str:
    first, last = found.view.char_range(start, end)
    return found.article.text[first:last]


def _actor(span: Span) -> Actor | None:
    value = span.value
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], Actor) else None
    return value if isinstance(value, Actor) else None


def _described(words: list[Token], written: str, head: str | None = None) -> Actor | None:
    """A described actor: "human rights groups" (a group), "a former mayor" (one person), by its head noun."""
    head = head or _head(words)
    if not words[-1].is_word:
        return None
    if words[0].lower in ("a", "an", "one") and len(words) > 1:
        written = written.split(" ", 1)[1]
    if (head.endswith("s") and not head.endswith("ss")) or head in _words("group_nouns"):
        return Actor.group(written)
    return Actor.person(written)


def _head(words: list[Token]) -> str:
    """The head noun of a phrase: the word before its first preposition ("group on X"), or the last."""
    for index, token in enumerate(words[1:], start=1):
        if token.lower in ("of", "for", "on", "in", "at", "from", "with"):
            return words[index - 1].lower
    return words[-1].lower


def _is_noun_of_people(word: str) -> bool:
    return (
        _is_people(word)
        or word in _words("group_nouns")
        or (word.endswith("s") and word[:-1] in _words("group_nouns"))
        or word in _words("kin")
        or word in _words("office_nouns")
        or word in _words("title_words")
        or word in _titles()
    )


@cache
def _titles() -> frozenset[str]:
    """The words of people's titles (``data/titles.tsv``): "a former senator" is one person."""
    return frozenset(word.lower() for row in table("titles.tsv") for word in row[0].split())


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
            return _subject_at(found, at + 1)
    position = found.match.anchor - 1
    if found.entry.name in ("plea_to", "clemency_petition", "petition_asking", "plea_for"):
        while position >= 0 and tokens[position].lower in _MAKING:
            position -= 1
        # "Lucas' lawyers described him ... in a petition asking": the sentence's subject
        if position >= 1 and tokens[position].lower == "in":
            return _sentence_subject(found, position)
    return _subject_before(found, position)


def _subject_at(found: Found, at: int) -> tuple[Actor | None, Actor | None]:
    """The actor or described people starting at token ``at`` ("from human rights groups")."""
    tokens = found.view.tokens
    end = at
    while end < len(tokens) and tokens[end].is_word and tokens[end].lower not in _PHRASE_END - {"of"}:
        end += 1
    if end == at:
        return None, None
    return _noun_phrase_actor(found, at, end)


def _sentence_subject(found: Found, before: int) -> tuple[Actor | None, Actor | None]:
    tokens = found.view.tokens
    end = 0
    while (
        end < before
        and tokens[end].lower not in _AUXILIARIES
        and (tokens[end].is_title or tokens[end].lower in ("'s", "'") or tokens[end].lower in _words("kin"))
    ):
        end += 1
    return _noun_phrase_actor(found, 0, end) if end else (None, None)


def _subject_before(found: Found, position: int) -> tuple[Actor | None, Actor | None]:
    """The subject of the clause that ends at token ``position`` (the verb of the request follows it)."""
    tokens = found.view.tokens
    while position >= 0 and (
        tokens[position].lower in _AUXILIARIES
        or _in_time(found, position)
        or (tokens[position].lower in ("on", "in", "at", "late", "early") and _in_time(found, position + 1))
    ):
        position -= 1
    if position < 0:
        return None, None
    if tokens[position].lower in ("and", "that", "who"):
        # "X called the charges vague and pressed Iran to ...", "X joined a chorus of states that called for":
        # the subject of the sentence's first clause
        return _first_subject(found, position)
    if tokens[position].text == ",":
        # "X's wife, Ensaf Haidar, has appealed": the person in apposition
        span = _span_ending(found, position)
        if (
            span is not None
            and span.kind == "PERSON"
            and span.start > 0
            and tokens[span.start - 1].text == ","
        ):
            # "Manning's trial attorney, David E. Coombs,": he speaks for Manning
            described, speaks_for = _noun_phrase_actor(
                found, clause_opening(tokens, span.start - 1), span.start - 1
            )
            return _actor(span), speaks_for if described is not None else None
        if found.match.anchor < len(tokens) and tokens[found.match.anchor].lower.endswith("ing"):
            clause = [token.lower for token in tokens[clause_opening(tokens, position) : position]]
            if "said" in clause or "says" in clause:
                # "Amnesty said on Sunday, calling on ...": who said it
                char = tokens[position].start
                subjects = subject_of(found.cast, found.article, found.sentence, char)
                return (subjects[0] if subjects else None), None
            # "X sent a letter to Y, urging him to ...": the subject of the sentence
            return _first_subject(found, position)
        return None, None
    opening = clause_opening(tokens, position + 1)
    span = _span_ending(found, position + 1)
    if span is not None and span.start >= opening:
        first = _phrase_start(found, span.start, opening)
        if first < span.start:
            return _noun_phrase_actor(found, first, position + 1)
        governed = span.start > 0 and tokens[span.start - 1].lower in _PREPOSITIONS
        if not governed:
            return _actor(span), None
        # "wrote to President X urging him": the writer is the subject before
        back = span.start - 2
        while (
            back >= 0
            and back >= span.start - 5
            and (tokens[back].lower in _MAKING or tokens[back].lower in _AUXILIARIES)
        ):
            back -= 1
        return _subject_before(found, back) if back >= 0 else (None, None)
    if position + 1 - opening > 9 or position + 1 == opening:
        return None, None
    return _noun_phrase_actor(found, opening, position + 1)


def _first_subject(found: Found, before: int) -> tuple[Actor | None, Actor | None]:
    """The first actor of the sentence that is no preposition's object (the subject of its main clause)."""
    tokens = found.view.tokens
    for start in range(before):
        for span in _spans(found.view).get(start, ()):
            if span.kind not in ("PERSON", "STATE", "ORG", "GROUP"):
                continue
            if start > 0 and (tokens[start - 1].lower in _PREPOSITIONS or tokens[start - 1].lower == "'s"):
                break
            if span.end < len(tokens) and tokens[span.end].lower == "'s":
                break
            return _actor(span), None
    return None, None


#: Title groups (``data/titles.tsv``) of office holders: whom a request asks, never whom it frees.
_OFFICES = frozenset(
    {"president", "president-elect", "vice-president", "premier", "chancellor", "monarch", "minister",
     "foreign-minister", "governor", "mayor", "pope"}
)  # fmt: skip


def _referent(
    found: Found, at: int, *, pronoun: str, exclude: tuple[Actor, ...] = (), asked: bool = False
) -> list[Actor]:
    """
    The person a pronoun at offset ``at`` means in a request: the last one named before it, other
    than ``exclude`` and, unless the one meant is ``asked``, office holders, if named in the two sentences
    before it or earlier in its paragraph (else no one).
    """
    people = found.cast.people_before(at, count=3, exclude=exclude, pronoun=pronoun)
    people = [p for p in people if asked or p.title is None or title_groups(p.title) not in _OFFICES][:1]
    if not people:
        return []
    sentence = found.sentence
    near = [
        other
        for other in found.cast.sentences_before(at, count=4)
        if other.paragraph == sentence.paragraph or other.index >= sentence.index - 2
    ]
    if any(mention.actor.name == people[0].name for other in near for mention in found.cast.mentions(other)):
        return people
    return []


def _in_time(found: Found, position: int) -> bool:
    return any(
        span.kind == "TIME" and span.start <= position < span.end
        for start in range(max(0, position - 4), position + 1)
        for span in _spans(found.view).get(start, ())
    )


def _phrase_start(found: Found, start: int, opening: int) -> int:
    """Where the noun phrase holding a name starts: "the family of jailed journalist X", "a lawyer for X"."""
    tokens = found.view.tokens
    position = start
    for _ in range(5):
        if position - 1 < opening:
            break
        if tokens[position - 1].lower in ("of", "for") and position - 2 >= opening:
            if tokens[position - 2].lower in _words("kin"):
                return max(opening, _determiner_start(tokens, position - 2, opening))
            return start
        if not tokens[position - 1].is_word:
            break
        position -= 1
    return start


def _determiner_start(tokens: tuple[Token, ...], position: int, opening: int) -> int:
    while position - 1 >= opening and tokens[position - 1].is_word and not tokens[position - 1].is_title:
        position -= 1
    if position - 1 >= opening and tokens[position - 1].lower in ("the", "a", "an"):
        position -= 1
    return position


def _noun_phrase_actor(found: Found, start: int, end: int) -> tuple[Actor | None, Actor | None]:
    """
    The requester a noun phrase names, and whom it speaks for: "the family of X" and "X's
    lawyers" (for X), "his wife" (for the person the pronoun means), "human rights groups".
    """
    tokens = found.view.tokens
    while start < end and tokens[start].lower in ("and", "but", "while", "as"):
        start += 1  # "..., and her husband asked": the conjunction is no part of the subject
    words = list(tokens[start:end])
    while words and (words[-1].lower in _AUXILIARIES or not words[-1].is_word):
        words.pop()
    if not words or len(words) > 12:
        return None, None
    end = start + len(words)
    written = _text(found, start, end)
    kin = _words("kin")
    # a person named in the phrase: "the family of X", "X's lawyers", "lawyers for X"
    person = None
    for at in range(start, end):
        if tokens[at].lower in _PRONOUNS:
            continue  # "her husband": whom "her" means is read below, as a request's beneficiary
        for span in _spans_at(found, at, "PERSON"):
            if span.end <= end:
                person = _actor(span)
                break
        if person is not None:
            break
    lowered = [token.lower for token in words]
    has_kin = any(word in kin for word in lowered)
    if person is not None and has_kin:
        kin_head = next(word for word in lowered if word in kin)
        return _described(words, written, kin_head), person
    if person is not None:
        whole = _span_ending(found, end)
        return (person if whole is not None and whole.start <= start + 3 else None), None
    if has_kin and lowered[0] not in _POSSESSIVES and ("a" in lowered or "an" in lowered):
        # "the wife of a British aid worker detained in Iran": the worker, named later ("The aid worker, X,")
        cut = next(
            (i for i, word in enumerate(lowered) if word in _HELD or word in ("in", "who")), len(words)
        )
        words = words[:cut]
        kin_head = next(word for word in lowered if word in kin)
        return _described(words, _text(found, start, start + len(words)), kin_head), _named_later(
            found, words[-1].lower
        )
    if lowered[0] in _POSSESSIVES and len(words) >= 2 and words[-1].lower in kin:
        # "his family", "her husband": they speak for the person the pronoun means
        meant = _referent(found, tokens[start].start, pronoun=lowered[0])
        return _described(words, written), (meant[0] if meant else None)
    state = next((_actor(s) for at in range(start, end) for s in _spans_at(found, at, "STATE", "ORG")), None)
    if state is not None and all(token.is_title or token.lower in ("the", "of", "'s") for token in words):
        return state, None
    if lowered[0] in ("it", "they", "we", "this", "there", "which", "more", "than") or len(words) > 7:
        return None, None
    if any(token.shape == "d" for token in words):
        return None, None  # "More than 100,000 people": signatories, not a requester
    if len(words) == 1 and words[0].text in _seats():
        return Actor.state(_seats()[words[0].text]), None  # "Washington has asked ..."
    if all(token.is_title for token in words) and len(words) <= 3:
        named = found.cast.person(written)  # "Kerry urged ...": the full name given elsewhere
        if named is not None:
            return named.actor, None
    head = _head(words)
    if head in _words("organisations") and lowered[0] in ("a", "an", "the"):
        return Actor.organization(written), None  # "A website calling for his release"
    if (words[-1].is_title and words[-1].index != 0) or not _is_noun_of_people(head):
        if state is not None and words[-1].lower in ("office", "agency", "ministry", "department", "body"):
            return Actor.organization(written.removeprefix("The ").removeprefix("the ")), None
        return None, None
    return _described(words, written), None


def _named_later(found: Found, noun: str) -> Actor | None:
    """The person a description names in the next sentences: "The teacher, Paul Moore, was ..."."""
    index = found.sentence.index
    for sentence in found.article.all_sentences[index + 1 : index + 4]:
        if not sentence.carriable:
            continue
        seen = view(found.article, sentence)
        for position, token in enumerate(seen.tokens[:-2]):
            if token.lower == noun and seen.tokens[position + 1].text == ",":
                for span in _spans(seen).get(position + 2, ()):
                    if span.kind == "PERSON":
                        return _actor(span)
    return None


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
        actor = _actor(span)
        if actor is not None and actor.kind is ActorKind.PERSON:
            return actor, True
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
        return _possessor(found, list(words), requester, speaks_for, exclude), True
    if found.option("object"):
        start = found.match.end
        end = start
        while (
            end < len(tokens)
            and end - start < 8
            and tokens[end].lower not in _PHRASE_END
            and tokens[end].text not in (",", ".", ";", ":", '"', "“", "”", "(", ")", "—", "–")
        ):
            end += 1
        if end > start:
            return _object(found, start, end, speaks_for=speaks_for, exclude=exclude), True
    return None, False


def _possessor(
    found: Found,
    words: list[Token],
    requester: Actor | None,
    speaks_for: Actor | None,
    exclude: tuple[Actor, ...],
) -> Actor | None:
    if not words:
        return None
    first = words[0].index
    for span in _spans_at(found, first, "PERSON"):
        return _actor(span)
    lowered = [token.lower for token in words]
    if lowered[0] in _POSSESSIVES:
        if len(words) >= 3 and words[2].lower in ("'s", "'") and words[1].lower in _words("kin"):
            return speaks_for  # "his son's release": the son the requester speaks for
        if len(words) >= 2 and words[1].lower in ("'s", "'"):
            return speaks_for
        people = _referent(found, words[0].start, exclude=exclude, pronoun=lowered[0])
        if lowered[0] == "their":
            return None
        return people[0] if people else None
    at = next((i for i, token in enumerate(words) if token.lower in ("'s", "'")), None)
    if at:
        start = 1 if lowered[0] in _DETERMINERS else 0
        phrase = words[start:at]
        if phrase and _is_people(phrase[-1].lower):
            return Actor.group(" ".join(token.text for token in phrase))
    return None


def _is_people(word: str) -> bool:
    people = _words("people")
    return word in people or word.rstrip("s") in people


def _object(
    found: Found, start: int, end: int, *, speaks_for: Actor | None, exclude: tuple[Actor, ...]
) -> Actor | None:
    """Whom the words after the requested act name, if people: a name, a pronoun or a description."""
    tokens = found.view.tokens
    words = list(tokens[start:end])
    lowered = [token.lower for token in words]
    for at in range(start, end):
        for span in _spans_at(found, at, "PERSON"):
            if tokens[at].lower in ("him", "her"):
                break
            if any(not (t.is_title or t.lower in _DETERMINERS or t.is_word) for t in tokens[start:at]):
                break
            return _actor(span)
    first = lowered[0]
    if first == "her" and len(words) >= 2 and words[1].is_word and lowered[1] not in _PHRASE_END:
        first = "her-possessive"
    if first in ("him", "her") and speaks_for is not None:
        return speaks_for
    if first in ("him", "her"):
        people = _referent(found, words[0].start, exclude=exclude, pronoun=first)
        people = people or _referent(found, words[0].start, pronoun=first)
        return people[0] if people else None
    if first == "them":
        return _plural_antecedent(found, words[0].start)
    if first in _POSSESSIVES or first == "her-possessive":
        first = lowered[0]
        if len(words) >= 2 and lowered[1] in ("sentence", "sentences", "death", "life", "prison", "jail"):
            people = _referent(found, words[0].start, exclude=exclude[1:] if exclude else (), pronoun=first)
            return people[0] if people else speaks_for
        if len(words) >= 2 and (lowered[1] in _words("kin") or lowered[1] == "client"):
            return speaks_for
        return None
    if first == "the" and len(words) >= 2 and lowered[1] in ("sentence", "sentences", "death", "life"):
        return speaks_for
    cut = next(
        (i for i, word in enumerate(lowered) if word in _HELD and i > 1 and _is_people(lowered[i - 1])),
        len(words),
    )
    words, lowered, end = words[:cut], lowered[:cut], start + cut
    if not _is_people(lowered[-1]):
        return None
    if first in ("a", "an") and not lowered[-1].endswith("s"):
        # "an Israeli-American woman imprisoned in Moscow": the person the paragraph names
        named = _near_person(found, exclude)
        if named is not None:
            return named
    if first == "the" and len(words) <= 4 and not lowered[-1].endswith("s"):
        described = _definite(found, lowered[-1], words[0].start, exclude)
        if described is not None:
            return described
    return Actor.group(_text(found, start, end))


def _near_person(found: Found, exclude: tuple[Actor, ...]) -> Actor | None:
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
    } | {name for number, name in _Index.of(found).held_people() if number > index}
    return next((p for p in found.cast.salient_people() if p.name in near and p.name not in skip), None)


def _definite(found: Found, head: str, at: int, exclude: tuple[Actor, ...]) -> Actor | None:
    """The one person named earlier whom "the jailed blogger" means: the blogger the article named."""
    skip = {actor.name for actor in exclude}
    candidates: dict[str, Actor] = {}
    text = found.article.text
    for sentence in found.cast.sentences_before(at, count=12):
        for mention in found.cast.mentions(sentence):
            actor = mention.actor
            if mention.end > at or actor.kind is not ActorKind.PERSON or actor.name in skip:
                continue
            before = text[max(0, mention.start - 30) : mention.start].split()
            titled = actor.title is not None and actor.title.lower().split()[-1] == head
            if titled or (before and before[-1].lower() == head):
                candidates[actor.name] = actor
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def _plural_antecedent(found: Found, at: int) -> Actor | None:
    """ "Two journalists were jailed ..., calling on Egypt to free them": the last people noun before."""
    tokens = found.view.tokens
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.start >= at or not (token.lower.endswith("s") and _is_people(token.lower)):
            continue
        first = index
        while (
            first > 0 and index - first < 4 and (tokens[first - 1].is_title or tokens[first - 1].shape == "d")
        ):
            if tokens[first - 1].lower in ("the", "a", "an"):
                break
            first -= 1
        return Actor.group(_text(found, first, index + 1))
    return None


# --------------------------------------------------------------------------- addressee


@cache
def _seats() -> dict[str, str]:
    """Capitals and seats of government that stand for their state ("called on Moscow", "the Kremlin")."""
    rows = table("capitals.tsv") + table("metonyms.tsv")
    return {row[1]: row[0] for row in rows if len(row) >= 2 and " " not in row[1]}


def _named_object(found: Found) -> list[Actor]:
    """
    An authority the mention layer does not give: "called on Moscow to free", "urged the Kremlin"
    (a seat of government is its state), "asked the Russian leader" (the one person so titled),
    "urged Kerry" (a surname the article names in full elsewhere).
    """
    tokens = found.view.tokens
    for position in range(found.match.anchor + 1, min(found.match.end, found.match.anchor + 4)):
        token = tokens[position]
        if token.shape != "Xx":
            continue
        following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
        if following == "'s":
            return []  # "Chavez's political heirs": whose heirs the text does not say as a state
        if following in _words("office_nouns"):
            holder = found.cast.resolve(f"the {token.text} {following}", at=token.start)
            if holder is not None and holder.kind is ActorKind.PERSON:
                return [holder]
        code = _seats().get(token.text) or country_code(token.text)
        if code is not None:
            return [Actor.state(code)]
        named = found.cast.person(token.text)
        return [named.actor] if named is not None and following not in _words("office_nouns") else []
    return []


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
            people = _referent(
                found, tokens[span.start].start, exclude=exclude, pronoun=tokens[span.start].lower, asked=True
            )
            captured = people[:1]
    if not captured and found.entry.name.startswith(("ask_", "demanded")):
        captured = _named_object(found)
    for actor in captured:
        if actor not in out and (requester is None or actor.name != requester.name):
            out.append(actor)
    if out:
        return out
    tokens = found.view.tokens
    stop = len(tokens)
    for position in range(found.match.end - 1, min(stop, found.match.end + 10)):
        word = tokens[position].lower
        if word in (",", ";", "."):
            break
        if word in ("from", "to") and position + 1 < stop:
            at = position + 1
            if tokens[at].lower == "the":
                at += 1
            named = [_actor(span) for span in _spans_at(found, at, "PERSON", "STATE", "ORG")]
            if named and named[0] is not None:
                return [named[0]]
            if word == "from" and at < stop and tokens[at].is_title and found.entry.name == "seek_relief":
                end = at
                while end < stop and tokens[end].is_title:
                    end += 1
                return [Actor.organization(_text(found, at, end))]
    return out


class _Index:
    """What the recogniser looks up across an article, built once per article (lookups stay linear)."""

    def __init__(self, found: Found) -> None:
        self.found = found
        self.sentences = found.article.all_sentences
        self.words: dict[str, list[int]] = {}
        for sentence in self.sentences:
            if sentence.carriable:
                for word in {w.strip(".,;:'\"“”‘’()") for w in sentence.text.split()}:
                    self.words.setdefault(word.removesuffix("'s").removesuffix("’s"), []).append(
                        sentence.index
                    )
        self._held: dict[int, list[str]] = {}
        self._all_held: dict[str, int] | None = None
        self._held_people: list[tuple[int, str]] | None = None

    @classmethod
    def of(cls, found: Found) -> _Index:
        cached = found.article.__dict__.get("_pardon_index")
        if not isinstance(cached, _Index):
            cached = cls(found)
            found.article.__dict__["_pardon_index"] = cached
        return cached

    def held(self, index: int) -> list[str]:
        """The states sentence ``index`` says someone is held in (read once)."""
        if index not in self._held:
            lowered = self.sentences[index].text.lower()
            worth = not _HELD.isdisjoint(lowered.split()) or any(word in lowered for word in _HOLDERS)
            self._held[index] = list(_held_in(self.found, self.sentences[index])) if worth else []
        return self._held[index]

    def all_held(self) -> dict[str, int]:
        if self._all_held is None:
            counts: dict[str, int] = {}
            for sentence in self.sentences:
                lowered = sentence.text.lower()
                if sentence.carriable and (
                    not _HELD.isdisjoint(lowered.split()) or any(word in lowered for word in _HOLDERS)
                ):
                    for code in self.held(sentence.index):
                        counts[code] = counts.get(code, 0) + 1
            self._all_held = counts
        return self._all_held

    def held_people(self) -> list[tuple[int, str]]:
        """The people named in sentences that say someone is held, with the sentence's index."""
        if self._held_people is None:
            cast = self.found.cast
            self._held_people = [
                (sentence.index, mention.actor.name)
                for sentence in self.sentences
                if sentence.carriable and not _HELD.isdisjoint(sentence.text.lower().split())
                for mention in cast.mentions(sentence)
            ]
        return self._held_people


def _held_state(found: Found, beneficiary: Actor | None, exclude: set[str]) -> Actor | None:
    """
    The state holding the beneficiary, when the text says where: a sentence about them says
    they are held, jailed or sentenced in a state ("jailed in Egypt", "a Saudi court").
    """
    index = _Index.of(found)
    counts: dict[str, int] = {}
    if beneficiary is not None and beneficiary.kind is ActorKind.PERSON:
        about = list(index.words.get(beneficiary.name.split()[-1], []))
        following = [n + 1 for n in about if n + 1 < len(index.sentences)]
        about += [n for n in following if n not in about and not _names_people(found, index.sentences[n])]
        for number in about:
            for code in index.held(number):
                counts[code] = counts.get(code, 0) + 1
    else:
        counts = dict(index.all_held())
        if not counts:
            # "political prisoners" with no word of where: the state the article is about
            counts = found.cast.state_counts()
    counts = {code: n for code, n in counts.items() if code not in exclude}
    ranked = sorted(counts, key=lambda code: -counts[code])
    if ranked and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]):
        return Actor.state(ranked[0])
    return None


def _names_people(found: Found, sentence: Sentence) -> bool:
    return any(m.actor.kind is ActorKind.PERSON for m in found.cast.mentions(sentence))


def _held_in(found: Found, sentence: Sentence) -> Iterator[str]:
    """
    The states a sentence says someone is held in: "jailed in Egypt", "an Egyptian court",
    "Saudi Arabia's Supreme Court" (read from the cast's mentions: no tokens needed).
    """
    text = found.article.text
    for mention in found.cast.mentions(sentence):
        actor = mention.actor
        words = mention.text.replace("’", "'").split()
        if actor.kind is ActorKind.ORGANIZATION and words and words[-1].lower() in _HOLDERS:
            # "Saudi Arabia's Supreme Court", "the Egyptian Court of Cassation"
            for size in (1, 2, 3):
                code = country_code(
                    " ".join(w.removesuffix("'s") for w in words[:size] if w.lower() != "the")
                )
                if code is not None:
                    yield code
                    break
            continue
        if actor.kind is not ActorKind.COUNTRY or actor.country is None:
            continue
        before = text[max(sentence.start, mention.start - 60) : mention.start].lower().split()
        held = "in" in before[-2:] and not _HELD.isdisjoint(before)
        after = text[mention.end : min(sentence.end, mention.end + 30)].lower().replace("'s", " ").split()[:3]
        if held or not _HOLDERS.isdisjoint(after):
            yield actor.country


# --------------------------------------------------------------------------- events


#: Tokens that end the clause of a request after it: what follows dates something else.
_CLAUSE_AFTER = frozenset(
    {",", ";", ":", "but", "which", "who", "after", "since", "when", "before", "—", "–"}
)


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
    tokens = found.view.tokens
    anchor = found.match.anchor
    article, sentence = found.article, found.sentence
    if anchor > 0 and tokens[anchor - 1].text == "," and tokens[anchor].lower.endswith("ing"):
        day = reporting_day(article, sentence)
        if day is not None:
            return day
    opening = clause_opening(tokens, anchor)
    end = found.match.end
    while end < len(tokens) and tokens[end].lower not in _CLAUSE_AFTER:
        end += 1
    start_char, end_char = found.view.char_range(opening, max(end, opening + 1))
    date = attached_date(article, sentence, start_char, end_char, reach=0)
    if date is not None or found.option("requester") == "from":
        return date
    first_comma = next((i for i in range(opening) if tokens[i].text == ","), None)
    if first_comma is not None and opening > 0:
        begin, stop = found.view.char_range(0, first_comma)
        date = attached_date(article, sentence, begin, stop, reach=0) or recency_date(article, begin, stop)
        if date is not None:
            return date
    day = reporting_day(article, sentence)
    if day is not None and (_tied_to_day(found, day) or _own_statement(found)):
        return day
    return None


def _own_statement(found: Found) -> bool:
    """ "X urged Y to free Z, it said on Monday": the request is the requester's own statement."""
    tokens = found.view.tokens
    for position in range(found.match.end, len(tokens) - 2):
        if tokens[position].text == "," and tokens[position + 1].lower in ("it", "they", "he", "she"):
            return tokens[position + 2].lower in ("said", "says", "added")
    return False


def _tied_to_day(found: Found, day: PartialDate) -> bool:
    """Whether the article ties that day to a conversation ("Thursday's phone call"): a request made in it."""
    days: dict[PartialDate, bool] = found.article.__dict__.setdefault("_pardon_days", {})
    if day not in days:
        days[day] = _conversation_on(found, day)
    return days[day]


def _conversation_on(found: Found, day: PartialDate) -> bool:
    for sentence in found.article.sentences_with(("call", "conversation", "talks", "meeting")):
        seen = view(found.article, sentence)
        tokens = seen.tokens
        for position, token in enumerate(tokens[:-1]):
            if token.lower != "'s":
                continue
            following = [t.lower for t in tokens[position + 1 : position + 3]]
            if not any(word in ("call", "conversation", "talks", "meeting") for word in following):
                continue
            for begin in range(max(0, position - 3), position):
                for span in _spans(seen).get(begin, ()):
                    if (
                        span.kind == "TIME"
                        and span.end == position
                        and getattr(span.value, "date", None) == day
                    ):
                        return True
    return False


def build(found: Found) -> Iterator[PardonRequest]:
    """The requests one match states: one per authority asked."""
    requester, speaks_for = _requester(found)
    if requester is None:
        return
    addressees: list[Actor | None] = list(_addressees(found, requester))
    if found.option("decider") and not found.actors("requester"):
        addressees = list(found.actors("addressee")[:1])
        pronoun = next(
            (t for t in found.view.tokens[found.match.start : found.match.end] if t.lower in _POSSESSIVES),
            None,
        )
        deciders = tuple(actor for actor in addressees if actor is not None)
        people = _referent(found, pronoun.start, exclude=deciders, pronoun=pronoun.lower) if pronoun else []
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
        addressees = [_held_state(found, beneficiary, {code for code in (requester.country,) if code})]
    date = _date(found)
    for addressee in addressees:
        if addressee is not None and addressee.name == beneficiary.name:
            continue
        yield PardonRequest(
            requester=requester,
            addressee=addressee,
            beneficiary=beneficiary,
            date=date,
            evidence=found.evidence(),
            source=found.article.source,
        )


def _salient(found: Found, requester: Actor, addressees: list[Actor | None]) -> Actor | None:
    """ "Calls for clemency" with no one named: the person the paragraph is about."""
    if found.option("requester") != "from":
        return None
    skip = {requester.name} | {actor.name for actor in addressees if actor is not None}
    near = {
        mention.actor.name
        for sentence in found.cast.sentences_before(found.sentence.start, count=3)
        for mention in found.cast.mentions(sentence)
    } | {mention.actor.name for mention in found.cast.mentions(found.sentence)}
    for person in found.cast.salient_people():
        if person.name not in skip and person.name in near:
            return person
    return None


SPEC = Spec(PardonRequest, "pardon", build, blocking=frozenset({"modal", "negation"}), excludes="excludes")
find_pardon_requests = register_recogniser(PardonRequest)(recogniser(SPEC))
