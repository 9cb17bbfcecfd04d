"""
Namespaces, QCode schemes and fixed vocabulary of the NewsML-G2 mapping.

Our schemes are declared in each item's inline ``catalog`` with stable URN URIs;
IPTC's (``cinat``, ``cpnat``, ``stat``, ``medtop``, ``iso3166-1a2``, ...) come from
IPTC catalog 41 through ``catalogRef``.
"""

from __future__ import annotations

from typing import Final

from newsevents.model import ActorKind

__all__ = [
    "ACTOR_KINDS",
    "EXT",
    "G2",
    "IPTC_CATALOG",
    "KIND_QCODES",
    "NS",
    "SCHEMES",
    "XML_NS",
]

#: The NewsML-G2 namespace.
G2: Final = "http://iptc.org/std/nar/2006-10-01/"
#: Our namespace, for what NewsML-G2 has no element for.
NS: Final = "urn:newsevents:newsml:1"
#: The W3C ``xml:`` namespace.
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
#: IPTC's catalog of G2 schemes, version 41.
IPTC_CATALOG: Final = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

#: Our QCode schemes: alias -> URI. A concept's URI is its scheme URI followed by its code.
SCHEMES: Final = {
    "nevt": "urn:newsevents:event:",
    "nevtype": "urn:newsevents:eventtype:",
    "nevtrole": "urn:newsevents:role:",
    "nevtrel": "urn:newsevents:relation:",
    "nevkind": "urn:newsevents:actorkind:",
}

#: An actor's kind as the participant's ``type`` QCode (IPTC concept natures where one fits).
KIND_QCODES: Final = {
    ActorKind.PERSON: "cpnat:person",
    ActorKind.ORGANIZATION: "cpnat:organisation",
    ActorKind.COUNTRY: "cpnat:geoArea",
    ActorKind.GROUP: "nevkind:group",
}
#: The inverse of `KIND_QCODES`.
ACTOR_KINDS: Final = {qcode: kind for kind, qcode in KIND_QCODES.items()}


def EXT(name: str) -> str:  # noqa: N802 (reads like the Clark-notation constant it builds)
    """The Clark name of ``name`` in our namespace: ``{urn:newsevents:newsml:1}name``."""
    return f"{{{NS}}}{name}"
