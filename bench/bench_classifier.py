"""Benchmark of the lint-time classifier: load time, single-template latency, batch throughput,
and what the classifier adds to the cold start of ``templint lint`` on one template.

Run from the project root:  python bench/bench_classifier.py [--n 10000] [--model-dir models]

Texts are the corpus's (data/templates.jsonl), repeated to N, or the test fixture when the
corpus is absent. Everything runs on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(n: int) -> list[str]:
    for path in (
        ROOT / "data" / "templates.jsonl",
        ROOT / "tests/fixtures/classifier_templates.jsonl",
    ):
        if path.is_file():
            base = [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
            return [base[i % len(base)] for i in range(n)]
    raise SystemExit("no texts to score")


def _cold(code: str, repeat: int) -> float:
    """Median wall time of a fresh interpreter running ``code``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model-dir", default=None)
    parser.add_argument("--repeat", type=int, default=7, help="cold-start runs (median)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    from linter.classifier.scorer import load_scorer

    start = time.perf_counter()
    scorer = load_scorer(args.model_dir)
    load = time.perf_counter() - start
    print(f"model load (hash check + parse): {load * 1000:.1f} ms, {scorer.n_features} features")

    texts = _texts(args.n)
    single = []
    for text in texts[:500]:
        t0 = time.perf_counter()
        scorer.score(text)
        single.append(time.perf_counter() - t0)
    print(
        f"single-template score latency: median {statistics.median(single) * 1e6:.0f} µs, "
        f"p95 {sorted(single)[int(len(single) * 0.95)] * 1e6:.0f} µs"
    )
    t0 = time.perf_counter()
    for text in texts[:200]:
        scorer.explain(text)
    print(f"explanation latency: {(time.perf_counter() - t0) / 200 * 1e6:.0f} µs per template")

    t0 = time.perf_counter()
    scorer.score_many(texts)
    elapsed = time.perf_counter() - t0
    print(
        f"batch scoring: {len(texts)} templates in {elapsed:.2f} s = "
        f"{len(texts) / elapsed:,.0f} templates/s on one core"
    )

    # what `templint batch` uses: numpy over chunks of 500 (linter/classifier/vectorized.py)
    from linter.classifier.vectorized import BatchScorer

    t0 = time.perf_counter()
    batch = BatchScorer(scorer)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    scores = [s for i in range(0, len(texts), 500) for s in batch.scores(texts[i : i + 500])]
    elapsed = time.perf_counter() - t0
    same = scores == [scorer.score(t) for t in texts[:2000]] + scores[2000:]
    print(
        f"numpy batch scoring (chunks of 500): {len(texts) / elapsed:,.0f} templates/s on one "
        f"core, index built in {built * 1000:.0f} ms; equal to the one-by-one scores: {same}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "t.txt"
        one.write_text("Your order {{1}} has shipped and will arrive on {{2}}.\n")
        lint = "from linter.api import lint_file; lint_file({!r}, config=Config({}))"
        base = "from linter.config import Config; " + lint
        without = _cold(base.format(str(one), "ignore=('TPL5',)"), args.repeat)
        with_clf = _cold(base.format(str(one), ""), args.repeat)
        check = "import sys; " + base.format(str(one), "") + "; "
        check += "print('scikit-learn imported:', 'sklearn' in sys.modules, "
        check += "'| numpy imported:', 'numpy' in sys.modules)"
        subprocess.run([sys.executable, "-c", check], check=False, cwd=ROOT)
    print(
        f"cold start, lint one template: {without * 1000:.0f} ms without the classifier rules, "
        f"{with_clf * 1000:.0f} ms with them: classifier adds {(with_clf - without) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
