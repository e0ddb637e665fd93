"""A paragraph that never ends: news clauses joined by commas and conjunctions, no full stop.

Hostile text for the ingest and extraction stages: one "sentence" of a million characters
with thousands of figures, dates, names, quotes and reporting verbs in it. Every step must
read a bounded stretch around each of them; a step that scans the whole sentence for each
figure makes the work grow with the square of the length.
"""

from __future__ import annotations

import random

from bench.vocab import MONTHS_EN, MONTHS_ID

NAMES = ("Budi Santoso", "Sri Wahyuni", "Agus Salim", "Dewi Lestari", "Joko Susilo",
         "Rina Marlina", "Hendra Gunawan", "Siti Aminah")
PLACES = ("Sumberjaya", "Kabupaten Garut", "Palu", "Makassar", "Kota Bandung", "Ambon")
CLAUSES = {
    "id": (
        "Menteri {name} mengatakan bahwa pemerintah akan membangun {n} jembatan baru di {place}",
        "sebanyak {n} warga mengungsi sejak {day} {month} {year} menurut data BNPB",
        "harga beras naik dari Rp {n}.000 menjadi Rp {k}.500 per kilogram",
        "\u201ckami sudah menyiapkan {n} posko\u201d kata {name} kepada wartawan",
        "sekitar {p} persen jalan di {place} rusak berat",
        "{name} membantah tuduhan itu dan menyebut {n} laporan tidak benar",
        "korban tewas bertambah {n} orang lagi sehingga menjadi {m} orang",
    ),
    "en": (
        "Minister {name} said the government would build {n} new bridges in {place}",
        "about {n} residents have fled since {month} {day}, {year}, according to officials",
        "rice prices rose from {n},000 to {k},500 rupiah a kilogram",
        "\u201cwe have set up {n} shelters\u201d {name} told reporters",
        "nearly {p} percent of roads in {place} were badly damaged",
        "{name} denied the accusation and called {n} reports false",
        "the death toll rose by {n} to {m}",
    ),
}
JOINS = {"id": (", ", " dan ", ", sementara ", " serta ", "; "),
         "en": (", ", " and ", ", while ", " as ", "; ")}


def run_on(chars: int, language: str, seed: int = 0) -> str:
    """A page (title line, then one paragraph of ``chars`` characters without a full stop)."""
    rng = random.Random(f"{seed}:run-on:{language}")
    months = MONTHS_ID if language == "id" else MONTHS_EN
    parts: list[str] = []
    size = 0
    while size < chars:
        clause = rng.choice(CLAUSES[language]).format(
            name=rng.choice(NAMES), place=rng.choice(PLACES), n=rng.randint(2, 900),
            m=rng.randint(901, 5000), k=rng.randint(2, 999), p=rng.randint(2, 99),
            day=rng.randint(1, 28), month=rng.choice(months), year=rng.randint(2015, 2024))
        part = clause + rng.choice(JOINS[language])
        parts.append(part)
        size += len(part)
    title = "Laporan Panjang Tanpa Titik" if language == "id" else "A Report That Never Ends"
    return title + "\n\n" + "".join(parts)[:chars].rstrip(",; ") + "\n"
