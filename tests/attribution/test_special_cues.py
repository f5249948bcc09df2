"""Cues with rules of their own: "according to", "Name:" colons, source phrases, impersonal
cues and questions."""

from __future__ import annotations

import pytest

from toolkit.attribution.drafts import CueOutcome, Draft
from toolkit.attribution.extractor import extract_drafts
from toolkit.attribution.special_cues import (
    COLON_CUE,
    DASH_BYLINE,
    SOURCE_PHRASE,
    according_to,
    colon_cue,
    dash_byline,
    impersonal,
    question,
    source_phrase,
)
from toolkit.attribution.text import TextView
from toolkit.attribution.verb_lexicon import default_verb_lexicon


@pytest.mark.parametrize(("text", "cue", "head", "context", "content"), [
    ("The walls are too low, according to Tomas Brandt.", "according to", "Tomas Brandt", "",
     "The walls are too low"),
    ("The walls are too low, according to the harbour director, Tomas Brandt.", "according to",
     "Tomas Brandt", "the harbour director", "The walls are too low"),
    ("The walls are too low, according to Brandt, the harbour director.", "according to",
     "Brandt", "the harbour director", "The walls are too low"),
    ("According to Brandt, “the walls are too low.”", "According to", "Brandt", "",
     "“the walls are too low.”"),
])
def test_according_to(cue_site, text, cue, head, context, content):
    site = cue_site(text, cue)
    assert according_to(site.view, site.draft, site.sentence_end)
    assert (site.draft.head, site.draft.context, site.content) == (head, context, content)


def test_according_to_without_a_source(cue_site):
    site = cue_site("The walls are low, according to.", "according to")
    assert not according_to(site.view, site.draft, site.sentence_end)


def colon_results(text: str, used: set[int]) -> list[Draft | CueOutcome]:
    view = TextView(text)
    return [colon_cue(view, match, used) for match in COLON_CUE.finditer(text)]


def test_colon_label_opening_a_line_takes_the_rest_of_the_paragraph():
    text = "Halvorsen: The port stays open all winter\nBody text follows here."
    [draft] = colon_results(text, set())
    assert text[draft.speaker_start:draft.speaker_end] == "Halvorsen"
    assert text[draft.content_start:draft.content_end] == "The port stays open all winter"
    assert draft.kind == "indirect"


def test_colon_before_a_quotation_takes_it():
    text = "Asked about the walls, Brandt said one thing. Halvorsen: “The port stays open.”"
    used: set[int] = set()
    [draft] = colon_results(text, used)
    assert text[draft.content_start:draft.content_end] == "“The port stays open.”"
    assert draft.kind == "direct" and used == {0}


def test_colon_labels_that_are_no_speakers():
    assert colon_results("Photo: The harbour at dawn, seen from the pier", set()) == [
        CueOutcome.NOT_A_SPEAKER_LABEL]
    assert colon_results("Halvorsen: Yes", set()) == [CueOutcome.NO_CONTENT]
    assert colon_results("Brandt spoke and Halvorsen: nothing more was said.", set()) == [
        CueOutcome.QUOTATION_NEEDED]


def source_results(text: str) -> list[Draft | CueOutcome]:
    view = TextView(text)
    return [source_phrase(view, match) for match in SOURCE_PHRASE.finditer(text)]


@pytest.mark.parametrize(("text", "source", "content", "kind"), [
    ("In a Portvik Ledger poll released Monday, most voters backed the plan.",
     "a Portvik Ledger poll", "most voters backed the plan", "evidential"),
    ("In Brandt’s view, the plan is reckless.", "Brandt’s", "the plan is reckless", "cognitive"),
    ("The plan is reckless in Brandt’s view.", "Brandt’s", "The plan is reckless", "cognitive"),
])
def test_source_phrases(text, source, content, kind):
    [draft] = source_results(text)
    assert text[draft.speaker_start:draft.speaker_end] == source
    assert text[draft.content_start:draft.content_end] == content
    assert draft.kind == kind


def test_poll_phrase_must_open_its_sentence():
    assert source_results("Most voters backed the plan in a Portvik Ledger poll.") == [
        CueOutcome.SOURCE_MID_SENTENCE]


def test_impersonal_cue_takes_the_rest_of_the_sentence(cue_site):
    site = cue_site("It is unclear whether the walls will hold.", "It is unclear")
    assert impersonal(site.view, site.draft, site.sentence_end)
    assert (site.content, site.draft.kind) == ("whether the walls will hold", "evidential")
    site = cue_site("It is unclear.", "It is unclear")
    assert not impersonal(site.view, site.draft, site.sentence_end)


def test_questions(cue_site):
    site = cue_site("Asked about the walls, Brandt shrugged.", "Asked")
    assert question(site.view, site.draft, site.sentence_end)
    assert site.content == "about the walls" and site.draft.speaker_start is None
    site = cue_site("Brandt shrugged when asked whether the walls would hold.", "asked")
    assert question(site.view, site.draft, site.sentence_end, to_end=True)
    assert site.content == "whether the walls would hold"
    site = cue_site("Asked, Brandt shrugged.", "Asked")
    assert not question(site.view, site.draft, site.sentence_end)


@pytest.mark.parametrize("text", [
    "ANALYST'S TAKE: “The deal is weak.”",
    "WHAT'S NEXT: The council votes on the harbour plan on Friday.",
    "THE BOTTOM LINE: The harbour stays open all winter.",
])
def test_section_labels_are_no_speakers(text):
    assert colon_results(text, set()) == [CueOutcome.NOT_A_SPEAKER_LABEL]


def test_transcript_labels():
    text = "HALVORSEN: Well, look, the port stays open.\nQ: Will it stay open all winter?"
    first, second = colon_results(text, set())
    assert text[first.speaker_start:first.speaker_end] == "HALVORSEN"
    assert text[second.speaker_start:second.speaker_end] == "Q"
    assert second.head == "the interviewer"  # the unnamed interviewer, not "Q"


def test_predicate_before_a_colon_and_a_quotation():
    text = "Martell is more blunt: “The plan is dead.”"
    [draft] = colon_results(text, set())
    assert text[draft.cue_start:draft.cue_end] == ":"  # the colon introduces the quotation
    assert text[draft.speaker_start:draft.speaker_end] == "Martell"
    assert text[draft.content_start:draft.content_end] == "“The plan is dead.”"
    assert colon_results("Martell is more blunt: the plan is dead.", set()) == [
        CueOutcome.QUOTATION_NEEDED]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Varga had a warning for parents: “Do not wait for a fever.”", "Varga"),
    ("Her message to the council was clear: “Fix the roads.”", "Her"),
    ("The statement from Nordvik Shipping was short: “All sailings are cancelled.”",
     "Nordvik Shipping"),
    ("Asked what went wrong, Kralj had one line for reporters: “We did not score.”", "Kralj"),
])
def test_a_clause_about_a_speaker_introduces_a_quotation_after_a_colon(text, speaker):
    [draft] = [d for d in extract_drafts(text, default_verb_lexicon(), ())[0] if d.cue_start > 0
               and text[d.cue_start:d.cue_end] == ":"]
    assert text[draft.speaker_start:draft.speaker_end] == speaker
    assert text[draft.content_start:draft.content_end].startswith("“")
    assert draft.kind == "direct"


@pytest.mark.parametrize("text", [
    "The rules for the vote are clear: “one member, one ballot.”",
    "In the end there was one word on the banner: “Enough.”",
    "It was all too familiar to those who had seen the first flood and the second one: “Run.”",
])
def test_no_speaker_before_a_colon_and_a_quotation(text):
    assert [d for d in extract_drafts(text, default_verb_lexicon(), ())[0]
            if text[d.cue_start:d.cue_end] == ":"] == []


@pytest.mark.parametrize("text", [
    "EMAIL: harbour@example.com for tips on the story.",
    "Contributing: Ada Lindqvist and Tomas Brandt in Ostland.",
    "Analysis: The harbour plan is in trouble this winter.",
])
def test_kicker_words_are_no_speakers(text):
    assert colon_results(text, set()) == [CueOutcome.NOT_A_SPEAKER_LABEL]


def dash_results(text: str, used: set[int]) -> list[Draft | CueOutcome]:
    view = TextView(text)
    return [dash_byline(view, match, used) for match in DASH_BYLINE.finditer(text)]


def test_dash_byline_after_a_quotation():
    text = "“The harbour stays open.” ― Carla Sanchez\nMore text follows here."
    used: set[int] = set()
    [draft] = dash_results(text, used)
    assert text[draft.cue_start:draft.cue_end] == "―"
    assert text[draft.speaker_start:draft.speaker_end] == "Carla Sanchez"
    assert text[draft.content_start:draft.content_end] == "“The harbour stays open.”"
    assert draft.kind == "direct" and used == {0}
    assert dash_results(text, {0}) == [CueOutcome.QUOTATION_NEEDED]
    assert dash_results("The vote - “a farce” - ended late.", set()) == []
