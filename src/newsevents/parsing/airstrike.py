"""The Airstrike recogniser (work in progress)."""

from __future__ import annotations

from functools import cache

from newsevents.parsing.article import table

__all__ = ["place_country"]


@cache
def _places() -> dict[str, str]:
    return {row[0]: row[1] for row in table("place_countries.tsv") if len(row) >= 2}


def place_country(name: str) -> str | None:
    """
    Return the ISO code of the country a place lies in ("Aleppo" gives ``SY``), or None.

    Args:
        name: A place name as written (cities, provinces, regions, US states).
    """
    return _places().get(name.strip())
