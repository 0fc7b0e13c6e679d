"""The batch path's fast code gives the answers of the plain code, exactly.

Each speed-up of `templint batch` replaces a simple computation with a faster one (numpy scoring,
a deletions index for suggestions, a pattern pre-test): here each is compared with the simple one
over the corpus and over awkward inputs, so a batch row reads the same as `templint lint` of it.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linter.api import lint_text
from linter.classifier.scorer import load_scorer
from linter.config import Config
from linter.engine import Linter
from linter.fold import fold
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


@pytest.mark.slow
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


def test_scores_are_the_same_while_the_kept_words_are_dropped_and_refilled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linter.classifier import vectorized
    from linter.classifier.vectorized import BatchScorer

    monkeypatch.setattr(vectorized, "WORDS_KEPT", 150)  # cleared every few chunks
    scorer = load_scorer()
    batch = BatchScorer(scorer)
    texts = _corpus_texts()[::15] + AWKWARD
    got = []
    for i in range(0, len(texts), 40):
        got += batch.scores(texts[i : i + 40])
    assert [scorer.score(t) for t in texts] == got
    from linter.classifier import features

    words = {w for t in texts for w in features.normalise(t).lower().split()}
    assert len(batch.indexes) == 2  # word and character n-grams: both from the word table
    assert 0 < len(batch.words.ids) < len(words)  # which was cleared on the way


def _templates(texts: list[str]) -> list:
    out = []
    for i, text in enumerate(texts):
        tpl = parse_text(text, f"t{i}.txt")
        tpl.category = ("MARKETING", "UTILITY", "AUTHENTICATION")[i % 3]
        out.append(tpl)
    return out


@pytest.mark.slow
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
def test_two_edit_suggestions_are_the_frequent_words_two_edits_away(
    typo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.kinds import spelling
    from linter.kinds.spelling import DISTANCE2_WORDS, Dictionary, _edits1

    words = Dictionary.load()
    top = set(words._frequency_list()[:DISTANCE2_WORDS])
    brute = {w2 for w1 in _edits1(typo) for w2 in _edits1(w1) if w2 in top}
    with monkeypatch.context() as patched:
        patched.setattr(spelling, "_numpy_loaded", lambda: False)  # as in a pre-commit run
        assert words._two_edits(_edits1(typo)) == brute  # the first words: generated strings
        assert words._deletes is None
    import numpy  # noqa: F401  (loaded, as a batch has it; alone, this test must load it itself)

    assert words._two_edits(_edits1(typo)) == brute  # numpy loaded: the deletions index
    assert words._deletes is not None


def test_two_edit_search_by_hashes_equals_generating_every_string() -> None:
    # random typos two edits from frequent words, and odd strings (accents, apostrophes, a
    # lone surrogate, a word longer than any other), against the brute force
    from linter.kinds.spelling import BRUTE_FORCE_WORDS, DISTANCE2_WORDS, Dictionary, _edits1

    words = Dictionary.load()
    frequent = words._frequency_list()[:DISTANCE2_WORDS]
    top = set(frequent)
    rng = random.Random(21)
    typos = ["o'clok", "cafè", "naïvetx", "x\ud800y", "zzzzzzzzzzzz", "ab"]
    for word in rng.sample(frequent[:5000], 24):
        for _ in range(2):
            k = rng.randrange(len(word))
            word = word[:k] + rng.choice("aeiouxyzq'") + word[k + 1 :]
        typos.append(word)
    words._two_edit_words = BRUTE_FORCE_WORDS  # the index from the first word on
    found = 0
    for typo in typos:
        brute = {w2 for w1 in _edits1(typo) for w2 in _edits1(w1) if w2 in top}
        assert words._two_edits(_edits1(typo)) == brute, typo
        found += bool(brute)
    assert 20 < found < len(typos)


def test_suggestions_survive_the_switch_to_an_in_memory_word_set() -> None:
    from linter.kinds import spelling

    words = spelling.Dictionary.load()
    probes = ["order", "delivary", "orders", "zzqx", "customer's"]
    before = [p in words for p in probes]
    for _ in range(spelling.INDEX_LOOKUPS_BEFORE_SET + 1):
        _ = "order" in words
    assert words._rank is not None  # now an in-memory table
    assert [p in words for p in probes] == before == [True, False, True, False, True]


def test_lint_text_still_suggests_after_many_lookups() -> None:
    config = Config(select=("TPL201",))
    for _ in range(3):
        (d,) = lint_text("We have recieved your request for order {{1}}.", config=config)
        assert "did you mean 'received'?" in d.message


# -- the pattern kind's literal pre-test --------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "matching"),
    [
        ([r"\b(?:promo|coupon)\s*codes?\b"], ["PROMO CODES", "couponcode"]),
        ([r"\bfree\b", r"\bgift\s+cards?\b"], ["Free!", "a GIFT  card"]),
        ([r"(?<!\bno\s)\bwin(?:ner)?\b"], ["You WIN", "winner"]),
        ([r"[$₹]\s?\d+\s+off"], ["₹500 OFF", "$ 5 off"]),
        ([r"\d+\s*%"], ["20 %"]),
        ([r"(?i)HURRY"], ["hurry", "HuRrY"]),
        ([r"stra(?:ß|ss)e"], ["STRASSE", "Straße"]),
        ([r"\bb[0-9]\s*g\s*\d\b"], ["B1G1", "b2 g1"]),  # a small range: b0 ... b9
        ([r"\bx[a-cK]y"], ["XAY", "xky", "xKy"]),
    ],
)
def test_required_literals_are_in_every_match(patterns: list[str], matching: list[str]) -> None:
    import regex

    from linter.kinds.literals import required_literals

    needed = required_literals(patterns, regex.IGNORECASE)
    assert needed is not None
    for text in matching:
        assert any(regex.search(p, text, regex.IGNORECASE) for p in patterns), text
        assert any(s in fold(text) for s in needed), (text, needed)
    assert not any(s in "your order has shipped today" for s in needed)


@pytest.mark.parametrize(
    ("pattern", "also_needed", "matching", "skipped"),
    [
        # every alternative needs "{{": so does the pattern, besides the union of code words
        (
            r"\b(?:code|coupon)\s*\{\{\d\}\}\s+use|\buse\s+\{\{\d\}\}\s+(?:code|coupon)",
            {"{{"},
            ["Code {{1}} use karein", "use {{2}} coupon"],
            "Use the code in the app",
        ),
        # a lookahead's strings are in the text too
        (
            r"(?=[^.]*\bwon\b)\byou\s+(?:have|are)\b",
            {"won"},
            ["You have won a prize", "you are the lucky one who won"],
            "You have an order waiting",
        ),
    ],
)
def test_each_alternative_and_lookahead_adds_what_it_needs(
    pattern: str, also_needed: set[str], matching: list[str], skipped: str
) -> None:
    """The gates skip a pattern whose sets a text lacks: sets read from every alternative and
    from lookaheads let them skip the texts that hold only a common word of the pattern."""
    import regex

    from linter.kinds.literals import required_clauses

    (clauses,) = required_clauses([pattern], regex.IGNORECASE) or [()]
    assert frozenset(also_needed) in clauses, clauses
    for text in matching:
        assert regex.search(pattern, text, regex.IGNORECASE), text
        assert all(any(s in fold(text) for s in c) for c in clauses), (text, clauses)
    assert not all(any(s in fold(skipped) for s in c) for c in clauses)


@pytest.mark.parametrize(
    "patterns",
    [
        [r"\bfree\b", r".+"],  # one pattern needs nothing: no pre-test for the rule
        [r"\p{Lu}{3,}"],  # regex-module syntax Python's parser does not read
        [r"(?:offer){e<=1}"],  # fuzzy matching, which the parser would take for literal text
        [r"\w+"],
        [r"\d\d"],  # \d is every script's digits, not 0-9
        [r"[a-z]{2}"],  # a range too wide to list
    ],
)
def test_patterns_that_need_no_literal_get_no_pre_test(patterns: list[str]) -> None:
    from linter.kinds.literals import required_literals

    assert required_literals(patterns) is None


def _pattern_checks() -> list:
    return [c for c in Linter(Config()).checks if c.rule.kind == "pattern"]


def _probe_texts(corpus_every: int = 1) -> list[str]:
    """The corpus (every ``corpus_every``-th row), every rule's examples, the evasion corpus,
    and random mixtures of the patterns' own literals with case changes, digits and
    punctuation."""
    from evasion_cases import CASES

    texts = _corpus_texts()[::corpus_every]
    checks = _pattern_checks()
    for c in checks:
        examples = [str(x) for x in (*c.rule.examples_fail, *c.rule.examples_pass)]
        texts += examples
        # Turkish in capitals (i → İ, ı → I), which the regexes match as they do its lower case
        texts += [x.replace("i", "İ").upper() for x in examples if "ı" in x or "ş" in x]
    texts += [case.text for case in CASES]
    pieces = sorted(
        {s for c in checks if c.required is not None for s in c.required.pattern.split("|")}
    )
    words = [p.replace("\\", "") for p in pieces] + ["20", "%", "₹500", "a", "the", "-", "!", "\n"]
    rng = random.Random(11)
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 12))]
        parts = [
            p.upper() if rng.random() < 0.2 else p.title() if rng.random() < 0.2 else p
            for p in parts
        ]
        texts.append(rng.choice([" ", "", "  ", "-"]).join(parts))
    return texts


@pytest.mark.slow
def test_pattern_pre_test_never_hides_a_match() -> None:
    from linter.kinds.pattern import search_all

    checks = _pattern_checks()
    assert sum(c.required is not None for c in checks) >= 20  # almost every rule has one
    skipped = lost = 0
    # every second corpus row: its rows repeat ~600 skeletons, and CI's time is capped
    for text in _probe_texts(corpus_every=2):
        folded = fold(text)
        for c in checks:
            if c.required is not None and c.required.search(folded) is None:
                skipped += 1
                lost += next(search_all(c.pattern, text), None) is not None
    assert lost == 0
    assert skipped > 100_000  # and it does skip most rule-text pairs


@pytest.mark.slow
def test_patterns_searched_one_by_one_match_as_their_alternation() -> None:
    """A text's possible patterns are each compiled alone and searched as their alternation
    (``AnyOf``): the same matches, spans and named groups as one alternation of every pattern
    of the rule, for the pattern rules' likely texts among the corpus, examples and probes."""
    from linter.kinds.pattern import AnyOf, search_all

    def found(pattern: Any, text: str) -> list[tuple]:
        return [
            (m.span(), sorted((k, v) for k, v in m.groupdict().items() if v))
            for m in search_all(pattern, text)
        ]

    texts = _probe_texts(corpus_every=2)[::3]  # CI's time is capped
    compared = matched = 0
    for check in _pattern_checks():
        whole = check.pattern
        every = AnyOf([check._alone(k) for k in range(len(check.params["patterns"]))])
        test = check.required
        for text in texts:
            folded = fold(text)
            if test is not None and test.search(folded) is None:
                continue
            want = found(whole, text)
            compared += 1
            matched += bool(want)
            assert found(every, text) == want, (check.rule.code, text)
            which = check._possible(folded) if check._cached_clauses else None
            if which:
                assert found(check._narrow(which)[0], text) == want, (check.rule.code, text)
    assert compared > 30_000 and matched > 1_500


@pytest.mark.slow
def test_pre_test_of_each_narrowed_pattern_never_hides_its_match() -> None:
    # check_some searches only some of a rule's patterns, behind their own literal test
    from linter.kinds.pattern import search_all

    narrowed = [(c, (k,)) for c in _pattern_checks() for k in range(len(c.params["patterns"]))]
    # every third corpus row (~600 skeletons repeated), all examples and random mixtures
    texts = [*_probe_texts(corpus_every=3), "Grab a B1G1 deal", "b2 g1 on shoes", "B9G3"]
    texts.append("two for one")
    folded = [(text, fold(text)) for text in texts]
    tested = skipped = 0
    for check, which in narrowed:
        pattern, test = check._narrow(which)
        if test is None:
            continue
        tested += 1
        for text, lower in folded:
            if test.search(lower) is None:
                skipped += 1
                assert next(search_all(pattern, text), None) is None, (check.rule.code, text)
    assert tested >= 40 and skipped > 100_000
    bogo = next(c for c in _pattern_checks() if c.rule.code == "TPL104")
    assert bogo._narrow((2,))[1] is not None  # b1g1: b0 ... b9


@pytest.mark.slow
def test_a_long_run_searches_only_the_patterns_a_text_holds_the_strings_of() -> None:
    """After its first few hundred texts a shipped rule tests all its strings at once, then
    compiles only the patterns whose strings the text holds (never the alternation of all of
    them, which costs ~0.5 s to compile): it finds what the whole alternation finds."""
    from linter.kinds.pattern import PRETEST_AFTER

    narrowed, whole = _pattern_checks(), _pattern_checks()
    for check in whole:
        check._cached_clauses = None  # the whole alternation, behind the same pre-test
    for check in narrowed:
        check._finds = PRETEST_AFTER
    found = 0
    for text in _probe_texts(corpus_every=2)[::3]:  # CI's time is capped
        for fast, slow in zip(narrowed, whole, strict=True):
            hits = [(h.start, h.end, h.values.get("match")) for h in fast.find(text)]
            assert hits == [(h.start, h.end, h.values.get("match")) for h in slow.find(text)]
            found += bool(hits)
    assert found > 1000
    assert all(c._compiled is None for c in narrowed if c._cached)


# -- the engine's gates -------------------------------------------------------------------------


def _every_kind_of_template() -> list:
    """Corpus rows of all three categories, every rule example (strings and Meta JSON
    templates, with buttons, headers, samples), the evasion corpus and the bundled examples."""
    import json

    from evasion_cases import CASES

    from linter.inputs import load_path, parse_json

    out = _templates(_corpus_texts()[::5] + [case.text for case in CASES])
    for check in Linter(Config()).checks:
        for example in (*check.rule.examples_fail, *check.rule.examples_pass):
            if isinstance(example, str):
                out += _templates([example])
            else:
                out += parse_json(json.dumps(example, ensure_ascii=False), "<example>")
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            out += load_path(str(path))
    return out


@pytest.mark.slow
def test_gates_and_skipped_components_change_no_finding() -> None:
    """Lint with the gates and the skipping of rules scoped to absent components, and with
    every applicable rule run, one template at a time, over every kind of template."""
    from linter.gates import Gates

    fast = Linter(Config())
    slow = Linter(Config())
    slow._gates = Gates([None] * len(slow.checks))
    slow.skip_absent = False
    key = lambda d: (d.file, d.line, d.column, d.code, d.message)  # noqa: E731
    with_shortcuts = [d for t in _every_kind_of_template() for d in fast.lint([t])]
    without = [d for t in _every_kind_of_template() for d in slow.lint([t])]
    assert len(without) > 1000 and {d.code for d in without} >= {"TPL304", "TPL312", "TPL316"}
    assert sorted(with_shortcuts, key=key) == sorted(without, key=key)
    assert sum(fast.gates.gated) >= 25  # pattern and phrase rules are gated


@pytest.mark.slow
def test_pattern_rules_narrowed_to_the_patterns_the_gates_allow_find_the_same() -> None:
    """``check_some`` (an alternation of the allowed patterns only) against ``check`` (all of
    them) for every gated pattern rule a corpus row, rule example or evasion case opens."""
    from linter.kinds.pattern import PatternCheck

    linter = Linter(Config())
    gates = linter.gates
    gated = [
        (i, c)
        for i, c in enumerate(linter.checks)
        if isinstance(c, PatternCheck) and gates.gated[i] and len(gates.alternatives[i]) > 1
    ]
    assert len(gated) >= 10
    narrowed = compared = 0
    key = lambda h: (h.component.label, h.start, h.end, str(h.values), h.fix)  # noqa: E731
    for tpl in _every_kind_of_template() + _templates(_corpus_texts()[1::5]):
        present = gates.present(linter._texts(tpl))
        for i, check in gated:
            if not gates.allows(i, present):
                continue
            which = gates.ways(i, present)
            compared += 1
            if which is None:
                continue
            narrowed += 1
            assert sorted(map(key, check.check_some(tpl, which))) == sorted(
                map(key, check.check(tpl))
            ), (check.rule.code, tpl.display_name)
    assert compared >= narrowed > 300


def test_a_rule_with_a_pattern_needing_no_strings_always_runs_that_pattern() -> None:
    # TPL104's b1g1 pattern needs only two-letter strings (too short for a gate): the rule runs
    # on every template (that pattern behind its own pre-test), its others where their strings are
    linter = Linter(Config())
    gates = linter.gates
    (i,) = [i for i, c in enumerate(linter.checks) if c.rule.code == "TPL104"]
    check = linter.checks[i]
    assert gates.gated[i] and gates.always[i]
    zero = gates.alternatives[i].index(0)
    for text, found in [
        ("Your parcel is on its way.", False),
        ("Grab a B1G1 deal on every coffee today.", True),
        ("Buy one get one free on all pizzas.", True),
    ]:
        tpl = parse_text(text, "t.txt")
        present = gates.present(linter._texts(tpl))
        which = gates.ways(i, present)
        assert gates.allows(i, present) and (which is None or zero in which)
        hits = check.check(tpl) if which is None else check.check_some(tpl, which)
        assert [h.values["match"] for h in hits] == [h.values["match"] for h in check.check(tpl)]
        assert bool(list(check.check(tpl))) == found, text


def test_gates_open_the_alternatives_whose_sets_are_all_present() -> None:
    # allows and ways look only at the alternatives keyed by a set that is present, not at
    # every alternative: their answers must be those of a plain loop over all of them, for
    # the strings of real templates and for random unions of the sets alternatives need
    linter = Linter(Config())
    gates = linter.gates
    rng = random.Random(3)
    masks = [m for alts in gates.alternatives for m in alts or ()]
    presents = [gates.present(linter._texts(t)) for t in _templates(_corpus_texts()[::7])]
    for _ in range(400):
        present = 0
        for m in rng.sample(masks, rng.randint(1, 6)):
            bits = [b for b in range(m.bit_length()) if m >> b & 1]
            present |= sum(1 << b for b in bits if rng.random() < 0.8)
        presents.append(present)
    opened = narrowed = 0
    for present in presents:
        for i, alternatives in enumerate(gates.alternatives):
            if alternatives is None:
                continue
            which = tuple(k for k, m in enumerate(alternatives) if m & present == m)
            assert gates.allows(i, present) == bool(which)
            assert gates.ways(i, present) == (None if len(which) == len(alternatives) else which)
            opened += bool(which)
            narrowed += 0 < len(which) < len(alternatives)
    assert opened > 1000 and narrowed > 500


def test_gates_report_overlapping_strings() -> None:
    from linter.gates import Gates

    gates = Gates(
        [frozenset({"offer"}), frozenset({"off"}), frozenset({"fer"}), None, frozenset({"ferry"})]
    )
    assert gates.open(["Special OFFER"]) == {0, 1, 2}
    assert gates.open(["a ferry"]) == {2, 4}
    assert gates.open(["nothing here"]) == set()
    assert gates.gated == [True, True, True, False, True]


@pytest.mark.slow
def test_gates_by_word_runs_find_what_the_one_trie_finds() -> None:
    from evasion_cases import CASES

    linter = Linter(Config())
    gates = linter.gates
    assert gates.group_of and len(gates.letters) > 1000  # both paths are used
    rng = random.Random(5)
    strings = sorted(gates.bits)
    pieces = [*strings, " ", " ", "-", ".", "'", "’", "0", "ß", "K", "İ", "x", "XY"]
    texts = (
        _corpus_texts()
        + [case.text for case in CASES]
        + AWKWARD
        + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(20_000)]
    )
    for text in texts * 2:  # the second time every run's bits are remembered
        assert gates.present([text]) == gates.present_by_trie([text]), text
    pairs = [texts[i : i + 2] for i in range(0, 400, 2)]
    assert all(gates.present(p) == gates.present_by_trie(p) for p in pairs)


def test_gates_find_the_same_while_their_runs_are_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linter import gates as gates_module

    monkeypatch.setattr(gates_module, "RUNS_KEPT", 50)  # cleared every text or two
    gates = Linter(Config()).gates
    texts = _corpus_texts()[::10]
    pairs = [texts[i : i + 2] for i in range(0, len(texts) - 1, 2)]
    assert all(gates.present(p) == gates.present_by_trie(p) for p in pairs * 2)
    assert 0 < len(gates.runs) < 400  # cleared: a text or two of runs


def test_gates_need_every_set_of_one_alternative() -> None:
    from linter.gates import Gates

    promo = frozenset({"promo", "coupon"})
    code = frozenset({"code"})
    gates = Gates(
        [frozenset({"code"}), frozenset({"b"}), frozenset({"sale"})],
        [[(promo, code), (frozenset({"voucher"}),)], [(frozenset({"b"}),)], None],
    )
    assert gates.gated == [True, False, True]  # a one-letter set is no test: always run
    assert gates.open(["Your PROMO code"]) == {0}
    assert gates.open(["Your code is 1234"]) == set()  # 'code' alone: no alternative complete
    assert gates.open(["A voucher for you", "big sale"]) == {0, 2}


def test_pattern_rules_give_their_alternatives_to_the_gates() -> None:
    checks = _pattern_checks()
    with_clauses = [c for c in checks if c.clauses()]
    assert len(with_clauses) >= 20
    for c in with_clauses:
        assert len(c.clauses()) == len(c.rule.params["patterns"])


def _in_racing_threads(
    job: Callable[[int], object], count: int, threads: int = 4
) -> dict[int, object]:
    """``job(i)`` for i in range(count), spread over threads that switch as often as Python
    allows (races show up), each result by its i."""
    import threading

    results: dict[int, object] = {}

    def work(mine: range) -> None:
        for i in mine:
            results[i] = job(i)

    started = [
        threading.Thread(target=work, args=(range(k, count, threads),)) for k in range(threads)
    ]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for t in started:
            t.start()
        for t in started:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    return results


@pytest.mark.slow
def test_chunks_scored_by_threads_of_one_process_equal_chunks_scored_in_turn() -> None:
    """A Dask worker runs tasks in several threads of one process, all sharing its linter and
    the linter's memories: results must not depend on how the threads interleave."""

    from linter.batch.score import score_chunk

    texts = _corpus_texts()[::4]
    works = [
        (i, t, None, ("MARKETING", "UTILITY", "AUTHENTICATION")[i % 3], None, None, None)
        for i, t in enumerate(texts)
    ]
    chunks = [works[i : i + 40] for i in range(0, len(works), 40)]
    config = Config()
    for chunk in chunks[:20]:  # warm up: gates, pre-tests and memories all in use
        score_chunk(chunk, config)

    def digest(results: list) -> list:
        return [(r.index, r.verdict, [f.code for f in r.findings], r.promo_score) for r in results]

    alone = {i: digest(score_chunk(c, config)) for i, c in enumerate(chunks)}
    together = _in_racing_threads(lambda i: digest(score_chunk(chunks[i], config)), len(chunks))
    assert together == alone


@pytest.mark.slow
def test_lint_text_from_several_threads_equals_linting_in_turn() -> None:
    """The Python API shares one linter per configuration: threads calling it at once (a web
    service's workers) get what calling it in turn gives."""

    from linter.config import Config as Cfg

    config = Cfg()
    texts = _corpus_texts()[1::6]
    cats = ("MARKETING", "UTILITY", "AUTHENTICATION")

    def lint(i: int) -> list:
        found = lint_text(texts[i], category=cats[i % 3], config=config)
        return [(d.code, d.line, d.column, d.message) for d in found]

    alone = {i: lint(i) for i in range(len(texts))}  # also past GATES_AFTER: gates in use
    assert _in_racing_threads(lint, len(texts)) == alone


def test_workers_send_the_body_digest_the_duplicate_check_would_make() -> None:
    from linter.batch.score import score_chunk
    from linter.kinds.duplicate import digest

    texts = ["Hi {{1}}, your order has shipped.", "HI {{name}},  your ORDER has shipped.", "{{1}}"]
    results = score_chunk(
        [(i, t, None, "UTILITY", None, None, None) for i, t in enumerate(texts)], Config()
    )
    assert [r.body_digest for r in results] == [digest(t) for t in texts]
    assert results[0].body_digest == results[1].body_digest != 0
    assert results[2].body_digest is None  # nothing but a variable: never a duplicate


def _candidates_without_shortcuts(text: str) -> tuple[list, list]:
    """linter.kinds.domain.candidates as it was before each scan got its cheap pre-test."""
    from linter.kinds import domain as d

    if "." not in text and "://" not in text:
        return [], []
    taken = [m.span() for m in d._EMAIL.finditer(text)]
    found = []
    for m in d._SCHEME_URL.finditer(text):
        end = d._trim(text, m.start(), m.end())
        found.append((m.start(), end, "scheme"))
        taken.append((m.start(), end))
    for m in d._BARE_IP.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            end = d._trim(text, m.start(), m.end())
            found.append((m.start(), end, "ip"))
            taken.append((m.start(), end))
    bare = [
        m.span()
        for m in d._BARE.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken) and d._plausible_bare(m)
    ]
    return found, bare


def test_link_candidates_skip_only_scans_that_cannot_match() -> None:
    from evasion_cases import CASES

    from linter.kinds.domain import _candidates  # the scan itself, not the cache

    texts = (
        _corpus_texts()
        + [case.text for case in CASES]
        + [
            "mail a.b@c.co.uk or see x.io/y and 10.0.0.1:8080/admin, https://t.co/x",
            "Version 2.5.1 ships today. Visit SHOP.EXAMPLE.COM!",
            "१२.३४.५६.७८/x and ab.ç",
        ]
    )
    for text in texts:
        found, bare = _candidates(text)
        assert (found, [m.span() for m in bare]) == _candidates_without_shortcuts(text), text


def test_spelling_masks_searched_with_fewer_alternatives_are_the_same() -> None:
    from evasion_cases import CASES

    from linter.kinds.spelling import _MASK_PARTS, mask_matches

    every = re.compile("|".join(p for _, p in _MASK_PARTS), re.DOTALL)

    texts = (
        _corpus_texts()
        + [case.text for case in CASES]
        + AWKWARD
        + [
            "Mail a.b+c@shop.co.uk, @priya #sale ${name} %first% `code` ```x\ny``` {{1}}",
            "50% off for {{1}}% of you: ask @ the desk, # 4, $ 5 and `",
            "{{{{2}}}} }}{{ {x} a@b ## $$",
            "Follow @trendora for updates",
            "Tag your photos #summer",
        ]
    )
    for text in texts:
        assert mask_matches(text) == [m.span() for m in every.finditer(text)], text


def test_spelling_quick_pass_by_chunks_decides_as_the_positional_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from evasion_cases import CASES

    from linter.kinds import spelling
    from linter.kinds.spelling import ChunkVerdicts, Dictionary, may_flag
    from linter.kinds.spelling import build_vocabulary as vocabulary

    linter = Linter(Config())
    dictionary, vocab = Dictionary.load(), vocabulary(linter.ctx)
    names = ["Trendora", "Zorvik", "Kavya"]
    tricky = [
        f"{a}{n}{b}"
        for n in names
        for a in ["", "Hi ", "ok. ", "x-", "- ", "'", "“", "a'", "9", "_", "é", "\n* "]
        for b in ["", " here", "-co", "-", "'s", "’", "x", " - y", ".", "9"]
    ]
    # "Fi" of the accepted "Wi-Fi" is no chunk of its own: only the standalone one counts
    tricky += ["Use Wi-Fi or ask Fi at the desk.", "Use Wi-Fi. Fi can help", "Wi-Fi’s Fi-"]
    texts = _corpus_texts() + [case.text for case in CASES] + AWKWARD + tricky
    memo: dict = {}
    chunks = ChunkVerdicts()
    for text in texts * 2:  # the second time every chunk's verdict is remembered
        plain = may_flag(text, dictionary, vocab, memo)
        assert may_flag(text, dictionary, vocab, memo, chunks) == plain, text
    assert chunks.quiet and chunks.loud
    monkeypatch.setattr(spelling, "_MEMO_SIZE", 300)  # forgotten every few texts
    chunks = ChunkVerdicts()
    for text in texts[::7]:
        assert may_flag(text, dictionary, vocab, memo, chunks) == may_flag(
            text, dictionary, vocab, memo
        ), text
    assert len(chunks.quiet) + len(chunks.loud) <= 300


def _words_by_token_generator(text: str, dictionary, vocab, memo) -> list[tuple]:
    """``spelling.words_of`` as it was: a token generator and a mask test per token."""
    from linter.kinds.spelling import _parts, _sentence_start, _title_typo, masked_spans

    spans = masked_spans(text, vocab)
    out = []
    si = 0
    for start, end, p_start, token, kind in _parts(text, dictionary, vocab, memo):
        while si < len(spans) and spans[si][1] <= start:
            si += 1
        j = si
        while j < len(spans) and spans[j][0] < end and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] < end:
            continue
        p_end = p_start + len(token)
        if kind == "other":
            out.append((p_start, p_end, token, token.lower(), False, False))
            continue
        lower, known, title = kind
        if (
            not known
            and title
            and not _sentence_start(text, p_start)
            and not _title_typo(text, p_start, p_end, lower, dictionary)
        ):
            continue  # a name; a title's typo ("our Spring Clearence Sale") is checked
        out.append((p_start, p_end, token, lower, known, not known))
    return out


@pytest.mark.slow
def test_words_of_in_one_loop_gives_the_words_the_token_generator_gave(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import astuple

    from evasion_cases import CASES

    from linter.kinds import spelling
    from linter.kinds.spelling import ChunkVerdicts, Dictionary, words_of
    from linter.kinds.spelling import build_vocabulary as vocabulary

    dictionary, vocab = Dictionary.load(), vocabulary(Linter(Config()).ctx)
    rng = random.Random(13)
    pieces = [*"aB’'-.", " ", " ", "pre-", "Wi-Fi", "e-mail", "x@y.co", "bit.ly/x", "{{1}}", "Hola"]
    pieces += ["Trendora", "shop.example.com", "`code`", "#tag", "u", "recieve", "don't", "\n"]
    texts = _corpus_texts() + [case.text for case in CASES] + AWKWARD
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(10_000)]
    memo: dict = {}
    chunks = ChunkVerdicts()  # each chunk's words kept: the second time they are all known
    for text in texts + texts[::-1]:
        want = _words_by_token_generator(text, dictionary, vocab, memo)
        assert [astuple(w) for w in words_of(text, dictionary, vocab, memo)] == want, text
        assert [astuple(w) for w in words_of(text, dictionary, vocab, memo, chunks)] == want
    monkeypatch.setattr(spelling, "_MEMO_SIZE", 200)  # and forgotten every few texts
    chunks = ChunkVerdicts()
    for text in texts[::9]:
        want = _words_by_token_generator(text, dictionary, vocab, memo)
        assert [astuple(w) for w in words_of(text, dictionary, vocab, memo, chunks)] == want
    assert 0 < len(chunks.rows) <= 200


def test_chunk_at_sentence_start_is_found_where_the_chunk_pattern_finds_it() -> None:
    from linter.kinds.spelling import _CHUNK, _sentence_start, _starts_a_sentence

    rng = random.Random(7)
    pieces = ["Fi", "Fi", "Wi", "x", "9", "_", "é", "-", "-", "'", "’", " ", " ", ". ", "\n"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        truth = any(
            m.group() == "Fi" and _sentence_start(text, m.start()) for m in _CHUNK.finditer(text)
        )
        assert _starts_a_sentence(text, "Fi") == truth, repr(text)


def _ascii_work_in_one_pattern(text: str, dictionary: object) -> bool:
    """``normalize._ascii_work`` before its hint was split into single patterns."""
    from linter import normalize as n

    hint = re.compile(
        r"[A-Za-z][0-9@$!]|[0-9@$][A-Za-z]|\b\w [\w.] \w\b|[\[\(\{]\s*(?:\.|dot)|\sdot\s"
        r"|\w\s+\.\s+\w",
        re.IGNORECASE,
    )
    if hint.search(text) is None:
        return False
    if n._SPACED.search(text) or n._SPACED_NEAR_DOT.search(text) or n._LINK_DOT.search(text):
        return True
    for m in n._LEET_WORD.finditer(text):
        word = m.group()
        spots = [i for i, ch in enumerate(word) if ch in n._LEET]
        if (
            spots
            and len(spots) <= n._MAX_LEET_SUBS
            and any(ch.isalpha() for ch in word)
            and n._leet_word(word, spots, dictionary) is not None
        ):
            return True
    return False


def test_normalising_decides_what_to_undo_as_with_one_hint_pattern() -> None:
    from evasion_cases import CASES

    from linter.kinds.spelling import Dictionary
    from linter.normalize import _ascii_work

    dictionary = Dictionary.load()
    rng = random.Random(11)
    pieces = [*"abIkſK \t.. [({", "dot", " dot ", " . ", "Fr3e", "c0de", "$ale", "!", "b i t"]
    texts = (
        _corpus_texts()
        + [case.text for case in CASES]
        + AWKWARD
        + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    )
    for text in texts:
        assert _ascii_work(text, dictionary) == _ascii_work_in_one_pattern(text, dictionary), text


def test_duplicate_keys_collapse_whitespace_as_the_regex_did() -> None:
    from linter.kinds.duplicate import normalise
    from linter.placeholders import ALL, replace_placeholders

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert [c for c in every if re.fullmatch(r"\s", c)] == [c for c in every if c.isspace()]
    spaces = [c for c in every if c.isspace()]
    rng = random.Random(4)
    pieces = [*spaces, "a", "B", "{{1}}", "{{ x }}", "ß", "İ", "$Name", " "]
    texts = _corpus_texts() + AWKWARD
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    for text in texts:
        old = re.sub(r"\s+", " ", replace_placeholders(text, " {} ", ALL)).strip().casefold()
        assert normalise(text) == old, repr(text)


def test_reject_terms_are_searched_for_wherever_a_chunk_could_be_one() -> None:
    """``may_reject`` False means the reject pattern matches nothing: with the shipped terms
    and with terms holding the letters Python's IGNORECASE matches to non-ASCII ones."""
    from evasion_cases import CASES

    from linter.kinds.spelling import Vocabulary, _terms_pattern, build_vocabulary, may_reject

    shipped = build_vocabulary(Linter(Config()).ctx)
    assert shipped.reject_words and "ur" in shipped.reject_words
    terms = ["u", "ur", "kk", "sis", "i", "don't", "b4", "x_y", "wont"]
    made = Vocabulary(
        reject=dict.fromkeys(terms),
        reject_pattern=_terms_pattern(terms),
        reject_words=frozenset(terms),
    )
    rng = random.Random(12)
    pieces = [*terms, "U", "UR", "\u212a", "\u017f", "\u0131", "\u0130", "’", "-", " ", " ", "x"]
    texts = _corpus_texts() + [case.text for case in CASES] + AWKWARD
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    opened = 0
    for vocab in (shipped, made):
        assert vocab.reject_pattern is not None
        for text in texts:
            if may_reject(text, vocab):
                opened += 1
            else:
                assert vocab.reject_pattern.search(text) is None, text
            assert may_reject(text, vocab) == may_reject(text + " ", vocab)  # kept, then anew
    assert 0 < opened < 2 * len(texts)


def test_leet_candidates_are_the_leet_words_with_a_digit_or_symbol() -> None:
    from evasion_cases import CASES

    from linter.normalize import _HAS_LEET, _LEET_CANDIDATE, _LEET_WORD

    rng = random.Random(14)
    pieces = [*"aZ0134579@$!._/-é", " ", " ", "fr33", "c0de", "$ale", "h3lp@x.in", "bit.ly/x3"]
    texts = _corpus_texts() + [case.text for case in CASES] + AWKWARD
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(20_000)]
    for text in texts:
        want = [m.span() for m in _LEET_WORD.finditer(text) if _HAS_LEET.search(m.group())]
        assert [m.span() for m in _LEET_CANDIDATE.finditer(text)] == want, text


@pytest.mark.slow
def test_phrase_pre_test_passes_every_text_spacy_matches() -> None:
    """``could_match`` (a trigger, and the required words in order) is a necessary condition:
    over corpus rows, the rules' own examples and the evasion corpus, every text a phrase
    rule's spaCy matchers find something in passes it (raw and normalised). Per pattern, too:
    ``find`` runs only the patterns ``_passing`` names, so each one that matches must be among
    them."""
    from evasion_cases import CASES

    from linter.kinds.phrase import PhraseCheck

    checks = [c for c in Linter(Config()).checks if isinstance(c, PhraseCheck)]
    from linter.normalize import normalize

    # every second corpus row (its rows repeat ~600 skeletons; CI's time is capped)
    texts = _corpus_texts()[::2] + [case.text for case in CASES]
    for c in checks:
        texts += [x for x in (*c.rule.examples_fail, *c.rule.examples_pass) if isinstance(x, str)]
    texts += [normalize(t).text for t in texts[::3]]
    phrase_matchers = [check._matchers()[0] for check in checks]
    assert checks[0].ctx.built("phrase:inner")  # spaCy is loaded: the finer test is on
    matched = 0
    for text in texts:
        doc = checks[0]._doc(text)
        for check, phrases in zip(checks, phrase_matchers, strict=True):
            found = []
            if check._spans(doc, phrases):
                found.append(-1)  # some phrase
            for i in range(len(check.patterns)):
                if check._spans(doc, (check._pattern_matcher(i), None)):
                    found.append(len(check.phrases) + i)
            if not found:
                continue
            matched += 1
            assert check.could_match(text), (check.rule.code, text)
            passing = check._passing(text)
            if passing is None:
                continue  # every pattern runs
            for i in found:
                ok = any(j < len(check.phrases) for j in passing) if i < 0 else i in passing
                assert ok, (check.rule.code, i, text)
    assert matched > 300


@pytest.mark.slow
def test_order_test_without_words_that_extend_another_decides_the_same() -> None:
    from evasion_cases import CASES

    from linter.kinds.phrase import PhraseCheck, _in_order, blank_english, inner_pieces

    checks = [c for c in Linter(Config()).checks if isinstance(c, PhraseCheck) and c.required]
    inner = inner_pieces(blank_english())
    rng = random.Random(15)
    words = sorted({w for c in checks for reqs in c.required for req in reqs for w in req})
    pieces = [*words, " ", " ", "x", "'", "’", "-", "."]
    texts = _corpus_texts()[::4] + [case.text for case in CASES]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    reduced = 0
    for check in checks:
        for mode in (None, inner):
            short = check._order_sets(mode)
            reduced += sum(
                len(a) - len(b)
                for x, y in zip(check.required, short, strict=True)
                for a, b in zip(x, y, strict=True)
            )
            for text in texts:
                lower = text.lower()
                for full, less in zip(check.required, short, strict=True):
                    assert _in_order(lower, less, mode) == _in_order(lower, full, mode), text
    assert reduced > 1000
    # a longer word that spaCy may start inside a word stays beside its shorter prefix
    from linter.kinds.phrase import _shortest

    assert _shortest(frozenset({"no", "not", "notice"}), None) == {"no"}
    assert _shortest(frozenset({"no", "not", "notice"}), inner) == {"no", "not"}
    assert _in_order("cannot pay", [_shortest(frozenset({"no", "not"}), inner)], inner)


@pytest.mark.slow
def test_spacy_starts_a_token_after_a_letter_only_for_its_inner_pieces() -> None:
    """What ``could_match`` assumes of spaCy's tokenizer, over corpus rows, the rules'
    examples, the evasion corpus and random strings of letters, digits and punctuation."""
    from evasion_cases import CASES

    from linter.kinds.phrase import blank_english, inner_pieces, make_doc

    nlp = blank_english()
    inner = inner_pieces(nlp)
    assert {"not", "on", "ll", "n't"} <= inner
    rng = random.Random(9)
    pieces = [*"aZé9._-'’&/:,!?()[]$%@#+*=<>\"", " ", " ", "{{1}}", "can", "not", "gon", "na"]
    pieces += ["c'mon", "y'all", "youll", "don't", "10km", "5pm", "hello.World", "😀", "ß"]
    texts = _corpus_texts() + [case.text for case in CASES]
    for check in Linter(Config()).checks:
        texts += [x for x in (*check.rule.examples_fail, *check.rule.examples_pass)]
    texts = [t for t in texts if isinstance(t, str)]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    for text in texts:
        doc = make_doc(nlp, text)
        lower = doc.text.lower()
        for tok in doc:
            at = len(doc.text[: tok.idx].lower())
            if tok.lower_[:1].isalpha() and tok.lower_ not in inner and at > 0:
                assert not lower[at - 1].isalpha(), (text, tok.text)


@pytest.mark.parametrize("docs, columns", [(500, 36_412), (70_000, 40), (30, 70_000)])
def test_counting_feature_pairs_equals_numpys_unique(docs: int, columns: int) -> None:
    # the radix-sorted path (both under 2**16) and the fallback (either above)
    import numpy as np

    from linter.classifier.vectorized import _counted

    rng = np.random.default_rng(docs)
    doc = np.sort(rng.integers(0, docs, 50_000))
    col = rng.integers(0, columns, 50_000)
    col[:5] = columns - 1  # the largest column occurs
    got = _counted(doc, col, docs)
    key, counts = np.unique(doc * columns + col, return_counts=True)
    want = [key // columns, key % columns, counts]
    assert [a.tolist() for a in got] == [a.tolist() for a in want]
    assert [len(a) for a in _counted(doc[:0], col[:0], docs)] == [0, 0, 0]


def test_a_templates_kept_shape_follows_its_text_and_category() -> None:
    # the engine keeps a template's shape between preparing and linting it; a template that
    # changes afterwards must get the checks its new text and category need
    def codes(linter: Linter, text: str, category: str, tpl: Any = None) -> set[str]:
        if tpl is None:
            tpl = parse_text(text, "t.txt")
        else:
            tpl.components[0].text = text
            tpl.components[0].extra.clear()  # its normalisation belonged to the old text
        tpl.category = category
        return {d.code for d in linter.lint([tpl])}

    linter = Linter(Config())
    tpl = parse_text("Your order {{1}} has shipped.", "t.txt")
    assert codes(linter, "Your order {{1}} has shipped.", "UTILITY", tpl) == set()
    link = "Your order has shipped: track it at bit.ly/x7 or www.shop.in/t"
    assert codes(linter, link, "MARKETING", tpl) == codes(Linter(Config()), link, "MARKETING")
    assert {"TPL111", "TPL112"} <= codes(linter, link, "MARKETING", tpl)
    offer = "Your order has shipped. Use code SAVE20 for 20% off your next order."
    assert codes(linter, offer, "MARKETING", tpl) == set()  # offers are fine in marketing
    assert codes(linter, offer, "UTILITY", tpl) == codes(Linter(Config()), offer, "UTILITY")
    assert {"TPL101", "TPL102"} <= codes(linter, offer, "UTILITY", tpl)


def test_odd_characters_kept_per_character_answer_as_worked_out_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import unicodedata

    from linter import normalize

    def plain(text: str) -> bool:  # the test as written before answers were kept
        for c in set(text):
            if c.isascii():
                continue
            if unicodedata.category(c) == "Cf" or unicodedata.normalize("NFKC", c) != c:
                return True
            if c.isdecimal() or (c.isalpha() and c in normalize._lookalikes()):
                return True
        return False

    monkeypatch.setattr(normalize, "ODD_KEPT", 50)  # cleared many times below
    monkeypatch.setattr(normalize, "_ODD", {})
    rng = random.Random(5)
    points = [p for p in range(0x80, 0x30000) if not 0xD800 <= p <= 0xDFFF]
    texts = ["plain ascii", "café", "ﬁnal", "p\u200bay", "рау", "😀 ok"]
    texts += ["".join(chr(rng.choice(points)) for _ in range(3)) + " abc" for _ in range(3000)]
    got = [normalize._odd_characters(t) for t in texts]
    assert got == [plain(t) for t in texts]
    assert 100 < sum(got) < len(texts) - 100  # both answers are common


def test_normalising_with_kept_leet_answers_equals_working_them_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from evasion_cases import CASES

    from linter import normalize
    from linter.kinds import Words

    class Plain:  # the same words, without a place to keep answers
        def __init__(self, words: Words) -> None:
            self.words = words

        def __contains__(self, word: object) -> bool:
            return word in self.words

    monkeypatch.setattr(normalize, "LEET_KEPT", 40)  # forgotten every few texts
    words = Words(Linter(Config()).ctx)
    texts = [t for t in _corpus_texts() if re.search(r"[a-z][0-9@$!]|[0-9@$][a-z]", t, re.I)]
    texts = texts[::3] + [case.text for case in CASES]
    for text in texts * 2:  # the second time from what was kept (where not forgotten)
        got = normalize.normalize(text, words)
        want = normalize.normalize(text, Plain(words))
        assert (got.text, got.starts, got.ends, got.reasons) == (
            want.text,
            want.starts,
            want.ends,
            want.reasons,
        ), text
    assert 0 < len(words.leet) <= 40
    assert sum(normalize.normalize(t, words).changed for t in texts) > 50


def test_a_long_chunk_is_scored_with_gates_from_its_first_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linter.batch import score

    texts = _corpus_texts()[::29][: score.GATED_CHUNK]
    work = [(i, t, None, "UTILITY", None, None, None) for i, t in enumerate(texts)]
    monkeypatch.setattr(score, "_LINTERS", {})
    gated = score.score_chunk(work, Config())
    linter = score.linter_for(Config())
    assert linter._gates is not None and linter._seen <= len(texts)
    monkeypatch.setattr(score, "_LINTERS", {})
    monkeypatch.setattr(score, "GATED_CHUNK", len(texts) + 1)  # as a short chunk is scored
    plain = score.score_chunk(work, Config())
    assert score.linter_for(Config())._gates is None
    assert gated == plain
    assert sum(r.verdict != "pass" for r in plain) > 20


def test_checks_of_fields_a_template_lacks_are_skipped_and_run_when_it_has_them() -> None:
    linter = Linter(Config())
    tpl = parse_text("Your order {{1}} has shipped.", "t.txt")
    applicable = {c.rule.code for c, _ in linter._checks_for(tpl, False)}
    assert not {"TPL302", "TPL330", "TPL331"} & applicable  # no language, samples, JSON
    assert {"TPL301", "TPL303", "TPL320"} <= applicable
    assert not {d.code for d in linter.lint([tpl])}
    tpl.language = "English"  # given one after the template's shape was kept
    assert "TPL302" in {d.code for d in linter.lint([tpl])}
    tpl.body_examples = []  # and samples (too few)
    codes = {d.code for d in linter.lint([tpl])}
    assert {"TPL302", "TPL330"} <= codes
    fresh = parse_text("Your order {{1}} has shipped.", "t.txt")
    fresh.language, fresh.body_examples = "English", []
    assert codes == {d.code for d in Linter(Config()).lint([fresh])}


def test_variable_density_counts_words_only_as_far_as_it_needs() -> None:
    # TPL325 stops counting a body's words once there are enough; its hits and the word
    # counts in their messages are those of counting every word
    from linter.kinds.format import _n, variable_density
    from linter.placeholders import ALL, replace_placeholders, valid_placeholders

    check = next(c for c in Linter(Config()).checks if c.rule.code == "TPL325")
    per, extra = check.num("words-per-variable", 2), check.num("extra-words", 1)
    rng = random.Random(25)
    pieces = ["{{1}}", "{{2}}", "{{3}}", "{{name}}", "word", "a", "-", "5", "é", " ", "\n"]
    texts = [t for t in _corpus_texts() if "{{" in t]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    hits = 0
    for text in texts:
        tpl = parse_text(text, "t.txt")
        got = [(h.start, h.end, h.values["words"]) for h in variable_density(check, tpl)]
        want = []
        for comp in check.comps(tpl):
            phs = valid_placeholders(comp.text)
            words = len(re.findall(r"\w+", replace_placeholders(comp.text, " ", ALL)))
            if phs and words < per * len(phs) + extra:
                want.append((phs[0].start, phs[-1].end, _n(words, "other word")))
        assert got == want, text
        hits += bool(got)
    assert hits > 300


def test_word_before_a_name_is_the_one_a_search_from_the_lines_start_finds() -> None:
    """The title-typo test walks back to the word before a capitalised name instead of
    searching the line for it: the same word at every position of corpus and awkward texts."""
    from linter.kinds.spelling import _word_before

    search = re.compile(r"([A-Za-z]+)[ \t]+$")
    texts = _corpus_texts()[:3000] + AWKWARD + ["é  Abc\tX", "  x", "Sale  ", "a\tb", "\n  Foo Bar"]
    compared = 0
    for text in texts:
        # where it is asked: before a capitalised word, and at every place of the short texts
        every = len(text) < 40
        for start in range(len(text) + 1):
            if not every and not (start < len(text) and text[start].isupper()):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            m = search.search(text, line_start, start)
            assert _word_before(text, line_start, start) == (m and m.group(1)), (text, start)
            compared += 1
    assert compared > 20_000
