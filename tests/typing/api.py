"""Type-checked, never executed: the public API as a user writes it.

mypy --strict checks this file (see pyproject.toml), so a change that breaks the types users
rely on fails the build.
"""

from __future__ import annotations

import datetime as dt

import cattrs

import nato_ukraine as nu


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
    )
