"""Scoring many texts at once with numpy: the batch path's classifier.

``Scorer.score`` spends ~300 us a text in Python dict lookups over ~350 n-grams. Here a whole
chunk is featurised in a few numpy passes: characters become small integers, every character
n-gram of every padded word becomes one int64 key, and one ``searchsorted`` over the sorted keys
of the vocabulary finds them all. Word n-grams go the same way through token ids. Both work per
distinct whitespace-separated word (a word's n-grams and tokens do not depend on its
neighbours), and what a word gives is kept across chunks in one flat array per index, handed
out to every place the word is written by index arithmetic: a batch repeats most of its words.

The floats are the scorer's own, not merely close: per text and vectorizer the features are
visited in column order by both (``_counted`` sorts; ``features.tfidf`` sorts), sublinear tf
comes from a table filled with ``math.log``, ``np.bincount`` adds sequentially as the scorer's
loops do, ``np.sqrt`` and ``math.sqrt`` are both correctly rounded, and the link function is the
scorer's. ``tests/test_batch_speed_paths.py`` checks equality to the last bit over the corpus.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

from linter.classifier import features as F
from linter.classifier.scorer import Score, Scorer

WORDS_KEPT = 20_000  # distinct words whose n-grams are kept (~5 MB)
_SEP = 0  # the id of the gap between padded words and between texts: no n-gram spans it


class _Grown:
    """A 1-D int64 array that is appended to, with spare room (doubling), so a chunk's new
    words do not copy what is already there."""

    def __init__(self) -> None:
        self.data = np.zeros(1024, dtype=np.int64)
        self.size = 0

    def add(self, values: np.ndarray) -> None:
        need = self.size + len(values)
        if need > len(self.data):
            grown = np.zeros(max(need, 2 * len(self.data)), dtype=np.int64)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : need] = values
        self.size = need

    @property
    def values(self) -> np.ndarray:
        return self.data[: self.size]


class _PerWord:
    """What an index gives for each known word (by the word's id), as one flat array: word w's
    values are ``flat[start[w] : start[w] + length[w]]``."""

    def __init__(self) -> None:
        self.flat, self.start, self.length = _Grown(), _Grown(), _Grown()

    def add(self, lengths: np.ndarray, values: np.ndarray) -> None:
        """The next words' values, ``lengths[k]`` of them for the k-th, all in one array."""
        self.start.add(self.flat.size + np.cumsum(lengths) - lengths)
        self.length.add(lengths)
        self.flat.add(values)

    def expand(self, ids: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(doc, value) for every value of every written word (``ids``, in the order written,
        ``docs`` the doc of each), in that order."""
        lengths = self.length.values[ids]
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        # for each written word, the positions start[w] .. start[w] + length[w] - 1 of flat
        at = np.repeat(self.start.values[ids] - (ends - lengths), lengths) + np.arange(total)
        return np.repeat(docs, lengths), self.flat.values[at]


class _Words:
    """The distinct whitespace-separated words met so far, each with an id, and for each index
    what it gives per word. Both analyzers' features of a doc are the sum of its words' in
    order (char_wb n-grams stay inside a word; word tokens are runs of word characters, which
    never hold whitespace), so a word is worked out once and its result handed out, by numpy,
    to every place it is written: a batch repeats most of its words (the corpus's 7,520
    templates hold 6,833 distinct words). Up to WORDS_KEPT words are kept; then it starts
    again."""

    def __init__(self, indexes: list[Any]) -> None:
        self.indexes = indexes
        self.clear()

    def clear(self) -> None:
        self.ids: dict[str, int] = {}
        self.per_index = [_PerWord() for _ in self.indexes]

    def ids_of(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(word id, doc) of every word written in the docs, in order."""
        splits = [d.split() for d in docs]
        written = list(chain.from_iterable(splits))
        per_doc = np.fromiter(map(len, splits), dtype=np.int64, count=len(splits))
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), per_doc)
        ids = self.ids
        found = list(map(ids.get, written))
        if None in found:
            new = [w for w in dict.fromkeys(written) if w not in ids]
            if len(ids) + len(new) > WORDS_KEPT:
                self.clear()
                ids = self.ids
                new = list(dict.fromkeys(written))
            ids.update(zip(new, range(len(ids), len(ids) + len(new)), strict=True))
            for index, table in zip(self.indexes, self.per_index, strict=True):
                table.add(*index.of_words(new))
            found = list(map(ids.__getitem__, written))
        return np.fromiter(found, dtype=np.int64, count=len(found)), doc_of


class _CharIndex:
    """A char_wb vectorizer's vocabulary as sorted int64 keys (base-B digits of char ids)."""

    def __init__(self, vocab: dict[str, int], ngram_range: tuple[int, int]) -> None:
        alphabet = sorted({c for gram in vocab for c in gram})
        self.ids = {c: i + 1 for i, c in enumerate(alphabet)}  # 0 is the gap
        self.unknown = len(alphabet) + 1
        self.base = len(alphabet) + 2
        self.ngram_range = ngram_range
        if self.base ** ngram_range[1] >= 2**62:
            raise ValueError("alphabet too large for int64 n-gram keys")
        top = max(map(ord, alphabet)) if alphabet else 0
        self.table = np.full(top + 2, self.unknown, dtype=np.int64)
        for c, i in self.ids.items():
            self.table[ord(c)] = i
        self.table[0] = _SEP if "\x00" not in self.ids else self.table[0]
        self.clip = top + 1
        keys = np.fromiter((self._key(g) for g in vocab), dtype=np.int64, count=len(vocab))
        cols = np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))
        order = np.argsort(keys, kind="stable")
        self.keys, self.cols = keys[order], cols[order]

    def _key(self, gram: str) -> int:
        key = 0
        for c in gram:
            key = key * self.base + self.ids[c]
        return key

    @staticmethod
    def find(o: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(text number, column) of every known n-gram: the docs' words' columns as they are."""
        return o, cols

    def of_words(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """How many known n-grams each word has, and their columns, word after word in
        ``_find``'s order (the table of ``_Words`` keeps them)."""
        word_of, cols = self._find(words)
        order = np.argsort(word_of, kind="stable")
        return np.bincount(word_of, minlength=len(words)), cols[order]

    def _find(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        # " w1 \0 w2 \0 ... " per doc, docs joined by \0: windows never cross a \0. A \0 inside a
        # word splits it here, and only drops grams holding a \0, which no vocabulary has.
        parts = [" " + " \x00 ".join(F._WHITE_SPACES.sub(" ", d).split()) + " " for d in docs]
        lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
        text = "\x00".join(parts) + "\x00"
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.table[np.minimum(points, self.clip)]
        ids[points == 0] = _SEP
        owner = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        gaps = np.concatenate(([0], np.cumsum(ids == _SEP)))
        length = len(ids)
        found_docs, found_cols = [], []
        lo, hi = self.ngram_range
        for n in range(lo, hi + 1):
            if length < n:
                break
            count = length - n + 1
            starts = np.flatnonzero(gaps[n : n + count] == gaps[:count])
            if not len(starts):
                continue
            key = ids[starts].copy()
            for k in range(1, n):
                key *= self.base
                key += ids[starts + k]
            at = np.searchsorted(self.keys, key)
            at[at == len(self.keys)] = 0
            hit = self.keys[at] == key
            found_docs.append(owner[starts[hit]])
            found_cols.append(self.cols[at[hit]])
        if not found_docs:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(found_docs), np.concatenate(found_cols)


class _WordIndex:
    """A word vectorizer's vocabulary (1- and 2-grams) through token ids."""

    def __init__(
        self, vocab: dict[str, int], ngram_range: tuple[int, int], token: re.Pattern[str]
    ) -> None:
        self.token = token
        if ngram_range[0] < 1 or ngram_range[1] > 2:
            raise ValueError("word n-grams longer than 2 are not indexed")
        tokens = sorted({t for gram in vocab for t in gram.split(" ")})
        self.token_id = {t: i for i, t in enumerate(tokens)}
        self.n_tokens = len(tokens)
        self.unigram = np.full(len(tokens) + 1, -1, dtype=np.int64)  # last slot: unknown token
        pairs: list[tuple[int, int]] = []
        for gram, col in vocab.items():
            parts = gram.split(" ")
            if len(parts) == 1:
                self.unigram[self.token_id[gram]] = col
            else:
                pairs.append((self.token_id[parts[0]] * len(tokens) + self.token_id[parts[1]], col))
        pairs.sort()
        self.pair_keys = np.array([k for k, _ in pairs], dtype=np.int64)
        self.pair_cols = np.array([c for _, c in pairs], dtype=np.int64)
        self.use_unigrams = ngram_range[0] == 1
        self.use_pairs = ngram_range[1] == 2 and len(pairs) > 0

    def find(self, o: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(text number, column) of every known 1- and 2-gram, from the docs' token ids ``t``
        (``o`` the doc of each), in order."""
        unknown = self.n_tokens
        docs_out, cols_out = [], []
        if self.use_unigrams:
            cols = self.unigram[t]
            keep = cols >= 0
            docs_out.append(o[keep])
            cols_out.append(cols[keep])
        if self.use_pairs and len(t) > 1:
            left, right = t[:-1], t[1:]
            # no pair spans two texts
            ok = (left != unknown) & (right != unknown) & (o[:-1] == o[1:])
            key = left[ok] * self.n_tokens + right[ok]
            at = np.searchsorted(self.pair_keys, key)
            at[at == len(self.pair_keys)] = 0
            hit = self.pair_keys[at] == key
            docs_out.append(o[:-1][ok][hit])
            cols_out.append(self.pair_cols[at[hit]])
        if not docs_out:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(docs_out), np.concatenate(cols_out)

    def of_words(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """How many tokens each word has, and their ids (the unknown id for tokens outside
        the vocabulary), word after word."""
        get, unknown = self.token_id.get, self.n_tokens
        tokens = [self.token.findall(w) for w in words]
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        ids = [get(t, unknown) for t in chain.from_iterable(tokens)]
        return lengths, np.fromiter(ids, dtype=np.int64, count=len(ids))


def _counted(doc: np.ndarray, col: np.ndarray, n: int) -> tuple[np.ndarray, ...]:
    """The distinct (doc, col) pairs, sorted by doc then column, and how often each occurs:
    ``np.unique`` of the pairs. When both fit in 16 bits the pairs are packed into one uint32
    and sorted as values, not arg-sorted: numpy sorts 32-bit ints with SIMD code, and only the
    sorted keys are needed (0.6 ms for a chunk of 500 corpus texts, ~200,000 pairs, against
    2.7 ms for two radix arg-sorts and their gathers)."""
    if len(doc) == 0:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty
    top = int(col.max())
    if n > 0xFFFF or top > 0xFFFF:
        width = top + 1
        key, counts = np.unique(doc * width + col, return_counts=True)
        return key // width, key % width, counts
    key = doc.astype(np.uint32) << 16
    key |= col.astype(np.uint32)
    key.sort()
    m = len(key)
    edge = np.empty(m + 1, dtype=bool)  # where a run of equal pairs starts, and the end
    edge[0] = edge[m] = True
    np.not_equal(key[1:], key[:-1], out=edge[1:m])
    edges = np.flatnonzero(edge)
    first = key[edges[:-1]].astype(np.int64)
    return first >> 16, first & 0xFFFF, np.diff(edges)


class BatchScorer:
    """``Scorer.score`` for a list of texts, as numpy array passes (see the module doc)."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.indexes: list[Any] = []
        for vec in scorer.vectorizers:
            if vec.kind == "word":
                self.indexes.append(_WordIndex(vec.vocab, vec.ngram_range, vec.token))
            elif vec.kind == "char_wb":
                self.indexes.append(_CharIndex(vec.vocab, vec.ngram_range))
            else:
                raise ValueError(f"no batch index for analyzer {vec.kind!r}")
        self.offsets = [vec.offset for vec in scorer.vectorizers]
        self.idf = np.concatenate(
            [np.frombuffer(v.idf, dtype=np.float64) for v in scorer.vectorizers]
        )
        self.coef = np.array([np.frombuffer(row, dtype=np.float64) for row in scorer.coef])
        self.intercept = np.array(scorer.intercept, dtype=np.float64)
        self._tf = np.array([0.0, 1.0])  # 1 + log(count), by count, from math.log
        self.words = _Words(self.indexes)

    def _sublinear(self, counts: np.ndarray) -> np.ndarray:
        top = int(counts.max()) if len(counts) else 1
        if top >= len(self._tf):
            self._tf = np.array([0.0] + [1.0 + math.log(c) for c in range(1, 2 * top + 1)])
        return self._tf[counts]

    def decisions(self, texts: Sequence[str]) -> np.ndarray:
        """The linear model's decision values, one row per text."""
        n = len(texts)
        docs = [F.normalise(t).lower() for t in texts]
        ids, doc_of = self.words.ids_of(docs)
        owners, columns = [], []
        for index, table, offset in zip(
            self.indexes, self.words.per_index, self.offsets, strict=True
        ):
            o, c = index.find(*table.expand(ids, doc_of))
            owners.append(o)
            columns.append(c + offset)
        n_groups = len(self.indexes)
        doc, col, counts = _counted(np.concatenate(owners), np.concatenate(columns), n)
        group = np.searchsorted(np.array(self.offsets[1:], dtype=np.int64), col, side="right")
        value = self._sublinear(counts) * self.idf[col]
        slot = doc * n_groups + group
        total = np.bincount(slot, weights=value * value, minlength=n * n_groups)
        norm = np.sqrt(total)
        value = value / np.where(total > 0.0, norm, 1.0)[slot]
        z = np.empty((n, len(self.coef)))
        for k, weights in enumerate(self.coef):
            z[:, k] = np.bincount(doc, weights=value * weights[col], minlength=n)
        return z + self.intercept

    def scores(self, texts: Sequence[str]) -> list[Score]:
        if not texts:
            return []
        return [
            self.scorer.score_of(list(map(float, z)), text)
            for z, text in zip(self.decisions(texts), texts, strict=True)
        ]


__all__ = ["BatchScorer"]
