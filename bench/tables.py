"""Result rows, their targets, the printed table and the JSON file.

A `Row` is one figure: what was measured, at which size, the value, the target it is held to
(if any) and the peak memory of the process that measured it. Rows of a stage that could not
run carry the reason ("n/a (No module named ...)") instead of a value.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.table import Table

MIB = 1024 * 1024


@dataclass
class Row:
    """One figure of the benchmark."""

    stage: str
    measure: str
    size: str
    value: float | None = None
    unit: str = ""
    target: float | None = None
    higher_is_better: bool = False
    peak_mb: float | None = None
    note: str = ""
    error: str | None = None

    @property
    def status(self) -> str:
        """``pass``, ``FAIL``, ``n/a`` (could not run) or ``""`` (no target)."""
        if self.error is not None or self.value is None:
            return "n/a"
        if self.target is None:
            return ""
        ok = self.value >= self.target if self.higher_is_better else self.value <= self.target
        return "pass" if ok else "FAIL"

    def shown(self) -> str:
        """The value as printed (``n/a`` or ``error`` when the stage did not run; the reason
        is printed as the row's note)."""
        if self.error is not None:
            return self.error.split(" ", 1)[0]
        if self.value is None:
            return "n/a"
        return f"{_number(self.value)} {self.unit}".strip()

    def shown_target(self) -> str:
        """The target as printed (``≥ 100 articles/s``)."""
        if self.target is None:
            return ""
        sign = "\u2265" if self.higher_is_better else "\u2264"
        return f"{sign} {_number(self.target)} {self.unit}".strip()


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def render(rows: list[Row], machine: dict[str, Any], title: str) -> Table:
    """The one table the runner prints."""
    table = Table(title=title, caption=_caption(machine), caption_justify="left",
                  show_lines=False)
    for header, justify in (("stage", "left"), ("measure", "left"), ("size", "right"),
                            ("figure", "right"), ("target", "right"), ("", "center"),
                            ("peak RSS", "right")):
        table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("note", overflow="fold", ratio=1)
    for row in rows:
        style = {"pass": "green", "FAIL": "bold red", "n/a": "yellow"}.get(row.status, "")
        peak = f"{row.peak_mb:,.0f} MiB" if row.peak_mb is not None else ""
        table.add_row(row.stage, row.measure, row.size, row.shown(), row.shown_target(),
                      f"[{style}]{row.status}[/]" if style else row.status, peak,
                      row.error or row.note)
    return table


def _caption(machine: dict[str, Any]) -> str:
    load = machine.get("load_before", "?"), machine.get("load_after", "?")
    return (f"{machine['cpu']} \u00d7 {machine['cores']} cores, {machine['ram_gb']} GB RAM, "
            f"Python {machine['python']}, factcheck {machine['factcheck']}, "
            f"{machine['date']}; work dir on {machine['filesystem']}; load average "
            f"{load[0]} before, {load[1]} after")


def machine_info(workdir: Path) -> dict[str, Any]:
    """CPU model, cores, RAM, Python and factcheck versions, date, and the work dir's disk."""
    try:
        from factcheck import __version__ as version
    except ImportError:
        version = "?"
    return {
        "cpu": _cpu_model(), "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gb": _ram_gb(), "python": platform.python_version(),
        "implementation": sys.implementation.name, "platform": platform.platform(),
        "factcheck": version, "date": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "filesystem": _filesystem(workdir), "load_before": _load(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _filesystem(path: Path) -> str:
    """The type of the file system holding ``path`` (fsync on tmpfs proves nothing)."""
    try:
        best, kind = "", "unknown"
        target = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            _, mount, fstype, *_ = line.split()
            if target.startswith(mount) and len(mount) > len(best):
                best, kind = mount, fstype
        return kind
    except OSError:
        return "unknown"


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def write_json(path: Path, rows: list[Row], machine: dict[str, Any], notes: list[str]) -> None:
    """Write the table as JSON: the machine, then one object per row."""
    payload = {
        "machine": machine,
        "notes": notes,
        "rows": [{**asdict(row), "status": row.status, "shown": row.shown(),
                  "shown_target": row.shown_target()} for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
