"""Output formats other tools read: SARIF for code scanning, docs generated from rules/."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "offer.txt").write_text("Order shipped.\nGet 20% off next time!\n")
    (tmp_path / "drafts" / "broken.json").write_text("{")
    res = CliRunner().invoke(
        main, ["lint", "--isolated", "--select", "TPL1", "--format", "sarif", "drafts"]
    )
    assert res.exit_code == 2  # the broken file is an input error, reported in the log too
    return json.loads(res.stdout)


def test_sarif_validates_and_locates(sarif: dict) -> None:
    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0-subset.json").read_text())
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"  # what the columns count, said outright
    result = next(r for r in run["results"] if r["ruleId"] == "TPL101")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/offer.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 12}
    assert result["properties"] == {
        "template": "offer",
        "component": "body",
        "category": "UTILITY",
    }  # no language: none declared, and a null would only be noise in code-scanning tools
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "TPL101" and "Why is this bad?" in rule["help"]["text"]
    # a whole sentence on one line: the first line of the summary stopped mid-list
    short = rule["shortDescription"]["text"]
    assert short.startswith("Finds discounts") and short.endswith("the rest on delivery`).")
    assert "\n" not in short
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "invalid JSON" in notes[0]["message"]["text"]


def test_docs_rules_md_is_generated_from_rules() -> None:
    """docs/rules.md must list every rule; regenerate with `templint rules --format markdown`."""
    res = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert res.exit_code == 0
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == res.output, (
        "docs/rules.md is stale: run `templint rules --format markdown > docs/rules.md`"
    )


def test_statistics_count_each_rule_over_a_folder(tmp_path: Path) -> None:
    def lint(*args: str) -> object:
        return CliRunner().invoke(main, ["lint", "--isolated", *args, str(ROOT / "examples")])

    findings = json.loads(lint("--format", "json").stdout)
    res = lint("--statistics", "--format", "json")
    assert res.exit_code == 1  # the same exit status as the findings would give
    rows = json.loads(res.stdout)
    assert sum(r["count"] for r in rows) == len(findings)
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    by_code = {r["code"]: r for r in rows}
    spelled = [f for f in findings if f["code"] == "TPL201"]
    assert by_code["TPL201"]["count"] == len(spelled)
    assert by_code["TPL201"]["templates"] == len({(f["file"], f["template"]) for f in spelled})
    assert by_code["TPL302"]["fixable"] == sum(
        1 for f in findings if f["code"] == "TPL302" and f["edit"] and f["edit"]["safe"]
    )
    text = lint("--statistics").stdout.splitlines()
    assert text[-1].startswith(f"{len(findings)} findings of {len(rows)} rules")
    assert any("TPL302  [*] language-code" in line for line in text)
    assert lint("--statistics", "--format", "sarif").exit_code == 2


def test_concise_is_one_line_a_finding_as_the_text_report_heads_them() -> None:
    def lint(*args: str) -> list[str]:
        res = CliRunner().invoke(main, ["lint", "--isolated", "--color", "never", *args])
        return res.stdout.splitlines()

    folder = str(ROOT / "examples" / "bad")
    concise = lint("--format", "concise", folder)
    text = lint(folder)
    found = json.loads(
        CliRunner().invoke(main, ["lint", "--isolated", "--format", "json", folder]).stdout
    )
    heads = [
        line for line in text if line.split(":")[0].endswith((".txt", ".md", ".json", ".jsonl"))
    ]
    assert concise[: len(found)] == heads and len(heads) == len(found)
    assert concise[len(found)] == text[-2]  # the same summary; no source lines or hints
    assert not any(line.startswith("    ") for line in concise)


def _lint_in(tmp_path: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["lint", "--isolated", "--select", "TPL1,TPL5", *args])
    return res.exit_code, res.stdout


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    offer = "Order shipped.\nGet 20% off next time! Get 20% off next time!\n"
    (tmp_path / "drafts" / "offer.txt").write_text(offer)
    (tmp_path / "drafts" / "ok.txt").write_text("Your order {{1}} has shipped.\n")
    return tmp_path / "drafts"


def test_gitlab_code_quality_issues_have_what_the_widget_needs(drafts: Path) -> None:
    (drafts / "broken.json").write_text("{")
    # Absolute paths in, repository-relative paths out: GitLab matches files by them.
    code, out = _lint_in(drafts, "--format", "gitlab", str(drafts))
    assert code == 2
    issues = json.loads(out)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["lines"]["begin"] >= 1
    offers = [i for i in issues if i["check_name"] == "TPL101 discount-offer"]
    assert len(offers) == 2 and {i["severity"] for i in offers} == {"major"}
    assert offers[0]["location"] == {"path": "drafts/offer.txt", "lines": {"begin": 2}}
    assert "'20% off'" in offers[0]["description"] and "Fix: " in offers[0]["description"]
    # Two identical findings in one file: GitLab shows only the first of a fingerprint.
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    broken = [i for i in issues if i["location"]["path"] == "drafts/broken.json"]
    assert [i["severity"] for i in broken] == ["critical"]
    assert "invalid JSON" in broken[0]["description"]


def test_gitlab_fingerprints_survive_lines_added_above(drafts: Path) -> None:
    """A merge request that adds a line above a finding must not report it as new."""
    before = json.loads(_lint_in(drafts, "--format", "gitlab", "drafts")[1])
    offer = drafts / "offer.txt"
    offer.write_text("Hello {{1}},\n\n" + offer.read_text())
    after = json.loads(_lint_in(drafts, "--format", "gitlab", "drafts")[1])
    kept = {i["check_name"]: i["fingerprint"] for i in before}
    moved = [i for i in after if i["check_name"] == "TPL101 discount-offer"]
    assert [i["location"]["lines"]["begin"] for i in moved] == [4, 4]
    assert {i["fingerprint"] for i in moved} == {
        i["fingerprint"] for i in before if i["check_name"] == "TPL101 discount-offer"
    }
    assert kept  # the run found something to compare


def _junit(out: str) -> ET.Element:
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    return root


def test_junit_failures_agree_with_the_exit_status(drafts: Path) -> None:
    (drafts / "soft.txt").write_text("Order shipped. Shop our summer sale!\n")
    code, out = _lint_in(drafts, "--format", "junit", "drafts")
    root = _junit(out)
    assert code == 1
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"drafts/offer.txt", "drafts/ok.txt", "drafts/soft.txt"}
    offer = suites["drafts/offer.txt"]
    failed = [c for c in offer.iter("testcase") if c.find("failure") is not None]
    assert [f.find("failure").get("type") for f in failed] == ["TPL101", "TPL101"]
    assert failed[0].find("failure").text.startswith("drafts/offer.txt:2:5: TPL101 [error]")
    # the offer's errors say it is promotional: the classifier's warning is not reported again
    assert offer.get("tests") == "2" and offer.get("failures") == "2"
    # warnings (TPL106, TPL501): below the default --fail-on error they pass, messages kept
    soft = suites["drafts/soft.txt"]
    warned = [c for c in soft.iter("testcase") if c.get("name").startswith("TPL501")]
    assert len(warned) == 1 and warned[0].find("failure") is None
    assert "Reads as promotional" in warned[0].find("system-out").text
    clean = list(suites["drafts/ok.txt"].iter("testcase"))
    assert [c.get("name") for c in clean] == ["no findings"] and not list(clean[0])
    assert root.get("tests") == "5" and root.get("failures") == "2" and root.get("errors") == "0"

    code, out = _lint_in(drafts, "--format", "junit", "--fail-on", "warning", "drafts")
    assert code == 1 and _junit(out).get("failures") == "4"
    (drafts / "offer.txt").unlink()
    code, out = _lint_in(drafts, "--format", "junit", "drafts")
    assert code == 0 and _junit(out).get("failures") == "0"


def test_junit_reports_unreadable_files_as_errors(drafts: Path) -> None:
    (drafts / "broken.json").write_text("{")
    code, out = _lint_in(drafts, "--format", "junit", "drafts")
    assert code == 2
    suite = next(s for s in _junit(out).iter("testsuite") if s.get("name") == "drafts/broken.json")
    error = suite.find("testcase/error")
    assert error is not None and "invalid JSON" in error.get("message")
    assert suite.get("errors") == "1"


def test_junit_stays_parseable_with_control_characters() -> None:
    """XML 1.0 cannot hold most control characters even escaped; a template may hold them."""
    from linter.diagnostic import Diagnostic
    from linter.output import Report, emit

    d = Diagnostic(
        "TPL201",
        "misspelled-word",
        "warning",
        "Possible misspelling 'sh\x01ped\ufffe'",
        "odd\x02.txt",
        1,
        1,
        1,
        5,
        template="odd",
    )
    out = io.StringIO()
    emit("junit", Report(diagnostics=[d], fail_on="warning"), out)
    failure = _junit(out.getvalue()).find("testsuite/testcase/failure")
    assert (
        failure is not None and failure.get("message") == "Possible misspelling 'sh\\x01ped\\ufffe'"
    )


def test_json_lists_a_misspellings_other_suggestions_beside_the_fix() -> None:
    res = CliRunner().invoke(
        main, ["lint", "--isolated", "--select", "TPL2,TPL3", "--format", "json", "-"],
        input="Your order {{1}} has shiped.\n",
    )  # fmt: skip
    (spelling,) = [f for f in json.loads(res.stdout) if f["code"] == "TPL201"]
    assert spelling["edit"]["content"] == "shipped" and spelling["edit"]["safe"] is False
    assert spelling["alternatives"] == ["shaped"]  # not the far-fetched 'swiped' (ce3acd3)
    others = [f for f in json.loads(res.stdout) if f["code"] != "TPL201"]
    assert all(f["alternatives"] == [] for f in others)


def test_json_items_all_have_the_documented_keys(tmp_path: Path) -> None:
    # A consumer's parser broke when --select dropped the classifier's keys, or on an input
    # error's shorter object. docs/ci.md lists the keys; every item has all of them.
    from linter.output.json_format import KEYS

    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert all(f"`{key}`" in doc for key in KEYS)
    draft = tmp_path / "d.txt"
    draft.write_text("Hi {{1}}, use code SAVE20 for 20% off.\n", encoding="utf-8")
    for select in ("TPL", "TPL102"):
        res = CliRunner().invoke(
            main,
            ["lint", "--isolated", "--format", "json", "--select", select, str(draft), "nope.txt"],
        )
        items = json.loads(res.output)
        assert items and all(list(i) == list(KEYS) for i in items)
        assert items[-1]["code"] == "input-error" and items[-1]["alternatives"] == []


HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\\u202e\u2066\x85\x7f"


def test_text_outputs_escape_terminal_controls_and_keep_the_caret_under_the_span(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template, its name or its file name may hold OSC 52 (clipboard write), OSC 8, CSI, a
    carriage return or a bidi override ("Trojan Source"); a newline in a name forged a whole
    finding line in --format concise. Shown escaped; the caret still under the offer."""
    from linter.output.safe import safe

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a\x1b[2K\rb.txt").write_text(f"Hello {HOSTILE} get 20% off\n")
    forged = "promo\nd/ok.txt:1:1: TPL000 [info] all good\x1b]52;c;eA==\x07"
    template = {"name": forged, "category": "UTILITY", "language": "en_US"}
    template["components"] = [{"type": "BODY", "text": "Get 20% off today"}]
    (tmp_path / "d" / "n.json").write_text(json.dumps([template]))
    for fmt in ("text", "concise"):
        res = CliRunner().invoke(
            main, ["lint", "--isolated", "--select", "TPL101", "--format", fmt, "d"]
        )
        out = res.stdout
        assert "TPL000" not in [line.split(" ")[1] for line in out.splitlines() if " " in line]
        assert not any(ch in out for ch in "\x1b\x07\r\x7f\x85\u202e\u2066"), fmt
        assert "\\x1b]52;c;" in out and "\\r" in out
        assert ("\\u202e" in out) == (fmt == "text")  # the source line: text only
        assert not any(line.startswith("d/ok.txt") for line in out.splitlines())
        if fmt == "text":
            lines = out.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("    ^") or (line.startswith("    ") and "^" in line):
                    start = line.index("^")
                    assert lines[i - 1][start : start + 7] == "20% off", (lines[i - 1], line)
    assert safe("plain text, tabs\tand é ü 中文 ✓") == "plain text, tabs\tand é ü 中文 ✓"
    assert safe("a\nb\x1b\u2028\u202a") == "a\\nb\\x1b\\u2028\\u202a"


def test_sarif_uris_are_percent_encoded_and_gitlab_paths_stay_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SARIF's artifactLocation.uri is a URI reference: unencoded, "a#b?c%20 d.txt" named file
    "a" with a query and a fragment. GitLab's location.path is a plain repository path."""
    from urllib.parse import unquote, urlsplit

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a#b?c%20 dé.txt").write_text("Get 20% off\n")
    args = ["lint", "--isolated", "--select", "TPL101", "d", "--format"]
    log = json.loads(CliRunner().invoke(main, [*args, "sarif"]).stdout)
    (result,) = log["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "d/a%23b%3Fc%2520%20d%C3%A9.txt"
    parts = urlsplit(uri)
    assert not parts.query and not parts.fragment and unquote(parts.path) == "d/a#b?c%20 dé.txt"
    (issue,) = json.loads(CliRunner().invoke(main, [*args, "gitlab"]).stdout)
    assert issue["location"]["path"] == "d/a#b?c%20 dé.txt"


def test_an_undeclared_category_is_noted_once_per_template(tmp_path) -> None:
    """A .txt draft with no category was checked as UTILITY silently, and TPL101's advice
    'or declare this template as MARKETING' did not say how."""
    import json as _json

    from click.testing import CliRunner

    from linter.cli import main

    draft = tmp_path / "offer.txt"
    draft.write_text("Your order shipped. Use code THANKS20 for 20% off. Hurry!\n", "utf-8")
    declared = tmp_path / "declared.txt"
    declared.write_text("# templint: category UTILITY\nUse code THANKS20 for 20% off.\n", "utf-8")
    res = CliRunner().invoke(main, ["lint", str(draft), str(declared)])
    notes = [line for line in res.output.splitlines() if line.startswith("note:")]
    assert notes == [
        f"note: {draft} (offer) declares no category, so it was checked as UTILITY; to declare "
        "one, add a line `# templint: category MARKETING` (or UTILITY, AUTHENTICATION)"
    ]
    res = CliRunner().invoke(main, ["lint", "--format", "json", str(draft), str(declared)])
    items = _json.loads(res.output)
    assert {d["code"] for d in items if d["file"] == str(draft)} >= {"TPL101", "TPL102"}
    for d in items:
        assert d["category_assumed"] is (d["file"] == str(draft))


def test_sarif_carries_a_findings_suggestions_as_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SARIF carried the edit --fix writes and no suggestion: 'kheer', with no clear guess, had
    no fix at all, and 'shiped' lost 'shaped'. Each suggestion is now a fix object of its own
    (SARIF 3.55: artifactChanges, replacements over the word), after the edit, said to be a
    suggestion; with no span to give, the texts go in the result's property bag."""
    from linter.output import Report
    from linter.output.sarif_format import emit

    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text("Fresh kheer for Diwali, shiped today.\n")
    args = ["lint", "--isolated", "--select", "TPL201", "--format", "sarif", "draft.txt"]
    res = CliRunner().invoke(main, args)
    log = json.loads(res.stdout)
    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0-subset.json").read_text())
    jsonschema.validate(log, schema)
    kheer, shiped = log["runs"][0]["results"]

    def offered(result: dict) -> list[tuple[str, str, dict]]:
        out = []
        for fix in result["fixes"]:
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["uri"] == "draft.txt"
            (replacement,) = change["replacements"]
            out.append(
                (
                    replacement["insertedContent"]["text"],
                    fix["description"]["text"].split(": ", 1)[1],
                    replacement["deletedRegion"],
                )
            )
        return out

    word = {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 12}
    suggestion = "suggestion (not written by templint lint --fix)"
    assert offered(kheer)[:1] == [("cheer", suggestion, word)]
    assert all(how == suggestion for _, how, _ in offered(kheer))
    word = {"startLine": 1, "startColumn": 25, "endLine": 1, "endColumn": 31}
    assert offered(shiped) == [
        ("shipped", "best guess (templint lint --fix --unsafe-fixes)", word),
        ("shaped", suggestion, word),
    ]
    assert "suggestions" not in shiped["properties"]
    # without the file's text (no span to place them): the suggestions in the property bag
    from linter.api import lint_text
    from linter.config import Config

    found = lint_text("Fresh kheer today.", config=Config(select=("TPL201",)))
    stream = io.StringIO()
    emit(Report(diagnostics=found), stream)
    (result,) = json.loads(stream.getvalue())["runs"][0]["results"]
    jsonschema.validate(json.loads(stream.getvalue()), schema)
    assert "fixes" not in result
    assert result["properties"]["suggestions"][:1] == ["cheer"]


def test_the_category_note_is_left_out_when_the_user_gave_the_category(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'declares no category, so it was checked as UTILITY' was printed also when the run was
    told --category UTILITY, or the config's default-category: then the category was chosen,
    not assumed. The note, and JSON's category_assumed, are for a category templint assumed."""
    monkeypatch.chdir(tmp_path)
    draft = Path("offer.txt")
    draft.write_text("Your order shipped. Use code THANKS20 for 20% off. Hurry!\n", "utf-8")

    def run(*args: str) -> tuple[list[str], set[bool]]:
        res = CliRunner().invoke(main, ["lint", *args, str(draft)])
        notes = [line for line in res.output.splitlines() if line.startswith("note:")]
        res = CliRunner().invoke(main, ["lint", "--format", "json", *args, str(draft)])
        return notes, {d["category_assumed"] for d in json.loads(res.output)}

    notes, assumed = run("--isolated")  # nothing given: UTILITY assumed, and said
    assert len(notes) == 1 and "declares no category, so it was checked as UTILITY" in notes[0]
    assert assumed == {True}
    assert run("--isolated", "--category", "UTILITY") == ([], {False})
    assert run("--isolated", "--category", "utility") == ([], {False})
    # given in the configuration
    Path("templint.toml").write_text('default-category = "UTILITY"\n', encoding="utf-8")
    assert run() == ([], {False})
    assert run("--category", "MARKETING")[0] == []
    # a configuration that leaves it out: assumed again
    Path("templint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    notes, _ = run()
    assert len(notes) == 1
