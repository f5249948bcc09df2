"""Cue filters: a cue form used as a noun or a modifier is no reporting verb."""

from __future__ import annotations

import pytest

from toolkit.attribution.cue_filters import (
    followed_by,
    form_outcome,
    infinitive_cue_start,
    is_first_or_second_person_thought,
    is_headline_modifier,
    is_noun_use,
    is_thing_subject,
    may_capitalize,
)
from toolkit.attribution.drafts import CueOutcome, Draft
from toolkit.attribution.speaker_spans import SpeakerSearch, left_speaker
from toolkit.attribution.word_classes import NON_TOPIC_PREPOSITIONS


def outcome(cue_site, lexicon, text: str, cue: str) -> CueOutcome:
    site = cue_site(text, cue)
    return form_outcome(site.view, site.words, cue.lower(), site.draft.entry, site.draft.cue_end,
                        site.sentence_end, lexicon=lexicon)


@pytest.mark.parametrize(("text", "cue"), [
    ("The television poll shows were cancelled.", "shows"),
    ("The latest poll shows were cancelled.", "shows"),
    ("The health worries grew over the summer.", "worries"),
])
def test_noun_uses(cue_site, lexicon, text, cue):
    assert outcome(cue_site, lexicon, text, cue) is CueOutcome.NOUN_USE


@pytest.mark.parametrize(("text", "cue"), [
    ("The poll shows that voters are tired.", "shows"),
    ("Voters are tired, the poll shows.", "shows"),
    ("A survey finds Ostby ahead.", "finds"),
    ("Halvorsen said the port is safe.", "said"),
    ("Halvorsen called the plan reckless.", "called"),
])
def test_verb_uses(cue_site, lexicon, text, cue):
    assert outcome(cue_site, lexicon, text, cue) is CueOutcome.ACCEPTED


def test_noun_use_needs_an_object_to_become_a_verb(cue_site):
    noun = cue_site("The television poll shows were cancelled.", "shows")
    verb = cue_site("The television poll shows that voters are tired.", "shows")
    assert is_noun_use(noun.view, noun.words, "shows", noun.draft.cue_end, noun.sentence_end)
    assert not is_noun_use(verb.view, verb.words, "shows", verb.draft.cue_end, verb.sentence_end)


@pytest.mark.parametrize(("text", "cue"), [
    ("The party has 60 pledged delegates.", "pledged"),
    ("The count of pledged delegates rose.", "pledged"),
    ("She founded a company called Harmony in 2019.", "called"),
    ("The council called off the vote.", "called"),
    ("Brandt backed out of the deal.", "backed"),
])
def test_modifier_uses(cue_site, lexicon, text, cue):
    assert outcome(cue_site, lexicon, text, cue) is CueOutcome.MODIFIER_USE


def test_plural_noun_subject_after_a_modifier(cue_site, lexicon):
    text = "Merrow talks open in Portvik. The Merrow dam is old."
    assert outcome(cue_site, lexicon, text, "talks") is CueOutcome.PLURAL_SUBJECT
    assert outcome(cue_site, lexicon, "Brandt talks often. The dam is old.", "talks") \
        is CueOutcome.ACCEPTED


@pytest.mark.parametrize(("text", "cue_text"), [
    ("Brandt is unlikely to say more.", "unlikely to say"),
    ("Brandt was quick to say no.", "quick to say"),
    ("Brandt continued to complain about the walls.", "continued to complain"),
    ("Brandt insisted on to say no.", "insisted on to say"),
])
def test_infinitive_cue_starts_at_its_governor(cue_site, lexicon, text, cue_text):
    cue = cue_text.split()[-1]
    site = cue_site(text, cue)
    start = infinitive_cue_start(site.words, lexicon=lexicon)
    assert text[start:site.draft.cue_end] == cue_text


def test_infinitive_without_a_governor(cue_site, lexicon):
    site = cue_site("Brandt wants to say more.", "say")
    assert infinitive_cue_start(site.words, lexicon=lexicon) is None


def test_capitalized_cues_in_title_case_headlines_and_sentence_openings(cue_site):
    for text, cue in [("Halvorsen Says Port Will Stay Open\nBody text.", "Says"),
                      ("Says Halvorsen, the port is safe.", "Says")]:
        site = cue_site(text, cue)
        assert may_capitalize(site.words, site.draft.entry), text
    for text, cue in [("The Mayor Hopes For Calm", "Hopes"), ("the mayor Reported it.", "Reported")]:
        site = cue_site(text, cue)
        assert not may_capitalize(site.words, site.draft.entry), text


def test_intransitive_cue_followed_by_a_place(cue_site):
    site = cue_site("The council will speak at the rally.", "speak")
    assert followed_by(site.view, site.draft.cue_end, site.sentence_end, NON_TOPIC_PREPOSITIONS)
    site = cue_site("The council will speak about the rally.", "speak")
    assert not followed_by(site.view, site.draft.cue_end, site.sentence_end, NON_TOPIC_PREPOSITIONS)


def test_headline_word_before_a_noun_like_cue_modifies_it_unless_it_names_a_person(cue_site,
                                                                                  lexicon):
    for text, modifies in [("Dam talks stall\nThe dam on the Merrow is old, engineers said.", True),
                           ("Vell talks tough\nSen. Vell spoke in Portvik.", False)]:
        site = cue_site(text, "talks")
        assert left_speaker(site.view, site.draft, site.words, lexicon=lexicon, earlier=[]) \
            is SpeakerSearch.FOUND
        assert is_headline_modifier(site.view, site.draft, "talks") is modifies, text


@pytest.mark.parametrize(("text", "cue", "thought"), [
    ("I think the port is safe.", "think", True),
    ("Do you think the port is safe?", "think", True),
    ("I said the port is safe.", "said", False),
    ("Brandt thinks the port is safe.", "thinks", False),
])
def test_first_and_second_person_thoughts(cue_site, lexicon, text, cue, thought):
    site = cue_site(text, cue)
    found = left_speaker(site.view, site.draft, site.words, lexicon=lexicon, earlier=[])
    assert is_first_or_second_person_thought(site.view, site.draft,
                                             found is SpeakerSearch.FOUND) is thought


@pytest.mark.parametrize(("head", "thing"), [
    ("the request", True), ("the plan", True), ("it", False), ("Halvorsen", False),
    ("Portvik Harbour Authority", False),
])
def test_thing_subjects_of_passive_cues(head, thing):
    assert is_thing_subject(Draft(0, 0, None, head=head)) is thing


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Former lightweight champion Ben Okoro tapped out in the second round.", "champion",
     CueOutcome.NOUN_USE),
    ("Hope Lindqvist said the port is safe.", "Hope", CueOutcome.NOUN_USE),
    ("The farmers will have their say on Sunday.", "say", CueOutcome.NOUN_USE),
    ("The index added 1.6 points on Monday.", "added", CueOutcome.OTHER_SENSE),
    ("The harbour master was charged with fraud.", "charged", CueOutcome.OTHER_SENSE),
    ("Ostby maintains a commanding lead in the north.", "maintains", CueOutcome.OTHER_SENSE),
    ("The council granted the firm a licence.", "granted", CueOutcome.OTHER_SENSE),
    ("The bank is advising Norte Foods on the sale.", "advising", CueOutcome.OTHER_SENSE),
])
def test_cue_forms_in_other_senses(cue_site, lexicon, text, cue, expected):
    assert outcome(cue_site, lexicon, text, cue) is expected


@pytest.mark.parametrize(("text", "cue"), [
    ("Farmers endorse Ostby in the north.", "endorse"),
    ("Ostby maintained that the port is safe.", "maintained"),
    ("“The port is safe,” Ostby maintained.", "maintained"),
    ("Prosecutors charged that the harbour master lied.", "charged"),
    ("The mayor added that 200 jobs were lost.", "added"),
    ("People say Ostby will win.", "say"),
])
def test_cue_forms_that_stay_reporting_verbs(cue_site, lexicon, text, cue):
    assert outcome(cue_site, lexicon, text, cue) is CueOutcome.ACCEPTED


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Ostby would support the nominee in November.", "support", CueOutcome.OTHER_SENSE),
    ("Ostby will never vote for Brandt.", "vote for", CueOutcome.OTHER_SENSE),
    ("Ostby supported Brandt in the primary.", "supported", CueOutcome.ACCEPTED),
    ("Ostby supports Brandt.", "supports", CueOutcome.OTHER_SENSE),  # a standing position
    ("The ministry would not say whether the port is safe.", "say", CueOutcome.ACCEPTED),
])
def test_stance_cue_after_a_modal_is_a_prediction(cue_site, lexicon, text, cue, expected):
    assert outcome(cue_site, lexicon, text, cue) is expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("An agent was seen on camera near the pier.", "seen", CueOutcome.OTHER_SENSE),
    ("The harbour master was found dead on Sunday.", "found", CueOutcome.OTHER_SENSE),
    ("The deal is seen as a win for Ostby.", "seen", CueOutcome.ACCEPTED),
    ("The mayor was found to have lied.", "found", CueOutcome.ACCEPTED),
])
def test_passive_perception_cues(cue_site, lexicon, text, cue, expected):
    assert outcome(cue_site, lexicon, text, cue) is expected


def test_noun_like_form_after_a_dated_name_is_a_noun(cue_site, lexicon):
    text = "Surveillance began after the 9/11 attacks in the capital."
    assert outcome(cue_site, lexicon, text, "attacks") is CueOutcome.NOUN_USE


def test_colon_and_quotation_after_a_noun_like_form_make_it_a_verb(cue_site, lexicon):
    text = "Her statement read: “We are done with the harbour plan.”"
    assert outcome(cue_site, lexicon, text, "read") is CueOutcome.ACCEPTED


@pytest.mark.parametrize("text", [
    "She spoke about the floods, regional disputes, and other problems.",
    "After the blockade, hacking attacks, and the arrests, talks stalled.",
])
def test_a_modifier_and_a_noun_form_in_a_list_are_no_cue(text):
    from toolkit.attribution import extract

    assert [r.cue for r in extract(text) if r.cue in ("disputes", "attacks")] == []


def test_a_plural_subject_before_a_noun_form_in_an_aside_is_still_a_cue():
    from toolkit.attribution import extract

    (record,) = extract("The plan is weak, critics claim, and the vote looms.")
    assert (record.cue, record.speaker_mention) == ("claim", "critics")
