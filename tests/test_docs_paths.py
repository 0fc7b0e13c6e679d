"""The repository paths and links the README and docs/ name in their prose exist.

Code blocks are left out: they hold a user's own files (`rules/ACME2-….toml`, `models/ours`),
as do quoted configuration values. A glob (`examples/good/*.json`) must match something.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# The project's folders that the sdist carries too (pyproject.toml), so this runs from one.
FOLDERS = ("bench", "data", "docs", "examples", "linter", "models", "rules", "tests")
PATH = re.compile(r"""(?<![\w./"'-])((?:""" + "|".join(FOLDERS) + r")/[\w.*/-]*[\w*/])")
LINK = re.compile(r"\]\(([^)#\s]+)")


def _prose(doc: Path) -> str:
    return re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_paths_named_in_the_prose_exist(doc: Path) -> None:
    missing = sorted({p for p in PATH.findall(_prose(doc)) if not list(ROOT.glob(p.rstrip("/")))})
    assert not missing, f"{doc.name} names paths that are not in the repository: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_relative_links_point_at_files(doc: Path) -> None:
    links = [link for link in LINK.findall(_prose(doc)) if not re.match(r"[a-z]+:", link)]
    missing = [link for link in links if not (doc.parent / link).exists()]
    assert not missing, f"{doc.name} links to files that are not there: {missing}"
