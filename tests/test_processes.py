"""The map over worker processes started ahead of its first use."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.processes import Started, ordered_map


def _mark(item: tuple[str, int]) -> int:
    folder, number = item
    (Path(folder) / f"{number}.done").write_text("")
    return number * number


def _fails(number: int) -> int:
    raise ValueError(f"item {number}")


def test_a_started_map_works_before_its_first_item_is_asked_for(tmp_path):
    items = [(str(tmp_path), n) for n in range(40)]
    started = Started(ordered_map(_mark, items, 2, chunk=4))
    # Nothing asked for yet: the workers have the first items all the same.
    for _ in range(600):
        if (tmp_path / "0.done").exists():
            break
        time.sleep(0.05)
    assert (tmp_path / "0.done").exists()
    assert list(started) == [n * n for n in range(40)]
    assert len(list(tmp_path.glob("*.done"))) == 40


def test_a_started_map_gives_its_error_where_the_item_is_asked_for_and_closes():
    started = Started(ordered_map(_fails, range(40), 2, chunk=4))
    with pytest.raises(ValueError, match="item 0"):
        next(started)
    empty = Started(iter(()))
    assert list(empty) == []
    unused = Started(ordered_map(abs, range(-40, 0), 2, chunk=4))
    unused.close()  # the pool is shut down without a result read
    with pytest.raises(StopIteration):
        next(unused)
