"""Templates as the linter sees them: named components of text, each knowing where it lives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linter.source import LineIndex, OffsetMap


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
