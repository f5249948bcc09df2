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
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "frame_heatmap", "frames_over_time", "keyness_bars", "dispersion_plot",
    "speaker_bars", "share_of_voice_bars", "speakers_over_time_lines", "verb_bars",
    "category_heatmap",
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
        raise ParameterError(f"{what}: the table is empty, nothing to plot")


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
    import pandas as pd
    import seaborn as sns

    _need(counts, [period, "frame", value], "frames_over_time")
    data = _literal_columns(counts[counts[period].notna()][[period, "frame", value]], ["frame"])
    data["time"] = pd.to_datetime(data[period].astype(str), format="mixed")
    fig, ax = _figure(8, 4.5)
    sns.lineplot(data=data, x="time", y=value, hue="frame", marker="o", ax=ax)
    ax.set(xlabel=_literal(period), ylabel=_literal(value),
           title=_title(title, f"Frame {_literal(value)} by {_literal(period)}"))
    ax.legend(title="frame", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def keyness_bars(table: pd.DataFrame, *, n: int = 10, measure: str = "log_ratio",
                 title: str | None = None) -> Figure:
    """Diverging bars of ``measure`` for the ``n`` most over-used and ``n`` most under-used
    words (by G2) of a :func:`toolkit.analysis.keyness.keyness` table; over-used words point right."""
    import pandas as pd
    import seaborn as sns

    _need(table, ["word", "g2", measure], "keyness_bars")
    ranked = table.sort_values(["g2", "word"], ascending=[False, True], kind="stable")
    over = ranked[ranked[measure] > 0].head(n)
    under = ranked[ranked[measure] < 0].head(n)
    data = pd.concat([over, under]).sort_values(measure, ascending=False, kind="stable")
    data = _literal_columns(data, ["word"]).assign(use=["over-used" if v > 0 else "under-used" for v in data[measure]])
    fig, ax = _figure(7, 1 + 0.3 * max(len(data), 1))
    sns.barplot(data=data, x=measure, y="word", hue="use", dodge=False, ax=ax,
                palette={"over-used": "#c0392b", "under-used": "#2e6f9e"},
                hue_order=["over-used", "under-used"])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set(xlabel=_literal(measure), ylabel="",
           title=_title(title, f"Keywords ({_literal(measure)})"))
    return fig


def dispersion_plot(matches: pd.DataFrame, *, doc_ids: Sequence[str] | None = None,
                    max_rows: int = 40, title: str | None = None) -> Figure:
    """Where matches fall in each document: one row per document, a tick at each match's
    relative position (0 = start, 1 = end). ``matches`` is a table with ``doc_id`` and
    ``position`` (from :func:`toolkit.analysis.framing.kwic` or :func:`toolkit.analysis.framing.frame_matches`);
    ``doc_ids`` gives the rows and their order (documents without a match stay empty), by default
    the documents with matches, sorted. With more than ``max_rows`` rows, only the documents
    with the most matches are drawn (in the same order) and the title says how many."""
    import seaborn as sns

    _need(matches, ["doc_id", "position"], "dispersion_plot")
    rows = list(doc_ids) if doc_ids is not None else sorted(matches["doc_id"].unique())
    if len(rows) > max_rows:
        counts = matches["doc_id"].value_counts()
        busiest = set(sorted(rows, key=lambda d: (-counts.get(d, 0), d))[:max_rows])
        title = _title(title, f"Dispersion ({max_rows} of {len(rows)} documents, "
                              "most matches)")
        rows = [d for d in rows if d in busiest]
    index = {d: i for i, d in enumerate(rows)}
    data = matches[matches["doc_id"].isin(index)].assign(
        row=lambda t: t["doc_id"].map(index))
    fig, ax = _figure(10, 1 + 0.35 * len(rows))
    sns.scatterplot(data=data, x="position", y="row", marker="|", s=200, linewidth=1.5,
                    color="#2e6f9e", ax=ax)
    ax.set_yticks(range(len(rows)), labels=[_literal(r) for r in rows])
    ax.set(xlim=(0, 1), ylim=(len(rows) - 0.5, -0.5), xlabel="position in document",
           ylabel="", title=_title(title, "Dispersion"))
    return fig


def speaker_bars(table: pd.DataFrame, *, n: int = 15, value: str = "n_attributions",
                 title: str | None = None) -> Figure:
    """Ranked horizontal bars of the ``n`` most quoted speakers, coloured by speaker type, from
    :func:`toolkit.analysis.speakers.speaker_table` (without ``by``)."""
    import seaborn as sns

    _need(table, ["speaker", "speaker_type", value], "speaker_bars")
    data = table.sort_values([value, "speaker"], ascending=[False, True], kind="stable").head(n)
    data = _literal_columns(data, ["speaker", "speaker_type"])
    fig, ax = _figure(7, 1 + 0.32 * len(data))
    types = [t for t in SPEAKER_TYPE_COLORS if t in set(data["speaker_type"])]
    sns.barplot(data=data, x=value, y="speaker", hue="speaker_type", dodge=False, ax=ax,
                palette=SPEAKER_TYPE_COLORS, hue_order=types)
    ax.set(xlabel=_literal(value.replace("_", " ")), ylabel="",
           title=_title(title, "Most quoted speakers"))
    ax.legend(title="speaker type", loc="lower right", frameon=False)
    return fig


def share_of_voice_bars(table: pd.DataFrame, *, by: str = "outlet",
                        title: str | None = None) -> Figure:
    """Stacked horizontal bars: each group's attributions split by speaker share, from
    :func:`toolkit.analysis.speakers.share_of_voice` (``(other)`` drawn in grey, last)."""
    _need(table, [by, "speaker", "share"], "share_of_voice_bars")
    grid = _literal_columns(table, [by, "speaker"]).pivot_table(index=by, columns="speaker", values="share", aggfunc="sum",
                             fill_value=0.0, sort=True)
    speakers = sorted(grid.columns, key=lambda s: (s == "(other)", -grid[s].sum(), s))
    grid = grid[speakers]
    fig, ax = _figure(9, 1.2 + 0.55 * len(grid))
    import seaborn as sns

    colors = sns.color_palette("tab20", n_colors=max(len(speakers), 1))
    left = [0.0] * len(grid)
    for i, speaker in enumerate(speakers):
        color = "#cfcfcf" if speaker == "(other)" else colors[i % len(colors)]
        ax.barh(list(grid.index), grid[speaker].tolist(), left=left, color=color,
                label=speaker, edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, grid[speaker].tolist(), strict=True)]
    ax.set(xlim=(0, 1), xlabel="share of attributions", ylabel="",
           title=_title(title, f"Share of voice by {_literal(by)}"))
    ax.invert_yaxis()
    ax.legend(title="speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              fontsize="small")
    return fig


def speakers_over_time_lines(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """One line per speaker: attributions per period, from
    :func:`toolkit.analysis.speakers.speakers_over_time`."""
    import seaborn as sns

    _need(table, ["period", "speaker", "n_attributions"], "speakers_over_time_lines")
    data = _literal_columns(table, ["period", "speaker"])
    fig, ax = _figure(8, 4.5)
    sns.lineplot(data=data, x="period", y="n_attributions", hue="speaker", marker="o", ax=ax,
                 sort=False)
    ax.set(xlabel="period", ylabel="attributions", title=_title(title, "Speakers over time"))
    ax.legend(title="speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def verb_bars(counts: pd.DataFrame, *, n: int = 15, title: str | None = None) -> Figure:
    """Bars of the ``n`` most frequent reporting-verb lemmas, coloured by stance category,
    from :func:`toolkit.analysis.verbs.verb_counts` (without ``by``)."""
    import seaborn as sns

    _need(counts, ["cue_lemma", "verb_category", "n"], "verb_bars")
    data = counts.sort_values(["n", "cue_lemma"], ascending=[False, True], kind="stable").head(n)
    data = _literal_columns(data, ["cue_lemma", "verb_category"])
    categories = sorted(set(data["verb_category"]))
    palette = dict(zip(categories, sns.color_palette("Set2", len(categories)), strict=True))
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
    fig, ax = _figure(1.5 + 0.9 * grid.shape[1], 1.5 + 0.4 * grid.shape[0])
    sns.heatmap(grid, ax=ax, annot=True, fmt=".2f", cmap="mako_r", linewidths=0.5,
                cbar_kws={"label": _literal(value)})
    ax.set(xlabel="verb category", ylabel="",
           title=_title(title, "How each speaker's words are reported"))
    ax.tick_params(axis="x", labelrotation=45)
    return fig
