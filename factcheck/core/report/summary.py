"""The terminal summary behind ``factcheck report``: where the review stands, at a glance.

Progress (reviewed x of y), claims by verdict, conflicts, outlets, reviewers and their
agreement, as rich tables. Strings from the store are passed to rich as `rich.text.Text`
(never parsed as console markup) after `factcheck.core.report.text.one_line` removed control,
bidi and zero-width characters, so a scraped outlet name cannot restyle or move the terminal.
"""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Group, RenderableType
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from factcheck.core.report.data import ExportOptions, Report, gather, outlet_name
from factcheck.core.report.text import one_line, shorten
from factcheck.core.store import Store
from factcheck.settings import Settings


def _t(value: object, limit: int = 60) -> Text:
    return Text(shorten(one_line(value), limit))


def summary(store: Store, settings: Settings) -> RenderableType:
    """A rich renderable summarizing the store's review progress (for ``factcheck report``)."""
    lang = settings.language if settings.language in ("en", "id") else "en"
    report = gather(store, settings, ExportOptions(lang=lang))
    parts: list[RenderableType] = [_progress(report)]
    if report.claims:
        parts += [_verdicts(report, settings, lang), _conflicts(report), _outlets(report),
                  _reviewers(report)]
    return Group(*parts)


def _progress(report: Report) -> RenderableType:
    total = report.total_claims
    done = report.reviewed_total
    share = f" ({100 * done / total:.0f}%)" if total else ""
    line = Text.assemble(("Reviewed ", "bold"), (f"{done} of {total}", "bold"),
                         f" tracked claims{share}")
    if not total:
        line.append(" — the store has no tracked claims yet.")
        return line
    return Group(line, ProgressBar(total=total, completed=done, width=50), Text(""))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    for number, column in enumerate(columns):
        table.add_column(column, justify="left" if number == 0 else "right")
    return table


def _verdicts(report: Report, settings: Settings, lang: str) -> Table:
    counts = Counter(c.verdict.label if c.verdict else None for c in report.claims)
    table = _table("Claims by verdict", "Verdict", "Rating", "Claims")
    for option in settings.verdicts:
        table.add_row(_t(option.label(lang)), str(option.rating), str(counts.pop(option.key, 0)))
    unrated = counts.pop(None, 0)
    for label, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
        table.add_row(_t(label), "?", str(count))  # labels no longer in the configured scale
    table.add_row(Text("no verdict", style="dim"), "", str(unrated))
    return table


def _conflicts(report: Report) -> Table:
    kinds: Counter[str] = Counter()
    with_conflicts = 0
    for claim in report.claims:
        if claim.conflicts:
            with_conflicts += 1
            kinds.update({c.kind for c in claim.conflicts})  # claims, not conflicts
    disputed = sum(1 for c in report.claims if c.disputed)
    table = _table("Conflicts", "", "Claims")
    table.add_row("claims with conflicts", str(with_conflicts))
    for kind, count in sorted(kinds.items()):
        table.add_row(Text.assemble("  ", _t(kind)), str(count))
    table.add_row("disputed (asserted and denied)", str(disputed))
    return table


def _outlets(report: Report) -> Table:
    articles = Counter(outlet_name(s) for s in report.sources if not s["superseded_by"])
    claims: Counter[str] = Counter()
    passages: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for claim in report.claims:
        claims.update({outlet_name(p) for p in claim.passages})
        for passage in claim.passages:
            passages[outlet_name(passage)] += 1
            marked[outlet_name(passage)] += bool(passage.marks)
    table = _table("Outlets", "Outlet", "Articles", "Claims", "Passages marked")
    for outlet in report.outlets:
        table.add_row(_t(outlet), str(articles[outlet]), str(claims[outlet]),
                      f"{marked[outlet]} of {passages[outlet]}")
    return table


def _reviewers(report: Report) -> RenderableType:
    marks: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    notes: Counter[str] = Counter()
    for claim in report.claims:
        marks.update(m.shown_reviewer for p in claim.passages for m in p.marks)
        if claim.verdict:
            verdicts[claim.verdict.shown_reviewer] += 1
        notes.update(n.shown_author for n in claim.notes)
    if not report.reviewers:
        return Text("No reviewer has marked a passage or given a verdict yet.", style="dim")
    table = _table("Reviewers", "Reviewer", "Marks", "Verdicts", "Notes")
    for reviewer in report.reviewers:
        table.add_row(_t(reviewer, 40), str(marks[reviewer]), str(verdicts[reviewer]),
                      str(notes[reviewer]))
    pairs = report.agreement["pairs"]
    if not pairs:
        return table
    agreement = _table("Agreement between reviewers", "Reviewers", "Passages both marked",
                       "Agreement", "Cohen's kappa")
    for pair in pairs:
        kappa = pair["kappa"]
        agreement.add_row(Text(" / ").join(_t(r, 30) for r in pair["reviewers"]),
                          str(pair["passages"]), f"{pair['percent_agreement']:.1f}%",
                          f"{kappa + 0.0:.2f}" if kappa is not None else "undefined")
    return Group(table, agreement)
