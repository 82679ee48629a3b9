"""Loading a dataset, in a straight line: read, parse, structure, validate, then the Dataset.

A dataset file is one JSON object whose keys are collection names, each a list of records (and,
optionally, ``manifest``: what ``manifest.json`` holds, as :meth:`Dataset.to_json` writes). The
bundled data is a directory of such files (``data/<collection>.json``, one key each) plus
``data/manifest.json``; a user's dataset is a file or a directory laid out the same way. The
same code reads all three:

1. **Read** the bytes of each file (:func:`read_location`, or the bundled resources).
2. **Parse** each with the standard library's :mod:`json` (:func:`parse`), refusing a file that
   gives a collection twice, which ``json.loads`` would keep only the last of.
3. **Structure** each list of records by the generated structurers of :mod:`nato_ukraine._struct`;
   a record they refuse is read again by the cattrs converter, with detailed validation, to
   say what is wrong with it (:func:`structure_document`).
4. **Validate**: place every record by id, once, then hold each list to the rules of its class
   (:mod:`nato_ukraine._rules`), asked of the whole list first and explained record by record
   only where one does not hold (:func:`validate`).
5. Make the :class:`~nato_ukraine.dataset.Dataset`.

Loading is all or nothing: every problem in every file is gathered into one
:class:`~nato_ukraine.exceptions.DataError`, and no dataset is made unless there are none. Every
step's state is its own load's; the cyclic garbage collector is paused for the load (see
:mod:`nato_ukraine._gc`), and only the first load of the bundled data holds a lock.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import attrs

from nato_ukraine._fields import field_specs
from nato_ukraine._gc import paused
from nato_ukraine._reading import MANIFEST, MAX_BYTES, UNREADABLE, Files, parse, read_bundled, read_location
from nato_ukraine._rules import Placed, id_path, rules_of
from nato_ukraine._struct import DateCache, Structurer, structurer
from nato_ukraine.dataset import Dataset
from nato_ukraine.exceptions import DataError, Problem
from nato_ukraine.models import COLLECTIONS, Manifest, Record

if TYPE_CHECKING:
    import cattrs

__all__ = ["COMPILE_FROM", "MANIFEST", "MAX_BYTES", "SCHEMA_VERSION", "STRUCTURING", "load"]

#: The newest version of the JSON form this package reads.
SCHEMA_VERSION = 2

#: How records are structured: ``"auto"``, by the generated structurers (compiled for a list of
#: :data:`COMPILE_FROM` records or more, else composed of readers), a refused record then by the
#: cattrs converter; ``"compiled"`` and ``"readers"``, always so; ``"converter"``, by the cattrs
#: converter alone. The one switch the tests turn, to hold the ways to the same results.
STRUCTURING = "auto"

#: The fewest records of a list whose class's structurer is compiled (see :mod:`nato_ukraine._struct`).
COMPILE_FROM = 500

_lock = threading.Lock()
_bundled: Dataset | None = None
_converters: list[cattrs.Converter] = []


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    extra: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Dataset:
    """Load a dataset: the bundled one, a user's, or the bundled one plus a user's records.

    ``load()`` parses the bundled data on first use, once, and returns the same immutable
    :class:`~nato_ukraine.dataset.Dataset` ever after; it is safe to call from many threads.

    Args:
        path: A dataset file (one JSON object keyed by collection name) or a directory laid
            out like the bundled ``data/`` (``events.json``, ``bodies.json``, ... and an
            optional ``manifest.json``). None for the bundled data.
        extra: A dataset file or directory of records to add to the bundled data, or to the
            dataset of ``path`` (a pinned snapshot, say). Its ids must not collide with theirs;
            its references may point into them.
        max_bytes: The most bytes read of any one file (1 GiB unless given): a larger file is
            refused, as is anything but a regular file or a directory of them (a named pipe,
            a device).

    Returns:
        The dataset.

    Raises:
        DataError: If any file is not valid, or a directory holds no collection file; it lists
            every problem found.
        FileNotFoundError: If ``path`` or ``extra`` does not exist.
        ValueError: If ``path`` or ``extra`` is an empty string.
    """
    base = _load_bundled() if path is None else _load(read_location(path, max_bytes))
    if extra is None:
        return base
    named = "the bundled data" if path is None else os.fspath(path)
    return _load(read_location(extra, max_bytes), base=base, base_name=named)


def _load_bundled() -> Dataset:
    global _bundled
    dataset = _bundled
    if dataset is None:
        with _lock:
            dataset = _bundled
            if dataset is None:
                dataset = _bundled = _load(read_bundled())
    return dataset


# ---------------------------------------------------------------------------------------------
# 3. Structure


class Content:
    """One file's records, structured.

    Attributes:
        file: The file's name.
        lists: For each collection key of the file, in order: its records that could be read,
            and the index in the file's list of each.
        unreadable: The records that could not be read but have an id: (id, collection,
            index). Their problems are reported; so their ids are taken, and references to
            them are not reported again as dangling.
        partial: The records that could not be read, as far as they could: (collection, index,
            the fields that could be read, each on its own), to hold to the rules that read
            only those, so that one bad field does not hide the record's other problems.
        manifest: The file's own ``manifest`` key, if it has one.
    """

    __slots__ = ("file", "lists", "manifest", "partial", "unreadable")

    def __init__(self, file: str) -> None:
        self.file = file
        self.lists: list[tuple[str, list[Record], Sequence[int]]] = []
        self.unreadable: list[tuple[str, str, int]] = []
        self.partial: list[tuple[str, int, SimpleNamespace]] = []
        self.manifest: Manifest | None = None


def structure_document(file: str, value: Any, dates: DateCache, problems: list[Problem]) -> Content:
    """The records of one parsed file, each list structured; the problems of those that cannot be."""
    content = Content(file)
    if value is UNREADABLE:
        return content
    if not isinstance(value, dict):
        kind = _JSON_TYPES.get(type(value), type(value).__name__)
        names = ", ".join(COLLECTIONS)
        problems.append(Problem(file, "$", f"expected an object whose keys are collection names ({names}), not {kind}"))
        return content
    for name, items in value.items():
        if name == "manifest":
            content.manifest = structure_manifest(file, "$.manifest", items, dates, problems)
        elif name not in COLLECTIONS:
            message = f"unknown collection {name!r}; expected one of {', '.join(COLLECTIONS)}"
            problems.append(Problem(file, f"$.{name}", message))
        elif not isinstance(items, list):
            problems.append(Problem(file, f"$.{name}", "expected a list of records"))
        else:
            _structure_list(content, name, items, dates, problems)
    return content


_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "a list",
}


def _structure_list(content: Content, name: str, items: list[Any], dates: DateCache, problems: list[Problem]) -> None:
    """Structure one list of records, each by the generated structurer, or else explained.

    Each item of the parsed list is let go as soon as its record is made, while it is still in
    the processor's cache: at a hundred thousand records, freeing the whole parsed file at the
    end instead costs about a fifth of the load.
    """
    cls = COLLECTIONS[name]
    structure = _structurer_for(cls, len(items))
    records: list[Record] = []
    append = records.append
    unread: list[int] = []
    for index, item in enumerate(items):
        try:
            append(structure(item, dates))
        except Exception:  # noqa: BLE001 - a record that is not well-formed: explained
            record, found = _structure_one(content.file, f"$.{name}[{index}]", item, cls, dates)
            if record is not None:
                append(record)
                continue
            problems.extend(found)
            unread.append(index)
            if isinstance(item, dict):
                if isinstance(item.get("id"), str):
                    content.unreadable.append((item["id"], name, index))
                content.partial.append((name, index, _readable_fields(item, cls, dates)))
        else:
            items[index] = None
    skipped = set(unread)
    indexes = [i for i in range(len(items)) if i not in skipped] if unread else range(len(items))
    content.lists.append((name, records, indexes))


def _readable_fields(item: dict[str, Any], cls: type, dates: DateCache) -> SimpleNamespace:
    """The fields of a record that could not be read whole which can be read each on its own."""
    readable = SimpleNamespace()
    for spec in field_specs(cls):
        if spec.name in item:
            try:
                value = _converter().structure(item[spec.name], spec.type)
            except Exception:  # noqa: BLE001 - reported already, by the record's explanation
                continue
            setattr(readable, spec.name, value)
    return readable


def _structurer_for(cls: type, count: int) -> Structurer:
    """The structurer for a list of ``count`` records of ``cls``, as :data:`STRUCTURING` says."""
    if STRUCTURING == "converter":
        return _never
    compiled = STRUCTURING == "compiled" or (STRUCTURING == "auto" and count >= COMPILE_FROM)
    return structurer(cls, compiled=compiled)


def _never(value: object, dates: DateCache) -> Any:
    raise TypeError("the fast path is off")


def _structure_one(file: str, path: str, value: object, cls: type[Any], dates: DateCache) -> tuple[Any, list[Problem]]:
    """One value as ``cls`` by cattrs, with every problem it finds."""
    try:
        return _converter().structure(value, cls), []
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        return None, _problems_from(file, path, exc)


def structure_manifest(file: str, path: str, value: object, dates: DateCache, problems: list[Problem]) -> Manifest:
    """A manifest from its JSON value; an empty one (with the problems) if it cannot be read."""
    if not isinstance(value, dict):
        problems.append(Problem(file, path, "expected an object"))
        return Manifest()
    if STRUCTURING != "converter":
        try:
            made: Manifest = _structurer_for(Manifest, 1)(value, dates)
        except Exception:  # noqa: BLE001 - explained below
            pass
        else:
            return made
    manifest, found = _structure_one(file, path, value, Manifest, dates)
    problems.extend(found)
    return Manifest() if manifest is None else manifest


def _converter() -> cattrs.Converter:
    """The loader's cattrs converter: made on first use, which a load of well-formed data never is."""
    if not _converters:
        from nato_ukraine.converters import make_converter

        _converters.append(make_converter(detailed_validation=True))
    return _converters[0]


def _problems_from(file: str, path: str, exc: BaseException) -> list[Problem]:
    """The problems in a cattrs error, each at its JSON path."""
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
        return _unknown_fields(file, path, exc.cl, sorted(exc.extra_fields))
    if isinstance(exc, KeyError):
        return [Problem(file, path, "required field missing")]
    if isinstance(exc, RecursionError):
        return [Problem(file, path, "nested too deeply")]
    return [Problem(file, path, str(exc) or type(exc).__name__)]


def _unknown_fields(file: str, path: str, cls: type, extra: list[str]) -> list[Problem]:
    """The problem of keys a class has no field for; a key an earlier schema version had is told
    which field took its place."""
    specs = field_specs(cls) if attrs.has(cls) else ()
    moved = {old: spec.name for spec in specs for old in spec.meaning.formerly}
    found = []
    unknown = [key for key in extra if key not in moved]
    if unknown:
        known = ", ".join(spec.name for spec in specs)
        what = "unknown field" + ("s " if len(unknown) > 1 else " ") + ", ".join(map(repr, unknown))
        found.append(Problem(file, path, f"{what}; expected only: {known}"))
    for key in extra:
        if key in moved:
            message = (
                f"{key!r} is a field of schema version 1; it is now {moved[key]!r}"
                " (`nato-ukraine migrate` rewrites a file in the current form)"
            )
            found.append(Problem(file, f"{path}.{key}", message))
    return found


# ---------------------------------------------------------------------------------------------
# 4. Validate, and 5. the Dataset


def _load(files: Files, *, base: Dataset | None = None, base_name: str = "") -> Dataset:
    problems: list[Problem] = []
    dates = DateCache()
    with paused():
        contents = []
        for file, data in files.collections:
            contents.append(structure_document(file, parse(file, data, problems), dates, problems))
        manifest, where = _manifest_of(files, contents, dates, problems)
        collections, by_id = validate(contents, base, problems, base_name)
        _check_manifest(manifest, where, Placed(collections, by_id), problems)
        if problems:
            raise DataError(_in_reading_order(problems))
        if base is not None:  # the bundled data's manifest, that of the records added to
            manifest = base.manifest
        return Dataset.from_validated(collections, manifest, by_id)


def _manifest_of(
    files: Files, contents: list[Content], dates: DateCache, problems: list[Problem]
) -> tuple[Manifest, tuple[str, str]]:
    """The manifest of what was read, and where it stands: a manifest file, or else a file's own
    ``manifest`` key; an empty one otherwise."""
    if files.manifest is not None:
        file, data = files.manifest
        value = parse(file, data, problems)
        if value is UNREADABLE:
            return Manifest(), (file, "$")
        return structure_manifest(file, "$", value, dates, problems), (file, "$")
    for content in contents:
        if content.manifest is not None:
            return content.manifest, (content.file, "$.manifest")
    return Manifest(), ("", "$")


def validate(
    contents: list[Content], base: Dataset | None, problems: list[Problem], base_name: str = ""
) -> tuple[dict[str, list[Record]], dict[str, Record]]:
    """Place every record by id, then hold each list of records to the rules of its class.

    Returns:
        The records of each collection (the base's first), and every record by id.
    """
    collections: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
    by_id: dict[str, Record] = {}
    if base is not None:
        for name, collection in base.collections().items():
            collections[name] += collection
            by_id.update(zip(collection.ids(), collection, strict=True))
    unreadable = (record_id for content in contents for record_id, _, _ in content.unreadable)
    placed = Placed(collections, by_id, unreadable)
    for file, name, records, indexes in _place(contents, base, placed, problems, base_name):
        rules = rules_of(COLLECTIONS[name])
        if all(rule.holds(records, placed) for rule in rules):
            continue
        for record, index in zip(records, indexes, strict=True):
            for rule in rules:
                for where, message in rule.explain(record, placed):
                    problems.append(Problem(file, f"$.{name}[{index}]{where}", message))
    for content in contents:
        for name, index, readable in content.partial:
            for rule in rules_of(COLLECTIONS[name]):
                if rule.fields <= vars(readable).keys():
                    for where, message in rule.explain(readable, placed):
                        problems.append(Problem(content.file, f"$.{name}[{index}]{where}", message))
    return collections, by_id


_Placed = list[tuple[str, str, list[Record], Sequence[int]]]


def _place(
    contents: list[Content], base: Dataset | None, placed: Placed, problems: list[Problem], base_name: str
) -> _Placed:
    """Place each file's records by id, into ``collections`` and ``by_id``: a list at a time,
    in C, when no id is used twice; else one by one (:func:`_place_one_by_one`).

    Returns:
        The lists placed: (file, collection, records, index of each in the file's list).
    """
    lists: _Placed = []
    collections, by_id = placed.collections, placed.by_id
    clean = not any(content.unreadable for content in contents)
    for content in contents:
        for name, records, indexes in content.lists:
            before = len(by_id)
            by_id.update(zip(placed.column(records, id_path(COLLECTIONS[name])), records, strict=True))
            clean = clean and len(by_id) == before + len(records)
            collections[name] += records
            lists.append((content.file, name, records, indexes))
    if clean:
        return lists
    return _place_one_by_one(contents, base, collections, by_id, problems, base_name)


def _place_one_by_one(
    contents: list[Content],
    base: Dataset | None,
    collections: dict[str, list[Record]],
    by_id: dict[str, Record],
    problems: list[Problem],
    base_name: str,
) -> _Placed:
    """Place each record by id in reading order, read or not: the first use of an id keeps it,
    and each later use is a problem that names the first."""
    first: dict[str, str] = {}
    for name in collections:
        collections[name] = []
    by_id.clear()
    if base is not None:
        for name, collection in base.collections().items():
            collections[name] += collection
            for record in collection:
                by_id[record.id] = record
                first[record.id] = f"{base_name}: {name}"
    placed: _Placed = []
    for content in contents:
        unreadable: dict[str, list[tuple[int, str]]] = {}
        for record_id, name, index in content.unreadable:
            unreadable.setdefault(name, []).append((index, record_id))
        for name, records, indexes in content.lists:
            uses: list[tuple[int, str, Record | None]] = [(i, r.id, r) for i, r in zip(indexes, records, strict=True)]
            uses += [(i, rid, None) for i, rid in unreadable.pop(name, [])]
            kept: list[Record] = []
            kept_indexes: list[int] = []
            for index, record_id, record in sorted(uses, key=lambda use: use[0]):
                where = f"$.{name}[{index}]"
                if record_id in first:
                    message = f"{record_id!r} is already used at {first[record_id]}"
                    problems.append(Problem(content.file, f"{where}.id", message))
                    continue
                first[record_id] = f"{content.file}: {where}"
                if record is not None:
                    by_id[record_id] = record
                    kept.append(record)
                    kept_indexes.append(index)
            collections[name] += kept
            placed.append((content.file, name, kept, kept_indexes))
        for name, uses_left in unreadable.items():  # a list none of whose records could be read
            for index, record_id in uses_left:
                where = f"$.{name}[{index}]"
                if record_id in first:
                    message = f"{record_id!r} is already used at {first[record_id]}"
                    problems.append(Problem(content.file, f"{where}.id", message))
                else:
                    first[record_id] = f"{content.file}: {where}"
    return placed


def _check_manifest(manifest: Manifest, where: tuple[str, str], placed: Placed, problems: list[Problem]) -> None:
    """Check what the manifest says against this package and the dataset's records."""
    file, path = where
    if manifest.schema_version != SCHEMA_VERSION:
        if manifest.schema_version < SCHEMA_VERSION:
            advice = "`nato-ukraine migrate` rewrites it in the current form"
        else:
            advice = "a newer nato-ukraine may read it"
        message = (
            f"schema version {manifest.schema_version} is not the one this version of nato_ukraine "
            f"reads ({SCHEMA_VERSION}); {advice}"
        )
        problems.append(Problem(file, f"{path}.schema_version", message))
    for i, coverage in enumerate(manifest.coverage):
        if coverage.collection not in COLLECTIONS:
            message = f"unknown collection {coverage.collection!r}"
            problems.append(Problem(file, f"{path}.coverage[{i}].collection", message))
    for rule in rules_of(Manifest):
        problems.extend(Problem(file, f"{path}{at}", message) for at, message in rule.explain(manifest, placed))


def _in_reading_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems grouped by file, in the order each was found first; within a file, collection by
    collection in the dataset's order, then record by record, and within a record in the order
    of its fields (problems of the record as a whole, such as an unknown key, last), and within
    a field by the position of the item (``participants[0]`` before ``participants[1]``)."""
    problems = list(problems)
    files = {file: i for i, file in enumerate(dict.fromkeys(p.file for p in problems))}
    order = {name: i for i, name in enumerate(COLLECTIONS)}

    def key(problem: Problem) -> tuple[int, int, int, int, tuple[int, ...]]:
        collection, _, rest = problem.path.removeprefix("$.").partition("[")
        index, bracket, field = rest.partition("]")
        if not problem.path.startswith("$.") or collection not in order or not (bracket and index.isdigit()):
            return files[problem.file], -1, -1, -1, ()
        names = [spec.name for spec in field_specs(COLLECTIONS[collection])]
        name = field.removeprefix(".").partition(".")[0].partition("[")[0]
        position = names.index(name) if name in names else len(names)
        items = tuple(int(number) for number in re.findall(r"\[([0-9]+)\]", field))
        return files[problem.file], order[collection], int(index), position, items

    return sorted(problems, key=key)
