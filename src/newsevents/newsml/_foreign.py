"""`ForeignEvent`, defined with the model (`newsevents._foreign`) so JSON knows it without lxml."""

from __future__ import annotations

from newsevents._foreign import ForeignEvent

__all__ = ["ForeignEvent"]
