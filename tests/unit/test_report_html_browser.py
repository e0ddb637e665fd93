"""The HTML report in a real browser (headless Chromium): hostile passages run nothing.

A hostile passage carries a ``<script>`` that would set ``document.title`` and an image whose
``onerror`` would set an attribute on ``<body>``. The dumped DOM must show neither effect and must
show the passage as text. A control page proves the harness sees those effects when markup is
live, so these tests can fail.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from factcheck.core.report import export_report
from factcheck.core.report.html import CSP
from factcheck.settings import Settings
from tests.factories import build_store
from tests.unit.test_report_hostile import add_hostile

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                       "(Debian package `chromium`; CI installs it)"),
]

PAYLOAD = ("<script>document.title='PWNED'</script>"
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">")


def dump_dom(page: Path, tmp_path: Path) -> str:
    """Load ``page`` in headless Chromium, let scripts and events run, return the DOM."""
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
               "--virtual-time-budget=3000", "--dump-dom", page.as_uri()]
    # Own process group, so that a hung browser (a live `alert()` blocks headless Chromium)
    # is killed with all its helper processes.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("Chromium did not finish: a script in the page probably opened a dialog")
    assert process.returncode == 0, err[-2000:]
    assert "</html>" in out, err[-2000:]
    return out


def ran(dom: str) -> bool:
    """True when the payload's script or onerror handler ran."""
    return "<title>PWNED</title>" in dom or re.search(r"<body[^>]*data-pwned", dom) is not None


def test_the_harness_sees_live_markup(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>ok</title></head><body><p>{PAYLOAD}</p>"
                    "</body></html>", encoding="utf-8")
    assert ran(dump_dom(page, tmp_path))


@pytest.mark.parametrize("with_csp", [True, False], ids=["as-exported", "csp-removed"])
def test_hostile_passage_runs_nothing_and_shows_as_text(tmp_path: Path, with_csp: bool) -> None:
    store = add_hostile(build_store())
    document = export_report(store, "html", Settings(reviewer="tester"))
    if not with_csp:
        # Escaping alone must be enough: take the browser's second line of defence away.
        meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        assert meta in document
        document = document.replace(meta, "")
    page = tmp_path / "report.html"
    page.write_text(document, encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert not ran(dom)
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;" in dom
    # The factory's own hostile passage too.
    assert "Warga menulis &lt;script&gt;alert(1)&lt;/script&gt; dan &lt;img src=x" in dom


def test_claimreview_embedded_as_json_ld_cannot_leave_its_script_element(tmp_path: Path) -> None:
    store = build_store()
    source = store.sources()[0]
    with store.transaction() as tx:
        tx.put("sources", source.model_copy(update={"title": f"</script>{PAYLOAD}<script>"}))
    from factcheck.core.review import set_verdict

    for claim in store.claims():
        set_verdict(store, claim.id, "false", reviewer="tester")
    document = export_report(store, "claimreview", Settings(reviewer="tester"))
    assert "</script>" not in document and "\\u003c/script\\u003e" in document
    page = tmp_path / "article.html"
    page.write_text("<!DOCTYPE html><html><head><title>ok</title>"
                    f'<script type="application/ld+json">{document}</script></head>'
                    "<body><p>article</p></body></html>", encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert not ran(dom)
    # Unescaped, the same title would have run: the harness would see it.
    raw = page.read_text(encoding="utf-8").replace("\\u003c", "<").replace("\\u003e", ">")
    page.write_text(raw, encoding="utf-8")
    assert ran(dump_dom(page, tmp_path))


def screenshot(page: Path, tmp_path: Path, size: str = "900,2400") -> tuple[int, int, bytes]:
    """Render ``page`` in headless Chromium; (width, height, RGB bytes) of the screenshot."""
    assert CHROMIUM is not None
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={size}",
                    f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=60, check=True, start_new_session=True)
    return decode_png(shot.read_bytes())


def decode_png(data: bytes) -> tuple[int, int, bytes]:
    """The pixels of an 8-bit RGB or RGBA PNG (what Chromium writes), as RGB bytes."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, [], b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * size
    rows, previous = [], bytearray(stride)
    for y in range(height):
        begin = y * (stride + 1)
        kind, line = raw[begin], bytearray(raw[begin + 1:begin + 1 + stride])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 0xFF
        rows.append(bytes(line) if size == 3 else bytes(
            b for i in range(0, stride, 4) for b in line[i:i + 3]))
        previous = line
    return width, height, b"".join(rows)


def test_the_figure_timeline_is_drawn(tmp_path: Path) -> None:
    """The report's timeline chart is real markup for a browser: the SVG and its points are in
    the page as Chromium parsed it, and the points are painted (their blue is on the screen)."""
    from factcheck.core.store import Store
    from tests.unit.test_timeline import flood_store

    page = tmp_path / "report.html"
    page.write_text(export_report(flood_store(Store.memory()), "html", Settings()),
                    encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    svg = re.search(r'<svg class="timeline".*?</svg>', dom, re.S)
    assert svg is not None and len(re.findall(r"<circle", svg.group(0))) == 4
    width, height, pixels = screenshot(page, tmp_path)
    blue = bytes((0x09, 0x69, 0xDA))
    painted = sum(1 for i in range(0, len(pixels), 3) if pixels[i:i + 3] == blue)
    assert painted > 100, painted  # three filled points and four rings, not a blank box
    blank = tmp_path / "blank.html"  # the same page without the chart paints none of it
    blank.write_text(re.sub(r'<figure class="timeline">.*?</figure>', "", page.read_text(),
                            flags=re.S), encoding="utf-8")
    _, _, bare = screenshot(blank, tmp_path)
    assert sum(1 for i in range(0, len(bare), 3) if bare[i:i + 3] == blue) < painted // 10
