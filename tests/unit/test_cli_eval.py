"""``factcheck eval`` on the sample corpus: the figures the issues ask for, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="no sample corpus")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["eval", str(CORPUS / "seeds-gold.json"), "--corpus",
                     str(CORPUS / "seeds"), "--json"])
    data: dict = json.loads(out.getvalue())  # type: ignore[type-arg]
    data["exit_code"] = code
    return data


def test_claims_found_and_precise(report: dict) -> None:  # type: ignore[type-arg]
    assert report["recall"] >= 0.95
    assert report["precision"] >= 0.80
    for kind in ("quantity", "time", "denial"):
        assert report["per_kind"][kind]["recall"] >= 0.90


def test_no_furniture_leaks_and_exit_zero(report: dict) -> None:  # type: ignore[type-arg]
    assert report["leaks"] == []
    assert report["exit_code"] == 0


def test_relations_linked_and_every_contradiction_flagged(
        report: dict) -> None:  # type: ignore[type-arg]
    relations = report["relations"]
    assert relations["recall"] >= 0.85
    contradict = relations["by_label"]["contradict"]
    assert contradict["found"] == contradict["gold"], relations["missed"]


def test_eval_of_a_missing_corpus_is_a_clear_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS / "seeds-gold.json"), "--corpus",
                 str(tmp_path / "none")]) == 1
    assert "not a folder" in capsys.readouterr().err
