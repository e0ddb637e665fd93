"""A store full of hostile scraped text, and what "safe to print" means for the tests.

The strings are what a scraped page can carry: terminal escape sequences (clear screen, set the
window title, OSC 52 which writes the reviewer's clipboard, 8-bit CSI), bidi overrides and
isolates that reorder what a reviewer reads, zero-width characters, Rich markup (which would
restyle or hyperlink the output if interpreted), HTML with scripts, a 1,000,000-character
paragraph and a 50,000-character line without spaces.
"""

from __future__ import annotations

import hashlib
import re

from factcheck.core.models import Claim, Evidence, Kind, Mention, Normalized, Passage, Source
from factcheck.core.review import add_note, mark, set_verdict
from factcheck.core.store import Store

ESCAPES = {
    "clear screen": "\x1b[2J\x1b[H",
    "window title": "\x1b]0;pwned\x07",
    "clipboard (OSC 52)": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "8-bit CSI": "\x9b31m",
    "hyperlink (OSC 8)": "\x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\",
    "backspace, bell, CR": "ok\x08\x08\x07\rXX",
}
BIDI = {"RLO": "\u202e", "LRI": "\u2066", "PDI": "\u2069", "LRE": "\u202a", "RLM": "\u200f"}
INVISIBLE = {"ZWSP": "\u200b", "ZWJ": "\u200d", "word joiner": "\u2060", "BOM": "\ufeff"}
MARKUP = ["[bold red]x[/]", "[link=https://evil.example]click[/link]", "[/]", "[blink]b"]
HTML = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "<b>bold</b>"]

HOSTILE_LINE = " ".join([*ESCAPES.values(), *BIDI.values(), *INVISIBLE.values(), *MARKUP, *HTML])
LONG_PARAGRAPH = ("kata " * 200_000).strip() + "."
LONG_LINE = "x" * 50_000

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"  # C0 (but newline) and C1 controls, ESC among them
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Characters that must never reach the reviewer's terminal from a table."""


def _id(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:12]


def hostile_store(store: Store, reviewer: str = "rina") -> Store:
    """Fill ``store`` with one hostile article, its passages, claims, marks, notes, verdicts.

    Reviewers' names are not scraped text; ``reviewer`` can make them hostile too.
    """
    title = "Judul " + HOSTILE_LINE
    paragraphs = [f"Kata Kremlin {HOSTILE_LINE} 24 tahun.", LONG_PARAGRAPH, LONG_LINE,
                  "Putin berkunjung. " + " ".join(MARKUP + HTML)]
    text = title + "\n\n" + "\n\n".join(paragraphs)
    source = Source(id="s-" + _id(text), file="[bold]evil[/].html\x1b[2J", sha256=_id(text) * 5,
                    text=text, title=title, outlet="Outlet " + HOSTILE_LINE,
                    published="2024-06-17", byline={"reporter": "Ana " + HOSTILE_LINE},
                    credits=[HOSTILE_LINE], warnings=["warning " + HOSTILE_LINE])
    passages, pos = [], 0
    for i, part in enumerate([title, *paragraphs]):
        passages.append(Passage(id=f"p-{_id(part)}", source_id=source.id, start=pos,
                                end=pos + len(part), text=part, paragraph=i))
        pos += len(part) + 2
    mentions = [Mention(id=f"m-{p.id}", source_id=source.id, passage_id=p.id, start=p.start,
                        end=p.end, text=p.text, kind=Kind.QUOTE, score=0.5,
                        normalized=Normalized(subject=HOSTILE_LINE, speaker=HOSTILE_LINE,
                                              value=HOSTILE_LINE, unit="[red]u[/]"))
                for p in passages]
    claims = [Claim(id=f"c-hostile-{i}", kind=Kind.QUOTE, text=m.text, normalized=m.normalized,
                    evidence=[Evidence(mention_id=m.id, passage_id=m.passage_id,
                                       source_id=source.id)], outlets=1, origins=1, score=0.5)
              for i, m in enumerate(mentions)]
    with store.transaction() as tx:
        tx.put("sources", source)
        for passage in passages:
            tx.put("passages", passage)
        for mention in mentions:
            tx.put("mentions", mention)
        for claim in claims:
            tx.put("claims", claim)
    for claim in claims:
        passage_id = claim.evidence[0].passage_id
        mark(store, claim.id, passage_id, "supports", reviewer)
        add_note(store, claim.id, "note " + HOSTILE_LINE, "budi", passage_id=passage_id)
        set_verdict(store, claim.id, "false", "budi", "because " + HOSTILE_LINE)
    return store
