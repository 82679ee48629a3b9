"""Pausing the cyclic garbage collector while a load or an index makes many objects.

Making many small objects trips the collector over and over, and each of its passes looks at
every object made so far, though none of them forms a cycle: at a hundred thousand records that
is about two fifths of a load (``docs/performance.md``).

The pause leaves the process as it found it. It does not switch the collector off (another
thread may switch it off or on meanwhile, and that must stand): it sets the collector's first
threshold to 0, which stops automatic collection, and sets the thresholds back when the last of
the pauses under way in the process ends. Objects the program froze (``gc.freeze()``) stay
frozen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LONG_LIVED", "paused"]

#: How many new objects make a pause hand them to the collector's oldest generation as it ends.
LONG_LIVED = 10_000

# The collector is the process's: so is the count of the pauses under way and the thresholds to
# set back when the last one ends. (A lock guards these two only; it serialises nothing else.)
_lock = threading.Lock()
_pauses = 0
_thresholds: tuple[int, ...] = ()


@contextmanager
def paused() -> Iterator[None]:
    """Stop automatic collection for the duration of the block.

    When the last pause ends well, having made many objects (a dataset of thousands of records), they
    go straight to the collector's oldest generation, by ``gc.freeze()`` then ``gc.unfreeze()``
    (each moves whole lists, at no cost per object). Left in the youngest, they would all be
    looked at on the first allocation after, only to find what is known: a dataset lives long
    and has no cycles. Not done when the program has frozen objects of its own, which
    ``gc.unfreeze()`` would let go, nor when the collector is off.
    """
    global _pauses, _thresholds
    with _lock:
        if _pauses == 0:
            _thresholds = gc.get_threshold()
            gc.set_threshold(0)
        _pauses += 1
    done = False
    try:
        yield
        done = True
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                gc.set_threshold(*_thresholds)
                kept = done and gc.isenabled() and gc.get_count()[0] >= LONG_LIVED
                if kept and gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
