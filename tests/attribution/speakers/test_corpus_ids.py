"""One id per person across the documents of a corpus."""

from __future__ import annotations

from toolkit.attribution import attribute
from toolkit.attribution.speakers import merge_speakers
from toolkit.attribution.speakers.corpus_ids import name_key, nicknames


def speakers(docs: list[str]) -> list[str | None]:
    return [r.speaker for r in attribute(docs)]


def test_name_key_ignores_middle_names_initials_suffixes_and_nicknames():
    assert name_key("Joseph R. Biden") == name_key("Joe Biden")[:2] + ("R",)
    assert name_key("Mira Holt Vance")[:2] == name_key("Mira Vance")[:2]
    assert name_key("Tomas Wren Jr.") == name_key("Tomas Wren")
    assert name_key("Wren") is None


def test_nickname_list_maps_familiar_forms_to_given_names():
    assert nicknames()["bill"] == "william" and nicknames()["jim"] == "james"


def test_forms_of_one_name_share_the_most_common_form():
    docs = ['"The port is ready," Dario J. Lune said.',
            'Dario Lune said the ferry was late.',
            'Dario Lune said the ships would wait.',
            '"We sail at dawn," Mr. Lune said. Dario Lune said it twice.']
    assert set(speakers(docs)) == {"Dario Lune"}


def test_nicknames_and_middle_names_join_the_full_name():
    docs = ['Bill Marsh said the port was ready.', 'William K. Marsh said the ferry was late.',
            'Bill Marsh said the ships would wait.',
            'Ana Holt Vance said no.', 'Ana Vance said yes.', 'Ana Vance said maybe.',
            'Holt Vance said later.']
    assert speakers(docs) == ["Bill Marsh"] * 3 + ["Ana Vance"] * 4


def test_two_middle_initials_are_two_people_and_the_bare_form_stays_apart():
    docs = ['Piet K. Stam said yes.', 'Piet R. Stam said no.', 'Piet Stam said maybe.']
    assert speakers(docs) == ["Piet K. Stam", "Piet R. Stam", "Piet Stam"]


def test_lone_surname_joins_the_only_person_with_it():
    docs = ['Ingrid Halvorsen said the port was ready.', 'Halvorsen said the ferry was late.']
    assert speakers(docs) == ["Ingrid Halvorsen", "Ingrid Halvorsen"]


def test_shared_surname_merges_only_where_a_title_or_honorific_tells_who():
    docs = ['Mira Dascu said yes. Mira Dascu said so. Ms. Mira Dascu said it.',
            'Karel Dascu said no. Mr. Karel Dascu said it again.',
            '"It is late," Ms. Dascu said.',
            'Dascu said the port was closed.']
    got = speakers(docs)
    assert got[-2] == "Mira Dascu"
    assert got[-1] == "Dascu"


def test_words_that_cannot_start_a_name_are_not_part_of_it():
    records = attribute(['Tomas Wren said yes.', 'Tomas Wren said no.',
                         'Tomas Wren said maybe.'])
    fake = [records[0].__class__(**{**records[0].__dict__, "speaker": "Billionaire Tomas Wren"})]
    assert [r.speaker for r in merge_speakers([*records, *fake])][-1] == "Tomas Wren"


def test_a_lone_name_with_a_gendered_title_joins_the_person_of_that_gender():
    docs = ['President Mark Lund said the budget was fair.',
            'Mark Lund said the port would open.',
            # one mention resolved to the wrong person does not change Ana Lund's gender
            'Ana Lund said the school was full. Advisers to Mr. Lund said he would stay.',
            'Ana Lund said the board would meet.',
            '"We are ready," Mr. Lund said in a third article.']
    assert speakers(docs)[-1] == "Mark Lund"
