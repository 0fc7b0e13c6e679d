"""The ``domain`` kind: links in template text, and what is wrong with them.

Finding links is one scan shared by every ``domain`` rule: URLs with a scheme
(``https://shop.example.in/track/{{1}}``), links without one (``www.shop.in``,
``example.com/track``), raw IP addresses. E-mail addresses are not links; trailing
punctuation is not part of a link; placeholders inside a URL are kept.

A bare ``word.word`` only counts as a domain if its last label is a real public suffix, which
tldextract decides from the Public Suffix List snapshot bundled in the package — never fetched,
never cached to disk. tldextract (and the ``requests`` it pulls in) is imported only when a text
has something that could be a link, so linting link-free templates never pays for it.

Parameters (rule file, or ``[tool.templint.rules.CODE]``):

- ``check``: ``shortener`` | ``no-scheme`` | ``ip-address`` | ``insecure`` | ``own-domain``.
- ``domains`` (shortener): a list file, or a list of them. A relative path is looked up next to
  the config file first, then in ``linter/data/``. ``extra-domains``: entries given inline.
- ``own-domains`` (own-domain): the business's domains; a link elsewhere is reported, unless
  its domain is in ``allowed-domains``. An entry covers its subdomains. No own domains, no
  reports: only the team knows which domains are theirs.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from linter.kinds import Context, Hit, TextCheck, as_strings, settings_origin
from linter.paths import settings_file

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Characters that may follow the host in a URL: anything but space, quotes and angle brackets.
_TAIL = r"[^\s<>\"'`“”‘’]*"
_SCHEME_URL = re.compile(r"(?i)(?<![\w.+-])(https?)://([\w.\-:@\[\]{}%]*)((?:[/?#]" + _TAIL + ")?)")
# label(.label)+.tld with an optional port and path; not after @ / : . or a word character.
_BARE = re.compile(
    r"(?<![\w@./:\\-])"
    r"((?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+([^\W\d_]{2,63}))"
    r"(?![\w@-]|\.[^\W_])"
    r"(:\d{1,5})?([/?#]" + _TAIL + ")?"
)
# A bare IPv4 address counts as a link only with a port or a path after it.
_BARE_IP = re.compile(
    r"(?<![\w.:/])(\d{1,3}(?:\.\d{1,3}){3})(?![\w.])((?::\d{1,5})(?:[/?#]"
    + _TAIL
    + r")?|[/?#]"
    + _TAIL
    + ")"
)
# From the start of a run of address characters only: a later start reaches the same "@" and
# fails or succeeds as the run's start did, and a long run before a bad "@" was scanned from
# each of its characters (quadratic).
_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT_DOT = re.compile(r"\d\.\d")
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
_TRAILING = ".,;:!?'\"*_~>]…।"
# Last labels that are far more often file extensions than domains when written bare.
_FILE_SUFFIXES = frozenset({"zip", "mov", "md", "py"})


@dataclass(frozen=True, slots=True)
class Link:
    start: int
    end: int
    text: str
    scheme: str | None  # "http" / "https" as written (lower-cased), None for a bare link
    host: str  # lower-cased, as written; "" when the host is a placeholder
    registered: str  # registered domain ("example.co.in"); "" for IPs and unknown suffixes
    is_ip: bool
    has_path: bool

    @property
    def bare_host(self) -> str:
        return self.host[4:] if self.host.startswith("www.") else self.host


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation from a link (keeping a ``)`` that closes one inside it)."""
    while end > start:
        ch = text[end - 1]
        unbalanced = ch == ")" and text.count("(", start, end) < text.count(")", start, end)
        if ch not in _TRAILING and not unbalanced:
            break
        end -= 1
    return end


def _is_ip(host: str) -> bool:
    host = host.strip("[]")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _split_host(netloc: str) -> str:
    netloc = netloc.rsplit("@", 1)[-1]  # user:pass@host
    if netloc.startswith("["):
        return netloc[: netloc.find("]") + 1] if "]" in netloc else netloc
    return netloc.split(":", 1)[0]


# A batch asks for a chunk's 500 templates, raw and normalised, when it works out which rules
# apply, then again as spelling masks each one: keep them all (a miss costs ~5 us).
CANDIDATES_KEPT = 2048
# ... for texts up to this long (Meta's body limit is 1,024 characters): each one kept is kept
# whole, and a service linting long drafts would hold thousands of them. Longer: scanned again.
CANDIDATES_TEXT_MAX = 2048


def _plausible_bare(match: re.Match[str]) -> bool:
    """Cheap filters before tldextract: 'Pvt.Ltd', 'Mr.Sharma', 'invoice.zip' are not links."""
    host, tld = match.group(1), match.group(2)
    if tld.lower() in _FILE_SUFFIXES and not match.group(4):
        return False
    # 'Mr.Sharma', 'Pvt.Ltd' are names; a host followed by a path is a link in any case
    # ('BIT.LY/x', 'bit.lY/x' after a case change must still count).
    if not (tld.islower() or host.isupper() or match.group(4)):
        return False
    labels = host.split(".")
    return not labels[-2].isdigit()


def candidates(text: str) -> tuple[list[tuple[int, int, str]], list[re.Match[str]]]:
    """Spans that could be links, before any suffix lookup: (start, end, kind), bare matches.

    Cheap (regexes only); an empty result means tldextract is never needed for this text.
    Remembered for the last texts up to ``CANDIDATES_TEXT_MAX`` long (the link rules and
    spelling ask for the same text); callers must not change the lists.
    """
    if len(text) > CANDIDATES_TEXT_MAX:
        return _candidates(text)
    return _cached_candidates(text)


def _candidates(text: str) -> tuple[list[tuple[int, int, str]], list[re.Match[str]]]:
    if "." not in text and "://" not in text:
        return [], []
    # each scan only where what it needs is there: most texts have full stops, few have links
    taken: list[tuple[int, int]] = [m.span() for m in _EMAIL.finditer(text)] if "@" in text else []
    found: list[tuple[int, int, str]] = []
    for m in _SCHEME_URL.finditer(text) if "://" in text else ():
        end = _trim(text, m.start(), m.end())
        found.append((m.start(), end, "scheme"))
        taken.append((m.start(), end))
    for m in _BARE_IP.finditer(text) if _DIGIT_DOT.search(text) else ():
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        end = _trim(text, m.start(), m.end())
        found.append((m.start(), end, "ip"))
        taken.append((m.start(), end))
    if _DOT_LETTER.search(text) is None:
        return found, []  # a bare domain needs a dot before its last label's letters
    bare = [
        m
        for m in _BARE.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken) and _plausible_bare(m)
    ]
    return found, bare


_cached_candidates = functools.lru_cache(maxsize=CANDIDATES_KEPT)(_candidates)


Extractor = Callable[[str], Any]


def find_links(text: str, extractor: Callable[[], Extractor]) -> list[Link]:
    """Every link in ``text``; ``extractor()`` builds the suffix lookup, called only if needed."""
    found, bare = candidates(text)
    if not found and not bare:
        return []
    links: list[Link] = []
    for start, end, kind in found:
        raw = text[start:end]
        if kind == "ip":
            host = _split_host(re.split(r"[/?#]", raw, maxsplit=1)[0])
            links.append(Link(start, end, raw, None, host, "", True, True))
            continue
        scheme, _, rest = raw.partition("://")
        netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
        host = _split_host(netloc).lower()
        has_path = len(rest) > len(netloc)
        if not host or "{" in host or "}" in host:
            links.append(Link(start, end, raw, scheme.lower(), "", "", False, has_path))
            continue
        ip = _is_ip(host)
        registered = "" if ip else _registered(extractor(), host)
        links.append(Link(start, end, raw, scheme.lower(), host, registered, ip, has_path))
    for m in bare:
        host = m.group(1).lower()
        registered = _registered(extractor(), host)
        if not registered:
            continue  # 'node.js', 'file.pdf': the last label is no public suffix
        end = _trim(text, m.start(), m.end())
        links.append(
            Link(m.start(), end, text[m.start() : end], None, host, registered, False, bool(m[4]))
        )
    links.sort(key=lambda link: link.start)
    return links


def _registered(extract: Extractor, host: str) -> str:
    result = extract(host)
    if not result.domain or not result.suffix:
        return ""
    return f"{result.domain}.{result.suffix}".lower()


def build_extractor() -> Extractor:
    """tldextract on its bundled Public Suffix List snapshot: no network, no cache directory.
    Answers are remembered per host: a batch names the same few domains over and over."""
    import tldextract

    ex = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    return functools.lru_cache(maxsize=4096)(ex.extract_str)


# --- domain lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DomainList:
    exact: frozenset[str]
    suffixes: frozenset[str]  # entries written with a leading dot
    # labels in the longest suffix entry: only a host's parents that short can be one (a
    # "host" of 20,000 labels, "a.ba.ba.b…", had every parent joined: quadratic)
    depth: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "depth", max((e.count(".") + 1 for e in self.suffixes), default=0))

    def match(self, host: str, registered: str) -> str | None:
        """The entry a link's host falls under, or None."""
        host = host[4:] if host.startswith("www.") else host
        if host in self.exact:
            return host
        if registered in self.exact:
            return registered
        labels = host.split(".")
        for i in range(max(len(labels) - self.depth, 0), len(labels) - 1):
            parent = ".".join(labels[i:])
            if parent in self.suffixes:
                return parent
        return None


def parse_domain_list(text: str) -> tuple[set[str], set[str]]:
    exact: set[str] = set()
    suffixes: set[str] = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        target = suffixes if entry.startswith(".") else exact
        entry = entry.lstrip(".")
        if entry.startswith("www."):
            entry = entry[4:]
        target.add(entry)
    return exact, suffixes


def resolve_data_path(name: str, ctx: Context) -> Path:
    """A domain list named by a rule or the config: absolute, next to the config, or shipped."""
    return settings_file(name, ctx.config.source, DATA_DIR)


def load_domain_list(names: tuple[str, ...], extra: tuple[str, ...], ctx: Context) -> DomainList:
    exact: set[str] = set()
    suffixes: set[str] = set()
    for name in names:
        path = resolve_data_path(name, ctx)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"domain list {path} cannot be read: {exc}") from None
        e, s = parse_domain_list(text)
        exact |= e
        suffixes |= s
    e, s = parse_domain_list("\n".join(extra))
    return DomainList(frozenset(exact | e), frozenset(suffixes | s))


# --- the check ---------------------------------------------------------------------------------

_CACHE_SIZE = 64


class DomainCheck(TextCheck):
    """One rule about links; ``check`` says which (see the module docs)."""

    CHECKS = ("shortener", "no-scheme", "ip-address", "insecure", "own-domain")
    needs_links = True  # every check here reads links: none where ``candidates`` finds none

    # The values each check's findings carry, for the rule's message.
    FIELDS: ClassVar[dict[str, frozenset[str]]] = {
        "shortener": frozenset({"domain", "link"}),
        "no-scheme": frozenset({"link"}),
        "ip-address": frozenset({"link", "host"}),
        "insecure": frozenset({"link"}),
        "own-domain": frozenset({"domain", "link", "own"}),
    }

    @classmethod
    def validate(cls, params: dict[str, Any]) -> frozenset[str] | None:
        from linter.kinds import KIND_OPTIONS, known_fields
        from linter.rulebook import choice, strings

        extra = ("check", "own-domains", "allowed-domains", "context")
        known_fields(params, (*KIND_OPTIONS["domain"], *extra), "domain")
        super().validate(params)
        check = choice(params, "check", cls.CHECKS, "a domain check")
        for key in ("domains", "extra-domains", "own-domains", "allowed-domains"):
            if key in params:
                strings(params[key], key, "domains or .txt lists")
        return cls.FIELDS[check]

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.kind = str(self.params.get("check", ""))
        if self.kind not in self.CHECKS:
            raise ValueError(
                f"{self.rule.path}: a domain rule needs check = one of {', '.join(self.CHECKS)}"
            )
        self._domains: DomainList | None = None
        self._own: tuple[DomainList, DomainList, str] | None = None
        if self.kind == "shortener":
            self._check_list_files()
        elif self.kind == "own-domain":
            self._own = self._own_domains()

    def _check_list_files(self) -> None:
        """A list file that is not there is a typo in the settings: one error when the rule is
        loaded, not a failure on every template with a link."""
        for name in as_strings(self.params.get("domains", "url_shorteners.txt")):
            path = resolve_data_path(name, self.ctx)
            if not path.is_file():
                where = settings_origin(self.rule, self.ctx)
                raise ValueError(f"{where}: domain list '{name}' not found (looked for {path})")

    def _own_domains(self) -> tuple[DomainList, DomainList, str]:
        lists = []
        for key in ("own-domains", "allowed-domains"):
            entries = []
            for raw in as_strings(self.params.get(key)):
                entry = _domain_entry(raw)
                if entry is None:
                    where = settings_origin(self.rule, self.ctx)
                    raise ValueError(f"{where}: {key} entry {raw!r} is not a domain name")
                entries.append(entry)
            # an entry covers itself and its subdomains
            lists.append(DomainList(frozenset(entries), frozenset(entries)))
        own = sorted(lists[0].exact)
        shown = ", ".join(own[:3]) + (f" and {len(own) - 3} more" if len(own) > 3 else "")
        return lists[0], lists[1], shown

    # Shared per run: the suffix lookup and the links of recently seen texts (four rules read
    # the same components one after the other).
    def _extractor(self) -> Extractor:
        return self.ctx.shared("domain.tldextract", build_extractor)

    def links(self, text: str) -> list[Link]:
        if len(text) > CANDIDATES_TEXT_MAX:  # not kept: a long text would stay in memory
            return find_links(text, self._extractor)
        cache: dict[str, list[Link]] = self.ctx.shared("domain.links", dict)
        links = cache.get(text)
        if links is None:
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            links = cache[text] = find_links(text, self._extractor)
        return links

    def domains(self) -> DomainList:
        if self._domains is None:
            names = as_strings(self.params.get("domains", "url_shorteners.txt"))
            extra = as_strings(self.params.get("extra-domains"))
            key = f"domain.list:{names}:{extra}"
            self._domains = self.ctx.shared(key, lambda: load_domain_list(names, extra, self.ctx))
        return self._domains

    def find(self, text: str) -> Iterator[Hit]:
        for link in self.links(text):
            hit = getattr(self, "_" + self.kind.replace("-", "_"))(link)
            if hit is not None:
                yield hit

    def _shortener(self, link: Link) -> Hit | None:
        if not link.host or link.is_ip:
            return None
        entry = self.domains().match(link.host, link.registered)
        if entry is None:
            return None
        return Hit(
            None,
            link.start,
            link.end,
            {"domain": entry, "link": link.text},
            f"Replace {link.text} with the full link on your business's own domain.",
        )

    def _own_domain(self, link: Link) -> Hit | None:
        assert self._own is not None
        own, allowed, shown = self._own
        if not own.exact or not link.host or link.is_ip or _brand_mention(link):
            return None
        if own.match(link.host, "") or allowed.match(link.host, ""):
            return None
        domain = link.registered or link.bare_host
        return Hit(
            None,
            link.start,
            link.end,
            {"domain": domain, "link": link.text, "own": shown},
            f"Link to a page on {shown} instead, or add {domain} to own-domains if it is yours.",
        )

    def _no_scheme(self, link: Link) -> Hit | None:
        if link.scheme is not None:
            return None
        if link.is_ip or _brand_mention(link):  # IPs: ip-address-link reports them
            return None
        if self._is_shortener(link):
            return None  # the shortener is the problem (TPL111); "https://bit.ly/…" fixes nothing
        return Hit(
            None,
            link.start,
            link.end,
            {"link": link.text},
            f"Write it in full: https://{link.text}",
            # unsafe: the site may not serve https
            edit=(link.start, link.end, f"https://{link.text}", False),
        )

    def _ip_address(self, link: Link) -> Hit | None:
        if not link.is_ip:
            return None
        return Hit(
            None,
            link.start,
            link.end,
            {"link": link.text, "host": link.host},
            "Link to your business's domain name over https:// instead of an IP address.",
        )

    def _is_shortener(self, link: Link) -> bool:
        return bool(link.host) and self.domains().match(link.host, link.registered) is not None

    def _insecure(self, link: Link) -> Hit | None:
        if link.scheme != "http" or link.is_ip or self._is_shortener(link):
            return None
        secure = "https" + link.text[4:]
        edit = (link.start, link.end, secure, False)  # unsafe: the site may not serve https
        return Hit(None, link.start, link.end, {"link": link.text}, f"Use {secure}", edit=edit)


_DOMAIN_NAME = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}")


def _domain_entry(raw: str) -> str | None:
    """'https://www.Shop.example.in/path' -> 'shop.example.in'; None when no domain name."""
    entry = raw.strip().lower()
    entry = entry.split("://", 1)[-1]
    entry = re.split(r"[/?#:]", entry, maxsplit=1)[0].lstrip(".")
    if entry.startswith("www."):
        entry = entry[4:]
    return entry if _DOMAIN_NAME.fullmatch(entry) else None


def _brand_mention(link: Link) -> bool:
    """'Booking.com', 'Amazon.in' in running text name a company rather than link to it."""
    return (
        not link.has_path
        and not link.host.startswith("www.")
        and link.text[:1].isupper()
        and link.text[1:].islower()
    )


__all__ = ["DomainCheck", "DomainList", "Link", "build_extractor", "candidates", "find_links"]
