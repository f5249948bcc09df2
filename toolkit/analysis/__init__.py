"""Tables: tidy pandas answers to who speaks, how their speech is reported, how stories are framed.

- :mod:`~toolkit.analysis.base_tables`: the corpus pass (:func:`analyze`) that runs attribution
  per document (in worker processes, cached) and reduces it to the base tables;
- :mod:`~toolkit.analysis.grouping`: grouping by document fields and periods, date filters;
- :mod:`~toolkit.analysis.counting`: what a count of attributions counts, one definition for all;
- :mod:`~toolkit.analysis.speakers`, :mod:`~toolkit.analysis.verbs`: who speaks, with which verbs;
- :mod:`~toolkit.analysis.framing`: framing lexicons, their matches, counts and KWIC;
- :mod:`~toolkit.analysis.keyness`: keywords and collocates; :mod:`~toolkit.analysis.scan` the
  per-document tokens and voices they share;
- :mod:`~toolkit.analysis.compare`: one table between two periods;
  :mod:`~toolkit.analysis.overview`: what was loaded and what cleaning removed;
- :mod:`~toolkit.analysis.store`: per-document results stored as Parquet for later runs;
  :mod:`~toolkit.analysis.gathering`: a corpus's attributions gathered from them as columns
  into the quotes table.
"""

from toolkit.analysis.base_tables import (
    CorpusAnalysis,
    DocumentResult,
    analyze,
    analyze_document,
    select,
)

__all__ = ["CorpusAnalysis", "DocumentResult", "analyze", "analyze_document", "select"]
