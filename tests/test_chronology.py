# ruff: noqa: RUF001 - the Ukrainian names are meant to be Cyrillic
"""The chronology of data version 2024.3.0 (issue #22): what a researcher counting events per year or joining
other data relies on."""

from __future__ import annotations

import re

import pytest

import nato_ukraine as nu

CYRILLIC = re.compile("[\u0400-\u04ff]")
BODIES = {"nato-ukraine-commission", "nato-ukraine-council"}


@pytest.fixture(scope="module")
def ds() -> nu.Dataset:
    return nu.load()


def _meetings(ds: nu.Dataset) -> list[nu.Event]:
    return [e for e in ds.events.where(kind="meeting") if BODIES & set(e.bodies)]


def test_at_least_thirty_years_of_1992_to_2024_have_an_event(ds: nu.Dataset) -> None:
    years = {e.date.earliest.year for e in ds.events if e.date.precision is not None}
    assert len(years & set(range(1992, 2025))) >= 30


def test_more_than_sixty_commission_and_council_meetings_are_dated_to_the_day(ds: nu.Dataset) -> None:
    dated = [e for e in _meetings(ds) if e.date.precision is nu.Precision.DAY]
    assert len(dated) > 60
    assert {e.date.earliest.year for e in dated} >= set(range(1998, 2010))


def test_every_meeting_at_a_level_the_coverage_names_is_covered(ds: nu.Dataset) -> None:
    """Each level at which a recorded meeting was held has its coverage, and summit level is the complete one."""
    levels = {c.level: c for c in ds.coverage["events"].levels}
    held = {e.level for e in _meetings(ds) if e.level is not None}
    assert held <= set(levels)
    assert levels[nu.MeetingLevel.HEADS_OF_STATE_AND_GOVERNMENT].extent is nu.Extent.COMPLETE
    assert levels[nu.MeetingLevel.AMBASSADORS].extent is nu.Extent.SAMPLE
    summits = [e for e in _meetings(ds) if e.level is nu.MeetingLevel.HEADS_OF_STATE_AND_GOVERNMENT]
    assert all(levels[nu.MeetingLevel.HEADS_OF_STATE_AND_GOVERNMENT].period.contains(e.date) for e in summits)


def test_as_of_is_the_latest_date_covered(ds: nu.Dataset) -> None:
    assert ds.as_of is not None
    assert ds.as_of.latest == max(e.date.latest for e in ds.events)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Комісія Україна–НАТО", "nato-ukraine-commission"),  # the spelling: an unspaced en dash
        ("Комісія Україна – НАТО", "nato-ukraine-commission"),  # as the Ukrainian page prints it
        ("Рада Україна-НАТО", "nato-ukraine-council"),
        ("Верховна Рада України", "verkhovna-rada"),
        ("Міністерство оборони України", "ministry-of-defence-of-ukraine"),
        (
            "Хартія про особливе партнерство між Україною та Організацією Північно-Атлантичного Договору",
            "charter-on-a-distinctive-partnership",
        ),
    ],
)
def test_ukrainian_names_find_their_records(ds: nu.Dataset, name: str, expected: str) -> None:
    assert ds.lookup(name).id == expected
    assert ds.search(name)[0].id == expected


def test_every_name_has_a_language_tag_and_a_citation_in_that_language(ds: nu.Dataset) -> None:
    named = [r for r in ds.records() if getattr(r, "names", ())]
    assert len(named) >= 15
    for record in named:
        assert all(n.lang for n in record.names)
        if any(n.lang == "uk" for n in record.names):  # cited by a page written in Ukrainian
            assert any(CYRILLIC.search(c.quote) for c in record.citations), record.id


def test_wikidata_ids_are_the_verified_ones(ds: nu.Dataset) -> None:
    stated = {r.id: r.wikidata for r in ds.records() if getattr(r, "wikidata", None)}
    assert stated == {"nato": "Q7184", "ukraine": "Q212", "russia": "Q159", "belarus": "Q184"}


def test_every_event_has_the_codes_its_kind_gives_unless_overridden(ds: nu.Dataset) -> None:
    frame = ds.events.to_pandas()
    assert {"cameo", "plover"} <= set(frame.columns)
    meetings = ds.events.where(kind="meeting")
    assert {(e.cameo, e.plover) for e in meetings} == {("040", nu.Plover.CONSULT)}
    assert ds["russia-annexes-crimea-2014"].cameo == "192"
    assert ds["allies-suspend-practical-cooperation-with-russia-2014"].plover is nu.Plover.SANCTION


@pytest.mark.parametrize(
    ("record", "followed", "sources"),
    [
        (
            "nuc-heads-of-state-meeting-2016-07-09",
            "2016-07-09",
            {"nato-opinions-133798", "epeak-kyivpost-decree-103-2017"},
        ),
        ("nato-representation-status-agreement-signed-2015-09-22", "2015-09-22", {"rbth-2015-09-23"}),
        ("ukraine-accedes-to-air-situation-data-exchange-2008-06-13", "2008-06-13", {"nato-update-2008-06-13-asde"}),
    ],
)
def test_a_disagreement_keeps_both_sides_cited_and_says_which_it_follows(
    ds: nu.Dataset, record: str, followed: str, sources: set[str]
) -> None:
    event = ds.events[record]
    assert str(event.date) == followed
    assert sources <= {c.source for c in event.citations}
    assert "follow" in event.description


def test_the_2006_asde_record_is_the_application_it_was(ds: nu.Dataset) -> None:
    """The topic page's "joined in July 2006" is corrected from NATO's own 2008 account; the id stays."""
    event = ds.events["ukraine-joins-air-situation-data-exchange-2006-07"]
    assert (event.kind, str(event.date)) == (nu.EventKind.APPLICATION, "2006-07")
