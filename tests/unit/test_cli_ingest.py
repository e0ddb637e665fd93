"""``factcheck ingest`` end to end: idempotence, new versions, bad input among good input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.store import Store

ARTICLE = """Banjir Rendam 300 Rumah di Sukamaju

Editor: Rina Wijaya

Senin, 4 Maret 2024 10:15 WIB

SUKAMAJU, HARIANKITA.COM - Banjir bandang merendam sedikitnya 300 rumah di Kecamatan \
Sukamaju pada Minggu malam, kata Kepala BPBD Sukamaju Budi Santoso.

Budi mengatakan dua orang dilaporkan hilang dan tim SAR masih melakukan pencarian.

Menurut BPBD, curah hujan mencapai 150 milimeter dalam enam jam.

Baca juga: Gempa Guncang Kabupaten Tetangga
"""


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "banjir.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _content(db: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    store = Store.open(db)
    return {t: {k: {f: v for f, v in d.items() if f != "ingested_at"}
                for k, d in store.raw(t).items()}
            for t in ("sources", "passages", "mentions", "claims")}


def test_ingesting_the_same_folder_twice_changes_nothing(
        pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "claims.json"
    assert main(["ingest", str(pages), "--db", str(db)]) == 0
    first = _content(db)
    assert first["sources"] and first["claims"]
    assert main(["ingest", str(pages), "--db", str(db)]) == 0
    assert "0 stored, 1 unchanged" in capsys.readouterr().out
    assert _content(db) == first


def test_a_changed_file_is_a_new_version_and_reviews_follow(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "claims.json"
    assert main(["ingest", str(pages), "--db", str(db)]) == 0
    store = Store.open(db)
    by_text = {p.text: p for p in store.passages()}
    kept = next(p for t, p in by_text.items() if t.startswith("Budi mengatakan"))
    gone = next(p for t, p in by_text.items() if t.startswith("Menurut BPBD"))
    claim_of = {e.passage_id: c.id for c in store.claims() for e in c.evidence}
    for passage in (kept, gone):
        assert main(["mark", claim_of[passage.id], passage.id, "supports", "--db", str(db),
                     "--reviewer", "tess"]) == 0
    changed = ARTICLE.replace("Menurut BPBD, curah hujan mencapai 150 milimeter dalam enam jam.",
                              "Menurut BPBD, curah hujan mencapai 180 milimeter dalam lima jam.")
    (pages / "banjir.txt").write_text(changed, encoding="utf-8")

    out = tmp_path / "out.json"
    with out.open("w") as handle:
        import contextlib

        with contextlib.redirect_stdout(handle):
            assert main(["ingest", str(pages), "--db", str(db), "--json"]) == 0
    summary = json.loads(out.read_text())["files"][0]
    assert summary["status"] == "new version"
    assert any(gone.id in w and "gone" in w for w in summary["warnings"])

    store = Store.open(db)
    current = store.sources()
    assert [(s.version, s.superseded_by) for s in current] == [(2, None)]
    assert len(store.sources(current_only=False)) == 2
    # The review on the passage that still exists is kept and still shown with its claim.
    claim_of = {e.passage_id: c.id for c in store.claims() for e in c.evidence}
    review = store.review(claim_of[kept.id])
    assert review is not None and review.marks[kept.id]["tess"].stance == "supports"
    # The review on the vanished passage is not dropped silently: still in the store.
    assert any(gone.id in r.marks for r in store.reviews().values())


def test_bad_inputs_are_reported_and_the_good_ones_still_stored(
        pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (bad / "garbage.txt").write_bytes(bytes([0xFF, 0xFE, 0x00, 0xD8]) * 500)
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    db = tmp_path / "claims.json"
    code = main(["ingest", str(pages), str(bad), str(empty_folder), str(tmp_path / "missing"),
                 "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.out + captured.err
    for name, problem in (("empty.txt", "empty"), ("image.txt", "binary"),
                          ("nothing", "no articles"), ("missing", "no such file")):
        lines = [line for line in captured.out.splitlines()
                 if name in line and line.startswith("error")]
        assert lines and problem in lines[0], (name, captured.out)
    assert [s.file for s in Store.open(db).sources()] == ["banjir.txt"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"{not json", "not valid JSON"), (b'{"a": 1}', "not a factcheck store"),
     (b'{"_meta": {"store": {"format": "factcheck", "schema_version": 99}}}', "newer")],
)
def test_a_bad_store_is_never_overwritten(pages: Path, tmp_path: Path, content: bytes,
                                          problem: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "claims.json"
    db.write_bytes(content)
    assert main(["ingest", str(pages), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert problem in err and str(db) in err and "Traceback" not in err
    assert db.read_bytes() == content


def test_big_file_is_refused_cleanly(pages: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    big = pages / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    db = tmp_path / "claims.json"
    assert main(["ingest", str(pages), "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "big.txt" in out and "error" in out
    assert [s.file for s in Store.open(db).sources()] == ["banjir.txt"]
    shutil.rmtree(pages)


def test_re_extracting_and_re_linking_keep_every_review(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "claims.json"
    assert main(["ingest", str(pages), "--db", str(db)]) == 0
    store = Store.open(db)
    claim = store.claims()[0]
    passage = claim.evidence[0].passage_id
    for argv in (["mark", claim.id, passage, "contradicts"],
                 ["note", claim.id, "Asked the BPBD office"],
                 ["verdict", claim.id, "misleading"]):
        assert main([*argv, "--db", str(db), "--reviewer", "tess"]) == 0
    before = Store.open(db).raw("reviews")
    assert main(["extract", "--db", str(db)]) == 0
    assert main(["link", "--db", str(db)]) == 0
    after = Store.open(db)
    assert after.raw("reviews") == before
    assert after.claim(claim.id) is not None  # the claim kept its id, so the review still applies
    assert passage in {e.passage_id for e in after.claim(claim.id).evidence}  # type: ignore[union-attr]


def test_a_third_version_supersedes_the_second_reading_only_the_sources_it_needs(
        pages: Path, tmp_path: Path) -> None:
    from factcheck.core import pipeline

    db = tmp_path / "claims.json"
    other = tmp_path / "other"
    other.mkdir()
    (other / "lain.txt").write_text(ARTICLE.replace("300 rumah", "40 rumah"), encoding="utf-8")
    assert main(["ingest", str(pages), str(other), "--db", str(db)]) == 0
    for figure in ("180", "210"):  # two new versions of banjir.txt
        (pages / "banjir.txt").write_text(ARTICLE.replace("150 milimeter", f"{figure} milimeter"),
                                          encoding="utf-8")
        assert main(["ingest", str(pages), "--db", str(db)]) == 0
    with Store.open(db) as store:
        every = pipeline._SourceIndex(store)  # every source read
        few = pipeline._SourceIndex(store, {"banjir.txt"})  # found by searching the lines
        assert few.ids == every.ids and len(every.ids) == 2  # lain.txt and banjir.txt v3
        assert few.current == {"banjir.txt": every.current["banjir.txt"]}
        third = store.raw("sources")[few.current["banjir.txt"]]
        assert third["version"] == 3 and third["superseded_by"] is None
        assert len(store.raw("sources")) == 4
