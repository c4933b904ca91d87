"""Warm kernels: the build runs its notebooks on a few threads, each owning one Jupyter kernel. The
kernels start as soon as the build knows it has notebooks to run and import the package while it
checks its inputs; each runs its thread's notebooks one after another, put back to a fresh state
before each one (:mod:`analysis.pipeline.kernel_state`). papermill still reads, parameterises and
executes every notebook (its injected-parameters cell, its error handling): its engine interface
hands it the running kernel and its client (:mod:`analysis.pipeline.warm_engine`) instead of starting one. A kernel
that died, hung or failed to reset is replaced. Threads are enough: the work is in the kernels.

The kernels are forked from one process that did the imports once for the build
(:mod:`analysis.pipeline.kernel_fork`), where the system allows it; else each starts and imports
on its own.

Why: starting a kernel and importing pandas, matplotlib and the package costs more than running
most notebooks; five kernels started cold on two cores take three rounds of it, and two kernels
importing at once take each other's core.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import run_sync

from analysis.errors import AnalysisError
from analysis.pipeline.kernel_fork import LAUNCHER, ForkedProcess, Zygote, start_zygote
from analysis.pipeline.kernel_state import WARM_MODULES, WARM_PACKAGES

READY_TIMEOUT = 120  # seconds for a new kernel to answer and import the package
POLL = 0.5  # seconds between two looks at whether a kernel that has not answered yet is still alive
IOPUB_WAIT = 0.2  # seconds for a kernel's first output message (as jupyter_client's wait_for_ready)


class KernelError(AnalysisError):
    """A warm kernel could not be started, prepared or reset (the notebook did not run)."""


class WarmKernel:
    """One running kernel with the package imported, and a client connected to it. Used by the
    thread that started it (its client belongs to that thread's event loop)."""

    def __init__(self, kernel_name: str, zygote: Zygote | None = None) -> None:
        self.km = AsyncKernelManager(kernel_name=kernel_name)
        if zygote is not None:  # forked from the build's warm process, where it can be
            self.km.kernel_id = str(uuid.uuid4())
            self.km.provisioner = ForkProvisioner(kernel_id=self.km.kernel_id, kernel_spec=self.km.kernel_spec,
                                                  parent=self.km)
            self.km.provisioner.zygote = zygote
        self.kc = None
        self.started_in: str | None = None  # the folder it started in, until it runs its first notebook

    def start(self, cwd: str, extra_arguments: list[str]) -> None:
        """Start the kernel in ``cwd`` and import the package in it (stopped again if that fails)."""
        try:
            run_sync(self._start)(cwd, list(extra_arguments))
        except BaseException:
            self.shutdown()
            raise

    async def _start(self, cwd: str, extra_arguments: list[str]) -> None:
        await self.km.start_kernel(cwd=cwd, extra_arguments=extra_arguments)
        self.started_in = cwd
        self.kc = self.km.client()
        self.kc.start_channels()
        await self._ready()
        await self._silent("import analysis.pipeline.kernel_state as _state\n"
                           f"_state.prepare({WARM_PACKAGES!r}, {WARM_MODULES!r})\ndel _state", "prepared")

    def fresh(self, cwd: Path) -> None:
        """The kernel as a new one would be for a notebook in ``cwd`` (its imports done). A kernel
        that has run nothing since it was prepared, in ``cwd``, is already that: no reset."""
        started, self.started_in = self.started_in, None
        if started == str(cwd):
            return
        code = f"__import__('analysis.pipeline.kernel_state').pipeline.kernel_state.fresh({str(cwd)!r})"
        run_sync(self._silent)(code, "reset")

    def alive(self) -> bool:
        return bool(run_sync(self.km.is_alive)())

    def kill(self) -> None:
        """Kill the kernel's process, from any thread (no message to it): the thread using the
        kernel sees it die and stops."""
        with contextlib.suppress(Exception):
            process = getattr(self.km.provisioner, "process", None)
            if process is not None:
                process.kill()

    def shutdown(self) -> None:
        """Stop the kernel and close its client (safe to call twice, or on a kernel that died).
        Only from the thread that uses it, or once no thread does."""
        with contextlib.suppress(Exception):  # a kernel already gone is what shutting down wants
            if self.kc is not None:
                client, self.kc = self.kc, None
                client.stop_channels()
            if self.km.has_kernel:
                run_sync(self.km.shutdown_kernel)(now=True)

    async def _ready(self) -> None:
        """Wait until the kernel answers and its output channel reaches this client: jupyter_client's
        ``wait_for_ready`` without its last step, which waits 0.2 s for the output channel to fall
        silent (a notebook's client reads only the output of its own requests)."""
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            await self._reply(self.kc.kernel_info(), "started")
            try:
                await self.kc.get_iopub_msg(timeout=IOPUB_WAIT)
                return
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise KernelError("the kernel could not be started: its output never reached the build") from None
                continue  # its output went out before this client was subscribed: ask again

    @property
    def forked(self) -> bool:
        """Whether it is a fork of the build's warm process."""
        return bool(getattr(self.km.provisioner, "forked", False))

    async def _silent(self, code: str, what: str) -> None:
        """Run ``code`` without output, history or a new execution count (waiting for its reply
        only); raise if it failed."""
        reply = await self._reply(self.kc.execute(code, silent=True, store_history=False), what)
        content = reply["content"]
        if content.get("status") != "ok":
            raise KernelError(f"the kernel could not be {what}: {content.get('ename')}: {content.get('evalue')}")

    async def _reply(self, msg_id: str, what: str) -> dict:
        """The kernel's reply to request ``msg_id``; :class:`KernelError` if it stopped or did not
        answer within :data:`READY_TIMEOUT`."""
        waited = 0.0
        while True:
            try:
                reply = await self.kc.get_shell_msg(timeout=POLL)
            except queue.Empty:
                waited += POLL
                if waited > READY_TIMEOUT or not await self.km.is_alive():
                    why = "no answer" if waited > READY_TIMEOUT else "it stopped"
                    raise KernelError(f"the kernel could not be {what}: {why}") from None
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply


class ForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching an IPython kernel by forking the zygote
    (:mod:`analysis.pipeline.kernel_fork`), or as usual where it cannot: another interpreter or
    launcher, a kernelspec that sets environment variables, no zygote. Signals go to the kernel's
    own process group (it leads a session of its own, as a kernel jupyter_client starts does; the
    zygote shares the build's group, which is never signalled)."""

    zygote: Zygote | None = None
    forked = False  # whether the kernel it launched is a fork of the zygote

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        pid = None
        # Exactly `python -m ipykernel_launcher …` with this interpreter: no flags a fork would lose.
        plain = (LAUNCHER in cmd and cmd[0] == getattr(self.zygote, "python", None)
                 and cmd[1:cmd.index(LAUNCHER)] == ["-m"])
        if self.zygote is not None and plain and not self.kernel_spec.env:
            env = dict(kwargs.get("env") or os.environ)
            pid = self.zygote.fork(cmd[cmd.index(LAUNCHER) + 1:], env, str(kwargs.get("cwd") or os.getcwd()))
        if pid is None:
            return await super().launch_kernel(cmd, **kwargs)
        self.forked = True
        self.process = ForkedProcess(pid)  # type: ignore[assignment]
        # Its own session (it calls setsid as it starts): signals reach the processes a notebook starts
        # too; until then, jupyter_client falls back on the process alone.
        self.pid, self.pgid = pid, pid
        self.cwd = kwargs.get("cwd", Path.cwd())
        return self.connection_info

    async def wait(self) -> int | None:
        """Until a forked kernel is gone, looking every 5 ms (jupyter_client looks every 0.1 s,
        which a build ending pays once a kernel: the kill takes a millisecond)."""
        if not isinstance(self.process, ForkedProcess):
            return await super().wait()
        while self.process.poll() is None:
            await asyncio.sleep(0.005)
        self.process = None
        return 0


class KernelPool:
    """``size`` threads, each owning one warm kernel, started at once (the kernels start and import
    the package in the background). Jobs submitted here run on those threads; a job asks
    :meth:`kernel` for its thread's kernel, and says with :meth:`done` whether it can be reused.
    ``reuse=False`` gives every notebook a new kernel (the slower way, to rule out anything
    carried between notebooks)."""

    def __init__(self, size: int, cwd: Path, kernel_name: str, extra_arguments: list[str],
                 reuse: bool = True, zygote: Zygote | None = None) -> None:
        self.size = size
        self._args = (kernel_name, str(cwd), list(extra_arguments))  # how each kernel starts
        self._reuse = reuse
        self._local = threading.local()
        self._kernels: list[WarmKernel] = []
        self._lock = threading.Lock()
        self._closed = False
        # The process kernels are forked from (given: started early by the caller, who waits for it
        # to be gone; the pool stops it).
        self._own_zygote = zygote is None
        self._zygote = start_zygote(cwd) if zygote is None else zygote
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="kernel", initializer=self._start)
        for _ in range(size):  # each submission starts a thread, which starts its kernel
            self._executor.submit(lambda: None)

    def _start(self) -> None:
        """Start this thread's kernel; a failure is kept and reported by the job that needs it.
        The kernel is known to the pool before it starts, so :meth:`close` stops it even then."""
        kernel_name, cwd, extra_arguments = self._args
        kernel = WarmKernel(kernel_name, self._zygote)
        with self._lock:
            self._kernels.append(kernel)
        try:
            kernel.start(cwd, extra_arguments)
        except BaseException as exc:  # noqa: BLE001 - reported by :meth:`kernel`
            if kernel.forked and self._zygote is not None and not self._closed:
                self._zygote.give_up()  # a fork that does not start: this and the next start the usual way
                self._start()
                return
            self._local.kernel = exc
            return
        if self._closed:
            kernel.shutdown()
        self._local.kernel = kernel

    def submit(self, fn, *args) -> Future:
        return self._executor.submit(fn, *args)

    def kernel(self, cwd: Path) -> WarmKernel:
        """This thread's kernel, reset for a notebook in ``cwd`` (a new one if it died, failed to
        start or was not to be reused)."""
        kernel = getattr(self._local, "kernel", None)
        if isinstance(kernel, WarmKernel) and not kernel.alive():
            kernel.shutdown()  # its client and files; the process is gone
            kernel = None
        if kernel is None:
            self._start()
            kernel = self._local.kernel
        if isinstance(kernel, BaseException):
            self._local.kernel = None  # the next job tries a new one
            if self._closed:
                raise KernelError("the build stopped its kernels")
            raise KernelError(f"no kernel: {kernel}") from kernel
        try:
            kernel.fresh(cwd)
        except KernelError:
            self.done(healthy=False)
            raise
        return kernel

    def done(self, healthy: bool = True) -> None:
        """After a notebook: keep this thread's kernel if it is healthy and kernels are reused, else
        stop it (the next notebook on this thread starts a new one)."""
        kernel = getattr(self._local, "kernel", None)
        if isinstance(kernel, WarmKernel) and (not healthy or not self._reuse):
            kernel.shutdown()
            self._local.kernel = None

    def close(self) -> None:
        """Stop every kernel, started or starting: kill their processes (whatever their threads are
        doing), wait for the threads to see it and end, then clean up."""
        with self._lock:
            self._closed = True
            started = list(self._kernels)
        self._executor.shutdown(wait=False, cancel_futures=True)
        for kernel in started:
            kernel.kill()
        if self._zygote is not None:
            self._zygote.close(wait=self._own_zygote)  # a thread waiting for a kernel from it stops waiting
        self._executor.shutdown(wait=True)
        for kernel in started:
            kernel.shutdown()
