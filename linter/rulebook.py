"""Rules are data: one TOML file per rule in ``rules/``; this module reads and selects them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from linter.diagnostic import SEVERITIES
from linter.paths import rules_dir

TEXT_COMPONENTS = ("body", "header", "footer", "button")
CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")
_COMMON = {
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "summary",
    "why",
    "fix",
    "components",
    "applies-to",
    "examples",
    "sources",
    "example-bad",
    "example-good",
}


class RuleFileError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    message: str
    summary: str  # "What it does"
    why: str
    fix: str
    components: tuple[str, ...] = TEXT_COMPONENTS
    applies_to: tuple[str, ...] = CATEGORIES
    examples_fail: tuple[Any, ...] = ()
    examples_pass: tuple[Any, ...] = ()
    sources: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""

    @property
    def family(self) -> str:
        return self.code[:4]

    def doc(self) -> str:
        """The rule's documentation, in ruff's shape."""
        lines = [f"# {self.name} ({self.code})", ""]
        lines += [f"Kind: {self.kind} · severity: {self.severity}"]
        if set(self.applies_to) != set(CATEGORIES):
            lines += [f"Applies to templates declared: {', '.join(self.applies_to)}"]
        lines += ["", "## What it does", self.summary.strip(), ""]
        lines += ["## Why is this bad?", self.why.strip(), ""]
        lines += ["## Example", *_example_lines(self.examples_fail), ""]
        if self.examples_pass:
            lines += ["Passes:", *_example_lines(self.examples_pass), ""]
        lines += ["## Fix", self.fix.strip()]
        if self.sources:
            lines += ["", "## Sources", *(f"- {s}" for s in self.sources)]
        return "\n".join(lines) + "\n"


def _example_lines(examples: tuple[Any, ...]) -> list[str]:
    out = []
    for ex in examples[:3]:
        text = ex if isinstance(ex, str) else _json_line(ex)
        out.append("    " + text.replace("\n", "\n    "))
    return out


def _json_line(obj: Any) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False)


def _tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,)


def load_rule(path: Path) -> Rule:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleFileError(f"{path}: {exc}") from None
    missing = [
        k for k in ("code", "name", "kind", "severity", "message", "why", "fix") if k not in data
    ]
    if missing:
        raise RuleFileError(f"{path}: missing {', '.join(missing)}")
    if data["severity"] not in SEVERITIES:
        raise RuleFileError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    examples = data.get("examples", {})
    return Rule(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        severity=data["severity"],
        message=data["message"],
        summary=data.get("summary", data["message"]),
        why=data["why"],
        fix=data["fix"],
        components=_tuple(data.get("components")) or TEXT_COMPONENTS,
        applies_to=tuple(c.upper() for c in _tuple(data.get("applies-to"))) or CATEGORIES,
        examples_fail=_tuple(examples.get("fail")),
        examples_pass=_tuple(examples.get("pass")),
        sources=_tuple(data.get("sources")),
        params={k: v for k, v in data.items() if k not in _COMMON},
        path=str(path),
    )


@cache
def load_rules(directory: str | None = None) -> tuple[Rule, ...]:
    root = Path(directory) if directory else rules_dir()
    rules = [load_rule(p) for p in sorted(root.glob("**/*.toml"))]
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleFileError(f"{rule.path}: {key} is also defined in {seen[key]}")
            seen[key] = rule.path
    return tuple(sorted(rules, key=lambda r: r.code))


def matches(code: str, selectors: list[str] | tuple[str, ...]) -> bool:
    """ruff-style selection: a selector is a full code or a prefix of one ("TPL1")."""
    return any(code.startswith(s.upper()) for s in selectors)


def select_rules(
    rules: tuple[Rule, ...], select: list[str] | None, ignore: list[str] | None
) -> list[Rule]:
    chosen = [r for r in rules if not select or matches(r.code, select)]
    if ignore:
        chosen = [r for r in chosen if not matches(r.code, ignore)]
    return chosen


def find_rule(key: str, rules: tuple[Rule, ...] | None = None) -> Rule | None:
    for rule in rules or load_rules():
        if key.upper() == rule.code or key == rule.name:
            return rule
    return None
