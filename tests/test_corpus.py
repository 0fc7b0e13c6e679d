"""The classifier's training corpus (data/templates.jsonl) and its generator."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = DATA / "templates.jsonl"
LABELS = {"marketing", "utility", "authentication"}
FIELDS = {"text", "label", "intent", "industry", "brand", "language", "source", "pattern", "split"}
PROMO_WORDS = re.compile(r"discount|offer|sale|free|%|cashback|coupon|\bwin\b", re.IGNORECASE)
MONEY = re.compile(r"[₹$€£]|\bRs\.|\bINR\b")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_corpus", DATA / "build_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_generator_is_deterministic_and_matches_committed_files(tmp_path: Path) -> None:
    gen = _load_generator()
    first, second = tmp_path / "a" / "templates.jsonl", tmp_path / "b" / "templates.jsonl"
    assert gen.main(["--out", str(first)]) == 0
    assert gen.main(["--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == CORPUS.read_bytes(), "re-run data/build_corpus.py and commit"
    report = first.with_name("splits.md").read_bytes()
    assert report == (DATA / "splits.md").read_bytes(), "re-run data/build_corpus.py and commit"


def test_every_row_has_the_fields_and_a_valid_label(rows: list[dict[str, object]]) -> None:
    for row in rows:
        assert row.keys() >= FIELDS, row
        assert row["label"] in LABELS, row
        assert row["split"] in {"train", "test"}, row
        assert all(isinstance(row[f], str) and row[f] for f in FIELDS), row
        assert row["source"] == f"templint-generated:v1:{row['pattern']}", row
        assert 5 <= len(str(row["text"]).split()) <= 150, row


def test_size_intents_and_languages(rows: list[dict[str, object]]) -> None:
    assert len(rows) >= 4000
    assert len({r["intent"] for r in rows}) >= 15
    assert len({r["industry"] for r in rows}) >= 12
    non_english = sum(r["language"] != "en" for r in rows) / len(rows)
    assert 0.10 <= non_english <= 0.40  # 35 % since the French, Italian and German patterns
    assert {"es", "pt", "hi-Latn", "hi", "id", "fr", "it", "de"} <= {r["language"] for r in rows}


def test_no_pattern_is_in_both_splits(rows: list[dict[str, object]]) -> None:
    splits: dict[object, set[object]] = defaultdict(set)
    for row in rows:
        splits[row["pattern"]].add(row["split"])
    assert all(len(s) == 1 for s in splits.values())
    test_share = sum(s == {"test"} for s in splits.values()) / len(splits)
    assert 0.15 <= test_share <= 0.3


def test_no_duplicate_texts(rows: list[dict[str, object]]) -> None:
    seen: dict[str, object] = {}
    for row in rows:
        key = " ".join(str(row["text"]).lower().split())
        assert key not in seen, (row, seen[key])
        seen[key] = row["split"]


def test_both_splits_contain_every_label(rows: list[dict[str, object]]) -> None:
    for split in ("train", "test"):
        assert {r["label"] for r in rows if r["split"] == split} == LABELS


def test_hard_cases_on_both_sides_in_both_splits(rows: list[dict[str, object]]) -> None:
    for split in ("train", "test"):
        part = [r for r in rows if r["split"] == split]
        # transactional messages that name a price …
        assert any(r["label"] == "utility" and MONEY.search(str(r["text"])) for r in part)
        # … and promotional ones with none of the obvious promotional words
        quiet = [
            r for r in part if r["label"] == "marketing" and not PROMO_WORDS.search(str(r["text"]))
        ]
        assert len(quiet) >= 100
        # welcome messages count as marketing (Meta's rule)
        assert {r["label"] for r in part if r["intent"] == "welcome"} == {"marketing"}


def test_placeholders_are_numbered_from_one_without_gaps(rows: list[dict[str, object]]) -> None:
    for row in rows:
        numbers = [int(n) for n in re.findall(r"\{\{(\d+)\}\}", str(row["text"]))]
        distinct = list(dict.fromkeys(numbers))
        assert distinct == list(range(1, len(distinct) + 1)), row
