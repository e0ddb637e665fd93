"""Sentence templates of the synthetic corpus, in Indonesian and English: their types.

An `Event` is a kind of news story (a flood, a drug seizure, a state visit...); the events
themselves are in `bench.events_hazard` and `bench.events_civic`. An event lists the numbers a
story of that kind carries (`Slot`), its headlines, its check-worthy facts (`Fact`, each worded
twice per language so outlets do not all write the same sentence), an accusation and the
denial that answers it, and filler sentences with nothing to check; `CONTEXT` holds filler
that fits any story.

Placeholders: ``{place}``, ``{province}``, ``{official}`` and ``{role}`` (who speaks for the
authority), ``{person2}`` (a second named person), ``{accuser}``, ``{accused}``, ``{country}``,
``{leader}``, ``{date}`` (the event date, written in the article's language) and one per slot.
"""

from __future__ import annotations

from typing import NamedTuple


class Slot(NamedTuple):
    """A number a story carries."""

    low: int
    high: int
    style: str = "count"
    """``count`` (people, villages), ``big`` (may be written "1,5 juta"), ``tenths`` (stored
    x10: 427 is "42,7"), ``year`` (written as is)."""
    unit: str | None = None


class Fact(NamedTuple):
    """A check-worthy statement of a story, as Indonesian and English variants."""

    key: str
    kind: str
    """A `factcheck.core.models.Kind` value."""
    id: tuple[str, ...]
    en: tuple[str, ...]
    slot: str | None = None
    """The slot holding the fact's checkable value (the one an outlet may get wrong)."""


class Event(NamedTuple):
    """A kind of news story."""

    name: str
    slots: dict[str, Slot]
    role: tuple[str, str]
    """Who speaks for the authority, (id, en); may use ``{place}``."""
    headlines: tuple[tuple[str, ...], tuple[str, ...]]
    facts: tuple[Fact, ...]
    accusation: Fact
    denial: Fact
    accuser: tuple[str, str]
    accused: tuple[str, str]
    filler: tuple[tuple[str, ...], tuple[str, ...]]
    contested: tuple[str, ...]
    """Slots an outlet may report differently (the 24-vs-20-years kind of conflict)."""


def fact(key: str, kind: str, slot: str | None, id_: tuple[str, ...], en: tuple[str, ...]) -> Fact:
    """A `Fact` (arguments in the order the event modules read best)."""
    return Fact(key, kind, id_, en, slot)


CONTEXT: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("{official} mengatakan pihaknya terus berkoordinasi dengan pemerintah pusat.",
     "Peristiwa itu menjadi perbincangan warga {place} dalam beberapa hari terakhir.",
     "Sejumlah warga yang ditemui di lokasi mengaku belum menerima informasi resmi.",
     "Pemerintah Kabupaten {place} berjanji akan mengevaluasi penanganan di lapangan.",
     "Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan tambahan.",
     "{official} meminta masyarakat tidak mudah percaya pada informasi yang belum jelas "
     "sumbernya.",
     "Menurut dia, langkah tersebut diambil setelah rapat koordinasi dengan berbagai pihak.",
     "Warga berharap kejadian serupa tidak terulang di masa mendatang.",
     "Situasi di lokasi dilaporkan berangsur kondusif.",
     "DPRD {place} menyatakan akan memanggil instansi terkait untuk dimintai penjelasan.",
     "Pihaknya juga membuka posko pengaduan bagi masyarakat.",
     "Informasi lebih lanjut akan disampaikan setelah pendataan selesai, kata {official}.",
     "Ia menambahkan bahwa seluruh petugas telah disiagakan.",
     "Pemerintah Provinsi {province} disebut siap memberikan dukungan anggaran.",
     "Kejadian ini bukan yang pertama di wilayah {place}.",
     "Sejumlah tokoh masyarakat ikut turun ke lokasi.",
     "Pengamat kebijakan publik menilai pemerintah daerah perlu bertindak lebih cepat.",
     "Media sosial ramai membicarakan peristiwa tersebut.",
     "Aparat kepolisian berjaga untuk mengantisipasi gangguan keamanan."),
    ("{official} said the authorities were working with the central government.",
     "The news has been widely discussed in {place} in recent days.",
     "Several residents said they had not received any official information.",
     "The {place} regency government pledged to review its response.",
     "Officials did not immediately respond to a request for further comment.",
     "{official} urged people not to believe unverified information.",
     "The decision followed a coordination meeting, {official} said.",
     "Residents said they hoped it would not happen again.",
     "The situation was reported to be calm.",
     "The regional council said it would summon the agencies involved.",
     "A complaints desk has been opened for the public.",
     "More details will be released once the data has been collected, {official} said.",
     "All personnel have been put on alert, {official} added.",
     "The {province} provincial government is ready to provide funds, officials said.",
     "It is not the first such incident in {place}.",
     "Community leaders also visited the site.",
     "Public policy analysts said the local government should act faster.",
     "The incident drew wide attention on social media.",
     "Police were deployed to maintain security."),
)
"""Sentences with nothing to check, for any kind of story (the bulk of a real article)."""
