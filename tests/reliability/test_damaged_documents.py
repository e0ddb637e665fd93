"""Every command on a store with one damaged document (a claim whose ``evidence`` or
``conflicts``, a review whose ``marks`` or ``notes`` is not a list): no traceback, at most a
warning and an error line, and the damaged document is still there as it was (nothing stored is
lost or silently rewritten; `factcheck doctor --repair` is the one that mends it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.store import Store
from tests.factories import build_store
from tests.reliability.helpers import has_traceback
from tests.reliability.test_damaged_files import COMMANDS, LOCAL, PAGE

DAMAGES = [("claims", "evidence"), ("claims", "conflicts"), ("reviews", "marks"),
           ("reviews", "notes")]


def _stored(db: Path, table: str, doc_id: str) -> object:
    with Store.open(db) as store:
        return store.raw(table).get(doc_id)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("table", "field"), DAMAGES)
def test_every_command_on_a_damaged_document(tmp_path: Path, command: str, table: str,
                                             field: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "claims.json"
    store = Store.open(db)
    build_store(store)
    store.compact()
    store.close()
    data = json.loads(db.read_text(encoding="utf-8"))
    doc_id = "c-visit"
    data[table][doc_id][field] = "not a list"
    db.write_text(json.dumps(data), encoding="utf-8")
    damaged = _stored(db, table, doc_id)
    (tmp_path / PAGE).write_text("A page\n\nThe minister said 40 people were evacuated.\n")
    argv = [str(tmp_path / a) if a in LOCAL else a for a in COMMANDS[command]]
    capsys.readouterr()
    main([*argv, "--db", str(db)])
    err = capsys.readouterr().err
    assert not has_traceback(err), err
    lines = err.splitlines()
    assert len(lines) <= 2 and all(line.startswith(("warning:", "error:")) for line in lines), err
    assert _stored(db, table, doc_id) == damaged  # left for `doctor`, never silently dropped
