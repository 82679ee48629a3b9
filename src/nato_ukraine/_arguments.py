"""The arguments of the ``nato-ukraine`` command line: its parser, subcommands and options.

:func:`build_parser` makes the parser :mod:`nato_ukraine.cli` runs; a mistyped subcommand or
choice gets the nearest one suggested.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from nato_ukraine.dates import PartialDate
from nato_ukraine.models import COLLECTIONS, EventKind

__all__ = ["COLLECTION_NAMES", "Parser", "build_parser", "parse_date", "parse_kind", "suggestion"]

COLLECTION_NAMES = tuple(COLLECTIONS)


class Parser(argparse.ArgumentParser):
    """An argument parser that suggests the nearest choice for a mistyped one."""

    def error(self, message: str) -> NoReturn:
        match = re.search(r"argument (.+?): invalid choice: (['\"])(.*?)\2", message)
        if match is not None and "did you mean" not in message:
            choices = next((a.choices for a in self._actions if a.choices and _name_of(a) == match[1]), None)
            message += suggestion(match[3], [str(c) for c in choices or ()])
        super().error(message)


def _name_of(action: argparse.Action) -> str | None:
    """An argument's name as argparse's messages give it."""
    if action.option_strings:
        return "/".join(action.option_strings)
    return action.metavar if isinstance(action.metavar, str) else action.dest


def suggestion(given: str, choices: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` for the choice nearest ``given``, or nothing."""
    close = difflib.get_close_matches(given, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def parse_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_kind(text: str) -> EventKind:
    """An event kind, in any case, with spaces or hyphens for underscores (``"Military action"``)."""
    value = re.sub(r"[\s-]+", "_", text.strip().lower())
    try:
        return EventKind(value)
    except ValueError:
        kinds = [k.value for k in EventKind]
        hint = suggestion(value, kinds)
        raise argparse.ArgumentTypeError(f"unknown event kind {text!r}; kinds: {', '.join(kinds)}{hint}") from None


def _common(*, top: bool) -> Parser:
    # The options every subcommand takes, before or after its name. A subcommand's copy leaves
    # unset what was not given, so it does not undo what was given before the name.
    default: Any = None if top else argparse.SUPPRESS
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=False if top else default, help="print JSON")
    common.add_argument("--data", metavar="PATH", default=default, help="use this dataset instead of the bundled data")
    common.add_argument("--extra", metavar="PATH", default=default, help="add these records to the bundled data")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    timeline.add_argument("--from", dest="start", type=parse_date, metavar="DATE", help="leave out what is before DATE")
    timeline.add_argument("--to", dest="end", type=parse_date, metavar="DATE", help="leave out what is after DATE")
    timeline.add_argument(
        "--kind",
        type=parse_kind,
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
    show.add_argument("--on", type=parse_date, metavar="DATE", help="pick the record that name had on DATE")
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
        choices=COLLECTION_NAMES,
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
        choices=COLLECTION_NAMES,
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
