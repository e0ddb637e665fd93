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

MIGRATIONS: dict[int, Callable[[Data], Data]] = {}
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
