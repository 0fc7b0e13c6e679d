"""Lint long runs of one character (or of a pair) with odd endings, in the body and in each
other component of a JSON template, and print the slowest: a step whose cost grows with the
square of a run's length shows up here long before a user's draft finds it.

    python bench/hostile_shapes.py [--length 20000] [--alarm 10] [--pairs] [--json]

Each shape is linted once through the Python API (one process, after a warm-up call); a shape
that takes longer than --alarm seconds is stopped and reported as such. 2026-12-05, at the
code of that day: the slowest body of 65,000 characters took 0.6 s, and the slowest JSON
component of 20,000 characters 0.5 s (docs/robustness.md has the steps this found).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHARS = [" ", "a", "A", "1", ".", "/", "@", "!", "{", "}", ":", "-", "_", "*", "#", "$", "\n"]
CHARS += ["é", "%", "(", "?", "=", "&", "\t", "\u200b"]
FRAGMENTS = ["http://a", "www.a", "a.com/", "{{1}}a", "{{1}}", "{{ ", "a.b", "A: ", "X: ", "! "]
ENDINGS = ["", "!", "@", "@a", "}}", "{{", ":", ".", "-->", "/", " dot ", ".com", "a", "/{{1}}"]
PLACES = ("header", "footer", "button", "url", "example", "name")
# what a body shape may start with: a directive's keyword before a run found a step that
# backtracked over the blanks after it (2026-12-07: 40,000 spaces took 24 s)
PREFIXES = ["", "# templint: ignore", "<!-- templint: category"]


from linter.inputs import InputError  # noqa: E402  (after the path insert)


class Stopped(Exception):
    pass


def _stop(*_: object) -> None:
    raise Stopped


def template(place: str, value: str) -> str:
    """A valid UTILITY template with ``value`` in one place."""
    body = {"type": "BODY", "text": "Hi {{1}}, your order has shipped."}
    body["example"] = {"body_text": [["Ann"]]}  # type: ignore[assignment]
    tpl: dict[str, object] = {"name": "t", "language": "en_US", "category": "UTILITY"}
    components: list[dict[str, object]] = [body]
    if place == "header":
        components.insert(0, {"type": "HEADER", "format": "TEXT", "text": value})
    elif place == "footer":
        components.append({"type": "FOOTER", "text": value})
    elif place == "button":
        components.append({"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": value}]})
    elif place == "url":
        button = {"type": "URL", "text": "Track", "url": value}
        components.append({"type": "BUTTONS", "buttons": [button]})
    elif place == "example":
        body["example"] = {"body_text": [[value]]}  # type: ignore[assignment]
    elif place == "name":
        tpl["name"] = value
    tpl["components"] = components
    return json.dumps(tpl)


def timed(run: object, alarm: float) -> float:
    signal.setitimer(signal.ITIMER_REAL, alarm)
    start = time.perf_counter()
    try:
        run()  # type: ignore[operator]
        return time.perf_counter() - start
    except InputError:  # a shape that is no template (a directive without a value) is said
        return time.perf_counter() - start
    except Stopped:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=20_000, help="characters a shape")
    parser.add_argument("--alarm", type=float, default=10.0, help="seconds before a shape stops")
    parser.add_argument("--pairs", action="store_true", help="also every pair of characters")
    parser.add_argument("--json", action="store_true", help="also each JSON component")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()

    from linter.api import lint_templates, lint_text
    from linter.inputs import parse_json

    signal.signal(signal.SIGALRM, _stop)
    lint_text("warm up: load the rules and the model, bit.ly/x")
    runs = CHARS + FRAGMENTS + ([a + b for a in CHARS for b in CHARS] if args.pairs else [])
    found: list[tuple[float, str]] = []
    for unit in runs:
        for end in ENDINGS:
            text = unit * (args.length // len(unit)) + end
            for prefix in PREFIXES:
                took = timed(lambda t=prefix + text: lint_text(t), args.alarm)
                shape = f"{unit!r} × {args.length // len(unit):,} + {end!r}"
                found.append((took, f"body    {prefix + ' + ' if prefix else ''}{shape}"))
            if not args.json:
                continue
            for place in PLACES:
                raw = template(place, text)
                took = timed(lambda r=raw: lint_templates(parse_json(r)), args.alarm)
                found.append((took, f"{place:<8}{unit!r} × {args.length // len(unit):,} + {end!r}"))
    found.sort(reverse=True)
    print(f"{len(found):,} shapes of ~{args.length:,} characters; slowest first:")
    for took, shape in found[: args.top]:
        shown = "stopped" if took == float("inf") else f"{took:.2f} s"
        print(f"  {shown:>8}  {shape}")


if __name__ == "__main__":
    main()
