"""Publication dates: a real calendar day or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.corpus.dates import iso_date, parse_date


@pytest.mark.parametrize("raw, expected", [
    ("2026-03-02", "2026-03-02"),
    ("2026-03-02T10:00:00Z", "2026-03-02"),
    ("2026-03-02T23:30:00-05:00", "2026-03-02"),
    ("2026-03-02 10:00", "2026-03-02"),
    ("2026-03-02T10:00:00.123456", "2026-03-02"),
    (" 2026/3/2 ", "2026-03-02"),
    ("Mon, 02 Mar 2026 10:00:00 GMT", "2026-03-02"),
    ("2 Mar 2026 10:00:00 +0100", "2026-03-02"),
    (dt.date(2026, 3, 2), "2026-03-02"),
])
def test_readable_dates(raw, expected):
    assert iso_date(raw) == expected


@pytest.mark.parametrize("raw", ["2026-13-01", "2026-02-30", "yesterday", "", "2026",
                                 "03/02/2026", "2026-03-021", "2026-W10-1", "20260302",
                                 "2026-03-02Tnonsense", "Mon, 31 Feb 2026 10:00:00 GMT",
                                 None, 20260302, "9" * 500])
def test_unreadable_dates(raw):
    assert parse_date(raw) is None
