"""The layout of the generated data files (``linter/data/pattern_literals.json``,
``linter/data/rules_parsed.json``): one entry per rule, in the order of its name, each entry
on its own lines.

Entries used to be keyed by a content hash (in hash order, on one line or spread over 60,000),
so editing any rule moved or rewrote text all over the file and every two branches that edited
different rules conflicted there. Named and ordered by rule, an edit changes only its own
entry's lines, and two branches' entries are separated by lines neither changed, so git merges
them; the hash still decides at run time whether an entry is current.
"""

from __future__ import annotations

import json
from typing import Any


def render(version: int, table: str, entries: dict[str, tuple[str, Any]]) -> str:
    """``{"version": …, TABLE: {NAME: {"key": HASH, "value": VALUE}, …}}``, names sorted."""

    def entry(name: str) -> str:
        key, value = entries[name]
        return (
            f"{json.dumps(name, ensure_ascii=False)}: {{\n"
            f'"key": {json.dumps(key)},\n'
            f'"value": {json.dumps(value, ensure_ascii=False, sort_keys=True)}\n'
            "}"
        )

    body = ",\n".join(entry(name) for name in sorted(entries))
    return f'{{"version": {version}, "{table}": {{\n{body}\n}}}}\n'


def by_key(text: str, table: str, version: int) -> dict[str, Any]:
    """HASH → VALUE of a file ``render`` wrote; {} for a missing table or another version.
    Raises ValueError / TypeError / KeyError / AttributeError on a broken file."""
    data = json.loads(text)
    if data.get("version") != version:
        return {}
    return {e["key"]: e["value"] for e in data[table].values()}
