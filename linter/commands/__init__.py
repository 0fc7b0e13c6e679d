"""Subcommands the main CLI group loads lazily by ``module:attribute``."""
