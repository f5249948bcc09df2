"""A random sample of attributions to review, stratified, seeded and reproducible.

The attributions are split into strata (by default their ``kind`` and their article's
``outlet``); each stratum gets a share of the sample in proportion to its size (largest
remainders round the shares to whole items), so the sample is self-weighting and the share of
correct items in it estimates the precision over the whole corpus.

Which attributions a stratum contributes is decided by a key hashed from the seed and the
attribution's place (document id and cue offsets), not by the order of the table: the same
corpus, seed and size give the same sample on every machine and Python version. The sample is
then put in a random review order (by another hashed key), so a reviewer who stops early has
still reviewed a random subset.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from toolkit.analysis.grouping import UNKNOWN, as_documents, by_columns, with_groups
from toolkit.attribution import KINDS
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REVIEW_KINDS", "SAMPLE_COLUMNS", "allocate", "draw_sample", "strata_sizes"]

# Floating quotes have no cue of their own: gold annotations count them as part of the
# attribution before them (see toolkit.attribution.cued), so they are not reviewed on their own.
REVIEW_KINDS = tuple(k for k in KINDS if k != "floating")
SAMPLE_COLUMNS = ("item", "doc_id", "speaker", "speaker_type", "speaker_start", "speaker_end",
                  "cue_lemma", "cue_start", "cue_end", "content_start", "content_end", "kind",
                  "verb_category")


def allocate(sizes: Sequence[int], n: int) -> list[int]:
    """Split ``n`` items over strata of ``sizes`` in proportion (largest remainder method; ties
    go to the earlier stratum). Never more than a stratum holds."""
    total = sum(sizes)
    if n >= total:
        return list(sizes)
    exact = [n * size / total for size in sizes]
    shares = [int(x) for x in exact]
    order = sorted(range(len(sizes)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: n - sum(shares)]:
        shares[i] += 1
    return shares


def _key(seed: int, purpose: str, doc_id: Any, cue_start: Any, cue_end: Any) -> str:
    raw = f"{seed}\x1f{purpose}\x1f{doc_id}\x1f{cue_start}\x1f{cue_end}".encode()
    return hashlib.sha256(raw).hexdigest()


def _strata_frame(quotes: pd.DataFrame, documents: Any, by: Sequence[str],
                  kinds: Sequence[str]) -> tuple[pd.DataFrame, list[str]]:
    unknown = [k for k in kinds if k not in REVIEW_KINDS]
    if unknown:
        raise ParameterError(f"cannot review kind(s) {', '.join(unknown)}",
                             hint=f"choose from {', '.join(REVIEW_KINDS)}; floating quotes "
                                  "belong to the attribution before them")
    columns = by_columns(by)
    data = quotes[quotes["kind"].isin(list(kinds))].copy()
    data["doc_id"] = data["doc_id"].astype(str)
    if data.empty:
        raise ParameterError("no attribution of the kinds to review",
                             hint=f"the table holds kinds {sorted(set(quotes['kind']))}")
    data, columns = with_groups(data, as_documents(documents), columns)
    for column in columns:
        data[column] = data[column].astype(object).where(data[column].notna(), UNKNOWN)
    return data, columns


def strata_sizes(quotes: pd.DataFrame, documents: Any = None, *,
                 by: Sequence[str] = ("kind", "outlet"),
                 kinds: Sequence[str] = REVIEW_KINDS) -> pd.DataFrame:
    """Attributions per stratum: the ``by`` columns and ``n_population``, strata sorted."""
    data, columns = _strata_frame(quotes, documents, by, kinds)
    if not columns:
        import pandas as pd

        return pd.DataFrame({"n_population": [len(data)]})
    sizes = data.groupby(columns, sort=True).size().rename("n_population").reset_index()
    return sizes


def draw_sample(quotes: pd.DataFrame, documents: Any = None, *, n: int = 100,
                by: Sequence[str] = ("kind", "outlet"), seed: int = 0,
                kinds: Sequence[str] = REVIEW_KINDS) -> pd.DataFrame:
    """``n`` attributions of ``quotes`` drawn at random in proportion to each stratum.

    ``quotes`` is the attribution table (``analyze(corpus).quotes``); ``documents`` the
    documents table or corpus, needed when ``by`` names a document field (``outlet``,
    ``author``) or a period (``month``); ``by`` may also name attribution columns (``kind``,
    ``verb_category``) and may be empty (a simple random sample). ``kinds`` are the kinds
    reviewed (all but floating quotes).

    Columns: ``SAMPLE_COLUMNS`` (``item`` numbers the review order from 1), then the ``by``
    columns. All attributions are taken when ``n`` is at least their number.
    """
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n={n!r}", hint="ask for at least one attribution")
    data, columns = _strata_frame(quotes, documents, by, kinds)
    data["_pick"] = [_key(seed, "pick", *row) for row in
                     data[["doc_id", "cue_start", "cue_end"]].itertuples(index=False)]
    data["_order"] = [_key(seed, "order", *row) for row in
                      data[["doc_id", "cue_start", "cue_end"]].itertuples(index=False)]
    if columns:
        strata = [group for _, group in data.groupby(columns, sort=True)]
    else:
        strata = [data]
    shares = allocate([len(group) for group in strata], n)
    import pandas as pd

    chosen = pd.concat([group.sort_values("_pick").head(share)
                        for group, share in zip(strata, shares, strict=True)])
    chosen = chosen.sort_values("_order").reset_index(drop=True)
    chosen["item"] = range(1, len(chosen) + 1)
    extra = [c for c in columns if c not in SAMPLE_COLUMNS]
    return chosen[[*SAMPLE_COLUMNS, *extra]]
