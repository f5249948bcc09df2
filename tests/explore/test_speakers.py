"""The speaker explorer's functions: counts equal the speaker table's, rows are the speaker's
attributions with their article's date and outlet."""

from __future__ import annotations

import pytest

from toolkit.analysis import analyze
from toolkit.analysis.speakers import SPEECH_KINDS, speaker_table
from toolkit.corpus import load
from toolkit.errors import ParameterError
from toolkit.explore.speakers import (
    SPEAKER_ROW_COLUMNS,
    speaker_choices,
    speaker_counts,
    speaker_row_label,
    speaker_rows,
)


@pytest.fixture(scope="module")
def base(sample_path):
    return analyze(load(sample_path))


def test_counts_are_the_speaker_tables_numbers(base):
    counts = speaker_counts(base.quotes)
    table = speaker_table(base.quotes, base.documents)
    assert counts["speaker"].tolist() == table["speaker"].tolist()
    assert counts["n_attributions"].tolist() == table["n_attributions"].tolist()
    assert counts["n_documents"].tolist() == table["n_documents"].tolist()
    assert speaker_choices(counts.head(2)) == [
        (f"{s} ({n})", s) for s, n in zip(table["speaker"][:2], table["n_attributions"][:2],
                                          strict=True)]


def test_search_finds_speakers_by_id_or_by_how_the_text_names_them(base):
    assert speaker_counts(base.quotes, search="renner")["speaker"].tolist() == ["Paulo Renner"]
    by_role = speaker_counts(base.quotes, search="diplomat")
    assert "diplomat from a Riverlands Union member state" in set(by_role["speaker"])
    assert speaker_counts(base.quotes, search="no such name at all").empty


def test_rows_are_the_speakers_attributions_in_date_order(base):
    rows = speaker_rows(base.quotes, base.documents, "Paulo Renner")
    expected = base.quotes[(base.quotes["speaker"] == "Paulo Renner")
                           & base.quotes["kind"].isin(SPEECH_KINDS)]
    assert list(rows.columns) == list(SPEAKER_ROW_COLUMNS)
    assert sorted(zip(rows["doc_id"], rows["cue_start"], strict=True)) == \
        sorted(zip(expected["doc_id"], expected["cue_start"], strict=True))
    assert rows["date"].tolist() == sorted(rows["date"])
    assert set(rows["outlet"]) == {"Meridian Daily"}
    quoted = rows[rows["content"].str.startswith('"When the engineers start talking')]
    assert quoted[["speaker_mention", "cue", "kind"]].values.tolist() == [
        ["Renner", "said", "direct"]]
    line = speaker_row_label(quoted.iloc[0])
    assert line.startswith("2026-04-15 | said | neutral | direct | \"When the engineers")


def test_unresolved_speakers_are_listed_under_one_name(base):
    counts = speaker_counts(base.quotes, kinds=None, include_embedded=True)
    n_unresolved = int(base.quotes["speaker"].isna().sum())
    if n_unresolved:
        assert counts.set_index("speaker").loc["(unresolved)", "n_attributions"] == n_unresolved
    rows = speaker_rows(base.quotes, None, "(unresolved)", kinds=None, include_embedded=True)
    assert len(rows) == n_unresolved and rows["date"].isna().all()


def test_a_table_without_attribution_columns_is_refused():
    import pandas as pd

    with pytest.raises(ParameterError, match="lacks column"):
        speaker_counts(pd.DataFrame({"speaker": ["x"]}))
