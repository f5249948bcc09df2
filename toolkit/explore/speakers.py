"""The speaker explorer's logic: speakers with counts, a speaker's attributions, one line each.

The counts are those of :func:`toolkit.analysis.speakers.speaker_table` (same kinds, unresolved
speakers as ``(unresolved)``, first-hand voices only unless ``include_embedded``), so a number in
a report leads to exactly the rows behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from toolkit.analysis.counting import first_hand
from toolkit.analysis.speakers import SPEECH_KINDS, UNRESOLVED
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SPEAKER_COUNT_COLUMNS", "SPEAKER_ROW_COLUMNS", "speaker_choices", "speaker_counts",
           "speaker_row_label", "speaker_rows"]

SPEAKER_COUNT_COLUMNS = ("speaker", "speaker_type", "n_attributions", "n_documents")
SPEAKER_ROW_COLUMNS = ("doc_id", "date", "outlet", "speaker", "speaker_mention", "cue",
                       "cue_lemma", "verb_category", "kind", "content", "speaker_start",
                       "speaker_end", "cue_start", "cue_end", "content_start", "content_end")
_NEEDED = ("doc_id", "speaker", "speaker_type", "speaker_mention", "cue", "kind", "cue_start",
           "cue_end")


def _attributions(quotes: pd.DataFrame, kinds: Sequence[str] | None,
                  include_embedded: bool) -> pd.DataFrame:
    missing = [c for c in _NEEDED if c not in getattr(quotes, "columns", ())]
    if missing:
        raise ParameterError(f"quotes table lacks column(s) {', '.join(missing)}",
                             hint="pass analyze(corpus).quotes or toolkit.attribution.attribute("
                                  "corpus, as_frame=True)")
    data = first_hand(quotes, include_embedded=include_embedded)
    data = data if kinds is None else data[data["kind"].isin(list(kinds))]
    data = data.copy()
    unresolved = data["speaker"].isna()
    data["speaker"] = data["speaker"].astype(object).where(~unresolved, UNRESOLVED)
    data.loc[unresolved, "speaker_type"] = "unresolved"
    return data


def speaker_counts(quotes: pd.DataFrame, *, search: str = "",
                   kinds: Sequence[str] | None = SPEECH_KINDS,
                   include_embedded: bool = False) -> pd.DataFrame:
    """One row per speaker: speaker, speaker_type (the most frequent), n_attributions,
    n_documents; most quoted first, then by name.

    ``search`` keeps speakers whose id or any of whose mentions in the text contains it (case
    ignored): ``"minister"`` finds a speaker quoted as "the foreign minister". ``kinds`` are the
    attribution kinds counted (None: all); speech reported inside another attribution's words
    (``embedded``) is left out unless ``include_embedded``, as in the speaker table.
    """
    import pandas as pd

    data = _attributions(quotes, kinds, include_embedded)
    needle = search.strip().casefold()
    if needle:
        hit = data["speaker"].str.casefold().str.contains(needle, regex=False) | \
            data["speaker_mention"].fillna("").str.casefold().str.contains(needle, regex=False)
        data = data[data["speaker"].isin(set(data.loc[hit, "speaker"]))]
    if data.empty:
        return pd.DataFrame(columns=list(SPEAKER_COUNT_COLUMNS))
    grouped = data.groupby("speaker", sort=False)
    table = grouped.agg(n_attributions=("kind", "size"), n_documents=("doc_id", "nunique"))
    types = data.groupby(["speaker", "speaker_type"], sort=False).size().rename("n").reset_index()
    types = types.sort_values(["n", "speaker_type"], ascending=[False, True], kind="stable")
    table = table.join(types.drop_duplicates("speaker").set_index("speaker")["speaker_type"])
    table = table.reset_index().sort_values(["n_attributions", "speaker"],
                                            ascending=[False, True], kind="stable")
    return table[list(SPEAKER_COUNT_COLUMNS)].reset_index(drop=True)


def speaker_choices(counts: pd.DataFrame) -> list[tuple[str, str]]:
    """``(label, speaker)`` pairs for a picker: ``"Tomas Varga (51)"``."""
    return [(f"{s} ({n})", s) for s, n in zip(counts["speaker"], counts["n_attributions"],
                                              strict=True)]


def speaker_rows(quotes: pd.DataFrame, documents: pd.DataFrame | None, speaker: str, *,
                 kinds: Sequence[str] | None = SPEECH_KINDS,
                 include_embedded: bool = False) -> pd.DataFrame:
    """The attributions of one ``speaker`` (an id from :func:`speaker_counts`, or
    ``(unresolved)``), with their article's date and outlet.

    Columns ``SPEAKER_ROW_COLUMNS``; sorted by date (undated last), doc_id and cue offset.
    ``documents`` is the documents table of :func:`toolkit.analysis.analyze` (or any frame
    with doc_id, date, outlet); None leaves date and outlet empty. Embedded attributions are
    left out unless ``include_embedded`` (see :func:`speaker_counts`).
    """
    data = _attributions(quotes, kinds, include_embedded)
    rows = data[data["speaker"] == speaker].copy()
    rows["doc_id"] = rows["doc_id"].astype(str)
    if documents is not None and len(documents):
        meta = documents[[c for c in ("doc_id", "date", "outlet") if c in documents.columns]]
        meta = meta.assign(doc_id=meta["doc_id"].astype(str)).drop_duplicates("doc_id")
        rows = rows.drop(columns=[c for c in ("date", "outlet") if c in rows.columns])
        rows = rows.merge(meta, on="doc_id", how="left")
    for column in SPEAKER_ROW_COLUMNS:
        if column not in rows.columns:
            rows[column] = None
    rows = rows.sort_values(["date", "doc_id", "cue_start"], na_position="last", kind="stable")
    return rows[list(SPEAKER_ROW_COLUMNS)].reset_index(drop=True)


def _clip(text: Any, width: int) -> str:
    value = " ".join(str(text).split()) if isinstance(text, str) else ""
    return value if len(value) <= width else value[: width - 1] + "…"


def speaker_row_label(row: Any, *, content_width: int = 70) -> str:
    """One line for an attribution: date, cue, verb category, kind, then the start of the
    content (or of the mention when there is no content)."""
    get = row.get if hasattr(row, "get") else (lambda k: getattr(row, k, None))
    date = get("date") if isinstance(get("date"), str) else "undated"
    content = get("content") if isinstance(get("content"), str) else get("speaker_mention")
    category = get("verb_category") if isinstance(get("verb_category"), str) else "-"
    return (f"{date} | {_clip(get('cue'), 18) or '(no cue)'} | {category} | {get('kind')} | "
            f"{_clip(content, content_width)}")
