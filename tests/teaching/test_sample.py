"""Finding the sample corpus: from any folder, from $TOOLKIT_SAMPLE_CORPUS, and a clear error
when it is nowhere."""

from __future__ import annotations

import shutil

import pytest

from toolkit import teaching
from toolkit.errors import CorpusNotFoundError
from toolkit.teaching import sample as sample_module


def test_sample_corpus_path_from_anywhere(monkeypatch, tmp_path, sample_path):
    monkeypatch.chdir(tmp_path)
    assert teaching.sample_corpus_path() == sample_path.resolve()
    copy = tmp_path / "copy"
    shutil.copytree(sample_path, copy)
    monkeypatch.setenv(teaching.SAMPLE_ENV, str(copy))
    assert teaching.sample_corpus_path() == copy.resolve()


def test_sample_corpus_path_explains_when_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(sample_module, "_is_sample", lambda folder: False)
    with pytest.raises(CorpusNotFoundError, match=teaching.SAMPLE_ENV):
        teaching.sample_corpus_path()
