"""The Python API as a long-running program (a web service, a notebook) uses it."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import linter
from linter import Config, InputError, lint_text, load_config


@pytest.mark.slow
def test_long_texts_are_not_kept_after_the_call() -> None:
    # the per-text caches (placeholders, link candidates) kept each text whole: thousands of
    # long drafts stayed in memory after their requests were over
    lint_text("Warm up: see example.com. Hi {{1}} " + "y" * 50_000)  # loads what a first call loads
    size, count = 50_000, 40
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            lint_text(f"Draft {i}: see example.com. Hi {{{{1}}}} " + "x" * size)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < size * count / 4, f"{kept} bytes kept after {count} texts of {size}"


@pytest.mark.parametrize("call", ["lint_text", "fix_source"])
def test_text_over_max_file_size_is_an_input_error(call: str) -> None:
    # max-file-size applied to files only: a service handed a huge draft linted it for seconds
    config = Config(max_file_size=1000)
    run = getattr(linter, call)
    with pytest.raises(InputError, match=r"<text>.*1,000-byte limit"):
        run("Your order {{1}} shipped. " * 50, config=config)
    with pytest.raises(InputError, match="1,000-byte limit"):
        run("é" * 600, config=config)  # 1,200 bytes in UTF-8
    run("Your order {{1}} shipped.", config=config)


OFFER = "Use code SAVE20 for 20% off your next order, {{1}}!"

RULE = """code = "ACME1"
name = "competitor-name"
kind = "pattern"
severity = "error"
message = "Competitor named: '{match}'"
summary = "Finds our competitors' names."
why = "Our legal team asks us not to name them."
fix = "Name our own product instead."
patterns = ['\\bglobex\\b']

[examples]
fail = ["Hi {{1}}, Globex ships today."]
pass = ["Hi {{1}}, your order ships today."]
"""


def _bump(path: Path, text: str) -> None:
    """Write ``text``, and make sure the modification time moves (coarse clocks)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_an_edited_word_list_or_rule_file_is_read_again(tmp_path: Path) -> None:
    # the linter was kept by the configuration's paths: a notebook that edited its accept list
    # or a rule file and loaded the configuration again still got the old findings
    (tmp_path / "rules").mkdir()
    _bump(tmp_path / "rules" / "ACME1.toml", RULE)
    _bump(tmp_path / "accept.txt", "Zorbly\n")
    (tmp_path / "templint.toml").write_text(
        'accept = ["accept.txt"]\nextend-rules = ["rules"]\n', encoding="utf-8"
    )
    text = "Your Zorbly order {{1}} and quxxel parcel shipped with Initech."

    def found() -> list[str]:
        config = load_config(tmp_path / "templint.toml")
        return sorted(d.message for d in lint_text(text, config=config) if d.code != "TPL501")

    first = found()
    assert any("quxxel" in m for m in first) and not any("Zorbly" in m for m in first)
    assert not any("Initech" in m for m in first)
    _bump(tmp_path / "accept.txt", "Zorbly\nquxxel\n")
    _bump(
        tmp_path / "rules" / "ACME1.toml",
        RULE.replace("globex", "initech").replace("Globex", "Initech"),
    )
    second = found()
    assert not any("quxxel" in m for m in second), second
    assert any("Competitor named: 'Initech'" in m for m in second), second


def test_forget_linter_is_public() -> None:
    linter.forget_linter()  # every configuration's linter is built afresh next time
    assert lint_text("Your order {{1}} shipped.") == []


@pytest.mark.parametrize(
    ("call", "needs"),
    [
        (lambda: lint_text("Hi {{1}}", category=3), "category must be a str"),  # type: ignore[arg-type]
        (lambda: lint_text("Hi {{1}}", language=7), "language must be a str"),  # type: ignore[arg-type]
        (lambda: lint_text("Hi {{1}}", config="templint.toml"), r"load_config\(path\)"),  # type: ignore[arg-type]
        (lambda: lint_text("Hi {{1}}", config={"select": ["TPL1"]}), r"load_config\(path\)"),  # type: ignore[arg-type]
        (lambda: linter.fix_source(None), "fix_source needs the text as a str"),  # type: ignore[arg-type]
        (lambda: linter.fix_source(b"Hi {{1}}"), "fix_source needs the text as a str"),  # type: ignore[arg-type]
        (lambda: linter.lint_file(None), "must be a path"),  # type: ignore[arg-type]
        (lambda: linter.lint_paths(None), "paths must be a list"),  # type: ignore[arg-type]
        (lambda: Config(select=3), r"Config\(select=...\) takes"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_argument_is_a_type_error_saying_what_to_pass(call, needs: str) -> None:
    # these failed deep inside (AttributeError: 'int' object has no attribute 'upper'), or
    # were taken: language=7 gave six TPL002 "rule crashed" findings
    with pytest.raises(TypeError, match=needs):
        call()


def test_config_reads_one_code_as_one_and_refuses_an_unknown_fail_on() -> None:
    # select="TPL1" was read letter by letter ('T', 'P', …); fail_on="loud" was taken silently
    assert Config(select="TPL1").select == ("TPL1",)
    assert Config(ignore=["TPL1", "TPL2"]).ignore == ("TPL1", "TPL2")
    codes = {d.code for d in lint_text(OFFER, config=Config(select="TPL1"))}
    assert codes and all(c.startswith("TPL1") for c in codes)
    with pytest.raises(linter.ConfigError, match=r"fail_on.*'loud'"):
        Config(fail_on="loud")


def test_every_error_templint_raises_has_one_base() -> None:
    base = linter.TemplintError
    for error, also in [
        (linter.InputError, Exception),
        (linter.ConfigError, ValueError),
        (linter.ModelError, ValueError),
        (linter.RuleFileError, ValueError),
    ]:
        assert issubclass(error, base) and issubclass(error, also)
    with pytest.raises(base, match="unknown category 'BOGUS'"):
        lint_text("# templint: category BOGUS\nHi {{1}}")
    with pytest.raises(base):
        lint_text("Hi", config=Config(select=("NOPE",)))


USER_SCRIPT = """
import os
from pathlib import Path

from linter import Diagnostic, fix_paths, lint_file, lint_paths, lint_text

found: list[Diagnostic] = lint_text("Hi {{1}}")
lint_paths([Path("a"), Path("b")])
fix_paths("one/", write=False)
fix_paths([Path("a")], write=False)
lint_file(Path("a.txt"))
here: os.PathLike[str] = Path("b")
lint_file(here)
"""


def test_a_typed_program_passes_mypy_strict(tmp_path: Path) -> None:
    # paths as pathlib.Path work, but the annotations said list[str]; and without py.typed
    # mypy checked nothing at all
    pytest.importorskip("mypy")
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_a_leading_bom_is_read_as_the_cli_reads_a_file(tmp_path: Path) -> None:
    # lint_text kept the byte order mark, which the CLI drops: every column on the first
    # line was one more than the CLI's JSON said
    text = "Use code SAVE20 for 20% off your next ordr {{1}}"
    (tmp_path / "a.txt").write_text("\ufeff" + text, encoding="utf-8")

    def where(found: list[linter.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
        return [(d.code, d.line, d.column, d.end_line, d.end_column) for d in found]

    api = lint_text("\ufeff" + text)
    assert where(api) == where(linter.lint_file(tmp_path / "a.txt")) == where(lint_text(text))
    typo = next(d for d in api if d.edit is not None and d.edit.old == "ordr")
    assert text[typo.edit.start : typo.edit.end] == "ordr"  # offsets: the text after the BOM
    fixed, applied, _ = linter.fix_source("\ufeff" + text, unsafe=True)
    assert applied and fixed == "\ufeff" + text.replace("ordr", "order")


def test_to_dict_is_the_cli_json_shape(tmp_path: Path) -> None:
    # to_dict left out edit and alternatives, which the CLI's JSON has; RunResult had none
    from click.testing import CliRunner

    from linter.cli import main

    text = "Use code SAVE20 for 20% off your next ordr {{1}}"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(
        main, ["lint", "--isolated", "--format", "json", str(path)], catch_exceptions=False
    )
    cli = json.loads(res.stdout)
    run = linter.lint_paths([path])
    assert run.to_dict()["diagnostics"] == cli
    assert [d.to_dict(text) for d in lint_text(text, name="a")] == [
        {**item, "file": "<text>"} for item in cli
    ]
    typo = next(i for i in cli if i["edit"] is not None)
    assert typo["edit"]["content"] == "order" and typo["alternatives"] == []  # none as close
    assert [list(d.to_dict()) for d in lint_text(text)] == [list(i) for i in cli]
    whole = json.loads(json.dumps(linter.lint_paths([path, tmp_path / "nope.txt"]).to_dict()))
    assert whole["files"] == 1 and whole["templates"] == 1
    assert whole["errors"][0]["code"] == "input-error"
