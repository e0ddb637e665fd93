"""Find the parts of a page: header (title, byline, date, captions), body, and the rest.

The body is the main run of article paragraphs. It starts at the dateline ("TEMPO.CO, Jakarta
-"), or else at the first prose paragraph after the byline and date lines, and it ends before
the first block that teases other articles (a heading such as "Berita terkait", or headlines
with relative times), a comment disclaimer, or the tag list at the foot of the page. Furniture
inside the body (ad markers, "Baca juga" links, lone wire credits) is dropped where it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from factcheck.core.ingest.clean import Line
from factcheck.core.ingest.dates import DateHit, find_dates, is_date_line, is_empty_date_stamp
from factcheck.core.ingest.furniture import credit_line, furniture_kind, normalized
from factcheck.core.ingest.metadata import (
    byline_label,
    clean_name,
    credits_in,
    dateline_outlet,
    parse_byline,
    split_initials,
)


class Kind(StrEnum):
    """What one line of a page is."""

    DROP = "drop"
    TEASER_HEADING = "teaser_heading"
    READ_ALSO = "read_also"
    RELATIVE_TIME = "relative_time"
    DISCLAIMER = "disclaimer"
    IMAGE = "image"
    CREDIT = "credit"
    CAPTION = "caption"
    BYLINE = "byline"
    BYLINE_LABEL = "byline_label"
    DATE = "date"
    DATELINE = "dateline"
    PROSE = "prose"
    SHORT = "short"
    """No final punctuation: a headline, subheading, tag or a sentence left unfinished."""


_HEADER_ITEMS = (Kind.BYLINE, Kind.BYLINE_LABEL, Kind.DATE)
_SKIPPED = (Kind.DROP, Kind.CREDIT, Kind.IMAGE, Kind.CAPTION)
_CLOSERS = "\"'\u201d\u2019)]\u00bb*"
_TERMINAL = ".!?:\u2026"
_BULLET = ("-", "*", "\u2022", "\u2013", "\u2014", "\u00b7")
_READ_ALSO_ITEMS = 5
_MAX_DECKS = 3


@dataclass
class Layout:
    """The parts of a page, and the metadata its header and body lines state."""

    title: str | None = None
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    byline: dict[str, str] = field(default_factory=dict)
    published: str | None = None
    updated: str | None = None
    credits: list[str] = field(default_factory=list)
    dateline_outlet: str | None = None
    caption_keys: set[str] = field(default_factory=set, repr=False)


def is_prose(text: str) -> bool:
    """True for a paragraph of running text: final punctuation and a few words, or long.

    A period makes even a short line a sentence (headlines never end with one); a question or
    exclamation mark needs more words, as headlines often end with one.
    """
    words = len(text.split())
    last = text.rstrip(_CLOSERS)[-1:]
    return (
        (words >= 3 and last in _TERMINAL and last not in "?!")
        or (words >= 5 and last in "?!")
        or words >= 25
    )


def classify(line: Line) -> Kind:
    """Decide what one line is, from its text alone."""
    text = line.text
    furniture = furniture_kind(text)
    if furniture is not None:
        return Kind(furniture.value)
    if byline_label(text):
        return Kind.BYLINE_LABEL
    if parse_byline(text):
        return Kind.BYLINE
    if is_date_line(text) or is_empty_date_stamp(text):
        return Kind.DATE
    if dateline_outlet(text) and len(text.split()) >= 6:
        return Kind.DATELINE
    return Kind.PROSE if is_prose(text) else Kind.SHORT


def _own_timestamps(kinds: list[Kind]) -> list[Kind]:
    """Drop relative times that follow a date or byline line: the page's own "2 hours ago".

    Elsewhere a relative time marks a teaser of another article.
    """
    previous: Kind | None = None
    for i, kind in enumerate(kinds):
        if kind == Kind.RELATIVE_TIME and previous in _HEADER_ITEMS:
            kinds[i] = Kind.DROP
        elif kind != Kind.DROP:
            previous = kind
    return kinds


def _body_start(lines: list[Line], kinds: list[Kind]) -> int:
    """Index of the first body line (len(kinds) when the page has none)."""
    teaser = False
    for i, kind in enumerate(kinds):
        # A dateline inside a teaser block is another article's first sentence.
        if kind in (Kind.TEASER_HEADING, Kind.RELATIVE_TIME):
            teaser = True
        elif kind in _HEADER_ITEMS:
            teaser = False
        elif kind == Kind.DATELINE and not teaser:
            return i
    start = next((i for i, k in enumerate(kinds) if k in _HEADER_ITEMS), None)
    if start is None:
        return _start_without_header(lines, kinds)
    for _ in range(_MAX_DECKS):
        prose = _first_prose(kinds, start)
        # A standfirst above the byline ("deck") is not the body: move past the byline.
        later = [h for h in range(prose + 1, min(prose + 4, len(kinds)))
                 if kinds[h] in _HEADER_ITEMS]
        if not later:
            return prose
        start = later[-1] + 1
    return start


def _first_prose(kinds: list[Kind], start: int) -> int:
    """The first prose line from ``start`` that is not a teaser's summary."""
    return next((i for i in range(start, len(kinds))
                 if kinds[i] == Kind.PROSE and not _after_teaser(kinds, i)), len(kinds))


def _start_without_header(lines: list[Line], kinds: list[Kind]) -> int:
    """The first prose line, unless it stands above the headline (a site's tagline)."""
    def headline(i: int) -> bool:
        return kinds[i] == Kind.SHORT and len(lines[i].text.split()) >= 3

    first = _first_prose(kinds, 0)
    if any(headline(i) for i in range(first)):
        return first
    second = _first_prose(kinds, first + 1)
    title = next((i for i in range(first + 1, second) if headline(i)), None)
    return first if title is None else _first_prose(kinds, title + 1)


def _after_teaser(kinds: list[Kind], i: int) -> bool:
    content = [k for k in kinds[max(0, i - 6):i] if k not in _SKIPPED][-3:]
    return Kind.RELATIVE_TIME in content or Kind.TEASER_HEADING in content


def _is_tag(line: Line, kind: Kind) -> bool:
    text = line.text
    return (kind == Kind.SHORT and len(text.split()) <= 6 and not text.startswith(_BULLET)
            and split_initials(text)[0] != "")  # a sign-off such as "(nvc/nvc)" is no tag


def _tag_lists(lines: list[Line], kinds: list[Kind]) -> list[bool]:
    """For each line, whether a foot-of-page tag list starts there.

    A tag list is a run of three or more short lines with no prose after it (before the next
    teaser block or disclaimer). One backward pass, so a long page stays linear.
    """
    starts = [False] * len(lines)
    run = 0
    prose_after = False
    for i in range(len(lines) - 1, -1, -1):
        kind = kinds[i]
        run = run + 1 if _is_tag(lines[i], kind) else 0
        starts[i] = run >= 3 and not prose_after
        if kind in (Kind.TEASER_HEADING, Kind.RELATIVE_TIME, Kind.DISCLAIMER):
            prose_after = False
        elif kind in (Kind.PROSE, Kind.DATELINE):
            prose_after = True
    return starts


def _next_content(kinds: list[Kind]) -> list[Kind | None]:
    """For each line, the kind of the next line that is not dropped furniture."""
    following: list[Kind | None] = [None] * len(kinds)
    nxt: Kind | None = None
    for i in range(len(kinds) - 1, -1, -1):
        following[i] = nxt
        if kinds[i] != Kind.DROP:
            nxt = kinds[i]
    return following


def _drop_teaser_head(kept: list[int], kinds: list[Kind]) -> None:
    """Remove the teaser lines kept just above a relative time: its headline and photo, or its
    headline and one-paragraph summary ("Title / Summary. / 2 days ago")."""
    content = [i for i in kept[-3:] if kinds[i] != Kind.DROP]
    if len(content) >= 2 and kinds[content[-1]] == Kind.PROSE and kinds[content[-2]] == Kind.SHORT:
        del kept[kept.index(content[-2]):]
    while kept and kinds[kept[-1]] in (Kind.SHORT, Kind.CAPTION, Kind.IMAGE, Kind.DROP):
        kept.pop()


def body_lines(lines: list[Line], kinds: list[Kind], start: int) -> list[int]:
    """Indices of the lines from ``start`` that belong to the body (furniture still in)."""
    tag_list = _tag_lists(lines, kinds)
    next_content = _next_content(kinds)
    kept: list[int] = []
    teaser = False
    link_list = True  # a teaser block that so far holds only headlines may end mid-page
    read_also = 0  # headlines still to drop under a "Baca juga" heading
    for i in range(start, len(lines)):
        kind = kinds[i]
        if kind == Kind.DISCLAIMER:
            break
        if kind == Kind.READ_ALSO:
            read_also = _READ_ALSO_ITEMS
            continue
        if read_also and kind in (Kind.SHORT, Kind.DROP):
            read_also -= 1
            continue
        read_also = 0
        if teaser:
            if kind == Kind.PROSE and link_list and next_content[i] == Kind.PROSE:
                teaser = False
            elif kind not in (Kind.SHORT, Kind.DROP, Kind.TEASER_HEADING):
                link_list = False
                continue
            else:
                continue
        if kind == Kind.TEASER_HEADING:
            teaser, link_list = True, True
            continue
        if kind == Kind.RELATIVE_TIME:
            _drop_teaser_head(kept, kinds)
            teaser, link_list = True, False
            continue
        if tag_list[i]:
            break
        kept.append(i)
    return kept


def _title(lines: list[Line], kinds: list[Kind], header: list[int]) -> str | None:
    candidates = [
        i for i in header
        if (kinds[i] == Kind.SHORT or kinds[i] == Kind.PROSE and lines[i].text[-1] in "?!")
        and 3 <= len(lines[i].text.split()) <= 30
    ]
    if not candidates:
        return None
    # A line the page repeats is the headline (page title and heading); navigation and banners
    # repeat too, but above it: of the repeated lines, the one closest to the body.
    seen: dict[str, int] = {}
    repeated: int | None = None
    for i in candidates:
        key = normalized(lines[i].text)
        if key in seen:
            repeated = seen[key]
        else:
            seen[key] = i
    if repeated is not None:
        return lines[repeated].text
    first_item = next((i for i in header if kinds[i] in (*_HEADER_ITEMS, Kind.IMAGE,
                                                         Kind.CAPTION)), None)
    before = [i for i in candidates if first_item is None or i < first_item] or candidates
    # The headline is just above the byline or date, unless a short unlabelled byline ("Name -
    # Outlet") sits between them: of the last two candidates, the longer.
    return max((lines[i].text for i in before[-2:]), key=lambda t: len(t.split()))


def _header_lines(kinds: list[Kind], start: int) -> list[int]:
    """Lines above the body, without the teaser blocks some pages put there."""
    header: list[int] = []
    teaser = False
    # One relative time under the title is the page's own ("2 jam lalu"), not a teaser's.
    teaser_times = sum(k == Kind.RELATIVE_TIME for k in kinds[:start]) > 1
    for i in range(start):
        if kinds[i] == Kind.TEASER_HEADING or kinds[i] == Kind.RELATIVE_TIME and teaser_times:
            teaser = True
            if kinds[i] == Kind.RELATIVE_TIME:
                while header and kinds[header[-1]] in (Kind.SHORT, Kind.CAPTION):
                    header.pop()
        elif kinds[i] in _HEADER_ITEMS:
            teaser = False
        if not teaser:
            header.append(i)
    return header


def _read_dates(layout: Layout, hits: list[DateHit]) -> None:
    for hit in hits:
        if hit.updated:
            layout.updated = layout.updated or hit.iso
        else:
            layout.published = layout.published or hit.iso


def _add_caption(layout: Layout, text: str) -> None:
    key = normalized(text)
    if key not in layout.caption_keys:
        layout.caption_keys.add(key)
        layout.captions.append(text)


def _collect(layout: Layout, lines: list[Line], kinds: list[Kind], indices: list[int],
             in_body: bool) -> None:
    """Read metadata, captions and (in the body) paragraphs from the given lines."""
    title_key = normalized(layout.title) if layout.title else None
    skip_next = False
    for n, i in enumerate(indices):
        text, kind = lines[i].text, kinds[i]
        nxt = indices[n + 1] if n + 1 < len(indices) else None
        if skip_next:
            skip_next = False
            continue
        if kind == Kind.BYLINE:
            for role, name in parse_byline(text).items():
                layout.byline.setdefault(role, name)
        elif kind == Kind.BYLINE_LABEL:
            person = clean_name(lines[nxt].text) if nxt is not None and kinds[nxt] in (
                Kind.SHORT, Kind.BYLINE) else None
            if person:
                layout.byline.setdefault(byline_label(text) or "author", person)
                skip_next = True
        elif kind == Kind.DATE:
            hits = find_dates(text)
            # In the body only a labelled stamp ("Published ...", "Diperbarui ...") counts.
            if not in_body or any(h.labelled for h in hits):
                _read_dates(layout, hits)
        elif kind == Kind.CREDIT:
            layout.credits.extend(c for c in credit_line(text) if c not in layout.credits)
        elif kind == Kind.CAPTION:
            _add_caption(layout, text)
        elif kind == Kind.IMAGE:
            if nxt is not None and kinds[nxt] in (Kind.SHORT, Kind.PROSE, Kind.CAPTION):
                _add_caption(layout, lines[nxt].text)
                skip_next = True
        elif in_body and kind in (Kind.PROSE, Kind.SHORT, Kind.DATELINE) and (
            normalized(text) != title_key
        ):
            layout.body.append(text)


def lay_out(lines: list[Line], title: str | None = None) -> Layout:
    """Split a page's lines into title, captions, body paragraphs and metadata.

    Args:
        lines: the page's cleaned lines.
        title: the title when the page's metadata already gives it (HTML).
    """
    kinds = _own_timestamps([classify(line) for line in lines])
    start = _body_start(lines, kinds)
    header = _header_lines(kinds, start)
    layout = Layout(title=title or _title(lines, kinds, header))
    _collect(layout, lines, kinds, header, in_body=False)
    _collect(layout, lines, kinds, body_lines(lines, kinds, start), in_body=True)
    if layout.body:
        last, initials = split_initials(layout.body[-1])
        if initials:
            layout.byline.setdefault("initials", initials)
            layout.body[-1:] = [last] if last else []
    for paragraph in layout.body[:3]:
        layout.dateline_outlet = layout.dateline_outlet or dateline_outlet(paragraph)
    for paragraph in layout.body:
        layout.credits.extend(c for c in credits_in(paragraph) if c not in layout.credits)
    return layout
