"""The shipped pattern rules' literal pre-tests, read from their patterns ahead of time.

A cold ``templint lint`` of one template used to compile every pattern rule's regex (the
``regex`` module parses in Python: ~130 ms for the shipped rules) although most rules cannot
match a given text. ``linter/data/pattern_literals.json`` holds, per rule, what
``literals.required_clauses`` reads from its patterns; a rule found there tests those strings
first and compiles its regex only for a text that holds them. Entries are named by rule code
(``linter.generated``: parallel edits merge) and carry a hash of the patterns and flags, so an
edited or unknown rule simply misses and is read at run time as before.
``tests/test_literal_cache.py`` checks the file against the shipped rules.

    python -m linter.kinds.literal_cache      # rewrite the file after changing a rule

The same command rewrites ``linter/data/rules_parsed.json``, every shipped rule file already
parsed (``rulebook.PARSED_PATH``), which ``tests/test_literal_cache.py`` checks too.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from linter.kinds.literals import Clauses, required_clauses

PATH = Path(__file__).resolve().parent.parent / "data" / "pattern_literals.json"
VERSION = 3  # 2: strings folded with Turkish İ and ı as i; 3: and Arabic plain (linter.fold)

_LOADED: dict[str, Any] | None = None


def key(patterns: list[str], flags: int) -> str:
    data = json.dumps([VERSION, flags, patterns], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def cached_clauses(patterns: list[str], flags: int) -> tuple[bool, list[Clauses] | None]:
    """(found, clauses): clauses as ``required_clauses`` gives them when the file has them."""
    global _LOADED
    if _LOADED is None:
        from linter.generated import by_key

        try:
            _LOADED = by_key(PATH.read_text(encoding="utf-8"), "rules", VERSION)
        except (OSError, ValueError, AttributeError, TypeError, KeyError):
            _LOADED = {}  # no file or a broken one: every rule is read at run time
    k = key(patterns, flags)
    if k not in _LOADED:
        return False, None
    raw = _LOADED[k]
    if raw is None:
        return True, None
    return True, [tuple(frozenset(c) for c in clauses) for clauses in raw]


def render(rules: list[Any]) -> str:
    """The file's content for these rules (``Rule`` objects of kind ``pattern``)."""
    import regex

    from linter.generated import render as render_entries

    entries: dict[str, tuple[str, list[list[list[str]]] | None]] = {}
    for rule in rules:
        if rule.kind != "pattern":
            continue
        patterns = [str(p) for p in rule.params.get("patterns", [])]
        flags = 0 if rule.params.get("case-sensitive") else int(regex.IGNORECASE)
        clauses = required_clauses(patterns, flags)
        entries[rule.code] = (
            key(patterns, flags),
            None if clauses is None else [[sorted(c) for c in cl] for cl in clauses],
        )
    return render_entries(VERSION, "rules", entries)


def main() -> int:
    from linter.paths import rules_dir
    from linter.rulebook import PARSED_PATH, RuleFileError, load_rules, render_parsed

    try:
        literals, parsed = render(load_rules(rules_dir())), render_parsed()
    except RuleFileError as exc:  # its own one-line problem; neither file half-written
        print(f"literal_cache: {exc}", file=sys.stderr)
        return 2
    PATH.write_text(literals, encoding="utf-8")
    PARSED_PATH.write_text(parsed, encoding="utf-8")
    print(f"wrote {PATH} and {PARSED_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
