"""Where the data that ships with templint lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _shipped(installed: str, checkout: str) -> Path:
    # A wheel carries the folder inside the package; a checkout keeps it at the project root.
    inside = _PKG / installed
    return inside if inside.is_dir() else _PKG.parent / checkout


def rules_dir() -> Path:
    return _shipped("_rules", "rules")


def models_dir() -> Path:
    return _shipped("_models", "models")
