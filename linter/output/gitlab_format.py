"""GitLab Code Quality: the Code Climate issue list a merge request's widget reads.

GitLab compares a branch's report with the target branch's by ``fingerprint``, so a
fingerprint leaves out line numbers: a line added above a finding must not make it "new".
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from linter.output import Report, report_path

# GitLab's scale is info, minor, major, critical, blocker. An unreadable file is worse than
# any finding: nothing in it was checked.
_SEVERITY = {"info": "info", "warning": "minor", "error": "major"}
_UNREADABLE = "critical"


def _path(path: str) -> str:
    return report_path(path) or path


def _fingerprint(seen: Counter[tuple[str, ...]], *key: str) -> str:
    # The nth identical finding in a file gets its own fingerprint: GitLab shows only the
    # first issue of a fingerprint.
    seen[key] += 1
    raw = "\0".join((*key, str(seen[key])))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def emit(report: Report, stream: TextIO) -> None:
    seen: Counter[tuple[str, ...]] = Counter()
    issues: list[dict[str, Any]] = []
    for d in report.diagnostics:
        path = _path(d.file)
        lines = {"begin": d.line} | ({"end": d.end_line} if d.end_line > d.line else {})
        where = f" ({d.template})" if d.template and d.template != "<text>" else ""
        issues.append(
            {
                "type": "issue",
                "check_name": f"{d.code} {d.name}",
                "description": f"{d.code} {d.message}{where}" + (f" Fix: {d.fix}" if d.fix else ""),
                "severity": _SEVERITY[d.severity],
                "fingerprint": _fingerprint(
                    seen, path, d.template or "", d.component, d.code, d.message
                ),
                "location": {"path": path, "lines": lines},
            }
        )
    for e in report.errors:
        path = _path(e.path)
        issues.append(
            {
                "type": "issue",
                "check_name": "unreadable-input",
                "description": e.message,
                "severity": _UNREADABLE,
                "fingerprint": _fingerprint(seen, path, "unreadable-input", e.message),
                "location": {"path": path, "lines": {"begin": e.line or 1}},
            }
        )
    json.dump(issues, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
