"""How many typos TPL201 finds, and how often it flags the clean corpus.

    python bench/spelling_typos.py [--rows 1500] [--seed 11]

Takes English rows of data/templates.jsonl, puts one typo into a known word of each (one or two
random edits: a letter replaced, dropped, added or two swapped, re-drawn until the result is no
known word) and counts the typos a TPL201 finding covers. Three draws: a word anywhere, a
capitalised word opening a line or a label's value ("Paid to: X"), where names are excused,
a capitalised word in mid-sentence ("our Spring Sale"), taken for a name unless it stands
beside a capitalised word of the word list and is one slip from a common word, and a
capitalised word a number follows, not in mid-sentence ("Day 1", "April 15", "Seat 14"), where
a product's name opening an item line is excused ("Dolo 650 - 15 tablets"); this last draw
reads every row, as such words are few.
Also prints the findings on the rows as written (the corpus has no typos: each is a name or a
word of another language) and how many of those ``--unsafe-fixes`` would rewrite, and for the
typos how often ``--unsafe-fixes`` writes the word the typo was made from, and how often
another. Same seed, same typos: compare two trees with the same arguments.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTERS = "abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"(?<![\w{])[A-Za-z]{4,}(?![\w}])")
LINE_OR_VALUE = re.compile(r"(?:^|\n)(?:[^\n]{0,40}:)?[ *_]*$")
# a capitalised word in mid-sentence: after a word or a comma on its line, not after . ! ? :
MID_SENTENCE = re.compile(r"[\w,][ \t]+$")
# a number after the word ("Day 1", "April 15", "Seat 14", "Save 20%"), where a product's name
# in an item line is excused ("Dolo 650 - 15 tablets")
NUMBER_AFTER = re.compile(r"[ \t]+\d")


def edit(word: str, rng: random.Random) -> str:
    i, kind = rng.randrange(len(word)), rng.randrange(4)
    if kind == 0 or (kind == 3 and i == len(word) - 1):
        return word[:i] + rng.choice(LETTERS) + word[i + 1 :]
    if kind == 1 and len(word) > 4:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + rng.choice(LETTERS) + word[i:]
    return word[:i] + word[i + 1 : i + 2] + word[i] + word[i + 2 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from linter.api import lint_text
    from linter.config import Config
    from linter.kinds.spelling import Dictionary

    config = Config(select=("TPL201",))
    known = Dictionary.load()
    with (ROOT / "data" / "templates.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = [r for r in rows if (r.get("language") or "en").startswith("en")]

    def findings(text: str, label: str) -> list:
        return lint_text(text, config=config, category=label.upper())

    flagged = Counter()
    rewritten = Counter()
    for r in rows:
        for d in findings(r["text"], r["label"]):
            flagged[d.message.split("'")[1]] += 1
            if d.edit is not None:
                rewritten[f"{d.message.split(chr(39))[1]}→{d.edit.new}"] += 1
    print(
        f"clean English corpus rows: {len(rows):,}; TPL201 findings {sum(flagged.values())}, "
        f"--unsafe-fixes would rewrite {sum(rewritten.values())}"
        + (": " + ", ".join(f"{w} {n}" for w, n in rewritten.most_common(6)) if rewritten else "")
    )
    print("  most flagged: " + ", ".join(f"{w} {n}" for w, n in flagged.most_common(12)))

    for draw, where in enumerate(
        (
            "anywhere",
            "line start or label value, capitalised",
            "mid-sentence, capitalised",
            "capitalised, a number after, not mid-sentence",
        )
    ):
        for edits in (1, 2):
            rng = random.Random(args.seed * 100 + edits + draw * 10)
            found = total = first = wrong = 0
            # the last draw's words are few (~200 in the corpus): it reads every row
            sample = len(rows) if where.endswith("not mid-sentence") else min(args.rows, len(rows))
            for r in rng.sample(rows, sample):
                text = r["text"]
                spots = [m for m in WORD.finditer(text) if m.group().lower() in known]
                if where.startswith("line"):
                    spots = [
                        m
                        for m in spots
                        if m.group()[0].isupper() and LINE_OR_VALUE.search(text[: m.start()])
                    ]
                elif where.startswith("mid"):
                    spots = [
                        m
                        for m in spots
                        if m.group()[0].isupper() and MID_SENTENCE.search(text[: m.start()])
                    ]
                elif where.startswith("capitalised, a number"):
                    spots = [
                        m
                        for m in spots
                        if m.group()[0].isupper()
                        and NUMBER_AFTER.match(text, m.end())
                        and not MID_SENTENCE.search(text[: m.start()])
                    ]
                if not spots:
                    continue
                m = rng.choice(spots)
                for _ in range(20):
                    typo = m.group().lower()
                    for _ in range(edits):
                        typo = edit(typo, rng)
                    if typo not in known:
                        break
                else:
                    continue
                if m.group()[0].isupper():
                    typo = typo[:1].upper() + typo[1:]
                new = text[: m.start()] + typo + text[m.end() :]
                total += 1
                hits = [
                    d
                    for d in findings(new, r["label"])
                    if d.span is not None and d.span[0] <= m.start() < d.span[1]
                ]
                found += bool(hits)
                # the first suggestion (what --unsafe-fixes writes) is the word the typo came from
                right = any(
                    d.edit is not None and d.edit.new.lower() == m.group().lower() for d in hits
                )
                first += right
                wrong += not right and any(d.edit is not None for d in hits)
            print(
                f"{edits}-edit typos, {where}: {found}/{total} found ({found / total:.3f}), "
                f"--unsafe-fixes writes the word {first}/{found}, another word {wrong}/{found}"
            )


if __name__ == "__main__":
    main()
