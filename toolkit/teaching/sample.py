"""Where the built-in sample corpus is, and loading it.

The sample corpus (fictional articles written for testing and teaching) lives at ``data/sample``
in the repository. An installed wheel carries the same files as the data package
``toolkit.teaching.sample_corpus``, so the tutorials find it from a checkout, an editable install
or a plain ``pip install``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import CorpusNotFoundError

if TYPE_CHECKING:
    from toolkit.corpus import Corpus

__all__ = ["SAMPLE_ENV", "sample_corpus_path", "load_sample"]

SAMPLE_ENV = "TOOLKIT_SAMPLE_CORPUS"


def _is_sample(folder: Path) -> bool:
    return (folder / "metadata.csv").is_file() and (folder / "articles").is_dir()


def sample_corpus_path() -> Path:
    """The folder of the built-in sample corpus (``data/sample``), wherever the notebook runs.

    Looks in ``$TOOLKIT_SAMPLE_CORPUS``, then in the data package of an installed wheel
    (``toolkit/teaching/sample_corpus``), then in the checkout the package was imported from
    (``data/sample`` beside ``toolkit/``), then in the current folder and each folder above it.
    """
    candidates = []
    if os.environ.get(SAMPLE_ENV):
        candidates.append(Path(os.environ[SAMPLE_ENV]))
    here_package = Path(__file__).resolve().parent
    candidates.append(here_package / "sample_corpus")
    candidates.append(here_package.parents[1] / "data" / "sample")
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
