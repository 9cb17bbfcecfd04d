"""
Deterministic event ids, so that wire systems update an event rather than duplicate it.

The id of an event built without one is its type name, a hyphen and 16 hex
characters of SHA-256 over the canonical JSON (sorted keys, no spaces) of:

* the type name and the ``source``;
* the evidence span (``[start, end]``), or null;
* the type's own fields, as `newsevents.to_dict` writes them;
* when there is no evidence, also the ``date`` and ``location``, since nothing else
  tells two hand-built events apart.

The evidence ``text`` and ``rule`` are left out: the span already pins the text, and a
renamed rule must not change the id. Extract the same article twice and every event
keeps its id.
"""

from __future__ import annotations

import hashlib

from newsevents.model import BASE_FIELDS, Event

__all__ = ["derive_id"]


def derive_id(event: Event) -> str:
    """Return the content-derived id of ``event`` (its ``id`` field is ignored)."""
    from newsevents.json import _plan, canonical_json  # noqa: PLC0415 (the codec imports the model)

    cls = type(event)
    fields = _plan(cls).unstructure(event)
    content = {name: value for name, value in fields.items() if name not in BASE_FIELDS}
    evidence = event.evidence
    content["$type"] = cls.__name__
    content["$source"] = event.source
    content["$span"] = None if evidence is None else [evidence.start, evidence.end]
    if evidence is None:
        content["$date"] = fields["date"]
        content["$location"] = fields["location"]
    digest = hashlib.sha256(canonical_json(content)).hexdigest()[:16]
    return f"{cls.__name__[:47]}-{digest}"
