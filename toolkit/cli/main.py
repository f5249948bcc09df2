"""The ``toolkit`` command: build the parser from the command modules and run one subcommand.

Every subcommand reads its input, calls library functions and prints records as JSON Lines,
CSV or an aligned text table. Options shared by several commands are checked here, before the
command runs. Errors the toolkit raises on purpose print one line (what went wrong, where, what
to do) and exit with status 2.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Any

from toolkit import __version__
from toolkit.cli import analyses, corpus, export, quotes, report, review
from toolkit.cli.options import check_dates, check_numbers
from toolkit.cli.output import printable

__all__ = ["COMMAND_MODULES", "EPILOG", "build_parser", "main"]

EPILOG = """\
examples:
  toolkit corpus data/sample --format table      one row per article: status, outlet, date, size
  toolkit quotes data/sample/articles/*.txt      who said what (JSON Lines)
  toolkit evaluate --gold ../shared/polnear      attribution quality against gold annotations

Run `toolkit COMMAND --help` for each command's options.
"""

# Each module adds its subcommands through ``register(subparsers)``, in this order.
COMMAND_MODULES = (corpus, quotes, analyses, export, report, review)


def build_parser() -> argparse.ArgumentParser:
    """The ``toolkit`` parser with every subcommand; each sets ``func`` to the function to run."""
    parser = argparse.ArgumentParser(
        prog="toolkit", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Discourse analysis of news: who speaks, how their speech is reported, "
                    "and how stories are framed.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when the process is asked to end (SIGTERM, as a scheduler's
    timeout sends it): the same way out as Ctrl-C, so worker processes, kernels and the
    processes they start from are stopped, not left behind."""


@contextmanager
def _terminate_as_interrupt() -> Any:
    """SIGTERM raises :class:`Terminated` while the command runs (where no other handler is
    set and this is the main thread)."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def terminated(signum: int, frame: Any) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``toolkit`` with ``argv`` (default: the process arguments); return the exit status."""
    from toolkit.errors import ToolkitError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        check_dates(args)
        check_numbers(args)
        with _terminate_as_interrupt():
            return int(args.func(args) or 0)
    except ToolkitError as exc:
        # The message may quote corpus bytes: control characters are shown escaped, and it
        # stays on one line.
        print(f"toolkit {args.command}: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Terminated:
        print("terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
