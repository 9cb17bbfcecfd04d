"""
States and coalitions that a word or two of a sentence name: "Russian", "Saudi-led",
"Washington", "the United States", "an Arab coalition".

Each reader looks at a sentence's tokens at one position and gives the `Actor` named there,
or None. A country's name is read by the gazetteer when its data (the ``places`` extra) is
installed, else by the actor layer's own table. This module names no event type.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsevents.model import Actor, ActorKind, Place
from newsevents.parsing import gazetteer
from newsevents.parsing.actors import country_code as _alias_code
from newsevents.parsing.actors import is_demonym
from newsevents.parsing.blocking import clause_opening
from newsevents.parsing.mentions import capital_subject
from newsevents.parsing.tokens import Token

__all__ = [
    "and_allies",
    "blamed_state",
    "coalition_named",
    "country_code",
    "home_state",
    "is_country",
    "leader_unless_named",
    "led_coalition",
    "seat_state",
    "state_before",
    "state_of",
    "state_subject",
    "the_country",
]


def country_code(name: str) -> str | None:
    """
    The ISO code of a country's name, alias or demonym ("Syrian", "Syria" give ``SY``): the
    gazetteer's when its data is installed, else the actor layer's table.
    """
    return gazetteer.country_code(name) if gazetteer.available() else _alias_code(name)


def is_country(place: Place | None) -> bool:
    """Whether a place is a whole country ("Syria"), not a place inside one ("Aleppo")."""
    return place is not None and place.name is not None and country_code(place.name) is not None


def state_of(token: Token) -> Actor | None:
    """The state a capitalised word names ("Russian", "France"), or None."""
    code = country_code(token.text) if token.is_title else None
    return Actor.state(code) if code is not None else None


def the_country(tokens: Sequence[Token], at: int) -> bool:
    """Whether token ``at`` is a country's one-word name (not a demonym, not "U.S.") after "the"."""
    token = tokens[at]
    return at > 0 and tokens[at - 1].lower == "the" and token.shape == "Xx" and not is_demonym(token.text)


def seat_state(tokens: Sequence[Token], at: int) -> Actor | None:
    """ "Washington is leading the talks", "the United States leading them": the state at token ``at``."""
    token = tokens[at]
    if token.is_title and at + 1 < len(tokens) and tokens[at + 1].is_title:
        code = country_code(f"{token.text} {tokens[at + 1].text}")
        if code is not None:
            return Actor.state(code)
    code = capital_subject(tokens, at)
    return Actor.state(code) if code is not None else None


def led_coalition(tokens: Sequence[Token], at: int) -> Actor | None:
    """ "Saudi-led", "U.S.-led" ending at token ``at``: the coalition so named ("Saudi-led coalition")."""
    if at < 0 or at >= len(tokens):
        return None
    word = tokens[at].lower
    if word.endswith("-led") and len(word) > 4:
        return Actor.group(f"{tokens[at].text} coalition")
    if word == "led" and at >= 2 and tokens[at - 1].text == "-":
        return Actor.group(f"{tokens[at - 2].text}-led coalition")
    return None


def home_state(actor: Actor | None) -> str | None:
    """
    The country code of a state actor, or of the state that leads a coalition named "X-led
    coalition" ("U.S.-led coalition" is the United States'); None for other actors.
    """
    if actor is None or actor.kind is ActorKind.COUNTRY:
        return actor.country if actor is not None else None
    leader, led, _rest = actor.name.partition("-led ")
    return _alias_code(leader) if led else None


def leader_unless_named(actor: Actor | None, text: str) -> Actor | None:
    """
    The state that leads an "X-led coalition" read from "X-led" alone ("U.S.-led air
    strikes"), when ``text`` (the article) never names that coalition ("the X-led
    coalition", "an X-led military coalition"): the United States; else ``actor`` as it is.
    """
    if actor is None or actor.kind is not ActorKind.GROUP or not actor.name.endswith("-led coalition"):
        return actor
    code, lower = home_state(actor), text.lower()
    led = actor.name.lower().removesuffix(" coalition")
    at = lower.find(led)
    while at >= 0:
        following = lower[at + len(led) : at + len(led) + 40].split()[:3]
        if any(word.strip("\"'").startswith("coalition") for word in following):  # "coalition's"
            return actor
        at = lower.find(led, at + 1)
    return Actor.state(code) if code is not None else actor


def coalition_named(tokens: Sequence[Token], at: int) -> Actor | None:
    """ "a Saudi-led coalition", "an Arab coalition" at token ``at``: a coalition by name, not a bare one."""
    if at < 1 or tokens[at].lower != "coalition":
        return None
    led = led_coalition(tokens, at - 1)
    named = tokens[at - 1].is_title and (at > 1 or is_demonym(tokens[0].text))  # not "The coalition"
    return led or (Actor.group(f"{tokens[at - 1].text} coalition") if named else None)


def state_before(tokens: Sequence[Token], at: int, modifiers: Collection[str]) -> Actor | None:
    """
    The state or coalition named just before the noun at token ``at``, across up to six
    ``modifiers``, numbers and designations ("F-16"): "a suspected U.S. drone", "Israel's air
    force", "a Saudi-led coalition's convoy", "Syrian and Russian warplanes" (the first);
    none for a country's name right after "the" ("the Yemen floods": the place).
    """
    coalition = False
    for position in range(at - 1, max(-1, at - 7), -1):
        token = tokens[position]
        found = led_coalition(tokens, position) or state_of(token)
        if found is not None and position == at - 1 and the_country(tokens, position):
            return None
        if found is not None:
            if found.kind is ActorKind.COUNTRY and position >= 2 and tokens[position - 1].lower == "and":
                return state_of(tokens[position - 2]) or found
            return found
        if token.lower == "'s" and position > 0:
            if tokens[position - 1].lower == "coalition":
                return led_coalition(tokens, position - 2) or Actor.group("coalition")
            return state_of(tokens[position - 1]) or led_coalition(tokens, position - 1)
        designation = token.is_title and len(token.text) <= 3 and tokens[position + 1].text == "-"
        if token.lower == "coalition":
            coalition = True
        elif not (token.lower in modifiers or token.shape == "d" or designation):
            break
    return Actor.group("coalition") if coalition else None


def state_subject(
    tokens: Sequence[Token], anchor: int, end: int, verbs: Collection[str], infinitive: str = ""
) -> Actor | None:
    """
    The state or coalition whose act the noun at token ``anchor`` is, as the subject of its clause:

    - the subject nearest before the last of ``verbs`` in the clause up to token ``end``
      ("Norway has sent ships", with the verb "sent"; "prompted an Arab coalition to send
      ships" with the ``infinitive`` "send" after "to"), passing over possessors and
      demonyms before a noun ("Norway's ally", "Danish ships");
    - else, when "its" or "their" is right before the noun ("Norway said its ships sailed"),
      the first state or coalition of the clause that is no possessor.

    A relative clause ("Norway, which sent ships") looks back to its antecedent.
    """
    opening = clause_opening(tokens, anchor) - 1 if anchor else 0
    start = 0 if opening <= 1 else opening
    owns = any(token.lower in ("its", "their") for token in tokens[max(start, anchor - 3) : anchor])
    found = [
        i for i in range(start, end)
        if tokens[i].lower in verbs
        or (infinitive and tokens[i].lower == infinitive and tokens[i - 1].lower == "to")
    ]  # fmt: skip
    if not owns and not found:
        return None
    if start >= 2 and tokens[start].lower in ("which", "who") and tokens[start - 1].text == ",":
        start = max(0, start - 4)
    for position in range((found[-1] if found else start) - 1, start - 1, -1):
        token, following = tokens[position], tokens[position + 1]
        named = coalition_named(tokens, position)
        if named is not None and following.lower != "'s":
            return named
        if following.lower == "'s" or (is_demonym(token.text) and following.shape == "x"):
            continue
        state = led_coalition(tokens, position) or state_of(token) or seat_state(tokens, position)
        if state is not None:
            return state
    for position in range(start, anchor):
        state = led_coalition(tokens, position) or state_of(tokens[position]) or seat_state(tokens, position)
        if state is not None and not (position + 1 < len(tokens) and tokens[position + 1].lower == "'s"):
            return state
        if tokens[position].lower == "coalition":
            return Actor.group("coalition")
    return None


#: Verbs that hold someone responsible for an act ("blamed X for it", "blaming it on X").
_BLAME = frozenset({"blame", "blamed", "blames", "blaming"})
#: Words that name a country's own forces without naming the country ("the government", "regime forces").
_OWN_SIDE = frozenset({"government", "regime", "army"})


def _side(tokens: Sequence[Token], home: str | None) -> Actor | None:
    """The state or "X-led" coalition ``tokens`` name, else ``home``'s state for "the government"."""
    for at, token in enumerate(tokens):
        found = led_coalition(tokens, at) or state_of(token)
        if found is not None:
            return found
    own = home is not None and any(token.lower in _OWN_SIDE for token in tokens)
    return Actor.state(home) if own and home is not None else None


def blamed_state(tokens: Sequence[Token], nouns: Collection[str], home: str | None) -> Actor | None:
    """
    The state a sentence holds responsible for an act named by one of ``nouns``: "Y blamed
    Damascus for the air strikes", "blaming the raids on the island on Ruritanian forces";
    "the government" or "the regime" is ``home``'s (the country the acts are in).
    """
    for at, token in enumerate(tokens):
        if token.lower not in _BLAME:
            continue
        words = [t.lower for t in tokens[at + 1 : at + 12]]
        cut = next((i for i, w in enumerate(words[:7]) if w in ("for", ",", ";")), None)
        if cut is not None and words[cut] == "for" and any(w in nouns for w in words[cut + 1 : cut + 4]):
            return _side(tokens[at + 1 : at + 1 + cut], home)  # "blamed Y for the strikes"
        on = next((i for i, w in enumerate(words) if w in ("on", ",", ";")), None)
        if on is not None and words[on] == "on" and any(w in nouns for w in words[:3]):
            return _side(tokens[at + 2 + on : at + 6 + on], home)  # "blaming the strikes in A on Y"
    return None


def and_allies(tokens: Sequence[Token], at: int, actor: Actor | None) -> Actor | None:
    """
    A state named at token ``at`` with its allies, as the text names the group (note 26):
    "strikes by Ruritania and its allies" is "Ruritania and its allies"; else ``actor``.
    """
    words = [token.lower for token in tokens[at + 1 : at + 4]]
    if actor is None or actor.kind is not ActorKind.COUNTRY or len(words) < 3:
        return actor
    if words[0] == "and" and words[1] in ("its", "their") and words[2] in ("allies", "partners"):
        return Actor.group(" ".join(token.text for token in tokens[at : at + 4]))
    return actor
