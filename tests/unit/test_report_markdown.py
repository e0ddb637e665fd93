"""The Markdown report: content, Indonesian structure, escaping."""

from __future__ import annotations

import html
import re

import pytest

from factcheck import __version__
from factcheck.core.report import ExportOptions, export_report
from factcheck.core.report.markdown import md, md_quote
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import HOSTILE, build_store

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """What a CommonMark renderer shows for backslash-escaped text."""
    return _ESCAPED.sub(r"\1", text)


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester")


def _quotes(document: str) -> list[str]:
    return [unescape(line[2:]) for line in document.splitlines() if line.startswith("> ")]


def test_every_passage_is_quoted_verbatim_with_offsets(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings)
    quotes = _quotes(document)
    for passage in store.passages():
        if passage.role == "body":
            assert passage.text in quotes
    tempo = next(p for p in store.passages() if "24 tahun terakhir" in p.text)
    assert f"tempo.txt, characters {tempo.start}–{tempo.end} (body)" in document


def test_header_matrix_agreement_and_sections(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings)
    assert document.startswith("# Verification report\n")
    assert "3 claims in this report · 2 of 3 with a verdict" in document
    assert "| Claim | Verdict | Tempo | Kabar Harian | World Wire |" in document
    assert re.search(r"\| c-visit: Putin akan .*\| True \| supports \| supports \| supports \|",
                     document)
    assert re.search(r"\| c-arms: .*\| Disputed \| supports \(suggested\); reports denial "
                     r"\(suggested\) \| reports denial \(suggested\) \| supports \(suggested\) \|",
                     document)
    # A claim only one outlet carries is no row of the outlets table (it would only say
    # "suggested" and "not mentioned"); it is listed as still open at the top.
    assert not re.search(r"\| c-hostile: ", document)
    assert "| budi / rina | 2 | 50.0% | 0.00 |" in document
    for heading in ("#### Claim", "#### Findings", "#### Conclusion", "#### References"):
        assert document.count(heading + "\n") == 3
    assert document.index("## Claims and outlets") < document.index("## Claims\n") < \
        document.index("## Provenance")


def test_verdicts_stances_conflicts_and_notes(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings)
    assert "**Verdict: True** (rating 5/5), by rina" in document
    assert "> The last visit was in July 2000: 24 years." in document
    assert "**Verdict: Disputed**, by budi" in document  # no "rating 3/5": it ranks no truth
    assert "No verdict yet." in document
    assert "- Stance: **supports** (marks: rina: contradicts, " in document
    assert "- Stance: reports denial (suggested by the tool, not yet marked by a reviewer)" \
        in document
    assert "- number: Tempo says 24 years; Kabar Harian says 20 years (passages 1, 3)" in document
    assert "- rina, " in document and "on passage 3:" in document
    assert "> Kabar Harian rounds down to 20." in document
    assert "- Outlets: 3 · independent origins: 3" in document
    assert "- Disputed: one party asserts it, another denies it." in document
    assert "speaker: Kremlin" in document


def test_provenance_at_the_end(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings)
    tail = document[document.index("## Provenance"):]
    assert f"- factcheck version: {__version__}" in unescape(tail)
    assert "- Reviewers: budi, rina" in tail
    for source in store.sources():
        assert f"| {source.file} | {source.outlet} | {source.sha256} |" in tail


def test_indonesian_structure_and_labels(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings, ExportOptions(lang="id"))
    for heading in ("#### Berita", "#### Hasil Cek Fakta", "#### Kesimpulan", "#### Rujukan"):
        assert document.count(heading + "\n") == 3
    assert document.index("#### Berita") < document.index("#### Hasil Cek Fakta") < \
        document.index("#### Kesimpulan") < document.index("#### Rujukan")
    assert "**Putusan: Benar** (peringkat 5/5), oleh rina" in document
    assert "**Putusan: Diperdebatkan**" in document
    assert "mendukung (saran)" in document
    assert "#### Findings" not in document and "Verdict" not in document


def test_reviewed_only_and_claim_filter(store: Store, settings: Settings) -> None:
    reviewed = export_report(store, "md", settings, ExportOptions(reviewed_only=True))
    assert "c-visit" in reviewed and "c-arms" in reviewed and "c-hostile" not in reviewed
    one = export_report(store, "md", settings, ExportOptions(claim_ids=("c-arms",)))
    assert "### 1. c-arms:" in one and "c-visit" not in one


def test_scraped_markup_stays_text(store: Store, settings: Settings) -> None:
    document = export_report(store, "md", settings)
    assert not re.search(r"(?<!\\)<", document)  # every "<" is escaped: no tag can start
    assert "\\<script\\>alert(1)\\</script\\>" in document
    assert HOSTILE in _quotes(document)


def test_escaping_helpers() -> None:
    assert md("a *b* [c](javascript:x) <b>&amp; | ~d~ `e` #f") == (
        "a \\*b\\* \\[c\\](javascript:x) \\<b\\>\\&amp; \\| \\~d\\~ \\`e\\` \\#f")
    quote = md_quote("# title\n- item\n1. one\n+ two\n=== \n> q\n\nend")
    assert quote.splitlines() == ["> \\# title", "> \\- item", "> 1\\. one", "> \\+ two",
                                  "> \\=== ", "> \\> q", ">", "> end"]
    assert unescape(md_quote("x_y*z")) == "> x_y*z"


def test_empty_store_gives_an_empty_document(settings: Settings) -> None:
    document = export_report(Store.memory(), "md", settings)
    assert "0 claims in this report · 0 of 0 with a verdict" in document
    assert "No tracked claims to report." in document
    assert "## Provenance" in document


def test_a_commonmark_renderer_shows_scraped_markup_as_text(store: Store,
                                                            settings: Settings) -> None:
    from markdown_it import MarkdownIt  # comes with rich

    from tests.unit.test_report_hostile import SCRIPT, add_hostile

    add_hostile(store)
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    rendered = renderer.render(export_report(store, "md", settings))
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    def escaped(text: str) -> str:  # as markdown-it escapes text
        return html.escape(text, quote=False).replace('"', "&quot;")

    assert f"<blockquote>\n<p>{escaped(HOSTILE)}</p>" in rendered
    assert escaped(SCRIPT) in rendered
    assert "<table>" in rendered
    for passage in store.passages():
        if passage.role == "body" and passage.source_id != "s-evil":
            assert f"<blockquote>\n<p>{escaped(passage.text)}</p>" in rendered


def test_references_are_written_once_escaped(store: Store, settings: Settings) -> None:
    """A reference is made by a template macro: its Markdown (italic title, autolink) must not
    be escaped a second time, while the values inside it are escaped once."""
    source = next(s for s in store.sources() if s.outlet == "Tempo")
    with store.transaction() as tx:
        tx.put("sources", source.model_copy(update={"title": "Putin *tiba* [lagi]",
                                                    "url": "https://tempo.example/a?b=1"}))
    document = export_report(store, "md", settings)
    assert ("- Tempo, *Putin \\*tiba\\* \\[lagi\\]*, 2024-06-17T10:00:00+07:00, "
            "<https://tempo.example/a?b=1>, tempo.txt, sha256 ") in document
