"""Scans that skip most of a text find exactly what the plain pattern scan finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.attribution import text as text_module
from toolkit.attribution.speakers import names, resolver
from toolkit.attribution.special_cues import (
    COLON_CUE,
    DASH_BYLINE,
    SOURCE_PHRASE,
    colon_cue_matches,
    dash_byline_matches,
    source_phrase_matches,
)
from toolkit.attribution.text import TextView
from toolkit.attribution.verb_lexicon import default_verb_lexicon

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "data/sample/articles").glob("*.txt"))
POLNEAR = sorted((ROOT.parent / "shared/polnear/dev/text").glob("*.txt"))[:40]

CRAFTED = [
    "",
    ":",
    ": ",
    "Lund: ",
    "Lund:",
    "Ana Lund: “We stay.”\nThe minister: no.\n— Carla Sanchez: fine",
    "Q: What now?\nA: We wait.\nMARTELL: Yes. Martell is more blunt: “No.”",
    "Director of the Agency de Vries on Monday: talks. Mr. Lund’s aide, O’Neil-Smith: ok",
    "x, Lund: a; Lund:b Lund:\tc Lund:\n\nd https://example.org: e 10:30 a.m. Lund :  f",
    "Lund was quite sure then: yes — Ana: “no” – Bo: maybe\u00a0Lund:\u2003x",
    "Mr Lund said.  Lund  Lund\u2003x_Lund Lund_ Lund’s “Lund” Sen. Lund\n\nPresident\tLund",
    "U.S. officials U.S.A. U.Sx  Mr. U — a-b a-bc\u00a0a-b x y",
    "J. K. Lund, Ana Lund, ana Lund, Élise Lund, 3d Lund, _x Lund, Mr. Lund, said Lund, A.Lund",
    "Ana\u00a0Lund; Ana  Lund; Ana O’Neil; B. O’Neil; " + "x" * 70 + " Lund; Aé X. Lund",
]


def _texts():
    yield from CRAFTED
    for path in SAMPLE + POLNEAR:
        yield path.read_text(encoding="utf-8")


def _found(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", list(_texts()))
def test_colon_cues_are_the_pattern_matches(text):
    assert _found(colon_cue_matches(text)) == _found(COLON_CUE.finditer(text))


def _lookups(text):
    words = sorted(set(re.findall(r"\w+", text)))[:150]
    return words + ["Mr", "U", "U.S", "U.S.", "a-b", "x y", " x", "", ".", "“Hello", "’s"]


@pytest.mark.parametrize("text", list(_texts()))
def test_word_lookups_by_scan_equal_the_index(text, monkeypatch):
    scanned = names._TextIndex(text)
    monkeypatch.setattr(names, "_SCANS_BEFORE_INDEX", 0)
    indexed = names._TextIndex(text)
    monkeypatch.setattr(names, "_SCANS_BEFORE_INDEX", 10**9)
    for word in _lookups(text):
        assert scanned.preceding(word) == indexed.preceding(word), word
        if re.fullmatch(r"\w+", word):
            assert scanned._starts(word) == indexed._starts(word), word


@pytest.mark.parametrize("text", list(_texts()))
def test_full_names_skipped_by_the_prefilter_are_none(text):
    index = names._TextIndex(text)
    words = sorted(set(re.findall(r"[A-Z][\w’'-]*", text)))[:200] + ["O’Neil", "’s", "Lund"]
    for surname in words:
        if not index._may_have_full_name(surname):
            pattern = re.compile(r"\b((?:[A-Z]\. ){1,3}|[^\W\d_a-z][^\W\d_A-Z]+ (?:[A-Z]\. )?)"
                                 + re.escape(surname) + r"\b")
            assert pattern.search(text) is None, surname


def test_lexicon_pattern_matches_a_longest_first_alternation_of_its_forms():
    lexicon = default_verb_lexicon()
    forms = set(lexicon.entries) | {f[:1].upper() + f[1:] for f in lexicon.entries}
    words = sorted(forms, key=lambda f: (-len(f), f))
    plain = re.compile(r"(?<![\w’'-])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])")
    text = "\n".join(_texts()) + " Said SAID sAid according  to According\nto Ssaid ſaid"
    assert [m.span() for m in lexicon.pattern.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", list(_texts()) + ["it's o’clock x-ray re-do said_ said2 said"])
def test_lower_case_words_by_scan_equal_the_list(text):
    listed = frozenset(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'])", text))
    words = sorted(set(re.findall(r"[A-Za-z]+", text)))[:300]
    for word in [w.lower() for w in words] + ["said", "x", "ray", "do", "re", "s", "clock", "é"]:
        assert (word in resolver._LowerWords(text)) == (word in listed), word


@pytest.mark.parametrize("text", list(_texts()) + [
    "“Go.” — Ana Lund\n\"Stay\" -- Bo Vell, chair\n“x”― Al Bo ,\n\"\"— Cy\n”—Di.",
    "In a poll, in the survey In its new study of voters, In Lund’s view, in his view, Win a "
    "poll; in\ta report; in  their analysis",
])
def test_dash_bylines_and_source_phrases_are_the_pattern_matches(text):
    assert _found(dash_byline_matches(text)) == _found(DASH_BYLINE.finditer(text))
    assert _found(source_phrase_matches(text)) == _found(SOURCE_PHRASE.finditer(text))


@pytest.mark.parametrize("text", list(_texts()) + [
    "The Merrow dam; the Merrow_x; bathe Merrow; the  Merrow; merrow-ish; The Lund’s; the Lundx"])
def test_modifier_names_by_scan_equal_the_index(text, monkeypatch):
    names_asked = sorted(set(re.findall(r"[A-Z]\w*", text)))[:120] + ["Merrow", "Lund", "É"]
    scanned = TextView(text)
    monkeypatch.setattr(text_module, "_SCANS_BEFORE_INDEX", 0)
    indexed = TextView(text)
    monkeypatch.setattr(text_module, "_SCANS_BEFORE_INDEX", 10**9)
    for name in names_asked:
        assert scanned.used_as_modifier(name) == indexed.used_as_modifier(name), name


@pytest.mark.parametrize("text", list(_texts()) + [
    "Mr. Ana Lund, Mrs Lune, Ms.  J. K. Vell, Miss Tao Ng, MrX, Mr.Lund, aMr. Lund, MMr. Lund"])
def test_honorifics_are_the_pattern_matches(text):
    assert _found(resolver._honorifics(text)) == _found(resolver._HONORIFIC.finditer(text))
