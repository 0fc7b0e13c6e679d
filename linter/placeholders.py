"""Placeholders in template text: the one place that finds them.

Meta's templates carry variables as ``{{1}}`` (numbered, "positional") or ``{{first_name}}``
(named: lowercase letters, digits and underscores). People also write broken ones (``{{1}``,
``{{ 1 }}``, ``{{#1}}``, ``{{}}``) and variables copied from e-mail tools and blog posts
(``$Name``, ``%name%``, ``[Customer Name]``). Every rule that reads text uses this module,
either to check the placeholders or to skip them::

    from linter.placeholders import find_placeholders, mask_placeholders

    for ph in find_placeholders("Hi {{1}}, order {{ 2 }} ships"):
        ph.start, ph.end, ph.key, ph.kind  # (3, 8, "1", "numbered"), (16, 23, "2", "malformed")

Spans are offsets into the text, end exclusive. Results are cached per text, so calling this
from several rules costs one scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NUMBERED = "numbered"  # {{1}}
NAMED = "named"  # {{first_name}}
MALFORMED = "malformed"  # {{1}, {{ 1 }}, {{#1}}, {{}}, a stray brace …
FOREIGN = "foreign"  # $Name, %name%, [Customer Name]: another tool's variable syntax
VALID = frozenset({NUMBERED, NAMED})
ALL = frozenset({NUMBERED, NAMED, MALFORMED, FOREIGN})


@dataclass(frozen=True, slots=True)
class Placeholder:
    start: int
    end: int
    key: str  # "1", "first_name"; for malformed/foreign ones the best guess at the name
    kind: str  # numbered | named | malformed | foreign
    text: str  # the characters as written
    reason: str = ""  # what is wrong, for malformed and foreign ones

    @property
    def numbered(self) -> bool:
        return self.kind == NUMBERED

    @property
    def valid(self) -> bool:
        return self.kind in VALID

    @property
    def number(self) -> int | None:
        return int(self.key) if self.kind == NUMBERED else None


# A run of braces with a short brace-free, single-line inside, or a stray run of braces.
_BRACES = re.compile(r"\{+[^{}\n]{0,64}\}+|\{+|\}+")
_NUMBER = re.compile(r"[1-9][0-9]*|0")
_NAME = re.compile(r"[a-z][a-z0-9_]*|_[a-z0-9_]*[a-z0-9][a-z0-9_]*")
_LOOSE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ .-]*")
# Other tools' variables: `$Name` / `${name}`, `%name%`, and `[Customer Name]` (1-3 words, each
# Capitalised, UPPER or snake_case, not a markdown link; see _BRACKET_WORDS).
_FOREIGN = re.compile(
    r"\$\{[A-Za-z_][A-Za-z0-9_.]*\}"
    r"|(?<![\w$])\$[A-Za-z_][A-Za-z0-9_]*"
    r"|(?<![\w%])%[A-Za-z_][A-Za-z0-9_]*%(?!\w)"
    r"|\[(?:[A-Z][A-Za-z0-9]+|[a-z][a-z0-9]+(?:_[a-z0-9]+)*)"
    r"(?:[ _](?:[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*|#)){0,2}\](?!\()"
)
# A bracketed word is a stand-in only when it names a value ("[Customer Name]", "[DATE]",
# "[order_id]"), not a tag such as "[Action Required]" or "[Update]".
_BRACKET_WORDS = frozenset(
    """name names date time day month year number no num id code otp pin amount total price
    cost fee balance due link url email mail phone mobile address city location store shop
    company business brand product item order invoice receipt reference ref tracking
    account customer client user username first last agent doctor slot appointment booking
    coupon value quantity qty points""".split()
)
_FOREIGN_KEY = re.compile(r"[A-Za-z0-9]+")


def _classify(raw: str) -> tuple[str, str, str]:
    """(kind, key, reason) for one run of braces with its inside."""
    opening = len(raw) - len(raw.lstrip("{"))
    closing = len(raw) - len(raw.rstrip("}"))
    inner = raw[opening : len(raw) - closing] if closing else raw[opening:]
    key = inner.strip().strip("#$%").strip()  # {{$name}}, {{%name%}}: the name
    if not inner and (not opening or not closing):
        side = "opening" if opening else "closing"
        return MALFORMED, "", f"a stray {side} brace with no match"
    if opening != closing or opening != 2:
        if opening == closing == 1:
            why = "single braces; Meta's variables use two on each side"
        elif opening == closing:
            why = f"{opening} braces on each side; Meta's variables use exactly two"
        else:
            why = f"unbalanced braces ({opening} opening, {closing} closing)"
        return MALFORMED, key, why
    if _NUMBER.fullmatch(inner):
        return NUMBERED, inner, ""
    if _NAME.fullmatch(inner):
        return NAMED, inner, ""
    if not inner.strip():
        return MALFORMED, "", "an empty variable"
    if inner != inner.strip():
        return MALFORMED, key, "spaces inside the braces"
    if inner[0] in "#$%":
        return MALFORMED, key, f"'{inner[0]}' inside the braces"
    if re.fullmatch(r"0[0-9]+", inner):
        return MALFORMED, key, "a leading zero"
    if re.fullmatch(r"[0-9]*[.,][0-9]+|-[0-9]+", inner):
        return MALFORMED, key, "not a whole positive number"
    if _LOOSE_NAME.fullmatch(inner):
        if any(c.isupper() for c in inner):
            return MALFORMED, key, "capital letters; named variables are lowercase"
        return MALFORMED, key, "characters other than lowercase letters, digits and '_'"
    return MALFORMED, key, "characters other than lowercase letters, digits and '_'"


# Only texts up to this long are remembered (Meta's body limit is 1,024 characters): the cache
# keeps each text it is given, and a service linting long drafts would keep thousands of them
# (400 texts of 200 KB: +72 MB that outlived the requests). A longer text is scanned again.
CACHED_TEXT_MAX = 2048


def _scan(text: str) -> tuple[Placeholder, ...]:
    if len(text) > CACHED_TEXT_MAX:
        return _scan_text(text)
    return _scan_cached(text)


def _scan_text(text: str) -> tuple[Placeholder, ...]:
    if not any(c in text for c in "{}$%["):
        return ()
    found: list[Placeholder] = []
    taken: list[tuple[int, int]] = []
    runs = list(_BRACES.finditer(text)) if "{" in text or "}" in text else []
    if "$" in text or "%" in text or "[" in text:
        for m in _FOREIGN.finditer(text):
            if any(r.start() < m.start() and m.end() < r.end() for r in runs):
                continue  # inside braces, the braces are the variable: {{$order_id}}, {$date}
            raw = m.group()
            words = _FOREIGN_KEY.findall(raw)
            if raw.startswith("[") and not ("_" in raw or words[-1].lower() in _BRACKET_WORDS):
                continue
            key = "_".join(words)
            found.append(Placeholder(m.start(), m.end(), key, FOREIGN, raw, _foreign_reason(raw)))
            taken.append(m.span())
    if runs:
        for m in runs:
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            kind, key, reason = _classify(m.group())
            found.append(Placeholder(m.start(), m.end(), key, kind, m.group(), reason))
    found.sort(key=lambda p: p.start)
    return tuple(found)


_scan_cached = lru_cache(maxsize=4096)(_scan_text)


def _foreign_reason(raw: str) -> str:
    if raw.startswith("$"):
        return "a '$' variable from another tool"
    if raw.startswith("%"):
        return "a '%name%' variable from another tool"
    return "a '[Name]' stand-in from a copied example"


def find_placeholders(text: str, kinds: frozenset[str] = ALL) -> list[Placeholder]:
    """Every placeholder in ``text``, in order; ``kinds`` narrows it (``VALID`` = Meta's)."""
    return [p for p in _scan(text) if p.kind in kinds]


def valid_placeholders(text: str) -> list[Placeholder]:
    """Only Meta's own ``{{1}}`` / ``{{name}}`` variables."""
    return [p for p in _scan(text) if p.kind in VALID]


def has_placeholders(text: str) -> bool:
    return bool(_scan(text))


def mask_placeholders(text: str, fill: str = " ", kinds: frozenset[str] = ALL) -> str:
    """``text`` with each placeholder overwritten by ``fill`` (one character per character), so
    offsets stay the same: for checks (spelling, classifiers) that must not read variables."""
    spans = [(p.start, p.end) for p in _scan(text) if p.kind in kinds]
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(fill * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def replace_placeholders(text: str, token: str = "{}", kinds: frozenset[str] = ALL) -> str:
    """``text`` with each placeholder replaced by ``token`` (lengths change)."""
    spans = [(p.start, p.end) for p in _scan(text) if p.kind in kinds]
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(token)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def suggest(ph: Placeholder, number: int | None = None) -> str | None:
    """What a malformed or foreign placeholder should have been, when that is clear."""
    if ph.kind in VALID:
        return ph.text
    key = ph.key.strip()
    if ph.kind == FOREIGN:
        if number is not None:
            return "{{" + str(number) + "}}"
        return "{{" + _snake(key) + "}}" if key else None
    if _NUMBER.fullmatch(key) or re.fullmatch(r"0[0-9]+", key):
        return "{{" + str(int(key)) + "}}"
    if key and _LOOSE_NAME.fullmatch(key):
        return "{{" + _snake(key) + "}}"
    if number is not None and not key and not ph.reason.startswith("a stray"):
        return "{{" + str(number) + "}}"
    return None


def _snake(name: str) -> str:
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


__all__ = [
    "ALL",
    "FOREIGN",
    "MALFORMED",
    "NAMED",
    "NUMBERED",
    "VALID",
    "Placeholder",
    "find_placeholders",
    "has_placeholders",
    "mask_placeholders",
    "replace_placeholders",
    "suggest",
    "valid_placeholders",
]
