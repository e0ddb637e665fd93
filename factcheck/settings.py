"""User settings: reviewer identity, verdict scale, key bindings, publishing organization.

Read from a TOML file: ``--config PATH``, else ``$FACTCHECK_CONFIG``, else
``$XDG_CONFIG_HOME/factcheck/settings.toml`` (``~/.config/factcheck/settings.toml``). Every
field has a default, so the file is optional. Example::

    reviewer = "Rina"
    language = "id"            # labels in reports and the TUI: id or en

    [organization]
    name = "Cek Fakta Desk"
    url = "https://example.org"

    [keys]                     # action = key (Textual key names)
    supports = "a"
    contradicts = "x"
    unlink = "shift+u"         # terminals send "U"; the TUI binds both

    [[verdicts]]               # replaces the default scale when given
    key = "true"
    id = "Benar"
    en = "True"
    rating = 5
"""

from __future__ import annotations

import getpass
import os
import tomllib
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.core.textnorm import UNSAFE


class VerdictOption(BaseModel):
    """One step of the verdict scale, with its ClaimReview rating (1 = worst, 5 = best)."""

    model_config = ConfigDict(frozen=True)

    key: str
    id: str
    """Indonesian label."""
    en: str
    """English label."""
    rating: int = Field(ge=1, le=5)
    description: str = ""
    ranks_truth: bool = True
    """False for a verdict that says nothing about how true the claim is (disputed,
    unverifiable): reports show no "rating n/5" for it (ClaimReview still needs a number)."""

    def label(self, language: str = "en") -> str:
        """The label in ``language`` (``id`` or ``en``)."""
        return self.id if language == "id" else self.en


DEFAULT_VERDICTS: tuple[VerdictOption, ...] = (
    VerdictOption(key="true", id="Benar", en="True", rating=5,
                  description="Accurate; the evidence supports it."),
    VerdictOption(key="partly_true", id="Sebagian benar", en="Partly true", rating=4,
                  description="Accurate in part; some details are wrong or missing."),
    VerdictOption(key="misleading", id="Menyesatkan", en="Misleading", rating=2,
                  description="Uses true elements to give a false impression."),
    VerdictOption(key="false", id="Salah", en="False", rating=1,
                  description="Inaccurate; the evidence contradicts it."),
    VerdictOption(key="disputed", id="Diperdebatkan", en="Disputed", rating=3,
                  description="Outlets or parties are split; the evidence does not settle it.",
                  ranks_truth=False),
    VerdictOption(key="unverifiable", id="Tidak dapat diverifikasi", en="Unverifiable", rating=3,
                  description="No evidence available either way.", ranks_truth=False),
)
"""The default scale. Ratings follow ClaimReview: 1 (worst, False) to 5 (best, True); the
scale's middle (3) is used for verdicts that do not rank truth (Disputed, Unverifiable)."""

DEFAULT_KEYS: dict[str, str] = {
    "supports": "a",
    "contradicts": "x",
    "denial": "d",
    "unrelated": "u",
    "clear": "backspace",
    "verdict": "v",
    "note": "n",
    "undo": "ctrl+z",
    "redo": "ctrl+y",
    "open_article": "o",
    "search": "slash",
    "next_unreviewed": "right_square_bracket",
    "previous_unreviewed": "left_square_bracket",
    "confirm_link": "c",
    "reject_link": "r",
    "link": "l",
    "unlink": "shift+u",
    "merge": "m",
    "split": "s",
    "export": "e",
    "history": "h",
    "candidates": "p",
    "filter": "f",
    "sort": "shift+s",
    "help": "question_mark",
    "quit": "q",
}


class Organization(BaseModel):
    """The fact-checking organization named as author of ClaimReview exports."""

    name: str = "factcheck desk"
    url: str | None = None


class Settings(BaseModel):
    """All user settings."""

    reviewer: str = Field(default_factory=lambda: _login_name())
    language: str = "en"
    organization: Organization = Field(default_factory=Organization)
    verdicts: tuple[VerdictOption, ...] = DEFAULT_VERDICTS
    keys: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_KEYS))
    poll_seconds: float = 2.0
    """How often the TUI looks for changes other reviewers saved."""

    @field_validator("reviewer")
    @classmethod
    def _one_name_per_person(cls, value: str) -> str:
        return reviewer_name(value)

    def verdict(self, key: str) -> VerdictOption | None:
        """The scale step with ``key``."""
        return next((v for v in self.verdicts if v.key == key), None)

    def key_for(self, action: str) -> str:
        """The key bound to ``action``."""
        return self.keys.get(action, DEFAULT_KEYS.get(action, ""))


class SettingsError(Exception):
    """A settings file that cannot be read; the message names the file and the problem."""


REVIEWER_LIMIT = 80


def reviewer_name(value: str) -> str:
    """A reviewer's name as it is stored: one spelling per person.

    Compatibility forms are folded (NFKC: full-width letters), invisible and control characters
    dropped (a zero-width space, an escape sequence), runs of spaces made one, ends stripped.
    A name whose words mix alphabets (a Cyrillic "а" among Latin letters) is refused: it would
    print exactly like another reviewer's name.

    Raises:
        ValueError: The name is empty once cleaned, too long, or mixes alphabets in one word.
    """
    name = UNSAFE.sub("", unicodedata.normalize("NFKC", value))
    name = " ".join(name.split())
    if not name:
        raise ValueError("a reviewer name needs at least one visible character")
    if len(name) > REVIEWER_LIMIT:
        raise ValueError(f"a reviewer name has at most {REVIEWER_LIMIT} characters")
    for word in name.split():
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if len(scripts) > 1:
            raise ValueError(f"{word!r} mixes {' and '.join(sorted(scripts))} letters, so it "
                             "would look like another name; type it in one alphabet")
    return name


def _script(ch: str) -> str:
    """The alphabet of a letter, from its Unicode name ("LATIN", "CYRILLIC", "GREEK"...)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def default_config_path() -> Path:
    """Where the settings file is looked for when no path is given."""
    env = os.environ.get("FACTCHECK_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "factcheck" / "settings.toml"


def load_settings(path: Path | None = None, reviewer: str | None = None, *,
                  fallback_reviewer: str | None = None) -> Settings:
    """Read settings from ``path`` (or the default place); ``reviewer`` overrides the file;
    ``fallback_reviewer`` (a database role) replaces the login name when neither names one."""
    target = path or default_config_path()
    data: dict[str, object] = {}
    if target.exists():
        try:
            data = tomllib.loads(target.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{target}: cannot read settings: {exc}") from exc
    elif path is not None:
        raise SettingsError(f"{target}: settings file not found")
    keys = dict(DEFAULT_KEYS)
    user_keys = data.pop("keys", {})
    if isinstance(user_keys, dict):
        keys.update({str(k): str(v) for k, v in user_keys.items()})
    data["keys"] = keys
    if reviewer is not None:
        data["reviewer"] = reviewer
    elif "reviewer" not in data and fallback_reviewer:
        data["reviewer"] = fallback_reviewer
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        where = "--reviewer" if reviewer is not None and field == "reviewer" else str(target)
        raise SettingsError(f"{where}: invalid setting {field}: {first['msg']}") from exc
