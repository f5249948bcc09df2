"""Keyness statistics against hand computation, keyness tables and collocates on tiny corpora."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.analysis.keyness import (
    COLLOCATE_COLUMNS,
    KEYNESS_COLUMNS,
    collocates,
    describe_collocates,
    keyness,
    keyness_stats,
    largest_group,
    load_stopwords,
    words,
)
from toolkit.corpus import Document
from toolkit.errors import NotEnoughDataError, ParameterError


def test_keyness_stats_fixed_table_by_hand():
    # a=20 of 1,000 words vs b=5 of 4,000: E1 = 1000*25/5000 = 5, E2 = 20,
    # G2 = 2*(20 ln 4 + 5 ln(1/4)) = 30 ln 4; log ratio = log2(0.02 / 0.00125) = 4.
    stats = keyness_stats(20, 5, 1000, 4000)
    assert stats.g2 == pytest.approx(30 * math.log(4), abs=1e-9)
    assert stats.log_ratio == pytest.approx(4.0, abs=1e-9)
    assert stats.pct_diff == pytest.approx(1500.0, abs=1e-9)
    assert stats.p_value == pytest.approx(math.erfc(math.sqrt(15 * math.log(4))), abs=1e-15)


def test_p_value_is_chi_square_one_df():
    # 3.841458820694124 and 6.634896601021214 are the 95th and 99th percentiles of chi-square
    # with 1 df; a table whose G2 crosses them must cross p = 0.05 and 0.01.
    g2s = {a: keyness_stats(a, 10, 1000, 1000) for a in range(10, 40)}
    for quantile, level in ((3.841458820694124, 0.05), (6.634896601021214, 0.01)):
        assert math.erfc(math.sqrt(quantile / 2)) == pytest.approx(level, abs=1e-9)
        for stats in g2s.values():
            assert (stats.g2 > quantile) == (stats.p_value < level)


def test_zero_frequency_adjustment_and_signs():
    # b = 0 is replaced by 0.5 in the log ratio: log2((4/100) / (0.5/100)) = 3.
    stats = keyness_stats(4, 0, 100, 100)
    assert stats.log_ratio == pytest.approx(3.0, abs=1e-9)
    assert stats.g2 == pytest.approx(8 * math.log(2), abs=1e-9)
    assert stats.pct_diff == math.inf
    under = keyness_stats(0, 4, 100, 100)
    assert under.log_ratio == pytest.approx(-3.0, abs=1e-9) and under.pct_diff == -100.0
    assert keyness_stats(3, 3, 50, 50).g2 == 0.0 and keyness_stats(3, 3, 50, 50).p_value == 1.0
    with pytest.raises(ParameterError):
        keyness_stats(5, 1, 4, 10)


def corpus() -> list[Document]:
    return [Document(doc_id="a", text="Water, water and the dam.", outlet="A"),
            Document(doc_id="b", text="Water talks: talks in 2026 at the dam's gate.",
                     outlet="B"),
            Document(doc_id="c", text="Talks.", outlet="C")]


def test_words_are_lower_case_letters_only():
    assert words(corpus()[1]) == ["water", "talks", "talks", "in", "at", "the", "dam", "gate"]


def test_keyness_table_against_rest_and_reference():
    # A: water 2, and 1, the 1, dam 1 (5 words). B: water 1, talks 2, in, at, the, dam, gate (8).
    table = keyness(corpus(), by="outlet", group="A", reference="B", min_freq=2)
    assert list(table.columns) == list(KEYNESS_COLUMNS)
    assert set(table["word"]) == {"water", "talks", "the", "dam"}
    row = table.set_index("word").loc["water"]
    assert (row["freq_target"], row["freq_reference"]) == (2, 1)
    assert row["rate_target"] == pytest.approx(400.0) and row["rate_reference"] == 125.0
    expected = keyness_stats(2, 1, 5, 8)
    assert row["g2"] == pytest.approx(expected.g2, abs=1e-12)
    assert row["log_ratio"] == pytest.approx(math.log2((2 / 5) / (1 / 8)), abs=1e-9)
    assert table["g2"].is_monotonic_decreasing
    rest = keyness(corpus(), by="outlet", group="A", min_freq=1)
    assert rest.set_index("word").loc["talks", "freq_reference"] == 3
    no_stop = keyness(corpus(), by="outlet", group="A", min_freq=1, stopwords=True)
    assert not {"the", "and", "in", "at"} & set(no_stop["word"])
    with pytest.raises(ParameterError, match="no words"):
        keyness(corpus(), by="outlet", group="Z")


def test_stopwords_sources(tmp_path):
    assert {"the", "of", "and"} <= load_stopwords(True)
    assert load_stopwords(False) == frozenset()
    path = tmp_path / "stop.txt"
    path.write_text("# mine\nDam\n", encoding="utf-8")
    assert load_stopwords(str(path)) == {"dam"}
    assert load_stopwords(["Can\u2019t"]) == {"can't"}


def test_collocates_by_hand():
    doc = Document(doc_id="x", text="Dam water flow. Dam water!")
    # words: dam water flow dam water; window 2 pairs: (dam, water) x2, (water, flow), (flow, dam)
    table = collocates([doc], "dam", window=2, min_freq=1)
    assert list(table.columns) == list(COLLOCATE_COLUMNS)
    assert table[["collocate", "position", "freq", "freq_collocate"]].values.tolist() == [
        ["water", "right", 2, 2], ["flow", "left", 1, 1]]
    assert table.loc[0, "pmi"] == pytest.approx(math.log2(2 * 5 / (2 * 2)), abs=1e-9)
    assert collocates([doc], "dam", window=2, min_freq=2)["collocate"].tolist() == ["water"]


def test_keyness_does_not_modify_documents():
    docs = corpus()
    before = [(d.doc_id, d.text, d.outlet) for d in docs]
    frame = pd.DataFrame({"x": [1]})
    keyness(docs, by="outlet", group="A", min_freq=1)
    assert [(d.doc_id, d.text, d.outlet) for d in docs] == before
    assert frame.equals(pd.DataFrame({"x": [1]}))


def test_collocates_of_phrases_and_wildcards():
    doc = Document(doc_id="p", text="New sanctions hit exports. Old sanction rules hit farmers. "
                                    "Talks on water resumed.")
    table = collocates([doc], "sanction*", window=3, min_freq=2)
    assert table[["word", "collocate", "position", "freq"]].values.tolist() == [
        ["sanction*", "hit", "right", 2]]
    phrase = collocates([doc], "sanction rules", window=2, min_freq=1)
    assert sorted(phrase[["collocate", "position"]].values.tolist()) == [["hit", "right"],
                                                                         ["old", "left"]]
    assert phrase["log_likelihood"].is_monotonic_decreasing
    assert collocates([doc], "embargo", min_freq=1).empty
    assert describe_collocates([doc], "embargo") == "no match for 'embargo' in 1 document"
    assert describe_collocates([doc], "sanction*", window=3, min_freq=2) == (
        "2 matches of 'sanction*' in 1 of 1 document; a collocate must occur at least 2 times "
        "within 2 words of a match")


def test_datelines_and_courtesy_titles_are_not_keywords():
    text = "The dam row\n\nESTRAVA, March 2 (VWS) - Mr. Varga said the dam was safe.\n"
    assert words(Document(doc_id="d", text=text)) == ["the", "dam", "row", "mr", "varga",
                                                      "said", "the", "dam", "was", "safe"]
    stop = load_stopwords(True, extra=["Safe"])
    assert {"mr", "dr", "the", "safe"} <= stop and "dam" not in stop
    assert load_stopwords(False, extra=["x"]) == {"x"}


def test_largest_group():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["B", "A", "A"],
                         "date": ["2026-03-01", None, "2026-04-02"]})
    assert largest_group(docs, "outlet") == "A"
    assert largest_group(docs, "month") == "2026-03"
    with pytest.raises(NotEnoughDataError, match="no document has a value for by='author'"):
        largest_group(docs.assign(author=None), "author")


def test_collocates_over_worker_processes_are_the_same(polnear_path, tmp_path):
    from toolkit.analysis.keyness import collocates, word_counts
    from toolkit.analysis.store import default_store, value_store
    from toolkit.cache import document_key
    from toolkit.corpus import load

    # More documents hold "said" than one chunk per worker: the documents read word by word
    # go to two processes.
    docs = list(load(polnear_path / "dev" / "text"))
    assert len(docs) > 64
    one = collocates(docs, "said", min_freq=3, workers=1)
    assert len(one) > 20
    pd.testing.assert_frame_equal(collocates(docs, "said", min_freq=3, workers=2), one)
    # A store holding the word counts of some documents: the documents read word by word
    # that lack them store theirs as they are read, the same counts word_counts gives.
    collocates(docs[:30], "said", min_freq=3, workers=1, store=tmp_path)
    stored = collocates(docs, "said", min_freq=3, workers=2, store=tmp_path)
    pd.testing.assert_frame_equal(stored, one)
    counts = value_store(default_store(tmp_path).folder, "words")
    assert set(counts.index()) == {document_key(d) for d in docs}
    assert counts.get(document_key(docs[-1])) == word_counts(docs[-1])


def test_stored_collocates_of_a_rare_term_are_the_same(polnear_path, tmp_path):
    from toolkit.analysis.keyness import collocates
    from toolkit.analysis.store import default_store, value_store
    from toolkit.cache import document_key
    from toolkit.corpus import load

    # Most documents do not hold "tax*": their words come from the stored word counts.
    docs = list(load(polnear_path / "dev" / "text"))
    holding = [d for d in docs if "tax" in d.text.lower()]
    assert 0 < len(holding) < len(docs) / 2
    read = collocates(docs, "tax*", min_freq=2, workers=1)
    assert len(read) > 5
    pd.testing.assert_frame_equal(collocates(docs, "tax*", min_freq=2, store=tmp_path), read)
    # Twice: the second time every document's word counts are read from the store, and the
    # pairs of the documents holding the term too, under the term and the window.
    pd.testing.assert_frame_equal(collocates(docs, "tax*", min_freq=2, store=tmp_path), read)
    folder = default_store(tmp_path).folder
    names = {p.name.rsplit("-", 1)[0] for p in folder.glob("collocates-*.parquet")}
    assert len(names) == 1
    pairs = value_store(folder, names.pop())
    assert set(pairs.index()) == {document_key(d) for d in holding}
    # Another window is another value: the table is the same as read word by word.
    pd.testing.assert_frame_equal(collocates(docs, "tax*", window=3, store=tmp_path),
                                  collocates(docs, "tax*", window=3, workers=1))
    # A document given twice counts twice, its word counts stored once; read again from the
    # store, it still counts twice.
    twice = [*docs, holding[0]]
    plain = collocates(twice, "tax*", min_freq=2, workers=1)
    for _ in range(2):
        pd.testing.assert_frame_equal(
            collocates(twice, "tax*", min_freq=2, store=tmp_path / "2"), plain)


def test_one_word_terms_are_found_among_the_words_as_the_matcher_finds_them(polnear_path):
    """Collocates of a query of one-word terms find its matches among the document's words;
    they are the matcher's, on real news, for exact words, wildcards, inner apostrophes and
    dots, capitals in the query, and hyphenated words (which match no one-word term). Phrases,
    hyphenated terms and case-sensitive terms go through the matcher."""
    from toolkit.analysis import keyness
    from toolkit.analysis.framing.lexicon import make_lexicon
    from toolkit.analysis.framing.tables import query_lexicon
    from toolkit.corpus import load

    docs = list(load(polnear_path / "dev" / "text"))[:40]
    queries = ["said", "Said", "say*", "clinton*", "u.s.", "don't", "a*", "campaign",
               "sanction"]
    total = 0
    for query in queries:
        matcher = query_lexicon(query).matcher
        assert keyness._single_words(matcher) is not None, query
        for doc in docs:
            found = keyness._word_spans(doc)
            nodes = keyness._node_spans(doc, found, matcher)
            assert nodes == keyness._matched_nodes(doc, found, matcher), (query, doc.doc_id)
            total += len(nodes)
    assert total > 5000
    hyphenated = Document("d", "A well-known senator said the campaign was well known.")
    found = keyness._word_spans(hyphenated)
    assert [found[i][0] for i, _ in keyness._node_spans(hyphenated, found,
                                                      query_lexicon("well*").matcher)] == ["well"]
    for other in (query_lexicon("white house").matcher, query_lexicon("well-known").matcher,
                  make_lexicon({"f": [{"term": "EU", "case": "sensitive"}]}).matcher):
        assert keyness._single_words(other) is None
