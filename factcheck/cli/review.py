"""Review commands: the TUI, and scriptable twins of every review action."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

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
from factcheck.core import decisions
from factcheck.core.review import Outcome, ReviewError, add_note, mark, mark_key, set_verdict
from factcheck.core.store import Store, StoreError
from factcheck.settings import DEFAULT_VERDICTS

CLAIM_HELP = "claim id (a unique prefix is enough: c-29f6)"
PASSAGE_HELP = "passage id (a unique prefix is enough, as `factcheck show` prints it)"

MARKS = {"supports": "supports", "contradicts": "contradicts", "denial": "denial",
         "unrelated": "unrelated", "clear": None}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the review commands."""
    p = sub.add_parser("review", help="open the review TUI (also: factcheck with no command)",
                       description="Work through the claims in the terminal.")
    p.set_defaults(handler=cmd_review)

    p = sub.add_parser("mark", help="mark a passage of a claim",
                       description="Set your mark on one passage of one claim.")
    p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("passage_id", metavar="PASSAGE", help=PASSAGE_HELP)
    p.add_argument("stance", choices=list(MARKS))
    p.add_argument("--denial", action="store_true",
                   help="mark the sentence's report of the claim's denial (a sentence that "
                        "asserts a claim and reports its denial is two rows)")
    p.set_defaults(handler=cmd_mark)

    p = sub.add_parser("note", help="add a note to a claim (or one of its passages)",
                       description="Add a note; the text is read from stdin when TEXT is '-'.")
    p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--passage", metavar="PASSAGE", help="attach the note to this passage")
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("verdict", help="set the verdict of a claim",
                       description="Set (or --clear) the verdict of a claim. LABEL names a step "
                       "of the verdict scale by its key or its English or Indonesian label, in "
                       "any case (partly_true, 'Partly true', 'sebagian benar'). The default "
                       f"scale: {lookup.scale_help(DEFAULT_VERDICTS)}.")
    p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("label", metavar="LABEL", nargs="?",
                   help="the verdict: key or label, either language, any case")
    p.add_argument("--explanation", "-e", default="", help="why (shown in reports)")
    p.add_argument("--clear", action="store_true", help="remove the verdict")
    p.set_defaults(handler=cmd_verdict)

    for name, helptext in (("confirm", "confirm a suggested passage of a claim"),
                           ("reject", "reject a passage of a claim (it stands alone)"),
                           ("unlink", "take a passage out of a claim (it stands alone)")):
        p = sub.add_parser(name, help=helptext, description=helptext.capitalize() + ".")
        p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
        p.add_argument("passage_id", metavar="PASSAGE", help=PASSAGE_HELP)
        p.set_defaults(handler=cmd_decision, decision=name)

    p = sub.add_parser("attach", help="link a passage to a claim by hand",
                       description="Move a passage's claim into another tracked claim.")
    p.add_argument("passage_id", metavar="PASSAGE", help=PASSAGE_HELP)
    p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
    p.set_defaults(handler=cmd_decision, decision="attach")

    p = sub.add_parser("merge", help="merge claim OTHER into claim KEEP",
                       description="Fold OTHER into KEEP: passages, marks and notes move over.")
    p.add_argument("keep", metavar="KEEP", help=CLAIM_HELP)
    p.add_argument("other", metavar="OTHER", help=CLAIM_HELP)
    p.set_defaults(handler=cmd_decision, decision="merge")

    p = sub.add_parser("split", help="split passages off a claim into a new claim",
                       description="Move the given passages out of CLAIM into a new claim.")
    p.add_argument("claim_id", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("passage_ids", metavar="PASSAGE", nargs="+", help=PASSAGE_HELP)
    p.set_defaults(handler=cmd_decision, decision="split")

    p = sub.add_parser("history", help="the change log of a claim",
                       description="Who changed what on a claim, and when (before -> after).")
    p.add_argument("claim_id", metavar="CLAIM", nargs="?", help="omit for the whole store")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--tsv", action="store_true", help="print tab-separated lines, full ids")
    p.set_defaults(handler=cmd_history)


T = TypeVar("T")


def _run(store: Store, action: Callable[[], T]) -> T:
    try:
        return action()
    except (ReviewError, StoreError) as exc:
        raise UserError(str(exc)) from exc


def cmd_review(args: argparse.Namespace) -> int:
    """``factcheck review`` (and bare ``factcheck``)."""
    store = open_store(args)
    settings = settings_from(args)  # after opening: a database store names the reviewer
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise UserError("the review TUI needs a terminal (use mark/note/verdict in scripts)")
    from factcheck.tui.app import run_app

    return run_app(store, settings)


def cmd_mark(args: argparse.Namespace) -> int:
    """``factcheck mark``."""
    store, settings = open_store(args), settings_from(args)
    claim = lookup.claim_id(store, args.claim_id)
    passage = lookup.passage_id(store, args.passage_id, claim)
    key = _run(store, lambda: mark_key(store, claim, passage, args.denial))
    outcome = _run(store, lambda: mark(store, claim, key, MARKS[args.stance],
                                       settings.reviewer))
    row = f"{passage} (its report of the denial)" if key != passage else passage
    console.print(f"{claim} / {row}: {outcome.change.before or 'no mark'} "
                  f"-> {outcome.change.after or 'no mark'} ({safe(settings.reviewer)})")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    """``factcheck note``."""
    store, settings = open_store(args), settings_from(args)
    claim = lookup.claim_id(store, args.claim_id)
    passage = lookup.passage_id(store, args.passage, claim) if args.passage else None
    text = sys.stdin.read() if args.text == "-" else args.text
    _run(store, lambda: add_note(store, claim, text, settings.reviewer, passage))
    console.print(f"note added to {claim} by {safe(settings.reviewer)}")
    return 0


def cmd_verdict(args: argparse.Namespace) -> int:
    """``factcheck verdict``."""
    store, settings = open_store(args), settings_from(args)
    if args.clear == (args.label is not None):
        raise UserError("give a verdict LABEL or --clear (not both)")
    label = None if args.clear else lookup.verdict_key(settings, args.label)
    claim = lookup.claim_id(store, args.claim_id)
    keys = [v.key for v in settings.verdicts]
    _run(store, lambda: set_verdict(store, claim, label, settings.reviewer, args.explanation,
                                    valid_labels=set(keys)))
    option = settings.verdict(label) if label else None
    shown = option.label(settings.language) if option else "cleared"
    console.print(f"{claim}: verdict {safe(shown)} ({safe(settings.reviewer)})")
    return 0


def cmd_decision(args: argparse.Namespace) -> int:
    """``confirm``/``reject``/``unlink``/``attach``/``merge``/``split``."""
    store, settings = open_store(args), settings_from(args)
    who = settings.reviewer

    def claim() -> str:
        return lookup.claim_id(store, args.claim_id)

    def passage(key: str, within: bool = True) -> str:
        """A passage prefix is looked for first among the claim's own passages."""
        return lookup.passage_id(store, key, claim() if within else None)

    actions: dict[str, Callable[[], Outcome]] = {
        "confirm": lambda: decisions.confirm_link(store, claim(), passage(args.passage_id), who),
        "reject": lambda: decisions.reject_link(store, claim(), passage(args.passage_id), who),
        "unlink": lambda: decisions.unlink(store, claim(), passage(args.passage_id), who),
        "attach": lambda: decisions.link_passage(store, passage(args.passage_id, within=False),
                                                 claim(), who),
        "merge": lambda: decisions.merge_claims(store, lookup.claim_id(store, args.keep),
                                                lookup.claim_id(store, args.other), who),
        "split": lambda: decisions.split_claim(store, claim(),
                                               [passage(key) for key in args.passage_ids], who),
    }
    outcome = _run(store, actions[args.decision])
    change = outcome.change
    console.print(safe(f"{change.what}: {change.target} {change.detail} "
                       f"({change.before} -> {change.after})"))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """``factcheck history``."""
    store = open_store(args)
    target = lookup.history_target(store, args.claim_id) if args.claim_id else None
    changes = store.changes(target)
    if args.json:
        print_json([c.model_dump(mode="json") for c in changes])
        return 0
    short = {**lookup.short_claim_ids(store), **lookup.short_passage_ids(store)}

    def shown(value: str) -> str:
        return value if args.tsv else short.get(value, value)

    columns = (Column("when"), Column("who", 30), Column("what"), Column("target"),
               Column("detail", 40), Column("before", 40, wrap=True),
               Column("after", 40, wrap=True), Column("conflict"))
    print_rows(f"{len(changes)} changes" + (f" to {target}" if target else ""), columns, (
        (c.at, c.who, c.what, shown(c.target), shown(c.detail), _short(c.before),
         _short(c.after), "yes" if c.conflict else "") for c in changes), tsv=args.tsv)
    return 0


def _short(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("label") or value.get("text") or value)
    return "—" if value is None else str(value)
