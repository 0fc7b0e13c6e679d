"""``templint explain``: a draft's score, the words each way, and its findings."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from linter.classifier.scorer import load_scorer
from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent
OFFER = ROOT / "examples" / "bad" / "discount_in_utility.txt"


def explain(*args: str):
    return CliRunner().invoke(main, ["explain", "--isolated", *args])


def test_explain_gives_the_score_both_directions_and_the_findings() -> None:
    res = explain("--format", "json", "--words", "5", str(OFFER))
    assert res.exit_code == 0, res.output
    (report,) = json.loads(res.stdout)
    text = OFFER.read_text(encoding="utf-8").lower()
    score = load_scorer().score(OFFER.read_text(encoding="utf-8").strip())
    assert report["promotional_score"] == round(score.promotional, 4)
    assert report["predicted_category"] == "MARKETING" == score.category
    assert abs(sum(report["probabilities"].values()) - 1) < 1e-3
    up, down = report["pushes_up"], report["holds_down"]
    assert 0 < len(up) <= 5 and 0 < len(down) <= 5
    assert all(c > 0 for _, c in up) and all(c < 0 for _, c in down)
    assert [c for _, c in up] == sorted((c for _, c in up), reverse=True)
    assert all(w.split()[0] in text for w, _ in up + down)  # words of the draft itself
    codes = {f["code"] for f in report["findings"]}
    assert {"TPL101", "TPL102"} <= codes and "TPL501" not in codes  # said in full instead
    plain = explain(str(OFFER)).stdout
    assert "at or over TPL501's threshold" in plain and "pushes it up:" in plain


def test_explain_says_why_a_draft_reads_as_another_category(tmp_path: Path) -> None:
    code = tmp_path / "reset_code.txt"
    code.write_text("Your password reset code is 482913. It expires in 10 minutes.\n", "utf-8")
    (report,) = json.loads(explain("--format", "json", str(code)).stdout)
    assert report["predicted_category"] == "AUTHENTICATION"
    why = [w for w, _ in report["category_words"]]
    assert "code" in why and all(c > 0 for _, c in report["category_words"])
    assert why != [w for w, _ in report["pushes_up"]]  # its own direction, not the promotional
    assert "  why AUTHENTICATION: 'code' +" in explain(str(code)).stdout
    # a promotional draft's reasons are its pushes_up, not listed twice
    (offer,) = json.loads(explain("--format", "json", str(OFFER)).stdout)
    assert offer["category_words"] == [] and "why MARKETING" not in explain(str(OFFER)).stdout


# "sale", "get", "off", "tonight" and "only" with Cyrillic а, е, о: the rules and the model read
# them as the Latin words (linter/normalize.py)
DISGUISED = (
    "Your order shipped. Hurry, flash s\u0430le: g\u0435t 50% \u043eff t\u043enight \u043enly!"
)


def test_explain_and_lint_score_the_text_with_its_disguises_undone(tmp_path: Path) -> None:
    from linter.api import lint_text
    from linter.config import Config

    draft = tmp_path / "disguised.txt"
    draft.write_text(DISGUISED + "\n", encoding="utf-8")
    (report,) = json.loads(explain("--format", "json", str(draft)).stdout)
    found = lint_text(DISGUISED, config=Config(select=("TPL5",)))  # TPL101 reports "50% off"
    (tpl501,) = [d for d in found if d.code == "TPL501"]
    # the same score as lint's: explain once scored the raw text (0.46, "under the threshold")
    assert report["promotional_score"] == tpl501.extra["promotional_score"] > 0.9
    assert "tonight" in [w for w, _ in report["pushes_up"]]  # the word the model read
    # TPL501 names the Latin word and points at the one the writer typed
    named = tpl501.message.split("read as promotional: '")[1].split("'")[0]
    typed = DISGUISED[tpl501.column - 1 : tpl501.end_column - 1]
    assert not typed.isascii() and named.isascii()
    assert typed.translate(str.maketrans("\u043e\u0430\u0435", "oae")) == named


def test_explain_reads_the_draft_without_the_teams_brands(tmp_path: Path) -> None:
    draft = tmp_path / "sofa.txt"
    draft.write_text("Kavya Home: your sofa order {{1}} has shipped. Kavya Home thanks you!\n")
    (plain,) = json.loads(explain("--format", "json", str(draft)).stdout)
    assert "home" in [w for w, _ in plain["pushes_up"]] and plain["brands_left_out"] == []
    (tmp_path / "templint.toml").write_text('brands = ["Kavya Home"]\n', encoding="utf-8")
    args = ["explain", "--config", str(tmp_path / "templint.toml"), str(draft)]
    (report,) = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    assert report["brands_left_out"] == ["Kavya Home"]
    assert "home" not in [w for w, _ in report["pushes_up"]]
    assert report["promotional_score"] < plain["promotional_score"]
    assert "left out:        'Kavya Home'" in CliRunner().invoke(main, args).stdout


def test_explain_follows_the_configured_threshold_and_reports_bad_input(tmp_path: Path) -> None:
    score = json.loads(explain("--format", "json", str(OFFER)).stdout)[0]["promotional_score"]
    assert score > 0.8  # the offer reads as promotional
    # a threshold just over the score, equal to it at two decimals
    threshold = round(score + 0.0003, 4)
    assert f"{threshold:.2f}" == f"{score:.2f}"
    (tmp_path / "templint.toml").write_text(f"[rules.TPL501]\nthreshold = {threshold}\n", "utf-8")
    res = CliRunner().invoke(
        main, ["explain", "--config", str(tmp_path / "templint.toml"), str(OFFER)]
    )
    # a score under its threshold never prints as equal to it ("0.89, under 0.89")
    assert f"promotional score {score:.4f}, under TPL501's threshold {threshold:.4f}" in res.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    res = explain(str(broken), str(OFFER))
    assert res.exit_code == 2 and "broken.json" in res.stderr
    assert "discount_in_utility" in res.stdout  # the readable file is still explained


def test_contributions_are_shares_of_the_promotional_log_odds() -> None:
    """What explain calls a word's weight adds up, over every feature of a draft, to how far the
    draft moves the promotional log-odds from an empty one's, whichever model is shipped (a
    calibrated SVM's raw weights are in margin units, about 8 times smaller)."""
    import math

    scorer = load_scorer()
    text = OFFER.read_text(encoding="utf-8").strip()
    row = scorer.transform(text)
    z, empty = scorer.decision(row), scorer.decision({})
    pos = scorer.positive
    if scorer.link["type"] == "ovr_sigmoid":
        a, b = scorer.link["a"][pos], scorer.link["b"][pos]
        moved = -(a * z[pos] + b) + (a * empty[pos] + b)
    else:
        others = [k for k in range(len(z)) if k != pos]

        def log_odds(v: list[float]) -> float:
            return v[pos] - sum(v[k] for k in others) / len(others)

        moved = log_odds(z) - log_odds(empty)
    total = sum(value * scorer.direction[j] for j, value in row.items())
    assert math.isclose(total, moved, rel_tol=1e-9, abs_tol=1e-9)
    assert moved > 1  # the offer moves it a long way toward promotional


def test_explanations_do_not_depend_on_what_the_scorer_explained_before(monkeypatch) -> None:
    """explain() remembers each word's n-grams across calls (a batch explains the same words
    thousands of times): a draft gets the same words and weights from a scorer that has
    explained hundreds of others, with its memory kept or cleared every few drafts, as from a
    scorer that remembers nothing."""
    import linter.classifier.scorer as S

    rows = (ROOT / "data" / "templates.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in rows[::23][:400]]

    def explanations(kept: int) -> list[object]:
        monkeypatch.setattr(S, "WORDS_KEPT", kept)
        scorer = S.load_scorer()
        return [(scorer.explain(t, 3), scorer.explain(t, 3, toward=-1)) for t in texts]

    default = S.WORDS_KEPT
    forgetful = explanations(0)  # memory cleared before every draft
    assert sum(1 for up, _ in forgetful if up) > 100
    assert explanations(40) == forgetful
    assert explanations(default) == forgetful


def test_explain_names_no_word_that_pushes_nothing(tmp_path: Path) -> None:
    """'pushes it up: 'your verification' +0.00' named a phrase whose push rounds to nothing."""
    draft = tmp_path / "otp.txt"
    draft.write_text("Your verification code is {{1}}. It expires in 10 minutes.\n", "utf-8")
    (report,) = json.loads(explain(str(draft), "--format", "json", "--words", "8").stdout)
    listed = report["pushes_up"] + report["holds_down"] + report.get("category_words", [])
    assert listed and all(abs(c) >= 0.005 for _, c in listed)
    assert "'your verification'" not in explain(str(draft)).stdout


def test_explain_gives_no_score_to_a_template_with_no_text(tmp_path: Path) -> None:
    """lint reports the missing body (TPL304) and no score; explain said 'promotional score
    0.64 … reads as promotional', the model's answer to nothing."""
    bodyless = tmp_path / "bodyless.json"
    bodyless.write_text(
        json.dumps(
            {
                "name": "x",
                "language": "en_US",
                "category": "UTILITY",
                "components": [{"type": "BUTTONS", "buttons": []}],
            }
        ),
        encoding="utf-8",
    )
    res = explain(str(bodyless))
    assert "no text to score" in res.stdout
    assert "promotional score" not in res.stdout and "reads as" not in res.stdout
    assert "TPL304" in res.stdout  # the finding that says why
    (report,) = json.loads(explain("--format", "json", str(bodyless)).stdout)
    assert report["promotional_score"] is None and report["predicted_category"] is None
    assert report["not_scored"].startswith("no text to score")
    # text in a script the model never saw: lint says nothing (TPL501/502), nor does explain
    arabic = tmp_path / "ar.txt"
    arabic.write_text("مرحبا، طلبك رقم {{1}} تم شحنه.\n", encoding="utf-8")
    (report,) = json.loads(explain("--format", "json", str(arabic)).stdout)
    assert report["promotional_score"] is None and "script" in report["not_scored"]
    # nor in a language the model was not trained on, declared as lint reads it
    turkish = tmp_path / "tr.txt"
    turkish.write_text("# templint: language tr\nSiparişiniz {{1}} kargoya verildi.\n", "utf-8")
    (report,) = json.loads(explain("--format", "json", str(turkish)).stdout)
    assert report["promotional_score"] is None and "(tr)" in report["not_scored"]


def test_explain_escapes_terminal_controls_in_names_and_messages(tmp_path: Path) -> None:
    """A name with a newline forged a line; OSC 52 in it would write the clipboard."""
    name = "promo\nfake.txt (all_clean)\x1b]52;c;eA==\x07\u202e"
    template = {"name": name, "category": "UTILITY", "language": "en_US"}
    template["components"] = [{"type": "BODY", "text": "Get 20% off today"}]
    path = tmp_path / "n\x1b[2K.json"
    path.write_text(json.dumps([template]))
    res = explain(str(path))
    assert res.exit_code == 0, res.output
    assert not any(ch in res.stdout for ch in "\x1b\x07\u202e")
    assert "promo\\nfake.txt (all_clean)\\x1b]52;c;eA==\\x07\\u202e" in res.stdout
    assert "n\\x1b[2K.json" in res.stdout.splitlines()[0]
    assert not any(line.startswith("fake.txt") for line in res.stdout.splitlines())
