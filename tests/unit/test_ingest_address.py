"""Metadata from a page's address (first line, HTML canonical / og:url, ``--url``), from a leading
date token and from a sidecar file; and which source wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.ingest import ingest_bytes, ingest_file
from factcheck.core.ingest.address import (
    date_from_address,
    outlet_from_address,
    split_address,
    split_date_token,
)
from factcheck.core.ingest.sidecar import read_sidecar
from factcheck.core.models import Role
from factcheck.core.store import Store

ENGLISH_BODY = (
    "Rescuers found three more survivors on Monday, the agency said.\n\n"
    "The bodies of 11 climbers were found near the crater, officials said.\n\n"
    "The search was halted after another eruption, the head of the agency told reporters.\n"
)
INDONESIAN_BODY = (
    "Tim SAR gabungan menemukan tiga pendaki selamat pada Senin, kata kepala kantor SAR.\n\n"
    "Sebanyak 11 pendaki ditemukan meninggal dunia di sekitar kawah, ujar dia.\n\n"
    "Pencarian dihentikan sementara karena erupsi susulan, katanya kepada wartawan.\n"
)


def _ingest(text: str, name: str = "page.txt", **kwargs: object):  # type: ignore[no-untyped-def]
    return ingest_bytes(text.encode("utf-8"), name, **kwargs)  # type: ignore[arg-type]


def test_a_source_line_gives_address_outlet_and_date_and_is_never_title_or_passage() -> None:
    page = ("# source: https://www.harianrakyat.co.id/read/20231204/15/1720761/erupsi-marapi "
            "[partial: search-index excerpt; body truncated]\n"
            "Erupsi Marapi, 11 Pendaki Meninggal Dunia\n\n" + INDONESIAN_BODY)
    result = _ingest(page)
    source = result.source
    assert source.url == ("https://www.harianrakyat.co.id/read/20231204/15/1720761/"
                          "erupsi-marapi")
    assert source.title == "Erupsi Marapi, 11 Pendaki Meninggal Dunia"
    assert source.outlet == "Harianrakyat"
    assert source.published == "2023-12-04"
    assert "source:" not in source.text and "https://" not in source.text
    assert not [p for p in result.passages if "http" in p.text or "partial:" in p.text]
    assert "no outlet found" not in result.warnings
    assert "no publication date found" not in result.warnings


def test_a_bare_url_on_the_first_line_is_the_address() -> None:
    page = ("https://www.thestar.com.my/aseanplus/aseanplus-news/2024/03/22/prabowo-named\n"
            "Prabowo named next president\n\n" + ENGLISH_BODY)
    source = _ingest(page).source
    assert source.url == "https://www.thestar.com.my/aseanplus/aseanplus-news/2024/03/22/" \
                         "prabowo-named"
    assert source.title == "Prabowo named next president"
    assert source.outlet == "Thestar"  # the registrable domain of thestar.com.my
    assert source.published == "2024-03-22"


def test_a_url_inside_the_text_is_not_an_address_line() -> None:
    assert split_address("Judul berita\nhttps://x.com/a\n")[0] is None
    assert split_address("See https://x.com/a for more.\n")[0] is None
    url, rest = split_address("\n  https://x.com/2024/01/02/a  \nJudul\n")
    assert url == "https://x.com/2024/01/02/a" and rest == "\n\nJudul\n"


@pytest.mark.parametrize(("url", "text", "outlet"), [
    ("https://amp.abc.net.au/article/103185846", "ABC News Share\nThe bodies ...", "ABC"),
    ("https://www.benarnews.org/english/news/a.html", "... told BenarNews on Monday.",
     "BenarNews"),
    ("https://infosemarang.com/umum/1/a", "INFOSEMARANG.COM -- Pada Senin ...", "Infosemarang"),
    ("https://kabar24.bisnis.com/read/1/a", "", "Bisnis"),
    ("https://www.journal-news.com/nation-world/a/", "", "Journal-News"),
    ("https://www.bbc.co.uk/news/world-1", "the bbc said", "Bbc"),
    ("http://127.0.0.1/page", "", None),
])
def test_outlet_from_the_address_is_the_registrable_domain_as_the_page_writes_it(
        url: str, text: str, outlet: str | None) -> None:
    assert outlet_from_address(url, text) == outlet


@pytest.mark.parametrize(("url", "language", "published"), [
    ("https://a.com/news/2024/03/22/slug", None, "2024-03-22"),
    ("https://a.com/read/20231204/15/1720761/slug", None, "2023-12-04"),
    ("https://a.com/2022-09-03-harga-bbm-naik", None, "2022-09-03"),
    ("https://a.com/politik/2024/02/slug", None, "2024-02"),
    # DDMMYYYY or MMDDYYYY: a reading that is no date settles it ...
    ("https://a.com/umum/10844/25122023/slug", None, "2023-12-25"),
    ("https://a.com/umum/12252023/slug", None, "2023-12-25"),
    # ... else the order the page's language writes numeric dates in.
    ("https://a.com/umum/10844/04122023/slug", "id", "2023-12-04"),
    ("https://a.com/news/missing-12042023125806.html", "en", "2023-12-04"),
    # Not dates: article ids, impossible or future dates.
    ("https://a.com/article/103185846", None, None),
    ("https://a.com/6342208/slug/", None, None),
    ("https://a.com/read/20231399/slug", None, None),
    ("https://a.com/read/20991204/slug", None, None),
])
def test_dates_written_in_the_address(url: str, language: str | None,
                                      published: str | None) -> None:
    assert date_from_address(url, language).iso == published


def test_an_ambiguous_date_in_the_address_follows_the_page_or_stays_none_with_a_warning() -> None:
    url = "https://a.com/umum/04122023/slug"
    undecided = date_from_address(url, None)
    assert undecided.iso is None
    assert undecided.warning == ("date in the address (04122023) may be 4 Dec 2023 or "
                                 "12 Apr 2023; none taken")
    # A date the page states wins over the language's habit (English writes month first).
    assert date_from_address(url, "en", lambda: ["2023-12-04T10:00:00+07:00"]).iso == "2023-12-04"
    assert date_from_address(url, "id", lambda: ["2023-04-12"]).iso == "2023-04-12"


def test_a_page_that_states_the_date_settles_an_ambiguous_address() -> None:
    page = ("https://www.marapinews.com/english/news/climbers-missing-04122023.html\n"
            "Climbers missing after eruption\n\n"
            "The volcano erupted on 4 December 2023, officials said on Monday.\n\n"
            + ENGLISH_BODY)
    result = _ingest(page)
    assert result.source.published == "2023-12-04"  # not 12 April, as English order would read


@pytest.mark.parametrize(("text", "date", "rest"), [
    (" date 2024-02-15 Indonesian Defence Minister Prabowo", "2024-02-15",
     "Indonesian Defence Minister Prabowo"),
    (" date 2022-09 He said that the flow", "2022-09", "He said that the flow"),
    ("date: 2022-09-03\nHarga BBM naik", "2022-09-03", "Harga BBM naik"),
    ("Update 2024-02-15 Prabowo", None, "Update 2024-02-15 Prabowo"),
    (" date 2024-13-15 Prabowo", None, " date 2024-13-15 Prabowo"),
])
def test_a_leading_date_token(text: str, date: str | None, rest: str) -> None:
    assert split_date_token(text) == (date, rest)


def test_a_leading_date_token_is_the_publication_date_and_leaves_the_text() -> None:
    page = ("# source: https://www.devnews.com/article/2819478-prabowo-claims-victory\n"
            " date 2024-02-15 Indonesian Defence Minister Prabowo Subianto declared victory in "
            "the presidential polls after unofficial vote counts showed him leading, Al Jazeera "
            "reported. He had about 58 per cent of the votes, according to four pollsters.\n")
    result = _ingest(page)
    assert result.source.published == "2024-02-15"
    first = [p for p in result.passages if p.role == Role.BODY][0]
    assert first.text.startswith("Indonesian Defence Minister Prabowo Subianto declared")
    assert "date 2024" not in result.source.text


def test_the_page_beats_the_address_and_the_user_beats_the_page(tmp_path: Path) -> None:
    page = ("# source: https://www.koranlain.com/read/20231201/15/1/erupsi\n"
            "Erupsi Marapi, 11 Pendaki Meninggal Dunia\n\n"
            "Senin, 4 Desember 2023 10:15 WIB\n\n"
            "PADANG, WARTAKITA.COM - " + INDONESIAN_BODY)
    source = _ingest(page).source
    assert source.outlet == "Wartakita"  # the dateline, not the address
    assert source.published == "2023-12-04T10:15:00+07:00"  # the date line, not the address
    assert source.url == "https://www.koranlain.com/read/20231201/15/1/erupsi"
    told = _ingest(page, url="https://www.kabarbaru.id/2023/12/05/x").source
    assert told.url == "https://www.kabarbaru.id/2023/12/05/x"
    assert told.outlet == "Wartakita" and told.published == "2023-12-04T10:15:00+07:00"
    path = tmp_path / "erupsi.txt"
    path.write_text(page, encoding="utf-8")
    (tmp_path / "erupsi.txt.json").write_text(json.dumps({
        "url": "https://www.kabarbaru.id/x", "outlet": "Kabar Baru", "published": "2023-12-05",
        "byline": {"Reporter": "Budi Santoso"}, "language": "id",
    }), encoding="utf-8")
    sidecar = ingest_file(path).source
    assert (sidecar.outlet, sidecar.published, sidecar.url, sidecar.byline, sidecar.language) == (
        "Kabar Baru", "2023-12-05", "https://www.kabarbaru.id/x", {"reporter": "Budi Santoso"},
        "id")
    # --url (given for this one file) beats the sidecar's address; --outlet beats its outlet.
    both = ingest_file(path, outlet="Harian X", url="https://harianx.com/a").source
    assert (both.url, both.outlet) == ("https://harianx.com/a", "Harian X")


def test_the_address_of_an_html_page_comes_from_its_canonical_link_or_og_url() -> None:
    html = ("<!doctype html><html><head><title>Harga BBM naik</title>"
            '<meta property="og:url" content="https://www.beritakota.com/ekonomi/2022/09/03/bbm">'
            "</head><body><article><h1>Harga BBM naik</h1><p>Presiden Joko Widodo mengumumkan "
            "kenaikan harga BBM bersubsidi pada Sabtu, kata menteri kepada wartawan.</p><p>Harga "
            "pertalite naik dari Rp7.650 menjadi Rp10.000 per liter, ujar dia di Jakarta.</p>"
            "</article></body></html>")
    source = _ingest(html, "bbm.html").source
    assert source.url == "https://www.beritakota.com/ekonomi/2022/09/03/bbm"
    assert source.outlet == "Beritakota"
    assert source.published == "2022-09-03"


def test_a_sidecar_may_give_any_subset_and_its_byline_as_one_name(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Judul Berita Banjir Hari Ini\n\n" + INDONESIAN_BODY, encoding="utf-8")
    (tmp_path / "a.txt.json").write_text('{"byline": "Rina Wijaya"}', encoding="utf-8")
    result = ingest_file(path)
    assert result.source.byline == {"author": "Rina Wijaya"}
    assert result.source.outlet is None and "no outlet found" in result.warnings


@pytest.mark.parametrize(("content", "warning"), [
    ("{not json", "sidecar a.txt.json: not valid JSON (Expecting property name enclosed in "
                  "double quotes, line 1 column 2); ignored"),
    ("[1, 2]", "sidecar a.txt.json: not a JSON object; ignored"),
    ('{"published": "kemarin", "language": "fr", "url": "ftp://x", "colour": 1}',
     "sidecar a.txt.json: unknown field 'colour'; url is not an http(s) address; published is "
     "not an ISO 8601 date; language is not one of en, id (ignored)"),
])
def test_a_bad_sidecar_is_one_warning_naming_it_and_the_page_is_still_ingested(
        tmp_path: Path, content: str, warning: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Judul Berita Banjir Hari Ini\n\n" + INDONESIAN_BODY, encoding="utf-8")
    (tmp_path / "a.txt.json").write_text(content, encoding="utf-8")
    result = ingest_file(path)
    assert warning in result.warnings
    assert result.passages and result.source.language == "id"


def test_a_sidecar_with_bad_bytes_or_too_big_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    (tmp_path / "a.txt.json").write_bytes(b'{"outlet": "\xff"}')
    assert read_sidecar(path).warnings == ["sidecar a.txt.json: not UTF-8 text; ignored"]
    (tmp_path / "a.txt.json").write_text('{"outlet": "' + "x" * 70_000 + '"}')
    assert read_sidecar(path).warnings == [
        "sidecar a.txt.json: larger than 65,536 bytes; ignored"]
    (tmp_path / "a.txt.json").unlink()
    assert read_sidecar(path) is None


def test_a_new_url_or_sidecar_makes_a_new_version_of_the_same_bytes() -> None:
    page = "Judul Berita Banjir Hari Ini\n\n" + INDONESIAN_BODY
    plain = _ingest(page).source
    assert _ingest(page).source.id == plain.id
    told = _ingest(page, url="https://www.kabarbaru.id/2023/12/05/x").source
    assert told.id != plain.id and told.sha256 == plain.sha256


PAGE = ("# source: https://www.harianrakyat.co.id/read/20231204/15/1/erupsi\n"
        "Erupsi Marapi, 11 Pendaki Meninggal Dunia\n\n" + INDONESIAN_BODY)


def test_cli_ingest_url_for_one_file(tmp_path: Path) -> None:
    page = tmp_path / "erupsi.txt"
    page.write_text("Erupsi Marapi, 11 Pendaki Meninggal Dunia\n\n" + INDONESIAN_BODY)
    db = tmp_path / "claims.json"
    assert main(["ingest", str(page), "--url", "https://www.harianrakyat.co.id/read/20231204/1/x",
                 "--db", str(db)]) == 0
    [source] = Store.open(db).sources()
    assert source.url == "https://www.harianrakyat.co.id/read/20231204/1/x"
    assert (source.outlet, source.published) == ("Harianrakyat", "2023-12-04")


@pytest.mark.parametrize(("args", "message"), [
    (["--url", "https://a.com/x", "PAGES"], "--url is the address of one page: give exactly one "
                                            "file"),
    (["--url", "kompas dot com", "PAGE"], "--url kompas dot com: not an http(s) address"),
])
def test_cli_ingest_url_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            args: list[str], message: str) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(PAGE, encoding="utf-8")
    paths = {"PAGES": str(folder), "PAGE": str(folder / "a.txt")}
    db = tmp_path / "claims.json"
    assert main(["ingest", *[paths.get(a, a) for a in args], "--db", str(db)]) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not db.exists()
