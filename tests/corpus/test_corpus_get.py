"""``Corpus.get``: an exact id, the unique start of an id, and errors that name the nearest ids."""

from __future__ import annotations

import pytest

from toolkit.corpus import load
from toolkit.errors import DocumentNotFoundError, ParameterError

LEDGER = "2026-03-09_harbor-ledger_castenia-threatens-retaliation-over-dam"
COPY = "2026-03-19_eastbrook-courier_leaked-report-flags-merrow-flow-cuts"


@pytest.fixture(scope="module")
def corpus(sample_path):
    return load(sample_path)


@pytest.mark.parametrize("asked", [LEDGER, "2026-03-09_harbor-ledger", "2026-03-09_h"])
def test_an_id_or_its_unique_start_gives_the_document(corpus, asked):
    doc = corpus.get(asked)
    assert doc.doc_id == LEDGER
    assert doc.text.startswith("Castenia Threatens Retaliation")


def test_duplicates_can_be_looked_up(corpus):
    assert corpus.get("2026-03-19_eastbrook").doc_id == COPY


def test_an_exact_id_wins_over_longer_ids_that_start_with_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text("Short story\n\nOne line of text here.\n", encoding="utf-8")
    (folder / "story-two.txt").write_text("Another story\n\nA different line of text.\n",
                                          encoding="utf-8")
    corpus = load(folder)
    assert sorted(corpus.ids()) == ["story", "story-two"]
    assert corpus.get("story").doc_id == "story"
    assert corpus.get("story").text.startswith("Short story")


def test_a_start_shared_by_several_ids_lists_them(corpus):
    with pytest.raises(DocumentNotFoundError) as caught:
        corpus.get("2026-03-")
    message = str(caught.value)
    assert "8 document ids start with '2026-03-'" in message
    assert f"'{LEDGER}'" in message and "and 3 more" in message
    assert "give more of the id" in message


@pytest.mark.parametrize("asked", ["2026-03-09_harbour-ledger", "castenia-threatens-retaliation"])
def test_an_unknown_id_suggests_the_nearest(corpus, asked):
    with pytest.raises(DocumentNotFoundError, match=f"did you mean '{LEDGER}'") as caught:
        corpus.get(asked)
    assert str(caught.value).startswith(str(corpus.path))
    assert f"no document id is or starts with '{asked}'" in str(caught.value)


def test_nothing_near_points_to_the_list_of_ids(corpus):
    with pytest.raises(DocumentNotFoundError, match=r"corpus.ids\(\) lists the 18 ids"):
        corpus.get("zzzz")


def test_the_error_is_a_key_error_and_a_parameter_error(corpus):
    with pytest.raises(KeyError):
        corpus.get("zzzz")
    with pytest.raises(ParameterError):
        corpus.get("zzzz")
