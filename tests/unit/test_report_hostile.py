"""Hostile scraped content is inert and readable in every format.

Terminal escape sequences, C1 controls, bidi and zero-width characters, script and HTML tags,
spreadsheet formulas and a 1,000,000-character paragraph, in passages, titles, outlet names,
URLs, verdict explanations and notes.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console

from factcheck.core.models import (
    Claim,
    Evidence,
    Kind,
    Normalized,
    Passage,
    Review,
    Source,
    Stance,
    Verdict,
)
from factcheck.core.report import FORMATS, export_report, summary
from factcheck.core.report.csv_out import CELL_LIMIT
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store

ESCAPES = "\x1b[2J\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x9b6n \x07\x08\x00"
BIDI = "\u202edesrever\u202c \u2066isolated\u2069 \u200ezero\u200bwidth\ufeff\u2060"
SCRIPT = ("<script>document.title='PWNED'</script>"
          "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">")
FORMULA = '=HYPERLINK("http://evil.example/","click")'
HUGE = ("kata " * 200_000)[:-1] + "."  # one paragraph of exactly 1,000,000 characters
PARAGRAPHS = [
    f"Pejabat berkata {ESCAPES} lalu {BIDI} dan {SCRIPT} selesai.",
    FORMULA,
    "-2+3 @SUM(A1:A2)",
    HUGE,
]
OUTLET = "Evil\x1b[2J <b>News</b> \u202eswen"
TITLE = f"Judul {SCRIPT} {ESCAPES}"
URL = "https://evil.example/a?b=1&c=\"2\"><script>alert('url')</script>"
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def add_hostile(store: Store) -> Store:
    """Add a hostile article, its claim and a hostile review to ``store``."""
    text = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS)
    source = Source(id="s-evil", file="evil\x1b[2J.html", outlet=OUTLET, title=TITLE,
                    published="2024-06-19", url=URL, sha256="e" * 64, text=text)
    passages: list[Passage] = []
    pos = len(TITLE) + 2
    for number, paragraph in enumerate(PARAGRAPHS, start=1):
        passages.append(Passage(id=f"p-evil-{number}", source_id="s-evil", start=pos,
                                end=pos + len(paragraph), text=paragraph, paragraph=number))
        pos += len(paragraph) + 2
    claim = Claim(
        id="c-evil", kind=Kind.OTHER, text=PARAGRAPHS[0], score=0.5, outlets=1, origins=1,
        normalized=Normalized(speaker=f"Tuan {ESCAPES}", subject=SCRIPT),
        evidence=[Evidence(mention_id=f"m-{p.id}", passage_id=p.id, source_id="s-evil",
                           suggested_stance=Stance.SUPPORTS) for p in passages],
    )
    huge = Claim(id="c-huge", kind=Kind.OTHER, text=HUGE, outlets=1, origins=1,
                 evidence=[Evidence(mention_id="m-huge", passage_id="p-evil-4",
                                    source_id="s-evil")])
    review = Review(
        claim_id="c-evil",
        verdict=Verdict(label="false", reviewer=f"rev{ESCAPES}",
                        explanation=f"Because {SCRIPT} {BIDI}"),
        notes=[], marks={},
    )
    with store.transaction() as tx:
        tx.put("sources", source)
        for passage in passages:
            tx.put("passages", passage)
        tx.put("claims", claim)
        tx.put("claims", huge)
        tx.put("reviews", review)
    return store


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    store = add_hostile(build_store())
    settings = Settings(reviewer="tester")
    return {fmt: export_report(store, fmt, settings) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_no_control_bidi_or_zero_width_characters(documents: dict[str, str], fmt: str) -> None:
    document = documents[fmt].removeprefix("\ufeff")  # the CSV's byte-order mark
    found = {f"U+{ord(c):04X}" for c in INVISIBLE.findall(document) if c not in "\r"}
    assert not found
    assert "desrever" in document and "isolated" in document and "zerowidth" in document
    assert "[31mred" in document  # the escape's printable remainder, harmless as text


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_json_escapes_but_keeps_exact_text(documents: dict[str, str], fmt: str) -> None:
    document = documents[fmt]
    assert not INVISIBLE.search(document.replace("\n", ""))
    data = json.loads(document)
    if fmt == "json":
        passages = {p["id"]: p["text"] for c in data["claims"] for p in c["passages"]}
        assert passages["p-evil-1"] == PARAGRAPHS[0]  # escapes, bidi, tags: all exact
        assert passages["p-evil-4"] == HUGE
        source = next(s for s in data["sources"] if s["id"] == "s-evil")
        assert (source["outlet"], source["title"], source["url"]) == (OUTLET, TITLE, URL)
    else:
        (review,) = [r for r in data if r["reviewRating"]["alternateName"] == "False"]
        assert len(review["claimReviewed"]) <= 75
        assert not INVISIBLE.search(json.dumps(review, ensure_ascii=False))


def test_markdown_keeps_tags_as_text(documents: dict[str, str]) -> None:
    document = documents["md"]
    assert not re.search(r"(?<!\\)<", document)
    assert "\\<script\\>document.title='PWNED'\\</script\\>" in document
    assert f"> {HUGE}" in document  # the long paragraph is quoted whole


def test_html_keeps_tags_as_text(documents: dict[str, str]) -> None:
    document = documents["html"]
    assert "<script" not in document and "<img" not in document and "<b>" not in document
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in document
    assert f"<blockquote>{HUGE}</blockquote>" in document
    assert 'href="https://evil.example/a?b=1&amp;c=&#34;2&#34;&gt;&lt;script&gt;' in document


def test_csv_neutralises_formulas_and_fits_cells(documents: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(documents["csv"].removeprefix("\ufeff"), newline="")))
    by_passage = {r["passage_id"]: r for r in rows if r["claim_id"] == "c-evil"}
    assert by_passage["p-evil-2"]["passage_text"] == "'" + FORMULA
    assert by_passage["p-evil-3"]["passage_text"] == "'-2+3 @SUM(A1:A2)"
    big = by_passage["p-evil-4"]["passage_text"]
    assert len(HUGE) == 1_000_000
    assert len(big) <= CELL_LIMIT and big.startswith("kata kata")
    assert "1,000,000 characters in full, see the JSON export" in big
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@"))


def test_summary_is_inert(documents: dict[str, str]) -> None:
    store = add_hostile(build_store())
    console = Console(record=True, width=120, color_system=None, file=io.StringIO())
    console.print(summary(store, Settings(reviewer="tester")))
    shown = console.export_text()
    assert not INVISIBLE.search(shown.replace("\n", ""))
    assert "Evil" in shown and "<b>News</b>" in shown  # markup shown as text, not applied
