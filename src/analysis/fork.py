"""Work done in a fork of this process while this process does something else.

The report draws its charts (matplotlib: a few seconds, whatever the register's size) and renders
its pages (Jinja: a cost per claim); the pages need the charts only at the very end. A fork renders
the pages on the other core from the same memory (nothing is imported or copied again) and sends
them back through a pipe. Where a fork is not safe, the work is done here, later, the same way: the
result never depends on where it was computed.

>>> later = in_fork(lambda: 6 * 7)
>>> later()
42
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Forks only where it is known to be safe (Linux; not macOS, whose system libraries may not survive one).
SUPPORTED = sys.platform.startswith("linux") and hasattr(os, "fork")


def safe_here() -> bool:
    """Whether this process may fork now: on Linux, with this thread the only one (a fork keeps only
    the thread that forks, so a lock another thread held would stay locked in the fork)."""
    return SUPPORTED and threading.active_count() == 1


def in_fork(compute: Callable[[], T]) -> Callable[[], T]:
    """Start ``compute()`` in a fork of this process now; return what waits for its result. Where a
    fork is not safe (:func:`safe_here`), or the fork fails, ``compute()`` runs in this process when
    its result is asked for (an exception it raises is raised then, here)."""
    if not safe_here():
        return compute
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return compute
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return compute
    if pid == 0:  # the fork: compute, send, and end without running this process's exit handlers
        status = 1
        try:
            os.close(read_end)
            _end_with_parent()
            payload = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def wait() -> T:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0 and payload:
            return pickle.loads(payload)  # this process's own fork wrote it
        return compute()  # the fork failed (killed, out of memory, an error): here, with its error if any

    return wait


def _end_with_parent() -> None:
    """Be killed when the process that forked this one ends (Linux's PR_SET_PDEATHSIG): a fork never
    outlives a build that was stopped."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
