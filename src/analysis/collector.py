"""Python's cycle collector, paused around work that makes many objects.

Checking a thousand claims, drawing their cards or reading their records back makes millions of
small objects, most of them freed at once by reference counting; the cycle collector still runs
every few thousand allocations, and each full collection walks every object still alive: the
records already made, the models validated so far. The more claims, the more collections and the
longer each: a fifth of a notebook's checks and of the report's pages for a thousand claims, and
more than half of the build's reading back of the records for five thousand. Paused, what the work
leaves in cycles is collected after it, as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # how many blocks, on any thread, are inside paused()
_was_enabled = False  # whether the collector ran when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, then back as it was before the first of the
    blocks that overlap (on the build's threads, or nested) began: on when the last one ends if it
    was on, still off if the caller had turned it off.

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
