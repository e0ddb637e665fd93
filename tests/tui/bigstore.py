"""Big stores for the performance measurements: the factory's claims replicated with new ids."""

from __future__ import annotations

from typing import Any

from factcheck.core.store import MemoryBackend, Store
from tests.factories import build_store

TABLES = ("sources", "passages", "mentions", "claims", "reviews")


def _renamed(doc: Any, ids: dict[str, str]) -> Any:
    if isinstance(doc, str):
        return ids.get(doc, doc)
    if isinstance(doc, dict):
        return {ids.get(k, k): _renamed(v, ids) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_renamed(v, ids) for v in doc]
    return doc


def big_store(claims: int) -> Store:
    """An in-memory store with ``claims`` tracked claims (copies of the factory's three, with
    their sources, passages, mentions and, for every other copy, reviews)."""
    base = build_store(Store.memory()).backend.read_all()
    ids = [key for table in TABLES[:4] for key in base.get(table, {})]
    data: dict[str, dict[str, Any]] = {table: {} for table in TABLES}
    data["_meta"] = dict(base["_meta"])
    copy = 0
    while len(data["claims"]) < claims:
        suffix = f"-{copy:06d}"
        rename = {key: key + suffix for key in ids}
        for table in TABLES:
            if table == "reviews" and copy % 2:
                continue
            for key, doc in base.get(table, {}).items():
                if table == "claims":
                    doc = {**doc, "score": round((copy * 7919 + len(key)) % 1000 / 1000, 3)}
                data[table][rename.get(key, key)] = _renamed(doc, rename)
        copy += 1
    for extra in list(data["claims"])[claims:]:
        del data["claims"][extra]
        data["reviews"].pop(extra, None)
    return Store(MemoryBackend(data))
