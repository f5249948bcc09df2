"""Compare the same table between two periods (or any two slices of a corpus)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["previous_period", "compare"]


def previous_period(date_from: str, date_to: str) -> tuple[str, str]:
    """The period of the same length that ends the day before ``date_from`` (ISO dates)."""
    try:
        start, end = _dt.date.fromisoformat(date_from), _dt.date.fromisoformat(date_to)
    except (TypeError, ValueError):
        raise ParameterError(f"need two ISO dates, got {date_from!r} and {date_to!r}",
                             hint="use YYYY-MM-DD") from None
    if start > end:
        raise ParameterError(f"date_from={date_from} is after date_to={date_to}")
    length = end - start
    prev_end = start - _dt.timedelta(days=1)
    return (prev_end - length).isoformat(), prev_end.isoformat()


def compare(current: pd.DataFrame, previous: pd.DataFrame, *, key: str | Sequence[str],
            value: str) -> pd.DataFrame:
    """``value`` in both tables side by side, with the change from previous to current.

    Columns: key..., ``VALUE_previous``, ``VALUE_current``, ``change`` (current - previous;
    a row missing from one table counts as 0 there). Sorted by the size of the change
    (largest first), then key.
    """
    keys = [key] if isinstance(key, str) else list(key)
    for name, table in (("current", current), ("previous", previous)):
        missing = [c for c in [*keys, value] if c not in table.columns]
        if missing:
            raise ParameterError(f"the {name} table lacks column(s) {', '.join(missing)}")
    left = previous[[*keys, value]].groupby(keys, sort=False)[value].sum()
    right = current[[*keys, value]].groupby(keys, sort=False)[value].sum()
    out = left.rename(f"{value}_previous").to_frame().join(
        right.rename(f"{value}_current"), how="outer").fillna(0).reset_index()
    out["change"] = out[f"{value}_current"] - out[f"{value}_previous"]
    out["_size"] = out["change"].abs()
    out = out.sort_values(["_size", *keys], ascending=[False] + [True] * len(keys), kind="stable")
    return out.drop(columns="_size").reset_index(drop=True)
