"""Output that is read by a pipe or a file: one line per row, or tab-separated with --tsv;
and the ``report`` summary counting each claim once per kind of conflict."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.ids import short_ids
from factcheck.core.models import Conflict, ConflictKind
from factcheck.core.store import Store
from tests.factories import HOSTILE, build_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-settings.toml"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    build_store(Store.open(path)).close()
    return path


def _piped(db: Path, tmp_path: Path, *argv: str) -> str:
    """Run the console script with stdout a pipe (and no terminal on any stream)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_CONFIG": str(tmp_path / "no.toml")}
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE", "FACTCHECK_DB"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "factcheck", *argv, "--db", str(db)], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_piped_claims_keep_one_line_per_claim(db: Path, tmp_path: Path) -> None:
    out = _piped(db, tmp_path, "claims")
    store = Store.open(db)
    short = short_ids(store.raw("claims"))
    for claim in store.claims():
        lines = [line for line in out.splitlines() if f" {short[claim.id]} " in line]
        assert len(lines) == 1, (claim.id, out)
        words = claim.text.split()[:6]  # the claim's opening words, unbroken, on its row
        assert " ".join(words) in lines[0], (claim.text, lines[0])


def test_piped_report_and_sources_are_not_folded(db: Path, tmp_path: Path) -> None:
    out = _piped(db, tmp_path, "sources")
    assert "Putin Kunjungi Korea Utara untuk Pertama Kali" in out
    report = _piped(db, tmp_path, "report")
    assert re.search(r"disputed \(asserted and denied\)\s+1\b", report), report


def test_tsv_is_a_header_and_one_line_per_row(db: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(db)
    hostile = store.claim("c-hostile")
    assert hostile is not None
    with store.transaction() as tx:  # text from a page may hold tabs and newlines
        tx.put("claims", hostile.model_copy(update={"text": "one\ttwo\nthree \x1b[31m" +
                                                    HOSTILE}))
    store.close()
    assert main(["claims", "--tsv", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["id", "kind", "claim", "value", "speaker", "outlets",
                                    "origins", "!", "verdict"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert set(rows) == {"c-visit", "c-arms", "c-hostile"}
    assert all(len(row) == 9 for row in rows.values())
    assert rows["c-hostile"][2].startswith("one two three [31m") and "\x1b" not in lines[3]
    visit = Store.open(db).claim("c-visit")
    assert visit is not None and rows["c-visit"][2] == visit.text
    assert rows["c-visit"][8] == "true"


@pytest.mark.parametrize("command", [["sources"], ["stories"], ["history"],
                                     ["candidates", "c-arms"]])
def test_other_listings_have_tsv_too(db: Path, command: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--tsv", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)
    assert "┃" not in "".join(lines) and "│" not in "".join(lines)


def test_report_counts_a_disputed_claim_once_per_kind(db: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(db)
    arms = store.claim("c-arms")
    assert arms is not None
    passages = [e.passage_id for e in arms.evidence]
    # One dispute as the linker may state it: one denial conflict per pair of passages.
    conflicts = [Conflict(passages=[a, b], kind=ConflictKind.DENIAL, reason="asserted; denied")
                 for a in passages[:2] for b in passages[2:]]
    with store.transaction() as tx:
        tx.put("claims", arms.model_copy(update={"conflicts": conflicts}))
    store.close()
    assert main(["report", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    counts = dict(re.findall(r"^\s+(claims with conflicts|denial|number)\s+(\d+)\s*$", out,
                             re.MULTILINE))
    assert counts == {"claims with conflicts": "2", "denial": "1", "number": "1"}, out
