"""Time `templint batch`: templates per second at --jobs 1 and 2, peak memory, and the ratio to
a plain loop calling `lint_text` once per row.

    python bench/bench_batch.py [--sizes 10000 100000] [--jobs 1 2] [--stream-rows 1000000]
                                [--stream-select TPL3]

Rows are realistic: bodies, names and categories from data/templates.jsonl (cycled), with an
extra column the output must keep. Each run is a new `templint batch` process (worker start-up
included; "per CPU s" is rows per second of CPU the run's processes used, which the host's
load moves less than wall time); memory is the peak of the sum of RSS over the process and its
workers, polled every 50 ms (each process counts the shared libraries it maps in full), and the
peak of the sum of PSS, polled every 0.5 s (shared pages split among the processes: what the
run really takes). "start s" is when the first scored rows were in the output (process and
worker start-up, imports, the first chunk), and "then rows/s" the pace from there to the end:
the throughput a longer input would approach.
--stream-rows runs one more input, by default with only the cheap format rules (--select TPL3;
--stream-select '' runs every rule, ~2 minutes a million rows at -j 2), to show that memory
stays flat with the input's size (0 skips it).
--xlsx-rows runs the same rows as an Excel workbook in (CSV out) and CSV in (workbook out),
beside CSV in and out, and checks that the workbook gives the CSV's output (0 skips it).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMPLINT = Path(sys.executable).parent / "templint"


def records() -> list[dict[str, str]]:
    with (ROOT / "data" / "templates.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_input(path: Path, rows: int, source: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["name", "category", "body", "owner"])
        for i in range(rows):
            r = source[i % len(source)]
            name = f"{r['intent'].replace('-', '_')}_{i}"
            out.writerow([name, r["label"].upper(), r["text"], "crm-team"])


def write_workbook(csv_path: Path, path: Path) -> None:
    """The CSV input as a one-sheet workbook (openpyxl's streaming writer)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Drafts")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            sheet.append(row)
    book.save(path)


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return found


def _memory(pids: list[int], field: str) -> int:
    """Bytes of ``field`` summed over the processes: VmRSS from status (counts a shared library
    once per process) or Pss from smaps_rollup (shares each shared page out among them)."""
    total = 0
    for p in pids:
        name = f"/proc/{p}/status" if field == "VmRSS:" else f"/proc/{p}/smaps_rollup"
        try:
            with open(name) as fh:
                for line in fh:
                    if line.startswith(field):
                        total += int(line.split()[1]) * 1024
                        break
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # CPU seconds of the command and its workers (user + system)
    rss: int  # peak of the summed RSS, bytes
    pss: int  # peak of the summed PSS, bytes
    first: float  # seconds until the first scored rows were in the output (start-up)
    first_rows: int  # rows in the output at that moment

    def then_rate(self, rows: int) -> float:
        """Rows per second once the first rows were out: the pace after start-up."""
        return (rows - self.first_rows) / (self.wall - self.first) if self.wall > self.first else 0


def _rows_out(folder: Path, name: str) -> int:
    """Complete rows written so far to the output, which is built in a hidden ``.partial`` file
    beside it (moved into place at the end): its CSV line ends, less the header's."""
    for part in folder.glob(f".{name}.*.partial"):
        try:
            return max(part.read_bytes().count(b"\r\n") - 1, 0)
        except OSError:
            return 0
    return 0


def run_batch(src: Path, out: Path, jobs: int, extra: list[str]) -> Run:
    """One ``templint batch`` run. CPU time is what the run's processes used, whatever else
    the host was doing (a shared host's wall times swing by +-8 % from run to run); it counts
    the workers because the command waits for them, and they for nothing else."""
    cmd = [str(TEMPLINT), "batch", str(src), "-o", str(out), "-j", str(jobs), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    polls = 0
    first, first_rows = float("nan"), 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        peak = max(peak, _memory(pids, "VmRSS:"))
        if polls % 10 == 0:
            peak_pss = max(peak_pss, _memory(pids, "Pss:"))
        if not first_rows:
            now = time.perf_counter() - start
            first_rows = _rows_out(out.parent, out.name)
            first = now if first_rows else first
        polls += 1
        time.sleep(0.05)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"templint batch failed ({proc.returncode}): {err}")
    return Run(wall, cpu, peak, peak_pss, first, first_rows)


def plain_loop(source: list[dict[str, str]], rows: int) -> float:
    """Rows per second of the simplest alternative: lint_text per row, one process."""
    from linter.api import lint_text

    lint_text("warm up: load the rules and the model", category="UTILITY")
    start = time.perf_counter()
    for i in range(rows):
        r = source[i % len(source)]
        lint_text(r["text"], name=f"{r['intent']}_{i}", category=r["label"].upper())
    return rows / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--plain-rows", type=int, default=10_000)
    parser.add_argument("--stream-rows", type=int, default=1_000_000)
    parser.add_argument("--stream-select", default="TPL3", help="'' for every rule")
    parser.add_argument("--normalize-rows", type=int, default=10_000)
    parser.add_argument("--xlsx-rows", type=int, default=20_000)
    args = parser.parse_args()
    source = records()
    with tempfile.TemporaryDirectory(prefix="templint-bench-") as tmp:
        folder = Path(tmp)
        plain = plain_loop(source, args.plain_rows) if args.plain_rows else float("nan")
        if args.plain_rows:  # 0 skips it (the "vs plain" column is then nan)
            print(f"plain loop, lint_text per row ({args.plain_rows:,} rows): {plain:,.0f} rows/s")
        print()
        head = f"{'rows':>9} {'jobs':>4} {'wall s':>8} {'rows/s':>8} {'per core':>9}"
        head += f" {'vs plain':>8} {'CPU s':>6} {'per CPU s':>9} {'RSS MB':>7} {'PSS MB':>7}"
        if args.sizes:
            print(head + f" {'start s':>7} {'then rows/s':>11} {'per core':>8}")
        for size in args.sizes:
            src = folder / f"in_{size}.csv"
            write_input(src, size, source)
            outputs = []
            for jobs in args.jobs:
                out = folder / f"out_{size}_{jobs}.csv"
                run = run_batch(src, out, jobs, ["--quiet"])
                rate, then = size / run.wall, run.then_rate(size)
                print(
                    f"{size:>9,} {jobs:>4} {run.wall:>8.1f} {rate:>8,.0f} {rate / jobs:>9,.0f} "
                    f"{rate / plain:>7.2f}x {run.cpu:>6.1f} {size / run.cpu:>9,.0f} "
                    f"{run.rss / 2**20:>7.0f} {run.pss / 2**20:>7.0f} {run.first:>7.1f} "
                    f"{then:>11,.0f} {then / jobs:>8,.0f}"
                )
                outputs.append(out.read_bytes())
            same = all(o == outputs[0] for o in outputs)
            print(f"{'':>9} outputs identical across --jobs: {same}")
            for p in folder.glob(f"out_{size}_*.csv"):
                p.unlink()
            src.unlink()
        if args.normalize_rows:
            # What normalisation (linter/normalize.py) costs: the same rows, switched off.
            src = folder / "norm.csv"
            write_input(src, args.normalize_rows, source)
            off = folder / "templint.toml"
            off.write_text("normalize = false\n")
            walls = {}
            for label, extra in (("off", ["--config", str(off)]), ("on", [])):
                out = folder / "norm_out.csv"
                walls[label] = run_batch(src, out, 1, ["--quiet", *extra]).wall
            print(
                f"normalisation, {args.normalize_rows:,} rows at -j 1: off {walls['off']:.1f} s, "
                f"on {walls['on']:.1f} s: +{walls['on'] / walls['off'] - 1:.1%} time"
            )
        if args.xlsx_rows:
            n = args.xlsx_rows
            src, book = folder / "sheet.csv", folder / "sheet.xlsx"
            write_input(src, n, source)
            write_workbook(src, book)
            for jobs in args.jobs:
                runs = {}
                for label, path, out in (
                    ("csv -> csv", src, folder / "from_csv.csv"),
                    ("xlsx -> csv", book, folder / "from_xlsx.csv"),
                    ("csv -> xlsx", src, folder / "to_xlsx.xlsx"),
                ):
                    runs[label] = run_batch(path, out, jobs, ["--quiet"])
                same = (folder / "from_csv.csv").read_bytes() == (
                    folder / "from_xlsx.csv"
                ).read_bytes()
                figures = ", ".join(
                    f"{label} {r.wall:.1f} s ({n / r.wall:,.0f} rows/s, "
                    f"RSS {r.rss / 2**20:,.0f} MB)"
                    for label, r in runs.items()
                )
                print(f"workbooks, {n:,} rows at -j {jobs}: {figures}; same output: {same}")
        if args.stream_rows:
            src = folder / "stream.csv"
            write_input(src, args.stream_rows, source)
            size_mb = src.stat().st_size / 2**20
            select = ["--select", args.stream_select] if args.stream_select else []
            rules = f"rules {args.stream_select}" if args.stream_select else "every rule"
            for jobs in args.jobs:
                run = run_batch(src, folder / "stream_out.csv", jobs, ["--quiet", *select])
                print(
                    f"streaming, {rules}: {args.stream_rows:,} rows ({size_mb:,.0f} MB)"
                    f" at -j {jobs}: {run.wall:.1f} s, {args.stream_rows / run.wall:,.0f} rows/s, "
                    f"CPU {run.cpu:.1f} s, peak RSS {run.rss / 2**20:,.0f} MB, "
                    f"PSS {run.pss / 2**20:,.0f} MB"
                )
    load = os.getloadavg()
    try:
        pressure = Path("/proc/pressure/cpu").read_text().split()[1]
    except OSError:
        pressure = "n/a"
    print(f"\nmachine: {os.cpu_count()} cores; load average {load[0]:.2f}; CPU pressure {pressure}")


if __name__ == "__main__":
    main()
