"""The batch path's fast code gives the answers of the plain code, exactly.

Each speed-up of `templint batch` replaces a simple computation with a faster one (numpy scoring,
a deletions index for suggestions, a pattern pre-test): here each is compared with the simple one
over the corpus and over awkward inputs, so a batch row reads the same as `templint lint` of it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from linter.api import lint_text
from linter.classifier.scorer import load_scorer
from linter.config import Config
from linter.engine import Linter
from linter.inputs import parse_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "templates.jsonl"

AWKWARD = [
    "",
    "   \n\t ",
    "a",
    "x" * 3000,
    "\x00weird\x00 wörds ﬁ İstanbul 🎉🎉 {{1}}{{2}} ",
    "\ud800 a lone surrogate",
    "Ünïcödé ТЕКСТ हिंदी 日本語のテキスト",
    "Big SALE!!! 50% OFF  everything  — shop now at https://shop.example.com/sale {{1}}",
    "{{1}}",
]


def _corpus_texts() -> list[str]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def test_numpy_scores_equal_the_scorers_to_the_last_bit() -> None:
    from linter.classifier.vectorized import BatchScorer

    scorer = load_scorer()
    batch = BatchScorer(scorer)
    texts = _corpus_texts() + AWKWARD
    got = []
    for i in range(0, len(texts), 500):
        got += batch.scores(texts[i : i + 500])
    assert len(got) == len(texts) > 7000
    mismatched = [t for t, g in zip(texts, got, strict=True) if scorer.score(t) != g]
    assert mismatched == []  # Score equality compares every float exactly
    assert batch.scores([]) == []


def test_a_texts_score_does_not_depend_on_its_neighbours() -> None:
    from linter.classifier.vectorized import BatchScorer

    batch = BatchScorer(load_scorer())
    texts = _corpus_texts()[:300] + AWKWARD
    together = batch.scores(texts)
    shuffled = list(range(len(texts)))
    random.Random(3).shuffle(shuffled)
    apart = batch.scores([texts[i] for i in shuffled])
    assert [apart[shuffled.index(i)] for i in range(len(texts))] == together


def _templates(texts: list[str]) -> list:
    out = []
    for i, text in enumerate(texts):
        tpl = parse_text(text, f"t{i}.txt")
        tpl.category = ("MARKETING", "UTILITY", "AUTHENTICATION")[i % 3]
        out.append(tpl)
    return out


def test_linting_many_templates_at_once_equals_one_by_one() -> None:
    texts = _corpus_texts()[::40] + AWKWARD[2:]
    linter = Linter(Config())
    alone = [d for tpl in _templates(texts) for d in linter.lint([tpl])]
    together = Linter(Config()).lint(_templates(texts))
    key = lambda d: (d.file, d.line, d.column, d.code, d.message)  # noqa: E731
    assert len(texts) > 100
    assert sorted(together, key=key) == sorted(alone, key=key)
    assert {d.code for d in together} >= {"TPL502", "TPL201"}
    assert all("promotional_score" in d.extra for d in together if d.code == "TPL502")


# -- spelling suggestions -----------------------------------------------------------------------


def test_one_edit_test_agrees_with_the_edit_generator() -> None:
    from linter.kinds.spelling import Dictionary, _edits1, _one_edit

    words = Dictionary.load()._frequency_list()
    rng = random.Random(5)
    for word in [*rng.sample(words[:20000], 60), "a", "ab", "x'y"]:
        edits = _edits1(word)
        for other in rng.sample(words, 150) + rng.sample(sorted(edits), 40):
            assert _one_edit(word, other) == (other in edits), (word, other)


@pytest.mark.parametrize(
    "typo", ["tommorow", "adress", "recieved", "paymnt", "delivry", "confrim", "ordr", "qwzxvb"]
)
def test_two_edit_suggestions_are_the_frequent_words_two_edits_away(typo: str) -> None:
    from linter.kinds.spelling import DISTANCE2_WORDS, Dictionary, _edits1

    words = Dictionary.load()
    top = set(words._frequency_list()[:DISTANCE2_WORDS])
    brute = {w2 for w1 in _edits1(typo) for w2 in _edits1(w1) if w2 in top}
    assert words._two_edits(_edits1(typo)) == brute


def test_suggestions_survive_the_switch_to_an_in_memory_word_set() -> None:
    from linter.kinds import spelling

    words = spelling.Dictionary.load()
    probes = ["order", "delivary", "orders", "zzqx", "customer's"]
    before = [p in words for p in probes]
    for _ in range(spelling.INDEX_LOOKUPS_BEFORE_SET + 1):
        _ = "order" in words
    assert words._words is not None  # now a set
    assert [p in words for p in probes] == before == [True, False, True, False, True]


def test_lint_text_still_suggests_after_many_lookups() -> None:
    config = Config(select=("TPL201",))
    for _ in range(3):
        (d,) = lint_text("We have recieved your request for order {{1}}.", config=config)
        assert "did you mean 'received'?" in d.message
