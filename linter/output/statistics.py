"""``lint --statistics``: how often each rule fired, most frequent first, instead of findings.

Over a folder of hundreds of drafts the findings scroll past; a team deciding what to fix or
what to ``ignore`` first wants the counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from linter.diagnostic import Diagnostic, severity_rank
from linter.output import Report
from linter.output.safe import safe


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    severity: str
    count: int
    templates: int  # distinct templates it fired on
    fixable: int  # findings `--fix` would fix
    unsafe_fixable: int  # more that `--fix --unsafe-fixes` would


def rows(report: Report) -> list[Row]:
    by_code: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    out = [
        Row(
            code=code,
            name=found[0].name,
            # a severity a config raised for some templates only: the highest shown
            severity=max((d.severity for d in found), key=severity_rank),
            count=len(found),
            templates=len({(d.file, d.template) for d in found}),
            fixable=sum(1 for d in found if d.edit is not None and d.edit.safe),
            unsafe_fixable=sum(1 for d in found if d.edit is not None and not d.edit.safe),
        )
        for code, found in by_code.items()
    ]
    return sorted(out, key=lambda r: (-r.count, r.code))


def emit_text(report: Report, stream: TextIO) -> None:
    table = rows(report)
    if not table:
        stream.write("no findings\n")
        return
    width = max(len(str(r.count)) for r in table)
    names = {r.code: safe(r.name) for r in table}  # a project rule file's name is input
    name_width = max(map(len, names.values()))
    for r in table:
        mark = "[*]" if r.fixable else "   "
        on = f"{r.templates} template{'s' if r.templates != 1 else ''}"
        name = names[r.code]
        stream.write(
            f"{r.count:>{width}}  {r.code}  {mark} {name:<{name_width}}  {r.severity:<7}  {on}\n"
        )
    total = sum(r.count for r in table)
    fixable = sum(r.fixable for r in table)
    line = f"{total} finding{'s' if total != 1 else ''} of {len(table)} rule"
    line += "s" if len(table) != 1 else ""
    if fixable:
        line += f"; [*] {fixable} fixable with --fix"
    stream.write(line + "\n")


def emit_json(report: Report, stream: TextIO) -> None:
    data = [r.__dict__ for r in rows(report)]
    stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
