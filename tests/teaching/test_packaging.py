"""The sample corpus ships in the wheel as the data package ``toolkit.teaching.sample_corpus``
(mapped from ``data/sample``), and the explicit package list in pyproject.toml misses no package
of ``toolkit/``."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from toolkit.teaching import sample as sample_module
from toolkit.teaching import sample_corpus_path

ROOT = Path(__file__).resolve().parents[2]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"]


def test_every_package_of_toolkit_is_listed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "toolkit").rglob(
        "__init__.py")}
    listed = set(SETUPTOOLS["packages"])
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"
    assert set(SETUPTOOLS["package-data"]) <= listed


def test_the_sample_corpus_is_mapped_as_package_data():
    folder = ROOT / SETUPTOOLS["package-dir"]["toolkit.teaching.sample_corpus"]
    assert folder == ROOT / "data" / "sample"
    patterns = SETUPTOOLS["package-data"]["toolkit.teaching.sample_corpus"]
    shipped = {p for pattern in patterns for p in folder.glob(pattern)}
    assert shipped == {p for p in folder.rglob("*") if p.is_file()}


def test_an_installed_package_finds_its_own_copy(monkeypatch, tmp_path, sample_path):
    installed = tmp_path / "site-packages" / "toolkit" / "teaching"
    shutil.copytree(sample_path, installed / "sample_corpus")
    monkeypatch.setattr(sample_module, "__file__", str(installed / "sample.py"))
    monkeypatch.chdir(tmp_path)
    assert sample_corpus_path() == (installed / "sample_corpus").resolve()
