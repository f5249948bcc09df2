"""Highlighted text: the marked characters are exactly the extracted spans, and every character
of the corpus text is escaped."""

from __future__ import annotations

import pytest

from toolkit.attribution import extract
from toolkit.corpus import load
from toolkit.errors import ParameterError
from toolkit.highlight import (
    Mark,
    attribution_marks,
    enclosing,
    highlight_html,
    highlight_text,
    runs,
)


@pytest.fixture(scope="module")
def article(sample_path):
    doc = next(d for d in load(sample_path) if "merrow-talks-open-in-brennick" in d.doc_id)
    return doc, extract(doc.text, doc_id=doc.doc_id, excluded=doc.excluded)


def test_marked_runs_are_the_attribution_spans_of_a_real_article(article, read_marks):
    doc, records = article
    record = next(r for r in records if r.speaker_mention == "Renner" and r.kind == "direct")
    text, marked = read_marks(highlight_html(doc.text, attribution_marks(record)))
    assert text == doc.text
    assert marked == {"speaker": [(record.speaker_start, record.speaker_end)],
                      "cue": [(record.cue_start, record.cue_end)],
                      "content": [(record.content_start, record.content_end)]}
    assert text[record.content_start:record.content_end].startswith(
        '"When the engineers start talking')


def test_a_window_shows_only_its_characters_with_offsets_kept(article, read_marks):
    doc, records = article
    record = next(r for r in records if r.speaker_mention == "Renner" and r.kind == "direct")
    marks = attribution_marks(record)
    start, end = enclosing([(0, record.content_start), (record.content_start, record.cue_end + 1)],
                           marks)
    text, marked = read_marks(highlight_html(doc.text, marks, start=start, end=end))
    assert text == doc.text[start:end]
    assert marked["cue"] == [(record.cue_start - start, record.cue_end - start)]


def test_corpus_text_is_escaped_and_nested_marks_keep_both_roles(read_marks):
    text = 'She said <script>alert("x")</script> & left'
    marks = [Mark(0, 3, "speaker"), Mark(4, 8, "cue"), Mark(9, 37, "content"),
             Mark(17, 22, "match")]
    page = highlight_html(text, marks)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; left" in page
    shown, marked = read_marks(page)
    assert shown == text
    assert marked["content"] == [(9, 37)] and marked["match"] == [(17, 22)]
    assert text[17:22] == "alert"


def test_runs_cut_at_every_boundary():
    assert runs("abcdef", [Mark(1, 4, "content"), Mark(2, 3, "match")]) == [
        (0, 1, frozenset()), (1, 2, frozenset({"content"})),
        (2, 3, frozenset({"content", "match"})), (3, 4, frozenset({"content"})),
        (4, 6, frozenset())]


def test_terminal_markers_wrap_each_span():
    text = 'Officials said the dam "was safe".'
    marks = [Mark(0, 9, "speaker"), Mark(10, 14, "cue"), Mark(15, 33, "content")]
    assert highlight_text(text, marks) == '[[Officials]] <<said>> {{the dam "was safe"}}.'


@pytest.mark.parametrize("mark", [Mark(-1, 2, "cue"), Mark(3, 99, "cue"), Mark(0, 1, "bold")])
def test_bad_marks_are_refused(mark):
    with pytest.raises(ParameterError):
        highlight_html("short text", [mark])
