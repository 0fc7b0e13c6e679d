"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.diagnostic import Diagnostic
from linter.output import Report, report_path

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """``artifactLocation.uri`` is a URI reference (SARIF 3.10): a relative path is
    percent-encoded, or "a#b?c.txt" would read as file "a" with a query and a fragment, and
    "%20" in a name as a space. An absolute path is a file: URI, encoded by ``as_uri``."""
    relative = report_path(path)
    if relative is None:
        return Path(path).resolve().as_uri()
    # a name that is not UTF-8 holds surrogate escapes: its bytes, as the file system has them
    try:
        raw = relative.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate from --stdin-filename, say
        raw = relative.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def _first_sentence(text: str) -> str:
    """The summary's first sentence on one line (its first line ended mid-sentence)."""
    flat = " ".join(text.split("\n\n", 1)[0].split())
    m = re.match(r".*?[.!?](?=\s|$)", flat)
    return m.group() if m else flat


def emit(report: Report, stream: TextIO) -> None:
    used = sorted({d.code for d in report.diagnostics})
    rules: list[dict[str, Any]] = []
    for code in used:
        rule = report.rules.get(code)
        if rule is None:
            rules.append({"id": code})
            continue
        rules.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": _first_sentence(rule.summary)},
                "fullDescription": {"text": " ".join(rule.why.split())},
                "help": {"text": rule.doc(), "markdown": rule.doc()},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            }
        )
    index = {code: i for i, code in enumerate(used)}
    results = []
    for d in report.diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity],
            "message": {"text": d.message + (f" Fix: {d.fix}" if d.fix else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.file)},
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": max(d.end_column, d.column + 1)
                            if d.end_line == d.line
                            else d.end_column,
                        },
                    }
                }
            ],
        }
        properties = {"template": d.template, "component": d.component}
        properties |= {"category": d.category, "language": d.language}
        result["properties"] = {k: v for k, v in properties.items() if v is not None}
        fix = _fix(d, report)
        if fix is not None:
            result["fixes"] = [fix]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
        }
        for e in report.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "templint",
                "version": __version__,
                "rules": rules,
            }
        },
        "results": results,
        # the columns count characters (code points), as the text output does: say so, since
        # a viewer assuming UTF-16 units would be off by one after each emoji
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, stream, indent=2)
    stream.write("\n")


def _fix(d: Diagnostic, report: Report) -> dict[str, Any] | None:
    """SARIF's fix object (3.55) for what ``lint --fix`` would write, so a viewer can apply it."""
    region = report.edit_region(d)
    if region is None or d.edit is None:
        return None
    line, column, end_line, end_column = region
    how = (
        "safe fix (templint lint --fix)"
        if d.edit.safe
        else ("best guess (templint lint --fix --unsafe-fixes)")
    )
    return {
        "description": {"text": f"Replace with '{d.edit.new}': {how}"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": _uri(d.file)},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        },
                        "insertedContent": {"text": d.edit.new},
                    }
                ],
            }
        ],
    }
