"""``templint lint --fix``: write the edits findings carry back into their files.

An edit replaces characters the linter read (offsets into the file's decoded text) with new
text. Before writing, each edit's old text is compared with the file as it is now, so a file
changed since it was read is left alone rather than corrupted; overlapping edits keep the
first. Files are replaced atomically (a temporary file beside them, then a rename), with their
byte-order mark and permissions kept. Nothing is written through a symlink (``--fix``,
``--diff`` and ``--add-ignore`` refuse one: a committed link could point anywhere), and a
read-only file is not rewritten.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import dataclasses
import errno
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.diagnostic import Diagnostic, Edit, severity_rank

if TYPE_CHECKING:
    from linter.template import Template

# A fix can leave another to make (an emoji inside *bold* is its own edit once the markup is
# gone; overlapping edits wait for the next round), so fixing repeats until nothing changes, as
# ruff's does; bounded, in case two fixes undo each other.
MAX_ROUNDS = 10

# What a text holds: its findings and templates (``lint`` in ``fix_text``).
Linted = tuple[list[Diagnostic], list["Template"]]


@dataclass
class FixResult:
    fixed: int = 0  # edits written
    files: list[str] = field(default_factory=list)  # files changed
    skipped: list[str] = field(default_factory=list)  # "FILE: why", one per file not written
    # "FILE:LINE:COL: CODE fix … not applied: why", one per fix the re-lint refused
    refused: list[str] = field(default_factory=list)
    refused_fixes: set[tuple[str, str, str, str, str]] = field(default_factory=set)
    # path -> (text as read, text as fixed), each with the file's byte-order mark if it has
    # one: what was (or, for --diff, would be) written
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)


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
        if is_link(path):
            result.skipped.append(LINK_REFUSED.format(path=path))
            continue
        if not writable(path):
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
    """``text`` (what the diagnostics were found in) with their fixes applied, and how many:
    one pass, unchecked (``fix_text`` re-lints and repeats)."""
    return _fixed("-", text, [d.edit for d in fixable(diagnostics, unsafe) if d.edit])


@dataclass
class TextFix:
    """What ``fix_text`` made of one file's text."""

    text: str
    applied: int  # fixes written into it
    found: list[Diagnostic]  # what the fixed text still holds
    templates: list[Template]
    refused: list[str] = field(default_factory=list)  # one line per fix not applied, and why
    # (file, component, code, old, new) of each refused fix, for ``without_refused``
    refused_fixes: set[tuple[str, str, str, str, str]] = field(default_factory=set)


def fix_text(
    text: str,
    lint: Callable[[str], Linted],
    *,
    unsafe: bool = False,
    fail_on: str = "error",
    first: Linted | None = None,
) -> TextFix:
    """Apply the fixes ``lint(text)`` offers, re-lint, and repeat until nothing is left to fix
    (at most ``MAX_ROUNDS`` rounds). A fix after which the template has a finding at or above
    ``fail_on`` that it did not have before (a longer word past a length limit, a variable
    whose sample is missing) is not applied, as ruff refuses a fix that breaks the syntax; it
    is named in ``refused``. ``first``: ``lint(text)``, when already known. ValueError when
    the text no longer holds what a first-round edit replaces (the file changed)."""
    found, templates = first if first is not None else lint(text)
    done = TextFix(text, 0, found, templates)
    # each fix not applied: where, why, and what ``without_refused`` matches; one that a later
    # round applies after all (another fix made room for it) is dropped
    refused: dict[
        tuple[str, str, str, str], tuple[int, int, str, list[tuple[str, str, str, str, str]]]
    ] = {}
    tried: set[tuple[str, str, str, str]] = set()  # refused since the text last changed
    threshold = severity_rank(fail_on)

    def accepted(ds: list[Diagnostic], where: Callable[[Diagnostic], int]) -> None:
        done.applied += len(ds)
        for d in ds:
            refused.pop(_fix_key(d, where), None)

    for _ in range(MAX_ROUNDS):
        where = _template_of(templates)
        wanted = [d for d in fixable(found, unsafe) if _fix_key(d, where) not in tried]
        chosen = _choose(wanted)
        if not chosen:
            break
        new, _ = _fixed("-", text, [edit for edit, _ in chosen])
        after = _relint(lint, new)
        if after is not None and not _brought(found, templates, *after, threshold):
            text, (found, templates) = new, after
            for _, ds in chosen:
                accepted(ds, where)
            tried.clear()
            continue
        # Something in this round made things worse: try its fixes one by one, in order (a
        # variable's number may only fit once the one before it is fixed), keeping each that
        # brings nothing new; an accepted edit moves the later ones by its change in length.
        shift, progressed = 0, False
        for edit, ds in chosen:
            moved = dataclasses.replace(edit, start=edit.start + shift, end=edit.end + shift)
            new, _ = _fixed("-", text, [moved])
            after = _relint(lint, new)
            worse = None if after is None else _brought(found, templates, *after, threshold)
            if after is not None and not worse:
                text, (found, templates) = new, after
                shift += len(edit.new) - (edit.end - edit.start)
                accepted(ds, where)
                progressed = True
                continue
            why = _why_refused(ds[0], worse)
            matches = [(d.file, d.component, d.code, edit.old, edit.new) for d in ds]
            for d in ds:
                tried.add(_fix_key(d, where))
                refused[_fix_key(d, where)] = (ds[0].line, ds[0].column, why, matches)
        if progressed:
            tried.clear()  # what was refused may fit now: the next round tries it again
    done.text, done.found, done.templates = text, found, templates
    done.refused = list(dict.fromkeys(why for *_, why, _ in sorted(refused.values())))
    done.refused_fixes = {m for *_, matches in refused.values() for m in matches}
    return done


def _choose(diagnostics: list[Diagnostic]) -> list[tuple[Edit, list[Diagnostic]]]:
    """The edits ``_fixed`` would apply together, each with the findings it fixes (one edit
    can fix several: a variable renumbered with the others): in order, none overlapping an
    edit taken before it."""
    chosen: list[tuple[Edit, list[Diagnostic]]] = []
    taken: dict[Edit, list[Diagnostic]] = {}
    end = -1
    for d in sorted(diagnostics, key=lambda d: (d.edit.start, d.edit.end)):  # type: ignore[union-attr]
        edit = d.edit
        assert edit is not None
        if edit in taken:
            taken[edit].append(d)
            continue
        if edit.start < end:
            continue
        taken[edit] = [d]
        chosen.append((edit, taken[edit]))
        end = max(end, edit.end)
    return chosen


def _relint(lint: Callable[[str], Linted], text: str) -> Linted | None:
    """``lint(text)``, or None when the fixed text can no longer be read (a broken file)."""
    from linter.inputs import InputError

    try:
        return lint(text)
    except InputError:
        return None


def _template_of(templates: list[Template]) -> Callable[[Diagnostic], int]:
    """Which of a file's templates (by position) a finding is in."""
    if len(templates) <= 1:
        return lambda d: 0
    index = templates[0].index
    anchors = [t.anchor for t in templates]

    def which(d: Diagnostic) -> int:
        try:
            offset = index.offset(d.line, d.column)
        except IndexError:
            return 0
        return max(bisect.bisect_right(anchors, offset) - 1, 0)

    return which


def _fix_key(d: Diagnostic, where: Callable[[Diagnostic], int]) -> tuple[str, str, str, str]:
    """A fix, by what it does rather than where (offsets move as other fixes are made)."""
    assert d.edit is not None
    return (f"{where(d)}:{d.component}", d.code, d.edit.old, d.edit.new)


def _brought(
    before: list[Diagnostic],
    before_templates: list[Template],
    after: list[Diagnostic],
    after_templates: list[Template],
    threshold: int,
) -> list[Diagnostic]:
    """The findings at or above ``threshold`` that ``after`` has more of than ``before``
    (counted by template, rule and component: a fix may move a finding, not add one)."""

    def counts(found: list[Diagnostic], templates: list[Template]) -> Counter[tuple]:
        where = _template_of(templates)
        return Counter(
            (where(d), d.code, d.component) for d in found if severity_rank(d.severity) >= threshold
        )

    had = counts(before, before_templates)
    has = counts(after, after_templates)
    if not has - had:
        return []
    where = _template_of(after_templates)
    grown = has - had
    return [d for d in after if (where(d), d.code, d.component) in grown]


def _why_refused(d: Diagnostic, brought: list[Diagnostic] | None) -> str:
    assert d.edit is not None
    what = f"{d.file}:{d.line}:{d.column}: {d.code} fix ({_short(d.edit.old)} -> "
    what += f"{_short(d.edit.new)}) not applied: "
    if brought is None:
        return what + "the file could not be read after it"
    new = brought[0]
    return what + f"it would bring {new.code} ({new.message})"


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


LINK_REFUSED = (
    "{path}: a symlink; not rewritten (--fix, --diff and --add-ignore never write through a "
    "link: fix the file it points to by its own name)"
)


def is_link(path: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _read(path: str) -> tuple[str, bool]:
    # O_NOFOLLOW: a file swapped for a link after the check is not read through it either
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        data = fh.read()
    return data.decode("utf-8-sig"), data.startswith(codecs.BOM_UTF8)


def text_diff(name: str, old: str, new: str) -> str:
    """A unified diff of one file's text that ``git apply`` and ``patch -p1`` take: git's
    ``a/`` and ``b/`` before the name (``diff_name``), lines split at "\\n" only (a lone CR or
    U+2028 is a character of its line, as those tools read the file), and diff's marker where
    a side's last line has no newline. A byte-order mark belongs in ``old`` and ``new``: it is
    part of the file's first line."""
    import difflib

    where = diff_name(name)
    lines = difflib.unified_diff(
        _lines(old), _lines(new), fromfile=f"a/{where}", tofile=f"b/{where}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def diff_name(path: str) -> str:
    """How a diff names a file: from the current folder when it is inside it, else the path
    without its leading /, as ``git diff --no-index`` writes it (``patch -p1`` from / then
    finds it)."""
    if not os.path.isabs(path):
        return os.path.normpath(path).replace(os.sep, "/")
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        relative = os.pardir
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        return relative.replace(os.sep, "/")
    return os.path.splitdrive(path)[1].replace(os.sep, "/").lstrip("/")


def _fix_file(path: str, edits: list[Edit], result: FixResult) -> None:
    text, bom = _read(path)
    try:
        new, count = _fixed(path, text, edits)
    except ValueError as exc:
        result.skipped.append(str(exc))
        return
    if not count:
        return
    write_text(path, new, bom)
    result.fixed += count
    result.files.append(path)


def write_text(path: str, text: str, bom: bool) -> None:
    """Replace the file with ``text``, atomically, keeping its byte-order mark and
    permissions. A symlink is refused (OSError), never written through: the rename replaces
    the name ``path`` itself, not what it points to."""
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        raise OSError(errno.ELOOP, "a symlink; templint never writes through a link", path)
    out = ("\ufeff" if bom else "") + text
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=".templint-fix-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_text(path: str) -> tuple[str, bool]:
    """A file's text and whether it starts with a byte-order mark; a symlink is not followed
    (OSError)."""
    return _read(path)


def writable(path: str) -> bool:
    """Whether --fix may rewrite the file: no write bit at all is a "do not touch", even for
    a user (root) who could."""
    return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & 0o222)


def without_refused(
    diagnostics: list[Diagnostic], refused: set[tuple[str, str, str, str, str]]
) -> list[Diagnostic]:
    """The findings, with no edit where ``--fix`` refused it: the report's "fixable" count is
    then what another ``--fix`` would do."""
    if not refused:
        return diagnostics
    import dataclasses

    return [
        dataclasses.replace(d, edit=None)
        if d.edit is not None and (d.file, d.component, d.code, d.edit.old, d.edit.new) in refused
        else d
        for d in diagnostics
    ]
