"""Tests for nato_ukraine.cli: every subcommand, its table and JSON output, and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu
from nato_ukraine.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (0, "") == (code, err)
    return json.loads(out)


@pytest.fixture
def my_events(tmp_path: Path) -> Path:
    path = tmp_path / "my_events.json"
    path.write_text(
        json.dumps(
            {
                "events": [
                    {
                        "id": "my-meeting",
                        "name": "My meeting",
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
    return path


def test_summary_counts_every_collection(capsys: pytest.CaptureFixture[str]) -> None:
    """summary --json gives the data version, as-of date and a count per collection."""
    ds = nu.load()
    payload = run_json(capsys, "summary")
    assert (ds.data_version, str(ds.as_of), len(ds)) == (payload["data_version"], payload["as_of"], payload["total"])
    assert {name: len(c) for name, c in ds.collections().items()} == payload["counts"]


def test_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    """summary prints an aligned table with the total."""
    code, out, _ = run(capsys, "summary")
    assert 0 == code
    assert f"total       {len(nu.load())}" in out


def test_summary_counts_sources_by_kind_not_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    """summary gives the sources' count per kind (news marked apart), not a line per source."""
    ds = nu.load()
    code, out, _ = run(capsys, "summary")
    kinds = out.split("sources by kind:\n", 1)[1].splitlines()[1:]
    assert 0 == code
    assert {str(kind): str(n) for kind, n in ds.sources.count_by("kind").items()} == dict(
        line.split() for line in kinds
    )
    assert ds.sources.first().id not in out


def test_timeline_filters_by_dates_kind_and_body(capsys: pytest.CaptureFixture[str]) -> None:
    """timeline --from/--to/--kind/--body selects what the equivalent queries select."""
    ds = nu.load()
    payload = run_json(
        capsys, "timeline", "--from", "2014", "--to", "2016", "--kind", "meeting", "--body", "nato-ukraine-commission"
    )
    expected = [
        e.id
        for e in ds.events.where(kind="meeting", body="nato-ukraine-commission")
        if e.date.earliest.year <= 2016 and (e.end or e.date).latest.year >= 2014
    ]
    assert sorted(expected) == sorted(item["id"] for item in payload)
    assert [item["date"] for item in payload] == sorted((item["date"] for item in payload), key=nu.PartialDate.parse)


def test_timeline_table_lines_up(capsys: pytest.CaptureFixture[str]) -> None:
    """The timeline table has a header and one aligned line per entry."""
    code, out, _ = run(capsys, "timeline", "--from", "2024-01-10", "--to", "2024-01-10", "--kind", "meeting")
    lines = out.splitlines()
    assert (0, ["DATE", "WHAT", "ID", "NAME"]) == (code, lines[0].split())
    row = next(line for line in lines if "nuc-ambassadors-meeting-2024-01-10" in line)
    assert lines[0].index("ID") == row.index("nuc-ambassadors-meeting-2024-01-10")
    assert row.startswith("2024-01-10  meeting")


def test_timeline_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --kind exits 2 with a message on stderr listing the kinds and the nearest one."""
    code, out, err = run(capsys, "timeline", "--kind", "meetng")
    assert (2, "") == (code, out)
    assert "unknown event kind 'meetng'; kinds: meeting, summit," in err
    assert err.endswith("; did you mean 'meeting'?\n")


def test_kind_is_repeatable_and_forgiving(capsys: pytest.CaptureFixture[str]) -> None:
    """--kind may be given more than once (either kind), in any case, with spaces for underscores."""
    meetings = run_json(capsys, "timeline", "--kind", "meeting")
    summits = run_json(capsys, "timeline", "--kind", "summit")
    both = run_json(capsys, "timeline", "--kind", "meeting", "--kind", "summit")
    assert meetings
    assert summits
    assert sorted(item["id"] for item in meetings + summits) == sorted(item["id"] for item in both)
    assert meetings == run_json(capsys, "timeline", "--kind", "MEETING")
    actions = run_json(capsys, "timeline", "--kind", "Military action")
    assert sorted(e.id for e in nu.load().events.where(kind="military_action")) == sorted(i["id"] for i in actions)
    assert actions


def test_no_timeline_entries_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A timeline with no entries exits 1 saying so on stderr, with no bare header; --json still prints []."""
    code, out, err = run(capsys, "timeline", "--from", "2030", "--kind", "summit")
    assert (1, "", "nato-ukraine: no timeline entries from 2030 of kind summit\n") == (code, out, err)
    code, out, _ = run(capsys, "timeline", "--from", "2030", "--json")
    assert (1, []) == (code, json.loads(out))


def test_reversed_dates_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A --from after --to exits 2 saying so, rather than printing an empty timeline; dates that only overlap pass."""
    code, out, err = run(capsys, "timeline", "--from", "2016", "--to", "2014")
    assert (2, "") == (code, out)
    assert "--from 2016 is after --to 2014" in err
    assert run_json(capsys, "timeline", "--from", "2016-06", "--to", "2016")


@pytest.mark.parametrize("option", ["--data", "--extra"])
def test_an_empty_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], option: str) -> None:
    """--data "" (an unset shell variable, say) exits 2 saying so, rather than using the bundled data."""
    code, out, err = run(capsys, "summary", option, "")
    assert (2, "") == (code, out)
    assert "an empty one was given" in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A --from that is not a date exits 2 with argparse's message, no traceback."""
    code, _, err = run(capsys, "timeline", "--from", "Juny 2017")
    assert 2 == code
    assert "'Juny 2017' is not a date" in err
    assert "Traceback" not in err


def test_show_is_time_aware(capsys: pytest.CaptureFixture[str]) -> None:
    """show NUC --on picks the body the acronym named then."""
    assert "nato-ukraine-commission" == run_json(capsys, "show", "NUC", "--on", "2020-05-01")["id"]
    assert "nato-ukraine-council" == run_json(capsys, "show", "NUC", "--on", "2024-01-10")["id"]


def test_show_prints_fields_citations_and_neighbours(capsys: pytest.CaptureFixture[str]) -> None:
    """show prints the record's fields, its citations and its related records, each with its role where the link
    has one (the event that established the office); --json gives the role too, null where there is none."""
    code, out, _ = run(capsys, "show", "nato-liaison-office")
    assert 0 == code
    assert ["citations:", "related:"] == [line for line in out.splitlines() if line in ("citations:", "related:")]
    related = out.split("\nrelated:\n", 1)[1].splitlines()
    assert ["RELATION", "ROLE", "DIRECTION", "ID"] == related[0].split()
    assert ["part_of", "outgoing", "nato-representation-to-ukraine"] in [line.split() for line in related]
    assert ["outcome", "established", "incoming", "nato-liaison-office-established-1999"] in [
        line.split() for line in related
    ]
    payload = run_json(capsys, "show", "nato-liaison-office")
    expected = [
        {"relation": n.relation.value, "role": n.role, "direction": n.direction.value, "id": n.record.id}
        for n in nu.load().related("nato-liaison-office")
    ]
    assert expected == payload["related"]
    assert {None, "established"} <= {item["role"] for item in payload["related"]}


def test_show_ambiguous_and_unknown_names_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An ambiguous or unknown name exits 1 with the reason on stderr."""
    code, _, err = run(capsys, "show", "NUC")
    assert (1, True) == (code, "nato-ukraine-commission, nato-ukraine-council" in err)
    assert "give an id, or --on DATE" in err
    code, _, err = run(capsys, "show", "no-such-thing")
    assert (1, True) == (code, "no record has" in err)


def test_an_ambiguous_name_is_explained_in_the_command_lines_words(capsys: pytest.CaptureFixture[str]) -> None:
    """An ambiguous name points to what the command takes (show has --on, timeline --body has not), not to the
    library's on= argument."""
    code, _, err = run(capsys, "timeline", "--body", "NUC")
    assert (1, "give an id\n") == (code, err[-len("give an id\n") :])
    code, _, err = run(capsys, "show", "NUC", "--on", "2023-07-20")
    assert (1, True, True) == (code, "2 records on 2023-07-20:" in err, err.endswith("give an id\n"))
    assert "on=" not in err


def test_names_and_searches_need_no_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    """show and search take the words of a name or a search unquoted, as the shell splits them."""
    assert "nato-ukraine-commission" == run_json(capsys, "show", "NATO-Ukraine", "Commission")["id"]
    quoted = run_json(capsys, "search", "trust fund", "--limit", "5")
    assert quoted == run_json(capsys, "search", "trust", "fund", "--limit", "5")
    assert quoted


def test_a_search_with_no_hits_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A search that matches nothing exits 1 with a message on stderr; --json prints a valid empty list."""
    assert (1, "", "nato-ukraine: no records match 'xyzzy plugh'\n") == run(capsys, "search", "xyzzy", "plugh")
    code, out, err = run(capsys, "search", "xyzzy", "--json")
    assert (1, [], "nato-ukraine: no records match 'xyzzy'\n") == (code, json.loads(out), err)


def test_search_ranks_like_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    """search --json returns what Dataset.search returns, in order."""
    expected = [r.id for r in nu.load().search("trust fund", limit=5)]
    assert expected == [item["id"] for item in run_json(capsys, "search", "trust fund", "--limit", "5")]


@pytest.mark.parametrize(("by", "key"), [("year", "year"), ("kind", "kind"), ("level", "level"), ("body", "bodies")])
def test_stats_matches_count_by(capsys: pytest.CaptureFixture[str], by: str, key: str) -> None:
    """stats --by gives the counts of Collection.count_by."""
    expected = [{"key": k, "count": v} for k, v in nu.load().events.count_by(key).items()]
    assert expected == run_json(capsys, "stats", "--by", by)


@pytest.mark.parametrize(("collection", "by"), [("programmes", "status"), ("bodies", "side"), ("agreements", "kind")])
def test_stats_counts_any_collection_by_any_field(capsys: pytest.CaptureFixture[str], collection: str, by: str) -> None:
    """stats --collection C --by F counts a collection by any of its fields, as count_by does."""
    expected = [{"key": k, "count": v} for k, v in nu.load().collections()[collection].count_by(by).items()]
    assert expected == run_json(capsys, "stats", "--collection", collection, "--by", by)


def test_stats_unknown_key_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An --by that is no field of the collection exits 2, listing the fields."""
    code, out, err = run(capsys, "stats", "--by", "colour")
    assert (2, "") == (code, out)
    assert "no field 'colour'; fields: acronym" in err


@pytest.mark.parametrize(
    ("by", "said"),
    [
        ("status", "'status' is a field of programmes: give --collection programmes\n"),
        ("stauts", "did you mean 'status' (a field of programmes: give --collection programmes)?\n"),
        ("levle", "did you mean 'level'?\n"),
    ],
)
def test_stats_says_which_collections_have_a_field(capsys: pytest.CaptureFixture[str], by: str, said: str) -> None:
    """An --by that is a field of other collections (or close to a field) exits 2 naming the --collection to give."""
    code, out, err = run(capsys, "stats", "--by", by)
    assert (2, "", True) == (code, out, err.endswith(said))


def test_stats_by_citations_counts_the_cited_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """stats --by citations counts the records citing each source, keyed by the source's id, not a repr."""
    expected: dict[str, int] = {}
    for event in nu.load().events:
        for source in {c.source for c in event.citations}:
            expected[source] = expected.get(source, 0) + 1
    payload = run_json(capsys, "stats", "--by", "citations")
    assert sorted(expected.items()) == [(item["key"], item["count"]) for item in payload]
    assert payload == run_json(capsys, "stats", "--by", "citation")
    code, out, _ = run(capsys, "stats", "--by", "citations")
    assert (0, ["CITATION", "SOURCES", "COUNT"], False) == (code, out.split("\n")[0].split(), "Citation(" in out)


def test_stats_by_roles_counts_as_count_by_does(capsys: pytest.CaptureFixture[str]) -> None:
    """stats --by on a field of nested records (a person's roles) counts as Collection.count_by does, with readable
    keys, never a record's repr."""
    expected = nu.load().people.count_by("roles")
    payload = run_json(capsys, "stats", "--collection", "people", "--by", "roles")
    assert list(expected.items()) == [(item["key"], item["count"]) for item in payload]
    assert all(item["key"] is None or "Role(" not in item["key"] for item in payload)


@pytest.mark.parametrize(
    ("by", "key"), [("chair", "chair"), ("role", "role"), ("participants", "participants"), ("host", "host")]
)
def test_stats_counts_by_role(capsys: pytest.CaptureFixture[str], by: str, key: str) -> None:
    """stats --by takes what count_by takes of an event's participants: a role (chair, host), ``role`` itself, or
    the participants; the table's keys are ids or roles, never a participation's repr."""
    expected = [{"key": k, "count": v} for k, v in nu.load().events.count_by(key).items()]
    payload = run_json(capsys, "stats", "--by", by)
    assert expected == payload
    assert all(item["key"] is None or "Participation(" not in str(item["key"]) for item in payload)
    code, out, _ = run(capsys, "stats", "--by", by)
    assert (0, "COUNT") == (code, out.splitlines()[0].split()[-1])


def test_stats_by_an_unknown_role_suggests_the_role_meant(capsys: pytest.CaptureFixture[str]) -> None:
    """An --by that is a mistyped role exits 2 naming the role meant."""
    code, out, err = run(capsys, "stats", "--by", "chiar")
    assert (2, "", True) == (code, out, "did you mean 'chair'" in err)


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str], my_events: Path) -> None:
    """validate exits 0 for a file whose records fit the bundled data."""
    code, out, _ = run(capsys, "validate", str(my_events))
    assert (0, f"{my_events}: valid") == (code, out.split(" (")[0])


def test_validate_prints_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """validate prints every problem to stderr and exits 1: a bad date does not hide that there is no citation."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"events": [{"id": "a", "name": "A", "kind": "meeting", "date": "Juny 2017", "citations": []}]}),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", str(bad))
    assert 1 == code
    assert f"{bad}: $.events[0].date: 'Juny 2017' is not a date" in err
    payload = json.loads(run(capsys, "validate", str(bad), "--json")[1])
    assert (False, ["$.events[0].citations", "$.events[0].date"]) == (
        payload["valid"],
        [p["path"] for p in payload["problems"]],
    )


def test_validate_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """validate of a path that does not exist exits 2 naming it."""
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.json"))
    assert (2, True) == (code, "nope.json" in err)


def test_export_json_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """export --format json writes what load() reads back to an equal dataset."""
    out = tmp_path / "all.json"
    assert 0 == run(capsys, "export", "--format", "json", "--output", str(out))[0]
    assert nu.load() == nu.load(out)


def test_export_csv_has_a_row_per_record(capsys: pytest.CaptureFixture[str]) -> None:
    """export --format csv writes one row per event with the flat columns."""
    code, out, _ = run(capsys, "export", "--format", "csv", "--collection", "events")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (0, len(nu.load().events)) == (code, len(rows))
    assert {"id", "date", "date_earliest", "date_precision", "kind", "participants", "outcomes"} <= set(rows[0])
    meeting = next(row for row in rows if row["id"] == "nuc-ambassadors-meeting-2024-01-10")
    assert "jens-stoltenberg (chair)" in meeting["participants"].split(";")


def test_a_file_that_cannot_be_written_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """export --output to a directory exits 2 naming it and what is wrong, with no traceback."""
    code, out, err = run(capsys, "export", "--output", str(tmp_path))
    assert (2, "") == (code, out)
    assert err.startswith(f"nato-ukraine: error: {tmp_path}: ")  # ("Is a directory", as the system says it)
    assert "Traceback" not in err


def test_extra_option_adds_the_users_records(capsys: pytest.CaptureFixture[str], my_events: Path) -> None:
    """--extra adds a user's records to every subcommand's data."""
    payload = run_json(capsys, "--extra", str(my_events), "show", "my-meeting")
    assert ("my-meeting", "2024-02") == (payload["id"], payload["date"])


def test_json_before_or_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    """--json works before the subcommand name as well as after it."""
    code, out, _ = run(capsys, "--json", "summary")
    assert (0, len(nu.load())) == (code, json.loads(out)["total"])


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """With no subcommand the help is printed and the exit code is 0."""
    code, out, _ = run(capsys)
    assert (0, True) == (code, "timeline" in out)


def test_python_dash_m_runs_the_cli() -> None:
    """`python -m nato_ukraine` runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "nato_ukraine", "--version", "--json"], capture_output=True, text=True, check=False
    )
    assert (0, nu.__version__) == (result.returncode, json.loads(result.stdout)["package"])


def test_every_subcommand_has_a_description(capsys: pytest.CaptureFixture[str]) -> None:
    """Each subcommand's --help describes it in a paragraph of its own, before its options."""
    code, out, _ = run(capsys, "--help")
    commands = commands_listed(out)
    assert (0, True) == (code, {"summary", "timeline", "show", "search", "stats", "validate", "export"} <= commands)
    for command in sorted(commands):
        code, out, _ = run(capsys, command, "--help")
        paragraphs = out.split("\n\n")
        assert (0, True) == (code, paragraphs[0].startswith(f"usage: nato-ukraine {command}")), command
        assert not paragraphs[1].startswith(("options:", "positional arguments:")), command
        assert len(paragraphs[1].split()) >= 10, command


def commands_listed(help_text: str) -> set[str]:
    """The subcommand names the top-level --help lists under COMMAND."""
    block = help_text.split("\n  COMMAND\n", 1)[-1].split("\n\n")[0]
    # (A command's line is indented four spaces; a help text that wraps goes on under it, indented further.)
    return {line.split()[0] for line in block.splitlines() if re.match(r"    \S", line)}


@pytest.mark.parametrize(
    ("argv", "said"),
    [(["timline"], "did you mean 'timeline'?"), (["stats", "--collection", "evnts"], "did you mean 'events'?")],
)
def test_a_mistyped_choice_suggests_the_nearest(capsys: pytest.CaptureFixture[str], argv: list[str], said: str) -> None:
    """A mistyped subcommand (or choice) exits 2 and suggests the nearest name."""
    code, out, err = run(capsys, *argv)
    assert (2, "", True) == (code, out, err.rstrip().endswith(said))


def test_the_cli_page_table_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/cli.md's command table is one unbroken Markdown table with a row for each subcommand --help lists."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    lines = text.split("| command | what it prints |\n", 1)[1].split("\n\n", 1)[0].splitlines()
    cells = [re.split(r"(?<!\\)\|", line.strip()) for line in lines]
    assert all(line.startswith("|") and line.endswith("|") for line in lines), lines
    assert {4} == {len(row) for row in cells}, lines  # (two cells, between three pipes)
    code, out, _ = run(capsys, "--help")
    assert (0, commands_listed(out)) == (code, {row[1].strip(" `").split()[0] for row in cells[1:]})


def subprocess_cli(*argv: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run `python -m nato_ukraine ARGV` with options for subprocess.run, capturing text."""
    return subprocess.run([sys.executable, "-m", "nato_ukraine", *argv], text=True, check=False, timeout=120, **options)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "argv",
    [("show", "nato-liaison-office"), ("timeline",), ("search", "ukraine"), ("export",), ("export", "--format", "csv")],
)
def test_a_narrow_encoding_gets_escapes(encoding: str, argv: tuple[str, ...]) -> None:
    """With an ASCII or Latin-1 stdout, commands exit 0 writing what it cannot hold as escapes (JSON stays valid)."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "nato_ukraine", *argv], capture_output=True, check=False, timeout=120, env=env
    )
    assert (0, b"") == (result.returncode, result.stderr)
    text = result.stdout.decode(encoding)
    if argv == ("export",):
        assert json.loads(nu.load().to_json()) == json.loads(text)
    if argv[0] == "show":
        assert "\\u201c" in text  # (the citations' curly quotes)


def test_a_closed_stdout_gives_no_traceback(tmp_path: Path) -> None:
    """A closed stdout (before or after the start) exits 2 saying so, no traceback; export -o still writes."""
    closed_later = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.close(1); from nato_ukraine.cli import main; sys.exit(main(['show', 'nato']))",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    launcher = "import os, subprocess, sys; os.close(1); sys.exit(subprocess.call(sys.argv[1:]))"
    closed_before = subprocess.run(
        [sys.executable, "-c", launcher, sys.executable, "-m", "nato_ukraine", "summary"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    for result in (closed_later, closed_before):
        assert (2, True) == (result.returncode, "Traceback" not in result.stderr), result.stderr
        assert result.stderr.startswith("nato-ukraine: error: cannot write to standard output: "), result.stderr
    written = tmp_path / "events.csv"
    command = [sys.executable, "-c", launcher, sys.executable, "-m", "nato_ukraine", "export", "--format", "csv"]
    result = subprocess.run([*command, "-o", str(written)], capture_output=True, text=True, check=False, timeout=120)
    assert (0, "", len(nu.load().events) + 1) == (
        result.returncode,
        result.stderr,
        len(written.read_text().splitlines()),
    )


def test_a_reader_gone_before_the_start_is_quiet() -> None:
    """With the pipe's reader closed before the command writes, it exits 0 and prints nothing on stderr."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess_cli("timeline", stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert (0, "") == (result.returncode, result.stderr)


@pytest.mark.parametrize("argv", [("timeline",), ("timeline", "--json")])
def test_a_broken_pipe_is_quiet(argv: tuple[str, ...]) -> None:
    """`nato-ukraine ... | head -1`: a reader that closes after one line leaves exit code 0 and no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "nato_ukraine", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert (0, "") == (process.wait(timeout=120), err)
    assert first.strip()


def test_an_interrupt_exits_130_quietly(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the data loads exits 130 with no traceback."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(nu, "load", interrupted)
    try:
        result = run(capsys, "summary")
    except KeyboardInterrupt:  # (not let through to stop the test session)
        pytest.fail("main() let KeyboardInterrupt through")
    assert (130, "", "") == result


# -- migrate ------------------------------------------------------------------------------------

#: A file of schema version 1: a body's parent, an event's bodies and chair, a status with no date.
VERSION_1 = {
    "sources": [{"id": "notes", "name": "Notes", "title": "Notes"}],
    "bodies": [
        {
            "id": "office",
            "name": "Office",
            "kind": "office",
            "side": "nato",
            "parent": "nato",
            "citations": [{"source": "notes", "quote": "q"}],
        }
    ],
    "programmes": [
        {
            "id": "fund",
            "name": "Fund",
            "kind": "trust_fund",
            "status": "active",
            "citations": [{"source": "notes", "quote": "q"}],
        }
    ],
    "events": [
        {
            "id": "meeting",
            "name": "Meeting",
            "kind": "meeting",
            "date": "2017",
            "bodies": ["office"],
            "chair": "jens-stoltenberg",
            "citations": [{"source": "notes", "quote": "q"}],
        }
    ],
}


@pytest.fixture
def version_1(tmp_path: Path) -> Path:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(VERSION_1), encoding="utf-8")
    return path


def test_migrate_writes_the_current_form_and_notes_what_needs_a_person(
    capsys: pytest.CaptureFixture[str], version_1: Path, tmp_path: Path
) -> None:
    """migrate -o OUT writes the file in schema version 2 and exits 0, printing a note for each status to date on
    stderr, naming the file and the programme; the file is as migrate() makes it, and its records load once the
    status is dated."""
    from nato_ukraine.migrate import migrate

    out = tmp_path / "new.json"
    code, printed, err = run(capsys, "migrate", str(version_1), "-o", str(out))

    assert (0, "") == (code, printed)
    assert [
        f"nato-ukraine: note: {version_1}: programmes[0].status: 'active' needs status_as_of and status_citation"
    ] == [line.split(" (")[0] for line in err.splitlines()]
    new = json.loads(out.read_text(encoding="utf-8"))
    assert migrate(VERSION_1)[0] == new
    assert ([{"body": "office", "role": "participant"}, {"person": "jens-stoltenberg", "role": "chair"}], ["nato"]) == (
        new["events"][0]["participants"],
        new["bodies"][0]["parents"],
    )
    new["programmes"][0].update(status_as_of="2017", status_citation={"source": "notes", "quote": "q"})
    out.write_text(json.dumps(new), encoding="utf-8")
    assert "jens-stoltenberg" == nu.load(extra=out).events["meeting"].chair
    assert json.loads(version_1.read_text(encoding="utf-8")) == VERSION_1


def test_migrate_without_output_prints_the_file(capsys: pytest.CaptureFixture[str], version_1: Path) -> None:
    """Without -o, migrate prints the new file to standard output (the notes still go to stderr)."""
    code, printed, err = run(capsys, "migrate", str(version_1))

    assert (0, True) == (code, "needs status_as_of" in err)
    assert "parents" in json.loads(printed)["bodies"][0]
    assert "needs" not in printed


def test_a_file_of_the_current_form_migrates_to_itself_quietly(
    capsys: pytest.CaptureFixture[str], my_events: Path
) -> None:
    """A file already in schema version 2 is written back as it is, with no note."""
    code, printed, err = run(capsys, "migrate", str(my_events))

    assert (0, "") == (code, err)
    assert json.loads(my_events.read_text(encoding="utf-8")) == json.loads(printed)


@pytest.mark.parametrize(
    ("content", "said"),
    [("{not json", "not a dataset document: Expecting property name"), ("[1, 2]", "a JSON object, not list")],
    ids=["bad JSON", "a list"],
)
def test_migrate_a_file_that_is_not_a_dataset_exits_1_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, said: str
) -> None:
    """A file that is not JSON, or not an object, exits 1 with the file named on stderr, nothing written."""
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "new.json"

    code, printed, err = run(capsys, "migrate", str(path), "-o", str(out))

    assert (1, "", False) == (code, printed, out.exists())
    assert err.startswith(f"nato-ukraine: {path}: ")
    assert said in err
    assert "Traceback" not in err


def test_migrate_a_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """migrate of a path that does not exist exits 2 naming it; a missing FILE argument exits 2 too."""
    code, printed, err = run(capsys, "migrate", str(tmp_path / "nope.json"))
    assert (2, "", True) == (code, printed, "nope.json" in err)
    assert 2 == run(capsys, "migrate")[0]


def test_migrate_to_a_directory_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], version_1: Path, tmp_path: Path
) -> None:
    """migrate -o to a directory exits 2 naming it, with no traceback."""
    code, printed, err = run(capsys, "migrate", str(version_1), "-o", str(tmp_path))

    assert (2, "") == (code, printed)
    assert err.startswith(f"nato-ukraine: error: {tmp_path}: ")
    assert "Traceback" not in err


def test_validate_a_file_of_schema_version_1_points_to_migrate(
    capsys: pytest.CaptureFixture[str], version_1: Path
) -> None:
    """validate of a file of version 1 exits 1, telling of each key of version 1 where it went and that migrate
    rewrites the file."""
    code, _, err = run(capsys, "validate", str(version_1))

    assert 1 == code
    assert f"{version_1}: $.bodies[0].parent: 'parent' is a field of schema version 1; it is now 'parents'" in err
    assert "$.events[0].bodies: 'bodies' is a field of schema version 1; it is now 'participants'" in err
    assert "$.events[0].chair: 'chair' is a field of schema version 1; it is now 'participants'" in err
    assert "nato-ukraine migrate" in err
