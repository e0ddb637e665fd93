"""Report commands: ``factcheck export`` (a document) and ``factcheck report`` (a summary)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.progress import Progress

from factcheck.cli import lookup
from factcheck.cli.common import (
    UserError,
    console,
    console_err,
    open_store,
    print_wide,
    safe,
    settings_from,
)
from factcheck.core.report import FORMATS, ExportOptions, ReportError, export_report, summary
from factcheck.core.store import Store, StoreError, atomic_write

_PROGRESS_FROM = 2_000
"""Show a progress bar (on a terminal, writing to a file) from this many claims."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``export`` and ``report`` commands."""
    p = sub.add_parser(
        "export", help="write the verification report (md, html, json, csv, claimreview)",
        description="Write the verification report: per claim, the verdict, every outlet's "
        "passage quoted verbatim with its stance, conflicts and notes, with a claim x outlet "
        "matrix and reviewer agreement at the top and provenance at the end. Written to stdout "
        "unless -o is given.",
    )
    p.add_argument("--format", "-f", choices=FORMATS, default="md", dest="fmt",
                   help="md (default), html (one self-contained page), json (full data), csv "
                   "(one row per claim x passage), claimreview (schema.org JSON-LD)")
    p.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="write to FILE (replaced atomically) instead of stdout")
    p.add_argument("--reviewed-only", action="store_true",
                   help="only claims with a verdict (or every passage marked)")
    p.add_argument("--claim", metavar="ID", nargs="+", action="extend", dest="claims",
                   default=[], help="only these claims (repeatable; unique id prefixes work)")
    p.add_argument("--lang", choices=("id", "en"),
                   help="language of labels and headings (default: settings, else en); id "
                   "gives the Berita / Hasil Cek Fakta / Kesimpulan / Rujukan structure")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("report", help="show review progress: verdicts, conflicts, outlets",
                       description="Summarize the store in the terminal: reviewed x of y, claims "
                       "by verdict, conflicts, outlets, reviewers and their agreement.")
    p.set_defaults(handler=cmd_report)


def cmd_export(args: argparse.Namespace) -> int:
    """``factcheck export``."""
    settings = settings_from(args)
    lang = args.lang or (settings.language if settings.language in ("id", "en") else "en")
    output: Path | None = args.output if args.output != Path("-") else None
    with _store(args) as store:
        claims = tuple(dict.fromkeys(lookup.claim_id(store, key) for key in args.claims))
        options = ExportOptions(reviewed_only=args.reviewed_only, claim_ids=claims, lang=lang)
        if output is not None:
            _refuse_store_files(output, store)
        total = len(store.raw("claims"))
        try:
            with _progress(output is not None and total >= _PROGRESS_FROM) as progress:
                document = export_report(store, args.fmt, settings, options, progress)
        except ReportError as exc:
            raise UserError(str(exc)) from exc
    if output is None:
        _write_stdout(document)
        return 0
    try:
        atomic_write(output, document.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"{output}: cannot write the report: {_reason(exc)}") from exc
    console.print(f"Wrote the {args.fmt} report to {safe(output)}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """``factcheck report``."""
    settings = settings_from(args)
    with _store(args) as store:
        print_wide(summary(store, settings))
    return 0


@contextlib.contextmanager
def _store(args: argparse.Namespace) -> Iterator[Store]:
    store = open_store(args)
    try:
        yield store
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    finally:
        store.close()


@contextlib.contextmanager
def _progress(show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback drawing a bar on stderr, or None."""
    if not show or not console_err.is_terminal:
        yield None
        return
    with Progress(console=console_err, transient=True) as bar:
        task = bar.add_task("Exporting", total=None)

        def update(done: int, total: int) -> None:
            if done % 200 == 0 or done == total:
                bar.update(task, completed=done, total=total)

        yield update


def _refuse_store_files(output: Path, store: Store) -> None:
    if store.path is None:
        return
    target = output.resolve()
    base = store.path.resolve()
    if target in (base, base.with_name(base.name + ".journal"),
                  base.with_name(base.name + ".lock")):
        raise UserError(f"{output}: that is the store itself; choose another output file")


def _reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "it is a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def _write_stdout(document: str) -> None:
    """Write the document as UTF-8 whatever the locale; a closed pipe is not an error."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(document)
        else:
            sys.stdout.flush()
            buffer.write(document.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        # `factcheck export | head`: stop quietly (and keep Python from complaining at exit).
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
