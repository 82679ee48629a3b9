"""Hypothesis strategies for the dates and records of nato_ukraine."""

from __future__ import annotations

import calendar
import copy
import enum
import functools
import re
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

import nato_ukraine as nu
from nato_ukraine.models import COLLECTIONS, META, Manifest, Meaning, When

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
texts_alphabet = st.characters(codec="utf-8", exclude_categories=("Cs",))
texts = st.text(texts_alphabet, max_size=40)
names = st.text(texts_alphabet, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
optional_texts = st.none() | texts


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> nu.PartialDate:
    """A partial date at any precision."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(nu.Precision))
    if precision is nu.Precision.YEAR:
        return nu.PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision is nu.Precision.MONTH:
        return nu.PartialDate(year, month)
    return nu.PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@st.composite
def periods(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> nu.Period:
    """A period with either end open or a partial date, the end never certainly before the start."""
    start = draw(st.none() | partial_dates(min_year, max_year))
    end = draw(st.none() | partial_dates(min_year, max_year))
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
    return nu.Period(start, end)


# -- Records, derived from their classes' fields ---------------------------------------------------
#
# Each field is drawn by its type (str, int, PartialDate, Period, an enumeration, a nested attrs
# class, ``X | None``, ``tuple[X, ...]``) and by what its metadata says it means (a Meaning under
# the key META): ids and references are slugs, a nonblank text is not blank, a text keeps to its
# max_length, a nonempty tuple has an item, and the dates of a record come in the order the
# loader's rules require (re-derived here from each field's ``when``). Of the fields of a
# ``one_of`` group exactly one is set (a participation's body or person); a field that
# ``requires`` others has them set unless it holds its ``unless`` value (a status other than
# unknown has its date and its citation); a tuple of ``field_names`` holds names of the record's
# own fields (what is inferred). A nested record that cannot be made from the ids at hand (a
# participation, with neither bodies nor people to name) is left out of its tuple.

_NO_MEANING = Meaning()

#: For a reference: the ids of each collection it may point to (None: any slug).
Ids = Mapping[str, Sequence[str]]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The type of each field of ``cls``, resolved."""
    return typing.get_type_hints(cls)


def _meaning(field: attrs.Attribute[Any]) -> Meaning:
    meaning: Meaning = field.metadata.get(META, _NO_MEANING)
    return meaning


def _optional_of(type_: Any) -> Any:
    """The X of ``X | None``; None for any other type."""
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


def _item_of(type_: Any) -> Any:
    """The X of ``tuple[X, ...]``; None for any other type."""
    args = typing.get_args(type_)
    if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _texts(meaning: Meaning) -> st.SearchStrategy[str]:
    """Texts as a field's meaning allows: not blank if it must not be, no longer than it may be,
    matching its pattern if it has one."""
    if meaning.pattern is not None:
        return st.from_regex(meaning.pattern, fullmatch=True)
    size = 40 if meaning.max_length is None else min(40, meaning.max_length)
    if meaning.nonblank:
        return st.text(texts_alphabet, min_size=1, max_size=size).filter(lambda text: text.strip() != "")
    return st.text(texts_alphabet, max_size=size)


def _values(type_: Any, meaning: Meaning, ids: Ids | None, *, is_id: bool = False) -> st.SearchStrategy[Any]:
    """Values of a field of this type and meaning (references into ``ids``, when given)."""
    inner = _optional_of(type_)
    if inner is not None:
        return st.none() | _values(inner, meaning, ids, is_id=is_id)
    item = _item_of(type_)
    if item is not None:
        each = _values(item, meaning, ids, is_id=is_id)
        if each.is_empty:  # (references, and nothing to refer to)
            return st.nothing() if meaning.nonempty else st.just(())
        return st.lists(each, min_size=1 if meaning.nonempty else 0, max_size=3).map(tuple)
    if meaning.collection is not None:  # a reference: an id of a record of that collection
        if ids is None:
            return slugs
        targets = ids.get(meaning.collection, ())
        return st.sampled_from(targets) if targets else st.nothing()
    if is_id:
        return slugs
    if type_ is str:
        return _texts(meaning)
    if type_ is int:
        return st.integers()
    if type_ is nu.PartialDate:
        return partial_dates()
    if type_ is nu.Period:
        return periods()
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return st.sampled_from(type_)
    if isinstance(type_, type) and attrs.has(type_):
        return records(type_, ids)
    raise TypeError(f"no strategy for the type {type_!r}")


def _groups(cls: type) -> dict[str, list[str]]:
    """The ``one_of`` groups of the fields of ``cls``: of each, exactly one field is set."""
    found: dict[str, list[str]] = {}
    for field in attrs.fields(cls):
        group = _meaning(field).one_of
        if group is not None:
            found.setdefault(group, []).append(field.name)
    return found


def _set_values(cls: type, name: str, ids: Ids | None) -> st.SearchStrategy[Any]:
    """Values of the field ``name`` of ``cls`` other than None (for a field that must be set)."""
    field = attrs.fields_dict(cls)[name]
    type_ = _hints(cls)[name]
    return _values(_optional_of(type_) or type_, _meaning(field), ids)


def _makeable(cls: type, ids: Ids | None) -> bool:
    """Whether a record of ``cls`` can be made with references into ``ids`` alone: each field it must set (one of
    each ``one_of`` group, a required reference, a required nested record) can be drawn."""
    if ids is None or cls is nu.Period:
        return True
    grouped = {name for names in _groups(cls).values() for name in names}
    for names in _groups(cls).values():
        if all(_set_values(cls, name, ids).is_empty for name in names):
            return False
    hints = _hints(cls)
    for field in attrs.fields(cls):
        type_, meaning = hints[field.name], _meaning(field)
        if field.name in grouped or _optional_of(type_) is not None:
            continue
        item = _item_of(type_)
        if item is not None:
            if not meaning.nonempty:
                continue
            type_ = item
        if meaning.collection is not None and not ids.get(meaning.collection):
            return False
        if isinstance(type_, type) and attrs.has(type_) and not _makeable(type_, ids):
            return False
    return True


#: The roles of the dates that must come in order, each chain earliest first: every START (in
#: the order the fields are declared) and then the END; the OCCURRED date and then the UNTIL.
_CHAINS = ((When.START, When.END), (When.OCCURRED, When.UNTIL))


def _date_chains(cls: type) -> list[list[str]]:
    """The date fields of ``cls`` in the order their dates must come, chain by chain."""
    fields = attrs.fields(cls)
    return [[f.name for role in chain for f in fields if _meaning(f).when is role] for chain in _CHAINS]


@st.composite
def record_fields(draw: st.DrawFn, cls: type, ids: Ids | None = None) -> dict[str, Any]:
    """A value for every field of ``cls``, drawn by its type and meaning, its dates in order.

    Args:
        cls: An attrs class.
        ids: The ids a reference into each collection may take; None for any slug.
    """
    hints = _hints(cls)
    chains = _date_chains(cls)
    ordered = {name for chain in chains for name in chain}
    values: dict[str, Any] = {}
    # Of each group of fields of which exactly one is set, one that can be, drawn set; the others None.
    for names in _groups(cls).values():
        chosen = draw(st.sampled_from([name for name in names if not _set_values(cls, name, ids).is_empty]))
        values.update({name: draw(_set_values(cls, name, ids)) if name == chosen else None for name in names})
    # A field that requires others, drawn first: unless it holds its ``unless`` value, they must be set
    # (and if they cannot be, it takes that value).
    must: set[str] = set()
    for field in attrs.fields(cls):
        meaning = _meaning(field)
        if not meaning.requires or field.name in values:
            continue
        value = draw(_values(hints[field.name], meaning, ids))
        if value is not None and str(value) != meaning.unless:
            if any(_set_values(cls, name, ids).is_empty for name in meaning.requires):
                value = type(value)(meaning.unless)
            else:
                must.update(meaning.requires)
        values[field.name] = value
    for field in attrs.fields(cls):
        name, meaning = field.name, _meaning(field)
        if name in values or name in ordered:
            continue
        if meaning.field_names:  # names of the record's own fields, but its id and this one
            names = [other.name for other in attrs.fields(cls) if other.name not in ("id", name)]
            values[name] = tuple(draw(st.lists(st.sampled_from(names), max_size=3, unique=True)))
        elif name in must:
            values[name] = draw(_set_values(cls, name, ids))
        else:
            values[name] = draw(_values(hints[name], meaning, ids, is_id=name == "id"))
    for chain in chains:
        before: list[nu.PartialDate] = []
        for name in chain:
            # Each date is never certainly before one earlier in its chain: drawn from the
            # latest year before it on, and if it is still too early, the one of those that ends last.
            dates = partial_dates(min_year=max((date.year for date in before), default=1))
            optional = _optional_of(hints[name]) is not None and name not in must
            date = draw(st.none() | dates if optional else dates)
            if date is not None and any(date.latest < earlier.earliest for earlier in before):
                date = max(before, key=lambda earlier: earlier.latest)
            if date is not None:
                before.append(date)
            values[name] = date
    return values


def records(cls: type, ids: Ids | None = None) -> st.SearchStrategy[Any]:
    """Instances of the attrs class ``cls``, every field drawn by its type and meaning (see
    :func:`record_fields`): a record that keeps every rule of its class but, unless ``ids`` is
    given, that its references resolve."""
    if ids is None and cls in _RECORD_STRATEGIES:
        return _RECORD_STRATEGIES[cls]
    if not _makeable(cls, ids):
        return st.nothing()
    made = record_fields(cls, ids).map(lambda values: cls(**values))
    if ids is None:
        _RECORD_STRATEGIES[cls] = made
    return made


_RECORD_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {}


def _cited_fields() -> frozenset[str]:
    """The fields every class of records with citations has."""
    cited_classes = [cls for cls in COLLECTIONS.values() if "citations" in attrs.fields_dict(cls)]
    return frozenset.intersection(*(frozenset(attrs.fields_dict(cls)) for cls in cited_classes))


@st.composite
def cited(draw: st.DrawFn) -> dict[str, Any]:
    """The fields every record with citations has (id, names, description, citations), drawn."""
    shared = _cited_fields()
    found = {key: value for key, value in draw(record_fields(nu.Body)).items() if key in shared}
    found["inferred"] = tuple(name for name in found["inferred"] if name in shared)
    return found


def sources() -> st.SearchStrategy[nu.Source]:
    """A source, its references any slugs."""
    return records(nu.Source)


def bodies() -> st.SearchStrategy[nu.Body]:
    """A body, never dissolved certainly before it was established; its references any slugs."""
    return records(nu.Body)


def programmes() -> st.SearchStrategy[nu.Programme]:
    """A programme, its period's end never certainly before its start; its references any slugs."""
    return records(nu.Programme)


def events() -> st.SearchStrategy[nu.Event]:
    """An event, never ending certainly before its date; its references any slugs."""
    return records(nu.Event)


def agreements() -> st.SearchStrategy[nu.Agreement]:
    """An agreement whose dates (signed, ratified, in force) are never certainly out of that order."""
    return records(nu.Agreement)


def operations() -> st.SearchStrategy[nu.Operation]:
    """An operation, its periods' ends never certainly before their starts."""
    return records(nu.Operation)


def people() -> st.SearchStrategy[nu.Person]:
    """A person with a few roles."""
    return records(nu.Person)


citations = records(nu.Citation)
roles = records(nu.Role)
participations = records(nu.Participation)
outcomes = records(nu.Outcome)
figures = records(nu.Figure)
id_tuples = st.lists(slugs, max_size=3).map(tuple)

#: One strategy per record class (and the classes nested in records).
RECORDS: dict[type, st.SearchStrategy[Any]] = {
    **{cls: records(cls) for cls in COLLECTIONS.values()},
    nu.Citation: citations,
    nu.Role: roles,
    nu.Participation: participations,
    nu.Outcome: outcomes,
    nu.Figure: figures,
    nu.Period: periods(),
}


def _required_targets(cls: type) -> set[str]:
    """The collections a record of ``cls`` always refers into (with a reference that is neither
    optional nor in a tuple that may be empty, however deeply nested)."""
    hints = _hints(cls)
    found: set[str] = set()
    for field in attrs.fields(cls):
        type_, meaning = hints[field.name], _meaning(field)
        if _optional_of(type_) is not None:
            continue
        item = _item_of(type_)
        if item is not None:
            if not meaning.nonempty:
                continue
            type_ = item
        if meaning.collection is not None:
            found.add(meaning.collection)
        elif isinstance(type_, type) and attrs.has(type_) and type_ is not nu.Period:
            found |= _required_targets(type_)
    return found


_CONVERTER = nu.make_converter()


def _acyclic(record: Any, order: dict[str, int]) -> Any:
    """``record`` with only the links of an acyclic relation (part of, succeeds) that run from a later id to an
    earlier one in ``order``, so that no chain of them comes back (a reversed one, from the id referred to, the
    other way)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        meaning = _meaning(field)
        if meaning.relation is None or not meaning.relation.acyclic:
            continue

        def keeps(ref: str, reverse: bool = meaning.reverse) -> bool:
            earlier = order.get(ref, -1) < order[record.id]
            return earlier != reverse and ref != record.id

        value = getattr(record, field.name)
        if isinstance(value, tuple):
            changes[field.name] = tuple(ref for ref in value if keeps(ref))
        elif value is not None and not keeps(value):
            changes[field.name] = None
    return attrs.evolve(record, **changes) if changes else record


@st.composite
def valid_documents(draw: st.DrawFn, max_records: int = 3) -> dict[str, Any]:
    """A small valid dataset file: records of each collection (up to ``max_records``) in their JSON
    form, their ids unique across the file and every reference to a record of the right collection
    in it (the ids are drawn first, collection by collection, and the references from them; a
    collection its records must refer into has a record)."""
    sizes = {name: draw(st.integers(0, max_records)) for name in COLLECTIONS}
    needed = True
    while needed:
        needed = False
        for name, cls in COLLECTIONS.items():
            for target in _required_targets(cls) if sizes[name] else ():
                if not sizes[target]:
                    sizes[target] = 1
                    needed = True
    total = sum(sizes.values())
    drawn = iter(draw(st.lists(slugs, min_size=total, max_size=total, unique=True)))
    ids = {name: [next(drawn) for _ in range(size)] for name, size in sizes.items()}
    order = {record_id: i for i, record_id in enumerate(record_id for name in ids for record_id in ids[name])}
    document: dict[str, Any] = {}
    for name, cls in COLLECTIONS.items():
        made = [_acyclic(attrs.evolve(draw(records(cls, ids)), id=record_id), order) for record_id in ids[name]]
        if made or draw(st.booleans()):
            document[name] = [_CONVERTER.unstructure(record) for record in made]
    return document


# -- JSON documents for fuzzing the loader ---------------------------------------------------------

#: Any JSON value: scalars, and lists and objects of them, a few levels deep.
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)

#: Strings that are not dates, or not dates the loader may guess at.
JUNK_DATES = (
    "Juny 2017",
    "2017-02-30",
    "2017-13",
    "2017-6",
    "0000",
    "10000",
    "",
    " ",
    "03/04/2017",
    "June",
    "9 July",
    "2016-07-09T10:00",
    "2016-07-09 10:00",
    "1997/98",
    "tomorrow",
    "١٩٩٧",
    "2017-06-09\n",
)
date_strings = partial_dates(1900, 2100).map(str) | st.sampled_from(JUNK_DATES) | texts

#: A few ids, some of them the bundled data's, so references sometimes resolve and ids collide.
few_ids = st.sampled_from(["a", "b", "c-d", "Not A Slug", "nato-ukraine-commission", "nato-relations-with-ukraine"])

#: The collections of a dataset file and the class of their records.
DATASET_CLASSES: dict[str, type] = dict(COLLECTIONS)


@functools.cache
def _plausible(type_: Any) -> st.SearchStrategy[Any]:
    """Values a field of this type holds in the JSON form, right and wrong, with a little junk."""
    args = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        return st.none() | _plausible(args[0])
    if typing.get_origin(type_) is tuple:
        return st.lists(_plausible(args[0]), max_size=3) | json_values
    if type_ is str:
        return few_ids | texts | json_scalars
    if type_ is nu.PartialDate:
        return date_strings | json_scalars
    if type_ is int:
        return st.integers(-1, 3) | json_scalars
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return st.sampled_from([member.value for member in type_]) | texts | json_scalars
    return record_shaped(type_) | json_values


@st.composite
def record_shaped(draw: st.DrawFn, cls: type) -> dict[str, Any]:
    """An object with some of the fields of ``cls`` (and now and then one it does not have)."""
    hints = _hints(cls)
    keys = draw(st.lists(st.sampled_from(sorted(hints)), unique=True, max_size=len(hints)))
    record = {key: draw(_plausible(hints[key])) for key in keys}
    if draw(st.integers(0, 7)) == 0:
        record[draw(st.sampled_from(["dat", "citation", "type", ""]) | texts)] = draw(json_values)
    return record


@st.composite
def dataset_documents(draw: st.DrawFn) -> Any:
    """Something shaped like a dataset file: mostly an object of collections of record-shaped objects."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    names = st.sampled_from([*DATASET_CLASSES, "manifest", "evnets"]) | texts
    document: dict[str, Any] = {}
    for name in draw(st.lists(names, unique=True, max_size=4)):
        if name == "manifest":
            shaped: st.SearchStrategy[Any] = record_shaped(Manifest)
        elif name in DATASET_CLASSES:
            shaped = st.lists(record_shaped(DATASET_CLASSES[name]), max_size=4)
        else:
            shaped = st.lists(json_values, max_size=2)
        document[name] = draw(shaped | json_values)
    return document


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON value, outermost first."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        container = stack.pop()
        keys = list(container) if isinstance(container, dict) else range(len(container))
        for key in keys:
            found.append((container, key))
            if isinstance(container[key], (dict, list)):
                stack.append(container[key])
    return found


_DATE_LIKE = re.compile(r"\d{4}(-\d{2}){0,2}")


@st.composite
def mutated(draw: st.DrawFn, document: dict[str, Any], ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """A copy of a dataset file with a few mutations: keys dropped or added, values of the wrong
    type, dates turned to junk, values nested in lists, records duplicated or moved, references
    broken.

    Args:
        document: A valid dataset file, as a JSON value.
        ids: Ids a reference may be broken into (of the wrong collection, or colliding).
    """
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(document)
        if not slots:
            break
        container, key = slots[draw(st.integers(0, len(slots) - 1))]
        value = container[key]
        mutation = draw(st.sampled_from(["drop", "add", "retype", "junk date", "nest", "duplicate", "move", "break"]))
        if mutation == "drop":
            del container[key]
        elif mutation == "add":
            if isinstance(value, dict):
                value[draw(st.sampled_from(["dat", "kind", "citation", "id", "manifest"]) | texts)] = draw(json_values)
            elif isinstance(value, list):
                value.append(draw(json_values))
            else:
                container[key] = [value, draw(json_values)]
        elif mutation == "retype":
            container[key] = draw(_other_than(type(value)))
        elif mutation == "nest":
            container[key] = [value] if draw(st.booleans()) else [[value]]
        elif mutation in ("junk date", "break"):
            # A date turns to junk; a string (an id, a reference) turns into another id or a new slug.
            wanted = _DATE_LIKE.fullmatch if mutation == "junk date" else bool
            found = [(c, k) for c, k in slots if isinstance(c[k], str) and wanted(c[k])]
            if found:
                c, k = found[draw(st.integers(0, len(found) - 1))]
                c[k] = draw(st.sampled_from(JUNK_DATES) | texts if mutation == "junk date" else _some(ids) | slugs)
        else:  # "duplicate" or "move" a record
            lists = [records for name, records in document.items() if name in DATASET_CLASSES and records]
            if lists and all(isinstance(records, list) for records in lists):
                records = lists[draw(st.integers(0, len(lists) - 1))]
                index = draw(st.integers(0, len(records) - 1))
                target = document.setdefault(draw(st.sampled_from(sorted(DATASET_CLASSES))), [])
                if mutation == "duplicate":
                    records.append(copy.deepcopy(records[index]))
                elif isinstance(target, list):
                    target.append(records.pop(index))
    return document


def _other_than(kind: type) -> st.SearchStrategy[Any]:
    return json_values.filter(lambda value: type(value) is not kind)


def _some(choices: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(choices) if choices else st.nothing()


#: A small valid dataset file, for when the bundled data cannot be read.
SMALL_DATASET: dict[str, Any] = {
    "sources": [
        {"id": "small-source", "name": "Small source", "title": "A small source", "kind": "official_web_page"},
    ],
    "bodies": [
        {
            "id": "small-commission",
            "name": "Small Commission",
            "acronym": "SC",
            "kind": "commission",
            "side": "joint",
            "established": "1997",
            "dissolved": "2023-07",
            "successor": "small-council",
            "inferred": ["dissolved"],
            "citations": [{"source": "small-source", "quote": "The commission was set up in 1997."}],
        },
        {
            "id": "small-council",
            "name": "Small Council",
            "acronym": "SC",
            "kind": "council",
            "side": "joint",
            "established": "2023-07",
            "predecessor": "small-commission",
            "citations": [{"source": "small-source", "quote": "The council replaced the commission."}],
        },
    ],
    "programmes": [
        {
            "id": "small-fund",
            "name": "Small Fund",
            "kind": "trust_fund",
            "period": {"start": "2016-07", "end": "2020"},
            "status": "completed",
            "status_as_of": "2021-03",
            "status_citation": {"source": "small-source", "quote": "The fund has completed its work."},
            "bodies": ["small-commission"],
            "members": ["small-council"],
            "areas": ["logistics"],
            "citations": [{"source": "small-source", "quote": "A fund ran from July 2016.", "locator": "para 3"}],
            "figures": [
                {
                    "value": 3,
                    "unit": "projects",
                    "counts": "projects the fund ran",
                    "qualifier": "at_least",
                    "as_of": "2019",
                    "citation": {"source": "small-source", "quote": "It ran at least three projects."},
                }
            ],
        },
    ],
    "agreements": [
        {
            "id": "small-charter",
            "name": "Small Charter",
            "kind": "charter",
            "signed": "9 July 1997",
            "parties": ["small-commission"],
            "citations": [{"source": "small-source", "quote": "The charter was signed."}],
        },
    ],
    "operations": [
        {
            "id": "small-operation",
            "name": "Small Operation",
            "period": {"start": "1999"},
            "region": "Somewhere",
            "contribution": "A company.",
            "contribution_period": {"start": "1999", "end": "2008-06"},
            "citations": [{"source": "small-source", "quote": "Ukraine took part."}],
        },
    ],
    "people": [
        {
            "id": "small-person",
            "name": "A. Person",
            "roles": [{"title": "Chair", "body": "small-council", "period": {"start": "2023-07"}}],
            "citations": [{"source": "small-source", "quote": "The chair spoke."}],
        },
    ],
    "events": [
        {
            "id": "small-meeting",
            "name": "Small meeting",
            "kind": "meeting",
            "date": "2016-07-09",
            "level": "heads_of_state_and_government",
            "participants": [
                {"body": "small-commission", "role": "participant"},
                {"person": "small-person", "role": "chair"},
            ],
            "outcomes": [{"agreement": "small-charter", "role": "signed"}],
            "programmes": ["small-fund"],
            "operations": ["small-operation"],
            "citations": [{"source": "small-source", "quote": "The commission met on 9 July 2016."}],
        },
    ],
}


#: The ways :func:`invalid_documents` breaks a record, each certain to make the document invalid.
BREAKS = ("slug", "unknown key", "no name", "bad date", "dangling", "blank name", "id twice", "long quote", "kind")


@st.composite
def invalid_documents(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid document (see :func:`valid_documents`) broken on purpose in one record, and the JSON path (a prefix of
    where the problem must be reported) of what was broken. (Added to the bundled data, it may have more problems,
    an id the bundled data has too: never fewer.)"""
    document = draw(valid_documents().filter(lambda doc: any(doc.get(name) for name in COLLECTIONS)))
    names = [name for name in COLLECTIONS if document.get(name)]
    name = draw(st.sampled_from(names))
    index = draw(st.integers(0, len(document[name]) - 1))
    record = document[name][index]
    at = f"$.{name}[{index}]"
    cls = COLLECTIONS[name]
    fields = {field.name: field for field in attrs.fields(cls)}
    hints = _hints(cls)
    kind = draw(st.sampled_from([b for b in BREAKS if _can_break(b, cls, record)]))
    if kind == "slug":
        record["id"] = "Not A Slug"
        return document, f"{at}.id"
    if kind == "unknown key":
        record["colour"] = "red"
        return document, at
    if kind == "no name":
        del record["name"]
        return document, f"{at}.name"
    if kind == "blank name":
        record["name"] = " \t"
        return document, f"{at}.name"
    if kind == "bad date":
        field = draw(st.sampled_from([f for f in fields if hints[f] in (nu.PartialDate, nu.PartialDate | None)]))
        record[field] = "Juny 2017"
        return document, f"{at}.{field}"
    if kind == "dangling":
        field = draw(st.sampled_from([f for f in fields if _meaning(fields[f]).collection is not None]))
        record[field] = ["no-such-record-anywhere"] if _item_of(hints[field]) is not None else "no-such-record-anywhere"
        return document, f"{at}.{field}"
    if kind == "id twice":
        document[name].append(dict(record))
        return document, f"$.{name}[{len(document[name]) - 1}].id"
    if kind == "long quote":
        record["citations"][0]["quote"] = "x" * 301
        return document, f"{at}.citations[0].quote"
    record["kind"] = "no-such-kind"
    return document, f"{at}.kind"


def _can_break(kind: str, cls: type, record: dict[str, Any]) -> bool:
    fields = {field.name: field for field in attrs.fields(cls)}
    hints = _hints(cls)
    if kind == "bad date":
        return any(hints[f] in (nu.PartialDate, nu.PartialDate | None) for f in fields)
    if kind == "dangling":
        return any(_meaning(field).collection is not None for field in fields.values())
    if kind == "long quote":
        return bool(record.get("citations"))
    if kind == "kind":
        return "kind" in fields and isinstance(hints["kind"], type) and issubclass(hints["kind"], enum.Enum)
    return True
