"""Exact and near-duplicate detection for syndicated copies of the same story.

Each document body gets a fingerprint: a hash of its normalised text (exact copies) and a
bottom-k sketch of hashed word 5-gram shingles (near copies: a wire story republished with a
paragraph trimmed or different page furniture), and a MinHash signature of the same shingles.
Candidate pairs come from locality-sensitive hashing: the signature is cut into
:data:`BANDS` bands of :data:`ROWS` values, and two documents are candidates when any band is
equal, which a pair at the resemblance threshold (0.7) is with probability 0.9998 while a pair
that only shares a common phrase almost never is. So the work per document depends on how many
stories it resembles, not on how many documents share a phrase with it. A candidate's
resemblance (Jaccard similarity of shingle sets) is estimated from the bottom-k sketches.

A body too short to say anything (fewer than :data:`MIN_WORDS` words: an empty body when
cleaning dropped every line, as it can for a script it does not know, or a one-line brief) is
never a near copy, and is an exact copy only of a document whose whole raw text is the same.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["BANDS", "MIN_WORDS", "NEAR_THRESHOLD", "ROWS", "SHINGLE", "SKETCH", "Fingerprint",
           "find_duplicates", "fingerprint", "resemblance"]

SHINGLE = 5
SKETCH = 128
NEAR_THRESHOLD = 0.7
MIN_WORDS = 2 * SHINGLE
BANDS = 32
ROWS = 4
_WORD = re.compile(r"\w+")
# The hash functions of the MinHash signature: h(x) = (a * x + b) mod 2**64, top 32 bits, with
# fixed odd multipliers so signatures are the same in every process and run.
_SEEDS = np.random.default_rng(20261129).integers(1, 2**63, size=(2, BANDS * ROWS),
                                                   dtype=np.uint64)
_MUL = _SEEDS[0] | np.uint64(1)
_ADD = _SEEDS[1]


@dataclass(frozen=True)
class Fingerprint:
    """``exact``: hash of the normalised words; ``sketch``: the bottom-k shingle hashes
    (ascending, empty for a short body); ``bands``: one hash per LSH band of the MinHash
    signature (empty for a short body)."""

    exact: str
    sketch: Sequence[int]
    bands: Sequence[int] = ()


def fingerprint(body: str, *, raw: str | None = None) -> Fingerprint:
    """The fingerprint of a cleaned ``body``; ``raw`` (the text as read) stands in for a body
    of fewer than :data:`MIN_WORDS` words, which then gets no sketch (no near copies)."""
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < MIN_WORDS:
        whole = " ".join((raw if raw is not None else body).split())
        exact = "raw:" + hashlib.sha1(whole.encode("utf-8")).hexdigest()
        return Fingerprint(exact=exact, sketch=())
    exact = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    shingles = {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8"))
                for i in range(len(words) - SHINGLE + 1)}
    return Fingerprint(exact=exact, sketch=array("I", sorted(shingles)[:SKETCH]),
                       bands=_bands(shingles))


def _bands(shingles: set[int]) -> array:
    """The LSH band hashes of the MinHash signature of ``shingles``."""
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        signature = ((values[:, None] * _MUL + _ADD) >> np.uint64(32)).min(axis=0)
        rows = signature.reshape(BANDS, ROWS)
        key = np.full(BANDS, 1469598103934665603, dtype=np.uint64)
        for r in range(ROWS):
            key = (key ^ rows[:, r]) * np.uint64(1099511628211)
    # The band's number goes into its key, so equal values in different bands do not collide.
    return array("Q", (key ^ np.arange(BANDS, dtype=np.uint64)).tolist())


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    union_bottom = sorted(first | second)[:SKETCH]
    both = first & second
    return sum(1 for h in union_bottom if h in both) / len(union_bottom)


def find_duplicates(prints: Sequence[Fingerprint | None], order: Sequence[tuple]
                    ) -> dict[int, tuple[int, str, float]]:
    """Map index of each duplicate -> (index of the copy it duplicates, 'exact'|'near', score).

    ``order`` gives each document's sort key (date, position): the earliest copy of a story is
    the original; the others point at it.
    """
    ranked = sorted((i for i, p in enumerate(prints) if p is not None), key=lambda i: order[i])
    out: dict[int, tuple[int, str, float]] = {}
    by_exact: dict[str, int] = {}
    sharing = _sharing_a_band(prints)
    originals: set[int] = set()
    for i in ranked:
        fp = prints[i]
        original = by_exact.get(fp.exact)
        if original is not None:
            out[i] = (original, "exact", 1.0)
            continue
        by_exact[fp.exact] = i
        if not fp.sketch:
            continue
        # The originals already seen that share a band with this document.
        candidates = {j for group in sharing.get(i, ()) for j in group if j in originals}
        best = None
        for j in sorted(candidates, key=lambda j: order[j]):
            score = resemblance(fp.sketch, prints[j].sketch)
            if score >= NEAR_THRESHOLD and (best is None or score > best[1]):
                best = (j, score)
        if best is not None:
            out[i] = (best[0], "near", round(best[1], 3))
            continue
        originals.add(i)
    return out


def _sharing_a_band(prints: Sequence[Fingerprint | None]) -> dict[int, list[list[int]]]:
    """For each document that shares a band hash with another, the groups of documents
    sharing each such hash (itself included). Found by sorting every band hash of the corpus
    in one array: a corpus's hashes are not each a key of a dict."""
    with_bands = [i for i, p in enumerate(prints) if p is not None and p.sketch and p.bands]
    if not with_bands:
        return {}
    keys = np.array([prints[i].bands for i in with_bands], dtype=np.uint64).ravel()
    owners = np.repeat(np.array(with_bands, dtype=np.int64), BANDS)
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    del order
    # Runs of equal hashes of two documents or more.
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    shared = ends - starts > 1
    sharing: dict[int, list[list[int]]] = {}
    for start, end in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True):
        group = owners[start:end].tolist()
        for i in group:
            sharing.setdefault(i, []).append(group)
    return sharing
