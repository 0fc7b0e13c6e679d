"""Rule kinds: the handful of checks that rule files in ``rules/`` are instances of.

Modules are imported only when a selected rule needs them, so a run that needs no spaCy or
tldextract never pays for their import.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.config import Config
    from linter.rulebook import Rule
    from linter.template import Component, Template

KINDS = {
    "pattern": "linter.kinds.pattern:PatternCheck",
    "phrase": "linter.kinds.phrase:PhraseCheck",
    "domain": "linter.kinds.domain:DomainCheck",
    "spelling": "linter.kinds.spelling:SpellingCheck",
    "format": "linter.kinds.format:FormatCheck",
    "duplicate": "linter.kinds.duplicate:DuplicateCheck",
    "classifier": "linter.kinds.classifier:ClassifierCheck",
    "engine": "linter.kinds:EngineCheck",
}


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(slots=True)
class Hit:
    """Where a rule fired: offsets into one component's text, or the whole template."""

    component: Component | None
    start: int = 0
    end: int = 0
    values: dict[str, Any] = field(default_factory=dict)  # fills the rule's message
    fix: str | None = None
    message: str | None = None  # replaces the rule's message outright

    def render(self, template: str) -> str:
        if self.message is not None:
            return self.message
        return template.format_map(_SafeDict(self.values))


class Context:
    """What checks share within one run: settings and lazily built resources."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}

    def shared(self, key: str, build: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


class Check:
    """Base class: one instance per rule per run."""

    def __init__(self, rule: Rule, ctx: Context) -> None:
        self.rule = rule
        self.ctx = ctx
        self.params = {**rule.params, **ctx.config.options.get(rule.code, {})}

    def check(self, template: Template) -> Iterable[Hit]:
        return ()

    def check_run(self, templates: list[Template]) -> Iterable[tuple[Template, Hit]]:
        """For rules about a run as a whole (duplicates). Runs after every template's check."""
        return ()


class TextCheck(Check):
    """A check of each text component the rule is scoped to."""

    def check(self, template: Template) -> Iterator[Hit]:
        for comp in template.components:
            if comp.kind in self.rule.components and comp.text:
                for hit in self.find(comp.text):
                    hit.component = comp
                    yield hit

    def find(self, text: str) -> Iterable[Hit]:
        raise NotImplementedError


class EngineCheck(Check):
    """Rules the engine itself reports (unused suppressions); nothing to run per template."""


def load_check(rule: Rule, ctx: Context) -> Check:
    target = KINDS.get(rule.kind)
    if target is None:
        raise ValueError(
            f"{rule.path}: unknown rule kind {rule.kind!r} (known: {', '.join(KINDS)})"
        )
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(rule, ctx)
