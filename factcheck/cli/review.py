"""Review commands: the TUI, and scriptable twins of every review action."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

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
from factcheck.core import decisions
from factcheck.core.review import Outcome, ReviewError, add_note, mark, set_verdict
from factcheck.core.store import Store, StoreError

MARKS = {"supports": "supports", "contradicts": "contradicts", "denial": "denial",
         "unrelated": "unrelated", "clear": None}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the review commands."""
    p = sub.add_parser("review", help="open the review TUI (also: factcheck with no command)",
                       description="Work through the claims in the terminal.")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_review)

    p = sub.add_parser("mark", help="mark a passage of a claim",
                       description="Set your mark on one passage of one claim.")
    p.add_argument("claim_id", metavar="CLAIM")
    p.add_argument("passage_id", metavar="PASSAGE")
    p.add_argument("stance", choices=list(MARKS))
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_mark)

    p = sub.add_parser("note", help="add a note to a claim (or one of its passages)",
                       description="Add a note; the text is read from stdin when TEXT is '-'.")
    p.add_argument("claim_id", metavar="CLAIM")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--passage", metavar="PASSAGE", help="attach the note to this passage")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("verdict", help="set the verdict of a claim",
                       description="Set (or --clear) the verdict of a claim. LABEL is a key of "
                       "the verdict scale: true, partly_true, misleading, false, disputed, "
                       "unverifiable (default scale).")
    p.add_argument("claim_id", metavar="CLAIM")
    p.add_argument("label", metavar="LABEL", nargs="?")
    p.add_argument("--explanation", "-e", default="", help="why (shown in reports)")
    p.add_argument("--clear", action="store_true", help="remove the verdict")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_verdict)

    for name, helptext in (("confirm", "confirm a suggested passage of a claim"),
                           ("reject", "reject a passage of a claim (it stands alone)"),
                           ("unlink", "take a passage out of a claim (it stands alone)")):
        p = sub.add_parser(name, help=helptext, description=helptext.capitalize() + ".")
        p.add_argument("claim_id", metavar="CLAIM")
        p.add_argument("passage_id", metavar="PASSAGE")
        add_store_arguments(p, reviewer=True)
        p.set_defaults(handler=cmd_decision, decision=name)

    p = sub.add_parser("attach", help="link a passage to a claim by hand",
                       description="Move a passage's claim into another tracked claim.")
    p.add_argument("passage_id", metavar="PASSAGE")
    p.add_argument("claim_id", metavar="CLAIM")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_decision, decision="attach")

    p = sub.add_parser("merge", help="merge claim OTHER into claim KEEP",
                       description="Fold OTHER into KEEP: passages, marks and notes move over.")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_decision, decision="merge")

    p = sub.add_parser("split", help="split passages off a claim into a new claim",
                       description="Move the given passages out of CLAIM into a new claim.")
    p.add_argument("claim_id", metavar="CLAIM")
    p.add_argument("passage_ids", metavar="PASSAGE", nargs="+")
    add_store_arguments(p, reviewer=True)
    p.set_defaults(handler=cmd_decision, decision="split")

    p = sub.add_parser("history", help="the change log of a claim",
                       description="Who changed what on a claim, and when (before -> after).")
    p.add_argument("claim_id", metavar="CLAIM", nargs="?", help="omit for the whole store")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_store_arguments(p)
    p.set_defaults(handler=cmd_history)


def _run(store: Store, action: Callable[[], Outcome]) -> Outcome:
    try:
        return action()
    except (ReviewError, StoreError) as exc:
        raise UserError(str(exc)) from exc


def cmd_review(args: argparse.Namespace) -> int:
    """``factcheck review`` (and bare ``factcheck``)."""
    settings = settings_from(args)
    store = open_store(args)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise UserError("the review TUI needs a terminal (use mark/note/verdict in scripts)")
    from factcheck.tui.app import run_app

    return run_app(store, settings)


def cmd_mark(args: argparse.Namespace) -> int:
    """``factcheck mark``."""
    store, settings = open_store(args), settings_from(args)
    outcome = _run(store, lambda: mark(store, args.claim_id, args.passage_id,
                                       MARKS[args.stance], settings.reviewer))
    console.print(f"{args.claim_id} / {args.passage_id}: {outcome.change.before or 'no mark'} "
                  f"-> {outcome.change.after or 'no mark'} ({safe(settings.reviewer)})")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    """``factcheck note``."""
    store, settings = open_store(args), settings_from(args)
    text = sys.stdin.read() if args.text == "-" else args.text
    _run(store, lambda: add_note(store, args.claim_id, text, settings.reviewer, args.passage))
    console.print(f"note added to {args.claim_id} by {safe(settings.reviewer)}")
    return 0


def cmd_verdict(args: argparse.Namespace) -> int:
    """``factcheck verdict``."""
    store, settings = open_store(args), settings_from(args)
    if args.clear == (args.label is not None):
        raise UserError("give a verdict LABEL or --clear (not both)")
    label = None if args.clear else args.label
    keys = {v.key for v in settings.verdicts}
    _run(store, lambda: set_verdict(store, args.claim_id, label, settings.reviewer,
                                    args.explanation, valid_labels=keys))
    shown = settings.verdict(label).label(settings.language) if label else "cleared"  # type: ignore[union-attr]
    console.print(f"{args.claim_id}: verdict {shown} ({safe(settings.reviewer)})")
    return 0


def cmd_decision(args: argparse.Namespace) -> int:
    """``confirm``/``reject``/``unlink``/``attach``/``merge``/``split``."""
    store, settings = open_store(args), settings_from(args)
    who = settings.reviewer
    actions: dict[str, Callable[[], Outcome]] = {
        "confirm": lambda: decisions.confirm_link(store, args.claim_id, args.passage_id, who),
        "reject": lambda: decisions.reject_link(store, args.claim_id, args.passage_id, who),
        "unlink": lambda: decisions.unlink(store, args.claim_id, args.passage_id, who),
        "attach": lambda: decisions.link_passage(store, args.passage_id, args.claim_id, who),
        "merge": lambda: decisions.merge_claims(store, args.keep, args.other, who),
        "split": lambda: decisions.split_claim(store, args.claim_id, args.passage_ids, who),
    }
    outcome = _run(store, actions[args.decision])
    change = outcome.change
    console.print(safe(f"{change.what}: {change.target} {change.detail} "
                       f"({change.before} -> {change.after})"))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """``factcheck history``."""
    store = open_store(args)
    changes = store.changes(args.claim_id)
    if args.json:
        print_json([c.model_dump(mode="json") for c in changes])
        return 0
    table = Table(title=f"{len(changes)} changes" + (f" to {args.claim_id}" if args.claim_id
                                                     else ""))
    for column in ("when", "who", "what", "target", "detail", "before", "after", "conflict"):
        table.add_column(column, overflow="fold")
    for c in changes:
        table.add_row(c.at, safe(c.who), c.what, c.target, safe(c.detail, 40),
                      safe(_short(c.before), 40), safe(_short(c.after), 40),
                      "yes" if c.conflict else "")
    console.print(table)
    return 0


def _short(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("label") or value.get("text") or value)
    return "—" if value is None else str(value)
