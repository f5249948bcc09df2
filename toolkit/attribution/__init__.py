"""Attribution: who said what, with which reporting cue, as offsets into the original text.

- :mod:`~toolkit.attribution.pipeline`: :func:`extract` (one text, pure) and :func:`attribute`
  (a corpus, with speaker ids merged across documents);
- :mod:`~toolkit.attribution.records`: the :class:`Attribution` record and its table;
- :mod:`~toolkit.attribution.verb_lexicon`: the reporting-verb lexicon and its cue pattern;
- :mod:`~toolkit.attribution.extractor`: the scan over cue matches and the dispatch to the rules,
  which are functions over a :mod:`~toolkit.attribution.text` view (paragraphs, sentences,
  quotations) of :mod:`~toolkit.attribution.words` classed by
  :mod:`~toolkit.attribution.word_classes`: :mod:`~toolkit.attribution.cue_filters` (forms that
  are no cue here), :mod:`~toolkit.attribution.speaker_spans`,
  :mod:`~toolkit.attribution.content_spans`, :mod:`~toolkit.attribution.special_cues`
  ("according to", colon cues, source phrases, impersonal and question cues),
  :mod:`~toolkit.attribution.phrases` (noun-phrase helpers), :mod:`~toolkit.attribution.floating`
  (cue-less continuations) and :mod:`~toolkit.attribution.canonical_speakers`; an attribution in
  the making is a :mod:`~toolkit.attribution.drafts` ``Draft``, and a rejected cue match says why
  (``CueOutcome``);
- :mod:`~toolkit.attribution.speakers`: speaker mentions, pronouns and ids;
- :mod:`~toolkit.attribution.evaluate`: quality against brat gold annotations (PolNeAR).
"""

from toolkit.attribution.pipeline import attribute, extract, lookup_verb
from toolkit.attribution.records import (
    COLUMNS,
    KINDS,
    SPEAKER_TYPES,
    Attribution,
    RejectedCue,
    cued,
    to_frame,
)
from toolkit.attribution.speakers import corpus_speakers
from toolkit.attribution.verb_lexicon import VerbLexicon, default_verb_lexicon, load_verb_lexicon

__all__ = ["COLUMNS", "KINDS", "SPEAKER_TYPES", "Attribution", "VerbLexicon", "attribute",
           "RejectedCue", "corpus_speakers", "cued", "default_verb_lexicon", "extract",
           "load_verb_lexicon", "lookup_verb", "to_frame"]
