"""Who speaks: speaker frequency, share of voice, mentions and anonymous sources.

The functions take the attribution table of :func:`toolkit.attribution.attribute` (``quotes``: one
row per attribution with ``doc_id, speaker, speaker_type, speaker_title, kind, content``) and,
for grouping by document metadata or filtering by date, the documents (a corpus or
:func:`document_frame`). They return tidy DataFrames with a fixed column order and a
deterministic row order, and never modify their inputs.

Unresolved speakers (a pronoun with no antecedent, or an attribution that names no speaker:
the asker of a question, "residents were told") are kept as ``(unresolved)`` so that their share
stays visible. By default only speech (direct, indirect, mixed and floating quotes) counts;
pass ``kinds=`` to include cognitive or evidential attributions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from toolkit.analysis.counting import first_hand_mask, speech_rows
from toolkit.analysis.grouping import (
    as_documents,
    by_columns,
    document_frame,
    row_order,
    with_groups,
)
from toolkit.attribution.word_classes import COURTESY_TITLES
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SPEECH_KINDS",
    "UNRESOLVED",
    "OTHER",
    "document_frame",
    "speaker_table",
    "share_of_voice",
    "speakers_over_time",
    "anonymous_rate",
    "speaker_mentions",
    "document_mention_counts",
    "document_mentions",
    "mention_counts",
    "counted_mentions",
    "per_document_counts",
    "mention_frame",
    "mention_names",
    "finder_names",
    "name_finder",
    "titled_names",
    "mentioned_not_quoted",
    "top_n_with_other",
    "count_words",
    "words_in",
]

SPEECH_KINDS = ("direct", "indirect", "mixed", "floating")
DIRECT_KINDS = ("direct", "mixed", "floating")
UNRESOLVED = "(unresolved)"
OTHER = "(other)"
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
# Courtesy and rank abbreviations that may stand before a surname alone ("Mr. Putin").
_HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Prof.", "Lt.",
               "Col.", "Adm.", "Sgt.", "Capt.", "Rev.", "Mr", "Mrs", "Ms", "Dr")
_NAME = r"[A-Z][\w\u2019'-]+"
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# How far before a name its honorific is looked for ("Capt." and the space after it fit).
_HONORIFIC_REACH = 8
_HONORIFIC_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in _HONORIFICS) + r")\s+$")


# The columns of the quotes table the speaker tables read (besides grouping columns).
_SPEECH_COLUMNS = ("doc_id", "speaker", "speaker_type", "speaker_title", "kind", "content",
                   "content_words", "embedded", "date")
# Those a count of attributions per speaker reads.
_SPEAKER_COLUMNS = ("doc_id", "speaker", "speaker_type", "kind", "embedded", "date")


def _speech(quotes: pd.DataFrame, kinds: Sequence[str], include_embedded: bool,
            by=None, *, with_words: bool = True) -> pd.DataFrame:
    """The speech rows of ``quotes`` with the columns the speaker tables read (and the
    grouping columns of ``by`` that the table has): a corpus's table is not copied whole.
    Without ``with_words``, only the rows and their speakers: no word counts."""
    import pandas as pd

    wanted = dict.fromkeys([*(_SPEECH_COLUMNS if with_words else _SPEAKER_COLUMNS),
                            *by_columns(by)])
    out = speech_rows(quotes[[c for c in wanted if c in quotes.columns]], kinds,
                      required=("doc_id", "speaker", "speaker_type", "kind"),
                      include_embedded=include_embedded)
    if isinstance(out["speaker"].dtype, pd.StringDtype):  # kept as text: no object per row
        out["speaker"] = out["speaker"].fillna(UNRESOLVED)
    else:
        out["speaker"] = out["speaker"].astype(object).where(out["speaker"].notna(), UNRESOLVED)
    out.loc[out["speaker"] == UNRESOLVED, "speaker_type"] = "unresolved"
    if not with_words:
        return out
    content = out["content"] if "content" in out.columns else None
    if "content_words" in out.columns:  # counted where the document was analysed
        words = out["content_words"].astype("int64")
    else:  # an empty column keeps its text type through map
        words = content.fillna("").map(words_in).astype("int64") if content is not None else 0
    is_direct = out["kind"].isin(DIRECT_KINDS)
    out["words_direct"] = (words * is_direct).astype(int)
    out["words_indirect"] = (words * ~is_direct).astype(int)
    out["is_direct"] = is_direct.astype(int)
    return out.drop(columns=["content", "content_words"], errors="ignore")


def count_words(content: str) -> int:
    """The words of one quote's content, as the speaker tables count them."""
    return len(_WORD.findall(content))


@lru_cache(maxsize=1 << 18)
def words_in(content: str) -> int:
    """:func:`count_words`, kept per text: the speaker tables of a notebook each count the
    words of the same quotes, and a string keeps its hash once computed. (A pass that counts
    each content once calls :func:`count_words`: a full cache holds some 90 MB of strings.)"""
    return count_words(content)


def _modes(data: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    """The most frequent non-null ``column`` value per ``keys`` (ties: alphabetically first);
    None where a group has no value. Columns: keys..., column."""
    present = data.loc[data[column].notna(), [*keys, column]]
    counts = present.groupby([*keys, column], sort=False).size().rename("_n").reset_index()
    counts[column] = counts[column].astype(str)
    counts = counts.sort_values(["_n", column], ascending=[False, True], kind="stable")
    return counts.drop_duplicates(keys)[[*keys, column]]


def _title_modes(data: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The most frequent title per speaker, an office or role ("House Speaker") before a
    courtesy honorific ("Mr."), which is the title only of speakers who have no other."""
    import pandas as pd

    data = data[[*keys, "speaker_title"]]  # only what is read here is copied below
    titles = data["speaker_title"]
    courtesy = titles.astype("str").str.lower().isin(list(COURTESY_TITLES)) & titles.notna()
    if not courtesy.any():
        return _modes(data, keys, "speaker_title")
    offices = _modes(data.assign(speaker_title=titles.where(~courtesy)), keys, "speaker_title")
    honorifics = _modes(data[courtesy], keys, "speaker_title")
    honorifics = honorifics.merge(offices[keys], on=keys, how="left", indicator=True)
    honorifics = honorifics[honorifics["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([offices, honorifics], ignore_index=True)


def speaker_table(quotes: pd.DataFrame, documents: Any = None, *, by=None,
                  mentions: pd.DataFrame | None = None, date_from: str | None = None,
                  date_to: str | None = None, kinds: Sequence[str] = SPEECH_KINDS, include_embedded: bool = False,
                  top_n: int | None = None) -> pd.DataFrame:
    """One row per canonical speaker (per group when ``by`` is given).

    Columns: [by...], speaker, speaker_type, speaker_title, n_attributions, n_direct,
    n_indirect, words_direct, words_indirect, share, n_documents, n_mentions, first_date,
    last_date. ``share`` is the speaker's fraction of all attributions in the group;
    ``n_mentions`` counts name mentions from :func:`speaker_mentions` (0 when ``mentions`` is not
    given). Dates need ``documents``. Sorted by group, n_attributions (descending), speaker.
    ``top_n`` keeps the n most quoted speakers of each group.
    """
    docs = as_documents(documents)
    data, cols = with_groups(_speech(quotes, kinds, include_embedded, by), docs, by,
                             date_from=date_from, date_to=date_to)
    if docs is not None and "date" not in data.columns:
        dates = docs[["doc_id", "date"]]
        if dates["doc_id"].is_unique:  # a column added, not the table copied by a merge
            data["date"] = data["doc_id"].map(dates.set_index("doc_id")["date"])
        else:
            data = data.merge(dates, on="doc_id", how="left")
    keys = cols + ["speaker"]
    grouped = data.groupby(keys, sort=False, dropna=False)
    table = grouped.agg(
        n_attributions=("kind", "size"), n_direct=("is_direct", "sum"),
        words_direct=("words_direct", "sum"), words_indirect=("words_indirect", "sum"),
        n_documents=("doc_id", "nunique")).reset_index()
    table["n_indirect"] = table["n_attributions"] - table["n_direct"]
    if "speaker_title" not in data.columns:
        data = data.assign(speaker_title=None)
    table = table.merge(_modes(data, keys, "speaker_type"), on=keys, how="left")
    table = table.merge(_title_modes(data, keys), on=keys, how="left")
    totals = table.groupby(cols, sort=False)["n_attributions"].transform("sum") if cols \
        else table["n_attributions"].sum()
    table["share"] = table["n_attributions"] / totals
    table = _add_mentions(table, mentions, data, cols)
    if "date" in data.columns:
        dates = grouped["date"].agg(["min", "max"]).reset_index()
        dates.columns = keys + ["first_date", "last_date"]
        table = table.merge(dates, on=keys)
    else:
        table["first_date"] = None
        table["last_date"] = None
    columns = cols + ["speaker", "speaker_type", "speaker_title", "n_attributions", "n_direct",
                      "n_indirect", "words_direct", "words_indirect", "share", "n_documents",
                      "n_mentions", "first_date", "last_date"]
    table = _sort(table[columns], cols, "n_attributions")
    if top_n is not None:
        table = table.groupby(cols, sort=False).head(top_n) if cols else table.head(top_n)
    return table.reset_index(drop=True)


def _speaker_counts(quotes: pd.DataFrame, documents: Any, *, by=None,
                    date_from: str | None = None, date_to: str | None = None,
                    kinds: Sequence[str] = SPEECH_KINDS,
                    include_embedded: bool = False) -> pd.DataFrame:
    """The columns [by...], speaker, n_attributions of :func:`speaker_table` (the same rows in
    the same order), counted without the table's other columns."""
    data, cols = with_groups(_speech(quotes, kinds, include_embedded, by, with_words=False),
                             as_documents(documents), by, date_from=date_from, date_to=date_to)
    keys = cols + ["speaker"]
    table = data.groupby(keys, sort=False, dropna=False).size().rename(
        "n_attributions").reset_index()
    return _sort(table, cols, "n_attributions").reset_index(drop=True)


def _add_mentions(table: pd.DataFrame, mentions: pd.DataFrame | None, data: pd.DataFrame,
                  cols: list[str]) -> pd.DataFrame:
    """Add ``n_mentions``: name mentions per speaker (and group) in the selected documents."""
    keys = cols + ["speaker"]
    if mentions is None or mentions.empty:
        return table.assign(n_mentions=0)
    groups = data[["doc_id"] + cols].drop_duplicates()
    if groups["doc_id"].is_unique:
        # One group per document: the mentions of those documents, with their group values
        # mapped on (a selection, not a merge of a corpus's mentions).
        inside = mentions["doc_id"].isin(groups["doc_id"])
        m = mentions[[c for c in ("doc_id", "speaker", "n_mentions") if c in mentions.columns]]
        if not inside.all():
            m = m[inside]
        by_doc = groups.set_index("doc_id")
        for c in cols:
            m[c] = m["doc_id"].map(by_doc[c])
    else:
        m = mentions.merge(groups, on="doc_id", how="inner")
    if "n_mentions" in m.columns:  # a table of mention counts (mention_counts)
        counts = m.groupby(keys, sort=False)["n_mentions"].sum().reset_index()
    else:
        counts = m.groupby(keys, sort=False).size().rename("n_mentions").reset_index()
    out = table.merge(counts, on=keys, how="left")
    out["n_mentions"] = out["n_mentions"].fillna(0).astype(int)
    return out


def _sort(table: pd.DataFrame, cols: list[str], count: str) -> pd.DataFrame:
    return table.sort_values(cols + [count, "speaker"], ascending=[True] * len(cols) + [False, True],
                             kind="stable")


def top_n_with_other(table: pd.DataFrame, n: int, *, by=None, count: str = "n_attributions",
                     label: str = "speaker") -> pd.DataFrame:
    """Keep the ``n`` largest rows per group; sum the rest into one ``(other)`` row.

    ``table`` has the group columns, ``label`` and a ``count`` column (and optionally
    ``share``, recomputed). Returns columns [by...], label, count[, share].
    """
    if n < 1:
        raise ParameterError(f"top_n must be at least 1, got {n}")
    import pandas as pd

    cols = [c for c in ([by] if isinstance(by, str) else list(by or []))]
    parts = []
    for key, part in (table.groupby(cols, sort=True) if cols else [((), table)]):
        part = part.sort_values([count, label], ascending=[False, True], kind="stable")
        head, rest = part.head(n), part.iloc[n:]
        rows = head[cols + [label, count]]
        if not rest.empty:
            other = {**dict(zip(cols, key if isinstance(key, tuple) else (key,), strict=True)),
                     label: OTHER, count: rest[count].sum()}
            rows = pd.concat([rows, pd.DataFrame([other])], ignore_index=True)
        rows["share"] = rows[count] / rows[count].sum() if rows[count].sum() else 0.0
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True) if parts else table.head(0)
    return out.reset_index(drop=True)


def share_of_voice(quotes: pd.DataFrame, documents: Any = None, *, by="outlet",
                   top_n: int = 10, date_from: str | None = None, date_to: str | None = None,
                   kinds: Sequence[str] = SPEECH_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Each speaker's share of the attributions in each group, top ``top_n`` plus ``(other)``.

    Columns: [by...], speaker, n_attributions, share. Sorted by group, then by n_attributions
    (descending) with ``(other)`` last.
    """
    table = _speaker_counts(quotes, documents, by=by, date_from=date_from, date_to=date_to,
                            kinds=kinds, include_embedded=include_embedded)
    return top_n_with_other(table, top_n, by=by)


def speakers_over_time(quotes: pd.DataFrame, documents: Any, *, period: str = "month",
                       top_n: int = 5, kinds: Sequence[str] = SPEECH_KINDS, include_embedded: bool = False,
                       per_document: bool = False) -> pd.DataFrame:
    """Attributions per period for the corpus's ``top_n`` speakers.

    Columns: period, speaker, n_attributions (0 where a top speaker is silent in a period).
    With ``per_document``, also n_documents (documents published in the period, quoted or not)
    and attributions_per_document (n_attributions / n_documents), so that a busy month does
    not look like a rise of every speaker. Sorted by period, then speaker.
    """
    import pandas as pd

    overall = _speaker_counts(quotes, documents, kinds=kinds,
                              include_embedded=include_embedded)
    top = [s for s in overall["speaker"] if s != UNRESOLVED][:top_n]
    table = _speaker_counts(quotes, documents, by=period, kinds=kinds,
                            include_embedded=include_embedded)
    table = table[table["speaker"].isin(top)]
    periods = sorted(set(with_groups(quotes[["doc_id"]], as_documents(documents), period)[0][period]))
    grid = pd.MultiIndex.from_product([periods, top], names=[period, "speaker"])
    counts = table.set_index([period, "speaker"])["n_attributions"].reindex(grid, fill_value=0)
    out = counts.reset_index().rename(columns={period: "period"})
    out = out.sort_values(["period", "speaker"], kind="stable").reset_index(drop=True)
    if per_document:
        docs = as_documents(documents)
        volume = with_groups(docs[["doc_id"]], docs, period)[0][period].value_counts()
        out["n_documents"] = out["period"].map(volume).fillna(0).astype(int)
        out["attributions_per_document"] = out["n_attributions"] / out["n_documents"].where(
            out["n_documents"] > 0)
    return out


def anonymous_rate(quotes: pd.DataFrame, documents: Any = None, *, by="outlet",
                   date_from: str | None = None, date_to: str | None = None,
                   kinds: Sequence[str] = SPEECH_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """Share of attributions credited to anonymous sources, per group.

    Anonymous sources are unnamed ones ("a senior official", "sources familiar with the talks",
    "some"); groups ("Republicans", "critics", "officials") and offices whose holder is not named
    ("president (unnamed)") have speaker types of their own and are not counted here.

    Columns: [by...], n_attributions, n_anonymous, anonymous_rate. Sorted by group.
    """
    data, cols = with_groups(_speech(quotes, kinds, include_embedded, by), as_documents(documents),
                             by, date_from=date_from, date_to=date_to)
    data["is_anonymous"] = (data["speaker_type"] == "anonymous").astype(int)
    if cols:
        table = data.groupby(cols, sort=True).agg(
            n_attributions=("kind", "size"), n_anonymous=("is_anonymous", "sum")).reset_index()
    else:
        import pandas as pd

        table = pd.DataFrame({"n_attributions": [len(data)],
                              "n_anonymous": [int(data["is_anonymous"].sum())]})
    table["anonymous_rate"] = table["n_anonymous"] / table["n_attributions"]
    return table[cols + ["n_attributions", "n_anonymous", "anonymous_rate"]]


def speaker_mentions(documents: Iterable[Any], quotes: pd.DataFrame) -> pd.DataFrame:
    """Every mention of a person or organization by name, quoted or not.

    Names come from the attribution table (person and organization speakers of speech) and from
    titled names anywhere in the corpus ("President Joe Biden", "Gen. Marek Halloran"); another
    form of a quoted person's name ("Donald J. Trump") counts for that person. A surname alone
    ("Putin", "Mr. Putin") counts for the quoted person with that surname named in full in the
    same document, or else for the one quoted person in the corpus with that surname; an
    ambiguous surname is not counted (see :func:`name_finder`). An honorific before a name is
    part of the mention. Columns: doc_id, speaker, mention, start, end (character offsets, as
    32-bit integers unless a text is longer than they can count). Sorted by doc_id, start.
    """

    docs = list(documents) if iter(documents) is documents else documents
    finder = name_finder(*finder_names(quotes, [n for doc in docs for n in titled_names(doc.text)]))
    return mention_frame(row for doc in docs for row in document_mentions(finder, doc))


def mention_frame(rows: Iterable[tuple[str, str, str, int, int]]) -> pd.DataFrame:
    """The table of :func:`speaker_mentions` from rows of :func:`document_mentions` given in
    document order."""
    from array import array

    import numpy as np
    import pandas as pd

    from toolkit.processes import return_freed_memory

    # Built a column at a time, each value as a number of the distinct values: a corpus has
    # millions of mentions of a few names, and neither a tuple per row nor an object per cell
    # is held. Offsets are 32-bit integers, half the memory of millions of them, unless a text
    # is 2**31 characters long or more (the largest offset is an end).
    distinct: dict[str, int] = {}
    doc_ids, speakers, mentions, starts, ends = (array("i") for _ in range(5))
    for doc_id, speaker, mention, start, end in rows:
        doc_ids.append(distinct.setdefault(doc_id, len(distinct)))
        speakers.append(distinct.setdefault(speaker, len(distinct)))
        mentions.append(distinct.setdefault(mention, len(distinct)))
        try:
            ends.append(end)
        except OverflowError:
            starts, ends = array("q", starts), array("q", ends)
            ends.append(end)
        starts.append(start)
    # From here each column's numbers are held by ``numbers`` alone, and go once the column
    # is made: at most one of them is held beside the columns made.
    numbers = {"doc_id": doc_ids, "speaker": speakers, "mention": mentions, "start": starts,
               "end": ends}
    del doc_ids, speakers, mentions, starts, ends
    columns = list(numbers)
    if not numbers["doc_id"]:
        return pd.DataFrame([], columns=columns)
    strings, rank = _distinct_strings(distinct)
    del distinct
    # Put in order before the table is made (the same order as a stable sort by doc_id and
    # start), so that the table is not copied once more by sorting it. Rows that come in that
    # order already (a folder's files named by their ids) are not moved at all.
    offsets = np.int32 if numbers["start"].typecode == "i" else np.int64
    order = row_order(rank[np.frombuffer(numbers["doc_id"], dtype=np.int32)],
                      np.frombuffer(numbers["start"], dtype=offsets))
    del rank
    if order is not None and len(order) < 2 ** 31:
        order = order.astype(np.int32)  # held while every column is made: half as much
    data: dict[str, Any] = {}
    for name in columns:
        # What the last column, or putting the rows in order, let go is given back before the
        # next column is made: a table of millions of mentions is made at the end of an
        # analysis, when the process holds most, and that memory would be held to the end.
        return_freed_memory()
        offset = name in ("start", "end")
        taken = np.frombuffer(numbers.pop(name), dtype=offsets if offset else np.int32)
        if order is not None:
            taken = taken[order]
        # In order already, an offset column is these numbers, not one more copy of them.
        data[name] = taken if offset else _string_column(strings, taken)
        del taken
    del order
    return_freed_memory()
    return pd.DataFrame(data, columns=columns, copy=False)


def mention_counts(rows: Iterable[tuple[str, str, str, int, int]]) -> pd.DataFrame:
    """Mentions counted per document and name, from rows of :func:`document_mentions`: what
    the speaker tables need of :func:`mention_frame`'s table, at a small part of its size (it
    can stand in for it as ``mentions=`` of :func:`speaker_table` and
    :func:`mentioned_not_quoted`). Columns: doc_id, speaker, n_mentions. Sorted by doc_id,
    speaker."""
    return counted_mentions(per_document_counts(rows))


def document_mention_counts(finder: _NameFinder, doc: Any, *, excluded: Any = None
                            ) -> list[tuple[str, str, int]]:
    """``(doc_id, speaker, n)`` of one document's names: :func:`document_mentions` counted per
    name (as :func:`per_document_counts` counts them), without making each mention's row."""
    doc_id = str(doc.doc_id)
    return [(doc_id, name, n)
            for name, n in finder.count(doc.text, _excluded_spans(doc, excluded)).items()]


def _excluded_spans(doc: Any, excluded: Any) -> Any:
    """``excluded`` when given, else the document's own excluded spans."""
    return (getattr(doc, "excluded", ()) or ()) if excluded is None else excluded


def per_document_counts(rows: Iterable[tuple[str, str, str, int, int]]
                        ) -> Iterator[tuple[str, str, int]]:
    """``(doc_id, speaker, n)`` of rows of :func:`document_mentions` that come a document at a
    time: each document's names counted, in the order they first come."""
    counts: Counter[str] = Counter()
    current = None
    for doc_id, speaker, *_ in rows:
        if doc_id != current:
            yield from ((current, name, n) for name, n in counts.items())
            counts.clear()
            current = doc_id
        counts[speaker] += 1
    yield from ((current, name, n) for name, n in counts.items())


def counted_mentions(counts: Iterable[tuple[str, str, int]]) -> pd.DataFrame:
    """The table of :func:`mention_counts` from ``(doc_id, speaker, n)`` counts (a document
    and name given twice are summed)."""
    from array import array

    import numpy as np
    import pandas as pd

    # Built as columns of numbers of the distinct values: no pair of the corpus is a key or a
    # tuple, and no cell an object, at any time.
    distinct: dict[str, int] = {}
    doc_ids, speakers, numbers = array("i"), array("i"), array("q")
    for doc_id, speaker, n in counts:
        doc_ids.append(distinct.setdefault(doc_id, len(distinct)))
        speakers.append(distinct.setdefault(speaker, len(distinct)))
        numbers.append(n)
    if not doc_ids:
        return pd.DataFrame({"doc_id": pd.Series([], dtype="str"),
                             "speaker": pd.Series([], dtype="str"),
                             "n_mentions": pd.Series([], dtype="int64")})
    strings, rank = _distinct_strings(distinct)
    del distinct
    doc_codes = np.frombuffer(doc_ids, dtype=np.int32)
    speaker_codes = np.frombuffer(speakers, dtype=np.int32)
    # Each (document, name) pair as one number that sorts as the pair does.
    pairs = rank[doc_codes] * len(strings) + rank[speaker_codes]
    del rank
    order = np.argsort(pairs, kind="stable")
    pairs = pairs[order]
    firsts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
    del pairs
    sums = np.add.reduceat(np.frombuffer(numbers, dtype=np.int64)[order], firsts)
    rows = order[firsts]
    del order, firsts
    return pd.DataFrame({"doc_id": _string_column(strings, doc_codes[rows]),
                         "speaker": _string_column(strings, speaker_codes[rows]),
                         "n_mentions": sums}, copy=False)


def _distinct_strings(numbered: dict[str, int]) -> tuple[Any, Any]:
    """``(strings, rank)`` of ``{value: its number}`` (numbered 0, 1, ... in insertion order):
    the values as an Arrow array, in the order of their numbers, and each number's position
    when the values are sorted."""
    import numpy as np
    import pyarrow as pa

    values = list(numbered)
    rank = np.empty(len(values), dtype=np.int64)
    rank[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
    return pa.array(values, type=pa.large_string()), rank


# Rows of a text column made by one Arrow take in _string_column.
_COLUMN_PIECE = 1 << 20


def _string_column(strings: Any, numbers: Any) -> pd.Series:
    """The text column of ``strings`` at ``numbers`` (a table's string type, made by Arrow),
    made :data:`_COLUMN_PIECE` rows at a time: one take of millions of rows grows its buffers
    to about half as much again as the column while it is made."""
    import pyarrow as pa

    return pa.chunked_array([strings.take(numbers[at:at + _COLUMN_PIECE])
                             for at in range(0, max(len(numbers), 1), _COLUMN_PIECE)],
                            type=strings.type).to_pandas()


def mention_names(quotes: pd.DataFrame, titled: Iterable[str] = ()) -> list[str]:
    """The names mentions are looked for: named speakers of ``quotes`` and ``titled`` names
    (from :func:`titled_names` of every document), sorted."""
    return sorted(set(_known_names(quotes)) | set(titled))


def finder_names(quotes: pd.DataFrame, titled: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """``(names, people)`` for :func:`name_finder`: the names of :func:`mention_names` and the
    speakers among them that are persons."""
    # Only the columns the names come from are copied, not a corpus's whole table.
    quotes = quotes[[c for c in ("speaker", "speaker_type", "kind", "embedded")
                     if c in quotes.columns]]
    people = _known_names(quotes[quotes["speaker_type"] == "person"])
    return sorted(set(_known_names(quotes)) | set(titled)), people


def name_finder(names: Iterable[str], people: Iterable[str] | None = None) -> _NameFinder:
    """A finder of ``names`` (full names and their surnames) for :func:`document_mentions`.

    ``people``: the names that are ids of speakers who are persons (None: all of them). Another
    form of such a name (``Donald J. Trump``, ``Joe Biden`` for "Joseph R. Biden", ``Wasserman
    Schultz``) counts for that speaker. A surname alone stands for the person with that surname
    whose full name the document writes, else for the one such person in the corpus. Only the
    persons' names have surnames: not an organization's (``Congress`` alone is no mention of
    "Republican members of Congress"), not a name with a lower-case word (``David Woodard of
    Clemson University``), and not a name found only after a title, whose person is never quoted
    (``Washington`` alone is no mention of a "President George Washington").
    """
    return _NameFinder(set(names), None if people is None else set(people))


def document_mentions(finder: _NameFinder, doc: Any, *,
                      excluded: Any = None) -> list[tuple[str, str, str, int, int]]:
    """``(doc_id, speaker, mention, start, end)`` of each name mention in one document, outside
    its excluded spans (``excluded`` when given, else the document's own), in text order."""
    excluded = _excluded_spans(doc, excluded)
    return [(str(doc.doc_id), speaker, doc.text[start:end], start, end)
            for speaker, start, end in finder.find(doc.text)
            if not any(a <= start < b for a, b in excluded)]


def _known_names(quotes: pd.DataFrame) -> list[str]:
    """Named speakers of the attributions counted as speech (first-hand ones): a name that only
    thinks or shows something (cognitive, evidential) is looked for as a titled name only."""
    named = quotes["speaker_type"].isin(["person", "organization"]) & quotes["speaker"].notna()
    if "kind" in quotes.columns:
        named &= quotes["kind"].isin(SPEECH_KINDS) & first_hand_mask(quotes)
    # The distinct names only become Python strings, not one per attribution.
    names = quotes.loc[named, "speaker"].unique()
    return sorted(n for n in {str(name) for name in names} if n[:1].isupper())


_SPACE = r"[ \t\u00a0]+"  # within one line


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    from toolkit.attribution.speakers import speaker_terms

    titles = sorted((t for t in speaker_terms().titles if len(t) > 2), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t.capitalize()) for t in titles) + r")"
                      + _SPACE + rf"((?:(?:{_NAME}|[A-Z]\.){_SPACE}){{1,3}}{_NAME})")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Words no person's name holds: function words, auxiliaries, adverbs, titles."""
    from toolkit.attribution import word_classes as wc
    from toolkit.attribution.speakers import speaker_terms

    terms = speaker_terms()
    abbreviations = frozenset(a.rstrip(".") for a in wc.TITLE_ABBREVIATIONS)
    return (wc.SPEAKER_NAME_FUNCTION_WORDS | wc.NOUN_PREPOSITIONS | wc.PREPOSITIONS
            | wc.AUXILIARIES | wc.NEGATIONS
            | wc.CLAUSE_BOUNDARY_WORDS | wc.ADVERBS_BEFORE_CUE | wc.DISCOURSE_MARKERS
            | wc.HYPOTHETICAL_MODALS | frozenset(wc.PRONOUN_GENDERS) | frozenset(terms.titles)
            | abbreviations) - {"may", "will"}  # Theresa May, Will Hurd


@lru_cache(maxsize=1)
def _not_name_ends() -> frozenset[str]:
    """Last words that make a capitalized run an organization or a thing (``Judiciary
    Committee``, ``Executive Order``), not a person."""
    from toolkit.attribution.speakers import speaker_terms

    terms = speaker_terms()
    return frozenset(terms.orgs) | frozenset(terms.bodies) | frozenset(terms.groups) \
        | frozenset({"convention", "caucus", "order", "debate", "act", "bill", "law", "bible",
                     "american", "americans", "day", "street", "avenue", "square", "room",
                     "committeeman", "committeewoman"})


_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Is the line ``text[start:end]`` written in title case (a headline: ``Only Rival Can Save
    The Party``): four words or more, and every one that is no function word capitalized?"""
    words = _LINE_WORD.findall(text, start, end)
    stop = _not_name_words()
    return len(words) >= 4 and all(w[0].isupper() or w in stop for w in words)


def titled_names(text: str) -> list[str]:
    """Names after a title anywhere in ``text`` ("President Joe Biden" and "Vice President Joe
    Biden" give "Joe Biden"): two to four capitalized words or initials on one line, titles
    before them stepped over, none of them a function word, an adverb or a title, ending at a
    possessive, and not in a title-case headline."""
    found = []
    stop = _not_name_words()
    breaks: list[int] | None = None  # line ends, found once when a name needs them
    headline: dict[int, bool] = {}  # line start -> title case?
    for m in _title_pattern().finditer(text):
        words = m.group(1).split()
        owner = next((k for k, w in enumerate(words) if _POSSESSIVE.search(w)), None)
        if owner is not None:  # ``Sen. Ted Cruz’s GOP rivals``: the name ends at its possessive
            words = [*words[:owner], _POSSESSIVE.sub("", words[owner])]
        while words and words[0].lower().rstrip(".") in stop:
            words = words[1:]  # ``Vice President Joe Biden``
        if len(words) < 2 or any(w.lower().rstrip(".") in stop for w in words) \
                or words[-1].lower() in _not_name_ends():
            continue
        if breaks is None:
            breaks = [b.start() for b in re.finditer("\n", text)]
        k = bisect_right(breaks, m.start())
        start = breaks[k - 1] + 1 if k else 0
        if start not in headline:
            headline[start] = _title_case_line(text, start, breaks[k] if k < len(breaks)
                                               else len(text))
        if headline[start]:
            continue
        found.append(" ".join(words))
    return found


class _NameFinder:
    """Finds full names and surnames in one pass (Aho-Corasick), on word boundaries; which name
    a surname alone stands for: see :func:`name_finder`."""

    def __init__(self, names: set[str], people: set[str] | None = None) -> None:
        import ahocorasick

        from toolkit.attribution.speakers.corpus_ids import name_key

        people = names if people is None else people
        self.full = names
        # another form of a person's name: the same given name (or its nickname) and surname,
        # or the end of a fuller name ("Wasserman Schultz")
        keyed: dict[tuple[str, str], set[str]] = defaultdict(set)
        ending: dict[str, set[str]] = defaultdict(set)
        for name in people:
            key = name_key(name)
            if key is not None:
                keyed[key[:2]].add(name)
            words = name.split()
            for k in range(1, len(words) - 1):
                ending[" ".join(words[k:])].add(name)
        self.alias: dict[str, str] = {}
        for name in names - people:
            key = name_key(name)
            found = keyed.get(key[:2], set()) if key is not None else set()
            found = found or ending.get(name, set())
            if not found:  # ``Universe Alicia Machado`` (after "Miss"): ends in a person's name
                words = name.split()
                found = {" ".join(words[k:]) for k in range(1, len(words) - 1)} & people
            if len(found) == 1:
                self.alias[name] = next(iter(found))
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        for name in people:
            words = name.split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                self.by_surname[words[-1]].add(name)
        self.automaton = ahocorasick.Automaton()
        for key in names | set(self.by_surname):
            self.automaton.add_word(key, key)
        self.empty = not names
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(full name, start, end) of each mention, longest match first, no overlaps."""
        return [(name, self._honorific_start(text, start), end)
                for name, start, end in self._named(text)]

    def count(self, text: str, excluded: Sequence[tuple[int, int]] = ()) -> dict[str, int]:
        """``{full name: mentions}`` of the mentions :meth:`find` gives that do not start in
        an ``excluded`` span, in the order the names first come."""
        counts: dict[str, int] = {}
        for name, start, _ in self._named(text):
            # A mention starts at its honorific, at most _HONORIFIC_REACH characters before
            # the name: only a span reaching that close can hold its start.
            if excluded and any(a <= start < b + _HONORIFIC_REACH for a, b in excluded):
                start = self._honorific_start(text, start)
                if any(a <= start < b for a, b in excluded):
                    continue
            counts[name] = counts.get(name, 0) + 1
        return counts

    def _named(self, text: str) -> list[tuple[str, int, int]]:
        """(full name, start of the name itself, end) of each mention, in text order."""
        if self.empty:
            return []
        hits = []
        size = len(text)
        for last, key in self.automaton.iter(text):
            end = last + 1
            start = end - len(key)
            if (start == 0 or not text[start - 1].isalnum()) and \
                    (end == size or not text[end].isalnum()):
                hits.append((start, -end, key))
        hits.sort()  # by start, the longest first (a start and end give one key)
        full, alias = self.full, self.alias
        chosen, taken_until = [], -1
        for start, neg_end, key in hits:
            if start >= taken_until:
                chosen.append((start, -neg_end, key))
                taken_until = -neg_end
        in_doc = {key for _, _, key in chosen if key in full}
        out = []
        for start, end, key in chosen:
            name = key if key in full else self._surname(key, in_doc)
            if name is not None:
                out.append((alias.get(name, name), start, end))
        return out

    def _surname(self, key: str, in_doc: set[str]) -> str | None:
        candidates = self.by_surname[key]
        local = candidates & in_doc
        pool = local if local else candidates
        return next(iter(pool)) if len(pool) == 1 else None

    @staticmethod
    def _honorific_start(text: str, start: int) -> int:
        match = _HONORIFIC_BEFORE.search(text, max(0, start - _HONORIFIC_REACH), start)
        return match.start() if match else start


def mentioned_not_quoted(mentions: pd.DataFrame, quotes: pd.DataFrame, *,
                         kinds: Sequence[str] = SPEECH_KINDS, include_embedded: bool = False) -> pd.DataFrame:
    """People and organizations named in the coverage but never quoted or paraphrased.

    Columns: speaker, n_mentions, n_documents. Sorted by n_mentions (descending), speaker.
    """
    import pandas as pd

    quoted = _speech(quotes, kinds, include_embedded)["speaker"].dropna().unique()
    silent = mentions[~mentions["speaker"].isin(quoted)]
    # Counted by column operations: a corpus has hundreds of thousands of mention rows.
    rows = pd.DataFrame({
        "speaker": silent["speaker"], "doc_id": silent["doc_id"],
        "n": silent["n_mentions"] if "n_mentions" in silent.columns else 1})
    frame = rows.groupby("speaker", sort=False).agg(
        n_mentions=("n", "sum"), n_documents=("doc_id", "nunique")).reset_index()
    frame = frame.astype({"n_mentions": "int64", "n_documents": "int64"})
    return frame.sort_values(["n_mentions", "speaker"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)
