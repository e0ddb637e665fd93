"""Keeping Python's cyclic garbage collector out of bulk work on acyclic data."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small acyclic objects are made
    (parsed JSON, linking items: reference counting still frees them); with ``freeze``, move
    what exists afterwards out of its sight for good (a loaded store lives as long as the
    process: opening a 10k-claim store goes from about 2.2 s to 0.9 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        if freeze:
            gc.freeze()
