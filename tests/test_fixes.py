"""``templint lint --fix``: which findings it rewrites, and that it never damages a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.api import lint_file
from linter.cli import main
from linter.config import Config
from linter.fixes import apply_fixes

TEXT = (
    "# templint: language en-us\r\n"
    "Your ordr {{1}} has shipped. Track it at http://shop.example.in/t/{{1}}.\r\n"
)
META = {
    "name": "Order Update",
    "language": "pt-br",
    "category": "UTILITY",
    "components": [
        {
            "type": "BODY",
            "text": 'Seu pedido {{1}} foi "enviado".\nVeja: http://loja.example.com.br/p',
            "example": {"body_text": [["123"]]},
        }
    ],
}


def lint(*args: str, input: str | None = None):
    return CliRunner().invoke(
        main, ["lint", "--isolated", *args], input=input, catch_exceptions=False
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "shipped.txt"
    text.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))  # a BOM and CRLF line ends
    meta = tmp_path / "order.json"
    meta.write_text(json.dumps(META, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return text, meta


def test_report_counts_what_fix_would_change(files: tuple[Path, Path]) -> None:
    res = lint(*map(str, files))
    # safe: the two language codes; unsafe: a spelling guess, two https://, a template name
    last = res.output.splitlines()[-1]
    assert last == "[*] 2 fixable with --fix (4 more with --fix --unsafe-fixes)"
    assert b"en-us" in files[0].read_bytes()  # reporting never writes


def test_fix_writes_only_safe_fixes_and_reports_what_is_left(files: tuple[Path, Path]) -> None:
    text, meta = files
    res = lint("--fix", str(text), str(meta))
    assert "templint: fixed 2 findings in 2 files" in res.output
    assert text.read_bytes() == b"\xef\xbb\xbf" + TEXT.replace("en-us", "en_US").encode("utf-8")
    data = json.loads(meta.read_text(encoding="utf-8"))
    assert data == {**META, "language": "pt_BR"}
    assert "TPL302" not in res.output and "TPL301" in res.output  # the name is a guess
    assert res.exit_code == 1  # the template name is still an error


def test_unsafe_fixes_write_best_guesses_and_keep_json_valid(files: tuple[Path, Path]) -> None:
    text, meta = files
    res = lint("--fix", "--unsafe-fixes", str(text), str(meta))
    assert "fixed 6 findings in 2 files" in res.output
    assert text.read_bytes().decode("utf-8-sig") == (
        "# templint: language en_US\r\n"
        "Your order {{1}} has shipped. Track it at https://shop.example.in/t/{{1}}.\r\n"
    )
    data = json.loads(meta.read_text(encoding="utf-8"))
    assert data["name"] == "order_update" and data["language"] == "pt_BR"
    # the JSON escapes around the link (\n, \") are untouched
    assert data["components"][0]["text"] == (
        'Seu pedido {{1}} foi "enviado".\nVeja: https://loja.example.com.br/p'
    )
    assert res.exit_code == 0 and "[*]" not in res.output


def test_a_file_changed_since_it_was_read_is_not_rewritten(files: tuple[Path, Path]) -> None:
    text, _ = files
    diags = lint_file(str(text), config=Config())
    text.write_text("# templint: language es-mx\nHola {{1}}.\n", encoding="utf-8")
    done = apply_fixes(diags, unsafe=True)
    assert done.fixed == 0 and "changed since it was read" in done.skipped[0]
    assert text.read_text(encoding="utf-8") == "# templint: language es-mx\nHola {{1}}.\n"


def test_findings_on_undone_evasions_carry_no_edit() -> None:
    # the link is only a link once "[.]" is undone: the writer's characters are not a URL
    text = "Visit www[.]example[.]in/help today.\n"
    res = lint("--fix", "--unsafe-fixes", "-", input=text)
    assert "TPL112" in res.stderr and "fixed" not in res.stderr
    assert res.stdout == text


def test_fix_on_stdin_prints_the_fixed_text_and_reports_the_rest_on_stderr() -> None:
    # An editor pipes its buffer in and puts standard output back: all of it, fixed.
    res = lint("--fix", "-", input="# templint: language en-us\nHi {{ 1 }}, your ordr shipped.\n")
    assert res.stdout == "# templint: language en_US\nHi {{1}}, your ordr shipped.\n"
    assert "templint: fixed 2 findings" in res.stderr
    assert "-:2:" in res.stderr and "TPL201" in res.stderr and "TPL326" not in res.stderr
    assert res.exit_code == 0  # a spelling warning is left


def test_fix_and_diff_on_stdin_keep_a_byte_order_mark() -> None:
    # An editor that saved the file with a BOM pipes it in: the text it gets back keeps it,
    # as a file fixed in place does, and the diff applies to the file as it is.
    body = b"# templint: language en-us\nHi {{ 1 }}, your order shipped.\n"
    res = lint("--fix", "-", input=b"\xef\xbb\xbf" + body)
    assert res.stdout_bytes == b"\xef\xbb\xbf" + body.replace(b"en-us", b"en_US").replace(
        b"{{ 1 }}", b"{{1}}"
    )
    diff = lint("--diff", "--stdin-filename", "t.txt", input=b"\xef\xbb\xbf" + body)
    lines = diff.stdout.splitlines()
    assert "-\ufeff# templint: language en-us" in lines
    assert "+\ufeff# templint: language en_US" in lines
    # nothing to fix: the text comes back as it came, mark and all
    clean = b"\xef\xbb\xbf# templint: language en_US\nHi {{1}}, your order shipped.\n"
    assert lint("--fix", "-", input=clean).stdout_bytes == clean


def test_stdin_filename_names_the_buffer_and_chooses_its_parser(tmp_path: Path) -> None:
    drafts = '{"name": "a", "language": "en-us", "components": [{"type": "BODY", "text": "Hi."}]}\n'
    drafts += (
        '{"name": "b", "language": "en_US", "components": [{"type": "BODY", "text": "Yo."}]}\n'
    )
    # read as one JSON document, two objects are an error; as JSON Lines, two templates
    assert lint("-", input=drafts).exit_code == 2
    res = lint("--stdin-filename", "drafts.jsonl", input=drafts)
    assert "2 templates in 1 file" in res.stdout
    assert "drafts.jsonl:1:" in res.stdout and "-:1:" not in res.stdout
    fixed = lint("--fix", "--stdin-filename", "drafts.jsonl", input=drafts)
    assert fixed.stdout == drafts.replace("en-us", "en_US")
    assert "fixed 1 finding" in fixed.stderr and "all clean" in fixed.stderr
    assert not (Path.cwd() / "drafts.jsonl").exists()  # a name, never a file written
    # a text body takes its template's name from the file name
    assert (
        "(order_shipped)"
        in lint("--stdin-filename", "order_shipped.txt", input="Your ordr shipped.\n").stdout
    )


def test_fix_on_stdin_that_cannot_be_read_gives_the_text_back_unchanged() -> None:
    broken = '{"name": "x", "components": [\n'
    res = lint("--fix", "--stdin-filename", "draft.json", input=broken)
    assert res.exit_code == 2 and res.stdout == broken
    assert "draft.json:2:1: invalid JSON" in res.stderr


def test_diff_on_stdin_and_what_stdin_options_refuse(tmp_path: Path) -> None:
    res = lint("--diff", "--stdin-filename", "t.txt", input="Hi {{ 1 }}.\n")
    assert res.exit_code == 1
    assert res.stdout.splitlines() == [
        "--- a/t.txt",
        "+++ b/t.txt",
        "@@ -1 +1 @@",
        "-Hi {{ 1 }}.",
        "+Hi {{1}}.",
    ]
    other = tmp_path / "a.txt"
    other.write_text("Hi {{ 1 }}.\n", encoding="utf-8")
    for args in (["--stdin-filename", "t.txt", str(other)], ["--fix", "-", str(other)], []):
        res = lint(*args, input="Hi.\n")
        assert res.exit_code == 2, args
    assert other.read_text(encoding="utf-8") == "Hi {{ 1 }}.\n"


def test_json_report_carries_each_edit_with_its_position(files: tuple[Path, Path]) -> None:
    text, _ = files
    items = json.loads(lint("--format", "json", str(text)).output)
    edits = {i["code"]: i["edit"] for i in items}
    assert edits["TPL302"] == {
        "line": 1,
        "column": 22,
        "end_line": 1,
        "end_column": 27,
        "content": "en_US",
        "safe": True,
    }
    assert edits["TPL201"]["content"] == "order" and edits["TPL201"]["safe"] is False
    assert edits["TPL321"] is None  # a repeated variable has no mechanical fix


def test_sarif_results_carry_the_fix_a_viewer_can_apply(files: tuple[Path, Path]) -> None:
    import jsonschema

    text, _ = files
    sarif = json.loads(lint("--format", "sarif", str(text)).output)
    schema_path = Path(__file__).parent / "schemas" / "sarif-2.1.0-subset.json"
    jsonschema.validate(sarif, json.loads(schema_path.read_text(encoding="utf-8")))
    fixes = {r["ruleId"]: r.get("fixes") for r in sarif["runs"][0]["results"]}
    (change,) = fixes["TPL302"][0]["artifactChanges"]
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 1, "startColumn": 22, "endLine": 1, "endColumn": 27},
            "insertedContent": {"text": "en_US"},
        }
    ]
    assert "safe fix" in fixes["TPL302"][0]["description"]["text"]
    assert "best guess" in fixes["TPL201"][0]["description"]["text"]
    assert fixes["TPL321"] is None


def test_variables_with_stray_spaces_or_one_brace_are_fixed_safely(tmp_path: Path) -> None:
    body = tmp_path / "v.txt"
    body.write_text("Hi {{ 1 }}, your order {2} ships on {{3}.\n", encoding="utf-8")
    res = lint("--fix", str(body))
    assert body.read_text(encoding="utf-8") == "Hi {{1}}, your order {{2}} ships on {{3}}.\n"
    assert "fixed 3 findings in 1 file" in res.output and "TPL326" not in res.output
    # a number templint had to invent, or another tool's syntax, is only a guess
    body.write_text("Hi {{}} and $name, your code is {{1}}.\n", encoding="utf-8")
    assert lint("--fix", str(body)).output.splitlines()[-1] == (
        "[*] 2 fixable with --fix --unsafe-fixes"
    )


def test_python_api_fixes_and_returns_what_is_left(files: tuple[Path, Path]) -> None:
    from linter import fix_paths

    text, meta = files
    done, left = fix_paths([str(text), str(meta)], Config())
    assert done.fixed == 2 and sorted(done.files) == sorted([str(text), str(meta)])
    assert "TPL302" not in {d.code for d in left.diagnostics}
    assert {d.code for d in left.diagnostics if d.edit is not None} >= {"TPL201", "TPL301"}


def test_header_footer_and_sample_characters_meta_refuses(tmp_path: Path) -> None:
    tpl = {
        "name": "order_shipped",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "*Order {{1}}* shipped 🎉",
             "example": {"header_text": ["#4521"]}},
            {"type": "BODY", "text": "Hi {{1}}, your order is on its way.",
             "example": {"body_text": [["Maria\nJosé"]]}},
            {"type": "FOOTER", "text": "Acme Store\nReply STOP to opt out"},
        ],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl, ensure_ascii=False), encoding="utf-8")
    lint("--fix", str(path))
    comps = json.loads(path.read_text(encoding="utf-8"))["components"]
    assert comps[0]["text"] == "Order {{1}} shipped 🎉"  # markup gone, the emoji is a guess
    assert comps[1]["example"]["body_text"] == [["Maria José"]]
    assert comps[2]["text"] == "Acme Store Reply STOP to opt out"  # the \n escape, whole
    lint("--fix", "--unsafe-fixes", str(path))
    comps = json.loads(path.read_text(encoding="utf-8"))["components"]
    assert comps[0]["text"] == "Order {{1}} shipped"


def test_a_read_only_file_is_left_alone(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("# templint: language en-us\nHi {{1}}, your order shipped.\n", "utf-8")
    locked.chmod(0o444)  # root may write it; the tool must not
    res = lint("--fix", str(locked))
    assert "read-only; not rewritten" in res.output and "en-us" in locked.read_text("utf-8")


def test_the_report_does_not_count_fixes_in_files_fix_leaves_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --fix skips a read-only file and a symlink, but `lint` said "[*] 1 fixable with --fix"
    # for each: the count is what --fix would write.
    monkeypatch.chdir(tmp_path)  # the symlink is inside the project: read, not written
    body = "# templint: language en-us\nHi {{1}}, your order shipped.\n"
    locked = tmp_path / "locked.txt"
    locked.write_text(body, "utf-8")
    locked.chmod(0o444)  # root may write it; --fix does not
    real = tmp_path / "real.txt"
    real.write_text(body, "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    for path in (locked, link):
        res = lint(str(path))
        assert "TPL" in res.stdout and "[*]" not in res.stdout, path
        items = json.loads(lint("--format", "json", str(path)).stdout)
        assert items and all(i["edit"] is None for i in items), path
        res = lint("--fix", str(path))  # and --fix's own report agrees
        assert "not rewritten" in res.stderr and "[*]" not in res.stdout, path
        assert path.read_text("utf-8") == body
    # the file itself is counted, and fixed
    assert lint(str(real)).stdout.splitlines()[-1] == "[*] 1 fixable with --fix"
    res = lint(str(tmp_path))  # a folder: the real file's fix alone
    assert res.stdout.splitlines()[-1] == "[*] 1 fixable with --fix"


def test_diff_shows_what_fix_would_write_and_writes_nothing(files: tuple[Path, Path]) -> None:
    text, meta = files
    before = text.read_bytes(), meta.read_bytes()
    res = lint("--diff", "--fix", str(text), str(meta))
    assert (text.read_bytes(), meta.read_bytes()) == before
    assert res.exit_code == 1
    lines = res.output.splitlines()
    # git's names (a/, b/; an absolute path without its /): `git apply` and `patch -p1` take it
    assert f"--- a{text}" in lines and f"+++ b{meta}" in lines
    # the byte-order mark is part of the first line, as in the file
    assert "-\ufeff# templint: language en-us" in lines
    assert "+\ufeff# templint: language en_US" in lines
    assert '-  "language": "pt-br",' in lines and '+  "language": "pt_BR",' in lines
    assert not any("order_update" in line for line in lines)  # a guess: --unsafe-fixes only
    assert any(
        "order_update" in line
        for line in lint("--diff", "--unsafe-fixes", str(meta)).output.splitlines()
    )
    clean = text.parent / "clean.txt"
    clean.write_text("Hi {{1}}, your order {{2}} has shipped.\n", encoding="utf-8")
    res = lint("--diff", str(clean))
    assert res.exit_code == 0 and res.output == ""
    # --exit-zero: the diff is still printed, the exit is 0 (its help says so)
    res = lint("--diff", "--exit-zero", str(text))
    assert res.exit_code == 0 and "+\ufeff# templint: language en_US" in res.output.splitlines()


def test_diff_of_a_file_without_a_final_newline_applies_with_patch(tmp_path: Path) -> None:
    # Without diff's "\ No newline at end of file" marker, `git apply` refused the hunk.
    import shutil
    import subprocess

    body = tmp_path / "m.txt"
    body.write_text("Hi {{ 1 }}, see your order.\nThanks", encoding="utf-8")
    res = lint("--isolated", "--diff", str(body))
    assert "\\ No newline at end of file" in res.output.splitlines()
    if shutil.which("patch") is None:
        pytest.skip("no patch program here")
    subprocess.run(["patch", "-s", "-p1"], input=res.output, text=True, cwd="/", check=True)
    assert body.read_text(encoding="utf-8") == "Hi {{1}}, see your order.\nThanks"


def test_fix_source_returns_the_text_the_count_and_what_is_left() -> None:
    # The README's shape for an editor's buffer: (fixed text, fixes applied, result).
    from linter.api import fix_source

    new, count, result = fix_source(
        "# templint: language en-us\nHi {{ 1 }}, use code SAVE20 today.\n", Config()
    )
    assert new == "# templint: language en_US\nHi {{1}}, use code SAVE20 today.\n"
    assert count == 2
    assert "TPL102" in {d.code for d in result.diagnostics}


def _components(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["components"]


def test_a_fix_that_would_bring_a_new_error_is_not_applied(tmp_path: Path) -> None:
    # 'Thx' -> 'Thanks' is a safe fix, but not where it pushes the text past Meta's limits.
    tpl = {
        "name": "booking_update",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT",
             "text": "Thx for booking with Kavya Home, your stay is now confirmed"},
            {"type": "BODY", "text": "Hi {{1}}, your booking {{2}} is confirmed.",
             "example": {"body_text": [["Priya", "#4021"]]}},
            {"type": "FOOTER",
             "text": "Msg from Kavya Home reservations team, reply STOP to opt out"},
            {"type": "BUTTONS", "buttons": [
                {"type": "QUICK_REPLY", "text": "Plz change my booking now"},
                {"type": "QUICK_REPLY", "text": "Thx, all good"},
            ]},
        ],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl, ensure_ascii=False, indent=2), encoding="utf-8")
    diff = lint("--diff", str(path))
    res = lint("--fix", str(path))
    comps = _components(path)
    assert comps[0]["text"] == tpl["components"][0]["text"]
    assert comps[2]["text"] == tpl["components"][2]["text"]
    buttons = comps[3]["buttons"]
    assert [b["text"] for b in buttons] == ["Plz change my booking now", "Thanks, all good"]
    assert res.exit_code == 0 and "TPL305" not in res.stdout and "TPL311" not in res.stdout
    assert "fixed 1 finding in 1 file" in res.stderr
    assert (
        "TPL202 fix ('Thx' -> 'Thanks') not applied: it would bring TPL305 (Header is 62 "
        "characters" in res.stderr
    )
    assert "bring TPL308" in res.stderr and "bring TPL311" in res.stderr
    # what is left is not counted as fixable: another --fix would not fix it either
    assert "[*]" not in res.stdout
    # --diff shows what --fix wrote, and says the same
    assert '+          "text": "Thanks, all good"' in diff.stdout.splitlines()
    assert "Message" not in diff.stdout and "bring TPL308" in diff.stderr


def test_fixing_repeats_until_nothing_is_left_to_fix(tmp_path: Path) -> None:
    # The emoji inside *bold* is its own fix once the markup is gone: one run does both.
    tpl = {
        "name": "order_update",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Order *🎉 shipped*"},
            {"type": "BODY", "text": "Hi {{1}}, your order has shipped.",
             "example": {"body_text": [["Priya"]]}},
        ],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl, ensure_ascii=False, indent=2), encoding="utf-8")
    res = lint("--fix", "--unsafe-fixes", str(path))
    assert _components(path)[0]["text"] == "Order shipped"
    assert "fixed 2 findings in 1 file" in res.stderr and "TPL307" not in res.stdout
    before = path.read_bytes()
    again = lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == before and "fixed" not in again.stderr


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        # another tool's variable before Meta's: it takes its place's number, the rest move up
        (
            "Hi $first_name, your order {{1}} has shipped and will arrive on {{2}}.",
            "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.",
        ),
        (
            "Dear [Customer Name], your visit is confirmed for {{1}} at our clinic.",
            "Dear {{1}}, your visit is confirmed for {{2}} at our clinic.",
        ),
        (
            "Hi %FIRSTNAME%, your 20% deposit for booking {{1}} has been received.",
            "Hi {{1}}, your 20% deposit for booking {{2}} has been received.",
        ),
        (
            "Hi {{1}}, your order {{}} ships on {{2}} from our warehouse.",
            "Hi {{1}}, your order {{2}} ships on {{3}} from our warehouse.",
        ),
        # a foreign variable inside braces is one variable, replaced whole
        (
            "Hi {{1}}, your order {{$order_id}} ships on {$date} to [City] today.",
            "Hi {{1}}, your order {{2}} ships on {{3}} to {{4}} today.",
        ),
        # the same name twice is one variable
        (
            "Hi $name, your order {{1}} is ready. Thanks, $name, see you soon.",
            "Hi {{1}}, your order {{2}} is ready. Thanks, {{1}}, see you soon.",
        ),
    ],
)
def test_variable_fixes_number_by_position_in_one_run(
    tmp_path: Path, body: str, fixed: str
) -> None:
    path = tmp_path / "v.txt"
    path.write_text(body + "\n", encoding="utf-8")
    res = lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == fixed + "\n"
    for code in ("TPL320", "TPL326", "TPL327", "not applied"):
        assert code not in res.output
    again = lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == fixed + "\n" and "fixed" not in again.stderr


def test_variable_hints_name_the_number_the_fix_would_write(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text("Hi $first_name, your order {{1}} ships on {{2}}.\n", encoding="utf-8")
    res = lint(str(path))
    assert "written like {{1}}" in res.output
    assert "Replace `$first_name` with `{{1}}` and number the variables after it on" in res.output


def _meta(body: str, samples: list[str]) -> dict:
    return {
        "name": "order_update",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "BODY", "text": body, "example": {"body_text": [samples]}},
        ],
    }


@pytest.mark.parametrize(
    ("body", "samples", "hint"),
    [
        (
            "Hi $name, your order {{1}} has shipped and will arrive on {{2}}.",
            ["#4021", "Friday"],
            "Replace `$name` with `{{1}}` and number the variables after it on; add its "
            "sample value as sample 1 of the body example.",
        ),
        (
            "Hi {{1}}, your order {{}} ships on {{2}}.",
            ["Priya", "Friday"],
            "Replace `{{}}` with `{{2}}` and number the variables after it on; add its sample "
            "value as sample 2 of the body example.",
        ),
        (
            "Hi {{1}}, ${order} is ready at [Store Name].",
            ["Priya"],
            "Replace `${order}` with `{{2}}`; add its sample value as sample 2 of the body "
            "example.",
        ),
    ],
)
def test_no_variable_fix_where_its_sample_would_be_missing(
    tmp_path: Path, body: str, samples: list[str], hint: str
) -> None:
    # Meta's JSON gives a sample per variable: a new variable without one is a new error
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_meta(body, samples), indent=2), encoding="utf-8")
    before = path.read_bytes()
    items = json.loads(lint("--format", "json", str(path)).output)
    assert [i["edit"] for i in items if i["code"] in ("TPL326", "TPL327")] == [None] * len(
        [i for i in items if i["code"] in ("TPL326", "TPL327")]
    )
    assert hint in [i["fix"] for i in items]
    res = lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == before and "TPL330" not in res.output


def test_a_named_variable_fixed_renames_its_sample(tmp_path: Path) -> None:
    tpl = {
        "name": "order_named",
        "language": "en_US",
        "category": "UTILITY",
        "parameter_format": "NAMED",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{First_Name}}, your order {{order_id}} has shipped.",
                "example": {
                    "body_text_named_params": [
                        {"param_name": "First_Name", "example": "Priya"},
                        {"param_name": "order_id", "example": "#4021"},
                    ]
                },
            }
        ],
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl, indent=2), encoding="utf-8")
    res = lint("--fix", "--unsafe-fixes", str(path))
    (body,) = _components(path)
    assert body["text"] == "Hi {{first_name}}, your order {{order_id}} has shipped."
    assert body["example"]["body_text_named_params"][0] == {
        "param_name": "first_name",
        "example": "Priya",
    }
    assert res.exit_code == 0 and "TPL330" not in res.output and "TPL326" not in res.output


def _header_footer(header: str, footer: str | None = None) -> dict:
    comps = [
        {"type": "HEADER", "format": "TEXT", "text": header},
        {"type": "BODY", "text": "Hi {{1}}, your order {{2}} has shipped.",
         "example": {"body_text": [["Priya", "#4021"]]}},
    ]  # fmt: skip
    if footer is not None:
        comps.append({"type": "FOOTER", "text": footer})
    return {"name": "order_update", "language": "en_US", "category": "UTILITY", "components": comps}


@pytest.mark.parametrize(
    ("header", "footer", "fixed_header", "fixed_footer"),
    [
        # words on both sides stay apart; an emoji at the start takes its space with it
        ("Order🎉shipped for {{1}}", "Kavya Home✨Support", "Order shipped for {{1}}",
         "Kavya Home Support"),
        ("🚚 Your order is on its way", "💬 Reply STOP to opt out", "Your order is on its way",
         "Reply STOP to opt out"),
        ("Shipped 🎉 today", "Thanks 🙏.", "Shipped today", "Thanks."),
        # inside *bold*: markup and emoji in one run
        ("*🎉 Big news* for order {{1}}", None, "Big news for order {{1}}", None),
    ],
)  # fmt: skip
def test_emoji_taken_out_without_gluing_or_stranding_words(
    tmp_path: Path, header: str, footer: str | None, fixed_header: str, fixed_footer: str | None
) -> None:
    path = tmp_path / "t.json"
    tpl = _header_footer(header, footer)
    if "{{1}}" in header:
        tpl["components"][0]["example"] = {"header_text": ["#4021"]}
    path.write_text(json.dumps(tpl, ensure_ascii=False, indent=2), encoding="utf-8")
    res = lint("--fix", "--unsafe-fixes", "--select", "TPL3", str(path))
    comps = _components(path)
    assert comps[0]["text"] == fixed_header
    if footer is not None:
        assert comps[2]["text"] == fixed_footer
    assert res.exit_code == 0, res.output
    again = lint("--fix", "--unsafe-fixes", "--select", "TPL3", str(path))
    assert "fixed" not in again.stderr


def test_an_emoji_only_header_or_footer_is_not_emptied(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_header_footer("🎉🎉", "🙏"), ensure_ascii=False), "utf-8")
    before = path.read_bytes()
    res = lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == before
    assert "TPL307" in res.output and "TPL310" in res.output and "[*]" not in res.output
    assert "Write the header in words: without its emoji it would be empty." in res.output


def test_a_star_after_a_digit_is_not_markup_to_strip(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    tpl = _header_footer("Rated 5* by *our* customers")
    path.write_text(json.dumps(tpl, ensure_ascii=False), encoding="utf-8")
    res = lint("--fix", "--unsafe-fixes", str(path))
    # *our* is bold and loses its stars; the rating keeps its star, and is still reported
    assert _components(path)[0]["text"] == "Rated 5* by our customers"
    assert "formatting markup (*)" in res.output and '"5 stars"' in res.output
    assert res.exit_code == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plain.txt", b"Hi {{ 1 }}, see your order.\nThanks\n"),
        ("bom.txt", b"\xef\xbb\xbfHi {{ 1 }}, see your order.\nThanks\n"),
        ("crlf.txt", b"Hi {{ 1 }}, see your order.\r\nThanks\r\n"),
        ("cr.txt", b"Hi {{ 1 }},\ryour order {{ 2 }} shipped.\rThanks\r"),
        ("u2028.txt", "Hi {{ 1 }}, your order\u2028{{ 2 }} shipped.\n".encode()),
        ("bom.json", b"\xef\xbb\xbf" + json.dumps(META).encode()),
    ],
)
def test_diff_applies_with_git_apply_and_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes
) -> None:
    import shutil
    import subprocess

    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(data)
    diff = lint("--diff", name).stdout_bytes
    assert diff.startswith(f"--- a/{name}\n+++ b/{name}\n".encode())
    lint("--fix", name)
    fixed = Path(name).read_bytes()
    assert fixed != data
    for tool in (["git", "apply", "-"], ["patch", "-s", "-p1"]):
        if shutil.which(tool[0]) is None:
            continue
        Path(name).write_bytes(data)
        subprocess.run(tool, input=diff, cwd=tmp_path, check=True, capture_output=True)
        assert Path(name).read_bytes() == fixed, tool


def test_add_ignore_keeps_a_lone_cr_file_s_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "cr.txt"
    path.write_bytes(b"Hi {{1}},\ryour ordr {{2}} has shipped.\rThanks\r")
    res = lint("--add-ignore", str(path))
    assert res.exit_code == 0
    data = path.read_bytes()
    assert data == b"# templint: ignore TPL201\rHi {{1}},\ryour ordr {{2}} has shipped.\rThanks\r"
    # and the directive is read as one: nothing is left to report
    assert "all clean" in lint(str(path)).output


def test_unsafe_fixes_alone_says_it_writes_nothing_and_counts_guesses(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("# templint: language en-us\nYour ordr {{1}} has shipped.\n", "utf-8")
    res = lint("--unsafe-fixes", str(path))
    assert "--unsafe-fixes writes nothing without --fix" in res.stderr
    # as ruff does: the best guesses count as fixable, with the flags that fix them
    assert res.stdout.splitlines()[-1] == "[*] 2 fixable with --fix --unsafe-fixes"
    assert "en-us" in path.read_text(encoding="utf-8")


def test_fix_on_stdin_names_the_refused_fix_by_the_buffer_s_name() -> None:
    tpl = _header_footer("Thx for booking with Kavya Home, your stay is now confirmed")
    text = json.dumps(tpl, indent=2)
    res = lint("--fix", "--stdin-filename", "drafts/booking.json", input=text)
    assert res.stdout == text  # the header stays as it was: 'Thanks' would make it 62
    assert "templint: drafts/booking.json:9:16: TPL202 fix ('Thx' -> 'Thanks') not applied" in (
        res.stderr
    )
    assert "[*]" not in res.stderr  # the report, on stderr, does not count it as fixable


def long_body_with_two_fixes() -> str:
    """One line of 1,023 characters: `{{ 1}}` -> `{{1}}` (safe) fits; 'thx' -> 'thanks' (safe)
    then takes the body to 1,025, over Meta's 1,024 (TPL303)."""
    body = "Hi {{ 1}}, thx for your order. " + "Your parcel is on its way. " * 40
    return body[:1022].rstrip() + "." + "\n"


def test_a_refused_round_keeps_the_fixes_that_fit_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    body = long_body_with_two_fixes()
    assert len(body) == 1024
    path.write_text(body, encoding="utf-8")
    res = lint("--fix", str(path))
    fixed = body.replace("{{ 1}}", "{{1}}")
    assert path.read_text(encoding="utf-8") == fixed
    assert "fixed 1 finding" in res.stderr
    assert "TPL202 fix ('thx' -> 'thanks') not applied: it would bring TPL303" in res.stderr
    assert "TPL303" not in res.stdout
    again = lint("--fix", str(path))
    assert path.read_text(encoding="utf-8") == fixed and "fixed" not in again.stderr


def test_repairing_a_brace_is_not_refused_for_the_broken_variables_around_it(
    tmp_path: Path,
) -> None:
    # {{7}}} -> {{7}} was refused as leaving 4, 5, 6 missing (TPL320); TPL320 reads {{#4}},
    # {{$5}}, {{06}} as 4, 5, 6 (TPL326 reports each), so every safe fix is made in one round
    path = tmp_path / "v.txt"
    path.write_text(
        "Hi {{{1}}}, your order {{ 2}} ships on {{3 }} from {{#4}} at {{$5}} for {{06}} "
        "with {{1.5}} done {{7}}}.\n",
        encoding="utf-8",
    )
    res = lint("--fix", str(path))
    fixed = (
        "Hi {{1}}, your order {{2}} ships on {{3}} from {{#4}} at {{$5}} for {{06}} "
        "with {{1.5}} done {{7}}.\n"
    )
    assert path.read_text(encoding="utf-8") == fixed
    assert "fixed 4 findings" in res.stderr and "not applied" not in res.stderr
    assert "TPL320" not in res.stdout
    again = lint("--fix", str(path))
    assert path.read_text(encoding="utf-8") == fixed and "fixed" not in again.stderr
    # with the guesses ({{#4}} -> {{4}} …) the rest is fixed too
    lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == (
        "Hi {{1}}, your order {{2}} ships on {{3}} from {{4}} at {{5}} for {{6}} "
        "with {{1.5}} done {{7}}.\n"
    )


def test_fix_diff_and_add_ignore_never_write_through_a_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `notes.txt -> ../../outside/victim_bashrc`: --fix rewrote the file outside the repo
    folder = tmp_path / "whatsapp"
    folder.mkdir()
    target = folder / "real.txt"
    body = "# templint: language en-us\nHi {{1}}, your order shipped.\n"
    target.write_text(body, "utf-8")
    link = folder / "link.txt"
    link.symlink_to("real.txt")  # inside the folder: read, but never written through
    monkeypatch.chdir(tmp_path)
    for args in (("--fix",), ("--diff",), ("--add-ignore",)):
        res = lint(*args, str(link))
        assert "link.txt: a symlink; not rewritten" in res.output, args
        assert "+++ b/" not in res.output
        assert link.is_symlink() and target.read_text("utf-8") == body
    res = lint("--fix", str(folder))  # the walk finds both: only the real file is written
    assert "link.txt: a symlink; not rewritten" in res.output
    assert link.is_symlink() and "en_US" in target.read_text("utf-8")


def _named(name: str, language: str, body: str) -> dict:
    return {
        "name": name,
        "language": language,
        "category": "UTILITY",
        "components": [
            {"type": "BODY", "text": body, "example": {"body_text": [["Priya", "#4021"]]}}
        ],
    }


def _write_one_name_twice() -> None:
    """a.json and b.json: one name, with en_US and the 'en-us' its fix would make en_US."""
    shipped = _named("order_update", "en_US", "Hi {{1}}, your order {{2}} has shipped.")
    delivered = _named("order_update", "en-us", "Hi {{1}}, your order {{2}} was delivered.")
    Path("a.json").write_text(json.dumps(shipped, indent=2), encoding="utf-8")
    Path("b.json").write_text(json.dumps(delivered, indent=2), encoding="utf-8")


def test_a_fix_that_would_duplicate_another_files_template_is_not_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each file is re-linted alone after its fixes, so 'en-us' -> 'en_US' went through though
    # a.json already has an en_US template of that name: a TPL402 error the fix brought.
    monkeypatch.chdir(tmp_path)
    _write_one_name_twice()
    before = Path("b.json").read_text(encoding="utf-8")
    res = lint("--fix", ".")
    assert Path("b.json").read_text(encoding="utf-8") == before
    assert "TPL302 fix ('en-us' -> 'en_US') not applied: it would bring TPL402" in res.stderr
    assert "TPL402" not in res.stdout and "[*]" not in res.stdout
    assert lint("--diff", ".").stdout == ""


def test_a_fix_that_would_make_a_body_another_files_is_not_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'Thx' -> 'Thanks' makes b.txt say what a.txt says: TPL401, which a re-lint of b.txt
    # alone cannot see. (A rename into another template's name is never offered: TPL301's
    # fix is held back when the run has that name already.)
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Thanks, your order {{1}} has shipped.\n", encoding="utf-8")
    Path("b.txt").write_text("Thx, your order {{1}} has shipped.\n", encoding="utf-8")
    res = lint("--fix", ".")
    assert Path("b.txt").read_text(encoding="utf-8") == "Thx, your order {{1}} has shipped.\n"
    assert "TPL202 fix ('Thx' -> 'Thanks') not applied: it would bring TPL401" in res.stderr
    assert "TPL401" not in res.stdout and "[*]" not in res.stdout


def test_a_duplicate_already_there_refuses_no_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # b.json duplicates a.json before any fix: fixing either file brings nothing new.
    monkeypatch.chdir(tmp_path)
    body = "Hi {{1}}, your order {{2}} has shipped. Thx!"
    Path("a.json").write_text(json.dumps(_named("order_update", "en_US", body)), "utf-8")
    Path("b.json").write_text(json.dumps(_named("order_update", "en_US", body)), "utf-8")
    res = lint("--fix", ".")
    assert "not applied" not in res.stderr
    assert "fixed 2 findings in 2 files" in res.stderr
    assert res.stdout.count("TPL401") == 1 and res.stdout.count("TPL402") == 1


def test_the_report_does_not_count_a_fix_that_fix_would_refuse(tmp_path: Path) -> None:
    # Plain `lint` said "[*] 1 fixable with --fix" for 'Thx' -> 'Thanks', which --fix then
    # refused (the header would be 62 characters): the count and the edit are --fix's own.
    path = tmp_path / "t.json"
    tpl = _header_footer("Thx for booking with Kavya Home, your stay is now confirmed")
    path.write_text(json.dumps(tpl, indent=2), encoding="utf-8")
    res = lint(str(path))
    assert "TPL202" in res.stdout and "[*]" not in res.stdout
    (item,) = json.loads(lint("--format", "json", str(path)).stdout)
    assert item["code"] == "TPL202" and item["edit"] is None
    assert "fixed" not in lint("--fix", str(path)).stderr


def test_the_report_on_stdin_does_not_count_a_fix_that_fix_would_refuse() -> None:
    # `lint -` said "[*] 1 fixable with --fix" for 'Thx' -> 'Thanks', which `lint --fix -`
    # refuses (the header would be 62 characters); a file's count was already --fix's own.
    text = json.dumps(_header_footer("Thx for booking with Kavya Home, your stay is now confirmed"))
    for named in ((), ("--stdin-filename", "drafts/booking.json")):
        res = lint(*named, "-", input=text)
        assert "TPL202" in res.stdout and "[*]" not in res.stdout, named
        (item,) = json.loads(lint("--format", "json", *named, "-", input=text).stdout)
        assert item["code"] == "TPL202" and item["edit"] is None
    assert lint("--fix", "-", input=text).stdout == text  # what --fix does with it
    # a fix --fix makes on standard input is still counted
    res = lint("-", input="# templint: language en-us\nHi {{1}}, your order shipped.\n")
    assert res.stdout.splitlines()[-1] == "[*] 1 fixable with --fix"


def test_the_report_does_not_count_a_best_guess_fix_would_refuse(tmp_path: Path) -> None:
    # 'ordr' -> 'order' would take the header past 60 characters; 'shiped' -> 'shipped' fits
    header = "Your ordr from Kavya Home is confirmed, see you at check-in!"
    assert len(header) == 60
    tpl = {
        "name": "booking_update",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": header},
            {"type": "BODY", "text": "Hi {{1}}, your booking {{2}} has shiped today.",
             "example": {"body_text": [["Priya", "#4021"]]}},
        ],
    }  # fmt: skip
    path = tmp_path / "u.json"
    path.write_text(json.dumps(tpl, indent=2), encoding="utf-8")
    assert lint(str(path)).stdout.splitlines()[-1] == "[*] 1 fixable with --fix --unsafe-fixes"
    res = lint("--unsafe-fixes", str(path))
    assert res.stdout.splitlines()[-1] == "[*] 1 fixable with --fix --unsafe-fixes"
    assert "fixed 1 finding" in lint("--fix", "--unsafe-fixes", str(path)).stderr


def test_the_report_does_not_count_a_fix_that_would_duplicate_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_one_name_twice()
    res = lint(".")
    assert "TPL302" in res.stdout and "[*]" not in res.stdout
