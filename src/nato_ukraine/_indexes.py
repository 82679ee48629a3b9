"""The indexes a collection and a dataset build on first use: spans of days, names, field values.

* :class:`SpanIndex`: the date or the span of each record as day ordinals, grouped by length, so
  that the records meeting a window of days are found by bisection (``between``, ``on``,
  ``active_on``).
* :func:`name_index`: every record under each of its names, aliases and acronyms, folded
  (``lookup``).
* :func:`field_index`: the positions of the records that hold each value of one field (``where``).

What a record's date, span and names are comes from its class's field metadata
(:func:`nato_ukraine._fields.dating`, :func:`nato_ukraine._fields.naming`).
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date as _date
from itertools import compress, repeat
from operator import add, attrgetter, gt, is_, is_not, itemgetter, lshift, lt, mul, or_, sub
from typing import Any, TypeVar

from nato_ukraine._fields import Ends, dating, naming
from nato_ukraine._search import fold, fold_all
from nato_ukraine.dates import DateLike, PartialDate, as_partial_date

__all__ = [
    "ORD_MAX",
    "ORD_MIN",
    "Names",
    "OfKind",
    "SpanIndex",
    "Spans",
    "Suggestions",
    "days_between",
    "days_of",
    "field_index",
    "fold_all",
    "in_order",
    "name_index",
    "pick",
    "plain",
    "values_index",
    "written",
]

_T = TypeVar("_T")
_R = TypeVar("_R")

ORD_MIN = _date.min.toordinal()
ORD_MAX = _date.max.toordinal()

#: A span whose last day is this many days or more after its first (more than any single partial
#: date spans: a leap year is 365 after its first day) goes in the group for long and open spans.
_SHORT_SPAN = 367
#: At most this many lengths get a group of their own, each shared by at least 1/64 of the spans.
_MOST_GROUPS = 16


class Spans:
    """The spans of records as day ordinals, in parallel lists.

    ``positions`` are the records' positions in their collection (a record without a span has
    none); ``p_los``/``p_his`` the possible span (earliest start, latest end) and ``d_los``/
    ``d_his`` the definite core (latest start, earliest end), open ends as the first and last
    day there is. ``ordered`` says whether the spans are those of every record, in the records'
    order, with earliest starts that never go down (as a collection of events has them).
    """

    __slots__ = ("d_his", "d_los", "ordered", "p_his", "p_los", "positions")

    def __init__(self, records: Sequence[Any], ends_of: Callable[[Any], Ends | None]) -> None:
        starts, ends, positions = _occurrences(records) or _ends_of(records, ends_of)
        # Equal dates are mostly one shared object (the loader makes them so): the ordinals of
        # each distinct object are worked out once, then looked up by identity, in C.
        start_ids = list(map(id, starts))
        end_ids = list(map(id, ends))
        distinct = dict(zip(start_ids, starts, strict=True))
        distinct.update(zip(end_ids, ends, strict=True))
        dates = {key: date for key, date in distinct.items() if date is not None}
        earliest = {key: date.earliest.toordinal() for key, date in dates.items()}
        latest = {key: date.latest.toordinal() for key, date in dates.items()}
        self.positions = positions
        # An open start (None) is the first day there is; an open end, the last.
        none = id(None)
        self.p_los = p_los = list(map({**earliest, none: ORD_MIN}.__getitem__, start_ids))
        # An open end makes the definite core empty (from the last day there is to the first):
        # with an end unknown, no day is certainly in the span (as Period.definite has it).
        self.d_los = d_los = list(map({**latest, none: ORD_MAX}.__getitem__, start_ids))
        self.p_his = p_his = list(map({**latest, none: ORD_MAX}.__getitem__, end_ids))
        self.d_his = d_his = list(map({**earliest, none: ORD_MIN}.__getitem__, end_ids))
        # A span never starts after it ends: its start is at the latest its end's latest day, and
        # its end at the earliest its start's earliest day (as Period.definite has it). Few spans
        # need it ("2017" to 2017-03-15): found by a comparison in C, then mended one by one. A
        # span with an open start stays empty (its start is the last day there is); one with an
        # open end is made empty after.
        for i in compress(range(len(d_los)), map(gt, d_los, p_his)):
            if starts[i] is not None:
                d_los[i] = p_his[i]
        for i in compress(range(len(d_his)), map(lt, d_his, p_los)):
            d_his[i] = p_los[i]
        for i in compress(range(len(d_los)), map(is_, ends, repeat(None))):
            d_los[i], d_his[i] = ORD_MAX, ORD_MIN
        self.ordered = len(positions) == len(records) and not any(map(gt, p_los, p_los[1:]))


def _occurrences(records: Sequence[Any]) -> tuple[list[Any], list[Any], list[int]] | None:
    """The starts and ends of records all of one class with an occurrence date (events), whose
    date is their span: read a field at a time across them, in C. None for other records."""
    classes = set(map(type, records))
    dates = dating(classes.pop()) if len(classes) == 1 else None
    if dates is None or dates.occurred is None:
        return None
    starts = list(map(attrgetter(dates.occurred), records))
    ends = starts
    if dates.until is not None:  # (an event without an end ends on its date)
        until = map(attrgetter(dates.until), records)
        ends = [start if end is None else end for start, end in zip(starts, until, strict=True)]
    return starts, ends, list(range(len(records)))


def _ends_of(
    records: Sequence[Any], ends_of: Callable[[Any], Ends | None]
) -> tuple[list[PartialDate | None], list[PartialDate | None], list[int]]:
    """The starts and ends of the records that ``ends_of`` gives them, and their positions."""
    starts: list[PartialDate | None] = []
    ends: list[PartialDate | None] = []
    positions: list[int] = []
    for position, record in enumerate(records):
        found = ends_of(record)
        if found is not None:
            starts.append(found[0])
            ends.append(found[1])
            positions.append(position)
    return starts, ends, positions


class _Group:
    """Spans sorted by earliest start, as parallel lists of day ordinals, and the longest of them.

    The spans that may meet a window [lo, hi] all start between ``lo - longest`` and ``hi``,
    which two bisections find. When every span of the group has the same length (``exact``),
    that is the answer; otherwise a span that starts before ``lo`` needs its end looked at.
    """

    __slots__ = ("d_his", "d_los", "exact", "longest", "p_his", "p_los", "positions")

    def __init__(self, members: list[int], spans: Spans, exact: bool) -> None:
        self.positions = pick(spans.positions, members)
        self.p_los = pick(spans.p_los, members)
        self.p_his = pick(spans.p_his, members)
        self.d_los = pick(spans.d_los, members)
        self.d_his = pick(spans.d_his, members)
        self.longest = max(map(sub, self.p_his, self.p_los))  # (a group has a span at least)
        self.exact = exact

    def query(self, lo: int, hi: int, definitely: bool, within: bool) -> list[int]:
        """The positions of the spans that may meet [lo, hi]; with ``definitely``, that certainly
        share a day with it; with ``within`` too, that certainly lie inside it."""
        p_los = self.p_los
        first = bisect_left(p_los, lo - self.longest)
        stop = bisect_right(p_los, hi)
        if not definitely:  # the common question: may it meet [lo, hi]?
            return self._reaching(lo, first, stop)
        p_his, d_los, d_his, positions = self.p_his, self.d_los, self.d_his, self.positions
        return [
            positions[i] for i in range(first, stop) if _certain(p_los[i], p_his[i], d_los[i], d_his[i], lo, hi, within)
        ]

    def reaching(self, lo: int) -> list[int]:
        """The positions of the spans that start before ``lo`` and end on or after it."""
        first = bisect_left(self.p_los, lo - self.longest)
        return self._reaching(lo, first, bisect_left(self.p_los, lo, first))

    def _reaching(self, lo: int, first: int, stop: int) -> list[int]:
        """Of the spans from ``first`` to ``stop`` (all starting from ``lo - longest``), those
        that end on or after ``lo``."""
        if self.exact:  # all of one length, which reaches lo from lo - longest
            return self.positions[first:stop]
        # compress() and map() test each span's end in C.
        return list(compress(self.positions[first:stop], map(lo.__le__, self.p_his[first:stop])))


def pick(values: list[_T], indexes: list[int]) -> list[_T]:
    """``[values[i] for i in indexes]``, gathered in C."""
    if len(indexes) == 1:  # (itemgetter of one index gives the value, not a tuple)
        return [values[indexes[0]]]
    return list(itemgetter(*indexes)(values)) if indexes else []


def _certain(p_lo: int, p_hi: int, d_lo: int, d_hi: int, lo: int, hi: int, within: bool) -> bool:
    """Whether a span certainly lies inside [lo, hi] (``within``), or else certainly shares a day with it."""
    if within:
        return lo <= p_lo and p_hi <= hi
    return d_lo <= hi and lo <= d_hi


class SpanIndex:
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

    def __init__(self, spans: Spans) -> None:
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
        # Sorting by (group, earliest start) puts each group's spans together, in the order of
        # their starts (then of their positions: the sort is stable). Both go in one int, as
        # every day ordinal is below 2**22, so the sort runs in C.
        keys = list(map(or_, map(lshift, numbers, repeat(22)), spans.p_los))  # number << 22 | start
        order = sorted(range(len(keys)), key=keys.__getitem__)
        sizes = Counter(numbers)
        groups = []
        first = 0
        for number in sorted(sizes):  # the groups stand one after another, in order
            stop = first + sizes[number]
            groups.append(_Group(order[first:stop], spans, exact=number < short))
            first = stop
        self._groups = tuple(groups)
        self._starts = spans.p_los if spans.ordered else None

    def query(self, lo: int, hi: int, *, definitely: bool, within: bool = False) -> tuple[list[int], int, int]:
        """The positions of the records whose span may meet [lo, hi] (``lo <= hi``), in order:
        those in the list, then the run from the first int to the second. With ``definitely``,
        those whose span certainly shares a day with it; with ``within`` too, those whose span
        certainly lies inside it.

        The run is empty unless the records are in the order of their starts, and then every
        position in the list comes before it.
        """
        found: list[int] = []
        starts = self._starts
        if starts is not None and not definitely:
            for group in self._groups:
                found += group.reaching(lo)
            found.sort()
            first = bisect_left(starts, lo)
            return found, first, bisect_right(starts, hi, first)
        for group in self._groups:
            found += group.query(lo, hi, definitely, within)
        found.sort()  # a few sorted runs, one a group: merged in a pass or two
        return found, 0, 0


# ---------------------------------------------------------------------------------------------
# Order and ids


def in_order(records: Iterable[_R]) -> tuple[_R, ...]:
    """The records in a collection's order: those of a class with an occurrence date (events)
    in the order they happened, by date, then end, then id; before them, any other record, by id.

    Their positions are sorted by id, then (stably) by one int per record for its dates. Every
    step is a builtin mapped in C, and what is read of the records is read in the order they
    lie in memory (at a hundred thousand records, reading them in another order costs more
    than the sorts). The int of each distinct date object is worked out once (the loader makes
    equal dates one object).
    """
    records = list(records)
    order = sorted(range(len(records)), key=list(map(attrgetter("id"), records)).__getitem__)
    ranks: list[int] | None = None
    for cls in set(map(type, records)):
        dates = dating(cls)
        if dates.occurred is not None:  # (of records of several classes, each has its own class's rank)
            keys = _date_ranks(cls, records, dates.occurred, dates.until)
            ranks = keys if ranks is None else list(map(add, ranks, keys))
    if ranks is not None:
        order.sort(key=ranks.__getitem__)
    return tuple(pick(records, order))


def _date_ranks(cls: type, records: list[Any], occurred: str, until: str | None) -> list[int]:
    """For each record, an int that orders it by its date then its end (0 for a record not of ``cls``)."""
    own = list(map(is_, map(type, records), repeat(cls)))
    chosen = records if all(own) else list(compress(records, own))
    firsts = list(map(attrgetter(occurred), chosen))
    ends = list(map(attrgetter(until), chosen)) if until is not None else []
    distinct = dict(zip(map(id, firsts), firsts, strict=True))
    distinct.update(zip(map(id, ends), ends, strict=True))
    rank_of = {key: _rank(date) for key, date in distinct.items()}
    ranks = list(map(mul, map(rank_of.__getitem__, map(id, firsts)), repeat(100_000_000)))
    if any(ends):
        ranks = list(map(add, ranks, map(rank_of.__getitem__, map(id, ends))))
    if chosen is records:
        return ranks
    chosen_ranks = iter(ranks)
    return [next(chosen_ranks) if mine else 0 for mine in own]


def _rank(date: PartialDate | None) -> int:
    """One int that orders partial dates as they order (``1997`` < ``1997-01`` < ``1997-01-01``); 0 for none."""
    return 0 if date is None else date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0)


class OfKind(Mapping[str, Any]):
    """The records of one type in an index of records by id: a view, not a copy."""

    __slots__ = ("_kind", "_records")

    def __init__(self, records: Mapping[str, Any], kind: type) -> None:
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
# Field values


def plain(value: object) -> Any:
    """A value of a field as ``where`` keys it: an enum by its value. (Fields refer to records by
    their ids, so no record is a value.)"""
    return value.value if isinstance(value, enum.Enum) else value


def field_index(records: Sequence[Any], field: str) -> dict[Hashable, list[int]]:
    """For one field, the positions of the records that hold each value (ascending), by its
    :func:`plain` form; a record whose field holds several values (ids) is under each, and one
    whose field holds none under None (as ``count_by`` counts it)."""
    # Group by the values as they are, then turn each distinct value into its plain form once,
    # rather than once per record.
    groups: dict[Hashable, list[int]] = {}
    values = list(map(attrgetter(field), records))
    if any(map(isinstance, values, repeat(tuple))):  # a field of several values (ids), in every record
        for position, value in enumerate(values):
            for key in value or (None,):
                groups.setdefault(key, []).append(position)
    else:
        for position, key in enumerate(values):
            found = groups.get(key)
            if found is None:
                groups[key] = [position]
            else:
                found.append(position)
    return {plain(key): positions for key, positions in groups.items()}  # (distinct members, distinct values)


def values_index(records: Sequence[Any], read: Callable[[Any], Iterable[Any]]) -> dict[Hashable, list[int]]:
    """The positions of the records under each value ``read`` gives of them (ascending, each
    record once under a value; one with none under None), by its :func:`plain` form: the index
    of a key read from records nested in each (an event's participants)."""
    index: dict[Hashable, list[int]] = {}
    for position, record in enumerate(records):
        for key in dict.fromkeys(map(plain, read(record))) or (None,):
            index.setdefault(key, []).append(position)
    return index


# ---------------------------------------------------------------------------------------------
# Names

#: The name index: under each folded name, alias and acronym, the first record so called; and,
#: for the names that several records share, all of them (see :func:`name_index`).
Names = tuple[dict[str, Any], dict[str, list[Any]]]


def name_index(records: Iterable[Any]) -> Names:
    """Every record under each of its names, acronyms and aliases, folded, in the order of
    ``records``: those a name is the name of, then those it is an alias or acronym of.

    Most names are one record's: the first dict gives the first record of each name, and the
    second, for the few names that several records share, all of them. ``dict.setdefault``
    files the records in C, and hands back, for a record whose name an earlier one has, that
    earlier record. Which fields are names comes from each class's field metadata, read a
    field at a time across the records of the class.
    """
    records = list(records)
    names: list[str] = [""] * len(records)
    named: list[bool] = [False] * len(records)
    for cls in set(map(type, records)):
        naming_of = naming(cls)
        mine = [i for i, record in enumerate(records) if type(record) is cls]
        chosen = pick(records, mine)
        for i, name in zip(mine, map(attrgetter(naming_of.name[0]), chosen), strict=True):
            names[i] = name
        others = (*naming_of.aliases, *(field for field, _ in naming_of.nested), *naming_of.acronyms)
        if others:
            for i, has in zip(mine, map(any, map(attrgetter(*others, others[0]), chosen)), strict=True):
                named[i] = has
    keys = fold_all(names)
    first: dict[str, Any] = {}
    kept = list(map(first.setdefault, keys, records))
    shared: dict[str, list[Any]] = {}
    if len(first) < len(records):  # a name some records share
        for key, record in compress(zip(keys, records, strict=True), map(is_not, kept, records)):
            shared.setdefault(key, [first[key]]).append(record)
    for record in compress(records, named):  # the few with an alias or an acronym
        written_names = naming(type(record)).names(record)
        key = fold(written_names[0])
        for other in dict.fromkeys(map(fold, written_names[1:])):
            if other != key:
                earlier = first.setdefault(other, record)
                if earlier is not record:
                    shared.setdefault(other, [earlier]).append(record)
    # A name of punctuation alone names nothing to look up. (Lookup asks for no shared name
    # that folds to nothing, so "" is left in ``shared``.)
    first.pop("", None)
    return first, shared


def written(record: Any, folded: str) -> str:
    """The name, alias or acronym of ``record`` whose folded form is ``folded`` (one of them has it)."""
    return next(name for name in naming(type(record)).names(record) if fold(name) == folded)


class Suggestions:
    """Close matches for a key that is not there, at a cost that does not grow with the keys.

    A key mistyped near its end sorts next to the key it was meant to be, and one mistyped near
    its start sorts next to it read backwards: the keys are kept sorted both ways, and the
    candidates for a key are those beside where it would stand in each (two bisections), ranked
    by ``difflib``'s ratio. Built on the first failed lookup, not at load.
    """

    #: How many keys beside a key's place, on each side, in each order, are candidates.
    NEIGHBOURS = 12

    __slots__ = ("_backward", "_forward")

    def __init__(self, keys: Iterable[str]) -> None:
        self._forward = sorted(keys)
        self._backward = sorted(key[::-1] for key in self._forward)

    def suggest(self, key: object) -> list[str]:
        """Up to three keys close to ``key`` (a ``difflib`` ratio of 0.6 or more: its defaults),
        best first; none for a key that is not a str."""
        if not isinstance(key, str):
            return []
        import difflib  # imported on first use: only a failed lookup needs it

        found = self._around(self._forward, key)
        found |= {candidate[::-1] for candidate in self._around(self._backward, key[::-1])}
        return difflib.get_close_matches(key, sorted(found))

    def _around(self, keys: list[str], key: str) -> set[str]:
        at = bisect_left(keys, key)
        return set(keys[max(0, at - self.NEIGHBOURS) : at + self.NEIGHBOURS])


def days_of(when: DateLike) -> tuple[int, int]:
    """The first and last day ``when`` may be, as ordinals."""
    day = as_partial_date(when)
    return day.earliest.toordinal(), day.latest.toordinal()


def days_between(start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    """The first day ``start`` may be and the last ``end`` may be, as ordinals (None: no bound).

    Raises:
        ValueError: If the start is certainly after the end (the bounds are reversed).
    """
    first = None if start is None else as_partial_date(start)
    last = None if end is None else as_partial_date(end)
    lo = ORD_MIN if first is None else first.earliest.toordinal()
    hi = ORD_MAX if last is None else last.latest.toordinal()
    if lo > hi:
        raise ValueError(f"the start {first} is after the end {last}: give the earlier date first")
    return lo, hi
