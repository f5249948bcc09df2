"""What one speaker mention says: name, title, type and gender cue, without the document."""

from __future__ import annotations

import pytest

from toolkit.attribution.speakers import Mention, describe
from toolkit.attribution.speakers.mentions import GROUP


def test_titled_person_keeps_the_title_out_of_the_name():
    mention = describe("Harbour Minister Ingrid Halvorsen")
    assert (mention.name, mention.title, mention.type) == ("Ingrid Halvorsen", "Harbour Minister",
                                                           "person")


def test_honorific_gives_the_gender_cue():
    assert describe("Ms. Halvorsen") == Mention("Halvorsen", "Ms.", "person", "f")


def test_apposition_is_the_title_of_an_untitled_name():
    mention = describe("Halvorsen", context=", the harbour minister")
    assert (mention.name, mention.title) == ("Halvorsen", "harbour minister")


@pytest.mark.parametrize("mention,name", [("Okafor’s", "Okafor"), ("Okafor's", "Okafor"),
                                          ("Secretary of State Ana Lund", "Ana Lund")])
def test_possessives_and_titles_leave_the_id(mention, name):
    assert describe(mention).name == name


def test_anonymous_source_is_the_phrase_up_to_its_clause():
    mention = describe("a senior official who spoke on condition of anonymity")
    assert mention == Mention("senior official", None, "anonymous", "-", "official")
    plural = describe("sources familiar with the talks")
    assert (plural.name, plural.type, plural.gender) == ("sources familiar with the talks",
                                                         "anonymous", "p")


def test_quantifier_before_a_prepositional_phrase_is_a_vague_group():
    assert describe("Some in Ostmark") == Mention("some in Ostmark", None, "anonymous", "p", "some")


def test_organization_name_drops_the_leading_possessive_and_stays_whole():
    for text in ("Ostmark's Ministry of Roads and Bridges", "the Ostmark Ministry of Roads and Bridges"):
        assert describe(text) == Mention("Ministry of Roads and Bridges", None, "organization", "o")


def test_common_nouns_are_organizations_or_roles():
    assert describe("the ministry") == Mention("ministry", None, "organization", "o")
    assert describe("the spokeswoman") == Mention("spokeswoman", None, "role", "f")


def test_pronouns_and_non_speakers():
    assert describe("They") == Mention("they", None, "pronoun", "p")
    assert describe("There are").type == "none"


@pytest.mark.parametrize("context,age,title", [
    ("61", 61, None),
    (", 47, the harbour minister", 47, "harbour minister"),
    ("who", None, None),
    ("against", None, None),
    ("suggesting that the ferries would be late", None, None),
    ("referring to the storm and the harbour", None, None),
    ("a ferry captain who sailed for Valdoria", None, "ferry captain"),
    ("son of the harbour minister", None, "son of the harbour minister"),
    ("acting harbour master", None, "acting harbour master"),
])
def test_apposition_gives_an_age_and_a_noun_phrase_title(context, age, title):
    mention = describe("Ingrid Halvorsen", context=context)
    assert (mention.name, mention.age, mention.title) == ("Ingrid Halvorsen", age, title)


@pytest.mark.parametrize("head", ["Some", "many", "Several"])
def test_a_lone_quantifier_is_an_unnamed_group_of_sources(head):
    assert describe(head) == Mention(head.lower(), None, "anonymous", "p", head.lower())


def test_a_document_with_a_participle_phrase_is_no_anonymous_source():
    """The head of ``a report released by the statistics director's office`` is "report", not
    the role noun inside the participle phrase."""
    mention = describe("a report released by the statistics director’s office on Wednesday")
    assert mention.type == "organization"
    assert describe("officials briefed on the talks").type == "anonymous"


def test_words_run_together_are_no_title():
    from toolkit.attribution.speakers.mentions import noun_phrase

    assert noun_phrase(["BushASSOCIATED", "PRESSOhio", "Gov."]) is None
    assert noun_phrase(["McDonald’s", "chief", "executive"]) == "McDonald’s chief executive"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Advisers to Mr. Lund", "advisers to Mr. Lund", "group"),
    ("Aides to President Ana Lund", "aides to President Ana Lund", "group"),
])
def test_a_group_around_a_person_is_not_that_person(text, name, kind):
    mention = describe(text)
    assert mention.name == name
    assert (mention.head == GROUP) if kind == "group" else (mention.type == "role")


def test_a_title_with_a_place_is_still_a_title():
    mention = describe("Secretary of State Ana Lund")
    assert (mention.name, mention.title, mention.type) == ("Ana Lund", "Secretary of State", "person")


@pytest.mark.parametrize(("text", "name", "title"), [
    ("his colleague Dario Lune", "Dario Lune", "colleague"),
    ("Her campaign chairman Ana Lund", "Ana Lund", "campaign chairman"),
])
def test_a_relation_after_a_possessive_is_the_title_of_the_person_named(text, name, title):
    mention = describe(text)
    assert (mention.name, mention.title, mention.type) == (name, title, "person")
