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


HUNSPELL_DIR = _PKG / "data" / "hunspell"  # the shipped Hunspell dictionaries (TPL201)


def find_dictionary(name: str, config_source: str | None) -> tuple[Path, Path] | None:
    """The affix file and the stems (shipped) or ``.dic`` file (a team's) of a dictionary
    named in the config: a shipped name (``es_ES``), or a path without its extension, beside
    the config file or absolute (``dicts/fr_FR`` for ``dicts/fr_FR.aff`` and ``.dic``). Here,
    not in ``linter.kinds.hunspell``: lint checks the names on every run, and reads the
    dictionaries only for a template in their language."""
    aff = settings_file(f"{name}.aff", config_source, HUNSPELL_DIR)
    for words in (aff.with_suffix(".stems"), aff.with_suffix(".dic")):
        if aff.is_file() and words.is_file():
            return aff, words
    return None
