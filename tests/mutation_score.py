"""The mutation score of ``make mutate``: the share of each file's mutants that the tests kill.

Not a test (pytest collects ``test_*.py`` only): ``make mutate`` runs it after ``mutmut run``,
from the repository root, on the files it mutated::

    python tests/mutation_score.py --min 90 src/nato_ukraine/dates.py

It reads mutmut's results (``mutants/<file>.meta``), prints each file's score (killed / all) and
each mutant that was not killed, with its status and the command that shows it, and exits 1 if a
file's score is under ``--min`` percent or a mutant was never run. A mutant counts as killed when
a test failed on it or it ran out of time (an infinite loop the tests would notice).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

KILLED = frozenset({"killed", "timeout"})


def results(source: str) -> dict[str, str]:
    """The status of each mutant of ``source`` (a path such as ``src/nato_ukraine/dates.py``)."""
    meta = Path("mutants") / f"{source}.meta"
    if not meta.is_file():
        sys.exit(f"no mutmut results for {source} ({meta}): is it in [tool.mutmut] only_mutate, and did mutmut run?")
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return {name: status_by_exit_code[code] for name, code in codes.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="the mutated source files")
    parser.add_argument("--min", type=float, default=90.0, help="the lowest score that passes, in percent")
    args = parser.parse_args(argv)

    failed = False
    all_killed = all_total = 0
    for source in args.files:
        statuses = results(source)
        killed = sum(status in KILLED for status in statuses.values())
        total = len(statuses)
        score = 100.0 * killed / total if total else 100.0
        verdict = "ok" if score >= args.min else f"FAIL: under {args.min:g}%"
        print(f"{source}: {killed}/{total} mutants killed ({score:.1f}%) {verdict}")
        for name, status in sorted(statuses.items()):
            if status not in KILLED:
                print(f"    {status:<12} mutmut show {name}")
        unchecked = sum(status == "not checked" for status in statuses.values())
        if unchecked:
            print(f"    {unchecked} mutants were never run: run `make mutate` to the end")
        failed |= score < args.min or unchecked > 0
        all_killed, all_total = all_killed + killed, all_total + total
    if len(args.files) > 1 and all_total:
        print(f"all: {all_killed}/{all_total} mutants killed ({100.0 * all_killed / all_total:.1f}%)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
