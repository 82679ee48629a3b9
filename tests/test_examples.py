"""Every script in examples/ runs as a user would run it and prints what the data gives."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nato_ukraine as nu

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TESTED = [
    "events_by_kind.py",
    "extend_with_my_events.py",
    "pin_and_diff.py",
    "quickstart.py",
    "statistics.py",
    "timeline.py",
    "who_did_what.py",
]


def run(script: str, *args: str) -> list[str]:
    """Run an example from the repository root with this interpreter; its standard output, by line."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    assert 0 == result.returncode, result.stderr
    return result.stdout.splitlines()


def test_every_example_is_tested() -> None:
    """Each script in examples/ has a test here."""
    assert TESTED == sorted(path.name for path in EXAMPLES.glob("*.py"))


def test_quickstart() -> None:
    """quickstart.py prints the version, the counts, the two NUCs, the meetings of 2014-2016 and a quote."""
    ds = nu.load()
    lines = run("quickstart.py")
    commission = ds.bodies["nato-ukraine-commission"]
    citation = commission.citations[0]
    meetings = ds.events.between("2014", "2016").where(kind=nu.EventKind.MEETING)
    expected = [
        f"nato_ukraine data {ds.data_version}, as of {ds.as_of}",
        *(f"  {name:<11} {len(collection):>4}" for name, collection in ds.collections().items()),
        f"NATO-Ukraine Commission (NUC), established {commission.established}",
        "NUC on 2020-05-01: NATO-Ukraine Commission",
        "NUC on 2024-01-10: NATO-Ukraine Council",
        *(f"  {event.date!s:<10}  {event.name}" for event in meetings),
        f"source: {ds.sources[citation.source].title}",
        f"quote: {citation.quote}",
    ]
    assert expected == lines
    assert len(meetings) > 0


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is not None, reason="matplotlib is installed")
def test_statistics_without_matplotlib(tmp_path: Path) -> None:
    """statistics.py prints its tables, and a note instead of a chart, when matplotlib is missing."""
    chart = tmp_path / "chart.png"
    lines = run("statistics.py", str(chart))
    assert statistics_tables() == lines[:-2]
    assert ["", "matplotlib is not installed, so there is no chart (pip install matplotlib)"] == lines[-2:]
    assert not chart.exists()


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="matplotlib is not installed")
def test_statistics_with_matplotlib(tmp_path: Path) -> None:
    """statistics.py prints its tables and writes a PNG chart where it is told to."""
    chart = tmp_path / "chart.png"
    lines = run("statistics.py", str(chart))
    assert statistics_tables() == lines[:-2]
    assert ["", f"chart written to {chart}"] == lines[-2:]
    assert PNG_SIGNATURE == chart.read_bytes()[: len(PNG_SIGNATURE)]


def statistics_tables() -> list[str]:
    """What statistics.py prints before its chart, computed here from the library."""
    meetings = nu.load().events.where(kind="meeting")
    per_year = meetings.count_by("year")
    by_level = meetings.count_by("level")
    return [
        f"{len(meetings)} meetings from {min(per_year)} to {max(per_year)}",
        "",
        "year  meetings",
        *(f"{year}  {count:>8}" for year, count in per_year.items()),
        "",
        f"{'level':<30}  meetings",
        *(f"{level or '(not stated)':<30}  {count:>8}" for level, count in by_level.items()),
    ]


def test_timeline_default() -> None:
    """timeline.py prints every dated entry of 2014 to 2016 by default, in date order."""
    entries = nu.load().timeline("2014", "2016")
    lines = run("timeline.py")
    assert f"{len(entries)} dated entries from 2014 to 2016" == lines[0]
    assert len(entries) == len(lines) - 1
    assert [(str(e.date), e.record.name) for e in entries] == [tuple(line.split(maxsplit=2)[::2]) for line in lines[1:]]


def test_timeline_arguments() -> None:
    """timeline.py takes the first and last dates as arguments and labels an event by its kind."""
    lines = run("timeline.py", "2024-01", "2024-01")
    event = nu.load().events["nuc-ambassadors-meeting-2024-01-10"]
    assert f"2024-01-10  meeting           {event.name}" in lines


def test_extend_with_my_events() -> None:
    """extend_with_my_events.py loads the user's records with the bundled ones and shows a broken copy's problems."""
    bundled = nu.load()
    mine = json.loads((EXAMPLES / "my_events.json").read_text(encoding="utf-8"))
    added = sum(len(records) for records in mine.values())
    lines = run("extend_with_my_events.py")
    assert f"{len(bundled)} bundled records + {added} of mine = {len(bundled) + added}" == lines[0]
    for event in mine["events"]:
        assert f"  {event['date']:<10}  {event['name']}" in lines
    assert "2 problems in the broken copy:" in lines
    assert "  $.events[0].date: 'Juny 2024' is not a date" in lines
    assert "  $.events[1].participants[0].body: refers to 'nato-ukraine-counsel', which no body has as its id" in lines


def test_pin_and_diff() -> None:
    """pin_and_diff.py reports the ids the made-up upgrade adds, removes and changes, and the stored id it lacks."""
    removed = "eu-ukraine-association-council-meeting-2016-12-19"
    expected = [
        f"pinned data 2024.1.0, installed data {nu.load().data_version}",
        f"data {nu.load().data_version} -> 2024.2.0",
        "+ example-added-event",
        f"- {removed}",
        "~ cyber-defence-trust-fund: description",
        "2024.2.0 removes ids, which only a major data version may do",
        f"ids the app stores that 2024.2.0 lacks: {removed}",
    ]
    assert expected == run("pin_and_diff.py")


def test_events_by_kind(tmp_path: Path) -> None:
    """events_by_kind.py prints a year-by-kind table whose cells sum to the number of events."""
    ds = nu.load()
    chart = tmp_path / "kinds.png"
    lines = run("events_by_kind.py", str(chart))
    kinds = list(ds.events.count_by("kind"))
    header, *rows = lines[: 1 + len(ds.events.count_by("year"))]
    assert ["year", *(kind[:12] for kind in kinds)] == header.split()
    cells = [[int(cell) for cell in row.split()] for row in rows]
    assert list(ds.events.count_by("year")) == [row[0] for row in cells]
    assert len(ds.events) == sum(sum(row[1:]) for row in cells)
    meetings = kinds.index("meeting") + 1
    assert ds.events.where(kind="meeting").count_by("year") == {row[0]: row[meetings] for row in cells if row[meetings]}
    if importlib.util.find_spec("matplotlib") is None:
        assert "matplotlib is not installed, so there is no chart (pip install matplotlib)" == lines[-1]
    else:
        assert PNG_SIGNATURE == chart.read_bytes()[: len(PNG_SIGNATURE)]


def test_who_did_what() -> None:
    """who_did_what.py counts the Commission's and Council's meetings by year and chair, then
    lists every figure (and shows them as a DataFrame when pandas is installed)."""
    ds = nu.load()
    lines = run("who_did_what.py")
    meetings = ds.events.where(kind="meeting", body=["nato-ukraine-commission", "nato-ukraine-council"])
    chaired = {(e.date.year, e.chair) for e in meetings}
    assert f"{len(meetings)} meetings of the NATO-Ukraine Commission or Council" == lines[0]
    rows = lines[2 : 2 + len(meetings.count_by("year", "chair"))]
    assert sum(int(row.split()[-1]) for row in rows) == len(meetings)
    for year, chair in chaired:
        who = ds[chair].name if chair else "(not stated)"
        assert any(row.startswith(f"{year:<6}{who}") for row in rows), (year, who)
    figures = [(owner.id, figure) for owner in ds.records() for figure in getattr(owner, "figures", ())]
    assert f"{len(figures)} figures" in lines
    for owner, figure in figures:
        assert any(line.endswith(f": {owner}") and f"{figure.value:,} {figure.unit}" in line for line in lines)
    has_pandas = importlib.util.find_spec("pandas") is not None
    assert has_pandas == any(line.split()[:2] == ["id", "value"] for line in lines)
