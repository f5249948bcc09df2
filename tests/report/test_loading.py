"""The start every report notebook shares, on the sample corpus: load, keep the date range,
analyse, record the number of documents."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from toolkit.analysis import analyze
from toolkit.analysis.counting import COUNTED_KINDS, counted_attributions
from toolkit.analysis.speakers import count_words
from toolkit.corpus import load
from toolkit.report import load_and_analyze
from toolkit.report.loading import REPORT_COLUMNS


def _headline(folder) -> dict:
    return json.loads((folder / "headline.json").read_text(encoding="utf-8"))


def test_date_range_keeps_the_documents_dated_in_it(sample_path, tmp_path):
    loaded = load_and_analyze(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                              output_dir=tmp_path)
    everything = list(load(sample_path))
    april = [d for d in everything if "2026-04-01" <= d.date <= "2026-04-30"]
    assert 0 < len(april) < len(everything)
    assert [d.doc_id for d in loaded.articles] == [d.doc_id for d in april]
    # The whole corpus stays at hand, with the inputs the date range left out.
    assert [d.doc_id for d in loaded.corpus] == [d.doc_id for d in everything]
    # The mentions come counted per document and name, as the speaker tables read them.
    expected = analyze(april, mentions="counts")
    assert list(loaded.analysis.mentions.columns) == ["doc_id", "speaker", "n_mentions"]
    for table in ("documents", "mentions"):
        pd.testing.assert_frame_equal(getattr(loaded.analysis, table),
                                      getattr(expected, table))
    # Every column of the quotes but the content's pieces and the rule path, which no report
    # table reads, and the words of each content as the speaker tables count them.
    assert list(loaded.analysis.quotes.columns) == list(REPORT_COLUMNS)
    assert set(expected.quotes.columns) - set(REPORT_COLUMNS) == {"content_spans", "explain"}
    assert set(REPORT_COLUMNS) - set(expected.quotes.columns) == {"content_words"}
    shared = [c for c in REPORT_COLUMNS if c != "content_words"]
    pd.testing.assert_frame_equal(loaded.analysis.quotes[shared], expected.quotes[shared])
    words = [count_words(text) if isinstance(text, str) else 0
             for text in expected.quotes["content"]]
    assert loaded.analysis.quotes["content_words"].tolist() == words and sum(words) > 0
    (tmp_path / "each").mkdir()
    each = load_and_analyze(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                            output_dir=tmp_path / "each", mentions=True)
    every = analyze(april).mentions
    pd.testing.assert_frame_equal(each.analysis.mentions, every)
    assert loaded.analysis.mentions["n_mentions"].sum() == len(every) > 0
    counted = counted_attributions(expected.quotes)
    pd.testing.assert_frame_equal(loaded.attributions[shared], counted[shared])
    assert set(counted["kind"]) <= set(COUNTED_KINDS) and counted["cue_lemma"].notna().all()
    dates = sorted(d.date for d in april)
    assert _headline(tmp_path) == {"documents": len(april), "attributions": len(counted),
                                   "first_date": dates[0], "last_date": dates[-1]}
    labels = json.loads((tmp_path / "headline_labels.json").read_text(encoding="utf-8"))
    assert labels["documents"] == "Documents analysed"
    kinds = expected.quotes["kind"].value_counts()
    assert loaded.summary.startswith(f"{len(april)} documents, {len(counted)} attributions (")
    assert loaded.summary.endswith(f"counted apart: {kinds.get('cognitive', 0)} cognitive, "
                                   f"{kinds.get('evidential', 0)} evidential")


def test_without_dates_every_document_is_analysed(sample_path, tmp_path):
    loaded = load_and_analyze(sample_path, output_dir=tmp_path, cache=True)
    corpus = load(sample_path)
    ok = [r for r in corpus.report() if r.status == "ok"]
    assert len(loaded.articles) == len(ok) < len(corpus.report())  # duplicates left out
    assert loaded.analysis.documents["doc_id"].tolist() == sorted(r.doc_id for r in ok)
    assert _headline(tmp_path)["documents"] == len(ok)
    assert _headline(tmp_path)["attributions"] == len(loaded.attributions)
    assert len(loaded.analysis.quotes) > 0


def test_documents_that_do_not_look_english_are_left_out_and_counted(tmp_path):
    from toolkit.report.display import counts_html

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Dam talks stall\n\nThe minister said on Monday that the talks had stalled again and "
        "that the council would meet next week to discuss the water levels.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Gespräche über den Damm\n\nDer Minister sagte am Montag, dass die Gespräche wieder ins "
        "Stocken geraten seien und dass der Rat nächste Woche über die Wasserstände beraten "
        "werde. Die Bauern im Tal sind besorgt, weil der Fluss immer weniger Wasser führt.\n",
        encoding="utf-8")
    loaded = load_and_analyze(folder, output_dir=tmp_path / "out")
    assert [d.doc_id for d in loaded.articles] == ["a"] and loaded.n_not_english == 1
    assert _headline(tmp_path / "out")["not_english"] == 1
    box = counts_html(loaded.summary, span=loaded.date_span, not_english=loaded.n_not_english)
    assert "1 document(s) left out because they do not look English" in box


def test_notebooks_read_the_analysis_the_runner_wrote_for_their_arguments(
        sample_path, tmp_path, monkeypatch):
    from toolkit.report.loading import (
        ANALYSIS_FILE_VARIABLE,
        analysis_key,
        analyze_corpus,
        write_analysis,
    )

    made = analyze_corpus(sample_path, date_from="2026-04-01", date_to="2026-04-30")
    shared = tmp_path / "analysis.pickle"
    write_analysis(made, shared, analysis_key(sample_path, "2026-04-01", "2026-04-30", {}))
    monkeypatch.setenv(ANALYSIS_FILE_VARIABLE, str(shared))
    (tmp_path / "a").mkdir()
    read = load_and_analyze(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                            cache=True, output_dir=tmp_path / "a")
    # The documents are read from their own file only when a notebook uses them.
    assert len(read.articles) == len(made.articles) and read.articles._piece is None
    assert [d.doc_id for d in read.articles] == [d.doc_id for d in made.articles]
    assert read.articles[0] == made.articles[0] and read.articles[-1] == made.articles[-1]
    import pickle

    assert pickle.loads(pickle.dumps(read.articles)) == list(made.articles)
    assert [d.text for d in read.articles] == [d.text for d in made.articles]
    for table in ("documents", "quotes", "mentions"):
        pd.testing.assert_frame_equal(getattr(read.analysis, table),
                                      getattr(made.analysis, table), check_exact=True)
    pd.testing.assert_frame_equal(read.attributions, made.attributions, check_exact=True)
    assert not read.attributions.index.equals(pd.RangeIndex(len(read.attributions)))
    assert read.summary == made.summary and read.date_span == made.date_span
    # The whole corpus is opened again, with the inputs the dates left out.
    assert [d.doc_id for d in read.corpus] == [d.doc_id for d in load(sample_path)]
    assert _headline(tmp_path / "a")["documents"] == len(made.articles)

    # Other dates, or no cache, analyse the corpus as usual: the file is not theirs.
    (tmp_path / "b").mkdir()
    everything = load_and_analyze(sample_path, cache=True, output_dir=tmp_path / "b")
    assert len(everything.articles) == len(list(load(sample_path))) > len(made.articles)
    (tmp_path / "c").mkdir()
    fresh = load_and_analyze(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                             output_dir=tmp_path / "c")
    pd.testing.assert_frame_equal(fresh.analysis.quotes, made.analysis.quotes)
    # A file that cannot be read is passed over.
    shared.write_bytes(b"not an analysis")
    (tmp_path / "d").mkdir()
    again = load_and_analyze(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                             cache=True, output_dir=tmp_path / "d")
    assert [d.doc_id for d in again.articles] == [d.doc_id for d in made.articles]


def test_the_written_analysis_reads_back_the_same_whatever_its_tables_hold(tmp_path):
    from toolkit.report.loading import (
        analysis_files,
        analyze_corpus,
        read_analysis_file,
        write_analysis,
    )

    # No attribution at all: empty tables keep their columns and types.
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "a.txt").write_text("Water levels rose on the Merrow river on Monday after a week "
                                 "of rain, and the lower fields flooded.\n", encoding="utf-8")
    for mentions in ("counts", True, False):
        made = analyze_corpus(quiet, mentions=mentions)
        path = tmp_path / f"analysis-{mentions}.pickle"
        write_analysis(made, path, {"mentions": mentions})
        read = read_analysis_file(path)
        assert read["key"] == {"mentions": mentions} and read["n_not_english"] == 0
        assert [d.text for d in read["articles"]] == [d.text for d in made.articles]
        for table in ("documents", "quotes", "mentions"):
            pd.testing.assert_frame_equal(getattr(read["analysis"], table),
                                          getattr(made.analysis, table), check_exact=True)
        pd.testing.assert_frame_equal(read["attributions"], made.attributions)
        assert read["analysis"].quotes.empty and len(read["analysis"].documents) == 1
        assert len(analysis_files(path)) == 6
    # A pickle of something else is refused with a clear error.
    other = tmp_path / "other.pickle"
    other.write_bytes(__import__("pickle").dumps({"key": 1}))
    import pytest

    with pytest.raises(ValueError, match="not an analysis"):
        read_analysis_file(other)


def test_written_articles_are_read_a_piece_at_a_time(sample_path, tmp_path, monkeypatch):
    import pickle

    from toolkit.report import loading
    from toolkit.report.loading import analyze_corpus, read_analysis_file, write_analysis

    monkeypatch.setattr(loading, "ARTICLES_PIECE", 3)
    made = analyze_corpus(sample_path)
    docs = list(made.articles)
    assert len(docs) > 7 and len(docs) % 3  # several pieces, the last one short
    write_analysis(made, tmp_path / "analysis.pickle", {})
    articles = read_analysis_file(tmp_path / "analysis.pickle")["articles"]
    assert len(articles) == len(docs)
    assert list(articles) == docs and [d.text for d in articles] == [d.text for d in docs]
    for i in (0, 2, 3, len(docs) - 1, 4, -1, -len(docs)):
        assert articles[i] == docs[i]
    assert articles[2:8] == docs[2:8] and articles[::-4] == docs[::-4]
    with pytest.raises(IndexError):
        articles[len(docs)]
    with pytest.raises(IndexError):
        articles[-len(docs) - 1]
    assert articles.index(docs[5]) == 5 and docs[-1] in articles
    assert pickle.loads(pickle.dumps(articles)) == docs


@pytest.mark.parametrize("held_chars", [10**9, 2_000])
def test_articles_written_as_selected_give_the_same_analysis(sample_path, tmp_path, monkeypatch,
                                                             held_chars):
    from toolkit.report import loading
    from toolkit.report.loading import (
        analyze_corpus,
        articles_path,
        read_analysis_file,
        write_analysis,
    )

    monkeypatch.setattr(loading, "ARTICLES_PIECE", 4)
    monkeypatch.setattr(loading, "ARTICLES_HELD_CHARS", held_chars)
    plain = analyze_corpus(sample_path, date_from="2026-04-01")
    shared = tmp_path / "analysis.pickle"
    made = analyze_corpus(sample_path, date_from="2026-04-01", articles_file=articles_path(shared))
    # Texts over the limit are read back from the file for each pass; under it, held.
    assert isinstance(made.articles, list) == (held_chars > 10**6)
    assert list(made.articles) == list(plain.articles) and len(made.articles) > 4
    assert made.n_not_english == plain.n_not_english and made.summary == plain.summary
    for table in ("documents", "quotes", "mentions"):
        pd.testing.assert_frame_equal(getattr(made.analysis, table),
                                      getattr(plain.analysis, table))
    pd.testing.assert_frame_equal(made.attributions, plain.attributions)
    written = articles_path(shared).stat().st_mtime_ns
    write_analysis(made, shared, {})
    assert articles_path(shared).stat().st_mtime_ns == written  # not written twice
    assert list(read_analysis_file(shared)["articles"]) == list(plain.articles)
    # Each document read back from the file (in a kernel) comes with its key: not hashed again.
    from dataclasses import replace

    from toolkit.cache import document_key

    for doc in read_analysis_file(shared)["articles"]:
        assert doc.__dict__.get("_document_key") == document_key(replace(doc))


def test_whether_the_selected_texts_are_held_is_known_from_the_load_report(
        sample_path, tmp_path, monkeypatch):
    from toolkit.report import loading
    from toolkit.report.loading import analyze_corpus, articles_path

    plain = analyze_corpus(sample_path, date_from="2026-04-01", date_to="2026-04-30")
    assert plain.n_not_english == 0
    total = sum(len(d.text) for d in plain.articles)
    for limit, held in ((total, True), (total - 1, False)):
        monkeypatch.setattr(loading, "ARTICLES_HELD_CHARS", limit)
        shared = tmp_path / f"analysis-{limit}.pickle"
        made = analyze_corpus(sample_path, date_from="2026-04-01", date_to="2026-04-30",
                              articles_file=articles_path(shared))
        assert isinstance(made.articles, list) == held
        assert list(made.articles) == list(plain.articles)


def test_counted_attributions_written_a_piece_at_a_time_are_the_table_made_at_once(
        sample_path, tmp_path, monkeypatch):
    from toolkit.report import loading
    from toolkit.report.loading import analyze_corpus, read_analysis_file, write_analysis

    made = analyze_corpus(sample_path)
    whole = made.attributions
    quotes = made.analysis.quotes
    # Floating quotes take the verb of an earlier quote of their document, and embedded
    # attributions are left out: a piece must not cut a document.
    floating = quotes["kind"].eq("floating") & quotes["cue_lemma"].isna()
    assert floating.any() and whole.loc[floating[floating].index.intersection(whole.index),
                                        "cue_lemma"].notna().all()
    assert len(whole) < len(quotes)
    monkeypatch.setattr(loading, "ATTRIBUTIONS_PIECE", 7)
    pieces = analyze_corpus(sample_path, attributions=False)
    assert pieces.attributions is None
    write_analysis(pieces, tmp_path / "analysis.pickle", {})
    read = read_analysis_file(tmp_path / "analysis.pickle")["attributions"]
    pd.testing.assert_frame_equal(read, whole, check_exact=True)
    assert list(read.index) == list(whole.index)
    # Rows of a document apart from each other: one piece, the same table.
    shuffled = quotes.sample(frac=1.0, random_state=3)
    assert not shuffled["doc_id"].is_monotonic_increasing
    stored = loading._write_counted(shuffled, tmp_path / "shuffled.arrow")
    again = loading._read_table(stored, tmp_path)
    pd.testing.assert_frame_equal(again, loading.counted_attributions(shuffled),
                                  check_exact=True)


def test_the_frame_tally_of_a_report_is_counted_once_and_read_by_the_other_notebooks(
        sample_path, tmp_path, monkeypatch):
    """Beside the runner's analysis file, the first notebook keeps its frame tally and the next
    reads it: the same counts, for any grouping, without counting the documents again; a tally
    kept for another lexicon, or a file cut short, is not read."""
    from toolkit.analysis.framing import tables
    from toolkit.report.loading import AnalyzedCorpus

    corpus = load(sample_path)
    articles = list(corpus)
    base = analyze(articles)
    quotes = counted_attributions(base.quotes)
    shared = tmp_path / "analysis.pickle"
    loaded = AnalyzedCorpus(corpus=corpus, articles=articles, analysis=base,
                            attributions=quotes, shared_file=str(shared))
    counted = []
    real = tables.tally_frames
    monkeypatch.setattr(tables, "tally_frames", lambda *a, **k: counted.append(1) or real(*a, **k))
    expected = real(articles, "conflict_cooperation", quotes=quotes)
    first = loaded.frame_tally("conflict_cooperation")
    again = loaded.frame_tally("conflict_cooperation")
    assert len(counted) == 1
    for by in (None, "outlet", "month"):
        pd.testing.assert_frame_equal(again.counts(by=by), expected.counts(by=by))
        pd.testing.assert_frame_equal(first.counts(by=by), expected.counts(by=by))
    assert again.counts()["n_matches"].sum() > 0
    other = loaded.frame_tally("policy_frames")
    assert len(counted) == 2 and set(other.counts()["frame"]) != set(again.counts()["frame"])
    kept = next(p for p in tmp_path.glob("analysis.pickle.frames-*") if p.suffix != ".lock")
    kept.write_bytes(kept.read_bytes()[:20])
    loaded.frame_tally("conflict_cooperation")
    loaded.frame_tally("policy_frames")
    assert len(counted) == 3
    # Outside a report (no runner's file), each call counts.
    alone = AnalyzedCorpus(corpus=corpus, articles=articles, analysis=base, attributions=quotes)
    alone.frame_tally("conflict_cooperation")
    alone.frame_tally("conflict_cooperation")
    assert len(counted) == 5
    assert len([p for p in tmp_path.iterdir() if p.suffix != ".lock"]) == 2


def test_a_notebook_waits_for_the_frame_tally_another_is_counting(sample_path, tmp_path):
    """While one notebook counts a lexicon's frames (holding the tally's lock), another asking
    for the same tally waits, then reads what the first kept instead of counting it again."""
    import threading
    import time

    from toolkit.analysis.framing import tables
    from toolkit.cache import write_entry
    from toolkit.report import loading
    from toolkit.report.loading import AnalyzedCorpus

    articles = list(load(sample_path))
    base = analyze(articles)
    quotes = counted_attributions(base.quotes)
    shared = tmp_path / "analysis.pickle"
    loaded = AnalyzedCorpus(corpus=articles, articles=articles, analysis=base,
                            attributions=quotes, shared_file=str(shared))
    counted = tables.tally_frames(articles, "conflict_cooperation", quotes=quotes)
    kept = f"{shared}.frames-{tables.lexicon_key(tables.as_lexicon('conflict_cooperation'))}"
    holding = threading.Event()

    def other_notebook() -> None:
        with loading._only_one(f"{kept}.lock"):
            holding.set()
            time.sleep(0.5)  # still counting when the second one asks
            write_entry(kept, counted.documents[:3])

    thread = threading.Thread(target=other_notebook)
    thread.start()
    assert holding.wait(timeout=30)
    tally = loaded.frame_tally("conflict_cooperation")
    thread.join()
    # What the first kept, not a count of its own (which would cover every document).
    assert len(tally.documents) == 3 < len(counted.documents)


def test_the_frame_tally_is_counted_ahead_by_a_process_of_its_own(sample_path, tmp_path,
                                                                   monkeypatch):
    """The process the kernels are forked from starts one that counts the tally of the report's
    lexicon once it has read the analysis: a notebook asking for it meanwhile waits, then reads
    the same tally it would count (a lexicon that does not load is left to the notebook)."""
    from toolkit.analysis.framing import tables
    from toolkit.report.loading import (
        ANALYSIS_FILE_VARIABLE,
        analysis_key,
        analyze_corpus,
        count_frames_ahead,
        preload_analysis,
        write_analysis,
    )

    made = analyze_corpus(sample_path)
    shared = tmp_path / "analysis.pickle"
    write_analysis(made, shared, analysis_key(sample_path, None, None, {}))
    monkeypatch.setenv(ANALYSIS_FILE_VARIABLE, str(shared))
    # No analysis was written for other dates: nothing to count.
    assert count_frames_ahead(str(sample_path), "2026-04-01", None, {}, ["conflict_cooperation"],
                              store=tmp_path / "store") is None
    assert preload_analysis(str(sample_path), None, None, {})
    pid = count_frames_ahead(str(sample_path), None, None, {},
                             ["conflict_cooperation", str(tmp_path / "missing.yaml")],
                             store=tmp_path / "store")
    assert isinstance(pid, int) and pid > 0
    expected = tables.tally_frames(made.articles, "conflict_cooperation",
                                   quotes=made.attributions)

    def not_here(*args, **kwargs):
        raise AssertionError("counted by the notebook")

    monkeypatch.setattr(tables, "tally_frames", not_here)
    (tmp_path / "nb").mkdir()
    read = load_and_analyze(sample_path, cache=True, output_dir=tmp_path / "nb")
    tally = read.frame_tally("conflict_cooperation")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    for by in (None, "outlet"):
        pd.testing.assert_frame_equal(tally.counts(by=by), expected.counts(by=by))
    assert tally.counts()["n_matches"].sum() > 0
