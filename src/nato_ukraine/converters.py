"""The converter between the record classes and their JSON form.

The JSON form of a record uses its attribute names as keys; a :class:`PartialDate` is its ISO
string at its own precision (``"1997"``, ``"2017-06"``, ``"2016-07-09"``); a :class:`Period`
is ``{"start": ..., "end": ...}``; an enum is its value; references are id strings; tuples are
lists. Fields left at their default are left out when writing.

The converter is strict: a key the class does not have is an error, a string does not pass
for a list, and a number does not pass for a string.

Example::

    >>> import nato_ukraine as nu
    >>> converter = nu.make_converter()
    >>> converter.structure({"start": "2016"}, nu.Period)
    Period(start=PartialDate('2016'), end=None)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from nato_ukraine._fields import Shape, field_specs, nested_classes
from nato_ukraine.dates import PartialDate
from nato_ukraine.models import COLLECTIONS, Manifest

__all__ = ["configure_converter", "dataset_json", "make_converter"]

E = TypeVar("E", bound=enum.Enum)


def _classes() -> list[type]:
    """The record classes and every class they hold, each after every class it holds (a figure
    after its citation), then the manifest's: the order their hooks are made in."""
    found: list[type] = []

    def visit(cls: type) -> None:
        for member in nested_classes(cls)[1:]:
            if member not in found:
                visit(member)
        if cls not in found:
            found.append(cls)

    for cls in [*COLLECTIONS.values(), Manifest]:
        visit(cls)
    return found


def _enums(classes: list[type]) -> list[type[enum.Enum]]:
    """The enumerations the fields of ``classes`` hold."""
    found: list[type[enum.Enum]] = []
    for cls in classes:
        for spec in field_specs(cls):
            if spec.shape is Shape.ENUM and spec.item not in found:
                found.append(spec.item)
    return found


# Distinct date strings are few; sharing one object for each keeps memory down.
_DATE_CACHE_LIMIT = 65536


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Make a converter that reads and writes the JSON form of the records.

    Args:
        detailed_validation: Collect every problem in a record, with its path, instead of
            stopping at the first (slower; the loader uses it to report errors).

    Returns:
        A new :class:`cattrs.Converter`, configured by :func:`configure_converter`.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    configure_converter(converter)
    return converter


def dataset_json(manifest: Manifest, collections: Mapping[str, Iterable[Any]], *, indent: int | None = 2) -> str:
    """A dataset's JSON form, as one file that :func:`nato_ukraine.load` reads back: a
    ``manifest`` key and one key per collection, each a list of records ordered by id, keys
    sorted, so that equal datasets give equal text."""
    import json

    converter = make_converter(detailed_validation=False)
    payload: dict[str, Any] = {"manifest": converter.unstructure(manifest)}
    for name, records in collections.items():
        payload[name] = [converter.unstructure(record) for record in sorted(records, key=lambda r: r.id)]
    return json.dumps(payload, ensure_ascii=False, indent=indent, sort_keys=True) + "\n"


def configure_converter(converter: cattrs.Converter) -> None:
    """Register the hooks for the JSON form of the records on ``converter``.

    Args:
        converter: The converter to configure. It should have ``forbid_extra_keys=True`` to
            refuse unknown keys, as :func:`make_converter` sets.
    """
    dates: dict[str, PartialDate] = {}

    def structure_date(value: object, _: type) -> PartialDate:
        if isinstance(value, str):
            found = dates.get(value)
            if found is None:
                found = PartialDate.parse(value)
                if len(dates) >= _DATE_CACHE_LIMIT:
                    dates.clear()
                dates[value] = found
            return found
        raise TypeError(f"expected a date string, not {_json_type(value)}")

    converter.register_structure_hook(PartialDate, structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_factory(_is_tuple_of_many, lambda t: _make_tuple_hook(converter, t))
    converter.register_unstructure_hook_factory(_is_tuple_of_many, lambda t: _make_list_unstructure(converter, t))
    classes = _classes()
    for enum_cls in _enums(classes):
        converter.register_structure_hook(enum_cls, _make_enum_hook(enum_cls))
        converter.register_unstructure_hook(enum_cls, _enum_value)
    for cls in classes:
        _register_class(converter, cls)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _make_enum_hook(enum_cls: type[E]) -> Callable[[object, Any], E]:
    members: dict[str, E] = {member.value: member for member in enum_cls}
    allowed = ", ".join(members)

    def structure_enum(value: object, _: Any) -> E:
        if isinstance(value, str):
            member = members.get(value)
            if member is not None:
                return member
            raise ValueError(f"{value!r} is not a valid {enum_cls.__name__}; expected one of: {allowed}")
        raise TypeError(f"expected a string, not {_json_type(value)}")

    return structure_enum


def _register_class(converter: cattrs.Converter, cls: type) -> None:
    forbid = getattr(converter, "forbid_extra_keys", True)
    # Hooks are generated once per class, up front, so the first load pays no lazy cost.
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=forbid,
        _cattrs_detailed_validation=converter.detailed_validation,
    )

    def structure_object(value: object, type_: Any) -> Any:
        if isinstance(value, dict):
            return generated(value, type_)
        raise TypeError(f"expected an object, not {_json_type(value)}")

    converter.register_structure_hook(cls, structure_object)
    converter.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string, not {_json_type(value)}")


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:  # not a bool (True is an int to Python, not to JSON), not a float
        return value
    raise TypeError(f"expected a whole number, not {_json_type(value)}")


def _is_tuple_of_many(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_tuple_hook(converter: cattrs.Converter, type_: Any) -> Callable[[object, Any], tuple[Any, ...]]:
    item_type = get_args(type_)[0]
    item_hook = converter.get_structure_hook(item_type)
    detailed = converter.detailed_validation

    def structure_tuple(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, not {_json_type(value)}")
        if item_type is str:
            for item in value:
                if not isinstance(item, str):
                    break
            else:
                return tuple(value)
        if not detailed:
            return tuple(item_hook(item, item_type) for item in value)
        result: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                result.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - gathered into one group, as cattrs does
                note = cattrs.IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type)
                setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010 - no add_note on 3.10
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(result)

    return structure_tuple


def _make_list_unstructure(converter: cattrs.Converter, type_: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_type = get_args(type_)[0]
    if item_type is str:
        return list
    item_hook = converter.get_unstructure_hook(item_type)

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure_tuple
