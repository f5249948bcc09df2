"""A per-document result cache, so repeated runs over a growing corpus redo only new documents.

``cached_map(func, documents, namespace=..., key_extra=...)`` returns ``func(doc)`` for every
document, reading a stored result when one exists for the same document, toolkit version and
source code, namespace and ``key_extra`` (pass the lexicon fingerprint there: see
:func:`lexicon_fingerprint`). The source code counts through :func:`source_fingerprint`, a hash
of the toolkit's own ``.py`` files taken once per process, so a fix released under the same
version number never serves results of the old code.

Each result is one file named by its key, under ``CACHE_DIR/NAMESPACE/``: a header, the SHA-256
of the pickled result, and the pickle. The checksum is verified before anything is unpickled;
an entry that is missing, torn, altered (even one bit) or unreadable is a miss: the result is
computed again and the entry rewritten. Files are written to a temporary name and renamed into
place, so concurrent writers never leave a torn file. A cache folder that cannot be created or
written does not stop the work: entries already there are still used (read-only), new results
are computed and not stored, and one warning says so.

The folder is, in order of precedence, the ``cache_dir`` argument, the ``TOOLKIT_CACHE_DIR``
environment variable, or ``$XDG_CACHE_HOME/discourse-toolkit`` (``~/.cache/discourse-toolkit``).
Results are pickles: point the cache only at a folder you trust.

``cached_value(namespace, key, compute)`` stores one value the same way under any key the caller
builds (the corpus loader keys its scan by the corpus files' paths, sizes and modification
times); the toolkit version and source hash are part of that key too.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import warnings
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from toolkit import __version__, lexicons
from toolkit.errors import ParameterError

__all__ = ["cached_map", "cached_value", "stored_value", "store_value", "resolve_cache_dir", "document_key", "lexicon_fingerprint",
           "source_fingerprint", "read_entry", "write_entry", "CACHE_ENV"]

CACHE_ENV = "TOOLKIT_CACHE_DIR"
LEXICON_DIR = lexicons.FOLDER
SOURCE_DIR = Path(__file__).resolve().parent
_NAMESPACE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Document fields that feed per-document work (cleaning uses the title, records carry the id).
_DOCUMENT_FIELDS = ("doc_id", "title", "outlet", "date", "author", "url", "text")
_REMEMBERED_KEY = "_document_key"
_MAGIC = b"toolkit-cache-1\n"
_DIGEST = hashlib.sha256().digest_size
_PIECE = 1 << 20  # bytes read at a time when an entry is checked
# Cache roots whose writes failed in this process: warned about once, not written again.
_UNWRITABLE: set[Path] = set()

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
        return hashlib.sha256(doc.encode("utf-8")).hexdigest()
    # A frozen dataclass (a Document) cannot change its fields: its key is computed once and
    # kept in the instance, as the analyses of one run ask for it several times.
    state = getattr(doc, "__dict__", None)
    frozen = state is not None and getattr(getattr(doc, "__dataclass_params__", None),
                                           "frozen", False)
    if frozen and _REMEMBERED_KEY in state:
        return state[_REMEMBERED_KEY]
    # Each field as its kind, its length and its bytes (the text is not escaped into JSON
    # first: that took four times as long as hashing it).
    digest = hashlib.sha256()
    for name in _DOCUMENT_FIELDS:
        value = getattr(doc, name, None)
        if value is None:
            digest.update(b"n;")
            continue
        kind, data = (b"s", value.encode("utf-8", "surrogatepass")) if isinstance(value, str) \
            else (b"j", json.dumps(value, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"%s%d:" % (kind, len(data)))
        digest.update(data)
    key = digest.hexdigest()
    if frozen:
        state[_REMEMBERED_KEY] = key
    return key


def lexicon_fingerprint(folder: str | os.PathLike[str] = LEXICON_DIR) -> str:
    """SHA-256 over the names and bytes of every lexicon data file (code files excluded)."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def source_fingerprint(folder: str | os.PathLike[str] | None = None) -> str:
    """SHA-256 over the names and bytes of the ``.py`` files under ``folder`` (by default the
    toolkit's own package, hashed once per process)."""
    if folder is None:
        return _own_source_fingerprint()
    root = Path(folder)
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _own_source_fingerprint() -> str:
    return source_fingerprint(SOURCE_DIR)


def cached_map(func: Callable[[T], R], documents: Iterable[T], *, namespace: str,
               key_extra: str = "", cache_dir: str | os.PathLike[str] | None = None) -> list[R]:
    """``[func(doc) for doc in documents]``, reusing results stored by earlier calls.

    ``namespace`` names the task (``"quotes"``); ``key_extra`` holds anything else the result
    depends on (options, a lexicon fingerprint). The toolkit version and a hash of its source
    files are always part of the key.
    """
    root = resolve_cache_dir(cache_dir)
    folder = _namespace_folder(namespace, root)
    salt = f"{namespace}\0{__version__}\0{source_fingerprint()}\0{key_extra}\0"
    results = []
    for doc in documents:
        key = hashlib.sha256((salt + document_key(doc)).encode("utf-8")).hexdigest()
        results.append(_get_or_compute(folder / f"{key}.pickle", func, doc, root))
    return results


def cached_value(namespace: str, key: str, compute: Callable[[], R], *,
                 cache_dir: str | os.PathLike[str] | None = None, tables: bool = False) -> R:
    """The value stored under ``namespace`` and ``key`` by an earlier call, or ``compute()``
    (then stored). The toolkit version and source hash are added to ``key``. ``tables``: the
    value is large tables (data frames, arrays) that hold no object twice; it is stored without
    the pickler's record of the objects written, which would keep a serialised copy of every
    column in memory until the whole value is written."""
    root = resolve_cache_dir(cache_dir)
    return _get_or_compute(_value_path(namespace, key, root), lambda _: compute(), None, root,
                           memo=not tables)


def stored_value(namespace: str, key: str, *,
                 cache_dir: str | os.PathLike[str] | None = None) -> tuple[bool, Any]:
    """``(True, value)`` when :func:`cached_value` or :func:`store_value` has stored a value
    under ``namespace`` and ``key``, else ``(False, None)``; nothing is computed."""
    return _load(_value_path(namespace, key, resolve_cache_dir(cache_dir)))


def store_value(namespace: str, key: str, value: Any, *,
                cache_dir: str | os.PathLike[str] | None = None) -> None:
    """Store ``value`` under ``namespace`` and ``key``, in place of any value stored there
    (:func:`stored_value` reads it). A cache folder that cannot be written is warned about
    once, as :func:`cached_value` does."""
    root = resolve_cache_dir(cache_dir)
    _store_unless_unwritable(_value_path(namespace, key, root), value, root, stacklevel=3)


def read_entry(path: str | os.PathLike[str]) -> tuple[bool, Any]:
    """``(True, value)`` of a file :func:`write_entry` wrote; ``(False, None)`` when it is
    missing, torn or altered (as a cache entry is read)."""
    return _load(Path(path))


def write_entry(path: str | os.PathLike[str], value: Any) -> None:
    """Write ``value`` to the file ``path`` as a cache entry is written: whole or not at all
    (raises ``OSError`` when it cannot be written)."""
    _store(Path(path), value)


def _value_path(namespace: str, key: str, root: Path) -> Path:
    salted = f"{namespace}\0{__version__}\0{source_fingerprint()}\0{key}"
    name = hashlib.sha256(salted.encode("utf-8")).hexdigest()
    return _namespace_folder(namespace, root) / f"{name}.pickle"


def _namespace_folder(namespace: str, root: Path) -> Path:
    if not _NAMESPACE.match(namespace):
        raise ParameterError(f"cache namespace {namespace!r} must be letters, digits, '_', '.' "
                             "or '-'")
    return root / namespace


def _get_or_compute(path: Path, func: Callable[[T], R], doc: T, root: Path, *,
                    memo: bool = True) -> R:
    found, value = _load(path)
    if found:
        return value
    result = func(doc)
    _store_unless_unwritable(path, result, root, stacklevel=4, memo=memo)
    return result


def _store_unless_unwritable(path: Path, value: Any, root: Path, *, stacklevel: int,
                             memo: bool = True) -> None:
    """Store ``value`` at ``path`` unless writing under ``root`` failed before; a first failure
    is warned about (``stacklevel``: pointing at the caller of the public function) and
    remembered."""
    if root in _UNWRITABLE:
        return
    try:
        _store(path, value, memo=memo)
    except OSError as exc:
        _UNWRITABLE.add(root)
        warnings.warn(f"the cache folder {root} cannot be written ({exc.strerror or exc}): "
                      "results are computed but not stored; set TOOLKIT_CACHE_DIR to a "
                      "writable folder", RuntimeWarning, stacklevel=stacklevel)


def _load(path: Path) -> tuple[bool, Any]:
    """``(True, value)`` for an intact entry; ``(False, None)`` for a missing, torn, altered
    or unreadable one. The file is read twice, a piece at a time (its digest is checked, then
    it is unpickled from the file): a large entry is never held whole as bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + _DIGEST)
            if len(head) < len(_MAGIC) + _DIGEST or not head.startswith(_MAGIC):
                return False, None
            digest = hashlib.sha256()
            while piece := handle.read(_PIECE):
                digest.update(piece)
            if digest.digest() != head[len(_MAGIC):]:
                return False, None
            handle.seek(len(head))
            try:
                return True, pickle.load(handle)
            except Exception:  # any unreadable entry is a miss: computed again and replaced
                return False, None
    except OSError:
        return False, None


class _HashingWriter:
    """A file writer that hashes what goes through it."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.digest = hashlib.sha256()

    def write(self, data: Any) -> int:
        self.digest.update(data)
        return self.out.write(data)


def _table_reducers() -> dict:
    """The pickler's reducers for stored tables: pandas' own for its Arrow-backed columns
    (text columns among them) first joins each column's pieces into a new one, a copy of the
    column held until it is written (106 MB for the contents of 963,000 attributions); these
    write the pieces as they are, and :func:`_arrow_column` makes the same column again."""
    import copyreg

    table = dict(copyreg.dispatch_table)
    try:
        from pandas.arrays import ArrowExtensionArray
    except ImportError:  # pragma: no cover - pandas without pyarrow support
        return table
    kinds, found = [ArrowExtensionArray], []
    while kinds:
        kind = kinds.pop()
        found.append(kind)
        kinds.extend(kind.__subclasses__())
    for kind in found:
        table[kind] = _reduce_arrow_column
    return table


def _reduce_arrow_column(column: Any) -> tuple:
    state = column.__dict__.copy()
    state["_cache"] = {}  # values computed from the column, made again when asked for
    return _arrow_column, (type(column), state)


def _arrow_column(kind: type, state: dict) -> Any:
    """A column reduced by :func:`_reduce_arrow_column`, made again as pandas unpickles it."""
    column = kind.__new__(kind)
    column.__setstate__(state)
    return column


def _store(path: Path, value: Any, *, memo: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "w+b") as out:
            # Pickled straight into the file (a large value is never held whole as bytes);
            # the digest, known at the end, goes in the place kept for it.
            out.write(_MAGIC)
            out.write(bytes(_DIGEST))
            writer = _HashingWriter(out)
            pickler = pickle.Pickler(writer, protocol=pickle.HIGHEST_PROTOCOL)
            # Without its memo the pickler writes an object met twice twice, and lets each
            # object go once written (for values that say they may be stored so); their
            # Arrow-backed columns are written from their buffers as they are, not copied.
            pickler.fast = not memo
            if not memo:
                pickler.dispatch_table = _table_reducers()
            pickler.dump(value)
            out.seek(len(_MAGIC))
            out.write(writer.digest.digest())
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
