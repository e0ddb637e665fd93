"""SVG snapshots of the main screens (pytest-textual-snapshot): cursor blink off, a fixed
reviewer, a store whose time stamps are fixed. Update with ``--snapshot-update`` and look at
the report (or the SVG files under ``__snapshots__``) before accepting a change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.helpers import app_for

SIZES = [(100, 30), (80, 24), (160, 45)]
IDS = ["100x30", "80x24", "160x45"]

@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_main_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(store_path), terminal_size=size)


def test_main_screen_passages_focused(snap_compare: Any, store_path: Path) -> None:
    assert snap_compare(app_for(store_path), press=["tab", "j", "j"], terminal_size=(100, 30))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_article_view(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(store_path), press=["o"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_help_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(store_path), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_note_editor(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    keys = ["tab", "j", "j", "n", *"Kabar Harian rounds down", "enter", *"(24 -> 20)"]
    assert snap_compare(app_for(store_path), press=keys, terminal_size=size)
