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
from operator import attrgetter
from typing import Any, NamedTuple

from nato_ukraine._fields import (
    FieldSpec,
    Shape,
    Site,
    date_ends,
    field_specs,
    per_class,
    references,
    role_field,
    singular,
    sites,
)
from nato_ukraine.dates import Period
from nato_ukraine.models import COLLECTIONS, Relation

__all__ = ["KEYWORDS", "Key", "Scope", "count", "field_of", "key_of", "role_names", "wanted"]


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


class Key(NamedTuple):
    """What one argument of ``where`` or ``count_by`` reads in a record.

    Attributes:
        name: The argument's name, as given.
        specs: The fields whose values it reads (for a nested key, those of the nested records).
        read: Every value of a record under the key (an item of a tuple field is one value).
        field: The record's own field, when the key reads exactly one field of plain values (a
            field index answers it); None for a key read from nested records.
    """

    name: str
    specs: tuple[FieldSpec, ...]
    read: Callable[[Any], list[Any]]
    field: str | None = None


def key_of(cls: type, key: object, collection: str) -> Key:
    """What ``key`` reads in records of ``cls``, in this order of trial:

    1. a field of that name (``kind``, ``participants``: a field of nested records reads the ids
       they refer to);
    2. a role of a nested record (``chair``, ``host``, ``endorsed``): the ids of the nested
       records in that role (``chair="jens-stoltenberg"``);
    3. the singular of a field of several (``body`` for ``bodies``), or the name of a reference
       or role in the nested records (``body``, ``person``, ``role``): every one of them.

    Raises:
        TypeError: If the key is not a str.
        ValueError: If the key names nothing; the error names close matches.
    """
    if not isinstance(key, str):
        raise TypeError(f"expected a field name or a function of a record, not {type(key).__name__}")
    specs = field_specs(cls)
    exact = [spec for spec in specs if spec.name == key]
    if exact:
        return _key_of_field(cls, key, exact[0])
    roles = _roles(cls)
    if key in roles:
        return _role_key(key, roles[key])
    found = [_key_of_field(cls, key, spec) for spec in specs if spec.many and singular(spec.name) == key]
    nested = [
        site
        for site in sites(cls)
        if len(site.path) > 1
        and site.field.name in (key, singular(key))
        and (site.meaning.collection is not None or site.meaning.edge_role)
    ]
    if not found and not nested:
        raise ValueError(_no_key(cls, key, collection))
    keys = [*found, _key_of_sites(key, nested)] if nested else found
    return keys[0] if len(keys) == 1 else _union(key, keys)


def field_of(cls: type, key: object, collection: str) -> FieldSpec:
    """The one field ``key`` reads (see :func:`key_of`): for a key read from several, the first.

    Raises:
        TypeError: If the key is not a str.
        ValueError: If no field has that name; the error names close fields.
    """
    return key_of(cls, key, collection).specs[0]


def _key_of_field(cls: type, key: str, spec: FieldSpec) -> Key:
    """A field's key: its values, or, for nested records that hold ids and do not read as text
    of their own (participations, outcomes and citations, not roles or figures), those ids."""
    inner = [site for site in references(cls) if site.path[0] is spec and len(site.path) > 1]
    if spec.shape is Shape.RECORD and inner and _read_by_ids(spec.item):
        return _key_of_sites(key, inner)
    get = attrgetter(spec.name)
    if spec.many:
        return Key(key, (spec,), lambda record: list(get(record)), spec.name)
    return Key(key, (spec,), lambda record: [get(record)], spec.name)


def _read_by_ids(cls: type) -> bool:
    """Whether records of a nested class are asked about by the ids they hold: those with a role
    (participations, outcomes), and those that do not say how they read (citations)."""
    return role_field(cls) is not None or "__str__" not in vars(cls)


def _key_of_sites(key: str, found: Sequence[Site]) -> Key:
    def read(record: Any) -> list[Any]:
        return [value for site in found for value in site.ids(record)]

    return Key(key, tuple(site.field for site in found), read)


def _union(key: str, keys: Sequence[Key]) -> Key:
    def read(record: Any) -> list[Any]:
        return [value for each in keys for value in each.read(record)]

    return Key(key, tuple(spec for each in keys for spec in each.specs), read)


#: A nested record's role: the site of the nested records, the name of their role field and the
#: sites (within one nested record) of the ids they refer to.
_Holder = tuple[Site, str, tuple[Site, ...]]


@per_class
def _roles(cls: type) -> dict[str, list[_Holder]]:
    """Every role value of the records nested in ``cls`` (the values of each nested field that
    declares ``edge_role``), with where the records that may hold it are."""
    found: dict[str, list[_Holder]] = {}
    for site in sites(cls):
        if not site.meaning.edge_role or len(site.path) < 2:
            continue
        holder = Site(site.path[:-1])
        inside = [inner for inner in references(cls) if inner.path[:-1] == holder.path]
        refs = tuple(Site(inner.path[len(holder.path) :]) for inner in inside)
        for member in site.field.item:
            found.setdefault(member.value, []).append((holder, site.field.name, refs))
    return found


def role_names() -> list[str]:
    """Every role a record nested in a record of any collection may have, each once."""
    return list(dict.fromkeys(role for cls in COLLECTIONS.values() for role in _roles(cls)))


def _role_key(role: str, holders: list[_Holder]) -> Key:
    def read(record: Any) -> list[Any]:
        values = []
        for holder, field, refs in holders:
            for item in holder.ids(record):
                if getattr(item, field).value == role:
                    values += [value for site in refs for value in site.ids(item)]
        return values

    return Key(role, tuple(site.field for _, _, refs in holders for site in refs), read)


def _no_key(cls: type, key: str, collection: str) -> str:
    specs = field_specs(cls)
    names = sorted(spec.name for spec in specs)
    others = {singular(spec.name) for spec in specs if spec.many}
    others |= {site.field.name for site in sites(cls) if len(site.path) > 1 and site.meaning.collection}
    others |= set(_roles(cls))
    close = list(dict.fromkeys(difflib.get_close_matches(key, [*names, *sorted(others)], n=3, cutoff=0.6)))
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    roles = f"; roles: {', '.join(_roles(cls))}" if _roles(cls) else ""
    return f"{collection} have no field {key!r}{hint} (fields: {', '.join(names)}{roles})"


def wanted(key: Key, value: object, scope: Scope | None) -> list[Hashable]:
    """The keys of a key's index that ``value`` (or any of a list, set or tuple of values) stands for.

    Raises:
        ValueError: For an enum value that is none of the enum's, an id that no record of the
            collection the field refers to has, or a date field (``on``, ``between`` and
            ``active_on`` ask about dates).
    """
    for spec in key.specs:
        if spec.shape is Shape.DATE or spec.item is Period:
            raise ValueError(
                f"where() compares values, not dates: ask on(), between() or active_on() about {spec.name!r}"
            )
    values = value if isinstance(value, (list, set, frozenset, tuple)) else [value]
    return [_one_of_specs(key, item, scope) for item in values]


def _one_of_specs(key: Key, value: object, scope: Scope | None) -> Hashable:
    """The index key ``value`` stands for in the first of the key's fields that takes it."""
    errors: list[ValueError] = []
    for spec in dict.fromkeys(key.specs):
        try:
            return _one(spec, value, scope)
        except ValueError as error:
            errors.append(error)
    targets = list(dict.fromkeys(spec.meaning.collection for spec in key.specs if spec.meaning.collection))
    if len(targets) > 1 and isinstance(value, str) and scope is not None:
        raise ValueError(_no_such_id(value, targets, scope)) from None
    raise errors[0]


def _one(spec: FieldSpec, value: object, scope: Scope | None) -> Hashable:
    if value is None and (spec.optional or spec.many):  # the records without a value
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
            raise ValueError(_no_such_id(value, [target], scope))
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


def _no_such_id(value: str, targets: Sequence[str], scope: Scope) -> str:
    wanted_classes = tuple(COLLECTIONS[target] for target in targets)
    what = " or ".join(singular(target) for target in targets)
    found = scope.records.get(value)
    if found is not None:
        other = next((name for name, cls in COLLECTIONS.items() if cls is type(found)), "record")
        return f"{value!r} is the id of one of the {other}, not of the {' or '.join(targets)}"
    ids = [rid for rid, record in scope.records.items() if type(record) in wanted_classes]
    close = difflib.get_close_matches(value, ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    return f"no {what} has the id {value!r}{hint}"


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
    found = key_of(cls, key, collection)
    if found.field is not None and not found.specs[0].many:
        get = attrgetter(found.field)
        return lambda record: (_plain(get(record)),)
    return lambda record: tuple(dict.fromkeys(map(_plain, found.read(record)))) or (None,)


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
        specs = key_of(cls, key, collection).specs
        values = sorted(found, key=_order)
        targets = tuple(COLLECTIONS[spec.meaning.collection] for spec in specs if spec.meaning.collection)
        if all(spec.shape is Shape.ENUM for spec in specs):
            values = list(dict.fromkeys(member.value for spec in specs for member in spec.item))
        elif targets and scope is not None:
            values = sorted(rid for rid, record in scope.records.items() if type(record) in targets)
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
