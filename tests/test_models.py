"""Tests for nato_ukraine.models: the record classes are frozen, slotted, keyword-only values."""

from __future__ import annotations

import attrs
import pytest

import nato_ukraine as nu

RECORD_CLASSES = [nu.Source, nu.Body, nu.Programme, nu.Event, nu.Agreement, nu.Operation, nu.Person]
CITE = (nu.Citation(source="s", quote="q"),)


def make_event(**changes: object) -> nu.Event:
    fields: dict[str, object] = {
        "id": "e",
        "name": "E",
        "kind": nu.EventKind.MEETING,
        "date": nu.PartialDate(2016, 7, 9),
        "citations": CITE,
    }
    fields.update(changes)
    return nu.Event(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", [*RECORD_CLASSES, nu.Citation, nu.Role])
def test_classes_are_frozen_slotted_attrs(cls: type) -> None:
    """Every model is an attrs class with slots and keyword-only fields."""
    assert (True, True) == (attrs.has(cls), "__slots__" in cls.__dict__)
    assert all(a.kw_only for a in attrs.fields(cls))


def test_records_refuse_changes() -> None:
    """Setting an attribute on a record raises FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        make_event().name = "other"  # type: ignore[misc]


def test_records_refuse_positional_arguments() -> None:
    """Records are built with keywords only."""
    with pytest.raises(TypeError):
        nu.Citation("s", "q")  # type: ignore[misc]


@pytest.mark.parametrize("cls", RECORD_CLASSES)
def test_every_record_has_the_common_fields(cls: type) -> None:
    """id, name, acronym, aliases and description are on every record; citations on all but Source."""
    names = {a.name for a in attrs.fields(cls)}
    common = {"id", "name", "acronym", "aliases", "description"}
    assert common <= names
    assert (cls is not nu.Source) == ("citations" in names)


def test_equal_records_are_equal_and_hash_equal() -> None:
    """Two records with the same fields are equal and usable as dict keys."""
    assert make_event() == make_event()
    assert 1 == len({make_event(), make_event()})


def test_records_know_nothing_of_json() -> None:
    """The models carry no to_dict/from_dict helpers: the converter does that."""
    assert [] == [name for name in ("to_dict", "from_dict", "to_json") if hasattr(nu.Event, name)]


def test_enum_values_are_lower_snake_case() -> None:
    """Every enum value is lower snake case, as in the JSON form, and str() gives it."""
    enums = [
        nu.BodyKind,
        nu.Side,
        nu.ProgrammeKind,
        nu.ProgrammeStatus,
        nu.EventKind,
        nu.MeetingLevel,
        nu.AgreementKind,
        nu.SourceKind,
    ]
    bad = [m for e in enums for m in e if m.value != m.value.lower() or " " in m.value or str(m) != m.value]
    assert [] == bad


def test_programme_period_defaults_to_open() -> None:
    """A programme without a period has an open one."""
    programme = nu.Programme(id="p", name="P", kind=nu.ProgrammeKind.TRUST_FUND, citations=CITE)
    assert nu.Period(None, None) == programme.period


def test_record_union_covers_every_record_class() -> None:
    """nu.Record admits exactly the record classes."""
    assert all(isinstance(cls.__new__(cls), nu.Record) for cls in RECORD_CLASSES)  # type: ignore[arg-type]
    assert not isinstance(nu.Citation(source="s", quote="q"), nu.Record)  # type: ignore[arg-type]
