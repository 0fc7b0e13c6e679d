"""Rule kinds: the handful of checks that rule files in ``rules/`` are instances of.

Modules are imported only when a selected rule needs them, so a run that needs no spaCy or
tldextract never pays for their import.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.config import Config
    from linter.normalize import Normalized
    from linter.rulebook import Rule
    from linter.template import Component, Template

KINDS = {
    "pattern": "linter.kinds.pattern:PatternCheck",
    "phrase": "linter.kinds.phrase:PhraseCheck",
    "domain": "linter.kinds.domain:DomainCheck",
    "spelling": "linter.kinds.spelling:SpellingCheck",
    "format": "linter.kinds.format:FormatCheck",
    "duplicate": "linter.kinds.duplicate:DuplicateCheck",
    "classifier": "linter.kinds.classifier:ClassifierCheck",
    "engine": "linter.kinds:EngineCheck",
}

# Options a rule of each kind reads beyond those its rule file sets, with what they default
# to: a config may set these, or any parameter the rule file has; anything else is a typo.
KIND_OPTIONS: dict[str, dict[str, str]] = {
    "pattern": {
        "patterns": "regexes, one match enough",
        "exceptions": "regexes whose matches are let through",
        "case-sensitive": "false",
        "replace": "the fix to suggest, if any",
        "context": "words (or a .txt word list) one of which the template must also hold",
    },
    "phrase": {
        "phrases": "phrases matched word by word",
        "patterns": "spaCy token patterns",
        "exceptions": "phrases or token patterns whose matches are let through",
        "triggers": "words one of which a text must hold (default: read from the phrases)",
        "context": "words (or a .txt word list) one of which the template must also hold",
    },
    "domain": {
        "domains": "a list, or a file in linter/data (default url_shorteners.txt)",
        "extra-domains": "domains added to the list",
    },
    "spelling": {
        "dictionaries": 'language → word list: "english", a shipped Hunspell name ("es_ES",'
        ' "pt_BR", "pt_PT") or a path to NAME.aff and NAME.dic',
        "languages": "template languages checked (default: those with a dictionary)",
        "loanwords": "30000: most frequent English words also known in other languages",
        "voseo": "template languages (whole codes) whose Spanish verbs take voseo forms",
        "min-known": "0.6: share of known words below which a text is taken as another language",
        "min-words": "4: words before that share is judged",
    },
    "format": {},
    "duplicate": {"compare-footer": "true"},
    "classifier": {
        "threshold": "the model's, from its metadata",
        "confidence": "0.5",
        "model-dir": "the bundled model; or a folder `templint train --out` wrote, from the"
        " config file's folder; TPL501 and TPL502 read the same model, whichever names it"
        " (two different folders are an error)",
        "explain": "3: words named in the message",
    },
    "engine": {},
}


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Lenient(string.Formatter):
    """``str.format_map`` where a format that does not suit the value (``{limit:,}`` of a
    text, ``{count:.1}`` of a whole number) shows the value as it is instead of raising when
    the finding is printed. Rule files are checked when read (``rulebook.check_format``);
    this covers the kinds that do not say what their values are."""

    def format_field(self, value: Any, format_spec: str) -> str:
        try:
            return format(value, format_spec)
        except (ValueError, TypeError):
            return str(value)


_LENIENT = _Lenient()


@dataclass(slots=True)
class Hit:
    """Where a rule fired: offsets into one component's text, or the whole template."""

    component: Component | None
    start: int = 0
    end: int = 0
    values: dict[str, Any] = field(default_factory=dict)  # fills the rule's message
    fix: str | None = None
    message: str | None = None  # replaces the rule's message outright
    # What ``--fix`` may write: (start, end, replacement, safe) in the component's text. Safe
    # edits change nothing the writer meant (a language code's form); unsafe ones are a best
    # guess (a spelling suggestion, https:// for a site) and need ``--unsafe-fixes``.
    edit: tuple[int, int, str, bool] | None = None
    # Other replacements an editor offers, each as its own quick fix: for the edit's span,
    # second guesses after it; without an edit, for the hit's span (a misspelling's
    # suggestions when none is clearly the word meant). Never written by --fix, nor counted
    # as fixable.
    alternatives: tuple[str, ...] = ()
    # Edits in other components that belong to ``edit`` (a named variable's ``param_name``,
    # renamed with it): (component, start, end, replacement). Written with it or not at all:
    # the finding carries one edit that spans them all.
    also: tuple[tuple[Component, int, int, str], ...] = ()

    def render(self, template: str) -> str:
        if self.message is not None:
            return self.message
        values = _SafeDict(self.values)
        try:
            return template.format_map(values)
        except (ValueError, TypeError):
            return _LENIENT.vformat(template, (), values)


class Context:
    """What checks share within one run: settings and lazily built resources."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}

    def shared(self, key: str, build: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def built(self, key: str) -> Any:
        """What ``shared`` built under ``key`` so far, or None (nothing is built here)."""
        return self._cache.get(key)


class Check:
    """Base class: one instance per rule per run."""

    # True: fires only on templates with a placeholder in some component (format checks)
    needs_placeholders = False
    # True: fires only where ``domain.candidates`` finds a possible link in some text of the
    # template, as written or normalised (the link rules)
    needs_links = False
    # Template fields without which the check has nothing to read ("language", "samples":
    # any example values): the engine skips it for a template lacking one (``Linter._shape``).
    needs_fields: frozenset[str] = frozenset()

    def __init__(self, rule: Rule, ctx: Context) -> None:
        from linter.rulebook import params_under

        self.rule = rule
        self.ctx = ctx
        self.params = params_under(rule, ctx.config)

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        """Check a rule file's parameters when it is read, before any template is linted;
        raise ``linter.rulebook.RuleProblem`` naming the field. Returns the names of the values
        its findings carry, which its message may use (None: the kind does not say)."""
        return None

    def check(self, template: Template) -> Iterable[Hit]:
        return ()

    def check_some(self, template: Template, which: tuple[int, ...]) -> Iterable[Hit]:
        """``check`` when only alternatives ``which`` of ``clauses()`` (by position) can fire
        on this template, as the engine's gates found: a check may skip the others."""
        return self.check(template)

    def literals(self) -> frozenset[str] | None:
        """Casefolded strings one of which occurs (as written or normalised) in any template
        this check can fire on; the engine skips it for others (``linter.gates``). None: no
        such strings are known, always run it."""
        return None

    def clauses(self) -> list[tuple[frozenset[str], ...]] | None:
        """Finer than ``literals``: per alternative way the rule can fire, sets of casefolded
        strings of which a template must hold one each (all sets). None: ``literals`` decides."""
        return None

    def prepare(self, templates: list[Template]) -> None:
        """Work done for many templates at once before ``check`` sees them one by one (the
        classifier scores a batch in numpy). Results go on the templates; default: none."""

    def prepare_run(self, templates: list[Template]) -> None:
        """What a check learns from the other templates of a run before it checks each (a
        name another template has); not called for a batch's rows, which are linted alone.
        Results go on the templates (``scores``, under a name starting with ``_``)."""

    def check_run(self, templates: list[Template]) -> Iterable[tuple[Template, Hit]]:
        """For rules about a run as a whole (duplicates). Runs after every template's check."""
        return ()


class TextCheck(Check):
    """A check of each text component the rule is scoped to. It reads the normalised text
    (``linter.normalize``: evasion tricks undone) and its hits are mapped back to the
    characters the writer typed, with the tricks found inside them noted for the message."""

    _context: Any = False  # the ``context`` words' matcher once built; None: no such option

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.rulebook import strings

        if "context" in params:
            strings(params["context"], "context", "words or .txt word lists")
        return None

    def __init__(self, rule: Rule, ctx: Context) -> None:
        super().__init__(rule, ctx)
        for name in as_strings(self.params.get("context")):
            if _is_word_file(name) and not context_file(name, ctx).is_file():
                # a typo in the settings: one error at load, not a rule that never fires
                raise ValueError(
                    f"{settings_origin(rule, ctx)}: context word list '{name}' not found "
                    f"(looked for {context_file(name, ctx)})"
                )

    def check(self, template: Template) -> Iterator[Hit]:
        hits = self._component_hits(template)
        if "context" not in self.params:
            yield from hits
            return
        first = next(hits, None)
        if first is None:
            return
        if self._context is False:  # built at the first hit: most templates have none
            self._context = context_matcher(self.params.get("context"), self.ctx)
        if self._context is not None and not self._in_context(template):
            return
        yield first
        yield from hits

    def _in_context(self, template: Template) -> bool:
        """Whether some text the rule reads holds a ``context`` word, as written or normalised.
        Wording that threatens in a debt reminder ("we will inform your family") is news in a
        hospital's update: a rule can require the words that make it a violation."""
        for comp in template.components:
            if comp.kind not in self.rule.components or not comp.text:
                continue
            norm = comp.extra.get("_normalized")
            texts = (comp.text, norm.text) if norm is not None and norm.changed else (comp.text,)
            if any(self._context.search(t) for t in texts):
                return True
        return False

    def _component_hits(self, template: Template) -> Iterator[Hit]:
        for comp in template.components:
            if comp.kind in self.rule.components and comp.text:
                norm = normalized(comp, self.ctx) if self.ctx.config.normalize else None
                if norm is None or not norm.changed:
                    for hit in self.find(comp.text):
                        hit.component = comp
                        yield hit
                    continue
                # Both readings: a rule may name an obfuscated spelling itself (TPL102's
                # "c0de"), and normalising must never lose a finding the raw text gives.
                raw = list(self.find(comp.text))
                for hit in raw:
                    hit.component = comp
                    yield hit
                for hit in self.find(norm.text):
                    # made on the normalised text, not what the writer typed
                    hit.edit, hit.alternatives = None, ()
                    evasions = norm.evasions(hit.start, max(hit.end, hit.start))
                    hit.start, hit.end = norm.original_span(hit.start, hit.end)
                    if any(h.start < hit.end and hit.start < h.end for h in raw):
                        continue  # the raw text already gave this finding
                    if "match" in hit.values:
                        hit.values["match"] = comp.text[hit.start : hit.end]
                    if evasions:
                        hit.values["_evasions"] = evasions
                    hit.component = comp
                    yield hit

    def find(self, text: str) -> Iterable[Hit]:
        raise NotImplementedError


def context_matcher(words: Any, ctx: Context) -> Any:
    """The ``context`` option's words (any inflection, case-insensitive; a phrase of several
    words matches across spacing) as one matcher with ``search(text)``, or None for none. An
    entry ending in ``.txt`` names a word list: one a line, ``#`` comments (shipped ones in
    ``rules/vocab/``, a team's beside its config)."""
    if not words:
        return None
    from linter.inflect import inflections
    from linter.kinds.phrase import Triggers

    listed: list[str] = []
    for entry in as_strings(words):
        if _is_word_file(entry):
            lines = context_file(entry, ctx).read_text(encoding="utf-8").splitlines()
            listed += [w for line in lines if (w := line.split("#", 1)[0].strip())]
        else:
            listed.append(entry)
    return Triggers({form for w in listed for form in inflections(w)})


def context_file(name: str, ctx: Context) -> Path:
    from linter.paths import rules_dir, settings_file

    return settings_file(name, ctx.config.source, rules_dir() / "vocab")


def _is_word_file(entry: str) -> bool:
    return entry.endswith(".txt")


def settings_origin(rule: Rule, ctx: Context) -> str:
    """Who set a rule's options, for an error naming them: the config file, or the rule file."""
    if rule.code in ctx.config.options and ctx.config.source:
        return f"{ctx.config.source}: [rules.{rule.code}]"
    return rule.path or rule.code


def as_strings(value: Any) -> tuple[str, ...]:
    """An option that is one string or a list of them, as a tuple; None as ()."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def normalized(comp: Component, ctx: Context) -> Normalized:
    """The component's normalised text, made once per component and shared by every rule."""
    norm = comp.extra.get("_normalized")
    if norm is None:
        norm = comp.extra["_normalized"] = normalized_text(comp.text, ctx)
    return norm


def normalized_text(text: str, ctx: Context) -> Normalized:
    """``normalize(text)`` with the run's dictionary for de-leeting."""
    from linter.normalize import normalize

    return normalize(text, Words(ctx))


class Words:
    """Dictionary lookups for de-leeting, loading the word list only when first asked."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.leet: dict[str, object] = ctx.shared("normalize.leet", dict)  # see _leet_word

    def __contains__(self, word: object) -> bool:
        from linter.kinds.spelling import Dictionary, build_vocabulary

        if word in self.ctx.shared("spelling.dictionary", Dictionary.load):
            return True
        # the accepted vocabulary: brand and domain words ("cashback", "aadhaar")
        vocab = self.ctx.shared("spelling.vocabulary", lambda: build_vocabulary(self.ctx))
        return word in vocab.accept


class EngineCheck(Check):
    """Rules the engine itself reports (unused suppressions); nothing to run per template."""


def known_fields(params: dict[str, Any], known: Iterable[str], kind: str) -> None:
    """A parameter no check of the kind reads is a typo (``exception`` for ``exceptions``)."""
    from linter.rulebook import RuleProblem, _one_of

    known = list(known)
    for key in params:
        if key not in known:
            raise RuleProblem(key, f"a {kind} rule has no such field{_one_of(key, known)}")


def check_class(kind: str) -> type[Check]:
    target = KINDS.get(kind)
    if target is None:
        raise ValueError(f"unknown rule kind {kind!r} (known: {', '.join(KINDS)})")
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


def load_check(rule: Rule, ctx: Context) -> Check:
    try:
        found = check_class(rule.kind)
    except ValueError as exc:
        raise ValueError(f"{rule.path}: {exc}") from None
    return found(rule, ctx)
