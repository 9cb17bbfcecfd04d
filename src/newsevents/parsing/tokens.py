"""
Tokens: the words, numbers and marks of a sentence, with offsets and cheap features, computed once.

Every later step of the parser (the pattern engine, its mention layer, the blocking cues)
works on tokens instead of character windows. A token's offsets are the article's, so
``article.text[token.start:token.end] == token.text`` always holds.

What a token is:

- a word: letters, with inner hyphens and apostrophes ("al-Assad", "O'Brien"); a final
  possessive ``'s`` is a token of its own ("Putin" "'s"), as is ``n't``;
- an abbreviation or initialism with stops: "U.S.", "a.m.", "Mr." (a known title or
  abbreviation keeps its stop);
- a number: digits with inner commas, stops or colons ("1,000", "4.5", "10:30");
- any other character that is not whitespace: one mark per token.
"""

from __future__ import annotations

import re
from functools import cache

from newsevents.parsing.article import words

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(
    r"""
    (?P<initialism>(?:[^\W\d_]\.){2,})                          # U.S. / a.m. / U.S.A.
  | (?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)                     # words, al-Assad, O'Brien
  | (?P<number>\d+(?:[.,:]\d+)*)                               # 1,000 / 4.5 / 10:30
  | (?P<mark>\S)                                               # one mark
    """,
    re.VERBOSE,
)
#: `_TOKEN` with the whitespace before each token as a group of its own: ``findall`` then gives
#: each token's kind and text as strings, and offsets follow from the lengths (no match objects).
_SPACED = re.compile(r"(\s*)(?:" + _TOKEN.pattern + ")", re.VERBOSE)
_POSSESSIVE = ("'s", "’s")


class Token:
    """
    One token of a sentence (a plain slotted value: tokens are made by the thousand).

    Args:
        text: The token as written.
        start: Offset of its first character in the article.
        end: Offset just past it.
        lower: The text in lower case (apostrophes normalised to ``'``).
        shape: ``"Xx"`` capitalised word, ``"X"`` all capitals (two letters or more),
            ``"x"`` lower case, ``"d"`` number, ``"."`` a mark, ``"X."`` initialism.
        index: Its position in the sentence's tokens.
    """

    __slots__ = ("end", "index", "lower", "shape", "start", "text")

    def __init__(  # noqa: PLR0917 (made in one place, by the tokenizer, thousands of times)
        self, text: str, start: int, end: int, lower: str, shape: str, index: int
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower
        self.shape = shape
        self.index = index

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        mine = (self.text, self.start, self.end, self.index)
        return mine == (other.text, other.start, other.end, other.index)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.index))

    @property
    def is_title(self) -> bool:
        """Whether the token starts with a capital letter."""
        return self.shape in ("Xx", "X", "X.")

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (letters), in any case."""
        return self.shape in ("Xx", "X", "x", "X.")


@cache
def _stop_words() -> frozenset[str]:
    """Abbreviations that keep their stop ("Mr.", "Gen.", "Jan."), lower case, without it."""
    return frozenset(word.lower() for word in words("abbreviations.txt"))


def _shape(text: str, kind: str) -> str:
    if kind == "number":
        return "d"
    if kind == "mark":
        return "."
    if kind == "initialism":
        return "X."
    if text.isupper() and len(text) > 1:
        return "X"
    return "Xx" if text[0].isupper() else "x"


def tokenize(text: str, start: int = 0, end: int | None = None, *, offset: int = 0) -> tuple[Token, ...]:
    """
    Split ``text[start:end]`` into tokens.

    Args:
        text: The text (usually the article's).
        start: Where to start.
        end: Where to stop (default: the end of the text).
        offset: Added to every token's offsets (when ``text`` is a slice of the article).

    Returns:
        The tokens, in order, with ``index`` numbering them from 0.
    """
    stop = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    stops = _stop_words()
    # One pass, each token made once with its index: this runs for every sentence a
    # recogniser reads (`_append` and `_shape` written out for the common cases). Between
    # two tokens there is only whitespace (any other character is a mark), so each token
    # starts where the whitespace before it ends.
    position = start
    for space, initialism, piece, number, mark in _SPACED.findall(text, start, stop):
        begin = position + len(space)
        if piece:  # a word
            finish = position = begin + len(piece)
            begin += offset
            if "'" in piece or "’" in piece:
                lowered = piece.lower().replace("’", "'")
                if lowered.endswith(_POSSESSIVE[0]) and len(piece) > 2:
                    _append(out, piece[:-2], begin, "word")
                    _append(out, piece[-2:], begin + len(piece) - 2, "word")
                    continue
                if lowered.endswith("n't") and len(piece) > 3:
                    _append(out, piece[:-3], begin, "word")
                    _append(out, piece[-3:], begin + len(piece) - 3, "word")
                    continue
            else:
                lowered = piece.lower()  # no apostrophe: lower-casing makes none
            # an abbreviation keeps its stop: "Mr." "Gen." "Jan."
            if finish < stop and text[finish] == "." and piece.lower() in stops:
                _append(out, piece + ".", begin, "word")
                continue
            shape = "X" if piece.isupper() and len(piece) > 1 else "Xx" if piece[0].isupper() else "x"
            append(Token(piece, begin, begin + len(piece), lowered, shape, len(out)))
        elif mark:
            position = begin + 1
            begin += offset
            # a stop consumed by an abbreviation must not also stand alone
            if mark == "." and out and out[-1].end > begin:
                continue
            append(Token(mark, begin, begin + 1, mark.lower().replace("’", "'"), ".", len(out)))
        elif number:
            position = begin + len(number)
            _append(out, number, begin + offset, "number")
        else:
            position = begin + len(initialism)
            _append(out, initialism, begin + offset, "initialism")
    return tuple(out)


def _append(out: list[Token], piece: str, begin: int, kind: str) -> None:
    out.append(
        Token(
            piece,
            begin,
            begin + len(piece),
            piece.lower().replace("’", "'"),
            _shape(piece, kind),
            len(out),
        )
    )
