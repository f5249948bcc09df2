"""Shared fixtures: paths to the reference material beside the checkout and to the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()  # a worktree may reach it through a symlink
SEED = SHARED / "seeds" / "000_40c3cd73cfebb816.txt"
POLNEAR = SHARED / "polnear"
SAMPLE = ROOT / "data" / "sample"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"reference material not found at {path} (it lives in ../shared beside the "
                    "checkout)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _need(SEED)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def polnear_path() -> Path:
    return _need(POLNEAR)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return _need(SAMPLE)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Keep the per-document result cache of every test (and of the notebook kernels the tests
    start, which inherit the environment) out of the user's cache folder."""
    import os

    from toolkit.cache import CACHE_ENV

    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous


def _read_marks(fragment: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The text of an HTML fragment written by :func:`toolkit.highlight.highlight_html` and, for
    each role, the character ranges (relative to that text) of the ``<mark>`` runs carrying it,
    adjacent runs merged."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.text: list[str] = []
            self.roles: list[list[str]] = []
            self.ranges: dict[str, list[list[int]]] = {}

        def handle_starttag(self, tag, attrs):
            if tag == "mark":
                self.roles.append((dict(attrs).get("data-roles") or "").split())

        def handle_endtag(self, tag):
            if tag == "mark":
                self.roles.pop()

        def handle_data(self, data):
            start = sum(map(len, self.text))
            self.text.append(data)
            for role in (r for roles in self.roles for r in roles):
                spans = self.ranges.setdefault(role, [])
                if spans and spans[-1][1] == start:
                    spans[-1][1] = start + len(data)
                else:
                    spans.append([start, start + len(data)])

    reader = Reader()
    reader.feed(fragment)
    ranges = {role: [tuple(s) for s in spans] for role, spans in reader.ranges.items()}
    return "".join(reader.text), ranges


@pytest.fixture(scope="session")
def read_marks():
    """The reader of highlighted HTML (see :func:`_read_marks`)."""
    return _read_marks
