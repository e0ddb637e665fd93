"""Maintenance commands: ``doctor`` checks (and repairs) a store; ``backup`` copies one;
``migrate-store`` moves one between a file and a PostgreSQL database."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.cli.common import UserError, console, open_store, print_json, safe
from factcheck.core.store import META_ID, META_TABLE, Data, Store, StoreError, default_location
from factcheck.core.store.doctor import DoctorReport, Problem, check, check_database, repair
from factcheck.core.store.postgres import redact
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

    p = sub.add_parser(
        "migrate-store", help="copy a store between a file and a PostgreSQL database",
        description="Copy every table of the store FROM into TO, losslessly: articles, claims, "
        "marks, notes, verdicts, link and story decisions, the change log and the schema "
        "version. FROM and TO are store files or postgresql:// addresses, in either direction. "
        "The copy is read back and compared before the command reports success. TO must be "
        "empty (a new file, or a database without a factcheck store) unless --replace.")
    p.add_argument("source", metavar="FROM", help="the store to copy (a file or a database)")
    p.add_argument("target", metavar="TO", help="where to copy it (a file or a database)")
    p.add_argument("--replace", action="store_true",
                   help="replace what TO holds (a file store is backed up first)")
    p.set_defaults(handler=cmd_migrate_store)


def cmd_doctor(args: argparse.Namespace) -> int:
    """``factcheck doctor [--repair] [--json]``."""
    path = default_location(getattr(args, "db", None))
    if isinstance(path, str):
        if args.repair:
            raise UserError(f"{redact(path)}: --repair works on store files; to repair a "
                            "database store, `factcheck migrate-store` it to a file, repair "
                            "that, and migrate it back")
        try:
            report = check_database(path)
        except StoreError as exc:
            raise UserError(str(exc)) from exc
    else:
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
    console.print(f"Wrote a copy of {safe(store.location)} to {safe(str(written[0]))} "
                  f"({reviews} reviewed claim{'s' if reviews != 1 else ''})")
    return 0


def _comparable(data: Data) -> Data:
    """The tables as a copy must hold them (the header's generation is the backend's own)."""
    out = {table: dict(docs) for table, docs in data.items() if docs}
    header = dict(out.get(META_TABLE, {}).get(META_ID, {}))
    header.pop("generation", None)
    if header:
        out[META_TABLE] = {META_ID: header}
    return out


def cmd_migrate_store(args: argparse.Namespace) -> int:
    """``factcheck migrate-store FROM TO [--replace]``."""
    source, target = default_location(args.source), default_location(args.target)
    if isinstance(source, Path) and not source.is_file():
        raise UserError(f"{source}: no such store")
    if str(source) == str(target) or (isinstance(source, Path) and isinstance(target, Path)
                                      and source.resolve() == target.resolve()):
        raise UserError(f"{args.target}: is the store being copied; choose another place")
    try:
        with Store.open(source) as origin, origin.backend.locked():
            data = origin.backend.read_all()
            where_from = origin.location
        with Store.open(target) as copy, copy.backend.locked():
            if not copy.is_empty() or copy.backend.header() is not None:
                if not args.replace:
                    raise UserError(f"{copy.location}: already holds a store; add --replace "
                                    "to overwrite it")
                kept = copy.backend.preserve("before-migrate-store")
                if kept:
                    console.print(f"Kept what {safe(copy.location)} held in {safe(kept)}")
            copy.backend.replace_all(data)
            where_to = copy.location
        with Store.open(target) as check_copy:
            written = check_copy.backend.read_all()
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    if _comparable(written) != _comparable(data):
        raise UserError(f"{where_to}: the copy read back differs from {where_from}; "
                        "do not use it")
    counts = {table: len(data.get(table, {}))
              for table in ("sources", "claims", "reviews", "decisions", "changes")}
    console.print(f"Copied {safe(where_from)} to {safe(where_to)} and read it back: "
                  + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
    return 0
