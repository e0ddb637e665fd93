"""Decoding: a mostly-UTF-8 page stays UTF-8 with its bad bytes replaced and located; only a page
that is clearly not UTF-8 gets another encoding guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.core.ingest import ingest_bytes
from factcheck.core.ingest.decode import decode

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SEED = CORPUS / "seeds" / "002_d2bd505937341d60.txt"

PAGE = (
    "Harga BBM Naik, \u201cPilihan Terakhir\u201d Pemerintah\n\n"
    "Editor: Rina Wijaya\n\n"
    "Sabtu, 3 September 2022 14:30 WIB\n\n"
    "JAKARTA, KABARKITA.COM \u2013 Presiden mengumumkan kenaikan harga BBM bersubsidi, "
    "\u201cIni adalah pilihan terakhir pemerintah,\u201d kata Presiden.\n\n"
    "Harga pertalite naik dari Rp7.650 menjadi Rp10.000 per liter, ujar Menteri ESDM.\n"
)


def test_one_bad_byte_in_a_utf8_page_keeps_it_utf8_with_a_located_warning() -> None:
    raw = PAGE.encode("utf-8")
    at = raw.index(b"Harga pertalite")
    broken = raw[:at] + b"\x92" + raw[at:]
    result = ingest_bytes(broken, "bbm.txt")
    source = result.source
    assert source.encoding == "utf-8"
    assert source.title == "Harga BBM Naik, \u201cPilihan Terakhir\u201d Pemerintah"
    assert source.outlet == "Kabarkita"
    assert source.published == "2022-09-03T14:30:00+07:00"
    assert source.byline == {"editor": "Rina Wijaya"}
    assert "\u201cIni adalah pilihan terakhir pemerintah,\u201d kata Presiden." in source.text
    assert "\ufffdHarga pertalite" in source.text  # replaced where it stood, nothing hidden
    line = PAGE[:PAGE.index("Harga pertalite")].count("\n") + 1
    assert (f"read as UTF-8: 1 invalid byte replaced with U+FFFD at byte {at:,} (line {line})"
            in result.warnings)
    assert not [w for w in result.warnings if w.startswith("encoding assumed")]


@pytest.mark.skipif(not SEED.is_file(), reason="shared corpus not present")
def test_a_seed_page_with_one_stray_byte_reads_as_the_clean_page() -> None:
    raw = SEED.read_bytes()
    middle = raw.index(b"\n", len(raw) // 2) + 1
    clean = ingest_bytes(raw, SEED.name).source
    broken = ingest_bytes(raw[:middle] + b"\xff" + raw[middle:], SEED.name).source
    gold = json.loads((CORPUS / "seeds-gold.json").read_text(encoding="utf-8"))
    expected = gold["articles"][SEED.name]
    for key in ("outlet", "title", "published", "byline", "language"):
        assert getattr(broken, key) == expected[key] == getattr(clean, key), key
    assert broken.encoding == "utf-8"
    assert broken.text.replace("\ufffd", "") == clean.text


def test_many_bad_bytes_are_summarised_on_one_line() -> None:
    text = ("\u201cKutipan\u201d " * 20 + "\n").encode() * 3
    broken = bytearray()
    for i, line in enumerate(text.split(b"\n")[:3]):
        broken += line + (b"\x80\x81" if i < 2 else b"") + b"\n"
    broken += b"x\xc3" * 6  # truncated two-byte sequences
    decoded = decode(bytes(broken), "x.txt")
    assert decoded.encoding == "utf-8"
    [warning] = decoded.warnings
    assert warning.startswith("read as UTF-8: 10 invalid bytes replaced with U+FFFD at byte ")
    assert "(line 1)" in warning and "(line 2)" in warning and warning.endswith(" and 3 more")
    assert "\n" not in warning


def test_a_page_that_is_clearly_not_utf8_is_still_guessed() -> None:
    page = ("Caf\u00e9 owners protest the new tax on \u201cna\u00efve\u201d grounds, "
            "said Mar\u00eda L\u00f3pez in Par\u00eds.\n") * 3
    decoded = decode(page.encode("cp1252"), "cafe.txt")
    assert decoded.encoding == "windows-1252"
    assert decoded.text == page
    assert decoded.warnings == ["encoding assumed: windows-1252"]


def test_more_bad_bytes_than_utf8_sequences_is_not_utf8() -> None:
    # One curly quote in UTF-8 among many Latin-1 letters: the page is Latin-1 with a stray.
    page = "\u00e9t\u00e9 \u00e0 Par\u00eds, \u00e7a va. ".encode("cp1252") * 10
    decoded = decode(page + "\u201c".encode(), "x.txt")
    assert decoded.encoding != "utf-8" and "\ufffd" not in decoded.text
    assert decoded.warnings == [f"encoding assumed: {decoded.encoding}"]


def test_a_bom_and_a_bad_byte() -> None:
    decoded = decode(b"\xef\xbb\xbf\xe2\x80\x9cYa\xe2\x80\x9d kata dia \xfe.", "x.txt")
    assert decoded.text == "\u201cYa\u201d kata dia \ufffd."
    assert decoded.warnings == [
        "read as UTF-8: 1 invalid byte replaced with U+FFFD at byte 21 (line 1)"]
