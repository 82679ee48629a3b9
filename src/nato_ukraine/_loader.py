"""Read, structure, validate and cache datasets.

A dataset file is one JSON object whose keys are collection names, each a list of records (and,
optionally, ``manifest``: what ``manifest.json`` holds, as :meth:`Dataset.to_json` writes). The
bundled data is a directory of such files (``data/<collection>.json``, one key each) plus
``data/manifest.json``; a user's dataset is a file or a directory laid out the same way. The
same code reads all three.

Loading is all or nothing: every problem in every file is gathered into one
:class:`~nato_ukraine.exceptions.DataError`, and no dataset is built unless there are none.

How a load stays fast (see ``docs/performance.md``):

* Records are structured by plain functions made once per record class from its attrs fields
  (:func:`_structurer`), not by cattrs; for long lists, by code compiled from those fields that
  sets a record's slots without calling the frozen class (:func:`_compile_structurer`). They
  take well-formed records only; on anything else they give up, and the cattrs converter, with
  detailed validation, reads that record again to say exactly what is wrong (or, should it
  accept what the fast path refused, to structure it). Well-formed data never imports cattrs.
* In a large file, each collection's records are made as json parses them, by an object hook
  (:func:`_hook`) that turns each JSON object into a record while it is hot in the cache, holds
  it to its class's own rules and gathers the ids it refers to; anything it refuses has its
  list parsed again as plain JSON and read as above.
* The events of such a list are then put in order by one sort of texts made from what the
  hook kept of each (:func:`_order_key_lines`), not by two sorts over the records. The hook
  also notes the few records with aliases or an acronym, for the name index
  (:func:`_named_lines`).
* Equal date strings share one :class:`PartialDate`; ids in references and short labels that
  repeat (locations, locators) are interned (or, by the object hook, kept once per load), so a
  repeated string is stored once.
* The cyclic garbage collector is paused for the whole load: the records form no cycles, and
  at a hundred thousand records its passes would cost more than the parse.
* Validation asks of each whole collection, a field at a time and in C, whether all is well
  (of one made by the hook, only whether the ids it refers to are there), and goes record by
  record only to say what is not; the id index it builds is the dataset's.
"""

from __future__ import annotations

import enum
import os
import re
import sys
import threading
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from itertools import chain, compress
from operator import add, attrgetter
from typing import TYPE_CHECKING, Any, NoReturn, Union, get_args, get_origin

import attrs

from nato_ukraine.dates import PartialDate
from nato_ukraine.exceptions import DataError, Problem
from nato_ukraine.models import COLLECTIONS as MODEL_COLLECTIONS
from nato_ukraine.models import (
    Agreement,
    Body,
    Citation,
    Event,
    Manifest,
    Operation,
    Person,
    Programme,
    Record,
    Role,
    Source,
)

if TYPE_CHECKING:
    import cattrs

    from nato_ukraine.dataset import Dataset

__all__ = ["COLLECTIONS", "load"]

#: The collections of a dataset, in the order they load and their problems are listed (events,
#: which refer to every other kind, last), with the class of their records.
COLLECTIONS: Mapping[str, type[Record]] = {
    name: MODEL_COLLECTIONS[name]
    for name in ("sources", "bodies", "programmes", "agreements", "operations", "people", "events")
}

MANIFEST = "manifest.json"
MAX_QUOTE = 300
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # compiled on first use (re caches it), not on import


#: The ids that records made as their list was parsed refer to, by the collection they point into.
_References = Mapping[str, Iterable[str]]


class _Raw:
    """One file's records, structured, with where each came from.

    ``collections`` holds, for each collection key of the file in order, the records that could
    be structured, the index in the file's list of each (a ``range`` when none failed) and, if
    they were made as the list was parsed, every id they refer to, by collection (they are then
    known to keep each rule of their class but what their references point to).
    """

    __slots__ = ("collections", "file", "ids", "manifest", "named", "order_keys", "unreadable")

    def __init__(self, file: str) -> None:
        self.file = file
        self.collections: list[tuple[str, list[Record], Sequence[int], _References | None]] = []
        self.manifest: list[Manifest] = []  # a file's own "manifest" key, if any
        # The records that could not be read but have an id, as (id, collection, index): their
        # problems are reported, so references to them are not reported again as dangling.
        self.unreadable: list[tuple[str, str, int]] = []
        # For a collection made as it was parsed, the id of each record, and its order key if
        # its class has them (see _order_key_lines).
        self.ids: dict[str, list[str]] = {}
        self.order_keys: dict[str, list[str]] = {}
        # For a collection made as it was parsed, its records that have aliases or an acronym.
        self.named: dict[str, list[Record]] = {}


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
        DataError: If any file is not valid, or a directory holds no collection file; it lists
            every problem found.
        FileNotFoundError: If ``path`` or ``extra`` does not exist.
        ValueError: If both ``path`` and ``extra`` are given, or either is an empty string.
    """
    if path is not None and extra is not None:
        raise ValueError("give a dataset path or extra records, not both")
    if path is not None:
        return _build(_read_location(path))
    bundled = _load_bundled()
    if extra is None:
        return bundled
    files, _, _ = _read_location(extra)
    return _build(([], bundled.manifest, (MANIFEST, "$")), base=bundled, extra_files=files)


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
    # The standard library's files() API, as this package uses and tests it, is that of 3.11 on;
    # on 3.10 the backport provides it. (The stdlib module also imports faster than the backport.)
    if sys.version_info >= (3, 11):
        from importlib.resources import files
    else:
        from importlib_resources import files
    return files("nato_ukraine") / "data"


#: What a dataset is read from: its files (name and bytes), its manifest, and where that manifest
#: stands (file and JSON path; empty for a dataset without one), for the problems found in it.
_Source = tuple[list[tuple[str, bytes]], Manifest, tuple[str, str]]


def _read_bundled() -> _Source:
    data = _resources()
    problems: list[Problem] = []
    files = [(f"{name}.json", (data / f"{name}.json").read_bytes()) for name in COLLECTIONS]
    manifest = _parse_manifest(MANIFEST, (data / MANIFEST).read_bytes(), problems)
    if problems:
        raise DataError(problems)
    return files, manifest, (MANIFEST, "$")


def _read_location(location: str | os.PathLike[str]) -> _Source:
    from pathlib import Path  # imported on first use: `import nato_ukraine` does without it

    if not os.fspath(location):  # (Path("") is the current directory)
        raise ValueError("the dataset path is empty; give a dataset file or directory")
    path = Path(location)
    if not path.exists():
        raise FileNotFoundError(f"no such dataset file or directory: {str(path)!r}")
    if path.is_dir():
        problems: list[Problem] = []
        files: list[tuple[str, bytes]] = []
        expected = ", ".join(f"{name}.json" for name in COLLECTIONS)
        manifest = Manifest()
        where = ("", "")
        for child in sorted(path.iterdir()):
            if child.suffix != ".json":
                continue
            if child.name == MANIFEST:
                manifest = _parse_manifest(str(child), child.read_bytes(), problems)
                where = (str(child), "$")
            elif child.stem in COLLECTIONS:
                files.append((str(child), child.read_bytes()))
            else:
                problems.append(Problem(str(child), "$", f"not a collection file; expected one of {expected}"))
        if not files and not problems:
            problems.append(
                Problem(str(path), "$", f"no collection file in this directory; expected one of {expected}")
            )
        if problems:
            raise DataError(problems)
        return files, manifest, where
    return [(str(path), path.read_bytes())], Manifest(), ("", "")


def _parse_manifest(file: str, data: bytes, problems: list[Problem]) -> Manifest:
    value = _parse_json(file, data, problems)
    return Manifest() if value is None else _parse_manifest_value(file, value, problems, "$")


def _parse_manifest_value(file: str, value: object, problems: list[Problem], path: str = "$.manifest") -> Manifest:
    if not isinstance(value, dict):
        problems.append(Problem(file, path, "expected an object"))
        return Manifest()
    manifest, found = _structure_one(file, path, value, Manifest)
    problems.extend(found)
    return Manifest() if manifest is None else manifest


#: Reads the value of a key from an index of a text, and says where it ends; or None, to have
#: it read as plain JSON.
_ValueReader = Callable[[str, str, int], "tuple[Any, int] | None"]


_BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark


def _parse_json(file: str, data: bytes, problems: list[Problem], read_value: _ValueReader | None = None) -> Any:
    import json

    if not data or data.isspace():  # (not data.strip(): that copies the whole file)
        problems.append(Problem(file, "$", "the file is empty; expected a JSON object"))
        return None
    # A byte order mark is skipped, not decoded (the "utf-8-sig" codec would do the same, but
    # count a bad byte's place from after the mark, and cost an import).
    skip = 3 if data.startswith(_BOM) else 0
    try:
        text = str(memoryview(data)[skip:], "utf-8")  # (no copy of the bytes)
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        problems.append(Problem(file, "$", f"not UTF-8 text: byte {at} is {data[at]:#04x}"))
        return None
    try:
        pairs = _object_pairs(text, read_value)
        if pairs is None:  # not an object, or not valid JSON: json.loads says which
            return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(file, "$", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"))
        return None
    except RecursionError:
        problems.append(Problem(file, "$", "not readable JSON: nested too deeply"))
        return None
    value = dict(pairs)
    if len(value) < len(pairs):
        keys = [key for key, _ in pairs]
        for key in value:
            if keys.count(key) > 1:
                message = f"the key {key!r} is given {keys.count(key)} times; all but the last would be lost unseen"
                problems.append(Problem(file, "$", message))
    return value


def _object_pairs(text: str, read_value: _ValueReader | None = None) -> list[tuple[str, Any]] | None:
    """The keys and values of a JSON object, in order, a key given twice kept twice.

    json.loads keeps the last value of a key given more than once and drops the others unseen:
    a dataset file that gives "events" twice would lose records. So the object's own keys are
    read here, and each value by json's own scanner, for no more than json.loads costs (or by
    ``read_value``, given the key, the text and the index, when it returns a value).

    Returns:
        The pairs; None when the text is not one well-formed JSON object (json.loads then says
        what it is, or what is wrong with it).
    """
    from json import JSONDecoder

    scan = JSONDecoder().raw_decode  # one JSON value, from an index on

    def skip(at: int) -> int:
        """The index of the first character from ``at`` on that is not JSON's white space."""
        while text[at : at + 1] in (" ", "\t", "\n", "\r"):
            at += 1
        return at

    pairs: list[tuple[str, Any]] = []
    try:
        at = skip(0)
        if text[at : at + 1] != "{":
            return None
        at = skip(at + 1)
        if text[at : at + 1] == "}":  # an empty object
            at += 1
        else:
            while True:  # "key": value, then "," and the next, or "}"
                if text[at : at + 1] != '"':
                    return None
                key, at = scan(text, at)
                at = skip(at)
                if text[at : at + 1] != ":":
                    return None
                at = skip(at + 1)
                read = None if read_value is None else read_value(key, text, at)
                value, at = scan(text, at) if read is None else read
                pairs.append((key, value))
                at = skip(at)
                separator = text[at : at + 1]
                at += 1
                if separator == "}":
                    break
                if separator != ",":
                    return None
                at = skip(at)
    except ValueError:  # (json.JSONDecodeError is one)
        return None
    return pairs if skip(at) == len(text) else None


def _converter(*, detailed: bool = True) -> cattrs.Converter:
    """The loader's cattrs converter: made on first use, which a load of well-formed data never is."""
    converter = _converters.get(detailed)
    if converter is None:
        from nato_ukraine.converters import make_converter

        converter = _converters[detailed] = make_converter(detailed_validation=detailed)
    return converter


# ---------------------------------------------------------------------------------------------
# The fast path: structuring well-formed records without cattrs
#
# A structurer is made once per class from its attrs fields and their types: a dict of one
# reader per field, each of which checks a JSON value's type and converts it (a date string
# to a shared PartialDate, an enum value to its member, a list to a tuple, an object to a
# nested record). Any surprise raises, and the caller hands the record to cattrs.
#
# Each reader is called once per field of every record, so where a builtin does the job it is
# the reader itself, and no Python frame is spent on it: ``str.__str__`` returns a str as it is
# and raises TypeError for anything else; ``sys.intern`` does the same and interns it; a dict's
# ``__getitem__`` looks an enum member up by its value (raising for anything that is not one).


class _Unsupported(Exception):
    """A field type the fast path has no reader for; its class is always read by cattrs."""


def _reject(value: object) -> NoReturn:
    raise TypeError(f"unexpected {type(value).__name__}")


_read_str: Callable[[Any], str] = str.__str__
_read_shared_str: Callable[[Any], str] = sys.intern


def _read_optional_str(value: object) -> str | None:
    return None if value is None else _read_str(value)


def _read_optional_shared_str(value: object) -> str | None:
    return None if value is None else _read_shared_str(value)


def _read_int(value: object) -> int:
    if type(value) is not int:  # not a bool, not a float: cattrs decides about those
        _reject(value)
    return value


def _read_strs(value: object) -> tuple[str, ...]:
    if type(value) is not list:  # (a string would be split into its characters)
        _reject(value)
    return tuple(map(str.__str__, value))


def _read_shared_strs(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        _reject(value)
    return tuple(map(sys.intern, value))


class _DateCache(dict[str, PartialDate]):
    """Date strings and their dates: one object per distinct string, which saves both the
    parse and the memory (a century of days is 36,525 strings, and most data has far fewer).

    A hit is a plain dict lookup, in C; a miss parses the string. Bounded, in case a file
    holds nothing but distinct dates.
    """

    LIMIT = 65536

    def __missing__(self, text: str) -> PartialDate:
        date = PartialDate.parse(text)  # TypeError for anything but a string
        if len(self) >= self.LIMIT:
            self.clear()
        self[text] = date
        return date


_dates = _DateCache()
_read_date: Callable[[Any], PartialDate] = _dates.__getitem__


def _optional(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read_optional(value: object) -> Any:
        return None if value is None else read(value)

    return read_optional


def _many(read: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def read_many(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            _reject(value)
        return tuple(map(read, value))

    return read_many


#: Fields whose strings repeat across records: ids in references and short labels. Interning
#: them stores each distinct string once (prose fields, unique per record, are left alone).
_SHARED_FIELDS = frozenset(
    {
        "agreements",
        "areas",
        "bodies",
        "body",
        "chair",
        "collection",
        "location",
        "locator",
        "operations",
        "parent",
        "parties",
        "people",
        "predecessor",
        "programmes",
        "publisher",
        "region",
        "source",
        "sources",
        "successor",
    }
)


def _reader(type_: Any, shared: bool, compiled: bool = False, hooked: bool = False) -> Callable[[Any], Any]:
    """A function that reads a JSON value as ``type_``, or raises.

    ``hooked``: the value was parsed by a decoder whose object hook (:func:`_hook`) has made
    every JSON object a record already; a nested record is then checked for its class.
    """
    origin, args = get_origin(type_), get_args(type_)
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        if inner is str:
            return _read_optional_shared_str if shared else _read_optional_str
        return _optional(_reader(inner, shared, compiled, hooked))
    if type_ is str:
        return _read_shared_str if shared else _read_str
    if type_ is int:
        return _read_int
    if type_ is PartialDate:
        return _read_date
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return _read_shared_strs if shared else _read_strs
        return _many(_reader(args[0], shared, compiled, hooked))
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {member.value: member for member in type_}.__getitem__
    if isinstance(type_, type) and attrs.has(type_):
        structure = _structurer(type_, compiled=compiled, hooked=hooked)
        if structure is None:
            raise _Unsupported(type_)
        return _instance_of(type_) if hooked else structure
    raise _Unsupported(type_)


def _instance_of(cls: type) -> Callable[[Any], Any]:
    """A reader of a record the object hook has made already: its class is checked, nothing more."""

    def read_instance(value: object) -> Any:
        if type(value) is not cls:
            _reject(value)
        return value

    return read_instance


def _field_types(cls: type) -> dict[str, Any]:
    """The type of each attrs field of ``cls``, from its annotation.

    The record classes' annotations are strings (``from __future__ import annotations``) of
    three forms: ``X``, ``X | None`` and ``tuple[X, ...]``, X a builtin or a name of the module.
    Those are resolved here by name, as a first load cannot afford ``typing.get_type_hints``,
    which compiles every string anew (for every class a field is inherited by); any other
    form is left to it.
    """
    namespace = {"str": str, "int": int, **vars(sys.modules[cls.__module__])}

    def resolve(text: str) -> Any:
        if text.endswith(" | None"):
            return resolve(text[: -len(" | None")]) | None
        if text.startswith("tuple[") and text.endswith(", ...]"):
            return tuple[resolve(text[len("tuple[") : -len(", ...]")]), ...]  # type: ignore[misc]
        if text.isidentifier() and text in namespace:
            return namespace[text]
        raise NameError(text)

    fields = attrs.fields(cls)
    try:
        return {field.name: resolve(field.type) if isinstance(field.type, str) else field.type for field in fields}
    except NameError:
        from typing import get_type_hints

        return get_type_hints(cls)


_structurers: dict[tuple[type, bool, bool], Callable[[Any], Any] | None] = {}

#: The fewest records of a class in one list for which its structurer is compiled: compiling
#: costs about half a millisecond a class, which a few hundred records repay. (The bundled
#: data, a few hundred records in all, is read without.)
COMPILE_FROM = 500


def _structurer(cls: type, *, compiled: bool = True, hooked: bool = False) -> Callable[[Any], Any] | None:
    """The fast structurer of an attrs class (made on first use), or None if it has none.

    Compiled (:func:`_compile_structurer`) for the many records of a large list, where the
    class allows; otherwise one that calls the class, ready at once. ``hooked``: one for the
    object hook of :func:`_hook`, which takes nested records as made already (and is compiled).
    """
    compiled = compiled or hooked
    try:
        return _structurers[cls, compiled, hooked]
    except KeyError:
        pass
    structure: Callable[[Any], Any] | None = None
    try:
        hints, readers = _readers(cls, compiled, hooked)
        if compiled and _twin(cls) is not None:
            structure = _compile_structurer(cls, readers, hints, hooked=hooked)
        elif not (hooked and _has_rules(cls)):  # (a hooked one holds records to their rules)
            structure = _kwargs_structurer(cls, readers)
    except (_Unsupported, NameError, TypeError):
        structure = None
    _structurers[cls, compiled, hooked] = structure
    return structure


def _readers(cls: type, compiled: bool, hooked: bool) -> tuple[dict[str, Any], dict[str, Callable[[Any], Any]]]:
    """The type of each field of ``cls`` and the reader of each (:func:`_reader`), by name."""
    hints = _field_types(cls)
    readers = {f.name: _reader(hints[f.name], f.name in _SHARED_FIELDS, compiled, hooked) for f in attrs.fields(cls)}
    return hints, readers


def _kwargs_structurer(cls: type, readers: dict[str, Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """A structurer that calls the class, ready at once: for short lists, and for classes whose
    ``__init__`` does more than store its arguments (converters, validators,
    ``__attrs_post_init__``), such as Period."""

    def structure(value: Any) -> Any:
        # Anything but an object has no .items(), an unknown key fails the lookup, a missing
        # required one the call: each raises. (A plain loop: on Python 3.11 a comprehension
        # is a call of its own, for every record.)
        kwargs = {}
        for key, item in value.items():
            kwargs[key] = readers[key](item)
        return cls(**kwargs)

    return structure


_twins: dict[type, type | None] = {}


def _twin(cls: type) -> type | None:
    """A mutable twin of a frozen, slotted attrs class whose ``__init__`` only stores its arguments.

    Setting the slots of a frozen instance costs a call of ``object.__setattr__`` each, which
    for an event of seventeen fields is more than ``json.loads`` spends reading it. The twin is
    a subclass that adds nothing (no slot, no field) but lets its attributes be set: a record is
    made as a twin, its slots set by plain assignment, and then given its true class, which
    CPython allows between classes of the same layout. What comes out is exactly what
    ``cls(...)`` makes: an instance of ``cls``, frozen, every field set.

    None for a class this does not fit (the fast structurer then calls the class).
    """
    try:
        return _twins[cls]
    except KeyError:
        pass
    fields = attrs.fields(cls)
    fits = (
        "__slots__" in vars(cls)
        and not any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__"))
        and all(f.validator is None and f.converter is None and f.init for f in fields)
        and not any(isinstance(f.default, attrs.Factory) and f.default.takes_self for f in fields)  # type: ignore[arg-type]
        and _slots(cls) == {f.name for f in fields}
    )
    twin = None
    if fits:
        namespace = {
            "__slots__": (),
            "__init__": object.__init__,  # made empty; its slots are then set one by one
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
        }
        twin = type(f"_Mutable{cls.__name__}", (cls,), namespace)
    _twins[cls] = twin
    return twin


def _slots(cls: type) -> set[str]:
    """The data slots of a class and its bases (not ``__weakref__`` nor ``__dict__``)."""
    names: set[str] = set()
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        names.update((slots,) if isinstance(slots, str) else slots)
    return names - {"__weakref__", "__dict__"}


def _compile_structurer(
    cls: type,
    readers: dict[str, Callable[[Any], Any]],
    hints: dict[str, Any],
    *,
    hooked: bool = False,
    dispatch: Sequence[tuple[str, Callable[[Any], Any]]] = (),
) -> Callable[[Any], Any]:
    """A structurer written for ``cls``, as attrs and cattrs write their methods: its source is
    made from the class's fields alone (never from data), once, then compiled. It reads a
    record into a twin (:func:`_twin`), a line or two per field, and then gives it its class.

    A key the class has not, a missing required one, a value of the wrong type: each raises,
    and the caller hands the record to cattrs, which says what is wrong.

    ``hooked``: nested records are taken as made already (by the object hook), their class
    checked; references are gathered, and the record held to the rules of its class that
    validation would check it against one by one (:func:`_rule_lines`). ``dispatch``: (key,
    structurer) pairs tried first, in order: an object with that key is handed to that
    structurer instead (how an object hook tells a record's classes apart, see :func:`_hook`).
    """
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {
        "_twin": _twin(cls),
        "_cls": cls,
        "_reject": _reject,
        "_intern": sys.intern,
        "_dates": _dates,
    }
    targets = {field: target for field, target, _ in _references_of(cls)} if hooked else {}
    read: dict[str, str] = {}  # for each field, the expression that reads it from `x`
    default: dict[str, str | None] = {}  # each field's default; None if it is required
    for field in fields:
        name = field.name
        if not name.isidentifier():  # attrs allows no other; the source is made of these names
            raise _Unsupported(cls)
        share = f"_share_{targets[name]}" if name in targets else None
        try:
            read[name] = _expression(hints[name], name in _SHARED_FIELDS, namespace, "x", hooked, share)
        except _Unsupported:
            if share is not None:  # a reference the hook could not gather: no hook for the class
                raise
            read[name] = f"{_bind(namespace, readers[name])}(x)"
        if field.default is attrs.NOTHING:
            default[name] = None
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            default[name] = f"{_bind(namespace, field.default.factory)}()"
        else:
            default[name] = _bind(namespace, field.default)

    # Every key read is one of the class's fields; so the record has no other key if it has as
    # many keys as were read (counted as they are, which costs less than comparing key sets).
    required = sum(made is None for made in default.values())
    lines = ["def structure(value):"]
    lines += _dispatch_lines(dispatch, namespace)
    lines += ["    record = _twin()", f"    keys = {required}"]
    for name, made in default.items():
        if made is None:
            lines += [f"    x = value[{name!r}]", f"    record.{name} = {read[name]}"]
        else:
            lines += [
                f"    if {name!r} in value:",
                f"        x = value[{name!r}]",
                f"        record.{name} = {read[name]}",
                "        keys += 1",
                "    else:",
                f"        record.{name} = {made}",
            ]
    lines += [
        "    if len(value) != keys or type(value) is not dict:",  # a key too many, or not an object
        "        _reject(value)",
    ]
    if hooked:
        lines += _rule_lines(cls, namespace)
        lines += _order_key_lines(cls, namespace)
        lines += _named_lines(cls, namespace)
        if targets:
            _share_references(namespace)
    lines += ["    record.__class__ = _cls", "    return record"]
    return _compiled(lines, f"structure {cls.__qualname__}", namespace)


def _compiled(lines: list[str], name: str, namespace: dict[str, Any]) -> Callable[[Any], Any]:
    """The function ``structure`` that ``lines`` define, compiled in ``namespace``: the one place
    the loader runs code it writes (from classes' fields, never from data)."""
    exec(compile("\n".join(lines), f"<nato_ukraine {name}>", "exec"), namespace)
    structure: Callable[[Any], Any] = namespace["structure"]
    return structure


_hooks: dict[type, Callable[[dict[str, Any]], Any] | None] = {}


def _hook(cls: type) -> Callable[[dict[str, Any]], Any] | None:
    """An object hook for ``json``'s decoder that reads a list of ``cls`` records as it parses.

    The decoder hands the hook every JSON object it has parsed, innermost first, while it is
    still hot in the processor's cache; the hook makes it a record at once (a citation, then
    the event that holds it, which takes the citation as made). Read in two passes, parse then
    structure, a large file's objects have long left the cache when they are read again: the
    hook saves about a third of the time the two passes take, and never holds the whole file's
    objects at once.

    The hook tells the classes that may stand in a list of ``cls`` records (``cls`` and those
    nested in it) apart by a *marker*: a key each requires that none of the others has. An
    object with a class's marker is read as that class; one with none, as the one class without
    a marker, or else as ``cls``. Well-formed data is never misread so, and a mistake costs no
    more than a record refused: each structurer takes only an object that is wholly a record of
    its class, and each place a record goes (a field, the list) checks the record's class.

    None if the classes cannot be told apart so (two without a marker), or have no structurer.
    """
    try:
        return _hooks[cls]
    except KeyError:
        pass
    try:
        hook = _make_hook(cls)
    except (_Unsupported, NameError, TypeError):
        hook = None
    _hooks[cls] = hook
    return hook


def _make_hook(cls: type) -> Callable[[dict[str, Any]], Any] | None:
    group = _nested_classes(cls)
    structurers: dict[type, Callable[[Any], Any]] = {}
    for member in group:
        structure = _structurer(member, hooked=True)
        if structure is None:
            return None
        structurers[member] = structure
    names = {member: {field.name for field in attrs.fields(member)} for member in group}
    markers: dict[type, str] = {}
    for member in group:
        others = set().union(*(names[other] for other in group if other is not member))
        required = [field.name for field in attrs.fields(member) if field.default is attrs.NOTHING]
        marker = next((name for name in required if name not in others), None)
        if marker is not None:
            markers[member] = marker
    unmarked = [member for member in group if member not in markers]
    if len(unmarked) > 1:
        return None
    default = unmarked[0] if unmarked else cls
    dispatch = [(markers[member], structurers[member]) for member in group if member is not default]
    if not dispatch:
        return structurers[default]
    if _twin(default) is not None:  # the tests go first in the default class's own code
        hints, readers = _readers(default, compiled=True, hooked=True)
        return _compile_structurer(default, readers, hints, hooked=True, dispatch=dispatch)
    namespace: dict[str, Any] = {}
    lines = ["def structure(value):", *_dispatch_lines(dispatch, namespace)]
    lines.append(f"    return {_bind(namespace, structurers[default])}(value)")
    return _compiled(lines, f"hook {cls.__qualname__}", namespace)


def _dispatch_lines(dispatch: Sequence[tuple[str, Callable[[Any], Any]]], namespace: dict[str, Any]) -> list[str]:
    """Source lines that hand ``value`` to the structurer of the first key it has."""
    lines = []
    for key, structure in dispatch:
        if not key.isidentifier():  # a field's name, as attrs allows no other
            raise _Unsupported(key)
        lines += [f"    if {key!r} in value:", f"        return {_bind(namespace, structure)}(value)"]
    return lines


def _nested_classes(cls: type) -> list[type]:
    """``cls`` and every attrs class its fields hold as JSON objects, however deep, each once."""
    found = [cls]
    for member in found:  # (grows as it goes)
        todo = list(_field_types(member).values())
        while todo:
            current = todo.pop()
            todo.extend(get_args(current))
            if current is PartialDate:  # read from a string, never from an object
                continue
            if isinstance(current, type) and attrs.has(current) and current not in found:
                found.append(current)
    return found


def _rule_lines(cls: type, namespace: dict[str, Any]) -> list[str]:
    """Source lines that refuse a record made by an object hook (in ``record``) that breaks a
    rule of its class which validation checks record by record: a blank name, no citation, an
    empty or overlong quote, an end before its start (as :func:`_all_well` does for a list).

    What a reference points to is known only once every file is read: references are gathered
    as they are read instead (:func:`_share_references`). A refused record costs nothing but
    time: its list is read again the plain way, and validation says what is wrong with it.
    """
    tests = []
    if cls in _COLLECTION_OF:
        tests.append("not record.name.strip()")  # (a blank name strips to "")
        if cls is not Source:
            tests.append("not record.citations")
    if cls is Citation:
        tests.append(f"not record.quote.strip() or len(record.quote) > {MAX_QUOTE}")
    for start, end in _ORDERS.get(cls, ()):
        out_of_order = _bind(namespace, _out_of_order)
        tests.append(f"record.{end} is not None and {out_of_order}(record, {start!r}, {end!r}) is not None")
    return [line for test in tests for line in (f"    if {test}:", "        _reject(value)")]


def _has_rules(cls: type) -> bool:
    """Whether validation holds records of ``cls`` to rules of their own, or gathers references from them."""
    return cls in _COLLECTION_OF or cls is Citation or bool(_references_of(cls))


def _references_of(cls: type) -> tuple[tuple[str, str, bool], ...]:
    """The references a record of ``cls`` holds: (field, collection its ids point into, many?)."""
    return _REFERENCES.get(cls) or _NESTED_REFERENCES.get(cls, ())


#: For each collection a reference may point into, a dict of the ids referred to in the list an
#: object hook is reading, each id the key and the value (one string, however often referred to).
_shares: dict[str, dict[str, str]] = {}
#: The namespaces of the hooked structurers that keep references in ``_shares``.
_sharing: list[dict[str, Any]] = []
#: Held while an object hook reads a list: the structurers' ``_shares`` are those of one list.
_hooking = threading.Lock()


def _share_references(namespace: dict[str, Any]) -> None:
    """Give a hooked structurer's code the dicts it keeps references in, ``_share_<collection>``
    (each a dict's ``setdefault``: it returns the string kept for an id, keeping it if new)."""
    _sharing.append(namespace)
    for target in _REFERENCE_TARGETS:
        namespace[f"_share_{target}"] = _shares.setdefault(target, {}).setdefault


def _new_shares() -> tuple[dict[str, dict[str, str]], dict[str, list[Any]]]:
    """Give every hooked structurer new, empty dicts to keep references in and new, empty lists
    to keep what else it keeps (:func:`_keep`); what was kept since the last call: the
    references, by collection, and the other lists, by what they keep."""
    global _shares, _kept
    shared, _shares = _shares, {target: {} for target in _REFERENCE_TARGETS}
    for namespace in _sharing:
        namespace.update({f"_share_{target}": ids.setdefault for target, ids in _shares.items()})
    kept, _kept = _kept, {what: [] for what in _kept}
    for namespace, what in _keeping:
        namespace[f"_keep_{what}"] = _kept[what].append
    return shared, kept


#: What hooked structurers keep as they make records, besides references, since the last
#: :func:`_new_shares`, each a list in the order made: ``"order_keys"``, what each record's
#: order key is made from (:func:`_order_key_lines`), and ``"named"``, the records that have
#: aliases or an acronym (:func:`_named_lines`).
_kept: dict[str, list[Any]] = {"order_keys": [], "named": []}
#: The namespaces of the hooked structurers that keep something, and what.
_keeping: list[tuple[dict[str, Any], str]] = []


def _keep(namespace: dict[str, Any], what: str) -> str:
    """The name, in a hooked structurer's ``namespace``, of the ``append`` of its list ``what``
    of :data:`_kept` (made new by each :func:`_new_shares`)."""
    _keeping.append((namespace, what))
    namespace[f"_keep_{what}"] = _kept[what].append
    return f"_keep_{what}"


#: The classes whose collection holds them in the order of their dates, and then of their ids
#: (as ``dataset._in_order`` does): for each, its (date, end) fields. A record of one made by an
#: object hook keeps what its *order key* is made from (:func:`_order_key_lines`).
_ORDER_KEYS: dict[type, tuple[str, str]] = {Event: ("date", "end")}
_NUL = "\x00"  # before every character of a date or an id (see _order_key_lines)


class _OrderStarts(dict[Any, str]):
    """The start of an order key (see :func:`_order_key_lines`), by what a record made by an
    object hook leaves: its date string, when it has no end (the date in ISO form and two
    NULs), or its date and end strings (each in ISO form, and a NUL after each)."""

    def __missing__(self, dates: str | tuple[str, str]) -> str:
        if isinstance(dates, tuple):
            start = f"{_dates[dates[0]]}{_NUL}{_dates[dates[1]]}{_NUL}"
        else:
            start = f"{_dates[dates]}{_NUL}{_NUL}"
        if len(self) >= _DateCache.LIMIT:
            self.clear()
        self[dates] = start
        return start


_order_starts = _OrderStarts()


def _order_key_lines(cls: type, namespace: dict[str, Any]) -> list[str]:
    """Source lines that keep what makes the order key of a record made by an object hook (in
    ``record``, from ``value``), for a class in :data:`_ORDER_KEYS`: its date string, or its
    date and end strings when it has an end. Nothing is made here (they are strings the parse
    made): the keys are made from them once the list is read (:func:`_read_structured`).

    An order key is a text whose order as text is the records' order in their collection: the
    date in ISO form, NUL, the end in ISO form (nothing when there is none), NUL, the id. ISO
    forms order as the dates do (``"2017"`` < ``"2017-06"`` < ``"2017-06-09"`` < ``"2017-07"``),
    NUL comes before every character they and ids have (so a date ends before one that goes on,
    and no end before any), and ids order as text. They let a large collection be put in order
    by one sort of texts, instead of a sort by id and another by date over records spread
    through memory (see ``dataset._in_key_order``).
    """
    if cls not in _ORDER_KEYS:
        return []
    start, end = _ORDER_KEYS[cls]
    keep = _keep(namespace, "order_keys")
    return [f"    {keep}(value[{start!r}] if record.{end} is None else (value[{start!r}], value[{end!r}]))"]


def _named_lines(cls: type, namespace: dict[str, Any]) -> list[str]:
    """Source lines that keep a record made by an object hook (in ``record``) that has aliases or
    an acronym, for a collection's class: the few records a name index files under other names
    than their own, noted here for the price of a test, instead of looked for among them all
    (see ``dataset._name_index``)."""
    if cls not in _COLLECTION_OF:  # (every record has aliases and an acronym)
        return []
    return ["    if record.aliases or record.acronym:", f"        {_keep(namespace, 'named')}(record)"]


class _Structured:
    """A collection's records, made as its list was parsed (see :func:`_read_structured`), each
    held to its class's own rules: with their ids, every id they refer to, by the collection it
    is in, (for a class in :data:`_ORDER_KEYS`) the order key of each record, else None, and
    the records among them that have aliases or an acronym, in order."""

    __slots__ = ("ids", "named", "order_keys", "records", "references")

    def __init__(
        self,
        records: list[Any],
        ids: list[str],
        references: _References,
        order_keys: list[str] | None,
        named: list[Any],
    ) -> None:
        self.records = records
        self.ids = ids
        self.references = references
        self.order_keys = order_keys
        self.named = named


#: The smallest file, in bytes, whose collections are read as they are parsed (:func:`_hook`):
#: making the hooks' code costs about a millisecond a class, once, which a few hundred records
#: repay. (The files of the bundled data are smaller.)
HOOK_FROM = 256 * 1024


def _read_structured(key: str, text: str, at: int) -> tuple[_Structured, int] | None:
    """The records of collection ``key``, made while its list is parsed from ``text[at:]``,
    and where the list ends; None if they cannot all be made so, if it is not a list of records
    or if an id is not a slug (then it is parsed as plain JSON, and read again, record by
    record, for validation to say what is wrong).
    """
    from json import JSONDecoder

    from nato_ukraine.dataset import _BLOCK

    cls = COLLECTIONS.get(key)
    if cls is None or text[at : at + 1] != "[":
        return None
    parsed: tuple[Any, int] | None = None
    with _hooking:
        hook = _hook(cls)
        if hook is None:
            return None
        _new_shares()  # (none kept from before, such as by a hook used outside a load)
        with suppress(Exception):  # a record that is not well-formed, or no JSON at all: read as plain JSON
            parsed = JSONDecoder(object_hook=hook).raw_decode(text, at)
        references, kept = _new_shares()
    order_keys, named = kept["order_keys"], kept["named"]
    if parsed is None:
        return None
    records, end = parsed
    # A block of records at a time, while it is in the processor's cache: the records' classes
    # checked, their ids read and checked to be slugs, and (for a class in _ORDER_KEYS) each
    # record's order key made, the start its dates make then its id (in C, side by side).
    only = {cls}
    ids: list[str] = []
    keys: list[str] | None = [] if len(order_keys) == len(records) else None
    start_of = _order_starts.__getitem__
    for first in range(0, len(records), _BLOCK):
        block = records[first : first + _BLOCK]
        if not only.issuperset(map(type, block)):  # an item that is not a record of the class
            return None
        block_ids = list(map(_record_id, block))
        if not _all_slugs(block_ids):  # (read again the plain way: validation says which)
            return None
        ids += block_ids
        if keys is not None:
            keys += map(add, map(start_of, order_keys[first : first + _BLOCK]), block_ids)
    return _Structured(records, ids, references, keys, named), end


def _bind(namespace: dict[str, Any], value: object) -> str:
    """A new name in ``namespace`` for ``value``."""
    name = f"_v{len(namespace)}"
    namespace[name] = value
    return name


def _expression(
    type_: Any, shared: bool, namespace: dict[str, Any], x: str, hooked: bool = False, share: str | None = None
) -> str:
    """The source of an expression that reads the JSON value in variable ``x`` as ``type_``, or
    raises.

    Each does what the reader of :func:`_reader` does, written out so that no call is spent
    where an operator does the job (a dict lookup for a date or an enum member, ``type(x) is
    str`` for a string: CPython runs both without a call). ``hooked``: a nested record has been
    made already, by the object hook; its class is checked. ``share``: the strings are ids of
    records of another collection, each kept once in that name's dict of the load (see
    :func:`_share_references`), which stores an id referred to many times once and says which
    ids the load referred to.
    """
    origin, args = get_origin(type_), get_args(type_)
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        return f"None if {x} is None else ({_expression(inner, shared, namespace, x, hooked, share)})"
    if type_ is str:
        if share is not None:
            return f"{share}({x}, {x}) if type({x}) is str else _reject({x})"
        return f"_intern({x})" if shared else f"{x} if type({x}) is str else _reject({x})"
    if type_ is int:
        return f"{x} if type({x}) is int else _reject({x})"  # not a bool, not a float: cattrs decides
    if type_ is PartialDate:
        return f"_dates[{x}]"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if hooked and isinstance(item, type) and attrs.has(item):
            if _structurer(item, hooked=True) is None:
                raise _Unsupported(item)
            # Every item made by the hook already, and of that class: all checked in one call.
            only = _bind(namespace, frozenset({item}))
            general = f"tuple({x}) if type({x}) is list and {only}.issuperset(map(type, {x})) else _reject({x})"
        elif item is str and share is not None:
            each = f"{share}(y, y) if type(y) is str else _reject(y)"
            general = f"tuple([{each} for y in {x}]) if type({x}) is list else _reject({x})"
        else:
            if item is str:
                read = "_intern" if shared else _bind(namespace, _read_str)
            elif isinstance(item, type) and attrs.has(item) and (structure := _structurer(item)) is not None:
                read = _bind(namespace, structure)
            else:
                read = _bind(namespace, _reader(item, shared, compiled=True))
            general = f"tuple(map({read}, {x})) if type({x}) is list else _reject({x})"  # (a string is no list)
        # A list of one or two items, the most there are, is read item by item, written out: a
        # map and a tuple made from it cost more than the items' own reading.
        try:
            first, second = (_expression(item, shared, namespace, f"{x}[{i}]", hooked, share) for i in (0, 1))
        except _Unsupported:
            return general
        return (
            f"({first},) if type({x}) is list and len({x}) == 1"
            f" else ({first}, {second}) if type({x}) is list and len({x}) == 2"
            f" else {general}"
        )
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return f"{_bind(namespace, {member.value: member for member in type_})}[{x}]"
    if isinstance(type_, type) and attrs.has(type_):
        structure = _structurer(type_, hooked=hooked)
        if structure is None:
            raise _Unsupported(type_)
        if hooked:
            return f"{x} if type({x}) is {_bind(namespace, type_)} else _reject({x})"
        return f"{_bind(namespace, structure)}({x})"
    raise _Unsupported(type_)


def _structure_one(
    file: str, path: str, value: object, cls: type[Any], structure: Callable[[Any], Any] | None = None
) -> tuple[Any, list[Problem]]:
    """One value as ``cls``: fast if it can (by ``structure``, the structurer of its list, if
    given), else by cattrs, with every problem it finds."""
    if structure is None:
        structure = _structurer(cls, compiled=False)
    if structure is not None:
        with suppress(Exception):  # cattrs reads it again below, and explains
            return structure(value), []
    try:
        return _converter().structure(value, cls), []
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        return None, _problems_from(file, path, exc)


def _structure_file(file: str, data: bytes, problems: list[Problem]) -> _Raw:
    raw = _Raw(file)
    value = _parse_json(file, data, problems, _read_structured if len(data) >= HOOK_FROM else None)
    if value is None:
        return raw
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else type(value).__name__
        names = ", ".join(COLLECTIONS)
        problems.append(Problem(file, "$", f"expected an object whose keys are collection names ({names}), not {kind}"))
        return raw
    for name, items in value.items():
        if name == "manifest":
            raw.manifest.append(_parse_manifest_value(file, items, problems))
            continue
        cls = COLLECTIONS.get(name)
        if cls is None:
            problems.append(
                Problem(file, f"$.{name}", f"unknown collection {name!r}; expected one of {', '.join(COLLECTIONS)}")
            )
            continue
        if type(items) is _Structured:  # made as they were parsed
            raw.collections.append((name, items.records, range(len(items.records)), items.references))
            raw.ids[name] = items.ids
            if items.order_keys is not None:
                raw.order_keys[name] = items.order_keys
            raw.named[name] = items.named
            continue
        if not isinstance(items, list):
            problems.append(Problem(file, f"$.{name}", "expected a list of records"))
            continue
        structure = _structurer(cls, compiled=len(items) >= COMPILE_FROM)
        records: list[Record] | None = None
        if structure is not None:
            with suppress(Exception):  # some record is not well-formed: read one by one below
                records = list(map(structure, items))
        indexes: Sequence[int] = range(len(items))
        if records is None:  # record by record, each failure explained
            records, indexes = [], []
            for index, item in enumerate(items):
                record, found = _structure_one(file, f"$.{name}[{index}]", item, cls, structure)
                if record is None:
                    problems.extend(found)
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        raw.unreadable.append((item["id"], name, index))
                else:
                    records.append(record)
                    indexes.append(index)
        raw.collections.append((name, records, indexes, None))
    return raw


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


# ---------------------------------------------------------------------------------------------
# Building and validating


def _build(
    source: _Source,
    *,
    base: Dataset | None = None,
    extra_files: list[tuple[str, bytes]] | None = None,
) -> Dataset:
    from nato_ukraine.dataset import Dataset, _gc_paused

    files, manifest, where = source
    problems: list[Problem] = []
    with _gc_paused():
        raws = [_structure_file(file, data, problems) for file, data in [*files, *(extra_files or [])]]
        if base is None:  # a single dataset file may carry its manifest under a "manifest" key
            for raw in raws:
                if raw.manifest:
                    manifest, where = raw.manifest[0], (raw.file, "$.manifest")
                    break
        collections, by_id = _validate(raws, base, problems)
        _check_manifest(manifest, where, collections, problems)
        if problems:
            raise DataError(_in_reading_order(problems))
        order_keys = {name: keys for raw in raws for name, keys in raw.order_keys.items()}
        # (exact: as every structurer makes them)
        return Dataset._create(
            collections, manifest, by_id=by_id, exact=True, order_keys=order_keys, named=_named_in_order(raws, base)
        )


def _named_in_order(raws: list[_Raw], base: Dataset | None) -> list[Record]:
    """The records that have aliases or an acronym, in the order :func:`_validate` places them
    by id: those of ``base``, then each file's, list by list (as their object hooks noted them,
    or else picked out from the list's records)."""
    from nato_ukraine.dataset import _named_of

    named = [] if base is None else _named_of(list(base.records()))
    for raw in raws:
        for name, records, _, _ in raw.collections:
            found = raw.named.get(name)
            named += _named_of(records) if found is None else found
    return named


#: The newest version of the JSON form this package reads.
SCHEMA_VERSION = 1


def _check_manifest(
    manifest: Manifest, where: tuple[str, str], collections: dict[str, list[Record]], problems: list[Problem]
) -> None:
    """Check what the manifest says against this package and the dataset's sources."""
    file, path = where
    if not 1 <= manifest.schema_version <= SCHEMA_VERSION:
        message = (
            f"schema version {manifest.schema_version} is not one this version of nato_ukraine reads "
            f"(1 to {SCHEMA_VERSION}); a newer nato-ukraine may read it"
        )
        problems.append(Problem(file, f"{path}.schema_version", message))
    sources = {record.id for record in collections["sources"]}
    for i, coverage in enumerate(manifest.coverage):
        at = f"{path}.coverage[{i}]"
        if coverage.collection not in COLLECTIONS:
            problems.append(Problem(file, f"{at}.collection", f"unknown collection {coverage.collection!r}"))
        for j, source in enumerate(coverage.sources):
            if source not in sources:
                problems.append(Problem(file, f"{at}.sources[{j}]", f"refers to {source!r}, which no source has"))


_PATH = r"\$\.([^.\[]+)(?:\[(\d+)\])?"  # a problem's collection and record index
_COLLECTION_ORDER = {name: i for i, name in enumerate(COLLECTIONS)}


def _in_reading_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file, in the order each was found first; within a file, collection by
    collection in the dataset's order, then record by record (each record's own problems in the
    order of its fields)."""
    files = {file: i for i, file in enumerate(dict.fromkeys(p.file for p in problems))}

    def key(problem: Problem) -> tuple[int, int, str, int]:
        match = re.match(_PATH, problem.path)
        if match is None:
            return files[problem.file], -1, "", -1
        collection = _COLLECTION_ORDER.get(match[1], len(_COLLECTION_ORDER))
        return files[problem.file], collection, match[1], int(match[2] or -1)

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

#: For each class of record held within records: the references it holds, as in _REFERENCES.
_NESTED_REFERENCES: dict[type, tuple[tuple[str, str, bool], ...]] = {
    Citation: (("source", "sources", False),),
    Role: (("body", "bodies", False),),
}
#: Every collection a reference may point into.
_REFERENCE_TARGETS = sorted(
    {target for references in [*_REFERENCES.values(), *_NESTED_REFERENCES.values()] for _, target, _ in references}
)

_SINGULAR = {
    "bodies": "body",
    "programmes": "programme",
    "agreements": "agreement",
    "operations": "operation",
    "people": "person",
    "sources": "source",
    "events": "event",
}
_COLLECTION_OF: dict[type, str] = {cls: name for name, cls in COLLECTIONS.items()}


def _validate(
    raws: list[_Raw], base: Dataset | None, problems: list[Problem]
) -> tuple[dict[str, list[Record]], dict[str, Record]]:
    """Check ids, references, citations and date order across every file.

    One pass places every record by id (the index the dataset keeps), a second checks each
    record against the ids placed. Each pass first asks, in as few steps as can be, whether a
    whole list of records is well; only when one is not does it go record by record to say
    what is wrong, and where.

    Returns:
        The records of each collection, and every record by id.
    """
    collections: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
    by_id: dict[str, Record] = {}
    if base is not None:
        for record in base.records():
            by_id[record.id] = record
            collections[_COLLECTION_OF[type(record)]].append(record)

    # Where each id was first placed, for "already used at" messages: only worked out when an id
    # turns out to be used twice.
    first_seen: dict[str, tuple[str, str]] | None = None

    def first_place(record_id: str) -> tuple[str, str]:
        nonlocal first_seen
        if first_seen is None:
            first_seen = {}
            if base is not None:
                for record in base.records():
                    first_seen[record.id] = ("the bundled data", _COLLECTION_OF[type(record)])
            for raw in raws:
                for name, records, indexes, _ in raw.collections:
                    for record, index in zip(records, indexes, strict=True):
                        first_seen.setdefault(record.id, (raw.file, f"$.{name}[{index}]"))
        return first_seen[record_id]

    placed: list[tuple[str, str, list[Record], Sequence[int], _References | None]] = []
    for raw in raws:
        for name, records, indexes, references in raw.collections:
            ids = raw.ids.get(name)  # (gathered as the list was parsed: then checked to be slugs)
            if ids is None:
                ids = list(map(_record_id, records))
                if not _all_slugs(ids):
                    slug = re.compile(_SLUG)  # (compiled only here: a load with none amiss never needs it)
                    for record_id, index in zip(ids, indexes, strict=True):
                        if not slug.fullmatch(record_id):
                            message = f"{record_id!r} is not a slug (lower-case words joined by '-')"
                            problems.append(Problem(raw.file, f"$.{name}[{index}].id", message))
            placed_before = len(by_id)
            by_id.update(zip(ids, records, strict=True))
            if len(by_id) < placed_before + len(ids):  # an id used twice, in this list or before it
                # Undo: the index of the records placed before this list (the base's too; an
                # error follows, so their order does not matter), then place this list's records
                # one by one.
                by_id.clear()
                for placed_records in collections.values():
                    by_id.update((record.id, record) for record in placed_records)
                # Keep the first record of each id, and report the others.
                kept: list[Record] = []
                kept_indexes: list[int] = []
                for record, index in zip(records, indexes, strict=True):
                    if record.id in by_id:
                        other_file, other_path = first_place(record.id)
                        message = f"{record.id!r} is already used at {other_file}: {other_path}"
                        problems.append(Problem(raw.file, f"$.{name}[{index}].id", message))
                        continue
                    by_id[record.id] = record
                    kept.append(record)
                    kept_indexes.append(index)
                records, indexes = kept, kept_indexes
            collections[name].extend(records)
            placed.append((raw.file, name, records, indexes, references))

    if any(raw.unreadable for raw in raws):
        problems += _ids_used_twice_by_unreadable_records(raws, base)
    id_sets = _IdSets(collections)
    unreadable = {record_id for raw in raws for record_id, _, _ in raw.unreadable}
    for file, name, records, indexes, references in placed:
        cls = COLLECTIONS[name]
        if references is None:
            if _all_well(cls, records, id_sets):
                continue
        elif all(id_sets.of[target].issuperset(ids) for target, ids in references.items()):
            continue  # made as parsed, each record held to its rules: only its references were left
        explain = _EXPLAIN[cls]
        for record, index in zip(records, indexes, strict=True):
            found = explain(record, by_id, unreadable)
            if found:
                path = f"$.{name}[{index}]"
                problems.extend(Problem(file, path + where, message) for where, message in found)
    return collections, by_id


def _ids_used_twice_by_unreadable_records(raws: list[_Raw], base: Dataset | None) -> list[Problem]:
    """An id used twice where one of the two records could not be read (the placing of ids, which
    finds the others, knows only the records read): each time after the first, in reading order."""
    wanted = {record_id for raw in raws for record_id, _, _ in raw.unreadable}
    first: dict[str, str] = {}  # where each id is first used
    read_before: set[str] = set()  # the ids a record that was read has used
    if base is not None:
        for record in base.records():
            if record.id in wanted:
                first[record.id] = f"the bundled data: {_COLLECTION_OF[type(record)]}"
                read_before.add(record.id)
    uses: list[tuple[int, int, int, bool, str, str, str]] = []  # in reading order, with what is needed to say so
    for place, raw in enumerate(raws):
        for name, records, indexes, _ in raw.collections:
            order = _COLLECTION_ORDER[name]
            uses += [
                (place, order, index, True, record.id, raw.file, name)
                for record, index in zip(records, indexes, strict=True)
                if record.id in wanted
            ]
        uses += [
            (place, _COLLECTION_ORDER[name], index, False, rid, raw.file, name) for rid, name, index in raw.unreadable
        ]
    problems = []
    for _, _, index, read, record_id, file, name in sorted(uses):
        where = f"$.{name}[{index}]"
        if read:
            if record_id in read_before:
                continue  # placing the ids says so, naming the first record read that used it
            read_before.add(record_id)
        if record_id in first:
            problems.append(Problem(file, f"{where}.id", f"{record_id!r} is already used at {first[record_id]}"))
        else:
            first[record_id] = f"{file}: {where}"
    return problems


_record_id = attrgetter("id")
_SLUG_CHARACTERS = b"abcdefghijklmnopqrstuvwxyz0123456789-"
_HYPHEN = ord("-")


def _all_slugs(ids: list[str]) -> bool:
    """Whether every id is a slug: lower-case letters and digits, in words joined by single '-'.

    Asked of all the ids joined by newlines, in a few passes of C over the text: a regular
    expression matched id by id costs more than all the rest of the validation. (A slug is
    what ``_SLUG`` matches; the tests hold the two to agreeing.)
    """
    if not ids:
        return True
    if not all(ids):  # an empty id
        return False
    text = "\n".join(ids)
    if not text.isascii():
        return False
    data = text.encode("ascii")
    # Without the characters of slugs, only the newlines between the ids are left: anything
    # else is a character no slug has, and one more newline is one within an id.
    if data.translate(None, _SLUG_CHARACTERS) != b"\n" * (len(ids) - 1):
        return False
    # With each newline made a hyphen, "--" is there if an id has two hyphens in a row, or
    # starts or ends with one; one at either end of the text is the last such case.
    hyphens = data.replace(b"\n", b"-")
    return b"--" not in hyphens and hyphens[0] != _HYPHEN and hyphens[-1] != _HYPHEN


class _IdSets:
    """The ids of each collection a reference may point into, as sets, to test references in C.

    Each set also holds None, so that an optional reference left empty passes too.
    """

    def __init__(self, collections: Mapping[str, list[Record]]) -> None:
        targets = {target for references in _REFERENCES.values() for _, target, _ in references} | {"sources"}
        self.of: dict[str, set[str | None]] = {
            name: {None, *map(_record_id, collections[name])} for name in sorted(targets)
        }


_name = attrgetter("name")
_citations = attrgetter("citations")
_source = attrgetter("source")
_quote = attrgetter("quote")
_roles = attrgetter("roles")
_body = attrgetter("body")


def _all_well(cls: type[Record], records: list[Record], ids: _IdSets) -> bool:
    """Whether nothing at all is wrong with these records: the common case, answered quickly.

    The records are checked a field at a time, so that each check is one builtin applied
    across the whole list (``map`` of ``str.strip``, of ``set.issuperset``, ...), which runs
    in C. The first failure ends it; the caller then goes record by record to explain.
    """
    if not all(map(str.strip, map(_name, records))):  # a blank name strips to ""
        return False
    for field, target, many in _REFERENCES[cls]:
        values = map(attrgetter(field), records)
        # (Empty lists of references, the most, are left out before they are chained.)
        if not ids.of[target].issuperset(chain.from_iterable(filter(None, values)) if many else values):
            return False
    if cls is not Source:
        citations = list(map(_citations, records))
        if not all(citations):
            return False
        cited = list(chain.from_iterable(citations))
        if not ids.of["sources"].issuperset(map(_source, cited)):
            return False
        quotes = list(map(_quote, cited))
        if not all(map(str.strip, quotes)) or max(map(len, quotes), default=0) > MAX_QUOTE:
            return False
    for start, end in _ORDERS.get(cls, ()):
        # Only the records that have an end can have it before their start.
        for record in compress(records, map(attrgetter(end), records)):
            if _out_of_order(record, start, end) is not None:
                return False
    if cls is Person:
        roles = chain.from_iterable(map(_roles, records))
        if not ids.of["bodies"].issuperset(map(_body, roles)):
            return False
    return True


#: A record's problems against the placed ids, as (path in the record, message); references to
#: the ids of records that could not be read (already reported) are let be.
_Explain = Callable[[Any, Mapping[str, Record], set[str]], list[tuple[str, str]]]


def _dangling(ref: str, target: str, by_id: Mapping[str, Record]) -> str:
    """What is wrong with a reference that does not resolve into collection ``target``."""
    found = by_id.get(ref)
    if found is None:
        return f"refers to {ref!r}, which no {_SINGULAR[target]} has as its id"
    return f"refers to {ref!r}, which is a {_SINGULAR[_COLLECTION_OF[type(found)]]}, not a {_SINGULAR[target]}"


def _make_explain(cls: type[Record]) -> _Explain:
    references = _REFERENCES[cls]
    orders = _ORDERS.get(cls, ())

    def explain(record: Any, by_id: Mapping[str, Record], unreadable: set[str]) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []

        def check_ref(where: str, ref: str, target: str) -> None:
            if type(by_id.get(ref)) is not COLLECTIONS[target] and ref not in unreadable:
                found.append((where, _dangling(ref, target, by_id)))

        if not record.name.strip():
            found.append((".name", "a record needs a name"))
        for field, target, many in references:
            value = getattr(record, field)
            if many:
                for i, ref in enumerate(value):
                    check_ref(f".{field}[{i}]", ref, target)
            elif value is not None:
                check_ref(f".{field}", value, target)
        if cls is not Source:
            if not record.citations:
                found.append((".citations", "a record needs at least one citation"))
            for i, citation in enumerate(record.citations):
                check_ref(f".citations[{i}].source", citation.source, "sources")
                if not citation.quote.strip():
                    found.append((f".citations[{i}].quote", "the quote is empty"))
                elif len(citation.quote) > MAX_QUOTE:
                    message = f"the quote is {len(citation.quote)} characters; at most {MAX_QUOTE}"
                    found.append((f".citations[{i}].quote", message))
        for start, end in orders:
            problem = _out_of_order(record, start, end)
            if problem is not None:
                found.append((f".{problem[0]}", problem[1]))
        if cls is Person:
            for i, role in enumerate(record.roles):
                if role.body is not None:
                    check_ref(f".roles[{i}].body", role.body, "bodies")
        return found

    return explain


def _out_of_order(record: Any, start: str, end: str) -> tuple[str, str] | None:
    """A record's ``end`` date when it is certainly before its ``start`` date, with a message."""
    last: PartialDate | None = getattr(record, end)
    first: PartialDate | None = getattr(record, start)
    if first is not None and last is not None and last.latest < first.earliest:
        return end, f"{last} is before the {start.replace('_', ' ')} {first}"
    return None


#: For each record class: pairs of (start, end) date fields, the end never before the start.
_ORDERS: dict[type, tuple[tuple[str, str], ...]] = {
    Body: (("established", "dissolved"),),
    Event: (("date", "end"),),
    Agreement: (("signed", "in_force"), ("signed", "ratified")),
}

_EXPLAIN: dict[type, _Explain] = {cls: _make_explain(cls) for cls in COLLECTIONS.values()}
