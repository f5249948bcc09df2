"""``notebooks/explore.ipynb`` runs top to bottom on the project's kernel, shows the explorers
and the review loop, and leaves plain tables for an HTML export made without widget state."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from toolkit.report.kernel import execute_notebook
from toolkit.review import open_review

pytestmark = pytest.mark.slow

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"
KERNEL = "discourse-toolkit"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_committed_without_outputs_on_the_project_kernel():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == KERNEL
    assert all(c.outputs == [] and c.execution_count is None
               for c in nb.cells if c.cell_type == "code")
    parameters = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and 'corpus: str = "../data/sample"' in parameters[0].source


def _outputs(nb, call: str) -> list:
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and call in c.source]
    return cell.outputs


def test_the_notebook_runs_on_the_sample_corpus(sample_path, tmp_path):
    executed = tmp_path / "explore.ipynb"
    review_folder = tmp_path / "review"
    execute_notebook(
        NOTEBOOK, executed, kernel_name=KERNEL, cwd=tmp_path, log=tmp_path / "kernel.log",
        parameters={"corpus": str(sample_path), "review_folder": str(review_folder),
                    "review_size": 10})
    nb = nbformat.read(executed, as_version=4)

    shown = {}
    for call in ("speaker_explorer(", "term_explorer(", "review_widget("):
        (result,) = [o for o in _outputs(nb, call) if o.output_type == "execute_result"]
        assert WIDGET_VIEW in result.data, call
        shown[call] = result.data["text/html"]
    assert "<table" in shown["speaker_explorer("] and "Tomas Varga" in shown["speaker_explorer("]
    assert "Concordance of frame:threat" in shown["term_explorer("]
    assert "Item 1 of 10" in shown["review_widget("]

    review = open_review(review_folder)
    assert len(review.sample) == 10 and review.pending() == list(range(1, 11))
    printed = "".join(o.get("text", "") for o in _outputs(nb, "summary_text("))
    assert "reviewed 0 of 10 sampled attributions (10 to go)" in printed

    # Saved from JupyterLab (which keeps no widget state by default) and exported to HTML:
    # the explorers leave their plain tables on the page.
    from nbconvert import HTMLExporter

    nb.metadata.pop("widgets", None)
    page, _ = HTMLExporter().from_notebook_node(nb)
    assert page.count("Static view of the explorer") == 2
    assert "Concordance of frame:threat" in page and "Item 1 of 10" in page
