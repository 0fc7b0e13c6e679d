"""``templint explain``: why a draft reads as promotional, and what the rules found in it.

TPL501 names up to three words that read as promotional; a writer reworking a draft wants the
whole picture: the category's probabilities against the threshold, what pushes the score up
and what holds it down, and each rule finding, template by template.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from linter.cli import config_options
from linter.output.safe import safe


@click.command("explain")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--words",
    default=8,
    show_default=True,
    type=click.IntRange(1, 50),
    help="How many words and phrases to list each way.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@config_options
def explain(
    paths: tuple[str, ...], words: int, fmt: str, config_path: str | None, isolated: bool
) -> None:
    """Explain each template's promotional score and findings: files, folders, or -.

    For every template: the predicted category with each category's probability, the score
    against TPL501's threshold, the words and phrases that push it up and those that hold it
    down (from the model's weights), those that make it read as UTILITY or AUTHENTICATION when
    it does, and the rule findings. Exit 2 on unreadable input.
    """
    from linter.api import lint_paths
    from linter.classifier.scorer import ModelError, load_scorer, template_text
    from linter.cli import fail, load_config_option
    from linter.kinds.classifier import (
        configured_threshold,
        model_dir,
        model_languages,
        not_scored,
        scored_text,
    )
    from linter.template import findings_by_template

    config = load_config_option(config_path, isolated)
    try:
        result = lint_paths(list(paths), config)
        # the model TPL501 reads under this configuration (a team may train its own)
        scorer = load_scorer(model_dir(config))
        threshold = configured_threshold(config)
    except (ModelError, ValueError) as exc:
        fail(str(exc))
    for err in result.errors:
        click.echo(safe(str(err)), err=True)
    findings = findings_by_template(result.templates, result.diagnostics)
    reports = []
    for tpl in result.templates:
        # what lint scored: the text with evasion tricks undone ("tоnight" with a Cyrillic о)
        # and brand names left out
        written = template_text(tpl.components)
        rule_findings = [
            {
                "code": d.code,
                "name": d.name,
                "severity": d.severity,
                "line": d.line,
                "column": d.column,
                "message": d.message,
            }
            for d in findings[id(tpl)]
            if d.code not in ("TPL501", "TPL502")  # this command says it in full
        ]
        unscored = not_scored(written, tpl.language, model_languages(scorer.meta))
        if unscored:
            # lint gives such a template no score (TPL501 and TPL502 say nothing): neither
            # does explain. The model would answer its prior (MARKETING 0.64 for no text).
            reports.append(
                {
                    "file": tpl.file,
                    "template": tpl.display_name,
                    "not_scored": unscored,
                    "promotional_score": None,
                    "threshold": threshold,
                    "predicted_category": None,
                    "brands_left_out": [],
                    "probabilities": {},
                    "pushes_up": [],
                    "holds_down": [],
                    "category_words": [],
                    "findings": rule_findings,
                }
            )
            continue
        text = scored_text(tpl) or written
        score = scorer.score(text)
        named = [b for b in (*config.brands, tpl.brand) if b and b.lower() in written.lower()]
        reports.append(
            {
                "file": tpl.file,
                "template": tpl.display_name,
                "not_scored": None,
                "promotional_score": round(score.promotional, 4),
                "threshold": threshold,
                "predicted_category": score.category,
                "brands_left_out": named if text != written else [],
                "probabilities": {c.upper(): round(p, 4) for c, p in score.probabilities.items()},
                "pushes_up": [(w, round(c, 4)) for w, c in scorer.explain(text, words)],
                "holds_down": [(w, round(c, 4)) for w, c in scorer.explain(text, words, -1)],
                # what makes it read as another category (for MARKETING, that is pushes_up)
                "category_words": [
                    (w, round(c, 4))
                    for w, c in scorer.explain(text, words, category=score.category)
                ]
                if score.category != "MARKETING"
                else [],
                "findings": rule_findings,
            }
        )
    if fmt == "json":
        click.echo(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            click.echo(_text(report))
    sys.exit(2 if result.errors else 0)


def _findings(r: dict[str, Any]) -> list[str]:
    if not r["findings"]:
        return ["  rule findings:   none"]
    return ["  rule findings:"] + [
        f"    {f['line']}:{f['column']} {f['code']} {f['name']} [{f['severity']}] {f['message']}"
        for f in r["findings"]
    ]


def _decimals(score: float, threshold: float | None) -> int:
    """Two decimals, or as many (up to 4) as show the threshold as configured and keep a score
    just under it from printing as equal to it ("1.00, under 1.00")."""
    places = 2
    while (
        threshold is not None
        and places < 4
        and (
            round(threshold, places) != threshold
            or (score < threshold and round(score, places) >= round(threshold, places))
        )
    ):
        places += 1
    return places


def _text(r: dict[str, Any]) -> str:
    if r.get("not_scored"):
        lines = [f"{r['file']} ({r['template'] or 'template'})", f"  {r['not_scored']}"]
        return _joined([*lines, *_findings(r)])
    probs = " · ".join(
        f"{c} {p:.2f}" for c, p in sorted(r["probabilities"].items(), key=lambda cp: -cp[1])
    )
    threshold, score = r["threshold"], r["promotional_score"]
    shown = _decimals(score, threshold)
    if threshold is None:
        verdict = "TPL501 is not selected"
    elif score >= threshold:
        verdict = f"at or over TPL501's threshold {threshold:.{shown}f}: reads as promotional"
    else:
        verdict = f"under TPL501's threshold {threshold:.{shown}f}"
    lines = [
        f"{r['file']} ({r['template'] or 'template'})",
        f"  promotional score {score:.{shown}f}, {verdict}",
        f"  reads as {r['predicted_category']}: {probs}",
        "  pushes it up:    " + (_listed(r["pushes_up"]) or "nothing stands out"),
        "  holds it down:   " + (_listed(r["holds_down"]) or "nothing stands out"),
    ]
    if r["brands_left_out"]:
        names = ", ".join(f"'{b}'" for b in r["brands_left_out"])
        lines.append(f"  left out:        {names} (a brand: the model reads wording, not names)")
    if r["category_words"]:
        label = f"  why {r['predicted_category']}: "
        lines.append(label.ljust(19) + _listed(r["category_words"]))
    return _joined([*lines, *_findings(r)])


def _joined(lines: list[str]) -> str:
    """The lines, each escaped: a file or template name, a message quoting the text or a word
    may hold a terminal escape or a newline that would forge a line."""
    return "".join(safe(line) + "\n" for line in lines)


def _listed(pairs: list[tuple[str, float]]) -> str:
    return ", ".join(f"'{w}' {c:+.2f}" for w, c in pairs)
