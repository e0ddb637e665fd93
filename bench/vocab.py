"""Word lists of the synthetic corpus: outlets, people, places, calendar and number words.

All outlets and people are invented; places are real Indonesian regencies (with their province)
and real countries, so that place names look like the ones a newsroom meets. The numbers are
spelled by `number_words` in Indonesian ("dua puluh empat") and English ("twenty-four").
"""

from __future__ import annotations

from typing import NamedTuple


class Outlet(NamedTuple):
    """A news outlet of the corpus."""

    name: str
    domain: str
    """Written in datelines ("SURABAYA, KABARNUSA.COM -")."""
    language: str
    layout: str
    """Which page layout `bench.corpus` renders its pages with."""


ID_OUTLETS: tuple[Outlet, ...] = tuple(
    Outlet(name, domain, "id", layout)
    for name, domain, layout in (
        ("Kabar Nusa", "KABARNUSA.COM", "portal"),
        ("Warta Pagi", "WARTAPAGI.ID", "portal"),
        ("Sinar Harian Raya", "SINARHARIANRAYA.CO.ID", "regional"),
        ("Suara Rakyat Online", "SUARARAKYAT.COM", "regional"),
        ("Detak Kota", "DETAKKOTA.COM", "blog"),
        ("Lensa Daerah", "LENSADAERAH.COM", "regional"),
        ("Pelita Timur", "PELITATIMUR.COM", "portal"),
        ("Jurnal Kita", "JURNALKITA.ID", "blog"),
        ("Gema Rakyat", "GEMARAKYAT.COM", "regional"),
        ("Radar Pesisir", "RADARPESISIR.COM", "portal"),
        ("Pos Nusantara", "POSNUSANTARA.CO.ID", "portal"),
        ("Metro Daerah", "METRODAERAH.COM", "regional"),
        ("Swara Desa", "SWARADESA.ID", "blog"),
        ("Cakrawala News", "CAKRAWALANEWS.COM", "portal"),
        ("Fakta Terkini", "FAKTATERKINI.COM", "regional"),
        ("Liputan Warga", "LIPUTANWARGA.COM", "blog"),
        ("Bingkai Berita", "BINGKAIBERITA.COM", "portal"),
        ("Koran Fajar Timur", "FAJARTIMUR.CO.ID", "regional"),
        ("Info Kota Kita", "INFOKOTAKITA.COM", "blog"),
        ("Dinamika News", "DINAMIKANEWS.ID", "portal"),
        ("Kilas Nusantara", "KILASNUSANTARA.COM", "regional"),
        ("Harian Lintas Barat", "LINTASBARAT.COM", "portal"),
    )
)

EN_OUTLETS: tuple[Outlet, ...] = tuple(
    Outlet(name, domain, "en", "english")
    for name, domain in (
        ("Jakarta Ledger", "Jakarta Ledger"),
        ("Archipelago Post", "Archipelago Post"),
        ("Nusantara Times", "Nusantara Times"),
        ("Asia Pacific Daily", "APD"),
        ("The Island Chronicle", "Island Chronicle"),
        ("Southeast Asia Monitor", "SEA Monitor"),
        ("Equator Herald", "Equator Herald"),
    )
)

WIRES: tuple[Outlet, ...] = (
    Outlet("Reuters", "Reuters", "en", "wire"),
    Outlet("AFP", "AFP", "en", "wire"),
    Outlet("AP", "AP", "en", "wire"),
    Outlet("ANTARA", "ANTARA", "id", "wire"),
)
"""Wire services: their stories are copied near word for word by other outlets."""

FIRST_NAMES = (
    "Agus", "Budi", "Siti", "Dewi", "Rina", "Hendra", "Yusuf", "Rahmat", "Dian", "Eko", "Fitri",
    "Gilang", "Hadi", "Indah", "Joko", "Kurnia", "Lestari", "Maya", "Nurul", "Putri", "Rizky",
    "Sri", "Teguh", "Wahyu", "Yanti", "Zainal", "Ahmad", "Bambang", "Cahya", "Dedi", "Endang",
    "Fajar", "Gunawan", "Hasan", "Irfan", "Iwan", "Kartika", "Lukman", "Mulyadi", "Nanda",
    "Oktaviani", "Pratiwi", "Ratna", "Slamet", "Taufik", "Umar", "Vina", "Wulan", "Yogi", "Ari",
    "Bayu", "Citra", "Doni", "Erwin", "Feri", "Galih", "Heru", "Ika", "Jaka", "Kiki", "Ludwina",
    "Made", "Nyoman", "Ketut", "Wayan", "Andi", "Daeng", "Yohanes", "Maria", "Fransiskus",
)

LAST_NAMES = (
    "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Setiawan",
    "Gunadi", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Lubis", "Sitompul", "Hutapea",
    "Pohan", "Tanjung", "Rangkuti", "Daulay", "Ginting", "Sembiring", "Tarigan", "Purba",
    "Manurung", "Rahman", "Hakim", "Firmansyah", "Kurniawan", "Hermawan", "Susanto", "Wibowo",
    "Prasetyo", "Hartono", "Sulistyo", "Handoko", "Suryadi", "Maulana", "Syahputra", "Ramadhan",
    "Effendi", "Halim", "Tambunan", "Situmorang", "Pangaribuan", "Manullang", "Wattimena",
    "Rumbiak", "Mandagi", "Lumenta", "Pasaribu", "Batubara", "Sinaga", "Rumengan", "Mamahit",
)

FOREIGN_NAMES = (
    "Mikhail Arsenev", "Sergei Volkov", "Anatoly Grekov", "Park Jae-sun", "Kim Min-ho",
    "Hiroshi Tanaka", "Kenji Sato", "Nguyen Van Hung", "Tran Thi Lan", "Rajesh Sharma",
    "Anil Mehta", "James Whitfield", "Olivia Carter", "Kwame Okafor", "Ahmed Haddad",
    "Carlos Mendes", "Lucia Ferreira", "Somchai Boonyarat", "Lim Wei Ling", "Farid Osmani",
)

COUNTRIES = (
    ("Vietnam", "Vietnam"), ("Jepang", "Japan"), ("Korea Selatan", "South Korea"),
    ("Australia", "Australia"), ("India", "India"), ("Thailand", "Thailand"),
    ("Malaysia", "Malaysia"), ("Filipina", "the Philippines"), ("Brasil", "Brazil"),
    ("Turki", "Turkey"), ("Mesir", "Egypt"), ("Afrika Selatan", "South Africa"),
    ("Selandia Baru", "New Zealand"), ("Kanada", "Canada"), ("Meksiko", "Mexico"),
)
"""(Indonesian, English) names."""

PLACES = (
    ("Bogor", "Jawa Barat"), ("Bekasi", "Jawa Barat"), ("Garut", "Jawa Barat"),
    ("Cianjur", "Jawa Barat"), ("Karawang", "Jawa Barat"), ("Subang", "Jawa Barat"),
    ("Indramayu", "Jawa Barat"), ("Cirebon", "Jawa Barat"), ("Kuningan", "Jawa Barat"),
    ("Sumedang", "Jawa Barat"), ("Tasikmalaya", "Jawa Barat"), ("Ciamis", "Jawa Barat"),
    ("Sleman", "DI Yogyakarta"), ("Bantul", "DI Yogyakarta"), ("Gunungkidul", "DI Yogyakarta"),
    ("Klaten", "Jawa Tengah"), ("Pati", "Jawa Tengah"), ("Kudus", "Jawa Tengah"),
    ("Demak", "Jawa Tengah"), ("Kendal", "Jawa Tengah"), ("Brebes", "Jawa Tengah"),
    ("Cilacap", "Jawa Tengah"), ("Banyumas", "Jawa Tengah"), ("Kebumen", "Jawa Tengah"),
    ("Magelang", "Jawa Tengah"), ("Wonosobo", "Jawa Tengah"), ("Grobogan", "Jawa Tengah"),
    ("Jember", "Jawa Timur"), ("Banyuwangi", "Jawa Timur"), ("Malang", "Jawa Timur"),
    ("Kediri", "Jawa Timur"), ("Sidoarjo", "Jawa Timur"), ("Gresik", "Jawa Timur"),
    ("Lamongan", "Jawa Timur"), ("Tuban", "Jawa Timur"), ("Bojonegoro", "Jawa Timur"),
    ("Pandeglang", "Banten"), ("Lebak", "Banten"), ("Serang", "Banten"),
    ("Deli Serdang", "Sumatera Utara"), ("Langkat", "Sumatera Utara"),
    ("Simalungun", "Sumatera Utara"), ("Asahan", "Sumatera Utara"), ("Agam", "Sumatera Barat"),
    ("Pesisir Selatan", "Sumatera Barat"), ("Kampar", "Riau"), ("Bengkalis", "Riau"),
    ("Muaro Jambi", "Jambi"), ("Banyuasin", "Sumatera Selatan"), ("Ogan Ilir", "Sumatera Selatan"),
    ("Lampung Selatan", "Lampung"), ("Tanggamus", "Lampung"), ("Kapuas", "Kalimantan Tengah"),
    ("Kotawaringin Timur", "Kalimantan Tengah"), ("Banjar", "Kalimantan Selatan"),
    ("Tabalong", "Kalimantan Selatan"), ("Kutai Kartanegara", "Kalimantan Timur"),
    ("Berau", "Kalimantan Timur"), ("Paser", "Kalimantan Timur"), ("Sambas", "Kalimantan Barat"),
    ("Ketapang", "Kalimantan Barat"), ("Sanggau", "Kalimantan Barat"),
    ("Minahasa", "Sulawesi Utara"), ("Bolaang Mongondow", "Sulawesi Utara"),
    ("Gowa", "Sulawesi Selatan"), ("Maros", "Sulawesi Selatan"), ("Bone", "Sulawesi Selatan"),
    ("Wajo", "Sulawesi Selatan"), ("Pinrang", "Sulawesi Selatan"), ("Luwu", "Sulawesi Selatan"),
    ("Konawe", "Sulawesi Tenggara"), ("Kolaka", "Sulawesi Tenggara"),
    ("Lombok Barat", "Nusa Tenggara Barat"), ("Lombok Timur", "Nusa Tenggara Barat"),
    ("Sumbawa", "Nusa Tenggara Barat"), ("Bima", "Nusa Tenggara Barat"),
    ("Manggarai", "Nusa Tenggara Timur"), ("Sikka", "Nusa Tenggara Timur"),
    ("Kupang", "Nusa Tenggara Timur"), ("Belu", "Nusa Tenggara Timur"), ("Jayapura", "Papua"),
    ("Merauke", "Papua Selatan"), ("Mimika", "Papua Tengah"), ("Sorong", "Papua Barat Daya"),
    ("Manokwari", "Papua Barat"), ("Buleleng", "Bali"), ("Gianyar", "Bali"),
    ("Tabanan", "Bali"), ("Karangasem", "Bali"), ("Jembrana", "Bali"),
)
"""(Regency, province)."""

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_ID_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
             "sembilan")
_EN_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety")


def number_words(n: int, language: str) -> str:
    """Spell ``n`` (0-999) in words: ``number_words(24, "id") == "dua puluh empat"``."""
    if not 0 <= n <= 999:
        raise ValueError(f"cannot spell {n}")
    if language == "id":
        return _id_words(n)
    return _en_words(n)


def _id_words(n: int) -> str:
    if n < 10:
        return _ID_UNITS[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{_ID_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        head = f"{_ID_UNITS[tens]} puluh"
        return head if rest == 0 else f"{head} {_ID_UNITS[rest]}"
    hundreds, rest = divmod(n, 100)
    head = "seratus" if hundreds == 1 else f"{_ID_UNITS[hundreds]} ratus"
    return head if rest == 0 else f"{head} {_id_words(rest)}"


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _EN_TENS[tens] if rest == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[rest]}"
    hundreds, rest = divmod(n, 100)
    head = f"{_EN_UNITS[hundreds]} hundred"
    return head if rest == 0 else f"{head} and {_en_words(rest)}"
