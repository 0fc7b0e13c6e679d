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


def settings_file(name: str, config_source: str | None, shipped: Path) -> Path:
    """A data file a rule or a config names: absolute, else beside the config file when it is
    there, else in ``shipped`` (the folder templint's own copies live in)."""
    path = Path(name).expanduser()
    if path.is_absolute():
        return path
    if config_source:
        beside = Path(config_source).resolve().parent / path
        if beside.is_file():
            return beside
    return shipped / path
