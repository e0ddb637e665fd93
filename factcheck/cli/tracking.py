"""``factcheck stories``, ``factcheck story move|split|merge`` and ``factcheck candidates``."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli import lookup
from factcheck.cli.common import (
    Column,
    UserError,
    console,
    open_store,
    print_json,
    print_rows,
    safe,
    settings_from,
)
from factcheck.core import stories as story_ops
from factcheck.core.pipeline import claim_candidates
from factcheck.core.review import ReviewError
from factcheck.core.store import Store, StoreError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the tracking commands."""
    p = sub.add_parser("stories", help="list the stories (articles about one event)",
                       description="List the stories: articles about one event, in any "
                       "language, grouped from the names, places, figures and terms they "
                       "share. Claims are tracked inside a story.")
    p.add_argument("--json", action="store_true", help="print the stories as JSON")
    p.add_argument("--tsv", action="store_true", help="print tab-separated lines, full ids")
    p.set_defaults(handler=cmd_stories)

    p = sub.add_parser("story", help="move an article, split or merge stories (logged)",
                       description="Overrule the story grouping: move an article into another "
                       "story (or back to the tool's choice with --auto), split articles off "
                       "a story, or merge one story into another. Each decision is logged and "
                       "the stories it touches are re-linked; reviewed claims keep their ids.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    move = actions.add_parser("move", help="move ARTICLE into STORY")
    move.add_argument("article", metavar="ARTICLE", help="file name or source id (a prefix)")
    move.add_argument("story", metavar="STORY", nargs="?", help="story id (a prefix)")
    move.add_argument("--auto", action="store_true",
                      help="undo earlier moves: let the tool place the article again")
    split = actions.add_parser("split", help="split ARTICLE... off STORY into a new story")
    split.add_argument("story", metavar="STORY")
    split.add_argument("articles", metavar="ARTICLE", nargs="+")
    merge = actions.add_parser("merge", help="merge story OTHER into story KEEP")
    merge.add_argument("keep", metavar="KEEP", help="story id (a unique prefix is enough)")
    merge.add_argument("other", metavar="OTHER", help="story id (a unique prefix is enough)")
    p.set_defaults(handler=cmd_story)

    p = sub.add_parser("candidates", help="claims in other outlets that may be the same fact",
                       description="Rank the mentions of a claim's story that may state the "
                       "same fact, below the linking thresholds too, with the reasons. Attach "
                       "one with `factcheck attach PASSAGE CLAIM`.")
    p.add_argument("claim", metavar="CLAIM", help="claim id (a unique prefix is enough)")
    p.add_argument("--limit", type=int, default=10, help="how many (default 10)")
    p.add_argument("--json", action="store_true", help="print the candidates as JSON")
    p.add_argument("--tsv", action="store_true", help="print tab-separated lines, full text")
    p.set_defaults(handler=cmd_candidates)


def cmd_stories(args: argparse.Namespace) -> int:
    """``factcheck stories``."""
    store = open_store(args)
    every = story_ops.stories(store)
    claims: dict[str, int] = {}
    for doc in store.raw("claims").values():
        claims[doc.get("story_id") or ""] = claims.get(doc.get("story_id") or "", 0) + 1
    if args.json:
        print_json([{"id": s.id, "title": s.title, "articles": len(s.sources),
                     "claims": claims.get(s.id, 0), "keys": s.keys,
                     "sources": [_file(store, sid) for sid in s.sources]} for s in every])
        return 0
    short = lookup.short_story_ids(store)
    columns = (Column("story"), Column("title", 60, wrap=True),
               Column("articles", justify="right"), Column("claims", justify="right"),
               Column("outlets", 60, wrap=True))
    print_rows(f"{len(every)} stories", columns, (
        (s.id if args.tsv else short[s.id], s.title, len(s.sources), claims.get(s.id, 0),
         ", ".join(sorted({src.outlet or src.file for sid in s.sources
                           if (src := store.source(sid)) is not None})))
        for s in every), tsv=args.tsv)
    return 0


def _file(store: Store, source_id: str) -> str:
    source = store.source(source_id)
    return source.file if source else source_id


def cmd_story(args: argparse.Namespace) -> int:
    """``factcheck story move|split|merge``."""
    store = open_store(args)
    reviewer = settings_from(args).reviewer
    try:
        if args.action == "move":
            if not args.auto and not args.story:
                raise UserError("name the STORY to move the article into, or give --auto")
            story_ops.move_article(store, args.article, None if args.auto else args.story,
                                   reviewer)
            console.print(f"moved {safe(args.article)}"
                          + (" back to the tool's choice" if args.auto
                             else f" into {safe(args.story)}"))
        elif args.action == "split":
            new = story_ops.split_story(store, args.story, args.articles, reviewer)
            console.print(f"split {len(args.articles)} article(s) into new story {new}")
        else:
            story_ops.merge_stories(store, args.keep, args.other, reviewer)
            console.print(f"merged story {safe(args.other)} into {safe(args.keep)}")
    except (ReviewError, StoreError) as exc:
        raise UserError(str(exc)) from exc
    return 0


def cmd_candidates(args: argparse.Namespace) -> int:
    """``factcheck candidates CLAIM``."""
    store = open_store(args)
    claim_id = lookup.claim_id(store, args.claim)
    found = claim_candidates(store, claim_id, max(1, args.limit))
    if args.json:
        rows: list[dict[str, Any]] = [
            {"claim": c.claim_id, "passage": c.passage_id, "mention": c.mention_id,
             "file": c.file, "outlet": c.outlet, "text": c.text, "score": c.score,
             "why": list(c.why)} for c in found]
        print_json({"claim": claim_id, "candidates": rows})
        return 0
    short = {**lookup.short_claim_ids(store), **lookup.short_passage_ids(store)}
    columns = (Column("score", justify="right"), Column("outlet", 24),
               Column("passage id"), Column("passage", 90, wrap=True), Column("in claim"),
               Column("why", 40, wrap=True))
    print_rows(f"candidates for {claim_id}", columns, (
        (f"{c.score:.2f}", c.outlet or c.file,
         c.passage_id if args.tsv else short.get(c.passage_id, c.passage_id), c.text,
         (c.claim_id if args.tsv else short.get(c.claim_id, c.claim_id)) if c.claim_id
         else "-", ", ".join(c.why)) for c in found), tsv=args.tsv)
    if not found and not args.tsv:
        console.print("no candidates in this claim's story")
    return 0
