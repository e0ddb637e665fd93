"""The main screen: the claim list, the claim in detail, its passages; progress always shown.

State goes down, messages go up: the screen owns `highlighted_claim` and the loaded
`claim_data`, which the detail and passage panes receive with ``data_bind``; the list and the
passages post `ClaimHighlighted` / `PassageHighlighted`. The review actions (marks, verdict,
notes, undo, link decisions) are in `factcheck.tui.screens.review_actions`.
"""

from __future__ import annotations

import gc
import time
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Container, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Input

from factcheck.core.readmodel import ClaimView
from factcheck.core.store import Store, StoreError
from factcheck.settings import Settings
from factcheck.tui.claim_data import SYNC_SEARCH_LIMIT, PassageIndex, load_claim
from factcheck.tui.commands import ReviewCommands
from factcheck.tui.keys import bind
from factcheck.tui.messages import ClaimHighlighted, PassageHighlighted, StoreIndexed
from factcheck.tui.rows import SORTS, RowModel, RowView
from factcheck.tui.screens.filter import FilterChoice, FilterScreen
from factcheck.tui.screens.help import HelpScreen, Section
from factcheck.tui.screens.review_actions import PASSAGE_ACTIONS, ReviewActions
from factcheck.tui.text import one_line
from factcheck.tui.widgets.claim_detail import ClaimDetail
from factcheck.tui.widgets.claim_list import ClaimList, ClaimListHeader
from factcheck.tui.widgets.passages import Passages
from factcheck.tui.widgets.progress import ReviewProgress, Status
from factcheck.tui.widgets.search_bar import SearchBar
from factcheck.tui.work import WorkingApp

CACHED_CLAIMS = 32
IDLE_SECONDS = 10.0
"""After this long without a key, the journal is folded into ``claims.json``."""
"""Loaded claims kept for moving back and forth (dropped whenever the store changes)."""


class MainScreen(ReviewActions):
    """Work through the claims."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    """A tall screen gives the passages more room: a claim's detail rarely needs half of it."""
    COMMANDS = {ReviewCommands}
    BINDINGS = [
        bind("verdict", "verdict", "Verdict"),
        bind("note", "note", "Note"),
        bind("search", "search", "Search"),
        bind("filter", "filter", "Filter"),
        bind("next_unreviewed", "unreviewed(1)", "Next unreviewed"),
        bind("previous_unreviewed", "unreviewed(-1)", "Previous unreviewed", show=False),
        bind("open_article", "open_article", "Article"),
        bind("history", "history", "History"),
        bind("candidates", "candidates", "Candidates"),
        bind("undo", "undo", "Undo"),
        bind("redo", "redo", "Redo", show=False),
        bind("help", "help", "Keys"),
        bind("switch_pane", "switch_pane", "Switch pane", show=False),
        bind("sort", "cycle_sort", "Sort", show=False),
        bind("merge", "merge", "Merge…", show=False),
        bind("export", "export", "Export", show=False),
        # Passage actions work from the list too; the passages pane shows them in the footer.
        bind("supports", "mark('supports')", "Supports", show=False),
        bind("contradicts", "mark('contradicts')", "Contradicts", show=False),
        bind("denial", "mark('denial')", "Denial", show=False),
        bind("unrelated", "mark('unrelated')", "Unrelated", show=False),
        bind("clear", "mark('')", "Clear mark", show=False),
        bind("confirm_link", "confirm_link", "Confirm link", show=False),
        bind("reject_link", "reject_link", "Reject link", show=False),
        bind("link", "link", "Link to…", show=False),
        bind("unlink", "unlink", "Unlink", show=False),
        bind("split", "split", "Split off", show=False),
        bind("quit", "app.quit", "Quit", show=False),
    ]

    status: reactive[Status] = reactive(Status, init=False, repaint=False)
    """What the status line shows."""

    def __init__(self, store: Store, settings: Settings, model: RowModel, *,
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.cursor_blink = cursor_blink
        self.model = model
        """The claim list, read by the app before it runs (`FactcheckApp.rows`)."""
        self.view = RowView(self.model)
        self.passage_index = PassageIndex()
        self.highlighted_passage: str | None = None
        self.claim_cache: LRUCache[str, ClaimView] = LRUCache(maxsize=CACHED_CLAIMS)
        """Claims loaded since the store last changed: going back to one reads nothing."""
        self.wanted_claim: str | None = None
        """The claim under the list's cursor (shown once no keys are waiting)."""
        self._settle_pending = False
        self._changes_seen: int | None = None
        """How many changes were logged when others' changes were last looked at (counted
        the first time the store changes elsewhere: the log is not read to open the TUI)."""
        self.last_input = time.monotonic()
        """When the reviewer last pressed a key (the journal is folded in once idle)."""
        self.init_review_actions()

    # Layout -----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Status line, list and claim panes, footer."""
        yield ReviewProgress(id="progress").data_bind(status=MainScreen.status)
        with Container(id="panes"):
            with Vertical(id="list-pane"):
                yield SearchBar(placeholder="Search claims (case and accents ignored)",
                                id="search")
                yield ClaimListHeader(classes="list-header")
                yield ClaimList(self.view, self.verdict_label, id="claims")
            with Vertical(id="claim-pane"):
                yield ClaimDetail(self.settings, id="detail").data_bind(
                    claim=MainScreen.claim_data)
                yield Passages(self.settings.reviewer, id="passages").data_bind(
                    claim=MainScreen.claim_data)
        yield Footer()

    def on_mount(self) -> None:
        """Select the first claim and start watching the store."""
        self.query_one("#search", SearchBar).cursor_blink = self.cursor_blink
        self.claims.focus()
        self.claims.set_view(self.view)
        self.update_status()
        self.set_interval(self.settings.poll_seconds, self.poll_store)
        self.call_after_refresh(self.index_store)
        # The store's data lives as long as the app: keep the cycle collector from scanning it
        # again and again (on a big store a full collection shows as a stutter).
        gc.freeze()

    def index_store(self) -> None:
        """Make a big store's search keys in a worker, from a snapshot, so a search need not
        wait (a small store's are made on its first search); forget the passages read for
        context, which may have changed."""
        self.passage_index.clear()
        if len(self.model) > SYNC_SEARCH_LIMIT:
            cast(WorkingApp, self.app).index_store(self.store.snapshot(), self.model.listed(),
                                                   self.model.generation, self)
        else:
            self.call_after_refresh(self.settle_memory)

    def on_store_indexed(self, message: StoreIndexed) -> None:
        """Searches need not wait."""
        self.model.set_search_keys(message.search_keys, message.generation)
        self.call_after_refresh(self.settle_memory)

    def settle_memory(self) -> None:
        """The passage index and the widgets live as long as the store's data: keep the
        cycle collector from scanning them again and again, as `on_mount` does for the data
        (on a big store the index alone made each full collection a stutter of 100 ms)."""
        gc.freeze()

    def verdict_label(self, key: str | None) -> str:
        """A verdict key in the reviewer's language."""
        if not key:
            return ""
        option = self.settings.verdict(key)
        return option.label(self.settings.language) if option else key

    # State ------------------------------------------------------------------------------------
    @on(ClaimHighlighted)
    def _claim_highlighted(self, event: ClaimHighlighted) -> None:
        self.wanted_claim = event.claim_id
        if not self._settle_pending:
            self.settle_claim()

    def settle_claim(self) -> None:
        """Show the claim under the list's cursor once no more keys are waiting: while an
        arrow key is held the list moves at once and the panes follow when it is let go (one
        timer at a time checks again)."""
        self._settle_pending = False
        if self.wanted_claim == self.highlighted_claim:
            return
        if self.app.message_queue_size:
            self._settle_pending = True
            self.set_timer(1 / 60, self.settle_claim)
            return
        self.highlighted_claim = self.wanted_claim

    def watch_highlighted_claim(self) -> None:
        """Show the claim the cursor reached."""
        self.show_claim()

    def show_claim(self) -> None:
        """Show the highlighted claim (read from the store unless read since it last changed:
        the panes then find their lines cached too)."""
        claim_id = self.highlighted_claim
        data = self.claim_cache.get(claim_id) if claim_id else None
        if data is None:
            data = load_claim(self.store, claim_id, self.passage_index)
            if claim_id and data is not None:
                self.claim_cache[claim_id] = data
        self.claim_data = data
        self.refresh_keys()

    def reload_claim(self) -> None:
        """Read the highlighted claim from the store again (after a change)."""
        self.claim_cache.clear()
        self.show_claim()

    @on(PassageHighlighted)
    def _passage_highlighted(self, event: PassageHighlighted) -> None:
        self.highlighted_passage = event.passage_id
        self.refresh_keys()

    def update_status(self) -> None:
        """Recount progress for the status line."""
        self.status = Status(
            reviewer=self.settings.reviewer, reviewed=self.model.reviewed,
            total=len(self.model), shown=len(self.view), sort=SORTS[self.view.sort],
            filter=self.view.filter.describe(), search=self.view.search)

    def rows_changed(self, claim_ids: list[str]) -> None:
        """Claims changed in the store: update their rows, the list, the panes, progress."""
        if self.store.last_refresh_changed:
            self.store_changed()  # the write also brought in other reviewers' changes
            return
        if self.model.update(claim_ids):
            self.view.invalidate()
            self.claims.set_view(self.view, keep=self.highlighted_claim)
        else:
            self.claims.rows_changed()
        self.reload_claim()
        self.update_status()

    def store_changed(self) -> None:
        """Another process changed the store: rebuild, keeping the cursor on the same claim."""
        self.model.reload()
        self.index_store()
        self.view.invalidate()
        keep = self.highlighted_claim
        self.claims.set_view(self.view, keep=keep)
        self.reload_claim()
        self.update_status()
        self.report_replaced_verdicts()
        gc.freeze()

    def on_key(self) -> None:
        """Note the reviewer is at work (no folding of the journal under their fingers)."""
        self.last_input = time.monotonic()

    def poll_store(self) -> None:
        """Look for changes other reviewers saved (a cheap check, then a refresh).

        Not while a dialog is open: the claim lists of the link dialog, and what the verdict
        picker was opened on, stay as they were; the check runs again on return.
        """
        if self.is_current and time.monotonic() - self.last_input >= IDLE_SECONDS \
                and self.store.has_pending():
            # Idle for a while: fold the journal in, so ``claims.json`` alone holds every
            # review (a copy taken now loses nothing).
            self.store.settle()
        if not self.is_current or not self.store.changed_elsewhere():
            return
        if self._changes_seen is None:
            self._changes_seen = len(self.store.raw("changes"))
        try:
            changed = self.store.refresh()
        except StoreError as exc:
            self.notify(str(exc), title="Cannot read the store", severity="error", markup=False)
            return
        if changed:
            self.store_changed()

    def on_screen_resume(self) -> None:
        """Back from a dialog: pick up what changed meanwhile."""
        if self.is_mounted:
            self.poll_store()

    def report_replaced_verdicts(self) -> None:
        """Tell this reviewer when someone else's verdict replaced theirs."""
        docs = list(self.store.raw("changes").values())
        me = self.settings.reviewer
        for doc in docs[self._changes_seen or len(docs):]:
            before = doc.get("before")
            if doc.get("conflict") and doc.get("what") == "verdict" and doc.get("who") != me \
                    and isinstance(before, dict) and before.get("reviewer") == me:
                after = doc.get("after") or {}
                row = self.model.get(str(doc.get("target")))
                self.notify(
                    f"{one_line(doc.get('who'), 30)} replaced your verdict "
                    f"“{self.verdict_label(before.get('label'))}” with "
                    f"“{self.verdict_label(after.get('label')) or 'none'}” on: "
                    f"{row.text[:80] if row else doc.get('target')}",
                    title="Verdict replaced", severity="warning", timeout=15, markup=False)
        self._changes_seen = len(docs)

    # Actions: moving and finding ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that do not apply to the claim or passage under the cursor.

        Runs before every action, so a claim whose loading was deferred is loaded first:
        an action always applies to the claim under the list's cursor.
        """
        if self.wanted_claim != self.highlighted_claim:
            self.highlighted_claim = self.wanted_claim
        if action in PASSAGE_ACTIONS or action in {"verdict", "note", "history", "open_article",
                                                   "merge"}:
            return self.check_review_action(action)
        if action == "undo":
            return True if self.undo_stack else None
        if action == "redo":
            return True if self.redo_stack else None
        return True

    def action_switch_pane(self) -> None:
        """Tab: between the claim list and the passages."""
        if self.claims.has_focus:
            self.passages.focus()
        else:
            self.claims.focus()

    def action_search(self) -> None:
        """Show the search box."""
        search = self.query_one("#search", SearchBar)
        search.add_class("-visible")
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.view.search = event.value
        self.view.recompute()
        self.claims.set_view(self.view, keep=self.highlighted_claim)
        self.update_status()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.claims.focus()

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.query_one("#search", SearchBar).remove_class("-visible")
        self.claims.focus()

    def action_unreviewed(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) unreviewed claim, wrapping around."""
        count = len(self.view)
        start = self.claims.cursor
        for step in range(1, count + 1):
            position = (start + direction * step) % count
            if not self.view.is_reviewed(position):
                self.claims.cursor = position
                return
        self.notify("Every claim shown is reviewed.", title="Nothing left", markup=False)

    def action_cycle_sort(self) -> None:
        """Next sort order."""
        keys = list(SORTS)
        self.view.set_sort(keys[(keys.index(self.view.sort) + 1) % len(keys)])
        self.claims.set_view(self.view, keep=self.highlighted_claim)
        self.update_status()
        self.notify(f"Sorted by {SORTS[self.view.sort]}.", timeout=2, markup=False)

    def action_filter(self) -> None:
        """Open the filter dialog."""
        lang = self.settings.language
        screen = FilterScreen(self.view.filter, self.view.sort, kinds=self.model.kinds(),
                              outlets=self.model.outlet_names(),
                              stories=self.model.stories(),
                              verdicts=[(v.label(lang), v.key) for v in self.settings.verdicts])
        self.app.push_screen(screen, self._filter_chosen)

    def _filter_chosen(self, choice: FilterChoice | None) -> None:
        if choice is None:
            return
        self.view.filter = choice.filter
        self.view.set_sort(choice.sort)
        self.claims.set_view(self.view, keep=self.highlighted_claim)
        self.update_status()
        if not len(self.view):
            self.notify("No claim matches this filter.", severity="warning", markup=False)

    def action_help(self) -> None:
        """Show every key."""
        from factcheck.tui.screens.note import NoteScreen
        from factcheck.tui.screens.verdict import VerdictScreen

        sections: list[Section] = [
            ("Review (main screen)", self.BINDINGS),
            ("Claim list", ClaimList.BINDINGS),
            ("Passages", Passages.BINDINGS),
            ("Note editor", NoteScreen.BINDINGS),
            ("Verdict picker", [("↑ ↓", "", "Choose a verdict"), ("⏎", "", "Save it"),
                                ("tab", "", "Write an explanation")]),
            ("Dialogs", VerdictScreen.BINDINGS),
            ("Anywhere", [("^p", "", "Command palette: every action by name, themes")]),
        ]
        self.app.push_screen(HelpScreen(sections))
