"""The HTML report: self-contained, escaped, printable, same content as the Markdown one."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from factcheck.core.report import ExportOptions, export_report
from factcheck.core.report.html import CSP
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import HOSTILE, build_store


class Page(HTMLParser):
    """Collects the elements and attributes of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    return page


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester")


def set_url(store: Store, file: str, url: str) -> None:
    source = next(s for s in store.sources() if s.file == file)
    with store.transaction() as tx:
        tx.put("sources", source.model_copy(update={"url": url}))


def test_self_contained_with_a_strict_csp(store: Store, settings: Settings) -> None:
    document = export_report(store, "html", settings)
    head = document[: document.index("</head>")]
    csp = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'"
    assert csp in head and head.index(csp) < head.index("<style>")
    page = parse(document)
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "header", "h1",
                              "h2", "h3", "h4", "h5", "p", "br", "div", "table", "thead",
                              "tbody", "tr", "th", "td", "a", "section", "blockquote", "ul",
                              "li", "strong", "cite", "code", "span"}
    assert not [a for a in page.attrs if a[1] == "src"]
    assert all(value.startswith("#") for tag, name, value in page.attrs if name == "href")
    assert "@media print" in document
    assert "http:" not in document and "https:" not in document  # no source has a URL here


def test_only_the_sources_own_urls_are_links(store: Store, settings: Settings) -> None:
    set_url(store, "tempo.txt", 'https://tempo.example/a?x=1&y="2"><script>alert(1)</script>')
    set_url(store, "kabar.txt", "javascript:alert(document.domain)")
    document = export_report(store, "html", settings)
    page = parse(document)
    outside = {value for tag, name, value in page.attrs
               if name in ("href", "src") and not value.startswith("#")}
    assert outside == {'https://tempo.example/a?x=1&y="2"><script>alert(1)</script>'}
    assert 'href="https://tempo.example/a?x=1&amp;y=&#34;2&#34;&gt;&lt;script&gt;' in document
    assert "javascript:alert(document.domain)" in "".join(page.text)  # shown, not linked
    assert "<script" not in document
    # Nothing but the sources' own URLs mentions http in an attribute.
    assert not re.search(r'(src|href)="(?!#|https://tempo\.example/)', document)


def test_passages_verbatim_and_escaped(store: Store, settings: Settings) -> None:
    document = export_report(store, "html", settings)
    text = "".join(parse(document).text)
    for passage in store.passages():
        if passage.role == "body":
            assert f"<blockquote>{escape(passage.text)}</blockquote>" in document
    assert HOSTILE in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "<script" not in document and "<img" not in document


def test_content_matrix_agreement_verdicts_provenance(store: Store, settings: Settings) -> None:
    document = export_report(store, "html", settings)
    text = " ".join(" ".join(parse(document).text).split())
    assert "3 claims in this report · 2 of 3 with a verdict" in text
    assert ('<th>Claim</th><th>Verdict</th><th>Tempo</th><th>Kabar Harian</th>'
            '<th>World Wire</th>') in document
    assert 'st-denial suggested">reports denial (suggested)</span>' in document
    assert "budi / rina" in text and "50.0%" in text and "0.00" in text
    assert "Verdict: True (rating 5/5), by rina" in text
    assert "No verdict yet." in text
    assert "number: Tempo says 24 years; Kabar Harian says 20 years (passages 1, 3)" in text
    assert "Stance: supports (marks: rina: contradicts" in text
    assert "(suggested by the tool, not yet marked by a reviewer)" in text
    for source in store.sources():
        assert source.sha256 in document
    assert document.index("Provenance") > document.rindex('<section class="claim"')


def test_indonesian_sections(store: Store, settings: Settings) -> None:
    document = export_report(store, "html", settings, ExportOptions(lang="id"))
    for heading in ("Berita", "Hasil Cek Fakta", "Kesimpulan", "Rujukan"):
        assert document.count(f"<h4>{heading}</h4>") == 3
    assert '<html lang="id">' in document and "Putusan: Benar" in document


def test_filters_and_empty_store(store: Store, settings: Settings) -> None:
    reviewed = export_report(store, "html", settings, ExportOptions(reviewed_only=True))
    assert 'id="claim-c-visit"' in reviewed and 'id="claim-c-hostile"' not in reviewed
    empty = export_report(Store.memory(), "html", settings)
    assert empty.rstrip().endswith("</html>") and "No tracked claims to report." in empty
    parse(empty)
