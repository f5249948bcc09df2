"""Exploring a corpus in JupyterLab: from a number to the words behind it.

- :mod:`~toolkit.explore.widgets`: :func:`speaker_explorer` (pick a speaker → their
  attributions → the article with mention, cue and content highlighted) and
  :func:`term_explorer` (a term or lexicon frame → a sortable, filterable concordance → the
  article); both fall back to plain tables where widgets cannot render;
- :mod:`~toolkit.explore.speakers` and :mod:`~toolkit.explore.concordance`: the plain functions
  behind them (speaker counts and rows, concordance sort words, filters and lines);
- :mod:`~toolkit.explore.articles`: documents by id and one article as highlighted HTML.

The review loop that measures attribution accuracy on a corpus is :mod:`toolkit.review`.
"""

from toolkit.explore.articles import Articles, article_html
from toolkit.explore.concordance import (
    concordance,
    filter_concordance,
    sort_concordance,
    sort_keys,
)
from toolkit.explore.speakers import speaker_counts, speaker_rows
from toolkit.explore.widgets import SpeakerExplorer, TermExplorer, speaker_explorer, term_explorer

__all__ = ["Articles", "SpeakerExplorer", "TermExplorer", "article_html", "concordance",
           "filter_concordance", "sort_concordance", "sort_keys", "speaker_counts",
           "speaker_explorer", "speaker_rows", "term_explorer"]
