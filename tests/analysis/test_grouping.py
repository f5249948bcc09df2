"""Date parameters are checked strictly, and only real dates fall inside a date range."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from toolkit.analysis.grouping import (
    check_range,
    documents,
    filter_dates,
    period_label,
    with_groups,
)
from toolkit.corpus import Document
from toolkit.errors import ParameterError


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "yesterday", "20260301",
                                 "2026-W10-1", "2026-03", 20260301])
def test_bad_date_parameters_name_the_parameter(bad):
    with pytest.raises(ParameterError, match=r"date_from=.* is not an ISO date"):
        check_range(bad, None)
    with pytest.raises(ParameterError, match=r"date_to=.* is not an ISO date"):
        check_range(None, bad)


def test_good_date_parameters():
    assert check_range(" 2026-03-01 ", dt.date(2026, 3, 31)) == ("2026-03-01", "2026-03-31")
    with pytest.raises(ParameterError, match="after date_to"):
        check_range("2026-04-01", "2026-03-01")


def test_invalid_stored_dates_never_fall_inside_a_range():
    docs = [Document(doc_id=i, text="x", date=d) for i, d in
            [("ok", "2026-03-02"), ("month13", "2026-13-01"), ("feb30", "2026-02-30"),
             ("word", "yesterday"), ("stamp", "2026-03-05T10:00:00Z"), ("none", None)]]
    kept = [d.doc_id for d in documents(docs, "2026-01-01", "2026-12-31")]
    assert kept == ["ok", "stamp"]
    frame = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "date": [d.date for d in docs]})
    assert filter_dates(frame, "2026-01-01", None)["doc_id"].tolist() == ["ok", "stamp"]
    assert period_label(frame["date"], "month").tolist() == [
        "2026-03", "unknown", "unknown", "unknown", "2026-03", "unknown"]


def test_grouping_by_month_with_a_bad_range_fails_before_any_work():
    frame = pd.DataFrame({"doc_id": ["a"], "n": [1]})
    docs = pd.DataFrame({"doc_id": ["a"], "date": ["2026-03-01"]})
    with pytest.raises(ParameterError, match="date_from='2026-02-30'"):
        with_groups(frame, docs, "month", date_from="2026-02-30")


def test_rows_are_ordered_by_document_then_position_whether_ids_or_their_ranks_are_given():
    """The row order of a table sorts by document id, then by position, keeping ties; the
    ids may be given as numbers that sort as they do (their ranks among the distinct ids)."""
    import numpy as np

    from toolkit.analysis.grouping import row_order

    ids = ["2026-03-02_b", "2026-03-01_a", "2026-03-02_b", "2026-03-01_a", "2026-03-10_c"]
    starts = np.array([40, 90, 5, 12, 0])
    order = row_order(pd.Series(ids), starts)
    assert [(ids[i], int(starts[i])) for i in order] == [
        ("2026-03-01_a", 12), ("2026-03-01_a", 90), ("2026-03-02_b", 5),
        ("2026-03-02_b", 40), ("2026-03-10_c", 0)]
    ranks = np.array([sorted(set(ids)).index(i) for i in ids])
    assert row_order(ranks, starts).tolist() == order.tolist()
    # Ties keep the order they came in.
    assert row_order(np.array([1, 0, 1, 0]), np.array([3, 3, 3, 3])).tolist() == [1, 3, 0, 2]
    assert row_order(pd.Series(sorted(ids)), np.zeros(5)) is None
    assert row_order(np.array([0, 0, 1]), np.array([1, 2, 0])) is None
