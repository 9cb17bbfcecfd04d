"""
Lists of word phrases, found in a sentence's lower-cased words.

- `by_first_word`: a phrase list indexed by its first words, so one pass over a sentence finds them all;
- `first_phrase`: where the first phrase of such an index starts in a run of words;
- `phrases_by_kind`, `sets_by_key`: the phrase lists and word sets of a data table;
- `near_words`: whether a sentence or the one before holds one of some words;
- `after_opener`: the word after the first "opener" found, an opener allowing a few words in
  its gaps ("convicted ~4 of": "convicted on two counts of").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from newsevents.parsing.article import Article, Sentence
from newsevents.parsing.mentions import view

__all__ = [
    "after_opener",
    "by_first_word",
    "first_phrase",
    "near_words",
    "phrases_by_kind",
    "sets_by_key",
]

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


def phrases_by_kind(rows: Iterable[Sequence[str]]) -> dict[str, list[Phrase]]:
    """
    The phrases of a table of (phrase, kind) rows by kind, as lower-case word tuples, in order;
    a row of one cell is left out.

    Examples:
        >>> phrases_by_kind([("In Jail", "place"), ("at home", "place"), ("fined", "money"), ("odd",)])
        {'place': [('in', 'jail'), ('at', 'home')], 'money': [('fined',)]}
    """
    by_kind: dict[str, list[Phrase]] = {}
    for row in rows:
        if len(row) >= 2:
            by_kind.setdefault(row[1], []).append(tuple(row[0].lower().split()))
    return by_kind


def sets_by_key(rows: Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    """
    The comma-separated words of a table's second cells by its first cells; a row of one cell is left out.

    Examples:
        >>> sets_by_key([("board", "school,county"), ("odd",)])
        {'board': frozenset({'county', 'school'})}
    """
    return {row[0]: frozenset(row[1].split(",")) for row in rows if len(row) > 1}


def near_words(article: Article, sentence: Sentence, words: Collection[str]) -> bool:
    """
    Whether the sentence, or the one before it, holds one of the lower-case ``words``.

    Examples:
        >>> article = Article("The jury sat. It agreed.")
        >>> [near_words(article, s, {"jury"}) for s in article.sentences]
        [True, True]
    """
    if not view(article, sentence).words.isdisjoint(words):
        return True
    index = sentence.index
    return index > 0 and not view(article, article.all_sentences[index - 1]).words.isdisjoint(words)
