"""Sentence templates of the synthetic corpus, in Indonesian and English.

An `Event` is a kind of news story (a flood, a drug seizure, a state visit...). It lists the
numbers a story of that kind carries (`Slot`), its headlines, its check-worthy facts (`Fact`,
each worded twice per language so outlets do not all write the same sentence), an optional
accusation and the denial that answers it, and filler sentences with nothing to check.

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


def _f(key: str, kind: str, slot: str | None, id_: tuple[str, ...], en: tuple[str, ...]) -> Fact:
    return Fact(key, kind, id_, en, slot)


FLOOD = Event(
    name="flood",
    slots={"villages": Slot(3, 40), "dead": Slot(2, 45, unit="people"),
           "injured": Slot(3, 180), "displaced": Slot(400, 30000, "big", "people"),
           "shelters": Slot(3, 60), "loss": Slot(5, 900, unit="billion rupiah"),
           "years": Slot(6, 40, unit="years"), "depth": Slot(50, 250, unit="cm")},
    role=("Kepala BPBD {place}", "head of the {place} disaster agency"),
    headlines=(("Banjir Rendam {villages} Desa di {place}, {dead} Orang Meninggal",
                "Ribuan Warga {place} Mengungsi akibat Banjir",
                "Banjir Terparah dalam {years} Tahun Landa {place}"),
               ("Floods hit {villages} villages in Indonesia's {place}, killing {dead}",
                "Thousands flee floods in Indonesia's {place}",
                "{place} sees worst floods in {years} years")),
    facts=(
        _f("scope", "event", "villages",
           ("Banjir merendam {villages} desa di Kabupaten {place}, {province}, sejak {date}, "
            "kata {role} {official}.",
            "Sebanyak {villages} desa di {place} terendam banjir sejak {date}, menurut "
            "{role} {official}."),
           ("Floods have inundated {villages} villages in {place} regency, {province}, since "
            "{date}, said {official}, {role}.",
            "{official}, {role}, said {villages} villages had been under water since {date}.")),
        _f("dead", "quantity", "dead",
           ("Sedikitnya {dead} orang meninggal dunia dan {injured} orang luka-luka.",
            "Korban meninggal bertambah menjadi {dead} orang, sementara {injured} warga "
            "luka-luka."),
           ("At least {dead} people were killed and {injured} injured.",
            "The death toll rose to {dead}, with {injured} people injured.")),
        _f("displaced", "quantity", "displaced",
           ("Sebanyak {displaced} warga mengungsi ke {shelters} posko pengungsian.",
            "Lebih dari {displaced} jiwa terpaksa mengungsi, kata {official}."),
           ("Some {displaced} residents have fled to {shelters} evacuation shelters.",
            "More than {displaced} people were forced from their homes, {official} said.")),
        _f("depth", "quantity", "depth",
           ("Ketinggian air mencapai {depth} sentimeter di sejumlah titik.",
            "Di beberapa permukiman, air setinggi {depth} sentimeter merendam rumah warga."),
           ("Water reached {depth} centimetres in some areas.",
            "In some neighbourhoods the water stood {depth} centimetres deep.")),
        _f("loss", "quantity", "loss",
           ("Kerugian akibat banjir ditaksir mencapai Rp {loss} miliar.",
            "Pemerintah daerah memperkirakan kerugian sekitar Rp {loss} miliar."),
           ("Losses were estimated at {loss} billion rupiah.",
            "Local officials put the damage at about {loss} billion rupiah.")),
        _f("years", "time", "years",
           ("Ini adalah banjir terparah di {place} dalam {years} tahun terakhir, kata {person2}, "
            "warga setempat.",
            "Menurut {person2}, banjir sebesar ini baru pertama kali terjadi dalam {years} "
            "tahun."),
           ("It was the worst flood in {place} in {years} years, said {person2}, a resident.",
            "{person2}, a resident, said it was the first flood of this size in {years} "
            "years.")),
        _f("quote", "quote", None,
           ("\"Kami masih mendata rumah warga yang rusak,\" kata {official}.",
            "\u201cTim gabungan terus menyisir permukiman yang terisolasi,\u201d ujar "
            "{official}."),
           ("\"We are still counting the damaged houses,\" {official} said.",
            "\u201cRescue teams are still reaching isolated villages,\u201d {official} said.")),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("{accuser} menuding pembukaan lahan sawit oleh {accused} memperparah "
                   "banjir di {place}.",),
                  ("{accuser} blamed land clearing for oil palm by {accused} for worsening the "
                   "floods in {place}.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah tudingan tersebut dan menyebut curah hujan ekstrem sebagai "
               "penyebabnya.", "Pihak {accused} menepis tuduhan itu."),
              ("{accused} denied the accusation, blaming extreme rainfall.",
               "{accused} rejected the claim.")),
    accuser=("Forum Lingkungan {province}", "the {province} Environment Forum"),
    accused=("PT {last} Agro Lestari", "PT {last} Agro Lestari"),
    filler=(("Hujan deras mengguyur wilayah itu sejak sore hari.",
             "Petugas gabungan dari TNI, Polri dan relawan dikerahkan ke lokasi.",
             "Sejumlah ruas jalan tidak dapat dilalui kendaraan.",
             "Warga berharap bantuan logistik segera tiba.",
             "Pemerintah daerah menetapkan status tanggap darurat."),
            ("Heavy rain had been falling since the afternoon.",
             "Soldiers, police and volunteers were sent to the area.",
             "Several roads were cut off.",
             "Residents said they were waiting for food and clean water.",
             "The local government declared a state of emergency.")),
    contested=("years", "dead", "displaced"),
)

QUAKE = Event(
    name="quake",
    slots={"magnitude": Slot(45, 72, "tenths"), "depth": Slot(5, 120, unit="km"),
           "houses": Slot(20, 4000, unit="houses"), "dead": Slot(1, 30, unit="people"),
           "aftershocks": Slot(3, 80), "distance": Slot(5, 150, unit="km")},
    role=("Kepala Stasiun Geofisika {place}", "head of the {place} geophysics station"),
    headlines=(("Gempa Magnitudo {magnitude} Guncang {place}, {houses} Rumah Rusak",
                "Gempa {place}: {dead} Orang Meninggal"),
               ("Magnitude {magnitude} quake shakes Indonesia's {place}",
                "Quake in {place} kills {dead}, damages {houses} homes")),
    facts=(
        _f("scope", "event", "magnitude",
           ("Gempa bermagnitudo {magnitude} mengguncang {place}, {province}, pada {date}, kata "
            "{role} {official}.",
            "Gempa berkekuatan M{magnitude} melanda wilayah {place} pada {date}."),
           ("A magnitude {magnitude} earthquake struck {place}, {province}, on {date}, said "
            "{official}, {role}.",
            "An earthquake of magnitude {magnitude} hit {place} on {date}.")),
        _f("depth", "quantity", "depth",
           ("Pusat gempa berada pada kedalaman {depth} kilometer, {distance} kilometer dari "
            "pusat kota.",),
           ("The quake was {depth} kilometres deep, {distance} kilometres from the town "
            "centre.",)),
        _f("houses", "quantity", "houses",
           ("Sebanyak {houses} rumah rusak akibat gempa tersebut.",
            "Data sementara mencatat {houses} rumah warga rusak."),
           ("Some {houses} houses were damaged.",
            "Preliminary figures showed {houses} homes damaged.")),
        _f("dead", "quantity", "dead",
           ("Sedikitnya {dead} orang dilaporkan meninggal dunia, kata {official}.",
            "Korban jiwa akibat gempa tercatat {dead} orang."),
           ("At least {dead} people were killed, {official} said.",
            "The quake killed {dead} people, officials said.")),
        _f("aftershocks", "quantity", "aftershocks",
           ("BMKG mencatat {aftershocks} kali gempa susulan hingga malam hari.",),
           ("The geophysics agency recorded {aftershocks} aftershocks by nightfall.",)),
        _f("quote", "quote", None,
           ("\"Gempa ini tidak berpotensi tsunami,\" kata {official}.",),
           ("\"The quake does not have the potential to cause a tsunami,\" {official} said.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("{accuser} menilai {accused} lalai memeriksa bangunan sekolah yang runtuh.",),
                  ("{accuser} said {accused} had failed to inspect the school buildings that "
                   "collapsed.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah lalai dan menyebut semua sekolah telah diperiksa.",),
              ("{accused} denied any negligence, saying all schools had been inspected.",)),
    accuser=("Ikatan Guru {province}", "the {province} Teachers Association"),
    accused=("Dinas Pendidikan {place}", "the {place} education office"),
    filler=(("Warga berhamburan keluar rumah saat guncangan terasa.",
             "Listrik di sejumlah kecamatan sempat padam.",
             "Aktivitas sekolah dihentikan sementara."),
            ("Residents ran out of their homes when the shaking started.",
             "Power was cut in several districts.",
             "Schools were closed for the day.")),
    contested=("magnitude", "dead", "houses"),
)

ROAD = Event(
    name="road",
    slots={"budget": Slot(5, 120, "tenths", "trillion rupiah"), "km": Slot(8, 180, unit="km"),
           "year": Slot(2025, 2030, "year"), "workers": Slot(200, 8000, unit="workers"),
           "markup": Slot(20, 900, unit="billion rupiah")},
    role=("Gubernur {province}", "governor of {province}"),
    headlines=(("Jalan Tol {place} Sepanjang {km} Km Ditargetkan Rampung {year}",
                "Pemprov Siapkan Rp {budget} Triliun untuk Tol {place}"),
               ("Indonesia's {province} to spend {budget} trillion rupiah on {place} toll road",
                "{place} toll road to open in {year}")),
    facts=(
        _f("scope", "quantity", "budget",
           ("Pemerintah Provinsi {province} mengalokasikan Rp {budget} triliun untuk "
            "pembangunan jalan tol {place}, kata {role} {official} pada {date}.",
            "Anggaran pembangunan tol {place} mencapai Rp {budget} triliun, ujar {official}."),
           ("The {province} provincial government will spend {budget} trillion rupiah on a "
            "toll road in {place}, {official}, {role}, said on {date}.",
            "The {place} toll road will cost {budget} trillion rupiah, {official} said.")),
        _f("km", "quantity", "km",
           ("Jalan tol tersebut membentang sepanjang {km} kilometer.",
            "Ruas tol {place} memiliki panjang {km} kilometer."),
           ("The road will run for {km} kilometres.",
            "The {place} toll road is {km} kilometres long.")),
        _f("year", "time", "year",
           ("Proyek itu ditargetkan rampung pada {year}, kata {official}.",
            "Tol {place} dijadwalkan beroperasi penuh pada {year}."),
           ("The project is due to be completed in {year}, {official} said.",
            "The road is scheduled to open fully in {year}.")),
        _f("workers", "quantity", "workers",
           ("Sebanyak {workers} pekerja lokal akan dilibatkan dalam pembangunan.",),
           ("Some {workers} local workers will be hired for the construction.",)),
    ),
    accusation=_f("accusation", "attribution", "markup",
                  ("{accuser} menuding terjadi penggelembungan anggaran Rp {markup} miliar "
                   "dalam proyek yang dikerjakan {accused}.",),
                  ("{accuser} alleged that the budget of the project, built by {accused}, was "
                   "inflated by {markup} billion rupiah.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah tudingan penggelembungan anggaran tersebut.",
               "Direktur {accused} menepis tuduhan itu dan menyebut semua biaya telah diaudit."),
              ("{accused} denied inflating the budget.",
               "A director of {accused} rejected the allegation, saying all costs had been "
               "audited.")),
    accuser=("Masyarakat Transparansi {province}", "the {province} Transparency Society"),
    accused=("PT {last} Karya Utama", "PT {last} Karya Utama"),
    filler=(("Pembebasan lahan disebut telah mencapai tahap akhir.",
             "Warga berharap tol itu mempercepat distribusi hasil pertanian.",
             "Proyek ini termasuk dalam daftar proyek strategis daerah."),
            ("Land acquisition is said to be nearly complete.",
             "Farmers hope the road will get their produce to market faster.",
             "The project is on the province's list of strategic projects.")),
    contested=("km", "year", "budget"),
)

DENGUE = Event(
    name="dengue",
    slots={"cases": Slot(150, 9000, "big", "cases"), "dead": Slot(1, 40, unit="people"),
           "rise": Slot(50, 900, "tenths", "percent"), "hospitals": Slot(2, 30)},
    role=("Kepala Dinas Kesehatan {place}", "head of the {place} health office"),
    headlines=(("Kasus DBD di {place} Tembus {cases}, {dead} Meninggal",
                "DBD Melonjak {rise} Persen di {place}"),
               ("Dengue cases in Indonesia's {place} pass {cases}",
                "Dengue kills {dead} in {place} as cases rise {rise}%")),
    facts=(
        _f("scope", "quantity", "cases",
           ("Dinas Kesehatan {place} mencatat {cases} kasus demam berdarah dengue sejak {date}, "
            "kata {role} {official}.",
            "Sebanyak {cases} warga {place} terjangkit DBD sejak {date}."),
           ("The {place} health office has recorded {cases} dengue cases since {date}, said "
            "{official}, {role}.",
            "Some {cases} people in {place} have caught dengue since {date}.")),
        _f("dead", "quantity", "dead",
           ("Dari jumlah itu, {dead} pasien meninggal dunia.",
            "Sebanyak {dead} orang meninggal akibat DBD, kata {official}."),
           ("Of those, {dead} patients have died.",
            "Dengue has killed {dead} people, {official} said.")),
        _f("rise", "quantity", "rise",
           ("Jumlah kasus naik {rise} persen dibanding periode yang sama tahun lalu.",),
           ("Cases are up {rise} percent on the same period last year.",)),
        _f("hospitals", "quantity", "hospitals",
           ("Pasien dirawat di {hospitals} rumah sakit dan puskesmas.",),
           ("Patients are being treated in {hospitals} hospitals and clinics.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("Anggota DPRD {place}, {accuser}, menuding {accused} terlambat melakukan "
                   "pengasapan.",),
                  ("{accuser}, a {place} councillor, accused {accused} of starting fogging "
                   "too late.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah terlambat dan menyebut pengasapan dilakukan sejak awal "
               "musim hujan.",),
              ("{accused} denied being late, saying fogging began at the start of the rainy "
               "season.",)),
    accuser=("{person2}", "{person2}"),
    accused=("Dinas Kesehatan {place}", "the {place} health office"),
    filler=(("Warga diimbau menguras bak mandi dan menutup tempat penampungan air.",
             "Sejumlah ruang perawatan dilaporkan penuh."),
            ("Residents were urged to drain standing water.",
             "Several wards were reported full.")),
    contested=("cases", "dead"),
)

DRUGS = Event(
    name="drugs",
    slots={"suspects": Slot(2, 15, unit="suspects"), "kg": Slot(50, 20000, "tenths", "kg"),
           "value": Slot(5, 400, unit="billion rupiah")},
    role=("Kapolres {place}", "{place} police chief"),
    headlines=(("Polisi Sita {kg} Kg Sabu di {place}, {suspects} Tersangka Ditangkap",
                "Sabu Senilai Rp {value} Miliar Disita di {place}"),
               ("Indonesian police seize {kg} kg of meth in {place}",
                "{suspects} held after {value} billion rupiah drug bust in {place}")),
    facts=(
        _f("scope", "quantity", "kg",
           ("Polisi menyita {kg} kilogram sabu di {place}, {province}, pada {date}, kata "
            "{role} {official}.",
            "Sebanyak {kg} kilogram sabu diamankan dalam penggerebekan di {place}."),
           ("Police seized {kg} kilograms of methamphetamine in {place}, {province}, on {date}, "
            "said {official}, {role}.",
            "Officers found {kg} kilograms of crystal meth in a raid in {place}.")),
        _f("suspects", "quantity", "suspects",
           ("Sebanyak {suspects} tersangka ditangkap dalam operasi tersebut.",
            "Polisi menangkap {suspects} orang tersangka."),
           ("{suspects} suspects were arrested in the operation.",
            "Police arrested {suspects} suspects.")),
        _f("value", "quantity", "value",
           ("Barang bukti itu ditaksir bernilai Rp {value} miliar.",),
           ("The drugs were worth an estimated {value} billion rupiah.",)),
        _f("quote", "quote", None,
           ("\"Jaringan ini dikendalikan dari luar negeri,\" kata {official}.",),
           ("\"This network is run from abroad,\" {official} said.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("Polisi menyebut {accused} sebagai pengendali jaringan tersebut.",),
                  ("Police named {accused} as the ringleader.",)),
    denial=_f("denial", "denial", None,
              ("Kuasa hukum {accused}, {accuser}, membantah kliennya terlibat jaringan "
               "narkoba.",),
              ("{accuser}, a lawyer for {accused}, denied his client had any role in the "
               "network.",)),
    accuser=("{person2}", "{person2}"),
    accused=("{suspect}", "{suspect}"),
    filler=(("Para tersangka dijerat pasal berlapis.",
             "Penggerebekan dilakukan setelah polisi menerima laporan warga."),
            ("The suspects face several charges.",
             "The raid followed a tip-off from residents.")),
    contested=("kg", "suspects", "value"),
)

ECONOMY = Event(
    name="economy",
    slots={"inflation": Slot(10, 60, "tenths", "percent"),
           "exports": Slot(150, 280, "tenths", "billion dollars"),
           "growth": Slot(40, 58, "tenths", "percent")},
    role=("Kepala BPS {province}", "head of the {province} statistics bureau"),
    headlines=(("Inflasi {province} {inflation} Persen",
                "Ekspor {province} Capai US$ {exports} Miliar"),
               ("Inflation in Indonesia's {province} at {inflation}%",
                "{province} exports reach ${exports} billion")),
    facts=(
        _f("scope", "quantity", "inflation",
           ("Inflasi tahunan {province} tercatat {inflation} persen pada {date}, kata {role} "
            "{official}.",
            "BPS mencatat inflasi {province} sebesar {inflation} persen."),
           ("Annual inflation in {province} was {inflation} percent in {date}, said "
            "{official}, {role}.",
            "Inflation in {province} stood at {inflation} percent, the statistics bureau "
            "said.")),
        _f("exports", "quantity", "exports",
           ("Nilai ekspor provinsi itu mencapai US$ {exports} miliar.",),
           ("The province's exports reached ${exports} billion.",)),
        _f("growth", "quantity", "growth",
           ("Ekonomi {province} tumbuh {growth} persen secara tahunan.",),
           ("The {province} economy grew {growth} percent year on year.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("Ekonom {accuser} menilai angka inflasi itu tidak mencerminkan harga beras "
                   "di pasar.",),
                  ("Economist {accuser} said the figure did not reflect rice prices in "
                   "markets.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah data inflasi itu keliru.",),
              ("{accused} denied that the inflation figure was wrong.",)),
    accuser=("{person2}", "{person2}"),
    accused=("BPS {province}", "The {province} statistics bureau"),
    filler=(("Harga cabai dan bawang merah menjadi penyumbang utama inflasi.",),
            ("Chilli and shallot prices drove most of the increase.",)),
    contested=("inflation", "growth"),
)

VISIT = Event(
    name="visit",
    slots={"years": Slot(8, 30, unit="years"), "agreements": Slot(2, 15),
           "delegation": Slot(20, 300, unit="people"),
           "investment": Slot(5, 200, "tenths", "billion dollars")},
    role=("juru bicara Kementerian Luar Negeri", "foreign ministry spokesperson"),
    headlines=(("{leader} Kunjungi Indonesia untuk Pertama Kali dalam {years} Tahun",
                "Indonesia dan {country} Teken {agreements} Kesepakatan"),
               ("{country}'s {leader} visits Indonesia, first in {years} years",
                "Indonesia, {country} sign {agreements} agreements")),
    facts=(
        _f("scope", "time", "years",
           ("Presiden {country} {leader} tiba di Jakarta pada {date} untuk kunjungan pertama "
            "dalam {years} tahun, kata {role} {official}.",
            "Ini adalah kunjungan pertama pemimpin {country} ke Indonesia dalam {years} tahun."),
           ("{country}'s President {leader} arrived in Jakarta on {date}, the first such visit "
            "in {years} years, said {official}, {role}.",
            "It is the first visit by a {country} leader to Indonesia in {years} years.")),
        _f("agreements", "quantity", "agreements",
           ("Kedua negara menandatangani {agreements} nota kesepahaman.",
            "Sebanyak {agreements} kesepakatan kerja sama diteken dalam kunjungan itu."),
           ("The two countries signed {agreements} memorandums of understanding.",
            "{agreements} cooperation agreements were signed during the visit.")),
        _f("delegation", "quantity", "delegation",
           ("{leader} didampingi {delegation} anggota delegasi.",),
           ("{leader} was accompanied by a delegation of {delegation}.",)),
        _f("investment", "quantity", "investment",
           ("Nilai komitmen investasi mencapai US$ {investment} miliar.",),
           ("Investment pledges totalled ${investment} billion.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("{accuser} menuding ada kesepakatan pembelian senjata yang dirahasiakan.",),
                  ("{accuser} alleged that a secret arms deal had been agreed.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah adanya kesepakatan senjata.",),
              ("{accused} denied any arms deal.",)),
    accuser=("Anggota Komisi I DPR {person2}", "Lawmaker {person2}"),
    accused=("Kementerian Luar Negeri", "The foreign ministry"),
    filler=(("Kunjungan itu berlangsung selama dua hari.",
             "Kedua pemimpin juga membahas situasi kawasan."),
            ("The visit lasts two days.",
             "The two leaders also discussed the regional situation.")),
    contested=("years", "agreements"),
)

ELECTION = Event(
    name="election",
    slots={"votes": Slot(50000, 2500000, "big", "votes"),
           "share": Slot(300, 700, "tenths", "percent"),
           "turnout": Slot(550, 850, "tenths", "percent"), "stations": Slot(300, 6000),
           "bought": Slot(3, 90)},
    role=("Ketua KPU {place}", "head of the {place} election commission"),
    headlines=(("{candidate} Menang Pilkada {place} dengan {share} Persen",
                "Rekapitulasi Pilkada {place}: {candidate} Raih {votes} Suara"),
               ("{candidate} wins {place} regional election with {share}%",
                "{candidate} takes {votes} votes in {place}")),
    facts=(
        _f("scope", "quantity", "votes",
           ("{candidate} meraih {votes} suara dalam Pilkada {place}, kata {role} {official} "
            "pada {date}.",
            "Hasil rekapitulasi menunjukkan {candidate} memperoleh {votes} suara."),
           ("{candidate} won {votes} votes in the {place} election, {official}, {role}, said "
            "on {date}.",
            "The final count gave {candidate} {votes} votes.")),
        _f("share", "quantity", "share",
           ("Perolehan itu setara {share} persen suara sah.",),
           ("That is {share} percent of valid votes.",)),
        _f("turnout", "quantity", "turnout",
           ("Tingkat partisipasi pemilih mencapai {turnout} persen.",),
           ("Turnout was {turnout} percent.",)),
        _f("stations", "quantity", "stations",
           ("Pemungutan suara digelar di {stations} TPS.",),
           ("Voting took place at {stations} polling stations.",)),
    ),
    accusation=_f("accusation", "attribution", "bought",
                  ("Tim pemenangan {accuser} menuding terjadi politik uang di {bought} TPS.",),
                  ("The campaign of {accuser} alleged vote buying at {bought} polling "
                   "stations.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah adanya politik uang dan mempersilakan pelapor membawa "
               "bukti.",),
              ("{accused} denied any vote buying and asked for evidence.",)),
    accuser=("{person2}", "{person2}"),
    accused=("Kubu {candidate}", "{candidate}'s campaign"),
    filler=(("Rapat pleno berlangsung hingga larut malam.",
             "Aparat keamanan berjaga di sekitar kantor KPU."),
            ("The count went on late into the night.",
             "Police guarded the election office.")),
    contested=("share", "votes", "turnout"),
)

FIRE = Event(
    name="fire",
    slots={"kiosks": Slot(20, 900, unit="kiosks"), "trucks": Slot(3, 30),
           "hours": Slot(2, 14, unit="hours"), "loss": Slot(1, 150, unit="billion rupiah"),
           "traders": Slot(100, 3000, unit="traders")},
    role=("Kepala Dinas Pemadam Kebakaran {place}", "{place} fire chief"),
    headlines=(("Kebakaran Pasar {place}, {kiosks} Kios Hangus",
                "Pasar {place} Terbakar, Kerugian Rp {loss} Miliar"),
               ("Fire destroys {kiosks} stalls at {place} market",
                "Market fire in Indonesia's {place} causes {loss} billion rupiah losses")),
    facts=(
        _f("scope", "quantity", "kiosks",
           ("Kebakaran menghanguskan {kiosks} kios di Pasar Induk {place} pada {date}, kata "
            "{role} {official}.",
            "Sebanyak {kiosks} kios ludes terbakar di pasar induk {place}."),
           ("A fire destroyed {kiosks} stalls at the main market in {place} on {date}, said "
            "{official}, {role}.",
            "Fire gutted {kiosks} stalls at {place}'s main market.")),
        _f("trucks", "quantity", "trucks",
           ("Sebanyak {trucks} unit mobil pemadam dikerahkan.",),
           ("{trucks} fire engines were sent to the scene.",)),
        _f("hours", "time", "hours",
           ("Api baru dapat dipadamkan setelah {hours} jam.",),
           ("It took {hours} hours to put out the blaze.",)),
        _f("loss", "quantity", "loss",
           ("Kerugian ditaksir mencapai Rp {loss} miliar.",),
           ("Losses were put at {loss} billion rupiah.",)),
        _f("traders", "quantity", "traders",
           ("Sekitar {traders} pedagang kehilangan tempat usaha.",),
           ("About {traders} traders lost their stalls.",)),
    ),
    accusation=_f("accusation", "attribution", None,
                  ("Paguyuban pedagang menduga pasar sengaja dibakar untuk proyek revitalisasi "
                   "oleh {accused}.",),
                  ("Traders suspect the market was set on fire to clear the way for a "
                   "redevelopment by {accused}.",)),
    denial=_f("denial", "denial", None,
              ("{accused} membantah tudingan tersebut.",
               "Direktur {accused} menepis dugaan pembakaran disengaja."),
              ("{accused} denied the allegation.",
               "A director of {accused} rejected suggestions of arson.")),
    accuser=("Paguyuban pedagang", "Traders"),
    accused=("PD Pasar {place}", "PD Pasar {place}"),
    filler=(("Api diduga berasal dari korsleting listrik.",
             "Pedagang berusaha menyelamatkan barang dagangan."),
            ("An electrical fault is suspected.",
             "Traders tried to save their goods.")),
    contested=("kiosks", "loss", "hours"),
)

EVENTS: tuple[Event, ...] = (FLOOD, QUAKE, ROAD, DENGUE, DRUGS, ECONOMY, VISIT, ELECTION, FIRE)

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
