"""Upgrades of stores written by older versions of factcheck.

Each step takes the stored data of schema ``n`` and returns it in schema ``n + 1``. The store
backs the file up before running them (``claims.json.v<n>-<time>.bak``) and writes the result
atomically, so an upgrade that fails leaves the old file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck.core.models import SCHEMA_VERSION

Data = dict[str, dict[str, Any]]



def migrate_v0_to_v1(data: Data) -> Data:
    """Schema 0 -> 1: marks were one per passage, now one per passage per reviewer.

    Schema 0 kept ``Review.marks`` as ``{passage_id: mark}``, so a second reviewer's mark
    replaced the first; schema 1 keeps ``{passage_id: {reviewer: mark}}``. Each mark moves under
    its reviewer (``unknown`` when it names none). The 0 header has no ``schema_version`` and no
    ``generation``; the store sets the version, and compaction the generation, after this step.
    """
    for review in data.get("reviews", {}).values():
        marks = review.get("marks") or {}
        review["marks"] = {
            passage: {mark.get("reviewer") or "unknown":
                      {**mark, "reviewer": mark.get("reviewer") or "unknown"}}
            if "stance" in mark else mark  # already per reviewer
            for passage, mark in marks.items()
        }
    return data


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: migrate_v0_to_v1}
"""Schema version -> the step that upgrades it by one."""


def migrate(data: Data, version: int) -> Data:
    """Upgrade ``data`` from ``version`` to the current schema, step by step."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no upgrade from schema {version}")
        data = step(data)
        version += 1
    return data
