"""Exact and near-duplicate detection for syndicated copies of the same story.

Each document body gets a fingerprint: a hash of its normalised text (exact copies) and a
bottom-k sketch of hashed word 5-gram shingles (near copies: a wire story republished with a
paragraph trimmed or different page furniture), and a MinHash signature of the same shingles.
Candidate pairs come from locality-sensitive hashing: the signature is cut into
:data:`BANDS` bands of :data:`ROWS` values, and two documents are candidates when any band is
equal, which a pair at the resemblance threshold (0.7) is with probability 0.9998 while a pair
that only shares a common phrase almost never is. So the work per document depends on how many
stories it resembles, not on how many documents share a phrase with it, and it is bounded
even so: a document is compared with at most :data:`MAX_CHECKS` earlier ones (see
:func:`find_duplicates`). A candidate's resemblance (Jaccard similarity of shingle sets) is
estimated from the bottom-k sketches.

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

__all__ = ["BAND_PEERS", "BANDS", "MAX_CHECKS", "MIN_WORDS", "NEAR_THRESHOLD", "ROWS",
           "SHINGLE", "SKETCH", "Fingerprint", "find_duplicates", "fingerprint", "resemblance"]

SHINGLE = 5
SKETCH = 128
NEAR_THRESHOLD = 0.7
MIN_WORDS = 2 * SHINGLE
BANDS = 32
ROWS = 4
# A document is compared with at most MAX_CHECKS earlier originals, found among the first
# BAND_PEERS documents of each of its band hashes: see find_duplicates.
MAX_CHECKS = 32
BAND_PEERS = 32
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
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches: the share
    of the smallest :data:`SKETCH` hashes of both that each has."""
    if not a or not b:
        return 0.0
    # Each sketch is sorted and holds a hash once: sorted together, a hash both have is the
    # one equal to the hash before it.
    both = np.concatenate((np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)))
    both.sort()
    repeated = both[1:] == both[:-1]
    union = np.count_nonzero(~repeated) + 1
    if union <= SKETCH:
        return int(np.count_nonzero(repeated)) / union
    # The smallest SKETCH hashes of the union end with the SKETCH-th distinct one, at ``last``
    # (``repeated[last]``: whether both have it).
    last = np.flatnonzero(~repeated)[SKETCH - 2] + 1
    return int(np.count_nonzero(repeated[:last + 1])) / SKETCH


def find_duplicates(prints: Sequence[Fingerprint | None], order: Sequence[tuple]
                    ) -> dict[int, tuple[int, str, float]]:
    """Map index of each duplicate -> (index of the copy it duplicates, 'exact'|'near', score).

    ``order`` gives each document's sort key (date, position): the earliest copy of a story is
    the original; the others point at it.

    A document is compared with the originals before it that share a band with it, the ones
    sharing the most bands first, at most :data:`MAX_CHECKS` of them, and from each band with
    the first :data:`BAND_PEERS` documents (in that order) that have it: so the work per
    document is bounded whatever the corpus (stories told in thousands of documents share
    bands, as does a block of text many of them carry). Below those limits every candidate is
    compared; the best match at or above the threshold, the earliest of equal ones, is kept.
    """
    ranked = sorted((i for i, p in enumerate(prints) if p is not None), key=lambda i: order[i])
    out: dict[int, tuple[int, str, float]] = {}
    by_exact: dict[str, int] = {}
    peers = _BandPeers(prints, ranked)
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
        # The originals already seen that share a band with this document, and how many bands.
        shared: dict[int, int] = {}
        for j in peers.earlier(i):
            if j in originals:
                shared[j] = shared.get(j, 0) + 1
        if len(shared) > MAX_CHECKS:
            shared = dict.fromkeys(sorted(shared, key=lambda j: (-shared[j], order[j]))
                                   [:MAX_CHECKS])
        best = None
        for j in sorted(shared, key=lambda j: order[j]):
            score = resemblance(fp.sketch, prints[j].sketch)
            if score >= NEAR_THRESHOLD and (best is None or score > best[1]):
                best = (j, score)
        if best is not None:
            out[i] = (best[0], "near", round(best[1], 3))
            continue
        originals.add(i)
    return out


class _BandPeers:
    """For each document, the documents before it (in ``ranked`` order) with one of its band
    hashes: of each hash, the first :data:`BAND_PEERS` documents that have it.

    Found by sorting every band hash of the corpus in one array (a corpus's hashes are not
    each a key of a dict), its documents in ``ranked`` order within a hash; a document's
    hashes are then found in that array by their positions."""

    def __init__(self, prints: Sequence[Fingerprint | None], ranked: Sequence[int]) -> None:
        with_bands = [i for i in ranked if prints[i].sketch and prints[i].bands]
        self._row = {i: row for row, i in enumerate(with_bands)}
        if not with_bands:
            return
        keys = np.array([prints[i].bands for i in with_bands], dtype=np.uint64).ravel()
        # Sorted by hash, then by the document's rank (rows are in ranked order).
        sort = np.argsort(keys, kind="stable").astype(np.int32)
        keys = keys[sort]
        self._owners = np.asarray(with_bands, dtype=np.int32)[sort // BANDS]
        # For each place in the sorted hashes, where its run of equal hashes starts.
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]).astype(np.int32)
        del keys
        run_start = np.repeat(starts, np.diff(np.r_[starts, len(sort)]))
        del starts
        # Each document's hashes: their places in the sorted array, and where their runs start
        # (the documents between are those before it with that hash).
        places = np.empty(len(sort), dtype=np.int32)
        places[sort] = np.arange(len(sort), dtype=np.int32)
        del sort
        self._places = places.reshape(len(with_bands), BANDS)
        self._run_start = run_start[self._places]
        del run_start
        self._any = (self._places > self._run_start).any(axis=1)

    def earlier(self, i: int) -> list[int]:
        """The documents before ``i`` with one of its band hashes (the first
        :data:`BAND_PEERS` of each hash), once per hash they share with it."""
        row = self._row.get(i)
        if row is None or not self._any[row]:
            return []
        found: list[int] = []
        for start, place in zip(self._run_start[row].tolist(), self._places[row].tolist(),
                                strict=True):
            if place > start:
                found.extend(self._owners[start:min(place, start + BAND_PEERS)].tolist())
        return found
