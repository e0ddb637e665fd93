"""The figure timeline of a tracked quantity: built from the store, drawn in the TUI's detail,
the HTML report (inline SVG and a table) and the Markdown report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.models import (
    Bound,
    Claim,
    Evidence,
    Kind,
    LinkState,
    Mention,
    Passage,
    Polarity,
    Slot,
    Source,
)
from factcheck.core.report import export_report
from factcheck.core.report.chart import timeline_svg
from factcheck.core.report.data import ExportOptions
from factcheck.core.review import mark
from factcheck.core.store import Store
from factcheck.core.timeline import Timeline, figure_timeline, value_axis
from factcheck.settings import Settings

# (outlet, published, sentence, value, unit, bound, link, polarity)
FIGURES: list[tuple[str, str | None, str, float, str, Bound, str, str]] = [
    ("Daily Ledger", "2025-02-03T08:00:00+07:00",
     "At least 11 people were killed by the floods, officials said.", 11, "people",
     Bound.AT_LEAST, "auto", "asserted"),
    ("Kabar Timur", "2025-02-04T09:00:00+07:00",
     "Korban tewas banjir bertambah menjadi 17 orang.", 17, "people", Bound.EXACT, "auto",
     "asserted"),
    ("Coast Post", "2025-02-05T10:00:00+07:00",
     "The death toll from the floods has risen to 23.", 23, "people", Bound.EXACT,
     "confirmed", "asserted"),
    ("Warta <b>Kota</b>", None, "Sebanyak 20 orang meninggal akibat banjir.", 20, "people",
     Bound.EXACT, "suggested", "asserted"),
    ("Harbour Times", "2025-02-05T12:00:00+07:00",
     "Officials denied that 40 people had died.", 40, "people", Bound.EXACT, "auto",
     "denied"),
    ("Valley News", "2025-02-05T13:00:00+07:00",
     "Rainfall reached 23 percent above normal.", 23, "percent", Bound.EXACT, "auto",
     "asserted"),
]


def flood_store(store: Store) -> Store:
    """One tracked death toll told by six outlets (one a denial, one in another unit)."""
    evidence, n = [], 0
    with store.transaction() as tx:
        for n, (outlet, published, sentence, value, unit, bound, link, polarity) in enumerate(
                FIGURES):
            sid, pid, mid = f"s-{n}", f"p-{n}", f"m-{n}"
            tx.put("sources", Source(id=sid, file=f"{n}.txt", sha256=f"{n:064d}", text=sentence,
                                     outlet=outlet, published=published, language="en"))
            tx.put("passages", Passage(id=pid, source_id=sid, start=0, end=len(sentence),
                                       text=sentence))
            slot = Slot(kind=Kind.QUANTITY, measure="dead" if unit == "people" else "rainfall",
                        unit=unit, value=value, bound=bound, running=True,
                        polarity=Polarity(polarity))
            tx.put("mentions", Mention(id=mid, source_id=sid, passage_id=pid, start=0,
                                       end=len(sentence), text=sentence, kind=Kind.QUANTITY,
                                       slot=slot))
            evidence.append(Evidence(mention_id=mid, passage_id=pid, source_id=sid,
                                     link=LinkState(link), polarity=Polarity(polarity)))
        tx.put("claims", Claim(id="c-toll", kind=Kind.QUANTITY, text=FIGURES[0][2],
                               evidence=evidence, score=0.9, outlets=n + 1, origins=n + 1))
    return store


def _timeline(store: Store) -> Timeline:
    made = figure_timeline(store.raw("claims")["c-toll"], store.raw("mentions"),
                           store.raw("sources"),
                           (store.raw("reviews").get("c-toll") or {}).get("marks"))
    assert made is not None
    return made


def test_the_points_are_each_outlets_figure_in_publication_order() -> None:
    timeline = _timeline(flood_store(Store.memory()))
    assert [(p.outlet, p.shown) for p in timeline.points] == [
        ("Daily Ledger", "at least 11 people"), ("Kabar Timur", "17 people"),
        ("Coast Post", "23 people"), ("Warta <b>Kota</b>", "20 people")]  # undated last
    assert [p.suggested for p in timeline.points] == [False, False, False, True]
    assert timeline.moved and timeline.values == [11, 17, 20, 23]
    assert timeline.title == "dead (people)"


def test_a_row_marked_unrelated_is_no_point() -> None:
    store = flood_store(Store.memory())
    mark(store, "c-toll", "p-1", "unrelated", "ann")
    assert "Kabar Timur" not in {p.outlet for p in _timeline(store).points}


def test_no_timeline_for_one_figure_or_another_kind() -> None:
    store = flood_store(Store.memory())
    claim: dict[str, Any] = dict(store.raw("claims")["c-toll"])
    one = {**claim, "evidence": claim["evidence"][:1]}
    assert figure_timeline(one, store.raw("mentions"), store.raw("sources")) is None
    assert figure_timeline({**claim, "kind": "time"}, store.raw("mentions"),
                           store.raw("sources")) is None


@pytest.mark.parametrize(("values", "axis"), [
    ([11, 23], (0.0, 25.0)),
    ([58.6, 58.83, 57.7], (57.0, 59.0)),  # close figures: the scale starts near them
])
def test_the_value_axis(values: list[float], axis: tuple[float, float]) -> None:
    timeline = Timeline(measure="share", unit="percent", points=tuple(
        _point(v) for v in values))
    assert value_axis(timeline) == axis


def _point(value: float) -> Any:
    from factcheck.core.timeline import Point

    return Point(source_id="s", outlet="o", published=None, value=value, high=None,
                 bound="exact", shown=str(value), passage_id="p", suggested=False)


def test_the_html_report_draws_the_chart_and_its_table() -> None:
    html = export_report(flood_store(Store.memory()), "html", Settings())
    svg = re.search(r'<svg class="timeline".*?</svg>', html, re.S)
    assert svg is not None
    circles = re.findall(r'<circle class="point"[^>]*fill="([^"]+)"', svg.group(0))
    assert len(circles) == 4 and circles.count("#ffffff") == 1  # the suggestion is hollow
    assert "<b>" not in svg.group(0) and "Warta &lt;b&gt;Kota&lt;/b&gt;" in svg.group(0)
    assert "≥11" in svg.group(0)  # the bound is shown
    assert "Figures over time: dead (people); the outlets give 4 different values" in html
    assert "<td>Coast Post</td><td>2025-02-05</td><td>23 people</td>" in html
    assert "40 people" not in svg.group(0) and "23 percent" not in html.split("<svg")[1]


def test_the_markdown_report_has_the_table() -> None:
    text = export_report(flood_store(Store.memory()), "md", Settings(), ExportOptions(lang="id"))
    assert "Angka dari waktu ke waktu: dead (people); media memberi 4 angka berbeda" in text
    assert "| Kabar Timur | 2025-02-04 | 17 people |" in text
    assert "| Warta <b>Kota</b> |" not in text  # markup escaped


def test_the_svg_is_well_formed_xml() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(timeline_svg(_timeline(flood_store(Store.memory()))))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_the_tui_detail_shows_the_figures_over_time(tmp_path: Path) -> None:
    from tests.tui.helpers import app_for, drive, pane_text

    path = tmp_path / "claims.json"
    flood_store(Store.open(path)).close()
    app = app_for(path)
    shown: list[str] = []

    async def steps(pilot: Any) -> None:
        shown.append(pane_text(app, "#detail"))

    drive(app, steps, size=(120, 40))
    lines = [line.strip() for line in shown[0].splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("figures over time"))
    assert "dead (people) · 4 different values" in lines[start]
    rows = lines[start + 1:start + 5]
    assert rows[0].startswith("2025-02-03") and rows[0].endswith("at least 11 people")
    assert rows[2].startswith("2025-02-05") and rows[2].endswith("23 people")
    assert rows[3].startswith("undated") and rows[3].endswith("(suggested link)")
    bars = [row.count("█") for row in rows[:3]]
    assert bars[0] < bars[1] < bars[2]  # a longer bar for a larger figure
    assert "█" not in rows[3] and bars[1] < rows[3].count("░") < bars[2]  # hollow: suggested
