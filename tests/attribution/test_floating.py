"""Floating quotations: quoted sentences without a cue continue the previous direct quote, or
the indirect speech that closes the paragraph before them."""

from __future__ import annotations

from toolkit.attribution.content_spans import direct_content, indirect_content
from toolkit.attribution.floating import floating_quotes
from toolkit.attribution.speaker_spans import left_speaker

TEXT = ("“The walls are too low,” Brandt said.\n"
        "“Nobody listened to the engineers.” “We warned them in May.”\n"
        "The council met on Friday.\n"
        "“This is not about money at all.”")


def attributed(cue_site, lexicon, text, cue):
    site = cue_site(text, cue)
    left_speaker(site.view, site.draft, site.words, lexicon=lexicon, earlier=[])
    used: set[int] = set()
    if not direct_content(site.view, site.draft, used):
        indirect_content(site.view, site.draft)
    return site, used


def test_quotations_after_a_direct_quote_float_with_its_speaker(cue_site, lexicon):
    site, used = attributed(cue_site, lexicon, TEXT, "said")
    [floating] = floating_quotes(site.view, [site.draft], used)
    assert floating.kind == "floating" and floating.antecedent is site.draft
    # two quotations with only a space between them make one record
    assert TEXT[floating.content_start:floating.content_end] == \
        "“Nobody listened to the engineers.” “We warned them in May.”"
    assert floating.cue_start == floating.cue_end == floating.content_start
    assert floating.paragraph == 1


def test_a_quoted_paragraph_after_indirect_speech_floats_with_its_speaker(cue_site, lexicon):
    text = "Brandt said the walls are too low.\n“Nobody listened to the engineers.”"
    site, used = attributed(cue_site, lexicon, text, "said")
    assert site.draft.kind == "indirect"
    [floating] = floating_quotes(site.view, [site.draft], used)
    assert floating.antecedent is site.draft
    assert text[floating.content_start:floating.content_end] == "“Nobody listened to the engineers.”"


def test_no_floating_quotes_after_indirect_speech_that_is_not_last_in_its_paragraph(cue_site,
                                                                                     lexicon):
    for text in ("Brandt said the walls are too low. The council met on Friday.\n"
                 "“Nobody listened to the engineers.”",
                 "Brandt said the walls are too low.\nThe council met on Friday.\n"
                 "“Nobody listened to the engineers.”"):
        site, used = attributed(cue_site, lexicon, text, "said")
        assert site.draft.kind == "indirect"
        assert floating_quotes(site.view, [site.draft], used) == []


def test_short_or_used_quotations_do_not_float(cue_site, lexicon):
    text = "“The walls are too low,” Brandt said.\n“Never.”"
    site, used = attributed(cue_site, lexicon, text, "said")
    assert floating_quotes(site.view, [site.draft], used) == []
    site, used = attributed(cue_site, lexicon, TEXT, "said")
    assert floating_quotes(site.view, [site.draft], used | {1, 2}) == []
