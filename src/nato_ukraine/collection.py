"""A collection: the records of one type, in order, with the queries over them.

Every :class:`~nato_ukraine.dataset.Dataset` holds one :class:`Collection` per record type, and
every query of a collection answers with a new one, so that queries chain. What a record's date,
span and fields are comes from its class's field metadata (see :mod:`nato_ukraine.models`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from nato_ukraine._display import html_of_rows
from nato_ukraine._fields import date_ends, dating, record_span, span_ends
from nato_ukraine._gc import paused
from nato_ukraine._indexes import (
    SpanIndex,
    Spans,
    Suggestions,
    days_between,
    days_of,
    field_index,
    in_order,
    values_index,
)
from nato_ukraine._queries import Key, Scope, count, key_of, wanted
from nato_ukraine._search import Searchable, search, searchable
from nato_ukraine.dates import Certainty, DateLike
from nato_ukraine.exceptions import UnknownIdError
from nato_ukraine.models import COLLECTIONS, Agreement, Body, Event, Operation, Person, Programme, Record, Source

if TYPE_CHECKING:
    import pandas

    from nato_ukraine.tables import Table

__all__ = ["Collection", "holds", "id_of", "search_in"]

R = TypeVar("R", Source, Body, Programme, Event, Agreement, Operation, Person)


def holds(by_id: Mapping[str, Any], item: object) -> bool:
    """Whether ``by_id`` has ``item``, an id, or the very record (equal to the one of its id)."""
    if isinstance(item, str):
        return item in by_id
    record_id = getattr(item, "id", None)
    return isinstance(record_id, str) and by_id.get(record_id) == item


def id_of(value: Record | str) -> str:
    """The id ``value`` is, or the id of the record ``value`` is."""
    if isinstance(value, str):
        return value
    if type(value) not in COLLECTIONS.values():
        raise TypeError(f"expected a record or an id (a str), not {type(value).__name__}")
    return value.id


class Collection(Generic[R]):
    """An immutable, ordered set of records of one type, with queries.

    Events are kept in the order they happened; other records in id order. Indexing takes an
    id; iteration gives the records. Every query returns a new collection (or, for
    aggregates, plain values), so queries chain::

        ds.events.between("2014", "2016").where(kind="meeting").count_by("year")

    Like a dataset, a collection is its own copy, and it pickles as its records.
    """

    __slots__ = (
        "_by_id",
        "_dates",
        "_field_index",
        "_name",
        "_records",
        "_scope",
        "_searchable",
        "_spans",
        "_suggester",
        "_years",
    )

    def __init__(
        self, name: str, records: Iterable[R], *, by_id: Mapping[str, R] | None = None, scope: Scope | None = None
    ) -> None:
        """Make a collection of ``records``, put in the collection's order.

        Args:
            name: The collection's name (``events``).
            records: Its records, in any order.
            by_id: Its records by id, when the caller has that index (a dataset has).
            scope: What it knows of the dataset it belongs to: the ids a query may name, and
                the years ``count_by(..., fill=True)`` fills.
        """
        self._setup(name, in_order(records), by_id, scope)

    @classmethod
    def _of(cls, name: str, records: tuple[R, ...], scope: Scope | None = None) -> Collection[R]:
        """A collection of records already in the collection's order: no copy, no sort."""
        self = object.__new__(cls)
        self._setup(name, records, None, scope)
        return self

    def _setup(self, name: str, records: tuple[R, ...], by_id: Mapping[str, R] | None, scope: Scope | None) -> None:
        self._name = name
        self._records: tuple[R, ...] = records
        self._scope = scope
        # Indexes, each built on first use (a query result that is never queried builds none).
        self._by_id: Mapping[str, R] | None = by_id
        self._field_index: dict[str, dict[Hashable, list[int]]] = {}
        self._spans: SpanIndex | None = None
        self._dates: SpanIndex | None = None
        self._years: list[int] | None = None
        self._suggester: Suggestions | None = None
        self._searchable: list[Searchable] | None = None

    # A collection is immutable: a copy is the collection itself. Pickled, it is its name and its
    # records (not the index of the dataset it came from), and it is made again from them.

    def __copy__(self) -> Collection[R]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Collection[R]:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Collection._of, (self._name, self._records)

    # -- basics ----------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The collection's name (``events``)."""
        return self._name

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __reversed__(self) -> Iterator[R]:
        # (Without it, reversed() would take the collection for a sequence indexed by position.)
        return reversed(self._records)

    def __bool__(self) -> bool:
        return bool(self._records)

    def __contains__(self, item: object) -> bool:
        return holds(self._ids(), item)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._name == other._name and self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        ids = ", ".join(r.id for r in self._records[:3])
        more = ", ..." if len(self._records) > 3 else ""
        return f"<Collection {self._name}: {len(self._records)} records [{ids}{more}]>"

    #: The most records :meth:`_repr_html_` shows.
    HTML_ROWS = 50

    def _repr_html_(self) -> str:
        """The records as an HTML table, one row each (the first 50), citations folded."""
        shown = self._records[: self.HTML_ROWS]
        with_kind: bool = bool(shown) and hasattr(shown[0], "kind")
        columns = ["id", *(["kind"] if with_kind else []), "date", "name", "citations"]
        rows = [_html_row(record, with_kind) for record in shown]
        title = f"{self._name}: {len(self._records)} records"
        return html_of_rows(title, columns, rows, more=len(self._records) - len(shown))

    def search(self, text: str, *, limit: int | None = None) -> list[R]:
        """The records of this collection whose names, aliases or descriptions match ``text``, best
        first, as :meth:`~nato_ukraine.dataset.Dataset.search` ranks them.

        Raises:
            TypeError: If ``text`` is not a string.
            ValueError: If ``limit`` is below 0.
        """
        return search_in([self], text, limit)

    def _suggestions(self) -> Suggestions:
        if self._suggester is None:
            self._suggester = Suggestions(self._ids())
        return self._suggester

    def _ids(self) -> Mapping[str, R]:
        by_id = self._by_id
        if by_id is None:
            with paused():
                by_id = self._by_id = {record.id: record for record in self._records}
        return by_id

    def __getitem__(self, record_id: str) -> R:
        """The record with that id.

        Raises:
            UnknownIdError: If no record in the collection has it; the error suggests close ids.
        """
        try:
            return self._ids()[record_id]
        except (KeyError, TypeError):
            found = (
                None if self._scope is None or not isinstance(record_id, str) else self._scope.records.get(record_id)
            )
            if found is not None:  # a record of another collection
                elsewhere = next(name for name, cls in COLLECTIONS.items() if cls is type(found))
                raise UnknownIdError(record_id, elsewhere=(self._name, elsewhere)) from None
            raise UnknownIdError(record_id, self._suggestions().suggest(record_id)) from None

    @overload
    def get(self, record_id: str) -> R | None: ...
    @overload
    def get(self, record_id: str, default: R) -> R: ...
    def get(self, record_id: str, default: R | None = None) -> R | None:
        """The record with that id, or ``default`` (None) when there is none."""
        return self._ids().get(record_id, default)

    def ids(self) -> list[str]:
        """The ids of the records, in the collection's order."""
        return [record.id for record in self._records]

    def first(self) -> R | None:
        """The first record in the collection's order, or None when it is empty."""
        return self._records[0] if self._records else None

    def _derive(self, positions: list[int], first: int = 0, stop: int = 0) -> Collection[R]:
        """The records at ``positions`` (ascending), then those from ``first`` to ``stop`` (all
        after them), as a collection in the same order."""
        if len(positions) > 1:  # itemgetter of several indexes gives a tuple, gathered in C
            records: tuple[R, ...] = itemgetter(*positions)(self._records)
        else:
            records = tuple(self._records[i] for i in positions)
        if stop > first:
            records += self._records[first:stop]
        return Collection._of(self._name, records, self._scope)

    def _record_class(self) -> type | None:
        """The class of the records: the first one's, or, with none, that of the collection's name
        (an empty query result still knows its fields, so that queries chain on from it)."""
        return type(self._records[0]) if self._records else COLLECTIONS.get(self._name)

    # -- filters ---------------------------------------------------------------------------

    def filter(self, predicate: Callable[[R], bool]) -> Collection[R]:
        """The records for which ``predicate`` is true."""
        return Collection._of(self._name, tuple(r for r in self._records if predicate(r)), self._scope)

    def where(self, **criteria: object) -> Collection[R]:
        """The records whose fields match every criterion.

        A criterion names a field and gives a value: ``kind="meeting"`` or
        ``kind=nu.EventKind.MEETING`` (an enum value in any case, spaces or hyphens for
        underscores: ``kind="Trust fund"``). For a field that holds several ids (``parents``,
        ``programmes``, ...) the value must be among them, and the singular name may be used
        (``parent="nato"``). A record may stand for its id. A list, set or tuple of values
        matches any of them.

        An event's participants and outcomes are asked about by what they name, or by role:

        * ``body="nato-ukraine-commission"`` (or ``person=``): named in any role, as a
          participant or as an outcome; ``programme=`` and ``agreement=`` likewise, in
          ``programmes`` or as an outcome;
        * ``chair="jens-stoltenberg"``, ``host="ukraine"``, ``endorsed="cap"``: named in that
          role (any :class:`~nato_ukraine.kinds.ParticipantRole` or
          :class:`~nato_ukraine.kinds.OutcomeRole`);
        * ``role="supplier"``: someone, or something, is named in that role.

        Criteria are independent of each other: ``where(body="nato", role="host")`` is the
        events that name NATO, and have a host; ``where(host="nato")`` is those NATO hosted.

        Raises:
            ValueError: If a criterion names no field of these records, an enum value that is
                none of the enum's, an id that no record of the collection the field refers to
                has, or a date (ask :meth:`on`, :meth:`between` or :meth:`active_on`); the error
                names close matches.
        """
        if not criteria:
            return self
        matches: list[list[int]] = []  # for each criterion, the positions of the records that meet it
        for name, value in criteria.items():
            key = self._key(name)
            index = self._index_for(key)
            keys = wanted(key, value, self._scope)
            if len(keys) == 1:
                matches.append(index.get(keys[0], []))
            else:
                matches.append(sorted({p for item in keys for p in index.get(item, ())}))
        if len(matches) == 1:  # the index holds the answer, in order
            return self._derive(matches[0])
        return self._derive(sorted(set(matches[0]).intersection(*matches[1:])))

    def _key(self, name: str) -> Key:
        """What the argument ``name`` of :meth:`where` reads (see :func:`key_of`)."""
        cls = self._record_class()
        if cls is None:
            raise ValueError(f"{self._name} have no fields: a collection of no records and no known kind")
        return key_of(cls, name, self._name)

    def _index_for(self, key: Key) -> dict[Hashable, list[int]]:
        """For one key, the positions of the records that hold each value (ascending)."""
        index = self._field_index.get(key.name)
        if index is None:
            with paused():
                if key.field is not None:
                    index = field_index(self._records, key.field)
                else:
                    index = values_index(self._records, key.read)
                self._field_index[key.name] = index
        return index

    def between(self, start: DateLike | None, end: DateLike | None, *, definitely: bool = False) -> Collection[R]:
        """The records dated within ``start`` to ``end``, both inclusive, at their precision.

        ``between("2014", "2016")`` runs from 2014-01-01 to 2016-12-31. A record whose date is
        coarser than the bounds may or may not fall inside: it is included unless
        ``definitely`` is set. An event of several days is included when any of its days may
        fall inside (all of them, with ``definitely``).

        Args:
            start: The first date, or None for no lower bound.
            end: The last date, or None for no upper bound.
            definitely: Keep only the records certainly inside.
        """
        lo, hi = days_between(start, end)
        return self._derive(*self._date_index().query(lo, hi, definitely=definitely, within=definitely))

    def on(self, when: DateLike, *, definitely: bool = False) -> Collection[R]:
        """The records dated on ``when`` (a day, a month or a year).

        Args:
            when: The date.
            definitely: Keep only the records certainly dated then (a record dated "2016" is
                only possibly on 2016-07-09).
        """
        lo, hi = days_of(when)
        return self._derive(*self._date_index().query(lo, hi, definitely=definitely))

    def active_on(self, when: DateLike, *, definitely: bool = False) -> Collection[R]:
        """The records whose span overlaps ``when`` (a day, a month or a year).

        A programme that ran from "2016" to "2018" is definitely active on 2016-12-31 but only
        possibly on 2016-03-01; both are included unless ``definitely`` is set. A record whose
        span has an open end (a start or an end the sources do not give) is never definitely
        active. Use :meth:`certainty` for the answer for one record.

        Args:
            when: The date.
            definitely: Keep only the records certainly active then.
        """
        lo, hi = days_of(when)
        return self._derive(*self._span_index().query(lo, hi, definitely=definitely))

    def certainty(self, record: R | str, when: DateLike) -> Certainty:
        """Whether one record was active on ``when``: DEFINITELY, POSSIBLY or NOT."""
        found = self[id_of(record)]
        span = record_span(found)
        return Certainty.NOT if span is None else span.overlaps(when)

    def _date_index(self) -> SpanIndex:
        if self._dates is None:
            with paused():
                self._dates = SpanIndex(Spans(self._records, date_ends))
        return self._dates

    def _span_index(self) -> SpanIndex:
        if self._spans is None:
            cls = self._record_class()
            # An occurrence's span is its date. (Were the first record an event and another not,
            # the other would have come first: a collection puts other records before events.)
            if cls is not None and dating(cls).occurred is not None:
                self._spans = self._date_index()
            else:
                with paused():
                    self._spans = SpanIndex(Spans(self._records, span_ends))
        return self._spans

    def _event_years(self) -> list[int]:
        """The year of each record when they are events (of one class with an occurrence date),
        in order; else, or with none, an empty list. A collection keeps events in the order they
        happened, so their years come in runs, which ``count_by("year")`` counts by bisection:
        at 100,000 events, 0.1 s the first time and some 10 to 30 µs a call after it, against
        0.4 s a call for the general count (measured 2026-12-01; ``make bench`` prints the
        10 µs)."""
        if self._years is None:
            # The first record's class: were there records of another class, one of them would
            # come first (a collection puts them before the events).
            cls = self._record_class()
            occurred = None if cls is None else dating(cls).occurred
            # (An occurrence is always dated: its years are read a field at a time, in C.)
            self._years = (
                [] if occurred is None else list(map(attrgetter("year"), map(attrgetter(occurred), self._records)))
            )
        return self._years

    # -- aggregates ------------------------------------------------------------------------

    def count_by(self, *keys: str | Callable[[R], Any], fill: bool = False) -> dict[Any, int]:
        """Count the records by one key or several, ordered by key (records with no value last,
        as None).

        Args:
            keys: Each a field name (``"kind"``, ``"level"``, ``"bodies"``), ``"year"`` or
                ``"decade"`` of the record's date, ``"source"`` (the sources a record cites), or
                a function of a record. A field with several values (``"bodies"``) counts the
                record under each; enums count under their values; a function's value, a tuple
                included, is one key. With several keys, each count is under a tuple of
                values, in the keys' order.
            fill: Also give every value of each key's range its count, zero included: every
                year or decade of the collection's coverage, every member of an enum, every
                id a reference may take.

        Returns:
            A dict from key (or tuple of keys) to count.

        Raises:
            ValueError: If a key names no field of these records.
        """
        if keys == ("year",) and not fill and self._event_years():
            return _runs_counted(self._event_years())
        return count(self._records, keys, cls=self._record_class(), collection=self._name, scope=self._scope, fill=fill)

    def to_records(self) -> list[dict[str, Any]]:
        """The records as flat dicts of plain values, one key per column.

        A partial date ``d`` becomes ``d`` (its ISO text), ``d_earliest`` and ``d_latest``
        (:class:`datetime.date`) and ``d_precision`` (``"year"``, ``"month"`` or ``"day"``); a
        period ``p`` becomes ``p_start...`` and ``p_end...`` the same way; enums become their
        values; references become lists of ids; citations become ``citation_sources``, the
        ids of the sources cited. Uses the standard library only.
        """
        from nato_ukraine._frames import to_record  # imported on first use: a load needs no flat records

        return [to_record(record) for record in self._records]

    def to_pandas(self, *, index: str | None = None) -> pandas.DataFrame:
        """The records as a pandas DataFrame, one row a record, the columns of :meth:`to_records`.

        The ``*_earliest`` and ``*_latest`` columns are datetime64 columns, and enum columns
        (``kind``, ``level``, ...) categorical ones with every value of the enum a category.

        Args:
            index: A column to index the frame by: ``"id"`` for records by id (``frame.loc[id]``);
                None for a range of positions.

        Raises:
            ImportError: If pandas is not installed (``pip install "nato-ukraine[pandas]"``).
            ValueError: If ``index`` names no column.
        """
        from nato_ukraine._frames import frame

        return frame(self.to_records(), self._record_class(), what="Collection.to_pandas()", index=index)

    def table(self, field: str) -> Table:
        """A tidy table of the records nested in a field of these records, one row each: an
        event's ``participants`` (who, in what role), a record's ``figures`` (value, unit, what
        is counted, as of when, cited where), its ``citations``. Each row starts with the
        ``id`` and ``type`` of the record that holds it.

        Raises:
            ValueError: If ``field`` is no field of nested records of these records.
        """
        from nato_ukraine.tables import nested_fields, table_of

        cls = self._record_class()
        fields: dict[str, type] = {} if cls is None else nested_fields(cls)
        if cls is None or field not in fields:
            have = f"they have: {', '.join(fields)}" if fields else "they have none"
            raise ValueError(f"{self._name} have no field of nested records {field!r}; {have}")
        return table_of(self._records, field, fields[field])


def _runs_counted(values: list[Any]) -> dict[Any, int]:
    """How many times each value stands in ``values``, a sorted list, in order."""
    counts: dict[Any, int] = {}
    at, size = 0, len(values)
    while at < size:
        value = values[at]
        stop = bisect_right(values, value, at)
        counts[value] = stop - at
        at = stop
    return counts


def _html_row(record: Any, kinds: bool) -> list[Any]:
    """A record's row of :meth:`Collection._repr_html_`: id, kind, date, name, citations."""
    dated = date_ends(record)
    date = "" if dated is None else str(dated[0])
    return [record.id, *([record.kind] if kinds else []), date, record.name, record.citations]


def search_in(collections: Iterable[Collection[Any]], text: str, limit: int | None) -> list[Any]:
    """The records of ``collections`` that answer ``text``, best first (at most ``limit``).

    Raises:
        TypeError: If ``text`` is not a string.
        ValueError: If ``limit`` is below 0.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the text to search for (a str), not {type(text).__name__}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    items: list[Searchable] = []
    for collection in collections:
        if collection._searchable is None:  # (what search reads of the records, folded once)
            collection._searchable = searchable(collection._records)
        items += collection._searchable
    return search(items, text)[:limit]
