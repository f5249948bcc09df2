"""The exercises of tutorial 00 (pandas in 15 minutes): filtering rows on two conditions and
counting them, and sorting to find the largest value."""

from __future__ import annotations

from typing import Any

from toolkit.teaching.checking import Unusable, as_count, as_text, exercise, is_number, norm, sample

__all__: list[str] = []

_OUTLET = "Meridian Daily"


@exercise("pandas-outlet-ok", "00_pandas",
          "How many Meridian Daily articles have the status 'ok'?",
          "combine a condition on the outlet column and one on the status column with &, "
          "each in round brackets, then count the True values with .sum()")
def _outlet_ok(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    summary = sample().summary()
    of_outlet = summary["outlet"] == _OUTLET
    is_ok = summary["status"] == "ok"
    if isinstance(answer, pd.DataFrame) and {"outlet", "status"} <= set(answer.columns):
        if not (answer["outlet"] == _OUTLET).all():
            raise Unusable("the table still has rows of other outlets: add the condition on "
                           "the outlet column")
        if not (answer["status"] == "ok").all():
            raise Unusable("the table still has a row whose status is not 'ok' (a reprint): "
                           "add the condition on the status column")
        answer = len(answer)
    got = as_count(answer, counts_hint="that is one count per group; pick the count of "
                                       "Meridian Daily rows with status 'ok'")
    if got == int((of_outlet & is_ok).sum()):
        return True, None
    if got == int(of_outlet.sum()):
        return False, ("that counts every Meridian Daily row, the reprinted duplicate too: "
                       "add the condition status == 'ok'")
    if got == int(is_ok.sum()):
        return False, "that counts the 'ok' rows of every outlet: add the condition on outlet"
    if got == len(summary):
        return False, "that is every row of the summary: keep only the rows the question asks for"
    return False, None


@exercise("pandas-longest", "00_pandas",
          "Which article has the most tokens (the n_tokens column of the summary)? Give its "
          "doc_id.",
          "sort the summary by n_tokens, largest first, and take the doc_id of the first "
          "row")
def _longest(answer: Any) -> tuple[bool, str | None]:
    summary = sample().summary()
    if is_number(answer):
        return False, ("that is a number of tokens; the question asks which article: give its "
                       "doc_id")
    got = norm(as_text(answer, "doc_id",
                       many="that is a table of several articles; the answer is one doc_id: "
                            "sort by n_tokens, largest first, and take the first row's doc_id"))
    top = summary[summary["n_tokens"] == summary["n_tokens"].max()]
    if got in {norm(v) for v in top["doc_id"]} | {norm(v) for v in top["title"]}:
        return True, None
    ids = {norm(v): v for v in summary["doc_id"]}
    if got not in ids:
        return False, "that is not a doc_id of the summary (copy it exactly, or check spelling)"
    longest_chars = summary.loc[summary["n_chars"].idxmax(), "doc_id"]
    shortest = summary.loc[summary["n_tokens"].idxmin(), "doc_id"]
    if got == norm(longest_chars):
        return False, ("that article is the longest in characters (n_chars); the question "
                       "counts tokens (n_tokens)")
    if got == norm(shortest):
        return False, ("that is the article with the fewest tokens: sort largest first with "
                       "ascending=False")
    if got == norm(summary["doc_id"].iloc[0]):
        return False, ("that is the first row of the summary, which is in file order: sort by "
                       "n_tokens first")
    return False, "that article is in the summary, but others have more tokens"
