"""Where a batch row's time goes: microseconds per template for each rule kind, in one process.

    python bench/batch_profile.py [--rows 4000] [--top 8]

Rows are corpus templates (data/templates.jsonl, shuffled with a fixed seed) with their own
category, linted the way a batch worker lints them: a chunk of 500 is prepared together (the
classifier's numpy scoring, which also normalises the texts), then each template goes through the
engine's gates and the rules that apply. The first 1,000 rows warm the caches (word memo,
suggestions, spaCy matchers, gates) and are not counted; then the garbage collector is set up as
in a batch worker. Each kind's figure is the time spent
inside its checks; "engine" is the rest of `Linter.lint` (gates, diagnostics, sorting).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--top", type=int, default=8, help="slowest single rules to list")
    args = parser.parse_args()

    from linter.config import Config
    from linter.engine import Linter
    from linter.inputs import parse_text

    with (ROOT / "data" / "templates.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    random.Random(0).shuffle(records)
    records = [records[i % len(records)] for i in range(args.rows + 1000)]
    linter = Linter(Config())

    def templates(rows: list[dict]) -> list:
        out = []
        for r in rows:
            tpl = parse_text(r["text"], "row")
            tpl.category = r["label"].upper()
            out.append(tpl)
        return out

    def lint_all(tpls: list, timed: Counter | None) -> None:
        for i in range(0, len(tpls), 500):
            start = time.perf_counter()
            linter.prepare(tpls[i : i + 500])
            if timed is not None:
                timed["prepare (classifier + normalising)"] += time.perf_counter() - start
        for tpl in tpls:
            start = time.perf_counter()
            before = spent[0]
            linter.lint([tpl])
            if timed is not None:
                timed["engine"] += time.perf_counter() - start - (spent[0] - before)

    spent = [0.0]
    lint_all(templates(records[:1000]), None)
    import gc

    gc.collect()
    gc.freeze()  # as a batch worker does after its first chunk (linter/batch/score.py)
    gc.set_threshold(100_000, 50, 1000)
    rows = records[1000:]
    start = time.perf_counter()
    lint_all(templates(rows), None)  # once untimed: the true total, without the timers' cost
    plain = (time.perf_counter() - start) / len(rows)
    timed: Counter = Counter()
    by_rule: Counter = Counter()
    _time_checks(linter, timed, by_rule, spent)
    start = time.perf_counter()
    tpls = templates(rows)
    timed["parse"] += time.perf_counter() - start
    lint_all(tpls, timed)
    total = sum(timed.values())
    n = len(rows)
    print(f"{n:,} corpus templates: {plain * 1e6:.0f} us each ({1 / plain:,.0f} a second)")
    print(f"split by kind (timed run, {total / n * 1e6:.0f} us; 'engine' holds the timers' cost):")
    for kind, seconds in timed.most_common():
        print(f"  {kind:36s} {seconds / n * 1e6:7.1f} us  {seconds / total:6.1%}")
    print("slowest rules (us per template, averaged over all templates):")
    for rule, seconds in by_rule.most_common(args.top):
        print(f"  {rule:36s} {seconds / n * 1e6:7.1f} us")


def _time_checks(linter: object, timed: Counter, by_rule: Counter, spent: list[float]) -> None:
    """Wrap every check of ``linter`` so that its time is added to its kind and rule."""
    for check in linter.checks:  # type: ignore[attr-defined]
        run = check.check

        def wrapped(template: object, _check: object = check, _run: object = run) -> list:
            start = time.perf_counter()
            hits = list(_run(template))  # type: ignore[operator]
            took = time.perf_counter() - start
            spent[0] += took
            timed[_check.rule.kind] += took  # type: ignore[attr-defined]
            by_rule[f"{_check.rule.code} {_check.rule.name}"] += took  # type: ignore[attr-defined]
            return hits

        check.check = wrapped


if __name__ == "__main__":
    main()
