"""Warm kernels (analysis.pipeline.kernels): a notebook run in a kernel that already ran another
sees what a new kernel would show it, and papermill's parameters still reach it; the kernel is
forked from the build's warm process (analysis.pipeline.kernel_fork), which ends with the pool.
One kernel start (a warm process and one fork); the committed notebooks' byte-for-byte equality
with a cold run is nbval's (test_notebooks.py)."""

from __future__ import annotations

import ast
import os
import subprocess

import nbformat
import papermill
import pytest

from analysis import fork
from analysis.pipeline import execute, kernel_fork, kernel_state
from analysis.pipeline.kernels import KernelPool
from analysis.pipeline.warm_engine import ENGINE

#: Leaves behind everything a notebook could: a name, a figure, a matplotlib setting, a warning
#: already shown, a path, a working directory.
LITTERING = """
import os, sys, warnings
import matplotlib, matplotlib.pyplot as plt
leftover = 1
plt.figure()
matplotlib.rcParams["lines.linewidth"] = 9.0
import analysis.pipeline.kernel_state as library  # stands for a library module that warns
warnings.warn_explicit("shown once?", UserWarning, "library.py", 1, registry=library.__dict__.setdefault(
    "__warningregistry__", {}))
sys.path.append("/nowhere")
os.chdir("/")
"""
#: Reports what it finds, and the parameter it was given.
LOOKING = """
import os, sys, warnings
import matplotlib, matplotlib.pyplot as plt
import contextlib, io
import analysis.pipeline.kernel_state as library
shown = io.StringIO()
with contextlib.redirect_stderr(shown):
    warnings.warn_explicit("shown once?", UserWarning, "library.py", 1, registry=library.__dict__.setdefault(
        "__warningregistry__", {}))
print({"leftover": "leftover" in dir(), "figures": len(plt.get_fignums()),
       "linewidth": matplotlib.rcParams["lines.linewidth"], "warned": "shown once?" in shown.getvalue(),
       "path": "/nowhere" in sys.path, "cwd": os.getcwd(), "label": label, "parent": os.getppid(), "pid": os.getpid(),
       "pandas_columns": __import__("pandas").get_option("display.max_columns"),
       "pyplot_hooked": any(getattr(f, "__name__", "") == "_draw_all_if_interactive"
                            for f in get_ipython().events.callbacks["post_execute"]),
       "argv0": os.path.basename(sys.argv[0])})
"""


def notebook(path, code: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('label = "default"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, path)


def test_a_reused_kernel_shows_the_next_notebook_nothing_of_the_last(tmp_path):
    first, second = tmp_path / "first.ipynb", tmp_path / "second.ipynb"
    notebook(first, LITTERING)
    notebook(second, LOOKING)
    pool = KernelPool(1, tmp_path, execute.KERNEL, execute.EXTRA_ARGUMENTS)

    def run(path, parameters):
        kernel = pool.kernel(tmp_path)
        try:
            return papermill.execute_notebook(str(path), str(path.with_suffix(".out.ipynb")), parameters=parameters,
                                              engine_name=ENGINE, km=kernel.km, kc=kernel.kc, progress_bar=False)
        finally:
            pool.done()

    zygote = pool._zygote
    try:
        pool.submit(run, first, {}).result(timeout=120)
        pool.submit(run, first, {}).result(timeout=120)  # twice: the warning was shown in this kernel already
        done = pool.submit(run, second, {"label": "given"}).result(timeout=120)
    finally:
        pool.close()
    cells = [c for c in done.cells if c.cell_type == "code"]
    # papermill's own parameters cell comes after the notebook's, and the counts start at 1 again
    assert [c.execution_count for c in cells] == [1, 2, 3]
    assert "injected-parameters" in cells[1].metadata.get("tags", [])
    found = ast.literal_eval(cells[2].outputs[0]["text"])  # the dict the notebook printed
    import matplotlib

    forked, kernel = found.pop("parent"), found.pop("pid")
    assert found == {"leftover": False, "figures": 0, "linewidth": matplotlib.rcParamsDefault["lines.linewidth"],
                     "warned": True, "path": False, "cwd": str(tmp_path), "label": "given",
                     # what libraries decide, as they are imported, by the Jupyter kernel they find
                     # (a forked kernel's were imported before it existed): pandas's own rule for a
                     # kernel, pyplot's hook on the shell, the launcher as the program
                     "pandas_columns": 20, "pyplot_hooked": True, "argv0": "ipykernel_launcher.py"}
    if kernel_fork.SUPPORTED:
        assert forked == zygote.process.pid, "the kernel is a fork of the pool's warm process"
        assert zygote.process.poll() is not None, "which ends with the pool"
    assert not kernel_fork._running(kernel), "and so does the kernel"


@pytest.mark.skipif(not kernel_fork.SUPPORTED, reason="kernels are forked on Linux only")
def test_a_process_is_running_until_it_ends_even_unreaped():
    """A forked kernel is the warm process's child, not the build's: the build sees it end by its
    state, a zombie counting as ended (the warm process may be gone before reaping it)."""
    assert kernel_fork._running(os.getpid())
    child = os.fork()
    if child == 0:
        os._exit(0)
    import time

    deadline = time.monotonic() + 10
    while kernel_fork._running(child) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not kernel_fork._running(child), "a zombie has ended"
    os.waitpid(child, 0)
    process = kernel_fork.ForkedProcess(child)
    assert process.poll() == 0 and process.wait(timeout=1) == 0, "a reaped one too"
    me = kernel_fork._start_time(os.getpid())
    assert kernel_fork._running(os.getpid(), me)
    assert not kernel_fork._running(os.getpid(), str(int(me) + 1)), "a pid given to another process is not ours"


def test_a_warm_process_that_cannot_start_gives_no_kernel(tmp_path):
    """Then each kernel starts the usual way (ForkProvisioner falls back on Popen)."""
    missing = kernel_fork.Zygote(str(tmp_path / "no-python"), tmp_path)
    failing = kernel_fork.Zygote("/bin/false", tmp_path)
    try:
        assert missing.fork(["-f", "x.json"], {}, str(tmp_path)) is None
        assert failing.fork(["-f", "x.json"], {}, str(tmp_path)) is None
    finally:
        missing.close()
        failing.close()
    with pytest.raises(RuntimeError, match="stopped"):
        failing.fork(["-f", "x.json"], {}, str(tmp_path))


def test_fresh_refuses_a_kernel_that_was_not_prepared(monkeypatch):
    monkeypatch.setattr(kernel_state, "_saved", {})
    with pytest.raises(RuntimeError, match="prepare"):
        kernel_state.fresh(os.getcwd())


@pytest.mark.parametrize("msg_type, content", [
    ("display_data", {"data": {"text/plain": "x", "text/html": "<b>x</b>"}, "metadata": {"image/png": {"alt": "a"}}}),
    ("execute_result", {"data": {"text/plain": "1"}, "metadata": {}, "execution_count": 3}),
    ("stream", {"name": "stdout", "text": "hello\n"}),
    ("error", {"ename": "ValueError", "evalue": "bad", "traceback": ["line 1", "line 2"]}),
])
def test_the_warm_client_makes_the_outputs_nbformat_makes(msg_type, content):
    """The warm engine builds each output without nbformat's per-output schema check; the node
    must be the one nbformat builds (same keys and values, the same node types at the first level;
    deeper, the message's own dicts are kept), and the notebook file the same text."""
    from nbformat.v4 import output_from_msg

    from analysis.pipeline.warm_engine import output_node

    msg = {"header": {"msg_type": msg_type}, "msg_type": msg_type, "content": content, "parent_header": {}}
    mine, theirs = output_node(msg), output_from_msg(msg)
    assert mine == theirs
    assert {k: type(v) for k, v in mine.items()} == {k: type(v) for k, v in theirs.items()}
    from analysis.pipeline import notebooks as nbs

    def written(output):
        return nbs.text(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[output], id="cell-00")]))

    assert written(mine) == written(theirs)
    with pytest.raises(ValueError):
        output_node({"header": {"msg_type": "status"}, "content": {}})


@pytest.mark.skipif(not kernel_fork.SUPPORTED, reason="kernels are forked on Linux only")
def test_the_warm_process_forks_only_when_nothing_would_break(monkeypatch):
    """A fork keeps one thread (a lock another held stays locked) and breaks a ZeroMQ context: with
    either, the kernel starts the usual way."""
    import threading

    import zmq

    # pyzmq's singleton: if it is renamed, this fails rather than the check going blind
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(zmq.Context, "_instance", None)
    assert fork.safe_here()
    monkeypatch.setattr(zmq.Context, "_instance", object())
    assert not fork.safe_here()
    monkeypatch.setattr(zmq.Context, "_instance", None)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not fork.safe_here()


class _FailingZygote:
    """Forks "kernels" that are gone before they answer; given up, forks none."""

    python = kernel_fork.sys.executable

    def __init__(self) -> None:
        self.usable, self.forks = True, 0

    def fork(self, argv, env, cwd):
        if not self.usable:
            return None
        self.forks += 1
        gone = subprocess.Popen(["true"])
        gone.wait()
        return gone.pid

    def give_up(self) -> None:
        self.usable = False

    def close(self, wait: bool = True) -> None:
        pass


def test_a_fork_that_does_not_start_gives_way_to_a_kernel_started_as_usual(tmp_path):
    """One kernel start (cold): the pool gives the warm process up and starts its kernel itself."""
    zygote = _FailingZygote()
    pool = KernelPool(1, tmp_path, execute.KERNEL, execute.EXTRA_ARGUMENTS, zygote=zygote)
    try:
        forked = pool.submit(lambda: pool.kernel(tmp_path).forked).result(timeout=120)
    finally:
        pool.close()
    assert (zygote.forks, zygote.usable, forked) == (1, False, False)
