"""One article: its text exactly as read, its metadata, and its cleaned view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from toolkit.corpus.clean import Cleaned, clean

__all__ = ["Document", "cleanings", "forget_cleanings"]


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


CLEANINGS_KEPT = 1024


@lru_cache(maxsize=CLEANINGS_KEPT)
def _clean_cached(text: str, title: str | None) -> Cleaned:
    """Cleaning remembered for recent texts: a corpus is read more than once (the load scan,
    then each analysis), and each reading makes new Document objects."""
    return clean(text, title=title)


_cleaned_before = 0  # texts cleaned before the kept cleanings were last let go


def cleanings() -> int:
    """How many texts were cleaned in this process so far (not found among those kept)."""
    return _cleaned_before + _clean_cached.cache_info().misses


def forget_cleanings() -> None:
    """Let go of every kept cleaning (each holds its text and cleaned body). After a pass that
    cleaned more texts than are kept (:data:`CLEANINGS_KEPT`; see :func:`cleanings`), the next
    pass, starting again from the first document, would find none of them."""
    global _cleaned_before
    _cleaned_before += _clean_cached.cache_info().misses
    _clean_cached.cache_clear()
