"""Spelling rules (TPL2xx): misspellings with suggestions, what is never flagged, vocabularies."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from linter.api import lint_file, lint_text
from linter.config import Config, load_config
from linter.kinds.spelling import Dictionary

SPELLING = Config(select=("TPL2",))


def found(text: str, config: Config = SPELLING) -> list[tuple[str, str]]:
    """(code, the exact text the diagnostic spans) for a one-line template."""
    assert "\n" not in text
    return [(d.code, text[d.column - 1 : d.end_column - 1]) for d in lint_text(text, config=config)]


def found_in(text: str) -> list[tuple[str, str]]:
    """``found`` for a template of several lines: the words by their span in the body."""
    out = []
    for d in lint_text(text, config=SPELLING):
        assert d.span is not None
        out.append((d.code, text[d.span[0] : d.span[1]]))
    return out


def test_misspelling_span_message_and_suggestion() -> None:
    text = "Hi {{1}}, your delivary is scheduled for {{2}}."
    (d,) = lint_text(text, config=SPELLING)
    assert (d.code, d.severity) == ("TPL201", "warning")
    assert text[d.column - 1 : d.end_column - 1] == "delivary"
    assert d.message == "Possible misspelling 'delivary'; did you mean 'delivery'?"
    assert d.fix.startswith("Replace 'delivary' with 'delivery'")


@pytest.mark.parametrize(
    ("typo", "best"),
    [
        ("recieved", "received"),  # transposition
        ("appoinment", "appointment"),  # missing letter
        ("paymnet", "payment"),
        ("tommorow", "tomorrow"),  # two edits
        ("adress", "address"),  # not 'dress': typos rarely change the first letter
        ("dont", "don't"),
        # a dropped letter is a likelier slip than an extra one: not 'deliver', 'proceed'
        ("deliverd", "delivered"),
        ("procesed", "processed"),
        ("shiped", "shipped"),
    ],
)
def test_suggestions(typo: str, best: str) -> None:
    (d,) = lint_text(f"We have {typo} your request for order {{{{1}}}}.", config=SPELLING)
    assert f"did you mean '{best}'?" in d.message


@pytest.mark.parametrize(
    ("typo", "word", "slip"),
    [
        ("ocasion", "occasion", "omit_double"),
        ("definitly", "definitely", "omit_vowel"),
        ("paymnt", "payment", "omit_vowel"),
        ("shipd", "shipped", "two"),
        ("untill", "until", "extra_double"),
        ("paymnent", "payment", "extra"),
        ("recieve", "receive", "swap"),
        ("seperate", "separate", "sub_vowel"),
        ("paymrnt", "payment", "sub"),
    ],
)
def test_each_kind_of_slip_is_told_apart(typo: str, word: str, slip: str) -> None:
    from linter.kinds.spelling import _slip

    assert _slip(typo, word) == slip


def test_suggestion_keeps_the_case_of_the_word() -> None:
    (d,) = lint_text("Delivary update: your parcel left the warehouse.", config=SPELLING)
    assert "did you mean 'Delivery'?" in d.message
    (d,) = lint_text("DELIVARY CONFIRMED for your order {{1}} today.", config=SPELLING)
    assert "did you mean 'DELIVERY'?" in d.message


def test_no_suggestion_still_reports_the_word() -> None:
    (d,) = lint_text("Your order qwzxvbnmtr has shipped to you today.", config=SPELLING)
    assert d.message == "Possible misspelling 'qwzxvbnmtr'"
    assert d.fix.startswith("Correct the spelling of 'qwzxvbnmtr'")


@pytest.mark.parametrize(
    "text",
    [
        "Hi {{first_name}}, your order {{1}} of ₹1,299.00 has shipped; $5 was refunded.",
        "Use code AB12CD at checkout before 31st March, 10am.",
        "Your OTP is {{1}}. Pay via UPI or COD. HDFC and SBI cards accepted.",
        "Track it at https://shop.example.in/trakcing/{{1}} or mail hlep@shop.in today.",
        "We couldn't reach you, so we'll retry. Your customer's parcel is safe; customers' too.",
        "Your favourite colour is back. Cancelled orders are refunded; cheques are not organised.",
        "Your appointment with Priya at the Koramangala clinic is on {{1}}.",
        "Open the app, check your wishlist and e-commerce orders, then login to the checkout.",
        "Your self-service kiosk is state-of-the-art and ready for pickup.",
        "Follow us @shopexample and use #freshpicks on your iPhone or PayPal receipts.",
        "Your kurta and earbuds ship today; the paneer tikka thali is on the admin's list.",
    ],
)
def test_never_flagged(text: str) -> None:
    assert found_in(text) == []


def test_hyphenated_words_are_checked_part_by_part() -> None:
    assert found("Try our self-servce kiosk at the store today.") == [("TPL201", "servce")]


def test_a_capitalised_typo_is_caught_at_the_start_of_a_sentence_only() -> None:
    assert found("Thank you. Recieved your payment of {{1}}.") == [("TPL201", "Recieved")]
    assert found("Thank you for the payment, Recieved by us on {{1}}.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Your order {{1}} is confirmed. We'll let you know when it ships.\n\nThanks,\nLoomi",
        "Your order {{1}} is confirmed.\n\nWarm regards,\nTrendora Support\n",
        "Your table is booked for {{1}}.\r\nCheers,\r\n\r\nTiffino Kitchen, Indiranagar",
    ],
)
def test_the_senders_name_in_a_sign_off_is_a_name(text: str) -> None:
    assert found_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Service in {{1}} is down; we expect it back by {{2}}. — Telvo Support",
        "Lot B is closed from {{1}} to {{2}}. Please use lot C. – Westbrook University Facilities",
        "Your order {{1}} has shipped.\n- Telvo 📦",
    ],
)
def test_the_senders_name_after_a_closing_dash_is_a_name(text: str) -> None:
    assert found_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # blind draft (en-19): a mandatory tariff notice signed with the business's name
        "You don't need to do anything. You can change tariff within 49 days of this notice.\n"
        "Northbrook Energy",
        "Your card ending {{1}} was used for R{{2}}.\nCrestline Bank.",
        "Your car is ready for collection at {{1}}.\nAireside Motors",
        "Your results are in the patient portal.\nSt. Lorenzo Medical Center",
    ],
)
def test_a_business_name_alone_on_the_last_line_is_a_name(text: str) -> None:
    assert found_in(text) == []


def test_a_business_name_line_is_still_checked_when_it_is_a_clear_slip() -> None:
    assert found_in("Your bill is ready.\nDelivred Energy will call you.") == [
        ("TPL201", "Delivred")
    ]
    assert found_in("Your bill is ready.\nPaymnet Services") == [("TPL201", "Paymnet")]


@pytest.mark.parametrize(
    "text",
    [
        # blind drafts (mk-3): a business's name before its business word, in mid-text
        "Hello {{1}}\n\n*Chopwise Foods* is celebrating Independence Day with 15% off.",
        "*Islandhop Air* seat sale: fares from 499 one-way to Cebu.",
        "Your bill is ready.\nNortbrook Energy will call you.",
    ],
)
def test_an_unknown_word_before_a_business_word_is_a_name(text: str) -> None:
    assert found_in(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("*Delicous Foods* is celebrating with 15% off.", "Delicous"),  # a clear slip
        ("Our delicous foods are back.", "delicous"),  # lower case
        ("Our Sweatre Shop is open.", "Sweatre"),  # one edit from a known word
    ],
)
def test_a_slip_before_a_business_word_is_still_checked(text: str, word: str) -> None:
    assert found_in(text) == [("TPL201", word)]


@pytest.mark.parametrize(
    "text",
    [
        # blind draft (en-20): a seasonal booking the customer made
        "Dear {{1}}, your Eid ul-Adha meat share booking {{2}} is confirmed.\n"
        "Your portion will be ready for collection on {{3}} at our Gulberg outlet.",
        "Your Eid-ul-Fitr order {{1}} ships today.",
        "Our branches are closed for Eid-el-Kabir on {{1}}.",
        "Your Hari Raya hamper is out for delivery.",
        "Your Idul Adha qurban booking {{1}} is confirmed.",
        "Your order of 20 ang pao packets and a yusheng platter is ready.",
        "Your iftar table for 4 is booked for {{1}}.",
    ],
)
def test_festival_names_of_south_asia_the_gulf_africa_and_south_east_asia_pass(
    text: str,
) -> None:
    assert found_in(text) == []


def test_the_parts_of_a_festival_name_are_still_checked_alone() -> None:
    assert found_in("Your ul order is late.") == [("TPL201", "ul")]
    assert found_in("Your hari cut is booked.") == [("TPL201", "hari")]


def test_a_closing_dash_signs_off_only_at_the_end_and_not_a_near_typo() -> None:
    # the text goes on after the name: it starts a sentence, and is checked
    assert found("Service is down. — Telvo will call you at {{1}}.") == [("TPL201", "Telvo")]
    # a known word one edit away is a typo, not a name
    assert found("Your order {{1}} has shipped. — Thnaks") == [("TPL201", "Thnaks")]


def test_a_name_at_a_sentence_start_is_known_by_where_else_it_is_written(tmp_path: Path) -> None:
    # "Crestline" starts the text, and is a name after "Team": not a misspelling at either
    assert found("Crestline Bank: your card ending {{1}} was used. Team Crestline") == []
    # written only where sentences start, it is still checked
    assert found("Crestlin called about card {{1}}. Crestlin will call.") == [
        ("TPL201", "Crestlin"),
        ("TPL201", "Crestlin"),
    ]
    # and a name in the header counts for the body
    template = {
        "name": "card_alert",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Alert from Crestline"},
            {"type": "BODY", "text": "Crestline saw a payment of {{1}} on your card."},
        ],
    }
    path = tmp_path / "card_alert.json"
    path.write_text(json.dumps(template))
    assert lint_file(str(path), config=SPELLING) == []
    template["components"][0]["text"] = "Card alert"  # type: ignore[index]
    path.write_text(json.dumps(template))
    assert [d.code for d in lint_file(str(path), config=SPELLING)] == ["TPL201"]


def test_a_senders_label_names_the_sender_unless_a_word_is_one_edit_off() -> None:
    assert found("Swiftline Couriers: we tried to deliver parcel {{1}} today.") == []
    assert found_in("Your OTP is {{1}}.\nSuvidha Bank: never share it.") == []
    # a label word one edit from a known word is a typo, and what follows a label is text
    assert found("Delivary Update: your parcel {{1}} arrives today.") == [("TPL201", "Delivary")]
    assert found_in("Order update\nStatus: Delivred") == [("TPL201", "Delivred")]
    # the same word outside a label is checked as before
    assert found("Hello. Swiftline will call you.") == [("TPL201", "Swiftline")]


def test_a_capitalised_word_after_an_items_count_is_the_products_name() -> None:
    # order lines name dishes and brands the word list lacks ("2x Jollof Rice", "1x Zobo"):
    # checked like a list dash's first word, three Nigerian dishes in one delivery update were
    # typos (hn-4, 2026-12-07). A lower-case typo there is still found.
    order = "On its way:\n2x Jollof Rice with Chicken\n1x Suya Platter\n1x Zobo (50cl)"
    assert found_in(order) == []
    assert found_in("Your order is on the way:\n2x Milo tins\n1x Chicken wraap") == [
        ("TPL201", "wraap")
    ]


def test_a_labels_value_and_a_senders_alert_line_name_the_sender() -> None:
    # a sender's label may go on in lower case or end in a bar, as bank alerts and newsletters do
    assert found("Crestline Bank alert: ₹99 debited from your account.") == []
    assert found_in("Zentel | October update\n\nHi {{1}}, your bill is ready.") == []
    # the first word of a label's value is a name: a payee, a hotel, a place
    assert found_in("Payment successful\nAmount: {{1}}\nPaid to: Wanderly\nDate: {{2}}") == []
    assert found_in("*Flight*: 6E-20\n*Hotel*: Wanderly partner hotel, check-in at 2 PM") == []
    # unless a known word is one edit away: a typo there is still found
    assert found_in("Parcel {{1}}\nCurrent location: Bengalore") == [("TPL201", "Bengalore")]
    # and a value's later words, or a sentence after the label, are checked as before
    assert found_in("Paid to: Wanderly for your hotell") == [("TPL201", "hotell")]
    assert found("Note: your order is ready. Wanderly will call.") == [("TPL201", "Wanderly")]


def test_a_word_of_capitals_among_words_that_are_not_is_an_acronym_unless_one_edit_off() -> None:
    # an institution's acronym in a payslip notice: no known word is one edit away
    text = "Incluye el descuento correspondiente a tu crédito INFONAVIT, según el aviso."
    assert [d for d in lint_text(text, language="es_MX", config=SPELLING)] == []
    assert found("Your PRAKRUTI card statement for {{1}} is ready.") == []
    # a typo in capitals is still one: a known word is one edit away
    assert found("Hi {{1}}, your order is CONFIMRED and ships today.") == [("TPL201", "CONFIMRED")]
    # and words of capitals beside each other are shouting, checked as any others
    assert found("Your PRAKRUTI CARD statement is ready.") == [("TPL201", "PRAKRUTI")]


def test_the_dot_of_a_title_does_not_start_a_sentence() -> None:
    assert found("Your appointment with Dr. Mehta is confirmed for {{1}}.") == []
    assert found("Thank you, Mrs. Okafor. Your file is ready.") == []
    # after a sentence's own dot the name is checked as before
    assert found("Your appointment is confirmed. Mehta will see you.") == [("TPL201", "Mehta")]
    # a word merely ending in a title's letters is no title: "ward." ends a sentence
    assert found("Go to the ward. Recieved files are there.") == [("TPL201", "Recieved")]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Rao heads our multi-speciality clinic's paediatric and oesophagus care.",
        "Your new chequebook is on its way; leave it at the kerb if you are out.",
        "Your challan for the demat transfer is ready in netbanking.",
        "Our Navratri and Dussehra timings: puja at 7 pm, prasad after the sangeet.",
        "Your ayurvedic and homoeopathic medicines are packed for the autorickshaw pick-up.",
    ],
)
def test_british_and_indian_english_are_not_misspellings(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # 'cafe' was flagged ("did you mean 'came'?"): the word list had only 'café'
        "Your table at the cafe is booked for {{1}}.",
        "Both our cafes open at 8 am.",
        # 'macchiato' was not in the word list at all
        "Your caramel macchiato and two lattes are ready at the counter.",
        "Two macchiatos are ready for pickup.",
    ],
)
def test_cafe_and_macchiato_are_english_words(text: str) -> None:
    assert found(text) == []


def test_a_lower_case_typo_of_macchiato_gets_it_as_its_suggestion() -> None:
    (d,) = lint_text("Your caramel machiato is ready.", config=SPELLING)
    assert d.message == "Possible misspelling 'machiato'; did you mean 'macchiato'?"


def test_british_doubled_l_of_dial_is_english() -> None:
    # an en_IN recharge draft: "dialling" was flagged with 'dialing' (mp-1 blind set)
    assert found("Check your balance anytime by dialling *121#.") == []
    assert found("We dialled your number twice; our dialler will try again.") == []


# Blind drafts in world Englishes (hn-3, en-14): greetings and dishes of another language are
# no typos of English words.
WORLD_ENGLISH_DRAFTS = [
    "Hi {{1}}, your order {{2}} from Kedai Kopi Mamak Jalan Ipoh is ready: 2x nasi lemak "
    "bungkus, 1x teh tarik kurang manis, 1x roti canai. Please collect it at the counter before "
    "{{3}}. Terima kasih!",
    "Hi {{1}}! Your order {{2}} from Lola Nena's has been picked up by the rider. Salamat po!",
    "Hi {{1}}, this Hari Raya, every RM50 you spend at Kedai Serba Murah earns one entry into our "
    "lucky draw. The draw takes place on {{2}}. Selamat Hari Raya!",
    "Kia ora {{1}}, this is notice of a routine inspection at {{2}} on {{3}}. You don't need to be "
    "home. – Harbourview Property Management",
    "Kia ora, Tui Gas will be carrying out planned maintenance on the network in {{1}} on {{2}}.",
    "Hi {{1}}, your new SIM card for line {{2}} has been activated. Asante for choosing Kilele "
    "Mobile.",
    "Hi {{1}}, your loan of {{2}} has been released. Salamat for choosing Kaagapay Microfinance.",
    "Your token purchase for meter {{1}} was successful. Enter the token on your meter keypad to "
    "load the units. – Eko Bright Distribution",
]


@pytest.mark.parametrize("text", WORLD_ENGLISH_DRAFTS)
def test_greetings_and_dishes_of_world_englishes_are_not_typos(text: str) -> None:
    assert [d.message for d in lint_text(text, language="en", config=SPELLING)] == []


@pytest.mark.parametrize(
    ("text", "typos"),
    [
        # a slip beside a name: the name has no clear guess, the slip is still one
        ("Join over 10,000 members who learn nwith Quillo.", ["nwith"]),
        ("Weekend reads froo Zentel: our editors picked 3 stories.", ["froo"]),
        ("Edar Arjun, your order is out for delivery.", ["Edar"]),
        # two clear slips side by side are two typos, not a phrase
        ("Yuor ordr has shipped and arrives on {{1}}.", ["Yuor", "ordr"]),
        # two words with no clear guess are not yet 'several': still reported
        ("Fresh kheer and besan for Diwali.", ["kheer", "besan"]),
        # a slip of 'Team' before the sender's name, and a clear slip opening a sign-off
        ("Our team will get back to you within 48 hours. — Etam Zentel", ["Etam"]),
        ("Service is down; we expect it back by {{1}}. — Custmer Care", ["Custmer"]),
    ],
)
def test_typos_beside_names_or_each_other_are_still_typos(text: str, typos: list[str]) -> None:
    assert [d.message.split("'")[1] for d in lint_text(text, config=SPELLING)] == typos


# Blind drafts (hn-4): a product's name opening an item, with its strength or size after it, is
# a brand or a word of another language, not a typo.
PRODUCT_ITEM_DRAFTS = [
    "Hi {{1}}, thanks for your order #{{2}} from Kedai Runcit Pak Mat online.\nItems:\n1x Super "
    "Saver Pack - Beras Wangi 10kg\n2x Milo 1kg Refill\n1x Nasi Lemak Paste (Mild)\nTotal: "
    "RM{{3}}\nEstimated delivery: {{4}}.",
    "Hi {{1}}, your repeat prescription is ready for collection at {{2}} pharmacy.\nItems: Panado "
    "500mg, Glucophage 850mg, Disprin CV 100mg\nCollect by: {{3}}",
    "Dear {{1}}, your monthly medicines are due for refill on {{2}}.\nDolo 650 - 15 tablets\n"
    "Telma 40 - 30 tablets\nGlycomet GP 1 - 30 tablets\nReply REFILL to have them packed.",
]


@pytest.mark.parametrize("text", PRODUCT_ITEM_DRAFTS)
def test_a_product_name_before_its_strength_or_size_is_a_name(text: str) -> None:
    assert [d.message for d in lint_text(text, language="en", config=SPELLING)] == []


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        # a slip of a known word, clearly meant, stays one beside a quantity
        ("Items: Sugr 1kg, Milo 400g\nTotal: {{1}}", "Sugr"),
        ("Your trip plan:\nDya 1 - arrival in Goa\nDay 2 - beaches", "Dya"),
        # a date in a label's value is no item, nor a code, nor a number a sentence goes on from
        ("Amount: {{1}}\nDue date: Ugust 28\nAccount: {{2}}", "Ugust"),
        ("Hi {{1}}, thanks.\nEceipt QM6588\nPaid: {{2}}", "Eceipt"),
        ("Your plan is ready.\nStpe 2 of your plan starts today.", "Stpe"),
        # after a sentence's full stop it is prose, not an item
        ("Your refill is ready. Doloo 650 tablets are packed.", "Doloo"),
    ],
)
def test_typos_beside_a_quantity_are_still_typos(text: str, typo: str) -> None:
    assert [d.message.split("'")[1] for d in lint_text(text, config=SPELLING)] == [typo]


@pytest.mark.parametrize(
    "text",
    [
        # hn-4: South African, Jamaican and Philippine English
        "Howzit {{1}}, your bakkie ({{2}}) is booked in for its service on {{3}}.",
        "Braai season is here. Stock up on boerewors and get a free pack of sosaties.",
        "30 portions ackee and saltfish\n2 trays escovitch fish\nDeposit received: J${{1}}",
        "Hi {{1}}, your padala of ₱{{2}} sent by {{3}} is ready for pickup.",
        # loanwords written without their accents
        "Choose an entree and a souffle or two eclairs; cliches aside, our soiree is the best.",
        "Your frappe, cortado and affogato are ready.",
        "Sauteed mushrooms come with the steak au jus.",
        "Congratulations to you and your fiancee!",
    ],
)
def test_words_of_world_englishes_and_unaccented_loanwords_are_english(text: str) -> None:
    assert [d.message for d in lint_text(text, language="en", config=SPELLING)] == []


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        # left out of the accept list: each is a likely slip of a frequent word
        ("I jus wanted to say thanks for your order.", "jus"),
        ("Our fiance team will call you about your loan.", "fiance"),
        ("We saute our veterans this Independence Day.", "saute"),
    ],
)
def test_loanwords_one_slip_from_a_frequent_word_are_still_checked(text: str, typo: str) -> None:
    assert [d.message.split("'")[1] for d in lint_text(text, config=SPELLING)] == [typo]


def test_a_wrong_british_form_is_a_misspelling() -> None:
    # the word list once held "maneuvre", the -er -> -re rule's mistake for "manoeuvre"
    assert found("Please maneuvre the car into bay 4.") == [("TPL201", "maneuvre")]


def test_the_dot_of_an_initial_does_not_start_a_sentence() -> None:
    assert found("Order 88213 was signed for by R. Sharma at 11:42.") == []
    assert found("Dear J. K. Raghunathan, your loan is approved.") == []
    # a letter after a capitalised word is a name of its own ("Plan B"): its dot ends a sentence
    assert found("Your order is on Plan B. Delivred today.") == [("TPL201", "Delivred")]


def test_a_line_after_a_greeting_still_starts_a_sentence() -> None:
    # the line after "Hi {{1}}," goes on with the message: longer than a name, or not the last
    assert found_in("Hi {{1}},\nYuor order {{2}} has shipped.") == [("TPL201", "Yuor")]
    assert found_in("Hi {{1}},\nDelivary today.\nThanks!") == [("TPL201", "Delivary")]
    assert found_in("Your order has shipped.\n\nThanks,\nTeh team at Loomi") == [("TPL201", "Teh")]
    # and a lower-case typo in a sign-off is no name
    assert found_in("Your order has shipped.\n\nThanks,\nteh Loomi team") == [("TPL201", "teh")]


def test_each_language_is_checked_with_its_own_word_list(tmp_path: Path) -> None:
    """Correct Spanish and Portuguese pass their own dictionaries (tests/test_hunspell.py has
    their misspellings); Indonesian has none and is not checked."""

    def tpl(language: str, text: str) -> dict:
        return {
            "name": "t",
            "language": language,
            "category": "UTILITY",
            "components": [{"type": "BODY", "text": text}],
        }

    path = tmp_path / "t.json"
    path.write_text(
        json.dumps(
            [
                tpl("es", "Tu pedido llega mañana, gracias por tu compra."),
                tpl("pt_BR", "Seu pedido foi enviado hoje."),
                tpl("id", "Pesanan Anda sudah dikirim dan akan tiba besok."),
                tpl("en_US", "Your delivary arrives tomorrow."),
            ]
        ),
        encoding="utf-8",
    )
    diags = lint_file(str(path), config=SPELLING)
    assert [(d.template, d.message) for d in diags] == [
        ("t", "Possible misspelling 'delivary'; did you mean 'delivery'?")
    ]
    assert diags[0].language == "en_US"


def test_a_body_given_with_its_language_is_spell_checked_only_in_english() -> None:
    # too short for the "mostly not English" share; with no language, its Spanish words
    # (TPL340's lists) tell it is not English
    spanish = "¡Bienvenido a DeskPilot, Camila! Así puedes empezar: https://m.deskpilot.app/start"
    words = ["Así", "puedes", "empezar"]
    assert found(spanish) == []
    assert lint_text(spanish, language="es", config=SPELLING) == []
    # declared English, it is spell-checked as English: the "typos" say the language is wrong
    flagged = lint_text(spanish, language="en_GB", config=SPELLING)
    assert [d.message.split("'")[1] for d in flagged] == words


def test_text_that_is_mostly_not_english_is_skipped() -> None:
    hinglish = "Namaste {{1}}, aapka order ship ho gaya hai, jaldi hi aapke ghar pahunch jayega."
    assert found(hinglish) == []
    # Spanish whose short words the English list knows (tu, es, no, lo, con): still not English
    assert found("Tu código es {{1}}. No lo compartas con nadie.") == []
    assert found("Hola {{1}}, tu pedido de ropa llega el {{2}}. Gracias por tu compra.") == []
    # a short English draft with many typos is still English: its common short words count
    typos = "Hi {{1}}, your ordr has been shiped and will be deliverd tomorow by 1pm."
    assert [w for _, w in found(typos)] == ["ordr", "shiped", "deliverd", "tomorow"]
    # mostly English with one typo is still checked
    assert found("Hi {{1}}, your order has shipped and will reach you by {{2}}, delivary.") == [
        ("TPL201", "delivary")
    ]


def test_rejected_terms_fire_their_own_rule_and_not_spelling() -> None:
    text = "Hello {{1}}, we recieved ur request, plz wait."
    assert found(text) == [("TPL201", "recieved"), ("TPL202", "ur"), ("TPL202", "plz")]
    (d,) = lint_text("We cant deliver today, sorry.", config=SPELLING)
    assert (d.code, d.fix) == ("TPL202", "Write 'can't' instead.")


def test_project_vocabularies_through_templint_toml(tmp_path: Path) -> None:
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / "accept.txt").write_text("# our brands\nZomatoo\nflexipay\nmsg\n", encoding="utf-8")
    (vocab / "reject.txt").write_text(
        "# legal says no\nguaranteed -> expected\nasap\n", encoding="utf-8"
    )
    (tmp_path / "templint.toml").write_text(
        textwrap.dedent(
            """
            select = ["TPL2"]
            accept = ["vocab/accept.txt"]
            reject = ["vocab/reject.txt"]
            """
        ),
        encoding="utf-8",
    )
    text = "Zomatoo says hi. Pay with flexipay, msg us ASAP. Delivery is guaranteed by {{1}}."
    (tmp_path / "t.txt").write_text(text + "\n", encoding="utf-8")
    cfg = load_config(tmp_path / "templint.toml")
    diags = lint_file(str(tmp_path / "t.txt"), config=cfg)
    got = [(d.code, text[d.column - 1 : d.end_column - 1], d.fix) for d in diags]
    assert got == [
        ("TPL202", "ASAP", "Remove or reword 'ASAP'."),
        ("TPL202", "guaranteed", "Write 'expected' instead."),
    ]
    # without the project's files: the brand is a misspelling and 'msg' is shipped-rejected
    default = [
        (d.code, text[d.column - 1 : d.end_column - 1]) for d in lint_text(text, config=SPELLING)
    ]
    assert ("TPL201", "Zomatoo") in default and ("TPL202", "msg") in default


def test_the_teams_brands_are_names_wherever_they_stand(tmp_path: Path) -> None:
    text = "Dabba Express: your tiffin is out. Dabba will call on arrival."
    assert found(text) and {w for _, w in found(text)} == {"Dabba"}  # sentence starts: checked
    (tmp_path / "templint.toml").write_text('brands = ["Dabba Express"]\n', encoding="utf-8")
    cfg = load_config(tmp_path / "templint.toml")
    assert cfg.brands == ("Dabba Express",)
    assert [d.code for d in lint_text(text, config=cfg) if d.code == "TPL201"] == []
    # only the brand's words: a typo beside it is still found
    typo = "Dabba: your tiffin is out for delivary."
    assert [d.code for d in lint_text(typo, config=cfg) if d.code == "TPL201"] == ["TPL201"]


def test_missing_vocabulary_file_is_reported_not_ignored(tmp_path: Path) -> None:
    from linter.config import Config, ConfigError

    (tmp_path / "templint.toml").write_text('select = ["TPL2"]\naccept = ["nope.txt"]\n')
    (tmp_path / "t.txt").write_text("Your order has shipped today.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"templint.toml: 'accept' file 'nope.txt' not found"):
        load_config(tmp_path / "templint.toml")
    # a Config built in code is not checked ahead: the rules that read the file say so
    config = Config(select=("TPL2",), accept=(str(tmp_path / "nope.txt"),))
    diags = lint_file(str(tmp_path / "t.txt"), config=config)
    assert [d.code for d in diags] == ["TPL002", "TPL002"]
    assert "nope.txt" in diags[0].message


def test_dictionary_ranks_by_frequency_and_first_letter() -> None:
    words = Dictionary(["the", "dress", "address", "receive", "recede"])
    # 'dress', dropping the first letter, is far less likely: not even listed as an alternate
    assert words.suggest("adress") == ["address"]
    assert "the" in words and "The" not in words.words
    assert "receive's" in words  # possessive of a known word


def test_sorted_index_holds_exactly_the_word_list() -> None:
    """Lint answers membership from en_words.sorted; it must be en_words.txt in byte order
    (rebuild both with bench/build_wordlist.py)."""
    from linter.kinds.spelling import SORTED_FILE, WORDS_FILE

    lines = WORDS_FILE.read_text(encoding="utf-8").split("\n")
    words = sorted({w.encode("utf-8") for w in lines if w and not w.startswith("#")})
    assert SORTED_FILE.read_bytes() == b"".join(w + b"\n" for w in words)


def test_index_lookup_agrees_with_the_list_without_loading_it(tmp_path: Path) -> None:
    words = ["a", "café", "naïve", "order", "orders", "zebra", "zoo", "über"]
    (tmp_path / "w.txt").write_text("# header\n" + "\n".join(words) + "\n", encoding="utf-8")
    (tmp_path / "w.sorted").write_bytes(
        b"".join(w + b"\n" for w in sorted(x.encode() for x in words))
    )
    indexed = Dictionary.load(tmp_path / "w.txt", tmp_path / "w.sorted")
    listed = Dictionary(words)
    probes = [*words, "", "b", "orde", "orderz", "zz", "cafe", "uber", "order's", "ü", "a\nb"]
    assert [p in indexed for p in probes] == [p in listed for p in probes]
    assert indexed._list is None  # membership never read the frequency list
    assert indexed.suggest("ordrs") == ["orders"]  # suggestions load it on demand


def test_common_words_are_the_top_of_the_frequency_list() -> None:
    from linter.kinds.spelling import COMMON_WORDS

    read_alone = Dictionary.load().common()  # from the file's first lines, without the list
    full = Dictionary.load()
    assert read_alone == frozenset(full._frequency_list()[:COMMON_WORDS])
    assert len(read_alone) == COMMON_WORDS and {"the", "has", "no"} <= read_alone
    assert not {"con", "es", "ki"} & read_alone


@pytest.mark.parametrize(
    "place", ["Bengaluru", "Kolkata", "Gurugram", "Noida", "Navi Mumbai", "São Paulo", "Las Vegas"]
)
def test_city_names_in_a_location_line_are_not_misspellings(place: str) -> None:
    text = f"*Delivery update*\nParcel: {{{{1}}}}\nCurrent location: {place}\nExpected: {{{{2}}}}."
    assert found_in(text) == []


def test_a_place_names_words_are_accepted_only_together_and_typos_beside_them_still_found() -> None:
    # "Las Vegas" is accepted whole, not "Las"; a name one edit from a frequent word stays checked
    text = "Current location: Kolkata. Nanded is next. Las time we deliverd {{1}}."
    assert found(text) == [
        ("TPL201", "Nanded"),
        ("TPL201", "Las"),
        ("TPL201", "deliverd"),
    ]


def test_hinglish_is_not_spell_checked_but_one_hindi_greeting_leaves_a_text_english() -> None:
    # most words English, so the known-words share reads it as English; its Hindi words tell,
    # with no language and declared English alike (TPL340 lets English text read as Hinglish)
    hinglish = "Hello {{1}} ji, {{2}} ka payment receive ho gaya hai. Txn ID: {{3}}. Dhanyavaad!"
    assert found(hinglish) == []
    assert lint_text(hinglish, language="en_US", config=SPELLING) == []
    english = "Namaste {{1}}, your refund of {{2}} has been procesed. Thank you!"
    assert ("TPL201", "procesed") in found(english)


@pytest.mark.parametrize(
    ("text", "language", "typos"),
    [
        (
            "Hi {{1}}, your ordr has been shiped and will arive tomorow.",
            "en_US",
            ["ordr", "shiped", "arive", "tomorow"],
        ),
        (
            "Hola {{1}}, tu pedido llegará en 3 dias. La informacion está en la aplicacion.",
            "es",
            ["dias", "informacion", "aplicacion"],
        ),
        (
            "Ola {{1}}, voce recebeu uma transferencia de {{2}}. Obrigado.",
            "pt_BR",
            ["voce", "transferencia"],
        ),
    ],
)
def test_a_declared_language_is_checked_however_many_typos(
    text: str, language: str, typos: list[str]
) -> None:
    """One typo more used to make the draft 'mostly not English' and silence every finding;
    with the language declared, the share of known words is not asked."""
    found = [d for d in lint_text(text, language=language) if d.code == "TPL201"]
    assert [d.message.split("'")[1] for d in found] == typos


def test_undeclared_hinglish_and_declared_english_hinglish_stay_unchecked() -> None:
    text = "Aapka order ship ho gaya hai, kal tak pahunch jayega."
    assert not [d for d in lint_text(text) if d.code == "TPL201"]
    assert not [d for d in lint_text(text, language="en") if d.code == "TPL201"]


def test_add_ons_are_a_word() -> None:
    assert not [d for d in lint_text("Your add-ons are active.") if d.code == "TPL201"]


def test_a_rejected_terms_english_replacement_is_not_written_into_another_language() -> None:
    """'plz' became 'please' in a Spanish template, as a safe fix."""
    (es,) = [d for d in lint_text("Hola {{1}}, plz confirma tu cita.", language="es_MX")
             if d.code == "TPL202"]  # fmt: skip
    assert es.edit is None and "in the template's language ('please' in English)" in es.fix
    (en,) = [d for d in lint_text("Hi {{1}}, plz confirm.") if d.code == "TPL202"]
    assert en.edit is not None and en.edit.new == "please" and en.edit.safe


def test_a_spanish_body_declared_english_is_one_language_finding_not_a_typo_a_word() -> None:
    """The share of known words is still asked of declared English that reads as another
    language: checking the sloppy drafts above in full made this example 13 spelling warnings."""
    example = Path(__file__).parent.parent / "examples" / "bad" / "pedido_en_us.json"
    codes = [d.code for d in lint_file(str(example), config=Config())]
    assert "TPL340" in codes and "TPL201" not in codes


def test_ur_is_either_your_or_youre_so_no_fix_is_written() -> None:
    """'ur welcome' became 'your welcome' under plain --fix."""
    text = "Hi {{1}}, ur welcome to reply. Note ur order {{2}} ships soon."
    hits = [d for d in lint_text(text, config=SPELLING) if d.code == "TPL202"]
    assert [text[d.span[0] : d.span[1]] for d in hits] == ["ur", "ur"]
    assert all(d.edit is None for d in hits)
    assert hits[0].fix == "Write 'your' or 'you're', whichever is meant."


@pytest.mark.parametrize(
    "text",
    [
        "Hi {{1}}, reply here if u need help.",
        "Your order {{1}} has shipped. Thank u!",
        "Hi {{1}}, u can track order {{2}} in the app.",
    ],
)
def test_text_speak_u_is_found_and_fixed(text: str) -> None:
    (hit,) = [d for d in lint_text(text, config=SPELLING) if d.code == "TPL202"]
    assert hit.edit is not None and hit.edit.new == "you" and hit.edit.safe


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Take a U-turn at the {{1}} signal.", None),
        ("Vitamin U tablets for order {{1}} are back in stock.", None),
        ("Shipping to the u.s. takes 5 days.", None),
        ("Items: (u) soap and (v) oil, order {{1}}.", None),
        ("Dose: 5 u of insulin before meals.", None),
        ("Your plan u2 is active, order {{1}}.", None),
        ("U can reply here.", None),  # a capital U is a letter, a grade, a name…
        ("Hola {{1}}, puedes elegir uno u otro color para tu pedido.", None),
        ("Hola {{1}}, puedes elegir uno u otro color para tu pedido.", "es"),
        ("Twoja wizyta u lekarza {{1}} jest jutro.", "pl"),
    ],
)
def test_a_lone_u_that_is_no_text_speak_is_left_alone(text: str, language: str | None) -> None:
    assert not [d for d in lint_text(text, language=language, config=SPELLING)]


def test_common_text_speak_maps_to_the_word_meant() -> None:
    """'tonite' was a misspelling whose first suggestion was 'tongue'."""
    text = "Your parcel {{1}} arrives tonite, thru our partner, by nite."
    hits = lint_text(text, config=SPELLING)
    assert [(d.code, d.edit.new if d.edit else None) for d in hits] == [
        ("TPL202", "tonight"),
        ("TPL202", "through"),
        ("TPL202", "night"),
    ]


def test_a_capitalised_rejected_term_in_mid_sentence_may_be_a_name() -> None:
    (hit,) = lint_text("Enjoy a Nite Owl special with order {{1}}.", config=SPELLING)
    assert hit.code == "TPL202" and hit.edit is None and "unless 'Nite' is a name" in hit.fix
    assert not lint_text("Order {{1}} is ready at our drive-thru counter.", config=SPELLING)


def _with_footer(
    tmp_path: Path, footer: str, body: str = "Hi {{1}}, your order has shipped."
) -> str:
    tpl = {
        "name": "order_update",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "BODY", "text": body, "example": {"body_text": [["Priya"]]}},
            {"type": "FOOTER", "text": footer},
        ],
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "footer", ["Kavya Home", "Meesho Support", "Swiggy Instamart", "Kavya Home✨Support", "Kavya"]
)
def test_the_capitalised_words_a_footer_opens_with_are_the_senders_name(
    tmp_path: Path, footer: str
) -> None:
    """--unsafe-fixes renamed the business: 'Kavya Home' -> 'Kava', 'Swiggy' -> 'Twiggy'."""
    assert not lint_file(_with_footer(tmp_path, footer), config=SPELLING)


def test_a_footers_words_are_still_checked_after_its_name(tmp_path: Path) -> None:
    found = lint_file(_with_footer(tmp_path, "Reagrds, Team Loomi"), config=SPELLING)
    assert [(d.code, d.message.split("'")[1]) for d in found] == [("TPL201", "Reagrds")]
    found = lint_file(_with_footer(tmp_path, "Thanks for shoping with us"), config=SPELLING)
    assert [d.message.split("'")[1] for d in found] == ["shoping"]


@pytest.mark.parametrize(
    "text",
    [
        "Kavya Home: to authorise {{1}} at Harbor Books, enter the code {{2}}.",
        "Swiggy Instamart: your order {{1}} is on its way.",
        "Your order {{1}} has shipped. Loomi Team",
        # a sender's label that opens the body and goes on in lower case: 'Mesho' -> 'Mesh'
        "Mesho here: your order {{1}} has shipped and will arrive soon.",
        "Hi {{1}},\nSwigy alert: your order has shipped.",
    ],
)
def test_no_guess_is_written_into_a_capitalised_word_that_reads_as_a_name(text: str) -> None:
    """A capitalised word followed by another, a colon or the end may be a name: the
    suggestion is shown, but --unsafe-fixes does not write it."""
    for d in lint_text(text, config=SPELLING):
        assert d.edit is None, (d.message, d.edit)


def test_a_capitalised_typo_that_starts_a_sentence_still_gets_its_fix() -> None:
    (d,) = lint_text("Yuor order {{1}} has shipped.", config=SPELLING)
    assert d.edit is not None and d.edit.new == "Your"
    # after a sender's label, the text is checked and fixed as before
    (d,) = lint_text("Meesho here: yuor order {{1}} has shipped.", config=SPELLING)
    assert d.edit is not None and d.edit.new == "your"
    (d,) = lint_text("Hi {{1}}, your order has shipped. Thnaks!", config=SPELLING)
    assert d.edit is not None and d.edit.new == "Thanks"


@pytest.mark.parametrize(
    ("text", "typos"),
    [
        (
            "DELIVARY UPDATE: Hi {{1}}, Your ordr {{2}} has been shiped and will arive tomorow.",
            ["DELIVARY", "ordr", "shiped", "arive", "tomorow"],
        ),
        (
            "🎉🎉 Hi {{1}}, your ordr {{2}} has been shiped! 🚚 It will arive tomorow.",
            ["ordr", "shiped", "arive", "tomorow"],
        ),
        ("Hi {{1}}, yor {{2}}s orderr is redy.Plz confrim.", ["yor", "orderr", "redy", "confrim"]),
        (
            "Your acount {{1}} wil be debitted on {{2}}. Kindly maintian sufficent balence.",
            ["acount", "wil", "debitted", "maintian", "sufficent", "balence"],
        ),
    ],
)
def test_an_undeclared_english_draft_is_checked_however_many_typos(
    text: str, typos: list[str]
) -> None:
    """Five typos made the draft 'mostly not English' and silenced every finding; one fewer
    gave four. English's own words (your, has, been, will; plz) say it is English."""
    found = [d.message.split("'")[1] for d in lint_text(text) if d.code == "TPL201"]
    assert found == typos
    declared = [d.message.split("'")[1] for d in lint_text(text, language="en_US")]
    assert [w for w in declared if w in typos] == typos


@pytest.mark.parametrize(
    "text",
    [
        "Hola {{1}}, tu pedido {{2}} fue enviado y llegará mañana. Gracias por tu compra.",
        "Hola {{1}}, tu pedido {{2}} fue enviado y llegara manana. Grasias por tu compra.",
        "Tu codigo de verificacion es {{1}}. No lo compartas con nadie.",
        "Olá {{1}}, seu pedido {{2}} foi enviado e chega amanhã. Obrigado pela compra!",
        "Ola {{1}}, seu pedido {{2}} foi enviado e chega amanha. Obrigado pela compra!",
        "Sua fatura de {{1}} vence em {{2}}. O boleto esta disponivel no aplicativo.",
        "Halo {{1}}, pesanan Anda {{2}} sudah dikirim dan akan tiba besok. Terima kasih!",
        "Halo {{1}}, pesanan anda {{2}} sudah dikrim dan akn tiba besok. Trima kasih!",
        "Namaste {{1}}, aapka order {{2}} ship ho gaya hai aur kal tak pahunch jayega.",
        "Hello {{1}}, aapka payment {{2}} receive ho gaya hai. Dhanyavaad!",
        "Aapka appointment {{1}} ko confirm ho gaya hai, please time pe aayein.",
        "Bonjour {{1}}, votre commande {{2}} a été expédiée et arrivera demain. Merci !",
        "Bonjour {{1}}, votre comande {{2}} a ete expediee et arrivera demain. Merci !",
        "Salamat sa order mo! Ang delivery ay on the way, darating bukas.",
        "Habari {{1}}, agizo lako {{2}} limetumwa na litafika kesho. Asante!",
    ],
)
def test_undeclared_text_in_another_language_gets_no_english_spelling_warnings(
    text: str,
) -> None:
    assert not [d for d in lint_text(text) if d.code == "TPL201"]


# --- what --unsafe-fixes writes, and the alternates a finding lists ----------------------------


def _unsafe_fix(tmp_path: Path, text: str, language: str | None = None) -> str:
    from click.testing import CliRunner

    from linter.cli import main

    draft = tmp_path / "draft.txt"
    header = f"# templint: language {language}\n" if language else ""
    draft.write_text(header + text + "\n", encoding="utf-8")
    args = ["lint", "--select", "TPL201", "--fix", "--unsafe-fixes", str(draft)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code in (0, 1), res.output
    return draft.read_text(encoding="utf-8").removeprefix(header).rstrip("\n")


def test_unsafe_fixes_do_not_rewrite_a_word_the_list_lacks_into_another(tmp_path: Path) -> None:
    """Audit: 'Our kulfi and mango lassi …' became 'Our fulfil and mango lassie …'."""
    text = "Our kulfi is back on the menu."
    assert _unsafe_fix(tmp_path, text) == text
    # words no vocabulary holds are still flagged, but no far or doubtful guess is written:
    # 'kheer' is not 'cheer' (another first letter), 'besan' not 'began' (two edits)
    diags = lint_text("Fresh kheer and besan laddoo for Diwali.", config=SPELLING)
    assert [d.message.split("'")[1] for d in diags] == ["kheer", "besan"]
    assert all(d.edit is None for d in diags)


def test_a_word_with_no_clear_guess_keeps_its_suggestions_for_an_editor_not_for_fix(
    tmp_path: Path,
) -> None:
    """A word with no clear best guess lost its suggestions with its edit, and the language
    server its quick fixes. They come back as alternatives alone: listed, never written, never
    counted as fixable."""
    from click.testing import CliRunner

    from linter.cli import main

    (d,) = lint_text("Hola {{1}}, muchas grasias por tu pedido.", language="es", config=SPELLING)
    assert d.edit is None
    assert [(e.old, e.new, e.safe) for e in d.alternatives] == [
        ("grasias", "gracias", False),
        ("grasias", "grasas", False),
    ]
    # 'kheer' has no clear guess, 'shiped' has one: --fix --unsafe-fixes writes that alone,
    # and the count is of it alone
    text = "Fresh kheer for Diwali, shiped today."
    assert _unsafe_fix(tmp_path, text) == "Fresh kheer for Diwali, shipped today."
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    args = ["lint", "--isolated", "--select", "TPL201", str(draft)]
    res = CliRunner().invoke(main, args)
    assert res.stdout.splitlines()[-1] == "[*] 1 fixable with --fix --unsafe-fixes"
    res = CliRunner().invoke(main, [*args[:-1], "--format", "json", str(draft)])
    kheer, shiped = json.loads(res.stdout)
    assert kheer["edit"] is None and kheer["alternatives"][:1] == ["cheer"]
    assert shiped["edit"]["content"] == "shipped" and shiped["alternatives"] == ["shaped"]
    res = CliRunner().invoke(main, [*args[:-1], "--diff", "--unsafe-fixes", str(draft)])
    changed = [line for line in res.stdout.splitlines() if line[:1] in "+-"]
    assert changed[2:] == [f"-{text}", "+Fresh kheer for Diwali, shipped today."]


def test_unsafe_fixes_still_correct_clear_typos(tmp_path: Path) -> None:
    # one slip from a common word, or letters doubled and undoubled ('tommorow')
    text = "Your ordr has shiped and will arive tommorow. Thnaks for shoping with us!"
    fixed = "Your order has shipped and will arrive tomorrow. Thanks for shopping with us!"
    assert _unsafe_fix(tmp_path, text) == fixed


def test_a_best_guess_needs_the_first_letter_a_common_word_and_no_close_second() -> None:
    words = Dictionary.load()
    assert words.best_guess("recieve") == "receive"
    assert words.best_guess("reccomend") == "recommend"  # doubling only
    assert words.best_guess("kulfi") is None  # 'fulfil': two edits, another first letter
    assert words.best_guess("biteful") is None  # 'pitiful': another first letter
    assert words.best_guess("tiffino") is None  # 'tiffin': a rare word


@pytest.mark.parametrize(
    ("typo", "listed"),
    [
        ("ordr", "'order'"),  # was 'order', 'ordo' or 'orr'
        ("custmer", "'customer'"),  # was 'customer' or 'custer'
        ("deliverd", "'delivered' or 'deliver'"),  # a close second stays
    ],
)
def test_a_finding_lists_only_alternates_about_as_likely_as_the_first(
    typo: str, listed: str
) -> None:
    (d,) = lint_text(f"Hi {{{{1}}}}, your {typo} is ready.", config=SPELLING)
    assert d.fix.startswith(f"Replace '{typo}' with {listed}, or add it")


@pytest.mark.parametrize(
    ("language", "text", "listed"),
    [
        ("pt_BR", "Voce recebe seu pedido amanhã.", "'Você'"),  # was 'Você', 'Boce' or 'Coce'
        ("pt_BR", "Veja as informacoes do pedido.", "'informações'"),  # not 'informa coes'
        ("es", "Tu envio llega mañana.", "'envío' or 'envió'"),  # two accent fixes: both
    ],
)
def test_spanish_and_portuguese_findings_list_only_as_close_alternates(
    language: str, text: str, listed: str
) -> None:
    (d,) = lint_text(text, language=language, config=SPELLING)
    assert f" with {listed}, or add it" in d.fix


def test_portuguese_unsafe_fix_still_writes_the_accent(tmp_path: Path) -> None:
    text = "Veja as informacoes do pedido; voce recebe amanhã."
    fixed = "Veja as informações do pedido; você recebe amanhã."
    assert _unsafe_fix(tmp_path, text, "pt_BR") == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Our kulfi and mango lassi are back on the menu.",  # were 'fulfil' and 'lassie'
        "Flat 20% off sitewide this weekend, only on our app.",  # was 'statewide'
        "You're on the waitlist: we'll message you when it's back.",
        "Hot jalebi, falooda and paratha combos, delivered in 30 minutes.",
        "New in: athleisure, loungewear and kurti sets. Add them to your wishlists!",
        "Pack a daypack and your meds for the trek.",  # were 'payback' and 'mends'
    ],
)
def test_everyday_food_and_shop_words_are_accepted(tmp_path: Path, text: str) -> None:
    assert found(text) == []
    assert _unsafe_fix(tmp_path, text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Your chole bhature and rajma chawal combo is on its way.",  # 'chole' became 'chloe'
        "Today's thali: palak paneer, baingan bharta, pulao and rasgulla.",
        "Order a kulcha, keema samosa or dabeli with a glass of lassi.",
    ],
)
def test_indian_dishes_are_accepted_and_never_rewritten(tmp_path: Path, text: str) -> None:
    assert found(text) == []
    assert _unsafe_fix(tmp_path, text) == text


@pytest.mark.parametrize(
    "text",
    [
        # mk-2: 'rangoli' was 'ravioli'
        "Light up your home with our festive collection of lamps, rangoli kits and gift hampers.",
        "Diyas, torans, kalash sets and agarbatti for your Diwali puja, now 20% off.",
        "Kaju katli boxes, kumkum and dandiya sticks are back in stock for Navratri.",
        # en-13: 'incl' was 'inch'
        "Renewal premium payable: ₹{{4}} (incl. GST). Prices excl. delivery, etc.",
        "Amt: Rs {{1}} for 2 pkts, 5 kgs and 1 ltr. Mfg: {{2}}, Exp: {{3}}.",
    ],
)
def test_festive_words_and_order_abbreviations_are_accepted(tmp_path: Path, text: str) -> None:
    assert found(text) == []
    assert _unsafe_fix(tmp_path, text) == text


def test_no_fix_turns_a_lower_case_word_into_a_name(tmp_path: Path) -> None:
    """The word list is lower case: 'chole' (the dish) became 'chloe', a name written in lower
    case. A name of the list is suggested capitalised, and never written by --unsafe-fixes."""
    words = Dictionary.load()
    assert {"chloe", "english", "raul"} <= words.names()
    assert "whole" not in words.names() and "order" not in words.names()
    (d,) = lint_text("Please reply in egnlish or hindi.", config=SPELLING)
    assert d.message == "Possible misspelling 'egnlish'; did you mean 'English'?"
    assert d.edit is None and [a.new for a in d.alternatives] == ["English"]
    text = "Please reply in egnlish, not hindi."
    assert _unsafe_fix(tmp_path, text) == text
    # a capitalised typo of a name keeps its fix, and a typo of a common word too
    (d,) = lint_text("Hi {{1}}. Egnlish replies are fine.", config=SPELLING)
    assert d.edit is not None and d.edit.new == "English"
    assert _unsafe_fix(tmp_path, "Your ordr is ready.") == "Your order is ready."


@pytest.mark.parametrize(
    ("text", "typo", "meant"),
    [
        ("Our Spring Clearence Sale starts Monday.", "Clearence", "Clearance"),
        ("Your Mega Festve Sale is live on the app.", "Festve", "Festive"),
        ("Our Summer Colection has landed in stores.", "Colection", "Collection"),
        # 'macchiato' was not in the word list: "Machiato" passed as a name
        ("Your Caramel Machiato is ready at the counter.", "Machiato", "Macchiato"),
    ],
)
def test_a_capitalised_typo_in_a_titles_run_of_words_is_no_name(
    tmp_path: Path, text: str, typo: str, meant: str
) -> None:
    """'Clearence' in mid-sentence was taken for a name and passed. Beside a capitalised word
    of the word list, one slip from a common word (same first letter, not a name), it is a
    typo in a sale's or a product's title: reported with its suggestion, never rewritten."""
    (d,) = lint_text(text, config=SPELLING)
    assert d.span is not None and text[d.span[0] : d.span[1]] == typo
    assert d.message.endswith(f"did you mean '{meant}'?")
    assert d.edit is None
    assert _unsafe_fix(tmp_path, text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Dear Priya, your order from Zomato is ready.",
        "Visit Chennai or Swiggy Instamart for our new range.",
        "Your appointment with Dr. Mehta is on Monday.",
        "Welcome to Loomi Home, {{1}}! Your order ships today.",  # 'Loom' + i: a coined name
        "Book a table at Green Bowl Cafe for {{1}}.",
        "Thanks for shopping with us.\n\nThanks,\nTeam Loomi",
        "Your table at Harbor Tandoor is booked for {{1}}.",
        # common short forms beside a title's words: 'Tech' was read as a typo of 'Teach'
        "Dear {{1}}, your invoice {{2}} from Sharma Tech Solutions Pvt. Limited is attached.",
        "Your Tech Support ticket {{1}} is open; our tech will call you.",
        "Misc. charges of {{1}} and your appt on {{2}} are listed in Acct {{3}}.",
        # Australian English's greeting was read as 'Gay'
        "G'day {{1}}, boat launch time for your fishing charter {{2}} is {{3}}.",
        "G’day {{1}}, your order is ready.",
    ],
)
def test_names_beside_capitalised_words_still_pass(text: str) -> None:
    assert found_in(text) == []


def test_a_name_beside_a_title_word_costs_no_search_two_edits_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A shop or sender name beside a capitalised word ("Team Trendora") is tested as a
    title's typo only when some word is one slip from it: ranking it searched two edits away
    (~50 ms a word before a batch's index exists) on every cold run."""
    from linter.kinds.spelling import Dictionary

    searched: list[object] = []
    original = Dictionary._two_edits
    monkeypatch.setattr(
        Dictionary, "_two_edits", lambda self, e: searched.append(e) or original(self, e)
    )
    assert found_in("Thanks for shopping with us.\n\nThanks,\nTeam Trendora") == []
    assert found_in("Order from Kavyaluxe Store today.") == []
    assert searched == []
    (d,) = lint_text("Our Spring Clearence Sale starts Monday.", config=SPELLING)  # still found
    assert d.message.endswith("did you mean 'Clearance'?")


def test_a_titles_typo_written_twice_is_still_a_typo() -> None:
    """Written twice in mid-sentence, the word was read as a name by where else it stands
    ('Team Crestline'); a title's typo there too is the same typo, not a name."""
    text = "Our Spring Clearence Sale is on. Hurry, the Clearence Sale ends Sunday."
    assert [w for _, w in found(text)] == ["Clearence", "Clearence"]
    # a name written twice stays a name
    assert found("Visit Loomi Home today. Loomi Home opens at 9.") == []
