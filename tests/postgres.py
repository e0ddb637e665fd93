"""A PostgreSQL server for the tests: the one `.ci/run` started, or a throwaway cluster.

``FACTCHECK_TEST_POSTGRES`` names a server to use (a libpq address of a role that may create
databases; `.ci/run` sets it). Without it, the suite starts its own cluster when PostgreSQL's
server programs are installed (``initdb``, ``pg_ctl``; Debian's ``postgresql`` package): in a
temporary folder, listening only on a Unix socket, stopped when the tests end. As root, the
cluster runs as the ``postgres`` user (the server refuses to run as root).

Every test gets a database of its own (`fresh_database`), dropped afterwards. When no server can
be had, the PostgreSQL tests are skipped and the reason is printed at the end of the run.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

ENV = "FACTCHECK_TEST_POSTGRES"


def _server_programs() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _as_server_user() -> list[str]:
    """The command prefix that runs a program as a user the server accepts."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root without runuser to start the server as postgres")
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise RuntimeError("running as root and there is no postgres user") from exc
    return [runuser, "-u", "postgres", "--"]


class Cluster:
    """A throwaway cluster: ``initdb`` into a temporary folder, ``pg_ctl start`` on a socket."""

    def __init__(self) -> None:
        programs = _server_programs()
        if programs is None:
            raise RuntimeError("PostgreSQL's server programs (initdb, pg_ctl) are not installed "
                               "(Debian: apt-get install postgresql)")
        self.prefix = _as_server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
        os.chmod(self.folder, 0o777)
        self.data = self.folder / "data"
        self.pg_ctl = str(programs / "pg_ctl")
        self._run([str(programs / "initdb"), "-D", str(self.data), "-A", "trust", "-U",
                   "postgres", "--no-sync"])
        options = (f"-k {self.folder} -c listen_addresses='' -c max_connections=100 "
                   "-c shared_buffers=32MB")
        self._run([self.pg_ctl, "-D", str(self.data), "-o", options, "-l",
                   str(self.folder / "server.log"), "-w", "start"])
        self.url = f"postgresql://postgres@/postgres?host={quote(str(self.folder), safe='/')}"

    def _run(self, command: list[str]) -> None:
        done = subprocess.run([*self.prefix, *command], capture_output=True, text=True,
                              cwd=self.folder, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: "
                               f"{(done.stderr or done.stdout).strip()[-300:]}")

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name`` instead."""
    base, _, query = url.partition("?")
    head = base.rsplit("/", 1)[0]
    return f"{head}/{name}" + (f"?{query}" if query else "")


@contextlib.contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on ``server``; its address. Dropped afterwards."""
    import psycopg

    name = "fc_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
