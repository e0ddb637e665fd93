"""What a page's address (URL) says: the line that carries it, the outlet and the date.

A page saved from the web often carries its address on its first line: ``# source: https://...``
(possibly followed by `` [partial: ...]``) or the bare URL. `split_address` takes that line off the
page, so it is never the title or a passage. A saved page may also open with a metadata token such
as `` date 2024-02-15`` (month precision allowed): `split_date_token` reads and removes it.

From the address, `outlet_from_address` takes the registrable domain (the Public Suffix List
knows that ``abc.net.au`` and ``thestar.com.my`` are registrable, ``kabar24.bisnis.com`` is not)
and reads its first label as the page writes it ("ABC", "BenarNews"), else title-cased
("Infosemarang"). There is no table of outlets. `date_from_address` reads dates written in the
path: ``/2024/03/22/``, ``/20231204/``, ``2024-03-22``, or a run of digits such as ``04122023``
whose day and month order is decided by evidence (see `_day_month`); an undecided date stays None
with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import unquote, urlsplit

from factcheck.core.text import languages as lexicons

_URL = r"https?://[^\s<>\"\[\]]{3,2000}"
_ADDRESS_LINE = re.compile(
    rf"^[ \t]*(?:#[ \t]*)?(?:(?:source|url|sumber)[ \t]*:[ \t]*)?(?P<url>{_URL})"
    r"(?:[ \t]*\[[^\]\n]{0,500}\])?[ \t]*$",
    re.IGNORECASE,
)
_WHOLE_URL = re.compile(rf"^{_URL}$", re.IGNORECASE)
_DATE_TOKEN = re.compile(
    r"^\s*date:?[ \t]+(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?=\s|$)[ \t]*\n?",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?:(?P<d>\d{1,2})(?:/|$|[-_.]))?")
_DASHED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_](?P<m>\d{2})[-_](?P<d>\d{2})(?!\d)")
_DIGIT_RUN = re.compile(r"(?<!\d)(?:\d{8}|\d{12}|\d{14})(?!\d)")
_EARLIEST_YEAR = 1990


@dataclass(frozen=True)
class AddressDate:
    """A date read from an address."""

    iso: str | None
    """``YYYY-MM-DD`` (or ``YYYY-MM``); None when the address gives no date, or no sure one."""
    warning: str | None = None
    """Why a date in the address was not taken."""


def split_address(text: str) -> tuple[str | None, str]:
    """The address on the page's first line, and the page without that line.

    Returns (None, text) when the first non-empty line is not an address line.
    """
    start = len(text) - len(text.lstrip())
    line_start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    match = _ADDRESS_LINE.match(text[line_start:end]) if end - line_start <= 2600 else None
    if match is None:
        return None, text
    return match.group("url").rstrip(".,;"), text[:line_start] + text[end:]


def split_date_token(text: str) -> tuple[str | None, str]:
    """A leading `` date YYYY-MM(-DD)`` token as an ISO date, and the text without it."""
    match = _DATE_TOKEN.match(text, 0, 200)
    if match is None:
        return None, text
    iso = _valid(match.group("y"), match.group("m"), match.group("d"))
    if iso is None:
        return None, text
    return iso, text[match.end():]


def is_address(text: str) -> bool:
    """True for an http(s) address with a host name: what ``--url`` and a sidecar may give."""
    return (len(text) <= 2000 and _WHOLE_URL.match(text.strip()) is not None
            and host(text) is not None)


def host(url: str) -> str | None:
    """The host name of ``url`` in lower case, without ``www.``; None if it has none."""
    try:
        name = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not name or "." not in name:
        return None
    return name.lower().removeprefix("www.")


@cache
def _suffixes() -> Any:
    from publicsuffixlist import PublicSuffixList  # bundled list: no network

    return PublicSuffixList()


def outlet_label(url: str) -> str | None:
    """The first label of the address's registrable domain (``amp.abc.net.au`` -> ``abc``)."""
    name = host(url)
    if name is None or name.replace(".", "").isdigit():
        return None
    registrable = _suffixes().privatesuffix(name) or name
    label = registrable.split(".", 1)[0]
    return label or None


def outlet_from_address(url: str, page_text: str = "") -> str | None:
    """A readable outlet name from the address, written the way the page writes it.

    The label of the registrable domain is looked for in the page: a spelling with inner
    capitals ("BenarNews") or a short all-capital one ("ABC") is taken as the outlet's own;
    otherwise the label is title-cased ("infosemarang" -> "Infosemarang").
    """
    label = outlet_label(url)
    if label is None:
        return None
    pattern = re.compile(rf"(?<![\w.-]){re.escape(label)}(?![\w-])", re.IGNORECASE)
    forms = {m.group(0) for m in pattern.finditer(page_text)}
    mixed = sorted(f for f in forms if not f.islower() and not f.isupper() and f != f.title())
    if mixed:
        return mixed[0]
    if any(f.isupper() for f in forms) and len(label) <= 4:
        return label.upper()
    return "-".join(part[:1].upper() + part[1:] for part in label.split("-"))


def date_from_address(
    url: str,
    language: str | None = None,
    stated: Callable[[], Iterable[str]] = lambda: (),
) -> AddressDate:
    """The publication date the address's path states.

    Args:
        url: the page's address.
        language: the page's language (its numeric date order settles ``04122023``).
        stated: the ISO dates the page states (asked only when a date in the address is
            ambiguous).
    """
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return AddressDate(None)
    for form in (_SLASHED, _DASHED):
        for match in form.finditer(path):
            iso = _valid(match.group("y"), match.group("m"), match.group("d"))
            if iso is not None:
                return AddressDate(iso)
    for match in _DIGIT_RUN.finditer(path):
        run = match.group(0)
        if not _time_ok(run[8:]):
            continue
        iso = _valid(run[:4], run[4:6], run[6:8])
        if iso is not None:
            return AddressDate(iso)
        if int(run[4:8]) >= _EARLIEST_YEAR:
            found = _day_month(run[:8], language, stated)
            if found.iso is not None or found.warning is not None:
                return found
    return AddressDate(None)


def _day_month(token: str, language: str | None,
               stated: Callable[[], Iterable[str]]) -> AddressDate:
    """Read ``DDMMYYYY`` or ``MMDDYYYY``: the reading that is a valid date; else the one the
    page itself states; else the order the page's language writes numeric dates in."""
    dmy = _valid(token[4:], token[2:4], token[:2])
    mdy = _valid(token[4:], token[:2], token[2:4])
    readings = {r for r in (dmy, mdy) if r is not None}
    if len(readings) <= 1:
        return AddressDate(readings.pop() if readings else None)
    assert dmy is not None and mdy is not None
    on_page = {iso[:10] for iso in stated()} & readings
    if len(on_page) == 1:
        return AddressDate(on_page.pop())
    order = _numeric_order(language)
    if order == "DMY":
        return AddressDate(dmy)
    if order == "MDY":
        return AddressDate(mdy)
    return AddressDate(None, f"date in the address ({token}) may be {_human(dmy)} or "
                             f"{_human(mdy)}; none taken")


def _numeric_order(language: str | None) -> str | None:
    if language is None or language not in lexicons.languages():
        return None
    order = lexicons.load(language).get("dates", {}).get("numeric_order")
    return str(order) if order else None


def _human(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d %b %Y").lstrip("0")


def _time_ok(digits: str) -> bool:
    """True for nothing, ``hhmm`` or ``hhmmss`` after a date in a run of digits."""
    if not digits:
        return True
    hour, minute, second = int(digits[:2]), int(digits[2:4]), int(digits[4:6] or 0)
    return hour < 24 and minute < 60 and second < 60


def _valid(year: str, month: str, day: str | None) -> str | None:
    """The ISO date of the parts, or None when they make no plausible date (not in the future,
    not before 1990)."""
    try:
        y, m = int(year), int(month)
        if not _EARLIEST_YEAR <= y <= date.today().year + 1:
            return None
        if day is None:
            return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
        value = date(y, m, int(day))
    except ValueError:
        return None
    if value > date.today():
        return None
    return value.isoformat()
