"""Worker processes for the reliability tests: ``python -m tests.reliability.workers MODE ...``.

Modes:

* ``mark DB REVIEWER SLOTS [--compact-min N]``: mark each (claim, passage) of the JSON file
  SLOTS through `factcheck.core.review.mark`, printing ``ACK ...`` after each;
* ``cli-mark DB REVIEWER SLOTS``: the same through ``factcheck.cli.main(["mark", ...])``, one
  command per mark (each opens the store afresh, as separate ``factcheck mark`` runs do).

With ``--wait`` the worker prints ``READY`` and waits for a line on stdin before starting, so two
workers can be released at the same moment.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.reliability.helpers import STANCES, mark_slots


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _cli_marks(db: str, reviewer: str, slots: list[tuple[str, str]]) -> None:
    from factcheck.cli import main

    for i, (claim_id, passage_id) in enumerate(slots):
        stance = STANCES[i % len(STANCES)]
        code = main(["mark", claim_id, passage_id, stance, "--db", str(db),
                     "--reviewer", reviewer])
        if code != 0:
            raise SystemExit(f"factcheck mark exited {code}")
        _emit(f"ACK {claim_id} {passage_id} {stance} {reviewer}")


def main(argv: list[str] | None = None) -> None:
    """Run one worker."""
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.workers")
    parser.add_argument("mode", choices=["mark", "cli-mark"])
    parser.add_argument("db", help="a store file or a postgresql:// address")
    parser.add_argument("reviewer")
    parser.add_argument("slots", type=Path)
    parser.add_argument("--compact-min", type=int)
    parser.add_argument("--wait", action="store_true")
    args = parser.parse_args(argv)
    slots = [tuple(s) for s in json.loads(args.slots.read_text())]
    if args.wait:
        _emit("READY")
        sys.stdin.readline()
    if args.mode == "mark":
        mark_slots(args.db, args.reviewer, slots, _emit,  # type: ignore[arg-type]
                   compact_min=args.compact_min)
    else:
        _cli_marks(args.db, args.reviewer, slots)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
