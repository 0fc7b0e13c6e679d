"""``queue sync``: bring the ledger up to date from what Meta says, without a network call.

Meta says it in two shapes a team already has on disk: the template list its Graph API returns
(``GET /<WABA_ID>/message_templates``, saved by a cron job's ``curl``), and the webhook payloads
its servers post (``message_template_status_update``, ``template_category_update``), kept one
per line. Each becomes an ``Update``; ``plan`` decides, against the ledger's current rows, what
to record; running it twice records nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import jsonpos
from linter.queue.errors import QueueError
from linter.queue.store import CATEGORIES, TRANSITIONS, Row
from linter.queue.timeutil import iso_utc, out_of_range, plausible

# Meta's template statuses, as the ledger's states; None: Meta's, but not a review verdict
# the ledger tracks (quality flags, deletion, locking), reported and not recorded.
STATUSES: dict[str, str | None] = {
    "APPROVED": "approved",
    "REINSTATED": "approved",
    "REJECTED": "rejected",
    "PAUSED": "paused",
    "DISABLED": "disabled",
    "PENDING": "submitted",
    "IN_APPEAL": "submitted",
    "FLAGGED": None,
    "PENDING_DELETION": None,
    "DELETED": None,
    "ARCHIVED": None,
    "LIMIT_EXCEEDED": None,
    "LOCKED": None,
    "UNLOCKED": None,
}


@dataclass(frozen=True)
class Update:
    """One thing Meta says of one template."""

    where: str  # "FILE:LINE", for messages
    name: str
    language: str | None
    status: str | None = None  # Meta's, upper case; None: a category move only
    category: str | None = None
    reason: str | None = None
    at: int | None = None  # epoch seconds; None: the list has no time, the sync's is taken
    upcoming: int | None = None  # an announced category move: when it will happen
    # the template as the API list gave it (components included when asked for): what
    # --add-missing enters into the ledger
    raw: dict[str, Any] | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Action:
    """What ``plan`` decided for one update: ``kind`` is submit, decide, recategorise (they
    are recorded), or same, notice, missing, attention (they are reported only)."""

    kind: str
    update: Update
    row: Row | None = None
    state: str | None = None  # the ledger state to record (submit, decide)
    category: str | None = None  # Meta's category to record (with a verdict, or a move)
    previous: str | None = None  # a move: the category before it
    message: str = ""


def meta_language(code: Any) -> str | None:
    """Meta's webhooks write ``en-US``; its API and the ledger ``en_US``."""
    if not isinstance(code, str) or not code.strip():
        return None
    lang, _, region = code.strip().replace("-", "_").partition("_")
    return f"{lang.lower()}_{region.upper()}" if region else lang.lower()


def _reason(value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and value.strip().upper() != "NONE":
        return value.strip()
    return None


def _category(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().upper() in CATEGORIES:
        return value.strip().upper()
    return None


def read_updates(path: str) -> list[Update]:
    """The updates in one file: a template list (``{"data": [...]}`` or a list), a webhook
    payload, or JSON Lines of either. QueueError naming the file (and line) otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QueueError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueueError(
            f"{path}: cannot be read: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    try:
        documents = [(1, jsonpos.loads_plain(text))]
    except jsonpos.JSONPosError as exc:  # too deeply nested: no line of it would read either
        raise QueueError(f"{path}: invalid JSON: {exc}") from None
    except json.JSONDecodeError as whole:
        documents = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                documents.append((number, jsonpos.loads_plain(line)))
            except jsonpos.JSONPosError as exc:
                raise QueueError(f"{path}:{number}: invalid JSON: {exc}") from None
            except json.JSONDecodeError:
                raise QueueError(
                    f"{path}:{whole.lineno}:{whole.colno}: invalid JSON: {whole.msg}"
                    if number == 1
                    else f"{path}:{number}: invalid JSON on this line"
                ) from None
    if not documents:
        raise QueueError(f"{path}: empty: no templates or webhook payloads")
    updates: list[Update] = []
    for number, doc in documents:
        found = list(_from_document(doc, f"{path}:{number}"))
        # an account with no templates lists none: {"data": []} is a list, not an error
        listed = isinstance(doc, list) or (
            isinstance(doc, dict) and isinstance(doc.get("data"), list)
        )
        if not found and not _is_webhook(doc) and not listed:
            raise QueueError(
                f"{path}:{number}: not a Meta template list (data: [...] with name and status) "
                "or a webhook payload (entry: [...])"
            )
        updates += found
    return updates


def _is_webhook(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("entry"), list)


def _from_document(doc: Any, where: str) -> Iterator[Update]:
    if _is_webhook(doc):
        yield from _from_webhook(doc, where)
        return
    items = doc.get("data") if isinstance(doc, dict) and "data" in doc else doc
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        return
    for item in items:
        if not (isinstance(item, dict) and isinstance(item.get("name"), str)):
            continue
        if not isinstance(item.get("status"), str):
            continue
        yield Update(
            where=where,
            name=item["name"],
            language=meta_language(item.get("language")),
            status=item["status"].strip().upper(),
            category=_category(item.get("category")),
            reason=_reason(item.get("rejected_reason")),
            raw=item,
        )


def _from_webhook(doc: dict[str, Any], where: str) -> Iterator[Update]:
    for entry in doc["entry"]:
        if not isinstance(entry, dict):
            continue
        at = _entry_time(entry.get("time"), where)
        for change in entry.get("changes") or []:
            if not isinstance(change, dict) or not isinstance(change.get("value"), dict):
                continue
            value = change["value"]
            name = value.get("message_template_name")
            if not isinstance(name, str):
                continue
            language = meta_language(value.get("message_template_language"))
            field = change.get("field")
            if field == "message_template_status_update" and isinstance(value.get("event"), str):
                yield Update(
                    where=where,
                    name=name,
                    language=language,
                    status=value["event"].strip().upper(),
                    category=_category(value.get("message_template_category")),
                    reason=_reason(value.get("reason")),
                    at=at,
                )
            elif field == "template_category_update" and _category(value.get("new_category")):
                upcoming = value.get("category_update_timestamp")
                announced = _category(value.get("correct_category"))
                yield Update(
                    where=where,
                    name=name,
                    language=language,
                    category=announced or _category(value.get("new_category")),
                    at=at,
                    upcoming=upcoming if announced and isinstance(upcoming, int) else None,
                )


def _entry_time(value: Any, where: str) -> int | None:
    """A webhook's ``entry.time``: epoch seconds, as Meta sends it. A store that logged it in
    milliseconds gives a number a thousand times too large: read back as seconds when that is
    a time a ledger keeps, refused with the line otherwise (it crashed as year 57164)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    if plausible(value):
        return value
    if plausible(value // 1000):
        return value // 1000
    raise QueueError(f"{where}: {out_of_range(f'entry.time {value}')}")


def _match(rows: dict[str, list[Row]], update: Update) -> Row | None:
    """The ledger row Meta means: same name and language, or the name's only row when the
    ledger does not know its language (a text file declares none)."""
    same = rows.get(update.name, [])
    exact = [r for r in same if r.language and r.language == update.language]
    if exact:
        return exact[0]
    unknown = [r for r in same if not r.language]
    return unknown[0] if len(unknown) == 1 and len(same) == 1 else None


@dataclass
class History:
    """What the ledger has recorded of one template, as ``plan`` compares Meta's updates with
    it. ``plan`` adds what it decides to record, so each update meets the ledger as it will be.
    """

    states: list[tuple[int, str]]  # (time, state) of every event, in the order recorded
    categories: list[tuple[int, str]]  # Meta's categories for the current revision, by time
    declared: str | None = None  # the category the current revision declared

    @property
    def state(self) -> str:
        return self.states[-1][1]

    @property
    def category(self) -> str | None:
        return self.category_at(None)

    def latest(self, moves: bool = False) -> int:
        """The latest time the ledger has for it: what the store will not record before."""
        times = [t for t, _ in self.states]
        if moves:
            times += [t for t, _ in self.categories]
        return max(times)

    def category_at(self, when: int | None) -> str | None:
        return _at(self.categories, when, self.declared)

    def had_state(self, state: str, when: int) -> bool:
        return _reached(self.states, state, when, None)

    def had_category(self, category: str, when: int) -> bool:
        return _reached(self.categories, category, when, self.declared)


def _at(changes: list[tuple[int, str]], when: int | None, default: str | None) -> str | None:
    """The value after every change up to ``when`` (None: all of them)."""
    value = default
    for at, changed in sorted(changes, key=lambda c: c[0]):  # stable: recorded order on ties
        if when is not None and at > when:
            break
        value = changed
    return value


def _reached(changes: list[tuple[int, str]], value: str, when: int, default: str | None) -> bool:
    """The ledger had ``value`` at ``when``, or its next change after it was to ``value``: a
    verdict typed in by hand the next morning is the one Meta's webhook dates the evening before.
    """
    if _at(changes, when, default) == value:
        return True
    later = [at for at, _ in changes if at > when]
    return bool(later) and _at(changes, min(later), default) == value


def plan(
    rows: Iterable[Row],
    updates: Iterable[Update],
    history: Callable[[Row], History],
    now: int,
) -> list[Action]:
    """What to record for each update, oldest first. Each is compared with the ledger's
    history (``history(row)``, read once per template) as it will be after the ones before:
    what the history already shows is ``same``, so syncing the same files again records
    nothing, and what would go before the ledger's latest event is left for a person."""
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(row.name, []).append(row)
    pasts: dict[tuple[str, str], History] = {}
    actions: list[Action] = []
    timed = sorted(updates, key=lambda u: (u.at is None, u.at or 0))  # webhooks in time order
    languages: dict[str, set[str]] = {}  # the languages Meta names each name in
    for update in timed:
        if update.language:
            languages.setdefault(update.name, set()).add(update.language)
    for update in timed:
        row = _match(by_name, update)
        if row is None:
            actions.append(Action("missing", update, message="not in the ledger"))
            continue
        if not row.language and len(languages.get(row.name, ())) > 1:
            # a file with no language is one of them, but which is not for sync to guess
            # (it took whichever verdict came last)
            langs = ", ".join(sorted(languages[row.name]))
            actions.append(
                Action(
                    "attention",
                    update,
                    row,
                    message=f"Meta has {row.name} in several languages ({langs}) and the "
                    f"ledger's has none: not recorded; record its verdict by hand (queue "
                    f"decide {row.name} …)",
                )
            )
            continue
        key = (row.name, row.language)
        if key not in pasts:
            pasts[key] = history(row)
        past = pasts[key]
        when = now if update.at is None else update.at  # what the store records it at
        for action in _decide(update, row, past, when, now):
            if action.kind in ("submit", "decide") and action.state:
                past.states.append((when, action.state))
            if action.kind in ("decide", "recategorise") and action.category:
                past.categories.append((when, action.category))
            actions.append(action)
    return actions


def _decide(update: Update, row: Row, past: History, when: int, now: int) -> list[Action]:
    if when > now:  # the store refuses a future time; say so in a dry run too
        return [
            Action(
                "attention",
                update,
                row,
                message=f"Meta's time {iso_utc(when)} is after now ({iso_utc(now)}): not recorded",
            )
        ]
    if update.status is None:  # a category move
        if update.upcoming is not None:
            return [
                Action("notice", update, row, message=f"Meta will move it to {update.category}")
            ]
        if past.had_category(update.category or "", when):
            return [Action("same", update, row)]
        if when < past.latest(moves=True):
            return [_older(update, row, past, f"moved it to {update.category}", moves=True)]
        if past.state not in ("approved", "paused", "disabled"):
            return [Action("notice", update, row, message=f"moved to {update.category} in review")]
        return [_move(update, row, past)]
    target = STATUSES.get(update.status)
    if target is None:
        return [Action("notice", update, row, message=f"Meta says {update.status}")]
    # Meta's category for a template it reviewed (a rejected one's is what it was submitted with)
    category = update.category if target in ("approved", "paused", "disabled") else None
    if past.had_state(target, when):
        # Learning the category of a template that never had one is not a move by Meta.
        known = past.category_at(when)
        if target == "disabled" or not category or known is None:
            return [Action("same", update, row)]
        if past.had_category(category, when):
            return [Action("same", update, row)]
        if when < past.latest(moves=True):
            return [_older(update, row, past, f"says it is {category}", moves=True)]
        return [_move(update, row, past)]
    if when < past.latest():
        return [_older(update, row, past, f"says {update.status}")]
    state = past.state
    if target in TRANSITIONS[state]:
        kind = "submit" if target == "submitted" else "decide"
        known = past.category
        # an approval records Meta's category with it (decide --category); a pause or a
        # disable learns one the ledger never had, and a pause that moved it is a move too
        keep = category if target == "approved" or known is None else None
        actions = [Action(kind, update, row, state=target, category=keep)]
        if target == "paused" and category and known not in (None, category):
            actions.append(_move(update, row, past))
        return actions
    if state in ("draft", "rejected") and target != "submitted":
        return [
            Action(
                "attention",
                update,
                row,
                message=f"is {state} in the ledger but {update.status} at Meta: record its "
                f"submission (queue submit {row.name}; --at TIME for when it was sent, if that "
                f"was after the ledger's latest event for it, {iso_utc(row.since)}), then sync "
                "again",
            )
        ]
    return [
        Action(
            "attention",
            update,
            row,
            message=f"is {state} in the ledger but {update.status} at Meta",
        )
    ]


def _move(update: Update, row: Row, past: History) -> Action:
    return Action("recategorise", update, row, category=update.category, previous=past.category)


def _older(update: Update, row: Row, past: History, what: str, moves: bool = False) -> Action:
    """Meta's update dates from before what the ledger recorded last, and its history does not
    show it: recording it now would put events out of order, so a person looks."""
    return Action(
        "attention",
        update,
        row,
        message=f"Meta {what} at {iso_utc(update.at)}, before the ledger's latest event for it "
        f"({iso_utc(past.latest(moves))}), and its history does not show that: not recorded",
    )
