"""Global options (``--db``, ``--config``, ``--reviewer``) before or after any command."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import build_parser, main
from factcheck.core.store import Store
from tests.factories import build_store

ROOT = Path(__file__).resolve().parents[2]

SAMPLE_ARGV = {
    "ingest": ["page.txt"], "sources": [], "source": ["s-1", "outlet", "X"], "extract": [],
    "link": [], "claims": [], "show": ["c-1"], "review": [], "mark": ["c-1", "p-1", "supports"],
    "note": ["c-1", "text"], "verdict": ["c-1", "true"], "confirm": ["c-1", "p-1"],
    "reject": ["c-1", "p-1"], "unlink": ["c-1", "p-1"], "attach": ["p-1", "c-1"],
    "merge": ["c-1", "c-2"], "split": ["c-1", "p-1"], "history": [], "export": ["-f", "md"],
    "report": [], "stories": [], "story move": ["a.txt", "st-1"],
    "story split": ["st-1", "a.txt"], "story merge": ["st-1", "st-2"], "candidates": ["c-1"],
    "eval": ["gold.json", "--corpus", "dir"], "doctor": [], "backup": ["copy.json"],
    "migrate-store": ["claims.json", "copy.json"],
}
"""A valid command line for every command (the test below fails when one is missing)."""


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-settings.toml"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "claims.json"
    path.parent.mkdir()
    build_store(Store.open(path)).close()
    return path


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    names: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub, f"{prefix}{name} ")
                names += inner or [f"{prefix}{name}"]
    return names


def test_every_command_has_a_sample_command_line() -> None:
    assert sorted(_commands(build_parser())) == sorted(SAMPLE_ARGV)


@pytest.mark.parametrize("command", sorted(SAMPLE_ARGV))
def test_global_options_go_before_or_after_every_command(command: str) -> None:
    parser = build_parser()
    words = command.split()
    options = ["--db", "x.json", "--config", "s.toml", "--reviewer", "tess"]
    for argv in ([*options, *words, *SAMPLE_ARGV[command]],
                 [*words, *SAMPLE_ARGV[command], *options],
                 [*words[:1], *options, *words[1:], *SAMPLE_ARGV[command]]):
        args = parser.parse_args(argv)
        assert (args.db, args.config, args.reviewer) == ("x.json", Path("s.toml"), "tess"), argv
    plain = parser.parse_args([*words, *SAMPLE_ARGV[command]])
    assert (plain.db, plain.config, plain.reviewer) == (None, None, None)


def test_an_option_after_the_command_wins_over_one_before() -> None:
    args = build_parser().parse_args(["--db", "a.json", "claims", "--db", "b.json"])
    assert args.db == "b.json"


def test_export_takes_the_store_before_the_command(db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no ./claims.json: only --db names the store
    assert main(["--db", str(db), "export", "--format", "md"]) == 0
    before = capsys.readouterr().out
    assert main(["export", "--db", str(db), "--format", "md"]) == 0
    after = capsys.readouterr().out
    assert "Putin" in before

    def body(text: str) -> list[str]:
        return [line for line in text.splitlines() if "Exported" not in line]

    assert body(before) == body(after)


def test_the_reviewer_before_the_command_is_who_marks(db: Path) -> None:
    passage = Store.open(db).claim("c-arms").evidence[0].passage_id  # type: ignore[union-attr]
    assert main(["--reviewer", "tess", "--db", str(db), "mark", "c-arms", passage,
                 "denial"]) == 0
    review = Store.open(db).review("c-arms")
    assert review is not None and review.marks[passage]["tess"].stance == "denial"


def test_the_store_comes_from_the_environment(db: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_DB", str(db))
    assert main(["claims", "--tsv"]) == 0
    assert "c-visit" in capsys.readouterr().out


def test_no_command_with_a_store_option_opens_the_review(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Not a terminal here: the review says so instead of printing the help.
    assert main(["--db", str(db), "--reviewer", "tess"]) == 1
    assert "the review TUI needs a terminal" in capsys.readouterr().err


def test_the_console_script_takes_options_first(db: Path, tmp_path: Path) -> None:
    env = {**os.environ, "FACTCHECK_CONFIG": str(tmp_path / "none.toml"),
           "PYTHONPATH": str(ROOT)}
    env.pop("FACTCHECK_DB", None)
    done = subprocess.run([sys.executable, "-m", "factcheck", "--db", str(db), "export",
                           "--format", "md"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "# Verification report" in done.stdout


def test_help_names_the_global_options_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = capsys.readouterr().out
    described = [line.split()[0] for line in text.splitlines() if line.startswith("  --")]
    assert described.count("--db") == 1 and described.count("--reviewer") == 1
    assert "global options (before or after the command)" in text
