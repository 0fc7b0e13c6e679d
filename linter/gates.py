"""One scan of a template's text that tells which rules could fire at all.

Most rules are about wording that most templates do not contain. A rule whose check declares
``literals()`` (strings one of which occurs in every text it can fire on: a pattern's required
literals, a phrase rule's trigger words) is skipped for a template in which none occurs, without
calling it. Every such string of every selected rule goes into one regular expression shaped as
a trie, searched once per text with a look-ahead, so overlapping strings are all seen: at each
position the longest string that starts there is found, and every string that is a prefix of it
is then known to start there too.

Sound by construction: a rule is skipped only when none of its strings occurs in any component
text (as written or normalised), which its own check would need. ``tests/test_batch_speed_paths.py``
compares the engine with and without gates over the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def _trie_pattern(strings: Iterable[str]) -> str:
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


class Gates:
    """The strings of the gated checks, and which check each string (or a prefix) opens."""

    def __init__(self, literals: Sequence[frozenset[str] | None]) -> None:
        """``literals[i]``: check i's strings (casefolded), or None for a check always run."""
        self.gated = [s is not None for s in literals]
        owners: dict[str, set[int]] = {}
        for i, strings in enumerate(literals):
            for s in strings or ():
                if s:
                    owners.setdefault(s, set()).add(i)
        # a string found at a position means every string that is a prefix of it is there too
        self.opens: dict[str, frozenset[int]] = {}
        for s in owners:
            found: set[int] = set()
            for k in range(1, len(s) + 1):
                found |= owners.get(s[:k], set())
            self.opens[s] = frozenset(found)
        self.regex = re.compile(f"(?=({_trie_pattern(owners)}))") if owners else None

    def open(self, texts: Iterable[str]) -> set[int]:
        """The gated checks that could fire on a template with these texts."""
        found: set[int] = set()
        if self.regex is None:
            return found
        opens, seen = self.opens, set()
        for text in texts:
            for s in self.regex.findall(text.casefold()):
                if s not in seen:
                    seen.add(s)
                    found |= opens[s]
        return found


__all__ = ["Gates"]
