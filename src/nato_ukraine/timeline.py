"""The timeline of a dataset: every dated thing in it, one entry each.

:meth:`~nato_ukraine.dataset.Dataset.timeline` answers with the entries of this module: an
event on its date, and a body's founding and dissolution, a programme's or an operation's start
and end, an agreement's signing, ratification and entry into force. Which fields those are comes
from the roles the record classes declare for their dates (:class:`~nato_ukraine.models.When`);
a date that only dates a record (a source's publication) makes no entry.

The module is imported on first use of the timeline, not when a dataset loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

import attrs

from nato_ukraine._fields import dating
from nato_ukraine.dates import PartialDate
from nato_ukraine.models import Record

__all__ = ["TimelineEntry", "timeline_of"]


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


def _entries(record: Record) -> Iterator[tuple[int, TimelineEntry]]:
    """The entries of a record, each with its place among the record's own dates."""
    for place, (what, field, end_field) in enumerate(dating(type(record)).entries()):
        when: PartialDate | None = attrgetter(field)(record)
        if when is not None:
            end = None if end_field is None else attrgetter(end_field)(record)
            yield place, TimelineEntry(when, what, record, end)


def timeline_of(records: Iterable[Record], lo: int, hi: int) -> list[TimelineEntry]:
    """The entries of ``records`` that may fall within the days [lo, hi] (as ordinals), in the
    timeline's order: by date, then by record id, then in the order of the record's own dates."""
    found = [
        (entry.date.year, entry.date.month or 0, entry.date.day or 0, entry.record.id, place, entry)
        for record in records
        for place, entry in _entries(record)
        if entry.date.earliest.toordinal() <= hi and lo <= (entry.end or entry.date).latest.toordinal()
    ]
    found.sort(key=lambda item: item[:5])
    return [item[5] for item in found]
