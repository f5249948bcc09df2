"""The exercises of tutorial 04 (framing): rates per 1,000 tokens, a lexicon written in class,
and keyness."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_text,
    best,
    exercise,
    is_table,
    norm,
    pick_max,
    row_for,
    sample,
    sample_analysis,
)
from toolkit.teaching.sample import load_sample

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


@exercise("framing-rate", "04_framing",
          "What is the rate per 1,000 tokens of the 'threat' frame in The Harbor Ledger "
          "(built-in conflict_cooperation lexicon)?",
          "framing.frame_counts(corpus, 'conflict_cooperation', by='outlet') has a rate "
          "column; pick the row of that outlet and frame")
def _framing_rate(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.framing import frame_counts

    table = frame_counts(sample(), "conflict_cooperation", by="outlet")
    row = table[(table["outlet"] == _RATE_OUTLET) & (table["frame"] == _RATE_FRAME)].iloc[0]
    if is_table(answer):
        import pandas as pd

        frame = answer.to_frame().T if isinstance(answer, pd.Series) else answer
        frame = row_for(frame, {"outlet": _RATE_OUTLET, "frame": _RATE_FRAME})
        if "rate" not in frame.columns or len(frame) != 1:
            raise Unusable("narrow the table to the one row of that outlet and frame, or give "
                            "the number")
        answer = frame["rate"].iloc[0]
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise Unusable("give the rate as a number") from None
    expected = float(row["rate"])
    if math.isclose(got, expected, rel_tol=0.01, abs_tol=0.05):
        return True, None
    if got == row["n_matches"]:
        return False, "that is the number of matches; the rate divides it by the tokens, x 1,000"
    if math.isclose(got, expected / 1000, rel_tol=0.01):
        return False, "that is per token; the rate is per 1,000 tokens"
    voiced = frame_counts(sample(), "conflict_cooperation", by="outlet",
                          quotes=sample_analysis().quotes)
    voiced = voiced[(voiced["outlet"] == _RATE_OUTLET) & (voiced["frame"] == _RATE_FRAME)]
    for voice in ("rate_journalist", "rate_quoted"):
        if math.isclose(got, float(voiced[voice].iloc[0]), rel_tol=0.01, abs_tol=0.05):
            return False, f"that is {voice}, one voice only; the question asks for all text"
    return False, None


def _own_count(terms: Sequence[str], **options: Any) -> int:
    from toolkit.analysis.framing import frame_matches
    from toolkit.analysis.framing.lexicon import make_lexicon

    corpus = load_sample(**options) if options else sample()
    return len(frame_matches(corpus, make_lexicon({_OWN_FRAME: list(terms)})))


@exercise("framing-own-lexicon", "04_framing",
          "Load your hardship lexicon (teaching.OWN_LEXICON_YAML) from its file and count its "
          "matches in the sample corpus.",
          "lexicon.load_lexicon(path) reads the file; framing.frame_matches(corpus, lex) has "
          "one row per match, or use the n_matches column of framing.frame_counts(corpus, lex)")
def _framing_own(answer: Any) -> tuple[bool, str | None]:
    if is_table(answer) and "n_matches" in getattr(answer, "columns", ()):
        answer = int(row_for(answer, {"frame": _OWN_FRAME})["n_matches"].sum())
    elif is_table(answer) and "frame" in getattr(answer, "columns", ()):
        answer = len(answer[answer["frame"] == _OWN_FRAME])
    got = as_count(answer)
    expected = _own_count(_OWN_TERMS)
    if got == expected:
        return True, None
    plain = [t.rstrip("*") for t in _OWN_TERMS]
    if got == _own_count(plain):
        return False, "a term without * matches only that exact word: keep the wildcards"
    if got == _own_count(_OWN_TERMS, include_duplicates=True):
        return False, "the syndicated copy is counted twice: load the corpus without " \
                      "include_duplicates"
    return False, None


_KEY_OUTLET = "The Harbor Ledger"


@exercise("framing-keyness", "04_framing",
          "Which word has the highest G2 (log-likelihood) for The Harbor Ledger compared with "
          "all the other outlets?",
          "keyness.keyness(corpus, by='outlet', group='The Harbor Ledger') is sorted by g2, "
          "largest first")
def _framing_keyness(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.keyness import keyness

    table = keyness(sample(), by="outlet", group=_KEY_OUTLET)
    got = norm(as_text(answer, "word", pick=pick_max("g2", "word")))
    if got in best(table, "word", "g2"):
        return True, None
    if got in {norm(w) for w in table.sort_values("log_ratio", ascending=False)["word"][:5]}:
        return False, "that word tops the log ratio (effect size), not G2 (strength of evidence)"
    if got in {norm(w) for w in table["word"]}:
        return False, "that word is in the keyness table, but not at the top of the g2 column"
    return False, None
