"""One emitter per output format; each module has ``emit(report, stream)``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.diagnostic import Diagnostic
    from linter.inputs import InputError
    from linter.rulebook import Rule
    from linter.source import LineIndex

FORMATS = ("text", "json", "sarif", "github")


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
    fixable: int = 0  # findings ``--fix`` would fix
    unsafe_fixable: int = 0  # more that ``--fix --unsafe-fixes`` would


def emit(fmt: str, report: Report, stream: TextIO) -> None:
    module = importlib.import_module(f"linter.output.{fmt}_format")
    module.emit(report, stream)
