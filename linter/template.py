"""Templates as the linter sees them: named components of text, each knowing where it lives."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.source import LineIndex, OffsetMap

if TYPE_CHECKING:
    from linter.diagnostic import Diagnostic


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
    category: str | None = None  # MARKETING | UTILITY | AUTHENTICATION, as declared
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
