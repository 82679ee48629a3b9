"""Tests for nato_ukraine.load: reading the bundled data and users' datasets."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu

SRC = Path(__file__).resolve().parents[1] / "src" / "nato_ukraine"

SOURCE = {"id": "my-notes", "name": "My notes", "title": "My notes", "kind": "other"}
CITE = [{"source": "my-notes", "quote": "a passage"}]


def body(record_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "name": record_id.title(), "kind": "office", "side": "nato", "citations": CITE, **fields}


def event(record_id: str, date: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "name": record_id.title(), "kind": "meeting", "date": date, "citations": CITE, **fields}


def met(*bodies: str, role: str = "participant") -> list[dict[str, str]]:
    """An event's participants: each of ``bodies`` in ``role``."""
    return [{"body": ref, "role": role} for ref in bodies]


def write(path: Path, payload: Any) -> Path:
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A small valid dataset file of the user's own."""
    return write(
        tmp_path / "mine.json",
        {
            "sources": [SOURCE],
            "bodies": [body("office-a", established="2015-09"), body("office-b", parents=["office-a"])],
            "events": [event("meeting-one", "June 2017", participants=met("office-b"))],
        },
    )


class TestBundled:
    def test_load_returns_the_same_dataset_every_time(self) -> None:
        """load() parses the bundled data once and hands out the same object after."""
        assert nu.load() is nu.load()

    def test_bundled_data_has_a_manifest(self) -> None:
        """The bundled data states its data version, as-of date and schema version."""
        ds = nu.load()
        assert (nu.PartialDate(2025, 12, 3), 2) == (ds.as_of, ds.schema_version)
        assert ds.data_version is not None
        assert ds.data_version.count(".") == 2

    def test_every_collection_file_is_present(self) -> None:
        """Each collection of the bundled data has records."""
        ds = nu.load()
        assert [] == [name for name, collection in ds.collections().items() if len(collection) == 0]

    def test_loader_uses_importlib_resources_not_file_paths(self) -> None:
        """The package never locates its data relative to __file__: it reads it with importlib.resources.files()."""
        sources = {path.name: path.read_text(encoding="utf-8") for path in SRC.glob("*.py")}
        assert [] == [name for name, text in sources.items() if "__file__" in text]
        assert ["_reading.py"] == [name for name, text in sources.items() if 'files("nato_ukraine")' in text]


class TestUserData:
    def test_loads_a_users_file(self, small: Path) -> None:
        """load(path) reads a dataset file of the user's, with no bundled records in it."""
        ds = nu.load(small)
        assert (1, 2, 1, None) == (len(ds.sources), len(ds.bodies), len(ds.events), ds.data_version)
        assert nu.PartialDate(2017, 6) == ds.events["meeting-one"].date

    def test_loads_a_directory_laid_out_like_the_bundled_data(self, tmp_path: Path) -> None:
        """load(dir) reads <collection>.json files and manifest.json."""
        write(tmp_path / "sources.json", {"sources": [SOURCE]})
        write(tmp_path / "bodies.json", {"bodies": [body("office-a")]})
        write(tmp_path / "manifest.json", {"data_version": "1.0.0", "as_of": "2020-05", "schema_version": 2})
        ds = nu.load(tmp_path)
        assert ("1.0.0", nu.PartialDate(2020, 5), ["office-a"]) == (ds.data_version, ds.as_of, ds.bodies.ids())

    def test_a_stray_json_file_in_a_directory_is_reported(self, tmp_path: Path) -> None:
        """A .json file that is not a collection (a typo'd name) is a problem, not ignored."""
        write(tmp_path / "sources.json", {"sources": [SOURCE]})
        write(tmp_path / "evnts.json", {"events": []})
        with pytest.raises(nu.DataError, match=r"evnts\.json: \$: not a collection file"):
            nu.load(tmp_path)

    def test_extra_adds_records_that_refer_to_bundled_ones(self, tmp_path: Path) -> None:
        """load(extra=...) adds the user's records to the bundled ones, references crossing over."""
        mine = event("my-nuc-meeting", "2020-05-01", participants=met("nato-ukraine-commission"))
        mine["citations"] = [{"source": "nato-relations-with-ukraine", "quote": "my own reading"}]
        extra = write(tmp_path / "extra.json", {"events": [mine]})
        bundled = nu.load()
        ds = nu.load(extra=extra)
        assert (len(bundled) + 1, bundled.data_version) == (len(ds), ds.data_version)
        assert "nato-ukraine-commission" in [n.record.id for n in ds.related("my-nuc-meeting")]
        assert "my-nuc-meeting" not in bundled

    def test_extra_ids_must_not_collide_with_bundled_ones(self, tmp_path: Path) -> None:
        """An extra record with a bundled id is refused, naming where the id is used."""
        clash = body("nato-ukraine-commission")
        clash["citations"] = [{"source": "nato-relations-with-ukraine", "quote": "q"}]
        extra = write(tmp_path / "extra.json", {"bodies": [clash]})
        with pytest.raises(nu.DataError, match=r"\$\.bodies\[0\]\.id: 'nato-ukraine-commission' is already used at"):
            nu.load(extra=extra)

    def test_extra_records_go_on_top_of_a_dataset_path(self, small: Path, tmp_path: Path) -> None:
        """load(path, extra=...) adds a user's records to a dataset of the user's (a pinned snapshot), references
        crossing over; an id of the snapshot's is refused, naming the snapshot."""
        mine_too = {"events": [event("meeting-two", "2018", participants=met("office-a"))]}
        mine = write(tmp_path / "mine-too.json", mine_too)
        ds = nu.load(small, extra=mine)
        assert (["meeting-one", "meeting-two"], "office-a") == (ds.events.ids(), ds.events["meeting-two"].bodies[0])
        clash = write(tmp_path / "clash.json", {"events": [event("meeting-one", "2018")]})
        with pytest.raises(nu.DataError, match=f"already used at {small}: events"):
            nu.load(small, extra=clash)

    def test_missing_path_raises_file_not_found_naming_it(self, tmp_path: Path) -> None:
        """A path that does not exist raises FileNotFoundError with the path in the message."""
        missing = tmp_path / "nope.json"
        with pytest.raises(FileNotFoundError, match=r"nope\.json"):
            nu.load(missing)

    def test_to_json_round_trips(self, small: Path, tmp_path: Path) -> None:
        """Dataset.to_json() writes a file that load() reads back to an equal dataset."""
        ds = nu.load(small)
        out = tmp_path / "out.json"
        ds.to_json(out)
        assert ds == nu.load(out)


class TestProblems:
    def test_three_bad_dates_are_all_reported(self, tmp_path: Path) -> None:
        """A file with three bad dates raises one DataError that lists all three, with paths."""
        path = write(
            tmp_path / "events.json",
            {
                "sources": [SOURCE],
                "events": [
                    event("a", "Juny 2017"),
                    event("b", "2017-06"),
                    event("c", "2017-02-30"),
                    event("d", "yesterday"),
                ],
            },
        )
        with pytest.raises(nu.DataError) as info:
            nu.load(path)
        expected = [
            ("$.events[0].date", "'Juny 2017' is not a date"),
            ("$.events[2].date", "'2017-02-30' is not a date"),
            ("$.events[3].date", "'yesterday' is not a date"),
        ]
        assert expected == [(p.path, p.message) for p in info.value.problems]
        assert f"{path}: $.events[0].date: 'Juny 2017' is not a date" in str(info.value)

    def test_problems_in_several_files_are_reported_together(self, tmp_path: Path) -> None:
        """Problems in two files of a directory come in one error that names both files."""
        write(tmp_path / "sources.json", {"sources": [SOURCE]})
        write(tmp_path / "bodies.json", {"bodies": [body("office-a", kind="offfice")]})
        write(tmp_path / "events.json", {"events": [event("e", "2017", participants=met("office-z"))]})
        with pytest.raises(nu.DataError) as info:
            nu.load(tmp_path)
        assert [str(tmp_path / "bodies.json"), str(tmp_path / "events.json")] == list(info.value.files)

    def test_semantic_problems_are_all_reported(self, tmp_path: Path) -> None:
        """Dangling references, wrong-type references, missing citations, bad ids and reversed dates all show."""
        path = write(
            tmp_path / "mine.json",
            {
                "sources": [SOURCE],
                "bodies": [body("office-a"), body("Office B"), dict(body("office-c"), citations=[])],
                "events": [
                    event("e1", "2017", participants=met("office-z", "e1")),
                    event("e2", "2017", end="2016"),
                    dict(event("e3", "2017"), citations=[{"source": "unknown-source", "quote": "q"}]),
                    dict(event("e4", "2017"), citations=[{"source": "my-notes", "quote": "x" * 301}]),
                ],
            },
        )
        with pytest.raises(nu.DataError) as info:
            nu.load(path)
        found = [(p.path, p.message.split(",")[0].split(";")[0]) for p in info.value.problems]
        assert [
            ("$.bodies[1].id", "'Office B' is not a slug (lower-case words joined by '-')"),
            ("$.bodies[2].citations", "a record needs at least one citation"),
            ("$.events[0].participants[0].body", "refers to 'office-z'"),
            ("$.events[0].participants[1].body", "refers to 'e1'"),
            ("$.events[1].end", "2016 is before the date 2017"),
            ("$.events[2].citations[0].source", "refers to 'unknown-source'"),
            ("$.events[3].citations[0].quote", "the quote is 301 characters"),
        ] == found

    def test_a_record_that_cannot_be_read_is_not_reported_again_as_missing(self, tmp_path: Path) -> None:
        """A reference to a record with problems of its own is not also called dangling."""
        path = write(
            tmp_path / "mine.json",
            {
                "sources": [SOURCE],
                "bodies": [body("office-a", side="neutral")],
                "events": [event("e", "2017", participants=met("office-a"))],
            },
        )
        with pytest.raises(nu.DataError) as info:
            nu.load(path)
        assert ["$.bodies[0].side"] == [p.path for p in info.value.problems]

    def test_schema_version_must_be_one_this_package_reads(self, tmp_path: Path) -> None:
        """A manifest of a newer schema version, of schema version 1 (told to migrate), or one that is not a whole
        number, is refused."""
        write(tmp_path / "sources.json", {"sources": [SOURCE]})
        cases = (
            (99, "schema version 99 is not the one"),
            (1, r"schema version 1 is not the one .* \(2\); `nato-ukraine migrate` rewrites it"),
            (True, "expected a whole number"),
        )
        for version, message in cases:
            write(tmp_path / "manifest.json", {"data_version": "1.0.0", "schema_version": version})
            with pytest.raises(nu.DataError, match=message) as info:
                nu.load(tmp_path)
            assert [(str(tmp_path / "manifest.json"), "$.schema_version")] == [
                (p.file, p.path) for p in info.value.problems
            ]

    def test_a_manifest_key_in_a_file_is_checked_where_it_stands(self, tmp_path: Path) -> None:
        """A problem in a file's own "manifest" key names that file and the key's path."""
        path = write(tmp_path / "mine.json", {"sources": [SOURCE], "manifest": {"schema_version": 0}})
        with pytest.raises(nu.DataError) as info:
            nu.load(path)
        assert [(str(path), "$.manifest.schema_version")] == [(p.file, p.path) for p in info.value.problems]

    def test_a_failed_load_leaves_nothing_cached(self, tmp_path: Path) -> None:
        """When the bundled data fails to load, nothing is cached and the next call tries again (a copy of the
        package whose events.json is broken, then mended, in a fresh interpreter)."""
        import shutil

        copy = tmp_path / "nato_ukraine"
        shutil.copytree(SRC, copy)
        events = copy / "data" / "events.json"
        good = tmp_path / "events.json"
        good.write_bytes(events.read_bytes())
        events.write_bytes(b"{")
        code = (
            "import sys, pathlib\n"
            f"sys.path.insert(0, {str(tmp_path)!r})\n"
            "import nato_ukraine as nu\n"
            "try:\n    nu.load()\nexcept nu.DataError as error:\n    print(error.files)\n"
            f"pathlib.Path({str(events)!r}).write_bytes(pathlib.Path({str(good)!r}).read_bytes())\n"
            "print(len(nu.load()) > 0, nu.__file__)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

        first, second = result.stdout.splitlines()
        assert "('events.json',)" == first
        assert second.startswith("True")
        assert str(copy) in second

    def test_data_error_is_a_value_error(self) -> None:
        """DataError can be caught as ValueError and carries its problems."""
        error = nu.DataError([nu.Problem("f.json", "$", "bad")])
        assert (True, ("f.json",)) == (isinstance(error, ValueError), error.files)


def imported_after(statements: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with one of ``prefixes`` that a fresh interpreter has after ``statements``."""
    code = f"import sys\n{statements}\nprint(sorted(m for m in sys.modules if m.startswith({prefixes!r})))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found: list[str] = ast.literal_eval(result.stdout)
    return found


def test_import_reads_no_data_and_loads_no_heavy_modules() -> None:
    """`import nato_ukraine` imports none of its own modules, nor attrs, cattrs, dateutil or json."""
    heavy = ("nato_ukraine.", "attr", "cattrs", "dateutil", "json", "importlib.resources", "importlib_resources")
    assert [] == imported_after("import nato_ukraine", heavy)


def test_loading_well_formed_data_needs_neither_cattrs_nor_dateutil() -> None:
    """nu.load() of the bundled data reads it without importing cattrs or python-dateutil."""
    assert [] == imported_after("import nato_ukraine as nu\nnu.load()", ("cattrs", "dateutil"))


def test_the_graph_and_the_timeline_are_imported_when_first_used() -> None:
    """A load does without the modules of the graph and the timeline (their classes cost a
    compile each); the first question that needs one imports it."""
    package = ("nato_ukraine.graph", "nato_ukraine.timeline")
    assert [] == imported_after("import nato_ukraine as nu\nnu.load()", package)
    assert ["nato_ukraine.graph"] == imported_after("import nato_ukraine as nu\nnu.load().edges()", package)
    assert ["nato_ukraine.timeline"] == imported_after("import nato_ukraine as nu\nnu.load().timeline()", package)


def test_long_lists_are_read_by_compiled_structurers_that_tracebacks_show(tmp_path: Path) -> None:
    """The first nu.load() reads the bundled data's short lists by structurers ready at once (compiling one costs
    more than they have records); a list of 500 records or more is read by one compiled for its class, whose
    source linecache knows, so that a traceback through it shows its lines."""
    many = tmp_path / "many.json"
    events = [event(f"meeting-{i}", "2017") for i in range(500)]
    write(many, {"sources": [SOURCE], "events": events})
    code = (
        "import linecache, nato_ukraine as nu\n"
        "def generated():\n"
        "    return sorted(name for name, entry in linecache.cache.items()"
        " if name.startswith('<nato_ukraine generated') and entry[2][0].startswith('def structure'))\n"
        "nu.load()\nprint(generated())\n"
        f"nu.load({str(many)!r})\nprint(generated())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    bundled, large = map(ast.literal_eval, result.stdout.splitlines())
    expected = {
        f"<nato_ukraine generated structure nato_ukraine.models.{cls.__name__}>" for cls in (nu.Event, nu.Citation)
    }
    assert ([], expected) == (bundled, set(large) & expected)


def test_every_public_name_is_served() -> None:
    """Each name in __all__ is served on first use, from a public module of the package that defines it (or a
    function, from the one that defines it), and listed by dir()."""
    import importlib

    import nato_ukraine

    for name in nato_ukraine.__all__:
        value = getattr(nato_ukraine, name)
        module = getattr(value, "__module__", None)
        if module is not None and name != "Record":
            assert module.startswith("nato_ukraine."), name
            assert value is getattr(importlib.import_module(module), name)
            assert not module.split(".")[-1].startswith("_") or name == "load"
    assert set(nato_ukraine.__all__) <= set(dir(nato_ukraine))
