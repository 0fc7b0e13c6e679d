"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.diagnostic import Diagnostic, Edit
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
        fixes = _fixes(d, report)
        if fixes:
            result["fixes"] = fixes
        placed = [e for e in (d.edit, *d.alternatives) if e is not None]
        if len(fixes) < len(placed):
            # the file's text was not kept, so no span to give: the texts, in the bag
            result["properties"]["suggestions"] = [e.new for e in placed]
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


def _fixes(d: Diagnostic, report: Report) -> list[dict[str, Any]]:
    """SARIF's fix objects (3.55), a viewer's "proposed fixes for the problem": first what
    ``lint --fix`` would write (or ``--unsafe-fixes``, a best guess), then each alternative,
    a suggestion no fix writes (a misspelling's other suggestions, or all of them when none is
    clearly the word meant). Each replaces its span, so a viewer can apply the one picked."""
    out = []
    for edit in (d.edit, *d.alternatives):
        region = None if edit is None else report.edit_region(d, edit)
        if edit is None or region is None:
            continue
        if edit is not d.edit:
            how = "suggestion (not written by templint lint --fix)"
        elif edit.safe:
            how = "safe fix (templint lint --fix)"
        else:
            how = "best guess (templint lint --fix --unsafe-fixes)"
        out.append(_fix(d, edit, region, how))
    return out


def _fix(d: Diagnostic, edit: Edit, region: tuple[int, int, int, int], how: str) -> dict[str, Any]:
    """One fix object: ``edit`` as a replacement of ``region`` in ``d``'s file."""
    line, column, end_line, end_column = region
    return {
        "description": {"text": f"Replace with '{edit.new}': {how}"},
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
                        "insertedContent": {"text": edit.new},
                    }
                ],
            }
        ],
    }
