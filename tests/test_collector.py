"""The cycle collector's pause (analysis.collector): back as it was, however the pauses overlap."""

from __future__ import annotations

import gc
import threading

import pytest

from analysis import collector


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_a_pause_turns_the_collector_off_then_on_again():
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_keep_it_off_until_the_outer_one_ends():
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_pauses_that_overlap_on_two_threads_end_with_the_last():
    """Thread A begins, B begins, A ends (B still working: still off), B ends (on again): what the
    build's threads do when two notebooks finish at once."""
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def a():
        with collector.paused():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b():
        a_in.wait(5)
        with collector.paused():
            b_in.set()
            a_out.wait(5)
            seen["after A ended, B still inside"] = gc.isenabled()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"after A ended, B still inside": False}
    assert gc.isenabled()


def test_an_error_inside_still_puts_it_back():
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_an_interrupt_while_entering_still_puts_it_back(monkeypatch):
    """Ctrl-C can land between any two steps of entering the block (here: as the collector is
    turned off): it is back on after, and later pauses still work."""
    real_disable = gc.disable

    def interrupted():
        real_disable()
        raise KeyboardInterrupt

    monkeypatch.setattr(collector.gc, "disable", interrupted)
    with pytest.raises(KeyboardInterrupt), collector.paused():
        pass
    monkeypatch.setattr(collector.gc, "disable", real_disable)
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_build_holds_is_spared_from_the_collector_while_it_runs_and_given_back_after():
    """``gc.freeze`` for the build's run, ``gc.unfreeze`` after (the process goes on as it was);
    a process that froze objects itself keeps its own freeze."""
    already = gc.get_freeze_count()
    gc.unfreeze()
    try:
        with collector.spared():
            during = gc.get_freeze_count()
        assert during > 0 and gc.get_freeze_count() == 0
        gc.freeze()
        frozen = gc.get_freeze_count()
        with collector.spared():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        if already:
            gc.freeze()
