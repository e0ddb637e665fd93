"""Hostile scraped text through the command line: nothing reaches the terminal but plain text.

Reports and the TUI have their own engineers' tests; these cover ``factcheck claims``, ``show``,
``sources`` and ``history`` (tables and text), and ingest of a hostile page.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from factcheck.cli import commands, common, main
from factcheck.cli import review as review_cli
from factcheck.core.store import Store
from tests.reliability.hostile import (
    BIDI,
    ESCAPES,
    HOSTILE_LINE,
    HTML,
    INVISIBLE,
    LONG_LINE,
    LONG_PARAGRAPH,
    MARKUP,
    UNSAFE,
    hostile_store,
)

COMMANDS = [["claims"], ["sources"], ["sources", "--all-versions"], ["history"],
            ["history", "c-hostile-1"], ["show", "c-hostile-0"], ["show", "c-hostile-1"],
            ["show", "c-hostile-2"], ["show", "c-hostile-3"], ["show", "c-hostile-4"],
            ["stories"], ["candidates", "c-hostile-0"], ["report"],
            ["export", "--format", "md"], ["export", "--format", "html"],
            ["export", "--format", "json"], ["export", "--format", "claimreview"]]
"""Every command that prints stored text to the terminal (exports printed to stdout too)."""
SGR = re.compile(r"\x1b\[[0-9;]*m")


def squash(text: str) -> str:
    """Without whitespace and table borders: a table may fold a long cell anywhere."""
    return re.sub(r"[\s\u2500-\u257f]+", "", text)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "claims.json"
    hostile_store(Store.open(path)).compact()
    return path


def _run(argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main([*argv, "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_tables_print_hostile_text_inert(db: Path, argv: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(argv, db, capsys)
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(out)})
    assert found == [], f"control, bidi or zero-width characters reached the terminal: {found}"


def test_markup_and_html_are_shown_literally(db: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown = squash(_run(["show", "c-hostile-4"], db, capsys))
    for text in [*MARKUP, *HTML]:
        assert squash(text) in shown, text
    wide = Console(file=io.StringIO(), width=1000, highlight=False)  # no folded cells
    for module in (common, commands):
        monkeypatch.setattr(module, "console", wide)
    assert main(["claims", "--db", str(db)]) == 0
    listing = wide.file.getvalue()  # type: ignore[attr-defined]
    assert "Putin berkunjung. [bold red]x[/] [link=https://evil.example]click[/link]" in listing


def test_a_million_character_paragraph_and_a_50000_character_line(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = _run(["show", "c-hostile-2"], db, capsys)  # the paragraph, in full
    assert squash(LONG_PARAGRAPH) in squash(shown)
    listing = _run(["claims"], db, capsys)  # cut to fit a line
    assert max(len(line) for line in listing.splitlines()) < 300
    assert squash(LONG_LINE[:40]) in squash(_run(["show", "c-hostile-3"], db, capsys))


@pytest.mark.parametrize("argv", [c for c in COMMANDS if c[0] != "export"], ids=" ".join)
def test_on_a_real_terminal_only_styles_are_sent(db: Path, argv: list[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """With colours on, the only escape sequences are the tool's own SGR styles: no OSC (title,
    clipboard, hyperlink), no cursor movement, no screen clearing."""
    buffer = io.StringIO()
    terminal = Console(file=buffer, force_terminal=True, color_system="truecolor", width=120,
                       highlight=False)
    for module in (common, commands, review_cli):
        monkeypatch.setattr(module, "console", terminal)
    assert main([*argv, "--db", str(db)]) == 0
    out = buffer.getvalue()
    assert SGR.search(out) or argv[0] == "show"  # styles are on
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(SGR.sub("", out))})
    assert found == []


@pytest.mark.parametrize("argv", [["claims", "--json"], ["show", "c-hostile-0", "--json"],
                                  ["sources", "--json"], ["history", "--json"]], ids=" ".join)
def test_json_output_keeps_the_text_exactly(db: Path, argv: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Machine output is for machines: valid JSON, the scraped text unaltered."""
    data = json.loads(_run(argv, db, capsys))
    assert any(HOSTILE_LINE in text for text in _strings(data))


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return []


def test_the_stored_text_is_exactly_what_was_scraped(db: Path) -> None:
    """Making text inert happens when printing: the store keeps every character (offsets)."""
    store = Store.open(db)
    [source] = store.sources()
    assert all(s in source.text for s in [*ESCAPES.values(), *BIDI.values(),
                                          *INVISIBLE.values()])
    for passage in store.passages():
        assert source.text[passage.start:passage.end] == passage.text


ingest = pytest.importorskip("factcheck.core.ingest", exc_type=ImportError)


def hostile_page() -> bytes:
    """A scraped HTML page with hostile text in title, metadata and body."""
    return f"""<!doctype html><html lang="id"><head><title>Judul {HOSTILE_LINE}</title>
<meta property="og:site_name" content="Outlet {HOSTILE_LINE}">
<meta name="author" content="Ana {HOSTILE_LINE}">
<meta property="article:published_time" content="2024-06-17T10:00:00+07:00 {HOSTILE_LINE}">
<script>document.title = "{HOSTILE_LINE}"</script></head><body><article>
<h1>Putin {HOSTILE_LINE}</h1>
<p>Kata Kremlin, {HOSTILE_LINE} Putin akan mengunjungi Korea Utara untuk pertama kalinya
dalam 24 tahun.</p><p>{LONG_PARAGRAPH}</p><p>{LONG_LINE}</p>
<p>Washington mengatakan Korea Utara telah memasok senjata ke Rusia.
{' '.join(MARKUP + HTML)}</p></article></body></html>""".encode()


def test_ingest_of_a_hostile_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.core import pipeline

    result = ingest.ingest_bytes(hostile_page(), "evil.html")
    text = result.source.text
    assert UNSAFE.findall(text) == []  # cleaning removed escapes, bidi and zero-width
    for passage in result.passages:
        assert text[passage.start:passage.end] == passage.text
    assert any(len(p.text) >= 1_000_000 for p in result.passages)  # the paragraph survived
    page = tmp_path / "evil.html"
    page.write_bytes(hostile_page())
    db = tmp_path / "claims.json"
    report = pipeline.ingest_paths(Store.open(db), [page])
    assert not report.failed
    claims = [row["id"] for row in json.loads(_run(["claims", "--json"], db, capsys))]
    for argv in [["claims"], ["sources"], ["history"], *(["show", c] for c in claims)]:
        out = _run(argv, db, capsys)
        assert UNSAFE.findall(out) == [], argv


@pytest.mark.parametrize("fmt", [["export", "--format", "csv"], ["claims", "--tsv"]],
                         ids=" ".join)
def test_spreadsheet_output_carries_only_its_own_separators(
        db: Path, fmt: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """CSV ends rows with CR LF after a byte-order mark, TSV separates with tabs: nothing else."""
    out = _run(fmt, db, capsys)
    found = {f"U+{ord(c):04X}" for c in UNSAFE.findall(out)} - {"U+0009", "U+000D", "U+FEFF"}
    assert found == set()


@pytest.mark.parametrize(("argv", "stored"), [
    (["note", "c-hostile-0", "[bold]x[/] \x1b]52;c;SGVsbG8=\x07 y"], "notes"),
    (["verdict", "c-hostile-0", "true", "-e", "\x1b[2J[link=https://e.example]z[/link]"],
     "verdict"),
    (["mark", "c-hostile-0", "PASSAGE", "supports"], "marks"),
], ids=lambda v: v[0] if isinstance(v, list) else v)
@pytest.mark.parametrize("reviewer", ["[/bold]", "eve\x1b]52;c;SGVsbG8=\x1b\\", "\x1b[2Jmallory"])
def test_writes_with_hostile_names_and_text_print_inert_and_tell_the_truth(
        tmp_path: Path, argv: list[str], stored: str, reviewer: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A reviewer name or a note with markup and escapes: the change is stored, the command
    says so with exit 0, and what it prints carries no escape (``--reviewer '[/bold]'`` once
    stored the mark, then died with a markup error and exit 1)."""
    path = tmp_path / "claims.json"
    hostile_store(Store.open(path)).compact()
    with Store.open(path) as store:
        passage = store.raw("claims")["c-hostile-0"]["evidence"][0]["passage_id"]
        before = store.raw("reviews").get("c-hostile-0", {})
    markers = set(before.get("marks", {}).get(passage, {}))
    argv = [passage if a == "PASSAGE" else a for a in argv]
    capsys.readouterr()
    code = main([*argv, "--db", str(path), "--reviewer", reviewer])
    out, err = capsys.readouterr()
    with Store.open(path) as store:
        review = store.raw("reviews").get("c-hostile-0", {})
    if stored == "marks":
        changed = len(set(review.get("marks", {}).get(passage, {})) - markers) == 1
    elif stored == "notes":
        changed = len(review.get("notes", [])) == len(before.get("notes", [])) + 1
    else:
        changed = bool(review.get("verdict")) and "e.example" in review["verdict"]["explanation"]
    assert code == 0 and changed, err
    assert not UNSAFE.findall(out) and "\x1b" not in out + err
