import pandas as pd

from toolkit.analysis import analyze, analyze_document
from toolkit.corpus import Document, load


def test_analyze_sample_corpus_tables(sample_path):
    corpus = load(sample_path)
    result = analyze(corpus)
    docs = result.documents
    assert len(docs) == 16 and docs["doc_id"].is_monotonic_increasing
    assert (docs["n_tokens"] > 300).all()
    assert set(result.quotes["doc_id"]) <= set(docs["doc_id"])
    for row in result.mentions.itertuples():
        text = corpus.get(row.doc_id).text
        assert text[row.start:row.end] == row.mention


def test_worker_processes_give_the_same_tables(sample_path, monkeypatch):
    from concurrent import futures

    from toolkit.analysis import base_tables

    corpus = load(sample_path)
    one = analyze(corpus)
    # small chunks, so that the sample corpus is spread over the worker processes
    monkeypatch.setattr(base_tables, "_CHUNK", 2)
    started = []
    real = futures.ProcessPoolExecutor

    def counting(*args, **kwargs):
        started.append(kwargs.get("max_workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", counting)
    two = analyze(corpus, workers=2)
    assert started and set(started) == {2}
    pd.testing.assert_frame_equal(one.quotes, two.quotes)
    pd.testing.assert_frame_equal(one.documents, two.documents)
    pd.testing.assert_frame_equal(one.mentions, two.mentions)


def test_analyze_document_is_pure_and_accepts_iterators():
    doc = Document("d1", "Share this article\nDam negotiations stall again\n\u201cWe will wait,\u201d Ramos said.\n")
    first, second = analyze_document(doc), analyze_document(doc)
    assert first == second and first.n_sentences == 2
    result = analyze(iter([doc]))
    assert list(result.documents["doc_id"]) == ["d1"]
    assert list(result.quotes["speaker"]) == ["Ramos"]


def test_date_range_and_cache(sample_path, tmp_path):
    import pytest

    from toolkit.errors import ParameterError

    corpus = load(sample_path)
    april = analyze(corpus, date_from="2026-04-01", date_to="2026-04-30")
    assert set(april.documents["date"].str[:7]) == {"2026-04"}
    assert set(april.quotes["doc_id"]) <= set(april.documents["doc_id"])
    with pytest.raises(ParameterError, match="after date_to"):
        analyze(corpus, date_from="2026-05-01", date_to="2026-04-01")
    with pytest.raises(ParameterError, match="not an ISO date"):
        analyze(corpus, date_from="April")
    first = analyze(corpus, cache=tmp_path)
    stored = list((tmp_path / "analysis").glob("*.pickle"))
    assert len(stored) == 16
    again = analyze(corpus, cache=tmp_path)
    pd.testing.assert_frame_equal(first.quotes, again.quotes)
    pd.testing.assert_frame_equal(first.quotes, analyze(corpus).quotes)


def test_a_corpus_of_one_chunk_per_worker_is_analysed_in_this_process(sample_path, monkeypatch):
    from concurrent import futures

    monkeypatch.setattr(futures, "ProcessPoolExecutor", None)  # would fail if a pool started
    corpus = load(sample_path)
    assert analyze(corpus, workers=2).quotes.equals(analyze(corpus).quotes)


def test_the_quotes_table_is_in_document_and_cue_order_whatever_the_corpus_order(sample_path):
    corpus = list(load(sample_path))
    ordered = analyze(corpus).quotes
    assert len(ordered) > 50
    keys = list(zip(ordered["doc_id"], ordered["cue_start"], ordered["cue_end"], strict=True))
    assert keys == sorted(keys)
    # Documents given in reverse (a CSV's rows in any order): the same table, row for row.
    backwards = analyze(corpus[::-1]).quotes
    pd.testing.assert_frame_equal(backwards, ordered, check_exact=True)
    assert analyze([]).quotes.empty


def test_content_words_are_counted_without_filling_the_speaker_tables_cache(sample_path):
    """The corpus pass counts each content's words once: the cache the speaker tables keep
    per content (which holds the strings) is left as it was."""
    from toolkit.analysis import speakers

    speakers.words_in.cache_clear()
    quotes = analyze(load(sample_path), columns=["doc_id", "content", "content_words",
                                                "kind"]).quotes
    assert speakers.words_in.cache_info().currsize == 0
    counted = quotes["content"].notna()
    assert counted.sum() > 50
    assert quotes.loc[counted, "content_words"].tolist() == [
        speakers.words_in(text) for text in quotes.loc[counted, "content"]]
    assert (quotes.loc[~counted, "content_words"] == 0).all()


def test_the_name_finder_is_let_go_once_the_mentions_are_found(sample_path):
    """A mention pass run in this process builds a finder of every name of the corpus; the
    tables are made and returned without it held."""
    from toolkit.analysis import base_tables

    docs = list(load(sample_path))
    for mentions in (True, "counts"):
        result = analyze(docs, workers=1, mentions=mentions)
        assert len(result.mentions) > 0 and base_tables._FINDER is None
    # A second run finds the same mentions with a finder of its own.
    again = analyze(docs, workers=1)
    pd.testing.assert_frame_equal(again.mentions, analyze(docs, workers=1).mentions)


def test_cleanings_are_let_go_after_a_pass_over_more_documents_than_are_kept(sample_path,
                                                                             monkeypatch):
    """Analysed in this process, each document is cleaned, and the last cleanings are kept for
    the next reading of the same texts; after more documents than are kept, the next pass
    (from the first document again) would find none of them, so none is held."""
    from toolkit.corpus import document

    corpus = load(sample_path)  # each pass reads new documents
    document.forget_cleanings()
    kept = analyze(corpus, workers=1)
    assert document._clean_cached.cache_info().currsize == len(kept.documents) == 16
    document.forget_cleanings()
    monkeypatch.setattr(document, "CLEANINGS_KEPT", 10)
    before = document.cleanings()
    let_go = analyze(corpus, workers=1)
    assert document.cleanings() - before == 16
    assert document._clean_cached.cache_info().currsize == 0
    for name in ("documents", "quotes", "mentions"):
        pd.testing.assert_frame_equal(getattr(let_go, name), getattr(kept, name))
