"""The queue's SQLite schema, its version (``PRAGMA user_version``) and forward migrations.

A database is checked before anything is written to it: a file that is not SQLite, a SQLite
database that is not a templint queue, or one written by a newer templint is refused with a
one-line ``QueueError`` and left byte-for-byte as it was.

Times are INTEGER seconds since the Unix epoch, UTC.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from linter.queue.errors import QueueError

APPLICATION_ID = 0x54504C51  # "TPLQ": marks a SQLite file as a templint queue
SQLITE_MAGIC = b"SQLite format 3\x00"
STATES = ("draft", "submitted", "approved", "rejected", "paused", "disabled")

_V1 = f"""
CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    language    TEXT NOT NULL DEFAULT '',   -- '' when the file declares none
    created_at  INTEGER NOT NULL,
    UNIQUE (name, language)
);
CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    template_id   INTEGER NOT NULL REFERENCES templates(id),
    number        INTEGER NOT NULL,
    category      TEXT,                     -- as declared in the file; NULL for text files
    body          TEXT NOT NULL,
    content       TEXT NOT NULL,            -- the exact text file, or the JSON object (canonical)
    content_hash  TEXT NOT NULL,            -- sha256 of content
    source        TEXT,                     -- the file it was added from
    lint_verdict  TEXT NOT NULL CHECK (lint_verdict IN ('clean', 'info', 'warning', 'error')),
    errors        INTEGER NOT NULL DEFAULT 0,
    warnings      INTEGER NOT NULL DEFAULT 0,
    codes         TEXT NOT NULL DEFAULT '', -- distinct codes that fired, space-separated, sorted
    promo_score   REAL,                     -- from the classifier; NULL when none ran
    forced        INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    UNIQUE (template_id, number)
);
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,      -- order of events = order of ids
    template_id   INTEGER NOT NULL REFERENCES templates(id),
    revision_id   INTEGER NOT NULL REFERENCES revisions(id),
    from_state    TEXT,                     -- NULL when the template is created
    to_state      TEXT NOT NULL CHECK (to_state IN {STATES!r}),
    at            INTEGER NOT NULL,         -- when it happened (--at)
    recorded_at   INTEGER NOT NULL,         -- when templint recorded it
    by            TEXT NOT NULL,
    reason        TEXT,                     -- Meta's reason text for a verdict
    category      TEXT,                     -- the category Meta decided, when it said
    submitted_at  INTEGER                   -- on a verdict: the submission it answers
);
CREATE INDEX events_by_template ON events (template_id, id);
CREATE INDEX events_verdicts ON events (from_state, to_state);
CREATE INDEX revisions_by_template ON revisions (template_id, number);
-- The current state is the state of a template's latest event.
CREATE VIEW current AS
SELECT t.id AS template_id, t.name, t.language, e.id AS event_id, e.to_state AS state,
       e.at AS since, e.submitted_at, e.reason, e.revision_id
FROM templates t
JOIN events e ON e.id = (SELECT max(id) FROM events WHERE template_id = t.id);
"""

# v2: each template row carries its latest event's id, kept by a trigger, so reading the
# current state of 100,000 templates is one join instead of a max() subquery per template.
_V2 = """
ALTER TABLE templates ADD COLUMN head_event INTEGER REFERENCES events(id);
UPDATE templates SET head_event = (SELECT max(id) FROM events WHERE template_id = templates.id);
CREATE TRIGGER events_head AFTER INSERT ON events BEGIN
    UPDATE templates SET head_event = NEW.id
    WHERE id = NEW.template_id AND (head_event IS NULL OR head_event < NEW.id);
END;
DROP VIEW current;
CREATE VIEW current AS
SELECT t.id AS template_id, t.name, t.language, e.id AS event_id, e.to_state AS state,
       e.at AS since, e.submitted_at, e.reason, e.revision_id
FROM templates t
JOIN events e ON e.id = t.head_event;
"""


# v3: Meta may move an approved template to another category (its template_category_update
# webhook: a UTILITY reminder billed as MARKETING). Each move is kept, and each revision carries
# the category Meta gave it last (a verdict's, or a later move), so ``list`` needs no subquery.
_V3 = """
ALTER TABLE revisions ADD COLUMN meta_category TEXT;
UPDATE revisions SET meta_category = (
    SELECT category FROM events e
    WHERE e.revision_id = revisions.id AND e.category IS NOT NULL ORDER BY e.id DESC LIMIT 1);
CREATE TABLE recategorisations (
    id            INTEGER PRIMARY KEY,
    template_id   INTEGER NOT NULL REFERENCES templates(id),
    revision_id   INTEGER NOT NULL REFERENCES revisions(id),
    from_category TEXT,                     -- NULL when nothing was known before
    to_category   TEXT NOT NULL CHECK (to_category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION')),
    at            INTEGER NOT NULL,
    recorded_at   INTEGER NOT NULL,
    by            TEXT NOT NULL,
    reason        TEXT
);
CREATE INDEX recategorisations_by_template ON recategorisations (template_id, id);
"""


# v4: ``list`` and ``export`` put names in natural order (order_update_2 before
# order_update_10). Sorting 100,000 names by a Python key on every ``list`` costs more than the
# command's whole budget, so each template carries its key, written once, and an index in that
# order: ``list`` still reads the templates in order with no sort at all.
_V4 = """
ALTER TABLE templates ADD COLUMN sort_key TEXT;          -- natural_key(name)
UPDATE templates SET sort_key = templint_natural_key(name);
CREATE INDEX templates_in_order ON templates (sort_key, name, language);
"""

_DIGITS = re.compile(r"[0-9]+")  # ASCII digits only: Arabic-Indic ones sort as text


def _number(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    # its length first (three digits: Meta's names are at most 512 characters), so that a
    # longer number is a larger one; numbers of 999 digits and more compare as text
    return f"{min(len(digits), 999):03d}{digits}"


def natural_key(name: str) -> str:
    """``name`` with each run of digits written as its length and its value, so that keys
    compared as text (SQLite's BINARY) put names in natural order: ``a_2`` (``a_0012``) before
    ``a_10`` (``a_00210``). A run of digits starts with a digit in the key too, so a digit sorts
    against any other character as in the name. Names equal but for leading zeros (``a01``,
    ``a1``) have one key: ``list`` orders them by name after it."""
    return _DIGITS.sub(_number, name)


def register_functions(db: sqlite3.Connection) -> None:
    """What the migrations call from SQL (only they do: the ledger itself never needs it)."""
    db.create_function("templint_natural_key", 1, natural_key, deterministic=True)


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    # Not executescript(): it commits first, and a migration must be one transaction.
    def run(db: sqlite3.Connection) -> None:
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                db.execute(statement)
                statement = ""

    return run


def _v4(db: sqlite3.Connection) -> None:
    register_functions(db)
    _script(_V4)(db)


# MIGRATIONS[n] takes a database at version n to version n + 1, inside one transaction.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _v4,
]
SCHEMA_VERSION = len(MIGRATIONS)


MISSING, EMPTY, PRESENT = "missing", "empty", "present"
SIDE_FILES = ("-wal", "-shm", "-journal")  # what SQLite creates beside the ledger


def create_file(path: Path) -> None:
    """Create a new, empty ledger file: O_EXCL and O_NOFOLLOW, so a link (or a file) that
    appeared at ``path`` since it was checked is refused, never followed or truncated."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(path, flags, 0o644))
    except FileExistsError:
        check_file(path)  # another writer made it first (fine), or a link appeared (refused)
    except OSError as exc:
        raise QueueError(f"{path}: cannot create the queue: {exc.strerror or exc}") from None


def check_file(path: Path) -> str:
    """Refuse what cannot be a queue before SQLite touches it; else say what is there:
    ``MISSING``, ``EMPTY`` (0 bytes) or ``PRESENT`` (a SQLite file, checked further by
    ``inspect``)."""
    # A link is refused before anything follows it: `.templint/queue.db -> ~/.ssh/authorized_keys`
    # (dangling) made `queue add` create a SQLite file at the attacker's target.
    for name in (str(path), *(f"{path}{side}" for side in SIDE_FILES)):
        if os.path.islink(name):
            raise QueueError(
                f"{name}: is a symlink; templint does not open a queue ledger through a link "
                "(point TEMPLINT_DB at the file itself)"
            )
    try:
        if path.is_dir():
            raise QueueError(f"{path}: is a directory, not a queue database")
        if not path.exists():
            return MISSING
        if not path.is_file():  # /dev/null took a -journal beside it; a pipe hung the command
            raise QueueError(f"{path}: not a regular file (a device or a pipe), not a queue")
        with open(path, "rb") as fh:
            head = fh.read(100)
    except PermissionError as exc:
        raise QueueError(f"{path}: cannot be read: {exc.strerror}") from None
    except OSError as exc:
        raise QueueError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if not head:
        # 0 bytes: what SQLite leaves when it is stopped before its first write, or what
        # `touch` and `mktemp` make. To SQLite it is an empty database; nothing in it can be
        # lost. (A -wal beside it with content would hold the data: then it is a database.)
        wal = Path(f"{path}-wal")
        return PRESENT if wal.is_file() and wal.stat().st_size else EMPTY
    if not head.startswith(SQLITE_MAGIC):
        raise QueueError(f"{path}: not a templint queue (the file is not a SQLite database)")
    if len(head) < 100:
        raise QueueError(f"{path}: corrupt queue database (truncated header)")
    return PRESENT


def inspect(db: sqlite3.Connection, path: Path) -> int:
    """The schema version, after checking the database is a queue this templint can use."""
    try:
        # one snapshot: a writer migrating meanwhile cannot pair an old version with new objects
        db.execute("BEGIN")
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            objects = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
        finally:
            db.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise QueueError(f"{path}: corrupt queue database ({exc})") from None
    tables = len(objects)
    if app_id != APPLICATION_ID and (app_id or version or tables):
        raise QueueError(f"{path}: a SQLite database, but not a templint queue")
    if version > SCHEMA_VERSION:
        raise QueueError(
            f"{path}: queue schema version {version} is newer than this templint knows "
            f"({SCHEMA_VERSION}); upgrade templint"
        )
    if app_id == APPLICATION_ID:
        _check_objects(objects, version, path)
    return version


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


@functools.cache
def expected_objects(version: int) -> frozenset[tuple[str, str, str, str]]:
    """What the migrations up to ``version`` create: (type, name, table, SQL), the SQL with
    its blanks normalised (as read back from sqlite_schema)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        register_functions(db)
        for step in MIGRATIONS[:version]:
            step(db)
        rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    finally:
        db.close()
    return frozenset((t, n, tbl, _normal(sql)) for t, n, tbl, sql in rows)


def _check_objects(
    objects: list[tuple[str, str, str, str | None]], version: int, path: Path
) -> None:
    """Refuse a ledger holding a table, index, view or trigger the queue did not create, or
    one of its own rewritten: a crafted ledger's trigger on ``events`` (a recursive CTE)
    hung ``queue add`` forever; a view could do the same to ``list``. Nothing is written
    before this check, so the file is left as it was. ``sqlite_stat*`` (ANALYZE) is allowed."""
    expected = expected_objects(version)
    for t, n, tbl, sql in objects:
        if n.startswith("sqlite_stat") and t == "table":
            continue
        if (t, n, tbl, _normal(sql)) not in expected:
            raise QueueError(
                f"{path}: not a queue this templint made: it holds a {t} '{n}' the queue does "
                "not create (or one of its own changed); refusing to open it"
            )


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring the schema forward, one version per step; each step is all or nothing."""
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current != version:
                db.execute("ROLLBACK")
                version = current
                continue
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        version += 1


def writable_dir(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QueueError(
            f"{folder}: cannot create the queue folder: {exc.strerror or exc}"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QueueError(f"{path}: read-only location, cannot write the queue")
