"""The `newslint` command. Parsing arguments and printing stay here; the work is
done by `lint.runner` and the reporters.

Exit codes: 0 no finding at or above the fail level, 1 findings at or above it,
2 usage, configuration, pack or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lint import __version__
from lint.config import ConfigError
from lint.finding import SEVERITIES, at_least
from lint.packs import PackError
from lint.report import FORMATS

if TYPE_CHECKING:
    from lint.output import Output
    from lint.rule import Rule
    from lint.runner import Report, Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line. `only` names the subcommand about to run: the others are
    declared without their options, which start-up then does not pay for."""
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Lint English news text for machine-translation artifacts, "
        "scraping residue, inconsistent facts and misinformation markers.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text, add_options in SUBCOMMANDS:
        command = sub.add_parser(name, help=help_text)
        if only is None or only == name:
            add_options(command)
    return parser


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or - (default: .)")
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=sorted(FORMATS),
        default="text",
        help="report format (--output-format is ruff's spelling)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text and full reports: auto (default) when standard output is a "
        "terminal and NO_COLOR is not set",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--column-unit",
        choices=("code-point", "utf-16", "byte"),
        default="code-point",
        help="what columns count in every format: Unicode code points (default), UTF-16 code "
        "units (LSP clients, editors) or UTF-8 bytes (not with --format sarif)",
    )
    check.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="lowest severity that fails the run (default: warning)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported"
    )
    check.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: skip the file (strict, default) or check it with U+FFFD",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="check files in N processes (same output as -j 1); default 0: one per core "
        "once there are 64 inputs or more, else one",
    )
    _add_rule_options(check)
    check.add_argument("-q", "--quiet", action="store_true", help="print no summary line")
    check.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is drawn on stderr only when stderr is a terminal)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the results of unchanged files",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="keep the results of unchanged files in DIR (default: $NEWSLINT_CACHE_DIR/results "
        "when set, else .newslint_cache)",
    )
    check.add_argument(
        "--profile",
        action="store_true",
        help="print the time each rule and rule kind took on stderr (implies --no-cache)",
    )
    _add_gate_options(check)
    fixing = check.add_argument_group("fixes")
    fixing.add_argument(
        "--fix", action="store_true", help="apply safe suggestions to the files, then report"
    )
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply every suggestion"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; write nothing"
    )


def _baseline_options(baseline: argparse.ArgumentParser) -> None:
    baseline.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or - (default: .)"
    )
    baseline.add_argument(
        "-o", "--output", default=".newslint-baseline.json", metavar="FILE", help="%(default)s"
    )
    _add_input_options(baseline)
    _add_rule_options(baseline)


def _rules_options(rules: argparse.ArgumentParser) -> None:
    _add_rule_options(rules)
    rules.add_argument("--all", action="store_true", help="include rules that are switched off")
    rules.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown: the full reference, every rule and kind (docs/rules.md)",
    )
    rules.add_argument("-o", "--output", metavar="FILE", help="write to FILE (markdown)")


def _rule_options(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("rule_id", metavar="ID")
    _add_rule_options(rule)


def _test_packs_options(test: argparse.ArgumentParser) -> None:
    test.add_argument("packs", nargs="*", metavar="PACK", help="pack files (default: all)")
    _add_rule_options(test)


def _threshold(text: str) -> tuple[str, float]:
    from lint.gate import parse_threshold

    try:
        return parse_threshold(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _size(text: str) -> int:
    from lint.sources import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_input_options(p: argparse.ArgumentParser) -> None:
    found = p.add_argument_group("file discovery")
    found.add_argument(
        "--exclude",
        type=_csv,
        metavar="PATTERNS",
        help="glob patterns to skip in folders (comma-separated), replacing the configured "
        "exclude and the default one (.git, node_modules, venv, build, dist, ...)",
    )
    found.add_argument(
        "--extend-exclude",
        type=_csv,
        default=(),
        metavar="PATTERNS",
        help="glob patterns to skip in folders, beside the configured and default ones",
    )
    found.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="walk what .gitignore and .ignore files ignore too",
    )
    found.add_argument(
        "--force-exclude",
        dest="force_exclude",
        action="store_true",
        default=None,
        help="apply the exclude patterns to files named on the command line too "
        "(as pre-commit names them)",
    )
    found.add_argument(
        "--no-force-exclude", dest="force_exclude", action="store_false", help=argparse.SUPPRESS
    )
    found.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the file standard input stands for: its configuration and per-file-ignores "
        "apply, and the report names it (implies - when no path is given)",
    )
    p.add_argument(
        "--max-document-size",
        type=_size,
        metavar="SIZE",
        help="skip documents (files, records, stdin) larger than SIZE, e.g. 50MB "
        "(default 10MB, or max-document-size in the configuration)",
    )
    p.add_argument(
        "--jsonl-field",
        metavar="FIELD",
        help="inputs are JSON Lines; check each record's FIELD as a document",
    )
    p.add_argument(
        "--jsonl-id", metavar="FIELD", help="record id field (reports name file.jsonl#ID)"
    )
    p.add_argument(
        "--jsonl-suppress-field",
        metavar="FIELD",
        default="newslint_disable",
        help="record field listing rule ids or prefixes to suppress in its text "
        '(default %(default)s; [] or "" suppresses every rule)',
    )
    p.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report suppression comments that suppress nothing (newslint.unused-suppression)",
    )


def _add_gate_options(p: argparse.ArgumentParser) -> None:
    _add_input_options(p)
    gate = p.add_argument_group("gating")
    gate.add_argument(
        "--baseline", metavar="FILE", help="report and fail only on findings not in FILE"
    )
    gate.add_argument(
        "--diff-base", metavar="REV", help="only findings on lines changed since git REV"
    )
    gate.add_argument(
        "--threshold",
        action="append",
        type=_threshold,
        default=[],
        metavar="[FAMILY:]NAME=LIMIT",
        help="fail a document over a limit: per-1000-words=5, error=0, warning=3, or for one "
        "rule family, mt:per-1000-words=2, misinfo:warning=0 (repeatable)",
    )
    gate.add_argument(
        "--statistics",
        action="store_true",
        help="print the count of findings per rule instead of the findings (a table, or JSON "
        "under --format json)",
    )
    gate.add_argument("--summary", action="store_true", help="print a table per document")


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="use this configuration file for every input")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--select", type=_csv, help="rule-id prefixes to run (comma-separated)")
    p.add_argument("--extend-select", type=_csv, default=(), help="add rule-id prefixes")
    p.add_argument("--ignore", type=_csv, default=(), help="rule-id prefixes to skip")
    p.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="add a rule pack (repeatable)",
    )
    p.add_argument(
        "--allow-network",
        action="append",
        default=[],
        metavar="HOST",
        help="let rules send the checked text to HOST (a LanguageTool server; repeatable)",
    )


def _settings(args: argparse.Namespace) -> Settings:
    from lint.runner import Settings

    return Settings(
        config_file=args.config.resolve() if args.config else None,
        isolated=args.isolated,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        packs=tuple(p.resolve() for p in args.pack),
        fail_on=getattr(args, "fail_on", None),
        encoding_errors=getattr(args, "encoding_errors", "strict"),
        cache_dir=_result_cache_dir(args),
        max_document_size=getattr(args, "max_document_size", None),
        report_unused_suppressions=getattr(args, "report_unused_suppressions", False),
        column_unit=getattr(args, "column_unit", "code-point"),
        profile=bool(getattr(args, "profile", False)),
        progress=not (getattr(args, "quiet", False) or getattr(args, "no_progress", False)),
        exclude=getattr(args, "exclude", None),
        extend_exclude=getattr(args, "extend_exclude", ()),
        respect_gitignore=getattr(args, "respect_gitignore", None),
        force_exclude=getattr(args, "force_exclude", None),
        stdin_filename=getattr(args, "stdin_filename", None),
    )


def _result_cache_dir(args: argparse.Namespace) -> Path | None:
    if getattr(args, "no_cache", True):  # and commands without the option
        return None
    if os.environ.get("NEWSLINT_NO_CACHE"):  # the environment's --no-cache
        return None
    if args.cache_dir is not None:
        return args.cache_dir
    from lint.resultcache import default_folder

    return default_folder()


def _plan_output(args: argparse.Namespace) -> Output:
    """Where the report goes, checked before anything is read: a bad folder or
    a report that would replace a file the run reads ends the command here."""
    from lint.output import plan_output, refuse_inputs

    output = plan_output(args.output)
    named = [("baseline", getattr(args, "baseline", None)), ("configuration", args.config)]
    named += [("pack", p) for p in args.pack]
    for what, path in named:
        if path:
            refuse_inputs(output, [str(path)], what)
    return output


def _guard(output: Output) -> Callable[[list[str]], None]:
    """The runner's guard: refuse to write the report over one of the inputs."""
    from lint.output import refuse_inputs

    return lambda inputs: refuse_inputs(output, inputs)


def cmd_fix(args: argparse.Namespace, output: Output) -> tuple[int | None, bool]:
    """--fix / --diff: (an exit code if the run ends here, as under --diff;
    whether some file could not be fixed)."""
    from lint.fix import unified_diff
    from lint.output import write_output
    from lint.runner import Runner

    fixes, errors = Runner(_settings(args)).fix(
        list(args.paths),
        unsafe=args.unsafe_fixes,
        write=not args.diff,
        guard=_guard(output),
    )
    for error in errors:
        # Under --fix the check that follows reports the inputs it cannot read.
        if args.diff or not error.input_error:
            print(f"newslint: error: {error.message}", file=sys.stderr)
    changed = [f for f in fixes if f.changed]
    applied = sum(f.applied for f in changed)
    if args.diff:
        write_output(output, (unified_diff(f) for f in changed))
        if not args.quiet:
            print(f"{applied} fix(es) would be applied to {len(changed)} file(s)", file=sys.stderr)
        if errors:
            return EXIT_ERROR, True
        return (EXIT_FINDINGS if changed and not args.exit_zero else EXIT_CLEAN), False
    if not args.quiet:
        print(f"fixed {applied} finding(s) in {len(changed)} file(s)", file=sys.stderr)
    return None, bool(errors)


def _nothing_to_check(args: argparse.Namespace, report: Report) -> None:
    """A run that found no input at all says so (as ruff does, exit 0)."""
    if report.checked or report.errors or getattr(args, "quiet", False):
        return
    if all(p == "-" for p in args.paths):  # stdin excluded by --force-exclude: nothing to say
        return
    print(
        "newslint: warning: no documents to check under the given path(s) "
        f"({', '.join(args.paths)})",
        file=sys.stderr,
    )


def cmd_check(args: argparse.Namespace) -> int:
    from lint.output import write_output
    from lint.quoting import quote_path
    from lint.report import chunks

    if args.jsonl_field and (args.fix or args.diff):
        print("newslint: error: --fix and --diff do not apply to JSON Lines", file=sys.stderr)
        return EXIT_ERROR
    if args.column_unit == "byte" and args.format == "sarif":
        print(
            "newslint: error: --column-unit byte: SARIF counts columns in code points or "
            "UTF-16 code units only (its columnKind); use --column-unit code-point or utf-16",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if args.statistics and args.format not in ("text", "full", "json"):
        print(
            f"newslint: error: --statistics prints a table (--format text or full) or JSON "
            f"(--format json), not --format {args.format}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    output = _plan_output(args)
    fix_exit, fix_failed = cmd_fix(args, output) if (args.fix or args.diff) else (None, False)
    if fix_exit is not None:
        return fix_exit
    report = _run(args, output)
    if args.profile:
        from lint.profile import profile_table

        sys.stderr.write(profile_table(report))
    verdict, tables = _gate(args, report)
    if args.statistics:  # the counts instead of the findings, as in ruff
        from lint.gate import statistics_json, statistics_table

        counts = report.findings
        if args.format == "json":
            shown = statistics_json(counts)
        else:
            shown = statistics_table(counts) if counts else ""
        write_output(output, [shown])
    else:
        from lint.report.colour import wanted

        colour = wanted(args.color, sys.stdout, output.path is not None)
        write_output(output, chunks(args.format, report, colour=colour))
    if tables:  # on stdout beside a text report, else on stderr
        machine = args.output is not None or args.format not in ("text", "full")
        # After a report that printed anything (text, full, github and json-lines
        # print nothing without findings), a blank line first.
        printed = (
            report.findings
            or args.statistics
            or args.format not in ("text", "full", "github", "json-lines")
        )
        (sys.stderr if machine else sys.stdout).write(("\n" if printed else "") + tables)
    for row in verdict or ():
        print(
            f"newslint: {quote_path(row.path)}: over threshold: {'; '.join(row.breaches)}",
            file=sys.stderr,
        )
    for error in report.errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    for failure in report.failures:
        print(
            f"newslint: error: {quote_path(failure.path)}: rule {failure.rule} did not finish: "
            f"{failure.reason}",
            file=sys.stderr,
        )
    failing = [f for f in report.findings if at_least(f.severity, report.fail_on)]
    if verdict is not None:  # thresholds decide
        failing = verdict
    _nothing_to_check(args, report)
    if not args.quiet and args.format in ("text", "full"):
        from lint.sources import skipped_summary

        skipped = f", {skipped_summary(report.errors)}" if report.errors else ""
        if report.failures:
            skipped += f", {len(report.failures)} rule failure(s)"
        print(
            f"{len(report.findings)} finding(s) in {len(report.checked)} file(s){skipped}",
            file=sys.stderr,
        )
    if report.errors or report.failures or fix_failed:
        return EXIT_ERROR
    if failing and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _run(args: argparse.Namespace, output: Output) -> Report:
    """The report for check and baseline: files, or JSON Lines records."""
    jobs = max(0, getattr(args, "jobs", 1))  # 0: automatic (lint.runner.AUTO_JOBS_MIN_INPUTS)
    guard = _guard(output)
    from lint.runner import Runner

    runner = Runner(_settings(args))
    if args.jsonl_field:
        return runner.run_jsonl(
            list(args.paths),
            args.jsonl_field,
            args.jsonl_id,
            jobs,
            guard,
            args.jsonl_suppress_field or None,
        )
    return runner.run(list(args.paths), jobs, guard)


def _gate(args: argparse.Namespace, report: Report) -> tuple[list[Any] | None, str]:
    """Narrow the findings (--diff-base, --baseline); return the documents that
    fail the thresholds (None when none is set) and the tables asked for."""
    from lint.runner import ConfigResolver

    if args.diff_base:
        from lint.gitdiff import only_changed

        report.findings = only_changed(report, args.diff_base)
    if args.baseline:
        from lint.baseline import load_baseline, new_findings

        report.findings = new_findings(report, load_baseline(args.baseline))
    thresholds = dict(ConfigResolver(_settings(args)).for_path("-").thresholds)
    thresholds.update(dict(args.threshold))
    if not (thresholds or args.statistics or args.summary):
        return None, ""
    from lint.gate import summarise, summary_table, unknown_families

    unknown = unknown_families(thresholds, report.rules)
    if unknown:
        raise ConfigError(
            f"threshold for unknown rule family {', '.join(map(repr, unknown))}; families in "
            f"this run: {', '.join(sorted({r.split('.')[0] for r in report.rules}))}"
        )

    rows = summarise(report, report.findings, thresholds)
    tables = summary_table(rows, thresholds) if args.summary else ""
    if not thresholds:
        return None, tables
    return [r for r in rows if r.breaches], tables


def cmd_baseline(args: argparse.Namespace) -> int:
    from lint.baseline import baseline_json
    from lint.output import write_output
    from lint.quoting import quote_path

    output = _plan_output(args)
    report = _run(args, output)
    text, count = baseline_json(report)
    write_output(output, [text])
    for error in report.errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    _nothing_to_check(args, report)
    print(f"wrote {count} finding(s) to {quote_path(args.output)}", file=sys.stderr)
    return EXIT_ERROR if report.errors else EXIT_CLEAN


def _rules_for(args: argparse.Namespace | None, everything: bool = False) -> list[Rule]:
    from lint.rulebook import all_rules, selected_rules
    from lint.runner import ConfigResolver, Settings

    config = ConfigResolver(_settings(args) if args else Settings()).for_path("-")
    return all_rules(config) if everything else selected_rules(config)


def cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "markdown" or args.output:
        return _rules_markdown(args)
    rules = _rules_for(args, everything=args.all)
    on = {r.id for r in _rules_for(args)}
    width = max((len(r.id) for r in rules), default=10)
    for rule in sorted(rules, key=lambda r: r.id):
        first = rule.description.splitlines()[0] if rule.description else ""
        state = "" if rule.id in on else " (off)"
        print(f"{rule.id:<{width}}  {rule.kind:<13} {rule.severity:<8} {first}{state}")
    return EXIT_CLEAN


def _rules_markdown(args: argparse.Namespace) -> int:
    """Every rule (switched off or not) and every kind, as Markdown."""
    from lint.output import plan_output, write_output
    from lint.ruledocs import render_markdown

    if args.format != "markdown":
        print("newslint: error: rules -o writes --format markdown", file=sys.stderr)
        return EXIT_ERROR
    output = plan_output(args.output)
    write_output(output, [render_markdown(_rules_for(args, everything=True))])
    return EXIT_CLEAN


def cmd_rule(args: argparse.Namespace) -> int:
    import textwrap

    rules = {r.id: r for r in _rules_for(args, everything=True)}
    rule = rules.get(args.rule_id)
    if rule is None:
        close = [r for r in rules if args.rule_id in r]
        hint = f" (did you mean {', '.join(sorted(close)[:5])}?)" if close else ""
        print(f"newslint: error: no rule {args.rule_id!r}{hint}", file=sys.stderr)
        return EXIT_ERROR
    print(
        f"{rule.id}  [{rule.kind}, {rule.severity}, fix: {rule.fix}"
        f"{'' if rule.enabled else ', off by default'}]"
    )
    from lint.finding import SEVERITY_MEANING

    print(f"defined in {rule.source}")
    print(textwrap.fill(f"{rule.severity}: {SEVERITY_MEANING[rule.severity]}", 80) + "\n")
    print(textwrap.fill(rule.description, 80) if "\n" not in rule.description else rule.description)
    print(f"\nmessage: {rule.message}")
    if rule.link:
        print(f"see: {rule.link}")
    for label, texts in (("flagged", rule.examples_flag), ("not flagged", rule.examples_pass)):
        if texts:
            print(f"\nexamples {label}:")
            for text in texts:
                print(f"  - {text}")
    return EXIT_CLEAN


def cmd_test_packs(args: argparse.Namespace) -> int:
    from lint.rulebook import load_pack_file
    from lint.selftest import run_examples

    if args.packs:
        from lint.packs import raise_all

        rules: list[Rule] = []
        errors: list[PackError] = []
        for path in args.packs:
            try:
                rules.extend(load_pack_file(Path(path)).rules)
            except PackError as exc:
                errors.append(exc)
        raise_all(errors)
    else:
        rules = _rules_for(args, everything=True)
    count, failures = run_examples(rules)
    for failure in failures:
        print(failure)
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


SUBCOMMANDS = (
    ("check", "check files, folders or - (stdin)", _check_options),
    (
        "baseline",
        "write the current findings to a baseline file (see check --baseline)",
        _baseline_options,
    ),
    ("rules", "list the rules", _rules_options),
    ("rule", "explain one rule, with its examples", _rule_options),
    ("test-packs", "run every example of every pack", _test_packs_options),
)

COMMANDS = {
    "check": cmd_check,
    "baseline": cmd_baseline,
    "rules": cmd_rules,
    "rule": cmd_rule,
    "test-packs": cmd_test_packs,
}


def _default_paths(args: argparse.Namespace) -> str | None:
    """No path means the current folder, or standard input under
    --stdin-filename (as in ruff). Returns what is wrong, if anything."""
    if not hasattr(args, "paths"):
        return None
    named = getattr(args, "stdin_filename", None)
    if not args.paths:
        args.paths = ["-"] if named else ["."]
    elif named and "-" not in args.paths:
        return "--stdin-filename names standard input; add - to the paths, or give no path"
    return None


def _exit_on_termination() -> None:
    """SIGTERM and SIGHUP unwind the stack like Ctrl-C does, so that temporary
    files are removed (lint.atomic) and worker processes stopped (lint.workers)."""
    import signal

    def leave(signum: int, frame: object) -> NoReturn:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if getattr(args, "allow_network", None):
        import os

        from lint.userconfig import ALLOW_ENV

        # For worker processes too; the person running newslint chose these.
        hosts = [os.environ.get(ALLOW_ENV, ""), *args.allow_network]
        os.environ[ALLOW_ENV] = ",".join(h for h in hosts if h)
    problem = _default_paths(args)
    if problem:
        print(f"newslint: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    _exit_on_termination()
    try:
        return COMMANDS[args.command](args)
    except (PackError, ConfigError) as exc:
        for line in str(exc).splitlines():  # PackErrors: one line per error
            print(f"newslint: error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `newslint check | head`: the reader has all it wants
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_CLEAN
    except Exception as exc:
        from lint.baseline import BaselineError
        from lint.gitdiff import GitError
        from lint.output import OutputError

        if not isinstance(exc, BaselineError | GitError | OutputError):
            raise
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
