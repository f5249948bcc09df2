"""Write tables of records as JSON Lines, CSV or an aligned text table (no pandas needed)."""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["FORMATS", "write_records", "write_frame"]

FORMATS = ("jsonl", "csv", "table")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_records(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str,
                  stream: TextIO | None = None, *, max_width: int = 60) -> int:
    """Write ``rows`` (only ``columns``, in that order); return how many were written."""
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
        cells = [[_cell(row.get(c), max_width) for c in columns] for row in rows]
        n = len(cells)
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        for r in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
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
