"""Excel workbooks (.xlsx), in and out, through openpyxl: spreadsheets are where drafts live, and
"save as CSV" loses the sheet choice, typed cells and, in some Excel versions, the encoding.

Reading streams the sheet's rows (openpyxl's read-only mode); the shared-strings table is read
whole, as Excel itself does. The header is the first row that holds anything; blank rows are
not rows. Writing streams too (write-only mode) and is saved at the end, beside the final name,
as the other formats are (``writer.Writer``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from linter.batch.reader import (
    BatchError,
    FieldColumns,
    InRow,
    Table,
    checked_text,
    pick_columns,
)

XLSX_ROWS = 1_048_576  # Excel's rows a sheet, the header's included
XLSX_COLUMNS = 16_384  # Excel's columns a sheet (A to XFD)
# The parts of a workbook, unpacked, at most: the shared strings are read whole (a 3.3 MB file
# of 1.5 GB of them took 1.78 GB of memory), and a sheet is read to its end.
XLSX_UNPACKED = 256 * 1024 * 1024
XLSX_CELL = 32_767  # Excel's characters a cell
WIDE = 60  # characters: the width of the columns that hold prose
# OOXML writes a character XML cannot hold (and a carriage return, which XML readers drop) as
# _xHHHH_, and an underscore that would read as such an escape as _x005F_: Excel's own rules
_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# openpyxl stores a string starting with "=" as a formula and one of Excel's error names as an
# error value; a text cell that starts with either is written as text explicitly
_NOT_PLAIN_TEXT = ("=", "#")


def escape(text: str) -> str:
    return _ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """A string cell as Excel shows it (openpyxl leaves Excel's escapes in: "_x000D_")."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _letter(index: int) -> str:
    """The column letter of a 0-based column index (0 -> A, 26 -> AA)."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _open(path: str, stream: IO[bytes]) -> Any:
    try:
        from openpyxl import load_workbook
    except ImportError:  # a broken install: openpyxl is a dependency
        raise BatchError(f"{path}: reading .xlsx needs openpyxl: pip install openpyxl") from None
    if not stream.seekable():  # standard input: a zip archive is read from its end
        stream = io.BytesIO(stream.read())
    try:
        _check_sizes(path, stream)
        return load_workbook(stream, read_only=True, data_only=True)
    except BatchError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        head = _head(stream)
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: .xls, or a locked .xlsx
            raise BatchError(
                f"{path}: not an .xlsx workbook (an old .xls file, or a password-protected "
                "workbook); save it as .xlsx without a password, or as 'CSV UTF-8'"
            ) from None
        raise BatchError(f"{path}: not an .xlsx workbook (not a zip archive)") from None
    except Exception as exc:  # openpyxl fails on odd parts in many ways
        # a zip without a workbook in it, or parts openpyxl cannot read
        raise BatchError(f"{path}: not a readable .xlsx workbook ({_why(exc)})") from None


def _check_sizes(path: str, stream: IO[bytes]) -> None:
    """Refuse a workbook whose parts unpack to more than XLSX_UNPACKED, from the sizes the zip's
    directory declares, before openpyxl reads any part (a part is never read past its declared
    size: zipfile stops there)."""
    with zipfile.ZipFile(stream) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    stream.seek(0)
    if unpacked > XLSX_UNPACKED:
        raise BatchError(
            f"{path}: the workbook unpacks to {unpacked:,} bytes, over the "
            f"{XLSX_UNPACKED:,}-byte limit; save the rows as 'CSV UTF-8', or split the sheet"
        )


def _sheet_rows(where: str, ws: Any) -> Iterator[tuple[int, list[tuple[int, Any]]]]:
    """Each row the sheet's XML holds, as its number and its (column, value) cells. Not
    openpyxl's iter_rows: that yields every row missing between two numbered ones (a sheet of
    4.7 KB with a row numbered 10^12 ran for hours) and widens every row to the widest (200,000
    rows with one cell in column XFD: 134 s). Row and column numbers past Excel's are refused:
    Excel never writes them."""
    from openpyxl.worksheet._reader import WorkSheetParser

    book = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            if not 1 <= number <= XLSX_ROWS:
                raise BatchError(
                    f"{where}: row number {number:,} is outside Excel's 1 to {XLSX_ROWS:,}; "
                    "not a sheet Excel wrote"
                )
            out = []
            for cell in cells:
                column = cell["column"]
                if not 1 <= column <= XLSX_COLUMNS:
                    raise BatchError(
                        f"{where}: row {number:,} has a cell in column {column:,}, past Excel's "
                        f"last ({XLSX_COLUMNS:,}, XFD); not a sheet Excel wrote"
                    )
                out.append((column, cell["value"]))
            yield number, out


def _dense(cells: list[tuple[int, Any]], width: int) -> tuple[Any, ...]:
    """The values of columns 1 to ``width`` of a row's cells."""
    values: list[Any] = [None] * width
    for column, value in cells:
        if column <= width:
            values[column - 1] = value
    return tuple(values)


def _head(stream: IO[bytes]) -> bytes:
    try:
        stream.seek(0)
        return stream.read(8)
    except (OSError, ValueError):
        return b""


def _why(exc: BaseException) -> str:
    text = str(exc).strip().strip("'\"") or type(exc).__name__
    return text.splitlines()[0][:160]


def _sheet(path: str, book: Any, sheet: str | None) -> Any:
    """The sheet named (exactly, else ignoring case), else the first visible sheet of rows: a
    hidden sheet of settings or a chart is not what a writer means by "the sheet"."""
    names = list(book.sheetnames)
    if sheet is None:
        tables = [book[n] for n in names if _is_table(book[n])]
        shown = [ws for ws in tables if ws.sheet_state == "visible"]
        if not (shown or tables):
            raise BatchError(f"{path}: the workbook has no sheet of rows")
        return (shown or tables)[0]
    if sheet in names:
        return book[sheet]
    folded = {n.strip().lower(): n for n in names}
    if sheet.strip().lower() in folded:
        return book[folded[sheet.strip().lower()]]
    found = ", ".join(repr(n) for n in names)
    raise BatchError(f"{path}: no sheet {sheet!r}; sheets: {found}")


def _is_table(sheet: Any) -> bool:
    return hasattr(sheet, "iter_rows")  # a chart sheet has no cells


def _header_names(cells: tuple[Any, ...]) -> list[str]:
    """Column names from the header row: a blank cell between named ones is called after its
    letter ("column D"); blank cells after the last name are not columns."""
    last = max((i for i, v in enumerate(cells) if _filled(v)), default=-1)
    names = []
    for i, value in enumerate(cells[: last + 1]):
        if not _filled(value):
            names.append(f"column {_letter(i)}")
        elif isinstance(value, str):
            names.append(unescape(value).strip())
        else:
            names.append(plain(value))
    return names


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def xlsx_table(
    path: str,
    stream: IO[bytes],
    sheet: str | None,
    text_column: str | None,
    wanted: FieldColumns,
) -> Table:
    try:
        book = _open(path, stream)
    except BaseException:
        stream.close()
        raise
    try:
        ws = _sheet(path, book, sheet)
        if not _is_table(ws):
            raise BatchError(f"{path}: sheet {ws.title!r} is a chart, not a table of rows")
        # from the sheet's own dimension, for progress only (a wrong one cuts no rows short:
        # every row the XML holds is read)
        total = min(ws.max_row or 0, XLSX_ROWS)
        where = f"{path} (sheet {ws.title!r})"
        rows_in = _sheet_rows(where, ws)
        header = next(
            ((n, cells) for n, cells in rows_in if any(_filled(v) for _, v in cells)), None
        )
        if header is None:
            raise BatchError(f"{where}: empty sheet (no header row)")
        header_row, sparse = header
        columns = _header_names(_dense(sparse, max(column for column, _ in sparse)))
        text_col, fields_at = pick_columns(where, columns, text_column, wanted)
    except BaseException:
        book.close()
        stream.close()
        raise
    width = len(columns)
    done = [header_row]

    def cells_of() -> Iterator[tuple[int, list[tuple[int, Any]]]]:
        try:
            yield from rows_in
        except BatchError:
            raise
        except Exception as exc:  # a damaged part of the zip, XML cut short
            raise BatchError(
                f"{where}: cannot read the sheet past row {done[0]:,}: {_why(exc)}"
            ) from None

    def rows() -> Iterator[InRow]:
        index = 0
        for number, sparse in cells_of():
            done[0] = number
            if not any(_filled(v) for _, v in sparse):
                continue  # a blank row is not a row
            cells = _dense(sparse, width)
            values = dict(
                zip(columns, [unescape(v) if type(v) is str else v for v in cells], strict=False)
            )
            row = InRow(index, values)
            index += 1
            stray = min((c for c, v in sparse if c > width and _filled(v)), default=None)
            if stray is not None:
                letter = _letter(stray - 1)
                row.error = f"value outside the header's columns: cell {letter}{number}"
                yield row
                continue
            row.fill(values, fields_at)
            text = values.get(text_col)
            if text is not None and not isinstance(text, str):
                letter = _letter(columns.index(text_col))
                row.error = f"not text: cell {letter}{number} holds {_kind(text)}"
            else:
                checked_text(row, text)
            yield row

    def close() -> None:
        book.close()

    return Table(
        path,
        "xlsx",
        columns,
        text_col,
        fields_at[0],
        fields_at[1],
        rows(),
        fields_at[2],  # the brand column (fields_at[3]) is read into each row only
        size=total,
        _stream=stream,
        _where=lambda: done[0],
        _close=close,
    )


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return "a date or time"
    return f"a {type(value).__name__}"


def plain(value: Any) -> str:
    """A cell of another type as text (CSV output, JSON output, a header): dates in ISO 8601,
    a date alone when the time is midnight (Excel keeps a date as a date and time)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date().isoformat()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


class XlsxLines:
    """The batch output as a workbook: one sheet, the header in bold and frozen, a filter on
    every column, wide columns for the prose ones. Rows are streamed to openpyxl's temporary
    file; the workbook is assembled by ``save``."""

    def __init__(self, columns: list[str], wide: set[str]) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import Cell, WriteOnlyCell
        from openpyxl.styles import Font

        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet("templint")
        self.sheet.freeze_panes = "A2"
        for i, name in enumerate(columns):
            width = WIDE if name in wide else min(max(len(name) + 4, 12), 30)
            self.sheet.column_dimensions[_letter(i)].width = width
        self._cell_class = WriteOnlyCell
        bold = Font(bold=True)
        head = []
        for name in columns:
            cell = self.cell(name)  # a column called "=1+1" is a name, not a formula
            if not isinstance(cell, Cell):
                cell = WriteOnlyCell(self.sheet, value=cell)
            cell.font = bold
            head.append(cell)
        self.sheet.append(head)
        self.width = len(columns)
        self.rows = 1

    def cell(self, value: Any) -> Any:
        """A value Excel can hold: text with its control characters escaped (Excel reads
        ``_x000B_`` back as the character) and cut to Excel's 32,767 characters; lists and
        objects as JSON text; numbers, true/false and dates as they are.

        Text is always a text cell: openpyxl would store ``=HYPERLINK("http://…")`` as a live
        formula and ``#N/A`` as an error value, so such a string comes back as a cell whose
        type is set to text (a draft is data; a sheet from a client's input must not compute
        or link anything when opened)."""
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, dt.datetime | dt.date | dt.time):
            return value
        if not isinstance(value, str):
            value = (
                json.dumps(value, ensure_ascii=False)
                if isinstance(value, list | dict)
                else plain(value)
            )
        if "_x" in value or not value.isprintable():
            value = escape(value)
        if len(value) > XLSX_CELL:
            value = value[: XLSX_CELL - 1] + "…"
        if value.startswith(_NOT_PLAIN_TEXT):
            cell = self._cell_class(self.sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    def writerow(self, cells: list[Any]) -> None:
        if self.rows >= XLSX_ROWS:
            raise BatchError(
                f"an Excel sheet holds at most {XLSX_ROWS - 1:,} rows under its header; "
                "write this output as .csv or .jsonl"
            )
        self.sheet.append([self.cell(v) for v in cells])
        self.rows += 1

    def save(self, target: str | IO[bytes]) -> None:
        from openpyxl.writer.excel import ExcelWriter

        if self.rows > 1:
            self.sheet.auto_filter.ref = f"A1:{_letter(self.width - 1)}{self.rows}"
        # openpyxl's own save (``save_workbook``) leaves its archive open when a write fails,
        # and the archive's finaliser then fails again with a traceback of its own: close it
        self.book.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(self.book, archive).save()  # closes the archive when all went well
        except BaseException:
            with contextlib.suppress(OSError):
                archive.close()
            raise
