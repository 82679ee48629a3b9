"""Who did what: an event's participants and outcomes, each with its role, asked about by ``where``, ``count_by``,
``related`` and the graph's edges; a body's several parents; tidy tables of nested records and of figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import nato_ukraine as nu
from strategies import valid_documents

CITE = [{"source": "notes", "quote": "q"}]
STATED = {
    "status_as_of": "2024-01",
    "status_citation": {"source": "notes", "quote": "It is active.", "locator": "p. 2"},
}


def rec(record_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "name": record_id.replace("-", " ").title(), "citations": CITE, **fields}


def body(record_id: str, **fields: Any) -> dict[str, Any]:
    return rec(record_id, **{"kind": "organisation", "side": "other", **fields})


def taking_part(**roles: str | list[str]) -> list[dict[str, str]]:
    """Participations, by role: ``host="nato"``, ``participant=["ukraine", "person:jens"]`` (``person:`` a person)."""
    found = []
    for role, refs in roles.items():
        for ref in [refs] if isinstance(refs, str) else refs:
            kind, _, ref_id = ref.rpartition(":")
            found.append({kind or "body": ref_id, "role": role})
    return found


FIGURE = {"value": 40, "unit": "leaders", "counts": "leaders at the summit", "qualifier": "about", "citation": CITE[0]}

FIXTURE: dict[str, Any] = {
    "sources": [{"id": "notes", "name": "Notes", "title": "Notes", "kind": "other"}],
    "bodies": [
        body("nato", kind="alliance", side="nato"),
        body("ukraine", kind="state", side="ukraine"),
        body("germany", kind="state"),
        body("council", kind="council", side="joint", parents=["nato"], levels=["ambassadors", "foreign_ministers"]),
        body("joint-office", kind="office", side="joint", parents=["nato", "ukraine"]),
    ],
    "people": [rec("jens"), rec("dmytro")],
    "programmes": [
        rec("cap", kind="assistance_package", status="active", **STATED, members=["germany"]),
        rec("fund", kind="trust_fund", parent="cap"),
    ],
    "agreements": [rec("charter", kind="charter", signed="2018-02-01")],
    "events": [
        rec(
            "summit-2016",
            kind="summit",
            date="2016-07-09",
            participants=taking_part(host="nato", participant="ukraine", chair="person:jens"),
            outcomes=[{"programme": "cap", "role": "endorsed"}],
            figures=[FIGURE],
        ),
        rec(
            "visit-2017",
            kind="visit",
            date="2017-05",
            participants=taking_part(participant=["nato", "person:dmytro"], host="ukraine"),
        ),
        rec(
            "meeting-2017",
            kind="meeting",
            date="2017-11-20",
            participants=taking_part(
                participant=["council", "person:dmytro"], chair="person:jens", addressed="person:dmytro"
            ),
        ),
        rec(
            "signing-2018",
            kind="signing",
            date="2018-02-01",
            participants=taking_part(signatory=["nato", "ukraine"]),
            outcomes=[{"agreement": "charter", "role": "signed"}, {"body": "joint-office", "role": "established"}],
        ),
        rec("statement-2019", kind="statement", date="2019"),
        rec(
            "delivery-2024",
            kind="other",
            date="2024-01",
            participants=taking_part(supplier="germany", subject="ukraine"),
            figures=[
                {**FIGURE, "value": 200, "unit": "missiles", "counts": "missiles sent", "qualifier": "up_to"},
                {
                    **FIGURE,
                    "value": 3,
                    "unit": "systems",
                    "counts": "systems sent",
                    "qualifier": "exact",
                    "as_of": "2024-01-10",
                },
            ],
            inferred=["date"],
        ),
    ],
}


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> nu.Dataset:
    path = tmp_path_factory.mktemp("roles") / "roles.json"
    path.write_text(json.dumps(FIXTURE), encoding="utf-8")
    return nu.load(path)


# -- The views of participants and outcomes ----------------------------------------------------------


def test_bodies_people_and_chair_read_the_participants_and_outcomes(ds: nu.Dataset) -> None:
    """An event's bodies are its participants' then its outcomes' (an established body too), each once; its people
    the persons among its participants, each once (whatever their roles); its chair the person in the chair."""
    events = ds.events
    assert (("nato", "ukraine"), ("jens",), "jens") == (
        events["summit-2016"].bodies,
        events["summit-2016"].people,
        events["summit-2016"].chair,
    )
    assert (("council",), ("dmytro", "jens"), "jens") == (
        events["meeting-2017"].bodies,
        events["meeting-2017"].people,
        events["meeting-2017"].chair,
    )
    assert ("nato", "ukraine", "joint-office") == events["signing-2018"].bodies
    assert ((), (), None) == (
        events["statement-2019"].bodies,
        events["statement-2019"].people,
        events["statement-2019"].chair,
    )


# -- where ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"body": "nato"}, ["summit-2016", "visit-2017", "signing-2018"]),
        ({"bodies": "joint-office"}, ["signing-2018"]),
        ({"person": "dmytro"}, ["visit-2017", "meeting-2017"]),
        ({"people": "jens"}, ["summit-2016", "meeting-2017"]),
        ({"participants": "ukraine"}, ["summit-2016", "visit-2017", "signing-2018", "delivery-2024"]),
        ({"participants": "jens"}, ["summit-2016", "meeting-2017"]),
        ({"outcomes": "charter"}, ["signing-2018"]),
        ({"chair": "jens"}, ["summit-2016", "meeting-2017"]),
        ({"chair": "dmytro"}, []),
        ({"host": "nato"}, ["summit-2016"]),
        ({"host": ["nato", "ukraine"]}, ["summit-2016", "visit-2017"]),
        ({"addressed": "dmytro"}, ["meeting-2017"]),
        ({"supplier": "germany"}, ["delivery-2024"]),
        ({"signatory": "ukraine"}, ["signing-2018"]),
        ({"endorsed": "cap"}, ["summit-2016"]),
        ({"established": "joint-office"}, ["signing-2018"]),
        ({"signed": "charter"}, ["signing-2018"]),
        ({"programme": "cap"}, ["summit-2016"]),
        ({"agreement": "charter"}, ["signing-2018"]),
        ({"role": "supplier"}, ["delivery-2024"]),
        ({"role": "Host"}, ["summit-2016", "visit-2017"]),
        ({"role": nu.ParticipantRole.CHAIR}, ["summit-2016", "meeting-2017"]),
        ({"role": nu.OutcomeRole.ESTABLISHED}, ["signing-2018"]),
        ({"role": ["subject", "signed"]}, ["signing-2018", "delivery-2024"]),
        ({"source": "notes", "kind": "meeting"}, ["meeting-2017"]),
    ],
    ids=lambda value: ",".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else "",
)
def test_where_asks_about_participants_and_outcomes(
    ds: nu.Dataset, criteria: dict[str, Any], expected: list[str]
) -> None:
    """where() takes a field of nested records (the ids they name), a role (those named in it), the singular or
    nested name of a reference (``body=`` in any role, as participant or outcome; ``programme=`` in programmes or
    as outcome), ``role=`` (someone or something in that role), and ``source=`` (the sources cited)."""
    assert expected == ds.events.where(**criteria).ids()


def test_where_takes_a_record_for_its_id(ds: nu.Dataset) -> None:
    """A record stands for its id in a role criterion as in any other."""
    assert ds.events.where(chair="jens") == ds.events.where(chair=ds["jens"])
    assert ds.events.where(body="nato") == ds.events.where(body=ds.bodies["nato"])


def test_criteria_are_independent_of_each_other(ds: nu.Dataset) -> None:
    """``where(body="nato", role="host")`` is the events that name NATO and have a host, whoever it is: the visit,
    hosted by Ukraine, is one; ``where(host="nato")`` is those NATO hosted."""
    assert ["summit-2016", "visit-2017"] == ds.events.where(body="nato", role="host").ids()
    assert ["summit-2016"] == ds.events.where(host="nato").ids()
    assert ds.events.where(body="nato", role="host") == ds.events.where(body="nato").where(role="host")


@pytest.mark.parametrize(
    ("criteria", "words"),
    [
        ({"chiar": "jens"}, "events have no field 'chiar'; did you mean 'chair'?"),
        ({"hots": "nato"}, "did you mean 'host'"),
        ({"role": "hots"}, "'hots' is not a ParticipantRole; did you mean 'host'?"),
        ({"role": "endorsd"}, "did you mean 'endorsed'"),
        ({"person": "nato"}, "'nato' is the id of one of the bodies, not of the people"),
        ({"body": "jens"}, "'jens' is the id of one of the people, not of the bodies"),
        ({"chair": "cap"}, "'cap' is the id of one of the programmes, not of the bodies or people"),
        ({"body": "natto"}, "no body has the id 'natto'; did you mean 'nato'?"),
        ({"chair": "jems"}, "did you mean 'jens'"),
    ],
    ids=lambda value: ",".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else "",
)
def test_where_refuses_a_role_or_an_id_that_is_not_there(ds: nu.Dataset, criteria: dict[str, Any], words: str) -> None:
    """A mistyped role (as a key or as the value of ``role``), an id of the wrong collection, or an id no record has
    raises ValueError naming what was meant, rather than matching nothing."""
    with pytest.raises(ValueError, match=re.escape(words)):
        ds.events.where(**criteria)


def test_an_unknown_key_lists_the_roles(ds: nu.Dataset) -> None:
    """The error of a key that names nothing lists the fields, and the roles a key may be."""
    with pytest.raises(ValueError, match="no field 'colour'") as info:
        ds.events.where(colour="red")
    roles = str(info.value).partition("; roles: ")[2].rstrip(")").split(", ")
    assert {role.value for role in (*nu.ParticipantRole, *nu.OutcomeRole)} == set(roles)


def test_where_none_selects_the_events_with_no_one_in_the_role(ds: nu.Dataset) -> None:
    """where(chair=None) is the events no one chaired, those count_by("chair") counts under None (as where(chair=None)
    was when chair was a field, in schema version 1)."""
    assert ["visit-2017", "signing-2018", "statement-2019", "delivery-2024"] == ds.events.where(chair=None).ids()
    assert ds.events.count_by("chair")[None] == len(ds.events.where(chair=None))


# -- count_by ---------------------------------------------------------------------------------------


def test_count_by_a_role(ds: nu.Dataset) -> None:
    """count_by("chair") counts the events under whoever chaired them, and those with no chair under None."""
    assert {"jens": 2, None: 4} == ds.events.count_by("chair")
    assert {"nato": 1, "ukraine": 1, None: 4} == ds.events.count_by("host")


def test_count_by_year_and_chair(ds: nu.Dataset) -> None:
    """count_by("year", "chair") counts under (year, chair) tuples, in key order."""
    assert {
        (2016, "jens"): 1,
        (2017, "jens"): 1,
        (2017, None): 1,
        (2018, None): 1,
        (2019, None): 1,
        (2024, None): 1,
    } == ds.events.count_by("year", "chair")


def test_count_by_role_counts_each_role_an_event_has_once(ds: nu.Dataset) -> None:
    """count_by("role") counts an event once under each role it has (of a participant or an outcome), one with none
    under None; with fill, every role of either enumeration is there, at zero if no event has it."""
    counted = ds.events.count_by("role")
    assert {
        "addressed": 1,
        "chair": 2,
        "endorsed": 1,
        "established": 1,
        "host": 2,
        "participant": 3,
        "signatory": 1,
        "signed": 1,
        "subject": 1,
        "supplier": 1,
        None: 1,
    } == counted
    filled = ds.events.count_by("role", fill=True)
    every = {role.value for role in (*nu.ParticipantRole, *nu.OutcomeRole)}
    assert every | {None} == set(filled)
    assert {**dict.fromkeys(every, 0), **counted} == filled
    assert None == list(filled)[-1]  # noqa: E711 - (the records with no role, last)


def test_count_by_body_counts_every_body_named(ds: nu.Dataset) -> None:
    """count_by("body") counts an event under each body it names, as participant or outcome."""
    assert {
        "council": 1,
        "germany": 1,
        "joint-office": 1,
        "nato": 3,
        "ukraine": 4,
        None: 1,
    } == ds.events.count_by("body")


# -- The graph --------------------------------------------------------------------------------------


def test_edges_carry_the_role_of_the_participation_or_outcome(ds: nu.Dataset) -> None:
    """An event INVOLVES each participant with its role, has each outcome as an OUTCOME with its verb; a member of
    a programme is MEMBER_OF it, and a link with no role has None."""
    edges = set(ds.edges())
    assert {
        nu.Edge("summit-2016", nu.Relation.INVOLVES, "nato", "host"),
        nu.Edge("summit-2016", nu.Relation.INVOLVES, "jens", "chair"),
        nu.Edge("summit-2016", nu.Relation.OUTCOME, "cap", "endorsed"),
        nu.Edge("signing-2018", nu.Relation.OUTCOME, "joint-office", "established"),
        nu.Edge("germany", nu.Relation.MEMBER_OF, "cap"),
        nu.Edge("joint-office", nu.Relation.PART_OF, "ukraine"),
    } <= edges
    assert nu.Edge("germany", nu.Relation.MEMBER_OF, "cap", None) in edges
    assert [("dmytro", "addressed"), ("dmytro", "participant")] == sorted(
        (edge.target, edge.role)
        for edge in ds.edges("involves")
        if edge.source == "meeting-2017" and edge.target == "dmytro"
    )
    assert "summit-2016 involves nato (host)" == str(nu.Edge("summit-2016", nu.Relation.INVOLVES, "nato", "host"))
    assert "germany member_of cap" == str(nu.Edge("germany", nu.Relation.MEMBER_OF, "cap"))


def test_edges_with_and_without_a_role_sort_together() -> None:
    """Edges order by source, relation, target, then role, no role first; an edge with a role is not the same edge
    without one."""
    involves = nu.Relation.INVOLVES
    edges = [
        nu.Edge("e", involves, "b", "host"),
        nu.Edge("e", involves, "a"),
        nu.Edge("e", involves, "b"),
        nu.Edge("e", involves, "b", "chair"),
        nu.Edge("d", nu.Relation.PART_OF, "z"),
    ]

    assert [
        nu.Edge("d", nu.Relation.PART_OF, "z"),
        nu.Edge("e", involves, "a"),
        nu.Edge("e", involves, "b"),
        nu.Edge("e", involves, "b", "chair"),
        nu.Edge("e", involves, "b", "host"),
    ] == sorted(edges)
    assert nu.Edge("e", involves, "b") != nu.Edge("e", involves, "b", "host")
    assert 2 == len({nu.Edge("e", involves, "b"), nu.Edge("e", involves, "b", "host")})
    assert nu.Edge("e", involves, "b") < nu.Edge("e", involves, "b", "chair")


def test_the_dataset_edges_are_sorted(ds: nu.Dataset) -> None:
    """ds.edges() is sorted, roles and no roles together, each edge once."""
    edges = ds.edges()
    assert edges == sorted(set(edges))


def test_related_by_role(ds: nu.Dataset) -> None:
    """related(role=) keeps the links of that role (a str or an enum member), each neighbour with its role."""
    chaired = ds.related("jens", role="chair")
    assert [
        ("involves", "incoming", "summit-2016", "chair"),
        ("involves", "incoming", "meeting-2017", "chair"),
    ] == sorted(((n.relation.value, n.direction.value, n.record.id, n.role) for n in chaired), key=lambda n: n[2][-4:])
    assert chaired == ds.related("jens", role=nu.ParticipantRole.CHAIR)
    assert [("nato", "host")] == [(n.record.id, n.role) for n in ds.related("summit-2016", role="host")]
    assert [("summit-2016", "endorsed")] == [
        (n.record.id, n.role) for n in ds.related("cap", relation="outcome", role=nu.OutcomeRole.ENDORSED)
    ]
    assert [] == list(ds.related("jens", role="host"))
    assert ["addressed", "participant"] == [n.role for n in ds.related("dmytro") if n.record.id == "meeting-2017"]
    assert "involves (chair) incoming: " in repr(chaired)


def test_related_refuses_a_role_that_is_none(ds: nu.Dataset) -> None:
    """related(role=) of a mistyped role raises ValueError naming the nearest role and listing them all, rather than
    finding nothing."""
    with pytest.raises(ValueError, match=r"'chiar' is not a role; did you mean 'chair'\? \(roles: chair, host"):
        ds.related("jens", role="chiar")


# -- Several parents ------------------------------------------------------------------------------


def test_a_body_of_two_parents_is_part_of_both(ds: nu.Dataset) -> None:
    """A body's parents are each a PART_OF link; where() asks by ``parents`` or ``parent``; its first parent is its
    ``parent``."""
    office = ds.bodies["joint-office"]
    assert (("nato", "ukraine"), "nato") == (office.parents, office.parent)
    assert ["joint-office"] == [n.record.id for n in ds.related("ukraine", relation="part_of")]
    assert ["council", "joint-office"] == ds.bodies.where(parent="nato").ids()
    assert ds.bodies.where(parent="ukraine") == ds.bodies.where(parents="ukraine")
    assert {"nato": 2, "ukraine": 1, None: 3} == ds.bodies.count_by("parents")
    assert ("ambassadors", "foreign_ministers") == tuple(level.value for level in ds.bodies["council"].levels)


def test_a_programmes_members_are_asked_about_by_member(ds: nu.Dataset) -> None:
    """A programme's members are asked about by ``member`` (or ``members``)."""
    assert ["cap"] == ds.programmes.where(member="germany").ids()
    assert ["cap"] == ds.programmes.where(members="germany", status="active").ids()


# -- Tables --------------------------------------------------------------------------------------


def test_a_table_of_participants_has_a_row_a_participation(ds: nu.Dataset) -> None:
    """Collection.table("participants") has one row per participation, in order, with the id and type of its event
    and the participation's own columns; to_records() gives new dicts."""
    table = ds.events.table("participants")

    assert ("id", "type", "body", "person", "role") == table.columns
    assert sum(len(event.participants) for event in ds.events) == len(table)
    assert [
        {"id": "summit-2016", "type": "event", "body": "nato", "person": None, "role": "host"},
        {"id": "summit-2016", "type": "event", "body": "ukraine", "person": None, "role": "participant"},
        {"id": "summit-2016", "type": "event", "body": None, "person": "jens", "role": "chair"},
    ] == list(table)[:3]
    records = table.to_records()
    records[0]["role"] = "changed"
    assert "host" == table[0]["role"]
    assert [("meeting-2017", "jens")] == [
        (row["id"], row["person"])
        for row in ds.events.where(kind="meeting").table("participants")
        if row["role"] == "chair"
    ]
    assert table.to_records() == ds.table("participants").to_records()
    assert "<14 participants: id, type, body, person, role>" == repr(table).splitlines()[0]


def test_a_table_of_outcomes(ds: nu.Dataset) -> None:
    """An event's outcomes make a table too: each names a programme, an agreement or a body, with its verb."""
    assert [
        ("summit-2016", "cap", None, None, "endorsed"),
        ("signing-2018", None, "charter", None, "signed"),
        ("signing-2018", None, None, "joint-office", "established"),
    ] == [(r["id"], r["programme"], r["agreement"], r["body"], r["role"]) for r in ds.events.table("outcomes")]


def test_a_table_of_no_nested_field_is_refused(ds: nu.Dataset) -> None:
    """table() of a field that holds no nested records, or that the records do not have, raises ValueError naming
    the fields that would do; the dataset's table() likewise."""
    with pytest.raises(
        ValueError, match="events have no field of nested records 'kind'; they have: names, citations, figures"
    ):
        ds.events.table("kind")
    with pytest.raises(ValueError, match="'participants'"):
        ds.bodies.table("participants")
    with pytest.raises(ValueError, match="no collection has a field of nested records 'kind'; fields: citations"):
        ds.table("kind")


def test_an_empty_collection_has_a_table_with_its_columns(ds: nu.Dataset) -> None:
    """A query that matches nothing still gives a table, empty, with the columns."""
    table = ds.events.where(kind="election").table("participants")
    assert (0, ("id", "type", "body", "person", "role")) == (len(table), table.columns)


def test_figures_are_one_row_each_with_their_record(ds: nu.Dataset) -> None:
    """Dataset.figures() has a row per figure of any record, with the id and type of the record it is about and
    the figure's columns, its as_of and citation flattened; str() of a figure reads as its number."""
    figures = ds.figures()

    assert ["summit-2016", "delivery-2024", "delivery-2024"] == [row["id"] for row in figures]
    assert ("id", "type", "value", "unit", "counts", "qualifier", "as_of") == figures.columns[:7]
    assert {"citation_source", "citation_quote", "as_of_earliest", "as_of_precision"} <= set(figures.columns)
    assert [(40, "about", None), (200, "up_to", None), (3, "exact", "2024-01-10")] == [
        (row["value"], row["qualifier"], row["as_of"]) for row in figures
    ]
    assert figures.to_records() == ds.table("figures").to_records()
    assert ["up to 200 missiles: missiles sent", "3 systems: systems sent (2024-01-10)"] == [
        str(figure) for figure in ds.events["delivery-2024"].figures
    ]


def test_figures_to_pandas_is_tidy(ds: nu.Dataset) -> None:
    """figures().to_pandas() has one row a figure: the value an integer column, the qualifier categorical with every
    qualifier a category, as_of_earliest a datetime column (NaT where no date is known); index="id" indexes it."""
    pandas = pytest.importorskip("pandas")
    frame = ds.figures().to_pandas()

    assert 3 == len(frame)
    assert pandas.api.types.is_integer_dtype(frame["value"])
    assert [q.value for q in nu.FigureQualifier] == list(frame["qualifier"].cat.categories)
    assert pandas.api.types.is_datetime64_any_dtype(frame["as_of_earliest"])
    assert [True, True, False] == list(frame["as_of_earliest"].isna())
    assert ["summit-2016", "delivery-2024", "delivery-2024"] == list(ds.figures().to_pandas(index="id").index)
    with pytest.raises(ValueError, match="colour"):
        ds.figures().to_pandas(index="colour")


def test_the_bundled_figures_are_tidy() -> None:
    """The bundled data's figures make one row each, every value a whole number and every row cited."""
    bundled = nu.load()
    figures = bundled.figures()
    expected = sum(len(getattr(record, "figures", ())) for record in bundled.records())

    assert (expected, True) == (len(figures), expected > 0)
    assert all(isinstance(row["value"], int) and row["citation_source"] in bundled.sources for row in figures)


def test_inferred_fields_are_kept(ds: nu.Dataset) -> None:
    """A record's inferred fields are kept as given, and flattened with its other columns."""
    assert ("date",) == ds.events["delivery-2024"].inferred
    row = next(row for row in ds.events.to_records() if row["id"] == "delivery-2024")
    assert ["date"] == row["inferred"]


# -- The queries against a scan, on any valid document -------------------------------------------------


def named_in(event: nu.Event, role: str | None = None) -> set[str]:
    """The ids an event's participants and outcomes name (in ``role``, if given)."""
    return {item.ref for item in (*event.participants, *event.outcomes) if role is None or item.role.value == role}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None, max_examples=50)
@given(document=valid_documents())
def test_role_queries_agree_with_a_scan(tmp_path_factory: pytest.TempPathFactory, document: dict[str, Any]) -> None:
    """On any valid document, where(<role>=id), where(role=...) and where(body=...) select the events a scan of
    their participants and outcomes selects, and count_by("role") counts as the scan counts."""
    path: Path = tmp_path_factory.mktemp("scan") / "document.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    events = nu.load(path).events
    for event in events:
        for item in (*event.participants, *event.outcomes):
            role = item.role.value
            assert [e.id for e in events if item.ref in named_in(e, role)] == events.where(**{role: item.ref}).ids()
            assert [e.id for e in events if named_in(e, role)] == events.where(role=role).ids()
        for ref in event.bodies:
            assert [e.id for e in events if ref in e.bodies] == events.where(body=ref).ids()
    counted: dict[Any, int] = {}
    for event in events:
        for role in {item.role.value for item in (*event.participants, *event.outcomes)} or {None}:
            counted[role] = counted.get(role, 0) + 1
    assert counted == events.count_by("role")
