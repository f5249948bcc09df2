"""Precision from a review: a sample reviewed with known answers gives the known precision,
Wilson interval and evaluate scores, read back through the brat files."""

from __future__ import annotations

import re

import pytest

from toolkit.errors import ParameterError
from toolkit.review import (
    open_review,
    precision_summary,
    precision_table,
    start_review,
    summary_text,
    wilson_interval,
)


@pytest.mark.parametrize("successes, n, low, high", [
    (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718)])
def test_wilson_intervals_match_newcombes_examples(successes, n, low, high):
    """The worked examples of Newcombe (1998), Statistics in Medicine 17: 857-872, method 3
    (score interval without continuity correction)."""
    found = wilson_interval(successes, n)
    assert (round(found[0], 4), round(found[1], 4)) == (low, high)


def test_wilson_interval_edges():
    assert wilson_interval(0, 0) == (None, None)
    assert wilson_interval(10, 10)[1] == 1.0
    assert wilson_interval(5, 10, confidence=0.99)[0] < wilson_interval(5, 10)[0]
    with pytest.raises(ParameterError):
        wilson_interval(3, 2)


def _tokens(text, span):
    return len(re.findall(r"\S+", text[span[0]:span[1]]))


def test_a_reviewed_sample_gives_the_known_precision_and_scores(sample_docs, sample_base,
                                                                tmp_path):
    review = start_review(sample_docs, tmp_path / "review", quotes=sample_base.quotes, n=20,
                          seed=2)
    items = list(range(1, 21))
    spans = {i: review.system_spans(i) for i in items}
    long_content = [i for i in items if spans[i]["content"] and spans[i]["speaker"]
                    and _tokens(review.text(review.item(i)["doc_id"]), spans[i]["content"]) >= 4]
    trimmed = long_content[0]
    unspoken = long_content[1]
    wrong = [i for i in items if i not in (trimmed, unspoken)][:4]
    for i in items:
        if i in wrong:
            review.mark(i, "wrong")
        elif i == trimmed:  # the content really is only its first half (by tokens)
            text = review.text(review.item(i)["doc_id"])
            start, end = spans[i]["content"]
            words = list(re.finditer(r"\S+", text[start:end]))
            half = words[len(words) // 2 - 1].end()
            review.correct(i, content=(start, start + half))
        elif i == unspoken:  # the speaker is someone else, elsewhere in the text
            review.correct(i, speaker=(0, 1))
        else:
            review.mark(i, "correct")

    summary = precision_summary(open_review(review.folder))
    assert (summary["n_reviewed"], summary["n_correct"], summary["n_corrected"],
            summary["n_wrong"], summary["n_pending"]) == (20, 14, 2, 4, 0)
    assert summary["precision"] == 14 / 20
    assert (round(summary["precision_low"], 4), round(summary["precision_high"], 4)) == \
        (0.4810, 0.8545)
    assert summary["attribution_precision"] == 16 / 20
    assert (round(summary["attribution_precision_low"], 4),
            round(summary["attribution_precision_high"], 4)) == (0.5840, 0.9193)

    scores = summary["span_scores"]
    assert scores["cue_p"] == 16 / 20                     # wrong items match no gold cue
    with_source = sum(1 for i in items if i not in wrong and spans[i]["speaker"])
    assert scores["source_n"] == with_source
    assert scores["source_acc"] == round((with_source - 1) / with_source, 4)
    assert scores["e2e_p"] == 15 / 20
    text = review.text(review.item(trimmed)["doc_id"])
    n_all = _tokens(text, spans[trimmed]["content"])
    n_kept = n_all // 2
    with_content = sum(1 for i in items if i not in wrong and spans[i]["content"])
    expected = (with_content - 1 + 2 * n_kept / (n_all + n_kept)) / with_content
    assert scores["content_n"] == with_content
    assert scores["content_f1"] == round(expected, 4)

    text_summary = summary_text(summary)
    assert "14 correct, 2 corrected, 4 wrong" in text_summary
    assert "0.700 (95% interval 0.481–0.855)" in text_summary
    assert "content token F1" in text_summary

    by_kind = precision_table(review, by="kind")
    assert by_kind["n_reviewed"].sum() == 20 and by_kind["n_sample"].sum() == 20
    assert by_kind["n_correct"].sum() == 14


def test_before_any_decision_there_is_no_estimate(sample_docs, sample_base, tmp_path):
    review = start_review(sample_docs, tmp_path / "review", quotes=sample_base.quotes, n=5)
    summary = precision_summary(review)
    assert summary["precision"] is None and summary["span_scores"] is None
    assert summary["n_pending"] == 5 and "precision (right as extracted)           n/a" in \
        summary_text(summary)
