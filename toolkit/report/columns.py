"""What each column of a report table shows: the label a reader sees, how its numbers are
written, and one sentence saying what it counts. The CSV files keep the raw column names and
numbers; the pages use these.

A column is described by its name (:data:`COLUMNS`) unless a table gives it its own sentence
(:data:`TABLE_COLUMNS`): ``n`` counts attributions per verb in ``verbs`` but per category in
``stance_by_group``. Counts of attributions all follow :mod:`toolkit.analysis.counting`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Column", "COLUMNS", "TABLE_COLUMNS", "FORMATS", "describe_columns"]

# How numbers are written: count (1,234), percent (12.3%), decimal1, decimal2, pvalue, text.
FORMATS = ("count", "percent", "decimal1", "decimal2", "pvalue", "text")

_ATTR = "attributions (direct, indirect, mixed and floating quotes)"


@dataclass(frozen=True)
class Column:
    """A column as a page shows it."""

    name: str
    label: str
    format: str
    description: str


def _c(label: str, format: str, description: str) -> tuple[str, str, str]:
    return (label, format, description)


COLUMNS: dict[str, tuple[str, str, str]] = {
    "speaker": _c("speaker", "text", "the source, with one name for all the ways the articles "
                  "refer to them; (unresolved) gathers pronouns whose speaker was not found "
                  "and attributions that name no speaker"),
    "speaker_type": _c("type", "text", "person, organization, group, role, anonymous or "
                       "unresolved"),
    "speaker_title": _c("title or role", "text", "the title or role the articles use most for "
                        "the speaker"),
    "n_attributions": _c("attributions", "count", f"{_ATTR} credited to the speaker"),
    "n_direct": _c("direct", "count", "attributions in quotation marks (direct, mixed and "
                   "floating quotes)"),
    "n_indirect": _c("indirect", "count", "paraphrased attributions"),
    "words_direct": _c("words quoted", "count", "words inside quotation marks"),
    "words_indirect": _c("words paraphrased", "count", "words of paraphrased statements"),
    "share": _c("share", "percent", f"share of all {_ATTR} in the group"),
    "n_documents": _c("articles", "count", "articles in which the speaker is quoted"),
    "n_mentions": _c("mentions", "count", "times the speaker is named, quoted or not"),
    "first_date": _c("first", "text", "first publication date"),
    "last_date": _c("last", "text", "last publication date"),
    "outlet": _c("outlet", "text", "the outlet that published the article"),
    "author": _c("author", "text", "the article's author"),
    "month": _c("month", "text", "month of publication"),
    "week": _c("week", "text", "week of publication (the Monday's date)"),
    "quarter": _c("quarter", "text", "quarter of publication"),
    "year": _c("year", "text", "year of publication"),
    "period": _c("period", "text", "period of publication"),
    "doc_id": _c("article", "text", "the article's identifier"),
    "n_anonymous": _c("anonymous", "count", "attributions credited to unnamed sources"),
    "anonymous_rate": _c("anonymous share", "percent", "share of the group's attributions "
                         "credited to unnamed sources"),
    "cue_lemma": _c("verb", "text", "the reporting verb (every inflection under its lemma), or "
                    "a phrase such as \u201caccording to\u201d"),
    "verb_category": _c("stance", "text", "the verb's stance category (see the taxonomy)"),
    "n": _c("attributions", "count", f"{_ATTR} with this verb or category"),
    "category": _c("category", "text", "the stance category's id"),
    "label": _c("label", "text", "its readable name"),
    "signal": _c("signal", "text", "what choosing such a verb tends to signal"),
    "description": _c("description", "text", "what the category covers, with examples"),
    "frame": _c("frame", "text", "a frame of the lexicon"),
    "n_matches": _c("matches", "count", "matches of the frame's terms"),
    "n_journalist": _c("journalist", "count", "matches outside quotations"),
    "n_quoted": _c("quoted", "count", "matches inside attributed speech"),
    "n_tokens": _c("words", "count", "words outside boilerplate"),
    "n_tokens_journalist": _c("words (journalist)", "count", "words outside quotations"),
    "n_tokens_quoted": _c("words (quoted)", "count", "words inside attributed speech"),
    "rate": _c("rate", "decimal2", "matches per 1,000 words"),
    "rate_journalist": _c("rate (journalist)", "decimal2", "matches per 1,000 words outside "
                          "quotations"),
    "rate_quoted": _c("rate (quoted)", "decimal2", "matches per 1,000 words inside "
                      "attributed speech"),
    "left": _c("before", "text", "the words before the match"),
    "match": _c("match", "text", "the matching words as written"),
    "right": _c("after", "text", "the words after the match"),
    "term": _c("term", "text", "the lexicon entry that matched"),
    "voice": _c("voice", "text", "journalist (outside quotations) or quoted"),
    "position": _c("position", "decimal2", "where the match falls in the article, from 0 "
                   "(start) to 1 (end)"),
    "word": _c("word", "text", "the word (lower-cased)"),
    "freq_target": _c("in group", "count", "occurrences in the group's articles"),
    "freq_reference": _c("elsewhere", "count", "occurrences in every other article"),
    "rate_target": _c("per 1,000 (group)", "decimal2", "occurrences per 1,000 words in the "
                      "group"),
    "rate_reference": _c("per 1,000 (elsewhere)", "decimal2", "occurrences per 1,000 words "
                         "elsewhere"),
    "g2": _c("G2", "decimal1", "log-likelihood: above 3.84 the difference is unlikely to be "
             "chance (p < 0.05), above 10.83 p < 0.001"),
    "p_value": _c("p", "pvalue", "chance of a difference this large if there were none"),
    "log_ratio": _c("log ratio", "decimal2", "size of the difference: 1 = twice as frequent in "
                    "the group, -1 = half as frequent"),
    "pct_diff": _c("% difference", "decimal1", "difference of the normalized frequencies, in "
                   "percent of the frequency elsewhere"),
    "collocate": _c("collocate", "text", "a word near the term"),
    "freq": _c("together", "count", "times the collocate occurs within the window"),
    "freq_collocate": _c("collocate overall", "count", "occurrences of the collocate in all "
                         "articles"),
    "pmi": _c("PMI", "decimal2", "pointwise mutual information: favours rare, exclusive "
              "partners"),
    "log_likelihood": _c("log-likelihood", "decimal1", "favours frequent, reliable partners"),
    "status": _c("status", "text", "ok (analysed), duplicate (a syndicated copy, counted once) "
                 "or skipped (with the reason)"),
    "count": _c("files", "count", "input files with this status"),
    "n_duplicates": _c("duplicates", "count", "syndicated copies left out"),
    "reason": _c("reason", "text", "why the stretch was left out"),
    "n_spans": _c("stretches", "count", "stretches of text left out"),
    "n_chars": _c("characters", "count", "characters left out"),
    "attributions_per_document": _c("per article", "decimal2", "attributions per article "
                                    "published in the period"),
}

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "share_of_voice": {"share": f"the speaker's share of the group's {_ATTR}; (other) gathers "
                                "everyone outside the top speakers"},
    "speakers_over_time": {"n_attributions": f"{_ATTR} credited to the speaker in the period",
                           "n_documents": "articles published in the period"},
    "anonymous_sources": {"n_attributions": f"{_ATTR} in the group"},
    "verbs": {"n": f"{_ATTR} introduced by this verb",
              "share": f"share of all {_ATTR}"},
    "stance_by_group": {"n": f"{_ATTR} of the group with a verb of this stance",
                        "share": f"share of the group's {_ATTR}"},
    "stance_mix": {"n": f"{_ATTR} with a verb of this stance",
                   "share": f"share of all {_ATTR}"},
    "stance_by_speaker": {"n": f"the speaker's {_ATTR} with a verb of this stance",
                          "share": f"share of the speaker's {_ATTR}"},
    "verbs_by_speaker": {"n": f"the speaker's {_ATTR} introduced by this verb",
                         "share": f"share of the speaker's {_ATTR}"},
    "counted_apart": {"n": "cognitive and evidential attributions with this verb (not counted "
                           "in the other tables)",
                      "share": "share of the cognitive and evidential attributions"},
    "mentioned_not_quoted": {"n_mentions": "times the person or organization is named",
                             "n_documents": "articles that name them"},
    "documents_by_outlet_month": {"n_documents": "articles analysed"},
    "speaker_change": {},
}


def describe_columns(columns: Iterable[str], table: str | None = None,
                     extra: Mapping[str, str] | None = None) -> list[Column]:
    """How a page shows each of ``columns`` of the table named ``table``; ``extra`` gives
    sentences for columns of a table of one's own. Unknown columns keep their name and are
    shown as text (numbers with two decimals)."""
    own = {**TABLE_COLUMNS.get(table or "", {}), **(extra or {})}
    out = []
    for name in columns:
        label, fmt, description = COLUMNS.get(name, (name.replace("_", " "), "", ""))
        out.append(Column(name, label, fmt, own.get(name, description)))
    return out
