"""Page furniture of outlets the seed corpus does not have: general rules, not sample strings."""

from __future__ import annotations

import pytest

from factcheck.core.ingest import IngestResult, ingest_bytes
from factcheck.core.ingest.furniture import Furniture, credit_line, furniture_kind, is_caption
from factcheck.core.ingest.redact import redact
from factcheck.core.models import Role


@pytest.mark.parametrize(("line", "kind"), [
    ("Advertisement", Furniture.DROP),
    ("ADVERTISEMENT", Furniture.DROP),
    ("Sponsored", Furniture.DROP),
    ("Konten sponsor ini dibuat oleh pihak ketiga.", Furniture.DROP),
    ("Scroll to continue", Furniture.DROP),
    ("Scroll untuk melanjutkan", Furniture.DROP),
    ("Advertisement \u00b7 Scroll to continue", Furniture.DROP),
    ("Share | Tweet | WhatsApp", Furniture.DROP),
    ("Bagikan", Furniture.DROP),
    ("Follow us on Google News", Furniture.DROP),
    ("Ikuti berita terkini dari kami di Google News, klik di sini", Furniture.DROP),
    ("\u00d7", Furniture.DROP),
    ("Baca juga: Harga Beras Naik Lagi", Furniture.DROP),
    ("BACA JUGA - Harga Beras Naik Lagi", Furniture.DROP),
    ("Read more: Putin arrives in Pyongyang", Furniture.DROP),
    ("Editor's pick: Ten things to know", Furniture.DROP),
    ("Pilihan Editor: Korea Utara dan Rusia Makin Akrab", Furniture.DROP),
    ("Baca Selengkapnya", Furniture.DROP),
    ("Forgot your password?", Furniture.DROP),
    ("Sudah punya akun? Masuk di sini", Furniture.DROP),
    ("Kami mengirim email ke [email\u00a0protected].", Furniture.DROP),
    ("![](https://img.example/a.jpg) |", Furniture.DROP),
    ("---|---", Furniture.DROP),
    ("1 / 5", Furniture.DROP),
    ("[Gambas:Video 20detik]", Furniture.DROP),
    ("Baca juga:", Furniture.READ_ALSO),
    ("See also", Furniture.READ_ALSO),
    ("Most read", Furniture.TEASER_HEADING),
    ("Berita Terkait", Furniture.TEASER_HEADING),
    ("Terpopuler", Furniture.TEASER_HEADING),
    ("More from Reuters", Furniture.TEASER_HEADING),
    ("5 menit yang lalu", Furniture.RELATIVE_TIME),
    ("2 days ago", Furniture.RELATIVE_TIME),
    ("Nasional | 1 hari lalu", Furniture.RELATIVE_TIME),
    ("Isi komentar menjadi tanggung jawab pengirim sepenuhnya.", Furniture.DISCLAIMER),
    ("Comments are moderated and may take a while to appear.", Furniture.DISCLAIMER),
    ("REUTERS", Furniture.CREDIT),
    ("(AFP)", Furniture.CREDIT),
    ("Sumber: Antara, Xinhua", Furniture.CREDIT),
    ("Reuters contributed to this report.", Furniture.CREDIT),
    ("Associated Press writer Kim Tong-hyung contributed from Seoul.", Furniture.DROP),
    ("image-1234", Furniture.IMAGE),
    ("Warga antre beras di Pasar Induk, Senin. ANTARA FOTO/Budi Santoso", Furniture.CAPTION),
    ("Protesters gather outside parliament. (AP Photo/Jane Roe)", Furniture.CAPTION),
    ("Foto: Petugas memeriksa lokasi ledakan di Jakarta", Furniture.CAPTION),
    ("Presiden berjabat tangan dengan tamunya. Getty Images", Furniture.CAPTION),
])
def test_line_kinds(line: str, kind: Furniture) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari.",
    "Kunjungan Pertama dalam 20 Tahun",
    "Share prices fell 5 percent on Monday after the announcement, traders said.",
    "Dia lupa membawa paspor saat berangkat ke Moskow, kata ajudannya.",
    "Harga naik 50/50 menurut Menteri Perdagangan, tanpa rincian lebih lanjut.",
    "The agency said 2 days ago was the deadline for the talks.",
])
def test_article_lines_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_credits_and_captions() -> None:
    assert credit_line("REUTERS | TASS") == ["Reuters", "TASS"]
    assert credit_line("Reuters/AP") == ["Reuters", "AP"]
    assert credit_line("Presiden Putin") == []
    assert not is_caption("Putin mengatakan kedua negara bekerja sama, kata Peskov via telepon.")


def test_redaction() -> None:
    assert redact("Tulis ke nama.saya+berita@contoh.co.id sekarang") == "Tulis ke [e-mail] sekarang"
    assert redact("Email [email\u00a0protected] ok") == "Email [e-mail] ok"
    for phone in ("+62 812-3456-7890", "0812 3456 7890", "(021) 5350 377", "+1 (202) 555-0143",
                  "202-555-0143"):
        assert redact(f"Hubungi {phone} segera") == "Hubungi [phone] segera", phone
    for number in ("5.580", "180.000", "1.500.000.000", "2024-01-21", "19-20 Juni", "42,7",
                   "13/9/2023", "2018 dan 2019", "08.00-17.00 WIB"):
        assert redact(f"Angka {number} tetap") == f"Angka {number} tetap", number


UNSEEN_PAGE = """\
Notifikasi
Cari
Beranda
Ekonomi
Harga Beras Naik Tiga Persen Menjelang Ramadan
Oleh: Siti Aminah
Diperbarui: Kamis, 7 Maret 2024 | 08:15 WIB
Diterbitkan: Rabu, 6 Maret 2024 | 21:40 WIB
Bagikan
Follow us on Google News
Pedagang menata karung beras di Pasar Induk Cipinang, Jakarta. ANTARA FOTO/Budi Santoso
BANDUNG, WARTABARU.co.id \u2013 Harga beras medium di pasar tradisional naik 3,2 persen \
dalam sepekan terakhir, kata Badan Pusat Statistik (BPS) pada Rabu.
Kenaikan itu terjadi menjelang Ramadan, ketika permintaan biasanya meningkat.
Advertisement
Scroll to continue
"Stok kami cukup sampai Lebaran," kata Kepala Bulog Jawa Barat, Ahmad Fauzi, kepada wartawan.
Informasi lebih lanjut: hubungi humas di humas@bulog.example atau 0812-3456-7890.
Sponsored
Pedagang di Pasar Kosambi mengeluhkan pasokan yang tersendat sejak akhir Februari.
Tag
Beras
Harga Pangan
Bulog
Ramadan
Terpopuler
Harga Emas Antam Turun Hari Ini
2 jam lalu
Cabai Rawit Tembus Rp 100.000 per Kilogram
5 jam lalu
Isi komentar menjadi tanggung jawab pengirim sepenuhnya.
"""


class TestUnseenOutletPage:
    @pytest.fixture(scope="class")
    def result(self) -> IngestResult:
        return ingest_bytes(UNSEEN_PAGE.encode(), "wartabaru-beras.txt")

    def test_metadata(self, result: IngestResult) -> None:
        source = result.source
        assert source.outlet == "Wartabaru"
        assert source.title == "Harga Beras Naik Tiga Persen Menjelang Ramadan"
        assert source.byline == {"author": "Siti Aminah"}
        assert source.published == "2024-03-06T21:40:00+07:00"
        assert source.updated == "2024-03-07T08:15:00+07:00"

    def test_body_is_the_article_only(self, result: IngestResult) -> None:
        body = [p.text for p in result.passages if p.role == Role.BODY]
        assert body == [
            "BANDUNG, WARTABARU.co.id \u2013 Harga beras medium di pasar tradisional naik 3,2 "
            "persen dalam sepekan terakhir, kata Badan Pusat Statistik (BPS) pada Rabu.",
            "Kenaikan itu terjadi menjelang Ramadan, ketika permintaan biasanya meningkat.",
            '"Stok kami cukup sampai Lebaran," kata Kepala Bulog Jawa Barat, Ahmad Fauzi, kepada '
            "wartawan.",
            "Informasi lebih lanjut: hubungi humas di [e-mail] atau [phone].",
            "Pedagang di Pasar Kosambi mengeluhkan pasokan yang tersendat sejak akhir Februari.",
        ]
        captions = [p.text for p in result.passages if p.role == Role.CAPTION]
        assert captions == ["Pedagang menata karung beras di Pasar Induk Cipinang, Jakarta. "
                            "ANTARA FOTO/Budi Santoso"]
        for junk in ("Harga Emas", "Cabai Rawit", "Terpopuler", "Google News", "Bagikan",
                     "Harga Pangan", "komentar", "Sponsored", "humas@", "3456"):
            assert junk not in result.source.text, junk


ENGLISH_PAGE = """\
Putin signs defence pact with Kim

WASHINGTON (AP) \u2014 Russian President Vladimir Putin and North Korean leader Kim Jong Un \
signed a mutual defence pact on Wednesday, state media said.

The agreement commits each side to help the other if attacked, according to the text.

RELATED COVERAGE

What to know about the Russia-North Korea pact

Putin's visit explained

The United States said the pact was a threat to peace on the Korean Peninsula. It urged \
China to use its influence over Pyongyang.

South Korea summoned the Russian ambassador on Thursday, the foreign ministry in Seoul said.

Most read

Stocks slide as oil prices jump

1 hour ago

Traders said the slide was the worst in a month.
"""


def test_link_list_inside_an_article_does_not_end_it() -> None:
    result = ingest_bytes(ENGLISH_PAGE.encode(), "ap.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert result.source.outlet == "AP"
    assert body[-1] == ("South Korea summoned the Russian ambassador on Thursday, the foreign "
                        "ministry in Seoul said.")
    assert "It urged China to use its influence over Pyongyang." in body
    for junk in ("RELATED COVERAGE", "What to know", "explained", "Most read", "Stocks slide",
                 "worst in a month"):
        assert junk not in result.source.text
    assert "no publication date found" in result.warnings
    assert "no byline found" in result.warnings


def test_headline_teasers_with_relative_times_end_the_body_without_a_heading() -> None:
    page = (
        "Judul Artikel Utama Hari Ini\n\n"
        "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga BBM mulai Senin, kata menteri.\n\n"
        "Kenaikan itu berlaku di seluruh Indonesia.\n\n"
        "Harga Cabai Naik Lagi\n\n3 jam lalu\n\n"
        "Harga cabai rawit naik dua kali lipat dalam sepekan.\n\n"
        "Banjir Rendam Ratusan Rumah\n\n5 jam lalu\n"
    )
    result = ingest_bytes(page.encode(), "k.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body[-1] == "Kenaikan itu berlaku di seluruh Indonesia."
    assert "cabai" not in result.source.text.lower()


def test_headlines_under_a_read_also_heading_are_dropped() -> None:
    page = (
        "Judul Artikel Utama Hari Ini\n"
        "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga BBM mulai Senin, kata menteri.\n"
        "BACA JUGA:\n"
        "- Harga Cabai Naik Lagi di Pasar Induk\n"
        "- Banjir Rendam Ratusan Rumah\n"
        "Kenaikan itu berlaku di seluruh Indonesia.\n"
        "Penulis: Dian Sari\n"
        "Editor: Bambang Priyo\n"
        "(nvc/nvc)\n"
    )
    result = ingest_bytes(page.encode(), "k.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body == [
        "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga BBM mulai Senin, kata menteri.",
        "Kenaikan itu berlaku di seluruh Indonesia.",
    ]
    assert result.source.byline == {"author": "Dian Sari", "editor": "Bambang Priyo",
                                    "initials": "nvc/nvc"}


def test_a_relative_time_under_the_title_does_not_hide_the_title() -> None:
    page = ("Harga BBM Naik Mulai Senin\n\n2 jam lalu\n\nLaporan Wartawan Tribunnews.com, "
            "Ilham Rian Pratama\n\nTRIBUNNEWS.COM, JAKARTA - Pemerintah menaikkan harga BBM "
            "mulai Senin, kata menteri.\n")
    result = ingest_bytes(page.encode(), "t.txt")
    assert result.source.title == "Harga BBM Naik Mulai Senin"
    assert result.source.outlet == "Tribunnews"
    assert result.source.byline == {"reporter": "Ilham Rian Pratama"}
    assert "2 jam lalu" not in result.source.text


def test_a_dateline_in_a_teaser_does_not_start_the_body() -> None:
    page = (
        "Harga BBM Naik Mulai Senin\n\nSenin, 4 Maret 2024 10:00 WIB\n\n"
        "Pemerintah menaikkan harga BBM mulai Senin, kata menteri energi kepada wartawan.\n\n"
        "Kenaikan itu berlaku di seluruh Indonesia mulai pukul 14.00.\n\n"
        "Berita Terkait\n\nHarga Cabai Naik\n\n3 jam lalu\n\n"
        "JAKARTA, KOMPAS.com - Harga cabai rawit naik dua kali lipat dalam sepekan.\n"
    )
    result = ingest_bytes(page.encode(), "x.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body[0].startswith("Pemerintah menaikkan harga BBM")
    assert "cabai" not in result.source.text.lower()
    assert result.source.outlet is None


def test_teaser_with_headline_summary_and_time_is_dropped_whole() -> None:
    page = (
        "Main Story Headline Here\n\n"
        "JAKARTA (Reuters) - The government raised fuel prices on Monday, the minister said.\n\n"
        "The increase applies nationwide.\n\n"
        "Chili prices double in a week\n"
        "Chili prices doubled in a week in Jakarta markets, traders said.\n"
        "2 days ago\n"
    )
    result = ingest_bytes(page.encode(), "r.txt")
    assert [p.text for p in result.passages if p.role == Role.BODY][-1] == (
        "The increase applies nationwide.")
    assert "Chili" not in result.source.text


def test_initials_that_look_like_an_agency_are_a_sign_off_not_a_caption() -> None:
    page = ("Gempa Guncang Bekasi\n\nJanuari 21, 2024\n\nGempa mengguncang Bekasi pada Minggu "
            "pagi, kata BMKG.\n\nDemikian dilaporkan kantor berita AFP. [AP]\n")
    result = ingest_bytes(page.encode(), "b.txt")
    assert [p.text for p in result.passages if p.role == Role.BODY][-1] == (
        "Demikian dilaporkan kantor berita AFP.")
    assert not [p for p in result.passages if p.role == Role.CAPTION]
    assert result.source.byline == {"initials": "AP"}
    assert result.source.credits == ["AFP"]


def test_a_tagline_above_the_headline_is_not_the_body() -> None:
    page = ("Portal berita terpercaya sejak 1998.\n\nHarga Beras Naik Menjelang Lebaran\n\n"
            "Harga beras naik lagi pekan ini, kata pedagang.\n\nKenaikan terjadi di banyak "
            "pasar.\n")
    result = ingest_bytes(page.encode(), "t.txt")
    assert result.source.title == "Harga Beras Naik Menjelang Lebaran"
    assert "Portal berita" not in result.source.text
    assert [p.text for p in result.passages if p.role == Role.BODY] == [
        "Harga beras naik lagi pekan ini, kata pedagang.", "Kenaikan terjadi di banyak pasar."]
