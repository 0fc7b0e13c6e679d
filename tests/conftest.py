from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def lint_example(example: object, category: str | None = None, rule: object = None) -> list:
    """Lint a rule-file example: a string is a template body, a table is a Meta template.
    ``rule``: its ``[examples] options`` are set for the run."""
    from linter.api import lint_templates
    from linter.config import Config
    from linter.inputs import parse_json, parse_text

    if isinstance(example, str):
        tpl = parse_text(example, "<example>")
        tpl.category = category
        templates = [tpl]
    elif isinstance(example, list):  # several templates linted in one run (duplicates)
        templates = parse_json(json.dumps(example, ensure_ascii=False), "<example>")
    else:
        templates = parse_json(json.dumps(example, ensure_ascii=False), "<example>")
    options = getattr(rule, "examples_options", None)
    if options:
        return lint_templates(templates, config=Config(options={rule.code: options}))  # type: ignore[attr-defined]
    return lint_templates(templates)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Slow tests first: pytest-xdist hands tests out in this order, so the workers share the
    # long ones instead of one of them running them alone at the end while the others wait.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    # `-n auto` (pyproject's addopts): a worker per core, at most four, as each loads spaCy,
    # the model and the rules (about 400 MB) and the suite gains little past four.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, cores or 1))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # The suite leaves a large heap (spaCy vocabularies, scikit-learn, many linters); the
    # interpreter's last garbage collection over it took minutes on a starved CI machine after
    # the results were already printed. Frozen objects are skipped by that collection.
    import gc

    gc.freeze()
