"""``templint lint --add-ignore``: adopting templint on drafts that already exist."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent


def lint(*args: str, input: str | None = None):
    return CliRunner().invoke(
        main, ["lint", "--isolated", *args], input=input, catch_exceptions=False
    )


def test_every_finding_is_suppressed_in_its_own_template_and_files_stay_valid(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder)
    before = json.loads(lint("--format", "json", str(folder)).stdout)
    assert len(before) > 40
    res = lint("--add-ignore", str(folder))
    assert res.exit_code == 0, res.output
    templates = {(f["file"], f["template"]) for f in before}
    files = {f["file"] for f in before}
    codes = sum(
        len({f["code"] for f in before if (f["file"], f["template"]) == t}) for t in templates
    )
    assert res.stderr.strip() == (
        f"templint: added {codes} suppressed codes to {len(templates)} templates "
        f"in {len(files)} files"
    )
    after = lint("--format", "json", str(folder))
    assert after.exit_code == 0 and json.loads(after.stdout) == []
    for path in folder.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    for path in folder.rglob("*.jsonl"):
        # one template a line still: each got its own list, on its own line
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for obj in lines:
            assert ("templint_ignore" in obj) == ((str(path), obj["name"]) in templates)
    # a second run finds nothing to add and changes nothing
    snapshot = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    again = lint("--add-ignore", str(folder))
    assert again.exit_code == 0 and "added 0 suppressed codes" in again.stderr
    assert snapshot == {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_existing_suppressions_are_extended_and_text_files_keep_their_bytes(
    tmp_path: Path,
) -> None:
    listed = tmp_path / "listed.json"
    listed.write_text(
        '{\n  "name": "a",\n  "language": "en-us",\n  "templint_ignore": ["TPL201"],\n'
        '  "components": [{"type": "BODY", "text": "Get 20% off, {{1}}! Ordr now."}]\n}\n',
        encoding="utf-8",
    )
    single = tmp_path / "single.json"
    single.write_text(
        '{"name": "b", "templint_ignore": "TPL302", "language": "en-us", '
        '"body": "Get 20% off your next ordr, {{1}}."}',
        encoding="utf-8",
    )
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbfHi {{1}}, use code SAVE20 now.\r\n")
    markdown = tmp_path / "note.md"
    markdown.write_text("Hi {{1}}, use code SAVE20 now.\n", encoding="utf-8")
    assert lint("--add-ignore", str(tmp_path)).exit_code == 0
    kept = json.loads(listed.read_text(encoding="utf-8"))["templint_ignore"]
    assert kept[-1] == "TPL201" and "TPL101" in kept and "TPL302" in kept
    assert listed.read_text(encoding="utf-8").startswith('{\n  "name": "a",')
    text = json.loads(single.read_text(encoding="utf-8"))["templint_ignore"]
    assert text.startswith("TPL302, ") and "TPL101" in text and "TPL201" in text
    raw = crlf.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# templint: ignore TPL102") and raw.endswith(b"now.\r\n")
    assert b"\r\n" in raw.split(b"TPL102", 1)[1] and b"\n" not in raw.replace(b"\r\n", b"")
    assert markdown.read_text(encoding="utf-8").startswith("<!-- templint: ignore TPL102")
    assert lint(str(tmp_path)).exit_code == 0
    # a problem that goes away later shows up as an unused suppression (TPL001)
    markdown.write_text(
        markdown.read_text(encoding="utf-8").replace("use code SAVE20 now", "thanks"), "utf-8"
    )
    assert "TPL001" in lint(str(markdown)).stdout


def test_read_only_files_and_options_that_cannot_go_with_it(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Hi {{1}}, use code SAVE20 now.\n", encoding="utf-8")
    locked.chmod(0o444)
    res = lint("--add-ignore", str(locked))
    assert res.exit_code == 2 and "read-only; not rewritten" in res.stderr
    assert locked.read_text(encoding="utf-8") == "Hi {{1}}, use code SAVE20 now.\n"
    for args in (["--fix"], ["--diff"]):
        assert lint("--add-ignore", *args, str(locked)).exit_code == 2
    assert lint("--add-ignore", "-", input="Use code SAVE20.\n").exit_code == 2


def test_a_text_file_with_an_ignore_line_gets_its_new_codes_there(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "# templint: ignore TPL201 TPL3\nHi {{1}}, use code SAVE20 for your ordr.\n", "utf-8"
    )
    note = tmp_path / "b.md"
    note.write_text(
        "<!-- templint: ignore TPL201 -->\nHi {{1}}, use code WELCOME5 on your next ordr.\n",
        "utf-8",
    )
    assert lint("--add-ignore", "--ignore", "TPL001", str(tmp_path)).exit_code == 0
    assert text.read_text("utf-8").splitlines()[0] == "# templint: ignore TPL201, TPL102 TPL3"
    assert note.read_text("utf-8").splitlines()[0].startswith("<!-- templint: ignore TPL201, ")
    assert note.read_text("utf-8").splitlines()[0].endswith(" -->")
    assert len(text.read_text("utf-8").splitlines()) == 2  # no second ignore line
    assert lint("--ignore", "TPL001", str(tmp_path)).exit_code == 0
