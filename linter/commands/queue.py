"""``templint queue …`` (the submission ledger) and ``templint window`` (the 24 h session rule).

Every user-facing problem is a ``QueueError``: one line on stderr, exit 2, never a traceback.
Times: ``--at``/``--now`` take ISO 8601 with an offset; ``TEMPLINT_NOW`` fixes "now" for the
whole run (tests, reproducible reports); display is local time unless ``--utc``.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import click

from linter.output.safe import safe
from linter.queue.errors import QueueError
from linter.queue.stats import HourlyRate
from linter.queue.timeutil import (
    HOUR,
    clock_from_env,
    iso_utc,
    parse_time,
    show_duration,
    show_time,
)

F = TypeVar("F", bound=Callable[..., Any])
DB_KEY = "templint.queue.db"
STATE_CHOICES = ("draft", "submitted", "approved", "rejected", "paused", "disabled")
VERDICT_CHOICES = ("approved", "rejected", "paused", "disabled")
CATEGORY_CHOICE = click.Choice(("MARKETING", "UTILITY", "AUTHENTICATION"), case_sensitive=False)
SESSION_WINDOW = 24 * HOUR


class QueueCommandError(click.ClickException):
    """One line on stderr, exit 2, with the prefix every other templint error has."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"templint: {safe(self.format_message())}", err=True)


def _errors(func: F) -> F:
    """Turn the queue's and the config's errors into one line on stderr and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from linter.config import ConfigError

        try:
            return func(*args, **kwargs)
        except (QueueError, ConfigError) as exc:
            raise QueueCommandError(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def _db_option(func: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Queue database (default: $TEMPLINT_DB, else .templint/queue.db in the project root).",
    )(func)


def _at_option(func: F) -> F:
    return click.option(
        "--at", "at", default=None, metavar="TIME", help="When it happened (ISO 8601 with offset)."
    )(func)


def _by_option(func: F) -> F:
    return click.option(
        "--by", default=None, help="Who did it (default: $TEMPLINT_USER, else the OS user)."
    )(func)


def _language_option(func: F) -> F:
    return click.option(
        "-l", "--language", default=None, help="The template's language, when NAME has several."
    )(func)


def _utc_option(func: F) -> F:
    return click.option("--utc", is_flag=True, help="Show times in UTC instead of local time.")(
        func
    )


def _db_path(db: Path | None) -> Path:
    from linter.queue.store import default_path

    return Path(db or click.get_current_context().meta.get(DB_KEY) or default_path())


@contextlib.contextmanager
def _open(db: Path | None, readonly: bool = False) -> Iterator[Any]:
    """The ledger, for a command that writes (or shows one template)."""
    from linter.queue.store import QueueStore

    with QueueStore(_db_path(db), now=clock_from_env(), readonly=readonly) as store:
        yield store
    if store.empty and not readonly:
        # To SQLite an empty file is an empty database; say it is one now (`--db notes.csv`)
        click.echo(f"templint: {store.path}: was an empty file; the queue is in it now", err=True)


def _read(db: Path | None, note: bool = True) -> Any:
    """The ledger for a command that reports on all of it: a missing one reads as empty.

    A report on a queue nobody has written to yet is an empty report (cron's first run, a
    new teammate), not a failure; the note on stderr names the path in case it is a typo.
    """
    from linter.queue.store import QueueStore

    store = QueueStore(_db_path(db), now=clock_from_env(), readonly=True, missing_ok=True)
    if store.missing and note:
        what = "empty file, no queue in it yet" if store.empty else "no queue here yet"
        click.echo(
            f"templint: {store.path}: {what}; nothing recorded "
            "(add a template with `templint queue add`)",
            err=True,
        )
    return store


def _time(value: str | None, what: str) -> int | None:
    return None if value is None else parse_time(value, what)


def _window_text(row: Any, utc: bool) -> str:
    if not row.pending:
        return ""
    return f"verdict expected from {show_time(row.earliest, utc)}, due {show_time(row.due, utc)}"


@click.group(name="queue")
@_db_option
@click.pass_context
def queue(ctx: click.Context, db: Path | None) -> None:
    """Track templates submitted to Meta: pending, overdue, approved, rejected and why.

    The ledger is a SQLite file, by default .templint/queue.db in the project root (override
    with --db or $TEMPLINT_DB). States: draft → submitted → approved | rejected | paused |
    disabled; a rejected template can be revised (re-add it) and submitted again.
    """
    if db is not None:
        ctx.meta[DB_KEY] = db


@queue.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--force", is_flag=True, help="Add templates even when the linter finds errors.")
@click.option("--submit", "submit_now", is_flag=True, help="Also mark them submitted.")
@click.option("--fix", "apply_fix", is_flag=True, help="Write lint's safe fixes into FILES first.")
@_at_option
@_by_option
@_db_option
@_errors
def add(
    files: tuple[str, ...],
    force: bool,
    submit_now: bool,
    apply_fix: bool,
    at: str | None,
    by: str | None,
    db: Path | None,
) -> None:
    """Lint FILES and add their templates to the queue as drafts.

    A template with lint errors is refused unless --force. Re-adding a name with new content
    updates a draft, makes a new revision of a rejected template, and is refused while the
    template is submitted, approved, paused or disabled.

    Exit status: 0 all added; 1 some refused for lint errors; 2 some refused by the queue
    (or an error).
    """
    from linter.config import load_config
    from linter.queue.intake import lint_for_queue

    when = _time(at, "--at")
    if when is not None and not submit_now:
        raise QueueError("--at applies to --submit (the time it was submitted)")
    config = load_config()
    if apply_fix:
        _fix_files(list(files), config)
    intake = lint_for_queue(list(files), config, force=force)
    for name, errors in intake.refused:
        codes = ", ".join(sorted({d.code for d in errors}))
        said = f"refused {name}: lint errors ({codes}); fix them or add with --force"
        click.echo(safe(said), err=True)
    status = 1 if intake.refused else 0
    with _open(db) as store:
        results = store.add(intake.entries, by=by, submit=submit_now, at=when)
        rate = store.hourly_rate(when) if submit_now else None
    for res in results:
        lang = f" [{res.language}]" if res.language else ""
        if res.action == "refused":
            click.echo(safe(f"refused {res.name}{lang}: {res.message}"), err=True)
            status = 2
        else:
            click.echo(safe(f"{res.action} {res.name}{lang}: revision {res.revision}, {res.state}"))
            if res.action == "resubmitted":
                click.echo(
                    safe(
                        f"warning: {res.name}{lang}: the text Meta rejected, sent again unchanged"
                    ),
                    err=True,
                )
    if rate is not None:
        _warn_rate(rate, when, utc=False)
    if status:
        sys.exit(status)


def _fix_files(files: list[str], config: Any) -> None:
    """``add --fix``: what ``lint --fix`` writes, before the files are read for the queue (so
    the ledger records the fixed text)."""
    from linter.api import fix_paths
    from linter.inputs import InputError

    try:
        done, _ = fix_paths(files, config)
    except (InputError, ValueError) as exc:
        raise QueueError(str(exc)) from None
    for why in done.skipped:
        click.echo(f"templint: {safe(why)}", err=True)
    if done.fixed:
        s = "s" if done.fixed != 1 else ""
        click.echo(f"fixed {done.fixed} finding{s} in {len(done.files)} file(s)", err=True)


def _warn_rate(rate: HourlyRate, at: int | None, utc: bool) -> None:
    """A warning when the hour's submissions reach Meta's creation limit. The submission is
    recorded all the same: the ledger says what was sent; Meta decides what it takes."""
    if not rate.at_limit or rate.free_at is None:
        return
    if rate.count > rate.limit:
        said = f"Meta may refuse the latest {rate.count - rate.limit}"
    else:
        said = "the latest was the last one Meta takes"
    when = f" to {show_time(at, utc)}" if at is not None else ""
    click.echo(
        f"warning: {rate.count} submissions in the hour{when}; Meta allows {rate.limit} "
        f"template creations per WhatsApp Business Account per hour: {said}; the next fits "
        f"from {show_time(rate.free_at, utc)}",
        err=True,
    )


def _recording(func: F) -> F:
    """The options of a command that records an event: which language, when, by whom, how
    times are shown, which ledger; and its errors as one line."""
    for option in (_errors, _db_option, _utc_option, _by_option, _at_option, _language_option):
        func = option(func)
    return func


@queue.command(name="submit")
@click.argument("name")
@click.option(
    "--as-recorded",
    is_flag=True,
    help="Submit the text the ledger holds even though its file has changed since `add`.",
)
@_recording
def submit(
    name: str,
    as_recorded: bool,
    language: str | None,
    at: str | None,
    by: str | None,
    utc: bool,
    db: Path | None,
) -> None:
    """Mark NAME submitted to Meta now (or --at TIME); a rejected template is resubmitted.

    Refused when the file NAME was added from has changed since: the ledger (and `export`'s
    outcomes) would hold a text that was never sent. Add it again, or pass --as-recorded.
    """
    when = _time(at, "--at")
    with _open(db) as store:
        if not as_recorded:
            _refuse_changed_source(store, name, language)
        event = store.submit(name, language=language, at=when, by=by)
        rate = store.hourly_rate(event.at)
    click.echo(
        f"submitted {safe(name)} (revision {event.revision}) at {show_time(event.at, utc)}; "
        f"verdict expected from {show_time(event.at + 24 * HOUR, utc)}, "
        f"due {show_time(event.at + 72 * HOUR, utc)}"
    )
    _warn_rate(rate, event.at, utc)


def _refuse_changed_source(store: Any, name: str, language: str | None) -> None:
    """A QueueError when the file the latest revision came from now holds other text for it.
    A file that is gone, unreadable or no longer holds the template says nothing either way."""
    import hashlib

    from linter.inputs import InputError, load_path
    from linter.queue.intake import content_of

    detail = store.show(name, language)
    revision = detail.revisions[-1]
    source = revision["source"]
    if not source or source == "-" or not Path(source).is_file():
        return
    try:
        templates = load_path(source)
    except InputError:
        return
    lang = detail.row.language or ""
    same = [t for t in templates if t.display_name == name and (t.language or "") in ("", lang)]
    if len(same) != 1:
        return
    now = hashlib.sha256(content_of(same[0]).encode("utf-8")).hexdigest()
    if now != revision["content_hash"]:
        raise QueueError(
            f"{source} has changed since revision {revision['revision']} of {name} was added: "
            f"record the new text with `templint queue add --submit {source}`, or submit the "
            "recorded one with --as-recorded"
        )


@queue.command(name="decide")
@click.argument("name")
@click.argument("verdict", type=click.Choice(VERDICT_CHOICES))
@click.option("--reason", default=None, help="Meta's reason text (e.g. for a rejection).")
@click.option(
    "--category",
    type=CATEGORY_CHOICE,
    default=None,
    help="The category Meta assigned, when it differs or you want it recorded.",
)
@_recording
def decide(
    name: str,
    verdict: str,
    reason: str | None,
    category: str | None,
    language: str | None,
    at: str | None,
    by: str | None,
    utc: bool,
    db: Path | None,
) -> None:
    """Record Meta's verdict on NAME: approved, rejected, paused or disabled."""
    when = _time(at, "--at")
    with _open(db) as store:
        event = store.decide(
            name, verdict, language=language, reason=reason, category=category, at=when, by=by
        )
    click.echo(safe(_verdict_line(verdict, name, event, utc, reason)))


def _verdict_line(
    verdict: str, label: str, event: Any, utc: bool, reason: str | None, category: str = ""
) -> str:
    """A verdict as decide and sync say it: approved NAME at TIME after 26h 00m in review."""
    took = ""
    if event.submitted_at is not None:
        took = f" after {show_duration(event.at - event.submitted_at)} in review"
    why = f": {reason}" if reason else ""
    as_ = f" as {category}" if category else ""
    return f"{verdict} {label}{as_} at {show_time(event.at, utc)}{took}{why}"


@queue.command(name="recategorise")
@click.argument("name")
@click.argument("category", type=CATEGORY_CHOICE)
@click.option("--reason", default=None, help="Meta's reason, as its notification gives it.")
@_recording
def recategorise(
    name: str,
    category: str,
    reason: str | None,
    language: str | None,
    at: str | None,
    by: str | None,
    utc: bool,
    db: Path | None,
) -> None:
    """Record that Meta moved reviewed NAME to CATEGORY (its template_category_update).

    A UTILITY template moved to MARKETING is billed as marketing from then on; `stats` counts
    the moves and `export` labels the revision with Meta's category.
    """
    when = _time(at, "--at")
    with _open(db) as store:
        move = store.recategorise(name, category, language=language, reason=reason, at=when, by=by)
    why = safe(f": {reason}") if reason else ""
    click.echo(
        f"re-categorised {safe(name)} (revision {move.revision}) "
        f"{move.from_category or '(undeclared)'} -> {move.to_category} "
        f"at {show_time(move.at, utc)}{why}"
    )


@queue.command(name="sync")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--dry-run", is_flag=True, help="Say what would be recorded; record nothing.")
@click.option(
    "--add-missing",
    is_flag=True,
    help="Also enter reviewed templates of Meta's list that the ledger lacks (the list must "
    "carry their components), so states and the quota count them.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="json: one object (changes, notes, not_in_ledger, summary) for a cron job.",
)
@_errors
@_db_option
@_utc_option
@_by_option
def sync(
    files: tuple[str, ...],
    dry_run: bool,
    add_missing: bool,
    fmt: str,
    by: str | None,
    utc: bool,
    db: Path | None,
) -> None:
    """Record what Meta says of the ledger's templates, from FILES on disk: the template list
    its API returns (GET /<WABA_ID>/message_templates, saved as JSON) or its webhook payloads
    (message_template_status_update, template_category_update; JSON or one a line).

    Verdicts, resubmissions and category moves are recorded as if given by hand; what is
    already recorded is left alone, so a cron job may sync the same files again. Exit 1 when
    a template needs a person (Meta's state cannot follow from the ledger's).
    """
    from linter.queue.sync import History, plan, read_updates

    updates = [u for path in files for u in read_updates(path)]  # all read before any write
    out = _SyncReport(fmt == "json")
    # A dry run may preview the first sync of an account, before there is a ledger.
    with _read(db, note=False) if dry_run else _open(db) as store:
        actions = plan(
            store.list(),
            updates,
            lambda row: History(*store.history(row.name, row.language)),
            store.now(),
        )
        recorded = refused = 0
        for action in actions:
            if action.kind in ("submit", "decide", "recategorise"):
                done = _sync_one(store, action, by, utc, dry_run, out)
                recorded += done
                refused += not done
            elif action.kind in ("notice", "attention"):
                kind = "note" if action.kind == "notice" else "check"
                language = action.row.language if action.row else None
                out.note(kind, action.update.name, language, action.message, action.update.where)
        absent = [a.update for a in actions if a.kind == "missing"]
        imported = _import_missing(store, absent, by, dry_run, out) if add_missing else set()
    missing = sorted({_label(u.name, u.language) for u in absent} - imported)
    out.missing = missing
    if missing and not out.json:
        click.echo(safe(f"not in the ledger ({len(missing)}): {', '.join(missing)}"), err=True)
    same = sum(a.kind == "same" for a in actions)
    attention = sum(a.kind == "attention" for a in actions) + refused
    out.summary = {
        "dry_run": dry_run,
        "recorded": recorded,
        "added": len(imported),
        "already_recorded": same,
        "to_check": attention,
        "not_in_ledger": len(missing),
    }
    if out.json:
        click.echo(json.dumps(out.as_dict(), indent=2, ensure_ascii=False))
    else:
        verb = "would record" if dry_run else "recorded"
        added = f"; {len(imported)} added" if add_missing else ""
        click.echo(
            f"{verb} {recorded} change{'s' if recorded != 1 else ''}{added}; {same} already "
            f"recorded; {attention} to check; {len(missing)} not in the ledger"
        )
    sys.exit(1 if attention else 0)


class _SyncReport:
    """What ``sync`` did, said as it happens (text) or gathered into one object (json)."""

    def __init__(self, as_json: bool) -> None:
        self.json = as_json
        self.changes: list[dict[str, Any]] = []
        self.notes: list[dict[str, Any]] = []
        self.missing: list[str] = []
        self.summary: dict[str, Any] = {}

    def change(self, line: str, **record: Any) -> None:
        self.changes.append(record)
        if not self.json:
            click.echo(safe(line))

    def note(self, kind: str, name: str, language: str | None, message: str, where: str) -> None:
        self.notes.append(
            {
                "kind": kind,
                "name": name,
                "language": language or None,
                "message": message,
                "where": where,
            }
        )
        if not self.json:
            sep = ": " if message.startswith("not recorded") else " "
            click.echo(safe(f"{kind}: {_label(name, language)}{sep}{message} ({where})"), err=True)

    def as_dict(self) -> dict[str, Any]:
        return {
            "changes": self.changes,
            "notes": self.notes,
            "not_in_ledger": self.missing,
            "summary": self.summary,
        }


def _import_missing(
    store: Any, updates: list[Any], by: str | None, dry_run: bool, out: _SyncReport
) -> set[str]:
    """``--add-missing``: enter the reviewed templates the ledger lacks, linted as ``add``
    would (never refused: Meta has them already); the labels of those entered."""
    from linter.config import load_config
    from linter.inputs import InputError, parse_json
    from linter.queue.intake import intake_templates
    from linter.queue.store import VERDICTS
    from linter.queue.sync import STATUSES

    latest: dict[tuple[str, str | None], Any] = {}
    for update in updates:  # the list's own order; a later line of a name wins
        state = STATUSES.get(update.status or "")
        if update.raw is not None and state in VERDICTS:
            latest[(update.name, update.language)] = update
        elif update.raw is not None and state == "submitted":
            out.note(
                "note",
                update.name,
                update.language,
                "is in review at Meta: add it with `queue add --submit --at TIME` to track the "
                "wait; not added",
                update.where,
            )
    templates, states = [], {}
    for update in latest.values():
        try:
            (tpl,) = parse_json(json.dumps(update.raw, ensure_ascii=False), update.where)
        except (InputError, ValueError):
            out.note(
                "note",
                update.name,
                update.language,
                "has no components in the list (ask the API for "
                "fields=name,language,status,category,components); not added",
                update.where,
            )
            continue
        templates.append(tpl)
        states[id(tpl)] = update
    if not templates:
        return set()
    intake = intake_templates(templates, load_config(), force=True)
    done = set()
    for tpl, entry in zip(templates, intake.entries, strict=True):
        update = states[id(tpl)]
        state = STATUSES[update.status]
        label = _label(entry.name, entry.language)
        # a rejected template's category in the list is the one it was submitted with
        category = update.category if state != "rejected" else None
        if not dry_run:
            store.import_reviewed(entry, state, category=category, reason=update.reason, by=by)
        as_ = f" as {category}" if category else ""
        out.change(
            f"{'would add' if dry_run else 'added'} {label}: {state}{as_} at Meta",
            action="added",
            name=entry.name,
            language=entry.language or None,
            state=state,
            category=category,
            at=None,
        )
        done.add(label)
    return done


def _label(name: str, language: str | None) -> str:
    return f"{name} [{language}]" if language else name


def _sync_one(
    store: Any, action: Any, by: str | None, utc: bool, dry_run: bool, out: _SyncReport
) -> bool:
    """Record one planned change and report it; False (after a ``check`` note) when the
    ledger refuses it, e.g. Meta's time is before the ledger's latest event."""
    update, row = action.update, action.row
    label = _label(row.name, row.language)
    when = update.at
    category = action.category
    record = {"name": row.name, "language": row.language or None, "category": category}
    try:
        if dry_run:
            at = show_time(when, utc) if when is not None else "now"
            what = action.state or f"{action.previous or '(undeclared)'} -> {category}"
            if action.state and category:
                what += f" as {category}"
            out.change(
                f"would record {label}: {what} at {at}",
                action=action.state or "recategorised",
                **record,
                at=iso_utc(when),
            )
            return True
        if action.kind == "submit":
            event = store.submit(row.name, language=row.language, at=when, by=by)
            line = f"submitted {label} (revision {event.revision}) at {show_time(event.at, utc)}"
            out.change(line, action="submitted", **record, at=iso_utc(event.at))
            return True
        if action.kind == "decide":
            event = store.decide(
                row.name,
                action.state,
                language=row.language,
                reason=update.reason,
                category=category,
                at=when,
                by=by,
            )
            out.change(
                _verdict_line(action.state, label, event, utc, update.reason, category or ""),
                action=action.state,
                **record,
                at=iso_utc(event.at),
                reason=update.reason,
            )
            return True
        move = store.recategorise(row.name, category, language=row.language, at=when, by=by)
        out.change(
            f"re-categorised {label} {move.from_category or '(undeclared)'} -> "
            f"{move.to_category} at {show_time(move.at, utc)}",
            action="recategorised",
            **record,
            at=iso_utc(move.at),
            previous_category=move.from_category,
        )
        return True
    except QueueError as exc:
        out.note("check", row.name, row.language, f"not recorded: {exc}", update.where)
        return False


def _row_dict(row: Any, iso: Callable[[int | None], str | None] = iso_utc) -> dict[str, Any]:
    waiting = row.waiting
    return {
        "name": row.name,
        "language": row.language,
        "revision": row.revision,
        "state": row.state,
        "since": iso(row.since),
        "submitted_at": iso(row.submitted_at),
        "waiting_hours": None if waiting is None else round(waiting / HOUR, 2),
        "earliest_verdict": iso(row.earliest),
        "due": iso(row.due),
        "overdue": bool(row.overdue),
        "category": row.category,
        "lint_verdict": row.lint_verdict,
        "promo_score": row.promo_score,
        "codes": row.codes.split() if row.codes else [],
        "reason": row.reason,
        "ahead": bool(row.ahead),
    }


class _Memo(dict):  # type: ignore[type-arg]
    """A cache whose misses call ``make``: a hit is one dict lookup, no Python call."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        value = self[key] = self.make(key)
        return value


def _table(headers: list[str], columns: list[list[str]]) -> str:
    """Left-aligned columns two spaces apart; ``columns`` holds each column's cells."""
    widths = [
        max(len(h), max(map(len, col), default=0)) for h, col in zip(headers, columns, strict=True)
    ]
    line = "  ".join(f"{{:<{w}}}" for w in widths[:-1]) + "  {}"
    lines = [line.format(*headers).rstrip()]
    lines.extend(map(str.rstrip, map(line.format, *columns)))
    return "\n".join(lines)


def _csv_cell(value: Any) -> Any:
    """A list as its items, space-separated; a flag as true/false, as the JSON output spells it
    (csv wrote Python's True/False)."""
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(records: list[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: _csv_cell(v) for k, v in rec.items() if k in fields})
    return buf.getvalue()


@queue.command(name="list")
@click.option("--state", type=click.Choice(STATE_CHOICES), default=None, help="Only this state.")
@click.option("--overdue", is_flag=True, help="Only templates pending for more than 72 h.")
@click.option(
    "--format", "fmt", type=click.Choice(("text", "json", "csv")), default="text", show_default=True
)
@click.option(
    "--exit-status",
    is_flag=True,
    help="Exit 1 when anything is listed (for cron: `list --overdue --exit-status`).",
)
@_utc_option
@_db_option
@_errors
def list_(
    state: str | None, overdue: bool, fmt: str, exit_status: bool, utc: bool, db: Path | None
) -> None:
    """List templates, in natural name order, with their state, waiting time and review window.

    WAIT is the time since submission for a pending template, and how long the review took
    for one with a verdict. A pending template is expected to get its verdict from 24 h after
    submission and is OVERDUE after 72 h. A time after now (recorded by a clock that was
    ahead) is marked AHEAD and waits 0m.
    """
    listed = _list(state, overdue, fmt, utc, db)
    if exit_status and listed:
        sys.exit(1)


def _list(state: str | None, overdue: bool, fmt: str, utc: bool, db: Path | None) -> int:
    """Print the list; how many templates it holds."""
    if fmt != "text":
        with _read(db) as store:
            rows = store.list(state=state, overdue=overdue)
        iso = _Memo(iso_utc)
        records = [_row_dict(r, iso.__getitem__) for r in rows]
    if fmt == "json":
        # One template per line, each dumped by the C encoder (indent= would use the pure-Python
        # one, several seconds at 100,000 rows); the whole is still one JSON array.
        items = ",\n".join(json.dumps(rec, ensure_ascii=False) for rec in records)
        click.echo(f"[\n{items}\n]" if records else "[]")
        return len(records)
    if fmt == "csv":
        fields = list(records[0].keys()) if records else list(_ROW_FIELDS)
        click.echo(_write_csv(records, fields), nl=False)
        return len(records)
    # The table asks the store for its ten columns only and builds them column by column:
    # 100,000 rows in well under a second. Each distinct time or duration is formatted once.
    shown = ("name", "language", "revision", "state", "since", "waiting", "earliest", "due")
    with _read(db) as store:
        now = store.now()
        rows = store.columns((*shown, "lint_verdict", "overdue"), state, overdue).fetchall()
    names, langs, revisions, states, since, waiting, earliest, due, lint, late = (
        list(map(itemgetter(i), rows)) for i in range(10)
    )
    times = _Memo(lambda seconds: "" if seconds is None else show_time(seconds, utc))
    took = _Memo(lambda seconds: "" if seconds is None else show_duration(seconds))
    columns = [
        list(map(safe, names)),  # from a sync file or a template: may hold terminal escapes
        [safe(lang) if lang else "-" for lang in langs],
        list(map(_Memo(str).__getitem__, revisions)),  # a few distinct numbers
        states,
        list(map(times.__getitem__, since)),
        list(map(took.__getitem__, waiting)),
        list(map(times.__getitem__, earliest)),
        list(map(times.__getitem__, due)),
        lint,
        ["OVERDUE" if flag else "" for flag in late],
    ]
    # A time after now (a clock that was ahead) is rare: looked for with one max() in C, and
    # only then marked row by row. Never with OVERDUE: that is 72 h after a time that is past.
    ahead = 0
    if since and max(since) > now:
        marks = columns[-1]
        for i, moment in enumerate(since):
            if moment > now:
                marks[i] = "AHEAD"
                ahead += 1
    headers = ["NAME", "LANG", "REV", "STATE", "SINCE", "WAIT", "EXPECTED", "DUE", "LINT", ""]
    if rows:
        click.echo(_table(headers, columns))
    pending = states.count("submitted")
    click.echo(f"{len(rows)} template(s); {pending} pending, {sum(late)} overdue")
    if ahead:
        click.echo(_ahead_note(ahead, now, utc), err=True)
    return len(rows)


def _ahead_note(count: int, now: int, utc: bool) -> str:
    """Why a row is marked AHEAD: its time is after this clock's now."""
    return (
        f"note: {count} template(s) marked AHEAD have a time after now ({show_time(now, utc)}), "
        "recorded by a clock that was ahead (another machine's?): a pending one shows WAIT 0m, "
        "and its EXPECTED and DUE run from the recorded time"
    )


_ROW_FIELDS = (
    "name",
    "language",
    "revision",
    "state",
    "since",
    "submitted_at",
    "waiting_hours",
    "earliest_verdict",
    "due",
    "overdue",
    "category",
    "lint_verdict",
    "promo_score",
    "codes",
    "reason",
    "ahead",
)


@queue.command(name="show")
@click.argument("name")
@_language_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@_utc_option
@_db_option
@_errors
def show(name: str, language: str | None, fmt: str, utc: bool, db: Path | None) -> None:
    """Show one template: state, review window, lint result, content and full history."""
    with _open(db, readonly=True) as store:
        detail = store.show(name, language)
    row = detail.row
    if fmt == "json":
        data = _row_dict(row)
        data["revisions"] = [
            {
                **rev,
                "codes": rev["codes"].split() if rev["codes"] else [],
                "forced": bool(rev["forced"]),
                "created_at": iso_utc(rev["created_at"]),
                "updated_at": iso_utc(rev["updated_at"]),
            }
            for rev in detail.revisions
        ]
        data["events"] = [
            {
                "from": ev.from_state,
                "to": ev.to_state,
                "at": iso_utc(ev.at),
                "recorded_at": iso_utc(ev.recorded_at),
                "by": ev.by,
                "revision": ev.revision,
                "reason": ev.reason,
                "category": ev.category,
            }
            for ev in detail.events
        ]
        data["recategorisations"] = [
            {
                "from": m.from_category,
                "to": m.to_category,
                "at": iso_utc(m.at),
                "recorded_at": iso_utc(m.recorded_at),
                "by": m.by,
                "revision": m.revision,
                "reason": m.reason,
            }
            for m in detail.recategorisations
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    current = detail.revisions[-1]
    lang = f" [{row.language}]" if row.language else ""
    lines = [f"{row.name}{lang}  revision {row.revision}"]
    state = f"state:     {row.state} since {show_time(row.since, utc)}"
    if row.pending:
        state += f" (waiting {show_duration(row.waiting)})"
        if row.overdue:
            state += "  OVERDUE"
    elif row.waiting is not None:
        state += f" (review took {show_duration(row.waiting)})"
    if row.ahead:
        state += (
            f"  AHEAD: {show_duration(row.since - row.now)} after now (recorded by a clock "
            "that was ahead)"
        )
    lines.append(state)
    if row.pending:
        lines.append(f"window:    {_window_text(row, utc)}")
    if row.reason:
        lines.append(f"reason:    {row.reason}")
    lines.append(f"category:  {row.category or '(none declared)'}")
    score = "-" if current["promo_score"] is None else f"{current['promo_score']:.2f}"
    forced = " (added with --force)" if current["forced"] else ""
    lines.append(
        f"lint:      {current['lint_verdict']}{forced}: {current['errors']} error(s), "
        f"{current['warnings']} warning(s); codes: {current['codes'] or '-'}; "
        f"promo score: {score}"
    )
    lines.append(f"source:    {current['source'] or '-'}")
    lines.append(f"sha256:    {current['content_hash']}")
    lines.append("body:")
    lines.extend(f"  | {line}" for line in current["body"].split("\n"))
    lines.append("history:")
    timed: list[tuple[int, int, list[str]]] = []  # (when, events before moves, the row)
    for ev in detail.events:
        note = ""
        if ev.category:
            note += f"category {ev.category}"
        if ev.reason:
            note += ("; " if note else "") + f"reason: {ev.reason}"
        change = f"{ev.from_state or '(new)'} → {ev.to_state}"
        timed.append((ev.at, 0, [show_time(ev.at, utc), change, f"rev {ev.revision}", ev.by, note]))
    for m in detail.recategorisations:  # Meta's moves of the reviewed template
        change = f"{m.from_category or '(undeclared)'} → {m.to_category}"
        note = "re-categorised by Meta" + (f"; reason: {m.reason}" if m.reason else "")
        timed.append((m.at, 1, [show_time(m.at, utc), change, f"rev {m.revision}", m.by, note]))
    timed.sort(key=lambda t: (t[0], t[1]))  # stable: recorded order within a kind
    table = [["  " + w, ch, rev, f"by {by}", note] for _, _, (w, ch, rev, by, note) in timed]
    # each line escaped (a name, reason or body line from a sync file may hold terminal
    # escapes), and each cell of the table before its widths are measured
    lines = [safe(line) for line in lines]
    columns = [[safe(cell) for cell in col] for col in zip(*table, strict=True)]
    lines.append(_table(["  WHEN", "CHANGE", "REV", "BY", ""], columns or [[] for _ in range(5)]))
    click.echo("\n".join(lines))


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"


@queue.command(name="stats")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option(
    "--cap",
    type=click.IntRange(min=1),
    default=250,
    show_default=True,
    help="Approved templates allowed per business.",
)
@_db_option
@_errors
def stats(fmt: str, cap: int, db: Path | None) -> None:
    """Counts per state, approval rate, review times, rejection reasons, lint vs outcome, quota."""
    with _read(db) as store:
        st = store.stats(quota=cap)
    if fmt == "json":
        click.echo(json.dumps(st.to_dict(), ensure_ascii=False, indent=2))
        return
    out = [f"templates: {st.templates}"]
    out.append("  " + " · ".join(f"{state} {n}" for state, n in st.states.items()))
    rv = st.reviews
    out.append(
        f"reviews:   {rv.reviewed} (approved {rv.approved}, rejected {rv.rejected}, "
        f"paused/disabled {rv.other}); approval rate {_pct(rv.approval_rate)}"
    )
    out.append(
        f"review time: median {show_duration(st.median_review)}, "
        f"90th percentile {show_duration(st.p90_review)}"
    )
    out.append("rejection reasons:")
    out.extend(f"  {n:>5}  {reason}" for reason, n in st.reasons[:20])
    if not st.reasons:
        out.append("  (none)")
    for title, groups in (
        ("approval rate by lint verdict at submission:", st.by_lint),
        ("approval rate by promotional score at submission:", st.by_score),
    ):
        out.append(title)
        if not groups:
            out.append("  (no reviews yet)")
        out.extend(
            f"  {g.group:<10} {g.reviewed:>6} reviewed  {g.approved:>6} approved  "
            f"{_pct(g.approval_rate):>6}"
            for g in groups
        )
    moved = sum(n for _, _, n in st.recategorised)
    out.append(f"re-categorised by Meta after review: {moved}")
    out.extend(f"  {n:>5}  {f or '(undeclared)'} -> {t}" for f, t, n in st.recategorised)
    out.append(
        f"quota:     {st.approved} of {st.quota} approved templates ({st.quota_used * 100:.1f}%)"
    )
    out.append(f"last hour: {st.last_hour} of {st.hourly_limit} submissions Meta allows an hour")
    click.echo("\n".join(map(safe, out)))  # a rejection reason from a sync file is input
    if st.quota_warning:
        click.echo(
            f"warning: {st.approved} of {st.quota} approved templates used "
            f"({st.quota_used * 100:.0f}%); at the cap Meta refuses new templates",
            err=True,
        )


EXPORT_FIELDS = [
    "text",
    "label",
    "outcome",
    "name",
    "language",
    "revision",
    "declared_category",
    "decided_category",
    "reason",
    "lint_verdict",
    "promo_score",
    "codes",
    "submitted_at",
    "decided_at",
]


@queue.command(name="export")
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl")), default="csv")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)
@_db_option
@_errors
def export(fmt: str, output: Path | None, db: Path | None) -> None:
    """Every revision with its outcome, as labelled data (text, label, outcome, …).

    label is the category Meta decided (decide --category), else the declared one, else the
    configured default (what the linter assumed), lower case: marketing, utility,
    authentication. outcome is the last state the revision reached.
    """
    from linter.config import load_config

    default = load_config().default_category
    with _read(db) as store:
        if output is not None and _is_ledger(output, store.path):
            # the export was written over the ledger it was read from: every template lost
            raise QueueError(f"{output}: is the ledger (or its -wal); write the export elsewhere")
        rows = []
        for row in store.export_rows(default):
            row["submitted_at"] = iso_utc(row["submitted_at"])
            row["decided_at"] = iso_utc(row["decided_at"])
            row["codes"] = row["codes"].split() if row["codes"] else []
            rows.append({k: row[k] for k in EXPORT_FIELDS})
    if fmt == "csv":
        text = _write_csv(rows, EXPORT_FIELDS)
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise QueueError(f"{output}: cannot write: {exc.strerror or exc}") from None
        click.echo(safe(f"wrote {len(rows)} row(s) to {output}"), err=True)


def _is_ledger(path: Path, ledger: Path) -> bool:
    """Whether writing ``path`` would write over the ledger or one of SQLite's files beside it
    (its -wal holds the latest changes)."""
    for name in (ledger, *(Path(f"{ledger}{end}") for end in ("-wal", "-shm", "-journal"))):
        try:
            if path.resolve() == name.resolve() or (path.exists() and path.samefile(name)):
                return True
        except OSError:  # a file not there cannot be the same file
            continue
    return False


@queue.command(name="backup")
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
@_db_option
@_errors
def backup(dest: Path, force: bool, db: Path | None) -> None:
    """Copy the ledger to DEST, consistently, while others may be using it.

    Copying queue.db with cp can miss the latest changes (SQLite keeps them in queue.db-wal
    until a checkpoint); this copy includes them, and DEST is a single file that any queue
    command opens with --db. Restore by copying DEST back while no one writes.
    """
    if dest.exists() and not force:
        raise QueueError(f"{dest}: exists; pass --force to replace it")
    with _open(db, readonly=True) as store:
        if _is_ledger(dest, store.path):
            raise QueueError(f"{dest}: is the ledger (or its -wal)")
        count = store.backup(dest)
    click.echo(safe(f"backed up {count} template(s) to {dest}"), err=True)


@click.command(name="window")
@click.option(
    "--last-inbound",
    required=True,
    metavar="TIME",
    help="When the customer last messaged you (ISO 8601 with offset).",
)
@click.option("--now", "now_text", default=None, metavar="TIME", help="Evaluate at this time.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@_utc_option
@_errors
def window(last_inbound: str, now_text: str | None, fmt: str, utc: bool) -> None:
    """Whether WhatsApp's 24-hour customer-service window is still open.

    Within 24 h of the customer's last message you may send free-form session messages; after
    that only an approved template may open the conversation. Exit status 0 when open, 1 when
    closed.
    """
    inbound = parse_time(last_inbound, "--last-inbound")
    now = (
        parse_time(now_text, "--now")
        if now_text is not None
        else int(clock_from_env()().timestamp())
    )
    if inbound > now:
        raise QueueError(
            f"--last-inbound {show_time(inbound, True)} is after now ({show_time(now, True)})"
        )
    closes = inbound + SESSION_WINDOW
    is_open = now < closes
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "open": is_open,
                    "last_inbound": iso_utc(inbound),
                    "closes": iso_utc(closes),
                    "now": iso_utc(now),
                    "remaining_seconds": max(closes - now, 0),
                    "closed_for_seconds": max(now - closes, 0),
                }
            )
        )
    elif is_open:
        click.echo(
            f"open: free-form session messages allowed until {show_time(closes, utc)} "
            f"({show_duration(closes - now)} left)"
        )
    else:
        click.echo(
            f"closed since {show_time(closes, utc)} ({show_duration(now - closes)} ago): "
            "only an approved template may open the conversation; the window reopens for 24 h "
            "when the customer replies"
        )
    if not is_open:
        sys.exit(1)
