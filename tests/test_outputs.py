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
