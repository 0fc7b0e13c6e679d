"""Rules are data: one TOML file per rule in ``rules/``; this module reads and selects them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from linter.diagnostic import SEVERITIES
from linter.errors import TemplintError
from linter.paths import rules_dir
from linter.template import CATEGORIES

TEXT_COMPONENTS = ("body", "header", "footer", "button")
# Every kind of component a template has (``Component.kind``): what ``components`` may name.
COMPONENTS = (*TEXT_COMPONENTS, "url", "example", "name")
REQUIRED = ("code", "name", "kind", "severity", "message", "why", "fix")
# Capital letters then digits: ``select`` and ``ignore`` take a code's prefix ("ACME", "TPL1").
CODE = re.compile(r"[A-Z]+[0-9]+")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")  # what `templint rule NAME` takes
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
    "defers-to",
}
# What ``lint --fix`` can do for a rule's findings (``autofix`` in its file): write them (safe),
# write a best guess only with ``--unsafe-fixes`` (unsafe), or either, finding by finding.
AUTOFIX = {
    "safe": "`templint lint --fix` writes the fix where the right text is certain.",
    "unsafe": "`templint lint --fix --unsafe-fixes` writes a best guess; review it.",
    "mixed": "`templint lint --fix` writes the certain cases, `--unsafe-fixes` adds the guesses.",
}


class RuleFileError(TemplintError, ValueError):
    """Rule files that cannot be used: one line ``PATH: field: problem`` per file."""


class RuleProblem(ValueError):
    """One field of a rule file that is wrong; ``load_rule`` names the file."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


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
    # codes of more specific rules: where one of them reports words this rule's finding
    # overlaps, only it does (engine.Linter._deferred)
    defers_to: tuple[str, ...] = ()
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
        if self.defers_to:
            deferred = ", ".join(self.defers_to)
            lines += [f"Defers to: {deferred} (their finding on the same words stands)"]
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
        (bar the structural ``check``, ``mode`` and ``compare``) and its kind's options."""
        from linter.kinds import KIND_OPTIONS

        shown = []
        for key, value in self.params.items():
            if key in ("check", "mode", "compare"):
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
# the shipped files (a fifth of a cold one-template run), json in C. Named by file, with a hash
# of each file's text, so an edited or unknown file misses and is parsed as before.
PARSED_PATH = Path(__file__).resolve().parent / "data" / "rules_parsed.json"
_PARSED: dict[str, Any] | None = None
_PARSED_VERSION = 2  # 2: named by file (linter.generated)


def _text_key(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parsed(text: str) -> dict[str, Any] | None:
    """The file's table from PARSED_PATH, or None. Each entry is handed out once (``pop``): no
    two rules share the lists of one parse."""
    global _PARSED
    if _PARSED is None:
        from linter.generated import by_key

        try:
            _PARSED = by_key(PARSED_PATH.read_text(encoding="utf-8"), "files", _PARSED_VERSION)
        except (OSError, ValueError, AttributeError, TypeError, KeyError):
            _PARSED = {}  # no file or a broken one: every rule file is parsed at run time
    found = _PARSED.pop(_text_key(text), None)
    return found if isinstance(found, dict) else None


def render_parsed(directory: str | None = None) -> str:
    """PARSED_PATH's content for the rule files in ``directory`` (default: the shipped ones)."""
    from linter.generated import render

    root = Path(directory) if directory else rules_dir()
    files = {}
    for path in root.glob("**/*.toml"):
        text = path.read_text(encoding="utf-8")
        files[path.relative_to(root).as_posix()] = (_text_key(text), tomllib.loads(text))
    return render(_PARSED_VERSION, "files", files)


def load_rule(path: Path, shipped: bool | None = None) -> Rule:
    """The rule a file defines. Its common fields are checked here; its kind checks its own
    parameters (compiles its regexes, reads its token patterns) unless it is one of the shipped
    files (``shipped``; default: whether it lies in the shipped rules folder), which the test
    suite checks instead: compiling the shipped regexes would cost every run ~0.5 s.
    Raises ``RuleFileError``: one line, ``PATH: field: problem``."""
    try:
        text = path.read_text(encoding="utf-8")
        data = _parsed(text) or tomllib.loads(text)
    except (OSError, ValueError) as exc:  # also TOMLDecodeError, a 4,300+ digit integer
        raise RuleFileError(f"{path}: {exc}") from None
    if shipped is None:
        shipped = _is_shipped(path)
    try:
        rule = _rule_from(data, path)
        if not shipped:
            validate_params(rule)
    except RuleProblem as exc:
        raise RuleFileError(f"{path}: {exc}") from None
    return rule


def _is_shipped(path: Path) -> bool:
    return path.resolve().is_relative_to(rules_dir().resolve())


def _rule_from(data: dict[str, Any], path: Path) -> Rule:
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise RuleProblem(", ".join(missing), f"missing (a rule file sets {', '.join(REQUIRED)})")
    for key in (*REQUIRED, "summary"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            raise RuleProblem(key, f"must be a non-empty string, not {data[key]!r}")
    if not CODE.fullmatch(data["code"]):
        raise RuleProblem(
            "code",
            f"{data['code']!r} must be capital letters then digits, such as ACME1 "
            "(select and ignore take a code or its prefix)",
        )
    if not NAME.fullmatch(data["name"]):
        raise RuleProblem(
            "name",
            f"{data['name']!r} must be lower-case words joined by hyphens, such as "
            "no-competitor-names",
        )
    from linter.kinds import KINDS

    if data["kind"] not in KINDS:
        raise RuleProblem(
            "kind", f"{data['kind']!r} is not a rule kind{_one_of(data['kind'], KINDS)}"
        )
    if data["severity"] not in SEVERITIES:
        raise RuleProblem(
            "severity", f"{data['severity']!r}{_one_of(data['severity'], SEVERITIES)}"
        )
    autofix = data.get("autofix", "")
    if autofix not in ("", *AUTOFIX):
        raise RuleProblem("autofix", f"{autofix!r}{_one_of(str(autofix), AUTOFIX)}")
    check_format(data["message"], "message")
    examples = data.get("examples", {})
    _check_examples(examples)
    return Rule(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        severity=data["severity"],
        message=data["message"],
        summary=data.get("summary", data["message"]),
        why=data["why"],
        fix=data["fix"],
        components=_names(data, "components", COMPONENTS, str.lower) or TEXT_COMPONENTS,
        applies_to=_names(data, "applies-to", CATEGORIES, str.upper) or CATEGORIES,
        examples_fail=_tuple(examples.get("fail")),
        examples_pass=_tuple(examples.get("pass")),
        examples_options=dict(examples.get("options", {})),
        sources=strings(data.get("sources"), "sources", "sources") if "sources" in data else (),
        autofix=autofix,
        defers_to=_defers_to(data),
        params={k: v for k, v in data.items() if k not in _COMMON},
        path=str(path),
    )


def _defers_to(data: dict[str, Any]) -> tuple[str, ...]:
    """``defers-to``: codes of other rules (a rule cannot defer to itself)."""
    codes = strings(data.get("defers-to", []), "defers-to", "rule codes")
    for i, code in enumerate(codes):
        if not CODE.fullmatch(code) or code == data["code"]:
            raise RuleProblem(f"defers-to[{i}]", f"{code!r} must be another rule's code")
    return codes


def _one_of(value: str, known: Any) -> str:
    """ "; one of a, b, c" and, when ``value`` is close to one of them, which it may mean."""
    import difflib

    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"; one of {', '.join(known)}{hint}"


def choice(params: dict[str, Any], field: str, known: Any, what: str, default: Any = None) -> Any:
    """The value of ``field`` when it is one of ``known``, else a RuleProblem that lists them
    (and the one a typo may mean): how a kind checks its ``check`` or ``mode``."""
    value = params.get(field, default)
    if value not in known:
        raise RuleProblem(field, f"{value!r} is not {what}{_one_of(value, known)}")
    return value


def strings(
    value: Any, field: str, what: str, *, single: bool = True, empty: bool = True
) -> tuple[str, ...]:
    """A field that is a list of strings (or, with ``single``, one string), as a tuple.
    Raises ``RuleProblem`` naming ``field`` for anything else: a string where a list is
    needed would be read letter by letter, a number never matches."""
    if isinstance(value, str) and single:
        return (value,)
    if isinstance(value, str):
        raise RuleProblem(field, f"must be a list of {what}, not one string: write [{value!r}]")
    if not isinstance(value, list) or (not value and not empty):
        raise RuleProblem(field, f"must be a non-empty list of {what}, not {value!r}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise RuleProblem(f"{field}[{i}]", f"must be a non-empty string, not {item!r}")
    return tuple(value)


def _names(data: dict[str, Any], key: str, known: tuple[str, ...], case: Any) -> tuple[str, ...]:
    """``components`` or ``applies-to``: names from ``known`` (in any case): one a rule could
    never meet would leave it silently dead."""
    if data.get(key, []) == []:
        return ()  # the default: every one (the engine's rules say so with [])
    out = []
    for i, name in enumerate(strings(data[key], key, "names")):
        if case(name) not in known:
            raise RuleProblem(f"{key}[{i}]", f"{name!r} is not known{_one_of(case(name), known)}")
        out.append(case(name))
    return tuple(out)


def _check_examples(examples: Any) -> None:
    if not isinstance(examples, dict):
        raise RuleProblem("examples", "must be a table: fail, pass, options")
    for key, value in examples.items():
        if key == "options":
            if not isinstance(value, dict):
                raise RuleProblem("examples.options", "must be a table of the rule's options")
        elif key in ("fail", "pass"):
            for i, ex in enumerate(_tuple(value)):
                if not isinstance(ex, (str, dict, list)):
                    raise RuleProblem(
                        f"examples.{key}[{i}]",
                        f"must be a template's text or a Meta template table, not {ex!r}",
                    )
        else:
            raise RuleProblem(f"examples.{key}", "unknown; examples has fail, pass and options")


# What a placeholder may say after its colon: digit grouping and a short precision and type,
# never a width or fill (their size is the rule file's to choose) nor a nested {field}.
_SAFE_SPEC = re.compile(r"[,_]?(?:\.[0-9]{1,2})?[dfeg%]?")
# Of those, what a text takes: a precision, which cuts it to that many characters.
_TEXT_SPEC = re.compile(r"\.[0-9]{1,2}")


def check_format(text: str, field: str, fields: frozenset[str] | None = None) -> None:
    """A message or fix template: ``{name}`` of a value the finding has (``fields``, when the
    kind says: each is a text), ``{{`` and ``}}`` for braces. Checked here, not when a finding
    is printed."""
    import string

    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise RuleProblem(field, f"{exc} (write {{{{ and }}}} for a literal brace)") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            raise RuleProblem(
                field,
                f"{{{name}}} is not a value's name; a finding's values are named, "
                "such as {match} (write {{ and }} for a literal brace)",
            )
        if conversion:
            raise RuleProblem(
                field,
                f"{{{name}!{conversion}}}: no !conversion in a placeholder; write {{{name}}}",
            )
        if spec and not _SAFE_SPEC.fullmatch(spec):
            # a width or fill ({match:>2000000000}) would build gigabytes per finding
            raise RuleProblem(
                field,
                f"{{{name}:{spec}}}: a placeholder's format may only group digits or round "
                f"({{{name}:,}}, {{{name}:.1f}}, {{{name}:.0%}}); no width, fill or nesting",
            )
        if fields is not None and name not in fields:
            raise RuleProblem(
                field,
                f"{{{name}}} is no value of this rule's findings; it has "
                f"{', '.join('{' + f + '}' for f in sorted(fields))}",
            )
        if fields is not None and spec and not _TEXT_SPEC.fullmatch(spec):
            # the values a kind names are texts (a match, a link): a number's format raises
            # "Cannot specify ',' with 's'" on every finding, long after the file was read
            raise RuleProblem(
                field,
                f"{{{name}:{spec}}}: {{{name}}} is text, not a number; its format may only "
                f"cut it short ({{{name}:.20}})",
            )


def validate_params(rule: Rule) -> None:
    """The kind's own checks of the rule's parameters, and of its message against the values
    its findings carry (``Check.validate``). Imports the kind's module."""
    from linter.kinds import check_class

    fields = check_class(rule.kind).validate(rule.params)
    if fields is not None:
        check_format(rule.message, "message", fields)


def params_problems(rules: Iterable[Rule]) -> list[str]:
    """``validate_params`` of each rule, even a shipped one: one line ``PATH: field: problem``
    per rule its kind refuses. A run trusts the shipped folder's files unchecked (the test
    suite checks them), but ``rule --check`` on a rule edited there must not: it ran the
    examples of a rule with a field its kind does not read (``exception = [...]``) and passed."""
    problems = []
    for rule in rules:
        try:
            validate_params(rule)
        except RuleProblem as exc:
            problems.append(f"{rule.path}: {exc}")
    return problems


@cache
def _folder_rules(directory: str, shipped: bool) -> tuple[Rule, ...]:
    """The rules of a folder's TOML files (below it too), read once a process; the problems of
    every broken file at once, one line each."""
    rules, problems = [], []
    for path in sorted(Path(directory).glob("**/*.toml")):
        try:
            rules.append(load_rule(path, shipped))
        except RuleFileError as exc:
            problems.append(str(exc))
    if problems:
        raise RuleFileError("\n".join(problems))
    return tuple(rules)


@cache
def load_rules(directory: str | None = None, extend: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The rules of ``directory`` (default: the shipped ones) and of each folder or file in
    ``extend`` (a project's own: ``extend-rules``). A folder used instead of the shipped one
    keeps the engine's rules (TPL001-003) it lacks: the engine reports through them."""
    root = str(Path(directory) if directory else rules_dir())
    rules = list(_folder_rules(root, directory is None))
    if directory is not None:
        codes = {r.code for r in rules}
        engine = _folder_rules(str(rules_dir() / "engine"), True)
        rules += [r for r in engine if r.code not in codes]
    added = [r for entry in extend for r in _entry_rules(entry)]
    seen: dict[str, str] = {}
    problems: dict[str, str] = {}  # by file: its first problem
    for rule in [*rules, *added]:
        for what, key in (("code", rule.code), ("name", rule.name)):
            if key in seen:
                problems.setdefault(rule.path, f"{what}: {key} is also defined in {seen[key]}")
            else:
                seen[key] = rule.path
    for rule in added:
        if rule.code.startswith("TPL"):
            problems.setdefault(
                rule.path,
                f"code: {rule.code}: codes starting TPL are templint's own (a later version "
                "may add it); give the project's rules their own prefix, such as ACME1",
            )
    if problems:
        raise RuleFileError("\n".join(f"{path}: {said}" for path, said in problems.items()))
    return tuple(sorted([*rules, *added], key=lambda r: r.code))


def forget_rules() -> None:
    """Read rule files again on the next load: a project's rule file changed (the language
    server outlives such edits)."""
    for cached in (load_rules, _folder_rules, _file_rule):
        cached.cache_clear()


def _entry_rules(entry: str) -> tuple[Rule, ...]:
    """An ``extend-rules`` entry's rules: a folder's files, or one file."""
    if Path(entry).is_dir():
        return _folder_rules(entry, False)
    return _file_rule(entry)


@cache
def _file_rule(path: str) -> tuple[Rule, ...]:
    return (load_rule(Path(path), False),)


def config_rules(config: Any) -> tuple[Rule, ...]:
    """Every rule a run under ``config`` has: the shipped ones (or its ``rules-dir``'s), and
    those of its ``extend-rules``."""
    return load_rules(config.rules_dir, tuple(config.extend_rules))


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
    return select_rules(config_rules(config), list(config.select), list(config.ignore))


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
            f"({'command line' if key in config.overridden else config.source or 'settings'})"
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
            if key in ("check", "mode", "compare"):
                raise ConfigError(
                    f"{where}[rules.{code}]: '{key}' defines {rule.name} and cannot be set; "
                    "options are what `templint rule " + code + "` lists"
                )
            per_type = rule.params.get("check") == "button-type-limit" and key.startswith("max-")
            if key not in known and not per_type:
                listed = ", ".join(
                    sorted(k for k in known if k not in ("check", "mode", "compare"))
                )
                listed = listed or "none"
                raise ConfigError(
                    f"{where}[rules.{code}]: unknown option '{key}' for {rule.name}; "
                    f"it reads: {listed}"
                )
            if key in rule.params and not _same_type(rule.params[key], value):
                raise ConfigError(
                    f"{where}[rules.{code}]: '{key}' must be {_type_name(rule.params[key])}, "
                    f"not {value!r}"
                )
    _check_languages(rules, config, where)


def _check_languages(rules: tuple[Rule, ...], config: Any, where: str) -> None:
    """``--language``, ``default-language`` and ``[per-file]`` languages must be codes the
    language-code rule (TPL302) accepts: a run's language picks the spelling dictionary and
    the language the text is compared with, and ``en_UK`` there would go unreported."""
    from linter.config import ConfigError
    from linter.languages import advice, from_params

    given = []
    if config.default_language:
        cli = "default_language" in config.overridden
        said = "--language" if cli else f"{where}'default-language'"
        given.append((said, config.default_language))
    for entry in config.per_file:
        if entry.language:
            given.append((f"{where}[per-file] {entry.pattern!r}: language", entry.language))
    rule = next((r for r in rules if r.params.get("check") == "language-code"), None)
    if not given or rule is None:
        return
    try:
        codes = from_params(params_under(rule, config))
    except ValueError as exc:
        raise ConfigError(f"{where}[rules.{rule.code}]: {exc}") from None
    for said, code in given:
        if code not in codes:
            detail, fix = advice(codes.judge(code))
            raise ConfigError(f"{said}: '{code}' {detail}. {fix}")


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
