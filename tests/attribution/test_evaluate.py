"""The scorer agrees with the reference scorer, and dev quality stays above the targets."""

from __future__ import annotations

import importlib.util
import json
import shlex
from dataclasses import asdict
from pathlib import Path

import pytest

from toolkit.attribution import extract
from toolkit.attribution.evaluate import (
    cue_class,
    evaluate_split,
    load_gold,
    merge_floating,
    read_ann,
    score,
)

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "polnear_eval.py"


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.skip(f"reference scorer not found at {REFERENCE} (it lives in ../shared)")
    spec = importlib.util.spec_from_file_location("polnear_eval", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_read_ann_roles(tmp_path):
    text = "Ana said the bridge is safe."
    ann = tmp_path / "x.ann"
    ann.write_text("T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 27\tthe bridge is safe\n"
                   "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
                   encoding="utf-8")
    (gold,) = read_ann(ann, text)
    assert gold.cue == ((4, 8),) and gold.source == ((0, 3),) and gold.content == ((9, 27),)


def test_cue_classes():
    assert cue_class("has said") == "speech"
    assert cue_class("according to") == "other"
    assert cue_class("believes") == "other"


def test_floating_content_joins_the_record_before_it():
    records = [
        {"kind": "floating", "cue_start": 0, "cue_end": 0, "content_start": 0, "content_end": 9},
        {"kind": "direct", "cue_start": 20, "cue_end": 24, "speaker_start": 25,
         "speaker_end": 30, "content_start": 10, "content_end": 19},
        {"kind": "floating", "cue_start": 40, "cue_end": 40, "content_start": 40,
         "content_end": 60},
        {"kind": "indirect", "cue_start": 70, "cue_end": 74, "speaker_start": None,
         "speaker_end": None, "content_start": None, "content_end": None},
    ]
    first, second = merge_floating(records)
    assert first.cue == ((20, 24),) and first.content == ((10, 19), (40, 60))
    assert second.speaker == () and second.content == ()


def test_matches_reference_scorer_on_dev_articles(polnear_path, reference, tmp_path):
    articles = load_gold(polnear_path, split="dev", limit=16)
    records = {a.path: extract(a.text) for a in articles}
    assert any(r.kind == "floating" for recs in records.values() for r in recs)
    ours = score(articles, records)
    output = tmp_path / "system.jsonl"
    output.write_text("".join(json.dumps({**asdict(r), "doc": path}) + "\n"
                              for path, recs in records.items() for r in recs), encoding="utf-8")
    ref_articles = reference.load_articles(str(polnear_path), "dev", 16)
    system, _, _, bad = reference.run_system(f"cat {shlex.quote(str(output))}", list(records))
    assert bad == 0
    theirs = reference.evaluate(ref_articles, system)
    for key in ("cue_p", "cue_r", "cue_f1", "source_acc", "e2e_f1", "content_f1", "recall_speech",
                "recall_other"):
        assert ours[key] == pytest.approx(theirs[key], abs=0.0001), key
    for key in ("system", "matched", "system_dup_cue", "content_n"):
        assert ours[key] == theirs[key], key


@pytest.mark.slow
def test_dev_quality_targets(polnear_path):
    m = evaluate_split(polnear_path, split="dev")
    assert m["cue_f1"] >= 0.72
    assert m["e2e_f1"] >= 0.68
    assert m["recall_speech"] >= 0.90
    assert m["source_acc"] >= 0.88
    assert m["content_f1"] >= 0.72
    assert m["system_dup_cue"] == 0


def gold_folder(tmp_path, *, header="compartment\tfilename\tannotators\n",
                rows="dev\tstory\tab\n", text="Ana said the bridge is safe.\n",
                ann="T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Cue:T1\n"):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "metadata.tsv").write_text(header + rows, encoding="utf-8")
    if text is not None:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (tmp_path / "dev" / "text" / "story.txt").write_bytes(data)
    if ann is not None:
        (tmp_path / "dev" / "attributions" / "story_ab.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_a_well_formed_gold_folder_loads(tmp_path):
    [article] = load_gold(gold_folder(tmp_path))
    assert article.gold[0].cue == ((4, 8),) and article.gold[0].cue_text == "said"


def test_gold_problems_are_errors_naming_the_file_and_line(tmp_path):
    from toolkit.errors import DecodeError, FormatError, InputError, MissingColumnError

    with pytest.raises(InputError, match="no metadata.tsv"):
        load_gold(tmp_path)
    with pytest.raises(MissingColumnError, match=r"metadata.tsv: no 'annotators' column "
                                                  r"\(columns: compartment, filename\)"):
        load_gold(gold_folder(tmp_path / "a", header="compartment\tfilename\n",
                              rows="dev\tstory\n"))
    with pytest.raises(InputError, match=r"story.txt: article text not found"):
        load_gold(gold_folder(tmp_path / "b", text=None))
    with pytest.raises(InputError, match=r"story_ab.ann: annotation file not found"):
        load_gold(gold_folder(tmp_path / "c", ann=None))
    with pytest.raises(FormatError, match=r"story_ab.ann:2: span 4 80 is outside the text "
                                          r"\(0 to 29 characters\)"):
        load_gold(gold_folder(tmp_path / "d", ann="T1\tCue 4 8\tsaid\nT2\tSource 4 80\tx\n"))
    with pytest.raises(FormatError, match=r"story_ab.ann:1: span 8 4 is outside"):
        load_gold(gold_folder(tmp_path / "e", ann="T1\tCue 8 4\tsaid\n"))
    with pytest.raises(FormatError, match=r"story_ab.ann:2: event refers to T7"):
        load_gold(gold_folder(tmp_path / "f", ann="T1\tCue 4 8\tsaid\nE1\tCue:T1 Source:T7\n"))
    with pytest.raises(DecodeError, match=r"story.txt:2: article text is not UTF-8"):
        load_gold(gold_folder(tmp_path / "g", text=b"Ana said\nthe caf\xe9 is safe.\n"))
    with pytest.raises(FormatError, match=r"metadata.tsv:2: empty filename or annotators"):
        load_gold(gold_folder(tmp_path / "h", rows="dev\t\tab\n"))
