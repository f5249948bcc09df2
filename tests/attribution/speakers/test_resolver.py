"""Canonical speakers within one document, mentions fed in text order."""

from __future__ import annotations

import pytest

from toolkit.attribution.speakers import Resolved, Resolver


def resolve_all(text: str, heads: list[str]) -> list[Resolved]:
    """Resolve each head at its first occurrence in ``text``, in order."""
    resolver = Resolver(text)
    return [resolver.resolve(head, "", text.index(head)) for head in heads]


def test_she_takes_the_last_female_speaker():
    text = ("Ms. Ana Lund said the bridge was safe. Mr. Dario Lune said it was not. "
            "Lune spoke at the harbour. She added that repairs would wait.")
    *_, she = resolve_all(text, ["Ms. Ana Lund", "Mr. Dario Lune", "Lune", "She"])
    assert she == Resolved("Ana Lund", "person", "Ms.", "f")


def test_pronoun_without_a_compatible_speaker_stays_unresolved():
    text = "Mr. Dario Lune said it was not. She added that repairs would wait."
    _, she = resolve_all(text, ["Mr. Dario Lune", "She"])
    assert she == Resolved(None, "unresolved", None, "f")


def test_lone_surname_takes_the_full_name_given_earlier():
    text = ("Harbour Minister Ingrid Halvorsen said the port was ready. "
            "Halvorsen said the ferry was late.")
    resolver = Resolver(text)
    first = resolver.resolve("Harbour Minister Ingrid Halvorsen", "", 0)
    second = resolver.resolve("Halvorsen", "", text.index("Halvorsen said"))
    assert first == second == Resolved("Ingrid Halvorsen", "person", "Harbour Minister", "-")


def test_lone_name_without_person_cue_is_an_organization():
    (ostmark,) = resolve_all("Ostmark said the port was closed.", ["Ostmark"])
    assert ostmark == Resolved("Ostmark", "organization", None, "o")


def test_role_noun_takes_the_named_holder():
    text = ("Ingrid Halvorsen, the harbour minister, opened the port on Monday. "
            "The minister said the ferry was late.")
    resolver = Resolver(text)
    resolved = resolver.resolve("The minister", "", text.index("The minister"))
    assert (resolved.speaker, resolved.type) == ("Ingrid Halvorsen", "person")


def test_institution_noun_takes_the_named_organization_or_stays_unnamed():
    text = ("Officials at Ostmark's Ministry of Roads and Bridges met on Monday. "
            "The bridge will reopen, the ministry said.")
    (ministry,) = resolve_all(text, ["the ministry"])
    assert ministry == Resolved("Ministry of Roads and Bridges", "organization", None, "o")
    (unnamed,) = resolve_all("The bridge will reopen, the ministry said.", ["the ministry"])
    assert unnamed == Resolved("ministry (unnamed)", "organization", None, "o")


def test_definite_anonymous_mention_is_the_earlier_source():
    text = ("A senior official who spoke on condition of anonymity said talks had stalled. "
            "The official said a deal was still possible.")
    first, later = resolve_all(text, ["A senior official who spoke on condition of anonymity",
                                      "The official"])
    assert first == later == Resolved("senior official", "anonymous", None, "-")


def test_speaker_id_stops_before_a_finite_verb():
    text = "Officials said that Ostmark had not yet offered a figure."
    (ostmark,) = resolve_all(text, ["Ostmark had not yet"])
    assert ostmark.speaker == "Ostmark"


def test_plural_role_nouns_are_groups_without_their_quantifier():
    text = "Some Republicans said no. Critics said yes. Officials said maybe."
    groups = resolve_all(text, ["Some Republicans", "Critics", "Officials"])
    assert [(r.speaker, r.type) for r in groups] == [("Republicans", "group"),
                                                     ("critics", "group"),
                                                     ("officials", "group")]


def test_qualified_officials_stay_anonymous():
    text = "Officials familiar with the talks said the deal was close."
    (r,) = resolve_all(text, ["Officials familiar with the talks"])
    assert r.type == "anonymous"


def test_role_noun_takes_the_person_titled_with_it_before():
    text = "Sen. Ana Lund toured the port on Monday. The senator said the ferry was late."
    (r,) = resolve_all(text, ["The senator"])
    assert (r.speaker, r.type) == ("Ana Lund", "person")


def test_role_noun_without_a_holder_is_an_unnamed_role():
    text = "The mayor said the ferry was late. She said it would sail on Monday."
    mayor, she = resolve_all(text, ["The mayor", "She"])
    assert (mayor.speaker, mayor.type) == ("mayor (unnamed)", "role")
    assert she.speaker == "mayor (unnamed)"


def test_first_person_inside_a_quotation_is_its_speaker():
    from toolkit.attribution.records import Attribution
    from toolkit.attribution.speakers import quoted_first_person

    text = '"When I said the ferry was late, I meant it," Ana Lund said. I said no.'
    base = dict(doc_id="d", cue_lemma="say", content=None, content_start=None, content_end=None,
                kind="indirect", verb_category=None)
    outer = Attribution(speaker="Ana Lund", speaker_type="person", speaker_mention="Ana Lund",
                        speaker_start=text.index("Ana"), speaker_end=text.index(" said."),
                        cue="said", cue_start=text.index("said."), cue_end=text.index("said.") + 4,
                        **{**base, "content_start": 1, "content_end": text.index(",\"")})
    inner = Attribution(speaker=None, speaker_type="unresolved", speaker_mention="I",
                        speaker_start=6, speaker_end=7, cue="said", cue_start=8, cue_end=12,
                        **base)
    author = Attribution(speaker=None, speaker_type="unresolved", speaker_mention="I",
                         speaker_start=text.rindex("I"), speaker_end=text.rindex("I") + 1,
                         cue="said", cue_start=text.rindex("said"),
                         cue_end=text.rindex("said") + 4, **base)
    got = quoted_first_person([outer, inner, author])
    assert [r.speaker for r in got] == ["Ana Lund", "Ana Lund", None]


def test_relative_pronoun_is_the_name_before_it():
    text = "The ferry left late, delayed by Gov. Ana Lund, who said the port was closed."
    (r,) = resolve_all(text, ["who"])
    assert (r.speaker, r.type) == ("Ana Lund", "person")


def test_pronoun_takes_a_person_named_in_the_previous_paragraph_when_the_gender_agrees():
    text = "Ms. Ana Lund toured the port on Monday.\n\nShe said the ferry was late."
    (r,) = resolve_all(text, ["She"])
    assert r.speaker == "Ana Lund"
    text = "Mr. Dario Lune toured the port on Monday.\n\nShe said the ferry was late."
    (r,) = resolve_all(text, ["She"])
    assert r.speaker is None


def test_an_article_alone_takes_the_speaker_noun_after_it():
    text = "Judge Mira Holt heard the case.\n\nThe judge said the ferry was late."
    resolver = Resolver(text)
    r = resolver.resolve("The", "", text.index("The judge"))
    assert (r.speaker, r.type) == ("Mira Holt", "person")
    r = resolver.resolve("The", "", text.index("the ferry"))
    assert r.speaker is None


def test_a_second_person_with_the_same_surname_keeps_no_title_of_the_first():
    text = "Mr. Karel Dascu spoke first. Mira Dascu said the port was closed."
    karel, mira = resolve_all(text, ["Mr. Karel Dascu", "Mira Dascu"])
    assert (karel.title, mira.speaker, mira.title) == ("Mr.", "Mira Dascu", None)


def test_one_member_of_a_group_is_a_role_not_a_person():
    text = "A Utah Republican said the vote would wait."
    (r,) = resolve_all(text, ["Utah Republican"])
    assert r.type == "role"


def test_they_takes_the_group_named_before_it_and_nothing_else():
    text = "As harbour critics gathered on Monday, they said the ferry was late."
    (r,) = resolve_all(text, ["they"])
    assert (r.speaker, r.type) == ("critics", "group")
    text = "The ferry was late on Monday.\n\nThey said the port was closed."
    (r,) = resolve_all(text, ["They"])
    assert r.speaker is None


def test_a_descriptor_before_a_name_is_a_title():
    text = ("Rival Lena Vostrova mocked the plan. Democrat Lena Vostrova said it would fail. "
            "Economist Pavel Dunaj said rates would rise.")
    rival, democrat, economist = resolve_all(
        text, ["Rival Lena Vostrova", "Democrat Lena Vostrova", "Economist Pavel Dunaj"])
    assert (rival.speaker, rival.title) == ("Lena Vostrova", "Rival")
    assert (democrat.speaker, democrat.title) == ("Lena Vostrova", "Democrat")
    assert (economist.speaker, economist.title) == ("Pavel Dunaj", "Economist")


def test_a_title_case_headline_does_not_lengthen_the_name():
    text = ("Veteran Organizer Morton Keswick Backs Dunaj\n\n"
            "Morton Keswick, a veteran organizer, said on Monday that he would back Dunaj. "
            "Keswick said the race was open.")
    resolver = Resolver(text)
    headline = resolver.resolve("Veteran Organizer Morton Keswick", "", 0)
    body = resolver.resolve("Morton Keswick", "", text.index("Morton Keswick,"))
    lone = resolver.resolve("Keswick", "", text.index("Keswick said"))
    assert headline.speaker == body.speaker == lone.speaker == "Morton Keswick"


def test_a_two_word_surname_takes_the_full_name_the_document_gives():
    text = ("Debbie Marlow Keane said she would stay. Marlow Keane added that she had no "
            "regrets.")
    full, short = resolve_all(text, ["Debbie Marlow Keane", "Marlow Keane"])
    assert full.speaker == short.speaker == "Debbie Marlow Keane"


def test_a_short_newspaper_name_takes_the_full_one():
    text = ("The Harbor Post reported on Monday that talks failed. The Post also said the envoy "
            "left. The Times said he was recalled, the Castenia Times reported.")
    resolver = Resolver(text)
    got = [resolver.resolve(head, "", text.index(head)).speaker
           for head in ("The Harbor Post", "The Post", "The Times", "the Castenia Times")]
    assert got == ["Harbor Post", "Harbor Post", "Castenia Times", "Castenia Times"]


def test_an_adverb_before_a_name_is_no_title():
    text = "So far Ruiz, a law professor, has said he will not quit."
    (ruiz,) = resolve_all(text, ["far Ruiz"])
    assert ruiz.speaker == "Ruiz" and ruiz.title is None


def test_i_outside_any_quotation_is_the_writer():
    from toolkit.attribution import extract

    text = ("“Okay,” I said, trying to regroup. “I was seventeen when I came here.”\n\n"
            "Ana Lund said, “I will appeal.” The judge said I was not contrite.\n")
    records = extract(text)
    writer = records[0]
    assert (writer.speaker, writer.speaker_type, writer.kind) == ("author (unnamed)", "role",
                                                                 "direct")
    assert "seventeen" in writer.content  # the quotation split around "I said, trying to ..."
    assert [(r.speaker, r.speaker_type) for r in records[1:]] == [
        ("Ana Lund", "person"), ("judge (unnamed)", "role")]


def test_a_first_name_alone_is_a_person():
    text = "Bob agreed to talk on condition that his surname not be used. Bob said he saw it."
    resolver = Resolver(text)
    bob = resolver.resolve("Bob", "", 0)
    again = resolver.resolve("Bob", "", text.index("Bob said"))
    assert bob == again == Resolved("Bob", "person", None, "m")


def test_a_relative_pronoun_ending_the_head_is_no_part_of_the_id():
    text = "He is a showman and birther who has repeatedly pledged to build a wall."
    (birther,) = resolve_all(text, ["birther who"])
    assert birther.speaker == "birther"


def test_a_relative_pronoun_after_a_clause_leaves_the_subject():
    text = "Scott was one of three members who voted against the bill."
    (scott,) = resolve_all(text, ["Scott was one of three members who"])
    assert scott.speaker == "Scott"


def _speaker_of(text: str, head: str, position: int | None = None) -> Resolved:
    from toolkit.attribution import extract

    at = text.index(head) if position is None else position
    [record] = [r for r in extract(text, doc_id="d") if r.speaker_start == at]
    return Resolved(record.speaker, record.speaker_type, None, "-")


@pytest.mark.parametrize(("text", "issuer"), [
    ("“We are shocked,” Lena Varga said in a statement. “He was a friend to many of us,” "
     "the statement added.", ("Lena Varga", "person")),
    ("In a statement, the Harbour Trust said the plan was sound. “We stand by it,” "
     "the statement said.", ("Harbour Trust", "organization")),
    ("The Tarn Valley Museum issued a statement on Monday. The statement urged visitors to stay "
     "away from the flooded wing.", ("Tarn Valley Museum", "organization")),
    ("Support for the levy stands at 41 percent, according to a Harbour Institute poll. The poll "
     "found that most voters had not heard of the plan.", ("Harbour Institute poll",
                                                           "organization")),
])
def test_a_document_speaks_for_the_source_named_with_it(text, issuer):
    head = "the statement" if "the statement" in text else (
        "The statement" if "The statement" in text else "The poll")
    resolved = _speaker_of(text, head, text.rindex(head))
    assert (resolved.speaker, resolved.type) == issuer


@pytest.mark.parametrize("text", [
    "Residents received a letter on Monday. The letter said the water would be off.",
    "The council published a new report in March. The report said the warnings came late.",
])
def test_a_document_whose_source_is_not_named_keeps_its_noun(text):
    head = "The letter" if "The letter" in text else "The report"
    resolved = _speaker_of(text, head)
    assert (resolved.speaker, resolved.type) == (head.split()[1], "organization")


def test_a_surname_written_before_a_hyphenated_given_name_takes_the_full_name():
    text = ("Secretary-General Ban Ki-moon arrived on Monday. Many leaders became more willing "
            "to act, Ban said. Kim Jong-un visited the plant. Kim said output would rise.")
    resolved = [_speaker_of(text, "Ban", text.index("Ban said")),
                _speaker_of(text, "Kim", text.index("Kim said"))]
    assert [(r.speaker, r.type) for r in resolved] == [("Ban Ki-moon", "person"),
                                                      ("Kim Jong-un", "person")]
