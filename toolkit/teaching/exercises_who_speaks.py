"""The exercises of tutorial 02 (who speaks): speaker frequency, pronoun mentions and
anonymous sources."""

from __future__ import annotations

from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_text,
    exercise,
    is_number,
    norm,
    sample_analysis,
)

__all__ = ["PRONOUNS"]

PRONOUNS = ("he", "she", "it", "we", "they")


@exercise("speakers-top", "02_who_speaks",
          "Which speaker has the most attributions in the sample corpus?",
          "speakers.speaker_table(result.quotes, result.documents) is sorted by "
          "n_attributions, largest first; '(unresolved)' is not a speaker")
def _speakers_top(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis import speakers

    result = sample_analysis()
    table = speakers.speaker_table(result.quotes, result.documents, mentions=result.mentions)
    named = table[table["speaker"] != speakers.UNRESOLVED]
    top = named[named["n_attributions"] == named["n_attributions"].max()]
    got = norm(as_text(answer, "speaker",
                       many="that is a table of many speakers; the answer is one name: take "
                            "the speaker of the top row, skipping '(unresolved)'"))
    expected = {norm(s) for s in top["speaker"]} | {norm(s.split()[-1]) for s in top["speaker"]}
    if got in expected:
        return True, None
    if got == norm(speakers.UNRESOLVED):
        return False, "'(unresolved)' collects attributions without a speaker; skip that row"
    if got in PRONOUNS:
        return False, ("a pronoun is how the text refers to a speaker (speaker_mention); the "
                       "speaker column says who it is: count that column")
    most_mentioned = named[named["n_mentions"] == named["n_mentions"].max()]
    if got in {norm(s) for s in most_mentioned["speaker"]}:
        return False, ("that name is mentioned most, not quoted most: rank by n_attributions, "
                       "not n_mentions")
    if got in {norm(s) for s in named["speaker"]}:
        return False, "that speaker is in the table but not at the top: sort by n_attributions"
    return False, "that is not a speaker of the speaker table (check the spelling)"


@exercise("speakers-pronouns", "02_who_speaks",
          "How many attributions name their speaker only with a pronoun (he, she, it, we or "
          "they)?",
          "filter result.quotes on the speaker_mention column, lower-cased, with "
          ".isin(PRONOUNS), and count the rows")
def _speakers_pronouns(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    quotes = sample_analysis().quotes
    mentions = quotes["speaker_mention"].dropna().astype(str).str.strip()
    lowered = mentions.str.lower()
    expected = int(lowered.isin(PRONOUNS).sum())
    if isinstance(answer, pd.DataFrame) and "speaker_mention" in answer.columns:
        written = answer["speaker_mention"].astype(str).str.strip().str.lower()
        if len(answer) == len(quotes):
            return False, ("that is every attribution; keep only the rows whose mention is a "
                           "pronoun")
        if not written.isin(PRONOUNS).all():
            raise Unusable("the table still has rows whose mention is not a pronoun")
        answer = len(answer)
    got = as_count(answer, counts_hint="that is one count per pronoun: add them up with .sum()")
    if got == expected:
        return True, None
    if got == int(mentions.isin(PRONOUNS).sum()):
        return False, "'He' and 'She' at the start of a sentence count too: lower-case first"
    if got == int(lowered.isin(("he", "she")).sum()):
        return False, "'it', 'we' and 'they' count as well (institutions and groups speak too)"
    if got == int(quotes["speaker"].dropna().str.lower().isin(PRONOUNS).sum()):
        return False, ("the speaker column holds the resolved name, never the pronoun; the "
                       "words as written are in speaker_mention")
    if got == int(lowered[lowered.isin(PRONOUNS)].nunique()):
        return False, ("that counts the different pronouns; the question asks how many "
                       "attributions (rows) use one")
    if got == len(quotes):
        return False, "that is every attribution; keep only the rows whose mention is a pronoun"
    return False, None


@exercise("speakers-anonymous-outlet", "02_who_speaks",
          "According to the toolkit, which outlet has the highest anonymous-source rate?",
          "speakers.anonymous_rate(result.quotes, result.documents, by='outlet') gives one "
          "rate per outlet; take the outlet with the largest anonymous_rate")
def _speakers_anonymous(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis import speakers

    result = sample_analysis()
    table = speakers.anonymous_rate(result.quotes, result.documents, by="outlet")
    if is_number(answer):
        return False, "that is a rate; the question asks which outlet: give the outlet's name"
    got = norm(as_text(answer, "outlet",
                       many="that is one row per outlet; the answer is one outlet: sort by "
                            "anonymous_rate, largest first, and take the first row's outlet"))
    rates = {norm(o): r for o, r in zip(table["outlet"], table["anonymous_rate"], strict=True)}
    if got not in rates:
        return False, "that is not one of the outlets in the anonymous_rate table (check spelling)"
    if rates[got] == max(rates.values()):
        return True, None
    if rates[got] == min(rates.values()):
        return False, ("that outlet has the lowest rate: sort largest first "
                       "(ascending=False)")
    if got == norm(table["outlet"].iloc[0]):
        return False, ("the anonymous_rate table is in outlet order, not sorted by rate: sort "
                       "by anonymous_rate first")
    return False, ("the question asks what the toolkit measured, which may differ from what "
                   "you expect from reading the articles; sort the anonymous_rate table by "
                   "anonymous_rate")
