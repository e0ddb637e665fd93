"""Pipeline commands: ingest, sources, source, extract, link, claims, show."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from factcheck.cli import lookup
from factcheck.cli.common import (
    Column,
    UserError,
    console,
    open_store,
    print_json,
    print_rows,
    print_wide,
    safe,
    settings_from,
)
from factcheck.core import pipeline
from factcheck.core.ingest.address import is_address
from factcheck.core.link.stories import INDEX_ID
from factcheck.core.models import Change, utcnow
from factcheck.core.readmodel import claim_rows, claim_view
from factcheck.core.review import new_id
from factcheck.core.store import StoreError
from factcheck.core.views import claim_json, filter_rows, inert

EDITABLE_SOURCE_FIELDS = ("outlet", "title", "published", "updated", "language", "url")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the pipeline commands."""
    p = sub.add_parser("ingest", help="read scraped articles (.txt, .html) into the store",
                       description="Read scraped news pages (files or folders of .txt/.html/.htm)"
                       ", strip page furniture, read outlet/title/date/byline, cut passages, "
                       "extract claims and link them across outlets. Re-ingesting the same file "
                       "changes nothing; a changed file becomes a new version of its source.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--outlet", help="outlet name for these files (when the page does not say)")
    p.add_argument("--url", help="the address of the page (one file): gives its outlet and "
                   "often its date")
    p.add_argument("--no-link", action="store_true", help="skip re-linking after ingest")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("sources", help="list ingested articles",
                       description="List the ingested articles (current versions).")
    p.add_argument("--all-versions", action="store_true", help="include superseded versions")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--tsv", action="store_true", help="print tab-separated lines, full text")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("source", help="fix a field of a source by hand",
                       description="Set a metadata field of one source by hand, e.g. the outlet "
                       "of a page that does not name it. Manual values survive re-ingest.")
    p.add_argument("source_id", metavar="SOURCE",
                   help="source id or file name (a unique prefix of either)")
    p.add_argument("field", choices=EDITABLE_SOURCE_FIELDS)
    p.add_argument("value", help="the new value ('' to clear)")
    p.set_defaults(handler=cmd_source_set)

    p = sub.add_parser("extract", help="re-run claim extraction on the whole store",
                       description="Re-extract claims from every stored source and re-link. "
                       "Reviews, notes and link decisions are kept.")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("link", help="re-link claims across outlets",
                       description="Group every claim mention into tracked claims again. "
                       "Reviewers' link decisions and all reviews are kept.")
    p.set_defaults(handler=cmd_link)

    p = sub.add_parser("claims", help="list tracked claims",
                       description="List tracked claims, best first, with filters.")
    p.add_argument("--kind", help="only this kind (quantity, time, event, quote, attribution, "
                   "denial, other)")
    p.add_argument("--source", help="only claims with a passage from this source (id or file "
                   "name, or a unique prefix)")
    p.add_argument("--outlet", help="only claims carried by this outlet")
    p.add_argument("--text", help="only claims whose text contains this (accent-insensitive)")
    p.add_argument("--conflicts", action="store_true", help="only claims with conflicts")
    p.add_argument("--unreviewed", action="store_true", help="only claims without a verdict")
    p.add_argument("--limit", type=int, default=0, help="show at most N claims")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--tsv", action="store_true",
                   help="print tab-separated lines with full ids and text")
    p.set_defaults(handler=cmd_claims)

    p = sub.add_parser("show", help="show one claim with its passages in context",
                       description="Show a tracked claim: normalized fields, verdict, notes, and "
                       "each outlet's passage in context with stances and conflicts.")
    p.add_argument("claim_id", metavar="CLAIM", help="claim id (a unique prefix is enough)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)


def _summary_table(report: pipeline.IngestReport) -> Table:
    table = Table(title="Ingest summary")
    table.add_column("file", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=12)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=22)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("pass.", justify="right", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    for item in report.files:
        src = item.source
        name = item.path.name + ("" if item.status == "new" else f" ({item.status})")
        table.add_row(
            safe(name, 80), safe(src.outlet if src else "", 30),
            safe(src.title if src else "", 200),
            safe((src.published or "")[:10] if src else "", 10), str(item.passages),
            str(item.claims), style={"unchanged": "dim", "error": "red"}.get(item.status),
        )
    return table


def cmd_ingest(args: argparse.Namespace) -> int:
    """``factcheck ingest``."""
    if args.url is not None and not is_address(args.url):
        raise UserError(f"--url {safe(args.url, 80)}: not an http(s) address")
    files, _ = pipeline.collect_files(args.paths)
    if args.url is not None and (len(args.paths) != 1 or len(files) > 1):
        raise UserError("--url is the address of one page: give exactly one file")
    store = open_store(args, must_exist=False)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=console, transient=True, disable=len(files) < 2) as bar:
            task = bar.add_task("ingest", total=len(files))

            def step(name: str) -> None:
                bar.update(task, advance=1, description=safe(name, 40))

            report = pipeline.ingest_paths(store, args.paths, outlet=args.outlet, url=args.url,
                                           progress=step, link=not args.no_link)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json({"files": [
            {"file": f.path.name, "status": f.status, "source": f.source.id if f.source else None,
             "passages": f.passages, "claims": f.claims, "warnings": f.warnings,
             "error": f.error} for f in report.files], "errors": report.errors})
    else:
        if report.files:
            print_wide(_summary_table(report))
        for item in report.files:
            if item.error:
                console.print(f"[red]error:[/] {safe(item.error)}")
            for warning in item.warnings:
                console.print(f"[yellow]warning:[/] {safe(item.path.name)}: {safe(warning)}")
        for error in report.errors:
            console.print(f"[red]error:[/] {safe(error)}")
        stored = sum(f.status in ("new", "new version") for f in report.files)
        console.print(f"{stored} stored, "
                      f"{sum(f.status == 'unchanged' for f in report.files)} unchanged, "
                      f"{sum(f.status == 'error' for f in report.files) + len(report.errors)} "
                      f"failed -> {safe(store.location)}")
    return 1 if report.failed else 0


def cmd_sources(args: argparse.Namespace) -> int:
    """``factcheck sources``."""
    store = open_store(args)
    sources = store.sources(current_only=not args.all_versions)
    if args.json:
        print_json([s.model_dump(mode="json", exclude={"text"}) for s in sources])
        return 0
    short = lookup.short_source_ids(store)
    columns = (Column("id"), Column("file", 40), Column("v", justify="right"),
               Column("outlet", 20), Column("title", 60, wrap=True), Column("published"),
               Column("language"), Column("byline", 50), Column("warnings", 60, wrap=True))
    print_rows(f"{len(sources)} sources", columns, (
        (s.id if args.tsv else short[s.id], s.file, s.version, s.outlet or "—", s.title or "—",
         s.published or "—", s.language or "—",
         ", ".join(f"{k}: {v}" for k, v in s.byline.items()), "; ".join(s.warnings))
        for s in sources), tsv=args.tsv)
    return 0


def cmd_source_set(args: argparse.Namespace) -> int:
    """``factcheck source SOURCE FIELD VALUE``."""
    store = open_store(args)
    settings = settings_from(args)
    source_id = lookup.source_id(store, args.source_id)
    value = args.value or None
    with store.transaction() as tx:
        source = store.source(source_id)
        assert source is not None
        before = getattr(source, args.field)
        manual = {**source.manual, args.field: settings.reviewer}
        tx.put("sources", source.model_copy(update={args.field: value, "manual": manual}))
        if INDEX_ID in store.raw("story_index"):
            # The kept story key index orders and dates articles by publication: the next
            # ingest reads every article's keys again and makes it anew.
            tx.delete("story_index", INDEX_ID)
        tx.put("changes", Change(id=new_id("ch"), who=settings.reviewer, at=utcnow(),
                                 what="set-source", target=source_id, detail=args.field,
                                 before=before, after=value))
    console.print(f"{source_id}: {args.field} = {safe(value)!s} (was {safe(before)})")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """``factcheck extract``."""
    store = open_store(args)
    count = pipeline.extract_all(store)
    claims = pipeline.link_all(store)  # a bulk write: the store is compacted by it
    console.print(f"{count} claim mentions extracted, {len(claims)} tracked claims")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    """``factcheck link``."""
    store = open_store(args)
    claims = pipeline.link_all(store)
    conflicts = sum(1 for c in claims if c.conflicts)
    multi = sum(1 for c in claims if c.outlets > 1)
    console.print(f"{len(claims)} tracked claims; {multi} carried by several outlets; "
                  f"{conflicts} with possible conflicts")
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    """``factcheck claims``."""
    store = open_store(args)
    source = lookup.source_id(store, args.source) if args.source else None
    rows = filter_rows(claim_rows(store), kind=args.kind, source=source, outlet=args.outlet,
                       text=args.text, conflicts=args.conflicts, unreviewed=args.unreviewed)
    if args.limit:
        rows = rows[: args.limit]
    if args.json:
        print_json([row.as_dict() for row in rows])
        return 0
    short = lookup.short_claim_ids(store)
    columns = (Column("id"), Column("kind"), Column("claim", 90, wrap=True), Column("value", 20),
               Column("speaker", 25), Column("outlets", justify="right"),
               Column("origins", justify="right"), Column("!"), Column("verdict"))
    print_rows(f"{len(rows)} claims", columns, (
        (row.id if args.tsv else short[row.id], row.kind, row.text, row.value, row.speaker,
         row.outlets, row.origins, "⚠" if row.conflicts else "", row.verdict or "")
        for row in rows), tsv=args.tsv)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """``factcheck show CLAIM``."""
    store = open_store(args)
    claim_id = lookup.claim_id(store, args.claim_id)
    view = claim_view(store, claim_id)
    if view is None:  # a damaged document: `open_store` has warned about it
        raise UserError(f"claim {claim_id!r} cannot be read (run `factcheck doctor`)")
    short = lookup.short_passage_ids(store)
    if args.json:
        print_json(claim_json(view))
        return 0
    norm = {k: v for k, v in view.normalized.items() if v not in (None, "", "asserted")}
    console.print(Text.assemble(("Claim ", "bold"), (view.id, "cyan"), f"  [{view.kind}]"))
    console.print(Text(inert(view.text)))
    console.print(Text("  " + ", ".join(f"{k}: {inert(v)}" for k, v in norm.items()),
                       style="dim"))
    console.print(f"  outlets: {view.outlets}, independent origins: {view.origins}"
                  + ("  [red]disputed[/]" if view.disputed else ""))
    verdict = view.verdict
    if verdict:
        console.print(Text(f"  verdict: {verdict.label} by {inert(verdict.reviewer)} "
                           f"({verdict.at}): {inert(verdict.explanation)}",
                           style="bold"))
    for conflict in view.conflicts:
        console.print(Text(f"  ⚠ {conflict.kind}: {inert(conflict.reason)}",
                           style="yellow"))
    for outlet, items in view.by_outlet():
        console.print(Text(f"\n{inert(outlet)}", style="bold underline"))
        for item in items:
            passage = short.get(item.id, item.id)
            console.print(Text(f"  {passage}  {inert(item.title)} "
                               f"({item.published or 'no date'}) "
                               f"[{item.start}:{item.end}]", style="dim"))
            line = Text("    ")
            line.append(inert(item.before), style="dim")
            line.append(inert(item.text), style="bold")
            line.append(inert(item.after), style="dim")
            console.print(line)
            marks = ", ".join(f"{inert(r)}: {m}" for r, m in item.by_reviewer.items()) or "none"
            console.print(Text(f"    suggested: {item.suggested_stance} ({item.link}); "
                               f"marks: {marks}", style="italic"))
    for note in view.notes:
        console.print(Text(f"\nnote by {inert(note.author)} ({note.at}): "
                           f"{inert(note.text)}"))
    return 0
