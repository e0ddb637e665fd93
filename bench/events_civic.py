"""Stories of public life: road budgets, drug seizures, economic data, state visits, elections.

See `bench.templates` for what the fields and placeholders mean.
"""

from __future__ import annotations

from bench.templates import Event, Slot, fact

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
        fact("scope", "quantity", "budget",
           ("Pemerintah Provinsi {province} mengalokasikan Rp {budget} triliun untuk "
            "pembangunan jalan tol {place}, kata {role} {official} pada {date}.",
            "Anggaran pembangunan tol {place} mencapai Rp {budget} triliun, ujar {official}."),
           ("The {province} provincial government will spend {budget} trillion rupiah on a "
            "toll road in {place}, {official}, {role}, said on {date}.",
            "The {place} toll road will cost {budget} trillion rupiah, {official} said.")),
        fact("km", "quantity", "km",
           ("Jalan tol tersebut membentang sepanjang {km} kilometer.",
            "Ruas tol {place} memiliki panjang {km} kilometer."),
           ("The road will run for {km} kilometres.",
            "The {place} toll road is {km} kilometres long.")),
        fact("year", "time", "year",
           ("Proyek itu ditargetkan rampung pada {year}, kata {official}.",
            "Tol {place} dijadwalkan beroperasi penuh pada {year}."),
           ("The project is due to be completed in {year}, {official} said.",
            "The road is scheduled to open fully in {year}.")),
        fact("workers", "quantity", "workers",
           ("Sebanyak {workers} pekerja lokal akan dilibatkan dalam pembangunan.",),
           ("Some {workers} local workers will be hired for the construction.",)),
    ),
    accusation=fact("accusation", "attribution", "markup",
                  ("{accuser} menuding terjadi penggelembungan anggaran Rp {markup} miliar "
                   "dalam proyek yang dikerjakan {accused}.",),
                  ("{accuser} alleged that the budget of the project, built by {accused}, was "
                   "inflated by {markup} billion rupiah.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "quantity", "kg",
           ("Polisi menyita {kg} kilogram sabu di {place}, {province}, pada {date}, kata "
            "{role} {official}.",
            "Sebanyak {kg} kilogram sabu diamankan dalam penggerebekan di {place}."),
           ("Police seized {kg} kilograms of methamphetamine in {place}, {province}, on {date}, "
            "said {official}, {role}.",
            "Officers found {kg} kilograms of crystal meth in a raid in {place}.")),
        fact("suspects", "quantity", "suspects",
           ("Sebanyak {suspects} tersangka ditangkap dalam operasi tersebut.",
            "Polisi menangkap {suspects} orang tersangka."),
           ("{suspects} suspects were arrested in the operation.",
            "Police arrested {suspects} suspects.")),
        fact("value", "quantity", "value",
           ("Barang bukti itu ditaksir bernilai Rp {value} miliar.",),
           ("The drugs were worth an estimated {value} billion rupiah.",)),
        fact("quote", "quote", None,
           ("\"Jaringan ini dikendalikan dari luar negeri,\" kata {official}.",),
           ("\"This network is run from abroad,\" {official} said.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("Polisi menyebut {accused} sebagai pengendali jaringan tersebut.",),
                  ("Police named {accused} as the ringleader.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "quantity", "inflation",
           ("Inflasi tahunan {province} tercatat {inflation} persen pada {date}, kata {role} "
            "{official}.",
            "BPS mencatat inflasi {province} sebesar {inflation} persen."),
           ("Annual inflation in {province} was {inflation} percent in {date}, said "
            "{official}, {role}.",
            "Inflation in {province} stood at {inflation} percent, the statistics bureau "
            "said.")),
        fact("exports", "quantity", "exports",
           ("Nilai ekspor provinsi itu mencapai US$ {exports} miliar.",),
           ("The province's exports reached ${exports} billion.",)),
        fact("growth", "quantity", "growth",
           ("Ekonomi {province} tumbuh {growth} persen secara tahunan.",),
           ("The {province} economy grew {growth} percent year on year.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("Ekonom {accuser} menilai angka inflasi itu tidak mencerminkan harga beras "
                   "di pasar.",),
                  ("Economist {accuser} said the figure did not reflect rice prices in "
                   "markets.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "time", "years",
           ("Presiden {country} {leader} tiba di Jakarta pada {date} untuk kunjungan pertama "
            "dalam {years} tahun, kata {role} {official}.",
            "Ini adalah kunjungan pertama pemimpin {country} ke Indonesia dalam {years} tahun."),
           ("{country}'s President {leader} arrived in Jakarta on {date}, the first such visit "
            "in {years} years, said {official}, {role}.",
            "It is the first visit by a {country} leader to Indonesia in {years} years.")),
        fact("agreements", "quantity", "agreements",
           ("Kedua negara menandatangani {agreements} nota kesepahaman.",
            "Sebanyak {agreements} kesepakatan kerja sama diteken dalam kunjungan itu."),
           ("The two countries signed {agreements} memorandums of understanding.",
            "{agreements} cooperation agreements were signed during the visit.")),
        fact("delegation", "quantity", "delegation",
           ("{leader} didampingi {delegation} anggota delegasi.",),
           ("{leader} was accompanied by a delegation of {delegation}.",)),
        fact("investment", "quantity", "investment",
           ("Nilai komitmen investasi mencapai US$ {investment} miliar.",),
           ("Investment pledges totalled ${investment} billion.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("{accuser} menuding ada kesepakatan pembelian senjata yang dirahasiakan.",),
                  ("{accuser} alleged that a secret arms deal had been agreed.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "quantity", "votes",
           ("{candidate} meraih {votes} suara dalam Pilkada {place}, kata {role} {official} "
            "pada {date}.",
            "Hasil rekapitulasi menunjukkan {candidate} memperoleh {votes} suara."),
           ("{candidate} won {votes} votes in the {place} election, {official}, {role}, said "
            "on {date}.",
            "The final count gave {candidate} {votes} votes.")),
        fact("share", "quantity", "share",
           ("Perolehan itu setara {share} persen suara sah.",),
           ("That is {share} percent of valid votes.",)),
        fact("turnout", "quantity", "turnout",
           ("Tingkat partisipasi pemilih mencapai {turnout} persen.",),
           ("Turnout was {turnout} percent.",)),
        fact("stations", "quantity", "stations",
           ("Pemungutan suara digelar di {stations} TPS.",),
           ("Voting took place at {stations} polling stations.",)),
    ),
    accusation=fact("accusation", "attribution", "bought",
                  ("Tim pemenangan {accuser} menuding terjadi politik uang di {bought} TPS.",),
                  ("The campaign of {accuser} alleged vote buying at {bought} polling "
                   "stations.",)),
    denial=fact("denial", "denial", None,
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
