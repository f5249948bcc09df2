"""Per-document results stored as Parquet: reruns read them, compute only new documents, and
give the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.analysis import analyze, base_tables
from toolkit.cli import main
from toolkit.corpus import load


def _tables(result):
    return result.documents, result.quotes, result.mentions


def _assert_same(one, two):
    for a, b in zip(_tables(one), _tables(two), strict=True):
        pd.testing.assert_frame_equal(a, b)


@pytest.fixture()
def counted(monkeypatch):
    """The ids of the documents analysed in this process."""
    seen: list[str] = []
    real = base_tables.analyze_document

    def counting(doc):
        seen.append(doc.doc_id)
        return real(doc)

    monkeypatch.setattr(base_tables, "analyze_document", counting)
    return seen


def test_stored_results_give_the_same_tables_and_only_new_documents_are_computed(
        sample_path, tmp_path, counted):
    docs = list(load(sample_path))
    plain = analyze(docs, quiet=True)
    counted.clear()
    first = analyze(docs[:-2], quiet=True, store=tmp_path)
    assert len(counted) == len(docs) - 2
    counted.clear()
    again = analyze(docs, quiet=True, store=tmp_path)
    assert sorted(counted) == sorted(d.doc_id for d in docs[-2:])
    _assert_same(again, plain)
    assert len(first.documents) == len(docs) - 2
    counted.clear()
    _assert_same(analyze(docs, quiet=True, store=tmp_path), plain)
    assert counted == []
    # Each text column gathered from the stored slices is one piece, not one per document.
    for name in ("doc_id", "speaker", "content"):
        assert again.quotes[name].array.__arrow_array__().num_chunks == 1


def test_an_interrupted_run_keeps_the_finished_parts(sample_path, tmp_path, monkeypatch):
    from toolkit.analysis import store

    docs = list(load(sample_path))
    plain = analyze(docs, quiet=True)
    monkeypatch.setattr(store, "PART", 5)
    real = base_tables.analyze_document
    done: list[str] = []

    def interrupted(doc):
        if len(done) == 12:
            raise KeyboardInterrupt
        done.append(doc.doc_id)
        return real(doc)

    monkeypatch.setattr(base_tables, "analyze_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analyze(docs, quiet=True, store=tmp_path)
    done.clear()
    monkeypatch.setattr(base_tables, "analyze_document", lambda doc: done.append(doc.doc_id)
                        or real(doc))
    _assert_same(analyze(docs, quiet=True, store=tmp_path), plain)
    assert done == [d.doc_id for d in docs[12:]]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_export_writes_every_attribution(sample_path, tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / f"quotes.{fmt}"
    assert main(["export", str(sample_path), "--to", fmt, "--out", str(out),
                 "--workers", "1"]) == 0
    # The sample's near copies are left out, and said to be.
    duplicates = [r.status for r in load(sample_path).report()].count("duplicate")
    assert duplicates and f"note: {duplicates} duplicate(s) left out" in capsys.readouterr().err
    read = {"parquet": pd.read_parquet, "csv": pd.read_csv, "xlsx": pd.read_excel}[fmt]
    table = read(out)
    quotes = analyze(load(sample_path), quiet=True).quotes
    assert len(table) == len(quotes)
    assert list(table["cue_start"]) == list(quotes["cue_start"])
    assert {"outlet", "date", "title"} <= set(table.columns)


def test_every_attribution_field_comes_back_from_the_store_as_it_went_in(tmp_path):
    from dataclasses import replace

    from toolkit.analysis.base_tables import DocumentResult
    from toolkit.analysis.store import ResultStore
    from toolkit.attribution import extract

    text = ("\u201cWe will stay,\u201d Dana Ortiz said, \u201cuntil the end.\u201d\n\n"
            "Lena Varga, 61, said the dam was safe.\n")
    records = tuple(extract(text, doc_id="d1"))
    records = (replace(records[0], explain=("cue:lexicon(say)", "kind:direct")), *records[1:])
    assert len(records[0].content_spans) == 2
    assert any(r.speaker_age == 61 for r in records)
    store = ResultStore(tmp_path / "store")
    store.write([("k1", DocumentResult(info={"doc_id": "d1"}, n_tokens=12, n_sentences=1,
                                       attributions=records, names=("Dana Ortiz",),
                                       lower=("dam", "safe", "the"))),
                  ("k2", DocumentResult(info={"doc_id": "d2"}, n_tokens=3, n_sentences=1,
                                       attributions=(), names=(), excluded=((0, 4),)))])
    found = store.read()
    n_tokens, n_sentences, names, excluded, lower = found.document("k1")
    assert (n_tokens, n_sentences, names) == (12, 1, ("Dana Ortiz",))
    assert lower == ("dam", "safe", "the")
    assert found.document("k2") == (3, 1, (), ((0, 4),), None)
    assert "k2" in found and len(found) == 2 and found.records("k2") == ()
    assert found.records("k1") == records


def test_stored_parts_are_read_when_their_documents_are_asked_for(tmp_path, monkeypatch):
    from collections import Counter

    from toolkit.analysis import store as store_module
    from toolkit.analysis.base_tables import DocumentResult
    from toolkit.analysis.store import PARTS_HELD, ResultStore
    from toolkit.attribution import extract

    store = ResultStore(tmp_path / "store")
    expected = {}
    for part in range(4):  # four parts of two documents each
        items = []
        for j in range(2):
            key = f"k{part}{j}"
            text = f"\u201cWe stay until day {part}{j},\u201d Dana Ortiz said on Friday.\n"
            expected[key] = tuple(extract(text, doc_id=key))
            assert len(expected[key]) == 1
            items.append((key, DocumentResult(info={"doc_id": key}, n_tokens=9, n_sentences=1,
                                              attributions=expected[key], names=(),
                                              lower=(f"w{part}{j}",))))
        store.write(items)
    reads: list[tuple] = []
    real = store_module._Part
    monkeypatch.setattr(store_module, "_Part",
                        lambda *paths: reads.append(paths) or real(*paths))
    found = store.read()
    assert len(found) == 8 and "k00" in found and "k40" not in found
    assert reads == []  # only the keys so far
    keys = sorted(expected)
    for key in keys:  # in the order stored: each part read once, a few held at a time
        assert found.records(key) == expected[key]
        assert found.document(key)[4] == (f"w{key[1:]}",)
        assert len(found._held) <= PARTS_HELD
    assert len(reads) == 4
    for key in [*reversed(keys), "k21", "k00", "k31"]:  # out of that order: the same
        assert found.records(key) == expected[key]
    assert max(Counter(reads).values()) == 2  # a part read again is kept


def test_values_asked_for_are_stored_in_the_analysis_pass(sample_path, tmp_path, counted):
    from functools import partial

    from toolkit.analysis.framing import as_lexicon
    from toolkit.analysis.framing.tables import frame_scan
    from toolkit.analysis.keyness import word_counts
    from toolkit.analysis.store import ValueStore, WordCountStore, default_store, value_store
    from toolkit.cache import document_key

    docs = list(load(sample_path))
    plain = analyze(docs, quiet=True)
    scan = partial(frame_scan, as_lexicon("conflict_cooperation").matcher)
    funcs = {"frames-test": scan, "words": word_counts}
    # Half the documents have their results already: the others are computed with their values,
    # and the first half only get their values.
    analyze(docs[: len(docs) // 2], quiet=True, store=tmp_path)
    counted.clear()
    _assert_same(analyze(docs, quiet=True, store=tmp_path, values=funcs), plain)
    assert sorted(counted) == sorted(d.doc_id for d in docs[len(docs) // 2:])
    folder = default_store(tmp_path).folder
    words = value_store(folder, "words")
    frames = value_store(folder, "frames-test")
    assert isinstance(words, WordCountStore) and type(frames) is ValueStore
    for doc in docs:
        key = document_key(doc)
        assert words.get(key) == word_counts(doc)
        hits, starts, ends = frames.get(key)
        want = scan(doc)
        assert hits == want[0]
        assert starts.tolist() == want[1].tolist() and ends.tolist() == want[2].tolist()
    assert base_tables.fill_stores(funcs, docs, store=tmp_path) == 0


def test_corpus_speaker_ids_are_the_same_from_stored_columns_as_from_records(polnear_path,
                                                                             tmp_path):
    import shutil

    from toolkit.analysis.store import default_store
    from toolkit.attribution import extract

    docs = list(load(polnear_path / "train" / "text"))[:80]
    plain = analyze(docs, quiet=True)
    # The corpus merge changes speakers of these articles ("Trump" alone -> "Donald Trump").
    per_document = {(r.doc_id, r.cue_start): r.speaker
                    for doc in docs for r in extract(doc.text, doc_id=doc.doc_id)}
    merged = plain.quotes.apply(lambda row: row["speaker"] != per_document[
        (row["doc_id"], row["cue_start"])], axis=1)
    assert merged.sum() > 20
    analyze(docs, quiet=True, store=tmp_path)
    # Without the whole tables of that run, the tables are rebuilt from the stored columns.
    shutil.rmtree(default_store(tmp_path).folder / "tables")
    _assert_same(analyze(docs, quiet=True, store=tmp_path), plain)


def test_a_narrow_analysis_gives_the_same_speaker_and_verb_tables(polnear_path):
    from toolkit.analysis import speakers, verbs
    from toolkit.analysis.gathering import ALWAYS
    from toolkit.cli.analyses import SPEAKER_COLUMNS, VERB_COLUMNS
    from toolkit.errors import ParameterError

    docs = list(load(polnear_path / "train" / "text"))[:60]
    full = analyze(docs, quiet=True)
    narrow = analyze(docs, quiet=True, columns=SPEAKER_COLUMNS, mentions="counts")
    assert set(narrow.quotes.columns) == set(SPEAKER_COLUMNS) | set(ALWAYS)
    assert "content" not in narrow.quotes.columns
    # Word counts and mention counts stand in for the contents and the mention rows.
    assert narrow.mentions["n_mentions"].sum() == len(full.mentions)
    expected = full.mentions.groupby(["doc_id", "speaker"]).size()
    assert narrow.mentions.set_index(["doc_id", "speaker"])["n_mentions"].to_dict() \
        == expected.to_dict()
    rows = full.mentions.itertuples(index=False, name=None)
    pd.testing.assert_frame_equal(speakers.mention_counts(rows), narrow.mentions)
    pd.testing.assert_frame_equal(
        speakers.speaker_table(full.quotes, full.documents, mentions=full.mentions),
        speakers.speaker_table(narrow.quotes, narrow.documents, mentions=narrow.mentions))
    pd.testing.assert_frame_equal(
        speakers.mentioned_not_quoted(full.mentions, full.quotes),
        speakers.mentioned_not_quoted(narrow.mentions, narrow.quotes))
    pd.testing.assert_series_equal(full.quotes["speaker"], narrow.quotes["speaker"])
    verb_only = analyze(docs, quiet=True, columns=VERB_COLUMNS, mentions=False)
    pd.testing.assert_frame_equal(verbs.verb_counts(full.quotes, full.documents),
                                  verbs.verb_counts(verb_only.quotes, verb_only.documents))
    with pytest.raises(ParameterError, match="unknown attribution column"):
        analyze(docs[:2], quiet=True, columns=["speaker", "loudness"])
    with pytest.raises(ParameterError, match="mentions must be"):
        analyze(docs[:2], quiet=True, mentions="some")


def test_word_counts_are_stored_as_columns_and_summed_by_weight(tmp_path):
    import pyarrow.parquet as pq

    from toolkit.analysis.store import WordCountStore

    store = WordCountStore(tmp_path, "words")
    store.write([("a", {"tax": 2, "the": 5}), ("b", {}), ("c", {"tax": 1, "levy": 3})])
    store.write([("c", {"tax": 1, "levy": 3}), ("d", {"the": 1})])  # "c" again, in a second part
    [first, second] = sorted(tmp_path.glob("words-*.parquet"), key=lambda p: p.stat().st_mtime_ns)
    table = pq.read_table(first)
    assert table.column_names == ["key", "word", "count"]
    assert table.column("word").to_pylist() == ["tax", "the", None, "tax", "levy"]

    reopened = WordCountStore(tmp_path, "words")
    assert set(reopened.index()) == {"a", "b", "c", "d"} and reopened.index()["c"] in (first, second)
    assert reopened.get("a") == {"tax": 2, "the": 5} and list(reopened.get("a")) == ["tax", "the"]
    assert reopened.get("b") == {} and reopened.get("c") == {"tax": 1, "levy": 3}
    # "a" counts twice, the document stored in two parts once, an unknown key not at all.
    [(both, total), (one, n_one)] = reopened.sums([{"a": 2, "c": 1, "zz": 4}, {"d": 1, "b": 1}])
    assert both == {"tax": 5, "the": 10, "levy": 3} and total == 18
    assert one == {"the": 1} and n_one == 1
    # Only some words counted; the total still counts every word.
    [(some, total)] = reopened.sums([{"a": 1, "c": 1}], words={"levy", "absent"})
    assert some == {"levy": 3} and total == 11
    assert reopened.sums([{}]) == [({}, 0)]


def test_word_count_parts_without_their_key_list_are_still_read(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from toolkit.analysis.store import WordCountStore

    pq.write_table(pa.table({"key": ["k", "k"], "word": ["a", "b"],
                             "count": pa.array([1, 2], pa.int32())}),
                   tmp_path / "words-old.parquet")
    (tmp_path / "words-broken.parquet").write_bytes(b"not parquet")
    store = WordCountStore(tmp_path, "words")
    assert list(store.index()) == ["k"] and store.get("k") == {"a": 1, "b": 2}
    assert store.sums([{"k": 3}]) == [({"a": 3, "b": 6}, 9)]


def test_the_table_made_from_arrow_columns_is_the_table_made_from_records(sample_path,
                                                                         monkeypatch):
    import pandas as pd

    import toolkit.analysis.store as store
    from toolkit.analysis.speakers import count_words
    from toolkit.analysis.store import attribution_frame, attribution_table
    from toolkit.attribution import extract, to_frame
    from toolkit.corpus import load

    found = [(d.doc_id, tuple(extract(d.text, doc_id=d.doc_id))) for d in load(sample_path)]
    expected = to_frame(r for _, records in found for r in records)
    frame = attribution_frame(attribution_table(found))
    frame = frame.sort_values(["doc_id", "cue_start", "cue_end"], kind="stable",
                              na_position="first").reset_index(drop=True)
    # The words of each content come with the fields, counted as the speaker tables count them.
    words = frame.pop("content_words")
    assert words.tolist() == [count_words(t) if t else 0 for t in expected["content"]]
    assert words.sum() > len(words)
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    spans = frame["content_spans"]
    assert spans.map(type).eq(tuple).all() and spans.map(len).gt(1).any()
    # Every offset the pieces give is one int object per value, whichever pair has it.
    offsets = [n for cell in spans for pair in cell for n in pair]
    assert len({id(n) for n in offsets}) == len(set(offsets)) < len(offsets)
    # Offsets made into ints a few at a time: the same table.
    monkeypatch.setattr(store, "_CELLS_PIECE", 3)
    pieced = attribution_frame(attribution_table(found)).drop(columns="content_words")
    pd.testing.assert_frame_equal(
        pieced.sort_values(["doc_id", "cue_start", "cue_end"], kind="stable",
                           na_position="first").reset_index(drop=True), expected,
        check_exact=True)


def test_a_pickled_result_carries_its_attributions_as_rows_that_make_the_same_table(
        sample_path):
    import pickle

    from toolkit.analysis import analyze_document
    from toolkit.analysis.gathering import Gathered
    from toolkit.analysis.speakers import count_words
    from toolkit.analysis.store import AttributionRows, as_rows, attribution_table

    made = [analyze_document(d) for d in load(sample_path)]
    back = pickle.loads(pickle.dumps(made))
    assert sum(len(r.attributions) for r in made) > 300
    for result, again in zip(made, back, strict=True):
        assert isinstance(again.attributions, AttributionRows)
        assert again.attributions.records() == result.attributions
        # Each row carries its content's words, counted in the process that made the result.
        assert again.attributions.column("content_words") == [
            count_words(r.content) if r.content else 0 for r in result.attributions]
        assert (again.info, again.n_tokens, again.names, again.excluded, again.lower) == \
            (result.info, result.n_tokens, result.names, result.excluded, result.lower)
        # Rows go through pickle as rows, and as_rows leaves them as they are.
        assert as_rows(again.attributions) is again.attributions
        assert pickle.loads(pickle.dumps(again)).attributions == again.attributions
    keyed = [(r.info["doc_id"], r.attributions) for r in made]
    assert attribution_table(keyed).equals(
        attribution_table((r.info["doc_id"], r.attributions) for r in back))
    # The contents' lower-case words are read from rows as from records.
    tables = []
    for results in (made, back):
        gathered = Gathered()
        for result in results:
            gathered.add(result.attributions)
        tables.append(gathered.quotes())
    pd.testing.assert_frame_equal(tables[0], tables[1], check_exact=True)
