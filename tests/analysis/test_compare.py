import pandas as pd
import pytest

from toolkit.analysis.compare import compare, previous_period
from toolkit.errors import ParameterError


def test_previous_period_has_the_same_length():
    assert previous_period("2026-04-01", "2026-04-30") == ("2026-03-02", "2026-03-31")
    assert previous_period("2026-05-07", "2026-05-07") == ("2026-05-06", "2026-05-06")
    with pytest.raises(ParameterError, match="after"):
        previous_period("2026-05-01", "2026-04-01")
    with pytest.raises(ParameterError, match="ISO dates"):
        previous_period("May", "2026-04-01")


def test_compare_aligns_rows_and_sorts_by_change():
    now = pd.DataFrame({"speaker": ["Ramos", "Varga", "Kessel"], "share": [0.5, 0.3, 0.2]})
    before = pd.DataFrame({"speaker": ["Ramos", "Varga", "Vell"], "share": [0.2, 0.4, 0.4]})
    table = compare(now, before, key="speaker", value="share")
    assert list(table.columns) == ["speaker", "share_previous", "share_current", "change"]
    assert table["speaker"].tolist() == ["Vell", "Ramos", "Kessel", "Varga"]
    assert table["change"].tolist() == pytest.approx([-0.4, 0.3, 0.2, -0.1])
    with pytest.raises(ParameterError, match="lacks column"):
        compare(now, before, key="outlet", value="share")
