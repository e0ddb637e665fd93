"""The HTML report: one self-contained file that opens anywhere and prints cleanly.

The page makes no request of its own: the CSS is inline, there are no scripts, images or fonts,
and a strict Content-Security-Policy (``default-src 'none'; style-src 'unsafe-inline'``) is the
first thing in ``<head>``, so a browser would refuse to run or fetch anything even if markup got
in. Markup does not get in: the template engine escapes every value it writes, after control,
bidi and zero-width characters are removed. The only outside addresses are the sources' own
URLs, shown as plain links when they are ``http(s)``.

The content is the Markdown report's (see `factcheck.core.report.markdown`) with the same
per-claim sections in the export's language; the page itself is ``templates/report.html.jinja``
(`factcheck.core.report.pages`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from factcheck.core.report import pages
from factcheck.core.report.data import Report
from factcheck.core.report.text import clean, one_line

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


def _value(value: Any) -> Any:
    """A value on one line, cleaned; the template engine escapes it (Markup passes)."""
    return value if isinstance(value, Markup) else one_line(value)


def _block(value: Any) -> Markup:
    return escape(clean(value))


FORMAT = pages.Format("html", value=_value, block=_block, autoescape=True)


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The whole HTML document."""
    return pages.render(FORMAT, report, progress, csp=Markup(CSP), css=Markup(CSS))
