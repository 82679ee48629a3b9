"""Loading from many threads at once: one bundled dataset, built once, and no errors."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

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
            "participants": [{"body": "nato-ukraine-commission", "role": "participant"}],
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
        events = [meeting(i, j, participants=[{"body": f"body-{i}-{j % 3}", "role": "host"}]) for j in range(5000)]
        if i % 2:
            events[2500]["participants"] = [{"body": f"body-{i}-missing", "role": "host"}]
        paths.append(tmp_path / f"thread_{i}.json")
        paths[-1].write_text(json.dumps({"sources": [SOURCE], "bodies": bodies, "events": events}), encoding="utf-8")

    def load(i: int) -> int | list[str]:
        try:
            return len(nu.load(paths[i]).events)
        except nu.DataError as error:
            return [f"{problem.path}: {problem.message}" for problem in error.problems]

    results = run_together(load)

    expected = [
        [f"$.events[2500].participants[0].body: refers to 'body-{i}-missing', which no body has as its id"]
        if i % 2
        else 5000
        for i in range(THREADS)
    ]
    assert expected == results


# -- The process is left as found ---------------------------------------------------------------


def large_file(tmp_path: Path, count: int = 20_000, broken: bool = False) -> Path:
    """A file of ``count`` events (enough that a load pauses the collector and hands what it made to the oldest
    generation); with ``broken``, its last event has a date that is no date."""
    events = [meeting(0, j) for j in range(count)]
    if broken:
        events[-1]["date"] = "Juny 2017"
    path = tmp_path / ("broken.json" if broken else "large.json")
    path.write_text(json.dumps({"sources": [SOURCE], "events": events}), encoding="utf-8")
    return path


def collector_state() -> tuple[bool, tuple[int, ...]]:
    """Whether the collector is on, and its thresholds."""
    return gc.isenabled(), gc.get_threshold()


def frozen(objects: list[object]) -> bool:
    """Whether every one of ``objects`` is frozen: in none of the collector's generations (gc.freeze() moves
    objects out of them, gc.unfreeze() back)."""
    collected = {id(found) for found in gc.get_objects()}
    return not any(id(item) in collected for item in objects)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector on", "collector off"])
@pytest.mark.parametrize("broken", [False, True], ids=["load", "failed load"])
def test_a_load_leaves_the_collector_as_it_was(tmp_path: Path, enabled: bool, broken: bool) -> None:
    """After a load, good or failed, the collector is on or off as the caller left it, with its thresholds, and the
    objects the caller froze are still frozen."""
    path = large_file(tmp_path, broken=broken)
    kept: list[object] = [[] for _ in range(10)]
    was_enabled = gc.isenabled()
    gc.freeze()
    try:
        if not enabled:
            gc.disable()
        before = collector_state()
        try:
            nu.load(path)
        except nu.DataError:
            assert broken
        assert (before, True) == (collector_state(), frozen(kept))
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
    assert not frozen(kept)


def test_a_collector_switched_off_by_another_thread_during_a_load_stays_off(tmp_path: Path) -> None:
    """While a large load runs, another thread switches the collector on and off, and leaves it off: when the load
    ends, it is still off, and its thresholds are the caller's."""
    path = large_file(tmp_path, 60_000)
    thresholds = gc.get_threshold()
    started = threading.Event()
    stop = threading.Event()

    def toggle() -> None:
        started.set()
        while not stop.is_set():
            gc.enable()
            gc.disable()

    toggler = threading.Thread(target=toggle)
    try:
        toggler.start()
        started.wait(timeout=30)
        ds = nu.load(path)
        stop.set()
        toggler.join(timeout=30)
        assert (False, thresholds, 60_000) == (gc.isenabled(), gc.get_threshold(), len(ds.events))
    finally:
        stop.set()
        gc.enable()


def test_the_cached_dataset_cannot_be_changed_through_its_attributes() -> None:
    """The bundled dataset, shared by every caller, refuses to have a collection replaced or deleted, and its
    collections and records refuse changes too."""
    ds = nu.load()
    events = ds.events
    for change in (
        lambda: delattr(ds, "events"),
        lambda: setattr(ds, "events", None),
        lambda: setattr(ds, "anything", None),
        lambda: setattr(events, "name", "other"),
        lambda: delattr(events, "name"),
        lambda: setattr(events, "anything", None),
    ):
        with pytest.raises(AttributeError):
            change()
    with pytest.raises(AttributeError):
        events.first().name = "changed"  # type: ignore[misc, union-attr]

    assert (events, len(events)) == (nu.load().events, len(nu.load().events))
