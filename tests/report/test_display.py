"""What report pages show: numbers written for reading, readers' column labels, escaped notes,
captions and the 'not enough data' note; and the figures' shared colours and date axes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit import plots
from toolkit.analysis import speakers
from toolkit.errors import NotEnoughDataError, ParameterError
from toolkit.report import display


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (1234, "count", "1,234"), (0.12345, "percent", "12.3%"), (2.345, "decimal2", "2.35"),
    (12.34, "decimal1", "12.3"), (0.0004, "pvalue", "< 0.001"), (0.25, "pvalue", "0.250"),
    (float("nan"), "percent", ""), (None, "count", ""), (math.inf, "decimal1", "∞"),
    ("Tomas Varga", "text", "Tomas Varga"), (pd.NA, "count", ""),
])
def test_format_value(value, fmt, shown):
    assert display.format_value(value, fmt) == shown


def test_format_table_labels_columns_and_drops_the_index():
    frame = pd.DataFrame({"speaker": ["A", "B"], "n_attributions": [1200, 3],
                          "share": [0.5, float("nan")], "speaker_title": [None, "Dr."]},
                         index=[7, 9])
    shown = display.format_table(frame, "speakers")
    assert list(shown.columns) == ["speaker", "attributions", "share", "title or role"]
    assert shown.values.tolist() == [["A", "1,200", "50.0%", ""], ["B", "3", "", "Dr."]]
    assert list(shown.index) == [0, 1]
    html = display.table_html(frame, "speakers", columns=["speaker", "share"])
    assert "What the columns show" in html and "title or role" not in html
    assert "share of all attributions (direct, indirect, mixed and floating quotes)" in html


def test_notes_captions_and_counts_are_escaped():
    assert display.note_html("<script>x</script>") == \
        '<div class="tk-note" role="note">&lt;script&gt;x&lt;/script&gt;</div>'
    figure = display.figure_html("figures/a%20b.png", 'Keywords of "<b>"')
    assert 'alt="Keywords of &quot;&lt;b&gt;&quot;"' in figure and "<b>" not in figure
    box = display.counts_html("2 documents, 5 attributions", span=None)
    assert "The articles are undated." in box and "An attribution is a statement" in box


def test_enough_data_shows_a_note_and_lets_other_errors_through(monkeypatch):
    shown = []
    monkeypatch.setattr(display, "_display_html", shown.append)
    with display.enough_data("share of voice by outlet"):
        raise NotEnoughDataError("no document has a value for by='outlet'")
    assert shown == [display.note_html("Not enough data for share of voice by outlet: no "
                                       "document has a value for by='outlet'")]
    with pytest.raises(ParameterError), display.enough_data("x"):
        raise ParameterError("a real mistake")


def test_a_long_table_shows_its_top_rows_and_links_the_full_table(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(display, "_display_html", shown.append)
    monkeypatch.chdir(tmp_path)
    words = ["sanctions", "talks", "ceasefire", "retaliation", "aggression", "dialogue"]
    frame = pd.DataFrame({"word": words, "freq_target": [90, 70, 50, 30, 20, 10],
                          "g2": [40.5, 30.25, 20.0, 10.0, 5.0, 1.0]})
    display.show_table(frame, "keyness", max_rows=4, output_dir="out")
    assert len(shown) == 1
    page = shown[0]
    assert "Showing the top 4 of 6 rows" in page
    assert '<a href="out/tables/keyness.csv">keyness.csv</a>' in page
    assert "retaliation" in page and "aggression" not in page and "dialogue" not in page
    # A table within the limit is shown whole, with no line about rows left out.
    shown.clear()
    display.show_table(frame, "keyness", max_rows=6, output_dir="out")
    assert "dialogue" in shown[0] and "Showing the top" not in shown[0]
    with pytest.raises(ParameterError, match="output_dir"):
        display.show_table(frame, "keyness", max_rows=2)


def test_speaker_colours_stay_the_same_across_figures():
    palette = plots.speaker_palette(["Varga", "Ramos", "(other)", "Kessel"])
    assert palette["Varga"] == plots.SPEAKER_COLORS[0] and palette["Kessel"] == \
        plots.SPEAKER_COLORS[2] and palette["(other)"] == "#cfcfcf"
    voice = pd.DataFrame({"outlet": ["X", "X", "Y", "Y"],
                          "speaker": ["Ramos", "(other)", "Varga", "Ramos"],
                          "n_attributions": [2, 1, 3, 1], "share": [2 / 3, 1 / 3, 0.75, 0.25]})
    fig = plots.share_of_voice_bars(voice, by="outlet", palette=palette)
    colors = {c.get_label(): c.patches[0].get_facecolor() for c in fig.axes[0].containers}
    from matplotlib.colors import to_rgba

    assert colors["Ramos"] == to_rgba(palette["Ramos"]) and colors["Varga"] == \
        to_rgba(palette["Varga"])


def test_period_labels_become_dates_and_axes_stay_readable():
    times = plots.period_times(pd.Series(["2026-03", "2026-Q2", "2026", "2026-03-02", "unknown"]))
    assert [str(t.date()) if not pd.isna(t) else None for t in times] == [
        "2026-03-01", "2026-04-01", "2026-01-01", "2026-03-02", None]
    daily = pd.DataFrame({"period": [f"2026-03-{d:02d}" for d in range(1, 31)] * 2,
                          "speaker": ["A"] * 30 + ["B"] * 30, "n_attributions": range(60)})
    yearly = daily.assign(period=[str(2000 + i % 30) for i in range(60)])
    for table in (daily, yearly):
        fig = plots.speakers_over_time_lines(table)
        fig.canvas.draw()
        labels = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
        assert 3 <= len(labels) <= 9
        boxes = [t.get_window_extent() for t in labels]
        assert not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:], strict=False))
    with pytest.raises(NotEnoughDataError):
        plots.speakers_over_time_lines(daily.assign(period="unknown"))


def test_speakers_over_time_per_article_and_stance_by_group(tmp_path):
    quotes = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["X", "X", "X"],
                           "speaker_type": ["person"] * 3, "kind": ["direct"] * 3,
                           "content": ["a", "b", "c"]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["O"] * 3, "author": None,
                              "title": None, "url": None, "path": None,
                              "date": ["2026-03-01", "2026-03-05", "2026-04-01"]})
    table = speakers.speakers_over_time(quotes, documents, per_document=True)
    assert table.values.tolist() == [["2026-03", "X", 3, 2, 1.5]]  # 3 attributions, 2 articles
    mix = pd.DataFrame({"outlet": ["O", "O", "P"], "verb_category": ["neutral", "nonfactive",
                                                                      "neutral"],
                        "n": [3, 1, 2], "share": [0.75, 0.25, 1.0]})
    fig = plots.stance_by_group_bars(mix, by="outlet")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["O (4)", "P (2)"]
    with pytest.raises(NotEnoughDataError):
        plots.stance_by_group_bars(mix.head(0), by="outlet")


def test_pages_made_in_turn_by_one_exporter_are_those_made_each_by_a_new_one(tmp_path):
    """A notebook's page does not depend on the pages made before it in the process: each
    keeps its own title, navigation and outputs."""
    import nbformat

    from toolkit.report import html as pages

    def notebook(name, text):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("print(1)")
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text),
                        nbformat.v4.new_output("display_data",
                                               data={"text/html": f"<p>{name} table</p>"})]
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}"), cell]
        path = tmp_path / f"{name}.ipynb"
        nbformat.write(nb, path)
        return path

    first = notebook("speakers", "Ana Ruiz said <talks> & more\n")
    second = notebook("framing", "sanctions 12\n")

    def page(path, title, nav):
        target = tmp_path / f"{path.stem}-{len(list(tmp_path.glob('*.html')))}.html"
        pages.render_notebook(path, target, title=title, nav=nav)
        return target.read_text(encoding="utf-8")

    pages._exporter.cache_clear()
    alone = page(first, "Who speaks", "<nav>one</nav>")
    pages._exporter.cache_clear()
    other = page(second, "Framing", "<nav>two</nav>")
    again = page(first, "Who speaks", "<nav>one</nav>")
    assert again == alone
    assert "<title>Who speaks</title>" in alone and "<title>Framing</title>" in other
    assert "Ana Ruiz said &lt;talks&gt; &amp; more" in alone and "sanctions 12" not in alone
    assert "<nav>two</nav>" in other and "<nav>one</nav>" not in other
