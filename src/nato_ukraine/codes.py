"""The crosswalk from an event's kind and roles to a CAMEO code and a PLOVER category.

Event data sets code interactions between actors: CAMEO (Schrodt et al., the codebook of
GDELT and ICEWS) with numeric codes (``"040"``: consult), PLOVER (openeventdata) with sixteen
categories (``CONSULT``). An :class:`~nato_ukraine.models.Event` carries both, so that it can
be joined to such data: each is derived from the event's kind, and from its participants' roles
where the kind is not enough, unless the data overrides it (a decision that suspends
cooperation is a sanction, which its kind does not say). ``docs/concepts/event-codes.md`` gives
the table with the reasons for each row, and what has no code::

    >>> from nato_ukraine.codes import codes_for
    >>> from nato_ukraine.kinds import EventKind
    >>> codes_for(EventKind.MEETING, ())
    ('040', <Plover.CONSULT: 'consult'>)
"""

from __future__ import annotations

from collections.abc import Iterable

from nato_ukraine.kinds import EventKind, ParticipantRole, Plover

__all__ = ["BY_KIND", "CAMEO_PATTERN", "codes_for", "delivered_aid"]

#: A CAMEO event code: two to four digits (``"19"``, ``"040"``, ``"0211"``).
CAMEO_PATTERN = r"[0-9]{2,4}"

#: The codes of each kind of event: a CAMEO code and a PLOVER category, None where the scheme
#: has none for it (a statement: PLOVER "eliminated" CAMEO's comments; a law, a referendum or an
#: election: no interaction between actors).
BY_KIND: dict[EventKind, tuple[str | None, Plover | None]] = {
    EventKind.MEETING: ("040", Plover.CONSULT),  # consult, not specified below
    EventKind.SUMMIT: ("040", Plover.CONSULT),
    EventKind.STATEMENT: ("010", None),  # make statement; PLOVER dropped CAMEO 01
    EventKind.SIGNING: ("057", Plover.SUPPORT),  # sign formal agreement
    EventKind.RATIFICATION: ("057", Plover.SUPPORT),  # 057: "ratify, sign, finalize an agreement"
    EventKind.ENTRY_INTO_FORCE: (None, None),  # a legal consequence, not an act
    EventKind.ESTABLISHMENT: ("050", Plover.SUPPORT),  # engage in diplomatic cooperation
    EventKind.LAUNCH: ("050", Plover.SUPPORT),
    EventKind.COMPLETION: (None, None),
    EventKind.DECISION: (None, None),  # coded by what is decided, in the data
    EventKind.ENDORSEMENT: ("051", Plover.SUPPORT),  # praise or endorse
    EventKind.ACCESSION: ("050", Plover.SUPPORT),
    EventKind.LEGISLATION: (None, None),  # a domestic law: no interaction between actors
    EventKind.VISIT: ("042", Plover.CONSULT),  # make a visit
    EventKind.MILITARY_ACTION: ("190", Plover.ASSAULT),  # use conventional military force
    EventKind.DEPLOYMENT: ("062", Plover.COOPERATE),  # cooperate militarily
    EventKind.REFERENDUM: (None, None),
    EventKind.ELECTION: (None, None),
    EventKind.APPLICATION: ("020", Plover.REQUEST),  # make an appeal or request
    EventKind.OTHER: (None, None),
}

#: The kinds of event that, when a body or person in them supplied or gave something, report
#: that aid: CAMEO 070 (provide aid), PLOVER AID. (A meeting or a strike that names a supplier
#: is about something else, and keeps its kind's codes.)
_AID_KINDS = frozenset({EventKind.OTHER, EventKind.COMPLETION, EventKind.DEPLOYMENT})
_GIVERS = frozenset({ParticipantRole.SUPPLIER, ParticipantRole.DONOR})


def delivered_aid(kind: EventKind, roles: Iterable[ParticipantRole]) -> bool:
    """Whether an event of ``kind`` whose participants have ``roles`` reports aid delivered."""
    return kind in _AID_KINDS and not _GIVERS.isdisjoint(roles)


def codes_for(kind: EventKind, roles: Iterable[ParticipantRole]) -> tuple[str | None, Plover | None]:
    """The CAMEO code and PLOVER category of an event of ``kind`` whose participants have ``roles``."""
    if delivered_aid(kind, roles):
        return "070", Plover.AID
    return BY_KIND[kind]
