"""
The PardonRequest recogniser: requests to pardon, grant clemency, commute or release.

A cheap pass finds the sentences with "pardon", "clemency", "commute", "release",
"free", "mercy" or "amnesty"; a request needs a request cue before that word in the
same sentence (``data/pardon_cues.tsv``: "asked X to pardon", "called for X to be
released", "calls for clemency", "sought clemency for X from Y", "a petition asking
X to commute"). A pardon *granted* ("was pardoned", "commuted his sentence") has no
cue and is not a request; "will ask", "did not ask" are not requests either, and a
release of anything but people ("released a statement") is no pardon.

Slots: the requester is the subject of the cue ("Lucas' lawyers" as the text says
it, "from human rights groups" after a nominal cue); the addressee the object of
an "ask"-type cue, the "from" of "sought clemency from", the authority that
"rejected his petition", or else the state holding the beneficiary (the country
the article is about) when the text names none; the beneficiary the person or
group to be released, with coreference ("his client", "an Israeli-American woman"
named elsewhere in the article).

Rules: ``pardon.ask_to``, ``pardon.call_for``, ``pardon.petition``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

import attrs

from newsevents.events import PardonRequest
from newsevents.model import Actor, ActorKind, PartialDate
from newsevents.parsing import register_recogniser
from newsevents.parsing.actors import Cast, Mention, country_code
from newsevents.parsing.article import Article, Sentence, evidence_for, table, words
from newsevents.parsing.clauses import (
    actor_mentions,
    attached_date,
    clause_end,
    clause_start,
    cues,
    dates_another_event,
    people_referred,
    recency_date,
    reporting_day,
    sentence_times,
    subject_of,
)

__all__ = ["find_pardon_requests"]

_KEYWORDS = ("pardon", "clemency", "commut", "releas", "mercy", "amnest", "free")
_ACTION = re.compile(
    # the lookahead on the first letters of the alternatives skips most positions (~1.7x faster)
    r"(?=[pcrfam])\b(?:pardon(?:ed|s|ing)?|clemency|commut\w*|release[ds]?|releasing|freed|free|freeing"
    r"|amnesty|mercy)\b",
    re.IGNORECASE,
)
_PASSIVE_DONE = re.compile(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOT_REQUESTS = re.compile(
    r"\bstay of execution\b|\bpress release\b|\bon bail\b|\bbail (?:request|application|hearing)",
    re.IGNORECASE,
)
_FROM = re.compile(r"\s+from\s+", re.IGNORECASE)
_DECIDER = re.compile(
    r"\b(?:reject(?:ed)?|den(?:y|ied)|grant(?:ed)?|turn(?:ed)? down|refus(?:e|ed)|consider(?:ed)?"
    r"|dismiss(?:ed)?|approv(?:e|ed)|received?)\s+"
    r"(?:(?:his|her|their|the|a)\s+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}['’]s?\s+)"
    r"(?:[\w-]+\s+)?(?:petition|request|plea|application|appeal)",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"\b(his|her|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_STOP = re.compile(
    r"[,.;:!?\"“”()—–]|\s-+\s|\s(?:from|in|on|at|as|after|before|who|which|that|and|but|to|by|for|with|while|during|"
    r"rapidly|immediately|quickly|said|says|unharmed|unconditionally|safely|alive|soon|now)\b",
    re.IGNORECASE,
)
_POSSESSIVE_DETERMINER = re.compile(r"\b(?:his|her|their)\s", re.IGNORECASE)
_LODGED_WITH = re.compile(
    r"\b(?:(?:petition|appeal|request|plea|letter|application)s?\s+(?:with|to)|(?:wrote|written|writes|write)"
    r"(?:\s+a\s+letter)?\s+to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_AND_ONLY = re.compile(r"\s+and\s+(?:the\s+)?")
_FOR_AFTER = re.compile(r"\s+for\s")
_TO_AFTER = re.compile(r"\s+to\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_DECIDED = re.compile(
    r"\b(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:rejected|denied|granted|turned down|refused|dismissed"
    r"|approved|accepted)\b",
    re.IGNORECASE,
)
_KIN_OPENING = re.compile(r"\s*(?:his|her|their)\s+[a-z]", re.IGNORECASE)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:new|top|supreme|chief|foreign|prime|interior|justice|former|acting)\s+)*"
    r"(?:leader|leadership|president|king|emir|minister|government|authorities|rulers|judiciary|courts?)\b",
    re.IGNORECASE,
)
_NATIONALITY_GAP = re.compile(r"(?:-born|-American|-British)?\s+(?:[a-z-]+\s+){0,3}(?:[A-Z][\w.-]*\s+){0,2}")
_TOPIC_SHIFT = re.compile(
    r"(?:Separately|Elsewhere|Meanwhile|In (?:a |an )?(?:separate|another|other|unrelated)"
    r" (?:case|development|statement|news))\b",
)
_KIN_OF_DESCRIPTION = re.compile(
    r"\b(?:family|families|relatives|parents|wife|husband|mother|father|son|daughter|brother|sister|lawyers?"
    r"|attorneys?)\s+of\s+(?:a|an)\s+(?:[A-Za-z-]+\s+){0,3}?([a-z]+)\b(?=\s+(?:detained|held|jailed|imprisoned"
    r"|arrested|sentenced|who|in|,)|\s+(?:has|have|had|petitioned|asked|urged|appealed|called|wrote|sought))",
    re.IGNORECASE,
)
_CONNECTOR_WORDS = frozenset({"of", "for", "and", "the", "de", "al", "bin"})
_INDEFINITE = re.compile(r"^(?:an?|one|another)\s", re.IGNORECASE)
_BLOCKING = frozenset({"modal", "negation"})
# "asked X to pardon", "appealed to X for a pardon", "urged X to grant him clemency"
_OBJECT_TAIL = re.compile(
    r"\bto\s+(?:\w+\s+){0,2}$|\bfor\s+(?:(?:a|an|the|his|her|their)\s+)?(?:\w+\s+)?$"
    r"|\bto\s+(?:grant|give|offer|issue)\s+[^.;]{1,60}?\s(?:a|an|the)\s+(?:\w+\s+)?$"
    # "to quash the sentence and release X": a second infinitive of the same request
    r"|\bto\s+[a-z]+\s+(?:[\w'’-]+\s+){0,4}and\s+(?:immediately\s+)?$"
)
# "called for X, while discussing press freedom": a new clause, not the request's content
_NEW_CLAUSE = re.compile(
    r",\s+(?:while|and|but|as|after|before|although|though|when|because|since|saying|adding)\b", re.IGNORECASE
)
# "to grant Julian Assange a full pardon": the person granted
_GRANT = re.compile(r"\bto\s+(?:grant|give|offer|issue)\s+", re.IGNORECASE)
_COMPOUND = re.compile(r"\s+(?:petition|plea|request|application|bid|appeal)s?\b", re.IGNORECASE)
_DECIDER_BEFORE = re.compile(
    r"\b(?:rejected|denied|granted|turned down|refused|considered|dismissed|approved|received)\s+"
    r"(?:his|her|their|the|a|an)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+(?:of|by|from)\s+", re.IGNORECASE)
_WITH_TO = re.compile(r"\s+(?:with|to)\s+", re.IGNORECASE)
_OWN_STATEMENT = re.compile(
    r",\s+(?:it|they|the group|the organi[sz]ation|the agency|the ministry|the government|the statement)"
    r"\s+(?:said|says|added)\b",
    re.IGNORECASE,
)
_TO_VERB = re.compile(r"\bto\s+[a-z]")
_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?")
#: Cues by which people ask for themselves when no one else is named ("Kim asked for mercy").
_SELF_CUES = frozenset(
    {"asked for", "asking for", "sought", "seeks", "seek", "seeking", "appealed for", "pleaded for", "begged",
     "applied for", "applies for", "applying for", "apply for"}
)  # fmt: skip
_PRONOUN_WORDS = frozenset(
    {"they", "he", "she", "it", "we", "i", "you", "this", "that", "there", "who", "which"}
)
_HELD_IN = re.compile(
    r"\b(?:held|jailed|imprisoned|detained|arrested|sentenced|convicted|prison|jail|custody)\b"
    r"[^.;]{0,40}?\bin\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?)"
    r"|\b([A-Z][\w'’-]+)\s+(?:court|courts|prison|prisons|jail|authorities|judge|judiciary)\b"
)
_SAID = re.compile(r"\b(?:said|says|told|added|announced|reported)\b", re.IGNORECASE)
_SELF_END = re.compile(
    r"\s*(?:[.,;:]|$|(?:during|at|in|on|from|after|before|when|while|but|and)\b)", re.IGNORECASE
)
# "the family of jailed journalist X", "lawyers for blogger X": up to three words describe X
_KIN_OF = re.compile(
    r"\b(?:the )?(?:family|families|relatives|parents|wife|widow|husband|mother|father|son|daughter"
    r"|brother|sister|children|lawyers?|attorneys?|supporters|friends) (?:of|for) (?:[\w'’-]+ ){0,3}$",
    re.IGNORECASE,
)
_KIN_REACH = 70
_CAPITAL_OBJECT = re.compile(r"\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s+(?:to|for)\b")
_POSSESSIVE_KIN = re.compile(r"^(?:his|her|their)\s+[\w-]+$", re.IGNORECASE)
_PARTICIPLES = frozenset(
    {"imprisoned", "jailed", "detained", "held", "arrested", "sentenced", "convicted", "accused", "charged"}
)
_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "also", "repeatedly", "again", "previously", "already",
     "recently", "reportedly", "been", "will", "would", "once", "long", "publicly", "formally"}
)  # fmt: skip
#: A real sentence has a few trigger words at most; more are not read (keeps pathological text linear).
_MAX_TRIGGERS = 8
#: Cues that are nouns ("calls for clemency"): a sentence-opening time adverbial does not date them.
_NOMINAL = frozenset(
    {"calls for", "call for", "pleas for", "plea for", "request for", "requests for", "demands", "demand",
     "appeals for", "appeal for"}
)  # fmt: skip


@cache
def _cues() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1]) for row in table("pardon_cues.tsv") if len(row) >= 2]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _cue_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(cue) for cue, _ in _cues())
    return re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE)


def _cue_kind(text: str) -> str:
    lowered = " ".join(text.lower().split())
    for cue, kind in _cues():
        if cue == lowered:
            return kind
    return "for"


@attrs.define
class _Request:
    requester: Actor | None
    addressee: Actor | None
    beneficiary: Actor | None
    date: PartialDate | None
    sentence: Sentence
    rule: str
    beneficiary_named: bool
    #: Where the request's cue starts: people named before it after a preposition are asked, not freed.
    cue_start: int = -1
    #: Further authorities asked in the same words ("urged Egypt and Bahrain to ...").
    also_to: list[Actor] = attrs.field(factory=list)


# --------------------------------------------------------------------------- noun phrases


def _noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words from ``start`` up to a stop word or punctuation (at most six), as a span."""
    stop = _STOP.search(text, start, end)
    while start < end and text[start] == " ":
        start += 1
    last = stop.start() if stop is not None else end
    spans = [match.span() for match in _WORD.finditer(text, start, last)]
    if not spans or len(spans) > 6:
        return None
    return spans[0][0], spans[-1][1]


def _group(text: str) -> Actor | None:
    """A group actor named by a noun phrase, without trailing auxiliaries ("groups have" is "groups")."""
    cleaned = text.strip(" \"'“”‘’").removesuffix("'").removesuffix("’").strip()
    tokens = cleaned.split()
    while len(tokens) > 1 and (tokens[-1].lower() in _AUXILIARIES or tokens[-1].lower() in _PARTICIPLES):
        tokens.pop()  # "groups have", "journalists imprisoned"
    while tokens and tokens[0].lower() in ("of", "for"):
        tokens.pop(0)
    if not tokens:
        return None
    cleaned = " ".join(tokens)
    capital = _capitals().get(cleaned)
    if capital is not None:
        return Actor.state(capital)
    return Actor.group(cleaned)


def _described(text: str) -> Actor | None:
    """
    The actor a description names, for a requester: one person ("a former mayor", "his lawyer",
    "the wife of X") or a group ("human rights groups", "the family of X"), by its head noun.
    """
    actor = _group(text)
    if actor is None or actor.kind is not ActorKind.GROUP:
        return actor
    name = actor.name
    head_words = re.split(r"\s(?:of|for)\s", name, maxsplit=1)[0].split()
    head = head_words[-1] if head_words else ""
    if not head.isalpha() or not head.islower():
        return actor  # "Amnesty", "Reporters Without Borders": as the text names them
    plural = (head.endswith("s") and not head.endswith("ss")) or head in words("group_nouns.txt")
    if plural:
        return actor
    if head_words[0].lower() in ("a", "an", "one"):
        name = " ".join(name.split()[1:])
    return Actor.person(name) if name.strip() else None


@cache
def _capitals() -> dict[str, str]:
    return {row[1]: row[0] for row in table("capitals.tsv") if len(row) >= 2}


def _is_people(phrase: str) -> bool:
    """Whether a noun phrase names people: its head, before any "of", is a people noun ("two sailors")."""
    nouns = words("people_nouns.txt")
    tokens = [token.strip("'’").lower() for token in _WORD.findall(phrase)]
    if "of" in tokens[1:]:
        tokens = tokens[: tokens.index("of", 1)]  # "the transcripts of her speeches" are papers
    if len(tokens) > 1:
        tokens = [token for token in tokens if token not in _DETERMINERS]
    return any(token in nouns or token.rstrip("s") in nouns for token in tokens)


#: Possessive determiners: inside a longer phrase they say whose, not who ("her speeches").
_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def _with_possessive_group(article: Article, mention: Mention) -> Actor:
    """ "Lucas' lawyers": a name followed by a possessive and a group noun is that group."""
    text = article.text
    after = text[mention.end : mention.end + 30]
    base = mention.text
    if not (base.endswith(("'", "’", "'s", "’s")) or after.startswith(("'", "’"))):
        return mention.actor
    rest = after.lstrip("'’s ") if not base.endswith(("'", "’", "'s", "’s")) else after.lstrip(" ")
    for noun in sorted(words("possessive_groups.txt"), key=len, reverse=True):
        if rest.lower().startswith(noun) and not rest[len(noun) : len(noun) + 1].isalpha():
            end = text.find(noun, mention.end, mention.end + 30) + len(noun)
            written = text[mention.start : end]
            return _described(written.replace("’", "'")) or mention.actor
    return mention.actor


# --------------------------------------------------------------------------- slots


@attrs.define
class _HeldIndex:
    """
    Where an article says people are held, and which sentences name which words: built once
    per article, so that each request looks only at the sentences about its beneficiary.
    """

    #: For each carriable sentence (by position), the codes of the states it says people are held in.
    held: list[list[str]]
    #: The codes of every such mention in the article, in text order.
    held_all: list[str]
    #: The positions of the carriable sentences each word occurs in.
    words: dict[str, list[int]]


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _held_index(cast: Cast) -> _HeldIndex:
    cached = cast.article.__dict__.get("_held_index")
    if isinstance(cached, _HeldIndex):
        return cached
    article = cast.article
    sentences = article.sentences
    starts = [sentence.start for sentence in sentences]
    held: list[list[str]] = [[] for _ in sentences]
    held_all: list[str] = []
    for found in _HELD_IN.finditer(article.text):
        code = country_code(found.group(1) or found.group(2))
        if code is None:
            continue
        held_all.append(code)
        position = bisect_right(starts, found.start()) - 1
        if position >= 0 and found.start() < sentences[position].end:
            held[position].append(code)
    words: dict[str, list[int]] = {}
    for position, sentence in enumerate(sentences):
        for word in {form for match in _NAME_WORD.finditer(sentence.text) for form in _forms(match.group())}:
            words.setdefault(word, []).append(position)
    index = _HeldIndex(held, held_all, words)
    article.__dict__["_held_index"] = index
    return index


def _forms(word: str) -> set[str]:
    """A word as a name may be looked up by: itself, without a possessive, and its hyphenated parts."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’-")
    return {word, bare, *bare.split("-")}


def _detaining_state(cast: Cast, exclude: set[str], beneficiary: Actor | None = None) -> Actor | None:
    """
    The state holding the prisoner: the one the article says people are held, jailed or
    sentenced in ("jailed in Egypt", "an Egyptian court"), else the one it names most.

    For a named beneficiary only what the text says about them counts: a sentence naming
    someone else ("the wife of an aid worker detained in Iran") says nothing of where the
    beneficiary is held, and without such a sentence the addressee stays unknown.
    """
    index = _held_index(cast)
    held: dict[str, int] = {}
    surname = (
        beneficiary.name.split()[-1]
        if beneficiary is not None and beneficiary.kind is ActorKind.PERSON
        else None
    )
    if surname is None:
        codes: Iterable[str] = index.held_all
    else:
        codes = [code for position in _about(cast, index, surname) for code in index.held[position]]
    for code in codes:
        if code not in exclude:
            held[code] = held.get(code, 0) + 1
    if surname is not None and not held:
        held = _states_around(cast, index, surname, exclude)
    if surname is not None:
        ranked = sorted(held, key=lambda code: -held[code])
        unique = len(ranked) == 1 or (len(ranked) > 1 and held[ranked[0]] > held[ranked[1]])
        return Actor.state(ranked[0]) if unique else None
    if held:
        ranked = sorted(held, key=lambda code: -held[code])
        if len(ranked) == 1 or held[ranked[0]] > held[ranked[1]]:
            return Actor.state(ranked[0])
    counts = cast.state_counts()
    ranked = sorted((code for code in counts if code not in exclude), key=lambda code: -counts[code])
    if not ranked:
        return None
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return Actor.state(ranked[0])


def _about(cast: Cast, index: _HeldIndex, surname: str) -> list[int]:
    """
    The positions of the sentences about a person: those naming them, and a sentence right
    after one that does when it names no one ("X was arrested in May. She is held in Iran.").
    """
    sentences = cast.article.sentences
    naming = index.words.get(surname, [])
    about = set(naming)
    for position in naming:
        following = position + 1
        if following < len(sentences) and following not in about:
            named = [m for m in cast.mentions(sentences[following]) if m.actor.kind is ActorKind.PERSON]
            if not named:
                about.add(following)
    return sorted(about)


def _states_around(cast: Cast, index: _HeldIndex, surname: str, exclude: set[str]) -> dict[str, int]:
    """
    How often the sentences naming a person name each state, leaving out the person's
    nationality ("Pakistani-born doctor X", "Ukrainian pilot X"): the state holding them.
    """
    text = cast.article.text
    counts: dict[str, int] = {}
    for position in index.words.get(surname, []):
        mentions = cast.mentions(cast.article.sentences[position])
        for number, mention in enumerate(mentions):
            code = mention.actor.country if mention.actor.kind is ActorKind.COUNTRY else None
            if code is None or code in exclude:
                continue
            following = mentions[number + 1] if number + 1 < len(mentions) else None
            if (
                following is not None
                and mention.how == "demonym"
                and following.actor.kind is ActorKind.PERSON
                and _NATIONALITY_GAP.fullmatch(text, mention.end, following.start)
            ):
                continue  # "Ukrainian pilot Nadiya Savchenko": her nationality
            counts[code] = counts.get(code, 0) + 1
    return counts


def _mentioned_near(cast: Cast, actor: Actor, sentence: Sentence) -> bool:
    """
    Whether a person is named in the sentence, its paragraph before it, or the sentence before;
    after "Separately," or "In another case," only the sentence itself counts (a new story).
    """
    shifted = _TOPIC_SHIFT.match(sentence.text) is not None
    for other in cast.sentences_before(sentence.start, count=6):
        if shifted and other.index != sentence.index:
            continue
        if other.paragraph != sentence.paragraph and other.index < sentence.index - 1:
            continue
        if any(mention.actor.name == actor.name for mention in cast.mentions(other)):
            return True
    return False


def _beneficiary(
    cast: Cast,
    sentence: Sentence,
    action: re.Match[str],
    cue_end: int,
    kind: str,
    *,
    exclude: tuple[Actor, ...] = (),
    addressee: Actor | None = None,
) -> tuple[Actor | None, bool, bool]:
    """
    The beneficiary, whether the text names them, and whether they are people at all.

    ``exclude`` are the actors a possessive ("his release") cannot mean; a pronoun object
    ("asked Putin to pardon him") or "her sentence" cannot mean the addressee only.
    """
    not_addressee = (addressee,) if addressee is not None else ()
    article = cast.article
    text = article.text
    # "called for Badawi to be pardoned", "a demand that Mandela be released"
    between = [
        mention
        for mention in actor_mentions(cast, sentence, cue_end, action.start())
        if mention.actor.kind is ActorKind.PERSON
    ]
    if kind == "for" and between:
        return between[0].actor, True, True
    granted = _GRANT.search(text, cue_end, action.start())
    if granted is not None:
        named = [mention for mention in between if mention.start >= granted.end()]
        if named:
            return named[0].actor, True, True
    # "his release", "the sailors' quick release"
    before = text[max(sentence.start, action.start() - 40) : action.start()]
    possessor = _POSSESSOR.search(before)
    if possessor is not None and kind != "object":
        people = cast.people_before(
            action.start() - len(possessor.group()), count=1, exclude=exclude, pronoun=possessor.group(1)
        )
        if people:
            return people[0], True, True
    tail = text[cue_end : action.start()]
    mark = re.search(r"['’]s?\s+(?:\w+\s+)?$", tail)
    if kind == "for" and mark is not None:
        written = tail[: mark.start()].strip()
        written = re.sub(r"^(?:the|a|an)\s+", "", written, flags=re.IGNORECASE)
        if written and len(written.split()) <= 5:
            if _POSSESSIVE_KIN.match(written):
                return None, False, True  # "his son's release": whose son, the requester says
            return _beneficiary_described(written), False, _is_people(written)
    # "to pardon Issachar", "to release all American detainees" (not "a pardon from Putin")
    after_start = action.end()
    if _SELF_END.match(text, after_start) is not None:
        return None, False, True
    if _TO_AFTER.match(text, after_start) and (
        kind == "for" or _DETERMINER_BEFORE.search(text, max(0, action.start() - 30), action.start())
    ):
        return None, False, True  # "a request for a pardon to President X": X is asked
    for_ = _FOR_AFTER.match(text, after_start)
    if for_ is not None and not action.group().lower().startswith(("releas", "free")):
        after_start = for_.end() - 1  # "an amnesty for political prisoners", "clemency for X"
    window_end = clause_end(sentence, after_start) if after_start < sentence.end else sentence.end
    named = [
        mention
        for mention in actor_mentions(cast, sentence, after_start, min(sentence.end, after_start + 60))
        if mention.actor.kind is ActorKind.PERSON
    ]
    phrase = _noun_phrase(text, after_start, max(window_end, min(sentence.end, after_start + 60)))
    if named and (phrase is None or named[0].start <= phrase[1]):
        return named[0].actor, True, True
    if phrase is not None:
        written = text[phrase[0] : phrase[1]]
        lowered = written.lower()
        if lowered.startswith(("from ", "by ", "to ")) or lowered in ("from", "by", "to"):
            return None, False, True  # "a pardon from Putin", "a request for a pardon to Putin"
        if lowered.startswith("for "):
            written, lowered = written[4:], lowered[4:]
        if lowered.startswith(("his ", "her ", "their ")) and "sentence" not in lowered:
            return None, False, True
        if lowered.startswith(("his ", "her ", "their ")) and "sentence" in lowered:
            referred = cast.people_before(
                phrase[0], count=1, exclude=not_addressee, pronoun=lowered.split()[0]
            )
            return (referred[0] if referred else None), bool(referred), True
        if lowered == "them":
            group = _plural_antecedent(text, max(sentence.start - 300, 0), phrase[0])
            return group, group is not None, True  # "Two journalists were jailed ... to free them"
        if lowered in ("him", "her"):
            referred = people_referred(cast, article, phrase[0], phrase[1], list(exclude), last=False)
            referred = [actor for actor in referred if _mentioned_near(cast, actor, sentence)]
            return (referred[0] if referred else None), bool(referred), True
        described = _definite_description(cast, written, phrase[0], exclude)
        if described is not None:
            return described, True, True  # "the jailed blogger": the one blogger the article names
        if _is_people(written):
            return _beneficiary_described(written), False, True
        # only what is released or freed must be people ("release funds"); after "clemency" or
        # "pardon" the words that follow say something else ("petition for clemency including ...")
        return None, False, not action.group().lower().startswith(("releas", "free"))
    return None, False, True


def _definite_description(cast: Cast, written: str, at: int, exclude: tuple[Actor, ...]) -> Actor | None:
    """
    The one person named earlier whom a singular definite description refers to: "the jailed
    blogger" after "Saudi blogger Raif Badawi", "the pilot" after "pilot Nadiya Savchenko".
    """
    words_ = written.split()
    if not 2 <= len(words_) <= 4 or words_[0].lower() != "the" or not all(w.isalpha() for w in words_):
        return None
    head = words_[-1]
    plural = head.endswith("s") and not head.endswith("ss")
    if not head.islower() or plural or head in words("group_nouns.txt"):
        return None
    text = cast.article.text
    skip = {actor.name for actor in exclude}
    found: dict[str, Actor] = {}
    for mention in _people_mentioned_before(cast, at):
        actor = mention.actor
        if actor.name in skip or actor.name in found:
            continue
        before = text[max(0, mention.start - 30) : mention.start].split()
        titled = actor.title is not None and actor.title.lower().split()[-1] == head
        if titled or (before and before[-1].lower() == head):
            found[actor.name] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def _people_mentioned_before(cast: Cast, at: int) -> Iterator[Mention]:
    """The mentions of people in the dozen sentences up to ``at`` (a bounded look back)."""
    for sentence in cast.sentences_before(at, count=12):
        for mention in cast.mentions(sentence):
            if mention.end <= at and mention.actor.kind is ActorKind.PERSON:
                yield mention


_PHRASE_WORD = re.compile(r"[\w'’.-]+")
#: Words that may describe the people a plural noun names ("Two Al Jazeera journalists").
_NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "several", "both"}
)


def _plural_antecedent(text: str, start: int, end: int) -> Actor | None:
    """
    The group "them" refers to: the last plural people noun before it, with the words that
    describe it ("Two Al Jazeera journalists were jailed ..., calling on Egypt to free them").
    """
    tokens = [(match.group(), match.start()) for match in _PHRASE_WORD.finditer(text, start, end)]
    nouns = words("people_nouns.txt")
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index][0]
        if not (word.islower() and word.endswith("s") and word in nouns):
            continue
        first = index
        while first > 0 and index - first < 4:
            previous = tokens[first - 1][0]
            if not (previous[:1].isupper() or previous.isdigit() or previous.lower() in _NUMBER_WORDS):
                break
            if previous.lower() in _PRONOUN_WORDS or previous in ("The", "A", "An"):
                break
            first -= 1
        begin = tokens[first][1]
        return Actor.group(text[begin : tokens[index][1] + len(word)])
    return None


def _beneficiary_described(written: str) -> Actor | None:
    """
    A beneficiary the text describes: "the girl" is one person, "political prisoners" a group;
    an indefinite one ("an Israeli-American woman") stays a description the article may name later.
    """
    if _INDEFINITE.match(written):
        return _group(written)
    return _described(written)


def _requester(
    cast: Cast, sentence: Sentence, cue: re.Match[str], action: re.Match[str], kind: str
) -> Actor | None:
    article = cast.article
    text = article.text
    # "calls for clemency from human rights groups" (but "sought a pardon from Putin" asks Putin)
    nominal = " ".join(cue.group().lower().split()) in _NOMINAL
    petitioner = _petition_from(cast, sentence, cue) if kind == "petition" else None
    if petitioner is not None:
        return petitioner
    if (kind == "for" and nominal) or kind == "petition":
        after = _FROM.match(text, action.end())
        if after is not None:
            found = actor_mentions(cast, sentence, after.end(), clause_end(sentence, after.end()))
            if found and found[0].start == after.end():
                return found[0].actor
            phrase = _noun_phrase(text, after.end(), sentence.end)
            if phrase is not None and kind == "for" and not text[cue.start() - 1 : cue.start()].isalpha():
                written = text[phrase[0] : phrase[1]]
                if cue.group().lower().startswith(("calls", "call", "pleas", "plea", "request")):
                    return _group(written)
    # "his petition": the possessor asks
    if kind == "petition":
        possessor = _POSSESSOR.search(text[max(sentence.start, cue.start() - 20) : cue.start()])
        if possessor is not None:
            decider = _DECIDER.search(text, max(sentence.start, cue.start() - 40), cue.end())
            exclude: list[Actor] = []
            if decider is not None:
                exclude = subject_of(cast, article, sentence, decider.start())[:1]
            people = cast.people_before(cue.start(), count=1, exclude=tuple(exclude))
            if people:
                return people[0]
    # "Appealing for the sailors' release, Kerry told Zarif"
    if cue.start() == sentence.start or text[sentence.start : cue.start()].strip() == "":
        comma = text.find(", ", action.end(), sentence.end)
        if comma >= 0:
            found = actor_mentions(cast, sentence, comma, sentence.end)
            if found:
                return found[0].actor
        return None
    start = clause_start(sentence, cue.start())
    if cue.group().split()[0].lower().endswith("ing") and text[start - 2 : start] == ", ":
        # "RSF said on Monday, urging Bahrain to ...": the subject of the reporting clause;
        # "X sent a letter to Y, urging him to ...": the subject of the sentence
        said = _SAID.search(text, clause_start(sentence, start - 2), start)
        if said is not None:
            subject = subject_of(cast, article, sentence, said.start())
            return subject[0] if subject else None
    found, described = _clause_actors(cast, sentence, start, cue.start())
    if described is not None:
        return described
    if found and " ".join(cue.group().lower().split()) in _NOMINAL | {
        "petition",
        "petitions",
        "plea",
        "request",
    }:
        # "Troy Davis' request for clemency": the one whose request it is
        last = found[-1]
        if _POSSESSIVE_BEFORE.fullmatch(text, last.end, cue.start()) or (
            last.text.endswith(("'s", "’s", "'", "’")) and text[last.end : cue.start()].strip(" '’s") == ""
        ):
            return last.actor
    if (
        len(found) >= 2
        and found[0].actor.kind in (ActorKind.ORGANIZATION, ActorKind.COUNTRY)
        and found[1].actor.kind is ActorKind.PERSON
        and _only_title_words(text[found[0].end : found[1].start])
    ):
        # "National Press Club President Myron Belkind", "Myanmar opposition leader X": the person
        found = found[1:]
    if found:
        kin = _KIN_OF.search(text, max(sentence.start, found[0].start - _KIN_REACH), found[0].start)
        if kin is not None:
            # "The family of Ahmed Mansoor has appealed": the family asks
            return _described(text[kin.start() : found[0].end].replace("’", "'"))
        # "filed a petition with President X seeking a pardon": X is asked, not asking
        found = [mention for mention in found if not _object_of_preposition(text, sentence, mention)]
        if not found:
            return None
        return _appositive(cast, sentence, found[0]) or _with_possessive_group(article, found[0])
    # "Her husband has asked ...": a kin of someone named before, described by the text
    described = _leading_subject(text[start : cue.start()]) if _KIN_OPENING.match(text, start) else None
    if described is not None:
        return described
    subject = subject_of(cast, article, sentence, cue.start())
    if subject:
        return subject[0]
    return None


def _petition_from(cast: Cast, sentence: Sentence, cue: re.Match[str]) -> Actor | None:
    """ "a request from Raif Badawi's wife for a royal pardon": she asks."""
    text = cast.article.text
    after_cue = _FROM.match(text, cue.end())
    if after_cue is None:
        return None
    found = actor_mentions(cast, sentence, after_cue.end(), min(sentence.end, after_cue.end() + 60))
    if found and found[0].start == after_cue.end():
        return _with_possessive_group(cast.article, found[0])
    return None


def _addressed_to(
    cast: Cast, sentence: Sentence, action: re.Match[str], kind: str, skip: set[str]
) -> Actor | None:
    """ "appealed for clemency to King X", "a request for a pardon to President X": X is asked."""
    text = cast.article.text
    to = _TO_AFTER.match(text, action.end())
    if to is None or not (
        kind == "for" or _DETERMINER_BEFORE.search(text, max(0, action.start() - 30), action.start())
    ):
        return None
    found = actor_mentions(cast, sentence, to.end() - 1, min(sentence.end, to.end() + 60))
    gap = text[to.end() - 1 : found[0].start].strip() if found else ""
    if found and (not gap or _only_title_words(f" {gap} ")) and found[0].actor.name not in skip:
        return found[0].actor
    return None


def _clause_actors(
    cast: Cast, sentence: Sentence, start: int, cue: int
) -> tuple[list[Mention], Actor | None]:
    """
    The actor mentions a requester is read from: the cue's own clause when it names any ("After
    meeting Putin, Netanyahu asked ..."), else the sentence; with the clause's described subject
    when it names none ("In a letter to Obama, lawmakers urged him ...").
    """
    text = cast.article.text
    found = actor_mentions(cast, sentence, sentence.start, cue)
    if start <= sentence.start or not text[start - 2 : start].startswith(",") or not found:
        return found, None  # a clause opened by "that" or a dash: the whole sentence
    in_clause = [mention for mention in found if mention.start >= start]
    if in_clause:
        return in_clause, None
    return found, _subject_description(text[start:cue])


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|from|by|against|at|in|on|about|under|before|after)\s+(?:(?:the|his|her|their)\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+){0,4}$",
    re.IGNORECASE,
)


def _object_of_preposition(text: str, sentence: Sentence, mention: Mention) -> bool:
    """Whether a mention is governed by a preposition ("with President X"), so it is no subject."""
    window = text[max(sentence.start, mention.start - 40) : mention.start]
    found = _PREPOSITION_BEFORE.search(window)
    return found is not None and found.group().split()[0].islower()


def _leading_subject(phrase: str) -> Actor | None:
    """
    The subject at the start of a clause, up to its verb: "The lawyers filed a petition ..."
    gives the group "The lawyers", "Washington has repeatedly" the United States, "A website"
    an organisation; None when the words are no plain noun phrase ("More than 100,000 people").
    """
    kept: list[str] = []
    for token in phrase.split():
        lowered = token.lower()
        after_determiner = bool(kept) and kept[-1].lower() in ("the", "a", "an", "his", "her", "their")
        if (
            lowered in _AUXILIARIES
            or lowered in _SUBJECT_VERBS
            or (kept and lowered.endswith("ed") and not after_determiner)
            or (kept and token in _HEAD_ENDS)  # "The U.N. working group on arbitrary detention"
        ):
            break
        kept.append(token)
    if not kept or len(kept) > 5 or kept[0].lower() in _PRONOUN_WORDS:
        return None
    if all(word[:1].isupper() or word in _CONNECTOR_WORDS for word in kept):
        return _described(" ".join(kept))  # "Amnesty", "Washington": as the text names them
    described = _subject_description(" ".join(kept))
    if described is not None:
        return described
    if len(kept) >= 2 and kept[0].lower() in ("a", "an", "the") and all(word.isalpha() for word in kept):
        head = kept[-1]
        return Actor.organization(" ".join(kept[1:])) if head.islower() else None  # "A website"
    return None


#: Words after the head of a subject noun phrase: what follows them only qualifies it.
_HEAD_ENDS = frozenset({"on", "in", "at", "with", "from", "for", "of", "to", "who", "which", "that", "whose"})
#: Verbs that end a clause's subject without an "-ed" ending ("lawyers sent a letter").
_SUBJECT_VERBS = frozenset(
    {"sent", "wrote", "made", "gave", "took", "met", "said", "says", "told", "began", "led", "held", "put",
     "brought", "won", "filed", "files", "send", "sends", "write", "writes", "make", "makes"}
)  # fmt: skip


def _only_title_words(gap: str) -> bool:
    """Whether the words between an organisation or state and a person are a title ("opposition leader")."""
    if not gap.startswith(" ") or not gap.endswith(" "):
        return False
    parts = gap.split()
    return len(parts) <= 4 and all(part.lower() in _title_gap_words() for part in parts)


@cache
def _title_gap_words() -> frozenset[str]:
    titles = {word.lower() for row in table("titles.tsv") for word in row[0].split()}
    return frozenset(titles | {"opposition", "top", "senior", "chief", "veteran", "leading", "prominent"})


def _subject_description(phrase: str) -> Actor | None:
    """A requester described, not named, as a clause's subject ("lawmakers", "the group", "a mayor")."""
    tokens = phrase.split()
    while tokens and tokens[-1].lower() in _AUXILIARIES:
        tokens.pop()
    if not tokens or len(tokens) > 5 or tokens[0].lower() in _PRONOUN_WORDS:
        return None
    if not all(token.replace(".", "").replace("-", "").isalpha() for token in tokens):
        return None
    head = tokens[-1]
    if not head.islower():
        return None
    plural = head.endswith("s") and not head.endswith("ss")
    if not (plural or head in words("group_nouns.txt") or _is_people(head) or head in _title_gap_words()):
        return None
    return _described(" ".join(tokens))


_APPOSITION = re.compile(r"(?:['’]s?)?(?:\s+[\w-]+){0,3},\s+")


def _appositive(cast: Cast, sentence: Sentence, mention: Mention) -> Actor | None:
    """ "Manning's trial attorney, David E. Coombs, had sought": the person in apposition."""
    text = cast.article.text
    found = _APPOSITION.match(text, mention.end, min(sentence.end, mention.end + 40))
    if found is None or not text[mention.end : found.end()].strip(" ,'’s"):
        return None
    people = [
        other
        for other in actor_mentions(cast, sentence, found.end(), sentence.end)
        if other.start == found.end() and other.actor.kind is ActorKind.PERSON
    ]
    if people and text[people[0].end : people[0].end + 1] == ",":
        return people[0].actor
    return None


def _addressee(
    cast: Cast,
    sentence: Sentence,
    cue: re.Match[str],
    action: re.Match[str],
    kind: str,
    *,
    requester: Actor | None,
) -> tuple[Actor | None, bool]:
    """The authority asked, and whether the text names it (else the detaining state may stand in)."""
    article = cast.article
    text = article.text
    skip = {requester.name} if requester is not None else set()
    if kind == "object" or (kind == "petition" and action.start() > cue.end()):
        found = [
            mention
            for mention in actor_mentions(cast, sentence, cue.end(), action.start())
            if mention.actor.name not in skip
        ]
        if found:
            gap = text[cue.end() : found[0].start]
            after = text[found[0].end : found[0].end + 2]
            possessive = found[0].text.endswith(("'s", "’s")) or after.startswith(("'", "’"))
            if "," not in gap and len(gap.split()) <= 4 and not _TO_VERB.search(gap):
                if not possessive:
                    return found[0].actor, True
                if found[0].actor.kind is ActorKind.COUNTRY and _OFFICE_AFTER.match(text, found[0].end):
                    return found[0].actor, True  # "asked Iran's supreme leader": the state (Clarification 4)
        # "called on Moscow to free ...": a capital stands for its state
        capital = _CAPITAL_OBJECT.match(text, cue.end())
        if capital is not None:
            code = _capitals().get(capital.group(1))
            if code is not None and Actor.state(code).name not in skip:
                return Actor.state(code), True
        # "urging him to grant ...": the person last named before, other than the one asking
        pronoun = re.match(r"\s+(?:him|her)\b", text[cue.end() : cue.end() + 6])
        if pronoun is not None:
            people = cast.people_before(cue.start(), count=1, exclude=(requester,) if requester else ())
            if people:
                return people[0], True
    addressed = _addressed_to(cast, sentence, action, kind, skip)
    if addressed is not None:
        return addressed, True
    # "sought clemency for his client from the Army"
    window = text[action.end() : clause_end(sentence, action.end()) + 1]
    from_at = window.find(" from ")
    if from_at >= 0:
        start = action.end() + from_at + 6
        found = actor_mentions(cast, sentence, start, start + 60)
        if found and found[0].start - start <= 4 and found[0].actor.name not in skip:
            return found[0].actor, True
        phrase = _noun_phrase(text, start, sentence.end)
        if (
            phrase is not None
            and kind == "for"
            and cue.group().lower() in ("sought", "seeks", "seek", "seeking")
        ):
            written = text[phrase[0] : phrase[1]]
            return Actor.organization(written), True
    # "filed a petition with President X seeking a pardon", "in a letter to X calling for"
    before_cue = text[max(sentence.start, cue.start() - 120) : cue.start()]
    lodged = (
        _LODGED_WITH.search(text, max(sentence.start, cue.start() - 120), cue.start())
        if " to " in before_cue or " with " in before_cue
        else None
    )
    if lodged is not None:
        found = actor_mentions(cast, sentence, lodged.end(), cue.start())
        found = [mention for mention in found if mention.actor.name not in skip]
        gap = text[lodged.end() : found[0].start].strip() if found else ""
        if found and (not gap or _only_title_words(f" {gap} ")):
            return found[0].actor, True
    # "Appealing for the sailors' release, Kerry told Zarif"
    if text[sentence.start : cue.start()].strip() == "":
        comma = text.find(", ", action.end(), sentence.end)
        found = actor_mentions(cast, sentence, comma, sentence.end) if comma >= 0 else []
        found = [mention for mention in found if mention.actor.name not in skip]
        if found:
            return found[0].actor, True
    # "Jay Nixon rejected his petition"
    decider = _DECIDER.search(text, max(sentence.start, cue.start() - 40), cue.end())
    if decider is not None:
        subject = subject_of(cast, article, sentence, decider.start())
        if subject:
            return subject[0], True
    if kind == "object" and text[cue.end() : action.start()].strip(" ,").lower() not in ("", "to"):
        return None, False
    return None, False


def _request_at(cast: Cast, sentence: Sentence, action: re.Match[str]) -> _Request | None:
    article = cast.article
    text = article.text
    window_start = max(sentence.start, action.start() - 140)
    cue = None
    for found in _cue_pattern().finditer(text, window_start, action.start()):
        cue = found
    compound = _COMPOUND.match(text, action.end())
    if compound is not None and (cue is None or action.start() - cue.end() > 40):
        # "a clemency petition", "her release request": the request noun follows
        return _compound_request(cast, sentence, action, compound)
    if cue is None:
        return None
    kind = _cue_kind(cue.group())
    between = text[cue.end() : action.start()]
    if ";" in between or " was " in between or " were " in between or _NEW_CLAUSE.search(between):
        return None
    if kind == "object" and not _OBJECT_TAIL.search(between):
        return None
    if _PASSIVE_DONE.search(between) and kind != "for":
        return None
    if cues(text[clause_start(sentence, cue.start()) : cue.start()]) & _BLOCKING:
        return None
    requester = _requester(cast, sentence, cue, action, kind)
    if requester is None:
        clause = clause_start(sentence, cue.start())
        requester = _leading_subject(text[clause : cue.start()])
        if requester is not None and requester.kind is ActorKind.GROUP and requester.name[:1].isupper():
            full = cast.person(requester.name)  # "Kerry urged ...", his full name given later
            requester = full.actor if full is not None else requester
    if requester is None:
        return None
    addressee, _named_addressee = _addressee(cast, sentence, cue, action, kind, requester=requester)
    if addressee is not None and addressee.name == requester.name:
        return None  # "The White House rejected a petition seeking a pardon": the petitioners are unnamed
    exclude = tuple(
        actor
        for actor in (addressee, requester)
        # "his petition to have his sentence commuted": there the petitioner is the beneficiary
        if actor is not None
        and (actor is addressee or (actor.kind is ActorKind.PERSON and kind != "petition"))
    )
    beneficiary, named, people = _beneficiary(
        cast, sentence, action, cue.end(), kind, exclude=exclude, addressee=addressee
    )
    if not people:
        return None
    kin = _kin_person(cast, requester) if not named else None
    if kin is None and not named:
        kin = _kin_named_later(cast, sentence, clause_start(sentence, cue.start()), cue.start())
    if kin is not None:
        beneficiary, named = kin, True  # "the family of X asked for his release": for X
    if (
        beneficiary is None
        and requester.kind is ActorKind.PERSON
        and not _POSSESSIVE_DETERMINER.search(text, cue.end(), action.start())
        and (
            (
                " ".join(cue.group().lower().split()) in _SELF_CUES
                and _SELF_END.match(text, action.end()) is not None
            )
            or kind == "petition"
            or _owns(text, cue.start(), requester)
        )
    ):
        beneficiary, named = requester, True  # "Kim asked for mercy": for himself
    rule = {"object": "pardon.ask_to", "for": "pardon.call_for", "petition": "pardon.petition"}[kind]
    date = _date(cast, sentence, cue, action, kind)
    coordinated = kind == "object" and " and " in text[cue.end() : action.start()]
    also_to = _coordinated_addressees(cast, sentence, addressee, action.start()) if coordinated else []
    return _Request(requester, addressee, beneficiary, date, sentence, rule, named, cue.start(), also_to)


def _coordinated_addressees(
    cast: Cast, sentence: Sentence, addressee: Actor | None, stop: int
) -> list[Actor]:
    """
    The states or people coordinated with the addressee before the requested act ("Egypt and
    Bahrain"); never organisations, whose names hold "and" ("Board of Pardons and Paroles").
    """
    if addressee is None or addressee.kind not in (ActorKind.COUNTRY, ActorKind.PERSON):
        return []
    text = cast.article.text
    mentions = actor_mentions(cast, sentence, sentence.start, stop)
    for index, mention in enumerate(mentions[:-1]):
        if mention.actor.name != addressee.name:
            continue
        following = mentions[index + 1]
        if (
            _AND_ONLY.fullmatch(text, mention.end, following.start)
            and following.actor.kind is addressee.kind
            and following.actor.name != addressee.name
        ):
            return [following.actor]
    return []


def _kin_person(cast: Cast, requester: Actor) -> Actor | None:
    """The person a kin or counsel group speaks for: "the family of X", "X's lawyers" give X."""
    if requester.kind not in (ActorKind.GROUP, ActorKind.PERSON):
        return None
    name = requester.name
    for mark in (" of ", " for "):
        at = name.find(mark)
        if at > 0 and _KIN_OF.search(name[: at + len(mark)]) is not None:
            described = name[at + len(mark) :].split()
            for first in range(len(described)):  # "jailed journalist Evan Gershkovich"
                if described[first][:1].isupper():
                    person = cast.person(" ".join(described[first:]))
                    if person is not None:
                        return person.actor
            return None
    at = name.find("'s ")
    if at < 0:
        at = name.find("' ")
    if at > 0 and name[at:].lstrip("'s ").lower() in words("possessive_groups.txt"):
        person = cast.person(name[:at])
        return person.actor if person is not None else None
    return None


def _kin_named_later(cast: Cast, sentence: Sentence, start: int, end: int) -> Actor | None:
    """
    "The wife of a British aid worker ... petitioned X to pardon him. The aid worker, Richard
    Hale, ...": the person the kin speaks for, named later by the same noun in apposition.
    """
    text = cast.article.text
    if " of a" not in text[start:end]:
        return None  # a cheap test before the pattern
    kin = _KIN_OF_DESCRIPTION.search(text, start, end)
    if kin is None:
        return None
    head = kin.group(1)
    limit = min(len(text), sentence.end + 300)
    for found in re.finditer(r"\b" + re.escape(head) + r",?\s+", text[sentence.start : limit]):
        at = sentence.start + found.end()
        owner = cast.article.sentence_at(at)
        if owner is None or not owner.carriable:
            continue
        named = [
            mention
            for mention in cast.mentions(owner)
            if mention.start == at and mention.actor.kind is ActorKind.PERSON
        ]
        if named:
            return named[0].actor
    return None


def _addressed_before(cast: Cast, request: _Request) -> set[str]:
    """The people named after a preposition before the cue ("wrote to President X asking"): asked."""
    sentence = request.sentence
    text = cast.article.text
    end = request.cue_start if request.cue_start >= 0 else sentence.start
    return {
        mention.actor.name
        for mention in actor_mentions(cast, sentence, sentence.start, end)
        if mention.actor.kind is ActorKind.PERSON and _object_of_preposition(text, sentence, mention)
    }


def _owns(text: str, at: int, actor: Actor) -> bool:
    """Whether the words before ``at`` are the actor's possessive ("Troy Davis' request")."""
    window = text[max(0, at - 80) : at]
    found = re.search(r"(\S+?)['’]s?\s+(?:[\w-]+\s+)?$", window)
    return found is not None and found.group(1) == actor.name.split()[-1]


def _compound_request(
    cast: Cast, sentence: Sentence, action: re.Match[str], compound: re.Match[str]
) -> _Request | None:
    """ "X filed a clemency petition with Y", "the board denied his clemency request"."""
    article = cast.article
    text = article.text
    if cues(text[clause_start(sentence, action.start()) : action.start()]) & _BLOCKING:
        return None
    requester: Actor | None = None
    beneficiary: Actor | None = None
    possessor = _POSSESSOR.search(text[max(sentence.start, action.start() - 12) : action.start()])
    decider = _DECIDER_BEFORE.search(text, max(sentence.start, action.start() - 60), action.start())
    deciders = subject_of(cast, article, sentence, decider.start()) if decider is not None else []
    of = _OF.match(text, compound.end())
    if of is not None:
        # "the clemency request of Richard Glossip"
        found = actor_mentions(cast, sentence, of.end(), min(sentence.end, of.end() + 60))
        if found and found[0].start == of.end():
            requester = _with_possessive_group(article, found[0])  # "from Raif Badawi's wife"
    elif possessor is not None:
        people = cast.people_before(action.start(), count=1, exclude=tuple(deciders[:1]))
        requester = people[0] if people else None
    elif decider is None:
        found = actor_mentions(cast, sentence, clause_start(sentence, action.start()), action.start())
        kin = (
            _KIN_OF.search(text, max(sentence.start, found[0].start - _KIN_REACH), found[0].start)
            if found
            else None
        )
        if kin is not None:
            # "Lawyers for Richard Glossip filed a clemency petition": they ask for him
            requester = _described(text[kin.start() : found[0].end].replace("’", "'"))
            beneficiary = found[0].actor
        elif found:
            requester = _with_possessive_group(article, found[0])  # "Glossip's lawyers filed a petition"
    if requester is None:
        return None
    beneficiary = beneficiary or _kin_person(cast, requester)
    addressee: Actor | None = deciders[0] if deciders else None
    if addressee is None:
        after = _WITH_TO.match(text, compound.end())
        if after is not None:
            found = actor_mentions(cast, sentence, after.end(), min(sentence.end, after.end() + 80))
            if found and found[0].start - after.end() <= 5:
                addressee = found[0].actor
    date = attached_date(article, sentence, action.start(), compound.end(), reach=0)
    return _Request(requester, addressee, beneficiary or requester, date, sentence, "pardon.petition", True)


def _date(
    cast: Cast, sentence: Sentence, cue: re.Match[str], action: re.Match[str], kind: str
) -> PartialDate | None:
    article = cast.article
    text = article.text
    start = clause_start(sentence, cue.start())
    # "Reporters Without Borders said on Monday, urging Bahrain to release ...": the statement's day
    if cue.group().split()[0].lower().endswith("ing") and text[start - 2 : start] == ", ":
        day = reporting_day(article, sentence)
        if day is not None:
            return day
    stop = clause_end(sentence, action.end())
    for span in sentence_times(article, sentence):
        if start <= span.start and span.end <= stop and not dates_another_event(article, sentence, span):
            if _DECIDED.search(text, cue.end(), span.start):
                return None  # "her request for clemency was rejected on Tuesday": the decision's day
            return attached_date(article, sentence, span.start, span.end, reach=0)
    # a sentence-opening time adverbial dates a verbal request: "Shortly after sentencing in 2013, X sought"
    if kind != "petition" and " ".join(cue.group().lower().split()) not in _NOMINAL:
        first = text.find(", ", sentence.start, cue.start())
        if first >= 0:
            for span in sentence_times(article, sentence):
                if span.end <= first and not dates_another_event(article, sentence, span):
                    return attached_date(article, sentence, span.start, span.end, reach=0)
            recent = recency_date(article, sentence.start, first)
            if recent is not None:
                return recent
        found = attached_date(article, sentence, cue.start(), action.end(), reach=0)
        if found is None and _OWN_STATEMENT.search(text, action.end(), sentence.end):
            # "Amnesty urged Egypt to release them, it said on Monday": the request is the statement
            return reporting_day(article, sentence)
        return found
    return None


# --------------------------------------------------------------------------- merging


def _names(actor: Actor | None) -> str:
    return "" if actor is None else actor.name


def _call_day(article: Article, request: _Request) -> PartialDate | None:
    """The day of the reported phone call in which the request was made (Clarification 12)."""
    from newsevents.parsing.phonecall import phone_calls  # noqa: PLC0415 (one recogniser asks another)

    day = reporting_day(article, request.sentence)
    if day is None:
        return None
    wanted = {_names(request.requester), _names(request.addressee)}
    for call in phone_calls(article):
        if {actor.name for actor in call.participants} == wanted and call.date == day:
            return day
    return None


def _merge(cast: Cast, requests: list[_Request]) -> list[_Request]:
    """
    One request per real-world request, in text order; every lookup is by key, so an
    article with many requests costs time in proportion to their number.
    """
    out: list[_Request] = []
    # Requests that name their beneficiary, by (requester, addressee), in text order. An
    # addressee found later moves a request to another key: entries are checked on use.
    named: dict[tuple[str, str], list[tuple[int, _Request]]] = {}
    for position, request in enumerate(requests):
        if request.beneficiary_named and request.beneficiary is not None:
            named.setdefault((_names(request.requester), _names(request.addressee)), []).append(
                (position, request)
            )
    originally_named = {position for entries in named.values() for position, _request in entries}
    first_by_requester: dict[str, _Request] = {}
    kept: dict[tuple[str, str, str], list[_Request]] = {}
    for position, request in enumerate(requests):
        if not request.beneficiary_named:
            key = (_names(request.requester), _names(request.addressee))
            match = next(
                (
                    other
                    for _p, other in named.get(key, ())
                    if (_names(other.requester), _names(other.addressee)) == key
                ),
                None,
            )
            if match is not None:
                request.beneficiary = match.beneficiary
                request.beneficiary_named = True
        if request.beneficiary is None:
            # "The White House called for clemency" after its request was reported: the same request
            again = first_by_requester.get(_names(request.requester))
            if again is not None:
                again.date = again.date or request.date
                continue
        if request.beneficiary is None or (
            request.beneficiary.kind is ActorKind.GROUP and _INDEFINITE.match(request.beneficiary.name)
        ):
            skip = {_names(request.requester), _names(request.addressee)} | _addressed_before(cast, request)
            others = [
                person
                for person in cast.salient_people()
                if person.name not in skip and _mentioned_near(cast, person, request.sentence)
            ]
            if not others:
                continue
            request.beneficiary = others[0]
        if request.addressee is None:
            exclude = (
                {request.requester.country} if request.requester and request.requester.country else set()
            )
            request.addressee = _detaining_state(
                cast, {code for code in exclude if code}, beneficiary=request.beneficiary
            )
            if position in originally_named and request.addressee is not None:
                entries = named.setdefault((_names(request.requester), _names(request.addressee)), [])
                entries.append((position, request))
                entries.sort(key=lambda entry: entry[0])
        if request.date is None and request.addressee is not None:
            request.date = _call_day(cast.article, request)
        identity = (_names(request.requester), _names(request.beneficiary), _names(request.addressee))
        twin = next(
            (
                other
                for other in kept.get(identity, ())
                if other.date is None or request.date is None or other.date == request.date
            ),
            None,
        )
        if twin is not None:
            twin.date = twin.date or request.date
            continue
        out.append(request)
        kept.setdefault(identity, []).append(request)
        first_by_requester.setdefault(_names(request.requester), request)
    return out


@register_recogniser(PardonRequest)
def find_pardon_requests(article: Article) -> Iterator[PardonRequest]:
    """
    Yield the pardon, clemency, commutation and release requests an article reports.

    Args:
        article: The article.
    """
    hits = article.sentences_with(_KEYWORDS, confirm=_ACTION)
    if not hits:
        return
    cast = Cast.for_article(article)
    requests: list[_Request] = []
    for sentence in hits:
        if _NOT_REQUESTS.search(sentence.text):
            continue
        for number, action in enumerate(_ACTION.finditer(article.text, sentence.start, sentence.end)):
            if number >= _MAX_TRIGGERS:
                break
            request = _request_at(cast, sentence, action)
            if request is not None:
                requests.append(request)
                # "urged Egypt and Bahrain to release ...": one request per authority (Clarification 7)
                requests.extend(attrs.evolve(request, addressee=other) for other in request.also_to)
                break
    for request in _merge(cast, requests):
        if request.requester is None or request.beneficiary is None:
            continue
        yield PardonRequest(
            requester=request.requester,
            addressee=request.addressee,
            beneficiary=request.beneficiary,
            date=request.date,
            evidence=evidence_for(request.sentence, request.rule),
            source=article.source,
        )
