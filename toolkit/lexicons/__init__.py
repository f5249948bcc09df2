"""Word lists shipped with the toolkit: data files, each with a header naming its sources.

Every module reads them through :func:`read_text` (or :func:`path` where a file path is needed),
so the lists load the same way from a checkout, an installed wheel or a zip.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["FOLDER", "names", "path", "read_text"]

FOLDER = Path(str(resources.files(__name__)))


def path(name: str) -> Path:
    """The file path of the shipped word list ``name`` (e.g. ``"reporting_verbs.tsv"``)."""
    return FOLDER / name


def read_text(name: str) -> str:
    """The text of the shipped word list ``name``, decoded as UTF-8."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def names() -> list[str]:
    """The shipped data files, sorted by name."""
    return sorted(p.name for p in FOLDER.iterdir() if p.is_file() and not p.name.endswith(".py"))
