"""Rows in: CSV / TSV, an Excel workbook (.xlsx), JSONL or a Meta JSON export, read as a stream.

Every data row of the input comes out once, in order, as an ``InRow``. A row that cannot be
scored (empty text, longer than Meta allows, bytes that are not UTF-8, a malformed CSV line,
a JSONL line that is not an object) comes out with ``error`` set, so the batch never stops
half-way and the output still has one row per input row. Problems with the file as a whole
(missing, unreadable, no text column) raise ``BatchError``: one line, exit 2.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from linter import jsonpos

TEXT_COLUMNS = ("body", "text", "template", "message")
# A sheet written from Meta template objects (a JSON export, or one template a JSONL line)
EXPORT_COLUMNS = ["name", "language", "category", "status", "body"]
# A row's language, as Meta's `language` field: which rules read it as English (spelling), and
# whether it is written as Meta wants (TPL302)
LANGUAGE_COLUMNS = ("language", "lang")
# Who sends a row (an agency's sheet holds several clients): its name is a name, not a misspelling
# or a promotional word
BRAND_COLUMNS = ("brand", "client")
BODY_LIMIT = 1024  # Meta: a template body holds at most 1,024 characters
# The rules search every component, so one uncapped header was as slow to score as an uncapped
# body: a component's (or a button's) "text" is held to the body's limit, the longest Meta allows
# any of them, and every other string of a template object (a URL, a sample) to 2,000, Meta's
# limit for a URL button.
FIELD_LIMIT = 2000
JSON_EXPORT_LIMIT = 200 * 1024 * 1024  # a JSON document is parsed whole; exports are small
DELIMITERS = ",;\t|"
csv.field_size_limit(16 * 1024 * 1024)  # a huge cell becomes a "too long" row, not a crash


class BatchError(ValueError):
    """A problem with the input as a whole: the command prints it on one line, exit 2."""


@dataclass(slots=True)
class InRow:
    index: int  # 0-based among data rows
    values: dict[str, Any]  # the row as read: CSV strings, JSON values
    text: str = ""
    name: str | None = None
    category: str | None = None  # upper-case
    language: str | None = None  # as written, stripped (TPL302 checks its form)
    brand: str | None = None  # the sender's name: accepted as spelt, left out of the score
    template: dict[str, Any] | None = None  # a Meta template object: every component is linted
    error: str | None = None

    def fill(self, values: dict[str, Any], columns: FieldColumns) -> None:
        """The row's name, category, language and brand, from its cells."""
        name_col, cat_col, lang_col, brand_col = columns
        self.name = name_of(values.get(name_col)) if name_col else None
        self.category = category_of(values.get(cat_col)) if cat_col else None
        self.language = name_of(values.get(lang_col)) if lang_col else None
        self.brand = name_of(values.get(brand_col)) if brand_col else None


# The name, category, language and brand columns (None: the input has no such column)
FieldColumns = tuple[str | None, str | None, str | None, str | None]


@dataclass
class Table:
    path: str
    kind: str  # csv | jsonl | json
    columns: list[str]  # input columns, in order
    text_column: str | None
    name_column: str | None
    category_column: str | None
    rows: Iterator[InRow]
    language_column: str | None = None
    size: int = 0  # bytes (rows for a workbook), for progress
    templates: bool = False  # rows are Meta template objects: a sheet gets EXPORT_COLUMNS
    # a CSV input's separator, and whether a CSV output starts with a UTF-8 BOM (the input had
    # one, or was in another encoding: Excel reads UTF-8 only after a BOM)
    delimiter: str = ","
    bom: bool = False
    _stream: IO[bytes] | None = field(default=None, repr=False)
    _where: Callable[[], int] | None = field(default=None, repr=False)  # in place of tell()
    _close: Callable[[], None] | None = field(default=None, repr=False)

    def position(self) -> int:
        """Bytes read so far (progress and time left are estimated from it)."""
        if self._where is not None:
            return self._where()
        try:
            return self._stream.tell() if self._stream is not None else self.size
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        if self._close is not None:
            self._close()
        if self._stream is not None:
            self._stream.close()


def kind_of(path: str, given: str | None = None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".xls", ".ods", ".numbers"):
        raise BatchError(
            f"{path}: a '{suffix}' spreadsheet cannot be read; save it as an Excel workbook "
            "(.xlsx) or as 'CSV UTF-8'"
        )
    raise BatchError(
        f"{path}: cannot tell the format from the extension '{suffix or '(none)'}'; "
        "use .csv, .tsv, .xlsx, .jsonl or .json (or --input-format)"
    )


def open_table(
    path: str,
    *,
    kind: str | None = None,
    text_column: str | None = None,
    name_column: str | None = None,
    category_column: str | None = None,
    language_column: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    brand_column: str | None = None,
) -> Table:
    if path == "-" and not kind:
        raise BatchError(
            "-: standard input has no extension to tell its format by; "
            "give it with --input-format csv, xlsx, jsonl or json"
        )
    kind = kind_of(path, kind)
    if sheet is not None and kind != "xlsx":
        raise BatchError(f"{path}: --sheet is for an Excel workbook (.xlsx), not {kind} input")
    encoding = _text_encoding(path, kind, encoding)
    try:
        if os.path.isdir(path):
            raise BatchError(f"{path}: is a directory, not a file of templates")
        if path == "-":  # read as it comes: no size, so progress shows no share or time left
            stream: IO[bytes] = sys.stdin.buffer
            size = 0
        else:
            stream = open(path, "rb")  # noqa: SIM115 -- closed by Table.close()
            size = os.fstat(stream.fileno()).st_size
    except FileNotFoundError:
        raise BatchError(f"{path}: no such file") from None
    except PermissionError:
        raise BatchError(f"{path}: permission denied") from None
    except OSError as exc:
        raise BatchError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    wanted = (name_column, category_column, language_column, brand_column)
    try:
        if kind == "csv":
            if delimiter is None and Path(path).suffix.lower() == ".tsv":
                delimiter = "\t"
            table = _csv_table(path, stream, delimiter, text_column, wanted, encoding)
        elif kind == "jsonl":
            table = _jsonl_table(path, stream, text_column, wanted)
        elif kind == "xlsx":
            from linter.batch.workbook import xlsx_table

            return xlsx_table(path, stream, sheet, text_column, wanted)
        else:
            table = _json_table(path, stream, size)
    except BaseException:
        stream.close()
        raise
    table.size = size
    return table


def _pick(
    columns: list[str],
    wanted: str | None,
    defaults: tuple[str, ...],
    what: str,
    path: str,
    required: bool,
) -> str | None:
    """The column to use: the one named (exactly, else ignoring case), else the first default.
    Two columns that are the same name but for case or spaces (``Body`` and ``body``) are not
    told apart by guessing: unless one is named exactly, the run stops and says so."""
    folded: dict[str, list[str]] = {}
    for c in columns:
        folded.setdefault(c.strip().lower(), []).append(c)

    def one(key: str) -> str:
        found = folded[key]
        if len(found) > 1:
            both = " and ".join(repr(c) for c in found)
            raise BatchError(
                f"{path}: columns {both} differ only in case or spaces; rename one, or name "
                f"the {what} column exactly with --{what}-column"
            )
        return found[0]

    if wanted is not None:
        if wanted in columns:
            return wanted
        if wanted.strip().lower() in folded:
            return one(wanted.strip().lower())
        found = ", ".join(repr(c) for c in columns) or "none"
        raise BatchError(f"{path}: no {what} column {wanted!r}; columns found: {found}")
    for name in defaults:
        if name in folded:
            return one(name)
    if required:
        found = ", ".join(repr(c) for c in columns) or "none"
        raise BatchError(
            f"{path}: no text column (looked for {', '.join(defaults)}); columns found: {found}; "
            "name it with --text-column"
        )
    return None


def pick_columns(
    path: str, columns: list[str], text_column: str | None, wanted: FieldColumns
) -> tuple[str, FieldColumns]:
    """The text column of a table with a header, and its name, category, language and brand
    columns (``wanted``: as the options name them, None for the defaults)."""
    if len(set(columns)) != len(columns):
        dupes = sorted({c for c in columns if columns.count(c) > 1})
        raise BatchError(f"{path}: duplicate column names in the header: {', '.join(dupes)}")
    text_col = _pick(columns, text_column, TEXT_COLUMNS, "text", path, required=True)
    assert text_col is not None  # required
    name_column, category_column, language_column, brand_column = wanted
    name_col = _pick(columns, name_column, ("name",), "name", path, required=False)
    cat_col = _pick(columns, category_column, ("category",), "category", path, required=False)
    lang_col = _pick(columns, language_column, LANGUAGE_COLUMNS, "language", path, required=False)
    brand_col = _pick(columns, brand_column, BRAND_COLUMNS, "brand", path, required=False)
    return text_col, (name_col, cat_col, lang_col, brand_col)


def checked_text(row: InRow, value: Any) -> None:
    """Fill the row's text, or mark why it cannot be scored."""
    if value is None or (isinstance(value, str) and not value.strip()):
        row.error = "empty text"
        return
    if not isinstance(value, str):
        row.error = f"text is not a string (a JSON {type(value).__name__})"
        return
    row.text = value
    if len(value) > BODY_LIMIT:
        row.error = (
            f"text too long: {len(value):,} characters, over Meta's {BODY_LIMIT:,}-character "
            "body limit"
        )


def category_of(value: Any) -> str | None:
    return value.strip().upper() or None if isinstance(value, str) else None


def name_of(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# -- CSV ---------------------------------------------------------------------------------------
def codec_name(path: str | Path, encoding: str) -> str:
    """Python's name for ``encoding``, or a ValueError naming the file when it is no text
    encoding (batch, train and evaluate all take --encoding)."""
    import codecs

    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(
            f"{path}: unknown encoding {encoding!r} (e.g. cp1252, latin-1, utf-16)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{path}: {encoding!r} is not a text encoding")
    return info.name


def _text_encoding(path: str, kind: str, encoding: str | None) -> str | None:
    """The codec a CSV is read with other than UTF-8 (None: UTF-8, BOM or not)."""
    if encoding is None:
        return None
    try:
        name = codec_name(path, encoding)
    except ValueError as exc:
        raise BatchError(str(exc)) from None
    if kind != "csv":
        raise BatchError(f"{path}: --encoding is for CSV and TSV input, not {kind} (UTF-8)")
    return None if name in ("utf-8", "utf-8-sig") else name


class _Held:
    """What the two line sources share: the lines of the record being parsed (``held``, from
    line ``lineno - len(held) + 1``), and lines given back after a broken record, read again
    before the rest of the file (``give_back``)."""

    lineno: int
    bad: str | None

    def _init_held(self) -> None:
        self.lineno = 0  # the number of the line last handed to the parser
        self.read = 0  # lines read from the file
        self.held: list[str] = []
        self.back: deque[str] = deque()
        self.bad_at: dict[int, str] = {}  # line -> why it is not valid text, for a re-read

    def give_back(self, lines: list[str]) -> None:
        """Read these lines (the last ``len(lines)`` read) again, before the rest."""
        self.back.extend(lines)
        self.lineno -= len(lines)

    def _again(self) -> Iterator[str]:
        while self.back:
            self.lineno += 1
            if self.bad is None and self.lineno in self.bad_at:
                self.bad = self.bad_at[self.lineno]
            line = self.back.popleft()
            self.held.append(line)
            yield line

    def _mark(self, why: str) -> None:
        self.bad_at[self.lineno] = why
        if self.bad is None:
            self.bad = why


class _DecodedLines(_Held):
    """``_Lines`` for a CSV in another encoding (Excel on Windows saves "CSV" as cp1252, its
    "Unicode Text" as UTF-16): a line with bytes the codec cannot decode has its row marked."""

    utf16 = False

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        import io

        # newline="": the csv module sees the line endings as written (quoted newlines)
        self.text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        self.encoding = encoding
        self.bad: str | None = None
        self.bom = True  # the output is UTF-8: a BOM tells Excel so
        self._init_held()

    def __iter__(self) -> Iterator[str]:
        yield from self._again()
        for line in self.text:
            self.lineno = self.read = self.read + 1
            if self.read == 1:
                line = line.removeprefix("\ufeff")
            if "\ufffd" in line:
                self._mark(f"invalid {self.encoding}: line {self.lineno}")
            self.held.append(line)
            yield line
            if self.back:
                yield from self._again()


class _Lines(_Held):
    """Decoded lines for the csv module, noting which physical lines were not valid UTF-8 (they
    are decoded with U+FFFD so the parser stays in step, and their row is marked)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.bad: str | None = None  # the first undecodable line since the last row
        self.first = True
        self.utf16 = False  # the file starts with a UTF-16 byte-order mark
        self.bom = False
        self._init_held()

    def __iter__(self) -> Iterator[str]:
        yield from self._again()
        held = self.held
        for raw in self.stream:
            self.lineno = self.read = self.read + 1
            if self.first:
                self.first = False
                self.utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # its byte-order mark
                self.bom = raw.startswith(b"\xef\xbb\xbf")  # Excel's "CSV UTF-8" has one
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self._mark(
                    f"invalid UTF-8: byte 0x{raw[exc.start]:02X} at line {self.lineno}, "
                    f"column {exc.start + 1}"
                )
                line = raw.decode("utf-8", errors="replace")
            held.append(line)
            yield line
            if self.back:
                yield from self._again()


def sniff_delimiter(header: str) -> str:
    """The delimiter of a header line: the candidate that splits it into the most fields."""
    best, most = ",", 0
    for d in DELIMITERS:
        try:
            n = len(next(csv.reader([header], delimiter=d)))
        except (csv.Error, StopIteration):
            continue
        if n > most:
            best, most = d, n
    return best


def _csv_table(
    path: str,
    stream: IO[bytes],
    delimiter: str | None,
    text_column: str | None,
    wanted: FieldColumns,
    encoding: str | None = None,
) -> Table:
    lines: _Lines | _DecodedLines = (
        _Lines(stream) if encoding is None else _DecodedLines(stream, encoding)
    )
    line_iter = iter(lines)
    first = next(line_iter, None)
    if first is None or not first.strip():
        raise BatchError(f"{path}: empty file (no header line)")
    if lines.utf16:
        raise BatchError(
            f"{path}: the file is UTF-16 (as Excel's 'Unicode Text' saves it); read it with "
            "--encoding utf-16, or save it as 'CSV UTF-8'"
        )
    if lines.bad:
        raise BatchError(
            f"{path}: header line is not {encoding or 'UTF-8'} ({lines.bad}); "
            + (
                "give its encoding with --encoding (cp1252 for a CSV Excel saved on Windows)"
                if encoding is None
                else "check --encoding"
            )
        )
    if delimiter is None:
        delimiter = sniff_delimiter(first)
    if len(delimiter) != 1:
        raise BatchError(f"{path}: --delimiter must be one character, not {delimiter!r}")

    def chained() -> Iterator[str]:
        yield first
        yield from line_iter

    reader = csv.reader(chained(), delimiter=delimiter, strict=True)
    try:
        columns = next(reader)
    except csv.Error as exc:
        raise BatchError(f"{path}: malformed header line: {exc}") from None
    text_col, fields_at = pick_columns(path, columns, text_column, wanted)
    width = len(columns)

    def rows() -> Iterator[InRow]:
        nonlocal reader
        index = 0
        held = lines.held
        while True:
            held.clear()
            lines.bad = None
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _broken_record(index, lines, str(exc), columns, delimiter, fields_at)
                index += 1
                if lines.back:  # a parser that met the file's end reads no more: a new one
                    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
                continue
            if not fields:  # a blank line is not a row
                continue
            values = dict(zip(columns, fields, strict=False))
            row = InRow(index, values)
            index += 1
            if lines.bad:
                row.error = lines.bad
                row.fill(values, fields_at)
            elif len(fields) != width:
                row.error = _wrong_width(lines, width, fields)
                row.fill(values, fields_at)
            else:
                row.fill(values, fields_at)
                checked_text(row, values.get(text_col))
            yield row

    name_col, cat_col, lang_col, _ = fields_at
    return Table(
        path,
        "csv",
        columns,
        text_col,
        name_col,
        cat_col,
        rows(),
        lang_col,
        delimiter=delimiter,
        bom=lines.bom,
        _stream=stream,
    )


def _span(lines: _Held) -> tuple[int, int]:
    """The first and last line of the record just parsed."""
    return lines.lineno - len(lines.held) + 1, lines.lineno


def _wrong_width(lines: _Held, width: int, fields: list[str]) -> str:
    first, last = _span(lines)
    where = f" (lines {first}–{last})" if last > first else ""
    why = f"malformed CSV line {first}: expected {width} fields, found {len(fields)}{where}"
    if len(fields) > width:  # the cells past the header's are not in any column: say them
        why += "; beyond the header: " + ", ".join(repr(f) for f in fields[width:])
    return why


def _broken_record(
    index: int,
    lines: _Held,
    why: str,
    columns: list[str],
    delimiter: str,
    fields_at: FieldColumns,
) -> InRow:
    """The error row of a record the csv module could not parse, keeping what can be kept.

    The usual cause is a quote that is never closed: the parser then reads on through the next
    lines as one quoted cell until a later quote ends it, and fails there (or at the end of the
    file). Those lines are rows of their own, so all but the record's first line are read again,
    and the first becomes this row, its cells split as well as they go (its name, its text)."""
    first, last = _span(lines)
    held = list(lines.held)
    if last > first:
        lines.give_back(held[1:])
        why += (
            f" on line {last}: a quoted field from line {first} runs on to line {last} "
            f"(a quote not closed?); line {first} is this row, "
            + (f"line {last} is" if last == first + 1 else f"lines {first + 1}–{last} are")
            + " read again as rows"
        )
    cells = _salvage(held[0] if held else "", delimiter)
    row = InRow(index, dict(zip(columns, cells, strict=False)))
    row.error = f"malformed CSV line {first}: {why}"
    row.fill(row.values, fields_at)
    return row


def _salvage(line: str, delimiter: str) -> list[str]:
    """The cells of a line the strict parser refused: parsed leniently, a quote left open
    closed at the line's end."""
    text = line.rstrip("\r\n")
    for attempt in (text, text + '"'):
        try:
            return next(csv.reader([attempt], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
    return text.split(delimiter)


# -- JSONL -------------------------------------------------------------------------------------
def _jsonl_table(
    path: str,
    stream: IO[bytes],
    text_column: str | None,
    wanted: FieldColumns,
) -> Table:
    # Objects need not share keys, and a sheet has one header: the columns are every key of
    # every object, in the order first seen. A first pass reads them (each line parsed,
    # a few µs a row beside the ~200 of scoring it), the second the rows; standard input, read
    # once, is copied to a temporary file first.
    if not stream.seekable():
        import shutil
        import tempfile

        spool = tempfile.TemporaryFile()  # noqa: SIM115 -- closed by Table.close()
        shutil.copyfileobj(stream, spool)
        spool.seek(0)
        stream = spool
    keys: dict[str, None] = {}
    first_obj: dict[str, Any] | None = None
    blank = True
    for n, raw in enumerate(stream):
        if n == 0:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        blank = False
        try:
            value = jsonpos.loads_plain(raw)
        except ValueError:
            continue
        if not isinstance(value, dict):
            continue
        if first_obj is None:
            first_obj = value
        if not value.keys() <= keys.keys():
            keys.update(dict.fromkeys(value))
    stream.seek(0)
    if blank:
        raise BatchError(f"{path}: empty file (no JSON lines)")
    columns = list(keys)
    # One Meta template a line (what `lint` reads as .jsonl): every component is linted, and
    # a sheet written from it gets the export's columns, as from a JSON export.
    templates = (
        first_obj is not None
        and text_column is None
        and isinstance(first_obj.get("components"), list)
        and not any(c in first_obj for c in TEXT_COLUMNS)
    )
    if templates:
        columns, text_col = list(EXPORT_COLUMNS), "body"
    elif first_obj is None:
        text_col = text_column or "text"
    else:
        text_col = _pick(columns, text_column, TEXT_COLUMNS, "text", path, required=True)
    # A name, category or language is looked up in every object.
    name_column, category_column, language_column, brand_column = wanted
    lang_col = language_column or next(
        (c for c in LANGUAGE_COLUMNS if c in keys), LANGUAGE_COLUMNS[0]
    )
    brand_col = brand_column or next((c for c in BRAND_COLUMNS if c in keys), BRAND_COLUMNS[0])
    fields_at = (name_column or "name", category_column or "category", lang_col, brand_col)

    def rows() -> Iterator[InRow]:
        index = 0
        lineno = 0
        for raw in stream:
            lineno += 1
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            row = InRow(index, {})
            index += 1
            try:
                value = jsonpos.loads_plain(raw)
            except UnicodeDecodeError as exc:
                row.error = f"invalid UTF-8: byte 0x{raw[exc.start]:02X} at line {lineno}"
                yield row
                continue
            except ValueError as exc:
                row.error = f"malformed JSON line {lineno}: {exc}"
                yield row
                continue
            if not isinstance(value, dict):
                row.error = f"line {lineno} is a JSON {type(value).__name__}, not an object"
                yield row
                continue
            row.values = value
            row.fill(value, fields_at)
            if isinstance(value.get("components"), list):
                _template_row(row, value)
            elif templates:
                checked_text(row, _body_of(value))
            elif text_col in value:
                checked_text(row, value[text_col])
            else:
                _other_text_key(row, value, text_column, lineno)
            yield row

    name_col, cat_col, _, _ = fields_at
    return Table(
        path,
        "jsonl",
        columns,
        text_col,
        name_col,
        cat_col,
        rows(),
        lang_col,
        templates=templates,
        _stream=stream,
    )


def _other_text_key(row: InRow, value: dict[str, Any], named: str | None, lineno: int) -> None:
    """A JSONL object without the text key the file's columns gave. Without --text-column its
    text is its own first default key (``text`` in an object beside others with ``body``), as
    a file of such objects alone would be read; else the row says which key is missing."""
    if named is None:
        folded = {k.strip().lower(): k for k in value}
        key = next((folded[d] for d in TEXT_COLUMNS if d in folded), None)
        if key is not None:
            checked_text(row, value[key])
            return
        wanted = f"none of {', '.join(TEXT_COLUMNS)}"
    else:
        wanted = f"no {named!r} (--text-column)"
    found = ", ".join(repr(k) for k in value) or "none"
    row.error = f"no text key: the object on line {lineno} has {wanted}; its keys: {found}"


# -- Meta JSON export --------------------------------------------------------------------------


def _body_of(template: dict[str, Any]) -> Any:
    for comp in template.get("components") or []:
        if isinstance(comp, dict) and str(comp.get("type", "")).upper() == "BODY":
            return comp.get("text")
    return template.get("body", template.get("text"))


def _template_row(row: InRow, value: dict[str, Any]) -> None:
    row.template = value
    row.fill(value, ("name", "category", "language", None))
    checked_text(row, _body_of(value))
    if row.error is None:
        where = _too_long(value, "")
        if where is not None:
            row.error = where


def _too_long(value: Any, where: str) -> str | None:
    """Why a string in a template object is longer than Meta allows, or None. The JSON
    readers refuse nesting over 200 levels, so the recursion is bounded."""
    if isinstance(value, str):
        limit = BODY_LIMIT if where.endswith(".text") else FIELD_LIMIT
        if len(value) > limit:
            return (
                f"{where or 'a field'} too long: {len(value):,} characters, over Meta's "
                f"{limit:,}-character limit"
            )
        return None
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = _too_long(item, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None


def _json_table(path: str, stream: IO[bytes], size: int) -> Table:
    if size > JSON_EXPORT_LIMIT:
        raise BatchError(
            f"{path}: {size:,} bytes is more than a JSON export can be ({JSON_EXPORT_LIMIT:,}); "
            "split it, or convert it to JSONL (one template a line)"
        )
    data = stream.read()
    stream.close()
    if not data.strip():
        raise BatchError(f"{path}: empty file")
    try:
        value = jsonpos.loads_plain(data.removeprefix(b"\xef\xbb\xbf"))
    except UnicodeDecodeError as exc:
        raise BatchError(
            f"{path}: not UTF-8 (byte 0x{data[exc.start]:02X} at {exc.start})"
        ) from None
    except json.JSONDecodeError as exc:
        raise BatchError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except jsonpos.JSONPosError as exc:
        raise BatchError(f"{path}: invalid JSON: {exc}") from None
    if isinstance(value, dict) and isinstance(value.get("data"), list):
        items = value["data"]
    elif isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        items = [value]
    else:
        raise BatchError(f'{path}: expected a template, a list of templates or {{"data": [...]}}')

    def rows() -> Iterator[InRow]:
        for index, item in enumerate(items):
            row = InRow(index, item if isinstance(item, dict) else {})
            if not isinstance(item, dict):
                row.error = f"template {index + 1} is a JSON {type(item).__name__}, not an object"
            else:
                _template_row(row, item)
            yield row

    return Table(
        path,
        "json",
        list(EXPORT_COLUMNS),
        "body",
        "name",
        "category",
        rows(),
        "language",
        templates=True,
    )


def flat_export_values(row: InRow) -> dict[str, Any]:
    """A Meta template object as one spreadsheet row (CSV output of a JSON export)."""
    t = row.template or row.values
    return {
        "name": t.get("name"),
        "language": t.get("language"),
        "category": t.get("category"),
        "status": t.get("status"),
        "body": _body_of(t) if isinstance(t, dict) else None,
    }
