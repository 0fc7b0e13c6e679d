"""The ``classifier`` kind: the trained model's promotional score and predicted category.

Parameters (rule file, or ``[tool.templint.rules.TPL501]`` in the configuration):

- ``mode``: ``"score"`` fires when the promotional score reaches ``threshold``;
  ``"category"`` fires when a template's declared category differs from the predicted one.
- ``threshold`` (score mode): 0–1; by default the one recorded in the model's metadata, chosen
  by measurement when the model was trained.
- ``confidence`` (category mode): the predicted category's probability must reach this
  (default 0.5) before a disagreement is reported.
- ``model-dir``: a folder with another trained model (default: the shipped one), from the
  configuration file's folder (a rule file's own folder when a rule file sets it). A run
  reads one model: a ``model-dir`` set under one classifier rule (TPL501 or TPL502) is the
  model of both; two rules that name different folders stop the run (``ModelError``).
- ``explain``: how many words or phrases the message names (default 3).

Every template the check sees gets ``promotional_score`` and ``predicted_category`` in
``Template.scores``; the engine copies them into each diagnostic's ``extra``.

The model is plain data (``linter.classifier.scorer``): no scikit-learn import, and its
SHA-256 is checked against the metadata before it is read. A missing or altered model raises
``ModelError`` when the check is built, which stops the run (exit 2) rather than silently
skipping the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

from linter.classifier.features import without_sender
from linter.classifier.scorer import Score, Scorer, load_scorer, template_text
from linter.kinds import Check, Hit, settings_origin
from linter.rulebook import matches
from linter.template import Template, known_category

CATEGORY_RULE = "TPL502"
# Characters outside the scripts the model was trained on: Latin (with its extensions) and
# Devanagari.
_UNREAD = re.compile("[^\x00-\u024f\u0900-\u097f\u1e00-\u1eff]+")


def reads_script(text: str) -> bool:
    """Whether most of the text's letters are in a script the model was trained on (Latin,
    Devanagari). Its corpus has no Arabic, Cyrillic, Thai or CJK rows: on those it answered
    "reads as UTILITY (1.00)" for Meta's own Arabic OTP wording, from no evidence at all."""
    if text.isascii():  # nearly every template: a loop over its characters cost ~8% of a batch
        return True
    unread = sum(map(str.isalpha, "".join(_UNREAD.findall(text))))
    if not unread:
        return True
    letters = sum(map(str.isalpha, text))
    return (letters - unread) * 2 >= letters


def model_languages(meta: dict[str, Any]) -> frozenset[str]:
    """The base language codes a model was trained on, from its metadata; empty when its
    training file named none (then no template is left unscored for its language)."""
    return frozenset((meta.get("training_data") or {}).get("languages") or ())


def not_scored(written: str, language: str | None, languages: frozenset[str]) -> str | None:
    """Why the model gives no score to a template's text (None: it scores it). lint's TPL501
    and TPL502 say nothing then, batch leaves the score empty, and explain says this."""
    from linter.classifier.data import language_base

    if not written.strip():
        return "no text to score (no header, body, footer or button text)"
    if not reads_script(written):
        return "not scored: mostly in a script the model was not trained on"
    base = language_base(language) if language else None
    if languages and base and base not in languages:
        # a Turkish OTP read "UTILITY (0.88)": Latin letters, but words the model never saw
        return f"not scored: the model was not trained on its language ({language})"
    return None


def _has_otp_button(tpl: Template) -> bool:
    return any(str(b.get("type", "")).upper() == "OTP" for b in tpl.buttons)


# From this many templates on, ``prepare`` scores them together in numpy (~5x faster a text);
# fewer are scored one by one, so a small lint run never imports numpy.
BATCH_MIN = 32


def score_rule_params(config: Any) -> dict[str, Any] | None:
    """The parameters (rule file, then configuration) of the selected score-mode classifier
    rule under ``config``; None when none is selected."""
    from linter.rulebook import params_under, selected_rules

    for rule in selected_rules(config):
        params = params_under(rule, config)
        if rule.kind == "classifier" and str(params.get("mode", "score")) == "score":
            return params
    return None


def model_dir(config: Any) -> str | None:
    """The folder of the one model every classifier rule reads in a run under ``config``
    (None: the shipped model): the ``model-dir`` any classifier rule names, in the
    configuration (already resolved from its file's folder) or in its rule file (from that
    file's folder). Two rules naming different folders is a ``ModelError``: TPL501 reading one
    model and TPL502 another gave a run two scores, explain one and batch the other."""
    from pathlib import Path

    from linter.classifier.scorer import ModelError
    from linter.rulebook import config_rules

    named: dict[str, list[str]] = {}
    for rule in config_rules(config):
        if rule.kind != "classifier":
            continue
        if "model-dir" in config.options.get(rule.code, {}):
            folder = str(config.options[rule.code]["model-dir"])
        elif "model-dir" in rule.params:
            folder = str(rule.params["model-dir"])
            if rule.path and not Path(folder).is_absolute():
                folder = str((Path(rule.path).parent / folder).resolve())
        else:
            continue
        named.setdefault(folder, []).append(rule.code)
    if len(named) > 1:
        said = "; ".join(f"{', '.join(codes)}: {folder}" for folder, codes in named.items())
        raise ModelError(
            f"the classifier rules name different models ({said}); a run reads one model: "
            "set model-dir under one of them, or the same folder under each"
        )
    return next(iter(named), None)


def configured_threshold(config: Any) -> float | None:
    """The promotional-score threshold the selected score-mode rule uses under ``config``
    (None when none is selected), from the rule files, the configuration and the model's
    metadata: no model is loaded. ``ClassifierCheck`` resolves it the same way."""
    from linter.classifier.scorer import read_metadata

    params = score_rule_params(config)
    if params is None:
        return None
    if "threshold" in params:
        return float(params["threshold"])
    return float(read_metadata(model_dir(config)).get("threshold", 0.5))


def verify_models(config: Any) -> None:
    """Check every selected classifier rule's model file against its recorded SHA-256 (a
    ``ModelError`` when it does not match) without parsing or loading it."""
    from linter.classifier.scorer import (
        MAX_SCORER_FILE_BYTES,
        SCORER_NAME,
        read_metadata,
        verified_bytes,
    )
    from linter.rulebook import selected_rules

    if any(rule.kind == "classifier" for rule in selected_rules(config)):
        folder = model_dir(config)
        meta = read_metadata(folder)
        verified_bytes(folder, SCORER_NAME, meta, limit=MAX_SCORER_FILE_BYTES)


def scored_text(tpl: Template) -> str | None:
    """The text the classifier read of ``tpl`` in the run that linted it (evasion tricks
    undone, as the rules read it; brand names left out), or None when no classifier rule
    scored it."""
    cached = tpl.scores.get("_classifier")
    return None if cached is None else str(cached[2])


def _model_dir(check: Check) -> str | None:
    return check.ctx.shared("classifier-model-dir", lambda: model_dir(check.ctx.config))  # type: ignore[no-any-return]


def _shared_scorer(check: Check) -> Scorer:
    folder = _model_dir(check)
    return check.ctx.shared(f"classifier:{folder or ''}", lambda: load_scorer(folder))


class ClassifierCheck(Check):
    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.rulebook import choice

        choice(params, "mode", ("score", "category"), "a classifier mode", "score")
        return None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.mode = str(self.params.get("mode", "score"))
        if self.mode not in ("score", "category"):
            where = settings_origin(self.rule, self.ctx)
            raise ValueError(f"{where}: 'mode' must be 'score' or 'category'")
        self.scorer = _shared_scorer(self)  # ModelError here stops the run: exit 2
        threshold = self.params.get("threshold", self.scorer.threshold)
        confidence = self.params.get("confidence", 0.5)
        for name, value in (("threshold", threshold), ("confidence", confidence)):
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value <= 1
            ):
                where = settings_origin(self.rule, self.ctx)
                raise ValueError(f"{where}: '{name}' must be a number from 0 to 1")
        self.threshold = float(threshold)
        self.confidence = float(confidence)
        self.languages = model_languages(self.scorer.meta)
        self.explain_count = int(self.params.get("explain", 3))
        config = self.ctx.config
        self.category_rule_active = (
            not config.select or matches(CATEGORY_RULE, list(config.select))
        ) and not matches(CATEGORY_RULE, list(config.ignore))

    def _cached(self, tpl: Template, text: str) -> tuple[Score, str] | None:
        """The score and the text the model read, when ``text`` was scored by this model."""
        cached = tpl.scores.get("_classifier")
        if cached is not None and cached[0] == ("classifier", id(self.scorer), text):
            return cached[1], cached[2]  # type: ignore[no-any-return]
        return None

    def _store(self, tpl: Template, text: str, score: Score, scored: str) -> None:
        tpl.scores["_classifier"] = (("classifier", id(self.scorer), text), score, scored)
        tpl.scores["promotional_score"] = round(score.promotional, 4)
        tpl.scores["predicted_category"] = score.category

    def _score(self, tpl: Template) -> tuple[Score, str]:
        """The template's score and the text the model read (``_normalized``)."""
        text = template_text(tpl.components)
        cached = self._cached(tpl, text)
        if cached is None:
            scored = self._normalized(text, tpl)
            cached = self.scorer.score(scored), scored
            self._store(tpl, text, *cached)
        return cached

    def prepare(self, templates: list[Template]) -> None:
        todo = []
        for tpl in templates:
            text = template_text(tpl.components)
            if self._cached(tpl, text) is None and not self._not_scored(text, tpl):
                todo.append((tpl, text))
        if len(todo) < BATCH_MIN:
            return
        from linter.classifier.vectorized import BatchScorer

        folder = _model_dir(self)
        batch = self.ctx.shared(
            f"classifier-batch:{folder or ''}", lambda: BatchScorer(self.scorer)
        )
        scored = [self._normalized(text, tpl) for tpl, text in todo]
        scores = batch.scores(scored)
        for (tpl, text), score, read in zip(todo, scores, scored, strict=True):
            self._store(tpl, text, score, read)

    def _not_scored(self, written: str, tpl: Template) -> str | None:
        return not_scored(written, tpl.language, self.languages)

    def _normalized(self, text: str, tpl: Template) -> str:
        """The text the model scores: evasion tricks undone, as the text rules read it, and
        the configured brand names and the template's own sender left out, as training leaves
        out each row's sender."""
        read = self._undisguised(text, tpl)
        for brand in (*self.ctx.config.brands, *((tpl.brand,) if tpl.brand else ())):
            read = without_sender(read, brand)
        return read

    def _undisguised(self, text: str, tpl: Template) -> str:
        """``text`` with evasion tricks undone. When it is one component's text, that
        component's normalisation is made (and kept on it for the text rules); otherwise the
        joined text is normalised on its own."""
        if not self.ctx.config.normalize:
            return text
        from linter.kinds import normalized, normalized_text

        for comp in tpl.components:
            if comp.text is text or comp.text == text:
                return normalized(comp, self.ctx).text
        return normalized_text(text, self.ctx).text

    def check(self, template: Template) -> Iterator[Hit]:
        written = template_text(template.components)
        declared = known_category(template.category)  # TPL328 reports an unknown one
        if self._not_scored(written, template):
            # nothing written yet (TPL304 reports an empty body), or a script or language the
            # model never saw: a score from no evidence means nothing. A one-time code named
            # as one is no score ("{{1}} هو رمز التحقق الخاص بك").
            if self.mode == "category" and written.strip():
                yield from self._one_time_code(
                    template, declared, self._undisguised(written, template), None
                )
            return
        score, text = self._score(template)
        if self.mode == "category":
            if declared is None or score.category == declared:
                return
            if declared == "AUTHENTICATION" and _has_otp_button(template):
                return  # Meta's OTP structure makes it one; "change the category" would break it
            probability = score.probabilities[score.category.lower()]
            if probability < self.confidence:
                if score.category == "AUTHENTICATION":
                    yield from self._one_time_code(template, declared, text, score)
                return
            words = self._words(template, text, score.category)
            yield self._hit(
                template,
                {
                    "declared": declared,
                    "predicted": score.category,
                    "evidence": f"model probability {probability:.2f}",
                    "probability": f"{probability:.2f}",
                    "score": f"{score.promotional:.2f}",
                    "because": _because(words, score.category),
                },
                words,
                score.category,
            )
            return
        if score.promotional < self.threshold:
            return
        if (
            declared is not None
            and declared != "MARKETING"
            and score.category == "MARKETING"
            and self.category_rule_active
        ):
            return  # TPL502 reports it, naming the declared category
        words = self._words(template, text)
        yield self._hit(
            template,
            {
                "score": f"{score.promotional:.2f}",
                "threshold": f"{self.threshold:.2f}",
                "because": _because(words, "MARKETING"),
                "predicted": score.category,
            },
            words,
            "MARKETING",
        )

    def _one_time_code(
        self, tpl: Template, declared: str | None, text: str, score: Score | None
    ) -> Iterator[Hit]:
        """Declared UTILITY or MARKETING, but a placeholder is said to be a one-time code by
        name: Meta's authentication text in some language, which Meta moves to AUTHENTICATION
        whatever probability the model gives it (the Hindi preset '{{1}} आपका सत्यापन कोड है।'
        0.15, under ``confidence``; an Arabic one is not scored at all)."""
        if declared not in ("UTILITY", "MARKETING"):
            return
        from linter.classifier.categories import one_time_code_name

        name = one_time_code_name(text, is_the_code=True)
        if name is None:
            return
        if score is None:
            read, probability, promotional = "not scored by the model", "", ""
        else:
            probability = f"{score.probabilities['authentication']:.2f}"
            promotional = f"{score.promotional:.2f}"
            read = f"model probability {probability}"
        yield self._hit(
            tpl,
            {
                "declared": declared,
                "predicted": "AUTHENTICATION",
                "evidence": f"a one-time code's wording; {read}",
                "probability": probability,
                "score": promotional,
                "because": f"its variable is named '{name}', as in Meta's one-time-code text",
            },
            [name],
            "AUTHENTICATION",
        )

    def _words(self, tpl: Template, text: str, category: str | None = None) -> list[str]:
        """The whole words of ``text`` that push its promotional score (or ``category``'s
        probability) most, strongest first: at most ``explain`` of them, none a stop word of
        the template's language or of English, a number, a placeholder or part of a link."""
        from linter.classifier.scorer import MIN_CONTRIBUTION
        from linter.classifier.words import nameable, stop_words

        credit = self.scorer.word_credit(text, None if category == "MARKETING" else category)
        stops = stop_words(tpl.language or self.ctx.config.default_language)
        ranked = sorted(credit.items(), key=lambda wc: (-wc[1], wc[0]))
        return [w for w, c in ranked if c >= MIN_CONTRIBUTION and nameable(w, stops)][
            : self.explain_count
        ]

    def _hit(self, tpl: Template, values: dict[str, Any], words: list[str], category: str) -> Hit:
        """Point at the strongest word where it is written, or at the whole template. The
        words are words of the text the model read, so they are looked for there and mapped
        back to what the writer typed ('tonight' is the 'tоnight' with a Cyrillic о). The fix
        is the rule's, with the words named."""
        fix = None
        if words:
            from linter.engine import first_paragraph

            named = f"{_WORDS_READ_AS[category].capitalize()} here: {_quoted(words)}."
            fix = f"{first_paragraph(self.rule.fix)} {named}"
        for word in words:
            # a whole word: no letter or mark (a Devanagari vowel sign) on either side
            pattern = regex.compile(
                r"(?<![\w\p{M}])" + regex.escape(word) + r"(?![\w\p{M}])", regex.IGNORECASE
            )
            for comp in tpl.components:
                if comp.kind in self.rule.components and comp.text:
                    m = pattern.search(self._undisguised(comp.text, tpl))
                    if m:
                        start, end = m.span()
                        if self.ctx.config.normalize:
                            from linter.kinds import normalized

                            start, end = normalized(comp, self.ctx).original_span(start, end)
                        return Hit(comp, start, end, values, fix)
        return Hit(None, values=values, fix=fix)


# What the words a finding names read as, by the category they push toward.
_WORDS_READ_AS = {
    "MARKETING": "words that read as promotional",
    "AUTHENTICATION": "words that read as a one-time code",
    "UTILITY": "words that read as a transaction update",
}


def _quoted(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _because(words: list[str], category: str) -> str:
    """The message's account of which words made the text read as ``category``."""
    if not words:
        return "no single word stands out"
    return f"{_WORDS_READ_AS[category]}: {_quoted(words)}"
