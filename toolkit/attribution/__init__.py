"""Attribution: who said what, with which reporting cue, as offsets into the original text.

- :mod:`~toolkit.attribution.pipeline`: :func:`extract` (one text, pure) and :func:`attribute`
  (a corpus, with speaker ids merged across documents);
- :mod:`~toolkit.attribution.records`: the :class:`Attribution` record and its table;
- :mod:`~toolkit.attribution.verb_lexicon`: the reporting-verb lexicon and its cue pattern;
- :mod:`~toolkit.attribution.extractor`: the per-document scan over cue matches; the rules it calls
  live in :mod:`~toolkit.attribution.cue_filters` (is a match a reporting cue here),
  :mod:`~toolkit.attribution.speaker_spans`, :mod:`~toolkit.attribution.content_spans`,
  :mod:`~toolkit.attribution.special_cues` ("according to", "Name:", source phrases, questions),
  :mod:`~toolkit.attribution.floating` and :mod:`~toolkit.attribution.canonical_speakers`, over
  the text view (:mod:`~toolkit.attribution.text`), its words (:mod:`~toolkit.attribution.words`,
  :mod:`~toolkit.attribution.phrases`) and the closed word classes
  (:mod:`~toolkit.attribution.word_classes`);
- :mod:`~toolkit.attribution.speakers`: speaker mentions, pronouns and ids;
- :mod:`~toolkit.attribution.evaluate`: quality against brat gold annotations (PolNeAR).
"""

from toolkit.attribution.pipeline import attribute, extract, lookup_verb
from toolkit.attribution.records import COLUMNS, KINDS, SPEAKER_TYPES, Attribution, cued, to_frame
from toolkit.attribution.speakers import corpus_speakers
from toolkit.attribution.verb_lexicon import VerbLexicon, default_verb_lexicon, load_verb_lexicon

__all__ = ["COLUMNS", "KINDS", "SPEAKER_TYPES", "Attribution", "VerbLexicon", "attribute",
           "RejectedCue", "corpus_speakers", "cued", "default_verb_lexicon", "extract",
           "load_verb_lexicon",
           "lookup_verb", "to_frame"]
