"""Cold-start figures for `templint lint`: one template, the bundled examples, import costs.

Run: python bench/bench_lint.py [--runs N]
Each run is a fresh process, as a pre-commit hook or a terminal user starts it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLINT = [sys.executable, "-m", "linter"]
CLEAN = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}. Track it in the app.\n"
OUTREACH = "Hi {{1}}, we haven't spoken before. Is now a good time to talk about {{2}}?\n"


def wall(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Median and best wall time, and median CPU time (user + sys) of the child.

    CPU time is printed too because on a shared machine the wall time mostly measures the
    neighbours; CPU time is closer to what the program itself costs."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), min(times), statistics.median(cpu)


def import_breakdown() -> list[tuple[str, float]]:
    """Cumulative import time of the heavy modules, from `python -X importtime`."""
    probe = (
        "from linter.api import lint_text; "
        f"lint_text({OUTREACH!r} + ' bit.ly/x 20% off'); "
        "import sklearn"
    )
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    ).stderr
    wanted = {
        "click",
        "regex",
        "tldextract",
        "spacy",
        "spellchecker",
        "sklearn",
        "linter",
        "linter.api",
        "numpy",
        "joblib",
    }
    rows = []
    for line in out.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] in wanted and parts[1].isdigit():
            rows.append((parts[2], int(parts[1]) / 1e6))
    return rows


def show(label: str, figures: tuple[float, float, float]) -> None:
    med, best, cpu = figures
    print(f"{label + ':':<40} {med:.3f} s median, {best:.3f} s best, {cpu:.3f} s CPU (cold)")


def load() -> str:
    """How busy the machine was: figures from a loaded machine are not the program's own."""
    parts = ["load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())]
    try:
        cpu = Path("/proc/pressure/cpu").read_text().split()[1]  # avg10=..
        parts.append(f"CPU pressure {cpu}")
    except OSError:
        pass
    return ", ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp, "clean.txt")
        clean.write_text(CLEAN)
        outreach = Path(tmp, "outreach.txt")
        outreach.write_text(OUTREACH)
        show("python -c pass", wall([sys.executable, "-c", "pass"], args.runs))
        show("templint --help", wall([*TEMPLINT, "--help"], args.runs))
        lint = [*TEMPLINT, "lint", "--isolated"]
        show("lint one clean template", wall([*lint, str(clean)], args.runs))
        show(
            "lint one outreach template (spaCy)",
            wall([*TEMPLINT, "lint", "--isolated", str(outreach)], args.runs),
        )
        examples = sorted(str(p) for p in (ROOT / "examples").rglob("*") if p.is_file())
        show(
            f"lint the {len(examples)} example files",
            wall([*TEMPLINT, "lint", "--isolated", *examples], args.runs),
        )
    print("\nimport cost (cumulative, one process that loads every optional part):")
    for name, secs in import_breakdown():
        print(f"  {name:<14} {secs:.3f} s")
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {load()}")


if __name__ == "__main__":
    main()
