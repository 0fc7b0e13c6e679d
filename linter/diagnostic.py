"""The one shape every finding takes, whichever rule or input produced it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.source import LineIndex

SEVERITIES = ("info", "warning", "error")

# The keys of a finding in the JSON output and ``Diagnostic.to_dict``, in this order (null where
# it does not apply): a consumer can rely on the shape whatever was selected. An unreadable
# input is an item with code "input-error".
JSON_KEYS = (
    "file", "line", "column", "end_line", "end_column", "code", "name", "severity", "message",
    "fix", "template", "component", "category", "language", "promotional_score",
    "predicted_category", "edit", "alternatives", "category_assumed",
)  # fmt: skip


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
    # Other replacements, for an editor's menu: the next guesses for the edit's span, or, with
    # no edit, a misspelling's suggestions when none is clearly the word meant. Never written
    # by ``--fix``, nor counted as fixable (both go by ``edit`` alone).
    alternatives: tuple[Edit, ...] = field(default=(), compare=False, hash=False, repr=False)

    def to_dict(self, source: str | LineIndex | None = None) -> dict[str, Any]:
        """The finding as ``templint lint --format json`` gives it: every key of ``JSON_KEYS``
        in that order (None where it does not apply), then what later stages added.

        ``edit``: what ``--fix`` would write (``content``; ``safe``: without
        ``--unsafe-fixes``) and where, in lines and columns of ``source`` (the text that was
        linted, as given to ``lint_text``, or its ``Template.index``); without ``source``
        those four are None. ``alternatives``: other texts for the same place, which ``--fix``
        never writes (with ``edit`` None: suggestions, none clearly the word meant)."""
        data = asdict(self)
        data.pop("span")
        data.pop("edit")
        data.pop("alternatives")
        data.update(data.pop("extra"))
        data["edit"] = self._edit_item(source)
        data["alternatives"] = [e.new for e in self.alternatives]
        shaped = {key: data.get(key) for key in JSON_KEYS}
        shaped.update(data)
        return shaped

    def _edit_item(self, source: str | LineIndex | None) -> dict[str, Any] | None:
        if self.edit is None:
            return None
        region: tuple[int | None, ...] = (None, None, None, None)
        if source is not None:
            from linter.source import LineIndex

            # offsets index the text after a byte order mark, as the CLI reads it
            index = LineIndex(source.removeprefix("\ufeff")) if isinstance(source, str) else source
            region = (*index.position(self.edit.start), *index.position(self.edit.end))
        line, column, end_line, end_column = region
        return {
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "content": self.edit.new,
            "safe": self.edit.safe,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)
