"""Reading labelled text (CSV or JSONL) for training and evaluation."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from linter import jsonpos

CATEGORIES = ("authentication", "marketing", "utility")
# One reading of labels for train and evaluate. A label that names a category (or a common
# word for one) gives the category; training needs one. The others say only promotional or
# not (a spam / ham set, 1 / 0): evaluate reads them, train cannot.
CATEGORY_LABELS = {
    "marketing": "marketing",
    "promotional": "marketing",
    "promotion": "marketing",
    "promo": "marketing",
    "utility": "utility",
    "transactional": "utility",
    "transaction": "utility",
    "authentication": "authentication",
    "auth": "authentication",
    "otp": "authentication",
}
BINARY_LABELS = {
    "spam": 1,
    "1": 1,
    "true": 1,
    "yes": 1,
    "ham": 0,
    "0": 0,
    "false": 0,
    "no": 0,
}
POSITIVE_LABELS = {
    *(k for k, v in CATEGORY_LABELS.items() if v == "marketing"),
    *(k for k, v in BINARY_LABELS.items() if v),
}
NEGATIVE_LABELS = {
    *(k for k, v in CATEGORY_LABELS.items() if v != "marketing"),
    *(k for k, v in BINARY_LABELS.items() if not v),
}
TEXT_COLUMNS = ("text", "body", "message", "content", "template", "sms")
LANGUAGE_COLUMNS = ("language", "lang", "locale")
LABEL_COLUMNS = ("label", "category", "class", "target")
DEFAULT_DATA = Path("data") / "templates.jsonl"


class DataError(ValueError):
    """The labelled data cannot be read; the message names the file (and line)."""


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: str  # lower-case, as written
    split: str | None = None
    name: str | None = None
    group: str | None = None  # the writing pattern a generated row came from (kept in one fold)
    sender: str | None = None  # the brand that sends it ("brand"): left out when training
    language: str | None = None  # its language's base code ("pt" of pt_BR), when the file says
    number: int = 0  # 1-based among the file's data rows (what a report calls "row N")

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE_LABELS

    @property
    def category(self) -> str | None:
        """The category the label names (``promo`` is marketing, ``otp`` authentication);
        None for a label that says only promotional or not (``spam``, ``0``)."""
        return CATEGORY_LABELS.get(self.label)


def file_sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _pick(columns: list[str], wanted: tuple[str, ...]) -> str | None:
    lower = {c.lower().strip(): c for c in columns}
    for name in wanted:
        if name in lower:
            return lower[name]
    return None


def read_rows(
    path: Path | str, *, encoding: str | None = None, delimiter: str | None = None
) -> list[Row]:
    """Rows of ``text`` + ``label`` from a CSV (header row) or JSONL file. ``encoding``:
    default UTF-8, with or without a BOM; ``delimiter`` (CSV): default the one of ``, ; tab |``
    that splits the header line into the most fields, as ``templint batch`` reads a CSV."""
    path = Path(path)
    codec = _codec(path, encoding)
    try:
        raw = path.read_bytes().decode(codec)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        hint = (
            "give its encoding with --encoding (cp1252 for a CSV Excel saved on Windows, "
            "utf-16 for its 'Unicode Text')"
            if encoding is None
            else "check --encoding"
        )
        raise DataError(
            f"{path}: cannot be read as {encoding or 'UTF-8'} text ({exc}); {hint}"
        ) from None
    if path.suffix.lower() in (".jsonl", ".ndjson") or raw.lstrip().startswith("{"):
        rows = _jsonl(raw, path)
    else:
        rows = _csv(raw, path, delimiter)
    if not rows:
        raise DataError(f"{path}: no labelled rows")
    return [replace(r, number=n) for n, r in enumerate(rows, 1)]


def _codec(path: Path, encoding: str | None) -> str:
    if encoding is None:
        return "utf-8-sig"
    from linter.batch.reader import codec_name

    try:
        name = codec_name(path, encoding)
    except ValueError as exc:
        raise DataError(str(exc)) from None
    return "utf-8-sig" if name == "utf-8" else name


def without_blank(rows: list[Row], path: Path | str) -> tuple[list[Row], int]:
    """The rows that have text, and how many had none (empty or only spaces). A blank text
    has nothing to score: the model gives it its prior (MARKETING 0.64 for the shipped one),
    which would count as an error against every label but marketing."""
    kept = [r for r in rows if r.text.strip()]
    if not kept:
        raise DataError(f"{path}: every row's text is blank; nothing to score")
    return kept, len(rows) - len(kept)


def _row(
    text: object,
    label: object,
    where: str,
    split: object = None,
    name: object = None,
    group: object = None,
    sender: object = None,
    language: object = None,
) -> Row:
    if not isinstance(text, str):
        raise DataError(f"{where}: 'text' must be a string")
    if label is None or isinstance(label, (dict, list)):
        raise DataError(f"{where}: missing or invalid 'label'")
    if isinstance(label, bool):
        label = int(label)
    return Row(
        text=text,
        label=str(label).strip().lower(),
        split=str(split).strip().lower() if isinstance(split, str) else None,
        name=str(name) if isinstance(name, str) else None,
        group=str(group) if isinstance(group, str) and group else None,
        sender=sender.strip() or None if isinstance(sender, str) else None,
        language=language_base(language) if isinstance(language, str) else None,
    )


def language_base(code: str) -> str | None:
    """The language of a Meta or BCP 47 code, without its region or script: ``pt`` of
    ``pt_BR``, ``hi`` of ``hi-Latn``; None for an empty code."""
    return re.split(r"[_-]", code.strip(), maxsplit=1)[0].lower() or None


def _jsonl(raw: str, path: Path) -> list[Row]:
    rows = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = jsonpos.loads_plain(line)
        except ValueError as exc:
            raise DataError(f"{where}: invalid JSON: {exc}") from None
        if not isinstance(obj, dict):
            raise DataError(f"{where}: each line must be a JSON object")
        text_key = _pick(list(obj), TEXT_COLUMNS)
        label_key = _pick(list(obj), LABEL_COLUMNS)
        if text_key is None or label_key is None:
            raise DataError(f"{where}: needs a text field and a label field")
        rows.append(
            _row(
                obj[text_key],
                obj[label_key],
                where,
                obj.get("split"),
                obj.get("name"),
                obj.get("pattern"),
                obj.get("brand"),
                obj.get(_pick(list(obj), LANGUAGE_COLUMNS) or ""),
            )
        )
    return rows


def _csv(raw: str, path: Path, delimiter: str | None = None) -> list[Row]:
    from linter.batch.reader import sniff_delimiter

    if delimiter is None:
        delimiter = sniff_delimiter(raw.lstrip("\ufeff").split("\n", 1)[0])
    if len(delimiter) != 1:
        raise DataError(f"{path}: --delimiter must be one character, not {delimiter!r}")
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    text_key = _pick(list(columns), TEXT_COLUMNS)
    label_key = _pick(list(columns), LABEL_COLUMNS)
    if text_key is None or label_key is None:
        raise DataError(
            f"{path}: CSV needs a header with a text column ({', '.join(TEXT_COLUMNS)}) and a "
            f"label column ({', '.join(LABEL_COLUMNS)}); found {', '.join(columns) or 'none'}"
        )
    split_key = _pick(list(columns), ("split",))
    name_key = _pick(list(columns), ("name",))
    brand_key = _pick(list(columns), ("brand",))
    pattern_key = _pick(list(columns), ("pattern",))
    language_key = _pick(list(columns), LANGUAGE_COLUMNS)
    rows = []
    try:
        for n, rec in enumerate(reader, 2):
            rows.append(
                _row(
                    rec.get(text_key) or "",
                    rec.get(label_key),
                    f"{path}:{n}",
                    rec.get(split_key) if split_key else None,
                    rec.get(name_key) if name_key else None,
                    rec.get(pattern_key) if pattern_key else None,
                    rec.get(brand_key) if brand_key else None,
                    rec.get(language_key) if language_key else None,
                )
            )
    except csv.Error as exc:
        raise DataError(f"{path}: invalid CSV: {exc}") from None
    return rows


def binary_label(label: str, where: str = "") -> int:
    """1 for a promotional label, 0 for a transactional one."""
    if label in POSITIVE_LABELS:
        return 1
    if label in NEGATIVE_LABELS:
        return 0
    raise DataError(f"{where or 'data'}: unknown label {label!r} ({LABELS_HELP})")


LABELS_HELP = (
    "categories: "
    + "; ".join(
        f"{c} ({', '.join(sorted(k for k, v in CATEGORY_LABELS.items() if v == c and k != c))})"
        for c in CATEGORIES
    )
    + "; promotional or not only: "
    + ", ".join(BINARY_LABELS)
)
