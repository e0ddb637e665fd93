"""Redaction: personal e-mail addresses and phone numbers, in every form people write them.

Runs on every text an ingested page stores (title, captions, body, byline, credits, outlet,
address, warnings) before any offset exists, so nothing that looks like a personal address or
number reaches the store or an export. Addresses are found also as people disguise them
(``budi [at] example [dot] com``, ``budi(at)example.com``, ``budi @ example.com``, a full-width
``＠``); phone numbers with any separator (spaces, dots, slashes, hyphens, en or em dashes,
brackets), in full-width digits, spaced digit by digit, without their 0 or with the country code
(``812-3456-7890``, ``62812345678``), and replaced whole: no stray digits are left. Figures of
the news are left alone: prices (``Rp7.650``), vote counts (``96.214.691``), years, percentages,
dates and times.
"""

from __future__ import annotations

import re

EMAIL_MARK = "[e-mail]"
PHONE_MARK = "[phone]"
_AT = r"(?:\s?@\s?|\s?[\[({]\s?at\s?[\])}]\s?)"
_DOT = r"(?:\.|\s?[\[({]\s?dot\s?[\])}]\s?)"
_EMAIL = re.compile(
    rf"[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{0,8}}{_DOT}[A-Za-z]{{2,24}}\b",
    re.IGNORECASE)
"""An address, also as people disguise it: ``budi [at] example [dot] com``, ``budi(at)x.com``,
``budi @ example.com``."""
_WIDE = str.maketrans({**{0xFF10 + d: str(d) for d in range(10)}, 0xFF20: "@", 0xFF0E: "."})
"""Full-width digits, at sign and full stop, read as ASCII before redaction."""
_CLOUDFLARE_EMAIL = re.compile(r"\[email[\s\u00a0]*protected\]", re.IGNORECASE)
# Candidate phone numbers; `_is_phone` decides on the digits.
_PHONE = re.compile(
    r"(?<![\w+/.,\u2010-\u2015-])(?:\+\s?)?\(?\d(?:[\s./\u2010-\u2015-]?\)?\s?\(?\d){7,16}"
    r"(?![\w/,]|\.\d)"
)
"""Candidate phone numbers: digits with one separator at most between two of them (space, dot,
slash, hyphen, en or em dash, brackets); `_is_phone` decides on the digits."""
_US_PHONE = re.compile(r"^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")


def _is_phone(match: re.Match[str]) -> bool:
    candidate = match.group(0).strip()
    digits = "".join(c for c in candidate if c.isdigit())
    if not 9 <= len(digits) <= 15 or _THOUSANDS.match(candidate):
        return False
    if candidate.startswith(("+", "(", "0")):
        return True
    # Indonesian numbers written without their 0 or with the country code: 812..., 62812...
    if digits.startswith("8") and len(digits) <= 13 or digits.startswith("628"):
        return True
    return bool(_US_PHONE.match(candidate))


def redact(text: str) -> str:
    """Replace e-mail addresses and phone numbers with ``[e-mail]`` and ``[phone]`` (also
    disguised addresses, full-width characters and digits spaced or slashed apart)."""
    text = text.translate(_WIDE)
    low = text.lower()
    if "@" in text or "protected]" in low or "at" in low:
        text = _CLOUDFLARE_EMAIL.sub(EMAIL_MARK, _EMAIL.sub(EMAIL_MARK, text))
    return _PHONE.sub(lambda m: PHONE_MARK if _is_phone(m) else m.group(0), text)
