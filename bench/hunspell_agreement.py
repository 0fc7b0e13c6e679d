"""How often templint's reading of the Spanish and Portuguese Hunspell dictionaries
(``linter/kinds/hunspell.py``) agrees with Hunspell itself, and what each costs.

Words, in three groups: every distinct word of the corpus rows in that language
(``data/templates.jsonl``), the same words with their accents taken off, and one one-letter
typo of each (seeded). Hunspell's verdicts come from the ``hunspell`` program (Debian:
``apt-get install hunspell hunspell-es hunspell-pt-br hunspell-pt-pt``), run once on the whole
list; the script says so and stops when it is missing.

Run from the project root:  python bench/hunspell_agreement.py
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from linter.kinds.hunspell import HunspellDictionary

ROOT = Path(__file__).resolve().parent.parent
# corpus language -> dictionary (the corpus's Portuguese is Brazilian; European Portuguese is
# measured on the same words, for the reader's agreement, not the dictionary's fit)
LANGS = (("es", "es_ES"), ("pt", "pt_BR"), ("pt", "pt_PT"))


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def words_for(lang: str, rng: random.Random) -> dict[str, list[str]]:
    """Distinct lower-case words of the corpus rows in ``lang``, their accent-less forms
    (where that differs) and one seeded one-letter typo of each word."""
    rows = [json.loads(line) for line in (ROOT / "data" / "templates.jsonl").open()]
    corpus: dict[str, None] = {}
    for row in rows:
        if row["language"] == lang:
            corpus.update(
                dict.fromkeys(w.lower() for w in re.findall(r"[^\W\d_]{2,}", row["text"]))
            )
    bare = {_bare(w): None for w in corpus if _bare(w) != w}
    typos: dict[str, None] = {}
    for w in corpus:
        i = rng.randrange(len(w))
        typos[w[:i] + rng.choice("aeiourstnlmc") + w[i + 1 :]] = None
    return {"corpus words": list(corpus), "accents taken off": list(bare), "typos": list(typos)}


def main() -> int:
    if shutil.which("hunspell") is None:
        print("hunspell is not installed: apt-get install hunspell hunspell-{es,pt-br,pt-pt}")
        return 1
    for lang, name in LANGS:
        groups = words_for(lang, random.Random(7))
        words = list(dict.fromkeys(w for ws in groups.values() for w in ws))
        proc = subprocess.run(
            ["hunspell", "-d", name, "-l"],
            input="\n".join(words),
            capture_output=True,
            text=True,
            check=True,
        )
        theirs_bad = set(proc.stdout.split())
        start = time.perf_counter()
        ours = HunspellDictionary.load(name)
        load = time.perf_counter() - start
        start = time.perf_counter()
        ours_bad = {w for w in words if not ours.known(w)}
        check = time.perf_counter() - start
        print(f"{name}: load {load * 1000:.0f} ms; check {check / len(words) * 1e6:.0f} us a word")
        for group, ws in groups.items():
            agree = sum((w in theirs_bad) == (w in ours_bad) for w in ws)
            theirs = sum(w in theirs_bad for w in ws)
            print(
                f"  {group}: {len(ws):,}; rejected by Hunspell {theirs:,}, "
                f"by templint {sum(w in ours_bad for w in ws):,}; agreement {agree / len(ws):.2%}"
            )
        print(f"  only templint rejects: {sorted(ours_bad - theirs_bad)[:20]}")
        print(f"  only Hunspell rejects: {sorted(theirs_bad - ours_bad)[:20]}")
        sample = [w for w in words if w in ours_bad][:200]
        start = time.perf_counter()
        for w in sample:
            ours.suggest(w)
        if sample:
            per = (time.perf_counter() - start) / len(sample)
            print(f"  suggestions: {per * 1000:.1f} ms a misspelt word ({len(sample)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
