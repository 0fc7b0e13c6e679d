"""The submission ledger: templates, their revisions, and every state change as an event.

One SQLite file, WAL mode, foreign keys on. Writers take the write lock up front
(``BEGIN IMMEDIATE``) and wait for it (busy timeout), so a check ("is it a draft?") and the
write that depends on it happen under the same lock: concurrent processes cannot both submit
the same draft. The current state of a template is the state of its latest event.

Re-adding a name (same language) — the revision rules:
* same content (same hash) → nothing changes;
* the template is a draft → the draft is updated in place (Meta never saw it);
* the template was rejected → a new revision, and the template goes back to draft;
* submitted, approved, paused or disabled → refused: Meta is reviewing or has accepted that
  content; wait for the verdict, or add the new text under a new name.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from linter.queue import schema
from linter.queue.errors import QueueError
from linter.queue.stats import QUOTA, HourlyRate, Stats, compute, hourly_rate
from linter.queue.timeutil import HOUR, Clock, show_time, system_clock, to_epoch
from linter.template import CATEGORIES

DB_ENV = "TEMPLINT_DB"
USER_ENV = "TEMPLINT_USER"
ROOT_MARKERS = ("pyproject.toml", "templint.toml", ".git")
EARLIEST = 24 * HOUR  # Meta: "up to 24 hours"
DUE = 72 * HOUR  # providers: up to 72 h for complex templates; later is overdue
VERDICTS = ("approved", "rejected", "paused", "disabled")
# Which state may follow which. Creation (→ draft) and a new revision after a rejection
# (rejected → draft) happen only through add().
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": VERDICTS,
    "approved": ("paused", "disabled"),  # Meta pauses or disables templates on quality
    "paused": ("approved", "disabled"),  # a pause ends, or becomes a disable
    "rejected": ("submitted",),  # resubmission (after an appeal or edits)
    "disabled": (),
}


def default_path(start: Path | None = None) -> Path:
    """``$TEMPLINT_DB``, else .templint/queue.db in the project root (nearest marker upward)."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return _state_folder(folder) / "queue.db"
    return _state_folder(here) / "queue.db"


def _state_folder(root: Path) -> Path:
    """``root/.templint``, refused when it is a link to a folder outside ``root``: a committed
    ``.templint -> ~/.ssh`` made ``queue add`` write its ledger (and SQLite's -wal and -shm)
    there, past the check of the ledger file itself, which is no link. A link that stays in
    the project (``.templint -> state/templint``) is the project's own choice."""
    folder = root / ".templint"
    if folder.is_symlink():
        target = folder.resolve()
        if not target.is_relative_to(root):
            raise QueueError(
                f"{folder}: a symlink to {target}, outside the project; templint does not keep "
                "its queue through a link out of the project (point TEMPLINT_DB or --db at the "
                "ledger you mean)"
            )
    return folder


def default_user() -> str:
    user = os.environ.get(USER_ENV)
    if user:
        return user
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True)
class Entry:
    """One linted template, ready to enter the queue."""

    name: str
    body: str
    content: str
    language: str = ""
    category: str | None = None
    source: str | None = None
    lint_verdict: str = "clean"  # the worst severity that fired, or clean
    errors: int = 0
    warnings: int = 0
    codes: tuple[str, ...] = ()
    promo_score: float | None = None
    forced: bool = False  # added with --force despite lint errors

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AddResult:
    name: str
    language: str
    action: str  # added | updated | revised | unchanged | resubmitted | refused | imported
    revision: int
    state: str
    message: str = ""


@dataclass(frozen=True)
class Event:
    id: int
    from_state: str | None
    to_state: str
    at: int
    recorded_at: int
    by: str
    revision: int
    reason: str | None = None
    category: str | None = None
    submitted_at: int | None = None


class Row(NamedTuple):
    """A template's current state, as ``list`` shows it: one row of ``_ROW_SQL``, which also
    works out the review window. A tuple: ``list`` builds 100,000 of them."""

    name: str
    language: str
    revision: int
    state: str
    since: int  # time of the latest event
    submitted_at: int | None  # the submission pending, or the one the verdict answered
    reason: str | None
    category: str | None
    lint_verdict: str
    promo_score: float | None
    codes: str
    now: int
    # since submission when pending (never below 0: see ``ahead``); how long the review took
    # otherwise
    waiting: int | None
    earliest: int | None  # pending: when a verdict may come (+24 h)
    due: int | None  # pending: when it is overdue (+72 h)
    overdue: int  # 0 or 1
    # 0 or 1: the latest event's time is after now. A clock that was ahead recorded it (a
    # teammate's, a machine syncing Meta's webhooks); a pending wait counts from now, 0.
    ahead: int

    @property
    def pending(self) -> bool:
        return self.state == "submitted"


# The current state of each template, and the review window worked out in SQL (C, not a
# Python call per row per property). Row's fields, in order; :now, :earliest, :due bound.
ROW_BASE = (
    "SELECT t.id AS id, t.sort_key AS sort_key, t.name AS name, t.language AS language, "
    "r.number AS revision, "
    "e.to_state AS state, e.at AS since, "
    "CASE WHEN e.to_state = 'submitted' THEN e.at ELSE e.submitted_at END AS submitted_at, "
    "e.reason AS reason, coalesce(r.meta_category, r.category) AS category, "
    "r.lint_verdict AS lint_verdict, r.promo_score AS promo_score, r.codes AS codes "
    "FROM templates t "
    "JOIN events e ON e.id = t.head_event "
    "JOIN revisions r ON r.id = e.revision_id"
)
ROW_COLUMNS: dict[str, str] = {
    **{name: name for name in Row._fields[:11]},
    "now": ":now",
    "waiting": "CASE WHEN submitted_at IS NULL THEN NULL "
    "WHEN state = 'submitted' THEN max(:now - submitted_at, 0) ELSE since - submitted_at END",
    "earliest": "CASE WHEN state = 'submitted' AND submitted_at THEN submitted_at + :earliest END",
    "due": "CASE WHEN state = 'submitted' AND submitted_at THEN submitted_at + :due END",
    "overdue": "coalesce(state = 'submitted' AND :now > submitted_at + :due, 0)",
    "ahead": "since > :now",
}


@dataclass
class Recategorisation:
    """Meta moved a reviewed template to another category (its template_category_update)."""

    revision: int
    from_category: str | None
    to_category: str
    at: int
    recorded_at: int
    by: str
    reason: str | None = None


@dataclass
class Detail:
    row: Row
    revisions: list[dict[str, Any]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    recategorisations: list[Recategorisation] = field(default_factory=list)


def _category(category: str) -> str:
    """Meta's spelling of a category, or a QueueError naming the three."""
    category = category.upper()
    if category not in CATEGORIES:
        raise QueueError(f"unknown category '{category}': use {', '.join(CATEGORIES)}")
    return category


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path.resolve()))}?{query}"


def _is_readonly_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _stray_heads(db: sqlite3.Connection) -> list[tuple[int, str, str, int | None]]:
    """Templates whose ``head_event`` is not one of their events: (id, name, language, id of
    their latest remaining event or None)."""
    return db.execute(
        "SELECT t.id, t.name, t.language, "
        "(SELECT max(id) FROM events WHERE template_id = t.id) FROM templates t "
        "LEFT JOIN events e ON e.id = t.head_event "
        "WHERE e.id IS NULL OR e.template_id != t.id"
    ).fetchall()


def _fill_sort_keys(db: sqlite3.Connection) -> None:
    """Give its natural-order key to a template inserted by hand (sqlite3) without one; until a
    command that writes has done so it is listed first. One index lookup when there is none."""
    if db.execute("SELECT 1 FROM templates WHERE sort_key IS NULL LIMIT 1").fetchone() is None:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        rows = db.execute("SELECT id, name FROM templates WHERE sort_key IS NULL").fetchall()
        db.executemany(
            "UPDATE templates SET sort_key = ? WHERE id = ?",
            [(schema.natural_key(name), tid) for tid, name in rows],
        )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


class QueueStore:
    """Open with ``QueueStore(path)``; ``readonly=True`` for commands that only read.

    ``now`` is the clock (an aware datetime); tests pass a fixed one.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        now: Clock | None = None,
        readonly: bool = False,
        missing_ok: bool = False,
        busy_timeout: float = 30.0,
    ) -> None:
        self.path = Path(path)
        self.clock = now or system_clock
        self.readonly = readonly
        found = schema.check_file(self.path)
        #: The ledger is an empty (0-byte) file: a reader reads it as an empty queue and leaves
        #: it as it is; a writer starts the queue in it.
        self.empty = found == schema.EMPTY
        exists = found != schema.MISSING
        #: True when a reader asked for a ledger that is not there (or an empty file) and got
        #: an empty one.
        self.missing = readonly and found != schema.PRESENT
        if self.missing:
            if not missing_ok:
                what = "empty file, no queue in it yet" if self.empty else "no queue here yet"
                raise QueueError(f"{self.path}: {what} (add a template with `templint queue add`)")
            # Reading an empty ledger must not create the file: an in-memory one answers.
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            schema.migrate(self.db, 0)
            return
        if not readonly:
            schema.writable_dir(self.path)
            if not exists:
                schema.create_file(self.path)
            if exists and not os.access(self.path, os.W_OK):
                raise QueueError(f"{self.path}: read-only file, cannot write the queue")
        self.db = self._connect(busy_timeout)

    def _connect(self, busy_timeout: float) -> sqlite3.Connection:
        path = self.path
        try:
            if self.readonly:
                db = self._open_readonly(busy_timeout)
            else:
                db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise QueueError(f"{path}: cannot open the queue: {exc}") from None
        try:
            version = schema.inspect(db, path)
            if not self.readonly:
                # After inspect(): switching a foreign file to WAL would rewrite its header.
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
                schema.migrate(db, version)
                self._repair_heads(db)
                _fill_sort_keys(db)
            elif version < schema.SCHEMA_VERSION or _stray_heads(db):
                db.close()
                # A reader should not send the user off to write first: upgrading is one
                # transaction per step, so doing it here loses nothing if it is interrupted.
                self._upgrade(version, busy_timeout)
                db = self._open_readonly(busy_timeout)
            db.execute("PRAGMA foreign_keys = ON")
        except QueueError:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise self._error(exc) from None
        return db

    def _upgrade(self, version: int, busy_timeout: float) -> None:
        """Migrate an older ledger (or repair its heads) for a read-only command, or say why
        it cannot be."""
        if version < schema.SCHEMA_VERSION:
            cannot = QueueError(
                f"{self.path}: queue schema version {version} is older than this templint's "
                f"({schema.SCHEMA_VERSION}) and cannot be upgraded here (read-only); run any "
                "queue command once where the file can be written"
            )
        else:
            cannot = QueueError(
                f"{self.path}: events were deleted by hand and the ledger cannot re-read its "
                "latest ones here (read-only); run any queue command once where the file can "
                "be written"
            )
        # The write bits, not os.access(): root passes access() on a file marked read-only.
        if not self.path.stat().st_mode & 0o222 or not os.access(self.path.parent, os.W_OK):
            raise cannot
        try:
            db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            schema.migrate(db, version)
            self._repair_heads(db)
            _fill_sort_keys(db)
        except sqlite3.Error as exc:
            raise (cannot if _is_readonly_error(exc) else self._error(exc)) from None
        finally:
            db.close()

    def _repair_heads(self, db: sqlite3.Connection) -> None:
        """Point each template whose latest event was deleted by hand (sqlite3, to undo a wrong
        verdict) at its latest remaining one. The trigger keeps ``head_event`` only on insert;
        a dangling one made the template vanish from list and stats and crash show."""
        if not _stray_heads(db):
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            stray = _stray_heads(db)  # again, under the lock
            for tid, name, language, latest in stray:
                if latest is None:
                    lang = f" [{language}]" if language else ""
                    raise QueueError(
                        f"{self.path}: '{name}'{lang} has no events left (deleted by hand?): "
                        "restore the queue from a backup, or delete its rows from templates, "
                        f"revisions and recategorisations (template_id {tid})"
                    )
                db.execute("UPDATE templates SET head_event = ? WHERE id = ?", (latest, tid))
                # a deleted verdict may have been the one that gave a revision its category
                for (rid,) in db.execute(
                    "SELECT id FROM revisions WHERE template_id = ?", (tid,)
                ).fetchall():
                    db.execute(
                        "UPDATE revisions SET meta_category = (SELECT category FROM ("
                        "SELECT at, 0 AS kind, id, category FROM events "
                        "WHERE revision_id = :rid AND category IS NOT NULL UNION ALL "
                        "SELECT at, 1, id, to_category FROM recategorisations "
                        "WHERE revision_id = :rid) ORDER BY at DESC, kind DESC, id DESC LIMIT 1) "
                        "WHERE id = :rid",
                        {"rid": rid},
                    )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _open_readonly(self, busy_timeout: float) -> sqlite3.Connection:
        db = sqlite3.connect(
            _uri(self.path, mode="ro"), uri=True, timeout=busy_timeout, isolation_level=None
        )
        try:
            db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            # In a read-only folder SQLite cannot create the WAL index. With no unfinished WAL
            # (every writer closed cleanly) the file alone is the whole queue: read it as is.
            wal = Path(f"{self.path}-wal")
            if not _is_readonly_error(exc) or (wal.exists() and wal.stat().st_size > 0):
                raise
        return sqlite3.connect(
            _uri(self.path, mode="ro", immutable="1"),
            uri=True,
            timeout=busy_timeout,
            isolation_level=None,
        )

    def _error(self, exc: sqlite3.Error) -> QueueError:
        text = str(exc)
        if _is_readonly_error(exc):
            return QueueError(f"{self.path}: read-only location, cannot write the queue ({text})")
        if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
            return QueueError(f"{self.path}: the queue is busy (locked by another process)")
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
            return QueueError(f"{self.path}: corrupt queue database ({text})")
        return QueueError(f"{self.path}: {text}")

    def backup(self, dest: Path) -> int:
        """A consistent copy of the ledger at ``dest`` (SQLite's online backup: writes still
        in the write-ahead log are included, which copying the file with cp can miss). Written
        beside ``dest`` first and renamed, so a failed backup leaves no half file. Returns the
        number of templates copied."""
        import tempfile

        folder = dest.parent if str(dest.parent) else Path(".")
        try:
            fd, tmp = tempfile.mkstemp(prefix=".templint-backup-", dir=folder)
        except OSError as exc:
            raise QueueError(f"{dest}: cannot write: {exc.strerror or exc}") from None
        os.close(fd)
        try:
            target = sqlite3.connect(tmp)
            try:
                self.db.backup(target)
                # A copy that needs no -wal file beside it: one file is the whole ledger.
                target.execute("PRAGMA journal_mode = DELETE")
                count = target.execute("SELECT count(*) FROM templates").fetchone()[0]
            finally:
                target.close()
            os.replace(tmp, dest)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        except OSError as exc:
            raise QueueError(f"{dest}: cannot write: {exc.strerror or exc}") from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return int(count)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> QueueStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> int:
        return to_epoch(self.clock())

    # ---- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise QueueError(f"{self.path}: opened read-only")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from None
            raise

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # ---- lookups --------------------------------------------------------------------------

    def _find(self, name: str, language: str | None) -> tuple[int, str]:
        from linter.queue.sync import meta_language

        rows = self.db.execute(
            "SELECT id, language FROM templates WHERE name = ? ORDER BY language", (name,)
        ).fetchall()
        if language is not None:
            # either spelling, as sync reads Meta's: -l pt-br, -l EN_us
            wanted = meta_language(language)
            rows = [r for r in rows if meta_language(r[1]) == wanted]
        if not rows:
            where = f" in language {language}" if language else ""
            raise QueueError(f"no template named '{name}'{where} in the queue")
        if len(rows) > 1:
            langs = ", ".join(r[1] or "(none)" for r in rows)
            raise QueueError(f"'{name}' exists in several languages ({langs}): pass --language")
        return rows[0][0], rows[0][1]

    def _head(self, template_id: int) -> tuple[int, str, int, int, int]:
        """(event id, state, at, revision id, revision number) of the latest event."""
        return self.db.execute(
            "SELECT e.id, e.to_state, e.at, e.revision_id, r.number FROM templates t "
            "JOIN events e ON e.id = t.head_event JOIN revisions r ON r.id = e.revision_id "
            "WHERE t.id = ?",
            (template_id,),
        ).fetchone()

    def _event(
        self,
        template_id: int,
        revision_id: int,
        from_state: str | None,
        to_state: str,
        at: int,
        by: str,
        reason: str | None = None,
        category: str | None = None,
        submitted_at: int | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO events (template_id, revision_id, from_state, to_state, at, "
            "recorded_at, by, reason, category, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                template_id,
                revision_id,
                from_state,
                to_state,
                at,
                self.now(),
                by,
                reason,
                category,
                submitted_at,
            ),
        )
        if category is not None:  # the category Meta gave this revision last
            self.db.execute(
                "UPDATE revisions SET meta_category = ? WHERE id = ?", (category, revision_id)
            )

    def _when(self, at: int | None, previous: int | None, name: str) -> int:
        now = self.now()
        when = now if at is None else at
        if when > now:
            raise QueueError(f"'{name}': {show_time(when, True)} is in the future")
        if previous is not None and when < previous:
            raise QueueError(
                f"'{name}': {show_time(when, True)} is before its last recorded event "
                f"({show_time(previous, True)}); events must be recorded in order"
            )
        return when

    # ---- writes ---------------------------------------------------------------------------

    def add(
        self,
        entries: list[Entry],
        *,
        by: str | None = None,
        submit: bool = False,
        at: int | None = None,
    ) -> list[AddResult]:
        """Add or revise templates in one transaction; ``submit`` submits them too."""
        by = by or default_user()
        results = []
        with self._write():
            for entry in entries:
                result = self._add_one(entry, by, at if submit else None)
                if submit and result.action != "refused" and result.state in ("draft", "rejected"):
                    tid, _ = self._find(entry.name, result.language)
                    self._transition(tid, entry.name, "submitted", at, by)
                    # the text Meta rejected, sent again as it was: say so, not "unchanged"
                    again = result.action == "unchanged" and result.state == "rejected"
                    result = AddResult(
                        result.name,
                        result.language,
                        "resubmitted" if again else result.action,
                        result.revision,
                        "submitted",
                    )
                results.append(result)
        return results

    def _add_one(self, e: Entry, by: str, at: int | None = None) -> AddResult:
        """``at``: a submission time to come; the draft must exist by then."""
        now = self.now()
        db = self.db
        row = db.execute(
            "SELECT id, language FROM templates WHERE name = ? AND language = ?",
            (e.name, e.language),
        ).fetchone()
        by_name = False
        if row is None and not e.language:
            # A file that declares no language (a text file) is the name's only template, as
            # sync matches one: after sync --add-missing entered Meta's `a` [en_US], adding
            # a.txt made a second `a` with no language.
            named = db.execute(
                "SELECT id, language FROM templates WHERE name = ? ORDER BY language", (e.name,)
            ).fetchall()
            if len(named) > 1:
                langs = ", ".join(lang or "(none)" for _, lang in named)
                return AddResult(
                    e.name,
                    "",
                    "refused",
                    0,
                    "",
                    f"{e.name} exists in several languages ({langs}): give the file one "
                    "(a JSON template with a language) to say which",
                )
            row, by_name = (named[0], True) if named else (None, False)
        values = (
            e.category,
            e.body,
            e.content,
            e.content_hash,
            e.source,
            e.lint_verdict,
            e.errors,
            e.warnings,
            " ".join(e.codes),
            e.promo_score,
            int(e.forced),
        )
        if row is None:
            tid = db.execute(
                "INSERT INTO templates (name, language, created_at, sort_key) VALUES (?, ?, ?, ?)",
                (e.name, e.language, now, schema.natural_key(e.name)),
            ).lastrowid
            rid = self._insert_revision(tid, 1, values, now, by)
            self._event(tid, rid, None, "draft", self._when(at, None, e.name), by)
            return AddResult(e.name, e.language, "added", 1, "draft")
        tid, language = row
        e = replace(e, language=language)
        _, state, at_prev, rid, number = self._head(tid)
        old_hash, old_body = db.execute(
            "SELECT content_hash, body FROM revisions WHERE id = ?", (rid,)
        ).fetchone()
        # a text file is only a body: the same body as Meta's template is the same template
        if old_hash == e.content_hash or (by_name and old_body == e.body):
            return AddResult(e.name, e.language, "unchanged", number, state)
        if state == "draft":
            db.execute(
                "UPDATE revisions SET category=?, body=?, content=?, content_hash=?, source=?, "
                "lint_verdict=?, errors=?, warnings=?, codes=?, promo_score=?, forced=?, "
                "updated_at=? WHERE id=?",
                (*values, now, rid),
            )
            return AddResult(e.name, e.language, "updated", number, "draft")
        if state == "rejected":
            when = self._when(at, at_prev, e.name)
            new_rid = self._insert_revision(tid, number + 1, values, now, by)
            self._event(tid, new_rid, "rejected", "draft", when, by)
            return AddResult(e.name, e.language, "revised", number + 1, "draft")
        why = {
            "submitted": "it is waiting for Meta's verdict; record the verdict first",
            "approved": "Meta approved that content; add the new text under a new name",
            "paused": "Meta approved that content; add the new text under a new name",
            "disabled": "it is disabled; add the new text under a new name",
        }[state]
        return AddResult(
            e.name,
            e.language,
            "refused",
            number,
            state,
            f"'{e.name}' changed but is {state} (revision {number}): {why}",
        )

    def _insert_revision(
        self, tid: int, number: int, values: tuple[Any, ...], now: int, by: str
    ) -> int:
        return self.db.execute(
            "INSERT INTO revisions (template_id, number, category, body, content, content_hash, "
            "source, lint_verdict, errors, warnings, codes, promo_score, forced, created_at, "
            "updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (tid, number, *values, now, now, by),
        ).lastrowid

    def import_reviewed(
        self,
        entry: Entry,
        state: str,
        *,
        category: str | None = None,
        reason: str | None = None,
        by: str | None = None,
    ) -> AddResult:
        """Enter a template Meta reviewed before the ledger knew it (``queue sync
        --add-missing``), in its state now. Its review is not one the ledger saw: the event
        carries no submission, so it counts toward the states and the quota but not in review
        times, approval rates or the hourly submission count."""
        if state not in VERDICTS:
            raise QueueError(f"'{entry.name}': only a reviewed template can be imported")
        category = None if category is None else _category(category)
        by = by or default_user()
        with self._write():
            result = self._add_one(entry, by)
            if result.action != "added":
                raise QueueError(f"'{entry.name}' is already in the queue")
            tid, _ = self._find(entry.name, entry.language)
            _, _, at, rid, number = self._head(tid)
            why = reason or "imported: reviewed by Meta before the ledger knew it"
            self._event(tid, rid, "draft", state, at, by, why, category)
            return AddResult(entry.name, entry.language, "imported", number, state)

    def submit(
        self,
        name: str,
        *,
        language: str | None = None,
        at: int | None = None,
        by: str | None = None,
    ) -> Event:
        return self.transition(name, "submitted", language=language, at=at, by=by)

    def decide(
        self,
        name: str,
        verdict: str,
        *,
        language: str | None = None,
        reason: str | None = None,
        category: str | None = None,
        at: int | None = None,
        by: str | None = None,
    ) -> Event:
        if verdict not in VERDICTS:
            raise QueueError(f"unknown verdict '{verdict}': use one of {', '.join(VERDICTS)}")
        return self.transition(
            name, verdict, language=language, reason=reason, category=category, at=at, by=by
        )

    def transition(
        self,
        name: str,
        to_state: str,
        *,
        language: str | None = None,
        reason: str | None = None,
        category: str | None = None,
        at: int | None = None,
        by: str | None = None,
    ) -> Event:
        category = None if category is None else _category(category)
        by = by or default_user()
        with self._write():
            tid, _ = self._find(name, language)
            self._transition(tid, name, to_state, at, by, reason, category)
            return self._events(tid)[-1]

    def recategorise(
        self,
        name: str,
        category: str,
        *,
        language: str | None = None,
        reason: str | None = None,
        at: int | None = None,
        by: str | None = None,
    ) -> Recategorisation:
        """Record that Meta moved NAME's reviewed revision to ``category``; its state stays."""
        category = _category(category)
        by = by or default_user()
        with self._write():
            tid, _ = self._find(name, language)
            _, state, prev_at, rid, number = self._head(tid)
            if state not in ("approved", "paused", "disabled"):
                raise QueueError(
                    f"'{name}' is {state}: only a reviewed template (approved, paused or "
                    "disabled) can be re-categorised; give a verdict's category with "
                    "decide --category"
                )
            before = self.db.execute(
                "SELECT coalesce(meta_category, category) FROM revisions WHERE id = ?", (rid,)
            ).fetchone()[0]
            if before == category:
                raise QueueError(f"'{name}' is already {category}")
            last = self.db.execute(
                "SELECT max(at) FROM recategorisations WHERE template_id = ?", (tid,)
            ).fetchone()[0]
            when = self._when(at, max(prev_at, last or prev_at), name)
            move = Recategorisation(number, before, category, when, self.now(), by, reason)
            self.db.execute(
                "INSERT INTO recategorisations (template_id, revision_id, from_category, "
                "to_category, at, recorded_at, by, reason) VALUES (?,?,?,?,?,?,?,?)",
                (tid, rid, before, category, when, move.recorded_at, by, reason),
            )
            self.db.execute("UPDATE revisions SET meta_category = ? WHERE id = ?", (category, rid))
            return move

    def _transition(
        self,
        tid: int,
        name: str,
        to_state: str,
        at: int | None,
        by: str,
        reason: str | None = None,
        category: str | None = None,
    ) -> None:
        _, state, prev_at, rid, _ = self._head(tid)
        allowed = TRANSITIONS[state]
        if to_state not in allowed:
            if to_state == state:
                why = f"it is already {state}"
            elif state == "draft":
                why = "it is a draft: submit it first"
            elif state == "disabled":
                why = "disabled is final"
            else:
                why = f"from {state} it can only become {' or '.join(allowed)}"
            raise QueueError(f"'{name}' is {state}: cannot mark it {to_state} ({why})")
        when = self._when(at, prev_at, name)
        submitted_at = prev_at if state == "submitted" else None
        self._event(tid, rid, state, to_state, when, by, reason, category, submitted_at)

    # ---- reads ----------------------------------------------------------------------------

    def _rows_sql(self, columns: Sequence[str], where: str = "") -> str:
        select = ", ".join(ROW_COLUMNS[c] for c in columns)
        # natural order (order_update_2 before order_update_10): the templates_in_order index
        return f"SELECT {select} FROM ({ROW_BASE}{where}) ORDER BY sort_key, name, language"

    def _row_params(self) -> dict[str, int]:
        return {"now": self.now(), "earliest": EARLIEST, "due": DUE}

    def list(self, state: str | None = None, overdue: bool = False) -> list[Row]:
        # tuple.__new__ straight from the cursor: no Python call per row (100,000 rows).
        return list(map(tuple.__new__, repeat(Row), self.columns(Row._fields, state, overdue)))

    def columns(
        self, columns: Sequence[str], state: str | None = None, overdue: bool = False
    ) -> sqlite3.Cursor:
        """Some of ``Row``'s fields, for each template in name order: less to convert than whole
        rows when a table shows only these."""
        where, params = [], self._row_params()
        if state is not None:
            if state not in schema.STATES:
                raise QueueError(f"unknown state '{state}': use one of {', '.join(schema.STATES)}")
            where.append("e.to_state = :state")
            params["state"] = state
        if overdue:
            where.append("e.to_state = 'submitted' AND e.at < :cutoff")
            params["cutoff"] = params["now"] - DUE
        sql = self._rows_sql(columns, " WHERE " + " AND ".join(where) if where else "")
        try:
            return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def show(self, name: str, language: str | None = None) -> Detail:
        try:
            tid, _ = self._find(name, language)
            row = self.db.execute(
                self._rows_sql(Row._fields, " WHERE t.id = :tid"),
                {**self._row_params(), "tid": tid},
            ).fetchone()
            revisions = [
                dict(
                    zip(
                        (
                            "revision",
                            "category",
                            "body",
                            "content",
                            "content_hash",
                            "source",
                            "lint_verdict",
                            "errors",
                            "warnings",
                            "codes",
                            "promo_score",
                            "forced",
                            "created_at",
                            "updated_at",
                            "created_by",
                        ),
                        r,
                        strict=True,
                    )
                )
                for r in self.db.execute(
                    "SELECT number, category, body, content, content_hash, source, lint_verdict, "
                    "errors, warnings, codes, promo_score, forced, created_at, updated_at, "
                    "created_by FROM revisions WHERE template_id = ? ORDER BY number",
                    (tid,),
                )
            ]
            events = self._events(tid)
            moves = [
                Recategorisation(*m)
                for m in self.db.execute(
                    "SELECT r.number, m.from_category, m.to_category, m.at, m.recorded_at, m.by, "
                    "m.reason FROM recategorisations m JOIN revisions r ON r.id = m.revision_id "
                    "WHERE m.template_id = ? ORDER BY m.id",
                    (tid,),
                )
            ]
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return Detail(Row(*row), revisions, events, moves)

    def history(
        self, name: str, language: str
    ) -> tuple[list[tuple[int, str]], list[tuple[int, str]], str | None]:
        """What ``sync`` compares Meta's updates with: every state change of NAME (time, state),
        in the order recorded; the categories Meta gave its current revision (a verdict's or a
        move, (time, category), in time order); and the category the revision declared."""
        try:
            tid, _ = self._find(name, language)
            states = self.db.execute(
                "SELECT at, to_state FROM events WHERE template_id = ? ORDER BY id", (tid,)
            ).fetchall()
            _, _, _, rid, _ = self._head(tid)
            categories = self.db.execute(
                "SELECT at, category FROM ("
                "SELECT at, 0 AS kind, id, category FROM events "
                "WHERE revision_id = :rid AND category IS NOT NULL UNION ALL "
                "SELECT at, 1, id, to_category FROM recategorisations WHERE revision_id = :rid"
                ") ORDER BY at, kind, id",
                {"rid": rid},
            ).fetchall()
            declared = self.db.execute(
                "SELECT category FROM revisions WHERE id = ?", (rid,)
            ).fetchone()[0]
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return states, categories, declared

    def _events(self, tid: int) -> list[Event]:
        return [
            Event(*r)
            for r in self.db.execute(
                "SELECT e.id, e.from_state, e.to_state, e.at, e.recorded_at, e.by, r.number, "
                "e.reason, e.category, e.submitted_at FROM events e "
                "JOIN revisions r ON r.id = e.revision_id WHERE e.template_id = ? ORDER BY e.id",
                (tid,),
            )
        ]

    def export_rows(self, default_category: str = "UTILITY") -> Iterator[dict[str, Any]]:
        """One row per revision: its text, label and the last state that revision reached.

        ``label`` is the category Meta gave last (a verdict's, or a later re-categorisation),
        else the declared category,
        else ``default_category`` (what the linter assumed), in lower case as in templint's
        labelled data.
        """
        sql = """
        SELECT t.name, t.language, r.number, r.body, r.category, r.lint_verdict, r.promo_score,
               r.codes, last.to_state, last.reason, r.meta_category,
               (SELECT max(at) FROM events WHERE revision_id = r.id AND to_state = 'submitted'),
               CASE WHEN last.to_state IN ('approved', 'rejected', 'paused', 'disabled')
                    THEN last.at END
        FROM revisions r
        JOIN templates t ON t.id = r.template_id
        JOIN events last ON last.id = (SELECT max(id) FROM events WHERE revision_id = r.id)
        ORDER BY t.sort_key, t.name, t.language, r.number
        """
        try:
            cursor = self.db.execute(sql)
            for row in cursor:
                item = dict(
                    zip(
                        (
                            "name",
                            "language",
                            "revision",
                            "text",
                            "declared_category",
                            "lint_verdict",
                            "promo_score",
                            "codes",
                            "outcome",
                            "reason",
                            "decided_category",
                            "submitted_at",
                            "decided_at",
                        ),
                        row,
                        strict=True,
                    )
                )
                label = item["decided_category"] or item["declared_category"] or default_category
                yield {"text": item.pop("text"), "label": label.lower(), **item}
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def stats(self, quota: int | None = None) -> Stats:
        try:
            return compute(self.db, QUOTA if quota is None else quota, now=self.now())
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def hourly_rate(self, at: int | None = None) -> HourlyRate:
        """Submissions in the hour up to ``at`` (default now), against Meta's creation limit."""
        try:
            return hourly_rate(self.db, self.now() if at is None else at)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def integrity_check(self) -> str:
        return self._read("PRAGMA integrity_check")[0][0]
