"""Settings from ``[tool.templint]`` in pyproject.toml or from templint.toml; flags override."""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter.diagnostic import SEVERITIES
from linter.errors import TemplintError
from linter.template import CATEGORIES


class ConfigError(TemplintError, ValueError):
    """A setting that cannot be used (a ``ValueError`` too, as it always was)."""


@dataclass(frozen=True)
class PathSettings:
    """``[per-file]``: what the templates of the files a glob matches are taken to be."""

    pattern: str
    category: str | None = None  # for templates that declare none
    language: str | None = None  # likewise
    ignore: tuple[str, ...] = ()  # codes or prefixes not reported for these files

    def matches(self, relative: str) -> bool:
        """``relative``: the file's path from the config's folder, with ``/``. A glob without
        ``/`` matches a file name in any folder; ``dir/`` means everything below ``dir``; ``*``
        and ``**`` both cross folders."""
        pattern = self.pattern.removeprefix("./")
        if pattern.endswith("/"):
            pattern += "*"
        if "/" not in pattern:
            return fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], pattern)
        return fnmatch.fnmatchcase(relative, pattern.replace("**", "*"))


FAIL_ON = ("error", "warning", "info")  # the values fail-on / fail_on accept
# how messages name them: 'error', 'warning' or 'info'
FAIL_ON_SAID = ", ".join(repr(v) for v in FAIL_ON[:-1]) + f" or {FAIL_ON[-1]!r}"
# Config's fields that hold several strings
_LISTS = ("select", "ignore", "accept", "brands", "reject", "extend_rules", "exclude")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code or prefix -> severity
    fail_on: str = "error"
    accept: tuple[str, ...] = ()  # vocabulary files of accepted words
    # the team's brand names: accepted by the spelling rule, left out of what the classifier
    # scores (it was trained without each template's sender)
    brands: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()  # vocabulary files of rejected words
    default_category: str = "UTILITY"  # for templates that do not declare one (text files)
    # whether the user gave it (`default-category` in the file, or `--category`): a template
    # checked as it then has a category chosen for it, not one templint assumed
    category_given: bool = False
    default_language: str | None = None  # Meta's code, for templates that declare none
    max_file_size: int = 5 * 1024 * 1024  # DEFAULT_MAX_FILE_SIZE
    # A folder of rule files used instead of the shipped ones (the engine's TPL001-003 stay).
    rules_dir: str | None = None
    # Folders (or single files) of a project's own rules, added to the shipped ones.
    extend_rules: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-rule parameters
    normalize: bool = True  # undo evasion tricks before the text rules (linter/normalize.py)
    source: str | None = None  # the file it came from
    overridden: frozenset[str] = frozenset()  # fields the command line set (for messages)
    per_file: tuple[PathSettings, ...] = ()  # globs relative to the config file's folder
    exclude: tuple[str, ...] = ()  # globs (as per_file's) of files a folder walk leaves out

    def __post_init__(self) -> None:
        """What a program building ``Config(...)`` by hand may pass: one string where a
        tuple is due is one code or file (``select="TPL1"`` read letter by letter selected
        nothing), a list is a tuple; anything else, or a ``fail_on`` no run knows, is refused
        here rather than found wrong, or ignored, mid-lint."""
        for name in _LISTS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            elif isinstance(value, list):
                value = tuple(value)
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                raise TypeError(
                    f"Config({name}=...) takes a tuple of strings, not {type(value).__name__}"
                )
            object.__setattr__(self, name, value)
        if self.fail_on not in FAIL_ON:
            raise ConfigError(f"Config(fail_on=...) must be {FAIL_ON_SAID}, not {self.fail_on!r}")

    def with_overrides(self, **changes: Any) -> Config:
        given = {k: v for k, v in changes.items() if v not in (None, ())}
        chosen = {"category_given": True} if "default_category" in given else {}
        return replace(self, **given, **chosen, overridden=self.overridden | set(given))

    def with_selection(self, select: tuple[str, ...], ignore: tuple[str, ...]) -> Config:
        """The command line's --select/--ignore on top of this configuration, layered as ruff
        does: --select starts the set afresh (the file's ignore with it, so what is named
        runs); --ignore adds to the file's."""
        if select:
            return replace(self, select=select, ignore=ignore).with_overrides(
                select=select, ignore=ignore
            )
        if not ignore:
            return self
        return self.with_overrides(ignore=tuple(dict.fromkeys((*self.ignore, *ignore))))

    def excluded(self, path: str) -> str | None:
        """Why a file found in a folder is left out: ``exclude`` names it, or it is one of
        the ``accept`` / ``reject`` vocabularies (a word list, not a template); None if not."""
        if not self.source:
            return None
        if (self.accept or self.reject) and os.path.realpath(path) in (*self.accept, *self.reject):
            return f"a vocabulary file of {self.source}"
        if not self.exclude:
            return None
        root = os.path.dirname(os.path.abspath(self.source))
        relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
        if relative.startswith("../"):
            return None
        for glob in self.exclude:
            if PathSettings(glob).matches(relative):
                return f"excluded by {glob!r} ({self.source})"
        return None

    def for_file(self, path: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        """(category, language, ignored codes) that ``[per-file]`` gives ``path``: a later
        entry's category or language wins, the ignores add up."""
        category = language = None
        ignore: tuple[str, ...] = ()
        if not self.per_file or not self.source or path in ("-", "<text>"):
            return category, language, ignore
        root = os.path.dirname(os.path.abspath(self.source))
        relative = os.path.relpath(os.path.abspath(path), root)
        if relative.split(os.sep, 1)[0] == "..":
            return category, language, ignore  # outside the project the config is for
        relative = relative.replace(os.sep, "/")
        for entry in self.per_file:
            if entry.matches(relative):
                category = entry.category or category
                language = entry.language or language
                ignore += entry.ignore
        return category, language, ignore

    def severity_for(self, code: str, default: str) -> str:
        best = ""
        for prefix in self.severity:
            if code.startswith(prefix) and len(prefix) > len(best):
                best = prefix
        return self.severity[best] if best else default


LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")  # Meta's form: es, en_US, pt_BR


def is_language_code(value: str) -> bool:
    return LANGUAGE_CODE.fullmatch(value) is not None


def find_config(start: Path) -> Path | None:
    """The nearest templint.toml, or pyproject.toml with a [tool.templint] table."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "templint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
                data = tomllib.loads(text)
            except (OSError, UnicodeDecodeError):
                continue
            except ValueError:  # TOMLDecodeError, or an integer of over 4,300 digits
                # Broken where it configures templint: load_config names the file and the
                # error. Skipping it would lint under a parent folder's settings, silently.
                if "tool.templint" in text:
                    return pyproject
                continue
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "templint" in tool:
                return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except ValueError as exc:  # undecodable, TOMLDecodeError, an integer of 4,300+ digits
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    tool = data.get("tool")
    if Path(path).name == "pyproject.toml":
        data = (tool or {}).get("templint", {})
    elif set(data) == {"tool"} and isinstance(tool, dict) and set(tool) == {"templint"}:
        data = tool["templint"]  # the pyproject block copied as it is: [tool.templint]
    return _parse(data, Path(path))


def _codes(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of rule codes or prefixes")
    return tuple(v.strip().upper() for v in value)


def _category(value: Any, said: str) -> str:
    category = str(value).upper()
    if category not in CATEGORIES:
        raise ConfigError(f"{said} must be MARKETING, UTILITY or AUTHENTICATION")
    return category


def _language(value: Any, said: str) -> str | None:
    if value is not None and (not isinstance(value, str) or not is_language_code(value)):
        raise ConfigError(
            f"{said} must be a language code in Meta's form, such as 'en_US' or 'es' "
            f"(got {value!r})"
        )
    return value


DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_MAX_FILE_SIZE = 256 * 1024 * 1024  # a template file is kilobytes; the whole file is read


def _file_size(value: Any, path: Path) -> int:
    """``max-file-size``: a whole number of bytes, 1 to 256 MiB (a string, a boolean, 0 or
    less made every file 'too large'; a float overflowed; a huge number let any file in)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= MAX_MAX_FILE_SIZE:
            return value
        # never repr() a huge TOML integer: past 4,300 digits that raises
        shown = "a larger number" if value > 0 else "0" if value == 0 else "a negative number"
    else:
        shown = f"{value!r:.40}"
    raise ConfigError(
        f"{path}: 'max-file-size' must be a whole number of bytes from 1 to "
        f"{MAX_MAX_FILE_SIZE} (256 MiB), not {shown}"
    )


def _flag(value: Any, key: str, path: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: '{key}' must be true or false")
    return value


def _parse(data: dict[str, Any], path: Path) -> Config:
    known = {
        "select",
        "ignore",
        "severity",
        "fail-on",
        "accept",
        "reject",
        "brands",
        "default-category",
        "default-language",
        "max-file-size",
        "rules-dir",
        "extend-rules",
        "rules",
        "normalize",
        "per-file",
        "exclude",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    base = path.parent
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or any(v not in SEVERITIES for v in severity.values()):
        raise ConfigError(f"{path}: 'severity' maps codes to one of {', '.join(SEVERITIES)}")
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: 'fail-on' must be {FAIL_ON_SAID}, not {fail_on!r:.40}")
    category = _category(data.get("default-category", "UTILITY"), f"{path}: 'default-category'")
    language = _language(data.get("default-language"), f"{path}: 'default-language'")
    options = data.get("rules", {})
    if not isinstance(options, dict):
        raise ConfigError(f"{path}: '[rules]' must be a table of per-rule settings")

    def paths(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a file name or a list of them")
        found = tuple((base / v).resolve() for v in value)
        for name, file in zip(value, found, strict=True):
            if not file.is_file():  # else the spelling rules fail on every template
                raise ConfigError(f"{path}: '{key}' file {name!r} not found (looked for {file})")
        return tuple(str(f) for f in found)

    return Config(
        select=_codes(data.get("select", []), "select", path),
        ignore=_codes(data.get("ignore", []), "ignore", path),
        severity={k.upper(): v for k, v in severity.items()},
        fail_on=fail_on,
        accept=paths("accept"),
        reject=paths("reject"),
        brands=_brands(data.get("brands", []), path),
        default_category=category,
        category_given="default-category" in data,
        default_language=language,
        max_file_size=_file_size(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE), path),
        rules_dir=_rules_dir(data, path),
        extend_rules=_extend_rules(data.get("extend-rules", []), path),
        options=_rule_options(options, path),
        normalize=_flag(data.get("normalize", True), "normalize", path),
        source=str(path),
        per_file=_per_file(data.get("per-file", {}), path),
        exclude=_globs(data.get("exclude", []), path),
    )


def _rule_options(options: dict[str, Any], path: Path) -> dict[str, dict[str, Any]]:
    """``[rules.CODE]`` tables, upper-case codes. A ``model-dir`` is a folder from the config
    file's folder, as ``accept`` and ``rules-dir`` are: the same settings work from any
    folder a run starts in."""
    out = {}
    for code, table in options.items():
        if not isinstance(table, dict):
            continue
        table = dict(table)
        if "model-dir" in table:
            value = table["model-dir"]
            where = f"{path}: [rules.{code.upper()}] model-dir"
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where} must be a folder's path")
            folder = (path.parent / value).resolve()
            if not folder.is_dir():
                raise ConfigError(f"{where} folder {value!r} not found (looked for {folder})")
            table["model-dir"] = str(folder)
        out[code.upper()] = table
    return out


def _globs(value: Any, path: Path) -> tuple[str, ...]:
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: 'exclude' must be a list of globs, such as [\"docs/\"]")
    return tuple(v.strip() for v in value)


def _rules_dir(data: dict[str, Any], path: Path) -> str | None:
    if "rules-dir" not in data:
        return None
    value = data["rules-dir"]
    if not isinstance(value, str):
        raise ConfigError(f"{path}: 'rules-dir' must be a folder's path")
    folder = (path.parent / value).resolve()
    if not folder.is_dir():
        raise ConfigError(f"{path}: 'rules-dir' folder {value!r} not found (looked for {folder})")
    return str(folder)


def _extend_rules(value: Any, path: Path) -> tuple[str, ...]:
    """``extend-rules``: folders of rule files (read with the folders below them) or single
    ``.toml`` files, from the config file's folder."""
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{path}: 'extend-rules' must be a list of folders, such as [\"rules\"]")
    out = []
    for name in value:
        found = (path.parent / name).resolve()
        if not found.is_dir() and not (found.is_file() and found.suffix == ".toml"):
            raise ConfigError(
                f"{path}: 'extend-rules' folder {name!r} not found (looked for {found})"
            )
        out.append(str(found))
    return tuple(out)


def _brands(value: Any, path: Path) -> tuple[str, ...]:
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: 'brands' must be a list of names, such as [\"Kavya Home\"]")
    return tuple(v.strip() for v in value)


def _per_file(table: Any, path: Path) -> tuple[PathSettings, ...]:
    where = f"{path}: [per-file]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of globs, each a table of settings")
    out = []
    for pattern, settings in table.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"{where} {pattern!r} must be a table: category, language, ignore")
        unknown = sorted(set(settings) - {"category", "language", "ignore"})
        if unknown:
            raise ConfigError(
                f"{where} {pattern!r}: unknown setting(s) {', '.join(unknown)} "
                "(category, language and ignore can be set per file)"
            )
        category = settings.get("category")
        if category is not None:
            category = _category(category, f"{where} {pattern!r}: category")
        language = _language(settings.get("language"), f"{where} {pattern!r}: language")
        ignore = _codes(settings.get("ignore", []), f"[per-file] {pattern!r} ignore", path)
        out.append(PathSettings(pattern, category, language, ignore))
    return tuple(out)
