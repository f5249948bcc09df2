"""The ``toolkit`` command: build the parser from the command modules and run one subcommand.

Every subcommand reads its input, calls library functions and prints records as JSON Lines,
CSV or an aligned text table. Options shared by several commands are checked here, before the
command runs. Errors the toolkit raises on purpose print one line (what went wrong, where, what
to do) and exit with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``toolkit`` with ``argv`` (default: the process arguments); return the exit status."""
    from toolkit.errors import ToolkitError

    # Arrow's own allocator keeps freed memory for reuse; the C library's gives it back, which
    # holds the peak of a large corpus's tables lower. Worker processes and report kernels
    # started from here inherit the choice; a setting already made wins.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        check_dates(args)
        check_numbers(args)
        return int(args.func(args) or 0)
    except ToolkitError as exc:
        # The message may quote corpus bytes: control characters are shown escaped, and it
        # stays on one line.
        print(f"toolkit {args.command}: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
