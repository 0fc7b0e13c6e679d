"""TPL340 language-mismatch, measured: how often it flags corpus rows under their own language
and under another, what it says about the third-party files, and what it costs a template.

    python bench/language_check.py [--eval ../shared/eval]

The eval files are read only to measure (never to write the word lists); without them that
part is skipped. docs/languages.md has the figures of 2026-12-05.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.api import lint_text  # noqa: E402
from linter.config import Config  # noqa: E402

ONLY = Config(select=("TPL340",))
# The corpus's language tags as Meta codes (its Hinglish rows filed under Hindi).
CODE = {"en": "en_US", "es": "es", "pt": "pt_BR", "id": "id", "hi": "hi", "hi-Latn": "hi"}
CODE |= {"fr": "fr", "it": "it", "de": "de"}
OTHERS = ("en_US", "es", "pt_BR", "id", "hi", "fr", "it", "de")


def flagged(text: str, language: str) -> bool:
    return bool(lint_text(text, language=language, config=ONLY))


def corpus() -> list[dict[str, str]]:
    lines = (ROOT / "data" / "templates.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def per_row_us(rows: list[dict[str, str]], select: tuple[str, ...]) -> float:
    config = Config(select=select)
    for r in rows[:200]:
        lint_text(r["text"], language=CODE[r["language"]], config=config)  # warm-up
    start = time.perf_counter()
    for r in rows:
        lint_text(r["text"], language=CODE[r["language"]], config=config)
    return (time.perf_counter() - start) / len(rows) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    args = ap.parse_args()
    rows = corpus()
    own, total = Counter(), Counter()
    swapped, swapped_total = Counter(), Counter()
    for r in rows:
        lang = r["language"]
        total[lang] += 1
        own[lang] += flagged(r["text"], CODE[lang])
        for other in OTHERS:
            if other.split("_")[0] != CODE[lang].split("_")[0]:
                swapped_total[lang, other] += 1
                swapped[lang, other] += flagged(r["text"], other)
    print(f"corpus: {len(rows):,} rows")
    print(
        "  flagged under their own language: "
        + ", ".join(f"{k} {own[k]}/{total[k]}" for k in total)
    )
    print("  flagged under another language:")
    for key in sorted(swapped_total):
        share = swapped[key] / swapped_total[key]
        print(f"    {key[0]:8} as {key[1]:6} {swapped[key]:5}/{swapped_total[key]:<5} {share:5.0%}")
    folder = Path(args.eval)
    if folder.is_dir():
        print(f"third-party files in {folder} (as their language column, else en_US):")
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as fh:
                data = list(csv.DictReader(fh))
            hits = [
                d[0].message
                for r in data
                if (d := lint_text(r["text"], language=r.get("language") or "en_US", config=ONLY))
            ]
            found = Counter(m.split(" reads as ")[1].split(",")[0] for m in hits)
            print(f"  {path.name:40} {len(hits):4} of {len(data):5} flagged  {dict(found)}")
    else:
        print(f"(no {folder}: third-party figures skipped)")
    with_rule = per_row_us(rows, ("TPL340",))
    without = per_row_us(rows, ("TPL302",))
    print(
        f"cost: {with_rule - without:.1f} us a template that has a language "
        f"(lint_text with only TPL340 {with_rule:.1f} us, with only TPL302 {without:.1f} us)"
    )


if __name__ == "__main__":
    main()
