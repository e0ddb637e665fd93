"""Turn raw bytes into text: UTF-8 first, then a charset-normalizer guess; refuse binaries.

A scraped page is nearly always UTF-8. A page that is mostly UTF-8 stays UTF-8 even with a few
bad bytes in it (a stray byte from a broken copy and paste): they are replaced with U+FFFD and
one warning line gives their positions, because guessing another encoding for the whole file
would garble every curly quote and accented name in it. Only a file that is clearly not UTF-8
(no valid multi-byte sequence at all, or more bad bytes than good sequences) gets a guess:
charset-normalizer guesses the code page and the guess is reported as a warning, because a
wrong guess garbles names and quotes. Among equally plausible single-byte guesses windows-1252
wins: it is what browsers assume for legacy Western pages (the WHATWG encoding standard even
maps the ``latin-1`` label to it).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

from factcheck.core.ingest.errors import IngestError

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "audio"),
    (b"ID3", "audio"),
    (b"\x1aE\xdf\xa3", "video"),
    (b"SQLite format 3\x00", "database"),
)
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_SNIFF = 8192
_NAMES = {"cp1252": "windows-1252", "cp1250": "windows-1250", "cp1251": "windows-1251"}
# A valid UTF-8 multi-byte sequence (group 1), or a non-ASCII byte that starts none (group 2).
_UTF8_SEQUENCE = re.compile(
    rb"([\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})|([\x80-\xff])"
)
_POSITIONS_SHOWN = 5


@dataclass
class Decoded:
    """The text of a file and how it was read."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def binary_kind(raw: bytes) -> str | None:
    """Name the kind of binary data ``raw`` starts with, or None when it may be text."""
    head = raw[:_SNIFF]
    if any(head.startswith(bom) for bom, _ in _UTF16_32_BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" or head[4:8] == b"ftyp":
        return "media file"
    if b"\x00" in head:
        return "binary data"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary data"
    return None


def decode(raw: bytes, file: str) -> Decoded:
    """Decode ``raw`` (the bytes of ``file``).

    Raises:
        IngestError: the file is empty, binary or cannot be decoded.
    """
    if not raw.strip():
        raise IngestError(file, "empty file")
    kind = binary_kind(raw)
    if kind is not None:
        raise IngestError(file, f"binary file, not an article ({kind})")
    for bom, name in _UTF16_32_BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(name), name, file, [f"encoding assumed: {name}"])
            except UnicodeDecodeError as error:
                raise IngestError(file, f"cannot decode text ({name}: {error.reason})") from None
    try:
        return _checked(raw.decode("utf-8-sig"), "utf-8", file, [])
    except UnicodeDecodeError:
        pass
    good, bad = _utf8_census(raw)
    if good and len(bad) <= good:
        text = raw.decode("utf-8-sig", errors="replace")
        return _checked(text, "utf-8", file, [_bad_bytes_warning(raw, bad)])
    encoding = _guess(raw)
    if encoding is None:
        raise IngestError(file, "cannot decode text: not UTF-8 and no other encoding fits")
    text = raw.decode(encoding, errors="replace")
    name = _NAMES.get(encoding, encoding)
    return _checked(text, name, file, [f"encoding assumed: {name}"])


def _utf8_census(raw: bytes) -> tuple[int, list[int]]:
    """How many valid UTF-8 multi-byte sequences ``raw`` holds, and the offsets of its bytes
    that belong to none (one pass)."""
    good = 0
    bad: list[int] = []
    for match in _UTF8_SEQUENCE.finditer(raw):
        if match.lastindex == 1:
            good += 1
        else:
            bad.append(match.start())
    return good, bad


def _bad_bytes_warning(raw: bytes, bad: list[int]) -> str:
    """One line: how many bytes were replaced, and where (byte offset and line of each run)."""
    runs = [offset for i, offset in enumerate(bad) if i == 0 or bad[i - 1] != offset - 1]
    places = []
    line, counted = 1, 0
    for offset in runs[:_POSITIONS_SHOWN]:
        line += raw.count(b"\n", counted, offset)
        counted = offset
        places.append(f"byte {offset:,} (line {line})")
    more = len(runs) - _POSITIONS_SHOWN
    where = ", ".join(places) + (f" and {more:,} more" if more > 0 else "")
    noun = "byte" if len(bad) == 1 else "bytes"
    return f"read as UTF-8: {len(bad):,} invalid {noun} replaced with U+FFFD at {where}"


def _guess(raw: bytes) -> str | None:
    """charset-normalizer's best guess, preferring windows-1252 among equally good ones."""
    matches = list(charset_normalizer.from_bytes(raw[: 256 * 1024]))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    if best > 0.3:
        return None
    tied = [m for m in matches if m.chaos <= best + 0.01]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        return "cp1252"
    return str(min(tied, key=lambda m: m.chaos).encoding)


def _checked(text: str, encoding: str, file: str, warnings: list[str]) -> Decoded:
    if not text.strip():
        raise IngestError(file, "empty file")
    return Decoded(text, encoding, warnings)
