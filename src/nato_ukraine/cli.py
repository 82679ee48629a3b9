"""The ``nato-ukraine`` command line (also ``python -m nato_ukraine``).

Subcommands: ``summary``, ``timeline``, ``show``, ``search``, ``stats``, ``validate`` and
``export``. Output is an aligned table by default and JSON with ``--json``. Errors go to stderr:
exit code 2 for a usage error, 1 for a data problem (a file that does not validate, an id or
name that nothing has), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from nato_ukraine.dates import PartialDate
from nato_ukraine.exceptions import AmbiguousNameError, DataError, NatoUkraineError
from nato_ukraine.models import Event, EventKind, Source

if TYPE_CHECKING:
    from nato_ukraine.dataset import Dataset
    from nato_ukraine.models import Record

__all__ = ["main"]


class _UsageError(Exception):
    """A command given wrong arguments: exit code 2."""


def _date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _common(*, top: bool) -> argparse.ArgumentParser:
    # The options every subcommand takes, before or after its name. A subcommand's copy leaves
    # unset what was not given, so it does not undo what was given before the name.
    default: Any = None if top else argparse.SUPPRESS
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=False if top else default, help="print JSON")
    common.add_argument("--data", metavar="PATH", default=default, help="use this dataset instead of the bundled data")
    common.add_argument("--extra", metavar="PATH", default=default, help="add these records to the bundled data")
    return common


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nato-ukraine",
        description="Query the cited dataset of NATO-Ukraine relations.",
        parents=[_common(top=True)],
    )
    common = _common(top=False)
    parser.add_argument("--version", action="store_true", help="print the package and data versions")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("summary", parents=[common], help="the data version, as-of date and record counts")

    timeline = sub.add_parser("timeline", parents=[common], help="every dated thing, in order")
    timeline.add_argument("--from", dest="start", type=_date, metavar="DATE", help="leave out what is before DATE")
    timeline.add_argument("--to", dest="end", type=_date, metavar="DATE", help="leave out what is after DATE")
    timeline.add_argument("--kind", help="only events of this kind (meeting, summit, signing, ...)")
    timeline.add_argument("--body", metavar="ID-OR-NAME", help="only what involves this body")

    show = sub.add_parser("show", parents=[common], help="one record, by id, name, acronym or alias")
    show.add_argument(
        "name", nargs="+", metavar="ID-OR-NAME", help="an id, name, acronym or alias (its words need no quotes)"
    )
    show.add_argument("--on", type=_date, metavar="DATE", help="pick the record that name had on DATE")

    search = sub.add_parser("search", parents=[common], help="search names, aliases and descriptions")
    search.add_argument("text", nargs="+", help="the words to look for (they need no quotes)")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")

    stats = sub.add_parser("stats", parents=[common], help="count records by year, decade or any field")
    stats.add_argument(
        "--by",
        default="year",
        metavar="KEY",
        help="year or decade of the records' dates, or any of their fields: kind, level, body, status, side, ..."
        " (default year)",
    )
    stats.add_argument(
        "--collection",
        choices=("events", "bodies", "programmes", "agreements", "operations", "people", "sources"),
        default="events",
    )

    validate = sub.add_parser("validate", parents=[common], help="check a dataset file and print every problem")
    validate.add_argument("file", metavar="FILE")
    validate.add_argument(
        "--standalone",
        action="store_true",
        help="check FILE as a whole dataset, not as records added to the bundled data",
    )

    export = sub.add_parser("export", parents=[common], help="write the dataset as JSON or a collection as CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument(
        "--collection",
        choices=("events", "bodies", "programmes", "agreements", "operations", "people", "sources"),
        default="events",
        help="the collection to write as CSV (default events)",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; None for ``sys.argv[1:]``.

    Returns:
        The exit code: 0 on success, 1 for a data problem, 2 for a usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on a usage error, 0 on --help
        return int(exc.code or 0)
    out = sys.stdout
    try:
        if args.version:
            return _version(args, out)
        if args.command is None:
            parser.print_help(out)
            return 0
        handler: Callable[[argparse.Namespace, TextIO], int] = _COMMANDS[args.command]
        return handler(args, out)
    except BrokenPipeError:  # the reader went away (| head); nothing left to say
        sys.stderr.close()
        return 0
    except (_UsageError, OSError) as exc:  # what was asked for cannot be (a file missing, a directory to write to)
        said = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.filename and exc.strerror else exc
        print(f"nato-ukraine: error: {said}", file=sys.stderr)
        return 2
    except AmbiguousNameError as exc:  # said in the command line's words, not the library's (on=)
        ids = ", ".join(c.id for c in exc.candidates)
        when = f" on {exc.on}" if exc.on is not None else ""
        hint = "give an id, or --on DATE" if args.command == "show" and exc.on is None else "give an id"
        print(f"nato-ukraine: {exc.name!r} names {len(exc.candidates)} records{when}: {ids}; {hint}", file=sys.stderr)
        return 1
    except NatoUkraineError as exc:  # bad data, an unknown name
        print(f"nato-ukraine: {exc}", file=sys.stderr)
        return 1


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
    kind = None
    if args.kind is not None:
        try:
            kind = EventKind(args.kind)
        except ValueError:
            raise _UsageError(
                f"unknown event kind {args.kind!r}; one of: {', '.join(k.value for k in EventKind)}"
            ) from None
    body = None if args.body is None else ds.lookup(args.body).id
    entries = ds.timeline(args.start, args.end)
    if kind is not None:
        entries = [e for e in entries if isinstance(e.record, Event) and e.record.kind is kind]
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
    _emit(args, out, payload, ["date", "what", "id", "name"], rows)
    return 0


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
    results = ds.search(" ".join(args.text), limit=args.limit)
    payload = [{"id": r.id, "type": type(r).__name__.lower(), "name": r.name} for r in results]
    _emit(args, out, payload, ["id", "type", "name"], [[r.id, type(r).__name__.lower(), r.name] for r in results])
    return 0


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    collection = ds.collections()[args.collection]
    try:
        counts = collection.count_by(args.by)  # (a singular, "body", names its field too)
    except TypeError as exc:
        raise _UsageError(str(exc)) from None
    _emit(
        args,
        out,
        [{"key": key, "count": count} for key, count in counts.items()],
        [args.by, "count"],
        [["(none)" if key is None else key, count] for key, count in counts.items()],
    )
    return 0


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
    "search": _search,
    "show": _show,
    "stats": _stats,
    "summary": _summary,
    "timeline": _timeline,
    "validate": _validate,
}
