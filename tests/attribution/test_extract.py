"""Attribution extraction: hand-written passages, properties, the seed article, PolNeAR dev."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import attribution as quotes
from toolkit.attribution import Attribution, attribute, cued, extract, load_verb_lexicon, to_frame
from toolkit.errors import LexiconError, ParameterError

ROOT = Path(__file__).resolve().parents[2]


def one(text: str, cue: str, **kw) -> Attribution:
    """The single record whose cue is ``cue``."""
    found = [r for r in extract(text, **kw) if r.cue == cue]
    assert len(found) == 1, [(r.cue, r.content) for r in extract(text, **kw)]
    return found[0]


def assert_offsets(text: str, records: list[Attribution]) -> None:
    for r in records:
        assert text[r.cue_start:r.cue_end] == r.cue
        if r.content is not None:
            assert text[r.content_start:r.content_end] == r.content
        if r.speaker_mention is not None:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_mention


# ----- direct quotes ------------------------------------------------------------------------

def test_quote_before_cue_curly():
    text = "“The bridge will open in May,” Halvorsen said."
    r = one(text, "said")
    assert (r.speaker, r.kind, r.content) == ("Halvorsen", "direct", "“The bridge will open in May,”")
    assert r.verb_category == "neutral" and r.cue_lemma == "say"


def test_quote_after_cue_straight_marks_and_colon():
    text = 'Mayor Ingrid Halvorsen said: "We are ready for the storm."'
    r = one(text, "said")
    assert r.content == '"We are ready for the storm."'
    assert r.speaker == "Ingrid Halvorsen" and r.speaker_title == "Mayor"


def test_quote_after_cue_comma():
    r = one("Halvorsen said, “Nobody expected this.”", "said")
    assert r.kind == "direct" and r.content == "“Nobody expected this.”"


def test_inverted_cue_with_apposition():
    text = "“We will not sell the port,” said Tomas Brandt, the harbour director."
    r = one(text, "said")
    assert r.speaker == "Tomas Brandt"
    assert r.speaker_title == "the harbour director" or r.speaker_title == "harbour director"
    assert r.kind == "direct"


def test_split_quote_is_one_attribution():
    text = "“The vote was fair,” she said. “Anyone can check the ballots.”"
    records = cued(extract(text))
    assert len(records) == 1
    assert records[0].content == text[:text.index(",”") + 2] + text[text.index(",”") + 2:]


def test_quote_spanning_paragraphs():
    text = ("Brandt said: “The first ship arrives tomorrow.\n\n"
            "“The second one comes next week.”\n")
    r = one(text, "said")
    assert r.content.startswith("“The first") and r.content.endswith("next week.”")


def test_nested_single_quotes_stay_inside():
    text = "“He told me ‘never again’ and left,” Okafor said."
    r = one(text, "said")
    assert r.content == "“He told me ‘never again’ and left,”"



def test_two_apostrophe_quotation_marks():
    text = ("''The ferry will run all winter,'' Okafor said.\n\n"
            "Brandt disagreed. ''I think the ice is thin,'' said Brandt.\n")
    records = cued(extract(text))
    assert [(r.cue, r.speaker, r.kind) for r in records] == [("said", "Okafor", "direct"),
                                                             ("said", "Brandt", "direct")]
    assert records[0].content == "''The ferry will run all winter,''"
    assert records[1].content == "''I think the ice is thin,''"

def test_unbalanced_marks_do_not_stop_the_document():
    text = "“This opening mark never closes, Okafor said.\n\nLater, Brandt said the plan was fine."
    records = extract(text)
    assert any(r.speaker == "Brandt" for r in records)
    assert_offsets(text, records)


def test_floating_quote_continues_the_speaker():
    text = ("“We have enough water,” Okafor said.\n\n"
            "“Rationing would only cause panic in the city.”\n")
    records = extract(text)
    floating = [r for r in records if r.kind == "floating"]
    assert len(floating) == 1 and floating[0].speaker == "Okafor"
    assert floating[0].cue == "" and floating[0].speaker_start is None
    assert all(r.kind != "floating" for r in cued(records))


# ----- indirect speech ----------------------------------------------------------------------

@pytest.mark.parametrize("verb,category", [
    ("claimed", "nonfactive"), ("insisted", "nonfactive"), ("warned", "predictive"),
    ("denied", "conflictual"), ("admitted", "concessive"), ("confirmed", "factive"),
])
def test_indirect_that_clause(verb, category):
    text = f"Governor Lina Morales {verb} that the budget was balanced."
    r = one(text, verb)
    assert r.kind == "indirect" and r.verb_category == category
    assert r.speaker == "Lina Morales" and r.speaker_title == "Governor"
    assert r.content == "that the budget was balanced"


def test_told_reporters_skips_the_listener():
    r = one("Morales told reporters that the budget was balanced.", "told")
    assert r.speaker == "Morales" and r.content == "that the budget was balanced"


def test_cue_after_content():
    r = one("The budget is balanced, Morales said.", "said")
    assert r.content == "The budget is balanced" and r.speaker == "Morales"


def test_relative_who_clause():
    text = "The deal is off, according to Brandt, who also confirmed that talks will resume."
    r = one(text, "also confirmed")
    assert r.speaker_mention == "Brandt, who" and r.speaker == "Brandt"


def test_participle_takes_the_main_subject():
    text = "Okafor predicted a dry summer, adding that farmers should plan ahead."
    r = one(text, "adding")
    assert r.speaker == "Okafor" and r.content == "that farmers should plan ahead"
    assert one(text, "predicted").content == "a dry summer"


def test_according_to():
    r = one("The bridge will close on Monday, according to the city council.", "according to")
    assert r.speaker_type == "organization" and r.content == "The bridge will close on Monday"


def test_mixed_quote():
    text = "Brandt called the proposal “a gift to speculators.”"
    r = one(text, "called")
    assert r.kind == "mixed" and "“a gift to speculators.”" in r.content


def test_scare_quotes_are_not_speech():
    text = "The so-called “reform” was a “disaster” for the town."
    assert extract(text) == []


def test_cognitive_and_evidential_kinds():
    assert one("Okafor believes the river will flood.", "believes").kind == "cognitive"
    r = one("A new survey suggests that voters are tired.", "suggests")
    assert r.kind == "evidential" and r.verb_category == "evidential"


def test_colon_cue_in_a_headline():
    text = "Morales: The Budget Is Balanced\n\nThe governor spoke on Friday.\n"
    r = one(text, ":")
    assert r.speaker == "Lina Morales" or r.speaker_mention == "Morales"


# ----- speakers -----------------------------------------------------------------------------

def test_possessive_apposition_names_the_spokesman():
    text = "According to Okafor’s spokesman, Daniel Reyes, the talks failed."
    r = one(text, "According to")
    assert r.speaker == "Daniel Reyes" and r.speaker_mention == "Okafor’s spokesman, Daniel Reyes"


def test_names_share_one_canonical_speaker():
    text = ("President Ingrid Halvorsen said the port would open. Halvorsen said it twice. "
            "Ms. Halvorsen said it again.")
    speakers = {r.speaker for r in extract(text)}
    assert speakers == {"Ingrid Halvorsen"}


def test_pronoun_resolution_uses_gender_cues():
    text = ("Tomas Brandt said the port was ready. Mayor Jennifer Lund said the roads were not. "
            "He said the ships would wait.")
    last = extract(text)[-1]
    assert last.speaker_mention == "He" and last.speaker == "Tomas Brandt"


def test_unresolvable_pronoun_stays_unresolved():
    r = one("She said the ships would wait.", "said")
    assert r.speaker is None and r.speaker_type == "unresolved" and r.speaker_mention == "She"


def test_role_and_anonymous_speakers():
    r = one("The spokeswoman said the office was closed.", "said")
    assert (r.speaker, r.speaker_type) == ("spokeswoman (unnamed)", "role")
    r = one("A source familiar with the talks said the deal was close.", "said")
    assert r.speaker_type == "anonymous"
    assert one("The White House said the trip was cancelled.", "said").speaker_type == "organization"


# ----- lexicon ------------------------------------------------------------------------------

def test_lexicon_has_the_required_categories():
    lexicon = quotes.load_verb_lexicon(ROOT / "toolkit" / "lexicons" / "reporting_verbs.tsv")
    expected = {"say": "neutral", "confirm": "factive", "claim": "nonfactive", "admit": "concessive",
                "urge": "directive", "accuse": "conflictual", "warn": "predictive",
                "think": "cognitive", "suggest": "evidential", "point out": "factive",
                "fight back": "conflictual", "weigh in": "neutral"}
    for lemma, category in expected.items():
        assert lexicon.lookup(lemma).category == category
    assert lexicon.lookup("pointed out").lemma == "point out"


def test_user_lexicon_overrides(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("# my verbs\nlemma\tcategory\tkind\tforms\nmutter\tneutral\tspeech\t\n",
                    encoding="utf-8")
    lexicon = load_verb_lexicon(path)
    r = one("Brandt muttered that the ferry was late.", "muttered", lexicon=lexicon)
    assert r.cue_lemma == "mutter"
    assert extract("Brandt said that the ferry was late.", lexicon=lexicon) == []


def test_bad_lexicon_row_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("say\tloud\tspeech\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.tsv:1: unknown category"):
        load_verb_lexicon(path)


# ----- API contracts ------------------------------------------------------------------------

def test_excluded_spans_are_ignored():
    text = "Subscribe now, the editors said.\n\nBrandt said the port was ready."
    records = extract(text, excluded=[(0, 32)])
    assert [r.speaker for r in records] == ["Brandt"]
    with pytest.raises(ParameterError):
        extract(text, excluded=[(1, 2, 3)])


def test_extract_is_pure_and_repeatable():
    text = "“It works,” Okafor said. Brandt claimed that it did not."
    excluded = [(0, 1)]
    assert extract(text, excluded=excluded) == extract(text, excluded=excluded)
    assert excluded == [(0, 1)]


def test_to_frame_columns_and_order():
    records = attribute([("b", "Brandt said the port was ready."),
                         ("a", "Okafor said it was not. “Never,” Brandt said.")])
    frame = to_frame(records)
    assert list(frame.columns) == [f.name for f in fields(Attribution)]
    assert list(frame["doc_id"]) == ["a", "a", "b"]
    assert list(frame["cue_start"])[:2] == sorted(frame["cue_start"][:2])


def test_attribute_merges_surnames_across_documents():
    records = attribute([("1", "President Ingrid Halvorsen said the port was ready."),
                         ("2", "Halvorsen said the port was late.")])
    assert {r.speaker for r in records} == {"Ingrid Halvorsen"}


def test_all_is_explicit():
    assert set(quotes.__all__) >= {"Attribution", "extract", "to_frame", "attribute", "load_verb_lexicon"}


# ----- properties ---------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("abcXYZ .,:;“”\"‘’'\n\t-—()") + [
    " said ", " told ", " according to ", " Brandt ", " he ", " who ", " adding ", "Mr. ",
    " claimed that ", "“", "”", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_extract_never_raises_and_offsets_slice(text):
    records = extract(text)
    assert_offsets(text, records)
    for r in records:
        assert r.kind in quotes.KINDS and r.speaker_type in quotes.SPEAKER_TYPES


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_extract_on_arbitrary_unicode(text):
    assert_offsets(text, extract(text))


# ----- the seed article ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_records(seed_text):
    return extract(seed_text, doc_id="seed")


def _at(text: str, records, phrase: str, cue: str) -> Attribution:
    start = text.index(phrase)
    return next(r for r in records if r.cue == cue and start <= r.cue_start < start + len(phrase))


def test_seed_peskov_is_most_quoted(seed_records):
    counts: dict[str, int] = {}
    for r in seed_records:
        counts[r.speaker] = counts.get(r.speaker, 0) + 1
    assert max(counts, key=counts.get) == "Dmitry Peskov"
    mentions = {r.speaker_mention for r in seed_records if r.speaker == "Dmitry Peskov"}
    assert {"Peskov", "Putin’s spokesman, Dmitry Peskov"} <= mentions


def test_seed_pronouns(seed_text, seed_records):
    assert _at(seed_text, seed_records, "reporters, he said", "said").speaker == "Dmitry Peskov"
    assert _at(seed_text, seed_records, "response, he said", "said").speaker == "Recep Tayyip Erdogan"
    assert _at(seed_text, seed_records, "She did note", "did note").speaker == "Jen Psaki"


def test_seed_floating_claimed_and_mixed(seed_text, seed_records):
    start = seed_text.index("“A lack of response")
    floating = next(r for r in seed_records if r.content_start == start)
    assert floating.kind == "floating" and floating.speaker == "Dmitry Peskov"
    claimed = _at(seed_text, seed_records, "Putin claimed", "claimed")
    assert claimed.speaker == "Vladimir Putin" and claimed.verb_category == "nonfactive"
    calling = _at(seed_text, seed_records, "calling Biden’s remarks", "calling")
    assert calling.kind == "mixed" and calling.speaker == "Recep Tayyip Erdogan"


def test_seed_offsets(seed_text, seed_records):
    assert_offsets(seed_text, seed_records)


# ----- command line -------------------------------------------------------------------------

def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, check=False)


def test_cli_jsonl_keys_and_path_echo(tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text("“It is done,” Brandt said.\n", encoding="utf-8")
    result = _cli("quotes", "--paths-from", "-", "--format", "jsonl", stdin=f"{doc}\n")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.splitlines()[0])
    from toolkit.cli.quotes import JSONL_KEYS
    assert tuple(row)[:len(JSONL_KEYS)] == JSONL_KEYS
    assert row["path"] == str(doc) and row["doc_id"] == "story" and row["speaker"] == "Brandt"


def test_cli_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    result = _cli("quotes", str(tmp_path / "missing.txt"), str(bad), "--format", "csv")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "missing.txt: no such file" in lines[0] and "not UTF-8" in lines[1]
    assert "Traceback" not in result.stderr


# ----- nouns that look like cues ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "People close to the harbour talks said the ferry deal was near.",
    "Nobody expected any talks before the vote.",
    "There are health worries in the valley.",
    "The earlier note from the mayor was brief.",
    "It was the first monthly decline this year.",
])
def test_nouns_are_not_cues(text):
    cues = {r.cue for r in extract(text)}
    assert not cues & {"talks", "worries", "note", "earlier note", "decline", "first monthly decline"}


def test_verb_reading_of_a_noun_form_is_kept():
    r = one("Lundgren talks of a new ferry line.", "talks")
    assert r.speaker == "Lundgren"
    assert one("She claims that the ferry is late.", "claims").speaker_mention == "She"


def test_plural_noun_subject_in_a_headline():
    text = "Harbour talks stall over ferry fees\n\nThe harbour talks in Ostby stalled on Monday.\n"
    assert [r.cue for r in extract(text) if r.cue == "talks"] == []


# ----- speaker ids and types ----------------------------------------------------------------

@pytest.mark.parametrize("text,cue,speaker", [
    ("A senior port official who spoke on condition of anonymity said the cranes were idle.", "said",
     "senior port official"),
    ("Sources familiar with the ferry negotiations said a deal was close.", "said",
     "sources familiar with the ferry negotiations"),
    ("One person with knowledge of the audit said the books were fine.", "said",
     "one person with knowledge of the audit"),
    ("Two officials said the bridge would stay shut.", "said", "two officials"),
])
def test_anonymous_sources(text, cue, speaker):
    r = one(text, cue)
    assert (r.speaker, r.speaker_type) == (speaker, "anonymous")


def test_definite_anonymous_mention_is_the_earlier_source():
    text = ("A diplomat from a neighbouring state said the vote was rushed. "
            "“Nobody read the annex,” the diplomat said. Another diplomat said it was fine.")
    records = extract(text)
    assert [r.speaker_type for r in records] == ["anonymous"] * 3
    assert records[0].speaker == records[1].speaker == "diplomat from a neighbouring state"
    assert records[2].speaker == "another diplomat"


def test_titles_go_to_speaker_title_not_the_id():
    text = ("Harbour Minister Ingrid Halvorsen of Ostmark said the port would open. "
            "Ms. Halvorsen said it twice.")
    records = extract(text)
    assert {(r.speaker, r.speaker_title) for r in records} == {("Ingrid Halvorsen", "Harbour Minister")}


def test_one_word_place_is_an_organization_and_takes_no_pronoun():
    text = ("Ostmark rejected the claim. She said the port would open.\n\n"
            "In Ostmark, Brandt said the ferry was late.")
    records = extract(text)
    assert (records[0].speaker, records[0].speaker_type) == ("Ostmark", "organization")
    assert records[1].speaker is None and records[1].speaker_type == "unresolved"


def test_one_word_surname_known_in_the_corpus_is_a_person():
    records = attribute([("1", "Mayor Ingrid Halvorsen said the port was ready."),
                         ("2", "Halvorsen said the port was late. Ostmark said it was not.")])
    types = {r.speaker: r.speaker_type for r in records}
    assert types == {"Ingrid Halvorsen": "person", "Ostmark": "organization"}


@pytest.mark.parametrize("text", [
    "The earlier note she said was lost.",
    "There are fears, the mayor said.",
])
def test_no_function_word_ids(text):
    for r in extract(text):
        assert r.speaker is None or r.speaker.split()[0].lower() not in {"the", "a", "an", "there"}


def test_dateline_is_not_a_speaker():
    text = "OSTBY, May 4 (NWS) - Ostby Harbour Board cut fees on Monday, saying traffic had fallen.\n"
    r = one(text, "saying")
    assert r.speaker == "Ostby Harbour Board"
    assert all(r.speaker != "OSTBY" for r in extract("OSTBY — Brandt said the port was ready.\n"))


def test_passive_with_agent_names_the_agent():
    r = one("The allegations were denied by harbour authorities on Friday.", "were denied")
    assert r.speaker_mention == "harbour authorities"


def test_passive_thing_without_agent_is_no_attribution():
    text = "The request will not be repeated, the mayor said."
    assert [r.cue for r in extract(text)] == ["said"]
    assert one(text, "said").speaker_type == "role"


# ----- the sample corpus --------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_quotes(sample_path):
    from toolkit.corpus import load
    return attribute(load(sample_path), as_frame=True)


def test_sample_speaker_ids_are_noun_phrases(sample_quotes):
    ids = sample_quotes["speaker"].dropna()
    assert not any(s.split()[0] in {"the", "a", "an", "The", "A", "An"} for s in ids)
    assert not ids.str.lower().isin(["he", "she", "they", "it", "who"]).any()
    assert "ESTRAVA" not in set(ids)


def test_sample_ramos_id_and_title(sample_quotes):
    ramos = sample_quotes[sample_quotes["speaker_mention"] == "Foreign Minister Elena Ramos"]
    assert set(ramos["speaker"]) == {"Elena Ramos"} and set(ramos["speaker_title"]) == {"Foreign Minister"}
    places = sample_quotes[sample_quotes["speaker"].isin(["Valdoria", "Castenia"])]
    assert set(places["speaker_type"]) == {"organization"}


def test_sample_harbor_ledger_relies_most_on_anonymous_sources(sample_quotes):
    outlet = sample_quotes["doc_id"].str.split("_").str[1]
    rate = (sample_quotes["speaker_type"] == "anonymous").groupby(outlet).mean()
    assert rate.idxmax() == "harbor-ledger"


# ----- evidential verbs after a common noun, modifiers that look like cues ---------------------

@pytest.mark.parametrize("text,cue,speaker", [
    ("The latest harbour survey shows that ferry use has doubled.", "shows", "The latest harbour survey"),
    ("The port records show Brandt moved the cranes twice.", "show", "The port records"),
    ("Ferry use doubled last year, a council audit shows.", "shows", "a council audit"),
])
def test_evidential_verb_after_a_common_noun(text, cue, speaker):
    r = one(text, cue)
    assert (r.speaker_mention, r.kind) == (speaker, "evidential")


@pytest.mark.parametrize("text,form", [
    ("Before the Ostby attacks, the ferry ran daily.", "attacks"),
    ("Nobody forgot the Ostby attack on the depot.", "attack"),
    ("Halvorsen leads with 40 pledged delegates.", "pledged"),
    ("The count of pledged delegates rose.", "pledged"),
    ("A ferry company called Nordlys won the contract.", "called"),
    ("They watched a short film called Rivers.", "called"),
])
def test_modifier_and_noun_uses_are_not_cues(text, form):
    assert form not in {r.cue for r in extract(text)}


def test_numeric_subject_and_naming_verb_are_still_cues():
    assert one("Six in 10 said they wanted a new bridge.", "said").content == "they wanted a new bridge"
    assert one("Brandt called the plan “a fantasy.”", "called").speaker == "Brandt"


# ----- stance acts, continuation verbs, participles --------------------------------------------

@pytest.mark.parametrize("text,cue,category", [
    ("Okafor voted against the ferry levy.", "voted against", "conflictual"),
    ("Brandt voted for the harbour bill in 2019.", "voted for", "supportive"),
    ("The union backed Halvorsen for mayor.", "backed", "supportive"),
    ("The ministry issued a statement saying the port would reopen.", "issued a statement saying", "neutral"),
    ("Okafor made clear that the levy would stay.", "made clear", "factive"),
    ("Brandt made the case that the bridge was too costly.", "made the case", "nonfactive"),
])
def test_stance_act_cues(text, cue, category):
    r = one(text, cue)
    assert r.verb_category == category and r.speaker_mention is not None


@pytest.mark.parametrize("text,form", [
    ("Her vote for the bridge was decisive.", "vote for"),
    ("Brandt backed off, replacing the levy with a grant.", "backed"),
    ("Brandt backed out of the ferry talks.", "backed"),
    ("The mayor called off the harbour vote.", "called"),
])
def test_stance_nouns_and_particle_verbs_are_not_cues(text, form):
    assert form not in {r.cue for r in extract(text)}


def test_continued_to_joins_the_cue():
    r = one("And he continued to complain that Okafor had been unfair.", "continued to complain")
    assert r.content == "that Okafor had been unfair"


def test_participle_after_a_dash_takes_the_main_subject():
    r = one("Okafor toured the depot on Monday — saying the cranes had been idle for weeks.", "saying")
    assert r.speaker_mention == "Okafor" and r.content == "the cranes had been idle for weeks"


# ----- impersonal frames, questions, first and second person -----------------------------------

@pytest.mark.parametrize("text,cue,content", [
    ("It is unclear whether the bridge will open in May.", "It is unclear", "whether the bridge will open in May"),
    ("The ferry stopped when it became clear the ice was thin.", "it became clear", "the ice was thin"),
])
def test_impersonal_evidential_frames(text, cue, content):
    r = one(text, cue)
    assert (r.speaker_mention, r.kind, r.content) == (None, "evidential", content)


def test_when_asked_mid_sentence_is_a_question_without_speaker():
    r = one("“No,” Okafor said when asked whether the port would close.", "asked")
    assert r.speaker_mention is None and r.content == "whether the port would close"


@pytest.mark.parametrize("text", ["Q: Do you think the bridge will open?", "''I don't know the answer.''"])
def test_first_and_second_person_thoughts_are_dropped(text):
    assert not {r.cue for r in extract(text)} & {"think", "know"}


# ----- speaker ids: gender evidence, earlier subjects, organization names -------------------------


def test_pronoun_respects_gender_from_honorific():
    text = ("Trade Minister Alma Petrov said the deal was fair. Ms. Petrov spoke in the capital.\n\n"
            "He expects prices to fall next year.")
    assert one(text, "expects").speaker is None


def test_pronoun_respects_gender_from_earlier_pronoun():
    text = ("Trade Minister Alma Petrov said the deal was fair. She said it would hold.\n\n"
            "He expects prices to fall next year.")
    assert one(text, "expects").speaker is None


def test_pronoun_takes_previous_sentence_subject():
    text = ("Trade Minister Alma Petrov said the deal was fair.\n\n"
            "In the village, Oren Tal, 61, has stopped planting barley. He expects a poor year.")
    assert one(text, "expects").speaker == "Oren Tal"


def test_pronoun_takes_subject_of_its_own_sentence():
    text = ("Trade Minister Alma Petrov said the deal was fair.\n\n"
            "Oren Tal has sold his tractor, and he expects a poor year.")
    assert one(text, "expects").speaker == "Oren Tal"


def test_nearest_compatible_speaker_beats_known_gender():
    text = "Ms. Petrov said the deal was fair. Sen. Dario Lune said it was not. He added that he would vote no."
    assert one(text, "added").speaker == "Dario Lune"


def test_of_and_organization_name_stays_whole():
    text = "The Northland Ministry of Roads and Bridges confirmed that the bridge was closed."
    r = one(text, "confirmed")
    assert (r.speaker, r.speaker_type) == ("Ministry of Roads and Bridges", "organization")


def test_role_noun_takes_named_organization():
    text = ("Officials at Northland's Ministry of Roads and Bridges met on Monday.\n\n"
            "The bridge will reopen in June, the ministry said.")
    r = one(text, "said")
    assert (r.speaker, r.speaker_type) == ("Ministry of Roads and Bridges", "organization")


def test_role_noun_without_named_organization():
    r = one("The bridge will reopen in June, the ministry said.", "said")
    assert (r.speaker, r.speaker_type) == ("ministry (unnamed)", "organization")
    r = one("Her government welcomed the decision, Ms. Petrov said.", "welcomed")
    assert (r.speaker, r.speaker_type) == ("government (unnamed)", "organization")


def test_headline_noun_compound_is_no_speaker():
    text = "Harbor talks stall as port strike drags on\n\nUnion leaders said the strike would continue."
    assert [r.speaker for r in extract(text) if r.cue == "talks"] == []
    text = "Leaked memo says port will close\n\nThe memo was dated May 2."
    assert "Leaked" not in {r.speaker for r in extract(text)}


def test_headline_known_name_keeps_cue():
    text = "Lune Calls for Calm at the Port\n\nSen. Dario Lune said the strike had gone on too long."
    assert [r.speaker for r in extract(text) if r.cue == "Calls for"] == ["Dario Lune"]


def test_speaker_id_stops_before_finite_verb():
    text = "Officials said the talks had made progress but that Northland had not yet offered an explanation."
    assert one(text, "had not yet offered").speaker == "Northland"


SAMPLE = ROOT / "data" / "sample" / "articles"
_FINITE_WORDS = {"was", "were", "had", "has", "would", "is", "are", "will"}


@pytest.fixture(scope="module")
def sample_records():
    records = []
    for path in sorted(SAMPLE.glob("*.txt")):
        records += extract(path.read_text(encoding="utf-8"), doc_id=path.stem)
    return records


def test_sample_speaker_ids_hold_no_finite_verb(sample_records):
    def head(speaker: str) -> set[str]:  # a relative clause ("families who would …") may hold a verb
        words = speaker.split()
        cut = next((k for k, w in enumerate(words) if w in ("who", "which", "that")), len(words))
        return set(words[:cut])
    bad = [r.speaker for r in sample_records if r.speaker and _FINITE_WORDS & head(r.speaker)]
    assert bad == []


def test_sample_no_lone_headline_word_speakers(sample_records):
    headline_words = set()
    for path in SAMPLE.glob("*.txt"):
        headline_words |= set(path.read_text(encoding="utf-8").splitlines()[0].split())
    lone = {r.speaker for r in sample_records if r.speaker in headline_words}
    assert not lone & {"Merrow", "Leaked", "Dam", "Energy"}


def test_sample_organization_ids(sample_records):
    speakers = {r.speaker for r in sample_records}
    assert "Ministry of Water and Energy" in speakers
    assert not speakers & {"Energy", "ministry", "council", "government"}
    mentions = {r.speaker for r in sample_records if (r.speaker_mention or "").lower() == "the council"}
    assert mentions == {"Regional Water Council"}


def test_sample_pronoun_gender(sample_records):
    ramos_he = [r for r in sample_records if r.speaker == "Elena Ramos"
                and (r.speaker_mention or "").lower() == "he"]
    assert ramos_he == []


# ----- speaker ids are noun phrases, typed by their head, in one case --------------------------------

def test_participle_phrase_takes_the_source_noun_before_it():
    text = "A safety report commissioned by the port authority found rust on three cranes."
    r = one(text, "found")
    assert (r.speaker, r.speaker_mention) == ("safety report", text[:text.index(" found")])
    r = one("A study published last week found that the lake is shrinking.", "found")
    assert r.speaker == "study"


def test_participle_phrase_after_a_non_source_is_no_speaker():
    text = "The doubts raised by the audit have added pressure on the harbor board."
    assert [r for r in extract(text) if r.speaker and r.speaker.startswith("raised")] == []


def test_possessive_noun_compound_is_no_cue():
    text = "The Norra bridge, Ostland's biggest transport project, opened on Friday."
    assert [r.cue for r in extract(text) if r.cue == "project"] == []


def test_quantifier_with_prepositional_phrase():
    r = one("Some in Ostland welcomed the decision.", "welcomed")
    assert r.speaker == "some in Ostland"


def test_coordination_with_alike_keeps_both_conjuncts():
    text = "Farmers from the north and the unions alike have called for a new tariff."
    r = one(text, "have called for")
    assert r.speaker == "farmers from the north and the unions"


def test_initials_and_surname_is_a_person():
    text = ("P. L. Amsel, the board's chair, who chaired the hearing, said the deal was fair. "
            "\u201cWe are done,\u201d Amsel said.")
    records = extract(text)
    assert {r.speaker for r in records} == {"P. L. Amsel"}
    assert {r.speaker_type for r in records} == {"person"}


def test_role_with_possessive_takes_the_named_person():
    text = ("P. L. Amsel, the board's chair, opened the session. "
            "The board's chair said the vote would wait.")
    r = one(text, "said")
    assert (r.speaker, r.speaker_type) == ("P. L. Amsel", "person")


def test_company_name_after_a_class_noun_is_an_organization():
    text = ("The plan was drafted by the consultancy Larch Brook. "
            "Larch Brook declined to comment, citing its contract.")
    assert one(text, "citing").speaker_type == "organization"


def test_sentence_initial_common_nouns_are_lower_case():
    text = "Critics say the plan is late.\n\nEconomists said prices would rise. The critics say it is costly."
    speakers = {r.speaker for r in extract(text)}
    assert speakers == {"critics", "economists"}


def test_headline_common_noun_takes_the_body_speaker():
    text = ("Secret audit says port cranes are rusting\n\n"
            "The audit, seen by the Courier, found rust on three cranes. It said repairs were urgent.")
    speakers = [r.speaker for r in extract(text)]
    assert speakers[0] == "audit" and "Secret audit" not in speakers


def test_plain_plural_role_is_not_merged_into_a_longer_one():
    docs = [("a", "Energy analysts said prices would rise."), ("b", "Analysts said the deal was fair.")]
    assert {r.speaker for r in attribute(docs)} == {"Energy analysts", "analysts"}


def test_sample_speaker_ids_have_noun_heads(sample_records):
    speakers = {r.speaker for r in sample_records if r.speaker}
    fragments = {s for s in speakers if s.split()[0].lower() in {"in", "by", "commissioned", "raised", "published"}}
    assert fragments == set()
    assert not speakers & {"opposition alike", "Valdoria's largest infrastructure", "Leaked report",
                           "Dam report", "Critics", "Analysts", "council's chair"}
    assert {"critics", "analysts", "report"} <= speakers


def test_sample_speaker_types(sample_records):
    types = {}
    for r in sample_records:
        types.setdefault(r.speaker, set()).add(r.speaker_type)
    assert types["J. K. Lindqvist"] == {"person"}
    assert types["Kestrel Hydro"] == {"organization"}
    chair = [r for r in sample_records if "council's chair, who mediated" in (r.speaker_mention or "")]
    assert [r.speaker for r in chair] == ["J. K. Lindqvist"]


def test_sample_analysts_stay_analysts():
    from toolkit.corpus import load
    records = attribute(load(ROOT / "data" / "sample"))
    mentions = {r.speaker for r in records if r.speaker_mention == "Analysts"}
    assert mentions == {"analysts"}


def test_cue_pattern_prefix_tree_matches_a_longest_first_alternation():
    import re

    from toolkit.attribution.verb_lexicon import _trie_pattern

    forms = {"say", "says", "said", "saying", "point out", "pointed out", "point", "add",
             "added", "according to", "accord", "a"}
    naive = re.compile(r"\b(?:" + "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
        + r")\b")
    tree = re.compile(r"\b(?:" + _trie_pattern(forms) + r")\b")
    text = ("He said, pointing out the point, that she says a lot; according to him, she "
            "pointed\n out and added: sayings accord a saying, point  out.")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in naive.finditer(text)]
    assert "pointed\n out" in [m.group() for m in tree.finditer(text)]


def test_a_split_quote_is_one_attribution_in_two_pieces():
    text = "\u201cWe will stay,\u201d Dana Ortiz said on Monday, \u201cuntil the end.\u201d"
    (record,) = extract(text)
    assert record.content_spans == ((record.content_start, 15), (43, record.content_end))
    assert [text[a:b] for a, b in record.content_spans] == [
        "\u201cWe will stay,\u201d", "\u201cuntil the end.\u201d"]
    assert record.content == text[record.content_start:record.content_end]


def test_an_unsplit_content_is_one_piece_and_no_content_none():
    (said,) = extract("Dana Ortiz said the town would stay.")
    assert said.content_spans == ((said.content_start, said.content_end),)
    text = "\u201cWe will stay until the end,\u201d Dana Ortiz said.\n" \
           "\u201cNobody here is going to leave the town.\u201d"
    direct, floating = extract(text)
    assert floating.kind == "floating"
    assert floating.content_spans == ((floating.content_start, floating.content_end),)
    assert direct.content_spans == ((0, 29),)


EXPLAINED = ("The said report was long.\n"
             "\u201cWe will stay,\u201d Dana Ortiz, the mayor, said, \u201cuntil the end.\u201d\n"
             "\u201cNobody here is going to leave the town.\u201d\n"
             "Ortiz told reporters that the plan had failed, adding that it would be revised.\n")


def test_explain_gives_the_rule_path_and_the_rejected_cues():
    listed = extract(EXPLAINED, explain=True)
    rejected = [r for r in listed if r.kind == "rejected"]
    kept = [r for r in listed if r.kind != "rejected"]
    assert [(r.cue, r.reason) for r in rejected][:2] == [("said", "noun_use"), ("report", "noun_use")]
    assert all(EXPLAINED[r.cue_start:r.cue_end] == r.cue and r.reason_text for r in rejected)
    direct, floating, told, adding = kept
    assert direct.explain == ("cue:lexicon(say)", "speaker:left(apposition)",
                              "content:direct(split quotation, 2 pieces)", "kind:direct",
                              "speaker-id:Dana Ortiz(person)")
    assert floating.explain[:2] == ("cue:none(floating)",
                                    f"speaker:continues(the attribution at {direct.cue_start})")
    assert f"content:shortened(at the cue at {adding.cue_start})" in told.explain
    assert adding.explain[1].startswith("speaker:main clause")
    assert [r.cue_start for r in listed] == sorted(r.cue_start for r in listed)


def test_explain_changes_nothing_but_the_explain_field():
    plain = extract(EXPLAINED)
    explained = [r for r in extract(EXPLAINED, explain=True) if r.kind != "rejected"]
    assert all(r.explain is None for r in plain)
    assert [replace(r, explain=None) for r in explained] == plain


def test_speech_reported_inside_other_speech_is_embedded():
    outer, inner = extract("Obi said her neighbours claimed the water had been brown.")
    assert (outer.cue, outer.embedded) == ("said", False)
    assert outer.content == "her neighbours claimed the water had been brown"
    assert (inner.cue, inner.embedded) == ("claimed", True)
    # two sentences: the second report stands on its own
    first, second = extract("Obi said the water was brown. Her neighbours claimed it smelled.")
    assert not first.embedded and not second.embedded


@pytest.mark.parametrize(("text", "speaker"), [
    ("Brandt said the port would not be sold. He added: “Not while I am here.”", "Brandt"),
    ("Okonjo spoke for an hour. He said the election had been fair.", "Okonjo"),
    ("Mayor Ingrid Halvorsen arrived late to the hearing. She said costs were under control.",
     "Ingrid Halvorsen"),
])
def test_he_or_she_takes_up_a_lone_name_or_the_previous_subject(text, speaker):
    assert extract(text)[-1].speaker == speaker


@pytest.mark.parametrize(("text", "cues"), [
    ("Citing the report, Okonjo said the election had been rigged.", ["said"]),
    ("Pointing to the figures, Petrenko argued that the crisis was over.", ["argued"]),
    ("A diplomat, who asked not to be named because the talks are private, said progress was slow.",
     ["said"]),
    ("One witness, who did not want to give her name, said she saw two men running.", ["said"]),
    ("Asked by reporters, the minister said the talks would go on.", ["said"]),
    ("Residents called Ana Ruiz, who said the plant would stay shut.", ["said"]),
])
def test_background_clauses_are_no_attributions(text, cues):
    assert [r.cue for r in extract(text)] == cues


def test_asked_by_an_interviewer_names_the_asker():
    [asked, said] = extract("Asked by Matt Lauer whether she had practiced, Rivas said she had.")
    assert (asked.speaker_mention, asked.content) == ("Matt Lauer", "whether she had practiced")
    assert said.speaker == "Rivas"


@pytest.mark.parametrize("text", [
    "About three-quarters of voters support a temporary ban on new towers.",
    "Terrorist attacks in Ostland placed security at the centre of the race.",
    "Moreno has weathered the crisis thanks to surging energy prices.",
    "Critics seized on Sanders’ comments about the port.",
])
def test_stances_and_nouns_are_no_cues(text):
    assert extract(text) == []


def test_support_with_a_that_clause_is_a_cue():
    [record] = extract("Okafor supports that the port should stay public.")
    assert record.cue == "supports"


@pytest.mark.parametrize(("text", "cues"), [
    ("Her lawyer says she will appeal.", ["says"]),
    ("Will Harmon said the league would appeal.", ["said"]),
    ("Families want answers, says Haddad.", ["says"]),
])
def test_a_cue_inside_reported_content_that_reports_nothing_is_dropped(text, cues):
    assert [r.cue for r in extract(text)] == cues


@pytest.mark.parametrize("text", [
    "Norte Foods did not respond to a request for comment.",
    "The board may announce its decision next week.",
    "Petrenko is expected to present the budget on Thursday.",
    "The gallery will show works by painters from the valley.",
])
def test_unanswered_requests_and_future_acts_are_no_attributions(text):
    assert extract(text) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The ministry declined to say when the border would reopen.", "declined to say",
     "when the border would reopen"),
    ("Police refused to confirm the identity of the victim.", "refused to confirm",
     "the identity of the victim"),
    ("The ministry will not say whether the port is safe.", "will not say",
     "whether the port is safe"),
])
def test_a_governed_infinitive_cue_takes_in_its_governor(text, cue, content):
    [record] = extract(text)
    assert (record.cue, record.content) == (cue, content)


@pytest.mark.parametrize(("text", "cue", "kind"), [
    ("The club hopes to sign a striker before the window closes.", "hopes", "cognitive"),
    ("Fischer is convinced that prices have peaked.", "is convinced", "cognitive"),
    ("Study Finds River Pollution Has Doubled", "Finds", "evidential"),
])
def test_thought_and_evidence_cues(text, cue, kind):
    [record] = extract(text)
    assert (record.cue, record.kind) == (cue, kind)


def test_seed_like_constructions():
    text = ("Russia replied by recalling its ambassador for consultations. "
            "By taking a strong stand against Russia, Biden has confirmed that the days of "
            "rolling over are over. He wants to contrast his stance with that of Donald Trump, "
            "who avoided conflict with Putin and often praised him.\n\n"
            "Recep Tayyip Erdogan, the Turkish president, weighed in on the debate. "
            "Putin’s response, he said, was “very astute and elegant.”")
    records = {r.cue: r for r in extract(text)}
    assert "recalling" not in records and "has confirmed" not in records
    assert records["often praised"].speaker == "Donald Trump"
    assert records["weighed in"].content is None
    said = records["said"]
    assert said.content.startswith("Putin’s response") and said.content.endswith("elegant.”")
    assert text[slice(*said.content_spans[0])] == "Putin’s response"


@pytest.mark.parametrize("text", [
    "Trump won six of the contests known as Super Tuesday.",
    "Rubio is not likely to win all 155 delegates offered by the contest in Texas.",
    "Party officials found themselves in a muddy battle over sexism.",
    "He would be open to hiring the so called Never Trumpers.",
])
def test_other_senses_of_cue_forms(text):
    assert extract(text) == []


def test_one_quotation_is_attributed_once():
    records = extract("Obama stood firm, telling Radio Norte: “The plan is sound.”")
    assert [r.cue for r in records] == ["telling"]


def test_a_bare_plural_source_after_a_trailing_cue():
    [record] = extract("The ferry was carrying twice its licensed load, said investigators.")
    assert (record.speaker_mention, record.content) == (
        "investigators", "The ferry was carrying twice its licensed load")


def test_a_live_blog_time_stamp_is_not_content():
    [record] = extract("14:05 — Police have closed the bridge in both directions, a spokesman said.")
    assert record.content == "Police have closed the bridge in both directions"


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("“It's a disgrace,” fumed one shopkeeper.", "fumed", "one shopkeeper"),
    ("“We regret any distress caused,” her statement read.", "read", "her statement"),
])
def test_cues_trailing_a_quotation(text, cue, speaker):
    [record] = extract(text)
    assert (record.cue, record.speaker_mention) == (cue, speaker)


def test_a_label_before_a_colon_is_no_speaker():
    assert extract("Key quote: “We are not going anywhere.”") == []


def test_a_noun_like_form_before_a_reporting_verb_is_its_subject():
    [record] = extract("“The threat is real,” the congressional report said on Monday.")
    assert (record.cue, record.speaker_mention) == ("said", "the congressional report")


def test_document_participle_joins_the_cue():
    r = one("Police released a statement on Monday saying two men had been arrested.",
            "released a statement on Monday saying")
    assert (r.speaker, r.content) == ("Police", "two men had been arrested")
    r = one("More than 200 workers signed a letter saying the plant should stay open.", "saying")
    assert (r.speaker_mention, r.speaker, r.content) == (
        "More than 200 workers", "workers", "the plant should stay open")
    assert [x.cue for x in extract("The company posted a video showing the flooded depot.")] \
        == ["posted"]
