"""Speed of the TUI on big stores (no timed assertions: numbers are printed; run with ``-s``).

Builds stores of 10,000 and 100,000 tracked claims (the factory's claims replicated with new
ids, with their sources, passages and mentions), writes the big one to a file to time opening
it, and measures with `factcheck.tui.perf.measure_tui`: time to the first full screen and
processor time per cursor step, from the key to the screen fully drawn for the new claim (the
harness's own work left out; see its docstring).
"""

from __future__ import annotations

import time
from pathlib import Path

import orjson
import pytest

from factcheck.core.store import Store
from factcheck.tui.perf import measure_tui
from tests.tui.bigstore import big_store
from tests.tui.helpers import settings


@pytest.mark.slow
@pytest.mark.parametrize("claims", [10_000, 100_000])
def test_big_store_opens_and_scrolls(claims: int, tmp_path: Path) -> None:
    store = big_store(claims)
    path = tmp_path / "claims.json"
    path.write_bytes(orjson.dumps(store.storage.read()))
    started = time.perf_counter()
    opened = Store.open(path)
    open_s = time.perf_counter() - started
    result = measure_tui(opened, settings(), steps=50)
    print(f"\n{claims:,} claims: store open {open_s:.2f} s, first screen "
          f"{result['first_screen_s']:.2f} s, cursor step median {result['step_ms_median']:.1f} "
          f"ms, max {result['step_ms_max']:.1f} ms (processor time)")
    assert set(result) == {"first_screen_s", "step_ms_median", "step_ms_max"}
    assert len(opened.raw("claims")) == claims
