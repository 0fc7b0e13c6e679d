"""Subcommands the main CLI group loads lazily by ``module:attribute``."""

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def labelled_csv_options(func: F) -> F:
    """--delimiter and --encoding, as train and evaluate read a labelled CSV."""
    func = click.option(
        "--encoding",
        default=None,
        help="The file's encoding (default: UTF-8, with or without a BOM): cp1252 for a CSV "
        "Excel saved on Windows.",
    )(func)
    return click.option(
        "--delimiter", default=None, help="CSV field separator (default: from the header line)."
    )(func)
