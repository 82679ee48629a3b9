"""The timeline of a dataset: every dated thing in it, one entry each.

:meth:`~nato_ukraine.dataset.Dataset.timeline` answers with the entries of this module: an
event on its date, and a body's founding and dissolution, a programme's or an operation's start
and end, an agreement's signing, ratification and entry into force. Which fields those are comes
from the roles the record classes declare for their dates (:class:`~nato_ukraine.models.When`);
a date that only dates a record (a source's publication) makes no entry.

A dated thing that the data records twice has one entry, which holds the other in the
``also`` of its :class:`~nato_ukraine.timeline.TimelineEntry`:

- Start dates of one record on the same date (an agreement signed and in force on one day)
  are one entry, the first start's.
- A record's date that an event records is the event's entry, so that every event stays on
  the timeline. An event records a date of a record it names when the date may fall on the
  event's days and the event is of the kind of that date: a ``signing``, or a ``statement``,
  ``legislation`` or ``decision`` (a statement's release, a law's adoption, a strategy's
  approval), records a ``signed``; a ``ratification`` a ``ratified``; an
  ``entry_into_force`` an ``in_force``; an ``establishment`` or a ``launch`` an
  ``established`` or a ``start``; a ``completion`` a ``dissolved`` or an ``end``. An event
  of another kind (a meeting, a summit, a visit) records none: a statement issued at a
  meeting keeps its entry beside the meeting's.

A start and an end on the same date stay two entries (a programme that starts and ends in one
year): they are two things.

The module is imported on first use of the timeline, not when a dataset loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, NamedTuple

import attrs

from nato_ukraine._fields import Site, dating, per_class, references
from nato_ukraine.dates import PartialDate
from nato_ukraine.models import COLLECTIONS, Event, EventKind, Record

__all__ = ["TimelineEntry", "timeline_of"]

# Which entries of the records it names (by their `what`) an event of each kind records (see above).
_RECORDED_BY: dict[EventKind, frozenset[str]] = {
    EventKind.SIGNING: frozenset({"signed"}),
    EventKind.STATEMENT: frozenset({"signed"}),
    EventKind.LEGISLATION: frozenset({"signed"}),
    EventKind.DECISION: frozenset({"signed"}),
    EventKind.RATIFICATION: frozenset({"ratified"}),
    EventKind.ENTRY_INTO_FORCE: frozenset({"in_force"}),
    EventKind.ESTABLISHMENT: frozenset({"established", "start"}),
    EventKind.LAUNCH: frozenset({"established", "start"}),
    EventKind.COMPLETION: frozenset({"dissolved", "end"}),
}


@attrs.frozen
class TimelineEntry:
    """One dated thing: an event, or a record's founding, start, signing, end, ...

    Attributes:
        date: When.
        what: What happened on that date: ``"event"`` for an event, else the field
            (``"established"``, ``"dissolved"``, ``"start"``, ``"end"``, ``"signed"``,
            ``"ratified"``, ``"in_force"``).
        record: The record it belongs to.
        end: For an event of several days, its last day.
        also: The same dated thing as the data records it elsewhere, each as the entry it
            would have had (with no ``also`` of its own): the record's other start dates on
            the same date (``in_force`` with ``signed``) and, for an event, the dates it
            records of the records it names (the ``signed`` of the agreement a signing names).
    """

    date: PartialDate
    what: str
    record: Record
    end: PartialDate | None = None
    also: tuple[TimelineEntry, ...] = ()

    def __str__(self) -> str:
        when = str(self.date) if self.end is None else f"{self.date}..{self.end}"
        if self.what == "event":
            return f"{when}  {self.record.name}"
        whats = [self.what, *(other.what for other in self.also if other.record is self.record)]
        return f"{when}  {self.record.name} ({', '.join(what.replace('_', ' ') for what in whats)})"


class _Date(NamedTuple):
    """One timeline entry a record of a class may have: what it is, how to read its date and
    its end from the record, and whether it is a start date."""

    what: str
    date: Callable[[Any], PartialDate | None]
    end: Callable[[Any], PartialDate | None] | None
    start: bool


@per_class
def _dates(cls: type) -> tuple[_Date, ...]:
    how = dating(cls)
    return tuple(
        _Date(what, attrgetter(field), None if end is None else attrgetter(end), field in how.starts)
        for what, field, end in how.entries()
    )


@per_class
def _naming_sites(cls: type) -> tuple[Site, ...]:
    """The sites of ``cls`` that hold ids of records that have timeline entries."""
    held = [(site, COLLECTIONS.get(site.meaning.collection or "")) for site in references(cls)]
    return tuple(site for site, target in held if target is not None and _dates(target))


def _entries(record: Record) -> list[TimelineEntry]:
    """The entries of a record, in the order of its own dates; a start on the date of an earlier
    start is in the ``also`` of that one's entry."""
    found: list[TimelineEntry] = []
    starts: dict[PartialDate, int] = {}  # the date of each start entry, and its place in found
    for what, date, end, start in _dates(type(record)):
        when = date(record)
        if when is None:
            continue
        entry = TimelineEntry(when, what, record, None if end is None else end(record))
        if not start:
            found.append(entry)
        elif when in starts:
            first = found[starts[when]]
            found[starts[when]] = attrs.evolve(first, also=(*first.also, entry))
        else:
            starts[when] = len(found)
            found.append(entry)
    return found


def _days(entry: TimelineEntry) -> tuple[int, int]:
    """The first and last day (as ordinals) an entry may fall on."""
    return entry.date.earliest.toordinal(), (entry.end or entry.date).latest.toordinal()


def _order(entry: TimelineEntry) -> tuple[int, int, int, str]:
    return entry.date.year, entry.date.month or 0, entry.date.day or 0, entry.record.id


#: An event that may record a date of a record it names: its kind, its first and last day (as
#: ordinals) and its entry.
_Namer = tuple[EventKind, int, int, TimelineEntry]


def _recorder(entry: TimelineEntry, events: list[_Namer]) -> TimelineEntry | None:
    """Of the events that name ``entry``'s record, the entry of the one that records it: an event
    of a kind that records it, on a day it may fall on; one on its very date before one that
    only may be, then the first in the timeline's order."""
    first, last = _days(entry)
    whats = {entry.what, *(other.what for other in entry.also)}
    found = [event for kind, lo, hi, event in events if whats & _RECORDED_BY[kind] and lo <= last and first <= hi]
    return min(found, key=lambda event: (event.date != entry.date, _order(event)), default=None)


def timeline_of(records: Iterable[Record], lo: int, hi: int) -> list[TimelineEntry]:
    """The entries of ``records`` that may fall within the days [lo, hi] (as ordinals), in the
    timeline's order: by date, then by record id, then in the order of the record's own dates.
    Each dated thing has one entry (see the module's description)."""
    own = [(record, _entries(record)) for record in records]
    naming: dict[str, list[_Namer]] = {}  # the events that name each record
    for record, entries in own:
        if isinstance(record, Event) and record.kind in _RECORDED_BY:
            namers = [(record.kind, *_days(entry), entry) for entry in entries]
            for site in _naming_sites(type(record)):
                for named in site.values((record,)):
                    naming.setdefault(named, []).extend(namers)
    recorded: dict[str, list[TimelineEntry]] = {}  # what each event records, by the event's id
    found = []
    for record, entries in own:
        events = naming.get(record.id)
        if events:
            left = []
            for entry in entries:
                recorder = _recorder(entry, events)
                if recorder is None:
                    left.append(entry)
                else:
                    recorded.setdefault(recorder.record.id, []).extend((attrs.evolve(entry, also=()), *entry.also))
            entries = left
        found += [(*_order(entry), place, entry) for place, entry in enumerate(entries)]
    found.sort(key=lambda item: item[:5])
    kept = []
    for *_, entry in found:
        also = recorded.get(entry.record.id) if entry.what == "event" else None
        if also is not None:
            entry = attrs.evolve(entry, also=(*entry.also, *sorted(also, key=_order)))
        first, last = _days(entry)
        if first <= hi and lo <= last:
            kept.append(entry)
    return kept
