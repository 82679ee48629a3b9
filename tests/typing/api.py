"""Type-checked, never executed: the public API as a user writes it.

mypy --strict checks this file (see pyproject.toml), so a change that breaks the types users
rely on fails the build.
"""

from __future__ import annotations

import datetime as dt

import cattrs

import nato_ukraine as nu
from nato_ukraine.migrate import migrate


def usage() -> None:
    ds: nu.Dataset = nu.load()
    version: str | None = ds.data_version
    as_of: nu.PartialDate | None = ds.as_of

    nuc: nu.Body = ds.bodies["nato-ukraine-commission"]
    maybe: nu.Body | None = ds.bodies.get("nato-ukraine-council")
    anything: nu.Record = ds["comprehensive-assistance-package"]
    named: nu.Record = ds.lookup("NUC", on="2020-05-01")
    found: list[nu.Record] = ds.search("trust fund", limit=5)

    events: nu.Collection[nu.Event] = ds.events.between("2014", "2016")
    meetings: nu.Collection[nu.Event] = ds.events.where(kind=nu.EventKind.MEETING, body=nuc.id)
    on_day: nu.Collection[nu.Event] = ds.events.on(dt.date(2016, 7, 9))
    active: nu.Collection[nu.Programme] = ds.programmes.active_on("2017-06", definitely=True)
    certainty: nu.Certainty = ds.programmes.certainty("cyber-defence-trust-fund", nu.PartialDate(2017))
    first: nu.Event | None = events.first()

    timeline: list[nu.TimelineEntry] = ds.timeline()
    neighbours: list[nu.Neighbour] = ds.related("nato-representation-to-ukraine")
    relation: nu.Relation = neighbours[0].relation
    edges: list[nu.Edge] = ds.edges(nu.Relation.PART_OF)
    chain: list[nu.Edge] | None = ds.path(nuc, "nato-ukraine-council")

    counts: dict[object, int] = ds.events.count_by("year")
    rows: list[dict[str, object]] = ds.events.to_records()
    text: str = ds.to_json()

    date: nu.PartialDate = nu.PartialDate.parse("June 2017")
    earliest: dt.date = date.earliest
    precision: nu.Precision = date.precision
    period = nu.Period("2016", None)
    inside: nu.Certainty = period.contains("2016-12-31")

    # A record made by hand: the fields every record shares are keyword arguments of each class.
    notes = nu.Source(id="my-notes", name="My notes", title="My notes")
    mine = nu.Event(
        id="my-meeting",
        name="A meeting",
        kind=nu.EventKind.MEETING,
        date=nu.PartialDate(2024, 3),
        citations=(nu.Citation(source=notes.id, quote="We met in March."),),
    )
    mine_id: str = mine.id
    aliases: tuple[str, ...] = mine.aliases
    cited: tuple[nu.Citation, ...] = mine.citations

    # Who did what: participants and outcomes with their roles, and the views of schema version 1.
    signing = nu.Event(
        id="my-signing",
        name="A signing",
        kind=nu.EventKind.SIGNING,
        date=nu.PartialDate(2024, 3, 1),
        participants=(
            nu.Participation(body="nato", role=nu.ParticipantRole.HOST),
            nu.Participation(person="jens-stoltenberg", role=nu.ParticipantRole.CHAIR),
        ),
        outcomes=(nu.Outcome(agreement="my-charter", role=nu.OutcomeRole.SIGNED),),
        figures=(
            nu.Figure(
                value=3,
                unit="ships",
                counts="ships sent",
                qualifier=nu.FigureQualifier.ABOUT,
                citation=nu.Citation(source=notes.id, quote="About three ships."),
            ),
        ),
        inferred=("date",),
        citations=(nu.Citation(source=notes.id, quote="We signed."),),
    )
    bodies: tuple[str, ...] = signing.bodies
    people: tuple[str, ...] = signing.people
    chair: str | None = signing.chair
    participation: nu.Participation = signing.participants[0]
    who: str = participation.ref
    role: nu.ParticipantRole = participation.role
    outcome_role: nu.OutcomeRole = signing.outcomes[0].role
    figure_value: int = signing.figures[0].value
    parents: tuple[str, ...] = nuc.parents
    parent: str | None = nuc.parent
    levels: tuple[nu.MeetingLevel, ...] = nuc.levels
    cap: nu.Programme = ds.programmes["comprehensive-assistance-package"]
    status_as_of: nu.PartialDate | None = cap.status_as_of
    status_citation: nu.Citation | None = cap.status_citation
    chaired: nu.Collection[nu.Event] = ds.events.where(chair="jens-stoltenberg", role="host")
    by_chair: dict[object, int] = ds.events.count_by("year", "chair", fill=True)
    hosted: list[nu.Neighbour] = ds.related("nato", relation="involves", role=nu.ParticipantRole.HOST)
    neighbour_role: str | None = hosted[0].role
    edge_role: str | None = edges[0].role
    table: nu.Table = ds.events.table("participants")
    figures: nu.Table = ds.figures()
    table_rows: list[dict[str, object]] = figures.to_records()
    columns: tuple[str, ...] = table.columns
    migrated: tuple[dict[str, object], list[str]] = migrate({"bodies": []})

    converter: cattrs.Converter = nu.make_converter()
    nu.configure_converter(converter)
    extended: nu.Dataset = nu.load(extra="my_events.json")

    try:
        ds.lookup("NUC")
    except nu.AmbiguousNameError as exc:
        candidates: tuple[nu.Record, ...] = exc.candidates
        del candidates
    except nu.UnknownIdError as exc:
        suggestions: tuple[str, ...] = exc.suggestions
        del suggestions
    try:
        nu.load("mine.json")
    except nu.DataError as exc:
        problems: tuple[nu.Problem, ...] = exc.problems
        del problems
    del (
        version,
        as_of,
        maybe,
        anything,
        named,
        found,
        meetings,
        on_day,
        active,
        certainty,
        first,
        timeline,
        relation,
        edges,
        chain,
        counts,
        rows,
        text,
        earliest,
        precision,
        inside,
        extended,
        mine_id,
        aliases,
        cited,
        bodies,
        people,
        chair,
        who,
        role,
        outcome_role,
        figure_value,
        parents,
        parent,
        levels,
        status_as_of,
        status_citation,
        chaired,
        by_chair,
        neighbour_role,
        edge_role,
        table_rows,
        columns,
        migrated,
    )
