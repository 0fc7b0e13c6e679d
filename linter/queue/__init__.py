"""templint's submission queue: a local ledger of templates sent to Meta for review."""

from linter.queue.errors import QueueError
from linter.queue.store import Entry, QueueStore, default_path

__all__ = ["Entry", "QueueError", "QueueStore", "default_path"]
