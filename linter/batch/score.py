"""Linting rows: the same function runs in this process (``--jobs 1``) and in joblib workers,
so the output does not depend on how many there are. Each row is linted on its own, which also
makes chunking irrelevant to the result."""

from __future__ import annotations

import json
import threading
from typing import Any

from linter.batch.reader import InRow
from linter.batch.result import Finding, RowResult
from linter.config import Config
from linter.inputs import InputError, parse_json, parse_text
from linter.kinds.duplicate import digest
from linter.template import Template

# (index, text, name, category, language, template JSON or None, brand): small to send to a
# worker
Work = tuple[int, str, str | None, str | None, str | None, str | None, str | None]

_LINTERS: dict[str, Any] = {}
GATED_CHUNK = 200  # a chunk this long (or a batch with several) repays the gates' ~0.1 s


def work_of(row: InRow) -> Work:
    template = None if row.template is None else json.dumps(row.template, ensure_ascii=False)
    return (row.index, row.text, row.name, row.category, row.language, template, row.brand)


def linter_for(config: Config) -> Any:
    # A worker receives a copy of the config with every chunk: build its linter once per
    # distinct config, not once per chunk (and at --jobs 1 the set-up check's linter is this
    # one: ``commands.batch._check_setup``). A Dask worker runs tasks in several threads: one
    # builds it (the linter itself is safe to share: Linter.lint holds it per call).
    from linter.engine import Linter

    key = repr(config)
    with _BUILDING:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = _LINTERS[key] = Linter(config)
    return linter


_BUILDING = threading.Lock()


def score_chunk(chunk: list[Work], config: Config) -> list[RowResult]:
    linter = linter_for(config)
    if len(chunk) >= GATED_CHUNK:
        linter.gates_after = 0  # many rows: build the gates now, not after 600 templates
    parsed = [parse_one(work) for work in chunk]
    # batch work (the classifier's numpy scoring) over the chunk's good rows, then each row on
    # its own: a row's result never depends on the rows beside it
    linter.prepare([p for p in parsed if not isinstance(p, RowResult)])
    results = [
        p if isinstance(p, RowResult) else lint_one(linter, work, p)
        for work, p in zip(chunk, parsed, strict=True)
    ]
    global _FROZEN
    if not _FROZEN:
        # After a first chunk every long-lived object (rules, word list, spaCy, the model) is
        # loaded: the garbage collector need not walk them again every collection (~5%). A row
        # leaves almost no cyclic garbage (reference counts free the rest), so the youngest
        # generation is collected every 100,000 new objects, not every 700 (~4% of a row).
        import gc

        gc.freeze()
        gc.set_threshold(100_000, 50, 1000)
        _FROZEN = True
    return results


_FROZEN = False


def parse_one(work: Work) -> Template | RowResult:
    """The row's template, or its error row when it cannot be read."""
    index, text, name, category, language, template, brand = work
    try:
        if template is not None:
            (tpl,) = parse_json(template, f"<row {index + 1}>")
        else:
            label = f"<row {index + 1}>"
            tpl = parse_text(text, label, stem=label)  # what Path(label).stem gives, cheaper
            tpl.name = name
            # the row's columns, else what the text's own directives declare
            tpl.category = category or tpl.category
            tpl.language = language or tpl.language
    except InputError as exc:
        return RowResult(
            index=index,
            text=text,
            name=name,
            category=category,
            verdict="error",
            error=exc.message,
            language=language,
        )
    tpl.brand = brand
    return tpl


def lint_one(linter: Any, work: Work, tpl: Template) -> RowResult:
    index, text, name = work[:3]
    # the category the row was linted as declaring: its column's, else its text's directive
    result = RowResult(
        index=index, text=text, name=name, category=tpl.category, language=tpl.language
    )
    try:
        diagnostics = linter.lint([tpl])
    except InputError as exc:
        result.verdict, result.error = "error", exc.message
        return result
    body = tpl.component("body")
    # Spans point into the body as linted (a text cell loses trailing newlines, a template
    # object's body is its BODY component): that is the text the report highlights.
    result.text = body.text if body is not None else ""
    for d in diagnostics:
        in_body = d.span is not None and body is not None and d.component == "body"
        start, end = d.span if in_body and d.span is not None else (None, None)
        result.findings.append(
            Finding(d.code, d.severity, d.message, d.fix, d.component, start, end)
        )
    severities = {f.severity for f in result.findings}
    result.verdict = (
        "fail" if "error" in severities else "warn" if "warning" in severities else "pass"
    )
    result.body_digest = digest(result.text)
    result.promo_score = tpl.scores.get("promotional_score")
    result.predicted_category = tpl.scores.get("predicted_category")
    return result


def error_result(row: InRow) -> RowResult:
    return RowResult(
        index=row.index,
        text=row.text,
        name=row.name,
        category=row.category,
        verdict="error",
        error=row.error,
        language=row.language,
    )
