"""Report kernels forked from one process that imported the notebooks' libraries and read the
shared analysis once (toolkit.report.forker), and the fallback to kernels started as new
interpreters."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import report
from toolkit.report import forker as forking
from toolkit.report import run as runner

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not forking.can_fork(), reason="no fork or pidfd_open here")]

# What the kernel had before the notebook's first import, and what it read.
PROBE_CELLS = [
    ("parameters", 'corpus = "data/sample"\noutput_dir = "output"\ncache: bool = True\n'),
    (None, "import os, sys\n"
           "had_pandas = 'pandas' in sys.modules\n"
           "from toolkit.report import load_and_analyze, save_table\n"
           "from toolkit.report import loading\n"
           "loaded = load_and_analyze(corpus, output_dir=output_dir, cache=cache)\n"
           "import pandas as pd\n"
           "save_table(pd.DataFrame([{'ppid': os.getppid(), 'had_pandas': had_pandas,\n"
           "    'preloaded': any(v is loaded for v in loading._PRELOADED.values()),\n"
           "    'cwd': os.getcwd(), 'documents': len(loaded.analysis.documents),\n"
           "    'attributions': len(loaded.attributions)}]), 'probe', output_dir=output_dir)\n"),
]


def _notebook(folder: Path, name: str, cells: list[tuple[str | None, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}",
                     "metadata": {"tags": [tag]} if tag else {}, "outputs": [],
                     "source": source} for i, (tag, source) in enumerate(cells)],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                      "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path = folder / f"{name}.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


@pytest.fixture
def probe(tmp_path, sample_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_path, corpus)
    notebooks = tmp_path / "notebooks"
    _notebook(notebooks, "probe", PROBE_CELLS)
    return corpus, notebooks


def _run(corpus: Path, notebooks: Path, out: Path):
    result = report.run_report(corpus, name="probe", out=out, notebooks_dir=notebooks,
                               notebooks=["probe"], quiet=True, jobs=1)
    table = (result.path / "tables" / "probe.csv").read_text(encoding="utf-8").splitlines()
    return result, dict(zip(table[0].split(","), table[1].split(","), strict=True))


def test_kernels_are_forked_with_the_libraries_and_the_analysis_already_read(probe,
                                                                             tmp_path,
                                                                             monkeypatch):
    corpus, notebooks = probe
    result, forked = _run(corpus, notebooks, tmp_path / "forked")
    assert result.status == "ok"
    # The kernel is not the runner's child but the forking process's, which had imported
    # pandas and read the analysis: the notebook found both in memory.
    assert int(forked["ppid"]) != os.getpid()
    assert forked["had_pandas"] == "True" and forked["preloaded"] == "True"
    # It runs in the notebook's own folder, as a kernel started the usual way does.
    assert Path(forked["cwd"]).name == "probe"

    monkeypatch.setenv(runner.FORK_VARIABLE, "0")
    result, started = _run(corpus, notebooks, tmp_path / "started")
    assert int(started["ppid"]) == os.getpid()
    assert started["had_pandas"] == "False" and started["preloaded"] == "False"
    # The same analysis either way.
    assert (forked["documents"], forked["attributions"]) == (
        started["documents"], started["attributions"])
    assert int(forked["documents"]) > 10


def test_a_failing_cell_in_a_forked_kernel_fails_the_run_as_usual(probe, tmp_path):
    from toolkit.errors import NotebookCellError

    corpus, notebooks = probe
    _notebook(notebooks, "broken", [PROBE_CELLS[0], (None, "1 / 0\n")])
    with pytest.raises(NotebookCellError, match="ZeroDivisionError"):
        report.run_report(corpus, name="broken", out=tmp_path / "out", notebooks_dir=notebooks,
                          notebooks=["broken"], quiet=True, jobs=1)


def test_a_cell_timeout_interrupts_a_forked_kernel(probe, tmp_path):
    from toolkit.errors import NotebookCellError

    corpus, notebooks = probe
    _notebook(notebooks, "slow", [PROBE_CELLS[0], (None, "import time\ntime.sleep(60)\n")])
    with pytest.raises(NotebookCellError, match=r"slow\.ipynb cell \d+: CellTimeoutError"):
        report.run_report(corpus, name="slow", out=tmp_path / "out", notebooks_dir=notebooks,
                          notebooks=["slow"], quiet=True, jobs=1, timeout=3)
    # The notebook kept with the failed run shows how far it went.
    [kept] = (tmp_path / "out" / "slow" / "_failed").iterdir()
    cells = json.loads((kept / "slow.ipynb").read_text(encoding="utf-8"))["cells"]
    assert cells[-1]["execution_count"] is not None


def test_kernels_start_as_usual_when_the_forking_process_is_gone(probe, tmp_path,
                                                                 monkeypatch):
    corpus, notebooks = probe
    started = []

    def dead_forker():
        forker = forking.KernelForker({**os.environ})
        forker._process.kill()
        forker._process.wait()
        started.append(forker)
        return forker

    monkeypatch.setattr(runner, "_start_forker", dead_forker)
    result, seen = _run(corpus, notebooks, tmp_path / "out")
    assert result.status == "ok" and int(seen["ppid"]) == os.getpid()
    assert started and not started[0].usable


def test_the_forker_stands_in_only_for_this_interpreters_ipykernel_launcher():
    forker = forking.KernelForker({**os.environ})
    try:
        assert forker.takes([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
        assert not forker.takes([sys.executable, "-c", "pass", "-f", "k.json"])
        assert not forker.takes(["/usr/bin/env", "-m", "ipykernel_launcher", "-f", "k.json"])
        assert not forker.takes([])
    finally:
        forker.close()
    assert not forker.takes([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert forker.fork([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"],
                       env={}, cwd=None, log=os.devnull) is None


def test_a_forked_kernel_is_followed_signalled_and_seen_to_end():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        kernel = forking.ForkedKernel(process.pid)
        assert kernel.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            kernel.wait(timeout=0.1)
        kernel.send_signal(signal.SIGTERM)
        assert kernel.wait(timeout=10) == 0 and kernel.poll() == 0
        kernel.kill()  # an ended kernel takes no more signals, and says nothing of it
    finally:
        process.kill()
        process.wait()
