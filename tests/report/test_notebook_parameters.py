"""The report notebooks declare their shared parameters alike: ``corpus``, ``output_dir``, the dates
and any parameter more than one notebook declares have the same annotation and default in every
notebook that declares them (and the four listed here are in every notebook)."""

from __future__ import annotations

from collections.abc import Mapping

import papermill
import pytest

from toolkit.report import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR

EVERY_NOTEBOOK = ("corpus", "output_dir", "date_from", "date_to")

Declarations = Mapping[str, Mapping[str, tuple[str, str]]]


def declarations(notebook: str) -> dict[str, tuple[str, str]]:
    """``{name: (annotation, default)}`` as written in the notebook's ``parameters`` cell."""
    found = papermill.inspect_notebook(str(NOTEBOOKS_DIR / f"{notebook}.ipynb"))
    return {name: (p["inferred_type_name"], p["default"]) for name, p in found.items()}


def disagreements(declared: Declarations) -> list[str]:
    """What breaks the agreement: a notebook lacking a parameter every notebook must declare,
    or a parameter declared differently by two notebooks."""
    problems = [f"{notebook} does not declare {name}" for notebook, params in declared.items()
                for name in EVERY_NOTEBOOK if name not in params]
    names = sorted({name for params in declared.values() for name in params})
    for name in names:
        forms = {notebook: params[name] for notebook, params in declared.items()
                 if name in params}
        if len(set(forms.values())) > 1:
            shown = "; ".join(f"{nb}: {name}: {ann} = {default}"
                              for nb, (ann, default) in forms.items())
            problems.append(f"{name} declared differently ({shown})")
    return problems


def test_report_notebooks_declare_shared_parameters_alike():
    declared = {notebook: declarations(notebook) for notebook in DEFAULT_NOTEBOOKS}
    assert disagreements(declared) == []
    shared = [n for n in declared["speakers"] if all(n in p for p in declared.values())]
    assert set(EVERY_NOTEBOOK) < set(shared)  # group_by, top_n, cache are shared too
    assert sum("lexicon" in p for p in declared.values()) == 2


@pytest.mark.parametrize(("declared", "problem"), [
    ({"a": {"corpus": ("str", '"x"'), "output_dir": ("str", '"o"'),
            "date_from": ("Optional[str]", "None"), "date_to": ("Optional[str]", "None"),
            "top_n": ("int", "10")},
      "b": {"corpus": ("str", '"x"'), "output_dir": ("str", '"o"'),
            "date_from": ("Optional[str]", "None"), "date_to": ("Optional[str]", "None"),
            "top_n": ("int", "20")}},
     'top_n declared differently (a: top_n: int = 10; b: top_n: int = 20)'),
    ({"a": {"corpus": ("str", '"x"'), "output_dir": ("str", '"o"'),
            "date_from": ("Optional[str]", "None"), "date_to": ("Optional[str]", "None")},
      "b": {"corpus": ("str", '"x"'), "output_dir": ("str", '"o"'),
            "date_from": ("str", '""'), "date_to": ("Optional[str]", "None")}},
     "date_from declared differently"),
    ({"a": {"corpus": ("str", '"x"'), "output_dir": ("str", '"o"'),
            "date_from": ("Optional[str]", "None")}},
     "a does not declare date_to"),
])
def test_disagreements_are_found(declared, problem):
    assert any(p.startswith(problem) for p in disagreements(declared))
