"""Link rules (TPL11x): what counts as a link, where it is, and what each rule says about it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linter.api import lint_file, lint_text
from linter.config import Config, load_config
from linter.kinds.domain import DATA_DIR, parse_domain_list

ROOT = Path(__file__).resolve().parent.parent
LINKS = Config(select=("TPL11",))


def found(text: str, config: Config = LINKS) -> list[tuple[str, str]]:
    """(code, the exact text the diagnostic spans) for a one-line template."""
    assert "\n" not in text
    return [(d.code, text[d.column - 1 : d.end_column - 1]) for d in lint_text(text, config=config)]


def test_shortener_span_and_message_name_the_domain() -> None:
    text = "Hi {{1}}, your order has shipped. Track it here: https://bit.ly/3xYzAbC."
    diags = lint_text(text, config=LINKS)
    assert [d.code for d in diags] == ["TPL111"]
    d = diags[0]
    assert text[d.column - 1 : d.end_column - 1] == "https://bit.ly/3xYzAbC"
    assert "bit.ly" in d.message
    assert d.severity == "error"
    assert "own domain" in d.fix


def test_a_shortener_is_reported_once_whatever_its_scheme() -> None:
    # TPL112/TPL114 on a shortener repeated the finding, and their unsafe fix wrote
    # "https://cutt.ly/…", which fixes nothing: the shortener must go.
    for text in (
        "Pay your bill at cutt.ly/pay-{{1}}, thanks",
        "Pay at http://cutt.ly/pay-{{1}} ok",
    ):
        assert [code for code, _ in found(text)] == ["TPL111"]
    assert [code for code, _ in found("Pay your bill at www.shop.in/pay-{{1}}, thanks")] == [
        "TPL112"
    ]


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("Open https://myshop.page.link/inv now", "page.link"),  # leading-dot entry: subdomains
        ("See https://WWW.TinyURL.com/abc", "tinyurl.com"),  # case and www. do not matter
        ("Watch youtu.be/dQw4w9WgXcQ before your visit", "youtu.be"),
        ("Details: https://x.hypem.com/t", "x.hypem.com"),  # a host-level entry
    ],
)
def test_shortener_matching(text: str, domain: str) -> None:
    diags = [d for d in lint_text(text, config=LINKS) if d.code == "TPL111"]
    assert len(diags) == 1 and domain in diags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Questions? Write to support@bit.ly or reply here.",  # an e-mail address is no link
        "Write to john.doe@tinyurl.com if the link does not open.",
        "Your receipt: https://hypem.com/r/{{1}}",  # x.hypem.com is listed, hypem.com is not
        "Read the paper at https://doi.org/10.1000/182",  # doi.org: dropped from the list
        "Track it at https://shop.example.in/track/{{1}}?src=wa&id={{2}}",
    ],
)
def test_not_a_shortened_link(text: str) -> None:
    assert "TPL111" not in [code for code, _ in found(text)]


def test_domain_list_is_big_enough_and_keeps_its_notice() -> None:
    text = (DATA_DIR / "url_shorteners.txt").read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in text
    exact, suffixes = parse_domain_list(text)
    assert len(exact) + len(suffixes) >= 100
    for must in ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly"):
        assert must in exact
    assert "page.link" in suffixes
    assert "doi.org" not in exact


def test_no_scheme_fix_uses_the_written_link() -> None:
    text = "Hi {{1}}, track your parcel at example.com/track/{{2}}."
    (d,) = lint_text(text, config=LINKS)
    assert (d.code, d.severity) == ("TPL112", "warning")
    assert text[d.column - 1 : d.end_column - 1] == "example.com/track/{{2}}"
    assert d.fix == "Write it in full: https://example.com/track/{{2}}"
    (d,) = lint_text("Visit www.shop.in to see your orders.", config=LINKS)
    assert d.fix == "Write it in full: https://www.shop.in"


@pytest.mark.parametrize(
    "text",
    [
        "Your invoice.pdf is attached. Mail help@shop.in with questions.",
        "Delivered at 5.30pm by Speedy Pvt.Ltd, signed by Mr.Sharma.",
        "Bring your ID, e.g. a passport, i.e. anything with a photo. Rs.500 due.",
        "Thank you for booking with Booking.com. Check-in is at 2 pm.",
        "Update the app to version 10.2.0.1 to keep getting updates.",
        "Built with Node.js and served from https://api.example.com/v1",
    ],
)
def test_not_a_link_without_scheme(text: str) -> None:
    assert "TPL112" not in [code for code, _ in found(text)]


def test_ip_address_links_are_errors() -> None:
    assert found("Your bill is due. Pay now: http://192.168.1.10/pay") == [
        ("TPL113", "http://192.168.1.10/pay")
    ]
    assert found("Log in at 203.0.113.7:8080/login to see it.") == [
        ("TPL113", "203.0.113.7:8080/login")
    ]
    assert found("Open https://[2001:db8::1]/kyc today") == [
        ("TPL113", "https://[2001:db8::1]/kyc")
    ]
    (d,) = lint_text("Pay at http://10.0.0.5/pay", config=LINKS)
    assert d.severity == "error"


def test_http_link_fix_is_the_https_url() -> None:
    text = "Your receipt is ready at http://pay.example.com/r/{{1}}."
    (d,) = lint_text(text, config=LINKS)
    assert d.code == "TPL114"
    assert text[d.column - 1 : d.end_column - 1] == "http://pay.example.com/r/{{1}}"
    assert d.fix == "Use https://pay.example.com/r/{{1}}"


def test_trailing_punctuation_and_formatting_are_not_part_of_a_link() -> None:
    assert found("Pay here: *http://shop.in/p*!") == [("TPL114", "http://shop.in/p")]
    assert found("(see http://en.example.org/wiki/Foo_(bar)) ok") == [
        ("TPL114", "http://en.example.org/wiki/Foo_(bar)")
    ]
    assert found("Track “http://shop.in/x”, thanks") == [("TPL114", "http://shop.in/x")]


def test_url_button_and_its_sample_are_checked(tmp_path: Path) -> None:
    tpl = {
        "name": "order_shipped",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "BODY", "text": "Your order {{1}} is on its way.",
             "example": {"body_text": [["#4521"]]}},
            {"type": "BUTTONS", "buttons": [
                {"type": "URL", "text": "Track", "url": "https://rb.gy/{{1}}",
                 "example": ["https://rb.gy/x1y2"]},
            ]},
        ],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tpl), encoding="utf-8")
    diags = lint_file(str(path), config=LINKS)
    assert {(d.code, d.component) for d in diags} == {
        ("TPL111", "buttons[0].url"),
        ("TPL111", "buttons[0].example[1]"),
    }


def test_team_extends_the_domain_list_through_config(tmp_path: Path) -> None:
    (tmp_path / "ours.txt").write_text("# our old shortener\nsh.example.in\n", encoding="utf-8")
    (tmp_path / "templint.toml").write_text(
        textwrap.dedent(
            """
            select = ["TPL111"]
            [rules.TPL111]
            domains = ["url_shorteners.txt", "ours.txt"]
            extra-domains = [".go.example.com"]
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "t.txt").write_text(
        "Track at https://sh.example.in/abc or https://eu.go.example.com/x or bit.ly/q\n",
        encoding="utf-8",
    )
    cfg = load_config(tmp_path / "templint.toml")
    diags = lint_file(str(tmp_path / "t.txt"), config=cfg)
    assert [d.message.split("(")[1].split(")")[0] for d in diags] == [
        "sh.example.in",
        "go.example.com",
        "bit.ly",
    ]


def test_links_off_the_teams_own_domains_are_reported(tmp_path: Path) -> None:
    (tmp_path / "templint.toml").write_text(
        textwrap.dedent(
            """
            select = ["TPL115"]
            [rules.TPL115]
            own-domains = ["https://www.Example.in/", "example-bank.com"]
            """
        ),
        encoding="utf-8",
    )
    text = (
        "Track https://shop.example.in/t/{{1}} or https://partner-courier.com/t/{{1}}; "
        "statement at www.example-bank.com/s, help at https://wa.me/9198 or Booking.com, "
        "look-alike https://example.in.evil.io/x, mail help@other.org"
    )
    cfg = load_config(tmp_path / "templint.toml")
    diags = lint_text(text, config=cfg)
    assert [text[d.column - 1 : d.end_column - 1] for d in diags] == [
        "https://partner-courier.com/t/{{1}}",
        "https://example.in.evil.io/x",
    ]
    assert diags[0].message == (
        "Link to partner-courier.com, which is not one of your domains "
        "(example-bank.com, example.in)"
    )
    assert "add partner-courier.com to own-domains" in (diags[0].fix or "")
    # no own domains named: the rule cannot know what is foreign, and says nothing
    assert lint_text(text, config=Config(select=("TPL115",))) == []


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=str(ROOT),
        timeout=120,
    )


_IMPORT_PROBE = """
    import sys
    from linter.api import lint_text
    from linter.config import Config
    cfg = Config(select=("TPL0", "TPL1", "TPL2"))
    lint_text({text!r}, config=cfg)
    print("tldextract" in sys.modules)
"""


def test_link_free_template_does_not_import_tldextract() -> None:
    clean = "Hi {{1}}, your order {{2}} has shipped. It arrives by {{3}}. Thanks, Pvt.Ltd."
    result = _run(_IMPORT_PROBE.format(text=clean))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    # and the probe can tell: a template with a link does import it
    result = _run(_IMPORT_PROBE.format(text="Track it at https://bit.ly/x"))
    assert result.stdout.strip() == "True", result.stderr


def test_tldextract_never_touches_the_network_or_the_home_directory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = """
        import socket

        def refuse(*args, **kwargs):
            raise AssertionError("network access attempted")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from linter.api import lint_text
        from linter.config import Config
        diags = lint_text(
            "Pay at https://bit.ly/x or www.shop.co.uk/pay", config=Config(select=("TPL11",))
        )
        print(sorted(d.code for d in diags))
    """
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("TLDEXTRACT_CACHE", None)
    result = _run(code, {**env, "TLDEXTRACT_CACHE": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['TPL111', 'TPL112']"
    assert list(home.iterdir()) == []
