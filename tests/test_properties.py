"""Laws of partial dates and periods, and the round trip of every model through its JSON form."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nato_ukraine as nu
import nato_ukraine._loading
from strategies import DATASET_CLASSES, RECORDS, partial_dates, periods, valid_documents

# Two periods and a date that share centuries meet often enough for the laws to bite.
near_dates = partial_dates(min_year=1990, max_year=2030)
near_periods = periods(min_year=1990, max_year=2030)


def days_of(date: nu.PartialDate) -> st.SearchStrategy[dt.date]:
    """A day the partial date may turn out to be."""
    return st.dates(date.earliest, date.latest)


def at_least(certainty: nu.Certainty, floor: nu.Certainty) -> bool:
    return certainty.value >= floor.value


# -- PartialDate ---------------------------------------------------------------------------------


@given(partial_dates())
def test_str_parses_back(date: nu.PartialDate) -> None:
    """A partial date's string parses back to the same date, at the same precision."""
    assert date == nu.PartialDate.parse(str(date))


def parsed(text: str) -> nu.PartialDate | str:
    """What PartialDate.parse makes of the text: the date, or the message it refuses it with."""
    try:
        return nu.PartialDate.parse(text)
    except ValueError as exc:
        return str(exc)


# Shaped like an ISO day ("2016-07-09"), with any part a little wrong: a day past the month's
# end, a letter, a space, a dash too many.
_PART = "0123456789 -x"
iso_day_shapes = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.builds(
        lambda year, month, day: f"{year}-{month}-{day}",
        st.text(_PART, min_size=4, max_size=4),
        st.text(_PART, min_size=2, max_size=2),
        st.text(_PART, min_size=2, max_size=2),
    ),
)


@given(iso_day_shapes)
def test_white_space_around_a_date_changes_nothing(text: str) -> None:
    """Padded, a text shaped like an ISO day gives the same date or the same refusal as bare:
    the bare one takes the parser's fast path, the padded one the general path."""
    assert parsed(text) == parsed(f" {text}\t")


@given(partial_dates(), partial_dates())
def test_order_is_total(a: nu.PartialDate, b: nu.PartialDate) -> None:
    """Any two partial dates compare: a <= b or b <= a, and both only when equal."""
    assert a <= b or b <= a
    assert (a == b) == (a <= b and b <= a)
    assert (a < b) == (not b <= a)


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_transitive(x: nu.PartialDate, y: nu.PartialDate, z: nu.PartialDate) -> None:
    """a <= b and b <= c imply a <= c, for any three dates in any order; sorted, any three form that chain."""
    for a, b, c in itertools.permutations((x, y, z)):
        assert (a <= b and b <= c) <= (a <= c)
    a, b, c = sorted((x, y, z))
    assert (a <= b, b <= c, a <= c) == (True, True, True)


@given(partial_dates(), partial_dates())
def test_order_follows_earliest_day(a: nu.PartialDate, b: nu.PartialDate) -> None:
    """A date that sorts first never starts on a later day."""
    if a < b:
        assert a.earliest <= b.earliest
    if a.earliest < b.earliest:
        assert a < b


@given(st.lists(partial_dates(min_year=2000, max_year=2003)), st.randoms(use_true_random=False))
def test_sorting_ignores_input_order(dates: list[nu.PartialDate], random: Any) -> None:
    """Sorting gives the same list whatever order the dates come in."""
    shuffled = list(dates)
    random.shuffle(shuffled)

    assert sorted(dates) == sorted(shuffled)
    assert [d.earliest for d in sorted(dates)] == sorted(d.earliest for d in dates)


@given(partial_dates())
def test_span_matches_precision(date: nu.PartialDate) -> None:
    """A year spans 365 or 366 days, a month 28 to 31, a day one."""
    length = (date.latest - date.earliest).days + 1
    allowed = {nu.Precision.YEAR: {365, 366}, nu.Precision.MONTH: {28, 29, 30, 31}, nu.Precision.DAY: {1}}

    assert length in allowed[date.precision]


# -- Period --------------------------------------------------------------------------------------


@given(near_periods, near_dates)
def test_contains_definitely_implies_possibly(period: nu.Period, date: nu.PartialDate) -> None:
    """What a period definitely contains lies in its possible span, and it definitely overlaps it."""
    if period.contains(date) is nu.Certainty.DEFINITELY:
        lo, hi = period.possible
        assert lo <= date.earliest
        assert date.latest <= hi
        assert nu.Certainty.DEFINITELY == period.overlaps(date)


@given(near_periods, near_dates)
def test_contains_not_matches_possible_span(period: nu.Period, date: nu.PartialDate) -> None:
    """A period does NOT contain a date exactly when the date leaves its possible span."""
    lo, hi = period.possible
    outside = not (lo <= date.earliest and date.latest <= hi)

    assert outside == (nu.Certainty.NOT == period.contains(date))


@given(near_periods, near_dates)
def test_overlaps_not_matches_possible_span(period: nu.Period, date: nu.PartialDate) -> None:
    """A period does NOT overlap a date exactly when the date's days and its possible span are disjoint."""
    lo, hi = period.possible
    disjoint = date.latest < lo or hi < date.earliest

    assert disjoint == (nu.Certainty.NOT == period.overlaps(date))


@given(near_periods, near_dates)
def test_contains_implies_overlaps(period: nu.Period, date: nu.PartialDate) -> None:
    """A period overlaps a date at least as certainly as it contains it."""
    assert at_least(period.overlaps(date), period.contains(date))


@given(st.data(), near_periods, near_dates)
def test_contains_agrees_with_every_reading(data: st.DataObject, period: nu.Period, date: nu.PartialDate) -> None:
    """The whole date lies inside every reading of the ends when DEFINITELY, inside none when NOT."""
    # A reading picks a day for each end, the start no later than the end.
    start = end = None
    if period.start is not None:
        last = period.start.latest if period.end is None else min(period.start.latest, period.end.latest)
        start = data.draw(st.dates(period.start.earliest, last))
    if period.end is not None:
        first = period.end.earliest if start is None else max(period.end.earliest, start)
        end = data.draw(st.dates(first, period.end.latest))
    inside = (start is None or start <= date.earliest) and (end is None or date.latest <= end)
    certainty = period.contains(date)

    if certainty is nu.Certainty.DEFINITELY:
        assert inside
    if certainty is nu.Certainty.NOT:
        assert not inside
    if certainty is nu.Certainty.POSSIBLY:
        lo, hi = period.possible
        assert lo <= date.earliest
        assert date.latest <= hi


@given(near_dates, near_dates)
def test_open_end_contains_every_later_date(start: nu.PartialDate, date: nu.PartialDate) -> None:
    """A period with an open end possibly contains every date from its start on, never definitely, and no date
    wholly before its start."""
    period = nu.Period(start, None)

    if date.latest >= start.earliest and date.earliest >= start.earliest:
        assert nu.Certainty.POSSIBLY == period.contains(date)
    else:
        assert nu.Certainty.NOT == period.contains(date)


@given(near_periods, near_periods)
def test_overlap_is_symmetric(a: nu.Period, b: nu.Period) -> None:
    """a overlaps b exactly as certainly as b overlaps a."""
    assert a.overlaps(b) == b.overlaps(a)


@given(near_periods)
def test_period_overlaps_itself_and_its_ends(period: nu.Period) -> None:
    """A period overlaps itself, and each of its ends' dates at least possibly."""
    assert at_least(period.overlaps(period), nu.Certainty.POSSIBLY)
    for end in (period.start, period.end):
        if end is not None:
            assert at_least(period.overlaps(end), nu.Certainty.POSSIBLY)


@given(near_periods, near_dates)
def test_date_and_its_period_overlap_alike(period: nu.Period, date: nu.PartialDate) -> None:
    """A period overlaps a date's span of days at least as certainly as it overlaps the date as a one-date period."""
    as_period = nu.Period(date, date)

    assert at_least(period.overlaps(date), period.overlaps(as_period))
    assert (nu.Certainty.NOT == period.overlaps(date)) == (nu.Certainty.NOT == period.overlaps(as_period))


# -- The JSON form -------------------------------------------------------------------------------

converter = nu.make_converter()


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_model_round_trips(cls: type, data: st.DataObject) -> None:
    """Every model survives unstructure then structure unchanged, directly and through JSON text."""
    value = data.draw(RECORDS[cls])
    unstructured = converter.unstructure(value)
    text = json.dumps(unstructured, ensure_ascii=False)

    assert value == converter.structure(unstructured, cls)
    assert value == converter.structure(json.loads(text), cls)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the files the property tests write (hypothesis runs many examples per test)."""
    return tmp_path_factory.mktemp("properties")


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def pairs_of_records(a: Any, b: Any) -> Iterator[tuple[Any, Any]]:
    """``a`` and ``b``, and each pair of attrs instances nested in them at the same place."""
    if attrs.has(type(a)):
        yield a, b
        for field in attrs.fields(type(a)):
            yield from pairs_of_records(getattr(a, field.name), getattr(b, field.name))
    elif isinstance(a, tuple) and isinstance(b, tuple):
        for x, y in zip(a, b, strict=True):
            yield from pairs_of_records(x, y)


# Whole documents: every record now has names as well, so drawing one is slow by hypothesis's measure.
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(document=valid_documents())
def test_loader_reads_records_as_the_classes_make_them(data_dir: Path, document: dict[str, Any]) -> None:
    """Loaded records are the converter's: exact class, equal, same hash, frozen; equal again compiled and by the
    converter alone."""
    path = write_json(data_dir / "valid.json", document)
    loaded = nu.load(path)

    count = 0
    for name, items in document.items():
        cls = DATASET_CLASSES[name]
        for item in items:
            expected = converter.structure(item, cls)
            read = loaded[expected.id]
            count += 1
            assert cls is type(read)
            assert expected == read
            assert hash(expected) == hash(read)
            assert attrs.asdict(expected) == attrs.asdict(read)
            for made, found in pairs_of_records(expected, read):
                assert type(made) is type(found)
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(found, attrs.fields(type(found))[0].name, None)
            assert read in getattr(loaded, name)
    assert count == len(loaded)

    for way in ("compiled", "converter"):
        with mock.patch.object(nato_ukraine._loading, "STRUCTURING", way):
            other = nu.load(path)
        assert list(loaded.records()) == list(other.records())
        assert [type(record) for record in loaded.records()] == [type(record) for record in other.records()]


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize("structuring", ["readers", "compiled", "converter"])
@given(ids=st.lists(st.text(alphabet="az09-\n_A", min_size=1, max_size=6), unique=True, max_size=5))
def test_ids_reported_as_not_slugs_are_those_the_slug_pattern_refuses(
    data_dir: Path, structuring: str, ids: list[str]
) -> None:
    """The load refuses exactly the ids that do not match the slug pattern, each as "not a slug" at its id."""
    sources = [{"id": record_id, "name": "n", "title": "t"} for record_id in ids]
    path = write_json(data_dir / "slugs.json", {"sources": sources})
    expected = {f"$.sources[{i}].id" for i, record_id in enumerate(ids) if not SLUG.fullmatch(record_id)}

    with mock.patch.object(nato_ukraine._loading, "STRUCTURING", structuring):
        try:
            loaded = nu.load(path)
        except nu.DataError as exc:
            problems = exc.problems
        else:
            problems = ()
            assert sorted(ids) == loaded.sources.ids()

    assert all("is not a slug" in problem.message for problem in problems)
    assert expected == {problem.path for problem in problems}
    assert len(expected) == len(problems)


def fold(name: str) -> str:
    """A name as lookup matches it: without diacritics (NFKD, combining marks dropped), case-folded, punctuation and
    symbols for spaces, its words in sorted order."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(sorted(re.sub(r"[^\w]+|_", " ", plain).casefold().split()))


def names_of(record: dict[str, Any]) -> list[str]:
    """The names of a record in its JSON form: its name, its aliases and its acronym (if not empty)."""
    return [record["name"], *record.get("aliases", ()), *filter(None, [record.get("acronym")])]


def written_otherwise(name: str) -> str:
    """The name in other casing, with more white space around it and in each run of white space within it."""
    return "\t " + re.sub(r"\s+", lambda run: run.group() + " ", name.swapcase()) + " \n"


def assert_lookup_finds_what_is_so_named(dataset: nu.Dataset, document: dict[str, Any], name: str) -> None:
    """lookup(name), written as given and otherwise, gives the one record whose name, alias or acronym it is, or
    refuses with every such record as a candidate, by id."""
    records = [record for collection in document.values() for record in collection]
    expected = sorted(
        (record["id"] for record in records if fold(name) in {fold(other) for other in names_of(record)}),
    )
    assert expected, f"no record is named {name!r}"
    for key in (name, written_otherwise(name)):
        if not fold(name):  # a name of punctuation alone names nothing to look up
            with pytest.raises(nu.UnknownNameError):
                dataset.lookup(key)
        elif len(expected) == 1:
            assert expected[0] == dataset.lookup(key).id
        else:
            with pytest.raises(nu.AmbiguousNameError) as info:
                dataset.lookup(key)
            assert expected == [candidate.id for candidate in info.value.candidates]


def bodies_named(parts: Iterable[tuple[str, list[str], str | None]]) -> dict[str, Any]:
    """A dataset file of bodies with these names, aliases and acronyms (and a source they cite)."""
    bodies = [
        {
            "id": f"b{i}",
            "name": name,
            "aliases": aliases,
            "acronym": acronym,
            "kind": "commission",
            "side": "joint",
            "citations": CITE,
        }
        for i, (name, aliases, acronym) in enumerate(parts)
    ]
    return {"sources": [SOURCE], "bodies": bodies}


#: Names with white space at either end, in a row and of other kinds, non-ASCII letters and dashes.
ODD_NAMES = st.text(alphabet="aZ \t\n\x1c\u00e9\u2013-\0", max_size=6).filter(lambda name: name.strip() != "")


@given(names=st.lists(ODD_NAMES, max_size=5))
def test_lookup_folds_case_and_white_space_of_any_name(data_dir: Path, names: list[str]) -> None:
    """lookup() folds every name as it folds one alone (case, white space, punctuation, diacritics), whatever the
    others."""
    document = bodies_named((name, [], None) for name in names)
    dataset = nu.load(write_json(data_dir / "odd-names.json", document))

    for name in names:
        assert_lookup_finds_what_is_so_named(dataset, document, name)


#: Few names, so that records often share one, or have another's name as an alias or acronym.
FEW_NAMES = st.sampled_from(["NUC", "nuc", "Nuc ", "Council", "council", "Ukraine"])


@given(parts=st.lists(st.tuples(FEW_NAMES, st.lists(FEW_NAMES, max_size=2), st.none() | FEW_NAMES), max_size=10))
def test_lookup_finds_each_record_under_each_of_its_names(data_dir: Path, parts: list[Any]) -> None:
    """lookup() gives the one record so named, or refuses with all so named, once each, by id; others are unknown."""
    document = bodies_named(parts)
    dataset = nu.load(write_json(data_dir / "few-names.json", document))

    used = {fold(name) for body in document["bodies"] for name in names_of(body)}
    for name in ["NUC", "Council", "Ukraine"]:
        if fold(name) in used:
            assert_lookup_finds_what_is_so_named(dataset, document, name)
        else:
            with pytest.raises(nu.UnknownNameError):
                dataset.lookup(name)


#: Few dates, so that events often share one, at each precision.
FEW_DATES = st.sampled_from([nu.PartialDate(*parts) for parts in ((2014,), (2014, 3), (2014, 3, 1), (2015,))])


@given(st.lists(st.tuples(FEW_DATES, st.none() | FEW_DATES, st.sampled_from("abcdef")), max_size=12))
def test_events_are_ordered_by_date_then_end_then_id(parts: list[Any]) -> None:
    """A collection holds events in the order they happened: by date, those without an end before those with one,
    then by end, then by id; each date as it orders (a year before its months, a month before its days)."""
    cite = (nu.Citation(source="s", quote="q"),)
    events = [
        nu.Event(id=f"{name}-{i}", name="E", kind=nu.EventKind.MEETING, date=date, end=end, citations=cite)
        for i, (date, end, name) in enumerate(parts)
    ]

    def key(event: nu.Event) -> tuple[Any, ...]:
        def parts_of(date: nu.PartialDate) -> tuple[int, int, int]:
            return date.year, date.month or 0, date.day or 0

        return parts_of(event.date), event.end is not None, event.end and parts_of(event.end), event.id

    assert sorted(events, key=key) == list(nu.Collection("events", events))


#: Dates whose ISO texts start alike (a year, its months, its days; years of three and four digits).
ORDER_DATES = st.sampled_from(
    [nu.PartialDate(*parts) for parts in ((999,), (1000,), (2014,), (2014, 3), (2014, 3, 1), (2014, 12, 31), (2015,))]
)


def in_event_order(events: Iterable[nu.Event]) -> list[str]:
    """The ids of events by date, those without an end before those with one, then by end, then by id."""

    def parts_of(date: nu.PartialDate) -> tuple[int, int, int]:
        return date.year, date.month or 0, date.day or 0

    def key(event: nu.Event) -> tuple[Any, ...]:
        return parts_of(event.date), event.end is not None, event.end and parts_of(event.end), event.id

    return [event.id for event in sorted(events, key=key)]


@pytest.mark.parametrize("structuring", ["readers", "compiled", "converter"])
@given(
    parts=st.lists(
        st.tuples(ORDER_DATES, st.none() | ORDER_DATES, st.sampled_from(["a", "a-b", "ab", "a0"])), max_size=14
    ),
    written=st.sampled_from(["{}", " {} ", "{}\n"]),
    random=st.randoms(use_true_random=False),
)
def test_events_of_a_file_are_ordered_by_date_then_end_then_id(
    data_dir: Path, structuring: str, parts: list[Any], written: str, random: Any
) -> None:
    """A loaded file's events come by date, no end first, then end, then id, however the file orders and writes them."""
    cite = (nu.Citation(source="notes", quote="q"),)
    events = [
        nu.Event(id=f"{name}-{i}", name="E", kind=nu.EventKind.MEETING, date=date, end=end, citations=cite)
        for i, (date, end, name) in enumerate(parts)
        if end is None or end.latest >= date.earliest
    ]
    unstructured = [converter.unstructure(event) for event in events]
    for event in unstructured:  # (the same dates, written otherwise)
        event.update({key: written.format(event[key]) for key in ("date", "end") if key in event})
    random.shuffle(unstructured)
    path = write_json(data_dir / "ordered.json", {"sources": [SOURCE], "events": unstructured})
    bundled = nu.load()

    with mock.patch.object(nato_ukraine._loading, "STRUCTURING", structuring):
        loaded = nu.load(path)
        added = nu.load(extra=path)

    assert in_event_order(events) == loaded.events.ids()
    assert in_event_order([*bundled.events, *events]) == added.events.ids()


# The collections' date queries answer from bisected indexes; they must agree with Period, record by record.

SOURCE = {"id": "notes", "name": "Notes", "title": "Notes", "kind": "other"}
CITE = [{"source": "notes", "quote": "q"}]


@st.composite
def dated_records(draw: st.DrawFn) -> dict[str, Any]:
    """A small dataset of events (some of several days) and programmes (some open-ended)."""
    events, programmes = [], []
    for i in range(draw(st.integers(0, 12))):
        date = draw(partial_dates(min_year=2014, max_year=2017))
        end = draw(st.none() | partial_dates(min_year=2014, max_year=2018))
        record = {"id": f"e{i}", "name": "E", "kind": "meeting", "date": str(date), "citations": CITE}
        if end is not None and end.latest >= date.earliest:
            record["end"] = str(end)
        events.append(record)
    for i in range(draw(st.integers(0, 8))):
        period = draw(periods(min_year=2012, max_year=2019))
        plain = {key: str(value) for key, value in (("start", period.start), ("end", period.end)) if value}
        programmes.append({"id": f"p{i}", "name": "P", "kind": "programme", "period": plain, "citations": CITE})
    return {"sources": [SOURCE], "events": events, "programmes": programmes}


@pytest.fixture(scope="module")
def dataset_file(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return tmp_path_factory.mktemp("indexed") / "data.json"


@given(document=dated_records(), when=partial_dates(min_year=2013, max_year=2018), definitely=st.booleans())
def test_date_queries_agree_with_period(
    dataset_file: Any, document: dict[str, Any], when: nu.PartialDate, definitely: bool
) -> None:
    """on(), active_on() and between() return exactly the records Period's certainty admits, in order."""
    dataset_file.write_text(json.dumps(document), encoding="utf-8")
    ds = nu.load(dataset_file)
    wanted = nu.Certainty.DEFINITELY if definitely else nu.Certainty.POSSIBLY

    def admitted(collection: nu.Collection[Any], span_of: Any) -> list[str]:
        return [r.id for r in collection if at_least(span_of(r).overlaps(when), wanted)]

    def event_span(event: nu.Event) -> nu.Period:
        return nu.Period(event.date, event.end or event.date)

    assert admitted(ds.events, event_span) == ds.events.on(when, definitely=definitely).ids()
    assert admitted(ds.programmes, lambda p: p.period) == ds.programmes.active_on(when, definitely=definitely).ids()
    # between(when, when): with definitely, every day of the event lies within `when`.
    expected = [
        e.id
        for e in ds.events
        if (
            when.earliest <= e.date.earliest and (e.end or e.date).latest <= when.latest
            if definitely
            else event_span(e).overlaps(when)
        )
    ]
    assert expected == ds.events.between(when, when, definitely=definitely).ids()


def meetings(parts: Iterable[tuple[nu.PartialDate, nu.PartialDate | None]]) -> nu.Collection[nu.Event]:
    """A collection of meetings, one on each date (to its end, if that may come after the date)."""
    cite = (nu.Citation(source="s", quote="q"),)
    return nu.Collection(
        "events",
        [
            nu.Event(
                id=f"e{i}",
                name="E",
                kind=nu.EventKind.MEETING,
                date=date,
                end=last if last is not None and last.latest >= date.earliest else None,
                citations=cite,
            )
            for i, (date, last) in enumerate(parts)
        ],
    )


@given(
    parts=st.lists(
        st.tuples(FEW_DATES | partial_dates(2014, 2016), st.none() | partial_dates(2014, 2017)), max_size=40
    ),
    start=st.none() | FEW_DATES | partial_dates(2013, 2017),
    end=st.none() | FEW_DATES | partial_dates(2013, 2017),
    definitely=st.booleans(),
)
def test_event_date_queries_agree_with_a_scan(
    parts: list[Any], start: nu.PartialDate | None, end: nu.PartialDate | None, definitely: bool
) -> None:
    """Over any window (open or not), between() returns the events a scan of their days admits, in order, and a
    reversed window raises ValueError; active_on() at either bound agrees with a scan too. Events are in date
    order, which the queries make use of."""
    events = meetings(parts)
    lo = dt.date.min if start is None else start.earliest
    hi = dt.date.max if end is None else end.latest
    if lo > hi:
        with pytest.raises(ValueError, match="after the end"):
            events.between(start, end, definitely=definitely)
        return

    def admitted(event: nu.Event) -> bool:
        first, last = event.date.earliest, (event.end or event.date).latest
        return lo <= first and last <= hi if definitely else first <= hi and lo <= last

    assert [e.id for e in events if admitted(e)] == events.between(start, end, definitely=definitely).ids()
    wanted = nu.Certainty.DEFINITELY if definitely else nu.Certainty.POSSIBLY
    for when in filter(None, (start, end)):
        expected = [e.id for e in events if at_least(nu.Period(e.date, e.end or e.date).overlaps(when), wanted)]
        assert expected == events.active_on(when, definitely=definitely).ids()


@given(
    dates=st.lists(FEW_DATES | partial_dates(1990, 2030), max_size=40),
    start=st.none() | partial_dates(1990, 2030),
)
def test_events_are_counted_by_year_as_a_counter_counts_them(
    dates: list[nu.PartialDate], start: nu.PartialDate | None
) -> None:
    """count_by("year") of any collection of events, the whole or a query's result, counts each year's events, in
    the order of the years."""
    events = meetings((date, None) for date in dates)
    for collection in (events, events.between(start, None)):
        expected = dict(sorted(Counter(event.date.year for event in collection).items()))
        counted = collection.count_by("year")
        assert list(expected.items()) == list(counted.items())


# -- An open or unknown bound gives at most POSSIBLY, in every query --------------------------------


def _body(i: int, name: str, span: nu.Period) -> dict[str, Any]:
    body: dict[str, Any] = {"id": f"b{i}", "name": name, "kind": "council", "side": "joint"}
    body["citations"] = [{"source": "notes", "quote": "q"}]
    if span.start is not None:
        body["established"] = str(span.start)
    if span.end is not None:
        body["dissolved"] = str(span.end)
    return body


@given(
    spans=st.lists(st.tuples(st.sampled_from(["NUC", "Council"]), near_periods), min_size=1, max_size=6),
    when=near_dates,
)
def test_an_open_bound_never_gives_definitely(data_dir: Path, spans: list[Any], when: nu.PartialDate) -> None:
    """No query calls a record definitely active, or definitely dated, on the strength of a bound the data does not
    give: certainty() is at most POSSIBLY, active_on(definitely=True) leaves the record out, lookup(on=) never
    prefers it over a record certainly active then, and between() and on() with definitely=True keep only records
    whose dates are known."""
    path = data_dir / "spans.json"
    bodies = [_body(i, name, span) for i, (name, span) in enumerate(spans)]
    path.write_text(json.dumps({"sources": [SOURCE], "bodies": bodies}), encoding="utf-8")
    ds = nu.load(path)
    open_ids = {body["id"] for body in bodies if "established" not in body or "dissolved" not in body}

    certain = {r.id for r in ds.bodies if ds.bodies.certainty(r, when) is nu.Certainty.DEFINITELY}
    assert set() == open_ids & certain
    assert set() == open_ids & set(ds.bodies.active_on(when, definitely=True).ids())
    for records in (ds.bodies.between(when, when, definitely=True), ds.bodies.on(when, definitely=True)):
        assert all(r.established is not None for r in records)
    for name in ("NUC", "Council"):
        named = [r for r in ds.bodies if r.name == name]
        try:
            found = ds.lookup(name, on=when)
        except (nu.AmbiguousNameError, nu.UnknownNameError):
            continue
        if found.id in open_ids:
            assert not any(r.id in certain for r in named if r is not found)
