"""Input: articles in, documents out, every input accounted for.

- :mod:`~toolkit.corpus.readers` reads folders, CSV/TSV/JSONL tables and brat standoff into raw
  entries; :mod:`~toolkit.corpus.loader` turns them into a :class:`Corpus` with a load report;
- :mod:`~toolkit.corpus.files` walks folders, opens only regular files and decodes them;
  :mod:`~toolkit.corpus.fields` finds which column holds the text, id, title, outlet, date...;
  :mod:`~toolkit.corpus.dates` reads publication dates strictly;
  :mod:`~toolkit.corpus.language` flags articles that do not look English;
- :mod:`~toolkit.corpus.document` is one article (:class:`Document`) and its cleaned view;
- :mod:`~toolkit.corpus.dedup` finds syndicated copies;
- :mod:`~toolkit.corpus.clean` marks page furniture as excluded spans (the text never changes);
- :mod:`~toolkit.corpus.segment` cuts paragraphs, sentences and tokens as character spans.
"""

from typing import TYPE_CHECKING

from toolkit._lazy import lazy_exports

if TYPE_CHECKING:
    from toolkit.corpus.document import Document
    from toolkit.corpus.loader import (
        STATUSES,
        Corpus,
        LoadRecord,
        load,
        read_document,
        summary_columns,
        summary_rows,
    )

__all__ = ["STATUSES", "Corpus", "Document", "LoadRecord", "load", "read_document",
           "summary_columns", "summary_rows"]

# The loader imports numpy (duplicate detection); a caller that needs only cleaning or
# segmentation does not pay for it.
__getattr__, __dir__ = lazy_exports(__name__, {
    "Document": "toolkit.corpus.document", **dict.fromkeys(
        ("STATUSES", "Corpus", "LoadRecord", "load", "read_document", "summary_columns",
         "summary_rows"), "toolkit.corpus.loader")})
