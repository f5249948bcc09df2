"""What a report notebook saves: tables, figures and headline numbers, written so that the same
inputs give the same bytes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from toolkit.errors import ParameterError
from toolkit.report.layout import NAME_PATTERN

__all__ = ["FIGURE_DPI", "HEADLINE_FILE", "save_table", "save_figure", "save_headline"]

FIGURE_DPI = 100
HEADLINE_FILE = "headline.json"


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


def save_figure(figure, name: str, *, output_dir: str | os.PathLike[str]):
    """Write a matplotlib figure (or anything with a ``.figure``: Axes, seaborn grids) to
    ``OUTPUT_DIR/figures/NAME.png`` at :data:`FIGURE_DPI`, without the software stamp that
    would make bytes differ between matplotlib versions; return it."""
    from matplotlib.figure import Figure

    target = figure if isinstance(figure, Figure) else figure.figure
    target.savefig(_target(output_dir, "figures", name, ".png"), format="png", dpi=FIGURE_DPI,
                   metadata={"Software": None})
    return figure


def save_headline(key: str, value: Any, *, output_dir: str | os.PathLike[str]) -> Any:
    """Record one headline number (``documents``, ``top_speaker``...) in
    ``OUTPUT_DIR/headline.json`` for the report's index page; return ``value``."""
    path = Path(output_dir) / HEADLINE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        values = {}
    values[str(key)] = value.item() if hasattr(value, "item") else value
    path.write_text(json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return value
