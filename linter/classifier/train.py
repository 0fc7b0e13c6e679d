"""Training: compare model families by cross-validation, fit the best, export it, record it.

Reproducible: fixed seeds, no dependence on hash order (the vectorizers' ``stop_words_`` set is
dropped before saving), gzip without a timestamp, so the same data gives byte-identical
``classifier.joblib`` and ``classifier.scorer.json.gz``. Only the metadata's date and fit
timings differ: with ``SOURCE_DATE_EPOCH`` set the date is that moment and the timings are left
out, so the metadata is byte-identical too.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import os
import platform
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
)
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from linter.classifier import features as F
from linter.classifier.data import (
    BINARY_LABELS,
    CATEGORIES,
    LABELS_HELP,
    DataError,
    Row,
    file_sha256,
    read_rows,
    without_blank,
)
from linter.classifier.scorer import (
    FORMAT,
    FORMAT_VERSION,
    JOBLIB_NAME,
    META_NAME,
    POSITIVE,
    SCORER_NAME,
    ModelError,
    encode_doubles,
    sha256_bytes,
)

SEED = 20240601
FOLDS = 5
MIN_DF = 2
MAX_WORD_FEATURES = 20_000
MAX_CHAR_FEATURES = 40_000
TARGET_PRECISION = 0.95

# name -> (family, what it is, factory(seed))
CANDIDATES: dict[str, tuple[str, str, Callable[[int], Any]]] = {
    "logreg-C10": (
        "logreg",
        "word+char TF-IDF, multinomial logistic regression, C=10",
        lambda seed: LogisticRegression(C=10.0, max_iter=3000),
    ),
    "logreg-C30": (
        "logreg",
        "word+char TF-IDF, multinomial logistic regression, C=30",
        lambda seed: LogisticRegression(C=30.0, max_iter=3000),
    ),
    "svm-C1": (
        "svm",
        "word+char TF-IDF, linear SVM (C=1) with sigmoid calibration (3-fold)",
        lambda seed: _svm(1.0, seed),
    ),
    "cnb-a0.3": (
        "cnb",
        "word+char TF-IDF, complement naive Bayes, alpha=0.3",
        lambda seed: ComplementNB(alpha=0.3),
    ),
}


def _svm(c: float, seed: int) -> CalibratedClassifierCV:
    # ensemble=False: one SVM on all rows, calibrated on cross-validated decisions, so the
    # exported scorer holds a single weight matrix.
    return CalibratedClassifierCV(
        LinearSVC(C=c, random_state=seed),
        method="sigmoid",
        cv=StratifiedKFold(3, shuffle=True, random_state=seed),
        ensemble=False,
    )


def make_features(
    max_word: int = MAX_WORD_FEATURES, max_char: int = MAX_CHAR_FEATURES, min_df: int = MIN_DF
) -> FeatureUnion:
    word = {k: v for k, v in F.WORD.items()}
    char = {k: v for k, v in F.CHAR.items()}
    return FeatureUnion(
        [
            ("word", TfidfVectorizer(**word, min_df=min_df, max_features=max_word)),
            ("char", TfidfVectorizer(**char, min_df=min_df, max_features=max_char)),
        ]
    )


def make_pipeline(name: str, seed: int = SEED, **feature_args: Any) -> Pipeline:
    return Pipeline(
        [("features", make_features(**feature_args)), ("clf", CANDIDATES[name][2](seed))]
    )


# -- data --------------------------------------------------------------------------------------
MIN_ROWS_PER_CATEGORY = 5


def training_rows(rows: list[Row], path: Path | str) -> list[Row]:
    """The rows with their label read as a category, as evaluate reads it (``promo`` is
    marketing, ``transactional`` utility, ``otp`` authentication). A label that says only
    promotional or not (``spam``, ``0``) or no known thing is refused, naming the file."""
    unknown = sorted({r.label for r in rows if r.category is None and r.label not in BINARY_LABELS})
    if unknown:
        raise DataError(
            f"{path}: unknown label(s) {', '.join(map(repr, unknown))}; "
            f"training reads {LABELS_HELP}"
        )
    binary = sorted({r.label for r in rows if r.category is None})
    if binary:
        raise DataError(
            f"{path}: label(s) {', '.join(map(repr, binary))} say only promotional or not; "
            f"training needs each row's category ({', '.join(CATEGORIES)}). "
            "`templint evaluate` measures a model on such a file"
        )
    return [r if r.label == r.category else replace(r, label=r.category) for r in rows]  # type: ignore[arg-type]


def check_trainable(rows: list[Row], train_rows: list[Row], path: Path | str) -> None:
    """A one-line ``DataError`` naming the file and what it lacks, before scikit-learn fails
    on it ("test_size = 2 should be greater or equal to the number of classes = 3")."""
    split = any(r.split for r in rows)
    counts = Counter(r.label for r in (train_rows if split else rows))
    which = "training rows (those not in split test)" if split else "rows"
    found = ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"
    if POSITIVE not in counts or len(counts) < 2:
        raise DataError(
            f"{path}: training needs marketing {which} and those of at least one other category "
            f"(utility, authentication); found {found}"
        )
    few = sorted(c for c, n in counts.items() if n < MIN_ROWS_PER_CATEGORY)
    if few:
        raise DataError(
            f"{path}: each category needs at least {MIN_ROWS_PER_CATEGORY} {which} to train "
            f"and measure a model; found {found}"
        )


def leak_warnings(rows: list[Row], path: Path | str) -> list[str]:
    """What makes the figures of this training optimistic: rows filled in from one template
    are near copies, and a random split puts some on each side."""
    out = []
    if not any(r.split for r in rows):
        out.append(
            f"{path}: no 'split' column, so the held-out rows are drawn at random; rows written "
            "from one template land on both sides and the held-out figures are optimistic. "
            "Add a 'split' column (train / test) that keeps each template's rows on one side"
        )
    if not all(r.group for r in rows):
        out.append(
            f"{path}: no 'pattern' column naming the template each row was written from, so "
            "cross-validation folds are drawn at random and its figures (and the threshold "
            "chosen from them) are optimistic"
        )
    return out


def split_rows(rows: list[Row], seed: int = SEED) -> tuple[list[Row], list[Row]]:
    """The corpus's own train/test split; rows without one are split 80/20, stratified."""
    bad = sorted({r.label for r in rows} - set(CATEGORIES))
    if bad:
        raise DataError(f"training labels must be {', '.join(CATEGORIES)}; found {', '.join(bad)}")
    if any(r.split for r in rows):
        train = [r for r in rows if r.split != "test"]
        test = [r for r in rows if r.split == "test"]
        return train, test
    labels = [r.label for r in rows]
    idx = list(range(len(rows)))
    tr, te = train_test_split(idx, test_size=0.2, random_state=seed, stratify=labels)
    return [rows[i] for i in sorted(tr)], [rows[i] for i in sorted(te)]


def texts_of(rows: Sequence[Row]) -> list[str]:
    return [F.normalise(r.text) for r in rows]


def fit_texts_of(rows: Sequence[Row]) -> list[str]:
    """The texts a model is fitted on: as ``texts_of``, less each row's sender (``brand``).
    A generated corpus draws its invented brands per industry, and industries lean to one
    category, so a model fitted on the names learns "Greenacre Homes" -> marketing and with it
    the word "home". Users' own brands are not in the corpus: the model should read wording.
    Scoring (cross-validation folds, the test split, lint time) sees the text as written."""
    return [F.normalise(F.without_sender(r.text, r.sender)) for r in rows]


# -- measurement -------------------------------------------------------------------------------
def _counts(y: np.ndarray, s: np.ndarray, threshold: float) -> tuple[int, int, int, int]:
    pred = s >= threshold
    pos = y == 1
    tp = int((pred & pos).sum())
    fp = int((pred & ~pos).sum())
    fn = int((~pred & pos).sum())
    return tp, fp, fn, len(y) - tp - fp - fn


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def binary_metrics(y_true: Sequence[int], scores: Sequence[float], threshold: float) -> dict:
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    tp, fp, fn, tn = _counts(y, s, threshold)
    p, r, f = _prf(tp, fp, fn)
    both = len(set(y.tolist())) == 2
    return {
        "threshold": round(float(threshold), 4),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "roc_auc": round(float(roc_auc_score(y, s)), 4) if both else None,
        "average_precision": round(float(average_precision_score(y, s)), 4) if both else None,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "at_recall_90": _best_precision_at_recall(y, s, 0.90) if both else None,
    }


def _best_precision_at_recall(y: np.ndarray, s: np.ndarray, min_recall: float) -> dict:
    """The best precision any threshold reaches while keeping recall at or above
    ``min_recall``: the model's operating curve, apart from the threshold shipped with it."""
    precision, recall, thresholds = precision_recall_curve(y, s)
    ok = recall[:-1] >= min_recall  # the last point (recall 0) has no threshold
    i = int(np.flatnonzero(ok)[np.argmax(precision[:-1][ok])])
    return {
        "min_recall": min_recall,
        "precision": round(float(precision[i]), 4),
        "recall": round(float(recall[i]), 4),
        "threshold": round(float(thresholds[i]), 4),
    }


def category_metrics(y_true: Sequence[str], y_pred: Sequence[str], classes: Sequence[str]) -> dict:
    """Per-class precision, recall and F1, the confusion matrix, accuracy and macro-F1.

    A figure with nothing to count is None ("n/a"), not 0: precision of a class never
    predicted, recall and F1 of a class with no rows. Macro-F1 averages the classes that have
    rows (``macro_over``): a class absent from the data is no 0 to average in (a set with no
    authentication rows read perfectly had macro-F1 0.67). Predictions of an absent class still
    count, as errors against the rows' true classes."""
    p, r, f, s = precision_recall_fscore_support(
        y_true, y_pred, labels=list(classes), zero_division=0
    )
    predicted = Counter(y_pred)

    def figure(value: float, defined: bool) -> float | None:
        return round(float(value), 4) if defined else None

    per = {
        c: {
            "precision": figure(p[i], predicted[c] > 0),
            "recall": figure(r[i], s[i] > 0),
            "f1": figure(f[i], s[i] > 0),
            "support": int(s[i]),
        }
        for i, c in enumerate(classes)
    }
    matrix = [[0] * len(classes) for _ in classes]
    index = {c: i for i, c in enumerate(classes)}
    for t, q in zip(y_true, y_pred, strict=True):
        if t in index and q in index:
            matrix[index[t]][index[q]] += 1
    present = [c for i, c in enumerate(classes) if s[i] > 0]
    macro = f1_score(
        y_true, y_pred, labels=present or list(classes), average="macro", zero_division=0
    )
    accuracy = sum(t == q for t, q in zip(y_true, y_pred, strict=True)) / max(1, len(y_true))
    return {
        "macro_f1": round(float(macro), 4),
        "macro_over": present,
        "accuracy": round(float(accuracy), 4),
        "per_class": per,
        "confusion": {"labels": list(classes), "matrix": matrix},
    }


def choose_threshold(y: Sequence[int], scores: Sequence[float]) -> float:
    """The threshold with the best F1 among those reaching TARGET_PRECISION (else best F1)."""
    best: tuple[int, float, float] | None = None
    y_arr, s_arr = np.asarray(y), np.asarray(scores, dtype=float)
    # Counted directly: sklearn's validated metrics cost ~10 ms a call, 91 calls per training.
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        tp, fp, fn, _ = _counts(y_arr, s_arr, float(t))
        p, _, f = _prf(tp, fp, fn)
        key = (int(round(p, 4) >= TARGET_PRECISION), round(f, 4), float(t))
        if best is None or key > best:
            best = key
    assert best is not None
    return best[2]


def _fold(
    texts: list[str],
    fit_texts: list[str],
    y: np.ndarray,
    train_idx: np.ndarray,
    val_idx: np.ndarray,
    names: list[str],
) -> dict[str, tuple[np.ndarray, float]]:
    feats = make_features()
    x_train = feats.fit_transform([fit_texts[i] for i in train_idx])
    x_val = feats.transform([texts[i] for i in val_idx])
    out = {}
    for name in names:
        start = time.perf_counter()
        clf = CANDIDATES[name][2](SEED).fit(x_train, y[train_idx])
        out[name] = (clf.predict_proba(x_val), time.perf_counter() - start)
    return out


def compare(
    rows: list[Row], names: list[str], folds: int = FOLDS, seed: int = SEED, n_jobs: int = 2
) -> tuple[dict[str, dict], dict[str, np.ndarray]]:
    """Cross-validated comparison on the training rows; returns metrics and out-of-fold probs."""
    texts, fit_texts = texts_of(rows), fit_texts_of(rows)
    classes = np.array(sorted({r.label for r in rows}))
    y = np.array([r.label for r in rows])
    counts = Counter(y.tolist())
    folds = max(2, min(folds, min(counts.values())))
    groups = [r.group for r in rows]
    if all(groups) and len(set(groups)) >= folds * len(classes):
        # Rows written from one pattern stay in one fold, as in the corpus's own split, so
        # cross-validation measures new wording rather than new fillers of seen wording.
        sgkf = StratifiedGroupKFold(folds, shuffle=True, random_state=seed)
        splits = list(sgkf.split(texts, y, groups))
    else:
        skf = StratifiedKFold(folds, shuffle=True, random_state=seed)
        splits = list(skf.split(texts, y))
    results = joblib.Parallel(n_jobs=n_jobs)(
        joblib.delayed(_fold)(texts, fit_texts, y, tr, va, names) for tr, va in splits
    )
    metrics: dict[str, dict] = {}
    oof: dict[str, np.ndarray] = {}
    pos = int(np.where(classes == POSITIVE)[0][0])
    y_bin = (y == POSITIVE).astype(int)
    for name in names:
        probs = np.zeros((len(rows), len(classes)))
        seconds = 0.0
        for (_, va), result in zip(splits, results, strict=True):
            probs[va] = result[name][0]
            seconds += result[name][1]
        pred = classes[probs.argmax(axis=1)]
        cat = category_metrics(y.tolist(), pred.tolist(), classes.tolist())
        binary = binary_metrics(y_bin, probs[:, pos], 0.5)
        metrics[name] = {
            "family": CANDIDATES[name][0],
            "description": CANDIDATES[name][1],
            "folds": folds,
            "macro_f1": cat["macro_f1"],
            "accuracy": cat["accuracy"],
            "promotional_roc_auc": binary["roc_auc"],
            "promotional_average_precision": binary["average_precision"],
            "promotional_precision_at_0.5": binary["precision"],
            "promotional_recall_at_0.5": binary["recall"],
            "fit_seconds_per_fold": round(seconds / folds, 2),
        }
        oof[name] = probs[:, pos]
    return metrics, oof


def pick(metrics: dict[str, dict]) -> str:
    """Best macro-F1 (to 3 places), then promotional average precision, then name."""
    return max(
        metrics,
        key=lambda n: (
            round(metrics[n]["macro_f1"], 3),
            metrics[n]["promotional_average_precision"] or 0.0,
            n,
        ),
    )


# -- export ------------------------------------------------------------------------------------
def export_scorer(pipeline: Pipeline) -> dict[str, Any]:
    """The plain data the lint-time scorer needs: vocabularies, idf, weights, link."""
    union: FeatureUnion = pipeline.named_steps["features"]
    parts = []
    for _, vec in union.transformer_list:
        vocab: dict[str, int] = vec.vocabulary_
        feats = [""] * len(vocab)
        for gram, j in vocab.items():
            feats[j] = gram
        if any("\n" in g for g in feats):
            raise ModelError("a feature contains a newline; cannot export")
        parts.append(
            {
                "analyzer": vec.analyzer,
                "ngram_range": list(vec.ngram_range),
                "lowercase": vec.lowercase,
                "token_pattern": vec.token_pattern if vec.analyzer == "word" else None,
                "sublinear_tf": vec.sublinear_tf,
                "norm": vec.norm,
                "features": "\n".join(feats),
                "idf": encode_doubles(vec.idf_.tolist()),
            }
        )
    clf = pipeline.named_steps["clf"]
    classes = [str(c) for c in clf.classes_]
    if isinstance(clf, LogisticRegression):
        coef, intercept = clf.coef_, clf.intercept_
        if coef.shape[0] == 1:  # binary: p1 = expit(z) = softmax([0, z])
            coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
            intercept = np.array([0.0, intercept[0]])
        link: dict[str, Any] = {"type": "softmax"}
    elif isinstance(clf, ComplementNB):
        coef = clf.feature_log_prob_
        intercept = np.zeros(len(classes))
        if len(classes) == 1:
            intercept = clf.class_log_prior_
        link = {"type": "softmax"}
    elif isinstance(clf, CalibratedClassifierCV):
        if len(clf.calibrated_classifiers_) != 1 or len(classes) < 3:
            raise ModelError("only a single calibrated multi-class SVM can be exported")
        cc = clf.calibrated_classifiers_[0]
        coef, intercept = cc.estimator.coef_, cc.estimator.intercept_
        link = {
            "type": "ovr_sigmoid",
            "a": [float(c.a_) for c in cc.calibrators],
            "b": [float(c.b_) for c in cc.calibrators],
        }
    else:
        raise ModelError(f"cannot export {type(clf).__name__}")
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "placeholder": {"pattern": F.PLACEHOLDER.pattern, "token": F.PLACEHOLDER_TOKEN},
        "classes": classes,
        "positive": POSITIVE,
        "vectorizers": parts,
        "coef": [encode_doubles(row.tolist()) for row in np.asarray(coef, dtype=float)],
        "intercept": [float(x) for x in np.asarray(intercept, dtype=float)],
        "link": link,
    }


def _strip_for_saving(pipeline: Pipeline) -> None:
    for _, vec in pipeline.named_steps["features"].transformer_list:
        if hasattr(vec, "stop_words_"):
            # A set: its pickle follows string-hash order, which changes between processes.
            delattr(vec, "stop_words_")
        if hasattr(vec, "_stop_words_id"):
            # id() of the stop-word list, a cache key for a consistency check: a memory address
            # that differs from run to run. scikit-learn recomputes it when it is missing.
            delattr(vec, "_stop_words_id")


def _reproducible(cv: dict[str, dict]) -> dict[str, dict]:
    """The cross-validation figures to record: without the wall-clock fit timings when
    ``SOURCE_DATE_EPOCH`` asks for a reproducible build (they differ on every run)."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        return cv
    return {
        name: {k: v for k, v in m.items() if k != "fit_seconds_per_fold"} for name, m in cv.items()
    }


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch else _dt.datetime.now(_dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def train(
    data: Path | str,
    out_dir: Path | str,
    *,
    models: Sequence[str] | None = None,
    folds: int = FOLDS,
    seed: int = SEED,
    n_jobs: int = 2,
    log: Callable[[str], None] = lambda _msg: None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> dict[str, Any]:
    """Train from a labelled file into ``out_dir``; returns the metadata it wrote (its
    ``warnings``, when there are any, say what makes the measured figures optimistic)."""
    data = Path(data)
    rows, blank = without_blank(read_rows(data, encoding=encoding, delimiter=delimiter), data)
    if blank:
        log(f"{data}: {blank} blank row{'s' if blank != 1 else ''} left out (no text)")
    rows = training_rows(rows, data)
    if not any(r.split for r in rows):
        check_trainable(rows, rows, data)  # before the random split, which would fail first
    train_rows, test_rows = split_rows(rows, seed)
    check_trainable(rows, train_rows, data)
    warnings = leak_warnings(rows, data)
    names = list(models or CANDIDATES)
    unknown = [n for n in names if n not in CANDIDATES]
    if unknown:
        raise ValueError(f"unknown model(s) {', '.join(unknown)}; known: {', '.join(CANDIDATES)}")
    if len({r.label for r in train_rows}) < len(CATEGORIES):
        # the calibrated SVM exports only with three classes (export_scorer)
        svm = [n for n in names if CANDIDATES[n][0] == "svm"]
        if svm and models:
            raise DataError(
                f"{data}: {', '.join(svm)} needs rows of all three categories; "
                f"found {', '.join(sorted({r.label for r in train_rows}))}"
            )
        names = [n for n in names if n not in svm]
    log(f"{data}: {len(train_rows)} training rows, {len(test_rows)} test rows")
    started = time.perf_counter()
    cv, oof = compare(train_rows, names, folds, seed, n_jobs)
    best = pick(cv)
    y_train_bin = [int(r.label == POSITIVE) for r in train_rows]
    threshold = choose_threshold(y_train_bin, oof[best])
    log(f"cross-validation ({time.perf_counter() - started:.1f}s): best {best}")

    pipeline = make_pipeline(best, seed)
    pipeline.fit(fit_texts_of(train_rows), [r.label for r in train_rows])
    classes = [str(c) for c in pipeline.classes_]
    test: dict[str, Any] = {}
    if test_rows:
        probs = pipeline.predict_proba(texts_of(test_rows))
        pred = [classes[i] for i in probs.argmax(axis=1)]
        truth = [r.label for r in test_rows]
        pos = classes.index(POSITIVE)
        y_bin = [int(t == POSITIVE) for t in truth]
        test = {
            "rows": len(test_rows),
            "categories": category_metrics(truth, pred, classes),
            "promotional": binary_metrics(y_bin, probs[:, pos].tolist(), threshold),
        }

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib_path = out / JOBLIB_NAME
    _strip_for_saving(pipeline)  # last: predicting sets the attributes again
    joblib.dump(pipeline, joblib_path, compress=("zlib", 6))
    scorer_blob = gzip.compress(
        json.dumps(export_scorer(pipeline), sort_keys=True, separators=(",", ":")).encode(),
        compresslevel=9,
        mtime=0,
    )
    (out / SCORER_NAME).write_bytes(scorer_blob)
    meta: dict[str, Any] = {
        "model": best,
        "description": CANDIDATES[best][1],
        "classes": classes,
        "positive_class": POSITIVE,
        "threshold": threshold,
        "threshold_rule": (
            f"best F1 with precision >= {TARGET_PRECISION} on the training rows' out-of-fold scores"
        ),
        "artefacts": {
            JOBLIB_NAME: {
                "sha256": sha256_bytes(joblib_path.read_bytes()),
                "bytes": joblib_path.stat().st_size,
                "use": "training and `templint evaluate --backend sklearn` only (joblib)",
            },
            SCORER_NAME: {
                "sha256": sha256_bytes(scorer_blob),
                "bytes": len(scorer_blob),
                "use": "lint-time scorer: plain data, no code",
            },
        },
        "sklearn_version": sklearn.__version__,
        "joblib_version": joblib.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "features": {
            "word": {**_jsonable(F.WORD), "min_df": MIN_DF, "max_features": MAX_WORD_FEATURES},
            "char": {**_jsonable(F.CHAR), "min_df": MIN_DF, "max_features": MAX_CHAR_FEATURES},
            "placeholder_token": F.PLACEHOLDER_TOKEN,
        },
        "training_data": {
            "path": data.name,
            "sha256": file_sha256(data),
            "rows": len(rows),
            "train_rows": len(train_rows),
            "test_rows": len(test_rows),
            "labels": dict(sorted(Counter(r.label for r in rows).items())),
            # what TPL501/502 score: a template declaring another language is not scored
            **({"languages": languages} if (languages := _languages(train_rows)) else {}),
            **({"blank_rows_skipped": blank} if blank else {}),
        },
        "seed": seed,
        "metrics": {"cross_validation": _reproducible(cv), "test": test},
        **({"warnings": warnings} if warnings else {}),
        "trained_at": _today(),
    }
    (out / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def _languages(rows: Sequence[Row]) -> dict[str, int]:
    """Training rows by base language code, when the file names languages; rows that name
    none are left out of the count (a file without the column gives {})."""
    return dict(sorted(Counter(r.language for r in rows if r.language).items()))


def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def load_pipeline(
    model_dir: Path | str | None = None, *, trust: bool = False
) -> tuple[Pipeline, dict[str, Any]]:
    """The scikit-learn pipeline, after checking its SHA-256 and the scikit-learn version.

    Unpickling runs whatever code the file names, and the SHA-256 in the metadata beside it
    was written by whoever wrote the folder: it catches a damaged file, not a hostile one. So
    the pipeline is read only from the shipped model folder, or from another folder when the
    caller says it trusts it (``trust``: the user's explicit ``--trust-model``, never a config).
    """
    import io

    from linter.classifier.scorer import (
        MAX_JOBLIB_FILE_BYTES,
        default_model_dir,
        is_shipped_model_dir,
        read_metadata,
        verified_bytes,
    )

    if not trust and not is_shipped_model_dir(model_dir):
        raise ModelError(
            f"{Path(model_dir or default_model_dir()) / JOBLIB_NAME}: refusing to unpickle a "
            "model from outside templint's shipped model folder (loading a pickle runs any code "
            "in it, and its SHA-256 in classifier.meta.json proves nothing about who wrote it); "
            "if you trained this folder yourself, pass --trust-model"
        )
    meta = read_metadata(model_dir)
    blob = verified_bytes(model_dir, JOBLIB_NAME, meta, limit=MAX_JOBLIB_FILE_BYTES)
    if meta.get("sklearn_version") != sklearn.__version__:
        raise ModelError(
            f"{JOBLIB_NAME} was trained with scikit-learn {meta.get('sklearn_version')}, this "
            f"is {sklearn.__version__}; refusing to unpickle it (retrain with `templint train`)"
        )
    return joblib.load(io.BytesIO(blob)), meta
