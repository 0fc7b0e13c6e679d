"""``templint server``: the LSP conversation an editor has with templint, over real pipes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.lsp import Server, path_of


class Client:
    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "linter", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        self.next_id = 0

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = self.proc.stdout.readline()
            assert line, self.proc.stderr.read().decode() if self.proc.stderr else "closed"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method: str, params: Any) -> Any:
        wanted = self.send(method, params, request=True)
        while True:
            message = self.receive()
            if message.get("id") == wanted:
                return message

    def diagnostics(self) -> list[dict[str, Any]]:
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                return message["params"]["diagnostics"]


@pytest.fixture
def client(tmp_path: Path):
    c = Client(tmp_path)
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait()


def test_an_editor_session_diagnoses_as_you_type_and_offers_the_fixes(
    client: Client, tmp_path: Path
) -> None:
    init = client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    assert init["result"]["capabilities"]["positionEncoding"] == "utf-16"
    client.send("initialized", {})
    uri = (tmp_path / "whatsapp" / "order_update.txt").as_uri()
    # an emoji before the finding: LSP columns are UTF-16 units, two for it
    text = "🎉 Hi {{ 1 }}, get 20% off your next order!\n"
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                          "version": 1, "text": text}})  # fmt: skip
    found = {d["code"]: d for d in client.diagnostics()}
    assert {"TPL101", "TPL326"} <= set(found)
    offer = found["TPL101"]
    assert offer["severity"] == 1 and offer["source"] == "templint"
    start = text.index("20% off")  # code points
    assert offer["range"]["start"] == {"line": 0, "character": start + 1}  # +1: the emoji
    assert "fix:" in offer["message"]
    # the quick fix for the malformed variable, and "fix all"
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": found["TPL326"]["range"],
         "context": {"diagnostics": [found["TPL326"]]}},
    )["result"]  # fmt: skip
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and quick[0]["isPreferred"]
    assert quick[0]["title"] == "Replace '{{ 1 }}' with '{{1}}' (TPL326)"  # what a menu shows
    (edit,) = quick[0]["edit"]["changes"][uri]
    assert edit["newText"] == "{{1}}"
    assert edit["range"]["start"] == {"line": 0, "character": text.index("{{") + 1}
    assert any(a["kind"] == "source.fixAll.templint" for a in actions)
    # hovering the offer shows its rule's documentation
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": offer["range"]["start"]}
    )["result"]
    assert hover["contents"]["kind"] == "markdown"
    assert (
        "(TPL101)" in hover["contents"]["value"]
        and "Why is this bad?" in hover["contents"]["value"]
    )
    # typing the fix in clears the finding
    fixed = text.replace("{{ 1 }}", "{{1}}")
    client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": fixed}]})  # fmt: skip
    assert "TPL326" not in {d["code"] for d in client.diagnostics()}
    client.send("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics() == []
    assert client.request("shutdown", None)["result"] is None
    client.send("exit", None)
    assert client.proc.wait(timeout=10) == 0


def test_the_nearest_config_per_file_type_and_broken_json_are_respected(
    client: Client, tmp_path: Path
) -> None:
    (tmp_path / "templint.toml").write_text(
        '[per-file]\n"marketing/" = { category = "MARKETING" }\n', encoding="utf-8"
    )
    client.request(
        "initialize",
        {"capabilities": {"general": {"positionEncodings": ["utf-32", "utf-16"]}}},
    )
    offer = "Get 20% off your next order, {{1}}!"
    promo = (tmp_path / "marketing" / "sale.txt").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": promo, "text": offer}})
    assert "TPL101" not in {d["code"] for d in client.diagnostics()}  # a marketing folder
    broken = (tmp_path / "drafts.json").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": broken, "text": '{"name": '}})
    (problem,) = client.diagnostics()
    assert "invalid JSON" in problem["message"] and problem["severity"] == 1
    # the writer changes the settings: open templates are linted again under the new ones
    (tmp_path / "templint.toml").write_text("", encoding="utf-8")
    client.send(
        "textDocument/didSave", {"textDocument": {"uri": (tmp_path / "templint.toml").as_uri()}}
    )
    again = {}
    for _ in range(2):
        message = client.receive()
        while message.get("method") != "textDocument/publishDiagnostics":
            message = client.receive()
        again[message["params"]["uri"]] = {d.get("code") for d in message["params"]["diagnostics"]}
    assert "TPL101" in again[promo]  # no longer a marketing folder
    notes = (tmp_path / "notes.py").as_uri()  # not a template file: nothing to say
    client.send("textDocument/didOpen", {"textDocument": {"uri": notes, "text": offer}})
    assert client.diagnostics() == []
    unknown = client.request("textDocument/definition", {})
    assert unknown["error"]["code"] == -32601
    client.send("exit", None)
    assert client.proc.wait(timeout=10) == 1  # exit without shutdown


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def converse(cwd: Path, *sent: bytes | dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """The server's exit code and every message it wrote, for input sent all at once (raw
    bytes as they are, messages framed); it must end within the timeout."""
    data = b"".join(m if isinstance(m, bytes) else frame(m) for m in sent)
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "server"], input=data, capture_output=True, cwd=cwd,
        timeout=60,
    )  # fmt: skip
    out, messages = proc.stdout, []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        length = int(head.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        out = rest[length:]
    return proc.returncode, messages


def replies(messages: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    return {m["id"]: m for m in messages if "id" in m}


def test_a_request_the_server_cannot_answer_gets_an_error_and_the_server_goes_on(
    tmp_path: Path,
) -> None:
    uri = (tmp_path / "promo.txt").as_uri()
    doc = {"uri": uri}
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {**doc, "text": "Use code SAVE20 for 20% off"}}},
        # a position without its character; params that are no object
        {"id": 2, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": {"line": 0}}},
        {"id": 3, "method": "textDocument/hover", "params": [1, 2]},
        {"id": 4, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": {"start": {"line": 0}, "end": {"line": 0}},
                    "context": {}}},
        # a document opened with no text: said in the log, the one before it kept
        {"method": "textDocument/didOpen", "params": {"textDocument": {**doc, "text": None}}},
        {"id": 5, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": {"line": 0, "character": 5}}},
        {"id": 6, "method": "shutdown"},
        {"method": "exit"},
    )  # fmt: skip
    assert rc == 0  # shut down as asked, not by a traceback
    answers = replies(messages)
    for bad in (2, 3, 4):
        assert answers[bad]["error"]["code"] == -32602  # InvalidParams
    assert "position" in answers[2]["error"]["message"]
    assert "(TPL102)" in answers[5]["result"]["contents"]["value"]
    assert answers[6]["result"] is None
    logged = [m["params"]["message"] for m in messages if m.get("method") == "window/logMessage"]
    assert any("text must be a string" in said for said in logged)


# a hover over no open document: answered with null
NOWHERE = {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}


def test_badly_framed_input_is_answered_with_a_parse_error_and_skipped(tmp_path: Path) -> None:
    """Each bad frame costs that frame: the messages after it are read and answered."""
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        b"Content-Length: abc\r\n\r\n{}",  # its body runs into the next header line
        {"id": 2, "method": "textDocument/hover", "params": NOWHERE},
        b"Content-Length: -1\r\n\r\n",
        {"id": 3, "method": "textDocument/hover", "params": NOWHERE},
        b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",  # no length
        {"id": 4, "method": "textDocument/hover", "params": NOWHERE},
        b"Content-Length: 2\r\n\r\n[]",  # JSON, but no message object
        b"Content-Length: 5\r\n\r\n{nope",
        {"id": 5, "method": "shutdown"},
        {"method": "exit"},
    )
    assert rc == 0
    answers = replies(messages)
    assert [answers[i]["result"] for i in (2, 3, 4, 5)] == [None] * 4
    errors = [m["error"] for m in messages if m.get("id", 0) is None]
    assert [e["code"] for e in errors] == [-32700, -32700, -32700, -32600, -32700]
    assert "'abc'" in errors[0]["message"] and "'-1'" in errors[1]["message"]


def test_a_fault_of_templints_is_an_internal_error_not_the_end_of_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.BytesIO()
    server = Server(out)
    server.documents["file:///t/a.txt"] = "Hi {{1}}"

    def broken(uri: str) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(server, "lint", broken)
    hover = {"textDocument": {"uri": "file:///t/a.txt"}, "position": {"line": 0, "character": 0}}
    assert server.handle({"id": 7, "method": "textDocument/hover", "params": hover})
    assert server.handle({"id": 8, "method": "shutdown"})
    written = out.getvalue().split(b"\r\n\r\n", 1)[1]
    first = json.loads(written[: written.index(b"Content-Length")])
    assert first["id"] == 7 and first["error"]["code"] == -32603
    assert "RuntimeError: a bug" in first["error"]["message"]
    assert b'"id": 8, "result": null' in out.getvalue()


def test_what_a_folder_walk_leaves_out_gets_no_diagnostics(tmp_path: Path) -> None:
    """An editor attaches the server to every text, Markdown and JSON file: a project's README,
    its package.json, its word lists. The server says nothing of what `templint lint .` would
    not read, and of JSON that holds no template; a template next to them is linted."""
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "accept.txt").write_text("Zorbix\n", encoding="utf-8")
    (tmp_path / "templint.toml").write_text(
        'accept = ["vocab/accept.txt"]\nexclude = ["drafts/old/"]\n', encoding="utf-8"
    )
    offer = "Check out our packages and get 20% off! Use code SAVE20."
    silent = {
        "README.md": "# My project\n\n" + offer,
        "docs/CHANGELOG.md": offer,
        "drafts/old/promo.txt": offer,  # the config's exclude
        "vocab/accept.txt": "Zorbix\nsale\ndiscount\n",  # the config's own word list
        "node_modules/pkg/offer.txt": offer,
        "package.json": '{"name": "app", "version": "1.0.0", "scripts": {"test": "x"}}',
        "data/rows.json": '[1, "two", {"id": 3}]',
        "logs/events.jsonl": '{"event": "open"}\n{"event": "close"}\n',
    }
    linted = {
        "whatsapp/promo.txt": offer,
        "whatsapp/draft.json": '{"name": "promo", "body": "' + offer + '"}',
        "whatsapp/meta.json": '{"data": [{"name": "promo", "components": "BODY"}]}',
    }
    sent: list[bytes | dict[str, Any]] = [
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}}
    ]
    for name, text in {**silent, **linted}.items():
        doc = {"uri": (tmp_path / name).as_uri(), "languageId": "plaintext", "text": text}
        sent.append({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    rc, messages = converse(tmp_path, *sent, {"id": 2, "method": "shutdown"}, {"method": "exit"})
    published = {
        Path(path_of(m["params"]["uri"])).relative_to(tmp_path.resolve()).as_posix(): [
            d.get("code") or d["message"] for d in m["params"]["diagnostics"]
        ]
        for m in messages
        if m.get("method") == "textDocument/publishDiagnostics"
    }
    assert rc == 0 and set(published) == set(silent) | set(linted)
    assert {name: published[name] for name in silent} == {name: [] for name in silent}
    assert "TPL101" in published["whatsapp/promo.txt"]
    assert "TPL101" in published["whatsapp/draft.json"]
    # a template's key is there, so it is one, broken: said, not silent
    assert any("must be a list" in said for said in published["whatsapp/meta.json"])


RULE = """code = "ACME2"
name = "competitor-name"
kind = "pattern"
severity = "error"
message = "Competitor named: '{match}'"
summary = "Finds our competitors' names."
why = "Legal asks."
fix = "Name our own product."
patterns = ['\\bglobex\\b']
"""


def test_settings_word_lists_and_rule_files_changed_on_disk_apply_without_a_restart(
    client: Client, tmp_path: Path
) -> None:
    """Another editor, a git checkout, a script: the files change with no didSave to this
    server. The next lint of a document reads them again."""
    for folder in ("vocab", "rules", "whatsapp/marketing"):
        (tmp_path / folder).mkdir(parents=True)
    accept = tmp_path / "vocab" / "accept.txt"
    accept.write_text("Zorbix\n", encoding="utf-8")
    (tmp_path / "rules" / "ACME2.toml").write_text(RULE, encoding="utf-8")
    settings = 'accept = ["vocab/accept.txt"]\nextend-rules = ["rules"]\n'
    (tmp_path / "templint.toml").write_text(settings, encoding="utf-8")
    client.request("initialize", {"capabilities": {}})
    uri = (tmp_path / "whatsapp" / "marketing" / "a.txt").as_uri()
    text = "Hi {{1}}, your qwandrel order from Globex has shipped. Get 20% off next time!"

    def codes(version: int) -> set[str]:  # the text edited (the same), its diagnostics
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})  # fmt: skip
        return {d["code"] for d in client.diagnostics()}

    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "text": text}})
    assert {"TPL201", "TPL101", "ACME2"} <= {d["code"] for d in client.diagnostics()}
    accept.write_text("Zorbix\nqwandrel\n", encoding="utf-8")  # a word accepted
    assert "TPL201" not in codes(2)
    (tmp_path / "rules" / "ACME2.toml").write_text(RULE.replace("globex", "initech"), "utf-8")
    assert "ACME2" not in codes(3)
    # the settings: the folder is filed as marketing, then a nearer templint.toml wins
    (tmp_path / "templint.toml").write_text(
        settings + '[per-file]\n"whatsapp/marketing/" = { category = "MARKETING" }\n', "utf-8"
    )
    assert "TPL101" not in codes(4)
    (tmp_path / "whatsapp" / "templint.toml").write_text("", encoding="utf-8")
    assert {"TPL101", "TPL201"} <= codes(5)  # no longer marketing; the shipped words only
    # saving a word list in the editor lints the open templates it changes at once
    (tmp_path / "whatsapp" / "templint.toml").write_text(
        'accept = ["../vocab/accept.txt"]\n', encoding="utf-8"
    )
    assert "TPL201" not in codes(6)
    accept.write_text("Zorbix\n", encoding="utf-8")
    client.send("textDocument/didSave", {"textDocument": {"uri": accept.as_uri()}})
    assert "TPL201" in {d["code"] for d in client.diagnostics()}


def test_an_unreadable_part_is_placed_where_it_is_and_the_rest_linted_as_the_cli_does(
    tmp_path: Path,
) -> None:
    from linter.api import lint_paths

    drafts = {
        "drafts.jsonl": '{"name": "a", "components": [{"type": "BODY", "text": "Hi {{1}}"}]}\n'
        "{broken\n"
        '{"name": "b", "components": [{"type": "BODY", "text": "Use code SAVE20 now."}]}\n'
        '["not an object"]\n',
        "broken.json": '{"name": "x",\n "components": [',
    }
    sent: list[bytes | dict[str, Any]] = [{"id": 1, "method": "initialize", "params": {}}]
    for name, text in drafts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc = {"uri": (tmp_path / name).as_uri(), "text": text}
        sent.append({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    _, messages = converse(tmp_path, *sent, {"id": 2, "method": "shutdown"}, {"method": "exit"})
    published = {
        Path(path_of(m["params"]["uri"])).name: m["params"]["diagnostics"]
        for m in messages
        if m.get("method") == "textDocument/publishDiagnostics"
    }
    for name, text in drafts.items():
        cli = lint_paths([str(tmp_path / name)])
        # the same findings, each at the CLI's line:column (1-based there, 0-based in LSP)
        found = [d for d in published[name] if "code" in d]
        assert sorted((d["code"], d["range"]["start"]["line"] + 1,
                       d["range"]["start"]["character"] + 1) for d in found) == sorted(
            (d.code, d.line, d.column) for d in cli.diagnostics)  # fmt: skip
        # and each error at its line and column, to the end of that line
        unread = [d for d in published[name] if "code" not in d]
        assert [(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1)
                for d in unread] == [(e.line, e.column) for e in cli.errors]  # fmt: skip
        for d, e in zip(unread, cli.errors, strict=True):
            assert d["message"] == f"templint cannot read this file: {e.message}"
            assert d["range"]["end"]["line"] == d["range"]["start"]["line"]
            assert d["range"]["end"]["character"] == len(text.split("\n")[e.line - 1])
    assert {d.get("code") for d in published["drafts.jsonl"]} >= {"TPL102", "TPL323", None}
    assert len([d for d in published["drafts.jsonl"] if "code" not in d]) == 2  # lines 2, 4
    assert published["broken.json"][0]["range"]["start"] == {"line": 1, "character": 16}


def test_a_burst_of_changes_is_linted_once_at_its_last_version(tmp_path: Path) -> None:
    """Typing fast into a long template: the changes queue up while one is linted, and only
    the newest text is linted next, its diagnostics marked with its version."""
    uri = (tmp_path / "order.txt").as_uri()
    text = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}. " * 40
    versions = range(2, 52)
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "version": 1, "text": text}}},
        *[{"method": "textDocument/didChange",
           "params": {"textDocument": {"uri": uri, "version": v},
                      "contentChanges": [{"text": text + f" word{v}"}]}} for v in versions],
        {"method": "textDocument/didChange",  # the last change brings a promo code
         "params": {"textDocument": {"uri": uri, "version": 52},
                    "contentChanges": [{"text": text + " Use code SAVE20."}]}},
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )  # fmt: skip
    assert rc == 0
    published = [m["params"] for m in messages if "diagnostics" in m.get("params", {})]
    assert 1 <= len(published) <= 5  # 52 before: one lint per change, 5.3 s behind the typing
    assert [p["version"] for p in published] == sorted({p["version"] for p in published})
    assert published[-1]["version"] == 52
    assert "TPL102" in {d["code"] for d in published[-1]["diagnostics"]}


def test_hover_and_code_actions_reuse_the_lint_of_the_documents_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linter.api

    calls = []
    real = linter.api.lint_templates

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(linter.api, "lint_templates", counted)
    server = Server(io.BytesIO())
    uri = (tmp_path / "promo.txt").as_uri()
    doc = {"uri": uri, "version": 1, "text": "Hi {{ 1 }}, use code SAVE20 for 20% off."}
    server.handle({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    server.publish_pending()
    at = {"line": 0, "character": 22}
    for _ in range(3):
        server.handle(
            {
                "id": 1,
                "method": "textDocument/hover",
                "params": {"textDocument": {"uri": uri}, "position": at},
            }
        )
        server.handle({"id": 2, "method": "textDocument/codeAction",
                       "params": {"textDocument": {"uri": uri}, "range": {"start": at, "end": at},
                                  "context": {"diagnostics": []}}})  # fmt: skip
    # the diagnostics' lint, and "fix all"'s, which re-lints as --fix does (the text, and the
    # text fixed): each once a version, whatever the editor asks
    assert len(calls) == 3
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "Hi"}]}
    server.handle({"method": "textDocument/didChange", "params": change})
    server.handle({"id": 3, "method": "textDocument/hover",
                   "params": {"textDocument": {"uri": uri}, "position": at}})  # fmt: skip
    assert len(calls) == 4  # a new version is linted anew


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_positions_count_lines_as_lsp_does_whatever_ends_them(tmp_path: Path, end: str) -> None:
    """A file saved with old Mac line ends (CR alone): every finding was put at the start of
    the second line, its column counted in a line the server had not split."""
    uri = (tmp_path / "promo.txt").as_uri()
    text = f"Hello {{{{1}}}}{end}Use code SAVE20 now 😀 for 20% off{end}"
    _, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {}},
        {"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "text": text}}},
        {"id": 2, "method": "shutdown"},
    )
    (published,) = [m["params"] for m in messages if "diagnostics" in m.get("params", {})]
    found = {d["code"]: d["range"] for d in published["diagnostics"]}
    assert found["TPL102"] == {"start": {"line": 1, "character": 0},
                               "end": {"line": 1, "character": 15}}  # fmt: skip
    offer = len("Use code SAVE20 now 😀 for ".encode("utf-16-le")) // 2
    assert found["TPL101"]["start"] == {"line": 1, "character": offer}


def test_file_uris_become_paths() -> None:
    assert path_of("file:///tmp/my%20drafts/a.txt") == "/tmp/my drafts/a.txt"


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovims_own_lsp_client_gets_diagnostics_fixes_and_hover(tmp_path: Path) -> None:
    """A real editor, not this file's client: Neovim (0.7+, headless) runs
    tests/fixtures/nvim_session.lua against `templint server`."""
    (tmp_path / "whatsapp").mkdir()
    # what the README's init.lua looks for; notes.txt, outside, gets no server
    (tmp_path / "whatsapp" / "templint.toml").write_text("", encoding="utf-8")
    draft = tmp_path / "whatsapp" / "order.txt"
    draft.write_text(
        "👋 Hi {{1}}, your order {{2}} has shiped. Use code SAVE20 for 20% off!\n",
        encoding="utf-8",
    )
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    init = tmp_path / "init.lua"  # the README's Neovim configuration, as a user copies it
    init.write_text(readme.split("```lua\n")[1].split("```")[0], encoding="utf-8")
    out = tmp_path / "session.json"
    script = Path(__file__).parent / "fixtures" / "nvim_session.lua"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "OUT": str(out), "PATH": path}  # `templint` of this environment
    subprocess.run(
        ["nvim", "--headless", "-u", str(init), "-i", "NONE", "-n", "-c", f"luafile {script}",
         str(draft)],
        cwd=tmp_path, env=env, timeout=120, check=True, capture_output=True,
    )  # fmt: skip
    log: dict[str, Any] = dict(json.loads(out.read_text(encoding="utf-8")))
    assert log["attached"] is True  # the FileType autocommand started and attached templint
    assert log["arrived"] is True and log["encoding"] == "utf-16"
    # Neovim keeps byte columns: right only if templint's UTF-16 ones were (the emoji is one
    # code point, two UTF-16 units, four bytes)
    shiped = len("👋 Hi {{1}}, your order {{2}} has ".encode())
    assert log["diagnostics"][0] == {"code": "TPL201", "line": 0, "col": shiped,
                                     "end_col": shiped + len("shiped")}  # fmt: skip
    # the code and the discount are errors (TPL102, TPL101): the classifier's TPL501 would say
    # again that it reads as promotional, and is not reported
    assert {d["code"] for d in log["diagnostics"]} == {"TPL201", "TPL102", "TPL101"}
    # each suggestion its own quick fix, the one --fix --unsafe-fixes would write first
    spelling = [a for a in log["actions"] if "TPL201" in a]
    assert spelling == [  # 'swiped', far less likely, is not listed
        "Replace 'shiped' with 'shipped' (TPL201, a best guess: check it)",
        "Replace 'shiped' with 'shaped' (TPL201, a suggestion)",
    ]
    assert log["text"] == "👋 Hi {{1}}, your order {{2}} has shipped. Use code SAVE20 for 20% off!"
    assert log["republished"] is True
    # fixed, the draft is still promotional: the code and the discount stay
    assert [d["code"] for d in log["diagnostics_after"]] == ["TPL102", "TPL101"]
    assert "(TPL102)" in log["hover"] and "Why is this bad?" in log["hover"]
    assert log["stopped"] is True
    notes = tmp_path / "notes.txt"
    notes.write_text("Get 20% off today!\n", encoding="utf-8")
    attached = "vim.wait(2000, function() return next(vim.lsp.buf_get_clients(0)) ~= nil end, 20)"
    subprocess.run(
        ["nvim", "--headless", "-u", str(init), "-i", "NONE", "-n", "-c",
         f"lua io.open(os.getenv('OUT'), 'w'):write(tostring({attached})):close()", "-c", "qa!",
         str(notes)],
        cwd=tmp_path, env=env, timeout=60, check=True, capture_output=True,
    )  # fmt: skip
    assert out.read_text(encoding="utf-8") == "false"


def test_json_nested_too_deep_is_said_and_the_server_goes_on(tmp_path: Path) -> None:
    """Python's JSON reader gives up on such nesting with a RecursionError, not a ValueError:
    the check for JSON with no template in it must not take the server down with it."""
    uri = (tmp_path / "deep.json").as_uri()
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "text": "[" * 100_000 + "]" * 100_000}}},
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )  # fmt: skip
    assert rc == 0
    (published,) = [m["params"] for m in messages if "diagnostics" in m.get("params", {})]
    (said,) = published["diagnostics"]
    assert "nested deeper than 200 levels" in said["message"]


def test_a_document_that_fails_to_lint_is_logged_and_the_others_are_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.BytesIO()
    server = Server(out)
    real = server.lint
    bad, good = (tmp_path / "bad.txt").as_uri(), (tmp_path / "good.txt").as_uri()

    def lint(uri: str) -> Any:
        if uri == bad:
            raise RuntimeError("a bug")
        return real(uri)

    monkeypatch.setattr(server, "lint", lint)
    for uri in (bad, good):
        doc = {"uri": uri, "text": "Use code SAVE20 for 20% off."}
        server.handle({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    server.publish_pending()  # the diagnostics are published after the messages waiting
    written = out.getvalue().decode()
    assert f"templint: {bad}: RuntimeError: a bug" in written
    assert '"method": "textDocument/publishDiagnostics"' in written and "TPL102" in written
    assert not server.pending


def test_a_path_too_long_for_the_file_system_is_logged_and_the_server_goes_on(
    tmp_path: Path,
) -> None:
    """ENAMETOOLONG while a document's settings were looked up was taken for the client gone:
    the server ended without a word. Only a failed write to the client ends it."""
    long_uri = (tmp_path / ("a/" * 3000) / "x.txt").as_uri()
    good = (tmp_path / "good.txt").as_uri()
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": long_uri, "text": "Get 20% off"}}},
        {"id": 2, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": long_uri}, "position": {"line": 0, "character": 4}}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": good, "text": "Get 20% off"}}},
        {"id": 3, "method": "shutdown"},
        {"method": "exit"},
    )  # fmt: skip
    assert rc == 0
    answered = replies(messages)
    assert "error" in answered[2] and "result" in answered[3]
    logged = [m["params"]["message"] for m in messages if m.get("method") == "window/logMessage"]
    assert any("too long" in said for said in logged), logged
    published = [
        m["params"] for m in messages if m.get("method") == "textDocument/publishDiagnostics"
    ]
    assert [p["uri"] for p in published] == [good] and published[0]["diagnostics"]


def _answers(out: io.BytesIO) -> dict[Any, Any]:
    """The answers the server wrote, by request id."""
    data, found = out.getvalue(), {}
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(head.split(b":")[1])
        message = json.loads(rest[:length])
        if "id" in message:
            found[message["id"]] = message
        data = rest[length:]
    return found


def _applied(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` (single-line here) with a code action's edits made, last first."""
    for edit in sorted(edits, key=lambda e: e["range"]["start"]["character"], reverse=True):
        start, end = edit["range"]["start"], edit["range"]["end"]
        assert start["line"] == end["line"] == 0
        text = text[: start["character"]] + edit["newText"] + text[end["character"] :]
    return text


def test_fix_all_writes_what_lint_fix_does_not_a_fix_that_brings_an_error(
    tmp_path: Path,
) -> None:
    """``--fix`` re-lints and refuses a fix after which the template has a new error: here
    'thx' -> 'thanks' would take the body over 1,024 characters (TPL303). "Fix all" made every
    safe edit in one pass, that one too; it now offers what ``--fix`` writes."""
    body = "Hi {{ 1}}, thx for your order. " + "Your parcel is on its way. " * 40
    body = body[:1022].rstrip() + ".\n"  # 1,023 characters; 'thanks' makes 1,025
    path = tmp_path / "v.txt"
    path.write_text(body, encoding="utf-8")
    res = CliRunner().invoke(main, ["lint", "--fix", str(path)])
    assert "not applied: it would bring TPL303" in res.stderr
    fixed = path.read_text(encoding="utf-8")
    server, out, uri = _opened(path, body)
    at = {"line": 0, "character": 0}
    ask = {
        "textDocument": {"uri": uri},
        "range": {"start": at, "end": at},
        "context": {"diagnostics": [], "only": ["source.fixAll.templint"]},
    }
    server.handle({"id": 1, "method": "textDocument/codeAction", "params": ask})
    (action,) = _answers(out)[1]["result"]
    assert _applied(body, action["edit"]["changes"][uri]) == fixed
    assert "thx" in fixed and "{{1}}" in fixed


def _opened(path: Path, text: str) -> tuple[Server, io.BytesIO, str]:
    """A server with ``text`` opened as the document at ``path``; its output stream; the URI."""
    out = io.BytesIO()
    server = Server(out)
    uri = path.as_uri()
    doc = {"uri": uri, "version": 1, "text": text}
    server.handle({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    return server, out, uri


def test_a_misspelling_with_no_clear_guess_offers_its_suggestions_none_preferred(
    tmp_path: Path,
) -> None:
    """'grasias' may be 'gracias' or 'grasas': ``--fix --unsafe-fixes`` writes neither, so the
    finding has no edit, and the editor offered no quick fix at all. It offers both, to pick
    from: neither preferred, and "fix all" (what ``--fix`` writes) leaves the word alone."""
    text = "# templint: language es\nHola {{ 1 }}, muchas grasias por tu pedido.\n"
    server, out, uri = _opened(tmp_path / "pedido.txt", text)
    word = {"line": 1, "character": text.splitlines()[1].index("grasias")}
    ask = {"textDocument": {"uri": uri}, "range": {"start": word, "end": word},
           "context": {"diagnostics": []}}  # fmt: skip
    server.handle({"id": 1, "method": "textDocument/codeAction", "params": ask})
    actions = _answers(out)[1]["result"]
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert [a["title"] for a in quick] == [
        f"Replace 'grasias' with '{w}' (TPL201, a suggestion)" for w in ("gracias", "grasas")
    ]
    assert not any(a["isPreferred"] for a in quick)
    assert all(a["diagnostics"][0]["code"] == "TPL201" for a in quick)
    for action in quick:
        (edit,) = action["edit"]["changes"][uri]
        end = {"line": 1, "character": word["character"] + len("grasias")}
        assert edit["range"] == {"start": word, "end": end}
    # "fix all" writes the variable's safe fix, not a suggestion
    (fix_all,) = [a for a in actions if a["kind"] == "source.fixAll.templint"]
    (edit,) = fix_all["edit"]["changes"][uri]
    lines = text.splitlines(keepends=True)
    start, end = (
        sum(map(len, lines[: at["line"]])) + at["character"]
        for at in (edit["range"]["start"], edit["range"]["end"])
    )
    fixed = text[:start] + edit["newText"] + text[end:]
    assert fixed == text.replace("{{ 1 }}", "{{1}}")


def test_after_shutdown_a_request_is_refused_and_notifications_are_dropped(
    tmp_path: Path,
) -> None:
    """The LSP specification: once the server was asked to shut down, every request but
    ``exit`` (a notification) is answered with InvalidRequest, other notifications dropped."""
    uri = (tmp_path / "a.txt").as_uri()
    hover = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
    doc = {"uri": uri, "version": 1, "text": "Use code SAVE20 for 20% off."}
    rc, messages = converse(
        tmp_path,
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"id": 2, "method": "shutdown"},
        {"id": 3, "method": "textDocument/hover", "params": hover},
        {"method": "textDocument/didOpen", "params": {"textDocument": doc}},
        {"id": 4, "method": "shutdown"},
        {"method": "exit"},
    )
    assert rc == 0
    answers = replies(messages)
    assert answers[2]["result"] is None
    assert [answers[i]["error"]["code"] for i in (3, 4)] == [-32600, -32600]
    assert "shut down" in answers[3]["error"]["message"]
    assert not [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]


def test_each_quick_fix_title_says_what_kind_of_fix_it_is(tmp_path: Path) -> None:
    """A suggestion-only item was titled "a best guess" although no fix writes it: the title
    says "a best guess" only for what ``--fix --unsafe-fixes`` writes, "a suggestion" for an
    alternative or a finding with no edit, and nothing more for a safe fix."""
    text = "Hi {{ 1 }}, your ordr has shiped. Fresh kheer for Diwali too.\n"
    server, out, uri = _opened(tmp_path / "order.txt", text)
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": len(text)}}
    ask = {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}}
    server.handle({"id": 1, "method": "textDocument/codeAction", "params": ask})
    quick = [a for a in _answers(out)[1]["result"] if a["kind"] == "quickfix"]
    titles = {a["title"]: a["isPreferred"] for a in quick}
    assert titles["Replace '{{ 1 }}' with '{{1}}' (TPL326)"] is True  # safe: --fix writes it
    # the best guess --fix --unsafe-fixes writes, then the other suggestion
    assert titles["Replace 'shiped' with 'shipped' (TPL201, a best guess: check it)"] is False
    assert titles["Replace 'shiped' with 'shaped' (TPL201, a suggestion)"] is False
    assert titles["Replace 'ordr' with 'order' (TPL201, a best guess: check it)"] is False
    # no clear guess: every suggestion is one, none a best guess
    kheer = [t for t in titles if "'kheer'" in t]
    assert kheer and all(t.endswith("(TPL201, a suggestion)") for t in kheer)
    assert not any("best guess" in t for t in kheer)
