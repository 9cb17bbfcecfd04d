"""
Where an article says people are held, and for what.

- `held_in`: the states a sentence says someone is held in ("jailed in Egypt", "an Egyptian
  court", "Saudi Arabia's Supreme Court");
- `Custody`: an article's sentences indexed once (by word, by the states they say someone is
  held in, by the people they name where someone is held), so lookups stay linear;
- `held_state`: the state holding a person (or, for no one named, the state the article
  says holds people most);
- `held_for`: what a person is held for, in the text's words ("jailed for spying",
  "convicted of fraud", "imprisoned on drug charges").

This module names no event type.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from newsevents.model import Actor, ActorKind
from newsevents.parsing.actors import Cast, country_code
from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.mentions import view
from newsevents.parsing.phrases import HELD

__all__ = ["HOLDERS", "Custody", "held_for", "held_in", "held_state"]

#: Nouns after a state's adjective that say the state holds someone ("a Saudi court", "Iranian authorities").
HOLDERS = frozenset(
    {"court", "courts", "prison", "prisons", "jail", "authorities", "judge", "judiciary", "supreme"}
)


def held_in(article: Article, sentence: Sentence) -> Iterator[str]:
    """
    The states a sentence says someone is held in: "jailed in Egypt", "an Egyptian court",
    "Saudi Arabia's Supreme Court" (read from the cast's mentions: no tokens needed).

    Examples:
        >>> from newsevents.parsing.article import Article
        >>> article = Article("The engineer has been detained in Iran since May.")
        >>> list(held_in(article, article.sentences[0]))
        ['IR']
    """
    text = article.text
    for mention in Cast.for_article(article).mentions(sentence):
        actor = mention.actor
        words = mention.text.replace("’", "'").split()
        if actor.kind is ActorKind.ORGANIZATION and words and words[-1].lower() in HOLDERS:
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
        held = "in" in before[-2:] and not HELD.isdisjoint(before)
        after = text[mention.end : min(sentence.end, mention.end + 30)].lower().replace("'s", " ").split()[:3]
        if held or not HOLDERS.isdisjoint(after):
            yield actor.country


def _worth(lowered: str) -> bool:
    """Whether a sentence's lower-cased text has a word of being held (else it is not read)."""
    return not HELD.isdisjoint(lowered.split()) or any(word in lowered for word in HOLDERS)


class Custody:
    """
    What an article says about who is held where, read once per article (`Custody.of`).

    Args:
        article: The article.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = article.all_sentences
        #: The sentences each word is in, by index (a possessive "'s" left out: "Lee's" is "Lee").
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
    def of(cls, article: Article) -> Custody:
        """The article's index (built on first use, then kept on the article)."""
        cached = article.__dict__.get("_custody")
        if not isinstance(cached, Custody):
            cached = cls(article)
            article.__dict__["_custody"] = cached
        return cached

    def about(self, person: Actor) -> list[int]:
        """The indexes of the sentences that name a person's last name."""
        return self.words.get(person.name.split()[-1], [])

    def held(self, index: int) -> list[str]:
        """The states sentence ``index`` says someone is held in (read once)."""
        if index not in self._held:
            worth = _worth(self.sentences[index].text.lower())
            self._held[index] = list(held_in(self.article, self.sentences[index])) if worth else []
        return self._held[index]

    def all_held(self) -> dict[str, int]:
        """The states the article says someone is held in, with how many sentences say so."""
        if self._all_held is None:
            counts: dict[str, int] = {}
            for sentence in self.sentences:
                if sentence.carriable and _worth(sentence.text.lower()):
                    for code in self.held(sentence.index):
                        counts[code] = counts.get(code, 0) + 1
            self._all_held = counts
        return self._all_held

    def held_people(self) -> list[tuple[int, str]]:
        """The people named in sentences that say someone is held, with the sentence's index."""
        if self._held_people is None:
            cast = Cast.for_article(self.article)
            self._held_people = [
                (sentence.index, mention.actor.name)
                for sentence in self.sentences
                if sentence.carriable and not HELD.isdisjoint(sentence.text.lower().split())
                for mention in cast.mentions(sentence)
            ]
        return self._held_people


def held_state(article: Article, person: Actor | None, exclude: Collection[str]) -> Actor | None:
    """
    The state holding ``person``, when the text says where: the state the sentences naming
    them (and a next sentence that names no one) most say they are held, jailed or sentenced
    in ("jailed in Egypt", "a Saudi court"); for a group or no one, the state the article says
    holds people most, else the state it names most. States of ``exclude`` are passed over;
    a tie gives None.

    Examples:
        >>> from newsevents.model import Actor
        >>> from newsevents.parsing.article import Article
        >>> article = Article("Ana Silva met Hans Weber. Hans Weber is jailed in Egypt.")
        >>> held_state(article, Actor.person("Hans Weber"), exclude=()).name
        'Egypt'
    """
    index = Custody.of(article)
    cast = Cast.for_article(article)
    counts: dict[str, int] = {}
    if person is not None and person.kind is ActorKind.PERSON:
        about = list(index.about(person))
        following = [n + 1 for n in about if n + 1 < len(index.sentences)]
        about += [
            n
            for n in following
            if n not in about
            and not any(m.actor.kind is ActorKind.PERSON for m in cast.mentions(index.sentences[n]))
        ]
        for number in about:
            for code in index.held(number):
                counts[code] = counts.get(code, 0) + 1
    else:
        counts = dict(index.all_held())
        if not counts:
            # "political prisoners" with no word of where: the state the article is about
            counts = cast.state_counts()
    counts = {code: n for code, n in counts.items() if code not in exclude}
    ranked = sorted(counts, key=lambda code: -counts[code])
    if ranked and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]):
        return Actor.state(ranked[0])
    return None


#: Words after which "for ...", "of ..." or "on ... charges" says what someone is held for.
_ACCUSED = frozenset(
    {"jailed", "imprisoned", "convicted", "sentenced", "detained", "arrested", "held", "charged", "accused",
     "prosecuted", "tried", "guilty"}
)  # fmt: skip
_TERMS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "life"}
)
_OFFENCE_END = frozenset(
    {",", ".", ";", ":", "and", "but", "who", "which", "in", "at", "after", "before", "since"}
)


def held_for(
    article: Article, sentence: Sentence, person: Actor, *, not_offences: Collection[str] = ()
) -> str | None:
    """
    What ``person`` is held for, in the text's words: "jailed for spying", "convicted of
    fraud", "imprisoned on drug charges", read in ``sentence``, else in (up to six) sentences
    naming them. A term ("jailed for five years") is none, nor a phrase whose first word is
    in ``not_offences`` (lower-case words: "held for questioning").

    Examples:
        >>> from newsevents.model import Actor
        >>> from newsevents.parsing.article import Article
        >>> article = Article("Friends of Ana Silva met on Monday. Ana Silva was jailed for spying in 2019.")
        >>> held_for(article, article.sentences[0], Actor.person("Ana Silva"))
        'spying'
    """
    sentences = [sentence]
    if person.kind is ActorKind.PERSON:
        index = Custody.of(article)
        sentences += [index.sentences[n] for n in index.about(person)[:6]]
    for other in sentences:
        if _ACCUSED.isdisjoint(other.text.lower().split()):
            continue  # no word of being held: not worth tokenising
        seen = view(article, other)
        tokens = seen.tokens
        for position, token in enumerate(tokens):
            if token.lower not in _ACCUSED:
                continue
            for at in range(position + 1, min(len(tokens) - 1, position + 6)):
                word = tokens[at].lower
                if word in (",", ".", ";") or (word.endswith("ed") and word not in _ACCUSED):
                    break  # "jailed blogger X appealed for clemency": another verb's object
                if word in ("for", "of", "on"):
                    end = at + 1
                    while end < len(tokens) and end - at <= 8 and tokens[end].lower not in _OFFENCE_END:
                        end += 1
                    words = [t.lower for t in tokens[at + 1 : end]]
                    if not words or (word == "on" and not {"charge", "charges"} & set(words)):
                        break
                    if (
                        not _TERMS.isdisjoint(words[:3])
                        or tokens[at + 1].shape == "d"
                        or words[0] in not_offences
                    ):
                        break  # "jailed for five years", "held for a month": a term, not an offence
                    first, last = seen.char_range(at + 1, end)
                    return article.text[first:last]
    return None
