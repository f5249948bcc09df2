"""The exercises of tutorial 03 (reporting verbs): lemmas, stance categories and the share of
neutral verbs per outlet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolkit.teaching.checking import (
    Unusable,
    as_text,
    best,
    exercise,
    norm,
    pick_max,
    sample_analysis,
)

if TYPE_CHECKING:
    import pandas as pd

__all__: list[str] = []

def _cue(form: str) -> Any:
    from toolkit.attribution import lookup_verb

    return lookup_verb(form)


@exercise("verbs-lemma", "03_reporting_verbs",
          "What is the lemma of the reporting verb 'insisted'?",
          "the lemma is the dictionary form of the verb; look at the cue_lemma column of "
          "result.quotes for a row whose cue is 'insisted'")
def _verbs_lemma(answer: Any) -> tuple[bool, str | None]:
    entry = _cue("insisted")
    got = norm(as_text(answer, "cue_lemma"))
    if entry is not None and got == norm(entry.lemma):
        return True, None
    if got == "insisted":
        return False, "that is the form used in the text; the lemma is the form you would look " \
                      "up in a dictionary"
    return False, None


@exercise("verbs-category", "03_reporting_verbs",
          "Which stance category does the toolkit give to 'insisted'?",
          "the verb_category column of result.quotes, or verbs.verb_counts(...); "
          "verbs.load_categories() explains each category")
def _verbs_category(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.verbs import load_categories

    entry = _cue("insisted")
    categories = load_categories()
    row = categories[categories["category"] == (entry.category if entry else None)]
    accepted = {norm(v) for v in row[["category", "label", "signal"]].to_numpy().ravel()}
    got = norm(as_text(answer, "verb_category"))
    if accepted and got in accepted:
        return True, None
    if got in {norm(v) for v in categories["category"]}:
        return False, ("that is another category; does 'insist' leave the truth of what was "
                       "said open, or present it as fact?")
    return False, None


@exercise("verbs-neutral-outlet", "03_reporting_verbs",
          "Which outlet has the highest share of neutral reporting verbs?",
          "verbs.category_share(result.quotes, result.documents, by='outlet'), keep the rows "
          "whose verb_category is 'neutral', and compare the share column")
def _verbs_neutral(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.verbs import category_share

    table = category_share(sample_analysis().quotes, sample_analysis().documents, by="outlet")
    neutral = table[table["verb_category"] == "neutral"]

    def pick(t: pd.DataFrame) -> Any:
        if "verb_category" in t.columns:
            t = t[t["verb_category"] == "neutral"]
        if t.empty:
            raise Unusable("the table has no 'neutral' rows")
        return pick_max("share", "outlet")(t)

    got = norm(as_text(answer, "outlet", pick=pick))
    if got in best(neutral, "outlet", "share"):
        return True, None
    if got in {norm(v) for v in neutral["outlet"]}:
        if got == norm(neutral.sort_values("n", ascending=False)["outlet"].iloc[0]):
            return False, ("that outlet has the most neutral cues, but it also has more cues "
                           "overall: compare the share, not the count n")
        return False, "compare the share column of the neutral rows, largest first"
    return False, "that is not one of the outlets in the table (check spelling)"
