"""Run `templint batch --report` on a realistic spreadsheet and render the report in headless
Chromium.

    python bench/check_report.py [--rows 2000] [--screenshot docs/batch-report.png]

Writes a CSV of ~2,000 templates from data/templates.jsonl (a spread over every intent, not
the first rows, which are all one intent) with a few rows the reader must refuse among them
(empty, not UTF-8, a malformed line, too long), runs the real command on it, checks
statically that the report references nothing outside itself, then screenshots it with
Chromium (Debian package ``chromium``). Prints rows, report size and render time; exits 1
when the command fails, Chromium is missing, the page references the network or no
screenshot was written. Emoji and Indic scripts need fonts the machine may lack (Debian:
``fonts-noto-color-emoji``, ``fonts-noto-core``); without them they are drawn as boxes, as
they would not be in a reader's browser.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "templates.jsonl"
SCREENSHOT = ROOT / "docs" / "batch-report.png"
# rows the reader must refuse, placed among the others as in a real export
BAD_ROWS = {
    17: b"empty_reminder,UTILITY,",
    240: b"legacy_note,UTILITY,Votre commande est exp\xe9di\xe9e.",
    655: b'broken_quote,UTILITY,"Your order ships "today" at noon',
    901: b"blank_offer,MARKETING,   ",
    1203: b"long_policy,UTILITY," + b"Please read our updated terms. " * 40,
    1544: b"extra_cells,UTILITY,Your order shipped,stray,cells",
}
URL_ATTRS = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data"}


def sample(path: Path, rows: int) -> list[dict[str, object]]:
    """Every n-th record, so the sample covers all intents and both labels."""
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    step = max(1, len(records) // rows)
    return records[::step][:rows]


def write_csv(records: list[dict[str, object]], out: Path) -> int:
    """name, category, body; returns the number of data rows written."""
    lines = [b"name,category,body"]
    for i, record in enumerate(records):
        if i in BAD_ROWS:
            lines.append(BAD_ROWS[i])
        buf = io.StringIO()
        name = f"{record.get('intent', 'template')}_{i + 1:04d}".replace("-", "_")
        # csv quotes a field that holds any character of the line terminator: keep "\n" there
        csv.writer(buf, lineterminator="\n").writerow(
            [name, str(record["label"]).upper(), record["text"]]
        )
        lines.append(buf.getvalue().removesuffix("\n").encode("utf-8"))
    out.write_bytes(b"\n".join(lines) + b"\n")
    return len(lines) - 1


class _Refs(HTMLParser):
    """Every URL-carrying attribute and every tag that loads something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.external: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("link", "iframe", "object", "embed", "img", "audio", "video", "source"):
            self.external.append(f"<{tag}>")
        if tag == "style":
            self._in_style = True
        for key, value in attrs:
            value = (value or "").strip()
            if key == "style":
                self.styles.append(value)
            if key in URL_ATTRS and value and not value.startswith(("#", "data:")):
                self.external.append(f"{tag} {key}={value!r}")
        if tag == "script" and any(k == "src" for k, _ in attrs):
            self.external.append("<script src>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def external_refs(page: str) -> list[str]:
    """What in the page would make a browser fetch something; [] for a self-contained page."""
    parser = _Refs()
    parser.feed(page)
    parser.close()
    found = parser.external
    for css in parser.styles:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
            if not url.startswith(("#", "data:")):
                found.append(f"url({url})")
        if "@import" in css:
            found.append("@import")
    return found


def screenshot(chromium: str, page: Path, out: Path) -> float:
    """Render ``page`` headless and write a PNG; returns the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="templint-chromium-") as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",  # we run as root in a container
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--window-size=1280,2400",
            f"--screenshot={out}",
            page.as_uri(),
        ]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
        took = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stderr[-2000:], file=sys.stderr)
    return took


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--screenshot", type=Path, default=SCREENSHOT)
    parser.add_argument("--keep-html", type=Path, help="also write the report here")
    args = parser.parse_args(argv)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 1
    templint = Path(sys.executable).parent / "templint"
    with tempfile.TemporaryDirectory(prefix="templint-report-") as tmp:
        folder = Path(tmp)
        drafts = folder / "spring-campaign.csv"
        rows = write_csv(sample(args.data, args.rows), drafts)
        html_path = folder / "report.html"
        cmd = [str(templint), "batch", drafts.name, "-o", "spring-campaign.scored.csv",
               "--report", html_path.name, "-j", str(args.jobs)]  # fmt: skip
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
        took_batch = time.perf_counter() - start
        if proc.returncode != 0:
            print(f"templint batch exited {proc.returncode}: {proc.stderr}", file=sys.stderr)
            return 1
        page = html_path.read_text(encoding="utf-8")
        print(f"rows:            {rows:,} ({len(BAD_ROWS)} the reader must refuse)")
        print(f"templint batch:  {took_batch:.2f} s, -j {args.jobs}: {proc.stderr.strip()}")
        print(f"report size:     {len(page.encode('utf-8')):,} bytes")
        refs = external_refs(page)
        if refs:
            print(f"external references: {len(refs)}: the page is not self-contained:")
            for ref in refs[:20]:
                print(f"  {ref}")
            return 1
        print("network:         none referenced (src/href/url()/@import/<link>/<script src>)")
        if args.keep_html:
            args.keep_html.write_text(page, encoding="utf-8")
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        args.screenshot.unlink(missing_ok=True)  # a stale file must not pass for a new one
        took = screenshot(chromium, html_path, args.screenshot)
    if not args.screenshot.is_file() or args.screenshot.stat().st_size == 0:
        print(f"no screenshot written to {args.screenshot}", file=sys.stderr)
        return 1
    with args.screenshot.open("rb") as fh:
        if fh.read(8) != b"\x89PNG\r\n\x1a\n":
            print(f"{args.screenshot} is not a PNG", file=sys.stderr)
            return 1
    print(f"render time:     {took:.2f} s (chromium start, layout, screenshot)")
    print(f"screenshot:      {args.screenshot} ({args.screenshot.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
