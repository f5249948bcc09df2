"""Speaker spans: the subject before a cue, appositions, inverted speakers, main-clause subjects
and passive by-agents."""

from __future__ import annotations

import pytest

from toolkit.attribution.speaker_spans import (
    SpeakerSearch,
    is_passive_cue,
    left_speaker,
    main_subject,
    passive_agent,
    right_speaker,
)


def left(cue_site, lexicon, text, cue, earlier=()):
    site = cue_site(text, cue)
    found = left_speaker(site.view, site.draft, site.words, lexicon=lexicon, earlier=list(earlier))
    return site, found


@pytest.mark.parametrize(("text", "cue", "mention", "cue_text"), [
    ("Mayor Ingrid Halvorsen said the port is safe.", "said", "Mayor Ingrid Halvorsen", "said"),
    ("Halvorsen has also repeatedly said the port is safe.", "said", "Halvorsen",
     "has also repeatedly said"),
    ("The Ministry of Water and Energy said the dam is safe.", "said",
     "The Ministry of Water and Energy", "said"),
    ("A senior official who spoke on condition of anonymity said the talks failed.", "said",
     "A senior official who spoke on condition of anonymity", "said"),
    ("Brandt, however, said the walls are low.", "said", "Brandt", "said"),
    ("“The walls are low,” he said.", "said", "he", "said"),
    # A reporting verb before the subject is no part of it: its object speaks.
    ("The memo that shows the council knew of the leak was sent.", "knew", "the council",
     "knew"),
    ("A letter that says Ruiz believed the audit was published.", "believed", "Ruiz",
     "believed"),
    ("The report says the council knew.", "says", "The report", "says"),
])
def test_subject_before_the_cue(cue_site, lexicon, text, cue, mention, cue_text):
    site, found = left(cue_site, lexicon, text, cue)
    assert found is SpeakerSearch.FOUND
    assert site.speaker == mention
    assert text[site.draft.cue_start:site.draft.cue_end] == cue_text


@pytest.mark.parametrize("text", [
    "Tomas Brandt, the harbour director, said the walls are low.",
    "The harbour director, Tomas Brandt, said the walls are low.",
])
def test_apposition_picks_the_name_as_head_and_keeps_the_role_as_context(cue_site, lexicon, text):
    site, found = left(cue_site, lexicon, text, "said")
    assert found is SpeakerSearch.FOUND
    assert site.draft.head == "Tomas Brandt"
    assert site.draft.context.lower() == "the harbour director"
    assert site.speaker == text[:text.index(", said")]


def test_participle_phrase_that_cannot_speak(cue_site, lexicon):
    _, found = left(cue_site, lexicon,
                    "The safety questions raised by the report have added to the delay.", "added")
    assert found is SpeakerSearch.SUBJECT_CANNOT_SPEAK


def test_source_noun_before_a_participle_phrase_is_the_speaker(cue_site, lexicon):
    site, found = left(cue_site, lexicon,
                       "An engineering report commissioned by the council found cracks.", "found")
    assert found is SpeakerSearch.FOUND
    assert site.draft.head == "An engineering report"
    assert site.speaker == "An engineering report commissioned by the council"


def test_both_conjuncts_before_alike(cue_site, lexicon):
    text = "Lawmakers from the coalition and the opposition alike have called for a vote."
    site, _ = left(cue_site, lexicon, text, "called")
    assert site.draft.head == "Lawmakers from the coalition and the opposition"


def test_relative_pronoun_mention_shares_the_earlier_speaker(cue_site, lexicon):
    text = "“The walls are low,” said Brandt, who warned that the port would flood."
    said = cue_site(text, "said")
    assert right_speaker(said.view, said.draft, said.sentence_end, lexicon=lexicon)
    site, found = left(cue_site, lexicon, text, "warned", earlier=[said.draft])
    assert found is SpeakerSearch.FOUND
    assert site.speaker == "Brandt, who"  # from the antecedent to the relative pronoun
    assert site.draft.head.endswith("Brandt")
    assert site.draft.antecedent is said.draft


def test_inverted_speaker_with_a_role_after_it(cue_site, lexicon):
    site = cue_site("“We will not sell the port,” said Tomas Brandt, the harbour director.", "said")
    assert right_speaker(site.view, site.draft, site.sentence_end, lexicon=lexicon)
    assert site.draft.head == "Tomas Brandt"
    assert site.draft.context == "the harbour director"
    assert site.speaker == "Tomas Brandt, the harbour director"


def test_inverted_speaker_stops_at_a_preposition_and_needs_a_subject(cue_site, lexicon):
    site = cue_site("“We will not sell,” said the harbour director of Portvik.", "said")
    assert right_speaker(site.view, site.draft, site.sentence_end, lexicon=lexicon)
    assert site.speaker == "the harbour director"
    site = cue_site("“We will not sell,” said yesterday.", "said")
    assert not right_speaker(site.view, site.draft, site.sentence_end, lexicon=lexicon)


def test_participial_cue_takes_the_main_clause_speaker(cue_site, lexicon):
    text = "Halvorsen defended the plan, adding that the port is safe."
    defended, _ = left(cue_site, lexicon, text, "defended")
    site = cue_site(text, "adding")
    assert main_subject(site.view, site.draft, earlier=[defended.draft])
    assert site.speaker == "Halvorsen" and site.draft.antecedent is defended.draft


def test_participial_cue_without_an_earlier_attribution_takes_the_sentence_subject(cue_site):
    site = cue_site("She defended the plan, adding that the port is safe.", "adding")
    assert main_subject(site.view, site.draft, earlier=[])
    assert site.speaker == "She" and site.draft.antecedent is None
    site = cue_site("In Portvik, the plan was defended, adding that it is safe.", "adding")
    assert not main_subject(site.view, site.draft, earlier=[])


def test_passive_by_agent_is_the_speaker(cue_site, lexicon):
    site, _ = left(cue_site, lexicon,
                   "The claims were denied by Russian authorities in a statement.", "denied")
    assert is_passive_cue(site.view.text, site.draft)
    assert passive_agent(site.view, site.draft, site.sentence_end)
    assert site.speaker == "Russian authorities"


def test_passive_without_agent_and_active_cue(cue_site, lexicon):
    site, _ = left(cue_site, lexicon, "The claims were denied on Monday.", "denied")
    assert is_passive_cue(site.view.text, site.draft)
    assert not passive_agent(site.view, site.draft, site.sentence_end)
    assert site.speaker == "The claims"
    site, _ = left(cue_site, lexicon, "Halvorsen denied the claims.", "denied")
    assert not is_passive_cue(site.view.text, site.draft)


@pytest.mark.parametrize(("text", "cue", "mention", "cue_text"), [
    ("Prime Minister Mara May has said the vote will go ahead.", "said",
     "Prime Minister Mara May", "has said"),
    ("Councillor Ada Long said the vote will go ahead.", "said", "Councillor Ada Long", "said"),
    ("Ostby Will Say More", "Say", "Ostby", "Will Say"),
    ("On Wednesday Norte Foods said it would cut jobs.", "said", "Norte Foods", "said"),
    ("Last week the ministry said it would act.", "said", "the ministry", "said"),
    ("Does Ostby think he can win?", "think", "Ostby", "think"),
])
def test_names_times_and_question_auxiliaries_around_the_subject(cue_site, lexicon, text, cue,
                                                                  mention, cue_text):
    site, found = left(cue_site, lexicon, text, cue)
    assert found is SpeakerSearch.FOUND
    assert site.speaker == mention
    assert text[site.draft.cue_start:site.draft.cue_end] == cue_text


def test_which_after_a_comma_is_a_relative_subject(cue_site, lexicon):
    text = "The grant went to the agency, which said it would build a clinic."
    site, found = left(cue_site, lexicon, text, "said")
    assert found is SpeakerSearch.FOUND
    assert site.speaker == "the agency, which"
    assert site.draft.head == "the agency"


@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("The port will close, said dock worker Luis Pena.", "said", "dock worker Luis Pena"),
    ("The port will close, said Ana Ruiz, who retired in May.", "said", "Ana Ruiz"),
    ("Citing the report, the ministry closed the border.", "Citing", "the ministry"),
])
def test_speakers_after_the_cue(cue_site, lexicon, text, cue, mention):
    site = cue_site(text, cue)
    assert right_speaker(site.view, site.draft, site.sentence_end, lexicon=lexicon)
    assert site.speaker == mention
