"""Names the document text gives its speakers."""

from __future__ import annotations

import re

from toolkit.attribution.speakers import known_person
from toolkit.attribution.speakers.names import (
    full_name,
    named_after_class_noun,
    named_body,
    named_with_title,
    role_holder,
)

MINISTER = ("Ingrid Halvorsen, the harbour minister, opened the port on Monday. "
            "The minister said the ferry was late.")


def test_role_holder_is_the_person_named_in_apposition():
    assert role_holder(MINISTER, "minister", position=MINISTER.index("The minister")) == \
        "Ingrid Halvorsen"


def test_role_holder_before_the_name():
    text = "The minister arrived late. Its minister, Ingrid Halvorsen, said the port was ready."
    assert role_holder(text, "minister", position=0) == "Ingrid Halvorsen"


def test_role_holder_prefers_the_description_with_the_role_qualifier():
    text = ("Mira Sand, the port board's chair, spoke first. Tomas Wren, the council's chair, "
            "spoke next. The council's chair said the vote would wait.")
    position = text.index("The council's chair")
    assert role_holder(text, "council's chair", position=position) == "Tomas Wren"
    assert role_holder(text, "board's chair", position=position) == "Mira Sand"


def test_plural_role_has_no_single_holder():
    assert role_holder(MINISTER, "ministers", position=0) is None


def test_full_name_nearest_before_the_position():
    text = "Ingrid Halvorsen said the port was ready. Later, Jonas Halvorsen, her brother, disagreed."
    assert full_name("Halvorsen", text, before=text.index("Later")) == "Ingrid Halvorsen"
    assert full_name("Halvorsen", text, before=len(text)) == "Jonas Halvorsen"
    assert full_name("Halvorsen", "Halvorsen said the port was ready.", before=0) is None


def test_named_body_of_an_institution_noun():
    text = ("Officials at Ostmark's Ministry of Roads and Bridges met on Monday. "
            "The bridge will reopen, the ministry said.")
    position = text.index("the ministry")
    assert named_body(text, "ministry", position=position) == "Ministry of Roads and Bridges"
    assert named_body("The ministry said no.", "ministry", position=4) is None


def test_known_person_needs_a_fuller_name_or_a_title():
    assert known_person("Halvorsen", MINISTER)
    assert known_person("Halvorsen’s", MINISTER)
    assert not known_person("Monday", MINISTER)
    assert known_person("Kessel", "Ms. Kessel said no.")
    assert not known_person("Ostmark", "Ostmark said no.")


def test_named_with_title():
    assert named_with_title("Kessel", "The mayor met Sen. Kessel on Monday.")
    assert not named_with_title("Kessel", "Kessel said no.")


def test_name_after_an_institution_noun():
    text = "The plan was drafted by the consultancy Larch Brook."
    assert named_after_class_noun("Larch Brook", text)
    assert named_after_class_noun("Larch", text)
    assert not named_after_class_noun("Larch Brook", "Larch Brook said the plan was late.")


def test_names_found_around_each_mention_equal_a_scan_of_the_whole_text():
    from toolkit.attribution.speakers import names

    text = ("Elena Ramos spoke first. Ramos, the harbour's chair, said the port would stay open. "
            "J. K. Lindqvist, the council's chair, disagreed; Lindqvist-Berg did not. "
            "Later Ana Ramos and P. Ramos joined. The board's chair, Tomas Vell, said nothing. "
            + "Filler words without any names at all. " * 30
            + "Dana Ramos arrived. The chair, Mira Oduya, spoke. Ramos Ramos left.")
    index = names._TextIndex(text)
    for surname in ("Ramos", "Lindqvist", "Vell", "Oduya"):
        pattern = re.compile(r"\b((?:[A-Z]\. ){1,3}|[^\W\d_a-z][^\W\d_A-Z]+ (?:[A-Z]\. )?)"
                             + re.escape(surname) + r"\b")
        assert [m.span() for m in index._finditer_around(pattern, surname, (100, 2))] == \
            [m.span() for m in pattern.finditer(text)]
    role = re.compile(r"(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}),\s+(?P<desc>(?:[Tt]he|"
                      r"[\w’'.-]+[’']s?)\s(?:[\w’'.-]+\s){0,4}?)chair\b")
    found = index._finditer_around(role, "chair", (400, 400))
    assert [m.span() for m in found] == [m.span() for m in role.finditer(text)]
    assert len(found) == 2


def test_tokens_before_a_word_are_those_before_every_token_it_opens():
    from toolkit.attribution.speakers import names

    text = ("Sen. Vell said. Ms. U.S.-based Vell's aide, (Vell) Mr. Vell-Ortiz and Dr. Vell. "
            "Pres. U.S. O'Brien, O O'Brien's x a.a.a.a. b a.a")
    tokens = text.split()
    for word in ("Vell", "U", "U.S", "O", "O'Brien", "a.a", "a", "a.a.a.a", "Vell-Ortiz",
                 "Ortiz", "Vell's", "'s", "-"):
        expected = {before for before, token in zip(tokens, tokens[1:], strict=False)
                    if re.match(re.escape(word) + r"(?<=\w)(?!\w)", token)}
        assert names._TextIndex(text).preceding(word) == expected, word


def test_a_quoted_term_is_no_fuller_name():
    text = ("Some accounts put their location as ''Wilayat Twitter,'' the province of Twitter. "
            "Twitter said it had closed them.")
    assert full_name("Twitter", text, before=text.index("Twitter said")) is None
    assert full_name("Lund", "“Ana Lund” was on the list. Lund said no.", before=30) is None
    assert full_name("Lund", "Ana Lund arrived. Lund said no.", before=18) == "Ana Lund"
