"""Reading templates from files, folders and standard input.

Every problem with an input becomes an ``InputError`` naming the file: the CLI prints it on one
line and exits 2. Size and file type are checked before anything is read, so a huge, sparse or
special file costs nothing.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import jsonpos
from linter.errors import TemplintError
from linter.source import LineIndex, OffsetMap
from linter.template import CATEGORIES, Component, Template

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEMPLATE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
# Files named on the command line are read as a body whatever their suffix ("order_update",
# "otp.body"), except these, which hold something else: a CSV of 30 drafts was linted as one
# body with its header, and --fix rewrote it.
SHEET_SUFFIXES = {".csv", ".tsv", ".xlsx"}  # what `templint batch` reads
NOT_TEMPLATE_SUFFIXES = SHEET_SUFFIXES | {
    ".xls",
    ".ods",
    ".yaml",
    ".yml",
    ".toml",
    ".ini",
    ".xml",
    ".html",
    ".htm",
    ".py",
    ".js",
    ".ts",
    ".sql",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SKIP_DIRS = {".git", ".hg", ".svn", ".templint", "__pycache__", "node_modules", ".venv", "venv"}

# "# templint: ignore TPL101, TPL2" (text) or "<!-- templint: ignore TPL101 -->" (markdown); the
# same line declares what only a JSON template can say otherwise: "# templint: category MARKETING",
# "# templint: language es". Read in two steps, each linear in the line's length: one pattern
# whose separator, value and trailing blanks could all match spaces took minutes on a line of
# spaces that did not end as a directive should.
# A line starts after LF, CRLF or a lone CR (an old Mac file), and ends before any of them.
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\r))[ \t]*(?:#|<!--)[ \t]*templint:[ \t]*(ignore|category|language)([^\r\n]*)",
    re.MULTILINE,
)
_VALUE = re.compile(r"[A-Za-z0-9_, \t-]+")
_CODE = re.compile(r"[A-Za-z]+[0-9]*")


@dataclass(frozen=True)
class InputError(TemplintError):
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    # what could be read all the same (the good lines of a JSONL file): linted, not lost
    readable: tuple[Template, ...] = field(default=(), compare=False, repr=False)
    others: tuple[InputError, ...] = field(default=(), compare=False, repr=False)  # more bad lines

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    # said on stderr even without -v: a symlink out of the folder is something to look at
    loud: bool = False


# Prose about templates, not templates: skipped when a folder is walked (as the pre-commit
# hook's exclude does); named on the command line, they are still read.
DOC_FILES = ("README*", "CHANGELOG*", "CONTRIBUTING*", "LICENSE*")


def left_out_by_name(name: str) -> str | None:
    """Why a folder walk leaves out a file of this name (the language server too), or None."""
    if Path(name).suffix.lower() not in TEMPLATE_SUFFIXES:
        return "not a template file type"
    return doc_file(name)


def in_skipped_folder(path: str) -> bool:
    """Whether a folder a walk never enters (.git, node_modules, .venv …) holds the file."""
    return not SKIP_DIRS.isdisjoint(Path(path).parent.parts)


def iter_paths(
    paths: list[str],
    excluded: Callable[[str], str | None] | None = None,
    force_exclude: bool = False,
) -> Iterator[str | Skipped | InputError]:
    """Expand folders into the template files inside them, sorted; yield notes for the rest.

    A missing path is yielded as an InputError so the other paths are still linted.
    ``excluded(path)`` says why a file found in a folder is left out (None: it is not);
    ``force_exclude`` applies it, and the doc-file names, to files named outright too (what a
    pre-commit hook passes).
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory")
            continue
        if path.is_dir():
            for found in _walk(path):
                why = excluded(found) if excluded and isinstance(found, str) else None
                yield Skipped(found, why) if why else found
            continue
        outside = link_out_of_project(raw)
        if outside is not None:
            yield InputError(raw, outside)
        elif force_exclude:
            why = doc_file(path.name) or (excluded(raw) if excluded else None)
            yield Skipped(raw, why) if why else raw
        else:
            yield raw


def project_root(start: str | None = None) -> str:
    """The folder a file named on the command line may link into: the git work tree holding
    ``start`` (the current folder), else ``start`` itself; resolved."""
    here = os.path.realpath(start or os.getcwd())
    folder = here
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def inside(path: str, folder: str) -> bool:
    """Whether the resolved ``path`` is under the resolved ``folder``, and not in a folder a
    walk never enters there (a link to ``.git/config`` is inside the work tree, and holds its
    credentials)."""
    prefix = folder.rstrip(os.sep) + os.sep
    return path.startswith(prefix) and not in_skipped_folder(path[len(prefix) :])


def link_out_of_project(raw: str) -> str | None:
    """Why a file named on the command line is refused: a symlink whose target is outside the
    project (a pre-commit hook passes committed links by name: ``welcome.txt ->
    ~/.git-credentials`` printed the credentials). None for anything else (one lstat)."""
    try:
        if not stat.S_ISLNK(os.lstat(raw).st_mode):
            return None
    except OSError:
        return None  # read_text says why it cannot be read
    root = project_root()
    real = os.path.realpath(raw)
    if inside(real, root):
        return None
    if real.startswith(root.rstrip(os.sep) + os.sep):
        where = "a file in a folder lint never reads (.git, .templint …)"
    else:
        where = f"a file outside the project ({root})"
    return f"a symlink to {where}; not read (name the file it points to if it is a template)"


def doc_file(name: str) -> str | None:
    """Why a README, CHANGELOG, CONTRIBUTING or LICENSE file is not read as a template."""
    if any(fnmatch.fnmatch(name.upper(), doc) for doc in DOC_FILES):
        return "a README, CHANGELOG, CONTRIBUTING or LICENSE file"
    return None


def _walk(root: Path) -> Iterator[str | Skipped]:
    # followlinks=False: a symlink loop cannot trap the walk. A linked file is read only when
    # its target is inside the folder walked: a committed ``welcome.txt -> ../../.aws/credentials``
    # printed the secrets in the findings (and --fix rewrote the target).
    real_root: str | None = None  # resolved once, at the first link
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for fname in sorted(filenames):
            full = os.path.join(dirpath, fname)
            why = left_out_by_name(fname)
            if why is not None:
                yield Skipped(full, why)
                continue
            try:
                st = os.lstat(full)  # one call per file; a second only for a link
                if stat.S_ISLNK(st.st_mode):
                    real_root = real_root or os.path.realpath(root)
                    if not inside(os.path.realpath(full), real_root):
                        yield Skipped(
                            full, f"a symlink to a file outside {root}; not read", loud=True
                        )
                        continue
                    st = os.stat(full)
            except OSError as exc:
                yield Skipped(full, f"cannot be read ({exc.strerror or exc})")
                continue
            if not stat.S_ISREG(st.st_mode):
                yield Skipped(full, "not a regular file")
                continue
            yield full


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text, or an InputError saying why it cannot be a template."""
    return read_text_bom(path, max_bytes)[0]


def read_text_bom(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bool]:
    """``read_text``, and whether the bytes started with a UTF-8 byte-order mark (which the
    text leaves out): ``--fix`` on standard input gives it back."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            st = os.stat(path)
        except OSError as exc:
            raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file (FIFO, device or socket)")
        if st.st_size > max_bytes:
            raise InputError(
                path, f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit"
            )
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(path, f"input is over the {max_bytes:,}-byte limit")
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not a template")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise InputError(path, "empty file: no template text")
    return text, data.startswith(b"\xef\xbb\xbf")


def load_path(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_name: str | None = None
) -> list[Template]:
    """The templates in one file, or in standard input (``-``; ``stdin_name``, an editor's
    name for the buffer, chooses how it is parsed and names a text body's template)."""
    named = stdin_name if path == "-" and stdin_name else path
    suffix = Path(named).suffix.lower() if named != "-" else ""
    if suffix in NOT_TEMPLATE_SUFFIXES:  # before reading: an .xlsx is "binary" otherwise
        raise InputError(path, _not_a_template(suffix, named))
    return parse_source(read_text(path, max_bytes), path, stdin_name)


# How standard input (or a file without a suffix) that is JSON starts: an object with a key, or
# a list of objects or strings. "{{1}} is your code." and "[Order update] Hi…" are bodies.
_JSON_START = re.compile(r'\s*(?:\{\s*["}]|\[\s*[{\["\]])')


def parse_source(text: str, path: str, stdin_name: str | None = None) -> list[Template]:
    named = stdin_name if path == "-" and stdin_name else path
    suffix = Path(named).suffix.lower() if named != "-" else ""
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, path)
    if suffix in JSON_SUFFIXES or (suffix == "" and _JSON_START.match(text)):
        return parse_json(text, path)
    return [parse_text(text, path, stem=Path(named).stem if named != "-" else None)]


def _not_a_template(suffix: str, named: str) -> str:
    if suffix in SHEET_SUFFIXES:
        return (
            f"a {suffix} file is not a template file; score its rows with "
            f"`templint batch {named} -o scored{suffix}`"
        )
    return f"a {suffix} file is not a template file (lint reads .txt, .md, .json and .jsonl)"


def parse_text(text: str, path: str = "<text>", stem: str | None = None) -> Template:
    """A text or markdown file: the whole file is the body, less suppression lines."""
    index = LineIndex(text)
    ignore: dict[str, int] = {}
    segments: list[tuple[int, int]] = []
    parts: list[str] = []
    length = 0
    pos = 0
    declared: dict[str, Component] = {}
    # every directive holds "templint:"; most texts do not, and the search costs ~1 us
    if "templint:" in text:
        _refuse_misplaced_directives(text, path, index)
    for m in _DIRECTIVE.finditer(text) if "templint:" in text else ():
        found = _directive_value(m)
        if found is None:
            continue  # not a directive after all: the line stays in the body
        value, start = found
        if m.group(1) == "ignore":
            for code in _CODE.findall(value):
                ignore.setdefault(code.upper(), start)
        else:
            _declare(declared, m.group(1), value, start, path, index)
        if m.start() > pos:
            segments.append((length, pos))
            parts.append(text[pos : m.start()])
            length += m.start() - pos
        # drop the directive and its line break (CRLF, LF or CR)
        pos = m.end() + (2 if text.startswith("\r\n", m.end()) else 1)
        pos = min(pos, len(text))
    segments.append((length, pos))
    parts.append(text[pos:])
    body = "".join(parts)
    # Editors end files with a newline; it is not part of the template.
    while body.endswith(("\n", "\r")):
        body = body[:-1]
    omap = OffsetMap(tuple(segments), len(body), segments[-1][1] + len(body) - segments[-1][0])
    if stem is None and path not in ("-", "<text>"):
        stem = Path(path).stem
    tpl = Template(
        file=path,
        index=index,
        anchor=0,
        components=[Component("body", "body", body, omap)],
        stem=stem,
        ignore=ignore,
    )
    if declared:
        tpl.declared = declared
        if "category" in declared:
            tpl.category = declared["category"].text.upper()
        if "language" in declared:
            tpl.language = declared["language"].text
    return tpl


# A directive with nothing after its keyword, or one written after text on the same line:
# both were read as part of the body (and "templint" flagged as a misspelling).
# One run of blanks at a time: two optional runs side by side ("[ \t]*(?:-->)?[ \t]*") split a
# line of spaces every possible way before failing, quadratic in its length (40,000 spaces: 24 s).
_BARE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:#|<!--)[ \t]*templint:[ \t]*(ignore|category|language)[ \t]*(?:-->[ \t]*)?\r?$",
    re.MULTILINE,
)
_TRAILING_DIRECTIVE = re.compile(
    r"[^\s#][ \t]*((?:#|<!--)[ \t]*templint:[ \t]*(?:ignore|category|language)\b)"
)


def _refuse_misplaced_directives(text: str, path: str, index: LineIndex) -> None:
    bare = _BARE_DIRECTIVE.search(text)
    if bare is not None:
        line, col = index.position(bare.start(1))
        example = {"ignore": "ignore TPL101", "category": "category MARKETING"}
        raise InputError(
            path,
            f"'templint: {bare.group(1)}' says nothing; write it with a value, "
            f"e.g. '# templint: {example.get(bare.group(1), 'language es')}'",
            line,
            col,
        )
    trailing = _TRAILING_DIRECTIVE.search(text)
    if trailing is not None:
        line, col = index.position(trailing.start(1))
        raise InputError(
            path,
            "a templint directive must be on a line of its own, not after the template's text",
            line,
            col,
        )


def _directive_value(m: re.Match[str]) -> tuple[str, int] | None:
    """The value a directive line gives, and its file offset; None when the rest of the line is
    not ``[ =]value[ -->]``."""
    rest = m.group(2).rstrip(" \t\r")
    if rest.endswith("-->"):
        rest = rest[:-3].rstrip(" \t")
    value = rest.lstrip(" \t=")
    if value == rest or not _VALUE.fullmatch(value):
        return None  # no separator after the keyword, or another character in the value
    return value, m.start(2) + len(rest) - len(value)


def _declare(
    declared: dict[str, Component], key: str, value: str, start: int, path: str, index: LineIndex
) -> None:
    """A ``category`` or ``language`` directive, kept with where its value is written (TPL302
    points at a language code not in Meta's form)."""
    if key == "category" and value.upper() not in CATEGORIES:
        line, col = index.position(start)
        raise InputError(
            path,
            f"unknown category {value!r} in a templint directive; use "
            + ", ".join(CATEGORIES[:-1])
            + f" or {CATEGORIES[-1]}",
            line,
            col,
        )
    earlier = declared.get(key)
    if earlier is None:
        declared[key] = Component(key, key, value, OffsetMap.identity(start, len(value)))
        return
    same = earlier.text.upper() == value.upper() if key == "category" else earlier.text == value
    if not same:  # language codes are case-sensitive for Meta: es_MX is not ES_mx
        line, col = index.position(start)
        raise InputError(path, f"{key} declared twice: {earlier.text!r}, then {value!r}", line, col)


def _json_error(path: str, text: str, exc: jsonpos.JSONPosError) -> InputError:
    line, col = LineIndex(text).position(min(exc.offset, len(text)))
    return InputError(path, f"invalid JSON: {exc}", line, col)


def parse_json(text: str, path: str = "<json>") -> list[Template]:
    try:
        value = jsonpos.loads(text)
    except jsonpos.JSONPosError as exc:
        raise _json_error(path, text, exc) from None
    index = LineIndex(text)
    if isinstance(value, dict) and isinstance(value.get("data"), list):
        items = value["data"]
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    if not items:
        raise InputError(path, "no templates in the file (an empty list)")
    return [_from_object(item, path, index, i) for i, item in enumerate(items)]


def parse_jsonl(text: str, path: str = "<jsonl>") -> list[Template]:
    index = LineIndex(text)
    templates = []
    bad: list[InputError] = []  # one broken line costs that line, not the file's other lines
    start = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        end = start + len(line)
        if line.strip():
            try:
                templates.append(_from_object(jsonpos.loads(line, start), path, index, lineno - 1))
            except jsonpos.JSONPosError as exc:
                bad.append(_json_error(path, text, exc))
            except InputError as exc:
                bad.append(exc)
        start = end + 1
    if bad:
        raise dataclasses.replace(bad[0], readable=tuple(templates), others=tuple(bad[1:]))
    if not templates:
        raise InputError(path, "no templates in the file")
    return templates


def _str(value: Any) -> str | None:
    return str(value) if isinstance(value, str) else None


def _add(comps: list[Component], kind: str, label: str, value: Any, **extra: Any) -> None:
    if isinstance(value, jsonpos.PosStr):
        comps.append(Component(kind, label, str(value), value.omap, dict(extra)))


# The keys a template's text is read from (_from_object): a JSON object with none of them is no
# template, whatever else it holds (a package.json, a tsconfig).
TEMPLATE_KEYS = frozenset({"components", "body", "text", "header", "footer"})


def _from_object(obj: Any, path: str, index: LineIndex, i: int) -> Template:
    if not isinstance(obj, dict):
        line, col = index.position(getattr(obj, "start", 0))
        raise InputError(path, f"template {i + 1} is not a JSON object", line, col)
    comps: list[Component] = []
    tpl = Template(
        file=path,
        index=index,
        anchor=getattr(obj, "start", 0),
        components=comps,
        name=_str(obj.get("name")),
        language=_str(obj.get("language")),
        category=(_str(obj.get("category")) or "").strip().upper() or None,
        raw=obj,
    )
    raw_components = obj.get("components")
    if raw_components is None:
        # A flat shape people keep in spreadsheets and exports: {"name", "body"/"text", …}.
        _add(comps, "body", "body", obj.get("body", obj.get("text")))
        _add(comps, "header", "header", obj.get("header"))
        _add(comps, "footer", "footer", obj.get("footer"))
        if not comps:
            line, col = index.position(tpl.anchor)
            raise InputError(path, "not a template: no 'components' or 'body'", line, col)
    elif not isinstance(raw_components, list):
        line, col = index.position(getattr(raw_components, "start", tpl.anchor))
        raise InputError(path, "'components' must be a list", line, col)
    for comp in raw_components or []:
        if isinstance(comp, dict):
            _component(tpl, comp)
    ignore = obj.get("templint_ignore")
    if isinstance(ignore, str):
        ignore = [ignore]
    if isinstance(ignore, list):
        for item in ignore:
            if isinstance(item, jsonpos.PosStr):
                for code in _CODE.findall(item):
                    tpl.ignore.setdefault(code.upper(), item.omap.to_file(0))
    return tpl


def _examples(value: Any) -> list[str] | None:
    """Meta nests body samples one level deep: {"body_text": [["a", "b"]]}."""
    if isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return None


def _component(tpl: Template, comp: dict[str, Any]) -> None:
    kind = str(comp.get("type", "")).upper()
    example = comp.get("example") if isinstance(comp.get("example"), dict) else {}
    comps = tpl.components
    if kind == "BODY":
        _add(comps, "body", "body", comp.get("text"))
        tpl.body_examples = _examples(example.get("body_text"))
        named = example.get("body_text_named_params")
        if isinstance(named, list):
            tpl.named_examples = {
                str(p.get("param_name")): p.get("example")
                for p in named
                if isinstance(p, dict) and isinstance(p.get("example"), str)
            }
            for p in named:
                if isinstance(p, dict):
                    _add(comps, "example", f"body.example.{p.get('param_name')}", p.get("example"))
        for n, sample in enumerate(_raw_examples(example.get("body_text"))):
            _add(comps, "example", f"body.example[{n + 1}]", sample)
    elif kind == "HEADER":
        tpl.header_format = str(comp.get("format", "TEXT")).upper()
        _add(comps, "header", "header", comp.get("text"))
        tpl.header_examples = _examples(example.get("header_text"))
        for n, sample in enumerate(_raw_examples(example.get("header_text"))):
            _add(comps, "example", f"header.example[{n + 1}]", sample)
        # Named parameters: their samples are checked like numbered ones (no line breaks …).
        named = example.get("header_text_named_params")
        for p in named if isinstance(named, list) else []:
            if isinstance(p, dict):
                _add(comps, "example", f"header.example.{p.get('param_name')}", p.get("example"))
    elif kind == "FOOTER":
        _add(comps, "footer", "footer", comp.get("text"))
    elif kind == "BUTTONS":
        buttons = comp.get("buttons")
        if isinstance(buttons, list):
            for n, button in enumerate(buttons):
                if not isinstance(button, dict):
                    continue
                btype = str(button.get("type", "")).upper()
                tpl.buttons.append(button)
                _add(comps, "button", f"buttons[{n}].text", button.get("text"), type=btype, n=n)
                _add(comps, "url", f"buttons[{n}].url", button.get("url"), type=btype, n=n)
                for m, sample in enumerate(_raw_examples(button.get("example"))):
                    _add(comps, "example", f"buttons[{n}].example[{m + 1}]", sample)


def _raw_examples(value: Any) -> list[Any]:
    if isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, list) else []
