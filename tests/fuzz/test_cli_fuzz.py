"""Every subcommand on small hostile corpora in every input format.

The strategies write a corpus to a fresh folder: a folder of .txt files (with or without a
metadata.csv/jsonl), a CSV or TSV table with varied column names, a JSONL feed with nested
news-API fields, or a brat folder of .txt/.ann pairs. Texts mix markup, control characters and
terminal escapes, runs of punctuation, very long tokens, unbalanced quote marks, right-to-left
and CJK script, and are written as UTF-8, cp1252, UTF-16 with a BOM or with invalid bytes.

Each command runs in-process and must end with exit status 0 (1 for ``quotes`` when it names a
skipped input), or 2 with one line naming the problem: never a traceback. Every generated file
or row is in the load report (ok, skipped with a reason, or duplicate with what it copies), every
offset a command prints slices the document text to the field it prints, table output holds no
control character and CSV output no cell a spreadsheet would run as a formula.

``FUZZ_EXAMPLES`` (default 25) sets the examples per test; the seed is fixed, so a run is
reproducible.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.cli.main import main
from toolkit.corpus import load

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- hostile text -------------------------------------------------------------------------------

SENTENCES = [
    "\u201cThe gates stay open,\u201d Maria Ramos said on Monday.",
    '"We will not back down," the minister told reporters.',
    "Officials said the dam was safe, according to a statement.",
    "\u201cUnbalanced, said Tomas Varga.",
    'He said "half a quote and then nothing',
    "The river fell sharply. Water levels dropped.",
]
HOSTILE = [
    "<script>alert(1)</script>", "</table></body>", "<a href=\"javascript:alert(1)\">x</a>",
    "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "\x9b2J", "\x00", "\x07\x08\x0b\x0c", "\r\n",
    "....!!!???", "\u2026\u2026", "=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)",
    "\t=cmd", "a" * 300, "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "\u6c34\u575d\u306e\u6c34\u4f4d\u304c\u4e0b\u304c\u3063\u305f\u3002", "\u202eevil\u202c",
    "\ufeff", "\u2028", "''''", "\u201c\u201c\u201d", "\"", "   ", "\n\n\n",
]
fragments = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE),
                      st.text(max_size=40))
texts = st.lists(fragments, max_size=12).map(" ".join)
ENCODINGS = ["utf-8", "utf-8", "cp1252", "utf-16", "invalid"]


def encoded(text: str, encoding: str) -> bytes:
    if encoding == "invalid":
        data = text.encode("utf-8", "surrogatepass")
        return data[: len(data) // 2] + b"\xff\xfe\xc3(" + data[len(data) // 2:]
    return text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")


names = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)
outlets = st.sampled_from(["Harbor Ledger", "Valley Post", "=Evil Corp", "\u6c34\u62a5", ""])
dates = st.sampled_from(["2026-03-02", "2026-04-15", "not a date", "", "2026-02-30",
                         "Mon, 02 Mar 2026 10:00:00 GMT"])

# -- corpora: each a folder on disk, the PATH to give, options, and what must be reported ------


def _folder(draw, root: Path):
    files = draw(st.lists(st.tuples(names, texts, st.sampled_from(ENCODINGS)), min_size=1,
                          max_size=5, unique_by=lambda f: f[0]))
    folder = root / "news"
    folder.mkdir()
    for name, text, encoding in files:
        (folder / f"{name}.txt").write_bytes(encoded(text, encoding))
    sidecar = draw(st.sampled_from([None, "metadata.csv", "metadata.jsonl"]))
    meta = [{"file": f"{name}.txt", "outlet": draw(outlets), "date": draw(dates)}
            for name, _, _ in files]
    if sidecar == "metadata.csv":
        with open(folder / sidecar, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["file", "outlet", "date"])
            writer.writeheader()
            writer.writerows(meta)
    elif sidecar == "metadata.jsonl":
        (folder / sidecar).write_text("".join(json.dumps(m) + "\n" for m in meta),
                                      encoding="utf-8")
    expected = [f"{name}.txt" for name, _, _ in files]
    return folder, [], expected


def _table(draw, root: Path):
    sep = draw(st.sampled_from([",", "\t"]))
    text_col, id_col, outlet_col = draw(st.sampled_from([
        ("text", "doc_id", "outlet"), ("body", "id", "source"), ("Story Text", "uid", "paper"),
        ("content", "doc_id", "site_name")]))
    rows = draw(st.lists(st.tuples(names, texts, outlets, dates), min_size=1, max_size=6))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "utf-16"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow([id_col, text_col, outlet_col, "date"])
    writer.writerows([list(r) for r in rows])
    path = root / ("news.csv" if sep == "," else "news.tsv")
    path.write_bytes(encoded(buffer.getvalue(), encoding))
    options = []
    if text_col not in ("text", "body", "content"):
        options += ["--text-column", text_col]
    if id_col == "uid":
        options += ["--id-column", id_col]
    if outlet_col in ("source", "paper"):
        options += ["--outlet-column", outlet_col]
    return path, options, len(rows)


def _jsonl(draw, root: Path):
    shape = draw(st.sampled_from(["flat", "news-api"]))
    broken_lines = st.sampled_from([False, False, False, True])  # a cut-off line now and then
    items = draw(st.lists(st.tuples(names, texts, outlets, dates, broken_lines), min_size=1,
                          max_size=6))
    lines = []
    for doc_id, text, outlet, date, broken in items:
        if shape == "flat":
            item = {"doc_id": doc_id, "text": text, "outlet": outlet, "date": date}
        else:
            item = {"url": f"https://x.test/{doc_id}", "title": text[:30],
                    "source": {"id": None, "name": outlet}, "publishedAt": date,
                    "content": text}
        line = json.dumps(item, ensure_ascii=draw(st.booleans()))
        lines.append(line[: len(line) // 2] if broken else line)
    path = root / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    options = ["--outlet-column", "source.name"] if shape == "news-api" else []
    return path, options, len(lines)


def _brat(draw, root: Path):
    files = draw(st.lists(st.tuples(names, texts, st.text(max_size=60)), min_size=1,
                          max_size=4, unique_by=lambda f: f[0]))
    folder = root / "brat"
    folder.mkdir()
    for name, text, ann in files:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        (folder / f"{name}.ann").write_text(f"T1\tSource 0 3\tabc\n{ann}\n", encoding="utf-8",
                                            errors="surrogatepass")
    return folder, [], [f"{name}.txt" for name, _, _ in files]


BUILDERS = {"folder": _folder, "table": _table, "jsonl": _jsonl, "brat": _brat}


@st.composite
def corpora(draw, kind: str):
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    path, options, expected = BUILDERS[kind](draw, root)
    return root, str(path), options, expected


# -- running commands ---------------------------------------------------------------------------

FORMULA = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|nan)",
                          re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
TRIED: dict[str, int] = {}


def run(args: list[str]) -> tuple[int, str, str]:
    """Run ``toolkit ARGS`` in-process; a traceback fails the test with the arguments."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    except SystemExit as exc:  # argparse
        code = exc.code
    except Exception:  # noqa: BLE001 - any exception here is the failure being looked for
        pytest.fail(f"toolkit {' '.join(args)!r} raised:\n{traceback.format_exc()}")
    TRIED[args[0]] = TRIED.get(args[0], 0) + 1
    return code, out.getvalue(), err.getvalue()


def check_outcome(args: list[str], code: int, out: str, err: str, *, ok=(0,)) -> bool:
    """Exit 0 (or a code in ``ok``), or 2 with a one-line error; True when the command ran."""
    assert "Traceback" not in err, (args, err)
    if code == 2:
        lines = [line for line in err.splitlines() if line.startswith(f"toolkit {args[0]}:")]
        assert lines and lines[-1].startswith(f"toolkit {args[0]}: error: "), (args, err)
        assert err.endswith("\n") and err.splitlines()[-1] == lines[-1], (args, err)
        return False
    assert code in ok, (args, code, err)
    return True


def unguard(cell: str) -> str:
    """The CSV cell as the data held it, before the formula guard's leading quote mark."""
    return cell[1:] if cell.startswith("'") and FORMULA.match(cell[1:]) else cell


def check_format(fmt: str, out: str) -> None:
    if fmt == "table":
        assert not CONTROL.search(out), out
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(out, newline="")):
            for cell in row:
                assert not FORMULA.match(cell) or PLAIN_NUMBER.fullmatch(cell), (cell, out)
    else:
        for line in out.split("\n")[:-1]:
            json.loads(line)


def documents(path: str, options: list[str]) -> dict[str, str]:
    """doc_id -> text, read as the commands read it."""
    columns = dict(zip(options[::2], options[1::2], strict=True))
    kwargs = {flag[2:].replace("-", "_"): value for flag, value in columns.items()}
    corpus = load(path, include_duplicates=True, **kwargs)
    return {doc.doc_id: doc.text for doc in corpus}


def exercise(path: str, options: list[str], expected, fmt: str, word: str) -> None:
    """Run every subcommand on the corpus at ``path`` and check what each prints."""
    args = ["corpus", path, *options, "--format", "jsonl"]
    code, out, err = run(args)
    if not check_outcome(args, code, out, err):
        return  # the corpus as a whole cannot be used: a one-line error said why
    records = [json.loads(line) for line in out.split("\n")[:-1]]
    assert all(r["status"] in ("ok", "skipped", "duplicate") for r in records)
    assert all(r["reason"] for r in records if r["status"] == "skipped"), records
    assert all(r["duplicate_of"] for r in records if r["status"] == "duplicate"), records
    if isinstance(expected, int):  # table rows: one record per row
        assert len(records) == expected, (expected, records)
    else:  # files: each named in a record
        reported = {Path(r["path"]).name for r in records}
        assert set(expected) <= reported, (expected, reported)
    texts = documents(path, options)

    args = ["quotes", path, *options, "--format", "jsonl", "--floating"]
    code, out, err = run(args)
    if check_outcome(args, code, out, err, ok=(0, 1)):
        for line in out.split("\n")[:-1]:
            q = json.loads(line)
            text = texts[q["doc_id"]]
            for field, start, end in (("speaker_mention", "speaker_start", "speaker_end"),
                                      ("cue", "cue_start", "cue_end"),
                                      ("content", "content_start", "content_end")):
                if q[start] is not None:
                    assert text[q[start]:q[end]] == q[field], (q, field)

    for args in (["speakers", path, "--top-n", "3"], ["verbs", path, "--table", "by-speaker"],
                 ["frames", path, "--matches"], ["kwic", path, word],
                 ["collocates", path, word, "--min-freq", "1"]):
        args = [*args, *options, "--format", fmt]
        code, out, err = run(args)
        if check_outcome(args, code, out, err):
            check_format(fmt, out)
            if fmt == "csv" and args[0] in ("frames", "kwic"):
                for row in csv.DictReader(io.StringIO(out, newline="")):
                    text = texts[unguard(row["doc_id"])]
                    assert text[int(row["start"]):int(row["end"])] == unguard(row["match"]), row

    outlets_seen = sorted({r["outlet"] for r in records if r["status"] == "ok" and r["outlet"]})
    if outlets_seen:
        args = ["keyness", path, *options, "--by", "outlet", "--group", outlets_seen[0],
                "--min-freq", "1", "--format", fmt]
        code, out, err = run(args)
        if check_outcome(args, code, out, err):
            check_format(fmt, out)


formats = st.sampled_from(["table", "csv", "jsonl"])
words = st.sampled_from(["said", "water", "dam*", "\u6c34", "frame:escalation"])


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_every_command_on_hostile_corpora(kind):
    @FUZZ
    @given(corpus=corpora(kind), fmt=formats, word=words)
    def check(corpus, fmt, word):
        root, path, options, expected = corpus
        try:
            exercise(path, options, expected, fmt, word)
        finally:
            for p in sorted(root.rglob("*"), reverse=True):
                p.rmdir() if p.is_dir() else p.unlink()
            root.rmdir()

    check()
    print(f"fuzz {kind}: commands run {dict(sorted(TRIED.items()))}")


@st.composite
def report_corpora(draw):
    """A folder of hostile articles with a metadata.csv naming two outlets and dates, so that
    every report notebook has groups, dates and quotes to work on."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-report-"))
    folder = root / "news"
    folder.mkdir()
    rows = []
    for i in range(6):
        text = " ".join([SENTENCES[i % 3], draw(texts), SENTENCES[(i + 1) % 3], draw(texts)])
        encoding = draw(st.sampled_from(ENCODINGS))
        (folder / f"a{i}.txt").write_bytes(encoded(text, encoding))
        rows.append([f"a{i}.txt", ["=Evil Corp", "\u6c34\u62a5 <script>"][i % 2],
                     f"2026-03-{i + 1:02d}"])
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["file", "outlet", "date"], *rows])
    return root, folder


@pytest.mark.slow
@settings(max_examples=1, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpus=report_corpora())
def test_report_on_a_hostile_corpus_is_complete(corpus):
    root, folder = corpus
    args = ["report", "--corpus", str(folder), "--out", str(root / "reports"), "--quiet",
            "-p", "keyness_group==Evil Corp"]
    code, out, err = run(args)
    assert code == 0, err
    index = Path(out.strip())
    manifest = json.loads((index.parent / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok" and manifest["error"] is None
    for notebook in ("speakers", "reported_speech", "framing", "overview"):
        assert (index.parent / f"{notebook}.html").is_file()
    tables = sorted((index.parent / "tables").glob("*.csv"))
    assert tables and "<script>" not in index.read_text(encoding="utf-8")
    for table in tables:
        for row in csv.reader(io.StringIO(table.read_bytes().decode("utf-8"), newline="")):
            assert all(not FORMULA.match(c) or PLAIN_NUMBER.fullmatch(c) for c in row), row
