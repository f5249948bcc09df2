"""Typed errors. Each names the file, line or parameter at fault and says how to fix it."""

from __future__ import annotations

__all__ = [
    "ToolkitError",
    "InputError",
    "CorpusNotFoundError",
    "EmptyCorpusError",
    "DecodeError",
    "FormatError",
    "MissingColumnError",
    "DuplicateIdError",
    "LexiconError",
    "ParameterError",
    "DocumentNotFoundError",
    "NotEnoughDataError",
    "OutputError",
    "WorkerError",
    "ReportError",
    "ReportInProgressError",
    "KernelError",
    "NotebookCellError",
    "ReportParameterError",
    "ReportWriteError",
    "cell_failure_message",
]


class ToolkitError(Exception):
    """Base class of every error the toolkit raises on purpose.

    ``str(error)`` is a complete one-line message: what went wrong, where, and what to do.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        self.path = path
        self.line = line
        self.hint = hint
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        text = f"{where}{message}"
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)


class InputError(ToolkitError):
    """An input file or folder cannot be used as it is."""


class CorpusNotFoundError(InputError):
    """The corpus path does not exist."""


class EmptyCorpusError(InputError):
    """The corpus path holds no usable document."""


class DecodeError(InputError):
    """A file is binary or its bytes are not text in any supported encoding."""


class FormatError(InputError):
    """A CSV/JSONL row or annotation line is malformed."""


class MissingColumnError(InputError):
    """A table has no column with the name the loader was told to use."""


class DuplicateIdError(InputError):
    """Two documents share a doc_id."""


class LexiconError(ToolkitError):
    """A lexicon file has a bad entry."""


class ParameterError(ToolkitError):
    """A function or command-line parameter has a value that cannot be used."""


class DocumentNotFoundError(ParameterError, KeyError):
    """No document of the corpus has the id asked for. Also a ``KeyError``, so code that looks
    documents up like a mapping keeps working."""

    __str__ = Exception.__str__  # the message as written, not quoted the way KeyError quotes
class NotEnoughDataError(ParameterError):
    """The data holds too little for the table or figure asked for: no document has a value for
    the grouping field, no document is dated, a table to plot is empty, one group has nothing
    to compare with. Report notebooks show it as a "not enough data" note."""


class OutputError(ToolkitError):
    """A result cannot be written where it was asked to go."""


class WorkerError(ToolkitError):
    """A worker process ended before it gave its results (killed, out of memory)."""


class ReportError(ToolkitError):
    """A report run cannot start or did not finish (bad notebook, failing cell, busy lock)."""


class ReportInProgressError(ReportError):
    """Another run of the same report name holds its lock; ``path`` is the report folder."""


class KernelError(ReportError):
    """The report kernel is not registered and cannot be, or it runs another interpreter."""


class NotebookCellError(ReportError):
    """A report notebook stopped: one of its cells raised, timed out or lost its kernel.

    ``notebook`` is the notebook's file name (``framing.ipynb``), ``cell`` the number of the
    failing cell as Jupyter shows it (its execution count; None when unknown), ``ename`` and
    ``evalue`` the class name and text of the exception raised in the kernel. The message reads
    ``framing.ipynb cell 7: KeyError: 'outlet'`` (first line of ``evalue`` only).
    """

    def __init__(self, *, notebook: str, cell: int | None, ename: str, evalue: str = "",
                 hint: str | None = None) -> None:
        self.notebook = notebook
        self.cell = cell
        self.ename = ename
        self.evalue = evalue
        super().__init__(cell_failure_message(notebook, cell, ename, evalue), hint=hint)


class ReportParameterError(ReportError, ParameterError):
    """A report parameter (a value, a parameters file, the dates or the report name) cannot be
    used; raised before any kernel starts."""


def cell_failure_message(notebook: str | None, cell: int | None, ename: str,
                         evalue: str = "") -> str:
    """``framing.ipynb cell 7: KeyError: 'outlet'``: where (when known), the exception's class
    name and the first line of its text."""
    where = "" if notebook is None else notebook + (f" cell {cell}" if cell else "") + ": "
    lines = evalue.strip().splitlines()
    return f"{where}{ename}: {lines[0]}" if lines else f"{where}{ename}"


class ReportWriteError(ReportError):
    """A report run cannot write its folder: it is not writable, or the disk is full. ``path``
    is the reports or report folder; the run left no half-written folder behind."""
