"""Format (TPL3xx) and duplicate (TPL4xx) rules on real files: codes, spans, limits, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.api import lint_file, lint_paths
from linter.config import Config, load_config
from linter.placeholders import (
    FOREIGN,
    MALFORMED,
    NAMED,
    NUMBERED,
    VALID,
    find_placeholders,
    mask_placeholders,
)

FORMAT_ONLY = Config(select=("TPL3", "TPL4"))


def position(text: str, needle: str, nth: int = 0, shift: int = 0) -> tuple[int, int]:
    """1-based line:column of ``needle`` (its ``nth`` occurrence, plus ``shift``) in ``text``."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    offset += shift
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def write(tmp_path: Path, name: str, content: object) -> tuple[str, str]:
    text = content if isinstance(content, str) else json.dumps(content, indent=2) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path), text


def meta(body: str, *, name: str = "order_update", category: str = "UTILITY", **parts: object):
    comps: list[dict] = []
    if "header" in parts:
        comps.append({"type": "HEADER", "format": "TEXT", "text": parts["header"]})
    body_comp: dict = {"type": "BODY", "text": body}
    if "samples" in parts:
        body_comp["example"] = {"body_text": [parts["samples"]]}
    comps.append(body_comp)
    if "footer" in parts:
        comps.append({"type": "FOOTER", "text": parts["footer"]})
    if "buttons" in parts:
        comps.append({"type": "BUTTONS", "buttons": parts["buttons"]})
    return {"name": name, "language": "en_US", "category": category, "components": comps}


def only(diags: list, code: str) -> list:
    return [d for d in diags if d.code == code]


SHIPPED = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}."
SHIPPED_SAMPLES = ["Maria", "#48213", "12 March"]


# --- spans inside JSON files --------------------------------------------------------------


def test_header_too_long_points_at_the_tail_and_quotes_numbers(tmp_path: Path) -> None:
    header = "Your order from Acme Home and Garden Supplies has now shipped!!!!!!!!!!!!"
    assert len(header) == 73
    path, text = write(tmp_path, "t.json", meta(SHIPPED, header=header, samples=SHIPPED_SAMPLES))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL305")
    assert d.message.startswith("Header is 73 characters; Meta's limit is 60")
    assert (d.line, d.column) == position(text, header, shift=60)
    assert (d.end_line, d.end_column) == position(text, header, shift=73)
    assert d.component == "header"
    assert "13 characters" in (d.fix or "")


def test_span_after_json_escapes_lands_on_the_offending_characters(tmp_path: Path) -> None:
    # \u00e9 is 6 file characters for 1 decoded one, \" is 2 for 1: the span must still land
    # on the malformed {{2} in the file.
    raw = (
        '{\n  "name": "reservation",\n  "language": "fr_FR",\n  "category": "UTILITY",\n'
        '  "components": [\n    {"type": "BODY", "text": "Caf\\u00e9 \\"Le Pont\\": '
        'bonjour {{1}}, votre table {{2} est pr\\u00eate."}\n  ]\n}\n'
    )
    path, text = write(tmp_path, "escapes.json", raw)
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL326")
    assert (d.line, d.column) == position(text, "{{2}")
    assert (d.end_line, d.end_column) == position(text, "{{2}", shift=4)
    assert "unbalanced braces" in d.message
    assert d.fix == "Replace `{{2}` with `{{2}}`."


def test_foreign_variable_fix_gives_the_actual_replacement(tmp_path: Path) -> None:
    path, text = write(
        tmp_path, "t.json", meta("Hi {{1}}, your order $OrderId ships on $Date today.")
    )
    diags = only(lint_file(path, config=FORMAT_ONLY), "TPL327")
    assert [d.fix for d in diags] == [
        "Replace `$OrderId` with `{{2}}` (and give it a sample value).",
        "Replace `$Date` with `{{3}}` (and give it a sample value).",
    ]
    assert (diags[0].line, diags[0].column) == position(text, "$OrderId")
    assert diags[0].end_column - diags[0].column == len("$OrderId")


def test_foreign_variable_in_a_text_file(tmp_path: Path) -> None:
    path, _ = write(tmp_path, "welcome.txt", "Hello\nHi $Name, your order is ready.\n")
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL327")
    assert (d.line, d.column, d.end_column) == (2, 4, 9)
    assert d.fix == "Replace `$Name` with `{{1}}` (and give it a sample value)."


def test_variable_rules_point_at_the_variable(tmp_path: Path) -> None:
    body = "{{1}}, your order {{2}} {{4}} has shipped and arrives on {{5}}"
    path, text = write(tmp_path, "t.json", meta(body))
    diags = lint_file(path, config=FORMAT_ONLY)
    (seq,) = only(diags, "TPL320")
    assert (seq.line, seq.column) == position(text, "{{4}}")
    assert "{{3}} is missing" in seq.message
    start, end = only(diags, "TPL323")
    assert (start.line, start.column) == position(text, "{{1}}")
    assert "starts" in start.message and "2388299" in start.message
    assert (end.line, end.column) == position(text, "{{5}}")
    assert "ends with the variable {{5}}" in end.message
    (adjacent,) = only(diags, "TPL324")
    assert (adjacent.column, adjacent.end_column) == (
        position(text, "{{2}}")[1],
        position(text, "{{4}}", shift=5)[1],
    )


def test_button_rules_point_at_the_button(tmp_path: Path) -> None:
    buttons = [
        {"type": "QUICK_REPLY", "text": "Confirm"},
        {"type": "URL", "text": "Track your package on our website", "url": "https://a.example/x"},
        {"type": "QUICK_REPLY", "text": "Reschedule"},
        {"type": "URL", "text": "Help", "url": "https://a.example/{{1}}/help"},
    ]
    path, text = write(tmp_path, "t.json", meta(SHIPPED, samples=SHIPPED_SAMPLES, buttons=buttons))
    diags = lint_file(path, config=FORMAT_ONLY)
    (label,) = only(diags, "TPL311")
    assert (label.line, label.column) == position(text, "Track your package", shift=25)
    assert label.message == (
        'Button label "Track your package on our website" is 33 characters; '
        "Meta's limit for a button label is 25"
    )
    (group,) = only(diags, "TPL314")
    assert group.component == "buttons[2].text"
    assert (group.line, group.column) == position(text, "Reschedule")
    (url,) = only(diags, "TPL316")
    assert (url.line, url.column) == position(text, "{{1}}/help")
    (example,) = only(diags, "TPL317")  # the URL variable has no sample URL
    assert example.component == "buttons[3].url"


def test_name_and_language_are_pointed_at(tmp_path: Path) -> None:
    tpl = meta(SHIPPED, name="Order-Shipped", samples=SHIPPED_SAMPLES)
    tpl["language"] = "en-US"
    path, text = write(tmp_path, "t.json", tpl)
    diags = lint_file(path, config=FORMAT_ONLY)
    (name,) = only(diags, "TPL301")
    assert (name.line, name.column) == position(text, "Order-Shipped")
    assert name.fix == "Rename it to `order_shipped`."
    (lang,) = only(diags, "TPL302")
    assert (lang.line, lang.column) == position(text, "en-US")
    assert lang.end_column == position(text, "en-US", shift=5)[1]
    assert lang.fix == "Write `en_US`."


@pytest.mark.parametrize(
    ("code", "fixed", "listed"),
    [
        ("en-us", "en_US", ()),  # another form of a listed code
        ("EN_us", "en_US", ()),
        ("pt-br", "pt_BR", ()),
        ("en-uk", "en_GB", ()),  # an alias: UK is no ISO region
        ("en_UK", "en_GB", ()),
        ("ENG", "en", ()),  # ISO 639-2
        ("english", "en", ()),
        ("zh-Hans-CN", "zh_CN", ()),
        ("hi_IN", "hi", ()),  # Meta lists one Hindi
        ("es-LA", None, ("es", "es_AR", "es_MX")),  # several could be meant: none is written
        ("es_419", None, ("es", "es_AR", "es_MX")),
        ("pt", None, ("pt_BR", "pt_PT")),
        ("en_XX", None, ("en", "en_GB", "en_US")),
        ("zz", None, ()),
    ],
)
def test_language_codes_are_checked_against_metas_list(
    tmp_path: Path, code: str, fixed: str | None, listed: tuple[str, ...]
) -> None:
    tpl = meta(SHIPPED, samples=SHIPPED_SAMPLES)
    tpl["language"] = code
    path, _ = write(tmp_path, "t.json", tpl)
    (lang,) = only(lint_file(path, config=FORMAT_ONLY), "TPL302")
    if fixed:
        assert lang.edit is not None and lang.edit.new == fixed and lang.edit.safe
        assert lang.fix == f"Write `{fixed}`."
    else:
        assert lang.edit is None
        assert all(f"'{c}'" in lang.message for c in listed), lang.message


@pytest.mark.parametrize(
    "code", ["en_US", "en", "en_GB", "en_IN", "pt_BR", "es_MX", "fil", "prs_AF"]
)
def test_listed_language_codes_pass(tmp_path: Path, code: str) -> None:
    tpl = meta(SHIPPED, samples=SHIPPED_SAMPLES)
    tpl["language"] = code
    path, _ = write(tmp_path, "t.json", tpl)
    assert not only(lint_file(path, config=FORMAT_ONLY), "TPL302")


def test_a_code_meta_added_since_can_be_allowed(tmp_path: Path) -> None:
    tpl = meta(SHIPPED, samples=SHIPPED_SAMPLES)
    tpl["language"] = "es_CO"
    path, _ = write(tmp_path, "t.json", tpl)
    assert only(lint_file(path, config=FORMAT_ONLY), "TPL302")
    added = Config(select=("TPL3",), options={"TPL302": {"extra-languages": ["es_CO"]}})
    assert not only(lint_file(path, config=added), "TPL302")


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('default-language = "en_UK"', "'en_UK' is not one of Meta's template language codes"),
        ('[per-file]\n"*.txt" = { language = "es_LA" }', "'es', 'es_AR' or 'es_MX'"),
    ],
)
def test_configured_languages_are_checked_against_the_same_list(
    tmp_path: Path, setting: str, said: str
) -> None:
    from linter.config import ConfigError
    from linter.rulebook import check_settings, config_rules

    (tmp_path / "templint.toml").write_text(setting + "\n", encoding="utf-8")
    config = load_config(tmp_path / "templint.toml")
    with pytest.raises(ConfigError, match=said):
        check_settings(config_rules(config), config)


@pytest.mark.parametrize(
    ("name", "fixed"),
    [
        ("pedido_café_confirmação", "pedido_cafe_confirmacao"),  # was pedido_caf_confirma_o
        ("Straße-Bestellung", "strasse_bestellung"),
        ("ÉtéOrder", "ete_order"),
        ("注文_update", None),  # another script: no Latin name is certain
    ],
)
def test_a_renamed_template_keeps_its_letters_without_their_accents(
    tmp_path: Path, name: str, fixed: str | None
) -> None:
    path, _ = write(tmp_path, "t.json", meta(SHIPPED, name=name, samples=SHIPPED_SAMPLES))
    (found,) = only(lint_file(path, config=FORMAT_ONLY), "TPL301")
    assert (found.edit.new if found.edit else None) == fixed


def test_a_rename_never_gives_two_templates_one_name(tmp_path: Path) -> None:
    """'Order Update' and 'order-update' both became order_update and the file linted clean."""
    from linter.api import fix_paths

    one = meta(SHIPPED, name="Order Update", samples=SHIPPED_SAMPLES)
    two = meta(SHIPPED.replace("shipped", "left"), name="order-update", samples=SHIPPED_SAMPLES)
    path, _ = write(tmp_path, "t.json", [one, two])
    first, second = only(lint_file(path, config=FORMAT_ONLY), "TPL301")
    assert first.edit is not None and first.edit.new == "order_update"
    assert second.edit is None and "`order_update` is what 'Order Update'" in second.fix
    done, left = fix_paths([path], FORMAT_ONLY, unsafe=True)
    assert done.fixed == 1
    names = [t["name"] for t in json.loads(Path(path).read_text(encoding="utf-8"))]
    assert names == ["order_update", "order-update"]
    assert [d.code for d in left.diagnostics] == ["TPL301"]  # the second still says so


def test_a_batchs_rows_are_renamed_each_on_its_own() -> None:
    """A batch prepares a chunk of rows together but lints each alone: a row's fix must not
    depend on the rows beside it."""
    from linter.engine import Linter
    from linter.inputs import parse_source

    one = meta(SHIPPED, name="Order Update", samples=SHIPPED_SAMPLES)
    two = meta(SHIPPED, name="order-update", samples=SHIPPED_SAMPLES)
    templates = parse_source(json.dumps([one, two]), "t.json")
    linter = Linter(FORMAT_ONLY)
    linter.prepare(templates)
    for tpl in templates:
        (found,) = only(linter.lint([tpl]), "TPL301")
        assert found.edit is not None and found.edit.new == "order_update"


def test_a_rename_may_take_a_name_another_language_has(tmp_path: Path) -> None:
    """One template's translations share its name."""
    one = meta(SHIPPED, name="order_update", samples=SHIPPED_SAMPLES)
    two = meta("Hola {{1}}, tu pedido {{2}} llega el {{3}}.", name="Order-Update")
    two["language"] = "es"
    three = meta("Hi {{1}}, order {{2}} is on its way, arriving {{3}}.", name="Order-Update")
    path, _ = write(tmp_path, "t.json", [one, two, three])
    es, en = only(lint_file(path, config=FORMAT_ONLY), "TPL301")
    assert es.edit is not None and es.edit.new == "order_update"
    assert en.edit is None and "already the name of 'order_update'" in en.fix


def test_two_templates_of_one_name_and_language_are_reported(tmp_path: Path) -> None:
    one = meta(SHIPPED, name="order_update", samples=SHIPPED_SAMPLES)
    two = meta("Hi {{1}}, your order {{2}} was delivered on {{3}}.", name="order_update")
    other = dict(two, language="es")
    path, text = write(tmp_path, "t.json", [one, two, other])
    (dup,) = only(lint_file(path, config=FORMAT_ONLY), "TPL402")
    assert (dup.line, dup.column) == position(text, "order_update", nth=1)
    line, col = position(text, "order_update")
    assert f"{path}:{line}:{col};" in dup.message and "'en_US'" in dup.message


def test_no_sample_is_asked_for_a_header_variable_that_must_move(tmp_path: Path) -> None:
    """TPL330 said 'Add a sample value for {{2}} to the header example' while TPL306 said
    to move {{2}} to the body."""
    tpl = meta("Hi {{1}}, your order {{2}} has shipped.", header="Order {{1}} for {{2}}")
    tpl["components"][0]["example"] = {"header_text": ["#4021"]}
    tpl["components"][1]["example"] = {"body_text": [["Priya"]]}
    path, text = write(tmp_path, "t.json", tpl)
    diags = lint_file(path, config=FORMAT_ONLY)
    (extra,) = only(diags, "TPL306")
    assert (extra.line, extra.column) == position(text, "{{2}}")
    (sample,) = only(diags, "TPL330")  # the body's {{2}}, which does need one
    assert sample.component == "body" and "{{2}} has no sample" in sample.message
    loose = Config(select=("TPL3",), options={"TPL306": {"max": 2}})
    assert [d.component for d in only(lint_file(path, config=loose), "TPL330")] == [
        "header",
        "body",
    ]


def test_samples_checked_against_variables(tmp_path: Path) -> None:
    path, text = write(
        tmp_path,
        "t.json",
        [
            meta(SHIPPED, name="a_short", samples=["Maria", "#48213"]),
            meta(SHIPPED, name="b_newline", samples=["Maria", "#48213", "12 March\n9am"]),
            meta(SHIPPED, name="c_none"),
        ],
    )
    diags = lint_file(path, config=FORMAT_ONLY)
    (count,) = only(diags, "TPL330")
    assert (count.line, count.column) == position(text, "{{3}}")
    assert "2 samples for 3 variables" in count.message
    (fmt,) = only(diags, "TPL332")
    assert (fmt.line, fmt.column) == position(text, "\\n9am")
    assert fmt.component == "body.example[3]"
    (missing,) = only(diags, "TPL331")
    assert missing.template == "c_none"


def test_empty_body_and_header_markup(tmp_path: Path) -> None:
    path, text = write(
        tmp_path,
        "t.json",
        [
            meta("   ", name="blank"),
            meta(SHIPPED, name="fancy", header="*Order* update 🚚", samples=SHIPPED_SAMPLES),
        ],
    )
    diags = lint_file(path, config=FORMAT_ONLY)
    (empty,) = only(diags, "TPL304")
    assert empty.template == "blank"
    bold, emoji = only(diags, "TPL307")
    assert (bold.column, bold.end_column - bold.column) == (position(text, "*Order*")[1], 7)
    assert "an emoji (🚚)" in emoji.message


def test_footer_rules(tmp_path: Path) -> None:
    path, text = write(
        tmp_path, "t.json", meta(SHIPPED, samples=SHIPPED_SAMPLES, footer="Sent to {{1}} 🛒")
    )
    diags = lint_file(path, config=FORMAT_ONLY)
    (var,) = only(diags, "TPL309")
    # json.dumps writes the emoji as a surrogate-pair escape (\ud83d\uded2)
    assert (var.line, var.column) == position(text, "{{1}} \\ud83d")
    (emoji,) = only(diags, "TPL310")
    assert emoji.component == "footer"


# --- limits come from config --------------------------------------------------------------


def test_limits_are_overridable_through_config(tmp_path: Path) -> None:
    header = "Your order from Acme Home and Garden Supplies has now shipped today"  # 66
    path, _ = write(tmp_path, "t.json", meta(SHIPPED, header=header, samples=SHIPPED_SAMPLES))
    assert only(lint_file(path, config=FORMAT_ONLY), "TPL305")
    looser = Config(select=("TPL3",), options={"TPL305": {"max": 80}})
    assert not only(lint_file(path, config=looser), "TPL305")
    stricter = Config(select=("TPL3",), options={"TPL311": {"max": 20}})
    path2, _ = write(
        tmp_path,
        "b.json",
        meta(SHIPPED, samples=SHIPPED_SAMPLES, buttons=[{"type": "QUICK_REPLY", "text": "x" * 22}]),
    )
    assert not only(lint_file(path2, config=FORMAT_ONLY), "TPL311")
    (d,) = only(lint_file(path2, config=stricter), "TPL311")
    assert "22 characters" in d.message and "is 20" in d.message


def test_limits_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.templint]\nselect = ["TPL3"]\n'
        "[tool.templint.rules.TPL325]\nwords-per-variable = 4\n",
        encoding="utf-8",
    )
    config = load_config(start=tmp_path)
    body = "Hi {{1}}, your order {{2}} is ready for collection now."  # 2 vars, 8 words
    path, _ = write(tmp_path, "t.txt", body)
    assert not only(lint_file(path, config=FORMAT_ONLY), "TPL325")
    (d,) = only(lint_file(path, config=config), "TPL325")
    assert "2 variables and 8 other words" in d.message and "at least 9" in d.message


# --- duplicates ---------------------------------------------------------------------------


def test_duplicate_across_two_files_names_the_earlier_one(tmp_path: Path) -> None:
    first, first_text = write(
        tmp_path, "a_orders.json", meta(SHIPPED, name="order_shipped", samples=SHIPPED_SAMPLES)
    )
    again = "Hi {{name}},   your ORDER {{order}} has shipped and will arrive on {{when}}."
    second, second_text = write(tmp_path, "b_orders.json", meta(again, name="order_shipped_v2"))
    result = lint_paths([str(tmp_path)], config=FORMAT_ONLY)
    assert not result.errors
    (d,) = only(result.diagnostics, "TPL401")
    assert d.file == second and d.template == "order_shipped_v2"
    line, col = position(first_text, SHIPPED)
    assert f"'order_shipped' ({first}:{line}:{col})" in d.message
    assert "Meta rejects" in d.message
    assert (d.line, d.column) == position(second_text, again)


def test_different_footer_or_wording_is_not_a_duplicate(tmp_path: Path) -> None:
    body = "Your appointment with Dr. {{1}} is confirmed for {{2}}."
    write(
        tmp_path,
        "t.json",
        [
            meta(body, name="north", footer="Northside Dental", samples=["Lee", "Monday"]),
            meta(body, name="south", footer="Southside Dental", samples=["Lee", "Monday"]),
            meta(body.replace("confirmed", "cancelled"), name="cancel", samples=["Lee", "Mon"]),
        ],
    )
    result = lint_paths([str(tmp_path)], config=FORMAT_ONLY)
    assert not only(result.diagnostics, "TPL401")
    body_only = Config(select=("TPL4",), options={"TPL401": {"compare-footer": False}})
    (d,) = lint_paths([str(tmp_path)], config=body_only).diagnostics
    assert d.template == "south" and "'north'" in d.message


def test_an_untranslated_translation_is_named_as_such(tmp_path: Path) -> None:
    english = meta(SHIPPED, name="order_shipped", samples=SHIPPED_SAMPLES)
    spanish = {**english, "language": "es"}  # the translation, its body still in English
    other = {**english, "name": "order_sent", "language": "es"}
    write(tmp_path, "t.json", [english, spanish, other])
    result = lint_paths([str(tmp_path)], config=FORMAT_ONLY)
    first, second = only(result.diagnostics, "TPL401")
    assert first.template == "order_shipped" and "its en_US translation (" in first.message
    assert first.fix == "Translate the es body of 'order_shipped': it is still the en_US text."
    assert "'order_shipped' (" in second.message and second.fix.startswith("Delete one")


def test_regional_variants_of_one_template_may_share_a_body(tmp_path: Path) -> None:
    # en_US and en_GB (or es and es_MX) of one name often say the same thing: that is not a
    # duplicate, and "translate it" would be wrong advice. Another name still is.
    us = meta(SHIPPED, name="order_shipped", samples=SHIPPED_SAMPLES)
    gb = {**us, "language": "en_GB"}
    other = {**us, "name": "order_sent", "language": "en_GB"}
    write(tmp_path, "t.json", [us, gb])
    assert not only(lint_paths([str(tmp_path)], config=FORMAT_ONLY).diagnostics, "TPL401")
    write(tmp_path, "t.json", [us, gb, other])
    (d,) = only(lint_paths([str(tmp_path)], config=FORMAT_ONLY).diagnostics, "TPL401")
    assert d.template == "order_sent"


# --- clean, realistic templates -----------------------------------------------------------

ORDER_SHIPPED = {
    "name": "order_shipped",
    "language": "en_US",
    "category": "UTILITY",
    "components": [
        {
            "type": "HEADER",
            "format": "TEXT",
            "text": "Order {{1}} has shipped",
            "example": {"header_text": ["#48213"]},
        },
        {
            "type": "BODY",
            "text": "Hi {{1}}, good news: your order has left our warehouse and will arrive on "
            "{{2}}. You can track the parcel with the button below.",
            "example": {"body_text": [["Maria", "Thursday, 12 March"]]},
        },
        {"type": "FOOTER", "text": "Acme Store · Reply STOP to opt out"},
        {
            "type": "BUTTONS",
            "buttons": [
                {
                    "type": "URL",
                    "text": "Track package",
                    "url": "https://acme.example/track/{{1}}",
                    "example": ["https://acme.example/track/48213"],
                },
                {"type": "PHONE_NUMBER", "text": "Call support", "phone_number": "+15550100"},
                {"type": "QUICK_REPLY", "text": "Got it, thanks"},
            ],
        },
    ],
}

OTP = {
    "name": "login_code",
    "language": "en_US",
    "category": "AUTHENTICATION",
    "components": [
        {
            "type": "BODY",
            # Meta's own wording, variable first: not the author's to change
            "text": "{{1}} is your verification code. For your security, do not share this code.",
            "add_security_recommendation": True,
            "example": {"body_text": [["482913"]]},
        },
        {"type": "FOOTER", "text": "This code expires in 10 minutes."},
        {
            "type": "BUTTONS",
            "buttons": [
                {
                    "type": "OTP",
                    "otp_type": "COPY_CODE",
                    "text": "Copy code",
                    "example": ["482913"],
                }
            ],
        },
    ],
}

OTP_CREATE = {  # the creation payload: Meta writes the body text itself
    "name": "login_code_create",
    "language": "en_US",
    "category": "AUTHENTICATION",
    "components": [
        {"type": "BODY", "add_security_recommendation": True},
        {"type": "FOOTER", "code_expiration_minutes": 10},
        {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]},
    ],
}

APPOINTMENT = {
    "name": "appointment_reminder",
    "language": "en_GB",
    "category": "UTILITY",
    "components": [
        {
            "type": "BODY",
            "text": "Hello {{patient_name}}, this is a reminder of your appointment with "
            "{{doctor}} on {{date}}. Reply to confirm or reschedule.",
            "example": {
                "body_text_named_params": [
                    {"param_name": "patient_name", "example": "Sam"},
                    {"param_name": "doctor", "example": "Dr. Lee"},
                    {"param_name": "date", "example": "Monday 10:00"},
                ]
            },
        },
        {
            "type": "BUTTONS",
            "buttons": [
                {"type": "QUICK_REPLY", "text": "Confirm"},
                {"type": "QUICK_REPLY", "text": "Reschedule"},
            ],
        },
    ],
}


def test_clean_realistic_templates_raise_nothing(tmp_path: Path) -> None:
    write(tmp_path, "templates.json", {"data": [ORDER_SHIPPED, OTP, OTP_CREATE, APPOINTMENT]})
    write(tmp_path, "receipt.txt", "We received your payment of {{1}} for invoice {{2}}. Thanks!")
    result = lint_paths([str(tmp_path)], config=FORMAT_ONLY)
    assert not result.errors
    assert result.diagnostics == []


# --- the placeholder scanner itself -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("{{1}}", NUMBERED, "1"),
        ("{{12}}", NUMBERED, "12"),
        ("{{first_name}}", NAMED, "first_name"),
        ("{{1}", MALFORMED, "1"),
        ("{1}}", MALFORMED, "1"),
        ("{{ 1 }}", MALFORMED, "1"),
        ("{{}}", MALFORMED, ""),
        ("{{#1}}", MALFORMED, "1"),
        ("{{$1}}", MALFORMED, "1"),
        ("{{1.5}}", MALFORMED, "1.5"),
        ("{{{1}}}", MALFORMED, "1"),
        ("{{First_Name}}", MALFORMED, "First_Name"),
        ("$Name", FOREIGN, "Name"),
        ("%first_name%", FOREIGN, "first_name"),
        ("[Customer Name]", FOREIGN, "Customer_Name"),
    ],
)
def test_placeholder_kinds(text: str, kind: str, key: str) -> None:
    (ph,) = find_placeholders(f"Hi {text}, thanks.")
    assert (ph.start, ph.end, ph.kind, ph.key) == (3, 3 + len(text), kind, key)


@pytest.mark.parametrize(
    "text",
    [
        "Save $10 today, 20% off at 50% of the price.",
        "[Update] Your parcel arrives tomorrow.",
        "See [the guide](https://acme.example/guide).",
        "Order #48213 is ready.",
    ],
)
def test_ordinary_text_has_no_placeholders(text: str) -> None:
    assert find_placeholders(text) == []


def test_mask_keeps_offsets_and_valid_filter() -> None:
    text = "Hi {{1}}, order {{ 2 }} for $Name."
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked == "Hi " + " " * 5 + ", order " + " " * 7 + " for " + " " * 5 + "."
    assert [p.text for p in find_placeholders(text, VALID)] == ["{{1}}"]


@pytest.mark.parametrize(
    ("category", "reading"),
    [
        ("TRANSACTIONAL", "UTILITY"),
        ("Shipping_Update", "UTILITY"),
        ("UTILTY", "UTILITY"),
        ("whatever", "UTILITY"),
        ("PROMO", "MARKETING"),
        ("otp", "AUTHENTICATION"),
    ],
)
def test_unknown_category_is_reported_and_the_rules_still_run(
    tmp_path: Path, category: str, reading: str
) -> None:
    """A category Meta does not know used to turn every category-bound rule off in silence:
    a coupon in a 'TRANSACTIONAL' template passed. Now TPL328 names it, points at the value,
    and the other rules read the template as the category it stands for."""
    body = "Hi {{1}}, get 20% off your next order with code SAVE20."
    path, text = write(tmp_path, "t.json", meta(body, category=category, samples=["Maria"]))
    found = lint_file(path, config=Config())
    [unknown] = only(found, "TPL328")
    assert (unknown.line, unknown.column) == position(text, category)
    assert f"read this template as {reading}" in unknown.message
    offers = {d.code for d in found} & {"TPL101", "TPL102"}
    assert offers == (set() if reading == "MARKETING" else {"TPL101", "TPL102"})


def test_known_category_in_any_case_or_spacing_is_no_finding(tmp_path: Path) -> None:
    body = "Hi {{1}}, get 20% off your next order with code SAVE20."
    path, _ = write(tmp_path, "t.json", meta(body, category=" Utility ", samples=["Maria"]))
    codes = {d.code for d in lint_file(path, config=Config())}
    assert "TPL328" not in codes and {"TPL101", "TPL102"} <= codes


# --- URL variable in place of the domain (TPL316) -----------------------------------------


@pytest.mark.parametrize(
    "url", ["https://{{1}}", "{{1}}", " https://www.{{1}}", "http://shop.{{1}}"]
)
def test_url_that_is_only_a_variable_is_reported_on_the_variable(tmp_path: Path, url: str) -> None:
    button = {"type": "URL", "text": "Track", "url": url, "example": ["https://a.example/t/1"]}
    path, text = write(tmp_path, "t.json", meta(SHIPPED, samples=SHIPPED_SAMPLES, buttons=[button]))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL316")
    assert "where its domain should be" in d.message
    assert (d.line, d.column) == position(text, "{{1}}", nth=1)  # the body's {{1}} comes first
    assert d.end_column - d.column == 5


@pytest.mark.parametrize(
    "url", ["https://a.example/{{1}}", "https://a.example/t?id={{1}}", "https://a.example{{1}}"]
)
def test_url_variable_after_the_domain_is_fine(tmp_path: Path, url: str) -> None:
    button = {"type": "URL", "text": "Track", "url": url, "example": ["https://a.example/t/1"]}
    path, _ = write(tmp_path, "t.json", meta(SHIPPED, samples=SHIPPED_SAMPLES, buttons=[button]))
    assert not only(lint_file(path, config=FORMAT_ONLY), "TPL316")


# --- authentication templates, media headers, phone buttons (TPL333-TPL338) ---------------


def auth(*comps: dict, name: str = "login_code") -> dict:
    return {"name": name, "language": "en_US", "category": "AUTHENTICATION", "components": comps}


AUTH_BODY = {"type": "BODY", "add_security_recommendation": True}
COPY_CODE = {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]}


def test_auth_findings_point_at_the_offending_part(tmp_path: Path) -> None:
    body = {
        "type": "BODY",
        "text": "🔐 {{1}} is your code. Log in at https://acme.example/login.",
        "example": {"body_text": [["482913"]]},
    }
    one_tap = {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "ONE_TAP"}]}
    path, text = write(tmp_path, "t.json", auth(body, {"type": "FOOTER", "text": "Acme"}, one_tap))
    diags = lint_file(path, config=FORMAT_ONLY)
    emoji, link = only(diags, "TPL334")
    assert (emoji.line, emoji.column) == position(text, "\\ud83d")  # json.dumps escapes it
    assert "an emoji (🔐)" in emoji.message and emoji.component == "body"
    assert (link.line, link.column) == position(text, "https://acme")
    assert link.end_column == position(text, "/login.", shift=6)[1]  # not the full stop
    (button,) = only(diags, "TPL333")
    assert (button.line, button.column) == position(text, '"ONE_TAP"', shift=1)
    assert button.end_column - button.column == len("ONE_TAP")
    assert button.component == "buttons[0].otp_type"
    assert "supported_apps" in (button.fix or "")


def test_code_expiration_points_at_the_number_and_reads_its_limits(tmp_path: Path) -> None:
    footer = {"type": "FOOTER", "code_expiration_minutes": 120}
    path, text = write(tmp_path, "t.json", auth(AUTH_BODY, footer, COPY_CODE))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL336")
    assert d.message == "code_expiration_minutes is 120; Meta allows a whole number from 1 to 90"
    assert (d.line, d.column) == position(text, "120")
    assert d.end_column - d.column == 3
    assert d.component == "footer.code_expiration_minutes"
    looser = Config(select=("TPL3",), options={"TPL336": {"max": 180}})
    assert not only(lint_file(path, config=looser), "TPL336")


def test_code_expiration_in_a_jsonl_line_points_into_that_line(tmp_path: Path) -> None:
    good = auth(AUTH_BODY, {"type": "FOOTER", "code_expiration_minutes": 10}, COPY_CODE)
    bad = auth(AUTH_BODY, {"type": "FOOTER", "code_expiration_minutes": 0}, COPY_CODE, name="b")
    content = json.dumps(good) + "\n" + json.dumps(bad) + "\n"
    path, text = write(tmp_path, "t.jsonl", content)
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL336")
    assert d.template == "b"
    assert (d.line, d.column) == position(text, '"code_expiration_minutes": 0', shift=27)


def test_auth_rules_leave_meta_shapes_and_other_categories_alone(tmp_path: Path) -> None:
    read_back = auth(  # a template as Meta returns it (GET): the OTP button is a URL button
        {
            "type": "BODY",
            "text": "*{{1}}* is your verification code. For your security, do not share this code.",
            "example": {"body_text": [["123456"]]},
        },
        {"type": "FOOTER", "text": "This code expires in 10 minutes."},
        {
            "type": "BUTTONS",
            "buttons": [
                {
                    "type": "URL",
                    "text": "Copy code",
                    "url": "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}",
                    "example": ["https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp1"],
                }
            ],
        },
        name="read_back",
    )
    zero_tap = {
        "type": "OTP",
        "otp_type": "zero_tap",
        "package_name": "com.example.acme",
        "signature_hash": "K8a/AINcGX7",
        "zero_tap_terms_accepted": True,
    }
    legacy_app = auth(AUTH_BODY, {"type": "BUTTONS", "buttons": [zero_tap]}, name="zero_tap")
    promo = meta("Your order {{1}} has shipped 🚚 https://acme.example/t", samples=["#1"])
    write(tmp_path, "t.json", [read_back, legacy_app, promo])
    (tmp_path / "draft.txt").write_text(
        "# templint: category AUTHENTICATION\n{{1}} is your verification code.\n", encoding="utf-8"
    )
    result = lint_paths([str(tmp_path)], config=Config(select=("TPL333", "TPL334", "TPL335")))
    assert not result.errors
    assert result.diagnostics == []


@pytest.mark.parametrize(
    "buttons",
    [
        [{"type": "OTP", "otp_type": 5}],
        [{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": "com.x"}],
        [{"type": "OTP", "otp_type": "ONE_TAP", "supported_apps": [{"package_name": "com.x"}]}],
        [{"type": "OTP"}],
    ],
)
def test_malformed_otp_buttons_are_reported_not_crashed_on(tmp_path: Path, buttons: list) -> None:
    path, _ = write(tmp_path, "t.json", auth(AUTH_BODY, {"type": "BUTTONS", "buttons": buttons}))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL333")
    assert d.fix


def test_media_header_and_phone_number_spans(tmp_path: Path) -> None:
    tpl = meta(
        SHIPPED,
        samples=SHIPPED_SAMPLES,
        buttons=[{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "0044 20 7946 0000"}],
    )
    tpl["components"].insert(0, {"type": "HEADER", "format": "video", "example": {"x": 1}})
    path, text = write(tmp_path, "t.json", tpl)
    diags = lint_file(path, config=FORMAT_ONLY)
    (media,) = only(diags, "TPL337")
    assert media.message.startswith("VIDEO header has no sample file")
    assert (media.line, media.column) == position(text, '"video"', shift=1)
    (phone,) = only(diags, "TPL338")
    assert (phone.line, phone.column) == position(text, "0044")
    assert phone.fix == "Write + instead of 00: `+44 20 7946 0000`."
    assert phone.component == "buttons[0].phone_number"


def _auth(tmp_path: Path, text: str, language: str) -> Path:
    path = tmp_path / f"auth_{language}.json"
    template = {
        "name": "login_code",
        "language": language,
        "category": "AUTHENTICATION",
        "components": [
            {"type": "BODY", "text": text, "example": {"body_text": [["482913"]]}},
            {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]},
        ],
    }
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_english_authentication_body_must_be_metas_preset_wording(tmp_path: Path) -> None:
    only = Config(select=("TPL335",))
    custom = _auth(tmp_path, "Your Zeller code is {{1}}. Enter it in the app.", "en_US")
    assert [d.code for d in lint_file(str(custom), config=only)] == ["TPL335"]
    for text in (
        "{{1}} is your verification code.",
        "*{{1}}* is your verification code. For your security, do not share this code.",
    ):
        assert lint_file(str(_auth(tmp_path, text, "en_GB")), config=only) == []
    # no preset written down for Spanish: only the variables are checked there
    spanish = _auth(tmp_path, "Tu código es {{1}}. Úsalo para entrar.", "es")
    assert lint_file(str(spanish), config=only) == []
    # a project writes its own
    preset = {"presets": {"es": r"\{\{1\}\} es tu código de verificación\."}}
    own = Config(select=("TPL335",), options={"TPL335": preset})
    assert [d.code for d in lint_file(str(spanish), config=own)] == ["TPL335"]


def test_a_bad_preset_pattern_is_one_error_at_load(tmp_path: Path) -> None:
    from linter.config import ConfigError

    bad = Config(select=("TPL335",), options={"TPL335": {"presets": {"es": "(("}}})
    with pytest.raises((ConfigError, ValueError), match=r"presets\.es is not a valid pattern"):
        lint_file(str(_auth(tmp_path, "{{1}} es tu código.", "es")), config=bad)


def test_a_broken_variable_counts_for_sequence_position_and_samples(tmp_path: Path) -> None:
    """'{{2}' beside {{1}} {{3}} {{4}}: TPL320 said '{{2}} is missing' while TPL326 said '{{2}' is
    malformed, TPL330 counted 3 variables, and fixing the brace brought up TPL323, TPL325 and
    TPL320's order anew. The broken variable is read as the one it is meant to be."""
    body = "{{1}}, your order {{3}} {{4}} is ready for pickup at {{2}"
    path, text = write(tmp_path, "t.json", meta(body, samples=["Priya", "Main St"]))
    diags = lint_file(path, config=FORMAT_ONLY)
    (seq,) = only(diags, "TPL320")
    assert "missing" not in seq.message
    assert "{{3}} comes before {{2}} (written `{{2}`)" in seq.message
    assert [d.message.split(": ", 2)[-1] for d in only(diags, "TPL330")] == [
        "2 samples for 4 variables",
        "2 samples for 4 variables",
    ]
    edges = only(diags, "TPL323")
    assert "ends with the variable {{2}} (written `{{2}`)" in edges[-1].message
    assert (edges[-1].line, edges[-1].column) == position(text, "{{2}")
    assert only(diags, "TPL326")
    # the brace fixed: the same findings, no new ones
    fixed_path, _ = write(tmp_path, "u.json", meta(body + "}", samples=["Priya", "Main St"]))
    codes = sorted(d.code for d in diags if d.code != "TPL326")
    assert sorted(d.code for d in lint_file(fixed_path, config=FORMAT_ONLY)) == codes


def test_foreign_variable_never_suggests_a_number_in_use(tmp_path: Path) -> None:
    """With the variables out of order TPL327 said '$Name … written like {{4}}' beside a {{4}}."""
    body = "{{1}}, your order {{3}} {{4}} is ready for $Name pickup at {{2}}."
    path, _ = write(tmp_path, "t.json", meta(body))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL327")
    assert d.message.endswith("(Meta's variables are written like {{5}})")
    path, _ = write(tmp_path, "u.txt", "Hi {{1}}, $Name and %city% ship {{3}}, {{2}} today.\n")
    assert [d.message[-6:-1] for d in only(lint_file(path, config=FORMAT_ONLY), "TPL327")] == [
        "{{4}}",
        "{{5}}",
    ]


def test_sample_format_names_the_variable_and_quotes_the_sample(tmp_path: Path) -> None:
    """TPL332 said 'Sample body.example[2] has a line break', in the API's notation."""
    path, _ = write(tmp_path, "t.json", meta(SHIPPED, samples=["Maria", "Main St\nStore 4", "x"]))
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL332")
    assert d.message.startswith("The sample for {{2}} ('Main St↵Store 4') has a line break;")
    assert "\n" not in d.message and "example[" not in d.message


@pytest.mark.parametrize(
    ("language", "english"), [("en_US", True), ("pt_BR", False), ("es", False)]
)
def test_variable_at_start_advice_is_not_english_for_other_languages(
    tmp_path: Path, language: str, english: bool
) -> None:
    """TPL323 suggested 'e.g. "Hi {{1}}, …"' for pt_BR, es and id templates alike."""
    tpl = dict(
        meta("{{1}}, seu pedido {{2}} foi enviado.", samples=["Ana", "#1"]), language=language
    )
    path, _ = write(tmp_path, "t.json", tpl)
    (d,) = only(lint_file(path, config=FORMAT_ONLY), "TPL323")
    assert ('"Hi {{1}}, …"' in d.fix) is english
    assert d.fix.startswith("Put words before {{1}}")


def test_an_undeclared_english_authentication_text_is_compared_with_the_preset() -> None:
    """A text draft declares no language: TPL335 compared nothing, and custom English text
    after the preset passed, as did a footer line that went on after the expiry warning."""
    from linter.api import lint_text

    only = Config(select=("TPL335",))

    def codes(text: str, config: Config = only) -> list[str]:
        return [d.code for d in lint_text(text, category="AUTHENTICATION", config=config)]

    for text in (
        "{{1}} is your verification code. Please share this code with our support agent.",
        "{{1}} is your verification code. Enter it together with your PIN on the next screen.",
        "{{1}} is your verification code.\n\nThis code expires in 10 minutes. Download our app.",
    ):
        assert codes(text) == ["TPL335"], text
    for text in (
        "{{1}} is your verification code.",
        "{{1}} is your verification code. For your security, do not share this code.\n\n"
        "This code expires in 5 minutes.",
        "Votre code de vérification est {{1}}. Communiquez-le à notre conseiller.",
        "{{1}} es tu código de verificación. Por tu seguridad, no lo compartas.",
        "Il tuo codice di verifica è {{1}}. Per motivi di sicurezza, non condividerlo.",
    ):
        assert codes(text) == [], text
    # a declared default language wins over the words
    spanish = Config(select=("TPL335",), default_language="es")
    assert codes("{{1}} is your verification code. Thanks for shopping!", spanish) == []


def test_an_authentication_footer_must_be_the_expiry_warning(tmp_path: Path) -> None:
    only = Config(select=("TPL335",))
    footer = {"type": "FOOTER", "text": "Download our app for faster checkout."}
    path, _ = write(tmp_path, "t.json", auth(AUTH_BODY, footer, COPY_CODE))
    (hit,) = lint_file(str(path), config=only)
    assert hit.code == "TPL335" and "footer" in hit.message
    expiry = {"type": "FOOTER", "text": "This code expires in 10 minutes."}
    path, _ = write(tmp_path, "u.json", auth(AUTH_BODY, expiry, COPY_CODE))
    assert lint_file(str(path), config=only) == []
