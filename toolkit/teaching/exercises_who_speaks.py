"""The exercises of tutorial 02 (who speaks): speaker frequency, pronoun mentions and
anonymous sources."""

from __future__ import annotations

from typing import Any

from toolkit.teaching.checking import (
    as_count,
    as_text,
    best,
    exercise,
    norm,
    pick_max,
    sample_analysis,
)

__all__ = ["PRONOUNS"]

PRONOUNS = ("he", "she", "it", "we", "they")

@exercise("speakers-top", "02_who_speaks",
          "Which speaker has the most attributions in the sample corpus?",
          "speakers.speaker_table(result.quotes, result.documents) is sorted by "
          "n_attributions, largest first; '(unresolved)' is not a speaker")
def _speakers_top(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.speakers import UNRESOLVED, speaker_table

    table = speaker_table(sample_analysis().quotes, sample_analysis().documents)
    table = table[table["speaker"] != UNRESOLVED]
    best = table["n_attributions"].max()
    expected = [str(s) for s in table.loc[table["n_attributions"] == best, "speaker"]]
    got = norm(as_text(answer, "speaker",
                      pick=lambda t: t.loc[t["speaker"] != UNRESOLVED, "speaker"].iloc[0]))
    if got in {norm(s) for s in expected} or got in {norm(s.split()[-1]) for s in expected}:
        return True, None
    if got == norm(UNRESOLVED):
        return False, "'(unresolved)' collects attributions without a speaker; skip that row"
    if got in {norm(s) for s in table["speaker"]}:
        return False, "that speaker is in the table but not at the top: sort by n_attributions"
    return False, None


@exercise("speakers-pronouns", "02_who_speaks",
          "How many attributions name their speaker only with a pronoun (he, she, it, we or "
          "they)?",
          "filter result.quotes on the speaker_mention column, lower-cased, with "
          ".isin(teaching.PRONOUNS), and count the rows")
def _speakers_pronouns(answer: Any) -> tuple[bool, str | None]:
    mentions = sample_analysis().quotes["speaker_mention"].dropna().astype(str).str.strip()
    lowered = mentions.str.lower()
    expected = int(lowered.isin(PRONOUNS).sum())
    got = as_count(answer)
    if got == expected:
        return True, None
    if got == int(mentions.isin(PRONOUNS).sum()):
        return False, "'He' and 'She' at the start of a sentence count too: lower-case first"
    if got == int(lowered.isin(("he", "she")).sum()):
        return False, "'it', 'we' and 'they' count as well (institutions and groups speak too)"
    return False, None


@exercise("speakers-anonymous-outlet", "02_who_speaks",
          "According to the toolkit, which outlet has the highest anonymous-source rate?",
          "speakers.anonymous_rate(result.quotes, result.documents, by='outlet') gives one "
          "rate per outlet; take the outlet with the largest anonymous_rate")
def _speakers_anonymous(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.speakers import anonymous_rate

    table = anonymous_rate(sample_analysis().quotes, sample_analysis().documents, by="outlet")
    got = norm(as_text(answer, "outlet", pick=pick_max("anonymous_rate", "outlet")))
    if got in best(table, "outlet", "anonymous_rate"):
        return True, None
    if got in {norm(v) for v in table["outlet"]}:
        return False, ("the question asks what the toolkit measured, which may differ from "
                       "what you expect from reading the articles; sort the anonymous_rate "
                       "table by anonymous_rate")
    return False, "that is not one of the outlets in the anonymous_rate table (check spelling)"
