"""Property-based tests (hypothesis): lint never raises, every span is inside its text and on
characters that exist, results repeat, disguising text never removes a promotional or link
finding, and the engine's shortcuts (gates, pattern pre-tests, skipped components) never change
a finding.

Examples per test: 150 in CI (the default profile); a long session runs with
``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py`` (5,000 each, no deadline).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import lint_templates, lint_text
from linter.diagnostic import Diagnostic
from linter.inputs import InputError, parse_json, parse_text
from linter.source import LineIndex

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Text that looks like templates: words, placeholders, links, codes, emoji, invisible and
# look-alike characters, and any Unicode at all.
PIECES = st.sampled_from(
    [
        "Hi", "{{1}}", "{{first_name}}", "your order", "20% off", "use code SAVE20", "bit.ly/x",
        "bit[.]ly", "www.shop.in", "http://1.2.3.4/p", "free gift", "F R E E", "c0de",
        "fr\u200bee", "ｂｉｔ.ｌｙ", "Gеt", "*bold*", "\n", "  ", "$Name", "{{1}", "{1}}", "🎉",
        "is now a good time", "to talk", "share your CVV", "lucky draw", "\u202e", "\ufeff", "é",
        "e\u0301", ".", " dot ",
    ]
)  # fmt: skip
TEMPLATE_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=25).map(" ".join),
)


def _check_spans(diagnostics: list[Diagnostic], source: str) -> None:
    index = LineIndex(source)
    lines = re.split(r"\r\n?|\n", source)  # a lone CR ends a line, as in editors and LSP
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.end_line <= len(lines), d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d
        assert index.line_text(d.line) is not None


@given(TEMPLATE_TEXT)
def test_lint_never_raises_and_spans_are_inside_the_text(text: str) -> None:
    tpl = parse_text(text, "<t>")
    found = lint_templates([tpl])
    _check_spans(found, text)
    again = lint_templates([parse_text(text, "<t>")])
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        (d.code, d.line, d.column, d.message) for d in again
    ]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEMPLATE_TEXT,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "text",
                    "name",
                    "category",
                    "components",
                    "buttons",
                    "example",
                    "body_text",
                    "format",
                    "url",
                    "language",
                    "x",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)
COMPONENT = st.fixed_dictionaries(
    {"type": st.sampled_from(["BODY", "HEADER", "FOOTER", "BUTTONS", "body", "X"])},
    optional={
        "text": TEMPLATE_TEXT,
        "format": st.sampled_from(["TEXT", "IMAGE"]),
        "example": JSON_VALUES,
        "buttons": st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from(["URL", "QUICK_REPLY", "PHONE_NUMBER", "OTP"])},
                optional={"text": TEMPLATE_TEXT, "url": TEMPLATE_TEXT, "example": JSON_VALUES},
            ),
            max_size=4,
        ),
    },
)
TEMPLATE_JSON = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {"name": TEMPLATE_TEXT, "components": st.lists(COMPONENT, max_size=4)},
        optional={
            "category": st.sampled_from(["UTILITY", "MARKETING", "x"]),
            "language": st.text(),
        },
    ),
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(TEMPLATE_JSON, st.sampled_from([None, 2]))
def test_any_json_is_linted_or_refused_cleanly(value: object, indent: int | None) -> None:
    source = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        templates = parse_json(source, "<json>")
    except InputError as exc:  # a clean, one-line refusal is a fine outcome
        assert "\n" not in exc.message
        return
    found = lint_templates(templates)
    _check_spans(found, source)


PROMOTIONAL = [
    "Get 20% off your next order with code SAVE20.",
    "Track your parcel at bit.ly/3xTrk9 today.",
    "Claim your free gift now, only this weekend!",
    "Enter our lucky draw and win an iPhone.",
    "Visit http://192.168.1.20/pay to pay your bill.",
    "Buy one get one free on all shirts.",
    "Read more at www.kavyahome.in/offers",
]
WATCHED = ("TPL10", "TPL11", "TPL13")  # offers, links, contests


def _watched(text: str) -> set[str]:
    return {d.code for d in lint_text(text) if d.code.startswith(WATCHED)}


@given(
    st.sampled_from(PROMOTIONAL),
    st.lists(st.integers(min_value=0, max_value=200), max_size=6),
    st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]),
)
def test_zero_width_characters_never_remove_a_finding(
    text: str, positions: list[int], char: str
) -> None:
    before = _watched(text)
    disguised = text
    for p in sorted({p % (len(text) + 1) for p in positions}, reverse=True):
        disguised = disguised[:p] + char + disguised[p:]
    assert before <= _watched(disguised), repr(disguised)


@given(st.sampled_from(PROMOTIONAL), st.lists(st.booleans(), min_size=60, max_size=60))
def test_changing_letter_case_never_removes_a_finding(text: str, upper: list[bool]) -> None:
    before = _watched(text)
    recased = "".join(
        ch.upper() if upper[i % len(upper)] else ch.lower() for i, ch in enumerate(text)
    )
    assert before <= _watched(recased), repr(recased)


@pytest.mark.parametrize("text", PROMOTIONAL)
def test_each_promotional_text_is_caught_as_written(text: str) -> None:
    assert _watched(text)  # the properties above compare against a real finding


# -- the batch path's shortcuts against the plain engine ------------------------------------------

_SHORTCUTS: dict[str, object] = {}


def _linters() -> tuple[object, object]:
    """A linter with every shortcut switched on from the first template (gates, pattern
    pre-tests, skipping absent components) and one with none of them."""
    if not _SHORTCUTS:
        from linter.config import Config
        from linter.engine import GATES_AFTER, Linter
        from linter.gates import Gates
        from linter.kinds.pattern import PRETEST_AFTER, PatternCheck

        fast, slow = Linter(Config()), Linter(Config())
        fast._seen = GATES_AFTER
        for check in fast.checks:
            if isinstance(check, PatternCheck):
                check._finds = PRETEST_AFTER
        slow._gates = Gates([None] * len(slow.checks))
        slow.skip_absent = False
        _SHORTCUTS.update(fast=fast, slow=slow)
    return _SHORTCUTS["fast"], _SHORTCUTS["slow"]


@given(TEMPLATE_TEXT, st.sampled_from(["MARKETING", "UTILITY", "AUTHENTICATION"]))
def test_shortcuts_never_change_a_finding(text: str, category: str) -> None:
    fast, slow = _linters()
    found = []
    for linter in (fast, slow):
        tpl = parse_text(text, "<t>")
        tpl.category = category
        found.append([(d.code, d.line, d.column, d.message) for d in linter.lint([tpl])])  # type: ignore[attr-defined]
    assert found[0] == found[1]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.lists(TEMPLATE_JSON.filter(lambda v: isinstance(v, dict)), min_size=1, max_size=3),
    st.sampled_from([None, 2, "\t"]),
    st.sampled_from([None, [], ["TPL3"], "TPL3"]),
)
def test_add_ignore_keeps_json_valid_and_silences_what_it_found(
    values: list[dict[str, object]], indent: int | str | None, existing: object
) -> None:
    # --add-ignore rewrites a team's files: whatever the shape, the JSON must stay JSON, every
    # finding must be suppressed in its own template, and nothing else may change.
    from linter.fixes import _fixed
    from linter.suppress import suppressions

    if existing is not None:
        values = [{"templint_ignore": existing, **v} for v in values]
    source = json.dumps(values if len(values) > 1 else values[0], ensure_ascii=False, indent=indent)
    try:
        templates = parse_json(source, "drafts.json")
    except InputError:
        return
    found = lint_templates(templates)
    plan = suppressions(templates, found)
    assert not plan.left
    new, _ = _fixed("drafts.json", source, plan.edits.get("drafts.json", []))
    rewritten = json.loads(new)
    strip = [rewritten] if isinstance(rewritten, dict) else rewritten
    assert [{k: v for k, v in o.items() if k != "templint_ignore"} for o in strip] == [
        {k: v for k, v in o.items() if k != "templint_ignore"} for o in values
    ]
    left = {d.code for d in lint_templates(parse_json(new, "drafts.json"))}
    assert left <= {"TPL001", "TPL002"}, left


def test_a_lone_carriage_return_ends_a_line() -> None:
    # Editors and LSP clients break lines at "\r", "\r\n" and "\n"; a finding after a lone CR
    # was reported on line 1, column 11, where no editor shows it.
    for text in ("Line one.\rUse code SAVE20 now {{1}} ok.", "Line one.\r\nUse code SAVE20 now."):
        assert [(d.code, d.line, d.column) for d in lint_text(text)] == [("TPL102", 2, 1)]
    index = LineIndex("a\rb\r\nc\nd")
    assert [index.position(i) for i in (0, 2, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert [index.line_text(n) for n in (1, 2, 3, 4)] == ["a", "b\r", "c", "d"]
