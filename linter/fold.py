"""Case folding for the quick literal pre-tests (the engine's gates, the pattern kind's literal
test, the phrase kind's trigger words and its spaCy ``LOWER`` matching), so that they agree
with the rules' own regexes; and the plain reading of Arabic that pattern rules also search.

The ``regex`` module, case-insensitive, matches Turkish's four i letters as one (i, I, dotted
capital İ, dotless small ı: an "indirim" pattern finds "İNDİRİM", a "fırsat" one "FIRSAT"), but
``str.casefold`` and ``str.lower`` keep them apart: 'İ' becomes 'i' and a combining dot
(U+0307), 'ı' stays 'ı' while 'I' becomes 'i'. An upper-case Turkish template then lacked the
strings its pre-tests looked for, and was passed over ("TÜM ÜRÜNLERDE %20 İNDİRİM" by TPL101,
"İLGİNİZİ ÇEKEBİLİR" by TPL151) although its lower-case form was caught. Here İ is read as I
and ı as i on both sides (the text and the rules' strings) before folding. ``dotless`` replaces one
character by one, so a spaCy doc of its text has the text's offsets. A text without either
letter (nearly every one) costs two ``in`` scans in C, no copy.

Arabic is written many ways for one word: hamza on the alef or not (أ إ آ ٱ / ا), final yaa
with or without dots (ى / ي: "علي" for "على"), taa marbuta or haa (ة / ه), with or without
harakat (the short-vowel marks, shadda, tanween: "جرّب", "مجاناً") and tatweel (the stretching
"ـ" of "بـ"). ``arabic_plain`` writes each as its plain form and drops the marks, and says
where each character of the result came from; ``fold`` does the same, so that a pre-test
string read from a pattern ("أضف") is found in any spelling of the text ("اضف"), and
``arabic_pattern`` folds a pattern's own letters likewise for the search of the plain text.
"""

from __future__ import annotations

import re

# each keeps its case: spaCy splits a word's final "." by the case around it ("VERİLECEKTİR."
# read "VERiLECEKTiR." stayed one token)
_TURKISH_I = str.maketrans("İı", "Ii")

# one letter for another: the hamza'd and wasla alefs, alef maqsura, taa marbuta
_ARABIC_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
# dropped: tatweel, the harakat, tanween, shadda, sukun and the other combining marks of the
# Arabic block (U+064B-U+065F), superscript alef (U+0670)
_ARABIC_MARKS = "\u0640" + "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"
_ARABIC = str.maketrans({**_ARABIC_LETTERS, **dict.fromkeys(_ARABIC_MARKS)})
_ARABIC_ODD = re.compile("[" + "".join(_ARABIC_LETTERS) + _ARABIC_MARKS + "]")
_MARK = re.compile("[" + _ARABIC_MARKS + "]")
# a mark written in a pattern, with the "?" or "*" that made it optional ("وفّ?ري")
_PATTERN_MARK = re.compile("[" + _ARABIC_MARKS + "][?*]?")


def dotless(text: str) -> str:
    """The text with Turkish İ written as I and ı as i (the same text when it has neither)."""
    if "İ" in text or "ı" in text:
        return text.translate(_TURKISH_I)
    return text


def arabic(text: str) -> str:
    """The text with Arabic letters in their plain form and its marks dropped (the same text
    when it has none to change: no Arabic, or Arabic already plain)."""
    if text.isascii() or _ARABIC_ODD.search(text) is None:
        return text
    return text.translate(_ARABIC)


def arabic_plain(text: str) -> tuple[str, list[int]] | None:
    """``arabic(text)`` and, per character of it, the index of the character of ``text`` it
    came from; None when there is nothing to change. A span ``[i, j)`` of the plain text is
    ``[where[i], where[j - 1] + 1)`` of ``text``."""
    if text.isascii() or _ARABIC_ODD.search(text) is None:
        return None
    plain = text.translate(_ARABIC)
    if _MARK.search(text) is None:  # letters only: one for one
        return plain, list(range(len(text)))
    where = [i for i, c in enumerate(text) if c not in _ARABIC_MARKS]
    return plain, where


def plain_span(where: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of Arabic's plain reading (``arabic_plain``) as a span of the text it was read
    from."""
    if not where:
        return 0, 0
    if end <= start:
        pos = where[start] if start < len(where) else where[-1] + 1
        return pos, pos
    return where[start], where[end - 1] + 1


def arabic_pattern(pattern: str) -> str:
    """A regex's source with its Arabic letters folded as ``arabic`` folds a text's, and the
    marks it names as characters dropped (with a "?" or "*" after one), for a search of the
    plain text. Escapes (``\\u0651``) are left: the plain text has no marks to match them."""
    if pattern.isascii():
        return pattern
    return _PATTERN_MARK.sub("", pattern).translate(str.maketrans(_ARABIC_LETTERS))


def fold(text: str) -> str:
    """``str.casefold``, with Turkish İ and ı as i and Arabic in its plain form."""
    return arabic(dotless(text)).casefold()


def lower(text: str) -> str:
    """``str.lower``, with Turkish İ and ı as i."""
    return dotless(text).lower()


__all__ = ["arabic", "arabic_pattern", "arabic_plain", "dotless", "fold", "lower"]
