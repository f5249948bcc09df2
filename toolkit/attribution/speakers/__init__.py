"""Speakers of attributions, one concern per module:

- :mod:`~toolkit.attribution.speakers.terms`: the speaker-term lexicon (titles, role nouns,
  anonymous-source nouns, organization words, first names);
- :mod:`~toolkit.attribution.speakers.mentions`: what one mention says (name, title, type,
  gender cue, ids of anonymous sources and organizations);
- :mod:`~toolkit.attribution.speakers.names`: names the document text gives (the full name of a
  surname, the named holder of a role, the named body of an institution noun);
- :mod:`~toolkit.attribution.speakers.resolver`: canonical speakers within one document
  (pronouns and role nouns to earlier speakers, surnames to full names);
- :mod:`~toolkit.attribution.speakers.quoted`: first-person speakers inside a quotation take its
  speaker;
- :mod:`~toolkit.attribution.speakers.corpus_ids`: one id per speaker across documents.
"""

from toolkit.attribution.speakers.corpus_ids import corpus_speakers, merge_speakers
from toolkit.attribution.speakers.mentions import Mention, describe
from toolkit.attribution.speakers.names import known_person
from toolkit.attribution.speakers.quoted import quoted_first_person
from toolkit.attribution.speakers.resolver import Resolved, Resolver
from toolkit.attribution.speakers.terms import SpeakerTerms, speaker_terms
from toolkit.attribution.word_classes import PRONOUN_GENDERS as PRONOUNS

__all__ = ["PRONOUNS", "Mention", "Resolved", "Resolver", "SpeakerTerms", "corpus_speakers",
           "describe", "known_person", "merge_speakers", "quoted_first_person",
           "speaker_terms"]
