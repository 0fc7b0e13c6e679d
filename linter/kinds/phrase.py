"""The ``phrase`` kind: spaCy ``PhraseMatcher`` / ``Matcher`` rules, for wording that varies.

A rule file gives any of:

- ``phrases = ["is now a good time to talk", ...]`` — token sequences, matched case-insensitively
  (``PhraseMatcher`` on ``LOWER``). A ``{{1}}`` in a phrase matches any template variable.
- ``patterns = [[{LEMMA = "talk"}, {LOWER = "to", OP = "?"}, ...], ...]`` — spaCy ``Matcher``
  token patterns. ``LEMMA = "buy"`` (or ``{IN = [...]}``) is expanded here to every inflection
  (buy, buys, bought, buying), since a blank pipeline has no lemmatizer; ``PLACEHOLDER = true``
  matches one template variable such as ``{{1}}`` or ``{{name}}``; string values of ``LOWER``
  are lower-cased for you.
- ``exceptions`` — phrases (strings) and patterns (lists of tables) whose match excuses any hit
  it overlaps ("never share your PIN" excuses "share your PIN").
- ``context`` — words one of which the template must also hold for a hit to count (read by
  every text kind: ``TextCheck``).
- ``triggers`` — words (any inflection, case-insensitive) at least one of which must occur for
  the rule to match at all. Without them they are derived from the phrases and patterns: one
  required word of each. When no trigger occurs in a text, spaCy is never imported.

Template variables (``{{1}}``) are merged into a single token, so they never split a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.fold import arabic, arabic_plain, dotless, fold, plain_span
from linter.fold import lower as _case
from linter.inflect import inflections
from linter.kinds import Context, Hit, TextCheck

PLACEHOLDER = re.compile(r"\{\{\s*[^{}\s]+\s*\}\}")


def lower(text: str) -> str:
    """A rule's word as the texts are read: lower case, Turkish İ and ı as i, Arabic in its
    plain form (``linter.fold``): a phrase written "أيضاً" finds "ايضا" as people type it."""
    return arabic(_case(text))


def reading(text: str) -> tuple[str, list[int] | None]:
    """The text spaCy reads (Turkish İ as I and ı as i; Arabic in its plain form, its marks
    dropped) and, when Arabic changed its length, where each character came from
    (``fold.arabic_plain``); None when the offsets are the text's own."""
    text = dotless(text)  # one character for one
    plain = arabic_plain(text)
    if plain is None:
        return text, None
    read, where = plain
    return read, (None if len(read) == len(text) else where)


_PLACEHOLDER_TOKEN = r"^\{\{\s*[^{}\s]+\s*\}\}$"
_PLAIN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Poor triggers: common enough that they would load spaCy for almost every template.
_STOP = frozenset(
    "a an the to of in on at for with and or but is are be am was were been it its this that "
    "these those i me my we us our you your he she they them their his her do does did have has "
    "had will would can could shall should may might must not no yes so as by from up out now "
    "just any all some".split()
)
# Frequent in transactional templates: weak triggers, used only when nothing better is required.
_COMMON = frozenset(
    "time call order delivery payment account today tomorrow new get use code please thank "
    "thanks visit book booking date reply number card help team here there what when how "
    "know more minutes".split()
)
# Pieces the tokenizer can split off the end of a word ("cannot", "gimme"): no word boundary
# can be required before them.
_SUFFIX_PIECES = frozenset({"not", "me", "na", "ta", "nt", "s"})
_OPTIONAL_OPS = {"?", "*", "!"}
DOC_CACHE_SIZE = 16


class PhraseRuleError(ValueError):
    pass


def blank_english() -> Any:
    """The one spaCy pipeline of a run: a blank English tokenizer, no model to download, that
    splits a word written in capitals as it splits the word in lower case (``capital_cases``)."""
    nlp = import_spacy().blank("en")
    for string, pieces in capital_cases(nlp.tokenizer.rules).items():
        nlp.tokenizer.add_special_case(string, pieces)
    return nlp


def capital_cases(rules: dict[str, Any]) -> dict[str, list[dict[Any, str]]]:
    """The tokenizer's special cases for lower-case words ("don't" -> "do", "n't"), written in
    capitals ("DON'T" -> "DO", "N'T", the pieces' norms kept), where it has none. spaCy's
    English exceptions give the lower-case and title-case forms only, so "WE HAVEN'T SPOKEN"
    was one token "HAVEN'T" and a phrase "haven't spoken" (tokens "have", "n't", matched on
    ``LOWER``) missed in capitals the text it found in lower case (TPL123, TPL124, TPL172).
    Only the cases with an apostrophe: the others, in capitals, are acronyms as often ("photo
    ID" is no "I", "D"; "CANT", "HED"), and each case added costs start-up time."""
    from spacy.attrs import ORTH

    out: dict[str, list[dict[Any, str]]] = {}
    for string, pieces in rules.items():
        upper = string.upper()
        if "'" not in string and "’" not in string:
            continue
        if string != string.lower() or upper == string or upper in rules or upper in out:
            continue
        if len(upper) != len(string):  # "ß" -> "SS": the pieces no longer line up
            continue
        split, at = [], 0
        for piece in pieces:
            orth = piece[ORTH]
            split.append({**piece, ORTH: upper[at : at + len(orth)]})
            at += len(orth)
        out[upper] = split
    return out


# What spaCy's package __init__ imports from its command-line interface: one name, exposed as
# ``spacy.info``. Importing the CLI package loads typer, weasel, rich, httpx and their kin.
_SPACY_CLI_IMPORT = "from .cli.info import info"


def import_spacy() -> Any:
    """``import spacy``, without importing its command-line interface when spaCy is laid out as
    expected: its __init__ imports ``spacy.cli`` for ``spacy.info`` alone, and with it ~350
    modules (typer, weasel, rich, httpx) that cost every process linting a phrase ~0.25 s and
    ~18 MB (a pre-commit run, each batch worker; measured). templint needs only the tokenizer
    and the matchers. While spaCy imports, ``spacy.cli`` is a stand-in whose ``info`` loads the
    real one when called; the stand-in is then dropped, so a later ``import spacy.cli`` (by
    code that uses templint as a library) gets the real package. A spaCy whose __init__ reads
    the CLI otherwise is imported plainly."""
    import sys

    if "spacy" in sys.modules or not _cli_is_imported_for_info_only():
        import spacy

        return spacy
    import types

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real  # the real package, once the stand-in is gone

        return real(*args, **kwargs)

    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    cli.info = cli_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, cli_info
    try:
        import spacy
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", cli_info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if "__getattr__" not in vars(spacy):
        # ``spacy.cli`` without importing it first worked before: load the package then
        def cli_on_demand(name: str) -> Any:
            if name == "cli":
                import spacy.cli as real

                return real
            raise AttributeError(f"module 'spacy' has no attribute {name!r}")

        spacy.__getattr__ = cli_on_demand  # type: ignore[attr-defined]
    return spacy


def _cli_is_imported_for_info_only() -> bool:
    """Whether spaCy's __init__ reads its CLI package exactly as ``_SPACY_CLI_IMPORT`` and in no
    other line (read from the source, before importing anything)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.origin is None:
            return False
        with open(spec.origin, encoding="utf-8") as fh:
            source = fh.read()
    except (ImportError, OSError, ValueError):
        return False
    uses = [line.strip() for line in source.splitlines() if ".cli" in line or "cli." in line]
    return len(uses) == 1 and uses[0].startswith(_SPACY_CLI_IMPORT)


def make_doc(nlp: Any, text: str) -> Any:
    """Tokenize ``text`` with each template variable (``{{1}}``) as one token of its own.

    The tokenizer would split ``{{1}}`` into five tokens and glue ``x{{2`` together, so the
    text between variables is tokenized piece by piece. ``doc.text`` stays equal to ``text``,
    so token offsets are offsets into the component text.
    """
    if "{{" not in text:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    norms: dict[int, str] = {}  # tokenizer exceptions set norms ("n't" -> "not"): keep them

    def add(segment: str) -> None:
        for tok in nlp.make_doc(segment):
            if tok.norm_ != tok.lower_:
                norms[len(words)] = tok.norm_
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))

    pos = 0
    for m in PLACEHOLDER.finditer(text):
        add(text[pos : m.start()])
        words.append(m.group())
        pos = m.end()
        spaced = text[pos : pos + 1] == " "
        spaces.append(spaced)
        pos += spaced
    add(text[pos:])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for i, norm in norms.items():
        doc[i].norm_ = norm
    return doc if doc.text == text else nlp.make_doc(text)


def _in_values(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
        key = "IN" if "IN" in value else "NOT_IN"
        if isinstance(value[key], list) and all(isinstance(v, str) for v in value[key]):
            return list(value[key])
    raise PhraseRuleError(f"{where}: LEMMA takes a word or {{IN = [words]}}")


def expand_token(token: Any, where: str) -> dict[str, Any]:
    """One token table of a rule file, with this kind's shorthands turned into spaCy's."""
    if not isinstance(token, dict) or not token:
        raise PhraseRuleError(f"{where}: each token must be a non-empty table")
    out: dict[str, Any] = {}
    for key, value in token.items():
        key = key.upper()
        if key == "LEMMA":
            words = _in_values(value, where)
            forms = sorted({lower(f) for w in words for f in inflections(w)})
            op = "NOT_IN" if isinstance(value, dict) and "NOT_IN" in value else "IN"
            out["LOWER"] = {op: forms}
        elif key == "PLACEHOLDER":
            out["TEXT"] = {"REGEX": _PLACEHOLDER_TOKEN if value else r"^(?!\{\{)"}
        elif key == "LOWER" and isinstance(value, str):
            out["LOWER"] = lower(value)
        elif key == "LOWER" and isinstance(value, dict):
            out["LOWER"] = {
                k: [lower(v) for v in vs] if k in ("IN", "NOT_IN") else vs
                for k, vs in value.items()
            }
        else:
            out[key] = value
    return out


# What a token table may test, as spaCy's Matcher reads it on templint's blank pipeline, with
# this kind's shorthands (LEMMA, PLACEHOLDER): checked when a rule file is read, not when
# spaCy first builds a matcher for a text (a rule that failed on every template, TPL002).
_STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "LEMMA"})
_FLAG_ATTRS = frozenset(
    "SPACY IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT IS_SPACE IS_BRACKET "
    "IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY IS_STOP LIKE_NUM LIKE_URL LIKE_EMAIL "
    "PLACEHOLDER".split()
)
# Set only by a trained pipeline's components: on a blank one they never match.
_PIPELINE_ATTRS = frozenset(
    "POS TAG MORPH DEP ENT_TYPE ENT_IOB ENT_ID ENT_KB_ID IS_SENT_START SENT_START".split()
)
_TOKEN_KEYS = (*sorted(_STRING_ATTRS | _FLAG_ATTRS), "LENGTH", "OP")
_STRING_TESTS = frozenset({"IN", "NOT_IN", "REGEX", "INTERSECTS", "IS_SUBSET", "IS_SUPERSET"})
_NUMBER_TESTS = frozenset({"==", "!=", ">=", "<=", ">", "<", "IN", "NOT_IN"})
_OP = re.compile(r"[!?+*]|\{\d*(?:,\d*)?\}")


def check_token(token: Any, where: str) -> None:
    """One token table of a rule file: attributes spaCy knows and can read on a blank
    pipeline, values of the type each takes, a valid ``OP``."""
    from linter.rulebook import RuleProblem, _one_of

    if not isinstance(token, dict) or not token:
        raise RuleProblem(where, f"each token must be a non-empty table, not {token!r}")
    for key, value in token.items():
        attr = key.upper()
        said = f"{where}.{key}"
        if attr in _PIPELINE_ATTRS:
            raise RuleProblem(
                said,
                "needs a trained spaCy pipeline; templint tokenizes with a blank one, so "
                "it would never match (use LOWER, LEMMA or the word lists)",
            )
        if attr == "OP":
            if not isinstance(value, str) or not _OP.fullmatch(value):
                raise RuleProblem(said, f"{value!r} is not one of !, ?, +, *, {{n}}, {{n,m}}")
        elif attr in _FLAG_ATTRS:
            if not isinstance(value, bool):
                raise RuleProblem(said, f"takes true or false, not {value!r}")
        elif attr == "LENGTH":
            tests = value if isinstance(value, dict) else {"==": value}
            for test, arg in tests.items():
                numbers = arg if test in ("IN", "NOT_IN") and isinstance(arg, list) else [arg]
                if test not in _NUMBER_TESTS or not all(
                    isinstance(n, int) and not isinstance(n, bool) for n in numbers
                ):
                    raise RuleProblem(said, "takes a number or {'>=' = n} and the like")
        elif attr in _STRING_ATTRS:
            _check_string_value(value, said)
        else:
            raise RuleProblem(said, f"is not a token attribute{_one_of(attr, _TOKEN_KEYS)}")


def _check_string_value(value: Any, said: str) -> None:
    from linter.rulebook import RuleProblem

    if isinstance(value, str):
        return
    if not isinstance(value, dict) or not value:
        raise RuleProblem(said, f"takes a string or a table such as {{IN = [...]}}, not {value!r}")
    for test, arg in value.items():
        if test not in _STRING_TESTS:
            raise RuleProblem(said, f"{test!r} is not one of {', '.join(sorted(_STRING_TESTS))}")
        if test == "REGEX":
            try:
                re.compile(arg)
            except (re.error, TypeError) as exc:
                raise RuleProblem(said, f"invalid REGEX {arg!r}: {exc}") from None
        elif not isinstance(arg, list) or not all(isinstance(v, str) for v in arg):
            raise RuleProblem(said, f"{test} takes a list of strings, not {arg!r}")


def check_pattern(pattern: Any, where: str) -> list[dict[str, Any]]:
    """A token pattern of a rule file, checked (``RuleProblem``) and expanded."""
    from linter.rulebook import RuleProblem

    if not isinstance(pattern, list) or not pattern:
        raise RuleProblem(where, "a pattern is a non-empty list of token tables")
    for i, token in enumerate(pattern):
        check_token(token, f"{where}[{i}]")
    try:
        return expand_pattern(pattern, where)
    except PhraseRuleError as exc:
        field, _, problem = str(exc).partition(": ")
        raise RuleProblem(field, problem) from None


def expand_pattern(pattern: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(pattern, list) or not pattern:
        raise PhraseRuleError(f"{where}: a pattern is a non-empty list of token tables")
    return [expand_token(tok, where) for tok in pattern]


def _required_words(token: dict[str, Any]) -> set[str] | None:
    """The words one of which must appear wherever ``token`` matches, if that is knowable."""
    op = str(token.get("OP", "1"))
    if op in _OPTIONAL_OPS or (op.startswith("{") and op[1:].split(",")[0].strip() in ("", "0")):
        return None
    for key in ("LOWER", "ORTH", "TEXT"):  # not NORM: "n't" has the norm "not"
        value = token.get(key)
        if isinstance(value, str):
            return {lower(value)}
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and value["IN"]:
            return {lower(str(v)) for v in value["IN"]}
    return None


def _strength(words: set[str]) -> int:
    """How well a word set gates spaCy: the weakest word decides (stop words are useless)."""
    return min(0 if w in _STOP or len(w) < 3 else 1 if w in _COMMON else len(w) for w in words)


def derive_triggers(phrases: list[str], patterns: list[list[dict[str, Any]]]) -> set[str] | None:
    """One required word set per phrase and pattern, or None if some pattern has none."""
    triggers: set[str] = set()
    for phrase in phrases:
        words = [lower(w) for w in _WORD.findall(PLACEHOLDER.sub(" ", phrase))]
        if not words:
            return None
        triggers.add(max(words, key=lambda w: _strength({w})))
    for pattern in patterns:
        options = [w for w in map(_required_words, pattern) if w]
        if not options:
            return None
        triggers |= max(options, key=_strength)
    return triggers


# Words spaCy's English tokenizer splits without punctuation ("cannot" -> "can", "not"): a
# phrase written with them can match text written apart, so they are never required verbatim.
_SPLIT_BY_TOKENIZER = frozenset("cannot gonna gotta wanna gimme lemme dunno".split())
_RUN = re.compile(r"[^\W\d_]+|\d+")


def required_substrings(
    phrases: list[str], patterns: list[list[dict[str, Any]]]
) -> list[list[frozenset[str]]] | None:
    """Per phrase and pattern, the word sets of which one member each must occur in a text
    (lower-cased, as a substring) for it to match; None when some pattern requires nothing.

    Every matched token's lower-case text is a substring of the lower-cased text, so this is a
    necessary condition: a text that fails it for every phrase and pattern cannot match, and
    spaCy is not needed for it.
    """
    out: list[list[frozenset[str]]] = []
    for phrase in phrases:
        words = _RUN.findall(lower(PLACEHOLDER.sub(" ", phrase)))
        out.append([frozenset({w}) for w in words if w not in _SPLIT_BY_TOKENIZER])
    for pattern in patterns:
        reqs = [frozenset(w) for w in map(_required_words, pattern) if w]
        if not reqs:
            return None
        out.append(reqs)
    return out


def inner_pieces(nlp: Any) -> frozenset[str]:
    """Tokens that spaCy's tokenizer starts right after a letter: the later pieces of its
    special cases ("c'mon" -> "c'm", "on"; "cannot" -> "can", "not"; "youll" -> "you", "ll").
    Every other token starting with a letter starts after a character that is not one: the
    tokenizer splits inside a run of letters only by its special cases (its prefixes, suffixes
    and infixes are punctuation, symbols, or units after digits). Tested on many texts."""
    from spacy.attrs import ORTH

    out = set()
    for string, pieces in nlp.tokenizer.rules.items():
        pos = 0
        for k, piece in enumerate(pieces):
            orth = str(piece.get(ORTH, piece.get("ORTH", "")))
            if k and orth[:1].isalpha() and string[pos - 1 : pos].isalpha():
                out.add(orth.lower())
            pos += len(orth)
    return frozenset(out)


def _in_order(lower: str, reqs: list[frozenset[str]], inner: frozenset[str] | None = None) -> bool:
    """Whether one word of each set occurs, each starting after the one before: the order a
    phrase's or pattern's tokens must have. Taking the earliest occurrence each time finds an
    order whenever one exists. With ``inner`` (``inner_pieces``), a word starting with a letter
    must also start a run of letters ("our" inside "your" is no token), unless it is one of
    those pieces."""
    pos = 0
    for req in reqs:
        first = -1
        for word in req:
            at = lower.find(word, pos)
            if inner is not None and word[:1].isalpha() and word not in inner:
                while at > 0 and lower[at - 1].isalpha():
                    at = lower.find(word, at + 1)
            if at != -1 and (first == -1 or at < first):
                first = at
        if first == -1:
            return False
        pos = first + 1
    return True


def _shortest(words: frozenset[str], inner: frozenset[str] | None) -> frozenset[str]:
    """The words of the set no other word of it is a prefix of (see ``_order_sets``)."""

    def covered(w: str) -> bool:
        return any(
            v != w and w.startswith(v) and not (inner is not None and w in inner and v not in inner)
            for v in words
        )

    return frozenset(w for w in words if not covered(w))


class Triggers:
    """The cheap pre-test: plain words are looked up in the text's word set; anything else
    (a multi-word trigger, "n't") goes into one small regex."""

    def __init__(self, words: set[str]) -> None:
        words = {lower(w) for w in words}  # as the text's words are read
        self.words = frozenset(w for w in words if _PLAIN.fullmatch(w) and w not in _SUFFIX_PIECES)
        others = sorted(set(words) - self.words, key=len, reverse=True)
        alts = []
        for word in others:
            body = re.escape(word).replace(r"\ ", r"\s+")
            bounded = word[:1].isalnum() and word not in _SUFFIX_PIECES
            alts.append(rf"(?<!\w){body}" if bounded else body)
        self.regex = re.compile("|".join(alts), re.IGNORECASE) if alts else None

    def search(self, text: str, words: frozenset[str] | None = None) -> bool:
        """``words``: the text's lower-case plain words (``could_match`` splits each text once
        for every phrase rule, and gives the text's ``reading`` too); split here when not given."""
        if words is None:
            text = reading(text)[0]
            words = frozenset(_PLAIN.findall(text.lower()))
        if self.words and not self.words.isdisjoint(words):
            return True
        return self.regex is not None and self.regex.search(text) is not None


class PhraseCheck(TextCheck):
    """``phrases``, ``patterns``, ``exceptions`` and ``triggers``, as described above."""

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        """Phrases and exceptions as lists of strings, each token table of the patterns against
        what spaCy reads, and some word every match needs (``derive_triggers``), unless the
        rule lists ``triggers``."""
        from linter.kinds import KIND_OPTIONS, known_fields
        from linter.rulebook import RuleProblem, strings

        known_fields(params, KIND_OPTIONS["phrase"], "phrase")
        super().validate(params)
        if not params.get("phrases") and not params.get("patterns"):
            raise RuleProblem("phrases", "missing: a phrase rule needs 'phrases' or 'patterns'")
        phrases = (
            list(strings(params["phrases"], "phrases", "phrases", single=False))
            if ("phrases" in params)
            else []
        )
        patterns = params.get("patterns", [])
        if not isinstance(patterns, list):
            raise RuleProblem("patterns", "must be a list of token patterns")
        expanded = [check_pattern(p, f"patterns[{i}]") for i, p in enumerate(patterns)]
        exceptions = params.get("exceptions", [])
        if not isinstance(exceptions, list):
            raise RuleProblem("exceptions", "must be a list of phrases and token patterns")
        for i, exc in enumerate(exceptions):
            if not isinstance(exc, str):
                check_pattern(exc, f"exceptions[{i}]")
            elif not exc.strip():
                raise RuleProblem(f"exceptions[{i}]", "is empty")
        if "triggers" in params:
            strings(params["triggers"], "triggers", "words", single=False)
        else:
            for field, found in [
                *((f"phrases[{i}]", derive_triggers([p], [])) for i, p in enumerate(phrases)),
                *((f"patterns[{i}]", derive_triggers([], [p])) for i, p in enumerate(expanded)),
            ]:
                if found is None:
                    raise RuleProblem(
                        field,
                        "has no word every match must contain (a word of a phrase; in a "
                        "pattern a LOWER, LEMMA or ORTH token that is not optional): "
                        "list such words in 'triggers'",
                    )
        return frozenset({"match"})

    def __init__(self, rule: Any, ctx: Context) -> None:
        super().__init__(rule, ctx)
        where = self.rule.path or self.rule.code
        self.phrases = [str(p) for p in self.params.get("phrases", [])]
        self.patterns = [
            expand_pattern(p, f"{where}: patterns[{i}]")
            for i, p in enumerate(self.params.get("patterns", []))
        ]
        if not self.phrases and not self.patterns:
            raise PhraseRuleError(f"{where}: a phrase rule needs 'phrases' or 'patterns'")
        self.exception_phrases: list[str] = []
        self.exception_patterns: list[list[dict[str, Any]]] = []
        for i, exc in enumerate(self.params.get("exceptions", [])):
            if isinstance(exc, str):
                self.exception_phrases.append(exc)
            else:
                self.exception_patterns.append(expand_pattern(exc, f"{where}: exceptions[{i}]"))
        given = self.params.get("triggers")
        if given is not None:
            triggers = {f for w in given for f in inflections(str(w))}
        else:
            derived = derive_triggers(self.phrases, self.patterns)
            if derived is None:
                raise PhraseRuleError(
                    f"{where}: cannot derive triggers (a pattern has no required literal "
                    "token); list the words one of which every match contains in 'triggers'"
                )
            triggers = derived
        self.triggers = frozenset(triggers)
        self.gate = Triggers(set(triggers))
        self.required = required_substrings(self.phrases, self.patterns)
        self._reduced: tuple[int, list[list[frozenset[str]]]] | None = None
        self._only: tuple[int, ...] | None = None  # the phrases/patterns check_some narrowed to

    def literals(self) -> frozenset[str] | None:
        """The trigger words; of a trigger of several words (matched across any spacing), its
        longest word."""
        out = set()
        for trigger in self.triggers:
            words = _PLAIN.findall(trigger)
            out.add(fold(max(words, key=len) if " " in trigger.strip() and words else trigger))
        return frozenset(out) if out and all(out) else None

    def clauses(self) -> list[tuple[frozenset[str], ...]] | None:
        """Per phrase and pattern: a trigger word, and one of each of its required word sets
        (``could_match``'s two tests, as strings the gates look for)."""
        triggers = self.literals()
        if triggers is None or self.required is None:
            return None
        return [
            (triggers, *(frozenset(fold(w) for w in req) for req in reqs)) for reqs in self.required
        ]

    def check_some(self, template: Any, which: tuple[int, ...]) -> list[Hit]:
        """Only the phrases and patterns at ``which`` (``clauses()`` order) can match here, the
        engine's gates found: ``could_match`` tests their words alone (a rule of 17 patterns
        in four languages need not order-test the 13 whose words the template lacks)."""
        self._only = which
        try:
            return list(self.check(template))
        finally:
            self._only = None

    def could_match(self, text: str) -> bool:
        """The cheap test: a trigger word occurs and so do the words of some phrase or pattern,
        in their order. False means spaCy need not run (nor be imported)."""
        return bool(self._passing(text, first=True))

    def _read(self, text: str) -> list[Any]:
        """[text, its reading lower-cased, the reading's words, the reading, where the
        reading's characters came from (``reading``)]: every phrase rule reads the same text,
        so it is read once."""
        memo: list[Any] = self.ctx.shared("phrase:text", lambda: ["", "", frozenset(), "", None])
        if memo[0] is not text:
            read, where = reading(text)
            low = read.lower()
            memo[:] = text, low, frozenset(_PLAIN.findall(low)), read, where
        return memo

    def _passing(self, text: str, first: bool = False) -> list[int] | None:
        """The phrases and patterns (``clauses()`` order) that pass ``could_match``'s test
        (``first``: stop at one); None when any may match (a pattern requires no word)."""
        memo = self._read(text)
        if not self.gate.search(memo[3], memo[2]):
            return []
        if self.required is None:
            return None
        low = memo[1]
        # once spaCy is loaded (not before: this test is what spares loading it) its pieces
        # are known, and words must also start where spaCy can start a token
        inner = self.ctx.built("phrase:inner")
        sets = self._order_sets(inner)
        which = range(len(sets)) if self._only is None else self._only
        passing = []
        for i in which:
            if _in_order(low, sets[i], inner):
                passing.append(i)
                if first:
                    break
        return passing

    def _order_sets(self, inner: frozenset[str] | None) -> list[list[frozenset[str]]]:
        """``required`` without the words that add nothing to ``_in_order``: a word that has
        another of its set as a prefix ("informed" beside "inform") occurs only where that one
        does, so the earliest occurrence of the set is the same without it (unless the longer
        one is a spaCy inner piece and the shorter not: it may then stand where that cannot)."""
        key = id(inner)
        if self._reduced is None or self._reduced[0] != key:
            required = self.required or []
            self._reduced = (key, [[_shortest(req, inner) for req in reqs] for reqs in required])
        return self._reduced[1]

    # spaCy from here on: imported and built only when some text passes could_match()

    def _nlp(self) -> Any:
        nlp = self.ctx.shared("phrase:nlp", blank_english)
        self.ctx.shared("phrase:inner", lambda: inner_pieces(nlp))
        return nlp

    def _doc(self, read: str) -> Any:
        """The spaCy doc of a text's ``reading``."""
        cache: dict[str, Any] = self.ctx.shared("phrase:docs", dict)
        doc = cache.get(read)
        if doc is None:
            if len(cache) >= DOC_CACHE_SIZE:
                del cache[next(iter(cache))]
            doc = cache[read] = make_doc(self._nlp(), read)
        return doc

    def _phrase_to_pattern(self, phrase: str) -> list[dict[str, Any]]:
        return [
            {"TEXT": {"REGEX": _PLACEHOLDER_TOKEN}}
            if PLACEHOLDER.fullmatch(tok.text)
            else {"LOWER": tok.lower_}
            for tok in make_doc(self._nlp(), reading(phrase)[0])
            if not tok.is_space
        ]

    def _build(self, phrases: list[str], patterns: list[list[dict[str, Any]]]) -> Any:
        nlp = self._nlp()  # first: it imports spaCy (``import_spacy``)
        from spacy.matcher import Matcher, PhraseMatcher

        plain = [p for p in phrases if not PLACEHOLDER.search(p)]
        patterns = patterns + [self._phrase_to_pattern(p) for p in phrases if p not in plain]
        phrase_matcher = matcher = None
        if plain:
            phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            phrase_matcher.add("phrase", [make_doc(nlp, reading(p)[0]) for p in plain])
        if patterns:
            matcher = Matcher(nlp.vocab, validate=True)
            matcher.add("pattern", patterns)
        return phrase_matcher, matcher

    def _matchers(self) -> tuple[Any, Any]:
        key = f"phrase:matchers:{self.rule.code}"
        return self.ctx.shared(
            key,
            lambda: (
                self._build(self.phrases, []),
                self._build(self.exception_phrases, self.exception_patterns),
            ),
        )

    def _pattern_matcher(self, i: int) -> Any:
        """A Matcher of pattern ``i`` alone: a text runs only the patterns whose words it
        holds in order, as spaCy's cost grows with the patterns it is given (TPL172's 17,
        in four languages, tripled it for the English texts that pass)."""
        built: dict[int, Any] = self.ctx.shared(f"phrase:pattern-matchers:{self.rule.code}", dict)
        if i not in built:
            built[i] = self._build([], [self.patterns[i]])[1]
        return built[i]

    @staticmethod
    def _spans(doc: Any, matchers: tuple[Any, Any]) -> list[tuple[int, int]]:
        spans = []
        for m in matchers:
            if m is not None:
                for _, start, end in m(doc):
                    last = doc[end - 1]
                    spans.append((doc[start].idx, last.idx + len(last.text)))
        return spans

    def find(self, text: str) -> Iterator[Hit]:
        passing = self._passing(text)
        if passing == []:
            return
        phrase_matchers, exception_matchers = self._matchers()
        n_phrases = len(self.phrases)
        if passing is None:
            passing = list(range(n_phrases + len(self.patterns)))
        _, _, _, read, where = self._read(text)
        doc = self._doc(read)
        found = self._spans(doc, phrase_matchers) if passing[0] < n_phrases else []
        for i in passing:
            if i >= n_phrases:
                found += self._spans(doc, (self._pattern_matcher(i - n_phrases), None))
        if not found:
            return
        excused = self._spans(doc, exception_matchers)
        taken: list[tuple[int, int]] = []
        # longest first, then leftmost: one hit per stretch of text, not one per pattern
        for start, end in sorted(set(found), key=lambda s: (s[0] - s[1], s[0])):
            if any(s < end and start < e for s, e in excused + taken):
                continue
            taken.append((start, end))
        for start, end in sorted(taken):
            if where is not None:  # Arabic's marks were dropped: back to the text's offsets
                start, end = plain_span(where, start, end)
            yield Hit(None, start, end, {"match": text[start:end]})


__all__ = [
    "PhraseCheck",
    "PhraseRuleError",
    "Triggers",
    "derive_triggers",
    "expand_pattern",
    "make_doc",
]
