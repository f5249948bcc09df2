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


def entry_of(folder):
    [entry] = folder.glob("*.pickle")
    return entry


def test_a_flipped_bit_is_caught_and_the_entry_recomputed(tmp_path):
    count = Counting()
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    entry = entry_of(tmp_path / "t")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0x01  # inside the pickled result
    entry.write_bytes(bytes(data))
    assert cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path) == [
        {"doc_id": "d0", "n_chars": 3}]
    assert count.calls == ["d0", "d0"]
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    assert count.calls == ["d0", "d0"]  # the rewritten entry is intact again


@pytest.mark.parametrize("damage", ["empty", "header only", "truncated", "checked garbage",
                                    "missing class"])
def test_corrupt_entries_are_misses_not_crashes(tmp_path, damage):
    import hashlib
    import pickle

    from toolkit import cache

    count = Counting()
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    entry = entry_of(tmp_path / "t")
    good = entry.read_bytes()

    def checked(payload: bytes) -> bytes:
        return cache._MAGIC + hashlib.sha256(payload).digest() + payload

    broken = {
        "empty": b"",
        "header only": cache._MAGIC,
        "truncated": good[:-5],
        "checked garbage": checked(b"\x80\x05\x95garbage"),
        "missing class": checked(pickle.dumps(Counting()).replace(b"Counting", b"Vanished")),
    }[damage]
    entry.write_bytes(broken)
    assert cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)[0]["n_chars"] == 3
    assert count.calls == ["d0", "d0"]
    assert entry.read_bytes() == good


def test_a_change_in_the_toolkit_source_is_a_new_key(tmp_path, monkeypatch):
    from toolkit import cache

    count = Counting()
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    monkeypatch.setattr(cache, "source_fingerprint", lambda folder=None: "patched source")
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)
    assert count.calls == ["d0", "d0"]


def test_source_fingerprint_follows_the_python_files(tmp_path):
    from toolkit.cache import source_fingerprint

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "pkg" / "notes.txt").write_text("not code\n", encoding="utf-8")
    before = source_fingerprint(tmp_path)
    (tmp_path / "pkg" / "notes.txt").write_text("changed, but not code\n", encoding="utf-8")
    assert source_fingerprint(tmp_path) == before
    (tmp_path / "pkg" / "mod.py").write_text("X = 2\n", encoding="utf-8")
    assert source_fingerprint(tmp_path) != before
    assert source_fingerprint() == source_fingerprint() and len(source_fingerprint()) == 64


def test_a_cache_folder_that_cannot_be_created_disables_the_cache_with_one_warning(tmp_path):
    import warnings

    (tmp_path / "a-file").write_text("", encoding="utf-8")
    folder = tmp_path / "a-file" / "cache"  # below a regular file: can never be created
    count = Counting()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = cached_map(count, docs("one", "two"), namespace="t", cache_dir=folder)
        second = cached_map(count, docs("one", "two"), namespace="t", cache_dir=folder)
    assert first == second and [r["n_chars"] for r in first] == [3, 3]
    assert count.calls == ["d0", "d1", "d0", "d1"]
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and "cannot be written" in messages[0]
    assert str(folder) in messages[0]


def test_a_read_only_cache_folder_is_still_read(tmp_path, monkeypatch):
    import errno
    import warnings

    from toolkit import cache

    count = Counting()
    cached_map(count, docs("one"), namespace="t", cache_dir=tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(cache.tempfile, "mkstemp", refuse)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = cached_map(count, docs("one", "two", "three"), namespace="t",
                            cache_dir=tmp_path)
    assert [r["n_chars"] for r in result] == [3, 3, 5]
    assert count.calls == ["d0", "d1", "d2"]  # d0 came from the cache
    assert len(caught) == 1 and "Read-only file system" in str(caught[0].message)


def test_a_document_key_is_remembered_by_the_document_and_follows_its_fields():
    import dataclasses
    import pickle

    from toolkit.cache import document_key
    from toolkit.corpus import Document

    doc = Document(doc_id="a1", text="The minister said the talks would resume.", outlet="Post")
    key = document_key(doc)
    assert document_key(doc) == key == document_key(
        Document(doc_id="a1", text="The minister said the talks would resume.", outlet="Post"))
    assert document_key(pickle.loads(pickle.dumps(doc))) == key
    assert document_key(dataclasses.replace(doc, outlet="Wire")) != key
    # Where one field ends and the next starts, and no value against an empty one, count.
    assert document_key(dataclasses.replace(doc, doc_id="a1 Post", outlet=None)) != \
        document_key(dataclasses.replace(doc, doc_id="a1", outlet=" Post"))
    assert document_key(dataclasses.replace(doc, title="")) != key
    assert document_key(dataclasses.replace(doc, text=doc.text + "\ud800")) != key
    assert doc == Document(doc_id="a1", text="The minister said the talks would resume.",
                           outlet="Post")


def test_tables_stored_without_the_pickle_memo_come_back_the_same(sample_path, tmp_path):
    import pandas as pd

    from toolkit.analysis import analyze
    from toolkit.cache import cached_value
    from toolkit.corpus import load

    analysis = analyze(load(sample_path), quiet=True)
    assert len(analysis.quotes) and len(analysis.mentions)
    stored = cached_value("tables-test", "k", lambda: analysis, cache_dir=tmp_path, tables=True)
    assert stored is analysis
    again = cached_value("tables-test", "k", lambda: pytest.fail("computed again"),
                         cache_dir=tmp_path, tables=True)
    for name in ("documents", "quotes", "mentions"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(analysis, name))
    assert again.quotes["content_spans"].map(type).eq(tuple).all()


def test_stored_tables_write_their_text_columns_without_copying_them(tmp_path, monkeypatch):
    import pandas as pd
    import pyarrow as pa

    from toolkit import cache
    from toolkit.cache import cached_value

    # A text column of two pieces (as a table gathered in parts has), 40 MB of text.
    words = pa.chunked_array([pa.array([f"said the minister {i} " * 4 for i in range(n, n + 250_000)],
                                       type=pa.large_string()) for n in (0, 250_000)])
    frame = pd.DataFrame({"content": pd.Series(pd.arrays.ArrowStringArray(words)),
                          "n": range(500_000)})
    size = words.nbytes
    base = pa.total_allocated_bytes()
    most = [0]
    write = cache._HashingWriter.write

    def sampled(self, data):
        most[0] = max(most[0], pa.total_allocated_bytes() - base)
        return write(self, data)

    monkeypatch.setattr(cache._HashingWriter, "write", sampled)
    cached_value("tables-test", "text", lambda: frame, cache_dir=tmp_path, tables=True)
    # pandas' own pickling would hold a joined copy of the column while writing it.
    assert most[0] < size / 10
    again = cached_value("tables-test", "text", lambda: pytest.fail("computed again"),
                         cache_dir=tmp_path, tables=True)
    pd.testing.assert_frame_equal(again, frame)
    assert again["content"].dtype == frame["content"].dtype
