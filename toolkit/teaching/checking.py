"""Self-checks for the tutorial exercises: the registry of exercises, ``check``, ``verdict`` and
``exercises``, and the answer readers the exercise modules share.

``check(exercise_id, answer)`` prints ``Correct!`` or a hint and returns nothing, so a notebook
cell that ends with it shows only that line. It never prints the expected answer and never
raises because of an answer: an unanswered exercise (``answer = ...``) prints "Not answered
yet" with the question and a hint. ``verdict`` returns the same outcome as a value, for tests
and grading. The expected answers are computed by the toolkit from the sample corpus when the
check runs, so they follow the library when its attribution, cleaning or matching improves.

A check accepts equivalent forms of the right answer (a label's aliases, a one-row table or a
row instead of the bare value, a filtered table for a count) but never picks the answer out
of a bigger table for the student: a table of many rows gets a hint to narrow it.

Each tutorial's exercises live in their own module (``exercises_pandas``, ``exercises_corpus``,
``exercises_who_speaks``, ...), which registers them with :func:`exercise`; importing
:mod:`toolkit.teaching` imports them all.

>>> from toolkit.teaching import check
>>> check("corpus-not-ok", ...)          # prints "Not answered yet: ..."
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from toolkit.errors import CorpusNotFoundError, ParameterError
from toolkit.teaching.sample import load_sample, sample_corpus_path

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import CorpusAnalysis
    from toolkit.corpus import Corpus

__all__ = [
    "Verdict",
    "Unusable",
    "Verify",
    "exercise",
    "exercises",
    "check",
    "verdict",
    "sample",
    "sample_analysis",
    "sample_doc_id",
    "norm",
    "loose",
    "is_number",
    "as_count",
    "as_text",
    "as_number",
]

Verify = Callable[[Any], "tuple[bool, str | None]"]


# ----- what the exercises are checked against --------------------------------------------------

@lru_cache(maxsize=1)
def sample() -> Corpus:
    """The sample corpus, loaded once per session."""
    return load_sample()


@lru_cache(maxsize=1)
def sample_analysis() -> CorpusAnalysis:
    """:func:`toolkit.analysis.analyze` of the sample corpus, computed once per session."""
    from toolkit.analysis import analyze

    return analyze(sample())


def sample_doc_id(prefix: str) -> str:
    """The one document id of the sample corpus that starts with ``prefix``."""
    ids = [r.doc_id for r in sample().report() if r.doc_id and r.doc_id.startswith(prefix)]
    if len(ids) != 1:
        raise CorpusNotFoundError(f"the sample corpus has {len(ids)} documents starting with "
                                  f"{prefix!r}", path=str(sample_corpus_path()))
    return ids[0]


# ----- reading answers -------------------------------------------------------------------------

class Unusable(Exception):
    """The answer has a form the check cannot read; the message is the hint."""


def norm(value: Any) -> str:
    """``value`` as text for comparison: curly apostrophes straightened, white space collapsed,
    case folded."""
    return " ".join(str(value).replace("\u2019", "'").split()).casefold()


def loose(value: Any) -> str:
    """``value`` reduced to its letters and digits, case folded: ``"Non-factive"``,
    ``"non factive"`` and ``"nonfactive"`` all read ``"nonfactive"``."""
    return re.sub(r"[\W_]+", "", str(value)).casefold()


def _is_bool(value: Any) -> bool:
    import numpy as np

    return isinstance(value, bool | np.bool_)


def is_number(value: Any) -> bool:
    """Whether ``value`` is a plain number (int, float or a numpy number), not a bool."""
    import numbers

    return isinstance(value, numbers.Number) and not _is_bool(value)


def as_count(answer: Any, *, counts_hint: str | None = None) -> int:
    """An answer that should be a whole number.

    A one-number Series gives its number. A True/False column, a table of several counts
    (``value_counts()``, ``groupby().size()``, with ``counts_hint`` as the hint) and any other
    collection raise :class:`Unusable`: an exercise that accepts the table of the things
    counted checks its rows itself before it calls this.
    """
    import pandas as pd

    if _is_bool(answer):
        raise Unusable("give a number (an int), not True or False")
    if isinstance(answer, pd.Series):
        if pd.api.types.is_bool_dtype(answer):
            raise Unusable("that is one True/False per row, not a count: add .sum() to count "
                           "the True values")
        if pd.api.types.is_numeric_dtype(answer) and len(answer) != 1:
            raise Unusable(counts_hint or "that is a table of several numbers; the answer "
                                          "is one number")
        if len(answer) == 1:
            answer = answer.iloc[0]
    if isinstance(answer, pd.DataFrame | pd.Series | list | tuple | set | dict):
        kind = "table" if isinstance(answer, pd.DataFrame | pd.Series) else type(answer).__name__
        raise Unusable(f"that is a {kind} of {len(answer)} items; the answer is one number "
                       "(count them with len(...) if they are the things asked for)")
    try:
        value = float(str(answer).strip()) if isinstance(answer, str) else float(answer)
    except (TypeError, ValueError):
        raise Unusable(f"give a number; got {type(answer).__name__}") from None
    if not value.is_integer():
        raise Unusable("the answer is a whole number (a count)")
    return int(value)


def _one_value(values: pd.Series, many: str) -> Any:
    distinct = values.dropna().unique()
    if len(distinct) != 1:
        raise Unusable(many)
    return distinct[0]


def as_text(answer: Any, column: str, *, many: str | None = None) -> str:
    """An answer that should be a word or name.

    A one-row table gives its ``column``, a row (a Series labelled by column names) its
    ``column`` entry, a column the value all its rows share. A table or column with several
    different values raises :class:`Unusable` with ``many`` as the hint: the check does not
    choose a row for the student.
    """
    import pandas as pd

    many = many or (f"that is a table of several rows; the answer is one {column}: narrow it "
                    f"to the right row and take its {column}")
    if isinstance(answer, pd.DataFrame):
        if answer.empty:
            raise Unusable("the table is empty: your filter kept no rows")
        if column not in answer.columns:
            raise Unusable(f"pass the {column} itself, or a table with a {column!r} column")
        answer = _one_value(answer[column], many)
    elif isinstance(answer, pd.Series):
        if answer.empty:
            raise Unusable("the column is empty: your filter kept no rows")
        if column in answer.index:
            answer = answer[column]
        elif pd.api.types.is_numeric_dtype(answer) and not isinstance(answer.index,
                                                                        pd.RangeIndex):
            raise Unusable(f"that is a table of numbers, one per name; the answer is one "
                           f"{column}: the names are its index (.index)")
        else:
            answer = _one_value(answer, many)
    if is_number(answer):
        raise Unusable(f"that is a number; give the {column} as text (a str), e.g. \"...\"")
    if not isinstance(answer, str):
        raise Unusable(f"give the {column} as text (a str), e.g. \"...\"")
    if not answer.strip():
        raise Unusable("the answer is an empty string")
    return answer


def as_number(answer: Any, column: str, *, many: str | None = None) -> float:
    """An answer that should be a number, read like :func:`as_text`: a one-row table or a row
    gives its ``column``; several rows raise :class:`Unusable` with ``many`` as the hint."""
    import pandas as pd

    many = many or ("that is a table of several rows; narrow it to the one row the question "
                    "asks about, or give the number")
    if isinstance(answer, pd.DataFrame):
        if answer.empty:
            raise Unusable("the table is empty: your filter kept no rows")
        if column not in answer.columns:
            raise Unusable(f"give the number, or a table with a {column!r} column")
        if len(answer) != 1:
            raise Unusable(many)
        answer = answer[column].iloc[0]
    elif isinstance(answer, pd.Series):
        if column in answer.index:
            answer = answer[column]
        elif len(answer) == 1:
            answer = answer.iloc[0]
        else:
            raise Unusable(many)
    if _is_bool(answer) or isinstance(answer, str):
        raise Unusable(f"give the {column} as a number")
    try:
        return float(answer)
    except (TypeError, ValueError):
        raise Unusable(f"give the {column} as a number") from None


# ----- the registry ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Exercise:
    tutorial: str
    question: str
    hint: str
    verify: Verify


_EXERCISES: dict[str, _Exercise] = {}


def _in_course_order() -> list[tuple[str, _Exercise]]:
    return sorted(_EXERCISES.items(), key=lambda item: item[1].tutorial)


def exercise(exercise_id: str, tutorial: str, question: str, hint: str
             ) -> Callable[[Verify], Verify]:
    """Register the decorated function as the check of ``exercise_id``.

    The function takes the answer and returns ``(correct, hint)``; ``hint`` None means the
    exercise's general ``hint``. It may raise :class:`Unusable` with a hint instead.
    """
    def register(func: Verify) -> Verify:
        _EXERCISES[exercise_id] = _Exercise(tutorial, question, hint, func)
        return func
    return register


def exercises() -> pd.DataFrame:
    """The exercises the checker knows, in course order: exercise_id, tutorial, question."""
    import pandas as pd

    return pd.DataFrame([(k, e.tutorial, e.question) for k, e in _in_course_order()],
                        columns=["exercise_id", "tutorial", "question"])


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer: ``correct``, and the ``message`` :func:`check`
    prints (``Correct!``, or a line with the hint)."""

    correct: bool
    message: str


def verdict(exercise_id: str, answer: Any) -> Verdict:
    """Check an exercise answer against what the toolkit computes from the sample corpus.

    An unknown ``exercise_id`` raises :class:`~toolkit.errors.ParameterError` listing the known
    ones; nothing about the answer raises.
    """
    entry = _EXERCISES.get(exercise_id)
    if entry is None:
        raise ParameterError(f"no exercise {exercise_id!r}",
                             hint="known: " + ", ".join(k for k, _ in _in_course_order()))
    if answer is Ellipsis:
        return Verdict(False, f"Not answered yet: {entry.question}\nHINT: {entry.hint}")
    if answer is None:
        return Verdict(False, "The answer is None: did the last line of your code print the "
                              f"value instead of returning it?\nHINT: {entry.hint}")
    try:
        ok, hint = entry.verify(answer)
    except Unusable as exc:
        ok, hint = False, str(exc)
    except Exception as exc:  # an answer of a shape no check foresaw must not stop the class
        ok, hint = False, (f"this answer could not be read ({type(exc).__name__}); "
                           f"{entry.hint}")
    if ok:
        return Verdict(True, "Correct!")
    return Verdict(False, f"Not quite. HINT: {hint or entry.hint}")


def check(exercise_id: str, answer: Any) -> None:
    """Print whether ``answer`` is right (``Correct!``) or a hint; see :func:`verdict`."""
    print(verdict(exercise_id, answer).message)
