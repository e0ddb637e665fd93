"""The HTML and Markdown reports, rendered from their Jinja2 templates.

The structure of each report lives in ``templates/report.html.jinja`` and
``templates/report.md.jinja``; this module gives them the report's data, and each format's module
(`factcheck.core.report.html`, `factcheck.core.report.markdown`) gives its one escaping policy
as a `Format`, which the engine applies to every ``{{ value }}`` so that no template line can
forget it:

* HTML (autoescape on): the value is cleaned and folded onto one line (`one_line`), then escaped
  by the engine; the ``block`` filter keeps line breaks (a quoted passage, a note).
* Markdown: the value goes through `factcheck.core.report.markdown.md` (cleaned, one line,
  Markdown syntax backslash-escaped); ``block`` makes a block quote (`md_quote`).

Only `markupsafe.Markup` made in Python (the CSS, the SVG chart, a rendered block or fragment)
passes unescaped. What both formats compute alike (the claims two outlets carry, passage
numbers, the unique sources of a claim, the summary at the top) is computed once, here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from factcheck.core.readmodel import ClaimView
from factcheck.core.report.chart import summary, timeline_svg, timeline_table
from factcheck.core.report.data import Report, glance, matrix_cells, outlet_name
from factcheck.core.report.text import WORD_KEYS, one_line, shorten, stance_word, word
from factcheck.core.timeline import Timeline

TEMPLATES = Path(__file__).with_name("templates")
"""Where the report templates are (package data)."""

GLANCE_LIMIT = 10
"""Claims listed under each heading of the summary at the top (the rest are counted)."""

Progress = Callable[[int, int], None]

_NOT_IN_AUTOLINK = re.compile(r"[\s<>]")


@dataclass(frozen=True)
class Format:
    """How one format writes values; its page is ``templates/report.{name}.jinja``."""

    name: str
    value: Callable[[Any], str]
    """A value as the format writes it inline (Markup passes as it is)."""
    block: Callable[[Any], Markup]
    """A text with its line breaks (a quoted passage, a note, an explanation)."""
    autoescape: bool
    """Whether the engine HTML-escapes what `value` gives back."""

    def once(self, text: Any) -> Markup:
        """``text`` escaped for the format, marked so that nothing escapes it again."""
        value = self.value(text)
        return escape(value) if self.autoescape else Markup(value)


def _indent(value: str) -> Markup:
    return Markup("\n".join("  " + line for line in value.split("\n")))


def _autolink(url: str) -> bool:
    """Whether Markdown may show ``url`` as an ``<autolink>`` (http(s), no space or bracket)."""
    return url.startswith(("http://", "https://")) and not _NOT_IN_AUTOLINK.search(url)


class _Words:
    """The report's words in one language, each escaped once for the format: ``w.title`` or
    ``w[key]`` in a template (a word is looked up for every passage; a call would cost more)."""

    def __init__(self, lang: str, once: Callable[[Any], Markup]) -> None:
        self.__dict__.update((key, once(word(key, lang))) for key in WORD_KEYS)

    def __getitem__(self, key: str) -> Markup:
        return self.__dict__[key]  # type: ignore[no-any-return]


def passage_numbers(claim: ClaimView) -> dict[str, int]:
    """Each passage id of ``claim`` -> its number in the report (1, 2, ...)."""
    return {p.id: i for i, p in enumerate(claim.passages, start=1)}


def normalized_fields(claim: ClaimView) -> list[tuple[str, Any]]:
    """The claim's normalized reading as (field, value) pairs, empty fields left out."""
    return [(k, v) for k, v in claim.normalized.items() if v not in (None, "")]


def role(value: str) -> str:
    """The word key of a passage's role (``headline``, ``body``, ``caption``, ``passage``)."""
    return value if value in ("headline", "body", "caption") else "passage"


def _cut(text: Any, limit: int) -> str:
    return shorten(one_line(text), limit)


def _counted(claims: list[ClaimView], progress: Progress | None) -> Iterator[ClaimView]:
    """The claims, calling ``progress(done, total)`` once each one has been rendered."""
    total = len(claims)
    for number, claim in enumerate(claims, start=1):
        yield claim
        if progress is not None:
            progress(number, total)


@lru_cache(maxsize=4)
def environment(fmt: Format) -> Environment:
    """The Jinja2 environment of ``fmt``: every ``{{ value }}`` goes through ``fmt.value``
    (HTML: cleaned, then escaped by the engine; Markdown: cleaned and its syntax escaped)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=fmt.autoescape,
        finalize=fmt.value,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        block=fmt.block,
        indent2=_indent,
        shorten=_cut,
        one_line=one_line,
        outlet=outlet_name,
        role=role,
        passage_numbers=passage_numbers,
        normalized_fields=normalized_fields,
        cells=matrix_cells,
    )
    env.tests["autolink"] = _autolink
    env.globals["glance_limit"] = GLANCE_LIMIT
    return env


def render(fmt: Format, report: Report, progress: Progress | None = None, **extra: Any) -> str:
    """The whole report in ``fmt``; ``extra`` goes to the template."""
    lang = report.lang
    claims = report.claims
    env = environment(fmt)
    once = fmt.once

    @lru_cache(maxsize=64)
    def stance_label(stance: str | None) -> Markup:
        """A stance's word, escaped once (the matrix shows one per outlet and claim)."""
        return once(stance_word(stance, lang))

    def sources(claim: ClaimView) -> list[dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for passage in claim.passages:
            source = report.source_by_id.get(passage.source_id)
            if source is not None:
                seen.setdefault(source["id"], source)
        return list(seen.values())

    def svg(timeline: Timeline) -> Markup:
        return Markup(timeline_svg(timeline, lang))

    words = _Words(lang, once)

    def fragment(name: str, **values: Any) -> Markup:
        """A small template rendered on its own (its file's last line end is not part of it)."""
        text = env.get_template(name).render(w=words, stance_word=stance_label, **values)
        return Markup(text.removesuffix("\n"))

    @lru_cache(maxsize=64)
    def stance(value: str | None, marked: bool = True) -> Markup:
        """One stance in HTML (``stance.html.jinja``), made once per stance and kind."""
        return fragment("stance.html.jinja", value=value, marked=marked)

    cited: dict[str, Markup] = {}

    def reference(source: dict[str, Any]) -> Markup:
        """A source as the report cites it (``reference.FMT.jinja``), made once per source."""
        text = cited.get(source["id"])
        if text is None:
            text = cited[source["id"]] = fragment(f"reference.{fmt.name}.jinja",
                                                   source=source)
        return text

    template = env.get_template(f"report.{fmt.name}.jinja")
    return template.render(
        report=report,
        lang=lang,
        w=words,
        stance=stance,
        reference=reference,
        stance_word=stance_label,
        outlets=report.outlets,
        seen=glance(report),
        shared=[c for c in claims if len({outlet_name(p) for p in c.passages}) > 1],
        total=len(claims),
        reviewed=sum(1 for c in claims if c.reviewed),
        claims=_counted(claims, progress),
        sources=sources,
        svg=svg,
        chart_summary=partial(summary, lang=lang),
        chart_table=partial(timeline_table, lang=lang),
        **extra,
    )

