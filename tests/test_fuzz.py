"""A fuzzer of the loader: whatever a file holds, loading it gives a dataset or a DataError.

Files are dataset-shaped JSON that hypothesis makes up, and real records (the bundled ones, or a
small built-in dataset when the bundled data cannot be read) with a few mutations. Each is
loaded as a whole dataset and as records added to the bundled data. ``make fuzz`` runs 10,000
examples of each (``HYPOTHESIS_PROFILE=fuzz``, see conftest.py).
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import nato_ukraine as nu
from strategies import DATASET_CLASSES, SMALL_DATASET, dataset_documents, invalid_documents, mutated

#: Added to every id of a base file, so that it also loads beside the bundled data.
SUFFIX = "-fuzz"
#: The keys whose values are ids: a record's own, and its references (those of citations, roles, participations
#: and outcomes too).
ID_KEYS = frozenset(
    {
        "id",
        "parent",
        "parents",
        "predecessor",
        "successor",
        "bodies",
        "members",
        "programmes",
        "agreements",
        "operations",
        "parties",
        "source",
        "body",
        "person",
        "programme",
        "agreement",
    }
)

fuzz_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


@functools.cache
def real_records() -> dict[str, Any]:
    """The bundled data as one dataset file, or the small built-in dataset if it cannot be read."""
    try:
        document: dict[str, Any] = json.loads(nu.load().to_json())
    except (OSError, nu.DataError):
        return SMALL_DATASET
    return {name: document[name] for name in DATASET_CLASSES if document.get(name)}


def _references(value: Any, is_id: bool = False) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a record that holds an id."""
    found: list[tuple[Any, Any]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        holds_id = key in ID_KEYS if isinstance(value, dict) else is_id
        if isinstance(item, str) and holds_id:
            found.append((value, key))
        found.extend(_references(item, holds_id and isinstance(item, list)))
    return found


@functools.cache
def base_files() -> tuple[tuple[dict[str, Any], ...], tuple[str, ...]]:
    """Small valid files cut from the real records, and every id they may refer to.

    Each file is one record with every record it refers to, directly or not, with every id
    renamed, so it loads on its own and beside the bundled data alike.
    """
    renamed = copy.deepcopy(real_records())
    refers: dict[str, set[str]] = {}
    for items in renamed.values():
        for record in items:
            targets = refers[record["id"] + SUFFIX] = set()
            for container, key in _references(record):
                container[key] += SUFFIX
                targets.add(container[key])
    files = []
    for start in sorted(refers):
        closure, todo = set(), [start]
        while todo:
            record_id = todo.pop()
            if record_id not in closure:
                closure.add(record_id)
                todo.extend(refers.get(record_id, ()))
        file = {name: [r for r in items if r["id"] in closure] for name, items in renamed.items()}
        files.append({name: items for name, items in file.items() if items})
    return tuple(files), tuple(sorted(refers))


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A base file, or two merged, with no or a few mutations; and whether it was mutated."""
    files, ids = base_files()
    merged: dict[str, Any] = {}
    for file in draw(st.lists(st.sampled_from(files), min_size=1, max_size=2)):
        for name, items in file.items():
            known = {r["id"] for r in merged.get(name, [])}
            merged.setdefault(name, []).extend(r for r in items if r["id"] not in known)
    if draw(st.integers(0, 9)) == 0:
        return merged, False
    bundled = tuple(record_id.removesuffix(SUFFIX) for record_id in ids)
    return draw(mutated(merged, ids + bundled)), True


@pytest.fixture(autouse=True, params=["auto", "compiled", "converter"])
def structurer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test three times: with records read by the generated structurers, composed of readers for these short
    lists, or compiled (a refused record then by the converter), and by the cattrs converter alone."""
    from nato_ukraine import _loading

    monkeypatch.setattr(_loading, "STRUCTURING", request.param)


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one file each example is written to."""
    return tmp_path_factory.mktemp("fuzz") / "fuzz_events.json"


def load_both(path: Path) -> list[nu.Dataset | nu.DataError]:
    """Load ``path`` as a dataset, then as extra records; the dataset, or the DataError, of each."""
    outcomes: list[nu.Dataset | nu.DataError] = []
    for extra in (False, True):
        try:
            outcomes.append(nu.load(extra=path) if extra else nu.load(path))
        except nu.DataError as error:
            outcomes.append(error)
    return outcomes


#: The converter that defines the JSON form: what the loader reads, it must read alike.
converter = nu.make_converter(detailed_validation=False)


def check(path: Path, document: Any, outcomes: list[nu.Dataset | nu.DataError]) -> None:
    """A dataset holds every record of the file (when ``document`` is known), each as the converter
    reads it; a DataError names the file and where each problem is."""
    for outcome, base, mode in zip(outcomes, (0, len(nu.load())), ("path", "extra"), strict=True):
        event(f"{mode}: {type(outcome).__name__}")
        if isinstance(outcome, nu.DataError):
            assert outcome.problems
            assert {str(path)} == set(outcome.files)
            assert all(p.path.startswith("$") and p.message for p in outcome.problems)
            assert str(path) in str(outcome)
        elif document is not None:
            # Only an object of collections (and a manifest) is a dataset: null, a list or a number is not.
            assert isinstance(document, dict), document
            assert set(document) <= {*DATASET_CLASSES, "manifest"}, document
            records = [(cls, item) for name, cls in DATASET_CLASSES.items() for item in document.get(name, ())]
            assert base + len(records) == len(outcome)
            for cls, item in records:
                assert converter.structure(item, cls) == outcome[item["id"]]


@fuzz_settings
@given(document=dataset_documents())
def test_dataset_shaped_json(fuzz_file: Path, document: Any) -> None:
    """Made-up dataset-shaped JSON loads, or raises DataError naming the file; nothing else escapes."""
    fuzz_file.write_text(json.dumps(document), encoding="utf-8")

    check(fuzz_file, document, load_both(fuzz_file))


@fuzz_settings
@given(case=mutated_files(), damage=st.none() | st.tuples(st.integers(0, 10**6), st.binary(max_size=3)))
def test_mutated_real_records(fuzz_file: Path, case: tuple[dict[str, Any], bool], damage: Any) -> None:
    """Mutated real records, or their bytes cut and spliced, load or raise DataError; unmutated ones load."""
    document, was_mutated = case
    text = json.dumps(document, ensure_ascii=False, indent=1).encode()
    data = text if damage is None else text[: damage[0] % (len(text) + 1)] + damage[1]
    fuzz_file.write_bytes(data)

    outcomes = load_both(fuzz_file)

    check(fuzz_file, document if data == text else None, outcomes)
    if not was_mutated and data == text:
        assert [nu.Dataset, nu.Dataset] == [type(outcome) for outcome in outcomes], outcomes


@fuzz_settings
@given(case=invalid_documents())
def test_invalid_documents_are_refused_where_they_are_broken(fuzz_file: Path, case: tuple[dict[str, Any], str]) -> None:
    """A valid document broken on purpose in one place (an id that is no slug, an unknown key, a missing name, a date
    that is no date, a reference to nothing, a blank name, an id used twice, a quote too long, an unknown kind) is
    refused, loaded alone or added to the bundled data, with a problem at the place it was broken."""
    document, where = case
    fuzz_file.write_text(json.dumps(document), encoding="utf-8")

    for outcome in load_both(fuzz_file):
        assert isinstance(outcome, nu.DataError), where
        assert any(p.path.startswith(where) for p in outcome.problems), (where, outcome.problems)
