"""The timeline of a dataset: every dated thing in it, one entry each.

:meth:`~nato_ukraine.dataset.Dataset.timeline` answers with the entries of this module: an
event on its date, and a body's founding and dissolution, a programme's or an operation's start
and end, an agreement's signing, ratification and entry into force.

The module is imported on first use of the timeline, not when a dataset loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from nato_ukraine.dates import PartialDate
from nato_ukraine.models import Agreement, Body, Event, Operation, Programme, Record

__all__ = ["TimelineEntry"]


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
    """

    date: PartialDate
    what: str
    record: Record
    end: PartialDate | None = None

    def __str__(self) -> str:
        when = str(self.date) if self.end is None else f"{self.date}..{self.end}"
        label = "" if self.what == "event" else f" ({self.what.replace('_', ' ')})"
        return f"{when}  {self.record.name}{label}"


#: The order of one record's dates that fall on the same date: beginnings before ends.
_WHAT_ORDER = {
    "event": 0,
    "established": 0,
    "start": 0,
    "signed": 0,
    "ratified": 1,
    "in_force": 2,
    "dissolved": 3,
    "end": 3,
}


def _timeline_entries(record: Record) -> Iterator[TimelineEntry]:
    if isinstance(record, Event):
        yield TimelineEntry(record.date, "event", record, record.end)
        return
    pairs: tuple[tuple[str, PartialDate | None], ...]
    if isinstance(record, Body):
        pairs = (("established", record.established), ("dissolved", record.dissolved))
    elif isinstance(record, (Programme, Operation)):
        pairs = (("start", record.period.start), ("end", record.period.end))
    elif isinstance(record, Agreement):
        pairs = (("signed", record.signed), ("ratified", record.ratified), ("in_force", record.in_force))
    else:
        pairs = ()
    for what, when in pairs:
        if when is not None:
            yield TimelineEntry(when, what, record)


def _timeline(records: Iterable[Record], lo: int, hi: int) -> list[TimelineEntry]:
    """The entries of ``records`` that may fall within the days [lo, hi] (as ordinals), in the
    timeline's order: by date, then by record id, then in the order of the record's own dates."""
    entries = [
        entry
        for record in records
        for entry in _timeline_entries(record)
        if entry.date.earliest.toordinal() <= hi and lo <= (entry.end or entry.date).latest.toordinal()
    ]
    entries.sort(key=lambda e: (e.date._key(), e.record.id, _WHAT_ORDER[e.what]))
    return entries
