"""Words with offsets and the closed word classes."""

from __future__ import annotations

from toolkit.attribution import word_classes
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

