"""How a report notebook shows its results: interactive tables, figures with captions, the
counting definition, and a visible note where the data cannot support a section.

Tables are shown with itables in its offline mode: the DataTables code is embedded in the page
once (:func:`setup_page`), so an exported page sorts and filters its tables without any network
request. Cell values are escaped (never read as HTML); numbers are written for reading
(:func:`format_table`: ``12.3%``, ``1,234``, blanks for missing values) while the CSV files
keep them raw.

A notebook cell reads::

    with enough_data(f"share of voice by {group_by}"):
        voice = speakers.share_of_voice(quotes, base.documents, by=group_by, top_n=5)
        save_table(voice, "share_of_voice", output_dir=output_dir)
        show_figure(plots.share_of_voice_bars(voice, by=group_by), "share_of_voice",
                    output_dir=output_dir)
        show_table(voice, "share_of_voice")

and shows "Not enough data for share of voice by outlet: no document has a value for
by='outlet' ..." instead of failing when the corpus has no outlets.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from toolkit.analysis.counting import ATTRIBUTION_DEFINITION
from toolkit.errors import NotEnoughDataError, ParameterError
from toolkit.report.columns import describe_columns
from toolkit.report.html import TRUSTED
from toolkit.report.outputs import save_figure

__all__ = ["PAGE_LENGTH", "setup_page", "format_value", "format_table", "table_html",
           "show_table", "truncated_html", "show_figure", "figure_html", "show_note",
           "note_html", "show_counts", "counts_html", "enough_data"]

PAGE_LENGTH = 15


def _display_html(text: str) -> None:
    """Show ``text`` (HTML these helpers built, corpus text escaped) marked as the report's
    own output, so the page keeps its scripts (see :func:`toolkit.report.html.sanitize_outputs`)."""
    from IPython.display import HTML, display

    display(HTML(text), metadata={TRUSTED: True})


def setup_page() -> None:
    """Embed the interactive-table code (itables, offline mode) once at the top of a notebook.
    Tables then work in JupyterLab and in the exported page, with no request to another host."""
    for obj in _table_code():
        _display_html(obj.data)


def _table_code() -> list[Any]:
    """Set itables up for the report's tables and return what it would display: its code.
    (The report's kernels are forked from a process that called this once, and find the code
    read already.)"""
    import itables
    import itables.options as options

    options.display_logo_when_loading = False
    options.showIndex = False
    options.maxBytes = 0
    options.warn_on_undocumented_option = False
    # itables displays its code itself: collect it, for the page to show marked as its own.
    import IPython.display

    shown: list[Any] = []
    real_display = IPython.display.display
    IPython.display.display = lambda *objs, **kwargs: shown.extend(objs)
    try:
        itables.init_notebook_mode(all_interactive=False, connected=False)
    finally:
        IPython.display.display = real_display
    return shown


def format_value(value: Any, format: str) -> str:
    """``value`` as a page shows it: ``count`` 1,234; ``percent`` 12.3%; ``decimal1`` and
    ``decimal2`` with one or two decimals; ``pvalue`` three decimals or ``< 0.001``; anything
    else as text. Missing values are blank; infinity is written ``∞``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    if isinstance(value, bool) or format in ("", "text"):
        return _number_text(value)
    if not isinstance(value, int | float) and not hasattr(value, "__float__"):
        return str(value)
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if format == "count":
        return f"{number:,.0f}"
    if format == "percent":
        return f"{100 * number:.1f}%"
    if format == "decimal1":
        return f"{number:,.1f}"
    if format == "pvalue":
        return "< 0.001" if number < 0.001 else f"{number:.3f}"
    return f"{number:,.2f}"


def _number_text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if not math.isinf(value) else ("∞" if value > 0 else "-∞")
    return str(value)


def format_table(frame, table: str | None = None, *, columns: Sequence[str] | None = None):
    """A copy of ``frame`` (only ``columns``, in that order, when given) whose cells are
    strings written for reading and whose headers are the readers' labels
    (:mod:`toolkit.report.columns`); the index is dropped."""
    import pandas as pd

    data = frame[list(columns)] if columns is not None else frame
    described = describe_columns(data.columns, table)
    out = pd.DataFrame({c.label: [format_value(v, c.format) for v in data[c.name].tolist()]
                        for c in described}, columns=[c.label for c in described])
    return out.reset_index(drop=True)


def _columns_html(frame, table: str | None, columns: Sequence[str] | None) -> str:
    names = list(columns) if columns is not None else list(frame.columns)
    items = "".join(f"<dt>{html.escape(c.label)}</dt><dd>{html.escape(c.description)}</dd>"
                    for c in describe_columns(names, table) if c.description)
    if not items:
        return ""
    return (f'<details class="tk-columns"><summary>What the columns show</summary>'
            f"<dl>{items}</dl></details>")


def table_html(frame, table: str | None = None, *, columns: Sequence[str] | None = None,
               page_length: int = PAGE_LENGTH) -> str:
    """The interactive table (sortable, with a search box) for ``frame`` and the description of
    its columns, as HTML. Needs :func:`setup_page` on the page."""
    from itables import to_html_datatable

    shown = format_table(frame, table, columns=columns)
    options: dict[str, Any] = {"classes": "display compact", "showIndex": False, "maxBytes": 0,
                               "pageLength": page_length, "connected": False,
                               "lengthMenu": [[page_length, 50, -1], [page_length, 50, "all"]],
                               "style": "width:auto;margin:0",
                               "text_in_header_can_be_selected": False,
                               "display_logo_when_loading": False}
    if len(shown) <= page_length:
        options["layout"] = {"topStart": None, "topEnd": "search", "bottomStart": None,
                             "bottomEnd": None}
    return to_html_datatable(shown, **options) + _columns_html(frame, table, columns)


def show_table(frame, table: str | None = None, *, columns: Sequence[str] | None = None,
               empty: str | None = None, page_length: int = PAGE_LENGTH,
               max_rows: int | None = None,
               output_dir: str | os.PathLike[str] | None = None) -> None:
    """Show ``frame`` as an interactive table (see :func:`table_html`); ``table`` names it for
    its column descriptions (the name it is saved under). An empty frame shows ``empty`` (or
    "No rows.") as a note instead.

    ``max_rows``: a longer frame shows only its first ``max_rows`` rows, with a line saying
    so and linking the full table, ``OUTPUT_DIR/tables/TABLE.csv`` as
    :func:`~toolkit.report.outputs.save_table` writes it (``table`` and ``output_dir`` are
    needed then)."""
    if len(frame) == 0:
        show_note(empty or "No rows.")
        return
    if max_rows is None or len(frame) <= max_rows:
        _display_html(table_html(frame, table, columns=columns, page_length=page_length))
        return
    if table is None or output_dir is None:
        raise ParameterError("show_table(max_rows=...) needs the table's name and output_dir",
                             hint="pass the name and output_dir given to save_table")
    path = Path(output_dir) / "tables" / f"{table}.csv"
    _display_html(truncated_html(max_rows, len(frame), _relative_src(path))
                  + table_html(frame.head(max_rows), table, columns=columns,
                               page_length=page_length))


def truncated_html(shown: int, total: int, src: str) -> str:
    """The line above a table cut to its first rows: how many of how many, and a link to the
    full table at ``src`` (a URL relative to the page)."""
    link = html.escape(src, quote=True)
    name = html.escape(src.rsplit("/", 1)[-1])
    return (f'<p class="tk-truncated">Showing the top {shown:,} of {total:,} rows (sorting and '
            f'search apply to these rows). The full table: <a href="{link}">{name}</a>.</p>')


def _relative_src(path: Path) -> str:
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    return quote(Path(relative).as_posix())


def figure_html(src: str, caption: str) -> str:
    """A figure element: the image (full width, linked to the file) and its caption."""
    text = html.escape(caption)
    link = html.escape(src, quote=True)
    return (f'<figure class="tk-figure"><a href="{link}"><img src="{link}" alt="{text}" '
            f'style="max-width:100%;height:auto"></a><figcaption>{text}</figcaption></figure>')


def show_figure(figure, name: str, *, output_dir: str | os.PathLike[str],
                caption: str | None = None) -> None:
    """Save ``figure`` (:func:`~toolkit.report.outputs.save_figure`) and show the saved file
    with its caption. The page refers to the file beside it rather than embedding it."""
    from toolkit.report.outputs import CAPTIONS_FILE, read_mapping

    save_figure(figure, name, output_dir=output_dir, caption=caption)
    target = figure if hasattr(figure, "savefig") else figure.figure
    _close(target)
    path = Path(output_dir) / "figures" / f"{name}.png"
    text = read_mapping(Path(output_dir) / CAPTIONS_FILE).get(path.name, name)
    _display_html(figure_html(_relative_src(path), text))


def _close(figure) -> None:
    """Drop a pyplot-managed figure so that the notebook does not show it a second time."""
    import sys

    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(figure)


def note_html(text: str) -> str:
    """A visible note (the text escaped)."""
    return f'<div class="tk-note" role="note">{html.escape(text)}</div>'


def show_note(text: str) -> None:
    """Show ``text`` as a note."""
    _display_html(note_html(text))


def counts_html(summary: str, *, span: tuple[str, str] | None = None,
                not_english: int = 0) -> str:
    """The box every page starts with: what was counted (and how many documents were left out
    as not English), and the definition of an attribution."""
    dates = f" Articles dated {span[0]} to {span[1]}." if span else " The articles are undated."
    if not_english:
        dates += (f" {not_english} document(s) left out because they do not look English (the "
                  "attribution rules and word lists are English-only; see the load report).")
    return (f'<div class="tk-counts"><p><strong>{html.escape(summary)}.</strong>'
            f"{html.escape(dates)}</p><p>{html.escape(ATTRIBUTION_DEFINITION)} Every count of "
            "attributions on these pages follows this definition.</p></div>")


def show_counts(loaded) -> None:
    """Show the counting box for a :class:`~toolkit.report.loading.AnalyzedCorpus`."""
    _display_html(counts_html(loaded.summary, span=loaded.date_span,
                              not_english=getattr(loaded, "n_not_english", 0)))


@contextlib.contextmanager
def enough_data(what: str, *, hint: str | None = None) -> Iterator[None]:
    """Run a section; when the data cannot support it
    (:class:`~toolkit.errors.NotEnoughDataError`), show "Not enough data for WHAT: reason"
    and go on. Every other error still stops the notebook."""
    try:
        yield
    except NotEnoughDataError as exc:
        reason = str(exc) + (f" ({hint})" if hint else "")
        show_note(f"Not enough data for {what}: {reason}")
