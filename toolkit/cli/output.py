"""Write tables of records as JSON Lines, CSV or an aligned text table (no pandas needed).

:func:`write_records` streams JSON Lines and CSV row by row; the text table is read whole to
align its columns. :func:`write_frame` writes a DataFrame the same way.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["FORMATS", "write_frame", "write_records"]

FORMATS = ("jsonl", "csv", "table")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_records(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str,
                  stream: TextIO | None = None, *, max_width: int = 60,
                  column_widths: Mapping[str, int] | None = None) -> int:
    """Write ``rows`` (only ``columns``, in that order); return how many were written.

    In the table format a cell is cut to ``max_width`` characters, or to its column's entry in
    ``column_widths``, with an ellipsis marking the cut.
    """
    out = stream or sys.stdout
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False))
            out.write("\n")
            n += 1
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if _plain(row.get(c)) is None else _plain(row.get(c))
                             for c in columns])
            n += 1
    elif fmt == "table":
        limits = [(column_widths or {}).get(c, max_width) for c in columns]
        cells = [[_cell(row.get(c), limit) for c, limit in zip(columns, limits, strict=True)]
                 for row in rows]
        n = len(cells)
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        for line in [list(columns), *cells]:
            out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())
            out.write("\n")
    else:
        from toolkit.errors import ParameterError

        raise ParameterError(f"unknown output format {fmt!r}", hint="use jsonl, csv or table")
    return n


def _cell(value: Any, max_width: int) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4g}"
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "\u2026"


def write_frame(frame, fmt: str, stream: TextIO | None = None) -> None:
    """Write a DataFrame; CSV is exactly ``frame.to_csv(index=False)``."""
    out = stream or sys.stdout
    if fmt == "csv":
        out.write(frame.to_csv(index=False, lineterminator="\n"))
    else:
        write_records(frame.to_dict("records"), list(frame.columns), fmt, out)
