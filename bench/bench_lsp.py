"""Latency of `templint server`: how long after a keystroke the editor has the diagnostics.

Run: python bench/bench_lsp.py [--edits N]
A real server process over pipes; each edit sends the whole text (full sync, as the server
asks) and waits for its publishDiagnostics. Prints the first (cold) answer and the median and
95th percentile of the rest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = (
    "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}. "
    "Track it at https://shop.example.in/t/{{2}}. Questions? Reply here."
)


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(stream) -> dict:
    length = 0
    while True:
        line = stream.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        if line.lower().startswith(b"content-length"):
            length = int(line.split(b":")[1])
    return json.loads(stream.read(length))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    uri = (folder / "order_update.txt").as_uri()
    proc = subprocess.Popen(
        [sys.executable, "-m", "linter", "server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=folder,
    )
    assert proc.stdin and proc.stdout

    def send(message: dict) -> None:
        proc.stdin.write(frame({"jsonrpc": "2.0", **message}))
        proc.stdin.flush()

    def diagnostics() -> list:
        while True:
            m = read(proc.stdout)
            if m.get("method") == "textDocument/publishDiagnostics":
                return m["params"]["diagnostics"]

    start = time.perf_counter()
    send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
    read(proc.stdout)
    send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "text": TEXT}}})
    diagnostics()
    cold = time.perf_counter() - start
    times = []
    for i in range(args.edits):
        # a writer typing: the text grows a word at a time, sometimes a typo
        text = TEXT + " " + " ".join(["thanks", "for", "shoping", "with", "us"][: i % 6])
        t0 = time.perf_counter()
        send({"method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": i + 2},
                         "contentChanges": [{"text": text}]}})  # fmt: skip
        diagnostics()
        times.append(time.perf_counter() - t0)
    send({"id": 2, "method": "shutdown"})
    read(proc.stdout)
    send({"method": "exit"})
    proc.wait(timeout=10)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"start + first diagnostics (cold): {cold * 1000:.0f} ms")
    print(f"per edit, {len(times)} edits: median {statistics.median(times) * 1000:.2f} ms, "
          f"95th percentile {p95 * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
