"""The batch HTML report: right figures, bounded memory, safe and self-contained HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from linter.batch import report as report_module
from linter.batch.report import BINS, Report, highlight
from linter.batch.result import Finding, RowResult, reason_kind

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
# Tags a report may contain; anything else (script, iframe, textarea…) came from the input.
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "nav", "section",
    "h1", "h2", "h3", "p", "dl", "dt", "dd", "div", "span", "a", "b", "i", "code", "mark", "ul",
    "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "g",
    "rect", "line", "text", "pre",
}  # fmt: skip


class Tags(HTMLParser):
    """Checks that every element closes in the order it opened; records tags and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    assert not tags.errors, tags.errors[:5]
    assert not tags.stack, f"unclosed: {tags.stack}"
    return tags


def row(
    index: int,
    verdict: str = "pass",
    score: float | None = 0.1,
    findings: list[Finding] | None = None,
    text: str = "Your order {{1}} has shipped.",
    **kw: object,
) -> RowResult:
    return RowResult(
        index=index,
        text=text,
        name=kw.pop("name", f"tpl_{index}"),  # type: ignore[arg-type]
        verdict=verdict,
        promo_score=score,
        findings=findings or [],
        **kw,  # type: ignore[arg-type]
    )


def err(code: str = "TPL101", start: int | None = None, end: int | None = None) -> Finding:
    return Finding(code, "error", f"{code} message", fix=f"fix {code}", start=start, end=end)


def warn(code: str = "TPL106", start: int | None = None, end: int | None = None) -> Finding:
    return Finding(code, "warning", f"{code} message", start=start, end=end)


def render(report: Report, **kw: object) -> str:
    args: dict[str, object] = {
        "title": "Batch",
        "source": "in.csv",
        "output": "out.csv",
        "elapsed": 2.0,
        "jobs": 4,
    }
    args.update(kw)
    return report.html(**args)  # type: ignore[arg-type]


def test_counts_per_verdict_and_error_reasons() -> None:
    report = Report()
    verdicts = ["pass"] * 5 + ["warn"] * 3 + ["fail"] * 2
    for i, verdict in enumerate(verdicts):
        report.add(row(i, verdict, findings=[warn()] if verdict == "warn" else None))
    reasons = ["empty text", "invalid UTF-8: byte 0xff at 3", "invalid UTF-8: byte 0xc3 at 9"]
    for i, reason in enumerate(reasons, len(verdicts)):
        report.add(RowResult(index=i, text="", verdict="error", error=reason))

    assert report.rows == 13
    assert dict(report.verdicts) == {"pass": 5, "warn": 3, "fail": 2, "error": 3}
    assert dict(report.reasons) == {"empty text": 1, "invalid UTF-8": 2}
    page = render(report, elapsed=1.0)
    text = " ".join(parse(page).text)
    assert "38.5%" in text  # 5 of 13 pass
    assert "invalid UTF-8: byte 0xc3 at 9" in text  # the full reason of an example row
    assert "13 rows/s" in text


@pytest.mark.parametrize(
    ("reason", "group"),
    [
        ("empty text", "empty text"),
        ("malformed CSV line: unclosed quote", "malformed CSV line"),
        ("text too long: 1,612 characters", "text too long"),
        ("malformed CSV line 12: expected 2 fields, found 3", "malformed CSV line"),
        ("invalid UTF-8: byte 0xE9 at line 5, column 30", "invalid UTF-8"),
        ("x" * 100, "x" * 40 + "…"),
        ("", "unknown"),
    ],
)
def test_reason_kind(reason: str, group: str) -> None:
    assert reason_kind(reason) == group


def test_riskiest_keeps_top_rows_in_risk_order() -> None:
    report = Report(top=4)
    report.add(row(0, "pass", 0.99))
    report.add(row(1, "warn", 0.2, [warn()]))
    report.add(row(2, "fail", 0.3, [err()]))
    report.add(row(3, "fail", 0.3, [err(), err("TPL111")]))  # same score, more errors
    report.add(row(4, "fail", 0.9, [err()]))
    report.add(row(5, "warn", 0.2, [warn()]))  # ties with row 1: the earlier row wins
    report.add(row(6, "pass", 1.0))
    report.add(RowResult(index=7, text="", verdict="error", error="empty text"))

    assert [r.index for r in report.riskiest()] == [4, 3, 2, 1]
    assert len(report._risky) == 4


def test_riskiest_order_does_not_depend_on_arrival() -> None:
    rows = [row(i, "fail" if i % 3 else "warn", (i * 37 % 100) / 100, [err()]) for i in range(60)]
    forward, backward = Report(top=10), Report(top=10)
    for r in rows:
        forward.add(r)
    for r in reversed(rows):
        backward.add(r)
    assert [r.index for r in forward.riskiest()] == [r.index for r in backward.riskiest()]


def test_riskiest_table_numbers_rows_from_one() -> None:
    report = Report(top=1)
    report.add(row(41, "fail", 0.8, [err()], name="launch_promo"))
    page = render(report)
    section = page[page.index('id="riskiest"') :]
    assert re.search(r"<td class='num'>42</td>\s*<td class='name'>.*launch_promo", section)


def test_memory_stays_bounded() -> None:
    report = Report(top=25, examples_per_code=3)
    codes = [f"TPL{n}" for n in range(100, 140)]
    text = "Get 50% off today only, visit our shop now {{1}}"
    for i in range(50_000):
        if i % 97 == 0:
            report.add(RowResult(index=i, text="", verdict="error", error=f"bad row: {i}"))
            continue
        code = codes[i % len(codes)]
        report.add(row(i, "fail", (i % 1000) / 1000, [err(code, 4, 7)], text=text))

    assert report.rows == 50_000
    assert len(report._risky) == 25
    assert len(report._examples) == len(codes)
    assert all(len(ex) <= 3 for ex in report._examples.values())
    assert all(len(ex.excerpt) <= len(text) for exs in report._examples.values() for ex in exs)
    assert list(report.reasons) == ["bad row"]
    assert all(len(ex) <= 3 for ex in report.reason_examples.values())
    # The riskiest are the highest scores: 0.999, each seen once every 1,000 rows.
    assert {r.score for r in report.riskiest()} == {0.999}


def test_distinct_labels_from_the_input_are_capped() -> None:
    report = Report()
    for i in range(500):
        report.add(RowResult(index=i, text="", verdict="error", error=f"reason {i}"))
        report.add(row(i, category=f"CAT{i}", predicted_category="UTILITY"))
    assert len(report.reasons) <= 31  # the kept reasons and "other"
    assert len({c for c, _ in report.by_category}) <= 13  # the kept categories and "OTHER"
    parse(render(report))


def test_hostile_text_is_escaped() -> None:
    hostile = '</textarea><script>alert("x")</script><img src=x onerror=alert(1)>'
    report = Report()
    report.add(
        RowResult(
            index=0,
            text=hostile,
            name="<script>steal()</script>",
            category="UTILITY",
            verdict="fail",
            promo_score=0.9,
            predicted_category="MARKETING",
            findings=[
                Finding("TPL101", "error", 'bad "<b>" & more', fix="<i>fix</i>", start=0, end=11)
            ],
        )
    )
    report.add(RowResult(index=1, text="", verdict="error", error="<script>x</script>: oops"))
    page = render(report, title="<script>t</script>", source="<s>.csv", output='"o".csv')
    tags = parse(page)

    assert tags.seen <= ALLOWED, tags.seen - ALLOWED
    assert "<script" not in page.lower()
    assert "</textarea>" not in page
    assert "&lt;/textarea&gt;" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;script&gt;steal()&lt;/script&gt;" in page
    assert not any(key.startswith("on") for _, key, _ in tags.attrs)
    # The text reads back exactly as it was given.
    assert hostile in "".join(tags.text)


def test_overlapping_spans_nest_correctly() -> None:
    text = "Buy now: 50% OFF at bit.ly/deal today only!"
    findings = [
        err("TPL101", 9, 16),  # 50% OFF
        warn("TPL106", 4, 12),  # "now: 50%" overlaps the first
        err("TPL111", 20, 30),  # bit.ly/deal
        warn("TPL112", 20, 30),  # same span
        warn("TPL150", 0, len(text)),  # covers everything
        warn("TPL160", 30, 99),  # runs past the end: clipped
        warn("TPL170", 12, 12),  # empty: ignored
        Finding("TPL301", "info", "in the footer", component="footer"),  # no span
    ]
    out = highlight(text, findings)
    tags = parse(f"<div>{out}</div>")
    assert "".join(tags.text) == text
    assert "<mark" in out and out.count("<mark") == out.count("</mark>")
    titles = [v for tag, k, v in tags.attrs if tag == "mark" and k == "title"]
    assert any("TPL101" in t and "TPL106" in t for t in titles)  # the overlap names both
    assert any("TPL111" in t and "TPL112" in t for t in titles)
    assert all("TPL150" in t for t in titles)

    report = Report()
    report.add(row(0, "fail", 0.9, findings, text=text))
    parse(render(report))


def test_a_long_spans_example_ends_where_its_mark_is_cut() -> None:
    # TPL401 marks a whole duplicate body; the example shows its first ~100 characters marked.
    # Text after a cut mark must not follow it unmarked, and the cut falls between words.
    text = (
        "Outage ticket {{1}} is now fixed. If you still face issues, restart your router and "
        "reply here.\n\nThanks,\nNovaTel support team, available around the clock for you"
    )
    report = Report()
    report.add(row(0, "fail", 0.1, [err("TPL401", 0, len(text))], text=text))
    page = render(report)
    shown = re.search(r'<div class="ex-text">(.*?)</div>', page, re.S)
    assert shown is not None
    marked = re.fullmatch(r'<mark class="[^"]*">(.*)</mark>…', shown.group(1), re.S)
    assert marked is not None, shown.group(1)  # nothing between the mark and the ellipsis
    words = re.sub(r"<[^>]+>|↵", " ", marked.group(1)).split()
    assert len(words) >= 10 and all(w in text.split() for w in words), words
    assert words[-1] == "here." and len(" ".join(words)) <= 100


def test_no_external_references() -> None:
    report = Report()
    report.add(row(0, "fail", 0.9, [err("TPL111", 4, 20)], text="See https://evil.example/x.js"))
    page = render(report, threshold=0.5)
    tags = parse(page)
    for tag, key, value in tags.attrs:
        if key in ("src", "href", "xlink:href", "action", "srcset"):
            assert value.startswith("#"), f"{tag} {key}={value}"
    assert "<link" not in page
    assert "<script src" not in page
    assert "@import" not in page
    assert not re.search(r"url\(", page)


def test_empty_report_renders() -> None:
    page = render(Report(), elapsed=0.0, output=None)
    tags = parse(page)
    text = " ".join(tags.text)
    assert "No rows were read." in text
    assert "<svg" not in page  # no chart of nothing


def test_histogram_counts_every_scored_row() -> None:
    report = Report()
    scores = [0.0, 0.04, 0.05, 0.5, 0.51, 0.999, 1.0, 1.0]
    for i, score in enumerate(scores):
        report.add(row(i, "warn" if score > 0.5 else "pass", score))
    report.add(row(len(scores), "pass", None))  # not scored
    report.add(RowResult(index=99, text="", verdict="error", error="empty text"))

    bins = report.histogram
    assert len(bins) == BINS
    assert sum(bins) == report.scored == len(scores)
    assert bins[0] == 2 and bins[1] == 1 and bins[10] == 2 and bins[19] == 3
    assert report.at_or_above(0.5) == 5
    page = render(report, threshold=0.5)
    assert page.count('<rect class="hit"') == BINS
    assert "threshold 0.50" in page
    assert "threshold" not in render(report).split('id="scores"')[1].split("</section>")[0]


def test_category_tables() -> None:
    report = Report()
    report.add(row(0, "pass", category="UTILITY", predicted_category="UTILITY"))
    report.add(row(1, "fail", category="UTILITY", predicted_category="MARKETING"))
    report.add(row(2, "warn", category="MARKETING", predicted_category="MARKETING"))
    report.add(row(3, "pass", category=None, predicted_category="UTILITY"))
    assert report.by_category[("UTILITY", "fail")] == 1
    assert report.by_category[("not given", "pass")] == 1
    assert dict(report.confusion) == {
        ("UTILITY", "UTILITY"): 1,
        ("UTILITY", "MARKETING"): 1,
        ("MARKETING", "MARKETING"): 1,
    }
    page = render(report)
    assert "<b>2</b> of 3 rows" in page


def test_language_table_only_when_rows_give_a_language() -> None:
    plain = Report()
    plain.add(row(0, "pass", category="UTILITY"))
    assert "Language × verdict" not in render(plain)
    report = Report()
    for i, (language, verdict) in enumerate(
        [("es", "pass"), ("es", "fail"), ("en_US", "warn"), (None, "pass")]
    ):
        r = row(i, verdict, category="UTILITY")
        r.language = language
        report.add(r)
    assert dict(report.by_language) == {("es", "pass"): 1, ("es", "fail"): 1, ("en_US", "warn"): 1}
    page = render(report)
    tags = parse(page)
    assert "Language × verdict" in tags.text
    table = page.split("Language × verdict", 1)[1].split("</table>", 1)[0]
    assert [label for label in re.findall(r"<th scope='row'>([^<]+)</th>", table)] == [
        "en_US",
        "es",
    ]
    for i in range(100):  # distinct codes from the input are capped
        r = row(10 + i, "pass")
        r.language = f"x{i}"
        report.add(r)
    assert len({lang for lang, _ in report.by_language}) <= 41  # the kept ones and "other"
    parse(render(report))


def typo(text: str, word: str) -> Finding:
    start = text.index(word)
    return Finding("TPL201", "warning", f"Possible misspelling '{word}'", None, "body", start,
                   start + len(word))  # fmt: skip


def test_unknown_words_are_counted_by_rows_and_the_recurring_ones_listed_for_accept() -> None:
    report = Report(word_codes=("TPL201",))
    texts = [
        "Dabba Express: your order {{1}} is on its way. Dabba will call.",  # twice: one row
        "Hungry? Dabba is ready when you are.",
        "Your ordr {{1}} has shipped.",
        "Tiffino says hi. Tiffino Cafe <b>x</b>",
    ]
    flagged = [["Dabba", "Dabba"], ["Dabba"], ["ordr"], ["Tiffino"]]
    for i, (text, words) in enumerate(zip(texts, flagged, strict=True)):
        findings = [typo(text, w) for w in words] + [err("TPL101", 0, 3)]  # not a word rule
        report.add(row(i, "warn", 0.1, findings, text=text))
    assert report.words == {"Dabba": 2, "ordr": 1, "Tiffino": 1}
    page = render(report)
    parse(page)
    words = re.search(r'<section id="words">(.*?)</section>', page, re.S)
    assert words is not None and 'href="#words"' in page
    table = re.findall(r'<code class="word">(.*?)</code></td><td class=.num.>(\d+)</td>'
                       r"<td class=.rows.>([^<]*)</td>", words.group(1))  # fmt: skip
    assert table == [("Dabba", "2", "1, 2"), ("ordr", "1", "3"), ("Tiffino", "1", "4")]
    accept = re.search(r'<pre class="accept">(.*?)</pre>', words.group(1), re.S)
    assert accept is not None and accept.group(1) == "Dabba"  # once only: a row in common


def test_no_unknown_words_section_without_a_spelling_finding_or_word_codes() -> None:
    text = "Your ordr {{1}} has shipped."
    for report in (Report(word_codes=("TPL201",)), Report()):
        findings = [typo(text, "ordr")] if report.word_codes == frozenset() else []
        report.add(row(0, "warn", 0.1, findings, text=text))
        page = render(report)
        assert 'id="words"' not in page and 'href="#words"' not in page


def test_unknown_words_are_escaped_and_their_count_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(report_module, "MAX_WORDS", 2)
    report = Report(word_codes=("TPL201",))
    for i, word in enumerate(["<script>a", "<script>a", "Bbb", "Ccc", "Ddd"]):
        text = f"{word} is here"
        report.add(row(i, "warn", 0.1, [typo(text, word)], text=text))
    assert report.words == {"<script>a": 2, "Bbb": 1} and report.words_untallied == 2
    page = render(report)
    tags = parse(page)
    assert "script" not in tags.seen and "&lt;script&gt;a" in page
    assert "2 more flagged in rows after 2 distinct words, not counted" in page
