"""Build ``linter/data/hunspell/``: the Spanish, Portuguese and French dictionaries the
spelling rule (TPL201) reads for templates in those languages.

Source: the Hunspell dictionaries of LibreOffice, as Debian packages them (``hunspell-es``,
``hunspell-pt-br``, ``hunspell-pt-pt``, version 1:7.5.0-1, in ``/usr/share/hunspell``):

- ``es_ES``: Santiago Bosio's RLA-ES Spanish dictionary (GPL-3+ or LGPL-3+ or MPL-1.1+; the
  generic one, with Latin American vocabulary: ``celular``, ``computadora``);
- ``pt_BR``: VERO 3.2, (c) 2006-2013 Raimundo Santos Moura (LGPL-3 or MPL);
- ``pt_PT``: European Portuguese (post-1990 spelling), (c) 2006-2012 José João de Almeida,
  Rui Vilela, Alberto Simões, Universidade do Minho (GPL-2 or LGPL-2.1 or MPL-1.1);
- ``fr_FR``: Dicollecte's "classique" French dictionary 7.0 (Grammalecte), (c) 2007-2018
  Dicollecte contributors (MPL-2.0), as Debian packages it in ``hunspell-fr-classical``
  1:7.0-1 (``fr.aff`` and ``fr.dic``, linked as ``fr_FR.aff`` and ``fr_FR.dic``). Its
  entries carry morphological fields (``po:adj is:mas``), dropped like the others'.

What the script writes, per dictionary:

- ``<name>.aff``: the affix file, copied unchanged (the rules lint applies);
- ``<name>.stems``: the ``.dic`` file's entries as ``stem<TAB>flags``, in UTF-8 byte order of
  the stem, homonyms merged into one line (their flag sets separated by spaces), morphological
  fields dropped. Lint binary-searches it memory-mapped, as it does the English list, instead
  of reading 312k entries on every cold start.

Run from the project root (after ``apt-get install hunspell-es hunspell-pt-br hunspell-pt-pt
hunspell-fr-classical``; a folder lacking some of them builds the others):
    python bench/build_hunspell.py [/usr/share/hunspell]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from linter.kinds.hunspell import write_stems

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "hunspell"
NAMES = ("es_ES", "pt_BR", "pt_PT", "fr_FR")


def build(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        if not (source / f"{name}.dic").is_file():
            print(f"{name}: no {source / name}.dic, left as it is")
            continue
        count = write_stems(source / f"{name}.dic", OUT / f"{name}.stems")
        shutil.copyfile(source / f"{name}.aff", OUT / f"{name}.aff")
        print(f"{name}: {count:,} stems -> {OUT / name}.stems")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/hunspell"))
