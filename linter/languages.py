"""Meta's template language codes: whether a code is one of them, and which one a code that is
not was meant to be.

The codes and the common mistakes are data, TPL302's parameters (``languages``,
``extra-languages`` and ``aliases`` in ``rules/format/TPL302-language-code.toml``): the rule
reads them for templates, and the configuration check (``rulebook.check_settings``) for
``--language``, ``default-language`` and ``[per-file]`` languages, so all three accept the same
codes. A code is taken to mean one listed code only when nothing else is possible: a different
form of it (``en-us``, ``EN_us`` → ``en_US``), an alias the rule file names (``en_UK`` →
``en_GB``, ``eng`` → ``en``), or a region given for a language Meta lists one code for
(``hi_IN`` → ``hi``). Otherwise the codes it may stand for are listed and nothing is guessed
(``es_LA``: ``es``, ``es_AR``, ``es_MX``; ``pt``: ``pt_BR``, ``pt_PT``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Meta's form: a language of two or three lower-case letters, then an upper-case region
FORM = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
_SEPARATORS = re.compile(r"[-_\s]+")
_PART = re.compile(r"[A-Za-z]+|\d{3}")


def _key(code: str) -> str:
    """A code in one form for looking it up: ``en-UK``, ``en_uk`` → ``en_uk``."""
    return _SEPARATORS.sub("_", code.strip()).strip("_").lower()


@dataclass(frozen=True)
class Verdict:
    listed: bool  # one of Meta's codes as written
    meant: str | None = None  # the one listed code it stands for, when there is one
    form_only: bool = False  # ``meant`` differs from it only in letter case and separators
    candidates: tuple[str, ...] = ()  # listed codes it may stand for, when none is certain
    language: str | None = None  # its language part, lower-cased, when it has one


class LanguageCodes:
    """Meta's codes and the aliases of common mistakes (alias → a code, or several)."""

    def __init__(self, codes: Iterable[str], aliases: Mapping[str, Any] | None = None) -> None:
        self.codes = tuple(dict.fromkeys(str(c) for c in codes))
        bad = [c for c in self.codes if not FORM.fullmatch(c)]
        if bad:
            raise ValueError(f"languages: {', '.join(bad)} not in Meta's form (en, en_US, fil)")
        self._listed = frozenset(self.codes)
        self.by_language: dict[str, tuple[str, ...]] = {}
        for code in self.codes:
            lang = code.partition("_")[0]
            self.by_language[lang] = (*self.by_language.get(lang, ()), code)
        self.aliases: dict[str, tuple[str, ...]] = {}
        for alias, target in (aliases or {}).items():
            targets = tuple(str(t) for t in (target if isinstance(target, list) else [target]))
            unknown = [t for t in targets if t not in self._listed]
            if unknown or not targets:
                raise ValueError(
                    f"aliases: '{alias}' names {', '.join(unknown) or 'nothing'}, "
                    "not one of the listed languages"
                )
            self.aliases[_key(str(alias))] = targets

    def __contains__(self, code: object) -> bool:
        return code in self._listed

    def judge(self, code: str) -> Verdict:
        if code in self._listed:
            return Verdict(True, code, language=code.partition("_")[0])
        key = _key(code)
        parts = key.split("_") if key else []
        if not parts or not all(_PART.fullmatch(p) for p in parts):
            return Verdict(False)
        lang = parts[0]
        if len(parts) == 1 and len(lang) > 3:  # "english", "portuguese": a name, not a code
            return self._aliased(key, None) or Verdict(False)
        found = self._aliased(key, lang)
        if found is not None:
            return found
        if len(lang) not in (2, 3):
            return Verdict(False)
        alias = self.aliases.get(lang)
        if alias is not None and len(alias) == 1 and "_" not in alias[0]:
            lang = alias[0]  # "eng_US": English in ISO 639-2, then a region
        script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
        region = next((p for p in parts[1:] if len(p) == 2 or p.isdigit()), None)
        same = self.by_language.get(lang, ())
        if len(parts) - 1 != (script is not None) + (region is not None) or not same:
            return Verdict(False, language=lang if same else None)
        if script is None:
            written = lang + (f"_{region.upper()}" if region else "")
            if written in self._listed:
                return Verdict(False, written, form_only=lang == parts[0], language=lang)
            if len(same) == 1:
                return Verdict(False, same[0], language=lang)  # hi_IN, ky: Meta has one of each
        return Verdict(False, candidates=same, language=lang)

    def _aliased(self, key: str, lang: str | None) -> Verdict | None:
        targets = self.aliases.get(key)
        if targets is None:
            return None
        language = targets[0].partition("_")[0] if lang is None else lang
        if len(targets) == 1:
            return Verdict(False, targets[0], language=targets[0].partition("_")[0])
        return Verdict(False, candidates=targets, language=language)


def from_params(params: Mapping[str, Any]) -> LanguageCodes:
    """The codes of a language-code rule's parameters (the configuration's on top)."""
    listed = [*_strings(params.get("languages", ())), *_strings(params.get("extra-languages", ()))]
    aliases = params.get("aliases", {})
    if not isinstance(aliases, Mapping):
        raise ValueError("aliases must be a table: alias = code, or a list of codes")
    return LanguageCodes(listed, aliases)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError("languages must be a list of codes")
    return list(value)


def shown(codes: Iterable[str], most: int = 8, quote: str = "'") -> str:
    """``'es', 'es_AR' or 'es_MX'``; at most ``most`` of them, then "…"."""
    codes = [f"{quote}{c}{quote}" for c in codes]
    if len(codes) > most:
        return ", ".join(codes[:most]) + f" … ({len(codes)} in all)"
    return " or ".join([", ".join(codes[:-1]), codes[-1]] if len(codes) > 1 else codes)


def advice(verdict: Verdict) -> tuple[str, str]:
    """(what is wrong, the fix to write) for a code that is not listed: TPL302's finding, and
    the configuration check's error."""
    meant = verdict.meant
    if meant and verdict.form_only:
        return (
            f"is not in Meta's form; expected '{meant}' (lowercase language, underscore, "
            "uppercase region)",
            f"Write `{meant}`.",
        )
    if meant:
        return (
            f"is not one of Meta's template language codes; Meta's code for it is '{meant}'",
            f"Write `{meant}`.",
        )
    if verdict.candidates:
        return (
            f"is not one of Meta's template language codes; for '{verdict.language}' Meta lists "
            f"{shown(verdict.candidates)}",
            f"Write the one meant: {shown(verdict.candidates, quote='`')}. If Meta's page "
            "lists this code now (it adds regional codes), add it to "
            "`[tool.templint.rules.TPL302] extra-languages`.",
        )
    return (
        "is not one of Meta's template language codes (such as 'en_US', 'es', 'pt_BR')",
        "Write the code Meta lists for the template's language (TPL302's `languages`); a code "
        "Meta added since goes in the rule's `extra-languages`.",
    )


__all__ = ["FORM", "LanguageCodes", "Verdict", "advice", "from_params", "shown"]
