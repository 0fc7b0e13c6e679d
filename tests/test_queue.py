"""The submission queue, end to end through its commands (CliRunner, injected clock)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from linter.cli import main
from linter.commands.queue import queue, window
from linter.queue.store import QueueStore, default_path

T0 = "2024-05-01T10:00:00Z"

ORDER = "Your order {{1}} has shipped and will arrive on {{2}}."
REMINDER = "Hi {{1}}, this is a reminder of your appointment on {{2}} at {{3}}."
PROMO = "Get 20% off your next order with us!"

Run = Callable[..., Result]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "order_update.txt").write_text(ORDER + "\n", encoding="utf-8")
    (folder / "appointment.txt").write_text(REMINDER + "\n", encoding="utf-8")
    (folder / "promo.txt").write_text(PROMO + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """The queue commands, run from a project whose config enables one known rule (TPL101), so
    these tests do not move when other rules change."""
    db = tmp_path / "queue.db"
    (tmp_path / "templint.toml").write_text('select = ["TPL101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str, now: str = T0, cmd: object = queue, **env: str) -> Result:
        environ = {"TEMPLINT_DB": str(db), "TEMPLINT_NOW": now, "TEMPLINT_USER": "alice"}
        environ.update(env)
        return CliRunner().invoke(cmd, list(args), env=environ)  # type: ignore[arg-type]

    return invoke


def meta(name: str, lang: str, category: str, text: str, *samples: str) -> dict[str, object]:
    """A template in Meta's API shape, with the sample values Meta requires."""
    body: dict[str, object] = {"type": "BODY", "text": text}
    if samples:
        body["example"] = {"body_text": [list(samples)]}
    return {"name": name, "language": lang, "category": category, "components": [body]}


def ok(result: Result, code: int = 0) -> Result:
    assert result.exit_code == code, (result.output, result.exception)
    return result


def test_add_submit_decide_list_flow(run: Run, files: Path) -> None:
    res = ok(run("add", str(files / "order_update.txt"), str(files / "appointment.txt")))
    assert "added order_update: revision 1, draft" in res.stdout
    ok(run("submit", "order_update", "--at", "2024-05-01T12:00:00+02:00"))
    res = ok(run("list", "--utc", now="2024-05-02T09:00:00Z"))
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("order_update"))
    # submitted 10:00 UTC; waiting 23 h; verdict expected from +24 h, due at +72 h
    assert "submitted" in line and "23h 00m" in line
    assert "2024-05-02 10:00 UTC" in line and "2024-05-04 10:00 UTC" in line
    assert "OVERDUE" not in line
    ok(
        run(
            "decide",
            "order_update",
            "approved",
            "--at",
            "2024-05-02T16:00:00Z",
            now="2024-05-03T00:00:00Z",
        )
    )
    res = ok(run("list", "--state", "approved", "--format", "json", now="2024-05-03T00:00:00Z"))
    (row,) = json.loads(res.stdout)
    assert row["name"] == "order_update" and row["state"] == "approved"
    assert row["waiting_hours"] == 30.0  # how long the review took


def test_overdue_after_72_hours(run: Run, files: Path) -> None:
    ok(run("add", "--submit", str(files / "order_update.txt"), str(files / "appointment.txt")))
    ok(run("decide", "appointment", "approved", now="2024-05-02T10:00:00Z"))
    early = ok(run("list", "--overdue", "--format", "json", now="2024-05-04T10:00:00Z"))
    assert json.loads(early.stdout) == []  # exactly 72 h is not yet overdue
    late = ok(run("list", "--overdue", "--format", "json", now="2024-05-04T10:00:01Z"))
    assert [r["name"] for r in json.loads(late.stdout)] == ["order_update"]
    text = ok(run("list", now="2024-05-05T10:00:00Z")).stdout
    assert "OVERDUE" in next(ln for ln in text.splitlines() if ln.startswith("order_update"))
    assert "OVERDUE" not in next(ln for ln in text.splitlines() if ln.startswith("appointment"))
    # a cron job's signal: exit 1 when something is overdue, 0 when nothing is
    cron = ("list", "--overdue", "--exit-status")
    ok(run(*cron, now="2024-05-04T10:00:00Z"))
    ok(run(*cron, now="2024-05-04T10:00:01Z"), 1)
    ok(run(*cron, "--format", "json", now="2024-05-04T10:00:01Z"), 1)


def test_text_table_and_json_show_the_same_window(run: Run, files: Path) -> None:
    # The table reads a narrower set of columns than json: both must tell the same story.
    ok(run("add", "--submit", str(files / "order_update.txt"), str(files / "appointment.txt")))
    ok(run("add", str(files / "promo.txt"), "--force"))
    ok(run("decide", "appointment", "rejected", "--reason", "PROMO", now="2024-05-02T13:30:00Z"))
    now = "2024-05-04T11:00:00Z"
    records = {
        r["name"]: r for r in json.loads(ok(run("list", "--format", "json", now=now)).stdout)
    }
    lines = ok(run("list", "--utc", now=now)).stdout.splitlines()
    assert lines[-1] == "3 template(s); 1 pending, 1 overdue"
    table = {ln.split()[0]: ln for ln in lines[1:-1]}
    assert set(table) == set(records) == {"order_update", "appointment", "promo"}
    order, appointment, promo = records["order_update"], records["appointment"], records["promo"]
    assert order["overdue"] is True and order["waiting_hours"] == 73.0
    assert (
        order["earliest_verdict"] == "2024-05-02T10:00:00Z"
        and order["due"] == "2024-05-04T10:00:00Z"
    )
    assert "3d 01h" in table["order_update"] and table["order_update"].endswith("OVERDUE")
    assert "2024-05-02 10:00 UTC  2024-05-04 10:00 UTC" in table["order_update"]
    assert appointment["overdue"] is False and appointment["waiting_hours"] == 27.5
    assert appointment["earliest_verdict"] is None and appointment["due"] is None
    assert "27h 30m" in table["appointment"] and "OVERDUE" not in table["appointment"]
    assert promo["state"] == "draft" and promo["waiting_hours"] is None
    assert table["promo"].split()[3] == "draft"


def test_lint_errors_refuse_unless_forced(run: Run, files: Path) -> None:
    res = ok(run("add", str(files / "promo.txt"), str(files / "order_update.txt")), 1)
    assert "refused promo" in res.stderr and "TPL101" in res.stderr
    names = [r["name"] for r in json.loads(ok(run("list", "--format", "json")).stdout)]
    assert names == ["order_update"]
    ok(run("add", "--force", str(files / "promo.txt")))
    shown = json.loads(ok(run("show", "promo", "--format", "json")).stdout)
    rev = shown["revisions"][0]
    assert rev["lint_verdict"] == "error" and "TPL101" in rev["codes"] and rev["forced"]
    assert rev["promo_score"] is None  # no classifier score yet: stored as NULL
    assert rev["content"] == PROMO + "\n"  # the exact file


def test_illegal_transitions_are_refused(run: Run, files: Path) -> None:
    ok(run("add", str(files / "order_update.txt")))
    res = ok(run("decide", "order_update", "approved"), 2)
    assert res.stderr.strip().splitlines() == [
        "templint: 'order_update' is draft: cannot mark it approved "
        "(it is a draft: submit it first)"
    ]
    ok(run("submit", "order_update"))
    assert "already submitted" in ok(run("submit", "order_update"), 2).stderr
    ok(run("decide", "order_update", "disabled", now="2024-05-02T10:00:00Z"))
    res = ok(run("submit", "order_update", now="2024-05-03T10:00:00Z"), 2)
    assert "disabled is final" in res.stderr
    assert "Traceback" not in res.output
    assert "no template named 'nope'" in ok(run("submit", "nope"), 2).stderr


def test_resubmission_after_rejection_keeps_history(run: Run, files: Path) -> None:
    path = files / "order_update.txt"
    ok(run("add", "--submit", str(path)))
    ok(
        run(
            "decide",
            "order_update",
            "rejected",
            "--reason",
            "INVALID_FORMAT",
            now="2024-05-02T10:00:00Z",
        )
    )
    # a revised text becomes revision 2 (a draft again), then is submitted and approved
    path.write_text("Your order {{1}} has shipped. It will arrive on {{2}}.\n", encoding="utf-8")
    res = ok(run("add", str(path), now="2024-05-02T11:00:00Z"))
    assert "revised order_update: revision 2, draft" in res.stdout
    ok(run("submit", "order_update", now="2024-05-02T12:00:00Z"))
    ok(run("decide", "order_update", "approved", now="2024-05-03T12:00:00Z"))
    shown = json.loads(ok(run("show", "order_update", "--format", "json")).stdout)
    assert [(e["from"], e["to"], e["revision"]) for e in shown["events"]] == [
        (None, "draft", 1),
        ("draft", "submitted", 1),
        ("submitted", "rejected", 1),
        ("rejected", "draft", 2),
        ("draft", "submitted", 2),
        ("submitted", "approved", 2),
    ]
    assert shown["events"][2]["reason"] == "INVALID_FORMAT"
    assert [r["revision"] for r in shown["revisions"]] == [1, 2]
    assert shown["revisions"][0]["body"] == ORDER  # the rejected text is kept


def test_readding_rules(run: Run, files: Path) -> None:
    path = files / "order_update.txt"
    ok(run("add", str(path)))
    assert "unchanged order_update" in ok(run("add", str(path))).stdout
    path.write_text("Your order {{1}} is on its way.\n", encoding="utf-8")
    assert "updated order_update: revision 1, draft" in ok(run("add", str(path))).stdout
    ok(run("submit", "order_update"))
    path.write_text("Your order {{1}} is on its way to you.\n", encoding="utf-8")
    res = ok(run("add", str(path)), 2)
    assert "changed but is submitted" in res.stderr
    shown = json.loads(ok(run("show", "order_update", "--format", "json")).stdout)
    assert shown["revisions"][0]["body"] == "Your order {{1}} is on its way."


def test_same_name_in_two_languages_needs_language(run: Run, tmp_path: Path) -> None:
    data = [
        meta("ship", "en_US", "UTILITY", "Your parcel {{1}} has shipped today.", "A123"),
        meta("ship", "es", "UTILITY", "Tu paquete {{1}} fue enviado hoy.", "A123"),
    ]
    path = tmp_path / "ship.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    ok(run("add", "--force", str(path)))  # --force: this test is about names, not lint
    assert "pass --language" in ok(run("submit", "ship"), 2).stderr
    ok(run("submit", "ship", "--language", "es"))
    rows = json.loads(ok(run("list", "--format", "json")).stdout)
    assert [(r["language"], r["state"]) for r in rows] == [("en_US", "draft"), ("es", "submitted")]


def test_times_need_an_offset_and_order(run: Run, files: Path) -> None:
    ok(run("add", str(files / "order_update.txt")))
    res = ok(run("submit", "order_update", "--at", "2024-05-01T09:00:00"), 2)
    assert "no UTC offset" in res.stderr
    res = ok(run("submit", "order_update", "--at", "2024-05-01T12:00:00Z"), 2)
    assert "in the future" in res.stderr
    res = ok(run("submit", "order_update", "--at", "2024-04-30T12:00:00Z"), 2)
    assert "before its last recorded event" in res.stderr
    assert "not an ISO 8601 time" in ok(run("submit", "order_update", "--at", "soon"), 2).stderr


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01T00:00:00+05:00",  # accepted, then list, export and show crashed on year 0
        "9999-12-31T23:59:59-05:00",  # a traceback: past year 9999 in UTC
        "1900-01-01T00:00:00Z",  # before WhatsApp Business templates existed
        "2016-12-31T23:59:59Z",
    ],
)
def test_implausible_times_are_one_line_errors(run: Run, files: Path, when: str) -> None:
    for args in (
        ("add", "--submit", str(files / "order_update.txt"), "--at", when),
        ("window", "--last-inbound", when),
    ):
        cmd = window if args[0] == "window" else queue
        res = run(*(args[1:] if cmd is window else args), cmd=cmd, now="2024-05-01T10:00:00Z")
        assert res.exit_code == 2, (args, res.output)
        (line,) = res.stderr.strip().splitlines()
        assert line.startswith("templint: ") and "out of the range" in line, line
    res = ok(run("list"))  # nothing was recorded
    assert "0 template(s)" in res.stdout
    res = ok(run("list", now=when), 2)  # TEMPLINT_NOW too
    assert "TEMPLINT_NOW" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_local_time_display(run: Run, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        ok(run("add", "--submit", str(files / "order_update.txt")))
        text = ok(run("list")).stdout
        assert "2024-05-01 15:30 +05:30" in text  # 10:00 UTC shown in local time
        assert "2024-05-01 10:00 UTC" in ok(run("list", "--utc")).stdout
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_stats(run: Run, tmp_path: Path) -> None:
    for i in range(10):
        (tmp_path / f"t{i}.txt").write_text(f"Your order {{{{1}}}} number {i} has shipped.\n")
    ok(run("add", "--submit", *[str(tmp_path / f"t{i}.txt") for i in range(10)]))
    hours = [2, 4, 6, 8, 10, 12, 14, 16]
    for i, h in enumerate(hours):
        verdict = "approved" if i < 5 else "rejected"
        reason = "PROMOTIONAL" if i < 7 else "INVALID_FORMAT"
        args = ["decide", f"t{i}", verdict] + (
            ["--reason", reason] if verdict == "rejected" else []
        )
        ok(run(*args, now=f"2024-05-01T{h:02d}:00:00-10:00"))  # 10:00Z + h hours
    data = json.loads(ok(run("stats", "--format", "json", now="2024-05-02T10:00:00Z")).stdout)
    assert data["states"]["approved"] == 5 and data["states"]["rejected"] == 3
    assert data["states"]["submitted"] == 2
    assert data["reviews"]["approval_rate"] == 5 / 8
    assert data["median_review_hours"] == 9.0
    assert data["p90_review_hours"] == pytest.approx(14.6)
    assert data["rejection_reasons"] == [
        {"reason": "PROMOTIONAL", "count": 2},
        {"reason": "INVALID_FORMAT", "count": 1},
    ]
    assert sum(g["reviewed"] for g in data["by_lint_verdict"]) == 8
    assert data["by_promo_score"] == [
        {
            "group": "no score",
            "approved": 5,
            "rejected": 3,
            "other": 0,
            "reviewed": 8,
            "approval_rate": 0.625,
        }
    ]
    assert data["quota"] == {"approved": 5, "cap": 250, "used": 0.02, "warning": False}
    text = ok(run("stats", "--cap", "5")).stderr
    assert "warning: 5 of 5 approved templates used" in text


def test_stats_score_bands_and_quota_warning(tmp_path: Path) -> None:
    from linter.queue.store import Entry

    now = [1_714_557_600]  # 2024-05-01T10:00Z
    from datetime import UTC, datetime

    store = QueueStore(tmp_path / "q.db", now=lambda: datetime.fromtimestamp(now[0], UTC))
    scores = [0.1, 0.2, 0.6, 0.9, 0.95, None]
    store.add(
        [
            Entry(name=f"t{i}", body=f"b{i}", content=f"b{i}", promo_score=s)
            for i, s in enumerate(scores)
        ],
        by="t",
        submit=True,
    )
    now[0] += 3600
    for i, s in enumerate(scores):
        store.decide(f"t{i}", "approved" if s is None or s < 0.5 else "rejected", by="t")
    st = store.stats(quota=3).to_dict()
    bands = {b["group"]: (b["approved"], b["rejected"]) for b in st["by_promo_score"]}
    assert bands == {
        "0.00-0.25": (2, 0),
        "0.50-0.75": (0, 1),
        "0.75-1.00": (0, 2),
        "no score": (1, 0),
    }
    assert st["quota"]["warning"] is True  # 3 of 3
    store.close()


def test_export_is_labelled_data(run: Run, tmp_path: Path) -> None:
    data = [
        meta("welcome", "en_US", "UTILITY", "Hello {{1}}, your account is ready to use.", "Ana"),
        meta("receipt", "en_US", "UTILITY", "We received your payment of {{1}} today.", "$10"),
    ]
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    ok(run("add", "--force", "--submit", str(path)))
    ok(run("decide", "welcome", "approved", "--category", "marketing", now="2024-05-02T10:00:00Z"))
    ok(run("decide", "receipt", "approved", now="2024-05-02T10:00:00Z"))
    rows = list(csv.DictReader(io.StringIO(ok(run("export", "--format", "csv")).stdout)))
    assert list(rows[0])[:3] == ["text", "label", "outcome"]
    got = {(r["name"], r["label"], r["outcome"]) for r in rows}
    assert got == {("welcome", "marketing", "approved"), ("receipt", "utility", "approved")}
    lines = ok(run("export", "--format", "jsonl")).stdout.splitlines()
    assert json.loads(lines[0])["text"] == "We received your payment of {{1}} today."


def test_window(run: Run) -> None:
    res = ok(
        run(
            "--last-inbound",
            "2024-05-01T09:00:00+02:00",
            "--now",
            "2024-05-01T12:00:00Z",
            "--utc",
            cmd=window,
        )
    )
    assert "open" in res.stdout and "2024-05-02 07:00 UTC" in res.stdout
    assert "19h 00m left" in res.stdout
    res = ok(run("--last-inbound", "2024-04-29T09:00:00Z", "--format", "json", cmd=window), 1)
    data = json.loads(res.stdout)  # "now" is TEMPLINT_NOW
    assert data["open"] is False and data["closed_for_seconds"] == 25 * 3600
    res = ok(run("--last-inbound", "2024-04-30T09:00:00Z", "--utc", cmd=window), 1)
    assert "only an approved template may open the conversation" in res.stdout
    res = ok(
        run("--last-inbound", "2024-05-01T10:00:00Z", "--now", "2024-05-02T09:59:59Z", cmd=window)
    )
    assert "0m left" in res.stdout  # one second before the 24 h mark: still open
    assert ok(run("--last-inbound", "2024-05-02T10:00:00Z", cmd=window), 2).stderr.startswith(
        "templint: --last-inbound"
    )


def test_default_location_is_project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEMPLINT_DB", raising=False)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert default_path(sub) == tmp_path.resolve() / ".templint" / "queue.db"
    monkeypatch.setenv("TEMPLINT_DB", str(tmp_path / "elsewhere.db"))
    assert default_path(sub) == tmp_path / "elsewhere.db"


@pytest.mark.parametrize("args", [("add", "a.txt"), ("list",), ("stats",), ("show", "a")])
def test_a_templint_folder_linked_out_of_the_project_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """A committed ``.templint -> ~/somewhere`` made the queue write its ledger (and SQLite's
    -wal and -shm) there: the link is no ledger file, so the check of links missed it."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "templint.toml").write_text("", encoding="utf-8")
    (project / "a.txt").write_text(ORDER + "\n", encoding="utf-8")
    (project / ".templint").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(project)
    env = {"TEMPLINT_DB": None, "TEMPLINT_NOW": T0, "TEMPLINT_USER": "alice"}
    res = CliRunner().invoke(main, ["queue", *args], env=env)  # type: ignore[arg-type]
    assert res.exit_code == 2, res.output
    (line,) = res.stderr.splitlines()
    assert line.startswith(f"templint: {project.resolve() / '.templint'}: a symlink to ")
    assert "outside the project" in line
    assert list(outside.iterdir()) == []  # nothing written through it


def test_a_templint_folder_linked_within_the_project_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "templint.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ORDER + "\n", encoding="utf-8")
    (tmp_path / "state").mkdir()
    (tmp_path / ".templint").symlink_to("state", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    env = {"TEMPLINT_DB": None, "TEMPLINT_NOW": T0, "TEMPLINT_USER": "alice"}
    res = CliRunner().invoke(main, ["queue", "add", "a.txt"], env=env)  # type: ignore[arg-type]
    assert res.exit_code == 0, res.output
    assert (tmp_path / "state" / "queue.db").is_file()


def test_reports_on_a_ledger_not_yet_written_are_empty(run: Run, tmp_path: Path) -> None:
    # Cron's first run, or a teammate before the first `add`: an empty report, exit 0, and
    # a note naming the path (in case it is a typo). Nothing is created by reading.
    listed = ok(run("list", "--overdue", "--format", "json"))
    assert json.loads(listed.stdout) == []
    assert "queue.db: no queue here yet" in listed.stderr
    stats = json.loads(ok(run("stats", "--format", "json")).stdout)
    assert stats["templates"] == 0 and stats["quota"]["approved"] == 0
    assert ok(run("export")).stdout.startswith("text,label,outcome,")
    # One named template cannot be shown from a queue that does not exist.
    assert "no queue here yet" in ok(run("show", "x"), 2).stderr
    assert not (tmp_path / "queue.db").exists()


@pytest.mark.parametrize("sub", ["add", "submit", "decide", "list", "show", "stats", "export"])
def test_help(sub: str) -> None:
    res = CliRunner().invoke(queue, [sub, "--help"])
    assert res.exit_code == 0 and "Usage" in res.output


def test_window_help() -> None:
    assert CliRunner().invoke(window, ["--help"]).exit_code == 0


def test_promotional_score_is_stored_when_the_classifier_runs(
    run: Run, files: Path, tmp_path: Path
) -> None:
    (tmp_path / "templint.toml").write_text('select = ["TPL101", "TPL5"]\n', encoding="utf-8")
    ok(run("add", "--force", str(files / "promo.txt"), str(files / "order_update.txt")))
    promo = json.loads(ok(run("show", "promo", "--format", "json")).stdout)["revisions"][0]
    order = json.loads(ok(run("show", "order_update", "--format", "json")).stdout)["revisions"][0]
    assert 0 <= order["promo_score"] < promo["promo_score"] <= 1


def test_a_config_typo_stops_add_with_one_line_and_keeps_the_queue(
    run: Run, files: Path, tmp_path: Path
) -> None:
    ok(run("add", str(files / "order_update.txt")))
    config = tmp_path / "templint.toml"
    config.write_text('select = ["TPL101"]\n[rules.TPL101]\nexceptoins = []\n', encoding="utf-8")
    res = run("add", str(files / "appointment.txt"))
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.output.strip().endswith(
        f"{config}: [rules.TPL101]: unknown option 'exceptoins' for discount-offer; "
        "it reads: case-sensitive, context, exceptions, patterns, replace"
    ), res.output
    assert res.output.count("\n") == 1
    listed = ok(run("list")).stdout
    assert "order_update" in listed and "appointment" not in listed


def test_the_hours_submissions_are_counted_against_metas_creation_limit(
    run: Run, tmp_path: Path
) -> None:
    """Meta allows 100 template creations per WhatsApp Business Account per hour: the 100th
    submission in an hour is the last it takes, a later one may be refused (recorded all the
    same), and `stats` counts the hour's submissions."""
    from datetime import UTC, datetime

    from linter.queue.store import Entry

    t0 = 1_714_557_600  # 2024-05-01T10:00Z
    now = [t0]
    store = QueueStore(tmp_path / "queue.db", now=lambda: datetime.fromtimestamp(now[0], UTC))
    entries = [Entry(name=f"t{i}", body=f"b{i}", content=f"b{i}") for i in range(102)]
    store.add(entries, by="t")
    now[0] = t0 + 3 * 3600
    for i in range(99):  # one every 30 s from 10:00:30
        store.submit(f"t{i}", at=t0 + 30 * (i + 1), by="t")
    store.close()
    later = "2024-05-01T13:00:00Z"
    res = ok(run("submit", "t99", "--at", "2024-05-01T10:50:00Z", "--utc", now=later))
    assert res.stderr == (
        "warning: 100 submissions in the hour to 2024-05-01 10:50 UTC; Meta allows 100 template "
        "creations per WhatsApp Business Account per hour: the latest was the last one Meta "
        "takes; the next fits from 2024-05-01 11:00 UTC\n"
    )
    res = ok(run("submit", "t100", "--at", "2024-05-01T10:50:30Z", "--utc", now=later))
    assert "101 submissions in the hour" in res.stderr
    assert "Meta may refuse the latest 1; the next fits from 2024-05-01 11:01 UTC" in res.stderr
    listed = ok(run("list", "--state", "submitted", now=later)).stdout
    assert "t100" in listed  # recorded all the same
    stats = json.loads(ok(run("stats", "--format", "json", now="2024-05-01T10:59:00Z")).stdout)
    assert stats["creation_rate"] == {"submissions_last_hour": 101, "limit_per_hour": 100}
    text = ok(run("stats", now="2024-05-01T11:30:00Z")).stdout
    assert "last hour: 41 of 100 submissions Meta allows an hour" in text  # 10:30:30-10:50:30
    # an hour later there is room again: no warning
    assert ok(run("submit", "t101", "--at", "2024-05-01T12:00:00Z", now=later)).stderr == ""


def test_a_template_approved_without_a_category_is_shown_as_undeclared(
    run: Run, files: Path
) -> None:
    """The from-category of a template that never declared one was printed '(unknown)'."""
    ok(run("add", "--submit", str(files / "order_update.txt")))
    ok(run("decide", "order_update", "approved", now="2024-05-02T10:00:00Z"))
    res = ok(run("recategorise", "order_update", "marketing", now="2024-05-03T00:00:00Z"))
    assert "(undeclared) -> MARKETING" in res.stdout, res.stdout


def test_meta_moving_an_approved_template_to_marketing_is_recorded(run: Run, files: Path) -> None:
    """Meta's template_category_update: the template stays approved, its review time stays what
    it was, and list, show, stats and export carry Meta's new category."""
    ok(run("add", "--submit", str(files / "order_update.txt")))
    res = ok(run("recategorise", "order_update", "marketing"), 2)
    assert "only a reviewed template" in res.stderr  # still in review: decide --category
    ok(run("decide", "order_update", "approved", "--category", "utility",
           now="2024-05-02T10:00:00Z"))  # fmt: skip
    res = ok(
        run("recategorise", "order_update", "MARKETING", "--reason", "asks to renew",
            "--at", "2024-05-09T08:00:00Z", now="2024-05-10T00:00:00Z")
    )  # fmt: skip
    assert "order_update (revision 1) UTILITY -> MARKETING" in res.stdout
    res = ok(run("recategorise", "order_update", "marketing", now="2024-05-10T00:00:00Z"), 2)
    assert "already MARKETING" in res.stderr

    now = "2024-05-10T00:00:00Z"
    (row,) = json.loads(ok(run("list", "--format", "json", now=now)).stdout)
    assert (row["state"], row["category"], row["waiting_hours"]) == ("approved", "MARKETING", 24.0)
    assert row["since"] == "2024-05-02T10:00:00Z"  # approved then, not when it was moved
    shown = json.loads(ok(run("show", "order_update", "--format", "json", now=now)).stdout)
    assert shown["recategorisations"] == [
        {"from": "UTILITY", "to": "MARKETING", "at": "2024-05-09T08:00:00Z",
         "recorded_at": "2024-05-10T00:00:00Z", "by": "alice", "revision": 1,
         "reason": "asks to renew"}
    ]  # fmt: skip
    history = ok(run("show", "order_update", "--utc", now=now)).stdout
    assert "UTILITY → MARKETING" in history and "re-categorised by Meta" in history
    stats = json.loads(ok(run("stats", "--format", "json", now=now)).stdout)
    assert stats["recategorised"] == [{"from": "UTILITY", "to": "MARKETING", "count": 1}]
    assert stats["reviews"]["approved"] == 1  # a move is not another review
    (exported,) = csv.DictReader(io.StringIO(ok(run("export", now=now)).stdout))
    assert exported["label"] == "marketing" and exported["outcome"] == "approved"


def test_add_takes_the_category_per_file_settings_give_a_folder(run: Run, tmp_path: Path) -> None:
    # [per-file] is how a team files text templates by folder; the ledger must record it.
    (tmp_path / "templint.toml").write_text(
        'select = ["TPL101"]\n[per-file]\n"marketing/" = { category = "MARKETING" }\n',
        encoding="utf-8",
    )
    (tmp_path / "marketing").mkdir()
    (tmp_path / "marketing" / "weekend_sale.txt").write_text(PROMO + "\n", encoding="utf-8")
    ok(run("add", str(tmp_path / "marketing" / "weekend_sale.txt")))  # the offer is allowed
    (row,) = json.loads(ok(run("list", "--format", "json")).stdout)
    assert (row["name"], row["category"]) == ("weekend_sale", "MARKETING")


def test_add_fix_writes_the_safe_fixes_and_records_the_fixed_text(run: Run, tmp_path: Path) -> None:
    (tmp_path / "templint.toml").write_text('select = ["TPL101", "TPL326"]\n', "utf-8")
    draft = tmp_path / "reminder.txt"
    draft.write_text("Hi {{ 1 }}, your appointment is on {{2}} at {{3}}.\n", encoding="utf-8")
    res = ok(run("add", "--fix", str(draft)))
    assert "fixed 1 finding" in res.stderr
    assert draft.read_text(encoding="utf-8") == "Hi {{1}}, your appointment is on {{2}} at {{3}}.\n"
    shown = json.loads(ok(run("show", "reminder", "--format", "json")).stdout)
    assert shown["revisions"][0]["body"].startswith("Hi {{1}},")


def test_language_option_takes_either_spelling(run: Run, tmp_path: Path) -> None:
    # sync reads pt-br as pt_BR; -l did not, so `-l pt-br` found nothing
    drafts = [meta("ship", lang, "UTILITY", ORDER, "A1", "Monday") for lang in ("pt_BR", "en_US")]
    (tmp_path / "t.json").write_text(json.dumps(drafts), encoding="utf-8")
    ok(run("add", "t.json"))
    ok(run("submit", "ship", "-l", "pt-br"))
    shown = json.loads(ok(run("show", "ship", "-l", "EN_us", "--format", "json")).stdout)
    assert (shown["language"], shown["state"]) == ("en_US", "draft")
    rows = json.loads(ok(run("list", "--format", "json")).stdout)
    assert [(r["language"], r["state"]) for r in rows] == [
        ("en_US", "draft"),
        ("pt_BR", "submitted"),
    ]


def test_a_date_without_a_time_is_told_a_form_that_is_accepted(run: Run, files: Path) -> None:
    ok(run("add", str(files / "order_update.txt")))
    res = ok(run("submit", "order_update", "--at", "2024-05-01"), 2)
    assert "no UTC offset" in res.stderr and "2024-05-01T00:00:00Z" in res.stderr
    # the suggestion parses: refused only because it is before the draft was added
    res = ok(run("submit", "order_update", "--at", "2024-05-01T00:00:00Z"), 2)
    assert "before its last recorded event" in res.stderr


def test_list_csv_writes_booleans_as_json_does(run: Run, files: Path) -> None:
    ok(run("add", "--submit", str(files / "order_update.txt")))
    text = ok(run("list", "--format", "csv", now="2024-05-05T00:00:00Z")).stdout
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["overdue"] == "true"


def test_submit_refuses_a_file_changed_since_it_was_added(run: Run, files: Path) -> None:
    # The ledger, and export's labelled outcomes, kept text that was never sent.
    draft = files / "order_update.txt"
    ok(run("add", str(draft)))
    draft.write_text(ORDER + " Thanks for shopping with us.\n", encoding="utf-8")
    res = ok(run("submit", "order_update"), 2)
    assert f"{draft} has changed since revision 1 of order_update was added" in res.stderr
    assert f"`templint queue add --submit {draft}`" in res.stderr
    assert "draft" in ok(run("list")).stdout  # nothing recorded
    ok(run("add", "--submit", str(draft)))
    shown = ok(run("show", "order_update")).stdout  # a draft is updated in place
    assert "Thanks for shopping with us." in shown and "submitted" in shown
    # a file that is gone says nothing either way; --as-recorded submits what was added
    (files / "appointment.txt").write_text(REMINDER + " See you soon.\n", encoding="utf-8")
    ok(run("add", str(files / "promo.txt"), "--force"))
    (files / "promo.txt").unlink()
    ok(run("submit", "promo"))
    ok(run("add", str(files / "appointment.txt")))
    (files / "appointment.txt").write_text(REMINDER + "\n", encoding="utf-8")
    ok(run("submit", "appointment", "--as-recorded"))


def test_resubmitting_the_rejected_text_unchanged_says_so(run: Run, files: Path) -> None:
    # `add --submit` printed "unchanged …, submitted" while it resubmitted what Meta rejected.
    draft = str(files / "order_update.txt")
    ok(run("add", "--submit", draft))
    ok(run("decide", "order_update", "rejected", "--reason", "INVALID_FORMAT"))
    res = ok(run("add", "--submit", draft))
    assert res.stdout == "resubmitted order_update: revision 1, submitted\n"
    assert "the text Meta rejected, sent again unchanged" in res.stderr


def test_a_time_recorded_by_a_clock_ahead_waits_0m_and_is_marked(run: Run, files: Path) -> None:
    # A teammate whose clock ran two hours fast submitted at "12:00"; at 10:00 here the wait
    # was -2h 00m. It is 0m, marked AHEAD, and overdue 72 h after the recorded time, as ever.
    ok(run("add", "--submit", str(files / "order_update.txt"), now="2024-05-01T12:00:00Z"))
    ok(run("add", str(files / "appointment.txt")))
    res = ok(run("list", "--utc", now="2024-05-01T10:00:00Z"))
    table = {ln.split()[0]: ln for ln in res.stdout.splitlines()[1:-1]}
    assert "-2h" not in res.stdout
    assert "  0m  " in table["order_update"] and table["order_update"].endswith("AHEAD")
    assert not table["appointment"].endswith("AHEAD")
    assert res.stdout.splitlines()[-1] == "2 template(s); 1 pending, 0 overdue"
    (note,) = res.stderr.strip().splitlines()
    assert note.startswith("note: 1 template(s) marked AHEAD have a time after now")
    (row,) = [
        r
        for r in json.loads(ok(run("list", "--format", "json", now="2024-05-01T10:00:00Z")).stdout)
        if r["name"] == "order_update"
    ]
    assert row["waiting_hours"] == 0.0 and row["ahead"] is True and row["overdue"] is False
    assert row["due"] == "2024-05-04T12:00:00Z"
    shown = ok(run("show", "order_update", "--utc", now="2024-05-01T10:00:00Z")).stdout
    assert "(waiting 0m)  AHEAD: 2h 00m after now" in shown
    # the overdue rule still runs from the recorded time: not at 72 h from here, at 72 h after it
    cron = ("list", "--overdue", "--exit-status")
    ok(run(*cron, now="2024-05-04T12:00:00Z"))
    late = ok(run(*cron, "--format", "json", now="2024-05-04T12:00:01Z"), 1)
    (late_row,) = json.loads(late.stdout)
    assert late_row["overdue"] is True and late_row["ahead"] is False
    assert late_row["waiting_hours"] == 72.0
    text = ok(run("list", now="2024-05-04T12:00:01Z"))
    assert "AHEAD" not in text.stdout + text.stderr and "OVERDUE" in text.stdout


def test_names_are_listed_and_exported_in_natural_order(run: Run, tmp_path: Path) -> None:
    # Text order put order_update_10 between _1 and _2.
    folder = tmp_path / "natural"
    folder.mkdir()
    names = ["order_update_10", "order_update_2", "order_update", "order_update_1", "v2_notice"]
    names += ["v10_notice", "order_update_01"]
    for name in names:
        (folder / f"{name}.txt").write_text(ORDER + f" Ref {name}.\n", encoding="utf-8")
    ok(run("add", *sorted(str(p) for p in folder.iterdir())))
    natural = [
        "order_update",
        "order_update_01",  # the same number as _1: by name after it, 0 before 1
        "order_update_1",
        "order_update_2",
        "order_update_10",
        "v2_notice",
        "v10_notice",
    ]
    text = ok(run("list")).stdout.splitlines()
    assert [ln.split()[0] for ln in text[1:-1]] == natural
    listed = json.loads(ok(run("list", "--format", "json")).stdout)
    assert [r["name"] for r in listed] == natural
    rows = list(csv.DictReader(io.StringIO(ok(run("list", "--format", "csv")).stdout)))
    assert [r["name"] for r in rows] == natural
    exported = list(csv.DictReader(io.StringIO(ok(run("export")).stdout)))
    assert [r["name"] for r in exported] == natural


@pytest.mark.parametrize(
    "ordered",
    [
        ["a", "a0", "a00", "a01", "a1", "a2", "a10", "a_1", "b"],
        ["x9", "x10", "x99", "x100", "x1000000000000000000000"],
        ["t1_v2", "t1_v10", "t2_v1", "t10_v1"],
        ["2fa_code", "10_offers", "alert", "alert1", "alert_1"],
        ["n_7", "n_7_1", "n_7a", "n_8"],
    ],
)
def test_natural_key_orders_numbers_by_value(ordered: list[str]) -> None:
    from linter.queue.schema import natural_key

    assert sorted(reversed(ordered), key=lambda n: (natural_key(n), n)) == ordered


def test_text_outputs_escape_terminal_controls_from_a_sync_file(run: Run, tmp_path: Path) -> None:
    """Names and rejection reasons in a sync file are input: OSC 52, CSI and a carriage return
    in them were printed raw by list, show and stats."""
    reason = "INVALID_FORMAT\x1b]52;c;Y3VybA==\x07\x1b[2J\x1b[31mFAKE: all approved\x1b[0m"
    name = "promo\x1b[2K\rspoofed"
    (tmp_path / "order.txt").write_text(ORDER + "\n", encoding="utf-8")
    ok(run("add", "--submit", str(tmp_path / "order.txt")))
    listing = {
        "data": [
            {"name": "order", "language": "en", "status": "REJECTED", "category": "UTILITY"},
            {
                **meta(name, "en_US", "MARKETING", "Hi \x1b]8;;https://evil.example\x1b\\x"),
                "status": "APPROVED",
            },
        ]
    }
    listing["data"][0]["rejected_reason"] = reason
    (tmp_path / "meta.json").write_text(json.dumps(listing), encoding="utf-8")
    synced = run("sync", "--add-missing", str(tmp_path / "meta.json"), now="2024-05-03T10:00:00Z")
    outputs = [synced.output]
    outputs.append(ok(run("list", now="2024-05-03T10:00:00Z")).stdout)
    outputs.append(ok(run("show", "order", now="2024-05-03T10:00:00Z")).stdout)
    outputs.append(ok(run("show", name, now="2024-05-03T10:00:00Z")).stdout)
    outputs.append(ok(run("stats", now="2024-05-03T10:00:00Z")).stdout)
    for out in outputs:
        assert not any(ch in out for ch in "\x1b\x07\r"), out
    assert "INVALID_FORMAT\\x1b]52;c;Y3VybA==\\x07" in outputs[2] + outputs[4]
    assert "promo\\x1b[2K\\rspoofed" in outputs[1]
    assert "Hi \\x1b]8;;https://evil.example\\x1b\\x" in outputs[3]
