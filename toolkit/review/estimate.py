"""What a review says about attribution quality on its corpus.

**Precision** is the share of reviewed attributions that were right as extracted (speaker, cue
and content all accepted). **Attribution precision** also counts the corrected ones: they are
real attributions whose spans needed mending. Both come with a Wilson score interval (Wilson
1927), which, unlike the plain ``p ± z·se`` interval, stays inside [0, 1] and keeps its coverage
for small samples and for proportions near 0 or 1. The sample is drawn in proportion to its
strata and reviewed in random order, so the reviewed items are a self-weighting random sample
and the pooled share estimates the corpus-wide precision.

**Span scores** compare the reviewed system attributions with the reviewed folder read as gold
by :func:`toolkit.attribution.evaluate.score` (the metrics of ``toolkit evaluate``): cue
precision, source accuracy, end-to-end precision and content token F1 show how far corrected
spans were from the system's. Recall-side metrics are left out: the gold holds only what was
sampled.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

from toolkit.errors import ParameterError
from toolkit.review.store import Review

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PRECISION_COLUMNS", "precision_summary", "precision_table", "span_scores",
           "summary_html", "summary_text", "wilson_interval"]

PRECISION_COLUMNS = ("n_reviewed", "n_correct", "n_corrected", "n_wrong", "precision",
                     "precision_low", "precision_high", "attribution_precision",
                     "attribution_precision_low", "attribution_precision_high")
_SPAN_KEYS = ("cue_p", "source_acc", "source_n", "e2e_p", "content_f1", "content_n")


def wilson_interval(successes: int, n: int, *, confidence: float = 0.95
                    ) -> tuple[float, float] | tuple[None, None]:
    """The Wilson score interval for ``successes`` out of ``n`` (``(None, None)`` for n = 0)."""
    if not 0 < confidence < 1:
        raise ParameterError(f"confidence={confidence!r}", hint="use a level such as 0.95")
    if not 0 <= successes <= n:
        raise ParameterError(f"{successes} successes out of {n}")
    if n == 0:
        return None, None
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _counts(verdicts: list[str], confidence: float) -> dict[str, Any]:
    n = len(verdicts)
    correct, corrected = verdicts.count("correct"), verdicts.count("corrected")
    low, high = wilson_interval(correct, n, confidence=confidence)
    a_low, a_high = wilson_interval(correct + corrected, n, confidence=confidence)
    return {"n_reviewed": n, "n_correct": correct, "n_corrected": corrected,
            "n_wrong": verdicts.count("wrong"),
            "precision": correct / n if n else None, "precision_low": low, "precision_high": high,
            "attribution_precision": (correct + corrected) / n if n else None,
            "attribution_precision_low": a_low, "attribution_precision_high": a_high}


def precision_summary(review: Review, *, confidence: float = 0.95) -> dict[str, Any]:
    """Counts, precision and attribution precision with their Wilson intervals
    (``PRECISION_COLUMNS``), plus ``n_sample``, ``n_pending``, ``n_population`` (attributions
    the sample was drawn from), ``confidence`` and the :func:`span_scores` (None before any
    decision)."""
    decisions = review.decisions()
    summary = _counts([d.verdict for d in decisions.values()], confidence)
    summary.update(n_sample=len(review.sample), n_pending=len(review.sample) - len(decisions),
                   n_population=review.settings.get("n_population"), confidence=confidence,
                   span_scores=span_scores(review) if decisions else None)
    return summary


def precision_table(review: Review, *, by: str = "kind",
                    confidence: float = 0.95) -> pd.DataFrame:
    """``PRECISION_COLUMNS`` per value of a sample column (``kind``, ``outlet``, any ``by``
    column of the sample, ``verb_category``...), with ``n_sample``; sorted by value."""
    import pandas as pd

    if by not in review.sample.columns:
        raise ParameterError(f"the sample has no column {by!r}",
                             hint=f"use one of {', '.join(map(str, review.sample.columns))}")
    decisions = review.decisions()
    rows = []
    for value, group in review.sample.groupby(by, sort=True, dropna=False):
        verdicts = [decisions[int(i)].verdict for i in group["item"] if int(i) in decisions]
        rows.append({by: value, "n_sample": len(group), **_counts(verdicts, confidence)})
    return pd.DataFrame(rows, columns=[by, "n_sample", *PRECISION_COLUMNS])


def span_scores(review: Review) -> dict[str, Any]:
    """:func:`toolkit.attribution.evaluate.score` of the decided sample items against the
    review folder read as gold (cue precision, source accuracy, end-to-end precision, content
    token F1, with their counts)."""
    from toolkit.attribution.evaluate import load_gold, score

    decided = review.decisions()
    articles = load_gold(review.folder, split=review.split)
    records: dict[str, list[dict[str, int | None]]] = {}
    for item in decided:
        doc_id = review.item(item)["doc_id"]
        record = {}
        for role, span in review.system_spans(item).items():
            record[f"{role}_start"], record[f"{role}_end"] = span if span else (None, None)
        records.setdefault(str(review.text_path(doc_id).resolve()), []).append(record)
    metrics = score(articles, records)
    return {key: metrics[key] for key in _SPAN_KEYS}


def summary_text(summary: dict[str, Any]) -> str:
    """A few lines for a terminal or a notebook printout."""
    level = f"{summary['confidence']:.0%}"

    def share(key: str) -> str:
        if summary[key] is None:
            return "n/a"
        return (f"{summary[key]:.3f} ({level} interval {summary[key + '_low']:.3f}–"
                f"{summary[key + '_high']:.3f})")

    lines = [
        f"reviewed {summary['n_reviewed']} of {summary['n_sample']} sampled attributions "
        f"({summary['n_pending']} to go): {summary['n_correct']} correct, "
        f"{summary['n_corrected']} corrected, {summary['n_wrong']} wrong",
        f"precision (right as extracted)           {share('precision')}",
        f"attribution precision (correct+corrected) {share('attribution_precision')}",
    ]
    spans = summary.get("span_scores")
    if spans and summary["n_corrected"]:
        def f(key: str) -> str:
            return "n/a" if spans[key] is None else f"{spans[key]:.3f}"

        lines.append(f"span scores: cue P {f('cue_p')}, source accuracy {f('source_acc')} "
                     f"(n={spans['source_n']}), end-to-end P {f('e2e_p')}, content token F1 "
                     f"{f('content_f1')} (n={spans['content_n']})")
    return "\n".join(lines)


def summary_html(summary: dict[str, Any]) -> str:
    """:func:`summary_text` as an HTML block (escaped)."""
    import html

    return f"<pre style='white-space:pre-wrap'>{html.escape(summary_text(summary))}</pre>"
