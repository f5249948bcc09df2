"""The sample corpus analysed once for the review tests."""

from __future__ import annotations

import pytest

from toolkit.analysis import analyze
from toolkit.corpus import load


@pytest.fixture(scope="session")
def sample_docs(sample_path):
    return list(load(sample_path))


@pytest.fixture(scope="session")
def sample_base(sample_docs):
    return analyze(sample_docs)
