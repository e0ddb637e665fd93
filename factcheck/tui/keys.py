"""Key bindings: every binding has an id, and its key comes from ``settings.keys``.

Bindings are declared on the screens and widgets with the default keys of
`factcheck.settings.DEFAULT_KEYS` (navigation keys, which the settings file does not list,
default to `NAVIGATION_KEYS`). At start the app installs `keymap(settings)` with
``App.set_keymap`` (`keymap_to_install`: nothing when every key is the default), so a key set
in the settings file replaces the default wherever a binding with that id is declared: footer,
help screen and command palette follow.
"""

from __future__ import annotations

import re
from typing import Any

from textual.app import App
from textual.binding import Binding

from factcheck.settings import DEFAULT_KEYS, Settings

NAVIGATION_KEYS: dict[str, str] = {
    "cursor_down": "j,down",
    "cursor_up": "k,up",
    "page_down": "pagedown",
    "page_up": "pageup",
    "first": "home",
    "last": "end",
    "close": "escape",
    "save_note": "ctrl+s",
    "choose": "enter",
    "switch_pane": "tab",
}
"""Keys of bindings that are not in the settings file's defaults (they may still be set there)."""

_SHIFT_LETTER = re.compile(r"^shift\+([a-z])$")


def default_key(binding_id: str) -> str:
    """The default key(s) of a binding id."""
    return DEFAULT_KEYS.get(binding_id) or NAVIGATION_KEYS.get(binding_id, "")


def terminal_keys(keys: str) -> str:
    """Add what terminals send for ``shift+<letter>`` (the capital letter) to a key list."""
    result: list[str] = []
    for key in (k.strip() for k in keys.split(",")):
        match = _SHIFT_LETTER.match(key)
        if match:
            result.append(match.group(1).upper())
        result.append(key)
    return ",".join(dict.fromkeys(k for k in result if k))


def bind(binding_id: str, action: str, description: str, *, show: bool = True,
         priority: bool = False, tooltip: str = "") -> Binding:
    """A binding with id ``binding_id`` on its default key (overridden by the keymap)."""
    return Binding(terminal_keys(default_key(binding_id)), action, description, show=show,
                   priority=priority, tooltip=tooltip, id=binding_id)


def key_label(app: App[Any], binding_id: str, *, first: bool = True) -> str:
    """How the key(s) bound to ``binding_id`` are written (after the settings' keymap)."""
    used: dict[str, str] = getattr(app, "keymap_in_use", None) or {}
    keys = [k for k in (used.get(binding_id) or default_key(binding_id)).split(",") if k]
    labels = [app.get_key_display(Binding(k, "")) for k in keys]
    return (labels[0] if first else " / ".join(labels)) if labels else "—"


def keymap(settings: Settings) -> dict[str, str]:
    """The app keymap: binding id -> key(s), from the settings."""
    return {bid: terminal_keys(key) for bid, key in settings.keys.items() if key}


def keymap_to_install(settings: Settings) -> dict[str, str]:
    """The keymap for ``App.set_keymap``: empty when the settings keep every default key.

    Textual applies the keymap to the bindings of every node from the focused widget up on
    each key press (about 1.5 ms a key here). The bindings are declared on their default keys
    already, so a keymap that only repeats them changes nothing and is left out.
    """
    used = keymap(settings)
    defaults = {bid: terminal_keys(key) for bid, key in DEFAULT_KEYS.items() if key}
    return {} if used == defaults else used

HELP: dict[str, str] = {
    "supports": "Mark the passage under the cursor: it supports the claim",
    "contradicts": "Mark the passage: it contradicts the claim",
    "denial": "Mark the passage: it reports someone denying the claim",
    "unrelated": "Mark the passage: it is not about this claim",
    "clear": "Clear your mark on the passage",
    "verdict": "Choose the claim's verdict (arrows, enter)",
    "note": "Write a note on the claim, or on the passage when the passages have the focus",
    "undo": "Undo your last mark, verdict or note of this session",
    "redo": "Redo what you undid",
    "open_article": "Read the full article of the passage, all its claims highlighted",
    "search": "Search the claims as you type (case and accents ignored)",
    "next_unreviewed": "Go to the next claim nobody has reviewed",
    "previous_unreviewed": "Go to the previous unreviewed claim",
    "confirm_link": "Confirm that a suggested passage belongs to the claim",
    "reject_link": "Reject a suggested passage: it leaves the claim and stands alone",
    "link": "Move the passage into another claim (pick it from a list)",
    "unlink": "Take the passage out of the claim (it stands alone)",
    "merge": "Merge another claim into this one (pick it from a list)",
    "split": "Split the passage off into a new claim",
    "export": "Export a verification report (format and path)",
    "history": "Show the claim's change log: who, when, before and after",
    "candidates": "Possibly the same claim in other outlets (enter attaches one)",
    "filter": "Filter and sort the claim list",
    "sort": "Cycle the sort order of the claim list",
    "help": "Show every key",
    "quit": "Quit (everything is already saved)",
    "cursor_down": "Next claim or passage",
    "cursor_up": "Previous claim or passage",
    "page_down": "Page down",
    "page_up": "Page up",
    "first": "First claim",
    "last": "Last claim",
    "choose": "Choose the highlighted claim (in pickers)",
    "close": "Close the dialog, or clear the search",
    "save_note": "Save the note",
    "switch_pane": "Switch between the claim list and the passages",
}
"""Binding id -> what the key does, for the help screen and the command palette."""
