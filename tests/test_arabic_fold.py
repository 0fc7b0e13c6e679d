"""Arabic as people type it: hamza'd or bare alef, ى for ي, ه for ة, harakat and tatweel or not.
Pattern rules search the plain reading too (linter.fold.arabic_plain) and report what was typed."""

from __future__ import annotations

import pytest

from linter.api import lint_text
from linter.config import Config
from linter.fold import arabic, arabic_pattern, arabic_plain, fold


def test_plain_reading_and_where_each_character_came_from() -> None:
    text = "جرّبـوا الآن"
    plain, where = arabic_plain(text)  # type: ignore[misc]
    assert plain == "جربوا الان"
    assert [text[i] for i in where] == list("جربوا الآن")
    assert arabic_plain("hello") is None
    assert arabic_plain("شكرا لك") is None  # plain already: nothing to map
    assert arabic_plain("على") == ("علي", [0, 1, 2])  # letters only: one for one


def test_fold_reads_every_spelling_alike() -> None:
    assert fold("أضف") == fold("اضف") == fold("إضف")
    assert fold("هديةٌ مجاناً") == fold("هديه مجانا")
    assert fold("احصـــل علي") == fold("احصل على")
    assert arabic("Plain ASCII") == "Plain ASCII"


def test_pattern_source_folded_like_the_text() -> None:
    assert arabic_pattern("(?:أضف|اضف)\\s+وفّ?ري") == "(?:اضف|اضف)\\s+وفري"
    assert arabic_pattern("جر\\u0651?ب") == "جر\\u0651?ب"  # an escape is left alone
    assert arabic_pattern("\\bfree\\b") == "\\bfree\\b"


def _one(text: str, code: str) -> list[tuple[int, int, int, str]]:
    found = lint_text(text, category="UTILITY", config=Config(select=(code,)))
    return [(d.line, d.column, d.end_column, d.message) for d in found if d.code == code]


@pytest.mark.parametrize(
    ("text", "code", "line", "typed"),
    [
        # written "إطلاق" in the rule, typed without hamza, harakat before it
        ("شُكْراً لَكَ\nنُعلن عن اطلاق خدمة التوصيل.", "TPL161", 2, "نُعلن عن اطلاق"),
        # tatweel inside the word the rule names
        ("تم شحن طلبك. نعلـــن عن إطلاق خدمة التوصيل السريع.", "TPL161", 1, "نعلـــن عن إطلاق"),
        # tanween on the word before the rate
        ("شكراً لك. خصمٌ 20% على كل المنتجات.", "TPL101", 1, "خصمٌ 20%"),
    ],
    ids=["bare-alef-after-harakat", "tatweel", "tanween"],
)
def test_plain_reading_finds_and_reports_what_was_typed(
    text: str, code: str, line: int, typed: str
) -> None:
    found = _one(text, code)
    assert len(found) == 1, found
    got_line, column, end_column, message = found[0]
    assert got_line == line
    written = text.split("\n")[line - 1]
    assert written[column - 1 : end_column - 1] == typed
    assert f"'{typed}'" in message


def test_an_exception_in_either_reading_excuses() -> None:
    # TPL101's exception "تم … إضافة …" matches as written; its pattern only the plain reading
    assert _one("تم إضافة خصمٍ 10% على طلبك رقم {{1}}.", "TPL101") == []
