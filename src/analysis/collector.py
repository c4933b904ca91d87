"""Python's cycle collector, paused around work that makes many short-lived objects.

Checking a thousand claims, or drawing their cards, allocates millions of small objects that
reference counting frees at once; the cycle collector still runs every few thousand allocations,
and each full collection walks every record and table still alive (a fifth of a notebook's
checks, and of the report's pages, for a thousand claims). Paused, what the work leaves in cycles
is collected after it, as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, then back as it was (still off if it was off:
    nested pauses, or a caller that turned it off, keep it so).

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
