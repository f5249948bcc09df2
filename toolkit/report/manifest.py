"""What a report run records about itself: input hashes, versions, and the fingerprint that
``--skip-if-unchanged`` compares."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.cache import LEXICON_DIR

__all__ = ["KEY_PACKAGES", "PACKAGE_ROOT", "sha256_file", "corpus_hashes", "lexicon_hashes",
           "source_hash", "package_versions", "git_commit", "environment", "fingerprint",
           "write_json", "read_json"]

KEY_PACKAGES = ("pandas", "nltk", "matplotlib", "seaborn", "papermill", "nbconvert")
# The folder holding the ``toolkit`` package: the root of a source checkout, or site-packages
# when the toolkit is installed (then there is no commit to record).
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus_hashes(corpus: Path, *, cache: Any = False) -> dict[str, str]:
    """``{relative path: sha256}`` of the corpus file, or of every file under the folder.

    With ``cache`` (``True``: the default cache folder, or a cache folder) the hashes are kept
    there with each file's size, modification and change times: a file whose three are those
    of the last call is not read again (a scheduled report over a growing archive hashes only
    the new and changed files)."""
    corpus = Path(corpus)
    files = [corpus] if corpus.is_file() else _files(corpus)
    names = [corpus.name] if corpus.is_file() else [p.relative_to(corpus).as_posix()
                                                    for p in files]
    if not cache:
        return {name: sha256_file(p) for name, p in zip(names, files, strict=True)}
    from toolkit.cache import store_value, stored_value

    cache_dir = None if cache is True else cache
    key = os.fspath(corpus.resolve())
    found, known = stored_value("file-hashes", key, cache_dir=cache_dir)
    known = known if found and isinstance(known, dict) else {}
    hashes: dict[str, str] = {}
    state: dict[str, tuple] = {}
    for name, path in zip(names, files, strict=True):
        info = path.stat()
        stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        before = known.get(name)
        digest = before[1] if before is not None and before[0] == stamp else sha256_file(path)
        hashes[name], state[name] = digest, (stamp, digest)
    if state != known:
        store_value("file-hashes", key, state, cache_dir=cache_dir)
    return hashes


def lexicon_hashes(folder: Path = LEXICON_DIR) -> dict[str, str]:
    """``{file name: sha256}`` of every lexicon data file (Python files excluded)."""
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in _files(folder)
            if p.suffix not in (".py", ".pyc")}


def source_hash(folder: Path = LEXICON_DIR.parent) -> str:
    """One SHA-256 over the toolkit's own Python source files, so that a code change (even
    without a version bump) makes ``--skip-if-unchanged`` run again."""
    digest = hashlib.sha256()
    for p in _files(folder):
        if p.suffix == ".py":
            digest.update(p.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(p.read_bytes())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                  key=lambda p: p.relative_to(folder).as_posix())


def package_versions(names: Iterable[str] = KEY_PACKAGES) -> dict[str, str | None]:
    """Installed versions of the packages that shape the results (None when absent)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def git_commit(folder: Path = PACKAGE_ROOT) -> str | None:
    """The checked-out commit of the toolkit's source tree, or None when ``folder`` is not the
    root of a git checkout (an installed package, even one in a virtualenv that lives inside
    some other checkout) or git is not available."""
    if not (folder / ".git").exists():  # a folder in a clone, a file in a worktree
        return None
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def environment() -> dict[str, Any]:
    """Toolkit, Python and key package versions, and the git commit."""
    return {"toolkit_version": __version__, "python": platform.python_version(),
            "packages": package_versions(), "git_commit": git_commit()}


def fingerprint(inputs: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of everything a run's results depend on."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write indented, key-sorted JSON with a final newline, via a temporary file."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    os.replace(temp, path)


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object from ``path``, or None when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
