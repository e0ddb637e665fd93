"""The review actions of the main screen: marks, verdicts, notes, undo/redo, link decisions.

`ReviewActions` is the base class of `MainScreen` (which adds layout and navigation). Every
action is one call of `factcheck.core.review` or `factcheck.core.decisions`, i.e. one durable
transaction, saved at once; the reviewer's name goes on each. Undo and redo replay this
session's own marks, verdicts and notes with `review.revert` / `review.reapply`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual.reactive import reactive
from textual.screen import Screen

from factcheck.core import decisions, review
from factcheck.core.models import Change
from factcheck.core.pipeline import claim_candidates
from factcheck.core.readmodel import ClaimView, PassageView
from factcheck.core.review import Outcome, ReviewError
from factcheck.core.store import Store, StoreError
from factcheck.settings import Settings
from factcheck.tui.claim_data import passage_window
from factcheck.tui.rows import RowModel, RowView
from factcheck.tui.screens.article import ArticleScreen
from factcheck.tui.screens.candidates import CandidatesScreen
from factcheck.tui.screens.error import ErrorScreen
from factcheck.tui.screens.export import ExportScreen
from factcheck.tui.screens.history import HistoryScreen
from factcheck.tui.screens.link import LinkScreen
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.verdict import VerdictScreen
from factcheck.tui.text import one_line
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.passages import Passages, stance_word
from factcheck.tui.work import WorkingApp, snapshot

CANDIDATES_SHOWN = 10
"""Candidates the TUI lists for a claim."""
PASSAGE_ACTIONS = {"mark", "confirm_link", "reject_link", "link", "unlink", "split"}
"""Actions on the passage under the cursor."""


class ReviewActions(Screen[None]):
    """Review actions over the highlighted claim and passage (base of the main screen)."""

    # Not repainting: a screen's repaint redraws every widget on it, and these change at
    # every cursor step; the panes bound to them redraw themselves.
    highlighted_claim: reactive[str | None] = reactive(None, init=False, repaint=False)
    """Id of the claim under the list's cursor."""
    claim_data: reactive[ClaimView | None] = reactive(None, init=False, repaint=False)
    """Everything shown about the highlighted claim."""

    store: Store
    settings: Settings
    model: RowModel
    view: RowView
    cursor_blink: bool

    def init_review_actions(self) -> None:
        """Start this session's undo and redo stacks."""
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self._keys_state: tuple[object, ...] = ()

    def refresh_keys(self) -> None:
        """Update the footer when the keys it shows have changed.

        Textual's footer rebuilds itself whole on every refresh, which costs more than the rest
        of a cursor step, so this compares what the footer would show first: claim actions
        when there is a claim, undo/redo, and passage actions only while the passages pane
        (where they are shown) has the focus.
        """
        claim = self.claim_data
        state: tuple[object, ...] = (claim is None, bool(self.undo_stack), bool(self.redo_stack))
        if self.is_mounted and self.passages.has_focus:
            current = self.current_passage()
            state += (current is None, current is not None and current.link == "suggested",
                      claim is not None and len(claim.passages) > 1)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    # Provided by the main screen ---------------------------------------------------------------
    @property
    def claims(self) -> ClaimList:
        """The claim list."""
        return self.query_one("#claims", ClaimList)

    @property
    def passages(self) -> Passages:
        """The passages pane."""
        return self.query_one("#passages", Passages)

    def rows_changed(self, claim_ids: list[str]) -> None:
        """Claims changed in the store (see `MainScreen`)."""
        raise NotImplementedError

    def verdict_label(self, key: str | None) -> str:
        """A verdict key in the reviewer's language (see `MainScreen`)."""
        raise NotImplementedError

    def store_changed(self) -> None:
        """Other processes changed the store: redraw everything (see `MainScreen`)."""
        raise NotImplementedError

    # Helpers ----------------------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        """Who is reviewing."""
        return self.settings.reviewer

    def current_passage(self) -> PassageView | None:
        """The passage under the passage cursor."""
        return self.passages.current if self.is_mounted and self.claim_data else None

    def check_review_action(self, action: str) -> bool | None:
        """Whether a review action applies to what is under the cursors."""
        claim = self.claim_data
        if claim is None:
            return False
        if action in PASSAGE_ACTIONS:
            current = self.current_passage()
            if current is None:
                return False
            several = len(claim.passages) > 1
            if action == "confirm_link":
                return current.link == "suggested"
            if action == "reject_link":
                return current.link == "suggested" and several
            if action in ("unlink", "split"):
                return several
        return True

    def _stored_mark(self, claim_id: str, key: str) -> str | None:
        """This reviewer's mark on a row as the store holds it now (the screen's copy can be
        a poll behind: the same reviewer may have changed it in another window)."""
        try:
            if self.store.refresh():
                self.store_changed()
        except StoreError:
            pass  # unreadable just now: the write that follows reports it
        review = self.store.sound_doc("reviews", claim_id) or {}
        mark = (review.get("marks") or {}).get(key, {}).get(self.reviewer)
        return mark.get("stance") if isinstance(mark, dict) else None

    def attempt(self, do: Callable[[], Outcome]) -> Outcome | None:
        """Run one review call; report a refused request or a failed save."""
        try:
            return do()
        except review.VerdictChanged as exc:
            told = exc.told(lambda label: f"“{self.verdict_label(label)}”")
            self.notify(
                f"{one_line(told, 80)} after you opened this claim; yours was not saved. Read "
                "it, then choose again (v).", title="Verdict not saved", severity="warning",
                timeout=15, markup=False)
        except ReviewError as exc:
            self.notify(str(exc), title="Not done", severity="error", markup=False)
        except StoreError as exc:
            self.app.push_screen(ErrorScreen("Could not save", str(exc)))
        if self.store.last_refresh_changed:
            self.store_changed()  # the refused request still brought in others' changes
        return None

    def remember(self, outcome: Outcome) -> None:
        """A new change of this session: it can be undone; the redo stack is dropped."""
        self.undo_stack.append(outcome.change)
        self.redo_stack.clear()
        self.refresh_keys()

    # Marks, verdicts, notes -------------------------------------------------------------------
    def action_mark(self, stance: str) -> None:
        """Set (or, with ``""``, clear) this reviewer's mark on the passage under the cursor."""
        claim, passage = self.claim_data, self.current_passage()
        if claim is None or passage is None:
            return
        value = stance or None
        if self._stored_mark(claim.id, passage.key) == value:
            self.passages.cursor += 1
            return
        outcome = self.attempt(lambda: review.mark(self.store, claim.id,
                                                   passage.key, value, self.reviewer))
        if outcome is None:
            return
        self.remember(outcome)
        self.rows_changed([claim.id])
        if value:
            self.passages.cursor += 1

    def action_verdict(self) -> None:
        """Open the verdict picker."""
        claim = self.claim_data
        if claim is None:
            return
        seen = dict(claim.verdict.stored) if claim.verdict else None
        picker = VerdictScreen(self.settings, claim.text, seen, cursor_blink=self.cursor_blink)

        def chosen(key: str | None) -> None:
            if key is None:
                return
            label = key or None
            keys = {v.key for v in self.settings.verdicts}
            outcome = self.attempt(lambda: review.set_verdict(
                self.store, claim.id, label, self.reviewer,
                picker.explanation if label else "", valid_labels=keys, seen=seen))
            if outcome is None:
                return
            self.remember(outcome)
            self.rows_changed([claim.id])

        self.app.push_screen(picker, chosen)

    def action_note(self) -> None:
        """Write a note on the claim, or on the passage when the passages have the focus."""
        claim = self.claim_data
        if claim is None:
            return
        passage = self.current_passage() if self.passages.has_focus else None
        about = (f"On the passage ({passage.outlet}): {''.join(passage_window(passage)[:3])}"
                 if passage else f"On the claim: {claim.text}")

        def written(text: str | None) -> None:
            if text is None:
                return
            outcome = self.attempt(lambda: review.add_note(
                self.store, claim.id, text, self.reviewer,
                passage.id if passage else None))
            if outcome is not None:
                self.remember(outcome)
                self.rows_changed([claim.id])
                self.notify("Note saved.", timeout=2, markup=False)

        self.app.push_screen(NoteScreen(about, cursor_blink=self.cursor_blink), written)

    def _replayed(self, change: Change, done: str) -> None:
        self.rows_changed([change.target])
        if self.highlighted_claim != change.target:
            self.claims.select_claim(change.target)
        value = change.after if done == "Redone" else change.before
        shown = stance_word(str(value)) if change.what == "mark" and value else (
            self.verdict_label(value.get("label")) if isinstance(value, dict)
            and change.what == "verdict" else "removed" if value is None else "restored")
        self.notify(f"{done}: {change.what} → {shown}", timeout=3, markup=False)

    def action_undo(self) -> None:
        """Undo this session's last mark, verdict or note."""
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2, markup=False)
            return
        change = self.undo_stack.pop()
        if self.attempt(lambda: review.revert(self.store, change, self.reviewer)) is not None:
            self.redo_stack.append(change)
            self._replayed(change, "Undone")
        self.refresh_keys()

    def action_redo(self) -> None:
        """Redo what was undone."""
        if not self.redo_stack:
            self.notify("Nothing to redo.", timeout=2, markup=False)
            return
        change = self.redo_stack.pop()
        if self.attempt(lambda: review.reapply(self.store, change, self.reviewer)) is not None:
            self.undo_stack.append(change)
            self._replayed(change, "Redone")
        self.refresh_keys()

    # Link decisions ---------------------------------------------------------------------------
    def _decided(self, outcome: Outcome | None, claim_ids: list[str], message: str) -> None:
        if outcome is None:
            return
        after = outcome.change.after
        extra = [after] if isinstance(after, str) and after.startswith("c-") else []
        self.rows_changed([*claim_ids, *extra])
        self.notify(message, timeout=4, markup=False)

    def _passage_decision(self, decide: Callable[[Store, str, str, str], Outcome],
                          message: str) -> None:
        claim, passage = self.claim_data, self.current_passage()
        if claim is None or passage is None:
            return
        outcome = self.attempt(lambda: decide(self.store, claim.id, passage.id,
                                              self.reviewer))
        self._decided(outcome, [claim.id], message)

    def action_confirm_link(self) -> None:
        """The suggested passage belongs to the claim."""
        self._passage_decision(decisions.confirm_link, "Link confirmed.")

    def action_reject_link(self) -> None:
        """The suggested passage is not this claim: it stands alone."""
        self._passage_decision(decisions.reject_link, "Link rejected: the passage stands alone.")

    def action_unlink(self) -> None:
        """Take the passage out of the claim."""
        self._passage_decision(decisions.unlink, "Passage unlinked: it stands alone.")

    def action_split(self) -> None:
        """Split the passage off into a new claim."""
        self._passage_decision(
            lambda store, cid, pid, who: decisions.split_claim(store, cid, [pid], who),
            "Passage split off into a new claim.")

    def _pick_claim(self, title: str, about: str, then: Callable[[str], None]) -> None:
        claim = self.claim_data
        if claim is None:
            return

        def picked(target: str | None) -> None:
            if target:
                then(target)

        self.app.push_screen(LinkScreen(title, about, self.model, claim.id,
                                        self.verdict_label, cursor_blink=self.cursor_blink),
                             picked)

    def action_candidates(self) -> None:
        """Show the claim's candidates in other outlets; enter attaches one to the claim."""
        claim = self.claim_data
        if claim is None:
            return
        found = claim_candidates(self.store, claim.id, CANDIDATES_SHOWN)
        claim_id = claim.id

        def attach(passage_id: str | None) -> None:
            if not passage_id:
                return
            before = next((c.claim_id for c in found if c.passage_id == passage_id), None)
            outcome = self.attempt(lambda: decisions.link_passage(
                self.store, passage_id, claim_id, self.reviewer))
            self._decided(outcome, [claim_id, *([before] if before else [])],
                          "Passage attached to this claim.")

        self.app.push_screen(CandidatesScreen(claim.text, found), attach)

    def action_link(self) -> None:
        """Move the passage under the cursor into another claim."""
        claim, passage = self.claim_data, self.current_passage()
        if claim is None or passage is None:
            return

        def link(target: str) -> None:
            outcome = self.attempt(lambda: decisions.link_passage(
                self.store, passage.id, target, self.reviewer))
            self._decided(outcome, [claim.id, target], "Passage moved to the chosen claim.")

        self._pick_claim("Link the passage to which claim?",
                         f"{passage.outlet}: {passage_window(passage)[1]}", link)

    def action_merge(self) -> None:
        """Merge another claim into this one."""
        claim = self.claim_data
        if claim is None:
            return

        def merge(other: str) -> None:
            outcome = self.attempt(lambda: decisions.merge_claims(
                self.store, claim.id, other, self.reviewer))
            self._decided(outcome, [claim.id, other], "Claims merged.")

        self._pick_claim("Merge which claim into this one?", claim.text, merge)

    # Other views -----------------------------------------------------------------------------
    def action_history(self) -> None:
        """Show the claim's change log."""
        if (claim := self.claim_data) is not None:
            self.app.push_screen(HistoryScreen(self.store, self.settings, claim.id,
                                               claim.text))

    def action_open_article(self) -> None:
        """Read the passage's article with every claim highlighted."""
        claim = self.claim_data
        if claim is None or not claim.passages:
            return
        passage = self.current_passage() or claim.passages[0]
        self.app.push_screen(ArticleScreen(self.store, passage.source_id, claim.id,
                                           passage.id))

    def action_export(self) -> None:
        """Open the export dialog (the report is written by a worker)."""
        app = cast(WorkingApp, self.app)
        shown = tuple(self.model.ids[at] for at in self.view.indexes)  # no row made
        self.app.push_screen(ExportScreen(
            lambda job: app.export(job, snapshot(self.store), self.settings), shown=shown,
            total=len(self.model), lang=self.settings.language,
            cursor_blink=self.cursor_blink))
