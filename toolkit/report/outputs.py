"""What a report notebook saves: tables, figures (with their captions) and headline numbers (with
their labels), written so that the same inputs give the same bytes.

Besides ``tables/`` and ``figures/``, a notebook's output folder holds ``headline.json``
(``{key: value}``), ``headline_labels.json`` (``{key: label}``) and ``captions.json``
(``{figure file: caption}``); the runner reads them for the index page."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from toolkit.errors import ParameterError
from toolkit.report.layout import NAME_PATTERN

__all__ = ["FIGURE_DPI", "HEADLINE_FILE", "LABELS_FILE", "CAPTIONS_FILE", "save_table",
           "save_figure", "save_headline", "figure_caption", "read_mapping"]

FIGURE_DPI = 100
HEADLINE_FILE = "headline.json"
LABELS_FILE = "headline_labels.json"
CAPTIONS_FILE = "captions.json"


def _target(output_dir: str | os.PathLike[str], kind: str, name: str, suffix: str) -> Path:
    if not NAME_PATTERN.match(name) or name.endswith(suffix):
        raise ParameterError(f"{kind[:-1]} name {name!r} must be letters, digits, '_', '.' or "
                             f"'-', without the {suffix} suffix")
    folder = Path(output_dir) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{suffix}"


def save_table(frame, name: str, *, output_dir: str | os.PathLike[str]):
    """Write ``frame`` to ``OUTPUT_DIR/tables/NAME.csv`` (no index, ``\\n`` line ends) and
    return it, so the cell also displays it."""
    frame.to_csv(_target(output_dir, "tables", name, ".csv"), index=False, lineterminator="\n")
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
