"""Read, structure, validate and cache datasets.

A dataset file is one JSON object whose keys are collection names, each a list of records (and,
optionally, ``manifest``: what ``manifest.json`` holds, as :meth:`Dataset.to_json` writes). The
bundled data is a directory of such files (``data/<collection>.json``, one key each) plus
``data/manifest.json``; a user's dataset is a file or a directory laid out the same way. The
same code reads all three.

Loading is all or nothing: every problem in every file is gathered into one
:class:`~nato_ukraine.exceptions.DataError`, and no dataset is built unless there are none.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from nato_ukraine.dates import PartialDate
from nato_ukraine.exceptions import DataError, Problem
from nato_ukraine.models import Agreement, Body, Event, Manifest, Operation, Person, Programme, Record, Source

if TYPE_CHECKING:
    import cattrs

    from nato_ukraine.dataset import Dataset

__all__ = ["COLLECTIONS", "load"]

#: The collections of a dataset, in the order they load, with the class of their records.
COLLECTIONS: Mapping[str, type[Record]] = {
    "sources": Source,
    "bodies": Body,
    "programmes": Programme,
    "agreements": Agreement,
    "operations": Operation,
    "people": Person,
    "events": Event,
}

MANIFEST = "manifest.json"
MAX_QUOTE = 300
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATASET = "<dataset>"


@attrs.frozen
class _Raw:
    """One file's records, structured, with where each came from."""

    file: str
    records: list[tuple[str, int, Record]]  # (collection, index, record)
    manifest: list[Manifest] = attrs.Factory(list)  # a file's own "manifest" key, if any


_lock = threading.Lock()
_bundled: Dataset | None = None
_converters: dict[bool, cattrs.Converter] = {}


def load(path: str | os.PathLike[str] | None = None, *, extra: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset: the bundled one, a user's, or the bundled one plus a user's records.

    ``load()`` parses the bundled data on first use, once, and returns the same immutable
    :class:`~nato_ukraine.dataset.Dataset` ever after; it is safe to call from many threads.

    Args:
        path: A dataset file (one JSON object keyed by collection name) or a directory laid
            out like the bundled ``data/`` (``events.json``, ``bodies.json``, ... and an
            optional ``manifest.json``). None for the bundled data.
        extra: A dataset file or directory of records to add to the bundled data. Its ids must
            not collide with the bundled ones; its references may point into them.

    Returns:
        The dataset.

    Raises:
        DataError: If any file is not valid; it lists every problem found.
        FileNotFoundError: If ``path`` or ``extra`` does not exist.
        ValueError: If both ``path`` and ``extra`` are given.
    """
    if path is not None and extra is not None:
        raise ValueError("give a dataset path or extra records, not both")
    if path is not None:
        return _build(_read_location(Path(path)))
    bundled = _load_bundled()
    if extra is None:
        return bundled
    files, _ = _read_location(Path(extra))
    return _build(([], bundled.manifest), base=bundled, extra_files=files)


def _load_bundled() -> Dataset:
    global _bundled
    dataset = _bundled
    if dataset is None:
        with _lock:
            dataset = _bundled
            if dataset is None:
                dataset = _bundled = _build(_read_bundled())
    return dataset


def _resources() -> Any:
    if sys.version_info >= (3, 12):
        from importlib.resources import files
    else:  # the backport's Traversable API is the 3.12 one
        from importlib_resources import files
    return files("nato_ukraine") / "data"


def _read_bundled() -> tuple[list[tuple[str, bytes]], Manifest]:
    data = _resources()
    problems: list[Problem] = []
    files = [(f"{name}.json", (data / f"{name}.json").read_bytes()) for name in COLLECTIONS]
    manifest = _parse_manifest(MANIFEST, (data / MANIFEST).read_bytes(), problems)
    if problems:
        raise DataError(problems)
    return files, manifest


def _read_location(path: Path) -> tuple[list[tuple[str, bytes]], Manifest]:
    if not path.exists():
        raise FileNotFoundError(f"no such dataset file or directory: {str(path)!r}")
    if path.is_dir():
        problems: list[Problem] = []
        files: list[tuple[str, bytes]] = []
        manifest = Manifest()
        for child in sorted(path.iterdir()):
            if child.suffix != ".json":
                continue
            if child.name == MANIFEST:
                manifest = _parse_manifest(_display(child), child.read_bytes(), problems)
            elif child.stem in COLLECTIONS:
                files.append((_display(child), child.read_bytes()))
            else:
                expected = ", ".join(f"{name}.json" for name in COLLECTIONS)
                problems.append(Problem(_display(child), "$", f"not a collection file; expected one of {expected}"))
        if problems:
            raise DataError(problems)
        return files, manifest
    return [(_display(path), path.read_bytes())], Manifest()


def _display(path: Path) -> str:
    return str(path)


def _parse_manifest(file: str, data: bytes, problems: list[Problem]) -> Manifest:
    value = _parse_json(file, data, problems)
    return Manifest() if value is None else _parse_manifest_value(file, value, problems, "$")


def _parse_manifest_value(file: str, value: object, problems: list[Problem], path: str = "$.manifest") -> Manifest:
    if not isinstance(value, dict):
        problems.append(Problem(file, path, "expected an object"))
        return Manifest()
    try:
        return _converter(detailed=True).structure(value, Manifest)
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        problems.extend(_problems_from(file, path, exc))
        return Manifest()


def _parse_json(file: str, data: bytes, problems: list[Problem]) -> Any:
    import json

    if not data.strip():
        problems.append(Problem(file, "$", "the file is empty; expected a JSON object"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(file, "$", f"not UTF-8 text: byte {exc.start} is {data[exc.start]:#04x}"))
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(file, "$", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"))
    except RecursionError:
        problems.append(Problem(file, "$", "not readable JSON: nested too deeply"))
    return None


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building many small objects trips the cyclic collector over and over, though none of them
    # forms a cycle; pausing it for the duration of a load is most of the cost at scale.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _converter(*, detailed: bool) -> cattrs.Converter:
    converter = _converters.get(detailed)
    if converter is None:
        from nato_ukraine.converters import make_converter

        converter = _converters[detailed] = make_converter(detailed_validation=detailed)
    return converter


def _structure_file(file: str, data: bytes, problems: list[Problem]) -> _Raw:
    raw = _Raw(file, [])
    value = _parse_json(file, data, problems)
    if value is None:
        return raw
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else type(value).__name__
        names = ", ".join(COLLECTIONS)
        problems.append(Problem(file, "$", f"expected an object whose keys are collection names ({names}), not {kind}"))
        return raw
    fast = _converter(detailed=False)
    for name, records in value.items():
        if name == "manifest":
            raw.manifest.append(_parse_manifest_value(file, records, problems))
            continue
        cls = COLLECTIONS.get(name)
        if cls is None:
            problems.append(
                Problem(file, f"$.{name}", f"unknown collection {name!r}; expected one of {', '.join(COLLECTIONS)}")
            )
            continue
        if not isinstance(records, list):
            problems.append(Problem(file, f"$.{name}", "expected a list of records"))
            continue
        structure = fast.get_structure_hook(cls)
        out = raw.records
        for index, item in enumerate(records):
            try:
                out.append((name, index, structure(item, cls)))
            except Exception:  # noqa: BLE001 - redone with detailed validation to explain it
                problems.extend(_explain(file, f"$.{name}[{index}]", item, cls))
    return raw


def _explain(file: str, path: str, item: object, cls: type[Record]) -> list[Problem]:
    try:
        _converter(detailed=True).structure(item, cls)
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        return _problems_from(file, path, exc)
    return [Problem(file, path, "could not be read")]  # pragma: no cover - the fast path failed alone


def _problems_from(file: str, path: str, exc: BaseException) -> list[Problem]:
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        found = [p for sub, item in items for p in _problems_from(file, f"{path}[{item.index!r}]", sub)]
        return found + [p for sub in rest for p in _problems_from(file, path, sub)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        found = [p for sub, field in fields for p in _problems_from(file, f"{path}.{field.name}", sub)]
        return found + [p for sub in rest for p in _problems_from(file, path, sub)]
    if isinstance(exc, ForbiddenExtraKeysError):
        extra = sorted(exc.extra_fields)
        known = ", ".join(a.name for a in attrs.fields(exc.cl)) if attrs.has(exc.cl) else ""
        what = "unknown field" + ("s " if len(extra) > 1 else " ") + ", ".join(repr(f) for f in extra)
        return [Problem(file, path, f"{what}; expected only: {known}")]
    if isinstance(exc, KeyError):
        return [Problem(file, path, "required field missing")]
    if isinstance(exc, RecursionError):
        return [Problem(file, path, "nested too deeply")]
    return [Problem(file, path, str(exc) or type(exc).__name__)]


def _build(
    source: tuple[list[tuple[str, bytes]], Manifest],
    *,
    base: Dataset | None = None,
    extra_files: list[tuple[str, bytes]] | None = None,
) -> Dataset:
    from nato_ukraine.dataset import Dataset

    files, manifest = source
    problems: list[Problem] = []
    with _gc_paused():
        raws = [_structure_file(file, data, problems) for file, data in [*files, *(extra_files or [])]]
        collections = _validate(raws, base, problems)
    if base is None:  # a single dataset file may carry its manifest under a "manifest" key
        manifest = next((m for raw in raws for m in raw.manifest), manifest)
    _check_coverage(manifest, collections, problems)
    if problems:
        raise DataError(_in_reading_order(problems))
    return Dataset._create(collections, manifest)


def _check_coverage(manifest: Manifest, collections: dict[str, list[Record]], problems: list[Problem]) -> None:
    sources = {record.id for record in collections["sources"]}
    for i, coverage in enumerate(manifest.coverage):
        path = f"$.coverage[{i}]"
        if coverage.collection not in COLLECTIONS:
            problems.append(Problem(MANIFEST, f"{path}.collection", f"unknown collection {coverage.collection!r}"))
        for j, source in enumerate(coverage.sources):
            if source not in sources:
                problems.append(Problem(MANIFEST, f"{path}.sources[{j}]", f"refers to {source!r}, which no source has"))


def _in_reading_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file, in the order each was found first, then collection by collection
    (in the order of COLLECTIONS, unknown names last) and record by record."""
    files = {file: i for i, file in enumerate(dict.fromkeys(p.file for p in problems))}
    collections = {name: i for i, name in enumerate(COLLECTIONS)}

    def key(problem: Problem) -> tuple[int, int, int]:
        # By record; a record's own problems keep the order of its fields (the sort is stable).
        match = re.match(r"\$\.([^.\[]+)(?:\[(\d+)\])?", problem.path)
        if match is None:
            return files[problem.file], -1, -1
        return files[problem.file], collections.get(match[1], len(collections)), int(match[2] or -1)

    return sorted(problems, key=key)


# For each record class: (field, collection its ids point into, many?).
_REFERENCES: dict[type, tuple[tuple[str, str, bool], ...]] = {
    Source: (),
    Body: (("parent", "bodies", False), ("predecessor", "bodies", False), ("successor", "bodies", False)),
    Programme: (("parent", "programmes", False), ("bodies", "bodies", True)),
    Event: (
        ("chair", "people", False),
        ("bodies", "bodies", True),
        ("programmes", "programmes", True),
        ("agreements", "agreements", True),
        ("operations", "operations", True),
        ("people", "people", True),
    ),
    Agreement: (("parties", "bodies", True),),
    Operation: (),
    Person: (),
}


def _validate(raws: list[_Raw], base: Dataset | None, problems: list[Problem]) -> dict[str, list[Record]]:
    """Check ids, references, citations and date order across every file, in one pass each."""
    collections: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
    where: dict[str, tuple[str, str]] = {}  # id -> (file, path) of the record that has it
    kind_of: dict[str, str] = {}  # id -> collection name
    if base is not None:
        for record in base.records():
            kind_of[record.id] = _collection_of(record)
            where[record.id] = ("the bundled data", kind_of[record.id])
            collections[kind_of[record.id]].append(record)
    placed: list[tuple[str, str, Record]] = []
    for raw in raws:
        for name, index, record in raw.records:
            path = f"$.{name}[{index}]"
            if not _SLUG.fullmatch(record.id):
                problems.append(
                    Problem(raw.file, f"{path}.id", f"{record.id!r} is not a slug (lower-case words joined by '-')")
                )
            if record.id in where:
                other_file, other_path = where[record.id]
                problems.append(
                    Problem(raw.file, f"{path}.id", f"{record.id!r} is already used at {other_file}: {other_path}")
                )
                continue
            where[record.id] = (raw.file, path)
            kind_of[record.id] = name
            collections[name].append(record)
            placed.append((raw.file, path, record))
    singular = {
        "bodies": "body",
        "programmes": "programme",
        "agreements": "agreement",
        "operations": "operation",
        "people": "person",
        "sources": "source",
        "events": "event",
    }

    def check_ref(file: str, path: str, ref: str, target: str) -> None:
        found = kind_of.get(ref)
        if found is None:
            problems.append(Problem(file, path, f"refers to {ref!r}, which no {singular[target]} has as its id"))
        elif found != target:
            problems.append(
                Problem(file, path, f"refers to {ref!r}, which is a {singular[found]}, not a {singular[target]}")
            )

    for file, path, record in placed:
        if not record.name.strip():
            problems.append(Problem(file, f"{path}.name", "a record needs a name"))
        for field, target, many in _REFERENCES[type(record)]:
            value = getattr(record, field)
            if many:
                for i, ref in enumerate(value):
                    check_ref(file, f"{path}.{field}[{i}]", ref, target)
            elif value is not None:
                check_ref(file, f"{path}.{field}", value, target)
        if isinstance(record, Source):
            continue
        if not record.citations:
            problems.append(Problem(file, f"{path}.citations", "a record needs at least one citation"))
        for i, citation in enumerate(record.citations):
            check_ref(file, f"{path}.citations[{i}].source", citation.source, "sources")
            if not citation.quote.strip():
                problems.append(Problem(file, f"{path}.citations[{i}].quote", "the quote is empty"))
            elif len(citation.quote) > MAX_QUOTE:
                problems.append(
                    Problem(
                        file,
                        f"{path}.citations[{i}].quote",
                        f"the quote is {len(citation.quote)} characters; at most {MAX_QUOTE}",
                    )
                )
        for check in _ORDER_CHECKS.get(type(record), ()):
            problem = check(record)
            if problem is not None:
                problems.append(Problem(file, f"{path}.{problem[0]}", problem[1]))
        if isinstance(record, Person):
            for i, role in enumerate(record.roles):
                if role.body is not None:
                    check_ref(file, f"{path}.roles[{i}].body", role.body, "bodies")
    return collections


def _collection_of(record: Record) -> str:
    for name, cls in COLLECTIONS.items():
        if type(record) is cls:
            return name
    raise TypeError(f"not a record: {record!r}")  # pragma: no cover


def _ends_in_order(start: str, end: str) -> Callable[[Any], tuple[str, str] | None]:
    def check(record: Any) -> tuple[str, str] | None:
        first: PartialDate | None = getattr(record, start)
        last: PartialDate | None = getattr(record, end)
        if first is not None and last is not None and last.latest < first.earliest:
            return end, f"{last} is before the {start.replace('_', ' ')} {first}"
        return None

    return check


_ORDER_CHECKS: dict[type, tuple[Callable[[Any], tuple[str, str] | None], ...]] = {
    Body: (_ends_in_order("established", "dissolved"),),
    Event: (_ends_in_order("date", "end"),),
    Agreement: (_ends_in_order("signed", "in_force"), _ends_in_order("signed", "ratified")),
}
