"""A per-document result cache, so repeated runs over a growing corpus redo only new documents.

``cached_map(func, documents, namespace=..., key_extra=...)`` returns ``func(doc)`` for every
document, reading a stored result when one exists for the same document, toolkit version,
namespace and ``key_extra`` (pass the lexicon fingerprint there: see :func:`lexicon_fingerprint`).

Each result is one pickle file named by its key, under ``CACHE_DIR/NAMESPACE/``. Files are
written to a temporary name and renamed into place, so concurrent writers never leave a torn
file; an unreadable entry is recomputed and replaced. The folder is, in order of precedence, the
``cache_dir`` argument, the ``TOOLKIT_CACHE_DIR`` environment variable, or
``$XDG_CACHE_HOME/discourse-toolkit`` (``~/.cache/discourse-toolkit``). Results are pickles:
point the cache only at a folder you trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from toolkit import __version__, lexicons
from toolkit.errors import ParameterError

__all__ = ["cached_map", "resolve_cache_dir", "document_key", "lexicon_fingerprint", "CACHE_ENV"]

CACHE_ENV = "TOOLKIT_CACHE_DIR"
LEXICON_DIR = lexicons.FOLDER
_NAMESPACE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Document fields that feed per-document work (cleaning uses the title, records carry the id).
_DOCUMENT_FIELDS = ("doc_id", "title", "outlet", "date", "author", "url", "text")

T = TypeVar("T")
R = TypeVar("R")


def resolve_cache_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: ``path`` if given, else ``$TOOLKIT_CACHE_DIR``, else the user cache."""
    if path is not None:
        return Path(path)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "discourse-toolkit"


def document_key(doc: Any) -> str:
    """SHA-256 of what a per-document result depends on: a string itself, or a document's
    id, metadata and text."""
    if isinstance(doc, str):
        payload = doc
    else:
        payload = json.dumps({f: getattr(doc, f, None) for f in _DOCUMENT_FIELDS},
                             sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def lexicon_fingerprint(folder: str | os.PathLike[str] = LEXICON_DIR) -> str:
    """SHA-256 over the names and bytes of every lexicon data file (code files excluded)."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cached_map(func: Callable[[T], R], documents: Iterable[T], *, namespace: str,
               key_extra: str = "", cache_dir: str | os.PathLike[str] | None = None) -> list[R]:
    """``[func(doc) for doc in documents]``, reusing results stored by earlier calls.

    ``namespace`` names the task (``"quotes"``); ``key_extra`` holds anything else the result
    depends on (options, a lexicon fingerprint). The toolkit version is always part of the key.
    """
    folder = _namespace_folder(namespace, cache_dir)
    salt = f"{namespace}\0{__version__}\0{key_extra}\0"
    results = []
    for doc in documents:
        key = hashlib.sha256((salt + document_key(doc)).encode("utf-8")).hexdigest()
        results.append(_get_or_compute(folder / f"{key}.pickle", func, doc))
    return results


def _namespace_folder(namespace: str, root: str | os.PathLike[str] | None) -> Path:
    if not _NAMESPACE.match(namespace):
        raise ParameterError(f"cache namespace {namespace!r} must be letters, digits, '_', '.' "
                             "or '-'")
    return resolve_cache_dir(root) / namespace


def _get_or_compute(path: Path, func: Callable[[T], R], doc: T) -> R:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # missing, torn or stale: compute it and store it
    result = func(doc)
    _store(path, result)
    return result


def _store(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
