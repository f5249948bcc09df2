"""The review folder: PolNeAR layout read by the evaluate code, decisions that survive a
restart, brat files a brat user would recognise."""

from __future__ import annotations

import csv

import pytest

from toolkit.attribution.evaluate import load_gold
from toolkit.errors import InputError, ParameterError
from toolkit.review import Decision, open_review, start_review
from toolkit.review.store import read_decisions, write_ann


@pytest.fixture
def review(sample_docs, sample_base, tmp_path):
    return start_review(sample_docs, tmp_path / "review", quotes=sample_base.quotes, n=12,
                        seed=5, reviewer="ab")


def test_the_folder_has_the_polnear_layout(review, sample_docs):
    folder = review.folder
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [r["doc_id"] for r in rows] == list(dict.fromkeys(review.sample["doc_id"]))
    assert {r["compartment"] for r in rows} == {"review"}
    assert {r["annotators"] for r in rows} == {"ab"}
    texts = {d.doc_id: d.text for d in sample_docs}
    for row in rows:
        assert (folder / "review" / "text" / f"{row['filename']}.txt").read_text(
            encoding="utf-8") == texts[row["doc_id"]]
        assert (folder / "review" / "attributions" / f"{row['filename']}_ab.ann").is_file()
    articles = load_gold(folder, split="review")
    assert len(articles) == len(rows) and all(not a.gold for a in articles)
    assert review.pending() == list(range(1, 13))


def test_decisions_become_gold_attributions_the_evaluate_code_reads(review):
    with_speaker = [i for i in range(1, 13) if review.system_spans(i)["speaker"]]
    first, second, third = with_speaker[:3]
    system = {i: review.system_spans(i) for i in (first, second, third)}
    review.mark(first, "correct")
    review.mark(second, "wrong")
    cue_end = system[third]["cue"][1]
    review.correct(third, speaker=None, content=(cue_end + 1, cue_end + 6))
    decisions = review.decisions()
    assert {i: d.verdict for i, d in decisions.items()} == {
        first: "correct", second: "wrong", third: "corrected"}
    assert decisions[first] == Decision(first, "correct", **system[first])
    assert decisions[third] == Decision(third, "corrected", None, system[third]["cue"],
                                        (cue_end + 1, cue_end + 6))

    gold = {}
    for article in load_gold(review.folder, split="review"):
        for attribution in article.gold:
            gold[(article.path, attribution.cue)] = attribution
    assert len(gold) == 2
    doc_id = review.item(first)["doc_id"]
    accepted = gold[(str(review.text_path(doc_id).resolve()), (system[first]["cue"],))]
    assert accepted.source == (system[first]["speaker"],)
    assert accepted.cue_text == review.text(doc_id)[slice(*system[first]["cue"])]
    doc_id = review.item(third)["doc_id"]
    mended = gold[(str(review.text_path(doc_id).resolve()), (system[third]["cue"],))]
    assert mended.source == () and mended.content == ((cue_end + 1, cue_end + 6),)


def test_a_reviewer_can_stop_and_go_on(review, sample_docs, sample_base):
    review.mark(4, "correct")
    review.mark(1, "wrong")
    again = start_review(sample_docs, review.folder, quotes=sample_base.quotes, n=12, seed=5,
                         reviewer="ab")
    assert again.sample.equals(review.sample)
    assert {i: d.verdict for i, d in again.decisions().items()} == {1: "wrong", 4: "correct"}
    assert open_review(review.folder).pending()[:3] == [2, 3, 5]
    again.mark(1, "correct")  # a decision can be changed
    assert open_review(review.folder).decisions()[1].verdict == "correct"
    again.undo(4)
    assert 4 in open_review(review.folder).pending()


def test_other_settings_or_a_foreign_folder_are_refused(review, sample_docs, sample_base,
                                                         tmp_path):
    with pytest.raises(ParameterError, match="seed=5"):
        start_review(sample_docs, review.folder, quotes=sample_base.quotes, n=12, seed=6,
                     reviewer="ab")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ParameterError, match="not empty"):
        start_review(sample_docs, busy, quotes=sample_base.quotes, n=3)
    changed = [d if d.doc_id != review.item(1)["doc_id"] else
               type(d)(doc_id=d.doc_id, text=d.text + " Updated.") for d in sample_docs]
    with pytest.raises(ParameterError, match="review of another corpus"):
        start_review(changed, review.folder, quotes=sample_base.quotes, n=12, seed=5,
                     reviewer="ab")
    with pytest.raises(InputError, match="no review here"):
        open_review(tmp_path / "nowhere")


def test_spans_across_line_breaks_are_brat_fragments(tmp_path):
    text = 'Ana Brel said "the dam\nis safe" today.'
    decision = Decision(1, "correct", speaker=(0, 8), cue=(9, 13), content=(14, 31))
    ann = write_ann(text, [decision])
    assert "T3\tContent 14 22;23 31\t\"the dam is safe\"" in ann
    assert "#1\tAnnotatorNotes T4\titem 1 correct" in ann
    path = tmp_path / "a.ann"
    path.write_text(ann, encoding="utf-8")
    assert read_decisions(path) == {1: decision}


def test_events_added_in_brat_are_gold_kept_and_not_decisions(review):
    """An attribution the sample missed, added in brat, survives later decisions."""
    doc_id = review.item(1)["doc_id"]
    review.mark(1, "correct")
    path = review.ann_path(doc_id)
    added = ["T90\tCue 0 3\tx", "T91\tAttribution 0 3\tx", "E90\tAttribution:T91 Cue:T90"]
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(added) + "\n", encoding="utf-8")
    assert list(review.decisions()) == [1]
    review.mark(1, "wrong")
    review.undo(1)
    review.mark(1, "correct")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == added and "T92\tSource" in "\n".join(lines)
    assert list(review.decisions()) == [1]
    article = next(a for a in load_gold(review.folder, split="review") if a.path == str(
        review.text_path(review.item(1)["doc_id"]).resolve()))
    assert ((0, 3),) in [g.cue for g in article.gold]
