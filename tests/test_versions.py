"""Tests for nato_ukraine.versions: what a data upgrade changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu


@pytest.fixture
def exported() -> dict[str, Any]:
    """The bundled dataset in its JSON form, to edit into a 'new version'."""
    payload: dict[str, Any] = json.loads(nu.load().to_json())
    return payload


def load_edited(tmp_path: Path, payload: dict[str, Any]) -> nu.Dataset:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return nu.load(path)


def test_same_data_has_no_differences() -> None:
    """Comparing the bundled data with itself finds nothing."""
    ds = nu.load()
    result = nu.diff(ds, ds)
    assert (True, False, (), (), ()) == (result.is_empty, result.is_major, result.added, result.removed, result.changed)


def test_round_trip_through_json_changes_nothing(tmp_path: Path, exported: dict[str, Any]) -> None:
    """The exported and reloaded dataset equals the bundled one, record for record."""
    assert nu.diff(nu.load(), load_edited(tmp_path, exported)).is_empty


def test_added_removed_and_changed_are_reported(tmp_path: Path, exported: dict[str, Any]) -> None:
    """A new record, a dropped record and an edited field each show, with the field's name."""
    events, bodies = exported["events"], exported["bodies"]
    text = json.dumps(exported)
    # A body no record refers to (its id stands in the file once, as its own), so that the new version still loads.
    unreferenced = [b for b in bodies if text.count(json.dumps(b["id"])) == 1]
    assert 0 < len(unreferenced) < len(bodies)
    removed = unreferenced[0]
    bodies.remove(removed)
    events.append(dict(events[0], id="a-new-event"))
    target = next(e for e in events if e["id"] == "nuc-ambassadors-meeting-2024-01-10")
    target["location"] = "Mons"  # (a change: the meeting was in Brussels)
    exported["manifest"]["data_version"] = "2099.0.0"
    old = nu.load()
    result = nu.diff(old, load_edited(tmp_path, exported))
    assert ("a-new-event",) == result.added
    assert (removed["id"],) == result.removed
    assert [("nuc-ambassadors-meeting-2024-01-10", ("location",))] == [(c.id, c.fields) for c in result.changed]
    assert (True, old.data_version, "2099.0.0") == (result.is_major, result.old_version, result.new_version)
    assert f"- {removed['id']}" in str(result).splitlines()


def test_only_additions_are_not_major(tmp_path: Path, exported: dict[str, Any]) -> None:
    """Adding records and changing fields is not a major data version."""
    exported["people"].append(dict(exported["people"][0], id="someone-new"))
    result = nu.diff(nu.load(), load_edited(tmp_path, exported))
    assert (("someone-new",), False) == (result.added, result.is_major)


@pytest.mark.parametrize("other", [None, "2024.1.0"])
def test_diff_of_something_not_a_dataset_says_so(other: object) -> None:
    """diff() given something else than a dataset (a version string, None) raises TypeError naming the argument."""
    with pytest.raises(TypeError, match="new is a"):
        nu.diff(nu.load(), other)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="old is a"):
        nu.diff(other, nu.load())  # type: ignore[arg-type]
