"""What the arguments of ``Collection.where`` and ``Collection.count_by`` mean, read from the fields.

``where`` is strict: a field, an enum value or an id that is not there raises ``ValueError``
with close matches, as ``ds[...]`` does, instead of matching nothing. Enum values match
whatever their case, with spaces or hyphens for underscores. ``count_by`` counts by one key or
several (a tuple of values, in order), by a field, the year or decade of a record's date, the
sources it cites, or a function of a record; with ``fill``, every value in a key's range has a
count, zero included.
"""

from __future__ import annotations

import difflib
import enum
import itertools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from nato_ukraine._fields import FieldSpec, Shape, date_ends, field_specs, references, singular
from nato_ukraine.dates import Period
from nato_ukraine.models import COLLECTIONS, Relation

__all__ = ["KEYWORDS", "Scope", "count", "field_of", "wanted"]


class Scope(NamedTuple):
    """What a collection knows of the dataset it belongs to.

    Attributes:
        records: Every record of the dataset, by id (to check the ids a query names).
        coverage: The span each collection covers, by collection name (the years ``fill`` fills).
    """

    records: Mapping[str, Any]
    coverage: Mapping[str, Period]


#: The keys of ``count_by`` that are not fields.
KEYWORDS = ("year", "decade", "source")


def field_of(cls: type, key: object, collection: str) -> FieldSpec:
    """The field of ``cls`` that ``key`` names: its name, or the singular of a field of several.

    Raises:
        TypeError: If the key is not a str.
        ValueError: If no field has that name; the error names close fields.
    """
    if not isinstance(key, str):
        raise TypeError(f"expected a field name or a function of a record, not {type(key).__name__}")
    specs = field_specs(cls)
    for spec in specs:
        if key == spec.name or (spec.many and key == singular(spec.name)):
            return spec
    names = sorted(spec.name for spec in specs)
    singulars = {singular(spec.name): spec.name for spec in specs if spec.many}
    close = list(dict.fromkeys(difflib.get_close_matches(key, [*names, *singulars], n=3, cutoff=0.6)))
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise ValueError(f"{collection} have no field {key!r}{hint} (fields: {', '.join(names)})")


def wanted(spec: FieldSpec, value: object, scope: Scope | None) -> list[Hashable]:
    """The keys of a field's index that ``value`` (or any of a list, set or tuple of values) stands for.

    Raises:
        ValueError: For an enum value that is none of the enum's, an id that no record of the
            collection the field refers to has, or a date field (``on``, ``between`` and
            ``active_on`` ask about dates).
    """
    if spec.shape is Shape.DATE or spec.item is Period:
        raise ValueError(f"where() compares values, not dates: ask on(), between() or active_on() about {spec.name!r}")
    values = value if isinstance(value, (list, set, frozenset, tuple)) else [value]
    return [_one(spec, item, scope) for item in values]


def _one(spec: FieldSpec, value: object, scope: Scope | None) -> Hashable:
    if value is None and spec.optional:  # the records without a value
        return None
    if spec.shape is Shape.ENUM:
        member: Hashable = _member(spec.item, value).value
        return member
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str) and hasattr(type(value), "__attrs_attrs__"):
        value = record_id
    target = spec.meaning.collection
    if target is not None and isinstance(value, str) and scope is not None:
        found = scope.records.get(value)
        if type(found) is not COLLECTIONS[target]:
            raise ValueError(_no_such_id(value, target, scope))
    if not isinstance(value, Hashable):
        raise TypeError(f"{spec.name} cannot be compared with a {type(value).__name__}")
    return value


def _member(kind: type[enum.Enum], value: object) -> enum.Enum:
    """The member of an enum a value names: the member, or its value in any case, with spaces or
    hyphens for underscores."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        folded = value.strip().lower().replace(" ", "_").replace("-", "_")
        for member in kind:
            if member.value == folded:
                return member
    values = [member.value for member in kind]
    close = difflib.get_close_matches(str(value).lower(), values, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise ValueError(f"{value!r} is not a {kind.__name__}{hint} (one of: {', '.join(values)})")


def _no_such_id(value: str, target: str, scope: Scope) -> str:
    found = scope.records.get(value)
    if found is not None:
        other = next((name for name, cls in COLLECTIONS.items() if cls is type(found)), "record")
        return f"{value!r} is the id of one of the {other}, not of the {target}"
    ids = [rid for rid, record in scope.records.items() if type(record) is COLLECTIONS[target]]
    close = difflib.get_close_matches(value, ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    return f"no {singular(target)} has the id {value!r}{hint}"


# ---------------------------------------------------------------------------------------------
# count_by

#: How one key reads a record: the values it counts the record under (none, one or several).
_Reader = Callable[[Any], Sequence[Hashable]]


def count(
    records: Sequence[Any],
    keys: Sequence[str | Callable[[Any], Any]],
    *,
    cls: type | None,
    collection: str,
    scope: Scope | None,
    fill: bool = False,
) -> dict[Any, int]:
    """The records counted by ``keys`` (a tuple of values for several keys), ordered by key, with
    the records that have no value under None, last; with ``fill``, every value of each key's
    range too, at zero."""
    if not keys:
        raise TypeError("count_by() needs a key: a field, 'year', 'decade', 'source' or a function")
    readers = [_reader(key, cls, collection) for key in keys]
    counts: Counter[Any] = Counter()
    for record in records:
        for values in itertools.product(*(read(record) for read in readers)):
            counts[values if len(keys) > 1 else values[0]] += 1
    if fill:
        ranges = [
            _range(key, cls, collection, scope, {v[i] if len(keys) > 1 else v for v in counts})
            for i, key in enumerate(keys)
        ]
        for values in itertools.product(*ranges):
            counts.setdefault(values if len(keys) > 1 else values[0], 0)
    return dict(sorted(counts.items(), key=lambda item: _order(item[0])))


def _reader(key: str | Callable[[Any], Any], cls: type | None, collection: str) -> _Reader:
    if callable(key):
        return lambda record: (_plain(key(record)),)  # (a tuple it gives is one key)
    if key in ("year", "decade"):
        step = 1 if key == "year" else 10

        def year(record: Any) -> Sequence[Hashable]:
            ends = date_ends(record)
            start = None if ends is None else ends[0]
            return (None if start is None else start.year // step * step,)

        return year
    if key == "source":
        return lambda record: sorted(set(_cited(record))) or (None,)
    if cls is None:
        return lambda record: (None,)
    spec = field_of(cls, key, collection)
    if spec.many:
        return lambda record: tuple(dict.fromkeys(map(_plain, getattr(record, spec.name)))) or (None,)
    return lambda record: (_plain(getattr(record, spec.name)),)


def _cited(record: Any) -> Iterable[str]:
    """The ids of the sources a record cites."""
    for site in references(type(record)):
        if site.meaning.relation is Relation.CITES:
            yield from site.ids(record)


def _plain(value: Any) -> Hashable:
    """A value as a count's key: an enum by its value, a record by its id, a nested record by the
    text its class gives it (or the first id it refers to), an open period as None."""
    if isinstance(value, enum.Enum):
        member: Hashable = value.value
        return member
    if isinstance(value, Period):
        return None if value.start is None and value.end is None else str(value)
    if hasattr(type(value), "__attrs_attrs__"):
        record_id = getattr(value, "id", None)
        if isinstance(record_id, str):
            return record_id
        if "__str__" in vars(type(value)):
            return str(value)
        ids = [ref for site in references(type(value)) for ref in site.ids(value)]
        return ids[0] if ids else str(value)
    if isinstance(value, list):
        return tuple(value)
    return value  # type: ignore[no-any-return]


def _range(key: object, cls: type | None, collection: str, scope: Scope | None, present: set[Any]) -> list[Any]:
    """Every value a key may take: the years or decades of the collection's coverage (and of its
    records), an enum's members, the ids a reference may point to, or else those present."""
    found = {value for value in present if value is not None}
    values: list[Any]
    if key in ("year", "decade"):
        step = 1 if key == "year" else 10
        span = None if scope is None else scope.coverage.get(collection)
        bounds: list[int] = [*found]
        if span is not None:
            bounds += [date.year // step * step for date in (span.start, span.end) if date is not None]
        values = list(range(min(bounds), max(bounds) + 1, step)) if bounds else []
    elif key == "source" and scope is not None:
        values = sorted(rid for rid, record in scope.records.items() if type(record) is COLLECTIONS["sources"])
    elif isinstance(key, str) and key not in KEYWORDS and cls is not None:
        spec = field_of(cls, key, collection)
        values = sorted(found, key=_order)
        if spec.shape is Shape.ENUM:
            values = [member.value for member in spec.item]
        elif spec.meaning.collection is not None and scope is not None:
            target = COLLECTIONS[spec.meaning.collection]
            values = sorted(rid for rid, record in scope.records.items() if type(record) is target)
    else:
        values = sorted(found, key=_order)
    return [*values, *([None] if None in present else [])]


def _order(value: Any) -> tuple[Any, ...]:
    """A sort key for count keys of any kind: numbers, then texts, then None; tuples item by item."""
    if isinstance(value, tuple):
        return tuple(_order(item) for item in value)
    if value is None:
        return (2, "", 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, "", value)
    return (1, str(value), 0)
