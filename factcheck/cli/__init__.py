"""The ``factcheck`` command line.

Each module of this package registers a group of sub-commands (``register(subparsers)``) whose
handlers take the parsed arguments and return an exit code. Handlers call the same core functions
as the TUI. Errors a user can cause (bad files, a damaged store, an unknown claim id) are printed
as one line naming the file or id and the problem, with a non-zero exit code: never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.markup import escape

from factcheck import __version__
from factcheck.cli import commands, evaluate, export, maintenance, review, tracking
from factcheck.cli.common import Parser, UserError, console_err, settle_stores
from factcheck.core.store import StoreError
from factcheck.core.views import inert


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = Parser(
        prog="factcheck",
        description="Track check-worthy claims across news outlets: ingest scraped articles, "
        "extract and link claims, review them in the terminal, export a verification report. "
        "With no command, opens the review TUI on the store. The global options go before "
        "or after the command; ids can be shortened to any unique prefix (c-29f6).",
    )
    parser.top_defaults()
    parser.set_defaults(handler=review.cmd_review)  # bare `factcheck [--db X]` opens the TUI
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.register(sub)
    review.register(sub)
    export.register(sub)
    tracking.register(sub)
    evaluate.register(sub)
    maintenance.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``factcheck`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        try:
            code = int(args.handler(args) or 0)
        except BaseException:
            settle_stores(fold=False)  # a command that failed leaves the file as it was
            raise
        settle_stores()
        return code
    except UserError as exc:
        # One line, and the message printed literally (it may quote user input or file names).
        console_err.print(f"[red]error:[/] {escape(inert(str(exc)))}", soft_wrap=True)
        return exc.code
    except StoreError as exc:
        # A store that cannot be read or written (read-only, full disk, damaged): one line.
        console_err.print(f"[red]error:[/] {escape(inert(str(exc)))}", soft_wrap=True)
        return 1
    except OSError as exc:
        where = exc.filename or getattr(args, "db", None) or "the store"
        console_err.print(f"[red]error:[/] {escape(inert(str(where)))}: "
                          f"{escape(inert(exc.strerror or str(exc)))}", soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        console_err.print("interrupted")
        return 130
