"""
English news text to typed events.

API summary:

- ``parse(text, *, published=None, source=None) -> list[Event]`` runs every registered
  recogniser over an `Article` built from the text and returns their events, merged
  (one event per real-world occurrence) and in text order. It never raises on text.
- A recogniser is a callable ``(article: Article) -> Iterable[Event]``. Register it
  for an event type with ``@register_recogniser(EventType)`` (or a type name);
  `recognisers()` returns the registered ones by type name, and `parse` runs them all.
- Each event's ``evidence`` is ``Evidence(text=sentence.text, start, end,
  rule="<module>.<rule name>")`` with ``text[start:end] == evidence.text``; build it
  with `newsevents.parsing.article.evidence_for`.
- `newsevents.parsing.article`: `Article` (``.text``, ``.published``, ``.source``,
  ``.headline``, ``.paragraphs``, ``.sentences`` of `Sentence` with ``.text``,
  ``.start``, ``.end``, ``.index``, ``.paragraph``, ``.headline``, ``.carriable``;
  ``.dateline``; ``.sentence_at(offset)``; ``.sentences_with(keywords, confirm=pattern)``,
  the cheap trigger pass; ``.resolve_date(phrase)``), `words` / `table` for data files,
  `evidence_for(sentence, rule)`, `time_expressions(text, published)`.
- `newsevents.parsing.actors`: ``Cast.for_article(article)`` with ``.mentions(sentence)``,
  ``.resolve(phrase, at=offset)``, ``.person(name)``, ``.by_role(noun, country)``,
  ``.people_before(offset, pronoun=...)``, ``.last_person(before)``, ``.salient_people()``,
  ``.gender_of(actor)`` (only as the text shows it), ``.sentences_before(offset, count=n)``;
  ``country_code(word)``, ``country_of(phrase)`` and ``is_demonym(word)``.
- `newsevents.parsing.clauses`: what recognisers share: ``clause_start``/``clause_end``,
  ``cues`` (modal, negation, refusal, report), ``attached_date``, ``reporting_day``,
  ``dates_another_event`` ("since his arrest in 2012"), ``recency_date``, ``actor_mentions``,
  ``subject_of``, ``people_referred``.

The recognisers shipped with the package live in `newsevents.parsing.phonecall`,
`newsevents.parsing.pardon`, `newsevents.parsing.sentencing` and
`newsevents.parsing.airstrike`; they are imported (and so registered) on first use.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

import attrs

from newsevents import registry
from newsevents.errors import LimitError, NewsEventsError, RegistrationError
from newsevents.model import Event
from newsevents.parsing.article import Article

if TYPE_CHECKING:
    import logging

__all__ = [
    "CONTEXT",
    "WINDOW",
    "Article",
    "ParseReport",
    "Recogniser",
    "RecogniserFailure",
    "parse",
    "parse_report",
    "recognisers",
    "register_recogniser",
    "unregister_recogniser",
]

#: A recogniser reads an article and yields the events of one type it finds.
Recogniser = Callable[[Article], Iterable[Event]]
R = TypeVar("R", bound=Recogniser)

_recognisers: dict[str, list[Recogniser]] = {}
_view: Mapping[str, list[Recogniser]] = MappingProxyType(_recognisers)
_loaded = False
_loading = False

#: The shipped recognisers: each module, with the pattern folder whose trigger words
#: (``data/<folder>/triggers.txt``) pick the only sentences it reads. A text holding none of
#: them gives that recogniser nothing to do, so `parse` imports a module only for a text
#: that holds one (`recognisers` imports them all). The optional ones may not exist yet.
_SHIPPED = (
    ("newsevents.parsing.phonecall", "phonecall"),
    ("newsevents.parsing.pardon", "pardon"),
    ("newsevents.parsing.sentencing", "sentencing"),
    ("newsevents.parsing.airstrike", "airstrike"),
)
_OPTIONAL = ("newsevents.parsing.sentencing", "newsevents.parsing.airstrike")
#: The shipped modules imported so far (or found missing).
_imported: set[str] = set()


def _type_name(event_type: type[Event] | str) -> str:
    if isinstance(event_type, str):
        if event_type not in registry.types():
            raise RegistrationError(f"no event type named {event_type!r} is registered")
        return event_type
    name = registry.name_of(event_type)
    if name is None:
        raise RegistrationError(f"{event_type!r} is not a registered event type; register it first")
    return name


def register_recogniser(event_type: type[Event] | str) -> Callable[[R], R]:
    """
    Register a recogniser for an event type; use as a decorator.

    Registering the same function twice is harmless.

    Args:
        event_type: The registered event type (class or name) the recogniser finds.

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        RegistrationError: When the type is not registered or the recogniser is not callable.
    """
    name = _type_name(event_type)

    def decorate(function: R) -> R:
        if not callable(function):
            raise RegistrationError(f"recogniser for {name} must be callable, got {function!r}")
        with registry.lock:
            found = _recognisers.setdefault(name, [])
            if function not in found:
                found.append(function)
        return function

    return decorate


def unregister_recogniser(function: Recogniser) -> None:
    """
    Remove a recogniser wherever it is registered (for tests and interactive sessions).

    Args:
        function: The recogniser.
    """
    with registry.lock:
        for name, found in list(_recognisers.items()):
            if function in found:
                found.remove(function)
            if not found:
                del _recognisers[name]


def _load_builtin() -> None:
    """
    Import the installed plugins, once per process.

    Threads that call `parse` for the first time at once all wait for the whole load (the
    registry's re-entrant lock is held throughout), and the loaded flag is set only after
    the imports, so no thread ever runs with half the plugins registered.
    """
    global _loaded, _loading  # noqa: PLW0603 (imported once per process)
    if _loaded:
        return
    with registry.lock:
        if _loaded or _loading:  # done while we waited, or re-entered from a plugin's import
            return
        _loading = True
        try:
            # Installed plugins register their types and recognisers on import, in every process.
            registry.load_plugins()
            _loaded = True
        finally:
            _loading = False


def _import_shipped(modules: Iterable[str]) -> None:
    """Import shipped recogniser modules (each registers its recognisers), each once per process."""
    for module in modules:
        if module in _imported:
            continue
        with registry.lock:  # a thread that finds the module missing waits for the one importing it
            if module in _imported:
                continue
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as error:
                if module not in _OPTIONAL or error.name not in _OPTIONAL:
                    _log().exception("cannot import the recognisers in %s", module)
            except Exception:  # noqa: BLE001 (parse must keep working with the other recognisers)
                _log().exception("cannot import the recognisers in %s", module)
            _imported.add(module)


def _import_needed(articles: Iterable[Article]) -> None:
    """Import the shipped recognisers these articles give something to read (a trigger word)."""
    pending = [(module, folder) for module, folder in _SHIPPED if module not in _imported]
    if not pending:
        return
    from newsevents.parsing.patterns import word_list  # noqa: PLC0415 (the parser's own layer)

    texts = list(articles)
    for module, folder in pending:
        triggers = tuple(sorted(word_list(__name__, folder, "triggers")))
        if any(article.sentences_with(triggers) for article in texts):
            _import_shipped([module])


def recognisers() -> Mapping[str, list[Recogniser]]:
    """
    Return the registered recognisers by event type name (a read-only mapping).
    """
    _load_builtin()
    _import_shipped(module for module, _ in _SHIPPED)
    return _view


#: Texts longer than this many characters are read in windows of about this size, cut
#: between paragraphs (or sentences, in a paragraph longer than a window): every step of
#: a recogniser then works on a bounded stretch of text, so a document costs time in
#: proportion to its length. News articles are far shorter (99.9 % of the pool's under
#: 30,000 characters) and are read whole.
WINDOW = 24_000
#: How much of the text before a window it also reads (whole sentences, up to this many
#: characters), so that a pronoun or a title early in a window finds its antecedent.
#: Events whose evidence starts there belong to the window before and are dropped.
CONTEXT = 3_000


@attrs.frozen
class RecogniserFailure:
    """
    A recogniser that raised while reading part of a text: what was lost, and why.

    Args:
        type: The event type the recogniser finds.
        recogniser: The recogniser's qualified name (``module.function``).
        start: Offset of the first character whose events were lost.
        end: Offset just past the last one.
        error: The exception, as ``Type: message`` (cut to 200 characters).
        where: The function that raised (``module.function``), from the traceback.
    """

    type: str
    recogniser: str
    start: int
    end: int
    error: str
    where: str


@attrs.frozen
class ParseReport:
    """
    What `parse_report` found: the events, and the recognisers that failed on parts of the text.

    Args:
        events: The events, as `parse` returns them.
        failures: One entry per failing recogniser and stretch of text, in text order.
    """

    events: list[Event]
    failures: list[RecogniserFailure]


def _sort_key(event: Event) -> tuple[int, str]:
    start = event.evidence.start if event.evidence is not None else -1
    return (start, type(event).__name__)


def _finish(event: Event, shift: int, source: str | None = None) -> Event:
    """
    An event as `parse` returns it: its evidence moved by ``shift`` from a part's offsets to
    the text's, and ``source`` set when its recogniser left it empty. Either change
    re-derives the id.
    """
    evidence = event.evidence
    moved = bool(shift) and evidence is not None
    sourced = source is not None and event.source is None
    if not moved and not sourced:
        return event
    if moved and evidence is not None:
        evidence = attrs.evolve(evidence, start=evidence.start + shift, end=evidence.end + shift)
    return attrs.evolve(event, source=source if sourced else event.source, evidence=evidence, id="")


def _name(function: object) -> str:
    module = getattr(function, "__module__", None) or "?"
    return f"{module}.{getattr(function, '__qualname__', None) or type(function).__name__}"


def _log() -> logging.Logger:
    """The parser's logger (logging costs milliseconds to import: only a failing process pays)."""
    import logging  # noqa: PLC0415

    return logging.getLogger(__name__)


def _failure(name: str, recogniser: object, start: int, end: int, error: BaseException) -> RecogniserFailure:
    import traceback  # noqa: PLC0415 (only a failing recogniser pays for the import)

    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    where = f"{Path(last.filename).stem}.{last.name}" if last is not None else "?"
    message = f"{type(error).__name__}: {error}"
    failure = RecogniserFailure(name, _name(recogniser), start, end, message[:200], where)
    _log().warning(
        "recogniser %s for %s failed on characters %d-%d (%s, in %s); the events of that stretch are lost",
        failure.recogniser, name, start, end, failure.error, where,
    )  # fmt: skip
    return failure


def _shipped(recogniser: object) -> bool:
    """Whether a recogniser is one of the package's own (they are re-run in parts after a failure)."""
    return (getattr(recogniser, "__module__", None) or "").startswith("newsevents.parsing.")


def _run(
    name: str, recogniser: Recogniser, article: Article, shift: int, failures: list[RecogniserFailure]
) -> list[Event]:
    """
    The events one recogniser finds in one article (or window).

    A recogniser that raises keeps the events it yielded before. A shipped recogniser is
    then run again on each paragraph alone, and on each sentence alone of a paragraph that
    fails again, so a sentence it cannot read costs that sentence's events and no more.
    """
    found: list[Event] = []
    try:
        for event in recogniser(article):
            found.append(event)
    except Exception as error:  # noqa: BLE001 (one failing recogniser must not lose the others)
        if not _shipped(recogniser):
            failures.append(_failure(name, recogniser, shift, shift + len(article.text), error))
            return found
        return _run_in_parts(name, recogniser, article, shift, failures)
    return found


def _run_in_parts(
    name: str, recogniser: Recogniser, article: Article, shift: int, failures: list[RecogniserFailure]
) -> list[Event]:
    found: list[Event] = []
    for paragraph_start, paragraph_end in article.paragraphs:
        try:
            found.extend(
                _finish(e, paragraph_start)
                for e in recogniser(_part(article, paragraph_start, paragraph_end))
            )
            continue
        except Exception:  # noqa: BLE001 (narrowed to its sentences below)
            pass
        for sentence in article.all_sentences:
            if not paragraph_start <= sentence.start < paragraph_end:
                continue
            try:
                found.extend(
                    _finish(e, sentence.start)
                    for e in recogniser(_part(article, sentence.start, sentence.end))
                )
            except Exception as error:  # noqa: BLE001 (this sentence is lost, and reported)
                failures.append(
                    _failure(name, recogniser, shift + sentence.start, shift + sentence.end, error)
                )
    return found


def _part(article: Article, start: int, end: int) -> Article:
    """A stretch of an article read on its own, keeping its publication date and source."""
    return Article.window(article.text[start:end], published=article.published, source=article.source)


def _windows(article: Article) -> list[tuple[int, int, int]]:
    """
    (context start, start, end) of each window of a long text: whole sentences, cut between
    paragraphs where one ends within the window, the context reaching back up to `CONTEXT`.
    """
    sentences = article.all_sentences
    if not sentences:
        return [(0, 0, len(article.text))]
    cuts: list[int] = [0]  # indexes of the sentences that open a window
    opened = sentences[0].start
    for index in range(1, len(sentences)):
        sentence = sentences[index]
        size = sentence.end - opened
        new_paragraph = sentence.paragraph != sentences[index - 1].paragraph
        if size > WINDOW and (new_paragraph or size > 2 * WINDOW):
            cuts.append(index)
            opened = sentence.start
    windows: list[tuple[int, int, int]] = []
    for number, first in enumerate(cuts):
        start = 0 if number == 0 else sentences[first].start
        end = len(article.text) if number + 1 == len(cuts) else sentences[cuts[number + 1]].start
        back = first
        while back > 0 and start - sentences[back - 1].start <= CONTEXT:
            back -= 1
        context = start if number == 0 else sentences[back].start
        windows.append((context, start, end))
    return windows


def parse_report(
    text: str,
    *,
    published: datetime.date | None = None,
    source: str | None = None,
    max_chars: int | None = None,
) -> ParseReport:
    """
    Find the events an article reports, and say which recognisers failed where.

    `parse` returns ``parse_report(...).events``; use this function when a failure must
    be counted or shown (the command line's summary does). Each failure is also logged
    as a warning on the ``newsevents.parsing`` logger.

    Args:
        text: The article text.
        published: The publication date (see `parse`).
        source: An identifier of the article (see `parse`).
        max_chars: Refuse texts longer than this many characters (None: no limit).

    Returns:
        The events and the failures.

    Raises:
        NewsEventsError: When an argument has the wrong type.
        LimitError: When ``text`` is longer than ``max_chars``.
    """
    if not isinstance(text, str):
        raise NewsEventsError(f"parse() needs the article text as a str, got {type(text).__name__}")
    if published is not None and not isinstance(published, datetime.date):
        raise NewsEventsError(f"published must be a datetime.date or None, got {type(published).__name__}")
    if isinstance(published, datetime.datetime):
        published = published.date()
    if source is not None and not isinstance(source, str):
        raise NewsEventsError(f"source must be a str or None, got {type(source).__name__}")
    if max_chars is not None:
        if type(max_chars) is not int or max_chars < 0:
            raise NewsEventsError(f"max_chars must be a non-negative int or None, got {max_chars!r}")
        if len(text) > max_chars:
            raise LimitError(f"the text has {len(text):,} characters, more than max_chars={max_chars:,}")
    article = Article(text, published=published, source=source)
    if len(text) <= WINDOW + CONTEXT:
        pieces = [(article, 0, 0)]
    else:
        # the first window is the article's opening (date line, headline, dateline); the others
        # are stretches of its body
        pieces = [
            (
                Article(text[:end], published=article.published, source=source)
                if start == 0
                else Article.window(text[context:end], published=article.published, source=source),
                context,
                start,
            )
            for context, start, end in _windows(article)
        ]
    events: list[Event] = []
    failures: list[RecogniserFailure] = []
    # in the registry's order of types, not the order their modules happened to be imported:
    # recognisers share an article's cast, which reads the text as they ask
    order = {name: rank for rank, name in enumerate(registry.types())}
    _load_builtin()
    _import_needed(piece for piece, _, _ in pieces)
    for name, registered in sorted(_view.items(), key=lambda item: order.get(item[0], len(order))):
        for recogniser in list(registered):
            for piece, shift, own in pieces:
                for event in _run(name, recogniser, piece, shift, failures):
                    finished = _finish(event, shift, source)
                    if finished.evidence is None or finished.evidence.start >= own:
                        events.append(finished)
    events.sort(key=_sort_key)
    failures.sort(key=lambda failure: (failure.start, failure.type))
    return ParseReport(events, failures)


def parse(
    text: str,
    *,
    published: datetime.date | None = None,
    source: str | None = None,
    max_chars: int | None = None,
) -> list[Event]:
    """
    Find the events an English news article reports.

    Every registered recogniser runs over the article. A recogniser that fails is logged
    (a warning naming it, the stretch of text and the error) and costs only what it could
    not read: a shipped recogniser loses the sentence it failed on, a user's recogniser
    keeps the events it yielded before failing. So any string gives a list, perhaps
    empty. Events are ordered by the position of their evidence. Texts longer than
    `WINDOW` characters are read in windows, so time grows in proportion to length.

    Args:
        text: The article text. A leading ``date YYYY-MM-DD`` line gives the
            publication date when ``published`` is None.
        published: The publication date, against which relative dates resolve.
        source: An identifier of the article, copied into each event's ``source``.
        max_chars: Refuse texts longer than this many characters; None (the default)
            sets no limit. Services that parse untrusted text should set one.

    Returns:
        The events, one per real-world occurrence.

    Raises:
        NewsEventsError: When ``text`` is not a string or ``published`` not a date.
        LimitError: When ``text`` is longer than ``max_chars``.
    """
    return parse_report(text, published=published, source=source, max_chars=max_chars).events
