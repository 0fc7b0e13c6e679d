"""Which language a template's text is in, as far as cheap evidence tells: its script, and for
Latin-script text how many of each language's commonest short words it uses.

The word lists, the scripts each language is written in and the languages that cannot be told
apart live in the rule file (``rules/format/TPL340-language-mismatch.toml``): a team adds a
language there, not here. This module only counts; ``format.language_mismatch`` decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Words are runs of letters; links, e-mail addresses and placeholders are not read (a path's
# "/es/pedido" says nothing about the language the message is written in).
_WORD = re.compile(r"[^\W\d_]+")
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
_LINKISH = re.compile(r"@|://|www\.", re.IGNORECASE)
_ASCII_WORD = re.compile(r"[a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# The first word of a letter's Unicode name, for the scripts rule files may name; a letter of
# another script is not counted (mathematical bold "letters" and the like included).
_SCRIPT_WORDS = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "ORIYA": "Odia",
    "TAMIL": "Tamil",
    "TELUGU": "Telugu",
    "KANNADA": "Kannada",
    "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala",
    "THAI": "Thai",
    "LAO": "Lao",
    "KHMER": "Khmer",
    "MYANMAR": "Myanmar",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "ETHIOPIC": "Ethiopic",
    "HANGUL": "Hangul",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "CJK": "Han",
}
_SCRIPT_OF: dict[str, str | None] = {}  # letter -> script, filled as letters are met


def _script(ch: str) -> str | None:
    if ch in _SCRIPT_OF:
        return _SCRIPT_OF[ch]
    script = None
    if ch.isalpha():
        script = _SCRIPT_WORDS.get(unicodedata.name(ch, "").split(" ", 1)[0])
    if len(_SCRIPT_OF) < 65536:
        _SCRIPT_OF[ch] = script
    return script


def readable(text: str) -> str:
    """The text without placeholders, links and e-mail addresses. (Not
    ``placeholders.mask_placeholders``: offsets need not be kept here, and this runs on every
    template that has a language, at a tenth of its cost.)"""
    if "{" in text:
        text = _PLACEHOLDER.sub(" ", text)
    if "@" in text or "://" in text or "www." in text or "WWW." in text:
        # by whitespace-separated token: a regex for links backtracks on long runs
        text = " ".join(t for t in text.split() if not _LINKISH.search(t))
    return text


def words_of(text: str) -> list[str]:
    """The text's words, casefolded (an ASCII text takes the quicker pattern)."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return _WORD.findall(text.casefold())


def scripts(text: str, words: list[str] | None = None) -> dict[str, int]:
    """Letters per script (``words``: ``words_of(text)``, when it is at hand)."""
    if words is None:
        words = words_of(text)
    letters = sum(map(len, words))
    if text.isascii():
        return {"Latin": letters} if letters else {}
    counts: dict[str, int] = {}
    for ch in _NON_ASCII.findall(text):
        script = _script(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
        if ch.isalpha():
            letters -= 1  # what is left is ASCII letters
    if letters > 0:
        counts["Latin"] = counts.get("Latin", 0) + letters
    return counts


def first_of(text: str, script: str) -> int:
    """The offset of the first letter of ``script`` in ``text`` (-1 if there is none)."""
    for i, ch in enumerate(text):
        if (ch.isascii() and ch.isalpha() and script == "Latin") or (
            not ch.isascii() and _script(ch) == script
        ):
            return i
    return -1


@dataclass(frozen=True)
class Profiles:
    """Each language's common words, as one table: word -> the languages (by position in
    ``languages``) whose list holds it. Lists may share words (Romance "de", "con")."""

    languages: tuple[str, ...]
    table: Mapping[str, tuple[int, ...]]

    @classmethod
    def build(cls, words: Mapping[str, object]) -> Profiles:
        languages = tuple(sorted(words))
        table: dict[str, tuple[int, ...]] = {}
        for i, lang in enumerate(languages):
            value = words[lang]
            listed = value.split() if isinstance(value, str) else [str(w) for w in value]  # type: ignore[attr-defined]
            for word in listed:
                key = word.casefold()
                if i not in table.get(key, ()):
                    table[key] = (*table.get(key, ()), i)
        return cls(languages, table)

    def count(self, text: str, found: list[str] | None = None) -> tuple[int, dict[str, int]]:
        """(distinct words in the text, how many of them each language's list holds).
        Distinct: a text that repeats one word ("ya", "de") is not more of that language.
        ``found``: ``words_of(text)``, when it is at hand."""
        n, hits, _ = self.matched(words_of(text) if found is None else found)
        return n, hits

    def matched(
        self, found: list[str]
    ) -> tuple[int, dict[str, int], list[tuple[str, tuple[int, ...]]]]:
        """``count``, and each listed word with the languages (by position) that list it."""
        words = set(found)
        hits: dict[str, int] = {}
        languages = self.languages
        table = self.table
        listed = [(w, table[w]) for w in words if w in table]
        for _, found_in in listed:
            for i in found_in:
                hits[languages[i]] = hits.get(languages[i], 0) + 1
        return len(words), hits, listed

    def apart(
        self,
        listed: list[tuple[str, tuple[int, ...]]],
        one: str,
        others: set[str],
        particles: frozenset[str] = frozenset(),
    ) -> tuple[int, int, int]:
        """(words only ``one``'s list has, words only ``others``' lists have, the first count
        without ``particles``): a word both sides list ("de", "que", "para" in Spanish and
        Portuguese) tells them nothing apart, and a particle ("de la", "del") is as often part
        of a name or an address ("Calle de la Luna", "Café del Sol") as of a sentence."""
        i = self.languages.index(one)
        rest = {self.languages.index(k) for k in others if k in self.languages}
        mine = theirs = core = 0
        for word, langs in listed:
            has_mine, has_theirs = i in langs, not rest.isdisjoint(langs)
            if has_mine and not has_theirs:
                mine += 1
                core += word not in particles
            theirs += has_theirs and not has_mine
        return mine, theirs, core


class Weigher:
    """For languages that share most short words (Spanish and Portuguese), which the word
    lists cannot tell apart: the share of the text's words of four letters or more that each
    language's Hunspell dictionary knows. The text reads as another language when that one's
    dictionary knows ``share`` of them and the declared one's ``gap`` fewer. (A plain class:
    a dataclass costs ~0.3 % of a one-template run to define.)"""

    __slots__ = ("dictionaries", "gap", "min_words", "share")

    def __init__(
        self, dictionaries: Mapping[str, str], share: float, gap: float, min_words: int
    ) -> None:
        self.dictionaries = dictionaries  # language -> dictionary name (TPL201's)
        self.share = share
        self.gap = gap
        self.min_words = min_words

    def __call__(self, ctx: Any, text: str, base: str) -> tuple[str, str] | None:
        if base not in self.dictionaries:
            return None
        words = {w for w in words_of(text) if len(w) >= 4 and w.isalpha()}
        if len(words) < self.min_words:
            return None
        from linter.kinds.hunspell import shared

        own = self._known(shared(ctx, self.dictionaries[base]), words)
        if own > 1 - self.gap:
            return None  # no other language can be `gap` ahead: the other dictionary stays unread
        for lang, name in self.dictionaries.items():
            if lang == base:
                continue
            other = self._known(shared(ctx, name), words)
            if other >= self.share and other - own >= self.gap:
                return ("words", lang)
        return None

    @staticmethod
    def _known(dictionary: Any, words: set[str]) -> float:
        return sum(map(dictionary.known, words)) / len(words)


@dataclass(frozen=True)
class Judge:
    """The rule's parameters, read once: ``judge`` says whether a text is in a language."""

    profiles: Profiles
    scripts: Mapping[str, list[str]]  # language -> scripts besides Latin
    alike: Mapping[str, list[str]]  # language -> languages its text may read as
    min_letters: int = 12
    min_words: int = 4
    ratio: float = 3.0
    script_share: float = 0.25
    unlisted_share: float = 0.3
    particles: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by language
    min_core: int = 2  # words of the other language that are not particles

    def judge(self, text: str, base: str) -> tuple[str, str] | None:
        """None when ``text`` (readable) may be in language ``base``; else ("script", the
        script it is mostly written in) or ("words", the language whose words it uses)."""
        return self.assess(text, base)[0]

    def assess(self, text: str, base: str) -> tuple[tuple[str, str] | None, bool]:
        """(``judge``'s verdict, whether a part of the text could still be in another
        language: some other script, or enough of another language's words to flag a
        paragraph of it). The second saves judging paragraphs of most texts."""
        found = words_of(text)
        letters = scripts(text, found)
        total = sum(letters.values())
        if total < self.min_letters:
            return None, False
        suspect = False
        if len(letters) > 1 or "Latin" not in letters:
            allowed = {"Latin", *self.scripts.get(base, ())}
            for script, n in sorted(letters.items(), key=lambda kv: -kv[1]):
                if script not in allowed:
                    if n >= self.script_share * total:
                        return ("script", script), True
                    suspect = suspect or n >= self.min_letters
        if letters.get("Latin", 0) < total / 2:
            return None, suspect
        words, hits, listed = self.profiles.matched(found)
        ok = {base, *self.alike.get(base, ())}
        others = [(n, k) for k, n in hits.items() if k not in ok]
        if not others:
            return None, suspect
        n, found = max(others)
        suspect = suspect or n >= self.min_words
        if n < self.min_words:
            return None, suspect
        # what only one side's words say, and how much of it is more than names' particles
        n, own, core = self.profiles.apart(
            listed, found, ok, self.particles.get(found, frozenset())
        )
        if n < max(self.min_words, self.ratio * own) or core < self.min_core:
            return None, suspect
        # Without a word list for the declared language its text cannot be counted: the other
        # language's words must then be a good share of all (Taglish keeps some English words).
        if base not in self.profiles.languages and n < self.unlisted_share * words:
            return None, suspect
        return ("words", found), True

    def users(self, script: str) -> list[str]:
        """The languages written in ``script`` (as the rule lists them)."""
        return [k for k, v in self.scripts.items() if script in v]
