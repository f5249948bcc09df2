"""Figures: one function per figure, each taking a table and returning a matplotlib Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (no ``pyplot``), so they work
with any backend, draw nothing on screen, and are freed when dropped; save them with
``fig.savefig(path)``. Tables are never modified.

Every text that comes from data or parameters (tick labels, legend entries, axis labels,
titles) is drawn literally: matplotlib reads text between two ``$`` as math, so an outlet named
``$$ Money $$`` would fail to draw and ``$5 ... $10`` would be typeset; each ``$`` is escaped.
"""

from __future__ import annotations

import io
import sys
import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit.errors import NotEnoughDataError, ParameterError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "frame_heatmap", "frames_over_time", "keyness_bars", "dispersion_plot",
    "speaker_bars", "share_of_voice_bars", "speakers_over_time_lines", "verb_bars",
    "category_heatmap", "speaker_palette", "stance_by_group_bars", "period_times",
    "SPEAKER_COLORS", "CATEGORY_COLORS",
]

# One colour per speaker type, the same in every figure.
SPEAKER_TYPE_COLORS = {"person": "#2e6f9e", "organization": "#7a8b3c", "anonymous": "#c0392b",
                       "unresolved": "#9a9a9a"}


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    _show_in_notebooks()
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


@lru_cache(maxsize=1)
def _show_in_notebooks() -> None:
    """In a Jupyter kernel, let a Figure returned by a cell display as a PNG image.

    Figures here are not made through pyplot, so IPython's matplotlib integration does not
    know them unless ``%matplotlib inline`` was run; this registers the same kind of display.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or getattr(shell, "kernel", None) is None:
        return
    from matplotlib.figure import Figure

    shell.display_formatter.formatters["image/png"].for_type(Figure, _png)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def _literal(value: object) -> str:
    """``value`` as text matplotlib draws as written (each ``$`` escaped, so no math)."""
    return str(value).replace("$", r"\$")


def _literal_columns(table: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """A copy of ``table`` whose text cells in ``columns`` are :func:`_literal`."""
    out = table.copy()
    for column in columns:
        out[column] = out[column].map(lambda v: _literal(v) if isinstance(v, str) else v)
    return out


def _title(title: str | None, default: str) -> str:
    return _literal(title) if title is not None else default


def _need(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(f"{what} needs column(s) {', '.join(missing)}",
                             hint="pass the table from the matching toolkit function")
    if table.empty:
        raise NotEnoughDataError(f"{what}: the table is empty, nothing to plot")


def frame_heatmap(counts: pd.DataFrame, *, by: str, value: str = "rate",
                  title: str | None = None) -> Figure:
    """Heatmap of ``value`` (default: rate per 1,000 tokens) with groups ``by`` as rows and
    frames as columns, from :func:`toolkit.analysis.framing.frame_counts` (``by=`` the same column).
    Rows and columns keep the table's order."""
    import seaborn as sns

    _need(counts, [by, "frame", value], "frame_heatmap")
    data = _literal_columns(counts, [by, "frame"])
    grid = data.pivot_table(index=by, columns="frame", values=value, sort=False,
                            aggfunc="sum", dropna=False)
    fig, ax = _figure(1.2 + 0.9 * grid.shape[1], 1.5 + 0.45 * grid.shape[0])
    sns.heatmap(grid, ax=ax, annot=True, fmt=".1f", cmap="rocket_r", linewidths=0.5,
                cbar_kws={"label": _literal(value)})
    ax.set(xlabel="frame", ylabel=_literal(by),
           title=_title(title, f"Frame {_literal(value)} by {_literal(by)}"))
    ax.tick_params(axis="x", labelrotation=45)
    return fig


def frames_over_time(counts: pd.DataFrame, *, period: str = "month", value: str = "rate",
                     title: str | None = None) -> Figure:
    """Lines of ``value`` per frame over time, from ``frame_counts(..., by=period)`` where
    ``period`` is ``week``, ``month`` or ``year`` (or ``date``). Undated rows are left out."""
    import seaborn as sns

    _need(counts, [period, "frame", value], "frames_over_time")
    data = _literal_columns(counts[counts[period].notna()][[period, "frame", value]], ["frame"])
    data["time"] = period_times(data[period])
    data = data[data["time"].notna()]
    if data.empty:
        raise NotEnoughDataError("frames_over_time: no dated rows, nothing to plot")
    fig, ax = _figure(8, 4.5)
    sns.lineplot(data=data, x="time", y=value, hue="frame", marker="o", ax=ax)
    ax.set(xlabel=_literal(period), ylabel=_literal(value),
           title=_title(title, f"Frame {_literal(value)} by {_literal(period)}"))
    ax.legend(title="frame", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _date_axis(ax)
    return fig


def keyness_bars(table: pd.DataFrame, *, n: int = 10, measure: str = "log_ratio",
                 title: str | None = None, group: str | None = None) -> Figure:
    """Diverging bars of ``measure`` for the ``n`` most over-used and ``n`` most under-used
    words (by G2) of a :func:`toolkit.analysis.keyness.keyness` table; over-used words point right.
    ``group`` (e.g. ``"outlet = The Harbor Ledger"``) names the group in the title."""
    import pandas as pd
    import seaborn as sns

    _need(table, ["word", "g2", measure], "keyness_bars")
    ranked = table.sort_values(["g2", "word"], ascending=[False, True], kind="stable")
    over = ranked[ranked[measure] > 0].head(n)
    under = ranked[ranked[measure] < 0].head(n)
    data = pd.concat([over, under]).sort_values(measure, ascending=False, kind="stable")
    data = _literal_columns(data, ["word"]).assign(
        use=["over-used" if v > 0 else "under-used" for v in data[measure]])
    fig, ax = _figure(7, 1 + 0.3 * max(len(data), 1))
    sns.barplot(data=data, x=measure, y="word", hue="use", dodge=False, ax=ax,
                palette={"over-used": "#c0392b", "under-used": "#2e6f9e"},
                hue_order=["over-used", "under-used"])
    ax.axvline(0, color="black", linewidth=0.8)
    default = f"Keywords of {_literal(group)}\nagainst all other articles" if group \
        else "Keywords"
    ax.set(xlabel=_literal(measure.replace("_", " ")), ylabel="",
           title=_title(title, f"{default} ({_literal(measure.replace('_', ' '))})"))
    return fig


# Characters of a dispersion plot's title on one line.
DISPERSION_TITLE_WIDTH = 60


def dispersion_plot(matches: pd.DataFrame, *, doc_ids: Sequence[str] | None = None,
                    max_rows: int = 40, title: str | None = None,
                    term: str | None = None) -> Figure:
    """Where matches fall in each document: one row per document, a tick at each match's
    relative position (0 = start, 1 = end). ``matches`` is a table with ``doc_id`` and
    ``position`` (from :func:`toolkit.analysis.framing.kwic` or :func:`toolkit.analysis.framing.frame_matches`);
    ``doc_ids`` gives the rows and their order (documents without a match stay empty), by default
    the documents with matches, sorted. With more than ``max_rows`` rows, only the documents
    with the most matches are drawn (in the same order; those without a match are left out)
    and the title says how many. ``term`` names what was searched for in the title."""
    import seaborn as sns

    _need(matches, ["doc_id", "position"], "dispersion_plot")
    rows = list(doc_ids) if doc_ids is not None else sorted(matches["doc_id"].unique())
    if len(rows) > max_rows:
        counts = matches["doc_id"].value_counts()
        matched = sorted((d for d in rows if counts.get(d, 0)), key=lambda d: (-counts[d], d))
        busiest = set(matched[:max_rows])
        # Rows left empty say nothing once the chart cannot show every document.
        which = "most matches" if len(matched) > max_rows else "those with a match"
        title = _title(title, f"{_where(term)} ({len(busiest)} of {len(rows)} documents, "
                              f"{which})")
        rows = [d for d in rows if d in busiest]
    index = {d: i for i, d in enumerate(rows)}
    data = matches[matches["doc_id"].isin(index)].assign(
        row=lambda t: t["doc_id"].map(index))
    fig, ax = _figure(10, 1 + 0.35 * len(rows))
    sns.scatterplot(data=data, x="position", y="row", marker="|", s=200, linewidth=1.5,
                    color="#2e6f9e", ax=ax)
    ax.set_yticks(range(len(rows)), labels=[_literal(r) for r in rows])
    shown = f"{len(rows)} document" + ("" if len(rows) == 1 else "s")
    # Over the plot, beside the documents' names: a long title goes on two lines.
    ax.set(xlim=(0, 1), ylim=(len(rows) - 0.5, -0.5), xlabel="position in document",
           ylabel="", title="\n".join(textwrap.wrap(_title(title, f"{_where(term)} ({shown})"),
                                                    DISPERSION_TITLE_WIDTH)))
    return fig


def speaker_bars(table: pd.DataFrame, *, n: int = 15, value: str = "n_attributions",
                 title: str | None = None, palette: dict[str, str] | None = None) -> Figure:
    """Ranked horizontal bars of the ``n`` most quoted speakers, coloured by speaker type, from
    :func:`toolkit.analysis.speakers.speaker_table` (without ``by``). With ``palette``
    (:func:`speaker_palette`) each bar takes its speaker's colour and the type is written
    beside the count."""
    import seaborn as sns

    _need(table, ["speaker", "speaker_type", value], "speaker_bars")
    data = table.sort_values([value, "speaker"], ascending=[False, True], kind="stable").head(n)
    if palette is not None:
        return _speaker_bars_by_speaker(data, value, title, palette)
    data = _literal_columns(data, ["speaker"])
    fig, ax = _figure(7, 1 + 0.32 * len(data))
    types = [t for t in SPEAKER_TYPE_COLORS if t in set(data["speaker_type"])]
    sns.barplot(data=data, x=value, y="speaker", hue="speaker_type", dodge=False, ax=ax,
                palette=SPEAKER_TYPE_COLORS, hue_order=types)
    ax.set(xlabel=_literal(value.replace("_", " ")), ylabel="",
           title=_title(title, "Most quoted speakers"))
    ax.legend(title="speaker type", loc="lower right", frameon=False)
    return fig


# height of one line of a legend in "small" type, in inches
_LEGEND_LINE_INCHES = 0.2


def share_of_voice_bars(table: pd.DataFrame, *, by: str = "outlet",
                        title: str | None = None, palette: dict[str, str] | None = None
                        ) -> Figure:
    """Stacked horizontal bars: each group's attributions split by speaker share, from
    :func:`toolkit.analysis.speakers.share_of_voice` (``(other)`` drawn in grey, last).
    ``palette`` (:func:`speaker_palette`) fixes each speaker's colour."""
    _need(table, [by, "speaker", "share"], "share_of_voice_bars")
    grid = _literal_columns(table, [by, "speaker"]).pivot_table(
        index=by, columns="speaker", values="share", aggfunc="sum", fill_value=0.0, sort=True)
    speakers = sorted(grid.columns, key=lambda s: (s == "(other)", -grid[s].sum(), s))
    grid = grid[speakers]
    # tall enough for the bars and for the legend beside them, one line per speaker and a title
    fig, ax = _figure(9, max(1.2 + 0.55 * len(grid), 0.7 + _LEGEND_LINE_INCHES * (len(speakers) + 1)))
    import seaborn as sns

    colors = sns.color_palette("tab20", n_colors=max(len(speakers), 1))
    segments = []
    for i, speaker in enumerate(speakers):
        color = "#cfcfcf" if speaker == "(other)" else colors[i % len(colors)]
        if palette is not None:
            color = _speaker_color(palette, speaker)
        segments.append((speaker, grid[speaker].tolist(), color))
    _stacked_shares(ax, list(grid.index), segments, xlabel="share of attributions",
                    title=_title(title, f"Share of voice by {_literal(by)}"), legend="speaker")
    return fig


def _stacked_shares(ax, labels: list[str], segments: list[tuple[str, list[float], object]], *,
                    xlabel: str, title: str, legend: str) -> None:
    """Horizontal bars of shares stacked left to right, one segment per (name, shares, colour),
    on a 0–100% axis, first label at the top, the legend outside on the right."""
    left = [0.0] * len(labels)
    for name, shares, color in segments:
        ax.barh(labels, shares, left=left, color=color, label=name, edgecolor="white",
                linewidth=0.5)
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set(xlim=(0, 1), xlabel=xlabel, ylabel="", title=title)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.invert_yaxis()
    ax.legend(title=legend, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize="small")


def speakers_over_time_lines(table: pd.DataFrame, *, title: str | None = None,
                             palette: dict[str, str] | None = None,
                             per_document: bool = False) -> Figure:
    """One line per speaker: attributions per period (``per_document``: per article published
    in the period, the ``attributions_per_document`` column), from
    :func:`toolkit.analysis.speakers.speakers_over_time`, on a date axis that stays readable
    for spans of days to years. ``palette`` (:func:`speaker_palette`) fixes the colours."""
    import seaborn as sns

    value = "attributions_per_document" if per_document else "n_attributions"
    _need(table, ["period", "speaker", value], "speakers_over_time_lines")
    data = _literal_columns(table, ["speaker"]).assign(time=period_times(table["period"]))
    data = data[data["time"].notna()]
    if data.empty:
        raise NotEnoughDataError("speakers_over_time_lines: no dated rows, nothing to plot")
    speakers = list(dict.fromkeys(data["speaker"]))
    colors = {s: _speaker_color(palette, s) for s in speakers} if palette is not None else None
    fig, ax = _figure(8, 4.5)
    sns.lineplot(data=data, x="time", y=value, hue="speaker", marker="o", ax=ax, sort=True,
                 palette=colors, hue_order=speakers)
    ax.set(xlabel="", ylabel="attributions per article" if per_document else "attributions",
           title=_title(title, "Attributions per article published, by speaker"
                        if per_document else "Attributions by speaker over time"))
    ax.legend(title="speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _date_axis(ax)
    return fig


def verb_bars(counts: pd.DataFrame, *, n: int = 15, title: str | None = None) -> Figure:
    """Bars of the ``n`` most frequent reporting-verb lemmas, coloured by stance category,
    from :func:`toolkit.analysis.verbs.verb_counts` (without ``by``)."""
    import seaborn as sns

    _need(counts, ["cue_lemma", "verb_category", "n"], "verb_bars")
    data = counts.sort_values(["n", "cue_lemma"], ascending=[False, True], kind="stable").head(n)
    data = _literal_columns(data, ["cue_lemma", "verb_category"])
    categories = sorted(set(data["verb_category"]))
    palette = {c: _category_color(c) for c in categories}
    fig, ax = _figure(7, 1 + 0.32 * len(data))
    sns.barplot(data=data, x="n", y="cue_lemma", hue="verb_category", dodge=False, ax=ax,
                palette=palette, hue_order=categories)
    ax.set(xlabel="cues", ylabel="", title=_title(title, "Reporting verbs"))
    ax.legend(title="category", loc="lower right", frameon=False)
    return fig


def category_heatmap(table: pd.DataFrame, *, value: str = "share", n: int = 15,
                     title: str | None = None) -> Figure:
    """Speaker x stance-category heatmap of ``value`` for the ``n`` speakers with the most cues,
    from :func:`toolkit.analysis.verbs.category_by_speaker`."""
    import seaborn as sns

    _need(table, ["speaker", "verb_category", value, "n"], "category_heatmap")
    table = _literal_columns(table, ["speaker", "verb_category"])
    totals = table.groupby("speaker")["n"].sum().sort_values(ascending=False, kind="stable")
    top = sorted(totals.index, key=lambda s: (-totals[s], s))[:n]
    grid = table[table["speaker"].isin(top)].pivot_table(
        index="speaker", columns="verb_category", values=value, aggfunc="sum", fill_value=0.0)
    grid = grid.reindex(top)
    grid = grid[[c for c in _category_order(grid.columns)]]
    # Each row is labelled with the attributions its shares rest on.
    grid.index = [f"{s} ({int(totals[s])})" for s in grid.index]
    fig, ax = _figure(2.5 + 0.9 * grid.shape[1], 1.5 + 0.4 * grid.shape[0])
    sns.heatmap(grid, ax=ax, annot=True, fmt=".0%" if value == "share" else ".2f", cmap="mako_r",
                linewidths=0.5, cbar_kws={"label": value})
    ax.set(xlabel="stance of the reporting verb", ylabel="",
           title=_title(title,
                        "How each speaker's words are reported (share of their attributions)"))
    ax.tick_params(axis="x", labelrotation=45)
    return fig


# -- shared colours, date axes and the figures built on them -----------------------------------

# Distinct colours handed to speakers in the order given (most quoted first), the same speaker
# keeping its colour in every figure of a report; grey for (other) and (unresolved).
SPEAKER_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                  "#bcbd22", "#17becf", "#393b79", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896",
                  "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#637939")
_GREYS = {"(other)": "#cfcfcf", "(unresolved)": "#9a9a9a"}
# One colour per stance category (verb_categories.tsv), the same in every figure.
CATEGORY_COLORS = {"neutral": "#8da0cb", "factive": "#66c2a5", "nonfactive": "#fc8d62",
                   "concessive": "#e5c494", "directive": "#a6d854", "conflictual": "#e41a1c",
                   "predictive": "#ffd92f", "cognitive": "#b3b3b3", "evidential": "#7f7f7f",
                   "supportive": "#e78ac3"}


def speaker_palette(speakers: Sequence[str]) -> dict[str, str]:
    """``{speaker: colour}`` for ``speakers`` in the order given (pass the speaker table's
    order, most quoted first, so that the most quoted get the most distinct colours). Speakers
    beyond the palette share a neutral colour; ``(other)`` and ``(unresolved)`` are grey."""
    palette: dict[str, str] = {}
    n = 0  # speakers given a colour so far (the greys left out)
    for speaker in speakers:
        if speaker in palette:
            continue
        if speaker in _GREYS:
            palette[speaker] = _GREYS[speaker]
            continue
        palette[speaker] = SPEAKER_COLORS[n] if n < len(SPEAKER_COLORS) else "#b0b0b0"
        n += 1
    return palette


def _speaker_color(palette: dict[str, str] | None, speaker: str) -> str:
    if palette and speaker in palette:
        return palette[speaker]
    return _GREYS.get(speaker, "#b0b0b0")


def _category_color(category: str) -> str:
    return CATEGORY_COLORS.get(category, "#d9d9d9")


def _category_order(categories) -> list[str]:
    known = list(CATEGORY_COLORS)
    return sorted(categories, key=lambda c: (known.index(c) if c in known else len(known), c))


def _where(term: str | None) -> str:
    return f"Where \u201c{_literal(term)}\u201d occurs in each article" if term \
        else "Where the matches occur"


def period_times(periods: pd.Series) -> pd.Series:
    """Period labels as timestamps (the start of each period): ``2026-03-02`` (a day or a
    week's Monday), ``2026-03`` (a month), ``2026-Q2`` (a quarter), ``2026`` (a year); anything
    else (``unknown``) becomes NaT."""
    import re

    import pandas as pd

    def start(label) -> str | None:
        text = str(label)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
            return text[:10]
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return f"{text}-01"
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", text)
        if quarter:
            return f"{quarter.group(1)}-{3 * int(quarter.group(2)) - 2:02d}-01"
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-01-01"
        return None

    return pd.to_datetime(periods.map(start), format="%Y-%m-%d", errors="coerce")


def _date_axis(ax) -> None:
    """Ticks and labels that stay readable and never overlap, whether the data span days or
    years: matplotlib chooses the tick spacing, and labels name only what changes."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _speaker_bars_by_speaker(data: pd.DataFrame, value: str, title: str | None,
                             palette: dict[str, str]) -> Figure:
    fig, ax = _figure(7, 1 + 0.32 * len(data))
    speakers = list(data["speaker"])
    counts = list(data[value])
    ax.barh([_literal(s) for s in speakers], counts,
            color=[_speaker_color(palette, s) for s in speakers])
    ax.invert_yaxis()
    for y, (count, kind) in enumerate(zip(counts, data["speaker_type"], strict=True)):
        ax.annotate(f" {count:,} · {_literal(kind)}", (count, y), va="center", fontsize="small",
                    color="#444444")
    ax.set_xlim(0, max(counts) * 1.3 if counts and max(counts) > 0 else 1)
    ax.set(xlabel=value.replace("n_", "").replace("_", " "), ylabel="",
           title=_title(title, "Most quoted speakers"))
    return fig


def stance_by_group_bars(table: pd.DataFrame, *, by: str = "outlet",
                         title: str | None = None) -> Figure:
    """Stacked horizontal bars: each group's attributions split by the stance category of their
    reporting verb, from :func:`toolkit.analysis.verbs.category_share` (``by=`` the same
    column). Categories keep one colour in every figure (:data:`CATEGORY_COLORS`); each group
    is labelled with the attributions its shares rest on."""
    _need(table, [by, "verb_category", "n", "share"], "stance_by_group_bars")
    grid = table.pivot_table(index=by, columns="verb_category", values="share", aggfunc="sum",
                             fill_value=0.0, sort=True)
    totals = table.groupby(by, sort=True)["n"].sum()
    categories = _category_order(grid.columns)
    labels = [f"{_literal(g)} ({int(totals[g])})" for g in grid.index]
    fig, ax = _figure(9, 1.2 + 0.55 * len(grid))
    segments = [(category, grid[category].tolist(), _category_color(category))
                for category in categories]
    _stacked_shares(ax, labels, segments, xlabel="share of the group's attributions",
                    title=_title(title, f"Stance of the reporting verbs by {_literal(by)}"),
                    legend="stance")
    return fig
