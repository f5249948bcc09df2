"""One definition of an attribution: counted kinds, floating quotes under the verb of the quote
they continue, and the counts every report page states."""

import pandas as pd

from toolkit.analysis.counting import (
    NO_VERB,
    attribution_counts,
    counted_attributions,
)


def quotes() -> pd.DataFrame:
    rows = [
        ("a", "Ramos", "direct", "claim", "nonfactive", 10),
        ("a", "Ramos", "floating", None, None, 60),
        ("a", "Varga", "indirect", "say", "neutral", 40),
        ("a", "Ramos", "floating", None, None, 90),
        ("a", None, "floating", None, None, 120),
        ("b", "Varga", "cognitive", "believe", "cognitive", 5),
        ("b", "Varga", "evidential", "show", "evidential", 30),
        ("b", "Varga", "floating", None, None, 50),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "speaker", "kind", "cue_lemma",
                                       "verb_category", "content_start"])


def test_floating_quotes_take_the_verb_of_the_quote_they_continue():
    table = quotes()
    before = table.copy()
    counted = counted_attributions(table)
    pd.testing.assert_frame_equal(table, before)
    assert list(counted.index) == [0, 1, 2, 3, 4, 7]  # cognitive and evidential left out
    assert counted["cue_lemma"].tolist() == ["claim", "claim", "say", "claim", NO_VERB, NO_VERB]
    assert counted.loc[1, "verb_category"] == "nonfactive"
    # Varga's floating quote in b continues no speech of his (only a cognitive attribution).
    assert counted.loc[7, "verb_category"] == NO_VERB


def test_counts_and_their_description():
    counts = attribution_counts(quotes(), pd.DataFrame({"doc_id": ["a", "b"]}))
    assert counts.n_attributions == 6 and counts.n_documents == 2
    assert counts.describe() == ("2 documents, 6 attributions (1 direct, 1 indirect, 0 mixed, "
                                 "4 floating); counted apart: 1 cognitive, 1 evidential")


def test_embedded_attributions_are_no_first_hand_voice():
    from toolkit.analysis.speakers import speaker_table
    from toolkit.analysis.verbs import verb_counts
    from toolkit.attribution import extract, to_frame

    table = to_frame(extract("Merrill says Machado promised to rebuild the school.", doc_id="a"))
    assert table["embedded"].tolist() == [False, True]
    assert counted_attributions(table)["speaker"].tolist() == ["Merrill"]
    assert len(counted_attributions(table, include_embedded=True)) == 2
    assert speaker_table(table)["speaker"].tolist() == ["Merrill"]
    assert set(speaker_table(table, include_embedded=True)["speaker"]) == {"Merrill", "Machado"}
    assert set(verb_counts(table, include_embedded=True)["cue_lemma"]) == {"say", "promise"}
    assert set(verb_counts(table)["cue_lemma"]) == {"say"}
    assert attribution_counts(table, pd.DataFrame({"doc_id": ["a"]})).n_attributions == 1


def test_an_attribution_without_content_sorts_last_in_its_document():
    """Attribution tables hold offsets as nullable integers: a record with no content (``Ruiz
    weighed in on the debate.``) has ``content_start`` <NA>."""
    table = quotes()
    table["content_start"] = table["content_start"].astype("Int64")
    table.loc[2, "content_start"] = pd.NA
    counted = counted_attributions(table)
    assert counted.index.tolist() == [0, 1, 2, 3, 4, 7]
    assert counted["cue_lemma"].tolist() == ["claim", "claim", "say", "claim", NO_VERB, NO_VERB]


def test_counted_attributions_accept_a_missing_content_offset():
    from toolkit.attribution import attribute

    quotes = attribute(["Erdogan weighed in on the debate. “It is not right,” Erdogan said."],
                       as_frame=True)
    quotes["content_start"] = quotes["content_start"].astype("Int64")
    counted = counted_attributions(quotes)
    assert counted["cue_lemma"].tolist() == ["weigh in", "say"]


def test_counted_attributions_keep_the_column_types_and_fill_from_the_same_row(sample_path):
    from toolkit.analysis import analyze
    from toolkit.corpus import load

    table = analyze(load(sample_path)).quotes
    counted = counted_attributions(table)
    assert (counted.dtypes == table.dtypes).all()
    assert counted["cue_lemma"].notna().all() and counted["verb_category"].notna().all()
    # A verb without a category lends both: a floating quote takes the pair of one row.
    table = quotes()
    table.loc[0, "verb_category"] = None
    counted = counted_attributions(table)
    assert counted.loc[1, "cue_lemma"] == "claim" and pd.isna(counted.loc[1, "verb_category"])
