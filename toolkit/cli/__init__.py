"""The ``toolkit`` command.

:mod:`~toolkit.cli.main` builds the parser and runs a subcommand; one module per command family
adds its subcommands (:mod:`~toolkit.cli.corpus`, :mod:`~toolkit.cli.quotes` for quotes and
evaluate, :mod:`~toolkit.cli.analyses` for the analysis tables, :mod:`~toolkit.cli.export` for
the attribution table as a file, :mod:`~toolkit.cli.report`,
:mod:`~toolkit.cli.review` for the review loop in a terminal);
:mod:`~toolkit.cli.options` defines the options they share, :mod:`~toolkit.cli.output`
writes records as JSON Lines, CSV or a text table, and :mod:`~toolkit.cli.forked` spreads
``quotes`` over forked worker processes.
"""

from toolkit.cli.main import main

__all__ = ["main"]
