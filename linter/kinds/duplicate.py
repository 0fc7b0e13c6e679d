"""The ``duplicate`` kind: templates in one run whose text is the same.

Two bodies are the same when they differ only in placeholders (any variable equals any other:
``{{1}}``, ``{{name}}``, even a malformed one), whitespace and letter case. With
``compare-footer = true`` (the default) the footers must match too, as in Meta's own check.
The later template gets the diagnostic, naming the earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.kinds import Check, Hit
from linter.placeholders import ALL, replace_placeholders
from linter.template import Component, Template

_WORD = re.compile(r"\w")


def normalise(text: str) -> str:
    """The text with every placeholder as ``{}``, whitespace collapsed and case folded."""
    # str.split() splits at the characters re's \s matches: the same as collapsing \s+ runs
    # and stripping, several times faster
    return " ".join(replace_placeholders(text, " {} ", ALL).split()).casefold()


def digest(text: str) -> int | None:
    """A non-zero 64-bit digest of ``normalise(text)``, for comparing bodies across millions of
    rows; None when the body is nothing but variables (nothing to compare)."""
    import hashlib

    key = normalise(text)
    if not _WORD.search(key.replace("{}", "")):
        return None
    raw = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(raw, "big", signed=True) or 1


class DuplicateCheck(Check):
    """``compare``: ``text`` (default), the body (and with ``compare-footer``, default true,
    the footer); or ``name``, the name and language."""

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.rulebook import choice

        choice(params, "compare", ("text", "name"), "what duplicates share", "text")
        return None

    def check_run(self, templates: list[Template]) -> Iterator[tuple[Template, Hit]]:
        if len(templates) < 2:
            return  # one template has no duplicate (a batch lints rows one at a time)
        if self.params.get("compare", "text") == "name":
            yield from self._same_names(templates)
            return
        with_footer = bool(self.params.get("compare-footer", True))
        first: dict[tuple[str, str], Template] = {}
        for tpl in templates:
            body = tpl.component("body")
            if body is None:
                continue
            key_body = normalise(body.text)
            if not _WORD.search(key_body.replace("{}", "")):
                continue  # nothing but variables: nothing to compare
            footer = tpl.component("footer") if with_footer else None
            key = (key_body, normalise(footer.text) if footer else "")
            earlier = first.get(key)
            if earlier is None:
                first[key] = tpl
                continue
            name = earlier.display_name
            if name and name == tpl.display_name and _regional_variant(earlier, tpl):
                continue  # en_US and en_GB of one template may well say the same thing
            where = _where(earlier)
            earlier_said = f"'{name}' ({where})" if name else where
            fix = (
                "Delete one of the two, or change the wording so each template says "
                "something different."
            )
            if name and name == tpl.display_name and _translation(earlier, tpl):
                # One template's two translations: the later is not translated (TPL340 says
                # which language it reads as), and deleting either is the wrong advice.
                earlier_said = f"its {earlier.language} translation ({where})"
                fix = (
                    f"Translate the {tpl.language} body of '{name}': it is still the "
                    f"{earlier.language} text."
                )
            yield (
                tpl,
                Hit(
                    body,
                    0,
                    len(body.text),
                    {
                        "earlier": earlier_said,
                        "parts": "body and footer" if footer else "body",
                    },
                    fix,
                ),
            )

    def _same_names(self, templates: list[Template]) -> Iterator[tuple[Template, Hit]]:
        """Two templates of one name in one language: Meta keeps one (a second is refused
        when it is created, or replaces the first's content when it is edited)."""
        first: dict[tuple[str, str], Template] = {}
        for tpl in templates:
            if not tpl.name or not tpl.name.strip():
                continue  # a text file has no name (its file name is not one)
            earlier = first.setdefault((tpl.name, tpl.language or ""), tpl)
            if earlier is tpl:
                continue
            comp = _name_of(tpl)
            language = f"'{tpl.language}'" if tpl.language else "no language"
            named = _name_of(earlier)
            if named is not None:
                line, col = earlier.index.position(named.omap.to_file(0))
                where = f"{earlier.file}:{line}:{col}"
            else:
                where = _where(earlier)
            yield (
                tpl,
                Hit(
                    comp,
                    0,
                    len(tpl.name) if comp is not None else 0,
                    {"name": tpl.name, "language": language, "earlier": where},
                    None,
                ),
            )


def _name_of(tpl: Template) -> Component | None:
    """A JSON template's ``name`` string, where it is written."""
    value = (tpl.raw or {}).get("name")
    omap = getattr(value, "omap", None)
    return Component("name", "name", str(value), omap) if omap is not None else None


def _translation(one: Template, other: Template) -> bool:
    """Both declare a language, and not the same one."""
    return bool(one.language and other.language and one.language != other.language)


def _regional_variant(one: Template, other: Template) -> bool:
    """Two locales of one language (en_US and en_GB, es and es_MX, pt_BR and pt_PT)."""
    if not (one.language and other.language) or one.language == other.language:
        return False
    return one.language.split("_")[0].lower() == other.language.split("_")[0].lower()


def _where(tpl: Template) -> str:
    body = tpl.component("body")
    offset = body.omap.to_file(0) if body is not None else tpl.anchor
    line, col = tpl.index.position(offset)
    return f"{tpl.file}:{line}:{col}"


__all__ = ["DuplicateCheck", "normalise"]
