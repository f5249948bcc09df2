"""Content spans: quotations beside the cue, split quotations, the rest of the sentence, kinds."""

from __future__ import annotations

import re

import pytest

from toolkit.attribution import extract
from toolkit.attribution.content_spans import (
    continuation,
    direct_content,
    indirect_content,
    quote_after,
    quote_before,
    settle_kind,
    shorten_content,
    skip_time_after,
)
from toolkit.attribution.speaker_spans import left_speaker, right_speaker
from toolkit.attribution.text import TextView


def with_speaker(cue_site, lexicon, text, cue, *, inverted=False):
    site = cue_site(text, cue)
    if inverted:
        right_speaker(site.view, site.draft, site.sentence_end, lexicon=lexicon)
    else:
        left_speaker(site.view, site.draft, site.words, lexicon=lexicon, earlier=[])
    return site


def test_quote_before_the_cue_is_the_content(cue_site, lexicon):
    site = with_speaker(cue_site, lexicon, "“The bridge will open in May,” Halvorsen said.", "said")
    used: set[int] = set()
    assert direct_content(site.view, site.draft, used)
    assert (site.content, site.draft.kind) == ("“The bridge will open in May,”", "direct")
    assert used == {0}


def test_quote_after_the_cue_and_a_colon_is_the_content(cue_site, lexicon):
    site = with_speaker(cue_site, lexicon, "Halvorsen said: “The bridge will open in May.”", "said")
    assert direct_content(site.view, site.draft, set())
    assert site.content == "“The bridge will open in May.”"


def test_split_quote_joins_both_halves(cue_site, lexicon):
    text = "“The walls are low,” Brandt said on Friday. “Nobody listened.”"
    site = with_speaker(cue_site, lexicon, text, "said")
    used: set[int] = set()
    assert direct_content(site.view, site.draft, used)
    assert site.content == text
    assert used == {0, 1}


def test_used_quotations_are_not_taken_again(cue_site, lexicon):
    text = "“The walls are low,” Brandt said on Friday. “Nobody listened.”"
    site = with_speaker(cue_site, lexicon, text, "said")
    assert direct_content(site.view, site.draft, {1})
    assert site.content == "“The walls are low,”"
    site = with_speaker(cue_site, lexicon, text, "said")
    assert not direct_content(site.view, site.draft, {0})
    assert site.content is None and site.draft.kind == "indirect"


def test_no_quotation_beside_the_cue(cue_site, lexicon):
    site = with_speaker(cue_site, lexicon, "Brandt said the walls are low.", "said")
    used: set[int] = set()
    assert not direct_content(site.view, site.draft, used)
    assert used == set()


@pytest.mark.parametrize(("text", "cue", "inverted", "content", "kind"), [
    ("Brandt said the walls are low.", "said", False, "the walls are low", "indirect"),
    ("Brandt told reporters that the walls are low.", "told", False,
     "that the walls are low", "indirect"),
    ("Brandt told them the walls are low.", "told", False, "the walls are low", "indirect"),
    ("The walls are low, Brandt said.", "said", False, "The walls are low", "indirect"),
    ("The walls are low, said Brandt.", "said", True, "The walls are low", "indirect"),
    ("Brandt said the walls were “far too low” for a storm.", "said", False,
     "the walls were “far too low” for a storm", "mixed"),
    ("Brandt thinks the walls are low.", "thinks", False, "the walls are low", "cognitive"),
    ("A survey found that the walls are low.", "found", False, "that the walls are low",
     "evidential"),
    ("Halvorsen found that the walls are low.", "found", False, "that the walls are low",
     "indirect"),
])
def test_indirect_content_and_kind(cue_site, lexicon, text, cue, inverted, content, kind):
    site = with_speaker(cue_site, lexicon, text, cue, inverted=inverted)
    indirect_content(site.view, site.draft)
    settle_kind(site.view, site.draft)
    assert (site.content, site.draft.kind) == (content, kind)


def test_shorten_content_before_a_later_cue(cue_site, lexicon):
    text = "Brandt said the walls are low, adding that the port may flood."
    site = with_speaker(cue_site, lexicon, text, "said")
    indirect_content(site.view, site.draft)
    assert site.content == "the walls are low, adding that the port may flood"
    shorten_content(site.view, site.draft, text.index("adding"))
    assert site.content == "the walls are low"
    shorten_content(site.view, site.draft, site.draft.content_start + 2)
    assert site.content == "the walls are low"  # too little would remain


def test_quotations_next_to_an_offset():
    view = TextView("“The port,” she said, “is safe.”")
    said_end = view.text.index("said") + 4
    assert quote_after(view, said_end, len(view.text)) == (22, 32)
    assert quote_before(view, view.text.index("she")) == (0, 11)
    assert quote_after(view, view.text.index("she"), len(view.text)) is None
    assert continuation(view, said_end, len(view.text), set()) == (22, 32)
    assert continuation(view, said_end, len(view.text), {1}) is None


def test_time_words_after_a_cue():
    assert skip_time_after("said on Monday, ", 4) == len("said on Monday")
    assert skip_time_after("said today", 4) == len("said today")
    assert skip_time_after("said the", 4) == 4


@pytest.mark.parametrize(("text", "cue", "inverted", "content"), [
    ("Troops have left the valley, the army said on Tuesday.", "said", False,
     "Troops have left the valley"),
    ("Food prices will rise, said Ana Ruiz, chief executive of Norte Foods, which supplies the "
     "region.", "said", True, "Food prices will rise"),
    ("Food prices will rise, the ministry said in a statement.", "said", False,
     "Food prices will rise"),
    ("The army said on Tuesday it would leave.", "said", False, "it would leave"),
    ("The army said in a statement that troops had left.", "said", False,
     "that troops had left"),
    ("In a statement, the army said troops had left.", "said", False, "troops had left"),
    ("Citing the report, the ministry closed the border.", "Citing", True, "the report"),
])
def test_content_of_trailing_cues_and_adjuncts(cue_site, lexicon, text, cue, inverted, content):
    site = with_speaker(cue_site, lexicon, text, cue, inverted=inverted)
    indirect_content(site.view, site.draft)
    assert site.content == content


@pytest.mark.parametrize(("text", "content"), [
    ("Halvorsen told the council the tram would be finished by 2028.",
     "the tram would be finished by 2028"),
    ("Varga told the Harbour Times she had received threats.", "she had received threats"),
    ("The ministry told farmers they could burn stubble from October.",
     "they could burn stubble from October"),
    ("Police advised residents to keep their windows shut.", "to keep their windows shut"),
    ("The minister will resign, a government source told the Harbour Times.",
     "The minister will resign"),
])
def test_the_addressee_of_a_cue_is_not_its_content(text, content):
    [record] = extract(text)
    assert record.content == content


@pytest.mark.parametrize(("text", "parts"), [
    ("“I love this town,” Obi said, wiping her eyes. “I always will.”",
     ["“I love this town,”", "“I always will.”"]),
    ("“The vaccine works,” Varga told reporters. “That much is settled.”",
     ["“The vaccine works,”", "“That much is settled.”"]),
    ("“Prices will fall,” said Rafael Moreno, “but not before the summer.”",
     ["“Prices will fall,”", "“but not before the summer.”"]),
])
def test_a_split_quotation_continues_after_a_short_clause(text, parts):
    [record] = extract(text)
    assert [text[a:b] for a, b in record.content_spans] == parts


@pytest.mark.parametrize(("text", "content"), [
    ("According to Tomas Brandt, the director of the harbour authority, the cranes are unsafe.",
     "the cranes are unsafe"),
    ("The foreign ministry condemned the attack in a statement.", "the attack"),
    ("Okonjo criticised the ruling on Twitter.", "the ruling"),
])
def test_appositions_and_media_are_not_content(text, content):
    [record] = extract(text)
    assert record.content == content


@pytest.mark.parametrize(("text", "cues"), [
    ("“We are shocked,” Lena Varga said. “He was a friend,” she added.", ["said", "added"]),
    ("“We are shocked,” Varga said, wiping her eyes. “Why now?” she asked.", ["said", "asked"]),
    ("“The tram is late,” said Okafor. “It always is!” a commuter shouted.", ["said", "shouted"]),
])
def test_a_quotation_with_its_own_attribution_is_no_second_half(text, cues):
    records = extract(text)
    assert [r.cue for r in records] == cues
    quotes = [m.group() for m in re.finditer(r"“[^”]*”", text)]
    assert [[text[a:b] for a, b in r.content_spans] for r in records] == [[q] for q in quotes]
    assert [r.kind for r in records] == ["direct", "direct"]


def test_a_quotation_ending_the_paragraph_still_continues_the_first():
    text = "“We are shocked,” Lena Varga said. “Why now?”\n\nThe plant closed in May."
    [record] = extract(text)
    assert [text[a:b] for a, b in record.content_spans] == ["“We are shocked,”", "“Why now?”"]


@pytest.mark.parametrize("text", [
    "The Tarn Valley Museum issued a statement on Monday.",
    "Mayor Ines Lorca issued a statement on Tuesday night.",
])
def test_a_time_after_the_cue_is_no_content(text):
    [record] = extract(text)
    assert record.content is None and record.content_spans == ()


def test_a_time_before_the_cue_is_no_part_of_it():
    text = "The harbour council on Sunday said the ferry would run."
    [record] = extract(text)
    assert (record.cue, record.speaker, record.content) == (
        "said", "harbour council", "the ferry would run")


def test_a_sentence_glued_after_an_exclamation_keeps_the_continuation():
    text = "“Happy holidays,” he wrote. “I love this town!”After the rally he left."
    [record] = [r for r in extract(text) if r.cue == "wrote"]
    assert [text[a:b] for a, b in record.content_spans] == ["“Happy holidays,”",
                                                            "“I love this town!”"]
