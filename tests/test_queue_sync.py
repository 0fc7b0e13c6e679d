"""``templint queue sync``: Meta's template list and webhooks, recorded in the ledger."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from linter.commands.queue import queue
from linter.queue.sync import meta_language

T0 = "2024-05-01T10:00:00Z"
Run = Callable[..., Result]


def body(name: str, language: str, text: str) -> dict[str, object]:
    return {
        "name": name,
        "language": language,
        "category": "UTILITY",
        "components": [{"type": "BODY", "text": text, "example": {"body_text": [["Ana", "A12"]]}}],
    }


def hook(time: int, field: str, **value: object) -> str:
    entry = {"id": "1", "time": time, "changes": [{"field": field, "value": value}]}
    return json.dumps({"object": "whatsapp_business_account", "entry": [entry]})


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    (tmp_path / "templint.toml").write_text('select = ["TPL101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str, now: str = T0) -> Result:
        env = {"TEMPLINT_DB": str(tmp_path / "q.db"), "TEMPLINT_NOW": now, "TEMPLINT_USER": "al"}
        return CliRunner().invoke(queue, list(args), env=env)

    drafts = [
        body("order_update", "en_US", "Hi {{1}}, your order {{2}} has shipped."),
        body("renewal_notice", "en_US", "Hi {{1}}, your plan {{2}} renews soon."),
        body("pickup_ready", "es", "Hola {{1}}, tu pedido {{2}} está listo."),
    ]
    (tmp_path / "drafts.json").write_text(json.dumps(drafts), encoding="utf-8")
    (tmp_path / "note.txt").write_text("Hi {{1}}, your table is booked for {{2}}.\n", "utf-8")
    assert invoke("add", "--submit", "drafts.json").exit_code == 0
    assert invoke("add", "note.txt").exit_code == 0  # a draft with no language
    return invoke


def events(tmp_path: Path) -> int:
    con = sqlite3.connect(tmp_path / "q.db")
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()


def rows(run: Run, now: str) -> dict[str, dict[str, object]]:
    listed = json.loads(run("list", "--format", "json", now=now).stdout)
    return {r["name"]: r for r in listed}


META_LIST = {
    "data": [
        {"name": "order_update", "language": "en_US", "status": "APPROVED", "category": "UTILITY"},
        {"name": "renewal_notice", "language": "en_US", "status": "APPROVED",
         "category": "MARKETING"},
        {"name": "pickup_ready", "language": "es", "status": "REJECTED", "category": "UTILITY",
         "rejected_reason": "INVALID_FORMAT"},
        {"name": "made_elsewhere", "language": "en_US", "status": "APPROVED"},
    ],
    "paging": {"cursors": {"after": "x"}},
}  # fmt: skip


def test_the_api_list_records_verdicts_once(run: Run, tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps(META_LIST), encoding="utf-8")
    now = "2024-05-02T12:00:00Z"
    dry = run("sync", "--dry-run", "meta.json", now=now)
    assert dry.exit_code == 0 and "would record 3 changes" in dry.stdout
    before = events(tmp_path)
    assert before == 7  # three drafts submitted, one draft: the dry run wrote nothing
    res = run("sync", "meta.json", "--utc", now=now)
    assert res.exit_code == 0, res.output
    assert "approved renewal_notice [en_US] as MARKETING at 2024-05-02 12:00 UTC after 26h" in (
        res.stdout
    )
    assert "rejected pickup_ready [es] at 2024-05-02 12:00 UTC after 26h 00m in review: " in (
        res.stdout
    )
    assert "not in the ledger (1): made_elsewhere [en_US]" in res.stderr
    assert res.stdout.splitlines()[-1] == (
        "recorded 3 changes; 0 already recorded; 0 to check; 1 not in the ledger"
    )
    listed = rows(run, now)
    assert listed["renewal_notice"]["category"] == "MARKETING"  # Meta's, not the declared one
    assert listed["pickup_ready"]["reason"] == "INVALID_FORMAT"
    # a cron job syncing the same file again records nothing
    again = run("sync", "meta.json", now="2024-05-02T13:00:00Z")
    assert again.exit_code == 0 and "recorded 0 changes; 3 already recorded" in again.stdout
    assert events(tmp_path) == before + 3


def test_webhooks_are_applied_in_time_order_with_their_own_times(run: Run, tmp_path: Path) -> None:
    approve = hook(1714651200, "message_template_status_update", event="APPROVED",
                   message_template_name="order_update", message_template_language="en-US",
                   reason="NONE")  # fmt: skip
    move = hook(1714737600, "template_category_update", message_template_name="order_update",
                message_template_language="en-US", previous_category="UTILITY",
                new_category="MARKETING")  # fmt: skip
    pause = hook(1714824000, "message_template_status_update", event="PAUSED",
                 message_template_name="order_update",
                 message_template_language="en_US")  # fmt: skip
    announced = hook(1714824000, "template_category_update", message_template_name="order_update",
                     message_template_language="en_US", correct_category="UTILITY",
                     new_category="MARKETING", category_update_timestamp=1714910400)  # fmt: skip
    quality = hook(1714824000, "message_template_quality_update",
                   message_template_name="order_update", new_quality_score="RED")  # fmt: skip
    # out of order in the file, as a webhook store may keep them
    (tmp_path / "hooks.jsonl").write_text(
        "\n".join([pause, quality, move, announced, approve]) + "\n", encoding="utf-8"
    )
    res = run("sync", "hooks.jsonl", "--utc", now="2024-05-06T00:00:00Z")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == [
        "approved order_update [en_US] at 2024-05-02 12:00 UTC after 26h 00m in review",
        "re-categorised order_update [en_US] UTILITY -> MARKETING at 2024-05-03 12:00 UTC",
        "paused order_update [en_US] at 2024-05-04 12:00 UTC",
        "recorded 3 changes; 0 already recorded; 0 to check; 0 not in the ledger",
    ]
    assert "Meta will move it to UTILITY" in res.stderr  # announced only: nothing recorded
    shown = json.loads(run("show", "order_update", "--format", "json", now=T0).stdout)
    assert [e["to"] for e in shown["events"]][-2:] == ["approved", "paused"]


def test_states_the_ledger_cannot_reach_are_left_for_a_person(run: Run, tmp_path: Path) -> None:
    # note.txt is a draft with no language: Meta's en_US template of that name is the same one
    (tmp_path / "meta.json").write_text(
        json.dumps([{"name": "note", "language": "en_US", "status": "APPROVED"}]), "utf-8"
    )
    before = events(tmp_path)
    res = run("sync", "meta.json")
    assert res.exit_code == 1
    assert "check: note is draft in the ledger but APPROVED at Meta: record its submission " in (
        res.stderr
    )
    assert "(queue submit note; --at TIME for when it was sent, if that was after " in res.stderr
    assert events(tmp_path) == before
    # the advice works as given (the one before named an --at the ledger then refused)
    assert run("submit", "note").exit_code == 0
    res = run("sync", "meta.json")
    assert res.exit_code == 0, res.stderr


def test_bad_files_are_one_line_errors_and_nothing_is_recorded(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(json.dumps(META_LIST), encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text(
        hook(1714651200, "message_template_status_update", event="APPROVED",
             message_template_name="x") + "\n{not json\n", encoding="utf-8"
    )  # fmt: skip
    (tmp_path / "other.json").write_text('{"templates": []}', encoding="utf-8")
    # nested past Python's recursion limit: a RecursionError traceback before 2026-12-07
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    before = events(tmp_path)
    for bad, said in [
        ("deep.json", "deep.json: invalid JSON: JSON nested deeper than 200 levels"),
        ("broken.jsonl", "broken.jsonl:2: invalid JSON"),
        ("other.json", "other.json:1: not a Meta template list"),
        ("missing.json", "missing.json: no such file"),
    ]:
        res = run("sync", "good.json", bad)
        assert res.exit_code == 2, res.output
        (line,) = res.stderr.strip().splitlines()
        assert line.startswith("templint: ") and said in line
    assert events(tmp_path) == before
    (tmp_path / "none.json").write_text('{"data": [], "paging": {}}', encoding="utf-8")
    assert run("sync", "none.json").exit_code == 0  # an account with no templates yet


def test_meta_language_codes_in_either_spelling() -> None:
    assert meta_language("en-US") == meta_language("en_US") == "en_US"
    assert meta_language("pt-br") == "pt_BR" and meta_language("ES") == "es"
    assert meta_language("") is None and meta_language(None) is None


def test_add_missing_enters_reviewed_templates_for_the_quota_not_the_review_figures(
    run: Run, tmp_path: Path
) -> None:
    # A team adopting templint has templates Meta approved long ago: the quota must count them,
    # but their reviews were never seen, so review times and approval rates must not.
    def item(name: str, status: str, text: str, **more: str) -> dict[str, object]:
        body = {"type": "BODY", "text": text}
        return {"name": name, "language": "en_US", "status": status, "category": "MARKETING",
                "components": [body], **more}  # fmt: skip

    listed = {"data": [
        item("spring_sale", "APPROVED", "Spring sale: 20% off everything this weekend!"),
        item("old_offer", "REJECTED", "Use code SAVE20 today.", rejected_reason="PROMOTIONAL"),
        item("in_review", "PENDING", "Our new range is here."),
        {"name": "bare", "language": "en_US", "status": "APPROVED"},
    ]}  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    assert run("decide", "order_update", "approved", now="2024-05-02T10:00:00Z").exit_code == 0
    now = "2024-05-06T12:00:00Z"
    stats_before = json.loads(run("stats", "--format", "json", now=now).stdout)
    assert stats_before["reviews"]["reviewed"] == 1 and stats_before["median_review_hours"] == 24
    res = run("sync", "--add-missing", "meta.json", now=now)
    assert res.exit_code == 0, res.output
    assert "added spring_sale [en_US]: approved as MARKETING at Meta" in res.stdout
    assert "added old_offer [en_US]: rejected at Meta" in res.stdout
    assert "in_review [en_US] is in review at Meta" in res.stderr
    assert "bare [en_US] has no components in the list" in res.stderr
    assert "not in the ledger (2): bare [en_US], in_review [en_US]" in res.stderr
    stats = json.loads(run("stats", "--format", "json", now=now).stdout)
    assert stats["quota"]["approved"] == stats_before["quota"]["approved"] + 1
    assert stats["reviews"] == stats_before["reviews"]  # no review was seen
    assert stats["median_review_hours"] == stats_before["median_review_hours"]
    assert stats["by_lint_verdict"] == stats_before["by_lint_verdict"]
    shown = json.loads(run("show", "spring_sale", "--format", "json", now=now).stdout)
    assert (shown["state"], shown["category"], shown["lint_verdict"]) == (
        "approved", "MARKETING", "clean"
    )  # fmt: skip
    again = run("sync", "--add-missing", "meta.json", now="2024-05-06T13:00:00Z")
    assert "0 added; 2 already recorded" in again.stdout


def test_json_output_gives_a_cron_job_every_change_and_note(run: Run, tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps(META_LIST), encoding="utf-8")
    res = run("sync", "--format", "json", "meta.json", now="2024-05-02T12:00:00Z")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)  # all of standard output is the one object
    assert [(c["action"], c["name"], c["category"]) for c in report["changes"]] == [
        ("approved", "order_update", "UTILITY"),
        ("approved", "renewal_notice", "MARKETING"),
        ("rejected", "pickup_ready", None),
    ]
    assert report["changes"][2]["reason"] == "INVALID_FORMAT"
    assert report["changes"][0]["at"] == "2024-05-02T12:00:00Z"
    assert report["not_in_ledger"] == ["made_elsewhere [en_US]"]
    assert report["summary"] == {
        "dry_run": False, "recorded": 3, "added": 0, "already_recorded": 0, "to_check": 0,
        "not_in_ledger": 1,
    }  # fmt: skip
    assert res.stderr == ""


def test_a_dry_run_previews_the_first_sync_without_making_a_ledger(tmp_path: Path) -> None:
    body = [{"type": "BODY", "text": "Hello {{1}}, thanks."}]
    listed = {"data": [{"name": "hello", "language": "en_US", "status": "APPROVED",
                        "components": body}]}  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    db = tmp_path / "ledger" / "q.db"
    env = {"TEMPLINT_DB": str(db), "TEMPLINT_NOW": T0}
    res = CliRunner().invoke(
        queue, ["sync", "--dry-run", "--add-missing", str(tmp_path / "meta.json")], env=env
    )
    assert res.exit_code == 0, res.output
    assert "would add hello [en_US]: approved at Meta" in res.stdout
    assert not db.exists() and not db.parent.exists()


def test_syncing_the_same_webhook_log_again_records_nothing(run: Run, tmp_path: Path) -> None:
    # A cron job keeps the whole webhook log and syncs all of it every hour: what the first run
    # recorded is in the ledger's history, not news that goes against its latest event.
    approve = hook(1714651200, "message_template_status_update", event="APPROVED",
                   message_template_name="order_update", message_template_language="en_US",
                   message_template_category="UTILITY", reason="NONE")  # fmt: skip
    move = hook(1714737600, "template_category_update", message_template_name="order_update",
                message_template_language="en_US", previous_category="UTILITY",
                new_category="MARKETING")  # fmt: skip
    pause = hook(1714824000, "message_template_status_update", event="PAUSED",
                 message_template_name="order_update",
                 message_template_language="en_US")  # fmt: skip
    (tmp_path / "hooks.jsonl").write_text("\n".join([approve, move, pause]) + "\n", "utf-8")
    now = "2024-05-06T00:00:00Z"
    first = run("sync", "hooks.jsonl", now=now)
    assert first.exit_code == 0, first.output
    assert "recorded 3 changes; 0 already recorded" in first.stdout
    before = events(tmp_path)
    for args in (["--dry-run"], []):
        again = run("sync", *args, "hooks.jsonl", now="2024-05-06T01:00:00Z")
        assert again.exit_code == 0, again.output
        assert again.stdout.splitlines()[-1].endswith(
            " 0 changes; 3 already recorded; 0 to check; 0 not in the ledger"
        ), again.stdout
        assert again.stderr == ""
    assert events(tmp_path) == before
    stats = json.loads(run("stats", "--format", "json", now=now).stdout)
    assert stats["recategorised"] == [{"from": "UTILITY", "to": "MARKETING", "count": 1}]


def test_an_update_older_than_the_ledgers_history_is_checked_in_the_dry_run_too(
    run: Run, tmp_path: Path
) -> None:
    # Meta's rejection at a time before the ledger's approval is not in the history: a person
    # looks; the dry run says so as the real run does instead of promising to record it.
    assert run("decide", "order_update", "approved", now="2024-05-03T00:00:00Z").exit_code == 0
    (tmp_path / "late.jsonl").write_text(
        hook(1714651200, "message_template_status_update", event="REJECTED",
             message_template_name="order_update", message_template_language="en_US") + "\n",
        "utf-8",
    )  # fmt: skip
    before = events(tmp_path)
    for args in (["--dry-run"], []):
        res = run("sync", *args, "late.jsonl", now="2024-05-04T00:00:00Z")
        assert res.exit_code == 1, res.output
        assert res.stdout.splitlines()[-1].endswith(" 0 changes; 0 already recorded; 1 to check; "
                                                    "0 not in the ledger"), res.stdout  # fmt: skip
        assert "before the ledger's latest event for it" in res.stderr
    assert events(tmp_path) == before


def test_a_verdict_recorded_by_hand_after_metas_time_is_already_recorded(
    run: Run, tmp_path: Path
) -> None:
    # decide ran the next morning; Meta's webhook says when it really happened
    assert run("decide", "order_update", "approved", now="2024-05-03T09:00:00Z").exit_code == 0
    assert run("decide", "order_update", "paused", now="2024-05-04T09:00:00Z").exit_code == 0
    approve = hook(1714651200, "message_template_status_update", event="APPROVED",
                   message_template_name="order_update",
                   message_template_language="en_US")  # fmt: skip
    (tmp_path / "hooks.jsonl").write_text(approve + "\n", "utf-8")
    res = run("sync", "hooks.jsonl", now="2024-05-05T00:00:00Z")
    assert res.exit_code == 0, res.output
    assert "recorded 0 changes; 1 already recorded; 0 to check" in res.stdout


def test_learning_the_category_of_an_undeclared_template_is_not_a_move(
    run: Run, tmp_path: Path
) -> None:
    # note.txt declares no category; Meta's list gives one. Syncing it twice must not count a
    # re-categorisation by Meta that never happened.
    assert run("submit", "note").exit_code == 0
    assert run("decide", "note", "approved", now="2024-05-02T10:00:00Z").exit_code == 0
    listed = {"data": [{"name": "note", "language": "en_US", "status": "PAUSED",
                        "category": "UTILITY"}]}  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    first = run("sync", "meta.json", now="2024-05-03T10:00:00Z")
    assert first.exit_code == 0, first.output
    assert "recorded 1 change;" in first.stdout and "re-categorised" not in first.stdout
    for args in (["--dry-run"], []):
        again = run("sync", *args, "meta.json", now="2024-05-03T11:00:00Z")
        assert again.exit_code == 0, again.output
        assert " 0 changes; 1 already recorded;" in again.stdout, again.stdout
    stats = json.loads(run("stats", "--format", "json", now="2024-05-04T00:00:00Z").stdout)
    assert stats["recategorised"] == []
    assert rows(run, "2024-05-04T00:00:00Z")["note"]["category"] == "UTILITY"  # learnt


def test_a_pause_in_another_category_records_the_move_on_the_first_sync(
    run: Run, tmp_path: Path
) -> None:
    # order_update declared and was approved as UTILITY; Meta's list now has it PAUSED as
    # MARKETING: the first sync records both, the second nothing.
    assert run("decide", "order_update", "approved", "--category", "utility",
               now="2024-05-02T10:00:00Z").exit_code == 0  # fmt: skip
    listed = [{"name": "order_update", "language": "en_US", "status": "PAUSED",
               "category": "MARKETING"}]  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    first = run("sync", "meta.json", now="2024-05-03T10:00:00Z")
    assert first.exit_code == 0, first.output
    assert "re-categorised order_update [en_US] UTILITY -> MARKETING" in first.stdout
    assert "recorded 2 changes;" in first.stdout
    again = run("sync", "meta.json", now="2024-05-03T11:00:00Z")
    assert "recorded 0 changes; 1 already recorded; 0 to check" in again.stdout, again.stdout


def test_webhook_times_in_milliseconds_are_read_as_seconds(run: Run, tmp_path: Path) -> None:
    # entry.time is in seconds; a log written by a store that keeps milliseconds crashed sync
    approve = hook(1714651200000, "message_template_status_update", event="APPROVED",
                   message_template_name="order_update",
                   message_template_language="en_US")  # fmt: skip
    (tmp_path / "hooks.jsonl").write_text(approve + "\n", "utf-8")
    res = run("sync", "hooks.jsonl", "--utc", now="2024-05-03T00:00:00Z")
    assert res.exit_code == 0, res.output
    assert "approved order_update [en_US] at 2024-05-02 12:00 UTC" in res.stdout


@pytest.mark.parametrize("time", [17146512, 99999999999999999, -1714651200])
def test_implausible_webhook_times_are_refused_naming_the_line(
    run: Run, tmp_path: Path, time: int
) -> None:
    good = hook(1714651200, "message_template_status_update", event="APPROVED",
                message_template_name="order_update",
                message_template_language="en_US")  # fmt: skip
    bad = hook(time, "message_template_status_update", event="PAUSED",
               message_template_name="order_update", message_template_language="en_US")  # fmt: skip
    (tmp_path / "hooks.jsonl").write_text(good + "\n" + bad + "\n", "utf-8")
    before = events(tmp_path)
    res = run("sync", "hooks.jsonl", now="2024-05-03T00:00:00Z")
    assert res.exit_code == 2, res.output
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("templint: hooks.jsonl:2: ") and "entry.time" in line, line
    assert events(tmp_path) == before


def test_a_text_file_re_added_after_an_import_is_the_imported_template(
    run: Run, tmp_path: Path
) -> None:
    # sync --add-missing entered Meta's spring_sale [en_US]; the team's own file has no
    # language. Adding it must find that template, as sync finds a text file's, not make a
    # second spring_sale with no language.
    text = "Hi {{1}}, our spring range is in store from {{2}}."
    listed = {"data": [{"name": "spring_sale", "language": "en_US", "status": "APPROVED",
                        "category": "MARKETING",
                        "components": [{"type": "BODY", "text": text}]}]}  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    assert run("sync", "--add-missing", "meta.json").exit_code == 0
    (tmp_path / "spring_sale.txt").write_text(text + "\n", encoding="utf-8")
    res = run("add", "spring_sale.txt")
    assert res.exit_code == 0, res.output
    assert res.stdout == "unchanged spring_sale [en_US]: revision 1, approved\n"
    (tmp_path / "spring_sale.txt").write_text("Hi {{1}}, it is spring.\n", encoding="utf-8")
    res = run("add", "spring_sale.txt")
    assert res.exit_code == 2 and "refused spring_sale [en_US]: 'spring_sale' changed" in res.stderr
    names = [(r["name"], r["language"]) for r in json.loads(run("list", "--format", "json").stdout)]
    assert names.count(("spring_sale", "en_US")) == 1 and ("spring_sale", "") not in names


def test_a_text_file_for_a_name_in_several_languages_is_refused(run: Run, tmp_path: Path) -> None:
    body = [{"type": "BODY", "text": "Hello {{1}}, thanks.", "example": {"body_text": [["A"]]}}]
    listed = [{"name": "hello", "language": lang, "status": "APPROVED", "components": body}
              for lang in ("en_US", "es")]  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    assert run("sync", "--add-missing", "meta.json").exit_code == 0
    (tmp_path / "hello.txt").write_text("Hello {{1}}, thanks.\n", encoding="utf-8")
    res = run("add", "hello.txt")
    assert res.exit_code == 2, res.output
    assert "hello exists in several languages (en_US, es)" in res.stderr
    names = [r["name"] for r in json.loads(run("list", "--format", "json").stdout)]
    assert names.count("hello") == 2


@pytest.mark.parametrize("order", [1, -1])
def test_a_name_meta_has_in_several_languages_is_not_guessed_for_a_text_file(
    run: Run, tmp_path: Path, order: int
) -> None:
    # note.txt has no language; Meta has note in Spanish (approved) and English (rejected).
    # Which one is the file is not for sync to guess (it took whichever came last).
    assert run("submit", "note").exit_code == 0
    listed = [{"name": "note", "language": "es", "status": "APPROVED"},
              {"name": "note", "language": "en_US", "status": "REJECTED"}][::order]  # fmt: skip
    (tmp_path / "meta.json").write_text(json.dumps(listed), encoding="utf-8")
    before = events(tmp_path)
    res = run("sync", "meta.json", now="2024-05-03T00:00:00Z")
    assert res.exit_code == 1, res.output
    assert "recorded 0 changes; 0 already recorded; 2 to check" in res.stdout
    assert "check: note Meta has note in several languages (en_US, es)" in res.stderr
    assert events(tmp_path) == before
