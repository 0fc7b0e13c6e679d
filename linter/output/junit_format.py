"""JUnit XML, the test report Jenkins, GitLab, Azure Pipelines and CircleCI all read.

One test suite per file, one test case per finding. A finding fails its test case when it is at
or above ``--fail-on``, so the report's failures agree with the exit status; a finding below
it passes, its message kept in ``system-out``. A file with no findings is one passing case, so
the report also counts what was checked and found clean.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

import regex

from linter.diagnostic import Diagnostic, severity_rank
from linter.output import Report, report_path

# Characters XML 1.0 cannot hold even escaped (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF): a template may contain them, the report must still parse.
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _escape(char: str) -> str:
    n = ord(char)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: _escape(m.group()), text)


def _path(path: str) -> str:
    return _clean(report_path(path) or path)


def _case(d: Diagnostic, path: str) -> ET.Element:
    where = f" ({d.template})" if d.template and d.template != "<text>" else ""
    return ET.Element(
        "testcase",
        {
            "name": _clean(f"{d.code} {d.name}{where} at {d.line}:{d.column}"),
            "classname": path,
            "file": path,
            "line": str(d.line),
        },
    )


def _detail(d: Diagnostic, path: str) -> str:
    text = f"{path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"
    return _clean(text + (f"\nfix: {d.fix}" if d.fix else ""))


def emit(report: Report, stream: TextIO) -> None:
    threshold = severity_rank(report.fail_on)
    order = list(report.sources)
    order += [d.file for d in report.diagnostics] + [e.path for e in report.errors]
    suites: dict[str, ET.Element] = {}
    for file in dict.fromkeys(order):
        path = _path(file)
        suites[file] = ET.Element("testsuite", {"name": path})
    for d in report.diagnostics:
        path = _path(d.file)
        case = _case(d, path)
        if severity_rank(d.severity) >= threshold:
            ET.SubElement(
                case, "failure", {"message": _clean(d.message), "type": d.code}
            ).text = _detail(d, path)
        else:
            ET.SubElement(case, "system-out").text = _detail(d, path)
        suites[d.file].append(case)
    for e in report.errors:
        path = _path(e.path)
        case = ET.Element("testcase", {"name": "read", "classname": path, "file": path})
        if e.line:
            case.set("line", str(e.line))
        ET.SubElement(
            case, "error", {"message": _clean(e.message), "type": "input-error"}
        ).text = _clean(str(e))
        suites[e.path].append(case)
    root = ET.Element("testsuites", {"name": "templint"})
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in suites.values():
        if len(suite) == 0:
            path = suite.get("name", "")
            ET.SubElement(
                suite, "testcase", {"name": "no findings", "classname": path, "file": path}
            )
        counts = {
            "tests": len(suite),
            "failures": sum(1 for case in suite if case.find("failure") is not None),
            "errors": sum(1 for case in suite if case.find("error") is not None),
        }
        for key, n in counts.items():
            suite.set(key, str(n))
            totals[key] += n
        root.append(suite)
    for key, n in totals.items():
        root.set(key, str(n))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
