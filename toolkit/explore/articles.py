"""The articles behind the numbers: documents by id, and one article as highlighted HTML."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from toolkit.errors import ParameterError
from toolkit.highlight import Mark, enclosing, highlight_html, legend_html
from toolkit.progress import progress

__all__ = ["Articles", "article_html", "passage"]


class Articles:
    """The documents of a corpus by ``doc_id``, read in one pass the first time one is asked for.

    ``corpus`` is a :class:`toolkit.corpus.Corpus` or any iterable of documents (objects with
    ``doc_id`` and ``text``, optionally ``title``, ``outlet``, ``date``, ``excluded``, ``meta``).
    Iterating yields the documents in corpus order without reading the files again.
    """

    def __init__(self, corpus: Iterable[Any], *, quiet: bool = False) -> None:
        self._corpus = corpus
        self._quiet = quiet
        self._docs: dict[str, Any] | None = None

    @classmethod
    def of(cls, corpus: Iterable[Any] | Articles, *, quiet: bool = False) -> Articles:
        """``corpus`` itself when it already is an :class:`Articles`, else a new one."""
        return corpus if isinstance(corpus, Articles) else cls(corpus, quiet=quiet)

    def _index(self) -> dict[str, Any]:
        if self._docs is None:
            total = len(self._corpus) if hasattr(self._corpus, "__len__") else None
            docs: dict[str, Any] = {}
            for doc in progress(self._corpus, total=total, desc="reading articles",
                                quiet=self._quiet):
                docs.setdefault(str(doc.doc_id), doc)
            self._docs = docs
        return self._docs

    def get(self, doc_id: str) -> Any:
        try:
            return self._index()[str(doc_id)]
        except KeyError:
            raise ParameterError(f"no document with doc_id {doc_id!r} in the corpus",
                                 hint="pass the corpus the table was made from") from None

    def __iter__(self) -> Iterator[Any]:
        return iter(self._index().values())

    def __len__(self) -> int:
        return len(self._index())

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._index()


def _header(doc: Any) -> str:
    title = getattr(doc, "title", None) or str(doc.doc_id)
    facts = [str(v) for v in (getattr(doc, "outlet", None), getattr(doc, "date", None)) if v]
    facts.append(f"doc_id {doc.doc_id}")
    return (f'<h4 style="margin:4px 0">{html.escape(title)}</h4>'
            f'<div style="color:#555;margin-bottom:4px">{html.escape(" · ".join(facts))}</div>')


def passage(doc: Any, marks: Sequence[Mark]) -> tuple[int, int]:
    """The paragraph(s) of ``doc`` that hold ``marks``: ``(start, end)`` offsets."""
    from toolkit.corpus.segment import segment_document

    return enclosing(segment_document(doc).paragraphs, marks)


def article_html(doc: Any, marks: Sequence[Mark] = (), *, roles: Sequence[str] | None = None,
                 scroll_height: str | None = "30em") -> str:
    """One article as HTML: title, outlet, date and id, a colour key, the paragraph(s) holding
    ``marks``, then the whole text; ``marks`` are highlighted at their exact offsets and
    boilerplate is greyed.

    ``roles`` chooses the entries of the colour key (default: the roles of ``marks``);
    ``scroll_height`` caps the box holding the whole text (None: no cap). All text is escaped.
    """
    marks = list(marks)
    excluded = [Mark(a, b, "excluded") for a, b in (getattr(doc, "excluded", ()) or ())]
    shown = list(roles) if roles is not None else list(dict.fromkeys(m.role for m in marks))
    parts = [f'<div class="tk-article">{_header(doc)}', legend_html(shown) if shown else ""]
    if marks:
        start, end = passage(doc, marks)
        shown_passage = highlight_html(doc.text, marks, start=start, end=end)
        parts.append('<div class="tk-passage" style="border-left:3px solid #e8590c;'
                     f'padding:2px 8px;margin:6px 0;box-sizing:border-box">{shown_passage}</div>')
    box = f"max-height:{scroll_height};overflow-y:auto;" if scroll_height else ""
    parts.append(f'<details open><summary>Whole article ({len(doc.text):,} characters)</summary>'
                 f'<div class="tk-whole" style="{box}border:1px solid #ddd;padding:6px 8px;'
                 'box-sizing:border-box">'
                 f"{highlight_html(doc.text, [*excluded, *marks])}</div></details></div>")
    return "".join(parts)
