"""The batch pipeline: read rows in chunks, score them (here, in local worker processes, or on a
Dask cluster through joblib), and write each chunk's results in input order as they come back.
Only a few chunks are ever in memory, whatever the size of the input."""

from __future__ import annotations

import os
import re
import sys
import time
import warnings
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from linter.batch.reader import BatchError, InRow, Table
from linter.batch.result import Finding, RowResult, reason_kind
from linter.batch.score import Work, error_result, score_chunk, work_of
from linter.batch.writer import Writer
from linter.config import Config

CHUNK_ROWS = 500
# Worker processes start only for an input of at least this many chunks: below it the command's
# own process finishes first (measured, 2 cores: 2,000 rows 1.34 s here against 1.51 s with two
# workers; 3,000 rows 1.58 against 1.56), without their ~175 MB each.
WORKERS_FROM = 6


@dataclass
class Summary:
    rows: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # error rows by kind of reason
    elapsed: float = 0.0
    jobs: int = 1  # processes that scored (fewer than asked for a short input)

    def add(self, result: RowResult) -> None:
        self.rows += 1
        self.verdicts[result.verdict] += 1
        if result.error is not None:
            self.errors[reason_kind(result.error)] += 1

    def line(self) -> str:
        parts = [f"{self.verdicts[v]:,} {v}" for v in ("pass", "warn", "fail", "error")]
        text = f"{self.rows:,} row{'' if self.rows == 1 else 's'}: " + ", ".join(parts)
        if self.errors:
            kinds = ", ".join(f"{k} {n:,}" for k, n in self.errors.most_common())
            text += f" ({kinds})"
        rate = self.rows / self.elapsed if self.elapsed > 0 else 0.0
        return text + f" in {self.elapsed:.1f} s ({rate:,.0f} rows/s)"


class Progress:
    """Rows done, rows per second and time left (from the share of the file read), redrawn on
    one line of standard error at most ten times a second."""

    def __init__(self, table: Table, enabled: bool) -> None:
        self.table, self.enabled = table, enabled
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, rows: int, read: int | None = None, final: bool = False) -> None:
        """``read``: bytes of input behind the rows written so far (the reader runs ahead)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.1:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = rows / elapsed
        line = f"\r\x1b[2K  {rows:,} rows · {rate:,.0f} rows/s"
        if self.table.size:  # standard input has no size: no share read, no time left
            read = self.table.position() if read is None else read
            done = min(max(read / self.table.size, 0.0), 1.0)
            left = elapsed * (1 - done) / done if done > 0.01 and not final else None
            line += f" · {done:.0%}" + (f" · {_clock(left)} left" if left is not None else "")
        sys.stderr.write(line)
        if final:
            sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class FirstSeen:
    """digest -> the first row it was seen in, for millions of rows: open addressing over two
    int64 arrays (16 bytes a slot, at most half full: ~32 MB per million distinct bodies, where
    a dict of ints costs ~110 MB). Keys are non-zero 64-bit digests, already uniform."""

    def __init__(self, capacity: int = 1024) -> None:
        self.keys = array("q", [0]) * capacity
        self.rows = array("q", [0]) * capacity
        self.used = 0

    def setdefault(self, key: int, row: int) -> int:
        keys, mask = self.keys, len(self.keys) - 1
        i = key & mask
        while True:
            k = keys[i]
            if k == key:
                return self.rows[i]
            if k == 0:
                keys[i], self.rows[i] = key, row
                self.used += 1
                if 2 * self.used > len(keys):
                    self._grow()
                return row
            i = (i + 1) & mask

    def _grow(self) -> None:
        # Straight from the old arrays: a list of the entries would cost more than the table.
        old_keys, old_rows = self.keys, self.rows
        size = 2 * len(old_keys)
        self.keys, self.rows, self.used = array("q", [0]) * size, array("q", [0]) * size, 0
        for k, r in zip(old_keys, old_rows, strict=True):
            if k:
                self.setdefault(k, r)


class Duplicates:
    """TPL401 and TPL402 across the whole input: a row whose body matches an earlier row's,
    apart from variables, whitespace and case (the duplicate rule's own comparison), and a row
    whose name and language are an earlier row's. Rows are linted one by one in the workers,
    so this runs here, in input order, keeping an 8-byte digest and a row number per distinct
    body and per distinct name (``FirstSeen``)."""

    def __init__(self, config: Config) -> None:
        from linter.engine import first_paragraph
        from linter.rulebook import selected_rules

        rules = [r for r in selected_rules(config) if r.kind == "duplicate"]
        self.body_rule = next((r for r in rules if r.params.get("compare", "text") == "text"), None)
        self.name_rule = next((r for r in rules if r.params.get("compare") == "name"), None)
        self.severity = {
            r.code: config.severity_for(r.code, r.severity)
            for r in (self.body_rule, self.name_rule)
            if r is not None
        }
        self.fix = {
            r.code: first_paragraph(r.fix) or None
            for r in (self.body_rule, self.name_rule)
            if r is not None
        }
        self.first = FirstSeen()
        self.first_name = FirstSeen()

    def check(self, row: InRow, result: RowResult) -> None:
        if result.error is not None:
            return
        if self.body_rule is not None:
            self._same_body(row, result)
        if self.name_rule is not None and row.name:
            self._same_name(row, result)

    def _same_body(self, row: InRow, result: RowResult) -> None:
        assert self.body_rule is not None
        key = result.body_digest
        if key == 0:  # not made by the worker
            from linter.kinds.duplicate import digest

            key = digest(result.text)
        if key is None:
            return  # nothing but variables: nothing to compare
        earlier = self.first.setdefault(key, row.index)
        if earlier != row.index:
            values = {"parts": "body", "earlier": f"row {earlier + 1}"}
            self._add(self.body_rule.code, self.body_rule.message, values, result)

    def _same_name(self, row: InRow, result: RowResult) -> None:
        """Meta keeps one template per name and language: one name in two languages is one
        template's translations, and passes."""
        assert self.name_rule is not None and row.name
        # Python's own 64-bit string hash: it changes between processes, but the table lives
        # and dies in this one, and it costs a twentieth of a blake2b digest
        key = hash((row.name, row.language or ""))
        earlier = self.first_name.setdefault(key or 1, row.index)
        if earlier != row.index:
            language = f"'{row.language}'" if row.language else "no language"
            values = {"name": row.name, "language": language, "earlier": f"row {earlier + 1}"}
            self._add(self.name_rule.code, self.name_rule.message, values, result)

    def _add(self, code: str, message: str, values: dict[str, str], result: RowResult) -> None:
        severity = self.severity[code]
        text = message.format_map(values)
        if code == getattr(self.body_rule, "code", None):
            finding = Finding(code, severity, text, self.fix[code], "body", 0, len(result.text))
        else:
            finding = Finding(code, severity, text, self.fix[code], "name")
        result.findings.append(finding)
        if severity == "error":
            result.verdict = "fail"
        elif severity == "warning" and result.verdict == "pass":
            result.verdict = "warn"


def _chunks(rows: Iterator[InRow], size: int) -> Iterator[list[InRow]]:
    chunk: list[InRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _works(chunk: list[InRow]) -> list[Work]:
    return [work_of(row) for row in chunk if row.error is None]


def run_batch(
    table: Table,
    writer: Writer,
    config: Config,
    *,
    jobs: int = 1,
    backend: str = "local",
    scheduler: str | None = None,
    scheduler_timeout: float = 10.0,
    chunk_rows: int = CHUNK_ROWS,
    progress: Progress | None = None,
    on_result: Callable[[RowResult], None] | None = None,
) -> Summary:
    summary = Summary()
    start = time.perf_counter()
    # chunks sent for scoring, in order, with how far into the input each one ends
    pending: deque[tuple[list[InRow], int]] = deque()
    read = ((chunk, table.position()) for chunk in _chunks(table.rows, chunk_rows))
    ahead: list[tuple[list[InRow], int]] = []
    if backend == "local" and jobs > 1:
        # Never more workers than chunks, and none for a short input: read far enough to know.
        ahead = list(islice(read, max(jobs, WORKERS_FROM)))
        jobs = 1 if len(ahead) < WORKERS_FROM else min(jobs, len(ahead))
    summary.jobs = jobs

    def tasks() -> Iterator[list[Work]]:
        for chunk, position in chain(ahead, read):
            pending.append((chunk, position))
            yield _works(chunk)

    duplicates = Duplicates(config)
    with _executor(jobs, backend, scheduler, scheduler_timeout) as run:
        for scored in run(tasks(), config):
            chunk, read = pending.popleft()
            by_index = {r.index: r for r in scored}
            for row in chunk:
                result = by_index.get(row.index) or error_result(row)
                duplicates.check(row, result)
                writer.write(row, result)
                summary.add(result)
                if on_result is not None:
                    on_result(result)
            if progress is not None:
                progress.update(summary.rows, read)
    summary.elapsed = time.perf_counter() - start
    if progress is not None:
        progress.update(summary.rows, final=True)
    return summary


Runner = Callable[[Iterator[list[Work]], Config], Iterator[list[RowResult]]]


def _in_process(tasks: Iterator[list[Work]], config: Config) -> Iterator[list[RowResult]]:
    for works in tasks:
        yield score_chunk(works, config)


def _executor(jobs: int, backend: str, scheduler: str | None, timeout: float) -> Any:
    """A context giving a runner: chunks of work in, their results out, in the same order."""
    if backend == "local" and jobs == 1:
        return nullcontext(_in_process)
    return _JoblibRunner(jobs, backend, scheduler, timeout)


class _JoblibRunner:
    def __init__(self, jobs: int, backend: str, scheduler: str | None, timeout: float) -> None:
        self.jobs, self.backend, self.scheduler, self.timeout = jobs, backend, scheduler, timeout
        self.client: Any = None

    def __enter__(self) -> Runner:
        import joblib

        if self.backend == "dask":
            try:
                from dask.distributed import Client
            except ImportError:
                raise BatchError(
                    "--backend dask needs Dask: pip install 'templint[dask]'"
                ) from None
            try:
                self.client = Client(self.scheduler, timeout=self.timeout, set_as_default=False)
            except OSError as exc:
                raise BatchError(
                    f"cannot reach the Dask scheduler {self.scheduler}: {exc}"
                ) from None
            self.config = joblib.parallel_config(backend="dask", client=self.client)
        else:
            self.config = joblib.parallel_config(backend="loky")
        self.config.__enter__()
        # A run that stops early (a full disk) drops the chunks in flight on purpose; the
        # one-line error says why, joblib's warning about them would only add noise.
        self.quiet = warnings.catch_warnings()
        self.quiet.__enter__()
        warnings.filterwarnings("ignore", r"\d+ tasks which were still being processed")

        def run(tasks: Iterator[list[Work]], config: Config) -> Iterator[list[RowResult]]:
            n_jobs = -1 if self.backend == "dask" else self.jobs
            parallel = joblib.Parallel(
                n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs", batch_size=1
            )
            try:
                yield from parallel(joblib.delayed(score_chunk)(works, config) for works in tasks)
            except Exception as exc:
                lost = worker_lost(exc)
                if lost is None:
                    raise
                raise lost from None

        return run

    def __exit__(self, *exc: object) -> None:
        self.quiet.__exit__(*exc)
        self.config.__exit__(*exc)
        if self.client is not None:
            self.client.close()


class WorkerLost(RuntimeError):
    """A worker process died mid-run (killed by the system for memory, or by a signal): the
    rows it held have no result, so the run cannot finish."""


def worker_lost(exc: BaseException) -> WorkerLost | None:
    """The one-line account of a worker's death, when ``exc`` reports one (a broken local pool,
    or Dask's KilledWorker); None for any other error."""
    from concurrent.futures import BrokenExecutor

    if isinstance(exc, BrokenExecutor):
        codes = re.search(r"exit codes of the workers are \{([^}]*)\}", str(exc))
        how = f" (exit code {codes.group(1)})" if codes else ""
        return WorkerLost(
            f"a worker process died{how}, perhaps killed for lack of memory; "
            "run again, with fewer --jobs if memory is short"
        )
    if type(exc).__name__ == "KilledWorker":
        return WorkerLost(
            "a Dask worker died while scoring (Dask gave up on the task after its retries); "
            "check the cluster's workers and run again"
        )
    return None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
