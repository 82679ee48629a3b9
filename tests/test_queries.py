"""The answers of the query core (a collection and the indexes it builds), checked against a plain scan of the
records, on collections large and varied enough to use every part of the indexes: many lengths of span (a day,
a month, a year, events of a few days, long and open spans), coarse ends, undated records."""

from __future__ import annotations

import datetime as dt
import difflib
import random
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pytest

import nato_ukraine as nu
from test_html import table
from test_properties import at_least, fold

CITE = (nu.Citation(source="s", quote="q"),)
D, Y, M = nu.Precision.DAY, nu.Precision.YEAR, nu.Precision.MONTH


def some_date(rng: random.Random, first: int = 2000, last: int = 2009) -> nu.PartialDate:
    """A date in ``first``..``last``: mostly days, some months, a few years."""
    day = dt.date(first, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(last, 12, 31) - dt.date(first, 1, 1)).days))
    precision = rng.choices([D, M, Y], weights=[6, 2, 1])[0]
    return nu.PartialDate(day.year, None if precision is Y else day.month, day.day if precision is D else None)


def the_day(day: dt.date) -> nu.PartialDate:
    return nu.PartialDate(day.year, day.month, day.day)


def some_end(rng: random.Random, date: nu.PartialDate) -> nu.PartialDate | None:
    """An event's end: none, a few days on (many lengths), a long way on, or coarser than its start."""
    shape = rng.choices(["none", "days", "long", "coarse"], weights=[10, 6, 1, 1])[0]
    if shape == "none":
        return None
    if shape == "days":
        return the_day(date.latest + dt.timedelta(days=rng.randrange(1, 24)))
    if shape == "long":
        return some_date(rng, date.latest.year + 1, date.latest.year + 3)
    return nu.PartialDate(date.latest.year)  # "2005-03-02" to "2005", or "2005" to "2005": a coarse end


def events_of(rng: random.Random, size: int) -> list[nu.Event]:
    events = []
    for i in range(size):
        date = some_date(rng)
        if rng.random() < 0.02:  # a coarse start with a finer end inside it: "2005" to 2005-03-15
            date = nu.PartialDate(date.year)
            end: nu.PartialDate | None = the_day(dt.date(date.year, 3, 15))
        else:
            end = some_end(rng, date)
        events.append(
            nu.Event(id=f"e{i:04}", name=f"E {i}", kind=nu.EventKind.MEETING, date=date, end=end, citations=CITE)
        )
    rng.shuffle(events)
    return events


def some_period(rng: random.Random) -> nu.Period:
    start = None if rng.random() < 0.15 else some_date(rng, 1995, 2008)
    end = None if rng.random() < 0.25 else some_date(rng, start.latest.year if start else 1996, 2012)
    if start is not None and end is not None and end.latest < start.earliest:
        end = None
    return nu.Period(start, end)


def programmes_of(rng: random.Random, size: int) -> list[nu.Programme]:
    return [
        nu.Programme(
            id=f"p{i:04}", name=f"P {i}", kind=nu.ProgrammeKind.PROGRAMME, period=some_period(rng), citations=CITE
        )
        for i in range(size)
    ]


def bodies_of(rng: random.Random, size: int) -> list[nu.Body]:
    bodies = []
    for i in range(size):
        period = some_period(rng)
        bodies.append(
            nu.Body(
                id=f"b{i:04}",
                name=f"B {i}",
                kind=nu.BodyKind.COUNCIL,
                side=nu.Side.JOINT,
                established=period.start,
                dissolved=period.end,
                citations=CITE,
            )
        )
    return bodies


def windows(rng: random.Random, count: int) -> list[tuple[nu.PartialDate | None, nu.PartialDate | None]]:
    """Windows of a day to years, some open at one end."""
    found: list[tuple[nu.PartialDate | None, nu.PartialDate | None]] = []
    while len(found) < count:
        start = None if rng.random() < 0.1 else some_date(rng, 1999, 2010)
        end = None if rng.random() < 0.1 else some_date(rng, start.year if start else 1999, 2011)
        if start is None or end is None or start.earliest <= end.latest:
            found.append((start, end))
    return found


def windows_at_records(
    rng: random.Random, records: Iterable[Any], date_of: Callable[[Any], nu.Period | None], count: int
) -> list[tuple[nu.PartialDate, nu.PartialDate]]:
    """Windows at the first or last day, the month or the year of some records' dates: where a record is only
    possibly or only partly inside a window, at the edges of what it may be."""
    dates = [date for record in records if (span := date_of(record)) for date in (span.start, span.end) if date]
    found = []
    for date in rng.sample(dates, count):
        day = rng.choice([date.earliest, date.latest])
        year, month = day.year, day.month
        when = rng.choice([the_day(day), nu.PartialDate(year, month), nu.PartialDate(year)])
        found.append((when, when))
    return found


def event_date(event: nu.Event) -> nu.Period:
    return nu.Period(event.date, event.end or event.date)


def programme_date(programme: nu.Programme) -> nu.Period | None:
    start = programme.period.start
    return None if start is None else nu.Period(start, start)


def body_date(body: nu.Body) -> nu.Period | None:
    return None if body.established is None else nu.Period(body.established, body.established)


def body_span(body: nu.Body) -> nu.Period:
    """(A body whose founding and end are both unknown may have been active at any time.)"""
    return nu.Period(body.established, body.dissolved)


def scan_between(
    records: Iterable[Any], date_of: Callable[[Any], nu.Period | None], window: Any, definitely: bool
) -> list[str]:
    start, end = window
    lo = dt.date.min if start is None else start.earliest
    hi = dt.date.max if end is None else end.latest
    found = []
    for record in records:
        span = date_of(record)
        if span is None:
            continue
        assert span.start is not None
        assert span.end is not None
        first, last = span.start.earliest, span.end.latest
        if (lo <= first and last <= hi) if definitely else (first <= hi and lo <= last):
            found.append(record.id)
    return found


def scan_overlapping(
    records: Iterable[Any], span_of: Callable[[Any], nu.Period | None], when: nu.PartialDate, definitely: bool
) -> list[str]:
    wanted = nu.Certainty.DEFINITELY if definitely else nu.Certainty.POSSIBLY
    return [r.id for r in records if (span := span_of(r)) is not None and at_least(span.overlaps(when), wanted)]


CASES = {
    "events": (events_of, event_date, event_date, 240),
    "programmes": (programmes_of, programme_date, lambda p: p.period, 120),
    "bodies": (bodies_of, body_date, body_span, 120),
}


@pytest.fixture(scope="module", params=list(CASES))
def case(request: pytest.FixtureRequest) -> tuple[nu.Collection[Any], Any, Any]:
    make, date_of, span_of, size = CASES[request.param]
    records = make(random.Random(request.param), size)
    return nu.Collection(request.param, records), date_of, span_of


@pytest.mark.parametrize("definitely", [False, True])
def test_between_on_and_active_on_answer_as_a_scan_does(case: Any, definitely: bool) -> None:
    """Over windows of every size, each query gives the ids a scan of the records admits, in the collection's order."""
    collection, date_of, span_of = case
    rng = random.Random(f"{collection.name} {definitely}")
    for window in [*windows(rng, 24), *windows_at_records(rng, collection, date_of, 16)]:
        assert (
            scan_between(collection, date_of, window, definitely)
            == collection.between(*window, definitely=definitely).ids()
        )
        for when in filter(None, window):
            assert (
                scan_overlapping(collection, date_of, when, definitely)
                == collection.on(when, definitely=definitely).ids()
            )
            assert (
                scan_overlapping(collection, span_of, when, definitely)
                == collection.active_on(when, definitely=definitely).ids()
            )


def test_events_of_a_day_are_found_among_many_of_other_lengths() -> None:
    """Where most events last one day and a few many, a window catches both: those starting in it and those
    reaching into it from before."""
    days = [
        nu.Event(
            id=f"d{i:03}",
            name="D",
            kind=nu.EventKind.MEETING,
            date=the_day(dt.date(2010, 1, 1) + dt.timedelta(days=i)),
            citations=CITE,
        )
        for i in range(200)
    ]
    long = nu.Event(
        id="long",
        name="L",
        kind=nu.EventKind.MEETING,
        date=the_day(dt.date(2009, 6, 1)),
        end=the_day(dt.date(2010, 2, 1)),
        citations=CITE,
    )
    events = nu.Collection("events", [*days, long])
    assert events.on("2010-01-15").ids() == ["long", "d014"]
    assert events.between("2010-01-31", "2010-02-02").ids() == ["long", "d030", "d031", "d032"]
    assert events.between("2010-01-31", "2010-02-02", definitely=True).ids() == ["d030", "d031", "d032"]
    assert events.active_on("2010-02-02").ids() == ["d032"]


# -- where(): the index of each field gives what a scan of the field gives ------------------------


@pytest.fixture(scope="module")
def ds() -> nu.Dataset:
    return nu.load()


def plain_values(value: object) -> list[object]:
    """The values a field holds, as where() takes them: enums by value, several values each, none as None."""
    items = value if isinstance(value, tuple) else (value,)
    return [getattr(item, "value", item) for item in items] or [None]


def simple_fields(collection: nu.Collection[Any]) -> list[str]:
    """The fields of the records that hold enums, ids or tuples of ids (what where() compares)."""
    record = collection.first()
    assert record is not None
    found = []
    for field in (f.name for f in attrs.fields(type(record))):
        values = [v for r in collection for v in plain_values(getattr(r, field))]
        if all(v is None or isinstance(v, str) for v in values) and field not in (
            "id",
            "name",
            "description",
            "acronym",
            "wikidata",
            "aliases",
            "cameo",
            "plover",
            "location",
            "region",
            "contribution",
        ):
            found.append(field)
    return found


@pytest.mark.parametrize("name", ["events", "bodies", "programmes", "agreements", "operations"])
def test_where_gives_the_records_a_scan_of_the_field_finds(ds: nu.Dataset, name: str) -> None:
    """For every field of enums or ids, and every value in the data, where(field=value) gives the records that
    hold that value, in the collection's order; where(field=[a, b]) those that hold either."""
    collection: nu.Collection[Any] = getattr(ds, name)
    fields = simple_fields(collection)
    assert fields
    for field in fields:
        held = Counter(v for r in collection for v in plain_values(getattr(r, field)))
        for value in held:
            expected = [r.id for r in collection if value in plain_values(getattr(r, field))]
            assert collection.where(**{field: value}).ids() == expected, (field, value)
            assert len(expected) == held[value]
        pair = [value for value, _ in held.most_common(2)]
        expected = [r.id for r in collection if set(pair) & set(plain_values(getattr(r, field)))]
        assert collection.where(**{field: pair}).ids() == expected, (field, pair)


def test_where_with_several_criteria_keeps_the_records_that_meet_all(ds: nu.Dataset) -> None:
    events = ds.events
    expected = [
        e.id
        for e in events
        if e.kind is nu.EventKind.MEETING and e.level is not None and e.level.value == "ambassadors"
    ]
    assert events.where(kind="meeting", level="ambassadors").ids() == expected
    assert events.where(level="ambassadors", kind="meeting").ids() == expected
    assert expected


# -- count_by(): as a Counter counts, in the order of the keys --------------------------------------


@pytest.mark.parametrize("name", ["events", "bodies", "programmes", "agreements", "people", "sources"])
def test_count_by_year_counts_each_records_first_date_in_order_of_year_none_last(ds: nu.Dataset, name: str) -> None:
    """Years in order, the undated under None, last; for the records in any order (bodies by id), and for a part
    of them."""
    collection: nu.Collection[Any] = getattr(ds, name)
    for part in (collection, collection.filter(lambda r: r.id[:1] < "m")):
        years = Counter(None if (first := first_date(r)) is None else first.year for r in part)
        expected = sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0))
        assert list(part.count_by("year").items()) == expected


def first_date(record: Any) -> nu.PartialDate | None:
    """The date a record is dated by, as the docs define it (events: their date; others: their first start)."""
    for field in ("date", "established", "signed", "ratified", "in_force", "published"):
        if getattr(record, field, None) is not None:
            return getattr(record, field)  # type: ignore[no-any-return]
    period = getattr(record, "period", None)
    return None if period is None else period.start


# -- lookup(): every name of every record, against a scan of the names ------------------------------


def written_names(record: Any) -> list[str]:
    """Every name a record is written under: its name, its aliases, its acronym, its names in other languages."""
    return [record.name, *record.aliases, *filter(None, [record.acronym]), *(name.text for name in record.names)]


def test_lookup_of_every_name_of_the_bundled_data_gives_the_records_so_named(ds: nu.Dataset) -> None:
    """Each name, alias, acronym and name in another language finds its record, or, when several records are so
    called (of any collection), refuses with all of them, by id."""
    records = list(ds.records())
    named: dict[str, set[str]] = {}
    for record in records:
        for name in written_names(record):
            named.setdefault(fold(name), set()).add(record.id)
    checked = 0
    for record in records:
        for name in written_names(record):
            if name in ds or not fold(name):  # (an id is looked up as an id)
                continue
            expected = sorted(named[fold(name)])
            assert record.id in expected
            if len(expected) == 1:
                assert ds.lookup(name).id == record.id, name
            else:
                with pytest.raises(nu.AmbiguousNameError) as info:
                    ds.lookup(name)
                assert [c.id for c in info.value.candidates] == expected, name
            checked += 1
    assert checked > len(records)


def test_a_name_several_records_share_is_picked_by_date_when_one_had_it_then(ds: nu.Dataset) -> None:
    """ "NUC" names the Commission and the Council: a date when one of them certainly existed picks it."""
    assert ds.lookup("NUC", on="2010").id == "nato-ukraine-commission"
    assert ds.lookup("NUC", on="2024-06-01").id == "nato-ukraine-council"


# -- suggestions after a failed lookup -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nato-ukraine-comission", "nato-ukraine-commission"),  # a letter dropped near the end
        ("ato-ukraine-commission", "nato-ukraine-commission"),  # the first letter dropped
        ("mato-ukraine-commission", "nato-ukraine-commission"),  # the first letter changed
        ("jens-stoltenburg", "jens-stoltenberg"),
        ("jns-stoltenberg", "jens-stoltenberg"),
    ],
)
def test_an_unknown_id_suggests_the_id_meant_first_wherever_the_typo(ds: nu.Dataset, typed: str, meant: str) -> None:
    """Among the 858 bundled ids, a typo at the start or at the end of an id still suggests it, first, with at most
    three suggestions, each an id that exists."""
    for indexed in (ds, getattr(ds, "bodies" if meant.startswith("nato") else "people")):
        with pytest.raises(nu.UnknownIdError) as info:
            indexed[typed]
        suggestions = info.value.suggestions
        assert suggestions[0] == meant
        assert len(suggestions) <= 3
        assert all(suggestion in ds for suggestion in suggestions)


def test_an_unknown_name_suggests_the_names_as_written(ds: nu.Dataset) -> None:
    """Suggestions for a name give the records' names as they write them, not folded."""
    with pytest.raises(nu.UnknownNameError) as info:
        ds.lookup("Ukraine Commission NATO-Ukriane")
    assert "NATO-Ukraine Commission" in info.value.suggestions


def test_nothing_close_suggests_nothing(ds: nu.Dataset) -> None:
    with pytest.raises(nu.UnknownIdError) as info:
        ds.events["zzzzzzzzzzzzzzzzzzzzzzzzzz"]
    assert list(info.value.suggestions) == []


# -- what a collection says of itself ---------------------------------------------------------------


def test_a_collection_reprs_its_name_size_and_first_three_ids(ds: nu.Dataset) -> None:
    events = ds.events
    first = events.ids()[:4]
    assert repr(events) == f"<Collection events: {len(events)} records [{', '.join(first[:3])}, ...]>"
    three = events.filter(lambda e: e.id in first[:3])
    assert repr(three) == f"<Collection events: 3 records [{', '.join(first[:3])}]>"
    four = events.filter(lambda e: e.id in first)
    assert repr(four) == f"<Collection events: 4 records [{', '.join(first[:3])}, ...]>"
    assert repr(events.filter(lambda e: False)) == "<Collection events: 0 records []>"


def test_first_and_truth_of_a_collection(ds: nu.Dataset) -> None:
    """first() is the earliest event (None for none); a collection is true when it has records."""
    events = ds.events
    assert events.first() is next(iter(events))
    assert events.first() == min(events, key=lambda e: (e.date, e.end or e.date, e.id))
    empty = events.between("1900", "1901")
    assert (empty.first(), bool(empty), bool(events)) == (None, False, True)


def test_count_by_year_of_a_collection_of_several_kinds_counts_each_by_its_own_date(ds: nu.Dataset) -> None:
    """A collection made of events and bodies counts each by the date it is dated by: the events' years do not
    stand for the whole."""
    events = list(ds.events.between("2014", "2015"))
    bodies = list(ds.bodies)[:10]
    mixed: nu.Collection[Any] = nu.Collection("records", [*events, *bodies])
    years = Counter(None if (first := first_date(r)) is None else first.year for r in [*events, *bodies])
    expected = sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0))
    assert list(mixed.count_by("year").items()) == expected
    assert list(ds.events.filter(lambda e: False).count_by("year").items()) == []


# -- a query's result keeps what the dataset knows --------------------------------------------------


def test_a_filtered_collection_still_knows_the_datasets_ids_and_years(ds: nu.Dataset) -> None:
    """filter() and where() results refuse an id no record has, name the collection of an id of another, and fill
    the dataset's years; a collection made of the same records alone knows none of this."""
    for part in (
        ds.events.filter(lambda e: e.date.year == 1997),
        ds.events.where(kind="meeting").between("1997", "1997"),
    ):
        with pytest.raises(ValueError, match="no body has the id 'no-such-body'"):
            part.where(body="no-such-body")
        with pytest.raises(nu.UnknownIdError, match=r"one of the people \(ds\.people\['jens-stoltenberg'\]\)"):
            part["jens-stoltenberg"]
        filled = part.count_by("year", fill=True)
        assert (min(filled), max(filled), list(filled) == sorted(filled), filled[1998]) == (1991, 2025, True, 0)
        assert filled[1997] == len(part)
    alone = nu.Collection("events", ds.events.filter(lambda e: e.date.year == 1997))
    assert len(alone.where(body="no-such-body")) == 0
    assert alone.count_by("year", fill=True) == {1997: len(alone)}


def test_a_collection_made_of_records_finds_them_by_id(ds: nu.Dataset) -> None:
    """A collection with no index of its own (a query's result, or one made of records) indexes them by id."""
    part = ds.events.between("2014", "2014")
    some = part.ids()[-1]
    made = nu.Collection("events", list(part))
    for collection in (part, made):
        assert (collection[some].id, collection.get(some), some in collection) == (some, ds[some], True)
        assert collection.get("nope") is None


# -- errors name what was asked ----------------------------------------------------------------------


def test_errors_of_queries_name_the_collection_and_what_it_has(ds: nu.Dataset) -> None:
    with pytest.raises(ValueError, match=r"^events have no field 'nope' \(fields: acronym, agreements"):
        ds.events.count_by("nope")
    with pytest.raises(ValueError, match=r"^events have no field 'nope'"):
        ds.events.where(nope=1)
    with pytest.raises(
        ValueError, match=r"^events have no field of nested records 'nope'; they have: names, citations"
    ):
        ds.events.table("nope")
    nothing: nu.Collection[Any] = nu.Collection("things", [])
    with pytest.raises(ValueError, match=r"^things have no field of nested records 'x'; they have none$"):
        nothing.table("x")
    with pytest.raises(ValueError, match=r"^things have no fields: a collection of no records and no known kind$"):
        nothing.where(kind="x")
    with pytest.raises(TypeError, match=r"^expected a record or an id \(a str\), not int$"):
        ds.events.certainty(3, "2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^expected the text to search for \(a str\), not int$"):
        ds.events.search(3)  # type: ignore[arg-type]


def test_to_pandas_names_itself_when_pandas_is_missing(ds: nu.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"^Collection\.to_pandas\(\) needs pandas"):
        ds.events.to_pandas()


# -- smaller answers --------------------------------------------------------------------------------


def test_search_limit_cuts_the_list_and_zero_gives_none(ds: nu.Dataset) -> None:
    found = ds.events.search("meeting")
    assert len(found) > 2
    assert ds.events.search("meeting", limit=2) == found[:2]
    assert ds.events.search("meeting", limit=0) == []
    with pytest.raises(ValueError, match="limit must be 0 or more, not -1"):
        ds.events.search("meeting", limit=-1)


def test_where_any_of_values_some_of_which_no_record_holds(ds: nu.Dataset) -> None:
    """A value of the enum that no record holds matches nothing, alone or among others."""
    unused = next(kind for kind in nu.EventKind if not any(e.kind is kind for e in ds.events))
    assert ds.events.where(kind=unused).ids() == []
    assert ds.events.where(kind=[unused, "signing"]).ids() == [e.id for e in ds.events if e.kind.value == "signing"]


def test_count_by_year_with_fill_gives_the_empty_years_too(ds: nu.Dataset) -> None:
    counted = ds.events.between("1997", "1997").count_by("year", fill=True)
    assert counted[1996] == 0
    assert sum(counted.values()) == len(ds.events.between("1997", "1997"))


def test_collections_are_equal_when_name_and_records_are(ds: nu.Dataset) -> None:
    part = ds.events.between("1997", "1997")
    assert part == ds.events.filter(lambda e: e in part)
    assert part != ds.events.between("1998", "1998")
    assert part != nu.Collection("records", list(part))


def test_certainty_of_a_record_with_no_span_is_not(ds: nu.Dataset) -> None:
    """A person has no span of their own: certainty() says NOT, by record or by id."""
    person = ds.people.first()
    assert person is not None
    assert ds.people.certainty(person, "2020") is nu.Certainty.NOT
    assert ds.people.certainty(person.id, "2020") is nu.Certainty.NOT


def test_the_notebook_row_of_an_event_of_several_days_shows_its_first_day(ds: nu.Dataset) -> None:
    event = next(e for e in ds.events if e.end is not None and e.end != e.date)
    (row,) = table(ds.events.filter(lambda e: e is event)._repr_html_()).rows
    assert row[:3] == [event.id, event.kind.value, str(event.date)]


@pytest.mark.parametrize(
    "typed", ["nato-ukraine-council-meeting-2024-0", "nuc-meeting-2016", "nuc-ambasadors-meeting-2008"]
)
def test_an_unknown_id_with_many_close_ids_suggests_three_close_ones_best_first(ds: nu.Dataset, typed: str) -> None:
    """Where many ids are close to a mistyped one, three are suggested, each close by difflib's measure (a ratio
    of 0.6 or more), the closest first. (They are the closest of the ids beside the one typed, in either order of
    letters, so not always the closest of all.)"""
    with pytest.raises(nu.UnknownIdError) as info:
        ds[typed]
    ratios = [difflib.SequenceMatcher(None, suggestion, typed).ratio() for suggestion in info.value.suggestions]
    assert len(ratios) == 3
    assert min(ratios) >= 0.6
    assert ratios == sorted(ratios, reverse=True)


def test_the_first_id_in_order_is_suggested_too() -> None:
    """The ids beside a mistyped one include the first of all in alphabetical order (and the last, read backwards)."""
    others = [f"k-{i:03}-{letter}" for i, letter in enumerate("bcdefghijklmnopqrstuvwxy" * 4)]
    bodies = [
        nu.Body(id=body_id, name=body_id, kind=nu.BodyKind.COUNCIL, side=nu.Side.JOINT, citations=CITE)
        for body_id in ["aaaa-zz", *others]
    ]
    with pytest.raises(nu.UnknownIdError) as info:
        nu.Collection("bodies", bodies)["aaaa-zc"]
    assert info.value.suggestions[0] == "aaaa-zz"


def test_records_in_no_order_of_dates_are_found_all_the_same() -> None:
    """Programmes (kept in id order) whose starts go up and down, and agreements of which one is undated: each
    query finds the records a scan finds, not a run of positions that only dates in order would give."""
    programmes = [
        nu.Programme(
            id=f"p-{i}",
            name="P",
            kind=nu.ProgrammeKind.PROGRAMME,
            period=nu.Period(nu.PartialDate(year), nu.PartialDate(year)),
            citations=CITE,
        )
        for i, year in enumerate([2001, 2003, 2002])
    ]
    collection = nu.Collection("programmes", programmes)
    assert collection.active_on("2002-06").ids() == ["p-2"]
    assert collection.between("2002", "2002").ids() == ["p-2"]
    agreements = [
        nu.Agreement(id="a-undated", name="A", kind=nu.AgreementKind.CHARTER, citations=CITE),
        nu.Agreement(id="b", name="B", kind=nu.AgreementKind.CHARTER, signed=nu.PartialDate(2001), citations=CITE),
        nu.Agreement(id="c", name="C", kind=nu.AgreementKind.CHARTER, signed=nu.PartialDate(2002), citations=CITE),
    ]
    collection = nu.Collection("agreements", agreements)
    assert collection.active_on("2002-06").ids() == ["b", "c"]
    assert collection.active_on("2001-06").ids() == ["b"]
    assert collection.active_on("2003", definitely=True).ids() == []  # (in force, with no end given)
    assert collection.between("2002", "2002").ids() == ["c"]


def test_events_of_a_year_come_before_those_of_its_january_and_its_first_day() -> None:
    """A year, then its first month, then that month's first day: the order of partial dates, in a collection."""
    dates = {"a": nu.PartialDate(1997, 1, 1), "m": nu.PartialDate(1997, 1), "z": nu.PartialDate(1997)}
    events = [nu.Event(id=i, name="E", kind=nu.EventKind.MEETING, date=d, citations=CITE) for i, d in dates.items()]
    assert nu.Collection("events", events).ids() == ["z", "m", "a"]
    assert sorted(dates, key=dates.__getitem__) == ["z", "m", "a"]


def test_a_collection_under_another_name_knows_its_records_fields(ds: nu.Dataset) -> None:
    """The fields a query may name are those of the records, whatever the collection is called."""
    meetings = nu.Collection("meetings", ds.events.where(kind="meeting"))
    assert meetings.where(kind="meeting").ids() == meetings.ids()
    assert meetings.where(level="ambassadors").ids() == ds.events.where(level="ambassadors").ids()
