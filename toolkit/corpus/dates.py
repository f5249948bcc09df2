"""Publication dates read strictly: a real calendar date or nothing.

:func:`parse_date` accepts ISO 8601 dates and date-times (``2026-03-02``,
``2026-03-02T10:00:00Z``, ``2026-03-02 10:00``), RSS/e-mail dates (``Mon, 02 Mar 2026 10:00:00
GMT``) and ``2026/03/02``. The date is the calendar day as written (no time-zone conversion).
Anything else, including impossible days such as ``2026-02-30``, gives None: a loaded document
then has no date, and the value as written is kept in its ``meta`` and counted in the load report.
"""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["ISO_DAY", "iso_date", "parse_date"]

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_RFC_2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\b")


def parse_date(value: Any) -> _dt.date | None:
    """The calendar date ``value`` names, or None when it names none (see the module doc)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) < 8 or len(text) > 64:
        return None
    if ISO_DAY.match(text):
        if len(text) == 10:
            return _try(_dt.date.fromisoformat, text)
        stamp = _try(_dt.datetime.fromisoformat, text)
        return stamp.date() if stamp is not None else None
    slashed = _SLASHED.fullmatch(text)
    if slashed:
        year, month, day = map(int, slashed.groups())
        return _try(lambda _: _dt.date(year, month, day), text)
    if _RFC_2822.match(text):
        stamp = _try(parsedate_to_datetime, text)
        return stamp.date() if stamp is not None else None
    return None


def iso_date(value: Any) -> str | None:
    """:func:`parse_date` as ``YYYY-MM-DD`` text, or None."""
    day = parse_date(value)
    return day.isoformat() if day is not None else None


def _try(parse, text: str):
    try:
        return parse(text)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None
