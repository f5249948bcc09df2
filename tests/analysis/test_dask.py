"""The per-document passes on a Dask cluster give the tables of one process, byte for byte."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from toolkit.analysis import analyze
from toolkit.corpus import load
from toolkit.errors import ParameterError


def test_a_local_cluster_gives_identical_tables(sample_path):
    from dask.distributed import LocalCluster

    corpus = load(sample_path)
    serial = analyze(corpus, quiet=True)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster:
        on_dask = analyze(corpus, quiet=True, workers=2, scheduler=cluster.scheduler_address)
    for name in ("documents", "quotes", "mentions"):
        one, two = getattr(serial, name), getattr(on_dask, name)
        pd.testing.assert_frame_equal(one, two)
        assert one.to_csv(index=False) == two.to_csv(index=False)
        assert pickle.dumps(one) == pickle.dumps(two)
    assert len(serial.mentions) > 0 and len(serial.quotes) > 0


def test_a_scheduler_is_dask_or_an_address(sample_path):
    with pytest.raises(ParameterError, match="scheduler"):
        analyze(load(sample_path), scheduler="threads")
