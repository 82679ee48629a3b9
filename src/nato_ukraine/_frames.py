"""Records as flat rows of plain values, and rows as pandas frames, with columns derived from
each class's field specs.

A field becomes columns by its shape: a partial date ``d`` becomes ``d`` (its ISO text),
``d_earliest`` and ``d_latest`` (:class:`datetime.date`) and ``d_precision``; a nested record
(a period ``p``) becomes the columns of each of its fields, prefixed (``p_start...``,
``p_end...``); an enum becomes its value; a tuple becomes a list. A tuple of nested records
becomes a list of their texts when their class says how it reads (``str(role)``), else, for
each reference they hold, the sorted ids referred to (citations become ``citation_sources``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from nato_ukraine._fields import FieldSpec, Shape, field_specs, per_class, references, singular

if TYPE_CHECKING:
    import pandas

__all__ = ["columns", "enum_columns", "frame", "to_record"]

#: Puts the columns of one field of a record into a row.
_Filler = Callable[[dict[str, Any], Any], None]


def to_record(record: Any) -> dict[str, Any]:
    """One record as a flat dict of plain values: its ``type``, then the columns of its fields."""
    row: dict[str, Any] = {"type": type(record).__name__.lower()}
    for fill in _fillers(type(record)):
        fill(row, record)
    return row


@per_class
def columns(cls: type) -> tuple[str, ...]:
    """The keys of :func:`to_record` for any record of ``cls``, in order (they depend on the
    class alone: an empty date still has its ``_earliest`` and other columns)."""
    return ("type", *(name for spec in field_specs(cls) for name in _columns_of(spec, spec.name)))


@per_class
def _fillers(cls: type) -> tuple[_Filler, ...]:
    return tuple(_filler(spec, spec.name, _getter(spec.name)) for spec in field_specs(cls))


def _getter(name: str) -> Callable[[Any], Any]:
    def get(value: Any) -> Any:
        return None if value is None else getattr(value, name)

    return get


def _columns_of(spec: FieldSpec, name: str) -> list[str]:
    if spec.shape is Shape.DATE and not spec.many:
        return [name, f"{name}_earliest", f"{name}_latest", f"{name}_precision"]
    if spec.shape is Shape.RECORD and not spec.many:
        return [column for inner in field_specs(spec.item) for column in _columns_of(inner, f"{name}_{inner.name}")]
    if spec.shape is Shape.RECORD and _reads_as_text(spec.item):
        return [name]
    if spec.shape is Shape.RECORD:
        return [f"{singular(name)}_{site.meaning.collection}" for site in references(spec.item)]
    return [name]


def _filler(spec: FieldSpec, name: str, get: Callable[[Any], Any]) -> _Filler:
    """A function that puts the columns of ``spec`` (named from ``name``) into a row, reading the
    field's value with ``get``."""
    if spec.shape is Shape.DATE and not spec.many:

        def fill_date(row: dict[str, Any], record: Any) -> None:
            date = get(record)
            row[name] = None if date is None else str(date)
            row[f"{name}_earliest"] = None if date is None else date.earliest
            row[f"{name}_latest"] = None if date is None else date.latest
            row[f"{name}_precision"] = None if date is None else str(date.precision)

        return fill_date
    if spec.shape is Shape.RECORD and not spec.many:
        inner = [_filler(field, f"{name}_{field.name}", _getter(field.name)) for field in field_specs(spec.item)]

        def fill_nested(row: dict[str, Any], record: Any) -> None:
            value = get(record)
            for fill in inner:
                fill(row, value)

        return fill_nested
    if spec.shape is Shape.RECORD:
        return _tuple_filler(spec, name, get)
    if spec.many or spec.shape is Shape.ENUM:

        def fill_plain(row: dict[str, Any], record: Any) -> None:
            value = get(record)
            row[name] = _plain(value)

        return fill_plain

    def fill(row: dict[str, Any], record: Any) -> None:
        row[name] = get(record)

    return fill


def _tuple_filler(spec: FieldSpec, name: str, get: Callable[[Any], Any]) -> _Filler:
    if _reads_as_text(spec.item):

        def fill_texts(row: dict[str, Any], record: Any) -> None:
            row[name] = [str(item) for item in get(record) or ()]

        return fill_texts
    sites = [(f"{singular(name)}_{site.meaning.collection}", site) for site in references(spec.item)]

    def fill_ids(row: dict[str, Any], record: Any) -> None:
        items = get(record) or ()
        for column, site in sites:
            row[column] = sorted(set(site.values(items)))

    return fill_ids


def _reads_as_text(cls: type) -> bool:
    """Whether a class says how it reads, with a ``__str__`` of its own."""
    return "__str__" in vars(cls)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


@per_class
def enum_columns(cls: type) -> dict[str, list[str]]:
    """The columns of :func:`to_record` that hold an enum's value, with every value of the enum."""
    found: dict[str, list[str]] = {}

    def walk(spec: FieldSpec, name: str) -> None:
        if spec.shape is Shape.ENUM and not spec.many:
            found[name] = [member.value for member in spec.item]
        elif spec.shape is Shape.RECORD and not spec.many:
            for inner in field_specs(spec.item):
                walk(inner, f"{name}_{inner.name}")

    for spec in field_specs(cls):
        walk(spec, spec.name)
    return found


def frame(
    rows: Iterable[dict[str, Any]],
    cls: type | None,
    *,
    what: str,
    index: str | None = None,
    names: Sequence[str] | None = None,
    enums: Mapping[str, list[str]] | None = None,
) -> pandas.DataFrame:
    """Rows as a pandas DataFrame, one row each; its ``*_earliest`` and ``*_latest`` columns as
    datetime64 columns, and the columns of an enum as categorical ones (every value of the enum
    a category, so that a count of them shows the values no row has).

    Args:
        rows: The rows, as :func:`to_record` makes them.
        cls: The class of the records, for the columns (of an empty frame too) and their kinds
            (None: ``type`` and ``id``).
        what: What is asked for, for the message when pandas is missing (``Collection.to_pandas()``).
        index: A column to index the frame by (``"id"``), or None for a range of positions.
        names: The columns, when not those of ``cls`` (a table of nested records).
        enums: The enum columns and their values, when not those of ``cls``.

    Raises:
        ImportError: If pandas is not installed (``pip install "nato-ukraine[pandas]"``).
        ValueError: If ``index`` names no column.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(f'{what} needs pandas, which is not installed: pip install "nato-ukraine[pandas]"') from exc
    rows = list(rows)
    if names is None:
        names = list(rows[0]) if rows else ["type", "id"] if cls is None else list(columns(cls))
    if index is not None and index not in names:
        raise ValueError(f"no column {index!r} to index by; columns: {', '.join(names)}")
    result: pandas.DataFrame = pd.DataFrame(rows, columns=list(names))
    for column in names:
        if column.endswith(("_earliest", "_latest")):
            result[column] = pd.to_datetime(result[column])
    if enums is None:
        enums = {} if cls is None else enum_columns(cls)
    for column, values in enums.items():
        result[column] = pd.Categorical(result[column], categories=values)
    return result if index is None else result.set_index(index)
