"""What the tutorial notebooks in ``notebooks/tutorials/`` use: the sample corpus, display
conveniences and the self-checks of their exercises.

- :mod:`~toolkit.teaching.sample`: where the sample corpus is (checkout or installed package);
- :mod:`~toolkit.teaching.display`: spans tables, text in context, marked attributions,
  excluded lines and attribution rows to review;
- :mod:`~toolkit.teaching.checking`: the exercise registry, :func:`check`, :func:`verdict`
  and :func:`exercises`;
- ``exercises_pandas``, ``exercises_corpus``, ``exercises_who_speaks``, ``exercises_verbs``,
  ``exercises_framing``, ``exercises_report``: the exercises of each tutorial, registered when
  imported here.
"""

from toolkit.teaching import (  # noqa: F401  (importing registers the exercises)
    exercises_corpus,
    exercises_framing,
    exercises_pandas,
    exercises_report,
    exercises_verbs,
    exercises_who_speaks,
)
from toolkit.teaching.checking import Verdict, check, exercises, verdict
from toolkit.teaching.display import (
    attribution_issues,
    excluded_lines,
    in_context,
    mark_attribution,
    spans_table,
)
from toolkit.teaching.exercises_framing import OWN_LEXICON_YAML
from toolkit.teaching.exercises_who_speaks import PRONOUNS
from toolkit.teaching.sample import SAMPLE_ENV, load_sample, sample_corpus_path

__all__ = ["OWN_LEXICON_YAML", "PRONOUNS", "SAMPLE_ENV", "Verdict", "attribution_issues",
           "check", "excluded_lines", "exercises", "in_context", "load_sample",
           "mark_attribution", "sample_corpus_path", "spans_table", "verdict"]
