"""Display conveniences for the tutorial notebooks: tables of spans, text in context, marked
attributions, the lines the cleaner left out, and attribution rows worth a second look."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.attribution.word_classes import SPEAKER_ID_FUNCTION_WORDS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["excluded_lines", "spans_table", "in_context", "mark_attribution",
           "attribution_issues"]


def excluded_lines(corpus: Iterable[Any]) -> pd.DataFrame:
    """Every stretch the cleaner left out, with its text: doc_id, start, end, reason, text.

    Duplicates are included when the corpus offers them (``Corpus.documents(
    include_duplicates=True)``), so the chrome of a syndicated copy shows too.
    """
    import pandas as pd

    docs = corpus.documents(include_duplicates=True) if hasattr(corpus, "documents") else corpus
    rows = [(doc.doc_id, x.start, x.end, x.reason, doc.text[x.start:x.end])
            for doc in docs for x in doc.cleaned.excluded]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "reason", "text"])


def spans_table(text: str, spans: Sequence[Sequence[int]], *, limit: int | None = None
                ) -> pd.DataFrame:
    """A table of ``(start, end)`` spans with the characters each one covers: start, end, text."""
    import pandas as pd

    chosen = list(spans)[:limit] if limit is not None else list(spans)
    return pd.DataFrame([(int(a), int(b), text[a:b]) for a, b in chosen],
                        columns=["start", "end", "text"])


def in_context(text: str, start: int, end: int, *, window: int = 60) -> str:
    """``text[start:end]`` between ``[[`` and ``]]`` with ``window`` characters either side,
    white space collapsed: the way to check a table row against its source."""
    left = " ".join(text[max(0, start - window):start].split())
    right = " ".join(text[end:end + window].split())
    return f"...{left} [[{' '.join(text[start:end].split())}]] {right}..."


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) \
        and str(value) != "<NA>"


def mark_attribution(text: str, row: Mapping[str, Any] | Any, *, window: int = 40) -> str:
    """The sentence around one attribution with its parts marked: ``{speaker}``, ``<cue>`` and
    ``«content»`` (an empty cue, as of a floating quote, is not marked). ``row`` is a row of
    the quotes table (a Series or a dict)."""
    get = row.get if hasattr(row, "get") else (lambda key: getattr(row, key, None))
    marks = []
    for key, opening, closing in (("speaker", "{", "}"), ("cue", "<", ">"),
                                  ("content", "«", "»")):
        a, b = get(f"{key}_start"), get(f"{key}_end")
        if _present(a) and _present(b) and int(a) < int(b):
            marks.append((int(a), int(b), opening, closing))
    if not marks:
        return "(no offsets)"
    lo = max(0, min(a for a, _, _, _ in marks) - window)
    hi = min(len(text), max(b for _, b, _, _ in marks) + window)
    out = []
    for i in range(lo, hi + 1):
        out.extend(closing for _, b, _, closing in marks if b == i)
        out.extend(opening for a, _, opening, _ in marks if a == i)
        if i < hi:
            out.append(text[i])
    return "..." + " ".join("".join(out).split()) + "..."


_ANONYMOUS_HINTS = re.compile(
    r"\b(?:officials?|diplomats?|sources?|person|people|aides?|insiders?|anonymity|"
    r"not to be named|familiar with)\b", re.IGNORECASE)


def _issue(row: Mapping[str, Any], verbs: Callable[[str], Any], surnames: set[str]
           ) -> str | None:
    speaker, mention = row["speaker"], row["speaker_mention"]
    if not _present(speaker):
        return "no speaker found"
    speaker = str(speaker)
    words = speaker.split()
    mention = str(mention) if _present(mention) else ""
    if words[0].lower() in SPEAKER_ID_FUNCTION_WORDS or len(speaker) <= 2:
        return "speaker id starts with a function word"
    if any(w.islower() and prev.lower() not in SPEAKER_ID_FUNCTION_WORDS
           and (entry := verbs(w)) is not None and entry.lemma != w
           for prev, w in zip(words, words[1:], strict=False)):
        return "speaker id contains a reporting verb"
    if mention and _ANONYMOUS_HINTS.search(mention) and row["speaker_type"] != "anonymous" \
            and not any(w[:1].isupper() for w in mention.split()[1:] if w.lower() not in
                        SPEAKER_ID_FUNCTION_WORDS):
        return f"looks like an unnamed source but is typed {row['speaker_type']}"
    if row["speaker_type"] == "person" and len(words) == 1 and speaker[:1].isupper() \
            and speaker.lower() not in surnames:
        return "one-word person id (a place, an institution or a partial name?)"
    return None


def attribution_issues(quotes: pd.DataFrame) -> pd.DataFrame:
    """Rows of the quotes table that a person should look at, with a ``problem`` column.

    Heuristics, not verdicts: no speaker found; a speaker id that starts with a function word
    ("the", "an", "who...") or contains a reporting verb (the cue swallowed into the name); a
    mention that reads like an unnamed source ("the official", "sources familiar with...") but
    is not typed ``anonymous``; a one-word ``person`` id that is no known surname (often a
    country or an institution). Columns: doc_id, problem, speaker, speaker_type,
    speaker_mention, cue, kind, then the offsets. Sorted by problem, doc_id, cue_start.
    """
    import pandas as pd

    from toolkit.attribution import lookup_verb

    lookup = lookup_verb
    persons = quotes.loc[quotes["speaker_type"] == "person", "speaker"].dropna().astype(str)
    surnames = {name.split()[-1].lower() for name in persons if " " in name}
    problems = [_issue(row, lookup, surnames) for row in quotes.to_dict("records")]
    out = quotes.assign(problem=problems)
    out = out[out["problem"].notna()]
    columns = ["doc_id", "problem", "speaker", "speaker_type", "speaker_mention", "cue", "kind",
               "speaker_start", "speaker_end", "cue_start", "cue_end", "content_start",
               "content_end"]
    out = out[columns].sort_values(["problem", "doc_id", "cue_start"], kind="stable")
    return pd.DataFrame(out).reset_index(drop=True)
