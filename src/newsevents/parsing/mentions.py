"""
The mention layer: what the patterns capture, as spans over a sentence's tokens.

For each sentence it gives the spans `newsevents.parsing.patterns` matches with
``<role:KIND>``:

- ``PERSON``, ``STATE``, ``ORG``, ``GROUP``: the actors the article's `Cast` finds (names,
  surnames, titles and roles, states by name, demonym or metonym, organisations). A
  demonym right before a titled person is part of the person ("Russian President
  Vladimir Putin" is one span, Putin);
- ``ACTORS``: a coordinated list of actors ("A, B and C", "A and B"), and every single
  actor, each with the list of actors it names;
- ``TIME``: the time expressions, with their dates resolved against the publication date;
- ``COUNT``: numbers and counts ("at least 12", "hundreds of"), as `Count`;
- ``TERM``: lengths of time ("seven and a half years"), with their months;
- ``PLACE``: the places the gazetteer knows (`newsevents.parsing.gazetteer.known_places`);
- ``NAME``: any run of capitalised words, as written (a name the cast need not know).

Spans are computed once per sentence and cached on the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import cache, cached_property

from newsevents.model import Actor, ActorKind
from newsevents.parsing.actors import Cast, Mention, country_code
from newsevents.parsing.article import Article, Sentence, table
from newsevents.parsing.clauses import sentence_times
from newsevents.parsing.gazetteer import known_places
from newsevents.parsing.numbers import find_counts, find_terms
from newsevents.parsing.patterns import Span, word_list
from newsevents.parsing.tokens import Token, tokenize

__all__ = ["SentenceView", "capital_subject", "view"]

_KIND_OF = {
    ActorKind.PERSON: "PERSON",
    ActorKind.COUNTRY: "STATE",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.GROUP: "GROUP",
}
#: Tokens that join the members of a list.
_JOINERS = frozenset({",", "and", "&"})


class SentenceView:
    """
    One sentence as the engine sees it: tokens, and the mention layer's spans by start token.

    Args:
        article: The article.
        sentence: The sentence.
        cast: The article's cast.
    """

    def __init__(self, article: Article, sentence: Sentence, cast: Cast) -> None:
        self.article = article
        self.sentence = sentence
        self.cast = cast
        self.tokens: tuple[Token, ...] = tokenize(article.text, sentence.start, sentence.end)
        self.words = frozenset(token.lower for token in self.tokens)
        self._starts = [token.start for token in self.tokens]
        self._ends = [token.end for token in self.tokens]
        self._made: dict[str, list[Span]] = {}
        self._by_groups: dict[frozenset[str], Mapping[int, Sequence[Span]]] = {}

    @cached_property
    def mentions(self) -> list[Mention]:
        """The cast's actor mentions in the sentence."""
        return list(self.cast.mentions(self.sentence))

    @cached_property
    def spans(self) -> Mapping[int, Sequence[Span]]:
        """The mention layer's spans of every kind by start token, longest first (built on first use)."""
        return self.spans_for(_ALL_KINDS)

    def spans_for(self, kinds: frozenset[str]) -> Mapping[int, Sequence[Span]]:
        """
        The spans a set of patterns needs (by the kinds they capture), by start token, longest
        first: a kind no pattern captures is never computed (counts cost a pass of their own).
        """
        groups = frozenset(group for group, members in _GROUPS.items() if not members.isdisjoint(kinds))
        cached = self._by_groups.get(groups)
        if cached is not None:
            return cached
        spans: list[Span] = []
        for group in sorted(groups):
            spans += self._group(group)
        by_start: dict[int, list[Span]] = {}
        for span in spans:
            by_start.setdefault(span.start, []).append(span)
        for found in by_start.values():
            found.sort(key=lambda span: span.start - span.end)  # longest first
        self._by_groups[groups] = by_start
        return by_start

    def _group(self, group: str) -> list[Span]:
        found = self._made.get(group)
        if found is None:
            if group == "actors":
                actors = self._actor_spans()
                found = actors + self._lists(actors)
            elif group == "times":
                found = self._times()
            elif group == "places":
                found = known_places(self.tokens)
            elif group == "names":
                found = self._names()
            else:
                found = self._numbers()
            self._made[group] = found
        return found

    # ---------------------------------------------------------------- offsets

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens inside the characters ``[start, end)``: (first, just past last), or None."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._ends, end)
        return (first, last) if first < last else None

    def char_range(self, first: int, last: int) -> tuple[int, int]:
        """The characters of tokens ``[first, last)``."""
        return self.tokens[first].start, self.tokens[last - 1].end

    # ---------------------------------------------------------------- spans

    def _actor_spans(self) -> list[Span]:
        out: list[Span] = []
        for mention in self.mentions:
            found = self.token_range(mention.start, mention.end)
            if found is None:
                continue
            first, last = found
            while last - first > 1 and (
                self.tokens[last - 1].lower == "'s" or self.tokens[last - 1].shape == "."
            ):
                # a possessive is the next word's business ("X's envoy" is not X); a stop ends the sentence
                last -= 1
            span = Span(_KIND_OF.get(mention.actor.kind, "GROUP"), first, last, mention.actor)
            previous = out[-1] if out else None
            if previous is not None and previous.value == span.value and previous.end >= span.start:
                out[-1] = Span(previous.kind, previous.start, max(previous.end, span.end), span.value)
                continue  # one name read as two mentions ("Sheikh Tamim bin Hamad" "Al Thani")
            if previous is not None and span.kind == "PERSON" and previous.kind == "STATE":
                joined = self._state_then_person(previous, span)
                if joined is not None:
                    out[-1] = joined
                    continue
            if span.kind == "PERSON":
                span = self._office_in_apposition(span)
            out.append(span)
        out = [self._extend_back(span) if span.kind == "PERSON" else span for span in out]
        out += self._capitals(out)
        out = self._offices(out)
        out += self._officials_of(out)
        out += self._references(out)
        return sorted(out, key=lambda span: (span.start, span.start - span.end))

    def _state_then_person(self, state: Span, person: Span) -> Span | None:
        """
        A state's adjective or possessive, then title words, then the person: one person.

        "Russian President Vladimir Putin", "Pakistani army chief General Raheel Sharif",
        "Tanzania's new president, John Magufuli,": the state says where the person serves.
        """
        gap = self.tokens[state.end : person.start]
        words_ = [token.lower for token in gap if token.lower not in (",", "'s")]
        titles = _title_words()
        if all(word in titles or word in _MODIFIERS for word in words_) and len(gap) <= 6:
            return Span("PERSON", state.start, person.end, person.value)
        return None

    def _office_in_apposition(self, person: Span) -> Span:
        """
        "Orlando's mayor, Buddy Dyer", "the city's police chief, Ann Lee": a place's (or
        anyone's) office, a comma, then the name is one person span.
        """
        tokens = self.tokens
        comma = person.start - 1
        if comma < 2 or tokens[comma].text != ",":
            return person
        position = comma - 1
        offices = _office_nouns()
        if tokens[position].lower not in offices:
            return person
        titles = _title_words()
        while position > 0 and (
            tokens[position - 1].lower in titles or tokens[position - 1].lower in _MODIFIERS
        ):
            position -= 1
        if position < 2 or tokens[position - 1].lower != "'s":
            return person
        owner = position - 2
        if not tokens[owner].is_title and not (owner > 0 and tokens[owner - 1].lower == "the"):
            return person  # "Orlando's mayor", "the city's mayor"
        if not tokens[owner].is_title:
            owner -= 1
        return Span("PERSON", owner, person.end, person.value)

    def _extend_back(self, person: Span) -> Span:
        """
        A person span reaches back over the title words before it and a state's adjective:
        "Pakistani army chief General Raheel Sharif" is one span, Sharif.
        """
        titles = _title_words()
        position = person.start
        while position > 0 and person.start - position < 5:
            word = self.tokens[position - 1]
            if word.lower in titles or word.lower in _MODIFIERS:
                position -= 1
                continue
            if word.is_title and country_code(word.text) is not None:
                position -= 1
            break
        if position != person.start and self.tokens[position].lower in titles | _MODIFIERS:
            position = person.start  # title words alone, no state: leave them
        first = self.tokens[position]
        described = first.lower in titles or (first.is_title and country_code(first.text) is not None)
        if position > 0 and described and self.tokens[position - 1].lower in ("his", "her", "their"):
            position -= 1  # "his Iranian counterpart Mohammad Javad Zarif"
        if position == person.start:
            return person
        return Span("PERSON", position, person.end, person.value)

    def _capitals(self, spans: list[Span]) -> list[Span]:
        """A capital with a possessive stands for its state: "at Washington's request"."""
        capitals = _capitals()
        covered = {index for span in spans for index in range(span.start, span.end)}
        out: list[Span] = []
        for position, token in enumerate(self.tokens[:-1]):
            if position in covered or not token.is_title or self.tokens[position + 1].lower != "'s":
                continue
            code = capitals.get(token.text)
            if code is not None:
                out.append(Span("STATE", position, position + 1, Actor.state(code)))
        return out

    def _offices(self, spans: list[Span]) -> list[Span]:
        """
        "Japan's foreign minister", "the Saudi king", "the U.S. secretary of state" with no name:
        the state (Clarification 4), as one span.

        A possessive state (or "the" and a state's adjective or name), up to three title words
        and an office noun make a ``STATE`` span, with the rest of a title the noun opens ("of
        state"); a name in apposition after it was already joined by `_state_then_person`, and
        an office holder the article names is the cast's role mention ("the Saudi king" is
        King X when the article calls him so). A former office or an opposition's is no state's.
        """
        out = list(spans)
        offices = _office_nouns()
        titles = _title_words()
        tokens = self.tokens
        for span in spans:
            if span.kind != "STATE" or span.end >= len(tokens):
                continue
            if tokens[span.end].lower == "'s":
                first, position = span.start, span.end + 1
            elif span.start > 0 and tokens[span.start - 1].lower == "the":
                first, position = span.start - 1, span.end
            else:
                continue
            start = position
            while position < len(tokens) and position - start <= 3:
                word = tokens[position].lower
                if word in offices:
                    if first < span.start and not _offices_of_state(tokens[start:position]):
                        break
                    last = _title_end(tokens, position)
                    if not any(other.start == span.start and other.end > position for other in spans):
                        out.append(Span("STATE", first, last, span.value))
                    break
                if word not in titles and word not in _MODIFIERS:
                    break
                position += 1
        return out

    def _officials_of(self, spans: list[Span]) -> list[Span]:
        """
        "The foreign minister of Germany", "the leaders of Britain, France and Germany": officials
        described by their office are their states (Clarification 4), one ``ACTORS`` span
        (and a ``STATE`` span for one state) from the office words to the last state.
        """
        out: list[Span] = []
        tokens = self.tokens
        titles = _title_words()
        offices = _office_nouns() | _plural_nouns() | {noun + "s" for noun in _office_nouns()}
        states = [span for span in spans if span.kind == "STATE"]
        for state in states:
            of = state.start - 1
            if of < 1 or tokens[of].lower != "of" or tokens[of - 1].lower not in offices:
                continue
            first = of - 1
            while first > 0 and (tokens[first - 1].lower in titles or tokens[first - 1].lower in _MODIFIERS):
                first -= 1
            if first > 0 and tokens[first - 1].lower == "the":
                first -= 1
            members = [state]
            for following in states:
                if following.start < members[-1].end:
                    continue
                gap = tokens[members[-1].end : following.start]
                if not gap or len(gap) > 2 or not all(token.lower in _JOINERS for token in gap):
                    break
                members.append(following)
            values = _distinct([member.value for member in members])
            out.append(Span("ACTORS", first, members[-1].end, values))
            if len(values) == 1:
                out.append(Span("STATE", first, members[-1].end, values[0]))
        return out

    def _references(self, spans: list[Span]) -> list[Span]:
        """
        Pronouns and plural references, resolved to the people named before them.

        "he" / "she" / "him" / "her" is the last person named before (of that gender, when
        the text shows genders); "the two leaders" / "both men" are the last two people;
        "his Iranian counterpart" is the state of the adjective (Clarification 4).
        """
        out: list[Span] = []
        tokens = self.tokens
        plural = _plural_nouns()
        covered = {index for span in spans for index in range(span.start, span.end)}
        for position, token in enumerate(tokens):
            if position in covered:
                continue
            word = token.lower
            if word in _PRONOUNS:
                people = self.cast.people_before(token.start, count=1, pronoun=word)
                if people:
                    out.append(Span("PERSON", position, position + 1, people[0]))
                continue
            if word in ("the", "both") and position + 1 < len(tokens):
                after = tokens[position + 1].lower
                if word == "the" and after == "two":
                    last = (
                        position + 3
                        if position + 2 < len(tokens) and tokens[position + 2].lower in plural
                        else position + 2
                    )
                elif word == "both" and after in plural:
                    last = position + 2
                else:
                    continue
                people = self.cast.people_before(token.start, count=2)
                if len(people) == 2:
                    out.append(Span("ACTORS", position, last, list(reversed(people))))
                continue
            if word in ("his", "her", "their") and position + 1 < len(tokens):
                state = next((s for s in spans if s.start == position + 1 and s.kind == "STATE"), None)
                if state is not None and state.end < len(tokens) and tokens[state.end].lower == "counterpart":
                    out.append(Span("STATE", position, state.end + 1, state.value))
                elif tokens[position + 1].lower in _SUCCESSION:
                    other = self._someone_else(token.start)
                    if other is not None:
                        out.append(Span("PERSON", position, position + 2, other))
        return out

    def _lists(self, actors: list[Span]) -> list[Span]:
        """
        Every actor alone, and every run of actors joined by commas and 'and'. A people's
        name used alone ("most of those killed were Germans and he ...") joins no list.
        """
        actors = [span for span in actors if isinstance(span.value, Actor)]
        out = [Span("ACTORS", span.start, span.end, [span.value]) for span in actors]
        actors = [span for span in actors if not self._bare_people(span)]
        for first in range(len(actors)):
            members = [actors[first]]
            for following in actors[first + 1 :]:
                if following.start < members[-1].end:
                    continue  # a span inside the member ("Saudi" of "the Saudi king")
                gap = self.tokens[members[-1].end : following.start]
                if not gap or not all(token.lower in _JOINERS for token in gap) or len(gap) > 2:
                    break
                members.append(following)
                out.append(
                    Span("ACTORS", members[0].start, following.end, _distinct([m.value for m in members]))
                )
        return out

    def _someone_else(self, at: int) -> Actor | None:
        """
        "his successor", "her predecessor": the article's most mentioned person other than the
        one "his" refers to (the last named before it).
        """
        owner = self.cast.people_before(at, count=1)
        for person in self.cast.salient_people():
            if person not in owner:
                return person
        return None

    def _numbers(self) -> list[Span]:
        """Counts ("at least 63", "hundreds of") and lengths of time ("seven and a half years")."""
        out: list[Span] = []
        text, base = self.sentence.text, self.sentence.start
        for count in find_counts(text):
            found = self.token_range(count.start + base, count.end + base)
            if found is not None:
                out.append(Span("COUNT", found[0], found[1], count.count))
        for term in find_terms(text):
            found = self.token_range(term.start + base, term.end + base)
            if found is not None:
                out.append(Span("TERM", found[0], found[1], term))
        return out

    def _bare_people(self, span: Span) -> bool:
        """A one-word plural demonym ("Germans"): the people, not the state."""
        word = self.tokens[span.start]
        return (
            span.kind == "STATE"
            and span.end - span.start == 1
            and word.lower.endswith("s")
            and (country_code(word.text[:-1]) is not None)
        )

    def _names(self) -> list[Span]:
        """
        Every run of capitalised words, as written, without a leading "The" ("The Knesset" is
        "Knesset"): a name the cast need not know (a chamber, a ship, a treaty).
        """
        out: list[Span] = []
        first: int | None = None
        for at, token in enumerate((*self.tokens, None)):
            if token is not None and token.is_title and token.lower not in _ARTICLES:
                if first is None:
                    first = at
                continue
            if first is not None:
                begin, end = self.char_range(first, at)
                out.append(Span("NAME", first, at, self.article.text[begin:end]))
                first = None
        return out

    def _times(self) -> list[Span]:
        out: list[Span] = []
        for time in sentence_times(self.article, self.sentence):
            found = self.token_range(time.start, time.end)
            if found is not None:
                out.append(Span("TIME", found[0], found[1], time))
        return out


#: The kinds of span each part of the layer makes (a part is computed only when asked for).
_GROUPS = {
    "actors": frozenset({"ACTOR", "ACTORS", "PERSON", "STATE", "GROUP", "ORG"}),
    "times": frozenset({"TIME"}),
    "numbers": frozenset({"COUNT", "TERM"}),
    "places": frozenset({"PLACE"}),
    "names": frozenset({"NAME"}),
}
_ARTICLES = frozenset({"the", "a", "an"})
_ALL_KINDS = frozenset().union(*_GROUPS.values())
_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: "his successor", "her predecessor": another person the article names.
_SUCCESSION = frozenset({"successor", "predecessor"})
#: Words that may stand between a state and a title without changing whose title it is.
_MODIFIERS = frozenset({"new", "former", "then", "outgoing", "incoming", "acting", "top", "chief"})


@cache
def _title_words() -> frozenset[str]:
    """Every lower-case word of the titles table ("prime", "minister", "army", "chief")."""
    return (
        frozenset(word.lower() for row in table("titles.tsv") for word in row[0].split())
        | word_list("newsevents.parsing", "lexicon", "office_nouns")
        | word_list("newsevents.parsing", "lexicon", "title_words")
    )


@cache
def _capitals() -> dict[str, str]:
    """Capital cities by name, with the code of their state (``data/capitals.tsv``)."""
    return {row[1]: row[0] for row in table("capitals.tsv") if len(row) >= 2}


#: Words before a capital that make it a place, not the state acting ("strikes on Damascus").
_PLACE_BEFORE = frozenset({"in", "on", "at", "near", "around", "into", "across", "over", "outside", "of"})


def capital_subject(tokens: Sequence[Token], at: int) -> str | None:
    """
    The state code of a capital that acts as a subject at token ``at`` ("Washington is leading
    its own air campaign"), or None: not after a preposition ("air strikes on Damascus").

    Args:
        tokens: The sentence's tokens.
        at: The token that may be the capital.
    """
    token = tokens[at]
    if not token.is_title or (at > 0 and tokens[at - 1].lower in _PLACE_BEFORE | {"from", "to", "for", "by"}):
        return None
    return _capitals().get(token.text)


@cache
def _office_nouns() -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", "office_nouns")


@cache
def _plural_nouns() -> frozenset[str]:
    return word_list("newsevents.parsing", "lexicon", "plural_people")


#: Words before an office that make it no state's: "the former Iranian president", "the Syrian
#: opposition leader" (after "the" and a state only; a possessive state keeps its reading).
_NOT_OF_STATE = frozenset({"former", "opposition", "rebel", "then"})


def _offices_of_state(words_: Sequence[Token]) -> bool:
    """Whether the words between a state's adjective and an office keep it the state's office."""
    return all(token.lower not in _NOT_OF_STATE for token in words_)


@cache
def _multiword_titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The titles of ``titles.tsv`` of more than one word, lower case, by first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for row in table("titles.tsv"):
        parts = tuple(row[0].lower().split())
        if len(parts) > 1:
            by_first.setdefault(parts[0], []).append(parts)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in by_first.items()}


def _title_end(tokens: Sequence[Token], at: int) -> int:
    """Just past the office noun at ``at`` and the rest of a title it opens ("secretary of state")."""
    for title in _multiword_titles().get(tokens[at].lower, ()):
        stop = at + len(title)
        if stop <= len(tokens) and tuple(token.lower for token in tokens[at:stop]) == title:
            return stop
    return at + 1


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str, str]] = set()
    out: list[Actor] = []
    for actor in actors:
        key = (actor.kind.value, actor.name)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def view(article: Article, sentence: Sentence) -> SentenceView:
    """The sentence's view, built once per article and sentence."""
    cache_: dict[int, SentenceView] = article.__dict__.setdefault("_views", {})
    found = cache_.get(sentence.start)
    if found is None:
        found = SentenceView(article, sentence, Cast.for_article(article))
        cache_[sentence.start] = found
    return found
