"""Stored per-document results on real news text (PolNeAR articles copied to a folder): a stored
run gives the tables of a fresh one, and a corpus that grew computes only its new documents."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from toolkit.analysis import analyze, base_tables, keyness, overview
from toolkit.analysis.framing import frame_counts, frame_matches
from toolkit.analysis.framing import tables as framing_tables
from toolkit.corpus import load

N_FIRST, N_ADDED = 30, 4


@pytest.fixture()
def articles(polnear_path, tmp_path):
    """A folder of the first PolNeAR train articles, and the ones added later."""
    texts = sorted((polnear_path / "train" / "text").glob("*.txt"))[:N_FIRST + N_ADDED]
    if len(texts) < N_FIRST + N_ADDED:
        pytest.skip("not enough PolNeAR articles")
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in texts[:N_FIRST]:
        shutil.copy(path, folder / path.name)
    return folder, texts[N_FIRST:]


@pytest.fixture()
def computed(monkeypatch):
    """The ids of the documents each per-document function ran on in this process."""
    seen: dict[str, list[str]] = {"analysis": [], "frames": [], "words": [], "cleaning": []}

    def counting(name, real):
        def run(*args):
            seen[name].append(args[-1].doc_id)
            return real(*args)
        return run

    monkeypatch.setattr(base_tables, "analyze_document",
                        counting("analysis", base_tables.analyze_document))
    monkeypatch.setattr(framing_tables, "frame_scan",
                        counting("frames", framing_tables.frame_scan))
    monkeypatch.setattr(keyness, "word_counts", counting("words", keyness.word_counts))
    monkeypatch.setattr(overview, "excluded_stretches",
                        counting("cleaning", overview.excluded_stretches))
    return seen


def _tables(folder, store):
    """Every table the report reads from stored results, computed with or without the store."""
    corpus = load(folder, cache=False)
    docs = list(corpus)
    base = analyze(docs, quiet=True, store=store)
    stored = {"store": store}
    group = keyness.largest_group(base.documents, "doc_id")
    return {
        "documents": base.documents, "quotes": base.quotes, "mentions": base.mentions,
        "frames": frame_counts(docs, quotes=base.quotes, **stored),
        "frames_by_doc": frame_counts(docs, by="doc_id", quotes=base.quotes, **stored),
        "matches": frame_matches(docs, quotes=base.quotes, **stored),
        "keyness": keyness.keyness(docs, by="doc_id", group=group, min_freq=2, **stored),
        "collocates": keyness.collocates(docs, "said", **stored),
        "cleaning": overview.cleaning_summary(corpus, **stored),
    }


def _assert_same(one, two):
    assert one.keys() == two.keys()
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], obj=name)


def test_stored_runs_give_fresh_tables_and_a_grown_corpus_computes_only_new_documents(
        articles, tmp_path, computed):
    folder, added = articles
    store = tmp_path / "cache"
    fresh = _tables(folder, False)
    for seen in computed.values():
        seen.clear()

    _assert_same(_tables(folder, store), fresh)
    first = sorted(p.stem for p in folder.glob("*.txt"))
    assert all(sorted(seen) == first for seen in computed.values())

    for seen in computed.values():
        seen.clear()
    _assert_same(_tables(folder, store), fresh)  # the second run computes nothing
    assert computed == {"analysis": [], "frames": [], "words": [], "cleaning": []}

    # Without the whole tables kept per corpus state, the per-document parts give them again.
    for kept in store.glob("store/*/tables"):
        shutil.rmtree(kept)
    _assert_same(_tables(folder, store), fresh)
    assert computed == {"analysis": [], "frames": [], "words": [], "cleaning": []}

    for path in added:
        shutil.copy(path, folder / path.name)
    grown = _tables(folder, store)
    new = sorted(p.stem for p in added)
    assert {name: sorted(seen) for name, seen in computed.items()} == {
        name: new for name in computed}
    for seen in computed.values():
        seen.clear()
    _assert_same(grown, _tables(folder, False))


def test_one_pass_fills_several_stores_and_later_tables_read_them(sample_path, tmp_path,
                                                                   computed):
    from functools import partial

    from toolkit.analysis.base_tables import fill_stores
    from toolkit.analysis.framing import as_lexicon

    docs = list(load(sample_path))
    lexicon = as_lexicon("conflict_cooperation")
    funcs = {f"frames-{framing_tables.lexicon_key(lexicon)}":
             partial(framing_tables.frame_scan, lexicon.matcher), "words": keyness.word_counts}
    store = tmp_path / "cache"
    assert fill_stores(funcs, docs, store=store) == len(docs)
    assert fill_stores(funcs, docs, store=store) == 0
    for seen in computed.values():
        seen.clear()
    quotes = analyze(docs, quiet=True).quotes
    pd.testing.assert_frame_equal(frame_counts(docs, lexicon, quotes=quotes, store=store),
                                  frame_counts(docs, lexicon, quotes=quotes))
    group = docs[0].outlet
    pd.testing.assert_frame_equal(
        keyness.keyness(docs, by="outlet", group=group, store=store),
        keyness.keyness(docs, by="outlet", group=group))
    # The stored values were read: only the fresh tables (no store) ran the functions.
    assert len(computed["frames"]) == len(computed["words"]) == len(docs)


def test_tables_without_mentions_come_from_the_stored_tables_with_them(sample_path, tmp_path,
                                                                      computed):
    docs = list(load(sample_path))
    whole = analyze(docs, quiet=True, store=tmp_path)
    computed["analysis"].clear()
    quotes_only = analyze(docs, quiet=True, store=tmp_path, mentions=False)
    assert computed["analysis"] == []
    pd.testing.assert_frame_equal(quotes_only.quotes, whole.quotes)
    pd.testing.assert_frame_equal(quotes_only.documents, whole.documents)
    pd.testing.assert_frame_equal(quotes_only.mentions, analyze(docs, quiet=True,
                                                                mentions=False).mentions)
