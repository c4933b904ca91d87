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
_holders: set[object] = set()  # one token for each block, on any thread, inside paused()
_was_enabled = [False]  # whether the collector ran when the first of the blocks now inside began


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, then back as it was before the first of the
    blocks that overlap (on the build's threads, or nested) began: on when the last one ends if it
    was on, still off if the caller had turned it off. An interrupt (Ctrl-C) at any point, even
    while the block is being entered, still puts it back.

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    token = object()
    try:
        with _lock:
            if not _holders:
                _was_enabled[0] = gc.isenabled()
            _holders.add(token)
            gc.disable()
        yield
    finally:
        with _lock:
            _holders.discard(token)
            if not _holders and _was_enabled[0]:
                gc.enable()


@contextmanager
def spared() -> Iterator[None]:
    """What the process holds now (its imports, the data) kept out of the collector's sight until
    the block ends (``gc.freeze``, then ``gc.unfreeze``), as the kernels keep their imports: each
    full collection walked it all again, and the build's records of a thousand claims set off more
    of them (about 0.1 ms a claim). No collection first (it would cost one): a cycle that is garbage
    at that moment waits for the end of the block. Left as it is if something froze objects already.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
