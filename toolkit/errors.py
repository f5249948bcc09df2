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
    "ReportError",
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


class ReportError(ToolkitError):
    """A report run cannot start or did not finish (bad notebook, failing cell, busy lock)."""
