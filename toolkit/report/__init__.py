"""Reports: run the parameterized notebooks with papermill into a reproducible report folder,
and the helpers those notebooks use to save their tables, figures and headline numbers.

In a notebook (``corpus``, ``output_dir`` and the dates come from the ``parameters`` cell)::

    from toolkit.report import load_and_analyze, save_figure, save_headline, save_table
    loaded = load_and_analyze(corpus, date_from=date_from, date_to=date_to,
                              output_dir=output_dir)                   # records "documents"
    articles, base = loaded.articles, loaded.analysis
    save_table(counts, "documents_by_outlet", output_dir=output_dir)   # tables/NAME.csv
    save_figure(fig, "documents_by_outlet", output_dir=output_dir)     # figures/NAME.png
    save_headline("top_outlet", top, output_dir=output_dir)            # headline.json

From Python: ``run_report("data/sample", name="sample")``; from the shell: ``toolkit report``.
Tables and figures are written so that the same inputs give the same bytes. The report notebooks
(``speakers``, ``reported_speech``, ``framing``, ``overview``) ship inside the package, in
``toolkit/report/notebooks/`` (:data:`NOTEBOOKS_DIR`), so an installed toolkit can run them.

The runner (:mod:`~toolkit.report.run`) checks parameters (:mod:`~toolkit.report.params`) and the
kernel (:mod:`~toolkit.report.kernel`; :mod:`~toolkit.report.forker` forks the kernels from one
process that has imported the notebooks' libraries), executes each notebook into a staging folder
(:mod:`~toolkit.report.layout`, which also keeps the lock and prunes old runs), records hashes
and versions (:mod:`~toolkit.report.manifest`) and writes the pages (:mod:`~toolkit.report.html`,
with the page template in ``templates/``); :mod:`~toolkit.report.loading` is the start every
report notebook shares, :mod:`~toolkit.report.outputs` holds the helpers notebooks save with,
:mod:`~toolkit.report.display` the ones they show with (interactive tables, figures with
captions, "not enough data" notes) and :mod:`~toolkit.report.columns` what each table column
shows.
"""

from typing import TYPE_CHECKING

from toolkit._lazy import lazy_exports

if TYPE_CHECKING:
    from toolkit.report.display import (
        enough_data,
        setup_page,
        show_counts,
        show_figure,
        show_note,
        show_table,
    )
    from toolkit.report.loading import AnalyzedCorpus, load_and_analyze
    from toolkit.report.manifest import corpus_hashes
    from toolkit.report.outputs import (
        FIGURE_DPI,
        HEADLINE_FILE,
        save_figure,
        save_headline,
        save_table,
    )
    from toolkit.report.run import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR, RunResult, run_report

__all__ = ["DEFAULT_NOTEBOOKS", "NOTEBOOKS_DIR", "FIGURE_DPI", "HEADLINE_FILE", "AnalyzedCorpus",
           "RunResult", "corpus_hashes", "load_and_analyze", "run_report", "save_table",
           "save_figure", "save_headline", "setup_page", "show_table", "show_figure",
           "show_note", "show_counts", "enough_data"]

# Imported on first use: the command line's output module needs only the CSV helpers of
# outputs, not pandas and the notebook runner.
__getattr__, __dir__ = lazy_exports(__name__, {
    "enough_data": "toolkit.report.display",
    "setup_page": "toolkit.report.display",
    "show_counts": "toolkit.report.display",
    "show_figure": "toolkit.report.display",
    "show_note": "toolkit.report.display",
    "show_table": "toolkit.report.display",
    "AnalyzedCorpus": "toolkit.report.loading",
    "load_and_analyze": "toolkit.report.loading",
    "corpus_hashes": "toolkit.report.manifest",
    "FIGURE_DPI": "toolkit.report.outputs",
    "HEADLINE_FILE": "toolkit.report.outputs",
    "save_figure": "toolkit.report.outputs",
    "save_headline": "toolkit.report.outputs",
    "save_table": "toolkit.report.outputs",
    "DEFAULT_NOTEBOOKS": "toolkit.report.run",
    "NOTEBOOKS_DIR": "toolkit.report.run",
    "RunResult": "toolkit.report.run",
    "run_report": "toolkit.report.run",
})
