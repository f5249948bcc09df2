"""The report runner: check everything, then execute each notebook with papermill into a
staging folder and move the finished run into place (see :mod:`toolkit.report.layout`)."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import gc
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.errors import (
    CorpusNotFoundError,
    NotebookCellError,
    ReportError,
    ReportParameterError,
    cell_failure_message,
)
from toolkit.report import html as html_out
from toolkit.report import layout, outputs
from toolkit.report import manifest as record
from toolkit.report.kernel import KERNEL_NAME, ensure_kernel, execute_notebook, load_nbformat
from toolkit.report.params import (
    COLUMN_PARAMETERS,
    Declared,
    check_corpus,
    check_dates,
    check_values,
    declared_parameters,
    load_params_file,
    parse_assignments,
)

__all__ = ["DEFAULT_NOTEBOOKS", "NOTEBOOKS_DIR", "RunResult", "run_report", "select_notebooks"]

DEFAULT_NOTEBOOKS = ("speakers", "reported_speech", "framing", "overview")
# The report notebooks ship inside the package (package data), so an installed copy has them.
NOTEBOOKS_DIR = Path(__file__).resolve().parent / "notebooks"
WORK = ".work"
# The analysis the notebooks of a run share (see toolkit.report.loading), in the WORK folder.
ANALYSIS_FILE = "analysis.pickle"


@dataclass(frozen=True)
class RunResult:
    """The outcome of :func:`run_report`: ``status`` is ``ok`` (a new run at ``path``) or
    ``unchanged`` (nothing to do; ``path`` is the latest run); ``removed`` lists the run
    folders the retention options deleted; ``stale_lock`` the lock a killed run left behind,
    if any (it was taken over)."""

    status: str
    run_id: str
    path: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    removed: tuple[Path, ...] = ()
    stale_lock: layout.StaleLock | None = None


@dataclass
class _Plan:
    """Everything a run needs, checked before any kernel starts."""

    corpus: Path
    notebooks: list[Path]
    declared: dict[str, dict[str, Declared]]
    parameters: dict[str, Any]
    kernel: str
    timeout: float | None
    quiet: bool
    jobs: int = 1
    workers: int | None = None
    forker: Any = None


def run_report(corpus: str | os.PathLike[str], *, name: str | None = None,
               out: str | os.PathLike[str] = "reports",
               parameters: Mapping[str, Any] | None = None, assignments: Sequence[str] = (),
               params_file: str | os.PathLike[str] | None = None,
               notebooks: Sequence[str] | None = None,
               notebooks_dir: str | os.PathLike[str] | None = None,
               date_from: str | None = None, date_to: str | None = None,
               skip_if_unchanged: bool = False, quiet: bool = False,
               timeout: float | None = 600, kernel_name: str = KERNEL_NAME,
               keep: int | None = None, prune_failed: bool = False,
               jobs: int | None = None, workers: int | None = None) -> RunResult:
    """Run the report notebooks on ``corpus`` into ``OUT/NAME/RUN_ID/``.

    Parameter values come from ``params_file`` (YAML), then ``parameters`` (typed values),
    then ``assignments`` (``"key=value"`` texts as given to ``-p``), then the dates. Everything
    is checked before any kernel starts. ``timeout`` is per cell, in seconds. ``jobs``
    notebooks run at once, each in its own kernel (default: one more than the cores, at most
    4: a kernel also waits on its messages and files, and a third kernel on two cores fills
    those gaps; each kernel holds the corpus's tables, so fewer jobs hold less memory).

    Retention: ``keep=N`` removes all but the N newest good runs after a good (or unchanged)
    run; ``prune_failed`` removes the failed runs kept in ``_failed`` before the run starts
    (a run failing now is kept). A lock left by a killed run is reported on stderr and taken
    over.

    Errors (all :class:`~toolkit.errors.ReportError`): a bad value, parameters file, date or
    name raises :class:`~toolkit.errors.ReportParameterError` (also a ``ParameterError``);
    another run of the same name holding the lock :class:`~toolkit.errors.ReportInProgressError`;
    a missing kernel that cannot be registered, or one running another Python,
    :class:`~toolkit.errors.KernelError`; a failing cell
    :class:`~toolkit.errors.NotebookCellError`, after the run is moved to
    ``OUT/NAME/_failed/RUN_ID/``; a reports folder that is not writable, or a full disk,
    :class:`~toolkit.errors.ReportWriteError` (the run is moved to ``_failed/`` when that can be
    written, else removed; ``latest`` keeps naming the previous run).
    """
    if name is not None:
        layout.check_name(name, out)
    if keep is not None and (isinstance(keep, bool) or not isinstance(keep, int) or keep < 1):
        raise ReportParameterError(f"keep must be a whole number of runs >= 1, got {keep!r}")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)
                                or workers < 1):
        raise ReportParameterError(f"workers must be a whole number of processes >= 1, got "
                                   f"{workers!r}")
    # Started first: its imports run while the corpus is checked and analysed.
    forker = _start_forker()
    try:
        plan = _plan(corpus, parameters or {}, assignments, params_file, notebooks,
                     notebooks_dir, date_from, date_to, kernel_name, timeout, quiet, workers)
        # What the run holds until it ends (the corpus's scan, then its analysis) is left out
        # of the collector's full passes, which would otherwise go over it again and again.
        gc.freeze()
        plan.jobs = _jobs(jobs, len(plan.notebooks))
        plan.workers = workers
        plan.forker = forker
        folder = layout.report_folder(out, name or _default_name(plan.corpus))
        try:
            return _locked_run(plan, folder, skip_if_unchanged, keep, prune_failed)
        except OSError as exc:
            raise layout.write_error(exc, folder) from exc
    finally:
        gc.unfreeze()
        if forker is not None:
            forker.close()


def _locked_run(plan: _Plan, folder: Path, skip_if_unchanged: bool, keep: int | None,
                prune_failed: bool) -> RunResult:
    with layout.run_lock(folder, started_at=_stamp(_now())) as stale:
        if stale is not None:
            print(f"toolkit report: {stale.describe()}; taken over", file=sys.stderr)
        layout.sweep_stale(folder)
        removed = layout.prune_failed(folder) if prune_failed else []
        inputs = _inputs(plan)
        fingerprint = record.fingerprint(inputs)
        result = _unchanged_since(folder, fingerprint) if skip_if_unchanged else None
        if result is None:
            result = _execute_run(plan, folder, inputs, fingerprint)
        if keep is not None:
            removed += layout.prune_runs(folder, keep)
        return replace(result, removed=tuple(removed), stale_lock=stale)


def _jobs(jobs: int | None, n_notebooks: int) -> int:
    if jobs is None:
        jobs = min((os.cpu_count() or 1) + 1, 4)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ReportParameterError(f"jobs must be a whole number >= 1, got {jobs!r}")
    return max(1, min(jobs, n_notebooks))


def _plan(corpus: str | os.PathLike[str], parameters: Mapping[str, Any],
          assignments: Sequence[str], params_file: str | os.PathLike[str] | None,
          notebooks: Sequence[str] | None, notebooks_dir: str | os.PathLike[str] | None,
          date_from: str | None, date_to: str | None, kernel_name: str,
          timeout: float | None, quiet: bool, workers: int | None = None) -> _Plan:
    """Check the corpus, notebooks, parameters and kernel; start nothing."""
    path = Path(corpus).resolve()
    if not path.exists():
        raise CorpusNotFoundError("no such file or folder", path=os.fspath(corpus),
                                  hint="give --corpus a folder of articles or a corpus file")
    folder = Path(notebooks_dir or NOTEBOOKS_DIR).resolve()
    selected = select_notebooks(notebooks, folder, quiet=quiet)
    declared = {nb.stem: declared_parameters(nb) for nb in selected}
    values = _gather_values(params_file, parameters, assignments, date_from, date_to)
    checked = check_values(values, declared)
    check_dates(checked.get("date_from"), checked.get("date_to"))
    check_corpus(str(path), date_from=checked.get("date_from"), date_to=checked.get("date_to"),
                 group_by=checked.get("group_by"), keyness_group=checked.get("keyness_group"),
                 columns={k: checked[k] for k in COLUMN_PARAMETERS if k in checked},
                 workers=workers)
    return _Plan(path, selected, declared, checked, ensure_kernel(kernel_name), timeout, quiet)


def _gather_values(params_file: str | os.PathLike[str] | None, parameters: Mapping[str, Any],
                   assignments: Sequence[str], date_from: str | None, date_to: str | None
                   ) -> dict[str, tuple[Any, str | None]]:
    """``{name: (value, text as typed or None)}``; later sources win."""
    values = load_params_file(params_file) if params_file is not None else {}
    values.update({k: (v, None) for k, v in parameters.items()})
    values.update(parse_assignments(assignments))
    dates = {"date_from": date_from, "date_to": date_to}
    values.update({k: (v, None) for k, v in dates.items() if v is not None})
    return values


def select_notebooks(names: Sequence[str] | None, folder: Path, *,
                     quiet: bool = False) -> list[Path]:
    """The notebooks to run, in order. Named notebooks must exist; of the default list, the
    ones not written yet are skipped with a note on stderr."""
    wanted = [n.removesuffix(".ipynb") for n in (names or DEFAULT_NOTEBOOKS)]
    found = [folder / f"{n}.ipynb" for n in wanted if (folder / f"{n}.ipynb").is_file()]
    missing = [n for n in wanted if not (folder / f"{n}.ipynb").is_file()]
    available = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    hint = f"available: {', '.join(available) or 'none'}"
    if missing and (names or not found):
        raise ReportError(f"notebook(s) not found: {', '.join(missing)}", path=str(folder),
                          hint=hint)
    if missing and not quiet:
        print(f"toolkit report: skipping {', '.join(missing)} (not in {folder} yet)",
              file=sys.stderr)
    return found


def _default_name(corpus: Path) -> str:
    return corpus.stem if corpus.is_file() else corpus.name


def _inputs(plan: _Plan) -> dict[str, Any]:
    """What the results depend on; its fingerprint decides ``--skip-if-unchanged``."""
    cache = plan.parameters.get("cache", True) is not False
    return {"corpus": record.corpus_hashes(plan.corpus, cache=cache),
            "lexicons": record.lexicon_hashes(),
            "notebooks": {nb.name: record.sha256_file(nb) for nb in plan.notebooks},
            "toolkit_version": __version__, "toolkit_source": record.source_hash(),
            "parameters": {"corpus": str(plan.corpus), **plan.parameters}}


def _unchanged_since(folder: Path, fingerprint: str) -> RunResult | None:
    latest = layout.latest_run(folder)
    manifest = record.read_json(latest / "manifest.json") if latest else None
    if latest is None or manifest is None or manifest.get("fingerprint") != fingerprint:
        return None
    return RunResult("unchanged", latest.name, latest, manifest)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _stamp(moment: _dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _execute_run(plan: _Plan, folder: Path, inputs: dict[str, Any],
                 fingerprint: str) -> RunResult:
    started = _now()
    run_id = layout.new_run_id(folder, started)
    staging = layout.staging_folder(folder, run_id)
    manifest = {"name": folder.name, "run_id": run_id, "status": "running", "error": None,
                "started_at": _stamp(started), "finished_at": None, "kernel": plan.kernel,
                "timeout_seconds": plan.timeout, "fingerprint": fingerprint,
                "parameters": inputs["parameters"],
                "inputs": {"corpus": inputs["corpus"], "lexicons": inputs["lexicons"],
                           "notebooks": inputs["notebooks"]},
                **record.environment(), "notebooks": []}
    shared = staging / WORK / ANALYSIS_FILE
    try:
        env, scans = _prepare(plan, manifest, shared)
        with _beside(scans):
            headline = _run_notebooks(plan, staging, manifest, _previous_durations(folder),
                                      env)
        _finish(staging, manifest, headline)
        final = layout.promote(staging, folder)
    except BaseException as exc:
        from toolkit.report.loading import analysis_files

        for file in analysis_files(shared):
            file.unlink(missing_ok=True)
        _fail(staging, folder, manifest, exc)
        raise
    return RunResult("ok", run_id, final, manifest)


@contextmanager
def _beside(work: Callable[[], None] | None) -> Iterator[None]:
    """Run ``work`` in a thread of its own while inside; on leaving, wait for it and raise
    what it raised (when nothing was raised inside)."""
    if work is None:
        yield
        return
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # raised below, in the run's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="report-values", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failed:
        raise failed[0]


# Set to 0 to start every report kernel as a new interpreter (see toolkit.report.forker).
FORK_VARIABLE = "TOOLKIT_REPORT_FORK"


def _start_forker() -> Any:
    """The process the run's kernels are forked from (see :mod:`toolkit.report.forker`);
    None when kernels start the usual way (turned off, or a system without what forking them
    needs)."""
    from toolkit.report.forker import KernelForker, can_fork
    from toolkit.report.kernel import KERNEL_ENVIRONMENT

    if os.environ.get(FORK_VARIABLE, "1") == "0" or not can_fork():
        return None
    return KernelForker({**os.environ, **KERNEL_ENVIRONMENT})


def _prepare(plan: _Plan, manifest: dict[str, Any], shared: Path
             ) -> tuple[dict[str, str], Callable[[], None] | None]:
    """Analyse the corpus once, into the result store, before any notebook starts, and write
    the analysis to ``shared``: each notebook's ``load_and_analyze`` then reads that file
    instead of loading and analysing the corpus again (and notebooks running side by side do
    not each analyse it). Done when a notebook declares the ``cache`` parameter and it is not
    turned off. Returns the environment variables that name the file to the kernels, and what
    stores the other per-document values the notebooks read (see :func:`_prepare_scans`;
    None: nothing), which may run while the notebooks do: a notebook that asks for a value
    before it is stored computes it. The process the kernels are forked from
    (``plan.forker``) reads the file once, for all."""
    from toolkit.report.loading import (
        ANALYSIS_FILE_VARIABLE,
        analysis_key,
        analyze_corpus,
        articles_path,
        write_analysis,
    )

    declared = any("cache" in names for names in plan.declared.values())
    cache = plan.parameters.get("cache", True)
    if not declared or not cache:
        return {}, None
    start = time.monotonic()
    columns = {k: plan.parameters[k] for k in COLUMN_PARAMETERS if k in plan.parameters}
    values = _scan_values(plan)
    date_from, date_to = plan.parameters.get("date_from"), plan.parameters.get("date_to")
    shared.parent.mkdir(parents=True, exist_ok=True)
    loaded = analyze_corpus(str(plan.corpus), date_from=date_from, date_to=date_to,
                            cache=cache, quiet=True, workers=plan.workers, values=values,
                            articles_file=articles_path(shared), attributions=False,
                            **columns)
    gc.freeze()
    write_analysis(loaded, shared, analysis_key(plan.corpus, date_from, date_to, columns))
    if plan.forker is not None:
        # It reads the analysis, then starts counting the frame tally the framing and
        # overview pages share, while the kernels start.
        plan.forker.preload(str(shared), str(plan.corpus), date_from, date_to, columns)
        plan.forker.count_frames(_lexicons(plan), cache)
    manifest["analysis_seconds"] = round(time.monotonic() - start, 3)
    if not plan.quiet:
        print(f"{'corpus analysis':<28} {manifest['analysis_seconds']:6.1f} s", file=sys.stderr)
    return {ANALYSIS_FILE_VARIABLE: str(shared)}, partial(_prepare_scans, plan, loaded, cache,
                                                          values)


def _scan_values(plan: _Plan) -> dict[str, Any]:
    """What the shipped notebooks read from the result store besides the base tables, as
    ``{name: func}`` of per-document values: frame matches of the ``lexicon`` parameter, word
    counts (keywords) and excluded stretches (the overview's cleaning table)."""
    from functools import partial

    from toolkit.analysis.framing import as_lexicon
    from toolkit.analysis.framing.tables import frame_scan, lexicon_key
    from toolkit.analysis.keyness import word_counts
    from toolkit.analysis.overview import excluded_stretches

    funcs: dict[str, Any] = {}
    for name in _lexicons(plan):
        try:
            lexicon = as_lexicon(name)
        except Exception:  # a notebook reports a bad lexicon itself
            continue
        funcs[f"frames-{lexicon_key(lexicon)}"] = partial(frame_scan, lexicon.matcher)
    if any("extra_stopwords" in declared for declared in plan.declared.values()):
        funcs["words"] = word_counts
    if "overview" in plan.declared:
        funcs["cleaning"] = excluded_stretches
    return funcs


def _lexicons(plan: _Plan) -> list[str]:
    """The frame lexicons the notebooks use: the ``lexicon`` parameter, else each notebook's
    default (as written, not loaded)."""
    import ast

    if "lexicon" in plan.parameters:
        return [plan.parameters["lexicon"]]
    return sorted({ast.literal_eval(declared["lexicon"].default)
                   for declared in plan.declared.values() if "lexicon" in declared}, key=str)


def _prepare_scans(plan: _Plan, loaded: Any, cache: Any, values: dict[str, Any]) -> None:
    """Fill the result store with the ``values`` the analysis pass did not compute (it computes
    them for the documents it analyses, unless the tables of the corpus state were stored
    already), over one worker process per core; the cleaning table covers every loaded
    document, duplicates and documents outside the dates included."""
    from toolkit.analysis.base_tables import fill_stores
    from toolkit.analysis.overview import cleaning_summary

    funcs = {name: func for name, func in values.items() if name != "cleaning"}
    if funcs:
        fill_stores(funcs, loaded.articles, store=cache, workers=plan.workers)
    if "cleaning" in values:
        cleaning_summary(loaded.corpus, store=cache, workers=plan.workers,
                         read=loaded.articles)


def _run_notebooks(plan: _Plan, staging: Path, manifest: dict[str, Any],
                   previous: dict[str, float] | None = None,
                   env: dict[str, str] | None = None) -> dict[str, Any]:
    """Execute the notebooks (``plan.jobs`` at a time, each in its own kernel and folder; each
    page is written as soon as its notebook is done), then collect their outputs in notebook
    order. The longest are started first (see
    :func:`_start_order`; ``previous``: each notebook's duration in the last good run), so
    the run does not wait for a long notebook started last. The first failure, in notebook
    order, is raised once every started notebook has stopped."""
    from concurrent.futures import ThreadPoolExecutor

    entries = []
    for notebook in plan.notebooks:
        entry = {"name": notebook.stem, "title": html_out.notebook_title(notebook),
                 "status": "running", "duration_seconds": None, "parameters": [],
                 "tables": [], "figures": []}
        manifest["notebooks"].append(entry)
        entries.append(entry)
    errors: dict[str, BaseException] = {}
    run = f"{manifest['name']} — {manifest['run_id']}"
    pages = [(f"{e['name']}.html", e["title"]) for e in entries]

    def execute(notebook: Path, entry: dict[str, Any]) -> None:
        try:
            _execute_notebook(plan, notebook, staging, staging / WORK / notebook.stem, entry,
                              env)
            # Its page is written now, while the other notebooks still run.
            page = f"{entry['name']}.html"
            html_out.render_notebook(staging / notebook.name, staging / page,
                                     title=f"{entry['title']} — {run}",
                                     nav=html_out.navigation(pages, current=page, run=run))
        except BaseException as exc:  # re-raised below, in notebook order
            errors[notebook.stem] = exc

    with ThreadPoolExecutor(max_workers=plan.jobs) as pool:
        started = [pool.submit(execute, plan.notebooks[i], entries[i])
                   for i in _start_order(plan.notebooks, previous)]
        for future in started:
            future.result()
    owners: dict[str, str] = {}
    headline: dict[str, Any] = {}
    for notebook, entry in zip(plan.notebooks, entries, strict=True):
        if notebook.stem in errors:
            # _fail reports the one left "running": the first failure in notebook order.
            for other in entries:
                if other is not entry:
                    other["status"] = "failed" if other["name"] in errors else "ok"
            raise errors[notebook.stem]
        workdir = staging / WORK / notebook.stem
        entry["tables"] = _collect(workdir, staging, "tables", "*.csv", notebook.stem, owners)
        entry["figures"] = _collect(workdir, staging, "figures", "*.png", notebook.stem, owners)
        entry["headline_labels"] = outputs.read_mapping(workdir / outputs.LABELS_FILE)
        entry["captions"] = outputs.read_mapping(workdir / outputs.CAPTIONS_FILE)
        headline[notebook.stem] = record.read_json(workdir / "headline.json") or {}
        entry["status"] = "ok"
        if not plan.quiet:
            print(f"{notebook.name:<28} {entry['duration_seconds']:6.1f} s", file=sys.stderr)
    shutil.rmtree(staging / WORK, ignore_errors=True)
    return headline


def _execute_notebook(plan: _Plan, notebook: Path, staging: Path, workdir: Path,
                      entry: dict[str, Any], env: dict[str, str] | None = None) -> None:
    workdir.mkdir(parents=True)
    values = {"corpus": str(plan.corpus), "output_dir": str(workdir), **plan.parameters}
    passed = {k: v for k, v in values.items() if k in plan.declared[notebook.stem]}
    entry["parameters"] = sorted(passed)
    start = time.monotonic()
    try:
        entry["failed_kernel_starts"] = execute_notebook(
            notebook, staging / notebook.name, parameters=passed, kernel_name=plan.kernel,
            cwd=workdir, log=workdir / "kernel.log", timeout=plan.timeout, env=env,
            forker=plan.forker)
    finally:
        entry["duration_seconds"] = round(time.monotonic() - start, 3)


def _start_order(notebooks: Sequence[Path], previous: dict[str, float] | None = None
                 ) -> list[int]:
    """The indexes of ``notebooks`` in the order to start them: longest first, by their
    durations in the last good run when all are known (``previous``), else by the length of
    their code. Only the start order changes: outputs are collected in notebook order."""
    import json

    def code_length(notebook: Path) -> int:
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            return 0
        return sum(len("".join(c.get("source", ""))) for c in cells
                   if c.get("cell_type") == "code")

    if previous and all(isinstance(previous.get(nb.stem), int | float) for nb in notebooks):
        expected = [float(previous[nb.stem]) for nb in notebooks]
    else:
        expected = [float(code_length(nb)) for nb in notebooks]
    return sorted(range(len(notebooks)), key=lambda i: -expected[i])


def _previous_durations(folder: Path) -> dict[str, float]:
    """Each notebook's duration in the last good run of the report in ``folder``, if any."""
    latest = layout.latest_run(folder)
    manifest = record.read_json(latest / "manifest.json") if latest else None
    notebooks = manifest.get("notebooks", []) if isinstance(manifest, dict) else []
    return {n["name"]: n["duration_seconds"] for n in notebooks
            if isinstance(n, dict) and isinstance(n.get("name"), str)
            and isinstance(n.get("duration_seconds"), int | float)}


def _collect(workdir: Path, staging: Path, kind: str, pattern: str, stem: str,
             owners: dict[str, str]) -> list[str]:
    """Move a notebook's ``kind/`` files into the run's ``kind/``; two notebooks may not
    write the same file name."""
    names = []
    for path in sorted((workdir / kind).glob(pattern)):
        key = f"{kind}/{path.name}"
        if key in owners:
            raise ReportError(f"{stem}.ipynb and {owners[key]}.ipynb both write {key}",
                              hint="give the outputs distinct names")
        owners[key] = stem
        (staging / kind).mkdir(exist_ok=True)
        os.replace(path, staging / key)
        names.append(path.name)
    return names


def _finish(staging: Path, manifest: dict[str, Any], headline: dict[str, Any]) -> None:
    """Record the run as good and write its index; the notebook pages are written as each
    notebook finishes (see :func:`_run_notebooks`)."""
    manifest.update(status="ok", finished_at=_stamp(_now()))
    record.write_json(staging / "headline.json", headline)
    html_out.write_index(staging, manifest, headline)
    record.write_json(staging / "manifest.json", manifest)


def _fail(staging: Path, folder: Path, manifest: dict[str, Any], exc: BaseException) -> None:
    """Record the error in the manifest and move the run to ``_failed/``; turn a notebook's
    error into a one-line :class:`~toolkit.errors.NotebookCellError` raised from ``exc``, and a
    full disk or a folder that is not writable into a
    :class:`~toolkit.errors.ReportWriteError`. When the failed run cannot be kept (the disk is
    full), its staging folder is removed: no half-written run stays behind."""
    failed = next((n for n in manifest["notebooks"] if n["status"] == "running"), None)
    if failed is not None:
        failed["status"] = "failed"
    notebook = staging / f"{failed['name']}.ipynb" if failed else None
    manifest.update(status="failed", finished_at=_stamp(_now()), error=_describe(exc, notebook))
    try:
        record.write_json(staging / "manifest.json", manifest)
        kept: Path | None = layout.keep_failed(staging, folder)
    except OSError:
        kept = None
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            (folder / layout.STAGING).rmdir()
    where = f"run kept in {kept}" if kept else "the unfinished run was removed"
    write = _write_failure(exc, manifest["error"])
    if write is not None:
        raise layout.write_error(write, folder, note=where) from exc
    if not isinstance(exc, Exception) or isinstance(exc, ReportError):
        return
    error = manifest["error"]
    if notebook is None:
        raise ReportError(error["message"], hint=where) from exc
    raise NotebookCellError(notebook=error["notebook"], cell=error["cell"], ename=error["ename"],
                            evalue=error["evalue"], hint=where) from exc


_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS)


def _write_failure(exc: BaseException, error: dict[str, Any]) -> OSError | None:
    """The OSError behind a failed run when the disk was full or a folder not writable: raised
    here, or by a notebook's cell writing its tables (``[Errno 28] No space left...``)."""
    if isinstance(exc, OSError):
        return exc if exc.errno in _WRITE_ERRNOS else None
    if error.get("ename") in ("OSError", "PermissionError") and error.get("evalue"):
        for number in (errno.ENOSPC, errno.EDQUOT):
            if str(error["evalue"]).startswith(f"[Errno {number}]"):
                return OSError(number, os.strerror(number))
    return None


def _describe(exc: BaseException, notebook: Path | None) -> dict[str, Any]:
    """``{"message": "framing.ipynb cell 7: KeyError: 'outlet'", ...}`` for the manifest;
    ``notebook`` is the executed copy of the failing notebook, if any."""
    load_nbformat()
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        cell = exc.exec_count if exc.exec_count is not None else exc.cell_index
        ename, evalue = exc.ename, exc.evalue or ""
    else:
        cell = _last_executed_cell(notebook) if notebook else None
        ename, evalue = type(exc).__name__, str(exc)
    name = notebook.name if notebook else None
    return {"notebook": name, "cell": cell, "ename": ename, "evalue": evalue,
            "message": cell_failure_message(name, cell, ename, evalue)}


def _last_executed_cell(notebook: Path) -> int | None:
    """The execution count of the last cell that started (the one a timeout stopped)."""
    nbformat = load_nbformat()

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return None
    counts = [c.get("execution_count") for c in cells if c.cell_type == "code"]
    return max((n for n in counts if n), default=None)
