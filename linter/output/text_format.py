"""``path:line:col: CODE [severity] message``, the source line, a caret underline, a fix hint."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from linter.output import Report
from linter.output.safe import safe

_COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "fix": "32"}


def _paint(text: str, what: str, on: bool) -> str:
    return f"\x1b[{_COLORS[what]}m{text}\x1b[0m" if on else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


MAX_SHOWN = 160  # characters of a source line shown; a minified JSON file is one long line


def _window(src: str, column: int, width: int) -> tuple[str, int, int]:
    """The part of a long line around the span, with "…" where it was cut."""
    if len(src) <= MAX_SHOWN:
        return src, column, width
    width = min(width, MAX_SHOWN - 40)
    start = max(0, column - 1 - 40)
    end = min(len(src), start + MAX_SHOWN)
    start = max(0, min(start, end - MAX_SHOWN))
    head = "…" if start > 0 else ""
    tail = "…" if end < len(src) else ""
    return head + src[start:end] + tail, column - start + len(head), width


def _category_notes(report: Report) -> list[str]:
    """Once per template whose findings assumed a category it does not declare: which one it
    was checked as, and how to declare another (the rules' advice "declare it as MARKETING"
    does not say how)."""
    notes: dict[tuple[str, str | None], str] = {}
    for d in report.diagnostics:
        key = (d.file, d.template)
        if not d.extra.get("category_assumed") or key in notes:
            continue
        where = safe(d.file) + (
            f" ({safe(d.template)})" if d.template not in (None, "<text>") else ""
        )
        how = (
            '"category": "MARKETING" (or UTILITY, AUTHENTICATION)'
            if d.file.endswith((".json", ".jsonl"))
            else "a line `# templint: category MARKETING` (or UTILITY, AUTHENTICATION)"
        )
        notes[key] = (
            f"note: {where} declares no category, so it was checked as {d.category}; "
            f"to declare one, add {how}"
        )
    return list(notes.values())


def emit(report: Report, stream: TextIO) -> None:
    c = report.color
    for d in report.diagnostics:
        # file names, template names and messages quoting the text are input: escaped
        where = _paint(f"{safe(d.file)}:{d.line}:{d.column}:", "bold", c)
        sev = _paint(f"[{d.severity}]", d.severity, c)
        name = f" ({safe(d.template)})" if d.template and d.template != "<text>" else ""
        stream.write(f"{where} {d.code} {sev} {safe(d.message)}{name}\n")
        index = report.sources.get(d.file)
        if index is not None:
            src = index.line_text(d.line).rstrip("\r")
            width = (d.end_column - d.column) if d.end_line == d.line else len(src) - d.column + 1
            width = max(1, min(width, max(1, len(src) - d.column + 1)))
            src, column, width = _window(src, d.column, width)
            # escaped, the caret still under the span: "\x1b" is four columns, not one
            before = safe(src[: column - 1])
            width = len(safe(src[column - 1 : column - 1 + width]))
            stream.write(f"    {safe(src)}\n")
            pad = "".join("\t" if ch == "\t" else " " for ch in before)
            stream.write("    " + pad + _paint("^" * width, d.severity, c) + "\n")
        if d.fix and report.show_fix:
            stream.write("    " + _paint(f"fix: {safe(d.fix)}", "fix", c) + "\n")
    # advice, as the "fix:" lines are: not in concise output, nor with the hints turned off
    for line in _category_notes(report) if report.show_fix else ():
        stream.write(_paint(line, "dim", c) + "\n")
    # Input errors are not repeated here: the CLI prints each on stderr, one line, as it reads.
    counts = Counter(d.severity for d in report.diagnostics)
    parts = [_plural(counts[s], s) for s in ("error", "warning", "info")]
    summary = (
        f"{report.templates} template{'s' if report.templates != 1 else ''} in "
        f"{report.files} file{'s' if report.files != 1 else ''}: " + ", ".join(parts)
    )
    if report.errors:
        summary += f"; {_plural(len(report.errors), 'unreadable input')}"
    if not report.diagnostics and not report.errors:
        summary += " — all clean"
    stream.write(_paint(summary, "bold", c) + "\n")
    if report.fixable or report.unsafe_fixable:
        if not report.fixable or report.unsafe_fixes:
            # --unsafe-fixes without --fix: best guesses count as fixable too, as in ruff
            count = report.fixable + report.unsafe_fixable
            line = f"[*] {count} fixable with --fix --unsafe-fixes"
        else:
            line = f"[*] {report.fixable} fixable with --fix"
            if report.unsafe_fixable:
                line += f" ({report.unsafe_fixable} more with --fix --unsafe-fixes)"
        stream.write(_paint(line, "fix", c) + "\n")
