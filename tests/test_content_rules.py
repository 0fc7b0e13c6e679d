"""Policy-content rules (TPL10x-TPL18x) on realistic templates, and the ``phrase`` kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from linter.api import lint_text
from linter.config import Config
from linter.inflect import inflections
from linter.kinds import Context
from linter.kinds.phrase import PhraseCheck, PhraseRuleError
from linter.rulebook import Rule, load_rules

ROOT = Path(__file__).resolve().parent.parent
# Only the content families: other families (links, spelling, format) have their own tests.
CONTENT = Config(select=("TPL10", "TPL12", "TPL13", "TPL14", "TPL15", "TPL16", "TPL17", "TPL18"))


def codes(text: str, category: str | None = None) -> set[str]:
    return {d.code for d in lint_text(text, category=category, config=CONTENT)}


# (sector, template body, exact set of content codes expected)
TABLE: list[tuple[str, str, set[str]]] = [
    # clean transactional templates
    ("retail", "Your order {{1}} has shipped and will arrive on {{2}}.", set()),
    ("retail", "Hi {{1}}, your return for order {{2}} was received. Refund: {{3}}.", set()),
    ("retail", "Your order {{1}} is ready for pickup at {{2}}. Bring your order number.", set()),
    ("banking", "{{1}} is your verification code. Never share your OTP or PIN with anyone.", set()),
    (
        "banking",
        "Your account ending {{1}} was debited {{2}} on {{3}}. Not you? Call {{4}}.",
        set(),
    ),
    ("banking", "Your EMI of {{1}} for loan {{2}} is due on {{3}}. Pay in the app.", set()),
    ("banking", "Your salary of {{1}} has been credited to your account ending {{2}}.", set()),
    ("travel", "Your flight {{1}} to {{2}} departs at {{3}} from gate {{4}}.", set()),
    ("travel", "Booking {{1}} confirmed: 2 rooms for 3 nights at {{2}}, check-in {{3}}.", set()),
    ("travel", "Your seat upgrade to business class on flight {{1}} is confirmed.", set()),
    ("health", "Hi {{1}}, your appointment with Dr. {{2}} is on {{3}} at {{4}}.", set()),
    ("health", "Your lab report for test {{1}} is ready. View it at {{2}}.", set()),
    ("health", "Your surgery is on {{1}}. Please inform your family member who will come.", set()),
    ("logistics", "Your parcel {{1}} has just arrived at the {{2}} hub.", set()),
    ("logistics", "Share OTP {{1}} with the delivery partner to receive order {{2}}.", set()),
    ("logistics", "Our driver may give you a quick call on arrival with order {{1}}.", set()),
    ("telecom", "Your bill of {{1}} for number {{2}} is due on {{3}}.", set()),
    ("telecom", "You have used 90% of your data on plan {{1}}. It renews on {{2}}.", set()),
    ("food", "Your order from {{1}} has been picked up and will arrive in {{2}} minutes.", set()),
    ("food", "How was your delivery of order {{1}}? Reply with a number from 1 to 5.", set()),
    ("food", "Thanks for visiting {{1}}. Rate your visit 1-5 by replying to this message.", set()),
    ("saas", "Your password was changed on {{1}}. If this was not you, reset it at {{2}}.", set()),
    ("saas", "Your upgrade to Premium is complete. Your new plan starts on {{1}}.", set()),
    (
        "saas",
        "Your free trial ends on {{1}}. Your card will not be charged unless you subscribe.",
        set(),
    ),
    ("saas", "Invoice {{1}} for {{2}} has been paid. Thank you.", set()),
    (
        "utilities",
        "Reminder: your payment of {{1}} is due on {{2}}. A late fee applies after.",
        set(),
    ),
    # violating templates
    (
        "retail",
        "Your order {{1}} has shipped! Use code SAVE20 for 20% off next time.",
        {"TPL101", "TPL102"},
    ),
    (
        "retail",
        "Shop our flash sale: buy one get one free, today only!",
        {"TPL104", "TPL105", "TPL106"},
    ),
    ("retail", "Your dress is on its way. Complete the look with our heels: {{1}}", {"TPL151"}),
    (
        "retail",
        "Just arrived: linen shirts in 6 colours. Check out our latest collection.",
        {"TPL162"},
    ),
    ("retail", "Introducing our new cold brew range at {{1}}!", {"TPL161"}),
    (
        "banking",
        "Your card is blocked. Reply with your card number and CVV to unblock it.",
        {"TPL182"},  # the card number asked with its CVV: one finding, the graver request
    ),
    ("banking", "To complete KYC, please share your Aadhaar number and PAN card.", {"TPL185"}),
    ("banking", "Your refund is pending. Send us your account number and IFSC.", {"TPL184"}),
    ("banking", "Hi {{1}}, send your OTP here to complete the refund of {{2}}.", {"TPL186"}),
    ("banking", "{{1}} is your login code. For your security, do not share this code.", set()),
    ("banking", "Your EMI is overdue. Pay now or we will inform your employer.", {"TPL172"}),
    ("banking", "Reply within 24 hours or we will inform your employer.", {"TPL172"}),
    # the same words with no debt or condition beside them report, they do not threaten
    (
        "health",
        "Your father was admitted to City Hospital. We will inform your family of any change.",
        set(),
    ),
    ("health", "We will notify your family doctor about the test results.", set()),
    ("hr", "Your background check is complete. We will inform your employer today.", set()),
    ("retail", "Delivery failed. We will call your contact number tomorrow to rearrange.", set()),
    ("events", "Photos from the meetup are uploaded to our Facebook page.", set()),
    ("banking", "Pay {{1}} today or our recovery agents will visit your home.", {"TPL171"}),
    ("banking", "EMI overdue. Our field agent will visit your address on {{1}}.", {"TPL171"}),
    ("banking", "Our field agent will visit your address on {{1}} for your KYC papers.", set()),
    # one finding per problem where two rules read different words of one offer or threat: a
    # recovery visit is TPL171's (TPL172 read "sending ... to your workplace" as telling the
    # employer), a new collection TPL162's (TPL161 read "Ya llegó")
    ("banking", "We are sending our staff to your workplace to collect the dues", {"TPL171"}),
    (
        "banking",
        "We are sending our staff to your workplace to collect the dues. We will also inform "
        "your employer.",
        {"TPL171", "TPL172"},
    ),
    ("banking", "Visitaremos a tu trabajo para cobrar la deuda vencida.", {"TPL171"}),
    ("retail", "Ya llegó la nueva colección de otoño a nuestras tiendas.", {"TPL162"}),
    (
        "banking",
        "Our field executive will visit your home on {{1}} to collect the signed loan documents "
        "for your EMI mandate.",
        set(),
    ),
    (
        "banking",
        "Pay by {{1}} or legal action will be taken and you face serious consequences.",
        {"TPL173", "TPL174"},
    ),
    ("travel", "Your flight is booked. Add travel insurance to your booking: {{1}}", {"TPL153"}),
    (
        "travel",
        "Thanks for flying with us! Enter our lucky draw to win a free trip.",
        {"TPL105", "TPL131", "TPL132"},
    ),
    (
        "telecom",
        "Recharge now and get 10% cashback. Spin the wheel to win more!",
        {"TPL103", "TPL133"},
    ),
    ("telecom", "You've used 90% of your data. Upgrade to Premium for unlimited data.", {"TPL152"}),
    ("food", "Your meal is on its way! Would you like to add a dessert to your order?", {"TPL153"}),
    (
        "food",
        "Fill out our survey about your eating habits and win a voucher.",
        {"TPL103", "TPL131", "TPL141"},
    ),
    ("food", "To serve you better, tell us your monthly income and age group.", {"TPL142"}),
    (
        "saas",
        "Hi {{1}}, I came across your profile and would love to schedule a call.",
        {"TPL122", "TPL125"},
    ),
    ("saas", "Hi {{1}}, is now a good time to talk about {{2}}?", {"TPL121"}),
    ("saas", "Would you be interested in a free consultation for {{1}}?", {"TPL123"}),
    ("saas", "We haven't spoken before, but I run {{1}} and think we can help.", {"TPL124"}),
    ("saas", "Your account is locked. Send us your password to unlock it.", {"TPL183"}),
    ("health", "Congratulations! You have won a free health check-up.", {"TPL134"}),
    ("health", "Vote in our poll: which clinic should we open next?", {"TPL143"}),
]


@pytest.mark.parametrize(("sector", "text", "expected"), TABLE, ids=[t[1][:40] for t in TABLE])
def test_realistic_templates(sector: str, text: str, expected: set[str]) -> None:
    assert codes(text) == expected


# One finding per clause where a shopping prompt (TPL154) and the more specific event (TPL192),
# product-launch (TPL161) or new-arrivals (TPL162) rule read the same words: the specific one,
# unless it is the less severe (TPL192 is a warning: the shopping prompt's error stays).
PITCHES = Config(select=("TPL154", "TPL161", "TPL162", "TPL192"))
OVERLAPS: list[tuple[str, set[str]]] = [
    (
        "Your appointment is confirmed for {{1}}. While you're here, join our Healthy Heart "
        "community talk in the lobby this Saturday at 10 AM.",
        {"TPL154", "TPL192"},
    ),
    (
        "Your car is booked in for {{1}}. When you drop it off, come and see the all-new 2025 "
        "Navara on our showroom floor and book a test drive.",
        {"TPL161"},
    ),
    ("Gracias por tu compra. ¡Mira nuestra nueva colección de verano!", {"TPL162"}),
    (
        "Merci pour votre achat. Jetez un œil à notre collection printemps-été sur {{1}} !",
        {"TPL162"},
    ),
    (
        "Votre commande est livrée. Découvrez notre nouvelle gamme de cafés en grains : {{1}}",
        {"TPL162"},
    ),
    ("Grazie per il tuo acquisto. Scopri i nuovi arrivi su {{1}}.", {"TPL162"}),
    # the shopping prompt alone is still reported
    ("Your appointment is on {{1}}. While you're here, browse our pharmacy.", {"TPL154"}),
    (
        "Your car is booked in for {{1}}. When you drop it off, come and see our showroom.",
        {"TPL154"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OVERLAPS, ids=[t[:40] for t, _ in OVERLAPS])
def test_one_finding_per_pitch(text: str, expected: set[str]) -> None:
    found = [d.code for d in lint_text(text, category="UTILITY", config=PITCHES)]
    assert set(found) == expected


def test_table_is_broad() -> None:
    assert len(TABLE) >= 40
    assert sum(1 for *_, e in TABLE if not e) >= 20
    assert {s for s, *_ in TABLE} >= {"retail", "banking", "travel", "health", "logistics"}


def test_marketing_templates_may_promote_but_not_threaten() -> None:
    promo = "Use code SAVE20 for 20% off. Is now a good time to talk?"
    assert codes(promo, "MARKETING") == set()
    threat = "Use code SAVE20 or we will inform your employer. Share your CVV."
    assert codes(threat, "MARKETING") == {"TPL172", "TPL182"}


@pytest.mark.parametrize(
    "text",
    [
        "Is now a good time to talk?",
        "Is this a good time to speak with you?",
        "Would now be a convenient time for a quick chat?",
        "When is a good time to connect?",
        "Do you have a few minutes to talk?",
        "We would love to schedule a call with you.",
        "I'd like to set up a 15-minute call.",
        "Let's hop on a short call this week.",
        "We scheduled nothing yet, but can we schedule a call?",
        "We have never spoken before.",
        "We've not met yet, {{1}}.",
        "We recently found your business on Google.",
        "We stumbled upon your amazing salon on Instagram.",
    ],
)
def test_outreach_variants_match(text: str) -> None:
    assert codes(text) & {"TPL121", "TPL122", "TPL123", "TPL124", "TPL125"}, text


def test_outreach_hit_has_character_offsets() -> None:
    text = "Hello {{1}}, is now a good time to talk?\nThanks"
    [diag] = [d for d in lint_text(text, config=CONTENT) if d.code == "TPL121"]
    start = text.index("is now")
    assert (diag.line, diag.column) == (1, start + 1)
    assert diag.end_column == text.index("?") + 1
    assert "'is now a good time to talk'" in diag.message


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Members save an extra $10 on every order.", "save an extra $10"),
        ("Hi {{1}}, save $250 on your next booking.", "save $250"),
        ("Save Rs 1,25,000 on your next car service.", "Save Rs 1,25,000"),
        ("Plans start at just ₹399 a month.", "start at just ₹399"),
        ("Ahorra $250 en tu próxima reserva.", "Ahorra $250"),
        # a full stop after the amount ends the number
        ("Save $10. Then book again.", "Save $10"),
    ],
)
def test_a_finding_names_the_whole_amount_not_its_first_digit(text: str, match: str) -> None:
    """A pattern may write an amount as a currency sign and one digit; the finding names the
    whole number (it named 'save $2' for "save $250")."""
    found = [d for d in lint_text(text, config=CONTENT) if d.code in ("TPL101", "TPL154")]
    assert [f"'{match}'" in d.message for d in found] == [True], [d.message for d in found]
    assert found[0].end_column - found[0].column == len(match)


def test_no_shipped_pattern_rule_reports_part_of_a_number() -> None:
    """Over every pattern rule's own fail examples, no finding's span stops between two
    digits of a number (or before a separator and its digits)."""
    cut = []
    for rule in load_rules():
        if rule.kind != "pattern":
            continue
        for text in (ex for ex in rule.examples_fail if isinstance(ex, str)):
            for d in lint_text(text, config=Config(select=(rule.code,))):
                start, end = d.span or (0, 0)
                rest = text[end : end + 2]
                if text[end - 1 : end].isdigit() and (
                    rest[:1].isdigit() or (rest[:1] in (".", ",") and rest[1:].isdigit())
                ):
                    cut.append((rule.code, text[start:end], text))
    assert not cut, cut[:5]


# the phrase kind itself


def _rule(**params: object) -> Rule:
    return Rule("TPL999", "test-rule", "phrase", "error", "{match}", "s", "w", "f", params=params)


def _find(rule: Rule, text: str) -> list[str]:
    check = PhraseCheck(rule, Context(Config()))
    return [text[h.start : h.end] for h in check.find(text)]


def test_phrase_placeholders_are_single_tokens() -> None:
    rule = _rule(phrases=["add {{1}} to your order"])
    assert _find(rule, "Hi {{2}}, add {{9}} to your order now") == ["add {{9}} to your order"]
    pattern = _rule(patterns=[[{"LEMMA": "add"}, {"PLACEHOLDER": True}, {"LOWER": "to"}]])
    assert _find(pattern, "x{{1}} Adding {{2}} to cart") == ["Adding {{2}} to"]


def test_phrase_lemma_expands_inflections_and_exceptions_excuse() -> None:
    rule = _rule(
        patterns=[[{"LEMMA": "buy"}, {"LOWER": "now"}]],
        exceptions=["never bought now"],
    )
    assert _find(rule, "We bought now. Buying now!") == ["bought now", "Buying now"]
    assert _find(rule, "I never bought now") == []


def test_phrase_context_words_decide_whether_a_hit_counts() -> None:
    from linter.inputs import parse_text

    rule = _rule(phrases=["inform your family"], context=["pay", "if not"])
    check = PhraseCheck(rule, Context(Config()))

    def fired(text: str) -> bool:
        return bool(list(check.check(parse_text(text, "<t>"))))

    assert not fired("We will inform your family of any change.")
    assert fired("Paid nothing yet? We will inform your family.")  # any inflection of "pay"
    assert fired("If  not, we will inform your family.")  # several words, any spacing
    assert "context" in dict(rule.options())


def test_a_team_names_its_own_context_word_list(tmp_path: Path) -> None:
    from linter.config import load_config

    (tmp_path / "dues.txt").write_text("# our wording\nkhata\n", encoding="utf-8")
    (tmp_path / "templint.toml").write_text(
        'select = ["TPL172"]\n[rules.TPL172]\ncontext = ["dues.txt", "baki"]\n',
        encoding="utf-8",
    )
    cfg = load_config(tmp_path / "templint.toml")
    threat = "We will inform your employer about your {} today."
    assert [d.code for d in lint_text(threat.format("khata"), config=cfg)] == ["TPL172"]
    assert [d.code for d in lint_text(threat.format("baki"), config=cfg)] == ["TPL172"]
    # the shipped list's words no longer count: the team's list replaced it
    assert lint_text(threat.format("dues"), config=cfg) == []
    shipped = Config(select=("TPL172",))
    assert [d.code for d in lint_text(threat.format("dues"), config=shipped)] == ["TPL172"]


def test_phrase_triggers_are_derived_and_gate_matching() -> None:
    check = PhraseCheck(_rule(phrases=["is now a good time to talk"]), Context(Config()))
    assert check.triggers  # a content word of the phrase, not "is"/"a"/"to"
    assert not check.triggers & {"is", "a", "to", "now"}
    assert not check.could_match("Your order has shipped.")


def test_phrase_rule_without_derivable_triggers_is_an_error() -> None:
    with pytest.raises(PhraseRuleError, match="triggers"):
        PhraseCheck(_rule(patterns=[[{"IS_DIGIT": True}]]), Context(Config()))
    # explicit triggers make it valid
    PhraseCheck(_rule(patterns=[[{"IS_DIGIT": True}]], triggers=["code"]), Context(Config()))


def test_every_shipped_phrase_rule_builds() -> None:
    ctx = Context(Config())
    for rule in load_rules():
        if rule.kind == "phrase":
            assert PhraseCheck(rule, ctx).triggers, rule.code


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("talk", {"talk", "talks", "talked", "talking"}),
        ("schedule", {"schedule", "schedules", "scheduled", "scheduling"}),
        ("buy", {"buy", "buys", "bought", "buying"}),
        ("chat", {"chats", "chatted", "chatting"}),
        ("try", {"tries", "tried", "trying"}),
        ("speak", {"spoke", "spoken", "speaking"}),
        ("come across", {"came across", "coming across"}),
    ],
)
def test_inflections(lemma: str, forms: set[str]) -> None:
    assert forms <= inflections(lemma)


def _modules_after(text: str) -> set[str]:
    # The classifier family needs a trained model; until one is shipped, leave it out.
    no_model = not (ROOT / "models" / "classifier.meta.json").exists()
    config = "config=Config(ignore=('TPL5',))" if no_model else ""
    code = (
        "import sys; from linter import Config, lint_text; "
        f"lint_text({text!r}, {config}); "
        "print(' '.join(m for m in ('spacy', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def test_clean_template_does_not_import_spacy() -> None:
    assert _modules_after("Your order {{1}} has shipped.") == set()


def test_outreach_template_does_import_spacy() -> None:
    # the other side of the gate: the subprocess check above can fail
    assert "spacy" in _modules_after("Hi {{1}}, is now a good time to talk?")


def test_spacy_is_loaded_without_its_command_line_interface() -> None:
    # spaCy's CLI (typer, weasel, rich, httpx: ~350 modules) would add ~0.25 s to every run
    # that needs a phrase rule; code using templint as a library still gets the real CLI
    code = (
        "import sys; from linter import lint_text; "
        "codes = [d.code for d in lint_text('Hi {{1}}, is now a good time to talk?')]; "
        "print('TPL121' in codes, 'spacy.cli' in sys.modules, 'typer' in sys.modules); "
        "import spacy; print(hasattr(spacy.cli, 'download'), 'typer' in sys.modules, "
        "spacy.info(silent=True)['spacy_version'] == spacy.__version__, "
        "hasattr(spacy, 'no_such_name'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "False", "False", "True", "True", "True", "False"]


def test_a_spacy_that_reads_its_cli_otherwise_is_imported_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from linter.kinds import phrase

    assert phrase._cli_is_imported_for_info_only()  # the spaCy installed here
    real = importlib.util.find_spec("spacy")
    assert real is not None and real.origin is not None
    source = Path(real.origin).read_text(encoding="utf-8")
    for changed in (
        source.replace("from .cli.info import info", "from .cli import info"),
        source + "\nfrom .cli import app\n",
    ):
        fake = tmp_path / "__init__.py"
        fake.write_text(changed, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("spacy", fake)
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, spec=spec: spec)
        assert not phrase._cli_is_imported_for_info_only()


def test_content_rules_read_every_corpus_language_without_false_alarms() -> None:
    """Over the corpus's non-English rows, declared UTILITY: no utility or authentication row
    gets a content finding, and every discount-offer and contest row in those languages does
    (before the Spanish, Portuguese, Indonesian and Hinglish patterns none of them did; before
    the French, Italian and German ones, none of those languages' rows, 2026-12-06)."""
    import json

    rows = [
        json.loads(line)
        for line in (ROOT / "data" / "templates.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    foreign = [r for r in rows if r["language"] != "en"]
    false_alarms = [
        (r["language"], sorted(found), r["text"][:80])
        for r in foreign
        if r["label"] != "marketing" and (found := codes(r["text"], "UTILITY"))
    ]
    assert len(foreign) > 1500 and not false_alarms, false_alarms[:5]
    offers = [r for r in foreign if r["intent"] == "discount-offer"]
    assert {r["language"] for r in offers} >= {"es", "pt", "id", "hi-Latn", "hi", "fr", "it", "de"}
    missed = [
        r["text"][:80] for r in offers if not codes(r["text"], "UTILITY") & {"TPL101", "TPL102"}
    ]
    assert not missed, missed[:5]
    contests = [r for r in foreign if r["intent"] == "contest"]
    assert {r["language"] for r in contests} >= {"pt", "id", "fr", "it", "de"}
    missed = [
        r["text"][:80]
        for r in contests
        if not any(c.startswith("TPL13") for c in codes(r["text"], "UTILITY"))
    ]
    assert not missed, missed[:5]


def _drafts(name: str) -> list[str]:
    path = ROOT / "tests" / "fixtures" / name
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# French, Italian and German drafts written after the rules by someone who had not read them
# (2026-12-06), one a line: what a writer in those languages sends, both ways.
@pytest.mark.parametrize("text", _drafts("drafts_fr_it_de_transactional.txt"))
def test_french_italian_german_transactional_drafts_get_no_content_finding(text: str) -> None:
    assert codes(text, "UTILITY") == set()


@pytest.mark.parametrize("text", _drafts("drafts_fr_it_de_promotional.txt"))
def test_french_italian_german_promotions_threats_and_data_requests_are_found(text: str) -> None:
    assert codes(text, "UTILITY")


# An audit of realistic templates (2026-12-08) found offers the rules missed in UTILITY
# templates: one a line as "CODE | body", the code that must now fire. Beside them, legitimate
# utility and authentication look-alikes written for each fix, which must stay clean.
@pytest.mark.parametrize("line", _drafts("audit_missed_offers.txt"))
def test_offers_the_audit_found_missed_are_found(line: str) -> None:
    code, text = line.split(" | ", 1)
    assert code in codes(text, "UTILITY")


@pytest.mark.parametrize("text", _drafts("audit_utility_lookalikes.txt"))
def test_utility_look_alikes_of_the_audit_fixes_get_no_content_finding(text: str) -> None:
    assert codes(text, "UTILITY") == set()


def test_arabic_offers_are_found_though_the_classifier_abstains() -> None:
    """The classifier reads no Arabic (TPL501/TPL502 abstain on it), so an Arabic offer in a
    UTILITY template is found by the pattern rules alone, and a deduction is not an offer."""
    offer = "تم شحن طلبك {{1}}. احصل على خصم 20% واستخدم كود الخصم SAVE20 في طلبك القادم."
    found = {d.code for d in lint_text(offer, category="UTILITY")}
    assert {"TPL101", "TPL102"} <= found and not found & {"TPL501", "TPL502"}
    deduction = "تم خصم مبلغ {{1}} من حسابك المنتهي بـ {{2}}."
    assert not {d.code for d in lint_text(deduction, category="UTILITY")} & {"TPL101", "TPL102"}


@pytest.mark.parametrize(
    "written",
    [
        "قد يعجبـــك أيضا",  # tatweel stretching a letter
        "قد يُعجبك ايضًا",  # harakat, an alef without its hamza
    ],
)
def test_a_phrase_rule_reads_arabic_in_its_plain_form(written: str) -> None:
    """Phrase rules read Arabic as pattern rules do: letter variants in their plain form and
    marks dropped, so one spelling of a phrase finds the others; the finding quotes and points
    at the words as written."""
    text = f"تم شحن طلبك {{{{1}}}}. {written}: سماعات لاسلكية جديدة."
    (hit,) = [d for d in lint_text(text, category="UTILITY") if d.code == "TPL151"]
    assert f"'{written}'" in hit.message
    assert hit.column == text.index(written) + 1


@pytest.mark.parametrize(
    ("text", "code", "quoted"),
    [
        (
            "Your data pack has been added. Love streaming? Our entertainment pack gives you 5 OTT "
            "apps.",
            "TPL154",
            "Love streaming? Our",
        ),
        (
            "Your water connection has been restored. Switch to our premium plan for priority "
            "repairs.",
            "TPL152",
            "Switch to our premium plan",
        ),
    ],
)
def test_a_pattern_match_is_quoted_from_its_first_word(text: str, code: str, quoted: str) -> None:
    """A match that began with the previous sentence's full stop was quoted '. Switch to our
    premium plan', its span starting on the full stop."""
    (d,) = [d for d in lint_text(text, config=CONTENT) if d.code == code]
    assert d.message.endswith(f"'{quoted}'")
    assert d.span is not None and text[d.span[0] : d.span[1]] == quoted


def test_a_sign_before_a_number_stays_in_the_match() -> None:
    from linter.kinds.pattern import word_start

    assert word_start("Offre : -15 % sur", 6, 17) == 8  # ": " dropped, "-15 %" kept whole
    assert word_start("...", 0, 3) == 0  # nothing but punctuation: left as it was


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # `card no.` and `the 3-digit CVV` were read by card-number-request (TPL181) alone, or
        # by nothing: a card number asked with its PIN or CVV is pin-cvv-request's (TPL182)
        ("Your card is blocked. Reply with your card no. and PIN to unblock it.", "TPL182"),
        ("To confirm the payment, share your card number and the 3-digit CVV.", "TPL182"),
        ("Please send the 3-digit CVV on the back of your card.", "TPL182"),
        # product-launch (TPL161) read `Conoce nuestra nueva` and new-arrivals (TPL162)
        # `nueva colección`: a new collection is new stock, TPL162's
        ("Gracias por tu compra. Conoce nuestra nueva colección de otoño en {{1}}.", "TPL162"),
        ("Tu pedido {{1}} fue entregado. Descubre las nuevas colecciones en tienda.", "TPL162"),
        ("Tu pedido fue enviado. Te presentamos nuestra nueva colección de verano.", "TPL162"),
        ("Seu pedido foi entregue. Conheça nossa nova coleção de inverno.", "TPL162"),
        ("Merci pour votre achat. Découvrez notre nouvelle collection sur {{1}}.", "TPL162"),
        ("Grazie per il tuo acquisto. Scopri la nuova collezione autunno-inverno.", "TPL162"),
        ("Danke für Ihren Einkauf. Entdecken Sie unsere neue Kollektion.", "TPL162"),
        ("Your order has shipped. Introducing our new collection at {{1}}!", "TPL162"),
        ("Your order has shipped. Say hello to our new summer collection.", "TPL162"),
    ],
)
def test_words_two_rules_read_get_one_finding_from_the_right_rule(text: str, code: str) -> None:
    """Two errors on the same words tell a writer nothing more: the graver or more exact rule
    reports them, the other stands aside."""
    found = [d.code for d in lint_text(text, category="UTILITY", config=CONTENT)]
    assert found == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Conoce nuestra nueva tienda en el centro de {{1}}.",
        "Te presentamos nuestra nueva app de recompensas.",
        "Découvrez notre nouveau menu d'automne.",
        "Introducing our new cold brew range at {{1}}!",
    ],
)
def test_a_launch_of_something_other_than_a_collection_stays_product_launch(text: str) -> None:
    assert [d.code for d in lint_text(text, category="UTILITY", config=CONTENT)] == ["TPL161"]


@pytest.mark.parametrize(
    "text",
    [
        "تم إطلاق بطاقتك الجديدة.",
        "عزيزي {{1}}، تم إطلاق بطاقتك الجديدة المنتهية بـ {{2}}. يمكنك تفعيلها من التطبيق.",
        "تم إطلاق حسابكم الجديد بنجاح.",
        "يسعدنا إعلامك بإطلاق بطاقتك الجديدة المنتهية بـ {{1}}.",
        "تم إطلاق بطاقة الائتمان الجديدة الخاصة بك، وستصلك خلال {{1}} أيام.",
    ],
)
def test_an_arabic_notice_that_the_users_new_card_was_issued_is_no_launch(text: str) -> None:
    """`تم إطلاق بطاقتك الجديدة` (your new card has been issued) is a notice about the
    user's own card, not a product launch."""
    assert "TPL161" not in codes(text, "UTILITY")


@pytest.mark.parametrize(
    "text",
    [
        "تم إطلاق تطبيقنا الجديد! حمّله الآن واستمتع بتجربة أسرع.",
        "طلبك {{1}} في الطريق. تم إطلاق مجموعة العطور الجديدة في متاجرنا.",
        "يسعدنا إعلامك بإطلاق رحلاتنا المباشرة الجديدة من {{1}} إلى {{2}}.",
    ],
)
def test_an_arabic_launch_of_the_business_product_is_still_found(text: str) -> None:
    assert "TPL161" in codes(text, "UTILITY")


@pytest.mark.parametrize(
    "text",
    [
        "आपका ऑर्डर {{1}} भेज दिया गया है। कोड {{2}} का उपयोग करें और 20% की छूट पाएं।",
        "अगले ऑर्डर पर 15% छूट पाने के लिए कोड {{1}} लगाएं।",
        "Order {{1}} deliver ho gaya. Code {{2}} use karein aur 20% off paayein.",
        "Agle order par code {{1}} lagayein aur paayein 10% ki chhoot.",
        "تم شحن طلبك {{1}}. استخدم الكود {{2}} واحصل على خصم 20%.",
        "احصل على خصم 15% على طلبك القادم باستخدام الكود {{1}}.",
    ],
)
def test_a_variable_code_next_to_a_saving_is_found_in_hindi_hinglish_and_arabic(
    text: str,
) -> None:
    """As `Use code {{1}} to get 20% off`: a promo code given as a variable, with a saving
    in the same sentence, in Hindi, Hinglish and Arabic."""
    assert "TPL102" in codes(text, "UTILITY")


@pytest.mark.parametrize(
    "text",
    [
        "लॉगिन करने के लिए कोड {{1}} का उपयोग करें। इसे किसी के साथ साझा न करें।",
        "आपका ओटीपी कोड {{1}} है। यह 10 मिनट में समाप्त होगा।",
        "Login ke liye code {{1}} use karein. Ise kisi ke saath share na karein.",
        "استخدم الرمز {{1}} لتأكيد عملية خصم {{2}} من بطاقتك.",
        "استخدم الكود {{1}} لتسجيل الدخول. لا تشاركه مع أي شخص.",
        "تم خصم {{1}} من حسابك. رمز العملية {{2}}.",
    ],
)
def test_a_variable_one_time_code_in_hindi_hinglish_and_arabic_is_no_promo_code(
    text: str,
) -> None:
    assert "TPL102" not in codes(text, "UTILITY")


@pytest.mark.parametrize(
    "text",
    [
        "Order {{1}} has shipped. Everyone can tell you haven't updated your wardrobe in years.",
        "Your bill is ready. Don't be the only one still using an old phone: see {{1}}.",
        "Payment received. Don't be the last one with an outdated TV at home.",
        "Your delivery is booked for {{1}}. Embarrassed by your old sofa? Visit {{2}}.",
        "Your repair is complete. Everyone else has already switched to fibre.",
    ],
)
def test_a_line_shaming_the_reader_into_buying_is_sales_pressure(text: str) -> None:
    """Shaming the reader (`everyone can tell you haven't updated your wardrobe`, `don't be the
    only one still using an old phone`) is pressure to buy, as `don't miss out` is: sale-urgency
    (TPL106), a warning, in a non-marketing template; no threat rule's error."""
    found = codes(text, "UTILITY")
    assert "TPL106" in found and not found & {"TPL171", "TPL172", "TPL173", "TPL174"}


@pytest.mark.parametrize(
    "text",
    [
        "Your plan was changed on {{1}}. Everyone on the account can see the change.",
        "Everyone in the group can see your updated profile photo.",
        "Still using an old version of the app? Update it at {{1}} to keep your account secure.",
        "Don't be late: your appointment with Dr. {{1}} is at {{2}}.",
        "Everyone can see the new timetable at the station from {{1}}.",
    ],
)
def test_a_plain_reminder_is_no_shaming(text: str) -> None:
    assert "TPL106" not in codes(text, "UTILITY")


def _turkish_upper(text: str) -> str:
    return text.replace("i", "İ").upper()  # Turkish capitals: i → İ, ı → I


def _turkish_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _turkish_examples() -> list[str]:
    out = []
    for rule in load_rules():
        for text in [*rule.examples_fail, *rule.examples_pass]:
            if isinstance(text, str) and any(c in text for c in "ğşıİĞŞ"):
                out.append(text)
    return out


def test_turkish_findings_do_not_depend_on_letter_case() -> None:
    """The patterns (regex, case-insensitive) read i, I, İ and ı as one letter, but the quick
    pre-tests folded with ``str.casefold`` ('İ' → 'i' + U+0307, 'ı' kept): upper-case Turkish
    lacked the strings they looked for. "TÜM ÜRÜNLERDE %20 İNDİRİM …" passed TPL101 and
    "İLGİNİZİ ÇEKEBİLİR" TPL151 (a phrase rule), while their lower-case forms were caught."""
    flagged = {
        "Tüm ürünlerde %20 indirim fırsatını kaçırmayın!": "TPL101",
        "Siparişiniz kargoya verildi. Bu ürünler de ilginizi çekebilir: {{1}}": "TPL151",
        "Siparişiniz kargoya verildi. Bunları da beğenebilirsiniz: {{1}}": "TPL151",
    }
    for text, code in flagged.items():
        for form in (text, _turkish_upper(text), _turkish_lower(text)):
            assert code in codes(form, "UTILITY"), form
    examples = _turkish_examples()
    assert len(examples) > 50
    differ = [
        text
        for text in examples
        if not codes(text, "UTILITY")
        == codes(_turkish_upper(text), "UTILITY")
        == codes(_turkish_lower(text), "UTILITY")
    ]
    assert not differ, differ
