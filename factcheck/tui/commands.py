"""The command palette: every action of the main screen, by name, with its key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider

from factcheck.tui.keys import HELP, key_label


class ReviewCommands(Provider):
    """Commands for the actions bound on the screen the palette was opened from."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Any]]]:
        screen = self.screen
        seen: set[str] = set()
        for binding in getattr(screen, "BINDINGS", ()):
            binding_id = getattr(binding, "id", None)
            if binding_id is None or binding_id in seen:
                continue
            seen.add(binding_id)
            _, name, params = parse(binding.action)
            if screen.check_action(name, params) is False:
                continue  # does not apply here (no passage, not a suggestion...)
            title = f"{binding.description} ({key_label(self.app, binding_id)})"
            run = partial(self.app.run_action, binding.action, screen)
            yield title, HELP.get(binding_id, binding.description), run

    async def discover(self) -> Hits:
        """Every action, when nothing is typed yet."""
        for title, text, run in self._commands():
            yield DiscoveryHit(title, run, help=text)

    async def search(self, query: str) -> Hits:
        """Actions whose name (or help) matches what was typed."""
        matcher = self.matcher(query)
        for title, text, run in self._commands():
            score = max(matcher.match(title), matcher.match(text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=text)
