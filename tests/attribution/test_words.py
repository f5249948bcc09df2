"""Words with offsets, the closed word classes, and the text view's words of a range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.attribution import word_classes
from toolkit.attribution.text import TextView
from toolkit.attribution.words import Word, is_name_like, words_in


def texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_word_fields_point_into_the_text():
    text = "Mayor Ingrid Halvorsen said the bridge would open."
    words = words_in(text, 0, len(text))
    assert words[1] == Word(6, 12, "Ingrid")
    assert all(text[w.start:w.end] == w.text for w in words)
    said = words[3]
    assert (said.start, said.end, said.text) == (23, 27, "said")


def test_titles_and_initials_keep_their_period():
    text = "Sen. J. K. Lindqvist of the U.S. delegation said Mr. Brandt's anti-flood plan works."
    assert texts(words_in(text, 0, len(text))) == [
        "Sen.", "J.", "K.", "Lindqvist", "of", "the", "U.", "S.", "delegation", "said", "Mr.",
        "Brandt's", "anti-flood", "plan", "works", "."]


def test_quotation_marks_and_punctuation_are_words_of_their_own():
    text = "''We are ready,'' Halvorsen said — “really.”"
    assert texts(words_in(text, 0, len(text))) == [
        "''", "We", "are", "ready", ",", "''", "Halvorsen", "said", "—", "“", "really", ".", "”"]


def test_a_range_end_cuts_a_word():
    text = "The council announced its decision."
    assert texts(words_in(text, 4, 14)) == ["council", "an"]


def test_name_like_words():
    assert is_name_like("Halvorsen") and is_name_like("2024") and is_name_like("U.S.")
    assert not is_name_like("said") and not is_name_like("“") and not is_name_like("")


def test_word_classes_are_lower_case():
    """The rules compare lower-cased words with the classes, so a capital letter in a class
    would never match."""
    for name in word_classes.__all__:
        words = getattr(word_classes, name)
        assert all(w == w.lower() for w in words), name


def test_word_classes_that_are_built_from_others():
    assert word_classes.FINITE_AUXILIARIES < word_classes.AUXILIARIES
    assert word_classes.BE_FORMS < word_classes.AUXILIARIES
    assert "not" in word_classes.SKIPPED_BEFORE_CUE and "reportedly" in word_classes.SKIPPED_BEFORE_CUE
    assert "to" in word_classes.PREPOSITIONS and "to" not in word_classes.NOUN_PREPOSITIONS
    assert "and" in word_classes.CLAUSE_BOUNDARY_WORDS
    assert "and" not in word_classes.APPOSITION_STOPS


_SAMPLE = ("WASHINGTON — Sen. J. K. Lindqvist's aide, who spoke on condition of anonymity, said "
           "the U.S. team's anti-flood plan (backed by 2,193 voters) ''works''. “It doesn’t,” "
           "Ms. Ramos replied.\nDam talks stall again\n\nThe Ministry of Water and Energy's "
           "report, released Monday, found that costs rose 12.5% — far more than forecast.")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(_SAMPLE)), st.integers(0, len(_SAMPLE)))
def test_view_words_of_any_range_are_the_words_found_in_that_range(a, b):
    view = TextView(_SAMPLE)
    start, end = min(a, b), max(a, b)
    assert view.words(start, end) == words_in(_SAMPLE, start, end)
