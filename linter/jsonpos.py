"""A JSON reader that remembers where every string came from.

The standard library's decoder throws positions away; diagnostics must point at the offending
characters inside a JSON string (after escapes), so strings come back as ``PosStr`` carrying an
``OffsetMap`` and objects as ``PosDict`` carrying their start offset.
"""

from __future__ import annotations

import json
import re
from typing import Any

from linter.source import OffsetMap

MAX_DEPTH = 200

_WS = re.compile(r"[ \t\n\r]*")
_PLAIN = re.compile(r'[^"\\\x00-\x1f]+')
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class JSONPosError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class PosStr(str):
    omap: OffsetMap
    start: int


class PosDict(dict):
    start: int


class PosList(list):
    start: int


# Strings (whose brackets are text), then anything but a bracket: what is left says the nesting.
_STRING_BYTES = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def loads_plain(data: str | bytes) -> Any:
    """``json.loads`` (fast, no positions) held to the rules of ``loads``, for every JSON input
    that is not a template being linted (batch rows, queue updates, evaluation data, LSP
    messages): nesting deeper than MAX_DEPTH is a JSONPosError, never a RecursionError (at
    ~1,000 levels, a traceback) nor a value too deep for the code that walks it; a lone
    surrogate escape (``\\udc00``) becomes U+FFFD, as text that cannot be written as UTF-8
    must not reach an output. Bytes must be UTF-8 (else UnicodeDecodeError, a ValueError)."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH:
        _check_depth(raw)
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    value = json.loads(data)
    if _SURROGATE_ESCAPE.search(raw) or _SURROGATE.search(data):
        value = _replace_surrogates(value)
    return value


def _check_depth(raw: bytes) -> None:
    depth = 0
    for n, byte in enumerate(_STRING_BYTES.sub(b"", raw).translate(None, _NOT_BRACKETS)):
        depth += 1 if byte in b"[{" else -1
        if depth > MAX_DEPTH:
            raise JSONPosError(f"JSON nested deeper than {MAX_DEPTH} levels", n)


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _replace_surrogates(value: Any) -> Any:
    """``value`` with each lone surrogate in its strings and keys replaced by U+FFFD (json pairs
    the escapes of a character outside the BMP, so any surrogate left is alone)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    return value


def loads(text: str, base: int = 0) -> Any:
    """Parse ``text``; every recorded position is shifted by ``base`` (a JSONL line's offset)."""
    parser = _Parser(text, base)
    try:
        pos = _WS.match(text).end()
        value, pos = parser.value(pos, 0)
        pos = _WS.match(text, pos).end()
        if pos < len(text):
            raise JSONPosError("extra data after the JSON value", pos)
    except JSONPosError as exc:
        exc.offset += base
        raise
    return value


class _Parser:
    def __init__(self, text: str, base: int = 0) -> None:
        self.text = text
        self.base = base

    def value(self, pos: int, depth: int) -> tuple[Any, int]:
        text = self.text
        if pos >= len(text):
            raise JSONPosError("unexpected end of JSON", pos)
        ch = text[pos]
        if ch == '"':
            return self.string(pos)
        if ch in "{[":
            if depth >= MAX_DEPTH:
                raise JSONPosError(f"JSON nested deeper than {MAX_DEPTH} levels", pos)
            return self.obj(pos, depth) if ch == "{" else self.array(pos, depth)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                return val, pos + len(word)
        m = _NUMBER.match(text, pos)
        if m:
            num = m.group()
            return (float(num) if any(c in num for c in ".eE") else int(num)), m.end()
        raise JSONPosError(f"unexpected character {ch!r}", pos)

    def obj(self, pos: int, depth: int) -> tuple[PosDict, int]:
        text = self.text
        result = PosDict()
        result.start = pos + self.base
        pos = _WS.match(text, pos + 1).end()
        if text.startswith("}", pos):
            return result, pos + 1
        while True:
            if not text.startswith('"', pos):
                raise JSONPosError("expected a property name in double quotes", pos)
            key, pos = self.string(pos)
            pos = _WS.match(text, pos).end()
            if not text.startswith(":", pos):
                raise JSONPosError("expected ':' after a property name", pos)
            pos = _WS.match(text, pos + 1).end()
            result[str(key)], pos = self.value(pos, depth + 1)
            pos = _WS.match(text, pos).end()
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()
                continue
            if text.startswith("}", pos):
                return result, pos + 1
            raise JSONPosError("expected ',' or '}' in an object", pos)

    def array(self, pos: int, depth: int) -> tuple[PosList, int]:
        text = self.text
        result = PosList()
        result.start = pos + self.base
        pos = _WS.match(text, pos + 1).end()
        if text.startswith("]", pos):
            return result, pos + 1
        while True:
            item, pos = self.value(pos, depth + 1)
            result.append(item)
            pos = _WS.match(text, pos).end()
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()
                continue
            if text.startswith("]", pos):
                return result, pos + 1
            raise JSONPosError("expected ',' or ']' in an array", pos)

    def string(self, pos: int) -> tuple[PosStr, int]:
        text = self.text
        start = pos
        pos += 1
        parts: list[str] = []
        segments: list[tuple[int, int]] = []
        length = 0
        while True:
            m = _PLAIN.match(text, pos)
            if m:
                segments.append((length, pos))
                parts.append(m.group())
                length += m.end() - pos
                pos = m.end()
            if pos >= len(text):
                raise JSONPosError("unterminated string", start)
            ch = text[pos]
            if ch == '"':
                break
            if ch != "\\":
                raise JSONPosError("control character inside a string", pos)
            esc = text[pos + 1 : pos + 2]
            if esc in _ESCAPES:
                decoded, width = _ESCAPES[esc], 2
            elif esc == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[pos + 2 : pos + 6]):
                code = int(text[pos + 2 : pos + 6], 16)
                width = 6
                low = text[pos + 6 : pos + 12]
                if 0xD800 <= code < 0xDC00 and re.fullmatch(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}", low):
                    code = 0x10000 + ((code - 0xD800) << 10) + (int(low[2:], 16) - 0xDC00)
                    width = 12
                elif 0xD800 <= code < 0xE000:
                    code = 0xFFFD  # a lone surrogate: no UTF-8 output could hold it
                decoded = chr(code)
            else:
                raise JSONPosError("invalid escape in a string", pos)
            # An escape is one decoded character spread over `width` file characters.
            segments.append((length, pos))
            parts.append(decoded)
            length += 1
            pos += width
        out = PosStr("".join(parts))
        base = self.base
        out.start = start + base
        # An empty string maps to its closing quote.
        shifted = tuple((d, f + base) for d, f in segments) or ((0, start + 1 + base),)
        out.omap = OffsetMap(shifted, length, pos + base)
        return out, pos + 1
