"""Inputs the ingest stage must refuse cleanly, and encodings it must read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from factcheck.core.ingest import MAX_BYTES, IngestError, ingest_bytes, ingest_file

ARTICLE = (
    "Judul Berita Pendek Sekali\n\n"
    "TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara pekan ini, "
    "kata Kremlin kepada wartawan di Moskow.\n"
)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"
       b"\x00\x1f\xf3\xffa" + bytes(range(256)) * 4)


def refused(raw: bytes, file: str = "page.txt") -> str:
    with pytest.raises(IngestError) as caught:
        ingest_bytes(raw, file)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{file}: ")
    return message


def test_empty_file() -> None:
    assert refused(b"", "empty.txt") == "empty.txt: empty file"


@pytest.mark.parametrize("raw", [b"   \n\t \r\n", "\u00a0\n\u2003 \n".encode(), codecs.BOM_UTF8])
def test_white_space_only(raw: bytes) -> None:
    assert refused(raw, "blank.txt") == "blank.txt: empty file"


def test_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    with pytest.raises(IngestError, match=r"^photo\.txt: binary file, not an article"):
        ingest_file(path)


@pytest.mark.parametrize("raw", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
    b"Some text\x00with a NUL byte\x00 inside it",
    bytes(range(1, 9)) * 200 + b"text",
])
def test_other_binaries(raw: bytes) -> None:
    assert "binary file, not an article" in refused(raw, "thing.txt")


def test_undecodable_bytes() -> None:
    message = refused(bytes(range(128, 256)) * 10, "garbage.txt")
    assert message.startswith("garbage.txt: cannot decode text")


def test_file_over_the_limit_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file
        handle.truncate(50 * 1024 * 1024)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(IngestError, match=r"^huge\.txt: file too large"):
        ingest_file(path)


def test_bytes_over_the_limit_are_refused() -> None:
    assert "file too large" in refused(b"a" * (MAX_BYTES + 1), "big.txt")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^nothing\.txt: no such file"):
        ingest_file(tmp_path / "nothing.txt")
    with pytest.raises(IngestError, match="not a file"):
        ingest_file(tmp_path)


def test_utf8_with_bom_reads_without_warning() -> None:
    result = ingest_bytes(codecs.BOM_UTF8 + ARTICLE.encode(), "bom.txt")
    assert result.source.encoding == "utf-8"
    assert not any(w.startswith("encoding") for w in result.warnings)
    assert result.source.title == "Judul Berita Pendek Sekali"
    assert "\ufeff" not in result.source.text


def test_utf16_with_bom_reads_with_a_warning() -> None:
    result = ingest_bytes(ARTICLE.encode("utf-16"), "wide.txt")
    assert result.source.encoding == "utf-16"
    assert "encoding assumed: utf-16" in result.warnings
    assert result.source.outlet == "Tempo"


def test_file_path_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "tempo.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = ingest_file(path).source
    assert source.file == "tempo.txt"
    assert source.path == str(path)
    assert source.id == "s-" + source.sha256[:16]


def test_outlet_argument_wins_over_the_dateline() -> None:
    result = ingest_bytes(ARTICLE.encode(), "x.txt", outlet="Koran Kita")
    assert result.source.outlet == "Koran Kita"


def test_page_with_only_furniture_is_refused() -> None:
    message = refused(b"Iklan\n\nShare\n\nAdvertisement\n\nScroll to continue\n", "ads.txt")
    assert message == "ads.txt: no article text found"


def test_invisible_characters_are_removed_but_quotes_and_nbsp_kept() -> None:
    page = ("Judul\u200b Berita Pendek Sekali\n\nTEMPO.CO, Jakarta -\u00a0Presiden "
            "\u201cRusia\u201d datang\u00ad ke  Pyongyang \u2060hari ini, kata juru bicara "
            "itu.\r\n")
    source = ingest_bytes(page.encode(), "x.txt").source
    assert source.title == "Judul Berita Pendek Sekali"
    assert ("TEMPO.CO, Jakarta -\u00a0Presiden \u201cRusia\u201d datang ke Pyongyang hari ini, "
            "kata juru bicara itu.") in source.text
