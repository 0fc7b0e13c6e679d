"""Rules are data: one TOML file per rule in ``rules/``; this module reads and selects them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from linter.diagnostic import SEVERITIES
from linter.paths import rules_dir
from linter.template import CATEGORIES

TEXT_COMPONENTS = ("body", "header", "footer", "button")
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
    "autofix",
}
# What ``lint --fix`` can do for a rule's findings (``autofix`` in its file): write them (safe),
# write a best guess only with ``--unsafe-fixes`` (unsafe), or either, finding by finding.
AUTOFIX = {
    "safe": "`templint lint --fix` writes the fix where the right text is certain.",
    "unsafe": "`templint lint --fix --unsafe-fixes` writes a best guess; review it.",
    "mixed": "`templint lint --fix` writes the certain cases, `--unsafe-fixes` adds the guesses.",
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
    # the rule's options its examples are linted with (a rule that needs the team's settings)
    examples_options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    sources: tuple[str, ...] = ()
    autofix: str = ""  # a key of AUTOFIX, or "" when no finding of the rule can be fixed
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
        lines += ["## Example"]
        if self.examples_options:
            lines += [f"With `{k} = {_json_line(v)}`:" for k, v in self.examples_options.items()]
        lines += [*_example_lines(self.examples_fail), ""]
        if self.examples_pass:
            lines += ["Passes:", *_example_lines(self.examples_pass), ""]
        lines += ["## Fix", self.fix.strip()]
        if self.autofix:
            lines += ["", AUTOFIX[self.autofix]]
        options = self.options()
        if options:
            lines += ["", "## Options", f"Set under `[tool.templint.rules.{self.code}]`:"]
            lines += [f"- `{key}` = {shown}" for key, shown in options]
        if self.sources:
            lines += ["", "## Sources", *(f"- {s}" for s in self.sources)]
        return "\n".join(lines) + "\n"

    def options(self) -> list[tuple[str, str]]:
        """(option, its value as shown) for what a config may set: the rule file's parameters
        (bar the structural ``check`` and ``mode``) and its kind's options."""
        from linter.kinds import KIND_OPTIONS

        shown = []
        for key, value in self.params.items():
            if key in ("check", "mode"):
                continue
            if isinstance(value, dict):
                keys = list(value)
                text = f"a table: {', '.join(keys[:8])}{' …' if len(keys) > 8 else ''}"
            elif isinstance(value, list):
                text = f"a list of {len(value)}"
            elif isinstance(value, bool):
                text = "true" if value else "false"
            else:
                text = f"`{value!r}`" if isinstance(value, str) else str(value)
            shown.append((key, text))
        for key, default in KIND_OPTIONS.get(self.kind, {}).items():
            if key not in self.params:
                shown.append((key, default))
        return shown


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


# The shipped rule files' tables, parsed ahead of time: tomllib parses in Python, ~45 ms for
# the shipped files (a fifth of a cold one-template run), json in C. Keyed by a hash of each
# file's text, so an edited or unknown file misses and is parsed as before.
PARSED_PATH = Path(__file__).resolve().parent / "data" / "rules_parsed.json"
_PARSED: dict[str, Any] | None = None


def _text_key(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parsed(text: str) -> dict[str, Any] | None:
    """The file's table from PARSED_PATH, or None. Each entry is handed out once (``pop``): no
    two rules share the lists of one parse."""
    global _PARSED
    if _PARSED is None:
        import json

        try:
            _PARSED = dict(json.loads(PARSED_PATH.read_text(encoding="utf-8")).get("files", {}))
        except (OSError, ValueError, AttributeError, TypeError):
            _PARSED = {}  # no file or a broken one: every rule file is parsed at run time
    found = _PARSED.pop(_text_key(text), None)
    return found if isinstance(found, dict) else None


def render_parsed(directory: str | None = None) -> str:
    """PARSED_PATH's content for the rule files in ``directory`` (default: the shipped ones)."""
    import json

    root = Path(directory) if directory else rules_dir()
    files = {}
    for path in sorted(root.glob("**/*.toml")):
        text = path.read_text(encoding="utf-8")
        files[_text_key(text)] = tomllib.loads(text)
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, sort_keys=True) + "\n"


def load_rule(path: Path) -> Rule:
    try:
        text = path.read_text(encoding="utf-8")
        data = _parsed(text) or tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleFileError(f"{path}: {exc}") from None
    missing = [
        k for k in ("code", "name", "kind", "severity", "message", "why", "fix") if k not in data
    ]
    if missing:
        raise RuleFileError(f"{path}: missing {', '.join(missing)}")
    if data["severity"] not in SEVERITIES:
        raise RuleFileError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    if data.get("autofix", "") not in ("", *AUTOFIX):
        raise RuleFileError(f"{path}: autofix must be one of {', '.join(AUTOFIX)}")
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
        examples_options=dict(examples.get("options", {})),
        sources=_tuple(data.get("sources")),
        autofix=data.get("autofix", ""),
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


def selected_rules(config: Any) -> list[Rule]:
    """The rules a run under ``config`` lints with: its rules folder, select and ignore."""
    return select_rules(load_rules(config.rules_dir), list(config.select), list(config.ignore))


def params_under(rule: Rule, config: Any) -> dict[str, Any]:
    """The rule's parameters, with the configuration's options for it on top."""
    return {**rule.params, **config.options.get(rule.code, {})}


def find_rule(key: str, rules: tuple[Rule, ...] | None = None) -> Rule | None:
    for rule in rules or load_rules():
        if key.upper() == rule.code or key == rule.name:
            return rule
    return None


def check_settings(rules: tuple[Rule, ...], config: Any) -> None:
    """Raise ``ConfigError`` for settings that name no rule or an option no rule reads: a typo
    (``select = ["TLP101"]``, ``[rules.TPL303] mx = 50``) would otherwise change nothing, or
    select nothing, silently. Options are checked against every rule, selected or not."""
    from linter.config import ConfigError
    from linter.kinds import KIND_OPTIONS

    where = f"{config.source}: " if config.source else ""
    codes = [r.code for r in rules]
    hint = "`templint rules` lists them"
    for key, selectors in (("select", config.select), ("ignore", config.ignore)):
        said = f"--{key}" if key in config.overridden else f"{where}{key}"
        for s in selectors:
            if not any(c.startswith(s) for c in codes):
                raise ConfigError(f"{said}: '{s}' matches no rule code or prefix; {hint}")
    if not select_rules(rules, list(config.select), list(config.ignore)):
        # Linting with no rule would print "all clean" about nothing checked.
        said = "; ".join(
            f"{key} {', '.join(value)} "
            f"({'command line' if key in config.overridden else config.source})"
            for key, value in (("select", config.select), ("ignore", config.ignore))
            if value
        )
        raise ConfigError(f"no rule left to run: {said}")
    for entry in config.per_file:
        for s in entry.ignore:
            if not any(c.startswith(s) for c in codes):
                raise ConfigError(
                    f"{where}[per-file] {entry.pattern!r}: ignore '{s}' matches no rule code "
                    f"or prefix; {hint}"
                )
    for prefix in config.severity:
        if not any(c.startswith(prefix) for c in codes):
            raise ConfigError(f"{where}severity: '{prefix}' matches no rule; {hint}")
    by_code = {r.code: r for r in rules}
    for code, options in config.options.items():
        rule = by_code.get(code)
        if rule is None:
            named = next((r for r in rules if r.name.upper() == code), None)
            if named is not None:
                raise ConfigError(
                    f"{where}[rules.{named.name}]: rules are keyed by code; "
                    f"write [rules.{named.code}]"
                )
            raise ConfigError(f"{where}[rules.{code}]: no such rule; {hint}")
        known = set(rule.params) | set(KIND_OPTIONS.get(rule.kind, {}))
        for key, value in options.items():
            if key in ("check", "mode"):
                raise ConfigError(
                    f"{where}[rules.{code}]: '{key}' defines {rule.name} and cannot be set; "
                    "options are what `templint rule " + code + "` lists"
                )
            per_type = rule.params.get("check") == "button-type-limit" and key.startswith("max-")
            if key not in known and not per_type:
                listed = ", ".join(sorted(k for k in known if k not in ("check", "mode"))) or "none"
                raise ConfigError(
                    f"{where}[rules.{code}]: unknown option '{key}' for {rule.name}; "
                    f"it reads: {listed}"
                )
            if key in rule.params and not _same_type(rule.params[key], value):
                raise ConfigError(
                    f"{where}[rules.{code}]: '{key}' must be {_type_name(rule.params[key])}, "
                    f"not {value!r}"
                )


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    return "a string or a list" if isinstance(value, (str, list)) else type(value).__name__


def _same_type(default: Any, value: Any) -> bool:
    return _type_name(default) == _type_name(value)
