"""The ``format`` kind: Meta's structural rules for a template (lengths, counts, variables).

A rule file names one check function and its limits::

    kind = "format"
    check = "max-length"
    components = ["header"]
    max = 60

Limits are rule parameters, so ``[tool.templint.rules.TPL305] max = 50`` overrides them. Each
check is a small function ``(check, template) -> Iterator[Hit]`` registered in ``CHECKS``; the
rule file's ``message`` is filled from each Hit's ``values``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import regex

from linter.kinds import Check, Hit
from linter.output.safe import safe
from linter.placeholders import (
    ALL,
    FOREIGN,
    MALFORMED,
    NAMED,
    NUMBERED,
    Placeholder,
    find_placeholders,
    mask_placeholders,
    replace_placeholders,
    valid_placeholders,
)
from linter.source import OffsetMap
from linter.template import CATEGORIES, Component, Template, category_meant

CheckFn = Callable[["FormatCheck", Template], Iterator[Hit]]
CHECKS: dict[str, CheckFn] = {}
# Checks that can fire only on a template with a placeholder (of any kind) in some component.
ABOUT_PLACEHOLDERS: set[str] = set()
NEEDS: dict[str, frozenset[str]] = {}  # check name -> the template fields it reads


SETUPS: dict[str, Callable[[FormatCheck], Any]] = {}  # check name -> what it builds once
# check name -> its work on a run's templates before it sees them one by one (``prepare_run``)
PREPARES: dict[str, Callable[[FormatCheck, list[Template]], None]] = {}


def register(
    name: str,
    placeholders: bool = False,
    needs: tuple[str, ...] = (),
    setup: Callable[[FormatCheck], Any] | None = None,
    prepare: Callable[[FormatCheck, list[Template]], None] | None = None,
) -> Callable[[CheckFn], CheckFn]:
    """``placeholders``: the check reads only placeholders, so it has nothing to say about a
    template none of whose components holds one (the engine then skips it); ``needs``: the
    template fields it reads (``Check.needs_fields``), likewise; ``setup``: built from the
    rule's parameters when the rule is loaded (``check.setup``), so a bad parameter is one
    error at load, not a failure on every template; ``prepare``: what it learns from the
    run's other templates before it checks each (a name another template has)."""

    def wrap(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        if placeholders:
            ABOUT_PLACEHOLDERS.add(name)
        NEEDS[name] = frozenset(needs)
        if setup is not None:
            SETUPS[name] = setup
        if prepare is not None:
            PREPARES[name] = prepare
        return fn

    return wrap


class FormatCheck(Check):
    """``check``: the name of a function in ``CHECKS``; other parameters are its limits."""

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.rulebook import choice

        choice(params, "check", sorted(CHECKS), "a format check")
        return None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        name = self.params.get("check")
        if name not in CHECKS:
            raise ValueError(
                f"{self.rule.path}: a format rule needs 'check', one of {', '.join(sorted(CHECKS))}"
            )
        self.fn = CHECKS[name]
        self.needs_placeholders = name in ABOUT_PLACEHOLDERS
        self.needs_fields = NEEDS[name]
        self._nums: dict[tuple[str, int], int] = {}  # parameters read once, not per template
        self.setup = SETUPS[name](self) if name in SETUPS else None

    def check(self, template: Template) -> Iterator[Hit]:
        return self.fn(self, template)

    def prepare_run(self, templates: list[Template]) -> None:
        work = PREPARES.get(self.params.get("check", ""))
        if work is not None:
            work(self, templates)

    def num(self, key: str, default: int) -> int:
        known = self._nums.get((key, default))
        if known is not None:
            return known
        value = self.params.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{self.rule.code}: '{key}' must be a number, not {value!r}")
        self._nums[key, default] = int(value)
        return int(value)

    def comps(self, template: Template) -> Iterator[Component]:
        for comp in template.components:
            if comp.kind in self.rule.components:
                yield comp


# --- helpers ------------------------------------------------------------------------------


_NOUNS = {"body": "body", "header": "header", "footer": "footer", "url": "button URL"}


def _what(comp: Component) -> str:
    """How a message names the component: "Body", 'Button label "Track my parcel"'."""
    if comp.kind == "button":
        return f'Button label "{comp.text}"'
    noun = _NOUNS.get(comp.kind, comp.label)
    return noun[:1].upper() + noun[1:]


def _noun(comp: Component) -> str:
    return "the " + ("label" if comp.kind == "button" else _NOUNS.get(comp.kind, comp.label))


def _var(n: int | str) -> str:
    return "{{" + str(n) + "}}"


def _n(count: int, word: str) -> str:
    """``_n(1, "variable")`` -> "1 variable"; ``_n(3, "word")`` -> "3 words"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _field(template: Template, key: str, kind: str) -> Component | None:
    """A top-level string of the JSON object (``name``, ``language``) as a component, or a
    text file's directive that declares it."""
    value = (template.raw or {}).get(key)
    omap = getattr(value, "omap", None)
    if isinstance(value, str) and omap is not None:
        return Component(kind, key, str(value), omap)
    if template.declared and key in template.declared:
        return template.declared[key]
    return None


def _buttons(template: Template) -> list[tuple[int, dict[str, Any]]]:
    """(index in the JSON list, button object) for each button, in order."""
    raw = template.raw or {}
    comps = raw.get("components")
    if isinstance(comps, list):
        for comp in comps:
            if isinstance(comp, dict) and str(comp.get("type", "")).upper() == "BUTTONS":
                buttons = comp.get("buttons")
                if isinstance(buttons, list):
                    return [(n, b) for n, b in enumerate(buttons) if isinstance(b, dict)]
    return list(enumerate(template.buttons))


def _button_comp(template: Template, n: int, button: dict[str, Any]) -> Component:
    """Where to point at button ``n``: its label, its URL, else the ``{`` of its object."""
    for kind in ("button", "url"):
        for comp in template.components:
            if comp.kind == kind and comp.extra.get("n") == n:
                return comp
    start = getattr(button, "start", template.anchor)
    return Component("button", f"buttons[{n}]", "{", OffsetMap.identity(start, 1))


def _whole(comp: Component) -> tuple[int, int]:
    return (0, len(comp.text)) if comp.text else (0, 0)


def _btype(button: dict[str, Any]) -> str:
    return str(button.get("type", "")).upper()


def _placeholder_list(phs: list[Placeholder]) -> str:
    return ", ".join(p.text for p in phs)


# --- names and languages ------------------------------------------------------------------

_NAME_BAD = re.compile(r"[^a-z0-9_]+")


def _claim_names(check: FormatCheck, templates: list[Template]) -> None:
    """In a run of several templates, a rename may not give a template the name another has
    in its language (Meta keeps one template per name and language), nor the name an earlier
    rename gives: ``Order Update`` and ``order-update`` in one file both became
    ``order_update``. The later template's fix is then only advice (``_name_clash``)."""
    limit = check.num("max", 512)
    taken: dict[tuple[str, str], Template] = {}
    for tpl in templates:
        if tpl.name and not _NAME_BAD.search(tpl.name):
            taken.setdefault((tpl.name, tpl.language or ""), tpl)
    for tpl in templates:
        tpl.scores.pop("_name_clash", None)
        if not tpl.name or not _NAME_BAD.search(tpl.name):
            continue
        key = (_snake(tpl.name)[:limit], tpl.language or "")
        if not key[0]:
            continue
        other = taken.setdefault(key, tpl)
        if other is not tpl:
            who = f"'{other.display_name}' ({_where(other)})"
            said = f"already the name of {who}" if other.name == key[0] else f"what {who} becomes"
            tpl.scores["_name_clash"] = said


def _where(tpl: Template) -> str:
    line, _ = tpl.index.position(tpl.anchor)
    return f"{tpl.file}:{line}"


@register("template-name", prepare=_claim_names)
def template_name(check: FormatCheck, template: Template) -> Iterator[Hit]:
    name = template.name
    if name is None:
        return
    comp = _field(template, "name", "name")
    limit = check.num("max", 512)
    if not name.strip():
        yield Hit(
            comp,
            0,
            len(name),
            {"name": name, "detail": "is empty"},
            "Give the template a name such as `order_shipped`.",
        )
        return
    bad = list(_NAME_BAD.finditer(name))
    if bad:
        chars = {c for m in bad for c in m.group()}
        parts = ["capital letters"] if any(c.isupper() for c in chars) else []
        others = sorted(c for c in chars if not c.isupper())
        parts += [" ".join(repr(c) for c in others[:6])] if others else []
        fixed = _snake(name)[:limit]
        clash = template.scores.get("_name_clash")
        if clash and fixed:
            fix = (
                f"Rename it: `{fixed}` is {clash} in this run, and Meta keeps one template "
                "per name and language."
            )
        else:
            fix = f"Rename it to `{fixed}`." if fixed else None
        yield Hit(
            comp,
            bad[0].start(),
            bad[-1].end(),
            {
                "name": name,
                "detail": f"contains {' and '.join(parts)}; only a-z, 0-9 and '_' are allowed",
            },
            fix,
            # unsafe: code that sends the template refers to it by name
            edit=(0, len(name), fixed, False) if fixed and not clash else None,
        )
    if len(name) > limit:
        yield Hit(
            comp,
            limit,
            len(name),
            {
                "name": name[:40] + "…",
                "detail": f"is {len(name)} characters; Meta's limit is {limit}",
            },
            f"Shorten the name by {_n(len(name) - limit, 'character')}.",
        )


# Letters NFKD does not take apart into a base letter and marks
_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
    | {"Æ": "Ae", "Œ": "Oe", "Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Þ": "Th"}
)


def _snake(name: str) -> str:
    """``pedido_café_confirmação`` -> ``pedido_cafe_confirmacao`` (accents taken off, not the
    letters they sit on), ``orderShipped`` -> ``order_shipped``; "" for a name in another
    script (``注文_update``): no Latin rendering of it is certain."""
    import unicodedata

    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        name = "".join(c for c in name if not unicodedata.combining(c))
        if any(c.isalpha() and not c.isascii() for c in name):
            return ""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _codes_setup(check: FormatCheck) -> Any:
    from linter.kinds import settings_origin
    from linter.languages import from_params

    try:
        return from_params(check.params)
    except ValueError as exc:
        raise ValueError(f"{settings_origin(check.rule, check.ctx)}: {exc}") from None


@register("language-code", needs=("language",), setup=_codes_setup)
def language_code(check: FormatCheck, template: Template) -> Iterator[Hit]:
    lang = template.language
    codes = check.setup
    if lang is None or lang in codes:
        return
    comp = _field(template, "language", "language")
    from linter.languages import advice

    verdict = codes.judge(lang)
    detail, fix = advice(verdict)
    yield Hit(
        comp,
        0,
        len(lang),
        {"language": lang, "detail": detail},
        fix,
        # safe: the code Meta lists for what was written, and no other could be meant
        edit=(0, len(lang), verdict.meant, True) if verdict.meant else None,
    )


@register("category", needs=("category",))
def category(check: FormatCheck, template: Template) -> Iterator[Hit]:
    value = template.category
    if value is None or value in CATEGORIES:
        return
    comp = _field(template, "category", "category")
    guess = category_meant(value)
    values = {"category": value, "reading": guess or check.ctx.config.default_category}
    fix = f"Write `{guess}`." if guess else "Write MARKETING, UTILITY or AUTHENTICATION."
    if comp is None:
        yield Hit(None, values=values, fix=fix)
        return
    # unsafe: the old category is a hint, and the template's content decides its category
    edit = (0, len(comp.text), guess, False) if guess else None
    yield Hit(comp, 0, len(comp.text), values, fix, edit=edit)


_LANG_BASE = re.compile(r"([A-Za-z]{2,3})(?:[-_ ][A-Za-z0-9]{2,4})?")


def _base(code: str) -> str | None:
    """``pt_BR`` -> ``pt``; ``hi-Latn`` -> ``hi``; None for what is no code (``english``:
    TPL302 says so, and there is no language to compare the text with)."""
    m = _LANG_BASE.fullmatch(code.strip())
    return m.group(1).lower() if m else None


def _merged(check: FormatCheck, key: str) -> dict[str, Any]:
    """A table parameter, the rule file's entries updated by the config's: a team's
    ``words = { sv = "..." }`` adds Swedish rather than replacing every list."""
    tables = (check.rule.params.get(key, {}), check.ctx.config.options.get(check.rule.code, {}))
    merged: dict[str, Any] = {}
    for n, table in enumerate(tables):
        value = table if n == 0 else table.get(key, {})
        if not isinstance(value, dict):
            raise ValueError(f"{check.rule.code}: '{key}' must be a table keyed by language")
        merged.update({str(k).lower(): v for k, v in value.items()})
    return merged


def _origin(check: FormatCheck, key: str) -> str:
    """Where a parameter was set, for an error: the config's table, else the rule file."""
    config = check.ctx.config
    if key in config.options.get(check.rule.code, {}):
        return f"{config.source or 'configuration'}: [rules.{check.rule.code}]"
    return check.rule.path or check.rule.code


def _table(check: FormatCheck, key: str) -> dict[str, list[str]]:
    return {
        k: [str(x) for x in (v if isinstance(v, list) else [v])]
        for k, v in _merged(check, key).items()
    }


@register("language-mismatch", setup=lambda check: _language_setup(check))
def language_mismatch(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Text mostly in another script, or with far more of another language's common words
    than of its own, than the template's language (declared, or the run's default)."""
    declared = template.language
    lang = declared or check.ctx.config.default_language
    if not lang or not lang.strip():
        return
    judge, names, codes, readable, weigh = check.setup
    kinds = check.rule.components
    text = "\n".join([c.text for c in template.components if c.kind in kinds and c.text])
    base = _base(lang)
    if not text or base is None:
        return
    verdict, suspect = judge.assess(readable(text), base)
    if verdict is None and weigh is not None:
        verdict = weigh(check.ctx, readable(text), base)
    if verdict is None and not suspect:
        return
    from linter.kinds.language import first_of

    comps = [c for c in check.comps(template) if c.text]
    what = names.get(base, f"'{base}'")
    values = {"language": lang, "declared": what}
    if verdict is None:
        # The whole reads as its language: does a paragraph of it read as another?
        yield from _mixed_language(judge, names, readable, comps, base, values)
        return
    where = _field(template, "language", "language") if declared is not None else None
    kind, found = verdict
    if kind == "script":
        users = judge.users(found)
        said = [names.get(k, k) for k in users]
        said_text = _or(said) if len(said) <= 3 else ", ".join(said[:3]) + "…"
        comp, start = next((c, i) for c in comps if (i := first_of(c.text, found)) >= 0)
        end = start + len((comp.text[start:].split(None, 1) or [""])[0])
        fix = (
            f"Set the language to the text's ({_or([f'`{k}`' for k in users[:6]])}), or write it "
            f"in {what}."
            if users
            else f"Set the language to the text's, or write it in {what}."
        )
        if not said:
            found = f"{found} script"
        elif said_text != found:  # not "Greek (Greek script)"
            found = f"{said_text} ({found} script)"
    else:
        comp = comps[0]
        start, end = 0, len(comp.text.split("\n", 1)[0])
        found_name = names.get(found, found)
        fix = (
            f"If the text is meant to be {found_name}, set the language to "
            f"{codes.get(found, f'`{found}`')}; otherwise write it in {what}."
        )
        found = found_name
    if where is not None:  # the language is written: point at it
        comp, start, end = where, 0, len(where.text)
    yield Hit(comp, start, end, {**values, "found": found}, fix)


_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)  # runs of non-blank lines


def _mixed_language(
    judge: Any,
    names: dict[str, str],
    readable: Callable[[str], str],
    comps: list[Component],
    base: str,
    values: dict[str, str],
) -> Iterator[Hit]:
    """The first paragraph (lines up to a blank one) in another language than ``base``."""
    for comp in comps:
        for m in _PARAGRAPH.finditer(comp.text):
            verdict = judge.judge(readable(m.group()), base)
            if verdict is None:
                continue
            kind, found = verdict
            said = f"{found} script" if kind == "script" else names.get(found, found)
            yield Hit(
                comp,
                m.start(),
                m.start() + len(m.group().rstrip()),
                values,
                f"Meta reviews one language per template: send the {said} text as its own "
                f"translation (the same name, its own language code) and keep this one in "
                f"{values['declared']}.",
                message=(
                    f"This part reads as {said}, but the template's language is "
                    f"'{values['language']}' ({values['declared']}): Meta rejects mixed languages"
                ),
            )
            return


def _or(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b or c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def _language_setup(
    check: FormatCheck,
) -> tuple[Any, dict[str, str], dict[str, str], Any, Any]:
    from linter.kinds.language import Judge, Profiles, Weigher, readable

    words = _merged(check, "words")
    for key in ("words", "scripts", "alike", "particles", "names", "codes"):
        wanted = (str,) if key in ("names", "codes") else (str, list)
        for lang, value in _merged(check, key).items():
            if not isinstance(value, wanted):
                raise ValueError(
                    f"{_origin(check, key)}: {key}.{lang} must be a string"
                    + (" or a list" if list in wanted else "")
                )
    particles = {
        lang: frozenset(w.casefold() for listed in value for w in listed.split())
        for lang, value in _table(check, "particles").items()
    }
    judge = Judge(
        Profiles.build(words),
        _table(check, "scripts"),
        _table(check, "alike"),
        check.num("min-letters", 12),
        check.num("min-words", 4),
        float(check.params.get("ratio", 3)),
        float(check.params.get("script-share", 0.25)),
        float(check.params.get("unlisted-share", 0.3)),
        particles,
        check.num("min-core-words", 2),
    )
    names = {k: str(v) for k, v in _merged(check, "names").items()}
    codes = {k: str(v) for k, v in _merged(check, "codes").items()}
    dictionaries = {k: str(v) for k, v in _merged(check, "dictionaries").items()}
    from linter.paths import HUNSPELL_DIR, find_dictionary

    for lang, name in dictionaries.items():
        if find_dictionary(name, check.ctx.config.source) is None:
            shipped = ", ".join(sorted(p.stem for p in HUNSPELL_DIR.glob("*.aff")))
            raise ValueError(
                f"{_origin(check, 'dictionaries')}: dictionaries.{lang}: no dictionary {name!r} "
                f"(shipped: {shipped}; or a path to NAME.aff and NAME.dic)"
            )
    weigh = None
    if len(dictionaries) > 1:
        weigh = Weigher(
            dictionaries,
            float(check.params.get("dictionary-share", 0.85)),
            float(check.params.get("dictionary-gap", 0.25)),
            check.num("min-dictionary-words", 6),
        )
    return judge, names, codes, readable, weigh


# --- lengths ------------------------------------------------------------------------------


@register("max-length")
def max_length(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Text longer than ``max`` characters, in the rule's components."""
    limit = check.num("max", 1024)
    for comp in check.comps(template):
        length = len(comp.text)
        if length > limit:
            yield Hit(
                comp,
                limit,
                length,
                {
                    "what": _what(comp),
                    "length": f"{length:,}",
                    "max": limit,
                    "over": length - limit,
                },
                f"Shorten {_noun(comp)} by {_n(length - limit, 'character')} "
                f"(to {limit} or fewer).",
            )


@register("copy-code-example")
def copy_code_example(check: FormatCheck, template: Template) -> Iterator[Hit]:
    limit = check.num("max", 15)
    copy_code = {n for n, b in _buttons(template) if _btype(b) == "COPY_CODE"}
    for comp in template.components:
        if comp.kind != "example" or not comp.label.startswith("buttons["):
            continue
        n = int(comp.label[len("buttons[") : comp.label.index("]")])
        if n in copy_code and len(comp.text) > limit:
            yield Hit(
                comp,
                limit,
                len(comp.text),
                {
                    "what": f'Copy-code value "{comp.text}"',
                    "length": len(comp.text),
                    "max": limit,
                    "over": len(comp.text) - limit,
                },
                f"Use a code of at most {limit} characters.",
            )


@register("empty-body")
def empty_body(check: FormatCheck, template: Template) -> Iterator[Hit]:
    comp = template.component("body")
    if comp is not None:
        if not comp.text.strip():
            yield Hit(comp, *_whole(comp), {"detail": "is empty"})
        return
    raw = template.raw or {}
    comps = raw.get("components")
    if isinstance(comps, list):
        has_body = any(
            isinstance(c, dict) and str(c.get("type", "")).upper() == "BODY" for c in comps
        )
        # Meta writes an authentication template's body itself: the BODY component carries
        # only options (add_security_recommendation), no text.
        if has_body and (template.category or "") == "AUTHENTICATION":
            return
        detail = "has no text" if has_body else "is missing (no BODY component)"
        yield Hit(None, values={"detail": detail})


# --- characters Meta refuses in headers and footers ---------------------------------------

_EMOJI = regex.compile(
    r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)"
    r"[\p{Emoji_Presentation}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]*"
)
# *bold* as WhatsApp reads it: no space just inside the stars ("5* by *our*" is a lone star,
# then *our*)
_MARKUP = re.compile(
    r"```|\*[^*\s](?:[^*\n]*[^*\s])?\*|\*|(?<!\w)_[^_\n]+_(?!\w)|(?<!\w)~[^~\n]+~(?!\w)"
)
_NEWLINE = re.compile(r"\r\n|[\n\r\u2028\u2029]")


def _unmarked(markup: str) -> str:
    """WhatsApp markup without its markers: '*Order {{1}}*' -> 'Order {{1}}'; '```', '*' -> ''."""
    return "" if markup.startswith("```") or len(markup) < 2 else markup[1:-1]


@register("forbidden-characters")
def forbidden_characters(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """``forbid``: any of "newline", "emoji", "markup" (WhatsApp's *bold* _italic_ ~strike~
    ```mono```), looked for in the rule's components outside placeholders."""
    forbid = set(check.params.get("forbid", ["newline", "emoji", "markup"]))
    for comp in check.comps(template):
        text = mask_placeholders(comp.text, "\0", ALL)  # same offsets, no "_" of {{a_b}}
        # (start, end, what, the fix): a line break becomes a space and *bold* its words (the
        # writer's text stays); an emoji's meaning may go with it (a guess, _emoji_edit)
        found: list[tuple[int, int, str, tuple[int, int, str, bool] | None]] = []
        if "newline" in forbid:
            found += [
                (m.start(), m.end(), "a line break", (m.start(), m.end(), " ", True))
                for m in _NEWLINE.finditer(text)
            ]
        if "emoji" in forbid:
            emojis = list(_EMOJI.finditer(text))
            # nothing but emoji (and spaces, markup): taking them out leaves no text
            words = any(c.isalnum() for c in _EMOJI.sub("", comp.text)) if emojis else False
            for m in emojis:
                edit = _emoji_edit(comp.text, m.start(), m.end()) if words else None
                found.append((m.start(), m.end(), f"an emoji ({m.group()})", edit))
        if "markup" in forbid:
            found += [
                (
                    m.start(),
                    m.end(),
                    f"formatting markup ({m.group()[:20]})",
                    _markup_edit(comp.text, m.start(), m.end()),
                )
                for m in _MARKUP.finditer(text)
            ]
        for start, end, what, edit in sorted(found, key=lambda f: f[:3]):
            fix = None
            if what == "formatting markup (*)" and edit is None:
                fix = 'Write what the * stands for ("5 stars", "5-star"): a lone * is markup.'
            elif what.startswith("an emoji") and edit is None:
                fix = f"Write {_noun(comp)} in words: without its emoji it would be empty."
            yield Hit(comp, start, end, {"what": _what(comp), "found": what}, fix, edit=edit)


_BLANK = " \t"
_EDGE = " \t*_~"  # what may stand between an emoji and the start or end of the text


def _emoji_edit(text: str, start: int, end: int) -> tuple[int, int, str, bool]:
    """Take an emoji out without gluing or stranding words: "Order🎉shipped" -> "Order
    shipped", "🚚 Your order" -> "Your order", "Shipped 🎉 today" -> "Shipped today". A guess:
    its meaning goes with it."""
    before, after = text[:start], text[end:]
    left = len(before) - len(before.rstrip(_BLANK))  # spaces just before it
    right = len(after) - len(after.lstrip(_BLANK))
    if not before.strip(_EDGE):  # at the start (perhaps inside *bold*): its spaces go too
        return (start, end + right, "", False)
    if left:  # "Shipped 🎉", "Shipped 🎉 today", "Shipped 🎉.": the space before it goes
        return (start - left, end, "", False)
    if after and _wordish(before[-1]) and _wordish(after[0]):
        return (start, end, " ", False)  # "Order🎉shipped": the words stay apart
    return (start, end, "", False)


def _wordish(char: str) -> bool:
    return char.isalnum() or char in "{}"  # a variable counts as a word


def _markup_edit(text: str, start: int, end: int) -> tuple[int, int, str, bool] | None:
    """*bold*, _italic_, ~strike~ as their words (placeholders inside kept), ``` gone: safe.
    A lone * after a digit is a literal star ("Rated 5*"): no edit; another lone * may be a
    footnote mark, so taking it out is a guess."""
    markup = text[start:end]
    if markup == "*":
        if start and text[start - 1].isdigit():
            return None
        return (start, end, "", False)
    return (start, end, _unmarked(markup), True)


# --- buttons ------------------------------------------------------------------------------


@register("max-buttons")
def max_buttons(check: FormatCheck, template: Template) -> Iterator[Hit]:
    limit = check.num("max", 10)
    buttons = _buttons(template)
    if len(buttons) > limit:
        n, button = buttons[limit]
        comp = _button_comp(template, n, button)
        yield Hit(comp, *_whole(comp), {"count": len(buttons), "max": limit})


_TYPE_NAMES = {
    "PHONE_NUMBER": "phone-number",
    "URL": "URL",
    "COPY_CODE": "copy-code",
    "QUICK_REPLY": "quick-reply",
    "OTP": "OTP",
    "FLOW": "flow",
    "CATALOG": "catalog",
    "MPM": "multi-product",
    "VOICE_CALL": "voice-call",
}


@register("button-types")
def button_types(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """``max-<type>`` (``max-url = 2``, ``max-phone-number = 1`` …): per-type button counts."""
    seen: dict[str, int] = {}
    for n, button in _buttons(template):
        btype = _btype(button)
        seen[btype] = seen.get(btype, 0) + 1
        key = "max-" + btype.lower().replace("_", "-")
        if key not in check.params:
            continue
        limit = check.num(key, 0)
        if seen[btype] == limit + 1:
            total = sum(1 for _, b in _buttons(template) if _btype(b) == btype)
            comp = _button_comp(template, n, button)
            yield Hit(
                comp,
                *_whole(comp),
                {
                    "type": _TYPE_NAMES.get(btype, btype),
                    "max": limit,
                    "count": _n(total, f"{_TYPE_NAMES.get(btype, btype)} button"),
                },
            )


@register("quick-reply-grouping")
def quick_reply_grouping(check: FormatCheck, template: Template) -> Iterator[Hit]:
    groups: list[bool] = []
    for n, button in _buttons(template):
        is_qr = _btype(button) == "QUICK_REPLY"
        if groups and groups[-1] == is_qr:
            continue
        groups.append(is_qr)
        if len(groups) == 3:
            comp = _button_comp(template, n, button)
            label = str(button.get("text", _btype(button)))
            yield Hit(comp, *_whole(comp), {"button": label, "n": n})
            return


@register("url-variable", placeholders=True)
def url_variable(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """At most ``max`` (1) variable in a URL button, and only at its end."""
    limit = check.num("max", 1)
    for comp in template.components:
        if comp.kind != "url":
            continue
        phs = find_placeholders(comp.text, frozenset({NUMBERED, NAMED, MALFORMED}))
        end = len(comp.text.rstrip())
        for i, ph in enumerate(phs):
            if i >= limit:
                yield Hit(
                    comp,
                    ph.start,
                    ph.end,
                    {
                        "detail": f"has {len(phs)} variables; Meta allows {limit}",
                        "placeholder": ph.text,
                    },
                )
            elif ph.end != end:
                yield Hit(
                    comp,
                    ph.start,
                    ph.end,
                    {
                        "detail": f"has {ph.text} before the end; a URL variable may only "
                        "be its last part",
                        "placeholder": ph.text,
                    },
                    "Move the variable to the end of the URL (put the fixed part first).",
                )
            elif _no_domain_before(comp.text[: ph.start]):
                yield Hit(
                    comp,
                    ph.start,
                    ph.end,
                    {
                        "detail": f"has {ph.text} where its domain should be; a URL variable may "
                        "only follow the fixed domain",
                        "placeholder": ph.text,
                    },
                    "Write the business's domain first and keep the variable for the end of the "
                    "path: `https://acme.example/track/{{1}}`.",
                )


_SCHEME = re.compile(r"(?i)\s*(?:[a-z][a-z0-9+.-]*:)?/*")


def _no_domain_before(before: str) -> bool:
    """What precedes a URL's variable is no whole domain: ``https://{{1}}``, ``{{1}}``,
    ``https://www.{{1}}`` (the variable would be the domain, or end it)."""
    host = before[_SCHEME.match(before).end() :]  # type: ignore[union-attr]
    if any(c in host for c in "/?#"):
        return False  # the domain is written; the variable is in the path or query
    return "." not in host.strip(".") or host.endswith(".")


@register("url-example", placeholders=True)
def url_example(check: FormatCheck, template: Template) -> Iterator[Hit]:
    buttons = dict(_buttons(template))
    for comp in template.components:
        if comp.kind != "url":
            continue
        phs = valid_placeholders(comp.text)
        if not phs:
            continue
        example = buttons.get(comp.extra.get("n", -1), {}).get("example")
        if isinstance(example, list) and example and isinstance(example[0], list):
            example = example[0]
        given = [example] if isinstance(example, str) else example
        if not (isinstance(given, list) and any(isinstance(e, str) and e.strip() for e in given)):
            yield Hit(comp, phs[0].start, phs[0].end, {"placeholder": phs[0].text})


# --- variables ----------------------------------------------------------------------------


def _variables(text: str) -> list[Placeholder]:
    """The variables as the writer meant them: Meta's own, and the broken ones written with a
    number (``{{2}``, ``{{ 2 }}``, ``{{#2}}``), which TPL326 reports with their repair. The
    sequence, position, count and sample rules read these, so they neither call ``{{2}}``
    missing beside a ``{{2}`` nor bring up new findings once its brace is fixed."""
    return [
        ph
        for ph in find_placeholders(text, frozenset({NUMBERED, NAMED, MALFORMED}))
        if ph.kind != MALFORMED or _own_number(ph) is not None
    ]


def _shown(ph: Placeholder) -> str:
    """A variable as a message names it: ``{{2}}``, or ``{{2}} (written `{{2}`)``."""
    if ph.kind == MALFORMED:
        return f"{_var(_own_number(ph) or 0)} (written `{ph.text}`)"
    return ph.text


def _canonical(ph: Placeholder) -> str:
    """What a variable is once repaired: ``{{2}}`` for ``{{2}``."""
    return _var(_own_number(ph) or 0) if ph.kind == MALFORMED else ph.text


@register("variable-count", placeholders=True)
def variable_count(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """More than ``max`` valid variables in the rule's components (0 for footers)."""
    limit = check.num("max", 1)
    for comp in check.comps(template):
        phs = find_placeholders(comp.text, frozenset({NUMBERED, NAMED, MALFORMED}))
        for ph in phs[limit:]:
            yield Hit(
                comp,
                ph.start,
                ph.end,
                {"what": _what(comp), "count": len(phs), "max": limit, "placeholder": ph.text},
            )


@register("variable-sequence", placeholders=True)
def variable_sequence(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Numbered variables run 1, 2, 3… in order of first appearance, with no gap."""
    for comp in check.comps(template):
        numbered = [p for p in _variables(comp.text) if p.kind != NAMED]
        if not numbered:
            continue
        numbers = {_own_number(p) or 0 for p in numbered}
        # a number written only broken ("{{2}"): named as written, not called missing
        broken = {_own_number(p) or 0: p for p in reversed(numbered) if p.kind == MALFORMED}
        for p in numbered:
            if p.kind == NUMBERED:
                broken.pop(p.number or 0, None)
        complete = numbers == set(range(1, len(numbers) + 1))
        expected = 1
        seen: set[int] = set()
        for ph in numbered:
            n = _own_number(ph) or 0
            if n in seen:
                continue
            if n == expected:
                seen.add(n)
                expected += 1
                continue
            order = ", ".join(_var(k) for k in sorted(numbers))
            if complete:
                before = _shown(broken[expected]) if expected in broken else _var(expected)
                detail = (
                    f"{_shown(ph)} comes before {before}; number variables in the order they appear"
                )
            elif 0 in numbers:
                detail = "numbering starts at {{0}}; it must start at {{1}}"
            else:
                missing = min(set(range(1, max(numbers) + 1)) - numbers)
                detail = f"variables are {order}: {{{{{missing}}}}} is missing"
            fixed = ", ".join(_var(k) for k in range(1, len(numbers) + 1))
            yield Hit(
                comp,
                ph.start,
                ph.end,
                {"what": _what(comp), "detail": detail, "placeholder": _canonical(ph)},
                f"Renumber the {_noun(comp)[4:]} variables {fixed} in order of appearance "
                "(and put the samples in the same order).",
            )
            break


@register("variable-repeated", placeholders=True)
def variable_repeated(check: FormatCheck, template: Template) -> Iterator[Hit]:
    for comp in check.comps(template):
        seen: dict[str, Placeholder] = {}
        for ph in valid_placeholders(comp.text):
            if ph.key in seen:
                yield Hit(comp, ph.start, ph.end, {"what": _what(comp), "placeholder": ph.text})
            else:
                seen[ph.key] = ph


@register("variable-mixed", placeholders=True)
def variable_mixed(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Numbered and named variables in one template (Meta's parameter_format is one or the
    other for the whole template)."""
    first: str | None = None
    for comp in check.comps(template):
        for ph in valid_placeholders(comp.text):
            if first is None:
                first = ph.kind
            elif ph.kind != first:
                yield Hit(
                    comp,
                    ph.start,
                    ph.end,
                    {"placeholder": ph.text, "first": first, "this": ph.kind},
                )
                return


@register("variable-at-edge", placeholders=True)
def variable_at_edge(check: FormatCheck, template: Template) -> Iterator[Hit]:
    for comp in check.comps(template):
        phs = _variables(comp.text)
        if not phs:
            continue
        text = comp.text
        lead = len(text) - len(text.lstrip())
        tail = len(text.rstrip())
        first, last = phs[0], phs[-1]
        if first.start == lead:
            yield Hit(
                comp,
                first.start,
                first.end,
                {"what": _what(comp), "placeholder": _shown(first), "where": "starts"},
                _lead_in(template.language or check.ctx.config.default_language, _canonical(first)),
            )
        if last.end == tail and not (len(phs) == 1 and first.start == lead):
            yield Hit(
                comp,
                last.start,
                last.end,
                {"what": _what(comp), "placeholder": _shown(last), "where": "ends"},
                f"Add words or a full stop after {_canonical(last)}.",
            )


def _lead_in(language: str | None, var: str) -> str:
    """TPL323's advice: an English greeting as the example only for an English template (or
    one with no language); other languages get advice that does not put words in their mouth."""
    language = (language or "en").strip().lower()
    if language == "en" or language.startswith(("en_", "en-")):
        return f'Put words before {var}, e.g. "Hi {var}, …".'
    return f"Put words before {var}, e.g. a greeting in the template's language."


@register("variables-adjacent", placeholders=True)
def variables_adjacent(check: FormatCheck, template: Template) -> Iterator[Hit]:
    for comp in check.comps(template):
        phs = _variables(comp.text)
        for a, b in itertools.pairwise(phs):
            if not comp.text[a.end : b.start].strip():
                values = {"what": _what(comp), "first": _shown(a), "second": _shown(b)}
                yield Hit(comp, a.start, b.end, values)


_WORD = re.compile(r"\w+")


@register("variable-density", placeholders=True)
def variable_density(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Fewer than ``words-per-variable`` x variables + ``extra-words`` other words."""
    per = check.num("words-per-variable", 2)
    extra = check.num("extra-words", 1)
    for comp in check.comps(template):
        phs = _variables(comp.text)
        if not phs:
            continue
        needed = per * len(phs) + extra
        # counted up to ``needed`` only: exact whenever it is short, and a body of 60 words
        # stops after the few it needs (~4 us a template with a variable)
        found = _WORD.finditer(replace_placeholders(comp.text, " ", ALL))
        words = sum(1 for _ in itertools.islice(found, max(needed, 0)))
        if words < needed:
            yield Hit(
                comp,
                phs[0].start,
                phs[-1].end,
                {
                    "what": _what(comp),
                    "count": _n(len(phs), "variable"),
                    "words": _n(words, "other word"),
                    "needed": needed,
                },
                f"Add at least {_n(needed - words, 'more word')} of fixed text, or use fewer "
                "variables.",
            )


@register("malformed-variable", placeholders=True)
def malformed_variable(check: FormatCheck, template: Template) -> Iterator[Hit]:
    style = ""  # worked out for the first broken variable only
    for comp in check.comps(template):
        phs = find_placeholders(comp.text, frozenset({NUMBERED, MALFORMED}))
        if not any(ph.kind == MALFORMED for ph in phs):
            continue
        style = style or _style(template)
        plan = _Renumbering(template, comp, style)
        for ph in phs:
            if ph.kind != MALFORMED:
                continue
            values = {"placeholder": ph.text, "reason": ph.reason, "what": _what(comp)}
            number = _own_number(ph)
            if number is not None:
                better = _var(number)
                yield Hit(
                    comp,
                    ph.start,
                    ph.end,
                    values,
                    f"Replace `{ph.text}` with `{better}`.",
                    # safe when only braces and spaces change ("{{ 1 }}", "{1}"); "{{#1}}",
                    # "{{01}}" are a guess
                    edit=(ph.start, ph.end, better, _inner(ph.text) == _inner(better)),
                )
                continue
            fix = _variable_fix(template, comp, ph, style, plan)
            if fix is None:
                hint = "Write variables as {{1}}, {{2}}… (or {{name}}), two braces on each side."
                yield Hit(comp, ph.start, ph.end, values, hint)
                continue
            _, hint, edit, also = fix
            yield Hit(comp, ph.start, ph.end, values, hint, edit=edit, also=also)


def _inner(placeholder: str) -> str:
    return re.sub(r"[{}\s]", "", placeholder)


@register("foreign-variable", placeholders=True)
def foreign_variable(check: FormatCheck, template: Template) -> Iterator[Hit]:
    style = ""  # worked out for the first foreign variable only
    for comp in check.comps(template):
        phs = find_placeholders(comp.text)
        if not any(ph.kind == FOREIGN for ph in phs):
            continue
        style = style or _style(template)
        plan = _Renumbering(template, comp, style)
        for ph in phs:
            if ph.kind != FOREIGN:
                continue
            fix = _variable_fix(template, comp, ph, style, plan)
            better, hint, edit, also = fix or ("{{name}}", None, None, ())
            values = {"placeholder": ph.text, "reason": ph.reason, "replacement": better}
            yield Hit(comp, ph.start, ph.end, values, hint, edit=edit, also=also)


# --- what a broken or foreign variable becomes --------------------------------------------
#
# A fix must leave a variable Meta reads where it stands, and the template as valid as it was:
# the kind the template uses (Meta's parameter_format is named or positional for the whole
# template), a number that keeps 1, 2, 3… in order of appearance (the variables after it
# renumbered, in the same edit), and a sample where the template gives samples. A fix that
# cannot do all of that is not offered; its hint says what to do.

_NAME_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_ .-]*")
_NAMED_VAR = re.compile(r"[a-z][a-z0-9_]*")
_DIGITS = re.compile(r"[0-9]+")

Also = tuple[tuple[Component, int, int, str], ...]


def _style(template: Template) -> str:
    """ "named" or "numbered": the kind a fixed variable must be. Declared
    (``parameter_format``), else the kind its valid variables are, else named when a broken
    one is written as a name (``{{First_Name}}``), else numbered."""
    declared = str((template.raw or {}).get("parameter_format", "")).upper()
    if declared in ("NAMED", "POSITIONAL"):
        return "named" if declared == "NAMED" else "numbered"
    kinds: set[str] = set()
    broken_name = False
    for comp in template.components:
        if comp.kind in ("header", "body", "footer") and comp.text:
            for ph in find_placeholders(comp.text):
                if ph.kind in (NUMBERED, NAMED):
                    kinds.add(ph.kind)
                elif ph.kind == MALFORMED and _own_number(ph) is None and ph.key:
                    broken_name = broken_name or bool(_NAME_KEY.fullmatch(ph.key))
    if kinds:
        return "named" if kinds == {NAMED} else "numbered"
    return "named" if broken_name else "numbered"


def _own_number(ph: Placeholder) -> int | None:
    """The number a variable is written with, if any (``{{ 2 }}``, ``{{#2}}``, ``{{02}}``)."""
    if ph.kind == NUMBERED:
        return ph.number
    if ph.kind == MALFORMED and _DIGITS.fullmatch(ph.key):
        return int(ph.key)
    return None


def _wants_number(ph: Placeholder, style: str) -> bool:
    """A variable that needs a number it does not have, in a numbered template: another
    tool's, an empty ``{{}}``, or one written as a name (``{{$order_id}}``)."""
    if style != "numbered":
        return False
    if ph.kind == FOREIGN:
        return True
    if ph.kind != MALFORMED or _own_number(ph) is not None or ph.reason.startswith("a stray"):
        return False
    return not ph.key or bool(_NAME_KEY.fullmatch(ph.key))


class _Renumbering:
    """A numbered template's component with its variables that need a number: the number each
    gets by position, the later ones moved up one, and one edit that writes them all."""

    def __init__(self, template: Template, comp: Component, style: str) -> None:
        phs = find_placeholders(comp.text)
        self.numbers: dict[int, int] = {}  # start of a variable that needs one -> its number
        # … or, while the others are out of order, a number none of them has (the highest + 1)
        self.spare: dict[int, int] = {}
        self.edit: tuple[int, int, str, bool] | None = None
        self.shifted = False  # variables already numbered get another number
        self.in_sequence = True
        self.samples_short = False
        if not any(_wants_number(ph, style) for ph in phs):
            return
        firsts = list(dict.fromkeys(n for ph in phs if (n := _own_number(ph)) is not None))
        self.in_sequence = firsts == list(range(1, len(firsts) + 1))
        top = max(firsts, default=0)
        renumbered: dict[int, int] = {}
        groups: dict[str, int] = {}
        new: dict[int, str] = {}
        count = 0
        for ph in phs:
            number = _own_number(ph)
            if number is not None:
                if number not in renumbered:
                    count += 1
                    renumbered[number] = count
                new[ph.start] = _var(renumbered[number])
            elif _wants_number(ph, style):
                # the same name twice ($name … $name) is one variable
                group = _snake(ph.key) or f"@{ph.start}"
                if group not in groups:
                    count += 1
                    groups[group] = count
                self.numbers[ph.start] = groups[group]
                self.spare[ph.start] = top + list(groups).index(group) + 1
                new[ph.start] = _var(groups[group])
        self.shifted = any(old != now for old, now in renumbered.items())
        samples = _samples(template, comp)
        self.samples_short = samples is not None and (self.shifted or len(samples) < count)
        changed = [ph for ph in phs if ph.start in new and new[ph.start] != ph.text]
        if not self.in_sequence or self.samples_short or not changed:
            return
        pieces, last = [], changed[0].start
        for ph in changed:
            pieces += [comp.text[last : ph.start], new[ph.start]]
            last = ph.end
        self.edit = (changed[0].start, last, "".join(pieces), False)  # a number invented


def _samples(template: Template, comp: Component) -> list[Any] | None:
    """The samples given for the component's numbered variables, or None if it has none."""
    if template.raw is None:
        return None
    if comp.kind == "body":
        return template.body_examples
    if comp.kind == "header":
        return template.header_examples
    if comp.kind == "url":
        for n, button in _buttons(template):
            if n == comp.extra.get("n"):
                example = button.get("example")
                return None if example is None else [example]
    return None


def _variable_fix(
    template: Template, comp: Component, ph: Placeholder, style: str, plan: _Renumbering
) -> tuple[str, str, tuple[int, int, str, bool] | None, Also] | None:
    """(what ``ph`` becomes, the hint, the edit or None, edits elsewhere that go with it) for
    a variable without a number of its own; None when there is no telling."""
    if ph.start in plan.numbers:
        better = _var(plan.numbers[ph.start])
        after = " and number the variables after it on" if plan.shifted else ""
        if not plan.in_sequence:
            # its place in order is a number another variable still has: {{4}} beside a {{4}}
            better = _var(plan.spare[ph.start])
            hint = (
                f"Replace `{ph.text}` with a numbered variable, and number the "
                f"{_noun(comp)[4:]} variables 1, 2, 3… in order of appearance (and put the "
                "samples in the same order)."
            )
            return better, hint, None, ()
        if plan.samples_short:
            hint = (
                f"Replace `{ph.text}` with `{better}`{after}; add its sample value as sample "
                f"{plan.numbers[ph.start]} of the {comp.kind} example."
            )
            return better, hint, None, ()
        hint = f"Replace `{ph.text}` with `{better}`{after} (and give it a sample value)."
        return better, hint, plan.edit, ()
    if style != "named" or not ph.key or _own_number(ph) is not None:
        return None
    if ph.kind == MALFORMED and not _NAME_KEY.fullmatch(ph.key):
        return None
    name = _snake(ph.key)
    if not _NAMED_VAR.fullmatch(name):
        return None
    better = _var(name)
    edit = (ph.start, ph.end, better, False)
    params = _named_params(template, comp)
    if params is None or name in params:
        return better, f"Replace `{ph.text}` with `{better}`.", edit, ()
    sample = params.get(ph.key)
    if sample is not None:  # {{First_Name}} with its sample under "First_Name": rename both
        hint = f"Replace `{ph.text}` with `{better}`, and its param_name with '{name}'."
        return better, hint, edit, ((sample, 0, len(sample.text), name),)
    hint = (
        f'Replace `{ph.text}` with `{better}`, and add {{"param_name": "{name}", "example": '
        f'"…"}} to {comp.kind}_text_named_params.'
    )
    return better, hint, None, ()


def _named_params(template: Template, comp: Component) -> dict[str, Component] | None:
    """The ``param_name`` strings of the component's named samples, by name; None when it
    gives none (``{kind}_text_named_params``)."""
    if comp.kind not in ("body", "header") or template.raw is None:
        return None
    raw = _raw_component(template, comp.kind.upper())
    example = raw.get("example") if raw else None
    params = example.get(f"{comp.kind}_text_named_params") if isinstance(example, dict) else None
    if not isinstance(params, list):
        return None
    found: dict[str, Component] = {}
    for param in params:
        if isinstance(param, dict) and isinstance(param.get("param_name"), str):
            name = param["param_name"]
            found[str(name)] = _value_comp(
                template, param, "param_name", "example", f"{comp.kind}.example.{name}"
            )
    return found


# --- authentication templates, media headers, phone buttons -------------------------------


def _raw_comps(template: Template) -> list[dict[str, Any]] | None:
    """The JSON template's component objects, or None for a template not in Meta's shape."""
    comps = (template.raw or {}).get("components")
    return [c for c in comps if isinstance(c, dict)] if isinstance(comps, list) else None


def _value_comp(
    template: Template, obj: dict[str, Any], key: str, kind: str, label: str
) -> Component:
    """Where to point at ``obj[key]``: the string itself, else the value's JSON text (a number
    has no recorded position: it is found after its key), else the ``{`` of ``obj``."""
    value = obj.get(key)
    omap = getattr(value, "omap", None)
    if isinstance(value, str) and omap is not None:
        return Component(kind, label, str(value), omap)
    start = getattr(obj, "start", None)
    if start is None:
        return Component(kind, label, "", OffsetMap.identity(template.anchor, 0))
    pattern = re.compile(rf'"{re.escape(key)}"\s*:\s*([^,}}\]\s]+)')
    m = pattern.search(template.index.text, start) if key in obj else None
    if m is not None:
        return Component(kind, label, m.group(1), OffsetMap.identity(m.start(1), len(m.group(1))))
    return Component(kind, label, "{", OffsetMap.identity(start, 1))


_OTP_TYPES = ("COPY_CODE", "ONE_TAP", "ZERO_TAP")


def _otp_url(url: object) -> bool:
    """A URL button as Meta returns an OTP button when the template is read back (GET)."""
    return isinstance(url, str) and url.strip().lower().startswith("https://www.whatsapp.com/otp/")


def _names_app(button: dict[str, Any]) -> bool:
    """A one-tap or zero-tap button names the Android app: ``package_name`` and
    ``signature_hash``, or a ``supported_apps`` list of such pairs."""

    def named(obj: object) -> bool:
        return isinstance(obj, dict) and all(
            isinstance(obj.get(k), str) and obj[k].strip()
            for k in ("package_name", "signature_hash")
        )

    apps = button.get("supported_apps")
    if isinstance(apps, list) and apps:
        return all(named(app) for app in apps)
    return named(button)


@register("otp-button", needs=("json",))
def otp_button(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """An authentication template's OTP button: there, of a known ``otp_type``, and for one-tap
    and zero-tap naming the app. More than one is TPL313's (``max-otp``)."""
    comps = _raw_comps(template)
    if comps is None:
        return
    buttons = _buttons(template)
    otp = [(n, b) for n, b in buttons if _btype(b) == "OTP" or _otp_url(b.get("url"))]
    if not otp:
        holder = next((c for c in comps if str(c.get("type", "")).upper() == "BUTTONS"), None)
        start = getattr(holder, "start", None)
        comp = (
            Component("button", "buttons", "{", OffsetMap.identity(start, 1))
            if start is not None
            else None
        )
        has = ", ".join(sorted({_TYPE_NAMES.get(_btype(b), _btype(b)) for _, b in buttons}))
        has = f" (only {has})" if has else ""
        yield Hit(
            comp,
            *(_whole(comp) if comp else (0, 0)),
            {
                "detail": f"Authentication template has no OTP button{has}; Meta requires one "
                "(otp_type COPY_CODE, ONE_TAP or ZERO_TAP)"
            },
        )
        return
    for n, button in otp:
        if _btype(button) != "OTP":
            continue  # read back from Meta: Meta wrote it
        kind = str(button.get("otp_type", "")).strip().upper()
        if kind in _OTP_TYPES and (kind == "COPY_CODE" or _names_app(button)):
            continue
        comp = (
            _value_comp(template, button, "otp_type", "button", f"buttons[{n}].otp_type")
            if "otp_type" in button
            else _button_comp(template, n, button)
        )
        if kind not in _OTP_TYPES:
            given = button.get("otp_type")
            detail = (
                f"OTP button {n + 1} has otp_type {given!r}, not COPY_CODE, ONE_TAP or ZERO_TAP; "
                "Meta refuses the template"
                if given is not None
                else f"OTP button {n + 1} has no otp_type (COPY_CODE, ONE_TAP or ZERO_TAP); Meta "
                "refuses the template"
            )
            fix = 'Set "otp_type": "COPY_CODE" (or ONE_TAP / ZERO_TAP with your Android app).'
        else:
            detail = (
                f"{kind} button {n + 1} names no Android app (package_name and signature_hash, "
                "or supported_apps); Meta needs the app for one-tap and zero-tap"
            )
            fix = (
                'Add "supported_apps": [{"package_name": "…", "signature_hash": "…"}] for your '
                'Android app, or use "otp_type": "COPY_CODE".'
            )
        yield Hit(comp, *_whole(comp), {"detail": detail}, fix)


_MEDIA_FORMATS = ("IMAGE", "VIDEO", "GIF", "DOCUMENT")


@register("auth-content")
def auth_content(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Links, emoji, URL buttons and media or location headers in an authentication
    template (Meta: "URLs, media, and emojis are not supported")."""
    comps = _raw_comps(template) or []
    header = next((c for c in comps if str(c.get("type", "")).upper() == "HEADER"), None)
    fmt = str(header.get("format", "TEXT")).upper() if header is not None else "TEXT"
    if header is not None and fmt in (*_MEDIA_FORMATS, "LOCATION"):
        comp = _value_comp(template, header, "format", "header", "header.format")
        yield Hit(
            comp,
            *_whole(comp),
            {"what": "Header", "found": f"is {'an' if fmt[0] in 'AEIOU' else 'a'} {fmt} header"},
        )
    buttons = dict(_buttons(template))
    for comp in check.comps(template):
        if comp.kind == "url":
            if not _otp_url(comp.text):
                label = buttons.get(comp.extra.get("n", -1), {}).get("text")
                what = f'Button "{label}"' if isinstance(label, str) else "Button"
                yield Hit(
                    comp, *_whole(comp), {"what": what, "found": f"links to {comp.text.strip()}"}
                )
            continue
        if comp.kind != "button" and ("." in comp.text or "://" in comp.text):
            from linter.kinds.domain import build_extractor, find_links

            extractor = lambda: check.ctx.shared("domain.tldextract", build_extractor)  # noqa: E731
            for link in find_links(comp.text, extractor):
                found = f"has a link ({link.text})"
                yield Hit(comp, link.start, link.end, {"what": _what(comp), "found": found})
        text = mask_placeholders(comp.text, "\0", ALL)
        for m in _EMOJI.finditer(text):
            found = f"has an emoji ({m.group()})"
            yield Hit(comp, m.start(), m.end(), {"what": _what(comp), "found": found})


def _pattern_table(check: FormatCheck, key: str) -> dict[str, re.Pattern[str]]:
    """``key``: language (``en``, or a locale such as ``pt_BR``) -> a pattern."""
    from linter.kinds import settings_origin

    given = check.params.get(key, {})
    where = settings_origin(check.rule, check.ctx)
    if not isinstance(given, dict):
        raise ValueError(f"{where}: '{key}' must be a table of language = pattern")
    out: dict[str, re.Pattern[str]] = {}
    for lang, pattern in given.items():
        if not isinstance(pattern, str):
            raise ValueError(f"{where}: {key}.{lang} must be a pattern (a string)")
        try:
            out[lang.lower()] = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: {key}.{lang} is not a valid pattern: {exc}") from None
    return out


class _AuthSetup(NamedTuple):
    presets: dict[str, re.Pattern[str]]  # the whole body text of Meta's preset
    footers: dict[str, re.Pattern[str]]  # the whole expiry line of its footer
    reads_as: Any  # language.Profiles of common words, for a body that declares no language
    min_words: int


def _presets_setup(check: FormatCheck) -> _AuthSetup:
    """``presets`` and ``footers``: language -> a pattern the whole body (footer) text must
    match, Meta's preset in that language; ``reads-as``: language -> its common words, which
    name the language of a body that declares none."""
    from linter.kinds import settings_origin

    given = check.params.get("reads-as", {})
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        where = settings_origin(check.rule, check.ctx)
        raise ValueError(f"{where}: 'reads-as' must be a table of language = words")
    from linter.kinds.language import Profiles

    reads_as = Profiles.build({k.lower(): v for k, v in given.items()})
    return _AuthSetup(
        _pattern_table(check, "presets"),
        _pattern_table(check, "footers"),
        reads_as,
        check.num("reads-as-min-words", 2),
    )


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def _reads_as(setup: _AuthSetup, text: str) -> str | None:
    """The language whose common words a body that declares none uses: at least
    ``min_words`` distinct ones, and more than any other listed language's."""
    _, hits = setup.reads_as.count(mask_placeholders(text, " ", ALL))
    counts = sorted(((n, lang) for lang, n in hits.items()), reverse=True)
    if not counts or counts[0][0] < setup.min_words:
        return None
    if len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][1]


@register("auth-body", setup=_presets_setup)
def auth_body(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Text in an authentication body that cannot be Meta's preset: no variable for the code,
    more than one variable, or, in a language whose preset the rule knows, other words (and
    a footer other than the preset's expiry line). A body that declares no language (and a run
    with no default-language) is compared in the language whose common words it uses."""
    setup: _AuthSetup = check.setup
    comp = template.component("body")
    lang = template.language or check.ctx.config.default_language
    if comp is None or not comp.text.strip():
        # the creation payload: Meta writes the text (a FOOTER's text is still the author's)
        yield from _auth_footer(template, _preset_for(setup.footers, lang))
        return
    phs = {p.key: p.text for p in valid_placeholders(comp.text)}
    lead = len(comp.text) - len(comp.text.lstrip())
    if not lang or not lang.strip():
        lang = _reads_as(setup, comp.text)
    footer = _preset_for(setup.footers, lang)
    if len(phs) == 1:
        preset = _preset_for(setup.presets, lang)
        text = comp.text.strip()
        if preset is None or preset.fullmatch(text):
            yield from _auth_footer(template, footer)
            return
        # A text draft has no footer of its own: its last paragraph may be the expiry line,
        # and so may its last line when it is that line ("... do not share this code.\nThis
        # code expires in 10 minutes." is the preset and its footer, as with a blank line).
        parts = _PARAGRAPH_BREAK.split(text) if footer is not None else []
        if len(parts) < 2 and footer is not None:
            parts = _LINE_BREAK.split(text)
            parts = parts if len(parts) > 1 and footer.fullmatch(parts[-1]) else []
        tail = parts[-1] if len(parts) > 1 else ""
        head = text[: len(text) - len(tail)].rstrip()
        if tail and preset.fullmatch(head):
            if footer is not None and footer.fullmatch(tail):
                return
            start = comp.text.rindex(tail)
            detail = "ends with a footer line other than Meta's expiry warning"
            yield Hit(comp, start, start + len(tail), {"detail": detail})
            return
        detail = "is not Meta's preset text in its language"
    elif phs:
        detail = f"has {len(phs)} variables ({', '.join(phs.values())})"
    else:
        detail = "has text but no variable for the code"
    yield Hit(comp, lead, len(comp.text.rstrip()), {"detail": detail})


def _auth_footer(template: Template, footer: re.Pattern[str] | None) -> Iterator[Hit]:
    """A FOOTER text beside the preset body that is not the preset's expiry line."""
    comp = template.component("footer")
    if footer is None or comp is None or not comp.text.strip():
        return
    if footer.fullmatch(comp.text.strip()):
        return
    lead = len(comp.text) - len(comp.text.lstrip())
    detail = "comes with a footer other than Meta's expiry warning"
    yield Hit(comp, lead, len(comp.text.rstrip()), {"detail": detail})


def _preset_for(
    presets: dict[str, re.Pattern[str]], language: str | None
) -> re.Pattern[str] | None:
    if not language or not presets:
        return None
    code = language.strip().replace("-", "_").lower()
    return presets.get(code) or presets.get(code.split("_")[0])


@register("code-expiration", needs=("json",))
def code_expiration(check: FormatCheck, template: Template) -> Iterator[Hit]:
    low, high = check.num("min", 1), check.num("max", 90)
    for comp in _raw_comps(template) or []:
        if "code_expiration_minutes" not in comp:
            continue
        value = comp["code_expiration_minutes"]
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and low <= value <= high:
            continue
        where = _value_comp(
            template, comp, "code_expiration_minutes", "footer", "footer.code_expiration_minutes"
        )
        shown = value if whole else _json_text(value)
        yield Hit(
            where,
            *_whole(where),
            {"value": shown, "min": low, "max": high},
            f"Set code_expiration_minutes to a whole number from {low} to {high}.",
        )


def _json_text(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)[:40]


@register("media-header-example", needs=("json",))
def media_header_example(check: FormatCheck, template: Template) -> Iterator[Hit]:
    for comp in _raw_comps(template) or []:
        if str(comp.get("type", "")).upper() != "HEADER":
            continue
        fmt = str(comp.get("format", "")).upper()
        if fmt not in _MEDIA_FORMATS:
            continue
        example = comp.get("example")
        handles = example.get("header_handle") if isinstance(example, dict) else None
        handles = [handles] if isinstance(handles, str) else handles
        if isinstance(handles, list) and any(isinstance(h, str) and h.strip() for h in handles):
            continue
        where = _value_comp(template, comp, "format", "header", "header.format")
        yield Hit(where, *_whole(where), {"format": fmt})


_INTERNATIONAL = re.compile(r"\s*\+\s*\d")


@register("phone-number", needs=("json",))
def phone_number(check: FormatCheck, template: Template) -> Iterator[Hit]:
    for n, button in _buttons(template):
        if _btype(button) != "PHONE_NUMBER":
            continue
        number = button.get("phone_number")
        label = button.get("text")
        what = f'Phone-number button "{label}"' if isinstance(label, str) else "Phone-number button"
        if not isinstance(number, str) or not number.strip():
            comp = _button_comp(template, n, button)
            yield Hit(comp, *_whole(comp), {"what": what, "detail": "has no phone_number"})
            continue
        if _INTERNATIONAL.match(number):
            continue
        comp = _value_comp(template, button, "phone_number", "button", f"buttons[{n}].phone_number")
        digits = number.strip()
        if digits.startswith("00"):
            detail, fix = (
                f"has {digits!r}, with the 00 dialling prefix",
                f"Write + instead of 00: `+{digits[2:].lstrip()}`.",
            )
        else:
            detail, fix = (
                f"has {digits!r} with no + and country code",
                "Write the number with + and its country code, e.g. `+15550100` or "
                "`+919876543210`.",
            )
        yield Hit(comp, *_whole(comp), {"what": what, "detail": detail}, fix)


# --- samples ------------------------------------------------------------------------------


def _example_comp(template: Template, label: str) -> Component | None:
    for comp in template.components:
        if comp.kind == "example" and comp.label == label:
            return comp
    return None


@register("sample-count", needs=("samples",))
def sample_count(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """Samples given for the body or header, but not one per variable."""
    for kind, samples, prefix in (
        ("header", template.header_examples, "header"),
        ("body", template.body_examples, "body"),
    ):
        comp = template.component(kind)
        if comp is None:
            continue
        phs = _variables(comp.text)
        numbered: dict[int, Placeholder] = {}
        for ph in phs:
            if ph.kind != NAMED and (number := _own_number(ph)) is not None:
                numbered.setdefault(number, ph)
        if samples is not None and (numbered or samples):
            count = len(numbered)
            if len(samples) < count:
                # a header variable over Meta's limit is one to move, not to give a sample:
                # TPL306 says so, and advice to add its sample would contradict it
                refused = _over_the_limit(check, comp) if kind == "header" else frozenset()
                for n in sorted(numbered)[len(samples) :]:
                    ph = numbered[n]
                    if ph.start in refused:
                        continue
                    yield Hit(
                        comp,
                        ph.start,
                        ph.end,
                        {
                            "detail": f"{_shown(ph)} has no sample value: "
                            f"{_n(len(samples), 'sample')} for {_n(count, 'variable')}",
                            "placeholder": _canonical(ph),
                        },
                        f"Add a sample value for {_canonical(ph)} to the {kind} example.",
                    )
            elif len(samples) > count:
                for k in range(count + 1, len(samples) + 1):
                    ex = _example_comp(template, f"{prefix}.example[{k}]")
                    yield Hit(
                        ex or comp,
                        *(_whole(ex) if ex else (0, 0)),
                        {
                            "detail": f"{_n(len(samples), 'sample')} for "
                            f"{_n(count, 'variable')} in the {kind}; sample {k} has no variable",
                            "placeholder": "",
                        },
                        "Remove the extra sample, or add the variable it belongs to.",
                    )
        if kind == "body" and template.named_examples is not None:
            names = {p.key: p for p in phs if p.kind == NAMED}
            for key, ph in names.items():
                if key not in template.named_examples:
                    yield Hit(
                        comp,
                        ph.start,
                        ph.end,
                        {
                            "detail": f"{ph.text} has no sample in body_text_named_params",
                            "placeholder": ph.text,
                        },
                        f'Add {{"param_name": "{key}", "example": "…"}}.',
                    )
            for key in template.named_examples:
                if key not in names:
                    ex = _example_comp(template, f"body.example.{key}")
                    yield Hit(
                        ex,
                        *(_whole(ex) if ex else (0, 0)),
                        {
                            "detail": f"sample for '{key}', but the body has no {{{{{key}}}}}",
                            "placeholder": "",
                        },
                        "Remove the sample, or add the variable it belongs to.",
                    )


def _over_the_limit(check: FormatCheck, comp: Component) -> frozenset[int]:
    """Where the header's variables past the header-variable rule's ``max`` start (TPL306
    flags each; none when the rules folder has no such rule)."""
    limit = check.ctx.shared("format.header-variables", lambda: _header_limit(check))
    if limit is None:
        return frozenset()
    phs = find_placeholders(comp.text, frozenset({NUMBERED, NAMED, MALFORMED}))
    return frozenset(ph.start for ph in phs[limit:])


def _header_limit(check: FormatCheck) -> int | None:
    from linter.rulebook import config_rules, params_under

    for rule in config_rules(check.ctx.config):
        if rule.params.get("check") == "variable-count" and "header" in rule.components:
            value = params_under(rule, check.ctx.config).get("max", 1)
            return int(value) if isinstance(value, (int, float)) else None
    return None


def _raw_component(template: Template, ctype: str) -> dict[str, Any] | None:
    comps = (template.raw or {}).get("components")
    for comp in comps if isinstance(comps, list) else []:
        if isinstance(comp, dict) and str(comp.get("type", "")).upper() == ctype:
            return comp
    return None


@register("sample-missing", placeholders=True, needs=("json",))
def sample_missing(check: FormatCheck, template: Template) -> Iterator[Hit]:
    """A Meta-shaped template with variables and no example block at all."""
    if not isinstance((template.raw or {}).get("components"), list):
        return
    for kind in ("header", "body"):
        comp = template.component(kind)
        raw = _raw_component(template, kind.upper())
        if comp is None or raw is None:
            continue
        example = raw.get("example")
        if isinstance(example, dict) and any(k.startswith(f"{kind}_text") for k in example):
            continue  # given: whether it matches is sample-count's business
        phs = _variables(comp.text)
        if phs:
            field = f"{kind}_text_named_params" if phs[0].kind == NAMED else f"{kind}_text"
            shape = (
                '[{"param_name": "…", "example": "…"}]'
                if phs[0].kind == NAMED
                else ('[["…"]]' if kind == "body" else '["…"]')
            )
            yield Hit(
                comp,
                phs[0].start,
                phs[0].end,
                {"what": _what(comp), "count": _n(len(phs), "variable"), "field": field},
                f'Add "example": {{"{field}": {shape}}} to the {kind}, one sample per variable.',
            )


_SAMPLE_BAD = re.compile(r"\r\n|[\n\r]|\t| {5,}")
_SAMPLE_LABEL = re.compile(r"(body|header)\.example(?:\[([0-9]+)\]|\.(.*))|buttons\[([0-9]+)\]\..*")
SAMPLE_SHOWN = 30  # characters of a sample quoted in a message, around what is wrong


def _sample_name(label: str) -> str:
    """How a message names a sample: "The sample for {{2}}", not "body.example[2]"."""
    m = _SAMPLE_LABEL.fullmatch(label)
    if m is None:
        return f"Sample {label}"
    part, number, name, button = m.groups()
    if button is not None:
        return f"The sample URL of button {int(button) + 1}"
    whose = "" if part == "body" else "the header's "
    return f"The sample for {whose}{_var(number if number is not None else name)}"


def _sample_quote(text: str, start: int, end: int) -> str:
    """The sample, or the part of it around ``start:end``, on one line: a line break shown as
    "↵", a tab as "\\t", other control characters escaped."""
    begin = 0
    if len(text) > SAMPLE_SHOWN:
        begin = max(0, min(start - SAMPLE_SHOWN // 3, len(text) - SAMPLE_SHOWN))
    shown = text[begin : begin + SAMPLE_SHOWN]
    shown = re.sub(r"\r\n|[\n\r]", "↵", shown).replace("\t", "\\t")
    shown = safe(shown)
    head = "…" if begin > 0 else ""
    tail = "…" if begin + SAMPLE_SHOWN < len(text) else ""
    return f"'{head}{shown}{tail}'"


@register("sample-format")
def sample_format(check: FormatCheck, template: Template) -> Iterator[Hit]:
    max_spaces = check.num("max-spaces", 4)
    bad = _SAMPLE_BAD if max_spaces == 4 else re.compile(rf"\r\n|[\n\r]|\t| {{{max_spaces + 1},}}")
    for comp in template.components:
        if comp.kind != "example":
            continue
        if not comp.text.strip():
            yield Hit(comp, *_whole(comp), {"what": _sample_name(comp.label), "found": "is empty"})
            continue
        for m in bad.finditer(comp.text):
            found = {"\t": "a tab"}.get(m.group())
            if found is None:
                found = (
                    "a line break"
                    if m.group().strip(" ")
                    else (f"{len(m.group())} spaces in a row")
                )
            # a sample only shows the reviewer a value: one space reads the same
            yield Hit(
                comp,
                m.start(),
                m.end(),
                {
                    "what": f"{_sample_name(comp.label)} "
                    f"({_sample_quote(comp.text, m.start(), m.end())})",
                    "found": f"has {found}",
                },
                edit=(m.start(), m.end(), " ", True),
            )


__all__ = ["CHECKS", "FormatCheck", "register"]
