"""The figure timeline as an inline SVG chart (the HTML report) and as a table (both reports).

The chart puts publication time across and the value up: a count that moved climbs from left to
right, outlets that disagree at one time stand one above another. Points a page gave no date for
sit in a band of their own at the right. A hollow point is only a suggested link; ``≥`` / ``≤``
/ ``~`` before a value is its bound (at least, at most or nearly, about). The SVG is plain
markup: no script, no font, no outside reference, every string escaped, so it passes the
report's Content-Security-Policy and prints.
"""

from __future__ import annotations

import html
from datetime import datetime

from factcheck.core.report.text import word
from factcheck.core.timeline import Point, Timeline, nice_step, value_axis

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 58, 24, 18, 48
UNDATED_BAND = 110
"""Width of the band at the right that holds the points without a publication date."""
RADIUS = 5
INK, MUTED, LINE, POINT = "#1f2328", "#59636e", "#d1d9e0", "#0969da"
BOUND_SIGN = {"at least": "≥", "more than": ">", "up to": "≤", "less than": "<", "nearly": "≲",
              "about": "~"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _time(point: Point) -> float | None:
    if not point.published:
        return None
    text = point.published.replace("Z", "+00:00")
    for candidate in (text, text[:10], text[:7] + "-01"):
        try:
            return datetime.fromisoformat(candidate).timestamp()
        except ValueError:
            continue
    return None


def _plain(value: float) -> str:
    """A short axis or point label: ``502.24 tn``, ``96.2 m``, ``1,250``, ``58.59``."""
    for size, name in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:.5g} {name}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def summary(timeline: Timeline, lang: str) -> str:
    """One line saying what the chart shows (its accessible name and caption)."""
    told = (word("timeline_moved", lang).format(n=len(timeline.values)) if timeline.moved
            else word("timeline_same", lang))
    return f"{word('chart', lang)}: {timeline.title}; {told}"


def timeline_svg(timeline: Timeline, lang: str = "en") -> str:
    """The chart as an ``<svg>`` element."""
    times = {id(p): _time(p) for p in timeline.points}
    dated = [p for p in timeline.points if times[id(p)] is not None]
    undated = [p for p in timeline.points if times[id(p)] is None]
    band_width = (UNDATED_BAND if dated else WIDTH - RIGHT - LEFT) if undated else 0
    right_edge = WIDTH - RIGHT - band_width
    bottom_value, top_value = value_axis(timeline)
    plot_h = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - bottom_value) / (top_value - bottom_value))

    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
           f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-label="{_e(summary(timeline, lang))}" font-family="sans-serif" '
           f'font-size="11">']
    lines = round((top_value - bottom_value) / nice_step((top_value - bottom_value) / 4))
    for i in range(lines + 1):  # the value axis: a line at each round value, labelled
        value = bottom_value + (top_value - bottom_value) * i / lines
        at = y(value)
        out.append(f'<line x1="{LEFT}" y1="{at:.1f}" x2="{WIDTH - RIGHT}" y2="{at:.1f}" '
                   f'stroke="{LINE}" stroke-width="1"/>'
                   f'<text x="{LEFT - 6}" y="{at + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                   f"{_e(_plain(value))}</text>")
    placed: list[tuple[Point, float]] = []
    stamps = sorted({times[id(p)] or 0.0 for p in dated})
    if len(stamps) > 1:
        span = stamps[-1] - stamps[0]
        place = {t: LEFT + 30 + (right_edge - LEFT - 60) * (t - stamps[0]) / span for t in stamps}
    else:
        place = {t: (LEFT + right_edge) / 2 for t in stamps}
    at_time: dict[float, int] = {}
    for point in dated:
        stamp = times[id(point)] or 0.0
        n = at_time.get(stamp, 0)
        at_time[stamp] = n + 1
        placed.append((point, place[stamp] + (n + 1) // 2 * 14 * (1 if n % 2 else -1)))
    for stamp in stamps:  # the time axis: one label per publication day shown
        day = datetime.fromtimestamp(stamp).strftime("%d %b %Y")
        out.append(f'<text x="{place[stamp]:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                   f'text-anchor="middle" fill="{MUTED}">{_e(day)}</text>')
    if undated:
        band = right_edge + (10 if dated else 0)
        if dated:
            out.append(f'<line x1="{band - 5}" y1="{TOP}" x2="{band - 5}" '
                       f'y2="{HEIGHT - BOTTOM}" stroke="{LINE}" stroke-dasharray="3 3"/>')
        out.append(f'<text x="{band + (band_width - 10) / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                   f'text-anchor="middle" fill="{MUTED}">{_e(word("undated", lang))}</text>')
        step = (band_width - 20) / max(1, len(undated))
        placed += [(p, band + 10 + step * (i + 0.3)) for i, p in enumerate(undated)]
    if len(dated) > 1:  # the reported value as time went on
        path = " ".join(f"{x:.1f},{y(p.value):.1f}" for p, x in placed if p in dated)
        out.append(f'<polyline points="{path}" fill="none" stroke="{POINT}" '
                   f'stroke-opacity="0.35" stroke-width="1.5"/>')
    last_x, low_label = -1e9, False
    for point, x in placed:
        at = y(point.value)
        low_label = (not low_label) if x - last_x < 80 else False  # neighbours take turns
        last_x = x
        shift = 22 if low_label else 0
        if point.high is not None:
            out.append(f'<line x1="{x:.1f}" y1="{at:.1f}" x2="{x:.1f}" y2="{y(point.high):.1f}" '
                       f'stroke="{POINT}" stroke-width="3" stroke-opacity="0.5"/>')
        fill = "#ffffff" if point.suggested else POINT
        note = f" ({word('suggested_link', lang)})" if point.suggested else ""
        when = (point.published or word("undated", lang))[:10]
        out.append(f'<circle class="point" cx="{x:.1f}" cy="{at:.1f}" r="{RADIUS}" '
                   f'fill="{fill}" stroke="{POINT}" stroke-width="2">'
                   f"<title>{_e(f'{point.outlet}, {when}: {point.shown}{note}')}</title>"
                   "</circle>")
        label = f"{BOUND_SIGN.get(point.bound, '')}{_plain(point.value)}"
        near_edge = x > WIDTH - RIGHT - 90  # labels go left of a point near the right edge
        tx, anchor = (x - 8, "end") if near_edge else (x + 8, "start")
        out.append(f'<text x="{tx:.1f}" y="{at - 6 + shift:.1f}" fill="{INK}" '
                   f'text-anchor="{anchor}">{_e(label)}</text><text x="{tx:.1f}" '
                   f'y="{at + 8 + shift:.1f}" fill="{MUTED}" font-size="9" '
                   f'text-anchor="{anchor}">{_e(point.outlet[:18])}</text>')
    out.append("</svg>")
    return "".join(out)


def timeline_table(timeline: Timeline, lang: str = "en") -> list[tuple[str, str, str]]:
    """The points as rows of (outlet, publication date, figure) for a table beside the chart."""
    return [(p.outlet, (p.published or "")[:10] or word("undated", lang),
             p.shown + (f" ({word('suggested_link', lang)})" if p.suggested else ""))
            for p in timeline.points]
