"""Positions: map an offset inside a component's text back to line:column in the file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


class LineIndex:
    """Line starts of a whole file's text, for offset -> (line, column) look-ups."""

    def __init__(self, text: str) -> None:
        starts = [0]
        if "\r" in text:
            # A lone CR ends a line too, as in editors and the LSP specification; "\r\n" once.
            import re

            starts += [m.end() for m in re.finditer(r"\r\n?|\n", text)]
        else:
            pos = text.find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = text.find("\n", pos + 1)
        self._starts = starts
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The inverse of ``position``."""
        return self._starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise-linear map from offsets in decoded text to offsets in the file.

    ``segments`` holds (decoded_start, file_start) pairs, sorted: inside a segment one decoded
    character is one file character; a JSON escape such as ``\\u00e9`` starts a new segment.
    """

    segments: tuple[tuple[int, int], ...]
    length: int  # length of the decoded text
    file_end: int  # file offset just past the text (the closing quote, for JSON)

    @classmethod
    def identity(cls, file_start: int, length: int) -> OffsetMap:
        return cls(((0, file_start),), length, file_start + length)

    def to_file(self, offset: int) -> int:
        if offset >= self.length:
            return self.file_end
        i = bisect.bisect_right(self.segments, (offset, float("inf"))) - 1
        decoded_start, file_start = self.segments[max(i, 0)]
        return file_start + (offset - decoded_start)
