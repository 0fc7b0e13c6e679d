"""What the model's category may be, given the text: a constraint from Meta's definitions.

Meta's AUTHENTICATION category is for one-time codes only; a template with no code in it
cannot be one, however much it talks about passwords and sign-ins ("Your password was
changed", "New sign-in from a new Mac"). Those are security notices, which Meta files as
UTILITY. The model learns the wording of codes' messages, so without this a code-less security
notice reads as AUTHENTICATION; with it, the category is the likelier of the other two.

A code is a placeholder (a draft's code is a variable), 4–8 digits standing alone
(``482913``, ``482-913``, ``482 913``; not a phone number, time, amount or date), or a run of
capitals mixed with digits (``A7X9K2``). Every authentication row of the corpus has one. A
year or a card's last four digits count too: the constraint only takes AUTHENTICATION away
where nothing could be a code, so when in doubt the model decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from linter.classifier.features import PLACEHOLDER

AUTHENTICATION = "authentication"

_CODE = re.compile(
    PLACEHOLDER.pattern
    # digits not in a word nor in an amount, a time, a date or a phone number (12.50, 09:15,
    # 03/12, 1800 123 456)
    + r"|(?<![\w+])(?<!\d[.,/: -])(?:\d{4,8}|\d{3,4}[ -]\d{3,4})(?!\w)(?![.,/: -]\d)"
    + r"|\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,10}\b"
)


def has_code(text: str) -> bool:
    """True when ``text`` holds something that could be a one-time code."""
    return _CODE.search(text) is not None


def best_class(classes: Sequence[str], probs: Sequence[float], text: str | None) -> int:
    """The index of the most probable class that ``text`` can be (``text`` None: any)."""
    order = sorted(range(len(probs)), key=lambda k: -probs[k])
    if text is None or classes[order[0]] != AUTHENTICATION or len(order) == 1:
        return order[0]
    return order[0] if has_code(text) else order[1]


__all__ = ["AUTHENTICATION", "best_class", "has_code"]
