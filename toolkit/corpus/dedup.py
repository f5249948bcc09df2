"""Exact and near-duplicate detection for syndicated copies of the same story.

Each document body gets a fingerprint: a hash of its normalised text (exact copies) and a
bottom-k sketch of hashed word 5-gram shingles (near copies: a wire story republished with a
paragraph trimmed or different page furniture). Candidate pairs share sketch values; their
resemblance (Jaccard similarity of shingle sets) is estimated from the sketches.

A body too short to say anything (fewer than :data:`MIN_WORDS` words: an empty body when
cleaning dropped every line, as it can for a script it does not know, or a one-line brief) is
never a near copy, and is an exact copy only of a document whose whole raw text is the same.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MIN_WORDS", "NEAR_THRESHOLD", "SHINGLE", "SKETCH", "Fingerprint", "find_duplicates",
           "fingerprint", "resemblance"]

SHINGLE = 5
SKETCH = 128
NEAR_THRESHOLD = 0.7
MIN_WORDS = 2 * SHINGLE
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    exact: str
    sketch: tuple[int, ...]


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
    return Fingerprint(exact=exact, sketch=tuple(sorted(shingles)[:SKETCH]))


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    k = min(SKETCH, len(set(a) | set(b)))
    union_bottom = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
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
    by_shingle: dict[int, list[int]] = defaultdict(list)
    for i in ranked:
        fp = prints[i]
        original = by_exact.get(fp.exact)
        if original is not None:
            out[i] = (original, "exact", 1.0)
            continue
        by_exact[fp.exact] = i
        if not fp.sketch:
            continue
        shared: dict[int, int] = defaultdict(int)
        for h in fp.sketch:
            for j in by_shingle[h]:
                shared[j] += 1
        best = None
        for j, count in shared.items():
            if count < len(fp.sketch) * NEAR_THRESHOLD * 0.5:
                continue
            score = resemblance(fp.sketch, prints[j].sketch)
            if score >= NEAR_THRESHOLD and (best is None or score > best[1]):
                best = (j, score)
        if best is not None:
            out[i] = (best[0], "near", round(best[1], 3))
            continue
        for h in fp.sketch:
            by_shingle[h].append(i)
    return out
