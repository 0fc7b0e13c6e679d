"""The ``pattern`` kind: regular expressions from the rule file, with exceptions.

Patterns come from data, so each search runs under a timeout: a pattern that backtracks
catastrophically fails that one rule, never the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

from linter.fold import arabic_pattern, arabic_plain, fold, plain_span
from linter.kinds import Check, Hit, TextCheck
from linter.template import Template

# Wall-clock seconds per search. Generous on purpose: a rule's real patterns take microseconds,
# and on a starved machine (CI shares its host) a 1 s bound failed an ordinary rule.
TIMEOUT_SECONDS = 5.0


# Texts searched before the literal pre-test is built: reading a rule's patterns costs ~3 ms,
# a search it saves ~10 us, so it pays after a few hundred texts (a batch, not a commit).
PRETEST_AFTER = 300


NARROWED_KEPT = 64  # alternations of some of a rule's patterns, compiled when first needed


class RuleTimeout(RuntimeError):
    pass


# The rest of a number a match stopped inside: more digits, and groups after a thousands or
# decimal separator ("1,250.00", "1,25,000", "50.000"); a separator without a digit after it
# (the full stop ending "save $10.") is not part of it.
_NUMBER_REST = re.compile(r"\d*(?:[.,]\d+)*")


def number_end(text: str, end: int) -> int:
    """``end``, or the end of the number that a match ending at ``end`` stopped inside. A rule
    may write an amount as a currency sign and one digit, which is enough to find the offer,
    but the finding must name the amount: "save $250" was reported as 'save $2'."""
    if 0 < end < len(text) and text[end - 1].isdigit():
        return _NUMBER_REST.match(text, end).end()  # type: ignore[union-attr]
    return end


# What a match may start with that is not part of what it found: the end of the sentence
# before ("…, thanks. Switch to our green plan"), a list dash, a space. Opening brackets and
# quotes, "¡" / "¿", "{" (a variable) and markdown stay: they open what follows.
_LOOSE_START = frozenset(" \t\r\n\u00a0.,;:!?…)]»”’–—-·•|/")


def word_start(text: str, start: int, end: int) -> int:
    """``start``, moved past the sentence punctuation and spaces a match begins with, so its
    span and quoted text begin on what it found: '. Switch to our green plan' is reported as
    'Switch to our green plan'. A sign before a number stays ("-15 %" is 15 % off)."""
    i = start
    while i < end and text[i] in _LOOSE_START:
        i += 1
    if i == end:
        return start
    if i > start and text[i].isdigit() and text[i - 1] in "-–+":
        i -= 1
    return i


def compile_any(patterns: list[str], flags: int = regex.IGNORECASE) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    # (?-f): simple case folding. VERSION1 turns on full case folding with IGNORECASE, which
    # makes compiling the rule files' patterns cost seconds instead of tens of milliseconds.
    return regex.compile("|".join(f"(?-f:{p})" for p in patterns), flags | regex.VERSION1)


class AnyOf:
    """Some of a rule's patterns, each compiled alone, searched as their alternation would be:
    the leftmost match, the first pattern's at a tie, then on from its end. Compiling an
    alternation per set of patterns a text could match cost ~4 ms for each new set (the
    `regex` module parses in Python), over and over in a long run; each pattern alone is
    compiled once and shared by every set that holds it."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: list[regex.Pattern[str]]) -> None:
        self.patterns = patterns

    def finditer(self, text: str, timeout: float | None = None) -> Iterator[regex.Match[str]]:
        patterns = self.patterns
        pending = [p.search(text, timeout=timeout) for p in patterns]
        while True:
            best = None
            for m in pending:
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = best.end() if best.end() > best.start() else best.end() + 1
            for i, m in enumerate(pending):
                if m is not None and m.start() < pos:
                    pending[i] = (
                        patterns[i].search(text, pos, timeout=timeout) if pos <= len(text) else None
                    )


def search_all(pattern: regex.Pattern[str] | AnyOf, text: str) -> Iterator[regex.Match[str]]:
    try:
        yield from pattern.finditer(text, timeout=TIMEOUT_SECONDS)  # not overlapped (default)
    except TimeoutError:
        raise RuleTimeout(f"pattern took longer than {TIMEOUT_SECONDS:g}s") from None


class PatternCheck(TextCheck):
    """``patterns``: regexes, any of which fires; ``exceptions``: regexes whose matches excuse
    an overlapping hit; ``case-sensitive`` (default false); ``replace``: a fix template
    (``{match}`` is the matched text)."""

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        """Each pattern and exception compiled alone (an error names which one), the types of
        the other fields; the values a finding has: ``match`` and the patterns' named groups."""
        from linter.kinds import KIND_OPTIONS, known_fields
        from linter.rulebook import RuleProblem, check_format, strings

        known_fields(params, KIND_OPTIONS["pattern"], "pattern")
        super().validate(params)
        if "patterns" not in params:
            raise RuleProblem("patterns", "missing: a pattern rule needs a list of regexes")
        sensitive = params.get("case-sensitive", False)
        if not isinstance(sensitive, bool):
            raise RuleProblem("case-sensitive", f"must be true or false, not {sensitive!r}")
        flags = (0 if sensitive else regex.IGNORECASE) | regex.VERSION1
        groups = {"match"}
        for key in ("patterns", "exceptions"):
            if key not in params:
                continue
            for i, pattern in enumerate(
                strings(params[key], key, "regexes", single=False, empty=key != "patterns")
            ):
                try:  # as ``compile_any`` puts it in the alternation
                    compiled = regex.compile(f"(?-f:{pattern})", flags)
                except regex.error as exc:
                    # the position in the pattern as written, not in its "(?-f:...)" wrapping
                    at = "" if exc.pos is None else f" at position {min(exc.pos - 5, len(pattern))}"
                    raise RuleProblem(
                        f"{key}[{i}]", f"invalid regex {pattern!r}: {exc.msg}{at}"
                    ) from None
                except Exception as exc:  # the module raises others for some inputs
                    raise RuleProblem(f"{key}[{i}]", f"invalid regex {pattern!r}: {exc}") from None
                if key == "patterns":
                    groups |= set(compiled.groupindex)
        fields = frozenset(groups)
        if "replace" in params:
            if not isinstance(params["replace"], str):
                raise RuleProblem("replace", f"must be a string, not {params['replace']!r}")
            check_format(params["replace"], "replace", fields)
        return fields

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        flags = 0 if self.params.get("case-sensitive") else regex.IGNORECASE
        patterns = [str(p) for p in self.params.get("patterns", [])]
        if not patterns:
            raise ValueError(f"{self.rule.path}: a pattern rule needs 'patterns'")
        self._flags = flags
        self._read: tuple[frozenset[str] | None, Any] | None = None
        self._required: list[Any] = []  # the literals' regex, compiled when first searched
        self._finds = 0
        # A shipped rule's pre-test is read ahead of time (literal_cache): it runs from the
        # first text, and the regexes are compiled only when a text could match (most texts
        # cannot). Any other rule is compiled now, so a broken pattern fails at load.
        from linter.kinds.literal_cache import cached_clauses

        self._cached, self._cached_clauses = cached_clauses(patterns, int(flags))
        self._compiled: regex.Pattern[str] | None = None
        self._excepting: list[regex.Pattern[str] | None] = []  # compiled when first needed
        if not self._cached:
            self._compiled = compile_any(patterns, flags)
            self._excepting.append(compile_any(list(self.params.get("exceptions", [])), flags))
        self._only: tuple[int, ...] | None = None  # the patterns check_some narrowed to
        self._narrowed: dict[tuple[int, ...], tuple[regex.Pattern[str] | None, Any]] = {}
        self._single: dict[int, regex.Pattern[str] | None] = {}  # each pattern, compiled alone
        # for Arabic's plain reading (linter.fold.arabic_plain): each pattern with its letters
        # folded, compiled alone, the whole alternation, the exceptions; when first needed
        self._plain_single: dict[int, regex.Pattern[str]] = {}
        self._plain_all: list[regex.Pattern[str] | None] = []
        self._plain_excepting: list[regex.Pattern[str] | None] = []

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The alternation of every pattern."""
        if self._compiled is None:
            self._compiled = compile_any([str(p) for p in self.params["patterns"]], self._flags)
        return self._compiled  # type: ignore[return-value]

    @property
    def exceptions(self) -> regex.Pattern[str] | None:
        """The alternation of the exceptions, compiled on the first match (most texts have
        none, and the shipped exceptions cost ~25 ms to compile)."""
        if not self._excepting:
            self._excepting.append(
                compile_any(list(self.params.get("exceptions", [])), self._flags)
            )
        return self._excepting[0]

    def _literal_test(self) -> tuple[frozenset[str] | None, Any]:
        """(literals, clauses): what every match needs, read from the patterns once it pays
        (parsing them costs ~4 ms a rule, a cold start's whole budget for one template), or at
        once from the shipped rules' cache."""
        if self._read is None:
            from linter.kinds.literals import required_clauses, union_of_best

            clauses = (
                self._cached_clauses
                if self._cached
                else required_clauses(list(self.params.get("patterns", [])), self._flags)
            )
            literals = union_of_best(clauses)
            self._read = (literals, clauses if literals is not None else None)
        return self._read

    def literals(self) -> frozenset[str] | None:
        return self._literal_test()[0]

    def clauses(self) -> list[tuple[frozenset[str], ...]] | None:
        return self._literal_test()[1]  # type: ignore[no-any-return]

    def _folded(self, text: str) -> str:
        # one casefold per text, shared by every pattern rule that reads it
        memo = self.ctx.shared("pattern:folded", lambda: ["", ""])
        if memo[0] is not text:
            memo[0], memo[1] = text, fold(text)
        return memo[1]  # type: ignore[no-any-return]

    @property
    def required(self) -> Any:
        """The literal pre-test (a regex over the casefolded text), or None. Compiled when first
        searched: an alternation of a rule's hundreds of strings takes ~1 ms to compile, and a
        short run tests each pattern's strings directly instead (``_possible``)."""
        if not self._required:
            literals = self._literal_test()[0]
            self._required.append(
                None if literals is None else re.compile("|".join(map(re.escape, sorted(literals))))
            )
        return self._required[0]

    def check_some(self, template: Template, which: tuple[int, ...]) -> list[Hit]:
        """Only the patterns at ``which`` can match here (the others need strings the template
        lacks): search with their alternation alone. Leaving out alternatives that cannot
        match anywhere in a text changes no match of the rest; a gated rule's one alternation
        of ~5-9 patterns costs ~15 us a text, one of its patterns ~3."""
        self._only = which
        try:
            return list(self.check(template))
        finally:
            self._only = None

    def _pattern(self, pretest: bool) -> tuple[regex.Pattern[str] | None, Any]:
        """The alternation to search (all patterns, or those ``check_some`` narrowed to) and
        its literal pre-test (None: none known, or not yet worth reading the patterns for)."""
        which = self._only
        if which is None:
            return self.pattern, self.required if pretest else None
        return self._narrowed_to(which)

    def _narrowed_to(self, which: tuple[int, ...]) -> tuple[regex.Pattern[str] | None, Any]:
        found = self._narrowed.get(which)
        if found is None:
            if len(self._narrowed) >= NARROWED_KEPT:
                self._narrowed.clear()
            found = self._narrowed[which] = self._narrow(which)
        return found

    def _possible(self, folded: str) -> tuple[int, ...]:
        """The patterns that could match a text: those it holds a string of every set for."""
        return tuple(
            i
            for i, clauses in enumerate(self._cached_clauses or ())
            if all(any(s in folded for s in clause) for clause in clauses)
        )

    def _narrow(self, which: tuple[int, ...]) -> tuple[regex.Pattern[str] | None, Any]:
        # The narrowed patterns' own pre-test: the gates leave a pattern whose strings are too
        # short to gate on ("b0" ... "b9" of TPL104's b1g1) to run on every template; a search
        # for its strings costs ~0.3 us, the regex module's ~5.
        from linter.kinds.literals import union_of_best

        clauses = self.clauses()  # per pattern, read once for the rule (a gated rule has them)
        literals = None if clauses is None else union_of_best([clauses[k] for k in which])
        test = None if literals is None else re.compile("|".join(map(re.escape, sorted(literals))))
        if not which:
            return None, test
        if len(which) == 1:
            return self._alone(which[0]), test
        return AnyOf([self._alone(k) for k in which]), test  # type: ignore[return-value]

    def _alone(self, k: int) -> regex.Pattern[str]:
        found = self._single.get(k)
        if found is None:
            found = self._single[k] = compile_any([str(self.params["patterns"][k])], self._flags)
        return found  # type: ignore[return-value]

    def find(self, text: str) -> Iterator[Hit]:
        self._finds += 1
        pretest = self._cached or self._finds > PRETEST_AFTER
        if self._only is None:
            if self._cached_clauses:
                # A shipped rule compiles only the patterns whose strings the text holds, never
                # the whole alternation of a rule's patterns in every language (the `regex`
                # module parses in Python: ~0.5 s for the shipped rules' alternations). A long
                # run first tests every pattern's strings at once through one compiled search.
                folded = self._folded(text)
                test = self.required if self._finds > PRETEST_AFTER else None
                if test is not None and test.search(folded) is None:
                    return
                which = self._possible(folded)
                if not which:
                    return
                pattern: regex.Pattern[str] | None = self._narrowed_to(which)[0]
                chosen: tuple[int, ...] | None = which
            else:
                test = self.required if pretest else None
                if test is not None and test.search(self._folded(text)) is None:
                    return
                pattern, chosen = self.pattern, None
        else:
            pattern, test = self._pattern(pretest)
            if pattern is None:
                return  # no pattern can match (the gates found none complete)
            if pretest and test is not None and test.search(self._folded(text)) is None:
                return
            chosen = self._only
        found = [(m, m.span(), m.groupdict()) for m in search_all(pattern, text)]  # type: ignore[arg-type]
        plain = arabic_plain(text)
        if plain is not None:
            found += self._plain_matches(text, plain, chosen, found)
        if not found:
            return  # most texts: the exceptions need not be searched (each timed search ~3 us)
        excused: list[tuple[int, int]] = []
        if self.exceptions is not None:
            excused = [m.span() for m in search_all(self.exceptions, text)]
        if plain is not None:
            excused += self._plain_excused(plain)
        found.sort(key=lambda f: f[1])
        for _m, (start, end), groups in found:
            end = number_end(text, end)
            if start == end or any(s < end and start < e for s, e in excused):
                continue
            start = word_start(text, start, end)
            values = {"match": text[start:end], **{k: v for k, v in groups.items() if v}}
            fix = self.params.get("replace")
            yield Hit(
                None, start, end, values, Hit(None, values=values).render(fix) if fix else None
            )

    # Arabic's plain reading: the text with its letters in their plain form and its marks
    # dropped (linter.fold), searched with the patterns' letters folded alike, so that a rule
    # written "إطلاق" or "خاصة" finds "اطلاق" and "خاصه" as people type them, and "جرّب" with or
    # without its shadda. Spans are mapped back to the text as written; a match the text's own
    # reading gave, or one an exception excuses in either reading, is not reported twice.

    def _plain_matches(
        self,
        written: str,
        plain: tuple[str, list[int]],
        chosen: tuple[int, ...] | None,
        raw: list[tuple[Any, tuple[int, int], dict[str, Any]]],
    ) -> list[tuple[Any, tuple[int, int], dict[str, Any]]]:
        text, where = plain
        pattern = self._plain_pattern(chosen)
        if pattern is None:
            return []
        out = []
        for m in search_all(pattern, text):
            span = plain_span(where, *m.span())
            if any(s < span[1] and span[0] < e for _, (s, e), _ in raw):
                continue
            groups = {
                k: written[slice(*plain_span(where, *m.span(k)))]
                for k, v in m.groupdict().items()
                if v
            }
            out.append((m, span, groups))
        return out

    def _plain_excused(self, plain: tuple[str, list[int]]) -> list[tuple[int, int]]:
        if not self._plain_excepting:
            exceptions = [arabic_pattern(str(p)) for p in self.params.get("exceptions", [])]
            self._plain_excepting.append(compile_any(exceptions, self._flags))
        compiled = self._plain_excepting[0]
        if compiled is None:
            return []
        text, where = plain
        return [plain_span(where, *m.span()) for m in search_all(compiled, text)]

    def _plain_pattern(self, chosen: tuple[int, ...] | None) -> regex.Pattern[str] | AnyOf | None:
        patterns = [str(p) for p in self.params["patterns"]]
        if chosen is None:
            if not self._plain_all:
                self._plain_all.append(
                    compile_any([arabic_pattern(p) for p in patterns], self._flags)
                )
            return self._plain_all[0]
        if not chosen:
            return None
        singles = []
        for k in chosen:
            found = self._plain_single.get(k)
            if found is None:
                found = self._plain_single[k] = compile_any(  # type: ignore[assignment]
                    [arabic_pattern(patterns[k])], self._flags
                )
            singles.append(found)
        return singles[0] if len(singles) == 1 else AnyOf(singles)  # type: ignore[arg-type]


__all__ = ["AnyOf", "Check", "PatternCheck", "RuleTimeout", "compile_any", "search_all"]
