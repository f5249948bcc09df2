"""What a run records about its source: the git commit of a checkout (none for an installed
package), and the report notebooks shipped as package data."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import toolkit
from toolkit.report import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR
from toolkit.report.manifest import PACKAGE_ROOT, git_commit

ROOT = Path(__file__).resolve().parents[2]


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), "-c", "user.name=Test",
                           "-c", "user.email=test@example.org", *args],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_commit_only_at_the_root_of_a_checkout(tmp_path):
    checkout = tmp_path / "checkout"
    installed = checkout / ".venv" / "lib" / "site-packages"
    installed.mkdir(parents=True)
    _git(checkout, "init", "-q")
    _git(checkout, "commit", "-q", "--allow-empty", "-m", "first")
    head = _git(checkout, "rev-parse", "HEAD")
    assert git_commit(checkout) == head and len(head) == 40
    # A package installed into a virtualenv that happens to live inside some checkout.
    assert git_commit(installed) is None
    assert git_commit(tmp_path / "plain") is None


def test_package_root_holds_the_toolkit_package():
    assert PACKAGE_ROOT == Path(toolkit.__file__).resolve().parents[1]


def test_report_notebooks_ship_as_package_data():
    package = Path(toolkit.__file__).resolve().parent
    assert NOTEBOOKS_DIR == package / "report" / "notebooks"
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = shipped["tool"]["setuptools"]["package-data"]["toolkit.report"]
    for name in DEFAULT_NOTEBOOKS:
        path = NOTEBOOKS_DIR / f"{name}.ipynb"
        assert path.is_file(), name
        relative = path.relative_to(package / "report").as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative
