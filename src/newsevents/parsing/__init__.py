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
import logging
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs

from newsevents import registry
from newsevents.errors import NewsEventsError, RegistrationError
from newsevents.model import Event
from newsevents.parsing.article import Article

__all__ = ["Article", "Recogniser", "parse", "recognisers", "register_recogniser", "unregister_recogniser"]

#: A recogniser reads an article and yields the events of one type it finds.
Recogniser = Callable[[Article], Iterable[Event]]
R = TypeVar("R", bound=Recogniser)

_log = logging.getLogger(__name__)
_recognisers: dict[str, list[Recogniser]] = {}
_view: Mapping[str, list[Recogniser]] = MappingProxyType(_recognisers)
_loaded = False
_loading = False

#: The modules of the shipped recognisers; the optional ones may not exist yet.
_BUILTIN = ("newsevents.parsing.phonecall", "newsevents.parsing.pardon")
_OPTIONAL = ("newsevents.parsing.sentencing", "newsevents.parsing.airstrike")


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
    Import the installed plugins and the shipped recognisers, once per process.

    Threads that call `parse` for the first time at once all wait for the whole load (the
    registry's re-entrant lock is held throughout), and the loaded flag is set only after
    the imports, so no thread ever runs with half the recognisers registered.
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
            for module in _BUILTIN:
                importlib.import_module(module)
            for module in _OPTIONAL:
                try:
                    importlib.import_module(module)
                except ModuleNotFoundError as error:
                    if error.name not in _OPTIONAL:
                        _log.exception("cannot import the recognisers in %s", module)
                except Exception:  # noqa: BLE001 (parse must keep working with the other recognisers)
                    _log.exception("cannot import the recognisers in %s", module)
            _loaded = True
        finally:
            _loading = False


def recognisers() -> Mapping[str, list[Recogniser]]:
    """
    Return the registered recognisers by event type name (a read-only mapping).
    """
    _load_builtin()
    return _view


def _sort_key(event: Event) -> tuple[int, str]:
    start = event.evidence.start if event.evidence is not None else -1
    return (start, type(event).__name__)


def _with_source(event: Event, source: str | None) -> Event:
    """The event with ``source`` set when its recogniser left it empty (its id then follows)."""
    if source is None or event.source is not None:
        return event
    return attrs.evolve(event, source=source, id="")


def parse(text: str, *, published: datetime.date | None = None, source: str | None = None) -> list[Event]:
    """
    Find the events an English news article reports.

    Every registered recogniser runs over the article; a recogniser that fails is
    logged and skipped, so any string gives a list (perhaps empty). Events are
    ordered by the position of their evidence.

    Args:
        text: The article text. A leading ``date YYYY-MM-DD`` line gives the
            publication date when ``published`` is None.
        published: The publication date, against which relative dates resolve.
        source: An identifier of the article, copied into each event's ``source``.

    Returns:
        The events, one per real-world occurrence.

    Raises:
        NewsEventsError: When ``text`` is not a string or ``published`` not a date.
    """
    if not isinstance(text, str):
        raise NewsEventsError(f"parse() needs the article text as a str, got {type(text).__name__}")
    if published is not None and not isinstance(published, datetime.date):
        raise NewsEventsError(f"published must be a datetime.date or None, got {type(published).__name__}")
    if isinstance(published, datetime.datetime):
        published = published.date()
    if source is not None and not isinstance(source, str):
        raise NewsEventsError(f"source must be a str or None, got {type(source).__name__}")
    article = Article(text, published=published, source=source)
    events: list[Event] = []
    for name, registered in list(recognisers().items()):
        for recogniser in list(registered):
            try:
                produced = list(recogniser(article))
            except Exception:  # noqa: BLE001 (one failing recogniser must not lose the others)
                _log.exception("recogniser %r for %s failed", recogniser, name)
                continue
            for event in produced:
                events.append(_with_source(event, source))
    events.sort(key=_sort_key)
    return events
