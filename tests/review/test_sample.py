"""Sampling for review: proportional to the strata, seeded, the same whatever the row order."""

from __future__ import annotations

import pytest

from toolkit.errors import ParameterError
from toolkit.review.sample import REVIEW_KINDS, SAMPLE_COLUMNS, allocate, draw_sample, strata_sizes


def test_allocation_is_proportional_with_largest_remainders():
    assert allocate([5, 3, 2], 5) == [3, 1, 1]        # 2.5, 1.5, 1.0: the tie goes first
    assert allocate([258, 86, 62, 13, 8], 40) == [24, 8, 6, 1, 1]
    assert allocate([4, 0, 2], 30) == [4, 0, 2]       # never more than a stratum holds
    assert sum(allocate([7, 11, 13, 17], 19)) == 19


def test_a_sample_follows_the_strata_and_skips_floating_quotes(sample_base):
    quotes, documents = sample_base.quotes, sample_base.documents
    sample = draw_sample(quotes, documents, n=40, seed=7)
    assert list(sample.columns) == [*SAMPLE_COLUMNS, "outlet"]
    assert sample["item"].tolist() == list(range(1, 41))
    assert set(sample["kind"]) <= set(REVIEW_KINDS)
    sizes = strata_sizes(quotes, documents)
    assert sizes["n_population"].sum() == (quotes["kind"] != "floating").sum()
    drawn = sample.groupby(["kind", "outlet"]).size()
    expected = dict(zip(map(tuple, sizes[["kind", "outlet"]].values),
                        allocate(sizes["n_population"].tolist(), 40), strict=True))
    assert {k: v for k, v in expected.items() if v} == drawn.to_dict()
    picked = sample.merge(quotes, on=["doc_id", "cue_start", "cue_end"], how="left",
                          suffixes=("", "_q"))
    assert (picked["kind"] == picked["kind_q"]).all() and len(picked) == 40


def test_the_same_seed_gives_the_same_sample_whatever_the_row_order(sample_base):
    quotes, documents = sample_base.quotes, sample_base.documents
    first = draw_sample(quotes, documents, n=25, seed=3)
    shuffled = quotes.sample(frac=1, random_state=11).reset_index(drop=True)
    assert draw_sample(shuffled, documents, n=25, seed=3).equals(first)
    other = draw_sample(quotes, documents, n=25, seed=4)
    assert set(zip(other["doc_id"], other["cue_start"], strict=True)) != \
        set(zip(first["doc_id"], first["cue_start"], strict=True))


def test_simple_random_sampling_and_a_sample_larger_than_the_corpus(sample_base):
    quotes = sample_base.quotes
    everything = draw_sample(quotes, n=10_000, by=[], kinds=["cognitive"])
    assert len(everything) == (quotes["kind"] == "cognitive").sum()
    by_kind = draw_sample(quotes, n=12, by=["kind"])
    assert len(by_kind) == 12 and "outlet" not in by_kind.columns


def test_bad_requests_say_what_to_do(sample_base):
    quotes = sample_base.quotes
    with pytest.raises(ParameterError, match="needs documents"):
        draw_sample(quotes, n=5, by=["kind", "outlet"])
    with pytest.raises(ParameterError, match="floating"):
        draw_sample(quotes, n=5, by=[], kinds=["floating"])
    with pytest.raises(ParameterError, match="at least one"):
        draw_sample(quotes, n=0, by=[])
