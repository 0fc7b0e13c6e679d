"""Case folding for the quick literal pre-tests (the engine's gates, the pattern kind's literal
test, the phrase kind's trigger words and its spaCy ``LOWER`` matching), so that they agree
with the rules' own regexes.

The ``regex`` module, case-insensitive, matches Turkish's four i letters as one (i, I, dotted
capital İ, dotless small ı: an "indirim" pattern finds "İNDİRİM", a "fırsat" one "FIRSAT"), but
``str.casefold`` and ``str.lower`` keep them apart: 'İ' becomes 'i' and a combining dot
(U+0307), 'ı' stays 'ı' while 'I' becomes 'i'. An upper-case Turkish template then lacked the
strings its pre-tests looked for, and was passed over ("TÜM ÜRÜNLERDE %20 İNDİRİM" by TPL101,
"İLGİNİZİ ÇEKEBİLİR" by TPL151) although its lower-case form was caught. Here İ and ı are read
as i on both sides (the text and the rules' strings) before folding. ``dotless`` replaces one
character by one, so a spaCy doc of its text has the text's offsets. A text without either
letter (nearly every one) costs two ``in`` scans in C, no copy.
"""

from __future__ import annotations

_TURKISH_I = str.maketrans("İı", "ii")


def dotless(text: str) -> str:
    """The text with Turkish İ and ı written as i (the same text when it has neither)."""
    if "İ" in text or "ı" in text:
        return text.translate(_TURKISH_I)
    return text


def fold(text: str) -> str:
    """``str.casefold``, with Turkish İ and ı as i."""
    return dotless(text).casefold()


def lower(text: str) -> str:
    """``str.lower``, with Turkish İ and ı as i."""
    return dotless(text).lower()


__all__ = ["dotless", "fold", "lower"]
