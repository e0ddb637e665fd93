"""The HTML report: one self-contained file that opens anywhere and prints cleanly.

The page makes no request of its own: the CSS is inline, there are no scripts, images or fonts,
and a strict Content-Security-Policy (``default-src 'none'; style-src 'unsafe-inline'``) is the
first thing in ``<head>``, so a browser would refuse to run or fetch anything even if markup got
in. Markup does not get in: every string from the store goes through `h` (control, bidi and
zero-width characters removed, then ``html.escape(..., quote=True)``). The only outside
addresses are the sources' own URLs, shown as plain links when they are ``http(s)``.

The content is the Markdown report's (see `factcheck.core.report.markdown`) with the same
per-claim sections in the export's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from factcheck.core.report.chart import summary, timeline_svg, timeline_table
from factcheck.core.report.data import ClaimRow, Report, glance, matrix_cells, outlet_name
from factcheck.core.report.text import clean, one_line, shorten, stance_word, word
from factcheck.core.timeline import Timeline

CSP = "default-src 'none'; style-src 'unsafe-inline'"

CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--sup:#1a7f37;
--con:#cf222e;--den:#9a6700;--men:#0969da}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);max-width:62rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{border-bottom:1px solid var(--line);margin-top:2.2rem}
h3{margin:2rem 0 .5rem}h4{margin:1.2rem 0 .4rem;color:var(--muted);text-transform:uppercase;
font-size:.8rem;letter-spacing:.05em}h5{margin:1rem 0 .25rem;font-size:1rem}
.meta,.legend,.small{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums}
.matrix-wrap{overflow-x:auto}
.st-supports{color:var(--sup);font-weight:600}.st-contradicts{color:var(--con);font-weight:600}
.st-denial{color:var(--den);font-weight:600}.st-mentions{color:var(--men)}
.st-none{color:var(--muted)}.suggested{font-weight:400;font-style:italic}
section.claim{border-top:2px solid var(--line);margin-top:2rem}
blockquote{margin:.4rem 0 .8rem;padding:.4rem .8rem;border-left:4px solid var(--line);
background:var(--soft);white-space:pre-wrap;overflow-wrap:anywhere;max-height:40rem;overflow:auto}
figure.timeline{margin:.5rem 0}figure.timeline svg{max-width:100%;height:auto}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .45rem;
border-radius:.6rem;border:1px solid var(--ink);vertical-align:middle}
.badge.open{color:var(--muted);border-color:var(--line);font-weight:400}
section.glance{background:var(--soft);padding:.2rem 1rem .6rem;border:1px solid var(--line)}
.verdict{font-size:1.05rem}.disputed{color:var(--den);font-weight:600}
ul.facts{padding-left:1.2rem}code{font-size:.85em;overflow-wrap:anywhere}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt;color:#000}
a{color:#000;text-decoration:none}a[href^="http"]::after{content:" <" attr(href) ">";
font-size:.85em;color:#444}
nav,.matrix-wrap{overflow:visible}blockquote{max-height:none;overflow:visible;
background:none;break-inside:avoid}
section.claim{break-before:auto}h3,h4,h5{break-after:avoid}tr{break-inside:avoid}
thead{display:table-header-group}
}
"""


_SPECIAL = re.compile("[&<>\"']")


def h(text: Any) -> str:
    """Any string from the store made safe for HTML text and attribute values."""
    value = clean(text)
    return html.escape(value, quote=True) if _SPECIAL.search(value) else value


def h1(text: Any) -> str:
    """`h` on one line."""
    value = one_line(text)
    return html.escape(value, quote=True) if _SPECIAL.search(value) else value


def _stance(stance: str | None, lang: str, marked: bool = True) -> str:
    css = stance if stance in ("supports", "contradicts", "denial", "mentions") else "none"
    label = _sw(stance, lang)
    if marked:
        return f'<span class="st-{css}">{label}</span>'
    return (f'<span class="st-{css} suggested">{label} '
            f'({word("suggested", lang)})</span>')


@lru_cache(maxsize=256)
def _sw(stance: str | None, lang: str) -> str:
    return html.escape(stance_word(stance, lang), quote=True)


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The whole HTML document."""
    lang = report.lang
    reviewed = sum(1 for c in report.claims if c["reviewed"])
    out: list[str] = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{word('title', lang)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{word('title', lang)}</h1>\n"
        f'<p class="meta">{word("generated", lang)} {h(report.exported_at)} · factcheck '
        f"{h(report.factcheck_version)}<br>{len(report.claims)} {word('claims_exported', lang)}"
        f" · {reviewed} {word('of', lang)} {len(report.claims)} {word('progress', lang)}</p>"
        "</header>\n"
    ]
    _glance(out, report)
    _matrix(out, report)
    _agreement(out, report)
    out.append(f"<h2>{word('claims', lang)}</h2>\n")
    if not report.claims:
        out.append(f"<p>{word('no_claims', lang)}</p>\n")
    total = len(report.claims)
    for number, claim in enumerate(report.claims, start=1):
        _claim(out, report, number, claim)
        if progress is not None:
            progress(number, total)
    _provenance(out, report)
    out.append("</body>\n</html>\n")
    return "".join(out)


GLANCE_LIMIT = 10
"""Claims listed under each heading of the summary (the rest are counted)."""


def _glance(out: list[str], report: Report) -> None:
    """The summary an editor reads first: verdicts, disputes, disagreements, what is open."""
    lang = report.lang
    seen = glance(report)
    out.append(f'<section class="glance"><h2>{word("glance", lang)}</h2>\n'
               f"<h4>{word('verdicts', lang)}</h4>\n<ul>")
    for label, count in seen.verdicts:
        out.append(f"<li><strong>{h1(label)}</strong>: {count}</li>")
    out.append(f"<li>{word('no_verdict_short', lang)}: {seen.without_verdict}</li></ul>\n")
    for key, rows in (("disputed_claims", seen.disputed), ("conflict_claims", seen.differing)):
        if rows:
            out.append(f"<h4>{word(key, lang)}</h4>\n<ul>")
            for cid, text, reason in rows[:GLANCE_LIMIT]:
                out.append(f"<li>{_claim_link(cid, text)} — {h1(reason)}</li>")
            _more(out, len(rows), lang)
    if seen.open:
        out.append(f"<h4>{word('open_claims', lang)}</h4>\n<ul>")
        for cid, text in seen.open[:GLANCE_LIMIT]:
            out.append(f"<li>{_claim_link(cid, text)}</li>")
        _more(out, len(seen.open), lang)
    out.append("</section>\n")


def _claim_link(claim_id: str, text: str) -> str:
    cid = h1(claim_id)
    return f'<a href="#claim-{cid}">{cid}</a> {h1(shorten(one_line(text), 90))}'


def _more(out: list[str], total: int, lang: str) -> None:
    if total > GLANCE_LIMIT:
        out.append(f"<li>{h1(word('and_more', lang).format(n=total - GLANCE_LIMIT))}</li>")
    out.append("</ul>\n")


def _verdict_badge(claim: ClaimRow, lang: str) -> str:
    verdict = claim["verdict"]
    if verdict is None:
        return f'<span class="badge open">{word("no_verdict_short", lang)}</span>'
    return f'<span class="badge">{h1(verdict["label_text"])}</span>'


def _matrix(out: list[str], report: Report) -> None:
    lang = report.lang
    outlets = report.outlets
    shared = [c for c in report.claims if len({outlet_name(p) for p in c["passages"]}) > 1]
    out.append(f"<h2>{word('matrix', lang)}</h2>\n"
               f'<p class="legend">{h(word("matrix_legend", lang))} '
               f'{h(word("matrix_few", lang))}</p>\n')
    if not shared:
        out.append(f"<p>{word('no_claims', lang)}</p>\n")
        return
    out.append('<div class="matrix-wrap"><table class="matrix">\n<thead><tr>'
               f"<th>{word('claim', lang)}</th><th>{word('verdict', lang)}</th>"
               + "".join(f"<th>{h1(o)}</th>" for o in outlets) + "</tr></thead>\n<tbody>\n")
    for claim in shared:
        cid = h1(claim["id"])
        row = [f'<tr><td><a href="#claim-{cid}">{cid}</a> '
               f"{h1(shorten(one_line(claim['text']), 60))}</td>"
               f"<td>{_verdict_badge(claim, lang)}</td>"]
        for cell in matrix_cells(claim, outlets):
            if not cell:
                row.append(f"<td>{_stance(None, lang)}</td>")
            else:
                row.append("<td>" + "<br>".join(_stance(s, lang, m) for s, m in cell) + "</td>")
        row.append("</tr>\n")
        out.append("".join(row))
    out.append("</tbody></table></div>\n")


def _agreement(out: list[str], report: Report) -> None:
    lang = report.lang
    out.append(f"<h2>{word('agreement', lang)}</h2>\n")
    pairs = report.agreement["pairs"]
    if not pairs:
        out.append(f"<p>{word('agreement_none', lang)}</p>\n")
        return
    out.append(f'<p class="legend">{word("agreement_note", lang)}</p>\n<table class="agreement">'
               f"<thead><tr><th>{word('reviewers', lang)}</th><th>{word('both_marked', lang)}</th>"
               f"<th>{word('percent', lang)}</th><th>{h(word('kappa', lang))}</th></tr></thead>"
               "<tbody>\n")
    for pair in pairs:
        kappa = pair["kappa"]
        shown = f"{kappa + 0.0:.2f}" if kappa is not None else word("undefined", lang)
        out.append(f"<tr><td>{h1(pair['reviewers'][0])} / {h1(pair['reviewers'][1])}</td>"
                   f'<td class="num">{pair["passages"]}</td>'
                   f'<td class="num">{pair["percent_agreement"]:.1f}%</td>'
                   f'<td class="num">{shown}</td></tr>\n')
    out.append("</tbody></table>\n")


def _claim(out: list[str], report: Report, number: int, claim: ClaimRow) -> None:
    lang = report.lang
    cid = h1(claim["id"])
    out.append(f'<section class="claim" id="claim-{cid}">\n'
               f"<h3>{number}. {cid}: {h1(shorten(one_line(claim['text']), 120))} "
               f"{_verdict_badge(claim, lang)}</h3>\n"
               f"<h4>{word('section_claim', lang)}</h4>\n<blockquote>{h(claim['text'])}"
               f'</blockquote>\n<ul class="facts"><li>{word("kind", lang)}: {h1(claim["kind"])}'
               f" · {word('score', lang)}: {claim['score']:.2f}</li>")
    fields = [f"{h1(k)}: {h1(v)}" for k, v in claim["normalized"].items() if v not in (None, "")]
    if fields:
        out.append(f"<li>{word('normalized', lang)}: {'; '.join(fields)}</li>")
    out.append(f"<li>{word('outlets_origins', lang)}: {claim['outlets']} · "
               f"{word('origins', lang)}: {claim['origins']}</li>")
    if claim["disputed"]:
        out.append(f'<li class="disputed">{word("disputed", lang)}</li>')
    out.append(f"</ul>\n<h4>{word('section_findings', lang)}</h4>\n")
    numbers = {p["id"]: i for i, p in enumerate(claim["passages"], start=1)}
    _passages(out, report, claim)
    if claim["conflicts"]:
        out.append(f"<h5>{word('conflicts', lang)}</h5>\n<ul>")
        for conflict in claim["conflicts"]:
            refs = ", ".join(str(numbers[p]) if p in numbers else h1(p)
                             for p in conflict["passages"])
            out.append(f"<li>{h1(conflict['kind'])}: {h1(conflict['reason'])} "
                       f"({word('passages', lang).lower()} {refs})</li>")
        out.append("</ul>\n")
    timeline = report.timelines.get(claim["id"])
    if timeline is not None:
        _timeline(out, timeline, lang)
    if claim["notes"]:
        out.append(f"<h5>{word('notes', lang)}</h5>\n<ul>")
        for note in claim["notes"]:
            where = ""
            if note["passage_id"]:
                ref = numbers.get(note["passage_id"])
                where = f", {word('on_passage', lang)} {ref if ref else h1(note['passage_id'])}"
            out.append(f"<li>{h1(note['author'])}, {h1(note['at'])}{where}:"
                       f"<blockquote>{h(note['text'])}</blockquote></li>")
        out.append("</ul>\n")
    out.append(f"<h4>{word('section_conclusion', lang)}</h4>\n")
    verdict = claim["verdict"]
    if verdict is None:
        out.append(f"<p>{word('no_verdict', lang)}</p>\n")
    else:
        rating = (f" ({word('rating', lang)} {verdict['rating']}/5)"
                  if verdict["rating"] is not None and verdict["label"] not in report.truthless
                  else "")
        out.append(f'<p class="verdict"><strong>{word("verdict", lang)}: '
                   f"{h1(verdict['label_text'])}</strong>{rating}, {word('by', lang)} "
                   f"{h1(verdict['reviewer'])}, {h1(verdict['at'])}</p>\n")
        if verdict["explanation"]:
            out.append(f"<blockquote>{h(verdict['explanation'])}</blockquote>\n")
    out.append(f"<h4>{word('section_references', lang)}</h4>\n<ul>")
    seen: set[str] = set()
    for passage in claim["passages"]:
        source = report.source_by_id.get(passage["source"])
        if source is not None and source["id"] not in seen:
            seen.add(source["id"])
            out.append(f"<li>{_cited(report, source)}</li>")
    if not seen:
        out.append(f"<li>{word('none', lang)}</li>")
    out.append("</ul>\n</section>\n")


def _timeline(out: list[str], timeline: Timeline, lang: str) -> None:
    """The figure timeline: the chart, then the same points as a table (print, screen readers)."""
    out.append(f'<h5>{h1(word("chart", lang))}</h5>\n<figure class="timeline">'
               f"{timeline_svg(timeline, lang)}<figcaption class=\"small\">"
               f"{h1(summary(timeline, lang))}</figcaption></figure>\n"
               f"<table class=\"timeline\"><thead><tr><th>{h1(word('outlet', lang))}</th>"
               f"<th>{h1(word('published', lang))}</th>"
               f"<th>{h1(word('figure', lang))}</th></tr></thead>"
               "<tbody>")
    for outlet, when, shown in timeline_table(timeline, lang):
        out.append(f"<tr><td>{h1(outlet)}</td><td>{h1(when)}</td><td>{h1(shown)}</td></tr>")
    out.append("</tbody></table>\n")


def _passages(out: list[str], report: Report, claim: ClaimRow) -> None:
    lang = report.lang
    if not claim["passages"]:
        out.append(f"<p>{word('no_passages', lang)}</p>\n")
        return
    for number, passage in enumerate(claim["passages"], start=1):
        source = report.source_by_id.get(passage["source"], {})
        title = f": <cite>{h1(source['title'])}</cite>" if source.get("title") else ""
        date = f" ({h1(source['published'])})" if source.get("published") else ""
        role = passage["role"] if passage["role"] in ("headline", "body", "caption") else "passage"
        out.append(f'<h5 id="{h1(claim["id"])}-{number}">{number}. {h1(outlet_name(passage))}'
                   f'{title}{date}</h5>\n<p class="small">{word("file", lang)}: '
                   f"<code>{h1(passage['file'])}</code>, {word('chars', lang)} "
                   f"{passage['start']}–{passage['end']} ({word(role, lang)})<br>"
                   f"{word('stance', lang)}: ")
        if passage["stance"]:
            marks = "; ".join(f"{h1(m['reviewer'])}: {_sw(m['stance'], lang)}, "
                              f"{h1(m['at'])}" for m in passage["marks"])
            out.append(f"{_stance(passage['stance'], lang)} ({word('marks', lang)}: {marks})")
        else:
            out.append(f'<span class="suggested">{_sw(passage["suggested_stance"], lang)}'
                       f" ({word('suggested_long', lang)})</span>")
        out.append(f"</p>\n<blockquote>{h(passage['text'])}</blockquote>\n")


def _cited(report: Report, source: dict[str, Any]) -> str:
    key = ("html-reference", source["id"])
    text = report.memo.get(key)
    if text is None:
        text = report.memo[key] = _reference(source)
    return text


def _reference(source: dict[str, Any]) -> str:
    parts = [h1(outlet_name(source))]
    if source.get("title"):
        parts.append(f"<cite>{h1(source['title'])}</cite>")
    if source.get("published"):
        parts.append(h1(source["published"]))
    url = one_line(source.get("url"))
    if url.lower().startswith(("http://", "https://")):
        parts.append(f'<a href="{html.escape(url, quote=True)}" rel="noreferrer noopener">'
                     f"{html.escape(url)}</a>")
    elif url:
        parts.append(h1(url))
    parts.append(f"<code>{h1(source['file'])}</code>, sha256 <code>{h1(source['sha256'])}</code>")
    return ", ".join(parts)


def _provenance(out: list[str], report: Report) -> None:
    lang = report.lang
    reviewers = ", ".join(h1(r) for r in report.reviewers) or word("none", lang)
    out.append(f"<h2>{word('provenance', lang)}</h2>\n<ul>"
               f"<li>{word('version', lang)}: {h1(report.factcheck_version)}</li>"
               f"<li>{word('exported_at', lang)}: {h1(report.exported_at)}</li>"
               f"<li>{word('reviewers', lang)}: {reviewers}</li></ul>\n"
               f"<h3>{word('sources', lang)}</h3>\n")
    if not report.sources:
        out.append(f"<p>{word('none', lang)}</p>\n")
        return
    out.append(f"<table><thead><tr><th>{word('file', lang)}</th><th>{word('outlet', lang)}</th>"
               "<th>sha256</th></tr></thead><tbody>\n")
    for source in report.sources:
        out.append(f"<tr><td><code>{h1(source['file'])}</code></td>"
                   f"<td>{h1(outlet_name(source))}</td>"
                   f"<td><code>{h1(source['sha256'])}</code></td></tr>\n")
    out.append("</tbody></table>\n")
