"""What a report notebook saves: tables, figures (with their captions) and headline numbers (with
their labels), written so that the same inputs give the same bytes.

Besides ``tables/`` and ``figures/``, a notebook's output folder holds ``headline.json``
(``{key: value}``), ``headline_labels.json`` (``{key: label}``) and ``captions.json``
(``{figure file: caption}``); the runner reads them for the index page.

Tables are CSV files analysts open in spreadsheets, and their cells hold corpus text: a cell
starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is written with a leading ``'``
and in quotes, so that the spreadsheet shows it as text instead of running it as a formula
(:func:`table_csv`); plain numbers such as ``-0.5`` stay numbers, and ``raw=True`` writes every
cell as it is. ``toolkit --format csv`` (:mod:`toolkit.cli.output`) applies the same rule.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from toolkit.errors import ParameterError
from toolkit.report.layout import NAME_PATTERN

__all__ = ["FIGURE_DPI", "HEADLINE_FILE", "LABELS_FILE", "CAPTIONS_FILE", "save_table",
           "save_figure", "save_headline", "figure_caption", "read_mapping", "table_csv",
           "guard_csv_cell"]

FIGURE_DPI = 100
HEADLINE_FILE = "headline.json"
LABELS_FILE = "headline_labels.json"
CAPTIONS_FILE = "captions.json"

# A cell starting with one of these is a formula (or a way to start one) to a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|nan)",
                           re.IGNORECASE)


def guard_csv_cell(text: str) -> str | None:
    """The cell to write instead of ``text`` when a spreadsheet would read ``text`` as a
    formula: ``text`` with a leading ``'``; None when ``text`` is safe as it is (it starts
    with none of ``= + - @``, tab or CR, or it is a plain number such as ``-0.5``)."""
    if not text.startswith(_FORMULA_STARTS) or _PLAIN_NUMBER.fullmatch(text):
        return None
    return "'" + text


def _csv_field(cell: str, *, raw: bool) -> str:
    guarded = None if raw else guard_csv_cell(cell)
    if guarded is not None:
        cell = guarded
    elif not any(c in cell for c in ',"\r\n'):
        return cell
    return '"' + cell.replace('"', '""') + '"'


def table_csv(frame, *, raw: bool = False) -> str:
    """``frame.to_csv(index=False)`` with ``\\n`` line ends, cells that a spreadsheet would
    run as formulas written as text (unless ``raw``) and carriage returns always quoted: the
    same text as ``to_csv`` when no cell needs either."""
    if not _cell_by_cell(frame, raw=raw):
        return frame.to_csv(index=False, lineterminator="\n")
    # pandas renders every cell; quoting them all lets them be read back unambiguously.
    text = frame.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_ALL)
    lines = []
    for cells in csv.reader(io.StringIO(text, newline="")):
        if cells == [""]:
            lines.append('""')
        else:
            lines.append(",".join(_csv_field(cell, raw=raw) for cell in cells))
    return "".join(line + "\n" for line in lines)


def _cell_by_cell(frame, *, raw: bool) -> bool:
    """Whether a column name or cell of ``frame`` is to be guarded (unless ``raw``) or holds a
    carriage return, so that its CSV is made a cell at a time; a table of numbers and plain
    words is written by pandas as it is. Numbers, flags and dates are never guarded (their
    text is a plain number or starts with a digit)."""
    import pandas as pd

    if isinstance(frame.columns, pd.MultiIndex) or len(frame.columns) < 2:
        return True
    texts = [pd.Series([str(name) for name in frame.columns], dtype=object)]
    texts += [frame.iloc[:, at] for at in range(len(frame.columns))
              if frame.dtypes.iloc[at].kind not in "iufcbM"]
    for column in texts:
        column = column.dropna().astype(str)
        if column.str.contains("\r", regex=False).any():
            return True
        if not raw and any(guard_csv_cell(cell) is not None
                           for cell in column[column.str.startswith(_FORMULA_STARTS)]):
            return True
    return False


def _target(output_dir: str | os.PathLike[str], kind: str, name: str, suffix: str) -> Path:
    if not NAME_PATTERN.match(name) or name.endswith(suffix):
        raise ParameterError(f"{kind[:-1]} name {name!r} must be letters, digits, '_', '.' or "
                             f"'-', without the {suffix} suffix")
    folder = Path(output_dir) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{suffix}"


def save_table(frame, name: str, *, output_dir: str | os.PathLike[str], raw: bool = False):
    """Write ``frame`` to ``OUTPUT_DIR/tables/NAME.csv`` (no index, ``\\n`` line ends, UTF-8;
    cells a spreadsheet would run as formulas are written as text unless ``raw``, see
    :func:`table_csv`) and return it, so the cell also displays it."""
    target = _target(output_dir, "tables", name, ".csv")
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(table_csv(frame, raw=raw))
    return frame


def save_figure(figure, name: str, *, output_dir: str | os.PathLike[str],
                caption: str | None = None):
    """Write a matplotlib figure (or anything with a ``.figure``: Axes, seaborn grids) to
    ``OUTPUT_DIR/figures/NAME.png`` at :data:`FIGURE_DPI`, without the software stamp that
    would make bytes differ between matplotlib versions; return it.

    ``caption`` (default: :func:`figure_caption`) is recorded in ``captions.json`` for the
    index page."""
    from matplotlib.figure import Figure

    target = figure if isinstance(figure, Figure) else figure.figure
    path = _target(output_dir, "figures", name, ".png")
    target.savefig(path, format="png", dpi=FIGURE_DPI, metadata={"Software": None})
    text = caption if caption is not None else figure_caption(target, output_dir=output_dir)
    _update(Path(output_dir) / CAPTIONS_FILE, path.name, text)
    return figure


def figure_caption(figure, *, output_dir: str | os.PathLike[str] | None = None) -> str:
    """What a figure shows: its title, and the publication dates of the documents analysed
    when ``output_dir`` holds them (headline numbers ``first_date``/``last_date``)."""
    titles = [figure._suptitle.get_text()] if getattr(figure, "_suptitle", None) else []
    titles += [ax.get_title() for ax in figure.axes if ax.get_title()]
    text = " ".join(titles[0].split()) if titles else ""
    dates = read_mapping(Path(output_dir) / HEADLINE_FILE) if output_dir is not None else {}
    if dates.get("first_date") and dates.get("last_date"):
        span = f"articles dated {dates['first_date']} to {dates['last_date']}"
        text = f"{text} ({span})" if text else span
    return text


def save_headline(key: str, value: Any, *, output_dir: str | os.PathLike[str],
                  label: str | None = None) -> Any:
    """Record one headline number (``documents``, ``top_speaker``...) in
    ``OUTPUT_DIR/headline.json`` for the report's index page, and its ``label`` (what a reader
    sees, e.g. "Most quoted speaker") in ``headline_labels.json``; return ``value``."""
    _update(Path(output_dir) / HEADLINE_FILE, str(key),
            value.item() if hasattr(value, "item") else value)
    if label is not None:
        _update(Path(output_dir) / LABELS_FILE, str(key), label)
    return value


def read_mapping(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``; empty when the file is missing or holds something else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _update(path: Path, key: str, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    values = read_mapping(path)
    values[key] = value
    path.write_text(json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
