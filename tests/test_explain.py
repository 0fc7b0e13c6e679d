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


def test_explain_follows_the_configured_threshold_and_reports_bad_input(tmp_path: Path) -> None:
    (tmp_path / "templint.toml").write_text("[rules.TPL501]\nthreshold = 0.99\n", "utf-8")
    res = CliRunner().invoke(
        main, ["explain", "--config", str(tmp_path / "templint.toml"), str(OFFER)]
    )
    assert "under TPL501's threshold 0.99" in res.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    res = explain(str(broken), str(OFFER))
    assert res.exit_code == 2 and "broken.json" in res.stderr
    assert "discount_in_utility" in res.stdout  # the readable file is still explained
