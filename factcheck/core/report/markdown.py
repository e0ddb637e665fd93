"""The Markdown report: readable as plain text, safe to render.

Layout: a header with progress, the claim x outlet matrix, agreement between reviewers, one
section per claim, and provenance at the end. Each claim follows the structure Indonesian
fact-checkers publish, in the export's language: *Berita* (the claim as reported), *Hasil Cek
Fakta* (every outlet's passage quoted verbatim with its stance, conflicts, notes), *Kesimpulan*
(the verdict and the reviewer's explanation) and *Rujukan* (the articles); in English: Claim,
Findings, Conclusion, References.

Scraped text cannot inject markup: control, bidi and zero-width characters are removed, and
every character Markdown (or HTML inside Markdown) could read as syntax is backslash-escaped, so
``<script>`` stays the text ``<script>`` when rendered and still reads as it is in plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from factcheck.core.report.chart import summary, timeline_table
from factcheck.core.report.data import ClaimRow, Report, glance, matrix_cells, outlet_name
from factcheck.core.report.text import clean, one_line, shorten, stance_word, word

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~#]")
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+[.)])", re.MULTILINE)


def md(text: Any) -> str:
    """Scraped text as inline Markdown (never at the start of a line): cleaned, on one line,
    syntax escaped."""
    value = one_line(text)
    return value.translate(_ESCAPE) if _SPECIAL.search(value) else value


def md_quote(text: Any) -> str:
    """Scraped text as a Markdown block quote, line breaks kept, syntax escaped."""
    value = clean(text)
    value = _line_start(value.translate(_ESCAPE) if _SPECIAL.search(value) else value)
    return "\n".join("> " + line if line else ">" for line in value.split("\n"))


def _line_start(value: str) -> str:
    if not value:
        return value
    return _LINE_START.sub(_escape_marker, value)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    return f"{indent}{marker[:-1]}\\{marker[-1]}"


@lru_cache(maxsize=256)
def _sw(stance: str | None, lang: str) -> str:
    return md(stance_word(stance, lang))


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The whole Markdown document."""
    lang = report.lang
    out: list[str] = [f"# {word('title', lang)}\n\n"]
    reviewed = sum(1 for c in report.claims if c["reviewed"])
    out.append(f"{word('generated', lang)} {md(report.exported_at)} · factcheck "
               f"{md(report.factcheck_version)}  \n"
               f"{len(report.claims)} {word('claims_exported', lang)} · {reviewed} "
               f"{word('of', lang)} {len(report.claims)} {word('progress', lang)}\n\n")
    _glance(out, report)
    _matrix(out, report)
    _agreement(out, report)
    out.append(f"## {word('claims', lang)}\n\n")
    if not report.claims:
        out.append(f"{word('no_claims', lang)}\n\n")
    total = len(report.claims)
    for number, claim in enumerate(report.claims, start=1):
        _claim(out, report, number, claim)
        if progress is not None:
            progress(number, total)
    _provenance(out, report)
    return "".join(out)


GLANCE_LIMIT = 10
"""Claims listed under each heading of the summary (the rest are counted)."""


def _glance(out: list[str], report: Report) -> None:
    """The summary an editor reads first: verdicts, disputes, disagreements, what is open."""
    lang = report.lang
    seen = glance(report)
    out.append(f"## {word('glance', lang)}\n\n**{word('verdicts', lang)}**: ")
    out.append(", ".join([*(f"{md(label)} {count}" for label, count in seen.verdicts),
                          f"{word('no_verdict_short', lang)} {seen.without_verdict}"]) + "\n\n")
    lists: list[tuple[str, list[tuple[str, str, str]]]] = [
        ("disputed_claims", seen.disputed), ("conflict_claims", seen.differing),
        ("open_claims", [(cid, text, "") for cid, text in seen.open])]
    for key, rows in lists:
        if not rows:
            continue
        out.append(f"**{word(key, lang)}**\n\n")
        for cid, text, reason in rows[:GLANCE_LIMIT]:
            out.append(f"- {md(cid)} {md(shorten(one_line(text), 90))}"
                       + (f" — {md(reason)}" if reason else "") + "\n")
        if len(rows) > GLANCE_LIMIT:
            out.append(f"- {md(word('and_more', lang).format(n=len(rows) - GLANCE_LIMIT))}\n")
        out.append("\n")


def _verdict_short(claim: ClaimRow, lang: str) -> str:
    verdict = claim["verdict"]
    return md(verdict["label_text"]) if verdict else word("no_verdict_short", lang)


def _matrix(out: list[str], report: Report) -> None:
    lang = report.lang
    outlets = report.outlets
    shared = [c for c in report.claims if len({outlet_name(p) for p in c["passages"]}) > 1]
    out.append(f"## {word('matrix', lang)}\n\n{word('matrix_legend', lang)} "
               f"{word('matrix_few', lang)}\n\n")
    if not shared:
        out.append(f"{word('no_claims', lang)}\n\n")
        return
    out.append("| " + " | ".join([word("claim", lang), word("verdict", lang),
                                   *(md(o) for o in outlets)]) + " |\n")
    out.append("|" + " --- |" * (len(outlets) + 2) + "\n")
    suggested = word("suggested", lang)
    for claim in shared:
        cells = [f"{md(claim['id'])}: {md(shorten(one_line(claim['text']), 60))}",
                 _verdict_short(claim, lang)]
        for cell in matrix_cells(claim, outlets):
            if not cell:
                cells.append(_sw(None, lang))
            else:
                cells.append("; ".join(
                    _sw(s, lang) if marked else f"{_sw(s, lang)} ({suggested})"
                    for s, marked in cell))
        out.append("| " + " | ".join(cells) + " |\n")
    out.append("\n")


def _agreement(out: list[str], report: Report) -> None:
    lang = report.lang
    out.append(f"## {word('agreement', lang)}\n\n")
    pairs = report.agreement["pairs"]
    if not pairs:
        out.append(f"{word('agreement_none', lang)}\n\n")
        return
    out.append(f"{word('agreement_note', lang)}\n\n")
    out.append(f"| {word('reviewers', lang)} | {word('both_marked', lang)} | "
               f"{word('percent', lang)} | {word('kappa', lang)} |\n| --- | ---: | ---: | ---: |\n")
    for pair in pairs:
        kappa = pair["kappa"]
        shown = f"{kappa + 0.0:.2f}" if kappa is not None else word("undefined", lang)
        out.append(f"| {md(pair['reviewers'][0])} / {md(pair['reviewers'][1])} | "
                   f"{pair['passages']} | {pair['percent_agreement']:.1f}% | {shown} |\n")
    out.append("\n")


def _claim(out: list[str], report: Report, number: int, claim: ClaimRow) -> None:
    lang = report.lang
    out.append(f"### {number}. {md(claim['id'])}: {md(shorten(one_line(claim['text']), 120))} "
               f"[{_verdict_short(claim, lang)}]\n\n"
               f"#### {word('section_claim', lang)}\n\n{md_quote(claim['text'])}\n\n")
    out.append(f"- {word('kind', lang)}: {md(claim['kind'])} · {word('score', lang)}: "
               f"{claim['score']:.2f}\n")
    fields = [f"{md(k)}: {md(v)}" for k, v in claim["normalized"].items() if v not in (None, "")]
    if fields:
        out.append(f"- {word('normalized', lang)}: {'; '.join(fields)}\n")
    out.append(f"- {word('outlets_origins', lang)}: {claim['outlets']} · "
               f"{word('origins', lang)}: {claim['origins']}\n")
    if claim["disputed"]:
        out.append(f"- {word('disputed', lang)}\n")
    out.append(f"\n#### {word('section_findings', lang)}\n\n")
    _passages(out, report, claim)
    numbers = {p["id"]: i for i, p in enumerate(claim["passages"], start=1)}
    if claim["conflicts"]:
        out.append(f"**{word('conflicts', lang)}**\n\n")
        for conflict in claim["conflicts"]:
            refs = ", ".join(str(numbers[p]) if p in numbers else md(p)
                             for p in conflict["passages"])
            out.append(f"- {md(conflict['kind'])}: {md(conflict['reason'])} "
                       f"({word('passages', lang).lower()} {refs})\n")
        out.append("\n")
    timeline = report.timelines.get(claim["id"])
    if timeline is not None:
        out.append(f"**{md(summary(timeline, lang))}**\n\n| {word('outlet', lang)} | "
                   f"{word('published', lang)} | {word('figure', lang)} |\n|---|---|---|\n")
        for outlet, when, shown in timeline_table(timeline, lang):
            out.append(f"| {md(outlet)} | {md(when)} | {md(shown)} |\n")
        out.append("\n")
    if claim["notes"]:
        out.append(f"**{word('notes', lang)}**\n\n")
        for note in claim["notes"]:
            where = ""
            if note["passage_id"]:
                ref = numbers.get(note["passage_id"])
                where = f", {word('on_passage', lang)} {ref if ref else md(note['passage_id'])}"
            out.append(f"- {md(note['author'])}, {md(note['at'])}{where}:\n\n"
                       + _indent(md_quote(note["text"])) + "\n\n")
    out.append(f"#### {word('section_conclusion', lang)}\n\n")
    verdict = claim["verdict"]
    if verdict is None:
        out.append(f"{word('no_verdict', lang)}\n\n")
    else:
        rating = (f" ({word('rating', lang)} {verdict['rating']}/5)"
                  if verdict["rating"] is not None and verdict["label"] not in report.truthless
                  else "")
        out.append(f"**{word('verdict', lang)}: {md(verdict['label_text'])}**{rating}, "
                   f"{word('by', lang)} {md(verdict['reviewer'])}, {md(verdict['at'])}\n\n")
        if verdict["explanation"]:
            out.append(md_quote(verdict["explanation"]) + "\n\n")
    out.append(f"#### {word('section_references', lang)}\n\n")
    seen: set[str] = set()
    for passage in claim["passages"]:
        source = report.source_by_id.get(passage["source"])
        if source is None or source["id"] in seen:
            continue
        seen.add(source["id"])
        out.append(f"- {_cited(report, source)}\n")
    if not seen:
        out.append(f"- {word('none', lang)}\n")
    out.append("\n")


def _passages(out: list[str], report: Report, claim: ClaimRow) -> None:
    lang = report.lang
    if not claim["passages"]:
        out.append(f"{word('no_passages', lang)}\n\n")
        return
    for number, passage in enumerate(claim["passages"], start=1):
        source = report.source_by_id.get(passage["source"], {})
        title = f": *{md(source['title'])}*" if source.get("title") else ""
        date = f" ({md(source['published'])})" if source.get("published") else ""
        out.append(f"##### {number}. {md(outlet_name(passage))}{title}{date}\n\n")
        out.append(f"- {word('file', lang)}: {md(passage['file'])}, {word('chars', lang)} "
                   f"{passage['start']}–{passage['end']} ({word(_role(passage['role']), lang)})\n")
        if passage["stance"]:
            marks = "; ".join(f"{md(m['reviewer'])}: {_sw(m['stance'], lang)}, "
                              f"{md(m['at'])}" for m in passage["marks"])
            out.append(f"- {word('stance', lang)}: **{_sw(passage['stance'], lang)}** "
                       f"({word('marks', lang)}: {marks})\n\n")
        else:
            out.append(f"- {word('stance', lang)}: {_sw(passage['suggested_stance'], lang)}"
                       f" ({word('suggested_long', lang)})\n\n")
        out.append(md_quote(passage["text"]) + "\n\n")


def _role(role: str) -> str:
    return role if role in ("headline", "body", "caption") else "passage"


def _cited(report: Report, source: dict[str, Any]) -> str:
    key = ("md-reference", source["id"])
    text = report.memo.get(key)
    if text is None:
        text = report.memo[key] = _reference(source)
    return text


def _reference(source: dict[str, Any]) -> str:
    parts = [md(outlet_name(source))]
    if source.get("title"):
        parts.append(f"*{md(source['title'])}*")
    if source.get("published"):
        parts.append(md(source["published"]))
    url = one_line(source.get("url"))
    if url.startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
        parts.append(f"<{url}>")
    elif url:
        parts.append(md(url))
    parts.append(f"{md(source['file'])}, sha256 {md(source['sha256'])}")
    return ", ".join(parts)


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.split("\n"))


def _provenance(out: list[str], report: Report) -> None:
    lang = report.lang
    reviewers = ", ".join(md(r) for r in report.reviewers) or word("none", lang)
    out.append(f"## {word('provenance', lang)}\n\n"
               f"- {word('version', lang)}: {md(report.factcheck_version)}\n"
               f"- {word('exported_at', lang)}: {md(report.exported_at)}\n"
               f"- {word('reviewers', lang)}: {reviewers}\n\n")
    out.append(f"### {word('sources', lang)}\n\n")
    if not report.sources:
        out.append(f"{word('none', lang)}\n")
        return
    out.append(f"| {word('file', lang)} | {word('outlet', lang)} | sha256 |\n| --- | --- | --- |\n")
    for source in report.sources:
        out.append(f"| {md(source['file'])} | {md(outlet_name(source))} | "
                   f"{md(source['sha256'])} |\n")
