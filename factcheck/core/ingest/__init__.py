"""The ingest stage: one raw scraped page (plain text or HTML) in, one clean article out.

    result = ingest_file(Path("seeds/002.txt"))
    result.source.title, result.source.published, [p.text for p in result.passages]

The stage decodes the bytes (`decode`), takes off the address line and a leading date token
(`address`), extracts HTML with trafilatura (`html`), cleans lines (`clean`), removes page
furniture (`furniture`), finds the header and body (`layout`), redacts personal e-mail addresses
and phone numbers (`redact`), reads metadata (`metadata`, `dates`, `address`, `sidecar`) and
cuts passages (`passages`). What a page does not state stays
None with a warning: nothing is guessed.

Metadata precedence: what the user says (``--outlet``, ``--url``, the sidecar file) wins over
what the page says in its markup, dateline or date line, which wins over what its address says.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck.core.ingest.address import (
    date_from_address,
    outlet_from_address,
    split_address,
    split_date_token,
)
from factcheck.core.ingest.clean import Line, clean_line, split_lines
from factcheck.core.ingest.dates import find_dates
from factcheck.core.ingest.decode import decode
from factcheck.core.ingest.errors import IngestError
from factcheck.core.ingest.html import HtmlArticle, extract_html, looks_like_html
from factcheck.core.ingest.layout import Layout, lay_out
from factcheck.core.ingest.metadata import clean_name, outlet_name
from factcheck.core.ingest.passages import assemble
from factcheck.core.ingest.redact import redact
from factcheck.core.ingest.sidecar import Sidecar, read_sidecar
from factcheck.core.models import Passage, Source
from factcheck.core.text.lang import alternation, compiled
from factcheck.core.text.languages import detect_language
from factcheck.core.textnorm import strip_invisible

__all__ = ["MAX_BYTES", "IngestError", "IngestResult", "Sidecar", "ingest_bytes", "ingest_file"]

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused (a scraped article is a few hundred kilobytes at most)."""
_STATED_DATES_LINES = 400
"""Lines of a page searched for the dates it states (to read an ambiguous date in its address)."""
_OUTLET_SPELLING_CHARS = 200_000
"""Characters of a page searched for how it spells its own domain name."""


@dataclass
class IngestResult:
    """One ingested article: its source record, its passages and what could not be read."""

    source: Source
    passages: list[Passage]
    warnings: list[str] = field(default_factory=list)


def ingest_file(path: Path, outlet: str | None = None, url: str | None = None) -> IngestResult:
    """Read and ingest one file, with its sidecar (``page.txt.json``) when it has one.

    Args:
        path: the file to read.
        outlet: the outlet, when the caller knows it (overrides what the page says).
        url: the page's address, when the caller knows it (overrides the page's own).

    Raises:
        IngestError: the file cannot be read, is too large, empty, binary or undecodable.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        if not path.is_file():
            raise IngestError(name, "not a file" if path.exists() else "no such file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(name, f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the file may grow between stat and read
    except OSError as error:
        raise IngestError(name, f"cannot read file ({error.strerror or error})") from None
    return ingest_bytes(raw, name, str(path), outlet, url=url, sidecar=read_sidecar(path))


def ingest_bytes(raw: bytes, file: str, path: str = "", outlet: str | None = None, *,
                 url: str | None = None, sidecar: Sidecar | None = None) -> IngestResult:
    """Ingest the bytes of one page.

    Args:
        raw: the page as scraped (plain text or HTML, any common encoding).
        file: the file name, the article's origin (part of every passage id).
        path: where the file was read from, as given.
        outlet: the outlet, when the caller knows it (overrides what the page says).
        url: the page's address, when the caller knows it (overrides the page's own).
        sidecar: what the page's sidecar file says (overrides what the page says).

    Raises:
        IngestError: the bytes are too many, empty, binary or undecodable, or hold no article.
    """
    if len(raw) > MAX_BYTES:
        raise IngestError(file, f"file too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})")
    decoded = decode(raw, file)
    told = sidecar or Sidecar()
    warnings = [*decoded.warnings, *told.warnings]
    line_url, text = split_address(decoded.text)
    token_date, text = split_date_token(text)
    page: HtmlArticle | None = None
    if looks_like_html(text, file):
        page = extract_html(text)
        if page is None:
            raise IngestError(file, "no article text found in the HTML page")
        text = page.text
    title = _one_line(page.title) if page and page.title else None
    lines = split_lines(text)
    layout = lay_out(lines, title=title)
    if not layout.body and not layout.title:
        raise IngestError(file, "no article text found")
    digest = hashlib.sha256(raw).hexdigest()
    source_id = "s-" + _identity(digest, url, told)[:16]
    headline = redact(layout.title) if layout.title else None
    captions = [redact(c) for c in layout.captions]
    body = [redact(p) for p in layout.body]
    cleaned, passages = assemble(file, source_id, headline, captions, body)
    language = told.language or detect_language("\n".join(body)) or detect_language(cleaned)
    address = url or told.url or (page.url if page else None) or line_url
    published = (
        told.published
        # A page's markup states its dates more reliably than a line of its text.
        or (page.published if page else None) or layout.published or token_date
    )
    if published is None and address:
        found = date_from_address(address, language, lambda: _stated_dates(lines))
        published = found.iso
        if found.warning:
            warnings.append(found.warning)
    if published is None and language:
        published = _today_stated(lines, language)
        if published is not None:
            warnings.append(f"publication date read from the text's \"today\": {published}")
    source = Source(
        id=source_id,
        file=file,
        path=path,
        outlet=_outlet(outlet or told.outlet, layout, page, address, text),
        title=headline,
        published=published,
        updated=(page.updated if page else None) or layout.updated,
        byline={r: redact(n) for r, n in told.byline.items()} or _byline(layout, page),
        language=language,
        url=redact(address) if address else None,
        credits=[redact(c) for c in layout.credits],
        sha256=digest,
        encoding=decoded.encoding,
        text=cleaned,
    )
    warnings.extend(_missing(source, body))
    warnings = [redact(w) for w in warnings]
    source = source.model_copy(update={"warnings": warnings})
    return IngestResult(source, passages, warnings)


def _identity(digest: str, url: str | None, told: Sidecar) -> str:
    """The source id's hash: the raw bytes', or with what the user said about the page, so that
    a new ``--url`` or sidecar makes a new version of the article."""
    said = {k: v for k, v in (("url", url), ("outlet", told.outlet), ("published", told.published),
                              ("byline", told.byline), ("language", told.language),
                              ("sidecar url", told.url)) if v}
    if not said:
        return digest
    key = digest + json.dumps(said, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _today_stated(lines: list[Line], language: str) -> str | None:
    """The day a page without a publication date names as its own: a full date right after
    its word for today ("per hari ini, Sabtu (3/9/2022)", "today, Monday 4 December 2023"),
    when the page names one such day only."""
    today = _today_words(language)
    if today is None:
        return None
    days: set[str] = set()
    for line in lines[:_STATED_DATES_LINES]:
        for match in today.finditer(line.text):
            after = line.text[match.end():match.end() + _TODAY_REACH]
            hit = next(iter(find_dates(after)), None)
            if hit is not None and len(hit.iso) >= 10 and hit.start <= _TODAY_GAP:
                days.add(hit.iso[:10])
    return days.pop() if len(days) == 1 else None


@lru_cache(maxsize=8)
def _today_words(language: str) -> re.Pattern[str] | None:
    """The language's words for today ("hari ini", "today"), from its relative days."""
    relative = compiled(language).data["dates"]["relative_days"]
    words = [w for w, shift in relative.items() if shift == 0]
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.IGNORECASE) if (
        words) else None


_TODAY_REACH = 40
_TODAY_GAP = 12
"""Characters after the word for today in which its date must start ("hari ini, Senin (")."""


def _stated_dates(lines: list[Line]) -> list[str]:
    """The dates the page's lines state (captions and body included), as ISO strings."""
    return [hit.iso for line in lines[:_STATED_DATES_LINES] for hit in find_dates(line.text[:500])]


def _one_line(text: str) -> str:
    """A metadata value as one clean line."""
    return clean_line(" ".join(strip_invisible(text).split("\n")))


def _outlet(given: str | None, layout: Layout, page: HtmlArticle | None, address: str | None,
            text: str) -> str | None:
    """The caller's outlet, else the dateline's, else the HTML site name, else the address's."""
    if given:
        return redact(given)
    if layout.dateline_outlet:
        return redact(layout.dateline_outlet)
    if page and page.sitename:
        name = outlet_name(_one_line(page.sitename))
        if name:
            return redact(name)
    if address:
        name = outlet_from_address(address, text[:_OUTLET_SPELLING_CHARS])
        return redact(name) if name else None
    return None


def _byline(layout: Layout, page: HtmlArticle | None) -> dict[str, str]:
    """The byline the page's lines state; the HTML author when they name no writer."""
    byline = {role: redact(name) for role, name in layout.byline.items()}
    if page and page.author and not {"author", "reporter"} & byline.keys():
        names = [clean_name(n) for n in page.author.split(";")]
        author = ", ".join(n for n in names if n)
        if author:
            byline["author"] = redact(author)
    return byline


def _missing(source: Source, body: list[str]) -> list[str]:
    """Warnings for what the page did not let us read."""
    checks = [
        (source.title, "no title found"),
        (body, "no article body found"),
        (source.outlet, "no outlet found"),
        (source.published, "no publication date found"),
        (source.byline, "no byline found"),
        (source.language, "language not detected"),
    ]
    return [message for value, message in checks if not value]
