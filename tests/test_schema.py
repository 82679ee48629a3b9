"""Tests for nato_ukraine.schema: a JSON Schema generated from the classes, checked with jsonschema.

The schema and the loader must agree: on every document hypothesis makes (valid, broken on purpose,
or dataset-shaped junk), the schema's verdict and ``nu.load``'s are the same, unless the only
problems the loader finds are of the rules the schema's description lists as ones a JSON Schema
cannot express.
"""

from __future__ import annotations

import ast
import functools
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import nato_ukraine as nu
from nato_ukraine._fields import Shape, field_specs
from nato_ukraine.models import COLLECTIONS, Manifest
from strategies import SMALL_DATASET, dataset_documents, invalid_documents, mutated, valid_documents

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
EXTENDING_PAGE = ROOT / "docs" / "concepts" / "extending.md"
DATES_PAGE = ROOT / "docs" / "concepts" / "dates.md"

agreement_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


@functools.cache
def schema_validator() -> Any:
    """A validator of the schema, which it first checks against draft 2020-12's metaschema."""
    schema = nu.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def validator() -> Any:
    """The schema's validator."""
    return schema_validator()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the files the tests load, one file per document."""
    return tmp_path_factory.mktemp("schema")


_numbers = itertools.count()


def write(folder: Path, text: str) -> Path:
    """A new file in ``folder`` holding ``text``."""
    path = folder / f"document-{next(_numbers)}.json"
    path.write_text(text, encoding="utf-8")
    return path


def load(folder: Path, document: Any) -> nu.Dataset | nu.DataError:
    """What ``nu.load`` makes of a document written as a file: a dataset, or the DataError it raises."""
    try:
        return nu.load(write(folder, json.dumps(document, ensure_ascii=False)))
    except nu.DataError as error:
        return error


# -- What the schema cannot express ------------------------------------------------------------------

#: Each rule a JSON Schema cannot express, by a phrase of the schema's description that names it.
UNEXPRESSED = {
    "unique ids": "Ids are unique across the dataset",
    "references": "Every reference resolves to a record of the collection it points into",
    "cycles": "No chain of part-of links (parents, parent) or of succession links",
    "dates in order": "The dates of a record come in order",
    "date grammar": "The full date grammar",
    "schema version": "schema_version is one this version of nato_ukraine reads",
    "coverage": "coverage names collections of the dataset",
    "whole number": "JSON Schema counts 1.0 as an integer",
    "lone surrogate": "No string holds a lone surrogate",
    "key twice": "No collection key is given twice at the top of a file",
}

#: The schema's pattern of a date.
DATE = re.compile(nu.json_schema()["$defs"]["PartialDate"]["pattern"])
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_MISSING = object()


def value_at(document: Any, path: str) -> Any:
    """The value at a problem's JSON path (``$.events[0].citations[1].source``) in a document."""
    value = document
    for key, index in _STEP.findall(path.removeprefix("$")):
        try:
            value = value[int(index)] if index else value[key]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return value


def date_problem(text: str) -> str | None:
    """What PartialDate.parse says is wrong with a text; None if it reads it."""
    try:
        nu.PartialDate.parse(text)
    except ValueError as error:
        return str(error)
    return None


def unexpressed_rule(problem: nu.Problem, document: Any) -> str | None:
    """The rule of :data:`UNEXPRESSED` a problem the loader found is of; None for any other problem."""
    message, path = problem.message, problem.path
    value = value_at(document, path)
    if re.fullmatch(r"'.*' is already used at .*", message):
        return "unique ids"
    if message.startswith("refers to "):
        return "references"
    if re.fullmatch(r"'.*' (is the record itself: nothing is|leads back to '.*' through) .*", message):
        return "cycles"
    if re.fullmatch(r"\S+ is before the [a-z ]+ \S+|the end \S+ is before the start \S+", message):
        return "dates in order"
    if isinstance(value, str) and DATE.search(value) and message == date_problem(value):
        return "date grammar"
    if path.endswith(".schema_version") and message.startswith("schema version "):
        return "schema version"
    if re.search(r"\.coverage\[\d+\]\.collection$", path) and message.startswith("unknown collection "):
        return "coverage"
    if message == "expected a whole number, not a number" and isinstance(value, float) and value.is_integer():
        return "whole number"
    if "lone surrogate" in message:
        return "lone surrogate"
    if re.fullmatch(r"the key '\w+' is given \d+ times; .*", message):
        return "key twice"
    return None


def check_agreement(folder: Path, document: Any) -> tuple[bool, nu.Dataset | nu.DataError]:
    """Assert that the schema and the loader agree on a document, or disagree only by the listed rules;
    the schema's verdict and the loader's."""
    validator = schema_validator()
    text = json.dumps(document, ensure_ascii=False)
    valid = validator.is_valid(json.loads(text))
    try:
        loaded: nu.Dataset | nu.DataError = nu.load(write(folder, text))
    except nu.DataError as error:
        loaded = error
    if not valid:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(text))]
        assert isinstance(loaded, nu.DataError), f"the schema refuses what the loader reads: {errors}"
        event("both refuse")
    elif isinstance(loaded, nu.DataError):
        rules = {p: unexpressed_rule(p, document) for p in loaded.problems}
        others = [problem for problem, rule in rules.items() if rule is None]
        assert [] == others, "the schema accepts what the loader refuses, by a rule it could express"
        event(f"the loader alone refuses: {', '.join(sorted(set(map(str, rules.values()))))}")
    else:
        event("both accept")
    return valid, loaded


# -- The schema --------------------------------------------------------------------------------------


def test_schema_is_draft_2020_12() -> None:
    """The schema declares draft 2020-12 and describes every collection and the manifest."""
    schema = nu.json_schema()
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert ["manifest", "sources", "bodies", "programmes", "events", "agreements", "operations", "people"] == list(
        schema["properties"]
    )


def test_bundled_data_files_validate(validator: Any) -> None:
    """Every bundled data file, and the manifest under its key, is valid against the schema."""
    from importlib.resources import files

    data = files("nato_ukraine") / "data"
    errors = []
    for name in ("sources", "bodies", "programmes", "events", "agreements", "operations", "people"):
        payload = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
        errors += [f"{name}.json: {e.json_path}: {e.message}" for e in validator.iter_errors(payload)]
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    errors += [f"manifest.json: {e.message}" for e in validator.iter_errors({"manifest": manifest})]
    assert [] == errors


def test_exported_dataset_validates(validator: Any) -> None:
    """What Dataset.to_json() writes is valid against the schema."""
    assert [] == [e.message for e in validator.iter_errors(json.loads(nu.load().to_json()))]


CITATIONS = [{"source": "my-notes", "quote": "We met."}]
SOURCE = {"id": "my-notes", "name": "My notes", "title": "My notes"}
DROP = object()


def an_event(**changes: Any) -> dict[str, Any]:
    """A valid event citing :data:`SOURCE`, with some fields changed (or dropped, given :data:`DROP`)."""
    record = {"id": "my-event", "name": "My event", "kind": "meeting", "date": "2016", "citations": CITATIONS}
    record.update(changes)
    return {key: value for key, value in record.items() if value is not DROP}


def test_the_base_event_is_valid(validator: Any, folder: Path) -> None:
    """The event the tests below break is valid to the schema and to the loader."""
    document = {"sources": [SOURCE], "events": [an_event()]}
    assert validator.is_valid(document)
    assert isinstance(load(folder, document), nu.Dataset)


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "Bad Id"},
        {"id": "my-event\n"},
        {"kind": "meetin"},
        {"date": "2016-06-31"},
        {"date": "2016-7-9"},
        {"date": 2016},
        {"colour": "red"},
        {"date": DROP},
        {"citations": DROP},
        {"citations": []},
        {"citations": [{"source": "my-notes", "quote": "q" * 301}]},
        {"citations": [{"source": "My Notes", "quote": "We met."}]},
        {"name": " \t"},
        {"name": "\x1c"},
        {"name": True},
        {"level": None, "end": False},
    ],
    ids=lambda changes: ",".join(changes),
)
def test_schema_refuses_what_the_form_forbids(validator: Any, folder: Path, changes: dict[str, Any]) -> None:
    """A bad id, value, date or type, an unknown or missing field, or a blank or long text fails both."""
    document = {"sources": [SOURCE], "events": [an_event(**changes)]}
    assert not validator.is_valid(document)
    assert isinstance(load(folder, document), nu.DataError)


@pytest.mark.parametrize(
    "manifest",
    [
        {"schema_version": True},
        {"schema_version": 1.5},
        {"schema_version": "1"},
        {"as_of": "2024-13"},
        {"data_version": 2024},
        {"coverage": [{"collection": "events"}]},
        {"coverage": [{"collection": "events", "period": {"start": "2017", "finish": "2018"}}]},
        {"coverage": [{"collection": "events", "period": {}, "sources": ["Not A Slug"]}]},
        {"colour": "red"},
    ],
    ids=lambda manifest: ",".join(manifest),
)
def test_schema_refuses_a_bad_manifest(validator: Any, folder: Path, manifest: dict[str, Any]) -> None:
    """A manifest with a value of the wrong type or form, or a missing or unknown field, fails both."""
    assert not validator.is_valid({"manifest": manifest})
    assert isinstance(load(folder, {"manifest": manifest}), nu.DataError)


def patterns(value: Any) -> list[str]:
    """Every pattern in a schema."""
    if isinstance(value, dict):
        own = [value["pattern"]] if isinstance(value.get("pattern"), str) else []
        return own + [p for item in value.values() for p in patterns(item)]
    return [p for item in value for p in patterns(item)] if isinstance(value, list) else []


def test_patterns_read_the_same_in_ecma_262_and_python() -> None:
    """No pattern uses what ECMA-262 and Python's re read differently: \\s, \\S, \\Z, look-behind, a bare $."""
    found = patterns(nu.json_schema())
    assert len(found) >= 3
    for pattern in found:
        assert [] == re.findall(r"\\[sSZ]|\(\?<[=!]|\$(?!\(\?!\\n\))", pattern), pattern


def test_schema_carries_field_descriptions() -> None:
    """Field descriptions come from the classes' docstrings."""
    schema = nu.json_schema()["$defs"]["Event"]
    assert schema["properties"]["level"]["description"].startswith("For a meeting")
    assert schema["properties"]["id"]["description"].startswith("A stable slug")


def test_required_fields_come_from_defaults_and_meanings() -> None:
    """A field is required when it has no default, or when its default breaks its rule (no citations)."""
    defs = nu.json_schema()["$defs"]
    assert ["id", "name", "citations", "kind", "date"] == defs["Event"]["required"]
    assert ["id", "name"] == defs["Source"]["required"]  # (a web page may print no title)
    assert ["source", "quote"] == defs["Citation"]["required"]
    assert "required" not in defs["Manifest"]


# -- The two cases of the issue ----------------------------------------------------------------------


def test_written_month_is_accepted_by_both(validator: Any, folder: Path) -> None:
    """A month written out ("February 2024") passes the schema, and the loader reads it as 2024-02."""
    document = {"sources": [SOURCE], "events": [an_event(date="February 2024")]}
    assert validator.is_valid(document)
    loaded = load(folder, document)
    assert isinstance(loaded, nu.Dataset)
    assert nu.PartialDate(2024, 2) == loaded.events["my-event"].date


@pytest.mark.parametrize("citations", [DROP, []], ids=["missing", "empty"])
def test_event_without_citation_is_refused_by_both(validator: Any, folder: Path, citations: Any) -> None:
    """An event with no citation (the key missing, or an empty list) fails the schema, and the loader refuses it."""
    document = {"sources": [SOURCE], "events": [an_event(citations=citations)]}
    assert not validator.is_valid(document)
    loaded = load(folder, document)
    assert isinstance(loaded, nu.DataError)
    assert [("$.events[0].citations", "a record needs at least one citation")] == [
        (p.path, p.message) for p in loaded.problems
    ]


# -- Dates -------------------------------------------------------------------------------------------


def iso_texts() -> list[str]:
    """ISO-shaped texts: every four-digit year, and every month and day (and a few that are none) of
    years that test the leap-year rule and the century."""
    years = [*range(1896, 1906), 1, 4, 96, 100, 200, 400, 1600, 1700, 2000, 2024, 2100, 2400, 9996, 9999]
    texts = [f"{year:04d}" for year in range(10000)]
    for year in years:
        for month in range(14):
            texts.append(f"{year:04d}-{month:02d}")
            texts += [f"{year:04d}-{month:02d}-{day:02d}" for day in range(33)]
    return texts


def test_iso_dates_are_checked_exactly() -> None:
    """The date pattern accepts an ISO text exactly when PartialDate.parse reads it, leap years included."""
    wrong = [text for text in iso_texts() if bool(DATE.search(text)) != (date_problem(text) is None)]
    assert [] == wrong


def dates_table() -> list[tuple[str, bool]]:
    """The rows of the dates page's table of forms: the text and whether the parser reads it."""
    rows = re.findall(r"^\| `(\".*\")` \| `?([^|`]+?)`? \|", DATES_PAGE.read_text(encoding="utf-8"), re.MULTILINE)
    return [(ast.literal_eval(text), read_as != "refused") for text, read_as in rows]


#: The refused rows of the dates page that the schema lets through: written dates it checks only by their shape.
LET_THROUGH = {
    "9th 2016",
    "2016-07-Jul",
    "03/04/2017",
    "9.7.2016",
    "2017/06/09",
    "mid-2017",
    "summer 2017",
    "Monday June 2017",
    "Sunday 9 July 2016",
    "1997/98",
    "Juny 2017",
}


def test_dates_table_rows() -> None:
    """The schema accepts each date the dates page reads, and lets through only the refused ones it names."""
    rows = dates_table()
    assert len(rows) > 25
    refused_by_schema = [text for text, read in rows if read and not DATE.search(text)]
    let_through = {text for text, read in rows if not read and DATE.search(text)}
    assert ([], LET_THROUGH) == (refused_by_schema, let_through)
    description = nu.json_schema()["description"]
    assert [] == [text for text in sorted(LET_THROUGH) if f'"{text}"' not in description]


_WRITTEN_PARTS = st.sampled_from(
    ["June", "jun", "Jun.", "SEPT", "February", "Nov.", "Saturday", "sat", "of", "th", "on", "at", "am", "t", "Juny"]
) | st.integers(0, 99999).flatmap(lambda n: st.sampled_from([str(n), f"{n:02d}", f"{n:04d}"]))
_WRITTEN_GAPS = st.sampled_from(["", " ", "  ", ",", ", ", ".", ". ", ";", "'", "/", "-", "\x00", "\t", "\xa0", ":"])


@st.composite
def written_dates(draw: st.DrawFn) -> str:
    """Texts made of month and day names, small words and numbers, joined by white space and marks."""
    parts = draw(st.lists(st.tuples(_WRITTEN_PARTS, _WRITTEN_GAPS), min_size=1, max_size=5))
    return draw(_WRITTEN_GAPS) + "".join(part + gap for part, gap in parts)


@given(written_dates())
@example("June 2017")
@example("29th November 2023")
@example("\u3000Nov. 29, 2022\n")
@example("June\x002017")
@example(",June 2017")
@example("9-July-2016")
def test_schema_refuses_no_date_the_parser_reads(text: str) -> None:
    """A text PartialDate.parse reads as a date matches the schema's date pattern."""
    if date_problem(text) is None:
        assert DATE.search(text)


def test_blank_is_what_python_strips() -> None:
    """The schema takes for blank exactly the characters str.isspace does (ECMA-262's \\s differs)."""
    pattern = nu.json_schema()["$defs"]["Source"]["properties"]["name"]["pattern"]
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert [c for c in every if not c.isspace()] == re.findall(pattern, every)


@pytest.mark.parametrize("name", ["\ufeff", "\u200b", "\x00", "\x1c", "\x85", "\u3000", "\n"], ids=ascii)
def test_blank_names_agree(validator: Any, folder: Path, name: str) -> None:
    """A name of one odd character is blank to the schema exactly when the loader calls it empty."""
    document = {"sources": [SOURCE], "events": [an_event(name=name)]}
    assert validator.is_valid(document) == isinstance(load(folder, document), nu.Dataset)


# -- Agreement ---------------------------------------------------------------------------------------


def test_description_lists_every_rule_the_schema_cannot_express() -> None:
    """The schema's description names each rule the loader checks and a JSON Schema cannot express."""
    description = nu.json_schema()["description"]
    assert [] == [rule for rule, phrase in UNEXPRESSED.items() if phrase not in description]


def schema_rules() -> list[str]:
    """The rules the schema's description lists, one per line that starts with "- "."""
    lines = nu.json_schema()["description"].splitlines()
    return [line.removeprefix("- ") for line in lines if line.startswith("- ")]


def test_docs_list_the_same_rules() -> None:
    """The JSON Schema section of the extending page lists the rules the schema's description lists, in order."""
    text = EXTENDING_PAGE.read_text(encoding="utf-8")
    section = text.partition("\n## The JSON Schema\n")[2].partition("\n## ")[0]
    items = [" ".join(item.split()) for item in re.findall(r"^- (.*?)(?=^- |^\S|\Z)", section, re.M | re.S)]
    assert schema_rules() == items


SMALL = {"sources": [SOURCE], "events": [an_event()]}
PROGRAMME = {"id": "p", "name": "P", "kind": "other", "period": {"start": "2017", "end": "2016"}}


def a_body(record_id: str, **fields: Any) -> dict[str, Any]:
    """A valid body citing :data:`SOURCE`, with some more fields."""
    return {"id": record_id, "name": "A body", "kind": "office", "side": "nato", "citations": CITATIONS, **fields}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (json.dumps({**SMALL, "events": [an_event(), an_event()]}), "unique ids"),
        (
            json.dumps({**SMALL, "events": [an_event(participants=[{"body": "no-such-body", "role": "host"}])]}),
            "references",
        ),
        (
            json.dumps({**SMALL, "events": [an_event(participants=[{"person": "my-notes", "role": "chair"}])]}),
            "references",
        ),
        (
            json.dumps({**SMALL, "events": [an_event(outcomes=[{"programme": "my-notes", "role": "adopted"}])]}),
            "references",
        ),
        (
            json.dumps({"sources": [SOURCE], "bodies": [a_body("b", parents=["c"]), a_body("c", parents=["b"])]}),
            "cycles",
        ),
        (
            json.dumps(
                {
                    "sources": [SOURCE],
                    "bodies": [a_body("b"), a_body("c", parents=["b", "d"]), a_body("d", parents=["c"])],
                }
            ),
            "cycles",
        ),
        (json.dumps({**SMALL, "events": [an_event(date="2017", end="2016-12")]}), "dates in order"),
        (json.dumps({"sources": [SOURCE], "programmes": [{**PROGRAMME, "citations": CITATIONS}]}), "dates in order"),
        (json.dumps({**SMALL, "events": [an_event(date="Juny 2017")]}), "date grammar"),
        (json.dumps({**SMALL, "events": [an_event(date="31 June 2017")]}), "date grammar"),
        (json.dumps({"manifest": {"schema_version": 1}}), "schema version"),
        (json.dumps({"manifest": {"schema_version": 3}}), "schema version"),
        (json.dumps({"manifest": {"coverage": [{"collection": "evnets", "period": {}}]}}), "coverage"),
        ('{"manifest": {"schema_version": 1.0}}', "whole number"),
        ('{"sources": [{"id": "s", "name": "\\ud800", "title": "T"}]}', "lone surrogate"),
        ('{"sources": [], "sources": []}', "key twice"),
    ],
    ids=lambda value: value.replace(" ", "-") if value in UNEXPRESSED else "document",
)
def test_schema_lets_through_what_only_the_loader_checks(validator: Any, folder: Path, text: str, rule: str) -> None:
    """A document that breaks only a listed rule passes the schema, and the loader refuses it by that rule."""
    assert validator.is_valid(json.loads(text))
    with pytest.raises(nu.DataError) as raised:
        nu.load(write(folder, text))
    assert {rule} == {unexpressed_rule(problem, json.loads(text)) for problem in raised.value.problems}


def with_nulls(record: dict[str, Any], cls: type) -> dict[str, Any]:
    """A record in JSON form with each optional field it leaves out given as null, nested records' too."""
    filled = dict(record)
    for spec in field_specs(cls):
        if spec.optional and spec.name not in filled:
            filled[spec.name] = None
        elif spec.shape is Shape.RECORD and filled.get(spec.name) is not None:
            held = filled[spec.name]
            filled[spec.name] = (
                [with_nulls(item, spec.item) for item in held] if spec.many else with_nulls(held, spec.item)
            )
    return filled


def test_null_for_every_optional_field(validator: Any, folder: Path) -> None:
    """A dataset whose records give null for every optional field passes the schema and loads."""
    document = {
        name: [with_nulls(record, COLLECTIONS[name]) for record in records] for name, records in SMALL_DATASET.items()
    }
    document["manifest"] = with_nulls({"coverage": [{"collection": "events", "period": {}}]}, Manifest)
    assert None in document["events"][0].values()
    assert None in document["manifest"].values()
    assert validator.is_valid(document)
    assert isinstance(load(folder, document), nu.Dataset)


@agreement_settings
@given(document=valid_documents())
def test_valid_documents_pass_both(folder: Path, document: dict[str, Any]) -> None:
    """A valid document, and the same with null for each optional field it leaves out, passes the schema and loads."""
    nulls = {name: [with_nulls(record, COLLECTIONS[name]) for record in records] for name, records in document.items()}
    for each in (document, nulls):
        assert schema_validator().is_valid(each)
        assert isinstance(load(folder, each), nu.Dataset)


@agreement_settings
@given(broken=invalid_documents())
def test_invalid_documents_get_the_same_verdict(folder: Path, broken: tuple[dict[str, Any], str]) -> None:
    """A document broken on purpose is refused by the loader, and by the schema unless it breaks only a listed rule."""
    _, loaded = check_agreement(folder, broken[0])
    assert isinstance(loaded, nu.DataError)


@agreement_settings
@given(document=dataset_documents() | valid_documents().flatmap(mutated))
def test_dataset_shaped_documents_get_the_same_verdict(folder: Path, document: Any) -> None:
    """Whatever a dataset-shaped document holds, the schema and the loader agree on it, but by the listed rules."""
    check_agreement(folder, document)


# -- Schema version 2: who did what, dated statuses, inferred fields ---------------------------------

STATUS_CITATION = {"source": "my-notes", "quote": "The fund is active."}


def a_programme(**changes: Any) -> dict[str, Any]:
    """A valid programme citing :data:`SOURCE`, with some fields changed (or dropped, given :data:`DROP`)."""
    record = {"id": "my-fund", "name": "My fund", "kind": "trust_fund", "citations": CITATIONS}
    record.update(changes)
    return {key: value for key, value in record.items() if value is not DROP}


#: Documents the schema and the loader both accept: participations naming a body or a person (the other left out
#: or null), outcomes naming one thing, statuses unknown or dated and cited, inferred naming fields.
ACCEPTED = {
    "a body as host": {
        **SMALL,
        "bodies": [a_body("b")],
        "events": [an_event(participants=[{"body": "b", "role": "host"}])],
    },
    "a person as chair, the body null": {
        **SMALL,
        "people": [{"id": "p", "name": "P", "citations": CITATIONS}],
        "events": [an_event(participants=[{"body": None, "person": "p", "role": "chair"}])],
    },
    "a programme as outcome": {
        **SMALL,
        "programmes": [a_programme()],
        "events": [an_event(outcomes=[{"programme": "my-fund", "agreement": None, "role": "endorsed"}])],
    },
    "no status": {"sources": [SOURCE], "programmes": [a_programme()]},
    "an unknown status": {"sources": [SOURCE], "programmes": [a_programme(status="unknown")]},
    "an unknown status with null date and words": {
        "sources": [SOURCE],
        "programmes": [a_programme(status="unknown", status_as_of=None, status_citation=None)],
    },
    "a dated, cited status": {
        "sources": [SOURCE],
        "programmes": [a_programme(status="active", status_as_of="2020-05", status_citation=STATUS_CITATION)],
    },
    "inferred fields": {**SMALL, "events": [an_event(inferred=["date", "level", "participants"])]},
    "a figure": {
        **SMALL,
        "events": [
            an_event(
                figures=[
                    {"value": 3, "unit": "ships", "counts": "ships", "qualifier": "about", "citation": CITATIONS[0]}
                ]
            )
        ],
    },
}

#: Documents both refuse, each by a rule the schema expresses.
REFUSED = {
    "a participation naming neither": {**SMALL, "events": [an_event(participants=[{"role": "host"}])]},
    "a participation naming both": {
        **SMALL,
        "bodies": [a_body("b")],
        "people": [{"id": "p", "name": "P", "citations": CITATIONS}],
        "events": [an_event(participants=[{"body": "b", "person": "p", "role": "chair"}])],
    },
    "a participation naming null": {**SMALL, "events": [an_event(participants=[{"body": None, "role": "host"}])]},
    "a participation with no role": {
        **SMALL,
        "bodies": [a_body("b")],
        "events": [an_event(participants=[{"body": "b"}])],
    },
    "an outcome naming nothing": {**SMALL, "events": [an_event(outcomes=[{"role": "adopted"}])]},
    "an outcome naming two things": {
        **SMALL,
        "bodies": [a_body("b")],
        "programmes": [a_programme()],
        "events": [an_event(outcomes=[{"programme": "my-fund", "body": "b", "role": "adopted"}])],
    },
    "an outcome in a participant's role": {
        **SMALL,
        "programmes": [a_programme()],
        "events": [an_event(outcomes=[{"programme": "my-fund", "role": "host"}])],
    },
    "a status with no date": {
        "sources": [SOURCE],
        "programmes": [a_programme(status="active", status_citation=STATUS_CITATION)],
    },
    "a status with no words": {"sources": [SOURCE], "programmes": [a_programme(status="ended", status_as_of="2020")]},
    "a status with null date and words": {
        "sources": [SOURCE],
        "programmes": [a_programme(status="completed", status_as_of=None, status_citation=None)],
    },
    "an inferred name that is no field": {**SMALL, "events": [an_event(inferred=["date", "colour"])]},
    "the id inferred": {**SMALL, "events": [an_event(inferred=["id"])]},
    "a field of another class inferred": {**SMALL, "events": [an_event(inferred=["dissolved"])]},
    "a figure with no citation": {
        **SMALL,
        "events": [an_event(figures=[{"value": 3, "unit": "ships", "counts": "ships"}])],
    },
    "a figure of a float": {
        **SMALL,
        "events": [an_event(figures=[{"value": 3.5, "unit": "ships", "counts": "ships", "citation": CITATIONS[0]}])],
    },
    "an event's bodies (version 1)": {**SMALL, "bodies": [a_body("b")], "events": [an_event(bodies=["b"])]},
    "an event's chair (version 1)": {
        **SMALL,
        "people": [{"id": "p", "name": "P", "citations": CITATIONS}],
        "events": [an_event(chair="p")],
    },
    "a body's parent (version 1)": {"sources": [SOURCE], "bodies": [a_body("b"), a_body("c", parent="b")]},
}


@pytest.mark.parametrize("document", list(ACCEPTED.values()), ids=list(ACCEPTED))
def test_schema_and_loader_accept_the_forms_of_version_2(
    validator: Any, folder: Path, document: dict[str, Any]
) -> None:
    """A participation naming one of a body and a person, an outcome naming one thing, a status that is unknown or
    dated and cited, inferred fields that are fields, a cited figure: the schema accepts each, and the loader too."""
    assert [] == [e.message for e in validator.iter_errors(document)]
    assert isinstance(load(folder, document), nu.Dataset)


@pytest.mark.parametrize("document", list(REFUSED.values()), ids=list(REFUSED))
def test_schema_and_loader_refuse_what_version_2_forbids(
    validator: Any, folder: Path, document: dict[str, Any]
) -> None:
    """Neither or both of a participation's body and person, none or two of an outcome's, a status without its date
    or words, an inferred name that is no field of the record, a figure without its citation, a key of schema
    version 1: the schema refuses each, and so does the loader."""
    assert not validator.is_valid(document)
    loaded = load(folder, document)
    assert isinstance(loaded, nu.DataError)
    assert [] == [p for p in loaded.problems if unexpressed_rule(p, document) is not None]


def test_inferred_lists_the_fields_of_its_own_record() -> None:
    """Each record class's ``inferred`` is an array of an enum of that class's field names, but its id and itself."""
    defs = nu.json_schema()["$defs"]
    for name, cls in COLLECTIONS.items():
        properties = defs[cls.__name__]["properties"]
        if "inferred" not in properties:
            assert "sources" == name
            continue
        names = [spec.name for spec in field_specs(cls) if spec.name not in ("id", "inferred")]
        assert names == properties["inferred"]["items"]["enum"], name


def test_a_participation_and_an_outcome_name_exactly_one_thing() -> None:
    """The schema of a participation holds a oneOf of body and person, an outcome's of programme, agreement and body;
    a programme's an if/then: a status other than unknown requires status_as_of and status_citation."""
    defs = nu.json_schema()["$defs"]

    def one_of(name: str) -> list[list[str]]:
        return [[choice["required"] for choice in rule["oneOf"]] for rule in defs[name]["allOf"] if "oneOf" in rule]

    assert [[["body"], ["person"]]] == one_of("Participation")
    assert [[["programme"], ["agreement"], ["body"]]] == one_of("Outcome")
    assert ["role"] == defs["Participation"]["required"]
    (status,) = [rule for rule in defs["Programme"]["allOf"] if "if" in rule]
    assert (["status"], {"not": {"const": "unknown"}}, ["status_as_of", "status_citation"]) == (
        status["if"]["required"],
        status["if"]["properties"]["status"],
        status["then"]["required"],
    )
