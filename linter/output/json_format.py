"""A JSON list of diagnostics, one object each (scores added by later stages sit beside them)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from linter.diagnostic import JSON_KEYS, Diagnostic
from linter.output import Report

if TYPE_CHECKING:
    from linter.inputs import InputError

KEYS = JSON_KEYS  # every item has every key, in this order: Diagnostic.to_dict gives them


def _item(d: Diagnostic, report: Report) -> dict[str, object]:
    """The finding, and what ``--fix`` would write for it, placed in the file's lines and
    columns (``Diagnostic.to_dict``: one shape for the CLI and the API)."""
    index = report.sources.get(d.file)
    item = d.to_dict(index)
    if index is None:  # nowhere to place it: no edit, as ever
        item["edit"] = None
    return item


def _shaped(item: dict[str, object]) -> dict[str, object]:
    shaped = {key: item.get(key) for key in KEYS}
    shaped.update(item)  # anything a later stage adds, after the fixed keys
    if shaped["alternatives"] is None:
        shaped["alternatives"] = []
    return shaped


def error_item(e: InputError) -> dict[str, object]:
    """An input that could not be read, as an item with code "input-error"."""
    return _shaped(
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


def emit(report: Report, stream: TextIO) -> None:
    items = [_item(d, report) for d in report.diagnostics]
    items += [error_item(e) for e in report.errors]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
