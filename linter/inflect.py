"""A small English inflection helper: every form of a word that a rule should match.

A blank spaCy pipeline has no lemmatizer, so rule files name a lemma (``talk``) and this module
spells out its forms (``talk talks talked talking``). It over-generates on purpose: a form no
one writes ("visitted") costs nothing, a missing one ("bought") misses a violation.
"""

from __future__ import annotations

from functools import cache

# Irregular verbs (base: past forms) and nouns (singular: plurals) that rule files use or
# plausibly will. Regular forms are added to these too.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("am", "is", "are", "was", "were", "been", "being"),
    "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "go": ("goes", "went", "gone", "going"),
    "buy": ("bought",),
    "bring": ("brought",),
    "think": ("thought",),
    "catch": ("caught",),
    "teach": ("taught",),
    "seek": ("sought",),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "take": ("took", "taken"),
    "make": ("made",),
    "come": ("came",),
    "become": ("became",),
    "see": ("saw", "seen"),
    "speak": ("spoke", "spoken"),
    "meet": ("met",),
    "tell": ("told",),
    "sell": ("sold",),
    "send": ("sent",),
    "spend": ("spent",),
    "lend": ("lent",),
    "pay": ("paid",),
    "say": ("said",),
    "find": ("found",),
    "hear": ("heard",),
    "know": ("knew", "known"),
    "leave": ("left",),
    "lose": ("lost",),
    "choose": ("chose", "chosen"),
    "write": ("wrote", "written"),
    "begin": ("began", "begun"),
    "run": ("ran",),
    "win": ("won",),
    "spin": ("spun",),
    "draw": ("drew", "drawn"),
    "keep": ("kept",),
    "feel": ("felt",),
    "hold": ("held",),
    "stand": ("stood",),
    "understand": ("understood",),
    "forget": ("forgot", "forgotten"),
    "break": ("broke", "broken"),
    "wear": ("wore", "worn"),
    "grow": ("grew", "grown"),
    "show": ("shown",),
    "fall": ("fell", "fallen"),
    "put": (),
    "set": (),
    "let": (),
    "cut": (),
    "hit": (),
    "quit": (),
    "read": (),
    "person": ("people",),
    "child": ("children",),
    "man": ("men",),
    "woman": ("women",),
}

_VOWELS = set("aeiou")


def _regular(word: str) -> set[str]:
    """-s, -ed and -ing forms by the usual spelling rules; doubtful cases get both spellings."""
    forms: set[str] = set()
    if not word.isalpha() or len(word) < 2:
        return forms
    last, before = word[-1], word[-2]
    # third person / plural
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")
        if word.endswith("o"):
            forms.add(word + "s")
    elif last == "y" and before not in _VOWELS:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    # past and present participle
    if last == "e":
        forms.add(word + "d")
        forms.add(word + "s")
        # "see" -> "seeing", "schedule" -> "scheduling"
        forms.add(word + "ing" if word.endswith(("ee", "ye", "oe")) else word[:-1] + "ing")
    elif last == "y" and before not in _VOWELS:
        forms.update((word[:-1] + "ied", word + "ing"))
    else:
        forms.update((word + "ed", word + "ing"))
        consonant_end = last not in _VOWELS and last not in "wxy"
        if consonant_end and before in _VOWELS and (len(word) < 3 or word[-3] not in _VOWELS):
            # chat -> chatted, stop -> stopping (also "visitted": harmless over-generation)
            forms.update((word + last + "ed", word + last + "ing"))
        if last == "c":  # picnic -> picnicked
            forms.update((word + "ked", word + "king"))
    return forms


@cache
def inflections(word: str) -> frozenset[str]:
    """All forms of ``word`` (lower-cased), itself included: verb and noun inflections alike.

    >>> sorted(inflections("schedule"))
    ['schedule', 'scheduled', 'schedules', 'scheduling']
    >>> "bought" in inflections("buy")
    True
    """
    word = word.strip().lower()
    if " " in word:  # a multi-word lemma inflects its first word: "come across"
        head, _, rest = word.partition(" ")
        return frozenset(f"{form} {rest}" for form in inflections(head))
    forms = {word, *_regular(word)}
    for form in _IRREGULAR.get(word, ()):
        forms.add(form)
    return frozenset(forms)


__all__ = ["inflections"]
