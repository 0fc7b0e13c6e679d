"""Linting templates on their way into the queue: load, lint together, summarise per template."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from linter.config import Config
from linter.diagnostic import Diagnostic, severity_rank
from linter.queue.errors import QueueError
from linter.queue.store import Entry
from linter.template import Template, findings_by_template


@dataclass
class Intake:
    entries: list[Entry] = field(default_factory=list)
    # Templates with lint errors, not added (no --force): (name, the error diagnostics)
    refused: list[tuple[str, list[Diagnostic]]] = field(default_factory=list)


def content_of(tpl: Template) -> str:
    """The exact text file, or the template's JSON object in canonical form (sorted keys)."""
    if tpl.raw is not None:
        return json.dumps(tpl.raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return tpl.index.text


def lint_for_queue(paths: list[str], config: Config, force: bool = False) -> Intake:
    """Load and lint every file (together, so cross-template rules see them all).

    Raises QueueError naming the file when a file cannot be read as templates.
    """
    from linter.inputs import InputError, link_out_of_project, load_path

    templates: list[Template] = []
    for path in paths:
        outside = link_out_of_project(path)  # as lint refuses it: a committed link's target
        if outside is not None:
            raise QueueError(f"{path}: {outside}")
        try:
            templates.extend(load_path(path, config.max_file_size))
        except InputError as exc:
            raise QueueError(str(exc)) from None
    return intake_templates(templates, config, force)


def intake_templates(templates: list[Template], config: Config, force: bool = False) -> Intake:
    """Lint templates already read (files, or Meta's template list) into ledger entries."""
    from linter.api import lint_templates

    for tpl in templates:
        if not tpl.display_name:
            raise QueueError(f"{tpl.file}: a template without a name (give it a 'name')")
    from linter.config import ConfigError

    try:
        diagnostics = lint_templates(templates, config)
    except ConfigError:
        raise  # already one line naming the config file
    except Exception as exc:  # e.g. a missing classifier model: one line, not a traceback
        raise QueueError(f"linting failed: {type(exc).__name__}: {exc}") from None
    found = findings_by_template(templates, diagnostics)
    intake = Intake()
    for tpl in templates:
        diags = found[id(tpl)]
        errors = [d for d in diags if d.severity == "error"]
        if errors and not force:
            intake.refused.append((tpl.display_name or "", errors))
            continue
        worst = max((d.severity for d in diags), key=severity_rank, default=None)
        # The classifier check leaves its score on the template, findings or not.
        score = tpl.scores.get("promotional_score")
        intake.entries.append(
            Entry(
                name=tpl.display_name or "",
                language=tpl.language or "",
                category=tpl.category,
                body=tpl.body,
                content=content_of(tpl),
                source=tpl.file,
                lint_verdict=worst or "clean",
                errors=len(errors),
                warnings=sum(d.severity == "warning" for d in diags),
                codes=tuple(sorted({d.code for d in diags})),
                promo_score=float(score) if score is not None else None,
                forced=bool(errors),
            )
        )
    return intake
