"""One scan of a template's text that tells which rules could fire at all.

Most rules are about wording that most templates do not contain. A rule whose check declares
``literals()`` (strings one of which occurs in every text it can fire on: a pattern's required
literals, a phrase rule's trigger words) is skipped for a template in which none occurs, without
calling it; pattern and phrase rules also declare ``clauses()``, per pattern (or phrase) the
sets of strings of which it needs one each ("promo" or "coupon", and "code"), and are skipped
unless one pattern has all of them.
Strings of letters alone (nearly all, in any script; Devanagari with its vowel signs) are found
by word: each distinct run of letters
in the text is looked up, and a new run's strings are found once by slicing it, so overlapping
strings are all seen; the few other strings are each looked for with ``in``. (One regular
expression of every string, shaped as a trie and searched with a look-ahead, finds the same:
``present_by_trie``, which the tests compare with.)

Sound by construction: a rule is skipped only when the strings its own check would need are
missing from every component text (as written and as normalised). The engine with and without
gates is compared over corpus rows, every rule example, the evasion corpus and the bundled
examples (``tests/test_batch_speed_paths.py``) and over random text (``tests/test_properties.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import reduce
from operator import or_

from linter.fold import fold


def trie_pattern(strings: Iterable[str]) -> str:
    """An alternation of the strings shaped as a trie (shared prefixes written once), which
    Python's regex engine searches several times faster than a flat list of alternatives; the
    longest string that matches at a position is the one found."""
    trie: dict[str, dict] = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a string ends here: the longer ones through it are tried first (greedy)
        return f"(?:{body})?" if "" in node else body

    return build(trie)


Clauses = tuple[frozenset[str], ...]
# A set holding a string of one or two characters is met in nearly every text: not worth a test.
MIN_STRING = 3
# A letter, or any character of the Devanagari block (its vowel signs are marks, not letters:
# a Hindi word is one run). A string of these alone can occur only inside a run of them.
_LETTER = r"(?:[^\W\d_]|[\u0900-\u097f])"
_RUN = re.compile(f"{_LETTER}{{{MIN_STRING},}}")
_WORD = re.compile(f"{_LETTER}+")
RUNS_KEPT = 20_000  # distinct runs remembered with their bits


def _commonness(char: str) -> int:
    """How often a character that is not a letter is met in templates: rare ones first."""
    common = " .,-0123456789"
    return common.index(char) + 1 if char in common else 0


class Gates:
    """Each gated check as alternatives (one per way it can fire), each a conjunction of sets of
    strings of which one must occur. Sets become bits; a text's strings set bits; a check is
    open when all the bits of one of its alternatives are set."""

    def __init__(
        self,
        literals: Sequence[frozenset[str] | None],
        clauses: Sequence[list[Clauses] | None] | None = None,
    ) -> None:
        """``literals[i]``: check i's strings (folded: ``linter.fold``), or None for a check
        always run; ``clauses[i]``: its finer test (``Check.clauses``), or None to use
        ``literals[i]``."""
        finer = list(clauses) if clauses is not None else [None] * len(literals)
        bit: dict[frozenset[str], int] = {}
        self.alternatives: list[list[int] | None] = []
        # Per check, its alternatives by the bit of one set each needs (its rarest-looking:
        # longest shortest string): only those whose set is present are tested, not every
        # alternative of a rule of 200 patterns, each test an AND of ints of ~10,000 bits.
        self.keys: list[int] = []
        self.keyed: list[dict[int, list[tuple[int, int]]]] = []
        for strings, cnfs in zip(literals, finer, strict=True):
            alternatives = cnfs if strings is not None and cnfs else [(strings,)] if strings else []
            masks = []
            keys = 0
            keyed: dict[int, list[tuple[int, int]]] = {}
            for k, cnf in enumerate(alternatives):
                mask = 0
                key = (0, 0)  # (the set's shortest string's length, its bit + 1)
                for clause in cnf:
                    shortest = min(map(len, clause)) if clause else 0
                    if shortest >= MIN_STRING:
                        b = bit.setdefault(clause, len(bit))
                        mask |= 1 << b
                        key = max(key, (shortest, b + 1))
                masks.append(mask)
                if mask:
                    keys |= 1 << key[1] - 1
                    keyed.setdefault(key[1], []).append((k, mask))
            # A check whose alternatives all need nothing worth testing is always run in full;
            # one with only some such (TPL104's "b1g1" pattern) is always run, but narrowed to
            # those and the others whose strings are there (``ways``).
            self.alternatives.append(masks if any(masks) else None)
            self.keys.append(keys)
            self.keyed.append(keyed)
        self.gated = [a is not None for a in self.alternatives]
        self.always = [a is not None and 0 in a for a in self.alternatives]
        holders: dict[str, int] = {}  # string -> bits of the sets holding it
        for clause, b in bit.items():
            for s in clause:
                holders[s] = holders.get(s, 0) | 1 << b
        # a string found at a position means every string that is a prefix of it is there too
        self.bits: dict[str, int] = {}
        for s in holders:
            mask = 0
            for k in range(1, len(s) + 1):
                mask |= holders.get(s[:k], 0)
            self.bits[s] = mask
        self._holders = holders
        self._trie: re.Pattern[str] | None = None  # built by present_by_trie, for the tests
        # Strings of letters only can occur only inside a run of such letters: a text's
        # runs are looked up one by one, each distinct run's strings worked out once (a batch
        # repeats most words).
        self.letters = {s: m for s, m in self.bits.items() if _WORD.fullmatch(s)}
        others = [s for s in holders if s not in self.letters]
        # The others (c0de, a/c, don't: a few hundred) are tested one by one with ``in``,
        # cheaper than the trie's look-ahead at every position; grouped by a character each
        # holds that is not a letter, so a text without that character skips its group.
        groups: dict[str, list[tuple[str, int]]] = {}
        for s in others:
            key = min((c for c in s if not _WORD.fullmatch(c)), key=_commonness)
            groups.setdefault(key, []).append((s, self.bits[s]))
        self.group_of = groups
        self.group_chars = frozenset(groups)  # a text's characters are intersected with these
        self.longest = max(map(len, self.letters), default=0)
        self.runs: dict[str, int] = {}

    def present(self, texts: Iterable[str]) -> int:
        """The bits of the sets with a string in these texts (one template's)."""
        if not self.bits:
            return 0
        present = 0
        runs = self.runs
        for text in texts:
            folded = fold(text)
            found = set(_RUN.findall(folded))
            new = found.difference(runs)
            if new:
                if len(runs) + len(new) > RUNS_KEPT:
                    runs.clear()
                    new = found
                for run in new:
                    runs[run] = self._run_bits(run)
            if found:
                present |= reduce(or_, map(runs.__getitem__, found))
            for char in self.group_chars.intersection(folded):
                for s, mask in self.group_of[char]:
                    if s in folded:
                        present |= mask
        return present

    def _run_bits(self, run: str) -> int:
        """The bits of the letter-only strings inside one run of letters."""
        mask = 0
        letters, n = self.letters, len(run)
        for i in range(n - MIN_STRING + 1):
            for j in range(i + MIN_STRING, min(n, i + self.longest) + 1):
                found = letters.get(run[i:j])
                if found:
                    mask |= found
        return mask

    def present_by_trie(self, texts: Iterable[str]) -> int:
        """``present`` by the one trie of every string (the plain way; tests compare)."""
        if not self._holders:
            return 0
        if self._trie is None:
            self._trie = re.compile(f"(?=({trie_pattern(self._holders)}))")
        found: set[str] = set()
        for text in texts:
            found.update(self._trie.findall(fold(text)))
        present = 0
        for s in found:
            present |= self.bits[s]
        return present

    def allows(self, check: int, present: int) -> bool:
        """Whether gated check ``check`` could fire, given ``present()`` of the template."""
        if self.always[check]:
            return True
        hit = present & self.keys[check]
        keyed = self.keyed[check]
        while hit:
            low = hit & -hit
            for _, m in keyed[low.bit_length()]:
                if m & present == m:
                    return True
            hit ^= low
        return False

    def ways(self, check: int, present: int) -> tuple[int, ...] | None:
        """Which of gated check ``check``'s alternatives ``present`` allows, by position: None
        when all of them (nothing to narrow), () when none (the check cannot fire)."""
        alternatives = self.alternatives[check] or []
        which = [k for k, m in enumerate(alternatives) if not m] if self.always[check] else []
        hit = present & self.keys[check]
        keyed = self.keyed[check]
        while hit:
            low = hit & -hit
            which += [k for k, m in keyed[low.bit_length()] if m & present == m]
            hit ^= low
        return None if len(which) == len(alternatives) else tuple(sorted(which))

    def open(self, texts: Iterable[str]) -> set[int]:
        """The gated checks that could fire on a template with these texts."""
        present = self.present(texts)
        return {i for i, gated in enumerate(self.gated) if gated and self.allows(i, present)}


__all__ = ["Gates"]
