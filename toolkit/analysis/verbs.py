"""How speech is reported: reporting-verb lemmas and their stance categories.

The functions take the attribution table of :func:`toolkit.attribution.attribute` (``quotes``, with
``doc_id, speaker, cue_lemma, verb_category, kind``) and, for grouping by document metadata, the
documents. Every inflection counts under its lemma (said, says, saying -> say); "according to" is
a cue of its own. Floating quotes have no cue and are left out. By default every kind of
attribution with a cue counts, including cognitive ("believes") and evidential ("polls
suggest") ones, so that the whole stance taxonomy is visible; pass ``kinds=`` to narrow it.

The stance taxonomy (:func:`load_categories`) is data in ``lexicons/verb_categories.tsv`` with
its sources in the file header; a user file in the same layout can replace it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from toolkit import lexicons
from toolkit.analysis.counting import speech_rows
from toolkit.analysis.grouping import as_documents, with_groups
from toolkit.errors import LexiconError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CUE_KINDS",
    "load_categories",
    "verb_counts",
    "verbs_by_speaker",
    "category_by_speaker",
    "category_share",
]

CUE_KINDS = ("direct", "indirect", "mixed", "cognitive", "evidential")
_CATEGORY_COLUMNS = ("category", "label", "signal", "description")


def load_categories(path: str | None = None) -> pd.DataFrame:
    """The stance taxonomy: columns category, label, signal, description (file order)."""
    import pandas as pd

    if path is None:
        text = lexicons.read_text("verb_categories.tsv")
        shown = "verb_categories.tsv"
    else:
        try:
            text = lexicons.read_file(path, what="verb category file")
        except OSError as exc:
            raise LexiconError(f"cannot read the verb categories: {exc.strerror or exc}",
                               path=str(path), hint="pass the path of a TSV file") from None
        shown = str(path)
    rows, header_seen = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(cells) != _CATEGORY_COLUMNS:
                raise LexiconError(f"header must be {' '.join(_CATEGORY_COLUMNS)} (tab-separated)",
                                   path=shown, line=number)
            continue
        if len(cells) != len(_CATEGORY_COLUMNS):
            raise LexiconError(f"expected {len(_CATEGORY_COLUMNS)} tab-separated cells, "
                               f"found {len(cells)}", path=shown, line=number)
        if not cells[0]:
            raise LexiconError("empty category name", path=shown, line=number,
                               hint="write the category in the first cell, or remove the line")
        rows.append(cells)
    return pd.DataFrame(rows, columns=list(_CATEGORY_COLUMNS))


def _cues(quotes: pd.DataFrame, kinds: Sequence[str], include_embedded: bool) -> pd.DataFrame:
    out = speech_rows(quotes, kinds, required=("doc_id", "cue_lemma", "verb_category", "kind"),
                      include_embedded=include_embedded)
    out = out[out["cue_lemma"].notna()]
    if "speaker" in out.columns:
        out["speaker"] = out["speaker"].astype(object).where(out["speaker"].notna(),
                                                             "(unresolved)")
    return out


def _counted(data: pd.DataFrame, keys: list[str], within: list[str]) -> pd.DataFrame:
    """Counts per ``keys`` with ``share`` of the total within ``within`` columns."""
    table = data.groupby(keys, sort=False, dropna=False).size().rename("n").reset_index()
    totals = table.groupby(within, sort=False)["n"].transform("sum") if within \
        else table["n"].sum()
    table["share"] = table["n"] / totals
    order = within + ["n"] + [k for k in keys if k not in within]
    ascending = [True] * len(within) + [False] + [True] * (len(order) - len(within) - 1)
    return table.sort_values(order, ascending=ascending, kind="stable").reset_index(drop=True)


def verb_counts(quotes: pd.DataFrame, documents: Any = None, *, by=None,
                date_from: str | None = None, date_to: str | None = None,
                kinds: Sequence[str] = CUE_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Reporting-verb lemma counts.

    Columns: [by...], cue_lemma, verb_category, n, share (of all cues in the group). Sorted by
    group, n (descending), cue_lemma.
    """
    data, cols = with_groups(_cues(quotes, kinds, include_embedded), as_documents(documents), by,
                             date_from=date_from, date_to=date_to)
    return _counted(data, cols + ["cue_lemma", "verb_category"], cols)


def verbs_by_speaker(quotes: pd.DataFrame, documents: Any = None, *, by=None,
                     speakers: Sequence[str] | None = None, min_attributions: int = 1,
                     date_from: str | None = None, date_to: str | None = None,
                     kinds: Sequence[str] = CUE_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Which verbs introduce each speaker's words ("whose words are 'claimed'?").

    Columns: [by...], speaker, cue_lemma, verb_category, n, share (of the speaker's cues).
    Sorted most frequent first: by group, the speaker's cues (descending), speaker, n
    (descending), cue_lemma. ``speakers`` keeps only those speakers; ``min_attributions`` drops
    speakers with fewer cues.
    """
    data, cols = with_groups(_cues(quotes, kinds, include_embedded), as_documents(documents), by,
                             date_from=date_from, date_to=date_to)
    data = _select_speakers(data, cols, speakers, min_attributions)
    table = _counted(data, cols + ["speaker", "cue_lemma", "verb_category"], cols + ["speaker"])
    return _busiest_speakers_first(table, cols, ["cue_lemma", "verb_category"])


def category_by_speaker(quotes: pd.DataFrame, documents: Any = None, *, by=None,
                        speakers: Sequence[str] | None = None, min_attributions: int = 1,
                        date_from: str | None = None, date_to: str | None = None,
                        kinds: Sequence[str] = CUE_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Stance categories per speaker.

    Columns: [by...], speaker, verb_category, n, share (of the speaker's cues). Sorted most
    frequent first: by group, the speaker's cues (descending), speaker, n (descending),
    verb_category.
    """
    data, cols = with_groups(_cues(quotes, kinds, include_embedded), as_documents(documents), by,
                             date_from=date_from, date_to=date_to)
    data = _select_speakers(data, cols, speakers, min_attributions)
    table = _counted(data, cols + ["speaker", "verb_category"], cols + ["speaker"])
    return _busiest_speakers_first(table, cols, ["verb_category"])


def _busiest_speakers_first(table: pd.DataFrame, cols: list[str],
                            rest: list[str]) -> pd.DataFrame:
    """Speakers with the most cues first (within each group), then their rows by n."""
    total = table.groupby(cols + ["speaker"], sort=False, dropna=False)["n"].transform("sum")
    order = cols + ["_total", "speaker", "n"] + rest
    ascending = [True] * len(cols) + [False, True, False] + [True] * len(rest)
    return (table.assign(_total=total).sort_values(order, ascending=ascending, kind="stable")
            .drop(columns="_total").reset_index(drop=True))


def category_share(quotes: pd.DataFrame, documents: Any = None, *, by="outlet",
                   date_from: str | None = None, date_to: str | None = None,
                   kinds: Sequence[str] = CUE_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Share of each stance category among the cues of each group (e.g. outlet).

    Columns: [by...], verb_category, n, share. Sorted by group, n (descending), verb_category.
    """
    data, cols = with_groups(_cues(quotes, kinds, include_embedded), as_documents(documents), by,
                             date_from=date_from, date_to=date_to)
    return _counted(data, cols + ["verb_category"], cols)


def _select_speakers(data: pd.DataFrame, cols: list[str], speakers: Sequence[str] | None,
                     min_attributions: int) -> pd.DataFrame:
    if "speaker" not in data.columns:
        raise ParameterError("quotes table lacks a speaker column",
                             hint="pass the table returned by toolkit.attribution.attribute(...)")
    if speakers is not None:
        data = data[data["speaker"].isin(list(speakers))]
    if min_attributions > 1:
        sizes = data.groupby(cols + ["speaker"], sort=False)["kind"].transform("size")
        data = data[sizes >= min_attributions]
    return data
