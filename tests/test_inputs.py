"""Reading templates: spans into JSON strings, the Meta shapes, hostile files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.api import lint_paths
from linter.config import Config
from linter.inputs import InputError, load_path, parse_json, parse_jsonl, parse_text

ONLY_OFFERS = Config(select=("TPL101",))


def offer_spans(path: Path) -> list[tuple[int, int, int, int, str]]:
    result = lint_paths([str(path)], ONLY_OFFERS)
    assert not result.errors, result.errors
    return [(d.line, d.column, d.end_line, d.end_column, d.component) for d in result.diagnostics]


def test_span_points_into_json_string_after_escapes(tmp_path: Path) -> None:
    # Escapes before the offer (\" and \u00e9) take more file characters than decoded ones.
    raw = (
        '{"name": "t", "category": "UTILITY", "components": [\n'
        '  {"type": "BODY", "text": "Caf\\u00e9 \\"Bonjour\\": get 20% off today"}\n]}'
    )
    f = tmp_path / "t.json"
    f.write_text(raw)
    line2 = raw.splitlines()[1]
    col = line2.index("20% off") + 1
    assert offer_spans(f) == [(2, col, 2, col + len("20% off"), "body")]


def test_span_after_newline_escape_in_json(tmp_path: Path) -> None:
    raw = '{"components": [{"type": "BODY", "text": "Line one\\nGet 20% off now"}]}'
    f = tmp_path / "t.json"
    f.write_text(raw)
    col = raw.index("20% off") + 1
    assert offer_spans(f) == [(1, col, 1, col + len("20% off"), "body")]


def test_every_component_is_linted(tmp_path: Path) -> None:
    tpl = {
        "name": "x",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Flat 50 off"},
            {"type": "BODY", "text": "Your order has shipped."},
            {"type": "FOOTER", "text": "Save 10% next time"},
            {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Get 5% off"}]},
        ],
    }
    f = tmp_path / "t.json"
    f.write_text(json.dumps(tpl, indent=2))
    assert [s[-1] for s in offer_spans(f)] == ["header", "footer", "buttons[0].text"]


def test_meta_export_list_and_jsonl(tmp_path: Path) -> None:
    body = {"type": "BODY", "text": "Order shipped."}
    export = {"data": [{"name": f"t{i}", "components": [body]} for i in range(3)]}
    templates = parse_json(json.dumps(export), "e.json")
    assert [t.name for t in templates] == ["t0", "t1", "t2"]
    assert len(parse_json(json.dumps(export["data"]), "l.json")) == 3
    lines = "\n".join(json.dumps(t) for t in export["data"]) + "\n\n"
    templates = parse_jsonl(lines, "x.jsonl")
    assert [t.name for t in templates] == ["t0", "t1", "t2"]
    assert templates[2].index.position(templates[2].anchor) == (3, 1)


def test_jsonl_bad_line_names_the_line(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text('{"body": "ok"}\n{"body": "broken"\n')
    with pytest.raises(InputError) as exc:
        load_path(str(f))
    assert exc.value.line == 2 and "invalid JSON" in exc.value.message


def test_body_examples_and_flat_shape() -> None:
    raw = json.dumps(
        {
            "name": "a",
            "language": "en_US",
            "category": "utility",
            "components": [
                {"type": "BODY", "text": "Hi {{1}}", "example": {"body_text": [["Ann"]]}}
            ],
        }
    )
    tpl = parse_json(raw)[0]
    assert (tpl.category, tpl.body_examples, tpl.body) == ("UTILITY", ["Ann"], "Hi {{1}}")
    flat = parse_json(json.dumps({"name": "b", "body": "Hello"}))[0]
    assert flat.body == "Hello"


def test_text_directive_lines_are_not_body_and_positions_hold() -> None:
    tpl = parse_text("line one\n# templint: ignore TPL101\nline two\n", "t.txt")
    comp = tpl.components[0]
    assert comp.text == "line one\nline two"
    assert tpl.index.position(comp.omap.to_file(comp.text.index("two"))) == (3, 6)
    assert set(tpl.ignore) == {"TPL101"}


def test_text_directives_declare_category_and_language_and_are_not_body() -> None:
    text = "# templint: category marketing\n<!-- templint: language=es -->\nHola {{1}}.\n"
    tpl = parse_text(text, "t.md")
    assert (tpl.category, tpl.language, tpl.body) == ("MARKETING", "es", "Hola {{1}}.")
    assert tpl.declared is not None
    where = tpl.declared["language"]
    assert tpl.index.position(where.omap.to_file(0)) == (2, 25)  # TPL302 points here
    same_twice = parse_text("# templint: category utility\n# templint: category UTILITY\nHi", "t")
    assert same_twice.category == "UTILITY"
    plain = parse_text("Hola {{1}}.", "t.txt")
    assert (plain.category, plain.language, plain.declared) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "message", "where"),
    [
        (
            "Hi\n# templint: category promo\n",
            "unknown category 'promo' in a templint directive; "
            "use MARKETING, UTILITY or AUTHENTICATION",
            (2, 22),
        ),
        (
            "# templint: language es\n# templint: language en\nHi",
            "language declared twice: 'es', then 'en'",
            (2, 22),
        ),
        ("# templint: language es\n# templint: language ES\n", "language declared twice", (2, 22)),
    ],
)
def test_a_bad_directive_is_an_input_error_where_it_is_written(
    text: str, message: str, where: tuple[int, int]
) -> None:
    with pytest.raises(InputError) as exc:
        parse_text(text, "t.txt")
    assert exc.value.message.startswith(message)
    assert (exc.value.line, exc.value.column) == where


def test_directives_in_a_crlf_file_are_read() -> None:
    # Windows editors and Excel end lines with CRLF: the carriage return ends the directive
    tpl = parse_text("Get 20% off\r\n# templint: ignore TPL101\r\nnow\r\n", "t.txt")
    assert (tpl.body, set(tpl.ignore)) == ("Get 20% off\r\nnow", {"TPL101"})
    md = parse_text("<!-- templint: language es -->\r\nHola", "t.md")
    assert (md.body, md.language) == ("Hola", "es")


def test_a_line_that_only_starts_like_a_directive_stays_in_the_body() -> None:
    # a million spaces after the keyword, then a character no directive holds: read in linear
    # time (the single pattern used before backtracked over the spaces for hours, and the check
    # for a directive without a value, with two runs of blanks side by side, for minutes)
    hostile = [f"# templint: {word}" + " " * 1_000_000 + "x!" for word in ("ignore", "category")]
    for line in (*hostile, "# templint: ignoreTPL101", "<!-- templint: language   -- >"):
        tpl = parse_text(f"Hi\n{line}\nthere", "t.txt")
        assert (tpl.body, tpl.ignore) == (f"Hi\n{line}\nthere", {})


def test_deeply_nested_json_is_a_clean_error(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError) as exc:
        load_path(str(f))
    assert "nested deeper than" in exc.value.message


def test_ten_megabyte_string_is_read(tmp_path: Path) -> None:
    f = tmp_path / "big.json"
    f.write_text(json.dumps({"name": "big", "body": "a" * 10_000_000}))
    cfg = Config(select=("TPL101",), max_file_size=20 * 1024 * 1024)
    result = lint_paths([str(f)], cfg)
    assert not result.errors and len(result.templates) == 1


def test_symlink_loop_and_fifo_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "ok.txt").write_text("Your order has shipped.")
    os.symlink(folder, folder / "loop")
    os.mkfifo(folder / "pipe.txt")
    result = lint_paths([str(folder)], ONLY_OFFERS)
    assert result.files == 1 and not result.errors
    assert any("not a regular file" in s.reason for s in result.skipped)


def test_fifo_named_directly_is_an_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = lint_paths([str(tmp_path / "pipe.txt")], ONLY_OFFERS)
    assert "not a regular file" in result.errors[0].message


def test_bom_is_ignored(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffGet 20% off".encode())
    assert offer_spans(f) == [(1, 5, 1, 12, "body")]


def test_named_header_samples_are_checked_like_numbered_ones(tmp_path: Path) -> None:
    def template(sample: str) -> dict:
        header = {"type": "HEADER", "format": "TEXT", "text": "Order {{order_id}}"}
        header["example"] = {
            "header_text_named_params": [{"param_name": "order_id", "example": sample}]
        }
        named = [{"param_name": "first_name", "example": "Ana"}]
        body = {"type": "BODY", "text": "Hi {{first_name}}, your order has shipped."}
        body["example"] = {"body_text_named_params": named}
        return {"name": "order_named", "language": "en_US", "category": "UTILITY",
                "parameter_format": "NAMED", "components": [header, body]}  # fmt: skip

    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(template("A-123")))
    bad.write_text(json.dumps(template("A-1\n23")))
    assert lint_paths([str(good)], Config()).diagnostics == []
    (d,) = [d for d in lint_paths([str(bad)], Config()).diagnostics if d.code == "TPL332"]
    assert d.component == "header.example.order_id" and "line break" in d.message


def test_lint_paths_takes_one_path_as_a_string(tmp_path: Path) -> None:
    """lint_paths("whatsapp") used to report a missing file for each of its letters."""
    (tmp_path / "t.txt").write_text("Use code SAVE20 for 20% off.\n", encoding="utf-8")
    result = lint_paths(str(tmp_path), Config())
    assert result.errors == [] and result.files == 1
    assert "TPL102" in {d.code for d in result.diagnostics}
    assert lint_paths(tmp_path, Config()).files == 1


def test_a_spreadsheet_named_on_the_command_line_is_refused_not_linted_as_one_body(
    tmp_path: Path,
) -> None:
    # Linted as text, 30 rows and the header became one body (TPL321, TPL303 …) and --fix
    # rewrote the CSV. A suffix-less file or an unknown one is still a body.
    sheet = tmp_path / "drafts.csv"
    sheet.write_text('name,body\no1,"Hi {{1}}, order {{2}} shipped."\n', encoding="utf-8")
    result = lint_paths([str(sheet)], Config())
    assert result.diagnostics == [] and len(result.errors) == 1
    assert f"templint batch {sheet} -o scored.csv" in str(result.errors[0])
    (tmp_path / "t.yaml").write_text("body: Hi\n", encoding="utf-8")
    assert "not a template file" in str(lint_paths([str(tmp_path / "t.yaml")], Config()).errors[0])
    (tmp_path / "order_update").write_text("Use code SAVE20 now.", encoding="utf-8")
    found = lint_paths([str(tmp_path / "order_update")], Config())
    assert "TPL102" in {d.code for d in found.diagnostics}


def test_lint_text_of_no_string_is_a_type_error() -> None:
    from linter.api import lint_text

    with pytest.raises(TypeError, match="needs the template body as a str, not NoneType"):
        lint_text(None)  # type: ignore[arg-type]


def test_lint_text_reads_the_texts_own_declarations_as_lint_does() -> None:
    # The arguments are for a text that declares nothing: the README says its own line wins.
    from linter.api import lint_text

    offer = "Hi {{1}}, use code SAVE20 for 20% off your order today."
    assert "TPL102" in {d.code for d in lint_text(offer)}
    assert lint_text("# templint: category MARKETING\n" + offer) == []
    assert lint_text("# templint: category MARKETING\n" + offer, category="UTILITY") == []
    spanish = "Hola {{1}}, aquí tienes la informacion de tu pedido {{2}}. Gracias por tu compra."
    found = lint_text("# templint: language es\n" + spanish)
    assert [d.code for d in found] == ["TPL201"] and "información" in found[0].message
    declared = lint_text("# templint: language pt_BR\n" + spanish, language="es")
    assert {d.language for d in declared} == {"pt_BR"}


def test_the_api_lints_as_the_cli_with_the_configuration_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without config= the API uses the defaults wherever it runs; load_config() finds the
    project's, as the CLI does (README, Python API)."""
    from linter.api import lint_file
    from linter.config import load_config

    (tmp_path / "pyproject.toml").write_text(
        '[tool.templint]\nseverity = { TPL106 = "error" }\nignore = ["TPL5"]\n', encoding="utf-8"
    )
    draft = tmp_path / "t.txt"
    draft.write_text("Hurry, only today! Your order has shipped.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plain = {(d.code, d.severity) for d in lint_file(str(draft))}
    assert ("TPL106", "warning") in plain
    configured = {(d.code, d.severity) for d in lint_file(str(draft), config=load_config())}
    assert ("TPL106", "error") in configured and not any(c[:4] == "TPL5" for c, _ in configured)


def test_a_jsonl_file_with_bad_lines_still_lints_its_good_ones(tmp_path: Path) -> None:
    """One broken line used to cost the whole file: none of its templates was linted."""
    f = tmp_path / "drafts.jsonl"
    f.write_text(
        '{"body": "Get 20% off today"}\n{"body": "Your order shipped."}\nnot json\n'
        '{"body": "Use code SAVE20 now."}\n[1]\n',
        encoding="utf-8",
    )
    result = lint_paths([str(f)], Config(select=("TPL10",)))
    assert len(result.templates) == 3
    assert sorted({(d.line, d.code) for d in result.diagnostics}) == [(1, "TPL101"), (4, "TPL102")]
    assert [(e.line, e.message) for e in result.errors] == [
        (3, "invalid JSON: unexpected character 'n'"),
        (5, "template 5 is not a JSON object"),
    ]


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("Use code SAVE20.\n# templint: ignore\n", (2, 13), "'templint: ignore' says nothing"),
        ("<!-- templint: category -->\nHi {{1}}.", (1, 16), "'templint: category' says nothing"),
        ("Use code SAVE20. # templint: ignore TPL102\n", (1, 18), "on a line of its own"),
    ],
)
def test_a_directive_that_says_nothing_or_trails_text_is_an_input_error(
    text: str, where: tuple[int, int], says: str
) -> None:
    """Both used to be read as template text (and 'templint' flagged as a misspelling)."""
    with pytest.raises(InputError) as exc:
        parse_text(text, "t.txt")
    assert (exc.value.line, exc.value.column) == where and says in exc.value.message


def test_a_folder_walk_leaves_out_docs_and_what_exclude_names(tmp_path: Path) -> None:
    # `templint lint .` linted README.md and docs/*.md as templates; the pre-commit hook
    # already left them out. A file named outright is still read.
    from linter.config import load_config

    offer = "Use code SAVE20 now.\n"
    for name in ("README.md", "CHANGELOG.txt", "docs/guide.md", "old/a.json", "t.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(offer if name != "old/a.json" else "[", encoding="utf-8")
    (tmp_path / "templint.toml").write_text('exclude = ["docs/", "old/*.json"]\n', "utf-8")
    config = load_config(tmp_path / "templint.toml")
    result = lint_paths([str(tmp_path)], config)
    assert result.files == 1 and result.errors == []
    assert {Path(d.file).name for d in result.diagnostics} == {"t.txt"}
    assert {Path(s.path).name for s in result.skipped} >= {"README.md", "guide.md", "a.json"}
    assert lint_paths([str(tmp_path / "docs" / "guide.md")], config).diagnostics
    with pytest.raises(Exception, match="'exclude' must be a list of globs"):
        (tmp_path / "templint.toml").write_text("exclude = [3]\n", "utf-8")
        load_config(tmp_path / "templint.toml")


def test_force_exclude_applies_exclude_to_files_named_outright(tmp_path: Path) -> None:
    # pre-commit names each staged file: without --force-exclude the project's exclude (and
    # the README rule) did not apply to them, so the hook failed on files `lint .` leaves out.
    from linter.config import load_config

    for name in ("old/legacy.txt", "README.md", "t.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Use code SAVE20 now.\n", encoding="utf-8")
    (tmp_path / "templint.toml").write_text('exclude = ["old/"]\n', "utf-8")
    config = load_config(tmp_path / "templint.toml")
    named = [str(tmp_path / n) for n in ("old/legacy.txt", "README.md", "t.txt")]
    assert lint_paths(named, config).files == 3
    forced = lint_paths(named, config, force_exclude=True)
    assert forced.files == 1 and {Path(d.file).name for d in forced.diagnostics} == {"t.txt"}
    assert len(forced.skipped) == 2


def test_a_folder_walk_leaves_out_the_configs_word_lists(tmp_path: Path) -> None:
    # vocab/accept.txt is a .txt file: it was linted as a template ("Reads as promotional")
    from linter.config import load_config

    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "accept.txt").write_text("sale\ndiscount\ncoupon\n", "utf-8")
    (tmp_path / "vocab" / "reject.txt").write_text("shiped -> shipped\n", "utf-8")
    (tmp_path / "t.txt").write_text("Your order has shipped.\n", "utf-8")
    (tmp_path / "templint.toml").write_text(
        'accept = "vocab/accept.txt"\nreject = "vocab/reject.txt"\n', "utf-8"
    )
    result = lint_paths([str(tmp_path)], load_config(tmp_path / "templint.toml"))
    assert result.files == 1 and result.diagnostics == []
    said = {Path(s.path).name: s.reason for s in result.skipped}
    assert said["accept.txt"].startswith("a vocabulary file of") and "reject.txt" in said


SECRET = "aws_secret_access_key = AKIAFAKESECRET0000"


def test_a_walk_skips_a_linked_file_pointing_out_of_the_folder(tmp_path: Path) -> None:
    # A committed `welcome.txt -> ../../.aws/credentials` printed the secret in the findings.
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "credentials").write_text(SECRET)
    folder = tmp_path / "repo" / "whatsapp"
    folder.mkdir(parents=True)
    (folder / "ok.txt").write_text("Your order has shipped.")
    (folder / "same.txt").write_text("Get 20% off today")
    os.symlink(outside / "credentials", folder / "welcome.txt")
    os.symlink("same.txt", folder / "inside.txt")  # a link inside the folder is still read
    result = lint_paths([str(folder)], ONLY_OFFERS)
    assert not result.errors and result.files == 3
    assert not any("AKIA" in t.components[0].text for t in result.templates)
    [skip] = [s for s in result.skipped if s.path.endswith("welcome.txt")]
    assert skip.loud and "symlink" in skip.reason


def test_a_named_link_out_of_the_project_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pre-commit passes staged names: a committed link is named, not walked
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "credentials").write_text(SECRET)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic Zm9v\n")
    (repo / "whatsapp").mkdir()
    (repo / "whatsapp" / "real.txt").write_text("Your order has shipped.")
    os.symlink("../../home/credentials", repo / "whatsapp" / "welcome.txt")
    os.symlink("../.git/config", repo / "whatsapp" / "order_update.txt")
    os.symlink("real.txt", repo / "whatsapp" / "fine.txt")
    monkeypatch.chdir(repo / "whatsapp")  # the project is the git work tree above
    result = lint_paths(["welcome.txt", "order_update.txt", "fine.txt"], ONLY_OFFERS)
    assert [e.path for e in result.errors] == ["welcome.txt", "order_update.txt"]
    assert all("symlink" in e.message and "not read" in e.message for e in result.errors)
    assert [t.file for t in result.templates] == ["fine.txt"]
    texts = " ".join(c.text for t in result.templates for c in t.components)
    assert "AKIA" not in texts and "AUTHORIZATION" not in texts
