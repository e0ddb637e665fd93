"""A paragraph that never ends (no full stop in 100,000 characters) is read in bounded time.

Every step reads a bounded stretch around each figure (clauses are cut into pieces, a speaker
is looked for a few words back), so the work grows with the text, not with its square. The bound
is generous on purpose (about 40x what it takes on a 2-core machine): it catches a quadratic
step (this text took 15 s before the bounds), not a slow machine.
"""

from __future__ import annotations

import time

from factcheck.core.extract import extract_claims
from factcheck.core.ingest import ingest_bytes

WORDS = ("Menteri Budi Santoso mengatakan bahwa pemerintah akan membangun 12 jembatan baru di "
         "Sumberjaya dan warga menyambut rencana itu dengan gembira serta berharap proyek "
         "selesai tepat waktu ")
BOUND_S = 30.0


def test_a_100k_character_paragraph_without_full_stops_is_read_in_bounded_time() -> None:
    text = (WORDS * (100_000 // len(WORDS) + 1))[:100_000]
    result = ingest_bytes(("Judul Berita\n\n" + text).encode(), "long.txt")
    started = time.process_time()
    mentions = extract_claims(result.source, result.passages)
    took = time.process_time() - started
    assert took < BOUND_S, f"{took:.1f} s of processor time for 100k characters"
    # Every figure of the run is its own claim, and every claim lies inside the text.
    assert len([m for m in mentions if m.normalized.value == 12]) >= 500
    assert all(result.source.text[m.start:m.end] == m.text for m in mentions)
