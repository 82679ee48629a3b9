"""A JSON Schema (draft 2020-12) of a dataset file, generated from the record classes.

    >>> import nato_ukraine as nu
    >>> schema = nu.json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'

The schema accepts what :func:`nato_ukraine.load` accepts, as far as a JSON Schema can say it:
it is built from the field specs of the attrs classes and from the meaning declared on each
field (see :mod:`nato_ukraine._fields`), as the loader's structurers and rules are, so it cannot
drift from them. Types, required fields, unknown keys, enum values, slugs, texts that must not be
blank or are bounded in length, lists that must not be empty and the ISO dates are checked
exactly. What a JSON Schema cannot check (unique ids, references that resolve, the order of a
record's dates, the whole grammar of written dates, ...) is listed in the schema's own
``description``, and in ``docs/concepts/extending.md``.
"""

from __future__ import annotations

from typing import Any

import attrs

from nato_ukraine._fields import FieldSpec, Shape, collection_of, dating, field_specs, singular
from nato_ukraine._rules import SLUG, id_path
from nato_ukraine.models import COLLECTIONS, Manifest

__all__ = ["json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The patterns are written for both dialects a validator may use, ECMA-262 and Python's ``re``
# (jsonschema's): no \s (the two disagree on what is white space), no \Z, no look-behind; ``$``
# is followed by (?!\n), as Python's ``$`` also matches before a final newline.
_END = r"$(?!\n)"

#: Python's white space (``str.isspace``, what ``str.strip`` strips): what the loader takes for
#: blank in a text, and strips around a date.
_WHITE = r"\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS = f"[{_WHITE}]"
_NOT_BLANK = f"[^{_WHITE}]"
_SLUG = f"^(?:{SLUG}){_END}"

# ISO dates, exactly as the parser reads them: a year from 0001, a month, or a day of that month
# (the 29th of February in a leap year only).
_YEAR = r"(?!0000)[0-9]{4}"
_QUARTERS = r"(?:0[48]|[2468][048]|[13579][26])"  # the two-digit multiples of 4, but 00
_LEAP_YEAR = f"(?:[0-9]{{2}}{_QUARTERS}|{_QUARTERS}00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_ISO = f"{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29"
# What the parser reads as ISO or refuses as such (short parts, "2017-6", are refused).
_ISO_SHAPED = "[0-9]{4}(?:-[0-9]{1,2}){0,2}"

# Written dates, by their shape only: ASCII letters, numbers of one or two digits and one year
# of four (from 1000), joined by white space and the marks , . ; ' / (a hyphen only between
# letters or digits; the parser skips NUL), neither starting nor ending with - or /.
_GAP = f"[{_WHITE}\\x00,.;'/]"
_MARK = r"[\x00,.;']"
_PART = r"(?:[A-Za-z]|[0-9]{1,2}(?![0-9]))"
_WRITTEN_YEAR = r"[1-9][0-9]{3}(?![0-9])"
_JOIN = f"(?:-|{_GAP}*)"
_WRITTEN = f"(?:{_MARK}{_GAP}*)?(?:{_PART}{_JOIN})*{_WRITTEN_YEAR}(?:{_JOIN}{_PART})*(?:{_GAP}*{_MARK})?"
_DATE = f"^{_WS}*(?:{_ISO}|(?!{_ISO_SHAPED}{_WS}*{_END}){_WRITTEN}){_WS}*{_END}"

_DATE_DESCRIPTION = (
    "A date at year, month or day precision: in ISO form (1997, 2017-06, 2016-07-09, checked "
    'exactly) or written out ("June 2017", "9 July 2016", checked by its shape only; see the '
    "schema's description), white space around it ignored."
)


def _unchecked() -> list[str]:
    """The rules of the loader that a JSON Schema cannot express, one sentence each."""
    from nato_ukraine._loading import SCHEMA_VERSION

    names = ", ".join(COLLECTIONS)
    versions = str(SCHEMA_VERSION)
    return [
        "Ids are unique across the dataset (with load(extra=...), across the data added to as well).",
        "Every reference resolves to a record of the collection it points into "
        "(a citation's source to a source, a body's parents to bodies, a participant to a body or a person).",
        "No chain of part-of links (parents, parent) or of succession links (predecessor, successor) "
        "leads back to the record it started from.",
        f"The dates of a record come in order, none certainly before one that comes earlier: {_dates_in_order()}.",
        "The full date grammar. The schema checks an ISO date (1997, 2017-06, 2016-07-09) exactly, "
        "the calendar and leap years included, but a written date only by its shape: ASCII letters, "
        "digits 0-9, white space, NUL (which the parser skips), the marks , . ; ' / and a hyphen between "
        "letters or digits; one four-digit year from 1000 to 9999, no other number of more than two digits, "
        "and no hyphen or slash at either end. So it lets through written texts the loader's parser refuses: "
        "unknown words "
        '("Juny 2017", "summer 2017", "mid-2017"), a day and a month that could be swapped '
        '("03/04/2017", "9.7.2016", "2017/06/09"), a number that is neither a day nor a month '
        '("1997/98", "13 2017"), a day past the end of its month ("31 June 2017"), a weekday that '
        'is wrong or has no day ("Sunday 9 July 2016", "Monday June 2017"), a word read as a time of '
        'day ("9 July 2016 am"), an ordinal day with no month ("9th 2016"), an ISO month with a month '
        'named too ("2016-07-Jul"). It refuses no date the parser reads.',
        f"A manifest's schema_version is one this version of nato_ukraine reads ({versions}).",
        f"A manifest's coverage names collections of the dataset ({names}).",
        "A whole number is written as one (JSON Schema counts 1.0 as an integer; the loader does not), "
        "in no more digits than Python reads (4,300).",
        "No string holds a lone surrogate (an escaped \\ud800 with no pair), which UTF-8 cannot hold.",
        "No collection key is given twice at the top of a file: a validator sees only the last list.",
    ]


def _dates_in_order() -> str:
    """The date fields of each class of records that must come in order, from their roles (see
    :meth:`~nato_ukraine._fields.Dating.in_order`), and a period's ends."""
    found = []
    for name, cls in COLLECTIONS.items():
        roles = dating(cls)
        chains = [[*roles.starts, *filter(None, [roles.end])], [*filter(None, [roles.occurred, roles.until])]]
        for chain in chains:
            if len(chain) > 1:
                found.append(f"{_a(singular(name))}'s {', '.join(chain[:-1])} and {chain[-1]}")
    return "; ".join([*found, "a period's start and end"])


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, as :func:`nato_ukraine.load` reads it.

    A dataset file is an object whose keys are collection names (and, optionally,
    ``manifest``); each bundled ``data/<collection>.json`` file is such an object with one key,
    and ``data/manifest.json`` is what the ``manifest`` key holds. The schema accepts what the
    loader accepts, except for the rules its ``description`` lists, which no JSON Schema can
    express.

    Returns:
        The schema, as a dict ready for :func:`json.dumps`.
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {"manifest": _class_schema(Manifest, defs)}
    for name, cls in COLLECTIONS.items():
        properties[name] = {"type": "array", "items": _class_schema(cls, defs)}
    description = (
        "A dataset file: one list of records per collection, keyed by collection name, and "
        "optionally a manifest (a dataset directory's manifest.json is what the manifest key holds). "
        "nato_ukraine.load() also checks these rules, which a JSON Schema cannot express:\n"
    )
    return {
        "$schema": DRAFT,
        "title": "nato_ukraine dataset",
        "description": description + "\n".join(f"- {rule}" for rule in _unchecked()),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def _item_schema(spec: FieldSpec, slug: bool, defs: dict[str, Any], owner: type | None = None) -> dict[str, Any]:
    """The schema of one item of a field, with the constraints its meaning declares."""
    if spec.shape is Shape.TEXT and spec.meaning.field_names and owner is not None:
        names = [other.name for other in field_specs(owner) if other.name not in ("id", spec.name)]
        return {"enum": names}
    if spec.shape is Shape.TEXT:
        schema: dict[str, Any] = {"type": "string"}
        if slug or spec.meaning.collection is not None:  # (an id, or a reference to one)
            schema["pattern"] = _SLUG
        elif spec.meaning.pattern is not None:  # (the declared patterns use no \s, \Z or look-behind)
            schema["pattern"] = f"^(?:{spec.meaning.pattern}){_END}"
        elif spec.meaning.nonblank:
            schema["pattern"] = _NOT_BLANK
        if spec.meaning.max_length is not None:
            schema["maxLength"] = spec.meaning.max_length
        return schema
    if spec.shape is Shape.INT:
        return {"type": "integer"}  # (not a boolean: JSON Schema's integers are numbers)
    if spec.shape is Shape.DATE:
        defs.setdefault("PartialDate", {"description": _DATE_DESCRIPTION, "type": "string", "pattern": _DATE})
        return {"$ref": "#/$defs/PartialDate"}
    if spec.shape is Shape.ENUM:
        defs.setdefault(spec.item.__name__, {"enum": [member.value for member in spec.item]})
        return {"$ref": f"#/$defs/{spec.item.__name__}"}
    return _class_schema(spec.item, defs)


def _field_schema(spec: FieldSpec, slug: bool, defs: dict[str, Any], owner: type | None = None) -> dict[str, Any]:
    schema = _item_schema(spec, slug, defs, owner)
    if spec.many:
        schema = {"type": "array", "items": schema}
        if spec.meaning.nonempty:
            schema["minItems"] = 1
    if spec.optional:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _required(spec: FieldSpec) -> bool:
    """Whether a record must give the field: it has no default, or its default breaks the rule
    its meaning declares (an empty tuple of citations, which must have one)."""
    if spec.default is attrs.NOTHING:
        return True
    if isinstance(spec.default, attrs.Factory) and spec.default.takes_self:  # type: ignore[arg-type]
        return False  # (made from the record's other fields: an event's codes)
    default = spec.default.factory() if isinstance(spec.default, attrs.Factory) else spec.default  # type: ignore[arg-type]
    meaning = spec.meaning
    if default is None:
        return False
    if spec.many:
        return meaning.nonempty and not default
    if isinstance(default, str):
        too_long = meaning.max_length is not None and len(default) > meaning.max_length
        return too_long or (meaning.nonblank and (not default or default.isspace()))
    return False


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder: stops recursion on self-reference
        defs[cls.__name__] = _object_schema(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    # A record's id is a slug, as the loader's rules hold the records of a collection to.
    ids = id_path(cls) if collection_of(cls) is not None else ()
    for spec in field_specs(cls):
        schema = _field_schema(spec, spec in ids, defs, cls)
        doc = _field_doc(cls, spec.name)
        if doc:
            schema = {"description": doc, **schema}  # beside a $ref too: draft 2020-12 allows it
        properties[spec.name] = schema
        if _required(spec):
            required.append(spec.name)
    result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    conditions = [*_one_of(cls), *_requires(cls)]
    if conditions:
        result["allOf"] = conditions
    summary = (cls.__doc__ or "").strip().splitlines()
    if summary:
        result = {"description": summary[0], **result}
    return result


def _one_of(cls: type) -> list[dict[str, Any]]:
    """For each group of fields of which a record gives exactly one (a participation's body and
    person): one of them is given and not null, and the others are left out or null."""
    groups: dict[str, list[str]] = {}
    for spec in field_specs(cls):
        if spec.meaning.one_of is not None:
            groups.setdefault(spec.meaning.one_of, []).append(spec.name)
    found = []
    for names in groups.values():
        choices = [
            {
                "required": [name],
                "properties": {name: {"not": {"type": "null"}}},
                "not": {"anyOf": [_given(other) for other in names if other != name]},
            }
            for name in names
        ]
        found.append({"oneOf": choices})
    return found


def _given(name: str) -> dict[str, Any]:
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def _requires(cls: type) -> list[dict[str, Any]]:
    """For each field that needs others beside it (a status needs its date and its words):
    when it is given, other than its ``unless`` value, they are given."""
    found = []
    for spec in field_specs(cls):
        meaning = spec.meaning
        if not meaning.requires:
            continue
        condition: dict[str, Any] = {"required": [spec.name]}
        if meaning.unless is not None:
            condition["properties"] = {spec.name: {"not": {"const": meaning.unless}}}
        then = {
            "required": list(meaning.requires),
            "properties": {n: {"not": {"type": "null"}} for n in meaning.requires},
        }
        found.append({"if": condition, "then": then})
    return found


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
