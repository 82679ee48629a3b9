"""Bad input: every malformed file a user may hand the loader raises one readable DataError.

Each case runs through ``nu.load(path)`` (the file is the whole dataset) and ``nu.load(extra=path)``
(the file's records are added to the bundled data). The files carry their own source and body,
with ids the bundled data does not use, so the same file is valid, or broken, in both modes.
"""

from __future__ import annotations

import json
import linecache
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import nato_ukraine as nu

SRC = Path(__file__).resolve().parents[1] / "src" / "nato_ukraine"

#: The ways the loader can structure records (nato_ukraine._loading.STRUCTURING, the tests' one seam).
STRUCTURINGS = ("readers", "compiled", "converter")

#: Ids the bundled data has: records added with extra= may refer to them.
BUNDLED_SOURCE = "nato-relations-with-ukraine"
BUNDLED_BODY = "nato-ukraine-commission"

SOURCE = {"id": "test-source", "name": "Test source", "title": "A source written for the tests"}
BODY = {
    "id": "test-body",
    "name": "Test body",
    "kind": "commission",
    "side": "joint",
    "citations": [{"source": "test-source", "quote": "The test body was set up."}],
}


def taking_part(*bodies: str, role: str = "participant") -> list[dict[str, str]]:
    """An event's participants: each of ``bodies`` in ``role``."""
    return [{"body": body, "role": role} for body in bodies]


def event(**fields: Any) -> dict[str, Any]:
    """A valid event record, with ``fields`` changed (a field given as ``...`` is left out)."""
    record: dict[str, Any] = {
        "id": "test-event",
        "name": "Test meeting",
        "kind": "meeting",
        "date": "2017-06-09",
        "participants": taking_part("test-body"),
        "citations": [{"source": "test-source", "quote": "The test body met."}],
    }
    record.update(fields)
    return {key: value for key, value in record.items() if value is not ...}


def document(*events: dict[str, Any], **collections: list[Any]) -> dict[str, Any]:
    """A dataset file: the test source and body, the given events and any other collections."""
    return {"sources": [SOURCE], "bodies": [BODY], "events": list(events), **collections}


class Mode:
    """One way to load a user's file: as a whole dataset, or added to the bundled data."""

    def __init__(self, extra: bool) -> None:
        self.extra = extra

    def __call__(self, path: Path) -> nu.Dataset:
        return nu.load(extra=path) if self.extra else nu.load(path)

    def base(self) -> int:
        """How many records a load has besides the file's own."""
        return len(nu.load()) if self.extra else 0


@pytest.fixture(params=[False, True], ids=["path", "extra"])
def load(request: pytest.FixtureRequest) -> Mode:
    """``nu.load(path)`` or ``nu.load(extra=path)``."""
    return Mode(extra=request.param)


def write(tmp_path: Path, content: dict[str, Any] | bytes, name: str = "my_events.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content, indent=2).encode())
    return path


def data_error(load: Callable[[Path], nu.Dataset], path: Path) -> nu.DataError:
    with pytest.raises(nu.DataError) as info:
        load(path)
    assert isinstance(info.value, ValueError)
    return info.value


def assert_problems(error: nu.DataError, file: Path, expected: list[tuple[str, str]]) -> None:
    """The error lists exactly ``expected`` (field path, words of the message), in ``file``."""
    assert [(str(file), where) for where, _ in expected] == [(p.file, p.path) for p in error.problems]
    for (where, words), problem in zip(expected, error.problems, strict=True):
        assert words in problem.message, f"{words!r} not in {problem.message!r}"
        assert f"{file}: {where}: {problem.message}" in str(error)
    assert file.name in str(error)


def test_valid_file_loads(load: Mode, tmp_path: Path) -> None:
    """The file the bad cases start from loads, adding its three records."""
    path = write(tmp_path, document(event()))

    ds = load(path)

    assert load.base() + 3 == len(ds)
    expected_bodies = ("test-body",)
    assert expected_bodies == ds.events["test-event"].bodies


def test_invalid_json(load: Mode, tmp_path: Path) -> None:
    """A file of invalid JSON raises DataError naming the file and where the JSON breaks."""
    path = write(tmp_path, b'{"events": [{"id": "test-event",,}]}')

    error = data_error(load, path)

    assert_problems(error, path, [("$", "not valid JSON")])
    assert "line 1" in str(error)


def test_empty_file(load: Mode, tmp_path: Path) -> None:
    """An empty file raises DataError saying it is empty."""
    path = write(tmp_path, b"  \n")

    assert_problems(data_error(load, path), path, [("$", "empty")])


def test_not_utf8(load: Mode, tmp_path: Path) -> None:
    """A file that is not UTF-8 (here Latin-1) raises DataError saying so, and where."""
    path = write(tmp_path, '{"events": [{"name": "Réunion"}]}'.encode("latin-1"))

    assert_problems(data_error(load, path), path, [("$", "not UTF-8")])
    assert "byte 23 is 0xe9" in str(data_error(load, path))


def test_not_utf8_after_a_byte_order_mark(load: Mode, tmp_path: Path) -> None:
    """After a byte order mark, the bad byte named is still counted from the file's start."""
    path = write(tmp_path, b"\xef\xbb\xbf" + '{"events": [{"name": "Réunion"}]}'.encode("latin-1"))

    error = data_error(load, path)

    assert_problems(error, path, [("$", "not UTF-8")])
    assert "byte 26 is 0xe9" in str(error)


def test_byte_order_mark_is_skipped(load: Mode, tmp_path: Path) -> None:
    """A file that starts with UTF-8's byte order mark, as some editors write, loads as without it."""
    plain = write(tmp_path, document(event()), "plain.json")
    marked = write(tmp_path, b"\xef\xbb\xbf" + plain.read_bytes(), "marked.json")

    assert load(marked).events["test-event"] == load(plain).events["test-event"]


def test_top_level_list(load: Mode, tmp_path: Path) -> None:
    """A file whose top level is a list, not an object of collections, raises DataError."""
    path = write(tmp_path, json.dumps([event()]).encode())

    assert_problems(data_error(load, path), path, [("$", "not a list")])


def test_unknown_collection(load: Mode, tmp_path: Path) -> None:
    """A misspelt collection name raises DataError naming it and the expected names."""
    path = write(tmp_path, {**document(), "evnets": [event()]})

    error = data_error(load, path)

    assert_problems(error, path, [("$.evnets", "'evnets'")])
    assert "events" in error.problems[0].message


def test_missing_required_field(load: Mode, tmp_path: Path) -> None:
    """A record without a required field raises DataError at that field's path."""
    path = write(tmp_path, document(event(date=...)))

    assert_problems(data_error(load, path), path, [("$.events[0].date", "missing")])


def test_unknown_field(load: Mode, tmp_path: Path) -> None:
    """A typo'd key is an unknown field, and the field it was meant to be is then missing: both are listed."""
    path = write(tmp_path, document(event(date=..., dat="2017-06-09")))

    error = data_error(load, path)

    assert_problems(error, path, [("$.events[0].date", "missing"), ("$.events[0]", "'dat'")])


def test_date_that_is_not_a_date(load: Mode, tmp_path: Path) -> None:
    """A date field holding words that are not a date raises DataError quoting them."""
    path = write(tmp_path, document(event(date="Juny 2017")))

    error = data_error(load, path)

    assert_problems(error, path, [("$.events[0].date", "'Juny 2017' is not a date")])
    assert "$.events[0].date" in str(error)


def test_impossible_date(load: Mode, tmp_path: Path) -> None:
    """An ISO date that does not exist (30 February) raises DataError."""
    path = write(tmp_path, document(event(date="2017-02-30")))

    assert_problems(data_error(load, path), path, [("$.events[0].date", "'2017-02-30' is not a date")])


def test_date_of_wrong_type(load: Mode, tmp_path: Path) -> None:
    """A date given as a number, not a string, raises DataError naming the type."""
    path = write(tmp_path, document(event(date=2017)))

    assert_problems(data_error(load, path), path, [("$.events[0].date", "a number")])


def test_string_where_list_belongs(load: Mode, tmp_path: Path) -> None:
    """A single id where a list of ids belongs raises DataError; it is not read as a list of letters. Nor is a single
    participation where a list of them belongs."""
    path = write(tmp_path, document(event(agreements="test-body")))

    assert_problems(data_error(load, path), path, [("$.events[0].agreements", "expected a list, not a string")])
    path = write(tmp_path, document(event(participants=taking_part("test-body")[0])))
    assert_problems(data_error(load, path), path, [("$.events[0].participants", "expected a list")])


def test_unknown_enum_value(load: Mode, tmp_path: Path) -> None:
    """An unknown kind raises DataError quoting it and listing the valid kinds."""
    path = write(tmp_path, document(event(kind="meteing")))

    error = data_error(load, path)

    assert_problems(error, path, [("$.events[0].kind", "'meteing'")])
    assert "meeting" in error.problems[0].message.replace("'meteing'", "")


def test_dangling_reference(load: Mode, tmp_path: Path) -> None:
    """A reference to an id no record has raises DataError at the reference's path."""
    path = write(tmp_path, document(event(participants=taking_part("test-body", "no-such-body"))))

    assert_problems(data_error(load, path), path, [("$.events[0].participants[1].body", "'no-such-body'")])


def test_reference_to_the_wrong_kind_of_record(load: Mode, tmp_path: Path) -> None:
    """A body reference that names a source raises DataError saying what the id is."""
    path = write(tmp_path, document(event(participants=taking_part("test-source"))))

    assert_problems(data_error(load, path), path, [("$.events[0].participants[0].body", "source")])


def test_citation_of_unknown_source(load: Mode, tmp_path: Path) -> None:
    """A citation of a source the dataset does not have raises DataError."""
    path = write(tmp_path, document(event(citations=[{"source": "no-such-source", "quote": "Words."}])))

    assert_problems(data_error(load, path), path, [("$.events[0].citations[0].source", "'no-such-source'")])


def test_id_that_is_not_a_slug(load: Mode, tmp_path: Path) -> None:
    """An id that is not lower-case words joined by '-' raises DataError quoting it."""
    path = write(tmp_path, document(event(id="Test Event")))

    assert_problems(data_error(load, path), path, [("$.events[0].id", "'Test Event'")])


def test_record_without_name_or_citation(load: Mode, tmp_path: Path) -> None:
    """A blank name and an empty list of citations are each a problem of the record."""
    path = write(tmp_path, document(event(name="  ", citations=[])))

    assert_problems(data_error(load, path), path, [("$.events[0].name", "name"), ("$.events[0].citations", "citation")])


def test_quotes_empty_or_too_long(load: Mode, tmp_path: Path) -> None:
    """A citation's quote may be neither blank nor longer than 300 characters."""
    citations = [{"source": "test-source", "quote": " "}, {"source": "test-source", "quote": "x" * 301}]
    path = write(tmp_path, document(event(citations=citations)))

    assert_problems(
        data_error(load, path),
        path,
        [("$.events[0].citations[0].quote", "empty"), ("$.events[0].citations[1].quote", "301")],
    )


def test_same_id_twice(load: Mode, tmp_path: Path) -> None:
    """The same id twice in one file raises DataError at the second, pointing at the first."""
    path = write(tmp_path, document(event(), event(name="Another meeting")))

    error = data_error(load, path)

    assert_problems(error, path, [("$.events[1].id", "'test-event'")])
    assert "$.events[0]" in error.problems[0].message


def test_same_id_twice_when_one_record_cannot_be_read(load: Mode, tmp_path: Path) -> None:
    """An id used by a record that cannot be read and by another is reported too, at the later of the two (its
    problems do not hide that the id is taken), whichever comes first; a third use is reported once, naming the
    first."""
    broken = event(kind="meetng")
    path = write(tmp_path, document(broken, event(name="Second"), event(name="Third"), event(id="other", date="Juny")))

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[0].kind", "'meetng'"),
            ("$.events[1].id", "'test-event' is already used at " + f"{path}: $.events[0]"),
            ("$.events[2].id", "'test-event' is already used at " + f"{path}: $.events[0]"),
            ("$.events[3].date", "'Juny'"),
        ],
    )
    path = write(tmp_path, document(event(), broken))
    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[1].id", "'test-event' is already used at " + f"{path}: $.events[0]"),
            ("$.events[1].kind", "'meetng'"),
        ],
    )


def test_bundled_id_taken_by_a_record_that_cannot_be_read(tmp_path: Path) -> None:
    """An added record that cannot be read, with a bundled id, is told that the id is taken as well."""
    path = write(tmp_path, {"events": [event(id=BUNDLED_BODY, kind="meetng")]})

    error = data_error(lambda p: nu.load(extra=p), path)

    assert [("$.events[0].id", f"{BUNDLED_BODY!r} is already used at the bundled data: bodies")] == [
        (p.path, p.message) for p in error.problems if p.path.endswith(".id")
    ]


def test_records_around_a_broken_one_are_read_as_the_converter_reads_them(
    load: Mode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a list with a broken record, the records around it are read by the generated structurers (composed of
    readers, or compiled) and the broken one is explained by the converter: the problems are those of a load by the
    converter alone."""
    from nato_ukraine import _loading

    records = [event(id=f"meeting-{i}", name=f"Meeting {i}") for i in range(3)]
    path = write(
        tmp_path,
        document(*records, event(id="broken", date="Juny 2017"), event(id="dangling", participants=taking_part("x"))),
    )
    found = {}
    for way in STRUCTURINGS:
        monkeypatch.setattr(_loading, "STRUCTURING", way)
        found[way] = [(p.path, p.message) for p in data_error(load, path).problems]

    assert [found["converter"]] * len(STRUCTURINGS) == list(found.values())
    assert ["$.events[3].date", "$.events[4].participants[0].body"] == [where for where, _ in found["converter"]]


def test_same_id_in_two_collections(load: Mode, tmp_path: Path) -> None:
    """An event may not take a body's id: ids are unique across the whole dataset."""
    path = write(tmp_path, document(event(id="test-body")))

    assert_problems(data_error(load, path), path, [("$.events[0].id", "'test-body'")])


def test_id_colliding_with_bundled_data(tmp_path: Path) -> None:
    """Added records may not reuse a bundled id; the error says the id is already in the bundled data."""
    body = {**BODY, "id": BUNDLED_BODY}
    path = write(tmp_path, {"sources": [SOURCE], "bodies": [body]})

    error = data_error(lambda p: nu.load(extra=p), path)

    assert_problems(error, path, [("$.bodies[0].id", f"{BUNDLED_BODY!r}")])
    assert "bundled" in error.problems[0].message


def test_extra_records_may_refer_to_bundled_records(tmp_path: Path) -> None:
    """Added records may cite a bundled source and name a bundled body."""
    record = event(
        participants=taking_part(BUNDLED_BODY), citations=[{"source": BUNDLED_SOURCE, "quote": "The NUC met."}]
    )
    path = write(tmp_path, {"events": [record]})

    ds = nu.load(extra=path)

    assert len(nu.load()) + 1 == len(ds)
    expected_bodies = (BUNDLED_BODY,)
    assert expected_bodies == ds.events["test-event"].bodies


def test_end_before_start(load: Mode, tmp_path: Path) -> None:
    """An event that ends before it starts, and a programme whose period does, raise DataError."""
    programme = {
        "id": "test-programme",
        "name": "Test programme",
        "kind": "trust_fund",
        "period": {"start": "2017", "end": "2016-05"},
        "citations": [{"source": "test-source", "quote": "The fund ran."}],
    }
    path = write(tmp_path, document(event(date="2017-06-09", end="2017-06-01"), programmes=[programme]))

    error = data_error(load, path)

    expected = [("$.events[0].end", True), ("$.programmes[0].period", True)]
    assert expected == sorted((p.path, "before" in p.message) for p in error.problems)


def test_deeply_nested_file(load: Mode, tmp_path: Path) -> None:
    """A file of 5,000 nested brackets raises DataError, not RecursionError."""
    path = write(tmp_path, b"[" * 5000 + b"]" * 5000)

    assert_problems(data_error(load, path), path, [("$", "nested too deeply")])


def test_deeply_nested_field(load: Mode, tmp_path: Path) -> None:
    """A field holding 5,000 nested lists raises DataError, not RecursionError."""
    text = json.dumps(document(event(aliases="NESTED"))).replace('"NESTED"', "[" * 5000 + "]" * 5000)
    path = write(tmp_path, text.encode())

    assert_problems(data_error(load, path), path, [("$", "nested too deeply")])


def test_every_problem_is_listed(load: Mode, tmp_path: Path) -> None:
    """A file with problems in several records and collections lists every one, in .problems and in the message."""
    bad_source = {**SOURCE, "id": "second-source", "kind": "blog"}
    bad_body = {**BODY, "id": "second-body", "side": "neutral"}
    path = write(
        tmp_path,
        {
            "sources": [SOURCE, bad_source],
            "bodies": [BODY, bad_body],
            "events": [
                event(id="first", date="Juny 2017"),
                event(id="second", participants=taking_part("no-such-body")),
                event(id="third", participants="test-body", kind="meteing"),
            ],
        },
    )

    error = data_error(load, path)

    expected = {
        "$.sources[1].kind",
        "$.bodies[1].side",
        "$.events[0].date",
        "$.events[1].participants[0].body",
        "$.events[2].kind",
        "$.events[2].participants",
    }
    assert expected == {p.path for p in error.problems}
    assert len(expected) == len(error.problems)
    assert {str(path)} == {p.file for p in error.problems}
    assert f"{len(expected)} problems" in str(error)
    for where in expected:
        assert where in str(error)


def test_problems_are_listed_in_dataset_order(load: Mode, tmp_path: Path) -> None:
    """Problems are listed collection by collection in the dataset's order (sources first), then record by record."""
    bad_source = {**SOURCE, "id": "second-source", "kind": "blog"}
    bad_body = {**BODY, "id": "second-body", "side": "neutral"}
    records = [event(id=f"event-{i}", kind="meteing" if i in (2, 10) else "meeting") for i in range(11)]
    path = write(tmp_path, {"events": records, "bodies": [BODY, bad_body], "sources": [SOURCE, bad_source]})

    error = data_error(load, path)

    expected = ["$.sources[1].kind", "$.bodies[1].side", "$.events[2].kind", "$.events[10].kind"]
    assert expected == [p.path for p in error.problems]


def test_key_given_twice(load: Mode, tmp_path: Path) -> None:
    """A file that gives a key twice raises DataError: the records under the first would be lost unseen."""
    text = f'{{"sources": [{json.dumps(SOURCE)}], "bodies": [{json.dumps(BODY)}], "events": [{json.dumps(event())}], '
    text += '"events": []}'
    path = write(tmp_path, text.encode())

    error = data_error(load, path)

    assert str(path) == error.problems[0].file
    assert "events" in error.problems[0].message


def test_problems_in_a_directory_name_each_file(load: Mode, tmp_path: Path) -> None:
    """In a directory laid out like data/, each problem names the file it is in, and a stray file is one too."""
    folder = tmp_path / "my_dataset"
    folder.mkdir()
    write(folder, {"sources": [SOURCE], "bodies": [BODY]}, "sources.json")
    write(folder, {"events": [event(date="Juny 2017")]}, "events.json")
    write(folder, {"events": []}, "evnets.json")

    error = data_error(load, folder)

    assert [str(folder / "evnets.json")] == [p.file for p in error.problems]
    (folder / "evnets.json").unlink()
    error = data_error(load, folder)
    assert_problems(error, folder / "events.json", [("$.events[0].date", "'Juny 2017'")])
    assert "events.json: $.events[0].date" in str(error)


def test_a_directory_with_no_collection_file_is_refused(load: Mode, tmp_path: Path) -> None:
    """A directory that holds no collection file (a wrong folder, say) raises DataError naming it, rather than
    loading as an empty dataset; one that holds only other files (notes.txt) too."""
    folder = tmp_path / "not_the_dataset"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")

    assert_problems(data_error(load, folder), folder, [("$", "no collection file in this directory")])


@pytest.mark.parametrize("keyword", ["path", "extra"])
def test_an_empty_path_is_refused(keyword: str) -> None:
    """An empty path (an unset variable, say) raises ValueError, rather than loading the current directory."""
    with pytest.raises(ValueError, match="path is empty"):
        nu.load(**{keyword: ""})


def test_failed_extra_load_changes_nothing(tmp_path: Path) -> None:
    """A failed load(extra=) leaves the bundled dataset as it was: nothing is half-built."""
    bundled = nu.load()
    count = len(bundled)
    path = write(tmp_path, document(event(), event(id="broken", date="Juny 2017")))

    data_error(lambda p: nu.load(extra=p), path)

    assert bundled is nu.load()
    assert count == len(bundled)
    assert "test-event" not in bundled


def test_missing_path(load: Mode, tmp_path: Path) -> None:
    """A path that does not exist raises FileNotFoundError naming it."""
    path = tmp_path / "no_such_file.json"

    with pytest.raises(FileNotFoundError, match=re.escape(str(path))):
        load(path)


@pytest.mark.slow
def test_large_file_loads(load: Mode, tmp_path: Path) -> None:
    """A 50 MB file of valid records loads, with every record in it."""
    template = (
        '{"id": "event-%d", "name": "Meeting number %d of the test body", "kind": "meeting", "date": "2017-06-%02d", '
        '"description": "A meeting of the test body, one of many written to make a large file.", '
        '"participants": [{"body": "test-body", "role": "participant"}], '
        '"citations": [{"source": "test-source", "quote": "The test body met."}]}'
    )
    count = 50 * 1024 * 1024 // len(template % (0, 0, 1)) + 1
    path = tmp_path / "large.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(document())[: -len("]}")])
        handle.write(",\n".join(template % (i, i, i % 28 + 1) for i in range(count)))
        handle.write("]}\n")
    assert path.stat().st_size >= 50 * 1024 * 1024

    ds = load(path)

    assert load.base() + count + 2 == len(ds)
    assert nu.PartialDate(2017, 6, 1) == ds.events["event-0"].date
    assert f"Meeting number {count - 1} of the test body" == ds.events[f"event-{count - 1}"].name


#: The one use of exec: the package compiles a structurer per record class, from its fields alone, as attrs and
#: cattrs compile their methods (see test_structurers_are_made_from_classes_alone).
COMPILED_STRUCTURER = ("_struct.py", "exec(compile(")


def test_no_code_is_executed_from_data() -> None:
    """The package's source uses nothing that can run code read from a file (pickle, eval, exec, yaml.load, marshal).

    (Its objects may be pickled by a user: saying so, or defining ``__reduce__``, uses no pickle module.)"""
    forbidden = re.compile(r"\b(c?pickle|marshal|shelve|dill)\b|\beval\(|\bexec\(|yaml\.load")
    files = sorted(SRC.rglob("*.py"))
    found = [
        (path.name, line.strip())
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if forbidden.search(line)
    ]
    file, start = COMPILED_STRUCTURER
    allowed = [(name, line) for name, line in found if name == file and line.startswith(start)]

    assert 1 == len(allowed), found
    assert [] == [hit for hit in found if hit not in allowed]
    assert {"_struct.py", "_loading.py", "converters.py", "dataset.py"} <= {path.name for path in files}


def generated_sources() -> dict[str, str]:
    """The source of every structurer the package has generated so far, by the file name linecache knows it by."""
    return {
        name: "".join(entry[2])
        for name, entry in linecache.cache.items()
        if name.startswith("<nato_ukraine generated") and len(entry) == 4
    }


def test_structurers_are_made_from_classes_alone(tmp_path: Path) -> None:
    """The generated structurers are made from the classes' fields alone, and shown to tracebacks through
    linecache: loading data with code in its keys and values neither runs it nor puts it in any generated source."""
    nu.load(write(tmp_path, document(event()), "good.json"))  # every structurer of these classes made
    before = generated_sources()
    marker = tmp_path / "ran"
    code = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    bad = document(event(id="x", name=code, **{code: code}), event(id="y", kind=code))
    path = tmp_path / "code.json"
    path.write_text(json.dumps(bad), encoding="utf-8")

    with pytest.raises(nu.DataError) as info:
        nu.load(path)

    assert not marker.exists()
    assert ["$.events[0]", "$.events[1].kind"] == [p.path for p in info.value.problems]
    assert before == generated_sources()
    assert any("def structure(value, dates):" in text and "record.date = " in text for text in before.values())
    assert not any("pathlib" in text for text in generated_sources().values())


# -- The generated structurers against the converter --------------------------------------------

CITATION = {"source": "test-source", "quote": "The test body met."}
PERSON = {
    "id": "test-person",
    "name": "Test Person",
    "roles": [{"title": "Chair", "body": "test-body", "period": {"start": "2015"}}],
    "citations": [CITATION],
}

#: Objects where a record of another class belongs: each must be reported as the converter reports it.
MISPLACED = {
    "a citation for an event": document(event(), CITATION),
    "an event for a citation": document(event(citations=[event(id="inner")])),
    "a role for a citation": document(event(citations=[PERSON["roles"][0]])),
    "a period for a citation": document(event(citations=[{"start": "2015"}])),
    "a citation for a date": document(event(date=CITATION)),
    "an event for a date": document(event(date=event(id="inner"))),
    "a citation for a role": document(people=[{**PERSON, "roles": [CITATION]}]),
    "a period for a role": document(people=[{**PERSON, "roles": [{"start": "2015"}]}]),
    "a role for a period": document(people=[{**PERSON, "roles": [{"title": "Chair", "period": {"title": "x"}}]}]),
    "a citation and an event mixed": document(event(citations=[CITATION, event(id="inner")])),
    "a string for a record": document(event(), "test-event-2"),
    "an object for a list": {"sources": [SOURCE], "bodies": [BODY], "events": event()},
    "an empty object": document(event(), {}),
    "a list for a record": document([event()]),
    "a citation for a participation": document(event(participants=[CITATION])),
    "a participation for an outcome": document(event(outcomes=taking_part("test-body"))),
    "a string for a participation": document(event(participants=["test-body"])),
    "a date for a figure": document(event(figures=["2017"])),
    "a figure without its citation": document(event(figures=[{"value": 3, "unit": "ships", "counts": "ships"}])),
}


def problems_of(path: Path) -> list[tuple[str, str]] | int:
    """The problems loading ``path`` finds, or how many records it has if there are none."""
    try:
        return len(nu.load(path))
    except nu.DataError as error:
        return [(problem.path, problem.message) for problem in error.problems]


def problems_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: dict[str, Any]
) -> dict[bool, list[tuple[str, str]] | int]:
    """:func:`problems_of` a file of ``content``, read by the generated structurers first (True), composed of readers
    and compiled alike (checked here), or by the cattrs converter alone (False)."""
    from nato_ukraine import _loading

    path = write(tmp_path, content)
    found = {}
    for way in STRUCTURINGS:
        monkeypatch.setattr(_loading, "STRUCTURING", way)
        found[way] = problems_of(path)
    assert found["readers"] == found["compiled"]
    return {True: found["compiled"], False: found["converter"]}


@pytest.mark.parametrize("content", list(MISPLACED.values()), ids=list(MISPLACED))
def test_misplaced_objects_are_refused_as_the_converter_refuses_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: dict[str, Any]
) -> None:
    """An object where a record of another class belongs is refused by the generated structurers, and reported with
    the problems the converter finds."""
    found = problems_both_ways(tmp_path, monkeypatch, content)

    assert isinstance(found[True], list)
    assert found[True]
    assert found[False] == found[True]


AGREEMENT = {"id": "test-agreement", "name": "Test charter", "kind": "charter", "citations": [CITATION]}
PROGRAMME = {"id": "test-programme", "name": "Test fund", "kind": "trust_fund", "citations": [CITATION]}

#: Records that break a rule of their class, or refer to what is not there.
BROKEN = {
    "a blank name": document(event(name=" \n")),
    "a blank source name": {**document(event()), "sources": [{**SOURCE, "name": ""}]},
    "no citation": document(event(citations=[])),
    "a blank quote": document(event(citations=[{**CITATION, "quote": "  "}])),
    "a quote too long": document(event(citations=[{**CITATION, "quote": "x" * 301}])),
    "an end before the date": document(event(end="2017-06-08")),
    "a ratification before the signing": document(
        event(), agreements=[{**AGREEMENT, "signed": "2017", "ratified": "2016-12"}]
    ),
    "a citation of no source": document(event(citations=[{**CITATION, "source": "no-source"}])),
    "a reference to no body": document(event(participants=taking_part("test-body", "no-body"))),
    "a reference to a body as a person": document(event(participants=[{"person": "test-body", "role": "chair"}])),
    "a role in no body": document(people=[{**PERSON, "roles": [{"title": "Chair", "body": "no-body"}]}]),
    "a party that is an event": document(event(), agreements=[{**AGREEMENT, "parties": ["test-event"]}]),
    "a body with no parent": {**document(event()), "bodies": [{**BODY, "parents": ["no-body"]}]},
    "an id that is not a slug": document(event(), event(id="Second Event")),
    "a participation naming neither a body nor a person": document(event(participants=[{"role": "host"}])),
    "a participation naming a body and a person": document(
        event(participants=[{"body": "test-body", "person": "test-person", "role": "chair"}]), people=[PERSON]
    ),
    "an outcome naming nothing": document(event(outcomes=[{"role": "adopted"}])),
    "an outcome naming two things": document(
        event(outcomes=[{"body": "test-body", "agreement": "test-agreement", "role": "signed"}]), agreements=[AGREEMENT]
    ),
    "a status without the date that states it": document(
        event(), programmes=[{**PROGRAMME, "status": "active", "status_citation": CITATION}]
    ),
    "an inferred name that is no field": document(event(inferred=["date", "colour"])),
    "a second parent that is the body itself": {
        **document(event()),
        "bodies": [BODY, {**BODY, "id": "own-parent", "parents": ["test-body", "own-parent"]}],
    },
}


@pytest.mark.parametrize("content", list(BROKEN.values()), ids=list(BROKEN))
def test_broken_records_are_reported_alike_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: dict[str, Any]
) -> None:
    """A record that breaks a rule, or refers to what is not there, is reported once, alike whether its list was
    read by the generated structurers or by the converter."""
    found = problems_both_ways(tmp_path, monkeypatch, content)

    assert isinstance(found[True], list)
    assert 1 == len(found[True])
    assert found[False] == found[True]


# -- Hostile files: refused fast, every problem listed -------------------------------------------


def validate_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``nato-ukraine validate --standalone PATH``: the exit code and what went to stderr."""
    from nato_ukraine.cli import main

    code = main(["validate", "--standalone", str(path)])
    return code, capsys.readouterr().err


def test_a_named_pipe_is_refused_by_name(load: Mode, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A named pipe, given as the file or as a collection file of a directory, is refused by name without being opened
    (opening it to read would wait for ever for a writer)."""
    import os

    pipe = tmp_path / "events.json"
    os.mkfifo(pipe)

    assert_problems(data_error(load, pipe), pipe, [("$", "a named pipe, not a regular file")])
    assert_problems(data_error(load, tmp_path), pipe, [("$", "a named pipe, not a regular file")])
    assert (1, True) == (lambda found: (found[0], "named pipe" in found[1] and "Traceback" not in found[1]))(
        validate_cli(pipe, capsys)
    )


def test_a_device_is_refused_by_name(load: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/zero, which would be read until memory ran out, is refused as a character device."""
    device = Path("/dev/zero")

    assert_problems(data_error(load, device), device, [("$", "a character device, not a regular file")])
    code, err = validate_cli(device, capsys)
    assert (1, True) == (code, "character device" in err)


def test_a_file_larger_than_max_bytes_is_refused(tmp_path: Path) -> None:
    """A file of more than max_bytes is refused before it is read, and the message says how to read it."""
    path = write(tmp_path, document(event()))
    size = path.stat().st_size

    with pytest.raises(nu.DataError, match=f"the file has {size:,} bytes: more than {size - 1:,} bytes") as info:
        nu.load(path, max_bytes=size - 1)

    assert "max_bytes=" in info.value.problems[0].message
    assert 3 == len(nu.load(path, max_bytes=size))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"null", "not null"),
        (b"42", "not a number"),
        (b'"events"', "not a string"),
        (b'{"sources": [{"id": "s", "name": "n", "title": "t", "x": ' + b"9" * 5000 + b"}]}", "limit"),
    ],
    ids=["null", "a number", "a string", "a number past the digit limit"],
)
def test_a_document_that_is_not_a_dataset_is_refused(
    load: Mode, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    """A document that is not an object of collections (null included), or holds a number Python will not read, is
    a DataError naming the file; validate says it is not valid."""
    path = write(tmp_path, content)

    assert_problems(data_error(load, path), path, [("$", words)])
    assert 1 == validate_cli(path, capsys)[0]


def test_a_lone_surrogate_is_refused_where_it_stands(load: Mode, tmp_path: Path) -> None:
    """A string holding a lone surrogate (which UTF-8 cannot hold, so no command could print or write it) is refused
    at its path; a surrogate pair, one character, is read."""
    text = json.dumps(document(event(name="Meeting \\ud800 alone", description="\\ud83d\\ude00")))
    path = write(tmp_path, text.replace("\\\\u", "\\u").encode())

    assert_problems(data_error(load, path), path, [("$.events[0].name", "lone surrogate")])
    path = write(tmp_path, text.replace("\\\\u", "\\u").replace("\\ud800 ", "").encode())
    assert "\U0001f600" == load(path).events["test-event"].description


def test_every_problem_of_a_record_is_listed_though_a_field_cannot_be_read(load: Mode, tmp_path: Path) -> None:
    """A record with a bad kind, an id that is not a slug, a blank name, no citation and a reference to nothing lists
    all five problems at once, in the order of its fields."""
    path = write(
        tmp_path,
        document(event(id="Bad Id", name=" ", kind="meteing", citations=[], participants=taking_part("nowhere"))),
    )

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[0].id", "is not a slug"),
            ("$.events[0].name", "the name is empty"),
            ("$.events[0].citations", "at least one citation"),
            ("$.events[0].kind", "'meteing'"),
            ("$.events[0].participants[0].body", "'nowhere'"),
        ],
    )


def test_a_manifest_in_an_extra_file_is_checked_as_in_a_dataset(tmp_path: Path) -> None:
    """load(extra=) reads a file's manifest and checks it as load(path) does: a schema version this package does not
    read is refused in both."""
    path = write(tmp_path, {**document(event()), "manifest": {"schema_version": 99}})

    for load in (nu.load, lambda p: nu.load(extra=p)):
        error = data_error(load, path)
        assert [("$.manifest.schema_version", True)] == [(p.path, "99" in p.message) for p in error.problems]


def test_cycles_of_part_of_and_succession_are_refused(load: Mode, tmp_path: Path) -> None:
    """A body that is its own parent, two bodies each part of the other, and two that succeed each other are each
    refused at the link that closes the loop; a body merely under such a loop is not."""
    cite = BODY["citations"]
    bodies = [
        {**BODY, "id": "own-parent", "parents": ["own-parent"]},
        {**BODY, "id": "first", "parents": ["second"]},
        {**BODY, "id": "second", "parents": ["first"]},
        {**BODY, "id": "below", "parents": ["first"]},
        {**BODY, "id": "older", "successor": "newer", "citations": cite},
        {**BODY, "id": "newer", "successor": "older", "citations": cite},
    ]
    path = write(tmp_path, {"sources": [SOURCE], "bodies": [BODY, *bodies]})

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.bodies[1].parents[0]", "is the record itself"),
            ("$.bodies[2].parents[0]", "first -> second -> first"),
            ("$.bodies[3].parents[0]", "first -> second -> first"),
            ("$.bodies[5].successor", "leads back to 'older'"),
            ("$.bodies[6].successor", "leads back to 'newer'"),
        ],
    )


def test_an_agreements_dates_come_in_order(load: Mode, tmp_path: Path) -> None:
    """Signed, ratified, in force: an agreement in force before it was ratified is refused, as is one ratified before
    it was signed."""
    agreements = [
        {**AGREEMENT, "id": "in-force-early", "signed": "2010", "ratified": "2012", "in_force": "2011"},
        {**AGREEMENT, "id": "ratified-early", "signed": "2010-05", "ratified": "2010-04"},
    ]
    path = write(tmp_path, document(event(), agreements=agreements))

    assert_problems(
        data_error(load, path),
        path,
        [("$.agreements[0].in_force", "2011 is before the ratified 2012"), ("$.agreements[1].ratified", "before")],
    )


@pytest.mark.parametrize(
    ("asked", "meant"),
    [
        ("nato-ukraine-comission", "nato-ukraine-commission"),
        ("mato-ukraine-commission", "nato-ukraine-commission"),
        ("comprehensive-asistance-package", "comprehensive-assistance-package"),
    ],
)
def test_a_failed_lookup_suggests_what_was_meant(asked: str, meant: str) -> None:
    """An id mistyped at its start, middle or end is answered with the id meant first, from the dataset and from
    its collection alike."""
    ds = nu.load()
    with pytest.raises(nu.UnknownIdError) as info:
        ds[asked]
    collection = next(collection for collection in ds.collections().values() if meant in collection)
    with pytest.raises(nu.UnknownIdError) as in_collection:
        collection[asked]

    assert (meant, meant) == (info.value.suggestions[0], in_collection.value.suggestions[0])


# -- Schema version 2: who did what, dated statuses, inferred fields, the keys of version 1 --------


def test_a_participation_names_exactly_one_of_a_body_and_a_person(load: Mode, tmp_path: Path) -> None:
    """A participation that names neither a body nor a person, or both, is refused at its path, saying which it
    gives; one naming a person alone, or a body alone, is read (the body also among the event's bodies)."""
    neither = {"role": "host"}
    both = {"body": "test-body", "person": "test-person", "role": "chair"}
    path = write(tmp_path, document(event(participants=[*taking_part("test-body"), neither, both]), people=[PERSON]))

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[0].participants[1]", "give exactly one of body, person (given: none)"),
            ("$.events[0].participants[2]", "give exactly one of body, person (given: body, person)"),
        ],
    )
    chaired = [{"person": "test-person", "role": "chair"}, *taking_part("test-body", role="host")]
    path = write(tmp_path, document(event(participants=chaired), people=[PERSON]))
    record = load(path).events["test-event"]
    assert (("test-body",), ("test-person",), "test-person") == (record.bodies, record.people, record.chair)


def test_an_outcome_names_exactly_one_of_a_programme_an_agreement_and_a_body(load: Mode, tmp_path: Path) -> None:
    """An outcome that names nothing, or two things, is refused at its path; an outcome's role is an outcome's verb,
    not a participant's."""
    outcomes = [{"role": "adopted"}, {"programme": "test-programme", "agreement": "test-agreement", "role": "signed"}]
    content = document(event(outcomes=outcomes), programmes=[PROGRAMME], agreements=[AGREEMENT])
    path = write(tmp_path, content)

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[0].outcomes[0]", "give exactly one of programme, agreement, body (given: none)"),
            ("$.events[0].outcomes[1]", "(given: programme, agreement)"),
        ],
    )
    path = write(tmp_path, document(event(outcomes=[{"programme": "test-programme", "role": "host"}])))
    assert_problems(data_error(load, path), path, [("$.events[0].outcomes[0].role", "'host'")])


def test_a_status_needs_the_date_and_the_words_that_state_it(load: Mode, tmp_path: Path) -> None:
    """A programme's status other than unknown needs status_as_of and status_citation, each reported where it is
    missing; unknown (given or left out) needs neither, and a status with both loads."""
    stated = {"status_as_of": "2020-05", "status_citation": CITATION}
    programmes = [
        {**PROGRAMME, "id": "no-date", "status": "active", "status_citation": CITATION},
        {**PROGRAMME, "id": "no-words", "status": "completed", "status_as_of": "2020"},
        {**PROGRAMME, "id": "neither", "status": "suspended"},
        {**PROGRAMME, "id": "said-unknown", "status": "unknown"},
        {**PROGRAMME, "id": "left-out"},
        {**PROGRAMME, "id": "stated", "status": "ended", **stated},
    ]
    path = write(tmp_path, document(event(), programmes=programmes))

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.programmes[0].status_as_of", "a status of 'active' needs status_as_of too (or the status 'unknown')"),
            ("$.programmes[1].status_citation", "a status of 'completed' needs status_citation"),
            ("$.programmes[2].status_as_of", "needs status_as_of"),
            ("$.programmes[2].status_citation", "needs status_citation"),
        ],
    )
    path = write(tmp_path, document(event(), programmes=programmes[3:]))
    ds = load(path)
    assert [nu.ProgrammeStatus.UNKNOWN, nu.ProgrammeStatus.UNKNOWN, nu.ProgrammeStatus.ENDED] == [
        ds.programmes[rid].status for rid in ("said-unknown", "left-out", "stated")
    ]
    assert (nu.PartialDate(2020, 5), "test-source") == (
        ds.programmes["stated"].status_as_of,
        ds.programmes["stated"].status_citation.source,  # type: ignore[union-attr]
    )


def test_inferred_names_fields_of_the_record_itself(load: Mode, tmp_path: Path) -> None:
    """``inferred`` may name only the record's own fields: an unknown name, the id, or a field of another class
    (an event has no ``dissolved``) is refused at its place in the list; the record's own fields are kept."""
    path = write(tmp_path, document(event(inferred=["date", "colour", "id", "dissolved"])))

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.events[0].inferred[1]", "'colour' is not a field"),
            ("$.events[0].inferred[2]", "'id' is not a field"),
            ("$.events[0].inferred[3]", "'dissolved' is not a field"),
        ],
    )
    path = write(tmp_path, document(event(inferred=["date", "end"])))
    assert ("date", "end") == load(path).events["test-event"].inferred


def test_a_figure_is_cited_and_counts_something(load: Mode, tmp_path: Path) -> None:
    """A figure's citation must cite a source of the dataset; what it counts may not be blank."""
    figure = {"value": 4, "unit": "ships", "counts": "ships sent", "citation": CITATION}
    figures = [{**figure, "counts": " "}, {**figure, "citation": {**CITATION, "source": "no-source"}}]
    path = write(tmp_path, document(event(figures=figures)))

    assert_problems(
        data_error(load, path),
        path,
        [("$.events[0].figures[0].counts", "empty"), ("$.events[0].figures[1].citation.source", "'no-source'")],
    )


@pytest.mark.parametrize(
    ("collection", "record", "old", "new"),
    [
        ("bodies", {**BODY, "id": "office", "parent": "test-body"}, "parent", "parents"),
        ("events", event(participants=..., bodies=["test-body"]), "bodies", "participants"),
        ("events", event(people=["test-person"]), "people", "participants"),
        ("events", event(chair="test-person"), "chair", "participants"),
    ],
    ids=["parent", "bodies", "people", "chair"],
)
def test_a_key_of_schema_version_1_names_its_new_field_and_the_migrate_command(
    load: Mode,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    record: dict[str, Any],
    old: str,
    new: str,
) -> None:
    """A key that schema version 1 had and version 2 replaced is reported at its path as a field of version 1, with
    the field that took its place and ``nato-ukraine migrate``, not as an unknown field; alike whichever way the
    list is read."""
    content = document(people=[PERSON])
    content[collection] = [*content[collection], record]
    path = write(tmp_path, content)

    error = data_error(load, path)

    at = f"$.{collection}[{len(content[collection]) - 1}].{old}"
    assert_problems(error, path, [(at, f"{old!r} is a field of schema version 1; it is now {new!r}")])
    assert "nato-ukraine migrate" in error.problems[0].message
    assert "unknown field" not in str(error)
    found = problems_both_ways(tmp_path, monkeypatch, content)
    assert found[False] == found[True]


def test_a_key_of_schema_version_1_beside_an_unknown_key_is_reported_apart(load: Mode, tmp_path: Path) -> None:
    """A record with a key of version 1 and a typo lists the typo as an unknown field and the old key as moved."""
    path = write(tmp_path, document(event(chair="test-person", colour="red"), people=[PERSON]))

    error = data_error(load, path)

    assert [("$.events[0]", True, False), ("$.events[0].chair", False, True)] == [
        (p.path, "'colour'" in p.message and "'chair'" not in p.message, "schema version 1" in p.message)
        for p in error.problems
    ]


def test_a_manifest_of_schema_version_1_is_refused_with_the_migrate_advice(load: Mode, tmp_path: Path) -> None:
    """A file whose manifest says schema version 1 is refused at the version, and told that ``nato-ukraine migrate``
    rewrites it; a newer version is told that a newer nato-ukraine may read it; version 2 loads."""
    path = write(tmp_path, {**document(event()), "manifest": {"schema_version": 1}})

    assert_problems(data_error(load, path), path, [("$.manifest.schema_version", "`nato-ukraine migrate` rewrites")])
    assert "(2)" in data_error(load, path).problems[0].message
    path = write(tmp_path, {**document(event()), "manifest": {"schema_version": 3}})
    assert_problems(data_error(load, path), path, [("$.manifest.schema_version", "a newer nato-ukraine")])
    path = write(tmp_path, {**document(event()), "manifest": {"schema_version": 2}})
    assert load.base() + 3 == len(load(path))


def test_a_part_of_cycle_through_a_second_parent_is_refused(load: Mode, tmp_path: Path) -> None:
    """A body may be part of several; a loop closed through its second parent is refused at that parent, as one
    through its first would be; two parents that do not loop load, in order."""
    bodies = [
        {**BODY, "id": "other", "parents": ["test-body"]},
        {**BODY, "id": "joint-office", "parents": ["test-body", "unit"]},
        {**BODY, "id": "unit", "parents": ["joint-office"]},
    ]
    path = write(tmp_path, {"sources": [SOURCE], "bodies": [BODY, *bodies]})

    assert_problems(
        data_error(load, path),
        path,
        [
            ("$.bodies[2].parents[1]", "'unit' leads back to 'joint-office'"),
            ("$.bodies[3].parents[0]", "joint-office -> unit -> joint-office"),
        ],
    )
    bodies[2] = {**BODY, "id": "unit", "parents": ["other"]}
    path = write(tmp_path, {"sources": [SOURCE], "bodies": [BODY, *bodies]})
    office = load(path).bodies["joint-office"]
    assert (("test-body", "unit"), "test-body") == (office.parents, office.parent)
