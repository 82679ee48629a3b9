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
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from nato_ukraine._fields import FieldSpec, Shape, field_specs, references, singular
from nato_ukraine._queries import Key, key_of
from nato_ukraine.dates import PartialDate
from nato_ukraine.exceptions import AmbiguousNameError, DataError, NatoUkraineError
from nato_ukraine.models import COLLECTIONS, Event, EventKind, Source

if TYPE_CHECKING:
    from nato_ukraine.dataset import Dataset
    from nato_ukraine.models import Record

__all__ = ["main"]

_ESCAPE = "nato_ukraine.escape"  # the error handler standard output is given (see _escape)
_COLLECTION_NAMES = tuple(COLLECTIONS)


class _UsageError(Exception):
    """A command given wrong arguments: exit code 2."""


class _Failure(Exception):
    """A command that found nothing to give (no match, an ambiguous name): exit code 1."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that suggests the nearest choice for a mistyped one."""

    def error(self, message: str) -> NoReturn:
        match = re.search(r"argument (.+?): invalid choice: (['\"])(.*?)\2", message)
        if match is not None and "did you mean" not in message:
            choices = next((a.choices for a in self._actions if a.choices and _name_of(a) == match[1]), None)
            message += _suggestion(match[3], [str(c) for c in choices or ()])
        super().error(message)


def _name_of(action: argparse.Action) -> str | None:
    """An argument's name as argparse's messages give it."""
    if action.option_strings:
        return "/".join(action.option_strings)
    return action.metavar if isinstance(action.metavar, str) else action.dest


def _suggestion(given: str, choices: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` for the choice nearest ``given``, or nothing."""
    close = difflib.get_close_matches(given, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


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


def _date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _kind(text: str) -> EventKind:
    """An event kind, in any case, with spaces or hyphens for underscores (``"Military action"``)."""
    value = re.sub(r"[\s-]+", "_", text.strip().lower())
    try:
        return EventKind(value)
    except ValueError:
        kinds = [k.value for k in EventKind]
        hint = _suggestion(value, kinds)
        raise argparse.ArgumentTypeError(f"unknown event kind {text!r}; kinds: {', '.join(kinds)}{hint}") from None


def _common(*, top: bool) -> _Parser:
    # The options every subcommand takes, before or after its name. A subcommand's copy leaves
    # unset what was not given, so it does not undo what was given before the name.
    default: Any = None if top else argparse.SUPPRESS
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=False if top else default, help="print JSON")
    common.add_argument("--data", metavar="PATH", default=default, help="use this dataset instead of the bundled data")
    common.add_argument("--extra", metavar="PATH", default=default, help="add these records to the bundled data")
    return common


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nato-ukraine",
        description="Query the cited dataset of NATO-Ukraine relations.",
        epilog="'nato-ukraine COMMAND --help' describes a command and its options.",
        parents=[_common(top=True)],
    )
    parser.add_argument("--version", action="store_true", help="print the package and data versions")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common(top=False)

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help, description=description)

    command(
        "summary",
        "the data version, as-of date and record counts",
        "Print the data version, the date the data is as of, the number of records in each collection and the"
        " sources the records cite.",
    )
    _add_timeline(command)
    _add_show_and_search(command)
    _add_stats(command)
    _add_validate_and_export(command)
    return parser


_Command = Callable[[str, str, str], argparse.ArgumentParser]


def _add_timeline(command: _Command) -> None:
    timeline = command(
        "timeline",
        "every dated thing, in order",
        "Print every dated thing in date order: events, and the foundings, starts, ends and signings of bodies,"
        " programmes, agreements and operations. Exits 1, saying so, when nothing is left to print.",
    )
    timeline.add_argument("--from", dest="start", type=_date, metavar="DATE", help="leave out what is before DATE")
    timeline.add_argument("--to", dest="end", type=_date, metavar="DATE", help="leave out what is after DATE")
    timeline.add_argument(
        "--kind",
        type=_kind,
        action="append",
        help="only events of this kind (meeting, summit, signing, military action, ...); give it again for more"
        " kinds; any case, spaces for underscores",
    )
    timeline.add_argument("--body", metavar="ID-OR-NAME", help="only what involves this body")


def _add_show_and_search(command: _Command) -> None:
    show = command(
        "show",
        "one record, by id, name, acronym or alias",
        "Print one record: its fields, its citations and the records linked to it. A name that several records"
        " have had is resolved with --on DATE.",
    )
    show.add_argument(
        "name", nargs="+", metavar="ID-OR-NAME", help="an id, name, acronym or alias (its words need no quotes)"
    )
    show.add_argument("--on", type=_date, metavar="DATE", help="pick the record that name had on DATE")
    search = command(
        "search",
        "search names, aliases and descriptions",
        "Print the records whose names, aliases or descriptions match the words, best first. Exits 1, saying"
        " so, when none does.",
    )
    search.add_argument("text", nargs="+", help="the words to look for (they need no quotes)")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")


def _add_stats(command: _Command) -> None:
    stats = command(
        "stats",
        "count records by year, decade or any field",
        "Count the records of a collection by the year or decade of their dates, or by any of their fields."
        " A field of several values counts a record under each; a field of nested records counts by what they"
        " refer to (citations by the cited source) or by their text (roles, periods).",
    )
    stats.add_argument(
        "--by",
        default="year",
        metavar="KEY",
        help="year or decade of the records' dates, or any of their fields: kind, level, body, citation, ..."
        " (default year)",
    )
    stats.add_argument(
        "--collection",
        choices=_COLLECTION_NAMES,
        default="events",
        help="the collection to count (default events); status, for one, is a field of programmes",
    )


def _add_validate_and_export(command: _Command) -> None:
    validate = command(
        "validate",
        "check a dataset file and print every problem",
        "Check a file of records, with the bundled data or on its own, and print every problem in it (exit 1)"
        " or that it is valid.",
    )
    validate.add_argument("file", metavar="FILE")
    validate.add_argument(
        "--standalone",
        action="store_true",
        help="check FILE as a whole dataset, not as records added to the bundled data",
    )
    export = command(
        "export",
        "write the dataset as JSON or a collection as CSV",
        "Write the whole dataset as JSON, in the form load() reads back, or one collection as CSV, one row a"
        " record, to standard output or a file.",
    )
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument(
        "--collection",
        choices=_COLLECTION_NAMES,
        default="events",
        help="the collection to write as CSV (default events)",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    migrate = command(
        "migrate",
        "rewrite a dataset file of an earlier schema version in the current one",
        "Rewrite a JSON file of records (schema version 1: nato-ukraine 0.1) in the current form, to standard"
        " output or a file, and say what needs a person's attention (statuses to date, roles to review).",
    )
    migrate.add_argument("file", metavar="FILE")
    migrate.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")


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
    parser = _parser()
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
        out.write(f"\nevents from {first} to {last}; sources:\n")
        for source in ds.sources:
            out.write(f"  {source.id}: {source.title}\n")
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
            {"relation": n.relation.value, "direction": n.direction.value, "id": n.record.id} for n in related
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
            out, ["relation", "direction", "id"], [[n.relation.value, n.direction.value, n.record.id] for n in related]
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
    spec = key.specs[0]
    return (_nested_header(spec) if key.field is not None and spec.shape is Shape.RECORD else by), by


def _no_field(collection: str, by: str) -> str:
    """Why ``--by by`` does not count ``collection``: its fields, and those of the collections
    that have ``by`` (or the field nearest it) to give with --collection."""
    names = sorted(s.name for s in field_specs(COLLECTIONS[collection]))
    message = f"{collection} have no field {by!r}; fields: {', '.join(names)}, year, decade"
    others = _having(by)
    if others:
        return f"{message}; {by!r} is a field of {', '.join(others)}: give --collection {' or '.join(others)}"
    everywhere = sorted({s.name for cls in COLLECTIONS.values() for s in field_specs(cls)} | {"year", "decade"})
    close = difflib.get_close_matches(by, everywhere, n=1)
    if not close:
        return message
    others = [] if close[0] in (*names, "year", "decade") else _having(close[0])
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
