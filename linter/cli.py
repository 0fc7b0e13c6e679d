"""The ``templint`` command. Subcommands load on first use so ``lint`` stays fast."""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import click

from linter.output import FORMATS
from linter.output.safe import safe, safe_lines

# name -> "module:attribute"; imported only when that subcommand runs (or --help lists it).
LAZY_COMMANDS = {
    "lint": ("linter.cli", "lint", "Lint templates: files, folders, or - for standard input."),
    "explain": (
        "linter.commands.explain",
        "explain",
        "Explain a draft's promotional score, word by word, and its findings.",
    ),
    "rules": ("linter.cli", "rules_cmd", "List every rule."),
    "rule": ("linter.cli", "rule_cmd", "Show one rule's documentation."),
    "train": ("linter.commands.train", "train", "Train the promotional classifier from data/."),
    "evaluate": (
        "linter.commands.evaluate",
        "evaluate",
        "Measure rules and classifier on labelled data.",
    ),
    "queue": ("linter.commands.queue", "queue", "Track submissions through Meta's review."),
    "window": (
        "linter.commands.queue",
        "window",
        "Check WhatsApp's 24-hour customer-service window.",
    ),
    "batch": ("linter.commands.batch", "batch", "Score a spreadsheet of drafts in bulk."),
    "server": ("linter.lsp", "server", "Run as a language server (LSP) for editors."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in LAZY_COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        # Commands whose module is not in this build (an optional part) are simply not listed.
        module = LAZY_COMMANDS[name][0]
        try:
            return module == __name__ or importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            return False

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in LAZY_COMMANDS or not self._available(name):
            return None
        module, attr, _ = LAZY_COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as exc:
            raise _one_safe_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:  # a subcommand's usage error, or its own
            raise _one_safe_line(exc) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # a reader that stopped early (| head): click exits quietly
            # Commands report the files they read and write; what is left is the output stream
            # itself failing (a redirect onto a full disk): one line, not a traceback.
            where = exc.filename or "cannot write the output"
            message = exc.strerror or str(exc)
            with contextlib.suppress(OSError):
                sys.stdout.flush()
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- nothing more can go out
            fail(f"{where}: {message}")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so `templint --help` imports no subcommand module.
        rows = [(n, LAZY_COMMANDS[n][2]) for n in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _one_safe_line(exc: click.ClickException) -> click.ClickException:
    """``exc`` shown as templint's other errors are: one line on stderr, ``templint: ``, what
    it quotes of the command line made ``safe``. click's own would print an argument's
    terminal escapes as given (``Got unexpected extra argument (ESC[2J)``: its quoting is
    repr in some messages, none in others) over four lines. Exceptions that show themselves
    (``--help`` when no argument is given, the queue's errors) are left alone."""
    if type(exc).show not in (click.ClickException.show, click.UsageError.show):
        return exc
    ctx = getattr(exc, "ctx", None)
    usage = f" (`{ctx.command_path} --help` shows the usage)" if ctx is not None else ""
    line = f"templint: {safe(exc.format_message())}{usage}"

    def show(file: Any = None) -> None:
        click.echo(line, err=True)

    exc.show = show  # type: ignore[method-assign]
    return exc


def fail(message: str) -> None:
    """A usage or input problem: one line on stderr (one per problem), exit 2."""
    for line in message.splitlines() or [""]:
        click.echo(f"templint: {safe(line)}", err=True)
    sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="templint", prog_name="templint")
def main() -> None:
    """templint — catch what Meta would reject in WhatsApp message templates, before you submit."""


def config_options(func: Any) -> Any:
    """``--config FILE`` and ``--isolated``, for the commands that read a configuration."""
    func = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(func)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="A templint.toml or pyproject.toml (default: the nearest one).",
    )(func)


def load_config_option(config_path: str | None, isolated: bool) -> Any:
    from linter.config import Config, ConfigError, load_config

    if isolated:
        return Config()
    try:
        return load_config(Path(config_path) if config_path else None)
    except ConfigError as exc:
        fail(str(exc))


def _rulebook(config: Any) -> tuple[Any, ...]:
    """The rules a run under ``config`` has, with its settings checked against them; a rule
    file or setting that is wrong ends the command (one line each, exit 2)."""
    from linter.rulebook import check_settings, config_rules

    try:
        rules = config_rules(config)
        check_settings(rules, config)
    except ValueError as exc:  # RuleFileError, ConfigError
        fail(str(exc))
    return rules


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip().upper() for item in values for v in item.split(",") if v.strip())


def language_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--language`` value, in Meta's form (TPL302 would flag it on every template)."""
    from linter.config import is_language_code

    if value is not None and not is_language_code(value):
        raise click.BadParameter(f"{value!r} is not a language code in Meta's form, e.g. en_US, es")
    return value


def _use_color(option: str, stream: Any = None) -> bool:
    if option == "always":
        return True
    if option == "never" or os.environ.get("NO_COLOR"):
        return False
    return (stream or sys.stdout).isatty()


@main.command("lint")
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or the config's).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes (comma-separated).")
@click.option(
    "--category",
    type=click.Choice(["MARKETING", "UTILITY", "AUTHENTICATION"], case_sensitive=False),
    default=None,
    help="Category for templates that declare none (default: UTILITY).",
)
@click.option(
    "--language",
    callback=language_code,
    default=None,
    help="Language (Meta's code: en_US, es) for templates that declare none; "
    "spelling is checked in English, Spanish and Portuguese, and in any language whose "
    "Hunspell dictionary the configuration adds (docs/languages.md).",
)
@config_options
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option(
    "--fix", "apply_fix", is_flag=True, help="Write the safe fixes into the files, then report."
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also best guesses: spelling suggestions, https://, names; "
    "without them, the report counts those as fixable (as ruff does).",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print what --fix would change as a unified diff, write nothing; exit 1 if any "
    "(0 with --exit-zero).",
)
@click.option("--no-hints", "--no-fix", "no_fix", is_flag=True, help="Do not print fix hints.")
@click.option(
    "--add-ignore",
    is_flag=True,
    help="Write a suppression for every finding into its template (to adopt templint on "
    "existing drafts: only new problems are reported after), then exit.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how often each rule fired (text or json), not the findings.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to a file instead of standard output.",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    default=None,
    help="What standard input is (an editor's file name): it is parsed as NAME's type and "
    "findings name it. No PATHS then means -.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Leave out files named on the command line too when the configuration's exclude (or "
    "the README/CHANGELOG/LICENSE names) would leave them out of a folder: for pre-commit, "
    "which names each file.",
)
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why.")
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    category: str | None,
    language: str | None,
    config_path: str | None,
    isolated: bool,
    color: str,
    apply_fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    no_fix: bool,
    add_ignore: bool,
    statistics: bool,
    output: str | None,
    stdin_filename: str | None,
    force_exclude: bool,
    verbose: bool,
) -> None:
    """Lint templates: .txt/.md bodies, Meta JSON (.json, .jsonl), folders, or - (stdin).

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error. With
    --fix, what is reported and the exit status are what is left after fixing. With --fix
    on standard input, the fixed text goes to standard output and the report to stderr.
    """
    from linter.api import fix_paths, honest_fixes, lint_paths
    from linter.diagnostic import severity_rank
    from linter.output import Report, emit

    paths = _stdin_paths(paths, stdin_filename, apply_fix or show_diff)
    if add_ignore and (apply_fix or show_diff or "-" in paths):
        raise click.UsageError("--add-ignore writes into files: not with --fix, --diff or -.")
    if statistics and fmt not in ("text", "concise", "json"):
        raise click.UsageError(f"--statistics prints text or json, not {fmt}.")
    config = load_config_option(config_path, isolated)
    config = config.with_selection(_split(select), _split(ignore)).with_overrides(
        fail_on=fail_on,
        default_category=category.upper() if category else None,
        default_language=language,
    )
    _rulebook(config)  # a broken rule file or setting: one line, before any file is read
    if unsafe_fixes and not (apply_fix or show_diff or add_ignore):
        # as in ruff, the report then counts best guesses as fixable; but nothing is written
        click.echo(
            "templint: --unsafe-fixes writes nothing without --fix (--diff shows the changes)",
            err=True,
        )

    def note(skipped: Any) -> None:
        if verbose or skipped.loud:
            click.echo(safe(f"{skipped.path}: skipped ({skipped.reason})"), err=True)

    stream = sys.stdout
    try:
        if paths == ("-",) and (apply_fix or show_diff):
            result = _fix_stdin(config, stdin_filename, unsafe_fixes, show_diff, exit_zero)
            stream = sys.stderr  # standard output holds the fixed text
        elif apply_fix or show_diff:  # --diff writes nothing
            done, result = fix_paths(
                list(paths),
                config,
                unsafe=unsafe_fixes,
                on_skip=note,
                force_exclude=force_exclude,
                write=not show_diff,
            )
            for why in done.skipped + done.refused:
                click.echo(f"templint: {safe(why)}", err=True)
            if done.fixed and not show_diff:
                click.echo(
                    f"templint: fixed {_count(done.fixed, 'finding')} in "
                    f"{_count(len(done.files), 'file')}",
                    err=True,
                )
        else:
            result = lint_paths(
                list(paths),
                config,
                on_skip=note,
                stdin_name=stdin_filename,
                force_exclude=force_exclude,
            )
            if not add_ignore:
                # what --fix would refuse is not counted as fixable, nor given as an edit
                honest_fixes(result, config, unsafe=unsafe_fixes, stdin_name=stdin_filename)
    except ValueError as exc:
        # RuleFileError, the classifier's ModelError, a bad rule parameter: the linter could
        # not be set up, so nothing was checked.
        fail(str(exc))
    if stdin_filename:
        _name_stdin(result, stdin_filename)
    if add_ignore:
        _add_ignores(result)
    if show_diff:
        from linter.fixes import text_diff

        for err in result.errors:
            click.echo(safe(str(err)), err=True)
        diff = "".join(text_diff(p, *done.changes[p]) for p in sorted(done.changes))
        click.echo(diff, nl=False)
        sys.exit(2 if result.errors else 1 if diff and not exit_zero else 0)
    report = Report(
        diagnostics=result.diagnostics,
        errors=result.errors,
        sources={t.file: t.index for t in result.templates},
        files=result.files,
        templates=len(result.templates),
        color=_use_color(color, stream) and output is None and fmt in ("text", "concise"),
        show_fix=not no_fix,
        fail_on=config.fail_on,
        unsafe_fixes=unsafe_fixes and not (apply_fix or show_diff),
    )
    if fmt == "sarif":
        from linter.rulebook import config_rules

        report.rules = {r.code: r for r in config_rules(config)}
    if fmt in ("text", "concise"):
        # Input errors go to stderr as single lines; the report carries the rest.
        for err in result.errors:
            click.echo(safe(str(err)), err=True)
    if result.files == 0 and not result.errors:
        # Not an error (a hook may run on a folder with nothing to check), but never silent.
        where = safe(", ".join(paths))
        click.echo(
            f"templint: no template files found in {where} (-v says what was skipped)", err=True
        )
    if statistics:
        from linter.output import statistics as stats

        write = stats.emit_json if fmt == "json" else stats.emit_text  # concise: text
    else:

        def write(report: Report, stream: Any) -> None:
            emit(fmt, report, stream)

    if output:
        try:
            with open(output, "w", encoding="utf-8") as out:
                write(report, out)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        write(report, stream)
    if result.errors:
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(d.severity) >= threshold for d in result.diagnostics)
    sys.exit(1 if failing else 0)


def _stdin_paths(paths: tuple[str, ...], stdin_name: str | None, fixing: bool) -> tuple[str, ...]:
    if not paths:
        if stdin_name is None:
            raise click.UsageError("Missing argument 'PATHS...': files, folders, or -.")
        return ("-",)
    if stdin_name is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names standard input: give - or no PATHS.")
    if fixing and "-" in paths and len(paths) > 1:
        raise click.UsageError("--fix or --diff on standard input (-) takes no other PATHS.")
    return paths


def _fix_stdin(
    config: Any, name: str | None, unsafe: bool, show_diff: bool, exit_zero: bool = False
) -> Any:
    """``--fix`` / ``--diff`` on standard input: print the fixed text (or the diff) and
    return what is left, for the report."""
    from linter.api import RunResult, fix_source
    from linter.inputs import InputError, read_text_bom

    try:
        text, bom = read_text_bom("-", config.max_file_size)
    except InputError as exc:
        return RunResult(errors=[exc], files=1)
    # a byte-order mark is given back, as a fixed file keeps its own: part of the first line
    mark = "\ufeff" if bom else ""
    try:
        new, count, result = fix_source(text, config, unsafe=unsafe, stdin_name=name)
    except InputError as exc:
        new, count, result = text, 0, RunResult(errors=[exc], files=1)
    for why in result.refused:
        named = f"{name}{why[1:]}" if name and why.startswith("-:") else why
        click.echo(f"templint: {safe(named)}", err=True)
    if show_diff:
        from linter.fixes import text_diff

        if result.errors:
            _name_stdin(result, name or "-")
            for err in result.errors:
                click.echo(safe(str(err)), err=True)
        click.echo(text_diff(name or "-", mark + text, mark + new), nl=False)
        sys.exit(2 if result.errors else 1 if count and not exit_zero else 0)
    # Always the whole text, unchanged when nothing could be fixed: an editor puts standard
    # output back into its buffer.
    click.echo(mark + new, nl=False)
    if count:
        click.echo(f"templint: fixed {_count(count, 'finding')}", err=True)
    return result


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _add_ignores(result: Any) -> None:
    """``--add-ignore``: write the suppressions, say what was done, exit."""
    from linter.fixes import write_edits
    from linter.suppress import suppressions

    for err in result.errors:
        click.echo(safe(str(err)), err=True)
    found = suppressions(result.templates, result.diagnostics)
    done = write_edits(sorted(found.edits.items()))
    for why in found.left + done.skipped:
        click.echo(f"templint: {safe(why)}", err=True)
    codes = sum(found.codes[f] for f in done.files)
    click.echo(
        f"templint: added {_count(codes, 'suppressed code')} to "
        f"{_count(done.fixed, 'template')} in {_count(len(done.files), 'file')}",
        err=True,
    )
    sys.exit(2 if result.errors or done.skipped or found.left else 0)


def _name_stdin(result: Any, name: str) -> None:
    """Findings and errors on standard input carry the name the editor gave it."""
    import dataclasses

    result.diagnostics = [
        dataclasses.replace(d, file=name) if d.file == "-" else d for d in result.diagnostics
    ]
    result.errors = [
        dataclasses.replace(e, path=name) if e.path == "-" else e for e in result.errors
    ]
    for tpl in result.templates:
        if tpl.file == "-":
            tpl.file = name


@main.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@config_options
def rules_cmd(fmt: str, config_path: str | None, isolated: bool) -> None:
    """List every rule: code, name, severity, kind, what it checks; a project's own rules
    (``extend-rules`` in its configuration) too."""
    rules = _rulebook(load_config_option(config_path, isolated))
    if fmt == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "kind": r.kind,
                "applies_to": list(r.applies_to),
                "autofix": r.autofix or None,
                "summary": " ".join(r.summary.split()),
            }
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        from linter.docs import rules_table

        # a project's rule file is input: its summary may hold a terminal escape
        click.echo(safe_lines(rules_table(rules)), nl=False)
    else:
        # "[*]": `lint --fix` can fix some of its findings (`templint rule CODE` says how)
        width = max((len(r.code) for r in rules), default=6)
        for r in rules:
            fix = "[*]" if r.autofix else "   "
            summary = " ".join(r.summary.split())[:66]
            click.echo(safe(f"{r.code:<{width}}  {r.name:<32} {r.severity:<8} {fix} {summary}"))


@main.command("rule")
@click.argument("code")
@click.option(
    "--check",
    "run_examples",
    is_flag=True,
    help="Run the rule's examples instead: each fail example must trigger it, each pass "
    "example must not; exit 1 if one does not. CODE may then be a prefix (ACME: every rule "
    "whose code starts so).",
)
@config_options
def rule_cmd(code: str, run_examples: bool, config_path: str | None, isolated: bool) -> None:
    """Print one rule's documentation (what it does, why, example, fix). CODE or name."""
    from linter.rulebook import find_rule, matches

    config = load_config_option(config_path, isolated)
    rules = _rulebook(config)
    rule = find_rule(code, rules)
    if run_examples:
        chosen = [rule] if rule is not None else [r for r in rules if matches(r.code, [code])]
        if not chosen:
            fail(f"no rule {code!r} and no code starts so; `templint rules` lists them")
        _check_examples(chosen, config)
    if rule is None:
        fail(f"no rule {code!r}; `templint rules` lists them")
    click.echo(safe_lines(rule.doc()), nl=False)


def _check_examples(rules: list[Any], config: Any) -> None:
    """``rule --check``: the rules' parameters checked by their kinds as a project's rule files
    are, a shipped one's too (exit 2, as a run that reads a broken file); then one line per
    example that misbehaves, a summary, exit 0 or 1."""
    from linter.examples import check_examples
    from linter.rulebook import params_problems

    broken = params_problems(rules)
    if broken:
        fail("\n".join(broken))
    problems = []
    for rule in rules:
        try:
            problems += check_examples(rule, config)
        except ValueError as exc:  # a rule parameter its kind refuses when set up
            fail(str(exc))
    for line in problems:
        click.echo(safe(line))
    count = sum(len(r.examples_fail) + len(r.examples_pass) for r in rules)
    said = f"{_count(count, 'example')} of {_count(len(rules), 'rule')}"
    if problems:
        click.echo(f"templint: {_count(len(problems), 'problem')} in {said}", err=True)
        sys.exit(1)
    click.echo(f"templint: {said}: every fail example fires, no pass example does", err=True)
    sys.exit(0)
