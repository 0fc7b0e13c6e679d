"""The self-contained HTML report of a batch run (``templint batch --report report.html``).

``Report.add`` is called once per row and keeps only aggregates, so a run of a million rows
costs the same memory as a run of a thousand: counts and histograms, the ``top`` riskiest rows
(a bounded heap) and the first few example rows of each code. ``Report.html`` renders one HTML
file with inline CSS and inline SVG: no scripts, fonts, images or any other network fetch, so
the file can be mailed, archived or opened offline and shows the same thing everywhere.

Everything that comes from the input (names, texts, reasons) and from the rules (messages,
fixes) is escaped: a template text containing ``<script>`` shows as text.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from linter.batch.result import VERDICTS, Finding, RowResult, reason_kind

BINS = 20  # histogram bars over 0–1
# Scores are rounded to 4 decimals by the classifier; a histogram this fine counts the rows at
# or above any threshold exactly, and still costs only ~80 kB.
FINE_BINS = 10_000
MAX_TEXT = 4_000  # characters kept of a riskiest row's text (a WhatsApp body is ≤ 1,024)
MAX_NAME = 200
EXCERPT_CONTEXT = 50  # characters shown either side of an example's span
MAX_REASONS = 30  # distinct error reasons kept; the rest are counted under "other"
MAX_CATEGORIES = 12  # distinct declared/predicted categories kept; the rest become "OTHER"
MAX_LANGUAGES = 40  # distinct language codes kept; the rest become "other"
MAX_CODES_SHOWN = 50
MAX_WORDS = 5_000  # distinct flagged words counted; a new one after that is only tallied
WORDS_SHOWN = 30

_RISK = {"fail": 3, "warn": 2, "pass": 1}
_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
KNOWN_CATEGORIES = ("UTILITY", "MARKETING", "AUTHENTICATION")
NOT_GIVEN = "not given"


@dataclass(slots=True)
class Example:
    """One example row for a code: only what the report shows."""

    index: int
    name: str | None
    excerpt: str
    span: tuple[int, int] | None  # into ``excerpt``
    message: str
    component: str
    lead: bool  # the excerpt starts mid-text
    tail: bool  # the excerpt ends mid-text


@dataclass(slots=True)
class RiskyRow:
    index: int
    name: str | None
    category: str | None
    predicted: str | None
    score: float | None
    verdict: str
    codes: list[str]
    text: str
    truncated: bool
    findings: list[Finding]
    suggestion: str


def _risk_key(row: RowResult) -> tuple[int, float, int, int]:
    """Larger is riskier; ``-index`` makes equal rows rank by input order."""
    errors = sum(1 for f in row.findings if f.severity == "error")
    score = row.promo_score if _valid_score(row.promo_score) else -1.0
    return (_RISK.get(row.verdict, 0), score, errors, -row.index)


def _valid_score(score: float | None) -> bool:
    return score is not None and not math.isnan(score)


def _clip_name(name: str | None) -> str | None:
    if name is None:
        return None
    return name if len(name) <= MAX_NAME else name[:MAX_NAME] + "…"


def _body_span(finding: Finding, text: str) -> tuple[int, int] | None:
    """The finding's span in the text, or None when it has none or it does not fit."""
    start, end = finding.start, finding.end
    if start is None or end is None:
        return None
    start, end = max(0, start), min(len(text), end)
    return (start, end) if start < end else None


def _excerpt(
    text: str, span: tuple[int, int] | None
) -> tuple[str, tuple[int, int] | None, bool, bool]:
    """A short window of ``text`` around ``span``, cut at spaces, and the span moved into it."""
    cut = False
    if span is None:
        start = end = 0
    else:
        start, end = span
        if end - start > 2 * EXCERPT_CONTEXT:
            # A span longer than the window is shown cut at a word, and the excerpt ends with
            # it: text after the cut would read as outside the finding (TPL401's whole body
            # showed "…reply he" marked and "re. Thanks" not).
            limit = start + 2 * EXCERPT_CONTEXT
            gap = max(text.rfind(c, start + EXCERPT_CONTEXT, limit + 1) for c in " \n")
            end, cut = (gap if gap != -1 else limit), True
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
    lo = max(0, start - EXCERPT_CONTEXT)
    hi = end if cut else min(len(text), max(end + EXCERPT_CONTEXT, 2 * EXCERPT_CONTEXT))
    # Start and end on a word boundary when there is one near, so no word is shown cut.
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text) and not cut:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    moved = None if span is None else (start - lo, end - lo)
    return text[lo:hi], moved, lo > 0, hi < len(text)


class Report:
    """Aggregates of a batch run, rendered as one self-contained HTML page."""

    def __init__(
        self, top: int = 25, examples_per_code: int = 3, word_codes: tuple[str, ...] = ()
    ) -> None:
        """``word_codes``: the spelling rules' codes, whose findings' words the report counts
        (a word in many rows is a name to accept, not a typo)."""
        self.top = max(0, top)
        self.examples_per_code = max(0, examples_per_code)
        self.rows = 0
        self.verdicts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.reason_examples: dict[str, list[tuple[int, str]]] = {}
        self.code_rows: Counter[str] = Counter()  # rows in which a code fired
        self.code_findings: Counter[str] = Counter()
        self.code_severity: dict[str, str] = {}  # the most severe seen
        self.scored = 0
        self.score_sum = 0.0
        # Per verdict, so the chart can stack the bars by verdict.
        self.bins: dict[str, list[int]] = {}
        self.fine = [0] * (FINE_BINS + 1)
        self.by_category: Counter[tuple[str, str]] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self._categories: set[str] = set()
        self.by_language: Counter[tuple[str, str]] = Counter()  # only rows that give one
        self._languages: set[str] = set()
        self._examples: dict[str, list[Example]] = {}
        self.word_codes = frozenset(word_codes)
        self.words: Counter[str] = Counter()  # rows holding each flagged word, as written
        self.word_rows: dict[str, list[int]] = {}  # the first rows of each
        self.words_untallied = 0  # rows' words met after MAX_WORDS distinct ones
        # Min-heap: the root is the least risky row kept, the one a riskier row replaces.
        self._risky: list[tuple[tuple[int, float, int, int], RiskyRow]] = []

    # -- collecting ----------------------------------------------------------------------

    def add(self, row: RowResult) -> None:
        self.rows += 1
        # A row with a reason is an error row whatever verdict it carries.
        verdict = "error" if row.error is not None else row.verdict
        self.verdicts[verdict] += 1
        if verdict == "error":
            self._add_error(row)
            return
        declared = self._category(row.category)
        self.by_category[(declared, row.verdict)] += 1
        if row.language is not None:
            self.by_language[(self._language(row.language), row.verdict)] += 1
        if row.category is not None and row.predicted_category is not None:
            self.confusion[(declared, self._category(row.predicted_category))] += 1
        if _valid_score(row.promo_score):
            self._add_score(row.verdict, row.promo_score)  # type: ignore[arg-type]
        seen: set[str] = set()
        words: set[str] = set()
        for finding in row.findings:
            code = finding.code
            if code in self.word_codes and finding.start is not None and finding.end is not None:
                words.add(row.text[finding.start : finding.end])
            self.code_findings[code] += 1
            known = self.code_severity.get(code)
            if known is None or _SEVERITY_RANK.get(finding.severity, 0) > _SEVERITY_RANK.get(
                known, 0
            ):
                self.code_severity[code] = finding.severity
            if code in seen:
                continue
            seen.add(code)
            self.code_rows[code] += 1
            examples = self._examples.setdefault(code, [])
            if len(examples) < self.examples_per_code:
                examples.append(self._example(row, finding))
        for word in words:
            self._add_word(word, row.index)
        self._keep_if_risky(row)

    def _add_word(self, word: str, index: int) -> None:
        if word not in self.words and len(self.words) >= MAX_WORDS:
            self.words_untallied += 1
            return
        self.words[word] += 1
        first = self.word_rows.setdefault(word, [])
        if len(first) < self.examples_per_code:
            first.append(index)

    def _add_error(self, row: RowResult) -> None:
        reason = row.error or "unknown"
        group = reason_kind(reason)
        if group not in self.reasons and len(self.reasons) >= MAX_REASONS:
            group = "other"
        self.reasons[group] += 1
        examples = self.reason_examples.setdefault(group, [])
        if len(examples) < self.examples_per_code:
            examples.append((row.index, reason[:300]))

    def _add_score(self, verdict: str, score: float) -> None:
        score = min(1.0, max(0.0, score))
        self.scored += 1
        self.score_sum += score
        bins = self.bins.setdefault(verdict, [0] * BINS)
        bins[min(int(score * BINS), BINS - 1)] += 1
        self.fine[round(score * FINE_BINS)] += 1

    def _category(self, category: str | None) -> str:
        """Bounded set of category labels: input may declare anything."""
        if category is None:
            return NOT_GIVEN
        return _bounded(self._categories, category, MAX_CATEGORIES, "OTHER")

    def _language(self, language: str) -> str:
        return _bounded(self._languages, language, MAX_LANGUAGES, "other")

    def _example(self, row: RowResult, finding: Finding) -> Example:
        excerpt, span, lead, tail = _excerpt(row.text, _body_span(finding, row.text))
        return Example(
            index=row.index,
            name=_clip_name(row.name),
            excerpt=excerpt,
            span=span,
            message=finding.message,
            component=finding.component,
            lead=lead,
            tail=tail,
        )

    def _keep_if_risky(self, row: RowResult) -> None:
        if self.top == 0:
            return
        key = _risk_key(row)
        full = len(self._risky) >= self.top
        # Most rows lose to the root; decide that before copying anything out of the row.
        if full and key <= self._risky[0][0]:
            return
        text = row.text[:MAX_TEXT]
        kept = RiskyRow(
            index=row.index,
            name=_clip_name(row.name),
            category=row.category,
            predicted=row.predicted_category,
            score=row.promo_score if _valid_score(row.promo_score) else None,
            verdict=row.verdict,
            codes=row.codes,
            text=text,
            truncated=len(row.text) > MAX_TEXT,
            findings=list(row.findings),
            suggestion=row.suggestion,
        )
        if full:
            heapq.heapreplace(self._risky, (key, kept))
        else:
            heapq.heappush(self._risky, (key, kept))

    # -- derived figures -------------------------------------------------------------------

    @property
    def histogram(self) -> list[int]:
        """Rows per score bin (20 bins over 0–1), all verdicts together."""
        total = [0] * BINS
        for bins in self.bins.values():
            for i, n in enumerate(bins):
                total[i] += n
        return total

    def riskiest(self) -> list[RiskyRow]:
        """The kept rows, riskiest first."""
        return [row for _, row in sorted(self._risky, key=lambda item: item[0], reverse=True)]

    def at_or_above(self, threshold: float) -> int:
        first = max(0, math.ceil(threshold * FINE_BINS - 1e-6))
        return sum(self.fine[first:])

    def median_score(self) -> float | None:
        if not self.scored:
            return None
        half, seen = (self.scored + 1) // 2, 0
        for i, n in enumerate(self.fine):
            seen += n
            if seen >= half:
                return i / FINE_BINS
        return None  # pragma: no cover - the loop always reaches half

    # -- rendering -------------------------------------------------------------------------

    def html(
        self,
        *,
        title: str,
        source: str,
        output: str | None,
        elapsed: float,
        jobs: int,
        threshold: float | None = None,
    ) -> str:
        if threshold is not None and (math.isnan(threshold) or not 0 <= threshold <= 1):
            threshold = None
        sections = [
            self._header(title, source, output, elapsed, jobs, threshold),
            self._totals(),
            self._scores(threshold),
            self._codes(),
            self._words_section(),
            self._riskiest_section(),
            self._categories_section(),
        ]
        body = "\n".join(sections)
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            # No fetch of any kind, even if a later edit adds a URL by mistake.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:\">\n"
            '<meta name="generator" content="templint">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f'<main class="page">\n{body}\n'
            '<footer class="foot">Generated by templint batch. This file is self-contained: '
            "it loads nothing from the network.</footer>\n</main>\n</body>\n</html>\n"
        )

    def _header(
        self,
        title: str,
        source: str,
        output: str | None,
        elapsed: float,
        jobs: int,
        threshold: float | None,
    ) -> str:
        rate = f"{self.rows / elapsed:,.0f} rows/s" if elapsed > 0 else "—"
        facts = [
            ("Source", f"<code>{escape(source)}</code>"),
            ("Output", f"<code>{escape(output)}</code>" if output else _muted("none written")),
            ("Rows", f"{self.rows:,}"),
            ("Elapsed", f"{_seconds(elapsed)} · {rate}"),
            ("Jobs", f"{jobs:,}"),
        ]
        if threshold is not None:
            facts.append(("Threshold", f"{threshold:.2f}"))
        items = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
        words = '<a href="#words">Unknown words</a>' if self.words else ""
        nav = (
            '<nav class="toc"><a href="#totals">Totals</a><a href="#scores">Scores</a>'
            f'<a href="#codes">Rule codes</a>{words}<a href="#riskiest">Riskiest templates</a>'
            '<a href="#categories">Categories</a></nav>'
        )
        return (
            f'<header class="head"><p class="kicker">templint batch report</p>'
            f'<h1>{escape(title)}</h1><dl class="facts">{items}</dl>{nav}</header>'
        )

    def _totals(self) -> str:
        if not self.rows:
            return _section("totals", "Totals", '<p class="empty">No rows were read.</p>')
        cards = []
        bar = []
        verdicts = list(VERDICTS) + sorted(v for v in self.verdicts if v not in VERDICTS)
        for verdict in verdicts:
            n = self.verdicts.get(verdict, 0)
            share = n / self.rows
            cls = _verdict_class(verdict)
            cards.append(
                f'<div class="card {cls}"><div class="card-label">{_badge(verdict)}</div>'
                f'<div class="card-num">{n:,}</div><div class="card-pct">{_pct(share)}</div></div>'
            )
            if n:
                bar.append(
                    f'<span class="seg {cls}" style="width:{share * 100:.3f}%" '
                    f'title="{escape(verdict)}: {n:,} ({_pct(share)})"></span>'
                )
        parts = [
            f'<div class="cards">{"".join(cards)}</div>',
            f'<div class="stack" role="img" aria-label="rows per verdict">{"".join(bar)}</div>',
        ]
        if self.reasons:
            rows = []
            errors = sum(self.reasons.values())
            for group, n in sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0])):
                examples = "".join(
                    f'<li><span class="rownum">row {i + 1:,}</span> {escape(reason)}</li>'
                    for i, reason in self.reason_examples.get(group, [])
                )
                rows.append(
                    f"<tr><td>{escape(group)}</td><td class='num'>{n:,}</td>"
                    f"<td class='num'>{_pct(n / errors)}</td>"
                    f'<td><ul class="examples plain">{examples}</ul></td></tr>'
                )
            parts.append(
                "<h3>Rows that could not be scored, by reason</h3>"
                '<table class="grid"><thead><tr><th>Reason</th><th class="num">Rows</th>'
                '<th class="num">Share of errors</th><th>First rows</th></tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
        return _section("totals", "Totals", "".join(parts))

    def _scores(self, threshold: float | None) -> str:
        lead = "How promotional the classifier judged each scored row (0 = utility, 1 = promotion)."
        if not self.scored:
            return _section(
                "scores",
                "Promotional score",
                f'<p class="lede">{lead}</p><p class="empty">No row was scored.</p>',
            )
        stats = [
            f"<b>{self.scored:,}</b> rows scored",
            f"mean <b>{self.score_sum / self.scored:.2f}</b>",
            f"median <b>{self.median_score():.2f}</b>",
        ]
        if threshold is not None:
            n = self.at_or_above(threshold)
            stats.append(
                f"<b>{n:,}</b> ({_pct(n / self.scored)}) at or above the threshold {threshold:.2f}"
            )
        legend = "".join(
            f'<span class="key"><i class="sw {_verdict_class(v)}"></i>{escape(v)}</span>'
            for v in self._chart_verdicts()
        )
        if threshold is not None:
            legend += '<span class="key"><i class="sw thr"></i>threshold</span>'
        body = (
            f'<p class="lede">{lead}</p><p class="stats">{" · ".join(stats)}</p>'
            f'<figure class="chart">{self._histogram_svg(threshold)}'
            f'<figcaption class="legend">{legend}</figcaption></figure>'
        )
        return _section("scores", "Promotional score", body)

    def _chart_verdicts(self) -> list[str]:
        order = [v for v in ("pass", "warn", "fail") if v in self.bins]
        return order + sorted(v for v in self.bins if v not in order)

    def _histogram_svg(self, threshold: float | None) -> str:
        width, height = 880, 300
        left, right, top, bottom = 56, 16, 16, 44
        plot_w, plot_h = width - left - right, height - top - bottom
        totals = self.histogram
        ymax = _nice_max(max(totals))
        bar_w = plot_w / BINS
        out = [
            f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-label="Histogram of promotional scores">'
        ]
        # Horizontal grid lines with their counts.
        for i in range(5):
            value = ymax * i / 4
            y = top + plot_h - plot_h * i / 4
            out.append(
                f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                f'<text class="tick" x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">'
                f"{_count_label(value)}</text>"
            )
        verdicts = self._chart_verdicts()
        for b in range(BINS):
            x = left + b * bar_w
            lo, hi = b / BINS, (b + 1) / BINS
            y = top + plot_h
            parts = []
            tip = [f"{lo:.2f}–{hi:.2f}: {totals[b]:,} rows"]
            for verdict in verdicts:
                n = self.bins[verdict][b]
                if not n:
                    continue
                h = plot_h * n / ymax
                y -= h
                parts.append(
                    f'<rect class="bar {_verdict_class(verdict)}" x="{x + 1.5:.1f}" '
                    f'y="{y:.1f}" width="{bar_w - 3:.1f}" height="{h:.1f}"/>'
                )
                tip.append(f"{verdict}: {n:,}")
            if totals[b]:
                # Printed too: a bar of a few rows next to one of thousands is invisible.
                parts.append(
                    f'<text class="count" x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" '
                    f'text-anchor="middle">{_count_label(totals[b])}</text>'
                )
            # A full-height transparent target so even an empty or short bar has a tooltip.
            out.append(
                f"<g><title>{escape(' · '.join(tip))}</title>"
                f'<rect class="hit" x="{x:.1f}" y="{top}" width="{bar_w:.1f}" '
                f'height="{plot_h}"/>{"".join(parts)}</g>'
            )
        for i in range(0, BINS + 1, 2):
            x = left + i * bar_w
            out.append(
                f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" '
                f'y2="{top + plot_h + 5}"/>'
                f'<text class="tick" x="{x:.1f}" y="{top + plot_h + 20}" '
                f'text-anchor="middle">{i / BINS:.1f}</text>'
            )
        out.append(
            f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
            f'y2="{top + plot_h}"/>'
            f'<text class="label" x="{left + plot_w / 2:.1f}" y="{height - 4}" '
            f'text-anchor="middle">promotional score</text>'
            f'<text class="label" transform="translate(14 {top + plot_h / 2:.1f}) rotate(-90)" '
            f'text-anchor="middle">rows</text>'
        )
        if threshold is not None:
            x = left + threshold * plot_w
            anchor, dx = ("end", -6) if threshold > 0.8 else ("start", 6)
            out.append(
                f"<g><title>threshold {threshold:.2f}</title>"
                f'<line class="thr" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" '
                f'y2="{top + plot_h}"/>'
                f'<text class="thr-label" x="{x + dx:.1f}" y="{top + 10}" '
                f'text-anchor="{anchor}">threshold {threshold:.2f}</text></g>'
            )
        out.append("</svg>")
        return "".join(out)

    def _codes(self) -> str:
        title = "Most frequent rule codes"
        if not self.code_rows:
            return _section("codes", title, '<p class="empty">No rule fired.</p>')
        scored = max(1, self.rows - self.verdicts.get("error", 0))
        ranked = sorted(self.code_rows.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = []
        for code, n in ranked[:MAX_CODES_SHOWN]:
            severity = self.code_severity.get(code, "info")
            share = n / scored
            examples = "".join(
                self._example_html(e, severity) for e in self._examples.get(code, [])
            )
            rows.append(
                f'<tr><td><code class="code">{escape(code)}</code></td>'
                f"<td class='num'>{n:,}</td>"
                f"<td class='num'>{self.code_findings[code]:,}</td>"
                f"<td class='share'><span class='meter'><span style='width:{share * 100:.2f}%'>"
                f"</span></span>{_pct(share)}</td>"
                f"<td>{_severity(severity)}</td>"
                f'<td><ul class="examples">{examples}</ul></td></tr>'
            )
        more = ""
        if len(ranked) > MAX_CODES_SHOWN:
            more = f'<p class="note">and {len(ranked) - MAX_CODES_SHOWN:,} more codes.</p>'
        body = (
            '<p class="lede">Rows in which each code fired (a row counts once per code), '
            "with the first rows it fired in.</p>"
            '<table class="grid codes"><thead><tr><th>Code</th><th class="num">Rows</th>'
            '<th class="num">Findings</th><th>Share of scored rows</th><th>Severity</th>'
            f"<th>Examples</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
        )
        return _section("codes", title, body)

    def _words_section(self) -> str:
        """The words the spelling rules flagged, by rows: one that recurs is most likely a brand,
        product or place of the team's, which an accept vocabulary silences for good."""
        if not self.words:
            return ""
        ranked = sorted(self.words.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))
        rows = []
        for word, n in ranked[:WORDS_SHOWN]:
            first = ", ".join(f"{i + 1:,}" for i in self.word_rows.get(word, []))
            rows.append(
                f'<tr><td><code class="word">{escape(word)}</code></td>'
                f"<td class='num'>{n:,}</td><td class='rows'>{first}</td></tr>"
            )
        more = []
        if len(ranked) > WORDS_SHOWN:
            more.append(f"and {len(ranked) - WORDS_SHOWN:,} more words")
        if self.words_untallied:
            more.append(
                f"{self.words_untallied:,} more flagged in rows after {MAX_WORDS:,} distinct "
                "words, not counted"
            )
        note = f'<p class="note">{escape("; ".join(more))}.</p>' if more else ""
        recurring = [w for w, n in ranked if n > 1]
        accept = ""
        if recurring:
            listed = "\n".join(escape(w) for w in recurring[:WORDS_SHOWN])
            n = min(len(recurring), WORDS_SHOWN)
            which = "The word" if n == 1 else f"The {n:,} words"
            accept = (
                f'<p class="lede words-accept">{which} flagged in more than one row, one a line, '
                "for an accept vocabulary once each is checked to be a name and not a typo:</p>"
                f'<pre class="accept">{listed}</pre>'
            )
        body = (
            '<p class="lede">Words the spelling rule flagged, by how many rows hold them. A word '
            "in many rows is usually a brand, product or place name: list it in an accept "
            'vocabulary (<code>[tool.templint] accept = ["vocab/accept.txt"]</code>) and '
            "it is never flagged again. The others are typos to fix.</p>"
            '<table class="grid words"><thead><tr><th>Word</th><th class="num">Rows</th>'
            f"<th>First rows</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"{note}{accept}"
        )
        return _section("words", "Unknown words", body)

    def _example_html(self, ex: Example, severity: str) -> str:
        if ex.span is None:
            text = _oneline(ex.excerpt)
        else:
            a, b = ex.span
            text = (
                f'{_oneline(ex.excerpt[:a])}<mark class="{_severity_class(severity)}">'
                f"{_oneline(ex.excerpt[a:b])}</mark>"
                f"{_oneline(ex.excerpt[b:])}"
            )
        text = ("…" if ex.lead else "") + text + ("…" if ex.tail else "")
        where = (
            ""
            if ex.component == "body"
            else f" <span class='where'>in {escape(ex.component)}</span>"
        )
        return (
            f'<li><div class="ex-head"><span class="rownum">row {ex.index + 1:,}</span>'
            f"{_name(ex.name)}{where}</div>"
            f'<div class="ex-text">{text}</div>'
            f'<div class="ex-msg">{escape(ex.message)}</div></li>'
        )

    def _riskiest_section(self) -> str:
        title = "Riskiest templates"
        risky = self.riskiest()
        if not risky:
            return _section("riskiest", title, '<p class="empty">No row was scored.</p>')
        items = []
        for rank, row in enumerate(risky, 1):
            predicted = escape(row.predicted) if row.predicted else _muted("—")
            if row.predicted and row.category and row.predicted != row.category:
                predicted = (
                    '<span class="mismatch" title="differs from the declared category">'
                    f"{predicted}</span>"
                )
            score = "—" if row.score is None else f"{row.score:.2f}"
            codes = " ".join(f'<code class="code">{escape(c)}</code>' for c in row.codes)
            suggestion = (
                f'<div class="suggest"><b>Suggestion</b> {escape(row.suggestion)}</div>'
                if row.suggestion
                else ""
            )
            others = [f for f in row.findings if _body_span(f, row.text) is None]
            notes = "".join(
                f'<li>{_severity_dot(f.severity)}<code class="code">{escape(f.code)}</code> '
                f"<span class='where'>{escape(f.component)}</span> {escape(f.message)}</li>"
                for f in others
            )
            notes_html = f'<ul class="others">{notes}</ul>' if notes else ""
            more = '<span class="muted"> … (cut)</span>' if row.truncated else ""
            items.append(
                f'<tbody class="item"><tr class="meta">'
                f'<td class="num rank">{rank}</td>'
                f"<td class='num'>{row.index + 1:,}</td>"
                f"<td class='name'>{_name(row.name)}</td>"
                f"<td>{escape(row.category) if row.category else _muted('—')}</td>"
                f"<td>{predicted}</td>"
                f"<td class='num'>{_score_cell(row.score, score)}</td>"
                f"<td>{_badge(row.verdict)}</td>"
                f"<td class='codes-cell'>{codes or _muted('—')}</td></tr>"
                f'<tr class="detail"><td></td><td colspan="7">'
                f'<div class="tpl-text">{highlight(row.text, row.findings)}{more}</div>'
                f"{notes_html}{suggestion}</td></tr></tbody>"
            )
        body = (
            f'<p class="lede">The {len(risky):,} riskiest rows: failures before warnings, '
            "then by promotional score, then by number of errors. Hover a highlight for "
            "its finding.</p>"
            '<table class="grid risky"><thead><tr><th class="num">#</th>'
            '<th class="num">Row</th><th>Name</th><th>Declared</th><th>Predicted</th>'
            '<th class="num">Score</th><th>Verdict</th><th>Codes</th></tr></thead>'
            f"{''.join(items)}</table>"
        )
        return _section("riskiest", title, body)

    def _categories_section(self) -> str:
        title = "Categories"
        if not self.by_category:
            return _section("categories", title, '<p class="empty">No row was scored.</p>')
        declared = _category_order({c for c, _ in self.by_category})
        table = self._verdict_table(
            "Declared category × verdict", "Declared", self.by_category, declared, _cat_label
        )
        if self.by_language:
            languages = sorted({lang for lang, _ in self.by_language} - {"other"})
            languages += ["other"] if any(lang == "other" for lang, _ in self.by_language) else []
            table += self._verdict_table(
                "Language × verdict", "Language", self.by_language, languages, escape
            )
        if not self.confusion:
            return _section(
                "categories",
                title,
                table + '<p class="note">No row had both a declared and a predicted category.</p>',
            )
        decl = _category_order({d for d, _ in self.confusion})
        pred = _category_order({p for _, p in self.confusion})
        agree = sum(n for (d, p), n in self.confusion.items() if d == p)
        total = sum(self.confusion.values())
        head = "".join(f"<th class='num'>{escape(p)}</th>" for p in pred)
        rows = []
        for d in decl:
            row_total = sum(self.confusion.get((d, p), 0) for p in pred)
            cells = []
            for p in pred:
                n = self.confusion.get((d, p), 0)
                cls = "diag" if d == p else ("off" if n else "")
                cells.append(f"<td class='num {cls}'>{_count_pct(n, row_total)}</td>")
            rows.append(
                f"<tr><th scope='row'>{escape(d)}</th>{''.join(cells)}"
                f"<td class='num'><b>{row_total:,}</b></td></tr>"
            )
        confusion = (
            "<h3>Declared vs predicted category</h3>"
            f'<p class="lede">The classifier agrees with the declared category on '
            f"<b>{agree:,}</b> of {total:,} rows ({_pct(agree / total)}). "
            "Rows are declared, columns predicted; shares are of the row.</p>"
            '<table class="grid matrix"><thead><tr><th>Declared \\ predicted</th>'
            f"{head}<th class='num'>Rows</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        return _section("categories", title, table + confusion)

    def _verdict_table(
        self,
        title: str,
        first: str,
        counts: Counter[tuple[str, str]],
        labels: list[str],
        label_html: Callable[[str], str],
    ) -> str:
        """Rows by label, one column per verdict, each count with its share of the row."""
        verdicts = [v for v in ("pass", "warn", "fail") if v in self.verdicts]
        verdicts += sorted({v for _, v in counts} - set(verdicts))
        head = "".join(f"<th class='num'>{_badge(v)}</th>" for v in verdicts)
        rows = []
        for label in labels:
            total = sum(counts.get((label, v), 0) for v in verdicts)
            cells = "".join(
                f"<td class='num'>{_count_pct(counts.get((label, v), 0), total)}</td>"
                for v in verdicts
            )
            rows.append(
                f"<tr><th scope='row'>{label_html(label)}</th>{cells}"
                f"<td class='num'><b>{total:,}</b></td></tr>"
            )
        return (
            f'<h3>{escape(title)}</h3><table class="grid matrix"><thead><tr>'
            f"<th>{escape(first)}</th>{head}<th class='num'>Rows</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


# -- highlighting ------------------------------------------------------------------------


def highlight(text: str, findings: list[Finding]) -> str:
    """``text`` escaped, with every body finding's span in a ``<mark>``.

    Overlapping spans are split at every boundary into flat, non-nested pieces, each marked
    with all the findings that cover it, so the HTML stays well-formed whatever the spans."""
    spans = [(s, f) for f in findings if (s := _body_span(f, text)) is not None]
    if not spans:
        return escape(text)
    cuts = sorted({0, len(text)} | {p for (a, b), _ in spans for p in (a, b)})
    out = []
    for lo, hi in pairwise(cuts):
        piece = escape(text[lo:hi])
        covering = [f for (a, b), f in spans if a <= lo and hi <= b]
        if not covering:
            out.append(piece)
            continue
        worst = max(covering, key=lambda f: _SEVERITY_RANK.get(f.severity, 0))
        tip = "\n".join(f"{f.code}: {f.message}" for f in covering)
        out.append(
            f'<mark class="{_severity_class(worst.severity)}" title="{escape(tip)}">{piece}</mark>'
        )
    return "".join(out)


# -- small helpers -----------------------------------------------------------------------


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{body}</section>'


def _verdict_class(verdict: str) -> str:
    return f"v-{verdict}" if verdict in VERDICTS else "v-other"


def _severity_class(severity: str) -> str:
    return f"s-{severity}" if severity in _SEVERITY_RANK else "s-info"


def _badge(verdict: str) -> str:
    return f'<span class="badge {_verdict_class(verdict)}">{escape(verdict)}</span>'


def _severity(severity: str) -> str:
    return f'<span class="sev {_severity_class(severity)}">{escape(severity)}</span>'


def _severity_dot(severity: str) -> str:
    return f'<i class="dot {_severity_class(severity)}" title="{escape(severity)}"></i>'


def _oneline(text: str) -> str:
    """Escaped text with line breaks shown as a mark, so an excerpt stays one short block."""
    return '<span class="nl">↵</span> '.join(escape(line) for line in text.split("\n"))


def _muted(text: str) -> str:
    return f'<span class="muted">{escape(text)}</span>'


def _name(name: str | None) -> str:
    return f'<span class="tname">{escape(name)}</span>' if name else _muted("(no name)")


def _bounded(kept: set[str], label: str, most: int, overflow: str) -> str:
    """``label``, kept among at most ``most`` distinct labels; past them, ``overflow``."""
    if label in kept:
        return label
    if len(kept) >= most:
        return overflow
    kept.add(label)
    return label


def _cat_label(category: str) -> str:
    return _muted(category) if category == NOT_GIVEN else escape(category)


def _category_order(categories: set[str]) -> list[str]:
    known = [c for c in KNOWN_CATEGORIES if c in categories]
    rest = sorted(c for c in categories if c not in KNOWN_CATEGORIES and c != NOT_GIVEN)
    return known + rest + ([NOT_GIVEN] if NOT_GIVEN in categories else [])


def _score_cell(score: float | None, label: str) -> str:
    if score is None:
        return _muted(label)
    return (
        f'<span class="score"><span class="pip" style="width:{score * 100:.0f}%"></span>'
        f"</span>{label}"
    )


def _pct(share: float) -> str:
    if share == 0:
        return "0%"
    if share < 0.001:
        return "<0.1%"
    return f"{share * 100:.1f}%"


def _count_pct(n: int, total: int) -> str:
    if not n:
        return '<span class="muted">0</span>'
    return f"{n:,} <span class='pct'>{_pct(n / total)}</span>"


def _seconds(elapsed: float) -> str:
    if elapsed < 60:
        return f"{elapsed:.2f} s"
    minutes, seconds = divmod(elapsed, 60)
    return f"{int(minutes)} min {seconds:.0f} s"


def _nice_max(value: int) -> float:
    """A round axis maximum ≥ value, so the grid lines land on round counts."""
    if value <= 4:
        return 4.0
    magnitude = 10 ** math.floor(math.log10(value))
    # Each step splits into four round quarters, for the four grid lines.
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10.0 * magnitude  # pragma: no cover


def _count_label(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:,.0f}k"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


CSS = """
:root {
  --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; --bg: #fff;
  --accent: #0969da;
  --pass: #1a7f37; --pass-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5;
  --fail: #cf222e; --fail-bg: #ffebe9; --error: #57606a; --error-bg: #eaeef2;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--soft); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
}
.page { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; }
code, pre, .tpl-text, .ex-text {
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono",
    monospace;
}
h1 { font-size: 26px; line-height: 1.25; margin: 2px 0 14px; overflow-wrap: anywhere; }
h2 {
  font-size: 18px; margin: 0 0 10px; padding-bottom: 8px; border-bottom: 1px solid var(--line);
}
h3 { font-size: 14px; margin: 22px 0 8px; }
section, .head {
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
  padding: 18px 22px; margin: 0 0 18px;
}
.kicker {
  margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .06em;
  text-transform: uppercase; font-weight: 600;
}
.facts { display: flex; flex-wrap: wrap; gap: 10px 40px; margin: 0; }
.facts div { min-width: 0; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.facts code { font-weight: 500; font-size: 13px; }
.toc { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--line); }
.toc a {
  color: var(--accent); text-decoration: none; margin-right: 18px; font-size: 13px;
  font-weight: 500;
}
.toc a:hover { text-decoration: underline; }
.lede { color: var(--muted); margin: 0 0 12px; }
.note, .empty { color: var(--muted); font-style: italic; }
table.grid.words { width: auto; min-width: 420px; }
.words-accept { margin-top: 14px; }
pre.accept {
  background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: 10px 14px; margin: 0; max-height: 320px; overflow: auto; font-size: 13px;
}
.muted { color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card {
  border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px;
  padding: 10px 14px; background: var(--bg);
}
.card.v-pass { border-left-color: var(--pass); } .card.v-warn { border-left-color: var(--warn); }
.card.v-fail { border-left-color: var(--fail); }
.card.v-error { border-left-color: var(--error); }
.card-num { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card-pct { color: var(--muted); font-size: 13px; }
.stack {
  display: flex; height: 12px; margin: 14px 0 4px; border-radius: 6px; overflow: hidden;
  background: var(--soft); border: 1px solid var(--line);
}
.seg { display: block; height: 100%; }
.seg.v-pass { background: var(--pass); } .seg.v-warn { background: #d4a72c; }
.seg.v-fail { background: var(--fail); } .seg.v-error { background: #8c959f; }
.seg.v-other { background: var(--accent); }
.badge {
  display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px;
  font-weight: 600; line-height: 18px; border: 1px solid transparent; white-space: nowrap;
}
.badge.v-pass { color: var(--pass); background: var(--pass-bg); border-color: #aceebb; }
.badge.v-warn { color: var(--warn); background: var(--warn-bg); border-color: #eac54f; }
.badge.v-fail { color: var(--fail); background: var(--fail-bg); border-color: #ffcecb; }
.badge.v-error { color: var(--error); background: var(--error-bg); border-color: #d0d7de; }
.badge.v-other { color: var(--accent); background: #ddf4ff; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13px; }
.grid th, .grid td {
  padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left;
}
.grid th.num, .grid td.num { text-align: right; }
.grid thead th {
  background: var(--soft); font-size: 12px; color: var(--muted); font-weight: 600;
  border-bottom: 1px solid var(--line); white-space: nowrap;
}
.grid > tbody > tr:nth-child(even) { background: #f9fafb; }
.risky > tbody.item:nth-of-type(even) { background: #f9fafb; }
.risky > tbody > tr.meta > td { border-bottom: 0; padding-bottom: 2px; }
.risky td.rank { color: var(--muted); }
.risky .name { max-width: 280px; overflow-wrap: anywhere; }
.matrix tbody th { font-weight: 600; }
.matrix td.diag { background: var(--pass-bg); }
.matrix td.off { background: var(--fail-bg); }
.pct { color: var(--muted); font-size: 12px; margin-left: 4px; }
.code {
  font-size: 12px; background: #eff2f5; border: 1px solid #d8dee4; border-radius: 4px;
  padding: 0 5px; white-space: nowrap;
}
.codes-cell { line-height: 1.9; }
.codes td:first-child { white-space: nowrap; }
.share { white-space: nowrap; font-variant-numeric: tabular-nums; }
.meter {
  display: inline-block; width: 64px; height: 6px; background: var(--soft);
  border: 1px solid var(--line); border-radius: 3px; margin-right: 8px; vertical-align: middle;
  overflow: hidden;
}
.meter span { display: block; height: 100%; background: var(--accent); }
.score {
  display: inline-block; width: 36px; height: 5px; background: var(--soft);
  border: 1px solid var(--line); border-radius: 3px; margin-right: 6px; vertical-align: middle;
  overflow: hidden;
}
.pip { display: block; height: 100%; background: #bc4c00; }
.sev { font-size: 12px; font-weight: 600; }
.sev.s-error { color: var(--fail); } .sev.s-warning { color: var(--warn); }
.sev.s-info { color: var(--accent); }
.dot {
  display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px;
  vertical-align: middle;
}
.dot.s-error { background: var(--fail); } .dot.s-warning { background: #d4a72c; }
.dot.s-info { background: var(--accent); }
.mismatch { color: var(--fail); font-weight: 600; }
ul.examples { list-style: none; margin: 0; padding: 0; }
ul.examples li { padding: 4px 0 6px; }
ul.examples li + li { border-top: 1px dashed var(--line); }
ul.examples.plain li { padding: 0; border: 0; }
.ex-head { font-size: 12px; color: var(--muted); }
.rownum { color: var(--muted); font-size: 12px; margin-right: 8px; white-space: nowrap; }
.tname { font-weight: 600; color: var(--fg); overflow-wrap: anywhere; }
.where { color: var(--muted); font-size: 12px; font-style: italic; }
.ex-text { font-size: 12px; overflow-wrap: anywhere; margin: 2px 0; }
.nl { color: #8c959f; }
.ex-msg { font-size: 12px; color: var(--muted); }
.tpl-text {
  font-size: 12.5px; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft);
  border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 2px 0 6px;
}
mark {
  background: #fff1b8; color: inherit; border-radius: 2px; padding: 0 1px;
  box-shadow: inset 0 -2px 0 #d4a72c;
}
mark.s-error { background: #ffd8d3; box-shadow: inset 0 -2px 0 var(--fail); }
mark.s-warning { background: #fff1b8; box-shadow: inset 0 -2px 0 #d4a72c; }
mark.s-info { background: #ddf4ff; box-shadow: inset 0 -2px 0 var(--accent); }
mark[title] { cursor: help; }
ul.others { list-style: none; margin: 0 0 6px; padding: 0; font-size: 12px; }
.suggest { font-size: 12.5px; margin-bottom: 4px; }
.suggest b {
  font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--pass);
  margin-right: 6px;
}
.stats { margin: 0 0 6px; }
.chart { margin: 0; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart .grid { stroke: #eaeef2; stroke-width: 1; }
.chart .axis { stroke: #8c959f; stroke-width: 1; }
.chart .tick { fill: var(--muted); font-size: 11px; }
.chart .label { fill: var(--muted); font-size: 12px; }
.chart .count { fill: var(--muted); font-size: 10.5px; font-variant-numeric: tabular-nums; }
.chart .hit { fill: transparent; }
.chart g:hover .hit { fill: rgba(9, 105, 218, .06); }
.chart .bar.v-pass { fill: #4ac26b; } .chart .bar.v-warn { fill: #d4a72c; }
.chart .bar.v-fail { fill: #e5534b; } .chart .bar.v-other { fill: var(--accent); }
.chart .thr { stroke: #1f2328; stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart .thr-label { fill: var(--fg); font-size: 12px; font-weight: 600; }
.legend { margin-top: 6px; font-size: 12px; color: var(--muted); }
.key { margin-right: 16px; white-space: nowrap; }
.sw {
  display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px;
  vertical-align: -1px;
}
.sw.v-pass { background: #4ac26b; } .sw.v-warn { background: #d4a72c; }
.sw.v-fail { background: #e5534b; } .sw.v-other { background: var(--accent); }
.sw.thr { height: 0; border-top: 2px dashed #1f2328; border-radius: 0; vertical-align: 3px; }
.foot { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
@media print {
  body { background: #fff; font-size: 11px; }
  .page { max-width: none; padding: 0; }
  section, .head { border: 0; padding: 0; margin: 0 0 16px; }
  .toc { display: none; }
  .risky tbody.item, .grid tr, .chart { break-inside: avoid; }
  .grid thead { display: table-header-group; }
  mark, .badge, .seg, .matrix td, .card, .bar {
    -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
}
"""
