"""``lint --add-ignore``: a suppression for every finding there is now, template by template.

A team adopting templint on a folder of drafts that Meta already approved cannot fix them all
before the hook goes in; with their findings suppressed where they are, the hook reports only
what is new, and each suppression stays visible in the file (ruff's ``--add-noqa``). Text files
get a ``# templint: ignore …`` line at the top (``<!-- … -->`` in Markdown), JSON templates a
``"templint_ignore"`` list, or the codes added to the one they have.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from linter import jsonpos
from linter.diagnostic import Diagnostic, Edit
from linter.template import Template, findings_by_template

# Not the template's to carry: an unused suppression, and a rule that failed (templint's bug).
NOT_SUPPRESSED = frozenset({"TPL001", "TPL002"})
IGNORE_KEY = "templint_ignore"


@dataclass
class Suppressions:
    edits: dict[str, list[Edit]] = field(default_factory=dict)  # file -> its insertions
    codes: dict[str, int] = field(default_factory=dict)  # file -> codes it gets, all templates
    left: list[str] = field(default_factory=list)  # "FILE: why", templates it cannot mark


def suppressions(templates: Iterable[Template], diagnostics: Iterable[Diagnostic]) -> Suppressions:
    templates = [t for t in templates if t.file != "-"]
    out = Suppressions()
    found = findings_by_template(templates, diagnostics)
    for tpl in templates:
        codes = sorted({d.code for d in found[id(tpl)]} - NOT_SUPPRESSED)
        if not codes:
            continue
        edit = _edit(tpl, codes)
        if edit is None:
            out.left.append(f"{tpl.file}: '{IGNORE_KEY}' is neither a list nor a string")
            continue
        out.edits.setdefault(tpl.file, []).append(edit)
        out.codes[tpl.file] = out.codes.get(tpl.file, 0) + len(codes)
    return out


def _edit(tpl: Template, codes: list[str]) -> Edit | None:
    text = tpl.index.text
    if tpl.raw is None:  # a text or Markdown body: its ignore line, or a new one above it
        listed = ", ".join(codes)
        if tpl.ignore:
            # into the file's first ignore line, after its first code: codes are read from the
            # line by pattern, so ", TPL102" there is as good as at its end
            end = min(tpl.ignore.values())
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            return Edit(end, end, "", ", " + listed, safe=True)
        line = (
            f"<!-- templint: ignore {listed} -->"
            if tpl.file.lower().endswith(".md")
            else (f"# templint: ignore {listed}")
        )
        # the file's own line break: CRLF, a lone CR (old Mac files) or LF
        first = re.search(r"\r\n?|\n", text)
        return Edit(0, 0, "", line + (first.group() if first else "\n"), safe=True)
    quoted = ", ".join(json.dumps(c) for c in codes)
    have = tpl.raw.get(IGNORE_KEY)
    # Each edit replaces the one character it is written beside, so a file changed since it
    # was read is left alone (fixes._fixed compares what it replaces).
    if isinstance(have, jsonpos.PosList):
        return Edit(have.start, have.start + 1, "[", "[" + quoted + (", " if have else ""), True)
    if isinstance(have, jsonpos.PosStr):
        end = have.omap.file_end  # its closing quote
        return Edit(end, end + 1, '"', ", " + ", ".join(codes) + '"', True)
    if IGNORE_KEY in tpl.raw:
        return None
    start = tpl.anchor
    after = start + 1
    while after < len(text) and text[after] in " \t\r\n":
        after += 1
    # the whitespace that leads to the first key leads to the new one too: same indentation
    lead = text[start + 1 : after]
    comma = "" if text.startswith("}", after) else "," if lead else ", "
    return Edit(start, start + 1, "{", "{" + lead + f'"{IGNORE_KEY}": [{quoted}]{comma}', True)
