"""Shared pieces of the reliability tests: a store with many claims, marking workers, the CLI.

The workers run in a child process: either a fresh interpreter (``python -m
tests.reliability.workers``) or a fork of the test process (`fork_worker`, ~100 times faster to
start, so a kill loop of 50 trials fits in seconds). Each prints ``ACK <claim> <passage> <stance>
<reviewer>`` after every `mark` returns, so the test knows what was acknowledged when it killed
the process.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.core.models import Claim, Evidence, Mention
from factcheck.core.review import mark
from factcheck.core.store import FileBackend, Store
from tests.factories import build_claims, build_sources

ROOT = Path(__file__).resolve().parents[2]
STANCES = ("supports", "contradicts", "denial", "unrelated")
Slot = tuple[str, str]
"""A (claim id, passage id) pair a reviewer can mark."""

FIGURES: dict[str, dict[str, int]] = {}
"""Figures the tests measured (trials, marks acknowledged and kept, fuzz cases), printed at the
end of the run by ``conftest.pytest_terminal_summary`` for the README."""


def record(name: str, **counts: int) -> None:
    """Add ``counts`` to the figures of ``name`` and print them (seen with ``pytest -s``)."""
    figures = FIGURES.setdefault(name, {})
    for key, value in counts.items():
        figures[key] = figures.get(key, 0) + value
    print(f"[figures] {name}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))


def tally(name: str, key: str = "cases") -> None:
    """Count one more ``key`` for ``name`` without printing (fuzz cases run)."""
    figures = FIGURES.setdefault(name, {})
    figures[key] = figures.get(key, 0) + 1


def build_many_claims(path: Path, copies: int) -> list[Slot]:
    """A compacted store at ``path`` with ``copies`` x 3 tracked claims; every markable slot.

    The claims of `tests.factories` are replicated with their own mention ids over the same
    sources and passages, so the store stays consistent (``factcheck doctor`` finds nothing).
    """
    sources, passages = build_sources()
    mentions, claims = build_claims(passages)
    store = Store.open(path)
    slots: list[Slot] = []
    with store.transaction() as tx:
        for source in sources:
            tx.put("sources", source)
        for passage in passages:
            tx.put("passages", passage)
        for i in range(copies):
            renamed = {m.id: f"{m.id}-{i}" for m in mentions}
            for mention in mentions:
                tx.put("mentions", Mention.model_validate(
                    {**mention.model_dump(), "id": renamed[mention.id]}))
            for claim in claims:
                evidence = [Evidence.model_validate(
                    {**e.model_dump(), "mention_id": renamed[e.mention_id]})
                    for e in claim.evidence]
                copy = Claim.model_validate(
                    {**claim.model_dump(), "id": f"{claim.id}-{i}", "evidence": evidence})
                tx.put("claims", copy)
                slots.extend((copy.id, e.passage_id) for e in evidence)
    store.compact()
    store.close()
    return slots


def copy_store(template: Path, target: Path) -> Path:
    """Copy a store's main file (and journal, if any) to ``target``."""
    shutil.copy2(template, target)
    journal = template.with_name(template.name + ".journal")
    if journal.exists():
        shutil.copy2(journal, target.with_name(target.name + ".journal"))
    return target


def mark_slots(db: Path | str, reviewer: str, slots: Iterable[Slot], emit: Callable[[str], None],
               *, compact_min: int | None = None) -> None:
    """Mark every slot as ``reviewer`` (stances in turn), emitting ``ACK`` after each.

    With ``compact_min``, the store compacts once its journal passes that many bytes (or a
    quarter of the main file): a small value makes nearly every few marks a compaction, and
    ``COMPACT start``/``COMPACT end`` lines tell the test where a kill landed.
    """
    if compact_min is not None:
        FileBackend.COMPACT_MIN_BYTES = compact_min
        compact = FileBackend.compact

        def announced(self: FileBackend) -> None:
            emit("COMPACT start")
            compact(self)
            emit("COMPACT end")

        FileBackend.compact = announced  # type: ignore[method-assign]
    store = Store.open(db)
    emit("READY")
    for i, (claim_id, passage_id) in enumerate(slots):
        stance = STANCES[i % len(STANCES)]
        mark(store, claim_id, passage_id, stance, reviewer)
        emit(f"ACK {claim_id} {passage_id} {stance} {reviewer}")


@dataclass(frozen=True)
class Ack:
    """One acknowledged mark."""

    claim: str
    passage: str
    stance: str
    reviewer: str


def parse_acks(output: str) -> list[Ack]:
    """The ``ACK`` lines of a worker's output (a line cut by the kill is not an ACK)."""
    acks = []
    for line in output.splitlines(keepends=True):
        parts = line.split()
        if line.endswith("\n") and len(parts) == 5 and parts[0] == "ACK":
            acks.append(Ack(*parts[1:]))
    return acks


def missing_acks(store: Store, acks: Iterable[Ack]) -> list[Ack]:
    """Acknowledged marks that the store does not hold."""
    reviews = store.raw("reviews")
    lost = []
    for ack in acks:
        held = reviews.get(ack.claim, {}).get("marks", {}).get(ack.passage, {}).get(ack.reviewer)
        if not held or held.get("stance") != ack.stance:
            lost.append(ack)
    return lost


def fork_worker(target: Callable[[Callable[[str], None]], None]) -> tuple[int, int]:
    """Run ``target(emit)`` in a forked child; return its pid and the read end of its output."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_fd)

            def emit(line: str) -> None:
                os.write(write_fd, (line + "\n").encode())

            target(emit)
        except BaseException:  # noqa: BLE001 - reported on the pipe, then a non-zero exit
            os.write(write_fd, ("ERROR " + traceback.format_exc().replace("\n", " | ") + "\n")
                     .encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def read_line(fd: int, buffer: bytearray) -> str:
    """Read from ``fd`` until a full line is in ``buffer``; return it ("" at end of output)."""
    while b"\n" not in buffer:
        chunk = os.read(fd, 65536)
        if not chunk:
            return ""
        buffer.extend(chunk)
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line.decode() + "\n"


def read_all(fd: int, buffer: bytearray) -> str:
    """Read ``fd`` to its end (the child is dead or done) and close it."""
    while chunk := os.read(fd, 65536):
        buffer.extend(chunk)
    os.close(fd)
    return bytes(buffer).decode(errors="replace")


def kill_after(worker: Callable[[Callable[[str], None]], None], delay: float,
               wait_for: str | None = None) -> str:
    """Fork ``worker``, let it run ``delay`` seconds after it is ready (and after it printed
    ``wait_for``, when given), SIGKILL it; its output."""
    pid, fd = fork_worker(worker)
    buffer = bytearray()
    first = read_line(fd, buffer)
    assert first == "READY\n", first + read_all(fd, buffer)
    while wait_for is not None:
        line = read_line(fd, buffer)
        first += line
        if line in ("", wait_for + "\n"):
            break
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    output = first + read_all(fd, buffer)
    assert "ERROR" not in output, output
    assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0, output
    return output


def run_together(commands: list[list[str]], tmp: Path, timeout: float = 120) -> list[str]:
    """Start the workers, wait until each is ready, release them at once; their outputs."""
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=worker_env(tmp))
             for cmd in commands]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "READY\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, err
        outputs.append(out)
    return outputs


def worker_command(*args: str) -> list[str]:
    """``python -m tests.reliability.workers ARGS`` with this interpreter."""
    return [sys.executable, "-m", "tests.reliability.workers", *args]


def worker_env(tmp: Path) -> dict[str, str]:
    """Environment for child processes: the repository importable, no user settings file."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env.pop("FACTCHECK_CONFIG", None)
    return env


def write_slots(path: Path, slots: list[Slot]) -> Path:
    """Save slots for a worker process."""
    path.write_text(json.dumps(slots))
    return path


_TRACEBACK = re.compile(r"Traceback \(most recent call last\)")


def has_traceback(text: str) -> bool:
    """True when ``text`` shows a Python traceback."""
    return bool(_TRACEBACK.search(text))


NOBODY = 65534


def unprivileged_dir() -> Path:
    """A fresh folder that `run_unprivileged` code may use (owned by it when we are root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="factcheck-perm-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    return folder


def hand_over(folder: Path) -> None:
    """Give every file in ``folder`` to the unprivileged user (when we are root)."""
    if os.geteuid() == 0:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)


def run_unprivileged(action: Callable[[], Any]) -> Any:
    """Run ``action`` in a forked child without root's power over file permissions.

    Root ignores ``chmod``: as root the child drops to uid/gid 65534 (nobody) first, so a
    read-only file or folder is really read-only to it. The modules it needs are already
    imported, so it does not need to read the (root-only) interpreter folder. Returns what
    ``action`` returns (JSON-able), or raises ``AssertionError`` with the child's traceback.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(read_fd)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            payload = json.dumps({"result": action()})
        except BaseException:  # noqa: BLE001 - handed to the parent
            payload = json.dumps({"error": traceback.format_exc()})
            code = 1
        finally:
            os.write(write_fd, payload.encode())
            os._exit(code)
    os.close(write_fd)
    output = read_all(read_fd, bytearray())
    os.waitpid(pid, 0)
    answer = json.loads(output)
    if "error" in answer:
        raise AssertionError(answer["error"])
    return answer["result"]
