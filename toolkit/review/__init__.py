"""How accurate is attribution on *this* corpus? A review loop that measures it.

- :mod:`~toolkit.review.sample`: a random sample of attributions, stratified by kind and group
  (proportional, seeded, reproducible);
- :mod:`~toolkit.review.store`: the review folder, with the decisions as brat ``.ann`` files in
  the PolNeAR layout that :mod:`toolkit.attribution.evaluate` reads, so a reviewer can stop and
  go on later (:func:`start_review`, :func:`open_review`);
- :mod:`~toolkit.review.items`: one item in its sentence with the spans highlighted, and
  corrections typed as words turned into offsets;
- :mod:`~toolkit.review.estimate`: precision with a Wilson interval, by stratum, and the
  evaluate scores of corrected spans;
- :mod:`~toolkit.review.widget`: the loop as a JupyterLab widget; :mod:`~toolkit.review.terminal`:
  the loop in a terminal (run by the ``toolkit review`` command).

>>> review = start_review(corpus, "review-sample", quotes=analysis.quotes, n=50)
>>> review_widget(review)                      # in JupyterLab: Correct / Wrong / Save correction
>>> precision_summary(review)["precision"]
"""

from typing import TYPE_CHECKING

from toolkit._lazy import lazy_exports

if TYPE_CHECKING:
    from toolkit.review.estimate import (
        precision_summary,
        precision_table,
        span_scores,
        summary_text,
        wilson_interval,
    )
    from toolkit.review.sample import REVIEW_KINDS, draw_sample
    from toolkit.review.store import VERDICTS, Decision, Review, open_review, start_review
    from toolkit.review.widget import ReviewWidget, review_widget

__all__ = ["REVIEW_KINDS", "VERDICTS", "Decision", "Review", "ReviewWidget", "draw_sample",
           "open_review", "precision_summary", "precision_table", "review_widget",
           "span_scores", "start_review", "summary_text", "wilson_interval"]

# Imported on first use: the command line builds its parser without the review modules.
__getattr__, __dir__ = lazy_exports(__name__, {
    "precision_summary": "toolkit.review.estimate",
    "precision_table": "toolkit.review.estimate",
    "span_scores": "toolkit.review.estimate",
    "summary_text": "toolkit.review.estimate",
    "wilson_interval": "toolkit.review.estimate",
    "REVIEW_KINDS": "toolkit.review.sample",
    "draw_sample": "toolkit.review.sample",
    "VERDICTS": "toolkit.review.store",
    "Decision": "toolkit.review.store",
    "Review": "toolkit.review.store",
    "open_review": "toolkit.review.store",
    "start_review": "toolkit.review.store",
    "ReviewWidget": "toolkit.review.widget",
    "review_widget": "toolkit.review.widget",
})
