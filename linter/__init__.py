"""templint: a compliance linter for WhatsApp Business message templates.

    >>> from linter import lint_text
    >>> [d.code for d in lint_text("Use code SAVE20 for 20% off your next order {{1}}!")]

Attributes are imported on first use so that ``import linter`` stays cheap for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.api import (
        RunResult,
        fix_paths,
        fix_source,
        forget_linter,
        lint_file,
        lint_paths,
        lint_templates,
        lint_text,
    )
    from linter.classifier.scorer import ModelError
    from linter.config import Config, ConfigError, load_config
    from linter.diagnostic import Diagnostic
    from linter.errors import TemplintError
    from linter.inputs import InputError
    from linter.rulebook import RuleFileError

__all__ = [
    "Config",
    "ConfigError",
    "Diagnostic",
    "InputError",
    "ModelError",
    "RuleFileError",
    "RunResult",
    "TemplintError",
    "fix_paths",
    "fix_source",
    "forget_linter",
    "lint_file",
    "lint_paths",
    "lint_templates",
    "lint_text",
    "load_config",
]
__version__ = "0.1.0"

_HOMES = {
    "lint_text": "linter.api",
    "lint_file": "linter.api",
    "lint_paths": "linter.api",
    "lint_templates": "linter.api",
    "fix_paths": "linter.api",
    "fix_source": "linter.api",
    "forget_linter": "linter.api",
    "RunResult": "linter.api",
    "Config": "linter.config",
    "load_config": "linter.config",
    "Diagnostic": "linter.diagnostic",
    "InputError": "linter.inputs",
    "ConfigError": "linter.config",
    "ModelError": "linter.classifier.scorer",
    "RuleFileError": "linter.rulebook",
    "TemplintError": "linter.errors",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'linter' has no attribute {name!r}")
