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

from typing import Any

import attrs

from nato_ukraine._fields import FieldSpec, Shape, field_specs
from nato_ukraine.models import COLLECTIONS, Manifest

__all__ = ["json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ISO_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_NOT_BLANK = r"\S"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, as :func:`nato_ukraine.load` reads it.

    A dataset file is an object whose keys are collection names (and, optionally,
    ``manifest``); each bundled ``data/<collection>.json`` file is such an object with one key.

    Returns:
        The schema, as a dict ready for :func:`json.dumps`.
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {"manifest": _class_schema(Manifest, defs)}
    for name, cls in COLLECTIONS.items():
        properties[name] = {"type": "array", "items": _class_schema(cls, defs)}
    return {
        "$schema": DRAFT,
        "title": "nato_ukraine dataset",
        "description": "A dataset file: one list of records per collection, keyed by collection name.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def _item_schema(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one item of a field, with the constraints its meaning declares."""
    if spec.shape is Shape.TEXT:
        schema: dict[str, Any] = {"type": "string"}
        if spec.meaning.collection is not None or spec.name == "id":
            schema["pattern"] = _SLUG
        elif spec.meaning.nonblank:
            schema["pattern"] = _NOT_BLANK
        if spec.meaning.max_length is not None:
            schema["maxLength"] = spec.meaning.max_length
        return schema
    if spec.shape is Shape.INT:
        return {"type": "integer"}
    if spec.shape is Shape.DATE:
        defs.setdefault(
            "PartialDate",
            {
                "type": "string",
                "pattern": _ISO_DATE,
                "description": "A date at year, month or day precision: 1997, 2017-06 or 2016-07-09.",
            },
        )
        return {"$ref": "#/$defs/PartialDate"}
    if spec.shape is Shape.ENUM:
        defs.setdefault(spec.item.__name__, {"enum": [member.value for member in spec.item]})
        return {"$ref": f"#/$defs/{spec.item.__name__}"}
    return _class_schema(spec.item, defs)


def _field_schema(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _item_schema(spec, defs)
    if spec.many:
        schema = {"type": "array", "items": schema}
        if spec.meaning.nonempty:
            schema["minItems"] = 1
    if spec.optional:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder: stops recursion on self-reference
        defs[cls.__name__] = _object_schema(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for spec in field_specs(cls):
        schema = _field_schema(spec, defs)
        doc = _field_doc(cls, spec.name)
        if doc:
            schema = {"description": doc, **schema}  # beside a $ref too: draft 2020-12 allows it
        properties[spec.name] = schema
        if spec.default is attrs.NOTHING:
            required.append(spec.name)
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
