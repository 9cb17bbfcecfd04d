"""
Reading the noun phrases around a match: who a clause's subject is, what a described actor is,
whom a pronoun means. Written once for every event type; a type's recogniser calls it from
its ``build`` function with the engine's `Found`.

- `subject_before`: the subject of the clause that ends before a verb: a name ("Amnesty
  International"), the person in apposition ("X's wife, Ensaf Haidar,"), who said what a
  participle continues ("Amnesty said on Monday, urging ..."), or a description;
- `noun_phrase_actor`: the actor a description names ("human rights groups" a group,
  "a former mayor" a person, "Washington" a state) and the person it speaks for when it is
  kin or counsel ("the family of X", "X's lawyers", "his wife");
- `referent`: the person a pronoun means, if named near it;
- `definite_person`, `plural_antecedent`, `named_later`: "the jailed blogger" (the one blogger
  named before), "them" (the last people noun), "a teacher ... The teacher, X," (named later);
- `listed_items`: the short phrases a sentence lists from a point on ("discussed Syria, Iraq
  and trade": three), each as written.

Word lists are in ``data/lexicon/`` (kin, people, group and organisation nouns).
This module names no event type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from newsevents.model import Actor, ActorKind
from newsevents.parsing.actors import title_groups
from newsevents.parsing.article import table
from newsevents.parsing.blocking import clause_opening
from newsevents.parsing.clauses import subject_of
from newsevents.parsing.engine import Found
from newsevents.parsing.mentions import SentenceView, view
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token


@cache
def _words(name: str) -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", name)


#: Words between a subject and its verb ("X has repeatedly asked"), and before a noun phrase's head.
AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "also", "repeatedly", "again", "previously", "already",
     "recently", "reportedly", "been", "once", "long", "publicly", "formally", "earlier", "later", "then",
     "personally", "separately", "jointly", "today", "yesterday"}
)  # fmt: skip


#: Words that end the noun phrase of a beneficiary ("release X from prison", "X, who ...").
PHRASE_END = frozenset(
    {"from", "in", "on", "at", "as", "after", "before", "who", "which", "that", "and", "but", "to", "by",
     "for", "with", "while", "during", "immediately", "unconditionally", "safely", "soon", "now", "said",
     "says", "early", "because", "since", "or", "under", "without", "if", "amid", "over", "whose"}
)  # fmt: skip


DETERMINERS = frozenset({"the", "a", "an", "all", "its", "their", "his", "her", "some", "one", "another"})


POSSESSIVES = frozenset({"his", "her", "their"})


PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})


PREPOSITIONS = frozenset({"to", "with", "from", "by", "against", "at", "in", "on", "about", "of", "for"})


#: Verbs a request noun follows: its maker is their subject ("X filed a petition").
MAKING = frozenset(
    {"filed", "files", "file", "submitted", "submits", "submit", "made", "makes", "sent", "sends", "lodged",
     "renewed", "issued", "wrote", "signed", "launched", "delivered", "presented", "a", "an", "the", "new",
     "his", "her", "their", "formal", "fresh", "second", "final", "written", "has", "have", "had"}
)  # fmt: skip


#: Verbs of being held: "jailed in Egypt", "held in Iran".
HELD = frozenset(
    {"held", "jailed", "imprisoned", "detained", "arrested", "sentenced", "convicted", "prison", "jail",
     "custody", "abducted", "kidnapped", "captured", "seized"}
)  # fmt: skip


#: The span kinds the recogniser reads around a match (counts and terms are never needed).
KINDS = frozenset({"PERSON", "STATE", "ORG", "GROUP", "ACTORS", "TIME"})


#: Title groups (``data/titles.tsv``) of office holders: whom a request asks, never whom it frees.
OFFICES = frozenset(
    {"president", "president-elect", "vice-president", "premier", "chancellor", "monarch", "minister",
     "foreign-minister", "governor", "mayor", "pope"}
)  # fmt: skip


def sentence_spans(seen: SentenceView) -> Mapping[int, Sequence[Span]]:
    return seen.spans_for(KINDS)


def spans_at(found: Found, at: int, *kinds: str) -> list[Span]:
    return [span for span in sentence_spans(found.view).get(at, ()) if not kinds or span.kind in kinds]


def span_ending(found: Found, end: int) -> Span | None:
    """The longest actor span (person, state, organisation) that ends just before token ``end``."""
    best: Span | None = None
    for start in range(max(0, end - 8), end):
        for span in sentence_spans(found.view).get(start, ()):
            actor = span.end == end and span.kind in ("PERSON", "STATE", "ORG", "GROUP")
            if actor and (best is None or span.start < best.start):
                best = span
    return best


def text_of(found: Found, start: int, end: int) -> str:
    first, last = found.view.char_range(start, end)
    return found.article.text[first:last]


def actor_of(span: Span) -> Actor | None:
    value = span.value
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], Actor) else None
    return value if isinstance(value, Actor) else None


def described_actor(words: list[Token], written: str, head: str | None = None) -> Actor | None:
    """A described actor: "human rights groups" (a group), "a former mayor" (one person), by its head noun."""
    head = head or head_noun(words)
    if not words[-1].is_word:
        return None
    if words[0].lower in ("a", "an", "one") and len(words) > 1:
        written = written.split(" ", 1)[1]
    if (head.endswith("s") and not head.endswith("ss")) or head in _words("group_nouns"):
        return Actor.group(written)
    return Actor.person(written)


def head_noun(words: list[Token]) -> str:
    """The head noun of a phrase: the word before its first preposition ("group on X"), or the last."""
    for index, token in enumerate(words[1:], start=1):
        if token.lower in ("of", "for", "on", "in", "at", "from", "with"):
            return words[index - 1].lower
    return words[-1].lower


def is_people_noun(word: str) -> bool:
    return (
        is_person_noun(word)
        or word in _words("group_nouns")
        or (word.endswith("s") and word[:-1] in _words("group_nouns"))
        or word in _words("kin")
        or word in _words("office_nouns")
        or word in _words("title_words")
        or word in title_word_set()
    )


@cache
def title_word_set() -> frozenset[str]:
    """The words of people's titles (``data/titles.tsv``): "a former senator" is one person."""
    return frozenset(word.lower() for row in table("titles.tsv") for word in row[0].split())


def subject_at(found: Found, at: int) -> tuple[Actor | None, Actor | None]:
    """The actor or described people starting at token ``at`` ("from human rights groups")."""
    tokens = found.view.tokens
    end = at
    while end < len(tokens) and tokens[end].is_word and tokens[end].lower not in PHRASE_END - {"of"}:
        end += 1
    if end == at:
        return None, None
    return noun_phrase_actor(found, at, end)


def sentence_subject(found: Found, before: int) -> tuple[Actor | None, Actor | None]:
    tokens = found.view.tokens
    end = 0
    while (
        end < before
        and tokens[end].lower not in AUXILIARIES
        and (tokens[end].is_title or tokens[end].lower in ("'s", "'") or tokens[end].lower in _words("kin"))
    ):
        end += 1
    return noun_phrase_actor(found, 0, end) if end else (None, None)


def subject_before(found: Found, position: int) -> tuple[Actor | None, Actor | None]:
    """The subject of the clause that ends at token ``position`` (the verb of the request follows it)."""
    tokens = found.view.tokens
    while position >= 0 and (
        tokens[position].lower in AUXILIARIES
        or in_time(found, position)
        or (tokens[position].lower in ("on", "in", "at", "late", "early") and in_time(found, position + 1))
    ):
        position -= 1
    if position < 0:
        return None, None
    if tokens[position].lower in ("and", "that", "who"):
        # "X called the charges vague and pressed Iran to ...", "X joined a chorus of states that called for":
        # the subject of the sentence's first clause
        return first_subject(found, position)
    if tokens[position].text == ",":
        relative = next(
            (
                at
                for at in range(position - 1, 0, -1)
                if tokens[at].lower in ("who", "which") and tokens[at - 1].text == ","
            ),
            None,
        )
        if relative is not None and "," not in [token.text for token in tokens[relative:position]]:
            # "X, who was arrested in May, asked for mercy": the subject before the relative clause
            span = span_ending(found, relative - 1)
            if span is not None:
                return actor_of(span), None
        # "X's wife, Ensaf Haidar, has appealed": the person in apposition
        span = span_ending(found, position)
        if (
            span is not None
            and span.kind == "PERSON"
            and span.start > 0
            and tokens[span.start - 1].text == ","
        ):
            # "Manning's trial attorney, David E. Coombs,": he speaks for Manning
            described, speaks_for = noun_phrase_actor(
                found, clause_opening(tokens, span.start - 1), span.start - 1
            )
            return actor_of(span), speaks_for if described is not None else None
        if found.match.anchor < len(tokens) and tokens[found.match.anchor].lower.endswith("ing"):
            clause = [token.lower for token in tokens[clause_opening(tokens, position) : position]]
            if "said" in clause or "says" in clause:
                # "Amnesty said on Sunday, calling on ...": who said it
                char = tokens[position].start
                subjects = subject_of(found.cast, found.article, found.sentence, char)
                return (subjects[0] if subjects else None), None
            # "X sent a letter to Y, urging him to ...": the subject of the sentence
            return first_subject(found, position)
        return None, None
    opening = clause_opening(tokens, position + 1)
    span = span_ending(found, position + 1)
    if span is not None and span.start >= opening:
        first = phrase_start(found, span.start, opening)
        if first < span.start:
            return noun_phrase_actor(found, first, position + 1)
        governed = span.start > 0 and tokens[span.start - 1].lower in PREPOSITIONS
        if not governed:
            return actor_of(span), None
        # "wrote to President X urging him": the writer is the subject before
        back = span.start - 2
        while (
            back >= 0
            and back >= span.start - 5
            and (tokens[back].lower in MAKING or tokens[back].lower in AUXILIARIES)
        ):
            back -= 1
        return subject_before(found, back) if back >= 0 else (None, None)
    if position + 1 - opening > 9 or position + 1 == opening:
        return None, None
    return noun_phrase_actor(found, opening, position + 1)


def first_subject(found: Found, before: int) -> tuple[Actor | None, Actor | None]:
    """The first actor of the sentence that is no preposition's object (the subject of its main clause)."""
    tokens = found.view.tokens
    for start in range(before):
        for span in sentence_spans(found.view).get(start, ()):
            if span.kind not in ("PERSON", "STATE", "ORG", "GROUP"):
                continue
            if start > 0 and (tokens[start - 1].lower in PREPOSITIONS or tokens[start - 1].lower == "'s"):
                break
            if span.end < len(tokens) and tokens[span.end].lower == "'s":
                break
            return actor_of(span), None
    return None, None


def referent(
    found: Found, at: int, *, pronoun: str, exclude: tuple[Actor, ...] = (), asked: bool = False
) -> list[Actor]:
    """
    The person a pronoun at offset ``at`` means in a request: the last one named before it, other
    than ``exclude`` and, unless the one meant is ``asked``, office holders, if named in the two sentences
    before it or earlier in its paragraph (else no one).
    """
    people = found.cast.people_before(at, count=3, exclude=exclude, pronoun=pronoun)
    people = [p for p in people if asked or p.title is None or title_groups(p.title) not in OFFICES][:1]
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


def in_time(found: Found, position: int) -> bool:
    return any(
        span.kind == "TIME" and span.start <= position < span.end
        for start in range(max(0, position - 4), position + 1)
        for span in sentence_spans(found.view).get(start, ())
    )


def phrase_start(found: Found, start: int, opening: int) -> int:
    """Where the noun phrase holding a name starts: "the family of jailed journalist X", "a lawyer for X"."""
    tokens = found.view.tokens
    position = start
    for _ in range(5):
        if position - 1 < opening:
            break
        if tokens[position - 1].lower in ("of", "for") and position - 2 >= opening:
            if tokens[position - 2].lower in _words("kin"):
                return max(opening, determiner_start(tokens, position - 2, opening))
            return start
        if not tokens[position - 1].is_word:
            break
        position -= 1
    return start


def determiner_start(tokens: tuple[Token, ...], position: int, opening: int) -> int:
    while position - 1 >= opening and tokens[position - 1].is_word and not tokens[position - 1].is_title:
        position -= 1
    if position - 1 >= opening and tokens[position - 1].lower in ("the", "a", "an"):
        position -= 1
    return position


def noun_phrase_actor(found: Found, start: int, end: int) -> tuple[Actor | None, Actor | None]:
    """
    The requester a noun phrase names, and whom it speaks for: "the family of X" and "X's
    lawyers" (for X), "his wife" (for the person the pronoun means), "human rights groups".
    """
    tokens = found.view.tokens
    while start < end and tokens[start].lower in ("and", "but", "while", "as"):
        start += 1  # "..., and her husband asked": the conjunction is no part of the subject
    words = list(tokens[start:end])
    while words and (words[-1].lower in AUXILIARIES or not words[-1].is_word):
        words.pop()
    if not words or len(words) > 12:
        return None, None
    end = start + len(words)
    written = text_of(found, start, end)
    kin = _words("kin")
    # a person named in the phrase: "the family of X", "X's lawyers", "lawyers for X"
    person = None
    for at in range(start, end):
        if tokens[at].lower in PRONOUNS:
            continue  # "her husband": whom "her" means is read below, as a request's beneficiary
        for span in spans_at(found, at, "PERSON"):
            if span.end <= end:
                person = actor_of(span)
                break
        if person is not None:
            break
    lowered = [token.lower for token in words]
    has_kin = any(word in kin for word in lowered)
    if person is not None and has_kin:
        kin_head = next(word for word in lowered if word in kin)
        return described_actor(words, written, kin_head), person
    if person is not None:
        whole = span_ending(found, end)
        return (person if whole is not None and whole.start <= start + 3 else None), None
    if has_kin and lowered[0] not in POSSESSIVES and ("a" in lowered or "an" in lowered):
        # "the wife of a British aid worker detained in Iran": the worker, named later ("The aid worker, X,")
        cut = next((i for i, word in enumerate(lowered) if word in HELD or word in ("in", "who")), len(words))
        words = words[:cut]
        kin_head = next(word for word in lowered if word in kin)
        return described_actor(words, text_of(found, start, start + len(words)), kin_head), named_later(
            found, words[-1].lower
        )
    if lowered[0] in POSSESSIVES and len(words) >= 2 and words[-1].lower in kin:
        # "his family", "her husband": they speak for the person the pronoun means
        meant = referent(found, tokens[start].start, pronoun=lowered[0])
        return described_actor(words, written), (meant[0] if meant else None)
    state = next((actor_of(s) for at in range(start, end) for s in spans_at(found, at, "STATE", "ORG")), None)
    if state is not None and all(token.is_title or token.lower in ("the", "of", "'s") for token in words):
        return state, None
    if lowered[0] in ("it", "they", "we", "this", "there", "which", "more", "than") or len(words) > 7:
        return None, None
    if any(token.shape == "d" for token in words):
        return None, None  # "More than 100,000 people": signatories, not a requester
    if len(words) == 1 and words[0].text in seats():
        return Actor.state(seats()[words[0].text]), None  # "Washington has asked ..."
    if all(token.is_title for token in words) and len(words) <= 3:
        named = found.cast.person(written)  # "Kerry urged ...": the full name given elsewhere
        if named is not None:
            return named.actor, None
    head = head_noun(words)
    if head in _words("organisations") and lowered[0] in ("a", "an", "the"):
        return Actor.organization(written), None  # "A website calling for his release"
    if (words[-1].is_title and words[-1].index != 0) or not is_people_noun(head):
        if state is not None and words[-1].lower in ("office", "agency", "ministry", "department", "body"):
            return Actor.organization(written.removeprefix("The ").removeprefix("the ")), None
        return None, None
    return described_actor(words, written), None


def named_later(found: Found, noun: str) -> Actor | None:
    """The person a description names in the next sentences: "The teacher, Paul Moore, was ..."."""
    index = found.sentence.index
    for sentence in found.article.all_sentences[index + 1 : index + 4]:
        if not sentence.carriable:
            continue
        seen = view(found.article, sentence)
        for position, token in enumerate(seen.tokens[:-2]):
            if token.lower == noun and seen.tokens[position + 1].text == ",":
                for span in sentence_spans(seen).get(position + 2, ()):
                    if span.kind == "PERSON":
                        return actor_of(span)
    return None


def is_person_noun(word: str) -> bool:
    people = _words("people")
    return word in people or word.rstrip("s") in people


def definite_person(found: Found, head: str, at: int, exclude: tuple[Actor, ...]) -> Actor | None:
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


def plural_antecedent(found: Found, at: int) -> Actor | None:
    """ "Two journalists were jailed ..., calling on Egypt to free them": the last people noun before."""
    tokens = found.view.tokens
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.start >= at or not (token.lower.endswith("s") and is_person_noun(token.lower)):
            continue
        first = index
        while (
            first > 0 and index - first < 4 and (tokens[first - 1].is_title or tokens[first - 1].shape == "d")
        ):
            if tokens[first - 1].lower in ("the", "a", "an"):
                break
            first -= 1
        return Actor.group(text_of(found, first, index + 1))
    return None


@cache
def seats() -> dict[str, str]:
    """Capitals and seats of government that stand for their state ("called on Moscow", "the Kremlin")."""
    rows = table("capitals.tsv") + table("metonyms.tsv")
    return {row[1]: row[0] for row in rows if len(row) >= 2 and " " not in row[1]}


#: Words left out at the start or end of a listed item.
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her"})
#: The most words of one listed item (a longer phrase is a clause, not an item), and the most items.
_ITEM_WORDS, _ITEMS = 8, 4
#: Quotation marks, which may open or close an item ("a "peace plan""), and the marks an item may hold.
_QUOTES = frozenset("\"'“”‘’")
_INSIDE = _QUOTES | {",", "-"}


def _cut_quote(item: Sequence[Token]) -> bool:
    """Whether a quotation opens in the phrase and does not close in it."""
    marks = [token.text for token in item if token.text in _QUOTES]
    return marks.count("“") != marks.count("”") or marks.count('"') % 2 == 1


def _past_verb(token: Token) -> bool:
    """A lower-case word in -ed: after "and" it starts a new clause ("and agreed to meet")."""
    return token.shape == "x" and token.lower.endswith("ed")


def _ends_phrase(token: Token, stops: frozenset[str]) -> bool:
    return (token.shape == "." and token.text not in _INSIDE) or token.lower in stops


def _listing(tokens: Sequence[Token], comma: int, stops: frozenset[str]) -> bool:
    """Whether a comma separates items of a list ("Syria, Iraq and Libya"): an "and" comes before any stop."""
    for token in tokens[comma + 1 : comma + 1 + _ITEM_WORDS]:
        if token.lower == "and":
            return True
        if _ends_phrase(token, stops):
            return False
    return False


def listed_items(
    found: Found, start: int, *, stops: frozenset[str], vague: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """
    The short phrases listed from token ``start`` on, each as written: "Syria, Iraq and the
    situation in Libya" gives three.

    The list ends at a word of ``stops`` ("with", "by", "that"), a mark other than a comma
    or hyphen, a time expression ("on Tuesday"), "and" before a verb ("and agreed"), or a
    comma that does not separate items ("..., the ministry said"). Leading articles and
    possessives are left out; an item that is one word of ``vague`` ("the issue") is
    dropped, as is a phrase longer than eight words (a clause) and one cut inside a quotation.

    Args:
        found: The match, whose sentence is read.
        start: The first token of the list.
        stops: Lower-case words that end the list.
        vague: Lower-case words too general to be an item alone.
    """
    tokens, spans = found.view.tokens, found.view.spans

    def timed(at: int) -> bool:
        return any(span.kind == "TIME" for span in spans.get(at, ()))

    items: list[str] = []
    first = start
    for at in range(start, len(tokens) + 1):
        token = tokens[at] if at < len(tokens) else None
        after = tokens[at + 1] if at + 1 < len(tokens) else None
        stop = (
            token is None
            or timed(at)
            or _ends_phrase(token, stops)
            or (token.lower in ("in", "on", "at") and timed(at + 1))
            or (token.lower == "and" and after is not None and _past_verb(after))
            or (token.text == "," and not _listing(tokens, at, stops))
        )
        if not stop and token is not None and token.lower != "and" and token.text != ",":
            continue
        item = tokens[first:at]
        while item and (item[0].lower in _DETERMINERS or item[0].text in _QUOTES):
            item = item[1:]
        while item and (item[-1].lower in _DETERMINERS | stops or item[-1].text in _QUOTES):
            item = item[:-1]
        if len(item) > _ITEM_WORDS or _cut_quote(item):
            break
        if item and not (len(item) == 1 and item[0].lower in vague):
            items.append(found.article.text[item[0].start : item[-1].end])
        if stop or len(items) >= _ITEMS:
            break
        first = at + 1
    return tuple(dict.fromkeys(items))
