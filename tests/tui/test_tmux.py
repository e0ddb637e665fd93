"""End to end in a real terminal: ``factcheck review`` in tmux, driven key by key.

The test waits for what a person would wait for (text on the screen, read with
``capture-pane``), marks a passage, writes a note, sets a verdict, quits; then checks the store
and opens the TUI again to see the work on screen. Skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.helpers import REVIEWER, passage_id, reopen

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Terminal:
    """A detached tmux session of 100x30 on a private server."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env
        self.session = "review"

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True,
                              env=self.env, check=check, timeout=20)

    def start(self, command: list[str]) -> None:
        self.tmux("new-session", "-d", "-s", self.session, "-x", "100", "-y", "30",
                  " ".join(command))

    def screen(self, *, colours: bool = False) -> str:
        args = ["-e"] if colours else []
        return self.tmux("capture-pane", "-p", *args, "-t", self.session, check=False).stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def press(self, key: str, timeout: float = 20) -> str:
        """Press one key and wait until the screen shows its effect (colours count: moving a
        highlight changes no text)."""
        before = self.screen(colours=True)
        self.keys(key)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(colours=True)
            if screen != before:
                time.sleep(0.1)  # let the redraw finish
                return self.screen()
            time.sleep(0.05)
        raise AssertionError(f"{key!r} changed nothing on the screen:\n{before}")

    def wait_gone(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} is still on the screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def wait_exit(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.tmux("has-session", "-t", self.session, check=False).returncode != 0:
                return
            time.sleep(0.1)
        raise AssertionError(f"the app did not quit:\n{self.screen()}")


CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "FACTCHECK_"))}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), TERM="xterm-256color",
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    # The `factcheck` script runs this checkout's package, not whichever checkout the
    # virtualenv's editable install points at (a store written by other code would be tested).
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), env.get("PYTHONPATH")) if p)
    term = Terminal(f"factcheck-test-{os.getpid()}-{tmp_path.name}", env)
    try:
        yield term
    finally:
        term.tmux("kill-server", check=False)


def test_review_in_a_real_terminal(terminal: Terminal, store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / "claims.json"
    copy.parent.mkdir()
    shutil.copy(store_path, copy)
    script = Path(sys.executable).parent / "factcheck"
    command = [str(script), "review", "--db", str(copy), "--reviewer", REVIEWER]

    terminal.start(command)
    terminal.wait_for("Reviewed 2 of 3")
    terminal.press("Tab")  # to the passages
    terminal.wait_for("a Supports")
    terminal.press("a")  # mark Tempo's passage "supports"; the cursor moves on
    terminal.press("k")  # back to it
    terminal.wait_for("you: supports")
    terminal.keys("n")
    terminal.wait_for("New note")
    terminal.type("Checked by phone with the Kremlin desk")
    terminal.wait_for("Kremlin desk")
    terminal.keys("C-s")
    terminal.wait_gone("New note")
    terminal.wait_for("Checked by phone")
    terminal.keys("v")
    terminal.wait_for("Partly true")
    terminal.press("Down")
    terminal.press("Down")  # True -> Partly true -> Misleading
    terminal.keys("Enter")
    terminal.wait_for("verdict Misleading  by tess")
    terminal.keys("q")
    terminal.wait_exit()

    tempo = passage_id(copy, "24 tahun")
    with reopen(copy) as store:
        review = store.review("c-visit")
        assert review is not None
        assert review.marks[tempo][REVIEWER].stance == "supports"
        assert [(n.text, n.passage_id) for n in review.notes if n.author == REVIEWER] == [
            ("Checked by phone with the Kremlin desk", tempo)]
        assert review.verdict is not None
        assert (review.verdict.label, review.verdict.reviewer) == ("misleading", REVIEWER)

    terminal.start(command)  # the work is on screen when the TUI opens again
    terminal.wait_for("Reviewed 2 of 3")
    terminal.wait_for("verdict Misleading  by tess")
    screen = terminal.wait_for("you: supports")
    assert "✎ tess" in screen and "Checked by phone" in screen
    terminal.keys("q")
    terminal.wait_exit()


BUNDLED = Path(__file__).resolve().parents[2] / "claims.json"


@pytest.mark.skipif(not BUNDLED.exists(), reason="no bundled claims.json")
def test_bundled_store_reviewed_in_tmux_then_exported(terminal: Terminal,
                                                     tmp_path: Path) -> None:
    """What a new user does first: open the shipped store, review one claim, export JSON."""
    copy = tmp_path / "claims.json"
    shutil.copy(BUNDLED, copy)
    script = Path(sys.executable).parent / "factcheck"
    command = [str(script), "review", "--db", str(copy), "--reviewer", "tess"]
    terminal.start(command)
    terminal.wait_for("Reviewed 0 of")
    terminal.press("Tab")
    terminal.wait_for("a Supports")
    terminal.press("a")
    terminal.keys("n")
    terminal.wait_for("New note")
    terminal.type("Cross-checked with the wire copy")
    terminal.keys("C-s")
    terminal.wait_gone("New note")
    terminal.keys("v")
    terminal.wait_for("Partly true")
    terminal.keys("Enter")  # the first verdict of the scale
    terminal.wait_for("by tess")
    terminal.keys("q")
    terminal.wait_exit()

    terminal.start(command)  # reopening shows all three
    terminal.wait_for("Reviewed 1 of")
    terminal.wait_for("by tess")
    terminal.keys("q")
    terminal.wait_exit()

    exported = subprocess.run([str(script), "export", "--format", "json", "--db", str(copy)],
                              capture_output=True, text=True, check=True, timeout=60)
    import json

    claims = json.loads(exported.stdout)["claims"]
    reviewed = [c for c in claims if c["verdict"]]
    assert len(reviewed) == 1
    claim = reviewed[0]
    assert claim["verdict"]["reviewer"] == "tess"
    assert [n["text"] for n in claim["notes"] if n["author"] == "tess"] == [
        "Cross-checked with the wire copy"]
    marks = [m for p in claim["passages"] for m in p["marks"] if m["reviewer"] == "tess"]
    assert [m["stance"] for m in marks] == ["supports"]
