"""A project's own rules (docs/project-rules.md): ``extend-rules`` adds them to the shipped
ones, every command that reads rules sees them, their examples can be run, and a code that
is already taken is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import rulebook
from linter.cli import main
from linter.config import Config, ConfigError, load_config

ACME2 = """code = "ACME2"
name = "competitor-name"
kind = "pattern"
severity = "error"
message = "Competitor named: '{match}'"
summary = "Finds our competitors' names."
why = "Our legal team asks us not to name them."
fix = "Name our own product instead."
patterns = ['\\bglobex\\b', '\\binitech\\b']

[examples]
fail = ["Hi {{1}}, Globex ships today."]
pass = ["Hi {{1}}, your order ships today."]
"""
COUPON = "Hi {{1}}, Globex ships today. Use code SAVE20 at checkout.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project with ``extend-rules``; ``run(*args)`` runs templint in it, reading its rule
    files afresh (a process reads each once)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ACME2.toml").write_text(ACME2, encoding="utf-8")
    (tmp_path / "templint.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(COUPON, encoding="utf-8")

    def run(*args: str):
        for cached in (rulebook._folder_rules, rulebook._file_rule, rulebook.load_rules):
            cached.cache_clear()
        res = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return res.exit_code, res.stdout, res.stderr

    return run


def test_extend_rules_adds_to_the_shipped_rules(project) -> None:
    code, out, _ = project("lint", "--format", "concise", "a.txt")
    assert code == 1
    found = {line.split()[1] for line in out.splitlines() if ": " in line}
    assert {"ACME2", "TPL102"} <= found, out  # the project's rule, and the coupon still caught


def test_rules_and_rule_read_the_configuration(project) -> None:
    code, out, _ = project("rules")
    codes = [line.split()[0] for line in out.splitlines()]
    assert code == 0 and "ACME2" in codes and "TPL101" in codes and "TPL002" in codes
    code, out, _ = project("rules", "--format", "json")
    assert code == 0 and '"code": "ACME2"' in out
    code, out, _ = project("rule", "ACME2")
    assert code == 0 and out.startswith("# competitor-name (ACME2)")
    code, out, _ = project("rule", "competitor-name")
    assert code == 0 and "Our legal team" in out
    code, _, err = project("rule", "ACME2", "--isolated")
    assert code == 2 and "no rule 'ACME2'" in err


def test_a_code_the_shipped_rules_have_is_refused_naming_both_files(
    project, tmp_path: Path
) -> None:
    clash = ACME2.replace("ACME2", "TPL101").replace("competitor-name", "rivals")
    (tmp_path / "rules" / "TPL101.toml").write_text(clash, encoding="utf-8")
    for args in (("lint", "a.txt"), ("rules",), ("rule", "ACME2")):
        code, out, err = project(*args)
        assert code == 2 and out == "", args
        (line,) = err.splitlines()
        assert line.startswith(f"templint: {tmp_path / 'rules' / 'TPL101.toml'}: code: TPL101 ")
        assert line.endswith("TPL101-discount-offer.toml"), line


def test_a_tpl_code_is_refused_even_when_free(project, tmp_path: Path) -> None:
    taken = ACME2.replace("ACME2", "TPL999").replace("competitor-name", "rivals")
    (tmp_path / "rules" / "TPL999.toml").write_text(taken, encoding="utf-8")
    code, _, err = project("lint", "a.txt")
    assert code == 2 and "TPL999.toml: code: TPL999: codes starting TPL are templint's" in err


def test_a_missing_rules_folder_is_a_config_error(tmp_path: Path) -> None:
    for key in ("extend-rules", "rules-dir"):
        (tmp_path / "templint.toml").write_text(f'{key} = "rulez"\n', encoding="utf-8")
        with pytest.raises(ConfigError, match=f"'{key}' folder 'rulez' not found"):
            load_config(tmp_path / "templint.toml")


def test_extend_rules_takes_single_files(tmp_path: Path) -> None:
    (tmp_path / "acme.toml").write_text(ACME2, encoding="utf-8")
    (tmp_path / "templint.toml").write_text('extend-rules = ["acme.toml"]\n', encoding="utf-8")
    config = load_config(tmp_path / "templint.toml")
    from linter.api import lint_text

    assert "ACME2" in {d.code for d in lint_text(COUPON, config=config)}


def test_rules_dir_replaces_but_keeps_the_engine_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule that fails at run time is reported as TPL002, though the folder has no
    TPL002 file (this raised KeyError: 'TPL002')."""
    from linter.api import lint_text

    monkeypatch.setattr("linter.kinds.pattern.TIMEOUT_SECONDS", 0.05)
    hang = ACME2.replace("['\\bglobex\\b', '\\binitech\\b']", "['(a|aa)+$']")
    (tmp_path / "hang.toml").write_text(hang.split("[examples]")[0], encoding="utf-8")
    found = lint_text("a" * 40 + "b, use code SAVE20", config=Config(rules_dir=str(tmp_path)))
    codes = {d.code for d in found}
    assert codes == {"TPL002"}, codes  # the shipped TPL102 is not there: replaced
    assert "ACME2" in found[0].message


def test_rule_check_runs_a_project_rules_examples(project, tmp_path: Path) -> None:
    code, out, err = project("rule", "ACME2", "--check")
    assert code == 0 and out == "", out
    assert "2 examples of 1 rule: every fail example fires" in err
    broken = ACME2.replace('pass = ["Hi {{1}}, your', 'pass = ["Hi {{1}}, Initech or your')
    (tmp_path / "rules" / "ACME2.toml").write_text(broken, encoding="utf-8")
    second = ACME2.replace("ACME2", "ACME3").replace("competitor-name", "other")
    (tmp_path / "rules" / "ACME3.toml").write_text(second.replace("Globex ships", "ok"), "utf-8")
    code, out, err = project("rule", "ACME", "--check")  # a prefix: every ACME rule
    assert code == 1
    assert out.splitlines() == [
        "ACME2: pass example 1 fires (Competitor named: 'Initech'): "
        "'Hi {{1}}, Initech or your order ships today.'",
        "ACME3: fail example 1 does not fire: 'Hi {{1}}, ok today.'",
    ]
    assert "2 problems in 4 examples of 2 rules" in err


def test_a_project_rules_text_is_printed_with_its_terminal_escapes_shown(
    project, tmp_path: Path
) -> None:
    """A project's rule file is input like a template: ``rules``, ``rules --format markdown``
    and ``rule CODE`` show its control characters escaped, as ``lint`` does, so a summary
    cannot set the terminal's title, clear it or reorder what is shown."""
    hostile = (
        ACME2.replace("Finds our", "Finds \\u001b]0;pwned\\u0007our \\u001b[2J")
        .replace("legal team", "legal\\u202e team\\r")
        .replace("Globex ships", "Globex\\u009b ships")
    )
    (tmp_path / "rules" / "ACME2.toml").write_text(hostile, encoding="utf-8")
    for args in (("rules",), ("rules", "--format", "markdown"), ("rule", "ACME2")):
        code, out, _ = project(*args)
        assert code == 0, args
        assert not any(c in out for c in "\x1b\x07\x9b\u202e\r"), (args, out)
        assert "\\x1b]0;pwned\\x07our \\x1b[2J" in out, (args, out)
    _, out, _ = project("rule", "ACME2")
    assert "legal\\u202e team\\r" in out and "Globex\\x9b ships" in out


ACME3 = """code = "ACME3"
name = "competitor-product"
kind = "pattern"
severity = "warning"
message = "Competitor's product named: '{match}'"
why = "A rival's product line is worse to name than the rival."
fix = "Name our own product instead."
patterns = ['\\b(?:globex|initech|acme)\\s+\\w+\\s+(?:phone|plan)\\b']
defers-to = ["ACME2"]

[examples]
fail = ["Your order ships today. The Acme Ultra phone is not ours."]
pass = ["The Globex Ultra phone is not ours.", "Hi {{1}}, your order ships today."]
"""


def test_a_rule_that_defers_leaves_the_same_words_to_the_other_rule(project, tmp_path) -> None:
    (tmp_path / "rules" / "ACME3.toml").write_text(ACME3, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Your Globex Ultra phone, Initech Max plan and Acme Mini phone are not ours.\n",
        encoding="utf-8",
    )

    def codes(*args: str) -> list[str]:
        _, out, _ = project("lint", "--format", "concise", *args, "b.txt")
        return sorted(line.split()[1] for line in out.splitlines() if ": ACME" in line)

    # 'Globex' and 'Initech' are ACME2's, and ACME3's product names overlap them: one finding
    # each, the more specific rule's; 'Acme Mini phone' overlaps none of ACME2's: ACME3's
    assert codes("--select", "ACME") == ["ACME2", "ACME2", "ACME3"]
    # with ACME2 not run, ACME3's findings stand: a rule left out takes no finding with it
    assert codes("--select", "ACME3") == ["ACME3", "ACME3", "ACME3"]
    assert codes("--select", "ACME", "--ignore", "ACME2") == ["ACME3", "ACME3", "ACME3"]
    # its examples run beside the rules it defers to (its first pass example needs ACME2)
    code, out, err = project("rule", "ACME3", "--check")
    assert code == 0, out + err
    _, out, _ = project("rule", "ACME3")
    assert "Defers to: ACME2" in out


def test_defers_to_must_name_another_rule(project, tmp_path) -> None:
    (tmp_path / "rules" / "ACME3.toml").write_text(
        ACME3.replace('defers-to = ["ACME2"]', 'defers-to = ["ACME3"]'), encoding="utf-8"
    )
    code, _, err = project("rules")
    assert code == 2
    assert "ACME3.toml: defers-to[0]: 'ACME3' must be another rule's code" in err
