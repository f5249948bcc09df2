"""Self-checks of the tutorial exercises.

For every exercise: the model answer and its equivalent forms pass; at least three typical
wrong answers, computed here the way a student would make them with the public toolkit
functions, fail with the hint written for that mistake; an unanswered exercise prints the
question and never raises.
"""

from __future__ import annotations

import hashlib
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from toolkit import teaching
from toolkit.analysis import analyze, framing, keyness, speakers, verbs
from toolkit.corpus import load
from toolkit.corpus.segment import segment
from toolkit.errors import ParameterError
from toolkit.report import corpus_hashes

LEDGER, WIRE = "2026-03-09_harbor-ledger", "2026-05-28_valdoria-wire"


@pytest.fixture(scope="module")
def ctx(sample_path, tmp_path_factory):
    """What a student has at hand when answering: the tutorials' tables, computed as they are
    computed in the notebooks."""
    corpus = load(sample_path)
    result = analyze(corpus)
    quotes = result.quotes
    c = SimpleNamespace(corpus=corpus, result=result, quotes=quotes, summary=corpus.summary())
    c.excluded = teaching.excluded_lines(corpus)
    c.wire = corpus.get(WIRE)
    c.ledger = corpus.get(LEDGER)
    c.doc = next(iter(corpus))                     # the notebook's `doc`, the first article
    c.ledger_sentences = segment(c.ledger.text, excluded=c.ledger.excluded).sentences
    c.table = speakers.speaker_table(quotes, result.documents, mentions=result.mentions)
    c.named = c.table[c.table["speaker"] != speakers.UNRESOLVED]
    c.mentions = quotes["speaker_mention"].dropna().str.strip()
    c.anon = speakers.anonymous_rate(quotes, result.documents, by="outlet")
    c.share = verbs.category_share(quotes, result.documents, by="outlet")
    c.neutral = c.share[c.share["verb_category"] == "neutral"]
    c.insisted = quotes[quotes["cue"] == "insisted"]
    c.counts = framing.frame_counts(corpus, "conflict_cooperation", by="outlet")
    c.threat = c.counts[(c.counts["outlet"] == "The Harbor Ledger")
                        & (c.counts["frame"] == "threat")]
    folder = tmp_path_factory.mktemp("lexicon")
    c.lexicon_path = folder / "hardship.yaml"
    c.lexicon_path.write_text(teaching.OWN_LEXICON_YAML, encoding="utf-8")
    c.own = framing.load_lexicon(c.lexicon_path)
    c.key = keyness.keyness(corpus, by="outlet", group="The Harbor Ledger")
    c.hashes = corpus_hashes(sample_path)
    c.manifest = {"name": "my_articles", "parameters": {"top_n": 5},
                  "inputs": {"corpus": c.hashes, "lexicons": {}, "notebooks": {}}}
    c.metadata_path = sample_path / "metadata.csv"
    return c


def _lexicon(ctx, text):
    path = ctx.lexicon_path.with_name(f"variant{abs(hash(text))}.yaml")
    path.write_text(text, encoding="utf-8")
    return framing.load_lexicon(path)


# Right answers: the model answer first, then equivalent forms the question allows.
RIGHT = {
    "pandas-outlet-ok": {
        "two conditions, summed": lambda c: int(((c.summary["outlet"] == "Meridian Daily")
                                                 & (c.summary["status"] == "ok")).sum()),
        "the filtered table": lambda c: c.summary[(c.summary["outlet"] == "Meridian Daily")
                                                  & (c.summary["status"] == "ok")],
        "a count from value_counts": lambda c: c.summary[c.summary["outlet"] == "Meridian Daily"]
        ["status"].value_counts()["ok"],
    },
    "pandas-longest": {
        "doc_id of the top row": lambda c: c.summary.sort_values("n_tokens", ascending=False)
        ["doc_id"].iloc[0],
        "the top row": lambda c: c.summary.sort_values("n_tokens", ascending=False).iloc[0],
        "a one-row table": lambda c: c.summary.nlargest(1, "n_tokens"),
        "the title": lambda c: c.summary.sort_values("n_tokens", ascending=False)["title"]
        .iloc[0],
    },
    "corpus-not-ok": {
        "count of not ok": lambda c: (c.summary["status"] != "ok").sum(),
        "the rows not ok": lambda c: c.summary[c.summary["status"] != "ok"],
        "a count as text": lambda c: str(int((c.summary["status"] != "ok").sum())),
    },
    "corpus-excluded-reason": {
        "the reason": lambda c: c.excluded[c.excluded["doc_id"] == c.wire.doc_id]["reason"]
        .iloc[0],
        "the headline rows": lambda c: c.excluded[(c.excluded["doc_id"] == c.wire.doc_id)
                                                  & (c.excluded["text"] == c.wire.title)],
        "an excluded span": lambda c: c.wire.cleaned.excluded[0],
        "spacing and case": lambda c: "  Repeated   HEADLINE ",
    },
    "corpus-offsets": {
        "a pair": lambda c: c.ledger_sentences[1],
        "a list": lambda c: list(c.ledger_sentences[1]),
        "a spans_table row": lambda c: teaching.spans_table(c.ledger.text,
                                                            c.ledger_sentences).iloc[1],
    },
    "speakers-top": {
        "the top speaker": lambda c: c.named["speaker"].iloc[0],
        "the top row": lambda c: c.named.iloc[0],
        "the surname, in capitals": lambda c: c.named["speaker"].iloc[0].split()[-1].upper(),
    },
    "speakers-pronouns": {
        "lower-cased isin, summed": lambda c: c.mentions.str.lower().isin(teaching.PRONOUNS)
        .sum(),
        "the pronoun rows": lambda c: c.quotes[c.quotes["speaker_mention"].str.lower()
                                               .isin(teaching.PRONOUNS)],
    },
    "speakers-anonymous-outlet": {
        "the outlet": lambda c: c.anon.sort_values("anonymous_rate", ascending=False)
        ["outlet"].iloc[0],
        "the top row": lambda c: c.anon.sort_values("anonymous_rate", ascending=False).iloc[0],
        "a one-row table": lambda c: c.anon.nlargest(1, "anonymous_rate"),
    },
    "verbs-lemma": {
        "the lemma": lambda c: c.insisted["cue_lemma"].iloc[0],
        "the whole lemma column of those rows": lambda c: c.insisted["cue_lemma"],
        "capitals and spaces": lambda c: " INSIST ",
    },
    "verbs-category": {
        "the category": lambda c: c.insisted["verb_category"].iloc[0],
        "the taxonomy label": lambda c: "non-factive",
        "the label in full": lambda c: "Non-factive / distancing",
        "the signal": lambda c: "distancing",
        "spaced": lambda c: "non factive",
    },
    "verbs-neutral-outlet": {
        "the outlet": lambda c: c.neutral.sort_values("share", ascending=False)["outlet"]
        .iloc[0],
        "a one-row table": lambda c: c.neutral.nlargest(1, "share"),
        "the top row": lambda c: c.neutral.sort_values("share", ascending=False).iloc[0],
    },
    "framing-rate": {
        "the rate": lambda c: c.threat["rate"].iloc[0],
        "rounded": lambda c: round(float(c.threat["rate"].iloc[0]), 1),
        "the one-row table": lambda c: c.threat,
        "the one-row rate column": lambda c: c.threat["rate"],
        "the row": lambda c: c.threat.iloc[0],
    },
    "framing-own-lexicon": {
        "rows of frame_matches": lambda c: len(framing.frame_matches(c.corpus, c.own)),
        "the matches table": lambda c: framing.frame_matches(c.corpus, c.own),
        "the counts table": lambda c: framing.frame_counts(c.corpus, c.own),
        "n_matches summed": lambda c: framing.frame_counts(c.corpus, c.own, by="outlet")
        ["n_matches"].sum(),
    },
    "framing-keyness": {
        "the top word": lambda c: c.key["word"].iloc[0],
        "the top row": lambda c: c.key.iloc[0],
        "with a full stop, capitalised": lambda c: c.key["word"].iloc[0].capitalize() + ".",
    },
    "report-metadata-hash": {
        "from the manifest": lambda c: c.manifest["inputs"]["corpus"]["metadata.csv"],
        "computed": lambda c: hashlib.sha256(c.metadata_path.read_bytes()).hexdigest(),
        "upper case": lambda c: c.manifest["inputs"]["corpus"]["metadata.csv"].upper(),
    },
    "report-corpus-files": {
        "len of the corpus hashes": lambda c: len(c.manifest["inputs"]["corpus"]),
        "the corpus hashes": lambda c: c.manifest["inputs"]["corpus"],
        "len of the hashes Series": lambda c: len(pd.Series(c.manifest["inputs"]["corpus"])),
    },
}

# Typical wrong answers: (what the student did, the answer, words the hint must contain).
WRONG = {
    "pandas-outlet-ok": [
        ("outlet only", lambda c: (c.summary["outlet"] == "Meridian Daily").sum(),
         "the reprinted duplicate too"),
        ("status only", lambda c: (c.summary["status"] == "ok").sum(),
         "'ok' rows of every outlet"),
        ("every row", lambda c: len(c.summary), "every row of the summary"),
        ("the mask, not summed", lambda c: (c.summary["outlet"] == "Meridian Daily")
         & (c.summary["status"] == "ok"), "add .sum()"),
        ("counts per group", lambda c: c.summary.groupby(["outlet", "status"]).size(),
         "one count per group"),
        ("rows of one outlet, duplicate kept", lambda c: c.summary[
            c.summary["outlet"] == "Meridian Daily"], "status is not 'ok'"),
    ],
    "pandas-longest": [
        ("sorted ascending", lambda c: c.summary.sort_values("n_tokens")["doc_id"].iloc[0],
         "ascending=False"),
        ("not sorted", lambda c: c.summary["doc_id"].iloc[0], "in file order"),
        ("longest in characters", lambda c: c.summary.sort_values("n_chars", ascending=False)
         ["doc_id"].iloc[0], "n_chars"),
        ("the number of tokens", lambda c: c.summary["n_tokens"].max(),
         "that is a number of tokens"),
        ("the whole sorted table", lambda c: c.summary.sort_values("n_tokens", ascending=False),
         "the answer is one doc_id"),
    ],
    "corpus-not-ok": [
        ("every input file", lambda c: len(c.summary), "every input file"),
        ("the ok documents", lambda c: len(c.corpus), "number of 'ok' documents"),
        ("value_counts", lambda c: c.summary["status"].value_counts(), "one count per status"),
        ("the mask, not summed", lambda c: c.summary["status"] != "ok", "add .sum()"),
        ("the whole summary", lambda c: c.summary, "that is the whole summary"),
    ],
    "corpus-excluded-reason": [
        ("reason of another line", lambda c: "page furniture", "another excluded line"),
        ("the headline text", lambda c: c.excluded[c.excluded["doc_id"] == c.wire.doc_id]
         ["text"].iloc[0], "the text of the excluded line"),
        ("a file status", lambda c: "duplicate", "status of a whole file"),
        ("the whole excluded table", lambda c: c.excluded, "lines of other articles"),
        ("every line of the article", lambda c: c.excluded[c.excluded["doc_id"] == c.wire.doc_id],
         "different reasons"),
    ],
    "corpus-offsets": [
        ("offsets in the body", lambda c: (lambda s: (c.ledger.body.index(s),
                                                      c.ledger.body.index(s) + len(s)))(
            c.ledger.text[slice(*c.ledger_sentences[1])]), "doc.body"),
        ("the sentence's text", lambda c: c.ledger.text[slice(*c.ledger_sentences[1])],
         "the sentence's text"),
        ("the headline", lambda c: c.ledger_sentences[0], "the headline (sentence 0)"),
        ("the notebook's doc", lambda c: segment(c.doc.text, excluded=c.doc.excluded)
         .sentences[1], "the notebook's doc is that article"),
        ("segmented without excluded", lambda c: segment(c.ledger.text).sentences[1],
         "excluded=doc.excluded"),
    ],
    "speakers-top": [
        ("the unresolved row", lambda c: c.table["speaker"].iloc[0] if
         c.table["speaker"].iloc[0] == speakers.UNRESOLVED else speakers.UNRESOLVED,
         "'(unresolved)' collects"),
        ("a speaker below the top", lambda c: c.named.loc[
            c.named["n_attributions"] < c.named["n_attributions"].max(), "speaker"].iloc[0],
         "not at the top"),
        ("the whole table", lambda c: c.table, "the answer is one name"),
        ("the top mention as written", lambda c: c.quotes["speaker_mention"].value_counts()
         .index[0], "a pronoun is how the text refers"),
        ("the most mentioned", lambda c: c.named.sort_values("n_mentions", ascending=False)
         ["speaker"].iloc[0], "mentioned most, not quoted most"),
        ("counts per speaker", lambda c: c.quotes["speaker"].value_counts(),
         "the names are its index"),
    ],
    "speakers-pronouns": [
        ("case-sensitive", lambda c: c.mentions.isin(teaching.PRONOUNS).sum(), "lower-case"),
        ("he and she only", lambda c: c.mentions.str.lower().isin(["he", "she"]).sum(),
         "'it', 'we' and 'they'"),
        ("the mask, not summed", lambda c: c.mentions.str.lower().isin(teaching.PRONOUNS),
         "add .sum()"),
        ("the speaker column", lambda c: c.quotes["speaker"].str.lower()
         .isin(teaching.PRONOUNS).sum(), "never the pronoun"),
        ("different pronouns", lambda c: c.mentions.str.lower()[
            c.mentions.str.lower().isin(teaching.PRONOUNS)].nunique(), "different pronouns"),
        ("counts per pronoun", lambda c: c.mentions.str.lower()[
            c.mentions.str.lower().isin(teaching.PRONOUNS)].value_counts(),
         "one count per pronoun"),
    ],
    "speakers-anonymous-outlet": [
        ("the whole table", lambda c: c.anon, "the answer is one outlet"),
        ("sorted ascending", lambda c: c.anon.sort_values("anonymous_rate")["outlet"].iloc[0],
         "lowest rate"),
        ("not sorted", lambda c: c.anon["outlet"].iloc[0], "in outlet order"),
        ("the rate", lambda c: c.anon["anonymous_rate"].max(), "that is a rate"),
        ("misspelled", lambda c: "Harbour Ledger", "check spelling"),
    ],
    "verbs-lemma": [
        ("the form in the text", lambda c: "insisted", "the form used in the text"),
        ("another form", lambda c: "insists", "another form of the same verb"),
        ("the category", lambda c: c.insisted["verb_category"].iloc[0], "stance category"),
        ("the most common lemma", lambda c: verbs.verb_counts(c.quotes)["cue_lemma"].iloc[0],
         "lemma of another verb"),
        ("the whole lemma column", lambda c: c.quotes["cue_lemma"], "different lemmas"),
    ],
    "verbs-category": [
        ("the lemma", lambda c: "insist", "the verb itself"),
        ("neutral", lambda c: "neutral", "plain verbs such as 'said'"),
        ("factive", lambda c: "factive", "factive verbs present what was said as true"),
        ("another category", lambda c: "directive", "another category"),
        ("the whole column", lambda c: c.quotes["verb_category"], "different categories"),
    ],
    "verbs-neutral-outlet": [
        ("the whole share table", lambda c: c.share, "rows of other categories"),
        ("the neutral rows", lambda c: c.neutral, "the answer is one outlet"),
        ("sorted ascending", lambda c: c.neutral.sort_values("share")["outlet"].iloc[0],
         "lowest share"),
        ("not sorted", lambda c: c.neutral["outlet"].iloc[0], "in outlet order"),
        ("the share", lambda c: c.neutral["share"].max(), "that is a share"),
    ],
    "framing-rate": [
        ("the number of matches", lambda c: int(c.threat["n_matches"].iloc[0]),
         "number of matches"),
        ("per token", lambda c: float(c.threat["n_matches"].iloc[0] / c.threat["n_tokens"]
                                      .iloc[0]), "per token"),
        ("all outlets together", lambda c: framing.frame_counts(c.corpus, "conflict_cooperation")
         .set_index("frame").loc["threat", "rate"], "all outlets together"),
        ("another outlet", lambda c: c.counts[(c.counts["outlet"] == "Valdoria Wire Service")
                                              & (c.counts["frame"] == "threat")]["rate"],
         "'threat' frame in Valdoria Wire Service"),
        ("the whole table", lambda c: c.counts, "narrow the table"),
        ("the Ledger rows", lambda c: c.counts[c.counts["outlet"] == "The Harbor Ledger"],
         "narrow the table"),
    ],
    "framing-own-lexicon": [
        ("without wildcards", lambda c: len(framing.frame_matches(
            c.corpus, _lexicon(c, teaching.OWN_LEXICON_YAML.replace("*", "")))), "wildcards"),
        ("one outlet", lambda c: framing.frame_counts(c.corpus, c.own, by="outlet")
         ["n_matches"].iloc[0], "the count of one outlet"),
        ("the table by outlet", lambda c: framing.frame_counts(c.corpus, c.own, by="outlet"),
         "one row per group"),
        ("rows of the table", lambda c: len(framing.frame_counts(c.corpus, c.own, by="outlet")),
         "number of rows of the table"),
        ("with a term added", lambda c: len(framing.frame_matches(c.corpus, _lexicon(
            c, teaching.OWN_LEXICON_YAML + "    - harvest*\n"))), "terms of your own"),
    ],
    "framing-keyness": [
        ("the whole table", lambda c: c.key, "the answer is one word"),
        ("sorted ascending", lambda c: c.key.sort_values("g2")["word"].iloc[0], "lowest G2"),
        ("the second word", lambda c: c.key["word"].iloc[1], "not at the top of the g2 column"),
        ("an expected framing word", lambda c: "threats", "not at the top of the g2 column"),
        ("the G2 value", lambda c: c.key["g2"].iloc[0], "that is a number"),
        ("misspelled", lambda c: "mister", "not in the keyness table"),
    ],
    "report-metadata-hash": [
        ("another file", lambda c: c.manifest["inputs"]["corpus"][
            next(k for k in c.hashes if k.startswith("articles/"))], "another file"),
        ("the file's name", lambda c: hashlib.sha256(b"metadata.csv").hexdigest(),
         "the file's name"),
        ("MD5", lambda c: hashlib.md5(c.metadata_path.read_bytes()).hexdigest(),
         "looks like an MD5"),
        ("the raw digest", lambda c: hashlib.sha256(c.metadata_path.read_bytes()).digest(),
         ".hexdigest()"),
        ("the corpus hashes", lambda c: c.manifest["inputs"]["corpus"], "look up the one entry"),
        ("the whole manifest", lambda c: c.manifest, "the whole manifest"),
    ],
    "report-corpus-files": [
        ("the articles", lambda c: len(list((c.metadata_path.parent / "articles").glob("*"))),
         "not the only files"),
        ("the documents", lambda c: len(c.corpus), "number of documents analysed"),
        ("the kinds of input", lambda c: c.manifest["inputs"], "one entry per kind of input"),
        ("the whole manifest", lambda c: c.manifest, "the whole manifest"),
        ("one file forgotten", lambda c: len(c.hashes) - 1, "one short"),
    ],
}

RIGHT_CASES = [(e, label) for e, answers in RIGHT.items() for label in answers]
WRONG_CASES = [(e, label, hint) for e, answers in WRONG.items() for label, _, hint in answers]


def _wrong(exercise_id, label):
    return next(make for name, make, _ in WRONG[exercise_id] if name == label)


def test_every_exercise_has_right_and_at_least_three_wrong_answers():
    known = set(teaching.exercises()["exercise_id"])
    assert set(RIGHT) == known and set(WRONG) == known
    assert all(len(cases) >= 3 for cases in WRONG.values())


@pytest.mark.parametrize(("exercise_id", "label"), RIGHT_CASES)
def test_right_answers_pass(exercise_id, label, ctx, capsys):
    answer = RIGHT[exercise_id][label](ctx)
    outcome = teaching.verdict(exercise_id, answer)
    assert outcome.correct, outcome.message
    assert outcome.message == "Correct!"
    assert teaching.check(exercise_id, answer) is None
    assert capsys.readouterr().out == "Correct!\n"


@pytest.mark.parametrize(("exercise_id", "label", "hint"), WRONG_CASES)
def test_wrong_answers_get_the_hint_for_that_mistake(exercise_id, label, hint, ctx):
    answer = _wrong(exercise_id, label)(ctx)
    outcome = teaching.verdict(exercise_id, answer)
    assert not outcome.correct
    assert outcome.message.startswith("Not quite. HINT: ")
    assert hint in outcome.message, outcome.message


@pytest.mark.parametrize("exercise_id", list(WRONG))
def test_hints_never_give_the_answer_away(exercise_id, ctx):
    model = RIGHT[exercise_id][next(iter(RIGHT[exercise_id]))](ctx)
    question = teaching.exercises().set_index("exercise_id").loc[exercise_id, "question"]
    quoted = re.findall(r"'[^']+'", question)       # words the question itself names
    for label, make, _ in WRONG[exercise_id]:
        message = teaching.verdict(exercise_id, make(ctx)).message.replace(question, "")
        for words in quoted:
            message = message.replace(words, "")
        if isinstance(model, str) and len(model) > 3:
            assert model.lower() not in message.lower(), label
        elif not isinstance(model, str | pd.DataFrame | pd.Series | dict):
            assert str(model) not in message.split("HINT:", 1)[1], label


@pytest.mark.parametrize("exercise_id", list(teaching.exercises()["exercise_id"]))
def test_unanswered_prints_the_question_and_never_raises(exercise_id, capsys):
    assert teaching.check(exercise_id, ...) is None
    assert capsys.readouterr().out.startswith("Not answered yet: ")
    assert not teaching.verdict(exercise_id, None).correct
    assert "HINT" in teaching.verdict(exercise_id, None).message


@pytest.mark.parametrize("answer", [object(), [1, 2, 3], {"x": 1}, True, "", 3.5, pd.DataFrame(),
                                    pd.Series(dtype=float), b"", (1, "a")])
def test_odd_answers_get_a_hint_not_an_error(answer):
    for exercise_id in teaching.exercises()["exercise_id"]:
        outcome = teaching.verdict(exercise_id, answer)
        assert not outcome.correct
        assert "HINT" in outcome.message


def test_unknown_exercise_is_a_parameter_error():
    with pytest.raises(ParameterError, match="known: pandas-outlet-ok, pandas-longest, corpus"):
        teaching.check("no-such-exercise", 1)


def test_exercises_are_listed_in_course_order():
    tutorials = teaching.exercises()["tutorial"].tolist()
    assert tutorials == sorted(tutorials)
    assert tutorials[0] == "00_pandas" and tutorials[-1] == "05_your_own_report"
