"""analysis.fork: work done in a fork of this process gives what it would give here, and anything
that goes wrong there (an error, a fork killed, a fork not safe to make) ends with the work done here."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from analysis import fork

pytestmark = pytest.mark.skipif(not fork.SUPPORTED, reason="forks only on Linux")


def test_the_work_is_done_in_another_process_and_its_result_comes_back():
    here = os.getpid()
    later = fork.in_fork(lambda: {"pid": os.getpid(), "text": "é" * 100_000})
    made = later()
    assert made["pid"] != here, "computed in the fork"
    assert made["text"] == "é" * 100_000, "a result larger than a pipe's buffer arrives whole"


def test_an_error_in_the_fork_is_raised_here():
    def fails():
        raise ValueError("no such locale")

    later = fork.in_fork(fails)
    with pytest.raises(ValueError, match="no such locale"):
        later()


def test_a_fork_that_is_killed_leaves_the_work_to_this_process():
    here = os.getpid()

    def dies_in_the_fork():
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return "made here"

    assert fork.in_fork(dies_in_the_fork)() == "made here"


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
    assert fork.in_fork(os.getpid)() == os.getpid()
