"""Self-checks of the tutorial exercises: each accepts the model answer (computed here the way a
student would, with the public toolkit functions), rejects plausible wrong answers with a hint,
and never raises on an unanswered exercise."""

from __future__ import annotations

import hashlib
import shutil

import pandas as pd
import pytest

from toolkit import teaching
from toolkit.analysis import analyze, framing, keyness, speakers, verbs
from toolkit.analysis.framing.lexicon import load_lexicon
from toolkit.corpus import load
from toolkit.corpus.segment import segment
from toolkit.errors import CorpusNotFoundError, ParameterError
from toolkit.teaching import sample as sample_module


@pytest.fixture(scope="module")
def corpus(sample_path):
    return load(sample_path)


@pytest.fixture(scope="module")
def result(corpus):
    return analyze(corpus)


def _doc(corpus, prefix):
    return corpus.get(next(i for i in corpus.ids() if i.startswith(prefix)))


def _answers(corpus, result, sample_path, tmp_path):
    """Model answers and plausible wrong ones, per exercise."""
    summary = corpus.summary()
    not_ok = int((summary["status"] != "ok").sum())

    wire = _doc(corpus, "2026-05-28_valdoria-wire")
    headline_rows = teaching.excluded_lines([wire])
    headline_rows = headline_rows[headline_rows["text"].str.strip() == wire.title]

    ledger = _doc(corpus, "2026-03-09_harbor-ledger")
    seg = segment(ledger.text, excluded=ledger.excluded)
    start, end = seg.sentences[1]
    body_start = ledger.body.index(ledger.text[start:end])

    table = speakers.speaker_table(result.quotes, result.documents)
    named = table[table["speaker"] != speakers.UNRESOLVED]
    mentions = result.quotes["speaker_mention"].dropna().str.strip()
    anon = speakers.anonymous_rate(result.quotes, result.documents, by="outlet")
    anon = anon.sort_values("anonymous_rate", ascending=False)

    cue_row = result.quotes[result.quotes["cue"] == "insisted"].iloc[0]
    share = verbs.category_share(result.quotes, result.documents, by="outlet")
    neutral = share[share["verb_category"] == "neutral"].sort_values("share", ascending=False)

    counts = framing.frame_counts(corpus, "conflict_cooperation", by="outlet")
    threat = counts[(counts["outlet"] == "The Harbor Ledger") & (counts["frame"] == "threat")]
    voiced = framing.frame_counts(corpus, "conflict_cooperation", by="outlet",
                                  quotes=result.quotes)
    voiced = voiced[(voiced["outlet"] == "The Harbor Ledger") & (voiced["frame"] == "threat")]
    path = tmp_path / "hardship.yaml"
    path.write_text(teaching.OWN_LEXICON_YAML, encoding="utf-8")
    own = framing.frame_counts(corpus, load_lexicon(path))
    plain = path.with_name("plain.yaml")
    plain.write_text(teaching.OWN_LEXICON_YAML.replace("*", ""), encoding="utf-8")
    key = keyness.keyness(corpus, by="outlet", group="The Harbor Ledger")

    meta = hashlib.sha256((sample_path / "metadata.csv").read_bytes()).hexdigest()
    article = next((sample_path / "articles").glob("*.txt"))
    n_files = sum(1 for p in sample_path.rglob("*") if p.is_file())
    n_articles = len(list((sample_path / "articles").glob("*.txt")))

    return {
        "corpus-not-ok": ([not_ok, summary[summary["status"] != "ok"]],
                          [len(summary), len(summary) - not_ok]),
        "corpus-excluded-reason": ([headline_rows["reason"].iloc[0], "Repeated  Headline "],
                                   ["page furniture"]),
        "corpus-offsets": ([(start, end), [start, end]],
                           [(body_start, body_start + end - start), ledger.text[start:end],
                            seg.sentences[0]]),
        "speakers-top": ([named["speaker"].iloc[0], table, named["speaker"].iloc[0].upper()],
                         [named["speaker"].iloc[1], speakers.UNRESOLVED]),
        "speakers-pronouns": ([int(mentions.str.lower().isin(teaching.PRONOUNS).sum())],
                              [int(mentions.isin(teaching.PRONOUNS).sum()),
                               int(mentions.str.lower().isin(["he", "she"]).sum())]),
        "speakers-anonymous-outlet": ([anon["outlet"].iloc[0], anon],
                                      [o for o in anon["outlet"] if
                                       anon.set_index("outlet").loc[o, "anonymous_rate"]
                                       < anon["anonymous_rate"].max()][:1]),
        "verbs-lemma": ([cue_row["cue_lemma"], " INSIST "], ["insisted"]),
        "verbs-category": ([cue_row["verb_category"], "distancing"], ["neutral", "factive"]),
        "verbs-neutral-outlet": ([neutral["outlet"].iloc[0], share],
                                 [neutral["outlet"].iloc[-1]]),
        "framing-rate": ([float(threat["rate"].iloc[0]), round(float(threat["rate"].iloc[0]), 1),
                          threat], [int(threat["n_matches"].iloc[0]),
                                    float(threat["rate"].iloc[0]) / 1000,
                                    float(voiced["rate_journalist"].iloc[0])]),
        "framing-own-lexicon": ([int(own["n_matches"].sum()), own,
                                 framing.frame_matches(corpus, load_lexicon(path))],
                                [int(framing.frame_counts(corpus, load_lexicon(plain))
                                     ["n_matches"].sum())]),
        "framing-keyness": ([key["word"].iloc[0], key],
                            [key.sort_values("g2")["word"].iloc[0], "sanctions"]),
        "report-metadata-hash": ([meta, meta.upper(),
                                  {"inputs": {"corpus": {"metadata.csv": meta}}}],
                                 [hashlib.sha256(article.read_bytes()).hexdigest(), "abc"]),
        "report-corpus-files": ([n_files, {str(i): "" for i in range(n_files)}],
                                [n_articles]),
    }


@pytest.fixture(scope="module")
def answers(corpus, result, sample_path, tmp_path_factory):
    return _answers(corpus, result, sample_path, tmp_path_factory.mktemp("lexicon"))


def test_every_exercise_has_answers(answers):
    assert set(answers) == set(teaching.exercises()["exercise_id"])


@pytest.mark.parametrize("exercise_id", list(teaching.exercises()["exercise_id"]))
def test_model_answers_pass_and_wrong_ones_fail(exercise_id, answers, capsys):
    right, wrong = answers[exercise_id]
    assert wrong, "each exercise needs a plausible wrong answer"
    for answer in right:
        assert teaching.check(exercise_id, answer) is True, answer
        assert capsys.readouterr().out.strip() == "Correct!"
    for answer in wrong:
        assert teaching.check(exercise_id, answer) is False, answer
        out = capsys.readouterr().out
        assert "HINT" in out and "Correct" not in out


@pytest.mark.parametrize("exercise_id", list(teaching.exercises()["exercise_id"]))
def test_unanswered_prints_the_question_and_never_raises(exercise_id, capsys):
    assert teaching.check(exercise_id, ...) is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")
    assert teaching.check(exercise_id, None) is False
    assert "HINT" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [object(), [1, 2, 3], {"x": 1}, True, "", 3.5, pd.DataFrame()])
def test_odd_answers_get_a_hint_not_an_error(answer, capsys):
    for exercise_id in teaching.exercises()["exercise_id"]:
        assert teaching.check(exercise_id, answer) is False
        assert "HINT" in capsys.readouterr().out


def test_hints_never_contain_the_expected_answer(answers, capsys):
    for exercise_id, (right, wrong) in answers.items():
        teaching.check(exercise_id, ...)
        for answer in wrong:
            teaching.check(exercise_id, answer)
        question = teaching.exercises().set_index("exercise_id").loc[exercise_id, "question"]
        out = capsys.readouterr().out.replace(question, "").replace("'insisted'", "").lower()
        model = right[0]
        if isinstance(model, str) and len(model) > 3:
            assert model.lower() not in out, exercise_id


def test_specific_hints_point_to_the_mistake(answers, capsys):
    teaching.check("corpus-offsets", answers["corpus-offsets"][1][0])
    assert "doc.text" in capsys.readouterr().out
    teaching.check("framing-own-lexicon", answers["framing-own-lexicon"][1][0])
    assert "wildcard" in capsys.readouterr().out
    teaching.check("report-corpus-files", answers["report-corpus-files"][1][0])
    assert "every file" in capsys.readouterr().out


def test_unknown_exercise_is_a_parameter_error():
    with pytest.raises(ParameterError, match="known: corpus-not-ok"):
        teaching.check("no-such-exercise", 1)


def test_sample_corpus_path_from_anywhere(monkeypatch, tmp_path, sample_path):
    monkeypatch.chdir(tmp_path)
    assert teaching.sample_corpus_path() == sample_path.resolve()
    copy = tmp_path / "copy"
    shutil.copytree(sample_path, copy)
    monkeypatch.setenv(teaching.SAMPLE_ENV, str(copy))
    assert teaching.sample_corpus_path() == copy.resolve()


def test_sample_corpus_path_explains_when_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(sample_module, "_is_sample", lambda folder: False)
    with pytest.raises(CorpusNotFoundError, match=teaching.SAMPLE_ENV):
        teaching.sample_corpus_path()


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
