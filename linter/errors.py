"""The one base of the errors templint raises on purpose, so a program can catch them all.

``InputError`` (a text or file that cannot be a template), ``ConfigError`` (a setting that
cannot be used; a ``ValueError`` too), ``RuleFileError`` (a rule file that cannot be used; a
``ValueError``) and ``ModelError`` (a classifier model missing or altered; a ``ValueError``)
all derive from it. A wrong argument's type is a ``TypeError``, as in Python's own functions.
"""

from __future__ import annotations


class TemplintError(Exception):
    """Something templint was given cannot be used: its message says what, and where."""
