"""The start every report notebook shares: load the corpus, keep the documents of the date range,
run the corpus pass over them, and record the headline numbers every page shares: documents,
attributions (as :mod:`toolkit.analysis.counting` defines them) and the dates they span.

>>> loaded = load_and_analyze("data/sample", date_from="2026-04-01", date_to="2026-04-30",
...                           output_dir="output")
>>> loaded.analysis.quotes.head()      # the base tables of the documents in April
>>> loaded.attributions                 # the attributions every report table counts
>>> print(loaded.summary)              # "5 documents, 130 attributions (...); counted apart: ..."
"""

from __future__ import annotations

import glob
import operator
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from toolkit.analysis import CorpusAnalysis, analyze, select
from toolkit.analysis.counting import AttributionCounts, attribution_counts, counted_attributions
from toolkit.analysis.gathering import CONTENT_WORDS
from toolkit.attribution import COLUMNS
from toolkit.corpus import Corpus, Document, load
from toolkit.report.outputs import save_headline

__all__ = ["ANALYSIS_FILE_VARIABLE", "REPORT_COLUMNS", "AnalyzedCorpus", "analysis_files",
           "analysis_key", "analyze_corpus", "articles_path", "count_frames_ahead",
           "load_and_analyze", "preload_analysis", "read_analysis_file", "write_analysis"]

# The report runner analyses the corpus once before the notebooks start and writes what
# load_and_analyze returns to a file named by this environment variable of each kernel: a
# notebook whose corpus, dates and columns are the ones the file was made for reads it instead
# of loading and analysing the corpus again.
ANALYSIS_FILE_VARIABLE = "TOOLKIT_REPORT_ANALYSIS"

# The columns of the quotes table a report's analysis keeps: all of
# toolkit.attribution.COLUMNS but the pieces of each content (``content_spans``) and the rule
# path (``explain``, None unless extraction explains itself), which no report table reads. As
# Python tuples, the pieces were the largest part of the table held by the runner and by every
# kernel (about 150 MB over 50,000 articles); analyze() gives every column. Then the words of
# each content (``content_words``), counted once where its document was analysed, which the
# speaker tables would otherwise count again in every kernel.
REPORT_COLUMNS = (*(c for c in COLUMNS if c not in ("content_spans", "explain")), CONTENT_WORDS)


@dataclass(frozen=True)
class AnalyzedCorpus:
    """What :func:`load_and_analyze` returns.

    ``corpus``: everything loaded, whatever the dates (with the load report of skipped and
    duplicate inputs); ``articles``: the documents dated in the range, in corpus order (in a
    report's notebook, read from the runner's analysis when first used);
    ``analysis``: the base tables (documents, quotes, mentions) of those documents (the
    quotes with the columns :data:`REPORT_COLUMNS`; the mentions counted per document and name
    unless asked for one by one, see :func:`load_and_analyze`);
    ``attributions``: the rows of ``analysis.quotes`` that report tables count
    (:func:`~toolkit.analysis.counting.counted_attributions`); ``counts``: how many there are;
    ``n_not_english``: documents in the date range left out because they do not look English
    (the attribution rules and lexicons are English-only).
    """

    corpus: Corpus
    articles: Sequence[Document]
    analysis: CorpusAnalysis
    attributions: object = None
    counts: AttributionCounts | None = None
    n_not_english: int = 0
    # The runner's analysis file this was read from (None: analysed here): what the
    # notebooks of a report count once for all is kept beside it.
    shared_file: str | None = None

    def frame_tally(self, lexicon: Any = "conflict_cooperation", *,
                    store: bool | str | os.PathLike[str] = False,
                    workers: int | None = 1) -> Any:
        """:func:`~toolkit.analysis.framing.tally_frames` of ``articles``, their frames in the
        journalist's voice or a quoted source's as ``attributions`` say (``store`` and
        ``workers`` as there). In a report, the tally of a lexicon is counted once and kept
        beside the runner's analysis, by the process :func:`count_frames_ahead` starts or else
        by the first notebook to ask for it, and the others wait for it and read it: the
        framing and overview pages count each document's frames once."""
        from toolkit.analysis.framing import tables

        lex = tables.as_lexicon(lexicon)
        if self.shared_file is None:
            return tables.tally_frames(self.articles, lex, quotes=self.attributions,
                                       store=store, workers=workers)
        # The notebooks run side by side: one counts while the others wait for its tally,
        # rather than count it too.
        with _only_one(f"{self._tally_file(lex)}.lock"):
            return self._kept_tally(lex, store, workers)

    def _tally_file(self, lex: Any) -> str:
        from toolkit.analysis.framing import tables

        return f"{self.shared_file}.frames-{tables.lexicon_key(lex)}"

    def _kept_tally(self, lex: Any, store: bool | str | os.PathLike[str],
                    workers: int | None) -> Any:
        """The tally kept beside the runner's analysis, or counted here and kept there (the
        caller holds its lock)."""
        from toolkit.analysis.framing import tables
        from toolkit.cache import read_entry, write_entry

        kept = self._tally_file(lex)
        found, documents = read_entry(kept)
        if found:
            return tables.FrameTally(lex, documents)
        # Not counted yet (or torn): counted here.
        tally = tables.tally_frames(self.articles, lex, quotes=self.attributions, store=store,
                                    workers=workers)
        try:
            write_entry(kept, tally.documents)
        except OSError:  # the next notebook counts it again
            pass
        return tally

    @property
    def summary(self) -> str:
        """Documents and attributions as one line of text: ``"16 documents, 413 attributions
        (86 direct, ...); counted apart: 8 cognitive, 13 evidential"``."""
        return self.counts.describe() if self.counts is not None else ""

    @property
    def date_span(self) -> tuple[str, str] | None:
        """The first and last publication date of the analysed documents (None: undated)."""
        dates = sorted(d for d in self.analysis.documents["date"].dropna().astype(str) if d)
        return (dates[0][:10], dates[-1][:10]) if dates else None


@contextmanager
def _only_one(path: str) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (made when missing) while inside: another
    process asking for it waits until it is let go (or its holder ends). Without locks (no
    ``fcntl``, or a file that cannot be made or locked), nothing is waited for."""
    handle = _lock(path, wait=True)
    try:
        yield
    finally:
        if handle is not None:
            handle.close()  # lets the lock go


def _lock(path: str, *, wait: bool) -> Any:
    """The file ``path`` (made when missing) opened with an exclusive lock on it, waiting for
    another process to let it go or (``wait=False``) only when it is free now; None when it
    is not locked (held by another process, or no locks here). The caller closes it."""
    try:
        import fcntl

        handle = open(path, "a")  # noqa: SIM115 - closed by the caller
    except (ImportError, OSError):
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def analyze_corpus(corpus: str | os.PathLike[str], *, date_from: str | None = None,
                   date_to: str | None = None, cache: bool | str | os.PathLike[str] = False,
                   quiet: bool = False, workers: int | None = None,
                   values: dict | None = None, mentions: bool | str = "counts",
                   articles_file: str | os.PathLike[str] | None = None,
                   attributions: bool = True,
                   **columns: str | None) -> AnalyzedCorpus:
    """What :func:`load_and_analyze` returns, without writing headline numbers.

    With ``cache`` (``True`` or a cache folder) the per-document results and the tables of
    this corpus state are read from the result store (:mod:`toolkit.analysis.store`) when
    there, else computed over one worker process per core and stored: the notebooks of a report
    share one analysis, and a corpus that grew computes only its new documents. ``workers``
    processes read the inputs not read before and do the per-document work (default: one per
    core). ``values`` (with ``cache``):
    other per-document values to store in the same pass (see
    :func:`toolkit.analysis.analyze`). ``mentions`` as for :func:`load_and_analyze`. The
    report runner calls this once before any notebook starts. ``attributions=False`` leaves
    ``attributions`` None: :func:`write_analysis` then makes and writes them a piece at a time,
    rather than holding a second copy of most of the quotes table.

    ``articles_file``: the documents are written there as they are selected, as
    :func:`write_analysis` writes them, and read back from it for each pass over them when
    their texts come to more than :data:`ARTICLES_HELD_CHARS` characters (else they are held
    in memory as well): a large corpus's texts are never all in memory."""
    loaded = load(corpus, workers=workers, **columns)
    if articles_file is None:
        articles: Sequence[Document] = select(loaded, date_from=date_from, date_to=date_to)
        not_english = sum(1 for d in articles if d.language == "other")
        if not_english:
            articles = [d for d in articles if d.language != "other"]
    else:
        articles, not_english = _selected_articles(loaded, date_from, date_to, articles_file)
    if cache:
        analysis = analyze(articles, store=cache, workers=workers, quiet=quiet, values=values,
                           mentions=mentions, columns=REPORT_COLUMNS)
    else:
        analysis = analyze(articles, workers=workers, quiet=quiet, mentions=mentions,
                           columns=REPORT_COLUMNS)
    return AnalyzedCorpus(corpus=loaded, articles=articles, analysis=analysis,
                          attributions=counted_attributions(analysis.quotes)
                          if attributions else None,
                          counts=attribution_counts(analysis.quotes, analysis.documents),
                          n_not_english=not_english)


def load_and_analyze(corpus: str | os.PathLike[str], *, output_dir: str | os.PathLike[str],
                     date_from: str | None = None, date_to: str | None = None,
                     cache: bool | str | os.PathLike[str] = False,
                     text_column: str | None = None, id_column: str | None = None,
                     title_column: str | None = None, outlet_column: str | None = None,
                     date_column: str | None = None, author_column: str | None = None,
                     url_column: str | None = None,
                     mentions: bool | str = "counts") -> AnalyzedCorpus:
    """Load ``corpus`` (the ``*_column`` options name its columns or fields, as for
    :func:`toolkit.corpus.load`), keep the documents dated in [``date_from``, ``date_to``] (ISO
    dates, inclusive; None: no limit), analyse them (:func:`analyze_corpus`: ``cache`` reads
    and keeps results in the result store) and record headline numbers ``documents``, ``attributions`` and, for
    dated documents, ``first_date`` and ``last_date`` in ``output_dir``. Documents that do not
    look English are left out and counted (``n_not_english``, shown in every page's counting
    box, and the headline ``not_english`` when there are any).

    ``analysis.quotes`` has the columns of :data:`REPORT_COLUMNS`: those of
    :func:`toolkit.analysis.analyze` but ``content_spans`` and ``explain``, then
    ``content_words`` (the words of each content, as the speaker tables count them).
    ``analysis.mentions`` holds the names' mentions counted per document and name (columns
    doc_id, speaker, n_mentions; what the speaker tables read, and a small part of the size of
    every mention of a large corpus); ``mentions=True`` gives every mention with its offsets
    (columns doc_id, speaker, mention, start, end), ``False`` none (see
    :func:`toolkit.analysis.analyze`)."""
    columns = {"text_column": text_column, "id_column": id_column,
               "title_column": title_column, "outlet_column": outlet_column,
               "date_column": date_column, "author_column": author_column,
               "url_column": url_column}
    result = _read_analysis(corpus, date_from, date_to, columns, mentions) if cache else None
    if result is None:
        result = analyze_corpus(corpus, date_from=date_from, date_to=date_to, cache=cache,
                                mentions=mentions, **columns)
    analysis, not_english = result.analysis, result.n_not_english
    save_headline("documents", len(analysis.documents), output_dir=output_dir,
                  label="Documents analysed")
    if not_english:
        save_headline("not_english", not_english, output_dir=output_dir,
                      label="Documents left out as not English")
    save_headline("attributions", result.counts.n_attributions, output_dir=output_dir,
                  label="Attributions (direct, indirect, mixed and floating quotes)")
    if result.date_span is not None:
        save_headline("first_date", result.date_span[0], output_dir=output_dir,
                      label="First publication date")
        save_headline("last_date", result.date_span[1], output_dir=output_dir,
                      label="Last publication date")
    return result


def analysis_key(corpus: str | os.PathLike[str], date_from: str | None, date_to: str | None,
                 columns: dict[str, str | None], mentions: bool | str = "counts"
                 ) -> dict[str, Any]:
    """What an analysis written by :func:`write_analysis` was made for: the corpus (its full
    path), the dates, the column options given and the form of the mentions."""
    return {"corpus": os.fspath(Path(corpus).resolve()), "date_from": date_from,
            "date_to": date_to,
            "columns": {k: v for k, v in sorted(columns.items()) if v is not None},
            "mentions": mentions}


def write_analysis(loaded: AnalyzedCorpus, path: str | os.PathLike[str],
                   key: dict[str, Any]) -> None:
    """Write ``loaded`` (made with the arguments ``key``, see :func:`analysis_key`) to ``path``
    for :func:`load_and_analyze` in the report's kernels. The corpus itself is not written:
    it reads its files when used, and a kernel opens it again.

    The tables' columns of text, numbers and flags go to Arrow files beside ``path``
    (:func:`analysis_files`), which each kernel maps into memory rather than reads: the
    kernels running side by side share one copy of them, and a column a notebook never uses
    is never read. The rest (the documents, other columns) is pickled in ``path``. When
    ``loaded.attributions`` is None, they are made from the quotes table
    (:func:`~toolkit.analysis.counting.counted_attributions`) and written a piece of about
    :data:`ATTRIBUTIONS_PIECE` rows at a time."""
    path = Path(path)
    analysis = loaded.analysis
    tables = {"documents": analysis.documents, "quotes": analysis.quotes,
              "mentions": analysis.mentions, "attributions": loaded.attributions}
    # The documents (with their texts) in a file of their own, read only by a notebook that
    # uses them.
    articles = articles_path(path)
    written = loaded.articles
    if isinstance(written, (StoredArticles, _HeldArticles)) and \
            os.path.abspath(written.path) == os.path.abspath(articles):
        starts = written.starts  # written as they were selected
    else:
        starts = _write_articles(written, articles)
    state = {"key": key, "articles": (articles.name, len(written), starts),
             "counts": loaded.counts, "n_not_english": loaded.n_not_english,
             "tables": {name: _write_table(frame, _beside(path, f"{name}.arrow"))
                        if frame is not None else
                        _write_counted(analysis.quotes, _beside(path, f"{name}.arrow"))
                        for name, frame in tables.items()}}
    with open(path, "wb") as handle:
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)


def analysis_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files :func:`write_analysis` wrote for ``path``: ``path``, then its documents and
    its tables (the files beside it whose names start with its name and a dot)."""
    path = Path(path)
    return [path, *sorted(path.parent.glob(f"{glob.escape(path.name)}.*"))]


def articles_path(path: str | os.PathLike[str]) -> Path:
    """The file :func:`write_analysis` writes the documents of the analysis ``path`` to (give
    it to :func:`analyze_corpus` as ``articles_file`` to write them as they are selected)."""
    return _beside(Path(path), "articles")


def _beside(path: Path, suffix: str) -> Path:
    """The file of :func:`write_analysis` named ``path`` and ``suffix``."""
    return path.with_name(f"{path.name}.{suffix}")


# Documents per piece of an articles file (see write_analysis).
ARTICLES_PIECE = 256


def _write_articles(articles: Iterable[Document], path: Path) -> list[int]:
    """Write ``articles`` to ``path`` as pickled lists of :data:`ARTICLES_PIECE` documents, one
    after the other; return where each list starts in the file."""
    starts = []
    documents = iter(articles)
    with open(path, "wb") as handle:
        while piece := list(islice(documents, ARTICLES_PIECE)):
            starts.append(handle.tell())
            pickle.dump(piece, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return starts


# Selected documents whose texts come to more than this many characters are read back from
# the file they are written to for each pass over them, rather than held in memory.
ARTICLES_HELD_CHARS = 100_000_000


def _selected_articles(loaded: Corpus, date_from: str | None, date_to: str | None,
                       path: str | os.PathLike[str]) -> tuple[Sequence[Document], int]:
    """The documents of ``loaded`` dated in the range that look English, written to ``path``
    (as :func:`_write_articles` does) as they are read, and how many were left out as not
    English. Held in memory too (:class:`_HeldArticles`) when their texts come to at most
    :data:`ARTICLES_HELD_CHARS` characters, else read back from ``path``
    (:class:`StoredArticles`). Which of the two is known before the first text is read, from
    the characters the load report gives each input: documents held until the limit is passed
    and let go then would leave their memory in pieces for the rest of the run."""
    from toolkit.analysis.grouping import documents
    from toolkit.cache import document_key
    from toolkit.processes import return_freed_memory

    statuses = loaded.kept_statuses()
    inputs = (r for r in loaded.report() if r.status in statuses)
    # An upper bound: documents that do not look English are counted.
    hold = sum(r.n_chars or 0 for r in documents(inputs, date_from, date_to)) \
        <= ARTICLES_HELD_CHARS
    held: list[Document] | None = [] if hold else None
    n = not_english = 0

    def selected() -> Iterator[Document]:
        nonlocal n, not_english
        for doc in documents(loaded, date_from, date_to):
            if doc.language == "other":
                not_english += 1
                continue
            n += 1
            # Its key, asked for by the analysis and each store read, is kept in the document
            # and so written with it: the kernels reading the file do not hash it again.
            document_key(doc)
            if held is not None:
                held.append(doc)
            yield doc

    starts = _write_articles(selected(), Path(path))
    return_freed_memory()  # what reading the texts left
    if held is not None:
        return _HeldArticles(held, os.fspath(path), starts), not_english
    return StoredArticles(path, n, starts), not_english


class _HeldArticles(list):
    """Documents held in memory that are also written to ``path`` (pieces starting at
    ``starts``, see :func:`_write_articles`)."""

    def __init__(self, documents: list[Document], path: str, starts: list[int]) -> None:
        super().__init__(documents)
        self.path = path
        self.starts = starts

    def __reduce__(self) -> tuple:
        return (list, (list(self),))


class StoredArticles(Sequence):
    """The documents of a written analysis (see :func:`write_analysis`): a sequence of ``n``
    :class:`~toolkit.corpus.Document` read from ``path`` a piece of :data:`ARTICLES_PIECE`
    documents at a time when asked for, so that a notebook that only reads the tables never
    reads the corpus's texts, and one that goes through the documents holds a piece of them
    at a time (``starts``: where each piece starts in the file). Pickled as the list of
    documents."""

    def __init__(self, path: str | os.PathLike[str], n: int, starts: Sequence[int]) -> None:
        self.path = os.fspath(path)
        self._n = n
        self.starts = list(starts)
        self._piece: tuple[int, list[Document]] | None = None  # the last piece read

    def _read_piece(self, number: int) -> list[Document]:
        if self._piece is None or self._piece[0] != number:
            with open(self.path, "rb") as handle:
                handle.seek(self.starts[number])
                self._piece = (number, pickle.load(handle))
        return self._piece[1]

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._n))]
        position = operator.index(index)
        if position < 0:
            position += self._n
        if not 0 <= position < self._n:
            raise IndexError("article index out of range")
        return self._read_piece(position // ARTICLES_PIECE)[position % ARTICLES_PIECE]

    def __iter__(self) -> Iterator[Document]:
        with open(self.path, "rb") as handle:
            for _ in self.starts:
                yield from pickle.load(handle)

    def __reduce__(self) -> tuple:
        return (list, (list(self),))

    def __repr__(self) -> str:
        return f"StoredArticles({self._n} documents from {self.path!r})"


def read_analysis_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """What :func:`write_analysis` wrote to ``path``: a dict of ``key``, ``articles`` (a
    :class:`StoredArticles`),
    ``analysis`` (a :class:`~toolkit.analysis.CorpusAnalysis`), ``attributions``,
    ``counts`` and ``n_not_english``. Raises OSError, EOFError, pickle.UnpicklingError or
    ValueError for a file that is not one."""
    path = Path(path)
    with open(path, "rb") as handle:
        state = pickle.load(handle)
    if not isinstance(state, dict) or not isinstance(state.get("tables"), dict):
        raise ValueError(f"{path} is not an analysis written by write_analysis")
    tables = {name: _read_table(stored, path.parent)
              for name, stored in state.pop("tables").items()}
    name, n, starts = state["articles"]
    state["articles"] = StoredArticles(path.parent / name, n, starts)
    state["analysis"] = CorpusAnalysis(documents=tables["documents"], quotes=tables["quotes"],
                                       mentions=tables["mentions"])
    state["attributions"] = tables["attributions"]
    return state


@dataclass(frozen=True)
class _StoredTable:
    """A table of :func:`write_analysis`: the name of the Arrow file of its columns of text,
    numbers and flags (and its index), its other columns, and the order of all of them."""

    file: str
    others: dict[str, Any]
    columns: list[Any]


def _write_table(frame: Any, path: Path) -> _StoredTable:
    import pyarrow as pa

    others = {name: frame[name] for name in frame.columns if frame[name].dtype == object}
    plain = frame[[name for name in frame.columns if name not in others]]
    table = pa.Table.from_pandas(plain)
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return _StoredTable(path.name, others, list(frame.columns))


# The counted attributions written for a report's kernels are made and written this many rows
# of the quotes table at a time (and up to the end of the last document they reach).
ATTRIBUTIONS_PIECE = 100_000


def _write_counted(quotes: Any, path: Path) -> _StoredTable:
    """``counted_attributions(quotes)`` written as :func:`_write_table` writes a table, made
    from :data:`ATTRIBUTIONS_PIECE` rows of ``quotes`` at a time: a piece ends between two
    documents, and what makes a row counted (and the verb a floating quote takes) depends on
    the rows of its document only, so the pieces together are the table made at once. Rows of
    a document apart from each other (a table not sorted by ``doc_id``) make it one piece."""
    import pandas as pd
    import pyarrow as pa

    ids = quotes["doc_id"]
    ends, n = [], len(quotes)
    if ids.is_monotonic_increasing:
        end = 0
        while end < n:
            end = min(end + ATTRIBUTIONS_PIECE, n)
            while end < n and ids.iat[end] == ids.iat[end - 1]:
                end += 1
            ends.append(end)
    if not ends:
        ends = [n]
    others: dict[str, list] = {}
    names: list[Any] = []
    writer, schema, start = None, None, 0
    with pa.OSFile(str(path), "wb") as sink:
        try:
            for end in ends:
                counted = counted_attributions(quotes.iloc[start:end])
                start = end
                if writer is None:
                    names = list(counted.columns)
                    others = {name: [] for name in names if counted[name].dtype == object}
                for name, pieces in others.items():
                    pieces.append(counted.pop(name))
                table = pa.Table.from_pandas(counted, preserve_index=True, schema=schema)
                del counted
                if writer is None:
                    schema = table.schema
                    writer = pa.ipc.new_file(sink, schema)
                writer.write_table(table)
        finally:
            if writer is not None:
                writer.close()
    return _StoredTable(path.name, {name: pd.concat(pieces) for name, pieces in others.items()},
                        names)


def _read_table(stored: _StoredTable, folder: Path) -> Any:
    import pyarrow as pa

    # Text columns stay in the mapped file (pandas keeps them as Arrow arrays).
    with pa.memory_map(str(folder / stored.file)) as source:
        frame = pa.ipc.open_file(source).read_all().to_pandas(split_blocks=True)
    for name, values in stored.others.items():
        frame[name] = values
    return frame[stored.columns]


def _read_analysis(corpus: str | os.PathLike[str], date_from: str | None, date_to: str | None,
                   columns: dict[str, str | None], mentions: bool | str = "counts", *,
                   keep: bool = False) -> AnalyzedCorpus | None:
    """The analysis the report runner wrote for these arguments (see
    :data:`ANALYSIS_FILE_VARIABLE`); None when there is none, or it was made for others. One
    kept by an earlier call with ``keep`` is not read again."""
    path = os.environ.get(ANALYSIS_FILE_VARIABLE)
    if not path or not os.path.isfile(path):
        return None
    try:
        key = analysis_key(corpus, date_from, date_to, columns, mentions)
        file = os.stat(path)
    except OSError:
        return None
    memo = (path, file.st_mtime_ns, file.st_size, repr(key))
    if memo in _PRELOADED:
        return _PRELOADED[memo]
    result = _read_analysis_file(path, key, corpus, columns)
    if keep and result is not None:
        _PRELOADED[memo] = result
    return result


def _read_analysis_file(path: str, key: dict[str, Any], corpus: str | os.PathLike[str],
                        columns: dict[str, str | None]) -> AnalyzedCorpus | None:
    """The analysis in ``path`` when it was made for ``key``, else None."""
    try:
        state = read_analysis_file(path)
    except (OSError, EOFError, KeyError, ValueError, pickle.UnpicklingError):
        return None
    if state.get("key") != key:
        return None
    return AnalyzedCorpus(corpus=load(corpus, **columns), articles=state["articles"],
                          analysis=state["analysis"], attributions=state["attributions"],
                          counts=state["counts"], n_not_english=state["n_not_english"],
                          shared_file=path)


# What preload_analysis read, by file (its path, time and size) and arguments.
_PRELOADED: dict[tuple, AnalyzedCorpus] = {}


def count_frames_ahead(corpus: str | os.PathLike[str], date_from: str | None,
                       date_to: str | None, columns: dict[str, str | None],
                       lexicons: Sequence[str], store: bool | str | os.PathLike[str],
                       mentions: bool | str = "counts") -> int | None:
    """Start a process that counts the frame tally of each of ``lexicons`` for the analysis
    :func:`preload_analysis` read (these arguments), as
    :meth:`AnalyzedCorpus.frame_tally` does with ``store``, and keeps it for the notebooks. It
    holds each tally's lock from before this returns, so a notebook asking for one waits for
    it rather than count it too. Returns its process id; None when there is no analysis read
    for these arguments, no lexicon that loads, or no way to start the process (a notebook
    then counts the tally itself). The process is forked: call this from a process that runs
    no other thread, and collect the process when it ends."""
    from toolkit.analysis.framing import tables

    loaded = _read_analysis(corpus, date_from, date_to, columns, mentions, keep=True)
    if loaded is None or not hasattr(os, "fork"):
        return None
    held = []
    for name in lexicons:
        try:
            lex = tables.as_lexicon(name)
        except Exception:  # the notebook reports a bad lexicon itself
            continue
        lock = _lock(f"{loaded._tally_file(lex)}.lock", wait=False)
        if lock is not None:
            held.append((lex, lock))
    if not held:
        return None
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid != 0:  # this process: the locks stay with the one counting
        for _, lock in held:
            lock.close()
        return pid
    code = 1
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # nothing of this process's pipes is read or written
            os.dup2(null, fd)
        for lex, lock in held:
            try:
                loaded._kept_tally(lex, store, 1)
            finally:
                lock.close()  # a waiting notebook reads it now
        code = 0
    finally:
        os._exit(code)


def preload_analysis(corpus: str | os.PathLike[str], date_from: str | None, date_to: str | None,
                     columns: dict[str, str | None], mentions: bool | str = "counts") -> bool:
    """Read the analysis the report runner wrote (see :data:`ANALYSIS_FILE_VARIABLE`) for
    these arguments now, and keep it: :func:`load_and_analyze` with the same arguments, in
    this process or one forked from it after this call, returns it without reading the file
    again (as long as the file is the one read). Returns whether there was one to read."""
    return _read_analysis(corpus, date_from, date_to, columns, mentions, keep=True) is not None
