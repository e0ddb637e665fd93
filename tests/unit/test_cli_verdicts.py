"""Verdict names: keys and labels in either language, any case, one order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.store import Store
from factcheck.settings import DEFAULT_VERDICTS
from tests.factories import build_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-settings.toml"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    build_store(Store.open(path), reviewed=False).close()
    return path


def _verdict(db: Path) -> str | None:
    review = Store.open(db).review("c-visit")
    return review.verdict.label if review and review.verdict else None


@pytest.mark.parametrize(("name", "key"), [
    ("true", "true"), ("True", "true"), ("TRUE", "true"), ("Benar", "true"),
    ("partly true", "partly_true"), ("Partly true", "partly_true"),
    ("partly_true", "partly_true"), ("Partly-True", "partly_true"),
    ("sebagian benar", "partly_true"), ("Sebagian  Benar", "partly_true"),
    ("MISLEADING", "misleading"), ("menyesatkan", "misleading"), ("Salah", "false"),
    ("Diperdebatkan", "disputed"), ("tidak dapat diverifikasi", "unverifiable"),
    ("Unverifiable", "unverifiable"),
])
def test_a_verdict_is_named_by_key_or_label(db: Path, name: str, key: str) -> None:
    assert main(["verdict", "c-visit", name, "--db", str(db), "--reviewer", "tess"]) == 0
    assert _verdict(db) == key


def test_every_label_of_the_tui_is_accepted(db: Path) -> None:
    for option in DEFAULT_VERDICTS:
        for label in (option.label("en"), option.label("id")):
            assert main(["verdict", "c-visit", label, "--db", str(db)]) == 0, label
            assert _verdict(db) == option.key


def _in_scale_order(text: str) -> bool:
    places = [text.find(f"{option.key} (") for option in DEFAULT_VERDICTS]
    return -1 not in places and places == sorted(places)


def test_an_unknown_verdict_lists_the_scale_in_its_order(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = db.read_bytes()
    assert main(["verdict", "c-visit", "sortof", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unknown verdict 'sortof'; choose one of: true (True, Benar), "
                          "partly_true (Partly true, Sebagian benar), misleading (")
    assert _in_scale_order(err) and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_the_order_does_not_change_between_runs(db: Path, tmp_path: Path) -> None:
    messages = set()
    for seed in ("1", "2", "3", "4"):  # set order follows the hash seed; the scale's does not
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT),
               "FACTCHECK_CONFIG": str(tmp_path / "none.toml")}
        done = subprocess.run([sys.executable, "-m", "factcheck", "verdict", "c-visit", "meh",
                               "--db", str(db)], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False, timeout=120)
        assert done.returncode == 1
        messages.add(" ".join(done.stderr.split()))
    assert len(messages) == 1


def test_help_lists_the_scale_in_its_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verdict", "--help"])
    assert _in_scale_order(" ".join(capsys.readouterr().out.split()))


def test_a_custom_scale_is_named_by_its_own_labels(db: Path, tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[[verdicts]]\nkey = "hoax"\nid = "Hoaks"\nen = "Hoax"\nrating = 1\n\n'
                      '[[verdicts]]\nkey = "fact"\nid = "Fakta"\nen = "Fact"\nrating = 5\n',
                      encoding="utf-8")
    assert main(["verdict", "c-visit", "HOAKS", "--db", str(db), "--config", str(config)]) == 0
    assert _verdict(db) == "hoax"
    assert main(["--config", str(config), "verdict", "c-visit", "true", "--db", str(db)]) == 1
    assert _verdict(db) == "hoax"
