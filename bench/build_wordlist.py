"""Build ``linter/data/en_words.txt``, the English word list the spelling rules read.

Source: pyspellchecker's bundled English word-frequency dictionary
(``spellchecker/resources/en.json.gz``, MIT licence, Copyright (c) 2018-2021 Tyler Barrus).
``SpellChecker()`` takes far longer than the ~50 ms a lint run can spend on it (it builds its
own structures for all 160k words), so templint reads a plain list instead.

What the script does:

- orders the words by frequency, most frequent first (ties alphabetically), so a word's line
  number is its frequency rank, which is what spelling suggestions are ranked by;
- drops possessives ``X's`` whose ``X`` is a word (the checker strips ``'s`` itself) — that
  removes ~32k lines; contractions (``don't``, ``o'clock``) stay;
- adds British spellings next to their American form (``colour``, ``organise``,
  ``cancelled`` …): the source list is American, and templates from India, the UK and most of
  the Commonwealth use British spelling;
- adds the few standard English words of ``ADDED_AFTER`` that the source lacks (``cafe``,
  ``macchiato``), each after a word of like use.

Run from the project root:  python bench/build_wordlist.py [path/to/en.json.gz]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "en_words.txt"
SORTED = OUT.with_name("en_words.sorted")


def sorted_index(words: list[str]) -> bytes:
    """The words in UTF-8 byte order, one a line, no header: what lint binary-searches."""
    return b"".join(w + b"\n" for w in sorted({w.encode("utf-8") for w in words}))


# American stem -> British stem, applied to every word that starts with the stem
# (color -> colour, colorful -> colourful, colored -> coloured).
STEMS = {
    "color": "colour",
    "favor": "favour",
    "honor": "honour",
    "labor": "labour",
    "neighbor": "neighbour",
    "behavior": "behaviour",
    "flavor": "flavour",
    "humor": "humour",
    "rumor": "rumour",
    "harbor": "harbour",
    "endeavor": "endeavour",
    "armor": "armour",
    "odor": "odour",
    "vigor": "vigour",
    "parlor": "parlour",
    "savior": "saviour",
    "jewelry": "jewellery",
    "aluminum": "aluminium",
    "gray": "grey",
    "pajama": "pyjama",
    "defense": "defence",
    "offense": "offence",
    "mold": "mould",
    "plow": "plough",
    "skillful": "skilful",
    "judgment": "judgement",
    "acknowledgment": "acknowledgement",
    "aging": "ageing",
    "artifact": "artefact",
    "cozy": "cosy",
    "mustache": "moustache",
    "pediatric": "paediatric",
    "anemi": "anaemi",
    "anesthe": "anaesthe",
    "esthetic": "aesthetic",
    "orthopedic": "orthopaedic",
    "gynecolog": "gynaecolog",
    "hematolog": "haematolog",
    "estrogen": "oestrogen",
    "diarrhea": "diarrhoea",
    "fetus": "foetus",
    "sulfur": "sulphur",
    "sulfate": "sulphate",
    "esophag": "oesophag",
    "leukemi": "leukaemi",
    "edema": "oedema",
    "ischemi": "ischaemi",
    "dyspnea": "dyspnoea",
    "apnea": "apnoea",
    "skeptic": "sceptic",
    "savor": "savour",
}
# British forms the -our stems must not produce (humorous, vigorous, laboratory stay as they are).
NOT_BRITISH = ("ourous", "ourary", "ouratory", "ourific")
# -er -> -re: center, centers, centered, centering -> centre, centres, centred, centring.
ER_RE = (
    "center",
    "theater",
    "liter",
    "fiber",
    "meter",
    "kilometer",
    "centimeter",
    "millimeter",
    "caliber",
    "saber",
    "somber",
    "specter",
    "luster",
)
# Whole words only, where a prefix rule would make wrong forms (enrolled, programmer).
EXACT = {
    "check": "cheque",
    "checks": "cheques",
    "tire": "tyre",
    "tires": "tyres",
    "program": "programme",
    "programs": "programmes",
    "catalog": "catalogue",
    "catalogs": "catalogues",
    "dialog": "dialogue",
    "dialogs": "dialogues",
    "license": "licence",
    "licenses": "licences",
    "enroll": "enrol",
    "enrolls": "enrols",
    "enrollment": "enrolment",
    "enrollments": "enrolments",
    "fulfill": "fulfil",
    "fulfills": "fulfils",
    "fulfillment": "fulfilment",
    "installment": "instalment",
    "installments": "instalments",
    "specialty": "speciality",  # "multi-speciality hospital"
    "specialties": "specialities",
    "airplane": "aeroplane",
    "airplanes": "aeroplanes",
    "licorice": "liquorice",
    "checkbook": "chequebook",
    "checkbooks": "chequebooks",
    "curb": "kerb",
    "curbs": "kerbs",
    "curbside": "kerbside",
    "vapor": "vapour",
    "vapors": "vapours",
    # manoeuvre, not "maneuvre" (what the -er -> -re rule made of it)
    "maneuver": "manoeuvre",
    "maneuvers": "manoeuvres",
    "maneuvered": "manoeuvred",
    "maneuvering": "manoeuvring",
}
# Standard English words the source list lacks, each inserted just after the word it is keyed
# by, a word of like use whose frequency rank it takes (the rank orders spelling suggestions).
# Each is a headword of the Merriam-Webster and Oxford dictionaries. The source has 'café' and
# 'cafés' but not the unaccented 'cafe' most menus and shop messages write (TPL201 flagged
# "the cafe", suggesting 'came'); it has 'latte', 'cappuccino' and 'espresso' but not
# 'macchiato', so "Caramel Machiato" got no suggestion and "macchiato" was flagged.
ADDED_AFTER = {
    "café": ("cafe",),
    "cafés": ("cafes",),
    "cappuccino": ("macchiato",),
    "cappuccinos": ("macchiatos",),
}
# -ize/-yze forms: organize -> organise, analyze -> analyse (stem of 3+ letters, so not "size").
IZE = re.compile(r"^(?P<stem>\w{3,})(?P<z>iz|yz)(?P<end>e|es|ed|ing|ation|ations|er|ers|able)$")
# Doubled l before a suffix: canceled -> cancelled, traveler -> traveller, labeling -> labelling.
EL = re.compile(r"^(?P<stem>\w+[aeiou][lL])(?P<end>ed|er|ers|ing)$")
EL_WORDS = (
    "cancel",
    "travel",
    "label",
    "model",
    "fuel",
    "counsel",
    "signal",
    "level",
    "total",
    "dial",  # "check your balance by dialling *121#"
)


def british(word: str) -> list[str]:
    out = []
    for us, uk in STEMS.items():
        if word.startswith(us):
            out.append(uk + word[len(us) :])
    out = [w for w in out if not any(bad in w for bad in NOT_BRITISH)]
    if word in EXACT:
        out.append(EXACT[word])
    for us in ER_RE:
        stem = us[:-2] + "re"
        if word in (us, us + "s"):
            out.append(stem + word[len(us) :])
        elif word in (us + "ed", us + "ing"):
            out.append(stem[:-1] + word[len(us) :])
    m = IZE.match(word)
    if m:
        out.append(m["stem"] + ("is" if m["z"] == "iz" else "ys") + m["end"])
    m = EL.match(word)
    if m and m["stem"] in EL_WORDS:
        out.append(m["stem"] + "l" + m["end"])
    return out


def build(source: Path) -> list[str]:
    with gzip.open(source) as fh:
        freq: dict[str, int] = json.loads(fh.read())
    ordered = sorted(freq, key=lambda w: (-freq[w], w))
    known = set(freq)
    words: list[str] = []
    seen: set[str] = set()
    for word in ordered:
        if word.endswith("'s") and word[:-2] in known:
            continue
        for w in (word, *british(word), *ADDED_AFTER.get(word, ())):
            if w not in seen:
                seen.add(w)
                words.append(w)
    return words


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        source = Path(argv[0])
    else:
        try:
            import spellchecker
        except ImportError:
            print(
                "build_wordlist: needs pyspellchecker (pip install -e '.[dev]'), "
                "or give the path of its en.json.gz"
            )
            return 2
        source = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    words = build(source)
    header = [
        "# English words, most frequent first (line order = frequency rank).",
        "# Made by bench/build_wordlist.py from pyspellchecker's en.json.gz",
        "# (MIT licence, Copyright (c) 2018-2021 Tyler Barrus): possessives dropped,",
        "# British spellings added next to their American forms, and a few standard",
        "# words it lacks (cafe, macchiato) next to words of like use.",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    SORTED.write_bytes(sorted_index(words))
    print(f"{OUT}: {len(words)} words; {SORTED}: the same, in byte order")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
