"""Reports: run the parameterized notebooks with papermill into a reproducible report folder,
and the helpers those notebooks use to save their tables, figures and headline numbers.

In a notebook (``output_dir`` comes from the ``parameters`` cell)::

    from toolkit.report import save_figure, save_headline, save_table
    save_table(counts, "documents_by_outlet", output_dir=output_dir)   # tables/NAME.csv
    save_figure(fig, "documents_by_outlet", output_dir=output_dir)     # figures/NAME.png
    save_headline("documents", len(corpus), output_dir=output_dir)     # headline.json

From Python: ``run_report("data/sample", name="sample")``; from the shell: ``toolkit report``.
Tables and figures are written so that the same inputs give the same bytes. The report notebooks
(``speakers``, ``reported_speech``, ``framing``, ``overview``) ship inside the package, in
``toolkit/report/notebooks/`` (:data:`NOTEBOOKS_DIR`), so an installed toolkit can run them.

The runner (:mod:`~toolkit.report.run`) checks parameters (:mod:`~toolkit.report.params`) and the
kernel (:mod:`~toolkit.report.kernel`), executes each notebook into a staging folder
(:mod:`~toolkit.report.layout`), records hashes and versions (:mod:`~toolkit.report.manifest`)
and writes the pages (:mod:`~toolkit.report.html`); :mod:`~toolkit.report.outputs` holds the
helpers notebooks save with.
"""

from toolkit.report.manifest import corpus_hashes
from toolkit.report.outputs import FIGURE_DPI, HEADLINE_FILE, save_figure, save_headline, save_table
from toolkit.report.run import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR, RunResult, run_report

__all__ = ["DEFAULT_NOTEBOOKS", "NOTEBOOKS_DIR", "FIGURE_DPI", "HEADLINE_FILE", "RunResult",
           "corpus_hashes", "run_report", "save_table", "save_figure", "save_headline"]
