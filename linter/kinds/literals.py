"""Strings a regular expression cannot match without: the pattern kind's cheap pre-test.

Most templates match none of the ~25 pattern rules, yet each rule's regex scans the whole text.
Here each pattern is read once into sets of literal strings such that every match contains one
string of each set (``(?:promo|coupon)[\\s-]*codes?`` needs one of "promo", "coupon" and one of
"code", "codes": ``required_clauses``); a rule's most selective set per pattern, together, is
its one-set test (``required_literals``). A text lacking them, compared after
``linter.fold.fold`` (``str.casefold`` with Turkish İ and ı as i), is skipped without running
the regex (the engine's gates use every set).

The reading is the standard prefilter construction (as in RE2 and Google Code Search): for each
node, the exact set of strings it matches when that is small, else the sets every match draws
from. Anything not understood (regex-module syntax, back-references, categories such as
``\\d``, classes of more than a dozen characters) simply requires nothing, so the pre-test
can only let more texts through, never fewer.
``tests/test_batch_speed_paths.py`` checks that over the corpus, the rules' own examples and
random text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants  # type: ignore[attr-defined]

from linter.fold import fold

EXACT_LIMIT = 64  # more alternatives than this and a node's exact set is dropped
CLASS_LIMIT = 12  # character classes of up to this many characters count as alternatives
REPEAT_LIMIT = 3  # a{1,3} with an exact body expands to 1-3 copies
# Sets read from an alternation's alternatives (their best, second best ...): more add little
# (4: 5.12 gated rules opened a corpus text, as with all of them; 2: 5.26) to the cache file.
BRANCH_SETS = 4
# Constructs of the `regex` module that Python's parser would misread as literal text:
# fuzzy matching "(?:foo){e<=1}".
_FUZZY = re.compile(r"\{\s*[eids]\s*[<=]|\{\s*\d*\s*<=?\s*[eids]")


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the node matches, when few
    need: tuple[frozenset[str], ...] = ()  # each set: one of its strings is in every match


_NOTHING = _Info(None)
_EMPTY = _Info(frozenset({""}))
Clauses = tuple[frozenset[str], ...]


def _selectivity(clause: frozenset[str]) -> tuple[int, int]:
    return min(map(len, clause)), -len(clause)


def _best(clauses: Clauses) -> frozenset[str] | None:
    """The most selective requirement: the longest shortest string, then the fewest strings."""
    usable = [c for c in clauses if c and "" not in c]
    return max(usable, key=_selectivity) if usable else None


def _ranked(clauses: Clauses) -> list[frozenset[str]]:
    """The usable sets, most selective first."""
    usable = [c for c in clauses if c and "" not in c]
    return sorted(usable, key=_selectivity, reverse=True)


def _requirement(info: _Info) -> Clauses:
    """Sets of strings that every match of the node needs one of, each (all must hold)."""
    if info.exact is not None and "" not in info.exact and info.exact:
        return (info.exact,)
    return info.need


def _sequence(items: list[_Info]) -> _Info:
    clauses: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    whole = True  # the run still covers everything so far
    for item in items:
        if item.exact is not None and len(run) * len(item.exact) <= EXACT_LIMIT:
            run = frozenset(a + b for a in run for b in item.exact)
            continue
        clauses.append(run)
        whole = False
        clauses.extend(item.need)
        run = item.exact if item.exact is not None else frozenset({""})
    if whole:
        return _Info(run)
    clauses.append(run)
    usable = tuple(dict.fromkeys(c for c in clauses if c and "" not in c))
    return _Info(None, usable)


def _info(node: list[tuple[object, object]]) -> _Info:
    return _sequence([_op(op, av) for op, av in node])


def _op(op: object, av: object) -> _Info:
    c = _constants

    if op is c.LITERAL:
        return _Info(frozenset({chr(av)}))  # type: ignore[arg-type]
    if op is c.ASSERT:
        # a lookaround consumes nothing, but what it looks for is in the text: its sets count,
        # apart from the strings either side of it (those need not touch it)
        inner = _requirement(_info(av[1]))  # type: ignore[index]
        return _Info(None, inner) if inner else _EMPTY
    if op in (c.AT, c.ASSERT_NOT):
        return _EMPTY  # consumes nothing: the text around it is contiguous
    if op is c.SUBPATTERN:
        return _info(av[-1])  # type: ignore[index]
    if op is c.ATOMIC_GROUP:
        return _info(av)  # type: ignore[arg-type]
    if op is c.BRANCH:
        alternatives = [_info(alt) for alt in av[1]]  # type: ignore[index]
        exact: frozenset[str] | None = None
        if all(a.exact is not None for a in alternatives):
            union = frozenset().union(*(a.exact for a in alternatives))  # type: ignore[arg-type]
            exact = union if len(union) <= EXACT_LIMIT else None
        # One match takes one alternative, so a set that holds one set of each alternative is
        # needed: the union of each one's best, then of each one's next best, and so on (an
        # alternative with fewer sets gives its last again). Each union is needed on its own,
        # so more of them only make the test stricter.
        ranked = [_ranked(_requirement(a)) for a in alternatives]
        if any(not r for r in ranked):
            return _Info(exact, ())
        need = tuple(
            dict.fromkeys(
                frozenset().union(*(r[min(k, len(r) - 1)] for r in ranked))
                for k in range(min(max(map(len, ranked)), BRANCH_SETS))
            )
        )
        return _Info(exact, need)
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:  # type: ignore[attr-defined]
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < CLASS_LIMIT:  # [0-9], not [a-z]
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return _NOTHING  # categories (\d: every script's digits), negation
        return _Info(frozenset(chars)) if len(chars) <= CLASS_LIMIT else _NOTHING
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av  # type: ignore[misc]
        inner = _info(body)
        if inner.exact is not None and high <= REPEAT_LIMIT:
            options: set[str] = set()
            for n in range(low, high + 1):
                strings = {""}
                for _ in range(n):
                    strings = {a + b for a in strings for b in inner.exact}
                options |= strings
            if len(options) <= EXACT_LIMIT:
                return _Info(frozenset(options))
        return _Info(None, _requirement(inner) if low >= 1 else ())
    return _NOTHING  # any character, classes, back-references, conditionals


def required_clauses(patterns: list[str], flags: int = 0) -> list[Clauses] | None:
    """Per pattern, sets of casefolded strings such that a text the pattern matches holds one
    string of every set; None when some pattern needs no string (the rule must always run)."""
    from re import _parser  # type: ignore[attr-defined]

    out: list[Clauses] = []
    for pattern in patterns:
        if _FUZZY.search(pattern):
            return None
        try:
            tree = _parser.parse(pattern, flags & (re.IGNORECASE | re.VERBOSE))
        except (re.error, RecursionError, OverflowError, ValueError):
            return None  # regex-module syntax Python's parser does not know
        clauses = tuple(frozenset(fold(s) for s in c) for c in _requirement(_info(list(tree))))
        if not clauses:
            return None
        out.append(clauses)
    return out or None


def union_of_best(per_pattern: list[Clauses] | None) -> frozenset[str] | None:
    """One set of strings one of which occurs in any text some pattern matches: each pattern's
    most selective set, together."""
    if per_pattern is None:
        return None
    out: set[str] = set()
    for clauses in per_pattern:
        out |= _best(clauses) or frozenset()
    return frozenset(out) or None


def required_literals(patterns: list[str], flags: int = 0) -> frozenset[str] | None:
    """Casefolded strings one of which occurs in any text that one of ``patterns`` matches, or
    None when no such set is known for some pattern (the rule must then always run)."""
    return union_of_best(required_clauses(patterns, flags))


__all__ = ["required_clauses", "required_literals", "union_of_best"]
