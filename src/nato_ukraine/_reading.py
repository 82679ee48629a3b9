"""Reading and parsing dataset files: the first two steps of a load (see :mod:`nato_ukraine._loading`).

Only a regular file, or a directory of them, is read, and no more than a limit of bytes
(:data:`MAX_BYTES`, which a caller can raise); a named pipe or a device is refused by name before
it is opened for reading. A file must be UTF-8 JSON; a collection given twice, a number past
Python's limit of digits and a string that UTF-8 cannot hold (a lone surrogate) are each a
problem, named with the file and the JSON path.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections import Counter
from typing import Any, NamedTuple

from nato_ukraine.exceptions import DataError, Problem
from nato_ukraine.models import COLLECTIONS

__all__ = ["MANIFEST", "MAX_BYTES", "UNREADABLE", "Files", "parse", "read_bundled", "read_location"]

MANIFEST = "manifest.json"

#: The most bytes :func:`load` reads of one file, unless given ``max_bytes``: 1 GiB, about ten
#: times a file of a hundred thousand events.
MAX_BYTES = 2**30

# ---------------------------------------------------------------------------------------------
# 1. Read


class Files(NamedTuple):
    """What a location holds: its collection files (name and bytes), then its manifest file, if any."""

    collections: list[tuple[str, bytes]]
    manifest: tuple[str, bytes] | None = None


def read_bundled() -> Files:
    """The files of the bundled data, read with importlib.resources."""
    # The standard library's files() API, as this package uses and tests it, is that of 3.11 on;
    # on 3.10 the backport provides it. (The stdlib module also imports faster than the backport.)
    if sys.version_info >= (3, 11):
        from importlib.resources import files
    else:
        from importlib_resources import files
    data = files("nato_ukraine") / "data"
    collections = [(f"{name}.json", (data / f"{name}.json").read_bytes()) for name in COLLECTIONS]
    return Files(collections, (MANIFEST, (data / MANIFEST).read_bytes()))


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def read_location(location: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Files:
    """The files of a dataset file or directory.

    Only a regular file, or a directory of them, is read; anything else (a named pipe, a
    device, a socket) is refused by name before it is opened for reading, as is a file of more
    than ``max_bytes`` bytes.

    Raises:
        ValueError: If the path is empty.
        FileNotFoundError: If nothing is there.
        DataError: If the path, or a file in the directory, is not a regular file or is too
            large; if a directory holds a file that is not a collection, or none that is.
    """
    if not os.fspath(location):  # (a path of "" would be the current directory)
        raise ValueError("the dataset path is empty; give a dataset file or directory")
    path = os.fspath(location)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileNotFoundError(f"no such dataset file or directory: {str(path)!r}") from None
    problems: list[Problem] = []
    if not stat.S_ISDIR(info.st_mode):
        data = _read_file(str(path), info, max_bytes, problems)
        if data is None:
            raise DataError(problems)
        return Files([(str(path), data)])
    collections: list[tuple[str, bytes]] = []
    manifest = None
    expected = ", ".join(f"{name}.json" for name in COLLECTIONS)
    for child in sorted(os.scandir(path), key=lambda entry: entry.name):
        if not child.name.endswith(".json"):
            continue
        stem = child.name.removesuffix(".json")
        if child.name != MANIFEST and stem not in COLLECTIONS:
            problems.append(Problem(child.path, "$", f"not a collection file; expected one of {expected}"))
            continue
        data = _read_file(child.path, os.stat(child.path), max_bytes, problems)
        if data is not None and child.name == MANIFEST:
            manifest = (child.path, data)
        elif data is not None:
            collections.append((child.path, data))
    if not collections and not problems:
        problems.append(Problem(str(path), "$", f"no collection file in this directory; expected one of {expected}"))
    if problems:
        raise DataError(problems)
    return Files(collections, manifest)


def _read_file(path: str, info: os.stat_result, max_bytes: int, problems: list[Problem]) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes``; None (with a problem) for anything else.

    What the path is, is asked before it is opened, and again of what was opened (the path may
    have been swapped for a pipe in between: it is opened without waiting for a writer).
    """
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    if not stat.S_ISREG(info.st_mode):
        problems.append(Problem(path, "$", f"{kind}, not a regular file: only regular files are read"))
        return None
    too_big = f"more than {max_bytes:,} bytes, the most load() reads of a file; give max_bytes= to read more"
    if info.st_size > max_bytes:
        problems.append(Problem(path, "$", f"the file has {info.st_size:,} bytes: {too_big}"))
        return None
    with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            problems.append(Problem(path, "$", "not a regular file: only regular files are read"))
            return None
        # (read(n) makes a buffer of n bytes first: asked for the file's size and a byte more, then,
        # if it has grown since, for what is left of max_bytes.)
        data = handle.read(min(opened.st_size, max_bytes) + 1)
        if len(data) > opened.st_size:
            data += handle.read(max(0, max_bytes + 1 - len(data)))
    if len(data) > max_bytes:  # (it grew after it was looked at)
        problems.append(Problem(path, "$", f"the file has {too_big}"))
        return None
    return data


# ---------------------------------------------------------------------------------------------
# 2. Parse

_BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark

#: What :func:`parse` gives for a file that is not JSON (as None is JSON's null).
UNREADABLE: Any = object()


def parse(file: str, data: bytes, problems: list[Problem]) -> Any:
    """The JSON value of a file's bytes; :data:`UNREADABLE` (with a problem) if it has none.

    A file must be UTF-8 (a byte order mark is skipped) and valid JSON; if its top level is an
    object, no key of it may be given twice (``json.loads`` would keep the last value unseen).
    """
    import json

    if not data or data.isspace():  # (not data.strip(): that copies the whole file)
        problems.append(Problem(file, "$", "the file is empty; expected a JSON object"))
        return UNREADABLE
    skip = 3 if data.startswith(_BOM) else 0
    try:
        text = str(memoryview(data)[skip:], "utf-8")  # (no copy of the bytes)
    except UnicodeDecodeError as exc:
        at = skip + exc.start  # (counted from the file's start, the mark included)
        problems.append(Problem(file, "$", f"not UTF-8 text: byte {at} is {data[at]:#04x}"))
        return UNREADABLE
    try:
        pairs = _object_pairs(text)
        if pairs is None:  # not an object, or not valid JSON: json.loads says which
            pairs = [("", json.loads(text))]
            if _escapes_surrogate(text):
                problems += _lone_surrogates(file, pairs)
            return pairs[0][1]
    except json.JSONDecodeError as exc:
        problems.append(Problem(file, "$", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"))
        return UNREADABLE
    except RecursionError:
        problems.append(Problem(file, "$", "not readable JSON: nested too deeply"))
        return UNREADABLE
    except ValueError as exc:  # a number past Python's limit of digits, say
        problems.append(Problem(file, "$", f"not readable JSON: {exc}"))
        return UNREADABLE
    if _escapes_surrogate(text):  # an escaped surrogate: paired, or not
        problems += _lone_surrogates(file, pairs)
    value = dict(pairs)
    if len(value) < len(pairs):
        for key, times in Counter(key for key, _ in pairs).items():
            if times > 1:
                message = f"the key {key!r} is given {times} times; all but the last would be lost unseen"
                problems.append(Problem(file, "$", message))
    return value


def _escapes_surrogate(text: str) -> bool:
    """Whether JSON text escapes a surrogate (``\\ud83d``), paired or not: only then can a string of it hold a lone
    one. Asked first of one character, in a pass of ``memchr`` (3 ms at 80 MB, where asking for two characters at
    once takes 75 ms): most files have no backslash at all."""
    return text.find("\\") != -1 and re.search(r"\\u[dD][89a-fA-F]", text) is not None


def _lone_surrogates(file: str, pairs: list[tuple[str, Any]]) -> list[Problem]:
    """The strings of a parsed file that hold a surrogate on its own (written ``"\\ud800"``),
    which no UTF-8 text can hold, so that no record could be written back out; each at its path."""
    lone = re.compile("[\ud800-\udfff]")
    found: list[Problem] = []
    todo: list[tuple[str, Any]] = [(f"$.{key}" if key else "$", value) for key, value in pairs]
    while todo:
        path, value = todo.pop()
        if isinstance(value, str) and lone.search(value):
            found.append(Problem(file, path, f"{value!r} holds a lone surrogate, which UTF-8 cannot hold"))
        elif isinstance(value, list):
            todo += [(f"{path}[{i}]", item) for i, item in enumerate(value)]
        elif isinstance(value, dict):
            for key, item in value.items():
                if lone.search(key):
                    found.append(
                        Problem(file, path, f"the key {key!r} holds a lone surrogate, which UTF-8 cannot hold")
                    )
                todo.append((f"{path}.{key}", item))
    return found


def _object_pairs(text: str) -> list[tuple[str, Any]] | None:
    """The keys and values of a JSON object, in order, a key given twice kept twice; each value
    read by json's own scanner, so that this costs no more than ``json.loads``.

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
        separator = "}" if text[at : at + 1] == "}" else ","
        at += separator == "}"
        while separator == ",":  # "key": value, then "," and the next, or "}"
            if text[at : at + 1] != '"':
                return None
            key, at = scan(text, at)
            at = skip(at)
            if text[at : at + 1] != ":":
                return None
            value, at = scan(text, skip(at + 1))
            pairs.append((key, value))
            at = skip(at)
            separator = text[at : at + 1]
            at = skip(at + 1)
            if separator not in ",}":
                return None
    except ValueError:  # (json.JSONDecodeError is one)
        return None
    return pairs if at == len(text) else None
