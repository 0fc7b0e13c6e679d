"""The Python API as a long-running program (a web service, a notebook) uses it."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

import linter
from linter import Config, InputError, lint_text


def test_long_texts_are_not_kept_after_the_call() -> None:
    # the per-text caches (placeholders, link candidates) kept each text whole: thousands of
    # long drafts stayed in memory after their requests were over
    lint_text("Warm up: see example.com. Hi {{1}} " + "y" * 50_000)  # loads what a first call loads
    size, count = 50_000, 40
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            lint_text(f"Draft {i}: see example.com. Hi {{{{1}}}} " + "x" * size)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < size * count / 4, f"{kept} bytes kept after {count} texts of {size}"


@pytest.mark.parametrize("call", ["lint_text", "fix_source"])
def test_text_over_max_file_size_is_an_input_error(call: str) -> None:
    # max-file-size applied to files only: a service handed a huge draft linted it for seconds
    config = Config(max_file_size=1000)
    run = getattr(linter, call)
    with pytest.raises(InputError, match=r"<text>.*1,000-byte limit"):
        run("Your order {{1}} shipped. " * 50, config=config)
    with pytest.raises(InputError, match="1,000-byte limit"):
        run("é" * 600, config=config)  # 1,200 bytes in UTF-8
    run("Your order {{1}} shipped.", config=config)
