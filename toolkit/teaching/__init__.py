"""Helpers for the tutorial notebooks in ``notebooks/tutorials/`` (in
:mod:`~toolkit.teaching.helpers`)."""

from toolkit.teaching.helpers import (
    OWN_LEXICON_YAML,
    PRONOUNS,
    SAMPLE_ENV,
    attribution_issues,
    check,
    excluded_lines,
    exercises,
    in_context,
    load_sample,
    mark_attribution,
    sample_corpus_path,
    spans_table,
)

__all__ = ["OWN_LEXICON_YAML", "PRONOUNS", "SAMPLE_ENV", "attribution_issues", "check",
           "excluded_lines", "exercises", "in_context", "load_sample", "mark_attribution",
           "sample_corpus_path", "spans_table"]
