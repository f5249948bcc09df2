"""The review widget driven by clicks, without a browser."""

from __future__ import annotations

import pytest

from toolkit.review import open_review, review_widget, start_review
from toolkit.review.widget import next_item


@pytest.fixture
def review(sample_docs, sample_base, tmp_path):
    return start_review(sample_docs, tmp_path / "review", quotes=sample_base.quotes, n=4, seed=9)


def test_clicks_record_decisions_and_move_on(review, read_marks):
    widget = review_widget(review)
    assert widget.current == 1
    sentence = '<div class="tk-text"' + widget.item_view.value.split('<div class="tk-text"')[1]
    text, marked = read_marks(sentence)
    doc_text = review.text(review.item(1)["doc_id"])
    cue = review.system_spans(1)["cue"]
    assert [text[a:b] for a, b in marked["cue"]] == [doc_text[cue[0]:cue[1]]]
    assert widget.cue.value == " ".join(doc_text[cue[0]:cue[1]].split())

    widget.correct_button.click()
    assert widget.current == 2 and "Item 1: correct" in widget.message.value
    widget.wrong_button.click()
    assert widget.current == 3
    widget.back_button.click()
    assert widget.current == 2
    widget.correct_button.click()  # changes item 2 from wrong to correct
    assert open_review(review.folder).decisions()[2].verdict == "correct"
    assert widget.current == 3


def test_a_correction_typed_as_words_is_located_and_saved(review):
    widget = review_widget(review)
    widget.skip_button.click()
    widget.skip_button.click()
    item = widget.current
    text = review.text(review.item(item)["doc_id"])
    content = review.system_spans(item)["content"]
    words = text[content[0]:content[1]].split()
    widget.content.value = " ".join(words[:2])
    widget.save_button.click()
    decision = open_review(review.folder).decisions()[item]
    assert decision.verdict == "corrected"
    assert text[decision.content[0]:decision.content[1]].split() == words[:2]

    widget.show(item)
    widget.speaker.value = "words that never occur in it"
    widget.save_button.click()
    assert "does not occur" in widget.message.value and widget.current == item


def test_the_estimate_follows_the_decisions_and_ends_when_all_are_done(review):
    widget = review_widget(review)
    for _ in range(4):
        widget.correct_button.click()
    assert next_item(review) is None
    assert "Every item is reviewed" in widget.message.value
    assert "4 correct, 0 corrected, 0 wrong" in widget.summary.value
    assert "1.000 (95% interval 0.510–1.000)" in widget.summary.value
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "4 correct" in bundle["text/html"]
