"""A corpus's attributions gathered as Arrow columns, a part at a time, into its quotes table.

The per-document results of :func:`toolkit.analysis.analyze` arrive one document at a time, as
records (computed now) or as rows of the result store (:mod:`toolkit.analysis.store`).
:class:`Gathered` keeps them as Arrow tables in corpus order, reduced every
:data:`~toolkit.analysis.store.PART` documents to the columns asked for, and
:meth:`Gathered.quotes` makes the attribution table with corpus-wide speaker ids from them. A
corpus's attributions are never held as one object each, and the columns no table asks for (the
reported words, for a speaker table) are not held at all.

``columns`` are names of :data:`toolkit.attribution.COLUMNS`, and may add
:data:`CONTENT_WORDS`: the number of words of each attribution's content, as the speaker tables
count them, so that a table of speakers does not need the contents themselves. The columns of
:data:`ALWAYS` are kept whatever is asked: they decide speaker ids and the table's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ALWAYS", "CONTENT_WORDS", "Gathered"]

CONTENT_WORDS = "content_words"
ALWAYS = ("doc_id", "speaker", "speaker_type", "speaker_title", "cue_start", "cue_end")


class Gathered:
    """The attributions of a corpus, added a document at a time (:meth:`add`) in corpus order;
    :meth:`quotes` gives their table (``columns``: None for every column of
    :func:`toolkit.attribution.to_frame`)."""

    def __init__(self, columns: Sequence[str] | None = None) -> None:
        from toolkit.attribution import COLUMNS

        wanted = list(COLUMNS) if columns is None else list(columns)
        unknown = sorted(set(wanted) - set(COLUMNS) - {CONTENT_WORDS})
        if unknown:
            raise ParameterError(f"unknown attribution column(s) {', '.join(unknown)}",
                                 hint=f"use names of: {', '.join(COLUMNS)}, or {CONTENT_WORDS}")
        self.columns = [c for c in COLUMNS if c in wanted or c in ALWAYS]
        self.words = CONTENT_WORDS in wanted
        # The words the corpus's contents write in lower case (for speaker ids), as the
        # documents come.
        self.lower: set[str] = set()
        self._parts: list[Any] = []
        self._raw: list[Any] = []
        self._fresh: list[tuple[str, Any]] = []
        self._documents = 0

    def add(self, attributions: Any, lower: Any = None) -> None:
        """One document's attributions: a tuple of records (or of their rows, see
        :class:`~toolkit.analysis.store.AttributionRows`), or an Arrow table of
        :func:`~toolkit.analysis.store.attribution_table`'s columns; ``lower``: the words their
        contents write in lower case, when known (else they are read from the contents)."""
        from toolkit.analysis.store import PART, AttributionRows

        if lower is None:
            from toolkit.attribution.speakers.corpus_ids import lower_words

            if isinstance(attributions, AttributionRows):
                lower = lower_words(attributions.column("content"))
            elif isinstance(attributions, (tuple, list)):
                lower = lower_words(r.content for r in attributions)
            else:
                lower = lower_words(attributions.column("content").to_pylist())
        self.lower.update(lower)
        if isinstance(attributions, (tuple, list)):
            self._fresh.append(("", attributions))
            if len(self._fresh) >= PART:
                self._add_fresh()
        else:  # the fresh records before it go first, to keep the corpus order
            self._add_fresh()
            self._raw.append(attributions)
            self._documents += 1
            if self._documents >= PART:
                self._reduce()

    def _add_fresh(self) -> None:
        from toolkit.analysis.store import attribution_table

        if self._fresh:
            self._raw.append(attribution_table(self._fresh))
            self._fresh = []
            self._reduce()

    def _reduce(self) -> None:
        """The tables gathered since the last call as one, with the columns asked for."""
        import pyarrow as pa

        if not self._raw:
            return
        table = pa.concat_tables(self._raw)
        self._raw, self._documents = [], 0
        # The words of each content were counted where its table was made (see
        # toolkit.analysis.store.attribution_table).
        table = table.select([*self.columns, CONTENT_WORDS] if self.words else self.columns)
        # A copy of its own: rows read from the store are slices of the store's parts, which
        # can then be let go.
        self._parts.append(table.combine_chunks())

    def quotes(self) -> pd.DataFrame:
        """The attribution table of everything added: the columns asked for, in the order of
        :data:`toolkit.attribution.COLUMNS` (then :data:`CONTENT_WORDS`), with corpus-wide
        speaker ids (:func:`~toolkit.attribution.speakers.merge_speakers`), sorted by doc_id,
        cue_start and cue_end. What was added is let go."""
        import numpy as np
        import pandas as pd
        import pyarrow as pa

        from toolkit.analysis.store import attribution_frame, attribution_table
        from toolkit.attribution.speakers.corpus_ids import speaker_ids

        self._add_fresh()
        if not self._parts and not self._raw:  # no attribution: an empty table of the columns
            self._raw.append(attribution_table([]))
        self._reduce()
        # Handed over in a list that attribution_frame empties: nothing here keeps the table,
        # so each column is freed once converted.
        held = [pa.concat_tables(self._parts)]
        self._parts = []
        frame = attribution_frame(held)
        # Speaker ids are decided once per speaker form (speaker, type, title), in the order
        # the corpus first writes them, then set on every row of that form.
        keys = ["speaker", "speaker_type", "speaker_title"]
        groups = frame.groupby(keys, dropna=False, sort=False)
        sizes = groups.size()
        forms = [(*(None if pd.isna(value) else value for value in form), int(count))
                 for form, count in zip(sizes.index, sizes.to_numpy(), strict=True)]
        changed = speaker_ids(forms, frozenset(self.lower))
        if changed:
            new = [changed.get(form[:3]) for form in forms]
            codes = groups.ngroup().to_numpy()
            which = np.array([n is not None for n in new])[codes]
            codes = codes[which]
            for position, column in enumerate(("speaker", "speaker_type")):
                frame.loc[which, column] = np.array([n[position] if n else "" for n in new],
                                                    dtype=object)[codes]
        return _in_order(frame)


def _in_order(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` sorted by doc_id, cue_start and cue_end (a stable sort), made a column at a
    time: a corpus's table is never held twice, as sorting it whole would. Rows already in that
    order are not moved."""
    import pandas as pd

    from toolkit.analysis.grouping import row_order

    order = row_order(frame["doc_id"], frame["cue_start"].to_numpy(dtype="int64"),
                      frame["cue_end"].to_numpy(dtype="int64"))
    if order is None:
        return frame.reset_index(drop=True)
    columns = list(frame.columns)
    data = {}
    for name in columns:
        data[name] = frame.pop(name).take(order).reset_index(drop=True)
    return pd.DataFrame(data, columns=columns, copy=False)
