"""What the text rules read: the template text with the usual tricks for slipping past a filter
undone, and a map back to the characters the writer typed.

Steps, in order: invisible format characters (zero-width space, joiners, soft hyphen, BOM) are
dropped; every character is NFKC-normalised (full-width ``ｂｉｔ``, mathematical bold, ligatures);
letters from other scripts that look like Latin ones (Cyrillic ``а``, Greek ``ο``; Unicode's
confusables data via the ``confusable_homoglyphs`` package) and other scripts' digits
(Arabic-Indic ``١``, Devanagari ``१``) are folded to Latin letters and ASCII digits inside words
that also hold Latin letters; digits and symbols standing in for letters (``c0de``, ``fr33``,
``$ale``) are read as letters when that makes a dictionary word; spaced-out letters
(``F R E E``) are joined; obfuscated links (``bit[.]ly``, ``bit (dot) ly``, ``b i t dot l y``,
``bit . ly``) get their dots back.

Each character of the result knows the span of original characters it came from, so a finding
in the normalised text points at what the writer typed, and which steps touched that span, so
the message can say that evasion was detected.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

INVISIBLE = "invisible characters"
COMPAT = "full-width or styled letters"
LOOKALIKE = "look-alike letters or digits from another script"
LEET = "digits or symbols for letters"
SPACED = "spaced-out letters"
LINK = "obfuscated link"

_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
# a word mixing letters with digits or @ $ !; not a link's path ("bit.ly/x3"), a later label
# of a host or an e-mail's local part ("h3lp@shop.in"). A word with a letter starts only where a
# run of word characters does, never after a "!" inside one: a start there finds what the run's
# own start found (unless the run follows a "/" or ".", a path or a host: then nothing now), and
# 20,000 "!" made the engine scan the run again from each of them (3 s; quadratic).
_LEET_WORD = re.compile(
    r"(?:(?<![\w@$!/.])[\w@$!]*[A-Za-z][\w@$!]*|(?<![\w@$/.])[@$][\w@$!]+)(?![\w@$])"
)
_LEET_CHARS = "[" + re.escape("".join(_LEET)) + "]"
_HAS_LEET = re.compile(_LEET_CHARS)
# _LEET_WORD's matches that hold a digit or symbol to read as a letter (most words hold none:
# they are skipped inside the regex engine, not one by one in Python); an @ or $ word holds one
_LEET_CANDIDATE = re.compile(
    r"(?:(?<![\w@$!/.])(?=[\w@$!]*" + _LEET_CHARS + r")[\w@$!]*[A-Za-z][\w@$!]*"
    r"|(?<![\w@$/.])[@$][\w@$!]+)(?![\w@$])"
)
_SPACED = re.compile(r"(?<![\w'’])(?:[^\W\d_][ \t]){2,}[^\W\d_](?![\w'’])")
_LINK_DOT = re.compile(
    r"(?<=\w)(?:\s*[\[\(\{]\s*(?:\.|dot)\s*[\]\)\}]\s*|\s+dot\s+|\s+\.\s+)(?=\w)",
    re.IGNORECASE,
)
_MAX_LEET_SUBS = 6  # positions tried per word (2^6 variants at most)


@dataclass(slots=True)
class Normalized:
    text: str
    starts: list[int]  # per character: the first original character it came from
    ends: list[int]  # per character: one past the last original character it came from
    reasons: dict[int, set[str]] = field(default_factory=dict)  # original index -> steps
    changed: bool = False
    identity: bool = False  # nothing was undone: offsets are the original ones (no lists)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind ``text[start:end]``."""
        if self.identity:
            return start, max(start, end)
        if not self.starts:
            return 0, 0
        if end <= start:
            i = min(start, len(self.starts) - 1)
            pos = self.starts[i] if start < len(self.starts) else self.ends[-1]
            return pos, pos
        return self.starts[start], self.ends[min(end, len(self.ends)) - 1]

    def evasions(self, start: int, end: int) -> list[str]:
        """Which tricks were undone inside ``text[start:end]`` (in original coordinates)."""
        if not self.reasons:
            return []
        o_start, o_end = self.original_span(start, end)
        found: set[str] = set()
        for i in range(o_start, o_end):
            found |= self.reasons.get(i, set())
        order = (INVISIBLE, COMPAT, LOOKALIKE, LEET, SPACED, LINK)
        return [r for r in order if r in found]


@lru_cache(maxsize=1)
def _lookalikes() -> dict[str, str]:
    """Non-ASCII characters that Unicode's confusables data says look like one ASCII letter."""
    import confusable_homoglyphs

    data = json.loads(
        (Path(confusable_homoglyphs.__file__).parent / "confusables.json").read_text("utf-8")
    )
    table: dict[str, str] = {}
    for char, entries in data.items():
        if len(char) != 1 or char.isascii():
            continue
        for entry in entries:
            target = entry.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalpha():
                table[char] = target
                break
    return table


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or "LATIN" in unicodedata.name(ch, "")


class _Builder:
    """The normalised text as pieces (char, original start, original end)."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.starts = list(range(len(text)))
        self.ends = list(range(1, len(text) + 1))
        self.reasons: dict[int, set[str]] = {}

    def note(self, start: int, end: int, reason: str) -> None:
        for i in range(start, end):
            self.reasons.setdefault(i, set()).add(reason)

    def rebuild(self, keep: list[tuple[str, int, int]]) -> None:
        self.chars = [c for c, _, _ in keep]
        self.starts = [s for _, s, _ in keep]
        self.ends = [e for _, _, e in keep]

    def text(self) -> str:
        return "".join(self.chars)


def normalize(text: str, dictionary: object | None = None) -> Normalized:
    """``dictionary`` (``in`` for lower-case words) decides which de-leeted words are real;
    without one, digits are left alone."""
    # Invisible, full-width and look-alike characters are all non-ASCII; emoji are not tricks.
    odd_chars = not text.isascii() and _odd_characters(text)
    if not odd_chars and not _ascii_work(text, dictionary):
        # Nothing to undo (most templates): no per-character bookkeeping at all.
        return Normalized(text, [], [], identity=True)
    b = _Builder(text)
    if odd_chars:
        _drop_invisible(b)
        _compat(b)
        _fold_lookalikes(b)
    if dictionary is not None:
        _deleet(b, dictionary)
    _join_spaced(b)
    _join_spaced(b, _SPACED_NEAR_DOT)
    _link_dots(b)
    out = b.text()
    return Normalized(out, b.starts, b.ends, b.reasons, changed=out != text or bool(b.reasons))


# Cheap tests for the ASCII-only case: a letter next to a digit or $ @ !, three spaced single
# letters, or a dot written as [.] (dot) " dot " " . ". Most templates match none of these.
# One pattern per test: Python's re tries an alternation's branches at every position (one
# combined pattern took ~9 us a template, these ~5).
# Started from the rarer character, with the letter before it looked behind for: the engine
# then tries far fewer positions (0.55 vs 1.54 us a corpus text; same matches).
_HINT_LETTER_LEET = re.compile(r"[0-9@$!](?<=[A-Za-z][0-9@$!])", re.I)
_HINT_LEET_LETTER = re.compile(r"[0-9@$][A-Za-z]", re.I)
_HINT_SPACED = re.compile(r"\b\w [\w.] \w\b")
_HINT_SPACED_SOON = re.compile(r" [\w.] ")  # what every match of _HINT_SPACED holds
_HINT_BRACKET_DOT = re.compile(r"[\[\(\{]\s*(?:\.|dot)", re.I)
_HINT_WORD_DOT = re.compile(r"\sdot\s", re.I)
_HINT_SPACED_DOT = re.compile(r"\w\s+\.\s+\w")
_HINT_SPACED_DOT_SOON = re.compile(r"\.(?<=\s\.)\s")  # in every match of the above; from the dot
# Two single letters with a space or tab between: in every match of _SPACED (three or more)
# and of _SPACED_NEAR_DOT (two or more), and ~4x cheaper to search for than the latter.
_LETTER_PAIR = re.compile(r"(?<![^\W\d_])[^\W\d_][ \t][^\W\d_](?![^\W\d_])")


def _odd_characters(text: str) -> bool:
    """Any character that the first three steps would drop, normalise or fold."""
    known = _ODD
    for c in set(text).difference(_ASCII):
        odd = known.get(c)
        if odd is None:
            if len(known) >= ODD_KEPT:
                known.clear()
            odd = known[c] = _odd_character(c)
        if odd:
            return True
    return False


def _odd_character(c: str) -> bool:
    if unicodedata.category(c) == "Cf" or unicodedata.normalize("NFKC", c) != c:
        return True
    return c.isdecimal() or (c.isalpha() and c in _lookalikes())  # (c is not ASCII)


# A text's non-ASCII characters are few and the same ones recur (emoji, accents, quotes):
# each one's answer is kept.
_ASCII = frozenset(map(chr, range(128)))
ODD_KEPT = 20_000
_ODD: dict[str, bool] = {}


def _ascii_work(text: str, dictionary: object | None) -> bool:
    """Whether any step would change this ASCII text: a de-leetable word, spaced letters or a
    disguised link dot. The hint regex rules out most texts in one search."""
    # every _LINK_DOT match is one of these
    dotted = (
        _HINT_BRACKET_DOT.search(text)
        or _HINT_WORD_DOT.search(text)
        or (_HINT_SPACED_DOT_SOON.search(text) and _HINT_SPACED_DOT.search(text))
    )
    if not (
        dotted
        or _HINT_LETTER_LEET.search(text)
        or _HINT_LEET_LETTER.search(text)
        or (_HINT_SPACED_SOON.search(text) and _HINT_SPACED.search(text))
    ):
        return False
    if _LETTER_PAIR.search(text) and (_SPACED.search(text) or _SPACED_NEAR_DOT.search(text)):
        return True
    if dotted and _LINK_DOT.search(text):
        return True
    if dictionary is None:
        return False
    for m in _LEET_CANDIDATE.finditer(text):
        word = m.group()
        spots = [i for i, ch in enumerate(word) if ch in _LEET]
        if (
            spots
            and len(spots) <= _MAX_LEET_SUBS
            and any(ch.isalpha() for ch in word)
            and _leet_word(word, spots, dictionary) is not None
        ):
            return True
    return False


def _drop_invisible(b: _Builder) -> None:
    keep = []
    pending_from: int | None = None
    for c, s, e in zip(b.chars, b.starts, b.ends, strict=True):
        if unicodedata.category(c) == "Cf":
            b.note(s, e, INVISIBLE)
            pending_from = s if pending_from is None else pending_from
            continue
        if pending_from is not None:
            b.note(s, e, INVISIBLE)  # the letter after a hidden character is part of the trick
            pending_from = None
        keep.append((c, s, e))
    if len(keep) != len(b.chars):
        b.rebuild(keep)


def _compat(b: _Builder) -> None:
    keep = []
    changed = False
    for c, s, e in zip(b.chars, b.starts, b.ends, strict=True):
        if c.isascii():
            keep.append((c, s, e))
            continue
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            changed = True
            if any(ch.isalnum() for ch in n):
                b.note(s, e, COMPAT)
        keep.extend((ch, s, e) for ch in n)
    if changed:
        b.rebuild(keep)


def _fold_lookalikes(b: _Builder) -> None:
    text = b.text()
    if text.isascii():
        return
    table = _lookalikes()
    for m in re.finditer(r"[^\W_]+", text):
        word = m.group()
        if word.isascii() or not any(_is_latin(ch) for ch in word):
            continue  # a word wholly in another script is that script, not a disguise
        for i in range(m.start(), m.end()):
            ch = b.chars[i]
            if ch.isascii() or _is_latin(ch):
                continue
            if ch in table:
                b.chars[i] = table[ch]
            elif ch.isdecimal():  # another script's digit in a Latin word: "b١g١" is "b1g1"
                b.chars[i] = str(unicodedata.decimal(ch))
            else:
                continue
            b.note(b.starts[i], b.ends[i], LOOKALIKE)


def _deleet(b: _Builder, dictionary: object) -> None:
    text = b.text()
    for m in _LEET_WORD.finditer(text):
        word = m.group()
        spots = [i for i, ch in enumerate(word) if ch in _LEET]
        if not spots or len(spots) > _MAX_LEET_SUBS or word.isdigit():
            continue
        if not any(ch.isalpha() for ch in word):
            continue
        best = _leet_word(word, spots, dictionary)
        if best is None:
            continue
        for k, ch in zip(spots, best, strict=True):
            i = m.start() + k
            b.chars[i] = ch if word[k] != "$" or not word[k - 1 : k].isupper() else ch.upper()
            b.note(b.starts[i], b.ends[i], LEET)


def _leet_word(word: str, spots: list[int], dictionary: object) -> list[str] | None:
    """Letters for the leet positions that make a dictionary word, or None. A dictionary with
    a ``leet`` dict keeps each word's answer there: ~30% of corpus texts hold a word such as
    "10am" or "24x7", whose variants cost a dictionary look-up each."""
    kept = getattr(dictionary, "leet", None)
    if kept is None:
        return _leet_word_afresh(word, spots, dictionary)
    found = kept.get(word, kept)
    if found is kept:
        if len(kept) >= LEET_KEPT:
            kept.clear()
        found = kept[word] = _leet_word_afresh(word, spots, dictionary)
    return found  # type: ignore[no-any-return]


LEET_KEPT = 20_000  # distinct words


def _leet_word_afresh(word: str, spots: list[int], dictionary: object) -> list[str] | None:
    options = [_LEET[word[i]] for i in spots]
    stripped = word.strip("!")  # "free!!!" is a word and an exclamation, not "freeiii"
    if stripped != word and all(word[i] == "!" for i in spots):
        return None
    variants: list[list[str]] = [[]]
    for opts in options:
        variants = [[*v, o] for v in variants for o in opts]
    for v in variants:
        chars = list(word)
        for i, ch in zip(spots, v, strict=True):
            chars[i] = ch
        candidate = "".join(chars).lower()
        if candidate in dictionary:  # type: ignore[operator]
            return v
    return None


# Two spaced letters are joined only next to a link's dot: the "l y" of "b i t dot l y".
_SPACED_NEAR_DOT = re.compile(
    r"(?:(?<=\.)|(?<=\. )|(?<=\bdot ))(?P<run>(?:[^\W\d_][ \t])+[^\W\d_])(?![^\W\d_])"
    r"|(?<![^\W\d_])(?P<run2>(?:[^\W\d_][ \t])+[^\W\d_])(?=\.|\s+\.\s|\s+dot\b)",
    re.IGNORECASE,
)


def _join_spaced(b: _Builder, pattern: re.Pattern[str] = _SPACED) -> None:
    text = b.text()
    drop: set[int] = set()
    for m in pattern.finditer(text):
        start, end = next(((m.start(g), m.end(g)) for g in ("run", "run2") if m.groupdict().get(g)),
                          (m.start(), m.end()))  # fmt: skip
        # "a F R E E", "A D D a": a one-letter word at either end whose case differs from
        # the run's is a real word beside the trick.
        while end - start >= 5 and text[start].islower() != text[start + 2].islower():
            start += 2
        while end - start >= 5 and text[end - 1].islower() != text[end - 3].islower():
            end -= 2
        if pattern is _SPACED and end - start < 5:
            continue
        for i in range(start, end):
            if text[i] in " \t":
                drop.add(i)
        b.note(b.starts[start], b.ends[end - 1], SPACED)
    if drop:
        b.rebuild(
            [
                (c, s, e)
                for i, (c, s, e) in enumerate(zip(b.chars, b.starts, b.ends, strict=True))
                if i not in drop
            ]
        )


def _link_dots(b: _Builder) -> None:
    """'bit [.] ly', 'bit (dot) ly', 'bit dot ly', 'bit . ly' → 'bit.ly' when the left is a
    word and the right a public suffix (for '[.]' and '(dot)', any word: nobody writes those
    in prose)."""
    text = b.text()
    edits: list[tuple[int, int, int, int]] = []  # dot start, dot end, link start, link end
    for m in _LINK_DOT.finditer(text):
        left = re.search(r"[\w-]+$", text[max(0, m.start() - 63) : m.start()])
        right = re.match(r"[A-Za-z]{2,24}\b", text[m.end() :])
        if right is None or left is None:
            continue
        written = m.group().strip().lower()
        if written in (".", "dot") and not _looks_like_domain_end(right.group()):
            continue  # "shipped . Track" is punctuation, "polka dot dress" a dress
        edits.append((m.start(), m.end(), m.start() - len(left.group()), m.end() + right.end()))
    if not edits:
        return
    keep = []
    pos = 0
    for start, end, link_start, link_end in edits:
        # the whole disguised name is the trick: its parts are no misspellings
        b.note(b.starts[link_start], b.ends[link_end - 1], LINK)
        keep.extend(zip(b.chars[pos:start], b.starts[pos:start], b.ends[pos:start], strict=True))
        keep.append((".", b.starts[start], b.ends[end - 1]))
        pos = end
    keep.extend(zip(b.chars[pos:], b.starts[pos:], b.ends[pos:], strict=True))
    b.rebuild(keep)


@lru_cache(maxsize=1)
def _extractor():  # type: ignore[no-untyped-def]
    from linter.kinds.domain import build_extractor

    return build_extractor()


@lru_cache(maxsize=4096)
def _looks_like_domain_end(word: str) -> bool:
    """A public suffix ("ly", "com", "in"), from tldextract's bundled list (no network)."""
    word = word.lower()
    return _extractor()(f"example.{word}").suffix == word
