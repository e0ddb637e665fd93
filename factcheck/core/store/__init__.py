"""Persistence: the store, its backends, schema migrations and the doctor.

* `store`: `Store`, the object every other module reads and writes through;
* `backend`: `Backend`, the interface a place to keep the data implements (one file);
* `files`: the file backend (``claims.json``, its journal and lock) and the memory backend;
* `migrations`: upgrades of stores written by older versions.
"""

from factcheck.core.store.backend import (
    CORPUS_TABLES,
    FORMAT_NAME,
    META_ID,
    META_TABLE,
    REVIEW_TABLES,
    Backend,
    Data,
    Op,
    StoreError,
    apply_ops,
)
from factcheck.core.store.files import FileBackend, MemoryBackend, atomic_write
from factcheck.core.store.store import (
    DEFAULT_PATH,
    ENV_VAR,
    TABLES,
    Store,
    Transaction,
    default_location,
    default_path,
)

__all__ = [
    "CORPUS_TABLES",
    "DEFAULT_PATH",
    "ENV_VAR",
    "FORMAT_NAME",
    "META_ID",
    "META_TABLE",
    "REVIEW_TABLES",
    "TABLES",
    "Backend",
    "Data",
    "FileBackend",
    "MemoryBackend",
    "Op",
    "Store",
    "StoreError",
    "Transaction",
    "apply_ops",
    "atomic_write",
    "default_location",
    "default_path",
]
