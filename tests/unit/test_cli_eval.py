"""``factcheck eval`` end to end on the sample pages and on the dev corpus (pages of three other
stories): the figures agree with the reference scorer, and quality stays above measured floors.

The floors sit just under what the tool measures today (README, "Evaluation"); they catch a
change that loses claims or links, on the pages the rules were written against and on the dev
pages alike. The issue's targets are higher where the tool does not reach them yet (the README
says so); raise a floor when the tool improves.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="no sample corpus")

SEEDS = (CORPUS / "seeds-gold.json", CORPUS / "seeds", None)
DEV = (CORPUS / "dev" / "gold.json", CORPUS / "dev" / "articles", CORPUS / "dev" / "relations.json")

FLOORS = {
    "seeds": {"recall": 0.95, "precision": 0.80, "rel_recall": 0.90, "contra_recall": 0.80,
              "link_precision": 0.68, "candidates": 0.85},
    "dev": {"recall": 0.92, "precision": 0.80, "rel_recall": 0.80, "contra_recall": 0.75,
            "link_precision": 0.75, "candidates": 0.88, "settled_precision": 0.86},
}
"""Dev's automatic links are held against the gold too (0.879 today; read pair by pair, 111 of
115 state the same fact: README, "Quality")."""


def _eval(gold: Path, corpus: Path, relations: Path | None) -> dict[str, Any]:
    args = ["eval", str(gold), "--corpus", str(corpus), "--json"]
    if relations is not None:
        args += ["--relations", str(relations)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    data: dict[str, Any] = json.loads(out.getvalue())
    data["exit_code"] = code
    return data


@pytest.fixture(scope="module", params=["seeds", "dev"])
def report(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name = request.param
    return name, _eval(*(SEEDS if name == "seeds" else DEV))


def test_claims_found_and_precise(report: tuple[str, dict[str, Any]]) -> None:
    name, data = report
    assert data["recall"] >= FLOORS[name]["recall"], data["missed"]
    assert data["precision"] >= FLOORS[name]["precision"]
    assert data["leaks"] == [] and data["exit_code"] == 0


def test_relations_linked_and_contradictions_flagged(report: tuple[str, dict[str, Any]]) -> None:
    name, data = report
    floors = FLOORS[name]
    assert data["rel_recall"] >= floors["rel_recall"]
    assert data["contra_recall"] >= floors["contra_recall"]
    assert data["link_precision"] >= floors["link_precision"]
    seen = data["candidate_recall"]
    assert seen["seen"] / seen["claims"] >= floors["candidates"]
    if "settled_precision" in floors:
        assert data["settled"]["link_precision"] >= floors["settled_precision"]
    # Per story and per fact cluster, the parts add up to the whole.
    assert sum(s["relations"] for s in data["stories"]) == data["relations"]
    found = round(data["rel_recall"] * data["relations"])
    assert sum(c["found"] for c in data["clusters"]) == found


def test_the_dev_stories_are_told_apart(report: tuple[str, dict[str, Any]]) -> None:
    name, data = report
    if name == "dev":
        assert len(data["stories"]) == 3  # eruption, election result, fuel prices


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_eval_agrees_with_the_reference_scorer(corpus: str, tmp_path: Path) -> None:
    gold, folder, relations = SEEDS if corpus == "seeds" else DEV
    store, export = tmp_path / "claims.json", tmp_path / "export.json"
    assert main(["ingest", "--db", str(store), str(folder)]) == 0
    assert main(["export", "--db", str(store), "--format", "json", "-o", str(export)]) == 0
    args = [sys.executable, str(CORPUS / "score.py"), str(export), str(gold), str(folder)]
    if relations is not None:
        args.append(str(relations))
    reference = subprocess.run(args, capture_output=True, text=True, check=True)
    assert reference.stdout.strip().splitlines()[-1] == _eval(gold, folder, relations)["reference"]


def test_eval_of_a_missing_corpus_is_a_clear_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS / "seeds-gold.json"), "--corpus",
                 str(tmp_path / "none")]) == 1
    assert "not a folder" in capsys.readouterr().err
