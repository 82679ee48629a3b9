"""Tests for nato_ukraine.dataset: lookups, date queries, aggregates, the graph and the timeline."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import nato_ukraine as nu

CITE = [{"source": "notes", "quote": "q"}]


def rec(record_id: str, name: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "name": name, "citations": CITE, "description": f"About {name}.", **fields}


def took_part(*bodies: str, chair: str | None = None) -> list[dict[str, str]]:
    """An event's participants: ``bodies`` as participants, and ``chair`` (a person) in the chair."""
    found = [{"body": body, "role": "participant"} for body in bodies]
    return found if chair is None else [*found, {"person": chair, "role": "chair"}]


#: What a stated status comes with: the date and the words of the document that states it.
STATED = {"status_as_of": "2024-01", "status_citation": CITE[0]}


FIXTURE = {
    "sources": [{"id": "notes", "name": "Notes", "title": "Notes", "kind": "other", "published": "2024-01"}],
    "bodies": [
        rec(
            "commission",
            "NATO-Ukraine Commission",
            acronym="NUC",
            kind="commission",
            side="joint",
            established="1997",
            dissolved="2023-07",
            successor="council",
        ),
        rec(
            "council",
            "NATO–Ukraine Council",
            acronym="NUC",
            kind="council",
            side="joint",
            established="2023-07",
            predecessor="commission",
        ),
        rec(
            "representation",
            "NATO Representation to Ukraine",
            kind="representation",
            side="nato",
            established="2015-09",
        ),
        rec(
            "liaison-office",
            "NATO Liaison Office",
            acronym="NLO",
            kind="office",
            side="nato",
            established="1999",
            parents=["representation"],
            aliases=["Liaison Office in Kyiv"],
        ),
    ],
    "programmes": [
        rec(
            "package",
            "Comprehensive Assistance Package",
            acronym="CAP",
            kind="assistance_package",
            period={"start": "2016-07-09"},
            status="active",
            **STATED,
            bodies=["representation"],
        ),
        rec(
            "cyber-fund",
            "Cyber Defence Trust Fund",
            kind="trust_fund",
            period={"start": "2014", "end": "2017"},
            status="completed",
            **STATED,
            parent="package",
            description="A trust fund for cyber defence.",
        ),
        rec(
            "career-fund",
            "Military Career Transition Trust Fund",
            kind="trust_fund",
            period={"start": "2014"},
            status="ended",
            **STATED,
            parent="package",
        ),
    ],
    "people": [rec("chair-person", "A Chair", roles=[{"title": "Secretary General", "body": "council"}])],
    "events": [
        rec(
            "summit-2016",
            "Warsaw meeting",
            kind="meeting",
            date="2016-07-09",
            location="Warsaw",
            level="heads_of_state_and_government",
            participants=took_part("commission"),
            programmes=["package"],
        ),
        rec("law-2017", "Membership law", kind="legislation", date="2017-06"),
        rec(
            "visit-2017",
            "Council visit",
            kind="visit",
            date="2017-07-09",
            end="2017-07-10",
            participants=took_part("commission", "representation"),
        ),
        rec("build-up-2014", "Something in 2014", kind="statement", date="2014"),
        rec(
            "meeting-2024",
            "Council meeting",
            kind="meeting",
            date="2024-01-10",
            level="ambassadors",
            participants=took_part("council", chair="chair-person"),
        ),
    ],
}


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> nu.Dataset:
    path = tmp_path_factory.mktemp("data") / "fixture.json"
    path.write_text(json.dumps(FIXTURE), encoding="utf-8")
    return nu.load(path)


class TestIds:
    def test_any_record_by_id(self, ds: nu.Dataset) -> None:
        """ds[id] finds a record whatever its collection; a collection finds its own."""
        assert ("package", "commission") == (ds["package"].id, ds.bodies["commission"].id)

    def test_unknown_id_raises_key_error_with_suggestions(self, ds: nu.Dataset) -> None:
        """An unknown id raises UnknownIdError, a KeyError, suggesting close ids."""
        with pytest.raises(KeyError) as info:
            ds["comission"]
        assert isinstance(info.value, nu.UnknownIdError)
        assert ("commission",) == info.value.suggestions[:1]

    def test_a_collection_does_not_find_other_collections_ids(self, ds: nu.Dataset) -> None:
        """bodies[programme id] raises UnknownIdError."""
        with pytest.raises(nu.UnknownIdError):
            ds.bodies["package"]

    def test_get_returns_none_for_unknown(self, ds: nu.Dataset) -> None:
        """get() returns None (or the default) where indexing would raise."""
        assert (None, None, "x") == (ds.get("nope"), ds.bodies.get("nope"), ds.bodies.get("nope", "x"))  # type: ignore[arg-type]

    def test_contains_takes_ids_and_records(self, ds: nu.Dataset) -> None:
        """`in` accepts an id or the record itself."""
        assert (True, True, False) == ("council" in ds.bodies, ds["council"] in ds.bodies, "package" in ds.bodies)

    @pytest.mark.parametrize("position", [0, -1, slice(0, 2)])
    def test_a_position_is_not_an_id_and_the_error_says_so(self, ds: nu.Dataset, position: object) -> None:
        """ds.events[0] raises UnknownIdError (a KeyError, as for a dict) that says records are looked up by id."""
        for indexed in (ds.events, ds):
            with pytest.raises(nu.UnknownIdError, match=r"looked up by id \(a str\): iterate, or use \.first\(\)"):
                indexed[position]  # type: ignore[index]

    def test_iterating_gives_records_either_way(self, ds: nu.Dataset) -> None:
        """A dataset iterates over its records, as a collection does, and reversed() of either gives them last
        first (not a lookup of positions as ids)."""
        assert (list(ds.records()), len(ds)) == (list(ds), len(list(ds)))
        assert list(ds)[::-1] == list(reversed(ds))
        assert list(ds.events)[::-1] == list(reversed(ds.events))

    def test_a_dataset_contains_its_records_as_well_as_their_ids(self, ds: nu.Dataset) -> None:
        """`in` on a dataset accepts a record as a collection does; a record it does not hold is not in it."""
        council = ds["council"]
        assert (True, True) == ("council" in ds, council in ds)
        assert (False, False) == (attrs.evolve(council, name="Another council") in ds, None in ds)


class TestLookup:
    def test_nuc_is_the_commission_in_2020(self, ds: nu.Dataset) -> None:
        """ "NUC" on 2020-05-01 is the Commission."""
        assert "commission" == ds.lookup("NUC", on="2020-05-01").id

    def test_nuc_is_the_council_in_2024(self, ds: nu.Dataset) -> None:
        """ "NUC" on 2024-01-10 is the Council."""
        assert "council" == ds.lookup("NUC", on="2024-01-10").id

    def test_nuc_without_a_date_is_ambiguous(self, ds: nu.Dataset) -> None:
        """ "NUC" with no date raises AmbiguousNameError listing both bodies."""
        with pytest.raises(nu.AmbiguousNameError) as info:
            ds.lookup("NUC")
        assert ["commission", "council"] == [c.id for c in info.value.candidates]

    def test_nuc_in_the_month_of_the_change_is_ambiguous(self, ds: nu.Dataset) -> None:
        """In July 2023 both bodies possibly existed: still ambiguous."""
        with pytest.raises(nu.AmbiguousNameError):
            ds.lookup("NUC", on="2023-07-15")

    @pytest.mark.parametrize("name", ["NATO Liaison Office", "nlo", "liaison office in kyiv", "liaison-office"])
    def test_name_acronym_alias_and_id_case_insensitively(self, ds: nu.Dataset, name: str) -> None:
        """A name, acronym, alias or id finds the record, whatever the case."""
        assert "liaison-office" == ds.lookup(name).id

    def test_dashes_are_interchangeable(self, ds: nu.Dataset) -> None:
        """An en dash and a hyphen match each other in names."""
        assert ("council", "commission") == (
            ds.lookup("NATO-Ukraine Council").id,
            ds.lookup("NATO–Ukraine Commission").id,
        )

    def test_unknown_name_suggests(self, ds: nu.Dataset) -> None:
        """An unknown name raises UnknownNameError (a KeyError) with close names."""
        with pytest.raises(nu.UnknownNameError) as info:
            ds.lookup("NATO Liason Office")
        assert isinstance(info.value, KeyError)
        assert "NATO Liaison Office" in info.value.suggestions


class TestSearch:
    def test_ranks_names_before_descriptions(self, ds: nu.Dataset) -> None:
        """Matches in names rank before matches in descriptions; among names, one made more of the words asked
        first ("Cyber Defence Trust Fund" before "Military Career Transition Trust Fund"), then by id."""
        assert ["cyber-fund", "career-fund"] == [r.id for r in ds.search("trust fund")]
        assert ["cyber-fund"] == [r.id for r in ds.search("cyber defence")]

    def test_exact_acronym_ranks_first(self, ds: nu.Dataset) -> None:
        """An exact acronym match comes before partial matches."""
        assert "package" == ds.search("cap")[0].id

    def test_limit_and_empty_query(self, ds: nu.Dataset) -> None:
        """limit cuts the list; a query with no words finds nothing."""
        assert (1, []) == (len(ds.search("nato", limit=1)), ds.search("  --  "))


class TestDates:
    def test_between_is_inclusive_at_the_bounds_precision(self, ds: nu.Dataset) -> None:
        """between("2014", "2016") runs from 2014-01-01 to 2016-12-31."""
        assert ["build-up-2014", "summit-2016"] == ds.events.between("2014", "2016").ids()

    def test_between_includes_possible_matches_unless_definitely(self, ds: nu.Dataset) -> None:
        """A "2014" event is possibly between 2014-06 and 2015; definitely=True leaves it out."""
        assert (["build-up-2014"], []) == (
            ds.events.between("2014-06", "2015").ids(),
            ds.events.between("2014-06", "2015", definitely=True).ids(),
        )

    def test_between_open_bounds(self, ds: nu.Dataset) -> None:
        """None leaves a bound open."""
        assert ["law-2017", "visit-2017", "meeting-2024"] == ds.events.between("2017", None).ids()

    def test_on_a_day(self, ds: nu.Dataset) -> None:
        """on(day) finds events of that day, and multi-day events that cover it."""
        assert (["summit-2016"], ["visit-2017"]) == (
            ds.events.on("2016-07-09").ids(),
            ds.events.on("2017-07-10").ids(),
        )

    def test_on_a_day_within_a_month_precision_event(self, ds: nu.Dataset) -> None:
        """A June 2017 law is possibly on 2017-06-15 but not definitely."""
        assert (["law-2017"], []) == (
            ds.events.on("2017-06-15").ids(),
            ds.events.on("2017-06-15", definitely=True).ids(),
        )

    def test_active_on_is_three_valued(self, ds: nu.Dataset) -> None:
        """In June 2016 the fund that ran from 2014 to 2017 is definitely active, the one whose end is not known only
        possibly; in June 2017 the first is only possibly active (it may have ended before June)."""
        assert (["career-fund", "cyber-fund"], ["cyber-fund"], []) == (
            ds.programmes.active_on("2016-06").ids(),
            ds.programmes.active_on("2016-06", definitely=True).ids(),
            ds.programmes.active_on("2017-06", definitely=True).ids(),
        )

    def test_active_on_bodies_uses_their_founding_and_dissolution(self, ds: nu.Dataset) -> None:
        """Bodies are active from their founding to their dissolution."""
        assert ["commission", "liaison-office"] == ds.bodies.active_on("2010").ids()

    def test_certainty_for_one_record(self, ds: nu.Dataset) -> None:
        """certainty() answers for one record."""
        assert (nu.Certainty.POSSIBLY, nu.Certainty.DEFINITELY, nu.Certainty.NOT) == (
            ds.programmes.certainty("cyber-fund", "2014-03-01"),
            ds.programmes.certainty("cyber-fund", "2014-12-31"),
            ds.programmes.certainty("cyber-fund", dt.date(2018, 1, 1)),
        )

    def test_queries_chain(self, ds: nu.Dataset) -> None:
        """Each query returns a collection that takes the next query."""
        assert {2016: 1} == ds.events.between("2014", "2017").where(kind="meeting").count_by("year")

    def test_bad_date_in_a_query_raises_value_error(self, ds: nu.Dataset) -> None:
        """A query date that is not a date raises ValueError."""
        with pytest.raises(ValueError, match="Juny"):
            ds.events.on("Juny 2017")


class TestWhere:
    def test_where_by_enum_or_value(self, ds: nu.Dataset) -> None:
        """kind=EventKind.MEETING and kind="meeting" select the same records."""
        assert ds.events.where(kind=nu.EventKind.MEETING) == ds.events.where(kind="meeting")
        assert ["summit-2016", "meeting-2024"] == ds.events.where(kind="meeting").ids()

    def test_where_singular_name_for_a_list_field(self, ds: nu.Dataset) -> None:
        """body= matches records whose bodies include it; a record stands for its id."""
        assert ["summit-2016", "visit-2017"] == ds.events.where(body="commission").ids()
        assert ["summit-2016", "visit-2017"] == ds.events.where(bodies=ds["commission"]).ids()

    def test_where_any_of_several_values_and_several_criteria(self, ds: nu.Dataset) -> None:
        """A list of values matches any; several criteria must all hold."""
        assert ["summit-2016", "law-2017"] == ds.events.where(
            kind=["legislation", "meeting"], level=[nu.MeetingLevel.HEADS_OF_STATE_AND_GOVERNMENT, None]
        ).ids()

    def test_where_unknown_field_is_a_value_error(self, ds: nu.Dataset) -> None:
        """A criterion that names no field raises ValueError listing the fields, and the one meant when it is close."""
        with pytest.raises(ValueError, match="no field 'colour'"):
            ds.events.where(colour="red")
        with pytest.raises(ValueError, match="did you mean 'level'"):
            ds.events.where(levl="ambassadors")

    def test_where_refuses_values_that_match_nothing_by_mistake(self, ds: nu.Dataset) -> None:
        """An enum value, or an id, that is not there raises ValueError naming the one meant; a date field points to
        the date queries; an enum value matches whatever its case, with spaces for underscores."""
        for criteria, words in (
            ({"kind": "meteing"}, "did you mean 'meeting'"),
            ({"body": "comission"}, "did you mean 'commission'"),
            ({"body": "chair-person"}, "is the id of one of the people, not of the bodies"),
            ({"date": "2016"}, "ask on(), between() or active_on()"),
        ):
            with pytest.raises(ValueError, match=re.escape(words)):
                ds.events.where(**criteria)
        assert ds.events.where(kind="meeting") == ds.events.where(kind="Meeting") == ds.events.where(kind=" MEETING ")
        assert ["visit-2017"] == ds.events.where(kind="visit", body="representation").ids()

    def test_filter_takes_a_predicate(self, ds: nu.Dataset) -> None:
        """filter() keeps the records a function accepts."""
        assert ["summit-2016"] == ds.events.filter(lambda e: e.location == "Warsaw").ids()


class TestAggregates:
    def test_count_by_year_and_decade(self, ds: nu.Dataset) -> None:
        """count_by("year") and ("decade") count events by their date, in key order."""
        assert {2014: 1, 2016: 1, 2017: 2, 2024: 1} == ds.events.count_by("year")
        assert {2010: 4, 2020: 1} == ds.events.count_by("decade")

    def test_count_by_enum_field_uses_values(self, ds: nu.Dataset) -> None:
        """Enum keys are their string values, sorted; missing values count under None, last."""
        assert {"heads_of_state_and_government": 1, "ambassadors": 1, None: 3} == ds.events.count_by("level")
        assert ["ambassadors", "heads_of_state_and_government", None] == list(ds.events.count_by("level"))

    def test_count_by_multi_valued_field_counts_each(self, ds: nu.Dataset) -> None:
        """A record counts once under each of its bodies, and one with none under None, last."""
        assert {"commission": 2, "council": 1, "representation": 1, None: 2} == ds.events.count_by("bodies")

    def test_count_by_callable(self, ds: nu.Dataset) -> None:
        """A function of a record can be the key."""
        assert {False: 4, True: 1} == ds.events.count_by(lambda e: e.end is not None)

    def test_to_records_flattens_dates(self, ds: nu.Dataset) -> None:
        """A partial date becomes its text, earliest, latest and precision; enums their values."""
        row = ds.events.where(kind="legislation").to_records()[0]
        assert ("2017-06", dt.date(2017, 6, 1), dt.date(2017, 6, 30), "month", "legislation", ["notes"]) == (
            row["date"],
            row["date_earliest"],
            row["date_latest"],
            row["date_precision"],
            row["kind"],
            row["citation_sources"],
        )

    def test_to_records_flattens_periods(self, ds: nu.Dataset) -> None:
        """A period becomes start and end columns, each flattened like a date."""
        row = ds.programmes.where(kind="trust_fund").filter(lambda p: p.id == "cyber-fund").to_records()[0]
        assert ("2014", "2017", dt.date(2017, 12, 31), "year") == (
            row["period_start"],
            row["period_end"],
            row["period_end_latest"],
            row["period_end_precision"],
        )

    def test_to_pandas_has_a_row_per_record(self, ds: nu.Dataset) -> None:
        """to_pandas() gives one row per record with datetime columns for the date bounds."""
        pytest.importorskip("pandas")
        frame = ds.events.to_pandas()
        assert (5, "datetime64") == (len(frame), str(frame["date_earliest"].dtype)[:10])

    def test_queries_chain_on_from_an_empty_result(self, ds: nu.Dataset) -> None:
        """An empty result still knows its records' fields: where, count_by and filter chain on from it, and an
        unknown field is still refused."""
        empty = ds.events.between("1900", "1901")

        assert 0 == len(empty)
        assert [] == empty.where(kind="meeting", body="commission").ids()
        assert ({}, {}) == (empty.count_by("kind"), empty.count_by("bodies"))
        with pytest.raises(ValueError, match="no field 'colour'"):
            empty.where(colour="red")

    def test_every_record_of_a_kind_flattens_to_the_same_columns(self) -> None:
        """to_records() gives every record of a collection the same keys, and to_pandas() of an empty collection the
        same columns as of a full one (not just type and id)."""
        pandas = pytest.importorskip("pandas")
        for name, collection in nu.load().collections().items():
            assert 1 == len({tuple(row) for row in collection.to_records()}), name
            full, empty = collection.to_pandas(), collection.filter(lambda record: False).to_pandas()
            assert (0, list(full.columns)) == (len(empty), list(empty.columns)), name
            assert isinstance(empty, pandas.DataFrame)

    def test_to_pandas_without_pandas_says_how_to_install(
        self, ds: nu.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without pandas, to_pandas() raises ImportError naming the extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r'pip install "nato-ukraine\[pandas\]"'):
            ds.events.to_pandas()


class TestTimeline:
    def test_timeline_orders_every_dated_thing(self, ds: nu.Dataset) -> None:
        """The timeline holds events, foundings, starts and ends, ordered by date then id."""
        entries = [(str(e.date), e.what, e.record.id) for e in ds.timeline()]
        assert ("1997", "established", "commission") == entries[0]
        assert [("2023-07", "dissolved", "commission"), ("2023-07", "established", "council")] == [
            e for e in entries if e[0] == "2023-07"
        ]
        assert entries == sorted(entries, key=lambda e: (nu.PartialDate.parse(e[0]), e[2], e[1]))

    def test_a_records_start_comes_before_its_end_on_the_same_date(self) -> None:
        """When a record starts and ends on the same date, its start is listed first."""
        entries = [(e.record.id, e.what) for e in nu.load().timeline() if e.what in ("start", "end")]
        same_date = [
            record_id
            for record_id in {r for r, _ in entries}
            if (p := nu.load()[record_id].period).start is not None and p.start == p.end  # type: ignore[union-attr]
        ]
        assert same_date, "the bundled data has a programme that starts and ends in the same year"
        for record_id in same_date:
            assert ["start", "end"] == [what for r, what in entries if r == record_id]

    def test_timeline_bounds(self, ds: nu.Dataset) -> None:
        """start and end leave out what is certainly outside them, and keep what may be inside."""
        assert ["cyber-fund", "visit-2017"] == [e.record.id for e in ds.timeline("2017-07", "2017-07")]


class TestGraph:
    def test_related_in_both_directions(self, ds: nu.Dataset) -> None:
        """A body's parts, the programmes it runs and the events involving it are its neighbours."""
        found = [(n.relation.value, n.direction.value, n.record.id) for n in ds.related("representation")]
        assert [
            ("cites", "outgoing", "notes"),
            ("involves", "incoming", "visit-2017"),
            ("part_of", "incoming", "liaison-office"),
            ("runs", "outgoing", "package"),
        ] == found

    def test_succession_is_one_edge_seen_from_both_sides(self, ds: nu.Dataset) -> None:
        """The Council succeeds the Commission, however the data states it."""
        assert [nu.Edge("council", nu.Relation.SUCCEEDS, "commission")] == ds.edges("succeeds")

    def test_related_filtered_by_relation(self, ds: nu.Dataset) -> None:
        """relation= keeps one kind of link."""
        assert ["cyber-fund", "career-fund"][::-1] == [n.record.id for n in ds.related("package", relation="part_of")]

    def test_path_finds_the_shortest_chain(self, ds: nu.Dataset) -> None:
        """path() links two records through the fewest edges, not through sources."""
        chain = ds.path("liaison-office", "summit-2016")
        assert [
            "liaison-office part_of representation",
            "representation runs package",
            "summit-2016 involves package",
        ] == [str(e) for e in chain or []]
        assert [] == ds.path("package", "package")

    def test_path_through_sources_only_when_asked(self, ds: nu.Dataset) -> None:
        """Records linked only through a source have no path unless through_sources=True."""
        assert (None, 2) == (
            ds.path("law-2017", "build-up-2014"),
            len(ds.path("law-2017", "build-up-2014", through_sources=True) or []),
        )

    def test_related_unknown_id(self, ds: nu.Dataset) -> None:
        """related() of an unknown id raises UnknownIdError."""
        with pytest.raises(nu.UnknownIdError):
            ds.related("nope")


class TestImmutability:
    def test_dataset_refuses_new_attributes(self, ds: nu.Dataset) -> None:
        """A dataset cannot be changed after loading."""
        with pytest.raises(AttributeError):
            ds.events = ds.bodies  # type: ignore[misc,assignment]

    def test_dataset_is_not_built_directly(self) -> None:
        """Dataset() refuses: datasets come from load()."""
        with pytest.raises(TypeError, match="load"):
            nu.Dataset()


def round_trip(value: Any) -> Any:
    """``value`` pickled and unpickled."""
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - the tests' own objects


class TestCopiesAndPickles:
    def test_a_dataset_survives_pickling(self, ds: nu.Dataset) -> None:
        """A pickled dataset comes back with the same records, manifest and answers (as when sent to another
        process)."""
        again = round_trip(ds)

        assert {name: list(c) for name, c in ds.collections().items()} == {
            name: list(c) for name, c in again.collections().items()
        }
        assert ds.manifest == again.manifest
        assert "council" == again.lookup("NUC", on="2024-01-10").id
        assert ds.events.between("2014", "2016").ids() == again.events.between("2014", "2016").ids()

    def test_a_collection_survives_pickling(self, ds: nu.Dataset) -> None:
        """A collection, or a query's result, pickles as its records, and answers as before."""
        meetings = ds.events.where(kind="meeting")
        again = round_trip(meetings)

        assert ("events", list(meetings)) == (again.name, list(again))
        assert meetings.count_by("year") == again.count_by("year")
        assert list(ds.bodies) == list(round_trip(ds.bodies))

    def test_a_copy_is_the_same_immutable_object(self, ds: nu.Dataset) -> None:
        """copy and deepcopy of a dataset or a collection give it back: neither can change."""
        for thing in (ds, ds.events):
            assert copy.copy(thing) is thing
            assert copy.deepcopy(thing) is thing

    def test_errors_survive_pickling(self, ds: nu.Dataset, tmp_path: Path) -> None:
        """Every error comes back from pickling (as from a worker process) with its message and attributes."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"events": [{"id": "x"}]}', encoding="utf-8")
        raised = []
        for fail in (
            lambda: ds["nope"],
            lambda: ds.lookup("nothing like it"),
            lambda: ds.lookup("NUC"),
            lambda: ds.lookup("NUC", on="2023-07-20"),
            lambda: ds.lookup("NUC", on="1990"),
            lambda: nu.load(bad),
        ):
            with pytest.raises(nu.NatoUkraineError) as info:
                fail()
            raised.append(info.value)
        assert {nu.UnknownIdError, nu.UnknownNameError, nu.AmbiguousNameError, nu.DataError} == set(map(type, raised))

        for error in raised:
            again = round_trip(error)
            assert (type(error), str(error), error.args, vars(error)) == (
                type(again),
                str(again),
                again.args,
                vars(again),
            )


class TestWrongTypes:
    @pytest.mark.parametrize(
        "query",
        [
            lambda ds: ds.lookup(None),
            lambda ds: ds.lookup(5),
            lambda ds: ds.search(None),
            lambda ds: ds.related(None),
            lambda ds: ds.path("commission", None),
            lambda ds: ds.events.on(None),
            lambda ds: ds.programmes.active_on(None),
            lambda ds: ds.programmes.certainty(None, "2016"),
            lambda ds: ds.events.count_by(None),
        ],
        ids=[
            "lookup None",
            "lookup 5",
            "search None",
            "related None",
            "path None",
            "on None",
            "active_on None",
            "certainty None",
            "count_by None",
        ],
    )
    def test_a_query_given_the_wrong_type_says_what_it_expected(
        self, ds: nu.Dataset, query: Callable[[nu.Dataset], object]
    ) -> None:
        """None or a number where a name, a record, a date or a field belongs raises TypeError saying what was
        expected (not an error from deep inside, nor, for a date, every record)."""
        with pytest.raises(TypeError, match="expected"):
            query(ds)

    def test_a_negative_search_limit_is_refused(self, ds: nu.Dataset) -> None:
        """search(limit=-1) raises ValueError (a slice would have dropped the last result)."""
        with pytest.raises(ValueError, match="limit"):
            ds.search("NUC", limit=-1)


class TestBundledGraph:
    def test_every_kind_of_link_is_in_the_bundled_graph(self) -> None:
        """The bundled data links records by every relation the model holds."""
        assert set(nu.Relation) == {edge.relation for edge in nu.load().edges()}

    def test_every_edge_is_seen_from_both_ends(self) -> None:
        """Each edge appears in related() of its source (outgoing) and of its target (incoming)."""
        ds = nu.load()
        for edge in ds.edges()[::25]:
            outgoing = {
                (n.relation, n.record.id) for n in ds.related(edge.source) if n.direction is nu.Direction.OUTGOING
            }
            incoming = {
                (n.relation, n.record.id) for n in ds.related(edge.target) if n.direction is nu.Direction.INCOMING
            }
            assert (edge.relation, edge.target) in outgoing
            assert (edge.relation, edge.source) in incoming

    def test_path_from_the_liaison_office_to_the_warsaw_meeting(self) -> None:
        """path() joins two bundled records by a chain of edges, each touching the next."""
        chain = nu.load().path("nato-liaison-office", "nuc-heads-of-state-meeting-2016-07-09")
        assert chain is not None
        ends = ["nato-liaison-office"]
        for edge in chain:
            ends.append(edge.target if edge.source == ends[-1] else edge.source)
            assert ends[-2] in (edge.source, edge.target)
        assert "nuc-heads-of-state-meeting-2016-07-09" == ends[-1]
        assert nu.Relation.CITES not in {edge.relation for edge in chain}


class TestCoverage:
    def test_every_collection_declares_its_coverage(self) -> None:
        """The bundled data says, per collection, the span it covers and the sources it rests on."""
        ds = nu.load()
        assert list(ds.collections()) == list(ds.coverage)
        for coverage in ds.coverage.values():
            assert coverage.period.end == ds.as_of
            assert set(coverage.sources) <= set(ds.sources.ids())
            assert coverage.note

    def test_events_lie_within_their_coverage(self) -> None:
        """No event is dated outside the span the events' coverage declares."""
        ds = nu.load()
        period = ds.coverage["events"].period
        assert [] == [e.id for e in ds.events if not period.overlaps(nu.Period(e.date, e.end or e.date))]


class TestDesignContract:
    """Every line of DESIGN.md's "What a user writes" runs as written on the bundled data."""

    def test_what_a_user_writes(self, tmp_path: Path) -> None:
        """The API in the design document works against the bundled data."""
        ds = nu.load()
        assert ds.data_version is not None
        assert ds.as_of == nu.PartialDate(2025, 12, 3)
        nuc = ds.bodies["nato-ukraine-commission"]
        assert "NUC" == nuc.acronym
        assert "comprehensive-assistance-package" == ds["comprehensive-assistance-package"].id
        assert "nato-ukraine-commission" == ds.lookup("NUC", on="2020-05-01").id
        assert "nato-ukraine-council" == ds.lookup("NUC", on="2024-01-10").id
        with pytest.raises(nu.AmbiguousNameError):
            ds.lookup("NUC")
        assert (
            ds.search("trust fund")[0].id.endswith("trust-fund") or "trust" in ds.search("trust fund")[0].name.lower()
        )
        assert len(ds.events.between("2014", "2016")) > 0
        meetings = ds.events.where(kind=nu.EventKind.MEETING, body="nato-ukraine-commission")
        assert all(e.kind is nu.EventKind.MEETING and "nato-ukraine-commission" in e.bodies for e in meetings)
        assert "nuc-heads-of-state-meeting-2016-07-09" in ds.events.on("2016-07-09").ids()
        assert "comprehensive-assistance-package" in ds.programmes.active_on("2017-06").ids()
        assert 6 == len(ds.programmes.where(kind=nu.ProgrammeKind.TRUST_FUND))
        timeline = ds.timeline()
        assert timeline == sorted(timeline, key=lambda e: (e.date, e.record.id))
        related = {n.record.id for n in ds.related("nato-representation-to-ukraine")}
        assert {"nato-information-and-documentation-centre", "nato-liaison-office"} <= related
        by_year = ds.events.count_by("year")
        assert sum(by_year.values()) == len(ds.events)
        assert len(ds.events) == len(ds.events.to_records())
        pytest.importorskip("pandas")
        assert len(ds.events) == len(ds.events.to_pandas())
        mine = tmp_path / "my_events.json"
        mine.write_text(
            json.dumps(
                {
                    "events": [
                        {
                            "id": "my-event",
                            "name": "My event",
                            "kind": "meeting",
                            "date": "2024-02",
                            "participants": [{"body": "nato-ukraine-council", "role": "participant"}],
                            "citations": [{"source": "nato-relations-with-ukraine", "quote": "my notes"}],
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        extended = nu.load(extra=mine)
        assert len(ds) + 1 == len(extended)
        directory = tmp_path / "my_dataset"
        directory.mkdir()
        (directory / "events.json").write_text(json.dumps({"events": []}), encoding="utf-8")
        assert 0 == len(nu.load(directory))


class TestForgivingNames:
    """Search and lookup forgive how people type; lookup never guesses between two records."""

    @pytest.mark.parametrize(
        "typed",
        ["NATO Ukraine Commission", "nato-ukraine commission", "Commission, NATO–Ukraine", "NATO-UKRAINE COMMISSION"],
    )
    def test_lookup_ignores_case_punctuation_and_word_order(self, typed: str) -> None:
        """lookup() finds a record by its name however its case, punctuation or word order is typed."""
        assert "nato-ukraine-commission" == nu.load().lookup(typed).id

    def test_lookup_does_not_forgive_typos(self) -> None:
        """lookup() reads no typo as a name (it never guesses), but says which name was meant."""
        with pytest.raises(nu.UnknownNameError, match="did you mean 'NATO-Ukraine Commission'"):
            nu.load().lookup("NATO-Ukraine Comission")

    def test_search_ignores_diacritics_case_and_word_order(self) -> None:
        """search() finds "Communiqué" written without its accent, and a name with its words in another order."""
        ds = nu.load()
        assert "warsaw-summit-communique" == ds.search("communique")[0].id
        assert "nato-ukraine-council" == ds.search("council ukraine nato")[0].id

    def test_search_forgives_one_typo_a_word(self) -> None:
        """A word of four letters or more may have one letter added, dropped or changed."""
        ds = nu.load()
        assert ["jens-stoltenberg"] == [r.id for r in ds.people.search("Stoltenburg")]
        assert "nato-ukraine-commission" == ds.search("nato ukraine commision")[0].id
        assert [] == ds.people.search("Stoltnbrg")  # two letters off

    def test_search_ranks_the_person_named_above_what_mentions_them(self) -> None:
        """A person's name, or the words of it, ranks the person above records that merely mention them."""
        ds = nu.load()
        assert ("volodymyr-zelenskyy", "volodymyr-zelenskyy") == (
            ds.search("Zelenskyy")[0].id,
            ds.search("Zelensky")[0].id,
        )

    def test_search_by_a_word_of_a_name_in_another_language_ranks_the_named_record_first(self) -> None:
        """A word of a Ukrainian name ranks its record above pages whose longer titles contain it: the share of a
        name the words make counts for each of a record's names, not only its English one."""
        ds = nu.load()
        assert ("jens-stoltenberg", "volodymyr-zelenskyy") == (
            ds.search("Столтенберг")[0].id,
            ds.search("Зеленський")[0].id,
        )

    def test_search_ranks_name_then_alias_then_words_then_prose(self, ds: nu.Dataset) -> None:
        """The record of that exact name comes first, then one of that acronym, then names holding the words, then
        descriptions holding them."""
        assert ["package"] == [r.id for r in ds.search("Comprehensive Assistance Package")][:1]
        assert "package" == ds.search("CAP")[0].id
        assert ["cyber-fund", "career-fund"] == [r.id for r in ds.search("trust fund")]
        assert ["cyber-fund"] == [r.id for r in ds.search("trust fund for cyber defence")]

    def test_collection_search_searches_that_collection_alone(self) -> None:
        """Collection.search() returns records of that collection only, as the dataset's search ranks them."""
        ds = nu.load()
        everything = ds.search("trust fund")
        assert [r for r in everything if isinstance(r, nu.Programme)] == ds.programmes.search("trust fund")

    def test_an_id_of_another_collection_is_named_as_such(self) -> None:
        """Asking a collection for the id of a record of another names the collection it is in."""
        with pytest.raises(
            nu.UnknownIdError, match=re.escape("it is one of the people (ds.people['jens-stoltenberg'])")
        ):
            nu.load().events["jens-stoltenberg"]


class TestNotebookOutput:
    """What a REPL and a notebook show of records, collections and links."""

    def test_every_record_reprs_in_one_short_line(self) -> None:
        """Each bundled record's repr is one line of at most 160 characters with its class, id, kind and name."""
        for record in nu.load().records():
            text = repr(record)
            assert (True, True, True) == (
                len(text) <= 160,
                "\n" not in text,
                text.startswith(f"{type(record).__name__}(id={record.id!r}"),
            )
            kind = getattr(record, "kind", None)
            assert kind is None or f"kind={kind.value}" in text

    def test_a_long_name_is_shortened_in_the_repr(self, ds: nu.Dataset) -> None:
        """A name too long for the line ends in an ellipsis, the id and date kept whole."""
        event = attrs.evolve(ds.events["summit-2016"], name="A very long name " * 20)
        assert (True, True, True) == (
            150 < len(repr(event)) <= 160,
            "…'" in repr(event),
            "date=2016-07-09" in repr(event),
        )

    def test_records_collections_and_links_have_html(self) -> None:
        """A record, a collection and related() each give an HTML table, citations folded under <details>."""
        ds = nu.load()
        record, related = ds["nato-ukraine-commission"], ds.related("nato-ukraine-commission")
        for html in (record._repr_html_(), ds.bodies._repr_html_(), related._repr_html_()):  # type: ignore[union-attr]
            assert html.startswith("<table>")
        assert "<details>" in record._repr_html_()  # type: ignore[union-attr]
        assert f"… and {len(ds.events) - 50} more" in ds.events._repr_html_()

    def test_related_prints_briefly(self) -> None:
        """related() prints a line a link, the first ten, and how many more there are; it is still a list."""
        related = nu.load().related("nato-ukraine-commission")
        text = repr(related)
        assert (True, 12, True) == (isinstance(related, list), len(text.splitlines()), len(text) < 2500)

    def test_to_pandas_indexes_by_id_with_categorical_enums(self) -> None:
        """to_pandas(index="id") indexes the rows by id; an enum column is categorical with every member a
        category; to_pandas() stays one row per record, on a range."""
        pytest.importorskip("pandas")
        events = nu.load().events
        by_id, plain = events.to_pandas(index="id"), events.to_pandas()
        assert events.ids() == list(by_id.index)
        assert [kind.value for kind in nu.EventKind] == list(by_id["kind"].cat.categories)
        assert (len(events), list(range(len(events)))) == (len(plain), list(plain.index))
        with pytest.raises(ValueError, match="no column 'colour'"):
            events.to_pandas(index="colour")
