"""The ``toolkit`` command: :mod:`~toolkit.cli.main` builds the parser and runs a subcommand; one
module per command family (:mod:`~toolkit.cli.quotes`, :mod:`~toolkit.cli.analyses`,
:mod:`~toolkit.cli.report`) adds its subcommands; :mod:`~toolkit.cli.output` writes records."""

from toolkit.cli.main import main

__all__ = ["main"]
