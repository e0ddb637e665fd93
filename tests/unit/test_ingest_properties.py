"""Invariants of ingest on arbitrary pages: offsets, ids, redaction, clean failures."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.core.ingest import IngestError, ingest_bytes
from factcheck.core.models import Role

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

PIECES = [
    "TEMPO.CO, Jakarta - Presiden Rusia tiba di Pyongyang.", "JAKARTA, KOMPAS.com - Harga naik.",
    "WASHINGTON (AP) \u2014 The talks ended.", "Iklan", "Advertisement", "Baca juga: Judul lain",
    "Berita terkait", "13 jam lalu", "2 days ago", "REUTERS | TASS", "Penulis: Dian Sari",
    "Editor", "Ida Rosdalina", "Rabu, 17 Januari 2024 21:02 WIB", "[SB]", "\u00d7", "---|",
    "\u201cSaya senang,\u201d kata Putin.", "Dr. Andi tiba pukul 10.30 WIB. Ia senang.",
    "Hubungi redaksi@contoh.example atau 0812-3456-7890.", "[email\u00a0protected]",
    "Foto: Warga antre beras di pasar induk", "Warga antre. REUTERS/Budi Santoso",
    "Kunjungan Pertama dalam 20 Tahun", "The U.S. said 5.580 rockets fell.", "\u200b\u00ad",
    "Harga\u00a0naik  42,7 persen", "Isi komentar sepenuhnya tanggung jawab pengguna.",
]
lines = st.one_of(st.sampled_from(PIECES), st.text(max_size=80))
pages = st.lists(lines, max_size=25).map(lambda parts: "\n".join(parts))
separators = st.sampled_from(["\n", "\n\n", "\r\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages, separator=separators)
def test_any_page_ingests_cleanly_or_fails_with_ingest_error(page: str, separator: str) -> None:
    raw = page.replace("\n", separator).encode("utf-8", errors="surrogatepass")
    try:
        result = ingest_bytes(raw, "page.txt")
    except IngestError as error:
        assert str(error).startswith("page.txt: ")
        assert "\n" not in str(error)
        return
    source = result.source
    ids = [p.id for p in result.passages]
    assert len(ids) == len(set(ids))
    for passage in result.passages:
        assert source.text[passage.start:passage.end] == passage.text
        assert passage.text and passage.text == passage.text.strip()
    headlines = [p for p in result.passages if p.role == Role.HEADLINE]
    assert len(headlines) == (1 if source.title else 0)
    dumped = source.model_dump_json()
    assert not EMAIL.search(source.text) and "protected]" not in dumped
    assert "0812-3456-7890" not in dumped
    assert "\u200b" not in source.text and "\u00ad" not in source.text
