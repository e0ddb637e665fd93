"""Text normalization shared by every stage.

Two operations, kept apart on purpose:

* `strip_invisible` removes characters that carry no meaning and must never reach a reviewer
  (zero-width and bidi controls, soft hyphens, C0/C1 controls other than newline and tab). It runs
  once, during cleaning, so the cleaned text that offsets point into has none of them.
* `fold` maps a cleaned text to a *same-length* matching key: non-breaking and other unusual spaces
  become a plain space, curly quotes straight ones, dashes a hyphen-minus, and letters are
  lower-cased where that keeps the length. Because the length is kept, an offset found in the
  folded text is an offset into the cleaned text shown to reviewers.
"""

from __future__ import annotations

import re
import unicodedata

UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls except \t and \n (escapes start so)
    "\u00ad"  # soft hyphen
    "\u061c\u180e"  # Arabic letter mark (a bidi control), Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
    "\ufff9-\ufffb"  # interlinear annotation controls
    "\U000e0000-\U000e007f"  # tag characters (invisible "ASCII smuggling")
)
"""The one list of characters that must never reach a reviewer (a regex character class body).
Ingest strips them from the cleaned text; the CLI, the TUI and the reports strip them again from
anything they show, since a store may hold text from elsewhere."""
UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_INVISIBLE = UNSAFE

_FOLD_TABLE = {
    **{ord(c): " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
       "\u2008\u2009\u200a\u202f\u205f\u3000\t"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
}


def strip_invisible(text: str) -> str:
    """Remove invisible and control characters; turn CRLF/CR line ends into ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def fold(text: str) -> str:
    """Return a same-length matching key for ``text`` (see the module docstring)."""
    folded = text.translate(_FOLD_TABLE)
    lowered = folded.lower()
    # A few characters change length when lower-cased (e.g. "İ"); keep the original then.
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def squash_spaces(text: str) -> str:
    """Collapse runs of white space (after folding) into one space and trim the ends."""
    return " ".join(fold(text).split())


def ascii_key(text: str) -> str:
    """A loose key for names: folded, accents removed, only letters and digits kept."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if c.isalnum())
