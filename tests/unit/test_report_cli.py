"""``factcheck export`` and ``factcheck report`` end to end, through `factcheck.cli.main`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.report import FORMATS
from factcheck.core.store import Store
from tests.factories import build_store


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-settings.toml"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    store = Store.open(path)
    build_store(store)
    store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """``text`` with the console's line wrapping undone."""
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_stdout_and_to_a_file(db: Path, tmp_path: Path, fmt: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--format", fmt, "--db", str(db))
    assert (code, err) == (0, "")
    assert "Putin" in out
    target = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, "export", "--format", fmt, "-o", str(target), "--db", str(db))
    assert code == 0 and err == ""
    assert "Wrote the" in out and str(target.name) in out
    written = target.read_bytes().decode("utf-8")
    assert "Putin" in written
    if fmt in ("json", "claimreview"):
        json.loads(written)
    if fmt == "csv":
        assert written.startswith("\ufeffclaim_id,") and "\r\n" in written
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_reviewed_only_claim_and_lang(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "-f", "json", "--reviewed-only", "--db", str(db))
    assert code == 0
    assert [c["id"] for c in json.loads(out)["claims"]] == ["c-visit", "c-arms"]
    code, out, _ = run(capsys, "export", "-f", "json", "--claim", "c-hostile", "--claim",
                       "c-arms", "--db", str(db))
    assert code == 0
    assert [c["id"] for c in json.loads(out)["claims"]] == ["c-arms", "c-hostile"]
    code, out, _ = run(capsys, "export", "-f", "csv", "--claim", "c-visit", "c-arms",
                       "--db", str(db))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert {r["claim_id"] for r in rows} == {"c-visit", "c-arms"}
    code, out, _ = run(capsys, "export", "--lang", "id", "--db", str(db))
    assert code == 0
    for heading in ("Berita", "Hasil Cek Fakta", "Kesimpulan", "Rujukan"):
        assert f"#### {heading}\n" in out


def test_unknown_claim_is_a_one_line_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--claim", "c-visit", "c-nope", "--db", str(db))
    assert code == 1 and out == ""
    assert err.startswith("error: no claim 'c-nope'")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_unwritable_outputs_are_one_line_errors(db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for target, reason in ((tmp_path / "missing" / "r.md", "no such folder"),
                           (tmp_path, "it is a folder")):
        code, out, err = run(capsys, "export", "-o", str(target), "--db", str(db))
        assert code == 1 and out == ""
        assert err.startswith("error: ") and reason in flat(err)
        assert "Traceback" not in err
    before = db.read_bytes()
    code, _, err = run(capsys, "export", "-o", str(db), "--db", str(db))
    assert code == 1 and "that is the store itself" in flat(err)
    assert db.read_bytes() == before


def test_a_file_is_replaced_whole(db: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report " * 10_000, encoding="utf-8")
    code, _, _ = run(capsys, "export", "-f", "html", "-o", str(target), "--claim", "c-arms",
                     "--db", str(db))
    assert code == 0
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "old report" not in written


def test_missing_store_and_empty_store(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--db", str(tmp_path / "nothere.json"))
    assert code == 1 and "no such store" in flat(err)
    path = tmp_path / "empty.json"
    store = Store.open(path)
    with store.transaction() as tx:  # a store with a header and nothing else
        tx.put("sources", {"id": "x"}, doc_id="x")
    with store.transaction() as tx:
        tx.delete("sources", "x")
    store.close()
    code, out, _ = run(capsys, "export", "-f", "json", "--db", str(path))
    assert code == 0
    data = json.loads(out)
    assert data["claims"] == [] and data["sources"] == []
    code, out, _ = run(capsys, "export", "-f", "claimreview", "--db", str(path))
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "report", "--db", str(path))
    assert code == 0 and "Reviewed 0 of 0" in out


def test_claimreview_uses_the_settings_organization(db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[organization]\nname = "Cek Fakta Desk"\nurl = "https://cek.example"\n',
                      encoding="utf-8")
    code, out, _ = run(capsys, "export", "-f", "claimreview", "--config", str(config),
                       "--db", str(db))
    assert code == 0
    first = json.loads(out)[0]
    assert first["author"]["name"] == "Cek Fakta Desk"
    assert first["url"] == "https://cek.example#c-visit"


def test_report_summary(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "--db", str(db))
    assert code == 0 and err == ""
    assert "Reviewed 2 of 3 tracked claims" in out
    for word in ("Claims by verdict", "Conflicts", "Outlets", "Reviewers", "Kabar Harian",
                 "budi", "rina", "Cohen's kappa"):
        assert word in out
