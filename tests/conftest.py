"""Shared fixtures: paths to the reference material beside the checkout and to the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
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
