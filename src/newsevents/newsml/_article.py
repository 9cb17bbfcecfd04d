"""
The article written alongside the events: from a string, `newsevents.parsing.Article`,
or any object with a ``text`` attribute.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any, Protocol

import attrs

from newsevents.errors import EncodeError, NewsEventsError
from newsevents.model import check_text

__all__ = ["ArticleLike", "ArticleMeta", "article_meta"]

_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class ArticleLike(Protocol):
    """
    What `newsevents.to_newsml` reads of an article: its ``text``, and when present its
    ``headline`` and ``dateline`` (strings, or objects with a ``text``), ``published``
    (a `datetime.date`) and ``source`` (an identifier). `newsevents.parsing.Article` is one.
    """

    @property
    def text(self) -> str:
        """The article text, exactly as published."""


@attrs.frozen
class ArticleMeta:
    """What the ``newsItem`` of an article holds."""

    text: str
    headline: str | None
    dateline: str | None
    published: datetime.date | None
    guid: str


def _text_of(value: Any, name: str) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else getattr(value, "text", None)
    if not isinstance(text, str):
        raise EncodeError(f"article {name} must be a string or have a text, got {type(value).__name__}")
    return text


def article_meta(article: str | ArticleLike) -> ArticleMeta:
    """
    Read what the ``newsItem`` needs from ``article``.

    The ``guid`` is ``urn:newsevents:article:<source>`` when the article's ``source`` is
    QCode-safe, else ``urn:newsevents:article:`` and 16 hex digits of the text's SHA-256,
    so the same article always gets the same guid.

    Raises:
        EncodeError: When there is no text, or a text XML cannot carry.
    """
    if isinstance(article, str):
        text: Any = article
        headline = dateline = published = source = None
    else:
        text = getattr(article, "text", None)
        headline = _text_of(getattr(article, "headline", None), "headline")
        dateline = _text_of(getattr(article, "dateline", None), "dateline")
        published = getattr(article, "published", None)
        source = getattr(article, "source", None)
    if not isinstance(text, str):
        raise EncodeError(f"article must be a string or have a text, got {type(article).__name__}")
    if published is not None and not isinstance(published, datetime.date):
        raise EncodeError(f"article published must be a datetime.date, got {type(published).__name__}")
    if published is not None:
        # A plain date: a subclass's own isoformat could write anything.
        published = datetime.date(published.year, published.month, published.day)
    for name, value in (("text", text), ("headline", headline), ("dateline", dateline)):
        if value is not None:
            try:
                check_text(value, name)
            except NewsEventsError as error:
                raise EncodeError(f"article {error.message}", path=error.path) from None
    if isinstance(source, str) and _ID.fullmatch(source):
        ident = source
    else:
        ident = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return ArticleMeta(text, headline, dateline, published, f"urn:newsevents:article:{ident}")
