"""``templint lint --fix``: write the edits findings carry back into their files.

An edit replaces characters the linter read (offsets into the file's decoded text) with new
text. Before writing, each edit's old text is compared with the file as it is now, so a file
changed since it was read is left alone rather than corrupted; overlapping edits keep the
first. Files are replaced atomically (a temporary file beside them, then a rename), with their
byte-order mark and permissions kept; a symlink's target is rewritten, a read-only file is not.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from linter.diagnostic import Diagnostic, Edit


@dataclass
class FixResult:
    fixed: int = 0  # edits written
    files: list[str] = field(default_factory=list)  # files changed
    skipped: list[str] = field(default_factory=list)  # "FILE: why", one per file not written


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if d.edit is not None and (d.edit.safe or unsafe)]


def _edits_by_file(
    diagnostics: Iterable[Diagnostic], unsafe: bool
) -> Iterator[tuple[str, list[Edit] | None]]:
    """(file, its edits) in file order; None for edits of what is no file (stdin)."""
    by_file: dict[str, list[Edit]] = {}
    for d in fixable(diagnostics, unsafe):
        assert d.edit is not None
        by_file.setdefault(d.file, []).append(d.edit)
    for path, edits in sorted(by_file.items()):
        yield path, edits if path != "-" and os.path.isfile(path) else None


def apply_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> FixResult:
    return write_edits(_edits_by_file(diagnostics, unsafe))


def write_edits(edits_by_file: Iterable[tuple[str, list[Edit] | None]]) -> FixResult:
    """Write each file's edits (None: a path that is no file); ``fixed`` counts edits."""
    result = FixResult()
    for path, edits in edits_by_file:
        if edits is None:
            result.skipped.append(f"{path}: not a file that can be rewritten")
            continue
        # no write bit at all is a "do not touch", even for a user (root) who could
        if not os.access(path, os.W_OK) or not os.stat(path).st_mode & 0o222:
            result.skipped.append(f"{path}: read-only; not rewritten")
            continue
        try:
            _fix_file(path, edits, result)
        except (OSError, UnicodeDecodeError) as exc:
            result.skipped.append(f"{path}: not rewritten ({exc})")
    return result


def _fixed(path: str, text: str, edits: list[Edit]) -> tuple[str, int]:
    """``text`` with ``edits`` applied (overlapping ones after the first left out), and how
    many; ValueError when the text no longer holds what an edit replaces."""
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if chosen and edit.start < chosen[-1].end:
            continue  # overlaps an edit already taken
        if text[edit.start : edit.end] != edit.old:
            raise ValueError(f"{path}: changed since it was read; not rewritten")
        chosen.append(edit)
    pieces, last = [], 0
    for edit in chosen:
        pieces += [text[last : edit.start], edit.new]
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces), len(chosen)


def fixed_text(
    text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False
) -> tuple[str, int]:
    """``text`` (what the diagnostics were found in) with their fixes applied, and how many."""
    return _fixed("-", text, [d.edit for d in fixable(diagnostics, unsafe) if d.edit])


def _read(path: str) -> tuple[str, bool]:
    with open(path, "rb") as fh:
        data = fh.read()
    return data.decode("utf-8-sig"), data.startswith(codecs.BOM_UTF8)


def diff_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str:
    """What ``apply_fixes`` would write, as a unified diff per file; nothing is written."""
    out: list[str] = []
    for path, edits in _edits_by_file(diagnostics, unsafe):
        if edits is None:
            continue
        try:
            text, _ = _read(path)
            new, _ = _fixed(path, text, edits)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        out.append(text_diff(path, text, new))
    return "".join(out)


def text_diff(name: str, old: str, new: str) -> str:
    """A unified diff of one file's text, with diff's marker where a side's last line has no
    newline (without it `git apply` and `patch` refuse the hunk)."""
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=name, tofile=name
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _fix_file(path: str, edits: list[Edit], result: FixResult) -> None:
    real = os.path.realpath(path)  # a symlink stays a symlink: its target is rewritten
    text, bom = _read(real)
    try:
        new, count = _fixed(path, text, edits)
    except ValueError as exc:
        result.skipped.append(str(exc))
        return
    if not count:
        return
    out = ("\ufeff" if bom else "") + new
    folder = os.path.dirname(real)
    fd, tmp = tempfile.mkstemp(prefix=".templint-fix-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        os.chmod(tmp, os.stat(real).st_mode & 0o7777)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    result.fixed += count
    result.files.append(path)
