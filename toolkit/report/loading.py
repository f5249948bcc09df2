"""The start every report notebook shares: load the corpus, keep the documents of the date range,
run the corpus pass over them and record the number of documents as a headline number.

>>> loaded = load_and_analyze("data/sample", date_from="2026-04-01", date_to="2026-04-30",
...                           output_dir="output")
>>> loaded.analysis.quotes.head()      # the base tables of the documents in April
>>> print(loaded.summary)              # "5 documents, 137 attributions"
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from toolkit.analysis import CorpusAnalysis, analyze, select
from toolkit.corpus import Corpus, Document, load
from toolkit.report.outputs import save_headline

__all__ = ["AnalyzedCorpus", "load_and_analyze"]


@dataclass(frozen=True)
class AnalyzedCorpus:
    """What :func:`load_and_analyze` returns.

    ``corpus``: everything loaded, whatever the dates (with the load report of skipped and
    duplicate inputs); ``articles``: the documents dated in the range, in corpus order;
    ``analysis``: the base tables (documents, quotes, mentions) of those documents.
    """

    corpus: Corpus
    articles: list[Document]
    analysis: CorpusAnalysis

    @property
    def summary(self) -> str:
        """How many documents were analysed and how many attributions they hold, as a line
        of text: ``"16 documents, 434 attributions"``."""
        return f"{len(self.analysis.documents)} documents, {len(self.analysis.quotes)} attributions"


def load_and_analyze(corpus: str | os.PathLike[str], *, output_dir: str | os.PathLike[str],
                     date_from: str | None = None, date_to: str | None = None,
                     cache: bool | str | os.PathLike[str] = False) -> AnalyzedCorpus:
    """Load ``corpus``, keep the documents dated in [``date_from``, ``date_to``] (ISO dates,
    inclusive; None: no limit), analyse them (:func:`toolkit.analysis.analyze`, with its
    ``cache`` option) and record headline number ``documents`` in ``output_dir``."""
    loaded = load(corpus)
    articles = select(loaded, date_from=date_from, date_to=date_to)
    analysis = analyze(articles, cache=cache)
    save_headline("documents", len(analysis.documents), output_dir=output_dir)
    return AnalyzedCorpus(corpus=loaded, articles=articles, analysis=analysis)
