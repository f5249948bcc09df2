"""The per-document result cache."""

from __future__ import annotations

import pytest

from toolkit.cache import cached_map, document_key, lexicon_fingerprint, resolve_cache_dir
from toolkit.corpus import Document
from toolkit.errors import ParameterError


class Counting:
    """A per-document function that counts how often it really runs."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, doc: Document) -> dict:
        self.calls.append(doc.doc_id)
        return {"doc_id": doc.doc_id, "n_chars": len(doc.text)}


def docs(*texts: str) -> list[Document]:
    return [Document(doc_id=f"d{i}", text=t) for i, t in enumerate(texts)]


def test_results_are_reused(tmp_path):
    count = Counting()
    first = cached_map(count, docs("one", "two"), namespace="t", cache_dir=tmp_path)
    again = cached_map(count, docs("one", "two"), namespace="t", cache_dir=tmp_path)
    assert first == again == [{"doc_id": "d0", "n_chars": 3}, {"doc_id": "d1", "n_chars": 3}]
    assert count.calls == ["d0", "d1"]


def test_only_new_or_changed_documents_are_computed(tmp_path):
    count = Counting()
    cached_map(count, docs("one", "two"), namespace="t", cache_dir=tmp_path)
    result = cached_map(count, docs("one", "two, revised", "three"), namespace="t",
                        cache_dir=tmp_path)
    assert count.calls == ["d0", "d1", "d1", "d2"]
    assert [r["n_chars"] for r in result] == [3, 12, 5]


def test_namespace_and_key_extra_separate_results(tmp_path):
    count = Counting()
    cached_map(count, docs("one"), namespace="a", cache_dir=tmp_path)
    cached_map(count, docs("one"), namespace="b", cache_dir=tmp_path)
    cached_map(count, docs("one"), namespace="a", key_extra="lexicon-2", cache_dir=tmp_path)
    cached_map(count, docs("one"), namespace="a", key_extra="lexicon-2", cache_dir=tmp_path)
    assert len(count.calls) == 3


def test_same_text_under_another_id_is_its_own_entry(tmp_path):
    count = Counting()
    twins = [Document(doc_id="a", text="same"), Document(doc_id="b", text="same")]
    result = cached_map(count, twins, namespace="t", cache_dir=tmp_path)
    assert [r["doc_id"] for r in result] == ["a", "b"]


def test_a_torn_entry_is_recomputed(tmp_path):
    count = Counting()
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    [entry] = (tmp_path / "t").glob("*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)[0]["n_chars"] == 3
    assert count.calls == ["d0", "d0"]
    assert not list((tmp_path / "t").glob(".tmp-*"))


def test_plain_strings_and_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "env"))
    assert resolve_cache_dir() == tmp_path / "env"
    assert cached_map(len, ["abc", "de"], namespace="lengths") == [3, 2]
    assert len(list((tmp_path / "env" / "lengths").glob("*.pickle"))) == 2
    assert document_key("abc") != document_key("abd")


def test_bad_namespace_is_refused(tmp_path):
    with pytest.raises(ParameterError, match="namespace '../x'"):
        cached_map(len, ["a"], namespace="../x", cache_dir=tmp_path)


def test_lexicon_fingerprint_follows_the_files(tmp_path):
    (tmp_path / "verbs.tsv").write_text("said\tneutral\n", encoding="utf-8")
    before = lexicon_fingerprint(tmp_path)
    assert before == lexicon_fingerprint(tmp_path)
    (tmp_path / "verbs.tsv").write_text("said\tneutral\nclaimed\tdoubt\n", encoding="utf-8")
    assert lexicon_fingerprint(tmp_path) != before
    assert len(lexicon_fingerprint()) == 64
