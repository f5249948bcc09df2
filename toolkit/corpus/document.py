"""One article: its text exactly as read, its metadata, and its cleaned view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from toolkit.corpus.clean import Cleaned, clean

__all__ = ["Document"]


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is exactly as read; every offset in the toolkit indexes it.

    ``date`` is an ISO date or None; ``language`` is ``en``, ``other`` or ``unknown`` for a
    loaded document (see :mod:`toolkit.corpus.language`), None when not checked.
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"
    language: str | None = None

    @cached_property
    def cleaned(self) -> Cleaned:
        """Boilerplate spans and the cleaned body view (see :mod:`toolkit.corpus.clean`)."""
        return _clean_cached(self.text, self.title)

    @property
    def body(self) -> str:
        return self.cleaned.body

    @property
    def excluded(self) -> list[tuple[int, int]]:
        return self.cleaned.excluded_spans

    def info(self) -> dict[str, Any]:
        """Metadata as a flat dict (no text)."""
        return {"doc_id": self.doc_id, "title": self.title, "outlet": self.outlet,
                "date": self.date, "author": self.author, "url": self.url, "path": self.path}


@lru_cache(maxsize=1024)
def _clean_cached(text: str, title: str | None) -> Cleaned:
    """Cleaning remembered for recent texts: a corpus is read more than once (the load scan,
    then each analysis), and each reading makes new Document objects."""
    return clean(text, title=title)
