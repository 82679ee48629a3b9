"""Tidy tables of the records nested in records: an event's participants, a record's figures.

A :class:`Table` has one row per nested record, with the id and type of the record that holds
it, then the nested record's own columns, flattened as :meth:`~nato_ukraine.collection.Collection.to_records`
flattens records (a figure's ``as_of`` gives
``as_of``, ``as_of_earliest``, ...; its citation ``citation_source``, ``citation_quote``, ...).
``Collection.table("participants")``, ``Dataset.table("figures")`` and ``Dataset.figures()``
make them::

    >>> import nato_ukraine as nu
    >>> figures = nu.load().figures()
    >>> figures.columns[:5]
    ('id', 'type', 'value', 'unit', 'counts')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from nato_ukraine._display import html_of_rows
from nato_ukraine._fields import Shape, field_specs
from nato_ukraine._frames import columns, enum_columns, frame, to_record

if TYPE_CHECKING:
    import pandas

__all__ = ["Table", "nested_fields", "table_of"]


class Table(Sequence[dict[str, Any]]):
    """Rows of plain values, one per nested record, each a dict with the same keys (``columns``).

    Attributes:
        field: The field of the records the rows come from (``"figures"``).
        item: The class of the nested records (:class:`~nato_ukraine.models.Figure`).
        columns: The keys of every row, in order.
    """

    #: The most rows the repr shows.
    SHOWN = 10

    def __init__(self, field: str, item: type, rows: Iterable[dict[str, Any]]) -> None:
        self.field = field
        #: The class of the nested records.
        self.item = item
        self._rows = list(rows)
        self.columns: tuple[str, ...] = ("id", "type", *columns(item)[1:])

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._rows)

    def __getitem__(self, position: Any) -> Any:
        return self._rows[position]

    def __repr__(self) -> str:
        lines = [", ".join(f"{k}={row[k]!r}" for k in self.columns[:6]) for row in self._rows[: self.SHOWN]]
        more = [f"... and {len(self) - self.SHOWN} more"] if len(self) > self.SHOWN else []
        return "\n".join([f"<{len(self)} {self.field}: {', '.join(self.columns)}>", *lines, *more])

    def _repr_html_(self) -> str:
        """The rows as an HTML table (the first 50)."""
        shown = [[row[column] for column in self.columns] for row in self._rows[:50]]
        return html_of_rows(f"{len(self)} {self.field}", self.columns, shown, more=max(0, len(self) - 50))

    def to_records(self) -> list[dict[str, Any]]:
        """The rows, as a new list of dicts (standard library only)."""
        return [dict(row) for row in self._rows]

    def to_pandas(self, *, index: str | None = None) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (dates as datetime64 columns, enums as categorical ones).

        Raises:
            ImportError: If pandas is not installed (``pip install "nato-ukraine[pandas]"``).
            ValueError: If ``index`` names no column.
        """
        what = f"Table({self.field!r}).to_pandas()"
        return frame(self._rows, None, what=what, index=index, names=self.columns, enums=enum_columns(self.item))


def nested_fields(cls: type) -> dict[str, type]:
    """The fields of ``cls`` that hold a tuple of nested records (those a table can be made of),
    with the class of the nested records."""
    return {spec.name: spec.item for spec in field_specs(cls) if spec.many and spec.shape is Shape.RECORD}


def table_of(records: Iterable[Any], field: str, item: type) -> Table:
    """A table of the nested records that ``field`` holds in each of ``records``."""
    rows = []
    for record in records:
        for nested in getattr(record, field):
            row = to_record(nested)  # its "type" first, then its columns
            rows.append({"id": record.id, **row, "type": type(record).__name__.lower()})
    return Table(field, item, rows)
