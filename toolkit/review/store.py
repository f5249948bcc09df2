"""A review folder: the sample, the article texts, and the reviewer's decisions as brat files.

The folder has the PolNeAR layout that :func:`toolkit.attribution.evaluate.load_gold` (and
``toolkit evaluate --gold DIR --split review``) reads::

    DIR/metadata.tsv                          compartment, filename, annotators, doc_id, ...
    DIR/review/text/NAME.txt                  each sampled article, exactly as loaded
    DIR/review/attributions/NAME_REVIEWER.ann the decisions (brat standoff)
    DIR/sample.jsonl                          the sampled attributions, one per line
    DIR/review.json                           how the sample was drawn, strata sizes

Every decision lives in the ``.ann`` file of its article, so a reviewer can stop at any time and
go on later (or correct a file in brat itself). An item judged correct, or corrected, is an
attribution event as in PolNeAR: ``Source``, ``Cue`` and ``Content`` spans tied by an ``E`` line
to an ``Attribution`` trigger on the cue. An item judged wrong is a ``Rejected`` span on its cue
with no event, so the gold holds no attribution there. An ``AnnotatorNotes`` line on the trigger
(or the rejected span) records ``item N VERDICT``. Spans that cross a line break are written as
brat fragments (``S1 E1;S2 E2``), as brat itself does.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit import __version__
from toolkit.errors import FormatError, InputError, ParameterError
from toolkit.progress import progress
from toolkit.review.sample import REVIEW_KINDS, SAMPLE_COLUMNS, draw_sample, strata_sizes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_SPLIT", "VERDICTS", "Decision", "Review", "is_missing", "open_review",
           "read_decisions", "start_review", "write_ann"]

Span = tuple[int, int]
VERDICTS = ("correct", "wrong", "corrected")
DEFAULT_SPLIT = "review"
SETTINGS_FILE = "review.json"
SAMPLE_FILE = "sample.jsonl"
_ROLE_TYPES = (("speaker", "Source"), ("cue", "Cue"), ("content", "Content"))
_NOTE = re.compile(r"item (\d+) (correct|wrong|corrected)\b")
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict on one sampled attribution, with the spans judged right.

    ``correct``: the system's spans stand. ``corrected``: an attribution, with the spans given
    (None where it has no such span, e.g. no content). ``wrong``: not an attribution; ``cue``
    is then the system's cue, which the rejection is anchored to.
    """

    item: int
    verdict: str
    speaker: Span | None = None
    cue: Span | None = None
    content: Span | None = None

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ParameterError(f"verdict {self.verdict!r}", hint=f"use one of {VERDICTS}")
        if self.cue is None:
            raise ParameterError(f"item {self.item}: a decision needs a cue span",
                                 hint="mark the item wrong when it has no reporting cue")
        if self.verdict == "wrong" and (self.speaker or self.content):
            raise ParameterError(f"item {self.item}: a wrong item has no speaker or content")

    def spans(self) -> dict[str, Span | None]:
        return {"speaker": self.speaker, "cue": self.cue, "content": self.content}


def _safe_name(value: str, taken: set[str]) -> str:
    stem = _UNSAFE.sub("_", value).strip("._")[:120] or "doc"
    name, number = stem, 2
    while name.lower() in taken:
        name, number = f"{stem}_{number}", number + 1
    taken.add(name.lower())
    return name


def _cell(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def is_missing(value: Any) -> bool:
    """True for None, NaN and pandas' NA (the empty cells of a table)."""
    try:
        return value is None or bool(value != value)
    except TypeError:  # pandas' NA has no truth value
        return True


def _span(start: Any, end: Any) -> Span | None:
    return None if is_missing(start) or is_missing(end) else (int(start), int(end))


def _fragments(text: str, span: Span) -> list[Span]:
    """``span`` cut at line breaks, blank pieces dropped (brat spans hold no newline)."""
    out = []
    for piece in re.finditer(r"[^\n]+", text[span[0]:span[1]]):
        a, b = span[0] + piece.start(), span[0] + piece.end()
        if text[a:b].strip():
            out.append((a, b))
    return out or [span]


def _t_line(number: int, kind: str, text: str, span: Span) -> str:
    parts = _fragments(text, span)
    where = ";".join(f"{a} {b}" for a, b in parts)
    return f"T{number}\t{kind} {where}\t{' '.join(text[a:b] for a, b in parts)}"


def _last_id(lines: Sequence[str], prefix: str) -> int:
    """The highest number of the ``prefix`` ids (T, E, #) used in ``lines``; 0 for none."""
    found = (re.match(rf"{re.escape(prefix)}(\d+)\t", line) for line in lines)
    return max((int(m.group(1)) for m in found if m), default=0)


def write_ann(text: str, decisions: Iterable[Decision], *, kept: Sequence[str] = ()) -> str:
    """The ``.ann`` text for one article: the ``kept`` lines (annotations that are not review
    decisions, e.g. added in brat) as they are, then the ``decisions`` in item order, numbered
    after the ids the kept lines use."""
    lines: list[str] = list(kept)
    t, e, note = (_last_id(kept, prefix) for prefix in ("T", "E", "#"))
    for decision in sorted(decisions, key=lambda d: d.item):
        args = []
        if decision.verdict != "wrong":
            for role, kind in _ROLE_TYPES:
                span = decision.spans()[role]
                if span is not None and span[1] > span[0]:
                    t += 1
                    lines.append(_t_line(t, kind, text, span))
                    args.append(f"{kind}:T{t}")
            t += 1
            lines.append(_t_line(t, "Attribution", text, decision.cue))
            e += 1
            lines.append(f"E{e}\tAttribution:T{t} " + " ".join(args))
        else:
            t += 1
            lines.append(_t_line(t, "Rejected", text, decision.cue))
        note += 1
        lines.append(f"#{note}\tAnnotatorNotes T{t}\titem {decision.item} {decision.verdict}")
    return "\n".join(lines) + ("\n" if lines else "")


def read_decisions(path: Path) -> dict[int, Decision]:
    """The decisions recorded in one ``.ann`` file, by item number."""
    return _read_ann(path)[0]


def _read_ann(path: Path) -> tuple[dict[int, Decision], list[str]]:
    """The decisions in one ``.ann`` file, and its other lines (kept when it is rewritten)."""
    if not path.is_file():
        return {}, []
    lines = path.read_text(encoding="utf-8").splitlines()
    spans: dict[str, tuple[str, Span]] = {}
    events: dict[str, tuple[str, dict[str, str]]] = {}  # trigger -> (event id, arguments)
    notes: list[tuple[str, int, str, str]] = []
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        head = cells[0]
        if head.startswith("T"):
            kind, _, where = cells[1].partition(" ")
            try:
                pairs = [tuple(int(x) for x in part.split()) for part in where.split(";")]
                spans[head] = (kind, (min(p[0] for p in pairs), max(p[1] for p in pairs)))
            except (ValueError, IndexError):
                raise FormatError(f"bad span list {where!r}", path=str(path), line=number,
                                  hint="brat spans look like 'START END' or 'S1 E1;S2 E2'"
                                  ) from None
        elif head.startswith("E"):
            args = dict(arg.split(":", 1) for arg in cells[1].split() if ":" in arg)
            events[args.get("Attribution", "")] = (head, args)
        elif head.startswith("#") and len(cells) >= 3:
            target = cells[1].partition(" ")[2].strip()
            found = _NOTE.search(cells[2])
            if found:
                notes.append((target, int(found.group(1)), found.group(2), head))
    decisions = {}
    ours: set[str] = set()
    for target, item, verdict, note in notes:
        if verdict == "wrong":
            if target in spans:
                decisions[item] = Decision(item, "wrong", cue=spans[target][1])
                ours.update((target, note))
            continue
        event, args = events.get(target, ("", {}))
        found = {role: spans[args[kind]][1] for role, kind in _ROLE_TYPES
                 if args.get(kind) in spans}
        cue = found.get("cue") or (spans[target][1] if target in spans else None)
        decisions[item] = Decision(item, verdict, found.get("speaker"), cue, found.get("content"))
        ours.update((target, note, event, *args.values()))
    kept = [line for line in lines if line.strip() and line.split("\t", 1)[0] not in ours]
    return decisions, kept


@dataclass
class Review:
    """An open review folder (see the module notes). Make one with :func:`start_review` or
    :func:`open_review`; record verdicts with :meth:`mark` and :meth:`correct`."""

    folder: Path
    settings: dict[str, Any]
    sample: pd.DataFrame = field(repr=False)

    @property
    def split(self) -> str:
        return self.settings["split"]

    @property
    def reviewer(self) -> str:
        return self.settings["reviewer"]

    @cached_property
    def _files(self) -> dict[str, str]:
        """doc_id -> file name stem, from metadata.tsv."""
        with (self.folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
            return {row["doc_id"]: row["filename"]
                    for row in csv.DictReader(handle, delimiter="\t")}

    def text_path(self, doc_id: str) -> Path:
        return self.folder / self.split / "text" / f"{self._files[str(doc_id)]}.txt"

    def ann_path(self, doc_id: str) -> Path:
        name = f"{self._files[str(doc_id)]}_{self.reviewer}.ann"
        return self.folder / self.split / "attributions" / name

    def text(self, doc_id: str) -> str:
        """The article text, read as :func:`~toolkit.attribution.evaluate.load_gold` reads it."""
        return self.text_path(doc_id).read_text(encoding="utf-8")

    def item(self, item: int) -> Mapping[str, Any]:
        """The sampled attribution numbered ``item`` (a row of :attr:`sample`)."""
        rows = self.sample[self.sample["item"] == item]
        if rows.empty:
            raise ParameterError(f"no item {item!r} in this review",
                                 hint=f"items run from 1 to {len(self.sample)}")
        return rows.iloc[0]

    def decisions(self) -> dict[int, Decision]:
        """Every recorded decision by item number, read from the ``.ann`` files."""
        found: dict[int, Decision] = {}
        for doc_id in dict.fromkeys(self.sample["doc_id"]):
            found.update(read_decisions(self.ann_path(doc_id)))
        return dict(sorted(found.items()))

    def pending(self) -> list[int]:
        """Item numbers not yet decided, in review order."""
        done = self.decisions()
        return [int(i) for i in self.sample["item"] if int(i) not in done]

    def system_spans(self, item: int) -> dict[str, Span | None]:
        row = self.item(item)
        return {role: _span(row[f"{role}_start"], row[f"{role}_end"])
                for role in ("speaker", "cue", "content")}

    def record(self, decision: Decision) -> Decision:
        """Save ``decision`` (replacing an earlier one for the same item) into its article's
        ``.ann`` file."""
        doc_id = self.item(decision.item)["doc_id"]
        text = self.text(doc_id)
        for name, span in decision.spans().items():
            if span is not None and not 0 <= span[0] <= span[1] <= len(text):
                raise ParameterError(f"item {decision.item}: {name} span {span} lies outside "
                                     f"the article ({len(text)} characters)")
        path = self.ann_path(doc_id)
        decisions, kept = _read_ann(path)
        decisions[decision.item] = decision
        _write_atomically(path, write_ann(text, decisions.values(), kept=kept))
        return decision

    def mark(self, item: int, verdict: str) -> Decision:
        """Record ``correct`` (the system's spans stand) or ``wrong`` for ``item``."""
        if verdict == "corrected":
            raise ParameterError("use correct(item, speaker=..., cue=..., content=...) to "
                                 "record corrected spans")
        spans = self.system_spans(item)
        if verdict == "wrong":
            spans = {"cue": spans["cue"]}
        return self.record(Decision(int(item), verdict, **spans))

    def correct(self, item: int, *, speaker: Span | None | bool = True,
                cue: Span | bool = True, content: Span | None | bool = True) -> Decision:
        """Record ``item`` as an attribution with corrected spans: each of ``speaker``,
        ``cue``, ``content`` is a ``(start, end)`` span, None for no such span, or True to keep
        the system's. The verdict is ``correct`` when every span equals the system's."""
        system = self.system_spans(item)
        given = {"speaker": speaker, "cue": cue, "content": content}
        spans = {role: system[role] if value is True else _as_span(value, role)
                 for role, value in given.items()}
        verdict = "correct" if spans == system else "corrected"
        return self.record(Decision(int(item), verdict, **spans))

    def undo(self, item: int) -> None:
        """Forget the decision on ``item``."""
        doc_id = self.item(item)["doc_id"]
        path = self.ann_path(doc_id)
        decisions, kept = _read_ann(path)
        decisions.pop(int(item), None)
        _write_atomically(path, write_ann(self.text(doc_id), decisions.values(), kept=kept))


def _as_span(value: Any, role: str) -> Span | None:
    if value is None or value is False:
        return None
    try:
        start, end = (int(v) for v in value)
    except (TypeError, ValueError):
        raise ParameterError(f"{role}={value!r} is not a (start, end) span",
                             hint="give offsets, None for no span, or True to keep") from None
    if end <= start:
        raise ParameterError(f"{role} span {value!r} is empty or reversed")
    return start, end


def _write_atomically(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(path.name + ".part")
    staging.write_text(content, encoding="utf-8", newline="")
    os.replace(staging, path)


def _jsonable(value: Any) -> Any:
    if is_missing(value):
        return None
    return value.item() if hasattr(value, "item") else value


def open_review(folder: str | os.PathLike[str]) -> Review:
    """Open the review in ``folder`` to go on with it or to score it."""
    import pandas as pd

    root = Path(folder)
    settings_path = root / SETTINGS_FILE
    if not settings_path.is_file():
        raise InputError("no review here (review.json is missing)", path=str(root),
                         hint="start one with start_review(corpus, folder) or `toolkit review`")
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in
            (root / SAMPLE_FILE).read_text(encoding="utf-8").splitlines() if line.strip()]
    columns = list(dict.fromkeys([*SAMPLE_COLUMNS, *settings["by"]]))
    sample = pd.DataFrame(rows, columns=columns)
    for column in ("speaker_start", "speaker_end", "content_start", "content_end"):
        sample[column] = sample[column].astype("Int64")
    return Review(root, settings, sample)


def start_review(corpus: Iterable[Any], folder: str | os.PathLike[str], *,
                 quotes: pd.DataFrame | None = None, n: int = 100,
                 by: Sequence[str] = ("kind", "outlet"), seed: int = 0,
                 kinds: Sequence[str] = REVIEW_KINDS, reviewer: str = "reviewer",
                 split: str = DEFAULT_SPLIT) -> Review:
    """Draw a sample of ``corpus``'s attributions and lay out ``folder`` for reviewing it; or,
    when ``folder`` already holds a review drawn with the same settings, open it to go on.

    ``quotes`` is the attribution table of the corpus (``analyze(corpus).quotes``; computed when
    not given). ``n``, ``by``, ``seed`` and ``kinds`` are those of
    :func:`~toolkit.review.sample.draw_sample`; ``reviewer`` names the ``.ann`` files.
    """
    settings = {"n": n, "by": list(by), "seed": seed, "kinds": list(kinds),
                "reviewer": _UNSAFE.sub("_", reviewer).strip("_") or "reviewer",
                "split": split}
    root = Path(folder)
    if (root / SETTINGS_FILE).is_file():
        review = open_review(root)
        stored = {k: review.settings.get(k) for k in settings}
        if stored != settings:
            changed = ", ".join(f"{k}={review.settings.get(k)!r}" for k in settings
                                if stored[k] != settings[k])
            raise ParameterError(f"this folder holds a review drawn with {changed}",
                                 path=str(root), hint="go on with open_review(folder), or "
                                 "start a review with new settings in another folder")
        _check_same_corpus(review, corpus)
        return review
    if root.exists() and any(root.iterdir()):
        raise ParameterError("the folder is not empty and holds no review", path=str(root),
                             hint="give a new or empty folder for the review")
    from toolkit.analysis.grouping import document_frame

    docs = {str(d.doc_id): d for d in progress(corpus, desc="reading articles")}
    if quotes is None:
        from toolkit.analysis import analyze

        quotes = analyze(list(docs.values())).quotes
    documents = document_frame(docs.values())
    sample = draw_sample(quotes, documents, n=n, by=by, seed=seed, kinds=kinds)
    strata = strata_sizes(quotes, documents, by=by, kinds=kinds)
    _lay_out(root, settings, sample, strata, docs)
    return open_review(root)


def _check_same_corpus(review: Review, corpus: Iterable[Any]) -> None:
    """Refuse to go on with a review whose sampled articles are not those of ``corpus``."""
    wanted = set(review.sample["doc_id"])
    texts = {str(d.doc_id): d.text for d in corpus if str(d.doc_id) in wanted}
    differ = [doc_id for doc_id in sorted(wanted)
              if texts.get(doc_id) != review.text(doc_id)]
    if differ:
        raise ParameterError(f"this folder holds a review of another corpus ({len(differ)} "
                             f"sampled article(s) missing or changed, e.g. {differ[0]!r})",
                             path=str(review.folder),
                             hint="review this corpus in another folder")


def _lay_out(root: Path, settings: dict[str, Any], sample: pd.DataFrame, strata: pd.DataFrame,
             docs: Mapping[str, Any]) -> None:
    """Write the review folder through a staging folder, so that it appears complete or not
    at all."""
    import shutil

    staging = root.with_name(root.name + ".part")
    shutil.rmtree(staging, ignore_errors=True)
    texts = staging / settings["split"] / "text"
    anns = staging / settings["split"] / "attributions"
    texts.mkdir(parents=True)
    anns.mkdir(parents=True)
    taken: set[str] = set()
    with (staging / "metadata.tsv").open("w", encoding="utf-8", newline="") as handle:
        table = csv.writer(handle, delimiter="\t", lineterminator="\n")
        table.writerow(["compartment", "filename", "annotators", "doc_id", "publisher",
                        "publication_date", "title"])
        for doc_id in dict.fromkeys(sample["doc_id"]):
            doc = docs[doc_id]
            name = _safe_name(doc_id, taken)
            (texts / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="")
            (anns / f"{name}_{settings['reviewer']}.ann").write_text("", encoding="utf-8")
            table.writerow([settings["split"], name, settings["reviewer"], doc_id,
                            _cell(getattr(doc, "outlet", None)), _cell(getattr(doc, "date", None)),
                            _cell(getattr(doc, "title", None))])
    with (staging / SAMPLE_FILE).open("w", encoding="utf-8", newline="\n") as handle:
        for row in sample.to_dict(orient="records"):
            handle.write(json.dumps({k: _jsonable(v) for k, v in row.items()},
                                    ensure_ascii=False) + "\n")
    by = settings["by"]
    if by:
        drawn = sample.groupby(by, sort=True).size().rename("n_sample").reset_index()
        strata = strata.merge(drawn, on=by, how="left")
        strata["n_sample"] = strata["n_sample"].fillna(0).astype(int)
    else:
        strata = strata.assign(n_sample=len(sample))
    population = [{k: _jsonable(v) for k, v in row.items()}
                  for row in strata.to_dict(orient="records")]
    info = {**settings, "toolkit_version": __version__,
            "n_population": int(strata["n_population"].sum()), "strata": population}
    (staging / SETTINGS_FILE).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    if root.exists():
        root.rmdir()
    os.replace(staging, root)
