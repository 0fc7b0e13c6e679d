"""Detection rate of the evasion corpus (tests/evasion_cases.py) without and with normalisation.

    python bench/evasion_rate.py

Prints a table by trick and by rule family, and the overall rate, for `normalize = false`
(the raw text, as before linter/normalize.py) and the default; also the time normalisation
adds per template over the corpus of real templates in data/templates.jsonl.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from evasion_cases import CASES  # noqa: E402

from linter.api import lint_text  # noqa: E402
from linter.config import Config  # noqa: E402


def rates() -> None:
    before_on, after_on = Config(normalize=False), Config()
    total: Counter[tuple[str, str]] = Counter()
    hits: dict[str, Counter[tuple[str, str]]] = {"before": Counter(), "after": Counter()}
    for case in CASES:
        for group in (("trick", case.trick), ("family", case.family)):
            total[group] += 1
        for label, config in (("before", before_on), ("after", after_on)):
            if any(d.code == case.code for d in lint_text(case.text, config=config)):
                hits[label][("trick", case.trick)] += 1
                hits[label][("family", case.family)] += 1
    for kind in ("trick", "family"):
        print(f"\n| {kind} | cases | before | after |\n|---|---:|---:|---:|")
        for key in sorted(k for k in total if k[0] == kind):
            n = total[key]
            b, a = hits["before"][key], hits["after"][key]
            print(f"| {key[1]} | {n} | {b} ({b / n:.0%}) | {a} ({a / n:.0%}) |")
    n = len(CASES)
    b = sum(v for k, v in hits["before"].items() if k[0] == "trick")
    a = sum(v for k, v in hits["after"].items() if k[0] == "trick")
    print(f"\nall: {n} cases; before {b} ({b / n:.1%}), after {a} ({a / n:.1%})")


def cost(rows: int = 3000) -> None:
    with (ROOT / "data" / "templates.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:: 7520 // rows + 1]
    for label, config in (("normalize = false", Config(normalize=False)), ("default", Config())):
        lint_text("warm up", config=config)
        start = time.perf_counter()
        for text in texts:
            lint_text(text, config=config)
        took = time.perf_counter() - start
        print(f"{label:<18} {len(texts):,} templates: {took:.2f} s, {len(texts) / took:,.0f}/s")


if __name__ == "__main__":
    rates()
    print()
    cost()
