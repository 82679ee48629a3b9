"""Hypothesis strategies for the dates and records of nato_ukraine."""

from __future__ import annotations

import calendar
from typing import Any

from hypothesis import strategies as st

import nato_ukraine as nu

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
    return nu.Agreement(
        **draw(cited()),
        kind=draw(st.sampled_from(nu.AgreementKind)),
        signed=draw(st.none() | partial_dates()),
        ratified=draw(st.none() | partial_dates()),
        in_force=draw(st.none() | partial_dates()),
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
