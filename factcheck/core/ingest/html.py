"""HTML pages: main text and metadata by trafilatura, then the same cleaning as text pages.

trafilatura finds the article in the markup (it drops navigation, footers and comments) and
reads title, author, date and site name from ``<meta>`` tags and JSON-LD. Its text still goes
through the line rules of `factcheck.core.ingest.layout`, which remove the "Baca juga" links and
teaser blocks that live inside the article element on many sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_PARAGRAPH_TAG = re.compile(r"</?p[\s>]", re.IGNORECASE)
_STAMP = "%Y-%m-%dT%H:%M:%S%z"
_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


@dataclass
class HtmlArticle:
    """What trafilatura read from an HTML page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    sitename: str | None = None
    url: str | None = None


def looks_like_html(text: str, file: str = "") -> bool:
    """True when the file is HTML, by its extension or by its markup."""
    if file.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    if _HTML_START.search(text[:4096]):
        return True
    return len(_PARAGRAPH_TAG.findall(text[:65536])) >= 6


def _iso(stamp: str | None) -> str | None:
    """Turn a ``%Y-%m-%dT%H:%M:%S%z`` stamp into ISO 8601 (a bare midnight stays a date)."""
    if not stamp:
        return None
    if stamp.endswith("T00:00:00"):
        return stamp[:10]
    stamp = _OFFSET.sub(r"\1:\2", stamp)
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


def extract_html(html: str) -> HtmlArticle | None:
    """The main text and metadata of an HTML page, or None when no article text is found."""
    import trafilatura  # imported on first use: it takes a while, and text pages never need it

    dates = {"original_date": True, "extensive_search": False, "outputformat": _STAMP}
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=dates,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return None
    published = _iso(getattr(document, "date", None))
    # The same date search asked for the latest date finds "dateModified" / modified_time.
    modified = trafilatura.extract_metadata(
        html, date_config={**dates, "original_date": False}, extensive=False
    )
    latest = _iso(getattr(modified, "date", None))
    return HtmlArticle(
        text=text,
        title=getattr(document, "title", None) or None,
        author=getattr(document, "author", None) or None,
        published=published,
        updated=latest if latest and latest != published else None,
        sitename=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
    )
