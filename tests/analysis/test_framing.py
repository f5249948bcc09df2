"""Lexicon loading and matching, frame counts with voice, KWIC: small texts counted by hand."""

from __future__ import annotations

import io
import math
from contextlib import redirect_stdout

import pandas as pd
import pytest

from toolkit.analysis.framing import (
    COUNT_COLUMNS,
    KWIC_COLUMNS,
    MATCH_COLUMNS,
    describe_matches,
    frame_counts,
    frame_matches,
    kwic,
    tally_frames,
)
from toolkit.analysis.framing.lexicon import builtin_lexicons, load_lexicon, make_lexicon
from toolkit.cli import main
from toolkit.corpus import Document, load, read_document
from toolkit.errors import LexiconError, ParameterError

# 16 words; matches: sanctions, sanctioned, US (conflict), peace (calm). "Us" is not "US".
TEXT_A = ("The council warned of sanctions, then (sanctioned) the firm. "
          "Us and US officials spoke of peace.")
# 18 words, 5 of them quoted; matches: de-escalation (calm), irreparable harm (conflict, quoted),
# de escalation (calm), dialogue (calm).
TEXT_B = ('Talks on de-escalation stalled. "This will cause irreparable harm," the minister said. '
          "Others urged de escalation and dialogue.")
QUOTE_START, QUOTE_END = TEXT_B.index("This"), TEXT_B.index("harm,") + len("harm,")

LEX = make_lexicon({
    "conflict": ["sanction*", "irreparable harm", {"term": "US", "case": "sensitive"}],
    "calm": ["de-escalation", "peace", "dialogue"],
}, name="test")


def docs() -> list[Document]:
    return [Document(doc_id="a", text=TEXT_A, outlet="North", date="2026-03-02"),
            Document(doc_id="b", text=TEXT_B, outlet="South", date="2026-03-10")]


def quotes() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["b"], "speaker": ["Minister"],
                         "content_start": [QUOTE_START], "content_end": [QUOTE_END]})


def found(text: str, lexicon=LEX) -> list[tuple[str, str]]:
    table = frame_matches([Document(doc_id="t", text=text)], lexicon)
    return list(zip(table["frame"], table["match"], strict=True))


# -- matching -------------------------------------------------------------------------------------


def test_wildcard_multiword_case_and_punctuation():
    assert found(TEXT_A) == [("conflict", "sanctions"), ("conflict", "sanctioned"),
                             ("conflict", "US"), ("calm", "peace")]


def test_hyphen_and_space_are_equivalent_but_hyphenated_words_stay_whole():
    lex = make_lexicon({"calm": ["de escalation"], "conflict": ["escalation"]})
    assert found("De-escalation, not escalation; de escalation too.", lex) == [
        ("calm", "De-escalation"), ("conflict", "escalation"), ("calm", "de escalation")]
    assert found("A de\u2011escalation (non-breaking hyphen).", lex) == [
        ("calm", "de\u2011escalation")]


def test_curly_and_straight_apostrophes_match():
    lex = make_lexicon({"f": ["farmers' fears", "Russia's ties"]})
    assert found("The farmers\u2019 fears and Russia\u2019s ties; Russia's ties.", lex) == [
        ("f", "farmers\u2019 fears"), ("f", "Russia\u2019s ties"), ("f", "Russia's ties")]


def test_longest_match_wins_and_terms_do_not_cross_sentences():
    lex = make_lexicon({"a": ["peace"], "b": ["peace talks"]})
    assert found("Peace talks began. Peace. Talks ended.", lex) == [
        ("b", "Peace talks"), ("a", "Peace")]


def test_same_term_in_two_frames_counts_for_both():
    lex = make_lexicon({"x": ["deal"], "y": ["deal*"]})
    assert found("A deal.", lex) == [("x", "deal"), ("y", "deal")]


def test_excluded_boilerplate_is_not_searched():
    doc = Document(doc_id="t", text="Sanctions now.\nConnect with us\nsanctions")
    text = doc.text
    assert doc.excluded, "the cleaning layer marks the scraped line as boilerplate"
    spans = [(s, e) for s, e in doc.excluded]
    table = frame_matches([doc], LEX)
    assert all(not any(a <= s < b for a, b in spans) for s in table["start"])
    assert text[table["start"][0]:table["end"][0]] == "Sanctions"


# -- lexicon files --------------------------------------------------------------------------------


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "line", "words"), [
    ("frames:\n  a:\n    - ok\n    - ''\n", 4, "empty term"),
    ("frames:\n  a:\n    - ok\n    - sanc*tion\n", 4, "wildcard"),
    ("frames:\n  a:\n    - '*'\n", 3, "empty term"),
    ("frames:\n  a:\n    - talks\n  b:\n    - talks\n    - Talks\n", 6, "duplicate"),
    ("frames:\n  a: talks\n", 2, "list"),
    ("a:\n  - x\nb:\n  term: y\n", 4, "list"),
    ("frames:\n  a:\n    - {term: US, case: upper}\n", 3, "case"),
    ("name: x\nframes:\n  a: [x]\nfrmaes: {}\n", 4, "unknown key"),
])
def test_bad_yaml_entries_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(LexiconError, match=words) as info:
        load_lexicon(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert f"{path}:{line}:" in str(info.value)


def test_yaml_lexicon_with_metadata_and_case(tmp_path):
    path = write(tmp_path, "mine.yaml", 'name: mine\nversion: "2"\nsource: me\nframes:\n'
                 '  power:\n    - {term: US, case: sensitive}\n    - no\n')
    lex = load_lexicon(path)
    assert (lex.name, lex.version, lex.source, lex.path) == ("mine", "2", "me", str(path))
    assert [t.pattern for t in lex.frames["power"]] == ["US", "no"]
    assert found("Us, US, no.", lex) == [("power", "US"), ("power", "no")]


def test_liwc_dic(tmp_path):
    path = write(tmp_path, "mini.dic", "%\n1\tconflict\n2\tcalm\n%\nsanction*\t1\n"
                 "peace talks\t2\npeace\t1 2\n")
    lex = load_lexicon(path)
    assert list(lex.frames) == ["conflict", "calm"]
    assert found("Sanctions and peace talks; peace.", lex) == [
        ("conflict", "Sanctions"), ("calm", "peace talks"), ("conflict", "peace"),
        ("calm", "peace")]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("%\n1\tconflict\n%\nwar\t1\npeace\t3\n", 5, "unknown category id"),
    ("%\n1\tconflict\n%\nwar*s\t1\n", 4, "wildcard"),
    ("%\n1\tconflict\n%\nwar\t1\nwar\t1\n", 5, "duplicate"),
    ("%\n1\tconflict\n%\nwar\n", 4, "no category id"),
])
def test_bad_dic_entries(tmp_path, text, line, words):
    path = write(tmp_path, "bad.dic", text)
    with pytest.raises(LexiconError, match=words) as info:
        load_lexicon(path)
    assert (info.value.path, info.value.line) == (str(path), line)


def test_csv_lexicon_and_errors(tmp_path):
    lex = load_lexicon(write(tmp_path, "l.csv", "term,frame\nsanction*,conflict\n"
                                                 "US,conflict,sensitive\ntalks,calm\n"))
    assert found("New sanctions hit us and the US after talks.", lex) == [
        ("conflict", "sanctions"), ("conflict", "US"), ("calm", "talks")]
    path = write(tmp_path, "bad.csv", "term,frame\nok,a\n,a\n")
    with pytest.raises(LexiconError, match="empty term") as info:
        load_lexicon(path)
    assert info.value.line == 3


def test_unknown_lexicon_name():
    with pytest.raises(LexiconError, match="conflict_cooperation"):
        load_lexicon("no_such_lexicon")


def test_builtin_lexicons_have_headers_and_sizes():
    assert {"conflict_cooperation", "policy_frames"} <= set(builtin_lexicons())
    policy = load_lexicon("policy_frames")
    assert len(policy.frames) == 15
    assert all(15 <= len(terms) <= 40 for terms in policy.frames.values())
    cc = load_lexicon("conflict_cooperation")
    assert cc.version and cc.source and set(cc.descriptions) == set(cc.frames)
    assert list(cc.grouped().frames) == ["conflict", "cooperation"]


def test_seed_article_conflict_and_cooperation_terms(seed_path):
    doc = read_document(seed_path)
    table = frame_matches([doc], load_lexicon("conflict_cooperation").grouped())
    words = {frame: set(table.loc[table["frame"] == frame, "match"].str.lower())
             for frame in ("conflict", "cooperation")}
    assert {"killer", "murderer", "sanctions"} <= words["conflict"]
    assert {"dialogue", "peace"} <= words["cooperation"]


# -- tables ---------------------------------------------------------------------------------------


def test_match_table_with_voice():
    table = frame_matches(docs(), LEX, quotes=quotes())
    assert list(table.columns) == list(MATCH_COLUMNS)
    assert list(table["match"]) == ["sanctions", "sanctioned", "US", "peace", "de-escalation",
                                    "irreparable harm", "de escalation", "dialogue"]
    assert list(table["voice"]) == ["journalist"] * 5 + ["quoted"] + ["journalist"] * 2
    assert table.loc[5, "speaker"] == "Minister" and table["speaker"].isna().sum() == 7
    row = table.loc[5]
    assert TEXT_B[row["start"]:row["end"]] == "irreparable harm"
    assert row["term"] == "irreparable harm" and table.loc[0, "term"] == "sanction*"
    assert row["position"] == pytest.approx(row["start"] / len(TEXT_B))


def test_frame_counts_by_outlet_and_voice():
    table = frame_counts(docs(), LEX, by="outlet", quotes=quotes())
    assert list(table.columns) == ["outlet", *COUNT_COLUMNS]
    assert list(zip(table["outlet"], table["frame"], strict=True)) == [
        ("North", "conflict"), ("North", "calm"), ("South", "conflict"), ("South", "calm")]
    assert table["n_matches"].tolist() == [3, 1, 1, 3]
    assert table["n_journalist"].tolist() == [3, 1, 0, 3]
    assert table["n_quoted"].tolist() == [0, 0, 1, 0]
    assert table["n_tokens"].tolist() == [16, 16, 18, 18]
    assert table["n_tokens_quoted"].tolist() == [0, 0, 5, 5]
    assert table["rate"].tolist() == pytest.approx([187.5, 62.5, 1000 / 18, 3000 / 18])
    assert table["rate_journalist"].tolist() == pytest.approx([187.5, 62.5, 0.0, 3000 / 13])
    assert math.isnan(table.loc[0, "rate_quoted"]) and table.loc[2, "rate_quoted"] == 200.0


def test_frame_counts_whole_corpus_periods_and_dates():
    total = frame_counts(docs(), LEX)
    assert list(total.columns) == list(COUNT_COLUMNS)
    assert total["n_matches"].tolist() == [4, 4] and total["n_tokens"].tolist() == [34, 34]
    assert total["n_quoted"].tolist() == [0, 0]
    weeks = frame_counts(docs(), LEX, by="week")
    assert weeks["week"].tolist() == ["2026-03-02"] * 2 + ["2026-03-09"] * 2
    assert frame_counts(docs(), LEX, by="month")["month"].unique().tolist() == ["2026-03"]
    late = frame_counts(docs(), LEX, by="doc_id", date_from="2026-03-05")
    assert late["doc_id"].unique().tolist() == ["b"]
    with pytest.raises(ParameterError, match="no document"):
        frame_counts(docs(), LEX, by="desk")
    with pytest.raises(ParameterError, match="ISO date"):
        frame_counts(docs(), LEX, date_to="March")


def test_one_tally_gives_every_grouping_of_frame_counts():
    tally = tally_frames(docs(), LEX, quotes=quotes())
    for by in ("outlet", None, "month", "week", ["outlet", "month"]):
        pd.testing.assert_frame_equal(tally.counts(by=by),
                                      frame_counts(docs(), LEX, by=by, quotes=quotes()))
    assert tally.counts(by="outlet")["n_quoted"].tolist() == [0, 0, 1, 0]
    with pytest.raises(ParameterError, match="no document"):
        tally.counts(by="desk")
    # The per-document counts are not changed by reading them.
    assert tally.counts()["n_matches"].tolist() == [4, 4]
    assert tally.counts()["n_matches"].tolist() == [4, 4]


def test_kwic_contexts_sorting_and_speaker():
    table = kwic(docs(), "frame:calm", lexicon=LEX, window=12, quotes=quotes())
    assert list(table.columns) == list(KWIC_COLUMNS)
    assert table["match"].tolist() == ["peace", "de-escalation", "de escalation", "dialogue"]
    # Contexts hold whole words: "Officials spoke of" cut at 12 characters loses "Officials".
    assert table.loc[0, "left"] == "spoke of" and table.loc[0, "right"] == "."
    by_left = kwic(docs(), "frame:calm", lexicon=LEX, window=12, sort_by="left")
    assert by_left["match"].tolist() == ["dialogue", "peace", "de-escalation", "de escalation"]
    by_right = kwic(docs(), "frame:calm", lexicon=LEX, window=12, sort_by="right")
    assert by_right["match"].tolist()[0] == "peace"
    harm = kwic(docs(), "irreparable harm", quotes=quotes())
    assert harm[["voice", "speaker", "frame"]].values.tolist() == [["quoted", "Minister", "query"]]
    assert kwic(docs(), "us", case_sensitive=True).empty
    assert kwic(docs(), "US", case_sensitive=True)["match"].tolist() == ["US"]
    with pytest.raises(ParameterError, match="needs a lexicon"):
        kwic(docs(), "frame:calm")


def test_kwic_contexts_never_cut_a_word():
    doc = Document(doc_id="w", text="Alpha bravo charlie sanctions delta echo foxtrot.")
    table = kwic([doc], "sanction*", window=11)
    assert table[["left", "match", "right"]].values.tolist() == [["charlie", "sanctions",
                                                                  "delta echo"]]
    whole = kwic([doc], "sanction*", window=100)
    assert whole.loc[0, "left"] == "Alpha bravo charlie"
    assert whole.loc[0, "right"] == "delta echo foxtrot."
    assert kwic([doc], "sanction*", window=3).loc[0, ["left", "right"]].tolist() == ["", ""]


def test_phrases_and_wildcards_and_the_no_match_sentence():
    a = Document(doc_id="a", text="New sanctions were imposed. The sanction regime holds.")
    b = Document(doc_id="b", text="Talks on water resumed.")
    assert kwic([a, b], "sanction*")["match"].tolist() == ["sanctions", "sanction"]
    assert kwic([a, b], "sanction regime")["match"].tolist() == ["sanction regime"]
    assert describe_matches([a, b], "sanction*") == "2 matches of 'sanction*' in 1 of 2 documents"
    assert describe_matches([a, b], "embargo") == "no match for 'embargo' in 2 documents"


def test_inputs_are_not_modified():
    q = quotes()
    before = q.copy()
    frame_counts(docs(), LEX, by="outlet", quotes=q)
    kwic(docs(), "peace", quotes=q)
    pd.testing.assert_frame_equal(q, before)


def test_cli_frames_csv_equals_library_table(sample_path):
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["frames", str(sample_path), "--by", "outlet", "--no-quotes",
                     "--format", "csv"]) == 0
    expected = frame_counts(load(sample_path), "conflict_cooperation", by="outlet")
    assert out.getvalue() == expected.to_csv(index=False, lineterminator="\n")


def test_tokens_starting_inside_any_excluded_span_are_left_out(sample_path):
    from dataclasses import replace

    from toolkit.analysis.scan import doc_tokens
    from toolkit.corpus import load
    from toolkit.corpus.segment import segment_document

    doc = next(iter(load(sample_path)))
    n = len(doc.text)

    class Excluding:
        """The document with excluded spans of our choosing: nested, overlapping, unsorted."""

        def __init__(self, spans):
            self.text, self.doc_id, self.excluded = doc.text, doc.doc_id, spans

    spans = [(n // 2, n // 2 + 40), (10, 200), (50, 60), (180, 260), (n - 5, n)]
    shown = Excluding(spans)
    kept = doc_tokens(shown).spans
    every = segment_document(shown).tokens
    assert kept == [t for t in every if not any(a <= t[0] < b for a, b in spans)]
    assert len(kept) < len(every)
    assert doc_tokens(replace(doc)).spans == [
        t for t in segment_document(doc).tokens
        if not any(a <= t[0] < b for a, b in doc.excluded)]


def test_holds_any_agrees_with_the_folded_text_for_words_with_and_without_marks():
    from toolkit.analysis.framing.tables import _fold_case, first_words, holds_any, query_lexicon

    texts = ["The O\u2019Neill plan drew SANCTIONS.", "A de\u2010escalation was agreed.",
             "ΟΔΥΣΣΕΥΣ said no.", "İstanbul hosted the talks.", "Nothing to see here."]
    for term in ("sanction*", "o'neill", "de-escalation", "οδυσσευσ", "istanbul", "talks",
                 "harbour"):
        first = first_words(query_lexicon(term))
        for text in texts:
            assert holds_any(text, first) == any(w in _fold_case(text) for w in first), (term,
                                                                                         text)
    assert holds_any("The O\u2019Neill plan", first_words(query_lexicon("o'neill")))
    assert holds_any("ΟΔΥΣΣΕΥΣ said", first_words(query_lexicon("οδυσσευσ")))


def test_normalize_straightens_every_apostrophe_and_hyphen_variant_one_for_one():
    from toolkit.analysis.framing.matcher import _FOLD, normalize

    text = "O\u2019Neill\u2018s \u02bcde\u2010escalation\u2011plan\u2019 - 'x' \u03a3\u03c2"
    assert normalize(text) == text.translate(_FOLD) == "O'Neill's 'de-escalation-plan' - 'x' Σς"
    assert len(normalize(text)) == len(text)
    assert normalize("plain text") == "plain text"


def test_a_match_takes_the_voice_of_the_innermost_content_span_holding_it():
    import pandas as pd

    from toolkit.analysis.scan import Voices

    spans = [("d", "Ana", 0, 100), ("d", "Ben", 10, 50), ("d", "Cy", 10, 60),
             ("d", None, 52, 58), ("e", "Dee", 5, 9)]
    voices = Voices(pd.DataFrame(spans, columns=["doc_id", "speaker", "content_start",
                                                 "content_end"]))
    assert voices.voice("d", 20, 30) == ("quoted", "Ben")
    assert voices.voice("d", 10, 50) == ("quoted", "Ben")
    assert voices.voice("d", 55, 58) == ("quoted", None)  # an unresolved speaker's quote
    assert voices.voice("d", 50, 60) == ("quoted", "Cy")
    assert voices.voice("d", 70, 80) == ("quoted", "Ana")
    assert voices.voice("d", 95, 105) == ("journalist", None)  # runs past every span
    assert voices.voice("e", 0, 4) == ("journalist", None)
    assert voices.voice("f", 0, 4) == ("journalist", None)  # a document without quotes
    assert [s[:2] for s in voices.spans("d")] == [(0, 100), (10, 60), (10, 50), (52, 58)]


def test_kwic_from_the_store_reads_only_documents_that_may_match(sample_path, tmp_path):
    from toolkit.analysis import analyze
    from toolkit.analysis.framing import query_lexicon
    from toolkit.analysis.framing.tables import lexicon_key
    from toolkit.analysis.store import default_store, value_store
    from toolkit.cache import document_key

    corpus = list(load(sample_path))
    quoted = analyze(corpus, quiet=True).quotes
    plain = kwic(corpus, "sanction*", quotes=quoted, sort_by="right")
    assert len(plain) > 0 and (plain["voice"] == "quoted").any()
    half = corpus[: len(corpus) // 2]
    pd.testing.assert_frame_equal(kwic(half, "sanction*", quotes=quoted, sort_by="right",
                                       store=tmp_path),
                                  kwic(half, "sanction*", quotes=quoted, sort_by="right"))
    # The corpus grown: its new documents are scanned and stored, the table is the same.
    stored = kwic(corpus, "sanction*", quotes=quoted, sort_by="right", store=tmp_path)
    pd.testing.assert_frame_equal(stored, plain)
    name = f"frames-{lexicon_key(query_lexicon('sanction*'))}"
    kept = value_store(default_store(tmp_path).folder, name).index()
    holding = {document_key(d) for d in corpus if "sanction" in d.text.lower()}
    assert set(kept) == holding and 0 < len(holding) < len(corpus)


def test_voices_are_the_same_whatever_type_holds_the_document_ids(sample_path):
    from toolkit.analysis import analyze
    from toolkit.analysis.scan import Voices

    quoted = analyze(list(load(sample_path)), quiet=True, mentions=False).quotes
    ids = sorted(set(quoted["doc_id"]))
    spans = [Voices(quoted.astype({"doc_id": kind})).spans for kind in
             (object, "string[pyarrow]", "string[python]")]
    assert sum(len(spans[0](i)) for i in ids) > 100
    assert all(spans[0](i) == other(i) for other in spans[1:] for i in ids)
