"""The timeline lists each dated thing once: an agreement's signing recorded both on the agreement
and as an event that names it is one entry, and so are start dates of one record on the same date."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu

CITE = [{"source": "notes", "quote": "q"}]
SOURCE = {"id": "notes", "name": "Notes", "title": "Notes", "kind": "other"}


def rec(record_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "name": record_id.replace("-", " ").capitalize(), "citations": CITE, **fields}


def load(tmp_path: Path, **collections: list[dict[str, Any]]) -> nu.Dataset:
    """A dataset of the records given (and the one source they cite), written to a file and loaded."""
    path = tmp_path / "data.json"
    path.write_text(json.dumps({"sources": [SOURCE], **collections}), encoding="utf-8")
    return nu.load(path)


def rows(entries: list[nu.TimelineEntry]) -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    """Each entry as (date, what, record id, [(date, what, record id) of each of its also])."""
    return [(str(e.date), e.what, e.record.id, [(str(a.date), a.what, a.record.id) for a in e.also]) for e in entries]


def agreements_named(event: nu.Event) -> list[str]:
    """The ids of the agreements an event names: in ``agreements``, or as an outcome (the agreement it signed)."""
    return [*event.agreements, *(outcome.agreement for outcome in event.outcomes if outcome.agreement is not None)]


def everything(entries: list[nu.TimelineEntry]) -> Iterator[nu.TimelineEntry]:
    """Every entry and every entry in an entry's also."""
    for entry in entries:
        yield entry
        yield from entry.also


@pytest.fixture(scope="module")
def bundled() -> nu.Dataset:
    return nu.load()


class TestBundled:
    def test_a_signing_event_and_the_agreement_it_signs_are_one_entry(self, bundled: nu.Dataset) -> None:
        """Each signing, ratification or entry into force recorded as an event naming the agreement is one entry."""
        kinds = {"signing": "signed", "ratification": "ratified", "entry_into_force": "in_force"}
        timeline = bundled.timeline()
        pairs = [
            (event, agreement, kinds[event.kind.value])
            for event in bundled.events
            if event.kind.value in kinds
            for agreement in map(bundled.agreements.__getitem__, agreements_named(event))
            if getattr(agreement, kinds[event.kind.value]) == event.date
        ]

        assert len(pairs) >= 10, "the bundled data records most signings both ways"
        for event, agreement, what in pairs:
            about = [e for e in timeline if (agreement.id, what) in {(x.record.id, x.what) for x in (e, *e.also)}]
            assert [(str(event.date), "event", event.id, [(str(event.date), what, agreement.id)])] == rows(about)

    def test_no_record_date_is_listed_twice_or_lost(self, bundled: nu.Dataset) -> None:
        """Every event and every set date of an agreement, body, programme and operation is on the timeline once."""
        fields = {"agreements": ("signed", "ratified", "in_force"), "bodies": ("established", "dissolved")}
        expected = Counter((e.id, "event") for e in bundled.events)
        for name, whats in fields.items():
            expected.update(
                (r.id, what) for r in getattr(bundled, name) for what in whats if getattr(r, what) is not None
            )
        for name in ("programmes", "operations"):
            for r in getattr(bundled, name):
                expected.update((r.id, what) for what in ("start", "end") if getattr(r.period, what) is not None)

        found = Counter((e.record.id, e.what) for e in everything(bundled.timeline()))

        assert expected == found

    def test_a_signing_leaves_the_bodies_it_names_their_own_entries(self, bundled: nu.Dataset) -> None:
        """The Charter's signing holds the Charter's date, not the founding of the Commission it also names."""
        assert [
            ("1997", "start", "distinctive-partnership", []),
            ("1997", "established", "nato-ukraine-commission", []),
            (
                "1997-07-09",
                "event",
                "charter-on-a-distinctive-partnership-signed-1997",
                [("1997-07-09", "signed", "charter-on-a-distinctive-partnership")],
            ),
        ] == rows([e for e in bundled.timeline() if str(e.date) in ("1997", "1997-07-09")])

    def test_a_statement_issued_at_a_meeting_keeps_its_entry(self, bundled: nu.Dataset) -> None:
        """A meeting records no agreement: the statement adopted at it is listed beside it, once."""
        assert [
            ("2017-07-10", "signed", "nuc-joint-statement-2017-07-10", []),
            ("2017-07-10", "event", "nuc-meeting-with-poroshenko-2017-07-10", []),
        ] == rows([e for e in bundled.timeline() if str(e.date) == "2017-07-10"])


class TestOwnData:
    def test_start_dates_on_one_date_are_one_entry(self, tmp_path: Path) -> None:
        """An agreement ratified and in force in one month is one entry; its signing on another day is another."""
        ds = load(
            tmp_path,
            agreements=[rec("pact", kind="agreement", signed="2019-02-07", ratified="2019-05", in_force="2019-05")],
        )

        timeline = ds.timeline()

        assert [
            ("2019-02-07", "signed", "pact", []),
            ("2019-05", "ratified", "pact", [("2019-05", "in_force", "pact")]),
        ] == rows(timeline)
        assert ["2019-02-07  Pact (signed)", "2019-05  Pact (ratified, in force)"] == [str(e) for e in timeline]

    def test_the_signing_event_holds_the_agreements_dates_of_that_day(self, tmp_path: Path) -> None:
        """A signing naming the agreement is its signing's entry, with the entry into force of the same day."""
        ds = load(
            tmp_path,
            agreements=[rec("pact", kind="agreement", signed="2019-02-07", in_force="2019-02-07")],
            events=[rec("signs", kind="signing", date="2019-02-07", agreements=["pact"])],
        )

        assert [
            ("2019-02-07", "event", "signs", [("2019-02-07", "signed", "pact"), ("2019-02-07", "in_force", "pact")])
        ] == rows(ds.timeline())

    def test_an_agreement_signed_as_an_events_outcome_is_the_events_entry(self, tmp_path: Path) -> None:
        """A signing whose outcome is the agreement (``{"agreement": ..., "role": "signed"}``) holds its signing as
        one naming it in ``agreements`` does; the signatories keep nothing of their own."""
        ds = load(
            tmp_path,
            bodies=[rec("office", kind="office", side="nato", established="2019-02-07")],
            agreements=[rec("pact", kind="agreement", signed="2019-02-07")],
            events=[
                rec(
                    "signs",
                    kind="signing",
                    date="2019-02-07",
                    participants=[{"body": "office", "role": "signatory"}],
                    outcomes=[{"agreement": "pact", "role": "signed"}],
                )
            ],
        )

        assert [
            ("2019-02-07", "established", "office", []),
            ("2019-02-07", "event", "signs", [("2019-02-07", "signed", "pact")]),
        ] == rows(ds.timeline())

    def test_an_event_records_a_date_it_may_be_on(self, tmp_path: Path) -> None:
        """A ratification of July 2016 holds the agreement's dates of 9 July 2016; a signing a year off holds none."""
        ds = load(
            tmp_path,
            agreements=[rec("pact", kind="agreement", signed="2016-07-09", ratified="2016-07-09")],
            events=[
                rec("signs", kind="signing", date="2015", agreements=["pact"]),
                rec("ratifies", kind="ratification", date="2016-07", agreements=["pact"]),
            ],
        )

        assert [
            ("2015", "event", "signs", []),
            ("2016-07", "event", "ratifies", [("2016-07-09", "signed", "pact"), ("2016-07-09", "ratified", "pact")]),
        ] == rows(ds.timeline())

    def test_an_event_of_another_kind_records_nothing(self, tmp_path: Path) -> None:
        """A meeting naming a statement adopted that day, and a signing naming a body founded that day, leave both."""
        ds = load(
            tmp_path,
            bodies=[rec("office", kind="office", side="nato", established="2020-01-01")],
            agreements=[rec("statement", kind="statement", signed="2020-01-01")],
            events=[
                rec("meeting", kind="meeting", date="2020-01-01", agreements=["statement"]),
                rec(
                    "signing", kind="signing", date="2020-01-01", participants=[{"body": "office", "role": "signatory"}]
                ),
            ],
        )

        assert [
            ("2020-01-01", "event", "meeting", []),
            ("2020-01-01", "established", "office", []),
            ("2020-01-01", "event", "signing", []),
            ("2020-01-01", "signed", "statement", []),
        ] == rows(ds.timeline())

    def test_founding_launch_and_completion_events_hold_their_records_dates(self, tmp_path: Path) -> None:
        """An establishment holds a body's founding, a launch and a completion a programme's start and end."""
        ds = load(
            tmp_path,
            bodies=[rec("office", kind="office", side="nato", established="2015-09")],
            programmes=[rec("fund", kind="trust_fund", period={"start": "2016", "end": "2016"})],
            events=[
                rec(
                    "office-opens",
                    kind="establishment",
                    date="2015-09",
                    outcomes=[{"body": "office", "role": "established"}],
                ),
                rec("fund-launched", kind="launch", date="2016", programmes=["fund"]),
                rec("fund-completed", kind="completion", date="2016", programmes=["fund"]),
            ],
        )

        assert [
            ("2015-09", "event", "office-opens", [("2015-09", "established", "office")]),
            ("2016", "event", "fund-completed", [("2016", "end", "fund")]),
            ("2016", "event", "fund-launched", [("2016", "start", "fund")]),
        ] == rows(ds.timeline())

    def test_a_start_and_an_end_on_one_date_stay_two_entries(self, tmp_path: Path) -> None:
        """A programme that starts and ends in the same year has a start entry and an end entry."""
        ds = load(tmp_path, programmes=[rec("fund", kind="trust_fund", period={"start": "2016", "end": "2016"})])

        assert [("2016", "start", "fund", []), ("2016", "end", "fund", [])] == rows(ds.timeline())

    def test_two_signings_of_one_date_hold_it_once(self, tmp_path: Path) -> None:
        """Of two signing events on the agreement's date, the one on its very date holds it, then the first by id."""
        ds = load(
            tmp_path,
            agreements=[rec("pact", kind="agreement", signed="2019-02-07")],
            events=[
                rec("b-signs", kind="signing", date="2019-02-07", agreements=["pact"]),
                rec("a-signs", kind="signing", date="2019-02-07", agreements=["pact"]),
                rec("a-month-of-signing", kind="signing", date="2019-02", agreements=["pact"]),
            ],
        )

        assert [
            ("2019-02", "event", "a-month-of-signing", []),
            ("2019-02-07", "event", "a-signs", [("2019-02-07", "signed", "pact")]),
            ("2019-02-07", "event", "b-signs", []),
        ] == rows(ds.timeline())

    def test_bounds_keep_the_entry_of_the_event(self, tmp_path: Path) -> None:
        """A timeline bounded to the day of a signing gives the signing with the agreement's date in it."""
        ds = load(
            tmp_path,
            agreements=[rec("pact", kind="agreement", signed="2019-02-07", ratified="2019-05")],
            events=[rec("signs", kind="signing", date="2019-02-07", agreements=["pact"])],
        )

        assert [("2019-02-07", "event", "signs", [("2019-02-07", "signed", "pact")])] == rows(
            ds.timeline("2019-02-07", "2019-02-07")
        )
        assert [("2019-05", "ratified", "pact", [])] == rows(ds.timeline("2019-04", "2019-12"))
