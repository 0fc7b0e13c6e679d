"""The evasion corpus: templates that break a rule and hide the words that give them away.

Each base case is a template that a rule catches as written; each trick disguises its give-away
word the way writers do (zero-width characters, full-width letters, Cyrillic look-alikes,
digits for letters, spaced-out letters) or, for links, hides the dot. ``CASES`` is every
(base, trick) pair where the trick changes the text. Used by tests/test_evasion.py and by
bench/evasion_rate.py, which prints the detection table in docs/robustness.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# (family, code, text with the give-away word in [brackets])
BASES: list[tuple[str, str, str]] = [
    ("offers", "TPL101", "Enjoy 20% [off] your next order with us."),
    ("offers", "TPL101", "Get a flat [discount] of 15% on your next order."),
    ("offers", "TPL102", "Use [promo] code SAVE20 at checkout."),
    ("offers", "TPL103", "Get 10% [cashback] on your next bill payment."),
    ("offers", "TPL104", "[BOGO] on all shirts this week."),
    ("offers", "TPL105", "Claim your [free] gift with this order."),
    ("offers", "TPL106", "Only a few left, so [hurry]!"),
    ("links", "TPL111", "Track your parcel at [bit.ly]/3xTrk9 today."),
    ("links", "TPL111", "Pay your bill here: [tinyurl.com]/pay-now"),
    ("links", "TPL112", "Read the details on [www.kavyahome.in] before you visit."),
    ("links", "TPL114", "Instructions: [http]://parcels.example.com/help"),
    ("outreach", "TPL121", "Is now a good time to [talk] about your plan?"),
    ("outreach", "TPL122", "We would love to schedule a [call] with you this week."),
    ("outreach", "TPL123", "Are you [interested] in our new credit card?"),
    ("outreach", "TPL124", "We haven't [spoken] before, but we have an idea for you."),
    ("outreach", "TPL125", "We found your [profile] on LinkedIn and wanted to reach out."),
    ("contests", "TPL131", "Enter our [contest] this month."),
    ("contests", "TPL132", "Join the [lucky] draw this weekend."),
    ("contests", "TPL133", "[Spin] the wheel to unlock your reward."),
    ("contests", "TPL134", "Congratulations, you [won] a prize!"),
    ("surveys", "TPL141", "Take part in our market [research] survey today."),
    ("surveys", "TPL142", "Tell us your monthly [income] to continue."),
    ("surveys", "TPL143", "Vote in our [poll] today."),
    ("upsell", "TPL151", "Customers who [bought] this also bought our travel mug."),
    ("upsell", "TPL152", "[Upgrade] to premium for more benefits."),
    ("upsell", "TPL153", "[Add] a warranty to your order before it ships."),
    ("launch", "TPL161", "[Introducing] our new smartwatch range."),
    ("launch", "TPL162", "See our new [arrivals] in store this week."),
    ("threats", "TPL171", "Our [recovery] agents will visit your home."),
    ("threats", "TPL172", "We will inform your [employer] about the dues."),
    ("threats", "TPL173", "[Legal] action will be taken against you."),
    ("threats", "TPL174", "Pay now or face serious [consequences]."),
    ("sensitive", "TPL181", "Please share your [card] number to verify the payment."),
    ("sensitive", "TPL182", "Reply with your [CVV] to confirm the payment."),
    ("sensitive", "TPL183", "Send us your [password] to restore access."),
    ("sensitive", "TPL184", "Share your bank [account] number for the refund."),
    ("sensitive", "TPL185", "Send your [Aadhaar] number to complete your KYC."),
    ("classifier", "TPL501", "[Shop] the biggest sale of the season and save big on everything!"),
]

_CYRILLIC = str.maketrans("aceopxyiACEHKMOPTX", "асеорхуіАСЕНКМОРТХ")
_LEET = str.maketrans("oeasiOEASI", "03451034$1")


def zero_width(word: str) -> str:
    return "\u200b".join(word)


def full_width(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


def cyrillic(word: str) -> str:
    return word.translate(_CYRILLIC)


def leet(word: str) -> str:
    # One substitution in the middle of the word, as people do ("fr3e", "c0de").
    for i, ch in enumerate(word):
        if i > 0 and ch in "oeasi":
            return word[:i] + ch.translate(_LEET) + word[i + 1 :]
    return word.translate(_LEET)


def spaced(word: str) -> str:
    return " ".join(word.upper()) if "." not in word else " ".join(word)


def bracket_dot(word: str) -> str:
    return word.replace(".", "[.]")


def word_dot(word: str) -> str:
    return word.replace(".", " (dot) ")


def spoken_dot(word: str) -> str:
    return word.replace(".", " dot ")


TRICKS: dict[str, Callable[[str], str]] = {
    "zero-width": zero_width,
    "full-width": full_width,
    "cyrillic": cyrillic,
    "leet": leet,
    "spaced": spaced,
    "[.]": bracket_dot,
    "(dot)": word_dot,
    "dot": spoken_dot,
}
LINK_ONLY = {"[.]", "(dot)", "dot"}


@dataclass(frozen=True)
class Case:
    family: str
    code: str
    trick: str
    text: str


def plain(text: str) -> str:
    return text.replace("[", "").replace("]", "")


def disguise(text: str, trick: Callable[[str], str]) -> str:
    start, end = text.index("["), text.index("]")
    return text[:start] + trick(text[start + 1 : end]) + text[end + 1 :]


def _cases() -> list[Case]:
    out = []
    for family, code, text in BASES:
        word = text[text.index("[") + 1 : text.index("]")]
        for name, trick in TRICKS.items():
            if name in LINK_ONLY and "." not in word:
                continue
            disguised = disguise(text, trick)
            if disguised != plain(text):
                out.append(Case(family, code, name, disguised))
    return out


CASES = _cases()
