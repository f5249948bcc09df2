"""Score attributions against brat standoff gold in the PolNeAR layout.

Layout: ``DIR/metadata.tsv`` (columns compartment, filename, annotators, ...) and
``DIR/SPLIT/text/NAME.txt`` with ``DIR/SPLIT/attributions/NAME_ANNOTATOR.ann``; the first listed
annotator is used. One gold attribution per event (``E``) line: its cue is the ``Cue`` span(s),
else the event trigger; its source the ``Source`` span(s); its content ``Content`` + ``Content2``.

Metrics (all over span lists, overlaps counted in characters):

- cue P/R/F1: system and gold attributions are paired one-to-one, largest cue overlap first
  (ties: earlier system record, then earlier gold), a pair needs at least one shared character.
- source accuracy: share of pairs whose gold has a source where the system speaker overlaps it.
- end-to-end P/R/F1: pairs count when the gold has no source or the speaker overlaps it.
- content token F1: over the article's whitespace tokens (a token belongs to a span it overlaps),
  averaged over pairs whose gold has content; a record without content scores 0.
- recall by cue class: gold cues whose head word (first word that is not an auxiliary or adverb;
  "according to" whole) is a speech verb, and all others.
- dup cues: system records whose cue overlaps an earlier record's cue in the same article.

A floating record (``kind`` floating with an empty cue: a cue-less quotation continuing the
previous speaker) is not an attribution of its own: its content joins the content of the record
before it, as PolNeAR annotates such quotations, and it is not counted as a system record. A
record's content is its outer ``content_start``/``content_end`` span.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecodeError, FormatError, InputError, MissingColumnError

__all__ = ["Article", "GoldAttribution", "SystemAttribution", "evaluate_split", "format_metrics",
           "load_gold", "merge_floating", "score"]

Span = tuple[int, int]
SPEECH_VERBS = frozenset("""say tell add claim state note write ask announce explain argue insist reply
respond declare report tweet post comment remark mention answer acknowledge admit assert contend warn
stress emphasize deny confirm testify reiterate recall speak quote concede complain promise vow predict
urge call describe""".split())
_NOT_HEAD = frozenset("""has have had having is are was were be been being am will would could can may
might should must shall do does did not never also just later previously once reportedly repeatedly
then still already even recently publicly privately earlier again often first further quickly simply
to a an the s t""".split())
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
              "spoken": "speak"}


@dataclass(frozen=True)
class GoldAttribution:
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    content: tuple[Span, ...]
    cue_text: str


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    gold: tuple[GoldAttribution, ...]


GOLD_COLUMNS = ("compartment", "filename", "annotators")


def _spans(field: str, *, path: str, line: int, length: int) -> tuple[Span, ...]:
    try:
        spans = tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))
    except ValueError as exc:
        raise FormatError(f"bad span list {field!r}", path=path, line=line,
                          hint="brat spans look like 'START END' or 'S1 E1;S2 E2'") from exc
    for start, end in spans:
        if not 0 <= start <= end <= length:
            raise FormatError(f"span {start} {end} is outside the text (0 to {length} "
                              "characters)", path=path, line=line,
                              hint="the .ann file does not belong to this text, or the text "
                                   "was changed after annotation")
    return spans


def _read_utf8(path: Path, what: str) -> str:
    """A gold file's text, read as UTF-8 with universal newlines, as the annotations count it."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found", path=shown,
                         hint="check metadata.tsv and the SPLIT/text, SPLIT/attributions "
                              "folders") from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path=shown) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{what} is not UTF-8 (byte 0x{data[exc.start]:02x})", path=shown,
                          line=data.count(b"\n", 0, exc.start) + 1,
                          hint="gold offsets count characters of the UTF-8 text") from None
    return io.StringIO(text, newline=None).read()


def read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    """Gold attributions of one brat ``.ann`` file; every span must lie inside ``text``."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    shown = str(path)
    for number, line in enumerate(_read_utf8(Path(path), "annotation file").splitlines(),
                                  start=1):
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        if cells[0].startswith("T") and cells[0][1:].isdigit():
            _, _, where = cells[1].partition(" ")
            spans[cells[0]] = _spans(where, path=shown, line=number, length=len(text))
        elif cells[0].startswith("E") and cells[0][1:].isdigit():
            events.append((number, dict(arg.split(":", 1) for arg in cells[1].split()
                                        if ":" in arg)))
    for number, event in events:
        unknown = [ref for ref in event.values() if ref.startswith("T") and ref not in spans]
        if unknown:
            raise FormatError(f"event refers to {unknown[0]}, which no line defines",
                              path=shown, line=number, hint="the .ann file is incomplete")
    gold = []
    for _, event in events:
        def role(*names: str, event: dict[str, str] = event) -> tuple[Span, ...]:
            return tuple(s for n in names if event.get(n) in spans for s in spans[event[n]])
        cue = role("Cue") or role("Attribution", "Attribution-no-source")
        if cue:
            gold.append(GoldAttribution(cue, role("Source"), role("Content", "Content2"),
                                        " ".join(text[a:b] for a, b in cue)))
    return tuple(gold)


def load_gold(directory: str | Path, *, split: str = "dev", limit: int = 0) -> list[Article]:
    """Articles of one split with their gold attributions."""
    root = Path(directory)
    if not (root / "metadata.tsv").is_file() and (root / "data" / "metadata.tsv").is_file():
        root = root / "data"
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise InputError("no metadata.tsv", path=str(root), hint="pass the PolNeAR folder with --gold")
    reader = csv.DictReader(io.StringIO(_read_utf8(meta, "metadata.tsv"), newline=""),
                            delimiter="\t")
    missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise MissingColumnError(
            f"no {', '.join(repr(c) for c in missing)} column (columns: "
            f"{', '.join(reader.fieldnames or ()) or 'none'})", path=str(meta),
            hint="a PolNeAR metadata.tsv has compartment, filename and annotators columns")
    rows = [(reader.line_num, r) for r in reader if r.get("compartment") == split]
    if not rows:
        raise InputError(f"no article in split {split!r}", path=str(meta), hint="check --split")
    articles = []
    for line, row in rows[:limit or None]:
        name, annotator = row["filename"] or "", (row["annotators"] or "").split("|")[0]
        if not name or not annotator:
            raise FormatError("empty filename or annotators cell", path=str(meta), line=line,
                              hint="name the article and its annotator(s)")
        text_path = Path(os.path.abspath(root / split / "text" / f"{name}.txt"))
        ann = root / split / "attributions" / f"{name}_{annotator}.ann"
        text = _read_utf8(text_path, "article text")
        articles.append(Article(str(text_path), text, read_ann(ann, text)))
    return articles


def _key(word: str) -> str:
    """Suffix-stripping key so that inflections of a verb compare equal."""
    word = _IRREGULAR.get(word, word)
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + repl
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


_SPEECH_KEYS = frozenset(_key(v) for v in SPEECH_VERBS)


def cue_class(cue_text: str) -> str:
    """``speech`` when the cue's head word is a speech verb, else ``other``."""
    words = re.findall(r"[a-z]+", cue_text.lower())
    heads = [w for w in words if w not in _NOT_HEAD] or words
    if not heads or heads[0] == "according":
        return "other"
    return "speech" if _key(heads[0]) in _SPEECH_KEYS else "other"


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _record_spans(record: Mapping[str, object] | object, name: str) -> tuple[Span, ...]:
    get = record.get if isinstance(record, Mapping) else (lambda k: getattr(record, k, None))
    start, end = get(f"{name}_start"), get(f"{name}_end")
    return ((int(start), int(end)),) if start is not None and end is not None else ()


@dataclass(frozen=True)
class SystemAttribution:
    """A system record as the scorer sees it: cue, speaker and content span lists."""

    cue: tuple[Span, ...]
    speaker: tuple[Span, ...]
    content: tuple[Span, ...]


def merge_floating(records: Iterable[Mapping[str, object] | object]) -> list[SystemAttribution]:
    """The span lists of one article's records, a floating record's content appended to the
    record before it (a floating record that comes first is dropped)."""
    merged: list[SystemAttribution] = []
    for record in records:
        kind = record.get("kind") if isinstance(record, Mapping) else getattr(record, "kind", None)
        cue = _record_spans(record, "cue")
        content = _record_spans(record, "content")
        if kind == "floating" and all(a == b for a, b in cue):
            if merged:
                last = merged[-1]
                merged[-1] = SystemAttribution(last.cue, last.speaker, last.content + content)
            continue
        merged.append(SystemAttribution(cue, _record_spans(record, "speaker"), content))
    return merged


def _token_f1(tokens: list[Span], system: Sequence[Span], gold: Sequence[Span]) -> float:
    sys_tokens = {i for i, t in enumerate(tokens) if _overlap([t], system)}
    gold_tokens = {i for i, t in enumerate(tokens) if _overlap([t], gold)}
    shared = len(sys_tokens & gold_tokens)
    return 2 * shared / (len(sys_tokens) + len(gold_tokens)) if shared else 0.0


def _prf(hits: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _score_article(article: Article, records: Sequence[SystemAttribution], counts: Counter[str],
                   contents: list[float]) -> None:
    cues = [r.cue for r in records]
    counts["dup"] += sum(any(_overlap(c, d) for d in cues[:i]) for i, c in enumerate(cues))
    pairs = sorted(((_overlap(c, g.cue), i, j) for i, c in enumerate(cues)
                    for j, g in enumerate(article.gold)), key=lambda p: (-p[0], p[1], p[2]))
    used_sys: set[int] = set()
    used_gold: set[int] = set()
    tokens: list[Span] | None = None
    for shared, i, j in pairs:
        if shared < 1 or i in used_sys or j in used_gold:
            continue
        used_sys.add(i)
        used_gold.add(j)
        gold = article.gold[j]
        counts["match"] += 1
        source_ok = bool(gold.source) and _overlap(records[i].speaker, gold.source) > 0
        counts["source_n"] += bool(gold.source)
        counts["source_ok"] += source_ok
        counts["e2e"] += (not gold.source) or source_ok
        if gold.content:
            tokens = tokens or [m.span() for m in re.finditer(r"\S+", article.text)]
            contents.append(_token_f1(tokens, records[i].content, gold.content))
    for j, gold in enumerate(article.gold):
        cls = cue_class(gold.cue_text)
        counts[f"gold_{cls}"] += 1
        counts[f"hit_{cls}"] += j in used_gold


def score(articles: Iterable[Article], records: Mapping[str, Sequence[object]]) -> dict[str, object]:
    """Metrics of system ``records`` (keyed by article path; dicts or Attributions, floating
    records included) on ``articles``."""
    counts: Counter[str] = Counter()
    contents: list[float] = []
    n_articles = 0
    for article in articles:
        n_articles += 1
        system = merge_floating(records.get(article.path, ()))
        counts["gold"] += len(article.gold)
        counts["system"] += len(system)
        _score_article(article, system, counts, contents)
    p, r, f = _prf(counts["match"], counts["system"], counts["gold"])
    ep, er, ef = _prf(counts["e2e"], counts["system"], counts["gold"])

    def ratio(a: str, b: str) -> float | None:
        return round(counts[a] / counts[b], 4) if counts[b] else None

    return {
        "articles": n_articles, "gold": counts["gold"], "system": counts["system"],
        "matched": counts["match"], "system_dup_cue": counts["dup"],
        "cue_p": round(p, 4), "cue_r": round(r, 4), "cue_f1": round(f, 4),
        "source_acc": ratio("source_ok", "source_n"), "source_n": counts["source_n"],
        "e2e_p": round(ep, 4), "e2e_r": round(er, 4), "e2e_f1": round(ef, 4),
        "content_f1": round(sum(contents) / len(contents), 4) if contents else None,
        "content_n": len(contents),
        "recall_speech": ratio("hit_speech", "gold_speech"), "gold_speech": counts["gold_speech"],
        "recall_other": ratio("hit_other", "gold_other"), "gold_other": counts["gold_other"],
    }


def evaluate_split(directory: str | Path, *, split: str = "dev", limit: int = 0,
                   lexicon: object | None = None) -> dict[str, object]:
    """Run ``toolkit.attribution.extract`` on a gold split (page furniture left out, as the
    ``quotes`` command does) and score it."""
    from toolkit.attribution.pipeline import extract
    from toolkit.corpus.clean import clean

    articles = load_gold(directory, split=split, limit=limit)
    records = {a.path: extract(a.text, doc_id=a.path, lexicon=lexicon,
                               excluded=clean(a.text).excluded_spans)
               for a in articles}
    metrics = score(articles, records)
    metrics["split"] = split
    return metrics


def format_metrics(metrics: Mapping[str, object]) -> str:
    """Human-readable summary of ``score`` output."""
    def f(key: str) -> str:
        value = metrics.get(key)
        return "  n/a" if value is None else f"{value:.3f}"

    return "\n".join([
        f"{metrics.get('split', '')}: {metrics['articles']} articles, {metrics['gold']} gold, "
        f"{metrics['system']} system ({metrics['matched']} matched, {metrics['system_dup_cue']} dup cues)",
        f"  cue         P {f('cue_p')}  R {f('cue_r')}  F1 {f('cue_f1')}",
        f"  end-to-end  P {f('e2e_p')}  R {f('e2e_r')}  F1 {f('e2e_f1')}",
        f"  source acc  {f('source_acc')} (n={metrics['source_n']})   "
        f"content tok-F1 {f('content_f1')} (n={metrics['content_n']})",
        f"  recall speech-verb cues {f('recall_speech')} (n={metrics['gold_speech']})   "
        f"other cues {f('recall_other')} (n={metrics['gold_other']})",
    ])
