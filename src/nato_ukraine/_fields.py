"""What each field of a record class is: read once from its annotation and its metadata.

This is the one place that interprets the types of the record classes' fields and the
:class:`~nato_ukraine.models.Meaning` declared on them. The structurers, the validation rules,
the indexes, the graph, the timeline, the flat records and the JSON Schema all work from the
:class:`FieldSpec` of each field and from what is derived here: the references a class holds
(:func:`sites`, :func:`references`), how it is dated (:func:`dating`) and how it is named (:func:`naming`).
Everything is worked out once per class, on first use.
"""

from __future__ import annotations

import enum
import functools
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar, Union, get_args, get_origin

import attrs

from nato_ukraine.dates import PartialDate, Period
from nato_ukraine.models import COLLECTIONS, META, Meaning, NameRole, When

__all__ = [
    "Dating",
    "Ends",
    "FieldSpec",
    "Naming",
    "Shape",
    "Site",
    "collection_of",
    "date_ends",
    "dating",
    "field_specs",
    "naming",
    "nested_classes",
    "per_class",
    "record_date",
    "record_span",
    "references",
    "role_field",
    "singular",
    "sites",
    "span_ends",
]


class Shape(enum.Enum):
    """What one item of a field is, in the JSON form and in the record."""

    TEXT = "text"  #: a string
    INT = "int"  #: a whole number
    DATE = "date"  #: a PartialDate, written as a string
    ENUM = "enum"  #: a member of an enumeration, written as its value
    RECORD = "record"  #: an attrs class nested in the record, written as an object


_NO_MEANING = Meaning()
_T = TypeVar("_T")


def per_class(function: Callable[[type], _T]) -> Callable[[type], _T]:
    """``function``, its answer for each class worked out once (``functools.cache`` does the
    same, but a type checker takes an attrs class, with its ``__hash__``, for unhashable)."""
    answers: dict[type, _T] = {}

    @functools.wraps(function)
    def answer(cls: type) -> _T:
        try:
            return answers[cls]
        except KeyError:
            return answers.setdefault(cls, function(cls))

    return answer


class FieldSpec(NamedTuple):
    """One field of a record class, as every part of the package reads it.

    Attributes:
        name: The field's name (its key in the JSON form).
        type: The field's type, whole (``tuple[str, ...]``).
        item: The type of one item: ``str``, ``int``, ``PartialDate``, an enum or an attrs class.
        shape: What the item is.
        many: The field holds a tuple of items (a list in JSON).
        optional: The field may be None (null in JSON).
        default: The field's default (an ``attrs.Factory`` for a made one), or ``attrs.NOTHING``
            when it is required.
        meaning: What the field means, as declared in its metadata.
    """

    name: str
    type: Any
    item: Any
    shape: Shape
    many: bool
    optional: bool
    default: Any
    meaning: Meaning

    @property
    def required(self) -> bool:
        """Whether a record must give the field."""
        return self.default is attrs.NOTHING


@per_class
def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The spec of each field of an attrs class, in the class's order.

    Raises:
        TypeError: If a field's type is none this package can read (see :class:`Shape`).
    """
    hints = _field_types(cls)
    specs = []
    for field in attrs.fields(cls):
        whole = type_ = hints[field.name]
        optional = _optional_of(type_) is not None
        if optional:
            type_ = _optional_of(type_)
        many = get_origin(type_) is tuple
        if many:
            args = get_args(type_)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"{cls.__name__}.{field.name}: a tuple field must be tuple[X, ...]")
            type_ = args[0]
        meaning = field.metadata.get(META, _NO_MEANING)
        specs.append(
            FieldSpec(field.name, whole, type_, _shape(cls, field.name, type_), many, optional, field.default, meaning)
        )
    return tuple(specs)


def _optional_of(type_: Any) -> Any:
    """The X of ``X | None``, or None for any other type."""
    args = get_args(type_)
    if get_origin(type_) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


def _shape(cls: type, name: str, type_: Any) -> Shape:
    if type_ is str:
        return Shape.TEXT
    if type_ is int:
        return Shape.INT
    if type_ is PartialDate:
        return Shape.DATE
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return Shape.ENUM
    if isinstance(type_, type) and attrs.has(type_):
        return Shape.RECORD
    raise TypeError(f"{cls.__name__}.{name}: no reader for the type {type_!r}")


def _field_types(cls: type) -> dict[str, Any]:
    """The type of each attrs field of ``cls``, from its annotation.

    The record classes' annotations are strings (``from __future__ import annotations``) of
    three forms: ``X``, ``X | None`` and ``tuple[X, ...]``, X a builtin or a name of the
    class's module. Those are resolved here by name, as a first load cannot afford
    ``typing.get_type_hints``, which compiles every string anew; any other form is left to it.
    """
    namespace = {"str": str, "int": int, **vars(sys.modules[cls.__module__])}

    def resolve(text: str) -> Any:
        if text.endswith(" | None"):
            return resolve(text[: -len(" | None")]) | None
        if text.startswith("tuple[") and text.endswith(", ...]"):
            return tuple[resolve(text[len("tuple[") : -len(", ...]")]), ...]  # type: ignore[misc]
        if text.isidentifier() and text in namespace:
            return namespace[text]
        raise NameError(text)

    fields = attrs.fields(cls)
    try:
        return {field.name: resolve(field.type) if isinstance(field.type, str) else field.type for field in fields}
    except NameError:
        from typing import get_type_hints

        return get_type_hints(cls)


def nested_classes(cls: type) -> list[type]:
    """``cls`` and every attrs class its fields hold, however deep, each once."""
    found = [cls]
    for member in found:  # (grows as it goes)
        for spec in field_specs(member):
            if spec.shape is Shape.RECORD and spec.item not in found:
                found.append(spec.item)
    return found


def collection_of(cls: type) -> str | None:
    """The name of the collection whose records are of ``cls``, or None."""
    return next((name for name, member in COLLECTIONS.items() if member is cls), None)


# ---------------------------------------------------------------------------------------------
# Sites: fields of a record, or of records nested in it


class Site(NamedTuple):
    """A field of a record, or of a record nested in it (``citations[].source``), whose meaning
    some part of the package acts on.

    Attributes:
        path: The specs from the record down to the field; every spec but the last holds
            nested records.
    """

    path: tuple[FieldSpec, ...]

    @property
    def field(self) -> FieldSpec:
        """The field itself."""
        return self.path[-1]

    @property
    def meaning(self) -> Meaning:
        """What the field means."""
        return self.path[-1].meaning

    def located(self, record: Any) -> list[tuple[str, Any]]:
        """Every value at this site in ``record`` (an item of a tuple field is one value; None is
        none), with its path in the record (``.citations[0].source``)."""
        found: list[tuple[str, Any]] = []
        _gather(record, self.path, "", found)
        return found

    def ids(self, record: Any) -> list[Any]:
        """Every value at this site in ``record``, without the paths."""
        return [value for _, value in self.located(record)]

    def values(self, records: Iterable[Any]) -> Iterator[Any]:
        """Every value at this site in each of ``records``, as :meth:`located` gives them, taken
        a field at a time across all the records (each step a builtin mapped in C)."""
        values: Iterable[Any] = records
        for spec in self.path:
            values = map(attrgetter(spec.name), values)
            if spec.optional:
                values = filter(_is_set, values)
            if spec.many:
                values = chain.from_iterable(values)
        return iter(values)


def _is_set(value: object) -> bool:
    return value is not None


def _gather(value: Any, path: tuple[FieldSpec, ...], where: str, found: list[tuple[str, Any]]) -> None:
    spec, rest = path[0], path[1:]
    held = getattr(value, spec.name)
    if held is None:
        return
    items = enumerate(held) if spec.many else [(None, held)]
    for index, item in items:
        at = f"{where}.{spec.name}" if index is None else f"{where}.{spec.name}[{index}]"
        if rest:
            _gather(item, rest, at, found)
        else:
            found.append((at, item))


@per_class
def sites(cls: type) -> tuple[Site, ...]:
    """Every field of a record of ``cls`` that declares a meaning, nested ones included, in field order."""
    found = []
    for spec in field_specs(cls):
        if spec.meaning != _NO_MEANING:
            found.append(Site((spec,)))
        if spec.shape is Shape.RECORD:
            found += [Site((spec, *inner.path)) for inner in sites(spec.item)]
    return tuple(found)


@per_class
def references(cls: type) -> tuple[Site, ...]:
    """Every site in a record of ``cls`` that holds ids of other records, in field order.

    Raises:
        TypeError: If a reference is declared on a field that does not hold ids, or has no relation.
    """
    found = tuple(site for site in sites(cls) if site.meaning.collection is not None)
    for site in found:
        if site.field.item is not str or site.meaning.relation is None:
            raise TypeError(f"{cls.__name__}.{site.field.name}: a reference holds ids (str) and names its relation")
    return found


@per_class
def role_field(cls: type) -> str | None:
    """The field of a nested class that holds the role of the links its references make (the
    ``role`` of a participation), or None."""
    return next((spec.name for spec in field_specs(cls) if spec.meaning.edge_role), None)


def singular(collection: str) -> str:
    """One record of a collection, or one item of a field, in words: ``bodies`` -> ``body``."""
    if collection == "people":
        return "person"
    if collection.endswith("ies"):
        return collection[:-3] + "y"
    return collection.removesuffix("s")


# ---------------------------------------------------------------------------------------------
# Dates

#: The two ends of a span; None for an open end.
Ends = tuple[PartialDate | None, PartialDate | None]


class Dating(NamedTuple):
    """How the records of one class are dated, from the roles of their date fields (see
    :class:`~nato_ukraine.models.When`).

    A record's *date* is what ``between`` and ``on`` ask about: an occurrence's days, or else
    the first date that starts it, or its period's start, or its point in time. Its *span* is
    what ``active_on`` and ``lookup(on=)`` ask about: an occurrence's days, its period, or from
    its first start to its end. A class with an END field or a period always has a span (its
    ends may be open); a class with only START fields has one when one of them is set.

    Attributes:
        occurred: The OCCURRED field, if any.
        until: The UNTIL field, if any.
        starts: The START fields, in order.
        end: The END field, if any.
        period: The PERIOD field, if any.
        point: The POINT field, if any.
    """

    occurred: str | None = None
    until: str | None = None
    starts: tuple[str, ...] = ()
    end: str | None = None
    period: str | None = None
    point: str | None = None

    def date_ends(self, record: Any) -> Ends | None:
        """The first and last date a record is dated by; None when it has no date."""
        if self.occurred is not None:
            first = getattr(record, self.occurred)
            last = None if self.until is None else getattr(record, self.until)
            return first, first if last is None else last
        start = self._first_start(record)
        if start is None and self.period is not None:
            start = getattr(record, self.period).start
        if start is None and self.point is not None:
            start = getattr(record, self.point)
        return None if start is None else (start, start)

    def span_ends(self, record: Any) -> Ends | None:
        """The ends of the span in which a record existed or ran (None an open end); None when it has none."""
        if self.occurred is not None:
            return self.date_ends(record)
        if self.period is not None:
            period: Period = getattr(record, self.period)
            return period.start, period.end
        start = self._first_start(record)
        if self.end is not None:
            return start, getattr(record, self.end)
        return None if start is None else (start, None)

    def _first_start(self, record: Any) -> PartialDate | None:
        for name in self.starts:
            value: PartialDate | None = getattr(record, name)
            if value is not None:
                return value
        return None

    def entries(self) -> tuple[tuple[str, str, str | None], ...]:
        """The timeline entries of a record, in the order of the record's own dates: (what,
        field of its date, field of its end). ``what`` is ``"event"`` for an occurrence, else
        the field's name, or ``"start"`` and ``"end"`` for a period's ends."""
        found: list[tuple[str, str, str | None]] = []
        if self.occurred is not None:
            found.append(("event", self.occurred, self.until))
        found += [(name, name, None) for name in self.starts]
        if self.period is not None:
            found += [("start", f"{self.period}.start", None), ("end", f"{self.period}.end", None)]
        if self.end is not None:
            found.append((self.end, self.end, None))
        return tuple(found)

    def in_order(self) -> tuple[tuple[str, str], ...]:
        """The pairs of date fields (earlier, later) whose dates must come in that order: each
        START before the STARTs after it, every START before the END, OCCURRED before UNTIL."""
        pairs = [(a, b) for i, a in enumerate(self.starts) for b in self.starts[i + 1 :]]
        if self.end is not None:
            pairs += [(start, self.end) for start in self.starts]
        if self.occurred is not None and self.until is not None:
            pairs.append((self.occurred, self.until))
        return tuple(pairs)


def date_ends(record: Any) -> Ends | None:
    """The first and last date a record is dated by (see :class:`Dating`); None when it has no date."""
    return dating(type(record)).date_ends(record)


def span_ends(record: Any) -> Ends | None:
    """The ends of the span a record existed or ran in (see :class:`Dating`); None when it has none."""
    return dating(type(record)).span_ends(record)


def record_date(record: Any) -> Period | None:
    """The span of days a record is dated by, as a period; None when it has no date."""
    ends = date_ends(record)
    return None if ends is None else Period(*ends)


def record_span(record: Any) -> Period | None:
    """The span in which a record existed or ran, as a period; None when it has none."""
    ends = span_ends(record)
    return None if ends is None else Period(*ends)


@per_class
def dating(cls: type) -> Dating:
    """How records of ``cls`` are dated, from the roles of its date fields.

    Raises:
        TypeError: If the roles do not fit together (two OCCURRED fields, say).
    """
    roles: dict[When, list[str]] = {}
    for spec in field_specs(cls):
        role = spec.meaning.when
        if role is None:
            continue
        wanted = Period if role is When.PERIOD else PartialDate
        if spec.item is not wanted or spec.many:
            raise TypeError(f"{cls.__name__}.{spec.name}: a {role.value} date must be one {wanted.__name__}")
        roles.setdefault(role, []).append(spec.name)
    for role, names in roles.items():
        if role is not When.START and len(names) > 1:
            raise TypeError(f"{cls.__name__}: more than one {role.value} field ({', '.join(names)})")
    single = {role: names[0] for role, names in roles.items()}
    if When.UNTIL in single and When.OCCURRED not in single:
        raise TypeError(f"{cls.__name__}: an until field needs an occurred field")
    return Dating(
        occurred=single.get(When.OCCURRED),
        until=single.get(When.UNTIL),
        starts=tuple(roles.get(When.START, ())),
        end=single.get(When.END),
        period=single.get(When.PERIOD),
        point=single.get(When.POINT),
    )


# ---------------------------------------------------------------------------------------------
# Names


class Naming(NamedTuple):
    """The text fields of a class that lookup and search read (see :class:`~nato_ukraine.models.NameRole`)."""

    name: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    #: Alias fields of nested records (names in other languages), each with the field of the
    #: nested record that holds the text.
    nested: tuple[tuple[str, str], ...] = ()

    def names(self, record: Any) -> list[str]:
        """A record's names: its name, then its aliases (those of nested records after), then
        its acronym (those set)."""
        found: list[str] = [getattr(record, field) for field in self.name]
        for field in self.aliases:
            found += getattr(record, field)
        for field, text in self.nested:
            found += [getattr(item, text) for item in getattr(record, field)]
        for field in self.acronyms:
            value = getattr(record, field)
            if value:
                found.append(value)
        return found

    def other_names(self, record: Any) -> bool:
        """Whether a record has a name besides its name (an alias or an acronym)."""
        fields = (*self.aliases, *(field for field, _ in self.nested), *self.acronyms)
        return any(getattr(record, field) for field in fields)

    def text(self, record: Any) -> str:
        """A record's prose, the fields joined by a space."""
        return " ".join(getattr(record, field) for field in self.texts)


@per_class
def naming(cls: type) -> Naming:
    """The fields of ``cls`` that lookup and search read."""
    roles: dict[NameRole, list[str]] = {}
    nested: list[tuple[str, str]] = []
    for spec in field_specs(cls):
        role = spec.meaning.name
        if role is NameRole.ALIAS and spec.many and spec.shape is Shape.RECORD:  # names with a language
            inner = naming(spec.item).name
            if len(inner) != 1:
                raise TypeError(f"{cls.__name__}.{spec.name}: a name of its own has one name field")
            nested.append((spec.name, inner[0]))
        elif role is not None:
            if spec.item is not str or spec.many != (role is NameRole.ALIAS):
                raise TypeError(f"{cls.__name__}.{spec.name}: a {role.value} must be {_NAME_TYPES[role]}")
            roles.setdefault(role, []).append(spec.name)
    if collection_of(cls) is not None and len(roles.get(NameRole.NAME, ())) != 1:
        raise TypeError(f"{cls.__name__}: a record class has one name field")
    name, aliases, acronyms, texts = (tuple(roles.get(role, ())) for role in NameRole)
    return Naming(name, aliases, acronyms, texts, tuple(nested))


_NAME_TYPES = {
    NameRole.NAME: "a str",
    NameRole.ALIAS: "a tuple of str, or of records with a name field",
    NameRole.ACRONYM: "a str or None",
    NameRole.TEXT: "a str",
}
