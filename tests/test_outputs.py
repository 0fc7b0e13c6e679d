"""Output formats other tools read: SARIF for code scanning, docs generated from rules/."""

from __future__ import annotations

import json
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
