"""The one error the queue raises: the CLI prints it on one line and exits 2."""

from __future__ import annotations


class QueueError(Exception):
    """A problem the user can act on: an illegal transition, a bad time, an unusable database."""
