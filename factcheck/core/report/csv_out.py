"""The CSV export: one row per claim x passage, ready for a spreadsheet.

RFC 4180 quoting (the ``csv`` module, CRLF line ends), UTF-8 with a byte-order mark so that
Excel reads it as UTF-8 (LibreOffice and Google Sheets ignore the mark), and a header row. A claim
without passages still gets one row.

Spreadsheet-safe: text is cleaned of control, bidi and zero-width characters; a cell that starts
with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) gets a leading ``'`` so no
spreadsheet runs it as a formula; and a cell longer than a spreadsheet cell can hold (32,767
characters) is cut, saying so, since the JSON export keeps every text whole.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from factcheck.core.readmodel import ClaimView, PassageView
from factcheck.core.report.data import Report
from factcheck.core.report.text import clean

BOM = "\ufeff"
CELL_LIMIT = 32_767
"""The most characters Excel and LibreOffice keep in one cell."""

COLUMNS = (
    "claim_id", "claim_text", "kind", "score", "outlets", "origins", "disputed", "reviewed",
    "verdict", "verdict_label", "rating", "verdict_explanation", "verdict_reviewer", "verdict_at",
    "claim_notes",
    "passage_id", "source_id", "file", "outlet", "title", "published", "url", "start", "end",
    "role", "link", "suggested_stance", "stance", "marks", "conflicts", "notes", "passage_text",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LEADING = re.compile(r"^[\s\u00a0\u2000-\u200b\u3000\ufeff]*")
"""Whitespace a spreadsheet skips before it reads a formula (spaces, newlines, NBSP...)."""


def cell(value: Any) -> Any:
    """A value made safe for a spreadsheet cell (numbers and booleans pass unchanged)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    text = clean(value)
    lead = _LEADING.sub("", text)[:1]
    if text.startswith(_FORMULA_START) or (
            lead and unicodedata.normalize("NFKC", lead).startswith(_FORMULA_START)):
        text = "'" + text  # also behind leading blanks and as full-width ＝ ＋ － ＠
    if len(text) > CELL_LIMIT:
        note = f" … [cut: {len(text):,} characters in full, see the JSON export]"
        text = text[: CELL_LIMIT - len(note)] + note
    return text


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The whole CSV document (with a byte-order mark)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    total = len(report.claims)
    for done, claim in enumerate(report.claims, start=1):
        head = _claim_cells(claim)
        if not claim.passages:
            writer.writerow([cell(v) for v in head] + [""] * (len(COLUMNS) - len(head)))
        for passage in claim.passages:
            values = head + _passage_cells(report, claim, passage)
            writer.writerow([cell(v) for v in values])
        if progress is not None:
            progress(done, total)
    return buffer.getvalue()


def _claim_cells(claim: ClaimView) -> list[Any]:
    verdict = claim.verdict
    decided: list[Any] = [None] * 6
    if verdict is not None:
        decided = [verdict.label, verdict.label_text, verdict.rating,
                   verdict.explanation, verdict.shown_reviewer, verdict.at]
    # Notes on the claim as a whole (a passage's notes go with its row): on every row of the
    # claim, so a filtered spreadsheet never hides them.
    notes = "; ".join(f"{n.shown_author}: {n.text}" for n in claim.notes if not n.passage_id)
    return [
        claim.id, claim.text, claim.kind, round(claim.score, 4), claim.outlets,
        claim.origins, claim.disputed, claim.reviewed, *decided, notes,
    ]


def _passage_cells(report: Report, claim: ClaimView, passage: PassageView) -> list[Any]:
    source = report.source_by_id.get(passage.source_id, {})
    marks = "; ".join(f"{m.shown_reviewer}: {m.stance} ({m.at})" for m in passage.marks)
    conflicts = "; ".join(f"{c.kind}: {c.reason}" for c in claim.conflicts_of(passage.id))
    notes = "; ".join(f"{n.shown_author}: {n.text}" for n in claim.notes_on(passage.id))
    return [
        passage.id, passage.source_id, passage.file or "", passage.outlet,
        source.get("title"), source.get("published"), source.get("url"), passage.start,
        passage.end, passage.role, passage.link, passage.suggested_stance,
        passage.stance, marks, conflicts, notes, passage.text,
    ]
