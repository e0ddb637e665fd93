"""How the synthetic corpus writes numbers and dates in Indonesian and English.

Each call takes the article's random generator, so one outlet writes "5.580" where another
writes "5,580", "dua puluh" or "1,5 juta": the same value in the forms scraped pages use.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from bench.templates import Slot
from bench.vocab import DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, number_words


def number(value: int, slot: Slot, language: str, rng: random.Random, *,
           words: bool = True) -> str:
    """Write ``value`` (stored as the slot says) the way a news page would.

    ``words=False`` keeps to digits, as headlines do.
    """
    indonesian = language == "id"
    if slot.style == "year":
        return str(value)
    if slot.style == "tenths":
        whole, tenth = divmod(value, 10)
        if tenth == 0:
            return _grouped(whole, indonesian)
        return f"{_grouped(whole, indonesian)}{',' if indonesian else '.'}{tenth}"
    if words and value < 100 and rng.random() < 0.25:
        return number_words(value, language)
    if slot.style == "big" and value >= 1_000_000:
        tenths = round(value / 100_000)
        whole, tenth = divmod(tenths, 10)
        head = str(whole) if tenth == 0 else f"{whole}{',' if indonesian else '.'}{tenth}"
        return f"{head} {'juta' if indonesian else 'million'}"
    return _grouped(value, indonesian)


def _grouped(value: int, indonesian: bool) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if indonesian else text


def value_of(value: int, slot: Slot) -> float | int:
    """The stored value as the number it means (``tenths`` 427 -> 42.7)."""
    return value / 10 if slot.style == "tenths" else value


def event_date(day: date, language: str, rng: random.Random) -> str:
    """The date of an event as a body sentence writes it ("Rabu (17/1/2024)", "Jan. 17")."""
    weekday = day.weekday()
    pick = rng.random()
    if language == "id":
        if pick < 0.35:
            return f"{DAYS_ID[weekday]} ({day.day}/{day.month}/{day.year})"
        if pick < 0.7:
            return f"{DAYS_ID[weekday]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"
        if pick < 0.9:
            return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
        return f"{DAYS_ID[weekday]} lalu"
    if pick < 0.3:
        return DAYS_EN[weekday]
    if pick < 0.6:
        return f"{MONTHS_EN[day.month - 1][:3]}. {day.day}"
    if pick < 0.9:
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    return f"{DAYS_EN[weekday]}, {MONTHS_EN[day.month - 1]} {day.day}"


def published_line(when: datetime, language: str, layout: str, rng: random.Random) -> str:
    """A publication date line of a page ("Rabu, 17 Januari 2024 21:02 WIB")."""
    day, hhmm = when.date(), f"{when.hour:02d}:{when.minute:02d}"
    if language == "id":
        month = MONTHS_ID[day.month - 1]
        if layout == "blog":
            iso = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            return f"{month} {day.day}, {day.year} Last Updated {iso}"
        if rng.random() < 0.7:
            return f"{DAYS_ID[day.weekday()]}, {day.day} {month} {day.year} {hhmm} WIB"
        return f"{day.day:02d}/{day.month:02d}/{day.year}, {hhmm} WIB"
    month = MONTHS_EN[day.month - 1]
    if rng.random() < 0.5:
        return f"{month} {day.day}, {day.year}"
    hour = when.hour % 12 or 12
    ampm = "AM" if when.hour < 12 else "PM"
    return f"{month} {day.day}, {day.year} {hour}:{when.minute:02d} {ampm} GMT+7"
