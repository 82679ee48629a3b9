"""Hypothesis strategies for the dates and records of nato_ukraine."""

from __future__ import annotations

import calendar
import copy
import enum
import functools
import re
import types
import typing
from typing import Any

from hypothesis import strategies as st

import nato_ukraine as nu
from nato_ukraine._loader import COLLECTIONS, Manifest

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
names = texts.filter(lambda s: s.strip() != "")
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


def _common(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "id": draw(slugs),
        "name": draw(names),
        "acronym": draw(optional_texts),
        "aliases": tuple(draw(st.lists(texts, max_size=3))),
        "description": draw(texts),
    }


citations = st.builds(nu.Citation, source=slugs, quote=names, locator=optional_texts)
roles = st.builds(nu.Role, title=names, body=st.none() | slugs, period=st.none() | periods())
id_tuples = st.lists(slugs, max_size=3).map(tuple)


@st.composite
def cited(draw: st.DrawFn) -> dict[str, Any]:
    return {**_common(draw), "citations": tuple(draw(st.lists(citations, min_size=1, max_size=3)))}


@st.composite
def sources(draw: st.DrawFn) -> nu.Source:
    return nu.Source(
        **_common(draw),
        title=draw(names),
        publisher=draw(optional_texts),
        published=draw(st.none() | partial_dates()),
        url=draw(optional_texts),
        kind=draw(st.sampled_from(nu.SourceKind)),
    )


@st.composite
def bodies(draw: st.DrawFn) -> nu.Body:
    span = draw(periods())
    return nu.Body(
        **draw(cited()),
        kind=draw(st.sampled_from(nu.BodyKind)),
        side=draw(st.sampled_from(nu.Side)),
        parent=draw(st.none() | slugs),
        established=span.start,
        dissolved=span.end,
        predecessor=draw(st.none() | slugs),
        successor=draw(st.none() | slugs),
        location=draw(optional_texts),
    )


@st.composite
def programmes(draw: st.DrawFn) -> nu.Programme:
    return nu.Programme(
        **draw(cited()),
        kind=draw(st.sampled_from(nu.ProgrammeKind)),
        period=draw(periods()),
        status=draw(st.sampled_from(nu.ProgrammeStatus)),
        parent=draw(st.none() | slugs),
        bodies=draw(id_tuples),
        areas=tuple(draw(st.lists(names, max_size=3))),
    )


@st.composite
def events(draw: st.DrawFn) -> nu.Event:
    date = draw(partial_dates())
    end = draw(st.none() | partial_dates(min_year=date.year))
    if end is not None and end.latest < date.earliest:
        end = None
    return nu.Event(
        **draw(cited()),
        kind=draw(st.sampled_from(nu.EventKind)),
        date=date,
        end=end,
        location=draw(optional_texts),
        level=draw(st.none() | st.sampled_from(nu.MeetingLevel)),
        chair=draw(st.none() | slugs),
        bodies=draw(id_tuples),
        programmes=draw(id_tuples),
        agreements=draw(id_tuples),
        operations=draw(id_tuples),
        people=draw(id_tuples),
    )


@st.composite
def agreements(draw: st.DrawFn) -> nu.Agreement:
    """An agreement whose ratification and entry into force are never certainly before its signing."""
    signed = draw(st.none() | partial_dates())
    later = {}
    for field in ("ratified", "in_force"):
        date = draw(st.none() | partial_dates(min_year=1 if signed is None else signed.year))
        later[field] = None if signed is not None and date is not None and date.latest < signed.earliest else date
    return nu.Agreement(
        **draw(cited()),
        kind=draw(st.sampled_from(nu.AgreementKind)),
        signed=signed,
        **later,
        parties=draw(id_tuples),
    )


@st.composite
def operations(draw: st.DrawFn) -> nu.Operation:
    return nu.Operation(
        **draw(cited()),
        period=draw(periods()),
        region=draw(optional_texts),
        contribution=draw(texts),
        contribution_period=draw(st.none() | periods()),
    )


@st.composite
def people(draw: st.DrawFn) -> nu.Person:
    return nu.Person(**draw(cited()), roles=tuple(draw(st.lists(roles, max_size=3))))


#: One strategy per record class.
RECORDS: dict[type, st.SearchStrategy[Any]] = {
    nu.Source: sources(),
    nu.Body: bodies(),
    nu.Programme: programmes(),
    nu.Event: events(),
    nu.Agreement: agreements(),
    nu.Operation: operations(),
    nu.Person: people(),
    nu.Citation: citations,
    nu.Role: roles,
    nu.Period: periods(),
}


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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


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
            "bodies": ["small-commission"],
            "areas": ["logistics"],
            "citations": [{"source": "small-source", "quote": "A fund ran from July 2016.", "locator": "para 3"}],
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
            "chair": "small-person",
            "bodies": ["small-commission"],
            "programmes": ["small-fund"],
            "agreements": ["small-charter"],
            "operations": ["small-operation"],
            "people": ["small-person"],
            "citations": [{"source": "small-source", "quote": "The commission met on 9 July 2016."}],
        },
    ],
}
