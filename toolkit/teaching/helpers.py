"""Helpers for the tutorial notebooks in ``notebooks/tutorials/``: finding the sample corpus,
small display conveniences, and self-checks for the exercises.

``check(exercise_id, answer)`` prints ``Correct!`` or a hint and returns True or False. It never
prints the expected answer and never raises because of an answer: an unanswered exercise
(``answer = ...``) prints "Not answered yet" with a hint. The expected answers are computed by
the toolkit from the sample corpus when the check runs, so they follow the library when its
attribution, cleaning or matching improves.

>>> from toolkit.teaching import check, load_sample
>>> corpus = load_sample()
>>> check("corpus-not-ok", ...)          # prints "Not answered yet: ..." and returns False
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import CorpusNotFoundError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import CorpusAnalysis
    from toolkit.corpus import Corpus

__all__ = [
    "SAMPLE_ENV",
    "PRONOUNS",
    "sample_corpus_path",
    "load_sample",
    "excluded_lines",
    "spans_table",
    "in_context",
    "mark_attribution",
    "attribution_issues",
    "OWN_LEXICON_YAML",
    "exercises",
    "check",
]

SAMPLE_ENV = "TOOLKIT_SAMPLE_CORPUS"
PRONOUNS = ("he", "she", "it", "we", "they")

# The tiny lexicon students write in tutorial 04 (exercise "framing-own-lexicon").
OWN_LEXICON_YAML = """\
name: hardship
version: "0.1"
source: written in class, tutorial 04
descriptions:
  hardship: what the water shortage does to people
frames:
  hardship:
    - drought
    - thirst*
    - ration*
    - price*
"""
_OWN_FRAME = "hardship"
_OWN_TERMS = ("drought", "thirst*", "ration*", "price*")


# ----- finding and loading the sample corpus -------------------------------------------------

def _is_sample(folder: Path) -> bool:
    return (folder / "metadata.csv").is_file() and (folder / "articles").is_dir()


def sample_corpus_path() -> Path:
    """The folder of the built-in sample corpus (``data/sample``), wherever the notebook runs.

    Looks in ``$TOOLKIT_SAMPLE_CORPUS``, then beside the installed package (the repository
    root), then in the current folder and each folder above it.
    """
    candidates = []
    if os.environ.get(SAMPLE_ENV):
        candidates.append(Path(os.environ[SAMPLE_ENV]))
    candidates.append(Path(__file__).resolve().parents[2] / "data" / "sample")
    here = Path.cwd().resolve()
    candidates.extend(folder / "data" / "sample" for folder in (here, *here.parents))
    for folder in candidates:
        if _is_sample(folder):
            return folder.resolve()
    raise CorpusNotFoundError("cannot find the sample corpus (data/sample)",
                              hint=f"set {SAMPLE_ENV} to the folder that holds metadata.csv "
                                   "and articles/")


def load_sample(**options: Any) -> Corpus:
    """The sample corpus, loaded with :func:`toolkit.corpus.load` (``options`` passed on)."""
    from toolkit.corpus import load

    return load(sample_corpus_path(), **options)


# ----- display conveniences ------------------------------------------------------------------

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


_FUNCTION_WORDS = frozenset("""a an the this that these those who which whom whose what it he
she they we i you his her their its our my your some any no one two and or but of to in on at
for with by from as""".split())
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
    if words[0].lower() in _FUNCTION_WORDS or len(speaker) <= 2:
        return "speaker id starts with a function word"
    if any(w.islower() and prev.lower() not in _FUNCTION_WORDS
           and (entry := verbs(w)) is not None and entry.lemma != w
           for prev, w in zip(words, words[1:], strict=False)):
        return "speaker id contains a reporting verb"
    if mention and _ANONYMOUS_HINTS.search(mention) and row["speaker_type"] != "anonymous" \
            and not any(w[:1].isupper() for w in mention.split()[1:] if w.lower() not in
                        _FUNCTION_WORDS):
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


# ----- what the exercises are checked against --------------------------------------------------

@lru_cache(maxsize=1)
def _corpus() -> Corpus:
    return load_sample()


@lru_cache(maxsize=1)
def _analysis() -> CorpusAnalysis:
    from toolkit.analysis import analyze

    return analyze(_corpus())


def _doc_id(prefix: str) -> str:
    ids = [r.doc_id for r in _corpus().report() if r.doc_id and r.doc_id.startswith(prefix)]
    if len(ids) != 1:
        raise CorpusNotFoundError(f"the sample corpus has {len(ids)} documents starting with "
                                  f"{prefix!r}", path=str(sample_corpus_path()))
    return ids[0]


class _Unusable(Exception):
    """The answer has a form the check cannot read; the message is the hint."""


def _norm(value: Any) -> str:
    return " ".join(str(value).replace("\u2019", "'").split()).casefold()


def _is_frame(value: Any) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame | pd.Series)


def _count(answer: Any) -> int:
    """An answer that should be a whole number; a table, list or dict counts its rows."""
    if isinstance(answer, bool):
        raise _Unusable("give a number (an int), not True or False")
    if _is_frame(answer) or isinstance(answer, list | tuple | set | dict):
        return len(answer)
    try:
        value = float(str(answer).strip()) if isinstance(answer, str) else float(answer)
    except (TypeError, ValueError):
        raise _Unusable(f"give a number; got {type(answer).__name__}") from None
    if not value.is_integer():
        raise _Unusable("the answer is a whole number (a count)")
    return int(value)


def _text(answer: Any, column: str, *, pick: Callable[[pd.DataFrame], Any] | None = None) -> str:
    """An answer that should be a word or name; a table gives the ``column`` value of its
    first row (or of the row ``pick`` chooses)."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        if column not in answer.columns or answer.empty:
            raise _Unusable(f"pass the value itself, or a table with a {column!r} column")
        answer = pick(answer) if pick is not None else answer[column].iloc[0]
    elif isinstance(answer, pd.Series):
        answer = answer[column] if column in answer.index else answer.iloc[0]
    if not isinstance(answer, str):
        raise _Unusable(f"give the {column} as text (a str), e.g. \"...\"")
    if not answer.strip():
        raise _Unusable("the answer is an empty string")
    return answer


def _row_for(frame: pd.DataFrame, conditions: Mapping[str, str]) -> pd.DataFrame:
    mask = True
    for column, value in conditions.items():
        if column in frame.columns:
            mask = mask & (frame[column].astype(str) == value)
    return frame[mask] if mask is not True else frame


@dataclass(frozen=True)
class _Exercise:
    tutorial: str
    question: str
    hint: str
    verify: Callable[[Any], tuple[bool, str | None]]


_EXERCISES: dict[str, _Exercise] = {}


def _exercise(exercise_id: str, tutorial: str, question: str, hint: str):
    def register(func: Callable[[Any], tuple[bool, str | None]]):
        _EXERCISES[exercise_id] = _Exercise(tutorial, question, hint, func)
        return func
    return register


def exercises() -> pd.DataFrame:
    """The exercises the checker knows: exercise_id, tutorial, question."""
    import pandas as pd

    return pd.DataFrame([(k, e.tutorial, e.question) for k, e in _EXERCISES.items()],
                        columns=["exercise_id", "tutorial", "question"])


def check(exercise_id: str, answer: Any) -> bool:
    """Check an exercise answer against what the toolkit computes from the sample corpus.

    Prints ``Correct!`` or a hint (never the answer) and returns True or False. ``answer = ...``
    (not answered yet) prints the question again with a hint. An unknown ``exercise_id`` raises
    :class:`~toolkit.errors.ParameterError` listing the known ones.
    """
    exercise = _EXERCISES.get(exercise_id)
    if exercise is None:
        raise ParameterError(f"no exercise {exercise_id!r}",
                             hint="known: " + ", ".join(_EXERCISES))
    if answer is Ellipsis:
        print(f"Not answered yet: {exercise.question}\nHINT: {exercise.hint}")
        return False
    if answer is None:
        print("The answer is None: did the last line of your code print the value instead of "
              f"returning it?\nHINT: {exercise.hint}")
        return False
    try:
        ok, hint = exercise.verify(answer)
    except _Unusable as exc:
        ok, hint = False, str(exc)
    if ok:
        print("Correct!")
        return True
    print(f"Not quite. HINT: {hint or exercise.hint}")
    return False


# ----- tutorial 01: the corpus ---------------------------------------------------------------

_DUP_DOC = "2026-05-28_valdoria-wire"
_OFFSET_DOC = "2026-03-09_harbor-ledger"


@_exercise("corpus-not-ok", "01_corpus",
           "How many input files did the loader skip or mark as duplicate?",
           "look at the status column of corpus.summary(): count the rows whose status is "
           "not 'ok'")
def _corpus_not_ok(answer: Any) -> tuple[bool, str | None]:
    records = _corpus().report()
    expected = sum(r.status != "ok" for r in records)
    got = _count(answer)
    if got == expected:
        return True, None
    if got == len(records):
        return False, "that is every input file; count only those whose status is not 'ok'"
    if got == len(records) - expected:
        return False, "that is the number of 'ok' documents; the question asks for the others"
    return False, None


def _repeated_headline_spans() -> list[Any]:
    from toolkit.corpus.clean import normalize_line

    doc = _corpus().get(_doc_id(_DUP_DOC))
    key = normalize_line(doc.title or doc.text.splitlines()[0])
    return [x for x in doc.cleaned.excluded if normalize_line(doc.text[x.start:x.end]) == key]


@_exercise("corpus-excluded-reason", "01_corpus",
           "The 2026-05-28 Valdoria Wire story repeats its headline on lines 2 and 3. What "
           "reason does the cleaner give for leaving those lines out?",
           "use excluded_lines(corpus) (or doc.cleaned.excluded) and read the reason column "
           "of the rows whose text is the headline")
def _corpus_excluded_reason(answer: Any) -> tuple[bool, str | None]:
    spans = _repeated_headline_spans()
    expected = {_norm(x.reason) for x in spans}
    if hasattr(answer, "reason") and not _is_frame(answer):
        answer = answer.reason
    got = _norm(_text(answer, "reason"))
    if expected and got in expected:
        return True, None
    doc = _corpus().get(_doc_id(_DUP_DOC))
    others = {_norm(x.reason) for x in doc.cleaned.excluded} - expected
    if got in others:
        return False, ("that reason belongs to another excluded line of this article; pick "
                       "the rows whose text repeats the headline")
    return False, None


def _first_sentence_after_headline() -> tuple[tuple[int, int], Any]:
    from toolkit.corpus.segment import segment

    doc = _corpus().get(_doc_id(_OFFSET_DOC))
    seg = segment(doc.text, excluded=doc.excluded)
    headline_end = seg.paragraphs[0][1]
    span = next(s for s in seg.sentences if s[0] >= headline_end)
    return span, doc


@_exercise("corpus-offsets", "01_corpus",
           "Give the character offsets (start, end) of the first sentence after the headline "
           "of the 2026-03-09 Harbor Ledger article.",
           "segment(doc.text, excluded=doc.excluded).sentences is a list of (start, end) "
           "pairs; the headline is sentence 0")
def _corpus_offsets(answer: Any) -> tuple[bool, str | None]:
    (start, end), doc = _first_sentence_after_headline()
    if isinstance(answer, str):
        if _norm(answer) == _norm(doc.text[start:end]):
            return False, "that is the sentence's text; the question asks for its offsets " \
                          "(start, end), two whole numbers"
        raise _Unusable("give the offsets as a pair of whole numbers: (start, end)")
    try:
        got = tuple(int(v) for v in answer)
    except (TypeError, ValueError):
        raise _Unusable("give the offsets as a pair of whole numbers: (start, end)") from None
    if len(got) != 2:
        raise _Unusable("give exactly two numbers: (start, end)")
    if got == (start, end):
        return True, None
    in_body = doc.cleaned.to_body(start)
    if in_body is not None and got == (in_body, in_body + end - start):
        return False, ("those offsets index doc.body, the cleaned view; offsets in the toolkit "
                       "index doc.text, the text exactly as read from the file")
    if got[1] - got[0] == end - start:
        return False, "right length, wrong place: is this the first sentence after the headline?"
    return False, None


# ----- tutorial 02: who speaks ---------------------------------------------------------------

@_exercise("speakers-top", "02_who_speaks",
           "Which speaker has the most attributions in the sample corpus?",
           "speakers.speaker_table(result.quotes, result.documents) is sorted by "
           "n_attributions, largest first; '(unresolved)' is not a speaker")
def _speakers_top(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.speakers import UNRESOLVED, speaker_table

    table = speaker_table(_analysis().quotes, _analysis().documents)
    table = table[table["speaker"] != UNRESOLVED]
    best = table["n_attributions"].max()
    expected = [str(s) for s in table.loc[table["n_attributions"] == best, "speaker"]]
    got = _norm(_text(answer, "speaker",
                      pick=lambda t: t.loc[t["speaker"] != UNRESOLVED, "speaker"].iloc[0]))
    if got in {_norm(s) for s in expected} or got in {_norm(s.split()[-1]) for s in expected}:
        return True, None
    if got == _norm(UNRESOLVED):
        return False, "'(unresolved)' collects attributions without a speaker; skip that row"
    if got in {_norm(s) for s in table["speaker"]}:
        return False, "that speaker is in the table but not at the top: sort by n_attributions"
    return False, None


@_exercise("speakers-pronouns", "02_who_speaks",
           "How many attributions name their speaker only with a pronoun (he, she, it, we or "
           "they)?",
           "filter result.quotes on the speaker_mention column, lower-cased, with "
           ".isin(teaching.PRONOUNS), and count the rows")
def _speakers_pronouns(answer: Any) -> tuple[bool, str | None]:
    mentions = _analysis().quotes["speaker_mention"].dropna().astype(str).str.strip()
    lowered = mentions.str.lower()
    expected = int(lowered.isin(PRONOUNS).sum())
    got = _count(answer)
    if got == expected:
        return True, None
    if got == int(mentions.isin(PRONOUNS).sum()):
        return False, "'He' and 'She' at the start of a sentence count too: lower-case first"
    if got == int(lowered.isin(("he", "she")).sum()):
        return False, "'it', 'we' and 'they' count as well (institutions and groups speak too)"
    return False, None


def _pick_max(column: str, key: str) -> Callable[[pd.DataFrame], Any]:
    def pick(table: pd.DataFrame) -> Any:
        if column not in table.columns:
            raise _Unusable(f"pass the name itself, or a table with a {column!r} column")
        return table.sort_values(column, ascending=False, kind="stable")[key].iloc[0]
    return pick


def _best(table: pd.DataFrame, key: str, column: str) -> set[str]:
    top = table[column].max()
    return {_norm(v) for v in table.loc[table[column] == top, key]}


@_exercise("speakers-anonymous-outlet", "02_who_speaks",
           "According to the toolkit, which outlet has the highest anonymous-source rate?",
           "speakers.anonymous_rate(result.quotes, result.documents, by='outlet') gives one "
           "rate per outlet; take the outlet with the largest anonymous_rate")
def _speakers_anonymous(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.speakers import anonymous_rate

    table = anonymous_rate(_analysis().quotes, _analysis().documents, by="outlet")
    got = _norm(_text(answer, "outlet", pick=_pick_max("anonymous_rate", "outlet")))
    if got in _best(table, "outlet", "anonymous_rate"):
        return True, None
    if got in {_norm(v) for v in table["outlet"]}:
        return False, ("the question asks what the toolkit measured, which may differ from "
                       "what you expect from reading the articles; sort the anonymous_rate "
                       "table by anonymous_rate")
    return False, "that is not one of the outlets in the anonymous_rate table (check spelling)"


# ----- tutorial 03: reporting verbs ---------------------------------------------------------

def _cue(form: str) -> Any:
    from toolkit.attribution import lookup_verb

    return lookup_verb(form)


@_exercise("verbs-lemma", "03_reporting_verbs",
           "What is the lemma of the reporting verb 'insisted'?",
           "the lemma is the dictionary form of the verb; look at the cue_lemma column of "
           "result.quotes for a row whose cue is 'insisted'")
def _verbs_lemma(answer: Any) -> tuple[bool, str | None]:
    entry = _cue("insisted")
    got = _norm(_text(answer, "cue_lemma"))
    if entry is not None and got == _norm(entry.lemma):
        return True, None
    if got == "insisted":
        return False, "that is the form used in the text; the lemma is the form you would look " \
                      "up in a dictionary"
    return False, None


@_exercise("verbs-category", "03_reporting_verbs",
           "Which stance category does the toolkit give to 'insisted'?",
           "the verb_category column of result.quotes, or verbs.verb_counts(...); "
           "verbs.load_categories() explains each category")
def _verbs_category(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.verbs import load_categories

    entry = _cue("insisted")
    categories = load_categories()
    row = categories[categories["category"] == (entry.category if entry else None)]
    accepted = {_norm(v) for v in row[["category", "label", "signal"]].to_numpy().ravel()}
    got = _norm(_text(answer, "verb_category"))
    if accepted and got in accepted:
        return True, None
    if got in {_norm(v) for v in categories["category"]}:
        return False, ("that is another category; does 'insist' leave the truth of what was "
                       "said open, or present it as fact?")
    return False, None


@_exercise("verbs-neutral-outlet", "03_reporting_verbs",
           "Which outlet has the highest share of neutral reporting verbs?",
           "verbs.category_share(result.quotes, result.documents, by='outlet'), keep the rows "
           "whose verb_category is 'neutral', and compare the share column")
def _verbs_neutral(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.verbs import category_share

    table = category_share(_analysis().quotes, _analysis().documents, by="outlet")
    neutral = table[table["verb_category"] == "neutral"]

    def pick(t: pd.DataFrame) -> Any:
        if "verb_category" in t.columns:
            t = t[t["verb_category"] == "neutral"]
        if t.empty:
            raise _Unusable("the table has no 'neutral' rows")
        return _pick_max("share", "outlet")(t)

    got = _norm(_text(answer, "outlet", pick=pick))
    if got in _best(neutral, "outlet", "share"):
        return True, None
    if got in {_norm(v) for v in neutral["outlet"]}:
        if got == _norm(neutral.sort_values("n", ascending=False)["outlet"].iloc[0]):
            return False, ("that outlet has the most neutral cues, but it also has more cues "
                           "overall: compare the share, not the count n")
        return False, "compare the share column of the neutral rows, largest first"
    return False, "that is not one of the outlets in the table (check spelling)"


# ----- tutorial 04: framing -------------------------------------------------------------------

_RATE_OUTLET, _RATE_FRAME = "The Harbor Ledger", "threat"


@_exercise("framing-rate", "04_framing",
           "What is the rate per 1,000 tokens of the 'threat' frame in The Harbor Ledger "
           "(built-in conflict_cooperation lexicon)?",
           "framing.frame_counts(corpus, 'conflict_cooperation', by='outlet') has a rate "
           "column; pick the row of that outlet and frame")
def _framing_rate(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.framing import frame_counts

    table = frame_counts(_corpus(), "conflict_cooperation", by="outlet")
    row = table[(table["outlet"] == _RATE_OUTLET) & (table["frame"] == _RATE_FRAME)].iloc[0]
    if _is_frame(answer):
        import pandas as pd

        frame = answer.to_frame().T if isinstance(answer, pd.Series) else answer
        frame = _row_for(frame, {"outlet": _RATE_OUTLET, "frame": _RATE_FRAME})
        if "rate" not in frame.columns or len(frame) != 1:
            raise _Unusable("narrow the table to the one row of that outlet and frame, or give "
                            "the number")
        answer = frame["rate"].iloc[0]
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise _Unusable("give the rate as a number") from None
    expected = float(row["rate"])
    if math.isclose(got, expected, rel_tol=0.01, abs_tol=0.05):
        return True, None
    if got == row["n_matches"]:
        return False, "that is the number of matches; the rate divides it by the tokens, x 1,000"
    if math.isclose(got, expected / 1000, rel_tol=0.01):
        return False, "that is per token; the rate is per 1,000 tokens"
    voiced = frame_counts(_corpus(), "conflict_cooperation", by="outlet",
                          quotes=_analysis().quotes)
    voiced = voiced[(voiced["outlet"] == _RATE_OUTLET) & (voiced["frame"] == _RATE_FRAME)]
    for voice in ("rate_journalist", "rate_quoted"):
        if math.isclose(got, float(voiced[voice].iloc[0]), rel_tol=0.01, abs_tol=0.05):
            return False, f"that is {voice}, one voice only; the question asks for all text"
    return False, None


def _own_count(terms: Sequence[str], **options: Any) -> int:
    from toolkit.analysis.framing import frame_matches
    from toolkit.analysis.framing.lexicon import make_lexicon

    corpus = load_sample(**options) if options else _corpus()
    return len(frame_matches(corpus, make_lexicon({_OWN_FRAME: list(terms)})))


@_exercise("framing-own-lexicon", "04_framing",
           "Load your hardship lexicon (teaching.OWN_LEXICON_YAML) from its file and count its "
           "matches in the sample corpus.",
           "lexicon.load_lexicon(path) reads the file; framing.frame_matches(corpus, lex) has "
           "one row per match, or use the n_matches column of framing.frame_counts(corpus, lex)")
def _framing_own(answer: Any) -> tuple[bool, str | None]:
    if _is_frame(answer) and "n_matches" in getattr(answer, "columns", ()):
        answer = int(_row_for(answer, {"frame": _OWN_FRAME})["n_matches"].sum())
    elif _is_frame(answer) and "frame" in getattr(answer, "columns", ()):
        answer = len(answer[answer["frame"] == _OWN_FRAME])
    got = _count(answer)
    expected = _own_count(_OWN_TERMS)
    if got == expected:
        return True, None
    plain = [t.rstrip("*") for t in _OWN_TERMS]
    if got == _own_count(plain):
        return False, "a term without * matches only that exact word: keep the wildcards"
    if got == _own_count(_OWN_TERMS, include_duplicates=True):
        return False, "the syndicated copy is counted twice: load the corpus without " \
                      "include_duplicates"
    return False, None


_KEY_OUTLET = "The Harbor Ledger"


@_exercise("framing-keyness", "04_framing",
           "Which word has the highest G2 (log-likelihood) for The Harbor Ledger compared with "
           "all the other outlets?",
           "keyness.keyness(corpus, by='outlet', group='The Harbor Ledger') is sorted by g2, "
           "largest first")
def _framing_keyness(answer: Any) -> tuple[bool, str | None]:
    from toolkit.analysis.keyness import keyness

    table = keyness(_corpus(), by="outlet", group=_KEY_OUTLET)
    got = _norm(_text(answer, "word", pick=_pick_max("g2", "word")))
    if got in _best(table, "word", "g2"):
        return True, None
    if got in {_norm(w) for w in table.sort_values("log_ratio", ascending=False)["word"][:5]}:
        return False, "that word tops the log ratio (effect size), not G2 (strength of evidence)"
    if got in {_norm(w) for w in table["word"]}:
        return False, "that word is in the keyness table, but not at the top of the g2 column"
    return False, None


# ----- tutorial 05: your own report -----------------------------------------------------------

@_exercise("report-metadata-hash", "05_your_own_report",
           "What SHA-256 does the manifest record for metadata.csv of the copied sample corpus?",
           "manifest['inputs']['corpus'] maps each file of the corpus folder to its SHA-256")
def _report_hash(answer: Any) -> tuple[bool, str | None]:
    from toolkit.report import corpus_hashes

    hashes = corpus_hashes(sample_corpus_path())
    if isinstance(answer, Mapping):
        inputs = answer.get("inputs", {}).get("corpus", answer) if "inputs" in answer else answer
        if "metadata.csv" not in inputs:
            raise _Unusable("pass the hash text, or the manifest dict")
        answer = inputs["metadata.csv"]
    got = _norm(_text(answer, "sha256"))
    if got == hashes["metadata.csv"]:
        return True, None
    if got in set(hashes.values()):
        return False, "that is the hash of another file of the corpus; look up 'metadata.csv'"
    if not re.fullmatch(r"[0-9a-f]{64}", got):
        return False, "a SHA-256 is 64 hexadecimal characters (0-9, a-f)"
    return False, None


@_exercise("report-corpus-files", "05_your_own_report",
           "How many files of the copied corpus folder did the manifest record a hash for?",
           "count the entries of manifest['inputs']['corpus'] (len of the dict)")
def _report_files(answer: Any) -> tuple[bool, str | None]:
    from toolkit.report import corpus_hashes

    hashes = corpus_hashes(sample_corpus_path())
    if isinstance(answer, Mapping) and "inputs" in answer:
        answer = answer["inputs"].get("corpus", {})
    got = _count(answer)
    if got == len(hashes):
        return True, None
    articles = sum(1 for k in hashes if k.startswith("articles/"))
    if got == articles:
        return False, "the articles are not the only files: every file in the folder is hashed"
    if got == len(_corpus().report()):
        return False, "that is the number of documents; the manifest hashes files, all of them"
    return False, None
