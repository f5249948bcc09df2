"""Worker processes: how the toolkit's process pools start theirs.

Workers start from a clean interpreter (forkserver where the platform has it, else spawn): a
forked copy of a process whose libraries run threads can deadlock. The fork server imports the
toolkit's per-document modules once, and each worker is forked from it with them loaded,
rather than importing them itself (about half a CPU-second per worker, paid again by every
pool of a run: reading the corpus, attribution, the mention pass).
"""

from __future__ import annotations

from typing import Any

__all__ = ["PRELOADED", "process_context"]

# What the workers of the toolkit's pools run; a module that fails to import is left out.
PRELOADED = ("toolkit.corpus.loader", "toolkit.attribution.pipeline",
             "toolkit.analysis.base_tables", "toolkit.analysis.speakers",
             "toolkit.analysis.keyness", "toolkit.analysis.framing.tables",
             "toolkit.analysis.overview")


def process_context() -> Any:
    """The multiprocessing context of the toolkit's pools (see the module's text)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Takes effect when the server starts (the first pool of the process); "__main__" is what
    # the server preloads by default.
    context.set_forkserver_preload(["__main__", *PRELOADED])
    return context
