"""Tests for nato_ukraine.models: the record classes are frozen, slotted, keyword-only values."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


@pytest.mark.parametrize("cls", [*RECORD_CLASSES, nu.Citation, nu.Role, nu.Participation, nu.Outcome, nu.Figure])
def test_classes_are_frozen_slotted_attrs(cls: type) -> None:
    """Every model is an attrs class with slots and keyword-only fields, whose instances refuse to change or to
    take an attribute of no field."""
    assert (True, True) == (attrs.has(cls), "__slots__" in cls.__dict__)
    assert all(a.kw_only for a in attrs.fields(cls))
    instance = cls.__new__(cls)
    first = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, first, "changed")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(instance, first)
    with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
        object.__setattr__(instance, "not_a_field", 1)


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
        nu.ParticipantRole,
        nu.OutcomeRole,
        nu.FigureQualifier,
    ]
    bad = [m for e in enums for m in e if m.value != m.value.lower() or " " in m.value or str(m) != m.value]
    assert [] == bad


def test_enums_are_served_from_kinds_models_and_the_package_alike() -> None:
    """The enumerations live in nato_ukraine.kinds and are the same objects in nato_ukraine.models and nato_ukraine."""
    import nato_ukraine.kinds
    import nato_ukraine.models

    names = nato_ukraine.kinds.__all__
    assert {"ParticipantRole", "OutcomeRole", "FigureQualifier", "MeetingLevel"} <= set(names)
    assert [] == [
        name
        for name in names
        if not (getattr(nato_ukraine.kinds, name) is getattr(nato_ukraine.models, name) is getattr(nu, name))
    ]


def test_programme_period_defaults_to_open() -> None:
    """A programme without a period has an open one."""
    programme = nu.Programme(id="p", name="P", kind=nu.ProgrammeKind.TRUST_FUND, citations=CITE)
    assert nu.Period(None, None) == programme.period


def test_record_union_covers_every_record_class() -> None:
    """nu.Record admits exactly the record classes."""
    assert all(isinstance(cls.__new__(cls), nu.Record) for cls in RECORD_CLASSES)  # type: ignore[arg-type]
    assert not isinstance(nu.Citation(source="s", quote="q"), nu.Record)  # type: ignore[arg-type]


# -- Each field declared once -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Visit:
    """A visit, declared here as a contributor would add a record class: its fields' meaning in their metadata.

    Attributes:
        id: Its id.
        name: What it is called.
        citations: Where the dataset has it from.
        host: The body that hosted it.
        day: When it took place.
        city: Where it took place.
    """

    id: str
    name: str = attrs.field(metadata=nu.models.means(name=nu.models.NameRole.NAME, nonblank=True))
    citations: tuple[nu.Citation, ...] = attrs.field(default=(), metadata=nu.models.means(nonempty=True))
    host: str | None = attrs.field(default=None, metadata=nu.models.reference("bodies", nu.Relation.INVOLVES))
    day: nu.PartialDate = attrs.field(metadata=nu.models.when(nu.models.When.OCCURRED))
    city: str | None = attrs.field(default=None, metadata=nu.models.label())


VISITS = {
    "sources": [{"id": "notes", "name": "Notes", "title": "Notes"}],
    "bodies": [
        {
            "id": "office",
            "name": "Office",
            "kind": "office",
            "side": "nato",
            "citations": [{"source": "notes", "quote": "q"}],
        }
    ],
    "events": [
        {
            "id": "first-visit",
            "name": "First visit",
            "host": "office",
            "day": "2016-07",
            "city": "Kyiv" + "",
            "citations": [{"source": "notes", "quote": "They came in July 2016."}],
        },
        {
            "id": "second-visit",
            "name": "Second visit",
            "day": "2017",
            "city": "Ky" + "iv",
            "citations": [{"source": "notes", "quote": "They came back in 2017."}],
        },
    ],
}


@pytest.fixture
def visits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file of visits, with Visit as the class of the "events" collection."""
    monkeypatch.setitem(nu.models.COLLECTIONS, "events", Visit)
    path = tmp_path / "visits.json"
    path.write_text(json.dumps(VISITS), encoding="utf-8")
    return path


def test_a_declared_class_loads_with_its_fields_meanings(visits: Path) -> None:
    """A record class declared with a reference, a date and a label loads as declared: its records are of the class,
    equal labels are one string, and the date queries, the graph and the timeline read its fields' meanings."""
    ds = nu.load(visits)

    first, second = ds.events["first-visit"], ds.events["second-visit"]
    assert (Visit, nu.PartialDate(2016, 7), "office") == (type(first), first.day, first.host)
    assert first.city is second.city
    assert ["first-visit"] == ds.events.between("2016", "2016").ids()
    assert ["second-visit"] == ds.events.active_on("2017-03").ids()
    assert ["first-visit"] == ds.events.where(host="office").ids()
    assert nu.Edge("first-visit", nu.Relation.INVOLVES, "office") in ds.edges()
    assert [("event", "first-visit"), ("event", "second-visit")] == [
        (entry.what, entry.record.id) for entry in ds.timeline() if isinstance(entry.record, Visit)
    ]
    assert ds.lookup("second visit") is second


def test_a_declared_class_is_validated_by_its_fields_meanings(visits: Path) -> None:
    """The rules come from the metadata: a blank name, no citation and a reference to no body are each reported."""
    document = json.loads(visits.read_text(encoding="utf-8"))
    document["events"][1].update(name=" ", citations=[], host="no-such-office")
    visits.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(nu.DataError) as info:
        nu.load(visits)

    assert [
        ("$.events[1].name", "the name is empty"),
        ("$.events[1].citations", "a record needs at least one citation"),
        ("$.events[1].host", "refers to 'no-such-office', which no body has as its id"),
    ] == [(p.path, p.message) for p in info.value.problems]


def test_a_declared_class_has_its_schema(visits: Path) -> None:
    """The JSON Schema describes a declared class from its fields and their metadata."""
    visit = nu.json_schema()["$defs"]["Visit"]

    assert ["id", "name", "citations", "day"] == visit["required"]
    assert {"$ref": "#/$defs/PartialDate"} == {k: v for k, v in visit["properties"]["day"].items() if k == "$ref"}
    host = re.compile(visit["properties"]["host"]["anyOf"][0]["pattern"])
    assert (True, False, False) == tuple(bool(host.search(text)) for text in ("an-office", "An Office", "office\n"))
    assert 1 == visit["properties"]["citations"]["minItems"]
    assert visit["properties"]["city"]["description"].startswith("Where it took place")


# -- Who did what: participations, outcomes, several parents, figures -------------------------------


def test_an_events_bodies_people_and_chair_are_views_of_its_participants_and_outcomes() -> None:
    """``bodies`` is the participants' bodies then the outcomes' bodies, each once, in order; ``people`` the
    participants' people, each once; ``chair`` the first person in the role of chair. None of them is a field."""
    event = make_event(
        participants=(
            nu.Participation(body="nato", role=nu.ParticipantRole.HOST),
            nu.Participation(person="jens", role=nu.ParticipantRole.PARTICIPANT),
            nu.Participation(body="ukraine", role=nu.ParticipantRole.REQUESTED),
            nu.Participation(person="jens", role=nu.ParticipantRole.CHAIR),
            nu.Participation(body="nato", role=nu.ParticipantRole.SIGNATORY),
            nu.Participation(person="dmytro", role=nu.ParticipantRole.CHAIR),
        ),
        outcomes=(
            nu.Outcome(body="new-council", role=nu.OutcomeRole.ESTABLISHED),
            nu.Outcome(programme="cap", role=nu.OutcomeRole.ENDORSED),
            nu.Outcome(body="ukraine", role=nu.OutcomeRole.DECIDED),
        ),
    )

    assert ("nato", "ukraine", "new-council") == event.bodies
    assert ("jens", "dmytro") == event.people
    assert "jens" == event.chair
    assert {"bodies", "people", "chair"}.isdisjoint(attrs.fields_dict(nu.Event))
    with pytest.raises(TypeError):
        make_event(bodies=("nato",))
    with pytest.raises(AttributeError):
        event.chair = "dmytro"  # type: ignore[misc]


def test_an_event_without_a_chair_says_none() -> None:
    """No participant in the role of chair, or only a body in it, is no chair; no participants is no bodies."""
    body_chairs = make_event(participants=(nu.Participation(body="nato", role=nu.ParticipantRole.CHAIR),))

    assert (None, ("nato",), ()) == (body_chairs.chair, body_chairs.bodies, body_chairs.people)
    assert ((), (), None) == (make_event().bodies, make_event().people, make_event().chair)


def test_a_participation_and_an_outcome_read_as_ref_and_role() -> None:
    """A participation's and an outcome's ``ref`` is the id they name, whichever field holds it; str() gives
    ``ref (role)``; the role is required."""
    assert ("nato (host)", "nato") == (
        str(nu.Participation(body="nato", role=nu.ParticipantRole.HOST)),
        nu.Participation(body="nato", role=nu.ParticipantRole.HOST).ref,
    )
    assert "jens (chair)" == str(nu.Participation(person="jens", role=nu.ParticipantRole.CHAIR))
    assert ["cap (endorsed)", "charter (signed)", "nuc (not_granted)"] == [
        str(nu.Outcome(programme="cap", role=nu.OutcomeRole.ENDORSED)),
        str(nu.Outcome(agreement="charter", role=nu.OutcomeRole.SIGNED)),
        str(nu.Outcome(body="nuc", role=nu.OutcomeRole.NOT_GRANTED)),
    ]
    with pytest.raises(TypeError):
        nu.Participation(body="nato")  # type: ignore[call-arg]


def test_a_body_has_parents_and_its_first_parent_as_parent() -> None:
    """``parents`` is a tuple of ids (a body may belong to two); ``parent``, schema version 1's field, is a read-only
    view of the first, None for none, and no longer a keyword."""
    fields = {"id": "b", "name": "B", "kind": nu.BodyKind.OFFICE, "side": nu.Side.NATO, "citations": CITE}
    joint = nu.Body(**fields, parents=("nato", "eu"))  # type: ignore[arg-type]

    assert (("nato", "eu"), "nato") == (joint.parents, joint.parent)
    assert ((), None) == (nu.Body(**fields).parents, nu.Body(**fields).parent)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        nu.Body(**fields, parent="nato")  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        joint.parent = "eu"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("qualifier", "value", "as_of", "text"),
    [
        (nu.FigureQualifier.EXACT, 3, None, "3 ships: ships sent"),
        (nu.FigureQualifier.ABOUT, 200, nu.PartialDate(2024, 1, 10), "about 200 ships: ships sent (2024-01-10)"),
        (nu.FigureQualifier.UP_TO, 1000, nu.PartialDate(2024), "up to 1,000 ships: ships sent (2024)"),
        (nu.FigureQualifier.AT_LEAST, 12_500_000, None, "at least 12,500,000 ships: ships sent"),
        (nu.FigureQualifier.MORE_THAN, 40, nu.PartialDate(2023, 11), "more than 40 ships: ships sent (2023-11)"),
    ],
)
def test_a_figure_reads_as_its_qualified_number_unit_and_what_it_counts(
    qualifier: nu.FigureQualifier, value: int, as_of: nu.PartialDate | None, text: str
) -> None:
    """str(figure) is the qualifier in words, the number with thousands separated, the unit, what is counted and,
    when known, the date it held; the qualifier defaults to exact."""
    citation = nu.Citation(source="s", quote="q")
    figure = nu.Figure(
        value=value, unit="ships", counts="ships sent", qualifier=qualifier, as_of=as_of, citation=citation
    )

    assert text == str(figure)
    assert nu.FigureQualifier.EXACT == nu.Figure(value=1, unit="u", counts="c", citation=citation).qualifier


def test_every_cited_record_has_figures_and_inferred_and_a_source_has_neither() -> None:
    """figures and inferred are fields of every record with citations, empty by default, and of no source."""
    for cls in RECORD_CLASSES:
        names = attrs.fields_dict(cls)
        assert (cls is not nu.Source, cls is not nu.Source) == ("figures" in names, "inferred" in names), cls
    assert ((), ()) == (make_event().figures, make_event().inferred)


def test_a_programmes_status_is_unknown_unless_a_source_states_it() -> None:
    """A programme's status defaults to unknown, with no date and no words; new fields default to none."""
    programme = nu.Programme(id="p", name="P", kind=nu.ProgrammeKind.TRUST_FUND, citations=CITE)

    assert (nu.ProgrammeStatus.UNKNOWN, None, None) == (
        programme.status,
        programme.status_as_of,
        programme.status_citation,
    )
    assert (None, None, ()) == (programme.predecessor, programme.successor, programme.members)
