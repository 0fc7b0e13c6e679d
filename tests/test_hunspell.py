"""Spanish and Brazilian Portuguese spelling: the Hunspell reader, and TPL201 with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.api import lint_text
from linter.cli import main
from linter.config import Config
from linter.kinds.hunspell import HUNSPELL_DIR, HunspellDictionary, write_stems

SPELLING = Config(select=("TPL2",))

# A dictionary with each feature the reader follows. What Hunspell 1.7.1 answers for each word
# (`hunspell -d t -a`) is the expectation, except where noted.
AFF = """SET UTF-8
FLAG long
FORBIDDENWORD Fb
NEEDAFFIX Na
MAP 1
MAP eé

PFX Re Y 1
PFX Re 0 re .

SFX Ed Y 2
SFX Ed 0 ed [^y]
SFX Ed y ied y

SFX Er Y 1
SFX Er 0 er/S1 .

SFX S1 Y 1
SFX S1 0 s .

SFX No N 1
SFX No 0 ness .
"""
DIC = "6\nwork/ReEdEr\ncarry/Ed\nwalk/NoRe\nkind/NaNo\nworkable/Fb\nParis\n"


@pytest.fixture
def tiny(tmp_path: Path) -> HunspellDictionary:
    (tmp_path / "t.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "t.dic").write_text(DIC, encoding="utf-8")
    assert write_stems(tmp_path / "t.dic", tmp_path / "t.stems") == 6
    return HunspellDictionary.load("t", folder=tmp_path)


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("work", True),
        ("worked", True),  # a suffix
        ("rework", True),  # a prefix
        ("reworked", True),  # both: each allows cross products
        ("worker", True),
        ("workers", True),  # two suffixes: "er" names "s" as its continuation
        ("workerss", False),
        ("carried", True),  # strip y, add ied, where the condition holds
        ("carryed", False),  # "ed" only after a letter that is not y
        ("walkness", True),
        ("rewalk", True),
        ("rewalkness", False),  # "ness" allows no cross product
        ("recarried", False),  # carry has no prefix flag
        ("kind", False),  # NEEDAFFIX: only with an affix
        ("kindness", True),
        ("workable", False),  # FORBIDDENWORD
        ("Paris", True),
        ("paris", True),  # templint only: lint hands over lower case, a name may start a sentence
    ],
)
def test_the_reader_follows_the_affix_rules(
    tiny: HunspellDictionary, word: str, known: bool
) -> None:
    assert tiny.known(word) is known


def test_a_prefix_a_suffix_allows_and_input_conversion(tmp_path: Path) -> None:
    """French elision: "l'" is a prefix that the noun's (empty) singular suffix permits, and
    ICONV reads a typographic apostrophe as the file's own. Hunspell 1.7.1 agrees on each."""
    aff = "SET UTF-8\nFLAG long\nWORDCHARS '’\nICONV 1\nICONV ’ '\n\n"
    aff += "PFX El Y 1\nPFX El 0 l' .\n\nSFX Sg Y 1\nSFX Sg 0 0/El .\n"
    (tmp_path / "t.aff").write_text(aff, encoding="utf-8")
    (tmp_path / "t.dic").write_text("2\nadresse/Sg\nwalk\n", encoding="utf-8")
    d = HunspellDictionary.load("t", folder=tmp_path)  # no .stems: the .dic, in memory
    assert d.known("l'adresse") and d.known("l’adresse") and d.known("adresse")
    assert not d.known("l'walk")


def test_fullstrip_lets_an_affix_replace_the_whole_word(tmp_path: Path) -> None:
    """FULLSTRIP (French): "est" is the stem 'être' whose suffix strips all of it, and "c'est"
    that form with the prefix its continuation class allows. Without FULLSTRIP a letter of the
    root must stay, and neither is a word (Hunspell 1.7 agrees: the French file's "est", "sont",
    "va", "c'est" were all reported)."""
    aff = "SET UTF-8\nFLAG long\nNEEDAFFIX ()\n\nPFX c' Y 1\nPFX c' 0 c' .\n\n"
    aff += "SFX zE Y 2\nSFX zE être est/c' être\nSFX zE être sont/c' être\n"
    (tmp_path / "t.dic").write_text("1\nêtre/zE()\n", encoding="utf-8")
    (tmp_path / "t.aff").write_text(aff, encoding="utf-8")
    without = HunspellDictionary.load("t", folder=tmp_path)
    assert not without.known("est") and not without.known("c'est")
    (tmp_path / "t.aff").write_text(aff.replace("NEEDAFFIX", "FULLSTRIP\nNEEDAFFIX"), "utf-8")
    d = HunspellDictionary.load("t", folder=tmp_path)
    assert d.known("est") and d.known("sont") and d.known("c'est")
    assert not d.known("être") and not d.known("c'être") and not d.known("c'sont-")


def test_a_missing_accent_is_suggested_first(tiny: HunspellDictionary) -> None:
    assert tiny.suggest("wérk") == ["work"]


@pytest.fixture(scope="module")
def pt() -> HunspellDictionary:
    return HunspellDictionary.load("pt_BR")


@pytest.fixture(scope="module")
def es() -> HunspellDictionary:
    return HunspellDictionary.load("es_ES")


def test_portuguese_words_in_their_forms(pt: HunspellDictionary) -> None:
    words = "você informações enviamos recebemos acompanhe compartilhe estornado boleto acesse"
    assert all(pt.known(w) for w in words.split())
    assert pt.known("enviá-lo") and pt.known("reagendá-la")  # a pronoun after a hyphen
    assert not any(pt.known(w) for w in ("voce", "informacoes", "entrgue", "recebmos"))


def test_spanish_words_with_their_pronouns(es: HunspellDictionary) -> None:
    words = "días llegará recibimos compartas celular computadora envío recibirás"
    assert all(es.known(w) for w in words.split())
    # a verb with its pronouns, the accent moved to keep the stress (Hunspell rejects some)
    for word in ("cancélala", "escríbenos", "envíaselo", "enviándole", "cancelarla", "dímelo"):
        assert es.known(word), word
    # the accent missing, or where the pronouns cannot put it
    for word in ("cancelala", "conóselas", "califícasos", "pedidola", "dias"):
        assert not es.known(word), word


def test_verbs_the_dictionary_lacks_are_known_in_every_form(es: HunspellDictionary) -> None:
    """RLA-ES has no 'debitar' (DLE: to debit an account): 'se debitará de tu cuenta' was
    reported as a slip of 'debutará'. It is read as 'acreditar' is, in all its forms."""
    words = "debitar debitará debitaría debitaremos debitó debitado debitamos debitándole"
    for word in [*words.split(), "refinanciará", "bancarizar"]:
        assert es.known(word), word
    for word in ("acreditará", "domiciliará", "reembolsaría", "transferirá"):
        assert es.known(word), word
    assert not es.known("debitára") and not es.known("debitarás-")
    assert not lint_text(
        "Hola {{1}}, el premio de tu póliza para el nuevo período es de {{2}} por mes y se "
        "debitará de tu cuenta como siempre.",
        language="es_AR",
        config=SPELLING,
    )


def test_adjectives_in_rio_the_dictionary_lacks_are_known(es: HunspellDictionary) -> None:
    """RLA-ES has the noun 'moratoria' but not the adjective 'moratorio' (DLE: moratorio, -ria),
    and no 'tarifario' at all: "cargos moratorios" (es_MX) and "el cuadro tarifario" (es_AR)
    were reported as slips of 'moratorias' and 'tarifarlo'."""
    for stem in ("moratori", "tarifari"):
        for ending in ("o", "a", "os", "as"):
            assert es.known(stem + ending), stem + ending
    assert not es.known("moratorioa") and not es.known("tarifarias-")
    for text, language in (
        (
            "Hola {{1}}, tu pago vence hoy. Evita cargos moratorios pagando antes de las 18:00.",
            "es_MX",
        ),
        (
            "Hola {{1}}, desde el 1 de marzo cambian las tarifas. Consultá el cuadro tarifario "
            "completo en nuestra web.",
            "es_AR",
        ),
    ):
        assert not lint_text(text, language=language, config=SPELLING), text


def test_adverbs_in_mente_are_made_from_known_adjectives(es: HunspellDictionary) -> None:
    """RLA-ES lists its -mente adverbs one by one and lacks many ('previsiblemente' in a
    shipping update was reported as a misspelling): any adjective's feminine takes -mente."""
    for word in (
        "previsiblemente",
        "imprevisiblemente",
        "estimadamente",
        "considerablemente",
        "puntualmente",
        "inexactamente",
    ):
        assert es.known(word), word
    # not from a masculine, nor from a verb form in -a beside an accented adjective (the
    # missing accent of 'prácticamente', 'rápidamente' is still a finding)
    for word in ("rápidomente", "practicamente", "rapidamente", "facilmente", "comunmente"):
        assert not es.known(word), word
    assert not lint_text(
        "Hola {{1}}, tu pedido {{2}} ha salido de nuestro almacén. Llegará previsiblemente el "
        "{{3}}.",
        language="es_ES",
        config=SPELLING,
    )


@pytest.mark.parametrize(
    ("lang", "typo", "best"),
    [
        ("pt", "voce", "você"),
        ("pt", "informacoes", "informações"),
        ("pt", "entrgue", "entregue"),
        ("pt", "pedidio", "pedido"),
        ("pt", "agendameto", "agendamento"),  # before the "agenda meto" of the REP table
        ("es", "dias", "días"),
        ("es", "envio", "envío"),  # the noun before the past tense "envió"
        ("es", "numero", "número"),
        ("es", "informacion", "información"),
        ("es", "grasias", "gracias"),
    ],
)
def test_suggestions(
    lang: str, typo: str, best: str, pt: HunspellDictionary, es: HunspellDictionary
) -> None:
    assert (pt if lang == "pt" else es).suggest(typo)[0] == best


def test_stems_files_are_in_byte_order_for_the_binary_search() -> None:
    for path in HUNSPELL_DIR.glob("*.stems"):
        lines = [line.split(b"\t") for line in path.read_bytes().splitlines()]
        keys = [key for key, _ in lines]
        assert keys == sorted(set(keys)), path.name  # sorted, homonyms merged
        assert all(len(set(f.split(b" "))) == len(f.split(b" ")) for _, f in lines), path.name
        assert (HUNSPELL_DIR / f"{path.stem}.aff").is_file()


def _tpl(language: str, text: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in lint_text(text, language=language, config=SPELLING)]


def test_tpl201_checks_spanish_and_brazilian_templates_with_their_dictionaries() -> None:
    text = "Olá {{1}}, seu pedido foi enviado e voce pode acompanhar a entrega pelo link."
    assert _tpl("pt_BR", text) == [
        ("TPL201", "Possible misspelling 'voce' (pt_BR); did you mean 'você'?")
    ]
    text = "Hola {{1}}, tu pedido fue enviado y llegará en 3 dias. Gracias por tu compra."
    for language in ("es", "es_MX", "es_AR"):
        assert _tpl(language, text) == [
            ("TPL201", "Possible misspelling 'dias' (es_ES); did you mean 'días'?")
        ]
    # each Portuguese with its own spelling
    european = "Olá {{1}}, a sua encomenda chega amanhã; receção das 9h às 18h."
    assert _tpl("pt_PT", european) == []
    assert _tpl("pt_BR", european) == [
        ("TPL201", "Possible misspelling 'receção' (pt_BR); did you mean 'recepção'?")
    ]
    # no dictionary: not checked rather than checked as English
    assert _tpl("id", "Pesanan Anda sudah dikirm dan akan tiba besok.") == []
    # English loanwords of Brazilian and Latin American templates are known
    assert _tpl("pt_BR", "Acesse o app, faça login e envie seu feedback pelo link online.") == []
    # an English text declared pt_BR is TPL340's to report, not a misspelling per word
    assert _tpl("pt_BR", "Your order has shipped and will arrive tomorrow morning.") == []
    # names in mid-sentence are still names
    assert _tpl("es", "Hola {{1}}, Valentina de Tiendas Rocío confirmó tu cita.") == []


def test_unsafe_fix_writes_the_accent(tmp_path: Path) -> None:
    draft = tmp_path / "pedido.txt"
    draft.write_text(
        "# templint: language pt_BR\nSeu pedido {{1}} foi enviado e voce recebe amanhã.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(
        main, ["lint", "--isolated", "--select", "TPL201", "--fix", "--unsafe-fixes", str(draft)]
    )
    assert res.exit_code == 0, res.output
    assert "e você recebe amanhã" in draft.read_text(encoding="utf-8")


def test_a_team_limits_the_languages_or_names_a_missing_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # lint reads the templint.toml nearest the working directory
    (tmp_path / "t.json").write_text(
        json.dumps(
            {
                "name": "t",
                "language": "es",
                "category": "UTILITY",
                "components": [{"type": "BODY", "text": "Tu pedido llega en 3 dias."}],
            }
        ),
        encoding="utf-8",
    )

    def lint(toml: str) -> tuple[int, str]:
        (tmp_path / "templint.toml").write_text(toml, encoding="utf-8")
        res = CliRunner().invoke(
            main, ["lint", "--select", "TPL201", "--format", "concise", str(tmp_path / "t.json")]
        )
        return res.exit_code, res.output

    code, out = lint("")
    assert "TPL201" in out and "'dias' (es_ES)" in out
    code, out = lint('[rules.TPL201]\nlanguages = ["en"]\n')
    assert code == 0 and "TPL201" not in out
    code, out = lint('[rules.TPL201]\ndictionaries = { es = "es_CL" }\n')
    assert code == 2
    assert out.startswith(f"templint: {tmp_path / 'templint.toml'}: [rules.TPL201]: ")
    assert "no dictionary 'es_CL' (shipped: english, es_ES, fr_FR, pt_BR, pt_PT; or a path" in out
    assert len(out.strip().splitlines()) == 1


def test_a_teams_own_hunspell_dictionary_beside_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any Hunspell dictionary a team has (LibreOffice's French, say) checks its language: the
    config names NAME for NAME.aff and NAME.dic, in the affix file's own encoding."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dicts").mkdir()
    aff = "SET ISO8859-1\nTRY esianrtolcdugmphbyfvkwz\nMAP 1\nMAP eé\n\nSFX S Y 1\nSFX S 0 s .\n"
    (tmp_path / "dicts" / "fr_test.aff").write_bytes(aff.encode("latin-1"))
    (tmp_path / "dicts" / "fr_test.dic").write_bytes(
        "3\ncommande/S\nlivrée\nvotre\n".encode("latin-1")
    )
    (tmp_path / "templint.toml").write_text(
        '[rules.TPL201]\ndictionaries = { en = "english", fr = "dicts/fr_test" }\n',
        encoding="utf-8",
    )
    (tmp_path / "t.txt").write_text("# templint: language fr\nVotre commandes livree.\n")
    res = CliRunner().invoke(main, ["lint", "--select", "TPL201", "--format", "json", "t.txt"])
    found = json.loads(res.stdout)
    assert [(f["message"], f["edit"]["content"]) for f in found] == [
        ("Possible misspelling 'livree' (fr_test); did you mean 'livrée'?", "livrée")
    ]


def test_loanwords_zero_accepts_no_english_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.txt").write_text("# templint: language pt_BR\nEnvie seu feedback pelo link.\n")

    def lint(toml: str) -> list[str]:
        (tmp_path / "templint.toml").write_text(toml, encoding="utf-8")
        res = CliRunner().invoke(main, ["lint", "--select", "TPL201", "--format", "json", "t.txt"])
        return [f["message"].split("'")[1] for f in json.loads(res.stdout)]

    assert lint("") == []
    assert lint("[rules.TPL201]\nloanwords = 0\n") == ["feedback"]  # "link" is Portuguese too


def test_decomposed_accents_are_part_of_their_word(tmp_path: Path) -> None:
    # Text pasted from a Mac is often NFD: "aqui" + U+0301. Split at the accent, "aqui" and
    # "informacio" were reported, and --unsafe-fixes wrote a second accent ("aquí́").
    import unicodedata

    clean = "Hola {{1}}, aquí tienes la información de tu pedido {{2}}. Gracias por tu compra."
    assert lint_text(unicodedata.normalize("NFD", clean), language="es") == []
    typo = unicodedata.normalize("NFD", clean.replace("información", "informacion"))
    found = lint_text(typo, language="es")
    assert [(d.code, d.column) for d in found] == [("TPL201", 29)]
    draft = tmp_path / "nfd.txt"
    draft.write_text("# templint: language es\n" + typo + "\n", encoding="utf-8")
    CliRunner().invoke(main, ["lint", "--isolated", "--fix", "--unsafe-fixes", str(draft)])
    fixed = draft.read_text(encoding="utf-8").splitlines()[1]
    assert unicodedata.normalize("NFC", fixed) == clean


def test_voseo_forms_are_known_in_the_languages_that_use_them() -> None:
    # Argentina's and Uruguay's "vos": present and imperative made from the infinitive, with a
    # pronoun the imperative without its accent (llamanos), with two with it (decímelo)
    es = HunspellDictionary.load("es_ES")
    for word in (
        "podés",
        "tenés",
        "querés",
        "sabés",
        "pagás",
        "escribís",
        "hacé",
        "mirá",
        "ingresá",
        "descargá",
        "viví",
        "llamanos",
        "escribinos",
        "decime",
        "decímelo",
        "sos",
    ):
        assert es.voseo(word), word
    for word in ("facturra", "pedidoss", "cancelá-", "xyzás", "llamanoz"):
        assert not es.voseo(word), word
    assert not HunspellDictionary.load("pt_BR").voseo("podés")
    text = "Podés descargarla desde la app. Si tenés dudas, llamanos o escribinos."
    for lang in ("es_AR", "es_UY", "es"):
        assert lint_text(text, language=lang, config=SPELLING) == [], lang
    # es_MX does not use it: "Podés" is still read as a misspelling there
    assert [d.code for d in lint_text(text, language="es_MX", config=SPELLING)] == ["TPL201"]
    # a real typo in es_AR is still found
    found = lint_text("Descargá la facturra desde la app.", language="es_AR", config=SPELLING)
    assert [d.code for d in found] == ["TPL201"]
