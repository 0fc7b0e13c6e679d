"""Scores templates with the exported linear model: plain Python, no numpy, no scikit-learn.

The model ships as two files in ``models/`` plus their metadata:

- ``classifier.scorer.json.gz``: a plain data file (gzip'ed JSON; arrays of doubles are
  base64-encoded little-endian bytes) holding each vectorizer's vocabulary and idf and the
  linear model's weights, intercepts and link function. Loading it runs no code.
- ``classifier.joblib``: the scikit-learn pipeline it was exported from, for ``templint
  evaluate --backend sklearn`` and retraining work only (see ``linter.classifier.train``).
- ``classifier.meta.json``: SHA-256 of both artefacts, library versions, training-data hash,
  classes, metrics, the promotional threshold chosen by measurement, and the date.

Every load checks the artefact's SHA-256 against the metadata before reading anything from it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from linter.classifier import features as F
from linter.classifier.categories import best_class
from linter.errors import TemplintError

META_NAME = "classifier.meta.json"
SCORER_NAME = "classifier.scorer.json.gz"
JOBLIB_NAME = "classifier.joblib"
FORMAT = "templint-linear-scorer"
FORMAT_VERSION = 1
POSITIVE = "marketing"
# The most a scorer file may decompress to. The shipped one is 2.6 MB and `templint train` caps
# the vocabulary at 60,000 n-grams, so a real model stays far below this; a gzip bomb (a few MB
# that inflate to gigabytes) stops here instead of filling memory.
MAX_SCORER_BYTES = 64 * 1024 * 1024
# The most a scorer file may be as stored, checked before it is read and while it is (a FIFO,
# or a link to /dev/zero, has no size to check): the shipped one is 1.2 MB, and JSON that
# inflates to at most MAX_SCORER_BYTES compresses far below this.
MAX_SCORER_FILE_BYTES = MAX_SCORER_BYTES // 2
# The most classifier.joblib may be as stored, checked as the scorer file is (before it is read
# and while it is): the shipped one is 1.2 MB, compressed as the scorer is, so the same cap.
MAX_JOBLIB_FILE_BYTES = MAX_SCORER_FILE_BYTES
_CHUNK = 256 * 1024
WORDS_KEPT = 50_000  # distinct words whose n-gram columns explain() keeps (~10 MB)
MIN_CONTRIBUTION = 0.005  # explain() names no word whose push is smaller (it shows as 0.00)


class ModelError(TemplintError, ValueError):
    """The model is missing, altered, or was made for another library version."""


def default_model_dir() -> Path:
    from linter.paths import models_dir

    return models_dir()


def is_shipped_model_dir(model_dir: Path | str | None) -> bool:
    """Whether ``model_dir`` is the model folder templint ships (None means it)."""
    if not model_dir:
        return True
    try:
        return Path(model_dir).resolve() == default_model_dir().resolve()
    except (OSError, RuntimeError):
        return False


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(Path(path).read_bytes())


def read_metadata(model_dir: Path | str | None = None) -> dict[str, Any]:
    folder = Path(model_dir) if model_dir else default_model_dir()
    path = folder / META_NAME
    from linter.jsonpos import loads_plain

    try:
        meta = loads_plain(path.read_text(encoding="utf-8"))  # nesting held to lint's limit
    except FileNotFoundError:
        raise ModelError(
            f"{path}: no classifier model here; train one with `templint train`"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable model metadata: {exc}") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("artefacts"), dict):
        raise ModelError(f"{path}: not templint model metadata (no 'artefacts')")
    return meta


def verified_bytes(
    model_dir: Path | str | None, name: str, meta: dict[str, Any], limit: int | None = None
) -> bytes:
    """The artefact's bytes, after checking their SHA-256 against the metadata; ``limit``:
    the most it may be, refused before more is read."""
    path, expected = _artefact(model_dir, name, meta)
    chunks: list[bytes] = []
    actual = _read_hashed(path, limit, chunks.append)
    _check_sha(path, actual, expected)
    return b"".join(chunks)


def _artefact(model_dir: Path | str | None, name: str, meta: dict[str, Any]) -> tuple[Path, str]:
    """The artefact's path and the SHA-256 its metadata records for it."""
    folder = Path(model_dir) if model_dir else default_model_dir()
    expected = (meta["artefacts"].get(name) or {}).get("sha256")
    if not expected:
        raise ModelError(f"{folder / META_NAME}: no SHA-256 recorded for {name}")
    return folder / name, str(expected)


def _read_hashed(path: Path, limit: int | None, take: Any) -> str:
    """Read ``path`` in chunks, each handed to ``take``, and return its SHA-256; a file of
    more than ``limit`` bytes is refused by its size, or once that much was read."""
    digest = hashlib.sha256()
    read = 0
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if limit is not None and size > limit:
                _too_big(path, limit)
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if limit is not None and read > limit:
                    _too_big(path, limit)
                digest.update(chunk)
                take(chunk)
    except OSError as exc:
        raise ModelError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return digest.hexdigest()


def _too_big(path: Path, limit: int) -> None:
    raise ModelError(
        f"{path}: larger than {limit // (1024 * 1024)} MB (a real model file is a few MB); "
        "refusing to load it"
    )


def _check_sha(path: Path, actual: str, expected: str) -> None:
    if actual != expected:
        raise ModelError(
            f"{path}: SHA-256 {actual[:12]}… does not match {expected[:12]}… recorded in "
            f"{META_NAME}; refusing to load a model file that was altered (retrain with "
            "`templint train`)"
        )


class _Inflater:
    """A gzip stream inflated as its chunks arrive, up to ``MAX_SCORER_BYTES``: the first
    problem (not gzip, more than the cap) is kept, and the rest only hashed, so that an
    altered file is named as such first."""

    def __init__(self) -> None:
        self.out = bytearray()
        self.problem: str | None = None
        self.too_big = False
        self._unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._fed = False  # bytes of a gzip member given since the last one ended

    def __call__(self, chunk: bytes) -> None:
        if self.problem is not None:
            return
        data = chunk
        try:
            while data:
                room = MAX_SCORER_BYTES + 1 - len(self.out)
                self.out += self._unzip.decompress(data, room)
                self._fed = True
                if len(self.out) > MAX_SCORER_BYTES:
                    self.problem, self.too_big = "too big", True
                    self.out = bytearray()
                    return
                if self._unzip.eof:  # a member ended: what follows is the next one, as gzip's
                    data = self._unzip.unused_data
                    self._unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    self._fed = False
                else:
                    data = self._unzip.unconsumed_tail
        except zlib.error as exc:
            self.problem = str(exc)
            self.out = bytearray()

    def finish(self) -> None:
        if self.problem is None and (self._fed or not self.out):
            self.problem = "Compressed file ended before the end-of-stream marker was reached"


def _doubles(text: str) -> array:
    values = array("d")
    values.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def encode_doubles(values: Iterable[float]) -> str:
    out = array("d", values)
    if sys.byteorder == "big":
        out.byteswap()
    return base64.b64encode(out.tobytes()).decode("ascii")


@dataclass(frozen=True, slots=True)
class Score:
    promotional: float  # probability of the positive class (marketing), 0–1
    category: str  # the most probable class, upper-case like Meta's categories
    probabilities: dict[str, float] = field(default_factory=dict)


@dataclass
class _Vectorizer:
    kind: str  # "word" | "char_wb"
    ngram_range: tuple[int, int]
    vocab: dict[str, int]
    idf: array
    offset: int  # where its features start in the model's weight rows
    token: re.Pattern[str]  # a word vectorizer's tokens, as the model was trained with

    def row(self, doc: str) -> dict[int, float]:
        if self.kind == "word":
            grams = F.word_ngrams(doc, self.ngram_range, self.token)
        else:
            grams = F.char_wb_ngrams(doc, self.ngram_range)
        return F.tfidf(grams, self.vocab, self.idf)


class Scorer:
    """A linear model over word and character n-gram TF-IDF features."""

    def __init__(self, data: dict[str, Any], meta: dict[str, Any] | None = None) -> None:
        if data.get("format") != FORMAT or data.get("version") != FORMAT_VERSION:
            raise ModelError(f"not a {FORMAT} v{FORMAT_VERSION} file")
        self.meta = meta or {}
        self.classes: list[str] = list(data["classes"])
        self.positive = self.classes.index(data.get("positive", POSITIVE))
        self.vectorizers: list[_Vectorizer] = []
        offset = 0
        for part in data["vectorizers"]:
            feats = part["features"].split("\n") if part["features"] else []
            self.vectorizers.append(
                _Vectorizer(
                    part["analyzer"],
                    (int(part["ngram_range"][0]), int(part["ngram_range"][1])),
                    dict(zip(feats, range(len(feats)), strict=True)),
                    _doubles(part["idf"]),
                    offset,
                    F.token_regex(part.get("token_pattern")),
                )
            )
            offset += len(feats)
        self.n_features = offset
        self.coef = [_doubles(row) for row in data["coef"]]
        self.intercept = [float(x) for x in data["intercept"]]
        self.link: dict[str, Any] = data["link"]
        if any(len(row) != offset for row in self.coef):
            raise ModelError("weight rows do not match the vocabulary size")
        self.threshold = float(self.meta.get("threshold", 0.5))
        self._directions: dict[int, array] = {}
        # per char vectorizer (by offset): word -> (its known n-gram columns, its display)
        self._word_columns: dict[int, dict[str, tuple[tuple[int, ...], str]]] = {}

    # -- features ----------------------------------------------------------------------------
    def transform(self, text: str) -> dict[int, float]:
        """The model's feature vector for one text: {column: value}, as scikit-learn builds it."""
        doc = F.normalise(text)
        row: dict[int, float] = {}
        for vec in self.vectorizers:
            for j, value in vec.row(doc).items():
                row[vec.offset + j] = value
        return row

    # -- scores ------------------------------------------------------------------------------
    def decision(self, row: dict[int, float]) -> list[float]:
        # ``row`` is in column order (``transform``), and the sums run in it: see vectorized.py
        if len(self.coef) == 3:
            # One pass for the three classes: each sum runs in the same order as a pass per
            # class would, so the result is identical, without looping over the row three times.
            w0, w1, w2 = self.coef
            t0 = t1 = t2 = 0.0
            for j, value in row.items():
                t0 += value * w0[j]
                t1 += value * w1[j]
                t2 += value * w2[j]
            b0, b1, b2 = self.intercept
            return [t0 + b0, t1 + b1, t2 + b2]
        out = []
        for weights, bias in zip(self.coef, self.intercept, strict=True):
            total = 0.0
            for j, value in row.items():
                total += value * weights[j]
            out.append(total + bias)
        return out

    def probabilities(self, row: dict[int, float]) -> list[float]:
        return self.link_of(self.decision(row))

    def link_of(self, z: list[float]) -> list[float]:
        """Class probabilities from decision values."""
        kind = self.link["type"]
        if kind == "softmax":
            top = max(z)
            exps = [math.exp(v - top) for v in z]
            total = sum(exps)
            return [e / total for e in exps]
        if kind == "ovr_sigmoid":  # CalibratedClassifierCV(method="sigmoid"), one classifier
            a, b = self.link["a"], self.link["b"]
            probs = [_expit(-(a[k] * z[k] + b[k])) for k in range(len(z))]
            total = sum(probs)
            if total == 0.0:
                return [1.0 / len(z)] * len(z)
            return [p / total for p in probs]
        raise ModelError(f"unknown link function {kind!r}")

    def score(self, text: str) -> Score:
        return self.score_of(self.decision(self.transform(text)), text)

    def score_of(self, z: list[float], text: str | None = None) -> Score:
        """The score for the decision values ``z`` of ``text`` (which rules out a category it
        cannot be: ``linter.classifier.categories``)."""
        probs = self.link_of(z)
        best = best_class(self.classes, probs, text)
        return Score(
            promotional=probs[self.positive],
            category=self.classes[best].upper(),
            probabilities=dict(zip(self.classes, probs, strict=True)),
        )

    def score_many(self, texts: Sequence[str], n_jobs: int = 1) -> list[Score]:
        """Scores in order; ``n_jobs`` > 1 spreads large batches over processes with joblib."""
        if n_jobs == 1 or len(texts) < 2000:
            return [self.score(t) for t in texts]
        from joblib import Parallel, delayed

        size = max(1, len(texts) // (4 * abs(n_jobs)))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        parts = Parallel(n_jobs=n_jobs)(delayed(_score_chunk)(self, c) for c in chunks)
        return [s for part in parts for s in part]

    # -- explanations ------------------------------------------------------------------------
    @property
    def direction(self) -> array:
        """Per feature, how much it moves the promotional score (``direction_of`` marketing)."""
        return self.direction_of(self.positive)

    def direction_of(self, cls: int) -> array:
        """Per feature, how much it moves the probability of class ``cls``: its weight less
        the mean of the others' (softmax), or its own weight times its sigmoid's slope
        (one-vs-rest)."""
        if cls not in self._directions:
            own = self.coef[cls]
            if self.link["type"] == "softmax" and len(self.coef) > 1:
                others = [r for k, r in enumerate(self.coef) if k != cls]
                n = len(others)
                values = (own[j] - sum(r[j] for r in others) / n for j in range(len(own)))
            else:
                # a calibrated one-vs-rest SVM: p = expit(-(a*z + b)), so a feature's share of
                # the log-odds is -a times its weight (explanations in log-odds, as for softmax)
                scale = -self.link.get("a", [-1.0] * len(self.coef))[cls]
                values = (scale * w for w in own)
            self._directions[cls] = array("d", values)
        return self._directions[cls]

    def explain(
        self, text: str, k: int = 3, toward: int = 1, category: str | None = None
    ) -> list[tuple[str, float]]:
        """The words and phrases of ``text`` that push its promotional score up the most (or,
        ``toward=-1``, down the most), with their signed contributions; with ``category``
        (``"UTILITY"``…), those that push that category's probability.

        Word n-grams count as themselves; each character n-gram's share goes to the word it
        lies in, so a phrase is credited with everything the model saw in it."""
        doc = F.normalise(text)
        cls = self.positive if category is None else self.classes.index(category.lower())
        direction = self.direction_of(cls)
        credit: dict[str, float] = {}
        for vec in self.vectorizers:
            if vec.kind == "word":
                row = vec.row(doc)
                for gram, j in _present(F.word_ngrams(doc, vec.ngram_range), vec.vocab):
                    credit[gram] = credit.get(gram, 0.0) + row[j] * direction[vec.offset + j]
                continue
            self._credit_chars(vec, doc.lower().split(), direction, credit)
        ranked = sorted(
            # a word under 0.005 pushes nothing (it would print as +0.00)
            ((p, c) for p, c in credit.items() if c * toward >= MIN_CONTRIBUTION),
            key=lambda pc: (-pc[1] * toward, pc[0]),
        )
        chosen: list[tuple[str, float]] = []
        taken: list[set[str]] = []  # the words of each chosen phrase
        for phrase, contribution in ranked:  # the filters run only until k are chosen
            words = set(phrase.split())
            if F.PLACEHOLDER_TOKEN in phrase or words <= _FUNCTION_WORDS or _is_link_part(phrase):
                continue
            if any(words <= t or t <= words for t in taken):
                continue
            chosen.append((phrase, contribution))
            taken.append(words)
            if len(chosen) == k:
                break
        return chosen

    def word_credit(self, text: str, category: str | None = None) -> dict[str, float]:
        """How much each whole word of ``text`` (lower-cased, as ``words.word_spans`` cuts
        them) pushes its promotional score (or ``category``'s probability), summed over its
        occurrences. Unlike ``explain``, every feature is mapped back to the words it lies in:
        a word n-gram to the word(s) of its tokens (a model with the legacy token pattern cut
        'सभी' to 'सभ', credited here to 'सभी'; a two-word n-gram is shared by its two words), a
        character n-gram to the words of its whitespace-delimited chunk. Placeholders and the
        words of web addresses get nothing."""
        from linter.classifier.words import is_link, word_spans

        doc = F.normalise(text)
        low = doc.lower()
        # the placeholder's token blanked out (same length): it is no word of the writer's
        masked = low.replace(F.PLACEHOLDER_TOKEN, " " * len(F.PLACEHOLDER_TOKEN))
        spans = list(word_spans(masked))
        owner = [-1] * len(low)  # character -> the index of the word it lies in
        for i, (start, end) in enumerate(spans):
            owner[start:end] = [i] * (end - start)
        cls = self.positive if category is None else self.classes.index(category.lower())
        direction = self.direction_of(cls)
        per_word = [0.0] * len(spans)

        def share(value: float, words: set[int]) -> None:
            words.discard(-1)
            for i in words:
                per_word[i] += value / len(words)

        chunks = [(m.start(), m.group()) for m in re.finditer(r"\S+", low)]
        for vec in self.vectorizers:
            if vec.kind == "word":
                tokens = list(vec.token.finditer(low))
                row = vec.row(doc)
                where: dict[str, set[int]] = {}  # gram -> the words its occurrences lie in
                lo, hi = vec.ngram_range
                for n in range(lo, hi + 1):
                    for i in range(len(tokens) - n + 1):
                        gram = " ".join(t.group() for t in tokens[i : i + n])
                        if gram in vec.vocab:
                            found = where.setdefault(gram, set())
                            found.update(owner[t.start()] for t in tokens[i : i + n])
                for gram, words in where.items():
                    j = vec.vocab[gram]
                    share(row[j] * direction[vec.offset + j], words)
                continue
            _, shares = self._char_shares(vec, [c for _, c in chunks], direction)
            for (start, chunk), value in zip(chunks, shares, strict=True):
                if value is not None:
                    share(value, set(owner[start : start + len(chunk)]))
        credit: dict[str, float] = {}
        links = {i for s, chunk in chunks if is_link(chunk) for i in owner[s : s + len(chunk)]}
        for i, (start, end) in enumerate(spans):
            if i not in links:
                word = low[start:end]
                credit[word] = credit.get(word, 0.0) + per_word[i]
        return credit

    def _credit_chars(
        self, vec: _Vectorizer, words: list[str], direction: array, credit: dict[str, float]
    ) -> None:
        """Each character n-gram's share of the score, split evenly over its occurrences and
        credited to the words they lie in."""
        per_word, shares = self._char_shares(vec, words, direction)
        for (_, key), share in zip(per_word, shares, strict=True):
            if key and share is not None:
                credit[key] = credit.get(key, 0.0) + share

    def _known_columns(
        self, vec: _Vectorizer, words: list[str]
    ) -> list[tuple[tuple[int, ...], str]]:
        """Each whitespace-delimited word's known n-gram columns and its display. A word's
        n-grams do not depend on its neighbours, so they are worked out once per scorer (a
        batch explains the same words thousands of times)."""
        known = self._word_columns.setdefault(vec.offset, {})
        if len(known) > WORDS_KEPT:
            known.clear()
        per_word = []
        for w in words:
            found = known.get(w)
            if found is None:
                get = vec.vocab.get
                cols = [
                    j for g in F.char_wb_ngrams(w, vec.ngram_range) if (j := get(g)) is not None
                ]
                found = known[w] = (tuple(cols), _display(w))
            per_word.append(found)
        return per_word

    def _char_shares(
        self, vec: _Vectorizer, words: list[str], direction: array
    ) -> tuple[list[tuple[tuple[int, ...], str]], list[float | None]]:
        """Per whitespace-delimited word, its known columns and display (``_known_columns``),
        and its character n-grams' share of the score (None for a word with no known
        n-gram), the text's tf-idf row counted from those columns."""
        per_word = self._known_columns(vec, words)
        counts = Counter(chain.from_iterable(cols for cols, _ in per_word))
        # sublinear tf x idf, l2-normalised: the row the model saw (``features.tfidf``)
        idf, offset = vec.idf, vec.offset
        logs, log = _LOGS, math.log
        columns = list(counts.items())
        values = [(logs[c] if c < 64 else 1.0 + log(c)) * idf[j] for j, c in columns]
        norm = math.hypot(*values)
        if norm == 0.0:
            return per_word, [None] * len(per_word)
        # per column: its value times its direction, shared among its occurrences
        share = {
            j: v * direction[offset + j] / c for (j, c), v in zip(columns, values, strict=True)
        }
        get = share.__getitem__
        return per_word, [sum(map(get, cols)) / norm if cols else None for cols, _ in per_word]


# Telling a writer that 'and' or 'to the' made the text promotional helps nobody: phrases made
# only of these are not named (they still count in the score).
_FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been am it "
    "its this that these those i me my we us our you your he him his she her they them their "
    "do does did has have had will would can could shall should may might must not no so than "
    "then there here what which who when where how all any some each just also very".split()
)


# Pieces of a link ('https', 'https://shop.in/new'): the writer cannot reword a URL, so naming
# it as "what makes this promotional" is no help (the link rules speak about links).
_LINK_WORDS = frozenset({"http", "https", "www", "com"})


def _is_link_part(phrase: str) -> bool:
    return "://" in phrase or "/" in phrase or bool(set(phrase.split()) & _LINK_WORDS)


def _present(grams: list[str], vocab: dict[str, int]) -> Iterable[tuple[str, int]]:
    seen: set[str] = set()
    for gram in grams:
        if gram not in seen and gram in vocab:
            seen.add(gram)
            yield gram, vocab[gram]


def _display(word: str) -> str:
    """A whitespace-delimited chunk as a reader would name it: outer punctuation dropped."""
    return word.strip("\"'“”‘’()[]{}<>.,;:!?*-–—/\\|`~").strip()


_LOGS = [0.0] + [1.0 + math.log(c) for c in range(1, 64)]  # sublinear tf, by count


def _expit(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _score_chunk(scorer: Scorer, texts: Sequence[str]) -> list[Score]:
    return [scorer.score(t) for t in texts]


def load_scorer(model_dir: Path | str | None = None) -> Scorer:
    """Load the exported model after checking its SHA-256 against the metadata."""
    meta = read_metadata(model_dir)
    path, expected = _artefact(model_dir, SCORER_NAME, meta)
    # the file read in chunks up to its cap, each hashed and inflated up to the inflated cap:
    # neither the file nor what it inflates to is ever held whole past them
    inflate = _Inflater()
    actual = _read_hashed(path, MAX_SCORER_FILE_BYTES, inflate)
    _check_sha(path, actual, expected)
    inflate.finish()
    if inflate.too_big:
        raise ModelError(
            f"{path}: decompresses to more than {MAX_SCORER_BYTES // (1024 * 1024)} MB "
            "(a real scorer is a few MB); refusing to load it"
        )
    if inflate.problem is not None:
        raise ModelError(f"{SCORER_NAME}: not a gzip'ed JSON scorer: {inflate.problem}")
    try:
        data = json.loads(inflate.out)
    except (ValueError, RecursionError) as exc:  # a folder a repository names may hold anything
        raise ModelError(f"{SCORER_NAME}: not a gzip'ed JSON scorer: {exc}") from None
    try:
        return Scorer(data, meta)
    except (KeyError, TypeError, IndexError) as exc:
        raise ModelError(f"{SCORER_NAME}: malformed scorer file ({exc!r})") from None


def template_text(components: Iterable[Any]) -> str:
    """What the classifier reads of a template: header, body, footer and button labels."""
    kinds = ("header", "body", "footer", "button")
    parts = [c.text for c in components if c.kind in kinds and c.text]
    return "\n".join(parts)
