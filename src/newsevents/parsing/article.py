"""
An article as the recognisers see it: text, publication date, headline, paragraphs, sentences.

`Article` splits any string, in linear time, into paragraphs (blocks separated by blank
lines) and sentences, each a `Sentence` with exact character offsets into the original
text: ``article.text[s.start:s.end] == s.text``. It reads a leading ``date YYYY-MM-DD``
line (the dev corpus format; the seed article has it at the start of its first line)
as the publication date unless one is given, and sets a one-line first paragraph
without final punctuation apart as the headline.

The lexicon helpers `words` and `table` read the package's data files
(``newsevents/parsing/data/``), so lexical knowledge stays out of code.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, cached_property

import attrs

from newsevents import dates
from newsevents._package_data import read_text
from newsevents._text import first_illegal_char
from newsevents.model import Evidence, PartialDate

__all__ = [
    "Article",
    "Dateline",
    "Sentence",
    "TimeSpan",
    "evidence_for",
    "resolve_date",
    "table",
    "time_expressions",
    "words",
]


# --------------------------------------------------------------------------- lexicon files


def _lines(name: str) -> Iterator[str]:
    data = read_text(f"parsing/data/{name}")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n")


@cache
def words(name: str) -> frozenset[str]:
    """
    Return the entries of a one-word-per-line data file in ``newsevents/parsing/data/``.

    Blank lines and lines starting with ``#`` are skipped; entries are stripped, case kept.

    Args:
        name: The file name, e.g. ``"abbreviations.txt"``.
    """
    return frozenset(line.strip() for line in _lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """
    Return the rows of a tab-separated data file in ``newsevents/parsing/data/``.

    Blank lines and lines starting with ``#`` are skipped; cells are stripped.

    Args:
        name: The file name, e.g. ``"titles.tsv"``.
    """
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


# --------------------------------------------------------------------------- spans


@attrs.frozen
class Sentence:
    """
    One sentence of an article, with exact offsets into the article's text.

    Args:
        text: The sentence, exactly as in the article: ``article.text[start:end] == text``.
        start: Offset of its first character.
        end: Offset just past its last character.
        index: Its position among the article's sentences (0-based).
        paragraph: The index of its paragraph (the headline, when present, is paragraph 0).
        headline: Whether it is the headline.
    """

    text: str
    start: int
    end: int
    index: int
    paragraph: int
    headline: bool = False
    #: Whether every codec can carry the text (no control characters, no lone surrogates).
    carriable: bool = attrs.field(default=True, kw_only=True)


@attrs.frozen
class Dateline:
    """
    The dateline opening an article's first paragraph ("NEW YORK, March 2 -", "WASHINGTON").

    Args:
        text: The dateline as written, without the separator.
        place: The place it names, in title case ("New York").
        start: Offset of its first character.
        end: Offset just past it (and its separator).
    """

    text: str
    place: str
    start: int
    end: int


def evidence_for(sentence: Sentence, rule: str) -> Evidence:
    """
    Return the `Evidence` for a sentence, naming the rule that used it.

    Args:
        sentence: The sentence that states the event.
        rule: ``"<module>.<rule name>"``, e.g. ``"phonecall.spoke_by_phone"``.

    Raises:
        ValidationError: When the sentence holds text the model refuses (check
            `Sentence.carriable`; `Article.sentences` holds only carriable ones).
    """
    return Evidence(sentence.text, sentence.start, sentence.end, rule=rule)


def resolve_date(phrase: str | None, published: datetime.date | None) -> PartialDate | None:
    """
    Resolve a time expression against the publication date, through `newsevents.dates`.

    Returns None when the phrase is None or cannot be resolved.

    Args:
        phrase: The time expression ("on Thursday", "earlier this month").
        published: The publication date, or None.
    """
    if not phrase:
        return None
    try:
        found = dates.resolve(phrase, published)
    except Exception:  # noqa: BLE001 (a date we cannot read is no date, never a crash)
        return None
    return found if isinstance(found, PartialDate) else None


@attrs.frozen
class TimeSpan:
    """
    A time expression found in a sentence (see `time_expressions`).

    Args:
        text: The expression as written.
        start: Offset of its first character in the searched text.
        end: Offset just past it.
        date: The expression resolved against the publication date, or None.
    """

    text: str
    start: int
    end: int
    date: PartialDate | None


def time_expressions(text: str, published: datetime.date | None) -> list[TimeSpan]:
    """
    Find the time expressions in a text (one sentence), resolved, through `newsevents.dates`.

    Args:
        text: The text to search.
        published: The publication date, or None.
    """
    out: list[TimeSpan] = []
    try:
        for found in dates.find(text):
            resolved = found.resolve(published)
            out.append(
                TimeSpan(
                    found.text,
                    found.start,
                    found.end,
                    resolved if isinstance(resolved, PartialDate) else None,
                )
            )
    except Exception:  # noqa: BLE001 (a date we cannot read is no date, never a crash)
        return out
    return out


# --------------------------------------------------------------------------- splitting

_DATE_LINE = re.compile(r"[ \t\ufeff]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)[ \t]*\r?\n?")
# A sentence may end after . ! ? (and closing quotes or brackets) followed by whitespace.
# The match starts only at the first mark of a run and never gives back what it took,
# so a run of ten thousand marks is read once, not once per mark. The first mark comes
# before the look-behind (which then looks at it and the character before it): the
# expression opening with a character set lets the search skip to the next mark at C speed
# instead of trying the look-behind at every character (three times faster, same matches).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"'”’)\]]*+\s+")
#: The longest a sentence may be, in characters: a longer run without a boundary is cut at
#: the last whitespace before this length (or at it), so that no per-sentence step ever
#: works on more than this. Real news sentences are a few hundred characters.
MAX_SENTENCE = 2000
_OPENERS = frozenset("\"'“‘([")
_PLACE = r"([A-Z][A-Z'’-]+(?:[ /][A-Z][A-Z'’-]+){0,3})"
_DATELINE_DASH = re.compile(_PLACE + r"(?:,[^\n–—]{1,40}?)?(?: ?\([^()\n]{1,30}\))?(?: [-–—]+ |[–—] ?)")
_DATELINE_BARE = re.compile(_PLACE + r"(?:, [A-Z][a-z]{1,12}\.?)? (?=[A-Z])")
#: A US state written in initials after the city: "ASHEVILLE, N.C. Ann Lee said" (tried after the two above).
_DATELINE_INITIALS = re.compile(_PLACE + r", (?:[A-Z]\.){2,3} (?=[A-Z])")


def _paragraphs(text: str, offset: int) -> list[tuple[int, int]]:
    """Blocks of non-blank lines, as (start, end) offsets with surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = -1
    end = -1
    position = offset
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        line = text[position:line_end]
        if line and not line.isspace():  # not blank (as ``line.strip()``, without the copy)
            if start < 0:
                start = position + (len(line) - len(line.lstrip()))
            end = position + len(line.rstrip())
        elif start >= 0:
            spans.append((start, end))
            start = -1
        position = line_end + 1
    if start >= 0:
        spans.append((start, end))
    return spans


def _token_before(text: str, stop: int, floor: int) -> str:
    begin = stop
    while begin > floor and not text[begin - 1].isspace() and text[begin - 1] not in _OPENERS:
        begin -= 1
    return text[begin:stop]


def _is_acronym(token: str) -> bool:
    if "." not in token:
        return False  # most words: no need to split
    parts = [part for part in token.split(".") if part]
    return bool(parts) and all(part.isalpha() and len(part) <= 2 for part in parts)


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of the paragraph ``text[start:end]`` as (start, end) offsets."""
    begin = start
    abbreviations = words("abbreviations.txt")
    for found in _BOUNDARY.finditer(text, start, end):
        after = found.end()
        if after >= end:
            break
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        marks = found.group().rstrip()
        if marks == ".":
            token = _token_before(text, found.start(), begin)
            if len(token) == 1 and token.isupper():
                continue  # an initial: "David E. Coombs"
            if token in abbreviations:
                continue
            if _is_acronym(token):
                # "U.S." ends a sentence only before a typical sentence opener.
                word_end = after
                while word_end < end and word_end - after < 20 and text[word_end].isalpha():
                    word_end += 1
                if text[after:word_end] not in words("sentence_starters.txt"):
                    continue
        yield from _bounded(text, begin, found.start() + len(marks))
        begin = after
    if begin < end:
        yield from _bounded(text, begin, end)


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence span, cut into pieces of at most `MAX_SENTENCE` characters at whitespace."""
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        floor = start + MAX_SENTENCE // 2
        space = max(text.rfind(" ", floor, cut), text.rfind("\n", floor, cut))
        if space > start:
            cut = space
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


# --------------------------------------------------------------------------- the article


class Article:
    """
    An article split into headline, paragraphs and sentences with exact offsets.

    Construction never raises on a string: any text, empty or binary-looking, gives an
    article (perhaps with no sentences). The work is done lazily, on first access.

    Args:
        text: The article text, exactly as published.
        published: The publication date; when None, a leading ``date YYYY-MM-DD`` line gives it.
        source: An identifier of the article, copied into each event's ``source``.

    Attributes:
        text: The text as given.
        published: The publication date, given or read from the date line, or None.
        source: The identifier given, or None.
        body_start: Offset where the article proper starts (after the date line).
    """

    __slots__ = ("__dict__", "body_start", "published", "source", "text")

    def __init__(
        self, text: str, *, published: datetime.date | None = None, source: str | None = None
    ) -> None:
        self.text: str = text if type(text) is str else str(text)
        self.source: str | None = source
        self.body_start: int = 0
        found = _DATE_LINE.match(self.text)
        date_from_line: datetime.date | None = None
        if found is not None:
            self.body_start = found.end()
            try:
                date_from_line = datetime.date(*(int(part) for part in found.groups()))
            except ValueError:
                date_from_line = None
        self.published: datetime.date | None = published if published is not None else date_from_line
        self._date_line_alone = found is not None and found.group().endswith("\n")
        self._window = False

    @classmethod
    def window(
        cls, text: str, *, published: datetime.date | None = None, source: str | None = None
    ) -> Article:
        """
        A stretch of a longer text read on its own (`newsevents.parse` reads long texts in
        windows): no date line, headline or dateline is looked for in it.

        Args:
            text: The stretch of text; offsets are relative to its start.
            published: The publication date of the whole text.
            source: The identifier of the whole text.
        """
        article = cls(text, published=published, source=source)
        article.body_start = 0
        article.published = published
        article._date_line_alone = False
        article._window = True
        return article

    def __repr__(self) -> str:
        return f"Article({len(self.text)} characters, published={self.published}, source={self.source!r})"

    @cached_property
    def _blocks(self) -> list[tuple[int, int]]:
        return _paragraphs(self.text, self.body_start)

    @cached_property
    def headline(self) -> Sentence | None:
        """The headline: a one-line first block, followed by more text, not ending like a sentence."""
        blocks = self._blocks
        if len(blocks) < 2 or self._window:
            return None
        start, end = blocks[0]
        line = self.text[start:end]
        if "\n" in line:
            return None
        if not self._date_line_alone and line[-1:] in '.!?"”’':
            return None
        return Sentence(line, start, end, 0, 0, headline=True, carriable=first_illegal_char(line) is None)

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """The body's paragraphs (blocks separated by blank lines) as (start, end) offsets."""
        blocks = self._blocks
        return tuple(blocks[1:] if self.headline is not None else blocks)

    @cached_property
    def dateline(self) -> Dateline | None:
        """The dateline at the start of the first body paragraph, or None."""
        if not self.paragraphs or self._window:
            return None
        start, end = self.paragraphs[0]
        window = min(end, start + 80)
        found = (
            _DATELINE_DASH.match(self.text, start, window)
            or _DATELINE_BARE.match(self.text, start, window)
            or _DATELINE_INITIALS.match(self.text, start, window)
        )
        if found is None or found.end() >= end:
            return None
        place = found.group(1)
        if sum(c.isalpha() for c in place) < 3 or place.split()[0] in words("acronyms.txt"):
            return None
        return Dateline(self.text[start : found.end()].rstrip(" -–—"), place.title(), start, found.end())

    @cached_property
    def all_sentences(self) -> tuple[Sentence, ...]:
        """Every sentence, the headline first when there is one, carriable or not."""
        out: list[Sentence] = []
        if self.headline is not None:
            out.append(self.headline)
        first_number = 1 if self.headline is not None else 0
        dateline = self.dateline
        clean = first_illegal_char(self.text) is None  # then every sentence is carriable
        for number, (block_start, end) in enumerate(self.paragraphs, first_number):
            start = dateline.end if dateline is not None and block_start == dateline.start else block_start
            for s_start, s_end in _split(self.text, start, end):
                piece = self.text[s_start:s_end]
                out.append(
                    Sentence(
                        piece,
                        s_start,
                        s_end,
                        len(out),
                        number,
                        carriable=clean or first_illegal_char(piece) is None,
                    )
                )
        return tuple(out)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences every codec can carry (the ones recognisers may use as evidence)."""
        return tuple(s for s in self.all_sentences if s.carriable)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.all_sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """
        Return the sentence containing the character at ``offset``, or None.

        Args:
            offset: A character offset into `text`.
        """
        position = bisect_right(self._starts, offset) - 1
        if position < 0:
            return None
        sentence = self.all_sentences[position]
        return sentence if sentence.start <= offset < sentence.end else None

    @cached_property
    def lowered(self) -> str | None:
        """The text in lower case when lowering keeps every offset (else None)."""
        lowered = self.text.lower()
        return lowered if len(lowered) == len(self.text) else None

    def sentences_with(
        self, keywords: tuple[str, ...], *, confirm: re.Pattern[str] | None = None, headline: bool = False
    ) -> list[Sentence]:
        """
        Return the carriable sentences containing any of the lower-case ``keywords``: the cheap trigger pass.

        Each keyword is found with `str.find` over the lowered text (far faster than a
        regular expression), and ``confirm``, when given, must then match in the sentence.

        Args:
            keywords: Lower-case substrings ("phon", "call").
            confirm: A pattern that must also match in the sentence (word boundaries, say).
            headline: Whether the headline may be returned.
        """
        lowered = self.lowered
        if lowered is None:
            pattern = re.compile("|".join(re.escape(keyword) for keyword in keywords), re.IGNORECASE)
            found = self.sentences_matching(pattern, headline=headline)
            return [s for s in found if confirm is None or confirm.search(s.text) is not None]
        first_hit: dict[int, int] = {}  # sentence index -> offset of its first keyword
        starts = self._starts
        every = self.all_sentences
        for keyword in keywords:
            at = lowered.find(keyword, self.body_start)
            while at >= 0:
                # `sentence_at`, inlined: this loop runs for every keyword hit
                position = bisect_right(starts, at) - 1
                sentence = every[position] if position >= 0 else None
                if sentence is None or at >= sentence.end:
                    at = lowered.find(keyword, at + 1)
                    continue
                if at < first_hit.get(sentence.index, at + 1):
                    first_hit[sentence.index] = at
                at = lowered.find(keyword, sentence.end)
        out = []
        text = self.text
        for index in sorted(first_hit):
            sentence = self.all_sentences[index]
            if not sentence.carriable or (sentence.headline and not headline):
                continue
            if confirm is not None:
                # the confirming match is nearly always at the keyword: look there first
                near = max(sentence.start, first_hit[index] - 40)
                if confirm.search(text, near, sentence.end) is None and (
                    near == sentence.start or confirm.search(text, sentence.start, sentence.end) is None
                ):
                    continue
            out.append(sentence)
        return out

    def sentences_matching(self, pattern: re.Pattern[str], *, headline: bool = False) -> list[Sentence]:
        """
        Return the carriable sentences in which ``pattern`` matches, in order: the cheap trigger pass.

        One search per matching sentence: after a hit, the search resumes at the end of
        its sentence, so a sentence full of trigger words costs no more than one hit.

        Args:
            pattern: The trigger pattern (a compiled regular expression).
            headline: Whether the headline may be returned.
        """
        out: list[Sentence] = []
        position = self.body_start
        text = self.text
        while True:
            found = pattern.search(text, position)
            if found is None:
                return out
            sentence = self.sentence_at(found.start())
            if sentence is None:
                position = found.end() if found.end() > found.start() else found.start() + 1
                continue
            if sentence.carriable and (headline or not sentence.headline):
                out.append(sentence)
            position = sentence.end

    def resolve_date(self, phrase: str | None) -> PartialDate | None:
        """Resolve a time expression against this article's publication date (see `resolve_date`)."""
        return resolve_date(phrase, self.published)
