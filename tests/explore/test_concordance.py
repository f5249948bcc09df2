"""The concordance: KWIC rows with exact sort words several positions deep, groups, voices."""

from __future__ import annotations

import re

import pytest

from toolkit.analysis import analyze
from toolkit.analysis.framing import kwic
from toolkit.corpus import load
from toolkit.errors import ParameterError
from toolkit.explore.articles import Articles
from toolkit.explore.concordance import (
    concordance,
    concordance_line,
    filter_concordance,
    match_marks,
    sort_concordance,
    sort_keys,
)


@pytest.fixture(scope="module")
def articles(sample_path):
    return Articles(load(sample_path), quiet=True)


@pytest.fixture(scope="module")
def quotes(articles):
    return analyze(list(articles)).quotes


@pytest.fixture(scope="module")
def sanctions(articles, quotes):
    return concordance(articles, "sanction*", quotes=quotes)


def test_rows_are_the_kwic_rows_plus_group_and_sort_words(articles, quotes, sanctions):
    plain = kwic(articles, "sanction*", quotes=quotes, window=60)
    assert sanctions[plain.columns].equals(plain)
    assert list(sanctions.columns[len(plain.columns):]) == ["group", *sort_keys(3)]
    row = sanctions[sanctions["right"].str.startswith("and economic retaliation")].iloc[0]
    assert (row["L1"], row["match"], row["R1"], row["R2"], row["R3"]) == \
        ("threatening", "sanctions", "and", "economic", "retaliation")
    assert row["group"] == "The Harbor Ledger"


def test_sort_words_are_whole_words_read_from_the_text(articles, sanctions):
    """R1, R2, R3 follow the match in order as whole words (punctuation between them skipped,
    as concordancers do), and L1, L2, L3 precede it, however narrow the display window."""
    narrow = concordance(articles, "sanction*", window=5)
    assert narrow[sort_keys(3)].equals(sanctions[sort_keys(3)])
    for row in sanctions.itertuples():
        text = articles.get(row.doc_id).text.lower()
        position = row.end
        for word in (row.R1, row.R2, row.R3):
            found = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, position)
            assert found and not re.search(r"\w", text[position:found.start()])
            position = found.end()
        position = row.start
        for word in (row.L1, row.L2, row.L3):
            if not word:
                break
            before = text[:position]
            assert re.search(rf"(?<!\w){re.escape(word)}\W*$", before), (word, before[-40:])
            position = before.rstrip().rindex(word) if word in before else 0


def test_sorting_is_by_each_position_in_turn(sanctions):
    ordered = sort_concordance(sanctions, ["R1", "R2"])
    keys = list(zip(ordered["R1"], ordered["R2"], strict=True))
    assert keys == sorted(keys)
    left = sort_concordance(sanctions, ["L1", None, "L2"])
    assert left["L1"].tolist() == sorted(left["L1"])
    with pytest.raises(ParameterError, match="cannot sort by R9"):
        sort_concordance(sanctions, ["R9"])


def test_filters_by_voice_and_group(sanctions):
    quoted = filter_concordance(sanctions, voice="quoted")
    assert len(quoted) == (sanctions["voice"] == "quoted").sum() > 0
    assert set(quoted["voice"]) == {"quoted"} and quoted["speaker"].notna().all()
    ledger = filter_concordance(sanctions, voice="journalist", group="The Harbor Ledger")
    assert set(ledger["group"]) == {"The Harbor Ledger"} and set(ledger["voice"]) == {"journalist"}
    with pytest.raises(ParameterError):
        filter_concordance(sanctions, voice="narrator")


def test_a_frame_query_and_a_period_group(articles, quotes):
    table = concordance(articles, "frame:threat", lexicon="conflict_cooperation", quotes=quotes,
                        group_by="month", depth=2)
    assert set(table["frame"]) == {"threat"}
    assert set(table["group"]) <= {"2026-03", "2026-04", "2026-05"}
    assert list(table.columns[-4:]) == ["L2", "L1", "R1", "R2"]


def test_a_quoted_match_is_shown_with_its_quote(articles, quotes, sanctions):
    row = sanctions[sanctions["voice"] == "quoted"].iloc[0]
    marks = {m.role: (m.start, m.end) for m in match_marks(row, quotes)}
    assert marks["match"] == (row["start"], row["end"])
    assert marks["content"][0] <= row["start"] and row["end"] <= marks["content"][1]
    assert "cue" in marks
    journalist = sanctions[sanctions["voice"] == "journalist"].iloc[0]
    assert [m.role for m in match_marks(journalist, quotes)] == ["match"]


def test_a_line_aligns_the_match_whatever_the_context_length(sanctions):
    lines = [concordance_line(row, width=30) for _, row in sanctions.head(5).iterrows()]
    assert {line.index("[") for line in lines} == {31}
    assert all(" " not in line for line in lines)
