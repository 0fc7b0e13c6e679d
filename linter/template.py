"""Templates as the linter sees them: named components of text, each knowing where it lives."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.source import LineIndex, OffsetMap

if TYPE_CHECKING:
    from linter.diagnostic import Diagnostic


CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")


# Meta's categories before 2023 and the names other tools use, with the category each is now
_CATEGORY_NAMES = {
    "TRANSACTIONAL": "UTILITY",
    "TRANSACTION": "UTILITY",
    "SERVICE": "UTILITY",
    "ISSUE_RESOLUTION": "UTILITY",
    "AUTO_REPLY": "UTILITY",
    "OTP": "AUTHENTICATION",
    "AUTH": "AUTHENTICATION",
    "PROMO": "MARKETING",
    "PROMOTION": "MARKETING",
    "PROMOTIONAL": "MARKETING",
}


def known_category(value: str | None) -> str | None:
    """A declared category that is one of Meta's, else None."""
    return value if value in CATEGORIES else None


def category_meant(value: str) -> str | None:
    """The category an unknown one stands for: an old name's successor or a near spelling
    (``TRANSACTIONAL`` -> UTILITY, ``OTP`` -> AUTHENTICATION, ``UTILTY`` -> UTILITY)."""
    key = "_".join(value.upper().replace("-", " ").split())
    if key in CATEGORIES:
        return key
    if key in _CATEGORY_NAMES:
        return _CATEGORY_NAMES[key]
    if key.endswith("_UPDATE"):  # ACCOUNT_UPDATE, SHIPPING_UPDATE…: Meta's old utility kinds
        return "UTILITY"
    import difflib

    close = difflib.get_close_matches(key, CATEGORIES, n=1, cutoff=0.6)
    return close[0] if close else None


def rule_category(value: str | None, default: str) -> str:
    """The category the rules go by: the declared one if Meta knows it, else what it stands
    for (TPL328 reports it), else the configured default."""
    if value is None:
        return default
    if value in CATEGORIES:
        return value
    return category_meant(value) or default


@dataclass(slots=True)
class Component:
    """One piece of template text: the body, a header, a footer, a button label, a sample…"""

    kind: str  # body | header | footer | button | url | example | name
    label: str  # where it is, for messages: "body", "buttons[1].text", "body.example[2]"
    text: str
    omap: OffsetMap
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Template:
    file: str
    index: LineIndex
    anchor: int  # file offset for diagnostics about the template as a whole
    components: list[Component]
    name: str | None = None
    stem: str | None = None  # what to call it when it has no name (a text file's stem)
    language: str | None = None
    category: str | None = None  # MARKETING | UTILITY | AUTHENTICATION, as declared (upper-cased)
    brand: str | None = None  # who sends it (a batch row's brand column): a name, not wording
    header_format: str | None = None
    buttons: list[dict[str, Any]] = field(default_factory=list)
    body_examples: list[str] | None = None
    header_examples: list[str] | None = None
    named_examples: dict[str, str] | None = None
    ignore: dict[str, int] = field(default_factory=dict)  # code -> file offset of the suppression
    # a text file's "# templint: category …" / "language …" values, where they are written
    declared: dict[str, Component] | None = None
    raw: dict[str, Any] | None = None  # the JSON object, when there was one
    # Per-template facts computed by checks (the classifier's promotional_score and
    # predicted_category); the engine copies the public ones into every diagnostic's extra.
    scores: dict[str, Any] = field(default_factory=dict)

    def component(self, kind: str) -> Component | None:
        for comp in self.components:
            if comp.kind == kind:
                return comp
        return None

    @property
    def body(self) -> str:
        comp = self.component("body")
        return comp.text if comp else ""

    @property
    def display_name(self) -> str | None:
        return self.name or self.stem


def findings_by_template(
    templates: Iterable[Template], diagnostics: Iterable[Diagnostic]
) -> dict[int, list[Diagnostic]]:
    """Each finding under the template it is about, keyed by the template's ``id()``: in its
    file, the last template starting at or before it (a file's templates follow each other;
    names are no key, a duplicate has its original's). Findings of no template are left out."""
    by_file: dict[str, list[Template]] = {}
    out: dict[int, list[Diagnostic]] = {}
    for tpl in templates:
        by_file.setdefault(tpl.file, []).append(tpl)
        out[id(tpl)] = []
    starts: dict[str, list[int]] = {}
    for name, same in by_file.items():
        same.sort(key=lambda t: t.anchor)
        starts[name] = [t.anchor for t in same]
    for d in diagnostics:
        same = by_file.get(d.file)
        if not same:
            continue
        at = same[0].index.offset(d.line, d.column)
        i = max(bisect.bisect_right(starts[d.file], at) - 1, 0)
        out[id(same[i])].append(d)
    return out
