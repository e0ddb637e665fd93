"""Maintenance commands: ``doctor`` checks (and repairs) a store; ``backup`` copies one."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.cli.common import UserError, console, open_store, print_json, safe
from factcheck.core.store import StoreError, default_path
from factcheck.core.store.doctor import DoctorReport, Problem, check, repair
from factcheck.core.views import inert


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``doctor`` command."""
    p = sub.add_parser(
        "doctor", help="check a store for damage (and repair it)",
        description="Check a store: damaged JSON, a foreign or newer file, documents that fail "
        "validation, references to passages or sources that do not exist, duplicates, offsets "
        "that do not match the source text, torn or stale journal lines, leftover temporary "
        "files. Exit code 0 when healthy, 1 when problems were found. With --repair, first "
        "copy the store to claims.json.<time>.bak, then fix what can be fixed safely; whatever "
        "is taken out is listed and kept in claims.json.<time>.quarantine.json.")
    p.add_argument("--repair", action="store_true",
                   help="back up, then fix what can be fixed safely")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser(
        "backup", help="write a complete copy of the store (reviews included)",
        description="Write one consistent copy of the store to PATH while others go on "
        "working: a self-contained claims.json (every article, claim, mark, note, verdict, "
        "decision and the change log) that any factcheck opens with --db PATH.")
    p.add_argument("target", metavar="PATH", type=Path, help="where to write the copy")
    p.set_defaults(handler=cmd_backup)


def cmd_doctor(args: argparse.Namespace) -> int:
    """``factcheck doctor [--repair] [--json]``."""
    path = default_path(getattr(args, "db", None))
    report = repair(path) if args.repair else check(path)
    if args.json:
        print_json(report.as_dict())
    else:
        for line in report_lines(report):
            console.print(line, markup=False, emoji=False, highlight=False, soft_wrap=True)
    return 0 if report.healthy else 1


def _line(problem: Problem) -> str:
    tag = "note" if problem.notice else ("fixable" if problem.fixable else "problem")
    return f"  {tag}: {inert(problem.message, 300)}"


def report_lines(report: DoctorReport) -> list[str]:
    """The report as plain lines (file contents made inert: they may come from a scraped page)."""
    errors = [p for p in report.problems if not p.notice]
    head = "healthy" if not errors else f"{len(errors)} problem(s)"
    lines = [f"{inert(report.path)}: {head}"]
    lines += [_line(p) for p in report.problems]
    if report.remaining is None:
        if any(p.fixable for p in errors):
            lines.append("run `factcheck doctor --repair` to fix what can be fixed (after a "
                         "backup)")
        return lines
    lines += [f"repair: {inert(action, 300)}" for action in report.actions]
    if report.quarantine_file:
        lines.append(f"repair: {len(report.quarantine)} item(s) taken out are kept in "
                     f"{inert(report.quarantine_file)}")
    left = [p for p in report.remaining if not p.notice]
    if report.remaining is not report.problems:
        lines.append("now healthy" if not left else f"{len(left)} problem(s) left:")
        lines += [_line(p) for p in left]
    return lines


def cmd_backup(args: argparse.Namespace) -> int:
    """``factcheck backup PATH``."""
    store = open_store(args)
    target: Path = args.target
    if target.is_dir():
        target = target / "claims.json"
    try:
        written = store.backup(target)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    reviews = len(store.raw("reviews"))
    console.print(f"Wrote a copy of {safe(str(store.path))} to {safe(str(written[0]))} "
                  f"({reviews} reviewed claim{'s' if reviews != 1 else ''})")
    return 0
