"""Work done in a fork of this process while this process does something else.

The report's languages are independent: each draws its charts (matplotlib: about a second) and
renders its pages (Jinja: a cost per claim). A fork makes the other language's from the same memory
(nothing is imported or copied again), on another core, and sends them back through a pipe. Where
a fork is not safe, or fails, the work is done here when its result is asked for, the same way: the
result never depends on where it was computed.

>>> later = in_fork(lambda: 6 * 7)
>>> later()
42
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Forks only where it is known to be safe (Linux; not macOS, whose system libraries may not survive one).
SUPPORTED = sys.platform.startswith("linux") and hasattr(os, "fork")
#: A fork that has sent nothing for this long is stuck (a lock it inherited held for ever): it is
#: killed and the work done here. A report's share of work takes seconds, not minutes.
DEADLINE = 600.0
_STOPPING = {signal.SIGINT, signal.SIGTERM}


def safe_here() -> bool:
    """Whether this process may fork now: on Linux, with this thread the only Python thread (a fork
    keeps only the thread that forks, so a lock another thread held would stay locked in the fork)
    and no ZeroMQ context made for the whole process (its threads do not survive a fork). Threads
    started in C by numpy's BLAS are there in every process that imports pandas; BLAS makes itself
    safe across a fork (``pthread_atfork``), and the fork does nothing but compute, pickle and end."""
    if not SUPPORTED or threading.active_count() != 1:
        return False
    zmq = sys.modules.get("zmq")
    return zmq is None or getattr(zmq.Context, "_instance", None) is None


class Later(Generic[T]):
    """The result of work started in a fork (or to be done here): call it to get the result."""

    def __init__(self, compute: Callable[[], T], label: str, pid: int | None = None, read_end: int | None = None):
        self._compute, self._label, self._pid, self._read_end = compute, label, pid, read_end

    def __call__(self) -> T:
        """The result: from the fork if it delivered it, else computed here (an exception it raises
        is raised here). Called twice, the second call computes here."""
        if self._pid is None:
            return self._compute()
        payload, why = self._collect()
        if why is None:
            return pickle.loads(payload)  # this process's own fork wrote it
        if why:
            print(f"analysis.fork: {self._label}: {why}; made in the build's own process instead",
                  file=sys.stderr, flush=True)
        return self._compute()

    def cancel(self) -> None:
        """Stop the fork, if it is still there, and collect it (nothing is left running)."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()

    def _collect(self) -> tuple[bytes, str | None]:
        """The fork's payload and why there is none: ``None`` if it delivered, ``""`` if its work
        raised (the same error is raised when done here), else what happened to it."""
        chunks, deadline = [], time.monotonic() + DEADLINE
        assert self._read_end is not None
        while True:
            ready, _, _ = select.select([self._read_end], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self.cancel()
                return b"", f"the fork sent nothing for {DEADLINE:.0f} s and was stopped"
            chunk = os.read(self._read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        status = self._reap()
        payload = b"".join(chunks)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and payload:
            return payload, None
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1:
            return b"", ""
        if os.WIFSIGNALED(status):
            return b"", f"the fork was killed by signal {os.WTERMSIG(status)}"
        if os.WIFEXITED(status):
            return b"", f"the fork ended with exit status {os.WEXITSTATUS(status)}"
        return b"", f"the fork ended with wait status {status}"

    def _reap(self) -> int:
        pid, read_end = self._pid, self._read_end
        self._pid = self._read_end = None
        if read_end is not None:
            with contextlib.suppress(OSError):
                os.close(read_end)
        try:
            return os.waitpid(pid, 0)[1] if pid is not None else 0
        except ChildProcessError:
            return -1


def in_fork(compute: Callable[[], T], label: str = "work") -> Later[T]:
    """Start ``compute()`` in a fork of this process now; return what waits for its result
    (:class:`Later`). Where a fork is not safe (:func:`safe_here`), or fails, ``compute()`` runs
    here when its result is asked for. ``label`` names the work in a message if the fork fails."""
    if not safe_here():
        return Later(compute, label)
    parent = os.getpid()
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return Later(compute, label)
    # Ctrl-C or SIGTERM between the fork and the fork's own handlers would unwind the build's
    # clean-up in the fork: they wait until the fork has the default handlers.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(read_end)
        os.close(write_end)
        return Later(compute, label)
    if pid == 0:  # the fork: compute, send, and end without running this process's exit handlers
        status = 1
        try:
            for stopping in _STOPPING:
                signal.signal(stopping, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            os.close(read_end)
            end_with(parent)
            payload = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    os.close(write_end)
    return Later(compute, label, pid, read_end)


def end_with(parent: int) -> None:
    """In a fork: be killed when the process that forked it ends (Linux's PR_SET_PDEATHSIG, which
    fires when the forking thread ends: a fork is made only from a process's one thread), so a fork
    never outlives a build that was stopped; end now if ``parent`` already has."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)
