"""Self-checks for the tutorial exercises: the registry of exercises, ``check`` and
``exercises``, and the answer readers the exercise modules share.

``check(exercise_id, answer)`` prints ``Correct!`` or a hint and returns True or False. It never
prints the expected answer and never raises because of an answer: an unanswered exercise
(``answer = ...``) prints "Not answered yet" with a hint. The expected answers are computed by
the toolkit from the sample corpus when the check runs, so they follow the library when its
attribution, cleaning or matching improves.

Each tutorial's exercises live in their own module (``exercises_corpus``, ``exercises_who_speaks``,
...), which registers them with :func:`exercise`; importing :mod:`toolkit.teaching` imports them
all.

>>> from toolkit.teaching import check
>>> check("corpus-not-ok", ...)          # prints "Not answered yet: ..." and returns False
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    "Unusable",
    "Verify",
    "exercise",
    "exercises",
    "check",
    "sample",
    "sample_analysis",
    "sample_doc_id",
    "norm",
    "is_table",
    "as_count",
    "as_text",
    "row_for",
    "pick_max",
    "best",
]

Verify = Callable[[Any], tuple[bool, "str | None"]]


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


def is_table(value: Any) -> bool:
    """Whether ``value`` is a pandas DataFrame or Series."""
    import pandas as pd

    return isinstance(value, pd.DataFrame | pd.Series)


def as_count(answer: Any) -> int:
    """An answer that should be a whole number; a table, list or dict counts its rows."""
    if isinstance(answer, bool):
        raise Unusable("give a number (an int), not True or False")
    if is_table(answer) or isinstance(answer, list | tuple | set | dict):
        return len(answer)
    try:
        value = float(str(answer).strip()) if isinstance(answer, str) else float(answer)
    except (TypeError, ValueError):
        raise Unusable(f"give a number; got {type(answer).__name__}") from None
    if not value.is_integer():
        raise Unusable("the answer is a whole number (a count)")
    return int(value)


def as_text(answer: Any, column: str, *, pick: Callable[[pd.DataFrame], Any] | None = None
            ) -> str:
    """An answer that should be a word or name; a table gives the ``column`` value of its
    first row (or of the row ``pick`` chooses)."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        if column not in answer.columns or answer.empty:
            raise Unusable(f"pass the value itself, or a table with a {column!r} column")
        answer = pick(answer) if pick is not None else answer[column].iloc[0]
    elif isinstance(answer, pd.Series):
        answer = answer[column] if column in answer.index else answer.iloc[0]
    if not isinstance(answer, str):
        raise Unusable(f"give the {column} as text (a str), e.g. \"...\"")
    if not answer.strip():
        raise Unusable("the answer is an empty string")
    return answer


def row_for(frame: pd.DataFrame, conditions: Mapping[str, str]) -> pd.DataFrame:
    """The rows of ``frame`` whose columns hold the given values (columns it lacks are
    ignored)."""
    mask = True
    for column, value in conditions.items():
        if column in frame.columns:
            mask = mask & (frame[column].astype(str) == value)
    return frame[mask] if mask is not True else frame


def pick_max(column: str, key: str) -> Callable[[pd.DataFrame], Any]:
    """A ``pick`` for :func:`as_text`: the ``key`` of the row with the largest ``column``."""
    def pick(table: pd.DataFrame) -> Any:
        if column not in table.columns:
            raise Unusable(f"pass the name itself, or a table with a {column!r} column")
        return table.sort_values(column, ascending=False, kind="stable")[key].iloc[0]
    return pick


def best(table: pd.DataFrame, key: str, column: str) -> set[str]:
    """The normalized ``key`` values of the rows that share the largest ``column``."""
    top = table[column].max()
    return {norm(v) for v in table.loc[table[column] == top, key]}


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
    """The exercises the checker knows: exercise_id, tutorial, question."""
    import pandas as pd

    return pd.DataFrame([(k, e.tutorial, e.question) for k, e in _in_course_order()],
                        columns=["exercise_id", "tutorial", "question"])


def check(exercise_id: str, answer: Any) -> bool:
    """Check an exercise answer against what the toolkit computes from the sample corpus.

    Prints ``Correct!`` or a hint (never the answer) and returns True or False. ``answer = ...``
    (not answered yet) prints the question again with a hint. An unknown ``exercise_id`` raises
    :class:`~toolkit.errors.ParameterError` listing the known ones.
    """
    entry = _EXERCISES.get(exercise_id)
    if entry is None:
        raise ParameterError(f"no exercise {exercise_id!r}",
                             hint="known: " + ", ".join(k for k, _ in _in_course_order()))
    if answer is Ellipsis:
        print(f"Not answered yet: {entry.question}\nHINT: {entry.hint}")
        return False
    if answer is None:
        print("The answer is None: did the last line of your code print the value instead of "
              f"returning it?\nHINT: {entry.hint}")
        return False
    try:
        ok, hint = entry.verify(answer)
    except Unusable as exc:
        ok, hint = False, str(exc)
    if ok:
        print("Correct!")
        return True
    print(f"Not quite. HINT: {hint or entry.hint}")
    return False
