"""``factcheck eval``: score the pipeline against gold claims and relations."""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table

from factcheck.cli.common import UserError, console, print_json, safe
from factcheck.core import pipeline
from factcheck.core.evaluate import (
    Gold,
    Scoring,
    by_cluster,
    by_story,
    candidate_recall,
    corpus_texts,
    load_gold,
    score_export,
    summary_figures,
)
from factcheck.core.report import export_report
from factcheck.core.store import Store
from factcheck.settings import Settings

CANDIDATES_SHOWN = 5
"""Candidates a reviewer sees first (the reviewer-facing recall counts these)."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``eval`` command."""
    p = sub.add_parser(
        "eval", help="score extraction and tracking against gold claims and relations",
        description="Ingest a corpus into a temporary store, export it as JSON and score it as "
        "the corpus README defines (the figures of the reference scorer, corpus/score.py): "
        "claim recall and precision, recall per kind, furniture leaks, relation recall "
        "(agree / contradict), link precision; then relation recall per story and per fact "
        "cluster, and how often a related claim is among the first candidates. Gold: "
        "seeds-gold.json, or a list of claims with --relations. Exits non-zero when page "
        "furniture leaks into a passage.",
    )
    p.add_argument("gold", type=Path, metavar="GOLD")
    p.add_argument("--corpus", type=Path, required=True, metavar="DIR")
    p.add_argument("--relations", type=Path, metavar="FILE",
                   help="relations.json of a list-layout gold")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="list missed gold claims and missed relations")
    p.set_defaults(handler=cmd_eval)


@dataclass
class Evaluation:
    """Everything ``eval`` measured on one corpus."""

    scoring: Scoring
    settled: Scoring
    """The same run, counting only automatic and confirmed links."""
    stories: list[Any]
    clusters: list[Any]
    candidates: tuple[int, int]


def run_eval(gold_path: Path, corpus: Path, relations: Path | None = None) -> Evaluation:
    """Ingest ``corpus`` into a scratch store, export it, and score the export."""
    try:
        gold = load_gold(gold_path, relations)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{gold_path}: cannot read gold: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        store = Store.open(Path(tmp) / "claims.json")
        report = pipeline.ingest_paths(store, [corpus])
        if report.errors:
            raise UserError("; ".join(report.errors))
        export = json.loads(export_report(store, "json", Settings()))
        texts = corpus_texts(corpus)
        scoring = score_export(export, gold, texts)
        settled = score_export(export, gold, texts, settled_only=True)
        titles = {s.id: s.title for s in store.all("stories")}
        story_of = {src.file: titles.get(story.id, story.id)
                    for story in store.all("stories") for sid in story.sources
                    if (src := store.source(sid)) is not None}
        shown = {
            claim.id: [(c.passage_id, c.file) for c in
                       pipeline.claim_candidates(store, claim.id, CANDIDATES_SHOWN)]
            for claim in store.claims()
        }
        store.close()
    return Evaluation(scoring, settled, by_story(gold, scoring, story_of),
                      by_cluster(gold, scoring), candidate_recall(gold, scoring, shown))


def _as_json(ev: Evaluation, gold: Gold | None = None) -> dict[str, Any]:
    s = ev.scoring
    return {
        "reference": s.line(),
        "recall": s.recall, "precision": s.precision,
        "recall_by_kind": {k: {"gold": n, "found": f} for k, (n, f) in s.by_kind.items()},
        "kind_agreement": s.kind_agreement,
        "leaks": [{"article": a, "boilerplate": b} for a, b in s.leaks],
        "relations": s.relations, "rel_recall": s.rel_recall,
        "agree_recall": s.agree_recall, "contra_recall": s.contra_recall,
        "link_precision": s.link_precision, "linked_pairs": s.linked_pairs,
        "settled": {"rel_recall": ev.settled.rel_recall,
                    "contra_recall": ev.settled.contra_recall,
                    "link_precision": ev.settled.link_precision,
                    "linked_pairs": ev.settled.linked_pairs},
        "candidate_recall": {"shown": CANDIDATES_SHOWN, "seen": ev.candidates[0],
                             "claims": ev.candidates[1]},
        "stories": [{"story": g.name, "relations": g.relations, "found": g.found}
                    for g in ev.stories],
        "clusters": [{"cluster": g.name, "relations": g.relations, "found": g.found}
                     for g in ev.clusters],
        "missed": s.missed,
    }


def cmd_eval(args: argparse.Namespace) -> int:
    """``factcheck eval GOLD --corpus DIR [--relations FILE]``."""
    if not args.corpus.is_dir():
        raise UserError(f"{args.corpus}: not a folder")
    ev = run_eval(args.gold, args.corpus, args.relations)
    s = ev.scoring
    if args.json:
        print_json(_as_json(ev))
        return 1 if s.leaks else 0
    table = Table(title=f"factcheck eval: {args.gold.name} on {args.corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("detail")

    def row(name: str, value: float, detail: str) -> None:
        table.add_row(name, f"{value:.3f}", detail)

    found = sum(f for _n, f in s.by_kind.values())
    total = sum(n for n, _f in s.by_kind.values())
    row("claim recall", s.recall, f"{found}/{total} gold claims found")
    row("claim precision", s.precision, f"of {s.passages_located} located passages")
    for kind, (n, f) in s.by_kind.items():
        row(f"  recall: {kind}", f / n if n else 1.0, f"{f}/{n}")
    row("kind agreement", s.kind_agreement, "found gold claims tracked with the gold kind")
    table.add_row("furniture leaks", str(len(s.leaks)),
                  ", ".join(f"{a}: {b!r}" for a, b in s.leaks[:5]))
    if s.relations:
        row("relation recall", s.rel_recall,
            f"{sum(s.relation_hits.values())}/{s.relations} (suggested links count)")
        row("  agree", s.agree_recall, "")
        row("  contradict", s.contra_recall, "flagged with a conflict naming both sides")
        row("link precision", s.link_precision, f"{s.linked_pairs} linked passage pairs")
        row("relation recall, settled links", ev.settled.rel_recall,
            f"link precision {ev.settled.link_precision:.3f} over "
            f"{ev.settled.linked_pairs} pairs")
        seen, claims = ev.candidates
        row(f"related claim in first {CANDIDATES_SHOWN} candidates",
            seen / claims if claims else 1.0, f"{seen}/{claims} gold claims with a relation")
    console.print(table)
    if s.relations:
        for title, groups in (("story", ev.stories), ("fact cluster", ev.clusters)):
            sub = Table(title=f"relation recall per {title}")
            sub.add_column(title)
            sub.add_column("recall", justify="right")
            sub.add_column("found")
            for name, recall, detail in summary_figures(groups):
                sub.add_row(safe(name, 60), recall, detail)
            console.print(sub)
    console.print(safe(s.line(), 400))
    if args.verbose:
        console.print(f"\n[bold]missed gold claims[/] ({len(s.missed)})")
        console.print(safe(" ".join(s.missed), 2000))
    return 1 if s.leaks else 0
