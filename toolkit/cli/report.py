"""The ``toolkit report`` subcommand: run the report notebooks on a corpus into a report folder.

Before anything runs, the corpus is read once with the column options and checked against the
parameters (:func:`toolkit.report.params.check_corpus`); the column options reach the
notebooks as parameters ``text_column``, ``id_column``... The toolkit's report package is
imported only when the command runs, so that building the parser (and with it every other
command's start-up) stays quick.
"""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.options import (
    add_column_options,
    add_date_options,
    add_worker_count_option,
    column_options,
    date_range,
)

__all__ = ["register", "run_report_command"]

DESCRIPTION = """\
Run the report notebooks (all of them, or those named by --notebooks) on a corpus with the
project's kernel and write OUT/NAME/RUN_ID/: executed notebooks, HTML without code,
tables/*.csv, figures/*.png, index.html and manifest.json. OUT/NAME/latest points at the last
good run; a failed run is kept in OUT/NAME/_failed/RUN_ID/ and nothing else changes.
"""

EPILOG = """\
examples:
  toolkit report --corpus data/sample
  toolkit report --corpus articles.csv --name weekly -p top_n=20 --date-from 2026-03-01
  toolkit report --corpus data/sample --skip-if-unchanged --quiet     (for cron)
  toolkit report --corpus data/sample --keep 30 --prune-failed        (retention)
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand."""
    p = subparsers.add_parser("report", help="run the report notebooks into a report folder",
                              description=DESCRIPTION, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", required=True, help="the corpus (folder or file)")
    p.add_argument("--name", default=None,
                   help="report name (default: the corpus folder or file name)")
    p.add_argument("--out", default="reports", help="reports folder (default: reports)")
    p.add_argument("-p", "--parameter", dest="assignments", action="append", default=[],
                   metavar="KEY=VALUE",
                   help="a notebook parameter; VALUE is read as YAML (3, 0.5, true, [a, b]), "
                        "except for a text (str) parameter, which gets VALUE exactly as typed")
    p.add_argument("--params", dest="params_file", default=None, metavar="FILE.yaml",
                   help="notebook parameters from a YAML mapping (-p values win; anchors and "
                        "aliases are refused)")
    p.add_argument("--notebooks", default=None, metavar="A,B",
                   help="comma-separated notebooks to run (default: all)")
    p.add_argument("--notebooks-dir", default=None,
                   help="folder holding the notebooks (default: the report notebooks shipped in "
                        "the toolkit package, toolkit/report/notebooks/)")
    add_date_options(p)
    p.add_argument("--skip-if-unchanged", action="store_true",
                   help="do nothing when inputs, notebooks, lexicons, version and parameters "
                        "equal the latest good run's")
    p.add_argument("--quiet", action="store_true",
                   help="print only errors and the final path")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                   help="longest a single cell may run (default: 600; 0: no limit)")
    p.add_argument("--keep", type=int, default=None, metavar="N",
                   help="after the run, remove all but the N newest good runs (failed runs "
                        "stay until --prune-failed)")
    add_worker_count_option(p, "processes for the corpus analysis before the notebooks run; "
                               "the report is the same for any N (default: the cores available)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="notebooks run at once, each in its own kernel (default: one more than "
                        "the cores, at most 4); fewer hold less memory")
    p.add_argument("--prune-failed", action="store_true",
                   help="remove the failed runs kept in OUT/NAME/_failed before running")
    add_column_options(p)
    p.set_defaults(func=run_report_command)


def run_report_command(args: argparse.Namespace) -> int:
    """Run the report (the runner checks the corpus against the parameters first); print the
    new index.html, or say that nothing changed."""
    _without_iri_grammar()
    from toolkit.report import run_report

    notebooks = [n.strip() for n in args.notebooks.split(",") if n.strip()] \
        if args.notebooks else None
    columns = {k: v for k, v in column_options(args).items() if v is not None}
    result = run_report(
        args.corpus, name=args.name, out=args.out, parameters=columns,
        assignments=args.assignments, params_file=args.params_file, notebooks=notebooks,
        notebooks_dir=args.notebooks_dir, **date_range(args),
        skip_if_unchanged=args.skip_if_unchanged, quiet=args.quiet,
        timeout=args.timeout if args.timeout > 0 else None, keep=args.keep,
        prune_failed=args.prune_failed, workers=args.workers, jobs=args.jobs)
    if result.removed and not args.quiet:
        print(f"removed {len(result.removed)} old run(s)", file=sys.stderr)
    if result.status == "unchanged":
        if not args.quiet:
            print(f"unchanged since {result.run_id}; nothing to do")
        return 0
    print(result.path / "index.html")
    return 0


def _without_iri_grammar() -> None:
    """Keep jsonschema (imported by papermill through nbformat) from importing rfc3987_syntax,
    which compiles its IRI grammars at import: about a second of every report's start. The
    notebook schema checks no IRI format. Done in this command's own process only."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
