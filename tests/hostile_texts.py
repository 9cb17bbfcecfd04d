"""
A catalogue of hostile texts for the parser, at any size.

Each entry builds a text of about ``size`` characters that stresses one thing a
pattern or a merge step could be quadratic in: runs of punctuation of every kind,
capitalised runs, title chains, organisation words, long lists and chains of
phrases, event-dense text, text without newlines, and newlines alone.

`tests/test_parse_limits.py` runs the catalogue at a small size and compares the events
with known results; `benchmarks/bench_hostile.py` runs it at 100 KB and 1 MB and reports
the cost per byte against realistic news text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

__all__ = ["CATALOGUE", "REALISTIC", "build", "names"]

#: Realistic news text written for the project (no corpus wording): the per-byte yardstick.
REALISTIC = (
    "date 2020-03-12\nMinisters speak as talks resume\n\n"
    "MOSCOW (Wire) - Russian President Vladimir Putin spoke by phone with French President "
    "Emmanuel Macron on Wednesday about the fighting in Syria, the Kremlin said.\n\n"
    "The two leaders agreed that their foreign ministers would meet next week, according to a "
    "statement released after the call, which Macron's office said lasted an hour.\n\n"
    "A court in Ankara sentenced a former army officer to 12 years in prison on Tuesday for "
    "his role in a failed coup, the state news agency reported. Prosecutors had asked for life.\n\n"
    "Separately, air strikes by government warplanes killed at least 14 people in the town of "
    "Saraqeb in Idlib province, a monitoring group said, adding that a market was hit.\n\n"
    "Rights groups urged Iran to release a British-Iranian aid worker held since 2016, and "
    "her husband asked the supreme leader to pardon her before the new year.\n\n"
    "Officials declined to say whether further calls were planned. Markets were little changed "
    "on the news, and the central bank left its main rate at 4.5 percent.\n"
)

_SYLLABLES = ("ka", "lo", "mi", "ra", "no", "te", "su", "vi", "da", "ren", "bor", "lin", "mar", "tos")


def names() -> Iterator[str]:
    """Distinct capitalised two-word names, endlessly (no cache can remember a repeat)."""
    for length in itertools.count(4):
        half = length // 2
        for parts in itertools.product(_SYLLABLES, repeat=length):
            first, last = "".join(parts[:half]), "".join(parts[half:])
            if first != last:
                yield f"{first.capitalize()} {last.capitalize()}"


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _stream(make: Callable[[Iterator[str]], str]) -> Callable[[int], str]:
    def build_text(size: int) -> str:
        parts: list[str] = []
        total = 0
        people = names()
        while total < size:
            part = make(people)
            parts.append(part)
            total += len(part)
        return "".join(parts)

    return build_text


def _no_newlines(size: int) -> str:
    body = REALISTIC.split("\n\n", 1)[1].replace("\n", " ")
    return _repeat(body)(size)


#: name -> builder(size) -> text
CATALOGUE: dict[str, Callable[[int], str]] = {
    # punctuation of every kind, alone and spaced
    "full stops": _repeat("."),
    "spaced full stops": _repeat(". "),
    "ellipses": _repeat("…"),
    "exclamations": _repeat("!"),
    "questions": _repeat("?"),
    "commas": _repeat(","),
    "semicolons and colons": _repeat(";:"),
    "hyphens": _repeat("-"),
    "dashes": _repeat("—–"),
    "apostrophes": _repeat("'"),
    "straight quotes": _repeat('"'),
    "curly quotes": _repeat("“”‘’"),
    "brackets": _repeat("(["),
    "closing brackets": _repeat(")]"),
    "slashes and stars": _repeat("/*"),
    "stops and quotes": _repeat('."'),
    "abbreviation stops": _repeat("U.S. "),
    "initials": _repeat("A. B. "),
    # capitalised runs, titles, organisations
    "capitalised words": _stream(lambda people: next(people) + " "),
    "one capitalised word": _repeat("Alpha "),
    "court words": _repeat("Supreme Court "),
    "title and demonym": _repeat("Russian President "),
    "title chain": _repeat("Prime Minister Foreign Minister Deputy Chief "),
    "honorifics": _repeat("Mr. "),
    "organisation words": _repeat("Ministry of the Interior of the Council of State "),
    "al- names": _repeat("al-"),
    # lists and chains of phrases
    "comma list of people": _stream(lambda people: next(people) + ", "),
    "and list of people": _stream(lambda people: next(people) + " and "),
    "for chain": _repeat("for the release of "),
    "of chain": _repeat("the son of the wife of "),
    "pardon chain": _repeat("asked to pardon "),
    "trigger words": _repeat("phone call pardon sentenced jailed air strike drone "),
    "numbers": _repeat("12, "),
    "date words": _repeat("on Monday last week in October "),
    # event-dense text: every sentence an event, every name new
    "calls": _stream(lambda people: f"{next(people)} spoke by phone with {next(people)} on Monday. "),
    "sentencings": _stream(lambda people: f"{next(people)} was sentenced to 5 years in prison. "),
    "requests": _stream(lambda people: f"{next(people)} asked the president to pardon {next(people)}. "),
    "strikes": _stream(lambda people: f"Air strikes killed 3 people in {next(people).split()[0]}, it said. "),
    "call paragraphs": _stream(lambda people: f"{next(people)} phoned {next(people)}.\n\n"),
    # layout
    "no newlines": _no_newlines,
    "only newlines": _repeat("\n"),
    "blank lines with spaces": _repeat(" \n \t\n"),
    "one long word": _repeat("a"),
    "beyond Latin": _repeat("قال الرئيس 总统 发言 "),
}


def build(name: str, size: int) -> str:
    """The catalogue entry ``name`` at about ``size`` characters."""
    return CATALOGUE[name](size)
