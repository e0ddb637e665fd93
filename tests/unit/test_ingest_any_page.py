"""Ingest on pages the rules were not written against, in both languages: sentences run
together, an address on the first line, one bad byte, a sidecar, ``--url``, and contact details
that must never reach the store or an export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.extract import extract_claims
from factcheck.core.ingest import ingest_bytes, ingest_file
from factcheck.core.models import Role
from factcheck.core.store import Store

RUN_TOGETHER = {
    "en": ("Fuel Prices Rise Across the Country\n\n"
           "JAKARTA (Reuters) - The government raised the price of subsidised fuel by 30 percent "
           "on Saturday.The price of Pertalite rose to 10,000 rupiah a litre.About 1,200 students "
           "protested outside parliament, police said.The energy subsidy reached 502.4 trillion "
           "rupiah in 2022.\n"),
    "id": ("Harga BBM Naik Mulai Hari Ini\n\n"
           "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga Pertalite dari Rp7.650 menjadi "
           "Rp10.000 per liter pada Sabtu.Kenaikan itu diumumkan Presiden Joko Widodo di Istana "
           "Merdeka.Menurut Menteri Keuangan, subsidi energi membengkak menjadi Rp502,4 "
           "triliun.Sebanyak 1.200 mahasiswa berunjuk rasa di depan gedung DPR.\n"),
}
FIGURES = {"en": ["30 percent", "10,000 rupiah", "1,200 students", "502.4 trillion"],
           "id": ["Rp10.000", "Rp502,4", "1.200 mahasiswa"]}


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_run_together_page_gives_a_passage_per_sentence_and_each_figure_a_claim(
        language: str) -> None:
    result = ingest_bytes(RUN_TOGETHER[language].encode(), f"run-together-{language}.txt")
    body = [p for p in result.passages if p.role == Role.BODY]
    assert len(body) == 4
    assert all(p.text.endswith(".") and ".T" not in p.text and ".K" not in p.text for p in body)
    assert result.source.language == language
    mentions = extract_claims(result.source, result.passages)
    for figure in FIGURES[language]:
        # Each figure is found in a claim whose passage is its own sentence, not the paragraph.
        holders = [m for m in mentions if figure in m.text]
        assert holders, figure
        assert all(len(m.text) < 120 for m in holders)


ADDRESSED = {
    "en": ("https://www.thejakartapost.com/business/2022/09/03/fuel-prices-rise.html",
           "Fuel prices rise across the country\n\nThe government raised the price of fuel by 30 "
           "percent on Saturday, the minister said.\n", "Thejakartapost", "2022-09-03"),
    "id": ("https://kabar24.bisnis.com/read/20231204/15/1720761/erupsi-gunung-marapi",
           "Erupsi Gunung Marapi, 11 Pendaki Meninggal\n\nSebanyak 11 pendaki ditemukan "
           "meninggal dunia di sekitar kawah, kata kepala kantor SAR.\n", "Bisnis", "2023-12-04"),
}


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("line", ["# source: {url}", "{url}", "# source: {url} [partial]"])
def test_a_first_line_address_gives_outlet_and_date_and_is_not_the_title(language: str,
                                                                         line: str) -> None:
    url, page, outlet, published = ADDRESSED[language]
    result = ingest_bytes((line.format(url=url) + "\n" + page).encode(), "page.txt")
    source = result.source
    assert (source.url, source.outlet, source.published) == (url, outlet, published)
    assert source.title == page.split("\n")[0]
    assert all("http" not in p.text and "source:" not in p.text for p in result.passages)


BAD_BYTE = {
    "en": ("Climbers Killed After Marapi Erupts\n\nPADANG, Indonesia (AP) \u2014 \u201cWe found "
           "11 bodies,\u201d the rescue chief said.\n\nAbout 50 climbers were evacuated, "
           "officials said.\n", "AP"),
    "id": ("Erupsi Marapi, 11 Pendaki Meninggal\n\nPADANG, KOMPAS.com \u2014 \u201cKami "
           "menemukan 11 jenazah,\u201d kata kepala SAR.\n\nSebanyak 50 pendaki dievakuasi, "
           "ujar petugas.\n", "Kompas"),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_one_bad_byte_keeps_the_page_utf8_with_its_quotes_outlet_and_a_located_warning(
        language: str) -> None:
    page, outlet = BAD_BYTE[language]
    raw = page.encode("utf-8")
    at = raw.index(b"\n\n", raw.index(b"\xe2\x80\x9d")) + 2
    result = ingest_bytes(raw[:at] + b"\x9d" + raw[at:], "bad.txt")
    assert result.source.encoding == "utf-8"
    assert result.source.outlet == outlet
    text = result.source.text
    assert "\u201c" in text and "\u201d" in text  # no mojibake of the curly quotes
    [warning] = [w for w in result.warnings if "invalid byte" in w]
    assert f"at byte {at}" in warning


CONTACTS = ["budi@example.com", "budi [at] example [dot] com", "budi(at)example.com",
            "budi @ example.com", "budi\uff20example.com", "62812345678", "812-3456-7890",
            "0812/3456/7890", "0812\u20133456\u20137890", "0 8 1 2 3 4 5 6 7 8 9 0",
            "\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10"]
LEAKS = re.compile(r"budi\s*(?:@|\[at\]|\(at\)|\uff20)|example|3456|345678|\uff10|8 9 0")


def _contact_page(language: str) -> str:
    if language == "id":
        title, line = "Harga Naik, Hubungi 0812-3456-7890", "Harga naik 30 persen, hubungi {} ya."
    else:
        title, line = "Prices Rise, Call 0812-3456-7890", "Prices rose 30 percent, call {} now."
    return title + "\n\n" + "\n\n".join(line.format(c) for c in CONTACTS) + "\n"


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_contact_detail_reaches_the_store_or_any_export(tmp_path: Path, language: str) -> None:
    page = tmp_path / "kontak.txt"
    page.write_text(_contact_page(language), encoding="utf-8")
    (tmp_path / "kontak.txt.json").write_text(json.dumps({
        "outlet": "Kabar budi@example.com", "byline": {"reporter": "Budi (0812-3456-7890)"},
        "published": "2024-03-20", "language": language}), encoding="utf-8")
    db = tmp_path / "claims.json"
    assert main(["ingest", str(page), "--db", str(db)]) == 0
    [source] = Store.open(db).sources()
    assert source.byline and source.outlet and source.published == "2024-03-20"
    written = [db.read_text(encoding="utf-8")]
    written += [p.read_text(encoding="utf-8") for p in tmp_path.glob("claims.json*")
                if p.is_file() and p != db]
    for fmt in ("md", "html", "json", "csv", "claimreview"):
        out = tmp_path / f"report.{fmt}"
        assert main(["export", "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
        written.append(out.read_text(encoding="utf-8"))
    for text in written:
        assert not LEAKS.search(text), LEAKS.search(text)
    assert "[phone]" in written[0] and "[e-mail]" in written[0]
    assert "30" in written[0]  # the figure of the news is kept


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_sidecar_and_url_are_the_users_word_over_the_page(tmp_path: Path,
                                                             language: str) -> None:
    url, page, _, _ = ADDRESSED[language]
    path = tmp_path / "page.txt"
    path.write_text("# source: " + url + "\n" + page, encoding="utf-8")
    (tmp_path / "page.txt.json").write_text(json.dumps(
        {"outlet": "Harian Kita", "published": "2024-01-02", "byline": "Dian Sari"}))
    source = ingest_file(path).source
    assert (source.outlet, source.published, source.url) == ("Harian Kita", "2024-01-02", url)
    assert source.byline == {"author": "Dian Sari"}
    given = "https://www.harianrakyat.co.id/read/20240105/1/x"
    source = ingest_file(path, url=given).source
    assert source.url == given
    assert source.outlet == "Harian Kita"  # the sidecar still names the outlet
