"""How often TPL201's first suggestion (what ``--unsafe-fixes`` writes) is the word a real
misspelling was meant to be, on codespell's list of common misspellings.

    pip install codespell      # its data only; a dev-time measurement, not a dependency
    python bench/spelling_suggestions.py

codespell's ``dictionary.txt`` (CC BY-SA 3.0, grown from Wikipedia's lists of common
misspellings) maps misspellings people really typed to their corrections. Kept here: lower-case
words with one correction, where templint's word list lacks the misspelling (so TPL201 flags
it) and holds the correction. They are split in two halves by a hash of the misspelling: the
costs in ``linter/kinds/spelling.py`` (``_SLIP_COST``) were fitted on the "fit" half, so the
"held-out" half is the fair figure. Each is also ranked the way templint ranked before those
costs (same first letter first, then frequency), for comparison.

Also counted: how many suggestions a finding lists (``ALTERNATE_WINDOW`` drops the far-fetched
alternates), and what ``--unsafe-fixes`` does (``Dictionary.best_guess``: it writes the first
suggestion only when that is clearly the word meant) — the misspellings it corrects, the ones
it rewrites into a wrong word, and, on words that are no typos (the shipped accept vocabulary's
words and the brand names of ``data/templates.jsonl``, where the word list lacks them: the
Indian English, names and loanwords a word list cannot know), how many it would rewrite.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def misspellings() -> list[tuple[str, str]]:
    try:
        import codespell_lib
    except ImportError:
        sys.exit("spelling_suggestions: needs codespell's data: pip install codespell")
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        typo, sep, fixes = line.partition("->")
        fixes = fixes.rstrip(", ")
        if not sep or "," in fixes:
            continue  # several corrections: no single right answer
        fix = fixes.strip()
        if typo.isalpha() and typo.islower() and fix.isalpha() and fix.islower():
            pairs.append((typo, fix))
    return pairs


ROOT = Path(__file__).resolve().parent.parent


def no_typos(known: object) -> list[str]:
    """Words that are no typos and that the word list lacks: the shipped accept vocabulary's
    single words and the corpus's brand names, of four letters or more, lower-cased."""
    from linter.kinds.spelling import read_vocab

    words = {t for t, _ in read_vocab(ROOT / "rules" / "vocab" / "accept.txt")}
    with (ROOT / "data" / "templates.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            words.update(re.findall(r"[A-Za-z]+", json.loads(line).get("brand") or ""))
    return sorted(
        {w.lower() for w in words if w.isalpha() and len(w) >= 4 and w.lower() not in known}
    )


def main() -> int:
    from linter.kinds.spelling import _MAX_EDITS2_LEN, Dictionary, _edits1

    known = Dictionary.load()
    rank = known.rank
    start = time.perf_counter()
    # per half: [misspellings, first right, first right before, in the first 3, none,
    # suggestions listed, fix written and right, fix written and wrong]
    halves = {"fit": [0] * 8, "held-out": [0] * 8}
    for typo, fix in misspellings():
        if typo in known or fix not in known:
            continue
        found = known.suggest(typo, 5)  # what TPL201 says
        # every candidate, as suggest() finds them, ranked as before the slip costs
        edits = _edits1(typo)
        candidates = {w for w in edits if w in rank}
        if not candidates and len(typo) <= _MAX_EDITS2_LEN:
            candidates = known._two_edits(edits)
        before = sorted(candidates, key=lambda w: (w[:1] != typo[:1], rank[w], w))
        half = "fit" if int(hashlib.sha256(typo.encode()).hexdigest(), 16) % 2 == 0 else "held-out"
        row = halves[half]
        row[0] += 1
        row[1] += bool(found) and found[0] == fix
        row[2] += bool(before) and before[0] == fix
        row[3] += fix in found[:3]
        row[4] += not found
        row[5] += len(known.suggest(typo))
        guess = known.best_guess(typo)
        row[6] += guess == fix
        row[7] += guess is not None and guess != fix
    elapsed = time.perf_counter() - start
    print(f"codespell's misspellings templint flags and can correct ({elapsed:.0f} s):")
    for half, (n, first, before, top3, none, listed, fixed, wrong) in halves.items():
        print(
            f"  {half:9} {n:,}: first suggestion right {first:,} ({first / n:.1%}; "
            f"{before:,}, {before / n:.1%}, ranked by frequency alone), in the first 3 {top3:,} "
            f"({top3 / n:.1%}), no suggestion {none:,}; {listed / n:.2f} listed on average"
        )
        print(
            f"  {'':9} --unsafe-fixes corrects {fixed:,} ({fixed / n:.1%}), "
            f"writes a wrong word into {wrong:,} ({wrong / n:.1%})"
        )
    words = no_typos(known)
    guessed = [(w, g) for w in words if (g := known.best_guess(w)) is not None]
    shown = ", ".join(f"{w}→{g}" for w, g in guessed[:8])
    print(
        f"words that are no typos (accept vocabulary, brand names) the word list lacks: "
        f"{len(words)}; --unsafe-fixes would rewrite {len(guessed)} ({shown} …)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
