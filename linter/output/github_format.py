"""GitHub Actions workflow commands: ``::error file=…,line=…::message``."""

from __future__ import annotations

from typing import TextIO

from linter.output import Report, report_path

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _file(path: str) -> str:
    # From the repository's root: GitHub places annotations by it, whatever folder ran us.
    return _escape_prop(report_path(path) or path)


def emit(report: Report, stream: TextIO) -> None:
    for d in report.diagnostics:
        props = (
            f"file={_file(d.file)},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},"
            f"title={_escape_prop(f'{d.code} {d.name}')}"
        )
        message = d.message + (f" — fix: {d.fix}" if d.fix else "")
        stream.write(f"::{_LEVEL[d.severity]} {props}::{_escape_data(message)}\n")
    for e in report.errors:
        line = f",line={e.line},col={e.column or 1}" if e.line else ""
        stream.write(f"::error file={_file(e.path)}{line}::{_escape_data(e.message)}\n")
