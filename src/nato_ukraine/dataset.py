"""The dataset and its collections, with the queries over them.

A :class:`Dataset` holds one :class:`Collection` per record type (``sources``, ``bodies``,
``programmes``, ``events``, ``agreements``, ``operations``, ``people``) and answers questions
that cross them: any record by id, a name that may mean different records at different times,
text search, the timeline and the relationship graph.

Every record has a *date* and a *span*, which the date queries use. Both come from the roles
its class's date fields declare (:class:`~nato_ukraine.models.When`):

=============  ==========================  ====================================
record         date (``between``, ``on``)  span (``active_on``, ``lookup(on=)``)
=============  ==========================  ====================================
Event          ``date`` to ``end``         the same
Body           ``established``             ``established`` to ``dissolved``
Programme      ``period.start``            ``period``
Agreement      ``signed`` (or ratified,    from that date on
               or in force)
Operation      ``period.start``            ``period``
Source         ``published``               none
Person         none                        none
=============  ==========================  ====================================

A record without a date is left out of ``between`` and ``on``; one without a span, of
``active_on``.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from nato_ukraine._fields import record_date, record_span
from nato_ukraine._gc import paused
from nato_ukraine._indexes import (
    Names,
    OfKind,
    Suggestions,
    days_between,
    name_index,
    written,
)
from nato_ukraine._queries import Scope, role_names
from nato_ukraine._search import fold
from nato_ukraine.collection import Collection, holds, id_of, search_in
from nato_ukraine.dates import Certainty, DateLike, PartialDate, as_partial_date
from nato_ukraine.exceptions import AmbiguousNameError, UnknownIdError, UnknownNameError
from nato_ukraine.models import COLLECTIONS, Agreement, Body, Event, Operation, Person, Programme, Record, Source

if TYPE_CHECKING:
    from nato_ukraine.graph import Edge, Neighbours
    from nato_ukraine.models import Coverage, Manifest, Relation
    from nato_ukraine.tables import Table
    from nato_ukraine.timeline import TimelineEntry

__all__ = ["Collection", "Dataset", "record_date", "record_span"]


# ---------------------------------------------------------------------------------------------
# Dataset


class Dataset:
    """A loaded, validated, immutable dataset. Get one with :func:`nato_ukraine.load`.

    Being immutable, a dataset is its own copy (``copy.deepcopy`` gives it back); it pickles as
    its records and manifest, to be sent to another process or cached.

    Attributes:
        sources: The documents the data is built from.
        bodies: The organisations, councils, commissions, offices, agencies and institutions.
        programmes: The programmes, packages, trust funds, initiatives and frameworks.
        events: The dated occurrences, in the order they happened.
        agreements: The charters, declarations, agreements, roadmaps, laws and strategies.
        operations: The NATO-led operations and missions Ukraine contributed to.
        people: The named people, with their roles.
    """

    __slots__ = ("_by_id", "_edges", "_manifest", "_names", "_suggesters", *COLLECTIONS)

    _by_id: dict[str, Record]
    _edges: tuple[list[Edge], dict[str, list[Edge]]] | None
    _manifest: Manifest
    _names: Names | None
    _suggesters: dict[str, Suggestions]
    sources: Collection[Source]
    bodies: Collection[Body]
    programmes: Collection[Programme]
    events: Collection[Event]
    agreements: Collection[Agreement]
    operations: Collection[Operation]
    people: Collection[Person]

    def __init__(self) -> None:
        raise TypeError("load a dataset with nato_ukraine.load()")

    @classmethod
    def from_validated(
        cls, collections: Mapping[str, Iterable[Record]], manifest: Manifest, by_id: dict[str, Record] | None = None
    ) -> Dataset:
        """Make a dataset of records that :func:`nato_ukraine.load` has validated (nothing is checked here).

        Args:
            collections: The records of each collection, in any order.
            manifest: What the dataset says of itself.
            by_id: Every record by id, when the caller has built that index already (the
                loader does, as it checks ids); built here otherwise.
        """
        self = object.__new__(cls)
        set_slot = object.__setattr__
        set_slot(self, "_manifest", manifest)
        if by_id is None:
            by_id = {}
            for records in collections.values():
                records = list(records)
                by_id.update(zip((record.id for record in records), records, strict=True))
        set_slot(self, "_by_id", by_id)
        # Each collection finds its ids in the dataset's index (of every record), keeping those
        # of its own type: no second index of a hundred thousand ids to build.
        scope = Scope(by_id, {coverage.collection: coverage.period for coverage in manifest.coverage})
        for name, kind in COLLECTIONS.items():
            set_slot(self, name, Collection(name, collections.get(name, ()), by_id=OfKind(by_id, kind), scope=scope))
        set_slot(self, "_names", None)
        set_slot(self, "_suggesters", {})
        set_slot(self, "_edges", None)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Dataset is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Dataset is immutable")

    # A dataset is immutable: a copy is the dataset itself. Pickled, it is its records and its
    # manifest, and it is made again from them (its indexes are built anew, on first use).

    def __copy__(self) -> Dataset:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        records = {name: tuple(collection) for name, collection in self.collections().items()}
        return Dataset.from_validated, (records, self._manifest)

    # -- metadata --------------------------------------------------------------------------

    @property
    def manifest(self) -> Manifest:
        """What the dataset says of itself: data version, as-of date, schema version."""
        return self._manifest

    @property
    def data_version(self) -> str | None:
        """The version of the data (``"2024.1.0"``); None for a user's dataset without one."""
        return self._manifest.data_version

    @property
    def as_of(self) -> PartialDate | None:
        """The date of the latest source the data rests on."""
        return self._manifest.as_of

    @property
    def coverage(self) -> dict[str, Coverage]:
        """How far each collection reaches, by collection name.

        Each :class:`~nato_ukraine.models.Coverage` gives the span within which the collection
        holds what its sources say, and the sources it rests on. That a date outside a
        collection's coverage has no record says nothing about whether anything happened then.
        """
        return {c.collection: c for c in self._manifest.coverage}

    @property
    def schema_version(self) -> int:
        """The version of the JSON form the data was read from."""
        return self._manifest.schema_version

    def collections(self) -> dict[str, Collection[Any]]:
        """The collections by name, in a fixed order."""
        return {name: getattr(self, name) for name in COLLECTIONS}

    def records(self) -> Iterator[Record]:
        """Every record, collection by collection."""
        for name in COLLECTIONS:
            yield from getattr(self, name)

    def table(self, field: str) -> Table:
        """A tidy table of the records nested in ``field`` of the records of every collection
        that has it (see :meth:`Collection.table`): ``ds.table("figures")`` is every stated
        number of the dataset, with the id and type of the record it is about.

        Raises:
            ValueError: If no collection has a field of nested records of that name.
        """
        from nato_ukraine.tables import Table, nested_fields

        having = [name for name, cls in COLLECTIONS.items() if field in nested_fields(cls)]
        if not having:
            names = sorted({name for cls in COLLECTIONS.values() for name in nested_fields(cls)})
            raise ValueError(f"no collection has a field of nested records {field!r}; fields: {', '.join(names)}")
        tables: list[Table] = [getattr(self, name).table(field) for name in having]
        return Table(field, tables[0].item, [row for table in tables for row in table])

    def figures(self) -> Table:
        """Every number the sources state about a record, one row each (``ds.table("figures")``):
        ``ds.figures().to_pandas()`` is a tidy frame of them."""
        return self.table("figures")

    def __iter__(self) -> Iterator[Record]:
        """Every record, as :meth:`records` gives them (as a collection gives its own)."""
        return self.records()

    def __reversed__(self) -> Iterator[Record]:
        # (Without it, reversed() would take the dataset for a sequence indexed by position.)
        return reversed(list(self.records()))

    def __len__(self) -> int:
        return len(self._by_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._manifest == other._manifest and self.collections() == other.collections()

    __hash__ = None  # type: ignore[assignment]

    def to_json(self, path: str | os.PathLike[str] | None = None, *, indent: int | None = 2) -> str:
        """The whole dataset in its JSON form, as one file that :func:`nato_ukraine.load` reads back.

        The object has a ``manifest`` key (data version, as-of date, schema version) and one key
        per collection, each a list of records ordered by id; keys are sorted, so equal datasets
        give equal text.

        Args:
            path: Also write the text to this file (UTF-8).
            indent: Indentation, as for :func:`json.dumps`; None for one line.

        Returns:
            The JSON text.
        """
        from nato_ukraine.converters import dataset_json

        text = dataset_json(self._manifest, self.collections(), indent=indent)
        if path is not None:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        return text

    def __repr__(self) -> str:
        version = self.data_version or "user data"
        as_of = f" as of {self.as_of}" if self.as_of else ""
        counts = ", ".join(f"{len(c)} {name}" for name, c in self.collections().items())
        return f"<Dataset {version}{as_of}: {counts}>"

    # -- ids and names ---------------------------------------------------------------------

    def __getitem__(self, record_id: str) -> Record:
        """Any record by id, whatever its type.

        Raises:
            UnknownIdError: If no record has that id; the error suggests close ids.
        """
        try:
            return self._by_id[record_id]
        except (KeyError, TypeError):
            raise UnknownIdError(record_id, self._suggestions("ids", self._by_id).suggest(record_id)) from None

    def __contains__(self, item: object) -> bool:
        """Whether the dataset has a record of that id, or that record (as a collection answers)."""
        return holds(self._by_id, item)

    def get(self, record_id: str, default: Record | None = None) -> Record | None:
        """Any record by id, or ``default`` (None) when there is none."""
        return self._by_id.get(record_id, default)

    def _suggestions(self, what: str, keys: Iterable[str]) -> Suggestions:
        """The suggestions among the ids, or the folded names, made on first use."""
        found = self._suggesters.get(what)
        if found is None:
            found = self._suggesters[what] = Suggestions(keys)
        return found

    def _name_index(self) -> Names:
        names = self._names
        if names is None:
            with paused():
                names = name_index(self._by_id.values())
            object.__setattr__(self, "_names", names)
        return names

    def lookup(self, name: str, *, on: DateLike | None = None) -> Record:
        """The record an id, name, acronym or alias stands for, case-insensitively.

        A name may stand for different records at different times ("NUC" is the
        NATO-Ukraine Commission until July 2023 and the NATO-Ukraine Council after). Give
        ``on`` to pick the one whose span covers that date: a record certainly active then
        wins over one only possibly active.

        Args:
            name: An id, name, acronym or alias.
            on: A date that picks among records that share the name.

        Returns:
            The record.

        Raises:
            UnknownNameError: If nothing has that name (a KeyError, with suggestions), or, given
                ``on``, nothing had it then.
            AmbiguousNameError: If more than one record fits; it lists them.
        """
        try:
            if name in self._by_id:
                return self._by_id[name]
            folded = fold(name)
        except (AttributeError, TypeError):  # (told apart only when it fails: a lookup is a microsecond)
            raise TypeError(f"expected a name (a str), not {type(name).__name__}") from None
        first, shared = self._name_index()
        candidates: list[Record] | None = shared.get(folded) if folded else None
        if candidates is None:  # a name of one record, or of none
            found: Record | None = first.get(folded)
            if found is None:  # suggest names as the records write them, not in their folded form
                close = self._suggestions("names", first).suggest(folded)
                raise UnknownNameError(name, [written(first[key], key) for key in close])
            if on is None:
                return found
            candidates = [found]
        if on is not None:
            when = as_partial_date(on)
            levels = [_active(candidate, when) for candidate in candidates]
            if not any(levels):  # no record had the name then
                raise UnknownNameError(name, sorted(c.id for c in candidates), when)
            for level in (Certainty.DEFINITELY, Certainty.POSSIBLY):  # a record certainly active then wins
                fitting = [c for c, found_level in zip(candidates, levels, strict=True) if found_level is level]
                if len(fitting) == 1:
                    return fitting[0]
                if len(fitting) > 1:
                    candidates = fitting
                    break
        raise AmbiguousNameError(name, sorted(candidates, key=lambda r: r.id), on)

    def search(self, text: str, *, limit: int | None = None) -> list[Record]:
        """Records whose names, aliases or descriptions match ``text``, best first.

        Case, diacritics, punctuation and the order of words do not count, and a word of four
        letters or more may differ by one letter (added, dropped or changed). Ranking: the
        record's name or id; then an alias or acronym; then names holding every word (better
        the more of the name they make); then descriptions holding every word. Ties are broken
        by id, so the order is the same on every run. ``Collection.search`` searches one
        collection.

        Args:
            text: Words to look for.
            limit: At most this many results (0 or more).

        Raises:
            TypeError: If ``text`` is not a string.
            ValueError: If ``limit`` is below 0.
        """
        return search_in(self.collections().values(), text, limit)

    # -- time ------------------------------------------------------------------------------

    def timeline(self, start: DateLike | None = None, end: DateLike | None = None) -> list[TimelineEntry]:
        """Every dated thing in order: events, foundings, starts and ends, signings.

        Entries sort by date (see :class:`~nato_ukraine.dates.PartialDate` for the order of
        dates of different precision), then by record id, then in the order of the record's
        own dates (a start before an end on the same date).

        Args:
            start: Leave out what is certainly before this date.
            end: Leave out what is certainly after this date.
        """
        from nato_ukraine.timeline import timeline_of

        return timeline_of(self._by_id.values(), *days_between(start, end))

    # -- graph -----------------------------------------------------------------------------

    def _graph(self) -> tuple[list[Edge], dict[str, list[Edge]]]:
        graph = self._edges
        if graph is None:
            from nato_ukraine.graph import graph_of

            with paused():
                graph = graph_of(self._by_id.values())
            object.__setattr__(self, "_edges", graph)
        return graph

    def edges(self, relation: Relation | str | None = None) -> list[Edge]:
        """Every link between records, sorted; only those of one relation if given."""
        from nato_ukraine.models import Relation

        edges = self._graph()[0]
        if relation is None:
            return list(edges)
        wanted = Relation(relation)
        return [edge for edge in edges if edge.relation is wanted]

    def related(
        self, record: Record | str, *, relation: Relation | str | None = None, role: str | enum.Enum | None = None
    ) -> Neighbours:
        """The records linked to ``record``, in both directions, with how they are linked.

        A body's parents (PART_OF, outgoing) and its parts (PART_OF, incoming); its
        predecessor and successor (SUCCEEDS); the programmes it runs; the events that name it,
        each with the role it had there (INVOLVES, ``chair``, ``host``, ``subject``, ...) or as
        their outcome (OUTCOME, ``established``, ...); the sources it cites. Ordered by
        relation, direction, id, then role: a list, shown a line a link (the first ten) in a
        REPL and as a table in a notebook.

        Args:
            record: A record or its id.
            relation: Only links of this kind.
            role: Only links with this role (``"chair"``, ``nu.ParticipantRole.HOST``).

        Raises:
            UnknownIdError: If no record has that id.
            ValueError: If ``relation`` is no relation, or ``role`` no role.
        """
        from nato_ukraine.graph import neighbours
        from nato_ukraine.models import Relation

        rid = id_of(record)
        self[rid]  # raises UnknownIdError for an unknown id
        wanted = None if relation is None else Relation(relation)
        named = role.value if isinstance(role, enum.Enum) else role
        if named is not None and named not in role_names():
            close = difflib.get_close_matches(str(named), role_names(), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"{role!r} is not a role{hint} (roles: {', '.join(role_names())})")
        return neighbours(rid, self._graph()[1].get(rid, []), self._by_id, wanted, named)

    def path(self, start: Record | str, end: Record | str, *, through_sources: bool = False) -> list[Edge] | None:
        """The shortest chain of edges that links two records, in either direction.

        Args:
            start: A record or its id.
            end: A record or its id.
            through_sources: Also follow CITES edges (every record is two steps from every
                other that cites the same source, so they are left out by default).

        Returns:
            The edges from ``start`` to ``end`` in order (empty when they are the same record),
            or None when nothing links them.

        Raises:
            UnknownIdError: If either id is unknown.
        """
        from nato_ukraine.graph import shortest_path

        a, b = id_of(start), id_of(end)
        self[a], self[b]  # raise UnknownIdError for unknown ids
        return shortest_path(self._graph()[1], a, b, through_sources=through_sources)


def _active(record: Record, when: PartialDate) -> Certainty:
    span = record_span(record)
    if span is None:
        return Certainty.POSSIBLY
    return span.overlaps(when)
