"""Speaker and reporting-verb tables on hand-built attribution tables with known counts."""

import pandas as pd
import pytest

from toolkit.analysis import speakers as sp
from toolkit.analysis import verbs as v
from toolkit.corpus import Document
from toolkit.errors import ParameterError

QUOTE_COLUMNS = ["doc_id", "speaker", "speaker_type", "speaker_title", "cue_lemma",
                 "verb_category", "kind", "content"]


@pytest.fixture
def quotes():
    rows = [
        ("d1", "Elena Ramos", "person", "Foreign Minister", "say", "neutral", "direct",
         "We will not sign this"),
        ("d1", "Elena Ramos", "person", "Ms.", "claim", "nonfactive", "indirect",
         "the report was a forgery"),
        ("d1", "Elena Ramos", "person", "Ms.", None, None, "floating", "Not today"),
        ("d1", "Tomas Varga", "person", None, "say", "neutral", "indirect", "talks failed"),
        ("d2", "Tomas Varga", "person", "energy minister", "admit", "concessive", "direct",
         "We made mistakes"),
        ("d2", None, "unresolved", None, "say", "neutral", "indirect", "it rained"),
        ("d2", "a senior official", "anonymous", None, "say", "neutral", "indirect",
         "a deal is near"),
        ("d3", "Elena Ramos", "person", "Foreign Minister", "say", "neutral", "direct",
         "Yes"),
        ("d3", "polls", "organization", None, "suggest", "evidential", "evidential",
         "voters are split"),
    ]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


@pytest.fixture
def documents():
    return pd.DataFrame({
        "doc_id": ["d1", "d2", "d3"],
        "outlet": ["Ledger", "Meridian", "Ledger"],
        "date": ["2026-03-02", "2026-03-20", "2026-04-05"],
        "author": ["A", "B", None],
    })


def test_speaker_table_counts(quotes, documents):
    table = sp.speaker_table(quotes, documents)
    assert list(table.columns) == [
        "speaker", "speaker_type", "speaker_title", "n_attributions", "n_direct", "n_indirect",
        "words_direct", "words_indirect", "share", "n_documents", "n_mentions", "first_date",
        "last_date"]
    assert list(table["speaker"]) == ["Elena Ramos", "Tomas Varga", "(unresolved)",
                                      "a senior official"]
    ramos = table.iloc[0].to_dict()
    assert ramos["n_attributions"] == 4 and ramos["n_direct"] == 3 and ramos["n_indirect"] == 1
    assert ramos["words_direct"] == 5 + 2 + 1 and ramos["words_indirect"] == 5
    assert ramos["share"] == pytest.approx(4 / 8)
    assert ramos["n_documents"] == 2 and ramos["speaker_title"] == "Foreign Minister"
    assert (ramos["first_date"], ramos["last_date"]) == ("2026-03-02", "2026-04-05")
    assert table.iloc[2]["speaker_type"] == "unresolved"
    assert "polls" not in set(table["speaker"])
    with_evidential = sp.speaker_table(quotes, kinds=sp.SPEECH_KINDS + ("evidential",))
    assert "polls" in set(with_evidential["speaker"])


def test_speaker_table_by_outlet_and_month_with_date_filter(quotes, documents):
    by_outlet = sp.speaker_table(quotes, documents, by="outlet")
    ledger = by_outlet[by_outlet["outlet"] == "Ledger"]
    assert list(ledger["speaker"]) == ["Elena Ramos", "Tomas Varga"]
    assert list(ledger["n_attributions"]) == [4, 1]
    assert ledger["share"].sum() == pytest.approx(1.0)
    by_month = sp.speaker_table(quotes, documents, by="month", date_to="2026-03-31")
    assert sorted(set(by_month["month"])) == ["2026-03"]
    assert by_month.loc[by_month["speaker"] == "Elena Ramos", "n_attributions"].item() == 3
    with pytest.raises(ParameterError, match="unknown grouping column 'desk'"):
        sp.speaker_table(quotes, documents, by="desk")
    with pytest.raises(ParameterError, match="needs documents="):
        sp.speaker_table(quotes, by="outlet")
    with pytest.raises(ParameterError, match="date_from='March' is not an ISO date"):
        sp.speaker_table(quotes, documents, date_from="March")


def test_share_of_voice_top_n_with_other(quotes, documents):
    table = sp.share_of_voice(quotes, documents, by="outlet", top_n=1)
    assert table.to_dict("records") == [
        {"outlet": "Ledger", "speaker": "Elena Ramos", "n_attributions": 4, "share": 0.8},
        {"outlet": "Ledger", "speaker": "(other)", "n_attributions": 1, "share": 0.2},
        {"outlet": "Meridian", "speaker": "(unresolved)", "n_attributions": 1,
         "share": pytest.approx(1 / 3)},
        {"outlet": "Meridian", "speaker": "(other)", "n_attributions": 2,
         "share": pytest.approx(2 / 3)},
    ]


def test_anonymous_rate_and_over_time(quotes, documents):
    rate = sp.anonymous_rate(quotes, documents, by="outlet")
    assert rate.to_dict("records") == [
        {"outlet": "Ledger", "n_attributions": 5, "n_anonymous": 0, "anonymous_rate": 0.0},
        {"outlet": "Meridian", "n_attributions": 3, "n_anonymous": 1,
         "anonymous_rate": pytest.approx(1 / 3)},
    ]
    over = sp.speakers_over_time(quotes, documents, period="month", top_n=2)
    assert over.to_dict("records") == [
        {"period": "2026-03", "speaker": "Elena Ramos", "n_attributions": 3},
        {"period": "2026-03", "speaker": "Tomas Varga", "n_attributions": 2},
        {"period": "2026-04", "speaker": "Elena Ramos", "n_attributions": 1},
        {"period": "2026-04", "speaker": "Tomas Varga", "n_attributions": 0},
    ]


def test_mentions_and_mentioned_but_not_quoted(quotes):
    docs = [
        Document("d1", "Foreign Minister Elena Ramos met Tomas Varga. Ms. Ramos said no. "
                       "President Anton Hale stayed home."),
        Document("d2", "Varga spoke to Gen. Marek Halloran about Ramos."),
    ]
    mentions = sp.speaker_mentions(docs, quotes)
    assert [(m.doc_id, m.speaker, m.mention) for m in mentions.itertuples()] == [
        ("d1", "Elena Ramos", "Elena Ramos"),
        ("d1", "Tomas Varga", "Tomas Varga"),
        ("d1", "Elena Ramos", "Ms. Ramos"),
        ("d1", "Anton Hale", "Anton Hale"),
        ("d2", "Tomas Varga", "Varga"),
        ("d2", "Marek Halloran", "Gen. Marek Halloran"),
        ("d2", "Elena Ramos", "Ramos"),
    ]
    for m in mentions.itertuples():
        assert docs[int(m.doc_id[1]) - 1].text[m.start:m.end] == m.mention
    table = sp.speaker_table(quotes, mentions=mentions)
    assert table.set_index("speaker").loc["Elena Ramos", "n_mentions"] == 3
    silent = sp.mentioned_not_quoted(mentions, quotes)
    assert silent.to_dict("records") == [
        {"speaker": "Anton Hale", "n_mentions": 1, "n_documents": 1},
        {"speaker": "Marek Halloran", "n_mentions": 1, "n_documents": 1},
    ]
    # Mentions counted per document and name (what a report holds) give the same table.
    counted = mentions.groupby(["doc_id", "speaker"]).size().rename("n_mentions").reset_index()
    pd.testing.assert_frame_equal(sp.mentioned_not_quoted(counted, quotes), silent)
    # Nobody quoted: each name counts its mentions and documents.
    everyone = sp.mentioned_not_quoted(counted, quotes.iloc[:0])
    assert everyone.iloc[0].to_dict() == {"speaker": "Elena Ramos", "n_mentions": 3,
                                          "n_documents": 2}
    none = sp.mentioned_not_quoted(counted.iloc[:0], quotes)
    assert none.empty and list(none.columns) == ["speaker", "n_mentions", "n_documents"]


def test_verb_counts_and_categories(quotes, documents):
    counts = v.verb_counts(quotes)
    assert counts.to_dict("records")[:2] == [
        {"cue_lemma": "say", "verb_category": "neutral", "n": 5, "share": 5 / 8},
        {"cue_lemma": "admit", "verb_category": "concessive", "n": 1, "share": 1 / 8},
    ]
    assert counts["n"].sum() == 8  # the floating quote has no cue
    speech_only = v.verb_counts(quotes, kinds=("direct", "indirect", "mixed"))
    assert "suggest" not in set(speech_only["cue_lemma"])
    by_outlet = v.verb_counts(quotes, documents, by="outlet")
    assert by_outlet.groupby("outlet")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    per_speaker = v.verbs_by_speaker(quotes, speakers=["Elena Ramos"])
    assert per_speaker[["cue_lemma", "n"]].values.tolist() == [["say", 2], ["claim", 1]]
    categories = v.category_by_speaker(quotes, min_attributions=2)
    assert set(categories["speaker"]) == {"Elena Ramos", "Tomas Varga"}
    ramos = categories[categories["speaker"] == "Elena Ramos"]
    assert dict(zip(ramos["verb_category"], ramos["share"], strict=True)) == {
        "neutral": pytest.approx(2 / 3), "nonfactive": pytest.approx(1 / 3)}
    share = v.category_share(quotes, documents, by="outlet")
    meridian = share[share["outlet"] == "Meridian"]
    assert meridian[["verb_category", "n"]].values.tolist() == [["neutral", 2], ["concessive", 1]]


def test_stance_taxonomy_is_data():
    taxonomy = v.load_categories()
    assert list(taxonomy.columns) == ["category", "label", "signal", "description"]
    assert {"neutral", "factive", "nonfactive", "concessive", "directive", "conflictual",
            "predictive", "cognitive", "evidential"} <= set(taxonomy["category"])
    assert taxonomy.set_index("category").loc["nonfactive", "signal"] == "distancing"


def test_bad_taxonomy_file_names_the_line(tmp_path):
    from toolkit.errors import LexiconError

    path = tmp_path / "cats.tsv"
    path.write_text("category\tlabel\tsignal\tdescription\nneutral\tneutral\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cats.tsv:2: expected 4 tab-separated cells"):
        v.load_categories(str(path))


def test_tables_do_not_mutate_inputs(quotes, documents):
    before_q, before_d = quotes.copy(), documents.copy()
    sp.speaker_table(quotes, documents, by="outlet")
    sp.share_of_voice(quotes, documents)
    sp.anonymous_rate(quotes, documents)
    v.verb_counts(quotes, documents, by="month")
    v.category_by_speaker(quotes)
    pd.testing.assert_frame_equal(quotes, before_q)
    pd.testing.assert_frame_equal(documents, before_d)


def test_missing_columns_are_explained():
    with pytest.raises(ParameterError, match="lacks column"):
        v.verb_counts(pd.DataFrame({"doc_id": ["d1"]}))
    with pytest.raises(ParameterError, match="lacks column"):
        sp.speaker_table(pd.DataFrame({"doc_id": ["d1"]}))


def test_an_office_is_preferred_to_a_courtesy_title():
    quotes = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c"], "speaker": ["Lena Varga"] * 3 + ["Ivo Dunn"],
        "speaker_type": ["person"] * 4,
        "speaker_title": ["Mrs.", "Mrs.", "Harbour Minister", "Mr."],
        "cue_lemma": ["say"] * 4, "kind": ["direct", "indirect", "indirect", "direct"],
        "content": ["We stay.", "that it holds", "that it holds", "No."]})
    table = sp.speaker_table(quotes).set_index("speaker")
    assert table.loc["Lena Varga", "speaker_title"] == "Harbour Minister"
    assert table.loc["Ivo Dunn", "speaker_title"] == "Mr."  # the only title he has
    # A courtesy title in capitals is one too; a speaker never given a title has none; a
    # report's text columns are Arrow strings.
    more = pd.concat([quotes, pd.DataFrame({
        "doc_id": ["d", "d", "e"], "speaker": ["Lena Varga", "Lena Varga", "Ana Ruiz"],
        "speaker_type": ["person"] * 3, "speaker_title": ["MRS.", "MRS.", None],
        "cue_lemma": ["say"] * 3, "kind": ["direct"] * 3, "content": ["Yes."] * 3})],
        ignore_index=True)
    for titles in (more, more.astype({"speaker_title": "string[pyarrow]"})):
        table = sp.speaker_table(titles).set_index("speaker")
        assert table.loc["Lena Varga", "speaker_title"] == "Harbour Minister"
        assert table.loc["Ivo Dunn", "speaker_title"] == "Mr."
        assert pd.isna(table.loc["Ana Ruiz", "speaker_title"])


def test_speaker_table_of_no_speech_with_text_columns_read_from_parquet(quotes, documents):
    """Tables read back from the store hold text as Arrow strings; a selection without speech
    (here only an evidential attribution) gives an empty table, not a type error."""
    only_evidence = quotes[quotes["kind"] == "evidential"].astype({"content": "string[pyarrow]"})
    table = sp.speaker_table(only_evidence, documents)
    assert table.empty and "words_direct" in table.columns


@pytest.mark.parametrize(("text", "names"), [
    ("Vice President Joe Biden met Former President George W. Bush.", ["Joe Biden", "George W. Bush"]),
    ("Sen. Ted Cruz’s GOP rivals and Prime Minister Theresa May arrived.",
     ["Ted Cruz", "Theresa May"]),
    ("Chairman Reince Priebus and Gov. Mike Pence met.", ["Reince Priebus", "Mike Pence"]),
    ("said Fed Chair Janet Yellen\n\nThe Federal Reserve raised rates.", ["Janet Yellen"]),
    # a title-case headline: every word is capitalized, none is a name because of it
    ("The Myth That The President Can Save The Party\n\nThe party met.", []),
    ("Christian Speaker Just Shared This With Rival Mark On Stage\n\nIt was late.", []),
    ("Why Rival Donald Trump Stands Alone\n\nRival Donald Trump said so.", ["Donald Trump"]),
    ("the bill, known as the “Justice Against Sponsors of Terrorism Act”, passed.", []),
])
def test_titled_names_are_names_not_headline_words(text, names):
    assert sp.titled_names(text) == names


def test_only_speakers_of_speech_are_looked_for_by_name(quotes):
    thinker = quotes.iloc[[0]].assign(speaker="Also Monday", speaker_type="person",
                                      kind="cognitive")
    nested = quotes.iloc[[0]].assign(speaker="Ivo Marsh", speaker_type="person", embedded=True)
    names = sp.mention_names(pd.concat([quotes, thinker, nested], ignore_index=True))
    assert "Also Monday" not in names and "Ivo Marsh" not in names
    assert "Elena Ramos" in names


def test_a_titled_name_ending_in_a_quoted_persons_name_counts_for_that_person():
    finder = sp.name_finder(["Alicia Machado", "Universe Alicia Machado"],
                            people=["Alicia Machado"])
    text = "Miss Universe Alicia Machado spoke first."
    assert [name for name, _, _ in finder.find(text)] == ["Alicia Machado"]


def test_other_forms_of_a_speakers_name_count_for_the_speaker():
    finder = sp.name_finder(
        ["Donald Trump", "Donald J. Trump", "Debbie Wasserman Schultz", "Wasserman Schultz",
         "David Woodard of Clemson University", "Ana Lund"],
        people=["Donald Trump", "Debbie Wasserman Schultz"])
    text = ("Donald J. Trump met Rep. Wasserman Schultz at Clemson University. Trump left; "
            "Ana Lund stayed, and Lund spoke.")
    found = [(name, text[a:b]) for name, a, b in finder.find(text)]
    assert found == [("Donald Trump", "Donald J. Trump"),
                     ("Debbie Wasserman Schultz", "Rep. Wasserman Schultz"),
                     ("Donald Trump", "Trump"), ("Ana Lund", "Ana Lund")]  # never quoted: no surname


def test_the_mention_table_is_ordered_by_document_and_offset_whatever_the_order_given(
        monkeypatch):
    import random

    import numpy as np

    rows = [(f"d{d}", "Ana Ruiz" if k % 2 else "Luis Pena", "Ruiz" if k % 3 else "Pena",
             10 * k, 10 * k + 4) for d in range(6) for k in range(5)]
    ordered = sp.mention_frame(rows)
    assert ordered["doc_id"].tolist() == [r[0] for r in rows]
    assert ordered["start"].tolist() == [r[3] for r in rows]
    assert ordered["doc_id"].dtype == "str" and ordered["start"].dtype == np.int32
    # Documents given out of order (a CSV's rows), and mentions out of order within one.
    shuffled = [row for d in (3, 0, 5, 1, 4, 2) for row in rows[5 * d:5 * d + 5]]
    shuffled[0], shuffled[1] = shuffled[1], shuffled[0]
    random.Random(0).shuffle(shuffled[10:15])
    pd.testing.assert_frame_equal(sp.mention_frame(shuffled), ordered)
    # Text columns made a few rows at a time are the same table.
    monkeypatch.setattr(sp, "_COLUMN_PIECE", 7)
    pieced = sp.mention_frame(shuffled)
    assert pieced["mention"].array._pa_array.num_chunks == 5
    pd.testing.assert_frame_equal(pieced, ordered)
    assert sp.counted_mentions(("d0", "A", k) for k in range(1, 4))["n_mentions"].tolist() == [6]
    # The order of rows with the same document and start is kept (a stable sort).
    tied = sp.mention_frame([("d1", "B", "b", 5, 6), ("d0", "A", "a", 1, 2),
                             ("d1", "C", "c", 5, 7)])
    assert tied["speaker"].tolist() == ["A", "B", "C"]
    assert sp.mention_frame([]).empty
    # The positions of rows that came in order are those gathered, not copied: the table can
    # still be changed, and a table made again from the same rows is not.
    ordered.loc[0, "start"] = -1
    ordered["end"] += 1
    again = sp.mention_frame(rows)
    assert ordered["start"].iloc[0] == -1 and again["start"].iloc[0] == 0
    assert again["end"].tolist() == [r[4] for r in rows]
    # Offsets past what 32 bits count (a text of more than 2**31 characters) are kept whole.
    far = sp.mention_frame([("d1", "B", "b", 2 ** 31 - 1, 2 ** 31 + 3), ("d0", "A", "a", 1, 2)])
    assert far["start"].dtype == np.int64
    assert far["start"].tolist() == [1, 2 ** 31 - 1] and far["end"].tolist() == [2, 2 ** 31 + 3]
    # Also when such an offset comes after others: those are kept as they were.
    far = sp.mention_frame([("d0", "A", "a", 1, 2), ("d1", "B", "b", 7, 2 ** 31),
                            ("d1", "A", "a", 2 ** 32, 2 ** 32 + 1)])
    assert far["start"].dtype == np.int64 and far["start"].tolist() == [1, 7, 2 ** 32]
    assert far["end"].tolist() == [2, 2 ** 31, 2 ** 32 + 1]
    assert far["speaker"].tolist() == ["A", "B", "A"]


def test_mention_counts_of_a_document_agree_with_its_mentions(polnear_path):
    """Counting a document's names gives what counting its mention rows gives, outside
    excluded spans: a mention starts at its honorific, so a span ending between "Sen." and
    the name holds it, and one ending before the honorific does not."""
    finder = sp.name_finder(["Elena Ramos", "Tomas Varga"])
    text = "Sen. Ramos met Tomas Varga. Later Sen. Ramos left, and Ramos spoke."
    doc = Document("d1", text)
    second = text.index("Sen. Ramos left")
    cases = [((), {"Elena Ramos": 3, "Tomas Varga": 1}),
             (((second - 6, second + 3),), {"Elena Ramos": 2, "Tomas Varga": 1}),
             (((second - 6, second - 1),), {"Elena Ramos": 3, "Tomas Varga": 1}),
             (((0, 2),), {"Elena Ramos": 2, "Tomas Varga": 1})]
    for excluded, expected in cases:
        counted = sp.document_mention_counts(finder, doc, excluded=excluded)
        assert {name: n for _, name, n in counted} == expected
        assert counted == list(sp.per_document_counts(
            sp.document_mentions(finder, doc, excluded=excluded)))
    # Real news, with the boilerplate cleaning excluded and a third of each text excluded.
    from toolkit.corpus import load

    docs = list(load(polnear_path / "dev" / "text"))[:25]
    names = sp.finder_names(pd.DataFrame({"speaker": ["Donald Trump", "Hillary Clinton"],
                                          "speaker_type": ["person", "person"]}),
                            [n for d in docs for n in sp.titled_names(d.text)])
    finder = sp.name_finder(*names)
    total = 0
    for doc in docs:
        for excluded in (None, ((0, len(doc.text) // 3),)):
            counted = sp.document_mention_counts(finder, doc, excluded=excluded)
            assert counted == list(sp.per_document_counts(
                sp.document_mentions(finder, doc, excluded=excluded)))
            total += sum(n for _, _, n in counted)
    assert total > 200


@pytest.mark.parametrize("by, dates", [(None, {}), ("outlet", {}),
                                       ("month", {"date_from": "2026-04-01"})])
def test_speaker_counts_are_the_speaker_tables_counts_in_its_order(sample_path, by, dates):
    from toolkit.analysis import analyze
    from toolkit.corpus import load

    base = analyze(load(sample_path), quiet=True, mentions=False)
    cols = [by] if by else []
    table = sp.speaker_table(base.quotes, base.documents, by=by, **dates)
    counts = sp._speaker_counts(base.quotes, base.documents, by=by, **dates)
    assert len(table) > 10 and table["n_attributions"].duplicated().any()  # ties to order
    pd.testing.assert_frame_equal(counts, table[[*cols, "speaker", "n_attributions"]],
                                  check_dtype=False)
