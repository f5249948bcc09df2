import pandas as pd
import pytest

from toolkit.analysis import analyze
from toolkit.analysis.compare import change_from_previous_period, compare, previous_period
from toolkit.analysis.framing import frame_counts, load_lexicon
from toolkit.analysis.speakers import speaker_table
from toolkit.corpus import load
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


def _by_key(table, key, value):
    return dict(zip(table[key], table[value], strict=True))


def test_change_from_previous_period_on_the_sample(sample_path):
    corpus = load(sample_path)
    change = change_from_previous_period(corpus, date_from="2026-04-01", date_to="2026-05-31")
    assert (change.previous_from, change.previous_to) == ("2026-01-30", "2026-03-31")
    march = [d for d in corpus if "2026-01-30" <= d.date <= "2026-03-31"]
    spring = [d for d in corpus if "2026-04-01" <= d.date <= "2026-05-31"]
    assert change.n_previous_documents == len(march) > 0
    assert change.summary == ("2026-04-01 to 2026-05-31 compared with 2026-01-30 to "
                              f"2026-03-31 ({len(march)} documents)")

    now, before = analyze(spring), analyze(march)
    shares_now = _by_key(speaker_table(now.quotes, now.documents), "speaker", "share")
    shares_before = _by_key(speaker_table(before.quotes, before.documents), "speaker", "share")
    speakers = change.speakers
    assert set(speakers["speaker"]) == set(shares_now) | set(shares_before)
    for row in speakers.itertuples():
        assert row.share_current == shares_now.get(row.speaker, 0)
        assert row.share_previous == shares_before.get(row.speaker, 0)
    # Speakers heard in one period only are kept, at 0 in the other.
    assert ((speakers["share_current"] == 0) & (speakers["share_previous"] > 0)).any()
    assert ((speakers["share_previous"] == 0) & (speakers["share_current"] > 0)).any()
    assert speakers["change"].abs().is_monotonic_decreasing

    rates_now = _by_key(frame_counts(spring, "conflict_cooperation", quotes=now.quotes),
                        "frame", "rate")
    rates_before = _by_key(frame_counts(march, "conflict_cooperation", quotes=before.quotes),
                           "frame", "rate")
    frames = change.frames
    assert _by_key(frames, "frame", "rate_current") == rates_now
    assert _by_key(frames, "frame", "rate_previous") == rates_before
    assert frames["change"].tolist() == pytest.approx(
        [rates_now[f] - rates_before[f] for f in frames["frame"]])


def test_change_from_previous_period_reuses_the_current_analysis(sample_path):
    documents = list(load(sample_path))
    current = analyze([d for d in documents if "2026-05-01" <= d.date <= "2026-05-31"])
    given = change_from_previous_period(iter(documents), date_from="2026-05-01",
                                        date_to="2026-05-31", current=current,
                                        lexicon="policy_frames")
    computed = change_from_previous_period(documents, date_from="2026-05-01",
                                           date_to="2026-05-31", lexicon="policy_frames")
    pd.testing.assert_frame_equal(given.speakers, computed.speakers)
    pd.testing.assert_frame_equal(given.frames, computed.frames)
    assert set(given.frames["frame"]) == set(load_lexicon("policy_frames").frames)


def test_change_from_an_empty_previous_period_counts_it_as_zero(sample_path):
    change = change_from_previous_period(load(sample_path), date_from="2026-03-01",
                                         date_to="2026-03-31")
    assert change.n_previous_documents == 0
    assert (change.speakers["share_previous"] == 0).all()
    assert change.speakers["change"].tolist() == change.speakers["share_current"].tolist()
    assert (change.frames["rate_current"] > 0).any()
    with pytest.raises(ParameterError, match="after"):
        change_from_previous_period(load(sample_path), date_from="2026-03-31",
                                    date_to="2026-03-01")
