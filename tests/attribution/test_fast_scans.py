"""Scans that skip most of a text find exactly what the plain pattern scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.attribution.special_cues import COLON_CUE, colon_cue_matches

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sorted((ROOT / "data/sample/articles").glob("*.txt"))
POLNEAR = sorted((ROOT.parent / "shared/polnear/dev/text").glob("*.txt"))[:40]

CRAFTED = [
    "",
    ":",
    ": ",
    "Lund: ",
    "Lund:",
    "Ana Lund: “We stay.”\nThe minister: no.\n— Carla Sanchez: fine",
    "Q: What now?\nA: We wait.\nMARTELL: Yes. Martell is more blunt: “No.”",
    "Director of the Agency de Vries on Monday: talks. Mr. Lund’s aide, O’Neil-Smith: ok",
    "x, Lund: a; Lund:b Lund:\tc Lund:\n\nd https://example.org: e 10:30 a.m. Lund :  f",
    "Lund was quite sure then: yes — Ana: “no” – Bo: maybe\u00a0Lund:\u2003x",
]


def _texts():
    yield from CRAFTED
    for path in SAMPLE + POLNEAR:
        yield path.read_text(encoding="utf-8")


def _found(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", list(_texts()))
def test_colon_cues_are_the_pattern_matches(text):
    assert _found(colon_cue_matches(text)) == _found(COLON_CUE.finditer(text))
