"""Fixtures for the attribution unit tests: the shipped lexicon and a draft at a cue of a text."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from toolkit.attribution.drafts import Draft
from toolkit.attribution.text import TextView
from toolkit.attribution.verb_lexicon import VerbLexicon, default_verb_lexicon
from toolkit.attribution.words import Word


class CueSite(NamedTuple):
    """A text view, a fresh draft at one cue, the words of its sentence before the cue, and the
    end of that sentence."""

    view: TextView
    draft: Draft
    words: list[Word]
    sentence_end: int

    def span(self, start: int | None, end: int | None) -> str | None:
        return None if start is None else self.view.text[start:end]

    @property
    def speaker(self) -> str | None:
        return self.span(self.draft.speaker_start, self.draft.speaker_end)

    @property
    def content(self) -> str | None:
        return self.span(self.draft.content_start, self.draft.content_end)


@pytest.fixture(scope="session")
def lexicon() -> VerbLexicon:
    return default_verb_lexicon()


@pytest.fixture
def cue_site(lexicon):
    """``cue_site(text, cue, occurrence=0)``: the CueSite of the ``occurrence``-th ``cue``."""

    def build(text: str, cue: str, occurrence: int = 0) -> CueSite:
        view = TextView(text)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(cue, start + 1)
        sentence = view.sentence_at(start)
        s_start, s_end = view.sentences[sentence]
        draft = Draft(start, start + len(cue), lexicon.lookup(cue),
                      paragraph=view.sentence_paragraph[sentence], sentence=sentence)
        return CueSite(view, draft, view.words(s_start, start), s_end)

    return build
