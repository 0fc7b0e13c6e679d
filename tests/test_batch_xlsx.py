"""templint batch on Excel workbooks: a sheet in, a sheet out, the same scores as the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result

from linter.batch.workbook import escape, unescape
from linter.commands.batch import batch

ORDER = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}."
PROMO = "Get 20% off everything with code SAVE20 this weekend only!"


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(batch, [*args, "--quiet", "--isolated"], input=input)


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def sheet_rows(path: Path | bytes) -> list[tuple[Any, ...]]:
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return list(openpyxl.load_workbook(source).active.iter_rows(values_only=True))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_sheet_scores_as_the_same_rows_in_csv(tmp_path: Path) -> None:
    rows = [["name", "category", "body", "owner"]]
    bodies = [ORDER, PROMO, "Is now a good time to talk about your plan?", "Your OTP is 4411."]
    rows += [[f"tpl_{i}", "UTILITY", b, "cx"] for i, b in enumerate(bodies)]
    book = workbook(tmp_path / "drafts.xlsx", {"Drafts": rows})
    flat = tmp_path / "drafts.csv"
    with flat.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    from_book, from_csv = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run(str(book), "-o", str(from_book), "-j", "1").exit_code == 0
    assert run(str(flat), "-o", str(from_csv), "-j", "1").exit_code == 0
    assert from_book.read_bytes() == from_csv.read_bytes()
    assert [r["verdict"] for r in read_csv(from_book)][:2] == ["pass", "fail"]


def test_typed_cells_blank_rows_and_headers(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "drafts.xlsx",
        {
            "Drafts": [
                [None, None, None],  # blank rows above the header are not the header
                ["name", "body", None, "due", None, None],
                ["ship", ORDER, "x", dt.datetime(2026, 1, 2), None, None],
                [None, None, None, None],  # a blank row is not a row
                ["count", 12345, None, dt.datetime(2026, 1, 2, 9, 30)],
                ["stray", ORDER, None, None, None, "note"],
                ["", "   ", None, None],  # only spaces: blank too
                ["draft", "   ", None, None],
            ]
        },
    )
    out = tmp_path / "out.csv"
    res = run(str(book), "-o", str(out), "-j", "1")
    assert res.exit_code == 0, res.output
    got = read_csv(out)
    # a blank header cell between named ones is a column, after its letter; trailing ones not
    assert list(got[0])[:4] == ["name", "body", "column C", "due"]
    assert [r["name"] for r in got] == ["ship", "count", "stray", "draft"]
    assert got[0]["due"] == "2026-01-02" and got[1]["due"] == "2026-01-02T09:30:00"
    assert got[0]["verdict"] == "pass"
    assert (got[1]["verdict"], got[1]["messages"]) == ("error", "not text: cell B5 holds a number")
    assert got[2]["messages"] == "value outside the header's columns: cell F6"
    assert (got[3]["verdict"], got[3]["messages"]) == ("error", "empty text")


def test_sheet_choice_and_its_errors(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "drafts.xlsx",
        {"Notes": [["text"], [PROMO]], "Drafts": [["message"], [ORDER]]},
    )
    out = tmp_path / "out.csv"
    assert run(str(book), "-o", str(out), "-j", "1").exit_code == 0
    assert read_csv(out)[0]["verdict"] == "fail"  # the first sheet by default
    assert run(str(book), "--sheet", "drafts", "-o", str(out), "-j", "1").exit_code == 0
    assert read_csv(out)[0]["message"] == ORDER
    res = run(str(book), "--sheet", "Budget", "-o", str(out))
    assert res.exit_code == 2
    assert res.stderr == f"templint: {book}: no sheet 'Budget'; sheets: 'Notes', 'Drafts'\n"
    res = run(str(book), "--sheet", "Drafts", "--text-column", "copy", "-o", str(out))
    assert res.exit_code == 2 and "columns found: 'message'" in res.stderr
    flat = tmp_path / "in.csv"
    flat.write_text(f"body\n{ORDER}\n")
    res = run(str(flat), "--sheet", "Drafts", "-o", str(out))
    assert res.exit_code == 2 and "--sheet is for an Excel workbook" in res.stderr


def test_files_that_are_not_workbooks_are_one_line_and_exit_2(tmp_path: Path) -> None:
    text = tmp_path / "saved_as_csv.xlsx"
    text.write_text(f"body\n{ORDER}\n")
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))  # .xls / locked .xlsx
    other_zip = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("notes.txt", "hello")
    empty = workbook(tmp_path / "empty.xlsx", {"Sheet": []})
    cut = tmp_path / "cut.xlsx"  # the sheet's XML ends mid-way
    whole = workbook(tmp_path / "whole.xlsx", {"S": [["body"]] + [[ORDER]] * 200})
    with zipfile.ZipFile(whole) as zin, zipfile.ZipFile(cut, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    cases = {
        text: "not an .xlsx workbook (not a zip archive)",
        old: "an old .xls file, or a password-protected workbook",
        other_zip: "not a readable .xlsx workbook",
        empty: "empty sheet (no header row)",
        cut: "cannot read the sheet past row",
        tmp_path / "book.xls": "a '.xls' spreadsheet cannot be read; save it as",
    }
    for path, message in cases.items():
        out = tmp_path / "out.csv"
        res = run(str(path), "-o", str(out), "-j", "1")
        assert res.exit_code == 2, (path, res.output)
        assert message in res.stderr and res.stderr.count("\n") == 1, res.stderr
        assert str(path) in res.stderr and "Traceback" not in res.output
        assert not out.exists()  # no half-written output


def test_output_workbook_keeps_types_and_is_ready_to_filter(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    odd = "Your order\x0b ships today_x000D_ (code 7)\r\nThanks"
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [["name", "body"], ["ship", ORDER], ["promo", PROMO], ["odd", odd]]
        )
    out = tmp_path / "scored.xlsx"
    res = run(str(src), "-o", str(out), "-j", "1")
    assert res.exit_code == 0, res.output
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "name", "body", "verdict", "promo_score", "predicted_category", "codes", "messages",
        "suggestion",
    )  # fmt: skip
    assert rows[1][:3] == ("ship", ORDER, "pass") and rows[2][2] == "fail"
    assert isinstance(rows[2][3], float) and 0.5 < rows[2][3] <= 1
    assert "TPL102" in rows[2][5]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H4"
    assert sheet["A1"].font.b and sheet.column_dimensions["B"].width == 60
    # control characters are written as Excel writes them, and read back the same by templint
    assert rows[3][1] == escape(odd) and unescape(rows[3][1]) == odd
    again = tmp_path / "again.csv"
    assert run(str(out), "-o", str(again), "-j", "1").exit_code == 0
    assert read_csv(again)[2]["body"] == odd  # through a workbook and back, unchanged


@pytest.mark.slow
def test_workbook_in_and_out_through_standard_streams_and_workers(tmp_path: Path) -> None:
    bodies = [ORDER, PROMO, "", "Is now a good time to talk about your plan?"]
    rows: list[list[Any]] = [["name", "body", "rank"]]
    rows += [
        [f"tpl_{i}", bodies[i % 4].replace("{{1}}", f"{{{{1}}}} #{i}"), i] for i in range(3200)
    ]
    book = workbook(tmp_path / "many.xlsx", {"Drafts": rows})
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    assert run(str(book), "-o", str(one), "-j", "1").exit_code == 0
    assert run(str(book), "-o", str(two), "-j", "2").exit_code == 0  # workers from 3,000 rows
    first, second = sheet_rows(one), sheet_rows(two)
    assert first == second and len(first) == 3201
    assert [r[0] for r in first[1:]] == [f"tpl_{i}" for i in range(3200)]
    assert first[4][2] == 3 and first[3][3] == "error"  # a number stays a number
    piped = run("-", "--input-format", "xlsx", "-o", "-", "-j", "1", input=book.read_bytes())
    assert piped.exit_code == 0 and sheet_rows(piped.stdout_bytes) == first


@pytest.mark.parametrize(
    "text", ["plain", "a\x00b\x1fc", "_x0041_ stays", "_x005F_", "line\r\nbreak\ttab", "é€😀"]
)
def test_escapes_round_trip(text: str) -> None:
    assert unescape(escape(text)) == text
    assert "\r" not in escape(text) and "\x00" not in escape(text)


def test_the_default_sheet_is_the_first_visible_sheet_of_rows(tmp_path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    settings = book.active
    settings.title = "Settings"
    settings.append(["body"])
    settings.append([PROMO])
    settings.sheet_state = "hidden"
    chart_sheet = book.create_chartsheet("Chart")
    chart = BarChart()
    chart.add_data(Reference(settings, min_col=1, min_row=1, max_row=2))
    chart_sheet.add_chart(chart)
    drafts = book.create_sheet("Drafts")
    drafts.append(["body"])
    drafts.append([ORDER])
    path = tmp_path / "book.xlsx"
    book.save(path)
    out = tmp_path / "out.csv"
    assert run(str(path), "-o", str(out), "-j", "1").exit_code == 0
    assert [r["body"] for r in read_csv(out)] == [ORDER]
    res = run(str(path), "--sheet", "Chart", "-o", str(out))
    assert res.exit_code == 2 and "sheet 'Chart' is a chart, not a table of rows" in res.stderr
    assert run(str(path), "--sheet", "settings", "-o", str(out), "-j", "1").exit_code == 0
    assert read_csv(out)[0]["verdict"] == "fail"  # a hidden sheet, when named


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_workbook_onto_a_full_disk_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    src = tmp_path / "in.csv"
    src.write_text(f"body\n{ORDER}\n{PROMO}\n")
    cmd = [sys.executable, "-m", "linter", "batch", str(src), "-o", "/dev/full"]
    cmd += ["--output-format", "xlsx", "-j", "1", "--quiet", "--isolated"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    # not followed by the traceback of openpyxl's archive failing again when collected
    assert res.stderr == "templint: /dev/full: cannot write: No space left on device\n"


def test_a_sheet_language_column_is_read_like_a_csv_one(tmp_path: Path) -> None:
    spanish = "¡Bienvenido a NovaTel, Andrés! Así puedes empezar: https://m.novatel.com/start"
    rows = [["name", "language", "body"], ["bienvenida", "es", spanish], ["welcome", "en", spanish]]
    book = workbook(tmp_path / "drafts.xlsx", {"Drafts": rows})
    out = tmp_path / "out.csv"
    assert run(str(book), "-o", str(out), "-j", "1", "--ignore", "TPL401").exit_code == 0
    got = read_csv(out)
    assert [r["language"] for r in got] == ["es", "en"]
    assert ["TPL201" in r["codes"] for r in got] == [False, True]


def test_text_that_looks_like_a_formula_is_written_as_text_never_as_a_formula(
    tmp_path: Path,
) -> None:
    # A draft (or any cell, or a column name) starting with "=" must not become a live formula
    # in the writers' sheet: =HYPERLINK would put a working link in it, =1+1 would show as 2;
    # "#N/A" must not become an error value.
    link = '=HYPERLINK("http://evil.example","Click")'
    src = tmp_path / "inj.csv"
    src.write_text(f'name,body,owner,=x\nf1,"{link.replace(chr(34), 2 * chr(34))}",=1+1,#N/A\n')
    out = tmp_path / "inj.xlsx"
    assert run(str(src), "-o", str(out), "-j", "1").exit_code == 0
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
    sheet = openpyxl.load_workbook(out).active
    header, row = [[(c.value, c.data_type) for c in r] for r in sheet.iter_rows()]
    assert header[3] == ("=x", "s") and sheet["D1"].font.b
    assert row[:4] == [("f1", "s"), (link, "s"), ("=1+1", "s"), ("#N/A", "s")]
    assert all(t == "s" for v, t in row if isinstance(v, str))  # ours too
    # a workbook's text cell holding "=1+1" goes through a workbook as text
    book = openpyxl.Workbook()
    book.active.append(["name", "body"])
    book.active.append(["f2", "=1+1"])
    book.active["B2"].data_type = "s"
    book.save(tmp_path / "in.xlsx")
    assert run(str(tmp_path / "in.xlsx"), "-o", str(out), "-j", "1").exit_code == 0
    assert openpyxl.load_workbook(out).active["B2"].data_type == "s"
    # CSV output keeps the text as it was (docs/batch.md says why and how to open it safely)
    flat = tmp_path / "inj_out.csv"
    assert run(str(src), "-o", str(flat), "-j", "1").exit_code == 0
    (scored,) = read_csv(flat)
    assert (scored["body"], scored["owner"], scored["=x"]) == (link, "=1+1", "#N/A")


_SHEET = "xl/worksheets/sheet1.xml"
_HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>body</t></is></c></row>'
)


def _with_parts(path: Path, parts: dict[str, bytes]) -> Path:
    """A workbook openpyxl wrote, with some of its parts replaced (a hostile sheet)."""
    workbook(tmp := path.with_suffix(".base.xlsx"), {"Sheet": [["name", "body"]]})
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, parts.get(info.filename, src.read(info.filename)))
        for name, data in parts.items():
            if name not in src.namelist():
                out.writestr(name, data)
    return path


def _sheet_xml(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
        b'formats.org/spreadsheetml/2006/main"><sheetData>' + _HEADER_ROW + rows
        + b"</sheetData></worksheet>"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("A1000000000000", "row number 1,000,000,000,000 is outside Excel's 1 to 1,048,576"),
        ("A1048577", "row number 1,048,577 is outside Excel's 1 to 1,048,576"),
        ("XFE2", "row 2 has a cell in column 16,385, past Excel's last (16,384, XFD)"),
    ],
)
def test_rows_and_columns_past_excels_are_refused(tmp_path: Path, cell: str, said: str) -> None:
    # A 4.7 KB workbook with a row numbered 10^12 ran for hours: openpyxl yielded every missing
    # row before it. Excel never writes a row or column past its last.
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    xml = _sheet_xml(
        b'<row r="%s"><c r="%s" t="inlineStr"><is><t>hello</t></is></c></row>'
        % (row.encode(), cell.encode())
    )
    src = _with_parts(tmp_path / "hostile.xlsx", {_SHEET: xml})
    res = run(str(src), "-o", str(tmp_path / "out.csv"))
    assert res.exit_code == 2, res.output
    assert res.output == f"templint: {src} (sheet 'Sheet'): {said}; not a sheet Excel wrote\n"


def test_a_cell_far_right_on_every_row_costs_its_cell_not_its_column(tmp_path: Path) -> None:
    # Each row was widened to the widest: 200,000 rows with one blank cell in XFD took 134 s
    # (60,000 here: about 40 s before, 2 s now). Beyond the header a filled cell is
    # still an error row, named by its cell.
    blanks = b"".join(
        b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t> </t></is></c></row>' % (i, i)
        for i in range(2, 60_002)
    )
    stray = b'<row r="60002"><c r="A60002" t="inlineStr"><is><t>a</t></is></c>'
    stray += b'<c r="B60002" t="inlineStr"><is><t>Your order shipped</t></is></c>'
    stray += b'<c r="XFD60002" t="inlineStr"><is><t>x</t></is></c></row>'
    src = _with_parts(tmp_path / "wide.xlsx", {_SHEET: _sheet_xml(blanks + stray)})
    out = tmp_path / "out.csv"
    start = time.monotonic()
    res = run(str(src), "-o", str(out), "-j", "1")
    assert time.monotonic() - start < 20, "wide rows"
    assert res.exit_code == 0, res.output
    (row,) = read_csv(out)
    assert row["verdict"] == "error"
    assert row["messages"] == "value outside the header's columns: cell XFD60002"


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 3.3 MB of shared strings unpacking to 1.5 GB took 1.78 GB of memory: openpyxl reads the
    # table whole. The zip's directory gives each part's size before anything is unpacked.
    from linter.batch import workbook as workbook_module

    monkeypatch.setattr(workbook_module, "XLSX_UNPACKED", 1_000_000)
    big = b"<si><t>" + b"x" * 1000 + b"</t></si>"
    src = _with_parts(tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": big * 2000})
    res = run(str(src), "-o", str(tmp_path / "out.csv"))
    assert res.exit_code == 2, res.output
    (line,) = res.output.splitlines()
    assert line.startswith(f"templint: {src}: the workbook unpacks to 2,0")
    assert line.endswith("bytes, over the 1,000,000-byte limit; save the rows as 'CSV UTF-8', "
                         "or split the sheet")  # fmt: skip
