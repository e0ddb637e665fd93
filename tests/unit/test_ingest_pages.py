"""Ingest of pages written for these tests: outlets and layouts the seed corpus does not have."""

from __future__ import annotations

import re

import pytest

from factcheck.core.ingest import IngestResult, ingest_bytes
from factcheck.core.models import Role

KOMPAS_PAGE = """\
Login
Daftar
Kompas.com
Internasional
Putin Tiba di Pyongyang, Disambut Kim Jong Un di Bandara
Kompas.com - 19/06/2024, 07:30 WIB
Penulis: Dian Sari
Editor: Bambang Priyo
Presiden Rusia Vladimir Putin (kiri) dan pemimpin Korea Utara Kim Jong Un di Bandara Sunan, \
Pyongyang, Rabu (19/6/2024). AFP/KCNA VIA KNS
JAKARTA, KOMPAS.com - Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024) \
dini hari, kunjungan pertamanya ke Korea Utara dalam 24 tahun.
Kedatangan Putin disambut langsung oleh Kim Jong Un di bandara, seperti dilaporkan kantor \
berita KCNA.
Baca juga: Kim Jong Un Siapkan Sambutan Megah untuk Putin
Kedua pemimpin dijadwalkan menandatangani perjanjian kemitraan strategis, kata penasihat \
Kremlin Yuri Ushakov kepada wartawan di Moskow.
ADVERTISEMENT
"Kami akan membahas seluruh aspek kerja sama," kata Ushakov, dikutip dari Reuters.
Dr. Andi Wijaya dari Universitas Indonesia menilai kunjungan itu bernilai simbolis. Menurutnya, \
nilai perdagangan kedua negara hanya sekitar 5.580 miliar rupiah pada 2023.
Hubungi redaksi di redaksi@kompas.example atau telepon (021) 5350 377.
Artikel Terkait
Kim Jong Un Kirim Pesan ke Putin
Putin Janji Kunjungi Pyongyang
Senjata Korea Utara Dipakai Rusia di Ukraina
"""

REUTERS_PAGE = """\
World

Putin arrives in North Korea for rare visit

By Guy Faulconbridge and Ju-min Park

June 19, 2024 7:24 AM GMT+7 Updated 2 days ago

Share

Russian President Vladimir Putin shakes hands with North Korean leader Kim Jong Un at \
Pyongyang airport, June 19, 2024. Sputnik/Gavriil Grigorov/Pool via REUTERS

SEOUL/MOSCOW, June 19 (Reuters) - Russian President Vladimir Putin arrived in North Korea on \
Wednesday for his first visit in 24 years, the Kremlin said.

Advertisement · Scroll to continue

Putin and Kim are expected to sign a partnership deal, Kremlin aide Yuri Ushakov told \
reporters in Moscow. The U.S. and its allies have expressed concern about deepening military \
ties.

Read more: Kim vows full support for Russia's war

"We highly value your consistent support," Putin told Kim at 2 a.m. Wednesday, according to \
the Kremlin.

North Korea has denied supplying arms to Russia, as has Moscow. Dr. Victor Cha of CSIS said \
the visit was "a big deal" for Kim.

Reporting by Guy Faulconbridge in Moscow and Ju-min Park in Seoul; Editing by Andrew Osborn

Our Standards: The Thomson Reuters Trust Principles.

Related

Putin signs pact with Kim

2 days ago

Kim Jong Un hosts lavish banquet for Putin, state media says

3 days ago
"""


def ingest(text: str, file: str = "page.txt", encoding: str = "utf-8") -> IngestResult:
    return ingest_bytes(text.encode(encoding), file)


def body(result: IngestResult) -> list[str]:
    return [p.text for p in result.passages if p.role == Role.BODY]


def assert_offsets(result: IngestResult) -> None:
    for passage in result.passages:
        assert result.source.text[passage.start:passage.end] == passage.text


class TestKompasStylePage:
    @pytest.fixture(scope="class")
    def result(self) -> IngestResult:
        return ingest(KOMPAS_PAGE, "kompas-putin.txt")

    def test_metadata(self, result: IngestResult) -> None:
        source = result.source
        assert source.outlet == "Kompas"
        assert source.title == "Putin Tiba di Pyongyang, Disambut Kim Jong Un di Bandara"
        assert source.published == "2024-06-19T07:30:00+07:00"
        assert source.byline == {"author": "Dian Sari", "editor": "Bambang Priyo"}
        assert source.language == "id"
        assert source.credits == ["KCNA", "Reuters"]
        assert result.warnings == []

    def test_caption_is_kept_apart_from_the_body(self, result: IngestResult) -> None:
        captions = [p.text for p in result.passages if p.role == Role.CAPTION]
        assert len(captions) == 1 and captions[0].endswith("AFP/KCNA VIA KNS")

    def test_body_keeps_the_dateline_and_drops_furniture(self, result: IngestResult) -> None:
        sentences = body(result)
        assert sentences[0].startswith("JAKARTA, KOMPAS.com - Presiden Rusia Vladimir Putin tiba")
        assert sentences[0].endswith("dalam 24 tahun.")
        text = result.source.text
        for junk in ("Baca juga", "ADVERTISEMENT", "Artikel Terkait", "Kim Jong Un Kirim Pesan",
                     "Senjata Korea Utara Dipakai", "Login", "Daftar"):
            assert junk not in text
        assert "Dr. Andi Wijaya dari Universitas Indonesia menilai kunjungan itu bernilai " \
               "simbolis." in sentences
        assert "Menurutnya, nilai perdagangan kedua negara hanya sekitar 5.580 miliar rupiah " \
               "pada 2023." in sentences
        assert_offsets(result)

    def test_contacts_are_redacted(self, result: IngestResult) -> None:
        assert "redaksi@" not in result.source.text
        assert "5350" not in result.source.text
        assert "Hubungi redaksi di [e-mail] atau telepon [phone]." in body(result)


class TestReutersStyleEnglishPage:
    @pytest.fixture(scope="class")
    def result(self) -> IngestResult:
        return ingest(REUTERS_PAGE, "reuters-putin.txt")

    def test_metadata(self, result: IngestResult) -> None:
        source = result.source
        assert source.outlet == "Reuters"
        assert source.title == "Putin arrives in North Korea for rare visit"
        assert source.published == "2024-06-19T07:24:00+07:00"
        assert source.updated is None
        assert source.byline == {
            "author": "Guy Faulconbridge and Ju-min Park",
            "reporter": "Guy Faulconbridge and Ju-min Park",
            "editor": "Andrew Osborn",
        }
        assert source.language == "en"
        assert source.credits == ["Reuters"]

    def test_sentences(self, result: IngestResult) -> None:
        assert body(result) == [
            "SEOUL/MOSCOW, June 19 (Reuters) - Russian President Vladimir Putin arrived in North "
            "Korea on Wednesday for his first visit in 24 years, the Kremlin said.",
            "Putin and Kim are expected to sign a partnership deal, Kremlin aide Yuri Ushakov told "
            "reporters in Moscow.",
            "The U.S. and its allies have expressed concern about deepening military ties.",
            '"We highly value your consistent support," Putin told Kim at 2 a.m. Wednesday, '
            "according to the Kremlin.",
            "North Korea has denied supplying arms to Russia, as has Moscow.",
            'Dr. Victor Cha of CSIS said the visit was "a big deal" for Kim.',
        ]
        assert_offsets(result)

    def test_related_block_and_widgets_are_gone(self, result: IngestResult) -> None:
        text = result.source.text
        for junk in ("Related", "2 days ago", "banquet", "Advertisement", "Read more", "Share",
                     "Trust Principles", "Reporting by", "World"):
            assert junk not in text

    def test_caption(self, result: IngestResult) -> None:
        captions = [p.text for p in result.passages if p.role == Role.CAPTION]
        assert captions == [
            "Russian President Vladimir Putin shakes hands with North Korean leader Kim Jong Un "
            "at Pyongyang airport, June 19, 2024. Sputnik/Gavriil Grigorov/Pool via REUTERS"
        ]


def test_windows_1252_page_is_read_with_a_warning() -> None:
    page = (
        "Caf\u00e9 owners protest new tax\n\n"
        "By Mar\u00eda L\u00f3pez\n\n"
        "PARIS (AFP) \u2013 Caf\u00e9 owners said the \u201cunfair\u201d tax would cost them "
        "\u20ac5,000 a year, and they were not ready to pay it.\n\n"
        "\u201cWe are na\u00efve if we think this will pass,\u201d said the owner of a bistro.\n"
    )
    result = ingest(page, "cafe.txt", encoding="cp1252")
    source = result.source
    assert source.encoding == "windows-1252"
    assert "encoding assumed: windows-1252" in result.warnings
    assert source.title == "Caf\u00e9 owners protest new tax"
    assert source.byline == {"author": "Mar\u00eda L\u00f3pez"}
    assert source.outlet == "AFP"
    assert body(result)[0].endswith("\u20ac5,000 a year, and they were not ready to pay it.")
    assert "\u201cWe are na\u00efve if we think this will pass,\u201d said the owner of a bistro." \
        in body(result)


HTML_PAGE = """<!doctype html>
<html lang="id"><head>
<title>Kim Jong Un Sambut Putin di Pyongyang | Warta Kita</title>
<meta property="og:site_name" content="Warta Kita">
<meta property="og:title" content="Kim Jong Un Sambut Putin di Pyongyang">
<meta property="article:published_time" content="2024-06-19T07:24:44+07:00">
<meta property="article:modified_time" content="2024-06-20T09:00:00+07:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Kim Jong Un Sambut Putin di Pyongyang", "datePublished": "2024-06-19T07:24:44+07:00",
"author": {"@type": "Person", "name": "Sari Dewi"}}</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a> <a href="/login">Masuk</a></nav>
<article>
<h1>Kim Jong Un Sambut Putin di Pyongyang</h1>
<p>Pemimpin Korea Utara Kim Jong Un menyambut Presiden Rusia Vladimir Putin di bandara \
Pyongyang pada Rabu dini hari. Ini kunjungan pertama Putin dalam 24 tahun.</p>
<p>Baca juga: Putin Akan Kunjungi Vietnam Setelah Korea Utara</p>
<p>Kedua pemimpin akan menandatangani perjanjian kemitraan strategis yang mencakup isu \
keamanan, kata Kremlin kepada wartawan di Moskow.</p>
<p>Menurut Prof. Budi Santoso, kunjungan itu menunjukkan hubungan yang makin erat antara kedua \
negara sejak perang di Ukraina dimulai.</p>
</article>
<footer>Hubungi kami: redaksi@wartakita.example | Hak cipta 2024 Warta Kita</footer>
</body></html>
"""


class TestHtmlPage:
    @pytest.fixture(scope="class")
    def result(self) -> IngestResult:
        return ingest(HTML_PAGE, "warta.html")

    def test_metadata_comes_from_the_markup(self, result: IngestResult) -> None:
        source = result.source
        assert source.title == "Kim Jong Un Sambut Putin di Pyongyang"
        assert source.outlet == "Warta Kita"
        assert source.published == "2024-06-19T07:24:44+07:00"
        assert source.updated == "2024-06-20T09:00:00+07:00"
        assert source.byline == {"author": "Sari Dewi"}
        assert source.language == "id"

    def test_article_text_without_furniture(self, result: IngestResult) -> None:
        sentences = body(result)
        assert sentences[0] == ("Pemimpin Korea Utara Kim Jong Un menyambut Presiden Rusia "
                                "Vladimir Putin di bandara Pyongyang pada Rabu dini hari.")
        assert "Ini kunjungan pertama Putin dalam 24 tahun." in sentences
        assert sentences[-1].startswith("Menurut Prof. Budi Santoso, kunjungan itu")
        text = result.source.text
        for junk in ("Baca juga", "Beranda", "Masuk", "redaksi@", "Hak cipta", "<p>"):
            assert junk not in text
        assert text.count("Kim Jong Un Sambut Putin di Pyongyang") == 1
        assert_offsets(result)

    def test_html_detected_by_content_without_extension(self) -> None:
        result = ingest(HTML_PAGE, "page-without-extension")
        assert result.source.title == "Kim Jong Un Sambut Putin di Pyongyang"
        assert "<" not in result.source.text


def test_html_without_a_date_gets_none_even_if_the_body_mentions_one() -> None:
    page = (
        "<html><head><title>Putin Tiba di Pyongyang</title></head><body><article>"
        "<h1>Putin Tiba di Pyongyang</h1>"
        "<p>Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu, 19 Juni 2024, untuk "
        "kunjungan dua hari, kata Kremlin kepada wartawan di Moskow.</p>"
        "<p>Ia disambut oleh pemimpin Korea Utara Kim Jong Un di bandara, dan keduanya "
        "berjabat tangan cukup lama di depan kamera.</p>"
        "</article></body></html>"
    )
    result = ingest(page, "nodate.html")
    assert result.source.title == "Putin Tiba di Pyongyang"
    assert result.source.published is None
    assert "no publication date found" in result.warnings
    assert "no outlet found" in result.warnings


def test_passage_ids_survive_a_new_version_of_the_file() -> None:
    old = ingest(KOMPAS_PAGE, "kompas-putin.txt")
    changed = KOMPAS_PAGE.replace(
        "ADVERTISEMENT\n", "ADVERTISEMENT\nKunjungan ini berlangsung selama dua hari.\n")
    new = ingest(changed, "kompas-putin.txt")
    assert new.source.id != old.source.id
    old_ids = {p.text: p.id for p in old.passages}
    new_ids = {p.text: p.id for p in new.passages}
    assert len(new_ids) == len(old_ids) + 1
    assert all(new_ids[text] == pid for text, pid in old_ids.items())
    other_file = ingest(KOMPAS_PAGE, "other.txt")
    assert not {p.id for p in other_file.passages} & set(old_ids.values())


def test_repeated_sentences_get_distinct_ids() -> None:
    page = ("Judul Berita Yang Cukup Panjang\n\nTEMPO.CO, Jakarta - Harga beras naik lagi pekan "
            "ini di banyak pasar.\n\nIa tidak tahu.\n\nPedagang di pasar itu mengeluh.\n\n"
            "Ia tidak tahu.\n")
    result = ingest(page)
    repeated = [p for p in result.passages if p.text == "Ia tidak tahu."]
    assert len(repeated) == 2 and repeated[0].id != repeated[1].id
    assert re.fullmatch(r"p-[0-9a-f]{16}", repeated[0].id)
    assert result.source.id == "s-" + result.source.sha256[:16]


DETIK_STYLE_PAGE = """\
detikNews
Internasional
Putin Tiba di Korut, Disambut Langsung Kim Jong Un di Bandara
Novi Christiastuti - detikNews
Rabu, 19 Jun 2024 07:05 WIB
Foto: Presiden Rusia Vladimir Putin disambut Kim Jong Un (dok. KCNA via REUTERS)
Jakarta, CNN Indonesia --

Presiden Rusia Vladimir Putin tiba di Korea Utara untuk kunjungan kenegaraan selama dua hari.

Seperti dilansir kantor berita Yonhap dan AFP, pesawat Putin mendarat sekitar pukul 02.45.

Baca juga:
Kim Jong Un Sebut Rusia Sahabat Sejati
Korut Gelar Parade Sambut Putin

Ini merupakan kunjungan pertama Putin ke Korut dalam 24 tahun terakhir.

Simak Video "Momen Putin Tiba di Pyongyang"
[Gambas:Video 20detik]
(nvc/nvc)
putin
kim jong un
korea utara
"""


def test_bare_dateline_line_short_byline_and_read_also_list() -> None:
    result = ingest(DETIK_STYLE_PAGE, "korut.txt")
    source = result.source
    assert source.title == "Putin Tiba di Korut, Disambut Langsung Kim Jong Un di Bandara"
    assert source.outlet == "CNN Indonesia"
    assert source.published == "2024-06-19T07:05:00+07:00"
    assert source.credits == ["Yonhap", "AFP"]
    assert source.byline == {"initials": "nvc/nvc"}
    assert body(result) == [
        "Jakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin tiba di Korea Utara untuk "
        "kunjungan kenegaraan selama dua hari.",
        "Seperti dilansir kantor berita Yonhap dan AFP, pesawat Putin mendarat sekitar pukul "
        "02.45.",
        "Ini merupakan kunjungan pertama Putin ke Korut dalam 24 tahun terakhir.",
    ]
    assert [p.text for p in result.passages if p.role == Role.CAPTION] == [
        "Foto: Presiden Rusia Vladimir Putin disambut Kim Jong Un (dok. KCNA via REUTERS)"]
