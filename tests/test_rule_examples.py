"""Every rule's own examples: each `fail` example must trigger the rule, each `pass` must not."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import lint_example

from linter.rulebook import load_rules

RULES = load_rules()
FAIL = [(r.code, i, ex) for r in RULES for i, ex in enumerate(r.examples_fail)]
PASS = [(r.code, i, ex) for r in RULES for i, ex in enumerate(r.examples_pass)]


def _rule(code: str):
    return next(r for r in RULES if r.code == code)


def _category(code: str) -> str | None:
    rule = _rule(code)
    return None if "UTILITY" in rule.applies_to else rule.applies_to[0]


@pytest.mark.parametrize(("code", "i", "example"), FAIL, ids=[f"{c}-fail{i}" for c, i, _ in FAIL])
def test_fail_example_fires(code: str, i: int, example: object) -> None:
    codes = [d.code for d in lint_example(example, _category(code), _rule(code))]
    assert code in codes, f"{code} did not fire on its fail example {i}: {example!r} (got {codes})"


@pytest.mark.parametrize(("code", "i", "example"), PASS, ids=[f"{c}-pass{i}" for c, i, _ in PASS])
def test_pass_example_is_quiet(code: str, i: int, example: object) -> None:
    found = [d for d in lint_example(example, _category(code), _rule(code)) if d.code == code]
    assert not found, f"{code} fired on its pass example {i}: {found[0].message}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented_and_has_examples(rule) -> None:
    assert rule.code.startswith("TPL") and rule.code[3:].isdigit(), rule.code
    assert rule.name == rule.name.lower() and " " not in rule.name, rule.name
    assert rule.why.strip() and rule.fix.strip() and rule.summary.strip()
    if rule.kind not in ("engine",):
        assert rule.examples_fail, f"{rule.code} has no fail examples"
        assert rule.examples_pass, f"{rule.code} has no pass examples"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_a_rule_declares_the_fixes_its_findings_carry(rule) -> None:
    """`autofix` in a rule file (shown by `templint rule`) is what `lint --fix` really does
    on the rule's own fail examples: no undeclared edits, no declared fix that never comes."""
    kinds = {
        d.edit.safe
        for ex in rule.examples_fail
        for d in lint_example(ex, _category(rule.code), rule)
        if d.code == rule.code and d.edit is not None
    }
    expected = {"": set(), "safe": {True}, "unsafe": {False}, "mixed": {True, False}}
    assert kinds == expected[rule.autofix], (
        f"{rule.code} declares autofix = {rule.autofix!r}; its fail examples' edits are "
        f"{'safe' if kinds == {True} else 'unsafe' if kinds == {False} else sorted(kinds)}"
    )


def _capitals(text: str) -> str:
    """``text`` in capitals, letter for letter: "ß" as "ẞ", a letter whose capital is two
    ("ŉ") kept, variables ("{{name}}") as written."""
    out = []
    for part in re.split(r"(\{\{[^{}]*\}\})", text):
        if part.startswith("{{"):
            out.append(part)
            continue
        out.extend("ẞ" if c == "ß" else c.upper() if len(c.upper()) == 1 else c for c in part)
    return "".join(out)


def _latin(text: str) -> bool:
    return any("LATIN" in unicodedata.name(c, "") for c in text) and not any(
        unicodedata.name(c, "").startswith(("DEVANAGARI", "ARABIC", "CJK", "THAI")) for c in text
    )


CAPITALS = [
    (r.code, i, ex)
    for r in RULES
    if r.kind in ("pattern", "phrase")
    for i, ex in enumerate(r.examples_fail)
    if isinstance(ex, str) and _latin(ex) and _capitals(ex) != ex
]


@pytest.mark.parametrize(
    ("code", "i", "example"), CAPITALS, ids=[f"{c}-fail{i}-capitals" for c, i, _ in CAPITALS]
)
def test_fail_example_fires_in_capitals(code: str, i: int, example: str) -> None:
    """A pattern or phrase rule reads a message in capitals as it reads it in lower case: the
    regexes match case-insensitively, and so must every pre-test before them (the literal
    cache, the gates, phrase triggers, the tokenizer's split of "DON'T")."""
    text = _capitals(example)
    codes = [d.code for d in lint_example(text, _category(code), _rule(code))]
    assert code in codes, f"{code} did not fire on fail example {i} in capitals: {text!r}"


def test_capitals_split_contractions_but_not_acronyms() -> None:
    """The tokenizer's capital cases are its contractions' ("DON'T" as "DO", "N'T"): its other
    lower-case cases would split acronyms a message writes in capitals ("ID" as "I", "D")."""
    from linter.kinds.phrase import blank_english, make_doc

    nlp = blank_english()
    words = [t.text for t in make_doc(nlp, "WE HAVEN'T SPOKEN. Bring your photo ID, CANT form")]
    assert words[:3] == ["WE", "HAVE", "N'T"]
    assert "ID" in words and "CANT" in words
