"""``templint server``: the linter as a Language Server (LSP over standard input and output).

An editor starts ``templint server`` and sends the text of each template file it opens or
changes; templint answers with diagnostics (the same findings ``lint`` prints) and offers its
``--fix`` edits as quick fixes, one at a time or all safe ones together ("Fix all"). Each file
is linted with the configuration nearest to it, as its name (``[per-file]``) and type (.json,
.jsonl, text) say. Only the handful of LSP messages this needs is spoken; the framing is
JSON-RPC 2.0 with ``Content-Length`` headers, as the specification requires.

Positions: LSP counts characters in UTF-16 code units unless the client agrees to another
encoding; templint counts code points. Both are offered at ``initialize`` and the client's
choice is used (an emoji is one code point, two UTF-16 units).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

import click

from linter.inputs import TEMPLATE_SUFFIXES

SEVERITY = {"error": 1, "warning": 2, "info": 3}
FIX_ALL = "source.fixAll.templint"
TOP = {"line": 0, "character": 0}


def read_message(stream: BinaryIO) -> dict[str, Any] | None:
    """One JSON-RPC message, or None at the end of the input."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii", "replace").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length is None:
        return None
    body = stream.read(length)
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"invalid": True}
    return message if isinstance(message, dict) else {"invalid": True}


def write_message(stream: BinaryIO, message: dict[str, Any]) -> None:
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


class Server:
    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.documents: dict[str, str] = {}
        self.utf16 = True
        self.shutting_down = False
        self._configs: dict[Path, Any] = {}

    # ---- protocol ------------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        write_message(self.out, {"jsonrpc": "2.0", **message})

    def handle(self, message: dict[str, Any]) -> bool:
        """Answer one message; False once the client asked to exit."""
        if message.get("invalid"):
            self.send({"id": None, "error": {"code": -32700, "message": "not a JSON object"}})
            return True
        method = message.get("method")
        params = message.get("params") or {}
        if "id" in message and method is not None:  # a request: always answered
            try:
                result = self.request(method, params)
            except _Failure as exc:
                self.send({"id": message["id"], "error": {"code": exc.code, "message": str(exc)}})
            else:
                self.send({"id": message["id"], "result": result})
            return True
        if method == "exit":
            return False
        try:
            self.notification(method, params)
        except Exception as exc:  # one bad document must not stop the editor's linting
            self.send(
                {
                    "method": "window/logMessage",
                    "params": {"type": 1, "message": f"templint: {type(exc).__name__}: {exc}"},
                }
            )
        return True

    def request(self, method: str | None, params: dict[str, Any]) -> Any:
        if method == "initialize":
            return self.initialize(params)
        if method == "shutdown":
            self.shutting_down = True
            return None
        if method == "textDocument/codeAction":
            return self.code_actions(params)
        if method == "textDocument/hover":
            return self.hover(params)
        raise _Failure(-32601, f"templint server does not handle {method}")

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
        doc = params.get("textDocument") or {}
        uri = doc.get("uri")
        if method == "textDocument/didOpen" and uri:
            self.documents[uri] = doc.get("text", "")
            self.publish(uri)
        elif method == "textDocument/didChange" and uri:
            changes = params.get("contentChanges") or []
            if changes:  # full sync: the last change holds the whole text
                self.documents[uri] = changes[-1].get("text", "")
                self.publish(uri)
        elif method == "textDocument/didSave" and uri:
            if Path(path_of(uri)).name in ("templint.toml", "pyproject.toml"):
                self._configs.clear()  # the settings changed: every open template again
                for open_uri in list(self.documents):
                    self.publish(open_uri)
            elif uri in self.documents:
                self.publish(uri)
        elif method == "textDocument/didClose" and uri:
            self.documents.pop(uri, None)
            self.send(_publish(uri, []))

    # ---- linting -------------------------------------------------------------------------

    def _config(self, path: str) -> Any:
        from linter.config import load_config

        folder = Path(path).parent
        if folder not in self._configs:
            self._configs[folder] = load_config(start=folder)
        return self._configs[folder]

    def lint(self, uri: str) -> tuple[str, list[Any], str | None]:
        """(text, findings, why none could be found) for an open document."""
        from linter.api import lint_templates
        from linter.inputs import InputError, parse_source

        text = self.documents.get(uri, "")
        path = path_of(uri)
        if Path(path).suffix.lower() not in TEMPLATE_SUFFIXES:
            return text, [], None
        try:
            config = self._config(path)
            templates = parse_source(text, "-", path)
            return text, lint_templates(templates, config, path), None
        except InputError as exc:
            return text, [], _one_line(exc.message, exc.line, exc.column)
        except ValueError as exc:  # a configuration or rule error: nothing could be checked
            return text, [], str(exc)

    def publish(self, uri: str) -> None:
        text, found, problem = self.lint(uri)
        if problem is not None:
            diagnostics = [
                {
                    "range": {"start": TOP, "end": TOP},
                    "severity": 1,
                    "source": "templint",
                    "message": problem,
                }
            ]
        else:
            lines = text.split("\n")
            diagnostics = [self._diagnostic(d, lines) for d in found]
        self.send(_publish(uri, diagnostics))

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

        uri = (params.get("textDocument") or {}).get("uri")
        at = params.get("position") or TOP
        if uri not in self.documents:
            return None
        text, found, _ = self.lint(uri)
        rules = config_rules(self._config(path_of(uri))) if found else ()  # a project's too
        lines = text.split("\n")
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
        uri = (params.get("textDocument") or {}).get("uri")
        if uri not in self.documents:
            return []
        text, found, _ = self.lint(uri)
        lines = text.split("\n")
        wanted = (params.get("context") or {}).get("only")
        area = params.get("range") or {}
        start = area.get("start", {"line": 0, "character": 0})
        end = area.get("end", start)
        actions = []
        safe_edits = []
        for d in found:
            if d.edit is None:
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
                for e in (d.edit, *d.alternatives)
            ]
            if d.edit.safe:
                safe_edits.append((d.edit.start, edits[0][1]))
            diag = self._diagnostic(d, lines)
            if wanted and "quickfix" not in wanted:
                continue
            if not _overlaps(diag["range"], start, end):
                continue
            # the fix --fix would write, then the other guesses (a misspelling's suggestions)
            actions += [
                {
                    "title": _action_title(d.code, e.old, e.new, e.safe),
                    "kind": "quickfix",
                    "diagnostics": [diag],
                    "isPreferred": e.safe and e is d.edit,
                    "edit": {"changes": {uri: [edit]}},
                }
                for e, edit in edits
            ]
        if safe_edits and (not wanted or FIX_ALL in wanted or "source" in wanted):
            actions.append(
                {
                    "title": "templint: fix all safe problems",
                    "kind": FIX_ALL,
                    "edit": {"changes": {uri: _without_overlaps(safe_edits)}},
                }
            )
        return actions


def _action_title(code: str, old: str, new: str, safe: bool) -> str:
    """What a quick-fix menu shows: the edit itself (the rule's fix text is a paragraph)."""
    if not old:
        what = f"Insert '{new}'"
    elif not new:
        what = f"Remove '{old}'"
    else:
        what = f"Replace '{old}' with '{new}'"
    return f"{what} ({code}{'' if safe else ', a best guess: check it'})"


class _Failure(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _publish(uri: str, diagnostics: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "method": "textDocument/publishDiagnostics",
        "params": {"uri": uri, "diagnostics": diagnostics},
    }


def _one_line(message: str, line: int | None, column: int | None) -> str:
    where = f"{line}:{column or 1}: " if line is not None else ""
    return f"templint cannot read this file: {where}{message}"


def _overlaps(r: dict[str, Any], start: dict[str, int], end: dict[str, int]) -> bool:
    def key(p: dict[str, int]) -> tuple[int, int]:
        return p["line"], p["character"]

    return key(r["start"]) <= key(end) and key(start) <= key(r["end"])


def _without_overlaps(edits: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Edits sorted by where they start, an edit overlapping one before it left out (as
    ``--fix`` does): LSP refuses overlapping edits in one change."""
    chosen: list[dict[str, Any]] = []
    last_end: tuple[int, int] | None = None
    for _, edit in sorted(edits, key=lambda e: e[0]):
        s = edit["range"]["start"]
        if last_end is not None and (s["line"], s["character"]) < last_end:
            continue
        chosen.append(edit)
        e = edit["range"]["end"]
        last_end = (e["line"], e["character"])
    return chosen


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("templint")
    except PackageNotFoundError:
        return "unknown"


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    server = Server(stdout)
    while True:
        message = read_message(stdin)
        if message is None:
            return 1  # the client went away without "exit"
        if not server.handle(message):
            return 0 if server.shutting_down else 1


@click.command("server")
def server() -> None:
    """Run templint as a language server (LSP) on standard input and output, for editors:
    diagnostics as you type, its --fix edits as quick fixes."""
    sys.exit(serve(sys.stdin.buffer, sys.stdout.buffer))
