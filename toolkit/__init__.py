"""Discourse analysis of news: who speaks, how their speech is reported, how stories are framed.

The modules, in the order data flows through them (each imports only earlier ones):

- input: :mod:`toolkit.corpus` (loading, load report, duplicates), :mod:`toolkit.corpus.clean`
  (page furniture as excluded spans), :mod:`toolkit.corpus.segment` (paragraphs, sentences, tokens);
- attribution: :mod:`toolkit.attribution` (per-document, pure), :mod:`toolkit.attribution.evaluate` (quality
  against brat gold annotations);
- tables: :mod:`toolkit.analysis.speakers`, :mod:`toolkit.analysis.verbs`, :mod:`toolkit.analysis.framing`,
  :mod:`toolkit.analysis.keyness`, :mod:`toolkit.analysis.framing.lexicon`, :mod:`toolkit.analysis.compare`,
  :mod:`toolkit.analysis.overview`, and :mod:`toolkit.analysis`, the corpus pass that runs attribution
  (in worker processes, cached) and reduces it to the base tables;
- figures: :mod:`toolkit.plots`;
- reports and teaching: :mod:`toolkit.report`, :mod:`toolkit.cache`, :mod:`toolkit.teaching`;
- the ``toolkit`` command: :mod:`toolkit.cli`. Errors: :mod:`toolkit.errors`.

Every extracted item carries character offsets into the document text exactly as read.
"""

__version__ = "0.1.0"
