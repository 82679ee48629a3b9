"""The relationship graph of a dataset: the kinds of link between records, and the links.

:meth:`~nato_ukraine.dataset.Dataset.edges`, :meth:`~nato_ukraine.dataset.Dataset.related`
and :meth:`~nato_ukraine.dataset.Dataset.path` answer with the classes of this module. Each link
is read "source RELATION target", by id: a body is PART_OF its parents, RUNS a programme; an
event INVOLVES the bodies and people that took part in it, each with its role (``chair``,
``host``, ``subject``, ...), and the programmes, agreements and operations it names, and has
its OUTCOMEs (``endorsed``, ``established``, ...); every record but a source CITES the sources
it quotes.

The edges are those the reference fields of the record classes declare, each with its relation
(:func:`nato_ukraine.models.reference`): a field's ids make edges from the record to each (or,
for a reversed relation, from each to the record); the ids in a nested record (a citation's
source, a participation's body) make edges of the record that holds it, with the role the
nested record gives, where its class declares one (``means(edge_role=True)``).

The module is imported on first use of the graph, not when a dataset loads.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Mapping

import attrs

from nato_ukraine._display import html_of_rows
from nato_ukraine._fields import Site, references, role_field
from nato_ukraine.models import Record, Relation

__all__ = ["Direction", "Edge", "Neighbour", "Neighbours", "Relation", "graph_of", "neighbours", "shortest_path"]


class Direction(str, enum.Enum):
    """Which way an edge runs from the record asked about."""

    OUTGOING = "outgoing"  #: the record is the edge's source
    INCOMING = "incoming"  #: the record is the edge's target

    def __str__(self) -> str:
        return self.value


def _role_order(role: str | None) -> str:
    return role or ""


@attrs.frozen(order=True)
class Edge:
    """A link between two records, read "source RELATION target" (by id), with the role the
    link declares, if any: an event INVOLVES a body as its ``host``, has a programme as an
    OUTCOME it ``endorsed``.

    Attributes:
        source: The id the link runs from.
        relation: The kind of link.
        target: The id the link runs to.
        role: The role of the target in the source (a participant's or an outcome's), or None.
    """

    source: str
    relation: Relation
    target: str
    role: str | None = attrs.field(default=None, order=_role_order)

    def __str__(self) -> str:
        role = "" if self.role is None else f" ({self.role})"
        return f"{self.source} {self.relation.value} {self.target}{role}"


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
    role: str | None = None


def edges_of(record: Record) -> set[Edge]:
    """The edges a record's references make (each once), with the role of the nested record
    that makes one, where it declares one."""
    found = set()
    for site in references(type(record)):
        relation = site.meaning.relation
        assert relation is not None  # (references() holds every reference to naming its relation)
        for ref, role in _refs_with_roles(record, site):
            if site.meaning.reverse:
                found.add(Edge(ref, relation, record.id, role))
            else:
                found.add(Edge(record.id, relation, ref, role))
    return found


def _refs_with_roles(record: Record, site: Site) -> list[tuple[str, str | None]]:
    """The ids at a site of a record, each with the role of the nested record that holds it (or None)."""
    role = role_field(site.path[-2].item) if len(site.path) > 1 else None
    if role is None:
        return [(ref, None) for ref in site.ids(record)]
    name = site.field.name
    held = Site(site.path[:-1]).ids(record)
    return [(getattr(item, name), getattr(item, role).value) for item in held if getattr(item, name) is not None]


def graph_of(records: Iterable[Record]) -> tuple[list[Edge], dict[str, list[Edge]]]:
    """Every edge, sorted, and the edges that touch each id."""
    edges = sorted({edge for record in records for edge in edges_of(record)})
    touching: dict[str, list[Edge]] = {}
    for edge in edges:
        touching.setdefault(edge.source, []).append(edge)
        if edge.target != edge.source:
            touching.setdefault(edge.target, []).append(edge)
    return edges, touching


class Neighbours(list[Neighbour]):
    """The records linked to one record (a list of :class:`Neighbour`), shown briefly in a REPL
    (a line each, the first ten) and as an HTML table in a notebook."""

    #: The most links the repr shows.
    SHOWN = 10

    def __init__(self, record_id: str, found: Iterable[Neighbour] = ()) -> None:
        super().__init__(found)
        #: The id of the record the links are of.
        self.record_id = record_id

    def __repr__(self) -> str:
        lines = [f"{n.relation.value}{_as(n.role)} {n.direction.value}: {n.record!r}" for n in self[: self.SHOWN]]
        more = [f"... and {len(self) - self.SHOWN} more"] if len(self) > self.SHOWN else []
        return "\n".join([f"<{len(self)} links of {self.record_id}>", *lines, *more])

    def _repr_html_(self) -> str:
        """The links as an HTML table: relation, direction, id and name of the record at the other end."""
        rows = [[n.relation, n.role or "", n.direction, n.record.id, n.record.name] for n in self[:50]]
        title = f"{len(self)} links of {self.record_id}"
        columns = ["relation", "role", "direction", "id", "name"]
        return html_of_rows(title, columns, rows, more=max(0, len(self) - 50))


def _as(role: str | None) -> str:
    return "" if role is None else f" ({role})"


def neighbours(
    record_id: str,
    touching: Iterable[Edge],
    by_id: Mapping[str, Record],
    relation: Relation | None = None,
    role: str | None = None,
) -> Neighbours:
    """The records at the other end of the edges that touch ``record_id``, ordered by relation,
    direction, id, then role; only those of ``relation`` and ``role`` if given."""
    found: list[Neighbour] = []
    for edge in touching:
        if (relation is not None and edge.relation is not relation) or (role is not None and edge.role != role):
            continue
        if edge.source == record_id:
            found.append(Neighbour(edge.relation, Direction.OUTGOING, by_id[edge.target], edge.role))
        if edge.target == record_id:
            found.append(Neighbour(edge.relation, Direction.INCOMING, by_id[edge.source], edge.role))
    found.sort(key=lambda n: (n.relation.value, n.direction.value, n.record.id, n.role or ""))
    return Neighbours(record_id, found)


def shortest_path(
    touching: Mapping[str, list[Edge]], start: str, end: str, *, through_sources: bool = False
) -> list[Edge] | None:
    """The shortest chain of edges from ``start`` to ``end``, each edge followed either way
    (breadth first); None when none links them. CITES edges only ``through_sources``."""
    came_from: dict[str, Edge | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == end:
            chain: list[Edge] = []
            while (edge := came_from[node]) is not None:
                chain.append(edge)
                node = edge.source if edge.target == node else edge.target
            return chain[::-1]
        for edge in touching.get(node, []):
            if edge.relation is Relation.CITES and not through_sources:
                continue
            other = edge.target if edge.source == node else edge.source
            if other not in came_from:
                came_from[other] = edge
                queue.append(other)
    return None
