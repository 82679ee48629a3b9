"""Tests for nato_ukraine.schema: a JSON Schema generated from the classes, checked with jsonschema."""

from __future__ import annotations

import json
from typing import Any

import pytest

import nato_ukraine as nu

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = nu.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


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


@pytest.mark.parametrize(
    "record",
    [
        {"id": "Bad Id", "name": "x", "kind": "meeting", "date": "2016", "citations": []},
        {"id": "e", "name": "x", "kind": "meetin", "date": "2016"},
        {"id": "e", "name": "x", "kind": "meeting", "date": "June 2016"},
        {"id": "e", "name": "x", "kind": "meeting", "date": "2016", "colour": "red"},
        {"id": "e", "name": "x", "kind": "meeting"},
        {"id": "e", "name": "x", "kind": "meeting", "date": "2016", "citations": [{"source": "s", "quote": "q" * 301}]},
    ],
)
def test_schema_refuses_what_the_form_forbids(validator: Any, record: dict[str, Any]) -> None:
    """A bad id, enum value, non-ISO date, unknown key, missing field or overlong quote fails the schema."""
    assert not validator.is_valid({"events": [record]})


def test_schema_carries_field_descriptions() -> None:
    """Field descriptions come from the classes' docstrings."""
    event = nu.json_schema()["$defs"]["Event"]
    assert event["properties"]["level"]["description"].startswith("For a meeting")
    assert event["properties"]["id"]["description"].startswith("A stable slug")
