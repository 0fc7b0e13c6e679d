"""docs/ci.md's recipes: every templint command in them runs, and writes what the CI reads."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC, flags=re.S)


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _commands() -> list[str]:
    found = [
        s
        for block in _blocks("yaml")
        for s in _strings(yaml.safe_load(block))
        if s.startswith("templint ")
    ]
    for block in _blocks("groovy"):
        found += [c.removesuffix(" || true") for c in re.findall(r"sh '(templint [^']*)'", block)]
    return found


def test_the_recipes_name_commands_and_the_reports_they_upload() -> None:
    commands = _commands()
    assert len(commands) == 6  # GitHub 2, GitLab 2, Jenkins 1, Azure 1
    written = {args[args.index("-o") + 1] for args in map(shlex.split, commands) if "-o" in args}
    uploaded = set()
    for block in _blocks("yaml"):
        doc = yaml.safe_load(block)
        reports = doc.get("templint", {}).get("artifacts", {}).get("reports", {})
        uploaded |= set(reports.values())
        for job in doc.get("jobs", {}).values():
            uploaded |= {
                s["with"]["sarif_file"] for s in job["steps"] if "sarif_file" in s.get("with", {})
            }
        uploaded |= {s["inputs"]["testResultsFiles"] for s in doc.get("steps", []) if "inputs" in s}
    uploaded |= set(re.findall(r"junit '([^']+)'", "".join(_blocks("groovy"))))
    assert uploaded == written


@pytest.mark.parametrize("command", _commands())
def test_each_recipe_command_runs_on_the_examples(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "whatsapp")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)
    res = CliRunner().invoke(main, [*args[1:2], "--isolated", *args[2:]])
    assert res.exit_code == (0 if "--exit-zero" in args else 1), res.output
    if "-o" not in args:
        assert "::error file=whatsapp/bad/" in res.stdout
        return
    report = (tmp_path / args[args.index("-o") + 1]).read_text(encoding="utf-8")
    if "junit" in args:
        assert int(ET.fromstring(report).get("failures", "0")) > 0
    else:
        data = json.loads(report)
        assert data["runs"][0]["results"] if "sarif" in args else data
