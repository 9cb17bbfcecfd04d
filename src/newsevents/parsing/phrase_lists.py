"""
Lists of word phrases, found in a sentence's lower-cased words.

- `by_first_word`: a phrase list indexed by its first words, so one pass over a sentence finds them all;
- `first_phrase`: where the first phrase of such an index starts in a run of words;
- `after_opener`: the word after the first "opener" found, an opener allowing a few words in
  its gaps ("convicted ~4 of": "convicted on two counts of").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

__all__ = ["after_opener", "by_first_word", "first_phrase"]

Phrase = tuple[str, ...]


def by_first_word(phrases: Iterable[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    """
    The phrases by their first word, in the order given.

    Examples:
        >>> by_first_word([("in", "prison"), ("in", "jail"), ("jailed",)])
        {'in': (('in', 'prison'), ('in', 'jail')), 'jailed': (('jailed',),)}
    """
    found: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        found.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(listed) for word, listed in found.items()}


def first_phrase(words: Sequence[str], index: Mapping[str, Sequence[Phrase]]) -> int | None:
    """
    Where the first phrase of an index (`by_first_word`) starts in ``words``, or None.

    Examples:
        >>> first_phrase(["she", "was", "kept", "in", "jail"], by_first_word([("in", "jail")]))
        3
    """
    for at, word in enumerate(words):
        for phrase in index.get(word, ()):
            if tuple(words[at : at + len(phrase)]) == phrase:
                return at
    return None


def after_opener(words: Sequence[str], openers: Iterable[Phrase], barrier: Collection[str]) -> int | None:
    """
    The position after the first opener in ``words`` (earliest start, then the openers' order), or None.

    An opener's part ``~N`` lets up to N words come before the part after it, none of them a
    ``barrier`` word: ``("accused", "~3", "of")`` opens "accused the mayor of".

    Examples:
        >>> words = "she was accused by police of theft".split()
        >>> after_opener(words, [("accused", "~3", "of")], {";", "."})
        6
    """
    listed = tuple(openers)
    for at, word in enumerate(words):
        for opener in listed:
            if word != opener[0]:
                continue
            position, ok = at + 1, True
            for part, following in zip(opener[1:], (*opener[2:], ""), strict=True):
                if part.startswith("~"):
                    stop = min(len(words), position + int(part[1:]) + 1)
                    found = next((p for p in range(position, stop) if words[p] == following), None)
                    if found is None or any(w in barrier for w in words[position:found]):
                        ok = False
                        break
                    position = found
                    continue
                if position >= len(words) or words[position] != part:
                    ok = False
                    break
                position += 1
            if ok:
                return position
    return None
