"""The Python API. The CLI is a thin layer over these functions."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.diagnostic import Diagnostic
from linter.engine import Linter
from linter.inputs import InputError, Skipped, iter_paths, load_path, parse_source, parse_text
from linter.template import Template

if TYPE_CHECKING:
    from linter.fixes import FixResult

BOM = "\ufeff"  # a byte order mark, which the CLI drops from what it reads

# files and folders: a list of them, or one
PathsArg = Sequence[str | os.PathLike[str]] | str | os.PathLike[str]

# Linters by the configuration's value, newest last. By value, not by object: a caller who
# builds a fresh Config() for every call (the natural way to write it) used to get, and keep,
# a new linter each time: 79 ms and 7 MB more a call. Bounded, for callers with many configs.
# Each is kept with the state of the files its configuration names (word lists, rule files,
# a model folder) when it was built: one edited since is read again, as the CLI would.
_FilesState = tuple[tuple[tuple[str, int, int], ...], tuple[tuple[str, int, int], ...]]
_LINTERS: OrderedDict[str, tuple[_FilesState, Linter]] = OrderedDict()
_KEPT_LINTERS = 8
_LINTERS_LOCK = threading.Lock()
_WATCHED_MAX = 1000  # files stat'ed per call at most (a folder named by mistake: ~/)


def get_linter(config: Config | None = None) -> Linter:
    """One compiled linter per configuration (equal configurations share it), reused across
    calls; the eight most recently used are kept. It is built afresh when a file the
    configuration names (a word list, a rule file, a model) has changed since."""
    config = _config(config)
    key = repr(config)  # ~2 us; Config is a frozen dataclass, its repr holds every field
    stamp = _files_state(config)
    with _LINTERS_LOCK:
        kept = _LINTERS.get(key)
        if kept is not None and kept[0] == stamp:
            _LINTERS.move_to_end(key)
            return kept[1]
    if kept is not None and kept[0][1] != stamp[1]:
        from linter.rulebook import forget_rules

        forget_rules()  # rule files are read once a process, by path
    linter = Linter(config)  # outside the lock: building one takes a while
    with _LINTERS_LOCK:
        kept = _LINTERS.get(key)
        if kept is None or kept[0] != stamp:
            kept = _LINTERS[key] = (stamp, linter)
        _LINTERS.move_to_end(key)
        while len(_LINTERS) > _KEPT_LINTERS:
            _LINTERS.popitem(last=False)
    return kept[1]


def forget_linter(config: Config | None = None) -> None:
    """Build the linter for ``config`` afresh next time (every configuration's, without one).

    ``get_linter`` already notices an edited word list or rule file by its modification time
    and size; this is for what it cannot see (a file edited twice within the same clock tick
    to the same size, a dictionary shipped with templint)."""
    with _LINTERS_LOCK:
        if config is None:
            _LINTERS.clear()
        else:
            _LINTERS.pop(repr(config), None)


def _files_state(config: Config) -> _FilesState:
    """(path, modification time, size) of each file the configuration names that exists:
    word lists and a model folder's files, then rule files. The shipped ones are left out
    (they change with templint). A few stats: ~20 us for a project's usual handful."""
    return _stat(_named_files(config)), _stat(_files_in(_rule_folders(config)))


def _rule_folders(config: Config) -> list[str]:
    return [*config.extend_rules, *([config.rules_dir] if config.rules_dir else [])]


def _named_files(config: Config) -> list[str]:
    names = [*config.accept, *config.brands, *config.reject]
    for settings in config.options.values():
        for value in settings.values():
            values = value if isinstance(value, (list, tuple)) else [value]
            names += [v for v in values if isinstance(v, str)]
    if not names:
        return []
    base = os.path.dirname(os.path.abspath(config.source)) if config.source else None
    paths: list[str] = []
    folders: list[str] = []
    for name in names:
        if not name or "\n" in name or len(name) > 4096:
            continue
        path = os.path.expanduser(name)
        if not os.path.isabs(path):
            if base is None:
                continue
            path = os.path.join(base, path)
        if os.path.isdir(path):
            folders.append(path)
        else:
            paths.append(path)
    return paths + _files_in(folders)


def _files_in(folders: list[str]) -> list[str]:
    paths: list[str] = []
    for folder in folders:
        if os.path.isfile(folder):  # extend-rules names single rule files too
            paths.append(folder)
            continue
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            paths += [os.path.join(root, f) for f in sorted(files)]
            if len(paths) > _WATCHED_MAX:
                break
    return paths


def _stat(paths: list[str]) -> tuple[tuple[str, int, int], ...]:
    state = []
    for path in paths[:_WATCHED_MAX]:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        state.append((path, st.st_mtime_ns, st.st_size))
    return tuple(state)


_DEFAULT: list[Config] = []


def _default_config() -> Config:
    if not _DEFAULT:
        _DEFAULT.append(Config())
    return _DEFAULT[0]


def _config(config: object) -> Config:
    """``config`` as given, the defaults for None; anything else is a TypeError saying what to
    pass (a path or a dict used to fail deep inside with an AttributeError)."""
    if config is None:
        return _default_config()
    if isinstance(config, Config):
        return config
    raise TypeError(
        f"config must be a linter.Config, not {type(config).__name__}: pass "
        "load_config(path) to read a templint.toml, or Config(...) to give settings"
    )


def _check_str(value: object, what: str, optional: bool = True) -> None:
    if not (isinstance(value, str) or (optional and value is None)):
        need = "a str or None" if optional else "a str"
        raise TypeError(f"{what} must be {need}, not {type(value).__name__}")


def _check_path(path: object, what: str) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{what} must be a path (str or os.PathLike), not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a path as str, not {type(name).__name__}")
    return name


def lint_text(
    text: str,
    *,
    name: str | None = None,
    category: str | None = None,
    language: str | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    """Lint one template body given as a string. ``language`` is Meta's code (``es``,
    ``en_US``): it picks the spelling dictionary (English, Spanish, pt_BR, pt_PT, French;
    other languages are not spell-checked). ``category`` and ``language`` are for a text that does
    not declare its own: a ``# templint: category …`` or ``language …`` line in it wins, as it
    does for ``templint lint``."""
    if not isinstance(text, str):
        raise TypeError(f"lint_text needs the template body as a str, not {type(text).__name__}")
    _check_str(name, "name")
    _check_str(category, "category")
    _check_str(language, "language")
    config = _config(config)
    _check_size(text, config)
    text = text.removeprefix(BOM)  # as the CLI reads a file: lines and columns as it gives them
    tpl = parse_text(text, "<text>", stem=name)
    tpl.category = tpl.category or (category.upper() if category else None)
    tpl.language = tpl.language or language
    return get_linter(config).lint([tpl])


def _check_size(text: str, config: Config) -> None:
    """``max-file-size`` for text given as a string, as for a file: a service handed a huge
    draft reports an input error instead of linting it for seconds (one lint at a time)."""
    limit = config.max_file_size
    if len(text) <= limit // 4:  # UTF-8 takes at most 4 bytes a character: no need to encode
        return
    size = len(text) if len(text) > limit else len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputError(
            "<text>",
            f"text of {len(text):,} characters is over the {limit:,}-byte limit (max-file-size)",
        )


def lint_templates(
    templates: list[Template], config: Config | None = None, stdin_name: str | None = None
) -> list[Diagnostic]:
    """Lint templates read from files, with what ``[per-file]`` says of each file (standard
    input's templates go by ``stdin_name``)."""
    config = _config(config)
    ignored = _per_file(templates, config, stdin_name)
    found = get_linter(config).lint(templates)
    if not ignored:
        return found
    return [d for d in found if not any(d.code.startswith(c) for c in ignored.get(d.file, ()))]


def _per_file(
    templates: list[Template], config: Config, stdin_name: str | None
) -> dict[str, tuple[str, ...]]:
    """Give each template the category and language ``[per-file]`` sets for its file, where it
    declares none itself; the codes not to report, by file."""
    ignored: dict[str, tuple[str, ...]] = {}
    if not config.per_file:
        return ignored
    for tpl in templates:
        category, language, ignore = config.for_file(
            stdin_name if tpl.file == "-" and stdin_name else tpl.file
        )
        tpl.category = tpl.category or category
        tpl.language = tpl.language or language
        if ignore:
            ignored[tpl.file] = ignore
    return ignored


def lint_file(path: str | os.PathLike[str], *, config: Config | None = None) -> list[Diagnostic]:
    """Lint every template in one file. Raises InputError when the file cannot be a template."""
    name = _check_path(path, "lint_file's path")
    config = _config(config)
    return lint_templates(load_path(name, config.max_file_size), config)


@dataclass
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0
    templates: list[Template] = field(default_factory=list)
    # --fix: each fix not applied because the re-lint found it would bring a new problem
    refused: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``json.dumps`` takes it): ``diagnostics`` as ``templint lint --format
        json`` gives them (``Diagnostic.to_dict``, edits placed in the templates' lines),
        ``errors`` as its ``input-error`` items, ``skipped`` (path and reason), the number of
        ``files`` and ``templates`` read, and the fixes ``refused``."""
        from linter.output.json_format import error_item

        sources = {t.file: t.index for t in self.templates}
        return {
            "diagnostics": [d.to_dict(sources.get(d.file)) for d in self.diagnostics],
            "errors": [error_item(e) for e in self.errors],
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "files": self.files,
            "templates": len(self.templates),
            "refused": list(self.refused),
        }


def lint_paths(
    paths: PathsArg,
    config: Config | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    stdin_name: str | None = None,
    force_exclude: bool = False,
) -> RunResult:
    """Lint files and folders together, so duplicates across files are found too.

    An unreadable file is recorded and the rest are still linted. ``-`` is standard input,
    parsed as ``stdin_name`` would be (its findings still name ``-``). ``force_exclude``: the
    configuration's ``exclude`` leaves out files named outright too, not only those a folder
    walk finds.
    """
    config = _config(config)
    if isinstance(paths, (str, os.PathLike)):  # one path, not a list of its letters
        paths = [paths]
    if not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a list of paths, not {type(paths).__name__}")
    names = [_check_path(p, "each of paths") for p in paths]
    result = RunResult()
    excluded = config.excluded if config.source else None
    for item in iter_paths(names, excluded, force_exclude):
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        if isinstance(item, Skipped):
            result.skipped.append(item)
            if on_skip:
                on_skip(item)
            continue
        result.files += 1
        try:
            result.templates.extend(load_path(item, config.max_file_size, stdin_name))
        except InputError as exc:
            result.errors += [exc, *exc.others]
            result.templates.extend(exc.readable)  # a JSONL file's good lines
    if result.templates:
        result.diagnostics = lint_templates(result.templates, config, stdin_name)
    return result


def fix_paths(
    paths: PathsArg,
    config: Config | None = None,
    *,
    unsafe: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    force_exclude: bool = False,
    write: bool = True,
) -> tuple[FixResult, RunResult]:
    """Lint, write the fixes into the files (``unsafe``: best guesses too, as
    ``--unsafe-fixes``), and lint again: what was fixed, and what is left.

    Each file is fixed in rounds until nothing is left to fix, re-linted after each; a fix
    that would bring a finding at or above ``fail-on`` the template did not have is not
    applied (``refused`` says which and why). ``write=False`` (``--diff``) writes nothing:
    ``FixResult.changes`` holds what would be written."""
    from linter.fixes import without_refused

    config = _config(config)
    result = lint_paths(paths, config, on_skip=on_skip, force_exclude=force_exclude)
    done = _fix_files(result, config, unsafe=unsafe, write=write)
    if done.files and write:
        result = lint_paths(paths, config, force_exclude=force_exclude)
    result.diagnostics = without_refused(result.diagnostics, done.refused_fixes)
    result.refused = done.refused
    return done, result


def honest_fixes(
    result: RunResult,
    config: Config | None = None,
    unsafe: bool = False,
    *,
    stdin_name: str | None = None,
) -> None:
    """Take the edit off each finding whose fix ``--fix`` would refuse (it would bring a new
    problem: ``fix_text``) or not write (a symlink, a read-only file: ``_fix_files``), so the
    report's "fixable" count and each finding's ``edit`` say what ``--fix`` would do, without
    writing anything. Standard input (``-``, parsed as ``stdin_name`` says, as ``lint_paths``
    was told) is judged as ``--fix`` on it (``fix_source``) judges it. ``unsafe``: the report
    counts best guesses as ``--fix --unsafe-fixes`` makes them. Only the files with something
    to fix are fixed in memory: a run with nothing to fix costs nothing more."""
    import dataclasses

    config = _config(config)
    edits = [d.edit for d in result.diagnostics if d.edit is not None]
    if not edits:
        return
    # --fix: the safe fixes alone; --fix --unsafe-fixes: every fix, in the files with a guess
    refused_safe: set[tuple[str, str, str, str, str]] = set()
    refused_all: set[tuple[str, str, str, str, str]] = set()
    if not unsafe and any(e.safe for e in edits):
        refused_safe = _judged(result, config, unsafe=False, stdin_name=stdin_name)
    guessing = {d.file for d in result.diagnostics if d.edit is not None and not d.edit.safe}
    if unsafe or guessing:
        only = None if unsafe else guessing
        refused_all = _judged(result, config, unsafe=True, only=only, stdin_name=stdin_name)
    if not refused_safe and not refused_all:
        return

    def refused(d: Diagnostic) -> bool:
        assert d.edit is not None
        which = refused_all if unsafe or not d.edit.safe else refused_safe
        return (d.file, d.component, d.code, d.edit.old, d.edit.new) in which

    result.diagnostics = [
        dataclasses.replace(d, edit=None) if d.edit is not None and refused(d) else d
        for d in result.diagnostics
    ]


def _judged(
    result: RunResult,
    config: Config,
    *,
    unsafe: bool,
    only: set[str] | None = None,
    stdin_name: str | None = None,
) -> set[tuple[str, str, str, str, str]]:
    """The fixes ``--fix`` would refuse or not write, found without writing anything."""
    done = _fix_files(
        result, config, unsafe=unsafe, write=False, only=only, as_fix=True, stdin_name=stdin_name
    )
    return done.refused_fixes


def _fix_files(
    result: RunResult,
    config: Config,
    *,
    unsafe: bool,
    write: bool,
    only: set[str] | None = None,
    as_fix: bool = False,
    stdin_name: str | None = None,
) -> FixResult:
    """Fix each file of a run that has something to fix (``fix_text``), and write it unless
    ``write`` is false; a fix is refused when it would bring a new problem, a duplicate of
    another file's template (TPL401, TPL402) included: each file is re-linted alone, and its
    templates compared with the other files' as they are by then (fixed or not). ``only``:
    these files alone. A file that is not rewritten (a symlink, read-only, no file) has its
    fixes in ``refused_fixes`` too: the report does not count them as fixable.

    ``as_fix`` (with ``write`` false): what ``--fix`` would do, for the report: a read-only
    file is skipped as ``--fix`` skips it (``--diff`` shows it), and standard input is fixed
    in memory as ``--fix`` on it does (``fix_source``), parsed as ``stdin_name`` says."""
    from linter.fixes import (
        LINK_REFUSED,
        FixResult,
        fix_text,
        fixable,
        is_link,
        read_text,
        writable,
    )
    from linter.fixes import write_text as write_file

    done = FixResult()
    found_in: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        found_in.setdefault(d.file, []).append(d)
    files = sorted({d.file for d in fixable(result.diagnostics, unsafe)})
    if only is not None:
        files = [f for f in files if f in only]
    if not files:
        return done
    runs = _RunDuplicates(result.templates, config)

    def skip(path: str, why: str) -> None:
        done.skipped.append(why)
        for d in fixable(found_in.get(path, []), unsafe):
            assert d.edit is not None
            done.refused_fixes.add((d.file, d.component, d.code, d.edit.old, d.edit.new))

    for path in files:
        stdin = path == "-" and as_fix and not write and bool(runs.of(path))
        if not stdin and (path == "-" or not os.path.isfile(path)):
            skip(path, f"{path}: not a file that can be rewritten")
            continue
        if not stdin and is_link(path):  # --diff too: a patch from it would write through it
            skip(path, LINK_REFUSED.format(path=path))
            continue
        if not stdin and (write or as_fix) and not writable(path):
            skip(path, f"{path}: read-only; not rewritten")
            continue
        try:
            # standard input, read once: its text as read (without a byte-order mark)
            text, bom = (runs.of(path)[0].index.text, False) if stdin else read_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            skip(path, f"{path}: not rewritten ({exc})")
            continue
        templates = runs.of(path)
        # before the fixes, the file is compared with the run as it was read: a duplicate it
        # already had of another file is no new one when that file has been fixed the same way
        first = (runs.add(path, found_in.get(path, []), templates, as_read=True), templates)
        named = stdin_name if stdin else None

        def lint(
            t: str, path: str = path, named: str | None = named
        ) -> tuple[list[Diagnostic], list[Template]]:
            found, templates = _lint_source(t, path, config, named)
            return runs.add(path, found, templates), templates

        try:
            fixed = fix_text(text, lint, unsafe=unsafe, fail_on=config.fail_on, first=first)
        except ValueError:
            skip(path, f"{path}: changed since it was read; not rewritten")
            continue
        done.refused += fixed.refused
        done.refused_fixes |= fixed.refused_fixes
        if not fixed.applied or fixed.text == text:
            continue
        mark = "\ufeff" if bom else ""  # for --diff: the first line as the file has it
        done.changes[path] = (mark + text, mark + fixed.text)
        if write:
            try:
                write_file(path, fixed.text, bom)
            except OSError as exc:
                skip(path, f"{path}: not rewritten ({exc})")
                continue
        runs.fixed(path, fixed.templates)
        done.fixed += fixed.applied
        done.files.append(path)
    return done


class _RunDuplicates:
    """The duplicate checks (TPL401, TPL402) across the files of a run, for ``--fix``: a file
    re-linted alone after a fix cannot see that its template now has another file's name or
    text. Each file's templates are compared with those of the other files that could match
    (same name, or same body): few or none, so a re-lint stays about one file's work."""

    def __init__(self, templates: list[Template], config: Config) -> None:
        self.config = config
        self.linter = get_linter(config)
        self.codes = self.linter.run_codes
        self.by_file: dict[str, list[Template]] = {}
        for tpl in templates:
            self.by_file.setdefault(tpl.file, []).append(tpl)
        self.as_read = dict(self.by_file)
        self._names: dict[str, list[Template]] = {}
        self._bodies: dict[str, list[Template]] = {}
        if self.codes:
            for tpl in templates:
                self._index(tpl)

    @staticmethod
    def _keys(tpl: Template) -> tuple[str | None, str | None]:
        from linter.kinds.duplicate import normalise

        body = tpl.component("body")
        return (tpl.name or None, normalise(body.text) if body is not None else None)

    def _index(self, tpl: Template) -> None:
        name, body = self._keys(tpl)
        if name:
            self._names.setdefault(name, []).append(tpl)
        if body:
            self._bodies.setdefault(body, []).append(tpl)

    def of(self, path: str) -> list[Template]:
        return self.by_file.get(path, [])

    def fixed(self, path: str, templates: list[Template]) -> None:
        """The file now holds ``templates``: later files are compared with them."""
        self.by_file[path] = templates
        if self.codes:
            for tpl in templates:
                self._index(tpl)  # the old ones stay indexed: ``add`` keeps only the current

    def add(
        self, path: str, found: list[Diagnostic], templates: list[Template], as_read: bool = False
    ) -> list[Diagnostic]:
        """``found`` (the file's findings, linted alone or in the run) with its duplicate
        findings worked out against the other files' templates (as they are now, or
        ``as_read``), which go first: a duplicate of theirs is this file's finding, whichever
        file the run lists first."""
        if not self.codes:
            return found
        files = self.as_read if as_read else self.by_file
        near: dict[int, Template] = {}
        for tpl in templates:
            name, body = self._keys(tpl)
            for other in self._names.get(name or "", []) + self._bodies.get(body or "", []):
                if other.file != path and any(other is t for t in files[other.file]):
                    near[id(other)] = other
        if not near:
            return found
        others = sorted(near.values(), key=lambda t: (t.file, t.anchor))
        cross = self.linter.lint_run([*others, *templates], templates)
        ignored = self.config.for_file(path)[2] if self.config.per_file else ()
        cross = [d for d in cross if not any(d.code.startswith(c) for c in ignored)]
        kept = [d for d in found if d.code not in self.codes]
        return sorted(kept + cross, key=Diagnostic.sort_key)


def _lint_source(
    text: str, path: str, config: Config | None, stdin_name: str | None = None
) -> tuple[list[Diagnostic], list[Template]]:
    """The findings in one file's text (as ``lint_paths`` finds them in it) and its templates;
    a JSON Lines file's readable lines when others are broken."""
    try:
        templates = parse_source(text, path, stdin_name)
    except InputError as exc:
        if not exc.readable:
            raise
        templates = list(exc.readable)
    return lint_templates(templates, config, stdin_name), templates


def fix_source(
    text: str,
    config: Config | None = None,
    *,
    unsafe: bool = False,
    stdin_name: str | None = None,
) -> tuple[str, int, RunResult]:
    """``--fix`` for text that is no file (standard input, an editor's buffer): the text with
    the fixes applied, how many were applied, and what is left in it (``result.refused``: the
    fixes not applied because they would bring a new problem). Raises InputError when the text
    cannot be a template."""
    from linter.fixes import fix_text, without_refused

    if not isinstance(text, str):
        raise TypeError(f"fix_source needs the text as a str, not {type(text).__name__}")
    _check_str(stdin_name, "stdin_name")
    config = _config(config)
    _check_size(text, config)
    mark = BOM if text.startswith(BOM) else ""  # read without it, as the CLI does; kept
    text = text.removeprefix(BOM)
    templates = parse_source(text, "-", stdin_name)
    found = lint_templates(templates, config, stdin_name)
    fixed = fix_text(
        text,
        lambda t: _lint_source(t, "-", config, stdin_name),
        unsafe=unsafe,
        fail_on=config.fail_on,
        first=(found, templates),
    )
    return (
        mark + fixed.text,
        fixed.applied,
        RunResult(
            without_refused(fixed.found, fixed.refused_fixes),
            files=1,
            templates=fixed.templates,
            refused=fixed.refused,
        ),
    )
