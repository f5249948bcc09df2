"""The setup route without make that the teacher's guide documents (notebooks/tutorials/
README.md): a clean virtual environment, ``pip install`` of the project with the pinned
constraints (not editable), the kernel registered with ``ipykernel install --user``, and a
tutorial executed with papermill on that kernel from a folder outside the checkout, so the
sample corpus and the exercise checks come from the installed package alone.

The kernel is registered into a Jupyter data folder inside the test's temporary folder
(``JUPYTER_DATA_DIR``), so the test never replaces a kernel of the machine. ``--no-compile``
only skips writing bytecode at install time, which keeps the test near a minute.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
KERNEL = "discourse-toolkit"
SOURCES = ["pyproject.toml", "README.md", "constraints.txt", "toolkit", "data/sample"]
TUTORIAL = ROOT / "notebooks" / "tutorials" / "solutions" / "01_corpus.ipynb"


def _run(args: list[str], *, env: dict[str, str], cwd: Path, timeout: float = 900
         ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def _project_copy(folder: Path) -> Path:
    """The files a student downloads: the project without caches, venvs or build folders."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        source, target = ROOT / name, folder / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return folder


def test_pip_route_installs_and_runs_a_tutorial_on_the_installed_kernel(tmp_path):
    project = _project_copy(tmp_path / "discourse-toolkit")
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_PATH",
                        "TOOLKIT_SAMPLE_CORPUS"}}
    env["JUPYTER_DATA_DIR"] = str(tmp_path / "jupyter")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

    _run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-c",
          "constraints.txt", "."], env=env, cwd=project)
    _run([str(python), "-m", "ipykernel", "install", "--user", "--name", KERNEL,
          "--display-name", "Python (discourse-toolkit)"], env=env, cwd=project)
    spec = json.loads((tmp_path / "jupyter" / "kernels" / KERNEL / "kernel.json").read_text())
    assert Path(spec["argv"][0]) == python

    classroom = tmp_path / "classroom"
    classroom.mkdir()
    found = _run([str(python), "-c", "from toolkit.teaching import sample_corpus_path; "
                  "print(sample_corpus_path())"], env=env, cwd=classroom)
    sample = Path(found.stdout.strip())
    assert sample.is_relative_to(venv.resolve()) and sample.name == "sample_corpus"

    shutil.copy(TUTORIAL, classroom / TUTORIAL.name)
    _run([str(python), "-m", "papermill", TUTORIAL.name, "executed.ipynb", "-k", KERNEL,
          "--cwd", str(classroom), "--no-progress-bar"], env=env, cwd=classroom, timeout=600)
    nb = nbformat.read(classroom / "executed.ipynb", as_version=4)
    checks = [c for c in nb.cells if "self-check" in c.metadata.get("tags", [])]
    printed = ["".join(o.get("text", "") for o in c.outputs) for c in checks]
    assert len(checks) == 3 and all(text.strip().endswith("Correct!") for text in printed), printed
    assert nb.metadata.kernelspec.name == KERNEL
