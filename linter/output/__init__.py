"""One emitter per output format; each module has ``emit(report, stream)``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from linter.diagnostic import Diagnostic, Edit
    from linter.inputs import InputError
    from linter.rulebook import Rule
    from linter.source import LineIndex

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit")


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    errors: list[InputError] = field(default_factory=list)
    sources: dict[str, LineIndex] = field(default_factory=dict)  # file -> its text, for carets
    rules: dict[str, Rule] = field(default_factory=dict)
    files: int = 0
    templates: int = 0
    color: bool = False
    show_fix: bool = True
    fail_on: str = "error"  # the lowest severity that fails the run, for formats that say so
    unsafe_fixes: bool = False  # --unsafe-fixes without --fix: the summary counts guesses too

    @property
    def fixable(self) -> int:
        """Findings ``--fix`` would fix."""
        return sum(1 for d in self.diagnostics if d.edit is not None and d.edit.safe)

    @property
    def unsafe_fixable(self) -> int:
        """More that ``--fix --unsafe-fixes`` would."""
        return sum(1 for d in self.diagnostics if d.edit is not None and not d.edit.safe)

    def edit_region(
        self, d: Diagnostic, edit: Edit | None = None
    ) -> tuple[int, int, int, int] | None:
        """(line, column, end line, end column) of what ``--fix`` would replace for ``d``, or
        of ``edit``, one of its alternatives."""
        index = self.sources.get(d.file)
        edit = d.edit if edit is None else edit
        if edit is None or index is None:
            return None
        return (*index.position(edit.start), *index.position(edit.end))


def report_path(path: str) -> str | None:
    """How a CI report names a file: ``stdin`` for standard input, else ``path`` from the
    repository's root in forward slashes, as CI systems name repository files; None when it
    lies outside it (each format says what then)."""
    from pathlib import Path

    if path in ("-", "<text>", "<stdin>"):
        return "stdin"
    try:
        return Path(path).resolve().relative_to(_report_root()).as_posix()
    except ValueError:
        return None


def _report_root() -> Any:
    """The folder CI names files from: the checkout (GITHUB_WORKSPACE, CI_PROJECT_DIR) or the
    git work tree holding the working directory, else the working directory. A job that runs
    in a subfolder (``working-directory:``) still reports paths code scanning can find."""
    import os
    from pathlib import Path

    here = Path.cwd().resolve()
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        value = os.environ.get(variable)
        if value and here.is_relative_to(Path(value).resolve()):
            return Path(value).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def emit(fmt: str, report: Report, stream: TextIO) -> None:
    module = importlib.import_module(f"linter.output.{fmt}_format")
    module.emit(report, stream)
