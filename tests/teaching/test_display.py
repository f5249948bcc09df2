"""The notebook display functions: spans, text in context, marked attributions, excluded lines
and attribution rows flagged for review, on the sample corpus and on small texts."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import teaching
from toolkit.analysis import analyze
from toolkit.corpus import load


@pytest.fixture(scope="module")
def corpus(sample_path):
    return load(sample_path)


@pytest.fixture(scope="module")
def result(corpus):
    return analyze(corpus)


def test_excluded_lines_include_the_syndicated_copy(corpus):
    table = teaching.excluded_lines(corpus)
    assert list(table.columns) == ["doc_id", "start", "end", "reason", "text"]
    assert any(i.startswith("2026-03-19_eastbrook") for i in table["doc_id"])
    for row in table.itertuples():
        assert corpus.get(row.doc_id).text[row.start:row.end] == row.text


def test_spans_and_context_point_into_the_text():
    text = "One two. Three four."
    table = teaching.spans_table(text, [(0, 8), (9, 20)], limit=1)
    assert table.to_dict("records") == [{"start": 0, "end": 8, "text": "One two."}]
    assert teaching.in_context(text, 9, 14, window=5) == "...two. [[Three]] four..."


def test_mark_attribution_marks_speaker_cue_and_content():
    text = 'Before. "We will stay," Ramos said. After.'
    row = {"speaker_start": 24, "speaker_end": 29, "cue_start": 30, "cue_end": 34,
           "content_start": 9, "content_end": 21}
    assert teaching.mark_attribution(text, row, window=4) == \
        '...e. "«We will stay»," {Ramos} <said>. Af...'
    assert teaching.mark_attribution(text, {"cue_start": None}) == "(no offsets)"


def test_attribution_issues_flags_rows_for_review(result):
    issues = teaching.attribution_issues(result.quotes)
    assert {"doc_id", "problem", "speaker", "cue_start"} <= set(issues.columns)
    assert issues["problem"].notna().all()
    clean = pd.DataFrame([{"doc_id": "d", "speaker": "Elena Ramos", "speaker_type": "person",
                           "speaker_mention": "Elena Ramos", "cue": "said", "kind": "direct",
                           "speaker_start": 0, "speaker_end": 11, "cue_start": 12,
                           "cue_end": 16, "content_start": None, "content_end": None}])
    odd = clean.assign(speaker="the", speaker_mention="she")
    anonymous = clean.assign(speaker="official", speaker_mention="the official")
    assert teaching.attribution_issues(clean).empty
    assert teaching.attribution_issues(odd)["problem"].tolist() == \
        ["speaker id starts with a function word"]
    assert "unnamed source" in teaching.attribution_issues(anonymous)["problem"].iloc[0]
