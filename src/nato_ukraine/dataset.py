"""The dataset and its collections, with the queries over them.

A :class:`Dataset` holds one :class:`Collection` per record type (``sources``, ``bodies``,
``programmes``, ``events``, ``agreements``, ``operations``, ``people``) and answers questions
that cross them: any record by id, a name that may mean different records at different times,
text search, the timeline and the relationship graph.

Every record has a *date* and a *span*, which the date queries use:

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

import enum
import gc
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date as _date
from functools import partial
from itertools import chain, compress, islice, repeat
from operator import attrgetter, gt, is_not, itemgetter, le, lshift, lt, or_, sub
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

import attrs

from nato_ukraine.dates import Certainty, DateLike, PartialDate, Period, as_partial_date
from nato_ukraine.exceptions import AmbiguousNameError, UnknownIdError, UnknownNameError
from nato_ukraine.models import (
    COLLECTIONS,
    Agreement,
    Body,
    Event,
    Operation,
    Person,
    Programme,
    Record,
    Role,
    Source,
)

if TYPE_CHECKING:
    import pandas

    from nato_ukraine.graph import Edge, Neighbour, Relation
    from nato_ukraine.models import Coverage, Manifest
    from nato_ukraine.timeline import TimelineEntry

__all__ = ["Collection", "Dataset"]

R = TypeVar("R", Source, Body, Programme, Event, Agreement, Operation, Person)
_T = TypeVar("_T")


#: How many new objects make a load (or an index) hand them to the collector's oldest generation.
_LONG_LIVED = 10_000


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a load or an index makes many objects.

    Making many small objects trips the collector over and over, and each of its passes looks
    at every object made so far, though none of them forms a cycle: at a hundred thousand
    records that is most of the cost. It is switched back on at the end, unless it was off.

    When it ends well having made many objects (a dataset of thousands of records), they go
    straight to the collector's oldest generation, by ``gc.freeze()`` then ``gc.unfreeze()``
    (each moves whole lists, at no cost per object). Left in the youngest, they would all be
    looked at on the first allocation after (0.2 s at 100,000 events), and again a little
    later, only to find what is known: a dataset lives long and has no cycles. The few objects
    the program made just before go along, and are then looked at less often. Not done when
    the program has frozen objects of its own, which ``gc.unfreeze()`` would let go.
    """
    enabled = gc.isenabled()
    gc.disable()
    done = False
    try:
        yield
        done = True
    finally:
        if enabled:
            if done and gc.get_count()[0] >= _LONG_LIVED and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


# ---------------------------------------------------------------------------------------------
# Dates and spans of records


def record_date(record: Record) -> Period | None:
    """The span of days a record is dated by (see the module docstring), or None."""
    ends = _date_ends(record)
    return None if ends is None else Period(*ends)


def record_span(record: Record) -> Period | None:
    """The span in which a record existed or ran (see the module docstring), or None."""
    ends = _span_ends(record)
    return None if ends is None else Period(*ends)


def _rank(date: PartialDate) -> int:
    """One int that orders partial dates as they order (``1997`` < ``1997-01`` < ``1997-01-01``)."""
    return date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0)


def _event_rank(record: Record) -> int:
    """An event's date then end as one int (no end first); 0, before any, for other records.

    (Each :func:`_rank` is written out: a call less per event, in a sort of a hundred thousand.)
    """
    if isinstance(record, Event):
        date, end = record.date, record.end
        rank = (date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0)) * 100_000_000
        if end is not None:
            rank += end.year * 10_000 + (end.month or 0) * 100 + (end.day or 0)
        return rank
    return 0


def _in_order(records: list[R]) -> tuple[R, ...]:
    """The records in a collection's order: events in the order they happened (by date, then
    end, then id); any other record by id, and before the events.

    Sorting by id, then (stably) by one int per record for the dates, costs a fraction of
    sorting by tuples of date parts at a hundred thousand records.
    """
    records.sort(key=_record_id)
    if any(isinstance(record, Event) for record in records):
        records.sort(key=_event_rank)
    return tuple(records)


def _in_key_order(records: Iterable[R], keys: list[str]) -> tuple[R, ...]:
    """The records in a collection's order, given its *order key* for each (``keys[i]`` that
    of ``records[i]``): a text whose order as text is the collection's order, as the loader
    makes for the events of a large file (``_loader._order_key_lines``).

    One sort of texts made side by side in memory, compared in C, replaces the two sorts of
    :func:`_in_order` over records spread through it (about 40 against 130 ms at a hundred
    thousand events). The sort takes each record's key from the list by ``next``: ``list.sort``
    works out every item's key once, first, in the list's order (the tests hold the result to
    that of :func:`_in_order`).
    """
    ordered = list(records)
    ordered.sort(key=partial(next, iter(keys)))  # (next(keys, record): the record is never used)
    return tuple(ordered)


_record_id = attrgetter("id")

_ORD_MIN = _date.min.toordinal()
_ORD_MAX = _date.max.toordinal()


#: The two ends of a span; None for an open end.
_Ends = tuple[PartialDate | None, PartialDate | None]


def _date_ends(record: Record) -> _Ends | None:
    """The ends of :func:`record_date`, without making the Period; None for an undated record."""
    if isinstance(record, Event):
        return record.date, record.date if record.end is None else record.end
    start: PartialDate | None
    if isinstance(record, Body):
        start = record.established
    elif isinstance(record, (Programme, Operation)):
        start = record.period.start
    elif isinstance(record, Agreement):
        start = record.signed or record.ratified or record.in_force
    elif isinstance(record, Source):
        start = record.published
    else:
        start = None
    return None if start is None else (start, start)


def _span_ends(record: Record) -> _Ends | None:
    """The ends of :func:`record_span`, without making the Period; None for a record without one."""
    if isinstance(record, Event):
        return record.date, record.date if record.end is None else record.end
    if isinstance(record, Body):
        return record.established, record.dissolved
    if isinstance(record, (Programme, Operation)):
        return record.period.start, record.period.end
    if isinstance(record, Agreement):
        start = record.signed or record.ratified or record.in_force
        return None if start is None else (start, None)
    return None


#: Records that several passes read are read a block of this many at a time, each pass over
#: the block in turn: a block (some 100 KB of records) is still in the processor's cache when
#: the next pass reads it, where 100,000 records are not. At 100,000 events, reading the dates
#: and the ends for the span index so (in date order, not their order in memory) took 22 to
#: 27 ms against 42 to 46 ms in two whole passes; the loader goes over a list its object hook
#: made so too (``_loader._read_structured``; see docs/performance.md).
_BLOCK = 512

#: A span whose last day is this many days or more after its first (more than any single partial
#: date spans: a leap year is 365 after its first day) goes in the group for long and open spans.
_SHORT_SPAN = 367
#: At most this many lengths get a group of their own, each shared by at least 1/64 of the spans.
_MOST_GROUPS = 16


class _Group:
    """Spans sorted by earliest start, as parallel lists of day ordinals, and the longest of them.

    The spans that may meet a window [lo, hi] all start between ``lo - longest`` and ``hi``,
    which two bisections find. When every span of the group has the same length (``exact``),
    that is the answer; otherwise a span that starts before ``lo`` needs its end looked at.
    """

    __slots__ = ("d_his", "d_los", "exact", "longest", "p_his", "p_los", "positions")

    def __init__(self, members: list[int], spans: _Spans, exact: bool) -> None:
        self.positions = _pick(spans.positions, members)
        self.p_los = _pick(spans.p_los, members)
        self.p_his = _pick(spans.p_his, members)
        self.d_los = _pick(spans.d_los, members)
        self.d_his = _pick(spans.d_his, members)
        if exact:  # every span of one length
            self.longest = self.p_his[0] - self.p_los[0] if members else 0
        else:
            self.longest = max(map(sub, self.p_his, self.p_los), default=0)
        self.exact = exact

    def query(self, lo: int, hi: int, definitely: bool, within: bool) -> list[int]:
        p_los = self.p_los
        first = bisect_left(p_los, lo - self.longest)
        stop = bisect_right(p_los, hi)
        if not definitely and not within:  # the common question: may it meet [lo, hi]?
            if self.exact:
                return self.positions[first:stop]
            inside = bisect_left(p_los, lo, first, stop)
            return self._reaching(lo, first, inside) + self.positions[inside:stop]
        p_his, d_los, d_his, positions = self.p_his, self.d_los, self.d_his, self.positions
        return [
            positions[i]
            for i in range(first, stop)
            if _matches(p_los[i], p_his[i], d_los[i], d_his[i], lo, hi, definitely, within)
        ]

    def reaching(self, lo: int) -> list[int]:
        """The positions of the spans that start before ``lo`` and end on or after it."""
        first = bisect_left(self.p_los, lo - self.longest)
        return self._reaching(lo, first, bisect_left(self.p_los, lo, first))

    def _reaching(self, lo: int, first: int, stop: int) -> list[int]:
        """Of the spans from ``first`` to ``stop``, all starting before ``lo``, those that reach it."""
        if self.exact:  # all of one length, which reaches lo from lo - longest
            return self.positions[first:stop]
        # compress() and map() test each span's end in C.
        return list(compress(self.positions[first:stop], map(lo.__le__, self.p_his[first:stop])))


def _pick(values: list[_T], indexes: list[int]) -> list[_T]:
    """``[values[i] for i in indexes]``, gathered in C."""
    if len(indexes) == 1:  # (itemgetter of one index gives the value, not a tuple)
        return [values[indexes[0]]]
    return list(itemgetter(*indexes)(values)) if indexes else []


class _Spans:
    """The spans of a collection's records as day ordinals, in parallel lists.

    ``positions`` are the records' positions in the collection (a record without a span has
    none); ``p_los``/``p_his`` the possible span (earliest start, latest end) and ``d_los``/
    ``d_his`` the definite core (latest start, earliest end), open ends as the first and last
    day there is. ``ordered`` says whether the spans are those of every record, in the records'
    order, with earliest starts that never go down (as a collection of events has them).
    """

    __slots__ = ("d_his", "d_los", "ordered", "p_his", "p_los", "positions", "years")

    def __init__(self, records: tuple[Record, ...], ends_of: Callable[[Record], _Ends | None], *, events: bool) -> None:
        if events:
            self._of_events(records)
            return
        self.ordered = False
        starts: list[PartialDate | None] = []
        ends: list[PartialDate | None] = []
        positions: list[int] = []
        for position, record in enumerate(records):
            found = ends_of(record)
            if found is not None:
                starts.append(found[0])
                ends.append(found[1])
                positions.append(position)
        # Equal dates are mostly one shared object (the loader makes them so): the ordinals of
        # each distinct object are worked out once, then looked up by identity, in C.
        start_ids = list(map(id, starts))
        end_ids = list(map(id, ends))
        distinct = dict(zip(start_ids, starts, strict=True))
        distinct.update(zip(end_ids, ends, strict=True))
        dates = [(key, date) for key, date in distinct.items() if date is not None]
        ordinals = {key: date._ordinals() for key, date in dates}
        earliest = {key: first for key, (first, _) in ordinals.items()}
        latest = {key: last for key, (_, last) in ordinals.items()}
        self.positions = positions
        # The year of each start, for count_by("year"), while the dates are at hand.
        self.years = list(map({key: date.year for key, date in dates}.get, start_ids))
        # An open start (None) is the first day there is.
        self.p_los = list(map({**earliest, id(None): _ORD_MIN}.__getitem__, start_ids))
        self.d_los = list(map({**latest, id(None): _ORD_MIN}.__getitem__, start_ids))
        # An open end (None) is the last day there is.
        self.p_his = list(map({**latest, id(None): _ORD_MAX}.__getitem__, end_ids))
        self.d_his = list(map({**earliest, id(None): _ORD_MAX}.__getitem__, end_ids))
        # A span never starts after it ends: its start is at the latest its end's latest day, and
        # its end at the earliest its start's earliest day (as Period.definite has it). Few spans
        # need it ("2017" to 2017-03-15): found by a comparison in C, then mended one by one.
        d_los, d_his, p_los, p_his = self.d_los, self.d_his, self.p_los, self.p_his
        for i in compress(range(len(d_los)), map(gt, d_los, p_his)):
            d_los[i] = p_his[i]
        for i in compress(range(len(d_his)), map(lt, d_his, p_los)):
            d_his[i] = p_los[i]

    def _of_events(self, events: tuple[Record, ...]) -> None:
        """The spans of events: each runs from its date to its end, or is its date.

        A collection holds its events in date order, and equal dates are mostly one shared
        object (the loader makes them so): the events stand in runs of one date object. Each
        run's days are worked out once, and each list made by repeating them run by run, in C.
        Only the few events with an end are then looked at one by one.
        """
        starts: list[PartialDate] = []
        ends: list[PartialDate | None] = []
        for at in range(0, len(events), _BLOCK):  # (see _BLOCK)
            block = events[at : at + _BLOCK]
            starts += map(_event_date, block)
            ends += map(_event_end, block)
        size = len(starts)
        # Where each run starts: the first event, and each whose date is not its neighbour's.
        firsts = [0, *compress(range(1, size), map(is_not, islice(starts, 1, None), starts))] if size else []
        lengths = list(map(sub, [*islice(firsts, 1, None), size], firsts))
        dates = _pick(starts, firsts)
        ordinals = list(map(PartialDate._ordinals, dates))

        def repeated(values: Iterable[_T]) -> list[_T]:
            return list(chain.from_iterable(map(repeat, values, lengths)))

        earliest = list(map(itemgetter(0), ordinals))
        self.positions = list(range(size))
        self.years = repeated(map(_year, dates))  # (for count_by("year"), while at hand)
        self.p_los = p_los = repeated(earliest)
        # In date order (a year before its months, a month before its days), no event starts
        # earlier than the one before it; checked run by run, as it costs little.
        self.ordered = all(map(le, earliest, islice(earliest, 1, None)))
        self.d_los = d_los = repeated(map(itemgetter(1), ordinals))
        # Without an end, an event ends when it starts: the latest day of its date, at the latest.
        self.p_his = p_his = d_los.copy()
        self.d_his = d_his = p_los.copy()
        for i in compress(range(size), ends):  # the events with an end
            first, last = cast(PartialDate, ends[i])._ordinals()
            p_his[i], d_his[i] = last, first
            # As in __init__: no definite start after the end, no definite end before the start.
            if d_los[i] > last:
                d_los[i] = last
            if first < p_los[i]:
                d_his[i] = p_los[i]


_year = attrgetter("year")
_event_date = attrgetter("date")
_event_end = attrgetter("end")
_event_year = attrgetter("date.year")
_record_name = attrgetter("name")
_aliases_and_acronym = attrgetter("aliases", "acronym")


class _SpanIndex:
    """The spans of a collection's records, grouped by length, for bisecting.

    Most spans are one partial date: a day, a month (28 to 31 days) or a year (365 or 366), so a
    handful of lengths hold nearly all of them. Each common length gets a group, in which the
    spans that may meet a window [lo, hi] are exactly those that start from ``lo - length`` to
    ``hi``: two bisections and a slice, whatever the number of spans. Other short spans (an
    event of several days) share a group, looked through from ``lo - longest``; long and open
    spans (a programme of ten years, or ongoing) a last one, small in practice.

    When the records are in the order of their earliest starts (events always are), those that
    start within the window are one run of positions, which one more bisection finds: only the
    spans reaching the window from before it are gathered from the groups.
    """

    __slots__ = ("_groups", "_starts")

    def __init__(self, spans: _Spans) -> None:
        lengths = list(map(sub, spans.p_his, spans.p_los))
        counts = Counter(lengths)
        common = [
            length
            for length, count in counts.most_common(_MOST_GROUPS)
            if length < _SHORT_SPAN and count * 64 >= len(lengths)
        ]
        # The group of each span: one of the common lengths, else short, else long.
        short, long = len(common), len(common) + 1
        group_of = {length: short if length < _SHORT_SPAN else long for length in counts}
        group_of.update((length, number) for number, length in enumerate(common))
        numbers = list(map(group_of.__getitem__, lengths))
        if spans.ordered:
            # In the order of their starts already: a stable sort by group alone puts each
            # group's spans together, still in that order (then of their positions).
            order = sorted(range(len(numbers)), key=numbers.__getitem__)
        else:
            # Sorting by (group, earliest start) puts each group's spans together, in the order
            # of their starts (then of their positions: the sort is stable). Both go in one int,
            # as every day ordinal is below 2**22, so the sort runs in C.
            keys = list(map(or_, map(lshift, numbers, repeat(22)), spans.p_los))  # number << 22 | start
            order = sorted(range(len(keys)), key=keys.__getitem__)
        # Either way the groups stand one after another, in order: their sizes say where each is.
        sizes = Counter[int]()
        for length, count in counts.items():
            sizes[group_of[length]] += count
        groups = []
        first = 0
        for number in range(long + 1):
            stop = first + sizes[number]
            if stop > first:
                groups.append(_Group(order[first:stop], spans, exact=number < short))
            first = stop
        self._groups = tuple(groups)
        self._starts = spans.p_los if spans.ordered else None

    def query(self, lo: int, hi: int, *, definitely: bool, within: bool = False) -> tuple[list[int], int, int]:
        """The positions of the records whose span meets [lo, hi] (or lies within it), in order:
        those in the list, then the run from the first int to the second.

        The run is empty unless the records are in the order of their starts, and then every
        position in the list comes before it.
        """
        found: list[int] = []
        starts = self._starts
        if starts is not None and lo <= hi and not definitely and not within:
            for group in self._groups:
                found += group.reaching(lo)
            found.sort()
            first = bisect_left(starts, lo)
            return found, first, bisect_right(starts, hi, first)
        for group in self._groups:
            found += group.query(lo, hi, definitely, within)
        found.sort()  # a few sorted runs, one a group: merged in a pass or two
        return found, 0, 0


def _matches(p_lo: int, p_hi: int, d_lo: int, d_hi: int, lo: int, hi: int, definitely: bool, within: bool) -> bool:
    if within:  # the span lies inside [lo, hi]
        if definitely:
            return lo <= p_lo and p_hi <= hi
        return lo <= d_lo and d_hi <= hi and p_lo <= hi and lo <= p_hi
    if definitely:  # certainly shares a day with [lo, hi]
        return d_lo <= hi and lo <= d_hi
    return p_lo <= hi and lo <= p_hi


def _day_span(when: DateLike) -> tuple[int, int]:
    """The first and last day ``when`` may be, as ordinals (None is no date here, as it is an
    open end for :func:`_day_bounds`: it raises TypeError)."""
    day = as_partial_date(when)
    return day.earliest.toordinal(), day.latest.toordinal()


def _day_bounds(start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    lo = _ORD_MIN if start is None else as_partial_date(start).earliest.toordinal()
    hi = _ORD_MAX if end is None else as_partial_date(end).latest.toordinal()
    return lo, hi


# ---------------------------------------------------------------------------------------------
# Flat records


def _flatten_into(row: dict[str, Any], name: str, value: Any) -> None:
    if isinstance(value, PartialDate) or (value is None and name in _DATE_FIELDS):
        row[name] = None if value is None else str(value)
        row[f"{name}_earliest"] = None if value is None else value.earliest
        row[f"{name}_latest"] = None if value is None else value.latest
        row[f"{name}_precision"] = None if value is None else str(value.precision)
    elif isinstance(value, Period) or (value is None and name in _PERIOD_FIELDS):
        _flatten_into(row, f"{name}_start", None if value is None else value.start)
        _flatten_into(row, f"{name}_end", None if value is None else value.end)
    elif isinstance(value, enum.Enum):
        row[name] = value.value
    elif name == "citations":
        row["citation_sources"] = sorted({c.source for c in value or ()})
    elif name == "roles":
        row["roles"] = [_role_text(role) for role in value or ()]
    elif isinstance(value, tuple):
        row[name] = list(value)
    else:
        row[name] = value


def _role_text(role: Role) -> str:
    text = role.title
    if role.body is not None:
        text += f" ({role.body})"
    if role.period is not None:
        text += f" [{role.period}]"
    return text


_DATE_FIELDS = frozenset(
    {
        "date",
        "end",
        "established",
        "dissolved",
        "signed",
        "ratified",
        "in_force",
        "published",
        "period_start",
        "period_end",
        "contribution_period_start",
        "contribution_period_end",
    }
)
_PERIOD_FIELDS = frozenset({"period", "contribution_period"})


def to_record(record: Record) -> dict[str, Any]:
    """One record as a flat dict of plain values (see :meth:`Collection.to_records`)."""
    row: dict[str, Any] = {"type": type(record).__name__.lower()}
    for field in attrs.fields(type(record)):
        _flatten_into(row, field.name, getattr(record, field.name))
    return row


def _columns(cls: type) -> list[str]:
    """The keys of :func:`to_record` for any record of ``cls``, in order (they depend on the
    class alone: an empty date still has its ``_earliest`` and other columns)."""
    row: dict[str, Any] = {"type": None}
    for field in attrs.fields(cls):
        _flatten_into(row, field.name, None)
    return list(row)


# ---------------------------------------------------------------------------------------------
# Names


# Patterns as strings: the re module compiles each on first use (and caches it), not on import.
_DASHES = r"[\u2010-\u2015\u2212]"
_SPACE = r"\s+"
_WORD = r"\w+"


def normalise(text: str) -> str:
    """Fold a name for matching: NFKC, case-folded, dashes unified, white space collapsed."""
    if text.isascii():
        # NFKC leaves ASCII as it is and ASCII has none of the dashes: the same result, for a
        # fifth of the cost. (str.split() splits on exactly what \s matches.)
        return " ".join(text.split()).lower()
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(_DASHES, "-", text).replace("\u2019", "'")
    return re.sub(_SPACE, " ", text).strip().casefold()


#: The ASCII characters besides the space that str.split() splits on.
_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _fold_all(texts: list[str]) -> list[str]:
    """``normalise()`` of each text, for many at once.

    Most names are ASCII with single spaces between words and none around them: then
    normalise() only lowers the case. Whether that holds for every one of them is asked of
    their join, a few scans in C, instead of name by name.
    """
    # Joined by spaces, a text with a space at either end, or two in a row, shows as two spaces
    # in a row (or one at an end of the whole): one scan for "  ", not one for each case.
    joined = " ".join(texts)
    plain = (
        joined.isascii()
        and "  " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and not any(space in joined for space in _ASCII_SPACES)
    )
    return list(map(str.lower if plain else normalise, texts))


def _names(record: Record) -> list[str]:
    names = [record.name, *record.aliases]
    if record.acronym:
        names.append(record.acronym)
    return names


def _unpickled_dataset(manifest: Manifest, collections: Mapping[str, tuple[Record, ...]]) -> Dataset:
    """A dataset made again from what :meth:`Dataset.__reduce__` pickled."""
    return Dataset._create(collections, manifest)


_RECORD_CLASSES: tuple[type, ...] = tuple(COLLECTIONS.values())


def _record(value: object) -> Record:
    """``value``, a record.

    Raises:
        TypeError: If it is not a record (a query given None, say, where a record belongs).
    """
    if not isinstance(value, _RECORD_CLASSES):
        raise TypeError(f"expected a record or an id (a str), not {type(value).__name__}")
    return cast("Record", value)


def _holds(by_id: Mapping[str, Record], item: object) -> bool:
    """Whether ``by_id`` has ``item``, an id, or the very record (equal to the one of its id)."""
    if isinstance(item, str):
        return item in by_id
    record_id = getattr(item, "id", None)
    return isinstance(record_id, str) and by_id.get(record_id) == item


def _id_of(value: Record | str) -> str:
    """The id ``value`` is, or the id of the record ``value`` is."""
    return value if isinstance(value, str) else _record(value).id


# ---------------------------------------------------------------------------------------------
# Collection


class Collection(Generic[R]):
    """An immutable, ordered set of records of one type, with queries.

    Events are kept in the order they happened; other records in id order. Indexing takes an
    id; iteration gives the records. Every query returns a new collection (or, for
    aggregates, plain values), so queries chain::

        ds.events.between("2014", "2016").where(kind="meeting").count_by("year")

    Like a dataset, a collection is its own copy, and it pickles as its records.
    """

    __slots__ = ("_by_id", "_dates", "_events", "_field_index", "_name", "_records", "_spans", "_years")

    def __init__(self, name: str, records: Iterable[R]) -> None:
        self._setup(name, _in_order(list(records)))

    @classmethod
    def _of(cls, name: str, records: tuple[R, ...]) -> Collection[R]:
        """A collection of records already in the collection's order: no copy, no sort."""
        self = object.__new__(cls)
        self._setup(name, records)
        return self

    def _setup(self, name: str, records: tuple[R, ...]) -> None:
        self._name = name
        self._records: tuple[R, ...] = records
        # Indexes, each built on first use (a query result that is never queried builds none).
        self._by_id: Mapping[str, R] | None = None
        self._field_index: dict[str, dict[Hashable, list[int]]] = {}
        self._spans: _SpanIndex | None = None
        self._dates: _SpanIndex | None = None
        self._years: list[int | None] | None = None
        self._events: bool | None = None  # whether every record is an Event

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
        return _holds(self._ids(), item)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._name == other._name and self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        ids = ", ".join(r.id for r in self._records[:3])
        more = ", ..." if len(self._records) > 3 else ""
        return f"<Collection {self._name}: {len(self._records)} records [{ids}{more}]>"

    def _ids(self) -> Mapping[str, R]:
        by_id = self._by_id
        if by_id is None:
            with _gc_paused():
                by_id = self._by_id = dict(zip(map(_record_id, self._records), self._records, strict=True))
        return by_id

    def __getitem__(self, record_id: str) -> R:
        """The record with that id.

        Raises:
            UnknownIdError: If no record in the collection has it; the error suggests close ids.
        """
        try:
            return self._ids()[record_id]
        except (KeyError, TypeError):
            raise UnknownIdError(record_id, _suggest(record_id, self._ids())) from None

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
        return Collection._of(self._name, records)

    # -- filters ---------------------------------------------------------------------------

    def filter(self, predicate: Callable[[R], bool]) -> Collection[R]:
        """The records for which ``predicate`` is true."""
        return Collection._of(self._name, tuple(r for r in self._records if predicate(r)))

    def where(self, **criteria: object) -> Collection[R]:
        """The records whose fields match every criterion.

        A criterion names a field and gives a value: ``kind="meeting"`` or
        ``kind=nu.EventKind.MEETING``. For a field that holds several ids (``bodies``,
        ``programmes``, ``people``, ...) the value must be among them, and the singular name
        may be used (``body="nato-ukraine-commission"``). A record may stand for its id. A
        list, set or tuple of values matches any of them.

        Raises:
            TypeError: If a criterion names no field of these records.
        """
        if not criteria:
            return self
        matches: list[list[int]] = []  # for each criterion, the positions of the records that meet it
        for key, value in criteria.items():
            index = self._index_for(self._field_name(key))
            wanted = value if isinstance(value, (list, set, frozenset, tuple)) else [value]
            if len(wanted) == 1:
                matches.append(index.get(_plain(next(iter(wanted))), []))
            else:
                matches.append(sorted({p for item in wanted for p in index.get(_plain(item), ())}))
        if len(matches) == 1:  # the index holds the answer, in order
            return self._derive(matches[0])
        return self._derive(sorted(set(matches[0]).intersection(*matches[1:])))

    def _field_name(self, key: str) -> str:
        if not isinstance(key, str):
            raise TypeError(f"expected a field name or a function of a record, not {type(key).__name__}")
        fields = self._fields()
        if fields is None or key in fields:
            return key
        for plural in (key + "s", key[:-1] + "ies" if key.endswith("y") else "", "people" if key == "person" else ""):
            if plural in fields:
                return plural
        names = ", ".join(sorted(fields))
        raise TypeError(f"{self._name} have no field {key!r}; fields: {names}")

    def _fields(self) -> frozenset[str] | None:
        """The names of the records' fields; None if not known (no records, and a collection
        name that is none of the dataset's)."""
        cls = self._record_class()
        return None if cls is None else frozenset(a.name for a in attrs.fields(cls))

    def _record_class(self) -> type | None:
        """The class of the records: the first one's, or, with none, that of the collection's name
        (an empty query result still knows its fields, so that queries chain on from it)."""
        return type(self._records[0]) if self._records else COLLECTIONS.get(self._name)

    def _index_for(self, field: str) -> dict[Hashable, list[int]]:
        """For one field, the positions of the records that hold each value (ascending)."""
        index = self._field_index.get(field)
        if index is None:
            with _gc_paused():
                index = self._field_index[field] = self._build_index(field)
        return index

    def _build_index(self, field: str) -> dict[Hashable, list[int]]:
        # Group by the values as they are, then turn each distinct value into its plain form
        # once, rather than once per record.
        groups: dict[Hashable, list[int]] = {}
        values = list(map(attrgetter(field), self._records))
        if any(map(isinstance, values, repeat(tuple))):  # a field of several values (ids)
            for position, value in enumerate(values):
                for key in value if isinstance(value, tuple) else (value,):
                    groups.setdefault(key, []).append(position)
        else:
            for position, key in enumerate(values):
                found = groups.get(key)
                if found is None:
                    groups[key] = [position]
                else:
                    found.append(position)
        index: dict[Hashable, list[int]] = {}
        for key, positions in groups.items():
            plain = _plain(key)
            index[plain] = sorted(index[plain] + positions) if plain in index else positions
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
        lo, hi = _day_bounds(start, end)
        return self._derive(*self._date_index().query(lo, hi, definitely=definitely, within=definitely))

    def on(self, when: DateLike, *, definitely: bool = False) -> Collection[R]:
        """The records dated on ``when`` (a day, a month or a year).

        Args:
            when: The date.
            definitely: Keep only the records certainly dated then (a record dated "2016" is
                only possibly on 2016-07-09).
        """
        lo, hi = _day_span(when)
        return self._derive(*self._date_index().query(lo, hi, definitely=definitely))

    def active_on(self, when: DateLike, *, definitely: bool = False) -> Collection[R]:
        """The records whose span overlaps ``when`` (a day, a month or a year).

        A programme that started in "2016" is definitely active on 2016-12-31 (if it had not
        ended) but only possibly on 2016-03-01; both are included unless ``definitely`` is
        set. Use :meth:`certainty` for the answer for one record.

        Args:
            when: The date.
            definitely: Keep only the records certainly active then.
        """
        lo, hi = _day_span(when)
        return self._derive(*self._span_index().query(lo, hi, definitely=definitely))

    def certainty(self, record: R | str, when: DateLike) -> Certainty:
        """Whether one record was active on ``when``: DEFINITELY, POSSIBLY or NOT."""
        found = self[record] if isinstance(record, str) else _record(record)
        span = record_span(found)
        return Certainty.NOT if span is None else span.overlaps(when)

    def _all_events(self) -> bool:
        """Whether every record is an Event (exactly: a subclass may date itself otherwise)."""
        events = self._events
        if events is None:
            events = self._events = bool(self._records) and set(map(type, self._records)) == {Event}
        return events

    def _date_index(self) -> _SpanIndex:
        if self._dates is None:
            with _gc_paused():
                spans = _Spans(self._records, _date_ends, events=self._all_events())
                self._dates = _SpanIndex(spans)
            if self._years is None and len(spans.positions) == len(self._records):  # every record dated
                self._years = spans.years
        return self._dates

    def _span_index(self) -> _SpanIndex:
        if self._spans is None:
            if self._all_events():
                self._spans = self._date_index()  # an event's span is its date
            else:
                with _gc_paused():
                    self._spans = _SpanIndex(_Spans(self._records, _span_ends, events=False))
        return self._spans

    def _year_list(self) -> list[int | None]:
        """The year each record is dated by (None for an undated one), in order."""
        years = self._years
        if years is None:
            if self._all_events():
                years = list(map(_event_year, self._records))
            else:
                years = []
                for record in self._records:
                    ends = _date_ends(record)
                    start = None if ends is None else ends[0]
                    years.append(None if start is None else start.year)
            self._years = years
        return years

    # -- aggregates ------------------------------------------------------------------------

    def count_by(self, key: str | Callable[[R], Any]) -> dict[Any, int]:
        """Count the records by a key, ordered by key (records with no value last, as None).

        Args:
            key: A field name (``"kind"``, ``"level"``, ``"bodies"``), ``"year"`` or
                ``"decade"`` of the record's date, or a function of a record. A key with
                several values (``"bodies"``) counts the record under each; enums count under
                their values.

        Returns:
            A dict from key to count.
        """
        counts: Counter[Any] = Counter()
        if key == "year":
            years = self._year_list()
            if self._all_events():  # in date order (as _in_order puts them, and every query keeps
                return _runs_counted(years)  # them), so in runs of one year: a bisection a year
            counts.update(years)  # counted in C from the list of years, which is kept
            return dict(sorted(counts.items(), key=lambda kv: _order_key(kv[0])))
        keyfunc = self._key_function(key)
        for record in self._records:
            value = keyfunc(record)
            if isinstance(value, (tuple, list, set, frozenset)):
                counts.update(_plain(v) for v in value)
            else:
                counts[_plain(value)] += 1
        return dict(sorted(counts.items(), key=lambda kv: _order_key(kv[0])))

    def _key_function(self, key: str | Callable[[R], Any]) -> Callable[[R], Any]:
        if callable(key):
            return key
        if key in ("year", "decade"):
            step = 1 if key == "year" else 10

            def by_year(record: R) -> int | None:
                ends = _date_ends(record)
                start = None if ends is None else ends[0]
                return None if start is None else start.year // step * step

            return by_year
        field = self._field_name(key)
        return lambda record: getattr(record, field)

    def to_records(self) -> list[dict[str, Any]]:
        """The records as flat dicts of plain values, one key per column.

        A partial date ``d`` becomes ``d`` (its ISO text), ``d_earliest`` and ``d_latest``
        (:class:`datetime.date`) and ``d_precision`` (``"year"``, ``"month"`` or ``"day"``); a
        period ``p`` becomes ``p_start...`` and ``p_end...`` the same way; enums become their
        values; references become lists of ids; citations become ``citation_sources``, the
        ids of the sources cited. Uses the standard library only.
        """
        return [to_record(record) for record in self._records]

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame, one row a record, the columns of :meth:`to_records`.

        The ``*_earliest`` and ``*_latest`` columns are datetime64 columns.

        Raises:
            ImportError: If pandas is not installed (``pip install "nato-ukraine[pandas]"``).
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError(
                'Collection.to_pandas() needs pandas, which is not installed: pip install "nato-ukraine[pandas]"'
            ) from exc
        rows = self.to_records()
        cls = self._record_class()
        columns = list(rows[0]) if rows else ["type", "id"] if cls is None else _columns(cls)
        frame: pandas.DataFrame = pd.DataFrame(rows, columns=columns)
        for column in columns:
            if column.endswith(("_earliest", "_latest")):
                frame[column] = pd.to_datetime(frame[column])
        return frame


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str) and attrs.has(type(value)):
        return record_id
    return value


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


def _order_key(value: Any) -> tuple[int, str, Any]:
    if value is None:
        return (2, "", 0)
    if isinstance(value, (int, float)):
        return (0, "", value)
    return (1, str(value), 0)


def _suggest(key: object, known: Mapping[str, object]) -> list[str]:
    if not isinstance(key, str):
        return []
    import difflib  # imported on first use: only a failed lookup needs it

    return difflib.get_close_matches(key, list(known), n=3, cutoff=0.6)


class _OfKind(Mapping[str, Any]):
    """The records of one type in an index of records by id: a view, not a copy."""

    __slots__ = ("_kind", "_records")

    def __init__(self, records: Mapping[str, Record], kind: type) -> None:
        self._records = records
        self._kind = kind

    def __getitem__(self, record_id: str) -> Any:
        record = self._records[record_id]
        if type(record) is not self._kind:
            raise KeyError(record_id)
        return record

    def __iter__(self) -> Iterator[str]:
        return (record_id for record_id, record in self._records.items() if type(record) is self._kind)

    def __len__(self) -> int:
        return sum(1 for _ in self)


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

    __slots__ = (
        "_by_id",
        "_edges",
        "_manifest",
        "_named",
        "_names",
        "agreements",
        "bodies",
        "events",
        "operations",
        "people",
        "programmes",
        "sources",
    )

    _by_id: dict[str, Record]
    _edges: tuple[list[Edge], dict[str, list[Edge]]] | None
    _manifest: Manifest
    _named: list[Record] | None
    _names: _Names | None
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
    def _create(
        cls,
        collections: Mapping[str, Iterable[Record]],
        manifest: Manifest,
        *,
        by_id: dict[str, Record] | None = None,
        exact: bool = False,
        order_keys: Mapping[str, list[str]] | None = None,
        named: list[Record] | None = None,
    ) -> Dataset:
        """Make a dataset of validated records.

        Args:
            collections: The records of each collection, in any order.
            manifest: What the dataset says of itself.
            by_id: Every record by id, when the caller has built that index already (the
                loader does, as it checks ids); built here otherwise.
            exact: Every record is of exactly its collection's class (as the loader makes
                them): the collections need not look through them to know.
            order_keys: For some collections, the order keys of one list of records given
                (see :func:`_in_key_order`); used when they are as many as the collection's
                records, which are then that list's.
            named: The records that have aliases or an acronym, in the order of ``by_id``,
                when the caller knows them (see :func:`_name_index`); found when needed
                otherwise.
        """
        self = object.__new__(cls)
        self._manifest = manifest
        built: dict[str, Record] = {}
        for name in COLLECTIONS:
            records = collections.get(name, ())
            keys = None if order_keys is None else order_keys.get(name)
            collection: Collection[Any]
            # A collection is its lists of records one after another, and the keys are those of
            # one of them: as many keys as records means the others are empty (or there are none).
            if keys is not None and isinstance(records, list) and len(keys) == len(records):
                collection = Collection._of(name, _in_key_order(records, keys))
            else:
                collection = Collection(name, records)
            object.__setattr__(self, name, collection)
            if by_id is None:
                for record in collection:
                    built[record.id] = record
        self._by_id = built if by_id is None else by_id
        for name, kind in COLLECTIONS.items():
            # Each collection finds its ids in the dataset's index (of every record), keeping
            # those of its own type: no second index of a hundred thousand ids to build.
            collection = getattr(self, name)
            collection._by_id = _OfKind(self._by_id, kind)
            if exact:
                collection._events = kind is Event and bool(collection)
        self._named = named if by_id is not None else None  # (in the order of that index)
        self._names = None
        self._edges = None
        return self

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        raise AttributeError("a Dataset is immutable")

    # A dataset is immutable: a copy is the dataset itself. Pickled, it is its records and its
    # manifest, and it is made again from them (its indexes are built anew, on first use).

    def __copy__(self) -> Dataset:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickled_dataset, (self._manifest, {name: getattr(self, name)._records for name in COLLECTIONS})

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
        for collection in self.collections().values():
            yield from collection

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
        return self._manifest == other._manifest and all(
            getattr(self, name) == getattr(other, name) for name in self.collections()
        )

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
        import json

        from nato_ukraine._loader import _converter

        converter = _converter()
        payload: dict[str, Any] = {"manifest": converter.unstructure(self._manifest)}
        for name, collection in self.collections().items():
            records = sorted(collection, key=lambda r: r.id)
            payload[name] = [converter.unstructure(record) for record in records]
        text = json.dumps(payload, ensure_ascii=False, indent=indent, sort_keys=True) + "\n"
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
            raise UnknownIdError(record_id, _suggest(record_id, self._by_id)) from None

    def __contains__(self, item: object) -> bool:
        """Whether the dataset has a record of that id, or that record (as a collection answers)."""
        return _holds(self._by_id, item)

    def get(self, record_id: str, default: Record | None = None) -> Record | None:
        """Any record by id, or ``default`` (None) when there is none."""
        return self._by_id.get(record_id, default)

    def _name_index(self) -> _Names:
        names = self._names
        if names is None:
            with _gc_paused():
                names = self._names = _name_index(self._by_id.values(), self._named)
                self._named = None
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
            UnknownNameError: If nothing has that name (a KeyError, with suggestions).
            AmbiguousNameError: If more than one record fits; it lists them.
        """
        try:
            if name in self._by_id:
                return self._by_id[name]
            folded = normalise(name)
        except (AttributeError, TypeError):  # (told apart only when it fails: a lookup is a microsecond)
            raise TypeError(f"expected a name (a str), not {type(name).__name__}") from None
        first, shared = self._name_index()
        candidates: list[Record] | None = shared.get(folded)
        if candidates is None:  # a name of one record, or of none
            found = first.get(folded)
            if found is not None:
                return found
            # Suggest names as the records write them, not in their folded form.
            close = _suggest(folded, first)
            raise UnknownNameError(name, [_written(first[key], key) for key in close])
        if on is not None:
            when = as_partial_date(on)
            for level in (Certainty.DEFINITELY, Certainty.POSSIBLY):
                fitting = [c for c in candidates if _active(c, when) is level]
                if len(fitting) == 1:
                    return fitting[0]
                if len(fitting) > 1:
                    candidates = fitting
                    break
        raise AmbiguousNameError(name, sorted(candidates, key=lambda r: r.id), on)

    def search(self, text: str, *, limit: int | None = None) -> list[Record]:
        """Records whose names, aliases or descriptions match ``text``, best first.

        Ranking: an exact id, name, acronym or alias; then a name that starts with the text;
        then names containing every word; then descriptions containing every word. Ties are
        broken by id, so the order is the same on every run.

        Args:
            text: Words to look for, in any case.
            limit: At most this many results (0 or more).

        Raises:
            TypeError: If ``text`` is not a string.
            ValueError: If ``limit`` is below 0.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected the text to search for (a str), not {type(text).__name__}")
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        query = normalise(text)
        words = re.findall(_WORD, query)
        if not words:
            return []
        scored: list[tuple[int, str, Record]] = []
        for record in self._by_id.values():
            names = [normalise(n) for n in _names(record)]
            if query == record.id or query in names:
                score = 0
            elif any(n.startswith(query) for n in names):
                score = 1
            elif any(query in n for n in names):
                score = 2
            elif all(any(w in n for n in names) for w in words):
                score = 3
            elif all(w in normalise(record.description) for w in words):
                score = 4
            else:
                continue
            scored.append((score, record.id, record))
        scored.sort(key=lambda item: (item[0], item[1]))
        results = [record for _, _, record in scored]
        return results if limit is None else results[:limit]

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
        from nato_ukraine.timeline import _timeline

        return _timeline(self._by_id.values(), *_day_bounds(start, end))

    # -- graph -----------------------------------------------------------------------------

    def _graph(self) -> tuple[list[Edge], dict[str, list[Edge]]]:
        graph = self._edges
        if graph is None:
            from nato_ukraine.graph import _graph_of

            with _gc_paused():
                graph = self._edges = _graph_of(self._by_id.values())
        return graph

    def edges(self, relation: Relation | str | None = None) -> list[Edge]:
        """Every link between records, sorted; only those of one relation if given."""
        from nato_ukraine.graph import Relation

        edges = self._graph()[0]
        if relation is None:
            return list(edges)
        wanted = Relation(relation)
        return [edge for edge in edges if edge.relation is wanted]

    def related(self, record: Record | str, *, relation: Relation | str | None = None) -> list[Neighbour]:
        """The records linked to ``record``, in both directions, with how they are linked.

        A body's parent (PART_OF, outgoing) and its parts (PART_OF, incoming); its
        predecessor and successor (SUCCEEDS); the programmes it runs; the events that involve
        it; the sources it cites. Ordered by relation, direction, then id.

        Args:
            record: A record or its id.
            relation: Only links of this kind.

        Raises:
            UnknownIdError: If no record has that id.
        """
        from nato_ukraine.graph import Direction, Neighbour, Relation

        rid = _id_of(record)
        self[rid]  # raises UnknownIdError for an unknown id
        wanted = None if relation is None else Relation(relation)
        found: list[Neighbour] = []
        for edge in self._graph()[1].get(rid, []):
            if wanted is not None and edge.relation is not wanted:
                continue
            if edge.source == rid:
                found.append(Neighbour(edge.relation, Direction.OUTGOING, self._by_id[edge.target]))
            if edge.target == rid:
                found.append(Neighbour(edge.relation, Direction.INCOMING, self._by_id[edge.source]))
        found.sort(key=lambda n: (n.relation.value, n.direction.value, n.record.id))
        return found

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
        from nato_ukraine.graph import Relation

        a, b = _id_of(start), _id_of(end)
        self[a], self[b]  # raise UnknownIdError for unknown ids
        touching = self._graph()[1]
        came_from: dict[str, Edge | None] = {a: None}
        queue = deque([a])
        while queue:
            node = queue.popleft()
            if node == b:
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


#: The name index: under each folded name, alias and acronym, the first record so called; and,
#: for the names that several records share, all of them (see :func:`_name_index`).
_Names = tuple[dict[str, Record], dict[str, list[Record]]]


def _name_index(records: Iterable[Record], named: Sequence[Record] | None = None) -> _Names:
    """Every record under each of its names, acronym and aliases, normalised, in the order of
    ``records``: those a name is the name of, then those it is an alias or acronym of.
    ``named``: the records that have aliases or an acronym, in that order, if known (the loader
    notes them as it makes the records of a large file); else they are picked out here.

    Most names are one record's: the first dict gives the first record of each name, and the
    second, for the few names that several records share, all of them. Filing each record in a
    list of its own, in a Python loop, cost half as much again at 100,000 records (and a list
    an entry); here setdefault files the records in C, and hands back, for a record whose name
    an earlier one has, that earlier record.
    """
    records = list(records)
    keys = _fold_all(list(map(_record_name, records)))
    first: dict[str, Record] = {}
    kept = list(map(first.setdefault, keys, records))
    shared: dict[str, list[Record]] = {}
    if len(first) < len(records):  # a name some records share
        for key, record in compress(zip(keys, records, strict=True), map(is_not, kept, records)):
            shared.setdefault(key, [first[key]]).append(record)
    if named is None:
        named = _named_of(records)
    for record in named:
        key = normalise(record.name)
        for other in dict.fromkeys(normalise(n) for n in _names(record)[1:]):
            if other != key:
                earlier = first.setdefault(other, record)
                if earlier is not record:
                    shared.setdefault(other, [earlier]).append(record)
    return first, shared


def _named_of(records: Sequence[Record]) -> list[Record]:
    """The records that have aliases or an acronym, in order (any() of the pair picks them out, in C)."""
    return list(compress(records, map(any, map(_aliases_and_acronym, records))))


def _written(record: Record, folded: str) -> str:
    """The name, alias or acronym of ``record`` whose folded form is ``folded``."""
    return next((name for name in _names(record) if normalise(name) == folded), record.name)


def _active(record: Record, when: PartialDate) -> Certainty:
    span = record_span(record)
    if span is None:
        return Certainty.POSSIBLY
    return span.overlaps(when)
