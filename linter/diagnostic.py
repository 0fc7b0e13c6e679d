"""The one shape every finding takes, whichever rule or input produced it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old`` at file offsets [start, end) of the decoded file text with ``new``."""

    start: int
    end: int
    old: str
    new: str
    safe: bool


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding. Lines and columns are 1-based; ``end_column`` is exclusive (as in SARIF)."""

    code: str
    name: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    template: str | None = None
    component: str = "body"
    fix: str | None = None
    # The category and language the template was linted as: its own, else the config's
    # defaults (a text file declares none unless a directive does). Lets a multilingual
    # report be split by language without going back to the files.
    category: str | None = field(default=None, compare=False, hash=False)
    language: str | None = field(default=None, compare=False, hash=False)
    # Scores and other per-template facts added by later stages (classifier, …).
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # (start, end) offsets into the component's own text, for highlighting it (batch report);
    # None for a finding about the template as a whole. Not part of the printed formats.
    span: tuple[int, int] | None = field(default=None, compare=False, hash=False, repr=False)
    # What ``lint --fix`` writes: file offsets (into the text as read) and the new text there.
    edit: Edit | None = field(default=None, compare=False, hash=False, repr=False)
    # Other guesses for the edit's span (a misspelling's next suggestions), for an editor's menu.
    alternatives: tuple[Edit, ...] = field(default=(), compare=False, hash=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("span")
        data.pop("edit")
        data.pop("alternatives")
        extra = data.pop("extra")
        data.update(extra)
        return data

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)
