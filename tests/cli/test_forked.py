"""The ordered map over forked workers that `toolkit quotes` uses: order, large messages,
errors in the function, in the input and of the workers, and clean-up however it ends."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest

from toolkit.cli.forked import forked_map
from toolkit.errors import WorkerError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux",
                                reason="forked workers are used on Linux only")

SENTENCES = ["The minister said the plan would go ahead.",
             "“We will not stop,” a union spokeswoman told reporters.",
             "Critics called the vote a sham."]


def words_reversed(item):
    """Work of varying length per item: the item's sentence repeated and its words reversed."""
    number, copies = item
    text = " ".join([SENTENCES[number % len(SENTENCES)]] * copies)
    return number, " ".join(reversed(text.split()))


@pytest.fixture
def workers_reaped(monkeypatch):
    """Records the workers forked during a test; call it to check they are all reaped."""
    pids = []
    fork = os.fork

    def recording_fork():
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)

    def all_reaped():
        for pid in pids:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            return False
        return bool(pids)

    return all_reaped


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_in_the_order_of_the_items(workers, workers_reaped):
    # long and short items mixed, so that workers finish out of order
    items = [(n, 2000 if n % 5 == 0 else 1 + n % 7) for n in range(40)]
    assert list(forked_map(words_reversed, items, workers)) == [words_reversed(i) for i in items]
    assert workers_reaped()


def test_more_workers_than_items_and_no_items(workers_reaped):
    assert list(forked_map(words_reversed, [(0, 1)], 4)) == [words_reversed((0, 1))]
    assert list(forked_map(words_reversed, [], 2)) == []
    assert workers_reaped()


def test_items_and_results_larger_than_a_pipe_holds():
    big = "Officials said the budget was balanced. " * 50_000  # 2 MB each way
    items = [big, "short", big]
    assert list(forked_map(str.upper, items, 2, queued=1)) == [s.upper() for s in items]


def failing(item):
    if item == 3:
        raise ValueError(f"no sentence in item {item}")
    return item


def test_an_error_in_the_function_is_raised_with_the_workers_traceback(workers_reaped):
    results = []
    with pytest.raises(ValueError, match="no sentence in item 3") as raised:
        for value in forked_map(failing, range(6), 2):
            results.append(value)
    assert results == [0, 1, 2]
    assert "in failing" in str(raised.value.__cause__)
    assert workers_reaped()


class Unpicklable(Exception):
    """An error that holds what no pickler can copy (a lock)."""


def unpicklable(item):
    raise Unpicklable("the feed went down", threading.Lock())


def test_an_error_that_cannot_be_pickled_arrives_as_a_runtime_error(workers_reaped):
    with pytest.raises(RuntimeError, match="Unpicklable: .*the feed went down"):
        list(forked_map(unpicklable, [1], 1))
    assert workers_reaped()


def dies(item):
    if item == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return item


def test_a_worker_that_dies_is_a_worker_error(workers_reaped):
    with pytest.raises(WorkerError, match="ended without a result \\(killed by signal 9\\)"):
        list(forked_map(dies, range(5), 2))
    assert workers_reaped()


def items_then_error():
    yield from range(4)
    raise OSError("the corpus folder went away")


def test_an_error_in_the_items_comes_after_the_results_before_it(workers_reaped):
    results = []
    with pytest.raises(OSError, match="went away"):
        for value in forked_map(str, items_then_error(), 2):
            results.append(value)
    assert results == ["0", "1", "2", "3"]
    assert workers_reaped()


def test_closing_the_map_early_stops_and_reaps_the_workers(workers_reaped):
    results = forked_map(words_reversed, [(n, 3000) for n in range(200)], 2)
    assert next(results) == words_reversed((0, 3000))
    results.close()
    assert workers_reaped()
