"""``factcheck eval``: score the pipeline against a gold file."""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from rich.table import Table

from factcheck.cli.common import UserError, console, print_json, safe
from factcheck.core import pipeline
from factcheck.core.evaluate import ArticleRun, EvaluationReport, evaluate, load_gold
from factcheck.core.models import LinkState
from factcheck.core.store import Store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``eval`` command."""
    p = sub.add_parser(
        "eval", help="score extraction and linking against a gold file",
        description="Ingest a corpus into a temporary store and print claim recall, precision, "
        "per-kind recall, furniture leaks and relation recall against a gold file (format: "
        "see the corpus README). Exits non-zero when any page furniture leaks into a passage.",
    )
    p.add_argument("gold", type=Path, metavar="GOLD")
    p.add_argument("--corpus", type=Path, required=True, metavar="DIR")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="list missed gold claims, unmatched extractions and missed relations")
    p.set_defaults(handler=cmd_eval)


def run_eval(gold_path: Path, corpus: Path) -> tuple[EvaluationReport, EvaluationReport]:
    """Ingest ``corpus`` into a scratch store, link, and score it against ``gold_path``.

    Returns two scorings of the same run: suggested links counted as linked, and only automatic
    or confirmed links counted.
    """
    try:
        gold = load_gold(gold_path)
    except (OSError, ValueError) as exc:
        raise UserError(f"{gold_path}: cannot read gold file: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        store = Store.open(Path(tmp) / "claims.json")
        report = pipeline.ingest_paths(store, [corpus])
        if report.errors:
            raise UserError("; ".join(report.errors))
        runs: dict[str, ArticleRun] = {}
        passages = store.passages()
        mentions = pipeline.current_mentions(store)
        for source in store.sources():
            runs[source.file] = ArticleRun(
                text=source.text,
                mentions=[m for m in mentions if m.source_id == source.id],
                passages=[p for p in passages if p.source_id == source.id],
            )
        claims = store.claims()
    scored = []
    for strict in (False, True):
        links: dict[str, str] = {}
        conflicts: list[tuple[str, str]] = []
        for claim in claims:
            by_passage: dict[str, list[str]] = {}
            for item in claim.evidence:
                if strict and item.link == LinkState.SUGGESTED:
                    continue
                links[item.mention_id] = claim.id
                by_passage.setdefault(item.passage_id, []).append(item.mention_id)
            for conflict in claim.conflicts:
                for pa, pb in itertools.combinations(conflict.passages, 2):
                    conflicts.extend(itertools.product(by_passage.get(pa, []),
                                                       by_passage.get(pb, [])))
        scored.append(evaluate(gold, runs, links=links, conflicts=conflicts))
    return scored[0], scored[1]


def cmd_eval(args: argparse.Namespace) -> int:
    """``factcheck eval GOLD --corpus DIR``."""
    if not args.corpus.is_dir():
        raise UserError(f"{args.corpus}: not a folder")
    report, strict_report = run_eval(args.gold, args.corpus)
    strict = strict_report.relations
    if args.json:
        data = report.model_dump(mode="json")
        data["relations_without_suggestions"] = strict.model_dump(mode="json") if strict else None
        print_json(data)
        return 1 if report.leaks else 0
    table = Table(title=f"factcheck eval: {args.gold.name} on {args.corpus}", show_lines=False)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("detail")
    table.add_row("claim recall", f"{report.recall:.3f}",
                  f"{report.found_claims}/{report.gold_claims} gold claims found")
    table.add_row("claim precision", f"{report.precision:.3f}",
                  f"{report.matched_mentions}/{report.mentions} extracted claims match gold")
    for kind, recall in report.per_kind.items():
        table.add_row(f"  recall: {kind}", f"{recall.recall:.3f}",
                      f"{recall.found}/{recall.gold}")
    table.add_row("kind agreement", f"{report.kind_agreement:.3f}",
                  "found gold claims extracted with the gold kind")
    table.add_row("furniture leaks", str(len(report.leaks)),
                  ", ".join(f"{leak.article}: {leak.boilerplate!r}" for leak in report.leaks))
    if report.relations:
        rel = report.relations
        table.add_row("relation recall", f"{rel.recall:.3f}",
                      f"{rel.found}/{rel.gold} (suggested links count as linked)")
        for label, recall in rel.by_label.items():
            table.add_row(f"  {label}", f"{recall.recall:.3f}", f"{recall.found}/{recall.gold}")
    if strict:
        table.add_row("relation recall (auto/confirmed only)", f"{strict.recall:.3f}",
                      f"{strict.found}/{strict.gold}")
    console.print(table)
    if args.verbose:
        for title, items in (("missed gold claims", report.missed),
                             ("unmatched extractions", report.unmatched),
                             ("missed relations", report.relations.missed
                              if report.relations else [])):
            console.print(f"\n[bold]{title}[/] ({len(items)})")
            for item in items:
                console.print(f"  {safe(item, 160)}")
    return 1 if report.leaks else 0
