"""How records look in a REPL and a notebook: a one-line repr, and a compact HTML table.

A record's repr gives its class, id, kind, date and name in at most 160 characters (the name
shortened if need be), so that a list of records reads as one line each. ``_repr_html_`` (which
Jupyter shows) is a table of the record's fields, or of a collection's records, one row each,
with the citations folded under a ``<details>``. Everything here works on any attrs record by
its fields and values alone.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from nato_ukraine.dates import PartialDate, Period

__all__ = ["MAX_REPR", "html_of_record", "html_of_rows", "repr_of"]

#: The most characters a record's repr has.
MAX_REPR = 160

_LEFT = "style='text-align:left'"


def _date_of(record: Any) -> PartialDate | None:
    """The first date a record gives, in the order of its fields (a period by its start)."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, Period) and value.start is not None:
            return value.start
    return None


def _text(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(_text(item) for item in value)
    return "" if value is None else str(value)


def repr_of(record: Any) -> str:
    """``Event(id='...', kind=meeting, date=2016-07-09, name='...')``, in at most :data:`MAX_REPR` characters."""
    parts = [f"id={record.id!r}"]
    kind = getattr(record, "kind", None)
    if kind is not None:
        parts.append(f"kind={_text(kind)}")
    date = _date_of(record)
    if date is not None:
        parts.append(f"date={date}")
    head = f"{type(record).__name__}({', '.join(parts)}, name="
    room = MAX_REPR - len(head) - 1
    name = repr(record.name)
    if len(name) > room:
        name = repr(record.name[: max(0, room - 5)] + "…")
    return f"{head}{name})"[:MAX_REPR]


def _cell(value: Any) -> str:
    """A value as the HTML of a table cell: citations and other nested records folded."""
    if isinstance(value, tuple) and value and attrs.has(type(value[0])):
        items = "".join(f"<li>{_nested(item)}</li>" for item in value)
        return f"<details><summary>{len(value)}</summary><ul>{items}</ul></details>"
    if attrs.has(type(value)) and not isinstance(value, (PartialDate, Period)):
        return _nested(value)
    return html.escape(_text(value))


def _nested(value: Any) -> str:
    quote = getattr(value, "quote", None)
    if isinstance(quote, str):  # a citation: its source, then the passage
        return f"<b>{html.escape(value.source)}</b>: “{html.escape(quote)}”"
    return html.escape(str(value) if "__str__" in vars(type(value)) else _text(attrs.astuple(value, recurse=False)))


def html_of_record(record: Any) -> str:
    """A record as an HTML table of its fields (those set), its citations folded."""
    rows = [
        f"<tr><th {_LEFT}>{html.escape(field.name)}</th><td {_LEFT}>{_cell(value)}</td></tr>"
        for field in attrs.fields(type(record))
        if (value := getattr(record, field.name)) not in (None, (), "")
    ]
    return f"<table><caption>{html.escape(type(record).__name__)}</caption>{''.join(rows)}</table>"


def html_of_rows(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], more: int = 0) -> str:
    """An HTML table with a caption, a header and one row each (and a last line saying how many more there are)."""
    head = "".join(f"<th style='text-align:left'>{html.escape(column)}</th>" for column in columns)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{_cell(value)}</td>" for value in row) + "</tr>" for row in rows
    )
    tail = f"<tr><td colspan='{len(columns)}'>… and {more} more</td></tr>" if more else ""
    return f"<table><caption>{html.escape(title)}</caption><tr>{head}</tr>{body}{tail}</table>"
