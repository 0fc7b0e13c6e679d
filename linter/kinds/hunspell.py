"""Hunspell dictionaries read in Python: a word is known when it is a stem of the ``.dic``, or a
stem with prefixes and suffixes the ``.aff`` allows. Enough of Hunspell for Spanish, Brazilian
and European Portuguese and French (``linter/data/hunspell/``, built by
``bench/build_hunspell.py``):

- ``PFX`` / ``SFX`` with strip, add and condition; prefix and suffix together where both allow
  cross products or the suffix's continuation class names the prefix; two suffixes where the
  inner one's continuation class names the outer;
- ``FORBIDDENWORD``, ``NEEDAFFIX`` and ``ONLYINCOMPOUND`` (an entry that is no word alone);
- ``FULLSTRIP``: an affix may replace the whole word (French "est" is 'être' with its suffix
  that strips "être" and adds "est", and "c'est" that with the prefix "c'" the suffix allows);
- ``FLAG`` as single characters (UTF-8), ``long`` (two) or ``num``;
- for suggestions, ``MAP`` (letters that differ by an accent), ``REP`` (common misspellings)
  and ``TRY`` (the letters of one-letter edits).

``ICONV`` (input conversions: French ’ read as ') is applied before a check. Compounding,
``CIRCUMFIX``, ``KEEPCASE``, ``BREAK``, ``OCONV`` and morphology are not read: the shipped
dictionaries do not need them to check a word (the French one declares ``CIRCUMFIX`` and uses
it on no affix; the spelling check splits hyphenated words itself, as ``BREAK -`` does).
``bench/hunspell_agreement.py`` measures agreement with the real Hunspell.

No third-party code: ``pip install hunspell`` needs a C library and compiler, and the pure-Python
port takes seconds to load a dictionary; this reads the stems memory-mapped, like the English
list, and the affix file (~10 ms for Spanish, ~50 ms for Brazilian Portuguese) only when a
template in its language is linted.
"""

from __future__ import annotations

import mmap
import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from linter.kinds.spelling import common_slip
from linter.paths import HUNSPELL_DIR

# Object pronouns a language writes as a verb's suffix (Portuguese hyphenates them: enviá-lo,
# which the dictionary's own suffixes cover). Longest first, so "los" is tried before "lo".
CLITICS: dict[str, tuple[str, ...]] = {
    # ("os" is left out: vosotros forms are rare in templates, and "califícasos" would pass)
    "es_ES": ("nos", "los", "las", "les", "me", "te", "se", "lo", "la", "le"),
}
# Affix flags added to a dictionary's stems: verbs that Latin American Spanish prefixes with
# "re-" (flag p of es_ES.aff) where the dictionary does not allow it (reagendar, reprogramar:
# an appointment message's "para reagendarla"), with every form the stem's own suffixes make.
EXTRA_FLAGS: dict[str, dict[str, str]] = {
    "es_ES": {"agendar": "p", "programar": "p", "programación": "p"}
}
# Stems a dictionary lacks, each read as the stem named beside it, which takes the same endings
# (a regular verb of the same conjugation): banking verbs of the DLE that RLA-ES leaves out, so
# that every form of them is known (Argentina's "se debitará de tu cuenta", "debitaríamos",
# "debitándole"), not one form at a time. Adjectives of the DLE in -rio, -ria that it lacks, read
# as one in -rio it has, in their four forms: 'moratorio' (RLA-ES lists only the noun
# 'moratoria', so "cargos moratorios" was a slip of 'moratorias') and 'tarifario' ("el cuadro
# tarifario") and 'punitorio' (DLE: Arg., Par., Ur.; "intereses punitorios", the late-payment
# interest of Argentine banking and law, which RLA-ES lacks in every form). Its other feminine
# stems in -oria, -aria without their masculine are nouns. A noun of the DLE it lacks, read as
# one it has: 'glucómetro' as 'termómetro' ("trae tu glucómetro" before a diabetes check-up).
EXTRA_STEMS: dict[str, dict[str, str]] = {
    "es_ES": {
        "debitar": "acreditar",
        "refinanciar": "financiar",
        "bancarizar": "autorizar",
        "moratorio": "obligatorio",
        "tarifario": "arancelario",
        "punitorio": "obligatorio",
        "glucómetro": "termómetro",
    }
}
# Adverbs in -mente: Spanish makes one from any adjective's feminine singular (RAE, Nueva
# gramática §7.14: rápida → rápidamente, previsible → previsiblemente), and RLA-ES lists only
# some 1,900 of them one by one (it has 'presumiblemente', not 'previsiblemente'). Per
# dictionary, the suffix and the flag that makes an adjective's feminine (es_ES.aff's G: exacto →
# exacta); see ``HunspellDictionary._adverb`` for the bases read as adjectives.
ADVERBS: dict[str, tuple[str, str]] = {"es_ES": ("mente", "G")}
# Adjective endings of one form for both genders, made by the dictionary's verb suffixes rather
# than listed as stems (considerable, sorprendente); and feminine participles and -ista
# adjectives, which take no G flag (anticipada, egoísta).
_ADVERB_BASES = ("ble", "ante", "ente")
_ADVERB_FEMININE = ("ada", "ida", "ista")
# Voseo, the "vos" of Argentina, Uruguay, Paraguay and Central America: its present and
# imperative are made regularly from the infinitive (podés, pagás, escribís; mirá, hacé, viví;
# with one pronoun the imperative loses its accent: llamanos, escribinos, decime; with two it
# keeps it: decímelo), and the dictionary lists none of them. Per dictionary, the irregular forms
# (vos sos); which template languages use it is the spelling rule's parameter ``voseo``.
VOSEO: dict[str, frozenset[str]] = {"es_ES": frozenset({"sos"})}
_VOS_PRESENT = {"ás": "ar", "és": "er", "ís": "ir"}
_VOS_IMPERATIVE = {"á": "ar", "é": "er", "í": "ir"}
_PLAIN_VOWEL = {"a": "ar", "e": "er", "i": "ir"}
# Letters a writer drops along with accents, for suggestions as MAP groups are: a keyboard
# without ñ writes "contrasena" (the Spanish file's MAP has only the vowels).
EXTRA_MAP: dict[str, tuple[str, ...]] = {"es_ES": ("nñ",)}
# Elided words a language writes before a vowel or a mute h with an apostrophe (l'adresse,
# qu'elle, jusqu'à), longest first. The dictionary's own prefixes read them with the word they
# elide onto; the spelling check also reads the word after one alone when the two together are
# unknown, so that a loanword or a name keeps its elision ("l'app", "d'Amazon") and a typo is
# reported without it ("l'aplication": 'aplication').
ELISIONS: dict[str, tuple[str, ...]] = {
    "fr_FR": tuple("quoiqu' lorsqu' puisqu' jusqu' presqu' qu' l' d' j' m' n' s' t' c' ç'".split())
}
_BLOCK = 2048  # bytes of the stems file a lookup searches after its bisection
_MEMO = 200_000  # stem lookups remembered (a batch's words lead to far fewer roots)
_UNSEEN = object()
_MAX_SUGGEST_LEN = 30


@dataclass(frozen=True, slots=True)
class Affix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str] | None  # matched against the root's end (SFX) or start (PFX)
    width: int  # characters the condition spans
    cross: bool
    contclass: frozenset[str]


@cache  # a few hundred distinct conditions among 26k affixes
def _condition(text: str) -> tuple[re.Pattern[str] | None, int]:
    """Hunspell's condition (letters, ``.``, ``[abc]``, ``[^abc]``; one character each) as a
    pattern for the ``width`` characters at the root's end or start."""
    if text == ".":
        return None, 0
    parts: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "[":
            j = text.find("]", i + 1)
            if j < 0:
                raise ValueError(f"unclosed [ in affix condition {text!r}")
            body = text[i + 1 : j]
            negate = body.startswith("^")
            chars = "".join(re.escape(ch) for ch in (body[1:] if negate else body))
            parts.append(f"[{'^' if negate else ''}{chars}]")
            i = j + 1
        else:
            parts.append("." if c == "." else re.escape(c))
            i += 1
    return re.compile("".join(parts)), len(parts)


class _Stems:
    """``stem<TAB>flags[ flags…]`` lines in byte order of the stem, memory-mapped. A sparse
    index (the first stem after every ``_BLOCK`` bytes, ~2,200 for Portuguese, built in ~2 ms)
    finds a lookup's block by bisection; one ``find`` in the block does the rest: ~2 us a
    lookup, where a binary search over lines took ~20 us and a dict of every stem ~40 MB."""

    def __init__(self, path: Path, encoding: str = "utf-8") -> None:
        self.path = path  # a .stems file, or a .dic one (read into memory)
        self.encoding = encoding  # of a .dic file: its affix file's SET
        self._map: bytes | mmap.mmap | None = None
        self._keys: list[bytes] = []  # the first stem of each block
        self._starts: list[int] = []  # where each block starts, and the file's end
        # Affixes of one word lead to the same roots again and again (~2.5 lookups a root
        # when suggesting).
        self._memo: dict[str, tuple[str, ...] | None] = {}

    def _data(self) -> bytes | mmap.mmap:
        if self._map is None and self.path.suffix == ".dic":
            # A team's own dictionary: read once into the same form, in memory (~0.1 s for
            # 80k entries), rather than writing a sorted copy somewhere.
            found = read_dic(self.path, self.encoding)
            order = sorted(found, key=lambda s: s.encode("utf-8"))
            self._map = "".join(f"{s}\t{' '.join(found[s])}\n" for s in order).encode("utf-8")
            self._index(self._map)
        if self._map is None:
            with self.path.open("rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
            self._index(self._map)
        return self._map

    def _index(self, data: bytes | mmap.mmap) -> None:
        pos = 0
        while pos < len(data):
            self._keys.append(data[pos : data.find(b"\t", pos)])
            self._starts.append(pos)
            nxt = data.find(b"\n", pos + _BLOCK)
            pos = len(data) if nxt == -1 else nxt + 1
        self._starts.append(len(data))

    def get(self, stem: str) -> tuple[str, ...] | None:
        """The flag sets of the stem's entries, or None."""
        found = self._memo.get(stem, _UNSEEN)
        if found is _UNSEEN:
            found = self._search(stem)
            if len(self._memo) >= _MEMO:
                self._memo.clear()
            self._memo[stem] = found
        return found  # type: ignore[return-value]

    def _search(self, stem: str) -> tuple[str, ...] | None:
        key = stem.encode("utf-8", "surrogatepass")
        if not key or b"\n" in key or b"\t" in key:
            return None
        data = self._data()
        i = bisect_right(self._keys, key) - 1
        if i < 0:
            return None
        if self._keys[i] == key:
            line = self._starts[i]
        else:
            at = data.find(b"\n" + key + b"\t", self._starts[i], self._starts[i + 1])
            if at < 0:
                return None
            line = at + 1
        tab = line + len(key)
        end = data.find(b"\n", tab)
        return tuple(data[tab + 1 : end if end >= 0 else len(data)].decode("utf-8").split(" "))


class HunspellDictionary:
    """A Hunspell dictionary: ``word in d`` and ``d.suggest(word)``, the interface the spelling
    check uses for its English list too."""

    hyphenated = True  # check a hyphenated chunk whole first: Portuguese "enviá-lo"

    def __init__(self, aff: Path, stems: Path) -> None:
        self.name = aff.stem
        self._flag_mode = "char"
        self.encoding = "utf-8"
        self.forbidden = self.needaffix = self.onlyincompound = self.nosuggest = ""
        self._fullstrip = False
        self._flag_sets: dict[str, frozenset[str]] = {}
        # "SFX"/"PFX" -> what an affix adds -> (flag, strip, continuation, condition, cross)
        self._raw: dict[str, dict[str, list[tuple[str, str, str, str, bool]]]] = {
            "SFX": {},
            "PFX": {},
        }
        self._built: dict[str, dict[str, list[Affix]]] = {"SFX": {}, "PFX": {}}
        self.rep: list[tuple[str, str]] = []
        self.map: list[str] = []
        self.iconv: list[tuple[str, str]] = []  # input conversions, applied before a check
        self.try_chars = ""
        self._inner_of: dict[str, list[Affix]] = {}  # outer suffix flag -> suffixes it follows
        self._max_prefix = 0
        self._max_suffix = 0
        self._clitics = CLITICS.get(self.name, ())
        self.elisions = ELISIONS.get(self.name, ())
        self.map.extend(EXTRA_MAP.get(self.name, ()))
        self._extra_flags = EXTRA_FLAGS.get(self.name, {})
        self._extra_stems = EXTRA_STEMS.get(self.name, {})
        self._adverbs = ADVERBS.get(self.name)
        self._read_aff(aff)
        self._stems = _Stems(stems, self.encoding)
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}

    @classmethod
    def load(cls, name: str, folder: Path = HUNSPELL_DIR) -> HunspellDictionary:
        """A dictionary of ``folder`` by name: ``name.aff`` with ``name.stems``, else
        ``name.dic``."""
        stems = folder / f"{name}.stems"
        return cls(folder / f"{name}.aff", stems if stems.is_file() else stems.with_suffix(".dic"))

    # --- the affix file ---------------------------------------------------------------------

    def flags(self, text: str) -> frozenset[str]:
        found = self._flag_sets.get(text)
        if found is None:  # a few hundred distinct ones (French: "L'D'Q'" on 2,000 affixes)
            if self._flag_mode == "long":
                found = frozenset(text[i : i + 2] for i in range(0, len(text) - 1, 2))
            elif self._flag_mode == "num":
                found = frozenset(f for f in text.split(",") if f)
            else:
                found = frozenset(text)
            self._flag_sets[text] = found
        return found

    def _read_aff(self, path: Path) -> None:
        """Directives, and the affix lines grouped by what they add, parsed into ``Affix``
        only when a word ends (or starts) with that: a run meets a few dozen of the
        Brazilian file's 26k affixes, and parsing them all took ~75 ms."""
        try:
            raw = path.read_bytes()
            found = re.search(rb"^SET[ \t]+(\S+)", raw.lstrip(b"\xef\xbb\xbf"), re.M)
            self.encoding = _codec(found.group(1).decode("ascii") if found else "UTF-8")
            text = raw.decode(self.encoding).lstrip("\ufeff")
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"{path}: cannot read the affix file: {exc}") from None
        self._fullstrip = re.search(r"^FULLSTRIP\b", text, re.M) is not None
        for key, first, second in _DIRECTIVE.findall(text):
            if key == "FLAG":
                self._flag_mode = {"UTF-8": "char", "long": "long", "num": "num"}.get(first, "char")
            elif key == "TRY":
                self.try_chars = first
            elif key == "REP":
                if second:  # the first REP line is the count
                    self.rep.append((first.replace("_", " "), second.replace("_", " ")))
            elif key == "MAP":
                if not first.isdigit():
                    self.map.append(first)
            elif key == "ICONV":
                if second:  # French: ’ and ʼ are read as ', ligatures as their letters
                    self.iconv.append((first, second))
            else:
                setattr(self, "forbidden" if key == "FORBIDDENWORD" else key.lower(), first)
        headers: dict[tuple[str, str], bool] = {}
        continued: set[str] = set()
        for key, flag, a, b, condition in _AFFIX.findall(text):
            cross = headers.get((key, flag))
            if cross is None:  # "SFX A Y 14": cross products allowed, 14 lines follow
                headers[(key, flag)] = a == "Y"
                continue
            add, _, cont = b.partition("/")
            add = "" if add == "0" else add
            entry = (flag, "" if a == "0" else a, cont, condition or ".", cross)
            self._raw[key].setdefault(add, []).append(entry)
            if cont and key == "SFX":
                continued.add(add)
        self._max_suffix = max(map(len, self._raw["SFX"]), default=0)
        self._max_prefix = max(map(len, self._raw["PFX"]), default=0)
        # suffixes whose continuation class names a suffix (not only prefixes, as French
        # elisions are: "L'D'Q'" on 2,000 of its suffixes)
        suffixes = {flag for key, flag in headers if key == "SFX"}
        for add in continued:
            if not any(
                self.flags(cont) & suffixes for _, _, cont, _, _ in self._raw["SFX"][add] if cont
            ):
                continue
            for a in self._affixes("SFX", add):
                for outer in a.contclass:
                    self._inner_of.setdefault(outer, []).append(a)

    def _affixes(self, key: str, add: str) -> list[Affix]:
        built = self._built[key].get(add)
        if built is None:
            built = [
                Affix(flag, strip, add, *_condition(condition), cross, self.flags(cont))
                for flag, strip, cont, condition, cross in self._raw[key].get(add, ())
            ]
            self._built[key][add] = built
        return built

    # --- checking ---------------------------------------------------------------------------

    def _entries(self, stem: str) -> Iterator[frozenset[str]]:
        found = self._stems.get(stem)
        if found is None and stem in self._extra_stems:
            found = self._stems.get(self._extra_stems[stem])
        extra = self._extra_flags.get(stem) if found else None
        for flags in found or ():
            have = frozenset() if flags == "-" else self.flags(flags)
            yield have | self.flags(extra) if extra else have

    def _stem_alone(self, stem: str) -> bool:
        return any(
            not ({self.forbidden, self.needaffix, self.onlyincompound} & flags)
            for flags in self._entries(stem)
        )

    def _stem_with(self, stem: str, *needed: str) -> bool:
        return any(
            self.forbidden not in flags
            and self.onlyincompound not in flags
            and all(f in flags for f in needed)
            for flags in self._entries(stem)
        )

    def _forbidden(self, word: str) -> bool:
        return bool(self.forbidden) and any(self.forbidden in f for f in self._entries(word))

    def _suffix_roots(self, word: str) -> Iterator[tuple[str, Affix]]:
        """(root, suffix) for every suffix the word may end with and whose condition holds."""
        n = len(word)
        # FULLSTRIP: an affix may take the whole word (French "est" is 'être' less "être"
        # plus "est"); otherwise a letter of the root stays
        for k in range(min(n - (not self._fullstrip), self._max_suffix), -1, -1):
            for a in self._affixes("SFX", word[n - k :]):
                root = word[: n - k] + a.strip
                if a.condition is None or (
                    len(root) >= a.width and a.condition.fullmatch(root, len(root) - a.width)
                ):
                    yield root, a

    def _prefix_roots(self, word: str) -> Iterator[tuple[str, Affix]]:
        for k in range(1, min(len(word) - (not self._fullstrip), self._max_prefix) + 1):
            for a in self._affixes("PFX", word[:k]):
                root = a.strip + word[k:]
                if a.condition is None or (
                    len(root) >= a.width and a.condition.match(root, 0, a.width)
                ):
                    yield root, a

    def _check(self, word: str) -> bool:
        if self._stem_alone(word):
            return True
        if self._forbidden(word):
            return False
        for root, a in self._suffix_roots(word):
            if self._stem_with(root, a.flag):
                return True
            # two suffixes: root + inner + a, where the inner suffix's class names a
            for inner in self._inner_of.get(a.flag, ()):
                if root.endswith(inner.add):
                    base = root[: len(root) - len(inner.add)] + inner.strip
                    if (
                        base
                        and (
                            inner.condition is None
                            or (
                                len(base) >= inner.width
                                and inner.condition.fullmatch(base, len(base) - inner.width)
                            )
                        )
                        and self._stem_with(base, inner.flag)
                    ):
                        return True
        for root, p in self._prefix_roots(word):
            if self._stem_with(root, p.flag):
                return True
            for base, s in self._suffix_roots(root):
                # both on the stem where both allow it, or the prefix allowed by the suffix's
                # continuation class (French "l'" on "adresse" + its singular suffix)
                if (p.cross and s.cross and self._stem_with(base, p.flag, s.flag)) or (
                    p.flag in s.contclass and self._stem_with(base, s.flag)
                ):
                    return True
        return False

    def _with_clitics(self, word: str) -> bool:
        """Spanish verbs take their object pronouns as suffixes, adding an accent to keep the
        stress: cancélala, escríbenos, envíaselo, enviándole, dímelo. The dictionary lists few
        of them (Hunspell itself rejects "cancélala"): the verb form without the pronouns and
        that accent is checked instead, where the accent stands where the pronouns put it."""
        for clitic in self._clitics:
            if not word.endswith(clitic):
                continue
            base = word[: -len(clitic)]
            splits = [(base, 1)] + [
                (base[: -len(second)], 2) for second in self._clitics if base.endswith(second)
            ]
            for verb, clitics in splits:
                if len(verb) < 2:
                    continue
                if clitics == 1 and verb.endswith(("ar", "er", "ir")) and self._check(verb):
                    return True  # an infinitive keeps its stress with one: cancelarla
                if _stress_kept(verb, clitics) and self._check(_accent_dropped(verb)):
                    return True
        return False

    def _adverb(self, word: str) -> bool:
        """An adverb in -mente (``ADVERBS``) made from an adjective the dictionary knows: its
        feminine made by the gender flag (rápida, inexacta: not "practica", a verb form of
        'practicar' beside the stem 'práctico'), a feminine participle or -ista adjective
        (anticipada), or an adjective of one form for both genders, listed as a stem (previsible,
        fácil, feliz, común, imprevisible with its prefix) or ending in -ble, -ante, -ente
        (considerable). Not from a masculine (rápidomente) nor from a noun or verb form in -a."""
        suffix, gender = self._adverbs or ("", "")
        base = word[: -len(suffix)] if suffix and word.endswith(suffix) else ""
        if len(base) < 3:
            return False
        if base.endswith("a"):
            if base.endswith(_ADVERB_FEMININE) and self._check(base):
                return True
            for root, a in self._suffix_roots(base):
                if a.flag == gender and self._stem_with(root, gender):
                    return True
            return any(
                s.flag == gender and p.cross and s.cross and self._stem_with(r, p.flag, s.flag)
                for root, p in self._prefix_roots(base)
                for r, s in self._suffix_roots(root)
            )
        if base.endswith("o"):
            return False
        if self._stem_alone(base) or (base.endswith(_ADVERB_BASES) and self._check(base)):
            return True
        return any(self._stem_with(root, p.flag) for root, p in self._prefix_roots(base))

    def voseo(self, word: str) -> bool:
        """Whether ``word`` is a voseo form of a verb the dictionary knows (``VOSEO``): podés
        (poder), pagás, escribís; mirá, hacé, viví; llamanos, escribinos, decime; decímelo."""
        irregular = VOSEO.get(self.name)
        if irregular is None:
            return False
        word = word.lower()
        if word in irregular:
            return True

        def verb(stem: str, ending: str) -> bool:
            return len(stem) >= 2 and self.known(stem + ending)

        if word[-2:] in _VOS_PRESENT and verb(word[:-2], _VOS_PRESENT[word[-2:]]):
            return True
        if word[-1:] in _VOS_IMPERATIVE and verb(word[:-1], _VOS_IMPERATIVE[word[-1]]):
            return True
        for clitic in self._clitics:
            if not word.endswith(clitic):
                continue
            base = word[: -len(clitic)]
            # one pronoun: the imperative without its accent (llama-nos, escribi-nos, deci-me)
            if base[-1:] in _PLAIN_VOWEL and verb(base[:-1], _PLAIN_VOWEL[base[-1]]):
                return True
            # two: the accent kept (decí-me-lo, mandá-se-lo)
            for second in self._clitics:
                rest = base[: -len(second)]
                if (
                    base.endswith(second)
                    and rest[-1:] in _VOS_IMPERATIVE
                    and verb(rest[:-1], _VOS_IMPERATIVE[rest[-1]])
                ):
                    return True
        return False

    def known(self, word: str) -> bool:
        """Whether Hunspell would accept the word as written, or capitalised: lint hands over
        lower case, and a name may start a sentence (Hunspell itself rejects "bogotá")."""
        found = self._known.get(word)
        if found is None:
            for old, new in self.iconv:
                word = word.replace(old, new)
            found = self._check(word) or (
                word[:1].islower() and self._check(word[:1].upper() + word[1:])
            )
            if word.isupper() and len(word) > 1 and not found:
                found = self._check(word.lower()) or self._check(word.capitalize())
            if not found and self._clitics:
                found = self._with_clitics(word.lower())
            if not found and self._adverbs:
                found = self._adverb(word.lower())
            if len(self._known) > 50_000:
                self._known.clear()
            self._known[word] = found
        return found

    def __contains__(self, word: str) -> bool:
        return self.known(word)

    def common(self) -> frozenset[str]:
        """No frequency list: short words do not count toward telling the language apart."""
        return frozenset()

    # --- suggestions ------------------------------------------------------------------------

    def _map_variants(self, word: str) -> Iterator[str]:
        """The word with one or two letters swapped for another of their MAP group (an accent
        added, dropped or changed: voce → você, informacoes → informações)."""
        groups = {c: g for g in self.map for c in g}
        spots = [i for i, c in enumerate(word) if c in groups]
        for x, i in enumerate(spots):
            for c in groups[word[i]]:
                if c == word[i] or c.isupper() != word[i].isupper():
                    continue
                once = word[:i] + c + word[i + 1 :]
                yield once
                for j in spots[x + 1 :]:
                    for d in groups[word[j]]:
                        if d != word[j] and d.isupper() == word[j].isupper():
                            yield once[:j] + d + once[j + 1 :]

    def _rep_variants(self, word: str) -> Iterator[str]:
        for old, new in self.rep:
            at_start, at_end = old.startswith("^"), old.endswith("$")
            core = old.strip("^$")
            if not core:
                continue
            if at_start and at_end:
                if word == core:
                    yield new
            elif at_start:
                if word.startswith(core):
                    yield new + word[len(core) :]
            elif at_end:
                if word.endswith(core):
                    yield word[: len(word) - len(core)] + new
            else:
                i = word.find(core)
                while i >= 0:
                    yield word[:i] + new + word[i + len(core) :]
                    i = word.find(core, i + 1)

    def _edits(self, word: str) -> Iterator[str]:
        # TRY's unaccented letters: an accent is MAP's business, and each letter more here
        # costs ~2 x len(word) checks.
        letters = "".join(c for c in self.try_chars if c.islower() and c.isascii()) or (
            "abcdefghijklmnopqrstuvwxyz"
        )
        n = len(word)
        for i in range(n):
            yield word[:i] + word[i + 1 :]
        for i in range(n - 1):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(n):
            for c in letters:
                if c != word[i]:
                    yield word[:i] + c + word[i + 1 :]
        for i in range(n + 1):
            for c in letters:
                yield word[:i] + c + word[i:]

    def _acceptable(self, candidate: str) -> bool:
        if " " in candidate:
            return all(self._acceptable(part) for part in candidate.split(" ") if part)
        return (
            bool(candidate)
            and self.known(candidate)
            and not (self.nosuggest and any(self.nosuggest in f for f in self._entries(candidate)))
        )

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Accent fixes, the affix file's common misspellings, and one-letter edits unless
        those found three. Ranked: an accent fix first (the commonest slip in both
        languages), then by how much of the word's start and end a candidate keeps. Listed:
        the first, and the others only as close as it (``_tier``): 'voce' → 'você', not also
        'boce' or 'coce'; 'informacoes' → 'informações', not also 'informa coes'."""
        cached = self._suggestions.get(word)
        if cached is None:
            found = self._candidates(word) if len(word) <= _MAX_SUGGEST_LEN else []
            cached = [c for c in found if _tier(word, c) == _tier(word, found[0])] if found else []
            if len(self._suggestions) > 5_000:
                self._suggestions.clear()
            self._suggestions[word] = cached
        return cached[:limit]

    def best_guess(self, word: str, capitalised: bool = False) -> str | None:
        """The suggestion ``--unsafe-fixes`` may write, or None. The first, if it is one word
        keeping the first letter (accents aside) and: an accent fix (the ranking's choice
        between two: 'número' before the past tense 'numeró'), one of the affix file's common
        misspellings ('grasias' → 'gracias'), or an edit no other suggestion is as close as.
        (``capitalised`` is English's: a Hunspell dictionary keeps its names' case.)"""
        found = self.suggest(word, 2)
        if not found or " " in found[0]:
            return None
        best = found[0]
        if _unaccented(best[:1]) != _unaccented(word[:1]):
            return None
        if _unaccented(best) == _unaccented(word) or best in set(self._rep_variants(word)):
            return best
        return best if len(found) == 1 else None

    def _candidates(self, word: str) -> list[str]:
        found = [
            c
            for c in dict.fromkeys([*self._map_variants(word), *self._rep_variants(word)])
            if c != word and c == c.strip() and self._acceptable(c)
        ]
        if sum(" " not in c for c in found) < 3:  # "agenda meto" is a poor "agendameto" fix
            found += [
                c
                for c in dict.fromkeys(self._edits(word))
                if c not in found and self._acceptable(c)
            ]
        bare = _unaccented(word)
        found.sort(
            key=lambda c: (
                " " in c,
                _unaccented(c) != bare,
                not common_slip(word, c),
                -_kept(word, c),
                # between accent fixes, the accent before the last vowel: Spanish "envío",
                # "número" (nouns) before "envió", "numeró" (a past tense)
                _first_difference(word, c) if _unaccented(c) == bare else 0,
                abs(len(c) - len(word)),
                c,
            )
        )
        return found[:5]

    def near(self, word: str) -> bool:
        """Whether a known word is one accent or one edit away: a typo more likely than a name."""
        return bool(self.suggest(word, 1))


def _codec(name: str) -> str:
    """Python's codec for an affix file's SET: UTF-8, ISO8859-1 … and "microsoft-cp1251"."""
    import codecs

    name = name.lower().removeprefix("microsoft-")
    return codecs.lookup(name).name


_ACUTE = str.maketrans("áéíóú", "aeiou")


def _accent_dropped(text: str) -> str:
    """The word with its acute accents taken off (one at most, in a Spanish verb form)."""
    return text.translate(_ACUTE)


_DIRECTIVE = re.compile(
    r"^(FLAG|TRY|REP|MAP|ICONV|FORBIDDENWORD|NEEDAFFIX|ONLYINCOMPOUND|NOSUGGEST)[ \t]+(\S+)"
    r"(?:[ \t]+(\S+))?",
    re.M,
)
# "SFX flag Y count" (a header), or "SFX flag strip add[/classes] [condition]"
_AFFIX = re.compile(r"^(PFX|SFX)[ \t]+(\S+)[ \t]+(\S+)[ \t]+(\S+)(?:[ \t]+([^\s#]+))?", re.M)
_VOWELS = frozenset("aeiouáéíóúü")


def _stress_kept(verb: str, clitics: int) -> bool:
    """Whether ``verb`` has the one acute accent its pronouns call for: on its next-to-last
    vowel (cancé-la-la, envía-se-lo, enviándo-le), or, with two pronouns, on a one-vowel verb
    (dí-me-lo) or an infinitive's last (decír-se-lo)."""
    accented = [i for i, c in enumerate(verb) if c in "áéíóú"]
    if len(accented) != 1:
        return False
    vowels = [i for i, c in enumerate(verb) if c in _VOWELS]
    if len(vowels) == 1:
        return clitics == 2
    if vowels[-2] == accented[0]:
        return True
    return clitics == 2 and vowels[-1] == accented[0] and verb.endswith(("ár", "ér", "ír"))


def _unaccented(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tier(word: str, candidate: str) -> tuple[bool, bool, bool, int]:
    """How close a candidate is, as its suggestions are ranked: one word before a split, an
    accent fix before any other, a common slip before other edits (French "abonement" is
    'abonnement' before 'abondement', "garrage" 'garage' before 'barrage'), then the characters
    it keeps of the word's start and end."""
    return (
        " " in candidate,
        _unaccented(candidate) != _unaccented(word),
        not common_slip(word, candidate),
        _kept(word, candidate),
    )


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))


def _kept(a: str, b: str) -> int:
    """Characters of ``a`` that ``b`` keeps at its start and end (a shared prefix and suffix
    that do not overlap): 'recebemos' keeps 8 of 'recebmos', 'receemos' 7."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head + tail


def shared(ctx: Any, name: str) -> HunspellDictionary:
    """The run's one copy of a dictionary the config names (TPL201 spells with it, TPL340
    weighs languages with it): read once, its checks remembered for both."""
    from linter.paths import find_dictionary

    def build() -> HunspellDictionary:
        found = find_dictionary(name, ctx.config.source)
        if found is None:
            raise ValueError(f"no dictionary {name!r}")  # the rules check names first
        return HunspellDictionary(*found)

    return ctx.shared(f"hunspell.{name}", build)


def read_dic(dic: Path, encoding: str = "utf-8") -> dict[str, list[str]]:
    """A ``.dic`` file's entries: stem -> the flag strings of its homonyms (``-`` for none),
    morphological fields dropped."""
    try:
        lines = dic.read_text(encoding=encoding).lstrip("\ufeff").splitlines()
    except (OSError, UnicodeDecodeError, LookupError) as exc:
        raise ValueError(f"{dic}: cannot read the dictionary: {exc}") from None
    found: dict[str, list[str]] = {}
    for line in lines[1:]:  # the first line is the entry count
        entry = line.split("\t")[0].split(" ")[0].strip()
        cut = entry.replace("\\/", "\0\0").find("/")  # "\/" is a slash in the stem
        stem, flags = (entry, "") if cut < 0 else (entry[:cut], entry[cut + 1 :])
        stem, flags = stem.replace("\\/", "/"), flags or "-"
        if stem and flags not in found.setdefault(stem, []):
            found[stem].append(flags)
    return found


def write_stems(dic: Path, out: Path) -> int:
    """Write a ``.dic`` file's entries as the ``.stems`` file lint reads: ``stem<TAB>flags``
    in UTF-8 byte order of the stem, homonyms on one line (their flag sets separated by
    spaces). Returns the number of stems."""
    found = read_dic(dic)
    order = sorted(found, key=lambda s: s.encode("utf-8"))
    out.write_text("".join(f"{s}\t{' '.join(found[s])}\n" for s in order), encoding="utf-8")
    return len(order)


__all__ = ["HUNSPELL_DIR", "HunspellDictionary", "read_dic", "shared", "write_stems"]
