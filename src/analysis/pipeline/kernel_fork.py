"""Kernels forked from one warm process: the imports done once per build, not once per kernel.

A build starts one *zygote* (``python -c "…serve()"``) as soon as it starts: it imports what every
kernel imports (ipykernel, pandas, matplotlib, the package:
:data:`~analysis.pipeline.kernel_state.WARM_PACKAGES`), as inside a Jupyter kernel, then waits. Each kernel the build asks for is a ``fork`` of it that becomes an ordinary IPython
kernel (``IPKernelApp``, as ``python -m ipykernel_launcher`` would run it) in its own session, with
the environment, working folder and arguments jupyter_client gives it. jupyter_client manages it
through :class:`~analysis.pipeline.kernels.ForkProvisioner` (its ``LocalProvisioner``, launching
by the zygote instead of ``Popen``): connection files, ports, messages, interrupts, shutdown are
jupyter_client's own. A fork ends with the zygote, which ends with the build. This module does not
import jupyter_client: the build starts the zygote first thing, before it has imported anything heavy.

Why: on two cores, importing pandas, matplotlib and the package costs more than running most
notebooks, and two kernels importing them at once take each other's core. A fork shares the
zygote's memory until written to and starts in about the time IPython takes to set up.

Where ``fork`` is not safe or not there (not Linux), the zygote cannot start, or the kernelspec
sets environment variables (the zygote imported under the build's own), kernels start the usual
way (``Popen``): slower, never wrong.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import random
import select
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path

from analysis import fork

#: Kernels are forked only where it is known to be safe (no Objective-C runtime, as on macOS).
SUPPORTED = fork.SUPPORTED
#: What a kernelspec runs for an IPython kernel (``python -m ipykernel_launcher -f …``).
LAUNCHER = "ipykernel_launcher"
#: Seconds to wait for the zygote's answer (its imports, for the first kernel), as for a kernel's.
REPLY_TIMEOUT = 120


class Zygote:
    """The warm process kernels are forked from (one per build; started at once, in the background).
    Thread-safe: each kernel thread asks it for its kernel."""

    def __init__(self, python: str, cwd: Path) -> None:
        self.python = python
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        code = f"from analysis.pipeline.kernel_fork import serve; serve({commands_read}, {replies_write})"
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                [python, "-c", code], cwd=cwd, stdin=subprocess.DEVNULL,
                pass_fds=(commands_read, replies_write))
        except OSError:
            self.process = None
        finally:
            os.close(commands_read)
            os.close(replies_write)
        self._lock = threading.Lock()
        self.closed = False
        self.usable = self.process is not None
        self._reader = os.fdopen(self._replies, "r", encoding="utf-8")
        self._writer = os.fdopen(self._commands, "w", encoding="utf-8")

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int | None:
        """A new kernel process (its pid) run as ``ipykernel_launcher argv`` with ``env`` in ``cwd``;
        ``None`` if the zygote is not there (it failed to start, stopped, gave no answer within
        :data:`REPLY_TIMEOUT`, or was given up): start it the usual way."""
        request = json.dumps({"argv": argv, "env": env, "cwd": cwd})
        with self._lock:
            if self.closed:
                raise RuntimeError("the build stopped its kernels")
            if not self.usable or self.process is None or self.process.poll() is not None:
                return None
            try:
                self._writer.write(request + "\n")
                self._writer.flush()
                # after its imports, for the first kernel
                answered = select.select([self._reader], [], [], REPLY_TIMEOUT)[0]
                reply = self._reader.readline() if answered else ""
            except (OSError, ValueError):
                reply = ""
            if not reply and self.closed:
                raise RuntimeError("the build stopped its kernels")
            if not reply:
                self.usable = False  # stuck or gone: no kernel from it any more
                return None
        return json.loads(reply)["pid"]

    def give_up(self) -> None:
        """Fork no more kernels (one of its forks failed to start): the next ones start the usual
        way. The zygote itself stays until :meth:`close`, its running kernels with it."""
        self.usable = False

    def close(self, wait: bool = True) -> None:
        """Stop the zygote at once (a thread waiting for a kernel gets none); ``wait=False``: without
        waiting for it to be gone (20 ms: the system frees its memory), which a later ``close()``
        does. Its kernels are stopped by their managers; one left alone is killed with it."""
        self.closed = True
        if self.process is not None:
            with contextlib.suppress(OSError):
                self.process.kill()
            if wait:
                self.process.wait()
        with self._lock, contextlib.suppress(OSError, ValueError):
            self._writer.close()
            self._reader.close()


def start_zygote(cwd: Path) -> Zygote | None:
    """The process kernels will be forked from, started now in ``cwd`` with this interpreter
    (``None`` where kernels cannot be forked). Whoever starts it closes it."""
    return Zygote(sys.executable, cwd) if SUPPORTED else None


class ForkedProcess:
    """A forked kernel, as much of ``subprocess.Popen`` as jupyter_client's ``LocalProvisioner``
    uses. It is the zygote's child, not this process's: the zygote reaps it, so it runs as long as
    a process with its pid and its start time does (a pid the system gave to another process since
    is not it: never signalled). Its exit status is not known here: 0 once it is gone."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.started = _start_time(pid)
        self.returncode: int | None = None if self.started is not None else 0

    def poll(self) -> int | None:
        if self.returncode is None and not _running(self.pid, self.started):
            self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import time

        waited = 0.0
        while self.poll() is None:
            if timeout is not None and waited >= timeout:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.01)
            waited += 0.01
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (which may hold spaces), or
    ``None`` if there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return stat[stat.rfind(")") + 2:].split()


def _start_time(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot), ``None`` if there is no such process."""
    fields = _stat(pid)
    return fields[19] if fields and len(fields) > 19 else None


def _running(pid: int, started: str | None = None) -> bool:
    """Whether process ``pid`` (started at ``started``, if given) runs: it exists, has not ended (a
    zombie has: once the zygote is gone, a kernel that ends waits for the system to reap it), and
    is the same process."""
    fields = _stat(pid)
    if not fields or fields[0] in ("Z", "X", "x"):
        return False
    return started is None or (len(fields) > 19 and fields[19] == started)


# --- in the zygote ---------------------------------------------------------------------------------

def serve(commands_fd: int, replies_fd: int) -> None:
    """The zygote: import what kernels import, then fork a kernel for each request read from
    ``commands_fd`` (a JSON line: argv, env, cwd), replying with its pid on ``replies_fd``. Ends
    when the build closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the build, which stops this
    import builtins
    from types import SimpleNamespace

    from analysis.pipeline import kernel_state

    # What ipykernel sets before anything imports matplotlib (a user's own setting is kept).
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # debugpy, which every kernel imports as it starts (0.14 s); its warning about frozen modules,
    # which a kernel sends to no one, would reach the terminal from here.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # A library that asks, as it is imported, whether it runs in a Jupyter kernel (pandas sets
    # display.max_columns to 20 there, 0 in a terminal) hears yes, as in the kernels it is for.
    builtins.get_ipython = lambda: SimpleNamespace(kernel=None)  # type: ignore[attr-defined]
    try:
        import ipykernel.debugger
        import ipykernel.ipkernel
        import ipykernel.kernelapp  # noqa: F401

        kernel_state.load(kernel_state.WARM_PACKAGES, kernel_state.WARM_MODULES)
    except Exception:  # noqa: BLE001 - the kernels start the usual way, and their notebooks say what is wrong
        os._exit(1)
    finally:
        del builtins.get_ipython  # type: ignore[attr-defined]
    gc.collect()
    gc.freeze()  # shared with every fork, and never walked by their collections
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels that end are reaped at once
    with os.fdopen(commands_fd, "r", encoding="utf-8") as commands, \
            os.fdopen(replies_fd, "w", encoding="utf-8") as replies:
        for line in commands:
            request = json.loads(line)
            pid = None
            if fork.safe_here():  # one thread, no ZeroMQ context: the rule for every fork the project makes
                zygote = os.getpid()
                pid = os.fork()
                if pid == 0:
                    _become_kernel(request, (commands_fd, replies_fd), zygote)
            replies.write(json.dumps({"pid": pid}) + "\n")  # None: start it the usual way
            replies.flush()


def _become_kernel(request: dict, inherited: tuple[int, ...], zygote: int) -> None:
    """In a fresh fork of ``zygote``: become what ``python -m ipykernel_launcher argv`` would start;
    never returns."""
    status = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel's own subprocesses are waited for
        signal.signal(signal.SIGINT, signal.default_int_handler)  # an interrupt stops a cell
        # Killed when the zygote ends: a kernel it forked just as the build stopped it, which the
        # build never heard of, does not outlive it (and one whose zygote is already gone ends now).
        fork.end_with(zygote)
        os.setsid()
        for fd in inherited:
            with contextlib.suppress(OSError):
                os.close(fd)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if sys.path and sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; IPython puts the kernel's folder back
        sys.path_importer_cache.clear()  # finders made for the zygote's folder
        random.seed()  # its own random state, as a new process has (not the zygote's, shared by every fork)
        if (numpy_random := sys.modules.get("numpy.random")) is not None:
            numpy_random.seed()
        sys.argv = [_launcher_path(), *request["argv"]]  # as `python -m ipykernel_launcher …` has it
        from ipykernel.kernelapp import IPKernelApp

        # Settings ipykernel reads from the environment when it is imported (in the zygote, before
        # this kernel's environment was known): its parent, to end with it.
        parent = [f"--IPKernelApp.parent_handle={os.getppid()}"]
        IPKernelApp.launch_instance(argv=[*parent, *request["argv"]])
        status = 0
    except BaseException:  # noqa: BLE001 - reported on the kernel's stderr, then the fork ends
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)


def _launcher_path() -> str:
    """The file ``python -m ipykernel_launcher`` runs (its ``sys.argv[0]``)."""
    import importlib.util

    spec = importlib.util.find_spec(LAUNCHER)
    return spec.origin if spec is not None and spec.origin else LAUNCHER
