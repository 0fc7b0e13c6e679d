"""One line a finding, ``path:line:col: CODE [severity] message``, and the summary: the text
format without source lines, carets or hints, for grep and an editor's error format."""

from __future__ import annotations

import dataclasses
from typing import TextIO

from linter.output import Report, text_format


def emit(report: Report, stream: TextIO) -> None:
    text_format.emit(dataclasses.replace(report, sources={}, show_fix=False), stream)
