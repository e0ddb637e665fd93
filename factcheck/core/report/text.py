"""Making scraped text inert, and the words of the report in English and Indonesian.

Every string that came from a scraped page (passages, titles, outlet names, bylines, claim texts,
and reasons or notes that quote them) goes through `clean` before a human-facing format (Markdown,
HTML, CSV, the terminal summary) shows it: C0 and C1 control characters other than newline and
tab (terminal escape sequences start with one), bidi embeddings, overrides and isolates,
zero-width characters and Unicode tag characters are removed, and line ends become ``\\n``. The
JSON formats keep the exact text instead and escape those characters (see `json_text`).
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.core.textnorm import UNSAFE

_CONTROLS = UNSAFE

_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def clean(text: Any) -> str:
    """Return ``text`` without control, bidi and zero-width characters; ``None`` becomes ``""``.

    Line ends (CR, CRLF, U+2028, U+2029) become ``\\n``; tabs and newlines are kept.
    """
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    if value.isascii() and value.isprintable():
        return value  # the common case, checked in C
    if "\r" in value or "\u2028" in value or "\u2029" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROLS.sub("", value)


def one_line(text: Any) -> str:
    """`clean` text folded onto one line (newlines and tabs become spaces)."""
    value = clean(text)
    if "\n" in value or "\t" in value:
        value = " ".join(value.split())
    return value


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters on a word boundary, ending with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def json_text(document: str) -> str:
    """Escape, in serialized JSON, the characters that would act on a terminal or reorder text.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes C1 controls, bidi and
    zero-width characters as they are; they can only occur inside strings, where ``\\uXXXX`` is
    equivalent, so a parser still reads the exact text.
    """
    if document.isascii():
        return document.replace("\x7f", "\\u007f")
    return _JSON_UNSAFE.sub(_json_escape, document)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_WORDS: dict[str, tuple[str, str]] = {
    # key: (English, Indonesian)
    "title": ("Verification report", "Laporan verifikasi"),
    "generated": ("Exported", "Diekspor"),
    "claims_exported": ("claims in this report", "klaim dalam laporan ini"),
    "progress": ("with a verdict", "sudah diputus"),
    "of": ("of", "dari"),
    "matrix": ("Claims and outlets", "Klaim dan media"),
    "matrix_legend": (
        "Each cell is the stance of the outlet's passages: a reviewer's mark, or the tool's "
        "suggestion (labelled \"suggested\") where no reviewer has marked the passage yet.",
        "Setiap sel adalah sikap kutipan media tersebut: tanda dari peninjau, atau saran alat "
        "(bertanda \"saran\") bila belum ada peninjau yang menandai kutipan itu.",
    ),
    "claim": ("Claim", "Klaim"),
    "glance": ("At a glance", "Ringkasan"),
    "verdicts": ("Verdicts", "Putusan"),
    "no_verdict_short": ("no verdict yet", "belum ada putusan"),
    "disputed_claims": ("Disputed: asserted by some, reported denied by others",
                        "Diperdebatkan: dinyatakan sebagian, dibantah menurut yang lain"),
    "conflict_claims": ("Where outlets give different figures or dates",
                        "Di mana media memberi angka atau tanggal berbeda"),
    "open_claims": ("Still open, most check-worthy first",
                    "Belum diputus, yang paling layak dicek lebih dulu"),
    "and_more": ("and {n} more", "dan {n} lainnya"),
    "matrix_few": ("Only claims carried by two or more outlets are in this table.",
                   "Tabel ini hanya memuat klaim yang dimuat dua media atau lebih."),
    "agreement": ("Agreement between reviewers", "Kesepakatan antarpeninjau"),
    "agreement_none": (
        "No passage was marked by more than one reviewer.",
        "Tidak ada kutipan yang ditandai oleh lebih dari satu peninjau.",
    ),
    "agreement_note": (
        "Computed over the passages both reviewers marked, for each pair of reviewers.",
        "Dihitung atas kutipan yang ditandai kedua peninjau, untuk setiap pasangan peninjau.",
    ),
    "reviewers": ("Reviewers", "Peninjau"),
    "both_marked": ("Passages both marked", "Kutipan ditandai keduanya"),
    "percent": ("Agreement", "Kesepakatan"),
    "kappa": ("Cohen's kappa", "Kappa Cohen"),
    "undefined": ("undefined", "tidak terdefinisi"),
    "claims": ("Claims", "Klaim"),
    "no_claims": ("No tracked claims to report.", "Tidak ada klaim untuk dilaporkan."),
    "section_claim": ("Claim", "Berita"),
    "section_findings": ("Findings", "Hasil Cek Fakta"),
    "section_conclusion": ("Conclusion", "Kesimpulan"),
    "section_references": ("References", "Rujukan"),
    "kind": ("Kind", "Jenis"),
    "score": ("Check-worthiness", "Kelayakan cek"),
    "normalized": ("Normalized", "Bentuk baku"),
    "reading": ("Reading", "Bacaan"),
    "outlets_origins": ("Outlets", "Media"),
    "origins": ("independent origins", "sumber asal independen"),
    "disputed": ("Disputed: one party asserts it, another denies it.",
                 "Diperdebatkan: satu pihak menyatakannya, pihak lain membantahnya."),
    "passages": ("Passages", "Kutipan"),
    "no_passages": ("No passages.", "Tidak ada kutipan."),
    "chars": ("characters", "karakter"),
    "stance": ("Stance", "Sikap"),
    "suggested": ("suggested", "saran"),
    "suggested_long": ("suggested by the tool, not yet marked by a reviewer",
                       "saran alat, belum ditandai peninjau"),
    "marks": ("marks", "tanda"),
    "conflicts": ("Conflicts", "Pertentangan"),
    "notes": ("Notes", "Catatan"),
    "on_passage": ("on passage", "pada kutipan"),
    "verdict": ("Verdict", "Putusan"),
    "no_verdict": ("No verdict yet.", "Belum ada putusan."),
    "rating": ("rating", "peringkat"),
    "by": ("by", "oleh"),
    "provenance": ("Provenance", "Asal-usul"),
    "version": ("factcheck version", "Versi factcheck"),
    "exported_at": ("Exported at", "Waktu ekspor"),
    "sources": ("Source files", "Berkas sumber"),
    "file": ("File", "Berkas"),
    "outlet": ("Outlet", "Media"),
    "published": ("Published", "Terbit"),
    "figure": ("Figure", "Angka"),
    "undated": ("undated", "tanpa tanggal"),
    "chart": ("Figures over time", "Angka dari waktu ke waktu"),
    "suggested_link": ("suggested link", "tautan usulan"),
    "timeline_moved": ("the outlets give {n} different values", "media memberi {n} angka berbeda"),
    "timeline_same": ("every outlet gives the same value", "semua media memberi angka yang sama"),
    "none": ("none", "tidak ada"),
    "passage": ("passage", "kutipan"),
    "headline": ("headline", "judul"),
    "body": ("body", "isi"),
    "caption": ("caption", "keterangan foto"),
}

WORD_KEYS = tuple(_WORDS)
"""Every key `word` knows."""

_STANCES: dict[str, tuple[str, str]] = {
    "supports": ("supports", "mendukung"),
    "contradicts": ("contradicts", "bertentangan"),
    "denial": ("reports denial", "memberitakan bantahan"),
    "mentions": ("mentions", "menyebut"),
    "unrelated": ("unrelated", "tidak terkait"),
    "": ("not mentioned", "tidak disebut"),
}


def word(key: str, lang: str) -> str:
    """The report's word for ``key`` in ``lang`` (``id`` or ``en``)."""
    en, id_ = _WORDS[key]
    return id_ if lang == "id" else en


def stance_word(stance: str | None, lang: str) -> str:
    """The label of a stance (``None`` or ``""``: not mentioned)."""
    pair = _STANCES.get(stance or "")
    if pair is None:
        return clean(stance)
    return pair[1] if lang == "id" else pair[0]
