"""Terminal-safe text: what every human-readable output runs names, file names, messages and
template text through before printing them.

A template, its name, a file name or a ``sync`` file's rejection reason is input, and a
terminal obeys what it holds: ``ESC ] 52`` writes the clipboard, ``ESC ] 8`` hides a link
behind other text, ``CSI`` clears the screen or moves the cursor, a carriage return or newline
overwrites or forges a finding line (``ok.txt:1:1: TPL000 [info] all good``), and the
bidirectional overrides and isolates reorder what is shown ("Trojan Source"). Each such
character is shown escaped instead — ``\\x1b``, ``\\r``, ``\\u202e`` — as Python's ``repr``
spells it. Tabs are kept. Machine formats (JSON, SARIF, JUnit, GitHub, GitLab) escape per
their own syntax and do not use this.

On the hot path it costs one search of a precompiled character class that finds nothing in
ordinary text.
"""

from __future__ import annotations

import re

# C0 but tab, DEL, C1; LINE and PARAGRAPH SEPARATOR; the bidi embeddings and overrides
# (U+202A-202E) and isolates (U+2066-2069).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with each control, line-separator and bidi-override character escaped."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def safe_lines(text: str) -> str:
    """``text`` of several lines (a rule's documentation) with each line made ``safe``: its
    newlines kept, every other unsafe character, a carriage return included, escaped."""
    if _UNSAFE.search(text) is None:
        return text
    return "\n".join(safe(line) for line in text.split("\n"))
