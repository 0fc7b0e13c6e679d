"""What the model's category may be, given the text: a constraint from Meta's definitions.

Meta's AUTHENTICATION category is for one-time codes only; a template with no code in it
cannot be one, however much it talks about passwords and sign-ins ("Your password was
changed", "New sign-in from a new Mac"). Those are security notices, which Meta files as
UTILITY. The model learns the wording of codes' messages, so without this a code-less security
notice reads as AUTHENTICATION; with it, the category is the likelier of the other two.

A code is a placeholder beside a word for a code (a draft's code is a variable: "{{1}} is your
verification code", "Tu clave dinámica es {{1}}"), 4–8 digits standing alone
(``482913``, ``482-913``, ``482 913``; not a phone number, time, amount or date), or a run of
capitals mixed with digits (``A7X9K2``). Every authentication row of the corpus has one. A
year or a card's last four digits count too: the constraint only takes AUTHENTICATION away
where nothing could be a code, so when in doubt the model decides.

A code the text names as something else is no one-time code either: a QR or bar code, Brazil's
Pix payment code, a pickup, tracking, booking or delivery code or a PNR ("Kode booking Anda
adalah {{2}}", "Tu código de retiro es {{1}}", "use o código Pix abaixo para pagar a fatura
{{2}}", "Código de barras: {{1}}", "Your drop-off code is {{3}}. Show this code to the driver",
India's LPG "DAC code" told to the delivery staff). The model learnt "código" from one-time
codes' messages, so these read as AUTHENTICATION (0.51-0.97). When every mention of a code in
the text is such a named one (or refers back to one: "Tunjukkan kode ini
saat boarding") and nothing speaks of verifying, signing in,
a password or keeping the code secret, AUTHENTICATION is taken away too ("don't share it" of a
delivery code speaks of the handover to the courier, not of a secret to sign in with).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from linter.classifier.features import PLACEHOLDER

AUTHENTICATION = "authentication"

_CODE = re.compile(
    # digits not in a word nor in an amount, a time, a date or a phone number (12.50, 09:15,
    # 03/12, 1800 123 456)
    r"(?<![\w+])(?<!\d[.,/: -])(?:\d{4,8}|\d{3,4}[ -]\d{3,4})(?!\w)(?![.,/: -]\d)"
    + r"|\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,10}\b"
)


# A placeholder is a code only beside a word for one: every template has placeholders, and a
# security notice's ("A new password was set for your account {{1}} on {{2}}") are a name and
# a date. '\w*code' takes compounds (passcode, Bestätigungscode, OTP-Code); 'clave' is
# Spanish banking's "clave dinámica", 'pin', 'tan' and 'token' other banks' words.
_CODE_NAMED = re.compile(
    r"(?<!\w)(?:\w*(?:code|c[oó]digo|codice|kode)s?|c[oó]digos|codici|otp|pins?|tan|tokens?|"
    r"one[\s-]time|clave|कोड|ओटीपी|رمز)(?!\w)"
    # or a placeholder handed over to be used: "Use {{1}} to unlock …", "Usa {{1}} para verificar"
    r"|(?<!\w)(?:use|usa|utiliza|utilize|utilisez|utilizza|gunakan|enter|ingresa|digite|insira)"
    r"\s+\{\{\s*\w+\s*\}\}\s+(?:to|para|pour|per|untuk)(?!\w)",
    re.IGNORECASE,
)
# A word for "code" (Spanish, Portuguese, English, French, Italian, Indonesian, Hindi) ...
_CODE_WORD = re.compile(
    r"(?<!\w)(?:c[oó]digos?|codes?|codice|codici|kode|कोड)(?!\w)", re.IGNORECASE
)
# A code told to the courier at the door: "your drop-off code is {{3}}", India's LPG "DAC code"
# (delivery authentication code), "código de entrega"
_DELIVERY = (
    r"(?<!\w)(?:delivery|drop[\s-]?off|dac)[\s-]?codes?(?!\w)|(?<!\w)c[oó]digo\s+de\s+entrega(?!\w)"
)
# ... named as a code that is not a one-time code (a word for "code" above)
_NAMED_CODE = re.compile(
    r"(?<!\w)(?:c[oó]digos?|codes?|codice|codici|kode)\s+(?:"
    r"qr|pix|de\s+barras|a\s+barre|postal|"
    r"(?:de|da|do|del|de\s+la|de\s+su|de\s+tu|de\s+seu|de\s+sua)\s+(?:retiro|retirada|recogida|"
    r"recolecci[oó]n|rastreo|rastreio|rastreamento|seguimiento|reserva|pedido|env[ií]o|boleto|pix)"
    r"|localizador|"
    # Indonesian names the code after the word: "kode booking", "kode pemesanan", "kode resi"
    r"booking|pemesanan|reservasi|tiket|resi|pelacakan|pengambilan|pembayaran|bayar"
    r")(?!\w)"
    r"|(?<!\w)(?:qr|bar|pick-?up|tracking|booking|reservation|pnr|postal|zip)[\s-]?codes?(?!\w)"
    rf"|{_DELIVERY}",
    re.IGNORECASE,
)
# ... which is kept from others only until it is handed over: "don't share it over chat", "Yeh
# code kisi aur ke saath share na karein" speak of the handover, not of a secret to sign in with
_DELIVERY_CODE = re.compile(_DELIVERY, re.IGNORECASE)
_SHARING = re.compile(r"(?<!\w)(?:compart\w*|share|no\s+lo|n[aã]o\s+o)(?!\w)", re.IGNORECASE)
# ... and the same code referred back to: "Tunjukkan kode ini saat boarding", "show this code at
# check-in", "presenta este código" (only once a code has been named as another kind)
_SAME_CODE = re.compile(
    r"(?<!\w)(?:kode\s+(?:ini|itu|tersebut|yang\s+sama)|(?:this|that|the\s+same)\s+codes?|"
    r"(?:este|ese|esse|dicho|el\s+mismo|o\s+mesmo)\s+c[oó]digo|ce\s+code|questo\s+codice|"
    r"(?:yeh|ye|is)\s+code)(?!\w)",
    re.IGNORECASE,
)
# Words of a one-time code's message: with any of them the model decides
_AUTH_WORDS = re.compile(
    r"(?<!\w)(?:verifi\w*|otp|one[\s-]time|un\s+solo\s+uso|uso\s+[uú]nico|acceso|acesso|access|"
    r"log[\s-]?in|sign[\s-]?in|sesi[oó]n|contrase[nñ]a|senha|password|passcode|autentica\w*|"
    r"authenticat\w*|seguridad|seguran[cç]a|security|2fa|compart\w*|share|no\s+lo|n[aã]o\s+o)(?!\w)",
    re.IGNORECASE,
)


# A one-time code named as one, in the languages of Meta's presets ...
_OTP_NAMED = re.compile(
    r"(?<!\w)(?:verification\s+code|one[\s-]time\s+(?:password|passcode|code|pin)|otp|"
    r"c[oó]digo\s+de\s+verifica(?:ci[oó]n|[cç][aã]o)|kode\s+(?:verifikasi|otp)|"
    r"code\s+de\s+v[ée]rification|codice\s+di\s+verifica|best[äa]tigungscode|"
    r"verifizierungscode|सत्यापन\s+कोड|वेरिफिकेशन\s+कोड|ओटीपी|رمز\s+التحقق)(?!\w)",
    re.IGNORECASE,
)
# ... unless it is handed to a courier or a technician ("share OTP {{1}} with the delivery partner")
_HANDOVER = re.compile(
    r"(?<!\w)(?:delivery|courier|rider|driver|technician|installer|agent|डिलीवरी|कूरियर|"
    r"entregador|repartidor|mensajero|kurir|livreur|coursier|corriere|zusteller)",
    re.IGNORECASE,
)
_NEAR = 15  # characters between the name and the placeholder: "{{1}} आपका सत्यापन कोड है"


def names_one_time_code(text: str) -> bool:
    """True when a placeholder stands next to a name for a one-time code (``{{1}} is your
    verification code``, ``{{1}} आपका सत्यापन कोड है``, ``Dein Verifizierungscode lautet
    {{1}}``) and nothing hands it to a courier: Meta's preset in any of its languages. The
    model, which saw few of some languages' presets, may read them as UTILITY (the Hindi
    preset: 0.84); such a text is AUTHENTICATION whatever the model says."""
    return one_time_code_name(text) is not None


# What stands between a one-time code's name and its placeholder when the placeholder is the
# code, as in Meta's preset and its translations: spaces, a colon or bold marks, a copula and
# "your" ("{{1}} is your verification code", "Tu código de verificación es {{1}}", "{{1}} आपका
# सत्यापन कोड है", "Kode verifikasi Anda: {{1}}", "رمز التحقق الخاص بك هو {{1}}"). Not a comma, a
# full stop or another word: "Hi {{1}}, your verification code request was received", "Didn't
# get the OTP? Call us on {{1}}", "OTP for {{1}} changed" name a code, but {{1}} is not it.
_CODE_IS = re.compile(
    r"(?:[\s:=*–-]+|(?:is|es|é|est|è|ist|lautet|adalah|your|anda|tu|seu|sua|votre|ton|ta|"
    r"il\s+tuo|il\s+suo|ihr|dein|आपका|आपकी|है|هو|الخاص|بك)(?!\w))*",
    re.IGNORECASE,
)


def one_time_code_name(text: str, *, is_the_code: bool = False) -> str | None:
    """The name for a one-time code that stands next to a placeholder in ``text`` (as
    written: 'सत्यापन कोड', 'verification code'), or None (``names_one_time_code``). With
    ``is_the_code``, only a name the placeholder is said to be (``_CODE_IS``)."""
    if _HANDOVER.search(text):
        return None
    names = [m.span() for m in _OTP_NAMED.finditer(text)]
    if not names:
        return None
    for p in PLACEHOLDER.finditer(text):
        for start, end in names:
            if 0 <= p.start() - end <= _NEAR:
                between = text[end : p.start()]
            elif 0 <= start - p.end() <= _NEAR:
                between = text[p.end() : start]
            else:
                continue
            if not is_the_code or _CODE_IS.fullmatch(between):
                return text[start:end]
    return None


def names_other_code(text: str) -> bool:
    """True when every code ``text`` mentions is named as something other than a one-time
    code (a QR, bar, Pix, pickup, tracking, booking or delivery code) and nothing in it speaks
    of verifying, signing in, a password or keeping the code secret (a delivery code kept from
    others until the courier comes is no secret of that kind)."""
    words = [m.span() for m in _CODE_WORD.finditer(text)]
    if not words:
        return False
    for m in _AUTH_WORDS.finditer(text):
        # "don't share it" of a code handed to a courier is about the handover ("Show this code
        # to the driver in person; please don't share it over chat"); any other word of
        # verifying, signing in or a password leaves the model to decide
        if not (_SHARING.fullmatch(m.group()) and _DELIVERY_CODE.search(text)):
            return False
    named = [m.span() for m in _NAMED_CODE.finditer(text)]
    if not named:
        return False
    named += [m.span() for m in _SAME_CODE.finditer(text)]
    return all(any(s <= ws and we <= e for s, e in named) for ws, we in words)


def has_code(text: str) -> bool:
    """True when ``text`` holds something that could be a one-time code: digits or capitals
    that could be one, or a placeholder beside a word for a code."""
    if _CODE.search(text) is not None:
        return True
    return PLACEHOLDER.search(text) is not None and _CODE_NAMED.search(text) is not None


def best_class(classes: Sequence[str], probs: Sequence[float], text: str | None) -> int:
    """The index of the most probable class that ``text`` can be (``text`` None: any)."""
    order = sorted(range(len(probs)), key=lambda k: -probs[k])
    if text is None or len(order) == 1:
        return order[0]
    if classes[order[0]] != AUTHENTICATION:
        if AUTHENTICATION in classes and names_one_time_code(text):
            return list(classes).index(AUTHENTICATION)
        return order[0]
    return order[0] if has_code(text) and not names_other_code(text) else order[1]


__all__ = [
    "AUTHENTICATION",
    "best_class",
    "has_code",
    "names_one_time_code",
    "names_other_code",
    "one_time_code_name",
]
