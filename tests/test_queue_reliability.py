"""The queue under stress: concurrent writers, a killed writer, unusable files, odd text."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.commands.queue import queue
from linter.queue import schema
from linter.queue.errors import QueueError
from linter.queue.store import Entry, QueueStore

ROOT = Path(__file__).resolve().parent.parent
FIXED = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def clock() -> datetime:
    return FIXED


def _worker(args: tuple[str, int, int, int]) -> int:
    """Add, submit and decide its own templates; race the others to submit the shared ones."""
    path, wid, own, shared = args
    won = 0
    with QueueStore(path, now=clock) as store:
        for i in range(own):
            name = f"w{wid}_{i}"
            store.add([Entry(name=name, body=f"body {name}", content=name)], by=f"w{wid}")
            store.submit(name, by=f"w{wid}")
            store.decide(name, "approved" if i % 2 else "rejected", reason="r'\"; --", by="x")
        for i in range(shared):
            try:
                store.submit(f"shared_{i}", by=f"w{wid}")
                won += 1
            except QueueError as exc:
                assert "already submitted" in str(exc)
    return won


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "q.db")
    workers, own, shared = 4, 30, 25
    with QueueStore(path, now=clock) as store:
        store.add([Entry(name=f"shared_{i}", body="b", content=f"s{i}") for i in range(shared)])
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        won = pool.map(_worker, [(path, w, own, shared) for w in range(workers)])
    # 4 × (30 × 3 + 25) = 460 operations
    assert sum(won) == shared  # each shared draft was submitted exactly once
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM templates").fetchone()[0] == workers * own + shared
    counts = dict(db.execute("SELECT to_state, count(*) FROM events GROUP BY 1").fetchall())
    assert counts == {
        "draft": workers * own + shared,
        "submitted": workers * own + shared,
        "approved": workers * own // 2,
        "rejected": workers * own // 2,
    }
    reasons = {r for (r,) in db.execute("SELECT reason FROM events WHERE to_state = 'rejected'")}
    assert reasons == {"r'\"; --"}
    db.close()


WRITER = """
import sys
sys.path.insert(0, {root!r})
from datetime import UTC, datetime
from linter.queue.store import Entry, QueueStore
store = QueueStore({path!r}, now=lambda: datetime(2024, 5, 1, tzinfo=UTC))
batch = 0
while True:
    store.add([Entry(name=f"t{{batch}}_{{i}}", body="x" * 2000, content=f"{{batch}}/{{i}}")
               for i in range(50)])
    batch += 1
    print(batch, flush=True)
"""


def test_sigkill_mid_write_leaves_a_consistent_queue(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(root=str(ROOT), path=str(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for _ in range(3):  # let it commit a few batches, then kill it inside the next one
        assert proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with QueueStore(path, now=clock) as store:
        assert store.integrity_check() == "ok"
        db = store.db
        templates = db.execute("SELECT count(*) FROM templates").fetchone()[0]
        assert templates >= 150 and templates % 50 == 0  # whole batches only
        orphans = db.execute(
            "SELECT count(*) FROM templates t WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.template_id = t.id)"
        ).fetchone()[0]
        assert orphans == 0
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        store.add([Entry(name="after", body="b", content="c")])  # writable again
        assert len(store.list()) == templates + 1


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _invoke(db: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(
        queue, ["--db", str(db), *args], env={"TEMPLINT_NOW": "2024-05-01T10:00:00Z"}
    )
    return res.exit_code, res.stderr


@pytest.fixture
def template_file(tmp_path: Path) -> Path:
    path = tmp_path / "order.txt"
    path.write_text("Your order {{1}} has shipped and will arrive soon.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database, just some text\n" * 10,
        b"SQLite format 3\x00" + b"\xff" * 84,  # a header and nothing behind it
        b"SQLite format 3\x00" + bytes(range(256)) * 64,  # right magic, garbage pages
    ],
    ids=["text", "truncated", "garbage"],
)
def test_corrupt_file_is_refused_untouched(
    tmp_path: Path, template_file: Path, content: bytes
) -> None:
    db = tmp_path / "queue.db"
    db.write_bytes(content)
    before = _digest(db)
    for args in (["add", str(template_file)], ["list"], ["stats"]):
        code, err = _invoke(db, *args)
        assert code == 2, err
        assert len(err.strip().splitlines()) == 1 and str(db) in err
        assert "Traceback" not in err
    assert _digest(db) == before


NOT_SQLITE = {
    "csv": b"name,language,body\norder_update_1,en_US,Your order {{1}} has shipped.\n",
    "json": b'[{"name": "order", "language": "en_US"}]\n',
    "text": b"x",
}


@pytest.mark.parametrize("kind", sorted(NOT_SQLITE))
def test_a_file_that_is_not_sqlite_is_refused_by_every_command_untouched(
    tmp_path: Path, template_file: Path, kind: str
) -> None:
    # `--db templates.csv` for `add templates.csv`: one line naming the file, never a ledger
    # written over the user's data.
    db = tmp_path / f"mistake.{kind}"
    db.write_bytes(NOT_SQLITE[kind])
    hook = tmp_path / "hook.json"
    hook.write_text('{"data": []}', encoding="utf-8")
    for args in (
        ["add", str(template_file)],
        ["submit", "order"],
        ["decide", "order", "approved"],
        ["recategorise", "order", "MARKETING"],
        ["sync", str(hook)],
        ["list"],
        ["stats"],
        ["export"],
        ["show", "order"],
        ["backup", str(tmp_path / "copy.db")],
    ):
        code, err = _invoke(db, *args)
        assert code == 2, (args, err)
        (line,) = err.strip().splitlines()
        assert line == f"templint: {db}: not a templint queue (the file is not a SQLite database)"
    assert db.read_bytes() == NOT_SQLITE[kind]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hook.json", db.name, "order.txt"]


def test_an_empty_file_is_read_as_an_empty_queue_and_left_empty(tmp_path: Path) -> None:
    # A 0-byte file is an empty database to SQLite. Reading one used to write a whole ledger
    # into it (and, marked read-only, failed on "schema version 0"): reports on it are empty,
    # with a note, and the file stays as it was.
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    for mode in (0o644, 0o444):
        db.chmod(mode)
        for args in (["list"], ["stats"], ["export"], ["list", "--overdue", "--exit-status"]):
            code, err = _invoke(db, *args)
            assert code == 0, (args, err)
            assert err.strip() == (
                f"templint: {db}: empty file, no queue in it yet; nothing recorded "
                "(add a template with `templint queue add`)"
            )
        for args in (["show", "order"], ["backup", str(tmp_path / "copy.db")]):
            code, err = _invoke(db, *args)
            assert code == 2, (args, err)
            (line,) = err.strip().splitlines()
            assert line.startswith(f"templint: {db}: empty file, no queue in it yet")
        assert db.read_bytes() == b""
        assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_an_empty_file_given_to_a_writer_holds_the_queue_and_it_says_so(
    tmp_path: Path, template_file: Path
) -> None:
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    code, err = _invoke(db, "add", str(template_file))
    assert code == 0, err
    assert err.strip() == f"templint: {db}: was an empty file; the queue is in it now"
    assert db.read_bytes().startswith(schema.SQLITE_MAGIC)
    code, err = _invoke(db, "add", str(template_file))  # said once, when it happened
    assert (code, err) == (0, "")
    with QueueStore(db, now=clock, readonly=True) as store:
        assert [r.name for r in store.list()] == ["order"]


def test_an_empty_file_with_a_wal_beside_it_is_a_database() -> None:
    # The -wal may hold every change: such a pair is opened as a ledger, never read as empty.
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "q.db"
        db.write_bytes(b"")
        assert schema.check_file(db) == schema.EMPTY
        Path(f"{db}-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(28))
        assert schema.check_file(db) == schema.PRESENT


def test_a_device_or_a_pipe_is_refused_not_opened(tmp_path: Path) -> None:
    # --db /dev/null left /dev/null-journal behind ("corrupt queue database (disk I/O
    # error)"); a named pipe hung the command waiting for a writer.
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    code = READONLY_RUN.format(root=str(ROOT), args=["--db", str(pipe), "list"])
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == f"templint: {pipe}: not a regular file (a device or a pipe), not a queue"
    )
    with pytest.raises(QueueError, match="not a regular file"):
        schema.check_file(Path(os.devnull))


def test_export_never_writes_over_the_ledger(tmp_path: Path, template_file: Path) -> None:
    # `export -o queue.db` replaced the ledger with its own CSV: every template lost.
    db = tmp_path / "queue.db"
    assert _invoke(db, "add", str(template_file))[0] == 0
    os.link(db, tmp_path / "linked.db")
    before = _digest(db)
    for target in (db, tmp_path / "linked.db", Path(f"{db}-wal"), tmp_path / "." / "queue.db"):
        code, err = _invoke(db, "export", "-o", str(target))
        assert code == 2, (target, err)
        (line,) = err.strip().splitlines()
        assert (
            line == f"templint: {target}: is the ledger (or its -wal); write the export elsewhere"
        )
    assert _digest(db) == before
    code, _ = _invoke(db, "export", "-o", str(tmp_path / "out.csv"))
    assert code == 0 and (tmp_path / "out.csv").read_text().startswith("text,label,")


def test_foreign_sqlite_database_is_refused(tmp_path: Path, template_file: Path) -> None:
    db = tmp_path / "queue.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = _digest(db)
    code, err = _invoke(db, "add", str(template_file))
    assert code == 2 and "not a templint queue" in err
    assert _digest(db) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path, template_file: Path) -> None:
    db = tmp_path / "queue.db"
    assert _invoke(db, "add", str(template_file))[0] == 0
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = _digest(db)
    for args in (["add", str(template_file)], ["list"], ["submit", "order"]):
        code, err = _invoke(db, *args)
        assert code == 2
        assert f"schema version {schema.SCHEMA_VERSION + 1} is newer" in err
        assert len(err.strip().splitlines()) == 1
    assert _digest(db) == before


READONLY_RUN = """
import sys
sys.path.insert(0, {root!r})
from linter.commands.queue import queue
queue.main({args!r}, prog_name="templint queue")
"""


_READ_ONLY_MOUNT = ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"']


def _can_mount_read_only() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            [*_READ_ONLY_MOUNT, folder, "sh", "-c", f"! touch {folder}/x"],
            capture_output=True,
            check=False,
        )
        return probe.returncode == 0 and not os.path.exists(f"{folder}/x")


def test_read_only_location(template_file: Path) -> None:
    """A queue in a folder the user cannot write: writes fail with one line, reads still work.

    Permissions do not bind root, so under root the commands run in a private mount namespace
    where the folder is bind-mounted read-only (what a read-only share or volume looks like).
    """
    as_root = os.geteuid() == 0
    if as_root and not _can_mount_read_only():
        pytest.skip("running as root without unshare/mount: cannot make a folder read-only")
    folder = Path(tempfile.mkdtemp(prefix="templint-ro-"))
    try:
        db = folder / "queue.db"
        src = folder / "order.txt"
        src.write_bytes(template_file.read_bytes())
        with QueueStore(db, now=clock) as store:
            store.add([Entry(name="kept", body="b", content="c")], by="t")
        before = _digest(db)
        src.chmod(0o644)
        db.chmod(0o444)
        folder.chmod(0o555)
        env = {**os.environ, "TEMPLINT_NOW": "2024-05-01T10:00:00Z", "HOME": str(folder)}

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            code = READONLY_RUN.format(root=str(ROOT), args=["--db", str(db), *args])
            cmd = [sys.executable, "-c", code]
            if as_root:
                cmd = [*_READ_ONLY_MOUNT, str(folder), *cmd]
            return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/")

        for args in (("add", str(src)), ("submit", "kept")):
            proc = run(*args)
            assert proc.returncode == 2, proc.stderr
            assert "read-only" in proc.stderr
            assert len(proc.stderr.strip().splitlines()) == 1
        listing = run("list", "--format", "json")
        assert listing.returncode == 0, listing.stderr
        assert [r["name"] for r in json.loads(listing.stdout)] == ["kept"]
        assert _digest(db) == before
        assert sorted(p.name for p in folder.iterdir()) == ["order.txt", "queue.db"]
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


ODD = [
    'o\'brien "quoted"',
    "x'); DROP TABLE templates; --",
    "ünïcødé_名前_🎉",
    "percent_%_underscore_\\_back",
]


@pytest.mark.parametrize("name", ODD)
def test_odd_names_and_reasons_are_kept_exactly(tmp_path: Path, name: str) -> None:
    src = tmp_path / "t.json"
    body = f"Your order {{{{1}}}} for {name} has shipped."
    src.write_text(
        json.dumps(
            {
                "name": name,
                "language": "en_US",
                "category": "UTILITY",
                "components": [{"type": "BODY", "text": body, "example": {"body_text": [["A1"]]}}],
            }
        ),
        encoding="utf-8",
    )
    db = tmp_path / "queue.db"
    env = {"TEMPLINT_NOW": "2024-05-01T10:00:00Z", "TEMPLINT_USER": name}

    def run(*args: str, now: str = "2024-05-01T10:00:00Z") -> str:
        res = CliRunner().invoke(queue, ["--db", str(db), *args], env={**env, "TEMPLINT_NOW": now})
        assert res.exit_code == 0, res.output
        return res.stdout

    run("add", "--force", "--submit", str(src))
    reason = f'Rejected: {name} ; SELECT * FROM events; -- "%"'
    run("decide", name, "rejected", "--reason", reason, now="2024-05-02T10:00:00Z")
    shown = json.loads(run("show", name, "--format", "json"))
    assert shown["name"] == name and shown["reason"] == reason
    assert shown["revisions"][0]["body"] == body
    assert {e["by"] for e in shown["events"]} == {name}
    text = run("show", name)
    assert name in text and reason in text
    assert any(line.startswith(name) for line in run("list").splitlines())
    stats = json.loads(run("stats", "--format", "json"))
    assert stats["rejection_reasons"] == [{"reason": reason, "count": 1}]
    # a LIKE-style pattern in a name must not match other templates
    assert (
        "no template named"
        in CliRunner().invoke(queue, ["--db", str(db), "show", "%"], env=env).stderr
    )


def test_killed_creation_leaves_an_empty_file_that_still_opens(tmp_path: Path) -> None:
    db = tmp_path / "queue.db"
    db.write_bytes(b"")  # SQLite's state when stopped before its first write
    with QueueStore(db, now=clock) as store:
        store.add([Entry(name="a", body="b", content="c")])
        assert [r.name for r in store.list()] == ["a"]


def test_migrations_run_forward_once(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    QueueStore(db, now=clock).close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    # reopening does not re-run version 1 (it would fail: the tables exist)
    QueueStore(db, now=clock).close()


def test_version_1_ledger_migrates_with_its_current_states(tmp_path: Path) -> None:
    # A queue written by templint's first schema (no head_event column) with a history:
    # after migration every template's current state is still its latest event's.
    db = tmp_path / "v1.db"
    con = sqlite3.connect(db, isolation_level=None)
    schema.MIGRATIONS[0](con)
    con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.execute(
        "INSERT INTO templates (id, name, language, created_at) VALUES (1, 'a', ''"
        ", 0), (2, 'b', 'en', 0)"
    )
    con.execute(
        "INSERT INTO revisions (id, template_id, number, body, content, content_hash, "
        "lint_verdict, created_at, updated_at, created_by) VALUES "
        "(1, 1, 1, 'x', 'x', 'h', 'clean', 0, 0, 't'), (2, 2, 1, 'y', 'y', 'h', 'clean', 0, 0, 't')"
    )
    for eid, tid, frm, to in [
        (1, 1, None, "draft"),
        (2, 2, None, "draft"),
        (3, 1, "draft", "submitted"),
        (4, 1, "submitted", "rejected"),
    ]:
        con.execute(
            "INSERT INTO events (id, template_id, revision_id, from_state, to_state, at, "
            "recorded_at, by) VALUES (?, ?, ?, ?, ?, 0, 0, 't')",
            (eid, tid, tid, frm, to),
        )
    con.close()
    with QueueStore(db, now=clock) as store:
        assert [(r.name, r.state) for r in store.list()] == [("a", "rejected"), ("b", "draft")]
        store.submit("a")  # the trigger keeps the head current after the migration
        assert store.list(state="submitted")[0].name == "a"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("SELECT name, state FROM current ORDER BY name").fetchall() == [
        ("a", "submitted"),
        ("b", "draft"),
    ]
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _version_2_ledger(db: Path) -> None:
    """A queue written before re-categorisations were kept: approved as MARKETING, paused."""
    con = sqlite3.connect(db, isolation_level=None)
    schema.MIGRATIONS[0](con)
    schema.MIGRATIONS[1](con)
    con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 2")
    con.execute("INSERT INTO templates (id, name, language, created_at) VALUES (1, 'a', '', 0)")
    con.execute(
        "INSERT INTO revisions (id, template_id, number, category, body, content, content_hash, "
        "lint_verdict, created_at, updated_at, created_by) VALUES "
        "(1, 1, 1, 'UTILITY', 'x', 'x', 'h', 'clean', 0, 0, 't')"
    )
    for eid, frm, to, category in [
        (1, None, "draft", None),
        (2, "draft", "submitted", None),
        (3, "submitted", "approved", "MARKETING"),
        (4, "approved", "paused", None),
    ]:
        con.execute(
            "INSERT INTO events (id, template_id, revision_id, from_state, to_state, at, "
            "recorded_at, by, category) VALUES (?, 1, 1, ?, ?, ?, 0, 't', ?)",
            (eid, frm, to, eid, category),
        )
    con.close()


def test_version_2_ledger_migrates_keeping_metas_categories(tmp_path: Path) -> None:
    # Meta's category from a verdict is carried onto its revision, and the ledger takes
    # moves afterwards.
    db = tmp_path / "v2.db"
    _version_2_ledger(db)
    with QueueStore(db, now=clock) as store:
        (row,) = store.list()
        assert (row.state, row.category) == ("paused", "MARKETING")  # Meta's, not declared
        store.recategorise("a", "UTILITY", reason="appeal upheld")
        assert store.list()[0].category == "UTILITY"
        assert store.stats().recategorised == [("MARKETING", "UTILITY", 1)]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 4
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4  # history untouched
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _version_3_ledger(db: Path, names: list[str]) -> None:
    """A queue written before names were listed in natural order: no sort keys."""
    con = sqlite3.connect(db, isolation_level=None)
    for step in schema.MIGRATIONS[:3]:
        step(con)
    con.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 3")
    for tid, name in enumerate(names, 1):
        con.execute(
            "INSERT INTO templates (id, name, language, created_at) VALUES (?, ?, 'en_US', 0)",
            (tid, name),
        )
        con.execute(
            "INSERT INTO revisions (id, template_id, number, category, body, content, "
            "content_hash, lint_verdict, created_at, updated_at, created_by) VALUES "
            "(?, ?, 1, 'UTILITY', 'x', ?, 'h', 'clean', 0, 0, 't')",
            (tid, tid, name),
        )
        for frm, to in ((None, "draft"), ("draft", "submitted")):
            con.execute(
                "INSERT INTO events (template_id, revision_id, from_state, to_state, at, "
                "recorded_at, by) VALUES (?, ?, ?, ?, ?, 0, 't')",
                (tid, tid, frm, to, 1_714_557_600),
            )
    con.close()


NAMES = ["order_update_10", "order_update_2", "order_update", "order_update_1", "alert_9"]
NATURAL = ["alert_9", "order_update", "order_update_1", "order_update_2", "order_update_10"]


def test_version_3_ledger_migrates_to_natural_order_keeping_everything(tmp_path: Path) -> None:
    db = tmp_path / "v3.db"
    _version_3_ledger(db, NAMES)
    con = sqlite3.connect(db)
    before = con.execute("SELECT * FROM events ORDER BY id").fetchall()
    con.close()
    with QueueStore(db, now=clock) as store:
        assert [r.name for r in store.list()] == NATURAL
        assert {r.state for r in store.list()} == {"submitted"}
        store.decide("order_update_2", "approved")  # the ledger takes writes after it
        store.add([Entry(name="order_update_3", body="b", content="c", language="en_US")])
        assert [r.name for r in store.list()][3:5] == ["order_update_2", "order_update_3"]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("SELECT * FROM events ORDER BY id").fetchall()[: len(before)] == before
    assert con.execute("SELECT count(*) FROM templates WHERE sort_key IS NULL").fetchone()[0] == 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_a_read_only_command_migrates_a_version_3_ledger_to_natural_order(tmp_path: Path) -> None:
    db = tmp_path / "v3.db"
    _version_3_ledger(db, NAMES)
    result = CliRunner().invoke(queue, ["--db", str(db), "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["name"] for r in json.loads(result.stdout)] == NATURAL


def test_a_failed_migration_to_natural_order_leaves_the_ledger_at_version_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "v3.db"
    _version_3_ledger(db, NAMES)
    seen = []

    def fails_midway(name: str) -> str:
        seen.append(name)
        if len(seen) == 3:
            raise RuntimeError("stopped")
        return name

    monkeypatch.setattr(schema, "natural_key", fails_midway)
    with pytest.raises(QueueError):
        QueueStore(db, now=clock)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    columns = [c[1] for c in con.execute("PRAGMA table_info(templates)")]
    assert "sort_key" not in columns
    con.close()
    monkeypatch.undo()
    with QueueStore(db, now=clock) as store:  # and migrates when nothing stops it
        assert [r.name for r in store.list()] == NATURAL


def test_a_template_inserted_by_hand_without_a_sort_key_gets_one(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    with QueueStore(db, now=clock) as store:
        store.add([Entry(name=n, body="b", content=n) for n in NAMES])
    con = sqlite3.connect(db)
    con.execute("UPDATE templates SET sort_key = NULL WHERE name = 'order_update_10'")
    con.commit()
    con.close()
    with QueueStore(db, now=clock) as store:
        assert [r.name for r in store.list()] == NATURAL


def test_a_read_only_command_upgrades_an_older_ledger_itself(tmp_path: Path) -> None:
    # `queue list` right after upgrading templint used to refuse and ask for a write first.
    db = tmp_path / "v2.db"
    _version_2_ledger(db)
    result = CliRunner().invoke(queue, ["--db", str(db), "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["name"], row["state"]) == ("a", "paused")
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    con.close()


def test_an_older_ledger_marked_read_only_is_left_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    _version_2_ledger(db)
    before = db.read_bytes()
    db.chmod(0o444)
    result = CliRunner().invoke(queue, ["--db", str(db), "stats"])
    assert result.exit_code != 0
    (line,) = result.stderr.strip().splitlines()
    assert str(db) in line and "schema version 2" in line and "read-only" in line
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


def _run(db: Path, *args: str, now: str = "2024-05-01T10:00:00Z") -> Any:
    env = {"TEMPLINT_NOW": now, "TEMPLINT_USER": "ops"}
    return CliRunner().invoke(queue, ["--db", str(db), *args], env=env)


def test_a_latest_event_deleted_by_hand_leaves_the_one_before_as_the_state(
    tmp_path: Path, template_file: Path
) -> None:
    # Someone undoes a wrong verdict with sqlite3. The template must not vanish from list and
    # stats, and show and decide must read the latest event left, not crash on the deleted one.
    db = tmp_path / "queue.db"
    assert _run(db, "add", "--submit", str(template_file)).exit_code == 0
    assert _run(db, "decide", "order", "approved", "--category", "marketing",
                now="2024-05-02T10:00:00Z").exit_code == 0  # fmt: skip
    con = sqlite3.connect(db)
    con.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    con.commit()
    con.close()
    now = "2024-05-03T10:00:00Z"
    listed = _run(db, "list", "--format", "json", now=now)
    assert listed.exit_code == 0, listed.output
    (row,) = json.loads(listed.stdout)
    assert (row["name"], row["state"], row["category"]) == ("order", "submitted", None)
    stats = json.loads(_run(db, "stats", "--format", "json", now=now).stdout)
    assert stats["templates"] == 1 and stats["states"]["submitted"] == 1
    shown = _run(db, "show", "order", now=now)
    assert shown.exit_code == 0, shown.output
    assert "state:     submitted since" in shown.stdout
    again = _run(db, "decide", "order", "rejected", "--reason", "TAG_CONTENT_MISMATCH", now=now)
    assert again.exit_code == 0, again.output
    assert "rejected order" in again.stdout


def test_a_template_whose_events_were_all_deleted_is_named_in_one_line(
    tmp_path: Path, template_file: Path
) -> None:
    db = tmp_path / "queue.db"
    assert _run(db, "add", "--submit", str(template_file)).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("DELETE FROM events")
    con.commit()
    con.close()
    for args in (["list"], ["stats"], ["show", "order"], ["submit", "order"]):
        res = _run(db, *args)
        assert res.exit_code == 2, (args, res.output)
        (line,) = res.stderr.strip().splitlines()
        assert "'order'" in line and "no events" in line and "Traceback" not in res.output


def test_backup_holds_the_writes_a_file_copy_misses(tmp_path: Path) -> None:
    # With another connection open, the latest writes sit in queue.db-wal: `cp queue.db`
    # lost the last submit. `queue backup` copies them, into one file any command opens.
    import shutil

    db = tmp_path / "queue.db"
    holder = QueueStore(db, now=clock)  # keeps the WAL from being checkpointed on close
    try:
        holder.add([Entry(name="first", body="Hi {{1}}, order shipped.", content="a")])
        with QueueStore(db, now=clock) as store:
            store.add([Entry(name="late", body="Hi {{1}}, order delivered.", content="b")])
            store.submit("late")
        shutil.copy(db, tmp_path / "cp.db")  # what a backup by cp holds
        with QueueStore(tmp_path / "cp.db", now=clock, readonly=True) as copied:
            assert "late" not in {r.name for r in copied.list()}
        env = {"TEMPLINT_DB": str(db), "TEMPLINT_NOW": "2024-05-01T10:00:00Z"}
        out = tmp_path / "copy.db"
        res = CliRunner().invoke(queue, ["backup", str(out)], env=env)
        assert res.exit_code == 0, res.output
        assert not Path(f"{out}-wal").exists()
        with QueueStore(out, now=clock, readonly=True) as copy:
            assert {r.name: r.state for r in copy.list()} == {
                "first": "draft",
                "late": "submitted",
            }
        again = CliRunner().invoke(queue, ["backup", str(out)], env=env)
        assert again.exit_code == 2 and "pass --force" in again.output
    finally:
        holder.close()


@pytest.mark.parametrize("side", ["", "-wal", "-journal"])
def test_a_ledger_that_is_a_symlink_is_refused_and_nothing_is_created(
    tmp_path: Path, template_file: Path, side: str
) -> None:
    # `.templint/queue.db -> ~/.ssh/authorized_keys` (dangling): `queue add` created a SQLite
    # file at the link's target
    target = tmp_path / "home" / "authorized_keys"
    target.parent.mkdir()
    db = tmp_path / ".templint" / "queue.db"
    db.parent.mkdir()
    os.symlink(target, f"{db}{side}")
    for args in (("add", str(template_file)), ("list",)):
        code, err = _invoke(db, *args)
        assert code == 2, args
        (line,) = err.strip().splitlines()
        assert f"{db}{side}: is a symlink" in line
    assert not target.exists() and not os.path.exists(os.path.realpath(db))


def test_queue_add_refuses_a_linked_file_outside_the_project_as_lint_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # lint refused a committed `welcome.txt -> ~/.git-credentials`; `queue add` read it and
    # kept its text in the ledger
    project = tmp_path / "repo"
    (project / ".git").mkdir(parents=True)
    secret = tmp_path / "credentials"
    secret.write_text("https://octocat:ghp_FAKE@github.com\n", encoding="utf-8")
    os.symlink(secret, project / "welcome.txt")
    monkeypatch.chdir(project)
    db = project / ".templint" / "queue.db"
    code, err = _invoke(db, "add", "welcome.txt")
    assert code == 2 and "welcome.txt: a symlink to a file outside the project" in err
    assert "ghp_FAKE" not in err and not db.exists()


def test_a_new_ledger_is_created_without_following_a_link(tmp_path: Path) -> None:
    # the O_EXCL | O_NOFOLLOW create: a link planted after the check is refused, not followed
    target = tmp_path / "authorized_keys"
    db = tmp_path / "queue.db"
    os.symlink(target, db)
    with pytest.raises(QueueError, match="symlink"):
        schema.create_file(db)
    assert not target.exists()
    fresh = tmp_path / "fresh.db"
    schema.create_file(fresh)
    assert fresh.is_file() and fresh.stat().st_size == 0


@pytest.mark.parametrize(
    "extra",
    [
        # a crafted ledger: its trigger hung `queue add` forever (F10)
        "CREATE TRIGGER evil_loop AFTER INSERT ON events BEGIN SELECT count(*) FROM "
        "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c); END",
        "CREATE VIEW extra AS SELECT 1",
        "CREATE TABLE notes (x)",
        # one of the queue's own, rewritten
        "DROP VIEW current; CREATE VIEW current AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
        "SELECT x+1 FROM c) SELECT x AS template_id FROM c",
    ],
)
def test_a_ledger_with_objects_the_queue_did_not_create_is_refused_untouched(
    tmp_path: Path, template_file: Path, extra: str
) -> None:
    db = tmp_path / "queue.db"
    assert _invoke(db, "add", str(template_file))[0] == 0
    con = sqlite3.connect(db)
    con.executescript(extra)
    con.execute("PRAGMA journal_mode = DELETE")  # one file: its digest is the whole ledger
    con.close()
    before = _digest(db)
    other = tmp_path / "other.txt"
    other.write_text("Your invoice {{1}} is ready.\n", encoding="utf-8")
    for args in (("add", str(other)), ("list",)):
        code, err = _invoke(db, *args)
        assert code == 2, args
        (line,) = err.strip().splitlines()
        assert "not a queue this templint made" in line
    assert _digest(db) == before
