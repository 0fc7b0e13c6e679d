"""``templint evaluate``: measure the classifier and the rules on labelled data."""

from __future__ import annotations

import json
import sys

import click

from linter.commands import labelled_csv_options


def _fail(message: str) -> None:
    click.echo(f"templint: {message}", err=True)
    sys.exit(2)


@click.command("evaluate")
@click.option(
    "--data",
    "data_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Labelled CSV or JSONL: a text column and a label column.",
)
@click.option("--split", default=None, help="Only rows whose 'split' is this (e.g. test).")
@labelled_csv_options
@click.option(
    "--backend",
    type=click.Choice(["scorer", "sklearn"]),
    default="scorer",
    show_default=True,
    help="scorer: the plain-data model lint uses; sklearn: the joblib pipeline it came from.",
)
@click.option("--model-dir", type=click.Path(file_okay=False), default=None)
@click.option(
    "--trust-model",
    is_flag=True,
    help="Let --backend sklearn unpickle a --model-dir other than the shipped one (unpickling "
    "runs any code in the file: only for a folder you trained yourself).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Promotional threshold (default: the model's).",
)
@click.option("--no-rules", is_flag=True, help="Measure the classifier only.")
@click.option(
    "--show",
    type=click.IntRange(0),
    default=10,
    show_default=True,
    help="How many of the most confident disagreements to list.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Score large files in parallel processes (joblib).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def evaluate(
    data_path: str,
    split: str | None,
    delimiter: str | None,
    encoding: str | None,
    backend: str,
    model_dir: str | None,
    trust_model: bool,
    threshold: float | None,
    no_rules: bool,
    show: int,
    jobs: int,
    fmt: str,
) -> None:
    """Per-class precision, recall and F1, ROC-AUC of the promotional score, confusion matrix.

    Labels: marketing (or promotional, promotion, promo), utility (transactional,
    transaction) and authentication (otp, auth) name a category, as train reads them; spam,
    1, true, yes count as promotional and ham, 0, false, no as not. Rules (any TPL1xx error;
    then also the warnings of the rules about marketing content, not link warnings) and
    classifier are measured separately and combined.
    Rows whose text is empty or blank are skipped (the first line says how many).
    """
    from linter.classifier.data import DataError
    from linter.classifier.evaluate import evaluate_file, format_text
    from linter.classifier.scorer import ModelError

    try:
        report = evaluate_file(
            data_path,
            split=split,
            encoding=encoding,
            delimiter=delimiter,
            backend=backend,
            model_dir=model_dir,
            trust_model=trust_model,
            threshold=threshold,
            use_rules=not no_rules,
            show=show,
            n_jobs=jobs,
        )
    except (DataError, ModelError, ValueError) as exc:
        _fail(str(exc))
        return
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(format_text(report), nl=False)
