"""The CLI end to end: formats, exit codes, configuration, suppressions, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main

OFFER = "Hi {{1}}, your order has shipped. Get 20% off your next order!\n"
CLEAN = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.\n"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_output_points_at_the_offer_with_caret_and_fix(run, tmp_path: Path) -> None:
    f = write(tmp_path / "offer.txt", OFFER)
    res = run("lint", "--isolated", f)
    assert res.exit_code == 1
    first = res.output.splitlines()[0]
    assert first.startswith(f"{f}:1:39: TPL101 [error]")
    lines = res.output.splitlines()
    assert lines[1] == "    " + OFFER.rstrip("\n")
    assert lines[2] == "    " + " " * 38 + "^" * len("20% off")
    assert lines[3].startswith("    fix: ")
    assert "1 template in 1 file: 1 error" in res.output


def test_clean_template_exits_zero(run, tmp_path: Path) -> None:
    f = write(tmp_path / "clean.txt", CLEAN)
    res = run("lint", "--isolated", f)
    assert res.exit_code == 0, res.output
    assert "all clean" in res.output


def test_json_output_fields(run, tmp_path: Path) -> None:
    f = write(tmp_path / "offer.txt", OFFER)
    res = run("lint", "--isolated", "--format", "json", "--select", "TPL101", f)
    items = json.loads(res.output)
    assert [i["code"] for i in items] == ["TPL101"]
    item = items[0]
    for key in (
        "file",
        "template",
        "component",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
    ):
        assert key in item
    assert (item["line"], item["column"], item["end_column"]) == (1, 39, 46)
    assert item["template"] == "offer" and item["component"] == "body"
    # as linted: a text file with no directive takes the defaults
    assert item["category"] == "UTILITY" and item["language"] is None


def test_json_output_says_the_category_and_language_each_template_was_linted_as(
    run, tmp_path: Path
) -> None:
    declared = "# templint: category AUTHENTICATION\n# templint: language pt_BR\n" + OFFER
    write(tmp_path / "d" / "declared.txt", declared)
    write(tmp_path / "d" / "plain.txt", OFFER)
    res = run(
        "lint",
        "--isolated",
        "--format",
        "json",
        "--select",
        "TPL101",
        "--language",
        "es",
        str(tmp_path / "d"),
    )
    seen = {i["template"]: (i["category"], i["language"]) for i in json.loads(res.output)}
    # a directive wins over --language; a file without one takes it
    assert seen == {"declared": ("AUTHENTICATION", "pt_BR"), "plain": ("UTILITY", "es")}


def test_github_annotations(run, tmp_path: Path) -> None:
    f = write(tmp_path / "offer.txt", OFFER)
    res = run("lint", "--isolated", "--format", "github", "--select", "TPL101", f)
    assert res.output.startswith("::error file=offer.txt,line=1,col=39,endLine=1,endColumn=46,")
    assert "title=TPL101 discount-offer::" in res.output


def test_ci_reports_name_files_from_the_repository_root(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A job run in a subfolder (working-directory:) gave "../tab.txt" or "tab.txt", which
    # code scanning and annotations could not place in the repository.
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    (tmp_path / ".git").mkdir()
    write(tmp_path / "whatsapp" / "offer.txt", OFFER)
    sub = tmp_path / "whatsapp" / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    args = ("lint", "--isolated", "--select", "TPL101", "../offer.txt")
    assert run(*args, "--format", "github").output.startswith("::error file=whatsapp/offer.txt,")
    sarif = json.loads(run(*args, "--format", "sarif").output)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "whatsapp/offer.txt"
    # the checkout GitHub names wins over a nested git folder
    (tmp_path / "whatsapp" / ".git").mkdir()
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert run(*args, "--format", "github").output.startswith("::error file=whatsapp/offer.txt,")


def test_fail_on_and_exit_zero(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.txt", OFFER)
    assert run("lint", "--isolated", f, "--exit-zero").exit_code == 0
    # Downgrade to a warning through config: not failing at the default level, failing at warning.
    write(tmp_path / "templint.toml", '[severity]\nTPL101 = "warning"\n')
    assert run("lint", "--select", "TPL101", f).exit_code == 0
    assert run("lint", "--select", "TPL101", "--fail-on", "warning", f).exit_code == 1
    # the command line takes every value the config does
    write(tmp_path / "templint.toml", '[severity]\nTPL101 = "info"\n')
    assert run("lint", "--select", "TPL101", "--fail-on", "warning", f).exit_code == 0
    assert run("lint", "--select", "TPL101", "--fail-on", "info", f).exit_code == 1


def test_a_bad_fail_on_names_every_value_the_config_accepts(run, tmp_path: Path) -> None:
    # 'info' is accepted (a run with info findings then fails) but the message for a bad
    # value named only 'warning' and 'error'.
    f = write(tmp_path / "t.txt", OFFER)
    write(tmp_path / "templint.toml", 'fail-on = "loud"\n')
    res = run("lint", f)
    assert res.exit_code == 2
    assert res.output == (
        f"templint: {tmp_path / 'templint.toml'}: "
        "'fail-on' must be 'error', 'warning' or 'info', not 'loud'\n"
    )
    write(tmp_path / "templint.toml", 'fail-on = "info"\n[severity]\nTPL101 = "info"\n')
    assert run("lint", "--select", "TPL101", f).exit_code == 1


def test_config_select_ignore_and_cli_override(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.txt", OFFER)
    write(tmp_path / "pyproject.toml", '[tool.templint]\nignore = ["TPL1"]\n')
    res = run("lint", "--format", "json", f)
    assert not [i for i in json.loads(res.output) if i["code"].startswith("TPL1")]
    res = run("lint", "--format", "json", "--isolated", "--select", "TPL10", f)
    assert {i["code"] for i in json.loads(res.output)} == {"TPL101"}


def test_command_line_selection_layers_on_the_config(run, tmp_path: Path) -> None:
    # ruff's layers: --select starts afresh (what is named runs, even if the file ignores
    # it); --ignore adds to the file's ignore instead of replacing it.
    f = write(tmp_path / "t.txt", "Hi {{1}}, your order has shipped. Use code SAVE20 for 20% off!")
    write(tmp_path / "templint.toml", 'ignore = ["TPL101"]\n')
    codes = {i["code"] for i in json.loads(run("lint", "--format", "json", f).output)}
    assert "TPL101" not in codes and "TPL102" in codes
    res = run("lint", "--format", "json", "--select", "TPL101", f)
    assert {i["code"] for i in json.loads(res.output)} == {"TPL101"}
    res = run("lint", "--format", "json", "--ignore", "TPL102", f)
    codes = {i["code"] for i in json.loads(res.output)}
    assert codes and not codes & {"TPL101", "TPL102"}


@pytest.mark.parametrize(
    "value",
    ['"abc"', "1e400", "99999999999999999999999999", "true", "-1", "0", "[1]", "9" * 5000],
    ids=["string", "float-inf", "huge", "bool", "negative", "zero", "list", "5000-digits"],
)
def test_a_bad_max_file_size_is_one_line_not_a_traceback_or_every_file_unreadable(
    run, tmp_path: Path, value: str
) -> None:
    # "abc" and 1e400 were tracebacks (ValueError, OverflowError); true and -1 made every
    # file "too large", silently; a 5000-digit integer broke tomllib itself.
    f = write(tmp_path / "t.txt", "Hi {{1}}, your order has shipped.")
    write(tmp_path / "templint.toml", f"max-file-size = {value}\n")
    res = run("lint", f)
    assert res.exit_code == 2, res.output
    (line,) = res.output.splitlines()
    assert line.startswith(f"templint: {tmp_path / 'templint.toml'}: "), line
    assert "max-file-size" in line or "invalid TOML" in line, line
    write(tmp_path / "templint.toml", "max-file-size = 1048576\n")
    assert run("lint", f).exit_code == 0


def test_a_broken_pyproject_that_configures_templint_is_an_error(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Passing over it linted under the parent folder's settings, silently.
    write(tmp_path / "pyproject.toml", '[tool.templint]\nignore = ["TPL101"]\n')
    sub = tmp_path / "a"
    sub.mkdir()
    write(sub / "pyproject.toml", '[tool.templint]\nfail-on = "warning"\n[project\n')
    f = write(sub / "t.txt", OFFER)
    monkeypatch.chdir(sub)
    res = run("lint", f)
    assert res.exit_code == 2 and "a/pyproject.toml: invalid TOML" in res.output
    # one that is broken but says nothing of templint is not ours to judge
    write(sub / "pyproject.toml", "[project\n")
    assert "TPL101" not in run("lint", f).output


def test_a_selection_that_leaves_no_rule_is_an_error(run, tmp_path: Path) -> None:
    # Linting with no rule printed "all clean" about nothing checked.
    f = write(tmp_path / "t.txt", OFFER)
    write(tmp_path / "templint.toml", 'select = ["TPL101"]\nignore = ["TPL1"]\n')
    res = run("lint", f)
    assert res.exit_code == 2 and "no rule left to run: select TPL101" in res.output
    assert "all clean" not in res.output
    # each part names where it came from: both from the command line here (it said "(None)")
    res = run("lint", "--isolated", "--select", "TPL101", "--ignore", "TPL101", f)
    assert res.exit_code == 2
    assert "select TPL101 (command line); ignore TPL101 (command line)" in res.output


def test_bad_config_is_one_line_exit_2(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.txt", CLEAN)
    write(tmp_path / "templint.toml", "select = [\n")
    res = run("lint", f)
    assert res.exit_code == 2
    assert "templint.toml: invalid TOML" in res.output
    write(tmp_path / "templint.toml", 'colour = "red"\n')
    res = run("lint", f)
    assert res.exit_code == 2 and "unknown setting(s) colour" in res.output
    write(tmp_path / "templint.toml", "brands = [42]\n")
    res = run("lint", f)
    assert res.exit_code == 2 and "'brands' must be a list of names" in res.output
    # a vocabulary file that is not there: one line, not TPL002 on every template
    write(tmp_path / "templint.toml", 'accept = ["nope.txt"]\n')
    res = run("lint", f)
    assert res.exit_code == 2 and "TPL002" not in res.output
    assert res.output.strip().endswith(
        f"'accept' file 'nope.txt' not found (looked for {tmp_path / 'nope.txt'})"
    )
    assert "templint.toml" in res.output and len(res.output.strip().splitlines()) == 1
    write(tmp_path / "templint.toml", "[rules.TPL501]\nthreshold = 7\n")
    res = run("lint", f)
    assert res.exit_code == 2
    assert "templint.toml: [rules.TPL501]: 'threshold' must be a number from 0 to 1" in res.output


def test_templint_toml_takes_the_pyproject_block_as_it_is(run, tmp_path: Path) -> None:
    """The README's block is headed [tool.templint]; pasted into templint.toml it used to be
    'unknown setting(s) tool'."""
    f = write(tmp_path / "t.txt", OFFER)
    write(tmp_path / "templint.toml", '[tool.templint]\nignore = ["TPL1"]\n')
    res = run("lint", "--format", "json", f)
    assert res.exit_code in (0, 1), res.output
    assert not [i for i in json.loads(res.output) if i["code"].startswith("TPL1")]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("[rules.TPL303]\nmx = 50\n", "[rules.TPL303]: unknown option 'mx' for body-too-long; "
         "it reads: max"),
        ('[rules.TPL303]\nmax = "80"\n', "[rules.TPL303]: 'max' must be a number, not '80'"),
        ("[rules.TPL999]\nmax = 3\n", "[rules.TPL999]: no such rule"),
        ("[rules.body-too-long]\nmax = 3\n", "[rules.body-too-long]: rules are keyed by code; "
         "write [rules.TPL303]"),
        ('select = ["TLP101"]\n', "select: 'TLP101' matches no rule code or prefix"),
        ('ignore = ["TPL9"]\n', "ignore: 'TPL9' matches no rule code or prefix"),
        ('[severity]\nTPL1O1 = "info"\n', "severity: 'TPL1O1' matches no rule"),
        ('[rules.TPL111]\ncheck = "ip-address"\n', "[rules.TPL111]: 'check' defines "
         "url-shortener and cannot be set"),
        ('[rules.TPL111]\ndomains = ["ours.txt"]\n', "[rules.TPL111]: domain list 'ours.txt' "
         "not found"),
        ('[rules.TPL115]\nown-domains = ["example in"]\n', "[rules.TPL115]: own-domains entry "
         "'example in' is not a domain name"),
        ('[rules.TPL172]\ncontext = "debts.txt"\n', "[rules.TPL172]: context word list "
         "'debts.txt' not found"),
    ],
)  # fmt: skip
def test_a_setting_that_names_no_rule_or_option_is_an_error_not_a_no_op(
    run, tmp_path: Path, setting: str, expected: str
) -> None:
    """Before, each of these was silently ignored: a typo'd limit kept the default, a typo'd
    select ran no rule at all and reported "all clean"."""
    f = write(tmp_path / "t.txt", OFFER)
    config = write(tmp_path / "templint.toml", setting)
    res = run("lint", f)
    assert res.exit_code == 2 and res.output.count("\n") == 1, res.output
    assert res.output.startswith(f"templint: {config}: {expected}"), res.output


def test_settings_a_rule_reads_are_accepted_and_command_line_typos_named(
    run, tmp_path: Path
) -> None:
    f = write(tmp_path / "t.txt", OFFER)
    write(
        tmp_path / "templint.toml",
        "[rules.TPL313]\nmax-copy-code = 1\n"  # a per-type button limit the file does not list
        '[rules.TPL111]\nextra-domains = ["lnk.example"]\n'  # a kind's option
        '[rules.TPL340]\nwords.sv = "och att det"\n'
        "[rules.TPL501]\nthreshold = 0.9\n",
    )
    assert run("lint", f).exit_code == 1  # the offer, linted
    res = run("lint", "--select", "TLP1", f)
    assert res.exit_code == 2 and res.output.startswith("templint: --select: 'TLP1' matches no")
    # what may be set is in each rule's docs
    assert "## Options\nSet under `[tool.templint.rules.TPL303]`:\n- `max` = 1024\n" in (
        run("rule", "TPL303").output
    )
    assert "- `extra-domains` = domains added to the list" in run("rule", "TPL111").output
    from linter.api import lint_text
    from linter.config import Config, ConfigError

    with pytest.raises(ConfigError, match="unknown option 'mx' for body-too-long"):
        lint_text(OFFER, config=Config(options={"TPL303": {"mx": 1}}))


def test_text_suppression_and_unused_suppression(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.txt", "# templint: ignore TPL101\n" + OFFER)
    res = run("lint", "--isolated", "--format", "json", "--select", "TPL0,TPL101", f)
    assert json.loads(res.output) == []
    f2 = write(tmp_path / "u.txt", "# templint: ignore TPL101\n" + CLEAN)
    res = run("lint", "--isolated", "--format", "json", f2)
    items = json.loads(res.output)
    assert [(i["code"], i["line"], i["column"]) for i in items] == [("TPL001", 1, 20)]
    # a suppression whose rule did not run (ignored here, or in the config) cannot be
    # judged unused: with fail-on warning it failed CI for a line that is right
    f3 = write(tmp_path / "v.txt", "# templint: ignore TPL101\n" + OFFER)
    res = run("lint", "--isolated", "--format", "json", "--ignore", "TPL1,TPL5", f3)
    assert json.loads(res.output) == []


SPANISH = "Así puedes empezar: ¡Bienvenido a NovaTel, Andrés!\n"


def test_a_text_file_declares_its_category_and_language(run, tmp_path: Path) -> None:
    as_utility = write(tmp_path / "offer.txt", OFFER)
    assert run("lint", "--isolated", "--select", "TPL1", as_utility).exit_code == 1
    marketing = write(tmp_path / "promo.txt", "# templint: category MARKETING\n" + OFFER)
    assert run("lint", "--isolated", "--select", "TPL1", marketing).exit_code == 0
    spanish = write(tmp_path / "es.txt", SPANISH)  # no language: its Spanish words tell
    res = run("lint", "--isolated", "--select", "TPL2", "--format", "json", spanish)
    assert json.loads(res.output) == []
    english = write(tmp_path / "en.txt", "# templint: language en_US\n" + SPANISH)
    res = run("lint", "--isolated", "--select", "TPL2", "--format", "json", english)
    assert [i["code"] for i in json.loads(res.output)] == ["TPL201"] * 3
    declared = write(tmp_path / "es2.md", "<!-- templint: language es -->\n" + SPANISH)
    res = run("lint", "--isolated", "--select", "TPL2,TPL3", "--format", "json", declared)
    assert json.loads(res.output) == []
    bad = write(tmp_path / "bad.txt", "# templint: language en-US\n" + CLEAN)
    res = run("lint", "--isolated", "--format", "json", bad)
    items = json.loads(res.output)
    assert [(i["code"], i["line"], i["column"]) for i in items] == [("TPL302", 1, 22)]
    unknown = write(tmp_path / "cat.txt", "# templint: category promo\n" + CLEAN)
    res = run("lint", "--isolated", unknown)
    assert res.exit_code == 2 and "cat.txt:1:22: unknown category 'promo'" in res.output


def test_language_for_templates_that_declare_none(run, tmp_path: Path) -> None:
    spanish = write(tmp_path / "es.txt", SPANISH)
    english = write(tmp_path / "en.txt", "# templint: language en\n" + SPANISH)
    res = run("lint", "--isolated", "--select", "TPL2", "--language", "es", spanish, english)
    assert res.exit_code == 0 and res.output.count("TPL201") == 3  # the declared one still is
    assert "en.txt:2:" in res.output and "es.txt:" not in res.output
    bad = run("lint", "--isolated", "--language", "Spanish", spanish)
    assert bad.exit_code == 2 and "'Spanish' is not a language code in Meta's form" in bad.output
    write(tmp_path / "templint.toml", 'default-language = "es"\n')
    assert "TPL201" not in run("lint", "--select", "TPL2", spanish).output
    write(tmp_path / "templint.toml", 'default-language = "es-ES"\n')
    res = run("lint", spanish)
    assert res.exit_code == 2 and "'default-language' must be a language code" in res.output


def test_json_suppression_field(run, tmp_path: Path) -> None:
    tpl = {
        "name": "a",
        "category": "UTILITY",
        "templint_ignore": ["TPL101"],
        "components": [{"type": "BODY", "text": OFFER.strip()}],
    }
    f = write(tmp_path / "t.json", json.dumps(tpl))
    res = run("lint", "--isolated", "--format", "json", "--select", "TPL0,TPL101", f)
    assert json.loads(res.output) == []


def test_stdin(run) -> None:
    res = run("lint", "--isolated", "--select", "TPL101", "-", input=OFFER)
    assert res.exit_code == 1 and "TPL101" in res.output


def test_marketing_category_allows_offers(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.txt", OFFER)
    res = run("lint", "--isolated", "--select", "TPL101", "--category", "marketing", f)
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", b'{"name": "x", "components": [', "invalid JSON"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 order shipped".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("notatemplate.json", b'{"version": 3}', "not a template"),
    ],
)
def test_bad_inputs_one_line_exit_2(
    run, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    res = run("lint", "--isolated", str(path))
    assert res.exit_code == 2
    errors = [line for line in res.output.splitlines() if line.startswith(str(path))]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in res.output


def test_missing_path_and_huge_file(run, tmp_path: Path) -> None:
    res = run("lint", "--isolated", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "nope.txt: no such file or directory" in res.output
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: the size is checked before anything is read
        fh.truncate(50 * 1024 * 1024)
    res = run("lint", "--isolated", str(big))
    assert res.exit_code == 2 and "over the 5,242,880-byte limit" in res.output


def test_malformed_json_points_at_line(run, tmp_path: Path) -> None:
    f = write(tmp_path / "t.json", '{\n  "name": "x",\n  "components": [}\n')
    res = run("lint", "--isolated", f)
    assert res.exit_code == 2
    assert f"{f}:3:" in res.output


def test_directory_walk_skips_non_templates(run, tmp_path: Path) -> None:
    write(tmp_path / "drafts" / "a.txt", OFFER)
    write(tmp_path / "drafts" / "nested" / "b.md", CLEAN)
    write(tmp_path / "drafts" / "logo.png", "not really a png")
    res = run("lint", "--isolated", "-v", "--select", "TPL101", str(tmp_path / "drafts"))
    assert res.exit_code == 1
    assert "logo.png: skipped (not a template file type)" in res.output
    assert "2 templates in 2 files" in res.output


def test_rules_and_rule_docs(run) -> None:
    res = run("rules")
    assert res.exit_code == 0 and "TPL101  discount-offer" in res.output
    fixable = {line.split()[0] for line in res.output.splitlines() if " [*] " in line}
    assert {"TPL302", "TPL326", "TPL201"} <= fixable and "TPL101" not in fixable
    listed = {r["code"]: r["autofix"] for r in json.loads(run("rules", "--format", "json").output)}
    assert listed["TPL302"] == "safe" and listed["TPL101"] is None
    res = run("rule", "TPL101")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
        assert section in res.output
    assert run("rule", "discount-offer").output == res.output
    res = run("rule", "TPL999")
    assert res.exit_code == 2 and "no rule 'TPL999'" in res.output


def test_help_of_every_command(run) -> None:
    res = run("--help")
    assert res.exit_code == 0
    from linter.cli import LAZY_COMMANDS, LazyGroup

    names = LazyGroup().list_commands(None)  # type: ignore[arg-type]
    assert {"lint", "rules", "rule"} <= set(names) <= set(LAZY_COMMANDS)
    for name in names:
        sub = run(name, "--help")
        assert sub.exit_code == 0, name
        assert "Usage:" in sub.output


def test_no_color_when_piped_and_no_color_env(run, tmp_path: Path, monkeypatch) -> None:
    f = write(tmp_path / "t.txt", OFFER)
    assert "\x1b[" not in run("lint", "--isolated", f).output
    assert "\x1b[" in run("lint", "--isolated", "--color", "always", f).output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_output_onto_a_full_disk_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    draft = tmp_path / "offer.txt"
    draft.write_text("Use code SAVE20 for 20% off today!\n")
    for args in (["lint", str(draft)], ["rules"], ["lint", str(draft), "--format", "sarif"]):
        with open("/dev/full", "w") as full:  # every write: "No space left on device"
            res = subprocess.run(
                [sys.executable, "-m", "linter", *args], stdout=full, stderr=subprocess.PIPE,
                text=True, timeout=120,
            )  # fmt: skip
        assert res.returncode == 2, (args, res.stderr)
        assert res.stderr == "templint: cannot write the output: No space left on device\n", args


def test_per_file_settings_give_folders_a_category_language_and_ignores(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "templint.toml",
        "[per-file]\n"
        '"whatsapp/marketing/" = { category = "MARKETING" }\n'
        '"whatsapp/es/*.txt" = { language = "es" }\n'
        '"legacy/**" = { ignore = ["TPL2"] }\n'
        '"*_promo.txt" = { category = "MARKETING" }\n'
        '"late/*" = { category = "MARKETING" }\n'
        '"late/x*" = { category = "UTILITY" }\n',
    )
    offer = "Get 20% off your next order with code SAVE20, {{1}}!\n"
    write(tmp_path / "whatsapp" / "marketing" / "deep" / "sale.txt", offer)
    write(tmp_path / "whatsapp" / "weekend_promo.txt", offer.replace("20%", "25%"))
    write(tmp_path / "whatsapp" / "sale.txt", offer.replace("20%", "30%"))
    write(tmp_path / "whatsapp" / "es" / "pedido.txt", "Hola {{1}}, tu pedido {{2}} fue enviado.\n")
    write(tmp_path / "legacy" / "old.txt", "Hi {{1}}, your ordr {{2}} has shiped.\n")
    # a file's own declaration beats the folder's
    write(
        tmp_path / "whatsapp" / "marketing" / "receipt.txt",
        "# templint: category UTILITY\nUse code SAVE20 for 20% off.\n",
    )
    res = run("lint", "--format", "json", "--select", "TPL1,TPL2,TPL340", ".")
    found = {Path(d["file"]).as_posix() for d in json.loads(res.stdout)}
    assert found == {"whatsapp/sale.txt", "whatsapp/marketing/receipt.txt"}
    # standard input goes by the name the editor gives it
    res = run("lint", "--stdin-filename", "whatsapp/marketing/x.txt", input=offer)
    assert res.exit_code == 0, res.output
    assert run("lint", "--stdin-filename", "whatsapp/x.txt", input=offer).exit_code == 1
    # the later of two entries for one file wins
    assert (
        run("lint", "--select", "TPL101", "--stdin-filename", "late/x.txt", input=offer).exit_code
        == 1
    )
    # from a subfolder: globs are read from the config file's folder, not the current one
    monkeypatch.chdir(tmp_path / "whatsapp")
    sub = run("lint", "--select", "TPL1", ".").output
    assert "sale.txt:1:5: TPL101" in sub and "weekend_promo" not in sub and "deep" not in sub


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ('"a/*" = { category = "PROMO" }', "'a/*': category must be MARKETING"),
        ('"a/*" = { language = "es-ES" }', "'a/*': language must be a language code"),
        ('"a/*" = { severity = "error" }', "'a/*': unknown setting(s) severity"),
        ('"a/*" = { ignore = ["TPL9"] }', "'a/*': ignore 'TPL9' matches no rule"),
        ('"a/*" = "MARKETING"', "'a/*' must be a table"),
    ],
)
def test_per_file_settings_that_would_do_nothing_are_errors(
    run, tmp_path: Path, table: str, said: str
) -> None:
    write(tmp_path / "templint.toml", f"[per-file]\n{table}\n")
    f = write(tmp_path / "a" / "t.txt", CLEAN)
    res = run("lint", f)
    assert res.exit_code == 2
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("templint: ") and "templint.toml: [per-file] " in line, line
    assert said in line, line


@pytest.mark.parametrize(
    "body",
    ["{{1}} is your verification code.", "[Order update] Hi {{1}}, your order has shipped."],
)
def test_stdin_body_starting_with_a_brace_or_bracket_is_text(run, body: str) -> None:
    """An OTP body starts with {{1}}, a notice with '[Brand]': standard input used to be read
    as JSON for its first character and failed with 'invalid JSON'."""
    res = run("lint", "--isolated", "--format", "json", "-", input=body + "\n")
    assert "invalid JSON" not in res.output
    found = json.loads(res.output)
    assert all(d["file"] == "-" for d in found)
    if body.startswith("{{1}}"):
        assert [d["code"] for d in found] == ["TPL323"]  # Meta: no variable at the start


def test_stdin_json_is_still_json(run) -> None:
    tpl = {"name": "x", "components": [{"type": "BODY", "text": "Get 20% off today"}]}
    res = run("lint", "--isolated", "--select", "TPL101", "-", input=json.dumps(tpl, indent=1))
    assert res.exit_code == 1 and "TPL101" in res.output and "(x)" in res.output


def test_the_bundled_bad_examples_show_every_rule_family_and_the_good_ones_are_clean() -> None:
    # The README's first command lints examples/ and says examples/bad/ "shows every rule
    # family": the engagement family (TPL191-194) had no example until a docs audit noticed.
    import tomllib

    from linter.api import lint_paths

    root = Path(__file__).resolve().parent.parent
    family_of = {}
    for rule_file in (root / "rules").glob("*/*.toml"):
        if rule_file.parent.name != "engine":  # TPL001-003 are about the run, not a template
            family_of[tomllib.loads(rule_file.read_text("utf-8"))["code"]] = rule_file.parent.name
    bad = lint_paths([str(root / "examples" / "bad")])
    shown = {family_of.get(d.code) for d in bad.diagnostics}
    assert set(family_of.values()) <= shown, set(family_of.values()) - shown
    good = lint_paths([str(root / "examples" / "good")])
    assert not good.errors and good.templates and not good.diagnostics


def test_a_link_out_of_the_folder_is_said_on_stderr_once_without_its_content(
    tmp_path: Path,
) -> None:
    import os

    (tmp_path / "credentials").write_text("aws_secret_access_key = AKIAFAKESECRET0000\n")
    folder = tmp_path / "whatsapp"
    folder.mkdir()
    (folder / "ok.txt").write_text("Your order {{1}} has shipped.\n")
    os.symlink(tmp_path / "credentials", folder / "welcome.txt")
    res = CliRunner().invoke(main, ["lint", "--isolated", str(folder)])
    assert res.exit_code == 0
    assert "AKIA" not in res.output and "akia" not in res.output
    assert res.output.count("welcome.txt: skipped (a symlink to a file outside") == 1


USAGE_ERRORS = [
    # (arguments, what the one line says, escaped)
    (["rules", "X\x1b[2J"], "Got unexpected extra argument (X\\x1b[2J)"),
    (["lint", "--format", "\x1b]0;pwned\x07"], "'\\x1b]0;pwned\\x07' is not one of 'text'"),
    (["lint", "--bogus\u202e"], "No such option '--bogus\\u202e'"),
    (["li\x9bnt"], "No such command 'li\\x9bnt'"),
    (["queue", "ad\x1b[2Jd"], "No such command 'ad\\x1b[2Jd'"),
    (["explain", "--words", "\x1b[2J", "a.txt"], "'\\x1b[2J' is not a valid integer range"),
]


@pytest.mark.parametrize(("args", "said"), USAGE_ERRORS, ids=[a[1][:12] for a in USAGE_ERRORS])
def test_a_usage_error_is_one_line_with_the_arguments_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    """click's own errors quote the command line, in some messages as given: on a terminal
    ``ESC [2J`` cleared it. They are one ``templint:`` line, as every other error, exit 2."""
    monkeypatch.chdir(tmp_path)
    # color=True: CliRunner otherwise strips CSI sequences, as click does when piped
    res = CliRunner().invoke(main, args, color=True, catch_exceptions=False)
    assert res.exit_code == 2
    assert res.stdout == ""
    (line,) = res.stderr.splitlines()
    assert line.startswith("templint: ") and said in line, line
    assert not any(c in line for c in "\x1b\x07\x9b\u202e"), line


def test_no_arguments_still_shows_the_help() -> None:
    res = CliRunner().invoke(main, [])
    assert res.exit_code == 2 and res.output.startswith("Usage: ")
    assert "lint" in res.output
