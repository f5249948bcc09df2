"""The exercises of tutorial 04 (framing): rates per 1,000 tokens, a lexicon written in class,
and keyness."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_number,
    as_text,
    exercise,
    is_number,
    norm,
    sample,
)

__all__ = ["OWN_LEXICON_YAML"]

# The tiny lexicon students write in tutorial 04 (exercise "framing-own-lexicon").
OWN_LEXICON_YAML = """\
name: hardship
version: "0.1"
source: written in class, tutorial 04
descriptions:
  hardship: what the water shortage does to people
frames:
  hardship:
    - drought
    - thirst*
    - ration*
    - price*
"""
_OWN_FRAME = "hardship"
_OWN_TERMS = ("drought", "thirst*", "ration*", "price*")

_RATE_OUTLET, _RATE_FRAME = "The Harbor Ledger", "threat"


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.01, abs_tol=0.05)


@exercise("framing-rate", "04_framing",
          "What is the rate per 1,000 tokens of the 'threat' frame in The Harbor Ledger "
          "(built-in conflict_cooperation lexicon)?",
          "framing.frame_counts(corpus, 'conflict_cooperation', by='outlet') has a rate "
          "column; pick the row of that outlet and frame")
def _framing_rate(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis import framing

    table = framing.frame_counts(sample(), "conflict_cooperation", by="outlet")
    row = table[(table["outlet"] == _RATE_OUTLET) & (table["frame"] == _RATE_FRAME)].iloc[0]
    got = as_number(answer, "rate",
                    many="narrow the table to the one row of that outlet and frame, or give "
                         "the number")
    expected = float(row["rate"])
    if _close(got, expected):
        return True, None
    if got == row["n_matches"]:
        return False, "that is the number of matches; the rate divides it by the tokens, x 1,000"
    if math.isclose(got, expected / 1000, rel_tol=0.01):
        return False, "that is per token; the rate is per 1,000 tokens"
    overall = framing.frame_counts(sample(), "conflict_cooperation")
    overall = overall[overall["frame"] == _RATE_FRAME]
    if _close(got, float(overall["rate"].iloc[0])):
        return False, ("that is the rate over all outlets together; count by='outlet' and "
                       "take the row of The Harbor Ledger")
    for other in table.itertuples():
        if _close(got, float(other.rate)):
            return False, (f"that is the rate of the {other.frame!r} frame in {other.outlet}; "
                           "the question asks for 'threat' in The Harbor Ledger")
    return False, None


def _own_count(terms: Sequence[str]) -> int:
    from toolkit.analysis import framing

    lexicon = framing.make_lexicon({_OWN_FRAME: list(terms)})
    return len(framing.frame_matches(sample(), lexicon))


def _own_by_outlet() -> dict[str, int]:
    from toolkit.analysis import framing

    lexicon = framing.make_lexicon({_OWN_FRAME: list(_OWN_TERMS)})
    table = framing.frame_counts(sample(), lexicon, by="outlet")
    return dict(zip(table["outlet"], table["n_matches"].astype(int), strict=True))


@exercise("framing-own-lexicon", "04_framing",
          "Load your hardship lexicon (OWN_LEXICON_YAML) from its file and count its matches "
          "in the sample corpus.",
          "load_lexicon(path) reads the file; framing.frame_matches(corpus, lex) has one row "
          "per match, or use the n_matches column of framing.frame_counts(corpus, lex)")
def _framing_own(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and "n_matches" in answer.columns:
        rows = answer[answer["frame"] == _OWN_FRAME] if "frame" in answer.columns else answer
        if len(rows) != 1:
            raise Unusable("that table has one row per group; count without by=, or add up "
                           "its n_matches with .sum()")
        answer = rows["n_matches"].iloc[0]
    elif isinstance(answer, pd.DataFrame) and "frame" in answer.columns:
        answer = int((answer["frame"] == _OWN_FRAME).sum())
    got = as_count(answer, counts_hint="that is one count per group: add them up with .sum()")
    expected = _own_count(_OWN_TERMS)
    if got == expected:
        return True, None
    if got == _own_count([t.rstrip("*") for t in _OWN_TERMS]):
        return False, "a term without * matches only that exact word: keep the wildcards"
    by_outlet = _own_by_outlet()
    for outlet, n in by_outlet.items():
        if got == n:
            return False, (f"that is the count of one outlet ({outlet}); the question asks for "
                           "the whole sample corpus")
    if got == len(by_outlet):
        return False, ("that is the number of rows of the table (one per outlet); add up "
                       "n_matches instead")
    if got > expected:
        return False, ("more matches than the lexicon as given finds: did you add terms of "
                       "your own? Load the file written from OWN_LEXICON_YAML as it is")
    return False, None


_KEY_OUTLET = "The Harbor Ledger"


@exercise("framing-keyness", "04_framing",
          "Which word has the highest G2 (log-likelihood) for The Harbor Ledger compared with "
          "all the other outlets?",
          "keyness.keyness(corpus, by='outlet', group='The Harbor Ledger') is sorted by g2, "
          "largest first")
def _framing_keyness(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis import keyness

    table = keyness.keyness(sample(), by="outlet", group=_KEY_OUTLET)
    if is_number(answer):
        return False, "that is a number; the question asks which word"
    got = norm(as_text(answer, "word",
                       many="that is the whole keyness table; the answer is one word: the "
                            "word of its top row")).rstrip(".")
    g2 = {norm(w): v for w, v in zip(table["word"], table["g2"], strict=True)}
    if got not in g2:
        return False, "that word is not in the keyness table (check the spelling)"
    if g2[got] == max(g2.values()):
        return True, None
    if got == norm(table.sort_values("log_ratio", ascending=False)["word"].iloc[0]):
        return False, "that word tops the log ratio (effect size), not G2 (strength of evidence)"
    if g2[got] == min(g2.values()):
        return False, ("that word has the lowest G2: the table is sorted largest first, so "
                       "take its first row")
    return False, "that word is in the keyness table, but not at the top of the g2 column"
