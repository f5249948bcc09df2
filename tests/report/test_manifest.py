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


def test_corpus_hashes_kept_read_only_new_and_changed_files(tmp_path, monkeypatch):
    import hashlib
    import os

    from toolkit.report import manifest

    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("first article", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("second article", encoding="utf-8")
    cache = tmp_path / "cache"
    plain = manifest.corpus_hashes(corpus)
    assert plain == {"a.txt": hashlib.sha256(b"first article").hexdigest(),
                     "sub/b.txt": hashlib.sha256(b"second article").hexdigest()}
    assert manifest.corpus_hashes(corpus, cache=cache) == plain
    read = []
    real = manifest.sha256_file
    monkeypatch.setattr(manifest, "sha256_file", lambda path: read.append(path.name) or real(path))
    assert manifest.corpus_hashes(corpus, cache=cache) == plain and read == []
    # A new file and a rewritten one (same size, new times) are read; the other is not.
    (corpus / "c.txt").write_text("third", encoding="utf-8")
    (corpus / "a.txt").write_text("FIRST article", encoding="utf-8")
    os.utime(corpus / "a.txt", ns=(10**18, 10**18))
    hashes = manifest.corpus_hashes(corpus, cache=cache)
    assert sorted(read) == ["a.txt", "c.txt"]
    assert hashes == manifest.corpus_hashes(corpus) and hashes["a.txt"] != plain["a.txt"]
    # A single corpus file is keyed by its name.
    assert manifest.corpus_hashes(corpus / "c.txt", cache=cache) == {
        "c.txt": hashlib.sha256(b"third").hexdigest()}
