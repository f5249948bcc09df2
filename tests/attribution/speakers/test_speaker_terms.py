"""The speaker-term lexicon shipped with the toolkit."""

from __future__ import annotations

from toolkit import lexicons
from toolkit.attribution.speakers import SpeakerTerms, speaker_terms


def test_every_category_of_the_shipped_file_is_read():
    terms = speaker_terms()
    assert isinstance(terms, SpeakerTerms)
    assert terms.titles["ms."] == "f" and "minister" in terms.titles
    assert terms.roles["spokeswoman"] == "f"
    assert {"official", "sources"} <= terms.anonymous
    assert "ministry" in terms.bodies and "foreign" in terms.offices and terms.orgs
    assert terms.first_names


def test_comment_lines_are_not_terms():
    terms = speaker_terms()
    comments = [line for line in lexicons.read_text("speaker_terms.tsv").splitlines()
                if line.startswith("#")]
    assert comments
    every_term = (terms.titles.keys() | terms.roles.keys() | terms.anonymous | terms.orgs
                  | terms.first_names.keys() | terms.offices | terms.bodies)
    assert not any(term.startswith("#") for term in every_term)
