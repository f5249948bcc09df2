"""Speaker and reporting-verb figures render to PNG on the sample corpus without warnings."""

import io
import warnings

import pandas as pd
import pytest

from toolkit import plots
from toolkit.analysis import analyze, speakers, verbs
from toolkit.corpus import load


@pytest.fixture(scope="module")
def base(sample_path):
    return analyze(load(sample_path))


def test_speaker_and_verb_figures_render(base):
    q, d = base.quotes, base.documents
    cases = [
        (speakers.speaker_table(q, d), lambda t: plots.speaker_bars(t, n=10)),
        (speakers.share_of_voice(q, d, by="outlet", top_n=5),
         lambda t: plots.share_of_voice_bars(t, by="outlet")),
        (speakers.speakers_over_time(q, d, top_n=4), plots.speakers_over_time_lines),
        (verbs.verb_counts(q), plots.verb_bars),
        (verbs.category_by_speaker(q, min_attributions=3), plots.category_heatmap),
    ]
    for table, draw in cases:
        before = table.copy()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = draw(table)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
        assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
        assert fig.axes[0].get_title()
        pd.testing.assert_frame_equal(table, before)


def test_speaker_bars_show_the_top_speakers_in_order(base):
    table = speakers.speaker_table(base.quotes, base.documents)
    fig = plots.speaker_bars(table, n=5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == list(table["speaker"].head(5))


def test_dispersion_plot_keeps_the_busiest_documents():
    matches = pd.DataFrame({"doc_id": ["a", "b", "b", "c", "c", "c"],
                            "position": [0.1, 0.2, 0.5, 0.3, 0.6, 0.9]})
    fig = plots.dispersion_plot(matches, doc_ids=["a", "b", "c", "d"], max_rows=2)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b", "c"]
    assert ax.get_title() == "Where the matches occur (2 of 4 documents, most matches)"
    # Fewer documents with a match than rows to draw: only those, not empty rows after them.
    few = plots.dispersion_plot(matches, doc_ids=["a", "b", "c", "d", "e"], max_rows=4)
    ax = few.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    # A title too long for one line over the plot goes on two (the caption keeps one).
    assert ax.get_title() == "Where the matches occur (3 of 5 documents, those with a\nmatch)"


def test_speaker_palette_colours_speakers_in_order_and_greys_apart():
    names = [f"Speaker {i}" for i in range(len(plots.SPEAKER_COLORS) + 3)]
    given = [names[0], "(unresolved)", names[1], names[0], "(other)", *names[2:]]
    palette = plots.speaker_palette(given)
    assert list(palette) == [names[0], "(unresolved)", names[1], "(other)", *names[2:]]
    assert [palette[n] for n in names[:len(plots.SPEAKER_COLORS)]] == list(plots.SPEAKER_COLORS)
    assert {palette[n] for n in names[len(plots.SPEAKER_COLORS):]} == {"#b0b0b0"}
    assert palette["(unresolved)"] != palette["(other)"]
    assert palette["(unresolved)"] not in plots.SPEAKER_COLORS


def test_share_of_voice_legend_fits_in_the_figure_with_many_speakers(base):
    table = speakers.share_of_voice(base.quotes, base.documents, by="outlet", top_n=15)
    assert table["speaker"].nunique() >= 14
    fig = plots.share_of_voice_bars(table, by="outlet")
    fig.canvas.draw()
    legend = fig.axes[0].get_legend().get_window_extent()
    box = fig.bbox
    assert legend.y0 >= box.y0 and legend.y1 <= box.y1


def test_dispersion_plot_title_counts_one_document_in_the_singular():
    matches = pd.DataFrame({"doc_id": ["a", "a"], "position": [0.2, 0.7]})
    assert plots.dispersion_plot(matches, doc_ids=["a"], term="sanction*").axes[0].get_title() \
        == "Where \u201csanction*\u201d occurs in each article (1 document)"
    two = plots.dispersion_plot(matches, doc_ids=["a", "b"], term="sanction*")
    assert two.axes[0].get_title().endswith("(2 documents)")
