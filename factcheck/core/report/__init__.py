"""The verification report: a store's claims, evidence and reviews in five formats.

`export_report` makes the whole document in one of `FORMATS`:

* ``md``: Markdown, readable as plain text (`factcheck.core.report.markdown`);
* ``html``: one self-contained, printable page (`factcheck.core.report.html`);
* ``json``: the full data, shape in ``schema.json`` (`factcheck.core.report.json_out`);
* ``csv``: one row per claim x passage for a spreadsheet (`factcheck.core.report.csv_out`);
* ``claimreview``: schema.org ClaimReview JSON-LD (`factcheck.core.report.claimreview`).

Every format starts from the same data (`factcheck.core.report.data.gather`). `summary` gives the
rich renderable of ``factcheck report``. The CLI and the TUI's export worker both call these; the
package never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.core.report import claimreview, csv_out, html, json_out, markdown
from factcheck.core.report.data import (
    DEFAULT_OPTIONS,
    LANGUAGES,
    ExportOptions,
    Report,
    ReportError,
    gather,
)
from factcheck.core.report.summary import summary
from factcheck.core.store import Store
from factcheck.settings import Settings

FORMATS = ("md", "html", "json", "csv", "claimreview")
"""The export formats, by the name ``--format`` takes."""

EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv",
              "claimreview": ".jsonld"}
"""The usual file extension of each format."""

Progress = Callable[[int, int], None]


def export_report(
    store: Store,
    fmt: str,
    settings: Settings,
    options: ExportOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> str:
    """Make the whole report document in format ``fmt``.

    Args:
        store: The store to report on (read only).
        fmt: One of `FORMATS`.
        settings: Verdict scale (labels, ratings) and, for ClaimReview, the organization.
        options: Which claims (``reviewed_only``, ``claim_ids``) and the language (``lang``).
        progress: Called as ``progress(done, total)`` after each claim is written.

    Returns:
        The document as text (an empty store gives a valid, empty document).

    Raises:
        ReportError: Unknown format, language or claim id.
    """
    if fmt not in FORMATS:
        raise ReportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    report = gather(store, settings, options)
    if progress is not None and not report.claims:
        progress(0, 0)
    if fmt == "md":
        return markdown.render(report, progress)
    if fmt == "html":
        return html.render(report, progress)
    if fmt == "json":
        return json_out.render(report, progress)
    if fmt == "csv":
        return csv_out.render(report, progress)
    return claimreview.render(report, settings, progress)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "LANGUAGES",
    "ExportOptions",
    "Progress",
    "Report",
    "ReportError",
    "export_report",
    "gather",
    "summary",
]
