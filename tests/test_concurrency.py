"""Loading from many threads at once: one bundled dataset, built once, and no errors."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import nato_ukraine as nu

THREADS = 8
T = TypeVar("T")


def run_together(task: Callable[[int], T]) -> list[T]:
    """Run ``task(i)`` in THREADS threads released at once by a barrier; its results, in order.

    Raises:
        The first exception a thread raised.
    """
    barrier = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = task(index)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which re-raises it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    if errors:
        raise errors[0]
    return results


def test_first_load_from_many_threads() -> None:
    """Eight threads making the first nu.load() of a fresh interpreter at once all get the same dataset, built once."""
    code = (
        "import threading, nato_ukraine as nu\n"
        f"barrier = threading.Barrier({THREADS})\n"
        "found = []\n"
        "def work():\n    barrier.wait(timeout=30)\n    found.append(nu.load())\n"
        f"threads = [threading.Thread(target=work) for _ in range({THREADS})]\n"
        "[t.start() for t in threads]; [t.join(timeout=120) for t in threads]\n"
        "print(len(found), len({id(ds) for ds in found}), found[0] is nu.load(), len(found[0]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert f"{THREADS} 1 True {len(nu.load())}" == result.stdout.strip()


def test_cached_load_from_many_threads() -> None:
    """Eight threads calling nu.load() once it is cached all get that same dataset."""
    bundled = nu.load()

    datasets = run_together(lambda _: nu.load())

    assert [bundled] * THREADS == datasets
    assert all(ds is bundled for ds in datasets)


SOURCE = {"id": "test-source", "name": "Test source", "title": "A source written for the tests"}


def meeting(thread: int, number: int, **fields: Any) -> dict[str, Any]:
    """The record of meeting ``number`` of a thread's file, with ``fields`` added."""
    return {
        "id": f"thread-{thread}-event-{number}",
        "name": f"Meeting {number} seen by thread {thread}",
        "kind": "meeting",
        "date": f"{2000 + thread}-{number % 12 + 1:02d}",
        "citations": [{"source": "test-source", "quote": "They met."}],
        **fields,
    }


def test_user_files_from_many_threads(tmp_path: Path) -> None:
    """Eight threads loading their own files at once each get their own records."""
    paths = []
    for i in range(THREADS):
        events = [meeting(i, j) for j in range(50 * (i + 1))]
        paths.append(tmp_path / f"thread_{i}.json")
        paths[-1].write_text(json.dumps({"sources": [SOURCE], "events": events}), encoding="utf-8")

    datasets = run_together(lambda i: nu.load(paths[i]))

    assert [50 * (i + 1) for i in range(THREADS)] == [len(ds.events) for ds in datasets]
    assert [nu.PartialDate(2000 + i, 1) for i in range(THREADS)] == [
        ds.events[f"thread-{i}-event-0"].date for i, ds in enumerate(datasets)
    ]


def test_extra_files_from_many_threads(tmp_path: Path) -> None:
    """Eight threads adding records to the bundled data at once each get their own; the bundled data stays as it was."""
    bundled = nu.load()
    count = len(bundled)
    paths = []
    for i in range(THREADS):
        event = {
            "id": f"thread-{i}-meeting",
            "name": f"Meeting seen by thread {i}",
            "kind": "meeting",
            "date": "2016-07-09",
            "bodies": ["nato-ukraine-commission"],
            "citations": [{"source": "nato-relations-with-ukraine", "quote": "The NUC met."}],
        }
        paths.append(tmp_path / f"extra_{i}.json")
        paths[-1].write_text(json.dumps({"events": [event]}), encoding="utf-8")

    datasets = run_together(lambda i: nu.load(extra=paths[i]))

    assert [count + 1] * THREADS == [len(ds) for ds in datasets]
    assert [[f"thread-{i}-meeting"] for i in range(THREADS)] == [
        [e.id for e in ds.events if e.id.startswith("thread-")] for ds in datasets
    ]
    assert count == len(bundled)
    assert bundled is nu.load()


def test_large_files_from_many_threads(tmp_path: Path) -> None:
    """Eight threads loading large files at once each find the problems of their own file and no other's: no state
    of a load is shared. Every other thread's file refers to a body that is not there."""
    paths = []
    for i in range(THREADS):
        bodies = [
            {
                "id": f"body-{i}-{k}",
                "name": f"Body {k} of thread {i}",
                "kind": "commission",
                "side": "joint",
                "citations": [{"source": "test-source", "quote": "It was set up."}],
            }
            for k in range(3)
        ]
        events = [meeting(i, j, bodies=[f"body-{i}-{j % 3}"]) for j in range(5000)]
        if i % 2:
            events[2500]["bodies"] = [f"body-{i}-missing"]
        paths.append(tmp_path / f"thread_{i}.json")
        paths[-1].write_text(json.dumps({"sources": [SOURCE], "bodies": bodies, "events": events}), encoding="utf-8")

    def load(i: int) -> int | list[str]:
        try:
            return len(nu.load(paths[i]).events)
        except nu.DataError as error:
            return [f"{problem.path}: {problem.message}" for problem in error.problems]

    results = run_together(load)

    expected = [
        [f"$.events[2500].bodies[0]: refers to 'body-{i}-missing', which no body has as its id"] if i % 2 else 5000
        for i in range(THREADS)
    ]
    assert expected == results
