"""A rule file that is wrong stops the run when it is read: one line ``PATH: field: problem``
per file and exit 2 (1 would read as findings in CI), before any template is linted; never a
traceback, a rule that silently never fires, nor a rule that fails on every template."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import rulebook
from linter.cli import main
from linter.paths import rules_dir

HEAD = """code = "ACME9"
name = "no-globex"
kind = "{kind}"
severity = "error"
message = "{message}"
why = "Globex is a competitor."
fix = "Name our own products."
"""
TEMPLATE = "Hi {{1}}, Globex ships today.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project with a rules folder in its config; ``lint(rule_text)`` writes the rule file
    and lints one template, returning (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templint.toml").write_text('rules-dir = "rules"\n', encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "a.txt").write_text(TEMPLATE, encoding="utf-8")

    def lint(*files: str, args: tuple[str, ...] = ("lint", "a.txt")):
        for old in (tmp_path / "rules").glob("*.toml"):
            old.unlink()
        for n, text in enumerate(files):
            (tmp_path / "rules" / f"R{n}.toml").write_text(text, encoding="utf-8")
        res = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return res.exit_code, res.stdout, res.stderr

    return lint


def rule(body: str, kind: str = "pattern", message: str = "Competitor named: {match}") -> str:
    return HEAD.format(kind=kind, message=message) + body


BROKEN = [
    # (the rule file, the field named, words of the problem)
    (rule("patterns = ['(unclosed']"), "patterns[0]", "invalid regex '(unclosed': missing )"),
    (rule("patterns = ['globex']\nexceptions = ['[a-']"), "exceptions[0]", "invalid regex"),
    (rule("patterns = 'Globex'"), "patterns", "not one string"),
    (rule("patterns = [1, 2]"), "patterns[0]", "must be a non-empty string"),
    (rule("patterns = []"), "patterns", "non-empty list"),
    (rule("pattern = ['globex']"), "pattern", "did you mean patterns?"),
    (rule("patterns = ['globex']\nexception = ['x']"), "exception", "did you mean exceptions?"),
    (rule("patterns = ['globex']\ncase-sensitive = 'yes'"), "case-sensitive", "true or false"),
    (rule("patterns = ['globex']\nreplace = '{mach}'"), "replace", "{mach} is no value"),
    (rule("phrases = 'globex'", kind="phrase"), "phrases", "not one string"),
    (rule("phrases = ['globex', 3]", kind="phrase"), "phrases[1]", "non-empty string"),
    (rule("patterns = ['globex']\napplies-to = ['UTILTY']"), "applies-to[0]", "UTILITY?"),
    (rule("patterns = ['globex']\ncomponents = ['bdy']"), "components[0]", "did you mean body?"),
    (rule("patterns = ['globex']", message="x {0}"), "message", "{0} is not a value's name"),
    (rule("patterns = ['globex']", message="Found {match here"), "message", "expected '}'"),
    (rule("patterns = ['globex']", message="Found {matched}"), "message", "it has {match}"),
    # a width is the rule file's to choose: formatting it once took 16 s and 5.9 GB
    (rule("patterns = ['globex']", message="Found {match:>2000000000}"), "message", "no width"),
    (rule("patterns = ['globex']", message="Found {match:{match}}"), "message", "no width"),
    (rule("patterns = ['globex']", message="Found {match!r}"), "message", "no !conversion"),
    # a number's format on a text raised "Cannot specify ',' with 's'" at every finding
    (rule("patterns = ['globex']", message="Found {match:,}"), "message", "is text, not a"),
    (rule("patterns = ['globex']", message="Found {match:.1f}"), "message", "is text, not a"),
    (rule("patterns = ['(?P<who>globex)']\nreplace = '{who:_}'"), "replace", "is text, not a"),
    (rule("check = 'insecure'", kind="domain", message="{link:.0%}"), "message", "is text"),
    (rule("patterns = ['globex']\nreplace = '{match:>99999}'"), "replace", "no width"),
    (
        rule("patterns = [[{LOWERR = 'globex'}]]", kind="phrase"),
        "patterns[0][0].LOWERR",
        "not a token attribute",
    ),
    (
        rule("patterns = [[{LOWER = 'globex'}, {POS = 'VERB'}]]", kind="phrase"),
        "patterns[0][1].POS",
        "trained spaCy pipeline",
    ),
    (
        rule("patterns = [[{LOWER = 'globex', OP = '??'}]]", kind="phrase"),
        "patterns[0][0].OP",
        "is not one of",
    ),
    (
        rule("patterns = [[{IS_ALPHA = true}]]", kind="phrase"),
        "patterns[0]",
        "list such words in 'triggers'",
    ),
    (rule("patterns = ['globex']", kind="patern"), "kind", "did you mean pattern?"),
    (rule("check = 'shortner'", kind="domain", message="{domain}"), "check", "shortener?"),
    (rule("check = 'shortener'", kind="domain", message="{match}"), "message", "{match} is no"),
    (rule("patterns = ['globex']").replace('"ACME9"', '"acme9"'), "code", "capital letters"),
    (rule("patterns = ['globex']").replace('"no-globex"', '"No Globex"'), "name", "lower-case"),
    (rule("patterns = ['globex']").replace('severity = "error"', ""), "severity", "missing"),
    (rule("patterns = ['globex']\nexamples = ['Globex']"), "examples", "must be a table"),
    (rule("patterns = ['globex']\n[examples]\nfails = ['Globex']"), "examples.fails", "unknown"),
]


@pytest.mark.parametrize(("text", "field", "problem"), BROKEN, ids=[b[1] for b in BROKEN])
def test_a_broken_rule_file_is_one_line_naming_file_and_field(
    project, tmp_path: Path, text: str, field: str, problem: str
) -> None:
    code, out, err = project(text)
    assert code == 2, (out, err)
    assert out == "", "nothing was linted"
    (line,) = err.splitlines()
    where = f"templint: {tmp_path / 'rules' / 'R0.toml'}: {field}: "
    assert line.startswith(where), line
    assert problem in line, line


def test_every_broken_file_is_named_at_once(project, tmp_path: Path) -> None:
    good = rule("patterns = ['globex']").replace("ACME9", "ACME8").replace("no-globex", "ok")
    code, _, err = project(rule("patterns = ['(']"), good, rule("phrases = 'x'", kind="phrase"))
    assert code == 2
    folder = tmp_path / "rules"
    assert [line.split(": ")[1:3] for line in err.splitlines()] == [
        [str(folder / "R0.toml"), "patterns[0]"],
        [str(folder / "R2.toml"), "phrases"],
    ]


def test_a_text_cut_short_is_a_format_a_text_takes(project) -> None:
    code, out, err = project(rule("patterns = ['globex']", message="Found {match:.3}"))
    assert (code, err) == (1, "") and "Found Glo" in out


def test_a_format_the_value_does_not_take_shows_the_value(project, tmp_path: Path) -> None:
    """A kind that does not name its values cannot have its message checked when read: a
    number's format of a text value shows the text, where it stopped the run."""
    body = "check = 'category'\napplies-to = ['MARKETING', 'UTILITY', 'AUTHENTICATION']\n"
    text = rule(body, kind="format", message="Category {category:,}, not {category:.1f}")
    template = '{"name": "x", "language": "en_US", "category": "PROMO", "components": []}'
    (tmp_path / "t.json").write_text(template, encoding="utf-8")
    code, out, err = project(text, args=("lint", "--format", "concise", "t.json"))
    assert (code, err) == (1, ""), err
    assert "ACME9 [error] Category PROMO, not PROMO" in out


def test_two_files_with_one_code_name_both(project, tmp_path: Path) -> None:
    twin = rule("patterns = ['initech']").replace("no-globex", "no-initech")
    code, _, err = project(rule("patterns = ['globex']"), twin)
    folder = tmp_path / "rules"
    assert code == 2
    assert (
        err == f"templint: {folder / 'R1.toml'}: code: ACME9 is also defined in "
        f"{folder / 'R0.toml'}\n"
    )


@pytest.mark.parametrize("args", [("lint", "a.txt"), ("lint", "empty/"), ("rules",)])
def test_the_rule_files_are_checked_before_any_template(
    project, tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = project(rule("patterns = ['(unclosed']"), args=args)
    assert code == 2 and "R0.toml: patterns[0]: invalid regex" in err, (out, err)


def test_a_good_rule_file_still_fires(project) -> None:
    """A message may use the patterns' named groups, and ``replace`` too."""
    text = rule("patterns = ['(?P<rival>globex|initech)']\nreplace = 'our own'", message="{rival}")
    code, out, err = project(text)
    assert code == 1, err
    assert "ACME9 [error] Globex" in out and "our own" in out


def test_every_shipped_rule_passes_its_kinds_checks() -> None:
    """Run time trusts the shipped files (``load_rule``: compiling their regexes would cost
    every run ~0.5 s); this is where they are checked as a project's rule files are."""
    problems = []
    for path in sorted(rules_dir().glob("**/*.toml")):
        try:
            rulebook.load_rule(path, shipped=False)
        except rulebook.RuleFileError as exc:
            problems.append(str(exc))
    assert not problems, "\n".join(problems)


def test_no_shipped_rule_file_repeats_an_example() -> None:
    """An example listed twice (TPL101 had one Spanish fail example twice) checks nothing the
    first copy does not, and one in both lists cannot pass."""
    import json

    problems = []
    for rule in rulebook.load_rules(rules_dir()):
        seen: dict[str, str] = {}
        for which, examples in (("fail", rule.examples_fail), ("pass", rule.examples_pass)):
            for n, example in enumerate(examples, 1):
                key = json.dumps(example, sort_keys=True, ensure_ascii=False)
                if key in seen:
                    problems.append(f"{rule.code}: {which} example {n} repeats {seen[key]}")
                seen.setdefault(key, f"{which} example {n}")
    assert not problems, "\n".join(problems)


def test_a_run_does_not_compile_the_shipped_rules_to_check_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(rule: rulebook.Rule) -> None:
        raise AssertionError(f"{rule.code} was checked by its kind at load")

    monkeypatch.setattr(rulebook, "validate_params", never)
    rulebook._folder_rules.cache_clear()
    rulebook.load_rules.cache_clear()
    try:
        assert len(rulebook.load_rules()) > 80
    finally:
        rulebook._folder_rules.cache_clear()
        rulebook.load_rules.cache_clear()


def test_rule_check_runs_the_kinds_checks_on_a_shipped_rule_edited_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run trusts the shipped folder's files; ``rule --check`` on one edited there checks its
    parameters as the test suite and ``python -m linter.kinds.literal_cache`` do: a field the
    kind does not read passed before, its examples still behaving."""
    import shutil

    shipped = tmp_path / "rules"
    shutil.copytree(rules_dir() / "engine", shipped / "engine")
    source = next(rules_dir().glob("**/TPL102-*.toml"))
    text = source.read_text(encoding="utf-8")
    edited = text.replace('kind = "pattern"\n', 'kind = "pattern"\nexception = ["globex"]\n', 1)
    assert edited != text
    (shipped / source.name).write_text(edited, encoding="utf-8")
    monkeypatch.setattr(rulebook, "rules_dir", lambda: shipped)
    monkeypatch.chdir(tmp_path)
    rulebook.forget_rules()
    try:
        result = CliRunner().invoke(main, ["rule", "TPL102", "--check", "--isolated"])
    finally:
        rulebook.forget_rules()
    assert result.exit_code == 2, result.output
    assert f"{source.name}: exception: a pattern rule has no such field" in result.output
