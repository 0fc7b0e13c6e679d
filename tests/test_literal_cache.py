"""The shipped pattern rules' pre-tests, read ahead of time (linter/kinds/literal_cache.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import rulebook
from linter.api import lint_text
from linter.config import Config
from linter.engine import Linter
from linter.kinds import literal_cache
from linter.kinds.pattern import PatternCheck
from linter.rulebook import load_rules

EDITED = """
code = "TPL990"
name = "says-deal"
kind = "pattern"
severity = "warning"
message = "Says '{match}'"
why = "Test rule."
fix = "Remove it."
patterns = ['\\bdeal\\b']
exceptions = ['\\bno\\s+deal\\b']
"""


def test_the_committed_file_matches_the_shipped_rules() -> None:
    assert literal_cache.PATH.read_text(encoding="utf-8") == literal_cache.render(load_rules()), (
        "linter/data/pattern_literals.json is stale: run `python -m linter.kinds.literal_cache`"
    )


def test_the_parsed_rule_files_match_the_shipped_rules() -> None:
    assert rulebook.PARSED_PATH.read_text(encoding="utf-8") == rulebook.render_parsed(), (
        "linter/data/rules_parsed.json is stale: run `python -m linter.kinds.literal_cache`"
    )


def test_a_rule_from_the_parsed_file_is_the_rule_its_toml_gives(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from linter.paths import rules_dir

    files = sorted(rules_dir().glob("**/*.toml"))
    monkeypatch.setattr(rulebook, "_PARSED", None)  # read the shipped file afresh
    cached = [rulebook.load_rule(p) for p in files]
    assert rulebook._PARSED == {}, "every shipped rule file was in the parsed file"
    parsed = [rulebook.load_rule(p) for p in files]  # handed out once: now from the TOML
    assert cached == parsed and len(parsed) > 70
    # an edited copy of a shipped rule misses and is read as written
    edited = tmp_path / "TPL501.toml"
    edited.write_text("extra-param = 1\n" + files[0].read_text(encoding="utf-8"), "utf-8")
    monkeypatch.setattr(rulebook, "_PARSED", None)
    assert rulebook.load_rule(edited).params["extra-param"] == 1


def _pattern_checks(linter: Linter) -> list[PatternCheck]:
    return [c for c in linter.checks if isinstance(c, PatternCheck)]


def test_a_clean_template_compiles_almost_no_shipped_regex() -> None:
    """What keeps a cold `templint lint` of one template short: every shipped pattern rule is
    in the cache, and a rule compiles its regexes only for a text holding its strings."""
    linter = Linter(Config())
    checks = _pattern_checks(linter)
    assert checks and all(c._cached for c in checks)
    from linter.inputs import parse_text

    linter.lint([parse_text("Your order {{1}} has shipped and will arrive on {{2}}.", "t")])
    compiled = [c.rule.code for c in checks if c._compiled is not None]
    assert len(compiled) <= len(checks) // 3, compiled  # 6 of 24: 'your', 'order', 'will'
    assert not [c.rule.code for c in checks if c._excepting], "no match, no exception compiled"


def test_every_shipped_pattern_rule_has_strings_to_pre_test() -> None:
    """A pattern the pre-test cannot read (regex-module syntax such as \\K, a lookbehind
    Python's parser refuses) makes its whole rule run on every template: TPL102 did, at
    ~100 us a template, until a pattern added to it was rewritten."""
    checks = _pattern_checks(Linter(Config()))
    assert checks
    assert not [c.rule.code for c in checks if c.literals() is None]


def test_the_cached_pretest_finds_what_the_regex_finds() -> None:
    """A hit on the first text still comes through the pre-test (and an exception still
    excuses one), with the same spans as a rule read at run time."""
    text = "Order shipped. Get 20% off next time, no discount on gift cards, use code SAVE20."
    cached = [(d.code, d.column, d.end_column) for d in lint_text(text, config=Config())]
    assert {"TPL101", "TPL102"} <= {c for c, _, _ in cached}


def test_an_edited_or_own_rule_is_read_at_run_time(tmp_path: Path) -> None:
    (tmp_path / "TPL990.toml").write_text(EDITED, encoding="utf-8")
    linter = Linter(Config(rules_dir=str(tmp_path)))
    (check,) = _pattern_checks(linter)
    assert not check._cached and check._compiled is not None  # a broken regex fails at load
    from linter.inputs import parse_text

    found = linter.lint([parse_text("A deal for you. No deal on Sundays.", "t")])
    assert [(d.code, d.column) for d in found if d.code == "TPL990"] == [("TPL990", 3)]


def test_a_broken_cache_file_only_costs_speed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "pattern_literals.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(literal_cache, "PATH", bad)
    monkeypatch.setattr(literal_cache, "_LOADED", None)
    linter = Linter(Config())
    assert not any(c._cached for c in _pattern_checks(linter))
    from linter.inputs import parse_text

    codes = {d.code for d in linter.lint([parse_text("Get 20% off today!", "t")])}
    assert "TPL101" in codes
    monkeypatch.setattr(literal_cache, "_LOADED", None)  # the next test reads the real file


def test_rewriting_after_a_broken_rule_says_which_file_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from linter import paths

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "TPL990-says-deal.toml").write_text(
        EDITED.replace("patterns = ['\\bdeal\\b']", "patterns = ['(deal']"), encoding="utf-8"
    )
    monkeypatch.setattr(paths, "rules_dir", lambda: rules)
    literals, parsed = tmp_path / "pattern_literals.json", tmp_path / "rules_parsed.json"
    monkeypatch.setattr(literal_cache, "PATH", literals)
    monkeypatch.setattr(rulebook, "PARSED_PATH", parsed)
    assert literal_cache.main() == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("literal_cache: ") and "TPL990-says-deal.toml" in err
    assert "invalid regex" in err and "Traceback" not in err
    assert not literals.exists() and not parsed.exists()


def _merge(tmp_path: Path, base: str, ours: str, theirs: str) -> str:
    """git's three-way merge of the three texts; fails the test on a conflict."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    paths = []
    for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    merged = subprocess.run(
        [git, "merge-file", "-p", *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert merged.returncode == 0, "the two edits conflicted"
    return merged.stdout


def test_edits_to_two_rules_on_two_branches_merge_in_the_generated_files(
    tmp_path: Path,
) -> None:
    """Both generated files are named and ordered by rule, so two branches that each edit one
    rule (here the neighbours TPL101 and TPL102) merge with git's own three-way merge, and the
    merge is what regenerating would write."""
    import dataclasses
    import shutil

    from linter.paths import rules_dir

    def edited(rules: list, code: str) -> list:
        return [
            dataclasses.replace(
                r, params={**r.params, "patterns": [*r.params["patterns"], r"\bextra\w+"]}
            )
            if r.code == code
            else r
            for r in rules
        ]

    rules = load_rules()
    both = edited(edited(rules, "TPL101"), "TPL102")
    texts = [literal_cache.render(r) for r in (rules, edited(rules, "TPL101"), both)]
    texts[2] = literal_cache.render(edited(rules, "TPL102"))
    assert _merge(tmp_path, *texts) == literal_cache.render(both)

    # the parsed rule files: the same two edits made to copies of the rule folder
    folders = {}
    for name, codes in (("base", ()), ("ours", ("TPL101",)), ("theirs", ("TPL102",))):
        folders[name] = shutil.copytree(rules_dir(), tmp_path / f"rules-{name}")
        folders["both"] = folders.get("both") or shutil.copytree(rules_dir(), tmp_path / "both")
        for code in codes:
            for folder in (folders[name], folders["both"]):
                path = next(folder.glob(f"**/{code}-*.toml"))
                path.write_text(path.read_text("utf-8") + "\n# edited\n", encoding="utf-8")
    parsed = [rulebook.render_parsed(str(folders[n])) for n in ("base", "ours", "theirs")]
    assert _merge(tmp_path, *parsed) == rulebook.render_parsed(str(folders["both"]))
