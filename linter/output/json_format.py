"""A JSON list of diagnostics, one object each (scores added by later stages sit beside them)."""

from __future__ import annotations

import json
from typing import TextIO

from linter.diagnostic import Diagnostic
from linter.output import Report

# Every item has every key, in this order (null where it does not apply): a consumer can rely
# on the shape whatever was selected. An unreadable input is an item with code "input-error".
KEYS = (
    "file", "line", "column", "end_line", "end_column", "code", "name", "severity", "message",
    "fix", "template", "component", "category", "language", "promotional_score",
    "predicted_category", "edit", "alternatives",
)  # fmt: skip


def _item(d: Diagnostic, report: Report) -> dict[str, object]:
    """The finding, and what ``--fix`` would write for it (``edit``: where, in the file's lines
    and columns, the new text, and whether it needs ``--unsafe-fixes``), else ``edit: null``;
    ``alternatives``: other texts for the same place (a misspelling's next suggestions)."""
    item = d.to_dict()
    region = report.edit_region(d)
    edit = None
    if region is not None and d.edit is not None:
        line, column, end_line, end_column = region
        edit = {
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "content": d.edit.new,
            "safe": d.edit.safe,
        }
    item["edit"] = edit
    # other replacements for the same place, best first (a misspelling's next suggestions)
    item["alternatives"] = [e.new for e in d.alternatives]
    return _shaped(item)


def _shaped(item: dict[str, object]) -> dict[str, object]:
    shaped = {key: item.get(key) for key in KEYS}
    shaped.update(item)  # anything a later stage adds, after the fixed keys
    if shaped["alternatives"] is None:
        shaped["alternatives"] = []
    return shaped


def emit(report: Report, stream: TextIO) -> None:
    items = [_item(d, report) for d in report.diagnostics]
    items += [
        _shaped(
            {
                "file": e.path,
                "line": e.line,
                "column": e.column,
                "code": "input-error",
                "name": "input-error",
                "severity": "error",
                "message": e.message,
            }
        )
        for e in report.errors
    ]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
