"""Write tables of records as JSON Lines, CSV or an aligned text table (no pandas needed).

:func:`write_records` streams JSON Lines and CSV row by row; the text table is read whole to
align its columns. :func:`write_frame` writes a DataFrame the same way.

Text from a corpus is hostile input. In CSV, a cell that starts with ``=``, ``+``, ``-``, ``@``,
tab or carriage return is written with a leading ``'`` and in quotes, so that a spreadsheet
shows it as text instead of running it as a formula (:func:`guard_csv_cell`); a cell that is a
plain number (``-0.5``) stays as it is, and ``raw=True`` turns the guard off. In the table
format, control characters and terminal escape sequences are shown as ``\x1b``-style escapes
(:func:`printable`). JSON Lines escapes C0 control characters (JSON requires it); C1 ones
and the Unicode line separators stay as they are, valid inside JSON strings: split JSON Lines
on ``\\n`` only.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["FORMATS", "csv_rows_text", "guard_csv_cell", "printable", "record_header",
           "record_lines", "write_frame", "write_records"]


FORMATS = ("jsonl", "csv", "table")

# C0 and C1 control characters, DEL and the Unicode line and paragraph separators; the table
# format shows them escaped. An ANSI escape sequence starts with ESC (or the C1 CSI), so
# escaping those characters disarms it.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

def guard_csv_cell(text: str) -> str | None:
    """:func:`toolkit.report.outputs.guard_csv_cell`, imported when first needed (the report
    package is not needed for JSON Lines)."""
    from toolkit.report.outputs import guard_csv_cell as guard

    return guard(text)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _csv_line(cells: Sequence[str], *, raw: bool, writer: Any, buffer: io.StringIO) -> str:
    """One CSV line of ``cells`` (strings), guarded unless ``raw``; exactly what
    ``csv.writer`` writes when no cell needs the guard or holds a carriage return (which
    ``csv.writer`` leaves unquoted with ``\\n`` line ends, splitting the row)."""
    guarded = [None if raw else guard_csv_cell(c) for c in cells]
    forced = [g is not None or "\r" in c for c, g in zip(cells, guarded, strict=True)]
    if not any(forced):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()
    parts = []
    for cell, guard, force in zip(cells, guarded, forced, strict=True):
        if force:
            parts.append(_quoted(cell if guard is None else guard))
        elif cell:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow([cell])
            parts.append(buffer.getvalue()[:-1])
        else:
            parts.append("")
    return ",".join(parts) + "\n"


def csv_rows_text(rows: Iterable[Sequence[str]], *, raw: bool = False) -> Iterator[str]:
    """Each row of string cells as one CSV line (``\n`` line ends), guarded by
    :func:`guard_csv_cell` unless ``raw``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for cells in rows:
        yield _csv_line(cells, raw=raw, writer=writer, buffer=buffer)


def _csv_text(value: Any) -> str:
    value = _plain(value)
    return "" if value is None else (value if isinstance(value, str) else str(value))


def printable(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1) written as an escape (``\x1b``,
    ``\x07``...), so that it cannot move the cursor, recolour or retitle a terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def record_header(columns: Sequence[str], fmt: str, *, raw: bool = False) -> str:
    """What :func:`write_records` writes before the rows: the CSV header line; nothing for
    JSON Lines."""
    return next(csv_rows_text([list(columns)], raw=raw)) if fmt == "csv" else ""


def record_lines(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, *,
                 raw: bool = False) -> Iterator[str]:
    """Each row as one line of JSON Lines or CSV (no header), ``\n``-terminated, as
    :func:`write_records` writes it; rows can so be formatted where they are made (in a worker
    process) and the lines written elsewhere."""
    if fmt == "jsonl":
        for row in rows:
            yield json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        yield from csv_rows_text(([_csv_text(row.get(c)) for c in columns] for row in rows),
                                 raw=raw)
    else:
        from toolkit.errors import ParameterError

        raise ParameterError(f"no line format {fmt!r}", hint="use jsonl or csv")


def write_records(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str,
                  stream: TextIO | None = None, *, max_width: int = 60,
                  column_widths: Mapping[str, int] | None = None, raw: bool = False) -> int:
    """Write ``rows`` (only ``columns``, in that order); return how many were written.

    In the table format a cell is cut to ``max_width`` characters, or to its column's entry in
    ``column_widths``, with an ellipsis marking the cut; control characters are escaped. CSV
    cells are guarded against formula injection unless ``raw`` (see :func:`guard_csv_cell`).
    """
    out = stream or sys.stdout
    n = 0
    if fmt in ("jsonl", "csv"):
        out.write(record_header(columns, fmt, raw=raw))
        for line in record_lines(rows, columns, fmt, raw=raw):
            out.write(line)
            n += 1
    elif fmt == "table":
        limits = [(column_widths or {}).get(c, max_width) for c in columns]
        cells = [[_cell(row.get(c), limit) for c, limit in zip(columns, limits, strict=True)]
                 for row in rows]
        n = len(cells)
        head = [printable(c) for c in columns]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(head)]
        for line in [head, *cells]:
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
        text = printable(" ".join(str(value).split()))
    return text if len(text) <= max_width else text[: max_width - 1] + "\u2026"


def write_frame(frame, fmt: str, stream: TextIO | None = None, *, raw: bool = False) -> None:
    """Write a DataFrame; CSV is ``frame.to_csv(index=False)`` with the formula guard of
    :func:`guard_csv_cell` unless ``raw``, and carriage returns quoted (exactly ``to_csv``
    when no cell needs either)."""
    from toolkit.report.outputs import table_csv

    out = stream or sys.stdout
    if fmt == "csv":
        out.write(table_csv(frame, raw=raw))
    else:
        write_records(frame.to_dict("records"), list(frame.columns), fmt, out)
