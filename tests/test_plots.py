"""Every figure renders to PNG on the sample corpus without warnings and leaves its table alone."""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest
from matplotlib.figure import Figure

from toolkit import plots
from toolkit.analysis.framing import frame_counts, kwic
from toolkit.analysis.keyness import keyness
from toolkit.corpus import load
from toolkit.errors import ParameterError


@pytest.fixture(scope="module")
def tables(sample_path):
    corpus = load(sample_path)
    return {
        "outlet": frame_counts(corpus, "conflict_cooperation", by="outlet"),
        "week": frame_counts(corpus, "conflict_cooperation", by="week"),
        "keyness": keyness(corpus, by="outlet", group="The Harbor Ledger", min_freq=3,
                           stopwords=True),
        "kwic": kwic(corpus, "sanction*"),
        "ids": corpus.ids(),
    }


def figures(t):
    yield "heatmap", t["outlet"], lambda: plots.frame_heatmap(t["outlet"], by="outlet")
    yield "time", t["week"], lambda: plots.frames_over_time(t["week"], period="week")
    yield "keyness", t["keyness"], lambda: plots.keyness_bars(t["keyness"], n=8)
    yield "dispersion", t["kwic"], lambda: plots.dispersion_plot(t["kwic"], doc_ids=t["ids"])


def test_every_figure_renders_without_warnings_and_keeps_its_table(tables):
    for name, table, draw in figures(tables):
        before = table.copy()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = draw()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
        assert isinstance(fig, Figure), name
        assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n", name
        pd.testing.assert_frame_equal(table, before)


def test_missing_columns_and_empty_tables_are_reported():
    with pytest.raises(ParameterError, match="needs column"):
        plots.frame_heatmap(pd.DataFrame({"frame": ["a"]}), by="outlet")
    with pytest.raises(ParameterError, match="empty"):
        plots.dispersion_plot(pd.DataFrame({"doc_id": [], "position": []}))


MONEY = "$$ Money $$"
PRICES = "$5 \u2026 $10"


def hostile_figures():
    frames = pd.DataFrame({"outlet": [MONEY, MONEY, PRICES, PRICES],
                           "frame": ["cost $", "aid", "cost $", "aid"],
                           "rate": [1.0, 2.0, 3.0, 4.0]})
    over_time = pd.DataFrame({"month": ["2026-03", "2026-04"], "frame": [PRICES, PRICES],
                              "rate": [1.0, 2.0]})
    words = pd.DataFrame({"word": [MONEY, PRICES], "g2": [9.0, 8.0], "log_ratio": [1.0, -1.0]})
    matches = pd.DataFrame({"doc_id": [MONEY, PRICES], "position": [0.2, 0.7]})
    speakers = pd.DataFrame({"speaker": [MONEY, PRICES], "speaker_type": ["person", "person"],
                             "n_attributions": [3, 2]})
    voice = pd.DataFrame({"outlet": [MONEY, PRICES], "speaker": [PRICES, MONEY],
                          "share": [1.0, 1.0]})
    lines = pd.DataFrame({"period": ["2026-03", "2026-04"], "speaker": [MONEY, MONEY],
                          "n_attributions": [1, 2]})
    verbs = pd.DataFrame({"cue_lemma": [MONEY, "say"], "verb_category": [PRICES, "neutral"],
                          "n": [3, 2]})
    categories = pd.DataFrame({"speaker": [MONEY, PRICES], "verb_category": [PRICES, MONEY],
                               "share": [1.0, 1.0], "n": [2, 1]})
    yield lambda: plots.frame_heatmap(frames, by="outlet", title=f"Spend {PRICES}")
    yield lambda: plots.frames_over_time(over_time, period="month")
    yield lambda: plots.keyness_bars(words)
    yield lambda: plots.dispersion_plot(matches)
    yield lambda: plots.speaker_bars(speakers)
    yield lambda: plots.share_of_voice_bars(voice, by="outlet")
    yield lambda: plots.speakers_over_time_lines(lines)
    yield lambda: plots.verb_bars(verbs)
    yield lambda: plots.category_heatmap(categories)


def test_dollar_signs_in_data_are_drawn_literally():
    from matplotlib import cbook
    from matplotlib.text import Text

    for draw in hostile_figures():
        fig = draw()
        fig.savefig(io.BytesIO(), format="png")  # raised a ValueError on "$$ Money $$" before
        texts = [t.get_text() for t in fig.findobj(Text) if t.get_text()]
        assert not [t for t in texts if cbook.is_math_text(t)]
        shown = {t.replace(r"\$", "$") for t in texts}
        assert MONEY in shown or PRICES in shown
