"""A sidecar file beside a page: what the person who saved it knows about it.

For ``pages/story.txt`` the sidecar is ``pages/story.txt.json``, a JSON object with any of:

    {"url": "https://...", "outlet": "Kompas", "published": "2024-03-20",
     "byline": {"reporter": "Budi", "editor": "Ani"}, "language": "id"}

``published`` is an ISO 8601 date or date-time (``2024-03`` and ``2024`` allowed); ``byline`` is
an object of role -> name, or one name (the author). What the sidecar says is the user's word: it
wins over what the page and its address say. A sidecar that cannot be read, or a field that is not
valid, is reported in one warning line naming the file, and ignored; the page is still ingested.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from factcheck.core.ingest.address import is_address
from factcheck.core.text import languages as lexicons

SUFFIX = ".json"
MAX_SIDECAR_BYTES = 64 * 1024
_FIELDS = ("url", "outlet", "published", "byline", "language")
_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2}))?$")
_MAX_VALUE = 300


@dataclass
class Sidecar:
    """The fields a sidecar gives (None: not given), and what could not be read."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: dict[str, str] = field(default_factory=dict)
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def sidecar_path(page: Path) -> Path:
    """Where the sidecar of ``page`` lives: the page's name plus ``.json``."""
    return page.with_name(page.name + SUFFIX)


def read_sidecar(page: Path) -> Sidecar | None:
    """The sidecar beside ``page``; None when there is none."""
    path = sidecar_path(page)
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SIDECAR_BYTES + 1)
    except OSError as error:
        return _ignored(path, f"cannot read it ({error.strerror or error})")
    if len(raw) > MAX_SIDECAR_BYTES:
        return _ignored(path, f"larger than {MAX_SIDECAR_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _ignored(path, "not UTF-8 text")
    except json.JSONDecodeError as error:
        return _ignored(path, f"not valid JSON ({error.msg}, line {error.lineno} column "
                              f"{error.colno})")
    except RecursionError:
        return _ignored(path, "not valid JSON (nested too deeply)")
    if not isinstance(data, dict):
        return _ignored(path, "not a JSON object")
    return parse_sidecar(data, path.name)


def _ignored(path: Path, problem: str) -> Sidecar:
    return Sidecar(warnings=[f"sidecar {path.name}: {problem}; ignored"])


def parse_sidecar(data: dict[str, Any], name: str) -> Sidecar:
    """Check each field of a sidecar's object; invalid ones are warned about and left out."""
    sidecar = Sidecar()
    problems: list[str] = []
    unknown = sorted(str(k) for k in data if k not in _FIELDS)
    if unknown:
        problems.append("unknown field " + ", ".join(repr(k[:40]) for k in unknown[:5]))
    url = data.get("url")
    if url is not None:
        if isinstance(url, str) and is_address(url):
            sidecar.url = url.strip()
        else:
            problems.append("url is not an http(s) address")
    outlet = data.get("outlet")
    if outlet is not None:
        if _text(outlet):
            sidecar.outlet = " ".join(outlet.split())
        else:
            problems.append("outlet is not a short text")
    published = data.get("published")
    if published is not None:
        sidecar.published = _date(published)
        if sidecar.published is None:
            problems.append("published is not an ISO 8601 date")
    byline = data.get("byline")
    if byline is not None:
        sidecar.byline = _byline(byline)
        if not sidecar.byline:
            problems.append("byline is not a name or an object of role -> name")
    language = data.get("language")
    if language is not None:
        code = language.strip().lower() if isinstance(language, str) else None
        if code in lexicons.languages():
            sidecar.language = code
        else:
            known = ", ".join(lexicons.languages())
            problems.append(f"language is not one of {known}")
    if problems:
        sidecar.warnings.append(f"sidecar {name}: " + "; ".join(problems) + " (ignored)")
    return sidecar


def _text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= _MAX_VALUE


def _date(value: Any) -> str | None:
    """``value`` as an ISO 8601 date or date-time string, or None when it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    partial = _PARTIAL.match(text)
    if partial:
        month = partial.group("m")
        if month is not None and not 1 <= int(month) <= 12:
            return None
        return text
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    stamp = parsed.isoformat()
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


def _byline(value: Any) -> dict[str, str]:
    if _text(value):
        return {"author": " ".join(str(value).split())}
    if isinstance(value, dict) and value and all(
        _text(k) and _text(v) for k, v in value.items()
    ):
        return {" ".join(k.lower().split()): " ".join(v.split()) for k, v in value.items()}
    return {}
