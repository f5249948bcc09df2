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
