"""Helpers shared by the command modules: store and settings options, safe output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from factcheck.core.store import Store, StoreError, default_path
from factcheck.core.views import inert
from factcheck.settings import Settings, SettingsError, load_settings

console = Console(highlight=False, soft_wrap=True, emoji=False)
console_err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_store_arguments(parser: argparse.ArgumentParser, *, reviewer: bool = False) -> None:
    """Add ``--db`` (and ``--reviewer``, ``--config``) to a sub-command."""
    parser.add_argument(
        "--db", metavar="PATH",
        help="the store (default: $FACTCHECK_DB, else ./claims.json)",
    )
    parser.add_argument("--config", metavar="PATH", type=Path,
                        help="settings file (default: ~/.config/factcheck/settings.toml)")
    if reviewer:
        parser.add_argument("--reviewer", metavar="NAME",
                            help="who is reviewing (default: settings file, else login name)")


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> Store:
    """Open the store named by ``args.db``, turning store errors into `UserError`."""
    path = default_path(getattr(args, "db", None))
    if must_exist and not path.exists():
        raise UserError(f"{path}: no such store (create one with `factcheck ingest PATH...`)")
    try:
        store = Store.open(path)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    for table in ("claims", "reviews"):
        damaged = store.damaged(table)
        if damaged:
            names = ", ".join(safe(d, 40) for d in damaged[:3]) + (" ..." if len(damaged) > 3
                                                                   else "")
            console_err.print(f"[yellow]warning:[/] {safe(str(path))}: {len(damaged)} damaged "
                              f"document(s) in {table!r} left out ({names}); run `factcheck "
                              "doctor`", soft_wrap=True)
    return store


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from ``--config``/``--reviewer`` (or the defaults)."""
    try:
        return load_settings(getattr(args, "config", None), getattr(args, "reviewer", None))
    except SettingsError as exc:
        raise UserError(str(exc)) from exc


def safe(text: Any, limit: int | None = None) -> str:
    """Text from a scraped page made inert for the terminal: no escapes, no markup, one line."""
    return escape(inert(text, limit))


def print_json(data: Any) -> None:
    """Write ``data`` as JSON on stdout (UTF-8, not escaped to ASCII)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
