"""Run one measurement in a fresh process and bring back its figures and its peak memory.

Each stage runs in a new interpreter (``multiprocessing`` with the ``spawn`` start method), so
its timings do not pay for an earlier stage's garbage and its peak resident memory
(``ru_maxrss`` of the child itself, read in the child before it exits) is its own. A stage that
cannot import the module it measures, raises, or overruns its time limit comes back as a
`Outcome` with ``error`` set instead of stopping the run.
"""

from __future__ import annotations

import importlib
import multiprocessing
import resource
import time
import traceback
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Outcome:
    """What a stage returned, or why it could not."""

    figures: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    """``"n/a (…)"`` when a module does not import yet, ``"error (…)"`` when the stage failed."""
    peak_mb: float | None = None
    """Peak resident memory of the stage's process, in MiB."""
    wall_s: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the stage ran to the end."""
        return self.error is None


def _short(exc: BaseException, limit: int = 90) -> str:
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _child(conn: Any, target: str, kwargs: dict[str, Any]) -> None:
    """Entry point of the child: run ``module:function`` and send back the outcome."""
    try:
        module_name, func_name = target.split(":")
        func = getattr(importlib.import_module(module_name), func_name)
        figures = func(**kwargs)
        message: tuple[str, Any] = ("ok", figures)
    except ImportError as exc:
        message = ("error", f"n/a ({_short(exc)})")
    except BaseException as exc:  # noqa: BLE001 - every failure becomes a row, not a crash
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = ("error", f"error ({_short(exc)} at {where.name}:{where.lineno})")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((*message, peak_mb))
    conn.close()


def run_isolated(target: str, timeout: float = 900.0, **kwargs: Any) -> Outcome:
    """Run ``target`` (``"package.module:function"``) with ``kwargs`` in a fresh process.

    Args:
        target: The function to run, importable in a new interpreter.
        timeout: Seconds before the child is stopped and the stage reported as timed out.
        **kwargs: Picklable arguments for the function.

    Returns:
        The figures the function returned (a dict), or the reason it did not.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, target, kwargs), daemon=False)
    started = time.perf_counter()
    process.start()
    sender.close()
    outcome = Outcome()
    try:
        if receiver.poll(timeout):
            status, payload, peak_mb = receiver.recv()
            outcome.peak_mb = peak_mb
            if status == "ok":
                outcome.figures = payload
            else:
                outcome.error = payload
        else:
            outcome.error = f"error (timed out after {timeout:.0f} s)"
    except EOFError:
        outcome.error = "error (the stage's process died without a result)"
    finally:
        process.join(5 if outcome.ok or outcome.peak_mb is not None else 0.1)
        if process.is_alive():
            process.terminate()
            process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
        receiver.close()
    outcome.wall_s = time.perf_counter() - started
    return outcome
