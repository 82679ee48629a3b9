"""The relationship graph of a dataset: the kinds of link between records, and the links.

:meth:`~nato_ukraine.dataset.Dataset.edges`, :meth:`~nato_ukraine.dataset.Dataset.related`
and :meth:`~nato_ukraine.dataset.Dataset.path` answer with the classes of this module. Each link
is read "source RELATION target", by id: a body is PART_OF its parent, RUNS a programme; an
event INVOLVES the bodies, programmes, agreements, operations and people it names; every
record but a source CITES the sources it quotes.

The module is imported on first use of the graph, not when a dataset loads.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

import attrs

from nato_ukraine.models import Agreement, Body, Event, Person, Programme, Record, Source

__all__ = ["Direction", "Edge", "Neighbour", "Relation"]


class Relation(str, enum.Enum):
    """The kinds of link between records, each read "source RELATION target"."""

    PART_OF = "part_of"  #: a body or programme is part of another (its ``parent``)
    SUCCEEDS = "succeeds"  #: a body succeeds its predecessor
    RUNS = "runs"  #: a body runs or oversees a programme
    INVOLVES = "involves"  #: an event involves a body, programme, agreement, operation or person
    CHAIRS = "chairs"  #: a person chairs an event
    PARTY_TO = "party_to"  #: a body is party to an agreement
    HOLDS_ROLE_IN = "holds_role_in"  #: a person holds a role in a body
    CITES = "cites"  #: a record cites a source

    def __str__(self) -> str:
        return self.value


class Direction(str, enum.Enum):
    """Which way an edge runs from the record asked about."""

    OUTGOING = "outgoing"  #: the record is the edge's source
    INCOMING = "incoming"  #: the record is the edge's target

    def __str__(self) -> str:
        return self.value


@attrs.frozen(order=True)
class Edge:
    """A link between two records, read "source RELATION target" (by id)."""

    source: str
    relation: Relation
    target: str

    def __str__(self) -> str:
        return f"{self.source} {self.relation.value} {self.target}"


@attrs.frozen
class Neighbour:
    """A record linked to the one asked about, and how.

    Attributes:
        relation: The kind of link.
        direction: OUTGOING when the record asked about is the edge's source.
        record: The record at the other end.
    """

    relation: Relation
    direction: Direction
    record: Record


def _edges_of(record: Record) -> Iterator[Edge]:
    rid = record.id
    if isinstance(record, Body):
        if record.parent:
            yield Edge(rid, Relation.PART_OF, record.parent)
        if record.predecessor:
            yield Edge(rid, Relation.SUCCEEDS, record.predecessor)
        if record.successor:
            yield Edge(record.successor, Relation.SUCCEEDS, rid)
    elif isinstance(record, Programme):
        if record.parent:
            yield Edge(rid, Relation.PART_OF, record.parent)
        for body in record.bodies:
            yield Edge(body, Relation.RUNS, rid)
    elif isinstance(record, Event):
        for target in (*record.bodies, *record.programmes, *record.agreements, *record.operations, *record.people):
            yield Edge(rid, Relation.INVOLVES, target)
        if record.chair:
            yield Edge(record.chair, Relation.CHAIRS, rid)
    elif isinstance(record, Agreement):
        for party in record.parties:
            yield Edge(party, Relation.PARTY_TO, rid)
    elif isinstance(record, Person):
        for role in record.roles:
            if role.body:
                yield Edge(rid, Relation.HOLDS_ROLE_IN, role.body)
    if not isinstance(record, Source):
        for source in dict.fromkeys(c.source for c in record.citations):
            yield Edge(rid, Relation.CITES, source)


def _graph_of(records: Iterable[Record]) -> tuple[list[Edge], dict[str, list[Edge]]]:
    """Every edge, sorted, and the edges that touch each id."""
    edges = sorted({edge for record in records for edge in _edges_of(record)})
    touching: dict[str, list[Edge]] = {}
    for edge in edges:
        touching.setdefault(edge.source, []).append(edge)
        if edge.target != edge.source:
            touching.setdefault(edge.target, []).append(edge)
    return edges, touching
