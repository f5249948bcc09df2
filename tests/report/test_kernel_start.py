"""A report kernel that fails to start is started again; one that never starts is a
:class:`~toolkit.errors.KernelError` that quotes what the kernel printed."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from toolkit import report
from toolkit.errors import KernelError

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"

# Dies with a message on its first start (leaving a marker file), runs ipykernel afterwards.
FLAKY = """
import os, runpy, sys
marker = sys.argv[1]
if not os.path.exists(marker):
    open(marker, "w").close()
    sys.stderr.write("first start fails on purpose\\n")
    sys.exit(3)
sys.argv = ["ipykernel_launcher", "-f", sys.argv[3]]
runpy.run_module("ipykernel_launcher", run_name="__main__")
"""

DEAD = "import sys; sys.stderr.write('this kernel never starts\\n'); sys.exit(3)"


def _register(tmp_path: Path, monkeypatch, name: str, argv: list[str]) -> str:
    folder = tmp_path / "jupyter" / "kernels" / name
    folder.mkdir(parents=True)
    spec = {"argv": argv, "display_name": name, "language": "python"}
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return name


@pytest.fixture
def small_corpus(sample_path, tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(sample_path, folder)
    return folder


def test_a_kernel_that_dies_at_start_is_started_again(small_corpus, tmp_path, monkeypatch):
    marker = tmp_path / "started-once"
    name = _register(tmp_path, monkeypatch, "flaky-start",
                     [sys.executable, "-c", FLAKY, str(marker), "-f", "{connection_file}"])
    result = report.run_report(small_corpus, name="news", out=tmp_path / "reports",
                               notebooks_dir=FIXTURES, notebooks=["outlets"], kernel_name=name,
                               quiet=True, jobs=1)
    assert result.status == "ok" and marker.exists()
    [entry] = result.manifest["notebooks"]
    assert entry["status"] == "ok" and entry["failed_kernel_starts"] == 1
    assert entry["tables"] and entry["figures"] == ["documents_by_outlet.png"]
    assert (result.path / "figures" / "documents_by_outlet.png").is_file()


def test_a_kernel_that_never_starts_names_what_it_printed(small_corpus, tmp_path, monkeypatch):
    name = _register(tmp_path, monkeypatch, "dead-start",
                     [sys.executable, "-c", DEAD, "-f", "{connection_file}"])
    with pytest.raises(KernelError, match="outlets.ipynb did not start") as caught:
        report.run_report(small_corpus, name="news", out=tmp_path / "reports",
                          notebooks_dir=FIXTURES, notebooks=["outlets"], kernel_name=name,
                          quiet=True, jobs=1)
    message = str(caught.value)
    assert "3 attempts" in message and "this kernel never starts" in message
    failed = list((tmp_path / "reports" / "news" / "_failed").iterdir())
    assert len(failed) == 1
    manifest = json.loads((failed[0] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed" and manifest["error"]["ename"] == "KernelError"
