"""The tutorial notebooks and their model answers run top to bottom with the project's kernel.

Each notebook is its own test so that ``pytest -n 2`` spreads them over workers. A notebook runs
from a copy in a temporary folder, the way a student runs it from the tutorials folder, so what
it writes beside itself (tutorial 5's ``my_work/``) stays out of the checkout. A tutorial must
run with its exercises unanswered (the self-checks print a hint, they do not raise); a solution
notebook's self-checks must all print "Correct!"; no self-check cell shows a value (Out[...]).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from toolkit.report.kernel import execute_notebook

pytestmark = pytest.mark.slow

TUTORIALS = Path(__file__).resolve().parents[2] / "notebooks" / "tutorials"
SOLUTIONS = TUTORIALS / "solutions"
NAMES = sorted(p.name for p in TUTORIALS.glob("*.ipynb"))
KERNEL = "discourse-toolkit"


def _execute(notebook: Path, folder: Path) -> nbformat.NotebookNode:
    copy = folder / notebook.name
    shutil.copy(notebook, copy)
    out = folder / f"executed_{notebook.name}"
    execute_notebook(copy, out, kernel_name=KERNEL, cwd=folder, log=folder / "kernel.log")
    return nbformat.read(out, as_version=4)


def _self_checks(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if "self-check" in c.get("metadata", {}).get("tags", [])]


def _printed(cell: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def _shows_no_value(cell: nbformat.NotebookNode) -> bool:
    """No ``Out[...]`` under the cell: ``check`` prints its line and returns nothing."""
    return not any(o.get("output_type") == "execute_result" for o in cell.outputs)


def test_the_course_is_complete():
    assert NAMES == ["00_pandas.ipynb", "01_corpus.ipynb", "02_who_speaks.ipynb",
                     "03_reporting_verbs.ipynb", "04_framing.ipynb",
                     "05_your_own_report.ipynb"]
    assert sorted(p.name for p in SOLUTIONS.glob("*.ipynb")) == NAMES
    assert (TUTORIALS / "README.md").is_file()


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
def test_solution_is_the_tutorial_with_its_exercises_answered(name):
    tutorial = nbformat.read(TUTORIALS / name, as_version=4)
    solution = nbformat.read(SOLUTIONS / name, as_version=4)
    assert [c.id for c in solution.cells] == [c.id for c in tutorial.cells]
    title = tutorial.cells[0].source.split("\n", 1)[0]
    assert solution.cells[0].source.startswith(f"{title} (model answers)")
    for mine, model in zip(tutorial.cells[1:], solution.cells[1:], strict=True):
        if "self-check" in mine.metadata.get("tags", []):
            assert "answer = ...  # your code here" not in model.source
        else:
            assert model.source == mine.source, mine.id


@pytest.mark.parametrize("name", NAMES)
def test_tutorial_has_exercises_with_placeholders(name):
    nb = nbformat.read(TUTORIALS / name, as_version=4)
    checks = _self_checks(nb)
    assert len(checks) >= 2
    for cell in checks:
        assert "answer = ...  # your code here" in cell.source
        assert "check(" in cell.source


@pytest.mark.parametrize("name", NAMES)
def test_tutorial_runs_with_exercises_unanswered(name, tmp_path):
    nb = _execute(TUTORIALS / name, tmp_path)
    checks = _self_checks(nb)
    assert checks and all(_printed(c).startswith("Not answered yet:") for c in checks)
    assert all(_shows_no_value(c) for c in checks)
    if name == "05_your_own_report.ipynb":
        _assert_report_beside_the_notebook(nb, tmp_path)


@pytest.mark.parametrize("name", NAMES)
def test_solution_runs_and_every_check_is_correct(name, tmp_path):
    nb = _execute(SOLUTIONS / name, tmp_path)
    checks = _self_checks(nb)
    assert checks and all(_printed(c).strip().endswith("Correct!") for c in checks), \
        [_printed(c) for c in checks]
    assert all(_shows_no_value(c) for c in checks)


def _assert_report_beside_the_notebook(nb: nbformat.NotebookNode, folder: Path) -> None:
    """Tutorial 5 writes its report under my_work/ beside the notebook and links it by a path
    relative to the notebook's folder (not a file:// address)."""
    runs = [p.parent for p in (folder / "my_work" / "reports").rglob("index.html")]
    assert len(runs) == 1
    link = next(c for c in nb.cells if c.id == "05-12")
    html = "".join(o["data"]["text/html"] for o in link.outputs if "text/html" in o.get("data", {}))
    relative = (runs[0] / "index.html").relative_to(folder).as_posix()
    assert f"href='{relative}'" in html
    assert "file://" not in html
