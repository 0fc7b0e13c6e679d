"""The words a writer can act on, when a classifier rule names what made a text read as it does.

The model's features are word n-grams (cut by scikit-learn's ``\\w\\w+``, which splits a
Devanagari word at its vowel signs: 'सभी' gives 'सभ') and character n-grams. A finding names
whole words of the text instead: each feature's share of the score goes to the words it lies
in (``Scorer.word_credit``), and words a writer would not reword are left out (``nameable``):
stop words of the template's language and of English (spaCy's lists), numbers, placeholders
and the pieces of links.

spaCy's stop word lists are plain data files (``spacy/lang/XX/stop_words.py``, one set each).
They are read directly, without importing ``spacy`` or its language package: importing
``spacy.lang.fr`` takes seconds, reading its list a millisecond.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

_JOINERS = "\u200c\u200d"  # zero-width (non-)joiner: inside Indic words


def _in_word(ch: str) -> bool:
    # a mark (Devanagari's vowel signs, virama, a combining accent) belongs to its letter
    return ch.isalnum() or ch in _JOINERS or unicodedata.category(ch)[0] == "M"


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each whole word of ``text``: a run of letters, digits and marks.
    '_' separates words (so ``_var_``, the placeholder's token, is the word 'var' between
    two; ``nameable`` leaves it out)."""
    start = None
    for i, ch in enumerate(text):
        if _in_word(ch) and (start is not None or unicodedata.category(ch)[0] != "M"):
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


def is_link(chunk: str) -> bool:
    """Whether a whitespace-delimited chunk is (part of) a web address."""
    low = chunk.lower()
    return "/" in low or low.startswith("www.") or low.endswith((".com", ".in", ".net", ".org"))


@lru_cache(maxsize=32)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words of ``language`` (a base code such as 'de'; Meta's 'pt_BR' works too)
    and of English, which templates in every language mix in. Empty for a language spaCy has
    no list of (then only English's apply)."""
    words = set(_spacy_list("en"))
    base = language.replace("-", "_").split("_")[0].lower() if language else "en"
    words |= _spacy_list(base)
    if base in ("en", "hi"):  # Hinglish is declared as either
        words |= HINGLISH_STOP_WORDS
    return frozenset(words)


# Hindi's function words as Hinglish writes them in Latin letters, which spaCy has no list of
# (its Hindi list is in Devanagari): 'par' (on), 'aapke' (your) were named as promotional.
HINGLISH_STOP_WORDS = frozenset(
    """
    aap aapka aapke aapki aapko apna apne apni hum hamara hamare hamari humara humare humari
    hai hain tha thi the ho hoga hogi honge hua hui hue gaya gayi gaye raha rahe rahi
    ka ke ki ko se me mein par pe tak liye wala wale wali aur ya bhi hi to toh ek yeh ye
    woh wo is us in un inka unka unke jo kya kyun kab kaise jab tab agar lekin ki kar karo
    karein kare karke kiya kiye ji
    """.split()
)


@lru_cache(maxsize=32)
def _spacy_list(base: str) -> frozenset[str]:
    if not base.isalpha():
        return frozenset()
    spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / base / "stop_words.py"
    if not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_templint_stop_words_{base}", path)
    if module_spec is None or module_spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(module_spec)
    try:
        module_spec.loader.exec_module(module)
    except Exception:  # an unexpected layout: name words without this list rather than fail
        return frozenset()
    found = getattr(module, "STOP_WORDS", ())
    return frozenset(w.lower() for w in found if isinstance(w, str))


# English stop words that carry an offer or its urgency ("20% off", "now", "only today", "last
# chance", "get one more"): a writer rewords exactly these, so a finding may name them.
OFFER_WORDS = frozenset({"off", "now", "only", "last", "more", "everything", "get"})


def nameable(word: str, stops: frozenset[str]) -> bool:
    """Whether a finding may name ``word`` (lower-cased) as what made a text read as it does:
    a word with a letter, of two characters or more, that is no stop word (but for
    ``OFFER_WORDS``)."""
    return (
        len(word) > 1
        and any(ch.isalpha() for ch in word)
        and (word not in stops or word in OFFER_WORDS)
    )
