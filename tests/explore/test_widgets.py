"""The explorers driven as a user would, without a browser: set a control's value (what a click
does) and read what the explorer shows."""

from __future__ import annotations

import pytest

from toolkit.analysis import analyze
from toolkit.analysis.speakers import SPEECH_KINDS, speaker_table
from toolkit.corpus import load
from toolkit.explore import Articles, speaker_explorer, term_explorer
from toolkit.explore.concordance import sort_keys

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def articles(sample_path):
    return Articles(load(sample_path), quiet=True)


@pytest.fixture(scope="module")
def base(articles):
    return analyze(list(articles))


def _whole_article(page: str) -> str:
    """The highlighted whole text of an article view (after the passage shown first)."""
    return "<div" + page.split('<div class="tk-whole"', 1)[1]


def test_selecting_a_speaker_lists_their_attributions(articles, base):
    explorer = speaker_explorer(articles, analysis=base)
    table = speaker_table(base.quotes, base.documents)
    assert explorer.speakers.value == table["speaker"].iloc[0]
    assert explorer.speakers.options[0][0] == \
        f"{table['speaker'].iloc[0]} ({table['n_attributions'].iloc[0]})"

    explorer.speakers.value = "Elena Ramos"
    expected = base.quotes[(base.quotes["speaker"] == "Elena Ramos")
                           & base.quotes["kind"].isin(SPEECH_KINDS)
                           & ~base.quotes["embedded"].fillna(False).astype(bool)]
    assert len(explorer.attributions.options) == len(expected) == \
        table.set_index("speaker").loc["Elena Ramos", "n_attributions"]
    assert sorted(zip(explorer.rows["doc_id"], explorer.rows["cue_start"], strict=True)) == \
        sorted(zip(expected["doc_id"], expected["cue_start"], strict=True))
    n_articles = expected["doc_id"].nunique()
    assert f"<b>Elena Ramos</b>: {len(expected)} attribution(s) in {n_articles} article(s)" \
        in explorer.status.value


def test_clicking_an_attribution_highlights_its_exact_spans(articles, base, read_marks):
    explorer = speaker_explorer(articles, analysis=base)
    explorer.search.value = "renner"
    assert [v for _, v in explorer.speakers.options] == ["Paulo Renner"]
    assert explorer.speakers.value == "Paulo Renner"
    index = next(i for i, (label, _) in enumerate(explorer.attributions.options)
                 if "When the engineers start talking" in label)
    explorer.attributions.value = index
    row = explorer.rows.iloc[index]
    doc = articles.get(row["doc_id"])
    text, marked = read_marks(_whole_article(explorer.article.value))
    assert text == doc.text
    assert marked["speaker"] == [(row["speaker_start"], row["speaker_end"])]
    assert marked["cue"] == [(row["cue_start"], row["cue_end"])]
    assert marked["content"] == [(row["content_start"], row["content_end"])]
    assert [text[a:b] for a, b in marked["speaker"] + marked["cue"]] == ["Renner", "said"]
    assert "Merrow talks open" in explorer.article.value  # the article's title heads the view


def test_a_search_without_match_empties_the_lists(articles, base):
    explorer = speaker_explorer(articles, analysis=base)
    explorer.search.value = "zzz no such speaker"
    assert explorer.speakers.options == () and explorer.speakers.value is None
    assert explorer.attributions.options == () and explorer.article.value == ""
    explorer.search.value = ""
    assert explorer.speakers.value is not None


def test_the_term_explorer_sorts_filters_and_opens_articles(articles, base, read_marks):
    explorer = term_explorer(articles, quotes=base.quotes, query="sanction*")
    assert [d.value for d in explorer.sort_by] == ["R1", "R2", "R3"]
    assert explorer.group.label == "all" and explorer.voice.label == "all"
    assert len(explorer.lines.options) == len(explorer.table) == 40
    first_words = explorer.shown[["R1", "R2", "R3"]].apply(tuple, axis=1).tolist()
    assert first_words == sorted(first_words)

    explorer.voice.value = "quoted"
    assert len(explorer.lines.options) == (explorer.table["voice"] == "quoted").sum()
    explorer.group.value = "The Harbor Ledger"
    assert set(explorer.shown["group"]) == {"The Harbor Ledger"}
    assert set(explorer.shown["voice"]) == {"quoted"}

    explorer.sort_by[0].value = "L1"
    explorer.sort_by[1].value = ""  # "-": no second key, then R3
    assert explorer.shown["L1"].tolist() == sorted(explorer.shown["L1"])
    keys = list(zip(explorer.shown["L1"], explorer.shown["R3"], strict=True))
    assert keys == sorted(keys)
    explorer.lines.value = 1
    row = explorer.shown.iloc[1]
    text, marked = read_marks(_whole_article(explorer.article.value))
    assert marked["match"] == [(row["start"], row["end"])]
    assert text[row["start"]:row["end"]].lower().startswith("sanction")
    (content,) = marked["content"]
    assert content[0] <= row["start"] and row["end"] <= content[1]


def test_a_frame_query_and_a_bad_query(articles, base):
    explorer = term_explorer(articles, quotes=base.quotes, query="frame:dialogue", depth=2)
    assert set(explorer.table["frame"]) == {"dialogue"}
    assert [k for k, _ in explorer.sort_by[0].options][1:] == sort_keys(2)
    explorer.query.value = "frame:no_such_frame"
    assert "no frame &#x27;no_such_frame&#x27;" in explorer.status.value
    assert explorer.lines.options == () and explorer.article.value == ""


def test_without_widgets_the_output_is_plain_escaped_tables(tmp_path, read_marks):
    """A plain folder of .txt files without metadata, with markup in the text: the static
    fallback and the article are escaped."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Dam talks <b>stall</b>\n\n\"We will not sign,\" said Ana Brel, the <i>envoy</i>.\n",
        encoding="utf-8")
    (folder / "two.txt").write_text(
        "Farmers wait\n\nAna Brel said the deal was close & fair.\n", encoding="utf-8")
    corpus = load(folder)
    explorer = speaker_explorer(corpus)
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and "<table" in bundle["text/html"]
    assert "Ana Brel" in bundle["text/html"] and "<i>" not in bundle["text/html"]
    assert "&lt;i&gt;envoy&lt;/i&gt;" in bundle["text/html"]
    explorer.select("Ana Brel", 0)
    assert "undated" in explorer.attributions.options[0][0]
    text, marked = read_marks(_whole_article(explorer.article.value))
    assert "<b>" not in explorer.article.value and text.startswith("Dam talks <b>stall</b>")
    mention = explorer.rows.iloc[0]["speaker_mention"]
    assert mention.startswith("Ana Brel") and [text[a:b] for a, b in marked["speaker"]] == [mention]

    terms = term_explorer(corpus, query="deal", group_by="outlet")
    static = terms._repr_mimebundle_()["text/html"]
    assert "<table" in static and "close &amp; fair" in static
    assert set(terms.table["group"]) == {"unknown"}
