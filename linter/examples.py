"""A rule's own examples, run: each ``fail`` example must trigger it, each ``pass`` must not
(``templint rule CODE --check``; the test suite does the same for the shipped rules)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from linter.config import Config
from linter.rulebook import Rule


def example_config(rule: Rule, config: Config) -> Config:
    """``config`` running ``rule`` alone (with the rules it defers to, whose findings decide
    its own), with the options its examples are written for."""
    options = dict(config.options)
    options.pop(rule.code, None)
    if rule.examples_options:
        options[rule.code] = dict(rule.examples_options)
    return dataclasses.replace(
        config,
        select=(rule.code, *rule.defers_to),
        ignore=(),
        severity={},
        per_file=(),
        options=options,
    )


def lint_example(example: Any, rule: Rule, config: Config) -> list[Any]:
    """The diagnostics of one example: a string is a template body (filed under a category the
    rule applies to), a table a Meta template, a list of tables templates linted together."""
    from linter.api import lint_templates
    from linter.inputs import parse_json, parse_text

    if isinstance(example, str):
        tpl = parse_text(example, "<example>")
        if config.default_category not in rule.applies_to:
            tpl.category = rule.applies_to[0]
        templates = [tpl]
    else:
        templates = parse_json(json.dumps(example, ensure_ascii=False), "<example>")
    return lint_templates(templates, example_config(rule, config))


def check_examples(rule: Rule, config: Config) -> list[str]:
    """What is wrong with the rule's examples under ``config``, one line each (none: all
    behave, and there is at least one of each)."""
    from linter.inputs import InputError

    problems = []
    if not rule.examples_fail or not rule.examples_pass:
        problems.append(
            f"{rule.code}: needs fail and pass examples ([examples] fail = [...] and "
            "pass = [...] in its file) to be checked"
        )
    for which, examples in (("fail", rule.examples_fail), ("pass", rule.examples_pass)):
        for n, example in enumerate(examples, 1):
            shown = _shown(example)
            try:
                found = [d for d in lint_example(example, rule, config) if d.code == rule.code]
            except InputError as exc:
                problems.append(f"{rule.code}: {which} example {n} is not a template: {exc}")
                continue
            if which == "fail" and not found:
                problems.append(f"{rule.code}: fail example {n} does not fire: {shown}")
            elif which == "pass" and found:
                problems.append(
                    f"{rule.code}: pass example {n} fires ({found[0].message}): {shown}"
                )
    return problems


def _shown(example: Any) -> str:
    text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
    text = " ".join(text.split())
    return repr(text if len(text) <= 70 else text[:69] + "…")
