"""Reviews survive new articles: a reviewed store takes related and unrelated pages, and every
mark, note and verdict is still there, under the same claim id and headline, in every export
format. (Ingesting unrelated pages once re-grouped the sample claims: reviewed ids vanished and
"Reviewed 1 of 45" became "Reviewed 0 of 56".)"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.models import DENIED_SUFFIX, review_rows
from factcheck.core.store import Store

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
RELATED = Path(__file__).resolve().parents[1] / "data" / "related"

pytestmark = pytest.mark.skipif(not (CORPUS / "dev" / "articles").is_dir(),
                                reason="no sample and dev corpus")


def _export(db: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["export", "--format", fmt, "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_every_review_survives_related_and_unrelated_pages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "claims.json"
    assert main(["ingest", str(CORPUS / "seeds"), "--db", str(db)]) == 0
    with Store.open(db) as store:
        claims = sorted(store.raw("claims").items())
    # Review a spread of claims: verdicts, notes, a mark on every row of some.
    reviewed: dict[str, dict[str, object]] = {}
    for n, (claim_id, claim) in enumerate(claims[::4][:8]):
        rows = [k for k, _ in review_rows(claim["evidence"])]
        who = ["tess", "rina"][n % 2]
        base = ["--db", str(db), "--reviewer", who]
        for key in rows[:2]:
            passage = key.removesuffix(DENIED_SUFFIX)
            extra = ["--denial"] if key.endswith(DENIED_SUFFIX) else []
            assert main(["mark", claim_id, passage, "supports", *extra, *base]) == 0
        note = f"checked with the desk, case {n}"
        assert main(["note", claim_id, note, *base]) == 0
        verdict = ["true", "false", "misleading"][n % 3]
        assert main(["verdict", claim_id, verdict, "-e", f"reason {n}", *base]) == 0
        reviewed[claim_id] = {"text": claim["text"], "kind": claim["kind"], "note": note,
                              "verdict": verdict, "marks": rows[:2], "who": who}

    assert main(["ingest", str(RELATED), "--db", str(db)]) == 0
    assert main(["ingest", str(CORPUS / "dev" / "articles"), "--db", str(db)]) == 0

    with Store.open(db) as store:
        for claim_id, want in reviewed.items():
            claim = store.raw("claims").get(claim_id)
            assert claim is not None, f"{claim_id} vanished"
            assert (claim["text"], claim["kind"]) == (want["text"], want["kind"])
            review = store.review(claim_id)
            assert review is not None and review.verdict is not None
            assert review.verdict.label == want["verdict"]
            assert [n.text for n in review.notes] == [want["note"]]
            for key in want["marks"]:  # type: ignore[attr-defined]
                assert review.marks[key][want["who"]].stance == "supports"

    data = json.loads(_export(db, "json", capsys))
    by_id = {c["id"]: c for c in data["claims"]}
    for claim_id, want in reviewed.items():
        claim = by_id[claim_id]
        assert claim["text"] == want["text"]
        assert claim["verdict"]["label"] == want["verdict"]
        assert [n["text"] for n in claim["notes"]] == [want["note"]]
        marked = [p for p in claim["passages"] if p["marks"]]
        assert len(marked) == len(want["marks"])  # type: ignore[arg-type]

    rows = list(csv.DictReader(io.StringIO(_export(db, "csv", capsys).lstrip("\ufeff"))))
    for claim_id, want in reviewed.items():
        mine = [r for r in rows if r["claim_id"] == claim_id]
        assert mine and sum(1 for r in mine if want["who"] in r["marks"]) == len(
            want["marks"])  # type: ignore[arg-type]
        assert all(want["note"] in r["claim_notes"] for r in mine)  # type: ignore[operator]

    for fmt in ("md", "html"):
        page = _export(db, fmt, capsys)
        for claim_id, want in reviewed.items():
            assert claim_id in page, (fmt, claim_id)
            assert str(want["note"]) in page, (fmt, claim_id)
            assert f"reason {list(reviewed).index(claim_id)}" in page, (fmt, claim_id)

    items = json.loads(_export(db, "claimreview", capsys))
    shown = [item["itemReviewed"]["text"] for item in items]
    for want in reviewed.values():
        assert str(want["text"]) in shown, want["text"]
    assert len(items) == len(reviewed)  # one ClaimReview per verdict, no more, no fewer
