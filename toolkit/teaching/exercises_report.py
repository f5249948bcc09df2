"""The exercises of tutorial 05 (your own report): the hashes the report manifest records."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_text,
    exercise,
    norm,
    sample,
)
from toolkit.teaching.sample import sample_corpus_path

__all__: list[str] = []

@exercise("report-metadata-hash", "05_your_own_report",
          "What SHA-256 does the manifest record for metadata.csv of the copied sample corpus?",
          "manifest['inputs']['corpus'] maps each file of the corpus folder to its SHA-256")
def _report_hash(answer: Any) -> tuple[bool, str | None]:
    from toolkit.report import corpus_hashes

    hashes = corpus_hashes(sample_corpus_path())
    if isinstance(answer, Mapping):
        inputs = answer.get("inputs", {}).get("corpus", answer) if "inputs" in answer else answer
        if "metadata.csv" not in inputs:
            raise Unusable("pass the hash text, or the manifest dict")
        answer = inputs["metadata.csv"]
    got = norm(as_text(answer, "sha256"))
    if got == hashes["metadata.csv"]:
        return True, None
    if got in set(hashes.values()):
        return False, "that is the hash of another file of the corpus; look up 'metadata.csv'"
    if not re.fullmatch(r"[0-9a-f]{64}", got):
        return False, "a SHA-256 is 64 hexadecimal characters (0-9, a-f)"
    return False, None


@exercise("report-corpus-files", "05_your_own_report",
          "How many files of the copied corpus folder did the manifest record a hash for?",
          "count the entries of manifest['inputs']['corpus'] (len of the dict)")
def _report_files(answer: Any) -> tuple[bool, str | None]:
    from toolkit.report import corpus_hashes

    hashes = corpus_hashes(sample_corpus_path())
    if isinstance(answer, Mapping) and "inputs" in answer:
        answer = answer["inputs"].get("corpus", {})
    got = as_count(answer)
    if got == len(hashes):
        return True, None
    articles = sum(1 for k in hashes if k.startswith("articles/"))
    if got == articles:
        return False, "the articles are not the only files: every file in the folder is hashed"
    if got == len(sample().report()):
        return False, "that is the number of documents; the manifest hashes files, all of them"
    return False, None
