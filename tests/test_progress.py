"""Progress bars: drawn where someone can see them, silent when asked and in unattended runs."""

from __future__ import annotations

import io

import pytest

from toolkit.errors import ParameterError
from toolkit.progress import PROGRESS_ENV, progress, progress_enabled


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch) -> _Terminal:
    """A terminal as stderr. Installed inside each test: pytest puts its own stderr back
    between a fixture's setup and the test."""
    stream = _Terminal()
    monkeypatch.setattr("sys.stderr", stream)
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    return stream


def test_a_terminal_gets_a_bar_with_the_count(monkeypatch):
    terminal = _terminal(monkeypatch)
    items = list(progress(["a", "b", "c"], desc="reading articles", delay=0))
    assert items == ["a", "b", "c"]
    assert "reading articles" in terminal.getvalue() and "/3" in terminal.getvalue()


def test_quiet_draws_nothing_and_yields_the_same_items(monkeypatch):
    terminal = _terminal(monkeypatch)
    assert list(progress(range(5), quiet=True, delay=0)) == [0, 1, 2, 3, 4]
    assert terminal.getvalue() == ""
    assert not progress_enabled(quiet=True)


def test_stderr_that_is_not_a_terminal_gets_nothing(monkeypatch):
    log = io.StringIO()
    monkeypatch.setattr("sys.stderr", log)
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    assert list(progress(iter("xyz"), total=3, delay=0)) == ["x", "y", "z"]
    assert log.getvalue() == "" and not progress_enabled()


@pytest.mark.parametrize("value, expected", [("off", False), ("0", False), ("ON", True)])
def test_the_environment_switch_wins(monkeypatch, value, expected):
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv(PROGRESS_ENV, value)
    assert progress_enabled() is expected
    list(progress([1, 2], delay=0))
    assert bool(terminal.getvalue()) is expected


def test_a_bad_switch_value_is_named(monkeypatch):
    _terminal(monkeypatch)
    monkeypatch.setenv(PROGRESS_ENV, "sometimes")
    with pytest.raises(ParameterError, match="TOOLKIT_PROGRESS='sometimes'"):
        progress_enabled()
