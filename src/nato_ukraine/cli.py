"""The ``nato-ukraine`` command line (also ``python -m nato_ukraine``).

Subcommands: ``summary``, ``timeline``, ``show``, ``search``, ``stats``, ``validate`` and
``export``. Output is an aligned table by default and JSON with ``--json``. Errors go to stderr:
exit code 2 for a usage error (and for output that cannot be written), 1 for a data problem (a
file that does not validate, an id or name that nothing has, a search or timeline that matches
nothing), 0 otherwise. A reader that goes away early (``| head``) ends the command quietly with
0; characters that standard output's encoding cannot hold are written as ``\\uXXXX`` escapes
(which keep JSON valid); Ctrl-C exits 130. No error prints a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import difflib
import errno
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from nato_ukraine._arguments import build_parser
from nato_ukraine._fields import FieldSpec, Shape, field_specs, references, singular
from nato_ukraine._queries import Key, key_of, role_names
from nato_ukraine.dates import PartialDate
from nato_ukraine.exceptions import AmbiguousNameError, DataError, NatoUkraineError
from nato_ukraine.models import COLLECTIONS, Event, Source

if TYPE_CHECKING:
    from nato_ukraine.dataset import Dataset
    from nato_ukraine.models import Record

__all__ = ["main"]

_ESCAPE = "nato_ukraine.escape"  # the error handler standard output is given (see _escape)


class _UsageError(Exception):
    """A command given wrong arguments: exit code 2."""


class _Failure(Exception):
    """A command that found nothing to give (no match, an ambiguous name): exit code 1."""


def _escape(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what an encoding cannot hold becomes ``\\uXXXX`` escapes, as JSON
    writes them (an astral character as its surrogate pair), so JSON output stays valid."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


codecs.register_error(_ESCAPE, _escape)


def _escaping(stream: TextIO | None) -> None:
    """Make ``stream`` escape what its encoding cannot hold, unless told otherwise already."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        with contextlib.suppress(OSError, ValueError):  # (a closed stream: writing to it fails later, said)
            reconfigure(errors=_ESCAPE)


class _Closed(io.StringIO):
    """Stands for a standard output that was closed before the program started."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _discard(out: TextIO) -> None:
    """Send what is left of ``out`` to the null device, so nothing more fails at exit."""
    try:
        fileno = out.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):  # not a file (a test's capture, _Closed): nothing to do
        return
    os.dup2(devnull, fileno)
    os.close(devnull)


def _say(message: str) -> None:
    """Write a message to standard error, if there is one."""
    if sys.stderr is not None:
        print(f"nato-ukraine: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Standard output (and error) are set to write what their encoding cannot hold as escapes,
    unless their error handler was chosen already (``PYTHONIOENCODING=ascii:replace``).

    Args:
        argv: The arguments, without the program name; None for ``sys.argv[1:]``.

    Returns:
        The exit code: 0 on success, 1 for a data problem or no match, 2 for a usage error,
        130 when interrupted.
    """
    _escaping(sys.stdout)
    _escaping(sys.stderr)
    out: TextIO = _Closed() if sys.stdout is None else sys.stdout
    try:
        code = _run(argv, out)
        out.flush()  # (here, so that a failure is said, not found at exit)
        return code
    except BrokenPipeError:  # the reader went away (| head); nothing left to say
        _discard(out)
        return 0
    except KeyboardInterrupt:  # Ctrl-C: the shell's code for it, and no traceback
        return 130
    except (_UsageError, OSError) as exc:  # what was asked for cannot be (a file missing, a directory to write to)
        if _unwritable(exc):
            _discard(out)
        _say(f"error: {_reason(exc)}")
        return 2
    except (_Failure, NatoUkraineError) as exc:  # bad data, an unknown name, nothing matched
        _say(str(exc))
        return 1


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a usage error, 0 on --help
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    if args.version:
        return _version(args, out)
    if args.command is None:
        parser.print_help(out)
        return 0
    handler: Callable[[argparse.Namespace, TextIO], int] = _COMMANDS[args.command]
    try:
        return handler(args, out)
    except AmbiguousNameError as exc:  # said in the command line's words, not the library's (on=)
        ids = ", ".join(c.id for c in exc.candidates)
        when = f" on {exc.on}" if exc.on is not None else ""
        hint = "give an id, or --on DATE" if args.command == "show" and exc.on is None else "give an id"
        raise _Failure(f"{exc.name!r} names {len(exc.candidates)} records{when}: {ids}; {hint}") from None


def _reason(exc: Exception) -> str:
    """What a usage error or a failed read or write says."""
    if not isinstance(exc, OSError):
        return str(exc)
    if exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    if _unwritable(exc):
        return f"cannot write to standard output: {exc.strerror}"
    return str(exc)


def _unwritable(exc: Exception) -> bool:
    """Whether ``exc`` says standard output is closed (the one file written without a name)."""
    return isinstance(exc, OSError) and not exc.filename and exc.errno == errno.EBADF


def _dataset(args: argparse.Namespace) -> Dataset:
    from nato_ukraine import load

    if "" in (args.data, args.extra):  # (an unset shell variable, say: not the bundled data)
        raise _UsageError("--data and --extra take a path; an empty one was given")
    if args.data and args.extra:
        raise _UsageError("give --data or --extra, not both")
    if args.data:
        return load(args.data)
    return load(extra=args.extra) if args.extra else load()


def _emit(args: argparse.Namespace, out: TextIO, payload: Any, headers: Sequence[str], rows: list[list[Any]]) -> None:
    if args.json:
        json.dump(payload, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        _table(out, headers, rows)


def _table(out: TextIO, headers: Sequence[str], rows: list[list[Any]]) -> None:
    cells = [[str(h).upper() for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")


def _version(args: argparse.Namespace, out: TextIO) -> int:
    import nato_ukraine

    ds = nato_ukraine.load()
    payload = {"package": nato_ukraine.__version__, "data_version": ds.data_version, "as_of": str(ds.as_of)}
    _emit(args, out, payload, ["package", "data version", "as of"], [list(payload.values())])
    return 0


def _summary(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    counts = {name: len(collection) for name, collection in ds.collections().items()}
    if args.json:
        payload = {
            "data_version": ds.data_version,
            "as_of": None if ds.as_of is None else str(ds.as_of),
            "schema_version": ds.schema_version,
            "counts": counts,
            "total": len(ds),
        }
        _emit(args, out, payload, [], [])
        return 0
    out.write(f"nato_ukraine data {ds.data_version or '(user dataset)'}, as of {ds.as_of or 'unknown'}\n\n")
    _table(out, ["collection", "records"], [[name, count] for name, count in counts.items()] + [["total", len(ds)]])
    first = min((e.date for e in ds.events), default=None)
    last = max((e.date for e in ds.events), default=None)
    if first is not None:
        out.write(f"\nevents from {first} to {last}\n")
    if len(ds.sources):  # by kind: the bundled data rests on hundreds of pages (`stats --by kind` for any collection)
        out.write("\nsources by kind:\n")
        kinds = ds.sources.count_by("kind")
        _table(out, ["kind", "sources"], [[str(kind), count] for kind, count in sorted(kinds.items(), key=str)])
    return 0


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    if args.start is not None and args.end is not None and args.start.earliest > args.end.latest:
        raise _UsageError(f"--from {args.start} is after --to {args.end}")
    ds = _dataset(args)
    kinds = frozenset(args.kind or ())
    body = None if args.body is None else ds.lookup(args.body).id
    entries = ds.timeline(args.start, args.end)
    if kinds:
        entries = [e for e in entries if isinstance(e.record, Event) and e.record.kind in kinds]
    if body is not None:
        entries = [e for e in entries if e.record.id == body or body in getattr(e.record, "bodies", ())]
    rows = [
        [
            _when(e.date, e.end),
            e.what if e.what != "event" else getattr(e.record, "kind", ""),
            e.record.id,
            e.record.name,
        ]
        for e in entries
    ]
    payload = [
        {
            "date": str(e.date),
            "end": None if e.end is None else str(e.end),
            "what": e.what,
            "id": e.record.id,
            "name": e.record.name,
        }
        for e in entries
    ]
    if entries or args.json:  # (a JSON reader gets its empty list; a table no bare header)
        _emit(args, out, payload, ["date", "what", "id", "name"], rows)
    if not entries:
        raise _Failure(f"no timeline entries{_filters(args, body)}")
    return 0


def _filters(args: argparse.Namespace, body: str | None) -> str:
    """The options a timeline was asked for, in words: `` from 2030 of kind meeting``."""
    said = [
        f"{word} {value}"
        for word, value in (("from", args.start), ("to", args.end), ("involving", body))
        if value is not None
    ]
    if args.kind:
        said.append("of kind " + " or ".join(sorted({k.value for k in args.kind})))
    return "".join(f" {part}" for part in said)


def _when(date: PartialDate, end: PartialDate | None) -> str:
    return str(date) if end is None else f"{date}..{end}"


def _show(args: argparse.Namespace, out: TextIO) -> int:
    from nato_ukraine._frames import to_record

    ds = _dataset(args)
    record = ds.lookup(" ".join(args.name), on=args.on)
    related = ds.related(record)
    if args.json:
        payload = _unstructure(record)
        payload["related"] = [
            {"relation": n.relation.value, "role": n.role, "direction": n.direction.value, "id": n.record.id}
            for n in related
        ]
        _emit(args, out, payload, [], [])
        return 0
    flat = to_record(record)
    skip = ("_earliest", "_latest", "_precision")
    rows = [
        [key, _cell(value)] for key, value in flat.items() if not key.endswith(skip) and value not in (None, [], "")
    ]
    _table(out, ["field", "value"], rows)
    if not isinstance(record, Source):
        out.write("\ncitations:\n")
        for citation in getattr(record, "citations", ()):
            where = f" ({citation.locator})" if citation.locator else ""
            out.write(f"  {citation.source}{where}: \u201c{citation.quote}\u201d\n")
    if related:
        out.write("\nrelated:\n")
        _table(
            out,
            ["relation", "role", "direction", "id"],
            [[n.relation.value, n.role or "", n.direction.value, n.record.id] for n in related],
        )
    return 0


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _unstructure(record: Record) -> dict[str, Any]:
    from nato_ukraine.converters import make_converter

    result: dict[str, Any] = make_converter(detailed_validation=False).unstructure(record)
    result = {"type": type(record).__name__.lower(), **result}
    return result


def _search(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    if args.limit < 1:
        raise _UsageError("--limit must be at least 1")
    text = " ".join(args.text)
    results = ds.search(text, limit=args.limit)
    payload = [{"id": r.id, "type": type(r).__name__.lower(), "name": r.name} for r in results]
    if results or args.json:
        _emit(args, out, payload, ["id", "type", "name"], [[r.id, type(r).__name__.lower(), r.name] for r in results])
    if not results:
        raise _Failure(f"no records match {text!r}")
    return 0


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    collection = ds.collections()[args.collection]
    header, key = _stats_key(args.collection, args.by)
    try:
        counts = collection.count_by(key)  # (a singular, "body", names its field too)
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None
    _emit(
        args,
        out,
        [{"key": key, "count": count} for key, count in counts.items()],
        [header, "count"],
        [["(none)" if key is None else key, count] for key, count in counts.items()],
    )
    return 0


def _stats_key(collection: str, by: str) -> tuple[str, str]:
    """The header and the key to count ``collection`` by for ``--by by`` (``count_by`` gives a
    field of nested records readable keys: a role's text, a citation's source).

    Raises:
        _UsageError: If the records have no such field; it says which collections have it.
    """
    if by in ("year", "decade", "source"):
        return by, by
    key = _key(collection, by)
    if key is None:
        raise _UsageError(_no_field(collection, by))
    nested = [
        s for s in field_specs(COLLECTIONS[collection]) if s.shape is Shape.RECORD and by in (s.name, singular(s.name))
    ]
    return (_nested_header(nested[0]) if nested else by), by


def _no_field(collection: str, by: str) -> str:
    """Why ``--by by`` does not count ``collection``: its fields, and those of the collections
    that have ``by`` (or the field nearest it) to give with --collection."""
    names = sorted(s.name for s in field_specs(COLLECTIONS[collection]))
    message = f"{collection} have no field {by!r}; fields: {', '.join(names)}, year, decade"
    others = _having(by)
    if others:
        return f"{message}; {by!r} is a field of {', '.join(others)}: give --collection {' or '.join(others)}"
    specs = [s for cls in COLLECTIONS.values() for s in field_specs(cls)]
    keys = {s.name for s in specs} | {singular(s.name) for s in specs if s.many} | {*role_names(), "year", "decade"}
    close = difflib.get_close_matches(by, sorted(keys), n=1)
    if not close:
        return message
    others = [] if close[0] in ("year", "decade") or _key(collection, close[0]) else _having(close[0])
    where = f" (a field of {', '.join(others)}: give --collection {' or '.join(others)})" if others else ""
    return f"{message}; did you mean {close[0]!r}{where}?"


def _having(field: str) -> list[str]:
    """The collections whose records have ``field`` (or a key of that name: ``body``, ``chair``)."""
    return [name for name in COLLECTIONS if _key(name, field) is not None]


def _key(collection: str, name: str) -> Key | None:
    """What ``count_by(name)`` reads in ``collection`` (see :func:`key_of`), or None."""
    try:
        return key_of(COLLECTIONS[collection], name, collection)
    except ValueError:
        return None


def _nested_header(spec: FieldSpec) -> str:
    """The header of the keys ``count_by`` gives a field of nested records: the field's name, for
    records that say how they read (roles); else what they refer to (citations: the sources)."""
    sites = references(spec.item)
    if "__str__" in vars(spec.item) or not sites:
        return spec.name
    return " ".join(f"{singular(spec.name)} {site.meaning.collection}" for site in sites[:1])


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from nato_ukraine import load

    try:
        ds = load(args.file) if args.standalone else load(extra=args.file)
    except DataError as exc:
        if args.json:
            payload = {
                "valid": False,
                "problems": [{"file": p.file, "path": p.path, "message": p.message} for p in exc.problems],
            }
            _emit(args, out, payload, [], [])
        else:
            print(str(exc), file=sys.stderr)
            taken = sum("is already used at the bundled data" in p.message for p in exc.problems)
            if not args.standalone and taken * 2 >= len(exc.problems):  # (a whole dataset, such as an export)
                print(
                    f"nato-ukraine: {taken} of its ids are the bundled data's: if {args.file} is a whole dataset"
                    " (an export, say), check it on its own with --standalone",
                    file=sys.stderr,
                )
        return 1
    counts = {name: len(c) for name, c in ds.collections().items()}
    if args.json:
        _emit(args, out, {"valid": True, "problems": [], "counts": counts}, [], [])
    else:
        out.write(
            f"{args.file}: valid ({len(ds)} records with the bundled data)\n"
            if not args.standalone
            else f"{args.file}: valid ({len(ds)} records)\n"
        )
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    text = ds.to_json() if args.format == "json" else _csv(ds.collections()[args.collection].to_records())
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        out.write(text)
    return 0


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    from nato_ukraine.migrate import migrate_file

    try:
        text, notes = migrate_file(args.file)
    except ValueError as exc:
        raise _Failure(str(exc)) from None
    if args.output:
        with open(args.output, "w", encoding="utf-8") as target:
            target.write(text)
    else:
        out.write(text)
    for note in notes:
        _say(f"note: {args.file}: {note}")
    return 0


def _csv(rows: list[dict[str, Any]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "export": _export,
    "migrate": _migrate,
    "search": _search,
    "show": _show,
    "stats": _stats,
    "summary": _summary,
    "timeline": _timeline,
    "validate": _validate,
}
