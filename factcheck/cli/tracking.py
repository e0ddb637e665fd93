"""``factcheck stories``, ``factcheck story move|split|merge`` and ``factcheck candidates``."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table

from factcheck.cli.common import (
    UserError,
    add_store_arguments,
    console,
    open_store,
    print_json,
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
    add_store_arguments(p)
    p.add_argument("--json", action="store_true", help="print the stories as JSON")
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
    merge.add_argument("keep", metavar="KEEP")
    merge.add_argument("other", metavar="OTHER")
    for action in (move, split, merge):
        add_store_arguments(action, reviewer=True)
    p.set_defaults(handler=cmd_story)

    p = sub.add_parser("candidates", help="claims in other outlets that may be the same fact",
                       description="Rank the mentions of a claim's story that may state the "
                       "same fact, below the linking thresholds too, with the reasons. Attach "
                       "one with `factcheck attach PASSAGE CLAIM`.")
    add_store_arguments(p)
    p.add_argument("claim", metavar="CLAIM", help="claim id (a unique prefix is enough)")
    p.add_argument("--limit", type=int, default=10, help="how many (default 10)")
    p.add_argument("--json", action="store_true", help="print the candidates as JSON")
    p.set_defaults(handler=cmd_candidates)


def _claim_id(store: Store, key: str) -> str:
    ids = list(store.raw("claims"))
    found = [key] if key in ids else [c for c in ids if c.startswith(key)]
    if len(found) != 1:
        raise UserError(f"no claim {key!r}" if not found else
                        f"{key!r} names {len(found)} claims; give more of the id")
    return found[0]


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
    table = Table(title=f"{len(every)} stories")
    table.add_column("story")
    table.add_column("title")
    table.add_column("articles", justify="right")
    table.add_column("claims", justify="right")
    table.add_column("outlets")
    for s in every:
        outlets = sorted({src.outlet or src.file for sid in s.sources
                          if (src := store.source(sid)) is not None})
        table.add_row(s.id, safe(s.title, 60), str(len(s.sources)), str(claims.get(s.id, 0)),
                      safe(", ".join(outlets), 60))
    console.print(table)
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
    claim_id = _claim_id(store, args.claim)
    found = claim_candidates(store, claim_id, max(1, args.limit))
    if args.json:
        rows: list[dict[str, Any]] = [
            {"claim": c.claim_id, "passage": c.passage_id, "mention": c.mention_id,
             "file": c.file, "outlet": c.outlet, "text": c.text, "score": c.score,
             "why": list(c.why)} for c in found]
        print_json({"claim": claim_id, "candidates": rows})
        return 0
    table = Table(title=f"candidates for {claim_id}")
    table.add_column("score", justify="right")
    table.add_column("outlet")
    table.add_column("passage")
    table.add_column("in claim")
    table.add_column("why")
    for c in found:
        table.add_row(f"{c.score:.2f}", safe(c.outlet or c.file, 24), safe(c.text, 90),
                      c.claim_id or "-", safe(", ".join(c.why), 40))
    console.print(table)
    if not found:
        console.print("no candidates in this claim's story")
    return 0
