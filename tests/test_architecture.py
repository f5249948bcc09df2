"""The package tree is the architecture: each layer imports only the layers before it, and each
package's docstring names every module in it, so the tree and the docs cannot drift apart."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import toolkit

PACKAGE = Path(toolkit.__file__).resolve().parent

# The data flow, first to last. Modules of a layer import only modules of earlier layers or
# their own package; the foundation (errors, lexicons, cache, progress bars, the version) is
# open to all.
LAYERS = (
    ("foundation", ("toolkit", "toolkit.errors", "toolkit.lexicons", "toolkit.cache",
                    "toolkit.progress")),
    ("corpus", ("toolkit.corpus",)),
    ("attribution", ("toolkit.attribution",)),
    ("analysis", ("toolkit.analysis",)),
    ("presentation", ("toolkit.plots", "toolkit.highlight")),
    ("report", ("toolkit.report",)),
    ("interfaces", ("toolkit.teaching", "toolkit.explore", "toolkit.review")),
    ("command line", ("toolkit.cli",)),
    ("entry point", ("toolkit.__main__",)),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _owner(name: str) -> tuple[int, str]:
    """(layer index, top-level unit) of a module name: the longest matching prefix wins."""
    best = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and \
                    (best is None or len(prefix) > len(best[1])):
                best = (index, prefix)
    assert best is not None, name
    return best


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "toolkit")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.split(".")[0] == "toolkit":
            found.add(node.module)
            for alias in node.names:  # ``from toolkit.analysis import speakers`` names a module
                candidate = f"{node.module}.{alias.name}"
                if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").exists() \
                        or (PACKAGE.parent / candidate.replace(".", "/")).is_dir():
                    found.add(candidate)
    return found


SOURCES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_each_module_imports_only_earlier_layers(path):
    name = _module_name(path)
    layer, unit = _owner(name)
    wrong = []
    for imported in sorted(_imports(path)):
        other_layer, other_unit = _owner(imported)
        if other_layer > layer or (other_layer == layer and other_unit != unit and layer > 0):
            wrong.append(f"{imported} ({LAYERS[other_layer][0]})")
    assert not wrong, f"{name} ({LAYERS[layer][0]}) imports later layers: {', '.join(wrong)}"


def _packages() -> list[str]:
    names = ["toolkit"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="toolkit."):
        if info.ispkg:
            names.append(info.name)
    return names


@pytest.mark.parametrize("package", _packages())
def test_package_docstring_names_every_module(package):
    module = importlib.import_module(package)
    doc = module.__doc__ or ""
    folder = Path(module.__file__).parent
    children = [p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")]
    children += [p.name for p in folder.iterdir() if (p / "__init__.py").exists()]
    if package == "toolkit.lexicons":
        children = []  # data files; the loader is the package itself
    missing = [c for c in sorted(children) if c not in doc]
    assert not missing, f"{package}'s docstring does not mention: {', '.join(missing)}"


def test_every_public_module_declares_its_exports():
    lacking = []
    for path in SOURCES:
        name = _module_name(path)
        if path.stem.startswith("_") and path.stem != "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        has_all = any(isinstance(n, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets) for n in tree.body)
        defines = any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")
                      for n in tree.body)
        if defines and not has_all:
            lacking.append(name)
    assert not lacking, f"modules without __all__: {', '.join(lacking)}"
