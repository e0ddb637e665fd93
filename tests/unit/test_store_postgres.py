"""The store on PostgreSQL, end to end through the CLI: moving a desk's store onto a database and
back, the reviewer named by the database role, a read-only role, and bad addresses.

Runs on a real server (see `tests.postgres`); skipped, with the reason printed, without one.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from factcheck.cli import main
from factcheck.core.store import Store
from tests.postgres import with_database

BUNDLED = Path(__file__).resolve().parents[2] / "claims.json"


def _role_url(url: str, role: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{role}@", 1)


def _export(db: str, out: Path) -> dict[str, object]:
    assert main(["export", "--format", "json", "--db", db, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    # The time stamp, at the top and in the provenance, is the only field that moves with the clock.
    data.pop("exported_at")
    data["provenance"].pop("exported_at")
    return data


def _first_row(db: str) -> tuple[str, str]:
    with Store.open(db) as store:
        claim_id, claim = next(iter(store.raw("claims").items()))
        return claim_id, claim["evidence"][0]["passage_id"]


def test_migrate_store_round_trips_the_bundled_store(pg_url: str, tmp_path: Path) -> None:
    """File -> PostgreSQL -> file: the JSON export is the same apart from its time stamp, and so
    is every review made on the database in between."""
    start = tmp_path / "start.json"
    assert main(["migrate-store", str(BUNDLED), str(start)]) == 0
    claim_id, passage = _first_row(str(start))
    assert main(["mark", claim_id, passage, "supports", "--db", str(start),
                 "--reviewer", "ann"]) == 0
    assert main(["note", claim_id, "checked with the agency", "--db", str(start),
                 "--reviewer", "ann"]) == 0
    assert main(["migrate-store", str(start), pg_url]) == 0
    assert main(["verdict", claim_id, "true", "--db", pg_url, "--reviewer", "ben"]) == 0
    assert main(["migrate-store", str(start), str(tmp_path / "other.json")]) == 0
    back = tmp_path / "back.json"
    assert main(["migrate-store", pg_url, str(back)]) == 0
    assert _export(pg_url, tmp_path / "a.json") == _export(str(back), tmp_path / "b.json")
    with Store.open(back) as store:
        review = store.review(claim_id)
        assert review is not None and review.verdict is not None
        assert review.verdict.label == "true" and review.verdict.reviewer == "ben"
        assert review.marks[passage]["ann"].stance == "supports"
        assert [n.text for n in review.notes] == ["checked with the agency"]
        assert {c.what for c in store.changes(claim_id)} >= {"mark", "note", "verdict"}
    with Store.open(BUNDLED) as original, Store.open(back) as copy:
        for table in ("sources", "passages", "mentions", "claims", "stories"):
            assert dict(copy.raw(table)) == dict(original.raw(table)), table


def test_migrate_store_refuses_to_overwrite_a_store(pg_url: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-store", str(BUNDLED), pg_url]) == 0
    claim_id, passage = _first_row(pg_url)
    assert main(["mark", claim_id, passage, "contradicts", "--db", pg_url]) == 0
    capsys.readouterr()
    assert main(["migrate-store", str(BUNDLED), pg_url]) == 1
    err = capsys.readouterr().err
    assert "already holds a store" in err and "Traceback" not in err
    with Store.open(pg_url) as store:  # the review made there is still there
        assert store.review(claim_id) is not None
    assert main(["migrate-store", str(BUNDLED), pg_url, "--replace"]) == 0
    with Store.open(pg_url) as store:
        assert store.review(claim_id) is None
        kept = psycopg.connect(pg_url).execute(
            "SELECT count(*) FROM pg_tables WHERE tablename LIKE "
            "'factcheck_documents_before_migrate_store_%'").fetchone()
        assert kept == (1,)  # what was replaced is kept in a copy of the table


def test_the_reviewer_is_the_database_role(pg_url: str) -> None:
    """Without --reviewer or a settings file naming one, a change is logged under the role the
    reviewer logged in as, not the machine's login name."""
    assert main(["migrate-store", str(BUNDLED), pg_url]) == 0
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE ROLE fc_ann LOGIN")
        admin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON factcheck_documents, "
                      "factcheck_state TO fc_ann")
        admin.execute("GRANT USAGE ON SEQUENCE factcheck_documents_pos_seq TO fc_ann")
    try:
        ann = _role_url(pg_url, "fc_ann")
        claim_id, passage = _first_row(ann)
        assert main(["mark", claim_id, passage, "supports", "--db", ann]) == 0
        assert main(["mark", claim_id, passage, "unrelated", "--db", ann,
                     "--reviewer", "Ann Lee"]) == 0
        with Store.open(pg_url) as store:
            review = store.review(claim_id)
            assert review is not None
            assert set(review.marks[passage]) == {"fc_ann", "Ann Lee"}
            assert [c.who for c in store.changes(claim_id)] == ["fc_ann", "Ann Lee"]
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY fc_ann")
            admin.execute("DROP ROLE fc_ann")


def test_a_read_only_role_exports_but_cannot_write(pg_url: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-store", str(BUNDLED), pg_url]) == 0
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE ROLE fc_editor LOGIN")
        admin.execute("GRANT SELECT ON factcheck_documents, factcheck_state TO fc_editor")
    try:
        editor = _role_url(pg_url, "fc_editor")
        assert main(["export", "--format", "md", "--db", editor,
                     "-o", str(tmp_path / "r.md")]) == 0
        assert "Verification report" in (tmp_path / "r.md").read_text(encoding="utf-8")
        claim_id, passage = _first_row(editor)
        capsys.readouterr()
        assert main(["mark", claim_id, passage, "supports", "--db", editor]) == 1
        err = capsys.readouterr().err.strip()
        assert "permission denied" in err and "Traceback" not in err
        assert len(err.splitlines()) == 1
        with Store.open(pg_url) as store:
            assert store.review(claim_id) is None
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY fc_editor")
            admin.execute("DROP ROLE fc_editor")


def test_factcheck_db_names_the_database(pg_url: str, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-store", str(BUNDLED), pg_url]) == 0
    monkeypatch.setenv("FACTCHECK_DB", pg_url)
    capsys.readouterr()
    assert main(["claims"]) == 0
    bundled = len(json.loads(BUNDLED.read_text(encoding="utf-8"))["claims"])
    assert f"{bundled} claims" in capsys.readouterr().out
    assert main(["doctor"]) == 0
    assert "healthy" in capsys.readouterr().out
    assert main(["doctor", "--repair"]) == 1
    assert "migrate-store" in capsys.readouterr().err


@pytest.mark.parametrize("problem", ["no such database", "no such server"])
def test_a_bad_address_is_one_line(problem: str, postgres_server: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    url = (with_database(postgres_server, "fc_missing") if problem == "no such database"
           else f"postgresql://x:secret@/db?host={tmp_path}")
    assert main(["claims", "--db", url]) == 1
    err = capsys.readouterr().err.strip()
    assert "cannot connect" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert "secret" not in err  # a password is never printed


def test_a_dropped_connection_is_made_again(pg_url: str) -> None:
    """The server restarted or the network dropped while the TUI sat open: the next mark
    connects again instead of failing for the rest of the session."""
    from factcheck.core.review import mark

    assert main(["migrate-store", str(BUNDLED), pg_url]) == 0
    claim_id, passage = _first_row(pg_url)
    store = Store.open(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                      "application_name = 'factcheck' AND pid <> pg_backend_pid()")
    with pytest.raises(Exception):  # noqa: B017 - the old session is gone
        store.backend._conn.execute("SELECT 1")  # type: ignore[attr-defined]
    mark(store, claim_id, passage, "supports", "ann")
    store.close()
    with Store.open(pg_url) as again:
        review = again.review(claim_id)
        assert review is not None and review.marks[passage]["ann"].stance == "supports"
