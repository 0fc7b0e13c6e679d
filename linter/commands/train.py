"""``templint train``: train the promotional classifier and write it to models/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from linter.commands import labelled_csv_options


def _fail(message: str) -> None:
    click.echo(f"templint: {message}", err=True)
    sys.exit(2)


@click.command("train")
@click.option(
    "--data",
    "data_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Labelled JSONL or CSV (text, label: marketing, utility, authentication, or promo, "
    "transactional, otp; optional split (train / test), pattern (the template a row was "
    "written from: kept in one fold), and brand (the sender's name, left out of the text when "
    "fitting)). Default: data/templates.jsonl.",
)
@labelled_csv_options
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the model and its metadata. Default: models/ in a source checkout; "
    "required for an installed templint.",
)
@click.option(
    "--model",
    "models",
    multiple=True,
    help="Compare only these candidates (repeatable). Default: all of them.",
)
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("--seed", type=int, default=None, help="Random seed (default: the fixed one).")
@click.option("--jobs", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def train(
    data_path: str | None,
    delimiter: str | None,
    encoding: str | None,
    out_dir: str | None,
    models: tuple[str, ...],
    folds: int,
    seed: int | None,
    jobs: int,
    fmt: str,
) -> None:
    """Train the classifier: compare models by cross-validation, keep the best, export it.

    The same data gives the same model files byte for byte. The held-out rows (split = test)
    are never used for fitting or choosing; their figures go into the metadata.
    """
    from linter.classifier.data import DEFAULT_DATA, DataError
    from linter.classifier.scorer import ModelError, default_model_dir
    from linter.classifier.train import SEED
    from linter.classifier.train import train as run

    data = Path(data_path) if data_path else DEFAULT_DATA
    if not data.is_file():
        _fail(f"{data}: no such file (give labelled data with --data)")
    out = Path(out_dir) if out_dir else default_model_dir()
    if out_dir is None and _inside_package(out):
        # An installed templint keeps its model inside the package: training over it would
        # change every later lint in that environment (and break pip's record of the files).
        _fail(
            f"give --out: the default is the model shipped inside the installed package ({out}); "
            "train into a folder of yours and point [tool.templint.rules.TPL501] model-dir at it"
        )
    log = (lambda m: click.echo(m, err=True)) if fmt == "text" else (lambda _m: None)
    try:
        meta = run(
            data,
            out,
            models=list(models) or None,
            folds=folds,
            seed=SEED if seed is None else seed,
            n_jobs=jobs,
            log=log,
            encoding=encoding,
            delimiter=delimiter,
        )
    except (DataError, ModelError, ValueError) as exc:
        _fail(str(exc))
        return
    for warning in meta.get("warnings", []):
        click.echo(f"templint: warning: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps(meta, indent=2))
        return
    click.echo(f"model: {meta['model']} ({meta['description']}) → {out}")
    click.echo(f"{'candidate':<12} {'macro-F1':>8} {'ROC-AUC':>8} {'AP':>8} {'fit s/fold':>10}")
    for name, m in meta["metrics"]["cross_validation"].items():
        # no timings with SOURCE_DATE_EPOCH set: the metadata is then reproducible byte for byte
        seconds = m.get("fit_seconds_per_fold")
        fit = "-" if seconds is None else f"{seconds:.2f}"
        click.echo(
            f"{name:<12} {m['macro_f1']:>8.4f} {m['promotional_roc_auc'] or 0:>8.4f} "
            f"{m['promotional_average_precision'] or 0:>8.4f} {fit:>10}"
        )
    test = meta["metrics"]["test"]
    if test:
        promo = test["promotional"]
        click.echo(
            f"held-out test ({test['rows']} rows): macro-F1 {test['categories']['macro_f1']:.4f}; "
            f"promotional precision {promo['precision']:.4f} recall {promo['recall']:.4f} "
            f"at threshold {meta['threshold']:.2f}, ROC-AUC {promo['roc_auc']}"
        )


def _inside_package(path: Path) -> bool:
    """Whether ``path`` is inside the installed ``linter`` package (a wheel's ``_models``)."""
    import linter

    return Path(linter.__file__).resolve().parent in path.resolve().parents
