"""Word lists shipped with the toolkit: data files, each with a header naming its sources.

Every module reads them through :func:`read_text` (or :func:`path` where a file path is needed),
so the lists load the same way from a checkout or an installed package (they are files in this
package's folder). A user's own word list, given as a path, is read with :func:`read_file`,
which names the file and line of a byte that is not UTF-8.
"""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.errors import LexiconError

__all__ = ["FOLDER", "names", "path", "read_file", "read_text"]

FOLDER = Path(__file__).parent


def path(name: str) -> Path:
    """The file path of the shipped word list ``name`` (e.g. ``"reporting_verbs.tsv"``)."""
    return FOLDER / name


def read_text(name: str) -> str:
    """The text of the shipped word list ``name``, decoded as UTF-8."""
    return (FOLDER / name).read_text(encoding="utf-8")


def names() -> list[str]:
    """The shipped data files, sorted by name."""
    return sorted(p.name for p in FOLDER.iterdir() if p.is_file() and not p.name.endswith(".py"))


def read_file(file: str | os.PathLike[str], *, what: str = "word list") -> str:
    """The text of a user's word-list file (UTF-8; a byte-order mark is dropped).

    Raises :class:`~toolkit.errors.LexiconError` naming the file and the line of the first byte
    that is not UTF-8; ``OSError`` (missing or unreadable file) is left to the caller.
    """
    data = Path(file).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LexiconError(f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x})",
                           path=os.fspath(file), line=line,
                           hint="re-save the file as UTF-8") from None
