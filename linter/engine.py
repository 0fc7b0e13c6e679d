"""Runs the selected rules over templates and turns their hits into diagnostics."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from linter.config import Config
from linter.diagnostic import SEVERITIES, Diagnostic, Edit
from linter.gates import Gates
from linter.kinds import Check, Context, Hit, load_check, normalized
from linter.placeholders import has_placeholders
from linter.rulebook import Rule, check_settings, config_rules, matches, select_rules
from linter.template import CATEGORIES, Component, Template, rule_category

UNUSED_SUPPRESSION = "TPL001"
RULE_FAILED = "TPL002"
TOO_LONG = "TPL003"
# Components longer than this get only the format rules (linear in the text); Meta's longest
# component, the body, holds 1,024 characters. Bounds the time a hostile file can cost.
MAX_CHECKED_CHARS = 65_536
CHEAP_KINDS = ("format", "duplicate", "engine")
# Kinds whose checks read only the components their rule is scoped to.
SCOPED_KINDS = ("pattern", "phrase", "domain", "spelling")
# Templates linted before the gates (``linter.gates``) are built: reading every pattern rule
# and compiling the search cost ~0.1 s, which ~150 us saved a template repays after ~700.
GATES_AFTER = 600
Shape = tuple[str, bool, bool, frozenset[str], bool, bool, frozenset[str]]
OPEN_SETS = 8192  # (shape, gate state) pairs remembered; the 7,520 corpus texts make 3,310


def _fields(tpl: Template) -> frozenset[str]:
    """The optional template fields it has (``Check.needs_fields``)."""
    fields = []
    if tpl.category is not None:
        fields.append("category")
    if tpl.language is not None:
        fields.append("language")
    if tpl.raw is not None:
        fields.append("json")
    examples = (tpl.header_examples, tpl.body_examples, tpl.named_examples)
    if any(e is not None for e in examples):
        fields.append("samples")
    return frozenset(fields)


def first_paragraph(text: str) -> str:
    """A rule file's fix wraps over lines; the hint is its first paragraph, on one line."""
    return " ".join(text.strip().split("\n\n")[0].split())


@dataclass
class Linter:
    """Holds the compiled checks for a configuration; reuse it across many templates."""

    config: Config = field(default_factory=Config)

    def __post_init__(self) -> None:
        self.all_rules = config_rules(self.config)
        check_settings(self.all_rules, self.config)
        self.rules = select_rules(
            self.all_rules, list(self.config.select), list(self.config.ignore)
        )
        self.ctx = Context(self.config)
        self._checks: list[Check] | None = None
        self._by_code = {r.code: r for r in self.all_rules}
        self._applicable: dict[tuple[object, ...], list[tuple[Check, int]]] = {}
        self.skip_absent = True  # tests turn it off to compare
        self._applicable_sets: dict[tuple[object, ...], set[Check]] = {}
        self._gates: Gates | None = None
        self._seen = 0
        self.gates_after = GATES_AFTER  # a batch that knows it has many rows sets 0
        self._lock = threading.RLock()  # see lint
        self._mark = object()  # says which linter worked out what a template keeps (_shape)
        self._open: dict[tuple[object, ...], list[tuple[Check, tuple[int, ...] | None]]] = {}
        self._has_gated: dict[tuple[object, ...], bool] = {}  # by shape: any gated check?
        self._run_only: list[Check] | None = None
        self._links_read: bool | None = None
        self._candidates: Any = None
        selected = {r.code for r in self.rules}
        self._reports_unused = UNUSED_SUPPRESSION in selected
        self._reports_too_long = TOO_LONG in selected

    @property
    def checks(self) -> list[Check]:
        if self._checks is None:
            self._checks = [load_check(rule, self.ctx) for rule in self.rules]
        return self._checks

    @property
    def _run_checks(self) -> list[Check]:
        """The checks about a run as a whole (``check_run`` overridden: duplicates)."""
        if self._run_only is None:
            self._run_only = [c for c in self.checks if type(c).check_run is not Check.check_run]
        return self._run_only

    @property
    def _link_finder(self) -> Any:
        """``domain.candidates`` when a selected check needs links, else None (the module is
        then not imported)."""
        if self._links_read is None:
            self._links_read = any(c.needs_links for c in self.checks)
            if self._links_read:
                from linter.kinds.domain import candidates

                self._candidates = candidates
        return self._candidates if self._links_read else None

    @property
    def gates(self) -> Gates:
        if self._gates is None:
            self._gates = Gates(
                [c.literals() for c in self.checks], [c.clauses() for c in self.checks]
            )
        return self._gates

    def _texts(self, tpl: Template) -> list[str]:
        """Every component text as written and, when normalising, as normalised."""
        texts = [c.text for c in tpl.components if c.text]
        if self.config.normalize:
            for comp in tpl.components:
                if comp.text:
                    norm = normalized(comp, self.ctx)
                    if norm.changed:
                        texts.append(norm.text)
        return texts

    def _checks_for(
        self, tpl: Template, huge: bool, shape: tuple[object, ...] | None = None
    ) -> list[tuple[Check, int]]:
        """The checks that apply to a template: by its category, only the cheap kinds for a
        template with a component too long to check, and not those that only read kinds of
        component the template lacks, nor those that need a placeholder, a possible link or a
        field the template does not have. Worked out once per such shape of template
        (``_shape``)."""
        key = self._shape(tpl, huge) if shape is None else shape
        chosen = self._applicable.get(key)
        if chosen is None:
            category, huge, plain, kinds, variables, links, fields = key
            chosen = self._applicable[key] = [
                (c, i)
                for i, c in enumerate(self.checks)
                if category in c.rule.applies_to
                and type(c).check is not Check.check  # engine and run-wide rules: nothing here
                and (not huge or c.rule.kind in CHEAP_KINDS)
                and not (self.skip_absent and self._reads_only_absent(c, kinds, plain))
                and not (self.skip_absent and c.needs_placeholders and not variables)
                and not (self.skip_absent and c.needs_links and not links)
                and not (self.skip_absent and not c.needs_fields <= fields)
            ]
        return chosen

    def _shape(self, tpl: Template, huge: bool) -> Shape:
        """What decides which checks apply: category, size, plain text or JSON, the kinds of
        component, whether any holds a placeholder (most variable checks need one), whether
        any text could hold a link (the link rules need one; ~6% of corpus rows do) and which
        optional fields it has (a language, samples: ``_fields``). Kept on
        the template with what it was worked out from: a batch asks for it when preparing a
        chunk and again when linting each template (~3 us a template saved)."""
        of = (
            tpl.category,
            huge,
            tpl.raw is None,
            tpl.language,
            tpl.header_examples is None,
            tpl.body_examples is None,
            tpl.named_examples is None,
            *[x for c in tpl.components for x in (c.kind, c.text)],
        )
        kept = tpl.scores.get("_shape")
        if kept is not None and kept[0] is self._mark and kept[1] == of:
            return kept[2]  # type: ignore[no-any-return]
        shape = self._work_out_shape(tpl, huge)
        tpl.scores["_shape"] = (self._mark, of, shape)
        return shape

    def _work_out_shape(self, tpl: Template, huge: bool) -> Shape:
        category = rule_category(tpl.category, self.config.default_category)
        kinds = frozenset(c.kind for c in tpl.components)
        variables = any(has_placeholders(c.text) for c in tpl.components)
        find = None if huge else self._link_finder  # a huge template gets no link rule anyway
        links = find is not None and any(any(find(t)) for t in self._texts(tpl))
        return category, huge, tpl.raw is None, kinds, variables, links, _fields(tpl)

    @staticmethod
    def _reads_only_absent(check: Check, kinds: frozenset[str], plain: bool) -> bool:
        """Text rules read only the components they are scoped to; format rules do too, or the
        JSON a plain-text template does not have (its buttons)."""
        scoped = check.rule.kind in SCOPED_KINDS or (plain and check.rule.kind == "format")
        return scoped and kinds.isdisjoint(check.rule.components)

    def _check_set(self, tpl: Template) -> set[Check]:
        huge = bool(self._huge(tpl))
        key = self._shape(tpl, huge)
        found = self._applicable_sets.get(key)
        if found is None:
            found = self._applicable_sets[key] = {c for c, _ in self._checks_for(tpl, huge)}
        return found

    def _open_checks(self, tpl: Template, huge: bool) -> list[tuple[Check, tuple[int, ...] | None]]:
        """The applicable checks the gates let through: those whose rule could fire given the
        strings the template holds, each with the ways it can fire (``Check.check_some``) when
        not all of them can. Worked out once per shape of template and gate state."""
        shape = self._shape(tpl, huge)
        applicable = self._checks_for(tpl, huge, shape)
        gates = self.gates
        gated = self._has_gated.get(shape)
        if gated is None:
            gated = self._has_gated[shape] = any(gates.gated[i] for _, i in applicable)
        present = gates.present(self._texts(tpl)) if gated else 0
        found = self._open.get((shape, present))
        if found is None:
            if len(self._open) >= OPEN_SETS:
                self._open.clear()
            found = self._open[shape, present] = []
            for c, i in applicable:
                which = gates.ways(i, present) if gates.gated[i] else None
                if which != ():
                    found.append((c, which))
        return found

    @staticmethod
    def _huge(tpl: Template) -> list[Component]:
        return [c for c in tpl.components if len(c.text) > MAX_CHECKED_CHARS]

    def prepare(self, templates: list[Template]) -> None:
        """Let each check do its batch work on the templates it will see (``Check.prepare``)."""
        with self._lock:
            self._prepare(templates)

    def _prepare(self, templates: list[Template], run: bool = False) -> None:
        """``run``: the templates are linted together, one run (not a batch's rows, each
        linted alone), so checks may also learn from each other's (``Check.prepare_run``)."""
        batching = [
            c
            for c in self.checks
            if type(c).prepare is not Check.prepare
            or (run and type(c).prepare_run is not Check.prepare_run)
        ]
        sets = [self._check_set(t) for t in templates] if batching else []
        for check in batching:
            mine = [t for t, applicable in zip(templates, sets, strict=True) if check in applicable]
            if mine:
                try:
                    check.prepare(mine)
                    if run:
                        check.prepare_run(mine)
                except Exception:  # each template's own check reports it
                    continue

    def lint(self, templates: list[Template]) -> list[Diagnostic]:
        """Diagnostics for the templates, sorted. Safe to call from several threads: a linter
        learns as it goes (memories, gates, a rule's narrowed patterns), so one call at a time
        holds it (Python runs one thread at a time anyway)."""
        with self._lock:
            return self._lint(templates)

    def _lint(self, templates: list[Template]) -> list[Diagnostic]:
        if len(templates) > 1:
            self._prepare(templates, run=True)
        found: list[tuple[Template, Rule, Hit]] = []
        for tpl in templates:
            huge = self._huge(tpl)
            self._seen += 1
            if self._seen > self.gates_after:  # the gates pay over many templates
                checks = self._open_checks(tpl, bool(huge))
            else:
                checks = [(c, None) for c, _ in self._checks_for(tpl, bool(huge))]
            for check, which in checks:
                try:
                    hits = list(check.check(tpl) if which is None else check.check_some(tpl, which))
                except Exception as exc:  # a broken rule must not take the run down with it
                    rule = check.rule
                    msg = f"rule {rule.code} ({rule.name}) failed on this template: {exc}"
                    found.append((tpl, self._by_code[RULE_FAILED], Hit(None, message=msg)))
                    continue
                if hits:
                    rule = check.rule
                    found.extend((tpl, rule, hit) for hit in hits)
            if huge and self._reports_too_long:
                too_long = self._by_code[TOO_LONG]
                for comp in huge:
                    values = {"component": comp.label, "length": len(comp.text)}
                    values["limit"] = MAX_CHECKED_CHARS
                    found.append((tpl, too_long, Hit(comp, 0, 0, values)))
        for check in self._run_checks:
            for tpl, hit in check.check_run(templates):
                found.append((tpl, check.rule, hit))
        diagnostics = self._suppress(templates, _deferred(found, self.config))
        return sorted(diagnostics, key=Diagnostic.sort_key)

    @property
    def run_codes(self) -> frozenset[str]:
        """The codes of the checks about a run as a whole (duplicates)."""
        return frozenset(c.rule.code for c in self._run_checks)

    def lint_run(self, templates: list[Template], of: list[Template]) -> list[Diagnostic]:
        """What the checks about a run as a whole (duplicates) find on the templates ``of``
        when ``templates`` (which holds them) are linted together; no other check runs, and a
        suppression left unused is not reported (the other checks did not run)."""
        mine = {id(t) for t in of}
        with self._lock:
            out = []
            for check in self._run_checks:
                rule = check.rule
                for tpl, hit in check.check_run(templates):
                    if id(tpl) not in mine:
                        continue
                    if tpl.ignore and any(matches(rule.code, [c]) for c in tpl.ignore):
                        continue
                    out.append(self._diagnostic(tpl, rule, hit))
            return sorted(out, key=Diagnostic.sort_key)

    def _suppress(
        self, templates: list[Template], found: list[tuple[Template, Rule, Hit]]
    ) -> list[Diagnostic]:
        used: dict[int, set[str]] = {}
        kept = []
        for tpl, rule, hit in found:
            codes = [c for c in tpl.ignore if matches(rule.code, [c])] if tpl.ignore else []
            if codes and rule.code != UNUSED_SUPPRESSION:
                used.setdefault(id(tpl), set()).update(codes)
                continue
            kept.append((tpl, rule, hit))
        # the classifier's finding says again what a promotional content rule's error said,
        # whether or not the template suppresses that error: one suppressed (by hand or by
        # --add-ignore) was seen and accepted, and the model's warning would only raise it again
        said = {id(tpl) for tpl, rule, _ in found if self._says_promotional(rule)}
        out = [
            self._diagnostic(tpl, rule, hit)
            for tpl, rule, hit in kept
            if rule.kind != "classifier"
            or (id(tpl) not in said and not self._contradicted(tpl, hit))
        ]
        if self._reports_unused:
            unused_rule = self._by_code[UNUSED_SUPPRESSION]
            for tpl in templates:
                for code, offset in tpl.ignore.items():
                    if code in used.get(id(tpl), set()):
                        continue
                    known = any(r.code.startswith(code) for r in self.all_rules)
                    if known and not any(r.code.startswith(code) for r in self.rules):
                        continue  # its rules did not run (ignored, not selected): cannot tell
                    why = "nothing here triggers it" if known else "no rule has this code"
                    line, col = tpl.index.position(offset)
                    out.append(
                        self._make(
                            tpl,
                            unused_rule,
                            line,
                            col,
                            line,
                            col + len(code),
                            "suppression",
                            f"Unused suppression of {code}: {why}",
                            "Remove the suppression.",
                        )
                    )
        return out

    def _contradicted(self, tpl: Template, hit: Hit) -> bool:
        """Whether the model's "Declared MARKETING, but Meta may classify it as UTILITY" is
        contradicted by the rules: a promotional content rule (``_says_promotional``) finds an
        offer, invitation or pitch in the template. Those rules do not run on a MARKETING
        template, so they are run here, only for the rare template the model reads so (a
        Spanish sale with "Oferta válida … 50% de descuento" read 0.62 UTILITY)."""
        values = hit.values
        if values.get("declared") != "MARKETING" or values.get("predicted") != "UTILITY":
            return False
        for check in self.checks:
            if not self._says_promotional(check.rule):
                continue
            try:
                if any(True for _ in check.check(tpl)):
                    return True
            except Exception:  # a broken rule is reported where it runs; here it says nothing
                continue
        return False

    def _says_promotional(self, rule: Rule) -> bool:
        """Whether a finding of ``rule`` is an error that says the template is promotional: a
        content rule of the TPL1xx families that applies only to templates not declared
        MARKETING (offers, outreach, contests, launches, engagement, upsells, surveys), not a
        link, sensitive-data or threat rule, which apply to every category. A template with
        one reported gets no TPL501/TPL502 finding: it already fails for the named words, and
        the model's warning said the same again (its score stays in the output's fields)."""
        return (
            rule.code.startswith("TPL1")
            and rule.kind != "classifier"
            and "MARKETING" not in rule.applies_to
            and self.config.severity_for(rule.code, rule.severity) == "error"
        )

    def _diagnostic(self, tpl: Template, rule: Rule, hit: Hit) -> Diagnostic:
        comp = hit.component
        if comp is None:
            line, col = tpl.index.position(tpl.anchor)
            # one character wide, unless the line has none there (an empty file)
            width = 1 if col <= len(tpl.index.line_text(line)) else 0
            end_line, end_col, label = line, col + width, "template"
        else:
            start = comp.omap.to_file(hit.start)
            end = comp.omap.to_file(max(hit.end, hit.start)) if hit.end > hit.start else start
            line, col = tpl.index.position(start)
            end_line, end_col = tpl.index.position(end)
            if hit.end > hit.start and hit.end <= comp.omap.length:
                # end is exclusive; map the last character and step past it
                last_line, last_col = tpl.index.position(comp.omap.to_file(hit.end - 1))
                end_line, end_col = last_line, last_col + 1
            label = comp.label
        message = hit.render(rule.message)
        evasions = hit.values.get("_evasions")
        if evasions:
            message += f" (evasion detected: {', '.join(evasions)})"
        fix = hit.fix if hit.fix is not None else (first_paragraph(rule.fix) or None)
        span = None if comp is None else (hit.start, max(hit.end, hit.start))
        edit, others = None, ()
        if hit.edit is not None and comp is not None:
            edit = _file_edit(tpl, comp, hit.edit)
            if edit is not None and hit.also:
                edit = _joined_edit(tpl, edit, hit)
        # the other guesses for the edit's place, or, with no edit, the suggestions for the
        # hit's (none clearly the word meant): an editor's menu; ``--fix`` never writes them
        if hit.alternatives and comp is not None and (edit is not None or hit.edit is None):
            start, end = hit.edit[:2] if hit.edit is not None else (hit.start, hit.end)
            found = (_file_edit(tpl, comp, (start, end, alt, False)) for alt in hit.alternatives)
            others = tuple(e for e in found if e is not None)
        return self._make(
            tpl, rule, line, col, end_line, end_col, label, message, fix, span, edit, others
        )

    def _make(
        self,
        tpl: Template,
        rule: Rule,
        line: int,
        col: int,
        end_line: int,
        end_col: int,
        label: str,
        message: str,
        fix: str | None,
        span: tuple[int, int] | None = None,
        edit: Edit | None = None,
        alternatives: tuple[Edit, ...] = (),
    ) -> Diagnostic:
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=self.config.severity_for(rule.code, rule.severity),
            message=message,
            file=tpl.file,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            template=tpl.display_name,
            component=label,
            fix=fix,
            category=rule_category(tpl.category, self.config.default_category),
            language=tpl.language or self.config.default_language,
            extra=self._extra(rule, tpl, self.config.category_given),
            span=span,
            edit=edit,
            alternatives=alternatives,
        )

    @staticmethod
    def _extra(rule: Rule, tpl: Template, category_given: bool = False) -> dict[str, Any]:
        extra = {k: v for k, v in tpl.scores.items() if not k.startswith("_")}
        # JSON's category_assumed: checked as the default category (the text output notes it)
        extra["category_assumed"] = _category_assumed(rule, tpl, category_given)
        return extra


def _deferred(
    found: list[tuple[Template, Rule, Hit]], config: Config
) -> list[tuple[Template, Rule, Hit]]:
    """``found`` without the hits of a rule that defers to others (``defers-to``) where one of
    theirs overlaps or adjoins it in the same component: one finding per clause, the more
    specific rule's ("join our tasting this Saturday" is an event invitation, not just a
    shopping prompt). Only findings made count: with the other rule not run (ignored or not
    selected by the configuration) or excusing the words, the deferring rule's finding stands;
    one suppressed in the template still counts (the writer accepted those words). Nor does a
    less severe finding count (by the configuration's severities): an error left to a warning
    would let the template pass ``fail-on = "error"``, so both are reported."""
    spans = _deferral_spans(found, config)
    if spans is None:
        return found

    def overlapped(tpl: Template, rule: Rule, hit: Hit) -> bool:
        # overlapping, or adjoining with only spaces between: rules name the words that carry
        # their meaning, and "Te presentamos nuestra" + "nueva colección" is one clause
        assert hit.component is not None
        text, first, last = hit.component.text, hit.start, hit.end
        while first > 0 and text[first - 1].isspace():
            first -= 1
        while last < len(text) and text[last].isspace():
            last += 1
        comp = id(hit.component)
        rank = SEVERITIES.index(config.severity_for(rule.code, rule.severity))
        return any(
            c == comp and start <= last and first <= end and rank <= other
            for code in rule.defers_to
            for c, start, end, other in spans.get((id(tpl), code), ())
        )

    return [
        (tpl, rule, hit)
        for tpl, rule, hit in found
        if not (rule.defers_to and hit.component is not None and overlapped(tpl, rule, hit))
    ]


def _deferral_spans(
    found: list[tuple[Template, Rule, Hit]], config: Config
) -> dict[tuple[int, str], list[tuple[int, int, int, int]]] | None:
    """Per template and code, the spans of the findings of the codes some rule among ``found``
    defers to (only those: the others' spans were never looked up), each with its severity's
    rank in SEVERITIES; None when no rule in ``found`` defers."""
    targets = {code for _, rule, _ in found for code in rule.defers_to}
    if not targets:
        return None
    spans: dict[tuple[int, str], list[tuple[int, int, int, int]]] = {}
    for tpl, rule, hit in found:
        if hit.component is not None and rule.code in targets:
            key = (id(tpl), rule.code)
            rank = SEVERITIES.index(config.severity_for(rule.code, rule.severity))
            spans.setdefault(key, []).append((id(hit.component), hit.start, hit.end, rank))
    return spans


def _category_assumed(rule: Rule, tpl: Template, category_given: bool = False) -> bool:
    """The finding depends on the category and the template declared none: it was checked as
    the default (a text file without a ``# templint: category`` line), which the user did not
    choose either (``--category``, ``default-category``): templint assumed it."""
    return tpl.category is None and not category_given and set(rule.applies_to) != set(CATEGORIES)


def _joined_edit(tpl: Template, edit: Edit, hit: Hit) -> Edit | None:
    """``edit`` and the edits ``hit.also`` names elsewhere in the file, as one edit from the
    first to the last (the text between kept): all are written, or none."""
    parts = [edit]
    for comp, start, end, new in hit.also:
        part = _file_edit(tpl, comp, (start, end, new, edit.safe))
        if part is None:
            return None
        parts.append(part)
    parts.sort(key=lambda e: (e.start, e.end))
    pieces, last = [], parts[0].start
    for part in parts:
        if part.start < last:
            return None  # overlapping: no one edit says what to write
        pieces += [tpl.index.text[last : part.start], part.new]
        last = part.end
    start = parts[0].start
    return Edit(start, last, tpl.index.text[start:last], "".join(pieces), edit.safe)


def _file_edit(tpl: Template, comp: Component, edit: tuple[int, int, str, bool]) -> Edit | None:
    """A check's edit of a component's text, as an edit of the file: the span's characters as
    written (a JSON escape such as \\n whole), and the new text escaped as the file needs."""
    start, end, new, safe = edit
    if not 0 <= start <= end <= comp.omap.length:
        return None
    file_start = comp.omap.to_file(start)
    file_end = comp.omap.to_file(end) if end > start else file_start
    if tpl.raw is not None:  # the text sits inside a JSON string
        import json

        new = json.dumps(new, ensure_ascii=False)[1:-1]
    return Edit(file_start, file_end, tpl.index.text[file_start:file_end], new, safe)
