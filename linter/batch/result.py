"""What one scored row holds: the columns batch adds to every input row, and what the HTML
report needs to show it (the text, and where in it each finding is)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

VERDICTS = ("pass", "warn", "fail", "error")
ADDED_COLUMNS = (
    "verdict",
    "promo_score",
    "predicted_category",
    "codes",
    "messages",
    "suggestion",
)

_RANK = {"error": 0, "warning": 1, "info": 2}  # which finding's fix is the suggestion
REASON_SHORT = 40  # a reason without ':' longer than this is cut to group it


def reason_kind(reason: str) -> str:
    """What kind of problem an error row has, for totals: "malformed CSV line 12: expected 2
    fields, found 3" and "invalid UTF-8: byte 0xE9 at line 5" group as "malformed CSV line" and
    "invalid UTF-8", so summaries do not list every line number."""
    head = reason.split(":", 1)[0]
    head = re.sub(r"\s+\d[\d,]*$", "", head).strip()
    if not head:
        return "unknown"
    return head if len(head) <= REASON_SHORT else head[:REASON_SHORT].rstrip() + "…"


T = TypeVar("T")


def _pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle instances as a call of the constructor with every field, in order: results are
    sent from a worker with every row, and this takes a fraction of the time of the slots
    protocol (copyreg and a state dict per object). Fields added later are included."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[T], tuple[object, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_by_fields
@dataclass(slots=True)
class Finding:
    code: str
    severity: str  # info | warning | error
    message: str
    fix: str | None = None
    component: str = "body"  # body, header, footer, buttons[0].text, … or "template"
    # offsets into ``RowResult.text`` when the finding is in the body; None otherwise
    start: int | None = None
    end: int | None = None


@_pickled_by_fields
@dataclass(slots=True)
class RowResult:
    index: int  # 0-based position among the input's data rows
    text: str  # the body that was linted ("" when the row could not be read)
    name: str | None = None
    category: str | None = None  # as declared in the row, upper-case; None when not given
    verdict: str = "pass"  # pass | warn | fail | error
    promo_score: float | None = None
    predicted_category: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the row could not be scored (verdict "error")
    # ``duplicate.digest`` of the body, made where the row was linted (its placeholders are
    # already known there); 0 when not made
    body_digest: int | None = 0
    language: str | None = None  # the row's language code as linted; None when not given

    @property
    def codes(self) -> list[str]:
        """Distinct codes that fired, in order of first appearance."""
        return list(dict.fromkeys(f.code for f in self.findings))

    @property
    def suggestion(self) -> str:
        """The fix of the most severe finding that has one."""
        with_fix = [f for f in self.findings if f.fix]
        if not with_fix:
            return ""
        return min(with_fix, key=lambda f: _RANK.get(f.severity, 3)).fix or ""

    def cells(self) -> list[str]:
        """``columns()`` as CSV cells (None as "", numbers as str), made in one pass over the
        findings: the parent process writes every row, so this is on its critical path."""
        score = "" if self.promo_score is None else str(round(self.promo_score, 4))
        category = self.predicted_category or ""
        findings = self.findings
        if self.error is not None or not findings:
            messages = self.error if self.error is not None else ""
            codes = ",".join(dict.fromkeys(f.code for f in findings))
            suggestion = self.suggestion
            return [self.verdict, score, category, codes, messages, suggestion]
        codes_seen: dict[str, None] = {}
        parts = []
        best, best_rank = "", 4
        for f in findings:
            codes_seen[f.code] = None
            parts.append(f"{f.code}: {f.message}")
            if f.fix and (rank := _RANK.get(f.severity, 3)) < best_rank:
                best, best_rank = f.fix, rank
        return [self.verdict, score, category, ",".join(codes_seen), " | ".join(parts), best]

    def columns(self) -> dict[str, object]:
        """The values of ``ADDED_COLUMNS`` for this row (None where there is no value)."""
        if self.error is not None:
            messages = self.error
        else:
            messages = " | ".join(f"{f.code}: {f.message}" for f in self.findings)
        return {
            "verdict": self.verdict,
            "promo_score": None if self.promo_score is None else round(self.promo_score, 4),
            "predicted_category": self.predicted_category,
            "codes": ",".join(self.codes),
            "messages": messages,
            "suggestion": self.suggestion,
        }
