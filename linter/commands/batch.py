"""``templint batch``: score a spreadsheet, JSONL file or Meta export of drafts in bulk."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from linter.cli import _split, config_options, fail, language_code, load_config_option
from linter.output.safe import safe


@click.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    required=True,
    help="Where to write the scored rows; the format follows the extension "
    "(.csv, .tsv, .xlsx, .jsonl, .json). '-' writes to standard output.",
)
@click.option(
    "--text-column",
    default=None,
    help="The column holding the template body (default: the first of body, text, template, "
    "message).",
)
@click.option("--name-column", default=None, help="The template name column (default: name).")
@click.option(
    "--category-column",
    default=None,
    help="The declared category column (default: category).",
)
@click.option(
    "--language-column",
    default=None,
    help="The template language column, as Meta's language codes (en_US, es, pt_BR) "
    "(default: language or lang). It picks the spelling dictionary (English, Spanish, "
    "Portuguese; rows in other languages are not spell-checked); TPL302 checks each "
    "code's form.",
)
@click.option(
    "--brand-column",
    default=None,
    help="The column naming who sends each row (default: brand or client): its name is "
    "accepted by the spelling rule and left out of what the classifier reads, as for the "
    "configuration's brands.",
)
@click.option("--delimiter", default=None, help="CSV field separator (default: from the header).")
@click.option(
    "--encoding",
    default=None,
    help="The encoding of a CSV or TSV input (default: UTF-8, with or without a BOM): cp1252 "
    "for a CSV Excel saved on Windows, utf-16 for its 'Unicode Text'.",
)
@click.option(
    "--sheet",
    default=None,
    help="The sheet of an .xlsx workbook to read (default: the first).",
)
@click.option(
    "--input-format",
    type=click.Choice(["csv", "xlsx", "jsonl", "json"]),
    default=None,
    help="Read INPUT as this format, whatever its extension.",
)
@click.option(
    "--output-format",
    type=click.Choice(["csv", "xlsx", "jsonl", "json"]),
    default=None,
    help="Write OUTPUT in this format, whatever its extension.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: every core). Results are the same for any number.",
)
@click.option(
    "--backend",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: worker processes here; dask: an existing Dask cluster (--scheduler).",
)
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option(
    "--scheduler-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds to wait for the Dask scheduler to answer.",
)
@click.option("--report", "report_path", default=None, help="Also write an HTML report here.")
@click.option(
    "--category",
    type=click.Choice(["MARKETING", "UTILITY", "AUTHENTICATION"], case_sensitive=False),
    default=None,
    help="Category for rows that declare none (default: UTILITY).",
)
@click.option(
    "--language",
    callback=language_code,
    default=None,
    help="Language (Meta's code: en_US, es) for rows that declare none.",
)
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes (comma-separated).")
@config_options
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar and no summary (a hint about the input, such as its encoding, is "
    "still printed).",
)
def batch(**options: Any) -> None:
    """Score every row of INPUT (CSV, TSV, an Excel .xlsx sheet, JSONL or a Meta JSON export;
    - reads standard input, whose format --input-format gives) and write them to OUTPUT
    with verdict (pass / warn / fail / error), promo_score, predicted_category, codes, messages
    and suggestion added. Rows that cannot be scored (empty, too long, broken encoding, a
    malformed line) get verdict 'error' and a reason; the run always finishes.

    Exit status: 0 when the run finished (whatever the verdicts), 1 when it could not (a worker
    process died), 2 for a usage problem or a file that cannot be read or written (one line
    naming the file), 130 when interrupted (Ctrl-C).
    """
    try:
        _batch(**options)
    except KeyboardInterrupt:
        # click would print "Aborted!" and exit 1, the status of a lost worker
        output = options["output"]
        kept = output != "-" and not _special(output)
        left = f"; {output} was not written" if kept else ""
        click.echo(safe(f"templint: interrupted{left}"), err=True)
        sys.exit(130)


def _batch(
    input_path: str,
    output: str,
    text_column: str | None,
    name_column: str | None,
    category_column: str | None,
    language_column: str | None,
    brand_column: str | None,
    delimiter: str | None,
    encoding: str | None,
    sheet: str | None,
    input_format: str | None,
    output_format: str | None,
    jobs: int | None,
    backend: str,
    scheduler: str | None,
    scheduler_timeout: float,
    report_path: str | None,
    category: str | None,
    language: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    isolated: bool,
    quiet: bool,
) -> None:
    from linter.batch.reader import BatchError, open_table
    from linter.batch.run import Progress, WorkerLost, default_jobs, run_batch
    from linter.batch.writer import Writer, output_kind

    if backend == "dask" and not scheduler:
        fail("--backend dask needs --scheduler ADDRESS (the Dask scheduler to run on)")
    if scheduler and backend != "dask":
        fail("--scheduler is for --backend dask")
    _check_distinct_files(input_path, output, report_path)
    config = load_config_option(config_path, isolated)
    config = config.with_selection(_split(select), _split(ignore)).with_overrides(
        default_category=category.upper() if category else None,
        default_language=language,
    )
    workers = backend == "dask" or (jobs or default_jobs()) > 1
    try:
        threshold = _check_setup(config, load=not workers)
    except ValueError as exc:
        fail(str(exc))
    report: Any = None
    if report_path:
        from linter.batch.report import Report

        _check_report_path(report_path)
        report = Report(word_codes=_spelling_codes(config))
    try:
        table = open_table(
            input_path,
            kind=input_format,
            text_column=text_column,
            name_column=name_column,
            category_column=category_column,
            language_column=language_column,
            brand_column=brand_column,
            delimiter=delimiter,
            sheet=sheet,
            encoding=encoding,
        )
    except BatchError as exc:
        fail(str(exc))
    writer = None
    try:
        writer = Writer(output, output_kind(output, output_format, table), table)
        progress = Progress(table, enabled=not quiet and sys.stderr.isatty())
        summary = run_batch(
            table,
            writer,
            config,
            jobs=jobs or default_jobs(),
            backend=backend,
            scheduler=scheduler,
            scheduler_timeout=scheduler_timeout,
            progress=progress,
            on_result=report.add if report is not None else None,
        )
        writer.close()
    except ValueError as exc:  # BatchError, or a set-up error raised by a worker
        if writer is not None:
            writer.abort()
        fail(str(exc))
    except WorkerLost as exc:
        whole = writer is not None and writer.replaces  # else rows may have gone out already
        if writer is not None:
            writer.abort()
        nothing = f"; nothing was written to {output}" if whole else ""
        click.echo(safe(f"templint: {exc}{nothing}"), err=True)
        sys.exit(1)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        table.close()
    if report is not None:
        _write_report(report, report_path, input_path, output, summary, summary.jobs, threshold)
    if not quiet:
        where = "" if output == "-" else f" → {output}"
        click.echo(safe(summary.line() + where), err=True)
    # Said even with --quiet, which hides progress and the summary, not what is wrong with the
    # input: a cp1252 file read as UTF-8 makes every row an error, exit 0, and nothing else
    # would tell why.
    not_utf8 = summary.errors.get("invalid UTF-8", 0)
    if not_utf8 and encoding is None:
        rows = "1 row is" if not_utf8 == 1 else f"{not_utf8:,} rows are"
        click.echo(
            f"templint: {rows} not UTF-8 in {safe(str(input_path))}; if Excel on Windows saved the "
            "file, read it with --encoding cp1252",
            err=True,
        )


def _spelling_codes(config: Any) -> tuple[str, ...]:
    """The selected rules that report unknown words: the report counts their words."""
    from linter.rulebook import params_under, selected_rules

    return tuple(
        r.code
        for r in selected_rules(config)
        if r.kind == "spelling"
        and str(params_under(r, config).get("mode", "spelling")) == "spelling"
    )


def _check_setup(config: Any, load: bool) -> float | None:
    """Catch a broken rule file or a tampered model before any row is read: one clear error.

    With ``load`` (this process will score the rows) the linter that scores them is built
    here, once. With worker processes it is not: every worker builds its own, and one more
    copy here would hold spaCy and the model (about 130 MB) for nothing; the rule files are
    parsed and the model's SHA-256 checked instead, and a bad rule parameter surfaces from
    the first worker.
    Returns the promotional-score threshold in force, for the report (None when TPL501 is off).
    """
    from linter.kinds.classifier import configured_threshold, verify_models

    if load:
        from linter.batch.score import linter_for
        from linter.inputs import parse_text

        linter_for(config).lint([parse_text("Your order has shipped.", "<set-up check>")])
    else:
        from linter.rulebook import check_settings, config_rules

        check_settings(config_rules(config), config)  # before any output is written
        verify_models(config)
    return configured_threshold(config)


def _check_distinct_files(input_path: str, output: str, report_path: str | None) -> None:
    """The input, the output and the report are three files: refuse a run that would write one
    over another before anything is read. The output replaces its file when the run ends, so an
    output named like the input would replace the client's original with the scored copy, and
    a report named like the output would replace the scored rows with the HTML. Paths are
    compared resolved (``./a.csv`` and ``a.csv``, a symbolic link and its target, two hard
    links); ``-`` and devices or pipes (written into, never replaced) are not files here."""
    if _same_file(output, input_path):
        fail(
            f"{output}: -o names the input file {input_path}; write the scored rows to another "
            "file (the input is never replaced)"
        )
    if report_path is not None:
        if _same_file(report_path, output):
            fail(f"{report_path}: --report names the same file as -o {output}; name each its own")
        if _same_file(report_path, input_path):
            fail(
                f"{report_path}: --report names the input file {input_path}; name the report "
                "its own file"
            )


def _same_file(a: str, b: str) -> bool:
    import os
    import stat

    if a == "-" or b == "-":
        return False
    try:
        if os.path.samefile(a, b):
            return stat.S_ISREG(os.stat(a).st_mode)
    except OSError:  # one of them does not exist yet
        pass
    return os.path.realpath(a) == os.path.realpath(b) and not _special(a)


def _special(path: str) -> bool:
    import os
    import stat

    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _check_report_path(path: str) -> None:
    """A report that cannot be written is found before the rows are scored, not after."""
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        fail(f"{path}: cannot write the report: is a folder; name the report file")
    if not os.path.isdir(folder):
        fail(f"{path}: cannot write the report: no such folder {folder}")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        fail(f"{path}: cannot write the report: permission denied")


def _write_report(
    report: Any,
    path: str,
    source: str,
    output: str,
    summary: Any,
    jobs: int,
    threshold: float | None,
) -> None:
    html = report.html(
        title=f"templint batch report: {Path(source).name}",
        source=source,
        output=None if output == "-" else output,
        elapsed=summary.elapsed,
        jobs=jobs,
        threshold=threshold,
    )
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)
    except OSError as exc:
        fail(f"{path}: cannot write the report: {exc.strerror or exc}")
