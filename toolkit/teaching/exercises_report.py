"""The exercises of tutorial 05 (your own report): the hashes the report manifest records."""

from __future__ import annotations

import hashlib
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

_KINDS_OF_INPUT = {"corpus", "lexicons", "notebooks"}


def _hashes() -> dict[str, str]:
    from toolkit.report import corpus_hashes

    return corpus_hashes(sample_corpus_path())


@exercise("report-metadata-hash", "05_your_own_report",
          "What SHA-256 does the manifest record for metadata.csv of the copied sample corpus?",
          "manifest['inputs']['corpus'] maps each file of the corpus folder to its SHA-256")
def _report_hash(answer: Any) -> tuple[bool, str | None]:
    hashes = _hashes()
    if isinstance(answer, Mapping):
        if "inputs" in answer:
            raise Unusable("that is the whole manifest; the hashes of the corpus files are in "
                           "manifest['inputs']['corpus']: look up one entry")
        raise Unusable("that is a whole mapping of files to hashes; look up the one entry the "
                       "question asks for, with ['...']")
    if isinstance(answer, bytes):
        raise Unusable("that is the raw digest (bytes); .hexdigest() gives the 64-character "
                       "text the manifest records")
    got = norm(as_text(answer, "sha256"))
    if got == hashes["metadata.csv"]:
        return True, None
    if got in set(hashes.values()):
        return False, "that is the hash of another file of the corpus; look up 'metadata.csv'"
    if got in {hashlib.sha256(name.encode("utf-8")).hexdigest() for name in
               ("metadata.csv", "articles/metadata.csv")}:
        return False, ("that is the hash of the file's name; a file's hash is computed from "
                       "its bytes: path.read_bytes()")
    if re.fullmatch(r"[0-9a-f]{32}", got):
        return False, "that looks like an MD5 (32 characters); the manifest records SHA-256"
    if re.fullmatch(r"[0-9a-f]{40}", got):
        return False, "that looks like a SHA-1 (40 characters); the manifest records SHA-256"
    if not re.fullmatch(r"[0-9a-f]{64}", got):
        return False, "a SHA-256 is 64 hexadecimal characters (0-9, a-f)"
    return False, None


@exercise("report-corpus-files", "05_your_own_report",
          "How many files of the copied corpus folder did the manifest record a hash for?",
          "count the entries of manifest['inputs']['corpus'] (len of the dict)")
def _report_files(answer: Any) -> tuple[bool, str | None]:
    hashes = _hashes()
    if isinstance(answer, Mapping):
        if "inputs" in answer:
            raise Unusable("that is the whole manifest; count the entries of "
                           "manifest['inputs']['corpus']")
        if set(answer) and set(answer) <= _KINDS_OF_INPUT:
            raise Unusable("that is manifest['inputs'], one entry per kind of input; count the "
                           "entries of its 'corpus' part")
        if set(answer) == set(hashes):
            answer = len(answer)
    got = as_count(answer)
    if got == len(hashes):
        return True, None
    articles = sum(1 for k in hashes if k.startswith("articles/"))
    if got == articles:
        return False, "the articles are not the only files: every file in the folder is hashed"
    if got == len(sample()):
        return False, ("that is the number of documents analysed (duplicates left out); the "
                       "manifest hashes files, all of them")
    if got == len(hashes) - 1:
        return False, ("one short: every file in the folder counts, whatever its kind "
                       "(look at the names in manifest['inputs']['corpus'])")
    return False, None
