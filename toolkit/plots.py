"""Figures: one function per figure, each taking a table and returning a matplotlib Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (no ``pyplot``), so they work
with any backend, draw nothing on screen, and are freed when dropped; save them with
``fig.savefig(path)``. Tables are never modified.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["frame_heatmap", "frames_over_time", "keyness_bars", "dispersion_plot"]


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


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
    frames as columns, from :func:`toolkit.framing.frame_counts` (``by=`` the same column).
    Rows and columns keep the table's order."""
    import seaborn as sns

    _need(counts, [by, "frame", value], "frame_heatmap")
    grid = counts.pivot_table(index=by, columns="frame", values=value, sort=False,
                              aggfunc="sum", dropna=False)
    fig, ax = _figure(1.2 + 0.9 * grid.shape[1], 1.5 + 0.45 * grid.shape[0])
    sns.heatmap(grid, ax=ax, annot=True, fmt=".1f", cmap="rocket_r", linewidths=0.5,
                cbar_kws={"label": value})
    ax.set(xlabel="frame", ylabel=by, title=title or f"Frame {value} by {by}")
    ax.tick_params(axis="x", labelrotation=45)
    return fig


def frames_over_time(counts: pd.DataFrame, *, period: str = "month", value: str = "rate",
                     title: str | None = None) -> Figure:
    """Lines of ``value`` per frame over time, from ``frame_counts(..., by=period)`` where
    ``period`` is ``week``, ``month`` or ``year`` (or ``date``). Undated rows are left out."""
    import pandas as pd
    import seaborn as sns

    _need(counts, [period, "frame", value], "frames_over_time")
    data = counts[counts[period].notna()][[period, "frame", value]].copy()
    data["time"] = pd.to_datetime(data[period].astype(str), format="mixed")
    fig, ax = _figure(8, 4.5)
    sns.lineplot(data=data, x="time", y=value, hue="frame", marker="o", ax=ax)
    ax.set(xlabel=period, ylabel=value, title=title or f"Frame {value} by {period}")
    ax.legend(title="frame", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def keyness_bars(table: pd.DataFrame, *, n: int = 10, measure: str = "log_ratio",
                 title: str | None = None) -> Figure:
    """Diverging bars of ``measure`` for the ``n`` most over-used and ``n`` most under-used
    words (by G2) of a :func:`toolkit.keyness.keyness` table; over-used words point right."""
    import pandas as pd
    import seaborn as sns

    _need(table, ["word", "g2", measure], "keyness_bars")
    ranked = table.sort_values(["g2", "word"], ascending=[False, True], kind="stable")
    over = ranked[ranked[measure] > 0].head(n)
    under = ranked[ranked[measure] < 0].head(n)
    data = pd.concat([over, under]).sort_values(measure, ascending=False, kind="stable")
    data = data.assign(use=["over-used" if v > 0 else "under-used" for v in data[measure]])
    fig, ax = _figure(7, 1 + 0.3 * max(len(data), 1))
    sns.barplot(data=data, x=measure, y="word", hue="use", dodge=False, ax=ax,
                palette={"over-used": "#c0392b", "under-used": "#2e6f9e"},
                hue_order=["over-used", "under-used"])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set(xlabel=measure, ylabel="", title=title or f"Keywords ({measure})")
    return fig


def dispersion_plot(matches: pd.DataFrame, *, doc_ids: Sequence[str] | None = None,
                    title: str | None = None) -> Figure:
    """Where matches fall in each document: one row per document, a tick at each match's
    relative position (0 = start, 1 = end). ``matches`` is a table with ``doc_id`` and
    ``position`` (from :func:`toolkit.framing.kwic` or :func:`toolkit.framing.frame_matches`);
    ``doc_ids`` gives the rows and their order (documents without a match stay empty), by default
    the documents with matches, sorted."""
    import seaborn as sns

    _need(matches, ["doc_id", "position"], "dispersion_plot")
    rows = list(doc_ids) if doc_ids is not None else sorted(matches["doc_id"].unique())
    index = {d: i for i, d in enumerate(rows)}
    data = matches[matches["doc_id"].isin(index)].assign(
        row=lambda t: t["doc_id"].map(index))
    fig, ax = _figure(10, 1 + 0.35 * len(rows))
    sns.scatterplot(data=data, x="position", y="row", marker="|", s=200, linewidth=1.5,
                    color="#2e6f9e", ax=ax)
    ax.set_yticks(range(len(rows)), labels=rows)
    ax.set(xlim=(0, 1), ylim=(len(rows) - 0.5, -0.5), xlabel="position in document",
           ylabel="", title=title or "Dispersion")
    return fig
