"""Evasion-resistant matching: every case of the evasion corpus is caught, at the characters
the writer typed, and the message says which trick was undone."""

from __future__ import annotations

import pytest
from evasion_cases import BASES, CASES, Case, plain

from linter.api import lint_text
from linter.config import Config

# Cases templint still misses, and why: the test fails when one starts passing, so the list
# stays true.
KNOWN_MISSES = {
    ("TPL111", "leet", "Pay your bill here: t1nyurl.com/pay-now"): (
        "de-leeting needs a dictionary word; 'tinyurl' is a domain, not a word"
    ),
}
OFF = Config(normalize=False)
# The classifier's case also says "save big", which TPL101 reports as an error; a TPL501 finding
# is then not reported (the rule said it), so the classifier's case is linted by its rules alone.
CLASSIFIER_ONLY = Config(select=("TPL5",))
CLASSIFIER_RAW = Config(select=("TPL5",), normalize=False)


def _lint(code: str, text: str, raw: bool = False) -> list:
    if code.startswith("TPL5"):
        return lint_text(text, config=CLASSIFIER_RAW if raw else CLASSIFIER_ONLY)
    return lint_text(text, config=OFF) if raw else lint_text(text)


def test_the_corpus_is_big_and_covers_every_family() -> None:
    assert len(CASES) >= 60
    families = {c.family for c in CASES}
    assert families == {
        "offers", "links", "outreach", "contests", "surveys", "upsell", "launch", "threats",
        "sensitive", "classifier",
    }  # fmt: skip
    assert {c.trick for c in CASES} >= {"zero-width", "full-width", "cyrillic", "leet", "spaced",
                                        "[.]", "(dot)", "dot"}  # fmt: skip


@pytest.mark.parametrize(("family", "code", "text"), BASES, ids=[b[1] for b in BASES])
def test_every_base_case_fires_as_written(family: str, code: str, text: str) -> None:
    assert code in {d.code for d in _lint(code, plain(text))}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.code}-{c.trick}-{i}" for i, c in enumerate(CASES)]
)
def test_disguised_case_is_caught_at_the_typed_characters(case: Case) -> None:
    found = [d for d in _lint(case.code, case.text) if d.code == case.code]
    if (case.code, case.trick, case.text) in KNOWN_MISSES:
        assert not found, "a known miss is caught now: remove it from KNOWN_MISSES"
        return
    assert found, f"{case.code} missed {case.trick}: {case.text!r}"
    for d in found:
        assert 1 <= d.column <= len(case.text) + 1 and d.end_column <= len(case.text) + 1
    raw = any(d.code == case.code for d in _lint(case.code, case.text, raw=True))
    if not raw and case.code != "TPL501":  # found only once the trick was undone: say so
        assert any("evasion detected" in d.message for d in found), found[0].message


def test_normalising_finds_more_than_the_raw_text() -> None:
    raw = sum(any(d.code == c.code for d in _lint(c.code, c.text, raw=True)) for c in CASES)
    normalised = sum(any(d.code == c.code for d in _lint(c.code, c.text)) for c in CASES)
    assert normalised == len(CASES) - len(KNOWN_MISSES)
    assert raw < normalised * 0.6  # the raw text misses most disguises


def test_span_covers_the_disguised_word_as_typed() -> None:
    text = "Claim your fr\u200bee gift with this order."
    (d,) = [d for d in lint_text(text) if d.code == "TPL105"]
    assert "fr\u200bee" in text[d.column - 1 : d.end_column - 1]
    assert d.message.endswith("(evasion detected: invisible characters)")
    link = "Track it at bit[.]ly/3xTrk9"
    (s,) = [d for d in lint_text(link) if d.code == "TPL111"]
    assert link[s.column - 1 : s.end_column - 1] == "bit[.]ly/3xTrk9"
    assert "obfuscated link" in s.message


@pytest.mark.parametrize(
    "text",
    [
        "Your order is delivered. In case of issues, call us.",  # '. In' is not a link to .in
        "We stock polka dot dresses in every size.",
        "Order {{1}} for 2 items ships on 12/03.",
        "Your OTP is 4521. Do not share it.",
        "Hi {{1}}, I am glad to help. A B testing is over.",
        "Votre commande est expédiée. Привет, ваш заказ отправлен.",  # other scripts stay
        "Room 4B is ready; your PIN 1234 works at gate 5.",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    raw = {(d.code, d.column) for d in lint_text(text, config=OFF)}
    normalised = {(d.code, d.column) for d in lint_text(text)}
    assert normalised == raw


def test_parts_of_a_disguised_word_are_not_misspellings() -> None:
    for text in ("Track it at bit[.]ly/3xTrk9", "Claim a fr\u200bee gift with your order"):
        assert "TPL201" not in {d.code for d in lint_text(text)}, text
    assert "TPL201" in {d.code for d in lint_text("Your pakage has shipped.")}


def test_links_and_addresses_keep_their_digits() -> None:
    from linter.kinds.spelling import Dictionary
    from linter.normalize import normalize

    words = Dictionary.load()
    for text in ("Open bit.ly/x3 now", "Write to h3lp@shop.in", "See shop.in/fr33 today"):
        assert normalize(text, words).text == text
    assert normalize("Track at b1t.ly/3xTrk9", words).text == "Track at bit.ly/3xTrk9"


@pytest.mark.parametrize("digits", ["١", "१", "১"])  # Arabic-Indic, Devanagari, Bengali one
def test_another_scripts_digits_in_a_latin_word_are_read_as_digits(digits: str) -> None:
    text = f"Grab a B{digits}G{digits} deal on every coffee today."
    (found,) = [d for d in lint_text(text, category="UTILITY") if d.code == "TPL104"]
    assert "evasion detected: look-alike letters or digits" in found.message
    start = text.index("B" + digits)
    assert (found.column - 1, found.end_column - 1) == (start, start + 4)
    # numbers written in another script, on their own, are that script's numbers
    from linter.normalize import normalize

    for number in (f"Order {digits}{digits}2 has shipped.", f"رقم الطلب {digits}{digits}"):
        assert normalize(number).text == number
