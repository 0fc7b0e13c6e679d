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

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
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
_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's own whitespace normaliser


def normalise(text: str) -> str:
    """The text the vectorizers see: placeholders masked (lower-casing is the analyzers' job)."""
    return PLACEHOLDER.sub(f" {PLACEHOLDER_TOKEN} ", text)


def word_ngrams(doc: str, ngram_range: tuple[int, int] = (1, 2)) -> list[str]:
    """scikit-learn's word analyzer: lowercase, ``token_pattern``, then n-grams."""
    tokens = _TOKEN.findall(doc.lower())
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
