"""Measuring the classifier, the rules, and both combined on any labelled CSV or JSONL.

- classifier: the promotional score (probability of MARKETING) and the predicted category;
- rules: a text is promotional when any TPL1xx rule of severity ``error`` fires on it, linted
  as a UTILITY template (the policy rules apply to UTILITY and AUTHENTICATION);
- rules with warnings: the same, also counting the warnings of the rules about marketing
  content (those that do not apply to MARKETING templates: urgency, welcome messages,
  invitations, win-back, cart reminders); link hygiene warnings (no https://) are not counted;
- combined: promotional when the classifier or an error rule says so (the combined score ranks
  rule hits first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from linter.classifier.data import (
    CATEGORIES,
    POSITIVE_LABELS,
    DataError,
    Row,
    binary_label,
    read_rows,
    without_blank,
)
from linter.classifier.scorer import POSITIVE
from linter.output.safe import safe


def rule_hits(
    texts: Sequence[str], rules_dir: str | None = None
) -> tuple[list[list[str]], list[list[str]]]:
    """For each text linted as a UTILITY template, the TPL1xx error codes that fire on it, and
    the warning codes of the TPL1xx rules about marketing content (those a MARKETING template
    is exempt from)."""
    from linter.config import Config
    from linter.engine import Linter
    from linter.inputs import parse_text

    linter = Linter(Config(select=("TPL1",), rules_dir=rules_dir))
    marketing_content = {c.rule.code for c in linter.checks if "MARKETING" not in c.rule.applies_to}
    errors: list[list[str]] = []
    warnings: list[list[str]] = []
    for text in texts:
        found = [d for d in linter.lint([parse_text(text, "<eval>")]) if d.code[:4] == "TPL1"]
        errors.append(sorted({d.code for d in found if d.severity == "error"}))
        warnings.append(
            sorted(
                {d.code for d in found if d.severity == "warning" and d.code in marketing_content}
            )
        )
    return errors, warnings


def _code_counts(hits: list[list[str]]) -> dict[str, int]:
    return dict(sorted(Counter(c for h in hits for c in h).items(), key=lambda kv: -kv[1]))


def classifier_scores(
    texts: Sequence[str],
    backend: str = "scorer",
    model_dir: str | None = None,
    n_jobs: int = 1,
    *,
    trust_model: bool = False,
) -> tuple[list[float], list[str], dict[str, Any]]:
    """Promotional scores and predicted categories (lower-case) from the shipped model."""
    if backend == "sklearn":
        from linter.classifier.train import load_pipeline

        pipeline, meta = load_pipeline(model_dir, trust=trust_model)
        from linter.classifier.categories import best_class
        from linter.classifier.features import normalise

        probs = pipeline.predict_proba([normalise(t) for t in texts])
        classes = [str(c) for c in pipeline.classes_]
        pos = classes.index(POSITIVE)
        return (
            [float(p[pos]) for p in probs],
            [classes[best_class(classes, p, t)] for p, t in zip(probs, texts, strict=True)],
            meta,
        )
    if backend != "scorer":
        raise ValueError(f"unknown backend {backend!r} (scorer or sklearn)")
    from linter.classifier.scorer import load_scorer

    scorer = load_scorer(model_dir)
    scores = scorer.score_many(list(texts), n_jobs=n_jobs)
    return [s.promotional for s in scores], [s.category.lower() for s in scores], scorer.meta


def evaluate_rows(
    rows: list[Row],
    *,
    backend: str = "scorer",
    model_dir: str | None = None,
    threshold: float | None = None,
    use_rules: bool = True,
    rules_dir: str | None = None,
    show: int = 10,
    n_jobs: int = 1,
    trust_model: bool = False,
    progress: Callable[[str], None] = lambda _m: None,
) -> dict[str, Any]:
    from linter.classifier.train import binary_metrics, category_metrics

    rows, blank = without_blank(rows, "data")
    texts = [r.text for r in rows]
    y = [binary_label(r.label, f"row {r.number or i + 1}") for i, r in enumerate(rows)]
    progress(f"scoring {len(rows)} rows with the classifier")
    scores, predicted, meta = classifier_scores(
        texts, backend, model_dir, n_jobs, trust_model=trust_model
    )
    cut = float(meta.get("threshold", 0.5) if threshold is None else threshold)
    report: dict[str, Any] = {
        "rows": len(rows),
        "labels": dict(sorted(Counter(r.label for r in rows).items())),
        # how each label was read: promotional (positive) or not, and the category it names
        "label_meaning": {
            r.label: "promotional" if r.label in POSITIVE_LABELS else "not promotional"
            for r in rows
        },
        "label_category": {r.label: r.category for r in rows},
        # rows with no text (empty or spaces): not scored, not counted in any figure
        "blank_rows_skipped": blank,
        "backend": backend,
        "model": meta.get("model"),
        "threshold": cut,
    }
    pred_bin = ["promotional" if s >= cut else "transactional" for s in scores]
    truth_bin = ["promotional" if v else "transactional" for v in y]
    classifier: dict[str, Any] = {
        "promotional": binary_metrics(y, scores, cut),
        "binary_classes": category_metrics(truth_bin, pred_bin, ["promotional", "transactional"]),
    }
    if all(r.category for r in rows):
        classifier["categories"] = category_metrics(
            [str(r.category) for r in rows], predicted, list(CATEGORIES)
        )
    report["classifier"] = classifier
    hits: list[list[str]] = [[] for _ in rows]
    warned: list[list[str]] = [[] for _ in rows]
    if use_rules:
        progress(f"linting {len(rows)} rows with the TPL1xx rules")
        hits, warned = rule_hits(texts, rules_dir)
        fired = [1.0 if h else 0.0 for h in hits]
        either = [1.0 if h or w else 0.0 for h, w in zip(hits, warned, strict=True)]
        combined = [1.0 + s if h else s for s, h in zip(scores, hits, strict=True)]
        report["rules"] = {
            "promotional": binary_metrics(y, fired, 0.5),
            "codes": _code_counts(hits),
        }
        report["rules_with_warnings"] = {
            "promotional": binary_metrics(y, either, 0.5),
            "codes": _code_counts(warned),
        }
        comb = binary_metrics(y, combined, cut)
        comb["threshold"] = cut
        report["combined"] = {"promotional": comb}
    wrong = []
    for i, row in enumerate(rows):
        # what disagrees with the label: the predicted category, the score against the
        # threshold (promotional or not), or both
        what = []
        if row.category and predicted[i] != row.category:
            what.append("category")
        if (scores[i] >= cut) != bool(y[i]):
            what.append("promotional")
        if what:
            confidence = scores[i] if scores[i] >= cut else 1.0 - scores[i]
            wrong.append((confidence, i, what))
    wrong.sort(key=lambda ciw: (-ciw[0], ciw[1]))
    report["disagreements"] = [
        {
            "row": rows[i].number or i + 1,
            "label": rows[i].label,
            "category": rows[i].category,  # what the label names (None: promotional or not)
            "disagrees": what,
            "predicted": predicted[i],
            "promotional_score": round(scores[i], 4),
            "rules": hits[i],
            "warnings": warned[i],
            "text": rows[i].text if len(rows[i].text) <= 160 else rows[i].text[:157] + "…",
        }
        for _, i, what in wrong[:show]
    ]
    return report


def evaluate_file(
    path: str | Path,
    *,
    split: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    rows = read_rows(path, encoding=encoding, delimiter=delimiter)
    if split:
        if not any(r.split for r in rows):
            raise DataError(f"{path}: no 'split' field, so --split {split} selects nothing")
        rows = [r for r in rows if r.split == split]
        if not rows:
            raise DataError(f"{path}: no rows in split {split!r}")
    rows, blank = without_blank(rows, path)  # here too, so an error names the file
    report = evaluate_rows(rows, **kwargs)
    report["blank_rows_skipped"] = blank
    return {"data": str(path), "split": split, **report}


def _figure(value: float | None, width: int) -> str:
    return f"{'n/a':>{width}}" if value is None else f"{value:>{width}.4f}"


def _row_line(name: str, m: dict[str, Any]) -> str:
    c = m["confusion"]
    auc = "  n/a " if m["roc_auc"] is None else f"{m['roc_auc']:.4f}"
    return (
        f"  {name:<11} {m['precision']:>9.4f} {m['recall']:>7.4f} {m['f1']:>7.4f}  {auc:>7}"
        f"   {c['tp']:>5} {c['fp']:>5} {c['fn']:>5} {c['tn']:>5}"
    )


def _table(title: str, cat: dict[str, Any]) -> list[str]:
    labels = cat["confusion"]["labels"]
    over = cat.get("macro_over", labels)
    absent = [lab for lab in labels if lab not in over]
    macro = f"macro-F1 {cat['macro_f1']:.4f}"
    if absent:
        macro += f" over {', '.join(over)}: no {', '.join(absent)} rows;"
    else:
        macro += ","
    lines = [f"{title} ({macro} accuracy {cat['accuracy']:.4f})"]
    name_w = max(15, *(len(lab) + 1 for lab in labels))
    col_w = max(9, *(len(lab) + 2 for lab in labels))
    lines.append(f"  {'class':<{name_w}} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}")
    for name, m in cat["per_class"].items():
        lines.append(
            f"  {name:<{name_w}} {_figure(m['precision'], 9)} {_figure(m['recall'], 7)}"
            f" {_figure(m['f1'], 7)} {m['support']:>8}"
        )
    lines.append("  confusion matrix (rows: true, columns: predicted)")
    lines.append("  " + " " * name_w + "".join(f"{lab:>{col_w}}" for lab in labels))
    for lab, row in zip(labels, cat["confusion"]["matrix"], strict=True):
        lines.append(f"  {lab:<{name_w}}" + "".join(f"{v:>{col_w}}" for v in row))
    return lines


def _labels_line(report: dict[str, Any]) -> str:
    """How the file's labels were read: the raw labels under what each counts as."""
    meaning = report.get("label_meaning") or {}
    category = report.get("label_category") or {}
    groups: dict[str, list[str]] = {}
    for label, n in report["labels"].items():
        named = category.get(label)
        said = f"{label!r} {n}" + (f" (as {named})" if named and named != label else "")
        groups.setdefault(meaning.get(label, "?"), []).append(said)
    said = "; ".join(
        f"as {what}: {', '.join(groups[what])}"
        for what in ("promotional", "not promotional", "?")
        if what in groups
    )
    return f"labels read {said}"


def _disagreement(d: dict[str, Any], threshold: float) -> str:
    """What disagrees with the label, in words: the category read, the score against the
    threshold, or both ("marketing → marketing (score 0.43)" read as a contradiction)."""
    what = d.get("disagrees") or ["category", "promotional"]
    parts = []
    if d.get("category", d["label"] if d["label"] in CATEGORIES else None):
        agrees = "category" not in what
        parts.append(f"read as {d['predicted']}" + (" (agrees)" if agrees else ""))
    score = d["promotional_score"]
    if "promotional" in what:
        if score >= threshold:
            parts.append(f"score {score:.2f} ≥ threshold {threshold:.2f}: counted promotional")
        else:
            parts.append(f"score {score:.2f} < threshold {threshold:.2f}: missed as promotional")
    else:
        reads = "promotional" if score >= threshold else "not promotional"
        parts.append(f"score {score:.2f}, {reads} (agrees)")
    rules = f"; rules {','.join(d['rules'])}" if d["rules"] else ""
    if d.get("warnings"):
        rules += f"; warnings {','.join(d['warnings'])}"
    return f"  row {d['row']}: {d['label']}: {'; '.join(parts)}{rules}: {d['text']!r}"


def format_text(report: dict[str, Any]) -> str:
    split = f", split {report['split']}" if report.get("split") else ""
    blank = report.get("blank_rows_skipped") or 0
    skipped = (
        f"; {blank} blank row{'s' if blank != 1 else ''} skipped: no text to score" if blank else ""
    )
    lines = [
        f"templint evaluate: {report['data']} ({report['rows']} rows{split}{skipped})",
        _labels_line(report),
        f"model {report['model']} via {report['backend']}, "
        f"promotional threshold {report['threshold']:.2f}",
        "",
    ]
    clf = report["classifier"]
    if "categories" in clf:
        lines += [*_table("Classifier, categories", clf["categories"]), ""]
    lines += [*_table("Classifier, promotional vs transactional", clf["binary_classes"]), ""]
    lines.append("Promotional (positive) vs rest")
    lines.append(
        f"  {'source':<11} {'precision':>9} {'recall':>7} {'f1':>7}  {'roc-auc':>7}"
        f"   {'tp':>5} {'fp':>5} {'fn':>5} {'tn':>5}"
    )
    lines.append(_row_line("classifier", clf["promotional"]))
    point = clf["promotional"].get("at_recall_90")
    if point:
        lines.append(
            f"  classifier at recall ≥ {point['min_recall']:.2f}: best precision "
            f"{point['precision']:.4f} (recall {point['recall']:.4f}, threshold "
            f"{point['threshold']:.2f})"
        )
    if "rules" in report:
        lines.append(_row_line("rules", report["rules"]["promotional"]))
        with_warnings = report.get("rules_with_warnings")
        if with_warnings:
            lines.append(_row_line("rules+warn", with_warnings["promotional"]))
        lines.append(_row_line("combined", report["combined"]["promotional"]))
        codes = report["rules"].get("codes") or {}
        if codes:
            lines.append("  rules that fired: " + ", ".join(f"{k} {v}" for k, v in codes.items()))
        warn_codes = (with_warnings or {}).get("codes") or {}
        if warn_codes:
            lines.append(
                "  warnings that fired: " + ", ".join(f"{k} {v}" for k, v in warn_codes.items())
            )
    if report["disagreements"]:
        lines += ["", "Most confident disagreements (what disagrees with the row's label)"]
        lines += [_disagreement(d, report["threshold"]) for d in report["disagreements"]]
    # the data file's name and its labels are input: each line shown with controls escaped
    return "\n".join(map(safe, lines)) + "\n"
