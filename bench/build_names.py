"""Build ``linter/data/en_names.txt``: the words of templint's English word list that are names.

pyspellchecker's list, the source of ``en_words.txt``, is lower-cased: it holds 'chloe',
'raul' and 'german' as it holds 'whole', so a spelling suggestion could turn the Indian dish
'chole' into 'chloe'. SCOWL's word lists (Debian's ``wamerican`` and ``wbritish``) keep the
case: a word of ``en_words.txt`` that they hold only capitalised ('Chloe', 'Raul', 'German',
never 'chloe') is a name, or a word always written capitalised. Lint reads the result to
write such a suggestion capitalised, never to put one into a lower-case word with
``--unsafe-fixes``, and not to take a capitalised name's neighbour for a typo.

    apt-get install wamerican wbritish      # SCOWL, a dev-time input only
    python bench/build_names.py [WORDLIST ...]

SCOWL is Copyright 2000-2011 Kevin Atkinson and others, under a permissive licence (use,
copy, modify, distribute with the notice kept); the notice is in the output's header.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "linter" / "data" / "en_words.txt"
OUT = ROOT / "linter" / "data" / "en_names.txt"
LISTS = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")

HEADER = """\
# Words of en_words.txt that are names: SCOWL's word lists hold them only capitalised
# (Chloe, Raul, German). Most frequent first. Made by bench/build_names.py from Debian's
# wamerican and wbritish (SCOWL, Copyright 2000-2011 by Kevin Atkinson and others:
# "Permission to use, copy, modify, distribute and sell these word lists, the associated
# scripts, the output created from the scripts, and its documentation for any purpose is
# hereby granted without fee, provided that the above copyright notice appears in all copies
# and that both that copyright notice and this permission notice appear in supporting
# documentation. Kevin Atkinson makes no representations about the suitability of this array
# for any purpose. It is provided "as is" without express or implied warranty.")
"""


def main(argv: list[str] | None = None) -> int:
    paths = (sys.argv[1:] if argv is None else argv) or list(LISTS)
    cased: set[str] = set()
    for path in paths:
        try:
            cased |= set(Path(path).read_text(encoding="utf-8").split("\n"))
        except OSError as exc:
            print(f"build_names: {exc} (apt-get install wamerican wbritish)")
            return 2
    lines = WORDS.read_text(encoding="utf-8").split("\n")
    words = [w for w in lines if w and not w.startswith("#")]
    names = [w for w in words if w.isalpha() and w not in cased and w[:1].upper() + w[1:] in cased]
    OUT.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(names):,} names of {len(words):,} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
