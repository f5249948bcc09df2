"""The report runner, through papermill and the project's kernel, on fixture notebooks.

Kernel starts cost seconds, so one good run (and a second for reproducibility) is shared by the
module; failure, skip and parameter tests copy that run's folder or never start a kernel.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from toolkit import report
from toolkit.cli import main
from toolkit.errors import (
    KernelError,
    NotebookCellError,
    ParameterError,
    ReportError,
    ReportInProgressError,
    ReportParameterError,
    ReportWriteError,
)
from toolkit.report.kernel import _same_interpreter, ensure_kernel
from toolkit.report.params import Declared, check_values
from toolkit.report.run import select_notebooks

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
NAME = "news"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = (f"Breaking: {SCRIPT} officials said\n\n"
           f"The spokesman said {IMG} was posted online, he said.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_path) -> Path:
    """The sample corpus plus one article whose text is HTML markup."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(sample_path / "articles", folder / "articles")
    (folder / "articles" / "2026-04-01_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    metadata = (sample_path / "metadata.csv").read_text(encoding="utf-8")
    metadata += ("2026-04-01_hostile.txt,hostile,The Hostile Post,2026-04-01,"
                 "Markup in the news,A. Writer,https://example.org/hostile\n")
    (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
    return folder


def _run(corpus: Path, out: Path, **options) -> report.RunResult:
    options.setdefault("notebooks", ["outlets", "texts"])
    return report.run_report(corpus, name=NAME, out=out, notebooks_dir=FIXTURES, quiet=True,
                             assignments=["top_n=4"], **options)


@pytest.fixture(scope="module")
def first(corpus, tmp_path_factory) -> report.RunResult:
    return _run(corpus, tmp_path_factory.mktemp("reports1"))


@pytest.fixture(scope="module")
def second(corpus, tmp_path_factory) -> report.RunResult:
    return _run(corpus, tmp_path_factory.mktemp("reports2"))


def _copy_reports(result: report.RunResult, tmp_path: Path) -> Path:
    """A private copy of the good run's OUT folder (with the latest symlink)."""
    out = tmp_path / "reports"
    shutil.copytree(result.path.parent, out / NAME, symlinks=True)
    return out


def _cli(capsys, corpus: Path, out: Path, *args: str) -> tuple[int, str, str]:
    code = main(["report", "--corpus", str(corpus), "--name", NAME, "--out", str(out),
                 "--notebooks-dir", str(FIXTURES), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- a good run ---------------------------------------------------------------------------------

def test_layout(first):
    folder = first.path.parent
    assert first.status == "ok" and first.path == folder / first.run_id
    names = {p.relative_to(first.path).as_posix() for p in first.path.rglob("*")}
    assert names == {"outlets.ipynb", "outlets.html", "texts.ipynb", "texts.html", "tables",
                     "tables/documents_by_outlet.csv", "tables/openings.csv", "figures",
                     "figures/documents_by_outlet.png", "headline.json", "index.html",
                     "manifest.json"}
    assert (folder / "latest").resolve() == first.path.resolve()
    assert (folder / "latest.txt").read_text(encoding="utf-8") == first.run_id + "\n"
    # Nothing is left behind: no staging folder, no lock file.
    assert sorted(p.name for p in folder.iterdir()) == [first.run_id, "latest", "latest.txt"]


def test_run_id_format(first):
    assert len(first.run_id) == len("2026-11-28T081500Z") and first.run_id.endswith("Z")


def test_manifest(first, corpus):
    manifest = json.loads((first.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == first.manifest
    assert manifest["status"] == "ok" and manifest["error"] is None
    assert manifest["run_id"] == first.run_id and manifest["name"] == NAME
    assert manifest["started_at"] <= manifest["finished_at"]
    assert manifest["parameters"] == {"corpus": str(corpus), "top_n": 4}
    assert manifest["python"] == "{}.{}.{}".format(*sys.version_info[:3])
    assert set(manifest["packages"]) == {"pandas", "nltk", "matplotlib", "seaborn",
                                         "papermill", "nbconvert"}
    assert all(manifest["packages"].values()) and manifest["toolkit_version"]
    hostile = corpus / "articles" / "2026-04-01_hostile.txt"
    assert manifest["inputs"]["corpus"]["articles/2026-04-01_hostile.txt"] == \
        hashlib.sha256(hostile.read_bytes()).hexdigest()
    assert len(manifest["inputs"]["corpus"]) == 20
    lexicons = Path(report.__file__).parents[1] / "lexicons"
    assert "abbreviations.txt" in manifest["inputs"]["lexicons"]
    assert all((lexicons / name).is_file() for name in manifest["inputs"]["lexicons"])
    assert manifest["inputs"]["notebooks"]["outlets.ipynb"] == \
        hashlib.sha256((FIXTURES / "outlets.ipynb").read_bytes()).hexdigest()
    by_name = {n["name"]: n for n in manifest["notebooks"]}
    assert by_name["outlets"]["parameters"] == ["corpus", "output_dir", "top_n"]
    assert by_name["texts"]["parameters"] == ["corpus", "output_dir"]
    assert all(n["status"] == "ok" and n["duration_seconds"] > 0 for n in by_name.values())
    assert by_name["outlets"]["tables"] == ["documents_by_outlet.csv"]
    assert by_name["outlets"]["figures"] == ["documents_by_outlet.png"]


def test_tables_hold_real_counts(first, corpus):
    from toolkit.corpus import load

    counts = Counter(r.outlet for r in load(corpus).report() if r.status == "ok")
    path = first.path / "tables" / "documents_by_outlet.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert len(rows) == 4  # top_n=4 reached the notebook as an int
    assert [(r["outlet"], int(r["n_documents"])) for r in rows] == \
        sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
    assert b"\r\n" not in path.read_bytes()


def test_headline_and_index(first, corpus):
    from toolkit.corpus import load

    n_ok = sum(r.status == "ok" for r in load(corpus).report())
    headline = json.loads((first.path / "headline.json").read_text(encoding="utf-8"))
    assert headline["outlets"]["documents"] == n_ok and headline["texts"] == {}
    index = (first.path / "index.html").read_text(encoding="utf-8")
    assert f"<td>{n_ok}</td>" in index and headline["outlets"]["top_outlet"] in index
    for link in ("outlets.html", "texts.ipynb", "tables/openings.csv",
                 "figures/documents_by_outlet.png", "manifest.json"):
        assert f'"{link}"' in index


def test_html_has_no_code(first):
    page = (first.path / "outlets.html").read_text(encoding="utf-8")
    assert "save_table(" not in page and "import pandas" not in page
    assert "Documents per outlet" in page


def test_html_escapes_corpus_text(first):
    assert SCRIPT in (first.path / "tables" / "openings.csv").read_text(encoding="utf-8")
    for page in ("texts.html", "index.html"):
        text = (first.path / page).read_text(encoding="utf-8")
        assert SCRIPT not in text and IMG not in text and "<img src=x" not in text
    text = (first.path / "texts.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_tables_and_figures_are_byte_identical(first, second):
    for kind in ("tables", "figures"):
        a = {p.name: p.read_bytes() for p in (first.path / kind).iterdir()}
        b = {p.name: p.read_bytes() for p in (second.path / kind).iterdir()}
        assert a and a == b


def _stable(manifest: dict) -> dict:
    # The git commit may move if code is committed between the two runs.
    drop = {"run_id", "started_at", "finished_at", "git_commit"}
    kept = {k: v for k, v in manifest.items() if k not in drop}
    kept["notebooks"] = [{k: v for k, v in n.items() if k != "duration_seconds"}
                         for n in manifest["notebooks"]]
    return kept


def test_manifests_differ_only_in_times_and_run_id(first, second):
    assert first.run_id != second.run_id or first.path != second.path
    assert _stable(first.manifest) == _stable(second.manifest)


def _png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append(kind)
        at += 12 + length
    return chunks


def test_png_carries_no_software_or_time(first):
    chunks = _png_chunks((first.path / "figures" / "documents_by_outlet.png").read_bytes())
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunks)


# -- failure --------------------------------------------------------------------------------------

def test_failing_cell_keeps_run_and_latest(first, corpus, tmp_path, capsys):
    out = _copy_reports(first, tmp_path)
    folder = out / NAME
    code, stdout, err = _cli(capsys, corpus, out, "--notebooks", "broken", "--quiet")
    assert code != 0 and stdout == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("toolkit report: error: broken.ipynb cell 4: "
                               "KeyError: 'no_such_column'")
    failed = list((folder / "_failed").iterdir())
    assert len(failed) == 1 and failed[0].name in lines[0]
    manifest = json.loads((failed[0] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed" and manifest["error"]["notebook"] == "broken.ipynb"
    assert manifest["error"]["ename"] == "KeyError" and manifest["error"]["cell"] == 4
    assert (failed[0] / "broken.ipynb").is_file()
    assert (folder / "latest").resolve().name == first.run_id
    assert (folder / "latest.txt").read_text(encoding="utf-8").strip() == first.run_id
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == \
        sorted([first.run_id, "_failed", "latest", "latest.txt"])


def test_failing_cell_raises_a_cell_error_naming_notebook_cell_and_exception(corpus, tmp_path):
    with pytest.raises(NotebookCellError) as caught:
        report.run_report(corpus, name=NAME, out=tmp_path, notebooks_dir=FIXTURES,
                          notebooks=["broken"], quiet=True)
    error = caught.value
    assert isinstance(error, ReportError)
    assert (error.notebook, error.cell, error.ename) == ("broken.ipynb", 4, "KeyError")
    assert error.evalue == "'no_such_column'"
    [kept] = (tmp_path / NAME / "_failed").iterdir()
    assert str(error) == f"broken.ipynb cell 4: KeyError: 'no_such_column' (run kept in {kept})"
    assert type(error.__cause__).__name__ == "PapermillExecutionError"


# -- checks before any kernel starts --------------------------------------------------------------

@pytest.fixture
def no_kernel(monkeypatch):
    import papermill

    def refuse(*args, **kwargs):
        raise AssertionError("a notebook was executed")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)


@pytest.mark.parametrize(("args", "message"), [
    (["-p", "nope=1"], "unknown parameter 'nope' (the selected notebooks declare: date_from, "
                       "date_to, top_n)"),
    (["-p", "top_n=many"], "parameter top_n: expected int, got str 'many'"),
    (["-p", "top_n=2.5"], "parameter top_n: expected int, got float 2.5"),
    (["-p", "top_n=true"], "parameter top_n: expected int, got bool True"),
    (["-p", "corpus=elsewhere"], "parameter corpus is set by the runner"),
    (["--date-from", "2026-13-01"], "parameter date_from: '2026-13-01' is not an ISO date"),
    (["--date-from", "2026-05-01", "--date-to", "2026-04-01"],
     "date_from 2026-05-01 is after date_to 2026-04-01"),
    (["--date-from", "2030-01-01"], "date range empty: no document dated 2030-01-01 to "
                                    "9999-12-31"),
    (["--notebooks", "outlets,missing"], "notebook(s) not found: missing"),
])
def test_bad_parameters_rejected_before_any_kernel(no_kernel, corpus, tmp_path, capsys,
                                                   args, message):
    code, stdout, err = _cli(capsys, corpus, tmp_path, "--notebooks", "outlets", *args)
    assert code == 2 and stdout == ""
    assert err.startswith("toolkit report: error: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / NAME).exists()


@pytest.mark.parametrize(("options", "message"), [
    ({"assignments": ["nope=1"]}, "unknown parameter 'nope'"),
    ({"assignments": ["top_n"]}, "-p expects key=value, got 'top_n'"),
    ({"parameters": {"top_n": "many"}}, "parameter top_n: expected int, got str 'many'"),
    ({"date_from": "2026-13-01"}, "parameter date_from: '2026-13-01' is not an ISO date"),
    ({"date_from": "2030-01-01"}, "date range empty"),
    ({"name": "../elsewhere"}, "report name '../elsewhere' must be letters"),
    ({"workers": 0}, "workers must be a whole number of processes >= 1, got 0"),
])
def test_bad_parameters_raise_a_report_parameter_error(no_kernel, corpus, tmp_path, options,
                                                       message):
    options = {"name": NAME, "out": tmp_path, "notebooks_dir": FIXTURES, "quiet": True,
               "notebooks": ["outlets"], **options}
    with pytest.raises(ReportParameterError, match=re.escape(message)) as caught:
        report.run_report(corpus, **options)
    assert isinstance(caught.value, ParameterError) and isinstance(caught.value, ReportError)


def test_missing_corpus_rejected(no_kernel, tmp_path, capsys):
    code, _, err = _cli(capsys, tmp_path / "absent", tmp_path)
    assert code == 2 and "absent: no such file or folder" in err


def test_params_file_is_checked(no_kernel, corpus, tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("top_n: [1, 2]\n", encoding="utf-8")
    code, _, err = _cli(capsys, corpus, tmp_path, "--notebooks", "outlets",
                        "--params", str(params))
    assert code == 2 and "parameter top_n: expected int, got list [1, 2]" in err


def test_str_parameter_keeps_the_text_typed():
    declared = {"nb": {"label": Declared("label", frozenset({str}), '"x"', "")}}
    assert check_values({"label": (123, "123")}, declared) == {"label": "123"}
    with pytest.raises(ParameterError, match="parameter label: expected str"):
        check_values({"label": (123, None)}, declared)


# -- scheduling -----------------------------------------------------------------------------------

def test_skip_if_unchanged(first, corpus, tmp_path, capsys):
    out = _copy_reports(first, tmp_path)
    stale = out / NAME / ".staging" / "2020-01-01T000000Z"
    stale.mkdir(parents=True)
    code, stdout, _ = _cli(capsys, corpus, out, "--notebooks", "outlets,texts", "-p", "top_n=4",
                           "--skip-if-unchanged")
    assert code == 0 and stdout == f"unchanged since {first.run_id}; nothing to do\n"
    assert len(list((out / NAME).glob("20*"))) == 1
    assert not stale.exists() and (out / NAME / "_failed" / stale.name).is_dir()
    assert not (out / NAME / ".staging").exists()

    code, stdout, _ = _cli(capsys, corpus, out, "--notebooks", "outlets,texts", "-p", "top_n=2",
                           "--skip-if-unchanged", "--quiet")
    new = Path(stdout.strip()).parent
    assert code == 0 and stdout.strip().endswith("index.html") and new.name != first.run_id
    assert (out / NAME / "latest.txt").read_text(encoding="utf-8").strip() == new.name
    rows = (new / "tables" / "documents_by_outlet.csv").read_text(encoding="utf-8")
    assert len(rows.splitlines()) == 3


def test_second_run_of_same_name_is_refused(no_kernel, corpus, tmp_path, capsys):
    (tmp_path / NAME).mkdir()
    with report.layout.run_lock(tmp_path / NAME, started_at="2026-11-28T081500Z"):
        code, _, err = _cli(capsys, corpus, tmp_path, "--notebooks", "outlets")
        assert code == 2 and f"another run of {NAME} is in progress (pid {os.getpid()}" in err
        with pytest.raises(ReportInProgressError,
                           match=f"another run of {NAME} is in progress"):
            _run(corpus, tmp_path, notebooks=["outlets"])
    assert not (tmp_path / NAME / ".lock").exists()


def _killed_holder(folder: Path) -> int:
    """Start a process that takes the report lock, then kill it; return its pid."""
    script = ("import sys, time; from pathlib import Path; from toolkit.report import layout\n"
              "with layout.run_lock(Path(sys.argv[1]), started_at='2026-01-01T000000Z'):\n"
              "    print('locked', flush=True); time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(folder)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    return holder.pid


def test_a_killed_runs_lock_is_reported_and_taken_over(first, corpus, tmp_path, capsys):
    out = _copy_reports(first, tmp_path)
    pid = _killed_holder(out / NAME)
    assert (out / NAME / ".lock").is_file()  # the killed run left its lock file behind
    code, stdout, err = _cli(capsys, corpus, out, "--notebooks", "outlets,texts", "-p",
                             "top_n=4", "--skip-if-unchanged")
    assert code == 0 and stdout == f"unchanged since {first.run_id}; nothing to do\n"
    assert f"stale lock of pid {pid}" in err and "(no longer running)" in err
    assert "started 2026-01-01T000000Z" in err and "taken over" in err
    assert not (out / NAME / ".lock").exists()


def test_lock_of_a_live_process_is_not_stale(tmp_path):
    from toolkit.report import layout

    assert layout.process_alive(os.getpid())
    with layout.run_lock(tmp_path, started_at="now") as stale:
        assert stale is None
        record = json.loads((tmp_path / ".lock").read_text(encoding="utf-8"))
        assert record["pid"] == os.getpid() and record["started_at"] == "now"
    (tmp_path / ".lock").write_text(json.dumps({"pid": os.getpid(), "host": "elsewhere"}),
                                    encoding="utf-8")
    with layout.run_lock(tmp_path) as stale:
        assert stale.pid == os.getpid() and stale.alive is None
        assert "on another host" in stale.describe()


def _fake_runs(folder: Path, run_ids: list[str]) -> None:
    for run_id in run_ids:
        (folder / run_id).mkdir(parents=True)
        (folder / run_id / "index.html").write_text("x", encoding="utf-8")


def test_keep_removes_all_but_the_newest_good_runs_and_never_latest(tmp_path):
    from toolkit.report import layout

    ids = ["2026-01-01T000000Z", "2026-01-02T000000Z", "2026-01-02T000000Z-2",
           "2026-01-02T000000Z-10", "2026-01-03T000000Z"]
    _fake_runs(tmp_path, ids)
    _fake_runs(tmp_path / "_failed", ["2026-01-01T120000Z"])
    (tmp_path / "latest.txt").write_text("2026-01-01T000000Z\n", encoding="utf-8")
    assert [p.name for p in layout.good_runs(tmp_path)] == ids
    removed = layout.prune_runs(tmp_path, 2)
    assert [p.name for p in removed] == ["2026-01-02T000000Z", "2026-01-02T000000Z-2"]
    assert [p.name for p in layout.good_runs(tmp_path)] == [
        "2026-01-01T000000Z", "2026-01-02T000000Z-10", "2026-01-03T000000Z"]
    assert (tmp_path / "_failed" / "2026-01-01T120000Z").is_dir()  # failed runs stay
    assert [p.name for p in layout.prune_failed(tmp_path)] == ["2026-01-01T120000Z"]
    assert not (tmp_path / "_failed").exists()
    with pytest.raises(ReportParameterError, match="keep must be"):
        layout.prune_runs(tmp_path, 0)


def test_keep_and_prune_failed_from_the_command_line(first, corpus, tmp_path, capsys):
    out = _copy_reports(first, tmp_path)
    folder = out / NAME
    _fake_runs(folder, ["2020-01-01T000000Z", "2020-01-02T000000Z"])
    _fake_runs(folder / "_failed", ["2020-01-03T000000Z"])
    code, stdout, err = _cli(capsys, corpus, out, "--notebooks", "outlets,texts", "-p",
                             "top_n=4", "--skip-if-unchanged", "--keep", "1", "--prune-failed")
    assert code == 0 and "unchanged since" in stdout and "removed 3 old run(s)" in err
    assert sorted(p.name for p in folder.iterdir()) == [first.run_id, "latest", "latest.txt"]
    code, _, err = _cli(capsys, corpus, out, "--notebooks", "outlets", "--keep", "0")
    assert code == 2 and "keep must be a whole number of runs >= 1" in err


# -- notebook selection, kernel, helpers ---------------------------------------------------------

def test_default_notebooks_not_written_yet_are_skipped(tmp_path, capsys):
    shutil.copy(FIXTURES / "outlets.ipynb", tmp_path / "speakers.ipynb")
    assert select_notebooks(None, tmp_path) == [tmp_path / "speakers.ipynb"]
    assert "skipping reported_speech, framing, overview" in capsys.readouterr().err
    with pytest.raises(ReportError, match="notebook.s. not found: speakers.*available: none"):
        select_notebooks(None, tmp_path / "empty")


def test_kernel_must_run_this_interpreter(tmp_path, monkeypatch):
    assert _same_interpreter(sys.executable, sys.executable)
    base = Path(sys.executable).resolve()
    if base.parent != Path(sys.executable).parent:  # a virtualenv's link to its base Python
        assert not _same_interpreter(str(base), sys.executable)
    spec = tmp_path / "kernels" / "elsewhere"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "elsewhere", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    with pytest.raises(KernelError, match="kernel 'elsewhere' runs /usr/bin/python3"):
        ensure_kernel("elsewhere")
    assert ensure_kernel() == "discourse-toolkit"


def test_save_helpers(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    frame = pd.DataFrame({"outlet": ["A", "B"], "n": [2, 1]})
    assert report.save_table(frame, "counts", output_dir=tmp_path) is frame
    assert (tmp_path / "tables" / "counts.csv").read_bytes() == b"outlet,n\nA,2\nB,1\n"
    fig, ax = plt.subplots()
    ax.bar(frame["outlet"], frame["n"])
    report.save_figure(ax, "counts", output_dir=tmp_path)
    once = (tmp_path / "figures" / "counts.png").read_bytes()
    report.save_figure(fig, "counts", output_dir=tmp_path)
    plt.close(fig)
    assert (tmp_path / "figures" / "counts.png").read_bytes() == once
    report.save_headline("documents", frame["n"].sum(), output_dir=tmp_path)
    report.save_headline("top", "A", output_dir=tmp_path)
    assert json.loads((tmp_path / "headline.json").read_text(encoding="utf-8")) == \
        {"documents": 3, "top": "A"}
    with pytest.raises(ParameterError, match="table name '../x'"):
        report.save_table(frame, "../x", output_dir=tmp_path)


def test_source_hash_follows_code_changes(tmp_path):
    from toolkit.report.manifest import source_hash

    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not code\n", encoding="utf-8")
    before = source_hash(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code\n", encoding="utf-8")
    assert source_hash(tmp_path) == before
    (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert source_hash(tmp_path) != before


# -- a reports folder that is not writable, a full disk, a name the file system refuses -----------

def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text
    return text


@pytest.mark.parametrize("name", ["n" * 256, "x" * 1000])
def test_a_name_longer_than_the_file_system_takes_is_refused_before_anything_is_written(
        no_kernel, corpus, tmp_path, capsys, name):
    out = tmp_path / "reports"
    with pytest.raises(ReportParameterError, match="give --name a shorter name"):
        report.run_report(corpus, name=name, out=out, notebooks_dir=FIXTURES,
                          notebooks=["outlets"], quiet=True)
    assert not out.exists()
    code, stdout, err = _cli(capsys, corpus, out, "--notebooks", "outlets", "--name", name)
    assert code == 2 and stdout == "" and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("name", ["a\x00b", "a/b", "na\u0308me", "a b", ".hidden"])
def test_a_name_with_characters_the_file_system_refuses_is_a_parameter_error(
        no_kernel, corpus, tmp_path, name):
    out = tmp_path / "reports"
    with pytest.raises(ReportParameterError, match="must be letters, digits"):
        report.run_report(corpus, name=name, out=out, notebooks_dir=FIXTURES,
                          notebooks=["outlets"], quiet=True)
    assert not out.exists()


def test_a_name_of_255_characters_is_taken(tmp_path):
    assert report.run.layout.report_folder(tmp_path, "n" * 255).is_dir()


def test_reports_folder_not_writable(no_kernel, corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "reports"
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self == out or out in self.parents:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ReportWriteError) as caught:
        _run(corpus, out)
    text = _one_line(caught.value)
    assert text.startswith(f"{out}: the reports folder is not writable")
    assert "give --out a writable folder" in text
    code, stdout, err = _cli(capsys, corpus, out, "--notebooks", "outlets")
    assert code == 2 and stdout == "" and err.strip().splitlines() == [
        f"toolkit report: error: {text}"]


def test_report_folder_where_the_lock_cannot_be_written(no_kernel, corpus, tmp_path,
                                                        monkeypatch):
    out = tmp_path / "reports"
    (out / NAME).mkdir(parents=True)
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReportWriteError, match="not writable") as caught:
        _run(corpus, out)
    assert str(out / NAME) in _one_line(caught.value)


def _fail_on(monkeypatch, where: str) -> None:
    """Make the write of one part of a run fail with a full disk."""
    import papermill.execute

    from toolkit.report import layout
    from toolkit.report import manifest as record

    if where == "notebook":
        monkeypatch.setattr(papermill.execute, "write_ipynb", _disk_full)
    elif where == "table":
        real_replace = os.replace

        def replace(source, target, *args, **kwargs):
            if os.fspath(target).endswith(".csv"):
                _disk_full()
            return real_replace(source, target, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
    elif where == "html":
        real_write_text = Path.write_text

        def write_text(self, *args, **kwargs):
            if self.suffix == ".html":
                _disk_full()
            return real_write_text(self, *args, **kwargs)

        monkeypatch.setattr(Path, "write_text", write_text)
    elif where == "manifest":
        real_write_json = record.write_json

        def write_json(path, *args, **kwargs):
            if Path(path).name == "manifest.json":
                _disk_full()
            return real_write_json(path, *args, **kwargs)

        monkeypatch.setattr(record, "write_json", write_json)
    elif where == "latest":
        monkeypatch.setattr(Path, "symlink_to", _disk_full)
        assert layout.LATEST == "latest"


@pytest.mark.parametrize("where", ["notebook", "table", "html", "manifest", "latest"])
def test_a_full_disk_leaves_no_half_written_run(first, corpus, tmp_path, monkeypatch, capsys,
                                                where):
    out = _copy_reports(first, tmp_path)
    folder = out / NAME
    before = {p.name for p in folder.iterdir()}
    failed_before = set(os.listdir(folder / "_failed")) if (folder / "_failed").exists() else set()
    latest = os.readlink(folder / "latest")
    _fail_on(monkeypatch, where)
    with pytest.raises(ReportWriteError) as caught:
        report.run_report(corpus, name=NAME, out=out, notebooks_dir=FIXTURES, quiet=True,
                          notebooks=["texts"])
    monkeypatch.undo()
    text = _one_line(caught.value)
    assert text.startswith(f"{folder}: disk full while writing the report"), text
    assert "free space on that disk or give --out a folder on another disk" in text
    assert not (folder / ".staging").exists()
    assert not (folder / ".lock").exists()
    assert os.readlink(folder / "latest") == latest
    assert (folder / "latest.txt").read_text(encoding="utf-8").strip() == latest
    assert {p.name for p in folder.iterdir()} - before <= {"_failed"}
    assert not [p for p in folder.iterdir() if p.name.startswith(".latest")]
    kept = set(os.listdir(folder / "_failed")) - failed_before if (folder / "_failed").exists() \
        else set()
    if where == "manifest":
        assert not kept and "the unfinished run was removed" in text
    else:
        assert len(kept) == 1 and f"run kept in {folder / '_failed'}" in text
        manifest = json.loads((folder / "_failed" / kept.pop() / "manifest.json").read_text())
        assert manifest["status"] == "failed"
    with report.run.layout.run_lock(folder):  # released: the next run can take it
        pass


def test_the_longest_notebooks_start_first_and_outputs_keep_notebook_order(first, tmp_path):
    from toolkit.report.run import _previous_durations, _start_order

    folder = first.path.parent
    notebooks = [Path(str(n)) for n in sorted(first.path.glob("*.ipynb"))]
    stems = [n.stem for n in notebooks]
    previous = _previous_durations(folder)
    assert sorted(previous) == sorted(e["name"] for e in first.manifest["notebooks"])
    # Known durations decide, longest first.
    durations = {stem: float(i) for i, stem in enumerate(stems)}
    assert [stems[i] for i in _start_order(notebooks, durations)] == stems[::-1]
    # Without a duration for every notebook, the longest code goes first.
    longest = max(notebooks, key=lambda n: sum(
        len("".join(c["source"])) for c in json.loads(n.read_text())["cells"]
        if c["cell_type"] == "code"))
    assert notebooks[_start_order(notebooks, {stems[0]: 1.0})[0]] == longest
    assert _previous_durations(tmp_path) == {}
    # The manifest lists the notebooks in the order asked for, whatever order they started in.
    assert [e["name"] for e in first.manifest["notebooks"]] == ["outlets", "texts"]


def test_the_shared_analysis_is_handed_to_the_kernels_and_never_kept(corpus, tmp_path,
                                                                      monkeypatch):
    from toolkit.report import run as runner
    from toolkit.report.loading import (
        ANALYSIS_FILE_VARIABLE,
        analysis_files,
        analysis_key,
        read_analysis_file,
    )

    seen = {}

    def stop_after_the_analysis(plan, staging, manifest, previous=None, env=None):
        path = Path(env[ANALYSIS_FILE_VARIABLE])
        seen["path"], seen["state"] = path, read_analysis_file(path)
        seen["files"] = [file.name for file in analysis_files(path)]
        raise ReportError("stopped before the notebooks")

    monkeypatch.setattr(runner, "_run_notebooks", stop_after_the_analysis)
    with pytest.raises(ReportError, match="stopped before the notebooks"):
        report.run_report(corpus, name=NAME, out=tmp_path, notebooks=["overview"], quiet=True)
    state = seen["state"]
    assert state["key"] == analysis_key(corpus, None, None, {})
    assert len(state["articles"]) == len(state["analysis"].documents) == 17
    assert "hostile" in set(state["analysis"].documents["doc_id"])
    # The tables are in Arrow files beside it.
    assert seen["files"] == [runner.ANALYSIS_FILE, f"{runner.ANALYSIS_FILE}.articles",
                             *(f"{runner.ANALYSIS_FILE}.{name}.arrow" for name in
                               ("attributions", "documents", "mentions", "quotes"))]
    # A failed run is kept without them.
    [kept] = (tmp_path / NAME / "_failed").iterdir()
    assert seen["path"].name == runner.ANALYSIS_FILE
    assert not [f for f in kept.rglob("*") if f.name.startswith(runner.ANALYSIS_FILE)]


def test_jobs_default_to_one_more_than_the_cores_and_the_command_passes_them(monkeypatch,
                                                                              corpus, tmp_path):
    from toolkit.errors import ReportParameterError
    from toolkit.report.run import _jobs

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _jobs(None, 4) == 3 and _jobs(None, 2) == 2 and _jobs(1, 4) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert _jobs(None, 6) == 4
    with pytest.raises(ReportParameterError, match="jobs must be a whole number"):
        _jobs(0, 4)
    seen = {}

    def fake_run_report(corpus, **options):
        seen.update(options)
        return report.run.RunResult("unchanged", "r", tmp_path)

    monkeypatch.setattr(report, "run_report", fake_run_report)
    assert main(["report", "--corpus", str(corpus), "--out", str(tmp_path), "--jobs", "1",
                 "--quiet"]) == 0
    assert seen["jobs"] == 1
