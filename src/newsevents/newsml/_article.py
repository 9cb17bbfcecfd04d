"""
`Article`: the news article events come from, for the NewsML-G2 article form.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

import attrs

from newsevents.errors import ValidationError
from newsevents.model import check_text

__all__ = ["Article"]

_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_text(value, attribute.name)


def _published(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, datetime.date):
        raise ValidationError(
            f"expected a datetime.date or None, got {type(value).__name__}", path=f"$.{attribute.name}"
        )


def _id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not str or _ID.fullmatch(value) is None):
        raise ValidationError(f"id {value!r} does not match {_ID.pattern}", path=f"$.{attribute.name}")


@attrs.frozen(kw_only=True)
class Article:
    """
    A news article, written by `newsevents.to_newsml` as a ``newsItem`` alongside its events.

    Args:
        text: The article text, exactly as published.
        headline: Its headline, when known.
        dateline: Its dateline ("JERUSALEM"), when known.
        published: Its publication date (a `datetime.date` or an aware `datetime.datetime`).
        id: A QCode-safe identifier (``[A-Za-z0-9._-]{1,64}``); by default derived from the text,
            so the same article gets the same ``guid``.

    Raises:
        ValidationError: For text XML cannot carry, a bad id, or a ``published`` that is not a date.
    """

    text: str = attrs.field()
    headline: str | None = attrs.field(default=None, validator=_optional_text)
    dateline: str | None = attrs.field(default=None, validator=_optional_text)
    published: datetime.date | None = attrs.field(default=None, validator=_published)
    id: str | None = attrs.field(default=None, validator=_id)

    def __attrs_post_init__(self) -> None:
        check_text(self.text, "text")

    @property
    def guid(self) -> str:
        """The article's NewsML-G2 ``guid``: ``urn:newsevents:article:<id>``."""
        ident = self.id
        if ident is None:
            ident = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return f"urn:newsevents:article:{ident}"
