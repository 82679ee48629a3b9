"""A JSON Schema (draft 2020-12) of the dataset's JSON form, generated from the record classes.

    >>> import nato_ukraine as nu
    >>> schema = nu.json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'

The schema describes the form the package writes: ISO dates at their own precision, enum
values, id strings, lists. (The loader also reads dates written out, such as "June 2017"; the
schema asks for the ISO form.) It is built from the attrs classes, so it cannot drift from them.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Union

import attrs

from nato_ukraine.dates import PartialDate
from nato_ukraine.models import COLLECTIONS, Manifest

__all__ = ["json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ISO_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Constraints the types alone do not say.
_FIELD_EXTRAS: dict[tuple[str, str], dict[str, Any]] = {
    ("Citation", "quote"): {"minLength": 1, "maxLength": 300},
    ("Citation", "source"): {"pattern": _SLUG},
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, as :func:`nato_ukraine.load` reads it.

    A dataset file is an object whose keys are collection names (and, optionally,
    ``manifest``); each bundled ``data/<collection>.json`` file is such an object with one key.

    Returns:
        The schema, as a dict ready for :func:`json.dumps`.
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {"manifest": _schema_of(Manifest, defs)}
    for name, cls in COLLECTIONS.items():
        properties[name] = {"type": "array", "items": _schema_of(cls, defs)}
    return {
        "$schema": DRAFT,
        "title": "nato_ukraine dataset",
        "description": "A dataset file: one list of records per collection, keyed by collection name.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def _schema_of(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if origin in (Union, types.UnionType):
        options = [_schema_of(arg, defs) for arg in args if arg is not type(None)]
        if type(None) in args:
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(args[0], defs)}
    if type_ is str:
        return {"type": "string"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is PartialDate:
        defs.setdefault(
            "PartialDate",
            {
                "type": "string",
                "pattern": _ISO_DATE,
                "description": "A date at year, month or day precision: 1997, 2017-06 or 2016-07-09.",
            },
        )
        return {"$ref": "#/$defs/PartialDate"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        defs.setdefault(type_.__name__, {"enum": [member.value for member in type_]})
        return {"$ref": f"#/$defs/{type_.__name__}"}
    if isinstance(type_, type) and attrs.has(type_):
        if type_.__name__ not in defs:
            defs[type_.__name__] = {}  # placeholder: stops recursion on self-reference
            defs[type_.__name__] = _object_schema(type_, defs)
        return {"$ref": f"#/$defs/{type_.__name__}"}
    raise TypeError(f"no JSON Schema for {type_!r}")  # pragma: no cover - a new field type


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = dict(_schema_of(hints[field.name], defs))
        if field.name == "id":
            schema["pattern"] = _SLUG
        schema.update(_FIELD_EXTRAS.get((cls.__name__, field.name), {}))
        doc = _field_doc(cls, field.name)
        if doc:
            schema = {"description": doc, **schema}  # beside a $ref too: draft 2020-12 allows it
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    summary = (cls.__doc__ or "").strip().splitlines()
    if summary:
        result = {"description": summary[0], **result}
    return result


def _field_doc(cls: type, name: str) -> str:
    # The "Attributes:" section of the class docstrings (the class's own, then its bases').
    for klass in cls.__mro__:
        lines = (klass.__doc__ or "").splitlines()
        for i, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith(f"{name}:"):
                text = [stripped[len(name) + 1 :].strip()]
                indent = len(line) - len(line.lstrip())
                for follow in lines[i + 1 :]:
                    if follow.strip() and len(follow) - len(follow.lstrip()) > indent:
                        text.append(follow.strip())
                    else:
                        break
                return " ".join(text)
    return ""
