"""Damage to inflict on a store, and a way to run ``factcheck doctor``, for the doctor tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.core.store import Store, lined
from tests.factories import build_store

Data = dict[str, Any]


def healthy_store(path: Path) -> Path:
    """The factories' reviewed store, compacted (no journal) at ``path``."""
    store = build_store(Store.open(path))
    store.compact()
    store.close()
    return path


def edit(path: Path, change: Callable[[Data], None]) -> None:
    """Change the main file's JSON in place (as a hand edit or a bad disk would)."""
    data = lined.logical(json.loads(path.read_text(encoding="utf-8")))  # sources with text...
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def journal_of(path: Path) -> Path:
    """The journal beside a store."""
    return path.with_name(path.name + ".journal")


def append_journal(path: Path, raw: bytes) -> None:
    """Append raw bytes to the journal."""
    with open(journal_of(path), "ab") as handle:
        handle.write(raw)


def generation(path: Path) -> int:
    """The generation in the main file's header."""
    return int(json.loads(path.read_text())["_meta"]["store"].get("generation", 0))


def evidence(data: Data, claim: str, index: int) -> dict[str, Any]:
    """One evidence item of a claim."""
    return data["claims"][claim]["evidence"][index]  # type: ignore[no-any-return]


def passage_of(data: Data, claim: str, index: int) -> dict[str, Any]:
    """The passage document behind one evidence item."""
    return data["passages"][evidence(data, claim, index)["passage_id"]]  # type: ignore[no-any-return]


def run_doctor(argv: list[str]) -> int:
    """``factcheck doctor ARGV`` through the command line's entry point."""
    from factcheck.cli import main

    return main(["doctor", *argv])
