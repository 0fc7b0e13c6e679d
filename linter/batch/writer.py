"""Rows out, in input order: every input column kept, batch's columns added. The format follows
the output file's extension (.csv / .tsv, .xlsx, .jsonl, .json). The file is written beside its
final name and renamed into place at the end, so an interrupted run never leaves half a report
where a finished one is expected. Through a symbolic link the file it points to is replaced (the
link stays), with the mode the old file had; a device, pipe or socket (/dev/null, /dev/stdout, a
named pipe) is written into as it is, never replaced."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from linter.batch.reader import BatchError, InRow, Table, flat_export_values
from linter.batch.result import ADDED_COLUMNS, RowResult

OUTPUT_KINDS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xlsx": "xlsx",
}
WIDE_COLUMNS = ("messages", "suggestion")  # and the text column: prose, in an Excel sheet


def output_kind(path: str, given: str | None, table: Table) -> str:
    if given:
        return given
    if path == "-":
        return table.kind
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_KINDS:
        raise BatchError(
            f"{path}: cannot tell the output format from '{suffix or '(no extension)'}'; "
            "use .csv, .tsv, .xlsx, .jsonl or .json (or --output-format)"
        )
    return OUTPUT_KINDS[suffix]


class Writer:
    def __init__(self, path: str, kind: str, table: Table) -> None:
        self.path, self.kind, self.table = path, kind, table
        self.count = 0
        self._tmp: str | None = None
        self._final = path
        self._mode: int | None = None  # the replaced file's permission bits
        newline = "" if kind == "csv" else "\n"
        binary = kind == "xlsx"
        if path == "-" and binary and sys.stdout.isatty():
            raise BatchError(
                "-: an .xlsx workbook is not for a terminal; name an output file, "
                "pipe it, or give --output-format csv"
            )
        if path == "-":
            self.fh: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        elif os.path.isdir(path):
            raise BatchError(f"{path}: is a folder; name the output file")
        elif _special(path):
            try:
                self.fh = (
                    open(path, "wb")  # noqa: SIM115
                    if binary
                    else open(path, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
                )
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        else:
            self._final = os.path.realpath(path)
            try:
                self._mode = stat.S_IMODE(os.stat(self._final).st_mode)
            except OSError:
                self._mode = None  # a new file
            folder = os.path.dirname(self._final)
            try:
                fd, self._tmp = tempfile.mkstemp(
                    prefix=f".{os.path.basename(self._final)}.", suffix=".partial", dir=folder
                )
            except OSError as exc:
                raise _cannot_write(path, exc) from None
            self.fh = (
                open(fd, "wb")  # noqa: SIM115
                if binary
                else open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
            )
        in_columns = list(table.columns)
        # An input column called like one of ours (say "verdict") is kept; ours gets a prefix.
        self.added = {c: f"templint_{c}" if c in in_columns else c for c in ADDED_COLUMNS}
        if kind == "csv":
            self.in_columns = in_columns
            self.columns = in_columns + list(self.added.values())
            self.csv = CsvLines(self.fh, csv_delimiter(path, table))
            if table.bom:
                self.fh.write("\ufeff")
            self.csv.writerow(self.columns)
        elif kind == "xlsx":
            from linter.batch.workbook import XlsxLines

            self.in_columns = in_columns
            self.columns = in_columns + list(self.added.values())
            wide = {self.added[c] for c in WIDE_COLUMNS} | {table.text_column or ""}
            self.xlsx = XlsxLines(self.columns, wide)
        elif kind == "json":
            self.fh.write("[")

    def _values(self, row: InRow) -> dict[str, Any]:
        if self.kind in ("csv", "xlsx") and self.table.templates:
            return flat_export_values(row)
        return row.values

    def write(self, row: InRow, result: RowResult) -> None:
        try:
            self._write(row, result)
        except BrokenPipeError:
            raise  # a reader that stopped early (| head): not a failure to report
        except OSError as exc:  # a full disk, a lost network share
            raise _cannot_write(self.path, exc) from None

    def _write(self, row: InRow, result: RowResult) -> None:
        values = self._values(row)
        if self.kind == "csv":
            # input columns, then ours (renamed, never overwriting one of the input's)
            cells = [v if type(v) is str else _cell(v) for v in map(values.get, self.in_columns)]
            self.csv.writerow(cells + result.cells())
        elif self.kind == "xlsx":
            in_cells = list(map(values.get, self.in_columns))
            self.xlsx.writerow(in_cells + list(result.columns().values()))
        else:
            added = {self.added[k]: v for k, v in result.columns().items()}
            line = json.dumps({**values, **added}, ensure_ascii=False, default=_plain)
            if self.kind == "json":
                self.fh.write(("\n" if self.count == 0 else ",\n") + line)
            else:
                self.fh.write(line + "\n")
        self.count += 1

    @property
    def replaces(self) -> bool:
        """Whether the output is still unseen: written aside, moved into place by ``close``."""
        return self._tmp is not None

    def close(self) -> None:
        """Finish the file and move it into place."""
        try:
            if self.kind == "json":
                self.fh.write("\n]\n" if self.count else "]\n")
            elif self.kind == "xlsx":
                self.xlsx.save(self.fh)
            if self._tmp is None:
                self.fh.flush()
                return
            self.fh.close()  # its last buffer goes out here: a full disk may show only now
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None
        try:
            # mkstemp made it private (0600): give it the replaced file's mode, or the one a
            # new file normally gets
            if self._mode is None:
                umask = os.umask(0)
                os.umask(umask)
                self._mode = 0o666 & ~umask
            os.chmod(self._tmp, self._mode)
            os.replace(self._tmp, self._final)
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None
        self._tmp = None

    def abort(self) -> None:
        """Remove the unfinished file (the run failed or was interrupted)."""
        if self._tmp is not None:
            with contextlib.suppress(OSError):  # a buffer it could not write: the file goes
                self.fh.close()
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def csv_delimiter(path: str, table: Table) -> str:
    """A CSV output's separator: tab for a .tsv; else the input's, so that a file Excel saved
    with ';' (its "CSV" where the decimal mark is a comma) opens in columns again, but ','
    for a tab-separated input written as .csv, and for a workbook or JSON."""
    if Path(path).suffix.lower() == ".tsv":
        return "\t"
    if table.kind == "csv" and table.delimiter != "\t":
        return table.delimiter
    return ","


def _cannot_write(path: str, exc: OSError) -> BatchError:
    return BatchError(f"{path}: cannot write: {exc.strerror or exc}")


def _special(path: str) -> bool:
    """Whether the path names an existing device, pipe or socket (through any links)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


class CsvLines:
    """``csv.writer(fh, delimiter=d, lineterminator="\\r\\n").writerow`` (QUOTE_MINIMAL), written
    out by hand: a cell is quoted when it holds the delimiter, a quote or a line break, and its
    quotes are doubled. The csv module copies every character on its own (~5.7 us a bench row
    against ~2.3 here) and the writer is the parent's largest cost at --jobs 2.
    ``tests/test_batch.py`` compares the two on awkward cells."""

    def __init__(self, fh: IO[str], delimiter: str) -> None:
        self.fh, self.delimiter = fh, delimiter

    def writerow(self, cells: list[str]) -> None:
        d = self.delimiter
        out = []
        for cell in cells:
            if '"' in cell:
                cell = '"' + cell.replace('"', '""') + '"'
            elif d in cell or "\n" in cell or "\r" in cell:
                cell = '"' + cell + '"'
            out.append(cell)
        if out == [""]:
            out = ['""']  # as csv writes a row of one empty cell, so that it is not skipped
        self.fh.write(d.join(out) + "\r\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return _plain(value)  # a date or time from a workbook


def _plain(value: Any) -> str:
    from linter.batch.workbook import plain

    return plain(value)
