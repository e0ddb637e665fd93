"""Unique id prefixes: typed anywhere an id is taken, printed in listings."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.ids import IdError, resolve, short_ids
from factcheck.core.store import Store
from tests.factories import build_store

TWINS = ("c-29f6a1e0b3c4d5e6", "c-29f6b2a0c0ffee00")
"""Two claims whose ids share ``c-29f6``."""


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-settings.toml"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The test store with two more claims (copies of c-arms) under hash-like ids."""
    path = tmp_path / "claims.json"
    store = build_store(Store.open(path), reviewed=False)
    arms = store.claim("c-arms")
    assert arms is not None
    with store.transaction() as tx:
        for twin in TWINS:
            tx.put("claims", arms.model_copy(update={"id": twin}))
    store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_resolve_takes_an_exact_id_or_a_unique_prefix() -> None:
    ids = ["c-29f6a1", "c-29f6b2", "c-3000", "c-30001"]
    assert resolve("c-29f6a", ids, "claim") == "c-29f6a1"
    assert resolve(" C-29F6B ", ids, "claim") == "c-29f6b2"
    assert resolve("c-3000", ids, "claim") == "c-3000"  # exact, though a prefix of c-30001
    with pytest.raises(IdError, match=r"^'c-29f6' names 2 claims: c-29f6a1, c-29f6b2; give"):
        resolve("c-29f6", ids, "claim")
    with pytest.raises(IdError, match=r"^no story 'st-9'$"):
        resolve("st-9", ["st-1"], "story")
    with pytest.raises(IdError, match="no claim ''"):
        resolve("", ids, "claim")


def test_an_ambiguous_prefix_lists_a_few_matches_and_how_many_more() -> None:
    ids = [f"p-{n:04x}" for n in range(12)]
    with pytest.raises(IdError) as caught:
        resolve("p-0", ids, "passage")
    assert str(caught.value).startswith("'p-0' names 12 passages: p-0000, p-0001, p-0002, "
                                        "p-0003, p-0004 and 7 more;")
    assert len(caught.value.matches) == 12


def test_short_ids_are_unique_prefixes_with_six_characters_after_the_tag() -> None:
    rng = random.Random(7)
    ids = [f"c-{rng.getrandbits(64):016x}" for _ in range(5_000)]
    ids += ["c-29f6a1e0b3c4d5e6", "c-29f6a1e0b3c4d5e7", "st-0123456789ab"]
    short = short_ids(ids)
    for full, prefix in short.items():
        assert full.startswith(prefix)
        assert len(prefix) >= full.index("-") + 1 + 6
        assert resolve(prefix, ids) == full
    assert short["c-29f6a1e0b3c4d5e6"] == "c-29f6a1e0b3c4d5e6"
    assert short["st-0123456789ab"] == "st-012345"
    assert max(len(p) for p in short.values() if p.startswith("c-") and "29f6" not in p) <= 11


def test_an_id_that_starts_another_stays_whole() -> None:
    short = short_ids(["c-abcdef12", "c-abcdef1234"])
    assert short == {"c-abcdef12": "c-abcdef12", "c-abcdef1234": "c-abcdef123"}


def test_show_takes_a_prefix(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "c-29f6a", "--db", str(db))
    assert code == 0 and "Claim c-29f6a1e0b3c4d5e6" in out
    code, out, _ = run(capsys, "show", "c-vis", "--json", "--db", str(db))
    assert code == 0 and json.loads(out)["id"] == "c-visit"


@pytest.mark.parametrize(("argv", "message"), [
    (["show", "c-29f6"], "error: 'c-29f6' names 2 claims: c-29f6a1e0b3c4d5e6, "
                         "c-29f6b2a0c0ffee00; give more of the id"),
    (["show", "c-zz"], "error: no claim 'c-zz' (see `factcheck claims`)"),
    (["verdict", "c-29f6", "true"], "error: 'c-29f6' names 2 claims"),
    (["export", "--claim", "c-29f6"], "error: 'c-29f6' names 2 claims"),
    (["candidates", "c-"], "error: 'c-' names 5 claims"),
    (["history", "c-29f6"], "error: 'c-29f6' names 2 claims"),
    (["mark", "c-visit", "p-", "supports"], "error: 'p-' names 3 passages: "),
    (["mark", "c-visit", "p-zz", "supports"], "error: no passage 'p-zz'"),
])
def test_unknown_and_ambiguous_ids_are_one_line(db: Path, argv: list[str], message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = db.read_bytes()
    code, out, err = run(capsys, *argv, "--db", str(db))
    assert code == 1 and out == ""
    assert err.startswith(message), err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert db.read_bytes() == before


def test_review_actions_take_prefixes_of_claims_and_passages(db: Path) -> None:
    store = Store.open(db)
    visit = store.claim("c-visit")
    assert visit is not None
    passage = visit.evidence[0].passage_id
    store.close()
    # The passage prefix is unique among the claim's passages (looked for there first).
    own = next(n for n in range(3, len(passage))
               if sum(e.passage_id.startswith(passage[:n]) for e in visit.evidence) == 1)
    assert main(["mark", "c-vis", passage[:own], "supports", "--db", str(db),
                 "--reviewer", "tess"]) == 0
    assert main(["verdict", "c-29f6b", "false", "--db", str(db), "--reviewer", "tess"]) == 0
    assert main(["note", "c-29f6b", "checked", "--passage", passage[:8], "--db", str(db),
                 "--reviewer", "tess"]) != 0  # that passage belongs to c-visit, not c-29f6b
    store = Store.open(db)
    assert store.review("c-visit").marks[passage]["tess"].stance == "supports"  # type: ignore[union-attr]
    assert store.review(TWINS[1]).verdict.label == "false"  # type: ignore[union-attr]
    assert store.review(TWINS[1]).notes == []  # type: ignore[union-attr]


def test_a_passage_of_another_claim_is_named_as_such(db: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(db)
    other = store.claim("c-hostile").evidence[0].passage_id  # type: ignore[union-attr]
    store.close()
    code, _, err = run(capsys, "mark", "c-visit", other[:9], "supports", "--db", str(db))
    assert code == 1 and f"passage {other!r} is not part of claim 'c-visit'" in err


def test_listings_print_short_ids_that_work_as_input(db: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "claims", "--db", str(db))
    assert code == 0
    assert "c-29f6a1 " in out and "c-29f6b2 " in out
    assert TWINS[0] not in out and TWINS[1] not in out
    code, out, _ = run(capsys, "claims", "--tsv", "--db", str(db))
    assert TWINS[0] in out  # --tsv is for scripts: whole ids
    code, out, _ = run(capsys, "show", "c-29f6b2", "--db", str(db))
    assert code == 0 and TWINS[1] in out


def test_show_prints_short_passage_ids_that_mark_takes(db: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "c-visit", "--db", str(db))
    assert code == 0
    shown = [word for line in out.splitlines() for word in line.split()
             if word.startswith("p-")]
    assert shown and all(len(word) == len("p-") + 6 for word in shown)
    assert main(["mark", "c-visit", shown[0], "contradicts", "--db", str(db),
                 "--reviewer", "tess"]) == 0


def test_sources_take_a_prefix_of_their_id_or_file(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = next(s for s in Store.open(db).sources() if s.file == "kabar.txt")
    code, _, _ = run(capsys, "source", source.id[:8], "outlet", "Kabar", "--db", str(db),
                     "--reviewer", "tess")
    assert code == 0 and Store.open(db).source(source.id).outlet == "Kabar"  # type: ignore[union-attr]
    code, out, _ = run(capsys, "claims", "--source", "kab", "--tsv", "--db", str(db))
    assert code == 0 and "c-visit" in out and "c-arms" in out and "c-hostile" not in out
    code, out, _ = run(capsys, "sources", "--db", str(db))
    assert source.id[:8] in out and source.id not in out
