"""The text features of templint's classifier, re-implemented exactly.

Training uses scikit-learn's ``TfidfVectorizer`` with the settings in ``WORD`` and ``CHAR``;
linting scores with the functions below, which produce the same features (the same n-grams,
counted the same way), so an exported linear model gives the same scores without importing
scikit-learn. ``tests/test_classifier.py`` checks the two agree on every 4th corpus row.

Before featurisation every placeholder (``{{1}}``, ``{{ name }}``) becomes one token, so the
model learns "a variable goes here", not the variable's number or name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

# Kept local rather than imported from linter.placeholders: the model's features depend on this
# exact normalisation, so it must not change unless the model is retrained.
# The name, when there is one, stands between the blanks: two blank runs side by side would let
# the engine split "{{" and 60,000 tabs every way before failing (quadratic; 17 s).
PLACEHOLDER = re.compile(r"\{\{\s*(?:[A-Za-z0-9_.\-]+\s*)?\}\}")
PLACEHOLDER_TOKEN = "_var_"

# Every combining mark (Unicode categories Mn, Mc, Me) of the Basic Multilingual Plane, as
# of Unicode 14, but the variation selectors (FE00-FE0F) and the marks for symbols (20D0-20F0,
# the keycap of "1️⃣"): those follow emoji, not letters.
_MARK_RANGES = """
0300-036F 0483-0489 0591-05BD 05BF 05C1-05C2 05C4-05C5 05C7 0610-061A 064B-065F 0670
06D6-06DC 06DF-06E4 06E7-06E8 06EA-06ED 0711 0730-074A 07A6-07B0 07EB-07F3 07FD
0816-0819 081B-0823 0825-0827 0829-082D 0859-085B 0898-089F 08CA-08E1 08E3-0903
093A-093C 093E-094F 0951-0957 0962-0963 0981-0983 09BC 09BE-09C4 09C7-09C8 09CB-09CD
09D7 09E2-09E3 09FE 0A01-0A03 0A3C 0A3E-0A42 0A47-0A48 0A4B-0A4D 0A51 0A70-0A71 0A75
0A81-0A83 0ABC 0ABE-0AC5 0AC7-0AC9 0ACB-0ACD 0AE2-0AE3 0AFA-0AFF 0B01-0B03 0B3C
0B3E-0B44 0B47-0B48 0B4B-0B4D 0B55-0B57 0B62-0B63 0B82 0BBE-0BC2 0BC6-0BC8 0BCA-0BCD
0BD7 0C00-0C04 0C3C 0C3E-0C44 0C46-0C48 0C4A-0C4D 0C55-0C56 0C62-0C63 0C81-0C83 0CBC
0CBE-0CC4 0CC6-0CC8 0CCA-0CCD 0CD5-0CD6 0CE2-0CE3 0D00-0D03 0D3B-0D3C 0D3E-0D44
0D46-0D48 0D4A-0D4D 0D57 0D62-0D63 0D81-0D83 0DCA 0DCF-0DD4 0DD6 0DD8-0DDF 0DF2-0DF3
0E31 0E34-0E3A 0E47-0E4E 0EB1 0EB4-0EBC 0EC8-0ECD 0F18-0F19 0F35 0F37 0F39 0F3E-0F3F
0F71-0F84 0F86-0F87 0F8D-0F97 0F99-0FBC 0FC6 102B-103E 1056-1059 105E-1060 1062-1064
1067-106D 1071-1074 1082-108D 108F 109A-109D 135D-135F 1712-1715 1732-1734 1752-1753
1772-1773 17B4-17D3 17DD 180B-180D 180F 1885-1886 18A9 1920-192B 1930-193B 1A17-1A1B
1A55-1A5E 1A60-1A7C 1A7F 1AB0-1ACE 1B00-1B04 1B34-1B44 1B6B-1B73 1B80-1B82 1BA1-1BAD
1BE6-1BF3 1C24-1C37 1CD0-1CD2 1CD4-1CE8 1CED 1CF4 1CF7-1CF9 1DC0-1DFF
2CEF-2CF1 2D7F 2DE0-2DFF 302A-302F 3099-309A A66F-A672 A674-A67D A69E-A69F A6F0-A6F1
A802 A806 A80B A823-A827 A82C A880-A881 A8B4-A8C5 A8E0-A8F1 A8FF A926-A92D A947-A953
A980-A983 A9B3-A9C0 A9E5 AA29-AA36 AA43 AA4C-AA4D AA7B-AA7D AAB0 AAB2-AAB4 AAB7-AAB8
AABE-AABF AAC1 AAEB-AAEF AAF5-AAF6 ABE3-ABEA ABEC-ABED FB1E FE20-FE2F
"""
MARKS = "".join(
    "-".join(f"\\u{end.lower()}" for end in span.split("-")) for span in _MARK_RANGES.split()
)

# A word: a letter or digit, then letters, digits and the marks written on them. scikit-learn's
# default, \b\w\w+\b, cut a Devanagari word before its first vowel sign, since Python's \w has
# no marks ('आपका' -> 'आपक'; 'साझा', 'किसी' gave nothing). Without marks, the same tokens.
TOKEN_PATTERN = rf"(?u)\b\w[\w{MARKS}]+"
# What every model before 2026-12-08 was trained with: a model file names its pattern, and the
# scorer tokenizes with the model's own (``token_regex``).
LEGACY_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
WORD: dict[str, Any] = {
    "analyzer": "word",
    "lowercase": True,
    "token_pattern": TOKEN_PATTERN,
    "ngram_range": (1, 2),
    "sublinear_tf": True,
    "norm": "l2",
}
CHAR: dict[str, Any] = {
    "analyzer": "char_wb",
    "lowercase": True,
    "ngram_range": (2, 5),
    "sublinear_tf": True,
    "norm": "l2",
}

_TOKEN = re.compile(TOKEN_PATTERN)


def token_regex(pattern: str | None) -> re.Pattern[str]:
    """The compiled token pattern a model names (none named: the legacy one). ``re`` keeps
    compiled patterns, so each is compiled once a process."""
    return re.compile(LEGACY_TOKEN_PATTERN if pattern is None else pattern)


_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's own whitespace normaliser


def normalise(text: str) -> str:
    """The text the vectorizers see: placeholders masked (lower-casing is the analyzers' job)."""
    return PLACEHOLDER.sub(f" {PLACEHOLDER_TOKEN} ", text)


def word_ngrams(
    doc: str, ngram_range: tuple[int, int] = (1, 2), token: re.Pattern[str] = _TOKEN
) -> list[str]:
    """scikit-learn's word analyzer: lowercase, ``token_pattern``, then n-grams."""
    tokens = token.findall(doc.lower())
    min_n, max_n = ngram_range
    out = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n + 1, len(tokens) + 1)):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


def char_wb_ngrams(doc: str, ngram_range: tuple[int, int] = (2, 5)) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: n-grams inside space-padded words."""
    doc = _WHITE_SPACES.sub(" ", doc.lower())
    min_n, max_n = ngram_range
    out: list[str] = []
    append, extend = out.append, out.extend
    for w in doc.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            if n >= w_len:  # a short word is counted once, whole, as scikit-learn does
                append(w)
                break
            extend([w[i : i + n] for i in range(w_len - n + 1)])
    return out


def tfidf(grams: Iterable[str], vocab: dict[str, int], idf: list[float] | Any) -> dict[int, float]:
    """Sublinear tf × idf, l2-normalised: the row ``TfidfVectorizer`` would produce, with its
    columns in ascending order. The order is part of the result: sums run in it, which makes the
    floats equal to those of the batch scorer (``linter.classifier.vectorized``)."""
    # Count everything in C, then keep the known grams: several times faster on character
    # n-grams than filtering first.
    get = vocab.get
    known = sorted(
        (j, count) for gram, count in Counter(grams).items() if (j := get(gram)) is not None
    )
    log = math.log
    row: dict[int, float] = {}
    total = 0.0
    for j, count in known:
        value = (1.0 + log(count)) * idf[j]
        row[j] = value
        total += value * value
    if total > 0.0:
        norm = math.sqrt(total)
        for j in row:
            row[j] /= norm
    return row


def without_sender(text: str, sender: str | None) -> str:
    """``text`` with the sender's name taken out, as written (any case, any spacing) and as it
    is squashed into a web address ("Kavya Home" -> kavyahome.in)."""
    if not sender:
        return text
    words = re.findall(r"\w+", sender)
    if not words:
        return text
    written = r"\b" + r"\W{0,3}".join(map(re.escape, words)) + r"\b"
    squashed = r"\b" + re.escape("".join(words)) + r"\b"
    return re.sub(f"{written}|{squashed}", " ", text, flags=re.IGNORECASE)
