"""Time the submission queue: `queue add` of 1,000 templates, `list` and `stats` over 100,000.

    python bench/bench_queue.py [--rows 100000] [--add 1000]

The add figure runs the real command (load, lint, one transaction). The big queue is filled
through the store API (100,000 templates with their events: about 60% decided, 40% pending),
then `queue list` (all rows, text), `queue list --overdue` and `queue stats` run through the CLI
with output discarded. Target: list and stats under 0.5 s at 100,000 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from click.testing import CliRunner

from linter.commands.queue import queue
from linter.queue.store import Entry, QueueStore

T0 = 1_714_557_600  # 2024-05-01T10:00:00Z
BODIES = [
    "Your order {{1}} has shipped and will arrive on {{2}}.",
    "Hi {{1}}, your appointment with {{2}} is confirmed for {{3}}.",
    "We received your payment of {{1}} for invoice {{2}}. Thank you.",
    "Your delivery {{1}} is out for delivery today between {{2}} and {{3}}.",
]


def timed(label: str, func: object, *args: object) -> float:
    start = time.perf_counter()
    result = func(*args)  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    code = getattr(result, "exit_code", 0)
    print(f"{label:<44} {elapsed:8.3f} s" + (f"  (exit {code})" if code else ""))
    return elapsed


def bench_add(folder: Path, n: int) -> None:
    src = folder / "templates.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = BODIES[i % len(BODIES)].replace("{{1}}", f"{{{{1}}}} (ref {i})", 1)
            samples = [f"S{j}" for j in range(body.count("{{"))]
            body_comp = {"type": "BODY", "text": body, "example": {"body_text": [samples]}}
            record = {"name": f"tpl_{i}", "language": "en_US", "category": "UTILITY"}
            fh.write(json.dumps({**record, "components": [body_comp]}) + "\n")
    env = {"TEMPLINT_DB": str(folder / "add.db"), "TEMPLINT_NOW": "2024-05-01T10:00:00Z"}
    runner = CliRunner()
    timed(
        f"queue add, {n:,} templates (lint + store)",
        lambda: runner.invoke(queue, ["add", "--force", str(src)], env=env),
    )


def fill(path: Path, rows: int) -> None:
    now = [T0]
    store = QueueStore(path, now=lambda: datetime.fromtimestamp(now[0], UTC))
    entries = [
        Entry(
            name=f"template_{i:06d}",
            language="en_US",
            category="UTILITY",
            body=BODIES[i % 4],
            content=f"{i}:{BODIES[i % 4]}",
            lint_verdict=("clean", "warning", "error")[i % 3],
            promo_score=(i % 100) / 100 if i % 5 else None,
        )
        for i in range(rows)
    ]
    store.add(entries, by="bench", submit=True)
    now[0] += 30 * 3600
    db = store.db
    # Verdicts straight through SQL in one transaction (the store's one-by-one path is
    # what add/decide use; here we only need the shape of a big ledger quickly).
    db.execute("BEGIN IMMEDIATE")
    db.execute(
        "INSERT INTO events (template_id, revision_id, from_state, to_state, at, recorded_at, "
        "by, reason, submitted_at) "
        "SELECT t.id, r.id, 'submitted', CASE WHEN t.id % 3 THEN 'approved' ELSE 'rejected' END, "
        "? + (t.id % 50) * 3600, ?, 'bench', "
        "CASE WHEN t.id % 3 THEN NULL ELSE 'PROMOTIONAL ' || (t.id % 7) END, ? "
        "FROM templates t JOIN revisions r ON r.template_id = t.id WHERE t.id % 5 < 3",
        (T0, now[0], T0),
    )
    db.execute("COMMIT")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_add(folder, args.add)
        big = folder / "big.db"
        start = time.perf_counter()
        fill(big, args.rows)
        print(f"(filled {args.rows:,} templates in {time.perf_counter() - start:.1f} s)")
        env = {"TEMPLINT_DB": str(big), "TEMPLINT_NOW": "2024-05-06T10:00:00Z"}
        runner = CliRunner()
        os.environ.pop("TZ", None)
        for label, argv in (
            (f"queue list, {args.rows:,} rows (text)", ["list"]),
            ("queue list --format json", ["list", "--format", "json"]),
            ("queue list --overdue", ["list", "--overdue"]),
            ("queue list --state rejected", ["list", "--state", "rejected"]),
            (f"queue stats, {args.rows:,} rows", ["stats"]),
        ):
            timed(label, lambda a=argv: runner.invoke(queue, a, env=env))


if __name__ == "__main__":
    main()
