"""Whether two stated values can both be true: figures with their bounds and stated digits, and
dates at their precision.

Two figures agree when the ranges they allow come closer than one unit of the last digit the
less precise of them states: 58.6 % and 58.59 % agree (0.01 < 0.1), "96.2 million" and 96,214,691
agree (14,691 < 100,000), Rp 7.600 and Rp 7.650 do not (50 >= 1). A hedge such as "about" does not
widen a figure; a bound does: "at least 11" allows 23, "nearly 60 %" allows 57.7 % (read as an
upper bound), "between 18 seconds and 4 minutes" allows 68 seconds.
"""

from __future__ import annotations

import math

from factcheck.core.models import Bound, Slot
from factcheck.core.text.concepts import catalogue

VAGUE_SHARE = 0.5
"""A figure that states no digit ("dozens") is read as this share of its value either way."""


def interval(slot: Slot) -> tuple[float, float]:
    """The values a figure allows (before the tolerance of its stated digits)."""
    assert slot.value is not None
    v = slot.value
    if slot.high is not None:
        return min(v, slot.high), max(v, slot.high)
    if slot.bound in (Bound.AT_LEAST, Bound.MORE_THAN):
        return v, math.inf
    if slot.bound in (Bound.AT_MOST, Bound.LESS_THAN, Bound.NEARLY):
        return -math.inf, v
    return v, v


def tolerance(a: Slot, b: Slot) -> float:
    """One unit of the last digit the less precise figure states."""
    steps = []
    for slot in (a, b):
        if slot.step is None:
            steps.append(abs(slot.value or 0.0) * VAGUE_SHARE)
        else:
            steps.append(slot.step)
    return max(steps)


def figures_agree(a: Slot, b: Slot) -> bool:
    """True when two figures (in one base unit) can both be true."""
    if a.value is None or b.value is None:
        return True
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    gap = max(lo_a, lo_b) - min(hi_a, hi_b)
    return gap < tolerance(a, b) or gap <= 0


def same_figure(a: Slot, b: Slot) -> bool:
    """True when two figures state the very same value and bound ("75" and "Seventy-five")."""
    return (a.value is not None and a.value == b.value and a.bound == b.bound
            and a.high == b.high)


WEEK_SLACK = 7
"""Days either side of an ISO week that still agree with it ("last week" written on a Sunday
often means the days just gone)."""


def _week_range(value: str) -> tuple[str, str] | None:
    """``2024-W02`` -> its first and last day (ISO), widened by `WEEK_SLACK` days."""
    from datetime import date, timedelta

    try:
        year, week = int(value[:4]), int(value[6:8])
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return ((monday - timedelta(days=WEEK_SLACK)).isoformat(),
            (monday + timedelta(days=6 + WEEK_SLACK)).isoformat())


def dates_agree(a: str, b: str) -> bool:
    """True when two ISO dates (day, month or year precision, ISO weeks, or ``start/end``
    ranges) can name the same time."""
    for week, other in ((a, b), (b, a)):
        if len(week) >= 8 and week[5:6] == "W":
            span = _week_range(week)
            if span is not None:
                if len(other) >= 8 and other[5:6] == "W":
                    other_span = _week_range(other)
                    return other_span is not None and not (
                        other_span[1] < span[0] or other_span[0] > span[1])
                day = other[:10]
                return len(day) < 10 or span[0] <= day <= span[1]
    if "/" in a or "/" in b:
        a_lo, _, a_hi = a.partition("/")
        b_lo, _, b_hi = b.partition("/")
        a_hi, b_hi = a_hi or a_lo, b_hi or b_lo
        return max(a_lo, b_lo)[:10] <= min(a_hi, b_hi)[:10] or dates_agree(a_lo, b_lo)
    if a.startswith("--") or b.startswith("--"):  # a day without a year
        return a[-5:] == b[-5:] if len(a) >= 5 and len(b) >= 5 else True
    return a.startswith(b) or b.startswith(a)


def describe(slot: Slot) -> str:
    """A figure or date as a reviewer reads it: ``at least 11``, ``58.6 %``, ``2023-12-03``."""
    if slot.value is None:
        return slot.date or ("denies" if slot.polarity == "denied" else "asserts")
    if slot.unit == "status" and slot.measure:
        return status_name(slot.measure.removeprefix("status:"), slot.value)
    bound = "" if slot.bound == Bound.EXACT else slot.bound.value + " "
    if slot.unit == "s":
        name, size = _time_unit(slot.step)
        value = _plain(slot.value / size)
        if slot.high is not None:
            value = f"{value}-{_plain(slot.high / size)}"
        elif value == "1":
            name = name.removesuffix("s")  # "1 hour", not "1 hours"
        return f"{bound}{value} {name}"
    value = _plain(slot.value)
    if slot.high is not None:
        value = f"{value}-{_plain(slot.high)}"
    unit = {"percent": " %", "m": " m", "count": "", None: ""}.get(slot.unit, f" {slot.unit}")
    return f"{bound}{value}{unit}"


def reading(slot: Slot | None, speaker: str | None = None) -> str:
    """A claim's normalized reading in a few words, for where its sentence is too long: what is
    counted or dated, the value, then who says it and as of when ("dead: at least 11 (BNPB, as
    of 2023-12-04)", "visit: 2000-07", "price: 10,000 idr (denied by Pertamina)"). Empty when
    the slot states no figure and no date, or does not say what it is of (a statement is best
    read as its own words)."""
    if slot is None or (slot.value is None and not slot.date):
        return ""
    measure = (slot.measure or "").removeprefix("status:")
    what = (measure if slot.value is not None else slot.event or measure).replace("_", " ")
    if not what:
        return ""
    who = speaker or ""
    if slot.polarity == "denied":
        who = f"denied by {who}" if who else "denied"
    extras = [e for e in (who, slot.as_of and slot.value is not None and slot.unit != "status"
                          and f"as of {slot.as_of}") if e]
    text = f"{what}: {describe(slot)}"
    return f"{text} ({', '.join(extras)})" if extras else text


_TIME_UNITS = (("years", 31_557_600.0), ("months", 2_629_800.0), ("weeks", 604_800.0),
               ("days", 86_400.0), ("hours", 3_600.0), ("minutes", 60.0), ("seconds", 1.0))
"""Units a span of time is read back in, largest first (a Julian year, its twelfth...)."""


def _time_unit(step: float | None) -> tuple[str, float]:
    """The unit a span was stated in, from its step (the size of its last stated digit)."""
    for name, size in _TIME_UNITS:
        if step is not None and step >= size * 0.999:
            return name, size
    return "seconds", 1.0


def status_name(group: str, value: float) -> str:
    """The word for one value of a status ("unsubsidised", "level advisory")."""
    for concept in catalogue().values():
        if concept.group == group and concept.value == value:
            return concept.key.replace("_", " ")
    return f"{group} {value:g}"


def _plain(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"
