"""The exercises of tutorial 03 (reporting verbs): lemmas, stance categories and the share of
neutral verbs per outlet."""

from __future__ import annotations

from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_text,
    exercise,
    is_number,
    loose,
    norm,
    sample_analysis,
)

__all__: list[str] = []

_FORM = "insisted"


def _entry(form: str) -> Any:
    from toolkit.attribution import lookup_verb

    return lookup_verb(form)


def _category_names() -> set[str]:
    from toolkit.analysis import verbs

    table = verbs.load_categories()
    return {loose(v) for v in table[["category", "label", "signal"]].to_numpy().ravel()}


@exercise("verbs-lemma", "03_reporting_verbs",
          "What is the lemma of the reporting verb 'insisted'?",
          "the lemma is the dictionary form of the verb; look at the cue_lemma column of "
          "result.quotes for a row whose cue is 'insisted'")
def _verbs_lemma(answer: Any) -> tuple[bool, str | None]:
    lemma = _entry(_FORM).lemma
    got = norm(as_text(answer, "cue_lemma",
                       many="those rows have different lemmas; keep the rows whose cue is "
                            "'insisted'"))
    if got == norm(lemma):
        return True, None
    if got == _FORM:
        return False, ("that is the form used in the text; the lemma is the form you would "
                       "look up in a dictionary")
    other = _entry(got)
    if other is not None and other.lemma == lemma:
        return False, ("that is another form of the same verb; the lemma is the form you "
                       "would look up in a dictionary")
    if loose(got) in _category_names():
        return False, ("that is a stance category (exercise 3.2); the lemma is in the "
                       "cue_lemma column")
    if got in {norm(v) for v in sample_analysis().quotes["cue_lemma"].dropna()}:
        return False, ("that is the lemma of another verb; look at the rows whose cue is "
                       "'insisted'")
    return False, None


@exercise("verbs-category", "03_reporting_verbs",
          "Which stance category does the toolkit give to 'insisted'?",
          "the verb_category column of result.quotes, or verbs.verb_counts(...); "
          "verbs.load_categories() explains each category")
def _verbs_category(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis import verbs

    entry = _entry(_FORM)
    categories = verbs.load_categories()
    row = categories[categories["category"] == entry.category].iloc[0]
    accepted = {loose(row["category"]), loose(row["label"]), loose(row["signal"])}
    accepted |= {loose(part) for part in str(row["label"]).split("/")}
    got = as_text(answer, "verb_category",
                  many="those rows have different categories; keep the rows whose cue is "
                       "'insisted'")
    if loose(got) in accepted:
        return True, None
    if norm(got) in {entry.lemma, _FORM}:
        return False, ("that is the verb itself; the question asks for its stance category "
                       "(the verb_category column)")
    names = {loose(v): c for c in categories["category"] for v in
             categories.loc[categories["category"] == c, ["category", "label", "signal"]]
             .to_numpy().ravel()}
    if names.get(loose(got)) == "neutral":
        return False, ("'neutral' is the category of plain verbs such as 'said'; does "
                       "'insisted' report without judging?")
    if names.get(loose(got)) == "factive":
        return False, ("factive verbs present what was said as true (confirm, reveal); does "
                       "'insist' do that, or leave the truth open?")
    if loose(got) in names:
        return False, ("that is another category; does 'insist' leave the truth of what was "
                       "said open, or present it as fact?")
    return False, None


@exercise("verbs-neutral-outlet", "03_reporting_verbs",
          "Which outlet has the highest share of neutral reporting verbs?",
          "verbs.category_share(result.quotes, result.documents, by='outlet'), keep the rows "
          "whose verb_category is 'neutral', and compare the share column")
def _verbs_neutral(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    from toolkit.analysis import verbs

    result = sample_analysis()
    table = verbs.category_share(result.quotes, result.documents, by="outlet")
    neutral = table[table["verb_category"] == "neutral"]
    if is_number(answer):
        return False, "that is a share; the question asks which outlet: give the outlet's name"
    if isinstance(answer, pd.DataFrame) and "verb_category" in answer.columns \
            and (answer["verb_category"] != "neutral").any():
        raise Unusable("the table has rows of other categories; keep the rows whose "
                       "verb_category is 'neutral'")
    got = norm(as_text(answer, "outlet",
                       many="that is one row per outlet; the answer is one outlet: sort by "
                            "share, largest first, and take the first row's outlet"))
    shares = {norm(o): s for o, s in zip(neutral["outlet"], neutral["share"], strict=True)}
    if got not in shares:
        return False, "that is not one of the outlets in the table (check spelling)"
    if shares[got] == max(shares.values()):
        return True, None
    if shares[got] == min(shares.values()):
        return False, "that outlet has the lowest share: sort largest first (ascending=False)"
    if got == norm(neutral["outlet"].iloc[0]):
        return False, ("the table is in outlet order, not sorted by share: sort by share "
                       "first")
    if got == norm(neutral.sort_values("n", ascending=False)["outlet"].iloc[0]):
        return False, ("that outlet has the most neutral cues, but it also has more cues "
                       "overall: compare the share, not the count n")
    return False, "compare the share column of the neutral rows, largest first"
