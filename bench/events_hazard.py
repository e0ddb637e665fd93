"""Stories of disasters and emergencies: floods, earthquakes, market fires, dengue outbreaks.

See `bench.templates` for what the fields and placeholders mean.
"""

from __future__ import annotations

from bench.templates import Event, Slot, fact

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
        fact("scope", "event", "villages",
           ("Banjir merendam {villages} desa di Kabupaten {place}, {province}, sejak {date}, "
            "kata {role} {official}.",
            "Sebanyak {villages} desa di {place} terendam banjir sejak {date}, menurut "
            "{role} {official}."),
           ("Floods have inundated {villages} villages in {place} regency, {province}, since "
            "{date}, said {official}, {role}.",
            "{official}, {role}, said {villages} villages had been under water since {date}.")),
        fact("dead", "quantity", "dead",
           ("Sedikitnya {dead} orang meninggal dunia dan {injured} orang luka-luka.",
            "Korban meninggal bertambah menjadi {dead} orang, sementara {injured} warga "
            "luka-luka."),
           ("At least {dead} people were killed and {injured} injured.",
            "The death toll rose to {dead}, with {injured} people injured.")),
        fact("displaced", "quantity", "displaced",
           ("Sebanyak {displaced} warga mengungsi ke {shelters} posko pengungsian.",
            "Lebih dari {displaced} jiwa terpaksa mengungsi, kata {official}."),
           ("Some {displaced} residents have fled to {shelters} evacuation shelters.",
            "More than {displaced} people were forced from their homes, {official} said.")),
        fact("depth", "quantity", "depth",
           ("Ketinggian air mencapai {depth} sentimeter di sejumlah titik.",
            "Di beberapa permukiman, air setinggi {depth} sentimeter merendam rumah warga."),
           ("Water reached {depth} centimetres in some areas.",
            "In some neighbourhoods the water stood {depth} centimetres deep.")),
        fact("loss", "quantity", "loss",
           ("Kerugian akibat banjir ditaksir mencapai Rp {loss} miliar.",
            "Pemerintah daerah memperkirakan kerugian sekitar Rp {loss} miliar."),
           ("Losses were estimated at {loss} billion rupiah.",
            "Local officials put the damage at about {loss} billion rupiah.")),
        fact("years", "time", "years",
           ("Ini adalah banjir terparah di {place} dalam {years} tahun terakhir, kata {person2}, "
            "warga setempat.",
            "Menurut {person2}, banjir sebesar ini baru pertama kali terjadi dalam {years} "
            "tahun."),
           ("It was the worst flood in {place} in {years} years, said {person2}, a resident.",
            "{person2}, a resident, said it was the first flood of this size in {years} "
            "years.")),
        fact("quote", "quote", None,
           ("\"Kami masih mendata rumah warga yang rusak,\" kata {official}.",
            "\u201cTim gabungan terus menyisir permukiman yang terisolasi,\u201d ujar "
            "{official}."),
           ("\"We are still counting the damaged houses,\" {official} said.",
            "\u201cRescue teams are still reaching isolated villages,\u201d {official} said.")),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("{accuser} menuding pembukaan lahan sawit oleh {accused} memperparah "
                   "banjir di {place}.",),
                  ("{accuser} blamed land clearing for oil palm by {accused} for worsening the "
                   "floods in {place}.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "event", "magnitude",
           ("Gempa bermagnitudo {magnitude} mengguncang {place}, {province}, pada {date}, kata "
            "{role} {official}.",
            "Gempa berkekuatan M{magnitude} melanda wilayah {place} pada {date}."),
           ("A magnitude {magnitude} earthquake struck {place}, {province}, on {date}, said "
            "{official}, {role}.",
            "An earthquake of magnitude {magnitude} hit {place} on {date}.")),
        fact("depth", "quantity", "depth",
           ("Pusat gempa berada pada kedalaman {depth} kilometer, {distance} kilometer dari "
            "pusat kota.",),
           ("The quake was {depth} kilometres deep, {distance} kilometres from the town "
            "centre.",)),
        fact("houses", "quantity", "houses",
           ("Sebanyak {houses} rumah rusak akibat gempa tersebut.",
            "Data sementara mencatat {houses} rumah warga rusak."),
           ("Some {houses} houses were damaged.",
            "Preliminary figures showed {houses} homes damaged.")),
        fact("dead", "quantity", "dead",
           ("Sedikitnya {dead} orang dilaporkan meninggal dunia, kata {official}.",
            "Korban jiwa akibat gempa tercatat {dead} orang."),
           ("At least {dead} people were killed, {official} said.",
            "The quake killed {dead} people, officials said.")),
        fact("aftershocks", "quantity", "aftershocks",
           ("BMKG mencatat {aftershocks} kali gempa susulan hingga malam hari.",),
           ("The geophysics agency recorded {aftershocks} aftershocks by nightfall.",)),
        fact("quote", "quote", None,
           ("\"Gempa ini tidak berpotensi tsunami,\" kata {official}.",),
           ("\"The quake does not have the potential to cause a tsunami,\" {official} said.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("{accuser} menilai {accused} lalai memeriksa bangunan sekolah yang runtuh.",),
                  ("{accuser} said {accused} had failed to inspect the school buildings that "
                   "collapsed.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "quantity", "kiosks",
           ("Kebakaran menghanguskan {kiosks} kios di Pasar Induk {place} pada {date}, kata "
            "{role} {official}.",
            "Sebanyak {kiosks} kios ludes terbakar di pasar induk {place}."),
           ("A fire destroyed {kiosks} stalls at the main market in {place} on {date}, said "
            "{official}, {role}.",
            "Fire gutted {kiosks} stalls at {place}'s main market.")),
        fact("trucks", "quantity", "trucks",
           ("Sebanyak {trucks} unit mobil pemadam dikerahkan.",),
           ("{trucks} fire engines were sent to the scene.",)),
        fact("hours", "time", "hours",
           ("Api baru dapat dipadamkan setelah {hours} jam.",),
           ("It took {hours} hours to put out the blaze.",)),
        fact("loss", "quantity", "loss",
           ("Kerugian ditaksir mencapai Rp {loss} miliar.",),
           ("Losses were put at {loss} billion rupiah.",)),
        fact("traders", "quantity", "traders",
           ("Sekitar {traders} pedagang kehilangan tempat usaha.",),
           ("About {traders} traders lost their stalls.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("Paguyuban pedagang menduga pasar sengaja dibakar untuk proyek revitalisasi "
                   "oleh {accused}.",),
                  ("Traders suspect the market was set on fire to clear the way for a "
                   "redevelopment by {accused}.",)),
    denial=fact("denial", "denial", None,
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
        fact("scope", "quantity", "cases",
           ("Dinas Kesehatan {place} mencatat {cases} kasus demam berdarah dengue sejak {date}, "
            "kata {role} {official}.",
            "Sebanyak {cases} warga {place} terjangkit DBD sejak {date}."),
           ("The {place} health office has recorded {cases} dengue cases since {date}, said "
            "{official}, {role}.",
            "Some {cases} people in {place} have caught dengue since {date}.")),
        fact("dead", "quantity", "dead",
           ("Dari jumlah itu, {dead} pasien meninggal dunia.",
            "Sebanyak {dead} orang meninggal akibat DBD, kata {official}."),
           ("Of those, {dead} patients have died.",
            "Dengue has killed {dead} people, {official} said.")),
        fact("rise", "quantity", "rise",
           ("Jumlah kasus naik {rise} persen dibanding periode yang sama tahun lalu.",),
           ("Cases are up {rise} percent on the same period last year.",)),
        fact("hospitals", "quantity", "hospitals",
           ("Pasien dirawat di {hospitals} rumah sakit dan puskesmas.",),
           ("Patients are being treated in {hospitals} hospitals and clinics.",)),
    ),
    accusation=fact("accusation", "attribution", None,
                  ("Anggota DPRD {place}, {accuser}, menuding {accused} terlambat melakukan "
                   "pengasapan.",),
                  ("{accuser}, a {place} councillor, accused {accused} of starting fogging "
                   "too late.",)),
    denial=fact("denial", "denial", None,
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
