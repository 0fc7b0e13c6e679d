"""The ``spelling`` kind: misspelled words, and terms a vocabulary rejects.

A template's language picks the word list (parameter ``dictionaries``): English below, or a
Hunspell dictionary (Spanish, Brazilian and European Portuguese, French:
``linter/kinds/hunspell.py``).

The word list is ``linter/data/en_words.txt`` (built by ``bench/build_wordlist.py`` from
pyspellchecker's English word-frequency dictionary, MIT licence): 131k words, most frequent
first, so a line number is a frequency rank. Lint does not read it: membership is a binary search
in ``en_words.sorted`` (the same words in byte order, memory-mapped), which costs microseconds
instead of the ~50 ms of building a 131k-word set on every cold start. The frequency list and
its rank table are loaded only when some word needs suggestions.

Vocabularies follow Vale's model: plain ``accept.txt`` / ``reject.txt`` lists, one term per
line. The shipped ones live in ``rules/vocab/``; a project adds its own through
``[tool.templint] accept = [...]`` / ``reject = [...]``. Accepted terms are never flagged; a
rejected term fires the ``reject`` rule wherever it appears (and is not also reported as a
misspelling). A project's accept list overrides the shipped reject list and vice versa.

Parameters: ``mode`` (``spelling`` | ``reject``), ``dictionaries`` (language prefix → word
list), ``languages`` (template language prefixes to check, default: those with a dictionary;
templates with no declared language are checked as English), ``loanwords`` (English words also
known in the other languages, default 30,000), ``min-known`` (default 0.6) and ``min-words``
(default 4): when a text has at least ``min-words`` words and fewer than ``min-known`` of them
are known, it is taken to be another language (Spanish, Hinglish …) and not spell-checked —
unless, undeclared, English's own common words say it is a sloppy English draft.
"""

from __future__ import annotations

import math
import mmap
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter.fold import fold
from linter.kinds import Check, Context, Hit, settings_origin
from linter.kinds.domain import candidates as link_candidates
from linter.paths import HUNSPELL_DIR, find_dictionary, rules_dir
from linter.template import Component, Template

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
WORDS_FILE = DATA_DIR / "en_words.txt"
SORTED_FILE = DATA_DIR / "en_words.sorted"
NAMES_FILE = DATA_DIR / "en_names.txt"  # the word list's names (bench/build_names.py)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz'"
_MAX_SUGGEST_LEN = 40  # longer than any dictionary word ("pneumonoultramicroscopic…" is 45: rare)
INDEX_LOOKUPS_BEFORE_SET = 2_000  # about 50 templates' words, then a set is cheaper
_MAX_EDITS2_LEN = 12  # two-edit suggestions for longer words are seldom right, and cost more
# Two-edit suggestions come from the most frequent words only (a rare word two edits away is
# seldom what the writer meant); their deletions index takes ~4 MB, built on first need.
DISTANCE2_WORDS = 30_000
BRUTE_FORCE_WORDS = 2  # two-edit searches by generating every string, before the index pays

# Spans never spell-checked: placeholders, other tools' variables, e-mail addresses, @handles,
# #hashtags, `code`. Each alternative with the characters it cannot match without.
_MASK_PARTS = (
    ("{", r"\{+[^{}\n]{0,64}\}+"),
    ("$", r"\$\{?\w+\}?"),
    ("%", r"%\w+%"),
    ("@", r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+"),  # as domain._EMAIL, linear
    ("@#", r"[@#]\w+"),
    ("`", r"```.*?```|`[^`\n]*`"),
)


_MASK_CHARS = "".join(dict.fromkeys("".join(chars for chars, _ in _MASK_PARTS)))


@lru_cache(maxsize=128)
def _mask_for(present: tuple[bool, ...]) -> re.Pattern[str] | None:
    """The alternatives for a text holding ``_MASK_CHARS[i]`` where ``present[i]``."""
    held = {c for c, here in zip(_MASK_CHARS, present, strict=True) if here}
    parts = [p for chars, p in _MASK_PARTS if not held.isdisjoint(chars)]
    return re.compile("|".join(parts), re.DOTALL) if parts else None


def mask_matches(text: str) -> list[tuple[int, int]]:
    """The spans of all the alternatives' matches (one search with them all as one pattern),
    searched only with the alternatives whose characters the text holds (an alternative that
    cannot match anywhere changes nothing; the e-mail one alone costs ~8 us a text)."""
    pattern = _mask_for(tuple([c in text for c in _MASK_CHARS]))
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


# Combining accents (U+0300–U+036F) belong to their word: text pasted from a Mac is often
# decomposed ("aqui" + U+0301), and split there "aqui" read as a misspelling of "aquí".
_CHUNK = re.compile(r"[\w'’\u0300-\u036f]+(?:-[\w'’\u0300-\u036f]+)*")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F']+")
# First parts of hyphenated words that are prefixes, not words: pre-order, co-pay, e-bill.
_PREFIXES = frozenset(
    "pre re co non post sub un anti multi semi mid e de ex inter intra micro mini bi tri".split()
)
# Second parts of a number's compound, nouns only there: "3-seater sofa", "two-wheeler loan",
# "double-decker bus". Alone, 'seater' is one edit from 'sweater' and 'heater' and stays checked.
_NUMBER_COMPOUNDS = frozenset(
    "seater seaters wheeler wheelers decker deckers pounder pounders tonner tonners".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten twelve single double triple".split()
)
_SENTENCE_END = ".!?:\n•–—-|"
_LEAD = " \t*_~\"'“‘(["


# --- word list ---------------------------------------------------------------------------------


class SortedWords:
    """Membership by binary search in a sorted UTF-8 file of one word a line; nothing is read
    up front (the file is memory-mapped on the first lookup)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map: bytes | mmap.mmap | None = None

    def _data(self) -> bytes | mmap.mmap:
        if self._map is None:
            with self.path.open("rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        return self._map

    def __contains__(self, word: str) -> bool:
        key = word.encode("utf-8", "surrogatepass")
        if not key or b"\n" in key:
            return False
        data = self._data()
        lo, hi = 0, len(data)  # both always at the start of a line (or the end)
        while lo < hi:
            start = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            end = data.find(b"\n", start, hi)
            end = hi if end == -1 else end
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False


class Dictionary:
    """The English word list: membership, and frequency rank for suggestions.

    ``Dictionary(words)`` holds a list in memory; ``Dictionary.load()`` answers membership from
    the sorted index and reads the frequency list only when ``suggest`` needs it."""

    def __init__(
        self, words: list[str] | None = None, *, path: Path = WORDS_FILE, index: Path | None = None
    ) -> None:
        self._list = words
        self._path = path
        self._index = SortedWords(index) if index is not None else None
        self._rank: dict[str, int] | None = None
        self._suggestions: dict[str, list[tuple[str, float]]] = {}
        self._one_slip: dict[str, bool] = {}  # near's answers
        self._index_lookups = 0
        self._deletes: tuple[Any, ...] | None = None
        self._two_edit_words = 0
        self._common: frozenset[str] | None = None
        self._names: frozenset[str] | None = None

    def names(self) -> frozenset[str]:
        """The words of the list that are names, or words always written capitalised: SCOWL
        holds them only so ('chloe', 'raul', 'german'; ``NAMES_FILE``). Read on first need."""
        if self._names is None:
            try:
                lines = NAMES_FILE.read_text(encoding="utf-8").split("\n")
            except OSError:
                lines = []
            self._names = frozenset(w for w in lines if w and not w.startswith("#"))
        return self._names

    def common(self) -> frozenset[str]:
        """The COMMON_WORDS most frequent words (the, to, and, no …)."""
        if self._common is None:
            self._common = self.top(COMMON_WORDS)
        return self._common

    def top(self, n: int) -> frozenset[str]:
        """The ``n`` most frequent words: read from the top of the frequency list alone, so a
        one-template run does not load the whole list."""
        if n <= 0:
            return frozenset()  # loanwords = 0: no English word is accepted in another language
        if self._list is not None:
            return frozenset(self._list[:n])
        found: list[str] = []
        with self._path.open(encoding="utf-8") as fh:
            for line in fh:
                word = line.rstrip("\n")
                if word and not word.startswith("#"):
                    found.append(word)
                    if len(found) >= n:
                        break
        return frozenset(found)

    @classmethod
    def load(cls, path: Path = WORDS_FILE, index: Path = SORTED_FILE) -> Dictionary:
        return cls(path=path, index=index if index.is_file() else None)

    def _frequency_list(self) -> list[str]:
        if self._list is None:
            lines = self._path.read_text(encoding="utf-8").split("\n")
            self._list = [w for w in lines if w and not w.startswith("#")]
        return self._list

    @property
    def words(self) -> Mapping[str, int]:
        """Every word (with its frequency rank: one table serves both, ~10 MB less than two)."""
        return self.rank

    def _known(self, word: str) -> bool:
        if self._rank is None and self._index is not None:
            # A binary search costs ~15 us in Python; a table lookup ~50 ns after a one-off
            # ~50 ms build. One template never makes the build worth it, a batch always does.
            self._index_lookups += 1
            if self._index_lookups <= INDEX_LOOKUPS_BEFORE_SET:
                return word in self._index
        return word in self.rank

    def __contains__(self, word: str) -> bool:
        # customer's, it's: a known word with 's
        return self._known(word) or (word.endswith("'s") and self._known(word[:-2]))

    @property
    def rank(self) -> dict[str, int]:
        if self._rank is None:
            self._rank = {w: i for i, w in enumerate(self._frequency_list())}
        return self._rank

    def near(self, word: str) -> bool:
        """Whether a known word is one edit away: a typo of it, more likely than a name.
        Remembered per word (a shop's name recurs on every row of a batch), and read from the
        sorted index until a batch has built the table."""
        found = self._one_slip.get(word)
        if found is None:
            if len(word) > _MAX_SUGGEST_LEN:
                found = False  # as ``suggest``: its edits would be len × 54 strings of its length
            elif self._rank is None:
                found = any(map(self._known, _edits1(word)))  # the table's words, by the index
            else:
                rank = self._rank
                found = any(w in rank for w in _edits1(word))
            if len(self._one_slip) >= _MEMO_SIZE:
                self._one_slip.clear()
            self._one_slip[word] = found
        return found

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Known words one edit away (else two), likeliest first (``_typo_cost``), and of
        those only the ones about as likely as the first (``ALTERNATE_WINDOW``): 'ordr' is
        'order', not also 'ordo' or 'orr'."""
        return [w for w, _ in self._ranked(word)[:limit]]

    def best_guess(self, word: str, capitalised: bool = False) -> str | None:
        """The suggestion ``--unsafe-fixes`` may write for ``word``, or None: the first, when
        it is clearly the word meant (``_clear_guess``), and not a name (``names``) unless
        the word was written ``capitalised``: 'chole' (a dish) is no slip of 'Chloe'."""
        ranked = self._ranked(word)
        if not ranked:
            return None
        best, cost = ranked[0]
        if not capitalised and best in self.names():
            return None
        runner_up = ranked[1][1] if len(ranked) > 1 else math.inf
        return best if _clear_guess(word, best, self.rank[best], runner_up - cost) else None

    def _ranked(self, word: str) -> list[tuple[str, float]]:
        cached = self._suggestions.get(word)
        if cached is not None:
            return cached
        if len(word) > _MAX_SUGGEST_LEN:
            return []  # no word is that long; its edits alone would cost len × 54 strings
        rank = self.rank
        edits = _edits1(word)
        found = {w for w in edits if w in rank}
        if not found and len(word) <= _MAX_EDITS2_LEN:
            found = self._two_edits(edits)
        costed = sorted(
            ((w, _typo_cost(word, w, rank[w])) for w in found),
            key=lambda wc: (wc[1], rank[wc[0]], wc[0]),
        )
        # an alternate far less likely than the first is noise in the fix ('custmer' →
        # 'customer' or 'custer')
        ranked = [wc for wc in costed[:5] if wc[1] - costed[0][1] <= ALTERNATE_WINDOW]
        if len(self._suggestions) >= _MEMO_SIZE:
            self._suggestions.clear()
        self._suggestions[word] = ranked
        return ranked

    def _deletes_index(self) -> tuple[Any, ...]:
        """The most frequent words under each of their one-letter deletions, as numpy arrays:
        the deletions' hashes (``_hashes``), sorted, and the word each came from; and the words'
        own hashes, sorted, with their positions (~6 MB; a dict of the strings took ~24 MB a
        process). A word two edits away is then found with a few array look-ups per one-edit
        string instead of generating ~500 strings from each."""
        if self._deletes is None:
            import numpy as np

            top = self._frequency_list()[:DISTANCE2_WORDS]
            full, deletions, owners = _hashes(top)
            order = np.argsort(deletions, kind="stable")
            by_hash = np.argsort(full, kind="stable")
            self._deletes = (
                deletions[order],
                owners[order].astype(np.int32),
                full[by_hash],
                by_hash.astype(np.int32),
            )
        return self._deletes

    def _two_edits(self, edits: set[str]) -> set[str]:
        """The frequent words one edit away from some string one edit away from the word
        (a symmetric-delete search, checked exactly with ``_one_edit``)."""
        rank = self.rank
        self._two_edit_words += 1
        if (
            self._deletes is None
            and self._two_edit_words <= BRUTE_FORCE_WORDS
            and not _numpy_loaded()
        ):
            # A few words (a pre-commit run) cost less this way (~30-50 ms each) than
            # building the index (~50 ms, and ~50 ms more for numpy's import, which a batch
            # has already paid for its classifier); the answer is the same.
            return {
                w2
                for w1 in edits
                for w2 in _edits1(w1)
                if rank.get(w2, DISTANCE2_WORDS) < DISTANCE2_WORDS
            }
        import numpy as np

        keys, owners, word_keys, word_owners = self._deletes_index()
        words = self._frequency_list()
        strings = list(edits)
        full, deletions, of = _hashes(strings)
        # A frequent word one edit from e: e plus a letter (listed under e's hash), e with a
        # letter replaced or two swapped (shares a deletion with e, listed under it), e minus
        # a letter (a deletion of e that is a frequent word). Equal hashes are only
        # candidates: each is checked with _one_edit, which also rules out collisions.
        pairs = [
            _matches(keys, owners, full, np.arange(len(strings))),
            _matches(keys, owners, deletions, of),
            _matches(word_keys, word_owners, deletions, of),
        ]
        found: set[str] = set()
        for e, w in zip(*np.concatenate(pairs, axis=1).tolist(), strict=True):
            word = words[w]
            if word not in found and _one_edit(strings[e], word):
                found.add(word)
        return found


def _numpy_loaded() -> bool:
    return "numpy" in sys.modules


_HASH_BASE = 1_000_003


def _hashes(strings: list[str]) -> tuple[Any, Any, Any]:
    """Polynomial hashes (mod 2**64) of the strings' code points: (one per string, one per
    one-letter deletion, the string each deletion is of), worked out in numpy from prefix
    hashes, without building the deleted strings: the string less character k hashes to
    ``prefix[L] + (prefix[k] - prefix[k + 1]) * BASE**(L - 1 - k)``."""
    import numpy as np

    n = len(strings)
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=n)
    width = int(lengths.max()) if n else 0
    padded = "".join(s.ljust(width, "\0") for s in strings)
    codes = np.frombuffer(padded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = codes.reshape(n, width).astype(np.uint64)
    base = np.uint64(_HASH_BASE)
    prefix = np.zeros((n, width + 1), dtype=np.uint64)
    for i in range(width):
        prefix[:, i + 1] = prefix[:, i] * base + codes[:, i]
    powers = np.ones(width + 1, dtype=np.uint64)
    powers[1:] = np.multiply.accumulate(np.full(width, base, dtype=np.uint64))
    full = prefix[np.arange(n), lengths]
    of, k = np.nonzero(np.arange(width)[None, :] < lengths[:, None])
    deletions = full[of] + (prefix[of, k] - prefix[of, k + 1]) * powers[lengths[of] - 1 - k]
    return full, deletions, of


def _matches(keys: Any, owners: Any, wanted: Any, origins: Any) -> Any:
    """(origin, owner) for every entry of the sorted ``keys`` equal to a ``wanted`` hash. The
    wanted hashes are sorted first (numpy's search is ~2x faster for sorted needles) and the
    end of a run of equal keys is looked for only where there is a hit (few)."""
    import numpy as np

    order = np.argsort(wanted)
    wanted, origins = wanted[order], origins[order]
    lo = np.searchsorted(keys, wanted)
    hit = np.flatnonzero(keys[np.minimum(lo, len(keys) - 1)] == wanted) if len(keys) else lo[:0]
    lo = lo[hit]
    counts = np.searchsorted(keys, wanted[hit], side="right") - lo
    ends = np.cumsum(counts)
    at = np.repeat(lo - (ends - counts), counts) + np.arange(int(ends[-1]) if len(ends) else 0)
    return np.stack([np.repeat(origins[hit], counts), owners[at]])


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is in ``_edits1(a)``: one deletion, transposition, replacement or
    insertion (of a letter of ``_ALPHABET``) turns ``a`` into ``b``."""
    la, lb = len(a), len(b)
    i, n = 0, min(la, lb)
    while i < n and a[i] == b[i]:
        i += 1
    if la == lb:
        if i == la or a[i + 1 :] == b[i + 1 :]:
            return i == la or b[i] in _ALPHABET
        return (
            a[i + 1 : i + 2] == b[i : i + 1]
            and a[i : i + 1] == b[i + 1 : i + 2]
            and (a[i + 2 :] == b[i + 2 :])
        )
    if lb == la + 1:
        return a[i:] == b[i + 1 :] and b[i] in _ALPHABET
    return la == lb + 1 and a[i + 1 :] == b[i:]


# How likely a typo is to be each kind of slip, as a cost added to a candidate's log frequency
# rank (lower is likelier). Fitted on one half of codespell's list of real misspellings and
# checked on the other: of its 23,979 misspellings whose correction is among the candidates,
# the first suggestion was right for 94.0 % ranked by frequency and first letter alone, 96.7 %
# with these (bench/spelling_suggestions.py). People drop letters and swap neighbours far more
# often than they type a wrong consonant or an extra one: "deliverd" is 'delivered' first.
_RANK_WEIGHT = 0.8  # per unit of log frequency rank
_FIRST_LETTER = 1.75  # a typo rarely changes the first letter ("adress" is not 'dress')
_SLIP_COST = {
    "omit_double": -3.0,  # "ocasion": one of a double letter left out
    "omit_vowel": -2.75,  # "definitly"
    "omit": -2.75,  # "paymnt"
    "extra_double": -3.25,  # "untill"
    "extra_vowel": -1.0,  # "arguement"
    "extra": 0.5,  # "paymnent"
    "swap": -2.75,  # "recieve"
    "sub_vowel": -1.0,  # "seperate"
    "sub": 0.75,  # "paymrnt"
    "two": 0.0,  # two edits: only ever ranked against each other
}
_VOWELS = frozenset("aeiouy")


def _slip(typo: str, word: str) -> str:
    """Which kind of slip turns ``word`` into ``typo`` (a ``_SLIP_COST`` key)."""
    n, m = len(typo), len(word)
    if m == n + 1 or n == m + 1:  # a letter left out of word, or one too many in typo
        longer, shorter = (word, typo) if m > n else (typo, word)
        i = 0
        while i < len(shorter) and longer[i] == shorter[i]:
            i += 1
        if longer[i + 1 :] != shorter[i:]:
            return "two"
        c = longer[i]
        doubled = (i > 0 and longer[i - 1] == c) or (i + 1 < len(longer) and longer[i + 1] == c)
        kind = "double" if doubled else "vowel" if c in _VOWELS else ""
        return ("omit" if m > n else "extra") + ("_" + kind if kind else "")
    if m == n:
        diff = [i for i in range(n) if typo[i] != word[i]]
        if len(diff) == 1:
            a, b = typo[diff[0]], word[diff[0]]
            return "sub_vowel" if a in _VOWELS and b in _VOWELS else "sub"
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i, j = diff
            if typo[i] == word[j] and typo[j] == word[i]:
                return "swap"
    return "two"


_COMMON_SLIPS = frozenset({"omit_double", "extra_double", "swap"})


def common_slip(typo: str, word: str) -> bool:
    """Whether ``typo`` is ``word`` with one of the commonest slips: a letter doubled or
    undoubled, or two neighbours swapped (what Hunspell suggestions put first)."""
    return _slip(typo, word) in _COMMON_SLIPS


def _typo_cost(typo: str, word: str, rank: int) -> float:
    """How unlikely ``typo`` is as a slip for ``word`` (of frequency rank ``rank``)."""
    cost = _RANK_WEIGHT * math.log(rank + 2) + _SLIP_COST[_slip(typo, word)]
    return cost + (_FIRST_LETTER if typo[:1] != word[:1] else 0.0)


# Alternates: a suggestion is listed after the first only if its cost is within this of the
# first's (~3.5 units of log frequency rank at the same slip, or a likelier slip of a rarer
# word): 'deliverd' → 'delivered' or 'deliver', 'ordr' → 'order' alone
# (bench/spelling_suggestions.py).
ALTERNATE_WINDOW = 3.0
# --unsafe-fixes writes the first suggestion only when it is clearly the word meant; an unknown
# word with no such neighbour is likelier a name, a loanword or a term of trade the list lacks
# ('kulfi' is not 'fulfil', 'lassi' not 'lassie'). Clearly: (1) one slip away — a letter dropped,
# added or replaced, two neighbours swapped — or only letters doubled or undoubled
# ('tommorow', 'reccomend'); (2) the same first letter (a slip seldom hits it; a name's
# neighbour often differs there: Raipur/Jaipur); (3) among the FIX_WORDS most frequent words (a
# template's words are common ones; a rare neighbour says more about the list than the writer);
# (4) no runner-up within FIX_MARGIN of its cost. Measured: bench/spelling_suggestions.py and
# bench/spelling_typos.py print how many real typos are still fixed and how many words that
# are no typo would be rewritten.
FIX_WORDS = 30_000
FIX_MARGIN = 1.0


def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _clear_guess(typo: str, word: str, rank: int, margin: float) -> bool:
    """Whether ``word`` is clearly what ``typo`` was meant to be (see ``FIX_WORDS``)."""
    return (
        (_one_edit(typo, word) or _undoubled(typo) == _undoubled(word))
        and typo[:1] == word[:1]
        and rank < FIX_WORDS
        and margin >= FIX_MARGIN
    )


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + transposes + replaces + inserts)


# --- vocabularies ------------------------------------------------------------------------------


@dataclass
class Vocabulary:
    accept: frozenset[str] = frozenset()  # lower-cased single words
    accept_phrases: re.Pattern[str] | None = None  # terms with hyphens, slashes, spaces …
    reject: dict[str, str | None] = field(default_factory=dict)  # lower term -> replacement
    reject_pattern: re.Pattern[str] | None = None
    # the terms of each pattern above, casefolded, as one trie-shaped search: a text without
    # any of them is not scanned with the (slower, boundary-checking) pattern
    accept_gate: re.Pattern[str] | None = None
    reject_gate: re.Pattern[str] | None = None
    # the reject terms, lower-cased, when each is one ASCII word (letters, digits, _ and '):
    # a text can then hold one only as a whole chunk (see ``may_reject``)
    reject_words: frozenset[str] | None = None
    # chunks known not to be a reject term (nearly all a text has; one superset test each text)
    not_reject: set[str] = field(default_factory=set)
    last_chunks: tuple[str | None, list[str]] = (None, [])  # see chunks_of
    last_reject: tuple[str | None, bool] = (None, False)  # see may_reject


def read_vocab(path: Path) -> list[tuple[str, str | None]]:
    """``term`` or ``term -> replacement`` per line; blank lines and ``#`` comments skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"vocabulary {path} cannot be read: {exc}") from None
    out: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        line = re.sub(r"(?:^|\s)#.*$", "", line).strip()
        if not line:
            continue
        term, arrow, replacement = line.partition("->")
        out.append((term.strip(), replacement.strip() or None if arrow else None))
    return out


# A one-letter term (text-speak "u") is a word only in lower case between two words (or a
# variable): "if u need help", "thank u!", "Hi {{1}}, u can" — not a letter of a name, code,
# unit or list: "Vitamin U", "U-turn", "u.s.", "(u)", "5 u", "Plan u2".
_ONE_LETTER = (
    r"(?:(?<=[^\W\d_]{{2}} )|(?<=[^\W\d_]{{2}}, )|(?<=\}}\}} )|(?<=\}}\}}, ))(?-i:{term})"
    r"(?=[ \t]+[^\W\d_]|[,!?]|\.(?!\w)|\s*$)"
)


def _terms_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(terms), key=len, reverse=True)
    if not ordered:
        return None
    words = [re.escape(t) for t in ordered if len(t) > 1 or not t.isalpha()]
    letters = [
        _ONE_LETTER.format(term=re.escape(t)) for t in ordered if len(t) == 1 and t.isalpha()
    ]
    alternation = "|".join(words)
    whole = rf"(?<![\w'’-])(?:{alternation})(?![\w'’-]|-\w)" if words else ""
    return re.compile("|".join(filter(None, [whole, *letters])), re.IGNORECASE)


def _terms_gate(terms: Iterable[str]) -> re.Pattern[str] | None:
    from linter.gates import trie_pattern

    folded = {t.casefold() for t in terms if t}
    return re.compile(trie_pattern(folded)) if folded else None


def build_vocabulary(ctx: Context) -> Vocabulary:
    shipped = rules_dir() / "vocab"
    shipped_accept = [t for t, _ in read_vocab(shipped / "accept.txt")]
    shipped_reject = read_vocab(shipped / "reject.txt")
    user_accept = [t for p in ctx.config.accept for t, _ in read_vocab(Path(p))]
    # a brand is accepted whole ("Kavya Home") and word by word ("Team Kavya")
    for brand in ctx.config.brands:
        user_accept += [brand, *_words_of(brand)]
    user_reject = [entry for p in ctx.config.reject for entry in read_vocab(Path(p))]
    user_accept_l = {t.lower() for t in user_accept}
    user_reject_l = {t.lower() for t, _ in user_reject}
    reject: dict[str, str | None] = {}
    for term, repl in shipped_reject:
        if term.lower() not in user_accept_l:
            reject[term.lower()] = repl
    for term, repl in user_reject:
        reject[term.lower()] = repl
    accepted = [t for t in shipped_accept if t.lower() not in user_reject_l] + user_accept
    accepted = [t for t in accepted if t.lower() not in reject]
    single = {t.lower() for t in accepted if re.fullmatch(r"[\w'’]+", t)}
    phrases = [t for t in accepted if t.lower() not in single]
    return Vocabulary(
        accept=frozenset(single),
        accept_phrases=_terms_pattern(phrases),
        reject=reject,
        reject_pattern=_terms_pattern(reject),
        accept_gate=_terms_gate(phrases),
        reject_gate=_terms_gate(reject),
        reject_words=frozenset(reject) if all(map(_ASCII_WORD.fullmatch, reject)) else None,
    )


def _words_of(name: str | None) -> frozenset[str]:
    """A name's words, lower-cased ("Kavya Home" -> kavya, home)."""
    return frozenset(w.lower() for w in re.findall(r"[\w'’]+", name or ""))


_ASCII_WORD = re.compile(r"[A-Za-z0-9_']+")
# The non-ASCII characters Python's re matches to ASCII letters under IGNORECASE.
_IGNORECASE_ASCII = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0131": "i", "\u0130": "i"})


def chunks_of(text: str, vocab: Vocabulary) -> list[str]:
    """``_CHUNK``'s matches in ``text``; the last text's are kept with the run's vocabulary
    (two rules read each text)."""
    last = vocab.last_chunks
    if last[0] is not text:
        vocab.last_chunks = last = (text, _CHUNK.findall(text))
    return last[1]


def may_reject(text: str, vocab: Vocabulary) -> bool:
    """False when no reject term can match in ``text``: a match is bounded by characters
    that are not [\\w'’-], so it is a whole chunk equal to a term, letter case aside. True
    when one may (the boundary-checking pattern decides), or when the terms are not all
    plain ASCII words (this test would not be sound)."""
    words = vocab.reject_words
    if words is None:
        return True
    last = vocab.last_reject
    if last[0] is text:  # asked twice a text: the reject rule, then the spelling masks
        return last[1]
    chunks = chunks_of(text, vocab)
    seen = vocab.not_reject
    answer = False
    if not seen.issuperset(chunks):
        if len(seen) >= _MEMO_SIZE:
            seen.clear()
        for chunk in chunks:
            if chunk in seen:
                continue
            if _is_reject_term(chunk, words):
                answer = True
                break
            seen.add(chunk)
    vocab.last_reject = (text, answer)
    return answer


def _is_reject_term(chunk: str, words: frozenset[str]) -> bool:
    if not chunk.isascii():
        chunk = chunk.translate(_IGNORECASE_ASCII)
        if not chunk.isascii():
            return False  # another non-ASCII character: equal to no ASCII term
    return chunk.lower() in words


# --- words in text -----------------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str  # as written
    lower: str
    known: bool
    flag: bool  # unknown and checkable (not a name)


def masked_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    spans = mask_matches(text)
    found, bare = link_candidates(text)
    spans += [(s, e) for s, e, _ in found] + [m.span() for m in bare]
    folded = None
    for pattern, gate in (
        (vocab.accept_phrases, vocab.accept_gate),
        (vocab.reject_pattern, vocab.reject_gate),
    ):
        if pattern is None:
            continue
        if pattern is vocab.reject_pattern and not may_reject(text, vocab):
            continue
        if gate is not None:
            folded = text.casefold() if folded is None else folded
            if gate.search(folded) is None:
                continue
        spans += [m.span() for m in pattern.finditer(text)]
    return sorted(spans)


def _sentence_start(text: str, start: int) -> bool:
    # A word after an item's count ("2x Jollof Rice", "1x Zobo") is not a sentence's first
    # word: capitalised there, it names a dish or a brand, which order lists are full of and the
    # word list lacks (checked as after a list dash, hn-4's Nigerian order had three "typos").
    i = start - 1
    while i >= 0 and text[i] in _LEAD:
        i -= 1
    if i < 0:
        return True
    if text[i] == "\n" and _signature(text, i, start):
        return False
    if text[i] == "." and _title_before(text, i):
        return False  # "Dr. Mehta", "R. Sharma": the dot ends a title or an initial
    if text[i] in "-‐" and i > 0 and text[i - 1].isalpha():
        return False  # a hyphen inside a word: "Blaise-Diagne" names a place, it opens nothing
    return text[i] in _SENTENCE_END


# Titles written with a dot before a name: the dot does not end a sentence there.
_TITLES = frozenset("dr mr mrs ms mx prof sr jr st rev hon capt col lt gen sgt".split())


def _title_before(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j > 0 and text[j - 1].isalnum():
        return False
    if dot - j == 1 and text[j].isupper():  # "signed for by R. Sharma", "Dear J. K. Rao"
        return not _after_capitalised_word(text, j)  # but "Plan B. Reply" ends a sentence
    return dot - j <= 4 and text[j:dot].lower() in _TITLES


_GREETINGS = frozenset("hi hello dear hey".split())


def _after_capitalised_word(text: str, at: int) -> bool:
    """Whether a capitalised word other than a greeting or a title stands just before ``at``."""
    k = at
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    end = k
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:end]
    return bool(word) and word[0].isupper() and word.lower() not in _GREETINGS | _TITLES


# A sender's label opening a text or a line: "Swiftline Couriers: we tried to deliver ...",
# "Crestline Bank alert: ₹99 debited", "Zentel | October update".
_LABEL = re.compile(r"[ \t*_]*[A-Z][\w&'.-]*(?:[ \t]+[\w&'.-]+){0,2}[ \t]*(?::(?!//)|\|)")
# What a line holds before a label's value: "Paid to: ", "Current location: ", "*Hotel*: ".
_BEFORE_VALUE = re.compile(r"[ \t*_]*[^\W\d_][^\n:.!?]{0,39}:[ \t*_]*")


def _title_case(token: str) -> bool:
    return token[:1].isupper() and token[1:].replace("'", "").islower()


def _reads_on(text: str, end: int) -> bool:
    """Whether the sentence goes on after a word: a lower-case word, a number, a variable or
    a comma, full stop, '!' or '?' comes next ("Yuor order", "Thnaks!"), not another
    capitalised word, a colon, a bar, a line break or the end ("Kavya Home", "Meesho:")."""
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    if i == len(text):
        return False
    c = text[i]
    return c.islower() or c.isdigit() or c in "{,.!?'’"


_FOOTER_WORD = re.compile(r"[^\W\d_][\w'’&]*")
_RUN_BREAK = re.compile(r"[.!?,:;|/\n\d]")


def _footer_name(text: str, word: Word) -> bool:
    """Whether the word is in the run of capitalised words a footer opens with, when that run
    is two words or more or the whole footer ("Kavya Home", "Meesho Support", "Swiggy
    Instamart", "Kavya Home✨Support"): the sender's name, as in a sign-off, even with a known
    word one edit away (Kava, Mesh, Twiggy). "Thankyou for shopping with us" is checked."""
    run_end, count, last = 0, 0, 0
    for m in _FOOTER_WORD.finditer(text):
        if not m.group()[0].isupper() or (count and _RUN_BREAK.search(text, last, m.start())):
            break
        count, last, run_end = count + 1, m.end(), m.end()
    if count == 0 or word.start >= run_end:
        return False
    return count >= 2 or not text[run_end:].strip()


def _named(text: str, start: int, term: str) -> bool:
    """A Title-case term in mid-sentence may be part of a name ("Nite Owl", "Drive Thru
    Cafe"): reported, but not rewritten."""
    return term[:1].isupper() and term[1:].islower() and not _sentence_start(text, start)


def _in_label(text: str, word: Word) -> bool:
    """Whether the word is in a label of up to three words (the first capitalised) and a colon
    or a bar at the start of the text or of a line ("Suvidha Bank: your OTP is ..."), or is the
    first word of a label's value ("Paid to: Wanderly", "Current location: Bengaluru"): a name,
    unless a known word is one edit away ("Delivary update:", "Status: Delivred" are checked)."""
    line = text.rfind("\n", 0, word.start) + 1
    return _opens_label(text, word) or _BEFORE_VALUE.fullmatch(text, line, word.start) is not None


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _lone_acronym(text: str, word: Word) -> bool:
    """Whether a word of capitals stands among words that are not ("tu crédito INFONAVIT,
    según"): an acronym or a name, unless a known word is one edit away ("your order is
    CONFIMRED" is checked). A word of capitals beside another one is shouting ("DELIVARY
    UPDATE"), and its words are checked as any others."""
    if not word.text.isupper():
        return False
    before = _CAPS_WORD.findall(text, max(0, word.start - 40), word.start)[-1:]
    after = _CAPS_WORD.findall(text, word.end, word.end + 40)[:1]
    return not any(w.isupper() for w in before + after)


def _shouted_typo(word: Word, dictionary: Any) -> bool:
    """Whether a word of capitals among words that are not reads as a known word shouted
    with a slip ("your order is CONFIMRED"), not as an acronym the list lacks: its first
    suggestion is one slip away, or only letters doubled or undoubled, keeps its first letter,
    is not the word with a letter added at its end (an acronym often is: DISCOM, 'disco') and
    is among the FIX_WORDS most frequent words. An organisation's acronym ("at any BESCOM cash
    counter", "- BESCOM") is one edit from a rare word ('besom') at most. With a Hunspell
    dictionary (no ranks), any known word one edit away."""
    if not dictionary.near(word.lower):
        return False
    if not isinstance(dictionary, Dictionary):
        return True
    suggested = dictionary.suggest(word.lower, 1)
    if not suggested:
        return False
    best = suggested[0]
    lower = word.lower
    return (
        (_one_edit(lower, best) or _undoubled(lower) == _undoubled(best))
        and lower[:1] == best[:1]
        and not lower.startswith(best)  # a letter added at its end: DISCOM is no 'disco'
        and dictionary.rank[best] < FIX_WORDS
    )


def _opens_label(text: str, word: Word) -> bool:
    """Whether the word is in a sender's label that opens the text or a line ("Meesho here:
    your order ..."), not in its value."""
    line = text.rfind("\n", 0, word.start) + 1
    m = _LABEL.match(text, line)
    return m is not None and m.end() > word.start


# A product's name opening an item of an order or prescription list: "1x Beras Wangi 10kg",
# "Items: Panado 500mg, Glucophage 850mg", "Dolo 650 - 15 tablets", "Glycomet GP 1 - 30 tablets".
# What stands before it on its line: nothing but a list marker or a count ("-", "•", "1.",
# "2x", "x2"), or a label's colon, a separating dash, comma or bar ("Items: ", "Pack - ").
_ITEM_LEAD = re.compile(
    r"[ \t*_]*(?:(?:[-*•·▪+]|\d{1,3}[.)]|\d{1,3}[ \t]*[x×]|[x×][ \t]*\d{1,3})[ \t*_]*)?"
)
_ITEM_LEAD_CHARS = 16  # a lead is short, and a separator stands just before: read no more
_ITEM_SEPARATOR = re.compile(r"(?:[:,|•+]|[ \t][-–—])[ \t*_]*$")
# A strength, weight or volume: "500mg", "10kg", "1L", "250 ml", "2 x 500 g" is "500 g".
_ITEM_UNITS = (
    "mg|mcg|µg|μg|g|gm|gms|gr|grams?|kg|kgs|kilos?|ml|l|lt|ltr|ltrs|litres?|liters?|cl|dl|oz|lb|lbs"
    "|iu|mah|pcs|pc|pk"
)
_ITEM_QUANTITY = re.compile(
    rf"[ \t]+(\d{{1,5}}(?:[.,]\d{{1,3}})?)(?:[ \t]?((?i:{_ITEM_UNITS})))?(?![\w%])"
)
# What ends the item after its quantity: the line's end, a separator, a bracket, or a pack's
# count noun ("- 30 tablets", "(Mild)", "x 2"). A word that goes on ("Day 2 of your plan",
# "Use 1234 to log in", "Buy 1 Get 1") says it is a sentence, not an item.
_ITEM_END = re.compile(
    r"[ \t]*(?:$|[\n,;()/|+*•]|[–—-](?!\d)|[x×](?![A-Za-z])"
    r"|(?i:tablets?|tabs?|capsules?|caps?|strips?|sachets?|bottles?|packs?|pieces?|units?)\b)"
)
_ITEM_NAME_WORD = re.compile(r"[ \t]+([A-Za-z]+)(?![\w'’-])")  # a word, not a code: QM6588
_YEAR = re.compile(r"(?:19|20)\d\d")


def _product_item(text: str, word: Word, dictionary: Any) -> bool:
    """Whether a capitalised unknown word names the product an item line lists: it opens the
    item (``_ITEM_LEAD``, ``_ITEM_SEPARATOR``) and, after up to two more words that are unknown
    or acronyms ("Beras Wangi", "Glycomet GP"), a quantity ends it (``_ITEM_END``): a strength,
    weight or volume ("Panado 500mg", "Beras Wangi 10kg"), or, on an item of its own line, a
    bare number that is no year ("Dolo 650 - 15 tablets", "Telma 40"). A brand is no typo, and
    a word list cannot know the medicines and groceries of every market. Not when a known word
    is clearly meant (``best_guess``) and the word stands alone: "Sugr 1kg", "Dya 1 - arrival"
    are slips of 'Sugar' and 'Day'; typos come one at a time, so a name that runs on with
    another unknown word ("Beras Wangi", though 'Bears' is one swap away) is a name. Nor in a
    label's value with a bare number: "Due date: Ugust 28" is a date."""
    line = text.rfind("\n", 0, word.start) + 1
    prefix = text[max(line, word.start - _ITEM_LEAD_CHARS) : word.start]
    opens_line = line >= word.start - _ITEM_LEAD_CHARS and _ITEM_LEAD.fullmatch(prefix) is not None
    if not (opens_line or _ITEM_SEPARATOR.search(prefix)):
        return False
    at = word.end
    runs_on = False  # another unknown word of the name follows ("Beras Wangi")
    for _ in range(3):
        found = _ITEM_QUANTITY.match(text, at)
        if found is not None:
            break
        m = _ITEM_NAME_WORD.match(text, at)
        if m is None:
            return False
        token = m.group(1)
        if not (token.isupper() and len(token) <= 5):  # an acronym: "GP", "CV", "XR"
            if not _title_case(token) or token.lower() in dictionary:
                return False
            runs_on = True
        at = m.end()
    else:
        return False
    number, unit = found.groups()
    if _ITEM_END.match(text, found.end()) is None:
        return False
    if not unit and not (opens_line and len(number) <= 4 and not _YEAR.fullmatch(number)):
        return False
    return runs_on or dictionary.best_guess(word.lower, capitalised=True) is None


# A company form after a business's name in Spanish and Portuguese ("Telecable del Bajío S.A. de
# C.V.", "Hogar Norte S.L.", "Distribuidora Sur S.R.L.", "Mercantil Ltda."), with or without its
# dots; up to three more words of the name between ("del Bajío"): capitalised, or its linking words.
_COMPANY_FORM = re.compile(
    r"(?:[ \t]+(?:[^\W\d_a-z][\w'’&-]*|de|del|la|las|los|el|y|e|do|da|dos|das)){0,3}?,?[ \t]+"
    r"(?:S\.?[ ]?A\.?(?:[ ]?(?:P\.?[ ]?I\.?|B\.?))?(?:[ ]?de[ ]C\.?[ ]?V\.?)?"
    r"|S\.?[ ]?de[ ]R\.?[ ]?L\.?(?:[ ]?de[ ]C\.?[ ]?V\.?)?"
    r"|S\.?[ ]?L\.?(?:[ ]?U\.?)?|S\.?[ ]?R\.?[ ]?L\.?|S\.?[ ]?A\.?[ ]?S\.?|S\.?[ ]?A\.?[ ]?C\.?"
    r"|S/A|Ltda\.?|LTDA\.?|EIRELI|E\.?[ ]?I\.?[ ]?R\.?[ ]?L\.?)(?![^\W_])"
)


def _company_named(text: str, word: Word) -> bool:
    """Whether a company form closes a business's name the word opens (``_COMPANY_FORM``:
    "Telecable del Bajío S.A. de C.V." at a sentence's start or in a sign-off)."""
    return _COMPANY_FORM.match(text, word.end) is not None


def _named_elsewhere(
    components: list[Component], comp: Component, word: Word, dictionary: Any = None
) -> bool:
    """Whether the template also writes this capitalised word where it cannot start a
    sentence: then it is a name there ("Crestline Bank: ... Team Crestline"), and here too.
    Not where it is checked as a title's word there too (``_title_typo``): "our Spring
    Clearence Sale ... the Clearence Sale ends" is one typo written twice."""
    return any(
        not (other is comp and at == word.start)
        and not _sentence_start(other.text, at)
        and not _title_typo(other.text, at, at + len(word.text), word.lower, dictionary)
        for other in components
        for at in _whole_at(other.text, word.text)
    )


_WORD_BEFORE = re.compile(r"([A-Za-z\u00C0-\u024F'’]+)[ \t]+$")
_WORD_NEXT = re.compile(r"[ \t]+([A-Za-z\u00C0-\u024F'’]+)")
FOREIGN_RUN = 2  # words of another language side by side: a phrase, not typos


def _unknown_run(
    text: str, word: Word, dictionary: Any, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> list[tuple[str, bool]]:
    """The run of adjacent words, spaces between, on the word's line, that the list does not
    know (capitalised names too) or that the accept list holds, the word among them: each as
    (lower case, capitalised); an accepted term as ("", True)."""
    line_start = text.rfind("\n", 0, word.start) + 1
    line_end = text.find("\n", word.end)
    line_end = len(text) if line_end < 0 else line_end

    def unknown(token: str) -> tuple[str, bool] | None:
        token = token.replace("’", "'").strip("'")
        if token.lower() in vocab.accept:  # "roti canai": a term of the accept list is no
            return "", True  # English word either, though no typo
        kind = _token_kind(token, dictionary, vocab, memo)
        if type(kind) is not tuple or kind[1]:
            return None
        return kind[0], token[:1].isupper()

    run = [(word.lower, word.text[:1].isupper())]
    at = word.start
    while (m := _WORD_BEFORE.search(text, line_start, at)) and (found := unknown(m.group(1))):
        run.append(found)
        at = m.start()
    at = word.end
    while (m := _WORD_NEXT.match(text, at, line_end)) and (found := unknown(m.group(1))):
        run.append(found)
        at = m.end()
    return run


SHORT_WORD = 3  # letters: a known word this short says little about a text's language...
COMMON_WORDS = 1000  # ...unless it is among this many most frequent words
SIGNATURE_WORDS = 3  # a sign-off's name line: "Loomi", "Team Loomi", "The Loomi team"


def _signature(text: str, newline: int, start: int) -> bool:
    """Whether the word at ``start`` is in a sign-off: the text's last line, of at most
    SIGNATURE_WORDS words, after a line ending in a comma ("Thanks,\nLoomi"). A capitalised
    unknown word there is the sender's name, as it would be in mid-sentence. A line after a
    greeting that the text goes on from ("Hi {{1}},\nYuor order {{2}} has shipped.") is longer,
    or not the last: it starts a sentence, and is checked."""
    j = newline
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 0 or text[j] != ",":
        return False
    end = text.find("\n", start)
    if end != -1 and text[end:].strip():
        return False  # more lines follow
    line = text[newline + 1 : end if end != -1 else len(text)]
    return len(line.split()) <= SIGNATURE_WORDS


# What a dash's sign-off may hold: names, "&", a full stop, emoji ("— Telvo Support 📶").
_SIGN_OFF = re.compile(r"[^\W\d_][\w'’&.]*")
_DASH_BEFORE = re.compile(r"(?:^|(?<=[ \t\n]))[–—-][ \t]+")


def _dash_signature(text: str, word: Word) -> bool:
    """Whether the word is in a sign-off a dash opens at the text's end ("... for the
    inconvenience. — Telvo Support"): up to SIGNATURE_WORDS + 1 capitalised words (and "of",
    "and", "the"), with nothing but emoji or a full stop after them: the sender's name, as on
    a sign-off's own line. "T-Mobile" and "e-mail" have no space before their hyphen."""
    return _dash_sign_off(text, word) > 0


def _dash_sign_off(text: str, word: Word) -> int:
    """How many words the sign-off a dash opens at the text's end has, when the word is in it
    (``_dash_signature``); 0 when it is not in one. Negative when the word is not the first."""
    dash = None
    for m in _DASH_BEFORE.finditer(text, 0, word.start + 1):
        if m.end() <= word.start:
            dash = m
    if dash is None:
        return 0
    rest = text[dash.end() :]
    words = list(_SIGN_OFF.finditer(rest))
    if not words or len(words) > SIGNATURE_WORDS + 1:
        return 0
    if any(not (w[0][0].isupper() or w[0].lower() in ("of", "and", "the")) for w in words):
        return 0
    if re.search(r"[\w!?,:;{}]", _SIGN_OFF.sub("", rest)):
        return 0
    return len(words) if dash.end() + words[0].start() == word.start else -len(words)


# The last word of a business's name (a sign-off's "Northbrook Energy", "Sahyadri Bank", "Aireside
# Motors", "St. Lorenzo Medical Center"): a capitalised unknown word before one, on the text's last
# line, is the business's name, as after a comma's sign-off line or a closing dash.
_ORG_WORDS = frozenset(
    """energy power water gas utilities telecom mobile broadband bank banking finance capital credit
    insurance assurance motors motor autos garage cars clinic clinics pharmacy chemist chemists
    dental opticians optical hospital hospitals medical health healthcare center centre labs
    diagnostics ltd limited inc llc plc pvt co corp group services solutions logistics couriers
    courier express airways airlines air travel travels tours hotel hotels resort resorts homes
    realty properties estates kitchen cafe restaurant bakery salon spa gym fitness studio studios
    store stores shop mart market foods school academy college university council housing vets
    veterinary furniture grocers grocery nursery kitchens bakeries armory outdoors""".split()
)
_ORG_LINE_WORD = re.compile(r"[^\W\d_][\w'’&]*\.?")


def _org_sign_off(text: str, word: Word) -> bool:
    """Whether the word is in a business's name alone on the text's last line, ending in a
    word of _ORG_WORDS ("...within 49 days of this notice.\nNorthbrook Energy"): up to
    SIGNATURE_WORDS + 1 capitalised words (and "of", "and", "the", "&"), a full stop or emoji
    after them. A line that goes on ("Northbrook Energy will call you") is a sentence."""
    line_start = text.rfind("\n", 0, word.start) + 1
    if text.find("\n", word.end) != -1 and text[text.find("\n", word.end) :].strip():
        return False  # more lines follow
    line = text[line_start:]
    words = _ORG_LINE_WORD.findall(line)
    if not 2 <= len(words) <= SIGNATURE_WORDS + 1:
        return False
    if any(not (w[0].isupper() or w.lower() in ("of", "and", "the")) for w in words):
        return False
    if re.search(r"[\w!?,:;{}]", _ORG_LINE_WORD.sub("", line)):
        return False
    last = words[-1].rstrip(".").lower()
    return last in _ORG_WORDS and words[-1] != word.text


# A capitalised business word right after the word, on its line ("*Chopwise Foods* is
# celebrating", "Islandhop Air seat sale"): the word is a business's name, as in a sign-off.
_ORG_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _org_named(text: str, word: Word) -> bool:
    """Whether a capitalised word of _ORG_WORDS follows the word directly ("Chopwise Foods",
    "Islandhop Air"), the word itself being none ("Foods Air" names no business)."""
    m = _ORG_AFTER.match(text, word.end)
    return bool(m) and m.group(1).lower() in _ORG_WORDS and word.lower not in _ORG_WORDS


_SKIP = "skip"
_TokenKind = tuple[str, bool, bool] | str  # (lower, known, title case) | _SKIP | "other"
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")


def _token_kind(
    stripped: str, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> _TokenKind:
    """What a token is, independent of where it stands: skipped, not Latin ("other"), or a
    word with its lower case, whether it is known and whether it is Title-cased."""
    kind = memo.get(stripped)
    if kind is not None:
        return kind
    if not stripped.isascii() and _COMBINING.search(stripped):
        kind = _token_kind(unicodedata.normalize("NFC", stripped), dictionary, vocab, memo)
        memo[stripped] = kind
        return kind
    lower = stripped.lower()
    if (
        len(stripped) < 2
        or _DIGIT_OR_UNDERSCORE.search(stripped)
        or lower in vocab.accept
        or (lower.endswith("'s") and lower[:-2] in vocab.accept)  # the admin's, an OTP's
        or lower in vocab.reject
    ):
        kind = _SKIP
    elif not _LATIN.fullmatch(stripped):
        kind = "other"
    else:
        letters = stripped.replace("'", "")
        title = False
        if letters.isupper():
            skip = len(letters) <= 5  # OTP, COD, HDFC: acronyms
        elif letters.islower():
            skip = False
        elif letters[0].isupper() and letters[1:].islower():
            skip, title = False, True
        else:
            skip = True  # iPhone, PayPal, McDonald: names
        if skip:
            kind = _SKIP
        else:
            known = lower in dictionary or (lower.endswith("s'") and lower[:-1] in dictionary)
            kind = (lower, known, title)
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[stripped] = kind
    return kind


_MEMO_SIZE = 20_000  # distinct tokens remembered; a batch's vocabulary is mostly far smaller


def _parts(
    text: str, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> Iterator[tuple[int, int, int, str, _TokenKind]]:
    """(chunk start, chunk end, token start, token, kind) for every token not skipped outright;
    a chunk is a run of word characters, apostrophes and hyphens, a token one part of it."""
    for m in _CHUNK.finditer(text):
        start, end = m.span()
        chunk = m.group()
        if chunk.isalpha():  # most words: the token is the chunk
            kind = memo.get(chunk) or _token_kind(chunk, dictionary, vocab, memo)
            if kind is not _SKIP:
                yield start, end, start, chunk, kind
            continue
        for p_start, token, kind in _split_chunk(chunk, start, dictionary, vocab, memo):
            yield start, end, p_start, token, kind


def _split_chunk(
    chunk: str, start: int, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> list[tuple[int, str, _TokenKind]]:
    """(token start, token, kind) of a chunk that is not all letters: split at hyphens (after
    a prefix such as "pre-", the rest), apostrophes stripped; accepted terms and skipped
    tokens left out."""
    chunk = chunk.replace("’", "'")
    if chunk.lower() in vocab.accept:
        return []
    if "-" in chunk and getattr(dictionary, "hyphenated", False) and chunk.lower() in dictionary:
        return []  # Portuguese "enviá-lo", "pré-venda": a word with its hyphen
    out = []
    offset = start
    parts = chunk.split("-")
    if (
        len(parts) == 2
        and parts[1].lower() in _NUMBER_COMPOUNDS
        and (parts[0].isdigit() or parts[0].lower() in _NUMBER_WORDS)
    ):
        return []  # "3-seater", "two-wheeler": a number's compound
    if len(parts) > 1 and parts[0].lower() in _PREFIXES:
        offset += len(parts[0]) + 1
        parts = parts[1:]
    elisions = getattr(dictionary, "elisions", ())
    for part in parts:
        p_start = offset
        offset += len(part) + 1
        stripped = part.strip("'")
        if elisions and "'" in stripped:
            elided = _elided(stripped, elisions)
            if elided and stripped.lower() not in dictionary:
                p_start += len(stripped) - len(elided)
                stripped = elided
        kind = memo.get(stripped) or _token_kind(stripped, dictionary, vocab, memo)
        if kind is not _SKIP:
            out.append((p_start + len(part) - len(part.lstrip("'")), stripped, kind))
    return out


_ELIDED_ONTO = frozenset("aàâäeéèêëiîïoôöuùûüyœæh")


def _elided(token: str, elisions: tuple[str, ...]) -> str:
    """The word after an elision that opens ``token`` (French "l'app": "app"), when it starts
    with a vowel or an h, as an elided word's does; else ""."""
    lower = token.lower()
    for elision in elisions:
        if lower.startswith(elision) and lower[len(elision) : len(elision) + 1] in _ELIDED_ONTO:
            rest = token[len(elision) :]
            return rest if "'" not in rest else ""
    return ""


def _flaggable(text: str, start: int, token: str, kind: _TokenKind, dictionary: Any) -> bool:
    """An unknown Latin word that is not a capitalised name in mid-sentence."""
    return (
        type(kind) is tuple
        and not kind[1]
        and (
            not kind[2]
            or _sentence_start(text, start)
            or _title_typo(text, start, start + len(token), kind[0], dictionary)
        )
    )


_QUIET, _ANYWHERE, _AT_START = 0, 1, 2  # what a chunk's tokens can do, wherever it stands


def _chunk_verdict(
    chunk: str, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> int:
    """_QUIET: no token is an unknown Latin word; _ANYWHERE: one is, not capitalised (flagged
    wherever it stands); _AT_START: only capitalised ones (flagged at a sentence's start)."""
    verdict = _QUIET
    for _, _, _, _, kind in _parts(chunk, dictionary, vocab, memo):
        if type(kind) is tuple and not kind[1]:
            if not kind[2]:
                return _ANYWHERE
            verdict = _AT_START
    return verdict


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'’" or "\u0300" <= c <= "\u036f"  # _CHUNK's class


def _whole_at(text: str, chunk: str) -> Iterator[int]:
    """Where ``chunk`` stands as a whole chunk (as ``_CHUNK`` finds it) in ``text``."""
    n, end = len(chunk), len(text)
    i = text.find(chunk)
    while i >= 0:
        j = i + n
        starts = i == 0 or not (
            _word_char(text[i - 1]) or (text[i - 1] == "-" and i >= 2 and _word_char(text[i - 2]))
        )
        ends = j == end or not (
            _word_char(text[j]) or (text[j] == "-" and j + 1 < end and _word_char(text[j + 1]))
        )
        if starts and ends:
            yield i
        i = text.find(chunk, i + 1)


def _starts_a_sentence(text: str, chunk: str) -> bool:
    """Whether ``chunk`` stands as a whole chunk at a sentence's start somewhere in ``text``:
    the positional test of ``_flaggable`` for a one-token chunk."""
    return any(_sentence_start(text, i) for i in _whole_at(text, chunk))


class ChunkVerdicts:
    """Each distinct chunk's ``_chunk_verdict``, the quiet ones (nearly all) in a set, so a
    text's known chunks are set aside in one set difference; and the words of each chunk met
    in a text that may have a misspelling."""

    def __init__(self) -> None:
        self.quiet: set[str] = set()
        self.loud: dict[str, int] = {}
        self.rows: dict[str, tuple[_ChunkRow, ...]] = {}  # its words (``_word_rows``)

    def keep_rows(self, chunk: str, rows: tuple[_ChunkRow, ...]) -> None:
        if len(self.rows) >= _MEMO_SIZE:
            self.rows.clear()
        self.rows[chunk] = rows

    def verdict(
        self, chunk: str, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
    ) -> int:
        found = self.loud.get(chunk)
        if found is not None:
            return found
        if len(self.quiet) + len(self.loud) >= _MEMO_SIZE:
            self.quiet.clear()
            self.loud.clear()
        found = _chunk_verdict(chunk, dictionary, vocab, memo)
        if found == _QUIET:
            self.quiet.add(chunk)
        else:
            self.loud[chunk] = found
        return found


def may_flag(
    text: str,
    dictionary: Dictionary,
    vocab: Vocabulary,
    memo: dict[str, _TokenKind],
    chunks: ChunkVerdicts | None = None,
) -> bool:
    """Whether some token of the text would be flagged were nothing masked: the quick pass
    before ``words_of``, whose masks (placeholders, links, accepted phrases) only remove.

    ``chunks`` remembers each distinct chunk's verdict: most texts are settled by one
    ``findall`` and a set difference; only a capitalised unknown word sends the text through
    the positional pass."""
    if chunks is not None:
        positional: set[str] = set()
        for chunk in set(chunks_of(text, vocab)).difference(chunks.quiet):
            verdict = chunks.verdict(chunk, dictionary, vocab, memo)
            if verdict == _ANYWHERE:
                return True
            if verdict == _AT_START:
                positional.add(chunk)
        if not positional:
            return False
        if all(c.isalpha() for c in positional):  # one token each: the chunk itself
            return any(
                _starts_a_sentence(text, c)
                or any(
                    _title_typo(text, i, i + len(c), c.lower(), dictionary)
                    for i in _whole_at(text, c)
                )
                for c in positional
            )
    return any(
        _flaggable(text, p_start, token, kind, dictionary)
        for _, _, p_start, token, kind in _parts(text, dictionary, vocab, memo)
    )


def words_of(
    text: str,
    dictionary: Dictionary,
    vocab: Vocabulary,
    memo: dict[str, _TokenKind] | None = None,
    chunks: ChunkVerdicts | None = None,
) -> Iterator[Word]:
    """The checkable words of a text, each known or not. Skipped entirely: masked spans,
    accepted terms, tokens with digits or underscores (codes, amounts), single letters,
    ALL-CAPS words of up to 5 letters (acronyms), CamelCase names, non-Latin scripts.
    ``memo`` keeps what each distinct token is across texts (a batch repeats most words), and
    ``chunks`` each distinct chunk's words."""
    rows = _word_rows(text, dictionary, vocab, {} if memo is None else memo, chunks)
    for row in rows:
        yield Word(*row)


_WordRow = tuple[int, int, str, str, bool, bool]  # Word's fields
# A chunk's word, placed relative to the chunk: (start, end, token, lower, known, flag, whether
# it is dropped in mid-sentence: an unknown capitalised word there is a name)
_ChunkRow = tuple[int, int, str, str, bool, bool, bool]


def _chunk_rows(
    chunk: str, dictionary: Dictionary, vocab: Vocabulary, memo: dict[str, _TokenKind]
) -> tuple[_ChunkRow, ...]:
    if chunk.isalpha():  # most words: the token is the chunk
        kind = memo.get(chunk) or _token_kind(chunk, dictionary, vocab, memo)
        if kind is _SKIP:
            return ()
        parts: Iterable[tuple[int, str, _TokenKind]] = ((0, chunk, kind),)
    else:
        parts = _split_chunk(chunk, 0, dictionary, vocab, memo)
    rows = []
    for rel, token, kind in parts:
        if kind == "other":
            rows.append((rel, rel + len(token), token, token.lower(), False, False, False))
            continue
        lower, known, title = kind  # type: ignore[misc]
        rows.append((rel, rel + len(token), token, lower, known, not known, not known and title))
    return tuple(rows)


def _word_rows(
    text: str,
    dictionary: Dictionary,
    vocab: Vocabulary,
    memo: dict[str, _TokenKind],
    chunks: ChunkVerdicts | None = None,
) -> list[_WordRow]:
    """``words_of`` as plain tuples, in one loop (the check counts them before it needs any
    as a Word: most texts that get here are in another language and stop at the count). A
    chunk's words are worked out once per distinct chunk (kept in ``chunks``) and placed by
    ``str.find``: between two chunks ``_CHUNK`` finds there is no character a chunk starts
    with, so the next chunk's first occurrence after the last one is where it was found."""
    spans = masked_spans(text, vocab)
    n_spans = len(spans)
    known_rows = chunks.rows if chunks is not None else {}
    out: list[_WordRow] = []
    si = 0
    end = 0
    for chunk in chunks_of(text, vocab):
        start = text.find(chunk, end)
        end = start + len(chunk)
        rows = known_rows.get(chunk)
        if rows is None:
            rows = _chunk_rows(chunk, dictionary, vocab, memo)
            if chunks is not None:
                chunks.keep_rows(chunk, rows)
        if not rows:
            continue
        if n_spans:
            while si < n_spans and spans[si][1] <= start:
                si += 1
            j = si
            while j < n_spans and spans[j][0] < end and spans[j][1] <= start:
                j += 1
            if j < n_spans and spans[j][0] < end:
                continue  # inside a placeholder, link, e-mail or accepted phrase
        for rel, rel_end, token, lower, known, flag, positional in rows:
            if (
                positional
                and not _sentence_start(text, start + rel)
                and not _title_typo(text, start + rel, start + rel_end, lower, dictionary)
            ):
                continue  # a capitalised unknown word mid-sentence is a name: Priya, Zomato
            out.append((start + rel, start + rel_end, token, lower, known, flag))
    return out


_TITLE_SLIPS = frozenset(k for k in _SLIP_COST if k not in ("sub", "extra", "two"))
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(text: str, line_start: int, start: int) -> str | None:
    """The run of ASCII letters just before ``start`` on its line, spaces between. Walked
    back by hand: a search for it from the line's start tried every position (~80 us a
    word on a long line, for each name beside a capitalised word)."""
    k = start
    while k > line_start and text[k - 1] in " \t":
        k -= 1
    if k == start:
        return None
    j = k
    while j > line_start and text[j - 1] in _ASCII_LETTERS:
        j -= 1
    return text[j:k] or None


def _title_typo(text: str, start: int, end: int, lower: str, dictionary: Any) -> bool:
    """Whether a capitalised unknown word in mid-sentence, which would be taken for a name,
    reads as a typo in a title instead: it stands beside a capitalised word of the word list
    (a sale's or a product's name: "our Spring Clearence Sale") and its first suggestion is
    one slip away, keeps its first letter, is among the FIX_WORDS most frequent words and is
    no name ('Clearence' → 'clearance'). A name beside a greeting or a title ("Dear Priya",
    "Dr. Mehta") or alone ("Visit Chennai", "order on Zomato") stays a name."""
    if not isinstance(dictionary, Dictionary) or lower in dictionary:
        return False  # a word of the list is never a typo, capitalised or not
    if _before_place_word(text, start, end):
        return False  # a place's name: "Marigold Kitchen, Covent Garden", "Canary Wharf"
    if not _beside_title_word(text, start, end, dictionary):
        return False
    if not dictionary.near(lower):
        # no word one slip away: not a title's typo, and ranking would search two edits away
        # (~50 ms a word before a batch's index exists) for every shop or sender name
        return False
    ranked = dictionary._ranked(lower)
    if not ranked:
        return False
    best = ranked[0][0]
    n = min(len(lower), len(best))
    same = next((i for i in range(n) if lower[i] != best[i]), n)
    return (
        same < n - 1  # not a last letter changed, added or dropped: Loomi, Trailo, Tandoor
        and _slip(lower, best) in _TITLE_SLIPS
        and dictionary.rank[best] < FIX_WORDS
        and best not in dictionary.names()
    )


# The last word of a place's name in an address or a direction ("Covent Garden", "Canary
# Wharf", "Hatton Cross", "Lajpat Nagar"): the capitalised unknown word before it names the
# place, as a name in mid-sentence does, and is no typo in a sale's or a product's title.
_PLACE_WORDS = frozenset(
    """garden gardens road street lane square market park hill green cross gate bridge wharf
    place avenue terrace crescent close mews quay heath common circus broadway embankment
    nagar vihar colony marg chowk bazaar layout enclave""".split()
)


_PLACE_LEAD = re.compile(
    r"(?:,|\b(?:at|in|near|from|to|off|opposite|behind|beside|via|on)(?:[ \t]+(?:the|our))?)[ \t]+$"
)


def _before_place_word(text: str, start: int, end: int) -> bool:
    """Whether a Title-case word of a place's name (``_PLACE_WORDS``) follows the word on its
    line and a comma or a preposition of place comes before it ("Marigold Kitchen, Covent
    Garden", "at our Covent Garden store", "at Canary Wharf"); "at our Winter Wondrland Park
    event" is still a title's typo."""
    line_end = text.find("\n", end)
    after = _WORD_AFTER.match(text, end, len(text) if line_end < 0 else line_end)
    if not (after and _title_case(after.group(1)) and after.group(1).lower() in _PLACE_WORDS):
        return False
    return _PLACE_LEAD.search(text, max(0, start - 20), start) is not None


def _beside_title_word(text: str, start: int, end: int, dictionary: Dictionary) -> bool:
    """Whether a capitalised word of the word list (not a greeting, a title or a name of the
    list) stands just before or after ``text[start:end]`` on its line, spaces between."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    after = _WORD_AFTER.match(text, end, len(text) if line_end < 0 else line_end)
    for found in (_word_before(text, line_start, start), after and after.group(1)):
        if not found or not _title_case(found):
            continue
        word = found.lower()
        if word in _GREETINGS or word in _TITLES or word in dictionary.names():
            continue
        if word in dictionary:
            return True
    return False


def _match_case(suggestion: str, word: str, name: bool = False) -> str:
    """The suggestion in the word's case (ALL CAPS, Capitalised, lower), a name capitalised."""
    if word.isupper():
        return suggestion.upper()
    if word[:1].isupper() or name:
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _quoted(items: list[str]) -> str:
    quoted = [f"'{s}'" for s in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# --- the check ---------------------------------------------------------------------------------

ENGLISH = "english"  # linter/data/en_words.*; any other name is a file in linter/data/hunspell/


def _lang_key(language: str) -> str:
    """Meta's language code in one form for prefix tests: pt_BR, pt-br → pt_br."""
    return language.strip().lower().replace("-", "_")


class _WithLoanwords:
    """A Hunspell dictionary that also knows some English words as they are: Brazilian and
    Latin American templates write delivery, link, online, login, feedback. Only the
    spelling check sees them; TPL340, weighing languages, asks the dictionary itself."""

    def __init__(self, dictionary: Any, words: frozenset[str], voseo: bool = False) -> None:
        self.dictionary = dictionary
        self.words = words
        self.voseo = voseo  # also the voseo forms (podés, llamanos): a template in es_AR …

    def __contains__(self, word: str) -> bool:
        return (
            word in self.words
            or self.dictionary.known(word)
            or (self.voseo and self.dictionary.voseo(word))
        )

    def __getattr__(self, name: str) -> Any:  # common, near, suggest, hyphenated
        return getattr(self.dictionary, name)


FOREIGN_WORDS = 2


def _shared_judge(ctx: Context) -> Any:
    """TPL340's language judge and the languages English may read as, built once per run."""
    return ctx.shared("spelling.language-judge", lambda: _language_judge(ctx))


def _other_language(ctx: Context, components: list[Component]) -> tuple[str, bool] | None:
    """The language other than English that a template's words read as, by TPL340's word lists
    (read whether or not that rule is selected), and whether English text may read as it
    (Hinglish); None when they read as English. With no language declared, any other language
    means the text is not misspelt English ("Así puedes empezar", "{{1}} ka payment receive ho
    gaya hai"); declared English, only Hinglish does: short Spanish declared English is flagged
    word by word, which says something is wrong, and TPL340 names it when it can."""
    found = _shared_judge(ctx)
    if found is None:
        return None
    judge, alike = found
    from linter.kinds.language import readable

    verdict = judge.judge(readable("\n".join(c.text for c in components)), "en")
    if verdict is None or verdict[0] != "words":
        return None
    return verdict[1], verdict[1] in alike


ENGLISH_WORDS = 2  # English's own common words ("your", "has", "been") that make a text...
ENGLISH_SHARE = 0.2  # ...English however many typos it has, when they are this share of it


def _english_words(ctx: Context, components: list[Component], vocab: Vocabulary) -> bool:
    """Whether a text no other language's word list claims is English by its own words:
    TPL340's English list (the, your, has, been, will …) and text-speak from the reject list
    (plz, thx, u), at least ENGLISH_WORDS distinct ones and ENGLISH_SHARE of its distinct
    words. Taglish or Swahili with an English phrase ("ang delivery ay on the way") has too
    few; a sloppy English draft has its typos' neighbours in plenty."""
    found = _shared_judge(ctx)
    if found is None:
        return False
    profiles = found[0].profiles
    if "en" not in profiles.languages:
        return False
    from linter.kinds.language import readable
    from linter.kinds.language import words_of as words_in

    english = profiles.languages.index("en")
    words = set(words_in(readable("\n".join(c.text for c in components))))
    own = sum(1 for w in words if english in profiles.table.get(w, ()) or w in vocab.reject)
    return own >= ENGLISH_WORDS and own >= ENGLISH_SHARE * len(words)


def _language_judge(ctx: Context) -> tuple[Any, frozenset[str]] | None:
    from linter.kinds import load_check
    from linter.rulebook import config_rules

    for rule in config_rules(ctx.config):
        if rule.kind == "format" and rule.params.get("check") == "language-mismatch":
            judge = load_check(rule, ctx).setup[0]  # type: ignore[attr-defined]
            # Two of another language's words are enough here, where TPL340 wants four to
            # report a mismatch: "₹999 ka payment receive ho gaya hai" is not checked as English
            # (the other language must still outnumber English's own words three to one).
            alike = frozenset(judge.alike.get("en", ()))
            return replace(judge, min_words=min(judge.min_words, FOREIGN_WORDS), alike={}), alike
    return None  # a rules folder without it: every text is read as its declared language


class SpellingCheck(Check):
    """``mode = "spelling"``: unknown English words, with suggestions; ``mode = "reject"``:
    terms on a reject list."""

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.rulebook import choice

        choice(params, "mode", ("spelling", "reject"), "a spelling mode", "spelling")
        return None

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.mode = str(self.params.get("mode", "spelling"))
        if self.mode not in ("spelling", "reject"):
            raise ValueError(f"{self.rule.path}: mode must be 'spelling' or 'reject'")
        raw = self.params.get("dictionaries", {"en": ENGLISH})
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            raise ValueError(
                f"{settings_origin(self.rule, self.ctx)}: dictionaries must map languages to names"
            )
        # Longest prefix first, so "pt_br" is tried before a "pt" a team adds.
        self.dictionaries = sorted(
            ((_lang_key(k), v) for k, v in raw.items()), key=lambda kv: -len(kv[0])
        )
        for _, name in self.dictionaries:
            if name != ENGLISH and find_dictionary(name, self.ctx.config.source) is None:
                shipped = ", ".join(sorted(p.stem for p in HUNSPELL_DIR.glob("*.aff")))
                raise ValueError(
                    f"{settings_origin(self.rule, self.ctx)}: no dictionary {name!r} "
                    f"(shipped: english, {shipped}; "
                    f"or a path to NAME.aff and NAME.dic, from the config file's folder)"
                )
        languages = self.params.get("languages", [k for k, _ in self.dictionaries])
        self.languages = tuple(_lang_key(str(x)) for x in languages)
        self.loanwords = int(self.params.get("loanwords", 30_000))
        # template languages (whole codes: es_ar, not a prefix) whose verbs take voseo forms
        self.voseo = frozenset(_lang_key(str(x)) for x in self.params.get("voseo", []))
        self.min_known = float(self.params.get("min-known", 0.6))
        self.min_words = int(self.params.get("min-words", 4))

    def vocabulary(self) -> Vocabulary:
        return self.ctx.shared("spelling.vocabulary", lambda: build_vocabulary(self.ctx))

    def literals(self) -> frozenset[str] | None:
        """The reject mode fires only where a rejected term is written: its terms."""
        if self.mode != "reject":
            return None
        terms = frozenset(fold(t) for t in self.vocabulary().reject)
        return terms or None

    def dictionary(self, name: str = ENGLISH, voseo: bool = False) -> Any:
        """The English list, or a Hunspell dictionary (read on the first template in its
        language) that also knows the ``loanwords`` most frequent English words: Brazilian
        and Latin American templates write delivery, link, online, login, feedback; with
        ``voseo``, also the voseo forms of its verbs (podés, llamanos)."""
        english = self.ctx.shared("spelling.dictionary", Dictionary.load)
        if name == ENGLISH:
            return english

        def build() -> Any:
            from linter.kinds.hunspell import shared

            return _WithLoanwords(shared(self.ctx, name), english.top(self.loanwords), voseo)

        return self.ctx.shared(f"spelling.dictionary.{name}{'.voseo' if voseo else ''}", build)

    def _voseo(self, language: str | None) -> bool:
        return _lang_key(language or self.ctx.config.default_language or "") in self.voseo

    def dictionary_for(self, language: str | None) -> str | None:
        """The dictionary for a template's language (English when none is known), or None
        when the language is not checked."""
        lang = _lang_key(language or self.ctx.config.default_language or "")
        if not lang:
            return ENGLISH
        if not lang.startswith(self.languages):
            return None
        return next((name for key, name in self.dictionaries if lang.startswith(key)), None)

    def _components(self, template: Template) -> list[Component]:
        return [c for c in template.components if c.kind in self.rule.components and c.text]

    def check(self, template: Template) -> Iterator[Hit]:
        if self.mode == "reject":
            yield from self._rejected(template)
            return
        name = self.dictionary_for(template.language)
        if name is None:
            return
        voseo = name != ENGLISH and self._voseo(template.language)
        dictionary, vocab = self.dictionary(name, voseo), self.vocabulary()
        # Each dictionary its own memos: a token known in Portuguese may not be in English,
        # and "llamanos" is known in es_AR, not in es_MX.
        suffix = "" if name == ENGLISH else f".{name}{'.voseo' if voseo else ''}"
        memo = self.ctx.shared(f"spelling.tokens{suffix}", dict)
        components = self._components(template)
        chunks = self.ctx.shared(f"spelling.chunks{suffix}", ChunkVerdicts)
        if not any(may_flag(c.text, dictionary, vocab, memo, chunks) for c in components):
            return  # every word is known or never checked: nothing to place or count
        found = [
            (c, w) for c in components for w in _word_rows(c.text, dictionary, vocab, memo, chunks)
        ]
        judged: list[tuple[str, bool] | None] = []  # the word lists' reading, made at most once

        def other_language() -> tuple[str, bool] | None:
            if not judged:  # read only when needed, as it costs most
                judged.append(_other_language(self.ctx, components) if name == ENGLISH else None)
            return judged[0]

        declared = bool(template.language or self.ctx.config.default_language)
        # With the language declared, a draft with many typos is a sloppy draft in that language
        # ("your ordr has been shiped and will arive tomorow" fell under the share of known words
        # and went unchecked): the share is asked only of undeclared texts, and of declared
        # English that the word lists read as another language (a Spanish body declared en_US
        # is one TPL340 finding, not a spelling warning a word).
        if len(found) >= self.min_words and (not declared or other_language() is not None):
            # A known word of up to three letters counts as English only if it is among the
            # most frequent (the, to, and, has): the word list also knows Spanish "con", "es",
            # "de" and Hindi "ki", "se", which made a short text in those languages look English
            # ("Tu código es {{1}}. No lo compartas con nadie." had 5 of 8 words known). Unknown
            # short words ("hai", "aur") still count, and so do common ones, so a short English
            # draft with several typos is still read as English and checked.
            common = dictionary.common()
            counted = [w for _, w in found if len(w[3]) > SHORT_WORD or not w[4] or w[3] in common]
            known = sum(w[4] for w in counted)
            if counted and known < self.min_known * len(counted):
                # Mostly unknown words: another language, or Hinglish; or, undeclared, a sloppy
                # English draft ("DELIVARY UPDATE: Your ordr has been shiped and will arive
                # tomorow" fell under the share and went unchecked, while one typo fewer gave
                # four findings). English's own short words say which, when no other
                # language's do.
                if declared or other_language() is not None:
                    return
                if not _english_words(self.ctx, components, self.vocabulary()):
                    return
        if not any(row[5] for _, row in found):
            return
        # read last, as it costs most: most texts with an unknown word stop above
        other = other_language()
        if other is not None and (other[1] or not declared):
            return  # Hinglish, Spanish …: its words are not misspelt English (TPL340 says more)
        sender = _words_of(template.brand)
        for comp, row in found:
            if row[5]:
                word = Word(*row)
                if self._disguised(comp, word) or word.lower in sender:
                    continue
                if self._foreign_run(comp.text, word, dictionary, template.language, memo):
                    continue
                if word.text[:1].isupper() and (
                    _named_elsewhere(components, comp, word, dictionary)
                    or (_in_label(comp.text, word) and not dictionary.near(word.lower))
                    or self._signed(comp.text, word, dictionary)
                    or self._business_name(comp.text, word, dictionary)
                    or (_lone_acronym(comp.text, word) and not _shouted_typo(word, dictionary))
                    or (comp.kind == "footer" and _footer_name(comp.text, word))
                    or _product_item(comp.text, word, dictionary)
                ):
                    continue
                yield self._hit(comp, word, dictionary, name)

    def _signed(self, text: str, word: Word, dictionary: Any) -> bool:
        """Whether the word is the sender's name in a sign-off a dash opens at the text's end:
        not when a known word is one edit away ("— Thnaks"), unless it opens a sign-off whose
        other words are all known and is no clear slip of a common word ("– Eko Bright
        Distribution", a power company's name, is not 'Eke'; "— Custmer Care" is still
        'Customer')."""
        words = _dash_sign_off(text, word)
        if words == 0:
            return False
        if not dictionary.near(word.lower):
            return True
        if words < 2 or dictionary.best_guess(word.lower, capitalised=True) is not None:
            return False
        # the name, when the words after it are known ones ("Bright Distribution"); a slip of
        # "Team" before a name ("— Etam Zentel", "— Teaw Loomi") is still checked
        rest = _SIGN_OFF.findall(text, word.end)
        return all(w.lower() in dictionary for w in rest)

    def _business_name(self, text: str, word: Word, dictionary: Any) -> bool:
        """Whether the word is in a business's name, and no clear slip of a common word: on
        the text's last line (``_org_sign_off``: "Northbrook Energy"; "Delivred Energy" is
        still 'Delivered'), closed by a company form (``_company_named``: "Telecable del Bajío
        S.A. de C.V."; "Grcias Telecable S.A." is 'Gracias'), or before its business word
        (``_org_named``: "Chopwise Foods", "Islandhop Air"), there with no known word one
        edit away either ("Delicous Foods" is still 'Delicious')."""
        shaped = (
            _org_sign_off(text, word)
            or _company_named(text, word)
            or (_org_named(text, word) and not dictionary.near(word.lower))
        )
        return shaped and dictionary.best_guess(word.lower, capitalised=True) is None

    def _foreign_run(
        self,
        text: str,
        word: Word,
        dictionary: Any,
        language: str | None,
        memo: dict[str, _TokenKind],
    ) -> bool:
        """Whether the word stands in a phrase of another language: a run of adjacent unknown
        words ("Terima kasih", "Selamat Hari Raya", "nasi lemak bungkus", "teh tarik kurang
        manis") of which FOREIGN_RUN or more read as foreign: in lower case and no clear slip
        of a known word, or on TPL340's list of a language this rule does not check
        ("Selamat", "Hari": Indonesian and Malay). Typos come one at a time: a slip beside a name
        ("froo Zentel", "Edar Arjun": a capitalised word with no clear guess may be a name) or
        two slips side by side ("Yuor ordr", each a clear slip of a common word) are still typos;
        and a phrase of a language the rule checks ("Así puedes empezar" declared English) is
        flagged, as it says the declared language is wrong. Terms of the accept list join a run
        but do not make one ("app ttoda" is a typo)."""
        run = _unknown_run(text, word, dictionary, self.vocabulary(), memo)
        if len(run) < FOREIGN_RUN:
            return False
        words = [lower for lower, _ in run if lower]
        if self._checked_elsewhere(words, language):
            return False
        listed = self._listed_elsewhere(words)
        foreign = sum(
            bool(lower)
            and (
                lower in listed
                # a capitalised word with no clear guess is as likely a name ("nwith Quillo",
                # "Edar Arjun" are typos beside a name)
                or (not capitalised and dictionary.best_guess(lower) is None)
            )
            for lower, capitalised in run
        )
        return foreign >= FOREIGN_RUN

    def _profiles(self) -> Any:
        """TPL340's word lists of each language (``language.Profiles``), or None without them."""
        found = _shared_judge(self.ctx)
        return None if found is None else found[0].profiles

    def _listed_elsewhere(self, words: list[str]) -> set[str]:
        """The words TPL340's lists hold for a language other than English."""
        profiles = self._profiles()
        if profiles is None:
            return set()
        return {
            w for w in words for i in profiles.table.get(w, ()) if profiles.languages[i] != "en"
        }

    def _checked_elsewhere(self, words: list[str], language: str | None) -> bool:
        """Whether TPL340's word lists claim one of these words for another language this rule
        has a dictionary for ("Así puedes empezar" is Spanish): then the template is in the
        wrong language, which its flagged words say. A phrase of a language it does not check
        (Malay, Tagalog, Swahili, Yoruba) written in English is a loan, not a typo."""
        profiles = self._profiles()
        if profiles is None:
            return False
        own = _lang_key(language or self.ctx.config.default_language or "en")
        checked = {key.split("_")[0] for key, _ in self.dictionaries} - {own.split("_")[0]}
        return any(
            profiles.languages[i] in checked for w in words for i in profiles.table.get(w, ())
        )

    def _disguised(self, comp: Component, word: Word) -> bool:
        """A fragment of a disguised word ('ly' of 'bit[.]ly', 'ee' of 'fr<ZWSP>ee') is not a
        misspelling: the rule that reads the undone word reports the trick."""
        if not self.ctx.config.normalize:
            return False
        from linter.kinds import normalized

        norm = normalized(comp, self.ctx)
        return bool(norm.reasons) and any(i in norm.reasons for i in range(word.start, word.end))

    def _hit(self, comp: Component, word: Word, dictionary: Any, name: str) -> Hit:
        suggested = dictionary.suggest(word.lower)
        # A name of the word list is suggested capitalised ('Chloe'), and never written into a
        # lower-case word: 'chole' (the dish) is no slip of 'Chloe'.
        names = dictionary.names() if name == ENGLISH else frozenset()
        options = [_match_case(s, word.text, s in names) for s in suggested]
        hint = "" if name == ENGLISH else f" ({Path(name).name})"
        hint += f"; did you mean {_quoted(options[:1])}?" if options else ""
        if options:
            fix = f"Replace '{word.text}' with {_quoted(options)}"
        else:
            fix = f"Correct the spelling of '{word.text}'"
        fix += ", or add it to an accept.txt vocabulary if it is a name or a term of yours."
        values = {"word": word.text, "hint": hint, "suggestion": options[0] if options else ""}
        if not options or (
            dictionary.best_guess(word.lower, capitalised=word.text[:1].isupper()) is None
            or (
                _title_case(word.text)
                and (
                    not _reads_on(comp.text, word.end)
                    or _opens_label(comp.text, word)
                    or not _sentence_start(comp.text, word.start)  # "our Spring Clearence Sale"
                )
            )
        ):
            # No clear best guess (``_clear_guess``): the word may be a name or a loanword.
            # A capitalised word another capitalised word, a colon or the line's end follows
            # may be a name ("Kavya Home:", "Swiggy Instamart"), as is one in a sender's label
            # that opens a line ("Meesho here: your order"), or one in mid-sentence, checked
            # only as a title's word (``_title_typo``): no best guess renames it. The
            # suggestions stay for an editor's menu, to pick from, but none is written.
            return Hit(comp, word.start, word.end, values, fix, alternatives=(*options,))
        edit = (word.start, word.end, options[0], False)  # a best guess
        return Hit(comp, word.start, word.end, values, fix, edit=edit, alternatives=(*options[1:],))

    def _rejected(self, template: Template) -> Iterator[Hit]:
        vocab = self.vocabulary()
        if vocab.reject_pattern is None:
            return
        language = template.language or self.ctx.config.default_language or "en"
        english = _lang_key(language).startswith("en")
        declared = bool(template.language or self.ctx.config.default_language)
        foreign: list[bool] = []  # whether an undeclared text reads as another language

        def one_letter_word(term: str) -> bool:
            """A one-letter term ("u") is English text-speak only in English: Spanish "uno u
            otro", Polish "u lekarza", Croatian "u Zagrebu" write it as a word."""
            if not english:
                return False
            if not declared and not foreign:
                found = _other_language(self.ctx, self._components(template))
                foreign.append(found is not None)
            return declared or not foreign[0]

        for comp in self._components(template):
            text = comp.text
            if not may_reject(text, vocab):
                continue
            if vocab.reject_gate is not None and not vocab.reject_gate.search(text.casefold()):
                continue
            if not vocab.reject_pattern.search(text):
                continue
            masks = mask_matches(text)
            found, bare = link_candidates(text)
            masks += [(s, e) for s, e, _ in found] + [m.span() for m in bare]
            for m in vocab.reject_pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in masks):
                    continue
                if len(m.group()) == 1 and not one_letter_word(m.group()):
                    continue
                replacement = vocab.reject.get(m.group().lower())
                edit = None
                # "a | b": the term stands for either ("ur": "your" or "you're"), and which
                # one only the sentence says, so no fix is written
                options = [
                    _match_case(o.strip(), m.group()) for o in (replacement or "").split("|")
                ]
                said = " or ".join(f"'{o}'" for o in options if o)
                if replacement and not english:
                    # the lists' replacements are English: no fix writes one into a template
                    # in another language
                    fix = f"Reword '{m.group()}' in the template's language ({said} in English)."
                elif len(options) > 1:
                    fix = f"Write {said}, whichever is meant."
                elif replacement and _named(text, m.start(), m.group()):
                    fix = f"Write {said} instead, unless '{m.group()}' is a name here."
                elif replacement:
                    fix = f"Write {said} instead."
                    edit = (m.start(), m.end(), options[0], True)  # the team's own replacement
                else:
                    fix = f"Remove or reword '{m.group()}'."
                yield Hit(comp, m.start(), m.end(), {"term": m.group()}, fix, edit=edit)


__all__ = ["Dictionary", "SpellingCheck", "Vocabulary", "build_vocabulary", "words_of"]
