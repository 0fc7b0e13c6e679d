"""What the ledger says about review: outcomes, review times, reasons, lint vs verdict, quota."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from linter.queue.schema import STATES

QUOTA = 250  # approved templates per business (the figure this ledger tracks against)
QUOTA_WARN = 0.9
# Meta: 100 template creations per WhatsApp Business Account per hour (FB templates/overview).
# The ledger counts its submissions in the hour before a time against it.
HOURLY_LIMIT = 100
HOUR_SECONDS = 3600
SCORE_BANDS = ((0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0))


@dataclass
class Outcome:
    """Verdicts after a submission, for one group (a lint verdict, a score band)."""

    group: str
    approved: int = 0
    rejected: int = 0
    other: int = 0  # paused or disabled straight after review

    @property
    def reviewed(self) -> int:
        return self.approved + self.rejected + self.other

    @property
    def approval_rate(self) -> float | None:
        return self.approved / self.reviewed if self.reviewed else None


@dataclass
class Stats:
    states: dict[str, int]
    templates: int
    reviews: Outcome
    median_review: float | None  # seconds
    p90_review: float | None
    reasons: list[tuple[str, int]]
    by_lint: list[Outcome] = field(default_factory=list)
    by_score: list[Outcome] = field(default_factory=list)
    approved: int = 0
    quota: int = QUOTA
    last_hour: int = 0  # submissions in the hour before now
    hourly_limit: int = HOURLY_LIMIT
    # Meta's moves of reviewed templates: (from category or None, to category, how many)
    recategorised: list[tuple[str | None, str, int]] = field(default_factory=list)

    @property
    def quota_used(self) -> float:
        return self.approved / self.quota if self.quota else 0.0

    @property
    def quota_warning(self) -> bool:
        return self.quota_used >= QUOTA_WARN

    def to_dict(self) -> dict[str, Any]:
        def outcome(o: Outcome) -> dict[str, Any]:
            return {**asdict(o), "reviewed": o.reviewed, "approval_rate": o.approval_rate}

        return {
            "templates": self.templates,
            "states": self.states,
            "reviews": outcome(self.reviews),
            "median_review_hours": _hours(self.median_review),
            "p90_review_hours": _hours(self.p90_review),
            "rejection_reasons": [{"reason": r, "count": n} for r, n in self.reasons],
            "by_lint_verdict": [outcome(o) for o in self.by_lint],
            "by_promo_score": [outcome(o) for o in self.by_score],
            "quota": {
                "approved": self.approved,
                "cap": self.quota,
                "used": round(self.quota_used, 4),
                "warning": self.quota_warning,
            },
            "recategorised": [{"from": f, "to": t, "count": n} for f, t, n in self.recategorised],
            "creation_rate": {
                "submissions_last_hour": self.last_hour,
                "limit_per_hour": self.hourly_limit,
            },
        }


@dataclass
class HourlyRate:
    """Submissions in the hour up to a time, against Meta's creation limit."""

    count: int
    limit: int = HOURLY_LIMIT
    free_at: int | None = None  # when the count falls below the limit again (None: it is)

    @property
    def at_limit(self) -> bool:
        return self.count >= self.limit


def hourly_rate(db: sqlite3.Connection, at: int, limit: int = HOURLY_LIMIT) -> HourlyRate:
    """Submissions recorded in (at - 1 h, at], and when one more would be within the limit."""
    times = [
        t
        for (t,) in db.execute(
            "SELECT at FROM events WHERE to_state = 'submitted' AND at > ? AND at <= ? ORDER BY at",
            (at - HOUR_SECONDS, at),
        )
    ]
    free_at = None
    if len(times) >= limit:
        # the window must lose len - limit + 1 submissions before one more fits
        free_at = times[len(times) - limit] + HOUR_SECONDS
    return HourlyRate(len(times), limit, free_at)


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


def percentile(sorted_values: list[int], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        return None
    pos = (len(sorted_values) - 1) * q
    low = int(pos)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def _band(score: float | None) -> str:
    if score is None:
        return "no score"
    for low, high in SCORE_BANDS:
        if score < high:
            return f"{low:.2f}-{high:.2f}"
    return f"{SCORE_BANDS[-1][0]:.2f}-{SCORE_BANDS[-1][1]:.2f}"


def compute(db: sqlite3.Connection, quota: int = QUOTA, now: int | None = None) -> Stats:
    states = dict.fromkeys(STATES, 0)
    for state, n in db.execute(
        "SELECT e.to_state, count(*) FROM templates t "
        "JOIN events e ON e.id = t.head_event "
        "GROUP BY e.to_state"
    ):
        states[state] = n
    # A review is a verdict that answered a submission (it carries submitted_at).
    reviews = Outcome("all")
    by_lint: dict[str, Outcome] = {}
    by_score: dict[str, Outcome] = {}
    rows = db.execute(
        "SELECT e.to_state, r.lint_verdict, "
        "CASE WHEN r.promo_score IS NULL THEN -1 "
        f"{' '.join(f'WHEN r.promo_score < {h} THEN {i}' for i, (_, h) in enumerate(SCORE_BANDS))}"
        f" ELSE {len(SCORE_BANDS) - 1} END AS band, count(*) "
        "FROM events e JOIN revisions r ON r.id = e.revision_id "
        "WHERE e.from_state = 'submitted' GROUP BY 1, 2, 3"
    ).fetchall()
    for verdict, lint, band, n in rows:
        label = "no score" if band < 0 else _band(SCORE_BANDS[band][0])
        for outcome in (
            reviews,
            by_lint.setdefault(lint, Outcome(lint)),
            by_score.setdefault(label, Outcome(label)),
        ):
            if verdict == "approved":
                outcome.approved += n
            elif verdict == "rejected":
                outcome.rejected += n
            else:
                outcome.other += n
    durations = [
        d
        for (d,) in db.execute(
            "SELECT at - submitted_at FROM events "
            "WHERE from_state = 'submitted' AND submitted_at IS NOT NULL ORDER BY 1"
        )
    ]
    reasons = db.execute(
        "SELECT coalesce(nullif(trim(reason), ''), '(no reason given)'), count(*) FROM events "
        "WHERE to_state = 'rejected' GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    recategorised = db.execute(
        "SELECT from_category, to_category, count(*) FROM recategorisations "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
    ).fetchall()
    lint_order = ("clean", "info", "warning", "error")
    band_order = [_band(low) for low, _ in SCORE_BANDS] + ["no score"]
    return Stats(
        states=states,
        templates=sum(states.values()),
        reviews=reviews,
        median_review=percentile(durations, 0.5),
        p90_review=percentile(durations, 0.9),
        reasons=[(r, n) for r, n in reasons],
        by_lint=[by_lint[k] for k in lint_order if k in by_lint],
        by_score=[by_score[k] for k in band_order if k in by_score],
        approved=states["approved"],
        quota=quota,
        last_hour=0 if now is None else hourly_rate(db, now).count,
        recategorised=[(f, t, n) for f, t, n in recategorised],
    )
