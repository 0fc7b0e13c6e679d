"""A JSON list of diagnostics, one object each (scores added by later stages sit beside them)."""

from __future__ import annotations

import json
from typing import TextIO

from linter.output import Report


def emit(report: Report, stream: TextIO) -> None:
    items = [d.to_dict() for d in report.diagnostics]
    items += [
        {
            "file": e.path,
            "line": e.line,
            "column": e.column,
            "code": "input-error",
            "severity": "error",
            "message": e.message,
        }
        for e in report.errors
    ]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
