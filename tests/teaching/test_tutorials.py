"""The tutorial notebooks and their model answers run top to bottom with the project's kernel.

Each notebook is its own test so that ``pytest -n 2`` spreads them over workers. A tutorial
must run with its exercises unanswered (the self-checks print a hint, they do not raise); a
solution notebook's self-checks must all print "Correct".
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

TUTORIALS = Path(__file__).resolve().parents[2] / "notebooks" / "tutorials"
SOLUTIONS = TUTORIALS / "solutions"
NAMES = sorted(p.name for p in TUTORIALS.glob("*.ipynb"))
KERNEL = "discourse-toolkit"


def _execute(notebook: Path, tmp_path: Path) -> nbformat.NotebookNode:
    papermill = pytest.importorskip("papermill")
    out = tmp_path / notebook.name
    papermill.execute_notebook(str(notebook), str(out), kernel_name=KERNEL,
                               cwd=str(notebook.parent), progress_bar=False)
    return nbformat.read(out, as_version=4)


def _check_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """The printed text of every self-check cell, in order."""
    texts = []
    for cell in nb.cells:
        if "self-check" in cell.get("metadata", {}).get("tags", []):
            texts.append("".join(o.get("text", "") for o in cell.outputs
                                 if o.get("output_type") == "stream"))
    return texts


def test_the_course_is_complete():
    assert NAMES == ["00_pandas.ipynb", "01_corpus.ipynb", "02_who_speaks.ipynb",
                     "03_reporting_verbs.ipynb", "04_framing.ipynb",
                     "05_your_own_report.ipynb"]
    assert sorted(p.name for p in SOLUTIONS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("folder", [TUTORIALS, SOLUTIONS], ids=["tutorial", "solution"])
@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs_on_the_project_kernel(folder, name):
    nb = nbformat.read(folder / name, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == KERNEL
    assert nb.metadata.kernelspec.display_name == "Python (discourse-toolkit)"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert nb.cells[0].cell_type == "markdown"
    assert "Learning goals" in nb.cells[0].source and "Class time" in nb.cells[0].source


@pytest.mark.parametrize("name", NAMES)
def test_tutorial_has_exercises_with_placeholders(name):
    nb = nbformat.read(TUTORIALS / name, as_version=4)
    checks = [c for c in nb.cells if "self-check" in c.metadata.get("tags", [])]
    assert len(checks) >= 2
    for cell in checks:
        assert "answer = ...  # your code here" in cell.source
        assert "check(" in cell.source


@pytest.mark.parametrize("name", NAMES)
def test_tutorial_runs_with_exercises_unanswered(name, tmp_path):
    nb = _execute(TUTORIALS / name, tmp_path)
    outputs = _check_outputs(nb)
    assert outputs and all(text.startswith("Not answered yet:") for text in outputs), outputs


@pytest.mark.parametrize("name", NAMES)
def test_solution_runs_and_every_check_is_correct(name, tmp_path):
    nb = _execute(SOLUTIONS / name, tmp_path)
    outputs = _check_outputs(nb)
    assert outputs and all("Correct!" in text for text in outputs), outputs
