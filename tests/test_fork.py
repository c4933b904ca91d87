"""analysis.fork: work done in a fork of this process gives what it would give here, and anything
that goes wrong there (an error, a fork killed or stuck, a fork not safe to make) ends with the
work done here, nothing left running and no descriptor left open."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from analysis import fork

linux = pytest.mark.skipif(not fork.SUPPORTED, reason="forks only on Linux")


@pytest.fixture
def forkable(monkeypatch):
    """Forks are made: these tests are about what a fork does, not about when one is safe (the two
    tests below that are). Another test in this worker may have left an idle thread (IPython's
    history thread, after a notebook's cells ran in-process), which would stop any fork here."""
    monkeypatch.setattr(fork, "safe_here", lambda: fork.SUPPORTED)
    before, children = set(os.listdir("/proc/self/fd")), _children()
    yield
    leaked = set(os.listdir("/proc/self/fd")) - before
    assert not leaked, f"descriptors left open: {leaked}"
    assert _children() <= children, "a fork left running, or not collected"


def _children() -> set[int]:
    """This process's child processes, running or not yet collected (from /proc)."""
    mine = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                mine.add(int(entry))
    return mine


@linux
def test_the_work_is_done_in_another_process_and_its_result_comes_back(forkable):
    here = os.getpid()
    later = fork.in_fork(lambda: {"pid": os.getpid(), "text": "é" * 100_000})
    made = later()
    assert made["pid"] != here, "computed in the fork"
    assert made["text"] == "é" * 100_000, "a result larger than a pipe's buffer arrives whole"


@linux
def test_an_error_in_the_fork_is_raised_here_without_a_message_of_its_own(forkable, capfd):
    def fails():
        raise ValueError("no such locale")

    later = fork.in_fork(fails)
    with pytest.raises(ValueError, match="no such locale"):
        later()
    assert "analysis.fork" not in capfd.readouterr().err, "the error itself says what happened"


@linux
def test_a_fork_that_is_killed_leaves_the_work_to_this_process_and_says_so(forkable, capfd):
    here = os.getpid()

    def dies_in_the_fork():
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return "made here"

    assert fork.in_fork(dies_in_the_fork, "the en pages")() == "made here"
    said = capfd.readouterr().err
    assert "the en pages" in said and f"signal {signal.SIGKILL}" in said


@linux
def test_a_stuck_fork_is_stopped_and_the_work_done_here(forkable, monkeypatch, capfd):
    here = os.getpid()
    monkeypatch.setattr(fork, "DEADLINE", 0.5)

    def stuck_in_the_fork():
        if os.getpid() != here:
            time.sleep(60)
        return "made here"

    started = time.monotonic()
    assert fork.in_fork(stuck_in_the_fork, "the notebooks' pages")() == "made here"
    assert time.monotonic() - started < 30
    assert "sent nothing" in capfd.readouterr().err


@linux
def test_a_cancelled_fork_is_stopped_and_collected(forkable):
    later = fork.in_fork(lambda: time.sleep(60))
    later.cancel()
    later.cancel()  # twice: nothing more to do


@linux
def test_with_another_thread_running_nothing_is_forked():
    """A fork keeps only the thread that forks: a lock another thread holds would stay held."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not fork.safe_here()
        assert fork.in_fork(os.getpid)() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_where_forks_are_not_known_to_be_safe_the_work_is_done_here(monkeypatch):
    monkeypatch.setattr(fork, "SUPPORTED", False)
    assert not fork.safe_here()
    assert fork.in_fork(os.getpid)() == os.getpid()
