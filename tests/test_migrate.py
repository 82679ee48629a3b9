"""Tests for nato_ukraine.migrate: a file of schema version 1 rewritten in schema version 2."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu
from nato_ukraine.migrate import migrate, migrate_file

CITE = [{"source": "notes", "quote": "q"}]

#: A dataset file of schema version 1: a body's parent, an event's bodies, people and chair, a stated status.
VERSION_1: dict[str, Any] = {
    "manifest": {"data_version": "1.0.0", "schema_version": 1},
    "sources": [{"id": "notes", "name": "Notes", "title": "Notes"}],
    "bodies": [
        {"id": "council", "name": "Council", "kind": "council", "side": "joint", "parent": None, "citations": CITE},
        {"id": "office", "name": "Office", "kind": "office", "side": "nato", "parent": "council", "citations": CITE},
        {"id": "team", "name": "Team", "kind": "team", "side": "nato", "citations": CITE},
    ],
    "people": [
        {"id": "chair-person", "name": "A Chair", "citations": CITE},
        {"id": "guest", "name": "A Guest", "citations": CITE},
    ],
    "programmes": [
        {"id": "unknown-fund", "name": "Unknown fund", "kind": "trust_fund", "citations": CITE},
        {"id": "active-fund", "name": "Active fund", "kind": "trust_fund", "status": "active", "citations": CITE},
    ],
    "events": [
        {
            "id": "meeting",
            "name": "Meeting",
            "kind": "meeting",
            "date": "2017-06",
            "bodies": ["council", "office"],
            "people": ["guest", "chair-person"],
            "chair": "chair-person",
            "citations": CITE,
        },
        {
            "id": "chaired-only",
            "name": "Chaired",
            "kind": "meeting",
            "date": "2018",
            "chair": "chair-person",
            "people": [],
            "citations": CITE,
        },
        {"id": "plain", "name": "Plain", "kind": "statement", "date": "2019", "citations": CITE},
    ],
}


def test_a_bodys_parent_becomes_its_parents() -> None:
    """A body's parent (an id, or null) becomes a list of parents (of it, or empty); a body without one is left as
    it was."""
    new, _ = migrate(VERSION_1)

    bodies = {body["id"]: body for body in new["bodies"]}
    assert ([], ["council"]) == (bodies["council"]["parents"], bodies["office"]["parents"])
    assert [] == [body["id"] for body in new["bodies"] if "parent" in body]
    assert VERSION_1["bodies"][2] == bodies["team"]


def test_an_events_bodies_people_and_chair_become_participants() -> None:
    """Bodies and people become participants in the role ``participant``, the chair in the role ``chair`` (once,
    though also among the people); the keys of version 1 are gone, and an event with none keeps no participants."""
    new, _ = migrate(VERSION_1)

    events = {event["id"]: event for event in new["events"]}
    assert [
        {"body": "council", "role": "participant"},
        {"body": "office", "role": "participant"},
        {"person": "guest", "role": "participant"},
        {"person": "chair-person", "role": "chair"},
    ] == events["meeting"]["participants"]
    assert [{"person": "chair-person", "role": "chair"}] == events["chaired-only"]["participants"]
    assert "participants" not in events["plain"]
    assert [] == [(e["id"], k) for e in new["events"] for k in ("bodies", "people", "chair") if k in e]


def test_a_stated_status_is_noted_with_its_path() -> None:
    """A status other than unknown, with no date or words, is noted by the path of the programme and what it needs
    (and left as it is, for a person to complete); an unknown or absent status is not."""
    new, notes = migrate(VERSION_1)

    assert 1 == len(notes)
    assert notes[0].startswith("programmes[1].status: 'active' needs status_as_of and status_citation")
    assert VERSION_1["programmes"] == new["programmes"]
    stated = copy.deepcopy(VERSION_1)
    stated["programmes"][1].update(status_as_of="2020", status_citation=CITE[0])
    assert [] == migrate(stated)[1]
    stated["programmes"][1]["status_citation"] = None
    (note,) = migrate(stated)[1]
    assert (True, False) == ("'active' needs status_citation (" in note, "status_as_of" in note)


def test_the_manifest_is_of_schema_version_2() -> None:
    """A document's manifest is given schema version 2, the rest of it kept; a document without one gets none."""
    new, _ = migrate(VERSION_1)

    assert {"data_version": "1.0.0", "schema_version": 2} == new["manifest"]
    assert "manifest" not in migrate({"events": []})[0]


def test_the_document_given_is_not_changed() -> None:
    """migrate() works on a copy: the document it is given, nested records included, is as it was."""
    before = copy.deepcopy(VERSION_1)

    new, _ = migrate(VERSION_1)

    assert before == VERSION_1
    assert new is not VERSION_1
    assert new["events"][0] is not VERSION_1["events"][0]


def test_a_migrated_document_loads_and_migrating_again_changes_nothing(tmp_path: Path) -> None:
    """Once the noted status is completed, the migrated document loads as schema version 2 with the same links;
    migrate() of a document of version 2 gives it back unchanged, with no note."""
    new, _ = migrate(VERSION_1)
    new["programmes"][1].update(status_as_of="2020", status_citation=CITE[0])
    path = tmp_path / "migrated.json"
    path.write_text(json.dumps(new), encoding="utf-8")

    ds = nu.load(path)

    meeting = ds.events["meeting"]
    assert (("council", "office"), ("guest", "chair-person"), "chair-person") == (
        meeting.bodies,
        meeting.people,
        meeting.chair,
    )
    assert (("council",), 2) == (ds.bodies["office"].parents, ds.schema_version)
    assert (new, []) == migrate(new)


@pytest.mark.parametrize("document", [[], "events", None, 2])
def test_a_document_that_is_not_an_object_is_a_type_error(document: object) -> None:
    """A document that is not a JSON object raises TypeError naming what it is."""
    with pytest.raises(TypeError, match=f"a dataset document is a JSON object, not {type(document).__name__}"):
        migrate(document)


def test_records_that_are_not_objects_are_left_alone() -> None:
    """A collection that is not a list, or a record that is not an object, is left for the loader to report."""
    document = {"events": [1, "x", {"id": "e", "bodies": ["b"]}], "bodies": {"id": "b"}}

    new, notes = migrate(document)

    assert ([1, "x", {"id": "e", "participants": [{"body": "b", "role": "participant"}]}], {"id": "b"}, []) == (
        new["events"],
        new["bodies"],
        notes,
    )


def test_migrate_file_writes_sorted_json_and_names_the_file_it_cannot_read(tmp_path: Path) -> None:
    """migrate_file() gives the new file's text (keys sorted, indented, ending in a newline) and the notes; a file
    that is not JSON, or not an object, is a ValueError naming it."""
    path = tmp_path / "old.json"
    path.write_text(json.dumps(VERSION_1), encoding="utf-8")

    text, notes = migrate_file(path)

    assert (migrate(VERSION_1)[0], migrate(VERSION_1)[1]) == (json.loads(text), notes)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "bodies"')
    for content in ("{not json", "[1, 2]"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ValueError, match=f"{path}: not a dataset document"):
            migrate_file(path)


def test_a_manifest_file_of_a_directory_is_migrated_too() -> None:
    """A dataset directory's manifest.json (the manifest object itself, as data/manifest.json is) is given schema
    version 2, as the loader's advice for a manifest of version 1 (run ``nato-ukraine migrate``) implies."""
    new, _ = migrate({"data_version": "1.0.0", "schema_version": 1})

    assert 2 == new["schema_version"]
