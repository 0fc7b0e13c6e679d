"""``templint server``: the linter as a Language Server (LSP over standard input and output).

An editor starts ``templint server`` and sends the text of each template file it opens or
changes; templint answers with diagnostics (the same findings ``lint`` prints) and offers its
``--fix`` edits as quick fixes, one at a time or all safe ones together ("Fix all"). Each file
is linted with the configuration nearest to it, as its name (``[per-file]``) and type (.json,
.jsonl, text) say. Only the handful of LSP messages this needs is spoken; the framing is
JSON-RPC 2.0 with ``Content-Length`` headers, as the specification requires.

Positions: LSP counts characters in UTF-16 code units unless the client agrees to another
encoding; templint counts code points. Both are offered at ``initialize`` and the client's
choice is used (an emoji is one code point, two UTF-16 units). Lines end at LF, CRLF or a
lone CR, in LSP as in templint's own positions.

Messages are read by a thread of their own; those waiting are handled together and the
documents they changed linted once, at their newest version (``serve``). A file that
``templint lint .`` would leave out, and JSON with no template in it, get empty diagnostics.
"""

from __future__ import annotations

import json
import os
import queue
import re
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple
from urllib.parse import unquote, urlparse

import click

from linter import jsonpos
from linter.inputs import (
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    TEMPLATE_KEYS,
    InputError,
    in_skipped_folder,
    left_out_by_name,
)

if TYPE_CHECKING:
    from linter.diagnostic import Edit

SEVERITY = {"error": 1, "warning": 2, "info": 3}
FIX_ALL = "source.fixAll.templint"


# JSON-RPC's error codes (LSP uses them as they are)
PARSE_ERROR, INVALID_REQUEST, NO_METHOD, INVALID_PARAMS, INTERNAL_ERROR = (
    -32700,
    -32600,
    -32601,
    -32602,
    -32603,
)
# LSP's line ends, and templint's (source.LineIndex): a lone CR ends a line too
_LINE_END = re.compile(r"\r\n?|\n")
MAX_BODY = 64 * 1024 * 1024  # a template file is at most a few megabytes (max-file-size)
# "Content-Length: N" anywhere in a header line: after a message that could not be framed, its
# body runs into the next message's first header line, and the server finds its feet there.
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*([^\r\n]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Unreadable:
    """A message that could not be read: answered with an error (its id is unknown), and the
    server reads on."""

    code: int
    message: str


def read_message(stream: BinaryIO) -> dict[str, Any] | Unreadable | None:
    """One JSON-RPC message, an Unreadable one, or None at the end of the input."""
    length: int | None = None
    problem = "no Content-Length header"
    headers = False
    while True:
        line = stream.readline(65536)
        if not line:
            return None
        if not line.strip():
            if headers:
                break
            continue  # blank lines between messages
        headers = True
        found = _LENGTH.search(line)
        if found:
            value = found.group(1).strip().decode("ascii", "replace")
            if value.isascii() and value.isdigit():
                length, problem = int(value), ""
            else:
                length, problem = None, f"Content-Length {value!r} is not a number of bytes"
    if length is None:
        return Unreadable(PARSE_ERROR, f"message skipped: {problem}")
    if length > MAX_BODY:
        while length > 0:  # skipped, not held: the next message starts after it
            chunk = stream.read(min(length, 1 << 20))
            if not chunk:
                return None
            length -= len(chunk)
        return Unreadable(PARSE_ERROR, f"message skipped: over {MAX_BODY:,} bytes")
    body = stream.read(length)
    if len(body) < length:
        return None  # the input ended inside the message
    try:
        message = jsonpos.loads_plain(body)
    except ValueError as exc:  # not UTF-8, not JSON, nested too deeply
        return Unreadable(PARSE_ERROR, f"not JSON: {exc}")
    if not isinstance(message, dict):
        return Unreadable(INVALID_REQUEST, "not a JSON-RPC message (an object)")
    return message


def write_message(stream: BinaryIO, message: dict[str, Any]) -> None:
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


class ClientGone(Exception):
    """Writing to the client failed: it closed its end, nobody is left to answer. Only this
    ends the server; any other OSError (a path too long for the file system, ENAMETOOLONG,
    while a document's settings are looked up) is one document's failure, logged."""


class Server:
    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.documents: dict[str, str] = {}
        self.versions: dict[str, int] = {}  # the client's version of each document, if given
        self.utf16 = True
        self.shutting_down = False
        self._configs: dict[Path, _Settings] = {}  # by folder
        # by document: its text and settings when last linted (the same objects: the same
        # document version under the same settings), and what came of it
        self._linted: dict[str, tuple[str, _Settings | None, Linted]] = {}
        self.pending: dict[str, None] = {}  # documents whose diagnostics are to be published
        # by document: "fix all"'s edit, with the text and settings it was worked out for
        self._fixed_all: dict[str, tuple[str, _Settings, dict[str, Any] | None]] = {}

    # ---- protocol ------------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        try:
            write_message(self.out, {"jsonrpc": "2.0", **message})
        except OSError as exc:
            raise ClientGone(str(exc)) from exc

    def handle(self, message: dict[str, Any] | Unreadable) -> bool:
        """Answer one message; False once the client asked to exit. A request is always
        answered, with an error when it cannot be; nothing a client sends stops the server
        but ``exit``."""
        if isinstance(message, Unreadable):
            self.send({"id": None, "error": {"code": message.code, "message": message.message}})
            return True
        method = message.get("method")
        params = message.get("params")
        if params is None:
            params = {}
        if "id" in message and method is not None:  # a request
            try:
                if not isinstance(method, str):
                    raise _Failure(INVALID_REQUEST, "'method' must be a string")
                if self.shutting_down:  # the LSP specification: only "exit" may follow
                    raise _Failure(INVALID_REQUEST, f"{method}: the server was shut down")
                if not isinstance(params, dict):
                    raise _Failure(INVALID_PARAMS, f"{method}: 'params' must be an object")
                result = self.request(method, params)
            except _Failure as exc:
                self.send({"id": message["id"], "error": {"code": exc.code, "message": str(exc)}})
            except Exception as exc:  # a bug of templint's: said, and the server goes on
                traceback.print_exc(file=sys.stderr)
                said = f"templint: {type(exc).__name__}: {exc}"
                self.send({"id": message["id"], "error": {"code": INTERNAL_ERROR, "message": said}})
            else:
                self.send({"id": message["id"], "result": result})
            return True
        if method == "exit":
            return False
        if self.shutting_down:
            return True  # a notification after shutdown is dropped, as the specification says
        try:
            if not isinstance(params, dict):
                raise _Failure(INVALID_PARAMS, "'params' must be an object")
            self.notification(method, params)
        except Exception as exc:  # one bad document must not stop the editor's linting
            self._log_failure(method, exc)
        return True

    def _log_failure(self, what: str | None, exc: Exception) -> None:
        """A notification or a lint that failed: said in the client's log (nobody to answer)."""
        said = f"{what}: {exc}"
        if not isinstance(exc, _Failure):
            traceback.print_exc(file=sys.stderr)
            said = f"{what}: {type(exc).__name__}: {exc}"
        self.send(
            {"method": "window/logMessage", "params": {"type": 1, "message": f"templint: {said}"}}
        )

    def request(self, method: str, params: dict[str, Any]) -> Any:
        if method == "initialize":
            return self.initialize(params)
        if method == "shutdown":
            self.shutting_down = True
            return None
        if method == "textDocument/codeAction":
            return self.code_actions(params)
        if method == "textDocument/hover":
            return self.hover(params)
        raise _Failure(NO_METHOD, f"templint server does not handle {method}")

    def initialize(self, params: dict[str, Any]) -> dict[str, Any]:
        offered = ((params.get("capabilities") or {}).get("general") or {}).get(
            "positionEncodings"
        ) or []
        self.utf16 = "utf-32" not in offered
        return {
            "capabilities": {
                "positionEncoding": "utf-16" if self.utf16 else "utf-32",
                # change 1: full text on every change (a template is a few hundred characters)
                "textDocumentSync": {"openClose": True, "change": 1, "save": {}},
                "codeActionProvider": {"codeActionKinds": ["quickfix", FIX_ALL]},
                "hoverProvider": True,
            },
            "serverInfo": {"name": "templint", "version": _version()},
        }

    def notification(self, method: str | None, params: dict[str, Any]) -> None:
        """Documents opened and changed are linted once the messages waiting are handled
        (``publish_pending``): a burst of changes is linted once, at its last version."""
        if method == "textDocument/didOpen":
            uri = _uri(params)
            self.documents[uri] = _text(params.get("textDocument"), "textDocument")
            self._set_version(uri, params)
            self.pending[uri] = None
        elif method == "textDocument/didChange":
            uri = _uri(params)
            changes = params.get("contentChanges")
            if not isinstance(changes, list) or not changes:
                raise _Failure(INVALID_PARAMS, "contentChanges must be a list of changes")
            # full sync: the last change holds the whole text
            self.documents[uri] = _text(changes[-1], "contentChanges[-1]")
            self._set_version(uri, params)
            self.pending[uri] = None
        elif method == "textDocument/didSave":
            uri = _uri(params)
            # a saved settings file or word list: the open templates it changed, again
            self.publish_changed_settings(skip=uri)
            if uri in self.documents:
                self.pending[uri] = None
        elif method == "workspace/didChangeWatchedFiles":
            self.publish_changed_settings()
        elif method == "textDocument/didClose":
            uri = _uri(params)
            self.documents.pop(uri, None)
            self.versions.pop(uri, None)
            self._linted.pop(uri, None)
            self._fixed_all.pop(uri, None)
            self.pending.pop(uri, None)
            self.send(_publish(uri, []))

    def _set_version(self, uri: str, params: dict[str, Any]) -> None:
        version = params["textDocument"].get("version")
        if type(version) is int:
            self.versions[uri] = version
        else:
            self.versions.pop(uri, None)

    # ---- linting -------------------------------------------------------------------------

    def _settings(self, path: str) -> _Settings:
        """The settings for a file in this folder, read again when a file they came from
        changed (the config, a nearer config made since, a word list, a rule file): a few
        stats before each lint, so an edit on disk applies without a restart or a didSave."""
        folder = Path(path).parent
        held = self._configs.get(folder)
        # settings that could not be read are read again each time (a word list they name
        # may have been made since)
        if held is not None and held.error is None and _stamps(held.watched) == held.stamps:
            return held
        if held is not None:  # changed: what was built from the old files is built anew
            _forget(held, _stamps(held.watched))
        held = _Settings.load(folder)
        self._configs[folder] = held
        return held

    def publish_changed_settings(self, skip: str | None = None) -> None:
        """Lint again each open document whose settings changed since it was linted."""
        for uri, (_, held, _) in list(self._linted.items()):
            # held None: linted under no settings (a README)
            if uri != skip and held is not None and held is not self._settings(path_of(uri)):
                self.pending[uri] = None

    def lint(self, uri: str) -> Linted:
        """What came of linting an open document: linted once per version of its text and
        of its settings; hover and code actions reuse what the diagnostics came from."""
        text = self.documents.get(uri, "")
        path = path_of(uri)
        # what a folder walk would leave out says nothing: an editor opens every README
        left_out = left_out_by_name(Path(path).name) or in_skipped_folder(path)
        held = None if left_out else self._settings(path)
        last = self._linted.get(uri)
        if last is not None and last[0] is text and last[1] is held:
            return last[2]
        linted = Linted(text, [], []) if held is None else self._lint(text, path, held)
        self._linted[uri] = (text, held, linted)
        return linted

    def _lint(self, text: str, path: str, held: _Settings) -> Linted:
        from linter.api import lint_templates
        from linter.inputs import parse_source

        if held.error is not None:
            return Linted(text, [], [held.error])
        config = held.config
        if config.excluded(path):
            return Linted(text, [], [])
        problems: list[Any] = []
        try:
            templates = parse_source(text, "-", path)
        except InputError as exc:
            if _plainly_no_template(text, path):
                return Linted(text, [], [])
            # as the CLI: each bad line said where it is, the good lines linted all the same
            templates, problems = list(exc.readable), [exc, *exc.others]
        try:
            found = lint_templates(templates, config, path) if templates else []
        except ValueError as exc:  # a rule error: nothing could be checked
            return Linted(text, [], [exc])
        return Linted(text, found, problems)

    def publish_pending(self) -> None:
        while self.pending:
            uri = next(iter(self.pending))
            del self.pending[uri]
            if uri not in self.documents:
                continue
            try:
                self.publish(uri)
            except ClientGone:
                raise
            except Exception as exc:  # one bad document must not stop the editor's linting
                self._log_failure(uri, exc)

    def publish(self, uri: str) -> None:
        text, found, problems = self.lint(uri)
        lines = _LINE_END.split(text)
        diagnostics = [self._problem(p, lines) for p in problems]
        diagnostics += [self._diagnostic(d, lines) for d in found]
        self.send(_publish(uri, diagnostics, self.versions.get(uri)))

    def _problem(self, problem: Any, lines: list[str]) -> dict[str, Any]:
        """Why (part of) a document could not be read, placed where the reader stopped: from
        there to the end of that line (the whole first line when no place is known)."""
        line = getattr(problem, "line", None) or 1
        column = getattr(problem, "column", None) or 1
        message = str(problem)  # the settings or a rule file: the error names the file
        if isinstance(problem, InputError):
            message = f"templint cannot read this file: {problem.message}"
        end = len(lines[line - 1]) + 1 if 0 < line <= len(lines) else column
        return {
            "range": {
                "start": self._position(lines, line, column),
                "end": self._position(lines, line, max(end, column)),
            },
            "severity": 1,
            "source": "templint",
            "message": message,
        }

    def _diagnostic(self, d: Any, lines: list[str]) -> dict[str, Any]:
        message = d.message if not d.fix else f"{d.message}\nfix: {d.fix}"
        return {
            "range": {
                "start": self._position(lines, d.line, d.column),
                "end": self._position(lines, d.end_line, d.end_column),
            },
            "severity": SEVERITY.get(d.severity, 3),
            "code": d.code,
            "source": "templint",
            "message": message,
        }

    def _position(self, lines: list[str], line: int, column: int) -> dict[str, int]:
        """An LSP position from a 1-based line and code-point column."""
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        before = text[: column - 1]
        units = len(before.encode("utf-16-le")) // 2 if self.utf16 else len(before)
        return {"line": line - 1, "character": units}

    def _offset_position(self, text: str, lines: list[str], offset: int) -> dict[str, int]:
        from linter.source import LineIndex

        line, column = LineIndex(text).position(offset)
        return self._position(lines, line, column)

    def hover(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """Over a finding: its rule's documentation (what ``templint rule CODE`` prints)."""
        from linter.rulebook import config_rules, find_rule

        uri = _uri(params)
        at = _position_param(params.get("position"), "position")
        if uri not in self.documents:
            return None
        text, found, _ = self.lint(uri)
        config = self._settings(path_of(uri)).config
        rules = config_rules(config) if found else ()  # a project's too
        lines = _LINE_END.split(text)
        docs = []
        for d in found:
            diag = self._diagnostic(d, lines)
            if _overlaps(diag["range"], at, at):
                rule = find_rule(d.code, rules)
                if rule is not None and rule.code not in [c for c, _ in docs]:
                    docs.append((rule.code, rule.doc()))
        if not docs:
            return None
        return {"contents": {"kind": "markdown", "value": "\n---\n".join(doc for _, doc in docs)}}

    def code_actions(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        uri = _uri(params)
        area = params.get("range")
        if not isinstance(area, dict):
            raise _Failure(INVALID_PARAMS, "range must be an object with start and end")
        start = _position_param(area.get("start"), "range.start")
        end = _position_param(area.get("end"), "range.end")
        context = params.get("context")
        wanted = context.get("only") if isinstance(context, dict) else None
        if wanted is not None and (
            not isinstance(wanted, list) or not all(isinstance(k, str) for k in wanted)
        ):
            raise _Failure(INVALID_PARAMS, "context.only must be a list of code action kinds")
        if uri not in self.documents:
            return []
        text, found, _ = self.lint(uri)
        lines = _LINE_END.split(text)
        actions = []
        any_safe = False  # an edit "fix all" would make
        for d in found:
            if d.edit is None and not d.alternatives:
                continue
            edits = [
                (
                    e,
                    {
                        "range": {
                            "start": self._offset_position(text, lines, e.start),
                            "end": self._offset_position(text, lines, e.end),
                        },
                        "newText": e.new,
                    },
                )
                for e in (*([d.edit] if d.edit is not None else []), *d.alternatives)
            ]
            any_safe = any_safe or (d.edit is not None and d.edit.safe)
            diag = self._diagnostic(d, lines)
            if wanted and "quickfix" not in wanted:
                continue
            if not _overlaps(diag["range"], start, end):
                continue
            # the fix --fix would write, then the other guesses (a misspelling's suggestions;
            # with no fix, when none is clearly the word meant, those alone, none preferred)
            actions += [
                {
                    "title": _action_title(d.code, e.old, e.new, _fix_kind(e, d.edit)),
                    "kind": "quickfix",
                    "diagnostics": [diag],
                    "isPreferred": e.safe and e is d.edit,
                    "edit": {"changes": {uri: [edit]}},
                }
                for e, edit in edits
            ]
        if any_safe and (not wanted or FIX_ALL in wanted or "source" in wanted):
            edit = self._fix_all(uri, text, lines)
            if edit is not None:
                actions.append(
                    {
                        "title": "templint: fix all safe problems",
                        "kind": FIX_ALL,
                        "edit": {"changes": {uri: [edit]}},
                    }
                )
        return actions

    def _fix_all(self, uri: str, text: str, lines: list[str]) -> dict[str, Any] | None:
        """What ``templint lint --fix`` would write into the document, as one edit over the
        part that changes, or None when nothing would: fixed in rounds, re-linted after each,
        a fix after which the template has a finding at or above ``fail-on`` it did not have
        left out (``linter.fixes.fix_text``). Worked out once per version of the text and of
        its settings, as its lint is."""
        from linter.api import _lint_source
        from linter.fixes import fix_text

        path = path_of(uri)
        held = self._settings(path)
        last = self._fixed_all.get(uri)
        if last is not None and last[0] is text and last[1] is held:
            return last[2]
        config = held.config
        fixed = fix_text(
            text,
            lambda t: _lint_source(t, "-", config, path),
            fail_on=config.fail_on,
        )
        edit = None
        if fixed.applied and fixed.text != text:
            new = fixed.text
            start = 0  # the changed part: after what both texts begin with, before their ends
            while start < min(len(text), len(new)) and text[start] == new[start]:
                start += 1
            if text[start - 1 : start + 1] == "\r\n":
                start -= 1  # no position lies between the two characters of a CRLF
            end = 0
            while end < min(len(text), len(new)) - start and text[-1 - end] == new[-1 - end]:
                end += 1
            if end and text[len(text) - end - 1 : len(text) - end + 1] == "\r\n":
                end -= 1
            edit = {
                "range": {
                    "start": self._offset_position(text, lines, start),
                    "end": self._offset_position(text, lines, len(text) - end),
                },
                "newText": new[start : len(new) - end],
            }
        self._fixed_all[uri] = (text, held, edit)
        return edit


class Linted(NamedTuple):
    text: str
    found: list[Any]  # Diagnostics
    problems: list[Any]  # what could not be read: InputErrors, or the settings' ValueError


Stamp = tuple[int, int, int] | None  # a file's modification time, size and inode; None: absent


@dataclass(frozen=True)
class _Settings:
    """A folder's configuration (or why it cannot be read), with the files it was read from."""

    config: Any
    error: ValueError | None
    watched: tuple[str, ...]  # config candidates up to the one found, word lists, rule files
    stamps: tuple[Stamp, ...]
    rule_files: frozenset[str]

    @classmethod
    def load(cls, folder: Path) -> _Settings:
        from linter.config import load_config

        config, error = None, None
        try:
            config = load_config(start=folder)
        except ValueError as exc:
            error = exc
        # the config files find_config looks at, nearest first, up to the one it found: a
        # templint.toml made nearer, or one that goes, changes which file is read
        source = Path(config.source).parent if config and config.source else None
        watched = []
        for here in (folder.resolve(), *folder.resolve().parents):
            watched += [str(here / "templint.toml"), str(here / "pyproject.toml")]
            if here == source:
                break
        rule_files = []
        if config is not None:
            watched += [*config.accept, *config.reject]
            for entry in (config.rules_dir, *config.extend_rules):
                if entry and Path(entry).is_dir():  # the folders too: a rule file added
                    rule_files += [entry, *map(str, Path(entry).glob("**/*.toml"))]
                    rule_files += [str(p) for p in Path(entry).glob("**/") if p.is_dir()]
                elif entry:
                    rule_files.append(entry)
        watched += rule_files
        return cls(config, error, tuple(watched), _stamps(watched), frozenset(rule_files))


def _stamps(paths: tuple[str, ...] | list[str]) -> tuple[Stamp, ...]:
    out: list[Stamp] = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(out)


def _forget(held: _Settings, now: tuple[Stamp, ...]) -> None:
    """Drop what was built from files that changed: the compiled linter (its word lists are
    read when it is built) and, when a rule file changed, the rules read from files."""
    from linter.api import forget_linter
    from linter.rulebook import forget_rules

    if held.config is not None:
        forget_linter(held.config)
    changed = {p for p, a, b in zip(held.watched, held.stamps, now, strict=True) if a != b}
    if changed & held.rule_files:
        forget_rules()


SAFE_FIX, BEST_GUESS, SUGGESTION = "safe", "best guess", "suggestion"
_TITLE_NOTE = {SAFE_FIX: "", BEST_GUESS: ", a best guess: check it", SUGGESTION: ", a suggestion"}


def _fix_kind(e: Edit, edit: Edit | None) -> str:
    """What a quick fix is: the finding's own edit, safe (``--fix`` writes it) or a best guess
    (``--fix --unsafe-fixes`` does), or one of its alternatives, a suggestion that no fix
    writes (a misspelling's other suggestions, or all of them when none is clearly meant)."""
    if e is not edit:
        return SUGGESTION
    return SAFE_FIX if e.safe else BEST_GUESS


def _action_title(code: str, old: str, new: str, kind: str) -> str:
    """What a quick-fix menu shows: the edit itself (the rule's fix text is a paragraph), and
    what kind of fix it is (``_fix_kind``): nothing for a safe one."""
    if not old:
        what = f"Insert '{new}'"
    elif not new:
        what = f"Remove '{old}'"
    else:
        what = f"Replace '{old}' with '{new}'"
    return f"{what} ({code}{_TITLE_NOTE[kind]})"


class _Failure(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _uri(params: dict[str, Any]) -> str:
    doc = params.get("textDocument")
    uri = doc.get("uri") if isinstance(doc, dict) else None
    if not isinstance(uri, str) or not uri:
        raise _Failure(INVALID_PARAMS, "textDocument.uri must be a string")
    return uri


def _text(holder: Any, what: str) -> str:
    text = holder.get("text") if isinstance(holder, dict) else None
    if not isinstance(text, str):
        raise _Failure(INVALID_PARAMS, f"{what}.text must be a string")
    return text


def _position_param(value: Any, what: str) -> dict[str, int]:
    """A position the client sent: two whole numbers, not negative."""
    if isinstance(value, dict):
        line, character = value.get("line"), value.get("character")
        if all(type(n) is int and n >= 0 for n in (line, character)):
            return {"line": line, "character": character}
    raise _Failure(INVALID_PARAMS, f"{what} must be {{line, character}}, whole numbers from 0")


def _publish(
    uri: str, diagnostics: list[dict[str, Any]], version: int | None = None
) -> dict[str, Any]:
    """The document's diagnostics; with the version of its text they were found in, so that
    a client can drop those of a text it has since changed."""
    params: dict[str, Any] = {"uri": uri, "diagnostics": diagnostics}
    if version is not None:
        params["version"] = version
    return {"method": "textDocument/publishDiagnostics", "params": params}


def _plainly_no_template(text: str, path: str) -> bool:
    """A JSON document that reads as JSON but where a template would be (the value, the items
    of a top-level list or of a ``data`` list; each line of JSONL) holds no object with any of
    a template's keys (``components``, ``body``, ``text``, ``header``, ``footer``): a
    package.json, a tsconfig. Broken JSON is not plainly anything: it may be a template being
    written, and its error is shown."""
    suffix = Path(path).suffix.lower()
    if suffix not in JSON_SUFFIXES | JSONL_SUFFIXES:
        return False
    try:
        if suffix in JSONL_SUFFIXES:
            values = [jsonpos.loads_plain(line) for line in text.split("\n") if line.strip()]
        else:
            values = [jsonpos.loads_plain(text)]
    except ValueError:
        return False
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("data"), list):
            items = value["data"]
        else:
            items = value if isinstance(value, list) else [value]
        if any(isinstance(item, dict) and not TEMPLATE_KEYS.isdisjoint(item) for item in items):
            return False
    return True


def _overlaps(r: dict[str, Any], start: dict[str, int], end: dict[str, int]) -> bool:
    def key(p: dict[str, int]) -> tuple[int, int]:
        return p["line"], p["character"]

    return key(r["start"]) <= key(end) and key(start) <= key(r["end"])


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("templint")
    except PackageNotFoundError:
        return "unknown"


def _read_into(stdin: BinaryIO, inbox: queue.SimpleQueue[Any]) -> None:
    """Read messages as they come, whatever the server is doing (None: the input ended)."""
    while True:
        try:
            message = read_message(stdin)
        except (OSError, ValueError):
            message = None
        inbox.put(message)
        if message is None:
            return


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Handle every message waiting, then publish the diagnostics of the documents they
    changed (before a request too, so that answers keep their order): while a long text is
    linted, the changes typed meanwhile queue up, and only the last of them is linted next (a
    hundred quick changes were a hundred lints in turn)."""
    server = Server(stdout)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read_into, args=(stdin, inbox), daemon=True).start()
    try:
        while True:
            waiting = [inbox.get()]
            while not inbox.empty():
                waiting.append(inbox.get())
            for message in waiting:
                if message is None:
                    return 1  # the client went away without "exit"
                if isinstance(message, dict) and "id" in message and "method" in message:
                    server.publish_pending()  # a request: answered after what came before
                if not server.handle(message):
                    return 0 if server.shutting_down else 1
            server.publish_pending()
    except ClientGone:  # the client closed its end: nobody to answer
        return 1


@click.command("server")
def server() -> None:
    """Run templint as a language server (LSP) on standard input and output, for editors:
    diagnostics as you type, its --fix edits as quick fixes."""
    code = serve(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.flush()
    sys.stderr.flush()
    # not sys.exit: the reader thread may be waiting in stdin's read, and Python's shutdown
    # aborts the process when it finds that buffer's lock held ("could not acquire lock")
    os._exit(code)
