"""Helpers shared by the command modules: global options, store and settings, safe output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from factcheck.core.store import Store, StoreError, default_location
from factcheck.core.views import inert
from factcheck.settings import Settings, SettingsError, load_settings

console = Console(highlight=False, soft_wrap=True, emoji=False)
console_err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


GLOBAL_OPTIONS = ("db", "config", "reviewer")
"""Options every command takes, before or after its name (``factcheck --db X export``)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose every (sub-)command takes the global options.

    Sub-command parsers are made by ``add_subparsers`` with the class of their parent, so the
    options reach every depth (``factcheck story move --db X``). They default to "not given"
    there (``argparse.SUPPRESS``): a value given before the command is not reset by the
    sub-command's own default. The top parser gives the real defaults (`top_defaults`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.add_argument_group("global options (before or after the command)")
        group.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                           help="the store (default: $FACTCHECK_DB, else ./claims.json)")
        group.add_argument("--config", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                           help="settings file (default: $FACTCHECK_CONFIG, else "
                           "~/.config/factcheck/settings.toml)")
        group.add_argument("--reviewer", metavar="NAME", default=argparse.SUPPRESS,
                           help="who is reviewing (default: settings file, else login name)")

    def top_defaults(self) -> None:
        """Make this the top parser: global options not given anywhere are None."""
        self.set_defaults(**dict.fromkeys(GLOBAL_OPTIONS))


OPENED: list[Store] = []
"""Stores the running command opened: `settle_stores` folds their journals in when it ends."""


def settle_stores(*, fold: bool = True) -> None:
    """After a command: every store it opened holds all its changes in ``claims.json`` alone
    (the journal is only the crash-safety window while a command runs), then is closed.
    ``fold=False`` (a command that failed) only closes them."""
    while OPENED:
        store = OPENED.pop()
        try:
            if fold:
                store.settle()
        finally:
            store.close()


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> Store:
    """Open the store named by ``args.db``, turning store errors into `UserError`."""
    path = default_location(getattr(args, "db", None))
    if must_exist and isinstance(path, Path) and not path.exists():
        raise UserError(f"{path}: no such store (create one with `factcheck ingest PATH...`)")
    try:
        store = Store.open(path)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    OPENED.append(store)
    for table in ("claims", "reviews"):
        damaged = store.damaged(table)
        if damaged:
            names = ", ".join(safe(d, 40) for d in damaged[:3]) + (" ..." if len(damaged) > 3
                                                                   else "")
            console_err.print(f"[yellow]warning:[/] {safe(store.location)}: {len(damaged)} damaged "
                              f"document(s) in {table!r} left out ({names}); run `factcheck "
                              "doctor`", soft_wrap=True)
    return store


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from ``--config``/``--reviewer`` (or the defaults). When the command has opened
    a database store, its role is the reviewer unless ``--reviewer`` or the file names one."""
    try:
        role = OPENED[-1].identity() if OPENED else None
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    try:
        return load_settings(getattr(args, "config", None), getattr(args, "reviewer", None),
                             fallback_reviewer=role)
    except SettingsError as exc:
        raise UserError(str(exc)) from exc


PIPED_WIDTH = 10_000
"""Width tables are laid out at when stdout is not a terminal: their natural width, so that
each row stays one line for grep, less -S or a spreadsheet instead of folding every column."""


@dataclass(frozen=True)
class Column:
    """One column of a listing."""

    name: str
    limit: int | None = None
    """Characters a table cell shows (the rest becomes "…"); TSV output shows everything."""
    justify: Literal["left", "right"] = "left"
    wrap: bool = False
    """Whether cells may wrap on a narrow terminal (the text column); others stay one line."""


def print_wide(renderable: RenderableType) -> None:
    """Print a table (or a group of them) at the terminal's width, or at its natural width
    when stdout is a pipe or a file."""
    if console.is_terminal:
        console.print(renderable)
        return
    Console(file=console.file, width=PIPED_WIDTH, highlight=False, emoji=False,
            soft_wrap=True).print(renderable)


def print_rows(title: str, columns: Sequence[Column], rows: Iterable[Sequence[object]], *,
               tsv: bool = False) -> None:
    """A listing: a rich table, or with ``tsv`` a header line and one tab-separated line per
    row (cells made inert: no tabs, newlines or terminal escapes from a scraped page)."""
    if tsv:
        lines = ["\t".join(c.name for c in columns)]
        lines += ["\t".join(inert(cell) for cell in row) for row in rows]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = Table(title=title)
    for column in columns:
        table.add_column(column.name, justify=column.justify, no_wrap=not column.wrap,
                         overflow="fold" if column.wrap else "ellipsis")
    for row in rows:
        table.add_row(*(Text(inert(cell, column.limit))
                        for column, cell in zip(columns, row, strict=True)))
    print_wide(table)


def safe(text: Any, limit: int | None = None) -> str:
    """Text from a scraped page made inert for the terminal: no escapes, no markup, one line."""
    return escape(inert(text, limit))


def print_json(data: Any) -> None:
    """Write ``data`` as JSON on stdout (UTF-8, not escaped to ASCII)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
